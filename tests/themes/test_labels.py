"""The evaluation label files: ids and 0/1 labels only, development and held-out sets disjoint."""

from __future__ import annotations

import csv
from pathlib import Path
from types import ModuleType

import pytest

from media_analytics.themes import Taxonomy

from ..conftest import bench_script, shared_file

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"


def _script() -> ModuleType:
    return bench_script("select_for_labelling", "bench/data/select_for_labelling.py")


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
        "theme_labels_holdout4.csv",
        "theme_labels_holdout5.csv",
        "theme_labels_holdout6.csv",
    ],
)
def test_label_files_hold_ids_and_labels_only(name: str) -> None:
    rows = _read(name)
    themes = Taxonomy.load().ids
    assert list(rows[0]) == ["dataset", "id", *themes]
    assert len({(r["dataset"], r["id"]) for r in rows}) == len(rows)
    for r in rows:
        assert r["dataset"] in {"clickid", "detik2025", "detik_pilkada"}
        assert all(r[t] in {"0", "1"} for t in themes), r["id"]


def test_the_held_out_sets_are_new_and_large_enough() -> None:
    dev = {(r["dataset"], r["id"]) for r in _read("theme_labels.csv")}
    holdout = {(r["dataset"], r["id"]) for r in _read("theme_labels_holdout.csv")}
    holdout2 = {(r["dataset"], r["id"]) for r in _read("theme_labels_holdout2.csv")}
    holdout3 = {(r["dataset"], r["id"]) for r in _read("theme_labels_holdout3.csv")}
    holdout4 = {(r["dataset"], r["id"]) for r in _read("theme_labels_holdout4.csv")}
    tone = {(r["dataset"], r["id"]) for r in _read("tone_labels.csv")}
    # tone stages 1-7 (the first 1,332 rows): tone stage 8 was drawn after theme stage 6 and
    # may share articles with it (labelled for tone only)
    tone_1_7 = {(r["dataset"], r["id"]) for r in _read("tone_labels.csv")[:1332]}
    holdout5 = {(r["dataset"], r["id"]) for r in _read("theme_labels_holdout5.csv")}
    holdout6 = {(r["dataset"], r["id"]) for r in _read("theme_labels_holdout6.csv")}
    held_out = [holdout, holdout2, holdout3, holdout4, holdout5, holdout6]
    assert min(len(s) for s in held_out) >= 150
    assert not dev & holdout and not dev & holdout2 and not holdout & holdout2
    # stages 5 and 6 are new to every earlier stage, the tone sets of their time included
    assert not holdout3 & (dev | holdout | holdout2 | tone)
    assert not holdout4 & (dev | holdout | holdout2 | holdout3 | tone_1_7)
    # stage 7 is new to every theme stage; articles of the tone stages may be in it (they had
    # been labelled for tone only), and some are
    assert not holdout5 & (dev | holdout | holdout2 | holdout3 | holdout4)
    assert holdout5 & tone
    # stage 8 likewise, new to stages 1-7
    assert not holdout6 & (dev | holdout | holdout2 | holdout3 | holdout4 | holdout5)
    assert holdout6 & tone


@pytest.mark.slow
@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("which", "name"),
    [
        ("holdout", "theme_labels_holdout.csv"),
        ("holdout2", "theme_labels_holdout2.csv"),
        ("holdout3", "theme_labels_holdout3.csv"),
        ("holdout4", "theme_labels_holdout4.csv"),
        ("holdout5", "theme_labels_holdout5.csv"),
        ("holdout6", "theme_labels_holdout6.csv"),
    ],
)
def test_the_held_out_sets_are_what_the_selection_script_prints(
    which: str, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    corpora = shared_file("corpora")
    # run in this process: the script keeps its stage draws, so each stage is drawn only once
    # for all the tests that ask for it
    assert _script().main(["--corpora", str(corpora), "--set", which]) == 0
    out = capsys.readouterr().out
    chosen = [(r["dataset"], r["id"]) for r in csv.DictReader(out.splitlines())]
    # the files of stages 6 and 7 are in (dataset, id) order
    assert sorted(chosen) == sorted((r["dataset"], r["id"]) for r in _read(name))
    assert len(set(chosen)) == len(chosen)
