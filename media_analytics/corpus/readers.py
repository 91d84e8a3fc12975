"""Streaming article readers: JSONL, CSV/TSV, Parquet, directories, globs and stdin.

Files are read record by record and never loaded whole. A bad record never stops a
read: it is reported as ``file:line: why`` to a :class:`~media_analytics.corpus.Rejects`
(or logged when none is given) and reading goes on.

Decisions worth knowing:

- A file whose lines that are not valid UTF-8 look like Windows-1252 (what Excel on Windows
  writes when it saves "CSV") more often than lines show UTF-8 is read as Windows-1252 as a
  whole, every line of it (mojibake such as ``‚Ä¶`` in its text kept as written), with one
  ``windows_1252`` warning for the file. In other files (and on a standard input that is a
  pipe), a line that is not valid UTF-8 is read as Windows-1252 when it holds no valid UTF-8
  character at all and (after lines that were UTF-8) an accented letter of it stands alone
  (a line of another export joined to the file); otherwise (UTF-8 with a damaged byte) the
  bad bytes become U+FFFD. Either way the record is kept, with a ``non_utf8`` warning for its
  line that says which. UTF-16 files (with a byte-order mark) and files whose lines end in a
  bare carriage return (old Mac exports) are read too.
- A ``.json`` file (or standard input) holding one JSON array of records, or an object
  with one list of records under a key such as ``articles`` or ``data``, is read record by
  record, each reported at its own line.
- After a CSV record that cannot be read (a stray quote that never closes), reading starts
  again on the line after the record's first line, so the records it swallowed are read.
- A body longer than ``max_text_chars`` is cut and kept (``text_truncated`` warning).
- A body that looks like an HTML page is kept and flagged (``html_content`` warning);
  removing markup is the preprocessing step's job.
- A body that reads as English, not Indonesian (the English edition of an outlet in a merged
  feed), is kept and flagged (``not_indonesian`` warning): the models read Indonesian.
- Blank lines are skipped silently, and rows of separators alone (``;;;;;;``, below an Excel
  table) with one INFO line; a CSV row that omits its trailing empty fields is read with them
  empty (one INFO line), and the empty cells of unnamed (padded) columns are no fields.
  ``.gz`` files (and gzip data on standard input or under another name) are decompressed on
  the fly; other archives, old ``.xls`` workbooks, PDFs and binary files are refused with one
  line saying what they are.
- Hidden files and folders (``.git``, ``.ipynb_checkpoints``) and spreadsheet lock files
  (``~$export.xlsx``) inside a folder are not read.
- The CSV delimiter is sniffed from the header line (``,``, ``;``, tab or ``|``);
  ``.tsv`` files always use tabs. A ``.txt`` file is such a table when its first line is a
  header or a tab-separated header stands among its first ``HEADER_SEARCH_LINES`` lines
  (Excel's text exports of a sheet with a report's title), else one article.
- The header of a CSV file or a sheet is the first of its first ``HEADER_SEARCH_LINES`` lines
  (rows) that names a text or title column: a report's title and blank lines above the table
  are skipped (one INFO line says so), and a file without such a line is one ``no_header``
  reject, not one per record.
"""

from __future__ import annotations

import codecs
import csv
import functools
import glob
import gzip
import hashlib
import io
import json
import logging
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any, cast

from .article import Article, Issue, build_article
from .columns import DEFAULT_ALIASES, ColumnResolver, _normalise
from .dates import _MONTHS, NUMERIC_DAY, numeric_date_order, parse_date, reads_both_ways
from .ids import article_id
from .rejects import Rejects, _Report

__all__ = ["ARTICLE_SUFFIXES", "PathsLike", "read_articles"]

PathsLike = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]
Record = dict[str, Any]
Transform = Callable[[Record], Record]

# File suffix (before an optional .gz) -> format.
ARTICLE_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".txt": "text",
    ".xlsx": "excel",
}
STDIN = "-"
_STDIN_NAME = "<stdin>"
#: What the rejects of a list of dicts (``read_records``, ``MediaPipeline.fit``) name as the file
_RECORDS_NAME = "<records>"
# a column named like a date, time or publication: what a date column no alias knows looks like
_DATE_LIKE = re.compile(r"date|tanggal|tgl|waktu|time|terbit|publi|posted|created|jam", re.I)


def _free_form(name: str) -> bool:
    """Records of JSON (lines, arrays; standard input; a list of dicts), whose keys vary record
    by record, unlike a CSV's or a Parquet file's columns."""
    low = name.lower().removesuffix(".gz")
    return name in (_STDIN_NAME, _RECORDS_NAME) or low.endswith((".jsonl", ".json", ".ndjson"))


# Article bodies are long; the csv module's default field limit is 128 KiB. The limit
# is process-wide, so it is only ever raised, never lowered.
_CSV_FIELD_LIMIT = 2**31 - 1
_DELIMITERS = (",", ";", "\t", "|")
_MAPPING_CACHE_SIZE = 256
#: Records read ahead under ``dayfirst="auto"`` to find a numeric date that reads only one way.
DATE_ORDER_LOOKAHEAD = 1000
#: How many of the most recent ids a read remembers to catch a repeated id (bounded, so that a
#: stream of millions of articles keeps flat memory; repeats within one export are close).
REPEATED_ID_WINDOW = 100_000
#: The values ``dayfirst`` takes: an order, ``None`` (strict) or ``"auto"`` (settled per file).
DateOrder = bool | str | None

log = logging.getLogger(__name__)


def read_articles(
    paths: PathsLike,
    *,
    column_map: Mapping[str, str | None] | None = None,
    rejects: Rejects | None = None,
    max_text_chars: int = 1_000_000,
    dayfirst: DateOrder = "auto",
    seen: dict[str, str] | None = None,
    newer_files: bool = False,
    on_read_again: Callable[[str, dict[bool, list[str]]], None] | None = None,
) -> Iterator[Article]:
    """Stream articles from files, directories, globs or standard input.

    Parameters
    ----------
    paths : path, glob, ``"-"`` or an iterable of them
        Files (``.jsonl``, ``.ndjson``, ``.json`` with one object per line, ``.csv``,
        ``.tsv``, ``.parquet``; optionally ``.gz``-compressed except Parquet; also ``.xlsx``
        workbooks, with the ``excel`` extra, and ``.txt`` files of one article each, its
        headline on the first line),
        directories (searched recursively for those suffixes), glob patterns
        (``data/**/*.csv``) and ``"-"`` for standard input (JSONL or CSV, sniffed).
    column_map : mapping of str to str or None, optional
        ``{input column: contract field}`` for columns the built-in aliases do not
        know, or ``{input column: None}`` to ignore a column (``{"id": None}``: an ``id``
        column of row numbers is not read, and ids come from the URLs); see
        :class:`~media_analytics.corpus.columns.ColumnResolver`.
    rejects : Rejects, optional
        Collects one ``file:line: why`` entry per problem. Without it, problems are
        logged as warnings.
    max_text_chars : int, default 1_000_000
        Longer bodies are cut to this length, with a warning.
    dayfirst : bool, None or "auto", default "auto"
        Order of numeric ``a/b/YYYY`` dates: ``"auto"`` (as the command line and
        :meth:`~media_analytics.MediaPipeline.score_frame` read them) settles one order per
        file from its first date that reads only one way (``10/21/2025``: month first),
        looking at most ``DATE_ORDER_LOOKAHEAD`` records ahead, and reads the file day first
        (the Indonesian habit) when none does; a date that reads only one way (``21/10/2025``
        in a month-first file) is read that way. ``True`` day first, ``False`` month first,
        ``None`` only dates that read one way (see :func:`~media_analytics.corpus.parse_date`;
        ``11/12/2024`` is then left empty, with a ``bad_date`` warning).
    seen : dict of str to str, optional
        Ids read before, each with where (``file:line``), for a read that continues another
        (the partitions of one job, read apart): a record with one of them is a repeat. The
        read adds the ids it reads.
    newer_files : bool, default=False
        A record whose id was read from an *earlier file* is kept as well, as that article's
        newer version (daily exports that carry a corrected article again; the store keeps
        the last, or the one of the file whose name is dated later: :func:`dated_before`, as
        the line in the log says). Repeats within one file are reported and skipped either way
        (a repeat word for word is read once, said in an INFO line per file).
    on_read_again : callable, optional
        With ``newer_files``: called at the end of each file as ``on_read_again(file, ids)``,
        ``ids[False]`` the ids of its records kept as newer versions and ``ids[True]`` those of
        a file dated before the one read first, instead of the INFO line that says them
        (:func:`say_read_again`): a caller that may still refuse some (a store whose article
        under that id is another) says it once it knows.

    Yields
    ------
    Article
        In input order. A record whose id repeats one of the last ``REPEATED_ID_WINDOW`` ids
        read is reported (``repeated_id``, naming where the first was read) and skipped: the
        first record of an id is kept. One that repeats an earlier record of its own file word
        for word (every field the same: a vendor's export listing a story twice) is no error:
        it is read once, and one INFO line per file counts such repeats.

    Raises
    ------
    FileNotFoundError
        At call time, for a path that does not exist or a glob that matches nothing.
    ValueError
        At call time, for a ``column_map`` that names an unknown field.

    Examples
    --------
    >>> rejects = Rejects()
    >>> for article in read_articles("news/", rejects=rejects):  # doctest: +SKIP
    ...     print(article.id, article.published_at)
    >>> print(rejects.summary())  # doctest: +SKIP
    """
    converter = Converter(column_map, rejects, max_text_chars=max_text_chars, dayfirst=dayfirst)
    files = expand_paths(paths)
    return _read(files, converter, seen=seen, newer_files=newer_files, on_read_again=on_read_again)


def _read(
    files: list[str],
    converter: Converter,
    transform: Transform | None = None,
    seen: dict[str, str] | None = None,
    newer_files: bool = False,
    on_read_again: Callable[[str, dict[bool, list[str]]], None] | None = None,
) -> Iterator[Article]:
    # id -> where it was read, for the last REPEATED_ID_WINDOW articles (oldest first)
    seen = {} if seen is None else seen
    # id -> what its first record held (:func:`_content`): read by this call, or kept with
    # ``seen`` across calls (a Dask job's partitions, read one by one)
    contents: dict[str, str] | None = getattr(seen, "contents", None)
    if contents is None:
        contents = {}
    for path in files:
        name = _STDIN_NAME if path == STDIN else path
        records = iter_records(path, converter.report, converter.resolver)
        if transform is not None:
            records = ((line, transform(record)) for line, record in records)
        if converter.dayfirst == "auto":
            records = converter.settle_date_order(name, records)
        # the ids of this file read from an earlier one, by whether this file is dated before
        # that one (its record then does not replace the version read before)
        again: dict[bool, list[str]] = {False: [], True: []}
        repeated: list[str] = []  # ids whose record came again word for word
        for line, record in records:
            article = converter(name, line, record)
            if article is None:
                continue
            first = seen.get(article.id)
            if first is not None and newer_files and (before := first.rsplit(":", 1)[0]) != name:
                # (the store keeps the version of the file dated later, whatever the order read)
                older = dated_before(name, before)
                again[older].append(article.id)
                log.debug(  # one line per file says it at INFO (say_read_again)
                    "%s:%d: id %r was read before at %s: %s",
                    name,
                    line,
                    article.id,
                    first,
                    "this file is dated before that one: the version read before is kept"
                    if older
                    else "this later file's record is kept as the newer version",
                )
                first = None
            if first is not None:
                if contents.get(article.id) == _content(article):
                    # the same record again, in its file (a vendor's export lists a story
                    # twice) or a later one (a feed sends it again): one article, nothing lost,
                    # so no error; said in one line per file
                    repeated.append(article.id)
                    continue
                # Two records under one id would be stored as one article (the later one
                # overwriting the first, and counted as changed on every run after): the first
                # is kept and the repeat reported.
                converter.report(
                    name, line, "repeated_id",
                    f"id {article.id!r} was already read at {first}; the first record is kept",
                    record_id=article.id, content=record,
                )  # fmt: skip
                continue
            seen[article.id] = f"{name}:{line}"
            contents[article.id] = _content(article)
            if len(seen) > REPEATED_ID_WINDOW:
                oldest = next(iter(seen))
                del seen[oldest]
                contents.pop(oldest, None)
            yield article
        if repeated:
            log.info(
                "%s: %d record(s) repeat an earlier record of this file or an earlier one word "
                "for word (ids %s%s): read once",
                name,
                len(repeated),
                ", ".join(repr(i) for i in repeated[:READ_AGAIN_SHOWN]),
                " and more" if len(repeated) > READ_AGAIN_SHOWN else "",
            )
        (on_read_again or say_read_again)(name, again)


