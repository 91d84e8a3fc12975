"""``extract_actors``: one pass of the matchers over the text, then coreference inside the article.

Pass 1 walks the tokens left to right and, at each capitalised word (or lower-case role word),
tries in turn: a street address (skipped), a person introduced by a role/rank/honorific (or a
bare role), an organisation, a place, a bare name with a speech or age cue (or joined by
``dan`` to a person named just before); a pair written with a hyphen (``Ahmad Luthfi-Taj
Yasin``) is two persons. Name-like runs with no cue become persons when a word of theirs recurs
alone, when a common given name opens them (``actors/data/given_names.txt``: ``Hasilnya, Ahmad
Luthfi dan Taj Yasin dinyatakan unggul``), or when ``dan`` joins them to such a person. Pass 2
joins the pieces: persons with the same or a contained name
become one (``Anra Nosa`` / ``IPTU Anra Nosa`` / ``Nosa``), bare role phrases go to the person
the article bound that role to, acronyms go to the organisation that introduced them, and places
take their region from the gazetteer and from the places listed next to them (``Kelurahan X,
Kecamatan Y, Kota Z``).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from itertools import pairwise

from .aliases import link_aliases
from .lexicon import initials_of, is_derived_word, is_ordinary_word, phrase_key
from .model import Actor, canonical_key, normalize_name, org_key
from .names import org_words
from .orgs import DRAW_GROUPS, OrgMatch, is_channel, is_draw_group, match_org, match_tail_org
from .people import (
    OUTFIT_CUES,
    PersonMatch,
    RoleMatch,
    cue_person,
    dapil_end,
    match_person,
    person_after_outfit,
    read_name,
)
from .places import PlaceMatch, match_place, match_street
from .regions import Gazetteer, Region, country_names, get_gazetteer, region_of
from .tokens import NAME_ABBREV, TokenStream, token_stream

# The last words of English job titles written before an organisation ("Corporate Secretary
# Bank DKI", "Head of Corporate Communication PT Bio Farma").
_JOB_TITLES = frozenset(
    {
        *("Secretary", "Communication", "Communications", "Relations", "Affairs", "Manager"),
        *("Head", "Director", "Officer", "Chief", "President", "Spokesperson", "Chairman"),
        *("Executive", "Founder", "Analyst", "Economist", "Strategist", "Researcher", "Lead"),
    }
)

# Nouns of a facility written in lower case before its name ("lapangan I Ketut Lotring",
# "stadion Kapten I Wayan Dipta", "rumah sakit Dr Soetomo"): the name after them is the
# facility's, no person's (capitalised, they open a place or an address: place_heads.txt,
# street_heads.txt). Written either way and followed by a title, they name the facility after a
# person too ("RSUD dr Soedarso", "Puskesmas Kolonel ...": ArticleActors._titled_facility).
_FACILITY_NOUNS = frozenset(
    {
        *("jalan", "jl", "jln", "gedung", "stadion", "lapangan", "aula", "taman", "bandara"),
        *("terminal", "stasiun", "pelabuhan", "gelanggang", "wisma", "sakit", "puskesmas"),
        *("rs", "rsu", "rsud", "rsup"),
    }
)

# Acronyms of hospitals and campuses, whose names are often a person's ("RSPAD Gatot Subroto",
# "UIN Syarif Hidayatullah"): a name right after one is the facility's.
_NAMED_FACILITIES = frozenset(
    {"rs", "rsu", "rsud", "rsup", "rspad", "rsal", "rsau", "uin", "iain", "stain"}
)

# Words before a pair of names joined by a hyphen: running mates, a ticket, a government
# named after its two leaders ("pasangan Ahmad Luthfi-Taj Yasin", "duet Dico-Raffi",
# "pemerintahan Prabowo-Gibran").
_PAIR_WORDS = frozenset(
    {
        *("pasangan", "paslon", "bapaslon", "duet", "duo", "tandem", "kubu", "pemerintahan"),
        *("capres-cawapres", "cagub-cawagub", "cabup-cawabup", "cawalkot-cawawalkot"),
    }
)
# words that make the elected offices after them a candidacy ("calon gubernur dan wakil
# gubernur"), the words of those offices, and the words that join two of them
_CANDIDACY = frozenset({"calon", "paslon", "bacalon", "cagub", "cabup", "cawalkot", "cawali"})
_ELECTED = frozenset(
    {"gubernur", "wagub", "bupati", "wabup", "wali", "kota", "walikota", "wawali", "wakil"}
    | {"presiden", "wapres", "kepala", "daerah", "desa", "kades", "wakades"}
)
_PAIR_JOINS = frozenset({"dan", "serta", "&", "-", "–", "/"})
# two offices joined by a hyphen, the second a deputy's ("Gubernur-Wakil", "Cagub-Cawagub",
# "Bacabup-Bacawabup")
_OFFICE_PAIR = re.compile(r"^[a-z]+-(?:wakil|(?:ba)?cawa)")
#: Words for a vehicle before its make (``mobil Toyota``), words for the make between them
#: (``motor merek Honda``), and words of a number plate after it (``Toyota Innova bernopol``):
#: a car or a motorbike of a crash or a seizure is no actor of the story.
_VEHICLE_WORDS = frozenset(
    {
        *("mobil", "minibus", "truk", "truck", "sedan", "kendaraan", "motor", "bus", "pikap"),
        *("jip", "jeep", "ambulans", "taksi", "angkot", "skuter", "skutik", "moge", "mobilnya"),
        *("motornya",),
    }
)
_MAKE_WORDS = frozenset({"merek", "merk", "jenis", "tipe", "bermerek", "bermerk"})
#: Makes of cars, motorbikes and lorries sold in Indonesia (the first word of the name).
_MAKES = frozenset(
    {
        *("toyota", "honda", "daihatsu", "suzuki", "mitsubishi", "yamaha", "kawasaki", "isuzu"),
        *("nissan", "hyundai", "wuling", "byd", "ducati", "bmw", "mercedes", "mercedes-benz"),
        *("lexus", "kia", "mazda", "hino", "chery", "vespa", "harley-davidson", "harley", "ktm"),
        *("volkswagen", "vw", "ford", "chevrolet", "dfsk", "tesla", "porsche", "ferrari"),
        *("lamborghini", "datsun", "renault", "peugeot", "subaru", "audi", "volvo", "scania"),
        *("geely", "haval", "jaguar", "bentley", "rolls-royce", "piaggio", "tvs", "benelli"),
    }
)
_PLATE_WORDS = frozenset({"bernopol", "nopol", "berpelat", "bernomor", "pelat", "plat"})
#: Words before a person's name that make the phrase another person: a relative, a lawyer, a
#: friend (``istri Budi Santoso mengatakan``: the wife speaks, not Budi). "putra", "putri",
#: "cucu" and "ibu" are left out: given names or a form of address as often; so is "anak" alone
#: ("dokter spesialis anak Klara", "Komisi Perlindungan Anak").
RELATIVES = frozenset(
    {
        *("istri", "suami", "ayah", "ayahanda", "ibunda", "adik", "kakak", "abang"),
        *("kakek", "nenek", "menantu", "mertua", "paman", "bibi", "keponakan"),
        *("sepupu", "keluarga", "kerabat", "pengacara", "advokat", "sahabat", "teman"),
        *("tetangga", "kekasih", "pacar", "ajudan", "sopir", "ortu"),
    }
)
RELATIVE_PAIRS = frozenset(
    {("kuasa", "hukum"), ("orang", "tua"), ("penasihat", "hukum"), ("anak", "buah")}
)

#: The same words before a role, and the relatives' words that may open a name there: the role
#: is the holder's, named in it, not the person's named after ("Putra Presiden ke-3 RI BJ
#: Habibie, Thareq Kemal Habibie").
_KIN = RELATIVES | {"putra", "putri", "anak", "cucu", "ipar", "adinda", "istrinya"}
#: Words between a relative's word and the role: "putra sulung Presiden".
_KIN_ORDER = frozenset(
    {"sulung", "bungsu", "tertua", "pertama", "kedua", "ketiga", "keempat", "kandung", "tiri"}
)
# particles opening a name, joined to the next word by a hyphen ("Al-Maliki", "Ben-Shabbat")
_NAME_PARTICLES = frozenset(
    {"al", "el", "as", "ash", "az", "ad", "ar", "at", "an", "abu", "bin", "ibn", "ben", "bar"}
)

__all__ = ["ArticleActors", "analyse", "extract_actors"]

logger = logging.getLogger(__name__)


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    """Whether ``small`` occurs in ``big`` as a run of consecutive tokens."""
    n = len(small)
    if n == 1:
        return small[0] in big  # (the common case, without a generator)
    return any(big[k : k + n] == small for k in range(len(big) - n + 1))


def _leading_initials(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A person's name key and the initials written before its first full word: ``B.J.
    Habibie`` and ``BJ Habibie`` -> ``(("habibie",), ("b", "j"))``; initials later in the name
    are left out of the key and ask nothing (``Yasonna H. Laoly``)."""
    words = phrase_key(name, lower=False)
    initials: list[str] = []
    k = 0
    while k < len(words) - 1 and initials_of(words[k]):
        initials.extend(initials_of(words[k]))
        k += 1
    key = tuple(w.lower() for w in words[k:] if len(w) > 1)
    return key, tuple(initials)


