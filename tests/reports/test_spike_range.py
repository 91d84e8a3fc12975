"""Spikes in a report over a short range: ``--since``/``--until`` choose the periods shown and
tested, the baseline is read from the input's earlier periods, and a report whose range has too
little history before it says the test could not run; provinces spike as themes do."""

from __future__ import annotations

from math import comb
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from media_analytics.cli import main
from media_analytics.reports import (
    attention_tests,
    benjamini_hochberg,
    build_content,
    build_report,
    detect_spikes,
    history_start,
    records_to_frames,
)

from ..conftest import shared_file


def _weekly(counts: list[int], per_week: int = 10, province: str | None = None) -> list[dict]:
    """``per_week`` stories a week from Monday 2 Sep 2024; counts[i] of week i carry the theme
    ``t`` (and, with ``province``, name a place in it)."""
    records = []
    for week, count in enumerate(counts):
        day = (pd.Timestamp("2024-09-02") + pd.Timedelta(weeks=week)).date().isoformat()
        for i in range(per_week):
            chosen = i < count
            places = (
                [{"name": "Semarang", "type": "place", "region": {"province": province}}]
                if chosen and province
                else []
            )
            records.append(
                {
                    "id": f"{week}-{i}",
                    "published_at": day,
                    "source": f"Outlet {i % 3}",
                    "title": f"Polisi siaga pengamanan minggu {week}" if chosen else "lain",
                    "themes": [{"theme": "t", "score": 1.0, "evidence": ["siaga"]}]
                    if chosen and not province
                    else [],
                    "actors": places,
                    "sentiment": {"label": "neutral"},
                }
            )
    return records


FIFTH_WEEK = pd.Timestamp("2024-09-30")


def test_a_report_on_one_week_tests_it_against_the_weeks_before_in_the_input() -> None:
    records = _weekly([2, 2, 2, 2, 9])
    whole = attention_tests(records_to_frames(records), "W").set_index("period")
    history = history_start("2024-09-30", "W")  # the four weeks before
    assert history == pd.Timestamp("2024-09-02")
    data = records_to_frames(records, since="2024-09-30", until="2024-10-06", history_since=history)
    content = build_content(data, title="t", period="W")
    tests = content.tables["attention_tests"]
    assert tests["period"].tolist() == [FIFTH_WEEK]  # the week shown, tested
    cell = tests.iloc[0]
    assert cell["tested"] and cell["dimension"] == "theme" and cell["theme"] == "t"
    expected = whole.loc[FIFTH_WEEK]
    assert (cell["baseline_articles"], cell["baseline_total"]) == (8, 40)
    assert cell["p_value"] == pytest.approx(expected["p_value"], rel=1e-12)
    spikes = content.tables["spikes"]
    assert spikes["period"].tolist() == [FIFTH_WEEK] and spikes["theme"].tolist() == ["t"]
    assert "4 earlier periods" in content.method  # the baseline periods read, said
    # the tables shown keep to the range
    assert content.tables["volume_theme"]["period"].tolist() == [FIFTH_WEEK]
    assert len(content.tables["stories"]) == 10


def test_a_range_starting_mid_period_leaves_the_days_before_it_out_of_both_sides() -> None:
    records = _weekly([2, 2, 2, 2, 9])
    # the fifth week's stories are all dated Monday 30 Sep: from Tuesday on, the week shown is
    # empty and its Monday is neither shown nor in the baseline
    data = records_to_frames(
        records, since="2024-10-01", until="2024-10-06", history_since="2024-09-02"
    )
    tests = build_content(data, title="t", period="W").tables["attention_tests"]
    assert tests["period"].tolist() == [FIFTH_WEEK]
    assert (tests["articles"].iloc[0], tests["total"].iloc[0]) == (0, 0)
    assert tests["baseline_total"].iloc[0] == 40


def test_too_little_history_says_the_test_could_not_run(tmp_path: Path) -> None:
    records = _weekly([2, 9])
    paths = build_report(records, tmp_path, period="W", since="2024-09-09")
    markdown = paths["markdown"].read_text(encoding="utf-8")
    html = paths["html"].read_text(encoding="utf-8")
    for text in (markdown, html):
        assert "No spikes passed the test" not in text
        assert "spike test could not run" in text
        assert "1 earlier period" in text  # what the input held before the range
    # a range with history enough but no spike still says "no spikes passed"
    flat = build_report(_weekly([3, 3, 3, 3, 3]), tmp_path / "flat", since="2024-09-30")
    assert "No spikes passed the test" in flat["markdown"].read_text(encoding="utf-8")


