"""The three sentiment labels and their spellings in public datasets."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..corpus import normalize_label

__all__ = ["LABELS", "normalize_label", "normalize_labels"]

#: The classes in the order every model and report of this package uses.
LABELS = ("negative", "neutral", "positive")


def normalize_labels(labels: Iterable[Any]) -> list[str]:
    """Map label spellings onto ``negative``/``neutral``/``positive``; refuse anything else.

    Accepted, in any case: ``positive``/``positif``/``pos``, ``neutral``/``netral``/``neu``,
    ``negative``/``negatif``/``neg``. Numbers are refused because their meaning differs between
    datasets.

    >>> normalize_labels(["Positif", "neu", "NEGATIVE"])
    ['positive', 'neutral', 'negative']
    >>> normalize_labels(["pos", 1])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: 1 label(s) not understood (first: 1 at position 1); use positive/neutral/...
    """
    if isinstance(labels, str):
        raise ValueError("expected a sequence of labels, got a single string")
    out: list[str] = []
    bad: list[tuple[int, Any]] = []
    for i, raw in enumerate(labels):
        label = normalize_label(raw)
        if label is None:
            bad.append((i, raw))
        else:
            out.append(label)
    if bad:
        i, raw = bad[0]
        raise ValueError(
            f"{len(bad)} label(s) not understood (first: {raw!r} at position {i}); use "
            "positive/neutral/negative, positif/netral/negatif or pos/neu/neg"
        )
    return out
