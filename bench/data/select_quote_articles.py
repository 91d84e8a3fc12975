"""Pick the real news articles for the quote-attribution evaluation and print them for annotation.

This script only CHOOSES articles and DISPLAYS them with character offsets. It never decides
whether a passage is a quotation, who said it, or anything else that goes into
``quote_labels.csv``: every row of that file was decided by a person reading the article.

Selection (deterministic):
  * detik2025: rows of ``detik-aspect-news-2025/data_berita.csv``, body column ``isi_berita``;
    clickid:   rows of ``clickid-news-articles/clickid_articles_80.csv``, body column ``content``.
  * An article is eligible when its body (exactly as Python's csv module returns it) contains at
    least one double-quote character (straight ``"`` or curly U+201C / U+201D) and is between
    MIN_LEN and MAX_LEN characters long (the upper bound keeps the hand-annotation workload
    bounded; it is a documented limit of the set).
  * Eligible ids are sorted as strings and shuffled with ``random.Random(SEED)`` (one generator
    per dataset, seeded with SEED + dataset offset). The set is taken from the front of that
    order in stages: stage 1 is the first QUOTA[1][dataset] ids, stage 2 the next
    QUOTA[2][dataset] ids, and so on; a later stage never changes an earlier one. ``--reserve K``
    lists K further ids after the last selected stage in the same order (the fallback pool, used
    only if a chosen article cannot be annotated).

Usage:
    python bench/data/select_quote_articles.py list [--stage S] [--corpora DIR] [--reserve K]
    python bench/data/select_quote_articles.py show ID [ID ...] [--corpora DIR] [--width 100]
    python bench/data/select_quote_articles.py batch N [--stage S] [--size 5] [--corpora DIR]
    python bench/data/select_quote_articles.py verify [LABELS_CSV] [--corpora DIR]

S is a stage number (1 to 4) or ``all`` (the default for ``list``; ``batch`` defaults to stage 1).
``list`` prints CSV ``dataset,article_id,rank,stage`` (rank = position in the shuffled order).
``show`` prints the raw body of the given article(s), wrapped, every line prefixed with the
character offset of its first character, followed by the offsets of every double-quote
character and the text between consecutive marks (a reading aid for finding offsets only).
``batch`` shows batch N (0-based) of the selection, ``--size`` articles at a time, detik2025 first.
``verify`` checks a label file (default: ``quote_labels.csv`` next to this script) against the
raw bodies: known dataset and selected article id, the row's ``stage`` equal to the stage that
selected the article, offsets in range, ``body[start:end]`` non-empty,
not starting or ending with a quote mark or whitespace, direct in {0, 1}, non-empty speaker, no
duplicate or overlapping spans within an article; then prints counts per stage. It changes nothing.

DIR defaults to ``../shared/corpora`` next to the repository checkout.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import os
import random
import sys

SEED = 20250611
MIN_LEN = 300
MAX_LEN = 6000
# articles per stage and dataset; stage 1 was annotated first and the extractor was developed
# against it, stage 2 was annotated afterwards as a check set before any further change (its
# errors were studied later), stage 3 was annotated after the last extractor change and scored
# once, as a held-out test set; stage 4 was annotated while the extractor was being changed with
# the stage-3 errors, without looking at extractor output, to be scored once after that round
QUOTA = {
    1: {"detik2025": 70, "clickid": 40},
    2: {"detik2025": 25, "clickid": 15},
    3: {"detik2025": 20, "clickid": 10},
    4: {"detik2025": 20, "clickid": 10},
}
STAGES = tuple(QUOTA)
DATASETS = {
    # name: (relative csv path, id column, body column, seed offset)
    "detik2025": (
        os.path.join("detik-aspect-news-2025", "data_berita.csv"),
        "id",
        "isi_berita",
        0,
    ),
    "clickid": (
        os.path.join("clickid-news-articles", "clickid_articles_80.csv"),
        "article_id",
        "content",
        1,
    ),
}
DQUOTES = ('"', "\u201c", "\u201d")
# curly double quotes whose UTF-8 bytes were decoded as Mac Roman in some CLICK-ID rows
MOJIBAKE = ("\u201a\u00c4\u00fa", "\u201a\u00c4\u00f9")

csv.field_size_limit(sys.maxsize)


def default_corpora() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "corpora"))


def load_bodies(corpora: str) -> dict[str, dict[str, str]]:
    """Return {dataset: {article_id: raw body}} read with the csv module (no normalisation)."""
    out: dict[str, dict[str, str]] = {}
    for ds, (rel, id_col, body_col, _) in DATASETS.items():
        with open(os.path.join(corpora, rel), encoding="utf-8", newline="") as fh:
            out[ds] = {row[id_col]: row[body_col] or "" for row in csv.DictReader(fh)}
    return out


def eligible(body: str) -> bool:
    return MIN_LEN <= len(body) <= MAX_LEN and any(q in body for q in DQUOTES)


def ranked(bodies: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    """Eligible ids per dataset in the fixed shuffled order."""
    out = {}
    for ds, (_, _, _, off) in DATASETS.items():
        ids = sorted(i for i, b in bodies[ds].items() if eligible(b))
        random.Random(SEED + off).shuffle(ids)
        out[ds] = ids
    return out


def selection(
    bodies, reserve: int = 0, stages: tuple[int, ...] = STAGES
) -> list[tuple[str, str, int, int]]:
    """(dataset, article_id, rank, stage) of the selected articles, detik2025 first, in rank
    order. Reserve ids (after the last stage) are given stage 0."""
    order = ranked(bodies)
    rows = []
    for ds in DATASETS:
        start = 0
        for stage in STAGES:
            n = QUOTA[stage][ds]
            if stage in stages:
                rows += [(ds, order[ds][r], r, stage) for r in range(start, start + n)]
            start += n
        rows += [(ds, order[ds][r], r, 0) for r in range(start, start + reserve)]
    return rows


def wrap(text: str, width: int) -> list[tuple[int, str]]:
    """Split text into (offset, piece) chunks of at most ~width chars, breaking after a space."""
    out, start = [], 0
    while start < len(text):
        end = min(start + width, len(text))
        if end < len(text):
            cut = text.rfind(" ", start, end)
            if cut > start:
                end = cut + 1
        out.append((start, text[start:end]))
        start = end
    return out


def show(ds: str, art_id: str, body: str, width: int) -> str:
    lines = [f"=== {ds} {art_id}  (len {len(body)}) ==="]
    pos = 0
    for para in body.split("\n"):
        if not para:
            lines.append(f"{pos:6d} |")
        for start, chunk in wrap(para, width):
            lines.append(f"{pos + start:6d} | {chunk}")
        pos += len(para) + 1
    marks = quote_tokens(body)
    lines.append(f"--- double-quote marks ({len(marks)}): " + " ".join(str(a) for a, _ in marks))
    for (_, a), (b, _) in itertools.pairwise(marks):
        seg = body[a:b].replace("\n", "\u23ce")
        if len(seg) > 90:
            seg = seg[:40] + " ... " + seg[-40:]
        lines.append(f"  [{a},{b}) {seg}")
    return "\n".join(lines)


def quote_tokens(body: str) -> list[tuple[int, int]]:
    """(start, end) of every double-quote mark, including the mis-decoded curly quotes
    (MOJIBAKE) that some scraped CLICK-ID bodies contain. Display aid only."""
    out, k = [], 0
    while k < len(body):
        hit = next((m for m in MOJIBAKE if body.startswith(m, k)), None)
        if hit:
            out.append((k, k + len(hit)))
            k += len(hit)
            continue
        if body[k] in DQUOTES:
            out.append((k, k + 1))
        k += 1
    return out


QUOTE_CHARS = set("\"'\u201c\u201d\u2018\u2019\u201a\u201e")
COLUMNS = ["dataset", "article_id", "quote_start", "quote_end", "speaker", "direct", "stage"]


def verify(bodies, path: str) -> int:
    """Check every row of a label file, print problems and counts; return the number of problems."""
    chosen = {(ds, i): st for ds, i, _, st in selection(bodies)}
    problems, rows = [], []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != COLUMNS:
            problems.append(f"columns are {reader.fieldnames}, expected {COLUMNS}")
        for n, r in enumerate(reader, start=2):
            ds, aid = r["dataset"], r["article_id"]
            if ds not in DATASETS or aid not in bodies.get(ds, {}):
                problems.append(f"line {n}: unknown article {ds} {aid}")
                continue
            if (ds, aid) not in chosen:
                problems.append(f"line {n}: {ds} {aid} is not in the selection")
            elif r["stage"] != str(chosen[(ds, aid)]):
                problems.append(
                    f"line {n}: stage {r['stage']!r}, but {aid} was selected in stage "
                    f"{chosen[(ds, aid)]}"
                )
            body = bodies[ds][aid]
            try:
                s, e = int(r["quote_start"]), int(r["quote_end"])
            except ValueError:
                problems.append(f"line {n}: offsets are not integers")
                continue
            if not 0 <= s < e <= len(body):
                problems.append(f"line {n}: offsets [{s},{e}) out of range (len {len(body)})")
                continue
            seg = body[s:e]
            if not seg.strip():
                problems.append(f"line {n}: empty span")
            mojibake_edge = any(seg.startswith(m) or seg.endswith(m) for m in MOJIBAKE)
            if seg[0] in QUOTE_CHARS or seg[-1] in QUOTE_CHARS or mojibake_edge:
                problems.append(f"line {n}: span starts or ends with a quote mark")
            if seg[0].isspace() or seg[-1].isspace():
                problems.append(f"line {n}: span starts or ends with whitespace")
            if r["direct"] not in ("0", "1"):
                problems.append(f"line {n}: direct must be 0 or 1")
            if not r["speaker"].strip():
                problems.append(f"line {n}: empty speaker")
            rows.append((ds, aid, s, e, r["speaker"], r["direct"], n, r["stage"]))
    by_article: dict = {}
    for row in rows:
        by_article.setdefault(row[:2], []).append(row)
    for key, rs in by_article.items():
        rs.sort(key=lambda x: (x[2], x[3]))
        for a, b in itertools.pairwise(rs):
            if b[2] < a[3]:
                problems.append(f"lines {a[6]} and {b[6]}: overlapping spans in {key[1]}")
    for p in problems:
        print("PROBLEM", p)
    n_dir = sum(1 for r in rows if r[5] == "1")
    print(
        f"rows={len(rows)} direct={n_dir} indirect={len(rows) - n_dir} "
        f"UNKNOWN={sum(1 for r in rows if r[4] == 'UNKNOWN')} "
        f"articles_with_rows={len(by_article)} selected_articles={len(chosen)} "
        f"problems={len(problems)}"
    )
    for stage in STAGES:
        for ds in DATASETS:
            sub = [r for r in rows if r[0] == ds and r[7] == str(stage)]
            empty = sorted(
                i
                for (d, i), st in chosen.items()
                if (d, st) == (ds, stage) and (d, i) not in by_article
            )
            n_sel = sum(1 for (d, _), st in chosen.items() if (d, st) == (ds, stage))
            print(
                f"  stage {stage} {ds}: selected={n_sel} rows={len(sub)} "
                f"direct={sum(1 for r in sub if r[5] == '1')} "
                f"articles_with_rows={len({r[1] for r in sub})} selected_without_rows={empty}"
            )
    return len(problems)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cmd", choices=["list", "show", "batch", "verify"])
    ap.add_argument("args", nargs="*")
    ap.add_argument("--corpora", default=default_corpora())
    ap.add_argument("--reserve", type=int, default=0)
    ap.add_argument("--size", type=int, default=5)
    ap.add_argument("--width", type=int, default=100)
    ap.add_argument("--stage", default=None, help="1, 2, 3, 4 or all")
    a = ap.parse_args(argv)
    if a.stage in (None, "all"):
        stages = STAGES if a.stage == "all" or a.cmd == "list" else (1,)
    elif a.stage.isdigit() and int(a.stage) in STAGES:
        stages = (int(a.stage),)
    else:
        ap.error(f"--stage must be one of {', '.join(map(str, STAGES))} or all")
    bodies = load_bodies(a.corpora)
    if a.cmd == "verify":
        here = os.path.dirname(os.path.abspath(__file__))
        path = a.args[0] if a.args else os.path.join(here, "quote_labels.csv")
        return 1 if verify(bodies, path) else 0
    if a.cmd == "list":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["dataset", "article_id", "rank", "stage"])
        for row in selection(bodies, a.reserve, stages):
            w.writerow(row)
        return 0
    if a.cmd == "batch":
        sel = selection(bodies, stages=stages)
        n = int(a.args[0]) if a.args else 0
        todo = [(ds, i) for ds, i, _, _ in sel[n * a.size : (n + 1) * a.size]]
    else:
        todo = []
        for i in a.args:
            hits = [ds for ds in DATASETS if i in bodies[ds]]
            if not hits:
                print(f"unknown id {i}", file=sys.stderr)
                return 1
            todo += [(ds, i) for ds in hits]
    for ds, i in todo:
        print(show(ds, i, bodies[ds][i], a.width))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
