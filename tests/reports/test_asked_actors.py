"""The actors an analyst asks for, read as the articles write them: a name with its rank or
degrees, a role whose region is written another way, a form of the analyst's alias table
that the stories of the range never write."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from media_analytics.cli import main
from media_analytics.corpus import load_detik_pilkada
from media_analytics.reports import (
    records_to_frames,
    sentiment_mix,
    share_of_voice,
    top_actors,
)

from ..conftest import clickid_articles, shared_file
from .conftest import _record


def _person(name: str, role: str | None = None, title: str | None = None) -> dict[str, Any]:
    return {"name": name, "type": "person", "role": role, "title": title, "sentiment": "neutral"}


def _stories(*actors: dict[str, Any], day: str = "2024-11-26") -> list[dict[str, Any]]:
    """One story for each actor, all on ``day``."""
    return [
        _record(f"{actor['name']}-{day}-{i}", day, "X", actors=[actor])
        for i, actor in enumerate(actors)
    ]


def _articles(data: Any, names: list[str]) -> dict[str, int]:
    voice = share_of_voice(data, "actor", names=names)
    return dict(zip(voice["actor"], voice["articles"], strict=True))


def test_a_name_asked_for_with_its_rank_or_degrees_finds_the_person(caplog) -> None:
    # seen on real news: --actor "Irjen Ahmad Luthfi" (as the stories write him) found none
    # of the stories counted under "Ahmad Luthfi"
    data = records_to_frames(
        _stories(
            *[_person("Ahmad Luthfi", "Kapolda Jateng", "Irjen")] * 3,
            *[_person("Andika Perkasa", None, "Jenderal")] * 2,
            _person("Budi Santoso"),
        )
    )
    asked = {
        "Irjen Ahmad Luthfi": 3,
        "Irjen Pol Ahmad Luthfi": 3,
        "Komjen Ahmad Luthfi": 3,
        "irjen pol ahmad luthfi": 3,
        "Dr. H. Ahmad Luthfi, S.H., M.Si.": 3,
        "Jenderal (Purn) Andika Perkasa": 2,
        "Jenderal TNI (Purn.) Andika Perkasa": 2,
    }
    for name, n in asked.items():
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="media_analytics"):
            assert _articles(data, [name]) == {name: n}, name
        read = [r.getMessage() for r in caplog.records if "is read as" in r.getMessage()]
        assert len(read) == 1, (name, read)
    # the bare name as before, without a word on how it was read
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="media_analytics"):
        assert _articles(data, ["Ahmad Luthfi", "Budi"]) == {"Ahmad Luthfi": 3, "Budi": 0}
    assert "is read as" not in caplog.text
    # one person asked for twice is refused, as for two written forms
    with pytest.raises(ValueError, match="are one actor"):
        share_of_voice(data, "actor", names=["Ahmad Luthfi", "Irjen Ahmad Luthfi"])
    # the tone toward them is found the same way
    toned = records_to_frames(
        [
            _record(
                "t",
                "2024-11-26",
                "X",
                actors=[{**_person("Ahmad Luthfi"), "sentiment": "positive"}],
            ),
            _record("u", "2024-11-26", "X", actors=[{**_person("Budi"), "sentiment": "negative"}]),
        ]
    )
    tone = sentiment_mix(toned, "actor", top=1, names=["Irjen Ahmad Luthfi"])
    assert "Ahmad Luthfi" in tone["actor"].tolist()


def test_a_role_finds_its_office_whatever_name_of_its_region_it_is_written_with() -> None:
    # seen on real news: "Kapolda Jateng" counted 12 stories and "Kapolda Jawa Tengah" 2, one
    # office; "Kapolda Jatim" 21 and "Kapolda Jawa Timur" 4
    data = records_to_frames(
        _stories(
            *[_person("Ahmad Luthfi", "Kapolda Jateng")] * 3,
            _person("Ribut Hari Wibowo", "Kapolda Jawa Tengah"),
            *[_person("Toni Harmanto", "Kapolda Jatim")] * 2,
            _person("Imam Sugianto", "Kapolda Jawa Timur"),
            _person("Agus Suryonugroho", "Wakapolda Jateng"),
            _person("Rudi Setiawan", "Kapolda Sumatera Selatan (Sumsel)"),
            _person("Karyoto", "Kapolda Metro Jaya"),
            _person("Andi Rian", "Kapolda DKI Jakarta"),
        )
    )
    counts = _articles(
        data,
        [
            "Kapolda Jateng", "Kapolda Jawa Tengah", "kapolda jatim", "Kapolda Jawa Timur",
            "Kapolda Sumsel", "Kapolda Jakarta", "Kapolda",
        ],
    )  # fmt: skip
    assert counts == {
        "Kapolda Jateng": 4,
        "Kapolda Jawa Tengah": 4,
        "kapolda jatim": 3,
        "Kapolda Jawa Timur": 3,
        "Kapolda Sumsel": 1,
        "Kapolda Jakarta": 2,  # Polda Metro Jaya is the police of Jakarta
        "Kapolda": 10,
    }
    tone = sentiment_mix(data, "actor", names=["Kapolda Jawa Tengah"]).set_index("actor")
    assert tone.loc["Kapolda Jawa Tengah", "n"] == 4


def test_an_alias_of_the_analysts_table_finds_its_actor_in_any_date_range(
    tmp_path: Path, caplog
) -> None:
    # seen on real news: --aliases mapping "Gus Yasin" to "Taj Yasin" found his 17 stories,
    # and none once --since left out the stories writing "Gus Yasin"
    records = [
        *_stories(_person("Gus Yasin"), _person("Gus Yasin"), day="2023-02-11"),
        *_stories(*[_person("Taj Yasin")] * 3, _person("Ahmad Luthfi"), day="2024-11-10"),
    ]
    table = {"Gus Yasin": "Taj Yasin"}
    everything = records_to_frames(records, aliases=table)
    assert _articles(everything, ["Gus Yasin"]) == {"Gus Yasin": 5}
    late = records_to_frames(records, aliases=table, since="2024-08-01")
    assert _articles(late, ["Gus Yasin"]) == {"Gus Yasin": 3}
    assert _articles(late, ["GUS YASIN", "Ahmad Luthfi"]) == {"GUS YASIN": 3, "Ahmad Luthfi": 1}
    with pytest.raises(ValueError, match="are one actor"):
        share_of_voice(late, "actor", names=["Gus Yasin", "Taj Yasin"])
    # and in the report the command writes
    scored = tmp_path / "pj.jsonl"
    scored.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    names = tmp_path / "names.csv"
    names.write_text("alias,name\nGus Yasin,Taj Yasin\n", "utf-8")
    out = tmp_path / "r"
    with caplog.at_level(logging.INFO):
        code = main([
            "report", str(scored), "--out", str(out), "--aliases", str(names),
            "--actor", "Gus Yasin", "--since", "2024-08-01",
        ])  # fmt: skip
    assert code == 0
    assert "no story names" not in caplog.text
    voice = pd.read_csv(out / "tables" / "share_of_voice_actor.csv")
    assert voice.to_dict("records") == [{"actor": "Gus Yasin", "articles": 3, "share": 1.0}]


def test_two_names_of_one_actor_in_the_report_are_compared_once_with_a_warning(
    tmp_path: Path, caplog, capsys
) -> None:
    # seen on real news: report --actor BPS --actor "Badan Pusat Statistik" (one organisation,
    # 28 detik stories) exited with status 2 ("are one actor in these records ...; name it once")
    records = _stories(
        *[_person("Taj Yasin")] * 3, *[_person("Ahmad Luthfi", "Kapolda Jateng", "Irjen")] * 2,
        _person("Budi Santoso"),
    )  # fmt: skip
    scored = tmp_path / "scored.jsonl"
    scored.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    names = tmp_path / "names.csv"
    names.write_text("alias,name\nGus Yasin,Taj Yasin\n", "utf-8")
    out = tmp_path / "r"
    asked = ["Gus Yasin", "Ahmad Luthfi", "Taj Yasin", "Irjen Ahmad Luthfi", "GUS YASIN", "Budi"]
    with caplog.at_level(logging.INFO):
        code = main([
            "report", str(scored), "--out", str(out), "--aliases", str(names),
            *(a for name in asked for a in ("--actor", name)),
        ])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    voice = pd.read_csv(out / "tables" / "share_of_voice_actor.csv")
    assert voice[["actor", "articles"]].to_dict("list") == {
        "actor": ["Gus Yasin", "Ahmad Luthfi", "Budi"],
        "articles": [3, 2, 0],
    }
    tone = pd.read_csv(out / "tables" / "sentiment_by_actor.csv")["actor"].tolist()
    assert sorted(tone) == ["Ahmad Luthfi", "Budi", "Budi Santoso", "Taj Yasin"]
    merged = [r for r in caplog.records if "are one actor" in r.getMessage()]
    assert [(r.levelno, r.getMessage()) for r in merged] == [
        (
            logging.WARNING,
            "'Gus Yasin', 'Taj Yasin' and 'GUS YASIN' are one actor in these records (counted "
            "under 'Taj Yasin'): compared once, as 'Gus Yasin'",
        ),
        (
            logging.WARNING,
            "'Ahmad Luthfi' and 'Irjen Ahmad Luthfi' are one actor in these records (counted "
            "under 'Ahmad Luthfi'): compared once, as 'Ahmad Luthfi'",
        ),
    ]
    # share_of_voice itself still refuses them: it would report one actor's stories twice
    with pytest.raises(ValueError, match="are one actor"):
        share_of_voice(records_to_frames(records), "actor", names=["Taj Yasin", "taj yasin"])


def _org(name: str, *aliases: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "type": "organization", "aliases": list(aliases), **extra}


def test_a_short_form_asked_for_finds_the_full_names_its_stories_join_to_it(
    tmp_path: Path, caplog, capsys
) -> None:
    # seen on real news: report --actor Polri counted 141 CLICK-ID stories and left out 4 that
    # name "Kepolisian Republik Indonesia" with "Polri" as its alias in the record (fewer
    # articles than a short form needed to join a full name); --actor KPK left out misspelt
    # full names ("Komisi Pemberantsan Korupsi (KPK)")
    metro = {"region": {"province": "DKI Jakarta"}}
    records = _stories(
        *[_org("Polri", sentiment="negative")] * 6,
        *[_org("Kepolisian Republik Indonesia", "Polri", sentiment="negative")] * 4,
        _org("Bareskrim", "Polri"),  # "Bareskrim (Polri)": a unit of it, not the body
        *[_org("Polda Metro Jaya", **metro)] * 2,  # a regional branch stays itself
        _org("Kepolisian Daerah Metro Jaya", "Polda Metro Jaya", **metro),
        *[_org("KPK")] * 3,
        *[_org("Komisi Pemberantasan Korupsi", "KPK")] * 5,
        _org("Komisi Pemberantsan Korupsi", "KPK"),
        *[_org("BPN")] * 2,  # one short form of two bodies: neither's
        *[_org("Badan Pertanahan Nasional", "BPN")] * 2,
        *[_org("Badan Pemenangan Nasional", "BPN")] * 2,
        _org("Komisi Kepolisian Nasional", "Kompolnas"),  # a short form never written alone
    )
    asked = ["Polri", "KPK", "Polda Metro Jaya", "BPN", "Kompolnas"]
    expected = {"Polri": 10, "KPK": 9, "Polda Metro Jaya": 3, "BPN": 2, "Kompolnas": 1}
    data = records_to_frames(records)
    assert _articles(data, asked) == expected
    top = top_actors(data, 20).set_index("actor")
    assert top.loc["Polri", "articles"] == 10
    assert top.loc["Polri", "also_written"] == "Kepolisian Republik Indonesia (4)"
    # (the unit under the name the package knows it by, actors/data/org_aliases.csv)
    assert top.loc["Bareskrim Polri", "articles"] == 1
    assert top.loc["KPK", "articles"] == 9
    tone = sentiment_mix(data, "actor", names=["Polri", "KPK"]).set_index("actor")
    assert tone.loc["Polri", ["n", "negative"]].tolist() == [10, 10]
    # and in the report the command writes
    scored = tmp_path / "scored.jsonl"
    scored.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    out = tmp_path / "r"
    with caplog.at_level(logging.INFO):
        code = main([
            "report", str(scored), "--out", str(out),
            *(a for name in asked for a in ("--actor", name)),
        ])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert "no story names" not in caplog.text
    voice = pd.read_csv(out / "tables" / "share_of_voice_actor.csv")
    assert dict(zip(voice["actor"], voice["articles"], strict=True)) == expected
    tone = pd.read_csv(out / "tables" / "sentiment_by_actor.csv").set_index("actor")
    assert tone.loc["Polri", "n"] == 10
    top = pd.read_csv(out / "tables" / "top_actors.csv").set_index("actor")
    assert top.loc["Polri", "articles"] == 10


# --- real news -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def detik(default_pipeline: Any) -> list[dict[str, Any]]:
    path = shared_file("corpora/detik-pilkada-jateng-index/pilkada_jawa_tengah.csv")
    return list(default_pipeline.score([a.to_dict() for a in load_detik_pilkada(path)], n_jobs=1))


@pytest.mark.shared_data
@pytest.mark.slow
def test_the_detik_pilkada_index_finds_a_candidate_by_rank_and_by_an_alias(
    detik: list[dict[str, Any]], caplog
) -> None:
    data = records_to_frames(detik)
    bare = _articles(data, ["Ahmad Luthfi"])["Ahmad Luthfi"]
    assert bare > 30
    for name in ["Irjen Ahmad Luthfi", "Irjen Pol Ahmad Luthfi", "Komjen Ahmad Luthfi"]:
        assert _articles(data, [name]) == {name: bare}
    andika = _articles(data, ["Andika Perkasa"])["Andika Perkasa"]
    assert andika > 5
    assert (
        _articles(data, ["Jenderal (Purn) Andika Perkasa"])["Jenderal (Purn) Andika Perkasa"]
        == andika
    )
    # the alias table, with and without the stories that write the alias
    table = {"Gus Yasin": "Taj Yasin"}
    late = records_to_frames(detik, aliases=table, since="2024-08-01")
    taj = _articles(late, ["Taj Yasin"])["Taj Yasin"]
    assert taj > 5
    assert _articles(late, ["Gus Yasin"]) == {"Gus Yasin": taj}


def _clickid_kapolda() -> list[dict[str, Any]]:
    """The CLICK-ID articles naming the Kapolda of Central or East Java."""
    office = re.compile(r"Kapolda (?:Jateng|Jawa Tengah|Jatim|Jawa Timur)\b")
    return clickid_articles(lambda row: bool(office.search(row["content"])))


@pytest.mark.shared_data
@pytest.mark.slow
def test_clickid_counts_one_kapolda_for_each_name_of_the_province(default_pipeline: Any) -> None:
    scored = list(default_pipeline.score(_clickid_kapolda(), n_jobs=1))
    data = records_to_frames(scored)
    roles = data.actors.dropna(subset=["role"]).groupby("role")["id"].nunique()
    for short, full in [
        ("Kapolda Jateng", "Kapolda Jawa Tengah"),
        ("Kapolda Jatim", "Kapolda Jawa Timur"),
    ]:
        assert roles.get(short, 0) > 0 and roles.get(full, 0) > 0, (short, full)
        counts = _articles(data, [short])[short], _articles(data, [full])[full]
        lead = rf"(?:{short}|{full})(?!\w)"
        holders = data.actors["role"].str.match(lead, case=False, na=False)
        assert counts[0] == counts[1] == data.actors.loc[holders, "id"].nunique()
