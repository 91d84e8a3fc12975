"""records_to_frames: flattening, dates, syndicated copies counted once, filters."""

from __future__ import annotations

import json
import logging
from collections import Counter

import pandas as pd
import pytest

from media_analytics.reports import (
    build_content,
    records_to_frames,
    share_of_voice,
    top_actors,
    top_speakers,
    volume,
)
from media_analytics.reports.tables import period_grid

from .conftest import SAMPLE, read_sample, with_synthetic_actors


def test_five_outlet_story_counts_once(syndicated_records):
    data = records_to_frames(syndicated_records)
    assert data.n_records == 7
    assert len(data.stories) == 3  # s1 (with four copies), n1, n2
    assert data.n_duplicates == 4
    story = data.stories.set_index("id").loc["s1"]
    assert story["n_outlets"] == 5
    assert story["outlets"] == "Outlet A; Outlet B; Outlet C; Outlet D; Outlet E"
    # one theme row, not five
    assert data.themes["id"].tolist() == ["s1"]
    totals = volume(data, None, "W")
    assert totals["articles"].tolist() == [3]


def test_outlet_volume_counts_the_story_once_per_outlet(syndicated_records):
    data = records_to_frames(syndicated_records)
    by_outlet = volume(data, "outlet", "W").set_index("outlet")["articles"]
    assert by_outlet.to_dict() == {
        "Outlet A": 2,  # s1, n1
        "Outlet B": 2,  # copy of s1, n2
        "Outlet C": 1,
        "Outlet D": 1,
        "Outlet E": 1,
    }


def test_one_outlet_spelt_several_ways_counts_once(caplog):
    def rec(i, source):
        return {"id": f"a{i}", "published_at": "2024-11-26", "source": source, "title": f"t{i}"}

    spellings = ["Kompas.com", "kompas.com", " KOMPAS.com", "www.kompas.com", "Kompas.com"]
    records = [rec(i, s) for i, s in enumerate(spellings)]
    records += [rec(10, "Kompas TV"), rec(11, None), rec(12, "WWW.Tempo.co")]
    with caplog.at_level("INFO", logger="media_analytics.reports.frames"):
        data = records_to_frames(records)
    by_outlet = volume(data, "outlet", "W").set_index("outlet")["articles"].to_dict()
    # the most used spelling names the outlet; another name stays apart
    assert by_outlet == {"Kompas.com": 5, "Kompas TV": 1, "(unknown)": 1, "WWW.Tempo.co": 1}
    assert "KOMPAS.com, Kompas.com, kompas.com, www.kompas.com as Kompas.com" in caplog.text
    # the outlet filter matches the same way
    only = records_to_frames(records, sources=["KOMPAS.COM"])
    assert sorted(only.copies["id"]) == ["a0", "a1", "a2", "a3", "a4"]
    assert set(only.copies["source"]) == {"Kompas.com"}
    assert len(records_to_frames(records, sources=["tempo.co"]).copies) == 1


def test_sample_part_c_story_carried_by_five_outlets():
    data = records_to_frames(read_sample([SAMPLE / "articles_c.jsonl"]))
    story = data.stories.set_index("id").loc["sample-c-028"]
    assert story["n_outlets"] == 5
    copies = data.copies[data.copies["story_id"] == "sample-c-028"]
    assert sorted(copies["id"]) == [
        "sample-c-028",
        "sample-c-030",
        "sample-c-032",
        "sample-c-033",
        "sample-c-036",
    ]
    assert copies["is_duplicate"].sum() == 4
    # the five records are one story in every count
    assert (data.stories["id"] == "sample-c-028").sum() == 1
    assert not data.stories["id"].isin(["sample-c-030", "sample-c-032"]).any()


def test_whole_sample_counts(sample_records):
    data = records_to_frames(sample_records)
    assert (data.n_records, len(data.stories), data.n_duplicates) == (330, 315, 15)
    assert data.stories["n_outlets"].sum() == 330


