"""The store's tables, created on first open, and the check of the schema version.

Tables
------
``schema_version``
    One row per schema version applied; the highest is the database's version.
``articles``
    One row per article id: content hash, source, url, title, published_at, first_seen,
    updated_at (last content change) and the input record as JSON.
``runs``
    One row per scoring run: model version, status (running, ok, partial, failed,
    crashed), start/finish/heartbeat times, host and process, inputs and counts as JSON.
``scores``
    One row per (article, model version): the scored record as JSON, when and by which
    run, and the content hash of the article text that was scored (a score is *stale*
    when it differs from the article's current hash).
``claims``
    One row per (article, model version) being scored right now, and by which run.
``rejects``
    Input records that could not be used: run, source file, line, record id when known,
    reason code, message, severity, time; and (schema 5) ``content_key``, a hash of the reason
    and the record's content, by which the problem is known again at another line or path.
``deleted_articles`` (schema 4)
    One row per article id taken down with ``media-analytics db delete``, and when: a later
    copy of it in an input file is not stored again.
``input_files`` (schema 2)
    One row per input file read to its end: its resolved path, its signature then (size,
    modification and change times, the reading options), and the run that read it. A daily
    job given the whole export folder skips the files read before and unchanged since.
``dedup_state`` (schema 6)
    One row, named ``duplicates``: the daily job's duplicate-detection state
    (:meth:`~media_analytics.corpus.DuplicateDetector.to_bytes`), which run saved it and when.
    A server database keeps it here, so that every machine running the job on it marks the
    copies of articles any of them stored; ``db delete`` drops it with the articles.
``articles.input_file`` (schema 7)
    The input file (resolved path) the stored version of an article was last read from: a copy
    read later from a file dated before it (:func:`~media_analytics.corpus.readers.
    dated_before`) does not replace it. Empty for articles stored before, from standard input
    or by a caller that names no file: any later copy replaces those, as before.
``articles.url_key`` (schema 8)
    The article's URL as :func:`~media_analytics.corpus.ids.normalize_url` gives it (empty
    without a URL, or for one with no path: a site's home page names no article), indexed: a
    record under another id whose URL is a stored article's is that article (a re-send or a
    correction), not a second one. Filled in for the articles stored before.
``articles.content_hash`` indexed, ``deleted_articles.url_key`` and ``.content_hash`` (schema 9)
    A record with no URL under another id whose content (title, body, date and source) is a
    stored article's is that article, found through the index (an export's row number one
    day, the id made from its text the next). A takedown remembers the deleted article's URL
    and content too, so that a re-crawl under another id does not put it back. Empty for the
    articles deleted before (known by their ids alone).

Schema 3 changes no table: it gives the ``published_at`` of articles stored in a zone outside
Indonesia in WIB (see :func:`_published_in_wib`). Schema 5 adds ``rejects.content_key`` (empty
for the rejects stored before: they are known by their file, line and reason until a run meets
them again and fills it in). Schema 7 adds ``articles.input_file`` (empty for the articles
stored before, until a run reads them again).
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from .backends import Backend, Tx
from .errors import SchemaVersionError, StoreError

__all__ = ["SCHEMA_VERSION", "TABLES", "ensure_schema"]

logger = logging.getLogger(__name__)

#: Bumped on every change to the tables; a database made by a newer version is refused.
SCHEMA_VERSION = 9

TABLES = (
    "schema_version",
    "articles",
    "runs",
    "scores",
    "claims",
    "rejects",
    "input_files",
    "deleted_articles",
    "dedup_state",
)

# {ts}, {json}, {blob}, {run_id}, {serial} are the backend's column types (see Backend.types).
_DDL_V1 = (
    """CREATE TABLE schema_version (
        version INTEGER PRIMARY KEY,
        applied_at {ts} NOT NULL
    )""",
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        source TEXT,
        url TEXT,
        title TEXT,
        published_at TEXT,
        first_seen {ts} NOT NULL,
        updated_at {ts} NOT NULL,
        record {json} NOT NULL
    )""",
    "CREATE INDEX articles_first_seen ON articles (first_seen)",
    "CREATE INDEX articles_published_at ON articles (published_at)",
    """CREATE TABLE runs (
        run_id {run_id},
        model_version TEXT NOT NULL,
        status TEXT NOT NULL
            CHECK (status IN ('running', 'ok', 'partial', 'failed', 'crashed')),
        started_at {ts} NOT NULL,
        finished_at {ts},
        heartbeat_at {ts} NOT NULL,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host_key TEXT NOT NULL,
        start_token TEXT,
        inputs {json} NOT NULL,
        counts {json},
        note TEXT
    )""",
    "CREATE INDEX runs_status ON runs (status)",
    """CREATE TABLE scores (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        model_version TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        scored_at {ts} NOT NULL,
        run_id BIGINT NOT NULL REFERENCES runs (run_id),
        record {json} NOT NULL,
        UNIQUE (article_id, model_version)
    )""",
    "CREATE INDEX scores_model_version ON scores (model_version)",
    "CREATE INDEX scores_run ON scores (run_id)",
    """CREATE TABLE claims (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        model_version TEXT NOT NULL,
        run_id BIGINT NOT NULL REFERENCES runs (run_id),
        content_hash TEXT NOT NULL,
        claimed_at {ts} NOT NULL,
        PRIMARY KEY (article_id, model_version)
    )""",
    "CREATE INDEX claims_run ON claims (run_id)",
    """CREATE TABLE rejects (
        reject_id {serial},
        run_id BIGINT NOT NULL REFERENCES runs (run_id),
        source_file TEXT,
        line INTEGER,
        record_id TEXT,
        reason TEXT NOT NULL,
        message TEXT,
        severity TEXT NOT NULL,
        created_at {ts} NOT NULL
    )""",
    "CREATE INDEX rejects_run ON rejects (run_id)",
)

