"""Word lists behind actor and quote extraction, loaded once from ``actors/data/``.

Every list is the project's own and lives in a plain text file, one entry per line, ``#`` for
comments and ``[section]`` headers where a file has parts. Multi-word entries are stored as tuples
of tokens so that the extractor can match them against its token stream; a trailing period is
dropped from each token (``"PT."`` and ``"PT"`` are the same head; the period is read from the
text when present).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

__all__ = [
    "MENURUT",
    "NICKNAME_CALLS",
    "NICKNAME_OR",
    "Lexicon",
    "PhraseSet",
    "get_lexicon",
    "phrase_key",
    "read_lines",
    "read_sections",
]

_DATA_PACKAGE = "media_analytics.actors"
# Cue words that are matched in code rather than listed in a data file: "menurut" opens reported
# speech (quotes.py); the rest introduce a nickname (aliases.py): "Lestari atau Rerie", "yang
# akrab disapa Ipul", "sapaan akrabnya Rerie", "Saifullah Yusuf (Gus Ipul)".
MENURUT = frozenset({"menurut", "menurutnya"})
NICKNAME_OR = frozenset({"atau", "alias"})
NICKNAME_CALLS = frozenset(
    {"disapa", "dipanggil", "disebut", "dijuluki", "sapaan", "panggilan", "julukan"}
)
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def _data_text(name: str) -> str:
    return (resources.files(_DATA_PACKAGE) / "data" / name).read_text(encoding="utf-8")


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file, stripped.

    Parameters
    ----------
    name : str
        File name inside ``media_analytics/actors/data/``.

    Returns
    -------
    list of str
    """
    out = []
    for line in _data_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def read_sections(name: str) -> dict[str, list[str]]:
    """Lines of a data file grouped by ``[section]`` header (lines before any header: ``""``)."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in read_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
        else:
            sections[current].append(line)
    return sections


@lru_cache(maxsize=1 << 16)  # names recur within and across articles
def initials_of(word: str) -> str:
    """The letters of a word written as a name's initials, one or two capitals (``B``, ``BJ``),
    lower-cased; ``""`` for any other word.

    >>> initials_of("BJ"), initials_of("B"), initials_of("Budi"), initials_of("KPK")
    ('bj', 'b', '', '')
    """
    return word.lower() if len(word) <= 2 and word.isalpha() and word.isupper() else ""


def phrase_key(phrase: str, *, lower: bool = True) -> tuple[str, ...]:
    """Split a phrase into the word tokens the extractor sees (periods and brackets dropped).

    >>> phrase_key("Kombes (Pol)")
    ('kombes', 'pol')
    >>> phrase_key("PT.", lower=False)
    ('PT',)
    """
    words = _WORD.findall(phrase)
    return tuple(w.lower() for w in words) if lower else tuple(words)


class PhraseSet:
    """A set of token tuples with a fast first-token test and a bound on phrase length.

    Parameters
    ----------
    keys : iterable of tuple of str
        The phrases, already split into tokens (lower-cased or not, as they will be looked up).
    """

    __slots__ = ("_len_from", "first", "keys", "max_len")

    def __init__(self, keys: Iterable[tuple[str, ...]]) -> None:
        self.keys = frozenset(k for k in keys if k)
        self.first = frozenset(k[0] for k in self.keys)
        self.max_len = max((len(k) for k in self.keys), default=0)
        # the longest phrase starting with each word: most words start only short phrases, so
        # the search below tries few lengths
        self._len_from: dict[str, int] = {}
        for k in self.keys:
            self._len_from[k[0]] = max(self._len_from.get(k[0], 0), len(k))

    def __contains__(self, key: object) -> bool:
        return key in self.keys

    def longest(self, tokens: list[str], i: int) -> int:
        """End of the longest phrase starting at ``tokens[i]``, or ``i`` when none does."""
        size = self._len_from.get(tokens[i])
        if size is None:
            return i
        for k in range(min(size, len(tokens) - i), 0, -1):
            if tuple(tokens[i : i + k]) in self.keys:
                return i + k
        return i


@dataclass(frozen=True)
class Lexicon:
    """All word lists, as sets and dicts keyed the way the extractor looks them up.

    Phrase keys are tuples of tokens: lower-cased for ranks, honorifics, roles and place heads
    (matched ignoring case), as written for organisation heads, organisation names and countries.
    """

    ranks: dict[tuple[str, ...], str]
    hon_prefix: dict[tuple[str, ...], str]
    hon_suffix: frozenset[str]
    role_modifiers: PhraseSet
    role_heads: PhraseSet
    org_heads: PhraseSet
    org_phrases: PhraseSet
    institution: frozenset[str]
    common: frozenset[str]
    place_heads: dict[tuple[str, ...], str]
    street_heads: frozenset[str]
    countries: PhraseSet
    verbs_after: frozenset[str]
    verbs_before: frozenset[str]
    verbs_report: frozenset[str]
    verbs_passive: frozenset[str]
    person_cues: frozenset[str]
    org_tails: frozenset[str]
    event_tails: frozenset[str]
    event_heads: PhraseSet
    words: dict[str, frozenset[str]]
    # everyday words that go on with a person's name between two name words (name_bridges.txt),
    # each with the words after it that make it a day's name instead
    name_bridges: dict[str, frozenset[str]] = field(default_factory=dict)
    triggers_lower: frozenset[str] = frozenset()  # lower-cased openers of rank/role/place phrases
    triggers_exact: frozenset[str] = frozenset()  # openers of organisation and country names
    role_openers: frozenset[str] = frozenset()  # first words of role heads and modifiers
    rank_openers: frozenset[str] = frozenset()  # first words of ranks ("komisaris besar")
    # lower-cased first words of honorifics and ranks: where a title before a name can start
    title_openers: frozenset[str] = frozenset()
    # the ranks as phrases, for the longest one at a token ("Ajun Inspektur Polisi Satu")
    rank_phrases: PhraseSet = field(default_factory=lambda: PhraseSet(()))
    # offices of a province written as one word with its short name (roles.txt
    # [province_office]): "kapoldasu" -> ("kapolda", "Sumatera Utara"); role heads as well
    glued_offices: dict[str, tuple[str, str]] = field(default_factory=dict)
    # verbs that open reported speech after its source ([before] and [reports])
    reporting_verbs: frozenset[str] = frozenset()
    # speech verbs that stand between commas inside reported speech (", kata Budi, ...",
    # ", lanjutnya, ...") and the -nya forms of the passive ones that open it ("Dikatakannya, ...")
    interposed_verbs: frozenset[str] = frozenset()
    # every speech verb, before, after or passive ("mengatakan", "ujar", "dikatakan")
    speech_verbs: frozenset[str] = frozenset()
    org_openers: frozenset[str] = frozenset()  # first words of organisation heads and names
    # lower-cased first words of roles, ranks and honorifics: where a person phrase can start
    person_openers: frozenset[str] = frozenset()
    # words that are never part of a person's name: lower-cased (office, rank, place and everyday
    # words) and as written (one-word organisation heads and countries); one set lookup each
    # instead of ten, since the test runs on every capitalised word
    not_name_lower: frozenset[str] = frozenset()
    not_name_exact: frozenset[str] = frozenset()
    # lower-cased words that open a phrase away from capitalised words: role words ("kata ketua
    # KPU"), reporting verbs, "menurut" and the nickname cues; TokenStream.cue_index lists where
    # they occur, so that the matchers looking for them share one pass over the tokens
    cue_words: frozenset[str] = frozenset()
    # lower-cased words before and after a bare name that can give it a speech, age or office
    # cue (people.cue_person): most capitalised names have none on either side, and one lookup
    # on each side tells so
    name_cues_before: frozenset[str] = frozenset()
    name_cues_after: frozenset[str] = frozenset()
    # given names that open a person's name with no cue (given_names.txt), and the streets and
    # airports named after national figures that such a name may be (namesakes.txt)
    given_names: frozenset[str] = frozenset()
    namesakes: frozenset[tuple[str, ...]] = frozenset()

    def province_office(self, words: tuple[str, ...]) -> tuple[str, str] | None:
        """The office of a province and the province's official name that a role's lower-cased
        words name (``("kapoldasu",)``, ``("kapolda", "sumut")``, ``("kapolda", "sumatera",
        "utara")``: ``("kapolda", "Sumatera Utara")``), or None."""
        found = self.glued_offices.get("".join(words))
        return found if found is not None and (len(words) == 1 or found[0] == words[0]) else None

    def is_role_word(self, low: str) -> bool:
        """Whether a lower-cased token opens a role phrase or is a rank."""
        return (low,) in self.role_heads or (low,) in self.ranks or (low,) in self.role_modifiers


def _keyed(lines: list[str], *, lower: bool = True) -> list[tuple[str, ...]]:
    return [k for k in (phrase_key(line, lower=lower) for line in lines) if k]


def _glued_offices(roles: dict[str, list[str]]) -> dict[str, tuple[str, str]]:
    """Each office of roles.txt ``[province_office]`` glued to each name of a province (its
    official name, its aliases in region_aliases.csv, the short forms of ``[province_short]``),
    lower-cased and without spaces: ``kapoldasu``, ``kapoldasumut``, ``kapoldajawatimur``."""
    provinces = {r["name"] for r in read_csv_rows("regions.csv") if len(r["code"]) == 2}
    names = [(name, name) for name in provinces]
    names += [
        (r["alias"], r["official"])
        for r in read_csv_rows("region_aliases.csv")
        if r["official"] in provinces
    ]
    for line in roles.get("province_short", []):
        short, _, official = line.partition("\t")
        names.append((short.strip(), official.strip()))
    offices = [k[0] for k in _keyed(roles.get("province_office", [])) if len(k) == 1]
    return {
        office + "".join(phrase_key(name)): (office, official)
        for office in offices
        for name, official in names
    }


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """Load every word list once (cached for the life of the process).

    Returns
    -------
    Lexicon
    """
    ranks = {phrase_key(r): r for r in read_lines("ranks.txt")}
    hon = read_sections("honorifics.txt")
    hon_prefix = {phrase_key(h): h for h in hon.get("prefix", [])}
    hon_suffix = frozenset(h.replace(" ", "").rstrip(".").lower() for h in hon.get("suffix", []))
    roles = read_sections("roles.txt")
    glued = _glued_offices(roles)
    places: dict[tuple[str, ...], str] = {}
    for line in read_lines("place_heads.txt"):
        word, _, level = line.partition("\t")
        places[phrase_key(word)] = level.strip()
    verbs = read_sections("speech_verbs.txt")
    lex = Lexicon(
        ranks=ranks,
        hon_prefix=hon_prefix,
        hon_suffix=hon_suffix,
        role_modifiers=PhraseSet(_keyed(roles.get("modifier", []))),
        role_heads=PhraseSet([*_keyed(roles.get("head", [])), *((w,) for w in glued)]),
        org_heads=PhraseSet(_keyed(read_lines("org_heads.txt"), lower=False)),
        org_phrases=PhraseSet(_keyed(read_lines("org_acronyms.txt"), lower=False)),
        institution=frozenset(w.lower() for w in read_lines("institution_words.txt")),
        common=frozenset(w.lower() for w in read_lines("common_words.txt")),
        place_heads=places,
        street_heads=frozenset(phrase_key(w)[0] for w in read_lines("street_heads.txt")),
        countries=PhraseSet(_keyed(read_lines("countries.txt"), lower=False)),
        verbs_after=frozenset(v.lower() for v in verbs.get("after", [])),
        verbs_before=frozenset(v.lower() for v in verbs.get("before", [])),
        verbs_report=frozenset(v.lower() for v in verbs.get("reports", [])),
        verbs_passive=frozenset(v.lower() for v in verbs.get("passive", [])),
        person_cues=frozenset(w.lower() for w in read_lines("person_cues.txt")),
        org_tails=frozenset(read_lines("org_tails.txt")),
        event_tails=frozenset(read_lines("event_tails.txt")),
        event_heads=PhraseSet(_keyed(read_lines("event_heads.txt"), lower=False)),
        given_names=frozenset(w.lower() for w in read_lines("given_names.txt")),
        namesakes=frozenset(phrase_key(n) for n in read_lines("namesakes.txt")),
        words={
            k: frozenset(w.lower() for w in v)
            for k, v in read_sections("function_words.txt").items()
        },
        name_bridges={
            word.strip().lower(): frozenset(rest.lower().split())
            for word, _, rest in (line.partition("\t") for line in read_lines("name_bridges.txt"))
        },
    )
    lower = set(lex.role_heads.first) | set(lex.role_modifiers.first) | {k[0] for k in ranks}
    lower |= {k[0] for k in hon_prefix} | {k[0] for k in places} | lex.street_heads | {"k"}
    exact = set(lex.org_heads.first) | set(lex.org_phrases.first) | set(lex.countries.first)
    not_lower = lex.institution | lex.hon_suffix | lex.street_heads | lex.common
    for phrases in (ranks, lex.role_heads.keys, lex.role_modifiers.keys, places):
        not_lower |= {k[0] for k in phrases if len(k) == 1}
    not_exact = {k[0] for k in (*lex.org_heads.keys, *lex.countries.keys) if len(k) == 1}
    role_openers = lex.role_heads.first | lex.role_modifiers.first
    reporting = lex.verbs_before | lex.verbs_report
    interposed = lex.verbs_after | {v + "nya" for v in lex.verbs_after | lex.verbs_passive}
    cues = role_openers | reporting | MENURUT | NICKNAME_OR | NICKNAME_CALLS | interposed | {"("}
    cues_before = lex.verbs_after | lex.verbs_passive | lex.person_cues | lex.words["address"]
    cues_after = lex.verbs_before | lex.words["adverbs"] | {"selaku", "sebagai", "(", ","}
    return replace(
        lex,
        triggers_lower=frozenset(lower),
        triggers_exact=frozenset(exact),
        role_openers=role_openers,
        rank_openers=frozenset(k[0] for k in ranks),
        title_openers=frozenset(k[0] for k in (*ranks, *hon_prefix)),
        rank_phrases=PhraseSet(ranks),
        glued_offices=glued,
        reporting_verbs=reporting,
        interposed_verbs=frozenset(interposed),
        speech_verbs=lex.verbs_after | lex.verbs_before | lex.verbs_passive,
        org_openers=lex.org_heads.first | lex.org_phrases.first,
        person_openers=role_openers | {k[0] for k in (*ranks, *hon_prefix)} | {"k"},
        not_name_lower=frozenset(not_lower),
        not_name_exact=frozenset(not_exact),
        cue_words=cues,
        name_cues_before=cues_before | {"menurut", "oleh"},
        name_cues_after=cues_after,
    )


_PREFIXES = (
    "meng",
    "meny",
    "mem",
    "men",
    "me",
    "peng",
    "peny",
    "pem",
    "pen",
    "per",
    "pe",
    "ber",
    "be",
    "ter",
    "di",
    "ke",
    "se",
)
_SUFFIXES = ("kan", "an", "i", "nya")
_NASAL = {
    "peny": "s",
    "meny": "s",
    "pen": "t",
    "men": "t",
    "pem": "p",
    "mem": "p",
    "peng": "k",
    "meng": "k",
}


@lru_cache(maxsize=1)
def root_words() -> frozenset[str]:
    """Indonesian root words from PySastrawi's dictionary (a dependency); empty if absent."""
    try:
        text = (resources.files("Sastrawi") / "Stemmer" / "data" / "kata-dasar.txt").read_text(
            "utf-8"
        )
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # pragma: no cover - optional
        return frozenset()
    return frozenset(w.strip() for w in text.split() if w.strip())