def test_why_the_test_could_not_run_is_said_as_it_is() -> None:
    # seen in an operator's trial: `report --about Polri --since ...` said "no period here has
    # [3 of 4 earlier periods with stories] (the input holds 4 earlier periods before the
    # report's range)": the report's own first weeks held none of the actor's stories
    records = _weekly([5, 5, 5, 5, 0, 0, 5])
    for r in records:  # weeks 5 and 6 hold no stories at all
        if r["id"].split("-")[0] in ("4", "5"):
            r["published_at"] = None
    records = [r for r in records if r["published_at"]]
    history = history_start("2024-09-30", "W")
    data = records_to_frames(records, since="2024-09-30", history_since=history)
    content = build_content(data, title="t", period="W")
    assert (
        "4 earlier periods before the report's range, but 2 of the report's 3 periods "
        "hold no stories" in content.untested
    )
    # history enough, but nothing to test in it: that is what is said
    plain = _weekly([0, 0, 0, 0, 0])
    none = records_to_frames(plain, since="2024-09-30", history_since=history)
    content = build_content(none, title="t", period="W")
    assert content.untested.startswith("The spike test could not run: 1 period has the baseline")
    assert "the stories carry no theme and name no province" in content.untested


def test_the_database_report_reads_the_baseline_periods_before_since(tmp_path: Path) -> None:
    from media_analytics.store import open_store

    records = _weekly([2, 2, 2, 2, 9])
    for r in records:
        r["model_version"] = "v1"
    db = tmp_path / "m.db"
    with open_store(db) as store:
        store.add_articles(
            # (a text of its own each: one outlet's records of a day with the same headline and
            # text and no URL are one article to the store)
            [{"id": r["id"], "title": r["title"], "text": f"Isi berita {r['id']}.",
              "published_at": r["published_at"], "source": r["source"]} for r in records]
        )  # fmt: skip
        run = store.start_run("v1")
        while claimed := store.claim(run, "v1", 100):
            by_id = {r["id"]: r for r in records}
            store.save_scores(run, "v1", [by_id[a["id"]] for a in claimed])
    out = tmp_path / "r"
    assert main(["report", "--db", str(db), "--since", "2024-09-30", "--out", str(out)]) == 0
    spikes = pd.read_csv(out / "tables" / "spikes.csv")
    assert spikes["period"].tolist() == ["2024-09-30"] and spikes["theme"].tolist() == ["t"]
    stories = pd.read_csv(out / "tables" / "stories.csv")
    assert len(stories) == 10  # the weeks before are read for the baseline only


def test_a_province_spikes_as_a_theme_does(tmp_path: Path) -> None:
    records = _weekly([2, 2, 2, 2, 9], province="Jawa Tengah")
    data = records_to_frames(records)
    spikes = detect_spikes(data, "W", by="region")
    assert spikes["province"].tolist() == ["Jawa Tengah"]
    assert spikes["period"].tolist() == [FIFTH_WEEK]
    assert "Polisi siaga pengamanan minggu 4" in spikes["top_articles"].iloc[0]
    paths = build_report(records, tmp_path)
    table = pd.read_csv(paths["csv:spikes"])
    # the place, Semarang, is a city's and a regency's name: its regency-or-city spikes too
    assert table[["dimension", "province", "regency"]].fillna("").values.tolist() == [
        ["region", "Jawa Tengah", ""],
        ["regency", "", "Kabupaten Semarang or Kota Semarang"],
    ]
    tested = pd.read_csv(paths["csv:attention_tests"])
    assert set(tested["dimension"]) == {"region", "regency"}
    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert "Jawa Tengah (province), week of 2024-09-30" in markdown
    assert "Kabupaten Semarang or Kota Semarang (regency or city), week of 2024-09-30" in markdown


