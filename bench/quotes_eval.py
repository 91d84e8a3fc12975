"""Quote attribution on real news: speaker accuracy against the project's annotations.

``bench/data/quote_labels.csv`` holds, for 110 real articles of ``../shared/corpora/``, every
quotation with its character offsets in the raw body and the speaker a reader would name (see
``bench/data/QUOTES.md``). The extractor runs on the cleaned body, as the pipeline does; each
annotated quote is located in the cleaned text and matched to the extracted quote that overlaps
it most.

    python bench/quotes_eval.py            # direct quotes (the target) and indirect ones

Speaker match: case-insensitive, titles ignored, and a name counts as the same speaker when one
name's words are all in the other's (``Luthfi`` / ``Ahmad Luthfi``), since articles shorten
names after the first mention.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
LABELS = ROOT / "bench" / "data" / "quote_labels.csv"


def _bodies() -> dict[tuple[str, str], str]:
    csv.field_size_limit(1 << 30)
    out = {}
    with (CORPORA / "detik-aspect-news-2025" / "data_berita.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out[("detik2025", r["id"])] = r["isi_berita"]
    with (CORPORA / "clickid-news-articles" / "clickid_articles_80.csv").open(
        encoding="utf-8"
    ) as f:
        for r in csv.DictReader(f):
            out[("clickid", r["article_id"])] = r["content"]
    return out


def _words(name: str | None) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", (name or "").lower()))


def same_speaker(predicted: str | None, gold: str) -> bool:
    """True when the names agree (one name's words all within the other's)."""
    p, g = _words(predicted), _words(gold)
    return bool(p and g) and (p <= g or g <= p)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="print mismatches")
    args = ap.parse_args()
    if not CORPORA.exists():
        sys.exit("needs ../shared/corpora (the shared development data)")
    from media_analytics.actors import extract_actors, extract_quotes
    from media_analytics.preprocessing import clean_article

    bodies = _bodies()
    gold: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    with LABELS.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            gold[(row["dataset"], row["article_id"])].append(row)

    stats = {
        kind: {"gold": 0, "located": 0, "found": 0, "correct": 0} for kind in ("direct", "indirect")
    }
    for key, rows in gold.items():
        raw = bodies[key]
        text = clean_article(raw).text
        quotes = extract_quotes(text, extract_actors(text))
        cursor = 0
        for row in sorted(rows, key=lambda r: int(r["quote_start"])):
            kind = "direct" if row["direct"] == "1" else "indirect"
            st = stats[kind]
            st["gold"] += 1
            snippet = clean_article(raw[int(row["quote_start"]) : int(row["quote_end"])]).text
            probe = snippet[:40]
            at = text.find(probe, cursor) if probe else -1
            if at < 0:
                at = text.find(probe)
            if at < 0:
                continue
            st["located"] += 1
            cursor = at
            span = (at, at + len(snippet))
            best, overlap = None, 0
            for q in quotes:
                o = min(span[1], q.end) - max(span[0], q.start)
                if o > overlap:
                    best, overlap = q, o
            if best is None:
                if args.errors:
                    print(f"MISSED {key[1]} {row['speaker']!r}: {snippet[:60]!r}")
                continue
            st["found"] += 1
            if same_speaker(best.speaker, row["speaker"]):
                st["correct"] += 1
            elif args.errors:
                print(f"WRONG {key[1]} gold={row['speaker']!r} got={best.speaker!r}")

    print(
        f"Quote attribution on {len(gold)} annotated real articles (bench/data/quote_labels.csv)\n"
    )
    print(
        "| quotes | annotated | located in cleaned text | found by extractor | speaker correct "
        "| speaker accuracy (of found) | end-to-end (correct / located) |"
    )
    print("|---|---|---|---|---|---|---|")
    for kind, st in stats.items():
        acc = st["correct"] / st["found"] if st["found"] else 0.0
        e2e = st["correct"] / st["located"] if st["located"] else 0.0
        print(
            f"| {kind} | {st['gold']} | {st['located']} | {st['found']} | {st['correct']} | "
            f"{acc:.3f} | {e2e:.3f} |"
        )


if __name__ == "__main__":
    main()
