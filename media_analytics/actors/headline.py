"""Places a story's headline or dateline names and its body does not.

A scored record's actors are read from the cleaned body (their ``mentions`` are offsets into it),
but where a story happens is often said only in its headline (``Demo Tolak RUU Pilkada di
Semarang Ricuh``) or its dateline (``SEMARANG, KOMPAS.com - ...``, split off by the cleaner).
:func:`places_outside_body` gives those places as place actors with no mentions and
``named_in`` saying where they were named (``["title"]``, ``["dateline"]`` or both), for the
regions the body does not already give; the reports count a story's regions from them as from
the body's places.

A headline is read as a body is (:func:`~media_analytics.actors.extract_actors`), and its
local branches give their place too (``KPU Banyumas``: ``Banyumas``). Most headlines are in
Title Case, where a capital says nothing: a region whose name is also an everyday word
(``Serang``, "attack"; ``Batang``, the counting word of cigarettes; ``Solo``; ``Batu Bara``,
coal) is a place there only after ``di``, ``ke``, ``dari``, an election or an office
(``Pilkada Solo``, ``Wali Kota Malang``), or beside its province. Countries are left out: they
give no region.

A dateline is a place by position, so any region's name there is one (``KUDUS -``, which in a
body is also the word "holy"), and so is the town a regency is governed from when it is no
region's name (:func:`dateline_regions`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from .extract import ArticleActors, analyse
from .lexicon import get_lexicon, is_ordinary_word, phrase_key, read_csv_rows
from .model import Actor
from .places import match_place
from .regions import Gazetteer, Region, get_gazetteer, region_of

__all__ = [
    "bodies_outside_body",
    "dateline_regions",
    "places_outside_body",
    "tickets_outside_body",
]

_WORD = re.compile(r"\w+")

# Region names that running text also writes in lower case, as everyday words: on the 18,241
# CLICK-ID and detik 2025 bodies, each of these is written in lower case 10 times or more and in
# 5% of its uses at least (``batu bara`` 67 of 75, ``batang`` 109 of 154, ``solo`` 217 of 660,
# ``serang`` 68 of 163, ``medan`` 77 of 718, ``padang`` 37 of 421). The names that are never a
# place without a head word (``Kudus``, ``Batu``, ``Pati``: ``regions._AMBIGUOUS_BARE``) are
# not read from a headline either.
_EVERYDAY = frozenset(
    {
        ("batu", "bara"),
        ("pesisir", "selatan"),
        ("batang",),
        ("lahat",),
        ("serang",),
        ("solo",),
        ("palu",),
        ("medan",),
        ("malang",),
        ("padang",),
    }
)
# Words after which such a name in a headline is the place: "di Malang", "ke Solo", "Pilkada
# Solo", "Wali Kota Malang", "Bupati Batang".
_PLACE_CUES = frozenset(
    {
        *("di", "ke", "dari", "asal", "kota", "kabupaten", "kab", "provinsi"),
        *("pilkada", "pilbup", "pilwalkot", "bupati", "wabup", "walkot", "wawalkot"),
    }
)
# Words after a town's name in the names of its districts ("Purwokerto Selatan", "Ungaran
# Barat", "Tanjung Pinang Kota"); "Kota Waingapu" names a district before it.
_TOWN_PARTS = frozenset({"utara", "selatan", "barat", "timur", "tengah", "kota"})


def places_outside_body(
    title: str, dateline: str | None, actors: Sequence[Actor] = ()
) -> list[Actor]:
    """The places a headline or a dateline names whose region the body's actors do not give.

    Parameters
    ----------
    title : str
        The cleaned headline (``""`` for none).
    dateline : str or None
        The dateline the cleaner split off the body (``"Semarang"``), if any.
    actors : sequence of Actor
        The actors read from the body (:func:`~media_analytics.actors.extract_actors`): their
        regions are not added again (a place of the same region, or of a region inside it, is
        there already), nor a headline's place whose name the body places elsewhere (``Kuningan,
        Jakarta Selatan``: the headline's ``Kuningan`` is no regency of Jawa Barat), and they
        choose between regions of one name (a dateline ``Wonosari`` beside ``DIY`` is
        Kabupaten Gunungkidul's).

    Returns
    -------
    list of Actor
        Place actors with a region, with no ``mentions`` (those are offsets into the body) and
        ``named_in`` ``["title"]``, ``["dateline"]`` or ``["title", "dateline"]``; the
        headline's in its order, then the dateline's.

    Examples
    --------
    >>> [(a.name, a.region, a.named_in) for a in places_outside_body("", "Kudus")]
    [('Kudus', {'province': 'Jawa Tengah', 'regency': 'Kabupaten Kudus'}, ['dateline'])]
    >>> from media_analytics.actors import extract_actors
    >>> places_outside_body("Banjir di Kota Dumai", None, extract_actors("Banjir di Dumai."))
    []
    """
    gaz = get_gazetteer()
    known = [dict(a.region) for a in actors if a.region]
    # the body's reading of a name wins: "Kuningan, Jakarta Selatan" in the body, the
    # headline's "Kuningan" is no regency of Jawa Barat
    read = [phrase_key(a.name) for a in actors if a.type == "place" and a.region]
    added: list[Actor] = []
    if title:
        for place in _headline_places(title, gaz):
            if not any(_within(phrase_key(place.name), key) for key in read):
                _add(added, known, place, "title")
    if dateline:
        context = _codes([*known, *(a.region for a in added if a.region)], gaz)
        town = _dateline_place(dateline, gaz, context)
        if town is not None:
            _add(added, known, town, "dateline")
    return added


def bodies_outside_body(title: str, actors: Sequence[Actor] = ()) -> list[Actor]:
    """The institutions a headline names that the body does not: the bodies of
    ``org_acronyms.txt`` (``KPK``, ``Polri``, ``Bawaslu``, as written there, case included) and
    their local branches (``Bawaslu Jateng``), as organisation actors with no ``mentions`` and
    ``named_in`` ``["title"]``.

    A story often names its institution in the headline only (``Imam Nahrawi Tersangka, KPK:
    Kemenpora Butuh Pembenahan``, the body writing "lembaga antirasuah"): counted from the
    body alone, it was missing from the institution's share of voice. Only listed bodies are
    read, as a headline in Title Case capitalises every word; an organisation the body names
    (in any of the forms reports group, :func:`~media_analytics.actors.org_words`) is not added
    again. They get no tone: they have no sentence.

    >>> [(a.name, a.named_in) for a in bodies_outside_body("Polri Bantah Ada Penembakan di Papua")]
    [('Polri', ['title'])]
    >>> from media_analytics.actors import extract_actors
    >>> body = extract_actors("Komisi Pemberantasan Korupsi (KPK) memeriksa saksi.")
    >>> bodies_outside_body("KPK Periksa Saksi", body)
    []
    """
    if not title:
        return []
    from .names import org_words

    listed = get_lexicon().org_phrases.keys
    read = {org_words(a.name) for a in actors if a.type == "organization"}
    read |= {org_words(alias) for a in actors if a.type == "organization" for alias in a.aliases}
    added: list[Actor] = []
    for actor in _analysed(title).actors:
        if actor.type != "organization" or org_words(actor.name) in read:
            continue
        key = phrase_key(actor.name, lower=False)
        # a branch: a listed body and the region its name ends in, not an everyday word that
        # a Title Case headline capitalises ("Houthi Serang Situs Minyak": "attack")
        branch = (
            actor.region is not None
            and key[:1] in listed
            and tuple(w.lower() for w in key[1:]) not in _EVERYDAY
        )
        if key not in listed and not branch:
            continue
        read.add(org_words(actor.name))
        added.append(replace(actor, mentions=[], named_in=["title"]))
    return added


def tickets_outside_body(title: str, body: str, actors: Sequence[Actor] = ()) -> list[Actor]:
    """The candidates of the tickets a headline names and the body does not: in a story of an
    election whose candidates run in pairs (a word of ``[ticket_stories]`` in the headline or
    the body: ``Pilgub``, ``paslon``, ``cagub``), each name of a pair joined by a hyphen
    (``Quick Count: Andika-Hendi 41,56%, Luthfi-Yasin 58,44%``), as a person actor with no
    ``mentions`` and ``named_in`` ``["title"]``.

    Election indexes and feeds often carry a headline and a lead, the lead naming no candidate:
    read from the body alone, the candidates of such stories were missing from their share of
    voice. A pair is read only when it stands alone (no name-like word joined to it: ``Andika
    Perkasa-Hendrar Prihadi`` is read from a body, where capitals tell names apart), when
    neither side is an everyday word (``Kunker-Beri Pesan``, ``Kolaborasi Parpol-Relawan``: a
    root word or a word the body writes in lower case, unless a listed given name such as
    ``Andika``) or a listed organisation, when no word of a road or a line stands before it
    (``Tol Jakarta-Cikampek``), and for the names the body does not give already (a body's
    ``Ahmad Luthfi`` gives ``Luthfi``). They get no tone: they have no sentence.

    >>> [a.name for a in tickets_outside_body("Andika-Hendi Unggul di Solo", "Hasil Pilgub.")]
    ['Andika', 'Hendi']
    >>> tickets_outside_body("Tol Jakarta-Cikampek Padat", "Arus mudik Pilkada.")
    []
    """
    if not title or "-" not in title:
        return []
    state = _analysed(title)
    ts = state.ts
    # the body's words as written: for the election's words, and because a word the body
    # writes in lower case is an everyday word ("Kolaborasi Parpol-Relawan")
    written = set(_WORD.findall(body)) if body else set()
    tickets = ts.lex.words["ticket_stories"]
    if tickets.isdisjoint(ts.lows) and tickets.isdisjoint({w.lower() for w in written}):
        return []
    have = {w.lower() for a in actors if a.type == "person" for w in a.name.split()}
    lex = ts.lex

    def name_like(k: int) -> bool:  # a word of a longer name beside the pair
        w = ts.words[k]
        return w[:1].isupper() and w.isalpha() and not is_ordinary_word(w.lower())

    def a_name(w: str) -> bool:
        # a Title Case headline capitalises everything and joins any two words with a hyphen
        # ("Kunker-Beri Pesan", "Salawat-Pesta Kembang Api"): each side a listed given name
        # or no everyday word, and no body listed among the organisations ("Golkar")
        low = w.lower()
        return (
            (low in lex.given_names or not is_ordinary_word(low))
            and low not in written
            and phrase_key(w, lower=False) not in lex.org_phrases.keys
        )

    added: list[Actor] = []
    for k, word in enumerate(ts.words):
        parts = word.split("-")
        if (
            len(parts) != 2
            or not state._names_either_side(*parts)
            or not all(map(a_name, parts))
            or (k > 0 and name_like(k - 1))
            or (k + 1 < ts.n and name_like(k + 1))
            or state._route_before(k)
        ):
            continue
        for name in parts:
            if name.lower() not in have:
                have.add(name.lower())
                added.append(Actor(name=name, type="person", named_in=["title"]))
    return added


def dateline_regions(name: str) -> list[Region]:
    """The regencies, cities or provinces a dateline can name.

    In turn: a region's name or one of its short forms (``Semarang``, ``Jateng``, ``Kab.
    Cirebon``, ``Kudus``); a town a regency is governed from that no region or district is
    named after, as the project's sample articles write it (``Singaraja``, ``Watampone``:
    ``actors/data/dateline_towns.csv``); a district's name (``Slawi``, ``Kajen``), or a town's
    that the names of districts carry with a direction or ``Kota`` (``Purwokerto`` from
    ``Purwokerto Selatan``, ``Ungaran`` from ``Ungaran Barat``, ``Waingapu`` from ``Kota
    Waingapu``), giving the regencies those districts lie in; a region's name written without
    its space or with one (``Tanjungpinang``, ``Palangka Raya``).

    Parameters
    ----------
    name : str
        The dateline as the cleaner gives it.

    Returns
    -------
    list of Region
        Empty for a place abroad or one the region list does not know.

    Examples
    --------
    >>> [r.name for r in dateline_regions("Purwokerto")]
    ['Kabupaten Banyumas']
    >>> [r.name for r in dateline_regions("Semarang")]
    ['Kabupaten Semarang', 'Kota Semarang']
    """
    gaz = get_gazetteer()
    key = phrase_key(name)
    if not key:
        return []
    head = {"kab": "regency", "kabupaten": "regency", "kota": "city"}.get(key[0])
    if head is not None and len(key) > 1:
        found = gaz.lookup(key[1:], head)
        if found:
            return found
    found = gaz.lookup(key)
    if found:
        return found
    return list(_towns(gaz).get(key, ()))


@lru_cache(maxsize=8)
def _analysed(title: str) -> ArticleActors:
    """A headline's actors (read once for its places and its bodies)."""
    return analyse(title)


