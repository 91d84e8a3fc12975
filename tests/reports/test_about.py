"""A report on the stories naming chosen actors (``report --about``): the actor found as
``--actor`` finds it, every section about those stories, and the tone toward the actor
beside the tone of the stories."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from media_analytics.cli import main
from media_analytics.reports import about_actors, build_report, records_to_frames
from media_analytics.reports.content import story_actors

from .conftest import _record

MADE = datetime(2024, 12, 1, tzinfo=timezone.utc)


def _org(name: str, *aliases: str, sentiment: str | None = None) -> dict[str, Any]:
    return {"name": name, "type": "organization", "aliases": list(aliases), "sentiment": sentiment}


def _person(name: str, role: str, sentiment: str | None = None) -> dict[str, Any]:
    return {"name": name, "type": "person", "role": role, "sentiment": sentiment}


def _tone(label: str) -> dict[str, Any]:
    return {"label": label, "score": 0.9}


# Polri in 4 stories (once by its full name, written with Polri as its alias), KPK in 3, a
# Kapolda in 1, and 2 stories naming neither; the stories read positive while the sentences
# naming Polri read negative.
RECORDS = [
    *(
        _record(f"polri-{i}", f"2024-11-{11 + i}", "kompas.com", sentiment=_tone("positive"),
                actors=[_org("Polri", sentiment="negative")])
        for i in range(3)
    ),
    _record("kepolisian", "2024-11-14", "tempo.co", sentiment=_tone("positive"),
            actors=[_org("Kepolisian Republik Indonesia", "Polri", sentiment="negative")]),
    *(
        _record(f"kpk-{i}", f"2024-11-{18 + i}", "tempo.co", sentiment=_tone("negative"),
                actors=[_org("Komisi Pemberantasan Korupsi", "KPK", sentiment="positive")])
        for i in range(3)
    ),
    _record("kapolda", "2024-11-20", "detik.com", sentiment=_tone("neutral"),
            actors=[_person("Imam Sugianto", "Kapolda Jatim", "positive")]),
    _record("other-1", "2024-11-12", "detik.com", actors=[_org("KPU")]),
    _record("other-2", "2024-11-19", "detik.com", actors=[_person("Budi Santoso", "warga")]),
]  # fmt: skip


def _ids(data: Any) -> set[str]:
    return set(data.stories["id"])


def test_about_keeps_the_stories_naming_the_actor_in_any_form_or_role() -> None:
    polri = {"polri-0", "polri-1", "polri-2", "kepolisian"}
    assert _ids(records_to_frames(RECORDS, about=["Polri"])) == polri
    assert _ids(records_to_frames(RECORDS, about=["polri"])) == polri
    assert _ids(records_to_frames(RECORDS, about=["KPK"])) == {"kpk-0", "kpk-1", "kpk-2"}
    assert _ids(records_to_frames(RECORDS, about=["Kapolda"])) == {"kapolda"}
    both = records_to_frames(RECORDS, about=["Polri", "Kapolda"])
    assert _ids(both) == polri | {"kapolda"}
    assert both.filters["about"] == ["Polri", "Kapolda (a role: Kapolda Jatim (1))"]
    assert both.n_not_about == 5
    # the analyst's alias table, as --actor reads it
    aliased = records_to_frames(RECORDS, about=["Korps Bhayangkara"], aliases={
        "Korps Bhayangkara": "Polri"})  # fmt: skip
    assert _ids(aliased) == polri
    # the periods of all the stories stay, a quiet week being a week of zeros
    assert aliased.extent == (pd.Timestamp("2024-11-11"), pd.Timestamp("2024-11-20"))
    # the function on frames already read
    assert _ids(about_actors(records_to_frames(RECORDS), ["KPK"])) == {"kpk-0", "kpk-1", "kpk-2"}


def test_an_unknown_name_warns_with_the_closest_name_written(caplog) -> None:
    with caplog.at_level(logging.WARNING):
        data = records_to_frames(RECORDS, about=["Porli"])
    assert data.stories.empty
    assert "--about 'Porli': no story names this actor" in caplog.text
    assert "did you mean 'Polri'?" in caplog.text
    assert data.filters["about"] == ["Porli (no story names it)"]
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        records_to_frames(RECORDS, about=["Zzyzx"])
    assert "no story names this actor" in caplog.text and "did you mean" not in caplog.text


def test_the_report_is_about_the_stories_and_gives_the_tone_toward_the_actor(tmp_path) -> None:
    paths = build_report(RECORDS, tmp_path, about=["Polri"], generated_at=MADE)
    stories = pd.read_csv(paths["csv:stories"])
    assert set(stories["id"]) == {"polri-0", "polri-1", "polri-2", "kepolisian"}
    tone = pd.read_csv(paths["csv:sentiment_over_time"])
    assert tone["n"].sum() == 4 and tone["negative"].sum() == 0
    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert "**Filters:** about: Polri" in markdown
    assert "6 in stories naming none of the actors asked about" in markdown
    assert "**Tone toward:** Polri -1.00 (4 stories giving it a tone)" in markdown
    html = paths["html"].read_text(encoding="utf-8")
    # the stories read positive, the sentences naming Polri negative: both, each named
    assert '<b>+1.00</b><span class="muted">net tone of the stories</span>' in html
    assert '<b>-1.00</b><span class="muted">tone toward Polri</span>' in html
    plain = build_report(RECORDS, tmp_path / "all", generated_at=MADE)
    html = plain["html"].read_text(encoding="utf-8")
    assert "net tone</span>" in html and "tone toward Polri<" not in html


def _scored(tmp_path: Path) -> Path:
    scored = tmp_path / "scored.jsonl"
    scored.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), "utf-8")
    return scored


def test_the_command_reports_about_an_actor(tmp_path: Path, caplog, capsys) -> None:
    scored, out = _scored(tmp_path), tmp_path / "r"
    args = ["report", str(scored), "--out", str(out)]
    assert main([*args, "--about", "KPK", "--about", "Kapolda"]) == 0, capsys.readouterr().err
    stories = pd.read_csv(out / "tables" / "stories.csv")
    assert set(stories["id"]) == {"kpk-0", "kpk-1", "kpk-2", "kapolda"}
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert "about: KPK (Komisi Pemberantasan Korupsi), Kapolda (a role: Kapolda Jatim (1))" in (
        markdown
    )
    assert "KPK +1.00 (3 stories giving it a tone); Kapolda +1.00 (1 story" in markdown
    # a typo: a warning with the closest name, and no story left
    with caplog.at_level(logging.WARNING):
        assert main([*args, "--about", "Porli"]) == 0
    assert "did you mean 'Polri'?" in caplog.text
    assert "no stories left to report on after the filters" in caplog.text


def test_an_unknown_actor_is_warned_of_with_the_closest_name(tmp_path: Path, caplog) -> None:
    with caplog.at_level(logging.WARNING):
        build_report(RECORDS, tmp_path, names=["Porli", "Zzyzx"], generated_at=MADE)
    assert "no story names the actor(s) 'Porli' (did you mean 'Polri'?), 'Zzyzx'" in caplog.text
    # said once by the report, not again by each of its tables
    assert caplog.text.count("'Zzyzx'") == 1


def test_a_table_of_an_unknown_actor_says_so_in_a_notebook(caplog) -> None:
    # seen in a notebook: sentiment_mix(..., names=["Polisi"]) gave a week-by-week row of zeros
    # and said nothing, where the report command warns
    from media_analytics.reports import records_to_frames, sentiment_mix, share_of_voice

    data = records_to_frames(RECORDS)
    for table in (
        lambda: sentiment_mix(data, "actor", "W", names=["Porli", "Polri"]),
        lambda: share_of_voice(data, "actor", names=["Porli", "Polri"]),
    ):
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            out = table()
        assert "no story names the actor(s) 'Porli' (did you mean 'Polri'?)" in caplog.text
        assert "'Polri'," not in caplog.text and len(out)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        sentiment_mix(data, "actor", names=["Polri"])
    assert "no story names" not in caplog.text


def test_the_stories_table_names_each_storys_actors_with_the_tone_toward_each(tmp_path) -> None:
    paths = build_report(RECORDS, tmp_path, generated_at=MADE)
    stories = pd.read_csv(paths["csv:stories"], keep_default_na=False).set_index("id")
    assert list(stories.columns)[-1] == "actors"  # after the columns it had, unchanged
    assert stories.at["polri-0", "actors"] == "Polri (negative)"
    assert stories.at["kepolisian", "actors"] == "Polri (negative)"  # under its grouped name
    assert stories.at["kpk-0", "actors"] == "Komisi Pemberantasan Korupsi (positive)"
    assert stories.at["other-1", "actors"] == "KPU"  # no tone given toward it
    # the stories negative toward Polri, read off the table
    negative = stories[stories["actors"].str.contains("Polri (negative)", regex=False)]
    assert set(negative.index) == {"polri-0", "polri-1", "polri-2", "kepolisian"}
    two = records_to_frames(
        [
            _record(
                "2",
                "2024-11-11",
                "X",
                actors=[
                    _org("Polri", sentiment="negative"),
                    _org("KPK"),
                    {"name": "Jakarta", "type": "place"},
                ],
            )
        ]
    )
    assert story_actors(two.actors).to_dict() == {"2": "Polri (negative); KPK"}


def test_a_name_ending_in_a_star_keeps_the_branches_and_a_bare_name_says_they_exist(
    tmp_path: Path, caplog
) -> None:
    # seen on the Pilkada index: --about Bawaslu kept 28 of the 65 stories naming Bawaslu,
    # leaving out Bawaslu Kendal, Bawaslu Jateng, Bawaslu Kabupaten Semarang without a word
    records = [
        _record("ri", "2024-11-11", "detik.com", actors=[_org("Bawaslu")]),
        _record("kendal", "2024-11-12", "detik.com", actors=[_org("Bawaslu Kendal")]),
        _record("jateng", "2024-11-13", "detik.com", actors=[_org("Bawaslu Jateng")]),
        _record("kendal-2", "2024-11-14", "detik.com", actors=[_org("Bawaslu Kendal")]),
        _record("bawaslunya", "2024-11-15", "detik.com", actors=[_org("Bawaslunews")]),
        _record("kpu", "2024-11-15", "detik.com", actors=[_org("KPU Kendal")]),
    ]  # fmt: skip
    data = records_to_frames(records)
    with caplog.at_level(logging.INFO):
        assert _ids(about_actors(data, ["Bawaslu"])) == {"ri"}
    assert (
        "--about 'Bawaslu': other actors' names start with it (Bawaslu Kendal, Bawaslu Jateng); "
        "--about 'Bawaslu*' keeps their stories too" in caplog.text
    )
    kept = about_actors(data, ["bawaslu*"])
    assert _ids(kept) == {"ri", "kendal", "jateng", "kendal-2"}
    assert kept.filters["about"] == ["bawaslu* (names starting so)"]
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert _ids(about_actors(data, ["Banwaslu*"])) == set()
    assert "--about 'Banwaslu*': no story names this actor" in caplog.text
    # on the command line
    scored = tmp_path / "s.jsonl"
    scored.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "r"
    assert main(["report", str(scored), "--out", str(out), "--about", "Bawaslu*"]) == 0
    stories = pd.read_csv(out / "tables" / "stories.csv")
    assert set(stories["id"]) == {"ri", "kendal", "jateng", "kendal-2"}
