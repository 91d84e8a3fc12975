"""The two named themes on a random draw of real news, weighted back to the whole corpus.

The held-out theme sets of ``bench/themes_eval.py`` were chosen for articles that use the
vocabulary of the themes (hard cases), and after eight stages the corpora hold no such pool
that has not been read. This script asks the other question an analyst asks of a feed: on news
as it comes, how often is a tag right, and how many of the articles that deserve it get it?

- ``python bench/themes_random_eval.py --draw --sheet FILE`` takes every article of the three
  labelled datasets (CLICK-ID, detik 2025, the detik Pilkada index) that no label file of
  ``bench/data`` names, tags it with the default model's themes, and splits the articles in two
  strata: ``tagged`` (the model gives ``pilkada_security`` or ``public_dialogue``) and ``rest``.
  It draws up to ``--tagged`` articles of the first and ``--rest`` of the second at random
  (seeded), shuffles them together and writes a labelling sheet (JSONL: title and the cleaned
  body, the first 2,500 characters; no stratum, no model output) to FILE, outside the
  repository, and the drawn ids with their stratum and weight to
  ``bench/data/theme_labels_random_draw.csv``.
- ``python bench/themes_random_eval.py`` reads the labels (``bench/data/theme_labels_random.csv``:
  ``dataset,id,pilkada_security,public_dialogue``), scores the drawn articles with the default
  model and prints, per theme, the counts in the sample and the precision, recall and F1 of the
  whole population, each article weighted by the inverse of its stratum's sampling fraction.

Run from the repository root.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import themes_eval as T

DATA = T.ROOT / "bench" / "data"
DRAW = DATA / "theme_labels_random_draw.csv"
LABELS = DATA / "theme_labels_random.csv"
THEMES = ("pilkada_security", "public_dialogue")
SEED = 20261205
MAX_CHARS = 2_500


def _tagger_and_mapper() -> tuple:
    from media_analytics import MediaPipeline
    from media_analytics.corpus import read_articles
    from media_analytics.preprocessing import TokenMapper, load_stopwords
    from media_analytics.resources import corpora_dir

    # the themes part of the default model, fitted as bench/themes_eval.py fits it
    pipe = MediaPipeline(with_topics=False, with_sentiment=False)
    pipe.fit(list(read_articles(corpora_dir() / "sample", dayfirst=True)), n_jobs=1)
    return pipe.themes_, TokenMapper(stopwords=load_stopwords(pipe.stopwords))


def _predict(keys: list[tuple[str, str]], articles: dict, tagger, mapper) -> np.ndarray:
    docs = T._Docs([articles[k] for k in keys], mapper)
    pred = np.asarray(docs.predict(tagger))
    ids = list(tagger.taxonomy_.ids)
    return pred[:, [ids.index(t) for t in THEMES]]


def draw(sheet: Path, n_tagged: int, n_rest: int) -> None:
    from media_analytics.preprocessing import clean_article

    articles = T.load_real_articles()
    named = T.labelled_ids(skip_prefix="theme_labels_random")
    keys = sorted(k for k, (title, body) in articles.items() if k[1] not in named and body.strip())
    tagger, mapper = _tagger_and_mapper()
    pred = _predict(keys, articles, tagger, mapper)
    tagged = [k for k, p in zip(keys, pred, strict=True) if p.any()]
    rest = [k for k, p in zip(keys, pred, strict=True) if not p.any()]
    rng = random.Random(SEED)
    pick_t = rng.sample(tagged, min(n_tagged, len(tagged)))
    pick_r = rng.sample(rest, min(n_rest, len(rest)))
    print(
        f"population {len(keys)} unlabelled articles: tagged {len(tagged)}, rest {len(rest)}; "
        f"drawn {len(pick_t)} + {len(pick_r)}"
    )
    rows = [(k, "tagged", len(tagged) / len(pick_t)) for k in pick_t]
    rows += [(k, "rest", len(rest) / len(pick_r)) for k in pick_r]
    rng.shuffle(rows)
    with DRAW.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["dataset", "id", "stratum", "weight"])
        for (dataset, id_), stratum, weight in rows:
            w.writerow([dataset, id_, stratum, f"{weight:.4f}"])
    with sheet.open("w", encoding="utf-8") as f:
        for n, ((dataset, id_), _, _) in enumerate(rows, 1):
            title, body = articles[(dataset, id_)]
            text = clean_article(body).text[:MAX_CHARS]
            line = {"n": n, "dataset": dataset, "id": id_, "title": title.strip(), "text": text}
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} articles to {sheet} and {DRAW.relative_to(T.ROOT)}")


def evaluate() -> None:
    drawn = {(r["dataset"], r["id"]): r for r in T._rows(DRAW)}
    labels = T._rows(LABELS)
    keys = [(r["dataset"], r["id"]) for r in labels]
    missing = [k for k in keys if k not in drawn]
    if missing:
        sys.exit(f"{len(missing)} labelled ids were not drawn (first: {missing[0]})")
    gold = np.asarray([[int(r[t]) for t in THEMES] for r in labels])
    weight = np.asarray([float(drawn[k]["weight"]) for k in keys])
    stratum = [drawn[k]["stratum"] for k in keys]
    articles = T.load_real_articles()
    tagger, mapper = _tagger_and_mapper()
    pred = _predict(keys, articles, tagger, mapper)
    n_t = stratum.count("tagged")
    print(f"{len(keys)} labelled articles: {n_t} of the tagged stratum, {len(keys) - n_t} others")
    print("| theme | sample tp/fp/fn | gold positives in the rest | precision | recall | F1 |")
    print("|---|---|---|---:|---:|---:|")
    for j, theme in enumerate(THEMES):
        g, p = gold[:, j] == 1, pred[:, j] == 1
        tp, fp, fn = int((g & p).sum()), int((~g & p).sum()), int((g & ~p).sum())
        rest_pos = sum(1 for k in range(len(keys)) if g[k] and stratum[k] == "rest")
        wtp, wfp, wfn = weight[g & p].sum(), weight[~g & p].sum(), weight[g & ~p].sum()
        prec, rec, f1 = T.prf(wtp, wfp, wfn)
        print(f"| {theme} | {tp}/{fp}/{fn} | {rest_pos} | {prec:.2f} | {rec:.2f} | {f1:.2f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--draw", action="store_true")
    ap.add_argument("--sheet", type=Path)
    ap.add_argument("--tagged", type=int, default=200)
    ap.add_argument("--rest", type=int, default=300)
    args = ap.parse_args()
    if args.draw:
        if not args.sheet:
            ap.error("--draw needs --sheet")
        draw(args.sheet, args.tagged, args.rest)
    else:
        evaluate()


if __name__ == "__main__":
    main()
