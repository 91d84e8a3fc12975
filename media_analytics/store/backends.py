"""The two databases behind the store: SQLite (standard library) and PostgreSQL (psycopg 3).

The store speaks to both through :class:`Backend`: run a function in one transaction, retried
when the database is busy, with ``?`` placeholders on both sides (PostgreSQL's are rewritten).
Every value goes in as a parameter; SQL text is only ever built from the store's own constants.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import re
import socket
import sqlite3
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, ClassVar, TypeVar
from urllib.parse import urlsplit, urlunsplit

from .errors import MissingDependencyError, StoreError

__all__ = ["Backend", "PostgresBackend", "SQLiteBackend", "Tx", "open_backend", "redact"]

logger = logging.getLogger(__name__)

T = TypeVar("T")

_MIN_SQLITE = (3, 24, 0)  # INSERT ... ON CONFLICT DO UPDATE
_SQLITE_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED (extended codes share the low byte)
_BACKOFF_START, _BACKOFF_MAX = 0.02, 2.0


class Tx:
    """One open transaction. SQL uses ``?`` placeholders on every backend.

    Parameters
    ----------
    cursor : DB-API cursor
    pyformat : bool
        Rewrite ``?`` to ``%s`` (psycopg). The store's SQL never holds a literal ``?``
        or ``%``, so the rewrite is exact.
    """

    def __init__(self, cursor: Any, *, pyformat: bool) -> None:
        self._cursor = cursor
        self._pyformat = pyformat

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self._pyformat else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Tx:
        """Run one statement; returns ``self`` so that ``fetchall()`` can follow."""
        self._cursor.execute(self._sql(sql), tuple(params))
        return self

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement once per parameter row."""
        rows = [tuple(r) for r in rows]
        if rows:
            self._cursor.executemany(self._sql(sql), rows)

    def fetchall(self) -> list[tuple[Any, ...]]:
        return list(self._cursor.fetchall())

    def fetchone(self) -> tuple[Any, ...] | None:
        row = self._cursor.fetchone()
        return None if row is None else tuple(row)

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row (``None`` when there is no row)."""
        row = self.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def select_in(
        self, sql: str, values: Sequence[Any], params: Sequence[Any] = (), *, chunk: int = 500
    ) -> list[tuple[Any, ...]]:
        """Run ``sql``, whose ``{in}`` marks an ``IN (...)`` list, over ``values`` in chunks
        (SQLite caps the number of parameters); ``params`` come before the list."""
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(values), chunk):
            part = list(values[start : start + chunk])
            marks = ", ".join("?" * len(part))
            rows.extend(self.execute(sql.replace("{in}", marks), [*params, *part]).fetchall())
        return rows

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)

    @property
    def lastrowid(self) -> int | None:
        value = getattr(self._cursor, "lastrowid", None)
        return None if value is None else int(value)


def redact(url: str) -> str:
    """``url`` with its password replaced by ``***`` (for logs and messages)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class LockHeld(RuntimeError):
    """A :func:`file_lock` taken without waiting is held by another process: ``holder`` says
    which (pid, host and since when, as it wrote them), or is empty."""

    def __init__(self, path: str, holder: str) -> None:
        super().__init__(path, holder)
        self.path = path
        self.holder = holder

    def __str__(self) -> str:
        return f"{self.path} is held by {self.holder or 'another process'}"


