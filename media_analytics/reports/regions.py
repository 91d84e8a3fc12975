"""Where stories happen: regions asked for as an analyst types them, the stories placed in them
(``report --region``), each story's provinces and regencies or cities, and the places a name
asked for with ``report --actor`` finds.

A story is placed in the regions of the actors it names: a place's province and regency or city,
and a local branch's (``KPU Brebes`` carries Kabupaten Brebes). A place the model could not put
in one regency, because its name is a city's and a regency's (``Semarang``: Kota Semarang or
Kabupaten Semarang), keeps its province and is read here as *either* of the two: it counts under
``Kabupaten Semarang or Kota Semarang``, a filter on ``Semarang`` keeps it and one on ``Kota
Semarang`` does not. The same holds for an organisation whose name ends in such a name
(``KPU Semarang``).

>>> [r.name for r in read_region("Kab. Brebes")]
['Kabupaten Brebes']
>>> [r.name for r in read_region("Semarang")]
['Kabupaten Semarang', 'Kota Semarang']
"""

from __future__ import annotations

import dataclasses
import difflib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from ..actors.regions import Region
    from .frames import ReportData

__all__ = [
    "NO_REGENCY",
    "NO_REGION",
    "RegionQuery",
    "in_regions",
    "place_matches",
    "province_pairs",
    "read_region",
    "regency_pairs",
    "resolve_regions",
    "stories_placed_in",
    "story_places",
]

logger = logging.getLogger(__name__)

#: The key under which the tables per province count the stories that name no province.
NO_REGION = "(no region)"
#: The key under which the tables per regency or city count the stories that name none.
NO_REGENCY = "(no regency)"

#: Head words an analyst may type before a region's name, and the level each one asks for.
_HEAD_WORDS = {
    "provinsi": "province",
    "propinsi": "province",
    "prov": "province",
    "prop": "province",
    "kabupaten": "regency",
    "kab": "regency",
    "kota": "city",
    "kotamadya": "city",
    "kodya": "city",
}
_LOCAL = ("regency", "city")


def _gazetteer() -> tuple[Any, Callable[[str], tuple[str, ...]]]:
    """The region list and the tokenizer its keys are made with (imported when first needed:
    the actor extraction they belong to is not loaded by the reports otherwise)."""
    from ..actors.lexicon import phrase_key
    from ..actors.regions import get_gazetteer

    return get_gazetteer(), phrase_key


def read_region(name: str) -> list[Region]:
    """The provinces, regencies and cities ``name`` can denote, as an analyst types it: the
    official name (``Kabupaten Brebes``, ``Jawa Tengah``), the name without its head word
    (``Brebes``), a short head word (``Kab. Brebes``, ``Prov. Jateng``) or an alias of the
    region list (``Jateng``, ``Solo``). A bare name that is a city's and a regency's gives both;
    an unknown name none.

    >>> [r.name for r in read_region("Prov. Jateng")]
    ['Jawa Tengah']
    >>> read_region("Atlantis")
    []
    """
    gazetteer, phrase_key = _gazetteer()
    key = phrase_key(name)
    if not key:
        return []
    found = gazetteer.lookup(key)
    if not found and key[0] in _HEAD_WORDS and len(key) > 1:
        level = _HEAD_WORDS[key[0]]
        found = gazetteer.lookup(key[1:], level)
        if not found and level == "regency":  # "Kab. Kotabaru" and the like
            found = gazetteer.lookup(key, level)
    return sorted(found, key=lambda r: r.code)


@dataclass(frozen=True)
class RegionQuery:
    """A region asked for and the regions it stands for.

    Attributes
    ----------
    asked : str
        As the analyst typed it (``Brebes``).
    regions : tuple of Region
        What it denotes (Kabupaten Brebes); two or more for a bare name that is a city's and a
        regency's (``Semarang``) or a province's and a city's (``Bengkulu``).
    """

    asked: str
    regions: tuple[Region, ...]

    @property
    def provinces(self) -> frozenset[str]:
        """The provinces asked for (their official names)."""
        return frozenset(r.name for r in self.regions if r.level == "province")

    @property
    def regencies(self) -> frozenset[str]:
        """The regencies and cities asked for (their official names)."""
        return frozenset(r.name for r in self.regions if r.level in _LOCAL)

    def describe(self) -> str:
        """``Brebes (Kabupaten Brebes)``; the name alone when it is the official one."""
        names = [r.name for r in self.regions]
        if names == [self.asked]:
            return self.asked
        return f"{self.asked} ({', '.join(names)})"


