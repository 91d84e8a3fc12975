"""Fixtures: a fresh database per test, SQLite and PostgreSQL alike, and worker processes.

PostgreSQL cases run when ``MEDIA_ANALYTICS_TEST_PG_URL`` points at a database the tests may
create schemas in (``eval "$(bash .ci/postgres.sh)"`` starts one); each test gets a schema
of its own, dropped afterwards. Without the variable they are skipped, with that reason.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from media_analytics.store import Store, open_store

ROOT = Path(__file__).resolve().parents[2]
PG_ENV = "MEDIA_ANALYTICS_TEST_PG_URL"
BACKENDS = ["sqlite", "postgres"]


def pg_base_url() -> str:
    """The PostgreSQL test URL, or skip (variable unset) / fail (psycopg missing)."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(
            f"{PG_ENV} is not set, so there is no PostgreSQL to test against "
            '(eval "$(bash .ci/postgres.sh)" starts one)'
        )
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.fail(f"{PG_ENV} is set but psycopg is not installed: pip install -e '.[postgres]'")
    return url


def _with_search_path(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database: a new SQLite file, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    import psycopg
    from psycopg import sql

    base = pg_base_url()
    schema = f"store_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    try:
        yield _with_search_path(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as opened:
        yield opened


def raw_execute(url: str, statement: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run one statement on the database behind ``url`` without the store (``?`` params)."""
    if url.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as pg:
            cursor = pg.execute(statement.replace("?", "%s"), params)
            return cursor.fetchall() if cursor.description else []
    import sqlite3

    lite = sqlite3.connect(url)
    try:
        with lite:
            return lite.execute(statement, params).fetchall()
    finally:
        lite.close()


def start_worker(url: str, *args: str, out: Path | None = None) -> subprocess.Popen[bytes]:
    """Start ``python -m tests.store.worker URL ARGS...`` from the repository root."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "tests.store.worker", url, *args]
    if out is not None:
        command += ["--out", str(out)]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def wait_for_file(
    path: Path, process: subprocess.Popen[bytes], timeout: float = 60.0, *, allow_exit: bool = False
) -> None:
    """Wait until the worker wrote ``path``; fail early when it died first (or, with
    ``allow_exit``, return when it exited with success)."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        if process.poll() is not None:
            if allow_exit and process.returncode == 0:
                return
            _, err = process.communicate()
            pytest.fail(f"worker exited with {process.returncode}: {err.decode()[-2000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"worker did not write {path} within {timeout} s")
        time.sleep(0.01)