def test_missing_original_chains_and_cycles():
    records = [
        # b and c are copies of an original that is not in the data; the earliest copy stands in
        {"id": "b", "published_at": "2024-11-27", "source": "Y", "duplicate_of": "a"},
        {"id": "c", "published_at": "2024-11-26", "source": "Z", "duplicate_of": "a"},
        # a chain e -> d -> f
        {"id": "f", "published_at": "2024-11-20", "source": "X"},
        {"id": "d", "published_at": "2024-11-21", "source": "Y", "duplicate_of": "f"},
        {"id": "e", "published_at": "2024-11-22", "source": "Z", "duplicate_of": "d"},
        # a cycle resolves to its smallest id
        {"id": "p", "published_at": "2024-11-23", "source": "X", "duplicate_of": "q"},
        {"id": "q", "published_at": "2024-11-23", "source": "Y", "duplicate_of": "p"},
    ]
    data = records_to_frames(records)
    stories = data.stories.set_index("id")
    assert sorted(stories.index) == ["a", "f", "p"]
    assert stories.loc["a", "source"] == "Z"  # from c, the earliest copy
    assert stories.loc["a", "date"] == pd.Timestamp("2024-11-26")
    assert stories.loc["a", "n_outlets"] == 2
    assert stories.loc["f", "n_outlets"] == 3
    assert stories.loc["p", "n_outlets"] == 2
    # a copy is dated with its story, so both land in the same period
    assert set(data.copies.loc[data.copies["story_id"] == "f", "date"]) == {
        pd.Timestamp("2024-11-20")
    }


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2024-11-26", "2024-11-26"),
        ("2024-11-26T23:30:00+07:00", "2024-11-26"),  # the local day, not UTC's
        ("2024-11-26T01:00:00Z", "2024-11-26"),
        ("Selasa, 26 Nov 2024 13:05 WIB", "2024-11-26"),
        ("26 November 2024", "2024-11-26"),
    ],
)
def test_dates(value, day):
    data = records_to_frames([{"id": "x", "published_at": value}])
    assert data.stories["date"].tolist() == [pd.Timestamp(day)]


def test_unreadable_dates_are_dropped_and_counted(caplog):
    records = [
        {"id": "x", "published_at": "kemarin sore"},
        {"id": "y", "published_at": None},
        {"id": "z", "published_at": "2024-11-26"},
    ]
    with caplog.at_level(logging.INFO, logger="media_analytics"):
        data = records_to_frames(records)
    assert data.stories["id"].tolist() == ["z"]
    assert data.n_undated == 2
    said = "2 record(s) without a date (published_at) left out of the counts over time"
    [warned] = [r for r in caplog.records if said in r.getMessage()]
    assert warned.levelno == logging.WARNING and warned.getMessage().endswith(": x, y")
    # a caller that lists them itself (a report's tables/undated.csv): an INFO line, not a
    # warning every day a daily job reports on the same stored article
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="media_analytics"):
        records_to_frames(records, undated_listed=True)
    [said_once] = [r for r in caplog.records if said in r.getMessage()]
    assert said_once.levelno == logging.INFO


def test_an_undated_story_is_listed_apart_in_the_report(tmp_path):
    # seen in a walk-through: a security incident dated 32/12/2024 vanished from every section
    # and from stories.csv, with one warning naming its id
    from media_analytics.reports import build_report

    incident = {
        "id": "tegal", "title": "Ricuh Saksi di Rekap Kecamatan Tegal", "source": "radartegal.com",
        "url": "https://radartegal.com/a/2", "published_at": None,
        "published_at_raw": "32/12/2024",
        "themes": [{"theme": "pilkada_security", "score": 0.8, "evidence": ["ricuh"]}],
    }  # fmt: skip
    records = [incident, {"id": "z", "title": "Rapat pleno", "published_at": "2024-11-26"}]
    data = records_to_frames(records)
    assert data.undated.to_dict("records") == [
        {"id": "tegal", "title": "Ricuh Saksi di Rekap Kecamatan Tegal",
         "source": "radartegal.com", "url": "https://radartegal.com/a/2",
         "themes": "pilkada_security", "published_at": "32/12/2024"}
    ]  # fmt: skip
    paths = build_report(records, tmp_path / "r")
    listed = pd.read_csv(paths["csv:undated"])
    assert listed["id"].tolist() == ["tegal"]
    assert "1 undated (listed in tables/undated.csv)" in (tmp_path / "r" / "report.md").read_text(
        encoding="utf-8"
    )
    # a report with every story dated writes none (and removes one an earlier report left)
    paths = build_report(records[1:], tmp_path / "r")
    assert "csv:undated" not in paths and not (tmp_path / "r" / "tables" / "undated.csv").exists()


def test_store_rows_with_json_text(syndicated_records):
    rows = pd.DataFrame(syndicated_records)
    for column in ("themes", "topic", "sentiment", "actors", "quotes"):
        rows[column] = rows[column].map(json.dumps)
    from_rows = records_to_frames(rows)
    from_dicts = records_to_frames(syndicated_records)
    pd.testing.assert_frame_equal(from_rows.stories, from_dicts.stories)
    pd.testing.assert_frame_equal(from_rows.themes, from_dicts.themes)


