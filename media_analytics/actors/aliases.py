"""Nicknames and short forms that an article gives a person, joined to the full name.

Indonesian news introduces a person once with the full name and then often switches to a
nickname. The forms read here:

- a note after the name: ``Saifullah Yusuf (Gus Ipul)``;
- ``atau`` / ``alias``: ``Lestari atau Rerie``, ``Sergei alias Mr. Terima``;
- a phrase of address: ``yang akrab disapa Ipul``, ``sapaan akrab Rerie``, ``biasa dipanggil Uus``;
- a clipped given name used alone later: ``Bimastyaji Surya Ramadan`` ... ``kata Bima``.

The nickname's own person (found by a speech cue, ``kata Gus Ipul``) is merged into the person
with the full name, so that every mention and quote carries the full name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import NICKNAME_CALLS, NICKNAME_OR, phrase_key
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
# every token where a nickname pattern can start
_OPENERS = frozenset({"("}) | NICKNAME_OR | NICKNAME_CALLS
_PAREN_MAX = 3
_MIN_PREFIX = 3


def _name_before(ts_state: ArticleActors, k: int) -> _Person | None:
    """The person whose name ends at token ``k - 1`` (the name tokens read backwards)."""
    ts = ts_state.ts
    j = k
    while j > 0 and ts.joined(j) and k - j < 5 and ts.is_name_token(j - 1):
        j -= 1
    for s in range(j, k):  # the longest tail of the run that names one person
        person = _owner(ts_state, tuple(ts.lows[s:k]))
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


def _alias_after(state: ArticleActors, k: int) -> tuple[int, int] | None:
    """The nickname's token span from ``k``: a name (a form of address may lead)."""
    ts = state.ts
    if k < ts.n and ts.words[k] in "“\"'":
        k += 1
    start = k
    if k < ts.n and ts.caps[k]:
        low = ts.lows[k]
        if low in ts.lex.words["address"] or low in _NICK_HEADS:
            k += 1
    end = read_name(ts, k)
    if end == k or end - start > _PAREN_MAX:
        return None
    return start, end


_NICK_HEADS = frozenset({"gus", "cak", "kang", "ning", "neng", "mr", "mrs", "ms", "uda", "uni"})


def _patterns(state: ArticleActors) -> list[tuple[_Person, int, int]]:
    """(person, alias start token, alias end token) for each nickname the text introduces."""
    ts = state.ts
    out: list[tuple[_Person, int, int]] = []
    if not state.persons:
        return out  # a nickname is joined to a person's full name: none to join to
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
            span = _alias_after(state, j)
            if span is None:
                continue
            b = k
            while (
                b > 0 and (ts.lows[b - 1] in _CALL_FILLERS or ts.words[b - 1] == ",") and k - b < 5
            ):
                b -= 1
            person = _name_before(state, b)
            if person is not None:
                out.append((person, *span))
            continue
        else:
            continue
        person = _name_before(state, k)
        if person is not None:
            out.append((person, *span))
    return out


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
    """One-word persons that clip the first word of exactly one longer name (Bima/Bimastyaji)."""
    for p in list(state.persons):
        if len(p.tokens) != 1 or p.actor.role or p.actor.title or p not in state.persons:
            continue
        short = p.tokens[0]
        if len(short) < _MIN_PREFIX:
            continue
        hosts = [
            q
            for q in state.persons
            if q is not p
            and len(q.tokens) > 1
            and q.tokens[0].startswith(short)
            and len(q.tokens[0]) > len(short)
        ]
        if len(hosts) == 1:
            _merge(state, hosts[0], p.actor.name)


def link_aliases(state: ArticleActors) -> None:
    """Join nicknames to full names in ``state.persons`` (run after the bare mentions)."""
    ts = state.ts
    for person, a, b in _patterns(state):
        alias = ts.surface(a, b)
        _merge(state, person, alias)
        span = ts.span(a, b)
        if span not in person.actor.mentions:
            person.actor.mentions.append(span)
        _cover_alias(state, person, a, b)
    _clipped(state)


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
