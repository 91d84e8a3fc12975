"""The three sentiment labels and their spellings in public datasets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..corpus import normalize_label

__all__ = ["LABELS", "canonical_classes", "normalize_label", "normalize_labels"]

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


def canonical_classes(model: Any) -> list[str]:
    """A fitted model's ``classes_`` as ``negative``/``neutral``/``positive``.

    A classifier fitted on labels spelled otherwise (``positif``/``netral``/``negatif``)
    answers in that spelling, as scikit-learn expects of ``predict``; the code that reads
    its probabilities by class reads them through this.
    """
    return normalize_labels([str(c) for c in model.classes_])


def spelled_classes(raw: Iterable[Any], labels: Sequence[str]) -> tuple[str, ...]:
    """The classes in ``LABELS`` order, each as the training labels spelled it when they
    spelled it one way (``positif``), else the canonical name."""
    seen: dict[str, set[Any]] = {}
    for given, label in zip(raw, labels, strict=True):
        seen.setdefault(label, set()).add(given)
    out = []
    for label in LABELS:
        spellings = seen.get(label, set())
        one = next(iter(spellings)) if len(spellings) == 1 else None
        out.append(one if isinstance(one, str) else label)
    return tuple(out)
