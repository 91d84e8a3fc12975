"""The rejects report: one line per problem found while reading, and the read goes on."""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, overload

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Reject", "Rejects", "Severity", "content_digest"]

logger = logging.getLogger(__name__)

Severity = Literal["error", "warning", "skipped"]


def content_digest(reason: str, content: Any) -> str:
    """A hash of a problem's reason and the record it was found in (the parsed record, or the
    raw text of one that could not be parsed), whatever its line.

    A file read again after lines were put before it (a crawler that writes the newest
    article first) holds its old broken records at other lines: their digests are the same,
    so the problems are known as the ones met before.

    Examples
    --------
    >>> content_digest("invalid_json", '{"id": 1') == content_digest("invalid_json", '{"id": 1')
    True
    >>> content_digest("invalid_json", '{"id": 1') == content_digest("invalid_json", '{"id": 2')
    False
    """
    text = json.dumps([reason, content], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Reject:
    """One problem with one input record.

    Attributes
    ----------
    file : str
        The file as it was given (``<stdin>`` for standard input).
    line : int
        1-based line of the record (its first line when it spans several); the row
        number for Parquet files; 0 for a problem with the whole file.
    reason : str
        A short code to count by, e.g. ``invalid_json``, ``missing_text``, ``bad_date``.
    message : str
        What is wrong, in words.
    severity : {"error", "warning", "skipped"}
        ``error``: the record was skipped. ``warning``: the record was read anyway
        (e.g. an unparseable date left as ``None``, a body cut to ``max_text_chars``).
        ``skipped``: a row that is no article and that exports carry as a matter of course (a
        vendor's ``Total;67 artikel`` footer), left out without making the read partial.
    """

    file: str
    line: int
    reason: str
    message: str
    severity: Severity = "error"
    #: the record's id, when the record names one (kept with the reject in the database)
    record_id: str | None = None
    #: :func:`content_digest` of the reason and the record, when the problem is one record's
    #: (``None`` for a problem with the whole file): how the database knows the problem
    #: again at another line or under another folder
    digest: str | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class Rejects(Sequence[Reject]):
    """Collects the problems a read found; a list of :class:`Reject`.

    Pass one to a reader to keep the report; without one, readers log each
    problem as a warning instead.

    Examples
    --------
    >>> rejects = Rejects()
    >>> rejects.add("a.jsonl", 3, "invalid_json", "invalid JSON: Expecting value")
    >>> print(rejects[0])
    a.jsonl:3: invalid JSON: Expecting value
    >>> rejects.counts()
    {'invalid_json': 1}
    """

    def __init__(self) -> None:
        self._items: list[Reject] = []
        #: the files whose numeric dates no record showed the order of, read day first on a
        #: guess (``dayfirst="auto"``): a job that stores dates for good may want to stop there
        self.guessed_date_order: list[str] = []

    def add(
        self,
        file: str,
        line: int,
        reason: str,
        message: str,
        severity: Severity = "error",
        record_id: str | None = None,
        digest: str | None = None,
    ) -> None:
        """Record one problem."""
        self._items.append(Reject(file, line, reason, message, severity, record_id, digest))

    @overload
    def __getitem__(self, index: int) -> Reject: ...

    @overload
    def __getitem__(self, index: slice) -> list[Reject]: ...

    def __getitem__(self, index: int | slice) -> Reject | list[Reject]:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Reject]:
        return iter(self._items)

    def __repr__(self) -> str:
        return f"Rejects({len(self.errors)} errors, {len(self.warnings)} warnings)"

    @property
    def errors(self) -> list[Reject]:
        """Problems that made a record be skipped."""
        return [r for r in self._items if r.severity == "error"]

    @property
    def skipped(self) -> list[Reject]:
        """Rows that are no article, left out as a matter of course (summary or footer rows)."""
        return [r for r in self._items if r.severity == "skipped"]

    @property
    def warnings(self) -> list[Reject]:
        """Problems with records that were read anyway."""
        return [r for r in self._items if r.severity == "warning"]

    def counts(self) -> dict[str, int]:
        """Number of problems by reason code, most frequent first."""
        return dict(Counter(r.reason for r in self._items).most_common())

    def to_frame(self) -> pd.DataFrame:
        """The report as a DataFrame with columns file, line, severity, reason, message and
        record_id (the record's id when it names one)."""
        import pandas as pd

        columns = ["file", "line", "severity", "reason", "message", "record_id"]
        return pd.DataFrame(
            [(r.file, r.line, r.severity, r.reason, r.message, r.record_id) for r in self._items],
            columns=columns,
        )

    def summary(self) -> str:
        """A short text: totals and counts by reason."""
        if not self._items:
            return "no rejects"
        parts = ", ".join(f"{reason}={n}" for reason, n in self.counts().items())
        rows = f", {len(self.skipped)} summary rows" if self.skipped else ""
        return f"{len(self.errors)} skipped, {len(self.warnings)} warnings{rows} ({parts})"


#: Problems of one kind in one file logged as warnings when no :class:`Rejects` collects them;
#: the rest go to DEBUG, after one line saying so.
LOGGED_PER_KIND = 5


class _Report:
    """Where a reader sends problems: a Rejects object, or the log when there is none."""

    def __init__(self, rejects: Rejects | None) -> None:
        self.rejects = rejects
        # without a Rejects: how many problems of each kind each file has logged (a notebook
        # reading a crawl got 50 lines of the same warning)
        self._logged: dict[tuple[str, str], int] = {}

    def __call__(
        self,
        file: str,
        line: int,
        reason: str,
        message: str,
        severity: Severity = "error",
        record_id: str | None = None,
        content: Any = None,
    ) -> None:
        """Report one problem; ``content``: the record (or the raw text of a record that could
        not be parsed) it was found in, for its :func:`content_digest`."""
        if self.rejects is not None:
            digest = None if content is None else content_digest(reason, content)
            self.rejects.add(file, line, reason, message, severity, record_id, digest)
        else:
            if severity == "skipped":  # a footer row: expected, so INFO, not a warning
                logger.info("%s:%d: %s (left out)", file, line, message)
                return
            suffix = "" if severity == "warning" else " (skipped)"
            seen = self._logged[file, reason] = self._logged.get((file, reason), 0) + 1
            if seen <= LOGGED_PER_KIND:
                logger.warning("%s:%d: %s%s", file, line, message, suffix)
            else:
                if seen == LOGGED_PER_KIND + 1:
                    logger.warning(
                        "%s: more %s lines than these %d are logged at DEBUG only; pass "
                        "rejects=Rejects() to collect every one",
                        file,
                        reason,
                        LOGGED_PER_KIND,
                    )
                logger.debug("%s:%d: %s%s", file, line, message, suffix)
