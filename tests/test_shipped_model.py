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

from media_analytics import __version__, models
from media_analytics.models import corpora_fingerprint, default_model, fingerprinted_files
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


def test_a_shipped_model_saved_with_other_library_releases_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, default_pipeline: MediaPipeline
) -> None:
    """A wheel built with other scikit-learn releases than the installed ones (pip's isolated
    build picks its own) would load with warnings or fail mid-score: a model is built here."""
    fake = tmp_path / "default_model"
    default_pipeline.save(fake, extra={"source_fingerprint": corpora_fingerprint()})
    manifest = json.loads((fake / "manifest.json").read_text())
    manifest["versions"]["scikit-learn"] = "0.24.2"
    (fake / "manifest.json").write_text(json.dumps(manifest))
    monkeypatch.setattr("media_analytics.models.shipped_model_dir", lambda: fake)
    model = default_model()
    assert model.manifest_ is not None
    assert model.manifest_["versions"]["scikit-learn"] != "0.24.2"


def test_building_the_default_model_is_said_in_python_without_logging_set_up(
    tmp_path: Path,
) -> None:
    """Seen after an editable install: the first default_model() in Python sat silent for a
    minute while the model was built, its INFO line unseen without logging configured. The
    build is said; loading the model it cached says nothing. (A small model stands in for the
    bundled corpora's, so that the test does not take that minute.)"""
    script = (
        "from pathlib import Path\n"
        "import media_analytics.models as models\n"
        "from media_analytics.pipeline import MediaPipeline\n"
        "from media_analytics.themes.training import read_sample_records\n"
        "def small(out=None):\n"
        "    pipe = MediaPipeline(with_topics=False, with_sentiment=False)\n"
        "    pipe.fit(read_sample_records()[:40], n_jobs=1)\n"
        "    if out is not None:\n"
        "        pipe.save(out)\n"
        "    return pipe\n"
        "models.build_default_model = small\n"
        "models.shipped_model_dir = lambda: Path('no-shipped-model')\n"
        "models.default_model()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEDIA_ANALYTICS_HOME": str(tmp_path / "home")}

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path
        )
        assert done.returncode == 0, done.stderr
        return done.stderr

    first = run()
    assert "building the default model from the bundled corpora" in first
    assert str(tmp_path / "home") in first  # where it is cached
    assert run() == ""  # built once: a later process loads it without a word


def test_two_processes_needing_the_default_model_at_once_build_it_once(tmp_path: Path) -> None:
    """Two jobs started together on a new installation (or the workers of a parallel test run)
    each built the default model, a minute each on shared cores. The second now waits for the
    first and loads what it built. (A small model stands in for the bundled corpora's; each
    build is counted by a file it adds, and made slow enough for the two to overlap.)"""
    script = (
        "import logging, os, sys, time\n"
        "from pathlib import Path\n"
        "import media_analytics.models as models\n"
        "from media_analytics.pipeline import MediaPipeline\n"
        "from media_analytics.themes.training import read_sample_records\n"
        "logging.basicConfig(level=logging.INFO)\n"
        "def small(out=None):\n"
        "    (Path(sys.argv[1]) / f'built-by-{os.getpid()}').touch()\n"
        "    pipe = MediaPipeline(with_topics=False, with_sentiment=False)\n"
        "    pipe.fit(read_sample_records()[:40], n_jobs=1)\n"
        "    time.sleep(3)\n"
        "    pipe.save(out)\n"
        "    return pipe\n"
        "models.build_default_model = small\n"
        "models.shipped_model_dir = lambda: Path('no-shipped-model')\n"
        "print(models.default_model().model_version)\n"
    )
    counts = tmp_path / "builds"
    counts.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEDIA_ANALYTICS_HOME": str(tmp_path / "home")}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(counts)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=tmp_path,
        )
        for _ in range(2)
    ]
    done = [(p.communicate(timeout=300), p.returncode) for p in procs]
    for (_, err), code in done:
        assert code == 0, err
    assert len(list(counts.iterdir())) == 1, [err for (_, err), _ in done]
    assert len({out for (out, _), _ in done}) == 1  # the same model
    said = "".join(err for (_, err), _ in done)
    assert said.count("building the default model from the bundled corpora") == 1
    assert "another process is building the default model; waiting for it" in said


