"""Spikes in a report over a short range: ``--since``/``--until`` choose the periods shown and
tested, the baseline is read from the input's earlier periods, and a report whose range has too
little history before it says the test could not run; provinces spike as themes do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from media_analytics.cli import main
from media_analytics.reports import (
    attention_tests,
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


def test_the_database_report_reads_the_baseline_periods_before_since(tmp_path: Path) -> None:
    from media_analytics.store import open_store

    records = _weekly([2, 2, 2, 2, 9])
    for r in records:
        r["model_version"] = "v1"
    db = tmp_path / "m.db"
    with open_store(db) as store:
        store.add_articles(
            [{"id": r["id"], "title": r["title"], "text": "Isi berita.",
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
    assert table[["dimension", "province"]].values.tolist() == [["region", "Jawa Tengah"]]
    tested = pd.read_csv(paths["csv:attention_tests"])
    assert set(tested["dimension"]) == {"region"}
    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert "Jawa Tengah (province), week of 2024-09-30" in markdown


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
