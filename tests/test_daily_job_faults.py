"""The daily job (`score --db`) against inputs and accidents met in operation (real processes)."""

from __future__ import annotations

import json
import os
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from media_analytics.corpus import DuplicateDetector

from .cli_process import run_cli

PG_URL = os.environ.get("MEDIA_ANALYTICS_TEST_PG_URL")
_NO_PG = "MEDIA_ANALYTICS_TEST_PG_URL is not set (.ci/run starts PostgreSQL)"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.skipif(not PG_URL, reason=_NO_PG))]


def _pg_schema(name: str) -> str:
    """The URL of a new, empty schema of the test PostgreSQL."""
    import random

    import psycopg

    assert PG_URL
    schema = f"t_{name}_{os.getpid()}_{random.randrange(10**6)}"
    with psycopg.connect(PG_URL, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    return f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd)


def _article(i: int, **extra: object) -> dict[str, object]:
    return {
        "id": f"a-{i}",
        "title": f"Polres siagakan {100 + i} personel",
        "text": f"DUMAI - Polres Dumai menyiagakan {100 + i} personel untuk pengamanan Pilkada di "
        f"kecamatan ke-{i}, ujar Kapolres. Warga diminta tetap tenang.",
        "published_at": "2024-10-03T10:00:00+07:00",
        "source": "contoh.co.id",
        **extra,
    }


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _stored(db: Path) -> dict[str, tuple[str | None, int]]:
    with sqlite3.connect(db) as con:
        rows = con.execute(
            "SELECT a.id, a.published_at, COUNT(s.article_id) FROM articles a "
            "LEFT JOIN scores s ON s.article_id = a.id GROUP BY a.id"
        ).fetchall()
    return {aid: (when, n) for aid, when, n in rows}