_DDL_V2 = (
    """CREATE TABLE input_files (
        path TEXT PRIMARY KEY,
        signature TEXT NOT NULL,
        run_id BIGINT NOT NULL REFERENCES runs (run_id),
        read_at {ts} NOT NULL
    )""",
)

_DDL_V4 = (
    """CREATE TABLE deleted_articles (
        id TEXT PRIMARY KEY,
        deleted_at {ts} NOT NULL
    )""",
)

_DDL_V6 = (
    """CREATE TABLE dedup_state (
        name TEXT PRIMARY KEY,
        state {blob} NOT NULL,
        run_id BIGINT REFERENCES runs (run_id),
        saved_at {ts} NOT NULL
    )""",
)

_DDL_V5 = (
    "ALTER TABLE rejects ADD COLUMN content_key TEXT",
    "CREATE INDEX rejects_content_key ON rejects (content_key)",
    "CREATE INDEX rejects_source_file ON rejects (source_file)",
)

_DDL_V7 = ("ALTER TABLE articles ADD COLUMN input_file TEXT",)

_DDL_V9 = (
    "CREATE INDEX articles_content_hash ON articles (content_hash)",
    "ALTER TABLE deleted_articles ADD COLUMN url_key TEXT",
    "ALTER TABLE deleted_articles ADD COLUMN content_hash TEXT",
    "CREATE INDEX deleted_articles_url_key ON deleted_articles (url_key)",
    "CREATE INDEX deleted_articles_content_hash ON deleted_articles (content_hash)",
)


def _url_keys(backend: Backend, tx: Tx) -> None:
    """Schema 8: ``articles.url_key``, the normalised URL by which a record under another id
    is known as a stored article, filled in for the articles stored before."""
    from .core import url_key

    tx.execute("ALTER TABLE articles ADD COLUMN url_key TEXT")
    tx.execute("CREATE INDEX articles_url_key ON articles (url_key)")
    rows = tx.execute("SELECT id, url FROM articles WHERE url IS NOT NULL").fetchall()
    keys = [(key, aid) for aid, url in rows if (key := url_key(url))]
    if keys:
        tx.executemany("UPDATE articles SET url_key = ? WHERE id = ?", keys)


