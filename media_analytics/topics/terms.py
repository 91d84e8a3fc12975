"""Top terms of a topic, without repeats, in the words analysts read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from ..preprocessing.tokens import SurfaceForms, written_words

__all__ = ["PHRASE_SHARE", "WrittenPhrases", "readable_term", "select_terms", "word_stems"]

#: A two-word term is a phrase when at least this share of its occurrences (as consecutive
#: tokens) are its two words written side by side, with only spaces between. The others are
#: pairs of tokens that met across punctuation ("Jakarta Selatan, Selasa"), a line break or a
#: word left out ("ditertibkan atau dicabut"): no one wrote them.
PHRASE_SHARE = 0.5


def select_terms(
    weights: np.ndarray,
    feature_names: Sequence[str] | np.ndarray,
    n: int,
    keep: Callable[[str], bool] | None = None,
) -> list[str]:
    """The ``n`` best-weighted terms, with each word appearing in at most one of them.

    Terms are unigrams or space-joined bigrams. Scanning from the best weight down:

    - a term that repeats a word already shown is skipped (``pilkada`` after ``aman pilkada``,
      or ``aman pilkada`` after ``aman`` and ``tps``), so a label never says the same thing twice
      and coherence scores are not inflated by a phrase agreeing with its own parts;
    - except that a bigram whose words were both already chosen as separate unigrams replaces
      them (``joko, widodo`` becomes ``joko widodo``) when it ranks within the top ``2 * n``;
    - with ``keep`` (phrases checked), a word is not shown alone when a phrase it belongs to was
      skipped for overlapping a chosen term: after ``bunga pinjaman``, ``suku bunga`` is
      skipped, and ``suku`` alone would be half of it; when the phrase's other word was chosen
      alone (``balap``, then ``balap liar``, then ``liar``), the phrase replaces it.

    Parameters
    ----------
    weights : ndarray of shape (n_terms,)
        Term weights of one topic (larger is better); terms with weight <= 0 are never chosen.
    feature_names : sequence of str
        Term of each column.
    n : int
        Number of terms wanted (fewer are returned when fewer have a positive weight).
    keep : callable, optional
        Two-word terms for which it returns False are never chosen
        (:meth:`WrittenPhrases.is_phrase`).

    Examples
    --------
    >>> names = ["joko", "widodo", "joko widodo", "presiden", "istana"]
    >>> select_terms(np.array([0.9, 0.8, 0.7, 0.6, 0.0]), names, 3)
    ['joko widodo', 'presiden']
    """
    weights = np.asarray(weights)
    positive = int(np.count_nonzero(weights > 0))
    budget = min(positive, max(20 * n, 200))
    if budget == 0:
        return []
    candidates = np.argpartition(-weights, budget - 1)[:budget]
    # stable order: by weight, then by column, so ties never depend on the partition
    order = candidates[np.lexsort((candidates, -weights[candidates]))]
    chosen: list[str] = []
    owner: dict[str, str] = {}  # word -> the chosen term that contains it
    halves: dict[str, str] = {}  # word -> a phrase of it that lost to an overlapping term
    for rank, j in enumerate(order):
        if len(chosen) >= n:
            break
        term = str(feature_names[j])
        words = term.split(" ")
        if keep is not None and len(words) > 1 and not keep(term):
            continue
        holders = [owner.get(w) for w in words]
        if all(h is None for h in holders):
            if len(words) == 1 and term in halves:
                # half of a phrase: the phrase itself when its other words stand alone
                # (``balap``, then ``balap liar`` skipped, then ``liar``: ``balap liar``)
                phrase = halves[term]
                others = [owner.get(w) for w in phrase.split(" ") if w != term]
                if all(h is not None and " " not in h for h in others):
                    at = min(chosen.index(h) for h in others if h is not None)
                    for h in others:
                        if h is not None:
                            chosen.remove(h)
                    chosen.insert(at, phrase)
                    owner.update((w, phrase) for w in phrase.split(" "))
                continue
            chosen.append(term)
            owner.update((w, term) for w in words)
            continue
        merge = (
            len(words) > 1
            and rank < 2 * n
            and all(h is not None and " " not in h for h in holders)
            and len(set(holders)) == len(words)
        )
        if merge:
            first = min(chosen.index(h) for h in holders if h is not None)
            for h in holders:
                if h is not None:
                    chosen.remove(h)
            chosen.insert(min(first, len(chosen)), term)
            owner.update((w, term) for w in words)
        elif keep is not None and len(words) > 1:
            halves.update((w, term) for w, h in zip(words, holders, strict=True) if h is None)
    return chosen


def readable_term(term: str, surface_forms: Any, phrases: WrittenPhrases | None = None) -> str:
    """A stem (or space-joined stems) as the written words: ``aman pilkada`` ->
    ``pengamanan pilkada``.

    ``surface_forms`` is a :class:`~media_analytics.preprocessing.SurfaceForms`, a plain
    ``dict`` stem -> word, or ``None`` (the stems are returned unchanged). A two-word term that
    ``phrases`` knows is shown as it is most often written (``latih timnas`` -> ``pelatih
    timnas``, where word by word it would read ``pelatihan timnas``).

    >>> readable_term("aman pilkada", {"aman": "pengamanan"})
    'pengamanan pilkada'
    """
    if phrases is not None and " " in term:
        written = phrases.phrase(term)
        if written is not None:
            return written
    if surface_forms is None:
        return term
    if isinstance(surface_forms, Mapping):
        return " ".join(str(surface_forms.get(p, p)) for p in term.split(" "))
    return " ".join(str(surface_forms[p]) for p in term.split(" "))


def word_stems(surface_forms: Any) -> dict[str, str] | None:
    """Written word -> stem from surface forms (a ``SurfaceForms`` knows every written form, a
    plain ``dict`` stem -> word only the one it keeps); ``None`` when there are none (the tokens
    are then the written words themselves)."""
    if surface_forms is None:
        return None
    if isinstance(surface_forms, SurfaceForms):
        return surface_forms.word_stems()
    return {str(w): str(s) for s, w in dict(surface_forms).items()}


class WrittenPhrases:
    """How the two-word terms of a vocabulary are written in the texts they were counted from.

    A term's tokens are consecutive in the token stream, but the written words may not have
    been side by side: punctuation, a line break or a left-out word (a stopword, a number) may
    stand between them. For each term, the occurrences are counted, and the written phrases
    among them (the two words with only spaces between, as written).

    Examples
    --------
    >>> texts = ["Pelatih timnas di Jakarta Selatan, Selasa.", "pelatih timnas baru"]
    >>> stems = {"pelatih": "latih", "timnas": "timnas", "jakarta": "jakarta",
    ...          "selatan": "selatan", "selasa": "selasa", "baru": "baru"}
    >>> p = WrittenPhrases.count(texts, ["latih timnas", "selatan selasa"], stems)
    >>> p.phrase("latih timnas"), p.phrase("selatan selasa")
    ('pelatih timnas', None)
    """

    def __init__(
        self,
        forms: Mapping[str, Counter[str]],
        occurrences: Mapping[str, int],
        *,
        min_share: float = PHRASE_SHARE,
    ) -> None:
        self.forms = dict(forms)
        self.occurrences = dict(occurrences)
        self.min_share = min_share

    @classmethod
    def count(
        cls,
        texts: Iterable[str],
        terms: Iterable[str],
        stems: Mapping[str, str] | None,
        *,
        min_share: float = PHRASE_SHARE,
    ) -> WrittenPhrases:
        """Count the two-word ``terms`` in ``texts``; ``stems`` maps a written word to its token
        (a word it lacks is one the tokens left out), ``None`` when tokens are the words."""
        wanted = {t for t in terms if " " in t}
        forms: dict[str, Counter[str]] = {}
        occurrences: Counter[str] = Counter()
        for text in texts:
            last_stem, last_word, last_at = "", "", -2
            for at, (word, joined) in enumerate(written_words(text)):
                stem = word if stems is None else stems.get(word)
                if stem is None:
                    continue
                if last_stem:
                    term = f"{last_stem} {stem}"
                    if term in wanted:
                        occurrences[term] += 1
                        if joined and last_at == at - 1:
                            forms.setdefault(term, Counter())[f"{last_word} {word}"] += 1
                last_stem, last_word, last_at = stem, word, at
        return cls(forms, occurrences, min_share=min_share)

    def phrase(self, term: str) -> str | None:
        """The most frequent written form of ``term`` (ties alphabetical), or ``None`` when it
        is no phrase: less than ``min_share`` of its occurrences written side by side."""
        forms = self.forms.get(term)
        if not forms or sum(forms.values()) < self.min_share * self.occurrences.get(term, 0):
            return None
        return min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0]

    def is_phrase(self, term: str) -> bool:
        """Whether ``term`` may be shown: one word, or a phrase (:meth:`phrase`)."""
        return " " not in term or self.phrase(term) is not None
