"""Saving and loading sentiment models with skops (no pickle: loading cannot run code).

``skops.io.load`` builds only the types it is told to trust. :data:`TRUSTED_TYPES` names every
type a fitted :class:`SentimentClassifier` holds beyond what skops trusts by default; anything
else in a file is refused.

>>> import skops.io as sio  # doctest: +SKIP
>>> model = sio.load("sentiment.skops", trusted=TRUSTED_TYPES)  # doctest: +SKIP
"""

from __future__ import annotations

import os
from typing import Any

__all__ = ["TRUSTED_TYPES", "load_model", "save_model"]

#: The types of this package a saved model may contain (scikit-learn's ``LinearSVC`` and
#: ``TfidfVectorizer``, NumPy arrays and plain containers are trusted by skops itself).
TRUSTED_TYPES: list[str] = [
    "media_analytics.sentiment.classifier.SentimentClassifier",
    "media_analytics.sentiment.features.SentimentFeatures",
    "media_analytics.sentiment.vectors.PooledWordVectors",
]


def _skops() -> Any:
    try:
        import skops.io as sio
    except ImportError as exc:  # pragma: no cover - skops is a core dependency
        raise ImportError("saving sentiment models needs skops: pip install skops") from exc
    return sio


def save_model(model: Any, path: str | os.PathLike[str]) -> None:
    """Write a fitted model to ``path`` in skops format (the model is not changed)."""
    _skops().dump(model, os.fspath(path))


def load_model(path: str | os.PathLike[str]) -> Any:
    """Read a model written by :func:`save_model`, trusting only :data:`TRUSTED_TYPES`.

    Raises
    ------
    skops.io.exceptions.UntrustedTypesFoundException
        When the file holds any other type.
    IsADirectoryError
        When ``path`` is a folder: a model directory (``media-analytics train --out``,
        ``MediaPipeline.save``) is read with ``MediaPipeline.load``.
    ValueError
        When the file is not one :func:`save_model` writes (not a skops file, or cut short).
    """
    import zipfile

    where = os.fspath(path)
    if os.path.isdir(where):
        raise IsADirectoryError(
            f"{where}: a folder, not a sentiment model file; a model directory (train --out, "
            "MediaPipeline.save) is read with media_analytics.MediaPipeline.load"
        )
    try:
        return _skops().load(where, trusted=TRUSTED_TYPES)
    except (zipfile.BadZipFile, KeyError, EOFError) as exc:
        raise ValueError(
            f"{where}: not a sentiment model written by save_model ({exc or type(exc).__name__})"
        ) from exc
