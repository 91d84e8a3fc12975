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
    top = top_actors(data, 30)
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
