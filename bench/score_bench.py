"""Scoring benchmark: the ``media-analytics score`` command end to end, against the pipeline a
user would write today, plus memory at growing input sizes, training time and a Dask cluster.

Articles are CLICK-ID news (``../shared/corpora/clickid-news-articles``) resampled with a fixed
seed to each size; above the 17,441 available, the k-th repeat of an article gets the id
``<id>~k`` (so it is scored again, and flagged as a duplicate of its first copy).

- Throughput: articles/s of a whole process (start-up, model load, reading, scoring, writing),
  median of ``--repeat`` runs, runs of the variants interleaved. *cold*: a fresh process whose
  stem cache holds only what the model ships (the words of its training corpus). *warm*: a fresh
  process whose stem cache already knows the input's words (ours: the model directory saved
  again after scoring the input once, which is how a batch job keeps its cache; the reference:
  PySastrawi's ``CachedStemmer`` filled from a dump of its cache after a cold run).
- Fixed cost: the same commands on 10 articles (cold, one process), once per repeat: what every
  process pays before its articles (start-up, imports, model load).
- Reference: ``StemmerFactory().create_stemmer()`` and ``StopWordRemoverFactory`` on lower-cased
  text, ``TfidfVectorizer``, ``LogisticRegression`` on the labelled sentiment set and ``KMeans``
  (10 clusters), trained here on the same bundled data as the default model (sample articles,
  sentiment set), saved with skops, loaded by the scoring process.
- CPU by part: CPU milliseconds per article of each part of scoring (cleaning, tokens and stems,
  themes, topics, actors, quotes, sentiment and tone, and the rest of building the records), in
  one process, the library's own scoring of chunks of 200 articles timed where it calls each
  part; median of ``--repeat`` passes over the throughput input after one warm-up pass (the
  stem cache warm). What a worker spends; the parent's duplicate detection and writing are not
  in it.
- Memory: peak of the summed RSS of the ``score`` process and its workers, sampled every 0.1 s
  (shared pages of forked workers are counted once per process, so this overstates), and where
  the system reports it (Linux) the peak of their summed PSS, sampled every 0.5 s (a page shared
  by n processes counts 1/n in each: what the process tree really holds); median of
  ``--repeat`` runs per size, each run listed.
- Training: ``MediaPipeline().fit`` on every CLICK-ID article in one process.
- Dask: ``media_analytics.scale.score_partitions`` on a LocalCluster of 1 and 2 workers, the
  throughput input split into 8 partitions; the merged output is checked against the command's.
- Hashing: the accuracy cost of streaming training on the bundled sentiment set (5-fold
  macro-F1): TF-IDF + logistic regression, hashed features + logistic regression, hashed
  features + ``SGDClassifier.partial_fit`` over 10 partitions.

    python bench/score_bench.py --quick                 # a couple of minutes
    python bench/score_bench.py                         # 2,000 articles, 3 repeats, 10k and 100k
    python bench/score_bench.py --sizes 10000 100000 1000000
    python bench/score_bench.py --only memory --sizes 100000 1000000   # one section
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CLICKID = ROOT.parent / "shared" / "corpora" / "clickid-news-articles" / "clickid_articles_80.csv"
SEED = 20240917
SECTIONS = ("throughput", "cpu", "memory", "dask", "train", "hashing")
N_CLUSTERS = 10


# -- data ----------------------------------------------------------------------------------------


def load_clickid_articles(limit: int | None = None) -> list[Any]:
    from media_analytics.corpus import Rejects, load_clickid

    articles = []
    for a in load_clickid(CLICKID, rejects=Rejects()):
        articles.append(a)
        if limit and len(articles) >= limit:
            break
    return articles


def resample(articles: list[Any], n: int, seed: int = SEED) -> Iterator[Any]:
    """``n`` articles: shuffled passes over the corpus, repeats renamed ``<id>~k``."""
    import numpy as np

    rng = np.random.default_rng(seed)
    done = 0
    k = 0
    while done < n:
        for i in rng.permutation(len(articles))[: n - done]:
            a = articles[int(i)]
            yield a if k == 0 else replace(a, id=f"{a.id}~{k}", extra=dict(a.extra))
            done += 1
        k += 1


def write_input(articles: list[Any], n: int, path: Path) -> Path:
    from media_analytics.corpus import write_jsonl

    if not path.exists():
        tmp = path.with_suffix(".tmp")
        write_jsonl(resample(articles, n), tmp)
        tmp.rename(path)
    return path


def write_partitions(source: Path, folder: Path, parts: int) -> Path:
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    folder.mkdir(parents=True, exist_ok=True)
    size = -(-len(lines) // parts)
    for k in range(parts):
        (folder / f"part-{k:03d}.jsonl").write_text(
            "".join(lines[k * size : (k + 1) * size]), encoding="utf-8"
        )
    return folder


# -- running a measured process ------------------------------------------------------------------


def measure(
    cmd: list[str], env: dict[str, str], timeout: float = 4 * 3600, ok: tuple[int, ...] = (0,)
) -> dict[str, Any]:
    """Wall time, peak summed RSS and peak summed PSS (MB) of a process and all its descendants.

    PSS (``peak_pss_mb``) is read every fifth sample, as it costs more to read; it is ``None``
    where the system does not report it.

    Any exit code outside ``ok`` stops the bench with the end of the process's stderr (the
    ``score`` command exits 1 when it rejected records; a helper's 1 is a Python error).
    """
    import psutil

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=err)
        root = psutil.Process(proc.pid)
        peak = 0
        peak_pss: int | None = 0
        tick = 0
        while proc.poll() is None:
            total = total_pss = 0
            read_pss = peak_pss is not None and tick % 5 == 0
            tick += 1
            with contextlib.suppress(psutil.Error):
                for p in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        if read_pss:
                            info = p.memory_full_info()
                            total_pss += getattr(info, "pss", 0)
                            if not hasattr(info, "pss"):
                                peak_pss, read_pss = None, False
                        else:
                            info = p.memory_info()
                        total += info.rss
            peak = max(peak, total)
            if read_pss and peak_pss is not None:
                peak_pss = max(peak_pss, total_pss)
            if time.perf_counter() - start > timeout:
                for p in [*root.children(recursive=True), root]:
                    with contextlib.suppress(psutil.Error):
                        p.kill()
                sys.exit(f"timed out after {timeout:.0f} s: {' '.join(cmd)}")
            time.sleep(0.1)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode not in ok:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{stderr[-3000:]}")
    result: dict[str, Any] = {
        "seconds": seconds,
        "peak_mb": peak / 2**20,
        "peak_pss_mb": None if not peak_pss else peak_pss / 2**20,
    }
    last = stdout.strip().splitlines()[-1:]
    if last and last[0].startswith("{"):
        result.update(json.loads(last[0]))
    return result


def score_command() -> list[str]:
    script = Path(sys.executable).with_name("media-analytics")
    return [str(script)] if script.exists() else [sys.executable, "-m", "media_analytics.cli"]


def ours(inp: Path, out: Path, *, jobs: int, model: Path | None = None) -> list[str]:
    cmd = [*score_command(), "score", str(inp), "--out", str(out), "--quiet", "--jobs", str(jobs)]
    return cmd + (["--model", str(model)] if model else [])


def self_cmd(*args: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), *args]


# -- the reference pipeline ----------------------------------------------------------------------


def _sastrawi() -> tuple[Any, Any]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    return StemmerFactory().create_stemmer(), StopWordRemoverFactory().create_stop_word_remover()


def train_reference(path: Path) -> dict[str, Any]:
    """Fit the reference on the default model's own training data; save it with skops."""
    import skops.io as sio
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from media_analytics.corpus import Rejects, read_articles, read_labelled
    from media_analytics.resources import corpora_dir, sample_dir

    stemmer, remover = _sastrawi()

    def prep(text: str) -> str:
        return stemmer.stem(remover.remove(text.lower()))

    t0 = time.perf_counter()
    sample = [f"{a.title}\n{a.text}" for a in read_articles(sample_dir(), rejects=Rejects())]
    labelled = [read_labelled(p) for p in sorted((corpora_dir() / "sentiment").glob("*.jsonl"))]
    texts = [t for frame in labelled for t in frame["text"]]
    labels = [y for frame in labelled for y in frame["label"]]
    docs = [prep(t) for t in sample]
    sents = [prep(t) for t in texts]
    vectorizer = TfidfVectorizer().fit(docs + sents)
    model = {
        "vectorizer": vectorizer,
        "sentiment": LogisticRegression(max_iter=2000).fit(vectorizer.transform(sents), labels),
        "topics": KMeans(N_CLUSTERS, random_state=0, n_init=10).fit(vectorizer.transform(docs)),
    }
    sio.dump(model, path)
    return {"seconds": time.perf_counter() - t0, "articles": len(docs), "sentences": len(sents)}