def _initials_fit(initials: tuple[str, ...], short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether the initials written before ``short`` begin, in order, words of ``long`` before
    where ``short`` stands in it (``B.J.`` Habibie: Bacharuddin Jusuf Habibie, not Thareq Kemal
    Habibie)."""
    if not initials:
        return True
    n = len(short)
    for k in range(len(long) - n + 1):
        if long[k : k + n] == short:
            letters = iter(w[0] for w in long[:k])
            return all(any(c == i for c in letters) for i in initials)
    return True


def initials_agree(a: _Person, b: _Person) -> bool:
    """Whether the initials written before the shorter of two persons' names fit the longer
    (:func:`_initials_fit`; names of as many words ask nothing of each other)."""
    if len(a.tokens) > len(b.tokens):
        a, b = b, a
    return len(a.tokens) == len(b.tokens) or _initials_fit(a.initials, a.tokens, b.tokens)


class _Person:
    __slots__ = ("actor", "initials", "tokens")

    def __init__(
        self, actor: Actor, tokens: tuple[str, ...], initials: tuple[str, ...] = ()
    ) -> None:
        self.actor = actor
        self.tokens = tokens
        self.initials = initials


class ArticleActors:
    """The actors of one article and the token stream they were read from.

    Build with :func:`analyse`; :func:`extract_actors` returns only ``actors``. Quote extraction
    reuses the stream and the person mentions.
    """

    def __init__(self, ts: TokenStream, gaz: Gazetteer) -> None:
        self.ts = ts
        self.gaz = gaz
        self.covered = bytearray(ts.n)
        self.persons: list[_Person] = []
        self.orgs: dict[str, Actor] = {}
        self._org_words: dict[tuple[str, ...], str] = {}  # org_words(name) -> key in orgs
        self.org_alias: dict[str, str] = {}
        self.person_alias: dict[str, _Person] = {}
        self.roles: dict[str, _Person] = {}
        self.role_only: list[RoleMatch] = []
        self.places: list[PlaceMatch] = []
        self._role_places: set[int] = set()  # ids of the places named inside a role phrase
        # organisations whose name ends in a region (a local branch: "KPU Brebes")
        self._branch_regions: dict[str, list[Region]] = {}
        self.runs: list[tuple[int, int]] = []
        self._cue_only = -1  # a name may start here only with a cue (after an ordinary word)
        self._tickets: bool | None = None  # a story of an election with tickets (_ticket_story)
        self._person_ends: set[int] = set()  # where the phrases of the persons found end
        self._person_starts: set[int] = set()  # and where their names start
        self.actors: list[Actor] = []

    # --- pass 1 --------------------------------------------------------------------------------
    def scan(self) -> None:
        ts, gaz, lex = self.ts, self.gaz, self.ts.lex
        words, lows, name_ok = ts.words, ts.lows, ts.name_ok
        trig_lower, trig_exact = _lower_triggers(lex.triggers_lower, gaz.first), lex.triggers_exact
        # Only capitalised words and lower-case role words ("kata ketua KPU ...") can open a
        # phrase: visit those and skip the rest of the stream without looking at it.
        openers = ts.cap_index
        lower_roles = [k for k in ts.cues_in(lex.role_openers) if not ts.caps[k]]
        if lower_roles:
            openers = sorted(openers + lower_roles)
        # where a run of capitalised words ending in a kind word starts ("China Development Bank")
        tail_runs = ts.runs_ending_in(lex.org_tails)
        # a name ending in a kind word needs one in the article (most have none)
        tails_here = not lex.org_tails.isdisjoint(ts.word_set)
        # and where the name of an event, contest, venue or title starts ("Asian Games"): no actor
        event_runs = ts.runs_ending_in(lex.event_tails)
        platforms, after_channel = lex.words["platforms"], lex.words["channel_after"]
        event_heads = lex.event_heads
        races, operations = lex.words["election_races"], lex.words["operation_heads"]
        event_first = event_heads.first
        street_heads, person_openers = lex.street_heads, lex.person_openers
        org_openers = lex.org_openers
        i = 0
        for k in openers:
            if k < i or not words[k][0].isalpha():
                continue  # inside the phrase matched last, or not a word
            i = k
            if k > 0 and (
                (lows[k - 1] in _FACILITY_NOUNS and self._facility_name(k))
                or self._titled_facility(k)
            ):
                i = self._facility(k)
                continue
            head = words[i] in event_first and event_heads.longest(words, i) > i
            if head or i in event_runs or (words[i] in DRAW_GROUPS and is_draw_group(ts, i)):
                end = self._event(i, head=head)
                if end > i:
                    i = end
                    continue
            low = lows[i]
            if low in races and low not in person_openers and i + 1 < ts.n and ts.joined(i + 1):
                # "Pilkada Kudus", "Pilbup Pekalongan": the race's region (a candidate's office,
                # "Cagub Jateng Ahmad Luthfi", is a role, read with its holder below)
                pm = match_place(ts, i + 1, gaz, complement=True)
                if pm is not None and pm.regions:
                    self.places.append(pm)
                    self._cover(i, pm.end)
                    i = pm.end
                    continue
            if (
                low in operations
                and i + 1 < ts.n
                and ts.joined(i + 1)
                and ts.caps[i + 1]
                and match_place(ts, i + 1, gaz) is None  # ("Daerah Operasi Gowa": a place)
            ):
                # "Operasi Mantap Praja Kapuas 2024": the unit's emblem ends the name, no place
                end = ts.run_end(i)
                if end < ts.n and ts.joined(end) and ts.words[end].isdigit():
                    end += 1
                self._cover(i, end)
                i = end
                continue
            if low in platforms and is_channel(ts, i):
                # "diunggah di Instagram", "akun YouTube-nya": the channel of a post is no
                # actor, nor part of the name after it ("akun Instagram Syahrini")
                end = i + 2 if i + 1 < ts.n and lows[i + 1] in after_channel else i + 1
                self._cover(i, end)
                i = end
                continue
            if low not in trig_lower and words[i] not in trig_exact and i not in tail_runs:
                if name_ok[i]:
                    i = self._bare(i)  # nothing but a name can start here
                continue
            # each matcher below tests its opening word first: the tests are made here, so that
            # a word none of them can start costs no call
            e = match_street(ts, i) if low in street_heads else i
            if e > i:
                self._cover(i, e)
                i = e
                continue
            m = match_person(ts, i, gaz) if low in person_openers else None
            if isinstance(m, PersonMatch):
                self.add_person(m)
                i = m.end
                continue
            if isinstance(m, RoleMatch) and m.end > i:
                self.role_only.append(m)
                self._add_inner(m)
                self._cover(m.start, m.end)
                i = m.end
                continue
            om = match_org(ts, i, gaz) if words[i] in org_openers else None
            after = None
            held_at = om is not None and self._held_at(k)
            if om is not None and k > 0 and (held_at or self._office_before(k)):
                # "pelatih Persib, Robert Alberts,": the person after the cue's organisation
                after = None if held_at else person_after_outfit(ts, om.end)
                short = match_org(ts, i, gaz, complement=True) if after is None else None
                if short is not None and short.end < om.end:
                    # "politikus Partai Nasdem Zulfan Lindan": the name was read into the
                    # organisation's; kept apart only on firmer evidence of a person
                    after = person_after_outfit(ts, short.end, firm=True)
                    if after is not None:
                        om = short
            if om is not None:
                self.add_org(om)
                i = om.end
                if after is not None:
                    after.role_match = after.role_match or self._outfit_role(k, om.end)
                    self.add_person(after)
                    i = after.end
                continue
            om = match_tail_org(ts, i, gaz) if tails_here else None
            if om is not None:
                self.add_org(om)
                i = om.end
                continue
            pm = match_place(ts, i, gaz)
            if pm is not None:
                self.places.append(pm)
                self._cover(pm.start, pm.end)
                i = pm.end
                if k > 0 and self._office_before(k):
                    # "Pelatih Madrid Zinedine Zidane": the person after the cue's place
                    after = person_after_outfit(ts, pm.end)
                    if after is not None:
                        after.role_match = after.role_match or self._outfit_role(k, pm.end)
                        self.add_person(after)
                        i = after.end
                continue
            i = self._bare(i)
        self._recurring_names()

    def _facility_name(self, k: int) -> bool:
        """The name at ``k`` is a facility's, after its noun in lower case (``lapangan I Ketut
        Lotring``, ``rumah sakit Dr Soetomo``); not a place, an office, a person addressed or a
        body named there (``lapangan Desa Sukamaju``, ``di lapangan Kapolres ...``, ``Selamat
        jalan Pak Habibie``, ``gedung DPR``)."""
        ts, lex = self.ts, self.ts.lex
        return (
            ts.joined(k)
            and not ts.caps[k - 1]
            and self._facility_noun_start(k - 1) is not None
            and not ts.upper[k]
            and ts.lows[k] not in lex.role_openers
            and ts.lows[k] not in lex.words["address"]  # "Selamat jalan Pak Habibie"
            and (ts.lows[k],) not in lex.place_heads
            and ts.words[k] not in lex.org_openers
        )

    def _titled_facility(self, k: int) -> bool:
        """The name at ``k`` is a facility's named after someone: a title (an honorific or a rank,
        in either case) stands between it and a facility's noun (``RSUD dr Soedarso``, ``RS Dr.
        Sutrisno``, ``Puskesmas Kolonel ...``, ``Jl. dr ...``) or the noun's short form in
        brackets (``Rumah Sakit Umum Daerah (RSUD) dr ...``), or ``k`` is that title. The person
        is not mentioned; an organisation read from the noun (``RSUP Dr Sardjito``) is kept."""
        ts = self.ts
        lows, words = ts.lows, ts.words
        # asked at nearly every capitalised word, and nearly always no: a title starts at ``k``,
        # just before it, or before a period just before it, or there is none
        openers = ts.lex.title_openers
        if lows[k] not in openers and (
            not ts.joined(k)
            or (
                lows[k - 1] not in openers
                and not (words[k - 1] == "." and k > 1 and lows[k - 2] in openers)
            )
        ):
            return False
        titled = self._title(k)
        j = k
        while j > 0 and ts.joined(j):
            if self._title(j - 1):
                j -= 1
                titled = True
            elif words[j - 1] == "." and j > 1 and self._title(j - 2) and ts.skip_dot(j - 1) == j:
                j -= 1  # "dr." before the name
            else:
                break
        if not titled or j == 0 or not ts.joined(j):
            return False
        j -= 1
        if words[j] == ")" and j > 1 and words[j - 2] == "(":
            j -= 1  # "Rumah Sakit Umum Daerah (RSUD) dr ...": the noun's short form in brackets
        if words[j] == "." and j > 0 and lows[j - 1] in ("jl", "jln") and ts.skip_dot(j) == j + 1:
            j -= 1  # "Jl. dr ..."
        first = self._facility_noun_start(j)
        # "Kepala Puskesmas dr Budi Santoso": an office of the facility, then its holder
        return first is not None and not (first > 0 and lows[first - 1] in ts.lex.role_openers)

    def _facility_noun_start(self, j: int) -> int | None:
        """Where the facility noun ending at token ``j`` starts (``rumah sakit``: at ``rumah``;
        ``sakit`` alone is no facility), or None when ``j`` ends none."""
        lows = self.ts.lows
        if lows[j] not in _FACILITY_NOUNS:
            return None
        if lows[j] != "sakit":
            return j
        return j - 1 if j > 0 and lows[j - 1] == "rumah" else None

    def _title(self, j: int) -> bool:
        """Token ``j`` is a title before a name: an honorific (``dr``, ``Prof``) or a rank (one
        word in either case, or the first word of a rank written out: ``Komisaris Besar``)."""
        ts = self.ts
        low = ts.lows[j]
        if low not in ts.lex.title_openers:
            return False  # (most words: one lookup)
        return (low,) in ts.lex.hon_prefix or (low,) in ts.lex.ranks or ts.rank_end(j) > j

    def _facility(self, k: int) -> int:
        """Skip the facility's name at ``k``, keeping the bodies and places named in it
        (``bandara Syamsudin Noor Banjarmasin``, ``gedung Bareskrim Polri``); where it ends."""
        ts = self.ts
        end = ts.run_end(k)
        j = k
        while j < end:
            om = match_org(ts, j, self.gaz) if ts.words[j] in ts.lex.org_openers else None
            if om is not None and om.end <= end:
                self.add_org(om)
                j = om.end
                continue
            pm = match_place(ts, j, self.gaz)
            if pm is not None and pm.end <= end:
                self.places.append(pm)
                j = pm.end
                continue
            j += 1
        self._cover(k, end)
        return end

    def _office_before(self, k: int) -> bool:
        """The word before token ``k`` names what someone is (an outfit cue, an office the
        lexicon knows, an English job title, or ``dari`` after one): a name may follow the
        organisation that starts at ``k``."""
        ts = self.ts
        low = ts.lows[k - 1]
        if low in OUTFIT_CUES or low in ts.lex.role_openers:
            return True
        if low == "dari":
            return k > 1 and ts.upper[k - 2]  # "Anggota Komisi II DPR dari Fraksi PPP ..."
        return ts.words[k - 1] in _JOB_TITLES

    def _held_at(self, k: int) -> bool:
        """The organisation at ``k`` is where the one described just before ``di`` works
        (``Dokter di Klinik Cahaya Kebagusan Grace Maria mengatakan``): a name may follow it,
        read only on the firmer evidence :func:`person_after_outfit` asks for, as ``di`` also
        opens where anyone is or goes (``menjenguk almarhum di RSPAD Gatot Subroto``)."""
        ts = self.ts
        if k < 2 or ts.lows[k - 1] != "di" or not ts.joined(k - 1):
            return False
        before = ts.lows[k - 2]
        return before in ts.lex.person_cues or before in ts.lex.role_openers

    def _outfit_role(self, k: int, end: int) -> RoleMatch | None:
        """The role of the person named after the outfit at ``k .. end-1``: the cue and the
        outfit (``Pelatih Persib, Robert Alberts,``), or after ``dari`` the office before it and
        the outfit (``Wakil Ketua MPR dari Fraksi PAN, Eddy Soeparno,``). None after an office
        the lexicon knows: its own role phrase binds it."""
        ts = self.ts
        low = ts.lows[k - 1]
        if low in OUTFIT_CUES:
            start = k - 1
        elif low == "dari" and self.role_only and self.role_only[-1].end == k - 1:
            start = self.role_only[-1].start
        else:
            return None
        return RoleMatch(start, end, ts.surface(start, end), low)

    def _event(self, i: int, *, head: bool = False) -> int:
        """Skip the event, contest, venue or title whose name starts at ``i``: where it ends, or
        ``i`` when it is none.

        Not when an office word stands in the run (``Lenni Tedja Direktur Jakarta Fashion
        Week``: the event starts after it); places named in it are kept (``Jakarta Fair``,
        ``PUBG Indonesia National Championship``). A run that a ``head`` word opens (``Liga
        Inggris``, ``Sirkuit Jakarta``, ``Piala Federasi Sepak Bola Asia Tenggara (Piala
        AFF)``) also keeps a place at its end and the organisations named in it.
        """
        ts = self.ts
        end = ts.run_end(i)
        if not ts.lex.role_openers.isdisjoint(ts.lows[i : end - 1]):
            return i
        j = i + 1 if head else i
        while j < end - (0 if head else 1):
            om = match_org(ts, j, self.gaz) if head else None
            if om is not None:
                self.add_org(om)
                end = max(end, om.end)  # (with a short form in brackets after the run)
                j = om.end
                continue
            pm = match_place(ts, j, self.gaz)
            if pm is not None and (pm.end < end or (head and pm.end == end)):
                self.places.append(pm)
                j = pm.end
            else:
                j += 1
        self._cover(i, end)
        return end

    def _bare(self, i: int) -> int:
        """A name with a cue, or a name-like run kept for :meth:`_recurring_names`; next index."""
        ts = self.ts
        if not ts.name_ok[i] or ts.lows[i] in _PAIR_WORDS:
            # (a word naming a pair is no name, even capitalised: "Paslon Luthfi-Yasin ...")
            return i + 1
        if ts.lows[i] == "dapil":
            # an electoral district ("dari Dapil Jawa Tengah I dan Katherine"): its places, and
            # no person
            found: list[OrgMatch | PlaceMatch] = []
            end = dapil_end(ts, i + 1, self.gaz, found)
            if end is not None:
                self.places.extend(m for m in found if isinstance(m, PlaceMatch))
                self._cover(i, end)
                return end
        opener = _ordinary_opener(ts, i)
        if opener == _AFFIXED:
            # "Pemikiran Sumitro", "Kematian Lily Wahidin (28)": not part of the name; what
            # follows is a person only with a cue of its own ("Kepulauan Solomon",
            # "Kedutaan Besar Arab Saudi" are no runs of a name)
            self._cue_only = i + 1
            return i + 1
        end = read_name(ts, i)  # read once, for the cue test and for the run
        inner = self._org_inside(i, end)
        if inner is not None:
            return inner
        cm = cue_person(ts, i, self.gaz, end=end) or self._coordinated(i, end)
        if opener == _ROOT and (
            (cm is None and not self._given_name_opens(i, end))
            or ts.written_lower(ts.lows[i])
            or not ts.words[i].isalpha()
            or ts.lows[i] in ts.lex.person_cues
            or ts.lows[i] in ts.lex.name_cues_after  # "Sambung Fajriyah, ..."
            or ts.lows[i] in ts.lex.name_cues_before
        ):
            # a sentence opening with a root word: a given name only when the name has a cue
            # and the article never writes the word in lower case ("Budi Santoso mengatakan",
            # but "Rencana Ahok itu ...", "Nama Firli ...")
            return i + 1
        if cm is not None:
            self.add_person(cm)
            return cm.end
        if end - i == 1 and self._pair_token(i):
            # "paslon Luthfi-Yasin", "pasangan Andika-Hendi": two one-word names of a ticket
            self.add_person(PersonMatch(i, end, i, end, ts.words[i]))
            return end
        if end - i >= 2 and i != self._cue_only:
            # (a name token is never an everyday word, even opening a sentence)
            self.runs.append((i, end))
            return end
        return i + 1

    def _given_name_opens(self, i: int, end: int) -> bool:
        """A listed given name opens a run of two words at least at ``i`` (``Andika Perkasa
        ...`` opening a sentence), and the article never writes the word in lower case."""
        ts = self.ts
        low = ts.lows[i]
        return end - i >= 2 and low in ts.lex.given_names and not ts.written_lower(low)

    def _org_inside(self, i: int, end: int) -> int | None:
        """Where an organisation opens inside the name-like run ``i .. end-1`` and runs on past
        it, over a word no name holds (``Strategic Lion Air Group Danang``: ``Lion Air
        Group``); None when none does. The scan goes on from there, so that the organisation
        is read whole and the name after it is not read from the organisation's kind word."""
        ts = self.ts
        if end >= ts.n or not ts.caps[end] or ts.name_ok[end] or not ts.joined(end):
            return None
        openers = ts.lex.org_openers
        for k in range(i + 1, end):
            if ts.words[k] in openers:
                om = match_org(ts, k, self.gaz)
                if om is not None and om.end > end:
                    return k
        return None

    def _coordinated(self, i: int, end: int) -> PersonMatch | None:
        """The name at ``i`` (read to ``end``) joined by ``dan`` or ``serta`` to a person
        named just before (``Pasangan Ahmad Luthfi dan Taj Yasin``, ``Bupati Kendal Dico
        Ganinduto dan Raffi Ahmad``), or by a dash in a pair (``pasangan Andika Perkasa -
        Hendrar Prihadi``): a person too, when the name does not read as ordinary words."""
        ts = self.ts
        if end == i or (i - 1) not in self._person_ends or not ts.joined(i) or ts.sent[i]:
            return None
        joint = ts.lows[i - 1]
        if joint not in ("dan", "serta") and not (joint in ("-", "–") and self._pair_before(i - 1)):
            return None
        if ts.weak_name(i, end) or self._all_places(i, end):
            return None
        if end + 1 < ts.n and ts.lows[end] in ts.lex.words["joiners"] and ts.caps[end + 1]:
            return None  # part of an English name ("Pride and Prejudice")
        return PersonMatch(i, end, i, end, ts.surface(i, end))

    def _recurring_names(self) -> None:
        """Name-like runs with no cue become persons when one of their words recurs alone.

        News re-mentions a person by one name ("Patrick Kluivert ... Kluivert menilai"); an
        event or a slogan is repeated whole, if at all.
        """
        ts = self.ts
        lows, joiners = ts.lows, ts.lex.words["joiners"]
        kept = []
        for a, b in self.runs:
            if lows[a] in NAME_ABBREV and b - a > 2 and ts.words[a + 1] == ".":
                # a shortened first name is only ever written before a person's name
                self.add_person(PersonMatch(a, b, a, b, ts.surface(a, b)))
                continue
            if any(ts.upper[a:b]) or ts.weak_name(a, b):
                continue
            if (a > 0 and lows[a - 1] in joiners) or (b < ts.n and lows[b] in joiners):
                continue  # inside an English name ("Council on Petroleum")
            if b + 2 < ts.n and ts.words[b] == "(" and ts.upper[b + 1]:
                continue  # a defined term: "Makan Bergizi Gratis (MBG)"
            if self._all_places(a, b):
                continue  # "Cikidang Sukabumi": a district and its regency
            kept.append((a, b))
        # the first and last words of the kept runs, looked for standing alone elsewhere
        wanted = {lows[k] for a, b in kept for k in (a, b - 1) if len(lows[k]) > 2}
        if not wanted:
            return
        in_run = bytearray(ts.n)
        for a, b in self.runs:
            in_run[a:b] = b"\x01" * (b - a)
        name_ok = ts.name_ok
        alone: set[str] = set()
        covered = self.covered
        for k in [k for k in ts.cap_index if lows[k] in wanted]:
            if in_run[k] or covered[k] or not name_ok[k]:
                continue
            before = k > 0 and ts.joined(k) and (name_ok[k - 1] or lows[k - 1] in joiners)
            after = k + 1 < ts.n and ts.joined(k + 1) and (name_ok[k + 1] or ts.words[k + 1] == "(")
            if not before and not after:
                alone.add(lows[k])
        # a word already read as a one-word person by a cue ("Robikin berpendapat") stands for
        # the full name as well ("PBNU Robikin Emhas" earlier in the article), when the rest of
        # the run reads as a name too ("Tukas Fadel", "Postingan Arie" do not). A root word
        # after the name the article speaks by is a name too when the article never writes it
        # in lower case ("diraih oleh Fahri Bayu ... ujar Fahri": bayu, wind, is a given name)
        solo = {p.tokens[0] for p in self.persons if len(p.tokens) == 1}
        speech = ts.lex.speech_verbs

        def not_a_name(k: int, a: int) -> bool:
            low = lows[k]
            if low in speech:
                return True
            if low in solo or not is_ordinary_word(low):
                return False
            return k == a or lows[a] not in solo or is_derived_word(low) or ts.written_lower(low)

        given = ts.lex.given_names
        left = []
        for a, b in kept:
            named = lows[a] in alone or lows[b - 1] in alone
            if not named and (lows[a] in solo or lows[b - 1] in solo):
                named = not any(not_a_name(k, a) for k in range(a, b))
            if not named and lows[a] in given:
                end = self._given_name_end(a, b)
                if end - a >= 2:
                    named, b = True, end
            if not named and not any(map(is_ordinary_word, lows[a:b])):
                # no everyday word in it ("Hulu Mahakam" is none), joined by "dan" to a person
                # named just before ("Ahmad Luthfi dan Taj Yasin") or, below, after it
                if self._coordinated(a, b) is None:
                    left.append((a, b))
                    continue
                named = True
            if named:
                self.add_person(PersonMatch(a, b, a, b, ts.surface(a, b)))
        for a, b in left:
            if (
                b + 1 < ts.n
                and lows[b] in ("dan", "serta")
                and (b + 1) in self._person_starts
                and ts.joined(b + 1)
            ):
                self.add_person(PersonMatch(a, b, a, b, ts.surface(a, b)))

    def _given_name_end(self, a: int, b: int) -> int:
        """Where the name opened by a listed given name at ``a`` ends in the run ``a .. b-1``;
        ``a`` when the run is no person's name.

        The run is a name of its own, not the end of a longer one (``RSPAD Gatot Subroto``,
        ``Laskar Joko Tingkir``: a hospital's or campus's acronym, or a capitalised word that
        is no organisation, place or pair word, just before it on the line), nor a
        street or airport named after a national figure (namesakes.txt). Its second
        word is kept unless the article writes it in lower case too (``Andika Perkasa``, but
        ``Andika Solusi``); from the third word on, an everyday word ends it.
        """
        ts = self.ts
        lows = ts.lows
        if a > 0 and ts.joined(a) and not ts.sent[a]:
            before = lows[a - 1]
            if before == ")" and a > 2 and ts.words[a - 3] == "(":
                before = lows[a - 2]  # "Universitas Islam Negeri (UIN) Syarif Hidayatullah"
            if before in _NAMED_FACILITIES:
                return a
            if ts.caps[a - 1] and not (
                self.covered[a - 1]  # an organisation or a place ("PDIP Andika Perkasa")
                or before in _PAIR_WORDS
                or (ts.sent[a - 1] and is_ordinary_word(before))  # "Kemarin Andika ..."
            ):
                return a  # "Laskar Joko Tingkir"
        second = a + 1  # the second word of the name (of the second name after a hyphen)
        for k in range(a + 1, b):
            if ts.written_lower(lows[k]) or (k > second and is_ordinary_word(lows[k])):
                b = k
                break
            if "-" in ts.words[k]:
                second = k + 1  # "Agus Irawan-Dwi Fajar Nirwana"
        return a if tuple(lows[a:b]) in ts.lex.namesakes else b

    def _all_places(self, a: int, b: int) -> bool:
        """Tokens ``a .. b-1`` are region names one after another (districts included), the
        last a regency, city or province (``Cikidang Sukabumi``; not ``Bima Sakti``, a coach)."""
        k, wider = a, False
        while k < b:
            end, regions = self.gaz.longest(self.ts.lows, k, districts=True)
            if end == k or end > b:
                return False
            wider = any(r.level != "district" for r in regions)
            k = end
        return wider

    def _add_inner(self, role: RoleMatch) -> None:
        """Organisations and places named inside a role phrase."""
        for om in role.orgs:
            self.add_org(om)
        self.places.extend(role.places)
        self._role_places.update(id(p) for p in role.places)

    def _cover(self, i: int, j: int) -> None:
        if j > i:
            self.covered[i:j] = b"\x01" * (j - i)

    def add_person(self, pm: PersonMatch) -> None:
        """Add the person ``pm`` names, or the two (or more) persons of a pair written with a
        hyphen (``Ahmad Luthfi-Taj Yasin``, see :meth:`_pair_cuts`): the rank, honorifics and
        role go to the first one, each name has its own mention."""
        self._person_ends.update((pm.end, pm.name_end))
        self._person_starts.add(pm.name_start)
        cuts = self._pair_cuts(pm)
        if not cuts:
            single = pm.name_end - pm.name_start == 1
            self._add_named(pm, pm.name, self.ts.span(pm.name_start, pm.name_end), single)
            return
        text = self.ts.text
        start, end = self.ts.span(pm.name_start, pm.name_end)
        bounds = [start, *cuts, end]
        for n in range(len(bounds) - 1):
            s, e = bounds[n] + (1 if n else 0), bounds[n + 1]
            if n:
                pm = PersonMatch(pm.start, pm.end, pm.name_start, pm.name_end, "")
            else:
                pm.alias = None  # a note after a pair names the pair ("(Satria)"), no one of it
            self._add_named(pm, text[s:e], (s, e), single=False)

    def _pair_cuts(self, pm: PersonMatch) -> list[int]:
        """Offsets of the hyphens inside the name ``pm`` that join the names of two persons:
        running mates or any pair (``Ahmad Luthfi-Taj Yasin``, ``Prabowo-Gibran``).

        A hyphen between two capitalised words that may be names (not an office, a place, an
        acronym, a reduplication or a particle: ``Gubernur-Wakil``, ``Jateng-DIY``,
        ``Kapolda-Kapolda``, ``Al-Maliki``; not a syllable in lower case: ``Tae-yong``), when
        the article shows a pair: a pair word or two offices before it in the sentence
        (``pasangan``, ``paslon``, ``duet``, ``Presiden dan Wakil Presiden``,
        ``Cagub-Cawagub``; anywhere in a story of an election with tickets), two
        words of a name on each side (``Dico Ganinduto-Ali Nurudin``), or both words written
        apart elsewhere in the article (``Prabowo``, ``Gibran``). The
        hyphenated names of one person have none of these (``Pierre-Emerick Aubameyang``,
        ``Trent Alexander-Arnold``, ``Agnes Pannier-Runacher``).
        """
        ts = self.ts
        a, b = pm.name_start, pm.name_end
        # (token, offset of the hyphen in it, the words either side)
        found: list[tuple[int, int, str, str]] = []
        for k in range(a, b):
            parts = ts.words[k].split("-")
            at = 0
            for left, right in pairwise(parts):
                at += len(left)
                if self._names_either_side(left, right):
                    found.append((k, at, left, right))
                at += 1
        if not found:
            return []
        cuts = []
        # (any pair in a story of an election with tickets: "Andika-Hendi Tertinggal",
        # "Andika Perkasa-Hendi unggul", where the run-on name had been one person)
        paired = self._pair_before(pm.name_start) or self._ticket_story()
        for k, at, left, right in found:
            # two name words at least on either side, neither read as ordinary words
            wide = (
                k > a
                and b > k + 1
                and not ts.weak_words([*ts.lows[a:k], left.lower()])
                and not ts.weak_words([right.lower(), *ts.lows[k + 1 : b]])
            )
            if paired or wide or (self._apart(left, right) and self._apart(right, left)):
                cuts.append(ts.starts[k] + at)
        return cuts

    def _apart(self, word: str, other: str) -> bool:
        """``word`` is written as a token of its own somewhere, not next to ``other``
        (``Prabowo`` alone, not in ``Soekarno Hatta`` written without the hyphen)."""
        ts = self.ts
        if word not in ts.word_set:
            return False
        return any(
            not (k + 1 < ts.n and ts.words[k + 1] == other) and not (k and ts.words[k - 1] == other)
            for k in ts.positions(word)
        )

    def _names_either_side(self, left: str, right: str) -> bool:
        """``left`` and ``right``, the words either side of a hyphen, may both be names."""
        lex = self.ts.lex
        for w in (left, right):
            low = w.lower()
            if (
                len(w) < 2
                or not w[:1].isupper()
                or (w.isupper() and len(w) > 1)
                or not w.replace("'", "").replace("’", "").isalpha()
                or low in lex.not_name_lower
                or w in lex.not_name_exact
                or low in lex.words["connectors"]
                or self.gaz.longest([low], 0)[0] > 0
            ):
                return False
        if (left, right) in lex.countries.keys:
            return False  # one country's name ("Timor-Leste")
        low, rlow = left.lower(), right.lower()
        # (nor a reduplication, whole or partial: "Kapolda-Kapolda", "Perundang-Undangan")
        return low not in _NAME_PARTICLES and not (
            rlow.startswith(low) or low.endswith(rlow) or rlow[:3] in low
        )

    def _pair_token(self, i: int) -> bool:
        """Token ``i`` is two names joined by a hyphen (``Luthfi-Yasin``) after a word naming a
        pair in its sentence (:meth:`_pair_before`), or anywhere in a story about an election
        whose candidates run in pairs (``Andika-Hendi Tertinggal di Quick Count``, ``Posko
        Pemenangan Andika-Hendi``: a word of ``[ticket_stories]`` in the story)."""
        parts = self.ts.words[i].split("-")
        return (
            len(parts) == 2
            and self._names_either_side(*parts)
            and (self._pair_before(i) or (self._ticket_story() and not self._route_before(i)))
        )

    def _route_before(self, i: int) -> bool:
        """A word of a road or a line stands just before token ``i`` (``MRT Balaraja-Cikarang``,
        ``menghubungkan Cimanggis-Cibitung``): a pair of its ends, not of candidates."""
        lows, routes = self.ts.lows, self.ts.lex.words["route_words"]
        return any(lows[k] in routes for k in range(max(0, i - 3), i))

    def _ticket_story(self) -> bool:
        if self._tickets is None:
            self._tickets = not self.ts.lex.words["ticket_stories"].isdisjoint(self.ts.lows)
        return self._tickets

    def _pair_before(self, i: int) -> bool:
        """A word naming a pair stands before token ``i`` in its sentence (``pasangan``,
        ``paslon``, ``duet``), or two offices joined (``Gubernur-Wakil Gubernur``, ``Presiden
        dan Wakil Presiden``, ``Cagub-Cawagub``)."""
        ts = self.ts
        k = i - 1
        while k >= 0 and i - k <= 12:
            low = ts.lows[k]
            if low in _PAIR_WORDS or _OFFICE_PAIR.search(low):
                return True
            if low == "wakil" and k > 0 and ts.lows[k - 1] in ("dan", "&", "serta"):
                return True
            if ts.sent[k]:
                break
            k -= 1
        return False

    def _add_named(self, pm: PersonMatch, name: str, span: tuple[int, int], single: bool) -> None:
        """Add the person named ``name`` at ``span`` (``single``: one token) from ``pm``."""
        initials: tuple[str, ...] = ()
        if single:
            tokens = phrase_key(name)
        else:
            # initials are left out of a longer name's key; those before its first full word
            # must fit the name it is matched with
            tokens, initials = _leading_initials(name)
        person = self._find_person(tokens, initials)
        role = pm.role_match
        if person is None:
            actor = Actor(name=name, type="person", title=pm.title)
            person = _Person(actor, tokens, initials)
            self.persons.append(person)
        else:
            actor = person.actor
            if len(tokens) > len(person.tokens) or (
                tokens == person.tokens and len(initials) > len(person.initials)
            ):  # the fuller name: more words, or the same with initials ("BJ Habibie")
                actor.name, person.tokens, person.initials = name, tokens, initials
            actor.title = actor.title or pm.title
        actor.mentions.append(span)
        for hon in pm.honorifics:
            if hon not in actor.honorifics:
                actor.honorifics.append(hon)
        if role is not None:
            # its places and organisations are named, whoever holds the office
            self._add_inner(role)
            if self._kin_before(role.start) and self._holder_inside(role):
                # "Putra Presiden ke-3 RI BJ Habibie, Thareq Kemal Habibie": the office is the
                # father's, named in it; without a holder named in it the office is the name's
                # ("putra Presiden Joko Widodo, Gibran"; "putri Bupati Ogan Ilir, Ilyas Panji")
                role = None
        if role is not None:
            text = " ".join(role.text.split())
            if self._candidate_before(role.start) and not text.lower().startswith("calon"):
                # "calon Gubernur-Wakil Gubernur Jawa Tengah Ahmad Luthfi-Taj Yasin": the first
                # of the pair is the candidate for the office, not its holder; in "calon
                # gubernur dan wakil gubernur Ahmad Luthfi-Taj Yasin" too, not for the deputy's
                lows = self.ts.lows
                k = role.start
                if lows[k] == "wakil" and k >= 2 and lows[k - 1] in _PAIR_JOINS:
                    text = text.split(None, 1)[1] if " " in text else text
                text = f"calon {text}"
            if actor.role is None or (text.startswith(actor.role) and len(text) > len(actor.role)):
                actor.role = text
            self.roles.setdefault(normalize_name(text), person)
        if pm.alias is not None:
            alias, a, b = pm.alias
            self.person_alias.setdefault(alias, person)
            if alias not in actor.aliases:
                actor.aliases.append(alias)
            actor.mentions.append((a, b))
        self._cover(pm.start, pm.end)

    def _kin_before(self, k: int) -> bool:
        """Whether a relative's word opens the role phrase at token ``k`` (``putra Presiden``,
        ``istri Gubernur``, ``putra sulung Presiden``): the role is the relative's."""
        lows, sent = self.ts.lows, self.ts.sent
        j = k - 1
        if j >= 0 and not sent[k] and lows[j] in _KIN_ORDER:
            j -= 1
        return j >= 0 and (lows[j] in _KIN or (j > 0 and (lows[j - 1], lows[j]) in RELATIVE_PAIRS))

    def _vehicle(self, om: OrgMatch) -> bool:
        """Whether the organisation at ``om`` names a vehicle's make, not a company in the
        news: after a word for a vehicle (``mobil Toyota``, ``sepeda motor merek Honda``), or
        before its number plate (``Toyota Innova bernopol B 1234 XY``)."""
        lows = self.ts.lows
        if lows[om.start] not in _MAKES:
            return False  # ("mobil Polri dibakar massa": the police's car, Polri an actor)
        k = om.start - 1
        if k >= 0 and lows[k] in _MAKE_WORDS:
            k -= 1
        if k >= 0 and lows[k] in _VEHICLE_WORDS:
            return True
        return any(lows[j] in _PLATE_WORDS for j in range(om.end, min(om.end + 4, self.ts.n)))

    def _holder_inside(self, role: RoleMatch) -> bool:
        """Whether the role phrase ``role`` ends with its holder's name (two capitalised words
        or more that are no office, place or organisation: ``Presiden ke-3 RI Bacharudin
        Jusuf Habibie``, ``Gubernur Jawa Barat Ridwan Kamil``)."""
        ts, lex = self.ts, self.ts.lex
        spans = [(m.start, m.end) for m in role.orgs] + [(m.start, m.end) for m in role.places]
        covered = {k for a, b in spans for k in range(a, b)}
        run = 0
        for k in range(role.end - 1, role.start, -1):
            word = ts.words[k]
            if word in ("(", ")"):
                continue
            if k in covered or not ts.caps[k] or lex.is_role_word(ts.lows[k]) or word.isupper():
                break
            run += 1
        return run >= 2

    def _candidate_before(self, k: int) -> bool:
        """Whether a candidacy word stands before the role phrase at token ``k`` across the
        offices of a pair before it (``calon Gubernur-Wakil Gubernur``, ``Calon Wali
        Kota-Wakil Wali Kota Yoyok Sukawi``, ``pasangan calon gubernur dan wakil gubernur Ahmad
        Luthfi``): read from the last office alone, a candidate was called ``Wali Kota``."""
        lows, sent = self.ts.lows, self.ts.sent
        if lows[k] not in _ELECTED:
            return False  # ("para calon dan Ketua KPU Hasyim": the chair is no candidate)
        j = k - 1
        while j >= 0 and k - j <= 8 and not sent[j + 1]:
            low = lows[j]
            if low in _CANDIDACY:
                return True
            if not (low in _PAIR_JOINS or all(w in _ELECTED for w in low.split("-") if w)):
                return False
            j -= 1
        return False

    def _find_person(
        self, tokens: tuple[str, ...], initials: tuple[str, ...] = ()
    ) -> _Person | None:
        if not tokens:
            return None
        for p in self.persons:
            if p.tokens == tokens:
                return p
        # (no name here equals ``tokens``: only the longer of the two can hold the other)
        inside = [
            p
            for p in self.persons
            if (
                _contains(p.tokens, tokens) and _initials_fit(initials, tokens, p.tokens)
                if len(p.tokens) > len(tokens)
                else _contains(tokens, p.tokens) and _initials_fit(p.initials, p.tokens, tokens)
            )
        ]
        return inside[0] if len(inside) == 1 else None

    def add_org(self, om: OrgMatch) -> None:
        ts = self.ts
        if self._vehicle(om):
            return  # "mobil Toyota Avanza": a car of the brand, no actor of the story
        key = self.org_alias.get(om.name)
        other_form = False
        if key is None:
            key = org_key(om.name)
            if key not in self.orgs:
                # "Polda Jawa Timur" and later "Polda Jatim": one body, its region written
                # two ways (compared as the names of stories are, by org_words); the other
                # form is kept among its aliases
                first = self._org_words.setdefault(org_words(om.name), key)
                other_form, key = first != key, first
        actor = self.orgs.get(key)
        if actor is None:
            actor = Actor(name=om.name, type="organization")
            self.orgs[key] = actor
        elif len(om.name) > len(actor.name) and om.name not in self.org_alias:
            if other_form and actor.name not in actor.aliases:
                actor.aliases.append(actor.name)
            actor.name = om.name
        elif other_form and om.name != actor.name and om.name not in actor.aliases:
            actor.aliases.append(om.name)
        actor.mentions.append(ts.span(om.start, om.name_end))
        if key not in self._branch_regions:
            self._branch_regions[key] = self._region_ending(om.start, om.name_end)
        if om.alias is not None and om.alias_of is not None:
            # "Majelis Umum Perserikatan Bangsa-Bangsa (PBB)": the short form and its later
            # uses are the body named at the end (the UN), not the one inside it
            inner = ts.surface(om.alias_of, om.name_end)
            key = self.org_alias.get(om.alias) or org_key(inner)
            actor = self.orgs.setdefault(key, Actor(name=inner, type="organization"))
        if om.alias is not None and om.alias_span is not None:
            self.org_alias.setdefault(om.alias, key)
            if om.alias not in actor.aliases:
                actor.aliases.append(om.alias)
            actor.mentions.append(om.alias_span)
            other = self.orgs.get(org_key(om.alias))
            if (
                other is not None and other is not actor
            ):  # "BPS" seen before "Badan Pusat Statistik (BPS)"
                actor.mentions.extend(other.mentions)
                del self.orgs[canonical_key(other)]
        self._cover(om.start, om.end)

    def _region_ending(self, start: int, end: int) -> list[Region]:
        """The regions a region's name at the end of an organisation's name (tokens ``start ..
        end-1``) can denote: a body's local branch (``KPU Brebes``, ``Bawaslu Jateng``, ``KPU
        Kabupaten Tasikmalaya``, ``Polres Metro Jakarta Utara``), a district's unit (``Polsek
        Tembalang``: the districts of that name); none for a national body (``KPU RI``,
        ``Polri``)."""
        ts = self.ts
        # a district's unit ("Polsek Tembalang", "Koramil Bumiayu"): its district gives the
        # regency, as in "Kapolsek Tembalang"
        local = ts.lows[start] in ts.lex.words["district_units"]
        for k in range(start + 1, end):
            pm = match_place(ts, k, self.gaz, complement=True, districts=local)
            if local and (pm is None or pm.end != end):
                pm = match_place(ts, k, self.gaz, complement=True)  # ("Polsek Sorong" Timur)
            if pm is not None and pm.end == end:
                if local and any(r.level != "district" for r in pm.regions):
                    return [r for r in pm.regions if r.level != "district"]
                return list(pm.regions)
        return []

    # --- pass 2 --------------------------------------------------------------------------------
    def resolve(self) -> list[Actor]:
        self._short_org_names()
        self._bare_mentions()
        link_aliases(self)
        self._bind_roles()
        places = self._resolve_places()
        context = [r.code for p in self.places if len(p.regions) == 1 for r in p.regions]
        for key, regions in self._branch_regions.items():
            region = region_of(regions, context)
            if key in self.orgs and region is not None:
                as_dict = region.as_dict() if isinstance(region, Region) else region
                self.orgs[key].region = as_dict
        actors = [p.actor for p in self.persons] + list(self.orgs.values()) + places
        for a in actors:
            a.mentions = sorted(set(a.mentions))
        actors.sort(key=lambda a: a.mentions[0] if a.mentions else (0, 0))
        self.actors = actors
        return actors

    def _short_org_names(self) -> None:
        """``West Ham United`` ... ``West Ham``: a name of two words or more that is the longer
        name of one organisation of the article but its closing club or company word (a kind
        word of ``org_tails.txt``, ``City``, ``Indonesia``) is that organisation, not another."""
        if len(self.orgs) < 2:
            return
        ends = _generic_ends(self.ts.lex.org_tails)
        by_name = {tuple(normalize_name(a.name).split()): key for key, a in self.orgs.items()}
        for words, key in list(by_name.items()):
            cut, short = len(words), None
            while short is None and cut > 2 and words[cut - 1] in ends:
                cut -= 1  # ("Sarana Energy Group": "Sarana Energy", and not "Sarana")
                short = by_name.get(words[:cut])
            if short is None or short == key or short not in self.orgs:
                continue
            full, drop = self.orgs[key], self.orgs.pop(short)
            full.mentions.extend(drop.mentions)
            for alias in (drop.name, *drop.aliases):
                if alias not in full.aliases:
                    full.aliases.append(alias)
            for alias, target in self.org_alias.items():
                if target == short:
                    self.org_alias[alias] = key

    def _bare_mentions(self) -> None:
        ts = self.ts
        index: dict[str, list[_Person]] = {}
        for p in self.persons:
            for t in set(p.tokens):
                if len(t) > 2:
                    index.setdefault(t, []).append(p)
        # a mention starts with a capital and is a known alias or a word of a person's name
        aliases = self.org_alias.keys() | self.person_alias.keys()
        if not index and not aliases:
            return
        words, lows = ts.words, ts.lows
        todo = [k for k in ts.cap_index if lows[k] in index or words[k] in aliases]
        i = 0
        for k in todo:
            if k < i or self.covered[k]:
                continue
            i = k
            w = ts.words[i]
            alias_key = self.org_alias.get(w)
            if alias_key is not None and alias_key in self.orgs:
                self.orgs[alias_key].mentions.append(ts.span(i, i + 1))
                continue
            if w in self.person_alias:
                self.person_alias[w].actor.mentions.append(ts.span(i, i + 1))
                continue
            cands = index.get(ts.lows[i]) if ts.is_name_token(i) else None
            if cands and len(cands) == 1:
                person = cands[0]
                j = i + 1
                while (
                    j < ts.n
                    and not self.covered[j]
                    and ts.joined(j)
                    and ts.is_name_token(j)
                    and _contains(person.tokens, tuple(ts.lows[i : j + 1]))
                ):
                    j += 1
                if j < ts.n and ts.joined(j) and ts.is_name_token(j) and j == i + 1:
                    i = j + 1  # part of a longer, different name ("Nosa Putra")
                    continue
                person.actor.mentions.append(ts.span(i, j))
                self._cover(i, j)
                i = j

    def _bind_roles(self) -> None:
        """A role named without a person (``kata Kapolres``) is a mention of the one person the
        article bound that role to: the same office as written, the bare head when one person
        holds it, or a province's office however its province is written (``Kapoldasu``,
        ``Kapolda Sumut``, ``Kapolda Sumatera Utara``)."""
        heads: dict[str, list[_Person]] = {}
        for text, owner in self.roles.items():
            heads.setdefault(text.split(" ", 1)[0], []).append(owner)
        lex = self.ts.lex
        offices: dict[tuple[str, str], dict[int, _Person]] | None = None
        for role in self.role_only:
            norm = normalize_name(role.text)
            person: _Person | None = self.roles.get(norm)
            if person is None and norm == role.head:
                bound = {id(p): p for p in heads.get(norm, [])}
                person = next(iter(bound.values())) if len(bound) == 1 else None
            office = lex.province_office(tuple(norm.split())) if person is None else None
            if office is not None:
                if offices is None:  # (the offices the article bound, read once)
                    offices = {}
                    for text, owner in self.roles.items():
                        held = lex.province_office(tuple(text.split()))
                        if held is not None:
                            offices.setdefault(held, {})[id(owner)] = owner
                holders = offices.get(office, {})
                person = next(iter(holders.values())) if len(holders) == 1 else None
            if person is not None:
                person.actor.mentions.append(self.ts.span(role.start, role.end))

    def _resolve_places(self) -> list[Actor]:
        ts = self.ts
        resolved: list[Region | dict[str, str] | None] = [None] * len(self.places)
        context = [p.regions[0].code for p in self.places if len(p.regions) == 1]
        self.places.sort(key=lambda p: p.start)
        for k, p in enumerate(self.places):
            resolved[k] = region_of(p.regions, context)
        # names whose region the article gives after a comma (None: it agrees with the name's)
        qualified: dict[tuple[str, ...], dict[str, str] | None] = {}
        # a village takes its region from the next place of its list: "Kel. X, Kec. Y, Kota Z"
        for k in range(len(self.places) - 2, -1, -1):
            cur, nxt = self.places[k], self.places[k + 1]
            chained = nxt.start == cur.end or (
                nxt.start == cur.end + 1 and ts.words[cur.end] == ","
            )
            if (
                chained
                and resolved[k] is None
                and resolved[k + 1] is not None
                and cur.level != "country"
            ):
                up = resolved[k + 1]
                resolved[k] = up.as_dict() if isinstance(up, Region) else up
            up = resolved[k + 1]
            if chained and cur.level == "district" and isinstance(up, Region):
                if len(cur.regions) > 1:
                    resolved[k] = region_of(cur.regions, [up.code]) or resolved[k]
                named = up.level == "regency" or (ts.lows[nxt.start],) in ts.lex.place_heads
                if named and not any(r.code.startswith(up.code) for r in cur.regions):
                    # "Kecamatan X, Kabupaten Y" or "Kecamatan X, Lampung Barat" where the
                    # region list has no X in Y (a new district, another spelling): the regency
                    # written next to it, not an X elsewhere; not a city named bare, which may
                    # be the story's dateline or the nearest city ("Kecamatan Sembalun, Mataram")
                    resolved[k] = up.as_dict()
            if chained and nxt.start > cur.end and resolved[k + 1] is not None:
                self._qualify(k, resolved, qualified)
        # the other bare mentions of a name qualified so ("Kuningan, Jakarta Selatan" ... "di
        # Kuningan") are the same place, unless the article also places the name where its own
        # region is ("Kuningan, Jawa Barat")
        for k, p in enumerate(self.places):
            wider = qualified.get(tuple(ts.lows[p.start : p.end]))
            if wider is not None and self._bare_region(p) and id(p) not in self._role_places:
                resolved[k] = wider
        by_key: dict[str, Actor] = {}
        for p, region in zip(self.places, resolved, strict=True):
            if isinstance(region, Region):
                key = region.code
                official: str | None = region.name
                as_dict: dict[str, str] | None = region.as_dict()
            else:
                # a country under its short name counts with its full name ("AS", "Amerika
                # Serikat"): one actor in the article, one row in reports
                official, as_dict = country_names().get(normalize_name(p.name)), region
                key = normalize_name(official or p.name)
            actor = by_key.get(key)
            if actor is None:
                actor = Actor(name=p.name, type="place", region=as_dict, official=official)
                by_key[key] = actor
            elif len(p.name) > len(actor.name):
                actor.name = p.name
            actor.mentions.append(ts.span(p.start, p.end))
        return list(by_key.values())

    def _bare_region(self, p: PlaceMatch) -> bool:
        """A region's name written alone (``Kuningan``), no head word (``Kabupaten Kuningan``)."""
        return (
            bool(p.regions)
            and p.level in ("regency", "city")
            and ((self.ts.lows[p.start],) not in self.ts.lex.place_heads)
        )

    def _in_list(self, cur: PlaceMatch, nxt: PlaceMatch) -> bool:
        """``cur, nxt`` are two items of a list of names (``di Riau, Jambi, Pekanbaru dan
        Kalimantan``, ``yakni Medan, Surabaya, Kendari``), not a place and its region: another
        capitalised word follows ``nxt`` after a comma or a conjunction (a weekday or other
        everyday word does not: ``Kuningan, Jakarta Selatan, Senin``), or a place or a name of
        one word between commas comes before ``cur`` (a building's name does not: ``kawasan
        Epicentrum, Kuningan, Jakarta Selatan``)."""
        ts = self.ts
        j = nxt.end
        while j < ts.n and ts.lows[j] in (",", "dan", "atau", "serta", "hingga"):
            j += 1
        if j > nxt.end and j < ts.n and ts.caps[j] and ts.lows[j] not in ts.lex.common:
            return True
        b = cur.start - 1
        if b < 1 or ts.words[b] != ",":
            return False
        if any(p.end == b for p in self.places):
            return True
        # a name of one word between commas before it ("(Kualanamu, Jambi, Pekanbaru)")
        return b >= 2 and bool(ts.caps[b - 1]) and ts.words[b - 2] in (",", "(")

    def _qualify(
        self,
        k: int,
        resolved: list[Region | dict[str, str] | None],
        qualified: dict[tuple[str, ...], dict[str, str] | None],
    ) -> None:
        """``Kuningan, Jakarta Selatan``, ``Manggarai, Jakarta Selatan``: a regency's name before
        a comma and a region of another province than any the name denotes is a locality of
        that region of the same name (a kelurahan, a neighbourhood, which the gazetteer does not
        list), and takes its region; ``Kuningan, Jawa Barat`` stays the regency. Not in a list
        of places (``Bogor, Depok, Tangerang dan Bekasi``, see :meth:`_in_list`)."""
        ts, cur, nxt = self.ts, self.places[k], self.places[k + 1]
        up = resolved[k + 1]
        if up is None or not self._bare_region(cur) or id(cur) in self._role_places:
            return
        if self._in_list(cur, nxt):
            return
        # a neighbourhood shares a regency's name inside a city ("Kuningan" in Jakarta Selatan);
        # two cities or a city and a province are a list or a dateline ("Surabaya, Medan",
        # "Semarang, Lampung")
        if any(r.level != "regency" for r in cur.regions) or not any(
            u.level == "city" for u in nxt.regions
        ):
            return
        key = tuple(ts.lows[cur.start : cur.end])
        wider = up.as_dict() if isinstance(up, Region) else dict(up)
        # a region of the name's own province is no contradiction ("Sleman, Yogyakarta")
        named = {u.province for u in nxt.regions} or {wider["province"]}
        named |= {_SPLIT_FROM.get(n, n) for n in named}  # older news: "Raja Ampat, Papua Barat"
        holds = any(
            r.province in named or _SPLIT_FROM.get(r.province) in named for r in cur.regions
        )
        if holds:
            qualified[key] = None
            return
        if key not in qualified:
            qualified[key] = wider
        resolved[k] = wider


