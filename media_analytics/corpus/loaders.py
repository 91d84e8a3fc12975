"""Loaders for public Indonesian datasets, mapped to the article contract.

- :func:`load_clickid`: CLICK-ID raw news articles (CSV export with ``article_id``,
  ``title``, ``content``, ``date``, ``time``, ``source``, ``url``).
- :func:`load_detik_aspect`: detik.com 2025 articles with summaries and entities
  (``id``, ``judul``, ``tautan``, ``tanggal`` as ``M/D/YYYY H:MM``, ``isi_berita``).
- :func:`load_detik_pilkada`: detik.com Pilkada search results (``Judul``,
  ``Tanggal`` such as ``Sabtu, 21 Des 2024 22:30 WIB``, ``Deskripsi``, ``Link``).
- :func:`read_labelled`: sentiment sets (NusaX CSV, SmSA TSV, CNBC headlines CSV,
  JSONL) as a ``text, label`` DataFrame.

Columns a loader does not map stay in ``Article.extra``.
"""

from __future__ import annotations

import csv
import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from .article import Article
from .readers import (
    STDIN,
    Converter,
    Record,
    Transform,
    _read,
    expand_paths,
    iter_records,
    read_articles,
)
from .rejects import Rejects, _Report

__all__ = [
    "LABELS",
    "load_clickid",
    "load_detik_aspect",
    "load_detik_pilkada",
    "normalize_label",
    "read_labelled",
    "read_labels_by_id",
]

LABELS = ("positive", "neutral", "negative")
_LABEL_ALIASES = {
    **dict.fromkeys(["positive", "positif", "pos"], "positive"),
    **dict.fromkeys(["neutral", "netral", "neu"], "neutral"),
    **dict.fromkeys(["negative", "negatif", "neg"], "negative"),
}
_TIME_OF_DAY_RE = re.compile(r"^\d{1,2}[:.]\d{2}")
_TEXT_COLUMNS = (
    "text",
    "kalimat",
    "sentence",
    "tweet",
    "text_tweet",
    "content",
    "isi",
    # whole articles: the body before the headline, which a tone file has beside it
    "isi_berita",
    "body",
    "article",
    "artikel",
    "berita",
    "konten",
    "deskripsi",
    "judul",
    "title",
    # a headline file: the names the article readers take for a title
    "judul_berita",
    "headline",
)
_LABEL_COLUMNS = ("label", "sentiment", "sentimen", "polarity", "polaritas", "kelas")

PathLike = str | os.PathLike[str]


def _load(
    path: PathLike,
    *,
    column_map: dict[str, str] | None,
    rejects: Rejects | None,
    dayfirst: bool | None,
    transform: Transform | None = None,
) -> Iterator[Article]:
    converter = Converter(column_map, rejects, dayfirst=dayfirst)
    return _read(expand_paths(path), converter, transform)


def _with_source(outlet: str) -> Transform:
    def transform(record: Record) -> Record:
        if not record.get("source"):
            record["source"] = outlet
        return record

    return transform


def _clickid_date(record: Record) -> Record:
    # The ``date`` column is the day (taken from the URL when it had one); ``time``
    # is the publisher's time of day ("08:22 WIB", "08:22:33" or "-").
    day, clock = record.get("date"), record.get("time")
    if isinstance(day, str) and isinstance(clock, str) and _TIME_OF_DAY_RE.match(clock.strip()):
        record["published_at"] = f"{day.strip()} {clock.strip()}"
    else:
        record["published_at"] = day
    return record


def load_clickid(path: PathLike, *, rejects: Rejects | None = None) -> Iterator[Article]:
    """Stream CLICK-ID articles.

    ``published_at`` combines ``date`` and ``time`` (aware when the time says WIB);
    ``date``, ``time``, ``date_raw``, ``category`` and the other columns stay in
    ``extra``.
    """
    column_map = {"article_id": "id", "content": "text", "published_at": "published_at"}
    return _load(
        path, column_map=column_map, rejects=rejects, dayfirst=None, transform=_clickid_date
    )


