"""Reading the store into pandas DataFrames, for reports and for people."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from .backends import Backend, Tx
from .errors import UnknownVersionError
from .records import iso, loads

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "record_of",
    "reject_row",
    "rejects_frame",
    "runs_frame",
    "scores_frame",
    "versions_frame",
]

_STORE_COLUMNS = ("model_version", "scored_at", "run_id", "stale")
_RUN_COLUMNS = (
    "run_id",
    "model_version",
    "status",
    "started_at",
    "finished_at",
    "heartbeat_at",
    "host",
    "pid",
    "inputs",
    "counts",
    "note",
    "n_scores",
    "n_claims",
)
_VERSION_COLUMNS = (
    "model_version",
    "n_scores",
    "n_stale",
    "n_runs",
    "n_running",
    "first_run_at",
    "last_run_at",
    "last_scored_at",
)
_REJECT_COLUMNS = (
    "reject_id",
    "run_id",
    "file",
    "line",
    "record_id",
    "reason",
    "message",
    "severity",
    "created_at",
)


def record_of(article_id: str, value: Any) -> dict[str, Any]:
    """A stored JSON record as a dict (the id filled in when the record lacks one)."""
    data = loads(value)
    record = dict(data) if isinstance(data, Mapping) else {"value": data}
    record.setdefault("id", article_id)
    return record


def _field(reject: Any, *names: str) -> Any:
    for name in names:
        value = reject.get(name) if isinstance(reject, Mapping) else getattr(reject, name, None)
        if value is not None:
            return value
    return None


def reject_row(reject: Any) -> tuple[Any, ...]:
    """``(source_file, line, record_id, reason, message, severity, content_key)`` of a reject;
    ``content_key`` is its ``digest`` (or ``content_key``), ``None`` when it has none."""
    reason = _field(reject, "reason")
    if not reason:
        raise ValueError(f"a reject needs a reason, got {reject!r}")
    line = _field(reject, "line")
    record_id = _field(reject, "record_id", "id")
    source = _field(reject, "file", "source_file")
    return (
        None if source is None else str(source),
        None if line is None else int(line),
        None if record_id is None else str(record_id),
        str(reason),
        _field(reject, "message"),
        str(_field(reject, "severity") or "error"),
        _field(reject, "digest", "content_key"),
    )


def _utc(frame: pd.DataFrame, *columns: str) -> None:
    import pandas as pd

    for column in columns:
        frame[column] = pd.to_datetime(frame[column], utc=True, format="ISO8601")


def _window(
    since: date | datetime | str | None, until: date | datetime | str | None
) -> tuple[list[str], list[Any]]:
    """SQL conditions on ``a.published_at`` for articles published from ``since`` to ``until``
    (days inclusive; ISO text compares in time order)."""
    where: list[str] = []
    params: list[Any] = []
    if since is not None:
        where.append("a.published_at >= ?")
        params.append(iso(since))
    if until is not None:
        day = date.fromisoformat(str(iso(until))[:10]) + timedelta(days=1)
        where.append("a.published_at < ?")  # the whole last day, times of day included
        params.append(day.isoformat())
    return where, params


def scores_frame(
    backend: Backend,
    model_version: str | None,
    since: date | datetime | str | None,
    include_stale: bool,
    until: date | datetime | str | None = None,
    whole_stories: bool = False,
) -> pd.DataFrame:
    """See :meth:`media_analytics.store.Store.scores_frame`."""
    import pandas as pd

    where, params = _window(since, until)
    kept: list[str] = []  # the conditions that are not the window's
    if model_version is not None:
        kept.append("s.model_version = ?")
    if not include_stale:
        kept.append("s.content_hash = a.content_hash")
    kept_params = [model_version] if model_version is not None else []
    select = (
        "SELECT s.article_id, s.record, s.model_version, s.scored_at, s.run_id, "
        "CASE WHEN s.content_hash = a.content_hash THEN 0 ELSE 1 END, a.published_at "
        "FROM scores s JOIN articles a ON a.id = s.article_id"
    )
    conditions = [*where, *kept]
    sql = (
        select
        + (" WHERE " + " AND ".join(conditions) if conditions else "")
        + " ORDER BY (a.published_at IS NULL), a.published_at, s.article_id, s.model_version"
    )

    def found(tx: Tx) -> list[tuple[Any, ...]]:
        rows = tx.execute(sql, [*params, *kept_params]).fetchall()
        if not (whole_stories and where):
            return rows
        # the undated records too: a report counts them as left out "undated", as it does
        # reading a file, instead of their dropping out of the count unseen
        rows += tx.execute(
            select + " WHERE " + " AND ".join(["a.published_at IS NULL", *kept]), kept_params
        ).fetchall()
        others = _other_copies(tx, {r[0] for r in rows}, kept, kept_params)
        if others:
            rows += tx.select_in(
                select + " WHERE " + " AND ".join([*kept, "s.article_id IN ({in})"]),
                sorted(others),
                kept_params,
            )
        # the order the query gives: undated last, then by date, id and version
        return sorted(rows, key=lambda r: (r[6] is None, r[6] or "", r[0], r[2]))

    def read(tx: Tx) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        rows = found(tx)
        if rows:
            return rows, []
        # no row: one stored record of the version (of any, without one) names the columns a
        # frame with rows has, and tells a version without a single score apart (a typo)
        version = " WHERE model_version = ?" if model_version is not None else ""
        sql_one = f"SELECT article_id, record FROM scores{version} LIMIT 1"
        return rows, tx.execute(sql_one, kept_params).fetchall()

    rows, sample = backend.transaction(read, write=False)
    if model_version is not None and not rows and not sample:
        held = scores_count(backend, None, None)
        raise UnknownVersionError(model_version, dict(sorted(held.items())))
    records = []
    columns: dict[str, None] = {"id": None}  # an ordered set
    for article_id, record in sample:
        columns.update(dict.fromkeys(record_of(article_id, record)))
    for article_id, record, version, scored_at, run_id, stale, _ in rows:
        data = record_of(article_id, record)
        columns.update(dict.fromkeys(data))
        data.update(model_version=version, scored_at=scored_at, run_id=int(run_id))
        data["stale"] = bool(stale)
        records.append(data)
    for name in _STORE_COLUMNS:
        columns.pop(name, None)
    frame = pd.DataFrame(records, columns=[*columns, *_STORE_COLUMNS])
    _utc(frame, "scored_at")
    frame["run_id"] = frame["run_id"].astype("int64")
    frame["stale"] = frame["stale"].astype(bool)
    return frame


#: The stored records that copy another: the store writes them as compact JSON (see
#: :func:`~media_analytics.store.records.dumps`), so ``duplicate_of`` with a text value reads so
_COPY_PATTERN = '%"duplicate_of":"%'


def _other_copies(tx: Tx, ids: set[str], kept: list[str], params: list[Any]) -> set[str]:
    """The ids outside ``ids`` of the records in one syndicated story with a record of
    ``ids``: copies and the records they copy, their ``duplicate_of`` chains followed both
    ways (only the copies' records are read)."""
    linked: dict[str, set[str]] = {}
    rows = tx.execute(
        "SELECT s.article_id, s.record FROM scores s JOIN articles a ON a.id = s.article_id "
        "WHERE " + " AND ".join(["CAST(s.record AS TEXT) LIKE ?", *kept]),
        [_COPY_PATTERN, *params],
    ).fetchall()
    for article_id, record in rows:
        original = record_of(article_id, record).get("duplicate_of")
        if isinstance(original, str) and original and original != article_id:
            linked.setdefault(article_id, set()).add(original)
            linked.setdefault(original, set()).add(article_id)
    story = {i for i in ids if i in linked}
    todo = list(story)
    while todo:
        for other in linked[todo.pop()]:
            if other not in story:
                story.add(other)
                todo.append(other)
    return story - ids


def _query(backend: Backend, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    def read(tx: Tx) -> list[tuple[Any, ...]]:
        return tx.execute(sql, params).fetchall()

    return backend.transaction(read, write=False)


def scores_count(
    backend: Backend, since: date | datetime | str | None, until: date | datetime | str | None
) -> dict[str, int]:
    """See :meth:`media_analytics.store.Store.scores_count`."""
    where, params = _window(since, until)
    sql = (
        "SELECT s.model_version, COUNT(*) FROM scores s JOIN articles a ON a.id = s.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " GROUP BY s.model_version"
    )
    return {str(v): int(n) for v, n in _query(backend, sql, tuple(params))}


def articles_count(
    backend: Backend, since: date | datetime | str | None, until: date | datetime | str | None
) -> int:
    """See :meth:`media_analytics.store.Store.articles_count`."""
    where, params = _window(since, until)
    sql = "SELECT COUNT(*) FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
    return int(_query(backend, sql, tuple(params))[0][0])


def last_arrival(backend: Backend) -> datetime | None:
    """See :meth:`media_analytics.store.Store.last_arrival`."""
    value = _query(backend, "SELECT MAX(updated_at) FROM articles", ())[0][0]
    if value is None:
        return None
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def versions_frame(backend: Backend) -> pd.DataFrame:
    """See :meth:`media_analytics.store.Store.versions_frame`."""
    import pandas as pd

    def read(tx: Tx) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        scores = tx.execute(
            "SELECT s.model_version, COUNT(*), "
            "SUM(CASE WHEN s.content_hash <> a.content_hash THEN 1 ELSE 0 END), "
            "MAX(s.scored_at) FROM scores s JOIN articles a ON a.id = s.article_id "
            "GROUP BY s.model_version"
        ).fetchall()
        runs = tx.execute(
            "SELECT model_version, COUNT(*), "
            "SUM(CASE WHEN status = 'running' THEN 1 ELSE 0 END), MIN(started_at), "
            "MAX(started_at) FROM runs GROUP BY model_version"
        ).fetchall()
        return scores, runs

    scores, runs = backend.transaction(read, write=False)
    by_version: dict[str, dict[str, Any]] = {}
    for version, n, stale, last_scored in scores:
        by_version[str(version)] = {
            "n_scores": n, "n_stale": stale or 0, "last_scored_at": last_scored
        }  # fmt: skip
    for version, n_runs, running, first, last in runs:
        row = by_version.setdefault(str(version), {"n_scores": 0, "n_stale": 0})
        row.update(n_runs=n_runs, n_running=running or 0, first_run_at=first, last_run_at=last)
    frame = pd.DataFrame(
        [{"model_version": v, **row} for v, row in by_version.items()],
        columns=list(_VERSION_COLUMNS),
    )
    for column in ("n_scores", "n_stale", "n_runs", "n_running"):
        frame[column] = frame[column].fillna(0).astype("int64")
    _utc(frame, "first_run_at", "last_run_at", "last_scored_at")
    # the order reports use: the version first used most recently comes last
    frame = frame.sort_values(["first_run_at", "model_version"], na_position="first", kind="stable")
    return frame.reset_index(drop=True)


def runs_frame(backend: Backend) -> pd.DataFrame:
    """See :meth:`media_analytics.store.Store.runs_frame`."""
    import pandas as pd

    rows = _query(
        backend,
        "SELECT r.run_id, r.model_version, r.status, r.started_at, r.finished_at, "
        "r.heartbeat_at, r.host, r.pid, r.inputs, r.counts, r.note, "
        "(SELECT COUNT(*) FROM scores s WHERE s.run_id = r.run_id), "
        "(SELECT COUNT(*) FROM claims c WHERE c.run_id = r.run_id) "
        "FROM runs r ORDER BY r.run_id",
    )
    decoded = [(*row[:8], loads(row[8]), loads(row[9]), *row[10:]) for row in rows]
    frame = pd.DataFrame(decoded, columns=list(_RUN_COLUMNS))
    _utc(frame, "started_at", "finished_at", "heartbeat_at")
    for column in ("run_id", "pid", "n_scores", "n_claims"):
        frame[column] = frame[column].astype("int64")
    return frame


def rejects_frame(backend: Backend, run_id: int | None) -> pd.DataFrame:
    """See :meth:`media_analytics.store.Store.rejects_frame`."""
    import pandas as pd

    sql = (
        "SELECT reject_id, run_id, source_file, line, record_id, reason, message, severity, "
        "created_at FROM rejects"
    )
    params: tuple[Any, ...] = ()
    if run_id is not None:
        sql += " WHERE run_id = ?"
        params = (run_id,)
    rows = _query(backend, sql + " ORDER BY reject_id", params)
    frame = pd.DataFrame(rows, columns=list(_REJECT_COLUMNS))
    _utc(frame, "created_at")
    frame["line"] = frame["line"].astype("Int64")
    for column in ("reject_id", "run_id"):
        frame[column] = frame[column].astype("int64")
    return frame
