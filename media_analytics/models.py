"""The default model: built from the project's own ``corpora/`` and cached.

The model is small to build (seconds) and is not committed: ``default_model()`` loads it from the
package's ``data/default_model`` when a release ships it there, else from the user cache, and
builds it from the bundled corpora the first time. The cache key includes the package version
and a hash of the bundled corpora, so editing the taxonomy or the training sets rebuilds it.

Ship it inside a wheel with::

    media-analytics train --out media_analytics/data/default_model
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from pathlib import Path

from . import __version__
from .pipeline import MediaPipeline, ModelError
from .resources import corpora_dir

__all__ = ["build_default_model", "cache_dir", "corpora_fingerprint", "default_model"]

logger = logging.getLogger(__name__)


def corpora_fingerprint() -> str:
    """SHA-256 over what the default model is built from: the bundled corpora and the code.

    Any edit of the taxonomy, the training sets or the package's source gives a new cache entry,
    so a cached model never outlives the code that built it.
    """
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent
    roots = [(corpora_dir(), lambda p: p.suffix != ".md"), (package, lambda p: p.suffix == ".py")]
    for root, keep in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and keep(p)):
            if "data" in path.relative_to(root).parts[:1] and root == package:
                continue  # the corpora link inside the package is hashed above
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def cache_dir() -> Path:
    """Where built models are cached (``$MEDIA_ANALYTICS_HOME`` or the user cache folder)."""
    home = os.environ.get("MEDIA_ANALYTICS_HOME")
    if home:
        return Path(home)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "media-analytics"


def build_default_model(out: str | Path | None = None) -> MediaPipeline:
    """Train the default model on the bundled corpora (and save it when ``out`` is given)."""
    from .corpus import read_articles

    articles = list(read_articles(corpora_dir() / "sample", dayfirst=True))
    pipe = MediaPipeline().fit(articles)
    if out is not None:
        pipe.save(out)
    return pipe


def default_model() -> MediaPipeline:
    """The default model (shipped, cached, or built now and cached)."""
    shipped = Path(__file__).resolve().parent / "data" / "default_model"
    if (shipped / "manifest.json").is_file():
        return MediaPipeline.load(shipped)
    target = cache_dir() / f"default-{__version__}-{corpora_fingerprint()[:12]}"
    if (target / "manifest.json").is_file():
        try:
            return MediaPipeline.load(target)
        except ModelError as exc:  # a damaged cache is rebuilt, never trusted
            logger.warning("rebuilding the cached default model: %s", exc)
            shutil.rmtree(target, ignore_errors=True)
    logger.info("building the default model from the bundled corpora (once; cached in %s)",
                target)  # fmt: skip
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=target.parent))
    try:
        pipe = build_default_model(tmp)
        try:
            tmp.rename(target)  # atomic: a concurrent builder either wins or finds it done
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
        return pipe
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
