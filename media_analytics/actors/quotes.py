"""Quote attribution: who said what, in quote marks (direct) or reported (indirect).

Patterns, with ``X`` a person (name, or a role the article bound to a person):

- ``"...," ujar X.`` / ``"...," kata Kapolres X.`` / ``"...," kata dia.``
- ``"...," ungkapnya.`` (``tegasnya``, ``tambahnya``, ``jelasnya`` ...): the speaker is the person
  in focus, i.e. the latest named speaker or the latest person standing as a sentence subject;
- ``X mengatakan, "..."`` and ``X: "..."`` (speech verb, then the quotation);
- ``Menurut X, ...`` / ``Menurutnya, ...`` (indirect);
- ``X menjelaskan bahwa ...`` / ``X menegaskan pentingnya ...`` (indirect).

Straight (``"``) and curly (``“ ”``) quotes are both read; a quotation may hold several
sentences. A quotation with no attribution is kept with ``speaker=None`` when it reads like
speech, and goes to the previous speaker when it directly continues that speaker's quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .extract import analyse
from .lexicon import MENURUT, phrase_key
from .model import Actor, Quote
from .people import read_name
from .tokens import TokenStream, token_stream

__all__ = ["extract_quotes"]

_QUOTE = re.compile(r"“([^“”\n]+)”|\"([^\"\n]+)\"")
_PRONOUNS = frozenset({"dia", "ia", "beliau"})
_SPEECH_END = re.compile(r"[.,!?…]\s*$")
_MIN_WORDS = 4
_HANDLE = re.compile(r"@[A-Za-z0-9_.]{2,}")
_PHRASE_MAX = 24
_CARRY_MAX = 400  # characters between a quotation and an unattributed one that continues it
_PHRASE_GLUE = frozenset({"dan", "pada", "&", "bidang", "urusan", "se", "untuk"})


def _not_a_name(name: str) -> bool:
    """A fragment that cannot be a speaker's name: one or two letters in mixed case ("Da")."""
    return len(name) <= 2 and not name.isupper()


@dataclass
class _Mention:
    start: int  # char offsets of the mention
    end: int
    tok: int  # first token index
    tok_end: int
    name: str


class _Attributor:
    def __init__(self, ts: TokenStream, actors: list[Actor]) -> None:
        self.ts = ts
        self.lex = self.ts.lex
        ts = self.ts
        mentions = []
        self.person_tokens: dict[str, set[str]] = {}
        for a in actors:
            if a.type != "person" or _not_a_name(a.name):
                continue
            self.person_tokens[a.name] = set(phrase_key(a.name))
            for s, e in a.mentions:
                i = ts.index_at(s)
                j = ts.index_at(e)
                if i < ts.n and ts.starts[i] == s:
                    mentions.append(_Mention(s, e, i, j, a.name))
        mentions.sort(key=lambda m: m.start)
        self.mentions = mentions
        self.m_starts = [m.start for m in mentions]
        self.quote_spans: list[tuple[int, int]] = []
        self.quote_starts: list[int] = []
        self.events: list[tuple[int, str]] = []  # (char position, speaker): who is in focus
        self.subjects: list[tuple[int, str]] = []  # (char position, person) as sentence subject
        self.reported: list[tuple[int, int]] = []  # spans of reported (indirect) speech

    # --- helpers -------------------------------------------------------------------------------
    def inside_quote(self, pos: int) -> bool:
        # quotations do not overlap and are found in text order: look at the last one opened
        k = bisect_right(self.quote_starts, pos) - 1
        return k >= 0 and pos < self.quote_spans[k][1]

    def mention_from(self, tok: int, window: int = 10) -> _Mention | None:
        """The first person mention in the phrase from token ``tok`` (role words may precede)."""
        ts = self.ts
        k = tok
        while k < ts.n and k - tok < window:
            m = self.mention_at_token(k)
            if m is not None:
                return m
            w = ts.words[k]
            if k > tok and (w in ',;:!?"“”' or (w[:1].islower() and not w.startswith("ke-"))):
                return None
            k += 1
        return None

    def mention_at_token(self, tok: int) -> _Mention | None:
        pos = self.ts.starts[tok]
        k = bisect_left(self.m_starts, pos)
        if k < len(self.mentions) and self.mentions[k].start == pos:
            return self.mentions[k]
        return None

    def mention_before(self, tok: int, window: int = 4) -> _Mention | None:
        """A person mention ending just before token ``tok`` (adverbs may stand between)."""
        ts = self.ts
        k = tok - 1
        steps = 0
        while k >= 0 and ts.lows[k] in self.lex.words["adverbs"] and steps < window:
            k -= 1
            steps += 1
        if k < 0:
            return None
        end = ts.ends[k]
        idx = bisect_right(self.m_starts, end) - 1
        while idx >= 0:
            m = self.mentions[idx]
            if m.end == end:
                return m
            if m.end < end - 40:
                break
            idx -= 1
        return None

    def focus(self, pos: int) -> str | None:
        """The person in focus before a character position.

        The latest speaker (of a quotation or a reported statement) unless a person stands as
        the subject of a later sentence of the narrative; persons named inside reported speech
        ("Budi menambahkan, Presiden X menargetkan ...") do not take the focus.
        """
        best: tuple[int, str] | None = None
        for p, name in self.events:
            if p < pos and (best is None or p >= best[0]):
                best = (p, name)
        for p, name in self.subjects:
            if p < pos and (best is None or p > best[0]) and not self.reported_at(p):
                best = (p, name)
        if best is not None:
            return best[1]
        k = bisect_left(self.m_starts, pos) - 1
        while k >= 0:
            m = self.mentions[k]
            if not self.inside_quote(m.start):
                return m.name
            k -= 1
        return None

    def same_focus(self, a: int, b: int, speaker: str) -> bool:
        """Nobody but ``speaker`` is named outside quotation marks between offsets ``a``, ``b``."""
        k = bisect_left(self.m_starts, a)
        while k < len(self.mentions) and self.mentions[k].start < b:
            m = self.mentions[k]
            if m.name != speaker and not self.inside_quote(m.start):
                return False
            k += 1
        return b - a < _CARRY_MAX

    def reported_at(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.reported)

    def subject_events(self) -> None:
        """Mentions that stand as subject: at sentence start, or right before a verb."""
        ts = self.ts
        sent, caps, words, lows, n = ts.sent, ts.caps, ts.words, ts.lows, ts.n
        adverbs = self.lex.words["adverbs"]
        for m in self.mentions:
            if self.inside_quote(m.start):
                continue
            tok = m.tok
            s = tok
            while s > 0 and not sent[s] and tok - s < 12:
                s -= 1
            lead_ok = sent[s] and all(
                caps[k] or words[k] in ",.()" or words[k].startswith("ke-") for k in range(s, tok)
            )
            nxt = m.tok_end
            while nxt < n and lows[nxt] in adverbs:
                nxt += 1
            passive = nxt < n and lows[nxt].startswith("di") and lows[nxt] != "dia"
            verb_next = nxt < n and lows[nxt].startswith(("me", "ber"))
            if (lead_ok or verb_next) and not passive:
                self.subjects.append((m.start, m.name))

    # --- direct ----------------------------------------------------------------------------------
    def collect(self) -> None:
        """Find the quotations (before anything else: mentions inside them are not in focus)."""
        ts = self.ts
        self.raw: list[tuple[re.Match[str], int]] = []
        for qm in _QUOTE.finditer(ts.text):
            if ts.blocked and any(a <= qm.start() < b for a, b in ts.blocked):
                continue
            self.raw.append((qm, 1 if qm.group(1) is not None else 2))
            self.quote_spans.append((qm.start(), qm.end()))
            self.quote_starts.append(qm.start())
        self.subject_events()

    def direct(self) -> list[Quote]:
        text = self.ts.text
        quotes: list[Quote] = []
        for qm, g in self.raw:
            inner_s, inner_e = qm.span(g)
            inner = text[inner_s:inner_e]
            speaker, verb, known = self.after_quote(qm.end())
            if not known:
                speaker, verb, known = self.before_quote(qm.start())
            stripped = inner.rstrip().rstrip(",").rstrip()
            lead = len(inner) - len(inner.lstrip())
            s, e = inner_s + lead, inner_s + len(stripped)
            if s >= e:
                continue
            if not known:
                if len(stripped.split()) < _MIN_WORDS or not _SPEECH_END.search(inner):
                    continue  # a title or a term in quote marks, not speech
                prev = quotes[-1] if quotes else None
                if (
                    prev is not None
                    and prev.speaker
                    and text[prev.end : qm.start()].strip(' \n,.”"') == ""
                ):
                    speaker = prev.speaker
                elif (
                    prev is not None
                    and prev.speaker
                    and self.same_focus(prev.end, qm.start(), prev.speaker)
                ):
                    speaker = prev.speaker  # speech carried on: nobody else named in between
            quotes.append(Quote(speaker, text[s:e], verb, True, s, e))
            if speaker:
                self.events.append((qm.start(), speaker))
        return quotes

    def after_quote(self, pos: int) -> tuple[str | None, str | None, bool]:
        ts = self.ts
        k = ts.index_at(pos)
        if k < ts.n and ts.words[k] in ",.":
            k += 1
        if k >= ts.n or (not ts.joined(k) and ts.starts[k] != pos):
            return None, None, False
        low = ts.lows[k]
        verb = None
        if (
            low in self.lex.verbs_after
            or low in self.lex.verbs_before
            or low in self.lex.verbs_passive
        ):
            verb = low
        elif low.endswith("nya") and low[:-3] in self.lex.verbs_after:
            return self.focus(pos), low, True
        if verb is None:
            m = self.mention_from(k, window=6)
            nxt = m.tok_end if m else k
            if m is not None and nxt < ts.n and ts.lows[nxt] in self.lex.verbs_before:
                return m.name, ts.lows[nxt], True
            return None, None, False
        k += 1
        if k < ts.n and ts.lows[k] == "oleh":
            k += 1
        if k < ts.n and ts.lows[k] in _PRONOUNS:
            return self.focus(pos), verb, True
        handle = _HANDLE.match(ts.text, ts.starts[k]) if k < ts.n else None
        if handle is not None:
            return handle.group(0).rstrip("."), verb, True
        named = self.named_after(k)
        if named is not None:
            return named, verb, True
        return self.focus(pos), verb, True

    def named_after(self, k: int) -> str | None:
        """The speaker named in the phrase after a speech verb, or None.

        The phrase may carry a description and an office before the name (``kata peneliti pada
        Lembaga X (LX), Budi``, ``ujar Kasi Pidsus Kejari Y, Budi Santoso di Z``): the name that
        closes the phrase is the speaker, so the last person met wins.
        """
        ts, lex = self.ts, self.lex
        last: str | None = None
        after_comma = True
        j = k
        while j < ts.n and j - k < _PHRASE_MAX and (j == k or ts.joined(j)):
            w, low = ts.words[j], ts.lows[j]
            m = self.mention_at_token(j)
            if m is not None:
                last, j, after_comma = m.name, m.tok_end, False
                if j < ts.n and ts.lows[j] == "dan":
                    break  # "kata Budi dan Ani": two speakers, keep the first
                continue
            if w == ",":
                after_comma = True
                j += 1
                continue
            if (
                w in "()/-"
                or w[:1].isdigit()
                or low.startswith("ke-")
                or (ts.upper[j] and len(w) > 1)
                or (w == "." and j + 1 < ts.n and not ts.sent[j + 1])
            ):
                j += 1
                after_comma = False
                continue
            if not w[:1].isupper():
                if low in _PHRASE_GLUE or low in lex.person_cues or lex.is_role_word(low):
                    j += 1
                    after_comma = False
                    continue
                break
            if (low,) in lex.hon_prefix or (low,) in lex.ranks:
                j = ts.skip_dot(j + 1)  # "Prof Budi", "Kombes Budi": the name follows
                continue
            end = read_name(ts, j)
            if after_comma and end > j and ts.is_boundary(end) and not ts.weak_name(j, end):
                last = self.known_name(ts.surface(j, end))
                j = end
                after_comma = False
                continue
            owner = self.owner_of(low)
            if owner is not None and ts.is_boundary(j + 1):
                last = owner
            j += 1
            after_comma = False
        return last

    def owner_of(self, low: str) -> str | None:
        """The one person whose name holds the word ``low`` (``saan`` -> ``Saan Mustopa``)."""
        names = {n for n, toks in self.person_tokens.items() if low in toks and len(low) > 2}
        return names.pop() if len(names) == 1 else None

    def known_name(self, surface: str) -> str:
        """A name as written, or the person of the article it shortens or extends."""
        toks = set(phrase_key(surface))
        names = {n for n, pt in self.person_tokens.items() if toks and (toks <= pt or pt <= toks)}
        return names.pop() if len(names) == 1 else surface

    def before_quote(self, pos: int) -> tuple[str | None, str | None, bool]:
        ts = self.ts
        q = ts.index_at(pos)
        k = q - 1
        if k >= 0 and ts.words[k] in ",:":
            k -= 1
        if k < 0 or ts.starts[q] - ts.ends[k] > 3:
            return None, None, False
        low = ts.lows[k]
        if low in self.lex.verbs_before or low in self.lex.verbs_after:
            m = self.mention_before(k)
            if m is not None:
                return m.name, low, True
            return None, None, False
        m = self.mention_before(k + 1, window=0)
        if m is not None and q - 1 >= 0 and ts.words[q - 1] == ":":
            return m.name, None, True
        return None, None, False

    # --- indirect --------------------------------------------------------------------------------
    def clause(self, k: int) -> tuple[int, int] | None:
        """Char span from token ``k`` to the end of its sentence (final period left out)."""
        ts = self.ts
        if k >= ts.n:
            return None
        j = k
        while j + 1 < ts.n and not ts.sent[j + 1] and ts.words[j + 1] not in '“"':
            j += 1
        end_tok = j
        if ts.words[end_tok] in ".!?" and end_tok > k:
            end_tok -= 1
        s, e = ts.starts[k], ts.ends[end_tok]
        if len(ts.text[s:e].split()) < 3:
            return None
        return s, e

    def indirect(self, openers: list[int]) -> list[Quote]:
        """Reported speech, from the tokens that can open it (:func:`_indirect_openers`)."""
        ts, lex = self.ts, self.lex
        out: list[Quote] = []
        for k in openers:
            low = ts.lows[k]
            if low in MENURUT and not self.inside_quote(ts.starts[k]):
                if low == "menurutnya":
                    speaker, body = self.focus(ts.starts[k]), k + 1
                else:
                    m = self.mention_from(k + 1, window=8)
                    if m is None:
                        continue
                    speaker, body = m.name, m.tok_end
                while body < ts.n and ts.words[body] != "," and body - k < 14:
                    body += 1
                span = self.clause(body + 1) if body < ts.n and ts.words[body] == "," else None
                if span is not None and speaker:
                    out.append(Quote(speaker, ts.text[span[0] : span[1]], low, False, *span))
                    self.events.append((ts.starts[k], speaker))
                    self.reported.append(span)
            elif low in lex.verbs_before and not self.inside_quote(ts.starts[k]):
                nxt = k + 1
                if (
                    nxt < ts.n
                    and ts.words[nxt] in ",:"
                    and nxt + 1 < ts.n
                    and ts.words[nxt + 1] in '“"'
                ):
                    continue  # direct: handled with the quotation
                m = self.mention_before(k)
                if m is None:
                    continue
                if nxt < ts.n and ts.lows[nxt] == "bahwa":
                    nxt += 1
                span = self.clause(nxt)
                if span is None or any(a <= span[0] < b for a, b in self.quote_spans):
                    continue
                out.append(Quote(m.name, ts.text[span[0] : span[1]], low, False, *span))
                self.events.append((ts.starts[k], m.name))
                self.reported.append(span)
        return out


