"""The project's Indonesian polarity lexicon and the dense features computed from it.

The bundled word list (``corpora/sentiment/lexicon.tsv``) was written for this project; it is a
short list of news and review vocabulary with weights from -2 to 2. A word is looked up as
written and then by its Sastrawi stem, and a word inside a negation scope (``NEG_``) counts with
the opposite sign.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np

from ..preprocessing import default_cache
from ..resources import corpora_dir
from .tokens import NEGATION_PREFIX

__all__ = [
    "LEXICON_FEATURES",
    "LexiconIndex",
    "lexicon_features",
    "lexicon_scores",
    "load_lexicon",
]

#: Names of the columns :func:`lexicon_features` returns, in order.
LEXICON_FEATURES = ("positive", "negative", "balance", "negated")
_INDEX_SIZE = 500_000


@lru_cache(maxsize=4)
def _read(path: str) -> tuple[tuple[str, float], ...]:
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#") or line == "term\tweight":
                continue
            parts = line.split("\t")
            if len(parts) != 2:
                raise ValueError(f"{path}:{number}: expected 'term<TAB>weight', got {line!r}")
            try:
                weight = float(parts[1])
            except ValueError:
                raise ValueError(f"{path}:{number}: weight {parts[1]!r} is not a number") from None
            rows.append((parts[0].strip().lower(), weight))
    return tuple(rows)


def load_lexicon(name: str | os.PathLike[str] = "default") -> dict[str, float]:
    """Read a polarity lexicon: ``"default"`` (the bundled list) or a path to a TSV file.

    The file holds ``term<TAB>weight`` lines; ``#`` starts a comment and a ``term weight`` header
    line is allowed.

    >>> lex = load_lexicon()
    >>> lex["kecewa"] < 0 < lex["puas"]
    True
    """
    if isinstance(name, str) and name == "default":
        path = corpora_dir() / "sentiment" / "lexicon.tsv"
    else:
        path = Path(name)
    if not path.is_file():
        raise FileNotFoundError(f"no lexicon file at {path}")
    return dict(_read(os.fspath(path)))


def lexicon_features(tokens: Iterable[str], lexicon: Mapping[str, float]) -> list[float]:
    """Dense polarity features of one token stream (see :data:`LEXICON_FEATURES`).

    ``positive`` and ``negative`` are log-scaled sums of matched weights (after negation flips),
    ``balance`` is their difference squashed to -1..1, ``negated`` the share of matched words
    that stood in a negation scope.

    >>> lex = {"enak": 2.0, "mahal": -1.0}
    >>> [round(v, 2) for v in lexicon_features(["tidak", "NEG_enak", "mahal"], lex)]
    [0.0, 1.39, -0.75, 0.5]
    """
    words = list(tokens)
    cache = default_cache()
    stems = [
        cache.stem(w[len(NEGATION_PREFIX) :] if w.startswith(NEGATION_PREFIX) else w) for w in words
    ]
    return lexicon_scores(words, stems, lexicon)


def lexicon_scores(
    tokens: Sequence[str], stems: Sequence[str], lexicon: Mapping[str, float]
) -> list[float]:
    """:func:`lexicon_features` when the stem of each token is known already.

    ``stems[i]`` is the stem of ``tokens[i]`` without its ``NEG_`` mark.

    >>> [round(v, 2) for v in lexicon_scores(["NEG_enaknya"], ["enak"], {"enak": 2.0})]
    [0.0, 1.1, -0.67, 1.0]
    """
    pos = neg = 0.0
    matched = negated = 0
    get = lexicon.get
    for tok, root in zip(tokens, stems, strict=True):
        is_negated = tok.startswith(NEGATION_PREFIX)
        word = tok[len(NEGATION_PREFIX) :] if is_negated else tok
        weight = get(word)
        if weight is None:
            weight = get(root)
        if not weight:
            continue
        matched += 1
        if is_negated:
            negated += 1
            weight = -weight
        if weight > 0:
            pos += weight
        else:
            neg -= weight
    balance = (pos - neg) / (pos + neg + 1.0)
    return [math.log1p(pos), math.log1p(neg), balance, negated / matched if matched else 0.0]


class LexiconIndex:
    """:func:`lexicon_scores` for many documents at once, remembering each token's weight.

    The signed weight of a token (``NEG_`` flips it; the stem is the fallback) never changes for
    a given lexicon, so it is looked up once per distinct token and the per-document sums are
    NumPy work.

    >>> index = LexiconIndex({"enak": 2.0, "mahal": -1.0})
    >>> index.matrix([["tidak", "NEG_enak", "mahal"]], [["tidak", "enak", "mahal"]]).round(2)
    array([[ 0.  ,  1.39, -0.75,  0.5 ]])
    """

    def __init__(self, lexicon: Mapping[str, float]) -> None:
        self.lexicon = lexicon
        self._weight: dict[str, float] = {}
        self._negated: set[str] = set()

    def _learn(self, token: str, root: str, weights: dict[str, float], negated: set[str]) -> None:
        is_negated = token.startswith(NEGATION_PREFIX)
        word = token[len(NEGATION_PREFIX) :] if is_negated else token
        weight = self.lexicon.get(word)
        if weight is None:
            weight = self.lexicon.get(root)
        weight = float(weight or 0.0)
        if weight and is_negated:
            negated.add(token)
            weight = -weight
        weights[token] = weight

    def matrix(self, tokens: Sequence[Sequence[str]], stems: Sequence[Sequence[str]]) -> np.ndarray:
        """One row of :data:`LEXICON_FEATURES` per document (``stems`` aligned with ``tokens``)."""
        known, negated_set = self._weight, self._negated
        if len(known) > _INDEX_SIZE:
            # replaced, never emptied in place, so that another thread's reference stays whole
            known, negated_set = self._weight, self._negated = {}, set()
        flat = list(chain.from_iterable(tokens))
        try:
            # once warm every token is known: one pass of C look-ups, no scan for misses
            w = np.fromiter(map(known.__getitem__, flat), dtype=np.float64, count=len(flat))
        except KeyError:
            for token, root in zip(flat, chain.from_iterable(stems), strict=True):
                if token not in known:
                    self._learn(token, root, known, negated_set)
            w = np.fromiter(map(known.__getitem__, flat), dtype=np.float64, count=len(flat))
        # a negated token has a weight, and few tokens have one: only those are looked up
        hits = np.flatnonzero(w)
        negated = np.zeros(len(flat), dtype=bool)
        negated[hits] = np.fromiter(
            map(negated_set.__contains__, map(flat.__getitem__, hits.tolist())),
            dtype=bool,
            count=len(hits),
        )
        n = len(tokens)
        doc = np.repeat(np.arange(n), np.fromiter(map(len, tokens), dtype=np.int64, count=n))
        pos = np.bincount(doc, weights=np.maximum(w, 0.0), minlength=n)
        neg = np.bincount(doc, weights=np.maximum(-w, 0.0), minlength=n)
        matched = np.bincount(doc, weights=(w != 0.0).astype(np.float64), minlength=n)
        n_negated = np.bincount(doc, weights=negated.astype(np.float64), minlength=n)
        share = np.divide(n_negated, matched, out=np.zeros(n), where=matched > 0)
        balance = (pos - neg) / (pos + neg + 1.0)
        return np.column_stack([np.log1p(pos), np.log1p(neg), balance, share])