def resolve_regions(names: Sequence[str], *, what: str = "region") -> list[RegionQuery]:
    """Each name as a :class:`RegionQuery` (:func:`read_region`), a name asked twice once.

    Raises
    ------
    ValueError
        On one line, naming every name that is no province, regency or city, with the closest
        names of the region list (``region 'Brebess': not a province, regency or city of
        Indonesia (did you mean Kabupaten Brebes?)``) and the regency of a district
        (``'Bukit Kapur' is a district of Kota Dumai``); ``what`` starts it (``--region``).
    """
    queries, unknown = [], []
    for name in dict.fromkeys(str(n).strip() for n in names):
        regions = read_region(name)
        if regions:
            queries.append(RegionQuery(name, tuple(regions)))
        else:
            unknown.append(name)
    if unknown:
        close = sorted({hint for name in unknown for hint in _close_names(name)})
        hints = [f"{name!r} is a district of {within}" for name, within in _districts(unknown)]
        hints += [f"did you mean {' or '.join(close)}?"] if close else []
        raise ValueError(
            f"{what} {', '.join(map(repr, unknown))}: not a province, regency or city of "
            "Indonesia" + (f" ({'; '.join(hints)})" if hints else "")
        )
    return queries


def _districts(names: Sequence[str]) -> list[tuple[str, str]]:
    """(name, the regencies or cities it is a district of) for the names that are districts
    (kecamatan): a story is counted by regency or city, never by district."""
    gazetteer, _ = _gazetteer()
    out = []
    for name in names:
        found = gazetteer.lookup(name, "district")
        if found:
            out.append((name, " or ".join(sorted({str(r.regency) for r in found}))))
    return out


def _close_names(name: str) -> list[str]:
    """Official names of the regions whose names are spelt closest to ``name``."""
    gazetteer, phrase_key = _gazetteer()
    key = phrase_key(name)
    if key and key[0] in _HEAD_WORDS and len(key) > 1:
        key = key[1:]
    spelt = {" ".join(k): regions for k, regions in gazetteer.names.items()}
    close = difflib.get_close_matches(" ".join(key), list(spelt), n=3, cutoff=0.8)
    return list(dict.fromkeys(r.name for k in close for r in spelt[k]))


@lru_cache(maxsize=65536)
def _named_regencies(written: str, province: str) -> tuple[str, ...]:
    """The regencies and cities of ``province`` that the last words of ``written`` name
    (``Semarang``, ``KPU Semarang``: Kabupaten Semarang and Kota Semarang); none when they name
    the province itself (``Polda Jateng``) or nothing of it."""
    gazetteer, phrase_key = _gazetteer()
    key = phrase_key(written)
    for size in range(min(len(key), gazetteer.max_len), 0, -1):
        found = gazetteer.names.get(key[-size:])
        if found:
            if any(r.level == "province" for r in found):
                return ()
            return tuple(sorted({r.name for r in found if r.province == province}))
    return ()


def _candidates(actors: pd.DataFrame) -> pd.Series:
    """Per actor row, the regencies or cities it may be in: its regency when it has one, else
    those its written name can denote in its province (:func:`_named_regencies`), else none."""
    out = pd.Series([()] * len(actors), index=actors.index, dtype=object)
    if actors.empty:
        return out
    known = actors["regency"].notna()
    out[known] = actors.loc[known, "regency"].map(lambda r: (str(r),))
    open_ = ~known & actors["province"].notna()
    if open_.any():
        written = actors.loc[open_, "written"].fillna(actors.loc[open_, "name"]).astype(str)
        province = actors.loc[open_, "province"].astype(str)
        out[open_] = [_named_regencies(w, p) for w, p in zip(written, province, strict=True)]
    return out


