"""Surges in the number of all stories: the test's arithmetic, its baseline, the report's section,
and polling day in real Pilkada news."""

from __future__ import annotations

from math import comb

import pandas as pd
import pytest

from media_analytics.reports import (
    benjamini_hochberg,
    build_report,
    detect_spikes,
    detect_surges,
    records_to_frames,
    volume_tests,
)
from media_analytics.reports.spikes import SURGE_LIFTS

from ..conftest import shared_file


def _daily(counts: dict[str, int], title: str = "Berita harian") -> list[dict]:
    """``counts[day]`` stories on each day, from three outlets; the last day's stories are
    about voting, the others about everything else."""
    last = max(counts)
    records = []
    for day, n in counts.items():
        for i in range(n):
            words = "Warga antre mencoblos di TPS" if day == last else f"{title} {i}"
            records.append(
                {
                    "id": f"{day}-{i}",
                    "published_at": day,
                    "source": f"Outlet {i % 3}",
                    "title": words,
                    "themes": [],
                    "sentiment": {"label": "neutral"},
                }
            )
    return records


def _days(start: str, counts: list[int]) -> dict[str, int]:
    days = pd.date_range(start, periods=len(counts), freq="D")
    return {f"{day:%Y-%m-%d}": n for day, n in zip(days, counts, strict=True)}


def test_p_value_and_lift_by_hand():
    data = records_to_frames(_daily(_days("2024-11-20", [5, 5, 5, 5, 20])))
    row = volume_tests(data, "D").iloc[-1]
    assert (row["articles"], row["baseline_articles"], row["baseline_periods"]) == (20, 20, 4)
    assert row["baseline_mean"] == 5.0 and row["lift"] == 4.0
    # 40 stories over five days at one rate: P(at least 20 of them on the last day)
    expected = sum(comb(40, k) * 0.2**k * 0.8 ** (40 - k) for k in range(20, 41))
    assert row["p_value"] == pytest.approx(expected, rel=1e-9)


def test_untested_periods_and_the_adjustment():
    data = records_to_frames(_daily(_days("2024-11-20", [5, 6, 4, 5, 7, 5, 20])))
    tests = volume_tests(data, "D", min_history=3)
    assert tests["tested"].tolist() == [False, False, False, True, True, True, True]
    assert tests.loc[~tests["tested"], ["p_value", "lift"]].isna().all().all()
    tested = tests[tests["tested"]]
    assert tested["q_value"].to_numpy() == pytest.approx(
        benjamini_hochberg(tested["p_value"].to_numpy())
    )


def test_a_surge_is_found_and_explained():
    records = _daily(_days("2024-11-20", [6, 8, 7, 9, 7, 8, 44]))
    # a story an outlet published twice (a correction under a new URL): one story of its count
    # (seen in a walk-through: "98 stories ... Outlets: detik.com (99)")
    again = {**records[-3], "id": "again", "duplicate_of": records[-3]["id"]}
    data = records_to_frames([*records, again])
    surges = detect_surges(data, "D")
    assert surges["period"].tolist() == [pd.Timestamp("2024-11-26")]
    row = surges.iloc[0]
    assert row["articles"] == 44 and row["baseline_mean"] == pytest.approx(7.75)
    assert row["top_articles"].startswith("Warga antre mencoblos di TPS")
    assert {"mencoblos", "tps"} <= set(row["top_terms"].split(", "))
    assert row["outlets"] == "Outlet 0 (15), Outlet 1 (15), Outlet 2 (14)"
    # the shares did not move (no theme at all): the spike test cannot see it
    assert detect_spikes(data, "D").empty


def test_a_surge_s_headlines_are_its_typical_stories_not_the_first_ids():
    # seen in an analyst's trial: background news under ids that sort first ("clickid-...")
    # headed polling day's surge ("Bos Razer ...", a food guide of Paris) over the voting stories
    records = _daily(_days("2024-11-20", [6, 8, 7, 9, 7, 8, 44]))
    for k, title in enumerate(["Bos Razer Dukung E-Sports", "Kuliner Halal di Kota Paris"]):
        records.append(
            {"id": f"0-noise-{k}", "published_at": "2024-11-26", "source": "Outlet 9",
             "title": title, "themes": [], "sentiment": {"label": "neutral"}}
        )  # fmt: skip
    row = detect_surges(records_to_frames(records), "D").iloc[0]
    shown = row["top_articles"].split(" | ")
    assert len(shown) == 3 and all(t.startswith("Warga antre mencoblos di TPS") for t in shown)


