"""Load every article file in the shared corpora and report rows read and rejects by reason.

Each known dataset goes through its loader; every other ``.csv``/``.jsonl`` file that
has a text column goes through the generic ``read_articles``; a second pass runs
``read_articles`` on the known datasets too, to show what the generic column mapping
makes of them. Labelled sentiment files go through ``read_labelled``.

Run from the repository root::

    python bench/load_shared.py [--corpora ../shared/corpora]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd

from media_analytics.corpus import (
    Article,
    ColumnResolver,
    Rejects,
    load_clickid,
    load_detik_aspect,
    load_detik_pilkada,
    read_articles,
    read_labelled,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = REPO_ROOT.parent / "shared" / "corpora"

Loader = Callable[..., Iterator[Article]]
LOADERS: dict[str, Loader] = {
    "clickid-news-articles/clickid_articles_80.csv": load_clickid,
    "detik-aspect-news-2025/data_berita.csv": load_detik_aspect,
    "detik-pilkada-jateng-index/pilkada_jawa_tengah.csv": load_detik_pilkada,
}
LABELLED = [
    "nusax-senti-ind/train.csv",
    "nusax-senti-ind/valid.csv",
    "smsa/train_preprocess.tsv",
    "smsa/valid_preprocess.tsv",
    "cnbc-stock-headlines-sentiment/train_data.csv",
    "pilkada-dki-2017-tweets/dataset_tweet_sentiment_pilkada_DKI_2017.csv",
]


def report(label: str, rows: int, rejects: Rejects, seconds: float) -> None:
    print(f"{label}\n  rows read: {rows:,} in {seconds:.1f} s; {rejects.summary()}")
    shown: set[str] = set()
    for reject in rejects:  # one example per reason
        if reject.reason not in shown:
            shown.add(reject.reason)
            print(f"    e.g. {reject}")


def has_text_column(path: Path) -> bool:
    """Whether the generic mapping finds a body column in the file's header."""
    if path.suffix == ".jsonl":
        return True
    header = pd.read_csv(path, nrows=0, sep=None, engine="python").columns
    return "text" in ColumnResolver().resolve([str(c) for c in header])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    args = parser.parse_args(argv)
    root: Path = args.corpora
    if not root.is_dir():
        print(f"shared corpora not found: {root}", file=sys.stderr)
        return 2

    print("== article files, dataset loaders ==")
    for relative, loader in LOADERS.items():
        rejects = Rejects()
        started = time.perf_counter()
        rows = sum(1 for _ in loader(root / relative, rejects=rejects))
        report(f"{relative} ({loader.__name__})", rows, rejects, time.perf_counter() - started)

    print("\n== article files, generic read_articles ==")
    labelled = {root / p for p in LABELLED}
    others = sorted(
        p
        for suffix in ("*.csv", "*.jsonl")
        for p in root.rglob(suffix)
        if p not in labelled and str(p.relative_to(root)) not in LOADERS and has_text_column(p)
    )
    for path in [root / relative for relative in LOADERS] + others:
        rejects = Rejects()
        started = time.perf_counter()
        rows = sum(1 for _ in read_articles(path, rejects=rejects))
        report(str(path.relative_to(root)), rows, rejects, time.perf_counter() - started)

    print("\n== labelled sentiment files (read_labelled) ==")
    for relative in LABELLED:
        rejects = Rejects()
        started = time.perf_counter()
        frame = read_labelled(root / relative, rejects=rejects)
        report(relative, len(frame), rejects, time.perf_counter() - started)
        print(f"  labels: {frame['label'].value_counts().to_dict()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
