"""Charts of the report tables for notebooks (matplotlib): they draw what the tables say."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

from matplotlib import pyplot as plt  # noqa: E402

from media_analytics.reports import (  # noqa: E402
    plot_over_time,
    plot_tone_mix,
    records_to_frames,
    sentiment_mix,
    share_of_voice,
    volume,
)

# a Wednesday to a Tuesday: the first and last weeks are cut short
_DAYS = pd.date_range("2024-11-06", "2024-12-03", freq="D")


def _data():
    records = []
    for i, day in enumerate(_DAYS):
        for k in range(1 + i % 3):
            tone = ("positive", "neutral", "negative")[(i + k) % 3]
            records.append(
                {
                    "id": f"{i}-{k}",
                    "published_at": day.strftime("%Y-%m-%d"),
                    "themes": [{"theme": "pilkada_security" if k else "public_dialogue"}],
                    "sentiment": {"label": tone},
                    "actors": [
                        {
                            "name": "Polri" if k % 2 else "KPK",
                            "type": "organization",
                            "sentiment": tone,
                        }
                    ],
                }
            )
    return records_to_frames(records)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _points(ax, label):
    """(x, y) of the solid line labelled ``label`` and of its hollow markers."""
    solid = [line for line in ax.get_lines() if line.get_label() == label]
    hollow = [
        line
        for line in ax.get_lines()
        if line.get_fillstyle() == "none" and line.get_color() == solid[0].get_color()
    ]
    return solid[0], hollow


def test_a_line_per_key_with_the_table_s_counts_and_cut_short_periods_hollow() -> None:
    table = volume(_data(), "theme", "W")
    ax = plot_over_time(table)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == list(dict.fromkeys(table["theme"]))
    for theme in labels:
        rows = table[table["theme"] == theme].sort_values("period")
        solid, hollow = _points(ax, theme)
        whole = rows[~rows["partial"]]
        assert list(solid.get_ydata()) == whole["articles"].tolist()
        cut = rows[rows["partial"]]
        assert len(cut) == 2  # the first and the last week
        assert sorted(float(h.get_ydata()[0]) for h in hollow) == sorted(
            cut["articles"].astype(float)
        )
    assert ax.get_ylabel() == "articles"


def test_the_share_of_voice_over_time_is_drawn_as_shares() -> None:
    table = share_of_voice(_data(), "actor", names=["Polri", "KPK"], period="W")
    ax = plot_over_time(table, keys=["KPK"])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["KPK"]
    solid, _ = _points(ax, "KPK")
    rows = table[(table["actor"] == "KPK") & ~table["partial"]].sort_values("period")
    assert np.allclose(solid.get_ydata(), rows["share"])
    assert ax.get_ylabel() == "share"
    assert ax.yaxis.get_major_formatter().__class__.__name__ == "PercentFormatter"


def test_a_share_from_few_stories_is_hollow_and_a_day_of_none_is_a_gap() -> None:
    # seen in a journalist's trial: a day of one story drawn as a 100% share of voice, and the
    # days no story named the actors drawn as falls to 0%
    days = ["2024-11-04"] * 6 + ["2024-11-05"] + ["2024-11-07"] * 6
    records = [
        {
            "id": str(k),
            "published_at": day,
            "actors": [{"name": "Polri" if k % 3 else "KPK", "type": "organization"}],
        }
        for k, day in enumerate(days)
    ]
    table = share_of_voice(records_to_frames(records), "actor", names=["Polri", "KPK"], period="D")
    # n: the stories each day's shares rest on
    assert table.groupby("period")["n"].first().tolist() == [6, 1, 0, 6]
    assert table["n"].tolist() == [
        len({r["id"] for r in records if r["published_at"] == str(p.date())})
        for p in table["period"]
    ]
    solid, hollow = _points(plot_over_time(table, keys=["Polri"]), "Polri")
    polri = table[table["actor"] == "Polri"].sort_values("period")
    # the day of one story hollow; the day of none left out of the line (a gap, not 0%)
    assert [float(h.get_ydata()[0]) for h in hollow if len(h.get_ydata()) == 1] == [
        polri["share"].iloc[1]
    ]
    y = np.asarray(solid.get_ydata(), dtype=float)
    assert np.isnan(y).sum() == 1 and 0.0 not in y
    assert np.allclose(y[~np.isnan(y)], polri["share"].iloc[[0, 3]])
    # over the whole range: one n, every story naming either
    assert set(share_of_voice(records_to_frames(records), "actor")["n"]) == {len(records)}


def test_tone_over_time_defaults_to_net_tone() -> None:
    table = sentiment_mix(_data(), "actor", "W", names=["Polri"])
    ax = plot_over_time(table)
    assert ax.get_ylabel() == "net tone"


def test_a_tone_resting_on_few_stories_is_drawn_hollow() -> None:
    # seen in a researcher's walk-through: a week's net tone of 1.0 from two stories plotted as
    # a swing like any other
    table = sentiment_mix(_data(), "actor", "W", names=["Polri", "KPK"])
    cut = table["partial"].astype(bool)
    whole_n = sorted(set(table.loc[~cut, "n"]))
    assert len(whole_n) > 1  # weeks resting on more and on fewer stories
    least = whole_n[-1]  # every whole week but the largest is "few"
    for name in ("Polri", "KPK"):
        rows = table[table["actor"] == name]
        thin = rows["partial"].astype(bool) | (rows["n"] < least)
        plt.close("all")
        solid, hollow = _points(plot_over_time(table, min_n=least), name)
        assert list(solid.get_ydata()) == rows.loc[~thin, "net_tone"].tolist()
        assert len(hollow) == int(thin.sum())
    # the default: fewer than 5 stories; a daily table of one or two stories a day is all hollow
    daily = sentiment_mix(_data(), "actor", "D", names=["Polri"])
    assert (daily["n"] < 5).all()
    plt.close("all")
    solid, hollow = _points(plot_over_time(daily), "Polri")
    # (the days no story names Polri are gaps: no point, solid or hollow)
    assert np.isnan(np.asarray(solid.get_ydata(), dtype=float)).all()
    assert len(hollow) == int((daily["n"] > 0).sum())
    # min_n=0: only the periods cut short are hollow
    plt.close("all")
    solid, hollow = _points(plot_over_time(daily, min_n=0), "Polri")
    assert len(hollow) == int((daily["partial"].astype(bool) & (daily["n"] > 0)).sum())


def test_tone_mix_bars_are_each_row_s_shares_and_cut_short_periods_lighter() -> None:
    table = sentiment_mix(_data())
    ax = plot_tone_mix(table)
    n = len(table)
    heights = np.array([bar.get_height() for bar in ax.patches]).reshape(3, n)
    shares = table[["positive", "neutral", "negative"]].to_numpy(float)
    shares = shares / shares.sum(axis=1, keepdims=True)
    assert np.allclose(heights, shares.T)
    lighter = [bar.get_alpha() is not None for bar in ax.patches[:n]]
    assert lighter == table["partial"].astype(bool).tolist()


def test_tone_mix_by_actor_and_by_one_actor_s_periods() -> None:
    data = _data()
    by_actor = sentiment_mix(data, "actor", names=["Polri", "KPK"])
    ax = plot_tone_mix(by_actor)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == by_actor["actor"].tolist() and sorted(labels) == ["KPK", "Polri"]
    # each bar says how many stories it rests on (seen in a notebook: 14 looked as solid as 146)
    assert [t.get_text() for t in ax.texts] == [str(n) for n in by_actor["n"]]
    # long names side by side are slanted rather than printed over each other
    long = by_actor.assign(actor=["Purbaya Yudhi Sadewa", "Kementerian Keuangan"])
    assert plot_tone_mix(long).get_xticklabels()[0].get_rotation() == 45
    weekly = sentiment_mix(data, "actor", "W", names=["Polri", "KPK"])
    with pytest.raises(ValueError, match="give key= one actor"):
        plot_tone_mix(weekly)
    ax = plot_tone_mix(weekly, key="Polri")
    assert len(ax.get_xticklabels()) == len(weekly[weekly["actor"] == "Polri"])


def test_tables_that_cannot_be_drawn_are_said() -> None:
    data = _data()
    with pytest.raises(ValueError, match="period column"):
        plot_over_time(share_of_voice(data, "actor", names=["Polri"]))
    with pytest.raises(ValueError, match="no theme 'hoax'"):
        plot_over_time(volume(data, "theme", "W"), keys=["hoax"])
    with pytest.raises(ValueError, match="no positive"):
        plot_tone_mix(volume(data, "theme", "W"))


def test_an_axes_given_is_drawn_on() -> None:
    _, (left, right) = plt.subplots(1, 2)
    data = _data()
    assert plot_over_time(volume(data, None, "W"), ax=left) is left
    assert plot_tone_mix(sentiment_mix(data), ax=right, title="Tone") is right
    assert right.get_title() == "Tone" and len(left.get_lines()) >= 1


def test_a_table_of_many_keys_draws_its_largest_and_says_so(caplog) -> None:
    # seen by a newsroom analyst: the default model's 36 topics drawn at once, ten colours
    # repeating under a legend that covered the plot
    records = [
        {"id": f"{t}-{k}", "published_at": f"2024-11-{1 + k % 20:02d}", "topic": {"id": t}}
        for t in range(14)
        for k in range(t + 1)  # topic t has t + 1 stories
    ]
    table = volume(records_to_frames(records), "topic", "W")
    with caplog.at_level("WARNING"):
        ax = plot_over_time(table)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert sorted(labels, key=int) == [str(t) for t in range(4, 14)]  # the ten largest
    assert "drawing the 10 largest of 14 topics by articles" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING"):
        ax = plot_over_time(table, max_lines=20)
    assert len(ax.get_legend().get_texts()) == 14 and not caplog.text
