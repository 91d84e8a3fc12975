from __future__ import annotations

import logging

import pandas as pd
import pytest

from media_analytics.topics import NO_TOPIC_LABEL, topics_over_time, topics_per_source

from .conftest import Corpus, small_model

IDS = [0, 0, 1, -1, 1, 1, 0]
DATES = [
    "2024-10-14",  # Monday, week 1
    "2024-10-20",  # Sunday, week 1
    "2024-10-20",
    "2024-10-21",  # Monday, week 2
    "2024-10-22",
    "2024-10-27",
    "2024-11-02",  # week 3
]
SOURCES = ["kompas", "tempo", "tempo", "kompas", "kompas", "tempo", "tempo"]


def test_weekly_counts_and_shares() -> None:
    table = topics_over_time(IDS, DATES, "W", labels={0: "pilkada, tps", 1: "banjir"})
    assert list(table.columns) == ["period", "topic", "label", "count", "share"]
    assert table["period"].astype(str).unique().tolist() == [
        "2024-10-14/2024-10-20",
        "2024-10-21/2024-10-27",
        "2024-10-28/2024-11-03",
    ]
    wide = table.pivot(index="period", columns="topic", values="count")
    assert wide.to_numpy().tolist() == [[0, 2, 1], [1, 0, 2], [0, 1, 0]]
    shares = table.pivot(index="period", columns="topic", values="share")
    assert shares.sum(axis=1).tolist() == pytest.approx([1.0, 1.0, 1.0])
    assert shares.iloc[0].tolist() == pytest.approx([0.0, 2 / 3, 1 / 3])
    labels = dict(zip(table["topic"], table["label"], strict=False))
    assert labels == {-1: NO_TOPIC_LABEL, 0: "pilkada, tps", 1: "banjir"}


def test_monthly_and_daily_periods() -> None:
    monthly = topics_over_time(IDS, DATES, "M")
    assert monthly.groupby("period")["count"].sum().tolist() == [6, 1]
    daily = topics_over_time(IDS, DATES, "D")
    assert len(daily["period"].unique()) == 20  # 14 Oct to 2 Nov, days without articles too


def test_per_outlet_over_time_and_overall() -> None:
    table = topics_over_time(IDS, DATES, "W", sources=SOURCES)
    week1 = table[table["period"].astype(str) == "2024-10-14/2024-10-20"]
    tempo = week1[week1["source"] == "tempo"].set_index("topic")
    assert tempo["count"].to_dict() == {-1: 0, 0: 1, 1: 1}
    assert tempo["share"].to_dict() == {-1: 0.0, 0: 0.5, 1: 0.5}
    overall = topics_per_source(IDS, SOURCES).set_index(["source", "topic"])
    assert overall.loc[("kompas", 1), "count"] == 1
    assert overall.loc[("tempo", 0), "share"] == pytest.approx(2 / 4)
    assert overall.groupby(level="source")["share"].sum().tolist() == pytest.approx([1.0, 1.0])


def test_unreadable_dates_are_left_out_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="media_analytics.topics.overtime"):
        table = topics_over_time([0, 1, 1], ["2024-10-14", "bukan tanggal", None], "W")
    assert table["count"].sum() == 1
    assert "2 article(s) without a readable date" in caplog.text


def test_lengths_must_agree() -> None:
    with pytest.raises(ValueError, match="dates"):
        topics_over_time([0, 1], ["2024-10-14"])
    with pytest.raises(ValueError, match="sources"):
        topics_per_source([0, 1], ["kompas"])


def test_from_a_fitted_model(four: Corpus) -> None:
    model = small_model().fit(four.tokens)
    dates = pd.date_range("2024-10-01", periods=len(four.tokens), freq="D")
    table = topics_over_time(model.labels_, dates, "W", labels=model.topic_label_map())
    assert table["count"].sum() == len(four.tokens)
    assert set(table["label"]) <= set(model.topic_label_map().values())


def test_empty_periods_are_rows_of_zeros() -> None:
    # seen on real news: five empty weeks between 2025-10-20 and 2025-12-07 had no row, so a
    # chart drew a straight line over them
    dates = ["2025-10-20", "2025-10-21", "2025-12-01", "2025-12-07"]
    table = topics_over_time([0, 1, 1, 0], dates, "W", labels={0: "a", 1: "b"})
    weeks = table["period"].astype(str).unique().tolist()
    assert len(weeks) == 7 and weeks[0] == "2025-10-20/2025-10-26"
    assert weeks[-1] == "2025-12-01/2025-12-07"
    empty = table[table["period"].astype(str) == "2025-11-03/2025-11-09"]
    assert empty["count"].tolist() == [0, 0] and empty["share"].tolist() == [0.0, 0.0]
    assert empty["label"].tolist() == ["a", "b"]
    by_source = topics_over_time([0, 1, 1, 0], dates, "W", sources=["x", "x", "y", "y"])
    assert len(by_source) == 7 * 2 * 2  # every outlet, every week, every topic