# provinces made after 2012 -> the province their regencies belonged to, which older news names
_SPLIT_FROM = {
    "Kalimantan Utara": "Kalimantan Timur",
    "Papua Selatan": "Papua",
    "Papua Tengah": "Papua",
    "Papua Pegunungan": "Papua",
    "Papua Barat Daya": "Papua Barat",
}

# closing words of a club's or company's name besides the kind words of org_tails.txt
_GENERIC_ENDS = frozenset({"city", "indonesia", "persero"})


@lru_cache(maxsize=4)
def _generic_ends(tails: frozenset[str]) -> frozenset[str]:
    """The normalised words that close a club's or company's name (``united``, ``fc``)."""
    return _GENERIC_ENDS | {normalize_name(w) for w in tails}


_AFFIXED, _ROOT = 1, 2


def _ordinary_opener(ts: TokenStream, i: int) -> int | None:
    """Whether the word at ``i``, followed by a name word, is an ordinary word before a name.

    ``_AFFIXED``: a derived word (``Kehadiran Pedrosa``, ``Rupanya Gugun``, ``Melihat Aslan``)
    that the article never uses alone as a name (``Megawati``, ``Terawan`` are re-mentioned
    alone). ``_ROOT``: a root or other ordinary word opening a sentence (``Nama Firli``, but also
    ``Budi Santoso``). ``None`` otherwise.
    """
    if i + 1 >= ts.n or not ts.name_ok[i + 1] or ts.nl[i + 1]:  # (joined: on the same line)
        return None
    low = ts.lows[i]
    if i > 0 and (ts.lows[i - 1] in ts.lex.name_cues_before):
        return None  # "Ibu Megawati Soekarnoputri", "kata Terawan Agus Putranto"
    if is_derived_word(low) and not ts.stands_alone_elsewhere(i, i + 1, mid_sentence=True):
        return _AFFIXED
    if ts.sent[i] and is_ordinary_word(low):
        return _ROOT
    return None


