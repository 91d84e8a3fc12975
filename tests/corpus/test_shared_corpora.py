"""Every article file in ../shared/corpora loads through the public readers.

Row counts are checked against pandas, an independent reader: every data row is
either an article or an explained reject.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest

from media_analytics.corpus import (
    Article,
    Rejects,
    load_clickid,
    load_detik_aspect,
    load_detik_pilkada,
    read_articles,
    read_labelled,
)

pytestmark = pytest.mark.shared_data

KNOWN_REASONS = {
    "invalid_json",
    "not_object",
    "missing_text",
    "wrong_type",
    "non_utf8",
    "text_truncated",
    "html_content",
    "not_indonesian",
    "no_content",
    "bad_date",
    "csv_error",
    "field_count",
    "empty_file",
    "unreadable_file",
}

Loader = Callable[..., Iterator[Article]]
ARTICLE_FILES: list[tuple[str, Loader]] = [
    ("clickid-news-articles/clickid_articles_80.csv", load_clickid),
    ("detik-aspect-news-2025/data_berita.csv", load_detik_aspect),
    ("detik-pilkada-jateng-index/pilkada_jawa_tengah.csv", load_detik_pilkada),
]


def pandas_rows(path: Path) -> int:
    return len(pd.read_csv(path, dtype=str, keep_default_na=False))


def check_explained(rejects: Rejects) -> None:
    for reject in rejects:
        assert reject.reason in KNOWN_REASONS
        assert reject.message
        assert reject.line >= 1


@pytest.mark.parametrize(("relative", "loader"), ARTICLE_FILES)
def test_dataset_loader(shared_corpora: Path, relative: str, loader: Loader) -> None:
    path = shared_corpora / relative
    rejects = Rejects()
    articles = list(loader(path, rejects=rejects))
    check_explained(rejects)
    assert len(articles) + len(rejects.errors) == pandas_rows(path)
    assert len({a.id for a in articles}) == len(articles)
    # With the right loader every date in these files parses.
    assert rejects.counts().get("bad_date", 0) == 0
    assert all(a.published_at is not None for a in articles)


def test_generic_reader_on_every_article_file(shared_corpora: Path) -> None:
    files = [shared_corpora / relative for relative, _ in ARTICLE_FILES]
    rejects = Rejects()
    articles = list(read_articles(files, rejects=rejects))
    check_explained(rejects)
    assert len(articles) + len(rejects.errors) == sum(pandas_rows(f) for f in files)
    # Without dayfirst, detik's month-first dates that could be read both ways are
    # reported, never guessed.
    # CLICK-ID has headlines whose body is only a stray character: kept, scored on the title;
    # and three English articles (Brexit, a Congo train accident, Israel and Russia): flagged.
    for reject in rejects.warnings:
        if reject.reason == "no_content":
            assert "scored on the title alone" in reject.message
            assert "clickid" in reject.file
            continue
        if reject.reason == "not_indonesian":  # CLICK-ID's few English articles
            assert "reads as English" in reject.message
            assert "clickid" in reject.file
            continue
        assert reject.reason == "bad_date"
        assert "ambiguous day/month" in reject.message
        assert "data_berita.csv" in reject.file
    assert rejects.counts().get("not_indonesian", 0) == 3


def test_auto_date_order_reads_the_month_first_detik_export_as_its_loader_does(
    shared_corpora: Path,
) -> None:
    # the generic reader, told nothing, settles detik 2025's month-first order from its own
    # dates: every date parses and each equals the dataset loader's (which knows the order)
    path = shared_corpora / ARTICLE_FILES[1][0]
    rejects = Rejects()
    read = {a.url: a.published_at for a in read_articles(path, rejects=rejects, dayfirst="auto")}
    assert rejects.counts().get("bad_date", 0) == 0
    known = {a.url: a.published_at for a in load_detik_aspect(path)}
    assert len(read) > 700
    assert read == known


def test_clickid_dates_agree_with_the_iso_column(shared_corpora: Path) -> None:
    path = shared_corpora / ARTICLE_FILES[0][0]
    for article in load_clickid(path):
        assert article.published_at is not None
        assert article.published_at.date().isoformat() == article.extra["date"]


@pytest.mark.parametrize(
    ("relative", "header"),
    [
        ("nusax-senti-ind/train.csv", True),
        ("nusax-senti-ind/valid.csv", True),
        ("smsa/train_preprocess.tsv", False),
        ("smsa/valid_preprocess.tsv", False),
        ("cnbc-stock-headlines-sentiment/train_data.csv", True),
    ],
)
def test_labelled_sets(shared_corpora: Path, relative: str, header: bool) -> None:
    path = shared_corpora / relative
    rejects = Rejects()
    frame = read_labelled(path, rejects=rejects)
    assert all(r.reason in {"bad_label", "missing_text"} and r.message for r in rejects)
    if header:
        expected = pandas_rows(path)
    else:
        with path.open(encoding="utf-8") as handle:
            expected = sum(1 for line in handle if line.strip())
    assert len(frame) + len(rejects) == expected
    assert set(frame["label"]) <= {"positive", "neutral", "negative"}
    assert frame["text"].str.strip().ne("").all()