def score_reference(args: argparse.Namespace) -> None:
    """One reference scoring process (the figure includes its start-up and model load)."""
    import skops.io as sio

    stemmer, remover = _sastrawi()
    if args.stems:
        stemmer.cache.data.update(json.loads(Path(args.stems).read_text(encoding="utf-8")))
    model = sio.load(args.model, trusted=sio.get_untrusted_types(file=args.model))
    vec, clf, km = model["vectorizer"], model["sentiment"], model["topics"]

    def prep(text: str) -> str:
        return str(stemmer.stem(remover.remove(text.lower())))

    n = 0
    with open(args.input, encoding="utf-8") as src, open(args.out, "w", encoding="utf-8") as dst:
        batch: list[dict[str, Any]] = []
        for line in [*src, None]:
            if line is not None:
                batch.append(json.loads(line))
            if batch and (line is None or len(batch) == 256):
                docs = [prep(f"{r['title']}\n{r['text']}") for r in batch]
                X = vec.transform(docs)
                proba, topics = clf.predict_proba(X), km.predict(X)
                for r, p, t in zip(batch, proba, topics, strict=True):
                    best = int(p.argmax())
                    record = {
                        "id": r["id"],
                        "sentiment": {"label": str(clf.classes_[best]), "score": float(p[best])},
                        "topic": {"id": int(t)},
                    }
                    dst.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += len(batch)
                batch = []
    if args.dump_stems:
        Path(args.dump_stems).write_text(json.dumps(stemmer.cache.data), encoding="utf-8")
    print(json.dumps({"scored": n}))


