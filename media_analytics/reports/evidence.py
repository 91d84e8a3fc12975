"""Why a story carries a theme, short enough for a table cell: the theme's strongest matched
phrases, each in the sentence it stands in.

A scored record gives each theme its ``evidence`` (the phrases matched, as the article writes
them, headline first, then in reading order), its ``spans`` (where each match stands, of which
kind: ``phrase``, ``near`` for a proximity rule, ``term``, and, from records of this release
on, ``evidence_index``: which phrase of ``evidence`` it matched) and its first five
``sentences``. A report shows at most :data:`MAX_PHRASES` phrases a theme, the strongest
kinds first (a phrase says the theme alone, a single term never does), each marked in its
sentence; a sentence longer than :data:`MAX_SENTENCE` characters is cut around the phrase, the
cut marked ``…``, and a phrase of the headline is said to be there instead of repeating it.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "EVIDENCE_NOTE",
    "MAX_PHRASES",
    "MAX_SENTENCE",
    "Passage",
    "evidence_text",
    "theme_passages",
]

#: Matched phrases shown for a theme of a story (the strongest; the record has them all).
MAX_PHRASES = 3
#: Characters of a sentence shown around its phrase; a longer one is cut, marked ``…``.
MAX_SENTENCE = 200
#: The kinds of match, strongest first: the weights the tagger gives them before any labels
#: (a phrase 1.6, a proximity rule 1.5, a weak term 0.3 to 0.8).
_KIND_RANK = {"phrase": 0, "near": 1, "term": 2}
#: The key of a span that names its phrase: the phrase's place in the theme's ``evidence``.
_LINK = "evidence_index"

#: What the evidence column holds, said with the tables that have it.
EVIDENCE_NOTE = (
    f"Evidence: for each theme of the story, its strongest matched phrases (at most "
    f"{MAX_PHRASES}; phrases first, then proximity matches, then single terms), each marked "
    f"in the sentence it stands in; a phrase of the headline is marked (headline), and a "
    f"sentence longer than {MAX_SENTENCE} characters is cut around the phrase (… marks the cut)."
)


@dataclass(frozen=True)
class Passage:
    """One sentence of a theme's evidence with the matched phrases it holds.

    Attributes
    ----------
    phrases : tuple of str
        The phrases, as the article writes them, strongest first.
    sentence : str
        The sentence, cut to :data:`MAX_SENTENCE` characters around the first phrase (``…``
        where cut); ``""`` for the headline, or when the record gives no sentence holding them.
    headline : bool
        The phrases are the headline's.
    """

    phrases: tuple[str, ...]
    sentence: str = ""
    headline: bool = False

    def pieces(self) -> list[tuple[str, bool]]:
        """The sentence as ``(text, is_phrase)`` pieces, each phrase's first occurrence marked
        (overlapping ones: the earlier, then the longer); the phrases alone, for a headline or
        no sentence."""
        if not self.sentence:
            return [(p, True) for p in self.phrases]
        found = []
        for phrase in self.phrases:
            at = self.sentence.find(phrase)
            if at >= 0:
                found.append((at, at + len(phrase)))
        out: list[tuple[str, bool]] = []
        end = 0
        for start, stop in sorted(found, key=lambda s: (s[0], -s[1])):
            if start < end:
                continue
            out += [(self.sentence[end:start], False), (self.sentence[start:stop], True)]
            end = stop
        out.append((self.sentence[end:], False))
        return [(text, marked) for text, marked in out if text]


def theme_passages(
    theme: Mapping[str, Any], title: str = "", *, limit: int = MAX_PHRASES
) -> list[Passage]:
    """The passages that show why a story carries ``theme`` (a record's ``themes`` entry): its
    ``limit`` strongest phrases (distinct regardless of case, and none a part of a stronger
    one), grouped by the sentence they stand in, the headline's first.

    The kind of each phrase, and whether it is the headline's, is read from ``spans``: each
    span names its phrase by its place in ``evidence`` (``evidence_index``). Records of earlier
    releases have no such link: their phrases are paired with the spans by length, as the
    tagger took them (a phrase once, on its first match), and when no pairing fits (spans
    missing too) the phrases keep their order (headline first, then reading order).

    >>> entry = {"evidence": ["TPS rawan", "siaga", "pengamanan Pilkada"],
    ...          "spans": [{"field": "title", "start": 0, "end": 9, "kind": "phrase",
    ...                     "evidence_index": 0},
    ...                    {"field": "text", "start": 4, "end": 9, "kind": "term",
    ...                     "evidence_index": 1},
    ...                    {"field": "text", "start": 30, "end": 48, "kind": "phrase",
    ...                     "evidence_index": 2}],
    ...          "sentences": ["TPS rawan dijaga", "Tim siaga.",
    ...                        "Polisi siaga untuk pengamanan Pilkada."]}
    >>> [(p.phrases, p.headline) for p in theme_passages(entry, "TPS rawan dijaga")]
    [(('TPS rawan',), True), (('pengamanan Pilkada', 'siaga'), False)]

    Raises
    ------
    ValueError
        A span's ``evidence_index`` that is not the place of one of the theme's phrases, or
        spans of which some name their phrase and others do not, said in one line.
    """
    given = [str(e) for e in theme.get("evidence") or []]
    sentences = [str(s) for s in theme.get("sentences") or [] if str(s).strip()]
    spans = theme.get("spans") or []
    rows = [s for s in spans if isinstance(s, Mapping)] if isinstance(spans, list | tuple) else []
    linked = _linked(given, rows)
    # a blank phrase is no evidence to show (its place still counts for the links)
    keep = [i for i, e in enumerate(given) if e.strip()]
    evidence = [given[i] for i in keep]
    # (a record of an earlier release: its phrases paired with its spans by length)
    found = [linked[i] for i in keep] if linked is not None else _aligned(evidence, rows)
    order = sorted(range(len(evidence)), key=lambda i: (found[i][0], i))
    chosen: list[int] = []
    seen: set[str] = set()
    for i in order:
        said = evidence[i].casefold()
        # a phrase once, and not again inside a longer one (Damai beside Pilkada Aman & Damai)
        if len(chosen) < limit and not any(said in other for other in seen):
            seen.add(said)
            chosen.append(i)
    title = str(title or "")
    headline: list[str] = []
    by_sentence: dict[str, list[str]] = {}
    for i in chosen:
        phrase = evidence[i]
        in_title = found[i][1] if found[i][1] is not None else bool(title and phrase in title)
        if in_title:
            headline.append(phrase)
            continue
        holding = [s for s in sentences if phrase in s and s != title]
        # a sentence shown already that holds it too, rather than one more sentence
        shown = [s for s in holding if s in by_sentence]
        by_sentence.setdefault((shown or holding or [""])[0], []).append(phrase)
    out = [Passage(tuple(headline), headline=True)] if headline else []
    for sentence, phrases in by_sentence.items():
        out.append(Passage(tuple(phrases), _cut_around(sentence, phrases[0])))
    return out


def _missing(value: Any) -> bool:
    """No value: absent, ``None``, or NaN (a span of an earlier release read back from a
    Parquet file or a DataFrame beside spans of this one gets the key, empty)."""
    return value is None or (isinstance(value, float) and value != value)


def _linked(
    evidence: Sequence[str], spans: Sequence[Mapping[str, Any]]
) -> list[tuple[int, bool | None]] | None:
    """Each phrase's strongest kind (rank in :data:`_KIND_RANK`) and whether it is the
    headline's (its first match's field), read from the spans that name their phrase
    (``evidence_index``); ``None`` when no span does (a record of an earlier release). A phrase
    no span names is of unknown kind (ranked last) and place.

    >>> _linked(["Siaga", "Jaga TPS"], [{"field": "title", "kind": "term", "evidence_index": 0},
    ...                                 {"field": "title", "kind": "phrase", "evidence_index": 1},
    ...                                 {"field": "text", "kind": "phrase", "evidence_index": 0}])
    [(0, True), (0, True)]
    """
    named = [not _missing(s.get(_LINK)) for s in spans]
    if not any(named):
        return None
    if not all(named):
        k = named.index(False)
        raise ValueError(
            f"span {k} of the theme's spans has no {_LINK} while span {named.index(True)} has "
            f"one: each span names its phrase, or none does (a record of an earlier release)"
        )
    out: list[tuple[int, bool | None]] = [(len(_KIND_RANK), None)] * len(evidence)
    for k, span in enumerate(spans):
        value = span[_LINK]
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # (a column that also holds empty values, read back as floats)
        j = int(value) if isinstance(value, numbers.Integral) else -1
        if isinstance(value, bool) or not 0 <= j < len(evidence):
            places = f"0 to {len(evidence) - 1}" if evidence else "it has none"
            raise ValueError(
                f"span {k} of the theme's spans has {_LINK} {value!r}, which is not the place "
                f"of one of its evidence phrases ({places})"
            )
        rank = _KIND_RANK.get(str(span.get("kind")), len(_KIND_RANK))
        in_title = out[j][1] if out[j][1] is not None else span.get("field") == "title"
        out[j] = (min(out[j][0], rank), in_title)
    return out


def _aligned(evidence: Sequence[str], spans: Sequence[Any]) -> list[tuple[int, bool | None]]:
    """Each phrase's strongest kind (rank in :data:`_KIND_RANK`) and whether it is the
    headline's, inferred from the ``spans`` of a record of an earlier release, whose spans do
    not name their phrase (:func:`_linked` reads those that do): the tagger took a span's
    phrase as new when it had not taken it before, so the phrases are the spans' first
    occurrences in order, and a span is as long as its phrase. The first way of pairing them
    that fits is taken (of two phrases of the same length, it may take the wrong one); when
    none fits, every phrase is of unknown kind (ranked last) and place.
    """
    unknown: list[tuple[int, bool | None]] = [(len(_KIND_RANK), None)] * len(evidence)
    rows = [s for s in spans if isinstance(s, Mapping)]
    try:
        sizes = [int(s["end"]) - int(s["start"]) for s in rows]
    except (KeyError, TypeError, ValueError):
        return unknown
    lengths = [len(e) for e in evidence]
    if len(rows) < len(evidence) or len(rows) > 500:  # (500: a pathological record)
        return unknown
    pairing: list[int] = []
    failed: set[tuple[int, int]] = set()  # whether the rest fits depends on (i, taken) alone

    def pair(i: int, taken: int) -> bool:
        """Pair span ``i`` on, ``taken`` phrases met so far; ``pairing`` holds the choices."""
        if i == len(rows):
            return taken == len(evidence)
        if len(rows) - i < len(evidence) - taken or (i, taken) in failed:
            return False
        if taken < len(evidence) and lengths[taken] == sizes[i]:  # a new phrase
            pairing.append(taken)
            if pair(i + 1, taken + 1):
                return True
            pairing.pop()
        for j in range(taken):  # one met before
            if lengths[j] == sizes[i]:
                pairing.append(j)
                if pair(i + 1, taken):
                    return True
                pairing.pop()
                # (another phrase met before of the same length leads to the same state: of
                # two such, the first is taken, which only a kind may tell apart)
                break
        failed.add((i, taken))
        return False

    if not pair(0, 0):
        return unknown
    out: list[tuple[int, bool | None]] = [(len(_KIND_RANK), None)] * len(evidence)
    for span, j in zip(rows, pairing, strict=True):
        rank = _KIND_RANK.get(str(span.get("kind")), len(_KIND_RANK))
        in_title = out[j][1] if out[j][1] is not None else span.get("field") == "title"
        out[j] = (min(out[j][0], rank), in_title)
    return out


def _cut_around(sentence: str, phrase: str, limit: int = MAX_SENTENCE) -> str:
    """``sentence`` as it is, or, when longer than ``limit``, the ``limit`` characters around
    ``phrase`` (a third of the room before it), cut at spaces and marked ``…`` where cut.

    >>> _cut_around("a " * 20 + "pengamanan Pilkada" + " b" * 20, "pengamanan Pilkada", 40)
    '… a a a pengamanan Pilkada b b b b b b b …'
    """
    sentence = " ".join(sentence.split())
    if len(sentence) <= limit:
        return sentence
    at = max(sentence.find(phrase), 0)
    room = max(limit - len(phrase), 0)
    start = max(at - room // 3, 0)
    end = min(start + max(limit, len(phrase)), len(sentence))
    start = max(min(start, end - limit), 0)
    if start > 0:
        space = sentence.find(" ", start, at + 1)
        start = space + 1 if space >= 0 else start
    if end < len(sentence):
        space = sentence.rfind(" ", at + len(phrase), end)
        end = space if space >= 0 else end
    return (
        ("… " if start > 0 else "")
        + sentence[start:end].strip()
        + (" …" if end < len(sentence) else "")
    )


def evidence_text(story: Sequence[tuple[str, Sequence[Passage]]]) -> str:
    """A story's evidence as one spreadsheet cell: a line per theme, ``theme: passage;
    passage``, each phrase marked ``«…»`` in its sentence, a headline's marked ``(headline)``.

    >>> print(evidence_text([("pilkada_security", [Passage(("TPS rawan",), headline=True),
    ...     Passage(("pengamanan Pilkada",), "Polisi siaga untuk pengamanan Pilkada.")])]))
    pilkada_security: «TPS rawan» (headline); Polisi siaga untuk «pengamanan Pilkada».
    """
    lines = []
    for theme, passages in story:
        said = []
        for passage in passages:
            text = "".join(f"«{t}»" if marked else t for t, marked in passage.pieces())
            if not passage.sentence:
                text = ", ".join(f"«{p}»" for p in passage.phrases)
            said.append(text + (" (headline)" if passage.headline else ""))
        lines.append(f"{theme}: " + "; ".join(said) if said else f"{theme}: (no evidence given)")
    return "\n".join(lines)
