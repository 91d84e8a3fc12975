"""Compact saved state for estimators that hold fitted text vectorisers.

skops writes a Python ``dict`` as one JSON node per entry, so a vectoriser's ``vocabulary_`` of
50,000 terms becomes 50,000 nodes that loading has to parse, audit and rebuild one by one: most
of the time it took to load the bundled model. Here each vocabulary is saved instead as a single
NumPy byte array (the terms in column order, UTF-8, separated by a NUL byte), which skops stores
as one ``.npy`` file without pickle, and the dict is rebuilt from it on load.

An estimator opts in from its own ``__getstate__`` and ``__setstate__``:

>>> from sklearn.feature_extraction.text import TfidfVectorizer
>>> vec = TfidfVectorizer().fit(["warga berdialog", "polisi berdialog dengan warga"])
>>> state = pack_vocabularies({"vectorizer_": vec}, ["vectorizer_"])
>>> hasattr(state["vectorizer_"], "vocabulary_"), hasattr(vec, "vocabulary_")
(False, True)
>>> unpack_vocabularies(state)["vectorizer_"].vocabulary_ == vec.vocabulary_
True

Files saved before this existed hold the plain dicts and load as they are.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

__all__ = ["pack_vocabularies", "pack_vocabulary", "unpack_vocabularies", "unpack_vocabulary"]

#: the state entry holding the packed vocabularies, keyed ``attribute`` or ``attribute/key``
PACKED_KEY = "_packed_vocabularies"
_SEP = "\x00"


def pack_vocabulary(vocabulary: Mapping[str, int]) -> np.ndarray | None:
    """The terms of ``vocabulary`` in column order as one ``uint8`` array, or None when it is not
    a plain ``term -> 0..n-1`` mapping (or a term holds the separator) and must be kept as is.

    >>> pack_vocabulary({"b": 1, "a": 0}).tobytes()
    b'a\\x00b'
    """
    n = len(vocabulary)
    terms: list[str | None] = [None] * n
    for term, column in vocabulary.items():
        j = int(column)
        if not isinstance(term, str) or not 0 <= j < n or terms[j] is not None or _SEP in term:
            return None
        terms[j] = term
    return np.frombuffer(_SEP.join(terms).encode("utf-8"), dtype=np.uint8).copy()  # type: ignore[arg-type]


def unpack_vocabulary(packed: np.ndarray) -> dict[str, int]:
    """The ``term -> column`` dict that :func:`pack_vocabulary` packed.

    >>> unpack_vocabulary(pack_vocabulary({"b": 1, "a": 0}))
    {'a': 0, 'b': 1}
    """
    data = np.asarray(packed, dtype=np.uint8).tobytes().decode("utf-8")
    if not data:
        return {}
    return {term: j for j, term in enumerate(data.split(_SEP))}


def _slots(state: Mapping[str, Any], attributes: Iterable[str]) -> Iterable[tuple[str, str, Any]]:
    """(key in the packed entry, attribute, vectoriser or dict of vectorisers) of ``state``."""
    for attr in attributes:
        value = state.get(attr)
        if isinstance(value, dict):
            for name, vec in value.items():
                yield f"{attr}/{name}", attr, vec
        elif value is not None:
            yield attr, attr, value


def pack_vocabularies(state: Mapping[str, Any], attributes: Iterable[str]) -> dict[str, Any]:
    """A copy of an estimator's ``state`` in which the fitted vectorisers named by ``attributes``
    (an attribute holding a vectoriser, or a dict of them) are copies without ``vocabulary_``,
    their vocabularies packed under :data:`PACKED_KEY`. The estimator itself is not changed."""
    out = dict(state)
    packed: dict[str, np.ndarray] = {}
    for key, attr, vec in list(_slots(state, attributes)):
        vocab = getattr(vec, "vocabulary_", None)
        arr = pack_vocabulary(vocab) if isinstance(vocab, dict) else None
        if arr is None:
            continue
        slim = copy.copy(vec)
        del slim.vocabulary_
        if "/" in key:
            if out[attr] is state[attr]:
                out[attr] = dict(state[attr])
            out[attr][key.split("/", 1)[1]] = slim
        else:
            out[attr] = slim
        packed[key] = arr
    if packed:
        out[PACKED_KEY] = packed
    return out


def unpack_vocabularies(state: Mapping[str, Any]) -> dict[str, Any]:
    """``state`` with the vocabularies that :func:`pack_vocabularies` packed put back."""
    out = dict(state)
    packed = out.pop(PACKED_KEY, None) or {}
    for key, arr in packed.items():
        attr, _, name = key.partition("/")
        vec = out[attr][name] if name else out[attr]
        vec.vocabulary_ = unpack_vocabulary(arr)
    return out
