"""The project's Indonesian polarity lexicon and the dense features computed from it.

The bundled word list (``corpora/sentiment/lexicon.tsv``) was written for this project; it is a
short list of news and review vocabulary with weights from -2 to 2. A word is looked up as
written and then by its Sastrawi stem, and a word inside a negation scope (``NEG_``) counts with
the opposite sign.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from ..preprocessing import default_cache
from ..resources import corpora_dir
from .tokens import NEGATION_PREFIX

__all__ = ["LEXICON_FEATURES", "lexicon_features", "load_lexicon"]

#: Names of the columns :func:`lexicon_features` returns, in order.
LEXICON_FEATURES = ("positive", "negative", "balance", "negated")


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
    cache = default_cache()
    pos = neg = 0.0
    matched = negated = 0
    for tok in tokens:
        is_negated = tok.startswith(NEGATION_PREFIX)
        word = tok[len(NEGATION_PREFIX) :] if is_negated else tok
        weight = lexicon.get(word)
        if weight is None:
            weight = lexicon.get(cache.stem(word))
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
