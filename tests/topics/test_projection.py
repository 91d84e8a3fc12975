from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.optimize import nnls

from media_analytics.topics.projection import project_nonnegative


def _problem(n_docs: int = 300, n_terms: int = 400, k: int = 30) -> tuple[Any, np.ndarray]:
    rng = np.random.default_rng(7)
    H = rng.random((k, n_terms)) * (rng.random((k, n_terms)) < 0.1)
    H[np.arange(k), np.arange(k)] += 1.0  # no empty topic
    X = sp.random(n_docs, n_terms, density=0.05, random_state=8, format="csr")
    return X, H


def test_weights_solve_the_nonnegative_least_squares_problem() -> None:
    X, H = _problem(n_docs=20)
    W = project_nonnegative(X, H, max_iter=5000, tol=1e-12)
    for i in range(X.shape[0]):
        x = X[i].toarray().ravel()
        best, _ = nnls(H.T, x)
        assert np.linalg.norm(H.T @ W[i] - x) <= np.linalg.norm(H.T @ best - x) + 1e-6


def test_a_document_gets_the_same_bits_alone_or_in_any_batch() -> None:
    # scoring works in chunks of any size; fitted labels come from one big batch
    X, H = _problem()
    whole = project_nonnegative(X, H)
    for size in (1, 7, 64):
        parts = [project_nonnegative(X[s : s + size], H) for s in range(0, X.shape[0], size)]
        np.testing.assert_array_equal(np.vstack(parts), whole)


def test_changed_topic_vectors_are_not_served_from_the_cache() -> None:
    X, H = _problem(n_docs=10)
    before = project_nonnegative(X, H)
    H[:, :50] = 0.0  # same array object, new values
    H[np.arange(H.shape[0]), 100 + np.arange(H.shape[0])] += 1.0
    np.testing.assert_array_equal(project_nonnegative(X, H), project_nonnegative(X, H.copy()))
    assert not np.array_equal(project_nonnegative(X, H), before)
