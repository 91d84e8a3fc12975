"""The evaluation kit: scores on labelled data, and a refusal when test rows were trained on.

>>> from media_analytics.sentiment import check_overlap
>>> check_overlap(["Enak sekali!"], ["Mahal."])
0
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.metrics import precision_recall_fscore_support as prfs

from .features import as_texts
from .labels import LABELS, normalize_labels
from .tokens import overlap_keys, overlapping

__all__ = ["Evaluation", "OverlapError", "check_overlap", "count_overlap", "evaluate", "scores"]

logger = logging.getLogger(__name__)


class OverlapError(ValueError):
    """Raised when test rows also occur in the training data.

    Attributes
    ----------
    count : int
        Number of test rows whose normalised text occurs in the training data.
    total : int
        Number of test rows.
    """

    def __init__(self, count: int, total: int) -> None:
        self.count = count
        self.total = total
        super().__init__(
            f"refusing to evaluate: {count} of {total} test rows also occur in the training data "
            "(compared after lower-casing and dropping punctuation); remove them or evaluate on "
            "a disjoint set"
        )


def count_overlap(train_texts: Sequence[str], test_texts: Sequence[str]) -> int:
    """Number of test rows whose normalised text occurs among the training texts.

    Texts are compared after lower-casing, dropping punctuation and collapsing spaces, so a
    lower-cased, re-spaced copy of a sentence (as SmSA holds of many NusaX rows) still counts.
    """
    return _count(_fingerprints(as_texts(train_texts)), as_texts(test_texts))


def _fingerprints(texts: list[str]) -> np.ndarray:
    """Fingerprints of texts as given and as cleaned (article models learn from cleaned text)."""
    cleaned = [t for t in _cleaned(texts) if t]
    return np.unique(np.concatenate([overlap_keys(texts), overlap_keys(cleaned)]))


def _cleaned(texts: list[str]) -> list[str]:
    """Each text as scoring cleans it; ``""`` where cleaning leaves no word (not compared)."""
    from ..preprocessing import clean_article

    out = []
    for t in texts:
        cleaned = clean_article(t).text
        out.append(cleaned if any(c.isalnum() for c in cleaned) else "")
    return out


def _count(train_fingerprints: np.ndarray, test_texts: list[str]) -> int:
    """Test rows whose text, as given or as cleaned, is among the training fingerprints."""
    found = overlapping(test_texts, train_fingerprints)
    cleaned = _cleaned(test_texts)
    worded = np.array([bool(c) for c in cleaned], dtype=bool)
    found |= overlapping(cleaned, train_fingerprints) & worded
    return int(found.sum())


def check_overlap(
    train_texts: Sequence[str], test_texts: Sequence[str], *, allow: bool = False
) -> int:
    """Count train/test overlap and refuse (:class:`OverlapError`) when there is any.

    Parameters
    ----------
    train_texts, test_texts : sequence of str
    allow : bool, default=False
        Only count and log a warning instead of refusing.

    Returns
    -------
    int
        The number of overlapping test rows (always 0 unless ``allow``).
    """
    test = as_texts(test_texts)
    n = count_overlap(train_texts, test)
    if n and not allow:
        raise OverlapError(n, len(test))
    if n:
        logger.warning("%d of %d test rows occur in the training data", n, len(test))
    return n


@dataclass(frozen=True)
class Evaluation:
    """Scores of a model on one labelled set.

    Attributes
    ----------
    macro_f1, accuracy : float
        Macro-F1 is averaged over the labels the true data holds (``labels``), so a set
        without neutral items is not scored as if neutral had an F1 of zero; predicting a
        label the data lacks still costs recall of the true ones.
    report : pandas.DataFrame
        Per class (rows ``negative``, ``neutral``, ``positive``): precision, recall, f1, support.
    confusion : pandas.DataFrame
        Counts; rows are the true labels, columns the predicted ones.
    n : int
        Number of rows evaluated.
    overlap : int
        Test rows found in the training data (non-zero only when allowed).
    labels : tuple of str
        The labels macro-F1 averages over: those present in the true data.
    predicted : tuple of str
        The label predicted for each row, in the order of the rows (what lists the errors).
    """

    macro_f1: float
    accuracy: float
    report: pd.DataFrame
    confusion: pd.DataFrame
    n: int
    overlap: int = 0
    labels: tuple[str, ...] = tuple(LABELS)
    predicted: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain data (for JSON output)."""
        return {
            "macro_f1": self.macro_f1,
            "macro_f1_labels": list(self.labels),
            "accuracy": self.accuracy,
            "n": self.n,
            "overlap": self.overlap,
            "report": self.report.to_dict(orient="index"),
            "confusion": self.confusion.to_dict(orient="index"),
        }


def scores(true: Sequence[Any], predicted: Sequence[Any]) -> Evaluation:
    """Macro-F1, accuracy, per-class report and confusion matrix of given predictions."""
    y = normalize_labels(true)
    p = normalize_labels(predicted)
    if len(y) != len(p):
        raise ValueError(f"got {len(y)} true labels but {len(p)} predictions")
    labels = list(LABELS)
    precision, recall, f1, support = prfs(y, p, labels=labels, zero_division=0)
    report = pd.DataFrame(
        {"precision": precision, "recall": recall, "f1": f1, "support": support},
        index=pd.Index(labels, name="label"),
    )
    confusion = pd.DataFrame(
        confusion_matrix(y, p, labels=labels),
        index=pd.Index(labels, name="true"),
        columns=pd.Index(labels, name="predicted"),
    )
    present = [label for label in labels if label in set(y)] or labels
    return Evaluation(
        macro_f1=float(f1_score(y, p, labels=present, average="macro", zero_division=0)),
        accuracy=float(accuracy_score(y, p)),
        report=report,
        confusion=confusion,
        n=len(y),
        labels=tuple(present),
        predicted=tuple(p),
    )


def evaluate(
    model: Any,
    texts: Sequence[str],
    labels: Sequence[Any],
    *,
    train_texts: Sequence[str] | None = None,
    allow_overlap: bool = False,
) -> Evaluation:
    """Score ``model`` on labelled texts, refusing test rows the model was trained on.

    The overlap check uses ``train_texts`` when given, else the fingerprints a
    :class:`SentimentClassifier` keeps of its training data (``train_fingerprints_``); a model
    without either is evaluated unchecked (logged).

    Parameters
    ----------
    model : estimator with ``predict``
    texts : sequence of str
    labels : sequence
        Any spelling :func:`normalize_labels` accepts.
    train_texts : sequence of str, optional
    allow_overlap : bool, default=False
        Evaluate anyway and record the count in ``Evaluation.overlap``.

    Returns
    -------
    Evaluation

    Raises
    ------
    OverlapError
        When test rows occur in the training data and ``allow_overlap`` is false.
    """
    docs = as_texts(texts)
    y = normalize_labels(labels)
    if len(docs) != len(y):
        raise ValueError(f"got {len(docs)} texts but {len(y)} labels")
    train: np.ndarray | None = getattr(model, "train_fingerprints_", None)
    if train_texts is not None:
        train = _fingerprints(as_texts(train_texts))
    overlap = 0
    if train is None:
        logger.info("no training texts known: the train/test overlap is not checked")
    else:
        overlap = _count(train, docs)
        if overlap and not allow_overlap:
            raise OverlapError(overlap, len(docs))
    result = scores(y, list(model.predict(docs)))
    if overlap:
        logger.warning("%d of %d test rows occur in the training data", overlap, len(docs))
        result = Evaluation(**{**result.__dict__, "overlap": overlap})
    return result