def _headline_places(title: str, gaz: Gazetteer) -> list[Actor]:
    """The places a headline names, read as a body is, and the places its local branches'
    names end in (``KPU Banyumas``); everyday words of a Title Case headline only with a cue."""
    state = _analysed(title)
    ts = state.ts
    # (where it is first named, the place, whether it is an everyday word with no cue)
    found: list[tuple[int, Actor, bool]] = []
    for actor in state.actors:
        if not actor.region or not actor.mentions:
            continue
        if actor.type == "place":
            everyday = all(phrase_key(ts.text[a:b]) in _EVERYDAY for a, b in actor.mentions)
            cued = any(_cued(state, a) for a, _ in actor.mentions)
            found.append((actor.mentions[0][0], _fresh(actor), everyday and not cued))
        elif actor.type == "organization":
            branch = _branch_place(state, actor, gaz)
            if branch is not None:  # (inside a name: no cue before it, "PSMS Medan")
                start, place = branch
                found.append((start, place, phrase_key(place.name) in _EVERYDAY))
    found.sort(key=lambda f: f[0])
    if not _title_case(state):
        return [place for _, place, _ in found]
    # the provinces the headline names as such: "Serang, Banten", "Medan (Sumut)"
    sure = {p.official for _, p, _ in found if p.region and p.official == p.region["province"]}
    return [p for _, p, doubt in found if not doubt or (p.region or {}).get("province") in sure]


