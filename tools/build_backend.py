"""The build backend: setuptools, plus what it takes to train the default model into a wheel.

A wheel (``pip install .``, ``python -m build``) ships the default model trained on the bundled
``corpora/`` (see ``setup.py``), so the build environment needs the package's own runtime
dependencies. Editable installs and source distributions do not train anything and need only
setuptools: there the model is built on first use and cached.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 - every hook not overridden below

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def _runtime_dependencies() -> list[str]:
    with (Path(__file__).resolve().parents[1] / "pyproject.toml").open("rb") as f:
        return list(tomllib.load(f)["project"]["dependencies"])


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    """setuptools' own needs plus the runtime dependencies (the model is trained at build time)."""
    return [*_setuptools.get_requires_for_build_wheel(config_settings), *_runtime_dependencies()]
