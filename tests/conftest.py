"""Shared fixtures: where the repository's shared data lives, and skips when it is absent."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Models built during the tests (the default model among them) go to a fresh folder, so no run
# depends on what an earlier one left in the user's cache.
os.environ["MEDIA_ANALYTICS_HOME"] = tempfile.mkdtemp(prefix="media-analytics-test-")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
SEED = SHARED / "seeds" / "000_717329b73b4a0ffc.txt"


def shared_file(relative: str) -> Path:
    """A file under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"needs ../shared/{relative} (the shared development data), which is absent")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_file("seeds/000_717329b73b4a0ffc.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def default_pipeline():
    from media_analytics.models import default_model

    return default_model()
