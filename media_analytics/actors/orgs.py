"""Organisation names: companies, police and military units, election bodies, legislatures,
ministries and agencies, parties, universities, and well-known short forms (``KPK``, ``Polri``).

A name opens with a head word from ``org_heads.txt`` (``PT.``, ``Polsek``, ``Kementerian``) or is
a listed name (``org_acronyms.txt``), and runs on over capitalised words, institution words,
places, unit numbers (``Kodim 0320/Dumai``) and a final acronym in parentheses, which becomes an
alias (``Universitas Gadjah Mada (UGM)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import is_derived_word, is_ordinary_word
from .places import match_place
from .regions import Gazetteer
from .tokens import TokenStream

__all__ = [
    "DEGREE_WORDS",
    "STATEMENT_OPENERS",
    "OrgMatch",
    "is_channel",
    "match_org",
    "match_tail_org",
    "speech_follows",
]

_ROMAN = re.compile(r"^(?:[IVX]{1,5}[A-C]?)$")
_MAX_TOKENS = 12
# Heads after which a plain capitalised word is needed to make a name ("Tim" alone is no name).
_SUFFIX_WORDS = frozenset({"Tbk", "Persero", "Perseroda"})
# heads that, before a single capital letter, name a group of a tournament's draw ("Grup H")
DRAW_GROUPS = frozenset({"Grup", "Group", "Pool"})
_VERSUS = frozenset({"Vs", "VS", "Versus"})
# Institution words that open a new body: "dan" before them starts a second organisation
# ("Bank Himbara dan Kantor Pos"), not a longer field list ("Pemuda, dan Olahraga").
_UNIT_WORDS = frozenset(
    [
        "kantor",
        "badan",
        "dinas",
        "bank",
        "kementerian",
        "balai",
        "pusat",
        "biro",
        "direktorat",
        "sekretariat",
        "komisi",
        "dewan",
        "partai",
        "universitas",
        "sekolah",
        "fakultas",
        "divisi",
        "unit",
        "kantor",
    ]
)


@dataclass
class OrgMatch:
    """An organisation phrase at tokens ``start .. end-1``.

    Attributes
    ----------
    name : str
        Name as written, without a trailing parenthesised alias.
    alias : str or None
        Acronym given in parentheses right after the name.
    alias_span : tuple of (int, int) or None
        Character span of the alias.
    name_end : int
        Token index where the name (without alias) ends.
    alias_of : int or None
        Token index where the part of the name that the alias stands for starts, when that is a
        body named at the end of the longer name (``Majelis Umum Perserikatan Bangsa-Bangsa
        (PBB)``: ``PBB`` is ``Perserikatan Bangsa-Bangsa``); None when it is the whole name.
    """

    start: int
    end: int
    name: str
    name_end: int
    alias: str | None = None
    alias_span: tuple[int, int] | None = None
    alias_of: int | None = None


def _is_plain(ts: TokenStream, j: int) -> bool:
    """A capitalised word that is neither a head, a rank (or its first word) nor an everyday
    word."""
    w = ts.words[j]
    if not w[:1].isupper() or ts.upper[j]:
        return False
    low = ts.lows[j]
    lex = ts.lex
    return not (
        ts.rank_end(j) > j
        or (low,) in lex.role_heads
        or (low,) in lex.place_heads
        or low in lex.street_heads
        or low in lex.common
    )


#: Degrees written as one word after a name, with no dots (``Ari Wibowo SH``).
DEGREE_WORDS = frozenset({"MM", "CFA", "SH", "MH", "SE", "ST", "SIK", "SIP", "MSi", "MPd"})


def _plain_run(ts: TokenStream, j: int) -> tuple[int, bool]:
    """Length of the run of plain words from ``j`` and whether it ends the phrase (a degree
    after it ends it too: ``PT Dhirga Surya Ari Wibowo SH``, the degree is the person's)."""
    k = j
    while k < ts.n and ts.joined(k) and _is_plain(ts, k) and ts.lows[k] not in ts.lex.institution:
        k += 1
    return k - j, ts.is_boundary(k) or (k > j and ts.words[k] in DEGREE_WORDS)


# "dalam keterangan resminya menyatakan", "melalui siaran pers": the statement a person speaks in
STATEMENT_OPENERS = frozenset({"dalam", "melalui", "lewat", "saat", "ketika"})
_STATEMENTS = frozenset(
    {"keterangan", "keterangannya", "rilis", "rilisnya", "siaran", "pernyataan"}
    | {"pernyataannya", "konferensi", "jumpa"}
)


def speech_follows(ts: TokenStream, k: int) -> bool:
    """Speech is reported right after token ``k - 1``: a speech verb, after up to three
    adverbs (``Budi Santoso juga mengatakan``), or the statement spoken in (``Budi Santoso
    dalam keterangan resminya``)."""
    lex = ts.lex
    adverbs = lex.words["adverbs"]
    steps = 0
    while k < ts.n and ts.lows[k] in adverbs and steps < 3:
        k += 1
        steps += 1
    if k >= ts.n:
        return False
    if ts.lows[k] in lex.verbs_before:
        return True
    return ts.lows[k] in STATEMENT_OPENERS and k + 1 < ts.n and ts.lows[k + 1] in _STATEMENTS


def _reads_as_person(ts: TokenStream, head: int, j: int, run: int, gaz: Gazetteer) -> bool:
    """The plain words ``j .. j+run-1`` that end an organisation's phrase, after the body's own
    words (``head .. j-1``), are a person's name rather than the rest of the body's.

    Written as in "[office] [organisation] [name] [verb]": ``Kementerian Kesehatan Siti Nadia
    Tarmidzi mengungkapkan``, ``Pegawai PT Garuda Indonesia Rajendra Kartawiria``. The words
    must look like a name (not all of them Indonesian words, none derived, none a kind word of
    an organisation or of a company's English name), and the article must show it: speech right
    after them, one of them standing alone elsewhere (``Menurut Nadia``), or the body named
    elsewhere without them (``PT Garuda Indonesia`` alone). A body named after a person
    (``UIN Syarif Hidayatullah``) rarely speaks or stands apart from its namesake that way.
    """
    lex = ts.lex
    end = j + run
    if not 2 <= run <= 4 or not all(ts.name_ok[j:end]):
        return False
    lows = ts.lows[j:end]
    if any(ts.words[k] in lex.org_tails or ts.lows[k] in _BUSINESS_WORDS for k in range(j, end)):
        return False
    if all(map(is_ordinary_word, lows)) or any(map(is_derived_word, lows)):
        return False
    if end < ts.n and ts.words[end] == "(":
        return False  # "Yayasan Pendidikan Agung Podomoro (YPAP)": the body's short form follows
    if any(match_place(ts, k, gaz, complement=True) is not None for k in range(j, end)):
        return False  # "Polres Pelabuhan Tanjung Priok", "PT AHM Plant Cikarang": where it is
    return (
        speech_follows(ts, end)
        or _speaks_alone(ts, j, j + 1)
        or _speaks_alone(ts, end - 1, end)
        or (j - head >= 2 and ts.stands_alone_elsewhere(head, j))
    )


def _speaks_alone(ts: TokenStream, a: int, k: int) -> bool:
    """The word at ``a`` (``k == a + 1``) speaks elsewhere on its own: a given name or a
    surname with a speech verb just before or after it and no capitalised word beside it
    (``ujar Danang``, ``Menurut Nadia``, ``Nadia mengatakan``). A word standing alone with no
    such verb may be the place or the company a body is named after (``Georgia``)."""
    lex = ts.lex
    word = ts.words[a]
    for p in ts.positions(word):
        if p == a or (p > 0 and ts.caps[p - 1] and ts.joined(p)):
            continue
        if p + 1 < ts.n and ts.caps[p + 1] and ts.joined(p + 1):
            continue
        prev = ts.lows[p - 1] if p > 0 else ""
        if prev in lex.verbs_after or prev == "menurut" or speech_follows(ts, p + 1):
            return True
    return False


#: English words that go on a company's name after its place ("PT Yamaha Indonesia Motor
#: Manufacturing", "Bank OCBC Singapura North Branch"), where a person's name would not.
_BUSINESS_WORDS = frozenset(
    {"manufacturing", "development", "branch", "tourism", "industries", "industry"}
    | {"international", "holdings", "resources", "energy", "services", "north", "south"}
    | {"east", "west", "central", "office", "mining", "plantations", "properties"}
)


def _continue_name(
    ts: TokenStream, j: int, gaz: Gazetteer, complement: bool, head: int | None = None
) -> int:
    """Read the rest of an organisation name from token ``j``; return where it ends.

    ``head`` is where the name starts (its head word), ``j`` by default.
    """
    lex = ts.lex
    head = j if head is None else head
    opened = -1  # where an everyday word opening the name ends ("PT Sumber Segara Primadaya")
    start = j
    placed = -1  # where the last region read in the name ends, when words came before it
    while j < ts.n and ts.joined(j) and j - start < _MAX_TOKENS:
        w = ts.words[j]
        low = ts.lows[j]
        if w == "(":
            if j + 2 < ts.n and ts.words[j + 1] in _SUFFIX_WORDS and ts.words[j + 2] == ")":
                j += 3
                continue
            break
        if w in _SUFFIX_WORDS:
            j += 1
            continue
        if ts.rank_end(j) > j:
            break  # a rank, written out or not: "Polsek Koja Ajun Komisaris Besar Budi"
        e = lex.org_phrases.longest(ts.words, j)
        if e > j:
            j = e
            continue
        if ts.caps[j] and (low in lex.institution or (low,) in lex.place_heads):
            # a district whose name opens with an institution word or a place head: "Polsek
            # Pasar Minggu" (whose second word is also a day's name)
            end, _ = gaz.longest(ts.lows, j, districts=True)
            if end > j + 1 and all(ts.caps[j:end]) and not any(ts.sent[j + 1 : end]):
                placed = end if j > start else placed
                j = end
                continue
        if (low,) in lex.place_heads and ts.caps[j]:
            # "Puskesmas Kecamatan Cilincing": the place head brings its place, a district or
            # village included, so that the name after it is not left for a person
            pm = match_place(ts, j, gaz, complement=True)
            if pm is not None and not any(ts.sent[j + 1 : pm.end]):
                placed = pm.end if j > start else placed
                j = pm.end
                continue
            if lex.place_heads[(low,)] == "landmark":
                j += 1  # a landmark's kind word in a name ("Komisi Keamanan Jembatan")
                continue
        if low in lex.institution and ts.caps[j]:
            j += 1
            continue
        if ts.caps[j] and not ts.upper[j]:
            pm = match_place(ts, j, gaz, complement=True)
            if pm is not None:
                placed = pm.end if j > start else placed
                j = pm.end
                continue
        if ts.upper[j] or _ROMAN.match(w):
            j += 1
            continue
        if w.isdigit():
            j += 1
            if j + 1 < ts.n and ts.words[j] == "/" and ts.words[j + 1][:1].isalnum():
                j += 2
            continue
        if (
            w == ","
            and j + 2 < ts.n
            and ts.lows[j + 1] == "dan"
            and ts.lows[j + 2] in lex.institution
            and ts.caps[j + 2]  # not "SMA Negeri, dan pengadaan meubel"
            and (ts.lows[j + 2] not in _UNIT_WORDS and ts.lows[j - 1] in lex.institution)
        ):
            j += 3  # "..., Pemuda, dan Olahraga"
            continue
        if low in ("dan", "&", ",", "/") and j + 1 < ts.n and ts.joined(j + 1) and ts.caps[j + 1]:
            nxt = ts.lows[j + 1]
            field_word = (
                nxt in lex.institution
                and nxt not in _UNIT_WORDS
                and (nxt,) not in lex.place_heads
                and (ts.words[j + 1],) not in lex.org_heads
                and lex.org_phrases.longest(ts.words, j + 1) == j + 1  # ("Siber, Polri": two)
                and (w != "," or ts.lows[j - 1] in lex.institution)
            )
            slash = (
                w == "/"
                and (ts.words[j + 1],) not in lex.org_heads
                and (ts.upper[j + 1] or _is_plain(ts, j + 1))
            )
            if field_word or slash:
                j += 2  # "Dinas Pariwisata, Pemuda", "Kementerian PPN/Bappenas"
                continue
        if (
            ts.caps[j]
            and low in lex.common
            and not ts.sent[j]
            and j + 1 < ts.n
            and ts.joined(j + 1)
            and _is_plain(ts, j + 1)
        ):
            j += 1  # "PT Sang Hyang Seri"
            opened = j if j == start + 1 else opened
            continue
        if _is_plain(ts, j):
            run, ends = _plain_run(ts, j)
            if ends and start < j != opened and _reads_as_person(ts, head, j, run, gaz):
                # the body has its name already, and a person's name follows it ("Kementerian
                # Kesehatan Siti Nadia Tarmidzi mengungkapkan")
                break
            if (
                placed == j
                and ends
                and 2 <= run <= 4
                and not any(
                    ts.words[k] in lex.org_tails or ts.lows[k] in _BUSINESS_WORDS
                    for k in range(j, j + run)
                )
            ):
                # words of a name right after the body's region, itself after the body's own
                # words, end it: a person named after the office ("Dinas Kehutanan Jawa Barat
                # Arniati Rahim"; not "PT Solo Manufaktur Kreasi", whose name opens with a place)
                break
            if complement and ends and j == start and _spelt_after(ts, head, j + run):
                # "Ekonom Universitas Gadjah Mada (UGM) Wisnu ...": the short form that follows
                # spells the body with all of the run, so no person's name is in it
                j += run
                break
            if complement and ends:
                # a person's name may follow ("Direktur PT Maju Jaya Budi Santoso"): an
                # organisation that has a name already ("Komisi II DPR RI") takes none of the
                # run; one with no name yet takes all but two words (at least one), or all of
                # it before a comma ("Komisaris PT Dosni Roha, Bambang ...")
                if j == start:
                    comma = j + run < ts.n and ts.words[j + run] == ","
                    j += run if comma else _body_words(ts, head, j, run)
                break
            j += run
            continue
        break
    return j


def _body_words(ts: TokenStream, head: int, j: int, run: int) -> int:
    """How many of the ``run`` plain words from ``j`` go on the body's name from ``head``, a
    person's name following them: all but two (at least one), unless the article shows where
    the person's name starts, with its first word standing alone by a speech verb elsewhere
    (``kata Wisnu``) or the body standing alone without the rest (``Universitas Gadjah Mada``):
    a three-word name after a two-word body (``Universitas Gadjah Mada Wisnu Setiadi Nugroho``)
    is then not cut after its first word."""
    for k in range(j + 1, j + run - 1):  # one word of the body at least, two of the name
        if _speaks_alone(ts, k, k + 1) or ts.stands_alone_elsewhere(head, k):
            return k - j
    return max(1, run - 2)


def _spelt_after(ts: TokenStream, head: int, end: int) -> bool:
    """A short form in brackets right after token ``end - 1`` that spells the body's words from
    ``head`` (``Universitas Gadjah Mada (UGM)``; or their start: ``Institut Teknologi Sepuluh
    Nopember (ITS)``), not a person's initials (``Budi Santoso (BS)``)."""
    if not (end + 2 < ts.n and ts.words[end] == "(" and ts.words[end + 2] == ")"):
        return False
    acr = ts.words[end + 1]
    return len(acr) >= 2 and ts.upper[end + 1] and _initials(ts.words[head:end]).startswith(acr)


def _past_titles(ts: TokenStream, j: int, role: bool) -> int:
    """Past the titles of the person a body is named after, right after its head (``RSUD Dr.
    Soetomo``, ``RSUP Prof. dr. R. D. Kandou``, ``Universitas Prof. Dr. Moestopo``): honorifics
    in either case, each with its dot, and initials, up to the name, which the name reader would
    otherwise not reach past a dot or a title in lower case; ``j`` when no title and name follow.

    After a role (``role``) the title may open the holder's name instead (``Kepala
    Puskesmas dr Budi Santoso``): the body is named after the person only when the name runs
    on to a comma (``Direktur RSUD dr Soetomo, dr Joni``) or past two words, the last two being
    the holder's (``Direktur RSUD Dr. Soetomo Joni Wahyuhadi``).
    """
    k, titled = j, False
    while k < ts.n and ts.joined(k):
        if (ts.lows[k],) in ts.lex.hon_prefix:
            titled = True
        elif not (len(ts.words[k]) == 1 and ts.words[k].isupper() and ts.skip_dot(k + 1) > k + 1):
            break  # not an initial ("R.") either
        k = ts.skip_dot(k + 1)
    if not (titled and k < ts.n and ts.joined(k) and ts.caps[k]):
        return j
    if role:
        run, _ = _plain_run(ts, k)
        if run < 3 and not (k + run < ts.n and ts.words[k + run] == ","):
            return j
    return k


def _defines_other(ts: TokenStream, i: int) -> bool:
    """``Public-Private Partnership (PPP)``: a listed acronym that spells the phrase before it."""
    if i < 2 or ts.words[i - 1] != "(" or i + 1 >= ts.n or ts.words[i + 1] != ")":
        return False
    acr = ts.words[i]
    k = i - 2
    letters: list[str] = []
    while k >= 0 and len(letters) < len(acr) and ts.words[k][:1].isalpha():
        for part in reversed(ts.words[k].split("-")):
            if part:
                letters.append(part[0].upper())
        k -= 1
    return "".join(reversed(letters))[-len(acr) :] == acr


def is_channel(ts: TokenStream, i: int) -> bool:
    """``diunggah di Instagram``, ``akun YouTube-nya``, ``media sosial Facebook, Instagram dan
    TikTok``: a platform named as the channel of a post, not as a company (a word of
    ``[channel_before]`` before it or before the first platform of its list, or one of
    ``[channel_after]`` after it).

    >>> from media_analytics.actors.lexicon import get_lexicon
    >>> text = "Ia mengunggah foto di Instagram. Instagram merilis fitur baru."
    >>> ts = TokenStream(text, get_lexicon())
    >>> [is_channel(ts, k) for k, w in enumerate(ts.words) if w == "Instagram"]
    [True, False]
    """
    words = ts.lex.words
    if ts.lows[i] not in words["platforms"]:
        return False
    if i + 1 < ts.n and ts.lows[i + 1] in words["channel_after"]:
        return True
    k = i - 1
    # a list of platforms shares the channel word before its first member
    while k > 0 and ts.lows[k] in (",", "dan", "atau") and ts.lows[k - 1] in words["platforms"]:
        k -= 2
    return k >= 0 and ts.lows[k] in words["channel_before"]


def is_draw_group(ts: TokenStream, i: int) -> bool:
    """``Grup H Liga Champions``, ``Grup G Kualifikasi Piala Dunia``: a group of a tournament's
    draw (a head such as ``Grup`` before a single capital letter), no organisation."""
    j = i + 1
    return (
        j < ts.n
        and ts.words[i] in DRAW_GROUPS
        and ts.joined(j)
        and len(ts.words[j]) == 1
        and ts.words[j].isupper()
    )


#: Known names that, right before another organisation's, are that organisation's board or
#: branch: ``DPD Gerindra Jateng`` (a party's regional board), not ``DPD`` (the senate).
_BRANCH_HEADS = frozenset({"DPD"})


def match_org(
    ts: TokenStream, i: int, gaz: Gazetteer, *, complement: bool = False
) -> OrgMatch | None:
    """An organisation name starting at token ``i``.

    Parameters
    ----------
    ts : TokenStream
    i : int
    gaz : Gazetteer
    complement : bool
        The organisation completes a role, so a person's name may follow it.

    Returns
    -------
    OrgMatch or None

    Examples
    --------
    >>> from media_analytics.actors.lexicon import get_lexicon
    >>> from media_analytics.actors.regions import get_gazetteer
    >>> ts = TokenStream("Warga PT. Maju Bersama hadir.", get_lexicon())
    >>> match_org(ts, 1, get_gazetteer()).name
    'PT. Maju Bersama'
    """
    lex = ts.lex
    w = ts.words[i]
    if not w[:1].isupper() or w not in lex.org_openers:
        return None  # no listed name and no head word starts here
    known = lex.org_phrases.longest(ts.words, i)
    if known == i + 1 and (_defines_other(ts, i) or is_channel(ts, i)):
        return None
    if (
        known == i + 1
        and w in _BRANCH_HEADS
        and known < ts.n
        and ts.joined(known)
        and ts.caps[known]
        and ts.words[known] in lex.org_openers
    ):
        # "DPD Gerindra Jateng": a party's regional board, named by the party that follows,
        # not the senate (DPD, "DPD RI")
        return None
    if known > i:
        j = known
        if j < ts.n and ts.joined(j) and ts.caps[j]:
            # "Mitsubishi Motors Corporation", "Daihatsu Motor": a known name, then a kind word
            run = ts.words[j : min(ts.run_end(j), j + 4)]
            kinds = [t for t, w in enumerate(run) if w in lex.org_tails]
            if kinds and not _VERSUS.intersection(run[: kinds[-1]]):  # (not two clubs)
                j += kinds[-1] + 1
        # "KPU Dumai", "BPS Jawa Barat", "Bawaslu Kota Dumai", "DPR RI"
        while j < ts.n and ts.joined(j):
            if ts.words[j] in ("RI",):
                j += 1
                continue
            pm = match_place(ts, j, gaz, complement=True)
            if pm is None:
                break
            j = pm.end
    else:
        h = lex.org_heads.longest(ts.words, i)
        if h == i:
            return None
        h = ts.skip_dot(h)
        if h >= ts.n or not ts.joined(h):
            return None
        if is_draw_group(ts, i):
            return None
        # (after a role word, read alone or as its complement: "Kepala Puskesmas dr Budi")
        role = complement or (i > 0 and ts.lows[i - 1] in lex.role_openers)
        h = _past_titles(ts, h, role)
        j = _continue_name(ts, h, gaz, complement, i)
        if j == h:
            return _short_form_inside(ts, i, h, gaz, complement)
    return _alias_after(ts, OrgMatch(i, j, ts.surface(i, j), j), gaz)


def _short_form_inside(
    ts: TokenStream, i: int, h: int, gaz: Gazetteer, complement: bool
) -> OrgMatch | None:
    """A head word's short form in parentheses before the rest of the name: ``Kepolisian
    Daerah (Polda) Jambi`` is ``Kepolisian Daerah Jambi``, ``Polda`` its short form there.

    >>> from media_analytics.actors.lexicon import get_lexicon
    >>> from media_analytics.actors.regions import get_gazetteer
    >>> ts = TokenStream("Kepolisian Daerah (Polda) Jambi menangkap dua pelaku.", get_lexicon())
    >>> m = match_org(ts, 0, get_gazetteer())
    >>> m.name, m.alias
    ('Kepolisian Daerah Jambi', 'Polda')
    """
    if not (
        h + 3 < ts.n
        and ts.words[h] == "("
        and ts.words[h + 2] == ")"
        and ts.words[h + 1][:1].isupper()
        and ts.joined(h + 3)
    ):
        return None
    # the short form spells the head ("Polda": Kepolisian Daerah; not "Biro (Karo) BKN"), and a
    # place follows it
    letters = iter(ts.surface(i, h).lower())
    if not all(c in letters for c in ts.lows[h + 1]):
        return None
    place = match_place(ts, h + 3, gaz, complement=True)
    if place is None:
        return None
    j = place.end
    return OrgMatch(
        i,
        j,
        f"{ts.surface(i, h)} {ts.surface(h + 3, j)}",
        j,
        alias=ts.words[h + 1],
        alias_span=(ts.starts[h + 1], ts.ends[h + 1]),
    )


def _alias_after(ts: TokenStream, match: OrgMatch, gaz: Gazetteer) -> OrgMatch:
    j = match.end
    spelt = _full_name_after(ts, match)
    if spelt is not None:
        # "LPS (Lembaga Penjamin Simpanan)": a short form, then its full name, which names
        # the organisation as "Universitas Gadjah Mada (UGM)" does
        close, first = spelt
        match.alias, match.name = match.name, ts.surface(first, close)
        match.alias_span = (ts.starts[first], ts.ends[close - 1])
        match.end = close + 1
        return match
    if (
        j + 2 < ts.n
        and ts.words[j] == "("
        and ts.words[j + 2] == ")"
        and ts.words[j + 1][:1].isupper()
        and (ts.upper[j + 1] or ts.words[j + 1][1:2].islower())
        and not ts.words[j + 1].isdigit()
    ):
        if ts.lows[j + 1] in ts.lex.common or _is_place(ts, j + 1, gaz):
            return match  # "PT Ultra Sakti (Indonesia)", "(Senin)": where or when, no alias
        match.end = j + 3
        acr = ts.words[j + 1]
        if ts.upper[j + 1] and _initials(ts.words[match.start : j]) != acr:
            # "Majelis Umum Perserikatan Bangsa-Bangsa (PBB)": an acronym that spells only the
            # end of the name is the short form of the body named there, a body inside
            # another staying apart; a place there keeps its own name ("Kedutaan Besar
            # Amerika Serikat (AS)"). Not after a company's legal form ("PT Bank Rakyat
            # Indonesia (BRI)" is one company).
            part = next(
                (k for k in range(match.start + 1, j - 1) if _initials(ts.words[k:j]) == acr),
                None,
            )
            if part is not None and not _LEGAL_FORMS.issuperset(ts.words[match.start : part]):
                if _is_place(ts, part, gaz, end=j):
                    return match
                match.alias_of = part
        match.alias = acr
        match.alias_span = (ts.starts[j + 1], ts.ends[j + 1])
    return match


# a company's legal form before its name ("PT Bank Rakyat Indonesia"): no body of its own
_LEGAL_FORMS = frozenset({"PT", "PT.", "CV", "CV.", "Perum", "Perumda", "Perseroda"})


def _initials(words: list[str]) -> str:
    """The capital initials of ``words``, each part of a hyphenated word counted
    (``Perserikatan Bangsa-Bangsa``: ``PBB``)."""
    return "".join(
        part[0] for w in words if w[:1].isupper() for part in w.split("-") if part[:1].isupper()
    )


def _is_place(ts: TokenStream, i: int, gaz: Gazetteer, *, end: int | None = None) -> bool:
    """Whether a place name runs from token ``i`` to ``end`` (default: the next token)."""
    pm = match_place(ts, i, gaz)
    return pm is not None and pm.end == (i + 1 if end is None else end)


_JOINERS = frozenset({"dan", "&", "untuk", "of", "for", "and"})


def _full_name_after(ts: TokenStream, match: OrgMatch) -> tuple[int, int] | None:
    """``(closing bracket, first word)`` when an acronym (``LPS``) is followed by its full name
    in brackets, the initials of its capitalised words spelling it; else None."""
    short, j = match.name, match.end
    if not (2 <= len(short) <= 8 and short.isalpha() and short.isupper()):
        return None
    if j + 3 >= ts.n or ts.words[j] != "(" or not ts.joined(j + 1):
        return None
    close = next((k for k in range(j + 2, min(ts.n, j + 12)) if ts.words[k] == ")"), None)
    if close is None or close - (j + 1) < 2:
        return None
    words = ts.words[j + 1 : close]
    capitals = [w for w in words if w.lower() not in _JOINERS]
    if not all(w[:1].isupper() for w in capitals):
        return None
    if "".join(w[0] for w in capitals).upper() != short:
        return None
    return close, j + 1


def match_tail_org(ts: TokenStream, i: int, gaz: Gazetteer) -> OrgMatch | None:
    """``China Development Bank``, ``Phintraco Sekuritas``: a name ending in a kind word."""
    if not ts.caps[i] or ts.is_common(i) or is_derived_word(ts.lows[i]) or ts.words[i] in _VERSUS:
        return None  # (the run starts later: "Mengutip Smithsonian Magazine", "Vs Madura United")
    if ts.upper[i] and (ts.words[i],) not in ts.lex.org_phrases:
        return None
    tails = ts.lex.org_tails
    j = min(ts.run_end(i), i + 6)
    last = j - 1  # the kind word must end the run: "Just Energy Transition Partnership" is no org
    if last == i or ts.words[last] not in tails:
        return None
    if j < ts.n and ts.lows[j] in ("of", "for", "on") and ts.joined(j):
        return None  # "National Centre for Space Studies": the name goes on past the kind word
    return _alias_after(ts, OrgMatch(i, last + 1, ts.surface(i, last + 1), last + 1), gaz)