def test_half_characters_and_decimals_do_not_sink_the_batch(tmp_path: Path) -> None:
    # "\ud83d": half of an emoji a crawler cut in two, in the text and in an extra field
    raw = [json.dumps(_article(i)) for i in range(3)]
    raw[1] = (
        raw[1]
        .replace("Warga diminta", "Warga \\ud83d diminta")
        .replace('"source"', '"komentar": "\\udc80", "source"')
    )
    (tmp_path / "in.jsonl").write_text("\n".join(raw) + "\n", encoding="utf-8")
    done = _run("score", "in.jsonl", "--db", "m.db", "--quiet", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "half a character" in done.stderr
    stored = _stored(tmp_path / "m.db")
    assert sorted(stored) == ["a-0", "a-1", "a-2"]
    assert all(n == 1 for _, n in stored.values())
    with sqlite3.connect(tmp_path / "m.db") as con:
        (record,) = con.execute("SELECT record FROM articles WHERE id = 'a-1'").fetchone()
    assert "Warga \ufffd diminta" in json.loads(record)["text"]

    pa = pytest.importorskip("pyarrow")
    import decimal

    import pyarrow.parquet as pq

    rows = [_article(i, harga=decimal.Decimal("15000.50")) for i in range(10, 12)]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "export.parquet")
    done = _run("score", "export.parquet", "--db", "m.db", "--quiet", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(tmp_path / "m.db") as con:
        (record,) = con.execute("SELECT record FROM articles WHERE id = 'a-10'").fetchone()
    assert json.loads(record)["harga"] == 15000.5
    assert len(_stored(tmp_path / "m.db")) == 5


def test_a_broken_duplicate_state_is_set_aside_and_the_job_goes_on(tmp_path: Path) -> None:
    _write(tmp_path / "day1.jsonl", [_article(i) for i in range(3)])
    assert _run("score", "day1.jsonl", "--db", "m.db", "-q", cwd=tmp_path).returncode == 0
    state = tmp_path / "m.db.dedup.npz"
    assert len(DuplicateDetector.load(state)) == 3
    os.truncate(state, state.stat().st_size // 2)  # what a process killed while writing left
    _write(tmp_path / "day2.jsonl", [_article(i) for i in range(3, 5)])
    done = _run("score", "day2.jsonl", "--db", "m.db", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "cannot be read" in done.stderr
    assert (tmp_path / "m.db.dedup.npz.broken").exists()
    # rebuilt from the 3 articles the database holds, and saved whole
    assert len(DuplicateDetector.load(state)) == 5
    assert sorted(_stored(tmp_path / "m.db")) == [f"a-{i}" for i in range(5)]
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_runs_at_once_both_reach_the_duplicate_state(backend: str, tmp_path: Path) -> None:
    """Two daily jobs on one database (on PostgreSQL, as if on two machines: no state file)."""
    from media_analytics.store import open_store

    db = "m.db" if backend == "sqlite" else _pg_schema("twice")
    _write(tmp_path / "x.jsonl", [_article(i) for i in range(0, 30)])
    _write(tmp_path / "y.jsonl", [_article(i) for i in range(30, 60)])
    cmd = [sys.executable, "-m", "media_analytics.cli", "score", "--db", db, "-q", "--jobs", "1"]
    runs = [
        subprocess.Popen([*cmd, name], cwd=tmp_path, stderr=subprocess.PIPE)
        for name in ("x.jsonl", "y.jsonl")
    ]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err.decode()
    with open_store(db if backend != "sqlite" else tmp_path / db) as store:
        scored = store.scores_frame()
        kept = store.load_dedup_state()
    assert len(scored) == 60 and scored["id"].is_unique
    # before the lock, the run that saved last overwrote the other's articles
    if backend == "sqlite":
        assert len(DuplicateDetector.load(tmp_path / "m.db.dedup.npz")) == 60
    else:
        assert kept is not None and len(DuplicateDetector.from_bytes(kept)) == 60
        assert not list(tmp_path.glob("*.npz"))
    # so a copy of an article of either run is known as a copy the next day
    copies = [
        dict(_article(i), id=f"copy-{i}", source="lain.id", url=f"https://lain.id/{i}")
        for i in (5, 45)
    ]
    _write(tmp_path / "z.jsonl", copies)
    assert _run("score", "z.jsonl", "--db", db, "-q", cwd=tmp_path).returncode == 0
    with open_store(db if backend != "sqlite" else tmp_path / db) as store:
        frame = store.scores_frame().set_index("id")
    found = frame.loc[frame.index.str.startswith("copy-"), "duplicate_of"].to_dict()
    assert found == {"copy-5": "a-5", "copy-45": "a-45"}


def test_a_copy_without_a_readable_date_keeps_the_stored_date(tmp_path: Path) -> None:
    _write(tmp_path / "day1.jsonl", [_article(1)])
    assert _run("score", "day1.jsonl", "--db", "m.db", "-q", cwd=tmp_path).returncode == 0
    again = dict(_article(1), published_at="kemarin sore")
    _write(tmp_path / "day2.jsonl", [again])
    done = _run("score", "day2.jsonl", "--db", "m.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "the stored date 2024-10-03T10:00:00+07:00 is kept" in done.stderr
    assert "scored 0 articles" in done.stderr
    assert _stored(tmp_path / "m.db") == {"a-1": ("2024-10-03T10:00:00+07:00", 1)}


def test_a_file_named_twice_is_read_once_and_bad_options_exit_2(tmp_path: Path) -> None:
    (tmp_path / "exports").mkdir()
    _write(tmp_path / "exports" / "today.jsonl", [_article(i) for i in range(2)])
    done = _run("score", "exports", "./exports/today.jsonl", "--db", "m.db", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "repeated_id" not in done.stderr and "already read" not in done.stderr
    done = _run("score", "exports", "--db", "m.db", "--batch-size", "0", cwd=tmp_path)
    assert done.returncode == 2
    assert "must be 1 or more" in done.stderr


def test_a_model_trained_with_other_settings_has_another_version() -> None:
    from media_analytics import MediaPipeline
    from media_analytics.themes.training import read_sample_records

    articles = [
        {"id": r["id"], "title": r["title"], "text": r["text"]} for r in read_sample_records()
    ][:80]
    versions = set()
    for params in ({}, {"n_topics": 4}, {"random_state": 3}, {"calibrate_themes": True}):
        versions.add(MediaPipeline(with_sentiment=False, **params).fit(articles).model_version)
    assert len(versions) == 4


def test_the_export_folder_every_day(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    day1 = [json.dumps(_article(i)) for i in range(3)] + ["{not json"]
    (exports / "2024-10-01.jsonl").write_text("\n".join(day1) + "\n", encoding="utf-8")
    done = _run("score", "exports", "--db", "m.db", "-q", cwd=tmp_path)
    assert done.returncode == 1  # the bad line of day 1, reported once
    corrected = dict(_article(1), title="Polres siagakan 101 personel, dua kecamatan rawan")
    _write(exports / "2024-10-02.jsonl", [corrected, _article(3)])
    done = _run("score", "exports", "--db", "m.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr  # yesterday's file is not read (nor rejected) again
    assert "1 of them changed" in done.stderr
    with sqlite3.connect(tmp_path / "m.db") as con:
        (title,) = con.execute("SELECT title FROM articles WHERE id = 'a-1'").fetchone()
        (record,) = con.execute("SELECT record FROM scores WHERE article_id = 'a-1'").fetchone()
        rejects = con.execute("SELECT run_id, reason FROM rejects").fetchall()
    assert title == corrected["title"] == json.loads(record)["title"]  # stored and scored
    assert rejects == [(1, "invalid_json")]
    assert sorted(_stored(tmp_path / "m.db")) == [f"a-{i}" for i in range(4)]
    # a file changed since it was read is read again, whole, and so is every later file: the
    # correction of day 2 stays
    with (exports / "2024-10-01.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(_article(9)) + "\n")
    done = _run("score", "exports", "--db", "m.db", cwd=tmp_path)
    assert (
        "(6 rows read, 1 of them repeats "
        "of rows read earlier in this run: "
        "1 new article, 4 already stored by an earlier run, 0 of them changed)" in done.stderr
    )
    assert "a-9" in _stored(tmp_path / "m.db")
    # its bad line, met again, is neither stored nor reported again: exit 0, 1 reject
    assert done.returncode == 0, done.stderr
    assert "rejected exports" not in done.stderr and "0 records rejected" in done.stderr
    with sqlite3.connect(tmp_path / "m.db") as con:
        (title,) = con.execute("SELECT title FROM articles WHERE id = 'a-1'").fetchone()
        rejects = con.execute("SELECT run_id, reason FROM rejects").fetchall()
    assert title == corrected["title"]
    assert rejects == [(1, "invalid_json")]
    # the same folder named by its full path (another cron line): still one file, one reject
    with (exports / "2024-10-01.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(_article(10)) + "\n")
    done = _run("score", str(exports.resolve()), "--db", "m.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(tmp_path / "m.db") as con:
        assert con.execute("SELECT run_id, reason FROM rejects").fetchall() == [(1, "invalid_json")]


def test_report_covers_the_model_first_used_last_and_names_the_others(tmp_path: Path) -> None:
    from media_analytics.store import open_store

    _write(tmp_path / "in.jsonl", [_article(i) for i in range(4)])
    assert _run("score", "in.jsonl", "--db", "m.db", "-q", cwd=tmp_path).returncode == 0
    with open_store(tmp_path / "m.db") as store:  # a new model that stopped after one article
        run = store.start_run("0.2.0-newer")
        [claimed] = store.claim(run, "0.2.0-newer", limit=1)
        scored = store.scores_frame().iloc[0].to_dict()
        record = {k: v for k, v in scored.items() if k not in ("scored_at", "run_id", "stale")}
        store.save_scores(
            run, "0.2.0-newer", [dict(record, id=claimed["id"], model_version="0.2.0-newer")]
        )
        store.finish_run(run, "ok", {})
    done = _run("report", "--db", "m.db", "--out", "r", cwd=tmp_path)
    assert "the report covers model 0.2.0-newer (1 articles)" in done.stderr
    assert "the database also holds 0.1.0-" in done.stderr and "(4 articles)" in done.stderr
    # written, but partial: the older model scored more of the articles, so a cron job hears
    # of it by the exit code (seen in an operator's trial: a stopped first run of a new model
    # made the week's report 25 of 288 stories, exit 0)
    assert done.returncode == 1, done.stderr
    assert "scored fewer of the articles than 0.1.0-" in done.stderr
    assert "the report is partial (exit 1)" in done.stderr
    assert (tmp_path / "r" / "report.md").exists()
    old = done.stderr.split("report on the other with --model-version ")[1].split()[0]
    done = _run("report", "--db", "m.db", "--out", "r0", "--model-version", old, cwd=tmp_path)
    assert done.returncode == 0, done.stderr  # the version asked for: no comparison
    # a later run of the old model (a daily job started without --model) scores nothing (exit
    # 1): its articles are stored and wait for the new model, and the report stays the new
    # model's, counting the articles it has not scored
    _write(tmp_path / "more.jsonl", [_article(i) for i in range(4, 6)])
    done = _run("score", "more.jsonl", "--db", "m.db", "-q", cwd=tmp_path)
    assert done.returncode == 1 and "not scored with it" in done.stderr, done.stderr
    done = _run("report", "--db", "m.db", "--out", "r2", cwd=tmp_path)
    assert "the report covers model 0.2.0-newer (1 articles)" in done.stderr
    assert "(4 articles)" in done.stderr
    assert "model 0.2.0-newer scored 1 of the 6 articles stored" in done.stderr
    # nor does a rescore of the old model score
    done = _run("score", "more.jsonl", "--db", "m.db", "-q", "--rescore", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    done = _run("report", "--db", "m.db", "--out", "r4", cwd=tmp_path)
    assert "the report covers model 0.2.0-newer (1 articles)" in done.stderr, done.stderr
    # a version the database does not hold is named as such, with those it holds
    done = _run("report", "--db", "m.db", "--out", "r3", "--model-version", "9.9", cwd=tmp_path)
    assert done.returncode == 2
    assert "--model-version 9.9: the database holds no scores of that version" in done.stderr
    assert "0.2.0-newer (1 articles)" in done.stderr


def test_db_status_reads_a_database_it_cannot_write(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    # seen by an operator: on a full disk `db status` failed like the run that filled it,
    # because it first marks the runs whose process is gone (a write); it now says so and
    # shows what is stored
    from media_analytics.cli import main
    from media_analytics.store import Store, StoreError

    _write(tmp_path / "in.jsonl", [_article(i) for i in range(3)])
    assert _run("score", "in.jsonl", "--db", "m.db", "-q", cwd=tmp_path).returncode == 0

    def full(self: Store) -> None:
        raise StoreError("sqlite:///m.db: database or disk is full")

    monkeypatch.setattr(Store, "reap_dead_runs", full)
    assert main(["db", "status", "--db", str(tmp_path / "m.db")]) == 0
    out = capsys.readouterr().out
    assert "articles: 3" in out and "run 1: ok" in out
    assert "could not mark the runs whose process is gone as crashed" in caplog.text


def test_db_status_names_the_versions_and_drop_version_removes_an_old_one(
    tmp_path: Path,
) -> None:
    from media_analytics.store import open_store

    _write(tmp_path / "in.jsonl", [_article(i) for i in range(4)])
    assert _run("score", "in.jsonl", "--db", "m.db", "-q", cwd=tmp_path).returncode == 0
    with open_store(tmp_path / "m.db") as store:  # a newer model, all four scored
        old = store.current_version()
        run = store.start_run("0.2.0-newer")
        claimed = store.claim(run, "0.2.0-newer", limit=10)
        scored = store.scores_frame().iloc[0].to_dict()
        record = {k: v for k, v in scored.items() if k not in ("scored_at", "run_id", "stale")}
        store.save_scores(
            run,
            "0.2.0-newer",
            [dict(record, id=a["id"], model_version="0.2.0-newer") for a in claimed],
        )
        store.finish_run(run, "ok", {})
    done = _run("db", "status", "--db", "m.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[1].startswith("articles: 4 (the last arrived ") and "runs: 2 (ok 2)" in lines
    assert "records rejected: 0; kept with a warning: 0" in lines
    assert f"   {old}: 4 articles scored; 1 run" in done.stdout
    assert " * 0.2.0-newer: 4 articles scored; 1 run" in done.stdout
    status = json.loads(_run("db", "status", "--db", "m.db", "--json", cwd=tmp_path).stdout)
    assert status["current_version"] == "0.2.0-newer" and status["articles"] == 4
    assert [v["model_version"] for v in status["versions"]] == [old, "0.2.0-newer"]
    # the latest runs' ids, which `db rejects --run` takes
    assert [r["run_id"] for r in status["last_runs"]] == [1, 2]
    assert status["last_runs"][0]["counts"]["added"] == 4
    assert any(line.startswith("  run 1: ok, started ") for line in lines)
    # what the counts are (an operator could not tell "known" from the closing line's split)
    assert any(line.startswith("  (scored: records scored; added: ") for line in lines)
    # the version in use is not dropped by mistake; an unknown one is named as such
    done = _run("db", "drop-version", "0.2.0-newer", "--db", "m.db", cwd=tmp_path)
    assert done.returncode == 2 and "Give --force to drop them anyway" in done.stderr
    done = _run("db", "drop-version", "0.1", "--db", "m.db", cwd=tmp_path)
    assert done.returncode == 2
    assert "0.1: the database knows no such model version; it holds" in done.stderr
    size = (tmp_path / "m.db").stat().st_size
    done = _run("db", "drop-version", old, "--db", "m.db", "--compact", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"dropped the 4 scores of model version {old}" in done.stdout
    assert (tmp_path / "m.db").stat().st_size < size
    with open_store(tmp_path / "m.db") as store:
        assert store.scores_count() == {"0.2.0-newer": 4} and store.articles_count() == 4
    done = _run("report", "--db", "m.db", "--out", "r", cwd=tmp_path)  # nothing else to name
    assert done.returncode == 0 and "the database also holds" not in done.stderr
    done = _run("db", "status", "--db", "nothere.db", cwd=tmp_path)
    assert done.returncode == 2 and "--db nothere.db: no such database file" in done.stderr
    done = _run("db", "status", "--db", "sqlite:///nothere.db", cwd=tmp_path)
    assert done.returncode == 2 and "no such database file" in done.stderr
    assert not (tmp_path / "nothere.db").exists()
    (tmp_path / "empty.db").write_bytes(b"")
    done = _run("report", "--db", "empty.db", "--out", "r", cwd=tmp_path)
    assert done.returncode == 2 and "an empty file, not a media-analytics database" in done.stderr
    done = _run("score", "in.jsonl", "--db", "", cwd=tmp_path)
    assert done.returncode == 2 and "--db is empty (an unset variable?)" in done.stderr


def test_drop_version_keeps_an_old_version_the_new_one_has_not_caught_up_with(
    tmp_path: Path,
) -> None:
    from media_analytics.store import open_store

    _write(tmp_path / "in.jsonl", [_article(i) for i in range(4)])
    assert _run("score", "in.jsonl", "--db", "m.db", "-q", cwd=tmp_path).returncode == 0
    with open_store(tmp_path / "m.db") as store:  # a newer model that stopped after one article
        old = store.current_version()
        run = store.start_run("0.2.0-newer")
        [claimed] = store.claim(run, "0.2.0-newer", limit=1)
        store.save_scores(run, "0.2.0-newer", [{"id": claimed["id"], "themes": []}])
        store.finish_run(run, "failed", {})
    done = _run("db", "drop-version", old, "--db", "m.db", cwd=tmp_path)
    assert done.returncode == 2
    assert f"{old} scored 4 articles, the version reports cover (0.2.0-newer) only 1" in (
        done.stderr
    )
    assert _run("db", "drop-version", old, "--db", "m.db", "--force", cwd=tmp_path).returncode == 0


def test_an_article_stored_with_a_date_this_release_leaves_empty_is_still_scored(
    tmp_path: Path,
) -> None:
    from media_analytics.store import open_store

    with open_store(tmp_path / "m.db") as store:  # as an earlier release stored it
        store.add_articles([dict(_article(1), published_at="1900-01-01T00:00:00")])
    _write(tmp_path / "in.jsonl", [_article(2)])
    done = _run("score", "in.jsonl", "--db", "m.db", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "stored article a-1: published_at left empty" in done.stderr
    assert _stored(tmp_path / "m.db")["a-1"][1] == 1


def test_a_footer_row_with_its_count_in_the_date_column_is_left_out_when_read(
    tmp_path: Path,
) -> None:
    # seen in a walk-through: "Total;67 artikel" under "Judul;Tanggal;Isi;Media;Link" was
    # stored as an article (its count read as a bad date), and every run after it failed
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "day1.csv").write_text(
        "Judul;Tanggal;Isi;Media;Link\n"
        "KPU Brebes Gelar Rapat Pleno;01/12/2024;KPU Brebes menggelar rapat pleno rekapitulasi "
        "suara di kantor KPU pada Minggu pagi.;detik.com;https://www.detik.com/jateng/d-1\n"
        "Total;67 artikel;;;\n",
        encoding="utf-8",
    )
    done = _run("score", "exports", "--db", "m.db", "--date-order", "dmy", cwd=tmp_path)
    # (a footer is no error: a daily job that exited 1 for it every day hid real losses)
    assert done.returncode == 0, done.stderr
    assert "day1.csv:3: 'Total': no text, date or URL: not an article" in done.stderr
    assert "scored 1 article" in done.stderr and "; 1 summary row left out" in done.stderr
    assert len(_stored(tmp_path / "m.db")) == 1
    status = _run("db", "status", "--db", "m.db", cwd=tmp_path).stdout
    assert "records rejected: 0; kept with a warning: 0; summary rows left out: 1" in status
    listed = _run("db", "rejects", "--db", "m.db", "--warnings", cwd=tmp_path).stdout
    assert "day1.csv:3: not_article (left out: not an article): 'Total'" in listed


def test_a_stored_article_this_release_cannot_score_does_not_stop_later_runs(
    tmp_path: Path,
) -> None:
    from media_analytics.store import open_store

    with open_store(tmp_path / "m.db") as store:  # a footer row as an earlier release stored it
        store.add_articles([{"id": "c-total", "title": "Total", "text": ""}, _article(1)])
    _write(tmp_path / "in.jsonl", [_article(2)])
    for _ in range(2):  # each run scores what it can and names the one it cannot
        done = _run("score", "in.jsonl", "--db", "m.db", cwd=tmp_path)
        assert done.returncode == 1, done.stderr
        assert (
            "stored article c-total: 'Total': no text, date or URL: not an article (a summary "
            "or footer row?); left unscored (media-analytics db delete --db m.db c-total "
            "removes it)" in done.stderr
        )
    stored = _stored(tmp_path / "m.db")
    assert stored["a-1"][1] == 1 and stored["a-2"][1] == 1 and stored["c-total"][1] == 0
    assert _run("db", "delete", "--db", "m.db", "c-total", cwd=tmp_path).returncode == 0
    assert _run("score", "in.jsonl", "--db", "m.db", cwd=tmp_path).returncode == 0


def test_an_undated_archive_read_again_every_day_is_named(tmp_path: Path) -> None:
    # seen in a walk-through: backfill.csv (1,498 rows) beside the daily exports was read again
    # on every run, without a word of why
    exports = tmp_path / "exports"
    exports.mkdir()
    _write(exports / "backfill.jsonl", [_article(1), _article(2)])
    _write(exports / "2024-11-01.jsonl", [_article(3)])
    assert _run("score", "exports", "--db", "m.db", "-q", cwd=tmp_path).returncode == 0
    _write(exports / "2024-11-02.jsonl", [_article(4)])
    done = _run("score", "exports", "--db", "m.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (
        "1 unchanged input file(s) read again, as they come after exports/2024-11-02.jsonl, "
        "which is new or changed" in done.stderr
    )
    assert "exports/backfill.jsonl; a name without a date sorts after dated ones" in done.stderr
    # a late file among dated ones reads the later ones again: nothing to say about undated
    # names (seen in an operator's trial, where every name held a date)
    (exports / "backfill.jsonl").unlink()
    _write(exports / "2024-10-31.jsonl", [_article(5)])
    done = _run("score", "exports", "--db", "m.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "as they come after exports/2024-10-31.jsonl" in done.stderr
    assert "a name without a date" not in done.stderr


def test_copies_a_browser_numbers_are_read_in_their_numbers_order(tmp_path: Path) -> None:
    # seen in a walk-through: "Export_Media (10).csv" sorted before "(2)"-"(9)" as text, so the
    # day it came, the eight older files were read again after it and (9)'s copy of an article
    # undid (10)'s correction, with "0 of them changed"
    exports = tmp_path / "exports"
    exports.mkdir()
    names = ["export.jsonl", *(f"export ({n}).jsonl" for n in range(1, 11))]
    for n, name in enumerate(names):
        fixed = {"title": "Polres siagakan 105 personel (ralat)"} if n == 10 else {}
        records = [_article(n)] + ([_article(5, **fixed)] if n >= 9 else [])
        _write(exports / name, records)
        done = _run("score", "exports", "--db", "m.db", "-q", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    assert "read again" not in done.stderr
    with sqlite3.connect(tmp_path / "m.db") as con:
        (title,) = con.execute(
            "SELECT json_extract(record, '$.title') FROM articles WHERE id = 'a-5'"
        ).fetchone()
    assert title == "Polres siagakan 105 personel (ralat)"


def test_a_report_of_a_version_with_none_of_the_periods_articles_exits_1(tmp_path: Path) -> None:
    # seen in a walk-through: after one `score --model` run, the usual daily run scored with the
    # default model, and the briefing (of the version first used most recently) was empty with
    # exit 0. Such a daily run now scores nothing (exit 1); the report still says when its
    # version scored none of the period while another did, and so it does for a version asked
    # for by name (seen in an operator's trial: --model-version of an old model gave a month's
    # report of 31 stories of 481 without a word, and an empty one with exit 0)
    from media_analytics.themes import default_taxonomy_path

    taxonomy = tmp_path / "tax.toml"
    text = default_taxonomy_path().read_text(encoding="utf-8")
    taxonomy.write_text(text.replace("threshold = 0.5", "threshold = 0.55", 1), encoding="utf-8")
    day = "2024-10-{:02d}T10:00:00+07:00".format
    _write(tmp_path / "d1.jsonl", [_article(1, published_at=day(1))])
    _write(tmp_path / "d2.jsonl", [_article(2, published_at=day(2))])
    _write(tmp_path / "d3.jsonl", [_article(3, published_at=day(3))])
    assert _run("score", "d1.jsonl", "--db", "m.db", "-q", cwd=tmp_path).returncode == 0
    tried = _run("score", "d2.jsonl", "--db", "m.db", "--taxonomy", "tax.toml", cwd=tmp_path)
    assert tried.returncode == 0, tried.stderr
    daily = _run("score", "d3.jsonl", "--db", "m.db", cwd=tmp_path)  # --taxonomy forgotten
    assert daily.returncode == 1 and "not scored with it" in daily.stderr, daily.stderr
    with sqlite3.connect(tmp_path / "m.db") as con:
        versions = dict(con.execute("SELECT model_version, COUNT(*) FROM scores GROUP BY 1"))
    # the taxonomy's model scored the whole archive when it came (a-1 and a-2), the default a-1
    (old,) = [v for v, n in versions.items() if n == 1]
    report = ("report", "--db", "m.db", "--out", "r")
    # the covered version and a day whose article waits for it: a report of none, exit 1
    done = _run(*report, "--since", "2024-10-03", "--until", "2024-10-03", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "scored 0 of the 1 articles stored in the period asked for" in done.stderr
    assert "The report holds none of those articles (exit 1)." in done.stderr
    # the period the covered version scored: as before
    done = _run(*report, "--since", "2024-10-01", "--until", "2024-10-02", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "articles stored" not in done.stderr
    # the old version by name: a period it scored none of, and one it scored part of
    done = _run(*report, "--model-version", old, "--since", "2024-10-02", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert f"model {old} scored 0 of the 2 articles stored in the period asked for" in done.stderr
    done = _run(*report, "--model-version", old, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"model {old} scored 1 of the 3 articles stored: the report holds" in done.stderr
    assert "(exit 1)" not in done.stderr


def test_an_export_folder_named_day_first_is_read_oldest_first(tmp_path: Path) -> None:
    # 01-11-2025 sorts before 31-10-2025 as text: the older file's copy undid the correction
    exports = tmp_path / "exports"
    exports.mkdir()
    _write(exports / "31-10-2025.jsonl", [_article(1), _article(2)])
    assert _run("score", "exports", "--db", "m.db", "-q", cwd=tmp_path).returncode == 0
    corrected = dict(_article(1), title="Polres siagakan 101 personel [DIKOREKSI]")
    _write(exports / "01-11-2025.jsonl", [corrected, _article(3)])
    done = _run("score", "exports", "--db", "m.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "1 of 2 input file(s) were read by an earlier run" in done.stderr  # 31-10 is not
    assert "1 of them changed" in done.stderr
    # the next day, the two older files are not read again and the correction stays
    _write(exports / "02-11-2025.jsonl", [_article(4)])
    done = _run("score", "exports", "--db", "m.db", cwd=tmp_path)
    assert "2 of 3 input file(s) were read by an earlier run" in done.stderr
    assert (
        "(1 row read, 0 of them repeats "
        "of rows read earlier in this run: "
        "1 new article, 0 already stored by an earlier run" in done.stderr
    )
    with sqlite3.connect(tmp_path / "m.db") as con:
        (title,) = con.execute("SELECT title FROM articles WHERE id = 'a-1'").fetchone()
        (record,) = con.execute("SELECT record FROM scores WHERE article_id = 'a-1'").fetchone()
    assert title == corrected["title"] == json.loads(record)["title"]


def test_the_export_folder_read_again_and_read_otherwise(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    _write(exports / "day1.jsonl", [_article(1), _article(2)])
    corrected = dict(_article(1), title="Polres siagakan 101 personel, dua kecamatan rawan")
    _write(exports / "day2.jsonl", [corrected])
    db = tmp_path / "m.db"

    def title() -> str:
        with sqlite3.connect(db) as con:
            return con.execute("SELECT title FROM articles WHERE id = 'a-1'").fetchone()[0]

    # one run over both days, and a run reading everything again: the later file's record wins
    for extra in ([], ["--reread"]):
        done = _run("score", "exports", "--db", "m.db", "-q", *extra, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "repeated_id" not in done.stderr and "already read" not in done.stderr
        assert title() == corrected["title"]
    # a missing input is said before the database is touched: no run is left "running"
    done = _run("score", "exports", "nosuch.jsonl", "--db", "m.db", "-q", cwd=tmp_path)
    assert done.returncode == 2
    with sqlite3.connect(db) as con:
        statuses = [s for (s,) in con.execute("SELECT status FROM runs")]
    assert statuses == ["ok", "ok"]


def test_a_file_read_with_other_options_or_rewritten_in_place_is_read_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "feed.csv"
    path.write_text("badan,judul\nIsi berita satu tentang pilkada.,Satu\n", encoding="utf-8")
    done = _run("score", "feed.csv", "--db", "m.db", "-q", cwd=tmp_path)
    assert done.returncode == 1 and "no text field" in done.stderr  # an unknown text column
    done = _run("score", "feed.csv", "--db", "m.db", "--column", "badan=text", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "scored 1 article (" in done.stderr  # read again: the way it is read changed
    # the same size and modification time, other content: the change time tells
    before = path.stat()
    path.write_text("badan,judul\nIsi berita tiga tentang pilkada.,Satu\n", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    done = _run("score", "feed.csv", "--db", "m.db", "--column", "badan=text", cwd=tmp_path)
    assert "(1 row read, " in done.stderr


def test_a_reader_that_stops_early_and_quiet_runs(tmp_path: Path) -> None:
    """score ... | head: the command stops quietly with the shell's SIGPIPE status, and -q
    leaves warnings and errors only."""
    _write(tmp_path / "in.jsonl", [_article(i) for i in range(40)])
    cmd = [sys.executable, "-m", "media_analytics.cli", "score", "in.jsonl", "--jobs", "1", "-q"]
    proc = subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # the reader has what it wanted
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=600) == 141
    assert json.loads(first)["id"] == "a-0"
    assert "Traceback" not in err and "BrokenPipe" not in err and "INFO" not in err


def test_a_run_stopped_while_writing_older_copies_leaves_its_files_to_be_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run reading the export folder again writes file by file, in batches: stopped after a
    batch with an older copy of an article whose correction is in a later file, it used to
    leave the older copy for good (the files still counted as read). Now it forgets them
    first, and the next run reads them again."""
    from media_analytics.cli import main
    from media_analytics.store import Store

    exports = tmp_path / "exports"
    exports.mkdir()
    filler = [_article(i) for i in range(100, 1100)]  # more than one batch of 1,000
    _write(exports / "day1.jsonl", [_article(1), *filler])
    corrected = dict(_article(1), title="Polres siagakan 101 personel (ralat)")
    _write(exports / "day2.jsonl", [corrected])
    db = tmp_path / "m.db"
    argv = ["score", str(exports), "--db", str(db), "-q", "--jobs", "2"]

    def title() -> str:
        with sqlite3.connect(db) as con:
            return con.execute("SELECT title FROM articles WHERE id = 'a-1'").fetchone()[0]

    assert main(argv) == 0
    assert title() == corrected["title"]
    real = Store.add_articles

    def stopped_after_first_batch(self, batch, *args, **kwargs):  # a kill, as far as it can tell
        real(self, batch, *args, **kwargs)
        raise RuntimeError("killed")

    monkeypatch.setattr(Store, "add_articles", stopped_after_first_batch)
    assert main([*argv, "--reread"]) == 2
    assert title() == _article(1)["title"]  # the older copy, for now
    monkeypatch.setattr(Store, "add_articles", real)
    assert main(argv) == 0  # the files are read again, not skipped
    assert title() == corrected["title"]


def _detik_rows() -> list[dict[str, str]]:
    """The detik export's articles, one row per URL (seen on real news: its `id` column is the
    row number, 1..N, as each export of that crawler numbers its rows)."""
    import csv

    from tests.conftest import shared_file

    path = shared_file("corpora/detik-aspect-news-2025/data_berita.csv")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return list({r["tautan"]: r for r in rows}.values())


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    import csv

    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["id", "judul", "tautan", "tanggal", "isi_berita"])
        writer.writeheader()
        for r in rows:
            writer.writerow({k: r[k] for k in writer.fieldnames})


def test_row_number_ids_of_two_exports_are_not_taken_for_corrections(tmp_path: Path) -> None:
    rows = _detik_rows()
    day1 = [dict(r, id=str(i)) for i, r in enumerate(rows[:12], 1)]
    day2 = [dict(r, id=str(i)) for i, r in enumerate(rows[12:20], 1)]
    # two real corrections among them: one on the same page, one moved to a new address with
    # its headline and a sentence changed
    day2[2] = dict(day1[2], isi_berita=day1[2]["isi_berita"] + "\nPembaruan: data dikoreksi.")
    moved = day1[3]["isi_berita"].split(". ")
    day2[3] = dict(
        day1[3],
        tautan=day1[3]["tautan"] + "-revisi",
        judul="Ralat: " + day1[3]["judul"],
        isi_berita=". ".join([*moved[:-1], "Berita ini telah diperbarui."]),
    )
    exports = tmp_path / "exports"
    exports.mkdir()
    _write_csv(exports / "berita-2025-10-20.csv", day1)
    _write_csv(exports / "berita-2025-10-21.csv", day2)
    done = _run("score", "exports", "--db", "m.db", "--date-order", "mdy", "-q", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    said = [x for x in done.stderr.splitlines() if "already the id of another article" in x]
    assert len(said) == 6, done.stderr
    assert "berita-2025-10-21.csv:" in said[0] and "id '1'" in said[0]
    assert day1[0]["tautan"] in said[0] and "--column" in said[0]
    with sqlite3.connect(tmp_path / "m.db") as con:
        stored = dict(con.execute("SELECT id, url FROM articles").fetchall())
        texts = dict(con.execute("SELECT id, json_extract(record, '$.text') FROM articles"))
        rejects = con.execute("SELECT record_id FROM rejects WHERE reason = 'id_clash'").fetchall()
    # day 1's articles stay; the two corrections replace theirs
    assert stored == {r["id"]: r["tautan"] for r in [*day1[:3], day2[3], *day1[4:]]}
    assert texts["3"].endswith("Pembaruan: data dikoreksi.")
    assert sorted(int(r) for (r,) in rejects) == [1, 2, 5, 6, 7, 8]


def test_a_recrawl_without_its_body_is_said_to_keep_the_stored_one(tmp_path: Path) -> None:
    # seen on real news: a crawler that missed the body re-sends the headline alone; the stored
    # body is kept and scored, and the warning said "scored on the title alone"
    exports = tmp_path / "exports"
    exports.mkdir()
    _write(exports / "2024-10-01.jsonl", [_article(6), _article(7)])
    assert _run("score", "exports", "--db", "m.db", "-q", cwd=tmp_path).returncode == 0
    _write(exports / "2024-10-02.jsonl", [dict(_article(6), text=""), _article(8, text="")])
    done = _run("score", "exports", "--db", "m.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    body = len(str(_article(6)["text"]))
    with sqlite3.connect(tmp_path / "m.db") as con:
        said = dict(
            con.execute("SELECT record_id, message FROM rejects WHERE reason = 'no_content'")
        )
        (text,) = con.execute(
            "SELECT json_extract(record, '$.text') FROM articles WHERE id = 'a-6'"
        ).fetchone()
    assert text == _article(6)["text"]
    assert (
        said["a-6"] == f"empty text; the body read before ({body:,} characters) is kept and scored"
    )
    assert said["a-8"] == "empty text; scored on the title alone"  # a new one has no other body
    assert "kept and scored" in done.stderr


def test_a_recrawl_whose_body_has_no_words_keeps_the_stored_one(tmp_path: Path) -> None:
    # seen on real news: a re-crawl sent detik's articles again with bodies the extractor
    # missed; only the empty one kept the stored body, the others replaced it with a widget
    # line, an entity or blanks (4,412 / 45 / 6 / 3 characters left)
    day1 = [dict(r) for r in _detik_rows()[:4]]
    bodies = ["", "ADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT", "&nbsp;", "   "]
    day2 = [dict(r, isi_berita=body) for r, body in zip(day1, bodies, strict=True)]
    exports = tmp_path / "exports"
    exports.mkdir()
    _write_csv(exports / "berita-2025-10-21.csv", day1)
    first = _run("score", "exports", "--db", "m.db", "--date-order", "mdy", "-q", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    _write_csv(exports / "berita-2025-10-22.csv", day2)
    done = _run("score", "exports", "--db", "m.db", "--date-order", "mdy", "-v", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(tmp_path / "m.db") as con:
        texts = dict(con.execute("SELECT id, json_extract(record, '$.text') FROM articles"))
        said = dict(
            con.execute("SELECT record_id, message FROM rejects WHERE reason = 'no_content'")
        )
    assert {r["id"]: texts[r["id"]] for r in day1} == {r["id"]: r["isi_berita"] for r in day1}
    for r in day1:
        assert said[r["id"]].endswith(
            f"; the body read before ({len(r['isi_berita']):,} characters) is kept and scored"
        ), said[r["id"]]
    # nothing changed: the same articles, with the same bodies
    assert (
        "(4 rows read, 0 of them repeats "
        "of rows read earlier in this run: "
        "0 new articles, 4 already stored by an earlier run, 0 of them changed)" in done.stderr
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_record_refused_for_its_id_leaves_no_trace_in_duplicate_detection(
    backend: str, tmp_path: Path
) -> None:
    # seen on real news: a daily export numbers its rows 1..N again every day; once the first
    # days' articles have left the duplicate-detection window (--dedup-window), the stored
    # ids are unknown to it, and a new day's records under them were remembered under the
    # stored articles' ids although they were refused: a later copy of one was then marked a
    # duplicate of the stored article that has nothing to do with it
    import pandas as pd

    from media_analytics.corpus import Article
    from media_analytics.store import open_store

    rows = _detik_rows()
    day1 = [dict(r, id=str(i)) for i, r in enumerate(rows[:12], 1)]
    day2 = [dict(r, id=str(i)) for i, r in enumerate(rows[12:20], 1)]
    copied = day2[-1]
    day3 = [dict(copied, id="copy-1", tautan="https://contoh.co.id/berita/salinan")]
    exports = tmp_path / "exports"
    exports.mkdir()
    db = "m.db" if backend == "sqlite" else _pg_schema("clash")
    argv = ("score", "exports", "--db", db, "--date-order", "mdy", "-q", "--dedup-window", "3")
    for day, rows_of_day in enumerate([day1, day2, day3], 20):
        _write_csv(exports / f"berita-2025-10-{day}.csv", rows_of_day)
        done = _run(*argv, cwd=tmp_path)
        assert done.returncode == (1 if day == 21 else 0), done.stderr
    with open_store(db if backend != "sqlite" else tmp_path / db) as store:
        frame = store.scores_frame().set_index("id")
        refused = [r for r in store.rejects_frame()["reason"] if r == "id_clash"]
        kept = store.load_dedup_state()
    assert len(refused) == 8
    assert frame.loc[copied["id"], "url"] == day1[int(copied["id"]) - 1]["tautan"]  # day 1's
    # the refused article is stored nowhere: its copy is the first one stored
    assert pd.isna(frame.loc["copy-1", "duplicate_of"])
    # the saved state holds none of the refused texts, under any id
    if backend == "sqlite":
        detector = DuplicateDetector.load(tmp_path / "m.db.dedup.npz")
    else:
        assert kept is not None
        detector = DuplicateDetector.from_bytes(kept)
    for k, r in enumerate(day2):
        probe = Article(id=f"probe-{k}", title=r["judul"], text=r["isi_berita"])
        assert detector.add(probe) in (None, "copy-1"), r["id"]


def test_an_id_column_of_row_numbers_can_be_ignored(tmp_path: Path) -> None:
    # seen on real news: the detik exports number their rows; `--column id=` ignores that
    # column, so each article's id comes from its URL and no day's articles clash
    rows = _detik_rows()
    day1 = [dict(r, id=str(i)) for i, r in enumerate(rows[:6], 1)]
    day2 = [dict(r, id=str(i)) for i, r in enumerate(rows[6:10], 1)]
    exports = tmp_path / "exports"
    exports.mkdir()
    _write_csv(exports / "berita-2025-10-20.csv", day1)
    _write_csv(exports / "berita-2025-10-21.csv", day2)
    argv = ("score", "exports", "--db", "m.db", "--date-order", "mdy", "-q")
    done = _run(*argv, cwd=tmp_path)
    assert done.returncode == 1 and "--column id=" in done.stderr, done.stderr
    done = _run(*argv, "--column", "id=", "--db", "n.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(tmp_path / "n.db") as con:
        stored = dict(con.execute("SELECT url, id FROM articles"))
        carried = con.execute('SELECT count(*) FROM articles WHERE record LIKE \'%"id":"1"%\'')
        assert carried.fetchone() == (0,)
    assert sorted(stored) == sorted(r["tautan"] for r in day1 + day2)
    assert not {str(i) for i in range(1, 7)} & set(stored.values())


@pytest.mark.parametrize(
    "command",
    [
        ["score", "x.csv", "--engine", "dask", "--out", "o.jsonl"],
        ["train", "x.csv", "--out", "m"],
        ["evaluate", "themes", "x.csv", "--labels", "l.csv"],
        ["evaluate", "topics", "x.csv"],
    ],
)
def test_every_command_reading_articles_can_ignore_a_column(command: list[str]) -> None:
    from media_analytics.cli import CommandError, _column_map, build_parser

    args = build_parser().parse_args([*command, "--column", "id=", "--column", "isi=text"])
    assert _column_map(args.column) == {"id": None, "isi": "text"}
    with pytest.raises(CommandError, match="name the input column"):
        _column_map(["=id"])
    with pytest.raises(CommandError, match="to ignore the column"):
        _column_map(["id=nomor"])


def test_a_first_run_over_re_sent_exports_says_them_once_and_counts_rows_that_add_up(
    tmp_path: Path,
) -> None:
    # seen on a vendor's 35 daily exports, each re-sending the day before's articles: 599
    # INFO lines, one per article read again, a last batch line "articles: 70 new, 142 known"
    # that read as the total, and a summary "(read 1212: 613 new, 599 already stored ...)" of
    # a database that was empty
    exports = tmp_path / "exports"
    exports.mkdir()
    _write(exports / "2024-10-01.jsonl", [_article(i) for i in range(4)])
    _write(exports / "2024-10-02.jsonl", [_article(i) for i in range(1, 7)])  # 3 re-sent
    _write(exports / "2024-10-03.jsonl", [_article(i) for i in range(5, 9)])  # 2 re-sent
    done = _run("score", "exports", "--db", "m.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert not [line for line in lines if "was read before at" in line]
    again = [line for line in lines if "read before from an earlier file" in line]
    assert len(again) == 2  # one per file that re-sends
    assert "2024-10-02.jsonl: 3 record(s)" in again[0] and "'a-1', 'a-2', 'a-3')" in again[0]
    assert "2024-10-03.jsonl: 2 record(s)" in again[1]
    assert not [line for line in lines if "new, " in line and " known" in line]
    # 14 rows: 9 articles, 5 rows re-sending one of them, nothing in the database before
    assert (
        "(14 rows read, 5 of them repeats of rows read earlier in this run: 9 new "
        "articles, 0 already stored by an earlier run, 0 of them changed)" in done.stderr
    )
    assert sorted(_stored(tmp_path / "m.db")) == [f"a-{i}" for i in range(9)]
    # the next day's file re-sends one of yesterday's, and the folder is read again whole
    _write(exports / "2024-10-04.jsonl", [_article(8), _article(9)])
    done = _run("score", "exports", "--db", "m.db", "--reread", "-v", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    # 16 rows: 10 articles (9 stored by the first run, a-9 new) and 6 rows re-sending them
    assert (
        "(16 rows read, 6 of them repeats of rows read earlier in this run: 1 new "
        "article, 9 already stored by an earlier run, 0 of them changed)" in done.stderr
    )
    # -v: each record read again, and the batch line
    again = [line for line in done.stderr.splitlines() if "was read before at" in line]
    assert len(again) == 6
    assert "a batch of 16 record(s) added: 1 new article(s), 15 record(s)" in done.stderr


def test_an_undated_resend_that_rolls_corrections_back_is_said(
    tmp_path: Path, default_pipeline: Any
) -> None:
    # seen on real news: corrected articles (same id, new text) read from a later-dated export,
    # then the older export's content re-sent as `resend.jsonl`, a name with no date: the
    # copy read last wins (as documented), and the corrections were rolled back with only INFO
    # lines. It is now a warning naming the dated file to read again, which restores them.
    exports = tmp_path / "exports"
    exports.mkdir()
    first = [_article(i) for i in range(3)]
    fixed = [dict(r, text=f"{r['text']} Ralat: jumlah personel dikoreksi.") for r in first]
    _write(exports / "2024-10-02.jsonl", first)
    _write(exports / "2024-10-03.jsonl", fixed)
    _write(tmp_path / "resend.jsonl", first)
    # the daily job's own model: seen in an operator's trial, the command the warning suggested
    # left out --model, and run as printed it scored the whole archive with another model
    default_pipeline.save(tmp_path / "our model")
    job = ("--db", "m.db", "--model", "our model")
    assert _run("score", "exports", *job, "-q", cwd=tmp_path).returncode == 0
    # (read as the daily job reads: the command it suggests carries the same reading options)
    done = _run("score", "resend.jsonl", *job, "--date-order", "dmy", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    warned = [x for x in done.stderr.splitlines() if x.startswith("WARNING")]
    assert len(warned) == 1, done.stderr
    assert warned[0].startswith(
        "WARNING media_analytics: 3 stored articles read from a dated file were replaced by a "
        "copy that differs in its text, date, outlet or URL from a file whose name carries no "
        "date (3 of resend.jsonl replaced the version of 2024-10-03.jsonl;"
    ), warned[0]
    restore = shlex.split(warned[0].rsplit("(score ", 1)[1].rstrip(")"))
    assert restore[1:] == [
        "--db",
        "m.db",
        "--model",
        "our model",
        "--date-order",
        "dmy",
        "--reread",
    ]
    assert Path(restore[0]).name == "2024-10-03.jsonl"

    def texts() -> set[str]:
        with sqlite3.connect(tmp_path / "m.db") as con:
            return {
                t for (t,) in con.execute("SELECT json_extract(record, '$.text') FROM articles")
            }

    assert texts() == {str(r["text"]) for r in first}  # the documented rule stands
    done = _run("score", *restore, "-q", cwd=tmp_path)  # the advice restores them
    assert done.returncode == 0 and "WARNING" not in done.stderr, done.stderr
    assert texts() == {str(r["text"]) for r in fixed}
    # a feed whose name never holds a date: the copy read last wins, without a word
    _write(tmp_path / "feed.jsonl", [_article(7)])
    assert _run("score", "feed.jsonl", "--db", "m.db", "-q", cwd=tmp_path).returncode == 0
    _write(tmp_path / "feed.jsonl", [_article(7, text="Isi yang diperbarui.")])
    done = _run("score", "feed.jsonl", "--db", "m.db", "-q", cwd=tmp_path)
    assert done.returncode == 0 and "WARNING" not in done.stderr, done.stderr


def _numbered_export(path: Path, records: list[dict[str, Any]], *, urls: bool = True) -> None:
    """A CSV export whose ``id`` column is the row number (1..N in every file)."""
    import csv

    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "judul", "isi", "tautan", "tanggal"][: None if urls else 3])
        for i, r in enumerate(records, 1):
            row = [i, r["title"], r["text"], r["url"], r["published_at"]]
            writer.writerow(row if urls else row[:3])


def test_numbered_rows_without_urls_do_not_overwrite_the_day_before(tmp_path: Path) -> None:
    # seen in review on real news: an export with no URL column numbering its rows 1..N; the
    # second day's rows replaced the first day's articles under the same ids, exit 0 (16
    # articles stored for 24 read, "8 of them changed")
    from media_analytics.themes.training import read_sample_records

    sample = read_sample_records()
    for name, rows in (("2024-10-01", sample[:6]), ("2024-10-02", sample[6:10])):
        _numbered_export(tmp_path / f"ekspor-{name}.csv", rows, urls=False)
    first = _run("score", "ekspor-2024-10-01.csv", "--db", "m.db", "-q", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    done = _run("score", "ekspor-2024-10-02.csv", "--db", "m.db", "-q", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("id_clash") + done.stderr.count("already the id of another") >= 4
    assert "no URL" in done.stderr and "db delete" in done.stderr
    with sqlite3.connect(tmp_path / "m.db") as con:
        titles = {t for (t,) in con.execute("SELECT json_extract(record, '$.title') FROM articles")}
    assert titles == {r["title"] for r in sample[:6]}  # the first day's articles, untouched


@pytest.mark.parametrize("urls", [True, False], ids=["urls", "no-urls"])
def test_following_the_id_clash_advice_stores_each_article_once(tmp_path: Path, urls: bool) -> None:
    # seen on real news: two daily exports whose `id` column is the row number; the second
    # day's rows were rejected (id_clash), and re-running with `--column id=`, as the message
    # says, stored the first day's articles a second time under their URLs' ids (120 articles
    # for 80 on CLICK-ID). A record with a stored article's URL is that article. Seen later by
    # an operator: exports with no URL column got the same, under the ids made of their texts
    # (without a URL, a record with a stored article's text is that article).
    from media_analytics.themes.training import read_sample_records

    sample = read_sample_records()
    exports = tmp_path / "exports"
    exports.mkdir()
    for name, rows in (("2024-10-01", sample[:6]), ("2024-10-02", sample[6:10])):
        _numbered_export(exports / f"ekspor-{name}.csv", rows, urls=urls)
    argv = ("score", "exports", "--db", "m.db", "--date-order", "dmy")
    done = _run(*argv, "-q", cwd=tmp_path)
    assert done.returncode == 1 and "--column id=" in done.stderr, done.stderr
    done = _run(*argv, "--column", "id=", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(tmp_path / "m.db") as con:
        stored = con.execute("SELECT title, url FROM articles").fetchall()
        n_scores = con.execute("SELECT COUNT(*) FROM scores").fetchone()[0]
    assert len(stored) == 10, len(stored)  # (16 before: day 1's 6 stored twice)
    # each article once
    assert sorted(t for t, _ in stored) == sorted(r["title"] for r in sample[:10])
    if urls:
        assert sorted(u for _, u in stored) == sorted(r["url"] for r in sample[:10])
    assert n_scores == 10
    assert (
        "INFO media_analytics: 6 records have the URL (or, without one, the text) of an article "
        "stored under another id: taken as that article (a re-send, or a correction when its "
        "text changed), not stored a second time: " in done.stderr
    )
    assert "4 new articles, 6 already stored by an earlier run, 0 of them changed" in done.stderr


def test_rows_refused_for_their_ids_are_not_said_kept_and_are_counted_read(
    tmp_path: Path,
) -> None:
    # seen in review on real news: two exports whose `id` column is the row number; the second
    # file's 5 rows were said at INFO to be "kept as their newer versions", then each refused
    # (id_clash), and the summary said "5 rows read" for the 10 read
    from media_analytics.themes.training import read_sample_records

    sample = read_sample_records()
    exports = tmp_path / "exports"
    exports.mkdir()
    for name, rows in (("2024-10-01", sample[:5]), ("2024-10-02", sample[5:10])):
        _numbered_export(exports / f"ekspor-{name}.csv", rows)
    # one article of the second day really is a correction of the first day's (same URL): that
    # row is kept as the newer version, and the line says so for it alone
    fixed = dict(sample[0], text=sample[0]["text"] + " Ralat: judul diperbaiki.", published_at="")
    _numbered_export(exports / "ekspor-2024-10-03.csv", [fixed])
    done = _run("score", "exports", "--db", "m.db", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("is already the id of another article") == 5, done.stderr
    kept = [x for x in done.stderr.splitlines() if "kept as their newer versions" in x]
    assert len(kept) == 1 and "ekspor-2024-10-03.csv: 1 record(s)" in kept[0], kept
    assert "ekspor-2024-10-02.csv: 5 record(s)" not in done.stderr
    assert (
        "(11 rows read, 1 of them repeats of rows read earlier in this run: 5 new "
        "articles, 0 already stored by an earlier run, 0 of them changed, 5 refused (their ids "
        "are other articles'))" in done.stderr
    ), done.stderr


def test_db_rejects_lists_what_a_run_rejected(tmp_path: Path) -> None:
    # seen in review: a run killed after reading left its rejects only in the database (the run
    # that finished the job skipped the file and said nothing); `db status` gave a count alone
    rows = [_article(1), {"id": "kosong", "title": "", "text": ""}, _article(2)]
    _write(tmp_path / "2024-10-03.jsonl", rows)
    done = _run("score", "2024-10-03.jsonl", "--db", "m.db", "-q", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    listed = _run("db", "rejects", "--db", "m.db", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert len(lines) == 1 and lines[0].split(": ", 1)[0].endswith("2024-10-03.jsonl:2")
    assert lines[0].endswith("[id kosong, run 1]")
    as_json = _run("db", "rejects", "--db", "m.db", "--json", cwd=tmp_path)
    record = json.loads(as_json.stdout.splitlines()[0])
    assert record["line"] == 2 and record["record_id"] == "kosong"
    # a vendor's CSV has no id column: a row with a URL and nothing else is named by the id
    # its URL gives (seen in an operator's trial: the row was known by file and line alone)
    from media_analytics.corpus import article_id

    url = "https://news.detik.com/berita/d-9999993/kosong"
    (tmp_path / "vendor.csv").write_text(f"Judul;Konten Berita;URL Berita\n;;{url}\n", "utf-8")
    assert _run("score", "vendor.csv", "--db", "m.db", "-q", cwd=tmp_path).returncode == 1
    listed = _run("db", "rejects", "--db", "m.db", "--run", "2", cwd=tmp_path).stdout
    assert listed.rstrip().endswith(f"[id {article_id(url)}, run 2]"), listed
    assert _run("db", "rejects", "--db", "m.db", "--run", "7", cwd=tmp_path).stdout.startswith(
        "no rejects stored for run 7"
    )


def test_dates_read_on_a_guess_into_the_database_fail_the_run(tmp_path: Path) -> None:
    # seen in review on real news: a month-first feed's first daily file (10/11/2025 for 11
    # October) stored every date a month off, exit 0, one warning among the INFO lines
    rows = [dict(_article(i), published_at="10/11/2025 09:00") for i in range(3)]
    _write(tmp_path / "feed.jsonl", rows)
    done = _run("score", "feed.jsonl", "--db", "m.db", "-q", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "read day first on a guess" in done.stderr and "--date-order" in done.stderr
    fixed = _run("score", "feed.jsonl", "--db", "m.db", "--date-order", "mdy", "-q", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    with sqlite3.connect(tmp_path / "m.db") as con:
        days = {d[:10] for (d,) in con.execute("SELECT published_at FROM articles")}
    assert days == {"2025-10-11"}  # read again with the order given, and re-dated
    # without --db nothing is stored for good: the warning stays a warning
    out = _run("score", "feed.jsonl", "--out", "o.jsonl", "-q", cwd=tmp_path)
    assert out.returncode == 0, out.stderr


def test_a_feed_that_stopped_is_said_on_the_first_empty_day(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    _write(exports / "2024-10-03.jsonl", [_article(i) for i in range(3)])
    argv = ("score", "exports", "--db", "m.db", "--jobs", "1", "-q")
    first = _run(*argv, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    # the same files again minutes later: a quiet hour, nothing said
    again = _run(*argv, cwd=tmp_path)
    assert again.returncode == 0 and "feed" not in again.stderr, again.stderr
    # the last article arrived two days ago and the exports hold nothing new since
    with sqlite3.connect(tmp_path / "m.db") as con:
        con.execute("UPDATE articles SET updated_at = '2024-10-03T06:00:00+00:00'")
    stopped = _run(*argv, cwd=tmp_path)
    assert stopped.returncode == 0, stopped.stderr
    lines = [line for line in stopped.stderr.splitlines() if "feed" in line]
    assert len(lines) == 1 and lines[0].startswith("WARNING"), stopped.stderr
    assert "no new or changed article in exports" in lines[0]
    assert "none since 2024-10-03 06:00 UTC" in lines[0]
    # db status says when the last article arrived
    status = _run("db", "status", "--db", "m.db", cwd=tmp_path)
    assert "articles: 3 (the last arrived 2024-10-03 06:00 UTC)" in status.stdout.splitlines()
    as_json = json.loads(_run("db", "status", "--db", "m.db", "--json", cwd=tmp_path).stdout)
    assert as_json["last_arrival"] == "2024-10-03T06:00:00+00:00"
    off = _run(*argv, "--warn-idle", "0", cwd=tmp_path)
    assert "feed" not in off.stderr, off.stderr
    # a new day's file: nothing to say, and the article counts
    _write(exports / "2024-10-04.jsonl", [_article(9)])
    new_day = _run(*argv, cwd=tmp_path)
    assert new_day.returncode == 0 and "feed" not in new_day.stderr, new_day.stderr
    assert len(_stored(tmp_path / "m.db")) == 4


def test_a_csv_read_while_being_written_is_stored_once_when_complete(tmp_path: Path) -> None:
    # seen by a tester: a crawler's CSV (no id column) read mid-write, cut before its last row's
    # URL: stored under an id from its content, then again under the URL's id once the file was
    # complete, one article counted twice
    exports = tmp_path / "exports"
    exports.mkdir()
    rows = [
        ("Polres siagakan 200 personel", "DUMAI - Polres Dumai menyiagakan 200 personel untuk "
         "pengamanan Pilkada, ujar Kapolres.", "2024-10-03", "https://contoh.co.id/1"),
        ("Jumat Curhat di Bukit Kapur", "DUMAI - Warga Bukit Kapur menyampaikan keluhan soal "
         "balap liar kepada Kapolsek dalam Jumat Curhat.", "2024-10-04", "https://contoh.co.id/2"),
    ]  # fmt: skip
    lines = ["judul,isi,tanggal,url"] + [",".join(f'"{cell}"' for cell in r) for r in rows]
    day = exports / "2024-10-04.csv"
    day.write_text("\n".join(lines)[: -len(',"https://contoh.co.id/2"')], encoding="utf-8")
    done = _run("score", "exports", "--db", "m.db", "--date-order", "dmy", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "2024-10-04.csv:3: 3 fields for the header's 4" in done.stderr
    assert len(_stored(tmp_path / "m.db")) == 1

    day.write_text("\n".join(lines) + "\n", encoding="utf-8")  # the writer is done
    done = _run("score", "exports", "--db", "m.db", "--date-order", "dmy", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    stored = _stored(tmp_path / "m.db")
    assert len(stored) == 2 and all(n == 1 for _, n in stored.values())


def test_a_correction_put_back_by_a_later_files_old_copy_is_warned_of(tmp_path: Path) -> None:
    # seen by an operator: a vendor repeated yesterday's article unchanged in today's export,
    # then re-sent yesterday's export with the article corrected; the later file's old copy
    # won (as documented), and the run said "0 of them changed" and nothing else under -q
    exports = tmp_path / "exports"
    exports.mkdir()
    first, second, other = _article(1), _article(2), _article(3)
    _write(exports / "2024-11-09.jsonl", [first, second])
    _write(exports / "2024-11-10.jsonl", [other, first])  # first repeated as it was
    done = _run("score", "exports", "--db", "m.db", "--date-order", "dmy", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    corrected = dict(first, text=str(first["text"]) + " Ralat: jumlah personel 150.")
    _write(exports / "2024-11-09.jsonl", [corrected, second])  # the re-send
    done = _run("score", "exports", "--db", "m.db", "--date-order", "dmy", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "1 article of a changed file was read with another text than before" in done.stderr
    assert "1 of 2024-11-09.jsonl by 2024-11-10.jsonl (id 'a-1')" in done.stderr
    # as it advises: the correction sent in a file dated after the later one
    _write(exports / "2024-11-11.jsonl", [corrected])
    done = _run("score", "exports", "--db", "m.db", "--date-order", "dmy", "-q", cwd=tmp_path)
    assert done.returncode == 0 and "put back" not in done.stderr, done.stderr
    with sqlite3.connect(tmp_path / "m.db") as con:
        (record,) = con.execute("SELECT record FROM articles WHERE id = 'a-1'").fetchone()
    assert "Ralat" in json.loads(record)["text"]
    # a changed file whose articles the later files have as it does is no warning
    _write(exports / "2024-11-09.jsonl", [first, second, _article(4)])
    done = _run("score", "exports", "--db", "m.db", "--date-order", "dmy", "-q", cwd=tmp_path)
    assert done.returncode == 0 and "put back" not in done.stderr, done.stderr


def test_train_quiet_says_nothing_on_a_clean_run(tmp_path: Path) -> None:
    # seen by a researcher: a retrain run from cron could not be quietened (train had no -q)
    from .conftest import few_sentences

    sentences = str(few_sentences(tmp_path, per_label=50))
    argv = ["train", "--out", "m", "--no-topics", "--no-article-tone", "--jobs", "1"]
    done = _run(*argv, "--sentiment-data", sentences, "-q", cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == "" and done.stdout == "", done.stderr
    assert (tmp_path / "m" / "manifest.json").exists()
    loud = _run(*argv, "--sentiment-data", sentences, cwd=tmp_path)
    assert loud.returncode == 0 and "INFO" in loud.stderr
