"""Text -> sparse features for sentiment: word, stem and character n-grams plus lexicon scores."""

from __future__ import annotations

import logging
import weakref
from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from ..persistence import pack_vocabularies, unpack_vocabularies
from .lexicon import LEXICON_FEATURES, LexiconIndex, load_lexicon
from .ngrams import fast_transform
from .tokens import TokenViews, token_views

__all__ = ["SentimentFeatures", "as_texts"]

logger = logging.getLogger(__name__)

# Token weights learnt by each fitted extractor's lexicon look-ups (not part of its state).
_INDEXES: weakref.WeakKeyDictionary[Any, LexiconIndex] = weakref.WeakKeyDictionary()


def as_texts(X: Any) -> list[str]:
    """A list of documents from a list, array, Series or single-column frame; clear errors.

    >>> as_texts(["enak", "mahal"])
    ['enak', 'mahal']
    """
    if isinstance(X, str):
        raise ValueError(
            "Expected an iterable of documents (strings), got a single string; wrap it in a list."
        )
    ndim = getattr(X, "ndim", 1)
    if ndim == 2 and X.shape[1] == 1:
        X = np.asarray(X).ravel()
    elif ndim != 1:
        raise ValueError(f"Expected a 1-D sequence of documents, got shape {X.shape}.")
    texts = list(X)
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise ValueError(f"document {i}: expected str, got {type(t).__name__}")
    return texts


def _vectorizer(ngrams: tuple[int, int], min_df: int, analyzer: str = "word") -> TfidfVectorizer:
    if analyzer == "word":
        # The documents reach the vectoriser already tokenised and space-joined, so splitting on
        # spaces keeps NEG_ marks and reduplicated words ("buku-buku") whole.
        return TfidfVectorizer(
            token_pattern=r"\S+",
            lowercase=False,
            ngram_range=ngrams,
            min_df=min_df,
            sublinear_tf=True,
            dtype=np.float64,
        )
    return TfidfVectorizer(
        analyzer="char_wb",
        lowercase=False,
        ngram_range=ngrams,
        min_df=min_df,
        sublinear_tf=True,
        dtype=np.float64,
    )


