"""Writing articles out (JSONL, Parquet) and moving them in and out of pandas."""

from __future__ import annotations

import gzip
import json
import math
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from typing import IO, Any

import numpy as np
import pandas as pd

from .article import CONTRACT_FIELDS, Article
from .readers import require_pyarrow

__all__ = ["articles_to_frame", "frame_to_articles", "write_jsonl", "write_parquet"]


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        return value.tolist()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"cannot write a {type(value).__name__} to JSON")


def write_jsonl(articles: Iterable[Article], path: str | os.PathLike[str] | IO[str]) -> int:
    """Write articles as JSON lines (``Article.to_dict``), streaming.

    Parameters
    ----------
    articles : iterable of Article
    path : path, ``"-"`` or a text file object
        A path ending in ``.gz`` is gzip-compressed; ``"-"`` writes to standard output.

    Returns
    -------
    int
        Number of articles written.
    """
    if not isinstance(path, str | os.PathLike):
        return _write_lines(articles, path)
    target = os.fspath(path)
    if target == "-":
        return _write_lines(articles, sys.stdout)
    opener = gzip.open if target.lower().endswith(".gz") else open
    with opener(target, "wt", encoding="utf-8", newline="\n") as handle:
        return _write_lines(articles, handle)


def _write_lines(articles: Iterable[Article], handle: IO[str]) -> int:
    count = 0
    for article in articles:
        handle.write(json.dumps(article.to_dict(), ensure_ascii=False, default=_json_default))
        handle.write("\n")
        count += 1
    return count


def write_parquet(articles: Iterable[Article], path: str | os.PathLike[str]) -> int:
    """Write articles to a Parquet file (needs pyarrow).

    ``published_at`` is stored as ISO 8601 text so that each row keeps its own zone;
    extra fields become columns (absent values are null). The articles are held in
    memory while the table is built: for corpora too large for that, write JSONL or
    call this once per batch.

    Returns
    -------
    int
        Number of articles written.

    Raises
    ------
    ImportError
        When pyarrow is not installed (the message has the pip command).
    ValueError
        When an extra field mixes types that Parquet cannot store in one column.
    """
    pa = require_pyarrow("writing Parquet")
    rows = [article.to_dict() for article in articles]
    names = list(CONTRACT_FIELDS)
    for row in rows:
        names.extend(k for k in row if k not in names)
    columns = {name: [row.get(name) for row in rows] for name in names}
    try:
        table = pa.table(columns)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise ValueError(f"cannot write these extra fields to Parquet: {exc}") from exc
    pa.parquet.write_table(table, os.fspath(path))
    return len(rows)


def articles_to_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """Articles as a DataFrame: the contract columns, then one column per extra field.

    ``published_at`` holds the ``datetime`` objects as they are (object dtype), because
    zones can differ from row to row, and a date written without a zone (``18/10/2024
    23:30``) has none. The library reads such a time as WIB (Jakarta's clock, where most
    outlets are): give it that zone before making a datetime64 column, as below.
    ``pd.to_datetime(df["published_at"], utc=True)`` alone would read it as UTC, seven hours
    late, and move a late-evening article to the next day.

    Examples
    --------
    >>> a = Article(id="a1", title="Judul", text="Isi", extra={"kanal": "news"})
    >>> articles_to_frame([a]).columns.tolist()
    ['id', 'title', 'text', 'published_at', 'source', 'url', 'kanal']

    One datetime64 column on Jakarta's clock, a time without a zone read as WIB:

    >>> from media_analytics.corpus.dates import WIB
    >>> b = Article(id="b1", text="Isi", published_at=datetime(2024, 10, 18, 23, 30))
    >>> df = articles_to_frame([a, b])
    >>> wib = df["published_at"].map(lambda d: d.replace(tzinfo=d.tzinfo or WIB) if d else d)
    >>> at = pd.to_datetime(wib, utc=True).dt.tz_convert("Asia/Jakarta")
    >>> [str(t) for t in at]  # the undated article a1 is NaT
    ['NaT', '2024-10-18 23:30:00+07:00']
    """
    records: list[dict[str, Any]] = []
    for article in articles:
        record: dict[str, Any] = dict(article.extra)
        record.update(
            id=article.id,
            title=article.title,
            text=article.text,
            published_at=article.published_at,
            source=article.source,
            url=article.url,
        )
        records.append(record)
    names = list(CONTRACT_FIELDS)
    for record in records:
        names.extend(k for k in record if k not in names)
    frame = pd.DataFrame.from_records(records, columns=names)
    frame["published_at"] = pd.Series([r["published_at"] for r in records], dtype=object)
    return frame


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def _missing(value: Any) -> bool:
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def frame_to_articles(frame: pd.DataFrame, *, dayfirst: bool | None = None) -> Iterator[Article]:
    """Turn DataFrame rows back into articles (the inverse of :func:`articles_to_frame`).

    Contract columns fill the fields; other columns go to ``extra``, leaving out
    missing values (``None``/``NaN``), which a frame uses to pad absent fields.

    Raises
    ------
    ValueError
        For a row without text, with a field of the wrong type, or an unparseable date.
    """
    columns = [str(c) for c in frame.columns]
    for position, values in enumerate(frame.itertuples(index=False, name=None)):
        data = {k: _plain(v) for k, v in zip(columns, values, strict=True) if not _missing(v)}
        try:
            yield Article.from_dict(data, dayfirst=dayfirst)
        except ValueError as exc:
            raise ValueError(f"row {position}: {exc}") from exc
