"""Place names: ``Kota/Kabupaten/Kecamatan/Kelurahan/Desa`` + name, provinces, cities, countries.

Also skips street addresses (``Jalan Jenderal Sudirman``) so that nothing inside them becomes an
actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .regions import Gazetteer, Region
from .tokens import TokenStream

__all__ = ["PlaceMatch", "match_place", "match_street", "police_unit"]

_HEAD_LEVEL = {
    "province": "province",
    "regency": "regency",
    "city": "city",
    "district": "district",
}


@dataclass
class PlaceMatch:
    """A place phrase found at tokens ``start .. end-1``.

    Attributes
    ----------
    name : str
        The phrase as written (``"Kota Dumai"``, ``"Dumai"``, ``"Jawa Tengah"``).
    level : str
        Level named by the head word or found in the gazetteer (``"city"``, ``"district"``,
        ``"village"``, ``"country"``, ...).
    regions : list of Region
        Regions the name can denote (empty for villages, countries and unknown names).
    """

    start: int
    end: int
    name: str
    level: str
    regions: list[Region] = field(default_factory=list)


def match_street(ts: TokenStream, i: int) -> int:
    """End of a street address starting at ``i`` (``i`` when there is none).

    The address runs over capitalised words, numbers, ``RT``/``RW``/``No.`` and hyphens, and stops
    at a comma, a lower-case word, a line break or the next place head (``Kelurahan``). Named
    buildings (``Istana Merdeka``, ``Stasiun Gambir``) are skipped the same way.
    """
    if ts.lows[i] not in ts.lex.street_heads or not ts.caps[i]:
        return i
    j = ts.skip_dot(i + 1)
    if j >= ts.n or not (ts.caps[j] or ts.words[j][:1].isdigit()):
        return i
    lex = ts.lex
    while j < ts.n and ts.joined(j):
        w = ts.words[j]
        if (ts.lows[j],) in lex.place_heads or w in (",", ";", ":", "(", ")"):
            break
        if w == ".":
            if not ts.words[j - 1][:1].isupper() or len(ts.words[j - 1]) > 3:
                break
            j += 1
            continue
        if w[:1].islower():
            break
        j += 1
    return j


def _capital(ts: TokenStream, i: int) -> bool:
    """``Ibu Kota`` (capital city) at ``i``: a place head, not the form of address ``Ibu``."""
    return ts.lows[i] == "ibu" and i + 1 < ts.n and ts.words[i + 1] == "Kota" and ts.caps[i]


def _head(ts: TokenStream, i: int) -> tuple[int, str | None]:
    if not ts.caps[i]:
        return i, None
    if _capital(ts, i):
        return i + 2, "city"
    level = ts.lex.place_heads.get((ts.lows[i],))
    if level is None:
        return i, None
    return ts.skip_dot(i + 1), level


def _plain_place_token(ts: TokenStream, j: int) -> bool:
    lex = ts.lex
    w = ts.words[j]
    if not w[:1].isupper() or not ts.joined(j):
        return False
    low = ts.lows[j]
    return not (
        lex.place_heads.get((low,), "landmark") != "landmark"
        or ts.rank_end(j) > j
        or (low,) in lex.ranks
        or (low,) in lex.role_heads
        or (w,) in lex.org_heads
        or low in lex.common
    )


def police_unit(ts: TokenStream, i: int, gaz: Gazetteer) -> bool:
    """Whether the region name at token ``i`` (one of ``[unit_names]``) names a police unit of
    another region here, not the region itself: ``Metro``, a city in Lampung, is greater
    Jakarta's ``Polda Metro (Jaya)``, ``Polres Metro Jakarta Utara``, ``Polsek Metro Gambir``.

    So it is before the name of a region of another province (whose place that is) and after a
    province's police (no province is called so); and after any police unit when the article
    names such a unit elsewhere (``Kapolres Metro, Kombes Budhi``, the place cut by the crawler,
    next to ``Polda Metro Jaya``). ``Kota Metro``, ``Metro, Lampung``, ``Metro Pusat`` (one of
    its districts) and ``Kapolres Metro AKBP ...`` in an article on Lampung stay the city's.
    """
    lows = ts.lows
    own = frozenset(r.province for r in gaz.lookup((lows[i],)))
    if _unit_at(ts, i, gaz, own):
        return True
    if i == 0 or not ts.joined(i) or lows[i - 1] not in ts.lex.words["police_units"]:
        return False
    return any(k != i and _unit_at(ts, k, gaz, own) for k in ts.positions(ts.words[i]))


def _unit_at(ts: TokenStream, k: int, gaz: Gazetteer, own: frozenset[str]) -> bool:
    """The unit name at token ``k`` (see :func:`police_unit`) is a police unit's by what stands
    right next to it; ``own``: the provinces of the regions it names itself."""
    lows = ts.lows
    if k > 0 and ts.joined(k) and lows[k - 1] in ts.lex.words["province_police"]:
        return True  # "Polda Metro"
    end, regions = gaz.longest(lows, k, districts=True)
    if end > k + 1:  # a longer name: "Metro Jaya" (Jakarta), "Metro Pusat" (a district of Metro)
        return not own.issuperset(r.province for r in regions)
    j = k + 1
    if j >= ts.n or not ts.joined(j) or not ts.caps[j]:
        return False
    end, regions = gaz.longest(lows, j, districts=True)
    # "Metro Jakarta Utara", "Metro Bekasi Kota", "Metro Gambir"; not "Metro Lampung"
    return end > j and all(ts.caps[j:end]) and not own.intersection(r.province for r in regions)


def _own_region_after(ts: TokenStream, j: int, gaz: Gazetteer, regions: list[Region]) -> bool:
    """Whether the name before token ``j``, which can denote ``regions``, is followed by a comma
    or a bracket and the name of its own province (``Kudus, Jawa Tengah``, ``Intan Jaya, Papua
    Tengah``, ``Pati (Jateng)``): so qualified, a regency's name that is also an everyday word
    (``kudus``, ``batu``, ``[_AMBIGUOUS_BARE]``) is the place, even where the word opens a
    sentence or is written in lower case elsewhere in the article."""
    if j + 1 >= ts.n or ts.words[j] not in (",", "(") or not ts.caps[j + 1]:
        return False
    end, named = gaz.longest(ts.lows, j + 1)
    return all(ts.caps[j + 1 : end]) and any(
        r.code.startswith(n.code) for n in named for r in regions if n.level == "province"
    )


_LEVEL_WORDS = (
    ("regency_words", "regency"),
    ("city_words", "city"),
    ("province_words", "province"),
)


def _at_level(ts: TokenStream, i: int, regions: list[Region]) -> list[Region]:
    """The regions of the level the word right before token ``i`` names (``[regency_words]``,
    ``[city_words]``, ``[province_words]`` in ``function_words.txt``): ``Pilwalkot Semarang``
    and ``Wali Kota Semarang`` are Kota Semarang, ``Pilbup Pekalongan`` and ``Bupati
    Pekalongan`` Kabupaten Pekalongan. All of them when none is of that level."""
    if i == 0 or not ts.joined(i) or not ts.caps[i - 1] or len(regions) < 2:
        return regions
    prev = ts.lows[i - 1]
    for section, level in _LEVEL_WORDS:
        if prev in ts.lex.words[section]:
            return [r for r in regions if r.level == level] or regions
    return regions


def _city_after(ts: TokenStream, end: int, gaz: Gazetteer) -> bool:
    """``Kota`` written after the name that ends before token ``end`` (``Polres Tegal Kota``),
    not opening a city's name of its own (``... Kota Tegal``)."""
    if end >= ts.n or ts.words[end] != "Kota" or not ts.joined(end):
        return False
    nxt = end + 1
    return not (nxt < ts.n and ts.joined(nxt) and gaz.lookup((ts.lows[nxt],), "city"))


