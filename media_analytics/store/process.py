"""Who is running: the host and process a run belongs to, and whether that process still lives.

A run records the process that started it. When the process is on the same machine (and in
the same PID namespace, so that its PID means the same thing here), the store can tell at
once that it died and hand its claimed articles to the next run; runs on other machines are
judged by their heartbeat instead (see :class:`~media_analytics.store.Store`).
"""

from __future__ import annotations

import contextlib
import os
import socket
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["ProcessInfo", "current_process", "is_alive"]

_PROC = Path("/proc")


@dataclass(frozen=True)
class ProcessInfo:
    """The identity of one process.

    Attributes
    ----------
    host : str
        The host name, for people to read.
    host_key : str
        The host name plus, on Linux, the boot id and the PID namespace: two processes
        with equal keys can see each other's PIDs. Containers that share a host name but
        not a PID namespace get different keys, so neither judges the other's PIDs.
    pid : int
    start_token : str or None
        The process start time since boot (Linux), which tells a live process from a
        later one that reused its PID; ``None`` where it cannot be read.
    """

    host: str
    host_key: str
    pid: int
    start_token: str | None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()
    except OSError:
        return ""


@lru_cache(maxsize=1)
def _host_key() -> str:
    parts = [socket.gethostname()]
    boot_id = _read(_PROC / "sys" / "kernel" / "random" / "boot_id")
    if boot_id:
        parts.append(boot_id)
    with contextlib.suppress(OSError):
        parts.append(os.readlink(_PROC / "self" / "ns" / "pid"))
    return "/".join(parts)


def _stat_fields(pid: int) -> list[str] | None:
    """Fields of ``/proc/PID/stat`` after the command name, or None when unreadable."""
    stat = _read(_PROC / str(pid) / "stat")
    if not stat:
        return None
    # The command name is in parentheses and may itself contain spaces and parentheses.
    return stat[stat.rfind(")") + 2 :].split()


def _start_token(pid: int) -> str | None:
    fields = _stat_fields(pid)
    # Field 22 of stat is starttime; fields[0] here is field 3 (state).
    return fields[19] if fields and len(fields) > 19 else None


def current_process() -> ProcessInfo:
    """The identity of this process (computed on each call: a forked child differs)."""
    pid = os.getpid()
    return ProcessInfo(socket.gethostname(), _host_key(), pid, _start_token(pid))


def is_alive(pid: int, start_token: str | None) -> bool:
    """Whether process ``pid`` (started at ``start_token``) still runs on this host.

    A zombie (killed but not yet reaped by its parent) counts as dead, and so does a
    live process whose start time differs (the PID was reused). On Windows, where
    ``os.kill`` would terminate the process, this cannot be checked and the answer is
    always ``True``: runs there are judged by their heartbeat only.
    """
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        pass
    fields = _stat_fields(pid)
    if fields is None:
        # Either there is no /proc (macOS, BSD: the signal test is all there is) or the
        # process ended between the two looks.
        return not (_PROC / "self" / "stat").exists()
    if fields[0] in ("Z", "X"):
        return False
    return start_token is None or _start_token(pid) == start_token
