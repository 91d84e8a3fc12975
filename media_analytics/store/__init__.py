"""The batch job's database: articles in, every article scored once per model version.

SQLite by default (a file path), PostgreSQL with a ``postgresql://`` URL and the
``postgres`` extra. Safe against killed processes (every call is one transaction) and
concurrent runs (articles are claimed, never handed to two runs at once).

Typical use::

    from media_analytics.store import open_store

    with open_store("media.db") as store:
        run_id = store.start_run(model_version, inputs=paths)
        store.add_articles(articles)
        store.add_rejects(run_id, rejects)
        while batch := store.claim(run_id, model_version, limit=500):
            store.save_scores(run_id, model_version, score(batch))
        store.finish_run(run_id, "ok", counts)
        frame = store.scores_frame(model_version)
"""

from .core import (
    FINISHED,
    ID_CLASH_SIMILARITY,
    AddResult,
    FinishedStatus,
    IdClash,
    Store,
    changed_count,
    older_files_message,
    open_store,
    same_url_message,
    undated_files_message,
    url_key,
)
from .errors import (
    MissingDependencyError,
    RunActiveError,
    SchemaVersionError,
    StoreError,
    UnknownVersionError,
)
from .records import HASHED_FIELDS, content_hash
from .schema import SCHEMA_VERSION

__all__ = [
    "FINISHED",
    "HASHED_FIELDS",
    "ID_CLASH_SIMILARITY",
    "SCHEMA_VERSION",
    "AddResult",
    "FinishedStatus",
    "IdClash",
    "MissingDependencyError",
    "RunActiveError",
    "SchemaVersionError",
    "Store",
    "StoreError",
    "UnknownVersionError",
    "changed_count",
    "content_hash",
    "older_files_message",
    "open_store",
    "same_url_message",
    "undated_files_message",
    "url_key",
]