def test_nested_fields_flatten():
    record = {
        "id": "r1",
        "published_at": "2024-10-18",
        "source": "S",
        "title": "T",
        "themes": [{"theme": "public_dialogue", "score": 0.7, "evidence": ["dialog", "warga"]}],
        "topic": {"id": 3, "label": "pilkada, tps", "score": 0.4},
        "sentiment": {"label": "positive", "score": 0.8},
        "actors": [
            {
                "name": "Anra Nosa",
                "title": "IPTU",
                "role": "Kapolsek",
                "type": "person",
                "region": {"province": "Riau", "regency": "Kota Dumai"},
                "sentiment": {"label": "negative", "score": 0.6},
            },
            {"name": "Polres Dumai", "type": "organization"},
        ],
        "quotes": [{"speaker": "Anra Nosa", "text": "Kita jaga bersama.", "verb": "ujar"}],
        "model_version": "m-1",
    }
    data = records_to_frames([record])
    assert data.themes.loc[0, "evidence"] == "dialog; warga"
    actors = data.actors.set_index("name")
    assert actors.loc["Anra Nosa", "province"] == "Riau"
    assert actors.loc["Anra Nosa", "sentiment"] == "negative"  # the actor's own tone
    assert pd.isna(actors.loc["Polres Dumai", "sentiment"])  # none of its own: not the story's
    assert data.quotes.loc[0, "speaker"] == "Anra Nosa"
    assert data.stories.loc[0, "topic_label"] == "pilkada, tps"
    assert data.model_versions == ["m-1"]


def test_an_actor_without_a_tone_of_its_own_has_none_not_the_story_tone():
    # seen on real news: a place never has a tone of its own, and the tone toward actors gave
    # it its story's ("Tiongkok +0.21" was the tone of the stories naming China)
    def actor(name: str, kind: str, tone: str | None = None) -> dict:
        return {"name": name, "type": kind, **({"sentiment": {"label": tone}} if tone else {})}

    record = {
        "id": "r1",
        "published_at": "2024-10-18",
        "sentiment": {"label": "positive", "score": 0.8},
        "actors": [
            actor("Anra Nosa", "person", "negative"),
            actor("Budi Santoso", "person"),  # no sentence read for him
            actor("Polres Dumai", "organization"),
            actor("Dumai", "place"),
            actor("Riau", "place", "neutral"),  # a label on a place: a namesake's, not its own
        ],
    }
    tone = records_to_frames([record]).actors.set_index("name")["sentiment"]
    assert tone.dropna().to_dict() == {"Anra Nosa": "negative"}
    assert len(tone) == 5  # the others are still actors, without a tone


def test_a_name_keeps_the_tone_of_the_form_that_has_one():
    # two forms of one organisation in a story, the first with no sentence of its own
    record = {
        "id": "r1",
        "published_at": "2024-10-18",
        "sentiment": {"label": "positive"},
        "actors": [
            {"name": "Korps Bhayangkara", "type": "organization"},
            {"name": "Polri", "type": "organization", "sentiment": {"label": "negative"}},
        ],
    }
    data = records_to_frames([record], aliases={"Korps Bhayangkara": "Polri"})
    assert data.actors[["name", "sentiment"]].to_dict("records") == [
        {"name": "Polri", "sentiment": "negative"}
    ]
    assert sorted(data.names["written"]) == ["Korps Bhayangkara", "Polri"]


def test_national_bodies_count_under_their_usual_name_unless_the_analyst_names_them():
    # "Mabes Polri" speaks for Polri, "Kepolisian RI" is its name written out; few articles join
    # either to "Polri" in writing, so the package knows them (actors/data/org_aliases.csv)
    def record(i: int, name: str) -> dict:
        actor = {"name": name, "type": "organization"}
        return {"id": f"r{i}", "published_at": "2024-10-18", "actors": [actor]}

    forms = ["Polri", "Mabes Polri", "Kepolisian RI", "Bareskrim Polri", "Polda Jatim"]
    records = [record(i, name) for i, name in enumerate(forms)]
    counted = Counter(records_to_frames(records).actors["name"])
    # a unit is its own body
    assert counted == {"Polri": 3, "Bareskrim Polri": 1, "Polda Jatim": 1}
    # the analyst's own name for Polri takes the package's forms with it
    own = {"Polri": "Kepolisian Negara Republik Indonesia"}
    counted = Counter(records_to_frames(records, aliases=own).actors["name"])
    assert counted["Kepolisian Negara Republik Indonesia"] == 3
    # and an analyst who keeps headquarters apart keeps it apart
    own = {"Mabes Polri": "Mabes Polri"}
    counted = Counter(records_to_frames(records, aliases=own).actors["name"])
    assert counted["Mabes Polri"] == 1 and counted["Polri"] == 2


def test_a_place_counts_under_its_official_name():
    from media_analytics.actors import extract_actors

    def record(i: int, text: str) -> dict:
        actors = [a.to_dict() for a in extract_actors(text)]
        return {"id": f"r{i}", "published_at": "2024-10-18", "text": text, "actors": actors}

    records = [
        record(1, "Bawaslu menggelar rapat di Jateng. Warga Jawa Tengah diminta tenang."),
        record(2, "Hujan deras melanda Jateng sejak pagi."),
        record(3, "Pasar murah digelar di Semarang, Jawa Tengah."),
    ]
    places = records_to_frames(records).actors.query("type == 'place'")
    # the short form and the full name are one province, counted once per story
    assert places.groupby("name")["id"].apply(sorted).to_dict()["Jawa Tengah"] == ["r1", "r2", "r3"]
    assert "Jateng" not in set(places["name"])


