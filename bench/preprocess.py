"""Preprocessing throughput: media_analytics against the pipeline a user would write today.

The reference is PySastrawi as its README shows it: ``StemmerFactory().create_stemmer()`` and
``StopWordRemoverFactory().create_stop_word_remover()`` applied to lower-cased article text.
Ours does more (encoding repair, HTML, boilerplate, datelines, reduplication-aware tokens, a
larger stoplist) and is measured on the same articles in the same run.

Each measurement runs in a fresh process (so "cold" really starts with empty caches) and reports
articles/s for a cold pass and a warm second pass over the same articles, and peak memory
(maximum resident set size of the process and its workers). Figures are medians of ``--repeat``
runs; ratios are ours / reference.

    python bench/preprocess.py                   # all CLICK-ID articles, 3 repeats
    python bench/preprocess.py --limit 3000 --repeat 1
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import statistics
import subprocess
import sys
import time
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLICKID = ROOT.parent / "shared" / "corpora" / "clickid-news-articles" / "clickid_articles_80.csv"


def load_texts(limit: int | None) -> list[str]:
    csv.field_size_limit(1 << 30)
    texts = []
    with CLICKID.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            texts.append(f"{row['title']}\n{row['content']}")
            if limit and len(texts) >= limit:
                break
    return texts


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + kids) / 1024.0


def run_reference(texts: list[str]) -> dict[str, float]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    stemmer = StemmerFactory().create_stemmer()
    remover = StopWordRemoverFactory().create_stop_word_remover()
    out = {}
    for phase in ("cold", "warm"):
        t0 = time.perf_counter()
        for text in texts:
            stemmer.stem(remover.remove(text.lower()))
        out[phase] = len(texts) / (time.perf_counter() - t0)
    out["peak_mb"] = peak_rss_mb()
    return out


def run_ours(texts: list[str], n_jobs: int) -> dict[str, float]:
    from media_analytics.preprocessing import WorkerPool, preprocess_many

    out = {}
    # the pool is started before the clock, as a long-running job keeps it; each pass returns
    # the same objects a user gets (cleaned text, token string, dateline) for every article
    with WorkerPool(n_jobs) if n_jobs > 1 else nullcontext() as pool:
        for phase in ("cold", "warm"):
            t0 = time.perf_counter()
            preprocess_many(texts, n_jobs=1, pool=pool)
            out[phase] = len(texts) / (time.perf_counter() - t0)
    out["peak_mb"] = peak_rss_mb()
    return out


def one(kind: str, n_jobs: int, limit: int | None) -> None:
    texts = load_texts(limit)
    res = run_reference(texts) if kind == "reference" else run_ours(texts, n_jobs)
    res["articles"] = len(texts)
    print(json.dumps(res))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="articles to use (default: all)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--one", choices=["reference", "ours"], help=argparse.SUPPRESS)
    ap.add_argument("--jobs", type=int, default=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        one(args.one, args.jobs, args.limit)
        return
    if not CLICKID.exists():
        sys.exit(f"needs {CLICKID.relative_to(ROOT.parent)} (the shared corpora)")
    variants = [("reference", 1), ("ours", 1), ("ours", 2)]
    runs: dict[str, list[dict[str, float]]] = {f"{k}/{j}": [] for k, j in variants}
    for r in range(args.repeat):
        for kind, jobs in variants:
            cmd = [sys.executable, __file__, "--one", kind, "--jobs", str(jobs)]
            if args.limit:
                cmd += ["--limit", str(args.limit)]
            res = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
            runs[f"{kind}/{jobs}"].append(res)
            print(f"run {r + 1} {kind} jobs={jobs}: {res}", file=sys.stderr)

    def med(key: str, field: str) -> float:
        return statistics.median(x[field] for x in runs[key])

    n = runs["reference/1"][0]["articles"]
    print(
        f"\nPreprocessing {int(n):,} CLICK-ID articles, median of {args.repeat} runs "
        f"({sys.platform}, {__import__('os').cpu_count()} cores)\n"
    )
    print("| pipeline | cores | cold art/s | warm art/s | peak MB | cold ratio | warm ratio |")
    print("|---|---|---|---|---|---|---|")
    ref_c, ref_w = med("reference/1", "cold"), med("reference/1", "warm")
    names = {"reference": "PySastrawi create_stemmer + StopWordRemover", "ours": "media_analytics"}
    for kind, jobs in variants:
        key = f"{kind}/{jobs}"
        c, w = med(key, "cold"), med(key, "warm")
        print(
            f"| {names[kind]} | {jobs} | {c:,.0f} | {w:,.0f} | {med(key, 'peak_mb'):,.0f} | "
            f"{c / ref_c:.2f}x | {w / ref_w:.2f}x |"
        )
    # each run's own ratio (ours and the reference measured back to back), to show the spread
    for kind, jobs in variants[1:]:
        key = f"{kind}/{jobs}"
        pairs = list(zip(runs["reference/1"], runs[key], strict=True))
        for phase in ("cold", "warm"):
            each = [x[phase] / r[phase] for r, x in pairs]
            print(
                f"\nper-run {phase} ratios, {jobs} core(s): "
                + ", ".join(f"{v:.2f}x" for v in each)
                + f" (median {statistics.median(each):.2f}x)",
                end="",
            )
    print()


if __name__ == "__main__":
    main()
