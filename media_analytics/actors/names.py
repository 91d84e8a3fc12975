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
  Mulyani Indrawati``; an initial stands for a word it begins, ``B.J. Habibie``), when every
  longer form that holds it is one person (``Agus Wibowo`` beside ``Agus Tri Wibowo`` and ``Agus
  Wibowo Santoso`` joins neither);
- a single word that is the first or the last word of the forms of one group only (``Anies``;
  ``Budi`` beside ``Budi Gunawan`` and ``Budi Santoso`` stays as written);
- a nickname the articles themselves join to a full name (``Jokowi`` read as ``Joko Widodo`` in
  the articles that give both, :mod:`~media_analytics.actors.aliases`), when at least
  ``min_links`` articles do and nearly all of them to the same person.

Everything else stays as written: a name shared by two people is never guessed. An analyst's own
table of aliases (:func:`read_name_table`) comes first and is never overruled.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from .aliases import spelling_key
from .model import normalize_name

__all__ = ["name_words", "person_groups", "read_name_table"]

#: Articles that must join a nickname to one full name before other articles' lone uses of the
#: nickname count under that name.
MIN_LINKS = 5
#: The share of those articles that must name the same person.
LINK_SHARE = 0.9
#: How often the longer forms of a name must occur before a single word joins it.
MIN_FULL = 3


@lru_cache(maxsize=1 << 16)
def name_words(name: str) -> tuple[str, ...]:
    """The words a name is compared by: normalised, each in its modern spelling.

    >>> name_words("B.J. Habibie")
    ('b', 'j', 'habibie')
    >>> name_words("Luhut Binsar Pandjaitan") == name_words("Luhut Binsar Panjaitan")
    True
    """
    return tuple(spelling_key(w) for w in normalize_name(name).split())


