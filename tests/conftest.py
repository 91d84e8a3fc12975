"""Shared fixtures: where the repository's shared data lives, and skips when it is absent."""

from __future__ import annotations

import atexit
import csv
import importlib.util
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

# Models built during the tests (the default model among them) go to a fresh folder, so no run
# depends on what an earlier one left in the user's cache. The process that first reads this file
# makes it and removes it when it ends; the workers of a parallel run, which it starts, inherit it
# and so share one default model, built once.
if "MEDIA_ANALYTICS_TEST_HOME" not in os.environ:
    os.environ["MEDIA_ANALYTICS_TEST_HOME"] = tempfile.mkdtemp(prefix="media-analytics-test-")
    atexit.register(shutil.rmtree, os.environ["MEDIA_ANALYTICS_TEST_HOME"], ignore_errors=True)
os.environ["MEDIA_ANALYTICS_HOME"] = os.environ["MEDIA_ANALYTICS_TEST_HOME"]

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


def clickid_articles(
    keep: Callable[[dict[str, str]], bool] | None = None, n: int | None = None
) -> list[dict[str, Any]]:
    """CLICK-ID articles as input records (in file order; the first ``n`` that ``keep``
    accepts, all by default), or skip the test when the shared data are absent."""
    path = shared_file("corpora/clickid-news-articles/clickid_articles_80.csv")
    csv.field_size_limit(1 << 30)
    rows = []
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if len(rows) == n:
                break
            if keep is None or keep(row):
                rows.append(row)
    return [
        {
            "id": row["article_id"],
            "title": row["title"],
            "text": row["content"],
            "published_at": row["date"],
            "source": row["source"],
            "url": row["url"],
        }
        for row in rows
    ]


def few_sentences(folder: Path, per_label: int = 20) -> Path:
    """A small sentiment training file (``per_label`` of the bundled sentences of each label),
    for the command-line tests about something else than sentiment: with it ``train`` fits its
    sentiment part in a second, not in most of the test's time."""
    from media_analytics.sentiment import default_training_data

    path = folder / "few_sentences.csv"
    default_training_data().groupby("label").head(per_label).to_csv(path, index=False)
    return path


def bench_script(name: str, relative: str) -> ModuleType:
    """A script of ``bench/`` as a module, one copy per process under ``name`` (the scripts
    load each other by that name, so the stage draws they memoise are made once)."""
    module = sys.modules.get(name)
    if module is None:
        path = ROOT / relative
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_file("seeds/000_717329b73b4a0ffc.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def default_pipeline():
    from media_analytics.models import default_model

    return default_model()
