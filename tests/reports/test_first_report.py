"""What a first report on one's own news says: who is in the news (people and organisations
apart from places), one placing of each story in every table, and the exported tables' booleans
and precision."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from media_analytics.reports import build_report, records_to_frames, volume
from media_analytics.reports.content import build_content
from media_analytics.reports.regions import NO_REGION

from .conftest import _record


def _person(name: str) -> dict[str, Any]:
    return {"name": name, "type": "person"}


def _org(name: str) -> dict[str, Any]:
    return {"name": name, "type": "organization"}


def _place(name: str, province: str | None = None, official: str | None = None) -> dict:
    region = {"province": province} if province else None
    return {"name": name, "type": "place", "region": region, "official": official}


def _who_records() -> list[dict[str, Any]]:
    """Ten stories naming Indonesia and Jakarta; a person in six, an organisation in four."""
    records = []
    for i in range(10):
        actors = [_place("Indonesia"), _place("Jakarta", "DKI Jakarta", "DKI Jakarta")]
        actors.append(_person("Joko Widodo") if i < 6 else _org("KPK"))
        records.append(_record(f"s{i}", f"2024-11-{4 + i:02d}", "tempo.co", actors=actors))
    return records


def test_who_is_in_the_news_is_people_and_organisations_and_places_have_their_own_table(
    tmp_path: Path,
) -> None:
    # seen on real news: 7 of CLICK-ID's top 10 actors were places, Indonesia (768 stories)
    # and DKI Jakarta (671) first, in the top actors and in the share of voice alike
    paths = build_report(_who_records(), tmp_path)
    top = pd.read_csv(paths["csv:top_actors"])
    assert top["actor"].tolist() == ["Joko Widodo", "KPK"]
    voice = pd.read_csv(paths["csv:share_of_voice_actor"])
    assert voice["actor"].tolist() == ["Joko Widodo", "KPK"]
    assert voice["share"].tolist() == [0.6, 0.4]
    places = pd.read_csv(paths["csv:top_places"])
    assert places["place"].tolist() == ["DKI Jakarta", "Indonesia"]
    assert places["articles"].tolist() == [10, 10]
    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert "## Top places" in markdown
    html = paths["html"].read_text(encoding="utf-8")
    assert "Top places" in html
    # an analyst who wants places among the actors says so
    every = build_report(
        _who_records(), tmp_path / "all", actor_types=["person", "organization", "place"]
    )
    top = pd.read_csv(every["csv:top_actors"])
    assert top["actor"].tolist()[:2] == ["DKI Jakarta", "Indonesia"]
    # an actor asked for by name is counted whatever its type
    asked = build_report(_who_records(), tmp_path / "asked", names=["Indonesia", "KPK"])
    voice = pd.read_csv(asked["csv:share_of_voice_actor"])
    assert voice.set_index("actor")["articles"].to_dict() == {"Indonesia": 10, "KPK": 4}


def test_an_unknown_actor_type_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown actor type"):
        build_content(records_to_frames(_who_records()), title="t", actor_types=["people"])


def test_a_story_is_in_the_same_province_in_the_stories_and_in_the_table_per_province(
    tmp_path: Path,
) -> None:
    # seen on real news: clickid-0b9fbecaba32 names "Pulau Hiri" (placed nowhere) and "Kecamatan
    # Pulau Hiri" (a district of Kota Ternate, Maluku Utara), both counted under Pulau Hiri; its
    # row in stories.csv said Maluku Utara, the table per province counted it under (no region)
    hiri = _record(
        "clickid-0b9fbecaba32", "2019-03-20", "tempo.co",
        actors=[
            _place("Pulau Hiri"),
            {"name": "Kecamatan Pulau Hiri", "type": "place", "official": "Pulau Hiri",
             "region": {"province": "Maluku Utara", "regency": "Kota Ternate"}},
        ],
    )  # fmt: skip
    other = _record("x", "2019-03-21", "tempo.co")
    data = records_to_frames([hiri, other])
    assert data.stories.set_index("id").loc["clickid-0b9fbecaba32", "province"] == "Maluku Utara"
    by_province = volume(data, "region", "W").groupby("province")["articles"].sum().to_dict()
    assert by_province == {"Maluku Utara": 1, NO_REGION: 1}
    by_regency = volume(data, "regency", "W").groupby("regency")["articles"].sum().to_dict()
    assert by_regency == {"Kota Ternate": 1, "(no regency)": 1}
    paths = build_report([hiri, other], tmp_path)
    stories = pd.read_csv(paths["csv:stories"], keep_default_na=False)
    region = pd.read_csv(paths["csv:volume_region"])
    assert (stories["province"] == "").sum() == region.loc[
        region["province"] == NO_REGION, "articles"
    ].sum()


def test_exported_tables_keep_booleans_readable_and_figures_rounded(tmp_path: Path) -> None:
    # seen on real news: share_of_voice_actor.csv wrote 0.04189852700490999
    records = [
        _record(f"t{i}", f"2024-11-{18 + i:02d}", "tempo.co", actors=[_person(name)])
        for i, name in enumerate(["Joko Widodo"] * 3 + [f"Orang {i}" for i in range(4)])
    ]
    paths = build_report(records, tmp_path)
    voice = (tmp_path / "tables" / "share_of_voice_actor.csv").read_text(encoding="utf-8")
    assert "0.4286" in voice and "0.42857" not in voice  # 3 of 7 mentions
    for name, path in paths.items():
        if not name.startswith("csv:"):
            continue
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in table.columns.difference(["p_value", "q_value"]):
            # no figure with more than 4 decimals (p- and q-values keep 3 significant digits)
            long = table[column].str.fullmatch(r"-?\d+\.\d{5,}")
            assert not long.any(), (name, column, table.loc[long, column].tolist()[:3])
    total = pd.read_csv(paths["csv:volume_total"])
    assert total["partial"].dtype == bool  # True/False, which pandas and spreadsheets read
