"""Fixtures for the corpus tests: the shared real-data folder, found from the repo root."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT.parent / "shared"
SHARED_CORPORA = SHARED / "corpora"
SHARED_SEEDS = SHARED / "seeds"


@pytest.fixture
def shared_corpora() -> Path:
    """``../shared/corpora`` relative to the repo root; skips the test when it is absent."""
    if not SHARED_CORPORA.is_dir():
        pytest.skip(f"shared corpora not found at <repo>/../shared/corpora ({SHARED_CORPORA})")
    return SHARED_CORPORA


@pytest.fixture
def seed_article() -> str:
    """Text of the project's seed article from ``../shared/seeds`` (skips when absent)."""
    files = sorted(SHARED_SEEDS.glob("*.txt")) if SHARED_SEEDS.is_dir() else []
    if not files:
        pytest.skip("seed article not found at <repo>/../shared/seeds")
    return files[0].read_text(encoding="utf-8")
