"""Which input column feeds which field of the article contract.

Exports from Indonesian outlets and scrapers name the same things differently
(``judul``/``Judul``/``title``, ``isi_berita``/``content``, ``tanggal``/``date``,
``Link``/``tautan``/``url``). A built-in alias list covers the common names; an
explicit ``column_map`` ({input column: contract field}) wins over it, and maps a column
to ``None`` to ignore it (an ``id`` column holding row numbers: ids then come from the URLs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .article import CONTRACT_FIELDS

__all__ = ["DEFAULT_ALIASES", "ColumnResolver"]

# Field -> accepted column names in priority order (compared after _normalise).
DEFAULT_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "artikel_id", "news_id", "berita_id", "doc_id", "uid"),
    "title": ("title", "judul", "judul_berita", "headline", "heading"),
    "text": (
        "text",
        "content",
        "isi_berita",
        "isi",
        "konten",
        "konten_berita",
        "body",
        "article_text",
        "full_text",
        "teks",
        "artikel",
        "article",
        "berita",
        "deskripsi",
        "description",
    ),
    "published_at": (
        "published_at",
        "published",
        "publish_date",
        "date_published",
        "publishedat",
        "datepublished",
        "published_date",
        "publication_date",
        "pubdate",
        "datetime",
        "date",
        "tanggal",
        "tanggal_terbit",
        "tanggal_publikasi",
        "tgl_terbit",
        "waktu_terbit",
        "tgl",
        "waktu",
        "created_at",
    ),
    "source": (
        "source",
        "sumber",
        "media",
        "outlet",
        "publisher",
        "portal",
        "penerbit",
        "site",
        "media_name",
        "nama_media",
        "sumber_berita",
    ),
    "url": (
        "url",
        "link",
        "tautan",
        "href",
        "article_url",
        "source_url",
        "permalink",
        "url_berita",
        "link_berita",
    ),
}

_SEPARATORS = re.compile(r"[\s\-]+")


def _normalise(name: str) -> str:
    return _SEPARATORS.sub("_", name.strip().lower())


def _by_norm(columns: list[str]) -> dict[str, str]:
    by_norm: dict[str, str] = {}
    for column in columns:
        by_norm.setdefault(_normalise(column), column)
    return by_norm


def _find(column: str, present: list[str], by_norm: Mapping[str, str]) -> str | None:
    """The column of ``present`` that ``column`` names: exactly, else ignoring case and spaces."""
    return column if column in present else by_norm.get(_normalise(column))


class ColumnResolver:
    """Map the columns of one input to the contract fields.

    Parameters
    ----------
    column_map : mapping of str to str or None, optional
        ``{input column: contract field}``; matched exactly first, then ignoring case,
        spaces and hyphens. Fields it does not name fall back to :data:`DEFAULT_ALIASES`.
        A column mapped to ``None`` is ignored: no field is read from it, not even the one
        its name is an alias of (``{"id": None}``: an export's ``id`` column of row numbers
        is not read, and ids come from the URLs).

    Raises
    ------
    ValueError
        When a value of ``column_map`` is neither a contract field nor ``None``, or two
        columns are mapped to the same field.

    Examples
    --------
    >>> ColumnResolver().resolve(["Judul", "Tanggal", "Deskripsi", "Link", "Kategori"])
    {'title': 'Judul', 'text': 'Deskripsi', 'published_at': 'Tanggal', 'url': 'Link'}
    >>> ColumnResolver({"headline_text": "text"}).resolve(["headline_text", "content"])
    {'text': 'headline_text'}
    >>> ColumnResolver({"id": None}).resolve(["id", "judul", "isi_berita", "tautan"])
    {'title': 'judul', 'text': 'isi_berita', 'url': 'tautan'}
    """

    def __init__(self, column_map: Mapping[str, str | None] | None = None) -> None:
        self.column_map = dict(column_map or {})
        seen: dict[str, str] = {}
        for column, target in self.column_map.items():
            if target is None:
                continue
            if target not in CONTRACT_FIELDS:
                fields = ", ".join(CONTRACT_FIELDS)
                raise ValueError(
                    f"column_map[{column!r}] = {target!r} is not one of {fields} (or None: "
                    "ignore the column)"
                )
            if target in seen:
                raise ValueError(f"columns {seen[target]!r} and {column!r} both map to {target!r}")
            seen[target] = column

    def resolve(self, columns: Iterable[str]) -> dict[str, str]:
        """Return ``{contract field: input column}`` for the fields that were found."""
        present = [c for c in columns if isinstance(c, str)]
        by_norm = _by_norm(present)
        mapping: dict[str, str] = {}
        used: set[str] = set()
        for column, target in self.column_map.items():
            found = _find(column, present, by_norm)
            if found is not None:
                if target is not None:
                    mapping[target] = found
                used.add(found)
        for target in CONTRACT_FIELDS:
            if target in mapping:
                continue
            for alias in DEFAULT_ALIASES[target]:
                found = by_norm.get(alias)
                if found is not None and found not in used:
                    mapping[target] = found
                    used.add(found)
                    break
        return mapping

    def ignored(self, columns: Iterable[str]) -> set[str]:
        """The columns of ``columns`` that ``column_map`` maps to ``None``: not read at all."""
        present = [c for c in columns if isinstance(c, str)]
        by_norm = _by_norm(present)
        found = (_find(c, present, by_norm) for c, t in self.column_map.items() if t is None)
        return {c for c in found if c is not None}

    def unmatched(self, columns: Iterable[str]) -> list[str]:
        """The ``column_map`` columns that match none of ``columns``.

        A typo, or a name from another export's header: such an entry maps nothing, and the
        field it was meant to fill is silently left to the aliases.
        """
        present = [c for c in columns if isinstance(c, str)]
        by_norm = _by_norm(present)
        return [c for c in self.column_map if _find(c, present, by_norm) is None]

    def alternatives(self, columns: Iterable[str]) -> dict[str, list[str]]:
        """The fields found by their aliases beside other columns named like them, each with
        those columns, which are not read (carried as extra fields).

        ``content`` and ``isi`` are both names of the text; the text is read from the one
        first in :data:`DEFAULT_ALIASES`, the other left aside, whatever it holds. A field
        that ``column_map`` names a column for has no alternatives: the choice was made.

        >>> ColumnResolver().alternatives(["title", "judul", "content", "isi", "tanggal"])
        {'title': ['judul'], 'text': ['isi']}
        >>> ColumnResolver({"isi": "text"}).alternatives(["content", "isi"])
        {}
        """
        present = [c for c in columns if isinstance(c, str)]
        by_norm = _by_norm(present)
        mapping = self.resolve(present)
        used = set(mapping.values()) | self.ignored(present)
        chosen = {
            target
            for column, target in self.column_map.items()
            if target is not None and _find(column, present, by_norm) is not None
        }
        out: dict[str, list[str]] = {}
        for target in mapping:
            if target in chosen:
                continue
            aliases = DEFAULT_ALIASES[target]
            others = [c for c in present if c not in used and _normalise(c) in aliases]
            if others:
                out[target] = others
        return out

    def candidates(self, field: str) -> list[str]:
        """Column names that would be read as ``field``, for messages."""
        explicit = [c for c, t in self.column_map.items() if t == field]
        return explicit + list(DEFAULT_ALIASES[field])
