"""Learning topic vectors (NMF) and choosing how many topics to learn.

The number of topics is chosen by *topic quality* (Dieng, Ruiz & Blei 2020): the mean NPMI
coherence of each topic's top 10 terms times the diversity of the top 25 terms of all topics,
both measured on the documents the model learns from. Coherence alone rewards many narrow
topics; diversity alone rewards few broad ones; their product peaks where topics are both
readable and distinct. Ties go to fewer topics.

The product only ranks candidates whose coherence is positive: with a negative NPMI, a lower
diversity would give a *higher* product, and the least diverse candidate would win (on 300
headlines, 40 topics of 3 or 4 articles each). When no candidate is coherent (texts too short
for words to co-occur, such as headlines), the fewest topics are chosen, with a warning (a refit
keeps the previous model's number, when it is among the candidates).

A refit (``fit(..., previous=model)``) keeps the previous model's number of topics unless
another candidate is *clearly* better: its quality must exceed the previous count's by more than
:data:`PREVIOUS_COUNT_MARGIN` (relative). The quality curve is flat near its peak, so the best
count otherwise flips with a few more articles or another row order, and topics of the trend
lines are retired for a difference within that noise.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.decomposition import NMF
from threadpoolctl import threadpool_limits

from ..preprocessing.parallel import effective_n_jobs
from .ctfidf import ClassTfidfTransformer, class_term_counts
from .metrics import npmi_from_presence, topic_diversity
from .projection import assign_topics, project_nonnegative
from .terms import select_terms

__all__ = [
    "PREVIOUS_COUNT_MARGIN",
    "best_n_topics",
    "describe_topics",
    "fit_components",
    "score_n_topics",
]

logger = logging.getLogger(__name__)

#: How much better (relative topic quality) another number of topics must score for a refit to
#: leave the previous model's number. On 3,000 CLICK-ID articles, 100 more articles moved a
#: candidate's quality by up to 7% (16 topics: 0.355, then 0.329), and a flip of the best count
#: came from a gap of 3% (16 topics 0.342 against 0.352 for 12); 10% is above that noise.
PREVIOUS_COUNT_MARGIN = 0.10


def fit_components(
    X: sp.spmatrix,
    n_topics: int,
    *,
    random_state: Any,
    max_iter: int,
    tol: float,
    limit_blas: bool = True,
) -> np.ndarray:
    """Unit-length, non-negative topic vectors from an NMF of the TF-IDF matrix ``X``.

    The factorisation starts from NNDSVDa (Boutsidis & Gallopoulos 2008: a truncated SVD split
    into non-negative parts, zeros filled with the mean of ``X``) rather than from random numbers,
    and runs coordinate descent without shuffling: the seed only reaches the randomised SVD, so
    different seeds give (nearly) the same topics. Plain NNDSVD keeps exact zeros that can stall
    coordinate descent on small corpora. Components that come out all zero are dropped.

    BLAS is held to one thread: the dense products here are small (topics x topics), and on a
    busy machine idle BLAS threads spinning on them cost four times the CPU (measured). A caller
    that already holds that limit (around threads fitting several candidates) passes
    ``limit_blas=False``.
    """
    nmf = NMF(
        n_components=n_topics,
        init="nndsvda",
        solver="cd",
        max_iter=max_iter,
        tol=tol,
        random_state=random_state,
    )
    with threadpool_limits(1, user_api="blas") if limit_blas else contextlib.nullcontext():
        nmf.fit(X)
    H = np.asarray(nmf.components_, dtype=np.float64)
    norms = np.linalg.norm(H, axis=1)
    H = H[norms > 0] / norms[norms > 0, None]
    return H


def describe_topics(
    class_counts: sp.spmatrix | np.ndarray,
    feature_names: Sequence[str] | np.ndarray,
    n_terms: int,
    *,
    reduce_frequent_words: bool = True,
    keep: Callable[[str], bool] | None = None,
) -> tuple[np.ndarray, list[list[str]]]:
    """c-TF-IDF weights of each topic (from its members' summed counts) and its top stems
    (two-word terms only where ``keep`` accepts them, see :func:`select_terms`)."""
    ctfidf = ClassTfidfTransformer(reduce_frequent_words=reduce_frequent_words)
    weights = ctfidf.fit_transform(class_counts)
    return weights, [select_terms(row, feature_names, n_terms, keep) for row in weights]


def score_n_topics(
    X: sp.spmatrix,
    counts: sp.spmatrix,
    grid: Sequence[int],
    feature_names: Sequence[str] | np.ndarray,
    *,
    min_share: float,
    random_state: Any,
    max_iter: int,
    tol: float,
    n_jobs: int | None = None,
) -> tuple[list[dict[str, float]], dict[int, np.ndarray]]:
    """Fit each candidate number of topics on ``X`` and measure its quality.

    Returns one row per candidate, in ``grid`` order: ``n_topics``, ``npmi`` (mean NPMI of the
    top 10 terms), ``diversity`` (top 25), ``quality`` (their product) and ``unassigned`` (share
    of documents with no clear topic); and the topic vectors of each candidate, by number of
    topics. ``n_jobs`` candidates are fitted at once (in threads: the factorisation runs without
    the GIL); each fit is deterministic, so nothing depends on ``n_jobs``.
    """
    index = {str(t): i for i, t in enumerate(feature_names)}
    ks = [int(k) for k in grid]
    workers = min(effective_n_jobs(n_jobs), len(ks)) if ks else 1
    presence_all = sp.csc_matrix(counts)

    def one(k: int) -> tuple[dict[str, float], np.ndarray]:
        # SciPy's sparse matrices are not safe to share between threads (checking a matrix's
        # format may rewrite its arrays, which broke a concurrent transpose): each thread
        # reads its own copies
        Xk, Ck, presence = (
            (X.copy(), counts.copy(), presence_all.copy())
            if workers > 1
            else (X, counts, presence_all)
        )
        H = fit_components(
            Xk, k, random_state=random_state, max_iter=max_iter, tol=tol, limit_blas=False
        )
        labels, _ = assign_topics(project_nonnegative(Xk, H), min_share)
        class_counts = class_term_counts(Ck, labels, H.shape[0])
        _, stems = describe_topics(class_counts, feature_names, 25)
        stems = [s for s in stems if s]
        npmi = npmi_from_presence(presence, [[index[t] for t in s[:10]] for s in stems])
        coherence = float(np.nanmean(npmi)) if np.any(np.isfinite(npmi)) else -1.0
        diversity = topic_diversity(stems, top_n=25) if stems else 0.0
        row = {
            "n_topics": int(k),
            "npmi": coherence,
            "diversity": float(diversity),
            "quality": coherence * float(diversity),
            "unassigned": float(np.mean(labels < 0)),
        }
        logger.info(
            "n_topics=%d: npmi=%.3f diversity=%.3f quality=%.3f",
            k,
            row["npmi"],
            row["diversity"],
            row["quality"],
        )
        return row, H

    # BLAS held to one thread around the whole pool (a limit set and restored inside each
    # thread would race with the others)
    with threadpool_limits(1, user_api="blas"):
        if workers <= 1:
            results = {k: one(k) for k in ks}
        else:
            # the largest candidates take longest: start them first so the threads finish together
            with ThreadPoolExecutor(max_workers=workers) as pool:
                futures = {k: pool.submit(one, k) for k in sorted(set(ks), reverse=True)}
                results = {k: f.result() for k, f in futures.items()}
    return [results[k][0] for k in ks], {k: results[k][1] for k in ks}


def best_n_topics(
    rows: Sequence[dict[str, float]],
    *,
    previous: int | None = None,
    margin: float = PREVIOUS_COUNT_MARGIN,
) -> int:
    """The coherent candidate (NPMI >= 0) with the highest quality (the smallest on a tie);
    the smallest candidate, with a warning, when none is coherent (see the module notes).

    With ``previous`` (the number of topics of the model being refitted, one of the candidates),
    that number is kept unless the best candidate's quality exceeds its quality by more than
    ``margin`` (relative), or it is not coherent.

    >>> best_n_topics([{"n_topics": 12, "npmi": -0.51, "diversity": 0.60, "quality": -0.31},
    ...                {"n_topics": 40, "npmi": -0.28, "diversity": 0.43, "quality": -0.12}])
    12
    >>> rows = [{"n_topics": 12, "npmi": 0.37, "diversity": 0.95, "quality": 0.352},
    ...         {"n_topics": 16, "npmi": 0.36, "diversity": 0.95, "quality": 0.342}]
    >>> best_n_topics(rows), best_n_topics(rows, previous=16)
    (12, 16)
    >>> incoherent = [dict(r, npmi=-r["npmi"], quality=-r["quality"]) for r in rows]
    >>> best_n_topics(incoherent), best_n_topics(incoherent, previous=16)
    (12, 16)
    """
    coherent = [r for r in rows if r["npmi"] >= 0]
    if not coherent:
        counts = [int(r["n_topics"]) for r in rows]
        # none is better than another: a refit keeps the previous count (trend lines go on)
        chosen = previous if previous in counts else min(counts)
        logger.warning(
            "no candidate number of topics gives coherent topics (NPMI < 0 for all of %s: the "
            "texts may be too short for their words to co-occur, such as headlines); using %s, "
            "%d; a fixed n_topics (--topics K) chooses otherwise",
            counts,
            "the previous model's" if chosen == previous else "the fewest",
            chosen,
        )
        return chosen
    best = max(coherent, key=lambda r: (r["quality"], -r["n_topics"]))
    kept = [r for r in coherent if int(r["n_topics"]) == previous]
    if kept and int(best["n_topics"]) != previous:
        if best["quality"] <= kept[0]["quality"] * (1 + margin):
            logger.info(
                "keeping the previous model's %d topics (quality %.3f; the best, %d topics, "
                "scores %.3f, not more than %.0f%% better)",
                previous,
                kept[0]["quality"],
                int(best["n_topics"]),
                best["quality"],
                100 * margin,
            )
            return int(kept[0]["n_topics"])
        logger.info(
            "leaving the previous model's %d topics (quality %.3f): %d topics score %.3f, more "
            "than %.0f%% better",
            previous,
            kept[0]["quality"],
            int(best["n_topics"]),
            best["quality"],
            100 * margin,
        )
    return int(best["n_topics"])
