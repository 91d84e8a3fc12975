"""The evaluation label files: ids and 0/1 labels only, development and held-out sets disjoint."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from media_analytics.themes import Taxonomy

from ..conftest import shared_file

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"


def _read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize(
    "name",
    [
        "theme_labels.csv",
        "theme_labels_holdout.csv",
        "theme_labels_holdout2.csv",
        "theme_labels_holdout3.csv",
    ],
)
def test_label_files_hold_ids_and_labels_only(name: str) -> None:
    rows = _read(name)
    assert list(rows[0]) == ["dataset", "id", *Taxonomy.load().ids]
    assert len({(r["dataset"], r["id"]) for r in rows}) == len(rows)
    for r in rows:
        assert r["dataset"] in {"clickid", "detik2025", "detik_pilkada"}
        assert all(r[t] in {"0", "1"} for t in Taxonomy.load().ids), r["id"]


def test_the_held_out_sets_are_new_and_large_enough() -> None:
    dev = {(r["dataset"], r["id"]) for r in _read("theme_labels.csv")}
    holdout = {(r["dataset"], r["id"]) for r in _read("theme_labels_holdout.csv")}
    holdout2 = {(r["dataset"], r["id"]) for r in _read("theme_labels_holdout2.csv")}
    holdout3 = {(r["dataset"], r["id"]) for r in _read("theme_labels_holdout3.csv")}
    tone = {(r["dataset"], r["id"]) for r in _read("tone_labels.csv")}
    assert len(holdout) >= 150 and len(holdout2) >= 150 and len(holdout3) >= 150
    assert not dev & holdout and not dev & holdout2 and not holdout & holdout2
    # stage 5 is new to every earlier stage, the tone sets included
    assert not holdout3 & (dev | holdout | holdout2 | tone)


@pytest.mark.slow
@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("which", "name"),
    [
        ("holdout", "theme_labels_holdout.csv"),
        ("holdout2", "theme_labels_holdout2.csv"),
        ("holdout3", "theme_labels_holdout3.csv"),
    ],
)
def test_the_held_out_sets_are_what_the_selection_script_prints(which: str, name: str) -> None:
    corpora = shared_file("corpora")
    script = DATA / "select_for_labelling.py"
    out = subprocess.run(
        [sys.executable, str(script), "--corpora", str(corpora), "--set", which],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    chosen = [(r["dataset"], r["id"]) for r in csv.DictReader(out.splitlines())]
    assert chosen == [(r["dataset"], r["id"]) for r in _read(name)]
