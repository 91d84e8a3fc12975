"""Duplicate and syndication detection: MinHash signatures, an LSH index, no pairwise scan.

Two articles are duplicates when most of the shorter one's word shingles occur in the
longer one: the *overlap* ``|A ∩ B| / min(|A|, |B|)`` is at least ``threshold`` and
the shorter has at least ``min_size_ratio`` of the longer's shingles. Overlap rather
than Jaccard similarity, because syndicated copies are often cut short or carry
extra lines; a copy missing its last 30% has a Jaccard similarity of at most 0.7 with
its original but an overlap near 1.

How it scales: each article is reduced to ``num_perm`` MinHash values (datasketch);
a :class:`datasketch.MinHashLSH` index, tuned to the smallest Jaccard similarity that
a duplicate can have under the rule above, proposes candidates; only candidates are
checked, from the signatures. Memory grows linearly with the number of articles: the
signature, a few numbers and the LSH band entries per article, never the text; with
``max_articles`` it stops growing once the window is full (the oldest rows are dropped in
place, a small step at a time).

Text is normalised before shingling (see :func:`normalize_for_dedup`): boilerplate
lines such as ``Baca juga: ...``, ``SCROLL TO CONTINUE WITH CONTENT``, ``Simak juga
Video ...``, editor credits and the opening dateline (``JAKARTA, KOMPAS.com -``) are
removed, so they neither create nor hide a match. Identical normalised texts are
found by a hash before any MinHash work.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from importlib.metadata import version
from typing import Any, BinaryIO, NamedTuple

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..outputs import replacing
from .article import Article

__all__ = ["DuplicateDetector", "normalize_for_dedup"]

logger = logging.getLogger(__name__)

_FORMAT = "media_analytics.corpus.DuplicateDetector"
_FORMAT_VERSION = 1
_PARAMS = ("threshold", "num_perm", "shingle_size", "min_size_ratio", "seed", "max_articles")
DEFAULT_WINDOW = 100_000  # what ``media-analytics score`` remembers (``--dedup-window``)
# How many articles ``mark_duplicates`` reads ahead before an answer is final (see there)
DEFAULT_LOOKAHEAD = 10_000
# A windowed detector overshoots its window by 1/_EVICT_STEPS before dropping the oldest rows.
_EVICT_STEPS = 32

_BOILERPLATE_LINE_RE = re.compile(
    r"^\s*(?:baca\s+(?:juga|selengkapnya)|lihat\s+juga|simak\s+(?:juga|video)|tonton\s+juga|"
    r"saksikan\s+(?:juga\s+)?video|scroll\s+to\s+continue|advertisement|\[gambas|"
    r"(?:editor|penulis|reporter|pewarta|penyunting|redaktur|sumber|foto|kontributor)\s*:)",
    re.IGNORECASE,
)
_INLINE_BOILERPLATE = ("scroll to continue with content", "advertisement")
_INLINE_BOILERPLATE_RE = re.compile("|".join(_INLINE_BOILERPLATE), re.IGNORECASE)
# The characters besides ASCII letters that a case-insensitive pattern of ASCII letters matches
# (``İ``, ``ı``, ``ſ`` and the Kelvin sign): without them in a text, such a pattern matches where
# its lower-case form stands in the text's lower-case form.
_ASCII_CASE_TWINS_RE = re.compile("[\u0130\u0131\u017f\u212a]")
# An opening dateline: "DUMAI -", "JAKARTA, KOMPAS.com -", "TEMPO.CO, Jakarta -",
# "Liputan6.com, Jakarta -", "Jakarta -".
_DATELINE_RE = re.compile(
    r"^\s*(?:[A-Z]{2,}(?:[ .][A-Z]{2,}){0,2}(?:\s*,\s*[\w.]+(?:\s[A-Z][\w.]*)?)?"
    r"|[\w]+\.(?:com|co\.id|co|id|net)\s*,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?"
    r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s*[-–—]+\s+"
)
# Editor initials closing a story: "(rzy/rzy)", "(ant/hri)".
_CREDIT_TAIL_RE = re.compile(r"\(\s*[a-z]{2,5}(?:\s*/\s*[a-z]{2,5})+\s*\)\s*$", re.IGNORECASE)
_WORD_RE = re.compile(r"\w+")

_SHINGLE_HASHING = "crc32-poly64-fold32"  # saved with the state: signatures depend on it
_SHINGLE_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd, so the polynomial mixes all bits
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_NO_TIME = np.iinfo(np.int64).max  # undated articles sort after dated ones


def normalize_for_dedup(text: str) -> str:
    """Lowercased words of ``text`` without boilerplate lines, dateline and credits.

    Examples
    --------
    >>> normalize_for_dedup("JAKARTA, KOMPAS.com - Harga naik.\\nBaca juga: Lain\\nEditor: X")
    'harga naik'
    """
    return " ".join(_dedup_words(text))


def _dedup_words(text: str) -> list[str]:
    """The words :func:`normalize_for_dedup` joins (the shingles are made of them)."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not _BOILERPLATE_LINE_RE.match(ln)]
    if lines:
        lines[0] = _DATELINE_RE.sub("", lines[0], count=1)
    body = "\n".join(lines)
    if _may_hold_inline_boilerplate(body):
        body = _INLINE_BOILERPLATE_RE.sub(" ", body)
    body = _CREDIT_TAIL_RE.sub("", body)
    return _WORD_RE.findall(body.lower())