def test_a_weekly_rhythm_is_no_surge():
    # a busy feed's weekdays of 300 stories and weekends of 80 for five weeks: a Monday is
    # significantly above the four days before (two of them a weekend), but not twice their mean
    days = pd.date_range("2024-09-02", "2024-10-06")
    counts = [300 if day.day_of_week < 5 else 80 for day in days]
    data = records_to_frames(_daily(_days("2024-09-02", counts)))
    assert detect_surges(data, "D").empty
    tests = volume_tests(data, "D")
    assert (tests.loc[tests["tested"], "lift"] < 2).all()
    # the guards are the lift and the count, not significance alone
    assert len(detect_surges(data, "D", min_lift=1.2)) > 0
    assert detect_surges(records_to_frames(_daily(_days("2024-11-20", [1, 1, 1, 1, 4]))), "D").empty


def test_a_week_needs_less_than_a_day():
    # polling week in a weekly report: 1.75x the four weeks before, far beyond chance; a day's
    # floor (2x, for the weekly rhythm of days) would hide it
    counts = _days("2024-10-28", [20] * 28 + [35] * 7)
    data = records_to_frames(_daily(counts))
    surges = detect_surges(data, "W")
    assert surges["period"].tolist() == [pd.Timestamp("2024-11-25")]
    assert surges.iloc[0]["lift"] == pytest.approx(1.75)
    assert detect_surges(data, "W", min_lift=2.0).empty
    assert SURGE_LIFTS == {"D": 2.0, "W": 1.5, "M": 1.5}


def test_the_baseline_skips_gaps_and_periods_cut_short():
    # a day with no story is a gap in the input, not a quiet day: the baseline is the mean of
    # the days holding stories
    data = records_to_frames(_daily(_days("2024-11-20", [6, 0, 6, 6, 6, 30])))
    row = volume_tests(data, "D").iloc[-1]
    assert (row["baseline_periods"], row["baseline_mean"]) == (3, 6.0)
    # weeks: the first week of the range holds two days only, so it is no baseline week
    counts = _days("2024-09-07", [5] * 2 + [20] * 7 + [20] * 7 + [20] * 7 + [20] * 7)
    weekly = volume_tests(records_to_frames(_daily(counts)), "W")
    assert weekly["partial"].tolist() == [True, False, False, False, False]
    assert weekly["baseline_periods"].tolist() == [0, 0, 1, 2, 3]
    assert weekly.iloc[-1]["baseline_mean"] == 140.0


def test_a_report_from_a_day_reads_its_baseline_from_the_days_before(tmp_path):
    records = _daily(_days("2024-11-20", [6, 8, 7, 9, 7, 8, 44]))
    whole = detect_surges(records_to_frames(records), "D")
    one_day = records_to_frames(records, since="2024-11-26", history_since="2024-11-20")
    surges = detect_surges(one_day, "D")
    assert surges["period"].tolist() == [pd.Timestamp("2024-11-26")]
    assert surges.iloc[0]["p_value"] == pytest.approx(whole.iloc[0]["p_value"])
    # without the days before, the day cannot be tested
    assert volume_tests(records_to_frames(records, since="2024-11-26"), "D")["tested"].sum() == 0


