"""The report tables on real news scored by the default model (skipped when the shared data is
absent)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from media_analytics.reports import records_to_frames, sentiment_mix, top_actors

from ..conftest import clickid_articles

pytestmark = [pytest.mark.shared_data, pytest.mark.slow]


def _clickid(n: int) -> list[dict[str, Any]]:
    return clickid_articles(n=n)


@pytest.fixture(scope="module")
def scored(default_pipeline) -> list[dict[str, Any]]:
    return list(default_pipeline.score(_clickid(300), n_jobs=1))


def test_the_tone_toward_actors_is_their_own_and_places_have_none(scored) -> None:
    # seen on real news: 6 of the 10 rows of the tone toward actors were places (which the
    # model gives no tone) showing their stories' tone, "Indonesia +0.21" among them
    data = records_to_frames(scored)
    actors = data.actors
    places = actors[actors["type"] == "place"]
    assert len(places) > 100 and places["sentiment"].isna().all()
    mix = sentiment_mix(data, "actor", top=10)
    kinds = actors.drop_duplicates("name").set_index("name")["type"]
    assert len(mix) == 10 and set(kinds[mix["actor"]]) <= {"person", "organization"}
    top = top_actors(data, 30, types=["person", "organization", "place"])
    assert top["type"].eq("place").any()
    assert top.loc[top["type"] == "place", "net_tone"].isna().all()
    # every label counted is the one the record gives the actor
    own: dict[tuple[str, str, str], str] = {}
    for record in scored:
        for actor in record["actors"]:
            if actor["type"] != "place" and actor.get("sentiment"):
                key = (record["id"], actor["type"], actor["name"])
                own[key] = actor["sentiment"]["label"]
    toned = actors[actors["sentiment"].notna()]
    assert len(toned) > 500
    keys = zip(toned["id"], toned["type"], toned["written"], strict=True)
    given = [own.get(key) for key in keys]
    assert pd.Series(given, index=toned.index).eq(toned["sentiment"]).all()


def test_a_report_on_real_news_says_whence_its_topics_come_and_who_is_in_the_news(
    scored, tmp_path, caplog
) -> None:
    # seen on real news: CLICK-ID's topics were the bundled sample's ("medali emas, atlet, pon
    # xxi, dayung" for gold prices) without a word; "6: terendam, ..." emerged on 3 stories;
    # Indonesia and DKI Jakarta led the top actors; a story was in Maluku Utara in stories.csv
    # and under (no region) in the table per province
    import logging

    from media_analytics.reports import build_report
    from media_analytics.reports.regions import NO_REGION

    with caplog.at_level(logging.WARNING):
        paths = build_report(scored, tmp_path)
    said = [r.getMessage() for r in caplog.records if "bundled sample" in r.getMessage()]
    assert len(said) == 1 and "media-analytics train" in said[0]
    assert "articles of the bundled sample" in paths["markdown"].read_text(encoding="utf-8")
    for name in ("emerging_topics", "emerging_themes"):
        assert (pd.read_csv(paths[f"csv:{name}"])["current"] >= 5).all()
    top = pd.read_csv(paths["csv:top_actors"])
    assert len(top) == 10 and set(top["type"]) <= {"person", "organization"}
    places = pd.read_csv(paths["csv:top_places"])
    assert "Indonesia" in set(places["place"])
    stories = pd.read_csv(paths["csv:stories"], keep_default_na=False)
    region = pd.read_csv(paths["csv:volume_region"])
    unplaced = region.loc[region["province"] == NO_REGION, "articles"].sum()
    assert (stories["province"] == "").sum() == unplaced
