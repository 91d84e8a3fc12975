"""Streaming article readers: JSONL, CSV/TSV, Parquet, directories, globs and stdin.

Files are read record by record and never loaded whole. A bad record never stops a
read: it is reported as ``file:line: why`` to a :class:`~media_analytics.corpus.Rejects`
(or logged when none is given) and reading goes on.

Decisions worth knowing:

- Bytes that are not valid UTF-8 are decoded with U+FFFD replacement characters and
  the record is kept, with a ``non_utf8`` warning for its line: one bad byte in a
  scraped body should not cost the article, and the warning says where to look.
- A body longer than ``max_text_chars`` is cut and kept (``text_truncated`` warning).
- A body that looks like an HTML page is kept and flagged (``html_content`` warning);
  removing markup is the preprocessing step's job.
- Blank lines are skipped silently. ``.gz`` files are decompressed on the fly.
- The CSV delimiter is sniffed from the header line (``,``, ``;``, tab or ``|``);
  ``.tsv`` files always use tabs.
"""

from __future__ import annotations

import csv
import glob
import gzip
import json
import logging
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, cast

from .article import Article, Issue, build_article
from .columns import ColumnResolver
from .dates import numeric_date_order
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
_NUMERIC_DAY = re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b")


def read_articles(
    paths: PathsLike,
    *,
    column_map: Mapping[str, str] | None = None,
    rejects: Rejects | None = None,
    max_text_chars: int = 1_000_000,
    dayfirst: DateOrder = None,
) -> Iterator[Article]:
    """Stream articles from files, directories, globs or standard input.

    Parameters
    ----------
    paths : path, glob, ``"-"`` or an iterable of them
        Files (``.jsonl``, ``.ndjson``, ``.json`` with one object per line, ``.csv``,
        ``.tsv``, ``.parquet``; optionally ``.gz``-compressed except Parquet),
        directories (searched recursively for those suffixes), glob patterns
        (``data/**/*.csv``) and ``"-"`` for standard input (JSONL or CSV, sniffed).
    column_map : mapping of str to str, optional
        ``{input column: contract field}`` for columns the built-in aliases do not
        know; see :class:`~media_analytics.corpus.columns.ColumnResolver`.
    rejects : Rejects, optional
        Collects one ``file:line: why`` entry per problem. Without it, problems are
        logged as warnings.
    max_text_chars : int, default 1_000_000
        Longer bodies are cut to this length, with a warning.
    dayfirst : bool, None or "auto", default None
        Order of numeric ``a/b/YYYY`` dates: ``True`` day first, ``False`` month first,
        ``None`` only dates that read one way (see :func:`~media_analytics.corpus.parse_date`);
        ``"auto"`` settles one order per file from its first date that reads only one way
        (``10/21/2025``: month first), looking at most ``DATE_ORDER_LOOKAHEAD`` records
        ahead, and reads the file day first (the Indonesian habit) when none does.

    Yields
    ------
    Article
        In input order. A record whose id repeats one of the last ``REPEATED_ID_WINDOW`` ids
        read is reported (``repeated_id``, naming where the first was read) and skipped: the
        first record of an id is kept.

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
    return _read(files, converter)


def _read(
    files: list[str], converter: Converter, transform: Transform | None = None
) -> Iterator[Article]:
    # id -> where it was read, for the last REPEATED_ID_WINDOW articles (oldest first)
    seen: dict[str, str] = {}
    for path in files:
        name = _STDIN_NAME if path == STDIN else path
        records = iter_records(path, converter.report)
        if transform is not None:
            records = ((line, transform(record)) for line, record in records)
        if converter.dayfirst == "auto":
            records = converter.settle_date_order(name, records)
        for line, record in records:
            article = converter(name, line, record)
            if article is None:
                continue
            first = seen.get(article.id)
            if first is not None:
                # Two records under one id would be stored as one article (the later one
                # overwriting the first, and counted as changed on every run after): the first
                # is kept and the repeat reported.
                converter.report(
                    name, line, "repeated_id",
                    f"id {article.id!r} was already read at {first}; the first record is kept",
                )  # fmt: skip
                continue
            seen[article.id] = f"{name}:{line}"
            if len(seen) > REPEATED_ID_WINDOW:
                del seen[next(iter(seen))]
            yield article


def expand_paths(paths: PathsLike) -> list[str]:
    """Turn files, directories, globs and ``"-"`` into a sorted list of files to read."""
    items = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    files: list[str] = []
    for item in items:
        text = os.fspath(item)
        path = Path(text)
        if text == STDIN:
            files.append(STDIN)
        elif path.is_dir():
            files.extend(str(p) for p in sorted(path.rglob("*")) if _is_article_file(p))
        elif path.exists():
            files.append(text)
        elif glob.has_magic(text):
            matches = sorted(glob.glob(text, recursive=True))
            found = [m for m in matches if _is_article_file(Path(m))]
            if not found:
                raise FileNotFoundError(f"no article files match {text!r}")
            files.extend(found)
        else:
            raise FileNotFoundError(f"no such file or directory: {text!r}")
    return files


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
    return path.is_file() and not path.name.startswith(".") and fmt is not None


class Converter:
    """Turns raw records (dicts keyed by input column) into articles, reporting problems."""

    def __init__(
        self,
        column_map: Mapping[str, str] | None,
        rejects: Rejects | None,
        *,
        max_text_chars: int | None = 1_000_000,
        dayfirst: DateOrder = None,
    ) -> None:
        if dayfirst not in (True, False, None, "auto"):
            raise ValueError(f'dayfirst must be True, False, None or "auto", not {dayfirst!r}')
        self.resolver = ColumnResolver(column_map)
        self.report = _Report(rejects)
        self.max_text_chars = max_text_chars
        self.dayfirst = dayfirst
        # under "auto": the order settled for the file being read, and how it was settled
        self._file_dayfirst: bool | None = True
        self._order_note = ""
        self._mappings: dict[tuple[str, ...], dict[str, str]] = {}

    def _mapping(self, record: Record) -> dict[str, str]:
        keys = tuple(record)
        mapping = self._mappings.get(keys)
        if mapping is None:
            if len(self._mappings) >= _MAPPING_CACHE_SIZE:  # JSONL with ever-changing keys
                self._mappings.clear()
            mapping = self._mappings[keys] = self.resolver.resolve(keys)
        return mapping

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
        numeric = False  # any numeric date met, so that the order matters
        for line, record in records:
            ahead.append((line, record))
            column = self._mapping(record).get("published_at")
            value = record.get(column) if column is not None else None
            numeric = numeric or (isinstance(value, str) and _NUMERIC_DAY.search(value) is not None)
            order = numeric_date_order(value)
            if order is not None:
                way = "day" if order else "month"
                self._order_note = (
                    f"numeric dates read {way} first, as {unit} {line} shows ({value!r})"
                )
                break
            if len(ahead) >= DATE_ORDER_LOOKAHEAD:
                break
        if order is None:
            self._order_note = (
                f"no date in the first {len(ahead)} records shows whether day or month comes "
                "first: numeric dates read day first"
            )
        self._file_dayfirst = True if order is None else order
        if order is not None:
            log.info("%s: %s", name, self._order_note)
        elif numeric:  # a guess: a daily file of a month-first source (10/05/2025) looks the same
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

    def __call__(self, name: str, line: int, record: Record) -> Article | None:
        mapping = self._mapping(record)
        fields = {field: record[column] for field, column in mapping.items()}
        used = set(mapping.values())
        extra = {k: v for k, v in record.items() if k not in used}
        auto = self.dayfirst == "auto"
        dayfirst = self._file_dayfirst if auto else self.dayfirst
        article, issues = build_article(
            fields,
            extra,
            dayfirst=cast("bool | None", dayfirst),
            max_text_chars=self.max_text_chars,
        )
        for issue in issues:
            if auto and issue.reason == "bad_date":
                issue = Issue(issue.reason, f"{issue.message} ({self._order_note})", issue.severity)
            if issue.reason == "missing_text" and "text" not in mapping:
                # say what the record has and how to point at its text: the usual cause is a
                # whole export whose text column has a name no alias knows
                columns = ", ".join(map(str, list(record)[:12])) or "none"
                given = [c for c, f in self.resolver.column_map.items() if f == "text"]
                if given:
                    why = f"--column {given[0]}=text names a column this record does not have"
                else:
                    looked_for = ", ".join(self.resolver.text_candidates()[:6])
                    why = f"looked for {looked_for}, ...; name it with --column COLUMN=text"
                issue = Issue(issue.reason, f"no text field ({why}); columns: {columns}", "error")
            self.report(name, line, *issue)
        return article


# ---------------------------------------------------------------------------- records


def iter_records(path: str, report: _Report) -> Iterator[tuple[int, Record]]:
    """Yield ``(line, record)`` from one file (or ``"-"``), reporting unreadable records."""
    name = _STDIN_NAME if path == STDIN else path
    if path != STDIN and _suffix_format(Path(path)) == "parquet":
        yield from _parquet_records(path, name, report)
        return
    if path != STDIN and _suffix_format(Path(path)) == "excel":
        yield from _excel_records(path, name, report)
        return
    stream: IO[bytes]
    if path == STDIN:
        stream = sys.stdin.buffer
    elif path.lower().endswith(".gz"):
        stream = cast(IO[bytes], gzip.open(path, "rb"))  # noqa: SIM115 - closed below
    else:
        stream = open(path, "rb")  # noqa: SIM115 - closed below
    try:
        fmt = _suffix_format(Path(path)) if path != STDIN else None
        if fmt is None:
            fmt = _sniff_format(stream)
        if fmt == "parquet":  # an unknown suffix with Parquet's magic bytes
            if path == STDIN:
                report(name, 0, "unreadable_file", "Parquet cannot be read from standard input")
            else:
                yield from _parquet_records(path, name, report)
        elif fmt == "jsonl":
            yield from _jsonl_records(stream, name, report)
        elif fmt == "text" and _text_is_table(stream):  # "Text (tab delimited)" exports
            yield from _csv_records(stream, name, report, delimiter=None)
        elif fmt == "text":
            yield from _text_record(stream, name, report)
        else:
            tab = path.lower().removesuffix(".gz").endswith(".tsv")
            yield from _csv_records(stream, name, report, delimiter="\t" if tab else None)
    except (OSError, EOFError, zlib.error) as exc:  # truncated or corrupt compressed file
        report(name, 0, "unreadable_file", f"stopped reading: {exc}")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _sniff_format(stream: IO[bytes]) -> str:
    peek = getattr(stream, "peek", None)  # buffered files, gzip files and stdin have it
    head = peek(4096)[:4096] if peek is not None else b""
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PAR1"):
        return "parquet"
    return "jsonl" if head.startswith(b"{") else "csv"


_HEADER_FIELD = re.compile(r"^[\w.-]{1,40}$")


def _text_is_table(stream: IO[bytes]) -> bool:
    """Whether a ``.txt`` file is a table: its first line a header of column names.

    A header is two or more fields split by a tab, ``;``, ``|`` or ``,``, either naming a
    text column the readers know (``isi``, ``Text Tweet``) or all plain names without spaces
    (``id;judul;isi``); a title line with a comma has words with spaces between them.
    """
    peek = getattr(stream, "peek", None)
    head = peek(4096)[:4096] if peek is not None else b""
    first = head.decode("utf-8", "replace").lstrip("\ufeff").split("\n", 1)[0].strip()
    for delimiter in _DELIMITERS:
        fields = [f.strip().strip('"') for f in first.split(delimiter)]
        if len(fields) < 2:
            continue
        if "text" in ColumnResolver(None).resolve(fields):
            return True
        if all(_HEADER_FIELD.match(f) for f in fields):
            return True
    return False


def _decode(raw: bytes) -> tuple[str, bool]:
    """Decode one line; bad bytes become U+FFFD and the flag says so."""
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace"), True


def _jsonl_records(stream: IO[bytes], name: str, report: _Report) -> Iterator[tuple[int, Record]]:
    for line, raw in enumerate(stream, 1):
        text, bad_bytes = _decode(raw)
        if line == 1:
            text = text.lstrip("\ufeff")
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except (ValueError, RecursionError) as exc:
            report(name, line, "invalid_json", f"invalid JSON: {_one_line(exc)}")
            continue
        if not isinstance(obj, dict):
            kind = "an array" if isinstance(obj, list) else f"a {type(obj).__name__}"
            hint = " (write one object per line, not one array)" if isinstance(obj, list) else ""
            report(name, line, "not_object", f"a JSON line must be an object, got {kind}{hint}")
            continue
        if bad_bytes:
            report(name, line, "non_utf8", "bytes that are not UTF-8 were replaced", "warning")
        yield line, obj


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
    text, bad_bytes = _decode(stream.read())
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if bad_bytes:
        report(name, 1, "non_utf8", "bytes that are not UTF-8 were replaced", "warning")
    record: Record = {"file": Path(name).name}
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if rest.strip() and len(first) <= _TITLE_MAX_CHARS and not first.endswith(_SENTENCE_END):
        record["title"], text = first, rest
    record["text"] = text.strip()
    yield 1, record


class _Lines:
    """Iterates decoded lines of a binary stream, remembering which had bad bytes."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = iter(stream)
        self.count = 0
        self.bad: set[int] = set()

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw = next(self._stream)
        self.count += 1
        text, bad_bytes = _decode(raw)
        if self.count == 1:
            text = text.lstrip("\ufeff")
        if bad_bytes:
            self.bad.add(self.count)
        return text


