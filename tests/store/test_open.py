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
    assert raw_execute(db_url, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
    with open_store(db_url) as store:  # a second open leaves it as it is
        assert store.pending("v1") == 0
    assert raw_execute(db_url, "SELECT COUNT(*) FROM schema_version") == [(1,)]


def test_newer_schema_is_refused(db_url: str) -> None:
    open_store(db_url).close()
    raw_execute(
        db_url,
        "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
        (SCHEMA_VERSION + 1, "2030-01-01T00:00:00+00:00"),
    )
    with pytest.raises(SchemaVersionError, match=r"schema version 2.*upgrade media-analytics"):
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