def province_pairs(actors: pd.DataFrame) -> pd.DataFrame:
    """(story, province) pairs: ``id, date, key``, each at most once."""
    a = actors[actors["province"].notna()]
    pairs = a[["id", "date", "province"]].rename(columns={"province": "key"})
    return pairs.drop_duplicates(["id", "key"]).reset_index(drop=True)


def regency_pairs(actors: pd.DataFrame) -> pd.DataFrame:
    """(story, regency or city) pairs: ``id, date, key, province``, each at most once.

    A place that may be one of several (``Semarang``) counts under ``Kabupaten Semarang or Kota
    Semarang``, unless the story names one of those itself (then it is taken to be that one).
    """
    columns = ["id", "date", "key", "province"]
    a = actors.assign(_regencies=_candidates(actors))
    a = a[a["_regencies"].map(len) > 0]
    single = a[a["_regencies"].map(len) == 1]
    named = single.assign(key=single["_regencies"].str[0])
    known = named.groupby("id")["key"].agg(set) if len(named) else pd.Series(dtype=object)
    several = a[a["_regencies"].map(len) > 1]
    unsaid = [
        not set(regencies) & known.get(story, set())
        for story, regencies in zip(several["id"], several["_regencies"], strict=True)
    ]
    several = several[pd.Series(unsaid, index=several.index, dtype=bool)]
    either = several.assign(key=several["_regencies"].map(" or ".join))
    pairs = pd.concat([named[columns], either[columns]], ignore_index=True)
    return pairs.drop_duplicates(["id", "key"]).reset_index(drop=True)


def story_places(actors: pd.DataFrame) -> pd.DataFrame:
    """Per story id, its provinces and its regencies or cities, each joined with ``"; "`` (the
    keys the tables per province and per regency count it under): columns ``province``,
    ``regency``, indexed by ``id``."""
    joined = {
        column: pairs.sort_values("key").groupby("id")["key"].agg("; ".join)
        for column, pairs in (
            ("province", province_pairs(actors)),
            ("regency", regency_pairs(actors)),
        )
    }
    return pd.DataFrame(joined, columns=["province", "regency"])


def _placed_in(actors: pd.DataFrame, queries: Sequence[RegionQuery]) -> pd.Series:
    """Whether each actor row is placed in one of the regions asked for: its province is one
    asked for, or every regency or city it may be in is."""
    provinces = frozenset().union(*(q.provinces for q in queries))
    regencies = frozenset().union(*(q.regencies for q in queries))
    inside = _candidates(actors).map(lambda c: bool(c) and set(c) <= regencies)
    return actors["province"].isin(provinces) | inside.astype(bool)


def stories_placed_in(data: ReportData, queries: Sequence[RegionQuery]) -> set[str]:
    """The ids of the stories placed in any of the regions asked for."""
    a = data.actors
    return set(a.loc[_placed_in(a, queries), "id"])


