"""Opening a store: URLs, the schema and its version, and clear errors."""

from __future__ import annotations

import doctest
import sqlite3
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from media_analytics import store as store_package
from media_analytics.store import (
    SCHEMA_VERSION,
    MissingDependencyError,
    SchemaVersionError,
    StoreError,
    core,
    open_store,
    records,
)

from .conftest import raw_execute


def test_schema_created_with_version(db_url: str) -> None:
    with open_store(db_url) as store:
        assert store.runs_frame().empty
    applied = raw_execute(db_url, "SELECT version FROM schema_version ORDER BY version")
    assert applied == [(v,) for v in range(1, SCHEMA_VERSION + 1)]
    with open_store(db_url) as store:  # a second open leaves it as it is
        assert store.pending("v1") == 0
    assert raw_execute(db_url, "SELECT COUNT(*) FROM schema_version") == [(SCHEMA_VERSION,)]


def test_newer_schema_is_refused(db_url: str) -> None:
    open_store(db_url).close()
    raw_execute(
        db_url,
        "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
        (SCHEMA_VERSION + 1, "2030-01-01T00:00:00+00:00"),
    )
    newer = rf"schema version {SCHEMA_VERSION + 1}.*upgrade media-analytics"
    with pytest.raises(SchemaVersionError, match=newer):
        open_store(db_url)


def test_tables_of_another_application_are_refused(db_url: str) -> None:
    raw_execute(db_url, "CREATE TABLE articles (something TEXT)")
    with pytest.raises(StoreError, match="not made by media-analytics"):
        open_store(db_url)


def test_sqlite_url_forms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    cases: list[tuple[str | Path, Path]] = [
        ("plain.db", tmp_path / "plain.db"),
        (tmp_path / "path-object.db", tmp_path / "path-object.db"),
        ("sqlite:///relative.db", tmp_path / "relative.db"),
        (f"sqlite:///{tmp_path / 'absolute.db'}", tmp_path / "absolute.db"),
    ]
    for url, expected in cases:
        with open_store(url) as store:
            assert store.kind == "sqlite"
        assert expected.exists(), url


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        conn.close()


def test_clear_errors_for_bad_targets(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no-such-folder" / "x.db")
    with pytest.raises(StoreError, match="unsupported database URL scheme 'mysql'"):
        open_store("mysql://localhost/db")
    not_a_db = tmp_path / "articles.jsonl"
    not_a_db.write_text('{"id": 1, "text": "bukan basis data"}\n' * 50, encoding="utf-8")
    with pytest.raises(StoreError, match="not a database"):
        open_store(not_a_db)


def test_postgres_without_psycopg_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # makes `import psycopg` fail
    with pytest.raises(MissingDependencyError, match=r"pip install 'media-analytics\[postgres\]'"):
        open_store("postgresql://user:secret@localhost:5432/db")


def test_password_is_hidden(db_url: str) -> None:
    password = urlsplit(db_url).password
    with open_store(db_url) as store:
        if password:
            assert f":{password}@" not in store.url
            assert ":***@" in store.url


@pytest.mark.parametrize("module", [store_package, core, records])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.failed == 0


def test_a_schema_1_database_is_upgraded_in_place(tmp_path: Path) -> None:
    from media_analytics.store.backends import SQLiteBackend
    from media_analytics.store.schema import _DDL_V1

    path = tmp_path / "old.db"
    with sqlite3.connect(path) as con:  # a database as the first release made it
        for statement in _DDL_V1:
            con.execute(statement.format(**SQLiteBackend.types))
        con.execute("INSERT INTO schema_version VALUES (1, '2026-12-01T00:00:00+00:00')")
        con.execute(
            "INSERT INTO articles (id, content_hash, first_seen, updated_at, record) "
            "VALUES ('a1', 'h', '2026-12-01T00:00:00+00:00', '2026-12-01T00:00:00+00:00', "
            '\'{"id": "a1", "text": "Isi berita."}\')'
        )
        # stored before schema 3 in UTC, and in WITA: the first is given in WIB on upgrade
        for aid, published in (
            ("u", "2024-11-30T17:00:00+00:00"),
            ("w", "2024-11-30T23:30:00+08:00"),
        ):
            con.execute(
                "INSERT INTO articles (id, content_hash, published_at, first_seen, updated_at, "
                "record) VALUES (?, 'h', ?, '2026-12-01T00:00:00+00:00', "
                "'2026-12-01T00:00:00+00:00', '{}')",
                (aid, published),
            )
    with open_store(path) as store:  # what it held is still there, waiting to be scored
        assert store.pending("v1") == 3
    applied = raw_execute(str(path), "SELECT version FROM schema_version ORDER BY version")
    assert applied == [(v,) for v in range(1, 10)]
    # schema 8: articles are known by their URLs (these have none)
    assert raw_execute(str(path), "SELECT COUNT(*) FROM articles WHERE url_key IS NULL") == [(3,)]
    # the file an article was read from is not known for those stored before schema 7
    assert raw_execute(str(path), "SELECT COUNT(*) FROM articles WHERE input_file IS NULL") == [
        (3,)
    ]
    assert raw_execute(str(path), "SELECT COUNT(*) FROM input_files") == [(0,)]
    assert raw_execute(str(path), "SELECT COUNT(*) FROM rejects WHERE content_key IS NULL") == [
        (0,)
    ]
    assert raw_execute(str(path), "SELECT COUNT(*) FROM deleted_articles") == [(0,)]
    assert raw_execute(str(path), "SELECT COUNT(*) FROM dedup_state") == [(0,)]
    published = raw_execute(str(path), "SELECT id, published_at FROM articles ORDER BY id")
    assert published == [
        ("a1", None),
        ("u", "2024-12-01T00:00:00+07:00"),
        ("w", "2024-11-30T23:30:00+08:00"),
    ]