def test_a_one_word_name_counts_under_the_one_longer_name_it_stands_for():
    def person(name: str) -> dict:
        return {"name": name, "type": "person"}

    def record(i: int, names: list[str], speaker: str) -> dict:
        return {
            "id": f"r{i}",
            "published_at": "2024-10-18",
            "actors": [person(n) for n in names],
            "quotes": [{"speaker": speaker, "text": f"kutipan {i}", "verb": "kata"}],
        }

    data = records_to_frames(
        [
            record(1, ["Prabowo Subianto", "Budi Santoso"], "Prabowo Subianto"),
            record(2, ["Prabowo", "Budi"], "Prabowo"),
            record(3, ["Budi Hartono", "Ahmad Luthfi"], "Luthfi"),
            record(4, ["Prabowo Subianto"], "Prabowo Subianto"),
            record(5, ["Prabowo Subianto", "Shanty"], "Shanty"),
            record(6, ["Shanty Jones"], "Shanty Jones"),
        ]
    )
    named = data.actors.groupby("name")["id"].apply(sorted).to_dict()
    assert named["Prabowo Subianto"] == ["r1", "r2", "r4", "r5"]
    assert "Prabowo" not in named
    assert named["Budi"] == ["r2"]  # two longer Budis: which one is not known
    # one "Ahmad Luthfi" and one "Shanty Jones" are too little to read a lone given name by
    assert named["Shanty"] == ["r5"]
    assert list(data.quotes["speaker"]) == [
        "Prabowo Subianto", "Prabowo Subianto", "Luthfi", "Prabowo Subianto", "Shanty",
        "Shanty Jones",
    ]  # fmt: skip
    # the form as written stays at hand, and the top-actor table shows what was counted
    assert data.actors.query("id == 'r2' and name == 'Prabowo Subianto'")["written"].item() == (
        "Prabowo"
    )
    top = top_actors(data, 3).set_index("actor")["also_written"]
    assert top["Prabowo Subianto"] == "Prabowo (1)" and top["Budi"] == ""
    # and the report says how many forms it counted under another name
    provenance = build_content(data, title="t").provenance
    assert provenance["Actor names"].startswith("1 written form(s) counted under another name")


def test_a_word_two_people_bear_counts_under_the_one_holding_its_office():
    def record(i: int, name: str, role: str | None) -> dict:
        actor = {"name": name, "type": "person", "role": role}
        quote = {"speaker": name, "text": f"kutipan {i}", "verb": "kata"}
        return {"id": f"r{i}", "published_at": "2025-10-21", "actors": [actor], "quotes": [quote]}

    records = [record(i, "Prabowo Subianto", "Presiden RI") for i in range(4)]
    records += [record(i, "Listyo Sigit Prabowo", "Kapolri") for i in range(4, 7)]
    records += [record(7, "Prabowo", "Presiden"), record(8, "Prabowo", None)]
    data = records_to_frames(records)
    named = data.actors.groupby("name")["id"].apply(sorted).to_dict()
    assert named["Prabowo Subianto"] == ["r0", "r1", "r2", "r3", "r7", "r8"]
    assert named["Listyo Sigit Prabowo"] == ["r4", "r5", "r6"]
    assert "Prabowo" not in named and data.quotes["speaker"].eq("Prabowo").sum() == 0
    top = top_actors(data, 3).set_index("actor")["also_written"]
    assert top["Prabowo Subianto"] == "Prabowo (2)"
    # without the office, either could be meant: the word stays as written
    plain = [{**r, "actors": [{**a, "role": None} for a in r["actors"]]} for r in records]
    assert "Prabowo" in set(records_to_frames(plain).actors["name"])


def test_a_word_several_people_bear_is_the_one_the_headline_names_in_full():
    # seen on CLICK-ID: "Bebby" alone in the body of stories headlined "Bebby Fey ...", beside
    # another Bebby named in full elsewhere: which one the word is, the headline says
    def record(i: int, title: str, names: list[str], speaker: str | None = None) -> dict:
        quotes = [{"speaker": speaker, "text": f"kutipan {i}", "verb": "kata"}] if speaker else []
        return {
            "id": f"r{i}",
            "published_at": "2019-09-10",
            "title": title,
            "actors": [{"name": n, "type": "person"} for n in names],
            "quotes": quotes,
        }

    records = [record(i, "Kabar artis", ["Bebby Fey"]) for i in range(3)]
    records += [record(i, "Kabar lain", ["Bebby Tsabina"]) for i in range(3, 6)]
    records += [
        record(6, "Bebby Fey Resmi Polisikan Dinar Candy", ["Bebby"], "Bebby"),
        record(7, "Pemeran Bebby Tsabina Main Film", ["Bebby"]),
        record(8, "Bebby Ngaku Habiskan Malam Valentine", ["Bebby"]),  # no full name
        record(9, "Bebby Fey dan Bebby Tsabina Bertemu", ["Bebby"]),  # both
    ]
    data = records_to_frames(records)
    named = data.actors.groupby("name")["id"].apply(sorted).to_dict()
    assert named["Bebby Fey"] == ["r0", "r1", "r2", "r6"]
    assert named["Bebby Tsabina"] == ["r3", "r4", "r5", "r7"]
    assert named["Bebby"] == ["r8", "r9"]
    assert list(data.quotes["speaker"]) == ["Bebby Fey"]
    # the form as written stays at hand
    assert data.actors.query("id == 'r6'")["written"].item() == "Bebby"
    # the analyst's own name for the word is never overruled
    kept = records_to_frames(records, aliases={"Bebby": "Bebby"}).actors
    assert set(kept.query("name == 'Bebby'")["id"]) == {"r6", "r7", "r8", "r9"}


