"""Seed-term rules: where in an article the taxonomy's evidence stands.

Matching runs on stems, so the seed phrase ``pengamanan pilkada`` matches ``mengamankan Pilkada``
and ``pengamanan di TPS`` matches ``pengamanan tps`` (stopwords between words are skipped). Every
hit keeps the character offsets of the words in the cleaned text, so an explanation always points
at text that is really there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..preprocessing import StemCache, default_cache, tokenize
from .taxonomy import Taxonomy

__all__ = ["FEATURES", "GAP_WORDS", "Hit", "RuleMatcher", "sentence_spans"]

#: Function words skipped between the words of a seed phrase ("pengamanan di TPS" matches the
#: seed "pengamanan tps"). Deliberately small: content words such as "jawab" or "dengar" that
#: general stopword lists contain are evidence here.
GAP_WORDS = frozenset(
    (
        "di",
        "ke",
        "dari",
        "dan",
        "yang",
        "untuk",
        "pada",
        "dalam",
        "dengan",
        "oleh",
        "serta",
        "atau",
        "para",
        "sang",
        "si",
        "itu",
        "ini",
        "tersebut",
        "akan",
        "telah",
        "sudah",
        "juga",
        "pun",
        "bagi",
        "kepada",
        "terhadap",
        "antara",
        "agar",
        "supaya",
        "secara",
        "saat",
        "se",
        "nya",
        "sebagai",
        "selama",
        "jelang",
        "menjelang",
        "usai",
        "seusai",
        "sejumlah",
    )
)
_WORD = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")

#: names of the per-theme rule features, in the order :meth:`RuleMatcher.features` returns them
FEATURES = (
    "phrases",  # distinct strong phrases matched (at most 3 counted)
    "phrase_hits",  # all strong phrase matches (log-scaled)
    "terms_anchored",  # distinct weak terms (log-scaled) when a phrase or near rule also matched
    "terms_alone",  # distinct weak terms (log-scaled) when nothing stronger matched
    "near",  # proximity rule matches (log-scaled)
    "negative",  # veto cues matched
    "title",  # any strong phrase or near match in the title
    "lead",  # any strong phrase or near match in the first two sentences
)


@dataclass(frozen=True)
class Hit:
    """One piece of evidence: what matched, where, and of which kind."""

    theme: str
    kind: str  # "phrase", "term", "near" or "negative"
    seed: str  # the taxonomy entry that matched
    start: int  # character offsets into the text that was matched
    end: int
    in_title: bool = False


_ABBREV = {
    "pt", "cv", "dr", "h", "hj", "ir", "drs", "no", "st", "jl", "jln", "kec", "kab", "prof", "tbk",
    "sh", "mh", "si", "se", "mm", "msi", "sos", "spd", "kol", "let", "brigjen", "kombes", "ipda",
    "bpk", "ny", "sdr", "tn", "mr", "mrs", "a", "b", "c", "d", "e", "m", "s",
}  # fmt: skip
_LAST_WORD = re.compile(r"([A-Za-z.]+)$")
_SENT_END = re.compile(r"[.!?]+[\"”’']?(?=\s+[\"“‘'(A-Z0-9])|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (abbreviations such as ``PT.`` do not end one).

    >>> t = "Kapolsek IPTU Anra, S.H., hadir di PT. Jaya. Ia berpesan. Warga senang!"
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Kapolsek IPTU Anra, S.H., hadir di PT. Jaya.', 'Ia berpesan.', 'Warga senang!']
    """
    spans = []
    start = 0
    for m in _SENT_END.finditer(text):
        if m.group().startswith("."):
            prev = _LAST_WORD.search(text, max(start, m.start() - 16), m.start())
            if prev and prev.group(1).replace(".", "").lower() in _ABBREV:
                continue
        end = m.end() if not m.group().startswith("\n") else m.start()
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = m.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


@dataclass(frozen=True)
class _Seed:
    theme: int
    kind: str
    seed: str
    stems: tuple[str, ...]
    forms: frozenset[str] | None = None  # single affixed words match these written forms only


_CLITICS = ("", "nya", "lah", "kah", "pun")


