"""Token stream with character offsets, the shared ground of the actor and quote matchers.

Words are runs of letters/digits (with inner hyphens and apostrophes: ``ke-7``, ``Ma'ruf``);
every other non-space character is a token of its own, so ``S.H.`` is ``S . H .`` and a
trailing period never sticks to a name. Credit and boilerplate lines (``Editor : ...``,
``Baca juga: ...``, ``SCROLL TO CONTINUE WITH CONTENT``) are left out of the stream, so nothing
in them can become an actor or a speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .lexicon import Lexicon, get_lexicon, is_ordinary_word, root_words

__all__ = ["TokenStream", "blocked_spans", "token_stream"]

# A capitalised word glued to digits ("Hindayana3" in a numbered list) splits before the digits;
# acronyms with digits ("G20", "LQ45") stay whole.
_TOKEN = re.compile(r"[A-Z][a-z]+(?=\d)|[^\W_]+(?:['’\-][^\W_]+)*|\S")
_TOKEN_NL = re.compile(_TOKEN.pattern + r"|\n")
_CREDIT = re.compile(
    r"\b(?:editor|penulis|reporter|pewarta|redaktur|fotografer|penyunting)\s*:.*$",
    re.IGNORECASE | re.MULTILINE,
)
_CREDIT_WORDS = ("editor", "penulis", "reporter", "pewarta", "redaktur", "fotografer", "penyunting")
_LINE_STARTS = (
    "sumber:",
    "sumber :",
    "foto:",
    "foto :",
    "baca juga",
    "lihat juga",
    "simak",
    "tonton",
    "saksikan",
    "scroll to continue",
    "advertisement",
    "artikel ini telah",
)
_ABBREV = frozenset(
    [
        "pt",
        "cv",
        "dr",
        "prof",
        "h",
        "hj",
        "ir",
        "drs",
        "dra",
        "kh",
        "jl",
        "jln",
        "gg",
        "kab",
        "kec",
        "kel",
        "no",
        "st",
        "pj",
        "plt",
        "plh",
        "prov",
        "bpk",
        "ny",
        "sdr",
        "tn",
        "dll",
        "dsb",
        "dkk",
        "sh",
        "mh",
        "si",
        "sos",
        "ik",
        "se",
        "mm",
        "pd",
        "kom",
        "ag",
        "ip",
        "psi",
        "ked",
        "kes",
        "sc",
        "ma",
        "phd",
        "pol",
        "purn",
        "inf",
        "kav",
    ]
)
_SENT_END = frozenset(".!?")
# One-word province and capital names: a name never runs on into them ("Menurut Prabowo Indonesia
# tidak ..."); multi-word places are caught by the place matcher before any name is read.
_PLACE_WORDS = frozenset(
    [
        "aceh",
        "riau",
        "jambi",
        "bengkulu",
        "lampung",
        "banten",
        "bali",
        "gorontalo",
        "maluku",
        "papua",
        "jakarta",
        "bandung",
        "surabaya",
        "medan",
        "semarang",
        "makassar",
        "palembang",
        "yogyakarta",
        "denpasar",
        "pekanbaru",
        "padang",
        "pontianak",
        "samarinda",
        "balikpapan",
        "banjarmasin",
        "manado",
        "kupang",
        "mataram",
        "jayapura",
        "ambon",
    ]
)
_OPEN_QUOTES = frozenset('“"')


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of credit and boilerplate lines.

    >>> t = "Isi.\\nEditor : Ari Susanto"
    >>> [t[a:b] for a, b in blocked_spans(t)]
    ['Editor : Ari Susanto']
    """
    low = text.lower()
    spans: list[tuple[int, int]] = []
    if any(w in low for w in _CREDIT_WORDS):
        spans.extend(m.span() for m in _CREDIT.finditer(text))
    pos = 0
    for line in low.split("\n"):
        stripped = line.lstrip(" \t")
        if stripped.startswith(_LINE_STARTS):
            spans.append((pos + len(line) - len(stripped), pos + len(line)))
        pos += len(line) + 1
    spans.sort()
    return spans


