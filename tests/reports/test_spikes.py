"""Spike detection: the test's arithmetic, the planted voting-week spike, the shuffled control."""

from __future__ import annotations

from math import comb

import pandas as pd
import pytest
from scipy.stats import false_discovery_control

from media_analytics.reports import (
    attention_tests,
    benjamini_hochberg,
    detect_spikes,
    records_to_frames,
)

from .conftest import shuffle_dates

VOTING_WEEK = pd.Timestamp("2024-11-25")  # Monday of the week of 27 November 2024
SHUFFLE_SEED = 20241127


def _weekly(counts: list[int], per_week: int = 10, theme: str = "t") -> list[dict]:
    """``per_week`` stories a week from Monday 2 Sep 2024; counts[i] of week i carry ``theme``."""
    records = []
    for week, count in enumerate(counts):
        day = (pd.Timestamp("2024-09-02") + pd.Timedelta(weeks=week)).date().isoformat()
        for i in range(per_week):
            themes = [{"theme": theme, "score": 1.0, "evidence": ["siaga"]}] if i < count else []
            records.append(
                {
                    "id": f"{week}-{i}",
                    "published_at": day,
                    "source": f"Outlet {i % 3}",
                    "title": f"Polisi siaga pengamanan minggu {week}" if i < count else "lain",
                    "themes": themes,
                    "sentiment": {"label": "neutral"},
                }
            )
    return records


def test_benjamini_hochberg_by_hand_and_against_scipy():
    p = [0.01, 0.04, 0.03, 0.20]
    # sorted: 0.01*4/1 = 0.04, 0.03*4/2 = 0.06, 0.04*4/3 = 0.0533, 0.20*4/4 = 0.20;
    # a running minimum from the top makes 0.06 -> 0.0533
    assert benjamini_hochberg(p) == pytest.approx([0.04, 0.05333333, 0.05333333, 0.20])
    assert benjamini_hochberg(p) == pytest.approx(false_discovery_control(p))
    assert benjamini_hochberg([]).size == 0


def test_fisher_p_value_by_hand():
    data = records_to_frames(_weekly([2, 2, 2, 2, 9]))
    cell = attention_tests(data, "W").iloc[-1]
    assert (cell["articles"], cell["total"]) == (9, 10)
    assert (cell["baseline_articles"], cell["baseline_total"]) == (8, 40)
    # 17 theme stories among 50; P(at least 9 of them in a draw of 10)
    expected = sum(comb(17, k) * comb(33, 10 - k) for k in (9, 10)) / comb(50, 10)
    assert cell["p_value"] == pytest.approx(expected, rel=1e-9)
    assert cell["baseline_share"] == pytest.approx(8.5 / 41)
    assert cell["lift"] == pytest.approx(0.9 / (8.5 / 41))


def test_untested_cells_and_history():
    data = records_to_frames(_weekly([2, 2, 2, 2, 9]))
    tests = attention_tests(data, "W", min_history=3)
    assert tests["tested"].tolist() == [False, False, False, True, True]
    assert tests.loc[~tests["tested"], "p_value"].isna().all()
    # only the tested cells enter the Benjamini-Hochberg adjustment
    tested = tests[tests["tested"]]
    assert tested["q_value"].to_numpy() == pytest.approx(
        benjamini_hochberg(tested["p_value"].to_numpy())
    )


def test_spike_found_and_explained():
    data = records_to_frames(_weekly([2, 2, 2, 2, 9]))
    spikes = detect_spikes(data, "W")
    assert spikes["period"].tolist() == [pd.Timestamp("2024-09-30")]
    row = spikes.iloc[0]
    assert row["theme"] == "t"
    assert "Polisi siaga pengamanan minggu 4" in row["top_articles"]
    assert "minggu" in row["top_terms"] and "pengamanan" in row["top_terms"]
    assert row["outlets"] == "Outlet 0 (3), Outlet 1 (3), Outlet 2 (3)"


def test_min_count_and_lift_guard():
    data = records_to_frames(_weekly([0, 0, 0, 0, 4]))  # significant, but four stories
    assert detect_spikes(data, "W", alpha=0.05).empty
    assert len(detect_spikes(data, "W", alpha=0.05, min_count=4)) == 1
    assert detect_spikes(data, "W", alpha=0.05, min_count=4, min_lift=1000).empty


def test_planted_voting_week_spike(sample_records):
    data = records_to_frames(sample_records)
    spikes = detect_spikes(data, "W")
    security = spikes[spikes["theme"] == "pilkada_security"]
    assert security["period"].tolist() == [VOTING_WEEK]
    assert spikes.iloc[0]["theme"] == "pilkada_security"  # the most significant spike
    row = security.iloc[0]
    assert (row["articles"], row["total"]) == (20, 30)  # syndicated copies counted once
    assert row["q_value"] < 0.001
    # explained by the most syndicated story first, with its outlets
    assert row["top_articles"].startswith("Polri Kerahkan Ratusan Ribu Personel")
    assert "5 outlets" in row["top_articles"]
    assert "tps" in row["top_terms"]
    # no other theme spikes in the sample
    assert set(spikes["theme"]) == {"pilkada_security"}


def test_no_spike_with_shuffled_dates(sample_records):
    data = records_to_frames(shuffle_dates(sample_records, SHUFFLE_SEED))
    assert detect_spikes(data, "W").empty
    # the same corpus and dates, only permuted: the planted week is no longer special
    tests = attention_tests(data, "W")
    cell = tests[(tests["theme"] == "pilkada_security") & (tests["period"] == VOTING_WEEK)]
    assert cell["q_value"].iloc[0] > 0.5


@pytest.mark.parametrize("seed", range(20))
def test_no_spike_with_other_shuffles(sample_records, seed):
    assert detect_spikes(records_to_frames(shuffle_dates(sample_records, seed)), "W").empty


def test_no_stories():
    data = records_to_frames([])
    assert attention_tests(data, "W").empty
    assert detect_spikes(data, "W").empty
