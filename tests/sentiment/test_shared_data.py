"""Checks on the shared development data (skipped with a reason when it is absent)."""

from __future__ import annotations

import pytest

from media_analytics.corpus import read_labelled
from media_analytics.sentiment import (
    OverlapError,
    SentimentClassifier,
    actor_sentiment,
    default_model,
    evaluate,
)

from ..conftest import shared_file

pytestmark = [pytest.mark.shared_data, pytest.mark.slow]


def test_training_on_nusax_refuses_to_evaluate_on_smsa_valid() -> None:
    train = read_labelled(shared_file("corpora/nusax-senti-ind/train.csv"))
    valid = read_labelled(shared_file("corpora/smsa/valid_preprocess.tsv"))
    model = SentimentClassifier().fit(list(train["text"]), list(train["label"]))
    with pytest.raises(OverlapError) as info:
        evaluate(model, list(valid["text"]), list(valid["label"]))
    assert info.value.count > 0
    assert f"{info.value.count} of {len(valid)} test rows" in str(info.value)


def test_seed_article_is_positive_toward_the_quoted_police_officer(seed_text: str) -> None:
    model = default_model()
    result = {a.name: a for a in actor_sentiment(seed_text, model=model)}
    anra = result["Anra Nosa"]
    assert anra.label == "positive"
    assert anra.n_sentences >= 5
    assert anra.polarity > 0.2
    assert model.predict_article(None, seed_text).label == "positive"


def test_explain_actor_gives_each_actors_tone_as_the_record_does(
    seed_text: str, default_pipeline
) -> None:
    # a PR analyst had to rebuild an actor's explanation by hand to tell a boss why an article
    # counts as negative toward the institution
    [record] = default_pipeline.score([{"id": "seed", "title": "", "text": seed_text}], n_jobs=1)
    toned = {a["name"]: a["sentiment"] for a in record["actors"] if a.get("sentiment")}
    assert "Anra Nosa" in toned
    for name, sentiment in toned.items():
        explained = default_pipeline.explain_actor(seed_text, name.upper())
        assert (explained["label"], explained["score"]) == (sentiment["label"], sentiment["score"])
        table = explained["sentences"]
        spans = [list(pair) for pair in zip(table["start"], table["end"], strict=True)]
        assert spans == sentiment["sentences"]
        assert all(seed_text.count(t.strip()[:40]) for t in table["text"])
    anra = default_pipeline.explain_actor(seed_text, "Anra Nosa")["sentences"]
    assert anra["opens"].any() and anra["own_words"].any()
