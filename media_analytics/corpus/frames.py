"""DataFrames and lists of dicts read as the file readers read the records of one file.

``MediaPipeline.score_frame`` and ``MediaPipeline.fit`` read their input here, so that a frame
gives the articles its CSV would give :func:`~media_analytics.corpus.read_articles`:

- columns are matched by the same aliases (``judul``, ``isi_berita``, ``tanggal``) and
  ``column_map``; an index named like a field no column holds (``df.set_index("id")``) is
  read as that field;
- an empty cell (``NaN``, ``None``, ``pd.NA``) is what an empty CSV cell is: an empty body
  beside a headline is scored on the headline, with a ``no_content`` warning, a headline
  alone (no date, no URL) too; a count or a total with no date or URL (a summary row:
  ``Total``, ``67 artikel``) is left out (``not_article``);
- a repeated id keeps its first row; each later one is reported (``repeated_id``, naming the
  row that has the id) and left out;
- with ``dayfirst="auto"``, numeric dates are read in the order of each outlet's own dates
  (the ``source`` column), as a file's are read in the order of the file's: a frame is often
  several exports joined, detik's ``10/21/2025`` beside another outlet's ``21/10/2025``;
- every row is read before the first article is handed on, so that a row that cannot be used
  stops the call (without ``rejects``) before any article is scored or fitted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import pandas as pd

from .article import Article, _missing
from .dates import numeric_date_order, reads_both_ways
from .ids import outlet_of
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
        As in :func:`~media_analytics.corpus.read_articles`, except that ``dayfirst="auto"``
        settles the order of numeric dates per outlet (the ``source`` column, else the URL's
        domain) rather than per file: each outlet's rows are read in the order of the outlet's
        first date that reads only one way (``10/21/2025``: month first), wherever it stands
        in the frame. An outlet none of whose dates tells takes the other outlets' order (the
        order of most of them when they differ, with a ``mixed_date_order`` warning counting
        its dates read on that guess), or day first when no date of the frame tells. A date of
        an outlet that reads only the other way is read that way, with one
        ``mixed_date_order`` warning for the outlet counting its dates that read both ways
        (read in the outlet's order, a guess). Without a source column the frame is one
        outlet.
    rejects : Rejects, optional
        Collects the rows left out and the warnings, each with the row's position (from 0) in
        place of a line number and ``DataFrame`` as its file. Without it the first row that
        cannot be used raises, and the warnings are logged in one line.

    Returns
    -------
    list of (int, Article)
        The position of each row kept, with its article, in frame order. A missing cell is an
        empty one: an empty body beside a headline is kept, scored on the headline with a
        ``no_content`` warning (a headline alone, with no date or URL, too), unless the row
        has neither a date nor a URL and its headline is a count or a total (``Total``,
        ``67 artikel``, ``Jumlah berita: 67``), or its body is one under no headline or such a
        headline: a summary row, left out (``not_article``). A repeated id keeps its first row
        and the later ones are left out (``repeated_id``).

    Raises
    ------
    ValueError
        When no column of the frame is read as the text (a body column named as no alias
        knows, or a ``column_map`` entry naming no column), with ``rejects`` or without and
        before any row is read: the message names the frame's columns and the names looked
        for. Without ``rejects``, for the first row that cannot be used, as
        ``row 4 (index 'b'), id 'x-5': <why>`` (the position from 0, as ``iloc`` counts; the
        id when the row gives one); every row before it was only read, not scored.

    Notes
    -----
    The frame's own problems are said once, before its rows are read: a ``column_map``
    entry that names no column (``unknown_column``), two columns named like one field
    (``content`` and ``isi``: ``ambiguous_column``, naming the one read), and no date column
    or one empty in every row (``no_date_column``) are warnings of the frame, collected in
    ``rejects`` at row 0 or logged.
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"read_frame takes a pandas DataFrame, got {type(frame).__name__}")
    found = Rejects() if rejects is None else rejects
    converter = Converter(column_map, found, max_text_chars=max_text_chars, dayfirst=dayfirst)
    columns = [str(c) for c in frame.columns]
    from_index = _index_fields(frame, converter, columns)
    labels = frame.index
    _check_columns(frame, converter, columns, from_index, rejects)

    def rows() -> Iterator[tuple[int, Record]]:
        for i, values in enumerate(frame.itertuples(index=False, name=None)):
            record = {k: _cell(v) for k, v in zip(columns, values, strict=True)}
            for name, level in from_index:
                record[name] = _cell(level[i])
            yield i, record

    def where(i: int) -> str:
        return f"row {i} (index {_plain(labels[i])!r})"

    return _read_rows(rows(), converter, found, rejects, FRAME_NAME, where, "row", "the frame")


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

    return _read_rows(
        rows(), converter, found, rejects, RECORDS_NAME, "record {}".format, "record", "the list"
    )


def _cell(value: Any) -> Any:
    """A frame's value as a record holds it: numpy scalars as Python ones, missing as None."""
    return None if _missing(value) else _plain(value)