def _may_hold_inline_boilerplate(body: str) -> bool:
    """Whether ``_INLINE_BOILERPLATE_RE`` can match in ``body``: few bodies hold those phrases,
    and two substring tests on the lower-cased text are faster than the case-insensitive regex,
    which is tried at every character (no match is missed: see ``_ASCII_CASE_TWINS_RE``)."""
    low = body.lower()
    if any(phrase in low for phrase in _INLINE_BOILERPLATE):
        return True
    return not body.isascii() and _ASCII_CASE_TWINS_RE.search(body) is not None


def _time_key(when: datetime | None) -> int:
    """Microseconds since the epoch; naive datetimes are compared as if they were UTC."""
    if when is None:
        return int(_NO_TIME)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return (when - _EPOCH) // timedelta(microseconds=1)


class _Kept(NamedTuple):
    """An original that left the window while a remembered copy still names it."""

    id: str
    sig: np.ndarray
    size: int
    hash: int
    time: int
    indexed: bool


class _Index:
    """Signatures, sizes and an LSH index over the articles seen so far.

    Rows are numbered in arrival order and keep their number for good (it is the LSH key).
    The arrays hold the *live* rows ``offset, offset + 1, ...`` at positions ``0, 1, ...``;
    :meth:`evict` drops the oldest in place. An evicted row that a live copy names as its
    original moves to ``kept`` (still in the LSH and the exact-hash table) until its last
    copy is evicted too.
    """

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = params
        # Shingles arrive already hashed (see _shingle_hashes), so MinHash takes them as is.
        self.template = MinHash(num_perm=params["num_perm"], seed=params["seed"], hashfunc=int)
        self.scheme: str = getattr(self.template, "scheme", "legacy")
        self.lsh = MinHashLSH(threshold=self.lsh_threshold, num_perm=params["num_perm"])
        self.offset = 0
        self.ids: list[str] = []
        self.rows: dict[str, int] = {}
        self.exact: dict[int, int] = {}
        self.kept: dict[int, _Kept] = {}
        self.copies: Counter[int] = Counter()  # live copies per original row
        # rows below this one are settled: their answers were handed out as final, so an
        # earlier-published article does not take their group over (see DuplicateDetector.settle)
        self.settled = 0
        capacity, num_perm = 1024, params["num_perm"]
        self.sigs = np.empty((capacity, num_perm), dtype=self.template.hashvalues.dtype)
        self.sizes = np.empty(capacity, dtype=np.int32)
        self.hashes = np.empty(capacity, dtype=np.uint64)
        self.times = np.empty(capacity, dtype=np.int64)
        self.parents = np.empty(capacity, dtype=np.int64)
        self.indexed = np.empty(capacity, dtype=bool)

    @property
    def lsh_threshold(self) -> float:
        """Smallest Jaccard similarity two duplicates can have (overlap and size-ratio bounds)."""
        t, rho = self.params["threshold"], self.params["min_size_ratio"]
        return t * rho / (1 + rho - t * rho)

    def __len__(self) -> int:
        """Remembered articles: the live rows and the kept originals."""
        return len(self.ids) + len(self.kept)

    def id_of(self, row: int) -> str:
        return self.ids[row - self.offset] if row >= self.offset else self.kept[row].id

    def parent_of(self, row: int) -> int:
        return int(self.parents[row - self.offset]) if row >= self.offset else row

    def time_of(self, row: int) -> int:
        return int(self.times[row - self.offset]) if row >= self.offset else self.kept[row].time

    def members(self, original: int) -> np.ndarray:
        """The live positions of ``original``'s group: its copies, and itself when live."""
        live = len(self.ids)
        if not self.copies.get(original):
            position = original - self.offset
            return np.array([position] if position >= 0 else [], dtype=np.int64)
        return np.flatnonzero(self.parents[:live] == original)

    def repoint(self, original: int, row: int, positions: np.ndarray) -> list[int]:
        """Make the live ``row`` the original of ``original``'s group (``positions``: its
        :meth:`members`); returns the rows that now name ``row``."""
        self.parents[positions] = row
        moved = (positions + self.offset).tolist()
        self.copies.pop(original, None)
        if moved:
            self.copies[row] += len(moved)
        if original in self.kept:  # out of the window, and no longer anyone's original
            gone = self.kept.pop(original)
            self._forget(original, gone.id, gone.hash, gone.indexed)
        return moved

    def signature(self, row: int) -> tuple[np.ndarray, int]:
        if row >= self.offset:
            return self.sigs[row - self.offset], int(self.sizes[row - self.offset])
        kept = self.kept[row]
        return kept.sig, kept.size

    def tokens(self, article: Article) -> list[str]:
        words = _dedup_words(article.text)
        if len(words) < self.params["shingle_size"]:  # a stub body: let the title count too
            words = _dedup_words(article.title) + words
        return words

    def sketch(self, words: list[str]) -> tuple[MinHash, int]:
        """MinHash of the text's distinct word shingles, and how many there are."""
        hashes = _shingle_hashes(words, self.params["shingle_size"])
        minhash = self.template.copy()
        minhash.update_batch(hashes.tolist())
        return minhash, len(hashes)

    def matches(self, minhash: MinHash, size: int) -> list[tuple[int, float]]:
        """Indexed rows that duplicate this signature, with their estimated overlap."""
        candidates = np.fromiter(self.lsh.query(minhash), dtype=np.int64)
        if candidates.size == 0:
            return []
        positions = candidates - self.offset
        if positions.min() >= 0:
            sigs, other = self.sigs[positions], self.sizes[positions].astype(np.float64)
        else:  # a kept original among them (rare)
            pairs = [self.signature(int(row)) for row in candidates]
            sigs = np.stack([sig for sig, _ in pairs])
            other = np.array([n for _, n in pairs], dtype=np.float64)
        jaccard = (sigs == minhash.hashvalues).mean(axis=1)
        smaller, larger = np.minimum(other, size), np.maximum(other, size)
        overlap = jaccard * (other + size) / (1.0 + jaccard) / smaller
        keep = (overlap >= self.params["threshold"]) & (
            smaller >= self.params["min_size_ratio"] * larger
        )
        return [(int(r), float(o)) for r, o in zip(candidates[keep], overlap[keep], strict=True)]

    def append(
        self,
        article_id: str,
        signature: np.ndarray,
        size: int,
        content_hash: int,
        when: int,
        parent: int | None = None,
        minhash: MinHash | None = None,
    ) -> int:
        """Store one article; index it in the LSH when its MinHash is given."""
        position = len(self.ids)
        row = self.offset + position
        if position == len(self.sizes):
            self._grow()
        self.ids.append(article_id)
        self.rows[article_id] = row
        self.sigs[position] = signature
        self.sizes[position] = size
        self.hashes[position] = content_hash
        self.times[position] = when
        self.parents[position] = row if parent is None else parent
        if parent is not None and parent != row:
            self.copies[parent] += 1
        self.indexed[position] = minhash is not None
        if minhash is not None:
            self.lsh.insert(row, minhash, check_duplication=False)
            self.exact.setdefault(content_hash, row)
        return row

    def evict(self, n: int) -> None:
        """Forget the ``n`` oldest live rows, in place; originals of live copies are kept."""
        n = min(n, len(self.ids))
        if n <= 0:
            return
        for position in range(n):
            row = self.offset + position
            parent = int(self.parents[position])
            if parent != row:
                self.copies[parent] -= 1
                if not self.copies[parent]:
                    del self.copies[parent]
                    if parent in self.kept:
                        gone = self.kept.pop(parent)
                        self._forget(parent, gone.id, gone.hash, gone.indexed)
            if self.copies.get(row):
                self.kept[row] = _Kept(
                    self.ids[position],
                    self.sigs[position].copy(),
                    int(self.sizes[position]),
                    int(self.hashes[position]),
                    int(self.times[position]),
                    bool(self.indexed[position]),
                )
            else:
                self._forget(
                    row,
                    self.ids[position],
                    int(self.hashes[position]),
                    bool(self.indexed[position]),
                )
        live = len(self.ids)
        for name in ("sigs", "sizes", "hashes", "times", "parents", "indexed"):
            array = getattr(self, name)
            # in blocks of n rows, which never overlap their destination: one overlapping
            # assignment would make numpy copy the whole window to a temporary first
            for start in range(0, live - n, n):
                stop = min(start + n, live - n)
                array[start:stop] = array[start + n : stop + n]
        del self.ids[:n]
        self.offset += n

    def _forget(self, row: int, article_id: str, content_hash: int, indexed: bool) -> None:
        """Drop a row from the look-up tables (its array slot is reused by the caller)."""
        if self.rows.get(article_id) == row:
            del self.rows[article_id]
        if indexed:
            self.lsh.remove(row)
        if self.exact.get(content_hash) == row:
            del self.exact[content_hash]

    def compact(self) -> dict[str, Any]:
        """The remembered rows as plain arrays, oldest first: kept originals, then live rows."""
        order = sorted(self.kept)
        kept = [self.kept[row] for row in order]
        moved = {row: i for i, row in enumerate(order)}
        live = len(self.ids)
        parents = self.parents[:live] - self.offset + len(kept)
        for i in np.flatnonzero(self.parents[:live] < self.offset).tolist():
            parents[i] = moved[int(self.parents[i])]

        def column(name: str, values: list[Any]) -> np.ndarray:
            own = getattr(self, name)[:live]
            front = np.array(values, dtype=own.dtype).reshape(len(values), *own.shape[1:])
            return np.concatenate([front, own])

        return {
            "ids": [item.id for item in kept] + self.ids,
            "sigs": column("sigs", [item.sig for item in kept]),
            "sizes": column("sizes", [item.size for item in kept]),
            "hashes": column("hashes", [item.hash for item in kept]),
            "times": column("times", [item.time for item in kept]),
            "parents": np.concatenate([np.arange(len(kept), dtype=np.int64), parents]),
            "indexed": column("indexed", [item.indexed for item in kept]),
        }

    def _grow(self) -> None:
        for name in ("sigs", "sizes", "hashes", "times", "parents", "indexed"):
            old = getattr(self, name)
            new = np.empty((2 * len(old), *old.shape[1:]), dtype=old.dtype)
            new[: len(old)] = old
            setattr(self, name, new)

    def minhash_from(self, values: np.ndarray) -> MinHash:
        minhash = self.template.copy()
        minhash.hashvalues = np.array(values, dtype=self.sigs.dtype)
        return minhash