def test_nicknames_the_articles_join_to_a_full_name_and_the_analysts_own_names():
    def record(i: int, actors: list[dict]) -> dict:
        return {"id": f"r{i}", "published_at": "2024-10-18", "actors": actors}

    both = {"name": "Joko Widodo", "type": "person", "aliases": ["Jokowi"]}
    kpk = {"name": "Komisi Pemberantasan Korupsi", "type": "organization", "aliases": ["KPK"]}
    records = [record(i, [both, kpk]) for i in range(5)]
    records.append(
        record(5, [{"name": "Jokowi", "type": "person"}, {"name": "KPK", "type": "organization"}])
    )
    records.append(record(6, [{"name": "Korps Bhayangkara", "type": "organization"}]))
    data = records_to_frames(records)
    named = data.actors.groupby("name")["id"].apply(sorted).to_dict()
    assert named["Joko Widodo"] == ["r0", "r1", "r2", "r3", "r4", "r5"]
    # (a body counts under its short form, whichever form the period wrote more)
    assert named["KPK"] == ["r0", "r1", "r2", "r3", "r4", "r5"]
    # fewer articles that join them: the lone nickname stays as written
    assert "Jokowi" in set(records_to_frames(records[3:]).actors["name"])
    own = records_to_frames(records[3:], aliases={"jokowi": "Presiden Jokowi", "KORPS "
                                                  "BHAYANGKARA": "Polri"})  # fmt: skip
    # an analyst comparing actors may name them by any form the articles wrote
    shares = share_of_voice(data, "actor", names=["KPK", "Jokowi"]).set_index("actor")
    assert shares["articles"].to_dict() == {"KPK": 6, "Jokowi": 6}
    with pytest.raises(ValueError, match="'Jokowi' and 'Joko Widodo' are one actor"):
        share_of_voice(data, "actor", names=["Jokowi", "Joko Widodo"])
    # a story naming both forms apart counts for each in the table's other forms
    both_apart = record(
        7, [{"name": n, "type": "organization"} for n in ("Komisi Pemberantasan Korupsi", "KPK")]
    )
    table = top_actors(records_to_frames([*records, both_apart]), 5).set_index("actor")
    assert table.loc["KPK", "also_written"] == "Komisi Pemberantasan Korupsi (6)"
    assert table.loc["KPK", "articles"] == 7
    # a malformed nickname list is no nickname
    odd = [{**records[0], "actors": [{**both, "aliases": float("nan")}]}, *records[1:]]
    assert "Joko Widodo" in set(records_to_frames(odd).actors["name"])
    named = own.actors.groupby("name")["id"].apply(sorted).to_dict()
    # (an organisation's short form that can stand for the full name joins it however few
    # articles join them: it is an abbreviation, where a nickname is a guess)
    assert named == {
        "Polri": ["r6"],
        "Presiden Jokowi": ["r5"],
        "Joko Widodo": ["r3", "r4"],
        "KPK": ["r3", "r4", "r5"],
    }


def test_filters(syndicated_records):
    only_b = records_to_frames(syndicated_records, sources=["outlet b"])
    # the copy stands in for its story, which keeps the story's id
    assert sorted(only_b.stories["id"]) == ["n2", "s1"]
    assert only_b.stories.set_index("id").loc["s1", "source"] == "Outlet B"
    assert only_b.stories["n_outlets"].tolist() == [1, 1]
    window = records_to_frames(syndicated_records, since="2024-11-26", until="2024-11-26")
    assert window.stories["id"].tolist() == ["s1"]
    assert len(window.copies) == 5
    assert window.n_records == 7


def test_bad_period():
    data = records_to_frames([{"id": "x", "published_at": "2024-11-26"}])
    with pytest.raises(ValueError, match="unknown period 'Q'"):
        volume(data, None, "Q")


