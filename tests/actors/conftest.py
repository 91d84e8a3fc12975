"""Fixtures for the actor tests: the seed article read from ``../shared/seeds`` (never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "seeds" / "000_717329b73b4a0ffc.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The raw seed article (with its dateline and trailing editor credit)."""
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (it lives in ../shared/seeds)")
    return SEED.read_text(encoding="utf-8")
