"""Token stream with character offsets, the shared ground of the actor and quote matchers.

Words are runs of letters/digits (with inner hyphens and apostrophes: ``ke-7``, ``Ma'ruf``);
every other non-space character is a token of its own, so ``S.H.`` is ``S . H .`` and a
trailing period never sticks to a name. Credit and boilerplate lines (``Editor : ...``,
``Baca juga: ...``, ``SCROLL TO CONTINUE WITH CONTENT``) are left out of the stream, so nothing
in them can become an actor or a speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cached_property, lru_cache
from itertools import accumulate, compress

from .lexicon import Lexicon, get_lexicon, is_derived_word, is_ordinary_word, root_words

__all__ = ["TokenStream", "blocked_spans", "token_stream"]

# A token is a word (letters and digits, with inner hyphens and apostrophes) or any other single
# non-space character. A capitalised word glued to digits ("Hindayana3" in a numbered list) splits
# before the digits; acronyms with digits ("G20", "LQ45") stay whole. The pattern is a group, so
# that splitting on it keeps the tokens and the whitespace between them (the offsets follow from
# the lengths). The first three alternatives are shortcuts for the commonest tokens, tested on
# plain ASCII characters faster than the general ones: a lower-case or a capitalised word that
# nothing after it would extend (so the general word alternative would match the same), and a
# comma or a period (which only the last alternative would match).
_TOKEN = re.compile(
    r"([a-z]+(?![\w'’\-])|[A-Z][a-z]*(?![\w'’\-])|[.,]"
    r"|[A-Z][a-z]+(?=\d)|[^\W_]+(?:['’\-][^\W_]+)*|\S)"
)
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
#: Shortened first names, read on past their period as part of the name (``Moh. Mahfud MD``,
#: ``Moch. Arief``, ``Abd. Rahman``).
NAME_ABBREV = frozenset(["moh", "muh", "moch", "mochd", "mohd", "muhd", "mhd", "abd", "ach"])
_ABBREV = _ABBREV | NAME_ABBREV
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
_MARKS = _SENT_END | _OPEN_QUOTES


def _segments(length: int, blocked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The character spans between blocked spans (sorted), covering ``0 .. length``."""
    segments, pos = [], 0
    for a, b in blocked:
        if a > pos:
            segments.append((pos, a))
        pos = max(pos, b)
    segments.append((pos, length))
    return segments


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of credit and boilerplate lines.

    >>> t = "Isi.\\nEditor : Ari Susanto"
    >>> [t[a:b] for a, b in blocked_spans(t)]
    ['Editor : Ari Susanto']
    """
    low = text.lower()
    spans: list[tuple[int, int]] = []
    if ":" in text and any(w in low for w in _CREDIT_WORDS):  # (a credit line has a colon)
        spans.extend(m.span() for m in _CREDIT.finditer(text))
    pos = 0
    for line in low.split("\n"):
        stripped = line.lstrip(" \t")
        if stripped.startswith(_LINE_STARTS):
            spans.append((pos + len(line) - len(stripped), pos + len(line)))
        pos += len(line) + 1
    spans.sort()
    return spans


# clitics and suffixes written after a hyphen ("Instagram-nya", "meng-Jims Honey-kan")
_CLITICS = frozenset({"nya", "lah", "kah", "pun", "tah", "ku", "mu", "kan", "an", "i"})


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from ..preprocessing import load_stopwords

    return load_stopwords("sastrawi+news")


@lru_cache(maxsize=1)
def _one_word_bodies() -> frozenset[str]:
    """The organisations of ``org_acronyms.txt`` named by one word (``TNI``, ``Polri``, ``KPK``)."""
    return frozenset(k[0] for k in get_lexicon().org_phrases.keys if len(k) == 1)


def _dash_at(word: str) -> int:
    """Where a hyphen in ``word`` stands for a dash, or -1.

    Crawled text often loses the spaces around a dash (``anggota DPR-termasuk tunjangan``,
    ``Affan-bahkan``). A hyphen after a capitalised word is read as such a dash when the word
    after it is lower case and a function word or a derived word (``yang``, ``bahkan``,
    ``termasuk``, ``disebut``) and does not repeat the first (``Undang-undang``,
    ``Mudah-mudahan``, ``Sewenang-wenang``). Name syllables (``Shin Tae-yong``, ``Son
    Heung-min``) and prefixes (``Pasca-reformasi``, ``Pre-order``) stay joined. Two bodies
    each known by one word, joined as news joins partners (``TNI-Polri``, ``KPK-Polri``), are
    split too; a body and its branch (``TNI-AD``) is not two.

    >>> _dash_at("DPR-termasuk"), _dash_at("Affan-bahkan"), _dash_at("Heung-min")
    (3, 5, -1)
    >>> _dash_at("Undang-undang"), _dash_at("Mudah-mudahan"), _dash_at("Jawa-sentris")
    (-1, -1, -1)
    >>> _dash_at("TNI-Polri"), _dash_at("TNI-AD")
    (3, -1)
    """
    if not word[:1].isupper() or word.count("-") != 1:
        return -1
    at = word.index("-")
    if word[:at] in _one_word_bodies() and word[at + 1 :] in _one_word_bodies():
        return at
    left, right = word[:at].lower(), word[at + 1 :]
    if len(left) < 2 or len(right) < 3 or not right.isalpha() or not right.islower():
        return -1
    if right in _CLITICS or right.startswith(left) or left.endswith(right) or right[:3] in left:
        return -1  # a clitic or suffix ("Instagram-nya"), a reduplication, whole or partial
    if right in _function_words() or is_derived_word(right):
        return at
    return -1


def _hyphenated(text: str, starts: list[int], ends: list[int]) -> list[int]:
    """Indices of the tokens with a hyphen in them, in order (tokens are ``text[starts[k] :
    ends[k]]``).

    Found from the hyphens of the text, which are far fewer than its tokens: each one falls in
    the token that starts last before it, or in a gap or a left-out line.
    """
    found: list[int] = []
    p = text.find("-")
    while p >= 0:
        k = bisect_right(starts, p) - 1
        if k >= 0 and p < ends[k]:
            found.append(k)
            p = ends[k]  # (the token's other hyphens)
        else:
            p += 1
        p = text.find("-", p)
    return found


def _split_dashes(
    text: str, words: list[str], starts: list[int], ends: list[int]
) -> tuple[list[str], list[int], list[int]]:
    """``words`` (and their offsets in ``text``) with every hyphen that stands for a dash split
    off."""
    # most texts have hyphens ("-" datelines, "Undang-undang") but no dash to split: find the
    # splits first and hand the lists back untouched when there are none
    cuts = [(i, at) for i in _hyphenated(text, starts, ends) if (at := _dash_at(words[i])) >= 0]
    if not cuts:
        return words, starts, ends
    out_w: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    done = 0
    for i, at in cuts:
        out_w += words[done:i]
        out_s += starts[done:i]
        out_e += ends[done:i]
        w, s = words[i], starts[i]
        out_w += [w[:at], "-", w[at + 1 :]]
        out_s += [s, s + at, s + at + 1]
        out_e += [s + at, s + at + 1, ends[i]]
        done = i + 1
    out_w += words[done:]
    out_s += starts[done:]
    out_e += ends[done:]
    return out_w, out_s, out_e


class TokenStream:
    """Tokens of one text with offsets and the flags the matchers need.

    Built with a few whole-list passes (one regex pass, then comprehensions) rather than a
    Python loop per token: the stream is made for every article, so its cost is paid on every
    article scored.

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
    nl : list of bool
        Token opens a line (or follows a left-out credit line).
    cap_index : list of int
        Indices of the capitalised tokens, where most matchers start.
    name_ok : list of bool
        Token could be part of a person's name (see :meth:`is_name_token`).
    word_set : set of str
        The distinct tokens as written.
    """

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.blocked = blocked_spans(text)
        words: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        # tokenise the text between blocked lines; each gap starts like a new line
        first_of_segment: list[int] = []
        for seg_start, seg_end in _segments(len(text), self.blocked):
            # splitting on the token pattern gives gap, token, gap, ..., token, gap: the running
            # sum of their lengths is where each piece ends, so every second sum is a token's
            # start and the others its end (no per-token string work but the split itself)
            segment = text if seg_end - seg_start == len(text) else text[seg_start:seg_end]
            parts = _TOKEN.split(segment)
            if len(parts) == 1:
                continue  # nothing but whitespace
            bounds = list(accumulate(map(len, parts), initial=seg_start))
            first_of_segment.append(len(words))
            words += parts[1::2]
            starts += bounds[1:-2:2]
            ends += bounds[2::2]
        if "-" in text:
            words, starts, ends = _split_dashes(text, words, starts, ends)
        n = len(words)
        # a token opens a line when a line break stands in the gap before it: look up the few
        # line breaks instead of testing every gap (cleaned bodies are often one line)
        nl = [False] * n
        for k in first_of_segment:
            nl[k] = True
        p = text.find("\n")
        while p >= 0:
            k = bisect_left(starts, p)
            if k < n:  # (one in a blocked line falls on a segment's first token: a line start)
                nl[k] = True
            p = text.find("\n", p + 1)
        lows = list(map(str.lower, words))
        # a token opens a sentence after a line break, after ".", "!" or "?" (unless the period
        # closes an abbreviation or an initial) and at an opening quote preceded by a space
        sent = nl.copy()
        for k in compress(range(n), map(_MARKS.__contains__, words)):
            j = k + 1
            if j == n or nl[j]:
                continue
            if words[k] in _SENT_END:
                before = lows[k - 1] if k > 0 else ""
                if before in _ABBREV or (len(before) == 1 and before.isalpha()):
                    continue
                if (
                    before.isdigit()
                    and words[j][:1].isdigit()
                    and ends[k - 1] == starts[k]
                    and ends[k] == starts[j]
                ):
                    continue  # a thousands separator or a decimal point: "1.340", "Rp 16.559"
                sent[j] = True
                if words[j] == "," and ends[k] == starts[j] and j + 1 < n and not nl[j + 1]:
                    # paragraphs joined by a comma ("... tiga.,Masuknya Sackie ..."): a
                    # crawler's join, and the next paragraph opens a sentence
                    sent[j + 1] = True
            else:
                sent[j] = k == 0 or ends[k - 1] < starts[k]
        lead = 0
        while lead < n and not words[lead][:1].isalnum() and words[lead] not in _MARKS:
            lead += 1  # a text opening with the remains of a dateline (", - Pelatih ...")
        if 0 < lead < n:
            sent[lead] = True
        self.words = words
        self.starts = starts
        self.ends = ends
        self.sent = sent
        self.nl = nl
        self.n = n
        self.lows = lows
        self.caps = caps = [w[0].isupper() for w in words]
        self.cap_index = cap_index = list(compress(range(n), caps))
        # an acronym: upper case with two characters at least ("DPR", "4G"); a one-character
        # token in upper case is a capital letter, so the loop below, over the capitalised
        # tokens, does the length test
        self.upper = upper = list(map(str.isupper, words))
        self.word_set = word_set = set(words)
        # Could the token be part of a person's name? Asked of most capitalised words, often
        # several times, so answered once for all of them: not an acronym (organisations and
        # units), not "X-nya", no office, rank, place or everyday word (listed, or opening a
        # sentence and also written in lower case in this text), nor offices joined by a hyphen
        # ("Cagub-Cawagub", "Gubernur-Wakil").
        not_lower, not_exact = _never_names(lex.not_name_lower), lex.not_name_exact
        name_ok = [False] * n
        for k in cap_index:
            w = words[k]
            if upper[k]:
                if len(w) > 1:
                    continue  # an acronym: no name
                upper[k] = False  # "S" in "S (17)" is an initial, not an acronym
            low = lows[k]
            name_ok[k] = not (
                low in not_lower
                or w in not_exact
                or low.endswith("-nya")
                or ("-" in low and all(part in not_lower for part in low.split("-")))  # offices
                or (sent[k] and low in word_set and low.islower())
                or (not w.isalpha() and any(map(str.isdigit, w)))  # "Galaxy A50s", "iPhone 11"
            )
        self.name_ok = name_ok
        # an everyday word that is also a given name, between two name words ("Ribut Hari
        # Wibowo"), is one too (decided once the words around it are)
        if not word_set.isdisjoint(w.capitalize() for w in lex.name_bridges):
            for k in cap_index:
                if (
                    0 < k < n - 1
                    and lows[k] in lex.name_bridges
                    and not nl[k]
                    and name_ok[k - 1]
                    and name_ok[k + 1]
                    and self.bridges(k - 1)
                ):
                    name_ok[k] = True

    @cached_property
    def alone_count(self) -> dict[str, int]:
        """How often each capitalised word stands alone (no capitalised neighbour on its line)."""
        caps, nl, lows, n = self.caps, self.nl, self.lows, self.n
        count: dict[str, int] = {}
        for k in self.cap_index:
            if not (k > 0 and caps[k - 1] and not nl[k]) and not (
                k + 1 < n and caps[k + 1] and not nl[k + 1]
            ):
                count[lows[k]] = count.get(lows[k], 0) + 1
        return count

    def run_end(self, i: int) -> int:
        """End of the run of capitalised words starting at token ``i`` (``i + 1`` at least).

        An everyday word ends a run, except in first position.
        """
        caps, nl, lows, common = self.caps, self.nl, self.lows, self.lex.common
        j = i
        while j + 1 < self.n and caps[j] and caps[j + 1] and not nl[j + 1]:
            if lows[j + 1] in common and not self.bridges(j):
                break
            j += 1
        return j + 1

    def bridges(self, j: int) -> bool:
        """Whether token ``j + 1``, an everyday word that is also a given name (``Hari``), goes
        on with a name from token ``j`` to token ``j + 2`` (``Ribut Hari Wibowo``) rather than
        ending it: both are capitalised name words, and the one after is no everyday word and
        none that makes a day's name (``Hari Raya``, ``Hari Kartini``; ``name_bridges.txt``)."""
        k = j + 1
        days = self.lex.name_bridges.get(self.lows[k])
        if days is None or k + 1 >= self.n or not self.caps[k + 1] or self.nl[k + 1]:
            return False
        after, word = self.lows[k + 1], self.words[k + 1]
        return (
            self.lows[j] not in self.lex.common
            and after not in self.lex.common
            and after not in days
            and len(word) > 2
            and not word.isupper()
            and not is_ordinary_word(after)
        )

    def runs_ending_in(self, vocab: frozenset[str]) -> set[int]:
        """Indices ``i`` whose run (see :meth:`run_end`) ends with a word in ``vocab`` (as written).

        One walk back from each such word instead of a walk forward from every capitalised word.
        """
        caps, nl, lows, common, n = self.caps, self.nl, self.lows, self.lex.common, self.n

        def goes_on(j: int) -> bool:  # the run through token j continues with token j + 1
            return (
                j + 1 < n
                and caps[j]
                and caps[j + 1]
                and not nl[j + 1]
                and (lows[j + 1] not in common or self.bridges(j))
            )

        out: set[int] = set()
        for word in vocab.intersection(self.word_set):
            for k in self.positions(word):
                if goes_on(k):
                    continue
                j = k
                out.add(j)
                while j > 0 and goes_on(j - 1):
                    j -= 1
                    out.add(j)
        return out

    def positions(self, word: str, start: int = 0) -> Iterator[int]:
        """Indices of the tokens written ``word``, from ``start`` on."""
        k = start - 1
        while True:
            try:
                k = self.words.index(word, k + 1)  # the scan runs in C
            except ValueError:
                return
            yield k

    @cached_property
    def cue_index(self) -> list[int]:
        """Indices of the tokens whose lower-cased form is in ``lex.cue_words``."""
        return list(compress(range(self.n), map(self.lex.cue_words.__contains__, self.lows)))

    def cues_in(self, vocab: frozenset[str]) -> list[int]:
        """Indices of the tokens whose lower-cased form is in ``vocab``, part of ``lex.cue_words``.

        Read off :attr:`cue_index` (one pass over the tokens for all the cue words).
        """
        lows = self.lows
        return [k for k in self.cue_index if lows[k] in vocab]

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
        """Past an abbreviation period directly after token ``j-1`` (``PT.``, ``Dr.``, ``M.``).

        A full stop is no abbreviation's period: one the sentences are split at, after a word
        that is neither a listed abbreviation nor an initial, stays where it is, so no name read
        on past it takes in the next sentence's first words (``... Kementerian dan Lembaga. Sri
        Mulyani menyatakan ...``).
        """
        if (
            j < self.n
            and self.words[j] == "."
            and self.starts[j] == self.ends[j - 1]
            and not self.full_stop(j)
        ):
            return j + 1
        return j

    def full_stop(self, j: int) -> bool:
        """Whether token ``j`` is a full stop ending a sentence, with the next one after it on
        its line (``Lembaga. Sri``; ``TNI.,Sekedar``, paragraphs a crawler joined).

        Not a period after an abbreviation, an initial or a rank (``PT. Sinar``, ``M. Tito``,
        ``AKBP. Deni``), inside a number (``Rp 16.559``), or with a word right after it
        (``Desa.Lero``, ``Kab.Cirebon``).
        """
        k = j + 1
        return (
            0 < j < self.n - 1
            and self.words[j] in _SENT_END
            and self.sent[k]
            and not self.nl[k]
            and not (self.starts[k] == self.ends[j] and self.words[k][:1].isalnum())
            and (self.lows[j - 1],) not in self.lex.ranks
        )

    # --- token classes -------------------------------------------------------------------------
    def rank_end(self, i: int) -> int:
        """End of the longest rank at token ``i`` (suffixes such as ``Pol`` left out), or ``i``.

        Every word of the rank is capitalised and on one line: ``Komisaris Besar``, ``Ajun
        Inspektur Satu``, ``AKBP``; a rank written out is read whole, so that none of its words
        is left to the office before it or the name after it.
        """
        caps, nl, lows, ranks = self.caps, self.nl, self.lows, self.lex.rank_phrases
        if not caps[i] or lows[i] not in self.lex.rank_openers:
            return i
        for k in range(min(ranks.max_len, self.n - i), 0, -1):
            if (
                tuple(lows[i : i + k]) in ranks
                and all(caps[i : i + k])
                and not any(nl[i + 1 : i + k])
            ):
                return i + k
        return i

    def written_lower(self, word: str) -> bool:
        """Whether ``word`` occurs as a token written all in lower case."""
        return word in self.word_set and word.islower()

    def is_common(self, i: int) -> bool:
        """An everyday word (listed, or sentence-initial and also seen in lower case)."""
        low = self.lows[i]
        if low in self.lex.common:
            return True
        return self.sent[i] and self.written_lower(low)

    def is_name_token(self, i: int) -> bool:
        """Could token ``i`` be part of a person's name? (``name_ok[i]``)"""
        return self.name_ok[i]

    def weak_name(self, i: int, j: int) -> bool:
        """Whether tokens ``i .. j-1`` read more like ordinary words than like a name.

        True when every word is an Indonesian root word or an affixed form of one, and either one
        word is an affixed form (``Perubahan``, ``Pelaksana Tugas``), or one is also written in
        lower case in the article (``Anugerah Musik`` next to "musik"), or the phrase is a single
        root word that never stands alone elsewhere in the text. Given names are often root words
        (``Budi``, ``Rahmat Hidayat``): two of them pass, and so does one the article re-mentions.
        """
        return self.weak_words([self.lows[k] for k in range(i, j) if self.words[k][:1].isalpha()])

    def weak_words(self, words: list[str]) -> bool:
        """:meth:`weak_name` for lower-cased words (parts of a token: ``Luthfi-Taj``)."""
        if not words or not all(map(is_ordinary_word, words)):
            return False
        if not root_words().issuperset(words) or any(map(self.written_lower, words)):
            return True  # an affixed word, or one the article also writes in lower case
        return len(words) == 1 and self.alone_count.get(words[0], 0) < 2

    def stands_alone_elsewhere(self, a: int, k: int, *, mid_sentence: bool = False) -> bool:
        """Whether the words ``a .. k-1`` occur at another place with no capitalised word either
        side (``Liverpool menang``); with ``mid_sentence``, not at a sentence's first word."""
        size = k - a
        phrase = self.lows[a:k]
        caps, lows, n = self.caps, self.lows, self.n
        for j in self.cap_index:
            if j == a or lows[j] != phrase[0] or (mid_sentence and self.sent[j]):
                continue
            if j + size > n or lows[j : j + size] != phrase:
                continue
            if (j > 0 and caps[j - 1] and self.joined(j)) or (
                j + size < n and caps[j + size] and self.joined(j + size)
            ):
                continue
            return True
        return False

    def is_boundary(self, j: int) -> bool:
        """Token ``j`` ends a phrase: punctuation, a lower-case word, a line break or the end."""
        if j >= self.n:
            return True
        w = self.words[j]
        return not w[:1].isalnum() or w[:1].islower() or not self.joined(j)


@lru_cache(maxsize=4)
def _never_names(not_name_lower: frozenset[str]) -> frozenset[str]:
    """The lexicon's lower-cased words that are never part of a name, and the one-word places."""
    return not_name_lower | _PLACE_WORDS


@lru_cache(maxsize=8)
def token_stream(text: str) -> TokenStream:
    """The (cached) token stream of a text: actor and quote extraction of one article share it."""
    return TokenStream(text, get_lexicon())
