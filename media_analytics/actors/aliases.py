"""Nicknames and short forms that an article gives a person, joined to the full name.

Indonesian news introduces a person once with the full name and then often switches to a
nickname. The forms read here:

- a note after the name: ``Saifullah Yusuf (Gus Ipul)``;
- ``atau`` / ``alias``: ``Lestari atau Rerie``, ``Sergei alias Mr. Terima``;
- a phrase of address: ``yang akrab disapa Ipul``, ``sapaan akrab Rerie``, ``biasa dipanggil Uus``;
- the nickname written first, the full name after a noun of address: ``Emil, sapaan akrab
  Ridwan Kamil``, ``Emil -- sapaan Ridwan Kamil --``, ``Ciki (sapaan akrab Citra Kirana)``,
  ``Vero, panggilan karib Veronica Koman``, or before ``disapa`` / ``dipanggil``: ``Emil,
  begitu Ridwan Kamil biasa disapa``;
- a clipped name used alone later: ``Bimastyaji Surya Ramadan`` ... ``kata Bima``, and from a
  later word of the name, ``Emanuel Melkiades Laka Lena`` ... ``ujar Melki``;
- a word of the name and its last word, the words between left out: ``Andi Abdullah Rahim``
  ... ``ujar Andi Rahim``;
- a blend of the first syllables of the name's words: ``Joko Widodo`` ... ``Jokowi``;
- a spelling variant of the same name within the article (doubled letters, the old spelling
  ``oe``/``dj``/``tj``, ``dh``/``th``): ``Affifuddin`` ... ``Afifuddin``, ``Soekarno`` ...
  ``Sukarno``.

The nickname's own person (found by a speech cue, ``kata Gus Ipul``) is merged into the person
with the full name, so that every mention and quote carries the full name. Which of two names
joined by a noun of address is the nickname is read from the grammar: the name after
``sapaan``, ``panggilan`` or ``julukan`` is whose nickname the name before is (``Emil, sapaan
akrab Ridwan Kamil``), unless a word says the name after it is the nickname (``sapaan
akrabnya Rerie``, ``dengan sapaan akrab Rerie``); the longer name is the full name when the two
disagree with that (``Lestari Moerdijat, sapaan akrab Rerie``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import NICKNAME_CALLS, NICKNAME_OR, is_ordinary_word, phrase_key
from .people import read_name

if TYPE_CHECKING:
    from .extract import ArticleActors, _Person

__all__ = ["link_aliases"]

# words around the verb or noun that introduces a nickname: "(yang) akrab disapa", "sapaan
# akrabnya"
_CALL_FILLERS = frozenset(
    {
        "yang",
        "akrab",
        "akrabnya",
        "biasa",
        "kerap",
        "sering",
        "karib",
        "dengan",
        "sebagai",
        "nama",
        "dikenal",
        "populer",
        "ia",
        "dia",
        "juga",
        "lebih",
        "sapaannya",
        "panggilannya",
    }
)
# the nouns among them: the name after one is whose nickname the name before is ("Emil, sapaan
# akrab Ridwan Kamil"), unless a word before the noun makes the name after it the nickname
# ("dengan sapaan akrab Ningrum", "dikenal dengan panggilan Cak Imin")
_NICK_NOUNS = frozenset({"sapaan", "panggilan", "julukan"})
_NICK_NEXT = frozenset({"dengan", "nama", "sebagai", "dikenal", "populer", "yang"})
# "Emil, begitu Ridwan Kamil biasa disapa": the name after these is the full name
_SO_CALLED = frozenset({"begitu", "demikian"})
# punctuation between a name and the phrase that gives its nickname or full name
_CALL_PUNCT = frozenset({",", "(", "-", "–", "—"})
# every token where a nickname pattern can start
_OPENERS = frozenset({"("}) | NICKNAME_OR | NICKNAME_CALLS
_PAREN_MAX = 3
_FULL_MAX = 5  # words of a full name read after a noun of address
_MIN_PREFIX = 3
_MIN_INNER_PREFIX = 5  # a clipped later word ("Melki" for "Melkiades"; not "Andi" for "Andika")
_MIN_BLEND_PART = 2  # each syllable taken into a blend ("Jo-ko Wi-dodo")
# old and new Indonesian spellings, and letters a name is often doubled or aspirated with
_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"), ("nj", "ny"), ("ch", "kh"))
_ASPIRATED = re.compile(r"([dt])h")
_DOUBLED = re.compile(r"(\w)\1+")


def _name_before(ts_state: ArticleActors, k: int) -> _Person | None:
    """The person whose name ends at token ``k - 1`` (the name tokens read backwards)."""
    return _person_in(ts_state, _run_start(ts_state, k), k)


def _run_start(state: ArticleActors, k: int) -> int:
    """Where the run of (up to five) name tokens ending at token ``k - 1`` starts."""
    ts = state.ts
    j = k
    while j > 0 and ts.joined(j) and k - j < 5 and ts.is_name_token(j - 1):
        j -= 1
    return j


def _person_in(state: ArticleActors, j: int, k: int) -> _Person | None:
    """The person named by the longest tail of tokens ``j .. k-1`` that names one."""
    for s in range(j, k):
        person = _owner(state, tuple(state.ts.lows[s:k]))
        if person is not None:
            return person
    return None


def _owner(state: ArticleActors, tokens: tuple[str, ...]) -> _Person | None:
    """The one person whose name holds ``tokens`` (contiguously), else None."""
    n = len(tokens)
    found = [
        p
        for p in state.persons
        if any(p.tokens[s : s + n] == tokens for s in range(len(p.tokens) - n + 1))
    ]
    longest = [p for p in found if len(p.tokens) > n]
    if len(found) == 1:
        return found[0]
    return longest[0] if len(longest) == 1 else None


def _alias_after(state: ArticleActors, k: int, longest: int = _PAREN_MAX) -> tuple[int, int] | None:
    """The nickname's token span from ``k``: a name (a form of address may lead) of at most
    ``longest`` words."""
    ts = state.ts
    if k < ts.n and ts.words[k] in "“\"'":
        k += 1
    start = k
    if k < ts.n and ts.caps[k] and _is_head(state, k):
        k += 1
    end = read_name(ts, k)
    if end == k or end - start > longest:
        return None
    return start, end


def _is_head(state: ArticleActors, k: int) -> bool:
    """Whether token ``k`` is a form of address that leads a nickname (``Gus``, ``Kang``)."""
    low = state.ts.lows[k]
    return low in state.ts.lex.words["address"] or low in _NICK_HEADS


def _name_words(state: ArticleActors, a: int, b: int) -> int:
    """Words of the name at tokens ``a .. b-1``, a leading form of address left out."""
    return b - a - (1 if b - a > 1 and _is_head(state, a) else 0)


_NICK_HEADS = frozenset({"gus", "cak", "kang", "ning", "neng", "mr", "mrs", "ms", "uda", "uni"})


def _patterns(
    state: ArticleActors,
) -> tuple[list[tuple[_Person, int, int]], list[tuple[int, int, int, int]]]:
    """(person, alias start token, alias end token) for each nickname the text introduces
    after the full name, and (nickname start, end, full name start, end) for each it writes
    before the full name (``Emil, sapaan akrab Ridwan Kamil``)."""
    ts = state.ts
    out: list[tuple[_Person, int, int]] = []
    first: list[tuple[int, int, int, int]] = []
    if not state.persons:
        return out, first  # a nickname is joined to a person's full name: none to join to
    for k in ts.cues_in(_OPENERS):
        if not 0 < k < ts.n - 1:
            continue
        low = ts.lows[k]
        if ts.words[k] == "(":
            span = _alias_after(state, k + 1)
            if span is None or span[1] >= ts.n or ts.words[span[1]] != ")":
                continue
            if ts.upper[span[0]] and span[1] - span[0] == 1:
                continue  # "(BPS)": an acronym, handled as an organisation
        elif low in NICKNAME_OR and ts.joined(k):
            span = _alias_after(state, k + 1)
            if span is None or not ts.is_boundary(span[1]) or _seen_before(state, span, k):
                continue  # "Budi atau Ani" with Ani named before: two people, not a nickname
        elif low in NICKNAME_CALLS:
            j = k + 1
            while j < ts.n and ts.lows[j] in _CALL_FILLERS and j - k < 4:
                j += 1
            b = k
            while (
                b > 0
                and (ts.lows[b - 1] in _CALL_FILLERS or ts.words[b - 1] in _CALL_PUNCT)
                and k - b < 5
            ):
                b -= 1
            spans = _nickname_first(state, k, b, j)
            if spans is not None:
                first.append(spans)
                continue
            span = _alias_after(state, j)
            if span is None:
                continue
            person = _name_before(state, b)
            if person is not None:
                out.append((person, *span))
            continue
        else:
            continue
        person = _name_before(state, k)
        if person is not None:
            out.append((person, *span))
    return out, first


def _nickname_first(
    state: ArticleActors, k: int, b: int, j: int
) -> tuple[int, int, int, int] | None:
    """(nickname start, end, full name start, end) when the call word at ``k`` (the words
    around it from ``b`` to ``j``) follows a nickname and gives the full name: after a noun,
    ``Emil, sapaan akrab Ridwan Kamil``; before a verb, ``Emil, begitu Ridwan Kamil biasa
    disapa``. None when the name after it is the nickname (``Rerie`` in ``Lestari Moerdijat,
    sapaan akrabnya Rerie``) or there are not two names."""
    ts = state.ts
    lows = ts.lows
    if lows[k] not in _NICK_NOUNS:
        # "Emil, begitu Ridwan Kamil biasa disapa": the full name between the two
        c = _run_start(state, b)
        if not 1 < c < b or lows[c - 1] not in _SO_CALLED or ts.words[c - 2] not in _CALL_PUNCT:
            return None
        a = _run_start(state, c - 2)
        if a == c - 2 or _alias_after(state, j) is not None:
            return None
        return a, c - 2, c, b
    if any(w in _NICK_NEXT for w in lows[b:k]):
        return None  # "dengan sapaan akrab Ningrum": the name after it is the nickname
    a = _run_start(state, b)
    while a < b and ts.sent[a] and is_ordinary_word(lows[a]) and not _is_head(state, a):
        a += 1  # "Kehadiran Bow, sapaan akrab ...": a word opening the sentence, not the name
    full = _alias_after(state, j, _FULL_MAX)
    if a == b or full is None or _pair_after(state, full[1]):
        return None
    nick_words, full_words = _name_words(state, a, b), _name_words(state, *full)
    if any(w.endswith("nya") for w in lows[k + 1 : j]):
        # "Saifullah Yusuf, sapaan akrabnya Gus Ipul": "his nickname", the name after it;
        # unless that name is the longer ("Ibey, sapaan akrabnya Irwansyah Putra")
        return (a, b, *full) if full_words > nick_words else None
    # "Emil, sapaan akrab Ridwan Kamil": "the nickname of", the full name after it; unless the
    # name before is the longer ("Lestari Moerdijat, sapaan akrab Rerie")
    return None if nick_words > full_words else (a, b, *full)


def _pair_after(state: ArticleActors, k: int) -> bool:
    """Whether the name ending at token ``k - 1`` is one of two (``julukan Marcus/Kevin``)."""
    ts = state.ts
    return k < ts.n and (ts.words[k] in ("/", "&") or ts.lows[k] == "dan")


def _seen_before(state: ArticleActors, span: tuple[int, int], k: int) -> bool:
    """Whether the words of ``span`` already stood for someone before token ``k``."""
    ts = state.ts
    words = ts.lows[span[0] : span[1]]
    n = len(words)
    return any(ts.lows[j : j + n] == words for j in range(max(0, k - n)))


def _merge(state: ArticleActors, full: _Person, alias: str) -> None:
    """Fold the person named ``alias`` (if any) into ``full`` and record the alias."""
    tokens = tuple(t for t in phrase_key(alias) if len(t) > 1)
    if not tokens or tokens == full.tokens:
        return
    for p in list(state.persons):
        if p is full or p.tokens != tokens or p.actor.role or p.actor.title:
            continue
        full.actor.mentions.extend(p.actor.mentions)
        state.persons.remove(p)
    if alias not in full.actor.aliases:
        full.actor.aliases.append(alias)
    state.person_alias.setdefault(alias, full)


def _clipped(state: ArticleActors) -> None:
    """One-word persons that clip a word of exactly one longer name: the first word
    (``Bima`` / ``Bimastyaji``) or, with a longer clipping, a later one (``Melki`` /
    ``Melkiades``)."""
    longer = [(q, " " + " ".join(q.tokens)) for q in state.persons if len(q.tokens) > 1]
    if not longer:
        return
    for p in list(state.persons):
        if len(p.tokens) != 1 or p.actor.role or p.actor.title or p not in state.persons:
            continue
        short = p.tokens[0]
        if len(short) < _MIN_PREFIX:
            continue
        probe = " " + short
        hosts = [
            q
            for q, words in longer
            if probe in words  # a word of q starts with the short form (checked fully below)
            and q in state.persons
            and any(
                w.startswith(short)
                and len(w) > len(short)
                and (k == 0 or len(short) >= _MIN_INNER_PREFIX)
                for k, w in enumerate(q.tokens)
            )
        ]
        if len(hosts) == 1:
            _merge(state, hosts[0], p.actor.name)


def _blend_of(word: str, tokens: tuple[str, ...]) -> bool:
    """Whether ``word`` joins the first letters of two or more consecutive ``tokens``, at least
    two letters of each (``jokowi`` = ``jo(ko)`` + ``wi(dodo)``)."""
    return any(_blend_from(word, tokens, start, 0) for start in range(len(tokens) - 1))


def _blend_from(word: str, tokens: tuple[str, ...], k: int, used: int) -> bool:
    if word == "":
        return used >= 2
    if k >= len(tokens):
        return False
    tok = tokens[k]
    for size in range(min(len(tok), len(word)), _MIN_BLEND_PART - 1, -1):
        if word.startswith(tok[:size]) and _blend_from(word[size:], tokens, k + 1, used + 1):
            return True
    return False


@lru_cache(maxsize=1 << 14)
def spelling_key(word: str) -> str:
    """A word with spelling differences that do not change a name taken out.

    >>> spelling_key("affifuddin") == spelling_key("afifuddin")
    True
    >>> spelling_key("soedjatmiko") == spelling_key("sujatmiko")
    True
    """
    for old, new in _SPELLING:
        if old in word:
            word = word.replace(old, new)
    if "h" in word:
        word = _ASPIRATED.sub(r"\1", word)
    return _DOUBLED.sub(r"\1", word) if _DOUBLED.search(word) else word


def _fold(state: ArticleActors, keep: _Person, drop: _Person) -> None:
    """Make ``drop`` a form of ``keep``: its mentions, role and title go over."""
    keep.actor.mentions.extend(drop.actor.mentions)
    keep.actor.title = keep.actor.title or drop.actor.title
    keep.actor.role = keep.actor.role or drop.actor.role
    for hon in drop.actor.honorifics:
        if hon not in keep.actor.honorifics:
            keep.actor.honorifics.append(hon)
    for alias in [drop.actor.name, *drop.actor.aliases]:
        if alias not in keep.actor.aliases and alias != keep.actor.name:
            keep.actor.aliases.append(alias)
        state.person_alias.setdefault(alias, keep)
    for role, owner in state.roles.items():
        if owner is drop:
            state.roles[role] = keep
    state.persons.remove(drop)


def _variants(state: ArticleActors) -> None:
    """Blends, spelling variants and first-and-last forms of a name: folded into the fuller (or
    more used) form."""
    from .extract import initials_agree  # (extract reads this module)

    persons = [p for p in state.persons if p.tokens]
    if len(persons) < 2:
        return
    keys = {id(p): tuple(map(spelling_key, p.tokens)) for p in persons}
    by_word: dict[str, list[_Person]] = {}  # spelling key of a word -> persons with that word
    for p in persons:
        for k in set(keys[id(p)]):
            by_word.setdefault(k, []).append(p)
    # the first two letters of every word that can open a blend, to skip the rest fast
    openers = {t[:_MIN_BLEND_PART] for p in persons for t in p.tokens[:-1]}
    candidates = [
        p
        for p in persons
        if len(by_word[keys[id(p)][0]]) > 1  # shares its first word with another person
        or (
            len(p.tokens) == 1
            and len(p.tokens[0]) > 2 * _MIN_BLEND_PART
            and p.tokens[0][:2] in openers
        )
    ]
    for p in candidates:
        if p not in state.persons:
            continue
        pk = keys[id(p)]
        hosts = [
            q
            for q in by_word.get(pk[0], ())
            if q is not p
            and q in state.persons
            and (
                keys[id(q)] == pk
                or (len(pk) < len(q.tokens) and _inside(keys[id(q)], pk))
                or _first_and_last(keys[id(q)], pk)
            )
            and initials_agree(p, q)  # "B.J. Habibie" is not "Thareq Kemal Habibie"
        ]
        word = p.tokens[0]
        if len(pk) == 1 and len(word) > 2 * _MIN_BLEND_PART and word[:2] in openers:
            hosts += [
                q
                for q in state.persons
                if len(q.tokens) > 1 and q not in hosts and _blend_of(word, q.tokens)
            ]
        if len(hosts) != 1:
            continue
        q = hosts[0]
        if len(q.tokens) < len(p.tokens) or (
            len(q.tokens) == len(p.tokens) and len(q.actor.mentions) < len(p.actor.mentions)
        ):
            p, q = q, p  # keep the fuller name, or the form the article uses more
        _fold(state, q, p)


def _first_and_last(full: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """Whether ``short`` is two words of a name of three words or more, in order, the second its
    last word: a middle name left out on a later mention (``Andi Abdullah Rahim`` ... ``ujar Andi
    Rahim``), or a title of birth or rank too (``I Gusti Agung Putu Nuaba`` ... ``Agung
    Nuaba``)."""
    return len(short) == 2 and len(full) > 2 and short[1] == full[-1] and short[0] in full[:-2]


def _inside(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return any(big[k : k + n] == small for k in range(len(big) - n + 1))


def link_aliases(state: ArticleActors) -> None:
    """Join nicknames to full names in ``state.persons`` (run after the bare mentions)."""
    ts = state.ts
    after, before = _patterns(state)
    for person, a, b in after:
        alias = ts.surface(a, b)
        _merge(state, person, alias)
        span = ts.span(a, b)
        if span not in person.actor.mentions:
            person.actor.mentions.append(span)
        _cover_alias(state, person, a, b)
    for spans in before:
        _nickname_before(state, *spans)
    _clipped(state)
    _variants(state)


def _nickname_before(state: ArticleActors, a: int, b: int, c: int, d: int) -> None:
    """Join the nickname at tokens ``a .. b-1`` to the full name at ``c .. d-1`` written after
    it: the nickname's person is folded into the full name's, or takes the full name when the
    article names that person nowhere else."""
    ts = state.ts
    nick, full = _person_in(state, a, b), _person_in(state, c, d)
    if nick is not None and nick is full:
        return
    if nick is not None and not _inside(tuple(ts.lows[a:b]), nick.tokens):
        nick = None  # "Rudy, sapaan Habibie muda" with a person "Rudy Habibie": not the nickname's
    if full is None:
        if nick is None or any(state.covered[c:d]):
            return  # no person to join, or the name after it is an organisation's, a place's
        # the one person of the two names: the full name is its name, the nickname an alias
        old, nick.actor.name = nick.actor.name, ts.surface(c, d)
        nick.tokens = tuple(t for t in phrase_key(nick.actor.name) if len(t) > 1)
        if old not in nick.actor.aliases:
            nick.actor.aliases.append(old)
        state.person_alias.setdefault(old, nick)
        full = nick
    elif nick is not None:
        _fold(state, full, nick)
    else:
        _merge(state, full, ts.surface(a, b))
    for s, e in ((a, b), (c, d)):
        span = ts.span(s, e)
        if span not in full.actor.mentions:
            full.actor.mentions.append(span)
    _cover_alias(state, full, a, b)


def _cover_alias(state: ArticleActors, person: _Person, a: int, b: int) -> None:
    """Later uses of the nickname that no other matcher took become mentions of ``person``."""
    ts = state.ts
    words = ts.words[a:b]
    n = b - a
    last = ts.n - n  # the last place a use can start
    for j in ts.positions(words[0], b):
        if j > last:
            break
        if ts.words[j : j + n] != words or any(state.covered[j : j + n]):
            continue
        if j + n < ts.n and ts.joined(j + n) and ts.is_name_token(j + n):
            continue  # part of a longer name
        person.actor.mentions.append(ts.span(j, j + n))
        for t in range(j, j + n):
            state.covered[t] = 1
