"""One name for each person across many articles: the forms a corpus uses, grouped.

Each article names its people in its own way: ``Sri Mulyani`` in one story, ``Sri Mulyani
Indrawati`` in the next, ``Anies Rasyid Baswedan`` beside ``Anies Baswedan``, ``B.J. Habibie``
beside ``Bacharuddin Jusuf Habibie``, the old spelling ``Pandjaitan`` beside ``Panjaitan``, a
nickname (``Jokowi``) in stories that never give the full name. Counted by the name as written,
one person becomes several rows of a report. :func:`person_groups` groups the forms that can
only mean one person in the data at hand, and names each group by its most used form:

- the same words once spelling, accents, punctuation and case are set aside (``Laode M.
  Syarif``, ``Laode M Syarif``);
- a shorter form whose words appear, in order, in the longer ones (``Sri Mulyani`` in ``Sri
  Mulyani Indrawati``; an initial stands for a word it begins, ``B.J. Habibie``), unless the
  longer form is another person's given name before the shorter, more used one: a word the data
  also use alone as a person's name (``Iriana Joko Widodo``, ``Atalia Ridwan Kamil``: wives
  are named by their names and their husbands'), other than a word news leaves out of a name
  (:data:`DROPPED_HEADS`: ``Muhammad Tito Karnavian``), when every
  longer form that holds it is one person (``Agus Wibowo`` beside ``Agus Tri Wibowo`` and ``Agus
  Wibowo Santoso`` joins neither), stray forms aside (each seen once or twice, all together a
  tenth as often as the others at most: a misspelling, words an extraction ran on into);
- a single word that is the first or the last word of the forms of one group only (``Anies``;
  ``Budi`` beside ``Budi Gunawan`` and ``Budi Santoso`` stays as written; names holding the
  word that are seen once or twice beside an established one are strays, as above: a misspelt
  ``Anies Basweda`` once), or, when several groups' forms hold it, of the one group whose forms
  hold the office the word is most often given (``Presiden Prabowo`` joins ``Prabowo
  Subianto``, a president in the data, and not ``Listyo Sigit Prabowo``, a police chief;
  :func:`role_key` compares offices); the word then names no group, however often it is used;
- a one-word nickname the articles themselves join to a full name (``Jokowi`` read as ``Joko
  Widodo`` in the articles that give both, :mod:`~media_analytics.actors.aliases`), when at
  least ``min_links`` articles do, nearly all of them to the same person, and the word is not
  already read as another person's name; a nickname of two words only when it opens with a word
  of address (``Gus Ipul``, ``Cak Imin``, ``Kang Emil``: :data:`NICKNAME_HEADS`): the other
  two-word links the articles give are too often a team or a film role (``Repsol Honda`` for
  Marc Marquez, an actor's character).

Everything else stays as written: a name shared by two people is never guessed. An analyst's own
table of aliases (:func:`read_name_table`, chains followed) comes first and is never overruled;
its forms still count as rivals (``Budi`` stays apart when the table names ``Budi Santoso``).
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Container, Mapping
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

from .aliases import spelling_key
from .lexicon import initials_of
from .model import normalize_name, org_key
from .tokens import NAME_ABBREV

__all__ = [
    "abbreviates",
    "known_body_names",
    "name_words",
    "org_groups",
    "org_words",
    "person_groups",
    "read_name_table",
    "resolve_name_table",
    "role_key",
    "with_known_body_names",
]

#: Words of address that open a two-word nickname (``Gus Ipul`` for Saifullah Yusuf, ``Cak Imin``
#: for Muhaimin Iskandar, ``Kang Emil`` for Ridwan Kamil, ``Bung Karno``, ``Bang Yos``).
NICKNAME_HEADS = frozenset(
    {"gus", "cak", "kang", "mas", "bung", "bang", "ning", "neng", "teh", "abah", "buya", "uda",
     "daeng", "mbak", "mbah", "ki", "nyai", "ustaz", "ustadz", "kiai", "habib"}
)  # fmt: skip

#: Words that open a person's full name and that news often leaves out: ``Tito Karnavian`` for
#: Muhammad Tito Karnavian, ``Amran Sulaiman`` for Andi Amran Sulaiman, ``Nadia Tarmizi`` for
#: Siti Nadia Tarmizi, Balinese birth-order and caste names (``I Wayan``, ``Ida Bagus``). They
#: are no other person's given name before a shorter name (see :func:`person_groups`).
DROPPED_HEADS = frozenset(
    {"muhammad", "muhamad", "mohammad", "mohamad", "mohammed", "muhammed", "mochammad",
     "mochamad", "mokhamad", "mukhammad", "moch", "moh", "muh", "mhd", "abdul", "ahmad",
     "achmad", "akhmad", "raden", "haji", "hajjah", "hj", "kh", "andi", "teuku", "tengku",
     "tgk", "cut", "siti", "sri", "sultan", "gusti", "anak", "agung", "ida", "bagus", "i",
     "ni", "luh", "wayan", "made", "nyoman", "ketut", "putu", "kadek", "komang", "gede",
     "dewa", "cokorda", "tjokorda", "ngakan"}
)  # fmt: skip

#: Articles that must join a nickname to one full name before other articles' lone uses of the
#: nickname count under that name.
MIN_LINKS = 5
#: The share of those articles that must name the same person.
LINK_SHARE = 0.9
#: How often the longer forms of a name must occur before a single word joins it.
MIN_FULL = 3
#: Longer forms holding a shorter one that are each seen fewer than ``MIN_FULL`` times, and
#: together at most this share as often as the others, are strays, no rivals of the others.
RARE_SHARE = 0.1
#: The share of the articles joining an organisation's short form to a name that must join it
#: to the same one.
ORG_LINK_SHARE = 0.8


#: Short forms of offices and the words they stand for, so that two ways of writing one office
#: compare equal (``Wapres``, ``Wakil Presiden``; ``Cagub Jateng``, ``Calon Gubernur Jawa
#: Tengah``). Only the shortenings whose meaning is fixed: ``Kapolres`` needs its command.
_OFFICE_WORDS: dict[str, tuple[str, ...]] = {
    short: tuple(full.split())
    for short, full in (
        ("wapres", "wakil presiden"),
        ("capres", "calon presiden"),
        ("cawapres", "calon wakil presiden"),
        ("wagub", "wakil gubernur"),
        ("cagub", "calon gubernur"),
        ("cawagub", "calon wakil gubernur"),
        ("wabup", "wakil bupati"),
        ("cabup", "calon bupati"),
        ("cawabup", "calon wakil bupati"),
        ("walikota", "wali kota"),
        ("walkot", "wali kota"),
        ("wawali", "wakil wali kota"),
        ("wawalkot", "wakil wali kota"),
        ("cawalkot", "calon wali kota"),
        ("cawawalkot", "calon wakil wali kota"),
        ("ketum", "ketua umum"),
        ("sekjen", "sekretaris jenderal"),
        ("sekjend", "sekretaris jenderal"),
        ("jendral", "jenderal"),
        ("jubir", "juru bicara"),
        ("dirut", "direktur utama"),
        ("dubes", "duta besar"),
        ("sekda", "sekretaris daerah"),
        ("kades", "kepala desa"),
        ("menko", "menteri koordinator"),
        ("menkeu", "menteri keuangan"),
        ("mendagri", "menteri dalam negeri"),
        ("menlu", "menteri luar negeri"),
        ("menhan", "menteri pertahanan"),
        ("menag", "menteri agama"),
        ("mensos", "menteri sosial"),
        ("menkes", "menteri kesehatan"),
        ("mentan", "menteri pertanian"),
        ("mendag", "menteri perdagangan"),
        ("menperin", "menteri perindustrian"),
        ("menaker", "menteri ketenagakerjaan"),
        ("menhub", "menteri perhubungan"),
        ("menpora", "menteri pemuda dan olahraga"),
        ("mensesneg", "menteri sekretaris negara"),
        ("seskab", "sekretaris kabinet"),
        ("wamen", "wakil menteri"),
    )
}
#: Words after an office that name the country it serves, which either form may leave out.
_COUNTRY_TAILS = (("republik", "indonesia"), ("ri",), ("indonesia",))


@lru_cache(maxsize=1 << 14)
def role_key(role: str) -> tuple[str, ...]:
    """The words an office is compared by: short forms written out, a bracketed aside and the
    country (``RI``, ``Republik Indonesia``) dropped, a closing region's name replaced by its
    code, so that the ways of writing one office meet.

    >>> role_key("Wapres") == role_key("Wakil Presiden RI")
    True
    >>> role_key("Cagub Jateng") == role_key("calon gubernur Jawa Tengah")
    True
    >>> role_key("Menteri Sekretaris Negara (Mensesneg)") == role_key("Mensesneg")
    True
    >>> role_key("Kapolda Jatim") == role_key("Kapolda Jateng")
    False
    """
    from .lexicon import phrase_key
    from .regions import office_of_region

    words: list[str] = []
    for w in phrase_key(_ASIDE.sub(" ", role)):
        words.extend(_OFFICE_WORDS.get(w, (w,)))
    for tail in _COUNTRY_TAILS:
        if len(words) > len(tail) and tuple(words[-len(tail) :]) == tail:
            del words[-len(tail) :]
            break
    office = office_of_region(tuple(words))  # a closing region, read by its code
    return tuple(words) if office is None else (*office[0], f"@{office[1]}")


_ASIDE = re.compile(r"\([^)]*\)")

# Words of an office that say what kind of post it is, not whose: with the lexicon's role words
# and ranks they are left out when two offices are compared by the body they belong to.
_POST_WORDS = frozenset(
    {"juru", "bicara", "umum", "utama", "harian", "khusus", "staf", "bidang", "eksekutif"}
    | {"senior", "aktif", "non"}
)


@lru_cache(maxsize=4096)
def office_body(role: str) -> tuple[str, ...]:
    """The words of an office that name what it belongs to: a body, party, ministry or region
    (:func:`role_key` less the words of the post itself).

    >>> office_body("Wakil Ketua KPK"), office_body("Anggota Fraksi Partai Gerindra")
    (('kpk',), ('fraksi', 'partai', 'gerindra'))
    >>> office_body("Kapolda Jawa Timur"), office_body("Presiden")
    (('@35',), ())
    """
    from .lexicon import get_lexicon

    lex = get_lexicon()
    return tuple(w for w in role_key(role) if w not in _POST_WORDS and not lex.is_role_word(w))


def offices_apart(role: str, others: Collection[str]) -> bool:
    """Whether ``role`` belongs to another body than every office of ``others``: both say whose
    they are, no word of that is shared, and neither is the other's initials (``KPK``,
    ``Komisi Pemberantasan Korupsi``). A post alone (``Presiden``, ``Ketua``) is apart from
    nothing.

    >>> offices_apart("Wakil Ketua DPD Gerindra DKI Jakarta", ["Wakil Ketua KPK"])
    True
    >>> offices_apart("Komisioner KPK", ["Wakil Ketua KPK"])
    False
    >>> offices_apart("Wakil Ketua Komisi Pemberantasan Korupsi", ["Wakil Ketua KPK"])
    False
    >>> offices_apart("Ketua", ["Wakil Ketua KPK"]), offices_apart("Wakil Ketua KPK", [])
    (False, False)
    """
    body = office_body(role)
    if not body:
        return False
    compared = False
    for other in others:
        theirs = office_body(other)
        if not theirs:
            continue
        compared = True
        if set(body) & set(theirs) or _short_for(body, theirs) or _short_for(theirs, body):
            return False
    return compared


def _short_for(words: tuple[str, ...], shorts: tuple[str, ...]) -> bool:
    """Whether a word of ``shorts`` can stand for the longer ``words`` as an organisation's
    short form does for its name (:func:`_abbreviates_words`, regions aside)."""
    full = tuple(w for w in words if not w.startswith("@"))
    return len(full) > 1 and any(
        s.isalpha() and _abbreviates_words((s,), full) for s in shorts if len(s) > 1
    )


@lru_cache(maxsize=1 << 16)
def name_words(name: str) -> tuple[str, ...]:
    """The words a name is compared by: normalised, each in its modern spelling.

    >>> name_words("B.J. Habibie")
    ('b', 'j', 'habibie')
    >>> name_words("Luhut Binsar Pandjaitan") == name_words("Luhut Binsar Panjaitan")
    True
    >>> name_words("BJ Habibie")  # two capitals before the name: its initials
    ('b', 'j', 'habibie')
    """
    first = name.split(maxsplit=1)
    if len(first) == 2 and len(initials_of(first[0])) == 2:
        name = f"{first[0][0]} {first[0][1]} {first[1]}"
    return tuple(
        w[0] if w in NAME_ABBREV else spelling_key(w) for w in normalize_name(name).split()
    )


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether the words of ``short`` match, in order, words of ``long``: each the same word,
    or an initial of ``short`` standing for a word it begins (``M Nasir``, ``B J Habibie``);
    ``short`` has a full word, and is shorter or holds an initial."""
    if len(short) > len(long) or not any(len(w) > 1 for w in short):
        return False
    if len(short) == len(long) and all(len(w) > 1 for w in short):
        return False  # as many words and no initial: only the very same name would match
    i = 0
    for word in long:
        if i < len(short) and (
            short[i] == word or (len(short[i]) == 1 and word.startswith(short[i]))
        ):
            i += 1
    return i == len(short)