def _cued(state: ArticleActors, start: int) -> bool:
    """The word before the name at character ``start`` makes it a place: ``di Malang``, ``ke
    Solo``, ``Pilkada Solo``, ``Wali Kota Malang``."""
    ts = state.ts
    k = ts.index_at(start)
    return k > 0 and ts.joined(k) and ts.lows[k - 1] in _PLACE_CUES


def _title_case(state: ArticleActors) -> bool:
    """Whether a headline is in Title Case: half its words of four letters or more after the
    first are capitalised (``Warga di Jawa Tengah Doa Bersama untuk Pilkada Aman``), as most
    portals write them; a headline in sentence case capitalises names only."""
    ts = state.ts
    words = [k for k in range(1, ts.n) if len(ts.words[k]) > 3 and ts.words[k].isalpha()]
    return not words or 2 * sum(ts.caps[k] for k in words) >= len(words)


def _fresh(actor: Actor) -> Actor:
    """A copy of the place ``actor`` with no mentions (they were offsets into the headline)."""
    return replace(
        actor,
        title=None,
        role=None,
        honorifics=[],
        aliases=[],
        mentions=[],
        region=dict(actor.region) if actor.region else None,
        named_in=[],
    )


def _branch_place(state: ArticleActors, org: Actor, gaz: Gazetteer) -> tuple[int, Actor] | None:
    """The place a local branch's name ends in (``Banyumas`` of ``KPU Banyumas``, ``Jateng`` of
    ``Bawaslu Jateng``), as a place actor of the branch's region, and where it starts."""
    ts = state.ts
    for start, end in org.mentions:
        i, j = ts.index_at(start), ts.index_at(end)
        for k in range(i + 1, j):
            pm = match_place(ts, k, gaz, complement=True)
            if pm is not None and pm.end == j:
                one = region_of([r for r in pm.regions if r.level != "district"])
                if one is None:
                    return None
                # the official name when the branch's region is that one region
                official = (
                    one.name if isinstance(one, Region) and one.as_dict() == org.region else None
                )
                region = dict(org.region) if org.region else None
                return ts.starts[k], Actor(pm.name, "place", region=region, official=official)
    return None


