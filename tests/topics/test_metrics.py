from __future__ import annotations

import logging

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.optimize import nnls

from media_analytics.topics import (
    ClassTfidfTransformer,
    category_nmi,
    match_topics,
    npmi_coherence,
    pairwise_ari,
    topic_diversity,
    topic_similarity,
)
from media_analytics.topics.projection import assign_topics, project_nonnegative
from media_analytics.topics.selection import best_n_topics
from media_analytics.topics.terms import readable_term, select_terms

REFERENCE = [
    "bola gol liga",
    "bola gol stadion",
    "banjir hujan",
    "banjir hujan sungai",
    "bola hujan",
    "harga beras pasar",
]


def test_npmi_by_hand() -> None:
    # p(bola)=3/6, p(gol)=2/6, p(bola,gol)=2/6 -> log(2) / log(3)
    got = npmi_coherence([["bola", "gol"], ["gol", "sungai"], ["bola", "hujan"]], REFERENCE)
    p_bh, p_b, p_h = 1 / 6, 3 / 6, 3 / 6
    assert got[0] == pytest.approx(np.log(2) / np.log(3))
    assert got[1] == -1.0  # never together
    assert got[2] == pytest.approx(np.log(p_bh / (p_b * p_h)) / -np.log(p_bh))


def test_npmi_counts_bigrams_as_phrases_and_uses_top_n() -> None:
    got = npmi_coherence([["harga beras", "pasar", "bola"]], REFERENCE, top_n=2)
    assert got[0] == pytest.approx(1.0)  # the bigram and "pasar" always appear together
    assert np.isnan(npmi_coherence([["bola"]], REFERENCE)[0])


def test_diversity() -> None:
    assert topic_diversity([["a", "b", "c"], ["d", "e", "f"]]) == 1.0
    assert topic_diversity([["a", "b"], ["a", "b"]]) == 0.5
    assert topic_diversity([["a", "b", "c"], ["c", "x", "y"]], top_n=2) == 1.0


def test_pairwise_ari_and_nmi() -> None:
    assert pairwise_ari([[0, 0, 1, 1], [5, 5, 7, 7], [0, 0, 1, 1]]).tolist() == [1.0, 1.0, 1.0]
    assert pairwise_ari([[0, 0, 1, 1], [0, 1, 0, 1]])[0] < 0
    assert category_nmi([3, 3, 4, 4], ["a", "a", "b", "b"]) == pytest.approx(1.0)
    assert category_nmi([3, 4, 3, 4], ["a", "a", "b", "b"]) == pytest.approx(0.0)
    # an unlabelled document is ignored, an unassigned one is a cluster of its own
    assert category_nmi([3, 3, -1, 4, 4], ["a", "a", "a", "b", float("nan")]) < 1.0
    assert category_nmi([3, 3, -1, 4, 4], ["a", "a", None, "b", "b"]) == pytest.approx(1.0)


def test_class_tfidf_damps_words_common_to_all_classes() -> None:
    counts = np.array([[30, 3, 0], [30, 0, 3]])  # term 0 everywhere, 1 and 2 distinctive
    weights = ClassTfidfTransformer().fit_transform(counts)
    assert weights[0, 1] > weights[0, 0] and weights[1, 2] > weights[1, 0]
    raw = ClassTfidfTransformer(reduce_frequent_words=False).fit_transform(counts)
    assert raw[0, 0] > raw[0, 1]  # without the square root, frequency wins
    with pytest.raises(ValueError, match="non-negative"):
        ClassTfidfTransformer().fit(-np.ones((2, 2)))
    assert ClassTfidfTransformer().fit(sp.csr_matrix(counts)).transform(counts).shape == (2, 3)


def test_select_terms_merges_bigrams_and_never_repeats_a_word() -> None:
    names = ["joko", "widodo", "joko widodo", "presiden", "presiden joko", "istana", "rapat"]
    w = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.0])
    assert select_terms(w, names, 3) == ["joko widodo", "presiden", "istana"]
    assert select_terms(w, names, 10) == ["joko widodo", "presiden", "istana"]  # rapat: weight 0
    # a bigram ranked first keeps its words out of later terms
    assert select_terms(np.array([0.1, 0.2, 0.9, 0.3]), names[:4], 2) == ["joko widodo", "presiden"]
    assert select_terms(np.zeros(3), names[:3], 2) == []


