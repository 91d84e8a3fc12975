"""Top terms of a topic, without repeats, in the words analysts read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

__all__ = ["readable_term", "select_terms"]


def select_terms(
    weights: np.ndarray, feature_names: Sequence[str] | np.ndarray, n: int
) -> list[str]:
    """The ``n`` best-weighted terms, with each word appearing in at most one of them.

    Terms are unigrams or space-joined bigrams. Scanning from the best weight down:

    - a term that repeats a word already shown is skipped (``pilkada`` after ``aman pilkada``,
      or ``aman pilkada`` after ``aman`` and ``tps``), so a label never says the same thing twice
      and coherence scores are not inflated by a phrase agreeing with its own parts;
    - except that a bigram whose words were both already chosen as separate unigrams replaces
      them (``joko, widodo`` becomes ``joko widodo``) when it ranks within the top ``2 * n``.

    Parameters
    ----------
    weights : ndarray of shape (n_terms,)
        Term weights of one topic (larger is better); terms with weight <= 0 are never chosen.
    feature_names : sequence of str
        Term of each column.
    n : int
        Number of terms wanted (fewer are returned when fewer have a positive weight).

    Examples
    --------
    >>> names = ["joko", "widodo", "joko widodo", "presiden", "istana"]
    >>> select_terms(np.array([0.9, 0.8, 0.7, 0.6, 0.0]), names, 3)
    ['joko widodo', 'presiden']
    """
    weights = np.asarray(weights)
    positive = int(np.count_nonzero(weights > 0))
    budget = min(positive, max(20 * n, 200))
    if budget == 0:
        return []
    candidates = np.argpartition(-weights, budget - 1)[:budget]
    # stable order: by weight, then by column, so ties never depend on the partition
    order = candidates[np.lexsort((candidates, -weights[candidates]))]
    chosen: list[str] = []
    owner: dict[str, str] = {}  # word -> the chosen term that contains it
    for rank, j in enumerate(order):
        if len(chosen) >= n:
            break
        term = str(feature_names[j])
        words = term.split(" ")
        holders = [owner.get(w) for w in words]
        if all(h is None for h in holders):
            chosen.append(term)
            owner.update((w, term) for w in words)
            continue
        merge = (
            len(words) > 1
            and rank < 2 * n
            and all(h is not None and " " not in h for h in holders)
            and len(set(holders)) == len(words)
        )
        if merge:
            first = min(chosen.index(h) for h in holders if h is not None)
            for h in holders:
                if h is not None:
                    chosen.remove(h)
            chosen.insert(min(first, len(chosen)), term)
            owner.update((w, term) for w in words)
    return chosen


def readable_term(term: str, surface_forms: Any) -> str:
    """A stem (or space-joined stems) as the written words: ``aman pilkada`` ->
    ``pengamanan pilkada``.

    ``surface_forms`` is a :class:`~media_analytics.preprocessing.SurfaceForms`, a plain
    ``dict`` stem -> word, or ``None`` (the stems are returned unchanged).

    >>> readable_term("aman pilkada", {"aman": "pengamanan"})
    'pengamanan pilkada'
    """
    if surface_forms is None:
        return term
    if isinstance(surface_forms, Mapping):
        return " ".join(str(surface_forms.get(p, p)) for p in term.split(" "))
    return " ".join(str(surface_forms[p]) for p in term.split(" "))