def _roots_of(word: str, depth: int = 2) -> bool:
    roots = root_words()
    if word in roots:
        return True
    if depth == 0 or len(word) < 6:
        return False
    bases = [word] + [
        word[: -len(x)] for x in _SUFFIXES if word.endswith(x) and len(word) - len(x) >= 4
    ]
    if any(b in roots for b in bases[1:]):
        return True
    for base in bases:
        for pre in _PREFIXES:
            if not base.startswith(pre):
                continue
            rest = base[len(pre) :]
            if len(rest) >= 4 and _roots_of(rest, depth - 1):
                return True
            restore = _NASAL.get(pre)
            if restore and len(rest) >= 3 and _roots_of(restore + rest, depth - 1):
                return True
    return False


@lru_cache(maxsize=65536)
def is_ordinary_word(word: str) -> bool:
    """Whether a lower-cased word is an Indonesian root word or an affixed form of one.

    Used only as a tie-breaker for weakly cued names: many given names are root words too
    (``budi``, ``agus``), so this never vetoes a name that carries a rank or recurs.

    >>> is_ordinary_word("perubahan"), is_ordinary_word("sebagian"), is_ordinary_word("kurniawan")
    (True, True, False)
    """
    return _roots_of(word)


_DERIVING = tuple(p for p in _PREFIXES if p not in ("be", "se"))