def test_an_unwritable_cache_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from media_analytics.pipeline import ModelError

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MEDIA_ANALYTICS_HOME", str(blocker / "cache"))
    monkeypatch.setattr("media_analytics.models.shipped_model_dir", lambda: tmp_path / "none")
    with pytest.raises(ModelError, match="set MEDIA_ANALYTICS_HOME to a writable folder"):
        default_model()


def test_a_cache_whose_build_lock_cannot_be_taken_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a cache folder this user may read and not write: its lock file cannot be opened (here, a
    # folder stands where the lock file goes, which even root cannot open as a file)
    from media_analytics.pipeline import ModelError, library_releases

    home = tmp_path / "home"
    monkeypatch.setenv("MEDIA_ANALYTICS_HOME", str(home))
    monkeypatch.setattr(models, "shipped_model_dir", lambda: tmp_path / "none")
    libraries = "-".join(f"{k}{v}" for k, v in library_releases().items())
    name = f"default-{__version__}-{models.corpora_fingerprint()[:12]}-{libraries}"
    (models.cache_dir() / f".{name}.lock").mkdir(parents=True)
    with pytest.raises(ModelError, match="set MEDIA_ANALYTICS_HOME to a writable folder"):
        models.default_model()


@pytest.mark.slow
def test_the_source_distribution_builds_a_wheel(tmp_path: Path) -> None:
    """The sdist carries the build backend and the corpora the wheel's model is trained from."""
    pytest.importorskip("build")
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, symlinks=True, ignore=_ignore)
    shutil.rmtree(src / "media_analytics" / "data" / "default_model", ignore_errors=True)
    dist = tmp_path / "dist"
    cmd = [sys.executable, "-m", "build", "--sdist", "--no-isolation", "--outdir", str(dist)]
    subprocess.run([*cmd, str(src)], check=True, capture_output=True, cwd=tmp_path)
    (sdist,) = dist.glob("media_analytics-*.tar.gz")
    import tarfile

    with tarfile.open(sdist) as t:
        names = {n.split("/", 1)[1] for n in t.getnames() if "/" in n}
    assert {
        "tools/build_backend.py",
        "setup.py",
        "LICENSE",
        "media_analytics/data/corpora/taxonomy.toml",
        "tests/conftest.py",
        # what the tests read besides the package
        "bench/topics.py",
        "bench/data/theme_labels.csv",
        "notebooks/01_monitoring_walkthrough.ipynb",
    } <= names
    # the corpora once: the package's link to corpora/ is stored as files, corpora/ itself not
    assert not [n for n in names if n.startswith("corpora/")]
    env = {**os.environ, "MEDIA_ANALYTICS_SKIP_MODEL_BUILD": "1"}  # the model: tested above
    cmd = [sys.executable, "-m", "pip", "wheel", str(sdist), "--no-deps", "--no-build-isolation"]
    subprocess.run([*cmd, "-w", str(dist), "-q"], check=True, cwd=tmp_path, env=env)
    (built,) = dist.glob("media_analytics-*.whl")
    with zipfile.ZipFile(built) as z:
        in_wheel = set(z.namelist())
        metadata = z.read(f"media_analytics-{__version__}.dist-info/METADATA").decode()
    corpora = [p for p in (ROOT / "corpora").rglob("*") if p.is_file()]
    assert {f"media_analytics/data/corpora/{p.relative_to(ROOT / 'corpora')}" for p in corpora} <= (
        in_wheel
    )
    assert "License-File: LICENSE" in metadata.splitlines()


def test_the_fingerprint_covers_the_word_lists_the_code_reads():
    # an edit of actors/data/given_names.txt changes which persons are found: it must give a
    # new model version, so that score --db scores again what it now reads differently
    names = [name for name, _ in fingerprinted_files()]
    package = Path(models.__file__).parent
    for folder in ("actors/data", "preprocessing/data"):
        shipped = sorted(p.name for p in (package / folder).iterdir() if p.is_file())
        assert shipped and {f"{folder}/{n}" for n in shipped} <= set(names)
    assert "actors/extract.py" in names and "taxonomy.toml" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".md")]
    assert len(names) == len(set(names))