@contextlib.contextmanager
def file_lock(
    path: str | Path,
    what: object,
    *,
    wait: bool = True,
    remove: bool = False,
    waiting: str = "waiting for another run to finish reading its input",
) -> Iterator[None]:
    """Hold an exclusive POSIX lock on the file ``path`` (created if missing) for the block,
    waiting (and saying so once at INFO, ``waiting`` followed by ``what``) while another process
    holds it. Without ``fcntl`` (Windows) it holds nothing: runs on one database must not
    overlap there.

    The holder writes its pid, host and start time into the file. With ``wait=False`` a lock
    held elsewhere raises :class:`LockHeld` at once, naming that holder. With ``remove=True``
    the file goes when the block ends (a process that opened it before then locks the file
    found at ``path`` instead). The lock ends with its process, however that ends: a file left
    by a killed process holds nothing.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    while True:
        handle = open(path, "a+b")  # noqa: SIM115 - closed below or by the with block
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not wait:
                    handle.seek(0)
                    holder = handle.read(1000).decode("utf-8", "replace").strip()
                    raise LockHeld(str(path), holder) from None
                logger.info("%s (%s)", waiting, what)
                fcntl.flock(handle, fcntl.LOCK_EX)
            if remove and not _still_at(handle, path):  # its holder removed it meanwhile
                handle.close()
                continue
        except BaseException:
            handle.close()
            raise
        break
    with handle:
        with contextlib.suppress(OSError):
            handle.truncate(0)
            since = datetime.now(timezone.utc).isoformat(timespec="seconds")
            handle.write(f"pid {os.getpid()} on {socket.gethostname()}, since {since}\n".encode())
            handle.flush()
        try:
            yield
        finally:
            if remove:
                Path(path).unlink(missing_ok=True)
            fcntl.flock(handle, fcntl.LOCK_UN)


def _still_at(handle: Any, path: str | Path) -> bool:
    """Whether the open file ``handle`` is still the file at ``path``."""
    try:
        here, there = os.fstat(handle.fileno()), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


class Backend(ABC):
    """A database connection with the dialect details the store needs."""

    kind: str = ""
    #: Column types, by role, for the schema's DDL.
    types: ClassVar[dict[str, str]] = {}

    def __init__(self, url: str, *, busy_timeout: float) -> None:
        self.url = redact(url)
        self.busy_timeout = busy_timeout

    def transaction(self, fn: Callable[[Tx], T], *, write: bool = True) -> T:
        """Run ``fn`` in one transaction and commit; retried with backoff while the database is
        busy (up to ``busy_timeout`` seconds in all). ``fn`` may run more than once, so it
        must not have effects outside the database."""
        return self.retrying(lambda: self._run(fn, write=write))

    def retrying(self, attempt: Callable[[], T]) -> T:
        """Call ``attempt`` until it does not fail with a busy error, backing off with jitter."""
        deadline = time.monotonic() + self.busy_timeout
        delay = _BACKOFF_START
        tries = 0
        while True:
            tries += 1
            try:
                return attempt()
            except Exception as exc:
                if not self._retryable(exc):
                    if self._is_db_error(exc):
                        raise StoreError(f"{self.url}: {exc}") from exc
                    raise
                if time.monotonic() + delay > deadline:
                    raise StoreError(
                        f"{self.url}: still busy after {tries} attempts over "
                        f"{self.busy_timeout:.0f} s ({exc}); another process holds the "
                        "database: try again later or raise busy_timeout"
                    ) from exc
                logger.debug("database busy (%s); retry %d in %.2f s", exc, tries, delay)
                time.sleep(delay * random.uniform(0.5, 1.5))
                delay = min(delay * 2, _BACKOFF_MAX)

    def ts(self, moment: datetime) -> Any:
        """A timestamp as the database takes it."""
        return moment

    @abstractmethod
    def _run(self, fn: Callable[[Tx], T], *, write: bool) -> T: ...

    @abstractmethod
    def _retryable(self, exc: Exception) -> bool: ...

    @abstractmethod
    def _is_db_error(self, exc: Exception) -> bool: ...

    @abstractmethod
    def table_exists(self, tx: Tx, name: str) -> bool:
        """Whether a table of that name exists (in the current schema)."""

    @abstractmethod
    def insert_returning_id(self, tx: Tx, sql: str, params: Sequence[Any], column: str) -> int:
        """Run an INSERT of one row and return the new row's generated ``column``."""

    def lock_table(self, tx: Tx, table: str) -> None:  # noqa: B027 -- a no-op by default
        """Make writers of ``table`` wait for this transaction (a no-op where every write
        transaction already excludes the others)."""

    def reading_lock(self) -> contextlib.AbstractContextManager[None]:
        """Held while a run reads its input into the store (see :meth:`Store.reading`)."""
        return contextlib.nullcontext()

    def lock_for_claim(self) -> str:
        """The clause that row-locks claim candidates, skipping those other claimers hold."""
        return ""

    @abstractmethod
    def compact(self) -> None:
        """Reclaim the space of deleted rows (outside any transaction)."""

    @abstractmethod
    def close(self) -> None: ...