def test_a_person_named_by_initials_is_no_actor_across_stories():
    def record(i: int, names: list[str]) -> dict:
        actors = [{"name": n, "type": "person"} for n in names]
        return {"id": f"r{i}", "published_at": "2024-10-18", "actors": actors}

    said = [{"speaker": "R", "text": "saya khilaf", "verb": "kata"}]
    records = [record(1, ["R", "Budi Santoso"]), {**record(2, ["R", "M. S."]), "quotes": said}]
    data = records_to_frames(records)
    assert sorted(data.actors["name"]) == ["Budi Santoso"]
    assert top_actors(data)["actor"].tolist() == ["Budi Santoso"]
    assert top_speakers(data).empty and data.quotes["speaker"].tolist() == ["R"]


def test_a_story_read_newest_first_is_dated_by_its_first_copy():
    from .conftest import _record

    # the feed listed the 2 December copy first, so scoring marked it the original
    records = [
        _record("late", "2024-12-02", "Outlet B"),
        _record("early", "2024-11-30", "Outlet A", duplicate_of="late"),
        _record("other", "2024-12-01", "Outlet C"),
    ]
    data = records_to_frames(records)
    stories = data.stories.set_index("id")
    assert stories.loc["late", "date"] == pd.Timestamp("2024-11-30")
    assert stories.loc["late", "n_outlets"] == 2
    by_day = volume(data, None, "D").set_index("period")["articles"]
    # the story counts on 30 November; 2 December holds no story of its own
    assert by_day.to_dict() == {pd.Timestamp("2024-11-30"): 1, pd.Timestamp("2024-12-01"): 1}


def test_a_period_groups_names_on_its_own_stories():
    # a report of October depends on October's stories only, whether a file holds the whole
    # year or the database gives the period (names were grouped on every story read, before
    # the date filter)
    kpk = {"name": "Komisi Pemberantasan Korupsi", "type": "organization", "aliases": ["KPK"]}
    records = [
        {"id": f"s{i}", "published_at": f"2025-09-{10 + i}", "actors": [kpk]} for i in range(5)
    ]
    records.append(
        {
            "id": "o1",
            "published_at": "2025-10-02",
            "actors": [{"name": "KPK", "type": "organization"}],
        }
    )
    assert set(records_to_frames(records).actors["name"]) == {"KPK"}
    # (under its short form in a month that wrote the full name more often)
    assert set(records_to_frames([*records[:3], records[-1]]).actors["name"]) == {"KPK"}
    october = records_to_frames(records, since="2025-10-01", until="2025-10-31")
    alone = records_to_frames(records[-1:], since="2025-10-01", until="2025-10-31")
    assert october.actors["name"].tolist() == alone.actors["name"].tolist() == ["KPK"]
    assert october.n_outside == 5 and october.n_records == 6


def test_a_frame_saved_with_to_csv_reads_back_whole(tmp_path, syndicated_records, caplog):
    # to_csv writes nested cells as Python's repr (single quotes), which is not JSON
    records = with_synthetic_actors(syndicated_records)
    pd.DataFrame(records).to_csv(tmp_path / "scored.csv", index=False)
    back = records_to_frames(pd.read_csv(tmp_path / "scored.csv"))
    kept = records_to_frames(records)
    for table in ("themes", "actors", "quotes"):
        assert len(getattr(kept, table))  # (the check below compares something)
        assert getattr(back, table).to_dict("records") == getattr(kept, table).to_dict("records")
    assert back.stories["sentiment"].tolist() == kept.stories["sentiment"].tolist()
    assert "neither JSON" not in caplog.text


def test_nested_cells_that_cannot_be_read_are_said(caplog):
    records = [
        {"id": "a", "published_at": "2024-11-26", "themes": "[{'theme': 'x', 'score'"},
        {"id": "b", "published_at": "2024-11-26", "themes": "__import__('os').getcwd()"},
        {"id": "c", "published_at": "2024-11-26", "themes": "[{'theme': 'x', 'score': 1}]"},
    ]
    data = records_to_frames(records)
    assert data.themes["id"].tolist() == ["c"]  # read as a literal, never run
    assert caplog.text.count("neither JSON") == 1
    assert "column themes: 2 cell(s)" in caplog.text


def test_numeric_ids_read_back_as_floats_keep_copies_with_their_story(tmp_path):
    records = [
        {"id": "3", "published_at": "2025-10-20", "source": "A", "duplicate_of": None},
        {"id": "4", "published_at": "2025-10-20", "source": "B", "duplicate_of": "3"},
        {"id": "7", "published_at": "2025-10-20", "source": "C", "duplicate_of": "3"},
    ]
    path = tmp_path / "scored.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    back = pd.read_json(path, lines=True)
    assert back["duplicate_of"].dtype == "float64"  # 3.0, and NaN for the original
    data = records_to_frames(back)
    assert data.stories[["id", "n_outlets"]].to_dict("records") == [{"id": "3", "n_outlets": 3}]
    assert data.n_duplicates == 2
    assert sorted(data.copies["id"]) == ["3", "4", "7"]


