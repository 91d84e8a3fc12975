"""One grid of periods per report: a story dated after the report is made stays out of it, a
report on chosen themes counts every period of its range (zeros included), and the tables over
time say, in Python as in the files, which periods are cut short."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from media_analytics import reports
from media_analytics.corpus import load_detik_pilkada
from media_analytics.reports import (
    build_content,
    build_report,
    records_to_frames,
    sentiment_mix,
    volume,
)

from ..conftest import shared_file
from .conftest import _record

#: The report's clock: far from any date a test run could meet, before the typo's 2090.
MADE = datetime(2026, 12, 5, 3, 0, tzinfo=timezone.utc)

_OVER_TIME = (
    "volume_theme",
    "sentiment_over_time",
    "volume_total",
    "volume_topic",
    "volume_outlet",
    "volume_region",
)


def _weekly(theme_weeks: set[int], n_weeks: int = 6) -> list[dict[str, Any]]:
    """Two stories a week from Monday 2024-10-07 (the last one on a Wednesday); the first
    carries ``quiet_theme`` in the weeks of ``theme_weeks``."""
    out = []
    place = {"name": "Jawa Tengah", "type": "place", "region": {"province": "Jawa Tengah"}}
    for week in range(n_weeks):
        monday = pd.Timestamp("2024-10-07") + pd.Timedelta(weeks=week)
        for j, day in enumerate((monday, monday + pd.Timedelta(days=2))):
            theme = [{"theme": "quiet_theme", "score": 0.9, "evidence": []}]
            out.append(
                _record(
                    f"w{week}-{j}",
                    f"{day:%Y-%m-%d}",
                    "detik.com",
                    themes=theme if j == 0 and week in theme_weeks else [],
                    sentiment={"label": "negative" if j else "positive", "score": 0.9},
                    actors=[place],
                    topic={"id": 1, "label": "pilkada", "score": 0.5},
                )
            )
    return out


def test_a_story_dated_after_the_report_is_made_stays_out_of_its_periods(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    typo = _record("typo-2030", "2030-11-27", "detik.com")
    with caplog.at_level(logging.WARNING):
        build_report([*_weekly({1}), typo], tmp_path, period="W", generated_at=MADE)
    total = pd.read_csv(tmp_path / "tables" / "volume_total.csv", parse_dates=["period"])
    assert total["period"].max() == pd.Timestamp("2024-11-11")
    assert len(total) == 6 and total["articles"].sum() == 12
    assert total.set_index("period")["partial"].to_dict()[pd.Timestamp("2024-11-11")]
    warned = [r.getMessage() for r in caplog.records if "typo-2030" in r.getMessage()]
    assert len(warned) == 1 and "1 record" in warned[0]
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "1 dated after the report was made" in markdown and "typo-2030" in markdown
    assert "2030" not in markdown.split("Records left out", 1)[0]  # not in the data range


def test_a_future_dated_row_of_the_detik_index_leaves_the_weekly_grid_as_it_was(
    tmp_path: Path,
) -> None:
    # seen on real news: "Rabu, 27 Nov 2030 09:00 WIB" appended to the detik Pilkada index
    source = shared_file("corpora/detik-pilkada-jateng-index/pilkada_jawa_tengah.csv")
    path = tmp_path / "index.csv"
    typo = (
        'Pilkada Jateng typo,"Rabu, 27 Nov 2030 09:00 WIB",Deskripsi berita.,berita,'
        "https://www.detik.com/jateng/pilkada/d-9999999/typo\n"
    )
    path.write_text(source.read_text(encoding="utf-8") + typo, encoding="utf-8")
    records = [
        {**a.to_dict(), "themes": [], "sentiment": {"label": "neutral", "score": 0.9}}
        for a in load_detik_pilkada(path)
    ]
    assert str(records[-1]["published_at"]).startswith("2030-11-27")
    content = build_content(
        records_to_frames(records, not_after="2026-12-05"), title="t", period="W",
        generated_at=MADE,
    )  # fmt: skip
    total = content.tables["volume_total"]
    assert len(total) == 224
    assert f"{total['period'].max():%Y-%m-%d}" == "2024-12-16" and total["partial"].iloc[-1]
    assert content.provenance["Data range"].endswith("2024-12-21")
    assert "1 dated after the report was made" in content.provenance["Records left out"]


def test_a_report_on_a_theme_puts_every_table_over_time_on_the_report_s_periods() -> None:
    data = records_to_frames(_weekly({2, 3}))
    content = build_content(data, title="t", period="W", themes=["quiet_theme"])
    grids = {name: sorted(set(content.tables[name]["period"])) for name in _OVER_TIME}
    expected = list(pd.date_range("2024-10-07", periods=6, freq="7D"))
    for name, grid in grids.items():
        assert grid == expected, name
    total = content.tables["volume_total"].set_index("period")["articles"]
    assert total.tolist() == [0, 0, 1, 1, 0, 0]
    tone = content.tables["sentiment_over_time"].set_index("period")["n"]
    assert tone.tolist() == [0, 0, 1, 1, 0, 0]


def test_a_theme_no_story_carries_gives_zero_rows_and_says_why(tmp_path: Path) -> None:
    build_report(_weekly(set()), tmp_path, period="W", themes=["quiet_theme"])
    for name in ("volume_total", "sentiment_over_time"):
        table = pd.read_csv(tmp_path / "tables" / f"{name}.csv")
        assert len(table) == 6 and not table[["n" if "n" in table else "articles"]].any().any()
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    for text in (markdown, html):
        assert "No sentiment labels" not in text
        assert "No story carries the selected theme(s) in this range" in text


def test_volume_and_sentiment_mix_flag_the_periods_cut_short_in_python() -> None:
    data = records_to_frames(_weekly({1}), since="2024-10-09")
    cut = reports.partial_periods(data, "W")  # exported, as the tables' flag is
    assert [f"{p:%Y-%m-%d}" for p in cut] == ["2024-10-07", "2024-11-11"]
    for table in (volume(data, None, "W"), volume(data, "theme", "W"),
                  sentiment_mix(data, "period", "W")):  # fmt: skip
        assert list(table.columns[:2]) == ["period", "partial"]
        flagged = table.loc[table["partial"], "period"]
        assert sorted(set(flagged)) == sorted(cut)
