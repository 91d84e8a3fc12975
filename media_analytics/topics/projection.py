"""Non-negative projection of documents onto fixed topic vectors.

Given unit-length topic vectors ``H`` (topics x terms), each document ``x`` gets the weights
``w >= 0`` that minimise ``||x - w H||``: a small non-negative least-squares problem (one per
document, ``k`` unknowns) solved by cyclic coordinate descent on the ``k x k`` Gram matrix.

The same function assigns the training documents at the end of ``fit`` and new documents in
``transform``, so the fitted assignment is reproduced exactly. A document's result does not
depend on which other documents share its batch, to the last bit: each document stops updating
as soon as its own weights settle, and no step uses a BLAS kernel whose rounding depends on the
batch size.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

__all__ = ["assign_topics", "project_nonnegative", "topic_shares"]


def project_nonnegative(
    X: sp.spmatrix | np.ndarray,
    components: np.ndarray,
    *,
    max_iter: int = 200,
    tol: float = 1e-6,
) -> np.ndarray:
    """Non-negative least-squares weights of each row of ``X`` on the rows of ``components``.

    Parameters
    ----------
    X : sparse matrix or ndarray of shape (n_docs, n_terms)
        Document vectors (for the topic model: L2-normalised TF-IDF).
    components : ndarray of shape (n_topics, n_terms)
        Topic vectors; none may be all zero.
    max_iter : int, default=200
        Upper bound on coordinate-descent sweeps per document.
    tol : float, default=1e-6
        A document is settled when no weight moved by more than ``tol`` in a sweep.

    Returns
    -------
    ndarray of shape (n_docs, n_topics), float64
        Non-negative weights; all zero for a document with no known term.

    Examples
    --------
    >>> H = np.array([[1.0, 0.0, 0.0], [0.0, 0.6, 0.8]])
    >>> project_nonnegative(np.array([[0.0, 0.6, 0.8], [1.0, -1.0, 0.0]]), H).round(3)
    array([[0., 1.],
           [1., 0.]])
    """
    H, gram, diag = _prepared(components)
    b = np.asarray(X @ H.T, dtype=np.float64)  # sparse rows: computed row by row
    return _descend(b, gram, diag, max_iter, tol)


# Scoring projects batch after batch onto the same topic vectors. The float64 copy and the Gram
# matrix are kept for the last few arrays seen: the Gram product is a BLAS call that costs 0.1 ms
# alone but can wait 100 ms for a BLAS thread when other processes hold the cores. An entry is
# used only while its array is the same object with the same values.
_PREPARED: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = {}


def _prepared(components: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    hit = _PREPARED.get(id(components))
    if hit is not None and hit[0] is components and np.array_equal(hit[1], components):
        return hit[2], hit[3], hit[4]
    H = np.array(components, dtype=np.float64)  # always a copy: the snapshot of the values
    gram = H @ H.T
    diag = np.diag(gram).copy()
    if np.any(diag <= 0):
        raise ValueError("every topic vector must have a non-zero entry")
    if len(_PREPARED) >= 4:
        _PREPARED.clear()
    if isinstance(components, np.ndarray):
        _PREPARED[id(components)] = (components, H, H, gram, diag)
    return H, gram, diag


def _descend(
    b: np.ndarray, gram: np.ndarray, diag: np.ndarray, max_iter: int, tol: float
) -> np.ndarray:
    k = gram.shape[0]
    W = np.zeros_like(b)
    active = np.flatnonzero(np.any(b > 0, axis=1))  # rows with no positive overlap stay zero
    for _ in range(max_iter):
        if active.size == 0:
            break
        Wa = W[active]  # C-contiguous: one row per document
        start = Wa.copy()
        ba = b[active]
        for j in range(k):
            # sum_l W[:, l] * G[l, j] as a row-wise sum: NumPy reduces each row on its own, so a
            # document's weights do not depend on the size of its batch (a BLAS matrix-vector
            # product picks kernels by the number of rows, which changes the last bits)
            col = ba[:, j] - (Wa * gram[j]).sum(axis=1)
            col /= diag[j]
            col += Wa[:, j]
            np.maximum(col, 0.0, out=col)
            Wa[:, j] = col
        W[active] = Wa
        # each weight moves once per sweep; a document is settled when none moved by > tol
        active = active[np.abs(Wa - start).max(axis=1) > tol]
    return W


def topic_shares(weights: np.ndarray) -> np.ndarray:
    """Each row divided by its sum (rows of zeros stay zero): the share of each topic.

    >>> topic_shares(np.array([[1.0, 3.0], [0.0, 0.0]]))
    array([[0.25, 0.75],
           [0.  , 0.  ]])
    """
    totals = weights.sum(axis=1, keepdims=True)
    return np.divide(weights, totals, out=np.zeros_like(weights), where=totals > 0)


def assign_topics(weights: np.ndarray, min_share: float) -> tuple[np.ndarray, np.ndarray]:
    """Column of the best topic per row, and that topic's share of the row's weight.

    A row gets ``-1`` ("no clear topic") when it has no weight at all (no known term) or when
    its best topic holds less than ``min_share`` of its weight.

    >>> assign_topics(np.array([[1.0, 3.0], [1.0, 1.2], [0.0, 0.0]]), 0.55)
    (array([ 1, -1, -1]), array([0.75      , 0.54545455, 0.        ]))
    """
    shares = topic_shares(weights)
    best = np.argmax(shares, axis=1) if shares.shape[1] else np.zeros(len(shares), dtype=int)
    score = shares[np.arange(len(shares)), best] if shares.shape[1] else np.zeros(len(shares))
    labels = best.astype(np.int64)
    labels[(score < min_share) | (weights.sum(axis=1) <= 0)] = -1
    return labels, score
