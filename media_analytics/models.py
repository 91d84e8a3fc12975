"""The default model: trained on the project's own ``corpora/``, shipped in every wheel.

A wheel (``pip install .``) carries the default model in ``media_analytics/data/default_model``:
``setup.py`` trains it at build time with::

    python -m media_analytics.models --build-default media_analytics/data/default_model

(run on the copied sources of the build). The manifest records the fingerprint of the sources it
was trained from (the bundled corpora and the package's code). ``default_model()`` loads the
shipped model when that fingerprint is the installed package's own; otherwise (an editable
install or a source checkout, which carry none; a wheel whose model was saved with other
scikit-learn, skops or numpy releases than the installed ones, or whose sources were edited since)
it builds the model once from the bundled corpora, saying so (a warning when logging shows no
INFO lines, as in a notebook), and caches it under ``$MEDIA_ANALYTICS_HOME`` or the user cache,
keyed by the same fingerprint and library releases.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

from . import __version__
from .pipeline import MediaPipeline, ModelError, library_drift, library_releases
from .resources import corpora_dir

__all__ = [
    "build_default_model",
    "cache_dir",
    "corpora_fingerprint",
    "default_model",
    "default_model_versions",
    "fingerprinted_files",
    "shipped_model_dir",
]

logger = logging.getLogger(__name__)


def fingerprinted_files() -> list[tuple[str, Path]]:
    """What :func:`corpora_fingerprint` hashes, each file with the name it is hashed under:
    the bundled corpora (their ``.md`` notes left out), the package's source, and the word
    lists and tables its code reads (``actors/data``, ``preprocessing/data``), since an edit
    of a word list changes what is extracted as much as an edit of code does."""
    package = Path(__file__).resolve().parent
    files = [
        (str(path.relative_to(corpora_dir())), path)
        for path in sorted(corpora_dir().rglob("*"))
        if path.is_file() and path.suffix != ".md"
    ]
    for path in sorted(package.rglob("*")):
        parts = path.relative_to(package).parts
        if not path.is_file() or parts[0] == "data" or "__pycache__" in parts:
            continue  # the corpora link inside the package is hashed above
        if path.suffix == ".py" or "data" in parts[:-1]:
            files.append((str(path.relative_to(package)), path))
    return files


def corpora_fingerprint() -> str:
    """SHA-256 over what the default model is built from: the bundled corpora and the code.

    Any edit of the taxonomy, the training sets, the package's source or its word lists gives
    a new cache entry (and a new model version), so a cached model never outlives the code
    that built it, and ``score --db`` scores again what a new release reads differently.
    """
    h = hashlib.sha256()
    for name, path in fingerprinted_files():
        h.update(name.encode())
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
    from .corpus import Rejects, read_articles

    # The sample is messy on purpose (HTML, mojibake) to exercise cleaning: its warnings are
    # expected and not shown; an error would mean a broken package.
    rejects = Rejects()
    articles = list(read_articles(corpora_dir() / "sample", dayfirst=True, rejects=rejects))
    if rejects.errors:
        raise ModelError(f"bundled sample corpus is damaged: {rejects.errors[0]}")
    pipe = MediaPipeline().fit(articles)
    if out is not None:
        pipe.save(out, extra={"source_fingerprint": corpora_fingerprint()})
    return pipe


def shipped_model_dir() -> Path:
    """Where a wheel carries the default model (it may be absent in a source checkout)."""
    return Path(__file__).resolve().parent / "data" / "default_model"


def _manifest(model_dir: Path) -> dict:
    try:
        found = json.loads((model_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def default_model_versions() -> dict[str, int]:
    """The versions of the default models this installation holds, each with the number of
    bundled articles it learnt from: the one a wheel ships and those built and cached here
    (under :func:`cache_dir`, by this release or an earlier one), read from their manifests
    without loading or building any. A report says when its topics are one of these (see
    :func:`~media_analytics.reports.build_content`); records scored by a default model of
    another installation are not known as such.
    """
    folders = [shipped_model_dir()]
    with contextlib.suppress(OSError):  # an unreadable cache: only the shipped model is known
        folders += sorted(p for p in cache_dir().glob("default-*") if p.is_dir())
    out: dict[str, int] = {}
    for folder in folders:
        manifest = _manifest(folder)
        version, n = manifest.get("model_version"), manifest.get("n_training_articles")
        if isinstance(version, str) and isinstance(n, int) and not isinstance(n, bool):
            out[version] = n
    return out


def default_model() -> MediaPipeline:
    """The default model: the shipped one, else the cached one, else built now and cached."""
    fingerprint = corpora_fingerprint()
    shipped = shipped_model_dir()
    if (shipped / "manifest.json").is_file():
        manifest = _manifest(shipped)
        drift = library_drift(manifest)
        if manifest.get("source_fingerprint") != fingerprint:
            logger.info(
                "the shipped default model was trained on other sources than these (edited "
                "corpora or code); using a model built from these instead"
            )
        elif drift:
            # the wheel's model was trained with the build's libraries: with other releases
            # here it could load with warnings, fail, or score differently, so it is built anew
            logger.info("the shipped default model was saved with %s; using one built here", drift)
        else:
            return MediaPipeline.load(shipped)
    libraries = "-".join(f"{k}{v}" for k, v in library_releases().items())
    target = cache_dir() / f"default-{__version__}-{fingerprint[:12]}-{libraries}"
    model = _cached(target)
    if model is not None:
        return model
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _uncachable(target, exc) from None
    from .store.backends import file_lock

    # one build at a time: a second process (two jobs started at once on a new installation,
    # the workers of a parallel test run) waits for the first and loads what it built
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(
                file_lock(
                    target.parent / f".{target.name}.lock",
                    target,
                    waiting="another process is building the default model; waiting for it",
                )
            )
        except OSError as exc:  # a cache folder this user may read, not write
            raise _uncachable(target, exc) from None
        model = _cached(target)
        if model is not None:
            return model
        return _build_into(target)


def _cached(target: Path) -> MediaPipeline | None:
    """The default model cached at ``target``, or None (none yet, or a damaged one removed)."""
    if not (target / "manifest.json").is_file():
        return None
    try:
        return MediaPipeline.load(target)
    except ModelError as exc:  # a damaged cache is rebuilt, never trusted
        logger.warning("rebuilding the cached default model: %s", exc)
        shutil.rmtree(target, ignore_errors=True)
        return None


def _uncachable(target: Path, exc: OSError) -> ModelError:
    return ModelError(
        f"cannot cache the default model in {target.parent} ({exc.strerror or exc}); set "
        "MEDIA_ANALYTICS_HOME to a writable folder"
    )


def _build_into(target: Path) -> MediaPipeline:
    """Build the default model, cache it at ``target`` and load it back."""
    # minutes of silence read as a hang: said at INFO where logging shows it (the
    # command line), else as a warning, which Python prints with no logging set up (a notebook)
    logger.log(
        logging.INFO if logger.isEnabledFor(logging.INFO) else logging.WARNING,
        "building the default model from the bundled corpora (once; it can take a few "
        "minutes; cached in %s)",
        target,
    )
    started = time.perf_counter()
    try:
        tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=target.parent))
    except OSError as exc:
        raise _uncachable(target, exc) from None
    try:
        build_default_model(tmp)
        try:
            tmp.rename(target)  # atomic: a builder on another machine either wins or finds it
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
        # loaded back, so the first call returns what every later call will (manifest included)
        model = MediaPipeline.load(target)
        logger.info("default model built in %.0f s", time.perf_counter() - started)
        return model
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def main(argv: list[str] | None = None) -> None:
    """``python -m media_analytics.models --build-default DIR``: train the shipped model."""
    parser = argparse.ArgumentParser(
        prog="python -m media_analytics.models",
        description="Train the default model on the bundled corpora into a model directory.",
    )
    parser.add_argument("--build-default", type=Path, required=True, metavar="DIR")
    args = parser.parse_args(argv)
    out: Path = args.build_default
    if out.exists() and any(out.iterdir()):
        parser.error(f"{out} is not empty")
    build_default_model(out)
    print(f"default model written to {out}")


if __name__ == "__main__":
    main()
