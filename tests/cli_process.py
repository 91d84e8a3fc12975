"""Run ``media-analytics`` in a process of its own, quickly.

A new interpreter spends about two seconds importing the package and its libraries before the
command starts; the daily-job tests run the command a hundred times. Here each run is a child
of a fork server that has imported them once (multiprocessing's ``forkserver``): a process of
its own all the same, with its own working folder, environment, standard output and error (to
files) and exit code, logging set up by the command as in a new interpreter. Tests of what a
process does before the command runs (start-up, a kill during imports) start the interpreter.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

_PRELOAD = [
    "__main__",  # (imported once in the server, not again in each child)
    "media_analytics.cli",
    "media_analytics.models",
    "media_analytics.pipeline",
    "media_analytics.corpus",
    "media_analytics.store",
    "skops.io",
    "pandas",
]
_context: Any = None
_model_cached = False


def _server() -> Any:
    global _context
    if _context is None:
        _context = mp.get_context("forkserver")
        _context.set_forkserver_preload(_PRELOAD)
    return _context


def _command(argv: Sequence[str], cwd: str, env: Mapping[str, str], out: str, err: str) -> None:
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    for fd, path in ((1, out), (2, err)):
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(handle, fd)
        os.close(handle)
    # fresh streams over the files, as a new interpreter has (multiprocessing flushes them)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    from media_analytics.cli import main

    sys.exit(main(list(argv)))


def _cache_the_default_model(env: Mapping[str, str]) -> None:
    """Build the default model here first when the child would: a child that trains keeps
    joblib's worker processes, which multiprocessing waits for when the child ends, until they
    time out idle (300 s), where a new interpreter stops them at its exit."""
    global _model_cached
    if not _model_cached and env.get("MEDIA_ANALYTICS_HOME") == os.environ.get(
        "MEDIA_ANALYTICS_HOME"
    ):
        from media_analytics.models import default_model

        default_model()
        _model_cached = True


def run_cli(
    *args: str,
    cwd: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 600,
) -> subprocess.CompletedProcess[str]:
    """``media-analytics ARGS`` run to its end in a process of its own: its exit code, standard
    output and standard error, as ``subprocess.run(..., capture_output=True, text=True)``
    gives them."""
    if "forkserver" not in mp.get_all_start_methods():  # (Windows) a new interpreter each time
        command = [sys.executable, "-m", "media_analytics.cli", *args]
        return subprocess.run(
            command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
        )
    environment = dict(os.environ if env is None else env)
    _cache_the_default_model(environment)
    with tempfile.TemporaryDirectory(prefix="cli-run-") as tmp:
        out, err = os.path.join(tmp, "out"), os.path.join(tmp, "err")
        where = str(cwd or os.getcwd())
        proc = _server().Process(target=_command, args=(args, where, environment, out, err))
        proc.start()
        proc.join(timeout)
        if proc.exitcode is None:
            proc.kill()
            proc.join()
            raise subprocess.TimeoutExpired(["media-analytics", *args], timeout)
        return subprocess.CompletedProcess(
            ["media-analytics", *args],
            proc.exitcode,
            Path(out).read_text(encoding="utf-8", errors="replace"),
            Path(err).read_text(encoding="utf-8", errors="replace"),
        )
