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

from .cli_process import run_cli
from .conftest import clickid_articles, shared_file

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
    with path.open("w", encoding="utf-8") as out:
        for record in clickid_articles(n=n):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_sigkill_at_random_points_loses_and_duplicates_nothing(
    backend: str, tmp_path: Path, default_pipeline
) -> None:
    src = tmp_path / "articles.jsonl"
    _real_articles(src, 1000)  # ten batches of 100
    env = dict(os.environ)
    # the default model built (or its cache checked) first, so that the timed run below is
    # as long as the runs that are killed, not one that also built the model
    warm = tmp_path / "warm.jsonl"
    warm.write_text(src.read_text(encoding="utf-8").split("\n", 1)[0] + "\n", encoding="utf-8")
    run_cli("score", str(warm), "--out", str(tmp_path / "warm.out"), "-q", env=env)
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
    assert len(reference) == 1000

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
    done = run_cli("score", str(src), "--db", db, "-q", "--batch-size", "100", env=env, timeout=900)
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
        lambda i: json.dumps({"id": f"bad-{i}", "url": f"https://x.id/{i}"}),  # no text or title
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
    done = run_cli("score", str(src), "--db", str(db), "-q", "--jobs", "1")
    assert done.returncode == 1, done.stderr[-2000:]
    with sqlite3.connect(db) as con:
        scored = {r[0] for r in con.execute("SELECT article_id FROM scores")}
        n_rejects = con.execute("SELECT COUNT(*) FROM rejects").fetchone()[0]
        reasons = [r[0] for r in con.execute("SELECT reason FROM rejects")]
    assert {r["id"] for r in good} <= scored
    assert n_rejects >= 1000
    assert all(reason for reason in reasons)


def _run_in(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd)


@pytest.mark.parametrize("backend", BACKENDS)
def test_old_rejects_are_not_reported_again_when_lines_shift_or_the_folder_moves(
    backend: str, tmp_path: Path
) -> None:
    # seen on real news: a crawler that writes the newest article first rewrites yesterday's
    # export with every line one further down; then the export folder moved to another disk
    _real_articles(tmp_path / "real.jsonl", 101)
    good = (tmp_path / "real.jsonl").read_text(encoding="utf-8").splitlines()
    newest, good = good[0], good[1:]
    bad = [
        '{"id": "cut-1", "title": "Banjir rob", "text": "Air laut naik',  # cut off mid-write
        json.dumps({"id": "no-text", "url": "https://x.id/tanpa-isi"}),  # no text, no title
        json.dumps(["not", "an", "object"]),
    ]
    lines = good[:40] + bad[:1] + good[40:79] + bad[1:2] + good[79:98] + bad[2:]
    exports = tmp_path / "exports"
    exports.mkdir()
    day = exports / "2019-09-13.jsonl"
    day.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = _db(backend, tmp_path, "rejects")
    done = _run_in(tmp_path, "score", "exports", "--db", db, "--jobs", "1")
    assert done.returncode == 1, done.stderr[-2000:]
    assert "3 records rejected" in done.stderr
    assert all(f"2019-09-13.jsonl:{n}:" in done.stderr for n in (41, 81, 101))

    day.write_text("\n".join([newest, *lines]) + "\n", encoding="utf-8")
    done = _run_in(tmp_path, "score", "exports", "--db", db, "--jobs", "1")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "0 records rejected" in done.stderr and "2019-09-13.jsonl:42:" not in done.stderr
    assert (
        "(99 rows read, 0 of them repeats "
        "of rows read earlier in this run: "
        "1 new article, 98 already stored by an earlier run" in done.stderr
    )

    # a new broken record among them is reported, alone
    cut = '{"id": "cut-2", "title": "Gempa", "text": "Guncangan terasa'
    day.write_text("\n".join([newest, cut, *lines]) + "\n", encoding="utf-8")
    done = _run_in(tmp_path, "score", "exports", "--db", db, "--jobs", "1")
    assert done.returncode == 1, done.stderr[-2000:]
    assert "1 record rejected" in done.stderr and "2019-09-13.jsonl:2:" in done.stderr

    # the same files from another folder: read again, their problems known
    exports.rename(tmp_path / "moved")
    done = _run_in(tmp_path, "score", "moved", "--db", db, "--jobs", "1")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "0 records rejected" in done.stderr
    status = json.loads(_run_in(tmp_path, "db", "status", "--db", db, "--json").stdout)
    assert status["rejects"] == 4