class _PhraseSet:
    """Stemmed words and multi-word phrases of a proximity rule side."""

    def __init__(self, phrases: Iterable[tuple[tuple[str, ...], frozenset[str] | None]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], frozenset[str] | None]]] = {}
        for p, forms in phrases:
            self._by_first.setdefault(p[0], []).append((p, forms))

    def positions(
        self, words: Sequence[str], stems: Sequence[str], where: Mapping[str, list[int]]
    ) -> list[int]:
        """Indices where one of the phrases starts (``where``: stem -> its indices)."""
        out = []
        for first, cands in self._by_first.items():
            for i in where.get(first, ()):
                if any(
                    tuple(stems[i : i + len(p)]) == p and (forms is None or words[i] in forms)
                    for p, forms in cands
                ):
                    out.append(i)
        out.sort()
        return out


class RuleMatcher:
    """Finds a taxonomy's seed evidence in texts.

    Parameters
    ----------
    taxonomy : Taxonomy
    cache : StemCache, optional
        The stem cache to use (the process-wide one by default).
    """

    def __init__(self, taxonomy: Taxonomy, cache: StemCache | None = None) -> None:
        self.taxonomy = taxonomy
        self._stop = GAP_WORDS
        self._cache = cache if cache is not None else default_cache()
        self._index: dict[str, list[_Seed]] = {}
        self._near: list[tuple[int, str, _PhraseSet, _PhraseSet, int]] = []
        for ti, theme in enumerate(taxonomy.themes):
            for kind, seeds in (
                ("phrase", theme.phrases),
                ("term", theme.terms),
                ("negative", theme.negative),
            ):
                for seed in seeds:
                    stems, forms = self._compile(seed, theme.id)
                    self._index.setdefault(stems[0], []).append(_Seed(ti, kind, seed, stems, forms))
            for k, rule in enumerate(theme.near):
                a = _PhraseSet(self._compile(w, theme.id) for w in rule.a)
                b = _PhraseSet(self._compile(w, theme.id) for w in rule.b)
                self._near.append((ti, f"near{k + 1}", a, b, rule.window))
        for entries in self._index.values():  # longest phrase first, so it wins at a position
            entries.sort(key=lambda e: -len(e.stems))

    def _compile(self, seed: str, theme_id: str) -> tuple[tuple[str, ...], frozenset[str] | None]:
        stems = self._stem_phrase(seed)
        if not stems:
            raise ValueError(f"theme {theme_id}: seed {seed!r} is made only of function words")
        # A single affixed word ("masukan", "relawan") matches its own written forms only: its stem
        # ("masuk", "rawan") is shared by words that mean something else ("termasuk", "rawan").
        # Roots ("curhat", "aman") and phrases match by stem, so they cover every derivation.
        words = [w for w in tokenize(seed) if w not in self._stop]
        forms = None
        if len(stems) == 1 and stems[0] != words[0]:
            forms = frozenset(words[0] + c for c in _CLITICS)
        return stems, forms

    def _stem_phrase(self, phrase: str) -> tuple[str, ...]:
        words = [w for w in tokenize(phrase) if w not in self._stop]
        return tuple(self._cache.stem_many(words))

    def _words(self, text: str) -> tuple[list[str], list[str], list[tuple[int, int]]]:
        words, spans = [], []
        stop = self._stop
        for m in _WORD.finditer(text):
            w = m.group().lower()
            if w in stop:
                continue
            words.append(w)
            spans.append((m.start(), m.end()))
        return words, self._cache.stem_many(words), spans

    def match(self, text: str, title: str = "") -> list[Hit]:
        """All evidence in ``title`` and ``text``.

        Offsets of hits in the title refer to ``title``, the others to ``text`` (``in_title`` tells
        which). Proximity rules only pair words of the same sentence, and a veto cue cancels the
        theme's other evidence in its own sentence (the cancelled hits come back with kind
        ``"vetoed"``, so explanations can show them).
        """
        return self.analyse(text, title)[0]

    def analyse(self, text: str, title: str = "") -> tuple[list[Hit], int]:
        """:meth:`match` plus the end offset of the lead (the first two sentences of ``text``)."""
        hits: list[Hit] = []
        lead_end = 0
        for part, is_title in ((title, True), (text, False)):
            if not part:
                continue
            words, stems, spans = self._words(part)
            sentences = [(0, len(part))] if is_title else sentence_spans(part)
            if not is_title and sentences:
                lead_end = sentences[min(1, len(sentences) - 1)][1]
            found = list(self._match_seeds(words, stems, spans, is_title))
            found.extend(self._match_near(words, stems, spans, sentences, is_title))
            hits.extend(_apply_vetoes(found, sentences))
        return hits, lead_end

    def _match_seeds(
        self, words: list[str], stems: list[str], spans: list[tuple[int, int]], is_title: bool
    ) -> Iterable[Hit]:
        themes = self.taxonomy.themes
        index = self._index
        n = len(stems)
        for i, s in enumerate(stems):
            seeds = index.get(s)
            if not seeds:
                continue
            taken: set[tuple[int, str]] = set()
            for seed in seeds:
                k = len(seed.stems)
                if i + k > n or tuple(stems[i : i + k]) != seed.stems:
                    continue
                if seed.forms is not None and words[i] not in seed.forms:
                    continue
                key = (seed.theme, seed.kind)
                if key in taken:  # a longer seed of the same kind already matched here
                    continue
                taken.add(key)
                yield Hit(
                    themes[seed.theme].id,
                    seed.kind,
                    seed.seed,
                    spans[i][0],
                    spans[i + k - 1][1],
                    is_title,
                )

    def _match_near(
        self,
        words: list[str],
        stems: list[str],
        spans: list[tuple[int, int]],
        sentences: list[tuple[int, int]],
        is_title: bool,
    ) -> Iterable[Hit]:
        themes = self.taxonomy.themes
        # sentence number of every word, so a rule never pairs words across a full stop
        ends = [b for _, b in sentences]
        sent_of = []
        k = 0
        for a, _ in spans:
            while k < len(ends) - 1 and a >= ends[k]:
                k += 1
            sent_of.append(k)
        where: dict[str, list[int]] = {}
        for i, s in enumerate(stems):
            where.setdefault(s, []).append(i)
        for ti, name, side_a, side_b, window in self._near:
            pos_a = side_a.positions(words, stems, where)
            if not pos_a:
                continue
            pos_b = side_b.positions(words, stems, where)
            used_b: set[int] = set()
            for i in pos_a:
                j = next(
                    (
                        j
                        for j in pos_b
                        if j != i
                        and abs(j - i) <= window
                        and sent_of[j] == sent_of[i]
                        and j not in used_b
                    ),
                    None,
                )
                if j is None:
                    continue
                used_b.add(j)
                lo, hi = min(i, j), max(i, j)
                yield Hit(themes[ti].id, "near", name, spans[lo][0], spans[hi][1], is_title)

    def features(self, hits: Sequence[Hit], lead_end: int | None = None) -> np.ndarray:
        """Rule features (:data:`FEATURES`) per theme, shape ``(n_themes, len(FEATURES))``."""
        ids = {t.id: i for i, t in enumerate(self.taxonomy.themes)}
        out = np.zeros((len(ids), len(FEATURES)), dtype=np.float64)
        phrases: list[set[str]] = [set() for _ in ids]
        terms: list[set[str]] = [set() for _ in ids]
        hits_n = np.zeros(len(ids))
        near_n = np.zeros(len(ids))
        for h in hits:
            i = ids[h.theme]
            if h.kind == "phrase":
                phrases[i].add(h.seed)
                hits_n[i] += 1
            elif h.kind == "term":
                terms[i].add(h.seed)
            elif h.kind == "near":
                near_n[i] += 1
            elif h.kind == "negative":
                out[i, 5] += 1
            if h.kind in ("phrase", "near"):
                if h.in_title:
                    out[i, 6] = 1
                elif lead_end is not None and h.start < lead_end:
                    out[i, 7] = 1
        n_phr = np.array([min(len(p), 3) for p in phrases], dtype=float)
        n_terms = np.log1p([len(t) for t in terms])
        anchored = (n_phr + near_n) > 0
        out[:, 0] = n_phr
        out[:, 1] = np.log1p(hits_n)
        out[:, 2] = np.where(anchored, n_terms, 0.0)
        out[:, 3] = np.where(anchored, 0.0, n_terms)
        out[:, 4] = np.log1p(near_n)
        return out


def _apply_vetoes(hits: list[Hit], sentences: list[tuple[int, int]]) -> list[Hit]:
    """Cancel a theme's evidence that shares a sentence with one of its veto cues."""
    vetoes = [h for h in hits if h.kind == "negative"]
    if not vetoes:
        return hits

    def sentence(pos: int) -> int:
        for k, (a, b) in enumerate(sentences):
            if a <= pos < b:
                return k
        return -1

    vetoed = {(h.theme, sentence(h.start)) for h in vetoes}
    out = []
    for h in hits:
        if h.kind != "negative" and (h.theme, sentence(h.start)) in vetoed:
            h = Hit(h.theme, "vetoed", h.seed, h.start, h.end, h.in_title)
        out.append(h)
    return out
