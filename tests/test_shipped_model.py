"""The wheel ships the default model, and an installed wheel uses it instead of building one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from media_analytics.models import corpora_fingerprint, default_model
from media_analytics.pipeline import MediaPipeline
from media_analytics.resources import sample_dir

ROOT = Path(__file__).resolve().parents[1]
SKIP = {".git", ".ci-venv", ".venv", "build", "dist", "media-analytics-demo", "__pycache__"}


def _ignore(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if n in SKIP or n.endswith((".egg-info", "_cache"))}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of this checkout (so the checkout itself stays untouched)."""
    if shutil.which("git") is None and not (ROOT / "pyproject.toml").is_file():
        pytest.skip("needs the source checkout")
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    shutil.copytree(ROOT, src, symlinks=True, ignore=_ignore)
    stale = src / "media_analytics" / "data" / "default_model"
    shutil.rmtree(stale, ignore_errors=True)
    # the development environment already holds the build's requirements: no index needed
    cmd = [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--no-build-isolation"]
    subprocess.run([*cmd, "-w", str(base / "dist"), "-q"], check=True, cwd=base)
    (found,) = (base / "dist").glob("media_analytics-*.whl")
    return found


@pytest.mark.slow
def test_the_wheel_carries_the_default_model(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        manifest = json.loads(z.read("media_analytics/data/default_model/manifest.json"))
    parts = [n for n in names if n.startswith("media_analytics/data/default_model/")]
    assert {Path(n).name for n in parts} >= {
        "manifest.json",
        "themes.skops",
        "topics.skops",
        "sentiment.skops",
        "stems.json.gz",
    }
    assert not [n for n in names if n.endswith((".pkl", ".pickle", ".joblib"))]
    # trained from exactly the sources of this checkout
    assert manifest["source_fingerprint"] == corpora_fingerprint()
    assert manifest["n_training_articles"] == 330
    # small enough for a wheel
    assert wheel.stat().st_size < 20 * 1024 * 1024


@pytest.mark.slow
def test_an_installed_wheel_scores_with_the_shipped_model(
    wheel: Path, tmp_path: Path, default_pipeline: MediaPipeline
) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    home = tmp_path / "home"
    script = (
        "import json, sys\n"
        "from media_analytics.models import default_model, shipped_model_dir\n"
        "from media_analytics.corpus import read_articles\n"
        "from media_analytics.resources import sample_dir\n"
        "m = default_model()\n"
        "rows = list(m.score(read_articles(sample_dir() / 'articles_a.jsonl'), n_jobs=1))\n"
        "json.dump({'dir': str(shipped_model_dir()), 'rows': rows}, sys.stdout)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site), "MEDIA_ANALYTICS_HOME": str(home)}
    out = subprocess.run(
        [sys.executable, "-c", script],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    got = json.loads(out.stdout)
    assert Path(got["dir"]).is_relative_to(site)  # the installed copy, not this checkout
    assert not home.exists() or not any(home.iterdir())  # nothing was built or cached

    from media_analytics.corpus import read_articles

    expected = list(
        default_pipeline.score(read_articles(sample_dir() / "articles_a.jsonl"), n_jobs=1)
    )
    assert got["rows"] == json.loads(json.dumps(expected))
    assert len(expected) > 50


def test_a_shipped_model_of_other_sources_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, default_pipeline: MediaPipeline
) -> None:
    """An edited checkout never silently scores with a model trained on other sources."""
    fake = tmp_path / "default_model"
    default_pipeline.save(fake, extra={"source_fingerprint": "0" * 64})
    monkeypatch.setattr("media_analytics.models.shipped_model_dir", lambda: fake)
    model = default_model()
    assert model.manifest_ is not None
    # built from (or cached for) these sources instead of the stale shipped one
    assert model.manifest_.get("source_fingerprint") not in (None, "0" * 64)
