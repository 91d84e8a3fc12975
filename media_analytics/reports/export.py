"""CSV (always) and Excel (when openpyxl is installed) exports of every report table."""

from __future__ import annotations

import logging
from importlib.util import find_spec
from pathlib import Path

import pandas as pd

from .layout import TABLE_TITLES

__all__ = ["write_csv", "write_excel"]

logger = logging.getLogger(__name__)


def write_csv(tables: dict[str, pd.DataFrame], folder: Path) -> dict[str, Path]:
    """Write each table to ``folder/<name>.csv`` (UTF-8, dates as YYYY-MM-DD).

    Returns
    -------
    dict
        Table name -> path written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, frame in tables.items():
        path = folder / f"{name}.csv"
        frame.to_csv(path, index=False, date_format="%Y-%m-%d")
        written[name] = path
    return written


def write_excel(tables: dict[str, pd.DataFrame], path: Path) -> Path | None:
    """Write every table to one workbook, a sheet each; ``None`` (and a log line) without openpyxl.

    Sheet names are the table names cut to Excel's 31 characters.
    """
    if find_spec("openpyxl") is None:
        logger.info("openpyxl is not installed: skipping the Excel export (pip install openpyxl)")
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    order = [n for n in TABLE_TITLES if n in tables] + [n for n in tables if n not in TABLE_TITLES]
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name in order:
            frame = tables[name]
            for column in frame.columns:  # Excel has no time zones
                if isinstance(frame[column].dtype, pd.DatetimeTZDtype):
                    frame = frame.assign(**{column: frame[column].dt.tz_localize(None)})
            frame.to_excel(writer, sheet_name=name[:31], index=False)
    return path