class SentimentFeatures(TransformerMixin, BaseEstimator):
    """Raw Indonesian text in, one sparse TF-IDF + lexicon matrix out.

    Four blocks, each optional: word n-grams of the written tokens with negation marks, word
    n-grams of the Sastrawi stems with negation marks, character n-grams inside words, and
    :data:`~media_analytics.sentiment.lexicon.LEXICON_FEATURES` from the polarity lexicon. All
    TF-IDF blocks use sublinear term frequency; each block is L2-normalised separately, so the
    blocks weigh the same whatever their vocabulary size.

    Parameters
    ----------
    word_ngrams : tuple of int or None, default=(1, 3)
        N-gram range over the written tokens; ``None`` drops the block.
    stem_ngrams : tuple of int or None, default=(1, 2)
        N-gram range over the stems; ``None`` drops the block.
    char_ngrams : tuple of int or None, default=(2, 5)
        Character n-gram range (within word boundaries); ``None`` drops the block.
    negation_window : int, default=3
        Tokens marked ``NEG_`` after ``tidak``, ``bukan``, ``belum``, ``tak``, ``jangan``,
        ``kurang`` (and colloquial spellings); ``0`` turns negation handling off.
    lexicon : str or None, default="default"
        ``"default"`` for the bundled lexicon, a path to a ``term<TAB>weight`` file, or ``None``.
    lexicon_weight : float, default=1.0
        Scale of the lexicon block relative to the TF-IDF blocks.
    min_df : int, default=1
        Minimum document frequency of word and stem n-grams.
    char_min_df : int, default=2
        Minimum document frequency of character n-grams.

    Attributes
    ----------
    vectorizers_ : dict of str to TfidfVectorizer
        The fitted blocks, keyed ``"word"``, ``"stem"``, ``"char"``.
    lexicon_ : dict of str to float
        The lexicon in use (a copy, so a saved model does not depend on the file).

    Examples
    --------
    >>> f = SentimentFeatures(char_ngrams=None).fit(["Tidak enak.", "Enak sekali!"])
    >>> "word:tidak NEG_enak" in set(f.get_feature_names_out())
    True
    """

    def __init__(
        self,
        *,
        word_ngrams: tuple[int, int] | None = (1, 3),
        stem_ngrams: tuple[int, int] | None = (1, 2),
        char_ngrams: tuple[int, int] | None = (2, 5),
        negation_window: int = 3,
        lexicon: str | None = "default",
        lexicon_weight: float = 1.0,
        min_df: int = 1,
        char_min_df: int = 2,
    ) -> None:
        self.word_ngrams = word_ngrams
        self.stem_ngrams = stem_ngrams
        self.char_ngrams = char_ngrams
        self.negation_window = negation_window
        self.lexicon = lexicon
        self.lexicon_weight = lexicon_weight
        self.min_df = min_df
        self.char_min_df = char_min_df

    def __getstate__(self) -> dict[str, Any]:
        # each vocabulary saved as one array, not one skops node per term (see ..persistence)
        return pack_vocabularies(super().__getstate__(), ["vectorizers_"])

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(unpack_vocabularies(state))

    def token_settings(self) -> tuple[bool, int]:
        """How the documents are read (:func:`~media_analytics.sentiment.tokens.token_views`'
        ``stem`` and ``negation_window``): extractors with the same settings read the same
        tokens, which one can then hand the other (:meth:`transform_views`)."""
        return self.stem_ngrams is not None or self.lexicon is not None, self.negation_window

    def _views(self, texts: list[str]) -> tuple[dict[str, list[list[str]]], np.ndarray]:
        """The tokens each block reads and the lexicon rows, from one pass over each document."""
        stem, window = self.token_settings()
        return self._blocks_of([token_views(t, stem=stem, negation_window=window) for t in texts])

    def _blocks_of(
        self, token_lists: Sequence[TokenViews]
    ) -> tuple[dict[str, list[list[str]]], np.ndarray]:
        views: dict[str, list[list[str]]] = {
            "word": [v.words for v in token_lists],
            "stem": [v.stems for v in token_lists],
            "char": [v.plain for v in token_lists],
        }
        word_stems = [v.word_stems for v in token_lists]
        rows = np.zeros((len(token_lists), len(LEXICON_FEATURES)))
        if self.lexicon is not None:
            index = _INDEXES.get(self)
            if index is None or index.lexicon is not self.lexicon_:
                index = _INDEXES[self] = LexiconIndex(self.lexicon_)
            rows = index.matrix(views["word"], word_stems)
        return views, rows

    def _blocks(self) -> list[tuple[str, tuple[int, int], int, str]]:
        blocks = []
        if self.word_ngrams is not None:
            blocks.append(("word", tuple(self.word_ngrams), self.min_df, "word"))
        if self.stem_ngrams is not None:
            blocks.append(("stem", tuple(self.stem_ngrams), self.min_df, "word"))
        if self.char_ngrams is not None:
            blocks.append(("char", tuple(self.char_ngrams), self.char_min_df, "char"))
        return blocks  # type: ignore[return-value]

    def _lexicon_block(self, rows: np.ndarray) -> sp.csr_matrix:
        return sp.csr_matrix(rows * float(self.lexicon_weight))

    def fit(self, X: Any, y: Any = None) -> SentimentFeatures:
        """Learn the vocabularies and IDF weights of the blocks from documents ``X``."""
        self._fit(as_texts(X))
        return self

    def _fit(self, texts: list[str]) -> list[sp.csr_matrix]:
        blocks = self._blocks()
        if not blocks and self.lexicon is None:
            raise ValueError("SentimentFeatures: every feature block is switched off")
        self.lexicon_ = dict(load_lexicon(self.lexicon)) if self.lexicon is not None else {}
        views, lexicon_rows = self._views(texts)
        self.vectorizers_: dict[str, TfidfVectorizer] = {}
        mats = []
        for name, ngrams, min_df, analyzer in blocks:
            # a handful of documents (a unit test, a tiny custom set) would lose every n-gram to
            # a min_df meant for thousands, so the threshold never exceeds half the corpus
            vec = _vectorizer(ngrams, min(min_df, max(1, len(texts) // 2)), analyzer)
            mats.append(vec.fit_transform([" ".join(doc) for doc in views[name]]).tocsr())
            self.vectorizers_[name] = vec
        if self.lexicon is not None:
            mats.append(self._lexicon_block(lexicon_rows))
        self.n_features_out_ = sum(m.shape[1] for m in mats)
        logger.debug(
            "sentiment features: %d columns from %d documents", self.n_features_out_, len(texts)
        )
        return mats

    def fit_transform(self, X: Any, y: Any = None, **fit_params: Any) -> sp.csr_matrix:
        """Fit and transform in one pass over the documents."""
        return sp.hstack(self._fit(as_texts(X)), format="csr")

    def transform(self, X: Any) -> sp.csr_matrix:
        """Return a sparse matrix with one row per document.

        The TF-IDF blocks are computed by :func:`~media_analytics.sentiment.ngrams.fast_transform`,
        which gives the fitted vectorisers' own result in a fraction of the time.
        """
        check_is_fitted(self, "vectorizers_")
        texts = as_texts(X)
        return self._transform(*self._views(texts), len(texts))

    def transform_views(self, token_lists: Sequence[TokenViews]) -> sp.csr_matrix:
        """:meth:`transform` of documents already read: ``token_lists[i]`` is
        ``token_views(doc, stem=..., negation_window=...)`` with this extractor's
        :meth:`token_settings`."""
        check_is_fitted(self, "vectorizers_")
        return self._transform(*self._blocks_of(token_lists), len(token_lists))

    def _transform(
        self, views: dict[str, list[list[str]]], lexicon_rows: np.ndarray, n: int
    ) -> sp.csr_matrix:
        mats = [fast_transform(vec, views[name]) for name, vec in self.vectorizers_.items()]
        if self.lexicon is not None:
            mats.append(self._lexicon_block(lexicon_rows))
        if not mats:
            return sp.csr_matrix((n, 0))
        return sp.hstack(mats, format="csr")

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Feature names prefixed by their block: ``word:``, ``stem:``, ``char:``, ``lexicon:``."""
        check_is_fitted(self, "vectorizers_")
        names: list[str] = []
        for name, vec in self.vectorizers_.items():
            names.extend(f"{name}:{term}" for term in vec.get_feature_names_out())
        if self.lexicon is not None:
            names.extend(f"lexicon:{f}" for f in LEXICON_FEATURES)
        return np.asarray(names, dtype=object)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags
