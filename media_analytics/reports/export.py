"""CSV (always) and Excel (when openpyxl is installed) exports of every report table."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pandas as pd

from .layout import _PROBABILITY, TABLE_TITLES

__all__ = ["DECIMALS", "P_VALUE_DIGITS", "rounded", "spreadsheet_safe", "write_csv", "write_excel"]

logger = logging.getLogger(__name__)


# a spreadsheet program runs a cell that opens with one of these as a formula
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _defuse(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each text cell that a spreadsheet would run as a formula (``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return first) prefixed with ``'``.

    Titles, outlets and quotes come from the articles, that is from whoever wrote them: opened
    in Excel or LibreOffice, ``=HYPERLINK("http://...")`` in a headline would otherwise be live.
    Numbers (a negative net tone) are left alone.

    >>> spreadsheet_safe(pd.DataFrame({"title": ["=1+1", "Banjir"], "tone": [-0.5, 0.2]}))
        title  tone
    0   '=1+1  -0.5
    1  Banjir   0.2
    """
    text = [
        c
        for c in frame.columns
        if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c].dtype)
    ]
    if not text:
        return frame
    return frame.assign(**{c: frame[c].map(_defuse) for c in text})


#: Decimals of the fractional figures of the exported tables: shares (a hundredth of a
#: percentage point), net tone, growth, lift, scores and probabilities.
DECIMALS = 4
#: Significant digits of the p- and q-values of the exported tables (3.1e-12 stays 3.1e-12).
P_VALUE_DIGITS = 3


def rounded(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its fractional figures as the exports write them: ``p_value`` and
    ``q_value`` to :data:`P_VALUE_DIGITS` significant digits, every other float column to
    :data:`DECIMALS` decimals (counts, text, dates and booleans as they are).

    >>> table = pd.DataFrame({"share": [0.04189852700490999], "q_value": [3.14159e-12]})
    >>> rounded(table).to_dict("records")
    [{'share': 0.0419, 'q_value': 3.14e-12}]
    """
    floats = [c for c in frame.columns if pd.api.types.is_float_dtype(frame[c].dtype)]
    if not floats:
        return frame

    def significant(value: float) -> float:
        return value if pd.isna(value) else float(f"{value:.{P_VALUE_DIGITS}g}")

    return frame.assign(
        **{
            str(c): frame[c].map(significant) if c in _PROBABILITY else frame[c].round(DECIMALS)
            for c in floats
        }
    )


def write_csv(tables: dict[str, pd.DataFrame], folder: Path) -> dict[str, Path]:
    """Write each table to ``folder/<name>.csv`` (UTF-8, dates as YYYY-MM-DD; figures rounded
    by :func:`rounded`; booleans, such as ``partial``, as ``True``/``False``, which pandas and
    spreadsheets read back as booleans; text cells that a spreadsheet would run as formulas
    prefixed with ``'``, see :func:`spreadsheet_safe`).

    Returns
    -------
    dict
        Table name -> path written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, frame in tables.items():
        path = folder / f"{name}.csv"
        spreadsheet_safe(rounded(frame)).to_csv(path, index=False, date_format="%Y-%m-%d")
        written[name] = path
    return written


def write_excel(tables: dict[str, pd.DataFrame], path: Path) -> Path | None:
    """Write every table to one workbook, a sheet each; ``None`` (and a warning naming the
    ``excel`` extra) without openpyxl.

    Sheet names are the table names cut to Excel's 31 characters; figures are rounded as in
    the CSV files (:func:`rounded`). The warning is one, not an INFO line: ``pip install .``
    has no openpyxl, and a workbook missing among a report's twenty lines went unseen.
    """
    if find_spec("openpyxl") is None:
        logger.warning(
            "openpyxl is not installed: %s is not written (the CSV tables are); for the Excel "
            "tables install the excel extra: pip install 'media-analytics[excel]' (report "
            "--no-excel: none, and no warning)",
            path.name,
        )
        return None
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    path.parent.mkdir(parents=True, exist_ok=True)
    order = [n for n in TABLE_TITLES if n in tables] + [n for n in tables if n not in TABLE_TITLES]
    # A write-only workbook streams its rows to the file instead of keeping a cell object for
    # each: a report of the 1,712 detik index articles (tables of 78,000 rows, weekly counts of
    # every regency) wrote its workbook in 16 s through pandas' writer, 7 s so.
    book = Workbook(write_only=True)
    bold, wrapped = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for name in order:
        frame = rounded(tables[name])
        for column in frame.columns:  # Excel has no time zones
            if isinstance(frame[column].dtype, pd.DatetimeTZDtype):
                frame = frame.assign(**{column: frame[column].dt.tz_localize(None)})
        sheet = book.create_sheet(name[:31])
        columns = [str(c) for c in frame.columns]
        # evidence, a line per theme: shown as lines, in a wide column
        wrap = columns.index("evidence") if "evidence" in columns else -1
        if wrap >= 0:
            sheet.column_dimensions[get_column_letter(wrap + 1)].width = 80
        sheet.append([_cell(sheet, c, bold) for c in columns])
        for row in zip(*(frame[c].tolist() for c in frame.columns), strict=True):
            cells = [
                _cell(sheet, v, alignment=wrapped if i == wrap else None) for i, v in enumerate(row)
            ]
            sheet.append(cells)
    book.save(path)
    return path


def _cell(sheet: Any, value: Any, font: Any = None, *, alignment: Any = None) -> Any:
    """A workbook cell of one table value: empty for a missing one, ``inf`` as text (as pandas
    writes it), text from an article never a formula (a headline opening with ``=`` stays
    text), anything else Excel has no type for as its text."""
    missing = value is None or value is pd.NaT or value is pd.NA
    if missing or (isinstance(value, float) and value != value):  # (NaN)
        value = None
    elif isinstance(value, float) and value in (_INF, -_INF):
        value = "inf" if value > 0 else "-inf"
    elif not isinstance(value, str | int | float | datetime | date | time | timedelta):
        value = str(value)
    formula = isinstance(value, str) and value.startswith("=")
    if not (formula or font or alignment):
        return value  # (most cells: a plain value, no cell object)
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if formula:
        cell.data_type = "s"
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell


_INF = float("inf")
