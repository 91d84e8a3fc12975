"""Checks on the shared development data (skipped with a reason when it is absent)."""

from __future__ import annotations

import pytest

from media_analytics.corpus import read_labelled
from media_analytics.sentiment import (
    LABELS,
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


def test_tone_stage_two_is_the_bench_choice_and_new() -> None:
    import csv
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "sentiment_eval", root / "bench/sentiment_eval.py"
    )
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    chosen = bench.select_tone_stage2(shared_file("corpora"))

    def read(name: str) -> list[dict[str, str]]:
        with (root / "bench" / "data" / name).open(newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))

    tone = read("tone_labels.csv")
    first = bench.TONE_STAGE1_ROWS
    assert [(r["dataset"], r["id"]) for r in tone[first:]] == [(d, i) for d, i, _ in chosen]
    assert len(chosen) >= 100 and all(r["tone"] in LABELS for r in tone)
    earlier = {(r["dataset"], r["id"]) for r in tone[:first]}
    for name in ("theme_labels.csv", "theme_labels_holdout.csv"):
        earlier |= {(r["dataset"], r["id"]) for r in read(name)}
    assert not earlier & {(d, i) for d, i, _ in chosen}