# -- helpers run in their own process ------------------------------------------------------------


def make_warm_model(args: argparse.Namespace) -> None:
    """The default model saved again after scoring the input: its stem cache knows the words."""
    from media_analytics.corpus import read_articles
    from media_analytics.models import default_model

    pipe = default_model()
    for _ in pipe.score(read_articles(args.input, dayfirst=True), n_jobs=1):
        pass
    pipe.save(args.out)
    print(json.dumps({"model_version": pipe.model_version}))


def train_bundle(args: argparse.Namespace) -> None:
    from media_analytics.pipeline import MediaPipeline

    articles = load_clickid_articles(args.limit)
    t0 = time.perf_counter()
    pipe = MediaPipeline().fit(articles, n_jobs=args.workers)
    print(
        json.dumps(
            {
                "fit_seconds": time.perf_counter() - t0,
                "articles": len(articles),
                "model_version": pipe.model_version,
            }
        )
    )


def run_dask(args: argparse.Namespace) -> None:
    import logging

    from media_analytics.scale import score_partitions

    logging.getLogger("distributed").setLevel(logging.ERROR)
    summary = score_partitions(args.input, args.out, n_workers=args.workers, merge_to=args.merge)
    print(json.dumps({k: summary[k] for k in ("articles", "workers", "prepass_seconds")}))


