"""The analyst notebooks: saved with their outputs, and run top to bottom in a real Jupyter kernel.

Each notebook is copied to a temporary folder, its saved outputs are cleared, and it is executed
with nbclient; a failing cell fails the test. The checks then read the run's own outputs: the cell
tagged ``summary`` prints a JSON summary of what the notebook found.
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat", reason="needs nbformat (the dev or notebooks extra)")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["01_monitoring_walkthrough.ipynb", "02_retrain_a_theme.ipynb"]
CELL_TIMEOUT = 900  # seconds; the first run of a fresh environment builds the default model


def _code_cells(nb: Any) -> list[Any]:
    return [c for c in nb.cells if c.cell_type == "code"]


def _tagged(nb: Any, tag: str) -> Any:
    cells = [c for c in _code_cells(nb) if tag in c.metadata.get("tags", [])]
    assert len(cells) == 1, f"expected one cell tagged {tag!r}, found {len(cells)}"
    return cells[0]


def _stdout(cell: Any) -> str:
    return "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")


def _text(cell: Any) -> str:
    """Everything a cell showed as text: printed lines and the plain-text form of its results."""
    parts = []
    for o in cell.outputs:
        if o.output_type == "stream":
            parts.append(o.text)
        elif o.output_type in ("execute_result", "display_data"):
            parts.append(o.get("data", {}).get("text/plain", ""))
    return "".join(parts)


@pytest.mark.parametrize("name", NAMES)
def test_saved_with_outputs_in_order(name: str) -> None:
    """The committed notebooks keep the outputs of one clean top-to-bottom run."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    cells = _code_cells(nb)
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1))
    assert not [o for c in cells for o in c.outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for c in cells for o in c.outputs), (
        "the saved notebook should keep its plots"
    )
    saved = json.dumps(nb, ensure_ascii=False)
    for private in {str(ROOT), str(Path.home()), tempfile.gettempdir()}:
        assert private not in saved, f"{name} leaks a path of the machine that ran it"


def _execute(name: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    nbclient = pytest.importorskip("nbclient", reason="needs nbclient (the dev or notebooks extra)")
    pytest.importorskip("ipykernel", reason="needs ipykernel (the dev or notebooks extra)")
    pytest.importorskip("matplotlib", reason="the notebooks plot with matplotlib (notebooks extra)")
    # The notebooks write their reports under the system's temporary folder; the kernel gets one
    # of its own beside the run, so a test run leaves nothing behind in /tmp.
    scratch = folder.parent / f"{folder.name}-tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    copy = folder / name
    shutil.copyfile(NOTEBOOKS / name, copy)
    nb = nbformat.read(copy, as_version=4)
    for cell in _code_cells(nb):
        cell.outputs = []
        cell.execution_count = None
    client = nbclient.NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    assert sorted(p.name for p in folder.iterdir()) == [name], "the notebook wrote into its folder"
    assert any(scratch.iterdir()), "the notebook's temporary files went elsewhere"
    return nb


@pytest.mark.slow
def test_monitoring_walkthrough_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = _execute("01_monitoring_walkthrough.ipynb", tmp_path, monkeypatch)
    summary = json.loads(_stdout(_tagged(nb, "summary")))

    spikes = {(s["theme"], s["week"]) for s in summary["spikes"]}
    assert ("pilkada_security", "2024-11-25") in spikes  # the week of the 27 November vote
    explained = _text(_tagged(nb, "spike-explained"))
    assert "week of 25 November 2024" in explained
    assert "top stories:" in explained and "outlets:" in explained

    assert summary["widest_story"]["outlets"] == 5
    assert summary["copies_folded"] > 0
    assert summary["stories"] == summary["articles"] - summary["copies_folded"]
    assert {"report.html", "report.md"} <= set(summary["report_files"])


@pytest.mark.slow
def test_retrain_a_theme_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = _execute("02_retrain_a_theme.ipynb", tmp_path, monkeypatch)
    summary = json.loads(_stdout(_tagged(nb, "summary")))

    assert summary["new_theme"] == "natural_disaster"
    assert summary["labels_judged"] > 0 and summary["tagged_at_once"] > 0
    held_out = summary["held_out"]
    assert "natural_disaster" in held_out and "pilkada_security" in held_out
    adjusted = summary["threshold_adjusted"]
    assert adjusted["theme"] in held_out and 0 < adjusted["to"] < 1
    for theme, row in held_out.items():
        if row["positive"] == 0:
            continue
        for key in ("recall_before", "recall_after"):
            value = row[key]
            assert isinstance(value, float) and not math.isnan(value), (theme, key, value)
            assert 0.0 <= value <= 1.0, (theme, key, value)
    assert "natural_disaster" in _text(_tagged(nb, "metrics"))


@pytest.mark.parametrize("name", NAMES)
def test_headlines_are_cleaned_as_scoring_cleans_them(name: str) -> None:
    """``clean_article`` on a headline takes a prefix for a dateline ("Bahas RUU Pesantren, DPR
    - Pemerintah ..." became "Pemerintah ...", seen on real news): a notebook that explains or
    scores a record so scored another headline than the record's."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    for cell in _code_cells(nb):
        for line in cell.source.splitlines():
            assert not ("clean_article(" in line and "title" in line), line
