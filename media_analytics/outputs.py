"""Files written under a name the user gave, so that a failure never leaves one half-written.

A regular file (or a new one) is written as ``FILE.partial`` beside it and renamed over it once
complete: a mistake, an error or Ctrl-C leaves an earlier ``FILE`` as it was. A symbolic link
is followed: the file it points at is written (its ``.partial`` beside that file) and the link
stays a link. A path that is not a regular file (``/dev/null``, a terminal, a named pipe) or
that names an open file descriptor (``/dev/stdout``, ``/dev/fd/N``, whatever standard output
is) is written to as it is, opened for appending: a rename would replace the device or the pipe
with a file, and ``>> FILE`` keeps what the file held.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     with replacing(Path(folder) / "scored.jsonl") as f:
...         _ = f.write(b"{}\\n")
...     sorted(p.name for p in Path(folder).iterdir())
['scored.jsonl']
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

__all__ = ["OutputFile", "in_place", "replacing"]

#: a descriptor of a process, where ``/dev/stdout`` and ``/dev/fd/N`` lead
_FD_LINK = re.compile(r"/proc/[^/]+/fd/\d+")


class OutputFile:
    """``path`` opened for writing as the module says; :meth:`commit` or :meth:`discard` ends it.

    Attributes
    ----------
    path : Path
        As given.
    target : Path
        What receives the bytes: ``path``, or the file a link at ``path`` points at.
    partial : Path or None
        The file written until :meth:`commit` renames it to ``target``; None when ``target`` is
        written to as it is (a device, a pipe, a descriptor).
    handle : file object
        Text (UTF-8) or binary.
    """

    def __init__(
        self, path: str | os.PathLike[str], *, binary: bool = False, suffix: str = ".partial"
    ) -> None:
        self.path = Path(path)
        self.partial: Path | None = None
        if in_place(self.path):
            self.target = self.path
        else:
            self.target = Path(os.path.realpath(self.path))
            self.target.parent.mkdir(parents=True, exist_ok=True)
            self.partial = self.target.with_name(self.target.name + suffix)
        mode = ("a" if self.partial is None else "w") + ("b" if binary else "")
        self.handle: IO[Any] = open(  # noqa: SIM115 - closed by commit() or discard()
            self.partial or self.target, mode, encoding=None if binary else "utf-8"
        )

    def commit(self, *, fsync: bool = False) -> None:
        """Close the file and rename the partial file over ``target`` (``fsync``: flushed to
        the disk first, so that a crash right after leaves the new file whole)."""
        if fsync and self.partial is not None:
            self.handle.flush()
            os.fsync(self.handle.fileno())
        self.handle.close()
        if self.partial is not None:
            os.replace(self.partial, self.target)

    def discard(self, *, keep: bool = False) -> Path | None:
        """Close the file and leave ``target`` as it was. The partial file is removed, or kept
        and returned when ``keep`` and it holds something."""
        with contextlib.suppress(OSError):  # a full disk fails the close's flush again
            self.handle.close()
        if self.partial is None:
            return None
        with contextlib.suppress(FileNotFoundError):
            if keep and self.partial.stat().st_size:
                return self.partial
            self.partial.unlink()
        return None


def in_place(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is written to as it is: something other than a regular file (following
    links), or an open descriptor (``/dev/stdout``, ``/dev/fd/1``, ``/proc/self/fd/1``).

    >>> in_place("/no/such/file")  # a new file: written beside, then renamed
    False
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return True
    except FileNotFoundError:
        return False
    # a regular file: named through a descriptor when one of the links leading to it is
    step = os.path.abspath(path)
    for _ in range(40):  # as many links as the system follows
        step = os.path.join(os.path.realpath(os.path.dirname(step)), os.path.basename(step))
        if _FD_LINK.fullmatch(step):
            return True
        if not os.path.islink(step):
            return False
        step = os.path.normpath(os.path.join(os.path.dirname(step), os.readlink(step)))
    return False


@contextlib.contextmanager
def replacing(
    path: str | os.PathLike[str], *, suffix: str = ".partial", fsync: bool = False
) -> Iterator[BinaryIO]:
    """A binary file object for ``path`` (see :class:`OutputFile`): committed when the block
    ends, discarded (the partial file removed, ``path`` left as it was) when it raises."""
    out = OutputFile(path, binary=True, suffix=suffix)
    try:
        yield cast(BinaryIO, out.handle)
        # (a full disk shows when the buffer is flushed: the partial file goes too)
        out.commit(fsync=fsync)
    except BaseException:
        out.discard()
        raise
