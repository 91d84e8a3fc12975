"""Each table function on a small inline set, against numbers worked out by hand."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from media_analytics.reports import (
    emerging_topics,
    net_tone,
    records_to_frames,
    sentiment_mix,
    share_of_voice,
    top_actors,
    top_speakers,
    volume,
)
from media_analytics.reports.content import build_content
from media_analytics.reports.markdown import render_markdown

W1, W2, W3, W4 = (pd.Timestamp(d) for d in ("2024-11-04", "2024-11-11", "2024-11-18", "2024-11-25"))


def _actor(name: str, province: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "type": "person", "region": {"province": province}, **extra}


def _rec(rid, day, source, themes, tone, actors=(), topic=None, quotes=(), dup=None):
    return {
        "id": rid,
        "published_at": day,
        "source": source,
        "title": f"judul {rid}",
        "themes": [{"theme": t, "score": 0.9, "evidence": []} for t in themes],
        "topic": topic,
        "sentiment": {"label": tone, "score": 0.9},
        "actors": list(actors),
        "quotes": list(quotes),
        "duplicate_of": dup,
        "model_version": "t",
    }


@pytest.fixture
def data():
    """Five stories over four weeks (the third empty), one of them syndicated to a second outlet.

    ======  ==========  ======  ======  ========  ===================  =====
    story   day         outlet  themes  tone      actors               topic
    ======  ==========  ======  ======  ========  ===================  =====
    r1      Mon 4 Nov   A       x       positive  Ani (Dr.), Budi      1
    r2      Wed 6 Nov   B       x, y    negative  Ani (Dr.)            1
    r3      Tue 12 Nov  A       y       neutral   Budi                 2
    r4      Wed 13 Nov  C       -       positive  -                    2
    r5      Mon 25 Nov  B (+C)  x       positive  Ani (tone negative)  2
    ======  ==========  ======  ======  ========  ===================  =====

    Each actor carries a tone of its own, as scored records do: its story's, but Ani's in r5.
    """
    t1 = {"id": 1, "label": "pilkada", "score": 0.5}
    t2 = {"id": 2, "label": "banjir", "score": 0.5}

    def ani(tone: str) -> dict[str, Any]:
        return _actor("Ani", "Riau", title="Dr.", sentiment={"label": tone, "score": 0.5})

    def budi(tone: str) -> dict[str, Any]:
        return _actor("Budi", "Bali", sentiment={"label": tone, "score": 0.5})

    def quote(who: str, text: str) -> dict[str, str]:
        return {"speaker": who, "text": text, "verb": "ujar"}

    r5 = dict(
        actors=[_actor("Ani", "Riau", sentiment="negative")],
        topic=t2,
        quotes=[quote("Ani", "kedua")],
    )
    records = [
        _rec("r1", "2024-11-04", "A", ["x"], "positive", [ani("positive"), budi("positive")], t1),
        _rec("r2", "2024-11-06", "B", ["x", "y"], "negative", [ani("negative")], t1,
             [quote("Ani", "pertama")]),
        _rec("r3", "2024-11-12", "A", ["y"], "neutral", [budi("neutral")], t2,
             [quote("Budi", "satu")]),
        _rec("r4", "2024-11-13", "C", [], "positive", [], t2),
        _rec("r5", "2024-11-25", "B", ["x"], "positive", **r5),
        _rec("r5c", "2024-11-25", "C", ["x"], "positive", dup="r5", **r5),
    ]  # fmt: skip
    return records_to_frames(records)


def test_volume_total_fills_empty_periods(data):
    out = volume(data, None, "W")
    assert out["period"].tolist() == [W1, W2, W3, W4]
    assert out["articles"].tolist() == [2, 2, 0, 1]


def test_volume_by_theme(data):
    out = volume(data, "theme", "W").set_index(["theme", "period"])
    assert out.loc["x", "articles"].tolist() == [2, 0, 0, 1]
    assert out.loc["y", "articles"].tolist() == [1, 1, 0, 0]
    assert out.loc["x", "total"].tolist() == [2, 2, 0, 1]
    # a week with no story has no share (a chart's gap), not a share of 0: seen in a notebook,
    # a month the corpus did not cover read as nobody covering the topic
    assert out.loc["x", "share"].fillna(-1).tolist() == [1.0, 0.0, -1, 1.0]
    assert out.loc["y", "share"].fillna(-1).tolist() == [0.5, 0.5, -1, 0.0]
    assert volume(data, None, "W")["share"].isna().tolist() == [False, False, True, False]


def test_volume_only_requested_keys(data, caplog):
    with caplog.at_level(logging.WARNING):
        out = volume(data, "theme", "W", keys=["y", "absent"])
    assert sorted(set(out["theme"])) == ["absent", "y"]
    assert out.loc[out["theme"] == "absent", "articles"].sum() == 0
    # a key no story has is said, not only drawn as a flat line
    assert "no story has the theme key(s) 'absent': their rows are zeros" in caplog.text
    # a named topic asked for by its name alone (name_topics keeps the id before it)
    topics = volume(data, "topic", "W", keys=["banjir"]).groupby("topic")["articles"].sum()
    assert topics.to_dict() == {"2: banjir": 3}


def test_volume_by_topic_region_outlet(data):
    topic = volume(data, "topic", "W").groupby("topic")["articles"].sum()
    assert topic.to_dict() == {"1: pilkada": 2, "2: banjir": 3}
    region = volume(data, "region", "W").set_index(["province", "period"])["articles"]
    assert region.loc["Riau"].tolist() == [2, 0, 0, 1]
    assert region.loc["Bali"].tolist() == [1, 1, 0, 0]
    outlet = volume(data, "outlet", "W").groupby("outlet")["articles"].sum()
    assert outlet.to_dict() == {"A": 2, "B": 2, "C": 2}  # C: r4 and its copy of r5


def test_volume_by_day_and_month(data):
    month = volume(data, None, "M")
    assert month["period"].tolist() == [pd.Timestamp("2024-11-01")]
    assert month["articles"].tolist() == [5]
    day = volume(data, None, "day")
    assert len(day) == 22  # 4 to 25 November
    assert day["articles"].sum() == 5


def test_share_of_voice_between_themes(data):
    out = share_of_voice(data, "theme")
    assert out["theme"].tolist() == ["x", "y"]
    assert out["articles"].tolist() == [3, 2]
    assert out["share"].tolist() == [0.6, 0.4]


def test_share_of_voice_between_given_names(data):
    out = share_of_voice(data, "actor", names=["budi", "Citra", "ANI"])
    assert out.to_dict("list") == {
        "actor": ["budi", "Citra", "ANI"],
        "articles": [2, 0, 3],
        "share": [0.4, 0.0, 0.6],
        "n": [4, 4, 4],  # the stories naming any of them (one names two)
    }


def test_share_of_voice_between_actors_counts_people_and_organisations_by_default():
    # as top_actors and the report's table do: the place the stories name most is left out
    # unless asked for
    def record(i: int, *actors: tuple[str, str]) -> dict[str, Any]:
        named = [{"name": n, "type": t} for n, t in actors]
        return {"id": f"r{i}", "published_at": "2024-11-04", "actors": named}

    jakarta, kpu, ani = ("Jakarta", "place"), ("KPU", "organization"), ("Ani", "person")
    data = records_to_frames(
        [record(1, jakarta, kpu), record(2, jakarta, ani), record(3, jakarta, kpu)]
    )
    default = share_of_voice(data, "actor")
    assert default.to_dict("list") == {
        "actor": ["KPU", "Ani"], "articles": [2, 1], "share": [2 / 3, 1 / 3], "n": [3, 3],
    }  # fmt: skip
    assert default["actor"].tolist() == top_actors(data)["actor"].tolist()
    places = share_of_voice(data, "actor", types=["place"])
    assert places.to_dict("list") == {
        "actor": ["Jakarta"], "articles": [3], "share": [1.0], "n": [3]
    }  # fmt: skip
    every = share_of_voice(data, "actor", types=["person", "organization", "place"])
    assert every["actor"].tolist() == ["Jakarta", "KPU", "Ani"]
    with pytest.raises(ValueError, match=r"unknown actor type.*'people'"):
        share_of_voice(data, "actor", types=["people"])


def test_share_of_voice_per_period(data):
    out = share_of_voice(data, "theme", period="W").set_index(["period", "theme"])["share"]
    assert out.loc[(W1, "x")] == pytest.approx(2 / 3)
    assert out.loc[(W1, "y")] == pytest.approx(1 / 3)
    assert out.loc[(W2, "y")] == 1.0
    assert out.loc[(W4, "x")] == 1.0


def test_net_tone():
    out = net_tone(pd.Series([3, 0, 1]), pd.Series([1, 0, 1]), pd.Series([5, 0, 2]))
    assert out.tolist()[0::2] == [0.4, 0.0] and pd.isna(out.iloc[1])  # no story: no tone


def test_sentiment_per_period(data):
    out = sentiment_mix(data, "period", "W")
    assert out["period"].tolist() == [W1, W2, W3, W4]
    assert out["positive"].tolist() == [1, 1, 0, 1]
    assert out["neutral"].tolist() == [0, 1, 0, 0]
    assert out["negative"].tolist() == [1, 0, 0, 0]
    assert out["n"].tolist() == [2, 2, 0, 1]
    assert out["net_tone"].tolist()[:2] == [0.0, 0.5] and out["net_tone"].iloc[3] == 1.0
    assert pd.isna(out["net_tone"].iloc[2])  # a week without stories has no tone, not 0


def test_sentiment_per_actor_uses_the_actor_tone(data):
    out = sentiment_mix(data, "actor").set_index("actor")
    # Ani: r1 positive, r2 negative, r5 negative toward her (the story itself is positive)
    assert out.loc["Ani", ["positive", "neutral", "negative", "n"]].tolist() == [1, 0, 2, 3]
    assert out.loc["Ani", "net_tone"] == pytest.approx(-1 / 3)
    assert out.loc["Budi", "net_tone"] == 0.5  # r1 positive, r3 neutral
    assert list(out.index) == ["Ani", "Budi"]  # most labelled first


def test_named_actors_alone_unless_top_asks_for_more(data):
    # the README's call for the weekly tone toward Polri gave every actor of a 4,000-article
    # file (3.3 million rows) before the named one: names alone now mean those actors alone
    assert set(sentiment_mix(data, "actor", "W", names=["Ani"])["actor"]) == {"Ani"}
    assert sentiment_mix(data, "actor", names=["Budi"])["actor"].tolist() == ["Budi"]
    assert sentiment_mix(data, "actor", top=1, names=["Budi"])["actor"].tolist() == ["Ani", "Budi"]
    assert sentiment_mix(data, "actor")["actor"].tolist() == ["Ani", "Budi"]


def test_sentiment_toward_an_actor_per_period(data):
    # the weekly tone toward an actor: a row per week and actor, the quiet week a row of zeros
    out = sentiment_mix(data, "actor", "W", names=["Ani"], top=0)
    assert list(out.columns[:3]) == ["period", "partial", "actor"]
    assert out["period"].tolist() == [W1, W2, W3, W4] and set(out["actor"]) == {"Ani"}
    assert out[["positive", "negative", "n"]].values.tolist() == [
        [1, 1, 2], [0, 0, 0], [0, 0, 0], [0, 1, 1]]  # fmt: skip
    assert out["net_tone"].iloc[0] == 0.0 and out["net_tone"].iloc[3] == -1.0
    assert out["net_tone"].iloc[1:3].isna().all()  # no tone toward her, not a balanced one
    # every actor the table without a period shows, in its order, period by period; the
    # totals are that table's
    whole = sentiment_mix(data, "actor")
    weekly = sentiment_mix(data, "actor", "W")
    assert weekly["actor"].tolist() == whole["actor"].tolist() * 4
    summed = weekly.groupby("actor", sort=False)[["positive", "neutral", "negative", "n"]].sum()
    assert summed.reset_index().equals(whole[["actor", "positive", "neutral", "negative", "n"]])
    # themes and outlets too; a month is one row per key
    assert sentiment_mix(data, "theme", "M")[["theme", "n"]].values.tolist() == [["x", 3], ["y", 2]]
    # without a period, as before: one row per key
    assert "period" not in sentiment_mix(data, "outlet").columns
    with pytest.raises(ValueError, match="unknown period"):
        sentiment_mix(data, "actor", "Q")


def test_sentiment_per_theme(data):
    out = sentiment_mix(data, "theme").set_index("theme")
    assert out.loc["x", ["positive", "negative", "n"]].tolist() == [2, 1, 3]
    assert out.loc["x", "net_tone"] == pytest.approx(1 / 3)
    assert out.loc["y", "net_tone"] == -0.5


def test_top_actors(data):
    out = top_actors(data, 10)
    assert out["actor"].tolist() == ["Ani", "Budi"]
    ani = out.iloc[0]
    assert ani["articles"] == 3
    assert ani["outlets"] == 3  # A (r1), B (r2, r5) and C (the copy of r5)
    assert ani["quotes"] == 2
    assert ani["title"] == "Dr."
    assert ani["net_tone"] == pytest.approx(-1 / 3)
    budi = out.iloc[1]
    assert (budi["articles"], budi["outlets"], budi["quotes"]) == (2, 1, 1)
    assert top_actors(data, 1)["actor"].tolist() == ["Ani"]
    assert top_actors(data, types=["organization"]).empty


def test_top_actors_are_the_reports_people_and_organisations_unless_types_say_otherwise():
    # seen on real news: top_actors(data, 15) began Indonesia, DKI Jakarta, Amerika Serikat
    # (11 of 15 rows places) while the report's table began DPR, KPK, Joko Widodo
    def record(i: int) -> dict[str, Any]:
        actors = [{"name": "Indonesia", "type": "place"}, {"name": "KPK", "type": "organization"}]
        if i % 2:
            actors.append(_actor("Budi", "Bali"))
        return _rec(f"r{i}", "2024-11-04", "A", [], "neutral", actors if i < 3 else actors[:1])

    data = records_to_frames([record(i) for i in range(5)])
    top = top_actors(data)
    assert top[["actor", "type", "articles"]].values.tolist() == [
        ["KPK", "organization", 3], ["Budi", "person", 1]
    ]  # fmt: skip
    # the report's table of top actors is this one
    report = build_content(data, title="t").tables["top_actors"]
    pd.testing.assert_frame_equal(report.reset_index(drop=True), top)
    # the places the stories name most are asked for by type, or in top_places
    assert top_actors(data, types=["place"])[["actor", "articles"]].values.tolist() == [
        ["Indonesia", 5]
    ]
    every = top_actors(data, types=["person", "Organization", "place"])
    assert every["actor"].tolist() == ["Indonesia", "KPK", "Budi"]
    with pytest.raises(ValueError, match=r"unknown actor type.*'people'"):
        top_actors(data, types=["people"])


def test_an_actor_without_a_tone_of_its_own_has_none_in_the_tone_tables():
    # seen on real news: places (never given a tone) led the tone toward actors with their
    # stories' tone, and the top-actor table gave them that tone as their net_tone
    def record(i: int, tone: str, own: str | None) -> dict[str, Any]:
        kpk = {"name": "KPK", "type": "organization"}
        if own:
            kpk["sentiment"] = {"label": own, "score": 0.5}
        actors = [{"name": "Tiongkok", "type": "place"}, kpk, _actor("Budi", "Bali")]
        return _rec(f"r{i}", "2024-11-04", "A", [], tone, actors)

    records = [record(1, "positive", "negative"), record(2, "positive", None)]
    records.append(record(3, "negative", "negative"))
    data = records_to_frames(records)
    mix = sentiment_mix(data, "actor")
    assert mix["actor"].tolist() == ["KPK"]  # no place, nor Budi, whom no story gave a tone
    assert mix.iloc[0][["positive", "negative", "n", "net_tone"]].tolist() == [0, 2, 2, -1.0]
    every = ["person", "organization", "place"]  # (places are in Top places by default)
    top = top_actors(data, types=every).set_index("actor")["net_tone"]
    assert top["KPK"] == -1.0
    assert pd.isna(top["Tiongkok"]) and pd.isna(top["Budi"])  # not 0, not the stories' +0.33
    markdown = render_markdown(build_content(data, title="t", actor_types=every))
    assert "| Tiongkok | place |  |  | 3 | 1 | 0 |  |  |" in markdown


def test_top_speakers(data):
    out = top_speakers(data)
    assert out.to_dict("list") == {
        "speaker": ["Ani", "Budi"],
        "title": ["Dr.", None],  # as the stories name them: Ani with her title, neither's role
        "role": [None, None],
        "quotes": [2, 1],
        "articles": [2, 1],
        "latest_quote": ["kedua", "satu"],
    }
    # week by week (seen: a newsroom researcher grouped the quotes by week by hand)
    weekly = top_speakers(data, period="W")
    assert weekly[["period", "speaker", "quotes"]].astype(str).values.tolist() == [
        ["2024-11-04", "Ani", "1"], ["2024-11-11", "Budi", "1"], ["2024-11-25", "Ani", "1"],
    ]  # fmt: skip
    assert weekly.loc[0, "title"] == "Dr."  # who she is, read from all the stories


def test_top_speakers_are_those_quoted_in_the_most_stories() -> None:
    # seen in an analyst's trial: one long interview's eleven quotes put "Rosid" above the
    # candidates quoted in several stories each
    records = [
        {"id": "long", "published_at": "2024-11-20",
         "quotes": [{"speaker": "Rosid", "text": f"kutipan {k}"} for k in range(11)]},
    ] + [
        {"id": f"s{k}", "published_at": f"2024-11-2{k}",
         "quotes": [{"speaker": "Ahmad Luthfi", "text": "aman"}]}
        for k in range(3)
    ]  # fmt: skip
    out = top_speakers(records_to_frames(records))
    assert out[["speaker", "quotes", "articles"]].values.tolist() == [
        ["Ahmad Luthfi", 3, 3],
        ["Rosid", 11, 1],
    ]


def test_emerging_new_topic(data):
    # latest 14 days = (11 Nov, 25 Nov]: r3, r4, r5; the 14 before: r1, r2
    out = emerging_topics(data, "topic", window="14D", min_count=3)
    assert out["topic"].tolist() == ["2: banjir"]
    row = out.iloc[0]
    assert (row["current"], row["previous"], row["status"]) == (3, 0, "new")
    assert row["current_share"] == 1.0
    assert row["growth"] == pytest.approx((3.5 / 4) / (0.5 / 3))  # 5.25


def _window_records(counts: dict[str, tuple[int, int]]) -> list[dict[str, Any]]:
    """Ten stories a week for two weeks; counts[theme] = (stories in week 1, in week 2)."""
    records = []
    for week, day in ((0, "2024-11-05"), (1, "2024-11-12")):
        slots: list[list[str]] = [[] for _ in range(10)]
        for theme, per_week in counts.items():
            for i in range(per_week[week]):
                slots[i].append(theme)
        for i, themes in enumerate(slots):
            records.append(_rec(f"w{week}-{i}", day, "A", themes, "neutral"))
    return records


def test_emerging_growing_theme():
    data = records_to_frames(_window_records({"g": (1, 4), "h": (2, 3), "k": (0, 2)}))
    out = emerging_topics(data, "theme", window="7D", end="2024-11-12", min_count=3)
    # g: (4.5 / 11) / (1.5 / 11) = 3.0 -> growing; h: 3.5 / 2.5 = 1.4 -> not; k: 2 < min_count
    assert out["theme"].tolist() == ["g"]
    assert out.iloc[0]["growth"] == pytest.approx(3.0)
    assert out.iloc[0]["status"] == "growing"
    relaxed = emerging_topics(data, "theme", window="7D", end="2024-11-12", min_count=2)
    assert relaxed.set_index("theme")["status"].to_dict() == {"k": "new", "g": "growing"}


def test_a_share_grown_by_a_shrinking_coverage_is_no_topic_emerging():
    # seen in a researcher's walk-through: a topic of 11 stories then 8 was "growing" (3.87x)
    # because the quiet fortnight after polling day held few stories of anything
    week1 = _window_records({"g": (10, 0)})[:10]  # ten stories, all of g
    busy = [_rec(f"x{i}", "2024-11-05", "A", [], "neutral") for i in range(40)]
    week2 = [_rec(f"q{i}", "2024-11-12", "A", ["g"] if i < 8 else [], "neutral") for i in range(9)]
    data = records_to_frames([*week1, *busy, *week2])
    tests = emerging_topics(
        data, "theme", window="7D", end="2024-11-12", min_count=3, min_growth=1.0
    )
    assert tests.empty  # 10 of 50, then 8 of 9: a share four times as large, fewer stories
    more = [_rec(f"r{i}", "2024-11-12", "A", ["g"], "neutral") for i in range(3)]
    out = emerging_topics(
        records_to_frames([*week1, *busy, *week2, *more]), "theme", window="7D",
        end="2024-11-12", min_count=3,
    )  # fmt: skip
    assert out["theme"].tolist() == ["g"] and out.iloc[0]["current"] == 11


def test_nothing_emerges_after_a_gap_in_the_data():
    """A shrinking theme was called "new" when the two weeks before held no story at all."""
    before = _window_records({"g": (8, 0)})  # week 1: eight stories of g
    later = [dict(r, published_at="2024-12-10") for r in _window_records({"g": (0, 3)})[10:]]
    data = records_to_frames(before[:10] + later)  # a gap of four weeks, then three of ten
    assert emerging_topics(data, "theme", window="14D").empty
    # with stories in the window before, the same three are measured against them
    data = records_to_frames(_window_records({"g": (8, 3)}))
    assert emerging_topics(data, "theme", window="7D", end="2024-11-12").empty  # it shrank


def test_a_topic_is_new_only_when_its_share_grew_and_no_clear_topic_never_emerges():
    # 3 of 100 stories against none of 5: the growth column said its share fell to 0.42, and
    # the status said "new"; the catch-all -1 was listed as growing
    recs = [
        {"id": f"p{i}", "published_at": f"2025-10-0{i + 2}", "topic": {"id": 1, "label": "lain"}}
        for i in range(5)
    ]
    recs += [
        {"id": f"c{i}", "published_at": f"2025-10-{20 + i % 8}",
         "topic": {"id": 7, "label": "banjir"} if i < 3
         else {"id": -1, "label": None if i % 2 else "(no clear topic)"}}
        for i in range(100)
    ]  # fmt: skip
    data = records_to_frames(recs)
    assert emerging_topics(data, "topic").empty
    out = emerging_topics(data, "topic", min_growth=0.1, min_count=3)  # a looser bar
    assert out.set_index("topic")["status"].to_dict() == {"7: banjir": "new"}


def test_unknown_dimension(data):
    with pytest.raises(ValueError, match="unknown dimension"):
        volume(data, "colour")


def test_a_span_of_decades_keeps_only_the_periods_with_stories(caplog):
    records = [
        _rec("a", "2024-11-04", "X", ["x"], "positive"),
        _rec("b", "2024-11-05", "X", ["x"], "neutral"),
        _rec("c", "2099-12-31", "Y", ["x"], "negative"),  # a typo a feed let through
    ]
    out = volume(records_to_frames(records), None, "D")
    assert out["period"].tolist() == [
        pd.Timestamp(d) for d in ("2024-11-04", "2024-11-05", "2099-12-31")
    ]
    assert out["articles"].tolist() == [1, 1, 1]
    assert "the tables show only the periods with stories" in caplog.text
    # by month, the same span is a table of every month (under the limit)
    assert len(volume(records_to_frames(records), None, "M")) == 75 * 12 + 2


def test_the_tone_toward_the_actors_asked_for_is_shown_after_the_top_ones():
    # --actor Polri: Polri is not among the most named actors, and its tone was in no output
    def record(i: int, names: list[str], tone: str) -> dict:
        own = {"label": tone}  # the tone toward each, as the story's here
        actors = [{"name": n, "type": "organization", "sentiment": own} for n in names]
        return {"id": f"r{i}", "published_at": "2025-10-01", "actors": actors,
                "sentiment": {"label": tone}}  # fmt: skip

    records = [record(i, ["DPR", "KPK"], "negative") for i in range(4)]
    records += [record(4, ["Korps Bhayangkara"], "positive"), record(5, ["TNI"], "neutral")]
    data = records_to_frames(records, aliases={"Korps Bhayangkara": "Polri"})
    table = sentiment_mix(data, "actor", top=2, names=["korps bhayangkara", "Nobody"])
    # a name no story gives a tone toward keeps its row, as in the share of voice: n 0, no tone
    assert table["actor"].tolist() == ["DPR", "KPK", "Polri", "Nobody"]
    assert table.iloc[-2][["positive", "n", "net_tone"]].tolist() == [1, 1, 1.0]
    assert table.iloc[-1][["n"]].tolist() == [0] and pd.isna(table.iloc[-1]["net_tone"])
    content = build_content(data, title="t", top_n=2, names=["Polri", "DPR"])
    assert content.tables["sentiment_by_actor"]["actor"].tolist() == ["DPR", "KPK", "Polri"]


def test_topics_are_listed_by_id_and_the_no_topic_row_is_written_as_its_label(
    tmp_path: Path,
) -> None:
    from media_analytics.reports import records_to_frames
    from media_analytics.reports.export import write_csv
    from media_analytics.reports.tables import volume

    topics = [(1, "banjir"), (10, "pilkada"), (2, "pasar"), (-1, "(no clear topic)")]
    data = records_to_frames(
        [
            {"id": str(i), "published_at": "2024-11-25", "topic": {"id": t, "label": label}}
            for i, (t, label) in enumerate(topics)
        ]
    )
    table = volume(data, "topic")
    assert table["topic"].tolist() == ["1: banjir", "2: pasar", "10: pilkada", "(no clear topic)"]
    path = write_csv({"volume_topic": table}, tmp_path)["volume_topic"]
    text = path.read_text(encoding="utf-8")
    assert ",(no clear topic)," in text and "'" not in text