def _alone(ts: TokenStream, i: int, end: int) -> bool:
    """The name at tokens ``i .. end-1`` stands alone: no capitalised word joined before it (but
    an everyday word opening the sentence, ``Warga Kudus``, or an election race, ``Pilkada
    Kudus``) and none after it (``Batang Kumu``, ``Pati Polri``), so it is no part of another
    name (``Roh Kudus``, ``Sunan Kudus``, ``Luar Batang``)."""
    k = i - 1
    if (
        k >= 0
        and ts.joined(i)
        and ts.caps[k]
        and not (ts.sent[k] and ts.is_common(k))
        and ts.lows[k] not in ts.lex.words["election_races"]
    ):
        return False
    return not (end < ts.n and ts.joined(end) and (ts.caps[end] or ts.upper[end]))


def match_place(
    ts: TokenStream, i: int, gaz: Gazetteer, *, complement: bool = False, districts: bool = False
) -> PlaceMatch | None:
    """A place phrase starting at token ``i``.

    Parameters
    ----------
    ts : TokenStream
    i : int
        Token index.
    gaz : Gazetteer
    complement : bool
        The place completes a role or organisation ("Kapolsek Bukit Kapur", "KPU Kota Dumai"):
        a person's name may follow, so the name is cut at what the gazetteer knows (or one word
        plus direction words for villages) instead of running over every capitalised word.
    districts : bool
        Also accept bare district names (for roles like ``Kapolsek``/``Camat``).

    Returns
    -------
    PlaceMatch or None
    """
    low = ts.lows[i]
    if (
        low not in gaz.first
        and (low,) not in ts.lex.place_heads
        and ts.words[i] not in ts.lex.countries.first
        and not (low == "ibu" and _capital(ts, i))  # (the call only for the word it tests)
    ):
        return None  # no head word and no region or country name starts here
    j, level = _head(ts, i)
    if level is not None:
        if j >= ts.n or not ts.joined(j) or not ts.words[j][:1].isupper():
            return None
        gaz_level = _HEAD_LEVEL.get(level)
        end = j
        regions: list[Region] = []
        if gaz_level is not None:
            end, regions = gaz.longest(ts.lows, j, districts=gaz_level == "district")
            regions = [r for r in regions if r.level == gaz_level]
            if not regions:
                end = j
        if end == j:
            if (not _plain_place_token(ts, j) and not ts.upper[j]) or (ts.lows[j],) in ts.lex.ranks:
                return None
            end = j + 1
            if complement:
                while (
                    end < ts.n
                    and ts.joined(end)
                    and ts.lows[end] in ts.lex.words["place_tails"]
                    and ts.caps[end]
                ):
                    end += 1
            else:
                # (an acronym after the name is a body: "Taman Pintar UGM", "Lapangan AU TNI")
                while (
                    end < ts.n
                    and end - j < 4
                    and _plain_place_token(ts, end)
                    and not (ts.upper[end] and ts.words[end].strip("IVX"))
                ):
                    end += 1
            if gaz_level is not None:
                regions = [
                    r for r in gaz.lookup(tuple(ts.lows[j:end]), gaz_level) if r.level == gaz_level
                ]
        return PlaceMatch(i, end, ts.surface(i, end), level, regions)
    # bare names: provinces, regencies/cities, aliases, (districts in role complements), countries
    if not ts.caps[i]:
        return None
    end, regions = gaz.longest(ts.lows, i, districts=districts)
    key = tuple(ts.lows[i:end])
    everyday = False  # an everyday word standing alone as a name: the place
    if end > i and not complement and gaz.is_everyday_word(key):
        if _own_region_after(ts, end, gaz, regions):
            pass
        elif not _alone(ts, i, end) or (
            ts.sent[i] and not ts.stands_alone_elsewhere(i, end, mid_sentence=True)
        ):
            return None  # "Roh Kudus", "Pati Polri", "Luar Batang", "Batang tubuh UUD"
        else:
            everyday = True
    if (
        ts.sent[i]
        and ts.is_common(i)
        and not everyday
        and not _own_region_after(ts, end, gaz, regions)
    ):
        return None
    if end == i + 1 and ts.lows[i] in ts.lex.words["unit_names"] and police_unit(ts, i, gaz):
        return None  # "Polres Metro Jakarta Utara", "Polda Metro": no city of Metro
    taken = (
        complement
        or everyday
        or not (gaz.is_ambiguous_bare(key) or (end - i == 1 and ts.written_lower(ts.lows[i])))
        or _own_region_after(ts, end, gaz, regions)
    )
    if end > i and all(ts.caps[k] for k in range(i, end)) and taken:
        if not districts:
            regions = [r for r in regions if r.level != "district"]
        regions = _at_level(ts, i, regions)
        if complement and _city_after(ts, end, gaz):
            # "Polres Tegal Kota", "Kapolres Magelang Kota": the city's unit
            regions = [r for r in regions if r.level == "city"] or regions
            end += 1
        if regions:
            lvl = regions[0].level if len({r.level for r in regions}) == 1 else "city"
            return PlaceMatch(i, end, ts.surface(i, end), lvl, regions)
    end = ts.lex.countries.longest(ts.words, i)
    if end > i:
        return PlaceMatch(i, end, ts.surface(i, end), "country", [])
    return None