def _published_in_wib(backend: Backend, tx: Tx) -> None:
    """Schema 3: a ``published_at`` stored in a zone outside Indonesia (UTC, as crawlers write
    it) is given in WIB, as the store writes it since, so that a period filter counts the
    article on the day its record and the reports give it."""
    from .core import _published

    rows = tx.execute(
        "SELECT id, published_at FROM articles WHERE LENGTH(published_at) > 19 "
        "AND published_at NOT LIKE ? AND published_at NOT LIKE ? AND published_at NOT LIKE ?",
        ("%+07:00", "%+08:00", "%+09:00"),
    ).fetchall()
    changed = [(new, aid) for aid, old in rows if (new := _published(old)) != old]
    if changed:
        tx.executemany("UPDATE articles SET published_at = ? WHERE id = ?", changed)
        logger.info("schema 3: %d publication times given in WIB", len(changed))


# What takes a database from version N-1 to N (statements, or a function of the transaction);
# version 1 is the creation.
_MIGRATIONS: dict[int, tuple[Any, ...]] = {
    1: _DDL_V1,
    2: _DDL_V2,
    3: (_published_in_wib,),
    4: _DDL_V4,
    5: _DDL_V5,
    6: _DDL_V6,
    7: _DDL_V7,
    8: (_url_keys,),
    9: _DDL_V9,
}

# PostgreSQL: one advisory lock for schema changes, so concurrent first opens queue up.
_PG_SCHEMA_LOCK = 0x6D615F73  # "ma_s"


def _version(backend: Backend, tx: Tx) -> int | None:
    if not backend.table_exists(tx, "schema_version"):
        return None
    value = tx.scalar("SELECT MAX(version) FROM schema_version")
    return None if value is None else int(value)


def _check_not_newer(backend: Backend, version: int | None) -> None:
    if version is not None and version > SCHEMA_VERSION:
        raise SchemaVersionError(
            f"{backend.url} was written with store schema version {version}, but this "
            f"media-analytics understands up to version {SCHEMA_VERSION}: upgrade "
            "media-analytics (pip install -U media-analytics) to use this database"
        )


def _upgrade(backend: Backend, tx: Tx) -> int | None:
    if backend.kind == "postgresql":
        tx.execute("SELECT pg_advisory_xact_lock(?)", (_PG_SCHEMA_LOCK,))
    found = _version(backend, tx)  # again: another process may have been first
    _check_not_newer(backend, found)
    if found is None:
        present = [t for t in TABLES if backend.table_exists(tx, t)]
        if present:
            raise StoreError(
                f"{backend.url} already has tables {', '.join(present)} but no "
                "schema_version: it was not made by media-analytics; use another database"
            )
    now = backend.ts(datetime.now(timezone.utc))
    for version in range((found or 0) + 1, SCHEMA_VERSION + 1):
        for step in _MIGRATIONS[version]:
            if callable(step):
                step(backend, tx)
            else:
                tx.execute(step.format(**backend.types))
        tx.execute("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (version, now))
    return found


def ensure_schema(backend: Backend) -> None:
    """Create the tables on first open, upgrade an older schema, refuse a newer one.

    Raises
    ------
    SchemaVersionError
        When the database was made by a newer schema version.
    StoreError
        When the database holds tables of the same names that the store did not make.
    """
    version = backend.transaction(lambda tx: _version(backend, tx), write=False)
    _check_not_newer(backend, version)
    if version == SCHEMA_VERSION:
        return
    before = backend.transaction(lambda tx: _upgrade(backend, tx))
    if before is None:
        logger.info("created the store's tables in %s", backend.url)
    elif before < SCHEMA_VERSION:
        logger.info("upgraded %s from schema %d to %d", backend.url, before, SCHEMA_VERSION)
