"""Quality measures for topic models: coherence, diversity, stability, agreement with labels.

All of them take plain data (lists of terms, arrays of labels), so they score any topic model,
not only :class:`~media_analytics.topics.TopicModel`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

__all__ = [
    "category_nmi",
    "npmi_coherence",
    "npmi_from_presence",
    "pairwise_ari",
    "topic_diversity",
]


def npmi_from_presence(
    presence: sp.spmatrix | np.ndarray, topics: Sequence[Sequence[int]]
) -> np.ndarray:
    """NPMI coherence of each topic from a binary document x term presence matrix.

    Parameters
    ----------
    presence : sparse matrix or ndarray of shape (n_docs, n_terms)
        Non-zero where the term occurs in the document.
    topics : sequence of sequences of int
        Column indices of each topic's terms.

    Returns
    -------
    ndarray of shape (n_topics,)
        Mean NPMI over the term pairs of each topic (NaN for a topic with fewer than two terms).
    """
    B = sp.csc_matrix(presence, dtype=np.float64)
    B.data[:] = 1.0
    n_docs = B.shape[0]
    out = np.full(len(topics), np.nan)
    if n_docs == 0:
        return out
    for t, cols in enumerate(topics):
        cols = list(cols)
        if len(cols) < 2:
            continue
        sub = B[:, cols]
        joint = (sub.T @ sub).toarray() / n_docs
        single = np.diag(joint)
        scores = []
        for i, j in combinations(range(len(cols)), 2):
            p_ij = joint[i, j]
            if p_ij <= 0:
                scores.append(-1.0)  # never together: the lowest NPMI
            elif p_ij >= 1:
                scores.append(1.0)  # together in every document
            else:
                pmi = np.log(p_ij / (single[i] * single[j]))
                scores.append(pmi / -np.log(p_ij))
        out[t] = float(np.mean(scores))
    return out


def npmi_coherence(
    topics: Sequence[Sequence[str]], reference: Iterable[str], *, top_n: int = 10
) -> np.ndarray:
    """NPMI coherence of each topic's top ``top_n`` terms on a reference corpus.

    Probabilities are document frequencies in ``reference`` (a term "occurs" in a document if it
    appears anywhere in it). For each pair of terms ``NPMI = log(p(a,b) / (p(a) p(b))) /
    -log p(a,b)``, in [-1, 1]; a pair that never co-occurs scores -1. A topic's coherence is the
    mean over its pairs (Bouma 2009; Lau, Newman & Baldwin 2014).

    Parameters
    ----------
    topics : sequence of sequences of str
        Terms of each topic, best first, in the token space of ``reference`` (stems, and bigrams
        as two space-joined stems).
    reference : iterable of str
        Documents as space-joined tokens (``TextPreprocessor`` output).
    top_n : int, default=10

    Returns
    -------
    ndarray of shape (n_topics,)

    Examples
    --------
    >>> ref = ["bola gol liga", "bola gol", "banjir hujan", "banjir hujan sungai"]
    >>> npmi_coherence([["bola", "gol"], ["bola", "hujan"]], ref).round(2)
    array([ 1., -1.])
    """
    heads = [list(t)[:top_n] for t in topics]
    vocab = sorted({term for t in heads for term in t})
    if not vocab:
        return np.full(len(heads), np.nan)
    longest = max(len(term.split(" ")) for term in vocab)
    vec = CountVectorizer(
        token_pattern=r"\S+",
        lowercase=False,
        ngram_range=(1, longest),
        vocabulary=vocab,
        binary=True,
    )
    presence = vec.transform(reference)
    index = {term: i for i, term in enumerate(vocab)}
    return npmi_from_presence(presence, [[index[term] for term in t] for t in heads])


def topic_diversity(topics: Sequence[Sequence[str]], *, top_n: int = 25) -> float:
    """Share of unique terms among the top ``top_n`` terms of all topics (Dieng et al. 2020).

    1.0 means no two topics share a top term; a term is counted as written (a bigram is one
    term).

    >>> topic_diversity([["a", "b"], ["b", "c"]], top_n=2)
    0.75
    """
    heads = [list(t)[:top_n] for t in topics]
    total = sum(len(t) for t in heads)
    if total == 0:
        return float("nan")
    return len({term for t in heads for term in t}) / total


def pairwise_ari(labelings: Sequence[Any]) -> np.ndarray:
    """Adjusted Rand index between every pair of labelings of the same documents.

    Returns the condensed list of pair scores (``n * (n - 1) / 2`` values, in
    ``itertools.combinations`` order); its minimum is the worst disagreement between two runs.

    >>> pairwise_ari([[0, 0, 1, 1], [1, 1, 0, 0], [0, 1, 0, 1]]).round(2)
    array([ 1. , -0.5, -0.5])
    """
    arrays = [np.asarray(x) for x in labelings]
    return np.array([adjusted_rand_score(a, b) for a, b in combinations(arrays, 2)])


def category_nmi(labels: Any, categories: Any) -> float:
    """Normalised mutual information between topic ids and known categories.

    Documents whose category is missing (``None`` or NaN) are left out; topic ``-1`` ("no clear
    topic") counts as one more cluster, so leaving documents unassigned is not free.

    >>> category_nmi([0, 0, 1, 1, -1], ["a", "a", "b", "b", None])
    1.0
    """
    lab = np.asarray(labels)
    cat = np.asarray(categories, dtype=object)
    known = np.array([c is not None and c == c for c in cat], dtype=bool)  # c == c: not NaN
    return float(normalized_mutual_info_score(cat[known].astype(str), lab[known]))