def _sniff_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


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


def _csv_records(
    stream: IO[bytes], name: str, report: _Report, *, delimiter: str | None
) -> Iterator[tuple[int, Record]]:
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    lines = _Lines(stream)
    try:
        first = next(lines)
    except StopIteration:
        report(name, 1, "empty_file", "empty file: no header line", "warning")
        return
    # strict: a stray quote is an error for that record (reported, reading goes on)
    # instead of silently gluing the following lines into one field.
    reader = csv.reader(
        _chain(first, lines), delimiter=delimiter or _sniff_delimiter(first), strict=True
    )
    try:
        header = _unique_header(next(reader))
    except csv.Error as exc:  # a binary file (a spreadsheet, an archive) under a text name
        report(name, 1, "unreadable_file", f"not a readable CSV file: {_one_line(exc)}")
        return
    previous = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            hint = " (unbalanced quote?)" if "end of data" in str(exc) else ""
            message = f"unreadable CSV record: {_one_line(exc)}{hint}"
            report(name, previous + 1, "csv_error", message)
            previous = reader.line_num
            continue
        start, end = previous + 1, reader.line_num
        previous = end
        if not row:
            continue
        if len(row) != len(header):
            span = f" (record runs to line {end}: unbalanced quote?)" if end > start else ""
            message = f"expected {len(header)} fields, got {len(row)}{span}"
            report(name, start, "field_count", message)
            continue
        if lines.bad and any(n in lines.bad for n in range(start, end + 1)):
            report(name, start, "non_utf8", "bytes that are not UTF-8 were replaced", "warning")
        yield start, dict(zip(header, row, strict=True))


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


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


def _cell(value: Any) -> Any:
    """A spreadsheet cell as a CSV field would give it: text, except dates (kept as dates)."""
    if value is None or isinstance(value, (str, datetime, date)):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an id typed as a number
    return str(value)


def _excel_records(path: str, name: str, report: _Report) -> Iterator[tuple[int, Record]]:
    """Rows of the first sheet of an ``.xlsx`` workbook; the first row is the header."""
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
        rows = book.worksheets[0].iter_rows(values_only=True)
        header_row = next(rows, None)
        if header_row is None:
            report(name, 1, "empty_file", "empty sheet: no header row", "warning")
            return
        header = _unique_header(["" if v is None else str(v) for v in header_row])
        for line, values in enumerate(rows, 2):
            if all(v is None for v in values):
                continue
            cells = [_cell(v) for v in values][: len(header)]
            cells += [None] * (len(header) - len(cells))
            yield line, dict(zip(header, cells, strict=True))
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