def _content(article: Article) -> str:
    """What a record says, to tell a repeat word for word from another record under its id: a
    digest that is the same in every process (a Dask worker is told the digest of an earlier
    partition's record)."""
    said = repr(
        (
            article.title,
            article.text,
            article.url,
            article.source,
            article.published_at,
            article.extra,
        )
    )
    return hashlib.blake2b(said.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


#: How many ids the line on a file's records read again names (``-v`` lists every one).
READ_AGAIN_SHOWN = 3


def say_read_again(name: str, again: dict[bool, list[str]]) -> None:
    """One INFO line for the records of file ``name`` whose ids were read from an earlier file
    (a daily export re-sends the day before's articles), and one for those of an older-dated
    file's, with their number and the first ids: one line per article, hundreds on a first run
    over a folder of exports, buried the log (they are at DEBUG, ``-v``)."""
    for older, outcome in (
        (False, "this later file's records are kept as their newer versions"),
        (True, "this file is dated before those: the versions read before are kept"),
    ):
        ids = again[older]
        if not ids:
            continue
        shown = ", ".join(repr(i) for i in ids[:READ_AGAIN_SHOWN])
        more = len(ids) - READ_AGAIN_SHOWN
        log.info(
            "%s: %d record(s) carry articles read before from an earlier file (ids %s%s): %s",
            name,
            len(ids),
            shown,
            f" and {more} more; -v lists them" if more > 0 else "",
            outcome,
        )


def expand_paths(paths: PathsLike) -> list[str]:
    """Turn files, directories, globs and ``"-"`` into a list of files to read: those given
    by name in the order given, those of a folder or a glob in :func:`time_order`."""
    items = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    files: list[str] = []
    notes: dict[str, list[str]] = {}  # a folder's or a glob's plain .txt files left out
    for item in items:
        text = os.fspath(item)
        path = Path(text)
        if text == STDIN:
            files.append(STDIN)
        elif path.is_dir():
            found = time_order(
                str(p)
                for p in path.rglob("*")
                if _is_article_file(p) and not _hidden_below(p, path)
            )
            if not found:
                kinds = ", ".join(sorted(ARTICLE_SUFFIXES))
                log.warning("%s: no article files in this folder (looked for %s)", text, kinds)
            files.extend(_without_notes(found, text, notes))
        elif path.exists():
            files.append(text)
        elif glob.has_magic(text):
            found = time_order(
                m for m in glob.glob(text, recursive=True) if _is_article_file(Path(m))
            )
            if not found:
                raise FileNotFoundError(f"no article files match {text!r}")
            files.extend(_without_notes(found, text, notes))
        else:
            raise FileNotFoundError(f"no such file or directory: {text!r}")
    # a file named twice (``exports/`` and ``./exports/today.jsonl``) is read once
    unique: dict[str, str] = {}
    for file in files:
        unique.setdefault(file if file == STDIN else os.path.realpath(file), file)
    for where, left in notes.items():
        _say_notes(where, [f for f in left if os.path.realpath(f) not in unique])
    return list(unique.values())


#: Years a date in a file or folder name is taken in (as for a publication date).
_NAME_YEARS = (1950, 2100)
_MONTH_WORDS = "|".join(sorted(_MONTHS, key=len, reverse=True))
# a numeric date anywhere in a file or folder name: 2025-10-31 (also with _ or .), 31-10-2025
# (day or month first), eight digits, 20251031 or 31102025, or a month, 2025-10 (a monthly
# partition's name, month=2025-10 too: it sorts at the month's first day)
_NAME_DATE = re.compile(
    r"(?<!\d)(?:(?P<y>\d{4})(?P<s>[-_.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"
    r"|(?P<a>\d{1,2})(?P<t>[-_.])(?P<b>\d{1,2})(?P=t)(?P<year>\d{4})"
    r"|(?P<digits>\d{8})"
    r"|(?P<ym>\d{4})(?P<u>[-_.])(?P<mon>\d{1,2})(?!(?P=u)\d))(?!\d)"
)
# a date with a month's name (Indonesian or English, as the date parser knows them): 1 Nov 2025,
# 31 Oktober 2025, 31-Okt-2025, 31okt2025
_NAME_WORD_DATE = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}})[-_. ]*(?P<month>{_MONTH_WORDS})(?![^\W\d_])\.?[-_., ]*"
    r"(?P<year>\d{4})(?!\d)",
    re.IGNORECASE,
)