def test_readable_terms() -> None:
    assert readable_term("aman pilkada", {"aman": "pengamanan"}) == "pengamanan pilkada"
    assert readable_term("aman", None) == "aman"


def test_projection_solves_nonnegative_least_squares() -> None:
    rng = np.random.default_rng(0)
    H = rng.random((5, 30))
    H /= np.linalg.norm(H, axis=1, keepdims=True)
    X = rng.random((40, 30)) * (rng.random((40, 30)) < 0.3)
    W = project_nonnegative(sp.csr_matrix(X), H, max_iter=5000, tol=1e-12)
    for i in range(len(X)):
        expected, _ = nnls(H.T, X[i])
        np.testing.assert_allclose(W[i], expected, atol=1e-6)
    one_by_one = np.vstack([project_nonnegative(sp.csr_matrix(X[i : i + 1]), H) for i in range(40)])
    np.testing.assert_array_equal(project_nonnegative(sp.csr_matrix(X), H), one_by_one)


def test_assign_topics_threshold() -> None:
    labels, score = assign_topics(np.array([[0.0, 0.0], [2.0, 1.0], [1.0, 1.0]]), 0.6)
    assert labels.tolist() == [-1, 0, -1]
    assert score.tolist() == pytest.approx([0.0, 2 / 3, 0.5])


def test_matching_is_one_to_one_with_a_threshold() -> None:
    old = np.array([[1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 1.0]])
    new = np.array([[0.0, 0.0, 1.0, 0.9], [0.0, 0.0, 1.0, 1.0], [1.0, 0.0, 0.0, 0.0]])
    terms = ["a", "b", "c", "d"]
    sim = topic_similarity(new, terms, old, terms)
    m = match_topics(sim, 0.5)
    assert [(p[0], p[1]) for p in m.pairs] == [(1, 1), (2, 0)]
    assert m.new_rows == [0] and m.retired_rows == []
    strict = match_topics(sim, 0.9)
    assert [(p[0], p[1]) for p in strict.pairs] == [(1, 1)] and strict.retired_rows == [0]


def test_a_pair_below_the_threshold_does_not_take_a_topic_from_a_better_match() -> None:
    # new 0 ("warga, jalan") and new 1 ("harga, pasar") both resemble old 0 ("harga, pasar");
    # new 1 is the closer one, and its sub-threshold likeness to old 1 must not count
    m = match_topics(np.array([[0.68, 0.0], [0.74, 0.4]]), 0.5)
    assert [(p[0], p[1]) for p in m.pairs] == [(1, 0)]
    assert m.new_rows == [0] and m.retired_rows == [1]


def test_similarity_ignores_terms_only_one_side_has_but_keeps_their_weight() -> None:
    # the two topics share only a generic word; renormalising on it alone would say "identical"
    sim = topic_similarity(
        np.array([[0.1, 1.0]]), ["gelar", "vaksin"], np.array([[0.1, 1.0]]), ["gelar", "beras"]
    )
    assert sim[0, 0] < 0.05


def test_an_incoherent_candidate_is_not_rewarded_for_low_diversity(caplog) -> None:
    # on 300 headlines every candidate had a negative NPMI, and the product chose the least
    # diverse: 40 topics of 3 or 4 headlines
    rows = [
        {"n_topics": 12, "npmi": -0.512, "diversity": 0.596, "quality": -0.305},
        {"n_topics": 40, "npmi": -0.280, "diversity": 0.431, "quality": -0.121},
    ]
    with caplog.at_level(logging.WARNING, logger="media_analytics.topics.selection"):
        assert best_n_topics(rows) == 12
    assert "no candidate number of topics gives coherent topics" in caplog.text
    # a coherent candidate beats every incoherent one, and among them quality decides
    rows.append({"n_topics": 20, "npmi": 0.01, "diversity": 0.9, "quality": 0.009})
    rows.append({"n_topics": 25, "npmi": 0.05, "diversity": 0.8, "quality": 0.04})
    assert best_n_topics(rows) == 25