def test_the_report_shows_surges_first(tmp_path):
    records = _daily(_days("2024-11-20", [6, 8, 7, 9, 7, 8, 44]))
    paths = build_report(records, tmp_path / "r", period="D")
    summary = (tmp_path / "r" / "report.md").read_text(encoding="utf-8")
    surge_at = summary.index("## Surges in volume")
    assert surge_at < summary.index("## Spikes in attention")
    assert "### Day of 2024-11-26: 44 stories, 5.7× the usual" in summary
    assert "44 stories against a mean of 7.8 a day in the 4 days before" in summary
    assert "- Warga antre mencoblos di TPS" in summary[surge_at:]
    table = pd.read_csv(paths["csv:volume_surges"])
    assert table["articles"].tolist() == [44]
    page = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    assert '<section id="surges">' in page and "Day of 2024-11-26: 44 stories" in page
    # the test of every period is exported, and drawn with the surge circled
    every = pd.read_csv(paths["csv:volume_tests"])
    assert every["articles"].tolist() == [6, 8, 7, 9, 7, 8, 44]
    assert every["tested"].tolist() == [False] * 3 + [True] * 4
    assert 'data-chart="surges"' in page and "Red circles mark surges." in page
    assert "○ surge</text>" in page
    # a quiet range says so, and a range too short to test says why
    quiet = build_report(_daily(_days("2024-11-20", [6, 8, 7, 9, 7])), tmp_path / "q", period="D")
    text = (tmp_path / "q" / "report.md").read_text(encoding="utf-8")
    assert "No surge in the number of stories in this range." in text
    assert pd.read_csv(quiet["csv:volume_surges"]).empty
    build_report(_daily(_days("2024-11-20", [6, 8])), tmp_path / "s", period="D")
    short = (tmp_path / "s" / "report.md").read_text(encoding="utf-8")
    assert "The surge test could not run" in short


@pytest.mark.shared_data
def test_polling_day_in_real_pilkada_news():
    # the detik index of Central Java's Pilkada: about 8 stories a day in the week before
    # polling day (27 November 2024), 44 on the day; the themes' shares hardly moved
    path = shared_file("corpora/detik-pilkada-jateng-index/pilkada_jawa_tengah.csv")
    from media_analytics.corpus.loaders import load_detik_pilkada

    keep = ("id", "published_at", "title", "source")
    records = [{k: a.to_dict()[k] for k in keep} for a in load_detik_pilkada(path)]
    data = records_to_frames(records, since="2024-11-01", until="2024-11-30")
    surges = detect_surges(data, "D").set_index("period")
    assert pd.Timestamp("2024-11-27") in surges.index
    day = surges.loc[pd.Timestamp("2024-11-27")]
    assert day["articles"] >= 40 and day["lift"] > 4
    assert {"tps", "nyoblos"} & set(day["top_terms"].split(", "))
    # a quiet week of the same feed makes none
    assert not (
        (surges.index >= pd.Timestamp("2024-11-04")) & (surges.index <= pd.Timestamp("2024-11-17"))
    ).any()


def test_a_report_on_a_theme_counts_the_stories_carrying_it(tmp_path):
    # 20 other stories a day throughout; the theme's 2 a day jump to 16 on the last day: all
    # stories rise 1.6x (no surge), the theme's stories 8x (a surge in a report on it)
    records = []
    for day, n_theme in _days("2024-11-20", [2, 2, 2, 2, 2, 16]).items():
        for i in range(20 + n_theme):
            themed = i < n_theme
            records.append(
                {
                    "id": f"{day}-{i}",
                    "published_at": day,
                    "source": "Outlet",
                    "title": "Polisi amankan TPS" if themed else f"Berita lain {i}",
                    "themes": [{"theme": "t", "score": 0.9, "evidence": ["tps"]}] if themed else [],
                }
            )
    whole = build_report(records, tmp_path / "all", period="D")
    assert pd.read_csv(whole["csv:volume_surges"]).empty
    on_theme = build_report(records, tmp_path / "t", period="D", themes=["t"])
    table = pd.read_csv(on_theme["csv:volume_surges"])
    assert table[["period", "articles", "baseline_mean"]].values.tolist() == [
        ["2024-11-25", 16, 2.0]
    ]
    summary = (tmp_path / "t" / "report.md").read_text(encoding="utf-8")
    assert "It counts the stories carrying the selected themes." in summary
    # from a day on, the baseline is read from the theme's earlier stories only
    one_day = build_report(
        records, tmp_path / "d", period="D", themes=["t"], since="2024-11-25", until="2024-11-25"
    )
    row = pd.read_csv(one_day["csv:volume_surges"]).iloc[0]
    assert (row["articles"], row["baseline_mean"]) == (16, 2.0)
