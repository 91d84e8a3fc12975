"""Class-based TF-IDF: which terms set one cluster of documents apart from the others."""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

__all__ = ["ClassTfidfTransformer", "class_term_counts"]


def class_term_counts(counts: sp.spmatrix, labels: np.ndarray, n_classes: int) -> sp.csr_matrix:
    """Sum the term counts of the documents of each class (label ``-1`` is left out).

    >>> C = sp.csr_matrix(np.array([[1, 0], [2, 1], [0, 5]]))
    >>> class_term_counts(C, np.array([0, 0, -1]), 2).toarray()
    array([[3., 1.],
           [0., 0.]])
    """
    labels = np.asarray(labels)
    keep = labels >= 0
    rows = labels[keep]
    member = sp.csr_matrix(
        (np.ones(rows.size), (rows, np.flatnonzero(keep))), shape=(n_classes, labels.size)
    )
    return sp.csr_matrix(member @ sp.csr_matrix(counts, dtype=np.float64))


class ClassTfidfTransformer(TransformerMixin, BaseEstimator):
    """TF-IDF where the "documents" are whole classes (topics), as in c-TF-IDF.

    The weight of term ``t`` in class ``c`` is ``tf(t, c) * log(1 + A / f(t))``: ``tf`` the
    term's share of the class's (square-rooted, see below) counts, ``f(t)`` its count over all
    classes and ``A`` the average number of term occurrences per class. A term that is common
    everywhere scores low in every class, however frequent it is.

    Parameters
    ----------
    reduce_frequent_words : bool, default=True
        Take the square root of the counts before computing ``tf``. This damps generic words
        that are frequent in every cluster (``tahun``, ``indonesia``); on CLICK-ID it raised the
        topic diversity of the top-25 terms from 0.79 to 0.91 at 20 topics and the NPMI of the
        top 10 from 0.36 to 0.42 (``bench/topics.py``).

    Attributes
    ----------
    idf_ : ndarray of shape (n_terms,)
        ``log(1 + A / f(t))`` learnt in ``fit``.

    Examples
    --------
    >>> counts = np.array([[5, 5, 0], [5, 0, 5]])
    >>> ClassTfidfTransformer().fit_transform(counts).round(2)
    array([[0.35, 0.55, 0.  ],
           [0.35, 0.  , 0.55]])
    """

    def __init__(self, *, reduce_frequent_words: bool = True) -> None:
        self.reduce_frequent_words = reduce_frequent_words

    def fit(self, X: Any, y: Any = None) -> ClassTfidfTransformer:
        """Learn the term weights from a class x term count matrix."""
        M = _dense_counts(X)
        n_classes = max(M.shape[0], 1)
        per_term = M.sum(axis=0)
        average = M.sum() / n_classes
        self.idf_ = np.log1p(average / np.maximum(per_term, 1.0))
        self.n_features_in_ = M.shape[1]
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Class x term weights (dense: there are few classes)."""
        check_is_fitted(self, "idf_")
        M = _dense_counts(X)
        if M.shape[1] != self.idf_.size:
            raise ValueError(f"expected {self.idf_.size} terms, got {M.shape[1]}")
        tf = np.sqrt(M) if self.reduce_frequent_words else M
        totals = tf.sum(axis=1, keepdims=True)
        tf = np.divide(tf, totals, out=np.zeros_like(tf), where=totals > 0)
        weights: np.ndarray = tf * self.idf_
        return weights


def _dense_counts(X: Any) -> np.ndarray:
    M = X.toarray() if sp.issparse(X) else np.asarray(X)
    M = np.asarray(M, dtype=np.float64)
    if M.ndim != 2:
        raise ValueError(f"expected a 2-D class x term count matrix, got shape {M.shape}")
    if np.any(M < 0):
        raise ValueError("class-term counts must be non-negative")
    return M