class SQLiteBackend(Backend):
    """SQLite through the standard library, in WAL mode.

    ``synchronous=FULL``: every commit is on disk before it returns. The store commits once
    per batch, not per article, so the cost is a few fsyncs per run; in exchange a power
    loss cannot take back articles, scores or runs that a job already reported as saved
    (with ``NORMAL`` the last commits could vanish, and with them ingested articles whose
    input files may be gone by the next run). Either setting survives a killed process.
    Write transactions start with ``BEGIN IMMEDIATE``, so writers queue for the lock up
    front instead of failing half-way when a read turns into a write.
    """

    kind = "sqlite"
    types: ClassVar[dict[str, str]] = {
        "ts": "TEXT",
        "json": "TEXT",
        "blob": "BLOB",
        "run_id": "INTEGER PRIMARY KEY AUTOINCREMENT",
        "serial": "INTEGER PRIMARY KEY AUTOINCREMENT",
    }

    def __init__(self, path: str, *, busy_timeout: float) -> None:
        super().__init__(f"sqlite:///{path}", busy_timeout=busy_timeout)
        if sqlite3.sqlite_version_info < _MIN_SQLITE:
            raise StoreError(
                f"SQLite {sqlite3.sqlite_version} is too old: the store needs 3.24 or newer"
            )
        self.path = path
        if path != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot create {path}: folder {parent} does not exist")
        # isolation_level=None: the module never opens transactions behind our back.
        self._conn = sqlite3.connect(
            path, timeout=min(busy_timeout, 5.0), isolation_level=None, check_same_thread=True
        )
        try:
            mode = self.retrying(self._configure)
        except BaseException:
            self._conn.close()
            raise
        if str(mode).lower() != "wal" and path != ":memory:":
            logger.warning(
                "%s: journal mode is %s, not WAL; readers will wait for writers", path, mode
            )

    def reading_lock(self) -> contextlib.AbstractContextManager[None]:
        if self.path == ":memory:":
            return contextlib.nullcontext()
        return file_lock(f"{self.path}.reading.lock", self.path)

    def _configure(self) -> str:
        self._conn.execute("PRAGMA foreign_keys = ON")
        self._conn.execute("PRAGMA synchronous = FULL")
        # Switching to WAL needs a moment of exclusive access: retried like any write.
        return str(self._conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])

    def _run(self, fn: Callable[[Tx], T], *, write: bool) -> T:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            result = fn(Tx(conn.cursor(), pyformat=False))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return result

    def _retryable(self, exc: Exception) -> bool:
        if not isinstance(exc, sqlite3.OperationalError):
            return False
        code = getattr(exc, "sqlite_errorcode", None)  # Python >= 3.11
        if code is not None:
            return code & 0xFF in _SQLITE_BUSY_CODES
        message = str(exc).lower()
        return "locked" in message or "busy" in message

    def _is_db_error(self, exc: Exception) -> bool:
        return isinstance(exc, sqlite3.Error)

    def ts(self, moment: datetime) -> str:
        # ISO 8601 in UTC with a fixed width, so that text order is time order.
        return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")

    def table_exists(self, tx: Tx, name: str) -> bool:
        return (
            tx.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
            is not None
        )

    def compact(self) -> None:
        self.retrying(lambda: self._conn.execute("VACUUM"))
        # in WAL mode the rewritten file goes through the log: copied back and the log cut to
        # nothing here, the space is back now (the file and its log had grown by the database's
        # size until a later checkpoint)
        self.retrying(lambda: self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)"))

    def insert_returning_id(self, tx: Tx, sql: str, params: Sequence[Any], column: str) -> int:
        row_id = tx.execute(sql, params).lastrowid
        assert row_id is not None
        return row_id

    def close(self) -> None:
        self._conn.close()


