"""Word vectors learnt from the training texts themselves, pooled into one vector per text.

:class:`PooledWordVectors` gives each word of the training texts a dense vector from its
neighbours (positive pointwise mutual information of words within a few positions of each
other, reduced by a truncated SVD), and reads a text as the element-wise mean, maximum and
minimum of its words' vectors ("simple word-embedding pooling"). It needs no labels and no data
beyond the texts it is fitted on, so it can be fitted on a training split without leaking
anything from the test data, and it stores nothing but a vocabulary and a matrix, so a model
that holds it still saves and loads with skops without pickle.

Pooled vectors see what n-grams miss: two words that are used alike ("anjlok", "merosot") get
close vectors even when only one of them is in a labelled example. :class:`SentimentClassifier`
can add a logistic regression over them as a further member (``embed=True``), which
cross-validation keeps only where it helps.

>>> texts = ["harga saham naik tajam", "harga saham turun tajam", "saham bank naik",
...          "saham bank turun", "harga emas naik", "harga emas turun"] * 3
>>> vec = PooledWordVectors(dim=2, min_count=2).fit(texts)
>>> vec.transform(["saham naik"]).shape
(1, 6)
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.decomposition import TruncatedSVD
from sklearn.utils.validation import check_is_fitted

from ..preprocessing.tokens import tokenize
from .features import as_texts

__all__ = ["PooledWordVectors"]


class PooledWordVectors(TransformerMixin, BaseEstimator):
    """Mean, max and min of PPMI-SVD word vectors learnt from the texts given to ``fit``.

    Parameters
    ----------
    dim : int, default=200
        Length of each word vector (fewer when the vocabulary is smaller); a text's vector has
        ``3 * dim`` values.
    window : int, default=5
        Words up to this many positions apart count as neighbours.
    min_count : int, default=3
        Words seen fewer times have no vector (and are skipped when a text is read).
    max_vocabulary : int, default=50000
        At most this many of the most frequent words get a vector (bounds the model's size).
    context_power : float, default=0.75
        The neighbour counts are raised to this power before the mutual information is taken,
        which keeps rare neighbours from dominating it.
    random_state : int, default=0
        Seed of the randomised SVD.

    Attributes
    ----------
    vocabulary_ : dict of str to int
    vectors_ : ndarray of shape (n_words, dim_), float32
        Unit-length word vectors, one row per word of ``vocabulary_``.
    dim_ : int
    """

    def __init__(
        self,
        *,
        dim: int = 200,
        window: int = 5,
        min_count: int = 3,
        max_vocabulary: int = 50000,
        context_power: float = 0.75,
        random_state: int = 0,
    ) -> None:
        self.dim = dim
        self.window = window
        self.min_count = min_count
        self.max_vocabulary = max_vocabulary
        self.context_power = context_power
        self.random_state = random_state

    def fit(self, X: Any, y: Any = None) -> PooledWordVectors:
        """Learn the vocabulary and the word vectors from the documents ``X`` (``y`` unused)."""
        docs = [tokenize(t) for t in as_texts(X)]
        counts = Counter(w for doc in docs for w in doc)
        frequent = [w for w, c in counts.most_common(int(self.max_vocabulary))]
        frequent = [w for w in frequent if counts[w] >= int(self.min_count)]
        vocabulary = {w: i for i, w in enumerate(sorted(frequent))}
        n = len(vocabulary)
        rows: list[np.ndarray] = []
        cols: list[np.ndarray] = []
        for doc in docs:
            ids = np.fromiter((vocabulary[w] for w in doc if w in vocabulary), dtype=np.int64)
            for k in range(1, int(self.window) + 1):
                if len(ids) > k:
                    rows.append(ids[:-k])
                    cols.append(ids[k:])
        if n < 2 or not rows:
            raise ValueError(
                f"too few repeated words to learn word vectors from ({n} words seen at least "
                f"{self.min_count} times)"
            )
        dim = min(int(self.dim), n - 1)
        r = np.concatenate(rows)
        c = np.concatenate(cols)
        pairs = sp.coo_matrix((np.ones(len(r)), (r, c)), shape=(n, n)).tocsr()
        pairs = (pairs + pairs.T).tocoo()
        total = float(pairs.sum())
        word_total = np.asarray(pairs.sum(axis=1)).ravel()
        context = word_total ** float(self.context_power)
        context = context / context.sum()
        pmi = (
            np.log(pairs.data / total)
            - np.log(word_total[pairs.row] / total)
            - np.log(context[pairs.col])
        )
        keep = pmi > 0
        ppmi = sp.csr_matrix((pmi[keep], (pairs.row[keep], pairs.col[keep])), shape=(n, n))
        vectors = TruncatedSVD(dim, random_state=self.random_state).fit_transform(ppmi)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
        self.vocabulary_ = vocabulary
        self.vectors_ = vectors.astype(np.float32)
        self.dim_ = int(vectors.shape[1])
        return self

    def transform(self, X: Any) -> np.ndarray:
        """One row per text: the mean, max and min of its known words' vectors (zeros if none)."""
        check_is_fitted(self, "vectors_")
        texts = as_texts(X)
        out = np.zeros((len(texts), 3 * self.dim_), dtype=np.float32)
        vocabulary, vectors, d = self.vocabulary_, self.vectors_, self.dim_
        for i, text in enumerate(texts):
            ids = [vocabulary[w] for w in tokenize(text) if w in vocabulary]
            if ids:
                e = vectors[ids]
                out[i, :d] = e.mean(axis=0)
                out[i, d : 2 * d] = e.max(axis=0)
                out[i, 2 * d :] = e.min(axis=0)
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        check_is_fitted(self, "vectors_")
        return np.asarray(
            [f"{pool}{k}" for pool in ("mean", "max", "min") for k in range(self.dim_)],
            dtype=object,
        )