@pytest.mark.parametrize("backend", BACKENDS)
def test_reading_the_folder_again_counts_no_article_as_changed(
    backend: str, tmp_path: Path
) -> None:
    # seen on real news: `score EXPORTS/ --reread` said "108 of them changed" though no
    # article's text had: each corrected one was put back by its older file (an earlier batch
    # of 1,000) and corrected again by the later one
    exports = tmp_path / "exports"
    exports.mkdir()
    records = [
        {
            "id": f"s-{i}",
            "title": f"Polres siagakan {100 + i} personel",
            "text": f"DUMAI - Polres Dumai menyiagakan {100 + i} personel untuk pengamanan "
            f"Pilkada di kecamatan ke-{i}, ujar Kapolres.",
            "published_at": "2024-10-03T10:00:00+07:00",
            "source": "contoh.co.id",
        }
        for i in range(1010)
    ]
    (exports / "2024-10-01.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    corrected = dict(records[1], title=records[1]["title"] + " (diperbarui)")
    (exports / "2024-10-02.jsonl").write_text(json.dumps(corrected) + "\n", encoding="utf-8")
    db = _db(backend, tmp_path, "changed")
    done = _run_in(tmp_path, "score", "exports", "--db", db, "--jobs", "1", "-q")
    assert done.returncode == 0, done.stderr[-2000:]
    done = _run_in(tmp_path, "score", "exports", "--db", db, "--reread", "--jobs", "1")
    assert done.returncode == 0, done.stderr[-2000:]
    assert (
        "(1,011 rows read, 1 of them repeats "
        "of rows read earlier in this run: "
        "0 new articles, 1,010 already stored by an earlier run, 0 of them changed)" in done.stderr
    )
    from media_analytics.store import open_store

    with open_store(db) as store:
        counts = store.runs_frame()["counts"].tolist()
    # the first run stored s-1 new, and its correction too: that is no change of a stored one
    assert [c["changed"] for c in counts] == [0, 0]


def _clickid_day(day: str, n: int) -> list[dict[str, str]]:
    """The first ``n`` CLICK-ID articles published on ``day``, as export rows."""
    src = shared_file("corpora/clickid-news-articles/clickid_articles_80.csv")
    csv.field_size_limit(1 << 30)
    with src.open(newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["date"] == day][:n]
    return [
        {
            "id": r["article_id"],
            "title": r["title"],
            "text": r["content"],
            "published_at": r["date"],
            "source": r["source"],
            "url": r["url"],
        }
        for r in rows
    ]


def _corrected(row: dict[str, str]) -> dict[str, str]:
    """``row`` as a later export carries it once the outlet corrected it."""
    text = row["text"] + "\n\nRalat: berita ini telah diperbaiki pada Kamis (19/9/2019)."
    return dict(row, text=text)


def _write_export(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _stored_texts(db: str) -> dict[str, str]:
    from media_analytics.store import open_store

    with open_store(db) as store:
        return {r["id"]: r["text"] for batch in store.stored_articles() for r in batch}


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_older_export_read_again_does_not_undo_a_later_correction(
    backend: str, tmp_path: Path
) -> None:
    # seen on real news: after 2019-09-18 and 2019-09-19 were scored (the latter correcting 50
    # articles of the day before), `score exports/2019-09-18.csv --reread` said "50 of them
    # changed" and put the 50 back to their older text, without a word
    day1 = _clickid_day("2019-09-18", 60)
    fixed = [_corrected(r) for r in day1[:50]]
    exports = tmp_path / "exports"
    exports.mkdir()
    _write_export(exports / "2019-09-18.csv", day1)
    _write_export(exports / "2019-09-19.csv", fixed + _clickid_day("2019-09-19", 10))
    db = _db(backend, tmp_path, "older")
    done = _run_in(tmp_path, "score", "exports", "--db", db, "--jobs", "1")
    assert done.returncode == 0, done.stderr[-2000:]
    want = {r["id"]: r["text"] for r in fixed}
    assert {k: v for k, v in _stored_texts(db).items() if k in want} == want

    older = os.path.join("exports", "2019-09-18.csv")
    done = _run_in(tmp_path, "score", older, "--reread", "--db", db, "--jobs", "1")
    assert done.returncode == 0, done.stderr[-2000:]
    assert (
        "(60 rows read, 0 of them repeats "
        "of rows read earlier in this run: "
        "0 new articles, 60 already stored by an earlier run, 0 of them changed)" in done.stderr
    )
    said = [line for line in done.stderr.splitlines() if "kept the newer version" in line]
    assert len(said) == 1, done.stderr[-3000:]
    assert "50 article" in said[0] and "2019-09-19.csv" in said[0]
    assert {k: v for k, v in _stored_texts(db).items() if k in want} == want
    from media_analytics.store import open_store

    with open_store(db) as store:
        assert store.pending(store.runs_frame()["model_version"].iloc[0]) == 0


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_full_reread_stopped_midway_leaves_no_older_copy(
    backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full ``--reread`` writes the files oldest first, in batches: killed after a batch of
    the older file, it used to leave that file's copies over the later file's corrections until
    the next run. An older file's copy no longer replaces a later file's version at all."""
    from media_analytics.cli import main
    from media_analytics.store import Store

    day1 = _clickid_day("2019-09-18", 1010)  # more than one batch of 1,000
    fixed = [_corrected(r) for r in day1[:50]]
    exports = tmp_path / "exports"
    exports.mkdir()
    _write_export(exports / "2019-09-18.csv", day1)
    _write_export(exports / "2019-09-19.csv", fixed)
    db = _db(backend, tmp_path, "stopped")
    argv = ["score", str(exports), "--db", db, "-q", "--jobs", "2"]
    assert main(argv) == 0
    want = {r["id"]: r["text"] for r in fixed}
    real = Store.add_articles

    def stopped_after_first_batch(self, batch, *args, **kwargs):  # a kill, as far as it can tell
        real(self, batch, *args, **kwargs)
        raise RuntimeError("killed")

    monkeypatch.setattr(Store, "add_articles", stopped_after_first_batch)
    assert main([*argv, "--reread"]) == 2
    assert {k: v for k, v in _stored_texts(db).items() if k in want} == want


def test_sigterm_stops_the_job_like_ctrl_c(tmp_path: Path, default_pipeline) -> None:
    # seen in operation: a cron timeout, `systemctl stop` and `docker stop` send SIGTERM; the
    # job died of it with no word, its run left `running` with its claims until the next run
    # found it dead. Now it stops as on Ctrl-C: one line, exit 143, the run finished, the
    # claims released (with worker processes, which must end too)
    src = tmp_path / "articles.jsonl"
    sample = read_sample_records()
    records = [
        dict(r, id=f"{r['id']}-{k}", url=f"{r['url']}?k={k}", text=f"{r['text']} ({k})")
        for k in range(5)
        for r in sample
    ]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    n = len(records)
    db = tmp_path / "term.db"
    cmd = _cli("score", str(src), "--db", str(db), "--batch-size", "50", "--jobs", "2", "-q")
    with subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as proc:
        deadline = time.monotonic() + 300
        scored = 0
        while scored == 0 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
            try:
                with sqlite3.connect(db) as con:
                    scored = con.execute("SELECT COUNT(*) FROM scores").fetchone()[0]
            except sqlite3.Error:  # not created yet, or busy
                continue
        assert proc.poll() is None, "the job ended before it could be stopped"
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143, err.decode()[-2000:]
    assert err.decode().strip().splitlines()[-1] == "media-analytics: terminated (SIGTERM)"
    with sqlite3.connect(db) as con:
        runs = con.execute("SELECT status FROM runs").fetchall()
        claims = con.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        n_scores = con.execute("SELECT COUNT(*) FROM scores").fetchone()[0]
    assert runs == [("failed",)] and claims == 0
    assert 0 < n_scores < n
    # the next run carries on, finding no dead run to clean up after
    done = run_cli("score", str(src), "--db", str(db), "--jobs", "1", timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "crashed" not in done.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM scores").fetchone()[0] == n


def test_sigterm_in_process_exits_143_and_puts_the_handler_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from media_analytics import cli

    # in-process: the handler is set while the command runs and the earlier one put back
    before = signal.getsignal(signal.SIGTERM)

    def stop(args: object) -> int:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)
        return 0

    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    parser.set_defaults(func=stop)
    assert cli.main([]) == 143
    assert signal.getsignal(signal.SIGTERM) is before


def _by_id(path: Path) -> dict[str, dict[str, object]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {r["id"]: r for r in map(json.loads, lines)}


@pytest.mark.parametrize("backend", BACKENDS)
def test_db_export_gives_the_scored_records_and_the_articles_back(
    backend: str, tmp_path: Path
) -> None:
    # seen by an operator: nothing got the records or the articles back out of the database
    # (to retrain without keeping every export, to hand the records on, to move databases)
    _real_articles(tmp_path / "real.jsonl", 30)
    db = _db(backend, tmp_path, "export")
    done = _run_in(tmp_path, "score", "real.jsonl", "--db", db, "--out", "run.jsonl", "--jobs", "1")
    assert done.returncode == 0, done.stderr[-2000:]
    done = _run_in(tmp_path, "db", "export", "--db", db, "--out", "scored.jsonl")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "exported 30 scored records of model" in done.stderr
    run = _by_id(tmp_path / "run.jsonl")
    exported = _by_id(tmp_path / "scored.jsonl")
    assert exported == run  # what score --out wrote, field for field
    # the articles, text and all, as train and score read them
    done = _run_in(tmp_path, "db", "export", "--db", db, "--out", "articles.jsonl", "--articles")
    assert done.returncode == 0 and "exported 30 stored articles" in done.stderr
    given = _by_id(tmp_path / "real.jsonl")
    back = _by_id(tmp_path / "articles.jsonl")
    assert back.keys() == given.keys()
    assert all(back[i]["text"] == given[i]["text"] for i in given)
    done = _run_in(tmp_path, "score", "articles.jsonl", "--out", "again.jsonl", "--jobs", "1")
    again = _by_id(tmp_path / "again.jsonl")
    assert done.returncode == 0 and again == run
    # a period, and a version the database does not hold
    some = _run_in(tmp_path, "db", "export", "--db", db, "--out", "-", "--since", "2100-01-01")
    assert some.returncode == 0 and some.stdout == "" and "exported 0 scored" in some.stderr
    # -q under cron: nothing said of a clean export
    quiet = _run_in(tmp_path, "db", "export", "--db", db, "--out", "q.jsonl", "-q")
    assert quiet.returncode == 0 and quiet.stderr == "", quiet.stderr
    assert _by_id(tmp_path / "q.jsonl") == run
    wrong = _run_in(tmp_path, "db", "export", "--db", db, "--out", "x.jsonl",
                    "--model-version", "0.0.0-nope")  # fmt: skip
    assert wrong.returncode == 2 and "0.0.0-nope" in wrong.stderr
    assert not (tmp_path / "x.jsonl").exists()