def _dateline_place(name: str, gaz: Gazetteer, context: Iterable[str]) -> Actor | None:
    """The dateline as a place actor of the one region it names (or of their one province),
    choosing by the regions named elsewhere in the article (``context``: their codes)."""
    found = region_of(dateline_regions(name), context)
    if found is None:
        return None
    if isinstance(found, Region):
        return Actor(name=name, type="place", region=found.as_dict(), official=found.name)
    return Actor(name=name, type="place", region=dict(found))


def _add(added: list[Actor], known: list[dict[str, str]], place: Actor, where: str) -> None:
    """Add ``place``, named in ``where``, unless its region is known or inside a known one; the
    same region named again (the headline's and the dateline's) is one place named in both."""
    region = place.region or {}
    if any(_told(region, other) for other in known):
        return
    for other in added:
        if other.region == region:
            if where not in other.named_in:
                other.named_in.append(where)
            return
    if any(_told(region, other.region or {}) for other in added):
        return
    place.named_in = [where]
    added.append(place)


def _told(region: Mapping[str, str], other: Mapping[str, str]) -> bool:
    """``other`` tells all that ``region`` tells: the same province, and the same regency or
    none (``{"province": "Jawa Tengah"}`` beside Kota Semarang's region)."""
    if region.get("province") != other.get("province"):
        return False
    return region.get("regency") in (None, other.get("regency"))