class TokenStream:
    """Tokens of one text with offsets and the flags the matchers need.

    Parameters
    ----------
    text : str
        The article body (cleaned or raw).
    lex : Lexicon
        Word lists (for the common-word test of name tokens).

    Attributes
    ----------
    words, lows : list of str
        Token text as written and lower-cased.
    starts, ends : list of int
        Character offsets of each token.
    caps : list of bool
        First character is an upper-case letter.
    upper : list of bool
        Whole token upper-case with at least two letters (an acronym).
    sent : list of bool
        Token opens a sentence or a line.
    """

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.blocked = blocked_spans(text)
        blocked = self.blocked
        words: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        nl: list[bool] = []
        sent: list[bool] = []
        new_line = True
        # tokenise the text between blocked lines; each gap starts like a new line
        segments, pos = [], 0
        for a, b in blocked:
            if a > pos:
                segments.append((pos, a))
            pos = max(pos, b)
        segments.append((pos, len(text)))
        for seg_start, seg_end in segments:
            new_line = True
            for m in _TOKEN_NL.finditer(text, seg_start, seg_end):
                w = m.group()
                if w == "\n":
                    new_line = True
                    continue
                s, e = m.span()
                is_start = new_line
                if not new_line:
                    p = words[-1]
                    if p in _SENT_END:
                        before = words[-2].lower() if len(words) > 1 else ""
                        is_start = not (
                            before in _ABBREV or (len(before) == 1 and before.isalpha())
                        )
                    elif p in _OPEN_QUOTES:
                        is_start = len(words) < 2 or ends[-2] < starts[-1]
                words.append(w)
                starts.append(s)
                ends.append(e)
                nl.append(new_line)
                sent.append(is_start)
                new_line = False
        self.words = words
        self.starts = starts
        self.ends = ends
        self.sent = sent
        self.nl = nl
        self.n = len(words)
        self.lows = [w.lower() for w in words]
        self.caps = [w[:1].isupper() for w in words]
        self.upper = [len(w) > 1 and w.isupper() for w in words]
        self.vocab_lower = frozenset(w for w in words if w.islower())
        # how often each capitalised word stands alone (no capitalised neighbour on its line)
        self.alone_count: dict[str, int] = {}
        caps = self.caps
        for k in range(self.n):
            if (
                caps[k]
                and not (k > 0 and caps[k - 1] and not nl[k])
                and not (k + 1 < self.n and caps[k + 1] and not nl[k + 1])
            ):
                self.alone_count[self.lows[k]] = self.alone_count.get(self.lows[k], 0) + 1
        self._name_ok: list[bool | None] = [None] * self.n
        # end of the run of capitalised words starting at each token (everyday words end a run,
        # except in first position)
        common = lex.common
        run_end = list(range(1, self.n + 1))
        for k in range(self.n - 2, -1, -1):
            if caps[k] and caps[k + 1] and not nl[k + 1] and self.lows[k + 1] not in common:
                run_end[k] = run_end[k + 1]
        self.run_end = run_end

    # --- offsets -------------------------------------------------------------------------------
    def index_at(self, char: int) -> int:
        """Index of the first token starting at or after a character offset."""
        return bisect_left(self.starts, char)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens ``i .. j-1``."""
        return self.starts[i], self.ends[j - 1]

    def surface(self, i: int, j: int) -> str:
        """Text of tokens ``i .. j-1`` as written."""
        return self.text[self.starts[i] : self.ends[j - 1]]

    def gap(self, i: int) -> str:
        """Characters between token ``i-1`` and token ``i``."""
        return (
            self.text[self.ends[i - 1] : self.starts[i]] if i > 0 else self.text[: self.starts[0]]
        )

    def joined(self, i: int) -> bool:
        """Token ``i`` follows token ``i-1`` on the same line."""
        return i > 0 and not self.nl[i]

    def skip_dot(self, j: int) -> int:
        """Past an abbreviation period directly after token ``j-1`` (``PT.``, ``Dr.``)."""
        if j < self.n and self.words[j] == "." and self.starts[j] == self.ends[j - 1]:
            return j + 1
        return j

    # --- token classes -------------------------------------------------------------------------
    def is_common(self, i: int) -> bool:
        """An everyday word (listed, or sentence-initial and also seen in lower case)."""
        low = self.lows[i]
        if low in self.lex.common:
            return True
        return self.sent[i] and low in self.vocab_lower

    def is_name_token(self, i: int) -> bool:
        """Could token ``i`` be part of a person's name?"""
        ok = self._name_ok[i]
        if ok is None:
            ok = self._name_ok[i] = self._name_token(i)
        return ok

    def _name_token(self, i: int) -> bool:
        w = self.words[i]
        if not w[:1].isupper() or w[:1].isdigit():
            return False
        low = self.lows[i]
        lex = self.lex
        if self.upper[i] and len(w) > 1:
            return False  # acronyms are organisations or units, not names
        if low.endswith("-nya"):
            return False  # "Bawaslu-nya"
        if low in _PLACE_WORDS or (w,) in self.lex.countries:
            return False
        if (
            low in lex.institution
            or low in lex.hon_suffix
            or low in lex.street_heads
            or (low,) in lex.role_heads
            or (low,) in lex.ranks
            or (low,) in lex.role_modifiers
            or (low,) in lex.place_heads
            or (w,) in lex.org_heads
        ):
            return False
        return not self.is_common(i)

    def weak_name(self, i: int, j: int) -> bool:
        """Whether tokens ``i .. j-1`` read more like ordinary words than like a name.

        True when every word is an Indonesian root word or an affixed form of one, and either one
        word is an affixed form (``Perubahan``, ``Pelaksana Tugas``), or one is also written in
        lower case in the article (``Anugerah Musik`` next to "musik"), or the phrase is a single
        root word that never stands alone elsewhere in the text. Given names are often root words
        (``Budi``, ``Rahmat Hidayat``): two of them pass, and so does one the article re-mentions.
        """
        words = [self.lows[k] for k in range(i, j) if self.words[k][:1].isalpha()]
        if not words or not all(is_ordinary_word(w) for w in words):
            return False
        roots = root_words()
        if any(w not in roots for w in words) or any(w in self.vocab_lower for w in words):
            return True  # an affixed word, or one the article also writes in lower case
        return len(words) == 1 and self.alone_count.get(words[0], 0) < 2

    def is_boundary(self, j: int) -> bool:
        """Token ``j`` ends a phrase: punctuation, a lower-case word, a line break or the end."""
        if j >= self.n:
            return True
        w = self.words[j]
        return not w[:1].isalnum() or w[:1].islower() or not self.joined(j)


@lru_cache(maxsize=8)
def token_stream(text: str) -> TokenStream:
    """The (cached) token stream of a text: actor and quote extraction of one article share it."""
    return TokenStream(text, get_lexicon())