def test_theme_spikes_are_the_same_beside_the_provinces(sample_records: Any) -> None:
    # the provinces are their own family of tests: the themes' q-values do not change
    from .conftest import with_synthetic_actors

    records = with_synthetic_actors(sample_records)
    data = records_to_frames(records)
    alone = detect_spikes(data, "W")
    content = build_content(data, title="t", period="W")
    spikes = content.tables["spikes"]
    themes = spikes[spikes["dimension"] == "theme"].reset_index(drop=True)
    assert themes["theme"].tolist() == alone["theme"].tolist()
    assert themes["q_value"].tolist() == pytest.approx(alone["q_value"].tolist())


@pytest.mark.shared_data
@pytest.mark.slow
def test_one_week_of_the_detik_pilkada_index_is_tested_as_in_the_whole_report(
    tmp_path: Path,
) -> None:
    # seen on real news: a report for the week of the 27 November 2024 vote tested 0 cells
    source = shared_file("corpora/detik-pilkada-jateng-index/pilkada_jawa_tengah.csv")
    scored = tmp_path / "scored.jsonl"
    assert main(["score", str(source), "--out", str(scored), "--jobs", "1"]) == 0
    week = ["--since", "2024-11-25", "--until", "2024-12-01"]
    assert main(["report", str(scored), *week, "--out", str(tmp_path / "week")]) == 0
    assert main(["report", str(scored), "--out", str(tmp_path / "all")]) == 0
    tests = pd.read_csv(tmp_path / "week" / "tables" / "attention_tests.csv")
    assert set(tests["period"]) == {"2024-11-25"}
    themes = tests[tests["dimension"] == "theme"].set_index("theme")
    assert themes["tested"].all() and len(themes) >= 5
    everything = pd.read_csv(tmp_path / "all" / "tables" / "attention_tests.csv")
    same = everything[(everything["dimension"] == "theme") & (everything["period"] == "2024-11-25")]
    same = same.set_index("theme").loc[themes.index]
    assert themes["p_value"].tolist() == pytest.approx(same["p_value"].tolist(), rel=1e-9)
    assert themes["baseline_total"].tolist() == same["baseline_total"].tolist()
    markdown = (tmp_path / "week" / "report.md").read_text(encoding="utf-8")
    assert "could not run" not in markdown and "4 earlier periods" in markdown
    regions = tests[tests["dimension"] == "region"]
    assert "Jawa Tengah" in set(regions["province"]) and regions["tested"].any()


def _regency_weeks(counts: list[int], per_week: int = 10, tiny: int = 0) -> list[dict]:
    """``per_week`` stories a week from Monday 2 Sep 2024, each naming one place of Jawa
    Tengah: ``counts[i]`` of week i name Solo (Kota Surakarta), the others Brebes (Kabupaten
    Brebes), so the province holds every story every week and cannot spike. With ``tiny``,
    each story of the last two weeks also names ``tiny`` regencies or cities of their own,
    each named by that one story only: the many small places of a country's news."""
    others = _other_regencies()
    records = []
    for week, count in enumerate(counts):
        day = (pd.Timestamp("2024-09-02") + pd.Timedelta(weeks=week)).date().isoformat()
        for i in range(per_week):
            solo = i < count
            regency = "Kota Surakarta" if solo else "Kabupaten Brebes"
            places = [
                {"name": "Solo" if solo else "Brebes", "type": "place",
                 "region": {"province": "Jawa Tengah", "regency": regency}}
            ]  # fmt: skip
            if week >= len(counts) - 2:
                for _ in range(tiny):
                    province, name = others.pop()
                    places.append(
                        {"name": name.split(" ", 1)[1], "type": "place",
                         "region": {"province": province, "regency": name}}
                    )  # fmt: skip
            records.append(
                {
                    "id": f"{week}-{i}",
                    "published_at": day,
                    "source": f"Outlet {i % 3}",
                    "title": f"Pengamanan di {places[0]['name']} minggu {week}",
                    "themes": [],
                    "actors": places,
                    "sentiment": {"label": "neutral"},
                }
            )
    return records


def _other_regencies() -> list[tuple[str, str]]:
    """(province, regency or city) of Indonesia's regencies and cities but Kota Surakarta and
    Kabupaten Brebes, from the package's list of regions."""
    from media_analytics.actors.lexicon import read_csv_rows

    rows = read_csv_rows("regions.csv")
    provinces = {r["code"]: r["name"] for r in rows if len(r["code"]) == 2}
    return [
        (provinces[r["code"][:2]], r["name"])
        for r in rows
        if len(r["code"]) == 4 and r["name"] not in ("Kota Surakarta", "Kabupaten Brebes")
    ]