_DROPPED_KEYS = frozenset(spelling_key(w) for w in DROPPED_HEADS)


def _given_before(
    short: tuple[str, ...], long: tuple[str, ...], given: Container[tuple[str, ...]]
) -> bool:
    """Whether a word of ``long`` before the one ``short`` begins with is a given name of its
    own: one of ``given`` (the names used alone), not an initial or one of
    :data:`DROPPED_HEADS` (``short`` within ``long``, see :func:`_within`).

    >>> _given_before(name_words("Joko Widodo"), name_words("Iriana Joko Widodo"), {("iriana",)})
    True
    >>> _given_before(name_words("Tito Karnavian"), name_words("Muhammad Tito Karnavian"),
    ...               {("muhammad",)})
    False
    """
    for at, word in enumerate(long):
        if short[0] == word or (len(short[0]) == 1 and word.startswith(short[0])):
            return any(
                len(w) > 1 and w not in _DROPPED_KEYS and ((w,) in given or w in _KIN_HEADS)
                for w in long[:at]
            )
    return False


#: Words that, before a known person's full name, make another person's name: a child or a
#: spouse named after a parent ("Putri Zulkifli Hasan", a legislator, is not Zulkifli Hasan).
_KIN_HEADS = frozenset({"putri", "putra", "putera", "istri", "suami", "anak"})