def hashing_cost() -> dict[str, float]:
    """5-fold macro-F1 on the bundled sentiment set: in-memory TF-IDF vs streaming hashed SGD."""
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfVectorizer
    from sklearn.linear_model import LogisticRegression, SGDClassifier
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    from media_analytics.corpus import read_labelled
    from media_analytics.resources import corpora_dir

    stemmer, remover = _sastrawi()
    frames = [read_labelled(p) for p in sorted((corpora_dir() / "sentiment").glob("*.jsonl"))]
    texts = [stemmer.stem(remover.remove(t.lower())) for f in frames for t in f["text"]]
    y = np.array([v for f in frames for v in f["label"]])
    hasher = HashingVectorizer(n_features=2**20, alternate_sign=False)
    scores: dict[str, list[float]] = {"tfidf_lr": [], "hashing_lr": [], "hashing_sgd_stream": []}
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    for train, test in folds.split(texts, y):
        tr, te = [texts[i] for i in train], [texts[i] for i in test]
        tfidf = TfidfVectorizer().fit(tr)
        lr = LogisticRegression(max_iter=2000).fit(tfidf.transform(tr), y[train])
        predicted = lr.predict(tfidf.transform(te))
        scores["tfidf_lr"].append(f1_score(y[test], predicted, average="macro"))
        Xtr, Xte = hasher.transform(tr), hasher.transform(te)
        lr = LogisticRegression(max_iter=2000).fit(Xtr, y[train])
        scores["hashing_lr"].append(f1_score(y[test], lr.predict(Xte), average="macro"))
        sgd = SGDClassifier(loss="log_loss", random_state=0)
        rng = np.random.default_rng(0)
        for _ in range(5):  # epochs over 10 "partitions", shuffled each time
            for part in np.array_split(rng.permutation(len(tr)), 10):
                sgd.partial_fit(Xtr[part], y[train][part], classes=np.unique(y))
        scores["hashing_sgd_stream"].append(f1_score(y[test], sgd.predict(Xte), average="macro"))
    return {k: float(np.mean(v)) for k, v in scores.items()} | {"sentences": float(len(texts))}


def cpu_by_part(articles: list[Any], repeat: int) -> dict[str, list[float]]:
    """CPU ms per article of each part of ``_score_chunk``, one list (a pass each) per part.

    The parts are timed by wrapping the functions the library's chunk scoring calls (looked up
    where it looks them up), so that the figures are those of the code that scores, not of a
    copy of it; ``rest`` is the chunk's time outside them (assembling the records).
    """
    from collections import defaultdict

    import media_analytics.actors as actors_mod
    import media_analytics.pipeline as pipeline_mod
    import media_analytics.sentiment.batch as batch_mod
    from media_analytics.models import default_model

    parts = default_model()._parts()
    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, fn: Any) -> Any:
        def wrapper(*a: Any, **k: Any) -> Any:
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += time.process_time() - t

        return wrapper

    patches = [
        (pipeline_mod, "clean_article", "cleaning"),
        (pipeline_mod, "clean_title", "cleaning"),
        (pipeline_mod, "_token_doc", "tokens and stems"),
        (actors_mod, "extract_actors", "actors"),
        (actors_mod, "speakers_as_actors", "actors"),
        (actors_mod, "places_outside_body", "actors"),
        (actors_mod, "bodies_outside_body", "actors"),
        (actors_mod, "extract_quotes", "quotes"),
        (batch_mod, "score_with_article_model", "sentiment and tone"),
        (parts.themes, "tag_many", "themes"),
        (parts.topics, "topic_records", "topics"),
    ]
    saved = [(obj, name, getattr(obj, name)) for obj, name, _ in patches]
    per_pass: dict[str, list[float]] = defaultdict(list)
    try:
        for obj, name, part in patches:
            setattr(obj, name, timed(part, getattr(obj, name)))
        for r in range(repeat + 1):  # the first pass warms the stem cache
            spent.clear()
            t = time.process_time()
            for i in range(0, len(articles), 200):
                pipeline_mod._score_chunk(parts, articles[i : i + 200])
            whole = time.process_time() - t
            if r == 0:
                continue
            spent["rest"] = whole - sum(spent.values())
            spent["whole"] = whole
            for part, seconds in spent.items():
                per_pass[part].append(seconds / len(articles) * 1000)
    finally:
        for obj, name, original in saved:
            if obj is parts.themes or obj is parts.topics:
                delattr(obj, name)  # the instance's wrapper; the class's method shows again
            else:
                setattr(obj, name, original)
    return dict(per_pass)