def load_detik_aspect(path: PathLike, *, rejects: Rejects | None = None) -> Iterator[Article]:
    """Stream the detik.com 2025 articles; ``tanggal`` is month-first (``8/14/2025 14:42``).

    The export gives no zone, so dates are naive. ``source`` is ``detik.com``.
    """
    column_map = {
        "judul": "title",
        "isi_berita": "text",
        "tautan": "url",
        "tanggal": "published_at",
    }
    return _load(
        path,
        column_map=column_map,
        rejects=rejects,
        dayfirst=False,
        transform=_with_source("detik.com"),
    )


def load_detik_pilkada(path: PathLike, *, rejects: Rejects | None = None) -> Iterator[Article]:
    """Stream the detik.com Pilkada index: headline, lead as ``text``, ``Link`` as url.

    ``Tanggal`` is Indonesian (``Jumat, 31 Mei  2024 17:01 WIB``); ids come from the URL.
    The body is only the search-result lead (one or two sentences).
    """
    column_map = {"Judul": "title", "Deskripsi": "text", "Link": "url", "Tanggal": "published_at"}
    return _load(
        path,
        column_map=column_map,
        rejects=rejects,
        dayfirst=None,
        transform=_with_source("detik.com"),
    )


# ------------------------------------------------------------------------ labelled data


def normalize_label(label: object) -> str | None:
    """``positive``/``neutral``/``negative`` for a known label spelling, else None.

    Accepts English and Indonesian names and short forms in any case
    (``Positif``, ``netral``, ``NEG``). Numbers are refused: their meaning differs
    between datasets.
    """
    if not isinstance(label, str):
        return None
    return _LABEL_ALIASES.get(label.strip().lower())


def read_labelled(
    path: PathLike,
    *,
    text_column: str | None = None,
    label_column: str | None = None,
    rejects: Rejects | None = None,
    headline: bool = False,
) -> pd.DataFrame:
    """Read a sentiment dataset as a DataFrame with columns ``text`` and ``label``.

    Formats: JSONL objects; CSV with a header (NusaX ``id,text,label``; CNBC
    ``judul,text,tanggal,sentimen``, where the original headline ``judul`` is used
    rather than the authors' lowercased ``text``); TSV without a header
    (``text<TAB>label``, SmSA) or with one. Labels are mapped to ``positive``,
    ``neutral``, ``negative``; rows with another label or no text are reported with
    their line number and left out.

    Parameters
    ----------
    path : path
    text_column, label_column : str, optional
        Override the detected columns (files with a header).
    rejects : Rejects, optional
        Collects the rows left out; without it they are logged.
    headline : bool, default=False
        For whole articles (tone): a file with a headline column (``title``, ``judul``,
        ``headline``) beside its text column gives ``headline + "\\n" + text``, the headline
        on the first line as the tone model reads articles.

    Returns
    -------
    pandas.DataFrame
    """
    report = _Report(rejects)
    name = os.fspath(path)
    try:
        return _read_labelled(name, report, text_column, label_column, headline)
    except ValueError as exc:  # which column: the message names the file
        raise ValueError(f"{name}: {exc}") from None


def read_labels_by_id(
    path: PathLike,
    articles: Any,
    *,
    label_column: str | None = None,
    rejects: Rejects | None = None,
) -> pd.DataFrame:
    """Tone labels given by article id, with the articles' texts: ``text`` (the headline on the
    first line, then the body, as tone is read), ``label`` and ``id``, in the label file's
    order.

    ``path`` holds an id column (found as the article readers find theirs: ``id``,
    ``article_id``, ...) and a label column (found as :func:`read_labelled` finds it, or
    ``label_column``); ``articles`` is what :func:`read_articles` reads (files, folders). A row
    whose id no article carries, or without a label, is reported with its line and left out.
    """
    from .columns import DEFAULT_ALIASES

    report = _Report(rejects)
    name = os.fspath(path)
    texts = {
        a.id: f"{a.title.strip()}\n{a.text}" if a.title and a.title.strip() else a.text
        for a in read_articles(articles, rejects=rejects)
    }
    out_texts: list[str] = []
    out_labels: list[str] = []
    out_ids: list[str] = []
    chosen: tuple[str, str] | None = None
    for line, record in iter_records(name, report):
        if chosen is None:
            columns = list(record)
            lowered = {"_".join(str(c).lower().split()): c for c in columns}
            ids = [lowered[a] for a in DEFAULT_ALIASES["id"] if a in lowered]
            if not ids:
                raise ValueError(f"{name}: no id column; the columns are {columns}")
            try:
                chosen = (ids[0], _pick(columns, label_column, _LABEL_COLUMNS, "label"))
            except ValueError as exc:
                raise ValueError(f"{name}: {exc}") from None
        aid = str(record.get(chosen[0]) or "").strip()
        raw_label = record.get(chosen[1])
        label = normalize_label(raw_label)
        if aid not in texts:
            report(name, line, "unknown_id", f"id {aid!r} names no article of the articles given")
        elif label is None:
            why = "no label" if not str(raw_label or "").strip() else f"label {raw_label!r}"
            report(name, line, "bad_label", f"{why}: not one of {', '.join(LABELS)}")
        else:
            out_texts.append(texts[aid])
            out_labels.append(label)
            out_ids.append(aid)
    return pd.DataFrame({"text": out_texts, "label": out_labels, "id": out_ids})


