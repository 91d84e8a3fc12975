"""Tokens for models: Indonesian-aware tokenising, stopwords, stemming, surface forms."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

from .stemming import StemCache, default_cache

__all__ = [
    "SurfaceForms",
    "TokenMapper",
    "load_stopwords",
    "model_tokens",
    "tokenize",
    "written_words",
]

# A token is letters/digits, optionally joined by hyphens, so reduplication ("buku-buku",
# "sayur-mayur") and compounds ("covid-19") stay one token and reach the stemmer whole.
_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ACCENTED = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")
# The apostrophe comes first so the regex engine can jump from one to the next; the letter
# before it is checked behind (a leading look-behind would be tried at every position).
_INNER_APOSTROPHE = re.compile(r"'(?<=[a-z]')(?=[a-z])")


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens, keeping reduplicated words whole.

    Accents are folded (``café`` -> ``cafe``) and apostrophes inside words dropped (``Jum'at`` ->
    ``jumat``), so the tokens are exactly the alphabet PySastrawi's stemmer works on.

    >>> tokenize("Buku-buku baru di Jum'at, 18/10: COVID-19!")
    ['buku-buku', 'baru', 'di', 'jumat', '18', '10', 'covid-19']
    """
    return _TOKEN.findall(_fold(text))


def written_words(text: str) -> list[tuple[str, bool]]:
    """The tokens of :func:`tokenize`, each with whether it follows the one before as written
    words of one phrase do: with only spaces between (no punctuation, no line break).

    >>> written_words("Jakarta Selatan, Selasa pagi")
    [('jakarta', False), ('selatan', True), ('selasa', False), ('pagi', True)]
    """
    folded = _fold(text)
    out: list[tuple[str, bool]] = []
    end = -1
    for m in _TOKEN.finditer(folded):
        gap = folded[end : m.start()] if end >= 0 else ""
        out.append((m.group(), bool(gap) and not gap.strip(" \t\u00a0")))
        end = m.end()
    return out


def _fold(text: str) -> str:
    """Lower case, accents folded, apostrophes inside words dropped: what tokens are cut from."""
    text = text.lower()
    if not text.isascii() and _ACCENTED.search(text):
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    if "'" in text:
        text = _INNER_APOSTROPHE.sub("", text)
    return text


@lru_cache(maxsize=8)
def load_stopwords(name: str = "sastrawi+news") -> frozenset[str]:
    """Stopword sets by name: ``"sastrawi"``, ``"news"`` (the project's list), ``"sastrawi+news"``,
    or ``"none"``.

    >>> "yang" in load_stopwords(), "ujarnya" in load_stopwords(), "pilkada" in load_stopwords()
    (True, True, False)
    """
    words: set[str] = set()
    for part in name.split("+"):
        if part == "none":
            continue
        if part == "sastrawi":
            from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

            words.update(StopWordRemoverFactory().get_stop_words())
        elif part == "news":
            data = resources.files("media_analytics.preprocessing").joinpath(
                "data/news_stopwords.txt"
            )
            for line in data.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    words.add(line)
        else:
            raise ValueError(
                f"unknown stopword list {part!r}; use 'sastrawi', 'news', 'none' or a '+' of them"
            )
    return frozenset(words)


def model_tokens(
    text: str,
    *,
    stopwords: frozenset[str] | set[str],
    stem: bool = True,
    min_length: int = 2,
    keep_numbers: bool = False,
    cache: StemCache | None = None,
    pairs: list[tuple[str, str]] | None = None,
) -> list[str]:
    """The token stream models see: tokenised, stopwords out, Sastrawi-stemmed.

    Stopwords are removed before stemming (on the written word) and after (on the stem), so
    ``mengatakan`` and ``katanya`` both go. When ``pairs`` is given, each kept ``(stem, word)``
    is appended to it, which is how surface forms are learnt.

    >>> model_tokens("Pengamanan TPS oleh kepolisian, katanya, kondusif",
    ...              stopwords=load_stopwords())
    ['aman', 'tps', 'polisi', 'kondusif']
    """
    cache = cache if cache is not None else default_cache()
    words = [
        w
        for w in tokenize(text)
        if len(w) >= min_length and w not in stopwords and (keep_numbers or not w.isdigit())
    ]
    if not stem:
        if pairs is not None:
            pairs.extend((w, w) for w in words)
        return words
    stems = cache.stem_many(words)
    out = []
    for s, w in zip(stems, words, strict=False):
        if len(s) >= min_length and s not in stopwords:
            out.append(s)
            if pairs is not None:
                pairs.append((s, w))
    return out


