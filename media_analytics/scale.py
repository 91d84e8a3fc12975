"""Scoring partitioned archives on a Dask cluster.

:func:`score_partitions` scores a set of article files (a folder, a glob or a list; one
partition per file, in the order ``media-analytics score`` reads them) on a Dask cluster
and writes one scored JSONL file per partition. Concatenated in partition order, the
outputs are byte for byte what ``media-analytics score INPUT --out FILE`` writes for the
same input; :func:`merge_outputs` does the concatenation.

How it works
------------
Model, once per worker
    Each task names a model directory and its ``model_version``. A worker process loads
    the model the first time a task needs it and keeps it for later tasks (a cached loader
    keyed by directory and version); a worker restarted after a crash loads it again on
    its first task. With a remote cluster, ``model_dir`` must be on a filesystem the
    workers can read. Without ``model_dir`` the client writes the default model once into
    ``OUT/_model-<fingerprint>`` (the output folder is shared with the workers anyway), so
    every worker loads the very files the client checked and none has to build the model.
    It does so once it has a cluster with workers, and removes the copies it wrote for other
    code or another model; a run that never reaches a cluster leaves nothing behind.

Connecting
    A ``tcp://`` address is checked before ``distributed.Client`` connects: a refused port
    fails at once, and a listener that is not a Dask scheduler (the dashboard's port, 8787,
    is the usual mistake) fails within Dask's connect timeout, where the client would wait
    for ever or misread an HTTP reply. A scheduler without workers is given ``wait_workers``
    seconds (a warning says so at once), then the job fails: no cron job hangs on it. The
    same holds during the run: when all the workers have left (killed, their machine gone),
    the job waits ``wait_workers`` seconds for one to join, then fails as for failed
    partitions (the finished outputs are kept).

Paths
    The workers read the input files and write to the parts folder at the paths the client
    sees (absolute, resolved on the client): every worker must see them at the same path (a
    shared filesystem mounted alike). A worker that cannot read a file the client can is
    named in the error, with that requirement.

Idempotent outputs
    A worker writes ``part-NNNNN.jsonl`` under a temporary name, flushes it to disk and
    renames it into place (atomic on POSIX filesystems), then writes the done-marker
    ``_part-NNNNN.done.json`` the same way: row count, size and SHA-256 of the output, and
    the partition's *key*. The job's own files start with ``_`` (markers, ``_run.json``, the
    model copy, the lock) or ``.`` (temporary files), which directory readers (Arrow, Spark,
    Hadoop) skip: the folder reads as a dataset of its parts. Markers an earlier release
    named ``part-NNNNN.done.json`` are still read, and renamed. A partition is skipped on a
    later run only when its marker exists, its key matches and the output on disk still has
    the recorded size and hash; anything else (no marker, an output deleted or cut short, a
    changed input) is scored again. A task that runs twice (a worker killed after writing
    but before reporting) writes the same bytes twice, so the result never holds a
    partition twice or half. The key chains the SHA-256 of every input file up to and
    including the partition with the model (the hash of its manifest), the package's code
    and the reading options, because a partition's ``duplicate_of`` column depends on every
    file before it. It also depends on the ``dedup_lookahead`` articles read after it (an
    earlier-published original read there takes the story over), so the key adds the files
    after the partition up to the one where that count is reached, or every file after it
    and the fact that the input ends there when fewer articles follow. The marker records
    how many files that window spans (``lookahead_files``, ``lookahead_to_end``), so that a
    later run checks the same files without reading them: a file added, removed or changed
    within a partition's window has it scored again. With no look-ahead the key is the chain
    alone.

One job per parts folder
    A job holds the lock file ``_lock`` in its parts folder (its pid and host inside) from
    start to end: a second job on the folder fails at once, naming the first. The lock is
    the store's :func:`~media_analytics.store.backends.file_lock` (``flock``), so it ends
    with the job's process however that ends. Across machines it needs a filesystem that
    locks for all its clients (NFS does: Linux turns ``flock`` into NFS byte-range locks);
    it holds nothing on Windows.

Duplicates: a streaming pre-pass on the client
    ``media-analytics score`` marks ``duplicate_of`` across the whole input with one
    :class:`~media_analytics.corpus.DuplicateDetector` (each story's earliest-published
    article is its original, within :func:`~media_analytics.pipeline.mark_duplicates`'
    look-ahead). The Dask path runs that same marking on the client, over the partitions in
    order, and sends each task its partition's ``duplicate_of`` values (a sparse ``row ->
    original id`` map). The marking is the single-machine code itself, not a
    re-implementation, so the answers cannot drift apart. The pre-pass streams: a partition
    is submitted as soon as its values are final (the look-ahead has read past its end), so
    scoring starts after the first files and the pre-pass overlaps with the work of the
    cluster. It stops once it has read ``dedup_lookahead`` articles past the last partition
    that needs scoring (or the input has ended): that partition's answers are then those of
    a read of the whole input. It is skipped when every output is complete.

    The cost is one single-threaded pass over the text on the client, and the detector's
    memory there (about a kilobyte per article, as in the single-machine path). Per core,
    the detector is an order of magnitude faster than scoring, so the pre-pass keeps up
    with about that many workers (``bench/score_bench.py`` prints both rates). Beyond
    that, the next step is to compute the MinHash signatures on the workers (about 70% of
    the detector's time on CLICK-ID articles) and only resolve them on the client, in
    input order.

A killed worker
    The scheduler gives a killed worker's tasks to another worker (or to its restarted
    self). The outputs of finished partitions are on disk, so nothing is lost; a task
    that fails for another reason is reported once all the other partitions are done, and
    a second run redoes only the partitions without a complete output.

Training at scale
-----------------
Scoring is embarrassingly parallel; training is not, and it is not distributed here.
The bundle trains in memory in one process (about 17,000 news articles take minutes
on one machine; ``bench/score_bench.py`` measures it). Where a corpus outgrows that,
the parts that would move to streaming training are the vocabulary-bound ones: replace
``TfidfVectorizer`` by ``HashingVectorizer`` (no vocabulary to hold or ship), train the
sentiment and theme classifiers with ``SGDClassifier(loss="log_loss").partial_fit`` one
partition at a time, and the topics with ``MiniBatchKMeans.partial_fit``. What it costs:
hashing loses the feature names, so topic labels and theme evidence need a second
pass that counts terms per cluster; IDF weights need their own pass over the corpus
(or are dropped); SGD needs several shuffled epochs and a tuned learning rate to
approach the LBFGS solution. ``bench/score_bench.py`` reports the accuracy change on the
bundled sentiment set for the swap from TF-IDF and logistic regression to hashed
features and ``partial_fit``, and ``bench/topics.py --streaming`` the cost for the
topics (on CLICK-ID: NMI against the publishers' sections 0.434 -> about 0.39, and
topics that change with the seed). Fitting on a large enough random sample with the
in-memory code is usually the better trade; the topic model does so
(``max_fit_docs``).

Examples
--------
>>> summary = score_partitions("archive/2024/", "scored/2024/",
...                            scheduler="tcp://scheduler:8786")  # doctest: +SKIP
>>> merge_outputs("scored/2024/", "scored-2024.jsonl")  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import socket
import threading
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import CancelledError
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from . import __version__
from .corpus import DuplicateDetector, Rejects, read_articles
from .corpus.dedup import DEFAULT_LOOKAHEAD, DEFAULT_WINDOW
from .corpus.readers import STDIN, PathsLike, expand_paths
from .outputs import replacing
from .pipeline import is_model_dir, mark_duplicates
from .scheduler import ScaleError, connect_timeout, probe_scheduler

__all__ = [
    "ScaleError",
    "WorkerPathError",
    "merge_outputs",
    "partition_files",
    "score_partitions",
]

logger = logging.getLogger(__name__)

#: Bumped when the marker or the run manifest changes incompatibly (old markers are redone).
FORMAT_VERSION = 1
RUN_MANIFEST = "_run.json"
MODEL_DIR = "_model"
#: held by the job that uses a parts folder (its pid and host inside), removed when it ends
LOCK_FILE = "_lock"
_MARKER_FORMAT = "media_analytics.scale.partition"
_RUN_FORMAT = "media_analytics.scale.run"
_KEPT_REJECTS = 20
#: how long a job waits by default for a scheduler without workers to get one
WAIT_WORKERS = 60.0
#: the model copies this module writes into a parts folder (never any other folder)
_MODEL_COPY = re.compile(rf"{MODEL_DIR}-[0-9a-f]{{12}}")


class WorkerPathError(ScaleError):
    """A worker cannot read (or write to) a path of the job: the input, the parts folder or
    the model is not where the client sees it (another mount, another machine's folder)."""

    def __init__(self, worker: str, path: str, verb: str, reason: str) -> None:
        super().__init__(worker, path, verb, reason)
        self.worker = worker
        self.path = path
        self.verb = verb
        self.reason = reason

    def __str__(self) -> str:
        return f"worker {self.worker} cannot {self.verb} {self.path} ({self.reason})"


# -- partitions ----------------------------------------------------------------------------------


def partition_files(inputs: PathsLike) -> list[Path]:
    """The input files in the order ``media-analytics score`` reads them: one partition each.

    Raises
    ------
    FileNotFoundError
        For a path that does not exist or a glob that matches nothing.
    ScaleError
        For standard input (``-``), which cannot be split, or when no article file is found.
    """
    files = expand_paths(inputs)
    if STDIN in files:
        raise ScaleError("standard input cannot be scored on a cluster: write it to a file first")
    if not files:
        raise ScaleError("no article files (.jsonl, .csv, .parquet, ...) in the input")
    return [Path(f).resolve() for f in files]


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclass(frozen=True)
class _ReadOptions:
    """How articles are read: the same options on the client and on every worker."""

    column_map: tuple[tuple[str, str | None], ...] | None
    dayfirst: bool | str | None
    max_text_chars: int

    def read(
        self, path: Path, rejects: Rejects, seen: dict[str, str] | None = None
    ) -> Iterator[Any]:
        return read_articles(
            path,
            rejects=rejects,
            column_map=dict(self.column_map) if self.column_map else None,
            max_text_chars=self.max_text_chars,
            dayfirst=self.dayfirst,
            seen=seen,
        )


class _Contents(dict[str, str]):
    """:attr:`_SeenLog.contents`, noting the digest each id had when a record of it was read
    again: what the reader compared the repeat with, for the worker to compare it the same."""

    def __init__(self, contents: Mapping[str, str] | None = None) -> None:
        super().__init__(contents or {})
        self.looked: dict[str, str] = {}

    def get(self, key: str, default: Any = None) -> Any:
        digest = super().get(key, default)
        if digest is not None:
            self.looked[key] = digest
        return digest


class _SeenLog(dict[str, str]):
    """The ids read so far across partitions (id -> ``file:line``), noting each one found
    again: the client learns which records of a partition repeat an earlier partition's id."""

    def __init__(
        self, where: Mapping[str, str] | None = None, contents: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(where or {})
        self.found: dict[str, str] = {}
        # id -> the digest of what its first record held: a record that repeats it word for
        # word is read once without a reject, in a later partition as in the same file
        self.contents = _Contents(contents)

    def get(self, key: str, default: Any = None) -> Any:
        where = super().get(key, default)
        if where is not None:
            self.found[key] = where
        return where


@dataclass(frozen=True)
class _Task:
    """One partition to score, as a worker receives it."""

    index: int
    source: str
    input_sha256: str
    key: str
    rows: int
    duplicates: Mapping[int, str]
    out_dir: str
    model_dir: str
    model_version: str
    model_identity: str
    options: _ReadOptions
    overwrite: bool
    #: ids of earlier partitions this one holds again (id -> where first read): skipped and
    #: reported as the single-machine command does
    repeated: Mapping[str, str] = field(default_factory=dict)
    #: what the first record of each of those ids held (its digest): a repeat word for word is
    #: skipped without a reject, as the single-machine command does
    repeated_contents: Mapping[str, str] = field(default_factory=dict)
    #: the files after this one its duplicate_of values depend on (the look-ahead), and
    #: whether the input ended within the look-ahead (:func:`_window_key`)
    lookahead_files: int = 0
    lookahead_to_end: bool = False

    @property
    def name(self) -> str:
        return _output_name(self.index)


def _output_name(index: int) -> str:
    return f"part-{index:05d}.jsonl"


def _marker_path(out_dir: Path, index: int) -> Path:
    # "_" first: directory readers (pyarrow.dataset, Spark, Hadoop) skip it and read the parts
    return out_dir / f"_part-{index:05d}.done.json"


#: the markers' name before they took their leading "_" (still read, renamed on the next run)
_OLD_MARKER = re.compile(r"part-(\d{5,})\.done\.json")


def _rename_old_markers(out_dir: Path) -> None:
    """Give the markers an earlier release wrote (``part-NNNNN.done.json``) their current name,
    so that a folder scored before keeps its complete partitions and loads as a dataset."""
    for old in out_dir.glob("part-*.done.json"):
        found = _OLD_MARKER.fullmatch(old.name)
        if found is None:
            continue
        new = _marker_path(out_dir, int(found.group(1)))
        with contextlib.suppress(OSError):
            if new.exists():
                old.unlink()
            else:
                os.replace(old, new)


def _dated_by_name(path: Path) -> bool:
    """Whether the reader takes part of an article from the file's name (a ``.txt`` article's
    day), so that the name belongs to the partition's key as its content does."""
    name = path.name.lower()
    return name.endswith((".txt", ".txt.gz"))


def _moved(marker: dict[str, Any], source: str) -> dict[str, Any]:
    """``marker`` with its file named ``source``, in its rejects and warnings too."""
    before = str(marker.get("source", ""))
    if not before or before == source:
        return marker
    warnings = marker.get("warnings", {})
    return {
        **marker,
        "source": source,
        "rejects": [_renamed(r, before, source) for r in marker.get("rejects", [])],
        "warnings": {k: _renamed(v, before, source) for k, v in warnings.items()},
    }


def _renamed(line: str, before: str, after: str) -> str:
    return after + line[len(before) :] if line.startswith(before) else line


def _partition_keys(
    shas: list[str],
    model: str,
    options: _ReadOptions,
    dedup_window: int | None = DEFAULT_WINDOW,
    dedup_lookahead: int = DEFAULT_LOOKAHEAD,
) -> list[str]:
    """Each partition's key: everything its output depends on (see the module notes).

    ``model`` identifies the model and the code that scores with it (:func:`_job_model`).
    """
    settings: dict[str, Any] = {
        "package": __version__,
        "model": model,
        "read": {
            "column_map": options.column_map,
            "dayfirst": options.dayfirst,
            "max_text_chars": options.max_text_chars,
        },
        "dedup": DuplicateDetector(max_articles=dedup_window).get_params(),
    }
    if dedup_lookahead != DEFAULT_LOOKAHEAD:  # (the keys of runs with the default stay)
        settings["dedup_lookahead"] = dedup_lookahead
    chain = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()
    keys = []
    for sha in shas:
        chain = hashlib.sha256(f"{chain}:{sha}".encode()).hexdigest()
        keys.append(chain)
    return keys


def _window_key(
    chains: list[str], shas: list[str], index: int, after: int, to_end: bool, lookahead: int
) -> str | None:
    """Partition ``index``'s key: its chain (:func:`_partition_keys`) with the look-ahead window.

    A partition's ``duplicate_of`` values also depend on the ``lookahead`` articles read after
    it: on the ``after`` files that follow it, the last of them the one where the count of
    articles after the partition reaches ``lookahead``, or, when the input ends before
    (``to_end``), on every file after it and on the input ending there. None when the input
    no longer has such a window (fewer files, or more after an end that counted).

    With no look-ahead the key is the chain itself (the window is always empty).
    """
    if lookahead == 0:
        return chains[index] if after == 0 and not to_end else None
    last = index + after
    if last >= len(shas) or (to_end and last != len(shas) - 1):
        return None
    window = {"chain": chains[index], "after": shas[index + 1 : last + 1], "to_end": to_end}
    return hashlib.sha256(json.dumps(window).encode()).hexdigest()


def _look_ahead(counts: list[int], index: int, lookahead: int) -> int | None:
    """How many files after partition ``index`` hold its next ``lookahead`` articles, given the
    articles read from each file so far (``counts``); None when the files read do not reach."""
    if lookahead == 0:
        return 0
    read = 0
    for j in range(index + 1, len(counts)):
        read += counts[j]
        if read >= lookahead:
            return j - index
    return None


def _read_marker(out_dir: Path, index: int) -> dict[str, Any] | None:
    try:
        marker = json.loads(_marker_path(out_dir, index).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ok = (
        isinstance(marker, dict)
        and marker.get("format") == _MARKER_FORMAT
        and marker.get("format_version") == FORMAT_VERSION
    )
    return marker if ok else None


def _current(
    out_dir: Path, index: int, chains: list[str], shas: list[str], lookahead: int
) -> dict[str, Any] | None:
    """The partition's marker when its output is complete and current, else None: the files
    of the look-ahead window the marker records are still there, unchanged (its key)."""
    marker = _read_marker(out_dir, index)
    if marker is None:
        return None
    after, to_end = marker.get("lookahead_files", 0), marker.get("lookahead_to_end", False)
    if not isinstance(after, int) or after < 0 or not isinstance(to_end, bool):
        return None
    key = _window_key(chains, shas, index, after, to_end, lookahead)
    return None if key is None else _complete(out_dir, index, key)


def _complete(out_dir: Path, index: int, key: str) -> dict[str, Any] | None:
    """The partition's marker when its output is complete and current, else None."""
    marker = _read_marker(out_dir, index)
    if marker is None or marker.get("key") != key:
        return None
    output = out_dir / _output_name(index)
    try:
        if output.stat().st_size != marker["bytes"]:
            return None
    except (OSError, KeyError):
        return None
    return marker if _file_sha256(output) == marker.get("sha256") else None


# -- on the workers ------------------------------------------------------------------------------

_MODEL_LOCK = threading.Lock()
_SCORE_LOCK = threading.Lock()
_MODELS: dict[tuple[str, str], Any] = {}
_MODEL_LOADS = 0  # how many times this process loaded a model (the tests read it)


def _worker_model(model_dir: str, model_version: str, identity: str) -> Any:
    """The model for a task, loaded once per worker process and kept.

    Keyed by what the model is, not where it lies, so jobs writing to different folders
    share the loaded default model.
    """
    global _MODEL_LOADS
    key = (identity, model_version)
    with _MODEL_LOCK:
        pipe = _MODELS.get(key)
        if pipe is None:
            from .pipeline import MediaPipeline

            if not Path(model_dir).is_dir():
                raise WorkerPathError(_worker_name(), model_dir, "read", "no such folder")
            pipe = MediaPipeline.load(model_dir)
            if pipe.model_version != model_version:
                raise ScaleError(
                    f"{model_dir} now holds model {pipe.model_version}, the job scores with "
                    f"{model_version}: was it replaced while the job ran?"
                )
            _MODELS.clear()  # one model per worker: a new version replaces the old one
            _MODELS[key] = pipe
            _MODEL_LOADS += 1
    return pipe


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a directory
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as f:
            json.dump(data, f, indent=2, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _worker_name() -> str:
    """This worker's address (the host's name outside a Dask worker)."""
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return socket.gethostname()


def _score_partition(task: _Task) -> dict[str, Any]:
    """Score one partition into its output file and write its done-marker (runs on a worker).

    Raises :class:`WorkerPathError` when this worker cannot read the input or the model, or
    write to the parts folder.
    """
    started = time.perf_counter()
    out_dir = Path(task.out_dir)
    # a task run again after its worker died may find its output already written
    done = None if task.overwrite else _complete(out_dir, task.index, task.key)
    if done is not None:
        return done
    source = Path(task.source)
    try:
        sha = _file_sha256(source)
    except OSError as exc:
        reason = (exc.strerror or type(exc).__name__).lower()
        raise WorkerPathError(_worker_name(), str(source), "read", reason) from None
    if sha != task.input_sha256:
        raise ScaleError(f"{source} changed while the job ran: run it again")
    if not out_dir.is_dir() or not os.access(out_dir, os.W_OK):
        reason = "permission denied" if out_dir.is_dir() else "no such folder"
        raise WorkerPathError(_worker_name(), str(out_dir), "write to", reason)
    pipe = _worker_model(task.model_dir, task.model_version, task.model_identity)
    final = out_dir / task.name
    tmp = out_dir / f".{task.name}.{uuid.uuid4().hex}.tmp"
    rejects = Rejects()

    def marked() -> Iterator[Any]:
        # as the command does: duplicate_of is set before scoring, in arrival order
        seen = _SeenLog(task.repeated, task.repeated_contents)
        for row, article in enumerate(task.options.read(source, rejects, seen)):
            article.extra["duplicate_of"] = task.duplicates.get(row)
            yield article

    digest = hashlib.sha256()
    rows = size = 0
    try:
        with _SCORE_LOCK, tmp.open("wb") as f:
            for rows, record in enumerate(pipe.score(marked()), 1):
                record["duplicate_of"] = task.duplicates.get(rows - 1)
                line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
                f.write(line)
                digest.update(line)
                size += len(line)
            f.flush()
            os.fsync(f.fileno())
        if rows != task.rows:
            raise ScaleError(
                f"{source}: {rows} articles scored, the duplicate pre-pass read {task.rows}"
            )
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(out_dir)
    marker = {
        "format": _MARKER_FORMAT,
        "format_version": FORMAT_VERSION,
        "source": task.source,
        "input_sha256": task.input_sha256,
        "key": task.key,
        "lookahead_files": task.lookahead_files,
        "lookahead_to_end": task.lookahead_to_end,
        "model_version": task.model_version,
        "output": task.name,
        "rows": rows,
        "bytes": size,
        "sha256": digest.hexdigest(),
        "duplicates": len(task.duplicates),
        "rejected": len(rejects.errors),
        "rejects": [str(r) for r in rejects.errors[:_KEPT_REJECTS]],
        # records kept with a warning: how many of each kind, and the first of each
        "warned": dict(Counter(r.reason for r in rejects.warnings)),
        "warnings": {r.reason: str(r) for r in reversed(rejects.warnings)},
        "seconds": round(time.perf_counter() - started, 3),
        "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    _write_json_atomic(_marker_path(out_dir, task.index), marker)
    return marker


# -- on the client -------------------------------------------------------------------------------


def _require_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise ImportError(
            "scoring on a cluster needs dask.distributed: pip install 'media-analytics[dask]'"
        ) from exc
    return distributed


def _wait_for_workers(client: Any, wait: float) -> None:
    """Return once the cluster has a worker; say at once that it waits, fail after ``wait`` s.

    A scheduler without workers (they failed to start, or cannot import this package) would
    otherwise hold the job silently for ever.
    """
    if client.scheduler_info().get("workers"):
        return
    address = client.scheduler.address
    logger.warning(
        "the scheduler at %s has no workers yet: waiting up to %g s for one", address, wait
    )
    try:
        client.wait_for_workers(1, timeout=wait)
    except TimeoutError:
        raise ScaleError(
            f"no worker joined the scheduler at {address} within {wait:g} s: start some "
            f"(dask worker {address}) where media-analytics is installed"
        ) from None


@contextlib.contextmanager
def _connect(scheduler: Any, n_workers: int, wait_workers: float = WAIT_WORKERS) -> Iterator[Any]:
    """A client for ``scheduler``: an address, a Client, a cluster object, or a new LocalCluster.

    An address is checked first (:func:`~media_analytics.scheduler.probe_scheduler`), and a
    cluster without workers is
    given ``wait_workers`` seconds to get one: a wrong address or an empty cluster ends the
    job with one line instead of holding it.
    """
    distributed = _require_distributed()
    if isinstance(scheduler, distributed.Client):
        _wait_for_workers(scheduler, wait_workers)
        yield scheduler
        return
    if scheduler is not None:
        timeout = connect_timeout()
        if isinstance(scheduler, str):
            probe_scheduler(scheduler, timeout)
        with distributed.Client(scheduler, timeout=timeout) as client:
            _wait_for_workers(client, wait_workers)
            yield client
        return
    with (
        distributed.LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@dataclass(frozen=True)
class _JobModel:
    """The model directory the workers load, its version, and what identifies model and code."""

    path: Path
    version: str
    identity: str
    #: the default model, when ``path`` is its copy in the parts folder and still to be written
    unsaved: Any = None

    def save(self) -> None:
        """Write the default model's copy; called once a cluster with workers is there, so that
        a run that never reaches one leaves no copy behind."""
        if self.unsaved is None:
            return
        tmp = self.path.with_name(f".{MODEL_DIR}.{uuid.uuid4().hex}.tmp")
        try:
            self.unsaved.save(tmp)
            shutil.rmtree(self.path, ignore_errors=True)
            tmp.rename(self.path)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def _job_model(model_dir: Path | None, out: Path) -> _JobModel:
    """The job's model (:class:`_JobModel`); this module's other model copies in ``out`` go.

    A model directory given by the caller is used as it is (the workers must be able to read
    it). The default model is copied into ``OUT/_model-<fingerprint>`` (by
    :meth:`_JobModel.save`): the workers then load the very files the client checked, and none
    of them has to build it. The identity adds
    :func:`~media_analytics.models.corpora_fingerprint` (the package's code and bundled data)
    because ``model_version`` alone does not change when the scoring code does.
    """
    from .models import corpora_fingerprint, default_model
    from .pipeline import MediaPipeline

    code = corpora_fingerprint()
    if model_dir is not None:
        version = str(MediaPipeline.load(model_dir).model_version)
        job = _JobModel(model_dir, version, f"{code}:{_file_sha256(model_dir / 'manifest.json')}")
    else:
        pipe = default_model()
        version = str(pipe.model_version)
        job = _JobModel(out / f"{MODEL_DIR}-{code[:12]}", version, f"{code}:default", pipe)
        with contextlib.suppress(OSError, ValueError, KeyError):
            manifest = json.loads((job.path / "manifest.json").read_text(encoding="utf-8"))
            if manifest["model_version"] == version:
                # already there: the workers verify every file's checksum when they load it
                job = _JobModel(job.path, version, job.identity)
    # copies for other code or an earlier run's other model: only what this module wrote
    # (its name, a model's manifest), never the model this job scores with
    for old in out.glob(f"{MODEL_DIR}-*"):
        if old != job.path and _MODEL_COPY.fullmatch(old.name) and is_model_dir(old):
            shutil.rmtree(old, ignore_errors=True)
    return job


def _sum_counts(counts: Iterable[Mapping[str, int]]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for c in counts:
        total.update(c)
    return dict(total)


def _first_of_each(firsts: Iterable[Mapping[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in firsts:
        for reason, text in f.items():
            out.setdefault(reason, text)
    return out


@contextlib.contextmanager
def _parts_folder(out: Path) -> Iterator[None]:
    """The parts folder, created if missing and held by this job for the block.

    The lock (:data:`LOCK_FILE`, with the holder's pid and host in it) makes a second job on
    the folder fail at once, naming the first; it is the store's :func:`file_lock`, so it ends
    with the job's process however that ends. A folder the job created is removed again when
    the job fails before it wrote anything there (no cluster found, no worker came).
    """
    from .store.backends import LockHeld, file_lock

    created = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    try:
        try:
            with file_lock(out / LOCK_FILE, out, wait=False, remove=True):
                yield
        except LockHeld as held:
            raise ScaleError(
                f"{out} is in use by another job ({held.holder or 'its pid is not known'}): "
                "wait for it to end, or give this job another parts folder (--parts-dir)"
            ) from None
    except BaseException:
        if created:
            with contextlib.suppress(OSError):
                out.rmdir()
        raise


def score_partitions(
    inputs: PathsLike,
    out_dir: str | os.PathLike[str],
    *,
    model_dir: str | os.PathLike[str] | None = None,
    scheduler: Any = None,
    n_workers: int | None = None,
    overwrite: bool = False,
    merge_to: str | os.PathLike[str] | None = None,
    column_map: Mapping[str, str | None] | None = None,
    dayfirst: bool | str | None = "auto",
    max_text_chars: int = 1_000_000,
    dedup_window: int | None = DEFAULT_WINDOW,
    dedup_lookahead: int = DEFAULT_LOOKAHEAD,
    progress: bool = False,
    wait_workers: float = WAIT_WORKERS,
) -> dict[str, Any]:
    """Score article files on a Dask cluster, one output file per input file.

    Parameters
    ----------
    inputs : path, glob or list of them
        Article files (JSONL, CSV, Parquet) or folders, as ``media-analytics score`` takes
        them; each file is a partition.
    out_dir : path
        Where ``part-NNNNN.jsonl``, their done-markers ``_part-NNNNN.done.json`` and the run
        manifest ``_run.json`` go. With a remote cluster, a folder every worker can write to
        at the same path. One job at a time: a second one fails (see the module notes).
    model_dir : path, optional
        A model directory; the default model when None.
    scheduler : None, str, Client or cluster
        None starts a :class:`distributed.LocalCluster` for the call (``n_workers``
        processes with one thread each); a string is a scheduler address
        (``tcp://host:8786``); a ``Client`` (or a cluster object) is used as it is.
    n_workers : int, optional
        Workers of the local cluster (default: the number of cores, at most one per
        partition to score).
    overwrite : bool, default False
        Score every partition again, even those with a complete output.
    merge_to : path, optional
        Also write the outputs, concatenated in order, to this file: the same bytes as
        ``media-analytics score INPUT --out FILE``.
    column_map, dayfirst, max_text_chars
        How articles are read, as in :func:`~media_analytics.corpus.read_articles`
        (the command's defaults: each file's date order settled from its dates, ``"auto"``;
        bodies cut at a million characters).
    dedup_window : int or None
        How many recent articles duplicate detection remembers, as ``--dedup-window`` of
        ``media-analytics score`` (see :class:`~media_analytics.corpus.DuplicateDetector`).
    dedup_lookahead : int, default 10,000
        How many articles the duplicate pre-pass holds to find each story's earliest-published
        article, as ``--dedup-lookahead`` of ``media-analytics score`` (``lookahead`` of
        :func:`~media_analytics.pipeline.mark_duplicates`); a partition scored with another
        look-ahead is scored again.
    progress : bool, default False
        Show a progress bar over the partitions.
    wait_workers : float, default 60
        Seconds to wait for a worker when the cluster has none, at the start or after all its
        workers left during the run (a warning says so at once); then :class:`ScaleError`.
        A ``tcp://`` address that is refused, or where no Dask scheduler answers within
        Dask's connect timeout (``distributed.comm.timeouts.connect``, 30 s), is a
        :class:`ScaleError` too, raised before the model is loaded (also when every partition
        is complete).

    Returns
    -------
    dict
        ``partitions``, ``scored`` and ``skipped`` (partitions), ``articles`` (rows in
        the outputs), ``articles_scored`` (rows scored by this run), ``duplicates``,
        ``rejected``, ``rejects`` (the first 20 of each partition, kept in its marker),
        ``warned`` and ``warnings`` (counts and the first of each kind), the same of the
        partitions this run scored (``rejected_now``, ``rejects_now``, ``warned_now``,
        ``warnings_now``), ``model_version``, ``outputs``
        (file names in order), ``out_dir``, ``workers``, ``seconds`` and
        ``prepass_seconds`` (the client's duplicate pass).

    Raises
    ------
    ScaleError
        When some partitions failed (a worker that cannot see an input file the client sees
        is named); the others are kept, and a second run redoes only the failed ones. When
        no scheduler or no worker was found (see ``wait_workers``). When another job holds
        ``out_dir``.
    """
    if dedup_lookahead < 0:
        raise ValueError(f"dedup_lookahead must be >= 0, got {dedup_lookahead}")
    started = time.perf_counter()
    files = partition_files(inputs)
    out = Path(out_dir).resolve()
    # the job's own files (its parts folder, the merged output) are never its input, also when
    # they sit inside the input folder
    merged = Path(merge_to).resolve() if isinstance(merge_to, str | os.PathLike) else None
    files = [f for f in files if not f.is_relative_to(out) and f != merged]
    if not files:
        raise ScaleError("no article files in the input besides the job's own output")
    if isinstance(scheduler, str):  # a wrong address is said before the model is loaded
        _require_distributed()
        probe_scheduler(scheduler, connect_timeout())
    # one job per parts folder: another one's clean-up would delete this one's files
    with _parts_folder(out):
        _rename_old_markers(out)
        job = _job_model(Path(model_dir).resolve() if model_dir is not None else None, out)
        model_path, version, identity = job.path, job.version, job.identity
        options = _ReadOptions(
            column_map=tuple(sorted(column_map.items())) if column_map else None,
            dayfirst=dayfirst,
            max_text_chars=max_text_chars,
        )
        shas = [_file_sha256(f) for f in files]
        # a .txt article is dated by its file's name: a renamed one is another input
        named = [
            f"{sha}:{f.name}" if _dated_by_name(f) else sha
            for f, sha in zip(files, shas, strict=True)
        ]
        chains = _partition_keys(named, identity, options, dedup_window, dedup_lookahead)
        markers: list[dict[str, Any] | None] = [
            None if overwrite else _current(out, i, chains, named, dedup_lookahead)
            for i in range(len(files))
        ]
        todo = [i for i, m in enumerate(markers) if m is None]
        logger.info(
            "%d partitions, %d to score (%d already complete) with model %s",
            len(files),
            len(todo),
            len(files) - len(todo),
            version,
        )
        prepass = 0.0
        workers = 0
        # the outputs of partitions the input no longer has (a folder that shrank): gone, so that
        # the parts folder holds this run's outputs only
        for old in [*out.glob("part-*.jsonl"), *out.glob("_part-*.done.json")]:
            index = old.name.split(".")[0].removeprefix("_part-").removeprefix("part-")
            if index.isdigit() and int(index) >= len(files):
                old.unlink(missing_ok=True)
        if todo:
            # the last run's manifest no longer describes the folder: until this run finishes,
            # merge_outputs refuses it rather than join outputs of two runs
            (out / RUN_MANIFEST).unlink(missing_ok=True)
            n_local = n_workers or min(os.cpu_count() or 1, len(todo))
            with _connect(scheduler, n_local, wait_workers) as client:
                workers = len(client.scheduler_info().get("workers", {}))
                job.save()
                plan = _Plan(
                    files,
                    shas,
                    named,
                    chains,
                    todo,
                    out,
                    options,
                    model_path,
                    version,
                    identity,
                    overwrite,
                    dedup_window,
                    dedup_lookahead,
                )
                failures, prepass = _run(
                    client, plan, markers, progress=progress, wait_workers=wait_workers
                )
            for i in todo:  # leftovers of tasks that died while writing an output or its marker
                for name in (_output_name(i), _marker_path(out, i).name):
                    for stale in out.glob(f".{name}.*.tmp"):
                        stale.unlink(missing_ok=True)
            if failures:
                raise ScaleError(
                    f"{len(failures)} of {len(files)} partitions failed (the other outputs are "
                    f"kept; run again to redo only these); {failures[0][1]}"
                )
        # a partition reused from an earlier run whose file has moved (the same bytes under another
        # path) is reported under the path read now
        markers = [
            _moved(m, str(f)) if m is not None else None
            for m, f in zip(markers, files, strict=True)
        ]
        done = [m for m in markers if m is not None]
        now = [m for i, m in enumerate(markers) if m is not None and i in todo]
        _write_json_atomic(
            out / RUN_MANIFEST,
            {
                "format": _RUN_FORMAT,
                "format_version": FORMAT_VERSION,
                "model_version": version,
                "partitions": [
                    {k: m[k] for k in ("output", "source", "rows", "bytes", "sha256")} for m in done
                ],
                "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            },
        )
        summary = {
            "partitions": len(files),
            "scored": len(todo),
            "skipped": len(files) - len(todo),
            "articles": sum(m["rows"] for m in done),
            "articles_scored": sum(m["rows"] for i, m in enumerate(markers) if m and i in todo),
            "duplicates": sum(m["duplicates"] for m in done),
            "rejected": sum(m["rejected"] for m in done),
            # each partition's first rejects (its marker keeps them): -v lists them all
            "rejects": [r for m in done for r in m["rejects"]],
            "warned": _sum_counts(m.get("warned", {}) for m in done),
            "warnings": _first_of_each(m.get("warnings", {}) for m in done),
            # the same of the partitions this run scored: an earlier run's are not news
            "rejected_now": sum(m["rejected"] for m in now),
            "rejects_now": [r for m in now for r in m["rejects"]],
            "warned_now": _sum_counts(m.get("warned", {}) for m in now),
            "warnings_now": _first_of_each(m.get("warnings", {}) for m in now),
            "model_version": version,
            "outputs": [m["output"] for m in done],
            "out_dir": str(out),
            "workers": workers,
            "prepass_seconds": round(prepass, 3),
            "seconds": 0.0,
        }
        if merge_to is not None:
            merge_outputs(out, merge_to)
        summary["seconds"] = round(time.perf_counter() - started, 3)
        return summary


@dataclass(frozen=True)
class _Plan:
    """What the client knows before it submits anything."""

    files: list[Path]
    shas: list[str]
    #: what identifies each file in the keys (its SHA-256, with the name where that counts)
    named: list[str]
    #: each partition's key without its look-ahead window (:func:`_partition_keys`)
    chains: list[str]
    todo: list[int]
    out: Path
    options: _ReadOptions
    model_path: Path
    version: str
    identity: str
    overwrite: bool
    dedup_window: int | None
    dedup_lookahead: int = DEFAULT_LOOKAHEAD


class _WorkerWatch:
    """Watches a running job's cluster: says at once when it has no workers left, and fails
    the job when none has come back within ``wait`` seconds (a cluster whose workers all died
    would otherwise hold the job silently for ever)."""

    #: how often the scheduler is asked, at most (seconds)
    every = 1.0

    def __init__(self, client: Any, wait: float) -> None:
        self.client = client
        self.wait = wait
        self.address = client.scheduler.address
        self.checked = time.monotonic()
        self.since: float | None = None  # when the cluster was last seen without workers

    def check(self, left: Callable[[], int], total: int) -> None:
        """Raise :class:`ScaleError` when the cluster has had no worker for ``wait`` seconds
        (``left()`` of ``total`` partitions not done yet)."""
        now = time.monotonic()
        if now - self.checked < self.every:
            return
        self.checked = now
        if self.client.nthreads():
            if self.since is not None:
                logger.warning("a worker joined the scheduler at %s: the job goes on", self.address)
                self.since = None
            return
        if self.since is None:
            self.since = now
            logger.warning(
                "the scheduler at %s has no workers left: waiting up to %g s for one",
                self.address,
                self.wait,
            )
        elif now - self.since >= self.wait:
            raise ScaleError(
                f"{left()} of {total} partitions failed (the other outputs are kept; run again "
                f"to redo only these); the scheduler at {self.address} has had no workers for "
                f"{self.wait:g} s: start some (dask worker {self.address})"
            )


def _run(
    client: Any,
    plan: _Plan,
    markers: list[dict[str, Any] | None],
    *,
    progress: bool,
    wait_workers: float = WAIT_WORKERS,
) -> tuple[list[tuple[int, str]], float]:
    """The duplicate pre-pass, submitting each partition as soon as it is known; then collection.

    Fills ``markers`` in place; returns the failed partitions (each with the line that says
    why) and the pre-pass time. Fails when the cluster has had no worker for ``wait_workers``
    seconds.
    """
    distributed = _require_distributed()
    detector = DuplicateDetector(max_articles=plan.dedup_window)
    seen = _SeenLog()  # ids across partitions, as one read of all files keeps them
    pending = set(plan.todo)
    futures: dict[Any, int] = {}
    prepass = 0.0
    options = plan.options
    watch = _WorkerWatch(client, wait_workers)
    total = len(plan.files)
    # every file up to the last to score and its look-ahead, as one stream through the
    # command's own marking (mark_duplicates: its look-ahead and settling), each article with
    # its place
    places: deque[tuple[int, int]] = deque()
    # rows of each file read, the ids of earlier files it repeats, and what their first records
    # held
    read_out: dict[int, tuple[int, dict[str, str], dict[str, str]]] = {}
    counts: list[int] = []  # articles read from each file so far (the last one maybe not all)
    ended = False  # the stream read the input to its end
    released: Counter[int] = Counter()
    duplicates: dict[int, dict[int, str]] = {}
    keys: dict[int, str] = {}  # the key each partition handed out was given
    ready = 0  # the next partition to hand out
    last = max(plan.todo)
    ahead = plan.dedup_lookahead

    def read() -> Iterator[Any]:
        nonlocal ended
        for i, path in enumerate(plan.files):
            # past the last partition to score, as far as its look-ahead reaches: a stream cut
            # shorter would settle its answers early (an original read later not found)
            if i > last and sum(counts[last + 1 :]) >= ahead:
                return
            watch.check(lambda: len(pending) - sum(f.status == "finished" for f in futures), total)
            rows = 0
            seen.found = {}
            seen.contents.looked = {}
            counts.append(0)
            for row, article in enumerate(options.read(path, Rejects(), seen)):
                places.append((i, row))
                rows = row + 1
                counts[i] = rows
                yield article
            # repeats within this file are found by the worker's own read
            here = str(path)
            again = {k: v for k, v in seen.found.items() if v.rsplit(":", 1)[0] != here}
            looked = seen.contents.looked
            read_out[i] = (rows, again, {k: looked[k] for k in again if k in looked})
        ended = True

    def window(i: int) -> tuple[int, bool] | None:
        # the files partition i's look-ahead reaches (and whether to the input's end), once known
        after = _look_ahead(counts, i, ahead)
        if after is not None:
            return after, False
        return (len(plan.files) - 1 - i, True) if ended else None

    def submit_ready() -> None:
        # a partition goes out once its every duplicate_of is final, and its look-ahead known
        nonlocal ready
        while ready in read_out and released[ready] == read_out[ready][0]:
            i = ready
            if i not in pending:
                ready += 1
                continue
            reach = window(i)
            if reach is None:  # (a partition without articles, read before its look-ahead)
                return
            ready += 1
            key = _window_key(plan.chains, plan.named, i, *reach, ahead)
            assert key is not None  # (the window is the input's own)
            keys[i] = key
            task = _Task(
                index=i,
                source=str(plan.files[i]),
                input_sha256=plan.shas[i],
                key=key,
                rows=read_out[i][0],
                duplicates=duplicates.pop(i, {}),
                out_dir=str(plan.out),
                model_dir=str(plan.model_path),
                model_version=plan.version,
                model_identity=plan.identity,
                overwrite=plan.overwrite,
                options=options,
                repeated=read_out[i][1],
                repeated_contents=read_out[i][2],
                lookahead_files=reach[0],
                lookahead_to_end=reach[1],
            )
            name = f"score-{_output_name(i)}-{uuid.uuid4().hex[:8]}"
            futures[client.submit(_score_partition, task, key=name, pure=False)] = i

    try:
        marked = mark_duplicates(read(), detector, lookahead=plan.dedup_lookahead)
        while True:
            t0 = time.perf_counter()
            article = next(marked, None)
            prepass += time.perf_counter() - t0
            if article is None:
                break
            i, row = places.popleft()
            original = article.extra["duplicate_of"]
            if original is not None:
                duplicates.setdefault(i, {})[row] = original
            released[i] += 1
            submit_ready()
        submit_ready()  # the last partitions, and those with no article
        logger.info("duplicate pre-pass: %d articles in %.1f s", len(detector), prepass)
        failures: list[tuple[int, str]] = []
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=len(futures), desc="partitions", unit="part")
        left = dict(futures)
        while left:
            with contextlib.suppress(TimeoutError, CancelledError):  # cancelled: said below
                distributed.wait(list(left), timeout=watch.every, return_when="FIRST_COMPLETED")
            # (a "lost" result, its worker gone, is computed again: not done)
            for future in [f for f in left if f.status in ("finished", "error", "cancelled")]:
                i = left.pop(future)
                if future.status == "finished":
                    # the marker the task wrote, read here: its result is held by its worker,
                    # and a worker that died since would hold up the job while it is redone
                    marker = _read_marker(plan.out, i)
                    ok = marker is not None and marker.get("key") == keys[i]
                    markers[i] = marker if ok else future.result()
                else:
                    exc = future.exception() if future.status == "error" else None
                    error = _said(exc, plan.files[i]) if exc is not None else str(future.status)
                    if exc is None and client.status != "running":
                        error += " (the connection to the scheduler was lost)"
                    line = (
                        _failure(exc, plan, i) if exc is not None else f"{plan.files[i]}: {error}"
                    )
                    failures.append((i, line))
                    if len(futures) > 1:  # the final error names the first failure itself
                        logger.warning("partition %s failed: %s", plan.files[i], error)
                if bar is not None:
                    bar.update(1)
            if left:
                watch.check(lambda: len(left), total)
        if bar is not None:
            bar.close()
        return sorted(failures), prepass
    except BaseException:
        client.cancel(list(futures))
        raise


def _failure(exc: BaseException, plan: _Plan, index: int) -> str:
    """The line that says why a partition failed; a path a worker cannot use but this machine
    can is said to be the cause it is (workers see other files at that path)."""
    path = plan.files[index]
    if isinstance(exc, WorkerPathError):
        if exc.verb == "read":
            can = os.access(exc.path, os.R_OK)
        else:
            can = Path(exc.path).is_dir() and os.access(exc.path, os.W_OK)
        if can:
            what = "the input and the parts folder"
            if exc.path == str(plan.model_path) and not plan.model_path.is_relative_to(plan.out):
                what = "the model, the input and the parts folder"
            return (
                f"worker {exc.worker} cannot {exc.verb} {exc.path}, which this machine can: "
                f"every worker must see {what} at the same path"
            )
        if exc.path == str(path):  # gone for this machine too
            return f"{path}: {exc.reason}"
    return f"{path}: {_said(exc, path)}"


def _said(exc: BaseException, path: str | os.PathLike[str]) -> str:
    """A worker's exception in one line, without the partition's path said twice."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    message = " ".join(str(exc).split()) or type(exc).__name__
    for prefix in (f"{path}: ", f"{path} ", os.fspath(path)):
        if message.startswith(prefix):
            message = message[len(prefix) :].lstrip(": ")
            break
    return message if isinstance(exc, ScaleError) else f"{type(exc).__name__}: {message}"


def merge_outputs(out_dir: str | os.PathLike[str], dest: str | os.PathLike[str] | IO[bytes]) -> int:
    """Concatenate a finished run's outputs in partition order; returns the bytes written.

    ``dest`` is a path or a binary file object. The result is what
    ``media-analytics score INPUT --out FILE`` writes for the same input.

    Raises
    ------
    ScaleError
        When the run manifest is missing (the run did not finish) or an output changed.
    """
    root = Path(out_dir)
    try:
        manifest = json.loads((root / RUN_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ScaleError(f"{root}: no finished run here ({RUN_MANIFEST} missing)") from None
    if manifest.get("format") != _RUN_FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise ScaleError(f"{root / RUN_MANIFEST}: not a run manifest this version reads")
    parts = manifest["partitions"]
    for part in parts:
        if (root / part["output"]).stat().st_size != part["bytes"]:
            raise ScaleError(f"{root / part['output']}: changed since the run finished")
    if isinstance(dest, str | os.PathLike):
        # written beside FILE and renamed at the end: a failure leaves an earlier FILE whole (a
        # link is followed; a device or a pipe is written to as it is)
        with replacing(dest) as f:
            return _copy(root, parts, f)
    return _copy(root, parts, dest)


def _copy(root: Path, parts: list[dict[str, Any]], f: IO[bytes]) -> int:
    """Copy the outputs in order, each checked against its SHA-256 as it goes."""
    written = 0
    for part in parts:
        digest = hashlib.sha256()
        with (root / part["output"]).open("rb") as src:
            while block := src.read(1 << 20):
                digest.update(block)
                f.write(block)
        if digest.hexdigest() != part["sha256"]:
            raise ScaleError(f"{root / part['output']}: changed since the run finished")
        written += part["bytes"]
    return written
