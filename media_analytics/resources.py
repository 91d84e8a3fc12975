"""Where the bundled data lives: the sample corpus, the default taxonomy, the training sets.

The repository keeps them in ``corpora/``; the package reaches them through
``media_analytics/data/corpora`` (a link in the source tree, real files in a built wheel).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["corpora_dir", "sample_dir"]


def corpora_dir() -> Path:
    """The bundled ``corpora`` folder."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data" / "corpora", here.parent / "corpora"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "the bundled corpora are missing from this installation; reinstall media-analytics"
    )


def sample_dir() -> Path:
    """The bundled sample articles (JSONL)."""
    return corpora_dir() / "sample"