def _read_labelled(
    name: str,
    report: _Report,
    text_column: str | None,
    label_column: str | None,
    headline: bool,
) -> pd.DataFrame:
    texts: list[str] = []
    labels: list[str] = []
    if name != STDIN and Path(name).suffix.lower() == ".tsv":
        rows = _tsv_rows(name, report, text_column, label_column, headline)
    else:
        rows = _record_rows(name, report, text_column, label_column, headline)
    for line, text, raw_label in rows:
        label = normalize_label(raw_label)
        if raw_label is None or (isinstance(raw_label, str) and not raw_label.strip()):
            report(name, line, "missing_label", "no label")
        elif label is None:
            report(
                name, line, "bad_label", f"label {raw_label!r} is not one of {', '.join(LABELS)}"
            )
        elif not isinstance(text, str) or not text.strip():
            report(name, line, "missing_text", "no text")
        else:
            texts.append(text)
            labels.append(label)
    return pd.DataFrame({"text": texts, "label": labels})


def _pick(columns: list[str], wanted: str | None, candidates: tuple[str, ...], what: str) -> str:
    if wanted is not None:
        if wanted not in columns:
            raise ValueError(f"no column {wanted!r}; the columns are {columns}")
        return wanted
    lowered = {"_".join(c.lower().split()): c for c in columns}
    if what == "text" and {"judul", "text", "sentimen"} <= lowered.keys():
        return lowered["judul"]  # CNBC layout: the original headline, not its lowercased text
    for candidate in candidates:
        if candidate in lowered:
            return lowered[candidate]
    labelled = [c for c in columns if normalize_label(c) is not None]
    if labelled:
        # a first line of data, not of names ("Pelayanan memuaskan,positive"): naming one of
        # its cells as the column would drop that row
        raise ValueError(
            f"no header line: the first line reads as a labelled row ({labelled[0]!r} is a "
            "label), not as column names; add a first line naming the columns, such as "
            "text,label"
        )
    # the command line puts its own flag for ``{what}_column=NAME`` (see ``read_labelled``)
    raise ValueError(
        f"cannot tell which column holds the {what}; columns are {columns} (name it: "
        f"{what}_column=NAME)"
    )


def _labelled_frame(data: pd.DataFrame, *, headline: bool = False) -> pd.DataFrame:
    """A labelled DataFrame as columns ``text`` and ``label``, its labels as they are.

    One with ``text`` and ``label`` columns is taken as it is; in another the columns are found
    by name as :func:`read_labelled` finds a file's (``judul``/``sentimen``, and with
    ``headline`` a headline column beside the body put on the text's first line).

    Raises
    ------
    ValueError
        Naming the columns it found, when the text or the label column is not among them.
    """
    if "text" in data.columns and "label" in data.columns:
        return data
    by_name = {str(c): c for c in data.columns}
    columns = list(by_name)
    try:
        text = _pick(columns, None, _TEXT_COLUMNS, "text")
        label = _pick(columns, None, _LABEL_COLUMNS, "label")
    except ValueError:
        raise ValueError(
            f"needs a text and a label column; cannot tell which they are among {columns} "
            "(name them 'text' and 'label')"
        ) from None
    texts = list(data[by_name[text]])
    at = _title_position(columns, columns.index(text)) if headline else None
    if at is not None:
        titles = data[by_name[columns[at]]]
        texts = [
            f"{title.strip()}\n{body}"
            if isinstance(title, str) and title.strip() and isinstance(body, str)
            else body
            for title, body in zip(titles, texts, strict=True)
        ]
    return pd.DataFrame({"text": texts, "label": list(data[by_name[label]])})


