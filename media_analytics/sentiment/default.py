"""The default sentiment model: trained on the project's own labelled news sentences."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pandas as pd

from ..corpus import read_labelled
from ..resources import corpora_dir
from .classifier import SentimentClassifier

__all__ = ["default_model", "default_training_data", "default_training_files"]

logger = logging.getLogger(__name__)

_LOCK = threading.Lock()
_MODEL: SentimentClassifier | None = None


def default_training_files() -> list[Path]:
    """The bundled ``corpora/sentiment/*.jsonl`` files."""
    files = sorted((corpora_dir() / "sentiment").glob("*.jsonl"))
    if not files:
        raise FileNotFoundError(
            "the bundled sentiment training data (corpora/sentiment) is missing"
        )
    return files


def default_training_data() -> pd.DataFrame:
    """The project's labelled news sentences as a ``text, label`` frame."""
    return pd.concat([read_labelled(p) for p in default_training_files()], ignore_index=True)


def default_model() -> SentimentClassifier:
    """The classifier trained on :func:`default_training_data`.

    The n-gram ranges and ``C`` are chosen by 5-fold cross-validation on those sentences
    (:meth:`SentimentClassifier.select`); trained on first use (a few seconds) and kept for the
    life of the process.
    """
    global _MODEL
    with _LOCK:
        if _MODEL is None:
            data = default_training_data()
            logger.info("training the default sentiment model on %d sentences", len(data))
            _MODEL = SentimentClassifier.select(list(data["text"]), list(data["label"]), cv=5)
        return _MODEL
