"""What a first report on one's own news says: where its topics come from, which topics emerge,
who is in the news (people and organisations apart from places), one placing of each story in
every table, and the exported tables' booleans and precision."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from media_analytics.reports import build_report, records_to_frames, volume
from media_analytics.reports.content import build_content
from media_analytics.reports.regions import NO_REGION

from .conftest import _record

_DEFAULT = "0.1.0-0123456789ab"  # a default model's version, as its manifest names it


def _fake_default_model(home: Path, version: str = _DEFAULT, n_articles: int = 330) -> None:
    """A cached default model's manifest (all a report reads of it) under ``home``."""
    folder = home / f"default-0.1.0-{version[-12:]}-scikit-learn1.9-skops0.16-numpy2.4"
    folder.mkdir(parents=True)
    manifest = {"model_version": version, "n_training_articles": n_articles}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _topic_story(rid: str, day: str, topic: int, version: str = _DEFAULT) -> dict[str, Any]:
    return _record(
        rid, day, "detik.com", model_version=version,
        topic={"id": topic, "label": f"topik {topic}", "score": 0.5},
    )  # fmt: skip


def test_a_report_on_topics_of_the_default_model_says_whence_they_come(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # seen on real news: CLICK-ID's celebrity news under "23: akun, menyebarkan konten,
    # potongan, menelusuri", gold prices under "medali emas, atlet, pon xxi, dayung": the
    # default model's topics are those of the bundled sample, and the report never said so
    home = tmp_path / "home"
    _fake_default_model(home)
    monkeypatch.setenv("MEDIA_ANALYTICS_HOME", str(home))
    records = [_topic_story(f"s{i}", f"2024-11-{4 + i:02d}", i % 3) for i in range(12)]
    with caplog.at_level(logging.INFO):
        paths = build_report(records, tmp_path / "r")
    said = [r.getMessage() for r in caplog.records if "bundled" in r.getMessage()]
    assert len(said) == 1 and "media-analytics train" in said[0]
    markdown = paths["markdown"].read_text(encoding="utf-8")
    html = paths["html"].read_text(encoding="utf-8")
    for text in (markdown, html):
        assert "330 articles of the bundled sample" in text
        assert "media-analytics train" in text
    # topics of a model of one's own: no such word
    own = [_topic_story(f"o{i}", f"2024-11-{4 + i:02d}", i % 3, "0.1.0-mine") for i in range(12)]
    caplog.clear()
    with caplog.at_level(logging.INFO):
        paths = build_report(own, tmp_path / "own")
    assert not [r for r in caplog.records if "bundled" in r.getMessage()]
    for path in (paths["markdown"], paths["html"]):
        assert "bundled sample" not in path.read_text(encoding="utf-8")


def test_a_report_says_how_many_stories_topics_of_the_default_model_are_when_mixed() -> None:
    records = [_topic_story(f"s{i}", f"2024-11-{4 + i:02d}", 1) for i in range(3)]
    records += [_topic_story(f"o{i}", "2024-11-20", 2, "0.1.0-mine") for i in range(2)]
    content = build_content(records_to_frames(records), title="t", default_versions={_DEFAULT: 330})
    assert content.provenance["Topics"].startswith("3 of the 5 stories")


def _emerging_records() -> list[dict[str, Any]]:
    """Two fortnights of 20 stories; in the second, topic 6 new on 3 stories and topic 9 on 6."""
    records = [_topic_story(f"p{i}", "2024-10-25", 1) for i in range(20)]
    records += [_topic_story(f"c{i}", "2024-11-12", 6) for i in range(3)]
    records += [_topic_story(f"d{i}", "2024-11-12", 9) for i in range(6)]
    records += [_topic_story(f"e{i}", "2024-11-12", 1) for i in range(11)]
    return records


def test_an_emerging_topic_needs_as_many_stories_as_a_spike_and_the_table_says_what_was_left_out(
    tmp_path: Path,
) -> None:
    # seen on real news: "6: terendam, sentimeter, jembatan, bpbd" listed as new, growth 23.25,
    # on 3 stories of which one was about printing e-KTP cards
    paths = build_report(_emerging_records(), tmp_path)
    emerging = pd.read_csv(paths["csv:emerging_topics"])
    assert emerging["topic"].tolist() == ["9: topik 9"]
    markdown = paths["markdown"].read_text(encoding="utf-8")
    section = markdown.split("## Emerging topics", 1)[1].split("\n## ", 1)[0]
    assert "at least 5 stories" in section
    assert "6: topik 6 (3 stories)" in section
    html = paths["html"].read_text(encoding="utf-8")
    assert "6: topik 6 (3 stories)" in html and "at least 5 stories" in html


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


def test_actors_asked_for_are_compared_period_by_period(tmp_path: Path) -> None:
    # seen in a PR team's walk-through: the report compared KPK, Polri and Kejaksaan Agung over
    # the whole range only; week by week needed share_of_voice(..., period=) in Python
    week1 = [("a", ["KPK"]), ("b", ["KPK", "Polri"]), ("c", ["Polri"]), ("d", ["KPK"])]
    week3 = [("e", ["Polri"]), ("f", ["Kejaksaan Agung", "Polri"])]
    records = [
        _record(rid, "2024-11-05", "tempo.co", actors=[_org(n) for n in names])
        for rid, names in week1
    ] + [
        _record(rid, "2024-11-19", "tempo.co", actors=[_org(n) for n in names])
        for rid, names in week3
    ]
    names = ["KPK", "Polri", "Kejaksaan Agung"]
    paths = build_report(records, tmp_path / "asked", names=names)
    over = pd.read_csv(paths["csv:share_of_voice_actor_over_time"], parse_dates=["period"])
    counts = over.pivot(index="period", columns="actor", values="articles")[names]
    # counted by hand from the records above: a week with no story of them is a row of zeros
    assert counts.to_numpy().tolist() == [[3, 2, 0], [0, 0, 0], [0, 2, 1]]
    shares = over.groupby("period")["share"].sum().round(4).tolist()
    assert shares == [1.0, 0.0, 1.0]
    assert over.loc[over["actor"] == "KPK", "share"].round(4).tolist() == [0.6, 0.0, 0.0]
    # summed over the weeks: the whole range's table
    whole = pd.read_csv(paths["csv:share_of_voice_actor"]).set_index("actor")["articles"]
    assert counts.sum().to_dict() == whole.to_dict()
    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert "| 2024-11-04 | yes | 60.0% (3) | 40.0% (2) | 0.0% (0) |" in markdown  # (cut short)
    assert over["partial"].tolist() == [True] * 3 + [False] * 3 + [True] * 3
    html = paths["html"].read_text(encoding="utf-8")
    assert 'data-chart="share-of-voice-actor-over-time"' in html
    # with no actors asked for there is nothing to compare period by period
    plain = build_report(records, tmp_path / "plain")
    assert "csv:share_of_voice_actor_over_time" not in plain
    assert "csv:sentiment_by_actor_over_time" not in plain
    assert "share-of-voice-actor-over-time" not in plain["html"].read_text(encoding="utf-8")


def test_the_tone_toward_actors_asked_for_is_given_period_by_period(tmp_path: Path) -> None:
    # seen by a PR office: the weekly tone toward KPK was in Python only (sentiment_mix); the
    # report's tone over time is that of whole stories
    def toned(name: str, label: str) -> dict[str, Any]:
        return {**_org(name), "sentiment": label}

    records = [
        _record("a", "2024-11-05", "tempo.co", actors=[toned("KPK", "negative")]),
        _record("b", "2024-11-06", "tempo.co", actors=[toned("KPK", "negative"), _org("Polri")]),
        _record("c", "2024-11-19", "tempo.co", actors=[toned("KPK", "positive")]),
    ]
    paths = build_report(records, tmp_path / "asked", names=["KPK", "Polri"])
    over = pd.read_csv(paths["csv:sentiment_by_actor_over_time"], parse_dates=["period"])
    kpk = over[over["actor"] == "KPK"].set_index("period")
    assert kpk[["negative", "positive", "n"]].to_numpy().tolist() == [
        [2, 0, 2],
        [0, 0, 0],
        [0, 1, 1],
    ]
    assert kpk["net_tone"].iloc[0] == -1.0 and kpk["net_tone"].iloc[2] == 1.0
    assert over.loc[over["actor"] == "Polri", "n"].tolist() == [0, 0, 0]  # named, no tone