def _check_columns(
    frame: pd.DataFrame,
    converter: Converter,
    columns: list[str],
    from_index: list[tuple[str, pd.Index]],
    rejects: Rejects | None,
) -> None:
    """Check a frame's columns once, before any row is read: raise when none is read as the
    text, warn (once, for the frame) about a ``column_map`` entry that names no column, two
    columns named like one field, and a date column missing or empty in every row.

    A file's columns are checked on its first record, and a record without a text field is
    one rejected record: a JSON file's records need not share their fields. A frame's rows
    all have its columns, so a frame without a text column is a mistake of the whole frame
    (a column named as no alias knows), not of each row: one error naming the columns it has
    and how to name the right one, with ``rejects`` or without.
    """
    keys = [*columns, *(name for name, _ in from_index)]
    mapping = converter.resolver.resolve(keys)
    read = set(mapping.values()) | converter.resolver.ignored(keys)
    headlines_only = "title" in mapping and all(k in read for k in keys)
    if "text" not in mapping and len(frame) and not headlines_only:
        # (a frame whose every column is read as another field is a headline feed: its rows are
        # scored on their titles, each with a no_content warning, as a file's are)
        given = [c for c, f in converter.resolver.column_map.items() if f == "text"]
        if given:
            why = (
                f"column_map={{{given[0]!r}: 'text'}} names no column of the frame, and no "
                "other column is read as the text"
            )
        else:
            looked_for = ", ".join(converter.resolver.candidates("text")[:8])
            why = (
                f"no column of the frame is read as the article text (looked for {looked_for}, "
                '...); name it: column_map={"COLUMN": "text"}'
            )
        shown = ", ".join(map(repr, keys[:20])) + (", ..." if len(keys) > 20 else "")
        headlines = (
            '; a frame of headlines alone: frame.assign(text="") scores each row on its '
            f"{mapping['title']!r}"
            if "title" in mapping
            else ""
        )
        raise ValueError(f"{why}; the frame's columns: {shown or 'none'}{headlines}")
    # the rows are not each checked as a file's first record is: the frame's warnings are its own
    converter._checked_file = FRAME_NAME
    problems = converter.column_problems(keys, mapping, frame=True)
    dates = mapping.get("published_at")
    if dates is not None and len(frame):
        values = (
            frame.iloc[:, columns.index(dates)] if dates in columns else dict(from_index)[dates]
        )
        if all(_cell(v) is None or (isinstance(v, str) and not v.strip()) for v in values):
            # a frame whose dates were lost on the way (a merge, a failed parse): every article
            # undated, as a file without a date column, and no report would count them
            message = (
                f"the date column {dates!r} is empty in every row, so the articles are read "
                'undated (the dates in another column? name it: column_map={"COLUMN": '
                '"published_at"})'
            )
            problems.append(("no_date_column", message))
    for reason, message in problems:
        if rejects is not None:
            rejects.add(FRAME_NAME, 0, reason, message, "warning")
        else:
            log.warning("%s: %s", FRAME_NAME, message)


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
    whole: str,
) -> list[tuple[int, Article]]:
    """Convert every row (see :func:`read_frame`); raise on the first unusable one when the
    caller gave no ``rejects`` (``found`` then collects the warnings, logged at the end)."""
    orders: _DateOrders | None = None
    if converter.dayfirst == "auto":
        rows = list(rows)  # every row is read before the first is handed on anyway
        orders = _DateOrders(rows, converter, name, unit, whole)
    kept: list[tuple[int, Article]] = []
    first_of: dict[str, int] = {}  # article id -> the position of its first row
    for i, record in rows:
        if orders is not None:
            orders.use(i)
        mapping = converter._mapping(record)
        column = mapping.get("text")
        if column is not None and record[column] is None:
            # a cell left empty: the empty body of a CSV, not a record without a body
            record[column] = ""
        errors = len(found.errors)
        article = converter(name, i, record)
        if article is None:
            if rejects is None and len(found.errors) > errors:
                given = _record_id(record, mapping, None)
                named = f", id {given!r}" if given is not None else ""
                raise ValueError(f"{where(i)}{named}: {found.errors[-1].message}")
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
    if rejects is None and found.skipped:  # a vendor's footer row: left out, said once
        first_skipped = found.skipped[0]
        log.info(
            "%d %s(s) left out, not an article; the first, %s: %s",
            len(found.skipped),
            unit,
            where(first_skipped.line),
            first_skipped.message,
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


#: How many outlets a message names before "and N more".
_NAMED_OUTLETS = 6


def _outlet(record: Record, mapping: Mapping[str, str]) -> str:
    """The outlet of a row as its article will give it: its source, else its URL's domain."""
    column = mapping.get("source")
    value = record.get(column) if column is not None else None
    if isinstance(value, Mapping):  # {"id": ..., "name": "Kompas"}, as news APIs give it
        value = value.get("name")
    name = "" if value is None else str(value).strip()
    url = record.get(mapping["url"]) if "url" in mapping else None
    if not name and isinstance(url, str):
        name = outlet_of(url)
    return name


def _outlet_key(name: str) -> str:
    """What two spellings of one outlet share: case, spacing and a leading ``www.`` aside."""
    key = " ".join(name.split()).casefold()
    return key[4:] if key.startswith("www.") and len(key) > 4 else key


class _Outlet:
    """What the dates of one outlet's rows say about their order."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.order: bool | None = None  # from its first date that reads one way
        self.shown = ""  # how: "as row 4 shows ('21/10/2025')"
        self.mixed = False  # a later date reads only the other way
        self.both: list[int] = []  # the positions of its dates that read both ways
        self.numeric = False


class _DateOrders:
    """``dayfirst="auto"`` for a frame (or a list of dicts): the order of numeric dates settled
    per outlet.

    A file is one outlet's export, or one vendor's, written in one order; a frame is often
    several exports joined (``pd.concat`` of detik's ``10/21/2025 20:43`` and another outlet's
    ``21/10/2025``), and one order for the whole frame, settled by its first date that reads one
    way, reads the other outlets' dates that read both ways (``10/09/2019``) wrongly, with one
    warning. So with a source column each outlet's rows are read in the order of the outlet's
    own first date that reads only one way, as a file's are. An outlet none of whose dates
    reads one way takes the order of the other outlets (the order of most of them when they
    differ, with a ``mixed_date_order`` warning counting its dates read on that guess), and
    day first, the Indonesian habit, when no date of the frame tells. Without a source column
    the frame is one outlet.
    """

    def __init__(
        self,
        rows: list[tuple[int, Record]],
        converter: Converter,
        name: str,
        unit: str,
        whole: str,
    ) -> None:
        self.converter = converter
        self.name = name
        self.unit = unit
        self.whole = whole
        mappings = [converter._mapping(record) for _, record in rows]
        by_outlet = any("source" in mapping for mapping in mappings)
        self.outlets: dict[str, _Outlet] = {}
        self.key_of: dict[int, str] = {}
        for (i, record), mapping in zip(rows, mappings, strict=True):
            label = _outlet(record, mapping) if by_outlet else ""
            key = _outlet_key(label)
            outlet = self.outlets.setdefault(key, _Outlet(label))
            self.key_of[i] = key
            column = mapping.get("published_at")
            value = record.get(column) if column is not None else None
            order = numeric_date_order(value)
            # (a date that shows its order reads one way only; one that reads neither way,
            # "32/13/2019", is no guess of the order either)
            both = order is None and reads_both_ways(value)
            outlet.numeric = outlet.numeric or both
            if order is None:
                if both:
                    outlet.both.append(i)
            elif outlet.order is None:
                outlet.order = order
                outlet.shown = f"as {unit} {i} shows ({value!r})"
            elif order != outlet.order:
                outlet.mixed = True
        self.by_outlet = by_outlet
        self.pending: dict[int, str] = {}  # position -> a frame-wide warning to give there
        self.fallback, self.fallback_note = self._fallback()
        self._log()

    def _fallback(self) -> tuple[bool, str]:
        """The order of the outlets whose dates tell none, and why."""
        proven = [o for o in self.outlets.values() if o.order is not None]
        days = [o.label or "(no outlet)" for o in proven if o.order]
        months = [o.label or "(no outlet)" for o in proven if not o.order]
        unproven = [o for o in self.outlets.values() if o.order is None]
        guessed = sum(len(o.both) for o in unproven)
        if not proven:
            note = (
                f"no date of {self.whole} shows whether day or month comes first: numeric "
                "dates read day first"
            )
            if any(o.numeric for o in unproven):  # a guess, as for a file without proof
                log.warning(
                    "%s: %s (%d date(s) read both ways; if the source writes the month first, "
                    "pass dayfirst=False)",
                    self.name,
                    note,
                    guessed,
                )
            return True, note
        order = len(days) >= len(months)  # most outlets' order; day first on a tie
        way = "day" if order else "month"
        if days and months and guessed:
            names = [o.label or "(no outlet)" for o in unproven if o.both]
            shown = _names([repr(n) for n in names])
            message = (
                f"the outlets of {self.whole} write numeric dates in both orders (day first: "
                f"{_names(days)}; month first: {_names(months)}): {guessed} date(s) of "
                f"{len(names)} outlet(s) with no date that reads only one way ({shown}) read "
                f"both ways and were read {way} first, as most outlets' are, a guess: they may "
                "be wrong (parse them first, or pass dayfirst=True or False for those rows)"
            )
            self.pending[min(i for o in unproven for i in o.both)] = message
        if days and months:
            return order, f"numeric dates read {way} first, as most outlets' of {self.whole}"
        return order, f"numeric dates read {way} first, as the other outlets' of {self.whole}"

    def _log(self) -> None:
        """One line for the orders settled (INFO: each is shown by a date of its outlet)."""
        proven = [o for o in self.outlets.values() if o.order is not None]
        if not self.by_outlet:
            for outlet in proven:
                way = "day" if outlet.order else "month"
                log.info("%s: numeric dates read %s first, %s", self.name, way, outlet.shown)
            return
        parts = []
        for order in (True, False):
            names = [o.label or "(no outlet)" for o in proven if o.order is order]
            if names:
                parts.append(f"{'day' if order else 'month'} first for {_names(names)}")
        if parts:
            log.info("%s: numeric dates read %s", self.name, "; ".join(parts))

    def use(self, position: int) -> None:
        """Set the converter's order for the row at ``position`` (and give a frame-wide warning
        due there)."""
        outlet = self.outlets[self.key_of[position]]
        if self.by_outlet:
            scope = f"the {self.unit}s of outlet {outlet.label or '(none)'!r}"
            named = f"of outlet {outlet.label!r} " if outlet.label else ""
        else:
            scope, named = self.whole, ""
        if outlet.order is None:
            order = self.fallback
            note = self.fallback_note
            if self.by_outlet:
                note = f"no date {named}reads only one way: {note}"
        else:
            order = outlet.order
            way = "day" if order else "month"
            note = f"numeric dates {named}read {way} first, {outlet.shown}"
        self.converter.use_date_order(order, note, scope=scope, guessed=len(outlet.both))
        if message := self.pending.pop(position, None):
            self.converter.report(self.name, position, "mixed_date_order", message, "warning")


def _names(names: list[str]) -> str:
    """Outlet names for a message, the first few."""
    shown = ", ".join(names[:_NAMED_OUTLETS])
    more = len(names) - _NAMED_OUTLETS
    return f"{shown} and {more} more" if more > 0 else shown