class _Groups:
    """Union-find over name keys; a group holds at most one name of the analyst's table."""

    def __init__(self, pins: Mapping[tuple[str, ...], str] | None = None) -> None:
        self.parent: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.pin: dict[tuple[str, ...], str] = dict(pins or {})  # root -> the table's name

    def find(self, k: tuple[str, ...]) -> tuple[str, ...]:
        root = self.parent.setdefault(k, k)
        while root != self.parent[root]:
            root = self.parent[root]
        while k != root:  # path compression
            self.parent[k], k = root, self.parent[k]
        return root

    def join(self, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        """Join the groups of ``a`` and ``b``, unless the table names them differently."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        pa, pb = self.pin.get(ra), self.pin.get(rb)
        if pa is not None and pb is not None and pa != pb:
            return False
        self.parent[rb] = ra
        if pa is None and pb is not None:
            self.pin[ra] = pb
        return True


def person_groups(
    counts: Mapping[str, int],
    links: Mapping[tuple[str, str], int] | None = None,
    *,
    table: Mapping[str, str] | None = None,
    min_links: int = MIN_LINKS,
    link_share: float = LINK_SHARE,
    min_full: int = MIN_FULL,
    rare_share: float = RARE_SHARE,
    roles: Mapping[str, Mapping[str, int]] | None = None,
    ranks: Mapping[str, Collection[str]] | None = None,
) -> dict[str, str]:
    """The name each written form of a person counts under, for the forms that change.

    Parameters
    ----------
    counts : mapping of str to int
        Every person name as written and how often it occurs (articles or mentions).
    links : mapping of (str, str) to int, optional
        ``(nickname, full name) -> articles`` that join the two (an actor's ``aliases`` in the
        scored records).
    table : mapping of str to str, optional
        The analyst's own ``written form -> name`` (see :func:`read_name_table`); applied first,
        matched on :func:`name_words`, and never overruled.
    min_links, link_share
        How many articles, and what share of them, must join a nickname to the same full name.
    min_full : int, default=MIN_FULL
        A single word joins the one person whose name it begins or ends only when that
        person's longer forms occur at least this often, and at least as often as the word.
    rare_share : float, default=RARE_SHARE
        The longer forms holding a shorter one that are each seen fewer than ``min_full``
        times are strays, no second person, when together they occur at most this share as
        often as the others: they stay as written and do not keep the shorter form from the
        others (``Sri Mulyani`` joins ``Sri Mulyani Indrawati``, 43 articles, beside one
        ``Lembaga. Sri Mulyani`` that an extraction ran over a full stop, or one misspelt
        ``Yasonna Hamonganan Laoly`` beside ``Yasonna H. Laoly`` and ``Yasonna Hamonangan
        Laoly``).
    roles : mapping of str to mapping of str to int, optional
        Each written form's offices (``Presiden``, ``Kapolri``) and in how many articles it is
        given each. A single word that several groups' forms begin or end with joins the one
        group whose forms hold the office the word is most often given, when no other group's
        do (offices compared by :func:`role_key`), under the same rule of established longer
        forms as a word with one group.
    ranks : mapping of str to collection of str, optional
        Each written form's police or military ranks (``iptu``, ``akbp``), lower-cased. A
        single word given a rank joins no group whose longer forms never carry it: ``Iptu
        Zainuddin``, a traffic officer, is not the minister Zainudin Amali.

    Returns
    -------
    dict of str to str
        ``written form -> name`` for every form that counts under another name.

    Examples
    --------
    >>> person_groups({"Sri Mulyani": 9, "Sri Mulyani Indrawati": 4, "Mulyani": 1,
    ...                "Budi": 3, "Budi Santoso": 2, "Budi Hartono": 2})
    {'Mulyani': 'Sri Mulyani', 'Sri Mulyani Indrawati': 'Sri Mulyani'}
    >>> person_groups({"Jokowi": 5, "Joko Widodo": 20}, {("Jokowi", "Joko Widodo"): 6})
    {'Jokowi': 'Joko Widodo'}
    >>> person_groups({"Prabowo": 35, "Prabowo Subianto": 106, "Listyo Sigit Prabowo": 7},
    ...               roles={"Prabowo": {"Presiden": 30}, "Prabowo Subianto": {"Presiden RI": 90},
    ...                      "Listyo Sigit Prabowo": {"Kapolri": 7}})
    {'Prabowo': 'Prabowo Subianto'}
    """
    fixed = _fixed(table, name_words)
    freq, forms = _counted(counts, name_words)
    # the table's forms take part as rivals and holders, but keep the table's name
    groups = _Groups(pins=fixed)
    keys = sorted(freq, key=lambda k: (-len(k), k))
    multi = [k for k in keys if len(k) > 1 and any(len(w) > 1 for w in k)]
    # by their full words: every full word of a shorter form is a word of the longer one
    by_word: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for k in multi:
        for w in k:
            if len(w) > 1:
                by_word[w].add(k)
    for k in multi:
        sets = sorted((by_word[w] for w in set(k) if len(w) > 1), key=len)
        shared = set(sets[0]).intersection(*sets[1:])
        holders = sorted(
            h
            for h in shared
            if h != k
            and _within(k, h)
            # another person's given name before this more used one: a wife named by her
            # husband's name, not a longer form of his ("Iriana Joko Widodo")
            and not (freq[h] < freq[k] and _given_before(k, h, freq))
        )
        holders = _established(holders, freq, min_full, rare_share, fixed)
        if not holders or not all(
            _within(a, b) or _within(b, a) for i, a in enumerate(holders) for b in holders[i + 1 :]
        ):
            continue
        pins = {groups.pin.get(groups.find(x)) for x in (k, *holders)} - {None}
        if len(pins) <= 1:
            for h in holders:
                groups.join(h, k)
    # a single word: the first or last word of one group's forms only
    ending: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for k in multi:
        ending[k[0]].add(k)
        ending[k[-1]].add(k)
    # (an initial alone, "M", is no name to group)
    singles = {k for k in keys if len(k) == 1 and len(k[0]) > 1 and k not in fixed}
    group_freq: Counter[tuple[str, ...]] = Counter()
    for k in multi:
        group_freq[groups.find(k)] += freq[k]
    offices = _offices(roles, forms) if roles else {}
    group_offices: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
    group_ranks: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for k in multi:
        group_offices[groups.find(k)].update(o for o, _ in offices.get(k, ()))
        if ranks:
            group_ranks[groups.find(k)].update(_ranks_of(k, forms, ranks))
    joined: set[tuple[str, ...]] = set()
    for k in sorted(singles):
        holding: Counter[tuple[str, ...]] = Counter()
        for h in ending.get(k[0], ()):
            holding[groups.find(h)] += freq[h]
        owners = set(holding)
        if len(owners) > 1:
            # names holding the word that are seen once or twice beside one established name
            # are strays, as for the longer forms above ("Anies Baswedan", 151, beside "Anies
            # Matta" and a misspelt "Anies Basweda", once each)
            kept = _established(sorted(owners), holding, min_full, rare_share, groups.pin)
            if len(kept) == 1:
                owners = set(kept)
        if len(owners) > 1 and offices.get(k):
            # several people bear the word: the one holding the office it is given, if only
            # one does ("Presiden Prabowo": not the police chief Listyo Sigit Prabowo)
            office = offices[k][0][0]
            owners = {o for o in owners if office in group_offices[o]}
        # the full name must be established in the data: a given name used alone at least as
        # often as the one full name that holds it is mostly someone else's ("Shanty" beside one
        # "Shanty Jones")
        if len(owners) == 1:
            (owner,) = owners
            # a name many people bear, alone in a story, is that person's only where a story
            # gives it an office the person holds ("Menkeu Sri"): a murder victim "Sri" is not
            # the finance minister, a detective "Iptu Hartono" not BPS's deputy Ateng Hartono
            given = {o for o, _ in offices.get(k, ())}
            if k[0] in _common_names() and not given & group_offices[owner]:
                continue
            if ranks and (held := _ranks_of(k, forms, ranks)) and not held & group_ranks[owner]:
                continue
            if group_freq[owner] >= max(min_full, freq[k]) and groups.join(owner, k):
                joined.add(k)
    # nicknames the articles join to one full name
    targets: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
    for (alias, full), n in (links or {}).items():
        a, f = name_words(str(alias)), name_words(str(full))
        nickname = a in singles or (
            len(a) == 2 and a[0] in NICKNAME_HEADS and a in freq and a not in fixed
        )
        if nickname and len(f) > 1 and f in freq and f != a:
            # (counted by person: "Abdul Muhaimin Iskandar" and "Muhaimin Iskandar" are one)
            targets[a][groups.find(f)] += int(n)
    for a, seen in sorted(targets.items()):
        f, n = min(seen.items(), key=lambda kv: (-kv[1], kv[0]))
        total = sum(seen.values())
        if total < min_links or n < link_share * total:
            continue
        if a in joined and groups.find(a) != groups.find(f):
            continue  # already the word of another person's name ("Ipul" of "Ahmad Ipul")
        # a word of other people's names too ("Alex"): the links must outnumber those names
        others = sum(
            freq[k]
            for k in (ending.get(a[0], ()) if len(a) == 1 else ())
            if groups.find(k) != groups.find(f)
        )
        if n > others:
            groups.join(f, a)
    # name each group by its most used form (an odd longer form that took a well-known single
    # name in does not rename it)
    return _named(groups, keys, freq, forms, fixed, one_word_apart=True, not_names=joined)


def _ranks_of(
    key: tuple[str, ...],
    forms: Mapping[tuple[str, ...], Counter[str]],
    ranks: Mapping[str, Collection[str]],
) -> set[str]:
    """The ranks the written forms of ``key`` are given."""
    return {r for form in forms.get(key, ()) for r in ranks.get(form, ())}


def _offices(
    roles: Mapping[str, Mapping[str, int]], forms: Mapping[tuple[str, ...], Counter[str]]
) -> dict[tuple[str, ...], list[tuple[tuple[str, ...], int]]]:
    """Each name key's offices (:func:`role_key`) and in how many articles each is given, the
    one given in most first (on a tie, the first in order)."""
    out: dict[tuple[str, ...], list[tuple[tuple[str, ...], int]]] = {}
    for key, written in forms.items():
        held: Counter[tuple[str, ...]] = Counter()
        for form in written:
            for role, n in (roles.get(form) or {}).items():
                office = role_key(str(role))
                if office:
                    held[office] += int(n)
        if held:
            out[key] = sorted(held.items(), key=lambda o: (-o[1], o[0]))
    return out


def _established(
    keys: list[tuple[str, ...]],
    freq: Mapping[tuple[str, ...], int],
    min_full: int,
    rare_share: float,
    table: Container[tuple[str, ...]],
) -> list[tuple[str, ...]]:
    """``keys`` less the stray ones, when they are few: those seen fewer than ``min_full``
    times and not named by the analyst's table, if all of them together occur at most
    ``rare_share`` as often as the others (several rare forms are several people more likely
    than strays: ``M Ikhsan`` beside ``M Ikhsan Rosan``, 11, and ``Muhamad Ikhsan``, ``Mukhtar
    Ikhsan``, ``M Ikhsan Asad``, once each)."""
    rare = [k for k in keys if freq[k] < min_full and k not in table]
    others = [k for k in keys if k not in rare]
    if rare and sum(freq[k] for k in rare) <= rare_share * sum(freq[k] for k in others):
        return others
    return keys


def _named(
    groups: _Groups,
    keys: list[tuple[str, ...]],
    freq: Counter[tuple[str, ...]],
    forms: Mapping[tuple[str, ...], Counter[str]],
    fixed: Mapping[tuple[str, ...], str],
    one_word_apart: bool = False,
    not_names: Container[tuple[str, ...]] = (),
    shortest: bool = False,
) -> dict[str, str]:
    """``written form -> name`` of every form whose group is named otherwise.

    A group is named by its most used form, or with ``shortest`` by the most used of its
    forms, and of their spellings, of fewest words (an organisation's short form: ``KPK``,
    ``Polda Jatim``), so that its name does not change with the period read.

    With ``one_word_apart``, the spellings of a one-word key that joined nothing else stay
    apart unless they differ only in case and punctuation (``Rony`` and ``Ronny``: two people
    as likely as one; ``Jokowi`` and ``JOKOWI``: one). The keys in ``not_names`` (a given name
    that joined a full one) name no group, however often they are used: ``Eman`` counts under
    ``Andreas Eman``.
    """
    members: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for k in keys:
        members[groups.find(k)].append(k)
    out: dict[str, str] = {}
    for root, group in members.items():
        pin = groups.pin.get(root)
        if pin is None and len(group) == 1 and one_word_apart and len(group[0]) == 1:
            by_text: dict[str, Counter[str]] = defaultdict(Counter)
            for form, n in forms[group[0]].items():
                by_text[normalize_name(form)][form] += n
            parts = list(by_text.values())
        else:
            parts = [Counter({f: n for k in group for f, n in forms[k].items()})]
        for part in parts:
            if pin is not None:
                name = pin
            elif len(part) == 1:
                continue
            else:
                named = [k for k in group if k not in not_names] or group
                if shortest:
                    best = max(named, key=lambda k: (-len(k), freq[k], k))
                else:
                    best = max(named, key=lambda k: (freq[k], len(k), k))
                mine = forms[best] if len(parts) == 1 else part
                # the most used spelling of that form (the first in order on a tie); with
                # ``shortest``, of its spellings of fewest words (``Polda Kaltim``, not
                # ``Kepolisian Daerah Kalimantan Timur``)
                if shortest:
                    name = min(mine.items(), key=lambda kv: (len(kv[0].split()), -kv[1], kv[0]))[0]
                else:
                    name = min(mine.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            for form in part:
                if form != name:
                    out[form] = name
    return dict(sorted(out.items()))


def resolve_name_table(table: Mapping[str, str]) -> dict[str, str]:
    """``alias -> name`` with chains followed (``A -> B``, ``B -> C`` gives ``A -> C``).

    Aliases are compared by :func:`name_words`. Raises ``ValueError`` when two aliases that
    are the same form give two names, or when the table goes round in a circle.

    >>> resolve_name_table({"Jokowi": "Joko Widodo", "Joko Widodo": "Presiden Joko Widodo"})
    {'Jokowi': 'Presiden Joko Widodo', 'Joko Widodo': 'Presiden Joko Widodo'}
    """
    by_key: dict[tuple[str, ...], tuple[str, str]] = {}
    for alias, name in table.items():
        key = name_words(str(alias))
        known = by_key.get(key)
        if known is not None and known[1] != name:
            raise ValueError(
                f"{known[0]!r} and {alias!r} are the same form but are given two names, "
                f"{known[1]!r} and {name!r}"
            )
        by_key[key] = (str(alias), str(name))
    out: dict[str, str] = {}
    for alias, name in table.items():
        seen = {name_words(str(alias))}
        while (step := by_key.get(name_words(name))) is not None and step[1] != name:
            if name_words(name) in seen:
                raise ValueError(f"the names go round in a circle from {alias!r}: {name!r} ...")
            seen.add(name_words(name))
            name = step[1]
        out[str(alias)] = name
    return out


def _fixed(table: Mapping[str, str] | None, words: Any) -> dict[tuple[str, ...], str]:
    """The table's forms and names, by ``words``, each with its name (chains followed)."""
    fixed: dict[tuple[str, ...], str] = {}
    for form, name in resolve_name_table(table or {}).items():
        fixed[words(form)] = name
        fixed.setdefault(words(name), name)
    return fixed


def _counted(
    counts: Mapping[str, int], words: Any
) -> tuple[Counter[tuple[str, ...]], dict[tuple[str, ...], Counter[str]]]:
    freq: Counter[tuple[str, ...]] = Counter()
    forms: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for name, n in counts.items():
        key = words(str(name))
        if key:
            freq[key] += int(n)
            forms[key][str(name)] += int(n)
    return freq, forms


#: Words an organisation's name may carry or drop and stay the same body, besides the legal
#: forms :func:`~media_analytics.actors.model.org_key` drops: a party's ``Partai`` (``Partai
#: Golkar``, ``Golkar``), the country after a state body (``DPR RI``).
_ORG_OPTIONAL_HEAD = frozenset({"partai"})
_ORG_OPTIONAL_TAIL = frozenset({"ri"})


#: Short forms of local governments, police units and prosecutors' offices written as one
#: word, and what they stand for.
_ORG_SHORT_HEADS = {
    "pemprov": ("pemerintah", "provinsi"),
    "pemkot": ("pemerintah", "kota"),
    "pemkab": ("pemerintah", "kabupaten"),
    "polda": ("kepolisian", "daerah"),
    "polres": ("kepolisian", "resor"),
    "polresta": ("kepolisian", "resor", "kota"),
    "polrestabes": ("kepolisian", "resor", "kota", "besar"),
    "polsek": ("kepolisian", "sektor"),
    "kejati": ("kejaksaan", "tinggi"),
    "kejari": ("kejaksaan", "negeri"),
}
_REGION_WORDS_MAX = 4
#: Short forms of the level of a region written before its name (``Bawaslu Kab Semarang``,
#: ``Dinas Pendidikan Prov. Jateng``), read out so that the region is found whichever is written.
_REGION_LEVEL_SHORT = {"kab": "kabupaten", "prov": "provinsi", "kec": "kecamatan"}


@lru_cache(maxsize=1 << 16)
def org_words(name: str) -> tuple[str, ...]:
    """The words an organisation's name is compared by (see :func:`org_groups`).

    The region a name ends with is compared by its code, however it is written (``DPRD DKI``,
    ``DPRD DKI Jakarta``, ``DPRD Provinsi DKI Jakarta``), and the one-word short forms of local
    governments are read out (``Pemprov``, ``Pemerintah Provinsi``).

    >>> org_words("Partai Golkar") == org_words("Golkar")
    True
    >>> org_words("Pemprov DKI") == org_words("Pemerintah Provinsi DKI Jakarta")
    True
    >>> org_words("Pemkot Bandung") == org_words("Pemkab Bandung")
    False
    >>> org_words("Polda Jatim") == org_words("Kepolisian Daerah Jawa Timur")
    True
    >>> org_words("Polresta Bogor") == org_words("Kepolisian Resor Kota Bogor")
    True
    >>> org_words("Polres Metro Jakarta Barat") == org_words("Polres Jakbar")
    True
    >>> org_words("Polresta Bogor") == org_words("Polres Bogor")
    False
    >>> org_words("Bawaslu Kab. Semarang") == org_words("Bawaslu Kabupaten Semarang")
    True
    >>> org_words("Bawaslu Kab Semarang") == org_words("Bawaslu Kota Semarang")
    False
    >>> org_words("Badan Meteorologi, Klimatologi, dan Geofisika")
    ('badan', 'meteorologi', 'klimatologi', 'dan', 'geofisika')
    """
    from .regions import lookup_region

    words = org_key(name).partition(":")[2].split()
    while len(words) > 1 and words[0] in _ORG_OPTIONAL_HEAD:
        words.pop(0)
    while len(words) > 1 and words[-1] in _ORG_OPTIONAL_TAIL:
        words.pop()
    if words and words[0] in _ORG_SHORT_HEADS:
        words[:1] = _ORG_SHORT_HEADS[words[0]]
    words[1:] = [_REGION_LEVEL_SHORT.get(w, w) for w in words[1:]]
    if words[:2] == ["kepolisian", "resort"]:
        words[1] = "resor"  # a common misspelling of the police unit
    if words[:3] == ["kepolisian", "resor", "kota"] and len(words) > 3:
        # a city's police is another unit than the regency's of the same name ("Polresta
        # Bogor", "Polres Bogor"): its "kota" is no part of the region's name
        k = 4 if words[3] == "besar" and len(words) > 4 else 3
        words[1:k] = [" ".join(words[1:k])]
    # the longest run of last words that names one province, regency or city
    for size in range(min(_REGION_WORDS_MAX, len(words) - 1), 0, -1):
        region = lookup_region(" ".join(words[-size:]))
        if region is not None and region.level != "district":
            words[-size:] = [f"@{region.code}"]
            break
    if len(words) == 4 and words[:3] == ["kepolisian", "resor", "metro"] and words[3][:3] == "@31":
        # "Polres Metro Jakarta Barat", "Polres Jakarta Barat": one unit of Jakarta's police
        # (around it, "Polres Metro Tangerang" is the city's, "Polres Tangerang" the regency's)
        del words[2]
    return tuple(words)


def org_groups(
    counts: Mapping[str, int],
    links: Mapping[tuple[str, str], int] | None = None,
    *,
    table: Mapping[str, str] | None = None,
    min_links: int = MIN_LINKS,
    link_share: float = ORG_LINK_SHARE,
) -> dict[str, str]:
    """The name each written form of an organisation counts under, for the forms that change.

    Two forms are one organisation when they differ only in case, punctuation, ``Partai``, a
    legal form, a closing ``RI`` (``DPR RI``, ``DPR``), the way the region they end with is
    written (``DPRD DKI``, ``DPRD DKI Jakarta``; ``Pemprov Jabar``, ``Pemerintah Provinsi Jawa
    Barat``; a city's and a regency's stay apart), or when the articles themselves join a
    short form to a full name (``KPK`` read as ``Komisi Pemberantasan Korupsi`` where an article
    gives both): at least ``min_links`` articles, and ``link_share`` of those that join the
    short form to any name, must join it to the same one; the other full names it is joined to
    in at least ``min_links`` articles are then written forms of that body too when they begin
    and end with its first and last words (``Komisi Pemberantasan Tindak Pidana Korupsi``). A
    body inside another is not the other (``Komisi III DPR`` is not ``DPR``, ``Dewan Pengawas
    KPK`` is not ``KPK``), so no form joins a longer one by its words alone. A full name that
    fewer articles join to its short form, however few, or misspelt (``Kepolisian Republik
    Indonesia (Polri)`` in 4 articles, ``Komisi Pemberantsan Korupsi (KPK)`` in one) joins it
    too when the short form abbreviates it (its letters are letters of the full name, in
    order, and the region they end with is the same: ``Polri`` is no ``Kepolisian Daerah Jawa
    Tengah``), its articles join it to that short form (``link_share`` of them) and the full
    names joined to the short form are one body's (``link_share`` of their articles name the
    most joined one, or words of it in order with words between or misspelt: ``Komisi
    Pemberantasan Tindak Pidana Korupsi``, ``Komisi Pemberatasan Korupsi``; a short form of two
    bodies, ``BPN`` of ``Badan Pertanahan Nasional`` and of ``Badan Pemenangan Nasional``,
    joins neither). Each group counts under its short form, the most used of its forms of
    fewest words, not under its most used form, which changes with the period read (a month
    where the full name was written more often would chart the body under another name).

    >>> org_groups({"KPK": 7, "Komisi Pemberantasan Korupsi": 9, "Partai Golkar": 3,
    ...             "Golkar": 2}, {("KPK", "Komisi Pemberantasan Korupsi"): 5})
    {'Komisi Pemberantasan Korupsi': 'KPK', 'Partai Golkar': 'Golkar'}
    """
    fixed = _fixed(table, org_words)
    freq, forms = _counted(counts, org_words)
    groups = _Groups(pins=fixed)
    keys = sorted(freq, key=lambda k: (-len(k), k))
    targets: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
    # the longer names joined to each short form, and the short forms joined to each of them
    longer: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
    shorter: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
    for (alias, full), n in (links or {}).items():
        a, f = org_words(str(alias)), org_words(str(full))
        if a != f and a in freq and f in freq:
            targets[a][f] += int(n)
        if a and f in freq and len(f) > len(a):
            longer[a][f] += int(n)
            shorter[f][a] += int(n)
    mains: dict[tuple[str, ...], tuple[str, ...]] = {}
    for a, seen in sorted(targets.items()):
        seen, led = _acronym_led_folded(seen, forms)
        top, n = min(seen.items(), key=lambda kv: (-kv[1], kv[0]))
        if n < min_links or n < link_share * sum(seen.values()):
            continue
        mains[a] = top
        for wording, body in led.items():
            if body == top:
                groups.join(top, wording)
        for f, m in seen.items():
            # another wording of the same body begins and ends as the main one does (``Komisi
            # Pemberantasan Tindak Pidana Korupsi``); a body inside it does not (``Dewan
            # Pengawas Komisi Pemberantasan Korupsi``, ``Fraksi Partai Keadilan Sejahtera``)
            if m >= min_links and f[0] == top[0] and f[-1] == top[-1]:
                groups.join(top, f)
        groups.join(top, a)
    # a full name the articles join to a short form it abbreviates, in fewer articles or
    # misspelt ("Kepolisian Republik Indonesia (Polri)", "Komisi Pemberantsan Korupsi (KPK)"):
    # that body too, when the full names joined to the short form are one body's
    for a, seen in sorted(longer.items()):
        main = mains.get(a) or min(seen.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        same = sorted(f for f in seen if _same_body(f, main))
        if sum(seen[f] for f in same) < link_share * sum(seen.values()):
            continue  # a short form of two bodies (BPN: Pertanahan, Pemenangan)
        for f in same:
            top, n = min(shorter[f].items(), key=lambda kv: (-kv[1], kv[0]))
            if top == a and n >= link_share * sum(shorter[f].values()) and _abbreviates_words(a, f):
                groups.join(a if a in freq else main, f)
    return _named(groups, keys, freq, forms, fixed, shortest=True)


def _acronym_led_folded(
    seen: Counter[tuple[str, ...]], forms: Mapping[tuple[str, ...], Counter[str]]
) -> tuple[Counter[tuple[str, ...]], dict[tuple[str, ...], tuple[str, ...]]]:
    """The full names a short form is joined to, with each wording that opens with an acronym
    of another's first words counted as that one (``PDI Perjuangan``, ``Partai Demokrasi
    Indonesia Perjuangan``: one party, which articles join ``PDIP`` to in both wordings), and
    the wordings so counted."""
    from .lexicon import phrase_key

    words = {
        k: phrase_key(min(forms[k].items(), key=lambda kv: (-kv[1], kv[0]))[0])
        for k in seen
        if forms.get(k)
    }
    led: dict[tuple[str, ...], tuple[str, ...]] = {}
    for k, w in words.items():
        if len(w) < 2 or len(w[0]) < 2:
            continue
        rest = w[1:]
        fulls = [
            f
            for f, fw in words.items()
            if f != k
            and len(fw) > len(w)
            and fw[-len(rest) :] == rest
            and "".join(x[0] for x in fw[: -len(rest)]) == w[0]
        ]
        if len(fulls) == 1:
            led[k] = fulls[0]
    if not led:
        return seen, led
    folded: Counter[tuple[str, ...]] = Counter()
    for k, n in seen.items():
        folded[led.get(k, k)] += n
    return folded, led


#: How alike (difflib's ratio) a word must be to another to be it misspelt (``pemberantsan``,
#: ``pemberantasan``: 0.96; ``pertanahan``, ``pemenangan``: 0.6, two words).
_MISSPELT_RATIO = 0.85


#: A country's name an organisation's full name may end with (the ``RI`` of a short form).
_COUNTRY = ("republik", "indonesia")


def _same_word(a: str, b: str) -> bool:
    """The same word, or one misspelt (both of 4 letters or more, a region's code never)."""
    if a == b:
        return True
    if a.startswith("@") or b.startswith("@") or min(len(a), len(b)) < 4:
        return False
    return SequenceMatcher(None, a, b).ratio() >= _MISSPELT_RATIO


def _same_body(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two full names (:func:`org_words`) that articles join to one short form name
    one body: the same first and last words, and the words of the shorter, in order, words of
    the longer, each maybe misspelt (``komisi pemberantasan korupsi``, ``komisi pusat
    pemberantasan korupsi``, ``komisi pemberatasan korupsi``; not ``badan pertanahan
    nasional`` and ``badan pemenangan nasional``). The country one of them ends with is
    no word of the body's (``komisi pemberantasan korupsi republik indonesia``).

    >>> _same_body(("komisi", "pemberantasan", "korupsi"),
    ...            ("komisi", "pemberantasan", "tindak", "pidana", "korupai"))
    True
    >>> _same_body(("badan", "pertanahan", "nasional"), ("badan", "pemenangan", "nasional"))
    False
    """
    if (a[-2:] == _COUNTRY) != (b[-2:] == _COUNTRY):
        a, b = (k[:-2] if k[-2:] == _COUNTRY and len(k) > 3 else k for k in (a, b))
    short, long_ = sorted((a, b), key=len)
    if not (_same_word(short[0], long_[0]) and _same_word(short[-1], long_[-1])):
        return False
    i = 0
    for word in long_:
        if i < len(short) and _same_word(short[i], word):
            i += 1
    return i == len(short)


def abbreviates(short: str, full: str) -> bool:
    """Whether an organisation's short form can stand for a full name: it has fewer words
    (:func:`org_words`), its letters are letters of the full name, in order (``Polri``,
    ``Kepolisian Republik Indonesia``; ``KPK``, ``Komisi Pemberantsan Korupsi``), and both end
    with the same region, or none (``Polda Jateng``, ``Kepolisian Daerah Jawa Tengah``).

    >>> abbreviates("Polri", "Kepolisian Republik Indonesia")
    True
    >>> abbreviates("Polri", "Kepolisian Daerah Jawa Tengah")  # a regional branch
    False
    >>> abbreviates("Kapolres", "Kepolisian Resor")  # a role, not the body's short form
    False
    """
    a, f = org_words(short), org_words(full)
    return bool(a) and len(f) > len(a) and _abbreviates_words(a, f)


def _abbreviates_words(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """:func:`abbreviates` on :func:`org_words`, whatever their lengths."""
    if [w for w in short if w.startswith("@")] != [w for w in full if w.startswith("@")]:
        return False
    letters = iter("".join(w for w in full if not w.startswith("@")))
    return all(c in letters for c in "".join(w for w in short if not w.startswith("@")))


@lru_cache(maxsize=1)
def _common_names() -> frozenset[str]:
    """The words of ``actors/data/common_names.txt``: names many Indonesians bear."""
    from .lexicon import read_lines

    return frozenset(w for line in read_lines("common_names.txt") for w in name_words(line))


@lru_cache(maxsize=1)
def _known_bodies() -> tuple[tuple[str, str], ...]:
    from .lexicon import read_csv_rows

    return tuple((r["alias"], r["name"]) for r in read_csv_rows("org_aliases.csv"))


def known_body_names() -> dict[str, str]:
    """The other names of national bodies that articles seldom join to their short form in
    writing (``actors/data/org_aliases.csv``): ``Mabes Polri`` and ``Kepolisian RI`` for
    ``Polri``, ``Tentara Nasional Indonesia`` for ``TNI``, ``Kejagung`` for ``Kejaksaan
    Agung``. A unit stays its own body (``Bareskrim Polri``, ``Polda Jatim``)."""
    return dict(_known_bodies())


def with_known_body_names(table: Mapping[str, str] | None) -> dict[str, str]:
    """An analyst's ``alias -> name`` table with :func:`known_body_names` under it: a row of the
    package's is left out when its alias is a form of the analyst's table, as alias or as name;
    its other rows lead on to the analyst's names (with ``Polri,Kepolisian Negara Republik
    Indonesia``, ``Mabes Polri`` counts under that name too).

    >>> own = {"Polri": "Kepolisian Negara Republik Indonesia"}
    >>> resolve_name_table(with_known_body_names(own))["Mabes Polri"]
    'Kepolisian Negara Republik Indonesia'
    >>> with_known_body_names(own)["Kepolisian Negara Republik Indonesia"]
    Traceback (most recent call last):
    KeyError: 'Kepolisian Negara Republik Indonesia'
    """
    own = dict(table or {})
    taken = {name_words(n) for pair in own.items() for n in pair}
    known = {alias: name for alias, name in _known_bodies() if name_words(alias) not in taken}
    return {**known, **own}


def read_name_table(path: str | Path) -> dict[str, str]:
    """An analyst's table of names: a CSV (or TSV) with the columns ``alias`` and ``name``.

    Each row makes ``alias`` (any written form: a nickname, an acronym, a misspelling) count
    under ``name``, for people and organisations alike (``Jokowi,Joko Widodo``; ``Korps
    Bhayangkara,Polri``). Raises ``ValueError`` naming the line of a row it cannot use.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{p}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    dialect = "excel-tab" if p.suffix.lower() == ".tsv" else "excel"
    rows = csv.reader(text.splitlines(), dialect=dialect)
    header = [h.strip().lower() for h in next(rows, [])]
    if header[:2] != ["alias", "name"]:
        raise ValueError(f"{p}:1: the first line must be the header 'alias,name', got {header!r}")
    out: dict[str, str] = {}
    seen: dict[tuple[str, ...], tuple[str, str, int]] = {}
    for line, row in enumerate(rows, 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise ValueError(f"{p}:{line}: a row needs an alias and a name, got {row!r}")
        alias, name = row[0].strip(), row[1].strip()
        if not any(c.isalnum() for c in alias) or not any(c.isalnum() for c in name):
            raise ValueError(f"{p}:{line}: {alias!r} or {name!r} holds no letters or digits")
        key = name_words(alias)
        known = seen.get(key)
        if known is not None and known[1] != name:
            raise ValueError(
                f"{p}:{line}: {alias!r} is given two names, {known[1]!r} (line {known[2]}, as "
                f"{known[0]!r}) and {name!r}"
            )
        seen[key] = (alias, name, line)
        out[alias] = name
    try:
        resolve_name_table(out)
    except ValueError as exc:
        raise ValueError(f"{p}: {exc}") from None
    return out
