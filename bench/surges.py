"""Surges in the number of stories (``reports.detect_surges``) on real feeds: the README's figures.

Only the articles' dates and headlines are read (no model): the surge test counts stories.

- The detik index of Central Java's Pilkada, a daily report on November 2024 (the baseline of
  its first days read from October, as ``report --since`` reads it): the surges found, and the
  test of every day around polling day (27 November 2024).
- How many days, weeks and months pass the test at a floor of 1.5x and of 2x the baseline's mean,
  on that index and on CLICK-ID (a crawl of mostly September 2019, about a thousand articles a
  day from twelve outlets): the days a weekly rhythm alone lifts above 1.5x are the reason for
  a day's floor of 2 (``reports.spikes.SURGE_LIFTS``; 1.5 for weeks and months).

Run from the repository root::

    python bench/surges.py [--corpora ../shared/corpora]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from media_analytics.corpus import Rejects, load_clickid, load_detik_pilkada
from media_analytics.reports import (
    detect_surges,
    history_start,
    markdown_table,
    records_to_frames,
    volume_tests,
)

DEFAULT_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
FEEDS = {
    "detik Pilkada Jateng index": (
        "detik-pilkada-jateng-index/pilkada_jawa_tengah.csv",
        load_detik_pilkada,
    ),
    "CLICK-ID": ("clickid-news-articles/clickid_articles_80.csv", load_clickid),
}
FLOORS = (1.5, 2.0)


def _records(path: Path, loader) -> list[dict]:
    keep = ("id", "published_at", "title", "source")
    # (the loaders' notes on texts, for scoring, say nothing of dates: collected, not shown)
    return [{k: a.to_dict()[k] for k in keep} for a in loader(path, rejects=Rejects())]


def _passing(tests: pd.DataFrame, floor: float, alpha: float = 0.01, min_count: int = 5):
    t = tests[tests["tested"]]
    return t[(t["q_value"] <= alpha) & (t["articles"] >= min_count) & (t["lift"] >= floor)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    args = ap.parse_args(argv)
    feeds = {}
    for name, (relative, loader) in FEEDS.items():
        path = args.corpora / relative
        if not path.exists():
            print(f"{path} is absent: this benchmark needs the shared corpora", file=sys.stderr)
            return 2
        feeds[name] = _records(path, loader)

    since, until = "2024-11-01", "2024-11-30"
    jateng = feeds["detik Pilkada Jateng index"]
    data = records_to_frames(
        jateng, since=since, until=until, history_since=history_start(since, "D")
    )
    print(f"## Daily surges, detik Pilkada Jateng index, {since} to {until}\n")
    surges = detect_surges(data, "D")
    columns = ["period", "articles", "baseline_mean", "lift", "q_value", "top_terms"]
    print(markdown_table(surges[columns], None) + "\n")
    tests = volume_tests(data, "D")
    around = tests[tests["period"].between("2024-11-20", "2024-11-30")]
    print("Every day from 20 to 30 November:\n")
    print(markdown_table(around.drop(columns="tested"), None) + "\n")

    print("## Periods passing at each floor (q <= 0.01, at least 5 stories)\n")
    rows = []
    for name, records in feeds.items():
        whole = records_to_frames(records)
        for period in ("D", "W", "M"):
            tests = volume_tests(whole, period)
            row = {"feed": name, "period": period, "tested": int(tests["tested"].sum())}
            for floor in FLOORS:
                passing = _passing(tests, floor)
                row[f"at {floor:g}x"] = len(passing)
            more = _passing(tests, FLOORS[0])
            more = more[more["lift"] < FLOORS[1]]
            day = " %a" if period == "D" else ""
            row["passing at 1.5x only"] = ", ".join(
                f"{p:%Y-%m-%d}{p.strftime(day)} ({lift:.1f}x)"
                for p, lift in zip(more["period"], more["lift"], strict=True)
            )
            rows.append(row)
    print(markdown_table(pd.DataFrame(rows), None))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