# -- the benchmark -------------------------------------------------------------------------------


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def pss_cell(runs: list[dict[str, Any]]) -> str:
    """The median peak PSS of ``runs`` in MB, or ``n/a`` where the system did not report it."""
    values = [r["peak_pss_mb"] for r in runs if r.get("peak_pss_mb") is not None]
    return f"{statistics.median(values):,.0f}" if len(values) == len(runs) and values else "n/a"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes, one repeat (minutes)")
    ap.add_argument("--repeat", type=int, default=None, help="runs per figure (default 3; quick 1)")
    ap.add_argument("--articles", type=int, default=None, help="throughput input (default 2000)")
    ap.add_argument("--sizes", type=int, nargs="*", default=None, help="memory sizes (10k 100k)")
    ap.add_argument("--train-limit", type=int, default=None, help="training articles (all)")
    ap.add_argument(
        "--train-jobs",
        type=int,
        default=-1,
        help="processes for the fit (default -1: all cores)",
    )
    ap.add_argument("--work", type=Path, help="keep inputs and outputs here (default: temp)")
    ap.add_argument("--json", type=Path, help="also write every raw measurement to this file")
    ap.add_argument(
        "--only",
        nargs="+",
        choices=SECTIONS,
        default=list(SECTIONS),
        help="run only these sections (default: all)",
    )
    ap.add_argument("--one", help=argparse.SUPPRESS)
    for name in ("input", "out", "model", "stems", "dump_stems", "merge"):
        ap.add_argument(f"--{name.replace('_', '-')}", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    helpers = {
        "reference": score_reference,
        "warm-model": make_warm_model,
        "train": train_bundle,
        "dask": run_dask,
    }
    if args.one:
        helpers[args.one](args)
        return
    only = set(args.only)
    # hashing reads only the bundled sentiment set: it runs in any clone, without the corpus
    on_clickid = only - {"hashing"}
    if on_clickid and not CLICKID.exists():
        sys.exit(
            f"--only {' '.join(sorted(on_clickid))} needs "
            f"{CLICKID.relative_to(ROOT.parent)} (the shared corpora); --only hashing does not"
        )
    repeat = args.repeat or (1 if args.quick else 3)
    n = args.articles or (100 if args.quick else 2000)
    sizes = args.sizes if args.sizes is not None else ([500] if args.quick else [10_000, 100_000])
    train_limit = args.train_limit or (300 if args.quick else None)
    work = args.work or Path(tempfile.mkdtemp(prefix="score-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, MEDIA_ANALYTICS_HOME=str(work / "home"), PYTHONUNBUFFERED="1")
    os.environ["MEDIA_ANALYTICS_HOME"] = env["MEDIA_ANALYTICS_HOME"]
    raw: dict[str, Any] = {"argv": sys.argv[1:]}

    def log(msg: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)

    if on_clickid:
        log("reading CLICK-ID")
        articles = load_clickid_articles()
        inp = write_input(articles, n, work / f"input-{n}.jsonl")
        log("building the default model (first use)")
        raw["default_model_build"] = measure(
            [sys.executable, "-c", "from media_analytics.models import default_model as d; d()"],
            env,
        )
    runs: dict[str, list[dict[str, float]]] = {}
    same = None
    if "throughput" in only:
        log("warm model, reference model")
        measure(
            self_cmd("--one", "warm-model", "--input", str(inp), "--out", str(work / "warm")), env
        )
        raw["reference_training"] = train_reference(work / "reference.skops")
        stems = work / "ref-stems.json"
        ref = self_cmd("--one", "reference", "--input", str(inp))
        ref += ["--model", str(work / "reference.skops")]
        measure([*ref, "--out", str(work / "ref.jsonl"), "--dump-stems", str(stems)], env)
        variants = {
            "ours cold, 1 process": ours(inp, work / "o1.jsonl", jobs=1),
            "ours warm, 1 process": ours(inp, work / "o2.jsonl", jobs=1, model=work / "warm"),
            "ours cold, all cores": ours(inp, work / "o3.jsonl", jobs=-1),
            "ours warm, all cores": ours(inp, work / "o4.jsonl", jobs=-1, model=work / "warm"),
            "reference cold": [*ref, "--out", str(work / "r1.jsonl")],
            "reference warm": [*ref, "--out", str(work / "r2.jsonl"), "--stems", str(stems)],
        }
        # the fixed cost of a process: start-up, imports, model load, and 10 articles
        tiny = write_input(articles, 10, work / "input-10.jsonl")
        ref_tiny = self_cmd("--one", "reference", "--input", str(tiny))
        ref_tiny += ["--model", str(work / "reference.skops"), "--out", str(work / "t2.jsonl")]
        fixed = {"ours": ours(tiny, work / "t1.jsonl", jobs=1), "reference": ref_tiny}
        runs = {k: [] for k in variants}
        startup: dict[str, list[dict[str, float]]] = {k: [] for k in fixed}
        for r in range(repeat):
            for name, cmd in variants.items():
                log(f"throughput {name} ({r + 1}/{repeat})")
                ok = (0, 1) if name.startswith("ours") else (0,)
                runs[name].append(measure(cmd, env, ok=ok))
            for name, cmd in fixed.items():
                startup[name].append(measure(cmd, env, ok=(0, 1) if name == "ours" else (0,)))
        raw["throughput"] = runs
        raw["startup"] = startup
        first = (work / "o1.jsonl").read_bytes()
        same = all((work / f"o{i}.jsonl").read_bytes() == first for i in (2, 3, 4))

    if "cpu" in only:
        log(f"CPU by part, {n:,} articles, {repeat} passes after a warm-up pass")
        raw["cpu"] = cpu_by_part(list(resample(articles, n)), repeat)

    memory = []
    for size in sizes if "memory" in only else []:
        big = write_input(articles, size, work / f"input-{size}.jsonl")
        size_runs = []
        for r in range(repeat):
            log(f"memory at {size:,} articles ({r + 1}/{repeat})")
            size_runs.append(
                measure(ours(big, work / f"big-{size}.jsonl", jobs=-1), env, ok=(0, 1))
            )
            (work / f"big-{size}.jsonl").unlink()
        memory.append(
            {
                "articles": size,
                "seconds": median(size_runs, "seconds"),
                "peak_mb": median(size_runs, "peak_mb"),
                "peak_pss": pss_cell(size_runs),
                "runs": size_runs,
            }
        )
        big.unlink()
    raw["memory"] = memory

    dask = []
    if "dask" in only:
        log("Dask LocalCluster")
        single = work / "dask-reference.jsonl"
        measure(ours(inp, single, jobs=-1), env, ok=(0, 1))
        parts = write_partitions(inp, work / "partitions", 8)
        for workers in (1, 2):
            out = work / f"dask-{workers}"
            shutil.rmtree(out, ignore_errors=True)
            merged = work / f"dask-{workers}.jsonl"
            cmd = self_cmd(
                "--one",
                "dask",
                "--input",
                str(parts),
                "--out",
                str(out),
                "--workers",
                str(workers),
                "--merge",
                str(merged),
            )
            result = measure(cmd, env)
            result["identical"] = merged.read_bytes() == single.read_bytes()
            dask.append({"workers": workers, **result})
    raw["dask"] = dask

    if "train" in only:
        log(f"training the bundle on {train_limit or 'all'} CLICK-ID articles")
        train_cmd = self_cmd("--one", "train", "--workers", str(args.train_jobs))
        train_cmd += ["--limit", str(train_limit)] if train_limit else []
        raw["training"] = []
        for r in range(repeat):
            log(f"training the bundle ({r + 1}/{repeat})")
            raw["training"].append(measure(train_cmd, env))
    if "hashing" in only:
        log("hashing + partial_fit accuracy")
        raw["hashing"] = hashing_cost()
    if args.json:
        args.json.write_text(json.dumps(raw, indent=2, default=str), encoding="utf-8")
    print_tables(n, repeat, runs, same, memory, dask, raw)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


def print_tables(
    n: int,
    repeat: int,
    runs: dict[str, list[dict[str, float]]],
    same: bool | None,
    memory: list[dict[str, Any]],
    dask: list[dict[str, Any]],
    raw: dict[str, Any],
) -> None:
    cores = os.cpu_count()
    command = " ".join(["python", "bench/score_bench.py", *sys.argv[1:]])
    print(
        f"Measured with `{command}` on {cores} cores, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}. Medians of {repeat} run(s).\n"
    )
    if runs:
        rate = {k: n / median(v, "seconds") for k, v in runs.items()}
        print(f"Scoring {n:,} CLICK-ID articles, whole process (start-up and model load included):")
        print()
        print(
            "| variant | articles/s | peak RSS (MB) | peak PSS (MB) "
            "| vs reference (same cache state) |"
        )
        print("|---|---:|---:|---:|---:|")
        for name in runs:
            ref_name = "reference warm" if "warm" in name else "reference cold"
            ratio = "" if name.startswith("reference") else f"{rate[name] / rate[ref_name]:.2f}x"
            print(
                f"| {name} | {rate[name]:.1f} | {median(runs[name], 'peak_mb'):,.0f} | "
                f"{pss_cell(runs[name])} | {ratio} |"
            )
        print(f"\nOur four outputs byte-identical (cache and processes change speed only): {same}")
        startup = raw.get("startup") or {}
        if startup:
            each = {k: " / ".join(f"{r['seconds']:.2f}" for r in v) for k, v in startup.items()}
            print(
                "Fixed cost of one process (start-up, imports, model load, 10 articles), median: "
                f"ours {median(startup['ours'], 'seconds'):.2f} s ({each['ours']}), reference "
                f"{median(startup['reference'], 'seconds'):.2f} s ({each['reference']})."
            )
    if raw.get("cpu"):
        cpu = raw["cpu"]
        whole = statistics.median(cpu["whole"])
        print(f"\nCPU per article of each part of scoring, one process, {n:,} articles (ms):\n")
        print("| part | ms per article | share | passes (ms) |")
        print("|---|---:|---:|---|")
        for part, values in sorted(cpu.items(), key=lambda kv: kv[0] == "whole"):
            each = " / ".join(f"{v:.3f}" for v in values)
            share = statistics.median(values) / whole
            print(f"| {part} | {statistics.median(values):.3f} | {share:.0%} | {each} |")
    if memory:
        print("\nPeak memory of `media-analytics score` (all cores) by input size, from disk:\n")
        print(
            "| articles | seconds | articles/s | peak RSS of the process tree (MB) | runs (MB) "
            "| peak PSS (MB) |"
        )
        print("|---:|---:|---:|---:|---|---:|")
        for m in memory:
            each = " / ".join(f"{r['peak_mb']:.0f}" for r in m["runs"])
            print(
                f"| {m['articles']:,} | {m['seconds']:.0f} | {m['articles'] / m['seconds']:.1f} | "
                f"{m['peak_mb']:.0f} | {each} | {m['peak_pss']} |"
            )
    if dask:
        print(f"\nDask LocalCluster (`score_partitions`, {n:,} articles in 8 partitions):\n")
        print("| workers | seconds | articles/s | client dedup pre-pass (s) |", end="")
        print(" same bytes as `score` |")
        print("|---:|---:|---:|---:|---|")
        for d in dask:
            print(
                f"| {d['workers']} | {d['seconds']:.1f} | {n / d['seconds']:.1f} | "
                f"{d.get('prepass_seconds', float('nan')):.1f} | {d['identical']} |"
            )
    if raw.get("training"):
        t = raw["training"]
        fits = ", ".join(f"{r['fit_seconds']:.0f}" for r in t)
        print(
            f"\nTraining the whole bundle (`MediaPipeline().fit`) on {t[0]['articles']:,} "
            f"CLICK-ID articles, median of {len(t)}: {median(t, 'fit_seconds'):.0f} s fit "
            f"(runs: {fits} s), {median(t, 'seconds'):.0f} s process, peak RSS "
            f"{median(t, 'peak_mb'):.0f} MB."
        )
    if "default_model_build" in raw:
        b = raw["default_model_build"]
        print(f"Default model, built on first use: {b['seconds']:.0f} s (process).")
    if "reference_training" in raw:
        print(f"Reference training: {raw['reference_training']['seconds']:.1f} s.")
    if "hashing" in raw:
        h = raw["hashing"]
        print(
            f"\nStreaming training cost, bundled sentiment set ({h['sentences']:.0f} sentences, "
            "5-fold macro-F1): "
            f"TF-IDF + LogisticRegression {h['tfidf_lr']:.3f}; hashed features + "
            f"LogisticRegression {h['hashing_lr']:.3f}; hashed + SGD partial_fit, 10 partitions x "
            f"5 epochs {h['hashing_sgd_stream']:.3f}."
        )


if __name__ == "__main__":
    main()
