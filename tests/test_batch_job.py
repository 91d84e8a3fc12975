"""The batch job under faults: killed runs, concurrent runs, malformed input (real processes)."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from media_analytics.themes.training import read_sample_records

from .conftest import shared_file

PG_URL = os.environ.get("MEDIA_ANALYTICS_TEST_PG_URL")
_NO_PG = "MEDIA_ANALYTICS_TEST_PG_URL is not set (.ci/run starts PostgreSQL)"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.skipif(not PG_URL, reason=_NO_PG))]


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "media_analytics.cli", *args]


def _db(backend: str, tmp_path: Path, name: str) -> str:
    if backend == "sqlite":
        return str(tmp_path / f"{name}.db")
    import psycopg

    assert PG_URL
    schema = f"t_{name}_{os.getpid()}_{random.randrange(10**6)}"
    with psycopg.connect(PG_URL, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    return f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}"


def _scores(db: str) -> dict[str, str]:
    from media_analytics.store import open_store

    with open_store(db) as store:
        frame = store.scores_frame()
    assert frame["id"].is_unique, "an article was scored twice"
    drop = {"scored_at", "run_id", "stale"}
    return {
        row["id"]: json.dumps(
            {k: v for k, v in row.items() if k not in drop}, sort_keys=True, default=str
        )
        for row in frame.to_dict(orient="records")
    }


def _real_articles(path: Path, n: int) -> None:
    src = shared_file("corpora/clickid-news-articles/clickid_articles_80.csv")
    csv.field_size_limit(1 << 30)
    with src.open(newline="", encoding="utf-8") as f, path.open("w", encoding="utf-8") as out:
        for i, row in enumerate(csv.DictReader(f)):
            if i >= n:
                break
            record = {
                "id": row["article_id"],
                "title": row["title"],
                "text": row["content"],
                "published_at": row["date"],
                "source": row["source"],
                "url": row["url"],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_sigkill_at_random_points_loses_and_duplicates_nothing(
    backend: str, tmp_path: Path, default_pipeline
) -> None:
    src = tmp_path / "articles.jsonl"
    _real_articles(src, 2000)
    env = dict(os.environ)
    # the default model built (or its cache checked) first, so that the timed run below is
    # as long as the runs that are killed, not one that also built the model
    warm = tmp_path / "warm.jsonl"
    warm.write_text(src.read_text(encoding="utf-8").split("\n", 1)[0] + "\n", encoding="utf-8")
    subprocess.run(_cli("score", str(warm), "--out", str(tmp_path / "warm.out"), "-q"), env=env)
    ref_db = _db(backend, tmp_path, "ref")
    t0 = time.monotonic()
    done = subprocess.run(
        _cli("score", str(src), "--db", ref_db, "-q", "--batch-size", "100"),
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    duration = time.monotonic() - t0
    reference = _scores(ref_db)
    assert len(reference) == 2000

    db = _db(backend, tmp_path, "faulty")
    rng = random.Random(7)
    kills = 0
    # Several runs killed at random moments (during start-up, reading, scoring or saving), then
    # one left to finish: the store must end exactly as after the uninterrupted run.
    for _attempt in range(6):
        cmd = _cli("score", str(src), "--db", db, "-q", "--batch-size", "100")
        with subprocess.Popen(
            cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        ) as proc:
            try:
                # at most 60% of the reference run's time: on a shared machine a later run
                # can be much faster than the reference, and finish before its kill
                _, err = proc.communicate(timeout=rng.uniform(0.05, 0.6) * duration)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                # its workers must notice and exit (they hold its stderr): fail, never hang
                proc.communicate(timeout=60)
                kills += 1
                continue
        assert proc.returncode == 0, err.decode()[-2000:]
        break
    done = subprocess.run(
        _cli("score", str(src), "--db", db, "-q", "--batch-size", "100"),
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert kills >= 2, "the test should have interrupted the job several times"
    assert _scores(db) == reference


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_concurrent_runs_share_the_work(backend: str, tmp_path: Path, default_pipeline) -> None:
    records = read_sample_records()
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    db = _db(backend, tmp_path, "concurrent")
    procs = [
        subprocess.Popen(
            _cli("score", str(src), "--db", db, "-q", "--batch-size", "20", "--jobs", "1"),
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    errors = [p.communicate(timeout=600)[1].decode() for p in procs]
    for p, err in zip(procs, errors, strict=True):
        assert p.returncode == 0, err[-2000:]
    scores = _scores(db)
    assert set(scores) == {r["id"] for r in records}


def test_a_thousand_malformed_records(tmp_path: Path, default_pipeline) -> None:
    good = read_sample_records()[:60]
    rng = random.Random(3)
    bad_kinds = [
        lambda i: "{broken json " + str(i),
        lambda i: json.dumps({"id": f"bad-{i}", "title": "tanpa isi"}),
        lambda i: json.dumps({"id": f"bad-{i}", "text": i}),
        lambda i: json.dumps({"id": f"bad-{i}", "text": ["a", "b"]}),
        lambda i: json.dumps([i]),
        lambda i: json.dumps({"id": f"bad-{i}", "text": "   "}),
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in good]
    lines += [rng.choice(bad_kinds)(i) for i in range(1000)]
    rng.shuffle(lines)
    src = tmp_path / "mixed.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # a line of invalid UTF-8 bytes as well
    with src.open("ab") as f:
        f.write(b'{"id": "bytes", "text": "caf\xe9 \xff\xfe"}\n')
    db = tmp_path / "mixed.db"
    done = subprocess.run(
        _cli("score", str(src), "--db", str(db), "-q", "--jobs", "1"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    with sqlite3.connect(db) as con:
        scored = {r[0] for r in con.execute("SELECT article_id FROM scores")}
        n_rejects = con.execute("SELECT COUNT(*) FROM rejects").fetchone()[0]
        reasons = [r[0] for r in con.execute("SELECT reason FROM rejects")]
    assert {r["id"] for r in good} <= scored
    assert n_rejects >= 1000
    assert all(reason for reason in reasons)
