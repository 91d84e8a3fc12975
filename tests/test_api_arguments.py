"""The notebook API on the arguments analysts pass: one string, NaN headlines, numpy ids."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pytest

from media_analytics.actors import extract_actors
from media_analytics.preprocessing import stem

BODY = "Kapolres Dumai AKBP Budi Santoso dipuji warga karena sigap. Budi Santoso hadir di TPS."


def test_the_record_title_is_the_text_its_evidence_points_into(default_pipeline: Any) -> None:
    title = "Polisi perketat  pengamanan &quot;pilkada&quot; di Dumai"
    [record] = default_pipeline.score([{"title": title, "text": "Polisi berjaga di TPS."}])
    spans = [
        (s, t["evidence"]) for t in record["themes"] for s in t["spans"] if s["field"] == "title"
    ]
    assert spans, "the headline carries evidence"
    for span, evidence in spans:
        assert record["title"][span["start"] : span["end"]] == evidence[span["evidence_index"]]


def test_one_string_where_a_list_belongs_is_an_error(default_pipeline: Any) -> None:
    from media_analytics import sentiment

    with pytest.raises(ValueError, match="use tag\\(\\) for one"):
        default_pipeline.themes_.tag_many("pengamanan pilkada")
    with pytest.raises(ValueError, match="wrap one article in lists"):
        sentiment.score_articles(default_pipeline.sentiment_, "abc", "xyz")
    with pytest.raises(TypeError, match="wrap one article in a list"):
        list(default_pipeline.score({"title": "x", "text": "Polisi berjaga."}))
    with pytest.raises(TypeError, match="takes a pandas DataFrame"):
        default_pipeline.score_frame([{"text": "Polisi berjaga."}])


def test_actor_types_as_one_name_or_unknown(default_pipeline: Any) -> None:
    from media_analytics import sentiment

    actors = extract_actors(BODY)
    model = default_pipeline.sentiment_
    one = sentiment.score_articles(model, [""], [BODY], [actors], types="person")
    listed = sentiment.score_articles(model, [""], [BODY], [actors], types=["person"])
    assert [a.name for a in one[0].actors] == [a.name for a in listed[0].actors] == ["Budi Santoso"]
    with pytest.raises(ValueError, match="unknown actor type"):
        sentiment.score_articles(model, [""], [BODY], [actors], types=["persons"])


def test_missing_headlines_are_no_headline(default_pipeline: Any) -> None:
    from media_analytics import sentiment

    model = default_pipeline.sentiment_
    tagger = default_pipeline.themes_
    assert model.predict_article(np.nan, BODY).label == model.predict_article(None, BODY).label
    [with_nan] = sentiment.score_articles(model, [np.nan], [BODY])
    [without] = sentiment.score_articles(model, [None], [BODY])
    assert with_nan.tone.label == without.tone.label
    assert tagger.tag(BODY, np.nan).scores == tagger.tag(BODY, "").scores
    assert tagger.tag_many([BODY], [np.nan])[0].scores == tagger.tag(BODY).scores
    with pytest.raises(TypeError, match="text must be str, got NoneType"):
        tagger.tag(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got int"):
        tagger.tag(5)  # type: ignore[arg-type]


def test_explain_and_thresholds_name_what_is_wrong(default_pipeline: Any) -> None:
    tagger = default_pipeline.themes_
    result = tagger.tag("Polisi berjaga.")
    with pytest.raises(KeyError, match=r"themes: .*pilkada_security"):
        result.explain("pilkada_securty")
    with pytest.raises(TypeError, match="must be a number"):
        tagger.set_threshold("pilkada_security", "0.6")  # type: ignore[arg-type]


def test_numpy_ids_and_non_string_words(default_pipeline: Any) -> None:
    [record] = default_pipeline.score([{"id": np.int64(7), "text": "Polisi berjaga di TPS."}])
    assert record["id"] == "7"
    with pytest.raises(TypeError, match="stem expects str, got NoneType"):
        stem(None)  # type: ignore[arg-type]


def test_predict_article_reads_the_headline_as_scoring_does(default_pipeline: Any) -> None:
    model = default_pipeline.sentiment_
    raw = model.predict_article("Warga &quot;kecewa&quot; <b>berat</b>", BODY)
    clean = model.predict_article('Warga "kecewa" berat', BODY)
    assert raw.probabilities == clean.probabilities


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"n_topics": 0}, 'n_topics must be "auto" or a whole number of 2 or more, got 0'),
        ({"n_topics": "8"}, "got '8'"),
        ({"random_state": "abc"}, "random_state must be a whole number or None, got 'abc'"),
        ({"with_topics": "no"}, "with_topics must be True or False, got 'no'"),
    ],
)
def test_pipeline_settings_are_checked_before_any_fitting(setting, message) -> None:
    from media_analytics import MediaPipeline

    pipeline = MediaPipeline(**setting)
    with pytest.raises(ValueError, match=re.escape(message)):
        pipeline.fit([{"id": "a", "title": "Judul", "text": "Isi berita."}])
    # refused before any part was fitted (it took a whole sentiment fit before)
    assert not hasattr(pipeline, "themes_") and not hasattr(pipeline, "surface_forms_")