@pytest.mark.parametrize(
    "since", ["2024-11-26T00:00:00+07:00", pd.Timestamp("2024-11-26", tz="Asia/Jakarta")]
)
def test_a_bound_with_a_time_zone_is_refused_as_the_command_line_does(since, syndicated_records):
    with pytest.raises(ValueError, match="has a time zone: give the day itself, as YYYY-MM-DD"):
        records_to_frames(syndicated_records, since=since)
    with pytest.raises(ValueError, match=r"until .* has a time zone"):
        records_to_frames(syndicated_records, until=since)
    # a day, with or without a time of day, is read as before
    day = records_to_frames(syndicated_records, since="2024-11-26 18:00", until="2024-11-26")
    assert day.stories["id"].tolist() == ["s1"]
    data = records_to_frames(syndicated_records)
    data.filters["since"] = since  # (a ReportData put together by hand)
    with pytest.raises(ValueError, match="has a time zone"):
        period_grid(data, "W")


def test_a_speaker_described_not_named_is_no_speaker_across_stories():
    # seen on real news: "netizen" was the fourth most quoted speaker of 3,000 CLICK-ID
    # articles (52 quotes), "netter", "netizen lain" and "penggemar lain" in the twenty: a
    # description stands for someone else in every story
    def record(i: int, speakers: list[str]) -> dict:
        said = [{"speaker": s, "text": f"kalimat {i}", "verb": "tulis"} for s in speakers]
        return {"id": f"r{i}", "published_at": "2024-10-18", "quotes": said}

    records = [
        record(1, ["netizen", "netizen", "Budi Santoso", "@penggemar_bola12"]),
        record(2, ["netizen lain", "salah satu penggemar", "Budi Santoso"]),
        record(3, ["netizen", "warga setempat", "iNews", "ghaina.muslimah"]),
    ]
    data = records_to_frames(records)
    assert top_speakers(data)["speaker"].tolist() == [
        "Budi Santoso", "@penggemar_bola12", "ghaina.muslimah", "iNews",
    ]  # fmt: skip
    assert "netizen" in data.quotes["speaker"].tolist()  # the quotes keep who said them


def test_the_quotes_frame_says_which_quotes_are_direct() -> None:
    # seen by a newsroom researcher: every record says whether a quote is in quotation marks,
    # and the quotes frame dropped it, so direct quotes could not be kept alone
    said = [
        {"speaker": "Budi", "text": "Kita jaga bersama", "verb": "kata", "direct": True},
        {"speaker": "Budi", "text": "situasi aman", "verb": "menyampaikan", "direct": False},
        {"speaker": "Ani", "text": "tanpa tanda", "verb": "kata"},  # a record of an earlier release
    ]
    record = {"id": "a", "published_at": "2024-11-01", "source": "x", "title": "t",
              "themes": [], "actors": [], "quotes": said}  # fmt: skip
    quotes = records_to_frames([record]).quotes
    assert quotes["direct"].tolist() == [True, False, None]


def _story(i: str, actors: list[dict], quotes: list[dict] | None = None) -> dict:
    return {"id": i, "published_at": "2019-09-18", "actors": actors, "quotes": quotes or []}


def test_a_body_quoted_counts_under_the_name_the_body_named_counts_under():
    # seen by a PR office: "KPK" (21 quotes) and "Komisi Pemberantasan Korupsi" (19) were two
    # rows of the most quoted speakers, though the actors' table grouped them
    full = {"name": "Komisi Pemberantasan Korupsi", "type": "organization", "aliases": ["KPK"]}
    records = [
        _story(f"f{i}", [full], [{"speaker": "Komisi Pemberantasan Korupsi", "text": f"a{i}"}])
        for i in range(3)
    ]
    records += [
        _story(
            f"k{i}", [{"name": "KPK", "type": "organization"}], [{"speaker": "KPK", "text": "b"}]
        )
        for i in range(2)
    ]
    data = records_to_frames(records)
    assert set(data.quotes["speaker"]) == set(data.actors["name"]) == {"KPK"}
    speakers = top_speakers(data, 5).set_index("speaker")
    assert speakers.loc["KPK", ["quotes", "articles"]].tolist() == [5, 5]
    assert len(speakers) == 1


def test_a_one_word_name_a_story_gives_another_bodys_office_stays_apart_there():
    # seen by a PR office: a Gerindra legislator "Syarif" counted, quotes and all, under the
    # KPK's deputy chair Laode M Syarif, though the story gave him his party office
    laode = {"name": "Laode M Syarif", "type": "person", "role": "Wakil Ketua KPK"}
    records = [
        _story(f"l{i}", [laode], [{"speaker": "Laode M Syarif", "text": "kpk"}]) for i in range(4)
    ]
    # the word alone in KPK stories, with no office or the same one: still him
    records.append(_story("k1", [{"name": "Syarif", "type": "person"}]))
    records.append(_story("k2", [{"name": "Syarif", "type": "person", "role": "Komisioner KPK"}]))
    records.append(
        _story(
            "g1",
            [{"name": "Syarif", "type": "person", "role": "Wakil Ketua DPD Gerindra DKI Jakarta"}],
            [{"speaker": "Syarif", "text": "Kami punya etika politik"}],
        )
    )
    data = records_to_frames(records)
    named = dict(zip(data.actors["id"], data.actors["name"], strict=True))
    assert named["k1"] == named["k2"] == "Laode M Syarif"
    assert named["g1"] == "Syarif"
    said = dict(zip(data.quotes["id"], data.quotes["speaker"], strict=True))
    assert said["g1"] == "Syarif" and said["l0"] == "Laode M Syarif"
    top = top_speakers(data, 5).set_index("speaker")
    assert "etika" not in top.loc["Laode M Syarif", "latest_quote"]


