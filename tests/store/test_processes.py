"""Real processes on one database: concurrent runs, runs killed with SIGKILL, dead runs' claims."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest

from media_analytics.store import open_store

from .conftest import start_worker, wait_for_file
from .helpers import RECORD_FIELDS, make_articles, score_record

pytestmark = pytest.mark.slow

_KILLS = 12


def _finish(processes: list[subprocess.Popen[bytes]], timeout: float = 300) -> list[str]:
    """Wait for every process; their standard errors."""
    errors = []
    for process in processes:
        try:
            _, err = process.communicate(timeout=timeout)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
        errors.append(err.decode())
    return errors


def test_concurrent_runs_score_each_article_once(db_url: str, tmp_path: Path) -> None:
    n, k = 3000, 4
    # all start together, past their imports, on a database nobody created yet
    go = tmp_path / "go"
    outs = [tmp_path / f"worker-{i}.json" for i in range(k)]
    arrived = [tmp_path / f"arrived-{i}" for i in range(k)]
    # a 10 ms pause per batch of 25 (at least 1.2 s of scoring in all): on a loaded machine one
    # worker could otherwise score everything before the others are past the reading lock
    processes = [
        start_worker(
            db_url,
            "--add",
            str(n),
            "--batch",
            "25",
            "--pause",
            "0.01",
            "--arrived",
            str(a),
            "--go",
            str(go),
            out=o,
        )
        for o, a in zip(outs, arrived, strict=True)
    ]
    for a, process in zip(arrived, processes, strict=True):
        wait_for_file(a, process)
    go.touch()
    errors = _finish(processes)
    for process, err in zip(processes, errors, strict=True):
        assert process.returncode == 0, err[-3000:]
        assert "locked" not in err and "Traceback" not in err
    results = [json.loads(o.read_text()) for o in outs]

    # every worker added all n articles at the same time: each one is new exactly once
    assert sum(r["added"][0] for r in results) == n
    assert sum(r["added"][1] for r in results) == n * (k - 1)
    # no article went to two runs, none was left out
    scored = [set(r["scored"]) for r in results]
    assert sum(len(s) for s in scored) == n
    assert set().union(*scored) == {a["id"] for a in make_articles(n)}
    assert sum(1 for s in scored if s) >= 2, "the runs did not overlap: the test proves nothing"

    with open_store(db_url) as store:
        frame = store.scores_frame("v1")
        runs = store.runs_frame()
    assert len(frame) == n and frame["id"].is_unique
    by_run = frame.groupby("run_id")["id"].apply(set).to_dict()
    for result, ids in zip(results, scored, strict=True):
        assert by_run.get(result["run_id"], set()) == ids
    assert runs["status"].tolist() == ["ok"] * k
    assert runs["n_claims"].sum() == 0


def _frame_records(url: str) -> list[dict]:
    with open_store(url) as store:
        frame = store.scores_frame("v1")
    assert frame["id"].is_unique
    return frame[list(RECORD_FIELDS)].sort_values("id").to_dict("records")


def test_killed_runs_lose_nothing_and_count_nothing_twice(db_url: str, tmp_path: Path) -> None:
    n = 1500
    articles = make_articles(n)
    with open_store(db_url) as store:
        store.add_articles(articles)
    rng = random.Random(20241018)
    kills = attempt = 0
    while True:
        attempt += 1
        ready = tmp_path / f"ready-{attempt}"
        # 75 batches with a 30 ms pause each: at least 2.25 s of work, so that the first
        # five windows of at most 0.4 s cannot finish it and there are at least 5 kills.
        worker = start_worker(db_url, "--batch", "20", "--pause", "0.03", "--ready", str(ready))
        # SIGKILL at a random moment of the work, _KILLS times; then let one run finish.
        window = rng.uniform(0.0, 0.4) if kills < _KILLS else 300.0
        try:
            wait_for_file(ready, worker, allow_exit=True)  # past the imports: into the work
            worker.wait(timeout=window)
        except subprocess.TimeoutExpired:
            worker.kill()  # wherever it is: starting a run, claiming, scoring, saving
            worker.communicate()
            if kills >= _KILLS:
                pytest.fail(f"the last worker did not finish within {window:.0f} s")
            kills += 1
            continue
        _, err = worker.communicate()
        assert worker.returncode == 0, err.decode()[-3000:]
        break

    with open_store(db_url) as store:
        assert store.pending("v1") == 0
        runs = store.runs_frame()
    assert kills >= 5, f"only {kills} kills: the test did not test much"
    assert runs["status"].iloc[-1] == "ok"
    # every killed run found dead (one killed just after it finished may be "ok")
    assert set(runs["status"]) <= {"crashed", "ok"}
    assert (runs["status"] == "crashed").sum() >= 3
    assert runs["n_claims"].sum() == 0
    interrupted = runs[runs["status"] == "crashed"]
    assert interrupted["n_scores"].sum() > 0, "no run was killed after saving anything"
    print(
        f"{kills} kills; {len(interrupted)} runs found crashed, which saved "
        f"{interrupted['n_scores'].sum()} of {n} scores; {len(runs)} runs in all"
    )

    # identical to a run that was never interrupted, and to the scorer's own output
    reference = str(tmp_path / "reference.db")
    with open_store(reference) as store:
        store.add_articles(articles)
    assert _finish([start_worker(reference, "--batch", "20")]) == [""]
    records = _frame_records(db_url)
    assert len(records) == n
    assert records == _frame_records(reference)
    assert records == sorted((score_record(a, "v1") for a in articles), key=lambda r: r["id"])


def test_claims_of_a_killed_process_are_released(db_url: str, tmp_path: Path) -> None:
    with open_store(db_url) as store:
        store.add_articles(make_articles(10))
        out = tmp_path / "claimed.json"
        worker = start_worker(db_url, "--claim-only", "6", out=out)
        try:
            wait_for_file(out, worker)
            held = set(json.loads(out.read_text())["claimed"])
            assert len(held) == 6
            run = store.start_run("v1")
            assert len(store.claim(run, "v1", 100)) == 4  # the live worker's 6 are off limits
            assert store.reap_dead_runs() == []
        finally:
            worker.kill()
            worker.communicate()
        # killed between claim and save: nothing saved, and its six come back at once
        assert store.scores_frame().empty
        assert {a["id"] for a in store.claim(run, "v1", 100)} == held
        runs = store.runs_frame().set_index("run_id")
        dead = json.loads(out.read_text())["run_id"]
        assert runs.loc[dead, "status"] == "crashed"
        assert "is gone" in runs.loc[dead, "note"] and runs.loc[dead, "n_claims"] == 0


def test_exclusive_run_across_processes(db_url: str, tmp_path: Path) -> None:
    with open_store(db_url) as store:
        store.add_articles(make_articles(3))
    out = tmp_path / "claimed.json"
    holder = start_worker(db_url, "--claim-only", "1", "--exclusive", out=out)
    try:
        wait_for_file(out, holder)
        second = start_worker(db_url, "--exclusive")
        (err,) = _finish([second])
        assert second.returncode != 0 and "RunActiveError" in err and "still active" in err
    finally:
        holder.kill()
        holder.communicate()
    third = start_worker(db_url, "--exclusive")  # the holder is dead: no longer in the way
    (err,) = _finish([third])
    assert third.returncode == 0, err
    with open_store(db_url) as store:
        assert store.runs_frame()["status"].tolist() == ["crashed", "ok"]
        assert len(store.scores_frame()) == 3
