"""Fast TF-IDF transform for fitted vectorisers: n-grams counted with NumPy, not one by one.

``TfidfVectorizer.transform`` builds every n-gram as a Python string and looks it up in the
vocabulary; over the ~700 character n-grams of a news sentence that is most of the cost of
scoring it. Here each symbol (a character, or a word of the vocabulary) becomes a small integer
and every n-gram a base-``B`` number computed for a whole batch of documents at once. The numbers
of the vocabulary's terms are kept sorted, so a ``searchsorted`` finds all hits together; the
columns of a word's character n-grams are remembered, since news repeats its words, and the
counts of a batch are grouped with one sort. The result is the same matrix as the vectoriser's
own ``transform`` (same columns, same sublinear TF, IDF and L2 norm);
``tests/sentiment/test_ngrams.py`` checks that on awkward input.

Only the two analysers :class:`~media_analytics.sentiment.SentimentFeatures` builds are handled:
``char_wb`` and ``word`` over space-separated tokens; :func:`fast_transform` falls back to the
vectoriser for anything else.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

__all__ = ["fast_counts", "fast_transform", "supports", "supports_counts"]

_LIMIT = 2**62  # keys must stay below this to fit int64 with room to spare
_WORD_CACHE_SIZE = 200_000


@dataclass
class _Table:
    """A vectoriser's vocabulary as sorted n-gram numbers."""

    symbols: dict[str, int]  # word -> code (word analyser)
    alphabet: np.ndarray  # sorted code points (char analyser)
    base: int
    keys: np.ndarray  # sorted int64 n-gram numbers
    columns: np.ndarray  # the vocabulary column of each key
    idf: np.ndarray | None
    words: dict[str, np.ndarray] = field(default_factory=dict)  # char analyser: word -> columns


_TABLES: weakref.WeakKeyDictionary[TfidfVectorizer, _Table] = weakref.WeakKeyDictionary()


def supports(vec: TfidfVectorizer) -> bool:
    """Whether :func:`fast_transform` reproduces this fitted vectoriser's ``transform``."""
    p = vec.get_params()
    if p["preprocessor"] is not None or p["tokenizer"] is not None or p["lowercase"]:
        return False
    if p["strip_accents"] is not None or p["stop_words"] is not None or p["binary"]:
        return False
    if p["input"] != "content" or p["norm"] not in ("l2", None) or not p["sublinear_tf"]:
        return False
    if p["analyzer"] == "word":
        return bool(p["token_pattern"] == r"\S+")
    # char_wb emits the whole padded word when it is shorter than min_n; with min_n <= 3 that
    # never happens (a padded word has at least 3 characters), which the vector code assumes
    return bool(p["analyzer"] == "char_wb" and p["ngram_range"][0] <= 3)


def _number(codes: Sequence[int], base: int) -> int:
    key = 0
    for c in codes:
        key = key * base + c
    return key


def _table(vec: TfidfVectorizer) -> _Table | None:
    table = _TABLES.get(vec)
    if table is not None:
        return table
    vocab: dict[str, int] = vec.vocabulary_
    # a plain CountVectorizer (``fast_counts``) has no IDF
    idf = np.asarray(vec.idf_, dtype=np.float64) if getattr(vec, "use_idf", False) else None
    max_n = int(vec.ngram_range[1])
    symbols: dict[str, int] = {}
    if vec.analyzer == "word":
        split = {term: term.split(" ") for term in vocab}
        for words in split.values():
            for w in words:
                if w not in symbols:
                    symbols[w] = len(symbols) + 1  # 0 is kept for words outside the vocabulary
        base = len(symbols) + 1
        if base**max_n >= _LIMIT:
            return None
        keys = [_number([symbols[w] for w in split[t]], base) for t in vocab]
        alphabet = np.zeros(0, dtype=np.uint32)
    else:
        alphabet = np.asarray(sorted({ord(ch) for term in vocab for ch in term}), dtype=np.uint32)
        index = {int(cp): i + 1 for i, cp in enumerate(alphabet)}
        base = len(alphabet) + 1
        if base**max_n >= _LIMIT:
            return None
        keys = [_number([index[ord(ch)] for ch in t], base) for t in vocab]
    key_arr = np.asarray(keys, dtype=np.int64)
    col_arr = np.fromiter(vocab.values(), dtype=np.int64, count=len(vocab))
    order = np.argsort(key_arr, kind="stable")
    table = _Table(symbols, alphabet, base, key_arr[order], col_arr[order], idf)
    _TABLES[vec] = table
    return table