@lru_cache(maxsize=65536)
def is_derived_word(word: str) -> bool:
    """Whether a lower-cased word is a derived form of a dictionary root (not the root itself).

    Stricter than :func:`is_ordinary_word`: a prefix (``melihat``, ``pemain``), a suffix ``-an``
    or ``-kan`` (``unggahan``), or both (``kehadiran``, ``dikatakan``) around a root of four or
    more letters, or any word of seven or more letters ending in ``-nya`` (``rupanya``,
    ``pasalnya``). A bare ``-i`` suffix does not count (``suhadi``), nor ``be-`` or ``se-``.

    >>> [is_derived_word(w) for w in ("kehadiran", "pasalnya", "budi", "suhadi", "kurniawan")]
    [True, True, False, False, False]
    """
    roots = root_words()
    if len(word) < 6 or word in roots:
        return False
    if len(word) >= 7 and word.endswith("nya"):
        return True
    bases = [word]
    for suffix in ("kan", "an", "i"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            if suffix != "i" and base in roots:
                return True
            bases.append(base)
    for base in bases:
        for pre in _DERIVING:
            if base.startswith(pre):
                rest = base[len(pre) :]
                restore = _NASAL.get(pre)
                if (len(rest) >= 4 and rest in roots) or (
                    restore and len(rest) >= 3 and restore + rest in roots
                ):
                    return True
    return False


def read_csv_rows(name: str) -> list[dict[str, str]]:
    """Rows of a CSV data file as dicts (header row gives the keys)."""
    return list(csv.DictReader(_data_text(name).splitlines()))
