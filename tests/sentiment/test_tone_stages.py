"""The tone stages of ``bench/data/tone_labels.csv``: each is its selection script's choice, and
no stage reuses an article an earlier stage (theme or tone) had chosen."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path
from types import ModuleType

import pytest

from media_analytics.sentiment import LABELS

from ..conftest import bench_script, shared_file

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bench" / "data"


def _bench() -> ModuleType:
    return bench_script("sentiment_eval", "bench/sentiment_eval.py")


def _read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


Rows = list[dict[str, str]]


def _stages() -> list[Rows]:
    """The rows of ``tone_labels.csv`` stage by stage (index 0 is stage 1)."""
    tone = _read("tone_labels.csv")
    ends = [0, *_bench().TONE_STAGE_ENDS, len(tone)]
    return [tone[a:b] for a, b in itertools.pairwise(ends)]


def test_every_tone_row_has_a_label_and_no_article_is_labelled_twice() -> None:
    tone = _read("tone_labels.csv")
    assert all(r["tone"] in LABELS for r in tone)
    keys = [(r["dataset"], r["id"]) for r in tone]
    assert len(keys) == len(set(keys))


def test_stage_three_is_new_and_of_the_planned_size() -> None:
    stage1, stage2, stage3 = _stages()[:3]
    quotas = _bench().TONE3_QUOTAS
    assert len(stage3) == sum(sum(q.values()) for q in quotas.values())
    assert {r["dataset"] for r in stage3} == set(quotas)
    earlier = {(r["dataset"], r["id"]) for r in stage1 + stage2}
    for name in ("theme_labels.csv", "theme_labels_holdout.csv", "theme_labels_holdout2.csv"):
        earlier |= {(r["dataset"], r["id"]) for r in _read(name)}
    assert not earlier & {(r["dataset"], r["id"]) for r in stage3}
    # every label occurs: a stage of one class could not test the three-way rule
    assert {r["tone"] for r in stage3} == set(LABELS)


@pytest.mark.shared_data
@pytest.mark.slow
def test_stages_two_and_three_are_the_bench_choices() -> None:
    bench = _bench()
    corpora = shared_file("corpora")
    stage2, stage3 = _stages()[1:3]
    stages = bench.tone_stages(corpora)
    assert [(r["dataset"], r["id"]) for r in stage2] == [(d, i) for d, i, _ in stages[2]]
    chosen = stages[3]
    assert [(r["dataset"], r["id"]) for r in stage3] == [(d, i) for d, i, _ in chosen]
    # the stage-3 draw is per section, so each section's quota is met exactly
    per_stratum: dict[str, int] = {}
    for d, _, k in chosen:
        per_stratum[f"{d}:{k}"] = per_stratum.get(f"{d}:{k}", 0) + 1
    expected = {
        f"{d}:tone3_{section}": n for d, q in bench.TONE3_QUOTAS.items() for section, n in q.items()
    }
    assert per_stratum == expected


@pytest.mark.parametrize("k", [4, 5, 6, 7, 8, 9, 10, 11, 12])
def test_later_stages_are_new_and_of_the_planned_size(k: int) -> None:
    stages = _stages()
    stage = stages[k - 1]
    quotas = getattr(_bench(), f"TONE{k}_QUOTAS")
    assert len(stage) == sum(sum(q.values()) for q in quotas.values())
    assert {r["dataset"] for r in stage} == set(quotas)
    earlier = {(r["dataset"], r["id"]) for part in stages[: k - 1] for r in part}
    for name in (
        "theme_labels.csv",
        "theme_labels_holdout.csv",
        "theme_labels_holdout2.csv",
        "theme_labels_holdout3.csv",
    ):
        earlier |= {(r["dataset"], r["id"]) for r in _read(name)}
    assert not earlier & {(r["dataset"], r["id"]) for r in stage}
    assert {r["tone"] for r in stage} == set(LABELS)


@pytest.mark.shared_data
@pytest.mark.slow
@pytest.mark.parametrize("k", [4, 5, 6, 7, 8, 9, 10, 11, 12])
def test_later_stages_are_the_bench_choice(k: int) -> None:
    bench = _bench()
    chosen = bench.select_later_tone_stage(shared_file("corpora"), k)
    stage = _stages()[k - 1]
    # the file lists the draw in (dataset, id) order
    assert [(r["dataset"], r["id"]) for r in stage] == sorted((d, i) for d, i, _ in chosen)
    per_stratum: dict[str, int] = {}
    for d, _, stratum in chosen:
        per_stratum[f"{d}:{stratum}"] = per_stratum.get(f"{d}:{stratum}", 0) + 1
    quotas = getattr(bench, f"TONE{k}_QUOTAS")
    expected = {f"{d}:tone{k}_{section}": n for d, q in quotas.items() for section, n in q.items()}
    assert per_stratum == expected


def test_the_second_reading_covers_stage_six_in_the_same_order() -> None:
    second = _read("tone_labels_stage6_second.csv")
    stage6 = _stages()[5]
    assert [(r["dataset"], r["id"]) for r in second] == [(r["dataset"], r["id"]) for r in stage6]
    assert all(r["tone"] in LABELS for r in second)