def _shingle_hashes(words: list[str], k: int) -> np.ndarray:
    """Distinct 32-bit hashes of the k-word shingles (one shingle when there are <= k words).

    Each word is hashed once (CRC-32, stable across processes, unlike ``hash()``) and a
    shingle is a polynomial of its k word hashes in 64-bit arithmetic, folded to 32
    bits: a few vectorised operations instead of one digest per shingle.
    """
    # (str.encode is UTF-8: mapped over the words at C level, no generator step per word)
    codes = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    count = max(1, len(words) - k + 1)
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(min(k, len(words))):
        combined = combined * _SHINGLE_MULTIPLIER + codes[offset : offset + count]
    folded = np.sort((combined >> np.uint64(32)) ^ (combined & np.uint64(0xFFFFFFFF)))
    distinct = np.empty(len(folded), dtype=bool)
    distinct[0] = True
    np.not_equal(folded[1:], folded[:-1], out=distinct[1:])
    return folded[distinct]


def _content_hash(words: list[str]) -> int:
    digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


class DuplicateDetector:
    """Find exact and near-duplicate articles (syndicated copies, light rewrites).

    Parameters
    ----------
    threshold : float, default 0.7
        Minimum overlap (share of the shorter text's word shingles found in the
        longer one) for two articles to be duplicates.
    num_perm : int, default 128
        MinHash permutations: memory per article and accuracy of the estimate.
    shingle_size : int, default 5
        Words per shingle.
    min_size_ratio : float, default 0.5
        The shorter text must have at least this share of the longer one's shingles,
        so that a short item is not a "duplicate" of every long story quoting it.
    seed : int, default 1
        Seed of the MinHash permutations.
    max_articles : int or None, default None
        Remember only about this many of the most recent articles in :meth:`add` (None:
        all). A job that runs for years then keeps a bounded state: memory and the saved
        file stop growing. Copies are published within days of their original, so a window
        of a few weeks of a feed loses nothing in practice; an article whose original left the
        window counts as an original. The originals of remembered copies are kept with them,
        so a copy keeps naming its original. :meth:`find_duplicates` is not windowed.

    Examples
    --------
    >>> body = "Polisi berpatroli di sekitar kantor KPU menjelang pemungutan suara besok pagi."
    >>> detector = DuplicateDetector()
    >>> detector.add(Article(id="a", text=body)) is None
    True
    >>> detector.add(Article(id="b", text="DUMAI - " + body + "\\nBaca juga: Berita lain"))
    'a'
    """

    def __init__(
        self,
        *,
        threshold: float = 0.7,
        num_perm: int = 128,
        shingle_size: int = 5,
        min_size_ratio: float = 0.5,
        seed: int = 1,
        max_articles: int | None = None,
    ) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self.min_size_ratio = min_size_ratio
        self.seed = seed
        self.max_articles = max_articles
        self._index: _Index | None = None
        #: ``{id: its original now, or None}``: the earlier answers the last :meth:`add` changed
        self.repointed: dict[str, str | None] = {}

    def get_params(self) -> dict[str, Any]:
        """The constructor parameters."""
        return {name: getattr(self, name) for name in _PARAMS}

    def _new_index(self) -> _Index:
        params = self.get_params()
        if not 0 < params["threshold"] <= 1 or not 0 < params["min_size_ratio"] <= 1:
            raise ValueError("threshold and min_size_ratio must be in (0, 1]")
        if params["shingle_size"] < 1 or params["num_perm"] < 16:
            raise ValueError("shingle_size must be >= 1 and num_perm >= 16")
        if params["max_articles"] is not None and params["max_articles"] < 1:
            raise ValueError("max_articles must be >= 1 (or None: remember every article)")
        return _Index(params)

    def __len__(self) -> int:
        return 0 if self._index is None else len(self._index)

    # ------------------------------------------------------------------ streaming

    def add(self, article: Article) -> str | None:
        """Add one article; return the id of its group's original, or None when it is one.

        The original of a group is its earliest-published member (``published_at``, to the
        microsecond; naive times count as UTC): an article published before the original of
        the group it joins takes the group over, and :attr:`repointed` then holds the
        earlier answers that changed (``{id: new original}``: the old original and its
        copies now name this article), as a feed read newest first needs. Members published
        at the same time, or undated, go by arrival: the first to arrive stays the original
        (an undated original gives way to a dated member). A group with a member
        :meth:`settle` made final keeps its original. An id that was added before gets its
        current answer and is not added twice. Articles without words are not indexed
        (``None``).
        """
        self.repointed = {}
        if self._index is None:
            self._index = self._new_index()
        index = self._index
        row = index.rows.get(article.id)
        if row is not None:
            first = index.parent_of(row)
            return None if first == row else index.id_of(first)
        words = index.tokens(article)
        if not words:
            return None
        content_hash = _content_hash(words)
        when = _time_key(article.published_at)
        same = index.exact.get(content_hash)
        parent: int | None = None
        if same is not None:
            parent = index.parent_of(same)
            signature, size = index.signature(same)
            group = self._takeover(parent, when)
            if group is None:
                index.append(article.id, signature, size, content_hash, when, parent)
            else:  # the new original is looked up as the group's originals are: indexed
                minhash = index.minhash_from(signature)
                row = index.append(article.id, signature, size, content_hash, when, None, minhash)
                index.exact[content_hash] = row
                self._repoint(parent, row, group)
                parent = None
        else:
            minhash, size = index.sketch(words)
            found = index.matches(minhash, size)
            group = None
            if found:
                best = min(found, key=lambda match: (-match[1], match[0]))[0]
                parent = index.parent_of(best)
                group = self._takeover(parent, when)
            mine = None if group is not None else parent
            row = index.append(
                article.id, minhash.hashvalues, size, content_hash, when, mine, minhash
            )
            if group is not None and parent is not None:
                self._repoint(parent, row, group)
                parent = None
        answer = None if parent is None else index.id_of(parent)
        limit = self.max_articles
        if limit is not None and len(index.ids) > limit + max(limit // _EVICT_STEPS, 1):
            index.evict(len(index.ids) - limit)  # in place, once every limit/32 articles
        return answer

    def _takeover(self, original: int, when: int) -> np.ndarray | None:
        """The live members of ``original``'s group when an article published at ``when``
        becomes its original: it was published before ``original`` and no member of the group
        is settled; else None (the article is one more copy)."""
        index = self._index
        assert index is not None
        if when >= index.time_of(original):  # later, at the same time, or undated: a copy
            return None
        group = index.members(original)
        first = min(original, int(group.min()) + index.offset if group.size else original)
        return group if first >= index.settled else None

    def _repoint(self, original: int, row: int, group: np.ndarray) -> None:
        """Make ``row`` the original of ``original``'s group and note the changed answers."""
        index = self._index
        assert index is not None
        new = index.id_of(row)
        self.repointed = {index.id_of(original): new}
        self.repointed.update((index.id_of(r), new) for r in index.repoint(original, row, group))

    def original_of(self, article_id: str) -> str | None:
        """The original :meth:`add` names now for an article it remembers (None for an
        original, or for an article it does not remember)."""
        index = self._index
        row = None if index is None else index.rows.get(article_id)
        if index is None or row is None:
            return None
        first = index.parent_of(row)
        return None if first == row else index.id_of(first)

    def settle(self, article_id: str | None = None) -> None:
        """Make the answers given so far final: a later article does not take over their groups.

        :meth:`add` makes an article published before its group's original the group's new
        original (:attr:`repointed` lists the answers that changes). A caller that has
        handed answers out for good (written them to a file) settles them: a group with a
        settled member keeps its original, and a later, earlier-published member is one more
        copy of it. ``article_id`` settles the articles added up to and including it (an id
        never added, or added without words, settles nothing); ``None`` settles all. A
        loaded detector has nothing settled.
        """
        index = self._index
        if index is None:
            return
        if article_id is None:
            index.settled = index.offset + len(index.ids)
            return
        row = index.rows.get(article_id)
        if row is not None:
            index.settled = max(index.settled, row + 1)

    # ---------------------------------------------------------------------- batch

    def find_duplicates(self, articles: Iterable[Article]) -> dict[str, str]:
        """Group exact and near-duplicates in a batch; map each copy to its group's original.

        The original of a group is its earliest-dated member (undated members come
        last; ties go to the smallest id). Groups are connected components: a copy of
        a copy joins the group. This does not touch the streaming state of
        :meth:`add`.

        Returns
        -------
        dict
            ``{duplicate id: original id}`` for every member of a group except its
            original; articles without duplicates are not keys.
        """
        index = self._new_index()
        parent: list[int] = []

        def find(row: int) -> int:
            while parent[row] != row:
                parent[row] = parent[parent[row]]
                row = parent[row]
            return row

        def union(a: int, b: int) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

        for article in articles:
            if article.id in index.rows:
                logger.warning(
                    "find_duplicates: id %r seen twice; the second is ignored", article.id
                )
                continue
            words = index.tokens(article)
            if not words:
                continue
            content_hash = _content_hash(words)
            when = _time_key(article.published_at)
            same = index.exact.get(content_hash)
            if same is not None:
                signature, size = index.signature(same)
                row = index.append(article.id, signature, size, content_hash, when)
                parent.append(row)
                union(row, same)
                continue
            minhash, size = index.sketch(words)
            found = index.matches(minhash, size)
            row = index.append(
                article.id, minhash.hashvalues, size, content_hash, when, None, minhash
            )
            parent.append(row)
            for other, _ in found:
                union(row, other)
        return _originals(index, [find(row) for row in range(len(parent))])

    # ------------------------------------------------------------------ save/load

    def save(self, path: str | os.PathLike[str]) -> None:
        """Save the streaming state to one ``.npz`` file: arrays and a UTF-8 JSON header.

        Nothing is pickled; ``numpy.load(path, allow_pickle=False)`` reads it. The file is
        replaced in one step: a process stopped while saving leaves the previous state.

        Saving does not change the detector.
        """
        # written beside the file and then moved over it, so that a process killed while
        # saving leaves the previous state whole (a link is followed: the file it points at is
        # replaced, the link kept)
        with replacing(path, suffix=f".{os.getpid()}.partial", fsync=True) as handle:
            self._write(handle)

    def to_bytes(self) -> bytes:
        """The streaming state as :meth:`save` writes it, as bytes (for a database column);
        :meth:`from_bytes` reads them back."""
        buffer = io.BytesIO()
        self._write(buffer)
        return buffer.getvalue()

    def _write(self, handle: BinaryIO) -> None:
        index = self._index if self._index is not None else self._new_index()
        arrays = index.compact()
        meta = {
            "format": _FORMAT,
            "format_version": _FORMAT_VERSION,
            "params": self.get_params(),
            "minhash_scheme": index.scheme,
            "shingle_hashing": _SHINGLE_HASHING,
            "datasketch_version": version("datasketch"),
            "ids": arrays.pop("ids"),
            "kept": len(index.kept),  # the first rows: originals out of the window
        }
        np.savez(
            handle,
            meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
            **arrays,
        )

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> DuplicateDetector:
        """Load a detector written by :meth:`save`; the LSH index is rebuilt from the signatures.

        Raises
        ------
        ValueError
            When the file is not a saved detector, has another format version, or was
            made with a MinHash scheme this datasketch does not produce.
        """
        return cls._read(path, repr(os.fspath(path)))

    @classmethod
    def from_bytes(cls, data: bytes) -> DuplicateDetector:
        """Load a detector from :meth:`to_bytes`; raises ``ValueError`` as :meth:`load` does
        (also for bytes that are not an ``.npz`` at all)."""
        if not data.startswith(b"PK\x03\x04"):  # numpy would try it as a pickle
            raise ValueError("the saved state is not a saved DuplicateDetector (.npz)")
        try:
            return cls._read(io.BytesIO(data), "the saved state")
        except (OSError, EOFError, KeyError, zipfile.BadZipFile) as exc:
            raise ValueError(f"the saved state cannot be read: {exc}") from exc

    @classmethod
    def _read(cls, source: str | os.PathLike[str] | BinaryIO, name: str) -> DuplicateDetector:
        with np.load(source, allow_pickle=False) as data:
            if "meta" not in data.files:
                raise ValueError(f"{name} is not a saved DuplicateDetector")
            meta = json.loads(data["meta"].tobytes().decode("utf-8"))
            arrays = {key: data[key] for key in data.files if key != "meta"}
        if meta.get("format") != _FORMAT or meta.get("format_version") != _FORMAT_VERSION:
            found = f"{meta.get('format')!r} version {meta.get('format_version')!r}"
            raise ValueError(
                f"{name} holds {found}; expected {_FORMAT!r} version {_FORMAT_VERSION}"
            )
        detector = cls(**meta["params"])
        index = detector._new_index()
        if meta.get("shingle_hashing") != _SHINGLE_HASHING:
            raise ValueError(
                f"saved with shingle hashing {meta.get('shingle_hashing')!r}: rebuild it"
            )
        if meta["minhash_scheme"] != index.scheme or arrays["sigs"].dtype != index.sigs.dtype:
            raise ValueError(
                f"saved with MinHash scheme {meta['minhash_scheme']!r} (datasketch "
                f"{meta['datasketch_version']}); this datasketch uses {index.scheme!r}: rebuild it"
            )
        for row, article_id in enumerate(meta["ids"]):
            indexed = bool(arrays["indexed"][row])
            index.append(
                article_id,
                arrays["sigs"][row],
                int(arrays["sizes"][row]),
                int(arrays["hashes"][row]),
                int(arrays["times"][row]),
                int(arrays["parents"][row]),
                index.minhash_from(arrays["sigs"][row]) if indexed else None,
            )
        index.evict(int(meta.get("kept", 0)))
        detector._index = index
        return detector


def _originals(index: _Index, roots: list[int]) -> dict[str, str]:
    """Map every non-original member of each group to the group's earliest member."""
    best: dict[int, int] = {}
    for row, root in enumerate(roots):
        current = best.get(root)
        if current is None or (index.times[row], index.ids[row]) < (
            index.times[current],
            index.ids[current],
        ):
            best[root] = row
    return {
        index.ids[row]: index.ids[best[root]] for row, root in enumerate(roots) if best[root] != row
    }