class PostgresBackend(Backend):
    """PostgreSQL through psycopg 3 (the ``postgres`` extra).

    Transactions run at READ COMMITTED; claims lock candidate rows with ``FOR NO KEY UPDATE
    SKIP LOCKED`` so concurrent runs pass each other by, and the claims table's primary key
    settles any race that remains. Deadlocks, serialisation failures and lock timeouts are
    retried like SQLite's busy errors.
    """

    kind = "postgresql"
    types: ClassVar[dict[str, str]] = {
        "ts": "TIMESTAMPTZ",
        "json": "JSON",  # not JSONB: JSON keeps the record's text, key order included
        "blob": "BYTEA",
        "run_id": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        "serial": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    }

    def __init__(self, url: str, *, busy_timeout: float) -> None:
        super().__init__(url, busy_timeout=busy_timeout)
        try:
            import psycopg
        except ImportError as exc:
            raise MissingDependencyError(
                f"{self.url} needs psycopg 3, which is not installed: "
                "pip install 'media-analytics[postgres]'"
            ) from exc
        self._psycopg = psycopg
        try:
            self._conn = psycopg.connect(
                url, autocommit=True, application_name="media-analytics", connect_timeout=30
            )
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.url}: {exc}") from exc
        # Waits for a lock end after a while and are retried, instead of hanging forever.
        self._set_lock_timeout(min(busy_timeout, 30.0))
        self._conn.execute("SET TIME ZONE 'UTC'")

    def _set_lock_timeout(self, seconds: float) -> None:
        """How long a statement waits for a lock (0: as long as it takes)."""
        self._conn.execute(f"SET lock_timeout = {int(seconds * 1000)}")  # an int: no injection

    def _run(self, fn: Callable[[Tx], T], *, write: bool) -> T:
        with self._conn.transaction(), self._conn.cursor() as cursor:
            return fn(Tx(cursor, pyformat=True))

    def _retryable(self, exc: Exception) -> bool:
        errors = self._psycopg.errors
        return isinstance(
            exc, errors.SerializationFailure | errors.DeadlockDetected | errors.LockNotAvailable
        )

    def _is_db_error(self, exc: Exception) -> bool:
        return isinstance(exc, self._psycopg.Error)

    def table_exists(self, tx: Tx, name: str) -> bool:
        # A plain catalog query, not to_regclass(): that one may answer from a cache that
        # has not yet seen a table another session just created.
        return bool(
            tx.scalar(
                "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables "
                "WHERE schemaname = current_schema() AND tablename = ?)",
                (name,),
            )
        )

    def insert_returning_id(self, tx: Tx, sql: str, params: Sequence[Any], column: str) -> int:
        if not re.fullmatch(r"[a-z_]+", column):
            raise ValueError(f"bad column name {column!r}")
        row = tx.execute(f"{sql} RETURNING {column}", params).fetchone()
        assert row is not None
        return int(row[0])

    def lock_table(self, tx: Tx, table: str) -> None:
        if not re.fullmatch(r"[a-z_]+", table):
            raise ValueError(f"bad table name {table!r}")
        # Conflicts with itself and with row writes, not with readers or row locks.
        tx.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")

    def lock_for_claim(self) -> str:
        return " FOR NO KEY UPDATE OF a SKIP LOCKED"

    def compact(self) -> None:
        # the connection is in autocommit mode: VACUUM cannot run inside a transaction. FULL
        # rewrites the tables and gives their dead rows' space back to the system (a plain
        # VACUUM only marks it for reuse: the tables kept their size after a version's scores
        # were dropped); it locks them while it runs, as SQLite's VACUUM locks the file
        self.retrying(lambda: self._conn.execute("VACUUM (FULL, ANALYZE) scores, claims"))

    @contextlib.contextmanager
    def reading_lock(self) -> Iterator[None]:
        # a session-level advisory lock, one per schema (the tables live there): held by this
        # connection across the transactions of the reading, released even if the process
        # dies (the session ends)
        key = "media_analytics.reading"
        take = "SELECT pg_try_advisory_lock(hashtext(current_schema() || ?))"
        with self._conn.cursor() as cursor:
            got = Tx(cursor, pyformat=True).scalar(take, (key,))
            if not got:
                logger.info("waiting for another run to finish reading its input (%s)", self.url)
                self._set_lock_timeout(0)
                try:
                    Tx(cursor, pyformat=True).execute(
                        "SELECT pg_advisory_lock(hashtext(current_schema() || ?))", (key,)
                    )
                finally:
                    self._set_lock_timeout(min(self.busy_timeout, 30.0))
        try:
            yield
        finally:
            with self._conn.cursor() as cursor:
                Tx(cursor, pyformat=True).execute(
                    "SELECT pg_advisory_unlock(hashtext(current_schema() || ?))", (key,)
                )

    def close(self) -> None:
        self._conn.close()


def open_backend(url: str | Path, *, busy_timeout: float = 60.0) -> Backend:
    """Pick and open the backend for ``url``.

    A plain path, ``sqlite:///relative/path`` or ``sqlite:////absolute/path`` opens SQLite
    (the SQLAlchemy spelling); ``postgresql://`` or ``postgres://`` opens PostgreSQL.
    """
    text = str(url)
    scheme = text.split("://", 1)[0].lower() if "://" in text else ""
    if scheme in ("postgresql", "postgres"):
        return PostgresBackend(text, busy_timeout=busy_timeout)
    if scheme == "sqlite":
        path = text.split("://", 1)[1]
        path = path[1:] if path.startswith("/") else path
        if not path:
            raise StoreError(f"{text}: no database path (sqlite:///path/to/file.db)")
        return SQLiteBackend(
            str(Path(path).expanduser()) if path != ":memory:" else path, busy_timeout=busy_timeout
        )
    if scheme:
        raise StoreError(
            f"unsupported database URL scheme {scheme!r}: use a file path, sqlite:///path "
            "or postgresql://user:password@host:port/database"
        )
    return SQLiteBackend(str(Path(text).expanduser()), busy_timeout=busy_timeout)