@lru_cache(maxsize=4)
def _indirect_openers(verbs_before: frozenset[str]) -> frozenset[str]:
    """Words that can open reported speech: ``menurut(nya)`` and the reporting verbs."""
    return MENURUT | verbs_before


def extract_quotes(text: str, actors: list[Actor] | None = None) -> list[Quote]:
    """Direct and indirect quotes in one article, attributed to persons.

    Parameters
    ----------
    text : str
        Article body (the same text the actors were extracted from).
    actors : list of Actor, optional
        Output of :func:`~media_analytics.actors.extract_actors` for ``text``; computed when not
        given.

    Returns
    -------
    list of Quote
        In text order. ``text[q.start:q.end] == q.text``.

    Examples
    --------
    >>> t = '“Kami siap menjaga keamanan,” ujar Kapolres Dumai AKBP Budi Santoso.'
    >>> [(q.speaker, q.text, q.verb) for q in extract_quotes(t)]
    [('Budi Santoso', 'Kami siap menjaga keamanan', 'ujar')]
    """
    if actors is None:
        actors = analyse(text).actors
    ts = token_stream(text)  # the stream extract_actors made for this text, if it was the last
    openers = ts.cues_in(_indirect_openers(ts.lex.verbs_before))
    if not openers and "“" not in text and '"' not in text:
        return []  # no quotation mark, no "menurut", no reporting verb: nothing to attribute
    attributor = _Attributor(ts, actors)
    attributor.collect()
    quotes = attributor.indirect(openers)
    quotes.extend(attributor.direct())
    quotes.sort(key=lambda q: q.start)
    return quotes