def in_regions(data: ReportData, regions: Sequence[str], *, quiet: bool = False) -> ReportData:
    """The stories placed in any of ``regions``, with their copies, themes, actors and quotes.

    Parameters
    ----------
    data : ReportData
    regions : sequence of str
        Provinces, regencies or cities as an analyst types them (see :func:`read_region`):
        ``Jawa Tengah``, ``Jateng``, ``Kabupaten Brebes``, ``Kab. Brebes``, ``Brebes``, ``Kota
        Semarang``. A story is kept when an actor it names (a place, or a local branch such as
        ``KPU Brebes``) is in one of them, at the province level or at the regency or city
        level. A bare name that is a city's and a regency's (``Semarang``) keeps both, and the
        places written so without saying which; an INFO line says so.

    Returns
    -------
    ReportData
        ``n_other_regions`` counts the records left out; ``filters["regions"]`` says what each
        name was read as; ``extent`` keeps the range of all stories, so that the tables over
        time show the region's quiet periods as zeros.

    Raises
    ------
    ValueError
        For a name that is no province, regency or city (:func:`resolve_regions`).

    ``quiet`` leaves out the INFO and WARNING lines (the spike baseline's earlier stories,
    filtered as the stories shown were).
    """
    from .tables import only_stories

    queries = resolve_regions(regions)
    for query in queries:
        if len(query.regions) > 1 and not quiet:
            logger.info(
                "region %r names %s: keeping the stories placed in any of them, and those "
                "naming %r without saying which (give the head word, Kota, Kabupaten or "
                "Provinsi, for one alone)",
                query.asked,
                " and ".join(r.name for r in query.regions),
                query.asked,
            )
    ids = stories_placed_in(data, queries)
    for query in queries if not quiet else ():
        if not stories_placed_in(data, [query]) & set(data.stories["id"]):
            logger.warning("no story is placed in %s", query.describe())

    kept, left_out = only_stories(data, ids)
    return dataclasses.replace(
        kept,
        n_other_regions=data.n_other_regions + left_out,
        filters={**data.filters, "regions": [q.describe() for q in queries]},
    )


def place_matches(actors: pd.DataFrame, names: Sequence[str]) -> dict[str, pd.Series]:
    """The names asked for that name places: each of ``names`` that is no person's or
    organisation's name nor written form -> which rows of ``actors`` are places it names,
    when any is.

    A place is named by its written name and by its official name alike, and by any name of
    the region list that denotes it: ``Brebes``, ``Kab. Brebes`` and ``Kabupaten Brebes`` find
    the places counted under Kabupaten Brebes however a story wrote them, ``Jateng`` those under
    Jawa Tengah. A bare name that is a city's and a regency's (``Semarang``) finds both, and the
    places written so without saying which; ``Kota Semarang`` only the city.

    >>> actors = pd.DataFrame({
    ...     "id": ["a", "b", "c"], "type": ["place"] * 3, "province": ["Jawa Tengah"] * 3,
    ...     "name": ["Kota Semarang", "Semarang", "Kabupaten Brebes"],
    ...     "written": ["Kota Semarang", "Semarang", "Kabupaten Brebes"],
    ...     "regency": ["Kota Semarang", None, "Kabupaten Brebes"]})
    >>> {k: v.tolist() for k, v in place_matches(actors, ["Semarang", "Brebes"]).items()}
    {'Semarang': [True, True, False], 'Brebes': [False, False, True]}
    """
    others = actors[actors["type"] != "place"]
    forms = set(others["name"].dropna().astype(str).str.casefold())
    if "written" in others:
        forms |= set(others["written"].dropna().astype(str).str.casefold())
    place = actors["type"] == "place"
    written = actors["written"].fillna(actors["name"]) if "written" in actors else actors["name"]
    out = {}
    for name in dict.fromkeys(names):
        asked = str(name).strip().casefold()
        if not asked or asked in forms:
            continue
        mask = place & (
            (actors["name"].astype(str).str.casefold() == asked)
            | (written.astype(str).str.casefold() == asked)
        )
        regions = read_region(str(name))
        if regions:
            local = {r.name for r in regions if r.level in _LOCAL}
            # a place the model left in its province only (``Semarang``): by what it may be
            unsure = place & actors["regency"].isna()
            inside = _candidates(actors[unsure]).map(
                lambda c, local=local: bool(c) and set(c) <= local
            )
            unsure &= inside.reindex(actors.index, fill_value=False).astype(bool)
            mask |= place & actors["name"].isin({r.name for r in regions}) | unsure
        if mask.any():
            out[name] = mask.astype(bool)
    return out


def counted_place(name: str, counted: dict[str, str]) -> str | None:
    """The name the places ``name`` denotes count under, when it denotes one region that the
    data count places under (``Kab. Brebes`` -> ``Kabupaten Brebes``); else ``None``."""
    regions = read_region(name)
    if len(regions) == 1:
        return counted.get(regions[0].name.casefold())
    return None
