"""Where a story happens: each story's province and regency, the stories per regency or city, and
counts per province that add up."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from media_analytics.cli import main
from media_analytics.reports import (
    build_report,
    records_to_frames,
    volume,
)

from .conftest import _record


def _place(written: str, province: str, regency: str | None = None, official: str | None = None):
    region = {"province": province, **({"regency": regency} if regency else {})}
    return {"name": written, "type": "place", "region": region, "official": official}


def _branch(name: str, province: str, regency: str | None = None) -> dict[str, Any]:
    region = {"province": province, **({"regency": regency} if regency else {})}
    return {"name": name, "type": "organization", "region": region}


MADE = datetime(2025, 1, 1, tzinfo=timezone.utc)
_SECURITY = [{"theme": "pilkada_security", "score": 0.9, "evidence": ["ricuh"]}]


def _story(rid: str, day: str, *actors: dict[str, Any], themes: Any = None) -> dict[str, Any]:
    return _record(rid, day, "detik.com", actors=list(actors), themes=themes or [])


# One week of election-security news as the default model places it (seen on real news: the
# week of 2024-11-25 of detik's Pilkada Jateng index, 7 stories, provinces summing to 5).
RECORDS = [
    _story("jateng", "2024-11-25", _place("Jateng", "Jawa Tengah", official="Jawa Tengah")),
    _story("kpu", "2024-11-25", _branch("KPU Brebes", "Jawa Tengah", "Kabupaten Brebes")),
    _story("smg", "2024-11-26", _place("Semarang", "Jawa Tengah")),  # city or regency: unsaid
    _story(
        "kota",
        "2024-11-26",
        _place("Kota Semarang", "Jawa Tengah", "Kota Semarang", "Kota Semarang"),
    ),
    _story("none", "2024-11-27"),  # "Warga Kudus Doa Bersama": no place read
    _story(
        "two",
        "2024-11-27",
        _place("Solo", "Jawa Tengah", "Kota Surakarta", "Kota Surakarta"),
        _place("Surabaya", "Jawa Timur", "Kota Surabaya", "Kota Surabaya"),
    ),
    _story(
        "brebes",
        "2024-11-28",
        _place("Kabupaten Brebes", "Jawa Tengah", "Kabupaten Brebes", "Kabupaten Brebes"),
        themes=_SECURITY,
    ),
]


def test_each_story_names_its_provinces_and_regencies() -> None:
    stories = records_to_frames(RECORDS).stories.set_index("id")
    assert stories.at["two", "province"] == "Jawa Tengah; Jawa Timur"
    assert stories.at["two", "regency"] == "Kota Surabaya; Kota Surakarta"
    assert stories.at["kpu", "regency"] == "Kabupaten Brebes"  # a branch's regency
    assert (
        stories.at["jateng", "province"] == "Jawa Tengah" and stories.at["jateng", "regency"] == ""
    )
    assert stories.at["smg", "regency"] == "Kabupaten Semarang or Kota Semarang"
    assert stories.at["none", "province"] == stories.at["none", "regency"] == ""


def test_stories_per_regency_and_provinces_that_add_up() -> None:
    data = records_to_frames(RECORDS)
    regency = volume(data, "regency", "W")
    assert list(regency.columns) == [
        "period", "partial", "province", "regency", "articles", "total", "share",
    ]  # fmt: skip
    counts = regency.set_index("regency")["articles"]
    assert counts["Kabupaten Brebes"] == 2  # the place and the branch (KPU Brebes)
    assert counts["Kota Semarang"] == 1 and counts["Kabupaten Semarang or Kota Semarang"] == 1
    assert counts["(no regency)"] == 2  # "Jateng" and the story naming no place
    assert regency.set_index("regency").at["Kabupaten Brebes", "province"] == "Jawa Tengah"
    # each story counts in every province it names, and once under "(no region)" when it names
    # none: the rows add up to the week's stories plus the second province of "two"
    province = volume(data, "region", "W").set_index("province")["articles"]
    assert province.to_dict() == {"Jawa Tengah": 6, "Jawa Timur": 1, "(no region)": 1}
    assert province.sum() == len(data.stories) + 1


def test_the_report_has_both_region_tables_and_says_how_they_count(tmp_path) -> None:
    paths = build_report(RECORDS, tmp_path, generated_at=MADE)
    assert "csv:volume_regency" in paths
    html = paths["html"].read_text(encoding="utf-8")
    markdown = paths["markdown"].read_text(encoding="utf-8")
    for text in (html, markdown):
        assert "Stories per regency or city" in text
        assert "story naming several provinces counts in each" in text
        assert "(no region)" in text


# --- on real news: detik's Pilkada Jateng index scored by the default model ------------------


@pytest.fixture(scope="module")
def detik_scored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from ..conftest import shared_file

    index = shared_file("corpora/detik-pilkada-jateng-index/pilkada_jawa_tengah.csv")
    scored = tmp_path_factory.mktemp("detik") / "scored.jsonl"
    assert main(["score", str(index), "--out", str(scored), "--jobs", "1", "-q"]) == 0
    return scored


def _report(scored: Path, out: Path, *extra: str) -> dict[str, pd.DataFrame]:
    assert main(["report", str(scored), "--out", str(out), *extra]) == 0
    return {p.stem: pd.read_csv(p, keep_default_na=False) for p in (out / "tables").glob("*.csv")}


@pytest.mark.shared_data
@pytest.mark.slow
def test_security_coverage_per_region_on_real_news(detik_scored: Path, tmp_path: Path) -> None:
    # seen on real news: the week of 2024-11-25 held 7 election-security stories and its
    # provinces summed to 5; "security coverage in Brebes" could not be asked for
    week = ["--theme", "pilkada_security", "--since", "2024-11-25", "--until", "2024-12-01"]
    tables = _report(detik_scored, tmp_path / "week", *week)
    stories, region = tables["stories"], tables["volume_region"]
    assert len(stories) >= 5
    unplaced = int((stories["province"] == "").sum())
    assert unplaced >= 1
    rows = region.set_index("province")["articles"]
    assert rows["(no region)"] == unplaced
    named = stories.loc[stories["province"] != "", "province"].str.split("; ")
    assert rows.sum() == unplaced + named.map(len).sum()  # a story counts in each it names
