"""CSV (always) and Excel (when openpyxl is installed) exports of every report table."""

from __future__ import annotations

import logging
from importlib.util import find_spec
from pathlib import Path

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
            "tables install the excel extra: pip install 'media-analytics[excel]'",
            path.name,
        )
        return None
    from openpyxl.styles import Alignment

    path.parent.mkdir(parents=True, exist_ok=True)
    order = [n for n in TABLE_TITLES if n in tables] + [n for n in tables if n not in TABLE_TITLES]
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name in order:
            frame = rounded(tables[name])
            for column in frame.columns:  # Excel has no time zones
                if isinstance(frame[column].dtype, pd.DatetimeTZDtype):
                    frame = frame.assign(**{column: frame[column].dt.tz_localize(None)})
            frame.to_excel(writer, sheet_name=name[:31], index=False)
            sheet = writer.sheets[name[:31]]
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f":  # text from an article, never a formula of ours
                        cell.data_type = "s"
            if "evidence" in frame.columns:  # a line per theme: shown as lines, in a wide column
                column = sheet.cell(row=1, column=list(frame.columns).index("evidence") + 1)
                sheet.column_dimensions[column.column_letter].width = 80
                for (cell,) in sheet.iter_rows(
                    min_row=2, min_col=column.column, max_col=column.column
                ):
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return path