def test_a_regency_spikes_where_its_province_cannot(tmp_path: Path) -> None:
    # seen by a provincial analyst: Kota Surakarta went from 8 of 375 stories to 20 of 200 in a
    # week, and the report tested only themes and provinces (Jawa Tengah is in every story)
    records = _regency_weeks([2, 2, 2, 2, 9])
    data = records_to_frames(records)
    spikes = detect_spikes(data, "W", by="regency")
    assert spikes["regency"].tolist() == ["Kota Surakarta"]
    assert spikes["period"].tolist() == [FIFTH_WEEK]
    row = spikes.iloc[0]
    assert (row["articles"], row["total"]) == (9, 10)
    assert (row["baseline_articles"], row["baseline_total"]) == (8, 40)
    # the Fisher p-value of test_spikes' by-hand case (17 Solo stories among 50, 9 or more
    # of them in the week's 10); two cells pass the screen in each tested week (Solo and
    # Brebes), the Solo one is the smaller p-value of the four: q = p * 4 / 1
    expected = sum(comb(17, k) * comb(33, 10 - k) for k in (9, 10)) / comb(50, 10)
    assert row["p_value"] == pytest.approx(expected, rel=1e-9)
    assert row["q_value"] == pytest.approx(expected * 4, rel=1e-9)
    assert "Pengamanan di Solo minggu 4" in row["top_articles"]
    assert detect_spikes(data, "W", by="region").empty  # Jawa Tengah: 10 of 10 every week

    paths = build_report(records, tmp_path)
    table = pd.read_csv(paths["csv:spikes"])
    assert table[["dimension", "regency"]].values.tolist() == [["regency", "Kota Surakarta"]]
    assert table[["theme", "province"]].isna().all().all()
    tested = pd.read_csv(paths["csv:attention_tests"])
    assert set(tested["dimension"]) == {"region", "regency"}
    cell = tested[(tested["regency"] == "Kota Surakarta") & (tested["period"] == "2024-09-30")]
    assert cell["q_value"].tolist() == pytest.approx([expected * 4], rel=1e-3)  # 3 digits
    markdown = paths["markdown"].read_text(encoding="utf-8")
    html = paths["html"].read_text(encoding="utf-8")
    assert "Kota Surakarta (city), week of 2024-09-30" in markdown
    assert "Kota Surakarta (city), week of 30 Sep 2024" in html
    for text in (markdown, html):
        assert "the 4 tested regency or city cells" in text


def test_small_regencies_do_not_enter_the_family_of_tests() -> None:
    # 100 regencies named once each in the last two weeks: 200 more cells, none of which could
    # make a spike (one story each), would lift Solo's q-value above 0.01 (p * 204)
    records = _regency_weeks([2, 2, 2, 2, 9], tiny=5)
    data = records_to_frames(records)
    every = attention_tests(data, "W", by="regency")
    screened = attention_tests(data, "W", by="regency", min_stories=5)
    assert int(every["tested"].sum()) == 204
    assert int(screened["tested"].sum()) == 4
    # a cell is left out exactly when the key has fewer than 5 stories in it and its baseline
    kept = screened["articles"] + screened["baseline_articles"] >= 5
    assert (screened["tested"] == (every["tested"] & kept)).all()
    solo = (every["regency"] == "Kota Surakarta") & (every["period"] == FIFTH_WEEK)
    assert every.loc[solo, "p_value"].tolist() == screened.loc[solo, "p_value"].tolist()
    assert every.loc[solo, "q_value"].iloc[0] > 0.01 >= screened.loc[solo, "q_value"].iloc[0]
    # the adjustment runs over the cells kept
    on = screened[screened["tested"]]
    assert on["q_value"].to_numpy() == pytest.approx(benjamini_hochberg(on["p_value"].to_numpy()))
    # detect_spikes screens with its min_count, and so does a report's table of every cell
    spikes = detect_spikes(data, "W", by="regency")
    assert spikes["regency"].tolist() == ["Kota Surakarta"]
    assert detect_spikes(data, "W", by="regency", min_count=1).empty
    content = build_content(data, title="t", period="W")
    cells = content.tables["attention_tests"]
    assert int(cells.loc[cells["dimension"] == "regency", "tested"].sum()) == 4
    assert "the 4 tested regency or city cells" in content.method
