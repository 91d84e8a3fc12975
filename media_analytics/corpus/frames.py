"""DataFrames and lists of dicts read as the file readers read the records of one file.

``MediaPipeline.score_frame`` and ``MediaPipeline.fit`` read their input here, so that a frame
gives the articles its CSV would give :func:`~media_analytics.corpus.read_articles`:

- columns are matched by the same aliases (``judul``, ``isi_berita``, ``tanggal``) and
  ``column_map``; an index named like a field no column holds (``df.set_index("id")``) is
  read as that field;
- an empty cell (``NaN``, ``None``, ``pd.NA``) is what an empty CSV cell is: an empty body
  beside a headline is scored on the headline, with a ``no_content`` warning; a count or a
  total with no date or URL (a summary row: ``Total``, ``67 artikel``) is left out
  (``not_article``);
- a repeated id keeps its first row; each later one is reported (``repeated_id``, naming the
  row that has the id) and left out;
- every row is read before the first article is handed on, so that a row that cannot be used
  stops the call (without ``rejects``) before any article is scored or fitted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import pandas as pd

from .article import Article, _missing
from .readers import _RECORDS_NAME, Converter, DateOrder, Record, _record_id
from .rejects import Rejects
from .writers import _plain

__all__ = ["FRAME_NAME", "RECORDS_NAME", "read_frame", "read_records"]

log = logging.getLogger(__name__)

#: What the rejects of a frame give as their ``file`` (their ``line`` is the row's position).
FRAME_NAME = "DataFrame"
#: The same for a list of dicts (their ``line`` is the record's position in the list).
RECORDS_NAME = _RECORDS_NAME


def read_frame(
    frame: pd.DataFrame,
    *,
    column_map: Mapping[str, str | None] | None = None,
    dayfirst: DateOrder = "auto",
    rejects: Rejects | None = None,
    max_text_chars: int | None = 1_000_000,
) -> list[tuple[int, Article]]:
    """The articles of a DataFrame's rows, as the file readers read a file's records.

    Parameters
    ----------
    frame : DataFrame
        One article a row. Its columns are matched as a file's are (contract names, aliases
        such as ``judul``, ``isi_berita``, ``tanggal``; ``column_map`` names others); a named
        index that matches a field no column holds (``df.set_index("id")``) is read as that
        field.
    column_map, dayfirst, max_text_chars
        As in :func:`~media_analytics.corpus.read_articles` (``dayfirst="auto"`` settles one
        order of numeric dates for the whole frame).
    rejects : Rejects, optional
        Collects the rows left out and the warnings, each with the row's position (from 0) in
        place of a line number and ``DataFrame`` as its file. Without it the first row that
        cannot be used raises, and the warnings are logged in one line.

    Returns
    -------
    list of (int, Article)
        The position of each row kept, with its article, in frame order. A missing cell is an
        empty one (an empty body beside a headline and a date or a URL is kept, with a
        ``no_content`` warning; beside a headline alone, the row is left out); a
        repeated id keeps its first row and the later ones are left out (``repeated_id``).

    Raises
    ------
    ValueError
        Without ``rejects``, for the first row that cannot be used, as
        ``row 4 (index 'b'): <why>``; every row before it was only read, not scored.
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"read_frame takes a pandas DataFrame, got {type(frame).__name__}")
    found = Rejects() if rejects is None else rejects
    converter = Converter(column_map, found, max_text_chars=max_text_chars, dayfirst=dayfirst)
    columns = [str(c) for c in frame.columns]
    from_index = _index_fields(frame, converter, columns)
    labels = frame.index

    def rows() -> Iterator[tuple[int, Record]]:
        for i, values in enumerate(frame.itertuples(index=False, name=None)):
            record = {k: _cell(v) for k, v in zip(columns, values, strict=True)}
            for name, level in from_index:
                record[name] = _cell(level[i])
            yield i, record

    def where(i: int) -> str:
        return f"row {i} (index {_plain(labels[i])!r})"

    return _read_rows(rows(), converter, found, rejects, FRAME_NAME, where, "row")