def _within(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    """``small`` is a run of consecutive words of ``big``."""
    n = len(small)
    return any(big[k : k + n] == small for k in range(len(big) - n + 1))


def _codes(regions: Iterable[Mapping[str, str]], gaz: Gazetteer) -> list[str]:
    """The codes of regions given as ``{"province": ..., "regency": ...}``."""
    codes = []
    for region in regions:
        name = region.get("regency") or region.get("province")
        for r in gaz.lookup(name) if name else ():
            if r.province == region.get("province") and r.name == name:
                codes.append(r.code)
                break
    return codes


@lru_cache(maxsize=2)
def _towns(gaz: Gazetteer) -> dict[tuple[str, ...], tuple[Region, ...]]:
    """Dateline names that are no region's own name, keyed as :func:`phrase_key` gives them,
    with the regions they name (see :func:`dateline_regions`); first of all the listed towns,
    then the names of districts and of the towns their names carry (a region's name written
    with or without its space, ``Palangka Raya``, ``Tanjungpinang``, the gazetteer reads
    itself)."""
    parted: dict[tuple[str, ...], list[Region]] = {}
    for key, districts in gaz.districts.items():
        bases = [key]
        if len(key) > 1 and key[-1] in _TOWN_PARTS:
            bases.append(key[:-1])  # "Purwokerto Selatan", "Ungaran Barat"
        if len(key) > 1 and key[0] == "kota":
            bases.append(key[1:])  # "Kota Waingapu"
        for base in bases:
            for district in districts:
                _put(parted, base, gaz.by_code[district.code[:4]])
    by_name = {r.name.lower(): r for r in gaz.by_code.values() if r.level != "district"}
    listed: dict[tuple[str, ...], list[Region]] = {}
    for row in read_csv_rows("dateline_towns.csv"):
        _put(listed, phrase_key(row["town"]), by_name[row["official"].lower()])
    merged = {**parted, **listed}
    return {key: tuple(regions) for key, regions in merged.items()}


def _put(table: dict[tuple[str, ...], list[Region]], key: tuple[str, ...], region: Region) -> None:
    bucket = table.setdefault(key, [])
    if region not in bucket:
        bucket.append(region)
