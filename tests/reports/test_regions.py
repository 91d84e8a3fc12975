"""Where a story happens: a report on chosen regions (``report --region``), each story's province
and regency, the stories per regency or city, counts per province that add up, and places asked
for with ``--actor`` by any name of theirs."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from media_analytics.cli import main
from media_analytics.reports import (
    build_content,
    build_report,
    records_to_frames,
    share_of_voice,
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


def _kept(regions: list[str]) -> set[str]:
    return set(records_to_frames(RECORDS, regions=regions).stories["id"])


def test_a_region_is_asked_for_as_an_analyst_types_it(caplog) -> None:
    jateng = {"jateng", "kpu", "smg", "kota", "two", "brebes"}
    for name in ("Jawa Tengah", "Jateng", "jawa tengah", "Provinsi Jawa Tengah", "Prov. Jateng"):
        assert _kept([name]) == jateng, name
    # a regency with or without its head word; a local branch (KPU Brebes) is in its regency
    for name in ("Kabupaten Brebes", "Kab. Brebes", "Kab Brebes", "Brebes"):
        assert _kept([name]) == {"kpu", "brebes"}, name
    assert _kept(["Kota Semarang"]) == {"kota"}
    assert _kept(["Surakarta"]) == _kept(["Solo"]) == {"two"}  # (an alias of the gazetteer)
    assert _kept(["Brebes", "Kota Surabaya"]) == {"kpu", "brebes", "two"}
    # a bare name that is a city and a regency: both, and the place written so without saying
    # which, in one line saying so
    with caplog.at_level(logging.INFO):
        assert _kept(["Semarang"]) == {"smg", "kota"}
    said = [r.getMessage() for r in caplog.records if "'Semarang'" in r.getMessage()]
    assert len(said) == 1 and "Kabupaten Semarang" in said[0] and "Kota Semarang" in said[0]
    # not both at once: "Kabupaten Semarang" is not the city, nor the unsaid one
    assert _kept(["Kabupaten Semarang"]) == set()


def test_an_unknown_region_is_refused_naming_it() -> None:
    with pytest.raises(ValueError, match=r"'Brebess'.*Brebes") as caught:
        records_to_frames(RECORDS, regions=["Brebess"])
    assert "\n" not in str(caught.value)
    with pytest.raises(ValueError, match="'Bukit Kapur' is a district of Kota Dumai"):
        records_to_frames(RECORDS, regions=["Bukit Kapur"])


def test_a_region_filter_keeps_whole_stories_and_says_what_it_left_out(tmp_path) -> None:
    copy = {**_story("kpu-2", "2024-11-25"), "source": "other", "duplicate_of": "kpu"}
    paths = build_report([*RECORDS, copy], tmp_path, regions=["Brebes"], generated_at=MADE)
    stories = pd.read_csv(paths["csv:stories"], keep_default_na=False)
    assert stories["id"].tolist() == ["kpu", "brebes"]
    assert stories.set_index("id").at["kpu", "n_outlets"] == 2  # its copy goes with it
    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert "regions: Brebes (Kabupaten Brebes)" in markdown  # the filter, read back
    assert "Records read:** 8" in markdown and "5 in stories placed in other regions" in markdown


def test_a_region_filter_keeps_the_periods_of_all_stories() -> None:
    # as with --theme, a quiet week of the region is a week of zeros, not a week left out
    later = _story("later", "2024-12-10", _place("Surabaya", "Jawa Timur", "Kota Surabaya"))
    data = records_to_frames([*RECORDS, later], regions=["Brebes"])
    weekly = volume(data, None, "W")
    assert weekly["articles"].tolist() == [2, 0, 0]


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


def _voice(data: Any, name: str) -> int:
    return int(share_of_voice(data, "actor", names=[name]).set_index("actor").at[name, "articles"])


def test_a_place_is_asked_for_by_its_written_and_its_official_name(caplog) -> None:
    # seen on real news: --actor Semarang counted 29 stories and --actor "Kota Semarang" 9 of the
    # same city; --actor Brebes found Kabupaten Brebes only where a story wrote "Brebes"
    data = records_to_frames(RECORDS)
    for name in ("Brebes", "Kab. Brebes", "Kabupaten Brebes"):
        assert _voice(data, name) == 1, name  # the place; the branch KPU Brebes is no place
    assert _voice(data, "Kota Semarang") == 1
    assert _voice(data, "Semarang") == 2  # the city, and the place written so without saying
    assert _voice(data, "Jateng") == _voice(data, "Jawa Tengah") == 1
    # the report says what a name of two regions counted
    note = build_content(data, title="t", names=["Semarang"]).notes["share_of_voice_actor"]
    assert "Semarang names Kabupaten Semarang and Kota Semarang" in note
    with pytest.raises(ValueError, match="one actor"):
        share_of_voice(data, "actor", names=["Brebes", "Kab. Brebes"])
    # the report compares them once, under the first name, and says so
    with caplog.at_level(logging.WARNING):
        content = build_content(data, title="t", names=["Kab. Brebes", "Brebes", "Semarang"])
    voice = content.tables["share_of_voice_actor"]
    assert voice["actor"].tolist() == ["Kab. Brebes", "Semarang"]
    assert voice["articles"].tolist() == [1, 2]
    assert "'Kab. Brebes' and 'Brebes' are one actor" in caplog.text
    # persons and organisations as before: by their names and written forms only
    assert _voice(data, "KPU Brebes") == 1


def test_an_actor_asked_for_that_is_a_region_points_to_the_region_filter(tmp_path, caplog) -> None:
    with caplog.at_level(logging.INFO):
        build_report(RECORDS, tmp_path, themes=["pilkada_security"], names=["Kota Semarang"])
    said = [r.getMessage() for r in caplog.records if "'Kota Semarang'" in r.getMessage()]
    assert said and all("--region" in s for s in said)
    assert any(r.levelno == logging.WARNING for r in caplog.records if r.getMessage() in said)


def test_the_command_takes_regions_and_refuses_an_unknown_one(tmp_path: Path, capsys) -> None:
    scored = tmp_path / "scored.jsonl"
    scored.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), "utf-8")
    out = tmp_path / "r"
    base = ["report", str(scored), "--out", str(out)]
    assert main([*base, "--region", "Jateng", "--region", "Kota Surabaya"]) == 0
    stories = pd.read_csv(out / "tables" / "stories.csv")
    assert set(stories["id"]) == {"jateng", "kpu", "smg", "kota", "two", "brebes"}
    assert main([*base, "--region", "Atlantis"]) == 2
    err = capsys.readouterr().err
    assert "--region 'Atlantis'" in err and len(err.strip().splitlines()) == 1


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
    rows = region.set_index("province")["articles"]
    assert rows.get("(no region)", 0) == unplaced  # (none left once headlines are read)
    named = stories.loc[stories["province"] != "", "province"].str.split("; ")
    assert rows.sum() == unplaced + named.map(len).sum()  # a story counts in each it names
    # the KPU Brebes story, in Kabupaten Brebes, found by the regency as typed
    brebes = _report(detik_scored, tmp_path / "brebes", *week, "--region", "Brebes")
    assert brebes["stories"]["title"].str.contains("KPU Brebes").any()
    assert (brebes["stories"]["regency"].str.contains("Kabupaten Brebes")).all()
    regency = brebes["volume_regency"].set_index("regency")["articles"]
    assert regency["Kabupaten Brebes"] == len(brebes["stories"])
    # a province by its alias: the same stories as by its name, every one placed in it
    alias = _report(detik_scored, tmp_path / "jateng", "--region", "Jateng")["stories"]
    name = _report(detik_scored, tmp_path / "jawa", "--region", "Jawa Tengah")["stories"]
    assert len(alias) > 300 and alias["id"].tolist() == name["id"].tolist()
    assert alias["province"].str.split("; ").map(lambda p: "Jawa Tengah" in p).all()


@pytest.mark.shared_data
@pytest.mark.slow
def test_a_place_counts_alike_by_its_names_on_real_news(detik_scored: Path) -> None:
    # seen on real news: --actor Semarang 29, --actor "Kota Semarang" 9 for the same city
    records = [json.loads(line) for line in detik_scored.read_text("utf-8").splitlines()]
    data = records_to_frames(records)
    places = data.actors[data.actors["type"] == "place"]
    written = set(places.loc[places["written"] == "Semarang", "id"])
    city = set(places.loc[places["name"] == "Kota Semarang", "id"])
    regency = set(places.loc[places["name"] == "Kabupaten Semarang", "id"])
    assert len(written) >= 20 and len(city) >= 5
    assert _voice(data, "Semarang") == len(written | city | regency)
    assert _voice(data, "Kota Semarang") == len(city)
    assert _voice(data, "Kab. Brebes") == _voice(data, "Brebes") >= 1