def read_records(
    records: Iterable[Mapping[str, Any]],
    *,
    column_map: Mapping[str, str | None] | None = None,
    dayfirst: DateOrder = "auto",
    rejects: Rejects | None = None,
    max_text_chars: int | None = 1_000_000,
    positions: Iterable[int] | None = None,
) -> list[tuple[int, Article]]:
    """The articles of dicts keyed like a file's records (``df.to_dict("records")``, JSON).

    As :func:`read_frame` (aliases, ``column_map``, a missing body read as an empty one,
    repeated ids), each dict a record; problems name ``record <position>`` and the rejects
    ``<records>`` as their file. ``positions`` numbers the records otherwise than 0, 1, ...
    (a list whose other items are already articles).
    """
    found = Rejects() if rejects is None else rejects
    converter = Converter(column_map, found, max_text_chars=max_text_chars, dayfirst=dayfirst)

    def rows() -> Iterator[tuple[int, Record]]:
        numbers = iter(positions) if positions is not None else None
        for k, record in enumerate(records):
            position = next(numbers) if numbers is not None else k
            if not isinstance(record, Mapping):
                raise TypeError(
                    f"record {position}: an article is a dict or an Article, got "
                    f"{type(record).__name__}"
                )
            yield position, {str(key): _cell(value) for key, value in record.items()}

    return _read_rows(rows(), converter, found, rejects, RECORDS_NAME, "record {}".format, "record")


def _cell(value: Any) -> Any:
    """A frame's value as a record holds it: numpy scalars as Python ones, missing as None."""
    return None if _missing(value) else _plain(value)


def _index_fields(
    frame: pd.DataFrame, converter: Converter, columns: list[str]
) -> list[tuple[str, pd.Index]]:
    """The index levels to read as fields: those named like a field that no column holds
    (``df.set_index("id")`` leaves the ids in the index), each with its values."""
    named = {
        str(name): level
        for level, name in enumerate(frame.index.names)
        if name is not None and str(name) not in columns
    }
    if not named:
        return []
    by_columns = converter.resolver.resolve(columns)
    by_all = converter.resolver.resolve([*columns, *named])
    out = []
    for field, name in by_all.items():
        if name in named and field not in by_columns:
            log.info("the frame's index %r is read as the articles' %s", name, field)
            out.append((name, frame.index.get_level_values(named[name])))
    return out


def _read_rows(
    rows: Iterable[tuple[int, Record]],
    converter: Converter,
    found: Rejects,
    rejects: Rejects | None,
    name: str,
    where: Callable[[int], str],
    unit: str,
) -> list[tuple[int, Article]]:
    """Convert every row (see :func:`read_frame`); raise on the first unusable one when the
    caller gave no ``rejects`` (``found`` then collects the warnings, logged at the end)."""
    if converter.dayfirst == "auto":
        rows = converter.settle_date_order(name, rows, unit=unit)
    kept: list[tuple[int, Article]] = []
    first_of: dict[str, int] = {}  # article id -> the position of its first row
    for i, record in rows:
        mapping = converter._mapping(record)
        column = mapping.get("text")
        if column is not None and record[column] is None:
            # a cell left empty: the empty body of a CSV, not a record without a body
            record[column] = ""
        errors = len(found.errors)
        article = converter(name, i, record)
        if article is None:
            if rejects is None and len(found.errors) > errors:
                raise ValueError(f"{where(i)}: {found.errors[-1].message}")
            continue
        first = first_of.setdefault(article.id, i)
        if first == i:
            kept.append((i, article))
            continue
        # two rows under one id would be one article to duplicate marking and to the reports
        # (the later row hiding the first): the first is kept, as the file readers keep it
        if _record_id(record, mapping, None) is not None:
            why = f"id {article.id!r} was already read at {where(first)}"
            advice = "give each article its own id"
        else:
            why = f"the same article as {where(first)} (no id given; both derive {article.id!r})"
            advice = f"drop the repeated {unit}"
        if rejects is None:
            raise ValueError(
                f"{where(i)}: {why}: {advice}, or pass rejects= to keep the first {unit} and "
                "report this one"
            )
        converter.report(
            name, i, "repeated_id", f"{why}; the first {unit} is kept", record_id=article.id
        )
    if rejects is None and found.warnings:
        first_warning = found.warnings[0]
        log.warning(
            "%d %s(s) kept with a warning; the first, %s: %s",
            len(found.warnings),
            unit,
            where(first_warning.line),
            first_warning.message,
        )
    return kept
