"""A small process pool whose workers share Sastrawi stems as they learn them.

Stemming an unseen word costs about a thousand times a cache look-up, so on a cold start the
work is dominated by distinct words. Two independent workers would each stem every common word
once; here each result a worker computes is sent back with its chunk and forwarded to the other
workers with their next chunk, so a word is stemmed about once in the whole pool.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import multiprocessing as mp
import os
import queue
import signal
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

from threadpoolctl import threadpool_limits

from .stemming import default_cache

__all__ = ["WorkerPool", "effective_n_jobs", "parallel_map"]

logger = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

_CONTEXT: Any = None  # the object handed to every task function (set before the workers start)


#: The young-generation threshold of the garbage collector in the processes that score (Python's
#: default is 700).
GC_THRESHOLD = 20_000


def relax_gc() -> None:
    """Let the garbage collector start less often in this process (a scoring command's, a
    worker's).

    Scoring works a chunk of articles at a time, and the objects of a chunk live until the chunk
    is done: at Python's default threshold they outlive two young collections and fill the old
    generation, whose full collections then traverse every object of the process. On 3,000 news
    articles scored in one process that was a tenth of the CPU time; with this threshold, a
    hundredth. A threshold raised further, or collection switched off (a threshold of 0), is
    left as it is.
    """
    first, second, third = gc.get_threshold()
    if 0 < first < GC_THRESHOLD:
        gc.set_threshold(GC_THRESHOLD, second, third)


def effective_n_jobs(n_jobs: int | None) -> int:
    """``None`` -> 1, ``-1`` -> all cores, ``-2`` -> all but one, ``k`` -> ``k``."""
    if n_jobs is None or n_jobs == 0:
        return 1
    cores = os.cpu_count() or 1
    if n_jobs < 0:
        return max(1, cores + 1 + n_jobs)
    return n_jobs


def _cores_to_pin(n_workers: int, pin: bool | None) -> list[int] | None:
    """The core each worker is bound to, or None to let the OS place them."""
    getaff = getattr(os, "sched_getaffinity", None)
    if pin is False or getaff is None or not hasattr(os, "sched_setaffinity"):
        return None
    allowed = sorted(getaff(0))
    if n_workers < 2 or n_workers > len(allowed):
        return None  # one worker, or more workers than cores: nothing to gain
    return allowed[:n_workers]


def _worker_main(
    conn: Connection,
    context: Any,
    entries: list[tuple[str, str]],
    inherited: list[Connection],
    core: int | None = None,
) -> None:
    global _CONTEXT
    # Ctrl-C reaches the whole process group: the parent stops the job and says so once; the
    # workers end when it closes their pipes (or notice it is gone)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # and SIGTERM (terminate()) ends a worker, whatever handler a forked one inherited
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if core is not None:
        # a core that went away (a cgroup change) leaves the worker unbound
        with contextlib.suppress(OSError):
            os.sched_setaffinity(0, {core})
    # A forked worker holds copies of the parent's ends of its own and its siblings' pipes;
    # closing them lets every worker see end-of-file when the parent dies, even by SIGKILL (with
    # its own copy open, a worker killed mid-message waited in recv for the rest for ever).
    for other in inherited:
        other.close()
    parent = os.getppid()
    # one worker per core: BLAS or OpenMP threads inside a worker would only oversubscribe them
    threadpool_limits(1)
    if context is not None:
        _CONTEXT = context
    cache = default_cache()
    cache.update(entries)
    cache.start_log()
    cache.drain_log()
    # The model and caches live as long as the worker: keep the garbage collector from
    # traversing them again and again (and from touching pages shared with the parent).
    gc.freeze()
    relax_gc()
    while True:
        # wake up now and then to notice a parent that died without closing the pipe
        while not conn.poll(2.0):
            if os.getppid() != parent:
                return
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        if msg[0] == "context":
            _CONTEXT = msg[1]
            gc.freeze()
            continue
        task_id, fn, chunk, delta = msg
        reply: _Reply
        try:
            cache.update(delta)
            reply = (task_id, fn(_CONTEXT, chunk), cache.drain_log(), None)
        except BaseException:  # report any failure to the parent instead of dying silently
            reply = (task_id, None, cache.drain_log(), traceback.format_exc())
        if not _reply(conn, reply):
            return


#: A task's reply: its id, its result, the stems learnt, and the traceback of its failure.
_Reply = tuple[int, Any, list[tuple[str, str]], str | None]

#: What sending on a pipe whose other end is closed raises: the parent is gone.
_PARENT_GONE = (BrokenPipeError, ConnectionResetError, EOFError)


def _reply(conn: Connection, reply: _Reply) -> bool:
    """Send a task's reply to the parent; ``False`` when the parent is gone.

    A parent killed while the worker was busy (``kill -9`` of the command) has closed its end
    of the pipe: there is nobody left to tell, and the worker ends quietly rather than leaving
    a ``BrokenPipeError`` traceback in the job's log. A result that cannot be sent (one that
    does not pickle) is reported to the parent as the task's failure.
    """
    try:
        conn.send(reply)
    except _PARENT_GONE:
        return False
    except BaseException:
        try:
            conn.send((reply[0], None, reply[2], traceback.format_exc()))
        except _PARENT_GONE:
            return False
    return True


def _send_loop(conn: Connection, box: queue.SimpleQueue[Any]) -> None:
    """Send a worker its messages in order; ``None`` is sent on and ends the loop."""
    while True:
        msg = box.get()
        try:
            conn.send(msg)
        except (OSError, ValueError):  # the worker is gone: the reader finds out on recv
            return
        if msg is None:
            return


class WorkerPool:
    """Worker processes that run ``fn(context, chunk)`` and keep their stem caches in sync.

    Parameters
    ----------
    n_jobs : int
        Number of worker processes (``-1`` for all cores).
    context : object
        Handed to every task as its first argument: typically a fitted model. With the ``fork``
        start method it is inherited, not copied through a pipe.
    pin : bool or None, default=None
        Bind each worker to a core of its own (Linux). ``None`` binds when there are at least two
        workers and no more workers than the cores this process may use: a worker that stays on
        one core keeps its caches warm there (about 10% more preprocessing throughput with two
        workers on two cores, ``bench/preprocess.py``). The calling process is never bound.
    """

    def __init__(self, n_jobs: int = -1, context: Any = None, *, pin: bool | None = None) -> None:
        global _CONTEXT
        self.n_jobs = effective_n_jobs(n_jobs)
        cores = _cores_to_pin(self.n_jobs, pin)
        methods = mp.get_all_start_methods()
        ctx = mp.get_context("fork" if "fork" in methods else "spawn")
        forking = ctx.get_start_method() == "fork"
        if forking:
            _CONTEXT = context
        self._conns: list[Connection] = []
        self._procs: list[Any] = []
        cache = default_cache()
        start_entries = [] if forking else list(cache.to_dict().items())
        for i in range(self.n_jobs):
            parent, child = ctx.Pipe()
            proc = ctx.Process(  # type: ignore[attr-defined]
                target=_worker_main,
                args=(
                    child,
                    None if forking else context,
                    start_entries,
                    [*self._conns, parent] if forking else [],
                    None if cores is None else cores[i],
                ),
                daemon=True,
            )
            proc.start()
            child.close()
            self._conns.append(parent)
            self._procs.append(proc)
        self._log: list[tuple[str, str]] = []
        self._pos = [0] * self.n_jobs
        self._closed = False
        # Messages to a worker go through a queue and a sending thread of their own, so this
        # thread never blocks in a send: it can always read results. A chunk and a result larger
        # than a pipe's buffer (a few hundred KB) would otherwise block both sides for good,
        # the parent sending while the worker sends back (that hung a cold fit on CLICK-ID).
        self._outboxes: list[queue.SimpleQueue[Any]] = []
        self._senders: list[threading.Thread] = []
        for conn in self._conns:
            box: queue.SimpleQueue[Any] = queue.SimpleQueue()
            thread = threading.Thread(target=_send_loop, args=(conn, box), daemon=True)
            thread.start()
            self._outboxes.append(box)
            self._senders.append(thread)

    def set_context(self, context: Any) -> None:
        """Send a new context object to every worker (once, not with every chunk)."""
        for box in self._outboxes:
            box.put(("context", context))

    def map(
        self, fn: Callable[[Any, Sequence[T]], R], chunks: Iterable[Sequence[T]]
    ) -> Iterator[R]:
        """Apply ``fn(context, chunk)`` to each chunk; yield results in input order.

        A map left before its end (an error, or a consumer that stops iterating) closes the
        pool: results still on their way would otherwise be read by the next map.
        """
        if self._closed:
            raise RuntimeError("the pool is closed")
        # Every full garbage collection that this process's allocations set off while the map
        # runs (results received, a caller's duplicate index) would traverse all its objects
        # from before, the model and the imported modules first: a tenth of the parent's own
        # work in a scoring run. They are kept out of the collections until the map ends, unless
        # the caller froze objects itself (it then decides when to unfreeze them).
        freeze = gc.get_freeze_count() == 0
        if freeze:
            gc.freeze()
        cache = default_cache()
        inflight = [0] * self.n_jobs
        owner: dict[Connection, int] = {c: i for i, c in enumerate(self._conns)}
        results: dict[int, R] = {}
        next_out = 0
        it = iter(enumerate(chunks))
        exhausted = False
        finished = False
        try:
            while True:
                # keep two chunks in flight per worker so none waits for the parent
                while not exhausted and min(inflight) < 2:
                    try:
                        task_id, chunk = next(it)
                    except StopIteration:
                        exhausted = True
                        break
                    w = inflight.index(min(inflight))
                    delta = self._log[self._pos[w] :]
                    self._pos[w] = len(self._log)
                    self._outboxes[w].put((task_id, fn, chunk, delta))
                    inflight[w] += 1
                if next_out in results:
                    yield results.pop(next_out)
                    next_out += 1
                    continue
                if exhausted and sum(inflight) == 0:
                    finished = True
                    return
                ready: list[Any] = wait([c for c in self._conns if inflight[owner[c]]])
                for conn in ready:
                    w = owner[conn]
                    try:
                        task_id, result, learned, error = conn.recv()
                    except (EOFError, ConnectionError):
                        raise RuntimeError(f"worker {w} died (killed or out of memory)") from None
                    inflight[w] -= 1
                    if error is not None:
                        # one line for the user (the exception); the worker's traceback with -v
                        logger.debug("worker traceback:\n%s", error)
                        last = error.strip().splitlines()[-1] if error.strip() else "unknown error"
                        raise RuntimeError(f"a worker failed on chunk {task_id}: {last}")
                    if learned:
                        self._log.extend(learned)
                        cache.update(learned)
                    results[task_id] = result
                self._trim_log()
        finally:
            if not finished:
                self.close()
            if freeze:
                gc.unfreeze()

    def _trim_log(self) -> None:
        low = min(self._pos)
        if low > 50_000:
            del self._log[:low]
            self._pos = [p - low for p in self._pos]

    def close(self) -> None:
        """Stop the workers."""
        if self._closed:
            return
        self._closed = True
        for box in self._outboxes:
            box.put(None)  # after whatever is still queued; the sender then stops
        for thread in self._senders:
            thread.join(timeout=5)
        for proc in self._procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
        for conn in self._conns:
            conn.close()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def parallel_map(
    fn: Callable[[Any, Sequence[T]], list[R]],
    items: Iterable[T],
    *,
    context: Any = None,
    n_jobs: int | None = None,
    chunk_size: int = 64,
    pool: WorkerPool | None = None,
) -> Iterator[R]:
    """Stream ``items`` through ``fn(context, chunk)`` in chunks, in order.

    With ``n_jobs`` of 1 (or ``None``) everything runs in this process; otherwise a
    :class:`WorkerPool` is started for the call (or ``pool`` is used and left open), unless the
    items fill one chunk at most: they are then worked here too, since starting workers (each
    warming its own caches on its first chunk) costs more than one chunk's work (a second of a
    daily run that scores a few articles).
    """
    if pool is None and effective_n_jobs(n_jobs) > 1:
        it = iter(items)
        first = list(itertools.islice(it, chunk_size + 1))
        if len(first) <= chunk_size:
            if first:
                yield from fn(context, first)
            return
        items = itertools.chain(first, it)
    elif pool is None:
        for chunk in _chunks(items, chunk_size):
            yield from fn(context, chunk)
        return
    if pool is not None:
        if context is not None:
            pool.set_context(context)
        for out in pool.map(fn, _chunks(items, chunk_size)):
            yield from out
        return
    with WorkerPool(n_jobs or -1, context=context) as own:
        for out in own.map(fn, _chunks(items, chunk_size)):
            yield from out
