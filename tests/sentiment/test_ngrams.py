"""The NumPy n-gram transform gives exactly the fitted vectorisers' own matrices."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from media_analytics.sentiment import SentimentFeatures
from media_analytics.sentiment.ngrams import fast_counts, fast_transform, supports, supports_counts

from .conftest import TEXTS

AWKWARD = [
    "",
    "a",
    "x y z",
    "tidak tidak tidak enak enak",
    "kata-kata berulang-ulang dan covid-19 serta 2024",
    "huruf asing ünïcödé 中文 ∑ di tengah kalimat",
    "pelayanannya sangat sangat ramah ramah ramah",
    "kata yang tidak pernah muncul di latihan: zzzqqq xylofon",
]


def _vectorizers() -> list[TfidfVectorizer]:
    return [
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=False, sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), lowercase=False, sublinear_tf=True),
        TfidfVectorizer(
            token_pattern=r"\S+", ngram_range=(1, 3), lowercase=False, sublinear_tf=True
        ),
        TfidfVectorizer(
            token_pattern=r"\S+", ngram_range=(2, 2), lowercase=False, sublinear_tf=True, norm=None
        ),
        # unigrams (the bundled models' word and stem blocks) take a shorter way
        TfidfVectorizer(
            token_pattern=r"\S+", ngram_range=(1, 1), lowercase=False, sublinear_tf=True
        ),
    ]


@pytest.mark.parametrize("vec", _vectorizers(), ids=lambda v: f"{v.analyzer}{v.ngram_range}")
def test_fast_transform_matches_the_vectoriser(vec: TfidfVectorizer) -> None:
    vec.fit([t.lower() for t in TEXTS])
    docs = [t.lower().split() for t in TEXTS + AWKWARD]
    assert supports(vec)
    for _ in range(2):  # the second pass reads the per-word cache
        fast = fast_transform(vec, docs)
        ref = vec.transform([" ".join(d) for d in docs])
        assert fast.shape == ref.shape
        assert abs(fast - sp.csr_matrix(ref)).max() < 1e-12
    assert fast_transform(vec, []).shape == (0, len(vec.vocabulary_))


def test_unsupported_settings_fall_back_to_the_vectoriser() -> None:
    vec = TfidfVectorizer(lowercase=True).fit(TEXTS)
    assert not supports(vec)
    docs = [t.split() for t in TEXTS[:3]]
    ref = vec.transform([" ".join(d) for d in docs])
    assert abs(fast_transform(vec, docs) - ref).max() == 0


def test_features_transform_equals_the_reference_computation() -> None:
    features = SentimentFeatures(char_min_df=1).fit(TEXTS)
    docs = TEXTS + AWKWARD
    fast = features.transform(docs).toarray()
    views, lexicon_rows = features._views(docs)
    blocks = [
        vec.transform([" ".join(d) for d in views[name]]).toarray()
        for name, vec in features.vectorizers_.items()
    ]
    ref = np.hstack([*blocks, lexicon_rows])
    np.testing.assert_allclose(fast, ref, atol=1e-12)
    # and fitting returns the same matrix for the training documents
    np.testing.assert_allclose(
        SentimentFeatures(char_min_df=1).fit_transform(TEXTS).toarray(),
        features.transform(TEXTS).toarray(),
        atol=1e-12,
    )


@pytest.mark.parametrize(
    "vec",
    [
        CountVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2), min_df=2),
        CountVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 3), dtype=np.int64),
        CountVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(2, 2)),
        CountVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 1), min_df=2),
        CountVectorizer(
            token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2), stop_words=["dan", "of"]
        ),
    ],
    ids=lambda v: f"counts{v.ngram_range}",
)
def test_fast_counts_match_the_count_vectoriser(vec: CountVectorizer) -> None:
    docs = [" ".join(t.lower().split()) for t in TEXTS] + AWKWARD + ["  spasi   ganda\tdan tab  "]
    vec.fit(docs[::2] + AWKWARD)
    assert supports_counts(vec)
    expected = sp.csr_matrix(vec.transform(docs))
    expected.sort_indices()
    got = fast_counts(vec, docs)
    assert got.dtype == expected.dtype and got.shape == expected.shape
    np.testing.assert_array_equal(got.indptr, expected.indptr)
    np.testing.assert_array_equal(got.indices, expected.indices)
    np.testing.assert_array_equal(got.data, expected.data)


def test_fast_counts_fall_back_where_they_would_differ() -> None:
    docs = ["Kata Besar kata kecil", "kata besar lagi"]
    for vec in (
        CountVectorizer(token_pattern=r"\S+", ngram_range=(1, 2)),  # lower-cases
        CountVectorizer(token_pattern=r"\S+", lowercase=False, binary=True),
        TfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True),
    ):
        vec.fit(docs)
        assert not supports_counts(vec)
        np.testing.assert_array_equal(
            fast_counts(vec, docs).toarray(), sp.csr_matrix(vec.transform(docs)).toarray()
        )