class TokenMapper:
    """Written word -> model token (or nothing), remembered per word.

    The same decisions as :func:`model_tokens`, collapsed into one dictionary look-up per token:
    on the hot path of a long-running job that is most of the preprocessing cost. The memo is
    bounded like the stem cache.

    >>> TokenMapper(stopwords=load_stopwords())("Pengamanan TPS oleh kepolisian, katanya, kondusif")
    ['aman', 'tps', 'polisi', 'kondusif']
    """

    def __init__(
        self,
        *,
        stopwords: frozenset[str] | set[str],
        stem: bool = True,
        min_length: int = 2,
        keep_numbers: bool = False,
        cache: StemCache | None = None,
        maxsize: int = 500_000,
    ) -> None:
        self.stopwords = stopwords
        self.stem = stem
        self.min_length = min_length
        self.keep_numbers = keep_numbers
        self.cache = cache if cache is not None else default_cache()
        self.maxsize = maxsize
        self._memo: dict[bytes, str] = {}
        if stem:
            # words other processes stemmed (a worker pool forwards them) are decided as they
            # arrive, so an article holding one of them keeps to the one-pass warm path
            self.cache.subscribe(self._learn)

    def _decide(self, w: str, s: str | None = None) -> str:
        """The token for written word ``w`` ("" for none); ``s`` is its stem when known."""
        if len(w) < self.min_length or w in self.stopwords:
            return ""
        if not self.keep_numbers and w.isdigit():
            return ""
        if not self.stem:
            return w
        if s is None:
            s = self.cache.stem(w)
        if len(s) < self.min_length or s in self.stopwords:
            return ""
        return s

    def _learn(self, entries: list[tuple[str, str]]) -> None:
        memo = self._memo
        room = self.maxsize - len(memo)
        for w, s in entries[: max(room, 0)]:
            if w.isascii():
                memo[w.encode("ascii")] = self._decide(w, s)

    def __call__(self, text: str) -> list[str]:
        memo = self._memo
        words = _byte_tokens(text)
        try:  # the warm path: every word already decided, one C-level pass
            return list(filter(None, map(memo.__getitem__, words)))
        except KeyError:
            pass
        if len(memo) > self.maxsize:
            for key in list(memo)[: self.maxsize // 4]:
                del memo[key]
        for w in words:
            if w not in memo:
                memo[w] = self._decide(w.decode("ascii"))
        return list(filter(None, map(memo.__getitem__, words)))


# Byte tokenising for the hot path, with the same result as ``tokenize``: every byte that cannot
# be in a token becomes a space (non-ASCII characters are encoded as "?" first), a hyphen survives
# only between two letters or digits, and ``bytes.split`` does the rest, all at C speed.
_TOKEN_BYTES = bytes(c if (48 <= c <= 57 or 97 <= c <= 122 or c == 45) else 32 for c in range(256))
_LONE_HYPHEN = re.compile(rb"-(?:(?![a-z0-9])|(?<![a-z0-9]-))")


def _byte_tokens(text: str) -> list[bytes]:
    data = _fold(text).encode("ascii", "replace").translate(_TOKEN_BYTES)
    if b"-" in data:
        data = _LONE_HYPHEN.sub(b" ", data)
    return data.split()


class SurfaceForms:
    """For every stem, the most frequent written word it came from.

    Labels shown to analysts then read ``pengamanan``, ``kegiatan`` rather than ``aman``, ``giat``.

    >>> sf = SurfaceForms()
    >>> sf.update([("aman", "pengamanan"), ("aman", "pengamanan"), ("aman", "keamanan")])
    >>> sf["aman"], sf["tidak-dikenal"]
    ('pengamanan', 'tidak-dikenal')
    """

    def __init__(self, counts: dict[str, Counter[str]] | None = None) -> None:
        self._counts: dict[str, Counter[str]] = counts if counts is not None else {}

    def update(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Count ``(stem, word)`` pairs."""
        counts = self._counts
        for s, w in pairs:
            c = counts.get(s)
            if c is None:
                c = counts[s] = Counter()
            c[w] += 1

    def merge(self, other: SurfaceForms) -> None:
        """Add another table's counts to this one."""
        for s, c in other._counts.items():
            self._counts.setdefault(s, Counter()).update(c)

    def __getitem__(self, stem: str) -> str:
        c = self._counts.get(stem)
        if not c:
            return stem
        # most frequent; ties broken alphabetically so the label never depends on input order
        return min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]

    def __len__(self) -> int:
        return len(self._counts)

    def word_stems(self) -> dict[str, str]:
        """Written word -> its stem, for every word counted (the reverse of the table).

        >>> sf = SurfaceForms()
        >>> sf.update([("aman", "pengamanan"), ("aman", "keamanan")])
        >>> sf.word_stems()
        {'pengamanan': 'aman', 'keamanan': 'aman'}
        """
        return {w: s for s, c in self._counts.items() for w in c}

    def label(self, stems: Sequence[str]) -> list[str]:
        """Surface forms of several stems; bigram stems ``"aman pilkada"`` map word by word."""
        return [" ".join(self[p] for p in s.split(" ")) for s in stems]

    def to_dict(self, top: int = 1) -> dict[str, list[str]]:
        """Stem -> its ``top`` most frequent words (plain data for saving)."""
        return {
            s: [w for w, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
            for s, c in self._counts.items()
        }

    @classmethod
    def from_dict(cls, data: dict[str, list[str]]) -> SurfaceForms:
        """Rebuild from :meth:`to_dict` output (the first word of each list wins)."""
        counts: dict[str, Counter[str]] = {}
        for s, words in data.items():
            counts[s] = Counter({w: len(words) - i for i, w in enumerate(words)})
        return cls(counts)
