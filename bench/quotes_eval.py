"""Quote attribution on real news: speaker accuracy against the project's annotations.

``bench/data/quote_labels.csv`` holds, for 180 real articles of ``../shared/corpora/``, every
quotation with its character offsets in the raw body and the speaker a reader would name (see
``bench/data/QUOTES.md``). The articles were annotated in three stages: stage 1 (110 articles) is
the set the extractor was developed against; stage 2 (40 further articles of the same shuffled
order) was annotated afterwards and scored before any further change (its errors were studied
after that, so later gains on it are not unseen-data numbers); stage 3 (30 further articles) was
annotated after the last extractor change and is the held-out test set. The extractor runs
on the cleaned body, as the pipeline does; each annotated quote is located in the cleaned text
and matched to the extracted quote that overlaps it most.

    python bench/quotes_eval.py                 # every stage and all; direct and indirect
    python bench/quotes_eval.py --errors        # also print every miss and wrong speaker
    python bench/quotes_eval.py --stage 2       # only stage 2 (table and errors)
    python bench/quotes_eval.py --precision     # the judged random draw of extracted quotes

``--precision`` reads ``bench/data/quote_precision.csv``: two draws of 100 quotes each (50 direct,
50 indirect) taken at random from what the extractor returned, draw 1 on CLICK-ID rows
12,000-15,000 (commit ``87e69b2``), draw 2 on rows 15,000-17,441 (commit ``6b60b9b``), each quote
judged blind by a new annotator from its context: is it speech, and is the speaker the one who
said it. It prints those judgements, then runs the current extractor on the same articles and
says which judged quotes it still returns with the same speaker (the judgement stands), which it
returns with another speaker (to be judged again) and which it no longer returns.

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


def _acronym_of(short: str, full: str) -> bool:
    """``short`` is an acronym of ``full``: the initials of its capitalised words (``KPU``,
    ``Komisi Pemilihan Umum``)."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", full) if w[0].isupper())
    return 2 <= len(short) <= 6 and short.isupper() and short == initials


def same_speaker(predicted: str | None, gold: str) -> bool:
    """True when the names agree (one name's words all within the other's), or one is the
    acronym of the other (``BPS``, ``Badan Pusat Statistik``), as the annotation notes say a fair
    scorer should count them."""
    p, g = _words(predicted), _words(gold)
    if bool(p and g) and (p <= g or g <= p):
        return True
    return bool(predicted) and (_acronym_of(gold, predicted) or _acronym_of(predicted, gold))


PRECISION = ROOT / "bench" / "data" / "quote_precision.csv"


def precision() -> None:
    """The judged random draw of extracted quotes, and what the current extractor returns."""
    from media_analytics.actors import extract_actors, extract_quotes
    from media_analytics.preprocessing import clean_article

    with PRECISION.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    print(f"Judged random draws of extracted quotes ({len(rows)}, {PRECISION.name})\n")
    print("| draw | quotes | judged | speech | not speech | speaker right | wrong | unclear |")
    print("|---|---|---|---|---|---|---|---|")
    for draw in sorted({r["draw"] for r in rows}):
        for kind, flag in (("direct", "1"), ("indirect", "0")):
            rs = [r for r in rows if r["direct"] == flag and r["draw"] == draw]
            speech = [r for r in rs if r["is_speech"] == "yes"]
            ok = {v: sum(r["speaker_ok"] == v for r in speech) for v in ("yes", "no", "unclear")}
            print(
                f"| {draw} | {kind} | {len(rs)} | {len(speech)} | {len(rs) - len(speech)} "
                f"| {ok['yes']} | {ok['no']} | {ok['unclear']} |"
            )
    bodies = _bodies()
    same = changed = gone = 0
    for r in rows:
        text = clean_article(bodies[(r["dataset"], r["article_id"])]).text
        start, end = int(r["start"]), int(r["end"])
        found = [q for q in extract_quotes(text, extract_actors(text)) if q.start == start]
        if not found or found[0].end != end:
            gone += 1
            print(
                f"  no longer returned as judged: draw {r['draw']} n={r['n']} "
                f"({r['article_id']} {start}-{end}, judged {r['speaker_ok'] or r['is_speech']})"
            )
        elif (found[0].speaker or "") == r["speaker"]:
            same += 1
        else:
            changed += 1
            print(
                f"  speaker changed, judge again: draw {r['draw']} n={r['n']} "
                f"{r['speaker'] or None!r} -> "
                f"{found[0].speaker!r} (judged {r['speaker_ok'] or r['is_speech']})"
            )
    print(f"\nnow: {same} as judged, {changed} with another speaker, {gone} no longer returned")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="print mismatches")
    ap.add_argument("--precision", action="store_true", help="the judged random draw")
    ap.add_argument(
        "--stage", choices=["1", "2", "3", "4", "all"], default="all", help="which rows"
    )
    args = ap.parse_args()
    if not CORPORA.exists():
        sys.exit("needs ../shared/corpora (the shared development data)")
    if args.precision:
        precision()
        return
    from media_analytics.actors import extract_actors, extract_quotes
    from media_analytics.preprocessing import clean_article

    bodies = _bodies()
    gold: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    with LABELS.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if args.stage in ("all", row["stage"]):
                gold[(row["dataset"], row["article_id"])].append(row)
    stages = sorted({r["stage"] for rows in gold.values() for r in rows})

    stats = {
        (stage, kind): {"gold": 0, "located": 0, "found": 0, "correct": 0}
        for stage in [*stages, "all"]
        for kind in ("direct", "indirect")
    }
    articles = {stage: 0 for stage in [*stages, "all"]}
    for key, rows in gold.items():
        articles[rows[0]["stage"]] += 1
        articles["all"] += 1
        raw = bodies[key]
        text = clean_article(raw).text
        quotes = extract_quotes(text, extract_actors(text))
        cursor = 0
        for row in sorted(rows, key=lambda r: int(r["quote_start"])):
            kind = "direct" if row["direct"] == "1" else "indirect"
            both = (stats[(row["stage"], kind)], stats[("all", kind)])
            for st in both:
                st["gold"] += 1
            snippet = clean_article(raw[int(row["quote_start"]) : int(row["quote_end"])]).text
            probe = snippet[:40]
            at = text.find(probe, cursor) if probe else -1
            if at < 0:
                at = text.find(probe)
            if at < 0:
                continue
            for st in both:
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
                    print(f"MISSED {kind} {key[1]} {row['speaker']!r}: {snippet[:60]!r}")
                continue
            for st in both:
                st["found"] += 1
            if same_speaker(best.speaker, row["speaker"]):
                for st in both:
                    st["correct"] += 1
            elif args.errors:
                print(f"WRONG {kind} {key[1]} gold={row['speaker']!r} got={best.speaker!r}")

    print(
        f"Quote attribution on {len(gold)} annotated real articles (bench/data/quote_labels.csv)\n"
    )
    print(
        "| quotes | stage | articles | annotated | located in cleaned text | found by extractor "
        "| speaker correct | speaker accuracy (of found) | end-to-end (correct / located) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for (stage, kind), st in stats.items():
        if stage == "all" and len(stages) == 1:
            continue
        acc = st["correct"] / st["found"] if st["found"] else 0.0
        e2e = st["correct"] / st["located"] if st["located"] else 0.0
        print(
            f"| {kind} | {stage} | {articles[stage]} | {st['gold']} | {st['located']} | "
            f"{st['found']} | {st['correct']} | {acc:.4f} | {e2e:.4f} |"
        )


if __name__ == "__main__":
    main()