_HEADLINE_COLUMNS = ("title", "judul", "headline", "judul_berita")


def _record_rows(
    name: str,
    report: _Report,
    text_column: str | None,
    label_column: str | None,
    headline: bool = False,
) -> Iterator[tuple[int, object, object]]:
    chosen: tuple[str, str] | None = None
    title_column: str | None = None
    for line, record in iter_records(name, report):
        if chosen is None:
            columns = list(record)
            chosen = (
                _pick(columns, text_column, _TEXT_COLUMNS, "text"),
                _pick(columns, label_column, _LABEL_COLUMNS, "label"),
            )
            if headline:
                at = _title_position(columns, columns.index(chosen[0]))
                title_column = columns[at] if at is not None else None
        text = record.get(chosen[0])
        if title_column is not None and isinstance(text, str):
            title = record.get(title_column)
            if isinstance(title, str) and title.strip():
                text = f"{title.strip()}\n{text}"
        yield line, text, record.get(chosen[1])


def _title_position(columns: list[str], text_at: int) -> int | None:
    """Where a headline column (``title``, ``judul``, ...) stands beside the text column."""
    lowered = ["_".join(str(c).lower().split()) for c in columns]
    for name in _HEADLINE_COLUMNS:
        if name in lowered and lowered.index(name) != text_at:
            return lowered.index(name)
    return None


def _tsv_rows(
    name: str,
    report: _Report,
    text_column: str | None,
    label_column: str | None,
    headline: bool = False,
) -> Iterator[tuple[int, object, object]]:
    with open(name, encoding="utf-8-sig", errors="replace", newline="") as handle:
        # SmSA text contains bare quote characters, so quotes are not special here.
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        numbered = ((reader.line_num, row) for row in reader if row)
        head = list(itertools.islice(numbered, 2))  # the first line, and the next to judge it by
        columns: tuple[int, int] | None = None  # (text, label) positions when there is a header
        title_at: int | None = None  # with ``headline``: the headline column's position
        header: list[str] = []
        if head and head[0][0] == 1 and len(head[0][1]) > 1 and not _ends_in_label(head[0][1]):
            header = [c.strip() for c in head[0][1]]
            try:
                columns = (
                    header.index(_pick(header, text_column, _TEXT_COLUMNS, "text")),
                    header.index(_pick(header, label_column, _LABEL_COLUMNS, "label")),
                )
            except ValueError:
                if text_column or label_column:
                    raise
                if _unknown_header(header, head[1:]):
                    raise ValueError(
                        f"the first line looks like a header, but its columns {header} are not "
                        "ones known to hold the text and the label (name them: text_column=NAME, "
                        "label_column=NAME)"
                    ) from None
                # not a header after all: a data row with an unknown label
            else:
                if headline:
                    title_at = _title_position(header, columns[0])
                head = head[1:]
        for line, row in itertools.chain(head, numbered):
            if len(row) < 2:
                report(name, line, "field_count", "expected text<TAB>label, got one field")
            elif columns is None:
                yield line, "\t".join(row[:-1]), row[-1]
            elif len(row) != len(header):
                report(name, line, "field_count", f"expected {len(header)} fields, got {len(row)}")
            else:
                text = row[columns[0]]
                if title_at is not None and row[title_at].strip():
                    text = f"{row[title_at].strip()}\n{text}"
                yield line, text, row[columns[1]]


def _ends_in_label(row: list[str]) -> bool:
    return normalize_label(row[-1]) is not None


def _unknown_header(first: list[str], after: list[tuple[int, list[str]]]) -> bool:
    """Whether a first line whose columns are not known is a header all the same, not a
    ``text<TAB>label`` row with a mistyped label: the line after it does not end in a label
    either (the labels stand in another column), or its last field names a label column
    (``Kelas Sentimen``)."""
    if after and not _ends_in_label(after[0][1]):
        return True
    return bool(set("_".join(first[-1].lower().split()).split("_")) & set(_LABEL_COLUMNS))
