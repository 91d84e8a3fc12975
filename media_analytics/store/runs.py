"""Runs: their start, heartbeat and end, and how dead runs are found and their claims freed.

A run records the process that started it (:mod:`~media_analytics.store.process`). It is
taken for dead, marked ``crashed`` and its claims released, when that process is gone
(same host) or when the run sent no heartbeat for the store's lease (any host).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any, Literal

from .backends import Backend, Tx
from .errors import RunActiveError, StoreError
from .process import current_process, is_alive
from .records import dumps, loads

__all__ = ["DEFAULT_LEASE", "FINISHED", "FinishedStatus", "RunsMixin"]

logger = logging.getLogger(__name__)

FinishedStatus = Literal["ok", "partial", "failed", "crashed"]
#: The statuses :meth:`Store.finish_run` accepts.
FINISHED: tuple[str, ...] = ("ok", "partial", "failed", "crashed")

#: How long a run may go without a heartbeat before other runs take it for dead.
DEFAULT_LEASE = timedelta(minutes=30)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _describe_inputs(inputs: Any) -> Any:
    if inputs is None:
        return []
    if isinstance(inputs, str | os.PathLike):
        return [str(inputs)]
    if isinstance(inputs, Mapping):
        return dict(inputs)
    return [str(x) if isinstance(x, os.PathLike) else x for x in inputs]


class RunsMixin:
    """The run methods of :class:`~media_analytics.store.Store`."""

    _backend: Backend
    lease: timedelta

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self._backend.url

    def rescore_since(self, model_version: str, run_id: int) -> int:
        """The run from which scores of ``model_version`` count as rescored, for run ``run_id``.

        A rescoring run is one started with ``inputs`` holding ``"rescore": true`` (as
        ``media-analytics score --db DB --rescore`` does). Walking back from ``run_id``, each
        earlier rescoring run that did not finish (failed, crashed, still running) belongs to the
        same rescore, which this run resumes; a finished one (ok or partial) ends the walk.
        Without such runs this is ``run_id`` itself: everything is scored again.
        """
        rows = self._backend.transaction(
            lambda tx: tx.execute(
                "SELECT run_id, status, inputs FROM runs WHERE model_version = ? AND run_id < ? "
                "ORDER BY run_id DESC",
                (model_version, run_id),
            ).fetchall(),
            write=False,
        )
        since = run_id
        for earlier, status, inputs in rows:
            described = loads(inputs)
            if not (isinstance(described, dict) and described.get("rescore") is True):
                continue  # a plain run: its scores are as new as the rescore's
            if status in ("ok", "partial"):
                break
            since = earlier
        return since

    def start_run(self, model_version: str, inputs: Any = None, *, exclusive: bool = False) -> int:
        """Record the start of a scoring run.

        Parameters
        ----------
        model_version : str
        inputs : path, list of paths, mapping or None
            What the run reads, for the record (stored as JSON).
        exclusive : bool
            Refuse to start while another live run of the same model version is active.
            Without it the runs share the work through claims (safe, and logged).

        Returns
        -------
        int
            The run id; ids grow with each run.

        Raises
        ------
        RunActiveError
            ``exclusive`` and another run of ``model_version`` is active.
        """
        proc = current_process()
        now = _now()
        described = dumps(_describe_inputs(inputs))

        def work(tx: Tx) -> tuple[int, list[tuple[Any, ...]], list[tuple[int, str]]]:
            self._backend.lock_table(tx, "runs")  # so that the exclusive check holds
            reaped = self._reap(tx, now)
            active = self._active_runs(tx, model_version)
            if active and exclusive:
                run, host, pid, started = active[0]
                raise RunActiveError(
                    f"run {run} of model version {model_version!r} is still active (host "
                    f"{host}, pid {pid}, started {started}); wait for it to finish, or start "
                    "without exclusive to share the work"
                )
            ts = self._backend.ts(now)
            run_id = self._backend.insert_returning_id(
                tx,
                "INSERT INTO runs (model_version, status, started_at, heartbeat_at, host, pid, "
                "host_key, start_token, inputs) VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?)",
                (
                    model_version,
                    ts,
                    ts,
                    proc.host,
                    proc.pid,
                    proc.host_key,
                    proc.start_token,
                    described,
                ),
                "run_id",
            )
            return run_id, active, reaped

        run_id, active, reaped = self._backend.transaction(work)
        self._log_reaped(reaped)
        logger.info("run %d started: model version %s", run_id, model_version)
        for run, host, pid, _started in active:
            logger.info(
                "run %d shares the work with active run %s (host %s, pid %s)",
                run_id,
                run,
                host,
                pid,
            )
        return run_id

    @staticmethod
    def _active_runs(tx: Tx, model_version: str) -> list[tuple[Any, ...]]:
        """Inside ``tx``: ``(run_id, host, pid, started_at)`` of the runs of a version still
        running, oldest first (reap dead runs before)."""
        return tx.execute(
            "SELECT run_id, host, pid, started_at FROM runs "
            "WHERE status = 'running' AND model_version = ? ORDER BY run_id",
            (model_version,),
        ).fetchall()

    def heartbeat(self, run_id: int) -> None:
        """Tell other processes that run ``run_id`` is alive (claims and saves do it too)."""
        now = _now()
        back = self._backend.transaction(lambda tx: self._touch(tx, run_id, None, now))
        self._log_back(run_id, back)

    def finish_run(
        self, run_id: int, status: FinishedStatus, counts: Mapping[str, Any] | None = None
    ) -> None:
        """Record the end of a run and release the articles it claimed but did not save.

        Parameters
        ----------
        run_id : int
        status : {"ok", "partial", "failed", "crashed"}
            ``partial``: done, with some records rejected or left unscored.
        counts : mapping, optional
            Numbers for the record (read, new, scored, rejected, ...), stored as JSON.
        """
        if status not in FINISHED:
            raise ValueError(f"status must be one of {', '.join(FINISHED)}, got {status!r}")
        now = _now()

        def work(tx: Tx) -> tuple[str, int]:
            before = tx.scalar("SELECT status FROM runs WHERE run_id = ?", (run_id,))
            if before is None:
                raise StoreError(f"{self.url} has no run {run_id}")
            ts = self._backend.ts(now)
            tx.execute(
                "UPDATE runs SET status = ?, finished_at = ?, heartbeat_at = ?, counts = ? "
                "WHERE run_id = ?",
                (status, ts, ts, dumps(dict(counts or {})), run_id),
            )
            released = tx.execute("DELETE FROM claims WHERE run_id = ?", (run_id,)).rowcount
            return str(before), released

        before, released = self._backend.transaction(work)
        if before != "running":
            logger.warning("run %d was already %s; now %s", run_id, before, status)
        logger.info("run %d finished: %s %s", run_id, status, dict(counts or {}))
        if released:
            logger.info("run %d left %d claimed articles unscored: released", run_id, released)

    def reap_dead_runs(self) -> list[int]:
        """Mark runs whose process died or whose heartbeat stopped ``crashed`` and release
        their claims now (:meth:`start_run` and :meth:`claim` do this on their own)."""
        now = _now()
        reaped = self._backend.transaction(lambda tx: self._reap(tx, now))
        self._log_reaped(reaped)
        return [run_id for run_id, _ in reaped]

    def _touch(self, tx: Tx, run_id: int, model_version: str | None, now: datetime) -> str:
        """Heartbeat ``run_id`` inside ``tx``; returns its status before."""
        row = tx.execute(
            "SELECT model_version, status FROM runs WHERE run_id = ?", (run_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"{self.url} has no run {run_id}: start one with start_run()")
        version, status = row
        if model_version is not None and version != model_version:
            raise ValueError(
                f"run {run_id} scores model version {version!r}, not {model_version!r}"
            )
        if status not in ("running", "crashed"):
            raise StoreError(f"run {run_id} is already finished ({status})")
        tx.execute(
            "UPDATE runs SET heartbeat_at = ?, status = 'running', finished_at = NULL "
            "WHERE run_id = ?",
            (self._backend.ts(now), run_id),
        )
        return str(status)

    def _log_back(self, run_id: int, before: str) -> None:
        if before == "crashed":
            logger.warning(
                "run %d was presumed dead (no heartbeat for %s) and is back; the articles it "
                "had claimed went to other runs and may be scored twice (stored once)",
                run_id,
                self.lease,
            )

    def _reap(self, tx: Tx, now: datetime) -> list[tuple[int, str]]:
        """Inside ``tx``: mark dead runs crashed and drop the claims of runs not running."""
        me = current_process()
        cutoff = now - self.lease
        dead: list[tuple[int, str]] = []
        rows = tx.execute(
            "SELECT run_id, host_key, pid, start_token, heartbeat_at FROM runs "
            "WHERE status = 'running'"
        ).fetchall()
        for run_id, host_key, pid, token, heartbeat in rows:
            if host_key == me.host_key and not is_alive(int(pid), token):
                dead.append((int(run_id), f"process {pid} on this host is gone"))
            elif _as_datetime(heartbeat) < cutoff:
                dead.append((int(run_id), f"no heartbeat since {heartbeat}"))
        ts = self._backend.ts(now)
        for run_id, why in dead:
            tx.execute(
                "UPDATE runs SET status = 'crashed', finished_at = ?, note = ? "
                "WHERE run_id = ? AND status = 'running'",
                (ts, why, run_id),
            )
        tx.execute(
            "DELETE FROM claims WHERE run_id IN (SELECT run_id FROM runs WHERE status <> 'running')"
        )
        return dead

    @staticmethod
    def _log_reaped(reaped: list[tuple[int, str]]) -> None:
        for run_id, why in reaped:
            logger.warning("run %d marked crashed (%s); its claimed articles are free", run_id, why)
