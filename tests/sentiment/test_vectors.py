from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import skops.io as sio

from media_analytics.sentiment import TRUSTED_TYPES, SentimentClassifier, load_model, save_model
from media_analytics.sentiment.vectors import PooledWordVectors

from .conftest import LABELS, TEXTS


def _market_texts(n: int = 300) -> list[str]:
    """Two families of words, each used only beside its own neighbours."""
    rng = np.random.default_rng(0)
    down, up = ["anjlok", "merosot", "ambles"], ["melonjak", "menguat", "meroket"]
    down_ctx = ["rugi", "panik", "investor", "cemas", "jual"]
    up_ctx = ["untung", "senang", "pemodal", "optimistis", "borong"]
    texts = []
    for _ in range(n):
        words, ctx = (down, down_ctx) if rng.random() < 0.5 else (up, up_ctx)
        picked = [str(w) for w in rng.choice(ctx, 3, replace=False)]
        texts.append(" ".join([picked[0], str(rng.choice(words)), picked[1], picked[2]]))
    return texts


def _cosine(vec: PooledWordVectors, a: str, b: str) -> float:
    va, vb = vec.vectors_[vec.vocabulary_[a]], vec.vectors_[vec.vocabulary_[b]]
    return float(va @ vb / (np.linalg.norm(va) * np.linalg.norm(vb)))


def test_words_used_alike_get_close_vectors() -> None:
    vec = PooledWordVectors(dim=4, window=3).fit(_market_texts())
    assert _cosine(vec, "anjlok", "merosot") > 0.8
    assert _cosine(vec, "melonjak", "meroket") > 0.8
    assert _cosine(vec, "anjlok", "melonjak") < 0.3


def test_a_text_reads_as_mean_max_and_min_of_its_known_words() -> None:
    vec = PooledWordVectors(dim=4, window=3).fit(_market_texts())
    rows = vec.transform(["Saham ANJLOK, investor rugi!", "kata yang tidak dikenal"])
    assert rows.shape == (2, 12) and rows.dtype == np.float32
    known = vec.vectors_[[vec.vocabulary_[w] for w in ("anjlok", "investor", "rugi")]]
    np.testing.assert_allclose(rows[0, :4], known.mean(axis=0), rtol=1e-6)
    np.testing.assert_allclose(rows[0, 4:8], known.max(axis=0))
    np.testing.assert_allclose(rows[0, 8:], known.min(axis=0))
    assert not rows[1].any()  # no known word: zeros, not an error
    assert len(vec.get_feature_names_out()) == 12


def test_too_few_repeated_words_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="too few repeated words"):
        PooledWordVectors().fit(["satu dua tiga", "empat lima enam"])


def test_the_member_is_kept_only_when_cross_validation_says_so() -> None:
    model = SentimentClassifier.select(
        TEXTS, LABELS, cv=3, C_grid=(1.0,), feature_grid=None, embed_grid=(False, True)
    )
    assert model.embed_scores_.shape == (2, 2)
    assert model.embed_ == bool(model.embed_scores_.max() > model.embed_baseline_score_)
    assert not SentimentClassifier(C=1.0, calibration_cv=3).fit(TEXTS, LABELS).embed_


def test_a_model_with_word_vectors_votes_and_survives_skops(tmp_path: Path) -> None:
    model = SentimentClassifier(embed=True, C=1.0, calibration_cv=3).fit(TEXTS, LABELS)
    assert model.embed_ and model.embed_weight_ > 0
    docs = ["Pelayanannya ramah sekali.", "Jalannya rusak dan kotor.", "Rapat digelar Kamis."]
    proba = model.predict_proba(docs)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert list(model.predict(docs)) == list(model.classes_[proba.argmax(axis=1)])
    # the member changes the scores: the SVM's calibrated log-probabilities alone differ
    margins = model.svm_.decision_function(model.features_.transform(docs))
    alone = margins / model.temperature_
    alone = alone - np.log(np.exp(alone).sum(axis=1, keepdims=True))
    assert not np.allclose(model.decision_function(docs), alone)
    path = tmp_path / "vectors.skops"
    save_model(model, path)
    assert set(sio.get_untrusted_types(file=path)) <= set(TRUSTED_TYPES)
    np.testing.assert_array_equal(load_model(path).predict_proba(docs), proba)


def test_too_little_text_for_vectors_skips_the_member_only_when_it_is_merely_tried() -> None:
    texts = ["bagus sekali", "hebat nian", "buruk rupa", "jelek amat", "rapat kamis", "sidang rabu"]
    labels = ["positive", "positive", "negative", "negative", "neutral", "neutral"]
    tried = SentimentClassifier.select(
        texts, labels, cv=2, C_grid=(1.0,), feature_grid=None, embed_grid=(False, True)
    )
    assert not tried.embed_ and not hasattr(tried, "embed_scores_")
    with pytest.raises(ValueError, match="too few repeated words"):
        SentimentClassifier(embed=True, calibration_cv=2).fit(texts, labels)