def _hits(
    codes: np.ndarray, segment: np.ndarray, ngrams: tuple[int, int], table: _Table
) -> tuple[np.ndarray, np.ndarray]:
    """Positions and vocabulary columns of the n-grams of ``codes`` found in the vocabulary.

    An n-gram counts when it stays inside one segment (a document for words, a padded word for
    characters) and holds no unknown symbol (code 0).
    """
    positions, columns = [], []
    total = len(codes)
    for n in range(ngrams[0], ngrams[1] + 1):
        m = total - n + 1
        if m <= 0:
            break
        key = codes[:m].copy()
        ok = codes[:m] > 0
        for k in range(1, n):
            part = codes[k : k + m]
            key *= table.base
            key += part
            ok &= part > 0
        if n > 1:
            ok &= segment[:m] == segment[n - 1 : n - 1 + m]
        pos = np.flatnonzero(ok)
        key = key[pos]
        idx = np.searchsorted(table.keys, key)
        idx[idx == len(table.keys)] = 0
        found = table.keys[idx] == key
        positions.append(pos[found])
        columns.append(table.columns[idx[found]])
    if not positions:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(positions), np.concatenate(columns)


def _word_hits(
    docs: Sequence[Sequence[str]], vec: TfidfVectorizer, table: _Table
) -> tuple[np.ndarray, np.ndarray]:
    lengths = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
    doc_of = np.repeat(np.arange(len(docs)), lengths)
    if tuple(vec.ngram_range) == (1, 1):
        # unigrams (the bundled models' setting): a token's column is its vocabulary entry, so
        # the n-gram numbers and their search are not needed
        vocab: dict[str, int] = vec.vocabulary_
        cols = np.fromiter(
            map(vocab.get, chain.from_iterable(docs), repeat(-1)),
            dtype=np.int64,
            count=len(doc_of),
        )
        pos = np.flatnonzero(cols >= 0)
        return doc_of[pos], cols[pos]
    # the look-ups run in C (a comprehension paid a Python step per token)
    codes = np.fromiter(
        map(table.symbols.get, chain.from_iterable(docs), repeat(0)),
        dtype=np.int64,
        count=len(doc_of),
    )
    pos, cols = _hits(codes, doc_of, vec.ngram_range, table)
    return doc_of[pos], cols


def _char_columns(words: list[str], vec: TfidfVectorizer, table: _Table) -> list[np.ndarray]:
    """The vocabulary columns of each word's character n-grams (one entry per occurrence)."""
    # every word padded with one space on each side, as the char_wb analyser reads it
    text = "".join(f" {w} " for w in words)
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    alphabet = table.alphabet
    idx = np.searchsorted(alphabet, points)
    idx[idx == len(alphabet)] = 0
    codes = np.where(alphabet[idx] == points, idx + 1, 0).astype(np.int64)
    widths = np.fromiter((len(w) + 2 for w in words), dtype=np.int64, count=len(words))
    word_of = np.repeat(np.arange(len(words)), widths)
    pos, cols = _hits(codes, word_of, vec.ngram_range, table)
    owner = word_of[pos]
    order = np.argsort(owner, kind="stable")
    bounds = np.searchsorted(owner[order], np.arange(len(words) + 1))
    cols = cols[order]
    return [cols[bounds[i] : bounds[i + 1]] for i in range(len(words))]


def _char_hits(
    docs: Sequence[Sequence[str]], vec: TfidfVectorizer, table: _Table
) -> tuple[np.ndarray, np.ndarray]:
    # A word's character n-grams never change, and news repeats its words, so each word's
    # columns are computed once and kept (the cache is emptied when it grows too big).
    cache = table.words
    if len(cache) > _WORD_CACHE_SIZE:
        # replaced, never emptied in place, so that another thread's reference stays whole
        cache = table.words = {}
    missing = list(set(chain.from_iterable(docs)).difference(cache))
    if missing:
        cache.update(zip(missing, _char_columns(missing, vec, table), strict=True))
    parts = list(map(cache.__getitem__, chain.from_iterable(docs)))
    if not parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    n_words = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
    sizes = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
    rows = np.repeat(np.repeat(np.arange(len(docs)), n_words), sizes)
    return rows, np.concatenate(parts)


