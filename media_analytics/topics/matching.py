"""Matching the topics of two fits, so a topic keeps its id when the model is refitted.

Each topic is described by its c-TF-IDF term weights. Two topics are compared by the cosine of
those weights, the vectors aligned on the terms both vocabularies share, and topics are paired
one-to-one by the Hungarian algorithm (maximum total similarity). A pair counts as the same
topic only when its similarity reaches a threshold; everything else is a new topic (new fit) or
a retired one (old fit).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

__all__ = ["TopicIds", "TopicMatch", "carry_over_ids", "match_topics", "topic_similarity"]


@dataclass(frozen=True)
class TopicMatch:
    """The pairing of new topics (rows of the new fit) with old ones.

    Attributes
    ----------
    pairs : list of (int, int, float)
        ``(new_row, old_row, similarity)`` for every pair at or above the threshold.
    new_rows : list of int
        New topics with no partner (they need fresh ids).
    retired_rows : list of int
        Old topics with no partner.
    best_similarity : ndarray of shape (n_new,)
        Each new topic's similarity to its most similar old topic (0 when there is none).
    """

    pairs: list[tuple[int, int, float]]
    new_rows: list[int]
    retired_rows: list[int]
    best_similarity: np.ndarray


def topic_similarity(
    new_weights: np.ndarray,
    new_terms: Sequence[str] | np.ndarray,
    old_weights: np.ndarray,
    old_terms: Sequence[str] | np.ndarray,
) -> np.ndarray:
    """Cosine similarity (new x old) of topic term weights, aligned on the shared vocabulary.

    Only terms in both vocabularies contribute to the dot product, but each vector keeps its
    full length: weight on a term the other vocabulary lacks counts as disagreement. (Dividing
    by the length over the shared terms only would let two unrelated topics look alike through
    the few generic terms they have in common.)

    >>> topic_similarity(np.array([[1.0, 1.0, 0.0]]), ["a", "b", "c"],
    ...                  np.array([[0.0, 2.0], [3.0, 0.0]]), ["b", "z"]).round(3)
    array([[0.   , 0.707]])
    """
    new_names = np.asarray(new_terms, dtype=str)
    old_names = np.asarray(old_terms, dtype=str)
    _, new_idx, old_idx = np.intersect1d(new_names, old_names, return_indices=True)
    A = np.asarray(new_weights, dtype=np.float64)
    B = np.asarray(old_weights, dtype=np.float64)
    an = np.linalg.norm(A, axis=1, keepdims=True)
    bn = np.linalg.norm(B, axis=1, keepdims=True)
    A = np.divide(A, an, out=np.zeros_like(A), where=an > 0)
    B = np.divide(B, bn, out=np.zeros_like(B), where=bn > 0)
    sim: np.ndarray = A[:, new_idx] @ B[:, old_idx].T
    return sim


def match_topics(similarity: np.ndarray, threshold: float) -> TopicMatch:
    """Pair new topics with old ones one-to-one, keeping pairs with similarity >= threshold.

    The pairing maximises the total similarity of the pairs kept (those below the threshold
    count as zero).

    >>> m = match_topics(np.array([[0.9, 0.1], [0.2, 0.3], [0.1, 0.8]]), 0.5)
    >>> m.pairs, m.new_rows, m.retired_rows
    ([(0, 0, 0.9), (2, 1, 0.8)], [1], [])
    >>> match_topics(np.array([[0.68, 0.0], [0.74, 0.4]]), 0.5).pairs
    [(1, 0, 0.74)]
    """
    S = np.asarray(similarity, dtype=np.float64)
    n_new, n_old = S.shape
    best = S.max(axis=1) if n_old else np.zeros(n_new)
    pairs: list[tuple[int, int, float]] = []
    if n_new and n_old:
        # only pairs that count as the same topic add to the total: a pair below the threshold
        # must not let a weaker match take a topic from a stronger one (new "warga, jalan" kept
        # the id of old "harga, pasar, petani" while new "harga, pasar, petani" got a new one)
        rows, cols = linear_sum_assignment(np.where(threshold <= S, S, 0.0), maximize=True)
        for r, c in zip(rows, cols, strict=True):
            if S[r, c] >= threshold:
                pairs.append((int(r), int(c), float(S[r, c])))
    matched_new = {p[0] for p in pairs}
    matched_old = {p[1] for p in pairs}
    return TopicMatch(
        pairs=pairs,
        new_rows=[r for r in range(n_new) if r not in matched_new],
        retired_rows=[c for c in range(n_old) if c not in matched_old],
        best_similarity=best,
    )


@dataclass(frozen=True)
class TopicIds:
    """Public ids for the topics of a fit, and the registry that goes with them.

    Attributes
    ----------
    ids : ndarray of int
        Id of each topic (row).
    generation : int
        0 for a first fit, previous generation + 1 for a refit.
    next_id : int
        The next id never used in this lineage of fits.
    retired : list of dict
        ``{"id", "label", "generation", "size"}`` of every topic no later fit matched (``size``:
        its articles in the fit it was last part of; absent in models saved before it was kept).
    matches : list of dict
        Per topic, largest first: ``{"id", "label", "previous_id", "previous_label",
        "similarity"}``; ``previous_id`` is -1 for a new topic, whose ``similarity`` is then to
        the closest previous topic (all below the threshold, or taken by a better match).
    """

    ids: np.ndarray
    generation: int
    next_id: int
    retired: list[dict[str, Any]]
    matches: list[dict[str, Any]]


def carry_over_ids(
    sizes: np.ndarray,
    labels: Sequence[str],
    weights: np.ndarray,
    terms: Sequence[str] | np.ndarray,
    *,
    previous: Any = None,
    threshold: float = 0.5,
) -> TopicIds:
    """Give the topics of a new fit their ids.

    Without ``previous``, topics are numbered by size (0 = largest, ties by row). With a previous
    fitted model (anything with ``topic_ids_``, ``topic_labels_``, ``topic_term_weights_``,
    ``topic_sizes_``, ``vectorizer_``, ``generation_``, ``next_topic_id_`` and
    ``retired_topics_``), topics matched to one of its topics (:func:`match_topics` at
    ``threshold``) keep that topic's id; the others get ids from ``previous.next_topic_id_`` on,
    largest first, so an id is never reused; its unmatched topics are added to the retired list.
    """
    k = len(sizes)
    by_size = np.lexsort((np.arange(k), -np.asarray(sizes)))
    ids = np.full(k, -1, dtype=np.int64)
    partner = np.full(k, -1, dtype=np.int64)
    similarity = np.zeros(k)  # best similarity to any previous topic
    pair_sim = np.zeros(k)  # similarity to the partner, for matched topics
    if previous is None:
        ids[by_size] = np.arange(k)
        generation, next_id, retired = 0, k, []
        old_labels: list[str] = []
    else:
        sim = topic_similarity(
            weights,
            terms,
            previous.topic_term_weights_,
            previous.vectorizer_.get_feature_names_out(),
        )
        match = match_topics(sim, threshold)
        similarity = match.best_similarity
        for new, old, value in match.pairs:
            ids[new] = previous.topic_ids_[old]
            partner[new] = old
            pair_sim[new] = value
        next_id = int(previous.next_topic_id_)
        for new in by_size:
            if ids[new] < 0:
                ids[new], next_id = next_id, next_id + 1
        generation = int(previous.generation_) + 1
        old_labels = list(previous.topic_labels_)
        retired = [dict(r) for r in previous.retired_topics_] + [
            {
                "id": int(previous.topic_ids_[i]),
                "label": old_labels[i],
                "generation": generation,
                "size": int(previous.topic_sizes_[i]),
            }
            for i in match.retired_rows
        ]
    matches = [
        {
            "id": int(ids[r]),
            "label": labels[r],
            "previous_id": int(ids[r]) if partner[r] >= 0 else -1,
            "previous_label": old_labels[partner[r]] if partner[r] >= 0 else "",
            "similarity": round(float(similarity[r] if partner[r] < 0 else pair_sim[r]), 4),
        }
        for r in by_size
    ]
    return TopicIds(ids, generation, next_id, retired, matches)