def test_a_story_naming_a_body_twice_takes_the_tone_read_in_more_sentences():
    # seen by a PR office: "KPK" read negative in ten sentences beside "Komisi Pemberantasan
    # Korupsi" read neutral in one; the story counted the neutral one, the first in order
    def org(name: str, label: str, n: int) -> dict:
        sentences = [[10 * k, 10 * k + 9] for k in range(n)]
        tone = {"label": label, "score": 0.9, "sentences": sentences}
        return {"name": name, "type": "organization", "sentiment": tone}

    records = [
        _story(
            "s1", [org("Komisi Pemberantasan Korupsi", "neutral", 1), org("KPK", "negative", 10)]
        ),
        _story(
            "s2", [org("Komisi Pemberantasan Korupsi", "positive", 3), org("KPK", "neutral", 2)]
        ),
        _story(
            "s3",
            [
                {"name": "Komisi Pemberantasan Korupsi", "type": "organization"},
                org("KPK", "positive", 1),
            ],
        ),
    ]
    records += [
        _story(
            f"j{i}",
            [{"name": "Komisi Pemberantasan Korupsi", "type": "organization", "aliases": ["KPK"]}],
        )
        for i in range(3)
    ]
    data = records_to_frames(records)
    tone = dict(zip(data.actors["id"], data.actors["sentiment"], strict=True))
    assert (tone["s1"], tone["s2"], tone["s3"]) == ("negative", "positive", "positive")
    assert len(data.actors[data.actors["id"] == "s1"]) == 1


def test_the_quote_table_gives_each_quote_with_its_story_speaker_and_tone(tmp_path):
    # seen by a PR office: the morning clipping (who said what, in what tone) needed Python and
    # two joins; the quotes frame had no headline, URL, office, written form or tone
    from media_analytics.reports import build_report, quote_table

    kpk_said = {"speaker": "KPK", "text": "Kami akan memeriksa saksi", "direct": True}
    records = [
        {
            "id": "s1",
            "published_at": "2019-09-18",
            "title": "KPK Periksa Saksi",
            "url": "https://contoh.id/s1",
            "source": "Outlet A",
            "actors": [
                {
                    "name": "Komisi Pemberantasan Korupsi",
                    "type": "organization",
                    "aliases": ["KPK"],
                    "sentiment": {"label": "positive", "sentences": [[0, 9]]},
                },
                {
                    "name": "Febri Diansyah",
                    "type": "person",
                    "role": "Juru Bicara KPK",
                    "sentiment": {"label": "neutral", "sentences": [[10, 30]]},
                },
            ],
            "quotes": [
                {"speaker": "Febri Diansyah", "text": "Pemeriksaan berjalan", "verb": "kata"},
                kpk_said,
            ],
        },
        {
            "id": "s2",
            "published_at": "2019-09-17",
            "title": "Warga Bicara",
            "source": "Outlet B",
            "quotes": [{"speaker": "Budi", "text": "Kami senang", "direct": True}],
        },
    ]
    records += [
        {"id": f"j{i}", "published_at": "2019-09-10",
         "actors": [{"name": "Komisi Pemberantasan Korupsi", "type": "organization",
                     "aliases": ["KPK"]}]}
        for i in range(3)
    ]  # fmt: skip
    table = quote_table(records_to_frames(records))
    assert table["id"].tolist() == ["s2", "s1", "s1"]  # by date
    budi, febri, kpk = table.to_dict("records")
    assert (budi["speaker"], budi["tone"], budi["role"]) == ("Budi", None, None)
    assert febri["role"] == "Juru Bicara KPK" and febri["tone"] == "neutral"
    assert febri["headline"] == "KPK Periksa Saksi" and febri["url"] == "https://contoh.id/s1"
    assert febri["direct"] is None and febri["verb"] == "kata"
    # the body quoted by the short form the story joins to its name is that body, with the
    # tone toward it in that story
    assert (kpk["speaker"], kpk["written"], kpk["tone"]) == (
        "Komisi Pemberantasan Korupsi",
        "KPK",
        "positive",
    )
    # and in the report's tables
    paths = build_report(records, tmp_path / "out")
    written = pd.read_csv(paths["csv:quotes"])
    assert written["text"].tolist() == table["text"].tolist()
    assert list(written.columns) == list(table.columns)