def _day(year: int, month: int, day: int) -> date | None:
    """The day, when it exists in a year a name's date is taken in."""
    if not _NAME_YEARS[0] <= year < _NAME_YEARS[1]:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def _name_readings(text: str) -> tuple[tuple[int, int, date | None, date | None], ...]:
    """Each date ``text`` (a file or folder name) holds: ``(start, end, day first, month
    first)``, the two readings of its digits (the same day twice when the order does not
    matter: ``2025-10-31``, ``20251031``, ``1 Nov 2025``; ``None`` for a reading that is no day).
    Eight digits are read year first when that gives a day (``20251031``), else day or month
    first (``31102025``): both cannot give one, as a year 1950-2099 read as a month is none."""
    found: list[tuple[int, int, date | None, date | None]] = []
    for m in _NAME_DATE.finditer(text):
        if m["y"]:
            iso = _day(int(m["y"]), int(m["m"]), int(m["d"]))
            dmy = mdy = iso
        elif m["a"]:
            a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
            dmy, mdy = _day(year, b, a), _day(year, a, b)
        elif m["ym"]:
            dmy = mdy = _day(int(m["ym"]), int(m["mon"]), 1)
        else:
            digits = m["digits"]
            iso = _day(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
            if iso is not None:
                dmy = mdy = iso
            else:
                a, b, year = int(digits[:2]), int(digits[2:4]), int(digits[4:])
                dmy, mdy = _day(year, b, a), _day(year, a, b)
        if dmy is not None or mdy is not None:
            found.append((m.start(), m.end(), dmy, mdy))
    for m in _NAME_WORD_DATE.finditer(text):
        day = _day(int(m["year"]), _MONTHS[m["month"].lower()], int(m["day"]))
        if day is not None:
            found.append((m.start(), m.end(), day, day))
    return tuple(sorted(found, key=lambda r: r[0]))


_NUMBER_IN_NAME = re.compile(r"(?<=\D)\d+")


class _NameDates:
    """Reads the dates of a list of names (see :func:`time_order`): a numeric date is read day
    first (the Indonesian habit) unless some name of the list reads only month first
    (``10-31-2025``) and none only day first; when names of the list show both orders, a date
    that reads both ways (``05-11-2025``) is not read (not guessed)."""

    def __init__(self, names: Iterable[str]) -> None:
        readings = [r for name in names for r in _name_readings(name)]
        only_day = any(d is not None and m is None for _, _, d, m in readings)
        only_month = any(m is not None and d is None for _, _, d, m in readings)
        self.month_first = only_month and not only_day
        self.mixed = only_month and only_day
        #: the names holding a date not read for reading both ways in a list of both orders
        self.ambiguous: list[str] = []

    def dates(self, text: str) -> list[tuple[int, int, date]]:
        """``(start, end, day)`` of each date of ``text`` read as this list reads it."""
        days: list[tuple[int, int, date]] = []
        for start, end, dmy, mdy in _name_readings(text):
            if dmy is None or mdy is None or dmy == mdy:
                day = dmy or mdy
            elif self.mixed:
                self.ambiguous.append(text)
                continue
            else:
                day = mdy if self.month_first else dmy
            if day is not None:
                days.append((start, end, day))
        return days

    def key(self, text: str) -> tuple[str, str]:
        """How a name (a stem, or a folder) sorts: by its date first (the latest, when it holds
        several: ``rekap_2025-10-01_2025-10-31``), then as text with its dates written year
        first, so that a name is followed by those that extend it; a name without a date as
        its text."""
        days = self.dates(text)
        for start, end, day in reversed(days):
            text = f"{text[:start]}{day.isoformat()}{text[end:]}"
        # a number inside a name counts as a number: "Export_Media (2)" before "Export_Media
        # (10)", as a browser numbers attachments saved again (a name opening with a digit
        # keeps its place among the dated ones)
        text = _NUMBER_IN_NAME.sub(lambda m: m.group().zfill(12), text)
        latest = max((day for _, _, day in days), default=None)
        return (latest.isoformat() if latest else text), text


def time_order(files: Iterable[str]) -> list[str]:
    """``files`` sorted by the date their names hold, wherever it stands in a name:
    ``zmedia_2025-10-31.csv`` comes before ``amedia_2025-11-01.csv``, ``31-10-2025.jsonl``
    before ``01-11-2025.jsonl`` and ``Monitoring 31 Okt 2025.csv`` before ``Monitoring 1 Nov
    2025.csv``.

    The daily job reads a folder's files in this order and the later file's copy of an article
    wins: daily exports must be read oldest first, and names sorted as text are not (an older
    file's copy would undo a newer file's correction). A date is written ``2025-10-31``
    (or with ``_`` or ``.``), ``20251031``, ``31-10-2025``, ``31102025`` or with a month's name
    (``1 Nov 2025``, ``31 Oktober 2025``), in years 1950-2099, or is a month, ``2025-10`` (a
    monthly partition's name, which sorts at the month's first day); eight digits are read year
    first when that gives a day. A numeric date is read day first (the Indonesian habit) unless some
    name of the list reads only month first (``10-31-2025``) and none only day first; when the
    names show both orders, a date that reads both ways is not guessed: the name sorts as one
    without a date (said in the log at DEBUG, ``-v``). Folders are compared first, the same
    way. Names of one day sort as text, and names without a date sort as text after the dated
    ones (unless they open with a digit or a sign): they must sort in time order themselves. A
    name that extends another's stem sorts after it, whatever the characters that follow:
    ``2019-09-20.jsonl`` comes before a second export of the day, ``2019-09-20-2.jsonl``,
    ``2019-09-20-late.jsonl`` or ``2019-09-20 (1).jsonl`` (as text, ``-`` and a space sort
    before the ``.`` of the suffix). A number inside a name sorts as a number: ``Export_Media
    (2).csv`` before ``Export_Media (10).csv``, as a browser numbers the copies of an
    attachment it saves again.

    Examples
    --------
    >>> time_order(["2019-09-20-2.jsonl", "2019-09-21.jsonl", "2019-09-20.jsonl"])
    ['2019-09-20.jsonl', '2019-09-20-2.jsonl', '2019-09-21.jsonl']
    >>> time_order(["amedia_2025-11-01.csv", "zmedia_2025-10-31.csv"])
    ['zmedia_2025-10-31.csv', 'amedia_2025-11-01.csv']
    >>> time_order(["Export (10).csv", "Export (9).csv", "Export.csv"])
    ['Export.csv', 'Export (9).csv', 'Export (10).csv']
    >>> time_order(["news_2025-01-01.csv", "clickid_2019-09.parquet", "clickid_2019-03.parquet"])
    ['clickid_2019-03.parquet', 'clickid_2019-09.parquet', 'news_2025-01-01.csv']
    """
    files = list(files)
    dates = _NameDates(files)
    ordered = sorted(files, key=lambda file: _time_key(file, dates))
    if dates.ambiguous:
        unread = set(dates.ambiguous)
        log.debug(
            "dates read both day first and month first in names of a list whose names show both "
            "orders, so not read (sorted by name instead): %s",
            ", ".join(f for f in ordered if unread.intersection(_name_parts(f))),
        )
    return ordered


def _name_parts(file: str) -> list[str]:
    """The folders of a path and the stem of its file name."""
    parts = Path(file).parts
    return [*parts[:-1], _split_suffix(parts[-1])[0]] if parts else []


def _time_key(file: str, dates: _NameDates) -> tuple[tuple[str, str, str], ...]:
    # (date, stem, suffix) for each part: the date first, then the stem, so that a name is
    # followed by the names that extend it
    parts = Path(file).parts
    folders = tuple((*dates.key(part), "") for part in parts[:-1])
    stem, suffix = _split_suffix(parts[-1]) if parts else ("", "")
    return (*folders, (*dates.key(stem), suffix))


def dated_before(first: str, second: str) -> bool:
    """Whether file ``first`` comes before file ``second`` in :func:`time_order` of their names,
    both names holding a date, wherever it stands (``2019-09-18.csv``, ``18-09-2019.jsonl``,
    ``20190918.csv``, ``amedia_2019-09-18.csv``, ``Monitoring 18 Sep 2019.csv``).

    What the daily job goes by to tell an older export from a newer one across runs: a copy of
    an article read from ``first`` is older than the one read from ``second``. The folders are
    not compared (an export folder may move); names without a date (or with one not read, see
    :func:`time_order`) tell no time, and a name is not before itself: ``False`` for both.

    Examples
    --------
    >>> dated_before("/srv/exports/2019-09-18.csv", "/data/exports/2019-09-19.csv")
    True
    >>> dated_before("2019-09-18-2.csv", "2019-09-18.csv"), dated_before("a.csv", "b.csv")
    (False, False)
    >>> dated_before("zmedia_2019-09-18.csv", "amedia_2019-09-19.csv")
    True
    """
    names = [Path(first).name, Path(second).name]
    if names[0] == names[1]:
        return False
    dates = _NameDates(names)
    if not all(dates.dates(_split_suffix(n)[0]) for n in names):
        return False
    return _time_key(names[0], dates) < _time_key(names[1], dates)


def dated_name(path: str) -> bool:
    """Whether the name of file ``path`` holds a date that :func:`dated_before` reads (the
    folders are not looked at).

    Examples
    --------
    >>> dated_name("/srv/exports/2019-09-18.csv"), dated_name("exports/resend.jsonl")
    (True, False)
    """
    name = Path(path).name
    return bool(_NameDates([name]).dates(_split_suffix(name)[0]))


def _split_suffix(name: str) -> tuple[str, str]:
    """``name`` as its stem and its suffix (``.jsonl``, ``.csv.gz``)."""
    base = name[: -len(".gz")] if name.lower().endswith(".gz") else name
    stem = os.path.splitext(base)[0]
    return stem, name[len(stem) :]


def _suffix_format(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[: -len(".gz")]
    return ARTICLE_SUFFIXES.get(os.path.splitext(name)[1])


# Text files a folder of articles often holds beside them that are not articles.
_NOT_ARTICLES = frozenset(
    {"readme", "license", "licence", "notice", "changelog", "copying", "authors", "requirements"}
)


def _is_article_file(path: Path) -> bool:
    fmt = _suffix_format(path)
    if fmt == "text" and path.name.split(".")[0].lower() in _NOT_ARTICLES:
        return False
    if path.name.startswith((".", "~$")):  # hidden files; an open spreadsheet's lock file
        return False
    return path.is_file() and fmt is not None


def _without_notes(found: list[str], where: str, notes: dict[str, list[str]]) -> list[str]:
    """``found`` (the files of a folder or a glob) without its plain ``.txt`` files when it
    also holds tables (JSONL, CSV, Parquet, Excel, or a ``.txt`` that is a table): beside a
    crawler's exports such a file is a note (``catatan.txt``, ``log-2025-11-01.txt``), not an
    article. Those left out go to ``notes[where]``; a file named on its own is always read."""
    texts = [f for f in found if _suffix_format(Path(f)) == "text"]
    if not texts or len(texts) == len(found):
        return found
    left = [f for f in texts if not _opens_as_table(f)]
    if not left:
        return found
    notes.setdefault(where, []).extend(left)
    skipped = set(left)
    return [f for f in found if f not in skipped]


def _say_notes(where: str, left: list[str]) -> None:
    """One WARNING naming the plain ``.txt`` files of ``where`` that are not read."""
    if not left:
        return
    named = ", ".join(Path(f).name for f in sorted(left)[:3])
    more = f" and {len(left) - 3} more" if len(left) > 3 else ""
    log.warning(
        "%s: not read: %d plain .txt file%s beside the exports' tables (%s%s); give a file's "
        "name to read it as an article",
        where,
        len(left),
        "" if len(left) == 1 else "s",
        named,
        more,
    )


def _opens_as_table(path: str) -> bool:
    """Whether the ``.txt`` file ``path`` is a table (a header line of column names), as
    :func:`iter_records` would read it; a file that cannot be read counts as one (its reader
    reports it)."""
    try:
        gz = path.lower().endswith(".gz")
        with cast(IO[bytes], gzip.open(path, "rb") if gz else open(path, "rb")) as stream:
            if _peek(stream).startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return True  # Excel's "Unicode Text" of a sheet
            return _text_is_table(stream)
    except (OSError, EOFError, zlib.error):
        return True


def _hidden_below(path: Path, folder: Path) -> bool:
    """Whether a file found in ``folder`` lies in a hidden folder (``.ipynb_checkpoints``)."""
    return any(part.startswith(".") for part in path.relative_to(folder).parts[:-1])


class Converter:
    """Turns raw records (dicts keyed by input column) into articles, reporting problems."""

    def __init__(
        self,
        column_map: Mapping[str, str | None] | None,
        rejects: Rejects | None,
        *,
        max_text_chars: int | None = 1_000_000,
        dayfirst: DateOrder = None,
        now: datetime | None = None,
    ) -> None:
        if dayfirst not in (True, False, None, "auto"):
            raise ValueError(f'dayfirst must be True, False, None or "auto", not {dayfirst!r}')
        self.resolver = ColumnResolver(column_map)
        self.report = _Report(rejects)
        self.max_text_chars = max_text_chars
        self.dayfirst = dayfirst
        # the run's clock: a publication date more than a day after it is a future_date warning
        self.now = now or datetime.now(timezone.utc)
        # under "auto": the order settled for the file (or the outlet of a frame) being read,
        # how it was settled, what it covers, and how many of its dates read both ways (known
        # for a frame, read whole before its first article; None for a file, streamed)
        self._file_dayfirst: bool | None = True
        self._order_note = ""
        self._order_scope = "the file"
        self._guessed: int | None = None
        self._mappings: dict[tuple[str, ...], dict[str, str]] = {}
        self._ignored: dict[tuple[str, ...], set[str]] = {}  # columns column_map ignores
        self._checked_file: str | None = None  # the file whose columns were checked
        # the (file, scope) pairs said to mix day- and month-first dates (once each)
        self._mixed: set[tuple[str, str]] = set()
        # (file, columns) of records with no text column -> the line of the first, named in full
        self._textless: dict[tuple[str, tuple[str, ...]], int] = {}
        # the columns the current file's records have given their text in: a later record
        # without any is a headline whose body the source left out, not an unknown column
        self._text_columns: set[str] = set()

    def _mapping(self, record: Record) -> dict[str, str]:
        keys = tuple(record)
        mapping = self._mappings.get(keys)
        if mapping is None:
            if len(self._mappings) >= _MAPPING_CACHE_SIZE:  # JSONL with ever-changing keys
                self._mappings.clear()
                self._ignored.clear()
            mapping = self._mappings[keys] = self.resolver.resolve(keys)
            self._ignored[keys] = self.resolver.ignored(keys)
        return mapping

    def use_date_order(
        self, dayfirst: bool, note: str, *, scope: str = "the file", guessed: int | None = None
    ) -> None:
        """Read the next records' numeric dates in this order (``dayfirst="auto"``).

        ``note`` says how the order was settled (``numeric dates read month first, as line 5
        shows ...``), for messages; ``scope`` what it covers (``the file``, ``the frame``,
        ``outlet 'detik.com'``), and ``guessed`` how many of its dates read both ways (and so
        are read in this order on trust), when that is known before reading: a date that
        contradicts the order is reported with them.
        """
        self._file_dayfirst = dayfirst
        self._order_note = note
        self._order_scope = scope
        self._guessed = guessed

    def settle_date_order(
        self, name: str, records: Iterable[tuple[int, Record]], unit: str = "line"
    ) -> Iterator[tuple[int, Record]]:
        """Read ahead to the first date that reads only one way and fix the file's order.

        Yields the same records, in order; used for ``dayfirst="auto"``. ``unit`` names
        what the numbers of ``records`` count in messages (lines of a file, rows of a frame).
        """
        records = iter(records)
        ahead: list[tuple[int, Record]] = []
        order: bool | None = None
        numeric = False  # any numeric date met that the order changes, so that it matters
        for line, record in records:
            ahead.append((line, record))
            column = self._mapping(record).get("published_at")
            value = record.get(column) if column is not None else None
            numeric = numeric or reads_both_ways(value)
            order = numeric_date_order(value)
            if order is not None:
                way = "day" if order else "month"
                self._order_note = (
                    f"numeric dates read {way} first, as {unit} {line} shows ({value!r})"
                )
                break
            if len(ahead) >= DATE_ORDER_LOOKAHEAD:
                break
        if order is None and numeric:
            order, self._order_note = self._order_from_name(name, ahead)
        if order is None:
            self._order_note = (
                f"no date in the first {len(ahead)} records shows whether day or month comes "
                "first: numeric dates read day first"
            )
        self.use_date_order(True if order is None else order, self._order_note)
        self._mixed.clear()  # a file read again is warned about again
        if order is not None:
            log.info("%s: %s", name, self._order_note)
        elif numeric:  # a guess: a daily file of a month-first source (10/05/2025) looks the same
            if self.report.rejects is not None:
                self.report.rejects.guessed_date_order.append(name)
            log.warning(
                "%s: %s (if the source writes the month first, pass --date-order mdy, or "
                "dayfirst=False)",
                name,
                self._order_note,
            )
        else:
            log.debug("%s: %s", name, self._order_note)
        yield from ahead
        yield from records

    def _order_from_name(
        self, name: str, ahead: list[tuple[int, Record]]
    ) -> tuple[bool | None, str]:
        """The order of a file whose first dates read both ways, from the date its name holds,
        when every such date lies within a month of it read one way only
        (``detik_2025-12-01.csv``: ``12/9/2025`` is 9 December, not 12 September); ``(None,
        "")`` when the name holds no date or does not tell. Only the file itself is read: its
        dates come out the same whatever files are read with it (the daily job, the Dask
        engine's partitions)."""
        stem = _split_suffix(Path(name).name)[0]
        named = [dmy for _, _, dmy, mdy in _name_readings(stem) if dmy is not None and dmy == mdy]
        if not named:
            return None, ""
        near = timedelta(days=31)
        ways: set[bool] = set()
        for _, record in ahead:
            column = self._mapping(record).get("published_at")
            value = record.get(column) if column is not None else None
            if not reads_both_ways(value):
                continue
            close = {
                first
                for first in (True, False)
                if (when := parse_date(value, dayfirst=first)) is not None
                and abs(when.date() - named[-1]) <= near
            }
            ways |= close if len(close) == 1 else {True, False}
        if len(ways) != 1:
            return None, ""
        order = ways.pop()
        way = "day" if order else "month"
        return order, (
            f"numeric dates read {way} first, as the date in the file's name "
            f"({named[-1].isoformat()}) shows"
        )

    def check_columns(
        self, name: str, line: int, record: Record, mapping: Mapping[str, str]
    ) -> None:
        """Warn about the columns of a file (its first record) that will not be read.

        A date column whose name no alias knows is carried as an extra field and every
        article of the file is read undated, with nothing said until a report drops them:
        say so, with the columns left unused and how to name the right one. The same for a
        ``--column`` that names none of the file's columns, and for two columns named like one
        field (``content`` and ``isi``, ``title`` and ``judul``), of which only the first in
        the aliases' order is read (the other is carried as an extra field).
        """
        keys = [str(k) for k in record if k is not None]
        for reason, message in self.column_problems(keys, mapping, free_form=_free_form(name)):
            self.report(name, line, reason, message, "warning")

    def column_problems(
        self,
        keys: list[str],
        mapping: Mapping[str, str],
        *,
        free_form: bool = False,
        frame: bool = False,
    ) -> list[tuple[str, str]]:
        """The warnings :meth:`check_columns` gives for columns ``keys`` read as ``mapping``,
        as ``(reason, message)``; ``frame``: for a DataFrame's columns (messages say "frame"
        and give the Python advice alone)."""
        ignored = self.resolver.ignored(keys)
        left = [k for k in keys if k not in mapping.values() and k not in ignored]
        unused = ", ".join(left[:12])
        if free_form:
            # a JSON record names only the fields it has (an exporter drops null ones), so the
            # first one lacking a date says nothing of the file unless it holds a field named
            # like a date that no alias knows
            unused = ", ".join(k for k in left if _DATE_LIKE.search(k)) and unused
        naming = _python_naming if frame else _naming
        whole = "the frame" if frame else "this file"
        problems: list[tuple[str, str]] = []
        if unused and "published_at" not in mapping:
            looked_for = ", ".join(self.resolver.candidates("published_at")[:6])
            message = (
                f"no date field (looked for {looked_for}, ...; name it: {naming('published_at')}"
                f"), so the articles are read undated; columns not used: {unused}"
            )
            problems.append(("no_date_column", message))
        for column in self.resolver.unmatched(keys):
            field = self.resolver.column_map[column]
            if field == "text" and "text" not in mapping:
                continue  # each record's missing_text error says so (a frame's: one error)
            columns = ", ".join(keys[:12]) or "none"
            given = (
                f"column_map={{{column!r}: {field!r}}}"
                if frame
                else f"--column {column}={field or ''} (column_map= in Python)"
            )
            read = f"; {field} read from {mapping[field]!r}" if field and field in mapping else ""
            message = f"{given} names no column of {whole}{read}; columns: {columns}"
            problems.append(("unknown_column", message))
        for field, others in self.resolver.alternatives(keys).items():
            # both names are the field's: the aliases' order chose, not the export
            shown = ", ".join(map(repr, others))
            instead = (
                f"column_map={{{others[0]!r}: {field!r}}}"
                if frame
                else f"--column {others[0]}={field} (column_map= in Python)"
            )
            message = (
                f"columns {mapping[field]!r} and {shown} both name the {field}: {field} read "
                f"from {mapping[field]!r}, {shown} carried as an extra field (to read "
                f"{others[0]!r} instead: {instead})"
            )
            problems.append(("ambiguous_column", message))
        return problems

    def __call__(self, name: str, line: int, record: Record) -> Article | None:
        mapping = self._mapping(record)
        if name != self._checked_file:
            self._checked_file = name
            self._textless.clear()
            self._text_columns.clear()
            self.check_columns(name, line, record, mapping)
        fields = {field: record[column] for field, column in mapping.items()}
        if (header := _repeated_header(record, mapping)) is not None:
            # exports joined with cat, a header on every page, a sheet's second header row:
            # column names are no article (left out as a footer row is, not an error)
            self.report(name, line, "not_article", header, "skipped", content=record)
            return None
        used = set(mapping.values()) | self._ignored.get(tuple(record), set())
        extra = {k: v for k, v in record.items() if k not in used}
        bodiless = ""
        if "text" in mapping:
            self._text_columns.add(mapping["text"])
        elif "title" in mapping and (self._text_columns or not extra):
            # a crawler that missed the body leaves its key out of that record ("body" in the
            # file's other lines), and a headline feed has no body column (every column read
            # as another field, none left that could be a body under an unknown name): the
            # headline is scored, as an empty body's is
            bodiless = (
                " or ".join(repr(c) for c in sorted(self._text_columns))
                + " in the file's other records"
                if self._text_columns
                else "every column read as another field: a headline feed"
            )
            fields["text"] = ""
        auto = self.dayfirst == "auto"
        dayfirst = self._file_dayfirst if auto else self.dayfirst
        if auto and (column := mapping.get("published_at")) is not None:
            # a date that reads only one way is read that way, whatever the file's order: an
            # export that merges outlets holds detik's 10/21/2025 and Kompas's 21/10/2025
            proven = numeric_date_order(record[column])
            if proven is not None and proven != dayfirst:
                dayfirst = proven
                scope = self._order_scope
                if (name, scope) not in self._mixed:  # once: its other dates may be read wrong
                    self._mixed.add((name, scope))
                    way = "day" if proven else "month"
                    if scope == "the file":
                        unlike = "the file's other dates"
                    else:
                        unlike = f"the other dates of {scope}"
                    if self._guessed is None:
                        risk = "its dates that read both ways may be wrong"
                    else:
                        settled = "month" if proven else "day"
                        risk = (
                            f"{self._guessed} of its dates that read both ways were read "
                            f"{settled} first, a guess: they may be wrong"
                        )
                    message = (
                        f"{record[column]!r} read {way} first, the only way it reads, unlike "
                        f"{unlike} ({self._order_note}): {risk}"
                    )
                    self.report(name, line, "mixed_date_order", message, "warning", content=record)
        article, issues = build_article(
            fields,
            extra,
            dayfirst=cast("bool | None", dayfirst),
            max_text_chars=self.max_text_chars,
            columns=mapping,
            now=self.now,
        )
        raw_date = fields.get("published_at")
        # the file's order explains only a failed numeric date, not "45583" or "2 jam yang lalu"
        numeric = isinstance(raw_date, str) and NUMERIC_DAY.search(raw_date) is not None
        for issue in issues:
            if auto and numeric and issue.reason == "bad_date":
                issue = Issue(issue.reason, f"{issue.message} ({self._order_note})", issue.severity)
            if bodiless and issue.reason == "no_content" and issue.severity == "warning":
                message = f"no text field ({bodiless}); scored on the title alone"
                issue = Issue(issue.reason, message, issue.severity)
            if issue.reason == "missing_text" and "text" not in mapping and self._text_columns:
                shown = " or ".join(repr(c) for c in sorted(self._text_columns))
                issue = Issue(
                    issue.reason,
                    f"no text field ({shown} in the file's other records) and no title",
                    "error",
                )
            elif issue.reason == "missing_text" and "text" not in mapping:
                # say what the record has and how to point at its text: the usual cause is a
                # whole export whose text column has a name no alias knows; the file's later
                # records of the same columns refer to the first, so that the log says it once
                first = self._textless.setdefault((name, tuple(record)), line)
                if first != line:
                    issue = Issue(issue.reason, f"no text field (as line {first})", "error")
                    record_id = _record_id(record, mapping, article)
                    self.report(name, line, *issue, record_id=record_id, content=record)
                    continue
                columns = ", ".join(map(str, list(record)[:12])) or "none"
                given = [c for c, f in self.resolver.column_map.items() if f == "text"]
                if given:
                    why = (
                        f"--column {given[0]}=text (column_map= in Python) names a column this "
                        "record does not have"
                    )
                else:
                    looked_for = ", ".join(self.resolver.candidates("text")[:6])
                    why = f"looked for {looked_for}, ...; name it: {_naming('text')}"
                issue = Issue(issue.reason, f"no text field ({why}); columns: {columns}", "error")
            record_id = _record_id(record, mapping, article)
            self.report(name, line, *issue, record_id=record_id, content=record)
        return article


#: Every name a column of a contract field goes by, normalised as the resolver compares them.
_COLUMN_NAMES = frozenset(_normalise(a) for aliases in DEFAULT_ALIASES.values() for a in aliases)


def _repeated_header(record: Record, mapping: Mapping[str, str]) -> str | None:
    """The ``not_article`` message for a record whose cells are column names, else ``None``:
    the header again among the rows (``id,judul,isi,...`` where two exports were joined with
    ``cat``, or on every page of a vendor's export), or a sheet's second header row. Two cells
    at least must be column names (their own column's, or any field's by the aliases), and the
    body, when there is one, among them: a headline or a body is never the word ``isi``.

    >>> _repeated_header({"judul": "Judul", "isi": "ISI", "url": "url"}, {"title": "judul",
    ...     "text": "isi", "url": "url"})
    "'Judul' / 'ISI' / 'url': column names, not an article (a header row repeated below the first?)"
    >>> _repeated_header({"judul": "Isi", "isi": "Banjir di Medan"}, {"title": "judul",
    ...     "text": "isi"}) is None
    True
    """
    named = []
    for column, value in record.items():
        if not isinstance(value, str) or not value.strip():
            continue
        cell = _normalise(value.lstrip("\ufeff"))
        if len(cell) > 40:
            return None  # (a body or a headline: no column name is this long)
        if cell == _normalise(str(column).lstrip("\ufeff")) or cell in _COLUMN_NAMES:
            named.append(value.strip().lstrip("\ufeff"))
        elif column == mapping.get("text"):
            return None
    if len(named) < 2:
        return None
    shown = " / ".join(repr(v) for v in named[:4])
    return f"{shown}: column names, not an article (a header row repeated below the first?)"


def _naming(field: str) -> str:
    """How to name the column of ``field``, for the reader of a file and the caller of a
    function alike (the same readers serve the command line and Python)."""
    return (
        f'--column COLUMN={field} on the command line, column_map={{"COLUMN": "{field}"}} in Python'
    )


def _python_naming(field: str) -> str:
    """How to name the column of ``field`` for the caller of a function given a DataFrame."""
    return f'column_map={{"COLUMN": "{field}"}}'


def _record_id(record: Record, mapping: Mapping[str, str], article: Article | None) -> str | None:
    """The id a problem's record goes by: its article's, else the one it was given, else the
    one its URL gives (a vendor's CSV has no id column: a row with a URL and no text is still
    named)."""
    if article is not None:
        return article.id
    for field in ("id", "url"):
        column = mapping.get(field)
        value = record.get(column) if column is not None else None
        if value is None or str(value).strip() == "":
            continue
        if field == "id":
            return str(value).strip()
        try:
            return article_id(str(value))
        except ValueError:  # (a site's home page names no article)
            return None
    return None


# ---------------------------------------------------------------------------- records


def iter_records(
    path: str, report: _Report, columns: ColumnResolver | None = None
) -> Iterator[tuple[int, Record]]:
    """Yield ``(line, record)`` from one file (or ``"-"``), reporting unreadable records.

    With ``columns`` (how the records' columns will be read), the header of a CSV file or a
    sheet is the first of its first ``HEADER_SEARCH_LINES`` lines (rows) that names a text or
    a title column: a report's title above the table is skipped, with one line in the log,
    and a file with no such line is one ``no_header`` reject. Without it, the first line is
    the header.
    """
    name = _STDIN_NAME if path == STDIN else path
    if path != STDIN and _suffix_format(Path(path)) == "parquet":
        yield from _parquet_records(path, name, report)
        return
    if path != STDIN and _suffix_format(Path(path)) == "excel":
        yield from _excel_records(path, name, report, columns)
        return
    stream: IO[bytes]
    if path == STDIN:
        stream = sys.stdin.buffer
    elif path.lower().endswith(".gz"):
        stream = cast(IO[bytes], gzip.open(path, "rb"))  # noqa: SIM115 - closed below
    else:
        stream = open(path, "rb")  # noqa: SIM115 - closed below
    opened = [stream]  # every layer, closed below (a wrapper does not close what it wraps)
    try:
        if _peek(stream).startswith(_GZIP_MAGIC):  # gzip data on stdin or under another name
            stream = cast(IO[bytes], gzip.GzipFile(fileobj=stream, mode="rb"))
            opened.append(stream)
        fmt = _suffix_format(Path(path)) if path != STDIN else None
        if fmt is None:
            fmt = _sniff_format(stream)
        if fmt != "parquet" and (what := _binary_kind(_peek(stream))):
            report(name, 0, "unreadable_file", f"not a text file of articles: {what}")
            return
        stream, recoded = _as_utf8_lines(stream)
        opened.append(stream)
        if recoded:
            report(name, 0, "windows_1252", recoded, "warning")
        if fmt == "jsonl" and _is_json_document(stream):
            yield from _json_document_records(stream, name, report)
        elif fmt == "parquet":  # an unknown suffix with Parquet's magic bytes
            if path == STDIN:
                report(name, 0, "unreadable_file", "Parquet cannot be read from standard input")
            else:
                yield from _parquet_records(path, name, report)
        elif fmt == "jsonl":
            yield from _jsonl_records(stream, name, report)
        elif fmt == "text" and _text_is_table(stream, columns):  # Excel's text exports
            yield from _csv_records(stream, name, report, delimiter=None, columns=columns)
        elif fmt == "text":
            yield from _text_record(stream, name, report)
        else:
            tab = path.lower().removesuffix(".gz").endswith(".tsv")
            delimiter = "\t" if tab else None
            yield from _csv_records(stream, name, report, delimiter=delimiter, columns=columns)
    except (OSError, EOFError, zlib.error) as exc:  # truncated or corrupt compressed file
        report(name, 0, "unreadable_file", f"stopped reading: {exc}")
    finally:
        for layer in reversed(opened):
            if layer is not sys.stdin.buffer:
                layer.close()


_GZIP_MAGIC = b"\x1f\x8b"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Office files
# the first bytes of files that are not text, and what to tell the user about them
_MAGIC = (
    (_OLE2, "an old .xls workbook or a Word file; save it as .xlsx or CSV"),
    (b"PK\x03\x04", "a ZIP archive (an .xlsx workbook under another name?); unzip or rename it"),
    (b"\xfd7zXZ\x00", "xz-compressed; decompress it first (only gzip is read on the fly)"),
    (b"BZh91AY&SY", "bzip2-compressed; decompress it first (only gzip is read on the fly)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it first"),
    (b"Rar!\x1a\x07", "a RAR archive; unpack it first"),
    (b"%PDF-", "a PDF document; export its text first"),
    (b"SQLite format 3\x00", "an SQLite database (scored records are read by report --db)"),
)


def _peek(stream: IO[bytes], size: int = 4096) -> bytes:
    peek = getattr(stream, "peek", None)  # buffered files, gzip files and stdin have it
    return peek(size)[:size] if peek is not None else b""


def _binary_kind(head: bytes) -> str:
    """What a file is when its first bytes say it is not text, or ``""``."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith(_GZIP_MAGIC):
        return "gzip-compressed twice"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ""
    if head.count(b"\x00") * 100 > len(head):  # a stray NUL in a record is that record's
        return "binary data (NUL bytes), not text"
    return ""


class _Chunks(io.RawIOBase):
    """A read-only binary stream over an iterator of byte chunks."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._left = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._left:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._left = chunk
        n = min(len(buffer), len(self._left))
        buffer[:n] = self._left[:n]
        self._left = self._left[n:]
        return n


def _utf16_chunks(stream: IO[bytes]) -> Iterator[bytes]:
    decoder = codecs.getincrementaldecoder("utf-16")("replace")
    while block := stream.read(1 << 16):
        yield decoder.decode(block).encode("utf-8")
    yield decoder.decode(b"", final=True).encode("utf-8")


def _cp1252_chunks(stream: IO[bytes]) -> Iterator[bytes]:
    while block := stream.read(1 << 16):
        yield block.decode("cp1252").encode("utf-8")  # one byte a character: no cut character


def _cr_chunks(chunks: Iterator[bytes]) -> Iterator[bytes]:
    for block in chunks:
        yield block.replace(b"\r", b"\n")


def _blocks(stream: IO[bytes]) -> Iterator[bytes]:
    while block := stream.read(1 << 16):
        yield block


#: The ``windows_1252`` warning: a file read as Windows-1252 as a whole.
_FILE_AS_CP1252 = "not UTF-8: the file was read as Windows-1252 (cp1252)"


def _as_utf8_lines(stream: IO[bytes]) -> tuple[IO[bytes], str]:
    """The stream as UTF-8 bytes with ``\\n`` line ends, and ``""`` or what was done to it:
    UTF-16 files (by their byte-order mark) and Windows-1252 files (see
    :func:`_is_windows_1252`) are recoded, and bare carriage returns (old Mac exports) become
    line feeds."""
    head = _peek(stream)
    bare_cr = b"\r" in head and b"\n" not in head
    chunks: Iterator[bytes] | None = None
    recoded = ""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        chunks = _utf16_chunks(stream)
    elif not head.startswith(codecs.BOM_UTF8) and _is_windows_1252(stream):
        # (a UTF-8 byte-order mark says UTF-8, whatever lines of it are not)
        chunks, recoded = _cp1252_chunks(stream), _FILE_AS_CP1252
    if bare_cr:
        chunks = _cr_chunks(chunks if chunks is not None else _blocks(stream))
    if chunks is None:
        return stream, ""
    return cast(IO[bytes], io.BufferedReader(_Chunks(chunks))), recoded


def _is_windows_1252(stream: IO[bytes]) -> bool:
    """Whether a file is read as Windows-1252 as a whole: every byte of it is Windows-1252,
    and more of its lines look like Windows-1252 (not UTF-8, with no valid or cut UTF-8
    character: see :func:`_decode`) than hold UTF-8 beyond ASCII (valid, or damaged). A
    Windows-1252 export holds UTF-8 only by chance or where its text already held mojibake
    (``‚Ä¶`` is, in Windows-1252 bytes, a valid ``Ķ``); a UTF-8 file with a few damaged bytes
    holds more valid characters than damaged ones.

    The stream is read to its end and put back where it was; one that cannot be (a pipe) is
    not, and its lines are decoded one by one.
    """
    try:
        # gzip data on a pipe: the gzip stream says it can seek, the pipe under it cannot
        under = getattr(stream, "fileobj", None)
        if not stream.seekable() or (under is not None and not under.seekable()):
            return False
        start = stream.tell()
    except (OSError, ValueError):
        return False
    ansi = utf8 = 0
    try:
        for raw in stream:
            if raw.isascii():
                continue
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                utf8 += 1
                continue
            try:
                raw.decode("cp1252")
            except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
                return False
            if _looks_cp1252(raw, raw.decode("utf-8", errors="replace")):
                ansi += 1
            else:
                utf8 += 1
    except (OSError, EOFError, zlib.error):  # a compressed file cut short: what was read
        pass
    finally:
        stream.seek(start)
    return ansi > utf8


def _sniff_format(stream: IO[bytes]) -> str:
    head = _peek(stream).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PAR1"):
        return "parquet"
    return "jsonl" if head.startswith((b"{", b"[")) else "csv"


def _is_json_document(stream: IO[bytes]) -> bool:
    """Whether a JSON stream is one document (an array, or an object over several lines)
    rather than one object per line: it opens with ``[``, or its first line opens an object
    or an array without closing it (``{``, ``{"articles": [``)."""
    head = _peek(stream).decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if head.startswith("["):
        return True
    first, newline, _ = head.partition("\n")
    first = first.strip()
    return bool(newline) and first.startswith("{") and first.endswith(("{", "[", ":", ","))


#: Keys under which JSON exports and APIs put their list of articles.
_LIST_KEYS = ("articles", "data", "items", "results", "records", "hits", "docs", "news", "berita")


def _json_document_records(
    stream: IO[bytes], name: str, report: _Report
) -> Iterator[tuple[int, Record]]:
    """Records of one JSON document: an array of objects, an object holding such an array
    under one key, or a single article object; each reported at the line it starts on."""
    data = stream.read()
    text, how = _decode(data)
    text = text.lstrip("\ufeff")
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        head = text.lstrip().split("\n", 1)[0].strip()
        if (head.startswith("[") or head == "{") and not _json_lines(text):
            # an array cut short or with a broken record, arrays or objects one after another:
            # the whole records are read, each broken one reported once
            yield from _salvaged_records(text, name, report, how)
            return
        # not one document after all: each line is read (and reported) on its own
        yield from _jsonl_records(io.BytesIO(data), name, report)
        return
    if how:
        report(name, 1, "non_utf8", how, "warning")
    start = text.find("[") if isinstance(document, list) else -1
    if isinstance(document, dict):
        key = _envelope_key(document)
        if key is None:
            # one article written over several lines, or an object with no list of articles
            yield 1, document
            return
        log.info("%s: reading the %d records under %r", name, len(document[key]), key)
        document = document[key]
        at = text.find(json.dumps(key))
        start = text.find("[", at) if at >= 0 else -1
    lines = _item_lines(text, start, len(document)) if start >= 0 else None
    for i, item in enumerate(document):
        line = lines[i] if lines is not None else i + 1
        if not isinstance(item, dict):
            message = f"a record must be a JSON object, got {_json_kind(item)}"
            report(name, line, "not_object", message, content=item)
            continue
        yield line, item


def _json_lines(text: str, look: int = 20) -> bool:
    """Whether text that does not parse as one document is JSON lines after all: one of its
    first lines is a whole JSON object or array (a record, or a page of them, a line), the
    array's comma after it allowed. A pretty-printed document has no such line."""
    seen = 0
    for line in text.lstrip().split("\n", look * 2)[: look * 2]:
        line = line.strip()
        if not line or line in _ARRAY_MARKS:
            continue
        if line.startswith(("{", "[")):
            try:
                json.loads(line.removesuffix(","))
            except (ValueError, RecursionError):
                pass
            else:
                return True
        seen += 1
        if seen >= look:
            break
    return False


def _salvaged_records(
    text: str, name: str, report: _Report, how: str
) -> Iterator[tuple[int, Record]]:
    """The records of JSON text that does not parse as a whole (an array cut short or with a
    broken record, arrays one after another, objects one after another): each object at the
    top level is read on its own and yielded at its line; a broken one is reported once."""
    if how:
        report(name, 1, "non_utf8", how, "warning")
    line, done = 1, 0
    spans = list(_top_level_objects(text, 0, len(text)))
    while spans:
        start, end, closed = spans.pop(0)
        line += text.count("\n", done, start)
        done = start
        try:
            # raw line breaks inside strings (a crawler that did not escape them) are read
            item = _LENIENT_JSON.decode(text[start:end])
        except (ValueError, RecursionError) as exc:
            envelope = _ENVELOPE_LIST.search(text, start, min(end, start + 2000))
            if envelope is not None:
                # {"articles": [...]} with a broken record: the records inside, one by one
                spans = [*_top_level_objects(text, envelope.end(), end), *spans]
                continue
            said = exc.msg if isinstance(exc, json.JSONDecodeError) else _one_line(exc)
            cut = "" if closed else "; the file ends inside it (cut short?)"
            message = f"invalid JSON record: {said}{cut}"
            report(name, line, "invalid_json", message, content=text[start:end])
            continue
        key = _envelope_key(item)
        if key is None:
            yield line, item
            continue
        for inner in item[key]:  # a whole page of an API's results among them
            if isinstance(inner, dict):
                yield line, inner
            else:
                message = f"a record must be a JSON object, got {_json_kind(inner)}"
                report(name, line, "not_object", message, content=inner)


_LENIENT_JSON = json.JSONDecoder(strict=False)
_ENVELOPE_LIST = re.compile(r'"(?:' + "|".join(_LIST_KEYS) + r')"\s*:\s*\[', re.I)
_JSON_MARKS = re.compile(r'[{}\[\]"\\]')


def _top_level_objects(text: str, lo: int, hi: int) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, closed)`` of each object of ``text[lo:hi]`` outside any other
    (brackets of top-level arrays are passed over); the last one runs to ``hi`` when it is not
    closed."""
    depth, opened, skip, in_string = 0, -1, -1, False
    for m in _JSON_MARKS.finditer(text, lo, hi):
        at = m.start()
        if at < skip:
            continue  # the character after a backslash
        mark = m.group()
        if in_string:
            if mark == "\\":
                skip = at + 2
            elif mark == '"':
                in_string = False
            continue
        if mark == '"':
            in_string = depth > 0  # a string outside any object is no record's
        elif mark in "{[":
            if depth == 0 and mark == "{":
                opened = at
            if depth > 0 or mark == "{":
                depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0 and opened >= 0:
                yield opened, at + 1, True
                opened = -1
    if opened >= 0:
        yield opened, hi, False


def _of_objects(items: list[Any]) -> bool:
    return bool(items) and isinstance(items[0], dict)


def _envelope_key(obj: Record) -> str | None:
    """The key under which an API response keeps its list of articles (``{"status": "ok",
    "articles": [...]}``), or None for an object that is an article itself.

    An object with a text field is an article. So is one with a title or a URL whose list of
    objects is under no key an API gives its results (``articles``, ``data``, ...): an article
    whose crawler left its body out and kept its readers' comments (``{"judul": ...,
    "komentar": [{"text": ...}]}``) is that article, without its text, and is reported so; its
    comments are not read as articles in its place."""
    fields = ColumnResolver(None).resolve(list(obj))
    if "text" in fields:
        return None
    lists = [k for k, v in obj.items() if isinstance(v, list) and _of_objects(v)]
    listed = [k for k in lists if str(k).lower() in _LIST_KEYS]
    if not listed and ("title" in fields or "url" in fields):
        return None
    chosen = listed or lists
    return chosen[0] if len(chosen) == 1 else None


def _item_lines(text: str, start: int, count: int) -> list[int] | None:
    """The line each item of the JSON array opening at ``text[start]`` starts on."""
    decoder = json.JSONDecoder()
    lines: list[int] = []
    line, done, i = 1 + text.count("\n", 0, start), start, start + 1
    try:
        while len(lines) < count:
            while text[i] in " \t\r\n,":
                i += 1
            line += text.count("\n", done, i)
            done = i
            lines.append(line)
            _, i = decoder.raw_decode(text, i)
    except (ValueError, IndexError):
        return None
    return lines


def _json_kind(value: object) -> str:
    return "an array" if isinstance(value, list) else f"a {type(value).__name__}"


_HEADER_FIELD = re.compile(r"^[\w.-]{1,40}$")


def _text_is_table(stream: IO[bytes], columns: ColumnResolver | None = None) -> bool:
    """Whether a ``.txt`` file is a table: its first line a header of column names, or one of
    its first ``HEADER_SEARCH_LINES`` lines a tab-separated header below a report's title and
    blank lines (Excel's "Unicode Text" and "Text (Tab delimited)" of such a sheet).

    A first line is a header of two or more fields split by a tab, ``;``, ``|`` or ``,``,
    either naming a text column the readers know (``isi``, ``Text Tweet``) or all plain names
    without spaces (``id;judul;isi``); a title line with a comma has words with spaces between
    them. A line below it is one when its tab-separated cells name a text or a title column
    (as ``columns`` reads names) and the next line is tab-separated too: an article's lines
    with a tab in them name no column.
    """
    lines = _peek(stream).decode("utf-8", "replace").lstrip("\ufeff").split("\n")
    first = lines[0].strip()
    second = lines[1] if len(lines) > 1 else ""
    resolver = columns or ColumnResolver(None)
    for i, line in enumerate(lines[1:HEADER_SEARCH_LINES], 1):
        below = lines[i + 1] if i + 1 < len(lines) else ""
        if "\t" not in line or "\t" not in below:
            continue
        names = [n for n in _line_names(line, "\t") if n.strip()]
        if len(names) >= 2 and _names_a_field(names, resolver, first=False):
            return True
    for delimiter in _DELIMITERS:
        fields = [f.strip().strip('"') for f in first.split(delimiter)]
        if len(fields) < 2:
            continue
        if "text" in ColumnResolver(None).resolve(fields):
            return True
        # plain names ("id;judul;isi"), and a row under them split the same way: a title such
        # as "Jokowi, Prabowo" over a line of prose is an article
        if all(_HEADER_FIELD.match(f) for f in fields) and delimiter in second:
            return True
    return False


#: The ``non_utf8`` warnings: which reading was taken for a line that is not UTF-8.
_AS_CP1252 = "not UTF-8: read as Windows-1252 (cp1252)"
_REPLACED = "bytes that are not UTF-8 were replaced"


def _decode(raw: bytes, utf8_file: bool = False) -> tuple[str, str]:
    """Decode one line (or a whole file); the second value is ``""`` or what was done.

    Text that is not UTF-8 is read as Windows-1252 (Excel's "CSV" on Windows, old Indonesian
    exports: ``\\x93Kita\\x94``) when it holds no valid UTF-8 character beyond ASCII and no
    cut UTF-8 sequence (a lead byte and its continuation bytes, ``\\xe2\\x80``), and, when
    ``utf8_file`` (an earlier line of the file was UTF-8 beyond ASCII), an accented letter
    (``\\xe9``) that no continuation byte follows; otherwise it is damaged UTF-8, and the bad
    bytes become U+FFFD.

    >>> _decode("“Kita”".encode("cp1252"))
    ('“Kita”', 'not UTF-8: read as Windows-1252 (cp1252)')
    >>> _decode("“Kita” \\xff".encode("utf-8")[:-2] + b"\\xff")
    ('“Kita” \\ufffd', 'bytes that are not UTF-8 were replaced')
    >>> _decode(b"Banjir \\xe2\\x80 Jakarta")[1]  # a character cut short: UTF-8, damaged
    'bytes that are not UTF-8 were replaced'
    >>> _decode("Kenang Pelé”".encode("cp1252"))[0]  # an accented letter, then a curly quote
    'Kenang Pelé”'
    """
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError:
        replaced = raw.decode("utf-8", errors="replace")
    # after UTF-8 lines, a line is Windows-1252 only when an accented letter of it stands
    # alone (no byte could follow it in UTF-8): a line of another export joined to the file
    # ("Andr\xe9s P\xe9rez"), not a UTF-8 character damaged
    if (not utf8_file or _LONE_1252_LETTER.search(raw)) and _looks_cp1252(raw, replaced):
        try:
            return raw.decode("cp1252"), _AS_CP1252
        except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
            pass
    return replaced, _REPLACED


def _looks_cp1252(raw: bytes, replaced: str) -> bool:
    """Whether a line that is not UTF-8 (``replaced``: its bad bytes replaced) holds no valid
    UTF-8 character beyond ASCII and no cut UTF-8 sequence: Windows-1252 rather than UTF-8
    with a damaged byte."""
    return all(c == "\ufffd" or c < "\x80" for c in replaced) and not _CUT_UTF8.search(raw)


# the start of a multi-byte UTF-8 character that Indonesian text holds (a lead byte followed
# by a continuation byte): Latin-1 letters and signs (\xc2, \xc3: "é", a non-breaking space),
# punctuation (\xe2: curly quotes, dashes, the ellipsis) and emoji (\xf0). Other leads are, in
# Windows-1252, accented letters ("é" is \xe9) that a curly quote or a dash may follow
# ("Pelé”" is \xe9\x94): read as UTF-8, they would make the line lose every accent.
_CUT_UTF8 = re.compile(rb"[\xc2\xc3\xe2\xf0][\x80-\xbf]")
# a Windows-1252 accented letter (\xc0-\xff) that no continuation byte follows: in UTF-8 it
# would open a character
_LONE_1252_LETTER = re.compile(rb"[\xc0-\xff](?![\x80-\xbf])")


class _Decoder:
    """Decodes the lines of one file, remembering whether it has shown UTF-8 beyond ASCII."""

    def __init__(self) -> None:
        self.utf8 = False

    def __call__(self, raw: bytes) -> tuple[str, str]:
        text, how = _decode(raw, self.utf8)
        if not how and not self.utf8 and not text.isascii():
            self.utf8 = True
        return text, how


_ARRAY_MARKS = frozenset(["[", "]", "],", "];"])


def _jsonl_records(stream: IO[bytes], name: str, report: _Report) -> Iterator[tuple[int, Record]]:
    decode = _Decoder()
    empty = True
    for line, raw in enumerate(stream, 1):
        text, how = decode(raw)
        if line == 1:
            text = text.lstrip("\ufeff")
        stripped = text.strip()
        if not stripped or stripped in _ARRAY_MARKS:
            continue  # the brackets of an array written one record per line
        empty = False
        if stripped.endswith(",") and stripped.startswith("{"):
            stripped = stripped[:-1]  # a record per line with the array's commas kept
        try:
            obj = json.loads(stripped)
        except (ValueError, RecursionError) as exc:
            message = f"invalid JSON: {_one_line(exc)}"
            report(name, line, "invalid_json", message, content=stripped)
            continue
        if isinstance(obj, list) and _of_objects(obj):
            # a page of records on one line (an API's results, one page a line)
            if how:
                report(name, line, "non_utf8", how, "warning", content=stripped)
            for item in obj:
                if isinstance(item, dict):
                    yield line, item
                else:
                    message = f"a record must be a JSON object, got {_json_kind(item)}"
                    report(name, line, "not_object", message, content=item)
            continue
        if not isinstance(obj, dict):
            hint = " (write one object per line, not one array)" if isinstance(obj, list) else ""
            message = f"a JSON line must be an object, got {_json_kind(obj)}{hint}"
            report(name, line, "not_object", message, content=stripped)
            continue
        if how:
            report(name, line, "non_utf8", how, "warning", content=stripped)
        key = _envelope_key(obj)
        if key is None:
            yield line, obj
            continue
        # an API response on one line (a page of results): its articles, all at this line
        for item in obj[key]:
            if isinstance(item, dict):
                yield line, item
            else:
                message = f"a record must be a JSON object, got {_json_kind(item)}"
                report(name, line, "not_object", message, content=item)
    if empty:
        # as for an empty CSV: a feed that delivered nothing today must not pass as a good day
        report(name, 1, "empty_file", "empty file: no records", "warning")


_SENTENCE_END = tuple(".!?:;\"\u201d'")
_TITLE_MAX_CHARS = 200


def _text_record(stream: IO[bytes], name: str, report: _Report) -> Iterator[tuple[int, Record]]:
    """One article per ``.txt`` file, its file name kept as ``file``.

    A short first line that does not end a sentence, with more text below it, is the title
    (``Polisi Gelar Jumat Curhat`` then the body); otherwise the whole file is the text. The
    id comes from the content, as for any record without an id or a URL: the same text under
    another path or folder is the same article, and files of the same name in two folders are
    not mistaken for one.
    """
    text, how = _decode(stream.read())
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if how:
        report(name, 1, "non_utf8", how, "warning")
    record: Record = {"file": Path(name).name}
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    # a headline may ask or exclaim ("Siapa Pengganti Menpora?"); a line that ends a sentence
    # otherwise is a headline only when a blank line sets it apart from the body
    set_apart = rest.startswith("\n") or rest.lstrip(" \t").startswith("\n")
    headline = not first.endswith(_SENTENCE_END) or first.endswith(("?", "!")) or set_apart
    if rest.strip() and len(first) <= _TITLE_MAX_CHARS and headline:
        record["title"], text = first, rest
    record["text"] = text.strip()
    # a crawl's file named by its day (2025-10-31-banjir.txt); without one, the field is there
    # but empty: the file has no date column to point at
    record["published_at"] = _day_in_name(Path(name).name)
    yield 1, record


def _day_in_name(name: str) -> str | None:
    """The day a file name holds, as YYYY-MM-DD: ``2025-10-31``, ``20251031`` or, day first,
    ``31-10-2025`` (month first only where day first cannot be: ``10-31-2025``); ``None`` when
    it holds none. It depends on the name alone, so that every engine dates a file alike.

    >>> _day_in_name("2025-10-31-banjir.txt"), _day_in_name("31_10_2025.txt")
    ('2025-10-31', '2025-10-31')
    >>> _day_in_name("berita-20251031.txt"), _day_in_name("artikel-12345.txt")
    ('2025-10-31', None)
    >>> _day_in_name("10-31-2025.txt"), _day_in_name("05-11-2025.txt")
    ('2025-10-31', '2025-11-05')
    """
    for pattern, order in (
        (r"(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})(?!\d)", "ymd"),
        (r"(?<!\d)(\d{1,2})([-_.])(\d{1,2})\2(\d{4})(?!\d)", "dmy"),
    ):
        for m in re.finditer(pattern, name):
            a, b, c = int(m[1]), int(m[3]), int(m[4])
            year, month, day = (a, b, c) if order == "ymd" else (c, b, a)
            if order == "dmy" and month > 12 >= day:  # 10-31-2025: only month first can be
                month, day = day, month
            if 1950 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31:
                try:
                    return date(year, month, day).isoformat()
                except ValueError:
                    continue
    return None


class _Lines:
    """Iterates decoded lines of a binary stream, remembering which had bad bytes."""

    def __init__(self, stream: IO[bytes], recoded: str = "") -> None:
        self._stream = iter(stream)
        #: ``""``, or what was done to the whole file (read as Windows-1252)
        self.recoded = recoded
        self._decode = _Decoder()
        self.count = 0
        #: line number -> the non_utf8 warning of that line
        self.bad: dict[int, str] = {}

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw = next(self._stream)
        self.count += 1
        text, how = self._decode(raw)
        if self.count == 1:
            text = text.lstrip("\ufeff")
        if how:
            self.bad[self.count] = how
        return text


def decoded_lines(stream: IO[bytes]) -> _Lines:
    """The lines of a binary file as text, decoded as the article readers decode them: UTF-16 by
    its byte-order mark, a UTF-8 one dropped, a Windows-1252 file as such (``.recoded`` then
    says so), a line that is not UTF-8 read as Windows-1252 (or its bad bytes replaced);
    ``.bad`` maps each such line's number to what was done."""
    return _Lines(*_as_utf8_lines(stream))


def sniff_delimiter(header: str) -> str:
    """The separator of a table from its header line: the most frequent of , ; tab |."""
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


#: Lines of a CSV file (rows of a sheet) looked at for its header: a report's title, its date
#: and blank lines may stand above the table.
HEADER_SEARCH_LINES = 20
#: Longer cells are not column names: a line holding one is a record, not a header.
_HEADER_NAME_CHARS = 80
#: How much of a file's first line a ``no_header`` reject quotes.
_QUOTED_LINE_CHARS = 80


def _names_a_field(names: list[str], columns: ColumnResolver, *, first: bool) -> bool:
    """Whether a line's cells are a header: they name a text or a title column (``columns``
    says how names are read). A line below the first must hold short names only, so that a
    record whose cell happens to read ``Berita`` is not taken for one."""
    header = _unique_header(names)
    if not first and any(len(n) > _HEADER_NAME_CHARS for n in header):
        return False
    return not {"text", "title"}.isdisjoint(columns.resolve(header))


def _line_names(text: str, delimiter: str | None) -> list[str]:
    """The cells of one line of a CSV file, split by ``delimiter`` or the one it shows."""
    try:
        return next(csv.reader([text], delimiter=delimiter or sniff_delimiter(text)), [])
    except csv.Error:
        return []


def _header_skipped(name: str, unit: str, header: int, first: int) -> None:
    """Say which lines (rows) above the header were skipped."""
    if header > first:
        skipped = f"{unit} {first}" if header - 1 == first else f"{unit}s {first}-{header - 1}"
        log.info("%s: header found on %s %d; %s skipped", name, unit, header, skipped)


def _no_header(columns: ColumnResolver, unit: str, seen: int, first: tuple[int, str]) -> str:
    """The ``no_header`` reject of a file none of whose first ``seen`` lines (rows) is a
    header, quoting its first line that is not blank."""
    if seen >= HEADER_SEARCH_LINES:
        where = f"the first {seen} {unit}s"
    else:
        where = f"its {seen} {unit}{'s' if seen != 1 else ''}"
    texts = ", ".join(columns.candidates("text")[:4])
    titles = ", ".join(columns.candidates("title")[:2])
    number, text = first
    shown = " ".join(text.split())
    if len(shown) > _QUOTED_LINE_CHARS:
        shown = shown[:_QUOTED_LINE_CHARS].rstrip() + "..."
    return (
        f"no header row with a text or title column in {where} (looked for {texts}, ... or "
        f"{titles}, ...; name it: {_naming('text')}); {unit} {number}: {shown!r}"
    )


def _unique_header(names: list[str]) -> list[str]:
    header: list[str] = []
    seen: set[str] = set()
    for i, raw in enumerate(names):
        name = raw.strip() or f"column_{i + 1}"
        base, n = name, 1
        while name in seen:
            n += 1
            name = f"{base}_{n}"
        seen.add(name)
        header.append(name)
    return header


#: Lines of one CSV record kept to read again after it fails (a stray quote that never closes
#: swallows the rest of the file: at most this many lines of it are read again).
_RESYNC_LINES = 20_000


class _Feed:
    """The lines given to ``csv.reader``, each kept with its number until its record is read,
    so that the lines of a record that fails can be read again."""

    def __init__(self, lines: _Lines) -> None:
        self._lines = lines
        self._again: list[tuple[int, str]] = []  # lines to give again, last first
        self.taken: list[tuple[int, str]] = []
        self.dropped = 0  # lines of the current record beyond _RESYNC_LINES

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        if self._again:
            number, text = self._again.pop()
        else:
            text = next(self._lines)
            number = self._lines.count
        if len(self.taken) < _RESYNC_LINES:
            self.taken.append((number, text))
        else:
            self.dropped += 1
        return text

    def record(self) -> list[tuple[int, str]]:
        """The lines read since the last call."""
        taken, self.taken, self.dropped = self.taken, [], 0
        return taken

    def again(self, lines: list[tuple[int, str]]) -> None:
        self._again.extend(reversed(lines))


def _csv_records(
    stream: IO[bytes],
    name: str,
    report: _Report,
    *,
    delimiter: str | None,
    columns: ColumnResolver | None = None,
) -> Iterator[tuple[int, Record]]:
    """The records of a CSV file. With ``columns``, its header is the first of its first
    ``HEADER_SEARCH_LINES`` lines that names a text or title column (see :func:`iter_records`);
    without, its first line (after Excel's ``sep=`` line)."""
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    lines = _Lines(stream)
    try:
        first = next(lines)
    except StopIteration:
        report(name, 1, "empty_file", "empty file: no header line", "warning")
        return
    sep = _EXCEL_SEP.match(first)
    feed = _Feed(lines)
    if sep:
        # Excel's "sep=;" line names the separator, above the header
        delimiter = delimiter or sep.group(1)
    ahead = [] if sep else [(lines.count, first)]  # the lines from the header on, read ahead
    if columns is not None:
        at = _csv_header(ahead, lines, delimiter, columns)
        if at is None:
            written = [(n, text) for n, text in ahead if text.strip()]
            if not written:
                report(name, 1, "empty_file", "empty file: no header line", "warning")
            else:
                report(name, 0, "no_header", _no_header(columns, "line", len(ahead), written[0]))
            return
        _header_skipped(name, "line", ahead[at][0], ahead[0][0])
        ahead = ahead[at:]
    delimiter = delimiter or sniff_delimiter(ahead[0][1] if ahead else "")
    feed.again(ahead)

    def new_reader() -> Iterator[list[str]]:
        # strict: a stray quote is an error for that record (reported, reading goes on)
        # instead of silently gluing the following lines into one field.
        return csv.reader(feed, delimiter=delimiter, strict=True)

    reader = new_reader()
    try:
        names = next(reader)
    except csv.Error as exc:  # a binary file (a spreadsheet, an archive) under a text name
        report(name, 1, "unreadable_file", f"not a readable CSV file: {_one_line(exc)}")
        return
    except StopIteration:  # an Excel "sep=;" line alone
        report(name, 1, "empty_file", "empty file: no header line", "warning")
        return
    header = _unique_header(names)
    unnamed = _unnamed(names, header)
    feed.record()
    read_any = False  # a record, or a line that failed as one
    separators = 0  # rows of separators alone (";;;;;;"), skipped
    short: list[int] = []  # the lines of rows that omit their last fields, read as empty
    # lines swallowed by a quote that never closed, read again: (last line, the record's line)
    swallowed = (0, 0)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            read_any = True
            dropped = feed.dropped
            taken = feed.record()
            if not taken:
                break
            start = taken[0][0]
            # A quote that never closed ran to the end of the file: the lines it swallowed are
            # read again as records of their own. Any other failure stops on the line where the
            # record went wrong: the lines before it belong to the failed record (a multi-line
            # body, which must not turn into records), and reading goes on from that line.
            to_end = "end of data" in str(exc)
            fields = taken[0][1].rstrip("\r\n").split("\t")
            tsv_row = delimiter == "\t" and len(fields) == len(header)
            repaired = None if tsv_row else _stray_quotes_read(taken, feed, delimiter, len(header))
            if repaired is not None:
                # quotes inside a quoted field, not doubled ("Gubernur "Topling" diluncurkan"):
                # read as text, the record ending where a quote meets a separator or a line end
                row, end = repaired
                feed.record()
                reader = new_reader()
                message = "a quote inside a quoted field was not doubled: read as text"
                report(name, start, "stray_quote", message, "warning", content=row)
                yield from _checked_row(start, end, row, header, lines, name, report, unnamed)
                continue
            if to_end and not tsv_row and len(taken) > 1:
                swallowed = (taken[-1][0], start)
            if tsv_row or to_end:
                feed.again(taken[1:])
            elif len(taken) > 1:
                feed.again(taken[-1:])
            reader = new_reader()
            if tsv_row:
                # a tab-separated dump does not quote: a body that opens with a quotation
                # mark ('"Kita perlu," ujar ...') is a field as written
                yield from _checked_row(start, start, fields, header, lines, name, report, unnamed)
                continue
            hint = ""
            if to_end or len(taken) > 1:  # it ran over several lines: a quote left open
                hint = " (unbalanced quote?)"
            if to_end and len(taken) > 1:
                hint += f"; lines {taken[1][0]}-{taken[-1][0]} read again as records"
            elif len(taken) > 2:
                hint += f"; lines {taken[1][0]}-{taken[-2][0]} went with it and are not read"
            if dropped:
                hint += f"; {dropped:,} lines after line {taken[-1][0]} could not be read again"
            message = f"unreadable CSV record: {_one_line(exc)}{hint}"
            report(name, start, "csv_error", message, content=taken[0][1])
            continue
        taken = feed.record()
        if not row or not taken:
            continue
        if not any(cell.strip() for cell in row):
            # a sheet formatted below its table, saved as CSV: a row of separators alone is
            # a blank line
            separators += 1
            continue
        read_any = True
        if taken[0][0] <= swallowed[0] and len(row) != len(header):
            # a line of the record whose quote never closed (a file cut off in its last body)
            # has not the header's fields: a piece of that body, no record of its own
            message = (
                f"{len(row)} fields for the header's {len(header)}, in the lines a quote opened "
                f"at line {swallowed[1]} never closed: read as part of that record (the file "
                "may be cut off), not as a record"
            )
            report(name, taken[0][0], "csv_error", message, content=taken[0][1])
            continue
        if len(row) < len(header) and not taken[-1][1].endswith(("\n", "\r")):
            # the file's last line, without its line end and short of fields: a file read while
            # its writer was still at it. Stored, it would come back whole under another id
            # (from the URL it lacked) once the file is complete, and count twice; left out, the
            # completed file (changed, so read again) brings the record whole
            message = (
                f"{len(row)} fields for the header's {len(header)} on the file's last line, "
                "which has no line end: the file looks cut off while being written (read it "
                "again when it is complete)"
            )
            report(name, taken[0][0], "csv_error", message, content=row)
            continue
        if len(row) < len(header):
            # a row that leaves out its trailing empty fields, as Python's csv and Excel read
            # it: the fields it omits are empty
            short.append(taken[0][0])
            row = row + [""] * (len(header) - len(row))
        quotes = sum(text.count('"') for _, text in taken)
        yield from _checked_row(
            taken[0][0], taken[-1][0], row, header, lines, name, report, unnamed, quotes % 2 == 1
        )
    if short:
        shown = ", ".join(map(str, short[:5])) + (", ..." if len(short) > 5 else "")
        log.info(
            "%s: %d row%s fewer fields than the header (%d): the missing last fields read as "
            "empty (line%s %s)",
            name,
            len(short),
            "s have" if len(short) > 1 else " has",
            len(header),
            "s" if len(short) > 1 else "",
            shown,
        )
    if separators:
        rows = "row" if separators == 1 else "rows"
        log.info("%s: %d %s with no cell filled (separators alone) skipped", name, separators, rows)
    if not read_any:  # a header alone: an export of a day with no articles, or a cut one
        report(name, 1, "empty_file", "empty file: no records after the header", "warning")


_EXCEL_SEP = re.compile(r'^\ufeff?"?sep=([,;\t|])"?\s*$')


def _csv_header(
    ahead: list[tuple[int, str]], lines: _Lines, delimiter: str | None, columns: ColumnResolver
) -> int | None:
    """Where in ``ahead`` (lines read so far, with their numbers) the header is, reading more
    of ``lines`` into it as needed: the first of the first ``HEADER_SEARCH_LINES`` lines whose
    cells name a text or title column, each split by ``delimiter`` or the one it shows.
    ``None`` when none does."""
    for i in range(HEADER_SEARCH_LINES):
        if i == len(ahead):
            try:
                text = next(lines)
            except StopIteration:
                return None
            ahead.append((lines.count, text))
        text = ahead[i][1]
        if text.strip() and _names_a_field(_line_names(text, delimiter), columns, first=i == 0):
            return i
    return None


#: Lines a record with stray quotes may run over when it is read again leniently.
_LENIENT_LINES = 200


def _stray_quotes_read(
    taken: list[tuple[int, str]], feed: _Feed, delimiter: str, width: int
) -> tuple[list[str], int] | None:
    """The fields of a record that ``csv`` refused, read with stray quotes as text, and the
    number of its last line; ``None`` unless that gives exactly ``width`` fields. Lines read
    past the record go back to ``feed``."""
    lines = list(taken[:_LENIENT_LINES])
    while True:
        parsed = _lenient_fields("".join(text for _, text in lines), delimiter, width)
        if parsed is not None or len(lines) >= _LENIENT_LINES:
            break
        try:
            text = next(feed)
        except StopIteration:
            parsed = _lenient_fields("".join(text for _, text in lines), delimiter, width, eof=True)
            break
        lines.append(feed.taken[-1] if feed.taken else (lines[-1][0] + 1, text))
    if parsed is None or len(parsed[0]) != width:
        feed.again(lines[len(taken) :])  # the lines read ahead, for the strict reading
        feed.record()
        return None
    fields, used = parsed[0], min(parsed[1], len(lines))
    feed.again([*lines[used:], *taken[len(lines) :]])
    return fields, lines[used - 1][0]


def _lenient_fields(
    text: str, delimiter: str, width: int, eof: bool = False
) -> tuple[list[str], int] | None:
    """One CSV record of ``width`` fields from the start of ``text``, quotes inside a quoted
    field read as text: such a quote ends the field only before a separator (when more fields
    are to come) or a line end (when it is the last field), a doubled one before them being a
    quote and the end. The fields and how many lines the record took, or ``None`` when
    ``text`` ends inside it (unless ``eof``); no fields when it is not a record read so."""
    fields: list[str] = []
    i, n = 0, len(text)
    ends = ("\r", "\n", "")
    while True:
        value: list[str] = []
        last = len(fields) + 1 >= width  # the field the record ends with
        closing = ends if last else (delimiter,)
        if i < n and text[i] == '"':
            i += 1
            while True:
                if i >= n:  # a quote open to the end: not a record read as text
                    return ([], 0) if eof else None
                ch = text[i]
                if ch == '"':
                    after = text[i + 1] if i + 1 < n else ""
                    if text[i - 1] in (delimiter, "\n", "\r") and i - 1 > 0:
                        return [], 0  # a quote opening a field: another record, not text
                    if after == '"':
                        beyond = text[i + 2] if i + 2 < n else ""
                        value.append('"')
                        i += 2
                        if beyond in closing:  # "Jokowi: "Saya Siap"",: a quote, then the end
                            break
                        continue
                    if after in closing:
                        i += 1
                        break
                value.append(ch)
                i += 1
        while i < n and text[i] not in (delimiter, "\r", "\n"):
            value.append(text[i])
            i += 1
        fields.append("".join(value))
        if i < n and text[i] == delimiter:
            i += 1
            continue
        if i >= n and not eof:
            return None
        return fields, text.count("\n", 0, i) + 1


def _unnamed(names: list[str], header: list[str]) -> frozenset[str]:
    """The columns of ``header`` (made of ``names``) that have no name (``column_8``): a sheet
    formatted beyond its table pads every row with empty cells."""
    return frozenset(h for raw, h in zip(names, header, strict=True) if not raw.strip())


def _without_empty_unnamed(record: Record, unnamed: frozenset[str]) -> Record:
    """``record`` without the empty cells of columns that have no name: padding, not fields
    (a cell of such a column that holds something is kept, under ``column_N``)."""
    if not unnamed:
        return record
    return {
        k: v
        for k, v in record.items()
        if k not in unnamed or (v.strip() if isinstance(v, str) else v is not None)
    }


def _checked_row(
    start: int,
    end: int,
    row: list[str],
    header: list[str],
    lines: _Lines,
    name: str,
    report: _Report,
    unnamed: frozenset[str] = frozenset(),
    odd_quotes: bool = True,
) -> Iterator[tuple[int, Record]]:
    """The record of a row of ``header``'s width; a ``field_count`` error for another. A row
    over several lines blames a quote only when its lines hold an odd number of them
    (``odd_quotes``): a quoted body over several lines is no sign of one."""
    if len(row) != len(header):
        span = ""
        if end > start:
            quote = ": unbalanced quote?" if odd_quotes else ""
            span = f" (record runs to line {end}{quote})"
        message = f"expected {len(header)} fields, got {len(row)}{span}"
        report(name, start, "field_count", message, content=row)
        return
    if lines.bad:
        how = next((lines.bad[n] for n in range(start, end + 1) if n in lines.bad), "")
        if how:
            report(name, start, "non_utf8", how, "warning", content=row)
    yield start, _without_empty_unnamed(dict(zip(header, row, strict=True)), unnamed)


def _parquet_records(path: str, name: str, report: _Report) -> Iterator[tuple[int, Record]]:
    pq = require_pyarrow("reading Parquet").parquet
    try:
        parquet_file = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ... for bad files
        report(name, 0, "unreadable_file", f"not a readable Parquet file: {_one_line(exc)}")
        return
    row = 0
    try:
        for batch in parquet_file.iter_batches(batch_size=1024):
            for record in batch.to_pylist():
                row += 1
                yield row, record
    except (OSError, ValueError) as exc:  # ArrowInvalid is a ValueError, ArrowIOError an OSError
        report(name, row + 1, "unreadable_file", f"stopped reading: {_one_line(exc)}")
        return
    if not row:
        report(name, 1, "empty_file", "empty file: no rows", "warning")


def _cell(value: Any) -> Any:
    """A spreadsheet cell as a CSV field would give it: text, except dates (kept as dates);
    an empty cell is an empty field (an empty body beside a headline is scored on it)."""
    if value is None:
        return ""
    if isinstance(value, (str, datetime, date)):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an id typed as a number
    return str(value)


def _excel_records(
    path: str, name: str, report: _Report, columns: ColumnResolver | None = None
) -> Iterator[tuple[int, Record]]:
    """Rows of the sheets of an ``.xlsx`` workbook that have a header. With ``columns``,
    the header is the first of a sheet's first ``HEADER_SEARCH_LINES`` rows that names a text
    or title column (see :func:`iter_records`), and a sheet without one (a vendor's summary
    before the data) is passed over, saying so; every sheet with one is read (a workbook of a
    sheet per day), a later sheet's rows numbered after the earlier ones' (its row N is the
    line of the rows before plus N, said in the log). Without ``columns``, the first sheet's
    rows under its first row."""
    try:
        import openpyxl
    except ImportError as exc:
        hint = "pip install 'media-analytics[excel]' (or pip install openpyxl), or save it as CSV"
        raise ImportError(f"reading {name} needs openpyxl: {hint}") from exc
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException, ...
        report(name, 0, "unreadable_file", f"not a readable .xlsx workbook: {_one_line(exc)}")
        return
    try:
        sheets = book.worksheets if columns is not None else book.worksheets[:1]
        passed: list[str] = []  # the sheets before the first read, which hold no header
        first_miss: tuple[int, list[tuple[int, str]]] | None = None
        read: list[str] = []  # the sheets read
        offset = 0  # rows of the sheets read before: a later sheet's rows are numbered on
        for sheet in sheets:
            header: list[str] | None = None
            rows = enumerate(sheet.iter_rows(values_only=True), 1)
            written: list[tuple[int, str]] = []  # the rows looked at that are not blank
            seen = 0
            for seen, values in rows:
                names = ["" if v is None else str(v) for v in values]
                if columns is None or _names_a_field(names, columns, first=seen == 1):
                    header = _unique_header(names)
                    unnamed = _unnamed(names, header)
                    break
                if any(n.strip() for n in names):
                    written.append((seen, ", ".join(n for n in names if n.strip())))
                if seen >= HEADER_SEARCH_LINES:
                    break
            if header is None:
                if not read:
                    passed.append(sheet.title)
                    if first_miss is None:
                        first_miss = (seen, written)
                else:
                    log.info("%s: sheet %r not read: no header row with a text or title "
                             "column", name, sheet.title)  # fmt: skip
                continue
            if passed and not read:
                log.info(
                    "%s: sheet %r read (rows numbered within it); %s before it hold%s no header "
                    "row with a text or title column",
                    name,
                    sheet.title,
                    ", ".join(map(repr, passed)),
                    "s" if len(passed) == 1 else "",
                )
            elif read:
                # a workbook of a sheet per day: every sheet with a header is read, its rows
                # numbered after the earlier sheets' so that a line names one row
                log.info(
                    "%s: sheet %r read too, after %s: its row N is line %d+N",
                    name,
                    sheet.title,
                    ", ".join(map(repr, read)),
                    offset,
                )
            read.append(sheet.title)
            _header_skipped(name, "row", seen, 1)
            read_any = False
            last = seen
            for line, values in rows:
                last = line
                if all(v is None for v in values):
                    continue
                cells = [_cell(v) for v in values][: len(header)]
                cells += [""] * (len(header) - len(cells))
                read_any = True
                record = _without_empty_unnamed(dict(zip(header, cells, strict=True)), unnamed)
                yield offset + line, record
            if not read_any:
                where = f" {sheet.title!r}" if len(sheets) > 1 else ""
                message = f"empty sheet{where}: no rows after the header"
                report(name, offset + 1, "empty_file", message, "warning")
            offset += last
        if not read:
            others = f" (nor do its other sheets: {', '.join(map(repr, passed[1:]))})"
            if first_miss is None or columns is None or not first_miss[1]:
                report(name, 1, "empty_file", "empty sheet: no header row", "warning")
            else:
                seen, written = first_miss
                said = _no_header(columns, "row", seen, written[0])
                report(name, 0, "no_header", said + (others if len(passed) > 1 else ""))
    finally:
        book.close()


def require_pyarrow(purpose: str) -> Any:
    """Import pyarrow (with ``pyarrow.parquet``) or fail with a pip hint."""
    try:
        import pyarrow
        import pyarrow.parquet  # makes pyarrow.parquet available as an attribute
    except ImportError as exc:
        hint = "pip install 'media-analytics[parquet]' (or pip install pyarrow)"
        raise ImportError(f"{purpose} needs pyarrow: {hint}") from exc
    return pyarrow


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]
