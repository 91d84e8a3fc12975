"""Theme tagging on real news the project did not write.

The tagger is trained only on the project's own corpora (the bundled sample articles and their
gold themes, plus the taxonomy's seed evidence) and evaluated on real articles from
``../shared/corpora/`` labelled by the project against the taxonomy's definitions
(``bench/data/theme_labels.csv``: ids and labels only).

    python bench/themes_eval.py            # per-theme precision / recall / F1, Markdown

Three taggers are reported: rules only (the taxonomy's seed evidence with prior weights, no
labels at all: what a brand-new theme gets), the default model's tagger (the same rules plus a
text classifier learnt from the sample corpus's gold themes), and a variant whose rule scores are
also calibrated on the sample (shown because it is worse: the fictional sample's score
distribution does not transfer to real news).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
LABELS = ROOT / "bench" / "data" / "theme_labels.csv"
MIN_POSITIVES = 5


def _rows(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(1 << 30)
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def load_real_articles() -> dict[tuple[str, str], tuple[str, str]]:
    """(dataset, id) -> (title, body) for the three labelled datasets."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for r in _rows(CORPORA / "clickid-news-articles" / "clickid_articles_80.csv"):
        out[("clickid", r["article_id"])] = (r["title"], r["content"])
    for r in _rows(CORPORA / "detik-aspect-news-2025" / "data_berita.csv"):
        out[("detik2025", r["id"])] = (r["judul"], r["isi_berita"])
    for r in _rows(CORPORA / "detik-pilkada-jateng-index" / "pilkada_jawa_tengah.csv"):
        out[("detik_pilkada", r["Link"])] = (r["Judul"], r["Deskripsi"])
    return out


def prf(y: np.ndarray, p: np.ndarray) -> tuple[float, float, float]:
    tp = int(((y == 1) & (p == 1)).sum())
    fp = int(((y == 0) & (p == 1)).sum())
    fn = int(((y == 1) & (p == 0)).sum())
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list misclassified ids per theme")
    args = ap.parse_args()
    if not CORPORA.exists():
        sys.exit("needs ../shared/corpora (the shared development data)")

    from media_analytics.preprocessing import clean_article
    from media_analytics.themes import Taxonomy, ThemeTagger
    from media_analytics.themes.training import load_sample_labels

    taxonomy = Taxonomy.load()
    texts, titles, Y = load_sample_labels(taxonomy)
    rules_only = ThemeTagger(taxonomy=taxonomy).fit(texts, titles=titles)
    from media_analytics.models import default_model

    default = default_model().themes_
    calibrated = ThemeTagger(taxonomy=taxonomy, calibrate=True).fit(texts, Y, titles=titles)

    articles = load_real_articles()
    labels = _rows(LABELS)
    missing = [(r["dataset"], r["id"]) for r in labels if (r["dataset"], r["id"]) not in articles]
    rows = [r for r in labels if (r["dataset"], r["id"]) in articles]
    ev_titles, ev_texts = [], []
    for r in rows:
        title, body = articles[(r["dataset"], r["id"])]
        ev_titles.append(clean_article(title).text)
        ev_texts.append(clean_article(body).text)
    gold = np.array([[int(r[t]) for t in taxonomy.ids] for r in rows])
    preds = {
        "rules only": rules_only.predict(ev_texts, titles=ev_titles),
        "default": default.predict(ev_texts, titles=ev_titles),
        "calibrated on sample": calibrated.predict(ev_texts, titles=ev_titles),
    }
    print(f"Real articles labelled: {len(rows)} ({len(missing)} ids not found in ../shared)\n")
    print("| theme | positives | model | precision | recall | F1 |")
    print("|---|---|---|---|---|---|")
    for k, theme in enumerate(taxonomy.ids):
        n_pos = int(gold[:, k].sum())
        if n_pos < MIN_POSITIVES:
            continue
        for name, p in preds.items():
            pr, rc, f1 = prf(gold[:, k], p[:, k])
            print(f"| {theme} | {n_pos} | {name} | {pr:.2f} | {rc:.2f} | {f1:.2f} |")
    skipped = [t for k, t in enumerate(taxonomy.ids) if gold[:, k].sum() < MIN_POSITIVES]
    print(f"\nThemes with fewer than {MIN_POSITIVES} labelled positives (not scored): {skipped}")
    if args.errors:
        p = preds["default"]
        for k, theme in enumerate(taxonomy.ids):
            fps = [rows[i]["id"] for i in np.flatnonzero((gold[:, k] == 0) & (p[:, k] == 1))]
            fns = [rows[i]["id"] for i in np.flatnonzero((gold[:, k] == 1) & (p[:, k] == 0))]
            if fps or fns:
                print(f"\n{theme}: false positives {fps}\n{theme}: false negatives {fns}")


if __name__ == "__main__":
    main()
