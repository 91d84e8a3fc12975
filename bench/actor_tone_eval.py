"""Sentiment toward named actors on real news: the default model against labelled pairs.

Every scored record gives each person and organisation it names a sentiment (the tone of the
sentences that mention the actor or quote it; :mod:`media_analytics.sentiment.actors`). This
script measures it on (article, actor) pairs of real news from ``../shared/corpora/`` labelled
by reading the article: ``bench/data/actor_tone_labels.csv`` (dataset, id, actor, tone, part;
no text). The rules are in ``bench/data/LABELS.md`` (*Actor tone*). ``part`` says what each pair is
for: ``dev`` and ``dev2`` are pairs any change to actor sentiment may be chosen on, ``heldout2``
and ``heldout3`` pairs it is then scored on (``heldout``, the second half of the first draw, was
used like that once and has been development data since; see ``bench/data/LABELS.md`` for how
often each held-out part has been scored).

- ``python bench/actor_tone_eval.py --draw 200 --sheet FILE`` draws the pairs: articles of
  CLICK-ID (from the 12,000th on, the range the actor rules were not written from) and detik 2025
  that no label file of ``bench/data`` names, with a body of 500 characters at least, scored by
  the default model; in each, one person or organisation with a sentiment, chosen at random
  (seeded). It writes a labelling sheet (JSONL, the article with the actor's mentions marked
  ``[[...]]``, no model output) to FILE, which stays outside the repository.
- ``python bench/actor_tone_eval.py`` scores the labelled pairs with the default model and
  prints macro-F1, accuracy and the confusion matrix, beside two simple readings: the article's
  own tone given to every actor it names, and "neutral" for everyone.
- ``python bench/actor_tone_eval.py --labels bench/data/actor_tone_bodies.csv`` does the same on
  another file of that form: there, 80 pairs drawn from those a change of 2026-12-07 relabelled
  (police and prosecutors named as the body that arrests; see ``bench/data/LABELS.md``), each
  labelled by two annotators, ``disputed`` where they differ (left out, like ``invalid``).

Run from the repository root.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

from media_analytics.corpus import Article, Rejects, load_clickid, load_detik_aspect
from media_analytics.models import default_model
from media_analytics.preprocessing import clean_article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from themes_eval import labelled_ids

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
DATA = ROOT / "bench" / "data"
LABELS = DATA / "actor_tone_labels.csv"
CLASSES = ["negative", "neutral", "positive"]
SEED = 20261204
CLICKID_FROM = 12_000  # the actor rules were written from the first articles of this order
MIN_BODY = 500


def _articles(corpora: Path) -> dict[str, list[Article]]:
    quiet = Rejects()  # headline-only records and the like: not needed here
    clickid = list(
        load_clickid(corpora / "clickid-news-articles" / "clickid_articles_80.csv", rejects=quiet)
    )
    detik = list(
        load_detik_aspect(corpora / "detik-aspect-news-2025" / "data_berita.csv", rejects=quiet)
    )
    return {"clickid": clickid[CLICKID_FROM:], "detik2025": detik}


def _eligible(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        a
        for a in record["actors"]
        if a["type"] in ("person", "organization") and a.get("sentiment")
    ]


def _marked(body: str, spans: list[list[int]]) -> str:
    out, at = [], 0
    for start, end in sorted(map(tuple, spans)):
        if start < at:
            continue
        out += [body[at:start], "[[", body[start:end], "]]"]
        at = end
    out.append(body[at:])
    return "".join(out)


def draw(n: int, sheet: Path, corpora: Path, seed: int = SEED) -> None:
    rng = random.Random(seed)
    used = labelled_ids()
    by_set = _articles(corpora)
    quotas = {"clickid": round(n * 0.75), "detik2025": n - round(n * 0.75)}
    model = default_model()
    rows = []
    pools = {
        name: [
            a
            for a in by_set[name]
            if a.id not in used and len(clean_article(a.text).text) >= MIN_BODY
        ]
        for name in quotas
    }
    # when detik 2025 has too few articles left, CLICK-ID makes up the rest
    short = max(0, quotas["detik2025"] - len(pools["detik2025"]))
    quotas = {"clickid": quotas["clickid"] + short, "detik2025": quotas["detik2025"] - short}
    for name, quota in quotas.items():
        pool = pools[name]
        rng.shuffle(pool)
        taken = 0
        for article, record in zip(pool, model.score(pool[: quota * 3]), strict=False):
            candidates = _eligible(record)
            if not candidates:
                continue
            actor = rng.choice(candidates)
            body = clean_article(article.text).text
            rows.append(
                {
                    "dataset": name,
                    "id": article.id,
                    "actor": actor["name"],
                    "type": actor["type"],
                    "title": article.title,
                    "text": _marked(body, actor["mentions"]),
                }
            )
            taken += 1
            if taken == quota:
                break
    rng.shuffle(rows)
    with sheet.open("w", encoding="utf-8") as handle:
        for k, row in enumerate(rows, 1):
            handle.write(json.dumps({"n": k, **row}, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} pairs to {sheet}")


def _labels(path: Path = LABELS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _scored(labels: list[dict[str, str]], corpora: Path) -> Iterator[tuple[dict, dict]]:
    wanted = {row["id"] for row in labels}
    articles = {a.id: a for rows in _articles(corpora).values() for a in rows if a.id in wanted}
    missing = wanted - set(articles)
    if missing:
        sys.exit(f"{len(missing)} labelled ids are not in the corpora (first: {min(missing)})")
    order = sorted(wanted)
    records = dict(zip(order, default_model().score([articles[i] for i in order]), strict=True))
    for row in labels:
        yield row, records[row["id"]]


def _report(name: str, gold: list[str], pred: list[str]) -> None:
    f1 = f1_score(gold, pred, labels=CLASSES, average="macro", zero_division=0)
    acc = accuracy_score(gold, pred)
    print(f"{name:42s} macro-F1 {100 * f1:5.1f}  accuracy {100 * acc:5.1f}")


def evaluate(corpora: Path, path: Path = LABELS) -> None:
    labels = _labels(path)
    invalid = sum(row["tone"] == "invalid" for row in labels)
    disputed = sum(row["tone"] == "disputed" for row in labels)
    print(
        f"{len(labels)} pairs, {invalid} of them judged no person or organisation ('invalid': "
        f"extraction errors) and {disputed} 'disputed', left out below"
    )
    parts = list(dict.fromkeys(row["part"] for row in labels))
    for part in (*parts, None):
        rows = [r for r in labels if r["tone"] in CLASSES and part in (None, r["part"])]
        print(f"\n== {part or 'all'} ==")
        _evaluate(rows, corpora)


def _evaluate(labels: list[dict[str, str]], corpora: Path) -> None:
    gold, ours, article, neutral, kinds = [], [], [], [], []
    lost = 0
    for row, record in _scored(labels, corpora):
        found = {a["name"]: a for a in _eligible(record)}
        actor = found.get(row["actor"])
        if actor is None:  # the labelled name may now come out in full ("Simon McMenemy")
            words = set(row["actor"].split())
            actor = next((a for n, a in found.items() if words < set(n.split())), None)
        if actor is None:  # or as another form of one actor ("Polda Jatim" of "Polda Jawa Timur")
            actor = next((a for a in found.values() if row["actor"] in a.get("aliases", ())), None)
        if actor is None:
            lost += 1  # the current extractor no longer returns this actor with a sentiment
            continue
        gold.append(row["tone"])
        ours.append(actor["sentiment"]["label"])
        article.append(record["sentiment"]["label"])
        neutral.append("neutral")
        kinds.append(f"{row['dataset']}/{actor['type']}")
    counts = {c: gold.count(c) for c in CLASSES}
    print(f"{len(gold)} labelled pairs scored ({lost} no longer extracted); gold {counts}")
    _report("actor sentiment (default model)", gold, ours)
    _report("the article's tone for every actor", gold, article)
    _report("neutral for every actor", gold, neutral)
    for kind in sorted(set(kinds)):
        idx = [k for k, v in enumerate(kinds) if v == kind]
        _report(f"  actor sentiment, {kind} ({len(idx)})", [gold[k] for k in idx],
                [ours[k] for k in idx])  # fmt: skip
    matrix = confusion_matrix(gold, ours, labels=CLASSES)
    print("confusion (rows gold, columns predicted; negative / neutral / positive):")
    for c, line in zip(CLASSES, np.asarray(matrix), strict=True):
        print(f"  {c:9s} " + " / ".join(str(int(v)) for v in line))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=CORPORA)
    ap.add_argument("--draw", type=int, help="draw this many pairs for labelling")
    ap.add_argument("--sheet", type=Path, help="with --draw: the labelling sheet to write")
    ap.add_argument("--seed", type=int, default=SEED, help="with --draw: the random seed")
    ap.add_argument("--labels", type=Path, default=LABELS, help="the labelled pairs to score")
    args = ap.parse_args(argv)
    if args.draw:
        if not args.sheet:
            ap.error("--draw needs --sheet")
        draw(args.draw, args.sheet, args.corpora, args.seed)
    else:
        evaluate(args.corpora, args.labels)


if __name__ == "__main__":
    main()