def _same_word(short: str, long: str, both_ways: bool) -> bool:
    if short == long:
        return True
    # an initial stands for a word it begins ("M Nasir"); in the longer form only when the two
    # have as many words ("B J Habibie", "Bacharuddin Jusuf Habibie")
    return (len(short) == 1 and long.startswith(short)) or (
        both_ways and len(long) == 1 and short.startswith(long)
    )


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether the words of ``short`` match, in order, words of ``long`` (one or more full)."""
    if len(short) > len(long) or not any(len(w) > 1 for w in short):
        return False
    both_ways = len(short) == len(long)
    i = 0
    for word in long:
        if i < len(short) and _same_word(short[i], word, both_ways):
            i += 1
    return i == len(short)


class _Groups:
    """Union-find over name keys."""

    def __init__(self) -> None:
        self.parent: dict[tuple[str, ...], tuple[str, ...]] = {}

    def find(self, k: tuple[str, ...]) -> tuple[str, ...]:
        root = self.parent.setdefault(k, k)
        while root != self.parent[root]:
            root = self.parent[root]
        while k != root:  # path compression
            self.parent[k], k = root, self.parent[k]
        return root

    def join(self, a: tuple[str, ...], b: tuple[str, ...]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def person_groups(
    counts: Mapping[str, int],
    links: Mapping[tuple[str, str], int] | None = None,
    *,
    table: Mapping[str, str] | None = None,
    min_links: int = MIN_LINKS,
    link_share: float = LINK_SHARE,
    min_full: int = MIN_FULL,
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
    """
    fixed: dict[tuple[str, ...], str] = {}
    for form, name in (table or {}).items():
        fixed[name_words(form)] = name
        fixed.setdefault(name_words(name), name)
    freq: Counter[tuple[str, ...]] = Counter()
    forms: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for name, n in counts.items():
        key = name_words(str(name))
        if key:
            freq[key] += int(n)
            forms[key][str(name)] += int(n)
    groups = _Groups()
    keys = sorted(freq, key=lambda k: (-len(k), k))
    multi = [k for k in keys if len(k) > 1 and k not in fixed and any(len(w) > 1 for w in k)]
    # by their full words, so that a form is compared only with forms sharing one
    by_word: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for k in multi:
        for w in set(k):
            if len(w) > 1:
                by_word[w].append(k)
    for k in multi:
        anchor = min((w for w in k if len(w) > 1), key=lambda w: len(by_word[w]))
        holders = [h for h in by_word[anchor] if h != k and _within(k, h)]
        if holders and all(
            _within(a, b) or _within(b, a) for i, a in enumerate(holders) for b in holders[i + 1 :]
        ):
            for h in holders:
                groups.join(h, k)
    # a single word: the first or last word of one group's forms only
    ends: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for k in multi:
        ends[k[0]].add(groups.find(k))
        ends[k[-1]].add(groups.find(k))
    # (an initial alone, "M", is no name to group)
    singles = {k for k in keys if len(k) == 1 and len(k[0]) > 1 and k not in fixed}
    group_freq: Counter[tuple[str, ...]] = Counter()
    for k in multi:
        group_freq[groups.find(k)] += freq[k]
    for k in singles:
        owners = ends.get(k[0], set())
        # the full name must be established in the data: a given name used alone at least as
        # often as the one full name that holds it is mostly someone else's ("Shanty" beside one
        # "Shanty Jones")
        if len(owners) == 1:
            (owner,) = owners
            if group_freq[owner] >= max(min_full, freq[k]):
                groups.join(owner, k)
    # nicknames the articles join to one full name
    targets: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
    for (alias, full), n in (links or {}).items():
        a, f = name_words(str(alias)), name_words(str(full))
        if len(a) == 1 and len(f) > 1 and a in singles and f in freq and f not in fixed:
            targets[a][f] += int(n)
    for a, seen in targets.items():
        f, n = min(seen.items(), key=lambda kv: (-kv[1], kv[0]))
        total = sum(seen.values())
        if total < min_links or n < link_share * total:
            continue
        # a word of other people's names too ("Alex"): the links must outnumber those names
        others = sum(
            freq[k] for k in multi if a[0] in (k[0], k[-1]) and groups.find(k) != groups.find(f)
        )
        if n > others:
            groups.join(f, a)
    # name each group by its most used form (an odd longer form that took a well-known single
    # name in does not rename it)
    members: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for k in keys:
        members[groups.find(k)].append(k)
    out: dict[str, str] = {}
    for group in members.values():
        if (
            len(group) == 1
            and group[0] not in fixed
            and (len(forms[group[0]]) == 1 or len(group[0]) == 1)
        ):
            continue  # one form; or one word in several spellings, too little to tell
        pinned = [fixed[k] for k in group if k in fixed]
        if pinned:
            name = pinned[0]
        else:
            best = max(group, key=lambda k: (freq[k], len(k), k))
            # the most used spelling of that form (the first in order on a tie)
            name = min(forms[best].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        for k in group:
            for form in forms[k]:
                if form != name:
                    out[form] = name
    for key, name in fixed.items():  # table entries whose key no counted form has
        for form in forms.get(key, ()):
            if form != name:
                out[form] = name
    return dict(sorted(out.items()))


def read_name_table(path: str | Path) -> dict[str, str]:
    """An analyst's table of names: a CSV (or TSV) with the columns ``alias`` and ``name``.

    Each row makes ``alias`` (any written form: a nickname, an acronym, a misspelling) count
    under ``name``, for people and organisations alike (``Jokowi,Joko Widodo``; ``Korps
    Bhayangkara,Polri``). Raises ``ValueError`` naming the line of a row it cannot use.
    """
    p = Path(path)
    text = p.read_text(encoding="utf-8-sig")
    dialect = "excel-tab" if p.suffix.lower() == ".tsv" else "excel"
    rows = csv.reader(text.splitlines(), dialect=dialect)
    header = [h.strip().lower() for h in next(rows, [])]
    if header[:2] != ["alias", "name"]:
        raise ValueError(f"{p}:1: the first line must be the header 'alias,name', got {header!r}")
    out: dict[str, str] = {}
    for line, row in enumerate(rows, 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise ValueError(f"{p}:{line}: a row needs an alias and a name, got {row!r}")
        alias, name = row[0].strip(), row[1].strip()
        if not any(c.isalnum() for c in alias) or not any(c.isalnum() for c in name):
            raise ValueError(f"{p}:{line}: {alias!r} or {name!r} holds no letters or digits")
        known = out.get(alias)
        if known is not None and known != name:
            raise ValueError(f"{p}:{line}: {alias!r} is given two names, {known!r} and {name!r}")
        out[alias] = name
    return out
