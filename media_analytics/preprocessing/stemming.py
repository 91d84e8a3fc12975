"""Sastrawi stemming behind a bounded, persistent cache.

PySastrawi's ``StemmerFactory().create_stemmer()`` wraps its stemmer in a cache that never forgets,
which grows without limit in a job that runs for years. Here the same stemmer sits behind a cache
with a size bound that can be saved with a model and loaded back, so a batch job starts warm.

The output is PySastrawi's by construction: a miss calls PySastrawi's own ``Stemmer.stem``; the
cache only remembers answers.
"""

from __future__ import annotations

import gzip
import json
import os
import weakref
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["DEFAULT_CACHE_SIZE", "StemCache", "default_cache", "stem"]

#: the largest stem cache file :meth:`StemCache.load` inflates (bytes of JSON)
MAX_CACHE_BYTES = 256 * 2**20
DEFAULT_CACHE_SIZE = 500_000
_STEMMER: Any = None


def _sastrawi() -> Any:
    """The PySastrawi stemmer without its unbounded cache (built once per process)."""
    global _STEMMER
    if _STEMMER is None:
        from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
        from Sastrawi.Stemmer.Stemmer import Stemmer
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        words = StemmerFactory().get_words()
        _STEMMER = Stemmer(ArrayDictionary(words))
    return _STEMMER


class StemCache:
    """A bounded word -> stem cache in front of PySastrawi.

    Parameters
    ----------
    maxsize : int
        Upper bound on remembered words. When it is exceeded the oldest quarter of the entries is
        dropped (insertion order), which keeps look-ups a plain ``dict`` access on the hot path.

    Examples
    --------
    >>> cache = StemCache(maxsize=1000)
    >>> cache.stem("pengamanan"), cache.stem("kegiatan"), cache.stem("buku-buku")
    ('aman', 'giat', 'buku')
    >>> len(cache)
    3
    """

    def __init__(self, maxsize: int = DEFAULT_CACHE_SIZE) -> None:
        if maxsize < 1:
            raise ValueError(f"maxsize must be >= 1, got {maxsize}")
        self.maxsize = maxsize
        self._data: dict[str, str] = {}
        # Words stemmed since the log was last drained, kept only once a worker pool asked for
        # them (``start_log``): a single process would otherwise hold every miss for good.
        self._log: list[tuple[str, str]] | None = None
        # bound methods told of the entries ``update`` adds (held weakly: see ``subscribe``)
        self._listeners: list[weakref.WeakMethod[Callable[[list[tuple[str, str]]], None]]] = []
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, word: object) -> bool:
        return word in self._data

    def stem(self, word: str) -> str:
        """Return PySastrawi's stem of ``word`` (cached)."""
        try:
            result = self._data[word]
        except KeyError:
            pass
        else:
            self.hits += 1
            return result
        self.misses += 1
        result = _sastrawi().stem(word)
        self._store(word, result)
        if self._log is not None:
            self._log.append((word, result))
        return result

    def stem_many(self, words: Iterable[str]) -> list[str]:
        """Stem a sequence of words."""
        words = words if isinstance(words, (list, tuple)) else list(words)
        # the look-ups run in C; once warm every word is known, and the first miss (a KeyError)
        # sends the call the slower way, where only the missing words go word by word
        try:
            return list(map(self._data.__getitem__, words))
        except KeyError:
            pass
        out: list[str | None] = list(map(self._data.get, words))
        if None in out:
            for i, result in enumerate(out):
                if result is None:
                    out[i] = self.stem(words[i])
        return out  # type: ignore[return-value]

    def _store(self, word: str, result: str) -> None:
        data = self._data
        data[word] = result
        if len(data) > self.maxsize:
            drop = max(1, len(data) // 4)
            for key in list(data)[:drop]:
                del data[key]

    def update(self, entries: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
        """Add known ``word -> stem`` entries (for example those another process computed)."""
        items = entries.items() if isinstance(entries, Mapping) else entries
        data = self._data
        added: list[tuple[str, str]] | None = [] if self._listeners else None
        for word, result in items:
            if word not in data:
                self._store(word, result)
                if added is not None:
                    added.append((word, result))
        if added:
            alive = []
            for ref in self._listeners:
                callback = ref()
                if callback is not None:
                    callback(added)
                    alive.append(ref)
            self._listeners = alive

    def subscribe(self, callback: Callable[[list[tuple[str, str]]], None]) -> None:
        """Have ``callback(entries)`` called with the new entries each :meth:`update` adds.

        ``callback`` must be a bound method; it is held weakly, so subscribing does not keep its
        object alive. A worker's token memo uses this to learn the words the other workers
        stemmed before it meets them.
        """
        self._listeners = [r for r in self._listeners if r() is not None]
        self._listeners.append(weakref.WeakMethod(callback))

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_listeners"] = []  # weak references do not travel
        return state

    def start_log(self) -> None:
        """Record from now on the words this cache stems (for :meth:`drain_log`)."""
        if self._log is None:
            self._log = []

    def drain_log(self) -> list[tuple[str, str]]:
        """Return and clear the entries stemmed here since the last call (or since
        :meth:`start_log`; nothing is recorded before it)."""
        if self._log is None:
            return []
        log, self._log = self._log, []
        return log

    def to_dict(self) -> dict[str, str]:
        """A copy of the cached entries."""
        return dict(self._data)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the cache as gzip-compressed JSON (plain data, safe to load)."""
        payload: dict[str, Any] = {
            "format": "media_analytics.stem_cache",
            "version": 1,
            "maxsize": self.maxsize,
            "entries": self._data,
        }
        with gzip.open(Path(path), "wt", encoding="utf-8") as f:
            json.dump(payload, f, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> StemCache:
        """Read a cache written by :meth:`save`."""
        with gzip.open(Path(path), "rb") as f:
            # a stem cache of a full-size model is a few MB; a file that inflates beyond the
            # limit is refused before it fills memory (a "zip bomb" in a downloaded model)
            raw = f.read(MAX_CACHE_BYTES + 1)
        if len(raw) > MAX_CACHE_BYTES:
            raise ValueError(
                f"{path}: stem cache larger than {MAX_CACHE_BYTES // 2**20} MB once decompressed"
            )
        payload = json.loads(raw.decode("utf-8"))
        if not isinstance(payload, dict):
            raise ValueError(f"{path}: not a media_analytics stem cache (version 1)")
        if payload.get("format") != "media_analytics.stem_cache" or payload.get("version") != 1:
            raise ValueError(f"{path}: not a media_analytics stem cache (version 1)")
        entries = payload["entries"]
        if not isinstance(entries, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in entries.items()
        ):
            raise ValueError(f"{path}: stem cache entries must map strings to strings")
        cache = cls(maxsize=int(payload["maxsize"]))
        cache.update(entries)
        return cache

    def __repr__(self) -> str:
        return f"StemCache(maxsize={self.maxsize}, size={len(self)})"


_DEFAULT = StemCache()


def default_cache() -> StemCache:
    """The process-wide cache used by :func:`stem` and the preprocessing pipeline."""
    return _DEFAULT


def stem(word: str) -> str:
    """Stem one word exactly as PySastrawi's ``StemmerFactory().create_stemmer().stem`` does.

    >>> stem("pengamanan"), stem("berlangsungnya"), stem("Kegiatan")
    ('aman', 'langsung', 'giat')
    """
    if not isinstance(word, str):
        raise TypeError(f"stem expects str, got {type(word).__name__}")
    return _DEFAULT.stem(word)