def fast_transform(vec: TfidfVectorizer, docs: Sequence[Sequence[str]]) -> sp.csr_matrix:
    """``vec.transform`` of token lists, for a fitted ``char_wb`` or ``\\S+``-word vectoriser.

    ``docs[i]`` is the list of tokens that ``" ".join(docs[i])`` would give the vectoriser
    (words for the word analyser, words whose characters are read for ``char_wb``). Falls back
    to ``vec.transform`` when :func:`supports` says no.
    """
    table = _table(vec) if supports(vec) else None
    if table is None:
        return sp.csr_matrix(vec.transform([" ".join(doc) for doc in docs]))
    if vec.analyzer == "word":
        rows, cols = _word_hits(docs, vec, table)
    else:
        rows, cols = _char_hits(docs, vec, table)
    return _tfidf(rows, cols, len(docs), len(vec.vocabulary_), table.idf, vec.norm)


def supports_counts(vec: CountVectorizer) -> bool:
    """Whether :func:`fast_counts` reproduces this fitted vectoriser's ``transform``: a word
    analyser over ``\\S+`` tokens, as is (stop words left out first, as scikit-learn does),
    without binary counts."""
    if type(vec) is not CountVectorizer:
        return False
    p = vec.get_params()
    if p["preprocessor"] is not None or p["tokenizer"] is not None or p["lowercase"]:
        return False
    if p["strip_accents"] is not None or p["binary"]:
        return False
    return bool(
        p["input"] == "content" and p["analyzer"] == "word" and p["token_pattern"] == r"\S+"
    )


def fast_counts(vec: CountVectorizer, docs: Sequence[str]) -> sp.csr_matrix:
    """``vec.transform(docs)`` for a fitted word-n-gram ``CountVectorizer`` over ``\\S+``
    tokens (the topic model's): the same counts, columns and dtype, in a fraction of the time.
    Falls back to ``vec.transform`` when :func:`supports_counts` says no."""
    table = _table(vec) if supports_counts(vec) else None
    if table is None:
        return sp.csr_matrix(vec.transform(docs))
    tokens = [d.split() for d in docs]
    stop = vec.get_stop_words()
    if stop:  # removed before the n-grams are formed, as the word analyser does
        tokens = [[w for w in t if w not in stop] for t in tokens]
    rows, cols = _word_hits(tokens, vec, table)
    n_cols = len(vec.vocabulary_)
    key = rows.astype(np.int64) * n_cols + cols
    key, counts = np.unique(key, return_counts=True)
    row = key // n_cols
    indptr = np.zeros(len(docs) + 1, dtype=np.int64)
    np.cumsum(np.bincount(row, minlength=len(docs)), out=indptr[1:])
    return sp.csr_matrix(
        (counts.astype(vec.dtype), key - row * n_cols, indptr), shape=(len(docs), n_cols)
    )


def _tfidf(
    rows: np.ndarray,
    cols: np.ndarray,
    n_docs: int,
    n_cols: int,
    idf: np.ndarray | None,
    norm: str | None,
) -> sp.csr_matrix:
    """Sublinear TF x IDF, L2-normalised rows, from one (row, column) pair per n-gram seen."""
    key = rows.astype(np.int64) * n_cols + cols
    key.sort()
    if len(key):
        first = np.empty(len(key), dtype=bool)
        first[0] = True
        np.not_equal(key[1:], key[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        counts = np.diff(np.append(starts, len(key)))
        key = key[starts]
    else:
        counts = np.zeros(0, dtype=np.int64)
    row = key // n_cols
    col = key - row * n_cols
    data = np.log(counts.astype(np.float64))
    data += 1.0
    if idf is not None:
        data *= idf[col]
    if norm == "l2":
        norms = np.sqrt(np.bincount(row, weights=data * data, minlength=n_docs))
        norms[norms == 0.0] = 1.0
        data /= norms[row]
    indptr = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(np.bincount(row, minlength=n_docs), out=indptr[1:])
    return sp.csr_matrix((data, col, indptr), shape=(n_docs, n_cols))