@lru_cache(maxsize=4)
def _lower_triggers(triggers_lower: frozenset[str], gaz_first: frozenset[str]) -> frozenset[str]:
    """Lower-cased words that can open a rank, role, place or region phrase, in one set: the
    test runs on every capitalised word of every article."""
    return triggers_lower | gaz_first


def analyse(text: str) -> ArticleActors:
    """Run actor extraction and keep the intermediate state (for quote attribution).

    Parameters
    ----------
    text : str
        Article body.

    Returns
    -------
    ArticleActors
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    ts = token_stream(text)
    state = ArticleActors(ts, get_gazetteer())
    state.scan()
    state.resolve()
    logger.debug("%d actors in %d tokens", len(state.actors), ts.n)
    return state


def extract_actors(text: str) -> list[Actor]:
    """People, organisations and places named in one article, with coreference resolved.

    Parameters
    ----------
    text : str
        The cleaned, case-preserving article body (raw text is accepted too: credit lines such as
        ``Editor : ...`` are ignored).

    Returns
    -------
    list of Actor
        In order of first mention. ``text[s:e]`` is a mention for every ``(s, e)`` in
        ``actor.mentions``.

    Examples
    --------
    >>> actors = extract_actors("Kapolres Dumai AKBP Budi Santoso hadir di Kota Dumai.")
    >>> [(a.name, a.type, a.title, a.role) for a in actors]
    [('Kota Dumai', 'place', None, None), ('Budi Santoso', 'person', 'AKBP', 'Kapolres Dumai')]
    """
    return analyse(text).actors
