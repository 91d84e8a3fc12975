"""Tone of a whole article: sentences scored one by one, then a weighted mean.

One bag of words over a 2,000-word article lets the many neutral procedural sentences drown the
few that carry the story's lean, and it differs too much from the short texts the classifier was
trained on. Here every sentence is scored on its own and the probability vectors are averaged
with these weights (:data:`DEFAULT_WEIGHTS`):

- the headline counts 3 times: it is the editor's own summary of the story;
- the lead (the first two sentences of the body) counts 2 times: Indonesian news puts what
  happened there;
- a sentence that is mostly a direct quotation (at least half of its characters between
  quote marks) counts 0.5 times: sources speak for themselves (officials tend to sound upbeat
  even in bad news), and the article's tone is the reporter's framing;
- every other sentence counts once; sentences with fewer than 3 words are skipped (captions,
  bylines).

Sentences are those of :func:`media_analytics.themes.sentence_spans`, further cut where scraping
turned a paragraph break into a comma (``kata dia.,Berikut ...``; :func:`article_sentences`):
otherwise a whole scraped paragraph would be read, and weighted, as one sentence.

The label follows the article's lean, ``polarity`` = weighted mean of P(positive) - P(negative):
``positive`` when it is at least :data:`NEUTRAL_BAND` (0.15), ``negative`` when it is at most
-0.15, ``neutral`` in between. Neutral, procedural sentences are the bulk of most news, so the
arg-max of the mean probabilities would call nearly every article neutral; the lean asks instead
whether the sentences that do carry a polarity lean clearly one way (0.15 is reached, for
instance, when a fifth of the weighted text is clearly positive and the rest neutral). The band
was chosen on the project's own 330 sample articles (``corpora/sample``, gold tone per article):
of 0.05, 0.1, 0.15, 0.2 and 0.25 it gave the best macro-F1 there.
Articles whose positive and negative sentences cancel out are neutral. ``score`` is the mean
probability of the chosen label, which need not be the most probable class (a neutral majority
with a clear negative lean is ``negative``): a scored record carries all three
``probabilities`` and the ``polarity`` beside it (:func:`tone_record`). Boilerplate (``Baca
juga``, credits, datelines) is removed first with
:func:`media_analytics.preprocessing.clean_article`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from ..preprocessing import clean_article, clean_title, tokenize
from ..themes.rules import abbreviation_before, sentence_spans
from .labels import LABELS, canonical_classes

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DEFAULT_WEIGHTS",
    "NEUTRAL_BAND",
    "ArticleTone",
    "ToneUnit",
    "article_sentences",
    "article_tone",
    "lean_label",
    "lean_rule",
    "quoted_share",
    "resolve_weights",
    "tone_from",
    "tone_record",
    "tone_units",
]

#: Weights of the aggregation rule (see the module documentation).
DEFAULT_WEIGHTS: Mapping[str, float] = {"headline": 3.0, "lead": 2.0, "quote": 0.5, "body": 1.0}
#: Half-width of the polarity band labelled neutral (see the module documentation).
NEUTRAL_BAND = 0.15
_LEAD_SENTENCES = 2
_MIN_WORDS = 3

# The tokens of :func:`~media_analytics.preprocessing.tokenize` on plain lower-case ASCII text.
_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A quotation between curly or straight double quotes (cleaning keeps both kinds).
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")
# A paragraph break that scraping turned into a comma: a sentence's final mark (and closing
# quote) followed straight away by a comma and a capital letter, as in ``kata dia.,Berikut``.
# Edited prose never reads like that, so the comma separates two sentences.
_JOINED = re.compile(r"[.!?][\"”’']?,(?=\s*[\"“‘']?[A-Z])")


def quoted_share(sentence: str) -> float:
    """Share of the sentence's characters that stand between double quote marks.

    >>> round(quoted_share('“Kami siap menjaga keamanan,” ujar Kapolsek.'), 2)
    0.66
    """
    if not sentence:
        return 0.0
    inside = sum(m.end() - m.start() for m in _QUOTED.finditer(sentence))
    if inside == 0 and sentence.count("“") == 1 and "”" not in sentence:
        # a quotation that runs over several sentences opens here and closes later
        inside = len(sentence) - sentence.index("“")
    elif inside == 0 and sentence.count("”") == 1 and "“" not in sentence:
        inside = sentence.index("”") + 1
    return inside / len(sentence)


def lean_label(polarity: float, band: float | tuple[float, float] = NEUTRAL_BAND) -> str:
    """``positive`` / ``negative`` when ``polarity`` leaves the neutral band, else ``neutral``.

    ``band`` is the half-width of the neutral band, or a pair ``(negative, positive)``: negative
    at ``polarity <= -negative``, positive at ``polarity >= positive``.

    >>> lean_label(0.35), lean_label(-0.15), lean_label(0.1)
    ('positive', 'negative', 'neutral')
    >>> lean_label(-0.12, (0.1, 0.2)), lean_label(0.15, (0.1, 0.2))
    ('negative', 'neutral')
    """
    negative, positive = band if isinstance(band, tuple) else (band, band)
    if polarity >= positive:
        return "positive"
    if polarity <= -negative:
        return "negative"
    return "neutral"


def lean_rule(polarity: float, band: float | tuple[float, float] = NEUTRAL_BAND) -> str:
    """Why :func:`lean_label` gives ``polarity`` its label, in one line for an explanation.

    >>> lean_rule(-0.11, 0.25).split(" (")[0]
    'neutral: the lean P(positive) - P(negative) = -0.110 lies between -0.25 and 0.25'
    >>> lean_rule(0.4)
    'positive: the lean P(positive) - P(negative) = +0.400 reaches 0.15'
    """
    negative, positive = band if isinstance(band, tuple) else (band, band)
    label = lean_label(polarity, band)
    lean = f"the lean P(positive) - P(negative) = {polarity:+.3f}"
    if label == "positive":
        return f"positive: {lean} reaches {positive:g}"
    if label == "negative":
        return f"negative: {lean} reaches -{negative:g}"
    return (
        f"neutral: {lean} lies between -{negative:g} and {positive:g} (the label follows the "
        "lean, not the largest probability)"
    )


class ToneUnit(NamedTuple):
    """One scored piece of an article: the headline or a body sentence."""

    start: int  # offsets into the cleaned body; -1 for the headline
    end: int
    part: str  # headline / lead / quote / body
    weight: float
    sentence: int  # index into ``article_sentences(body)``; -1 for the headline


@dataclass(frozen=True)
class ArticleTone:
    """The tone of one article and how it was reached.

    Attributes
    ----------
    label : str
        ``negative``, ``neutral`` or ``positive``.
    score : float
        Weighted-mean probability of ``label``.
    polarity : float
        Weighted mean of P(positive) - P(negative), from -1 to 1.
    probabilities : dict of str to float
        Weighted-mean probability of each class.
    text : str
        The cleaned body the offsets refer to.
    units : tuple of ToneUnit
        The headline and sentences that were scored, with their part and weight.
    unit_proba : ndarray of shape (len(units), n_classes)
        Their class probabilities, columns in ``classes`` order.
    classes : tuple of str
    sentences : pandas.DataFrame
        One row per scored sentence: ``start``, ``end`` (offsets into the cleaned body; -1 for
        the headline), ``part`` (headline / lead / quote / body), ``weight``, ``label`` and the
        three class probabilities. Built from ``units`` when first read.
    """

    label: str
    score: float
    polarity: float
    probabilities: dict[str, float]
    text: str = field(repr=False, default="")
    units: tuple[ToneUnit, ...] = field(repr=False, default=())
    unit_proba: np.ndarray = field(repr=False, default_factory=lambda: np.zeros((0, 3)))
    classes: tuple[str, ...] = field(repr=False, default=LABELS)

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """The scored sentences as a table (see the class documentation)."""
        import pandas as pd

        frame = pd.DataFrame(
            [u[:4] for u in self.units], columns=["start", "end", "part", "weight"]
        )
        # an article with no sentence long enough to score still gets every column
        frame["label"] = [self.classes[i] for i in self.unit_proba.argmax(axis=1)]
        for j, c in enumerate(self.classes):
            frame[c] = self.unit_proba[:, j]
        return frame

    def to_dict(self) -> dict[str, Any]:
        """The scored-record form (:func:`tone_record`): label, score, probabilities, polarity."""
        return tone_record(self.label, self.probabilities)


def tone_record(label: str, probabilities: Mapping[str, float]) -> dict[str, Any]:
    """The ``sentiment`` of a scored record: the label and the probabilities it was read from.

    ``score`` is the probability of ``label``; ``probabilities`` holds every class's
    (``negative``, ``neutral``, ``positive``) and ``polarity`` is P(positive) - P(negative),
    what the lean rule reads; each is rounded to 4 decimals. The lean rule can call an article
    negative while neutral is more probable, so ``score`` is no confidence: the largest of
    ``probabilities`` is.

    >>> tone_record("negative", {"negative": 0.39104, "neutral": 0.53, "positive": 0.07896})
    ... # doctest: +NORMALIZE_WHITESPACE
    {'label': 'negative', 'score': 0.391,
     'probabilities': {'negative': 0.391, 'neutral': 0.53, 'positive': 0.079},
     'polarity': -0.3121}
    """
    shown = {c: round(float(probabilities[c]), 4) for c in LABELS}
    polarity = float(probabilities["positive"]) - float(probabilities["negative"])
    return {
        "label": label,
        "score": shown[label],
        "probabilities": shown,
        "polarity": round(polarity, 4) + 0.0,  # + 0.0: no -0.0 in the record
    }


def _has_words(sentence: str, n: int) -> bool:
    """Whether ``tokenize(sentence)`` has at least ``n`` tokens (without building the list)."""
    low = sentence.lower()
    if not low.isascii() or "'" in low:
        return len(tokenize(sentence)) >= n
    return sum(1 for _ in islice(_TOKEN.finditer(low), n)) >= n


def article_sentences(body: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of an article body, as tone and actor sentiment read them.

    The spans of :func:`~media_analytics.themes.sentence_spans`, each further cut where scraping
    turned a paragraph break into a comma (see the module documentation).

    >>> t = 'Api padam pukul 03.00.,"Tidak ada korban," kata petugas. Warga lega.'
    >>> [t[a:b] for a, b in article_sentences(t)]
    ['Api padam pukul 03.00.', '"Tidak ada korban," kata petugas.', 'Warga lega.']
    >>> t = "Hadir Kapolsek Anra Nosa, S.H., M.H., yang mewakili Kapolres. Acara lancar."
    >>> [t[a:b] for a, b in article_sentences(t)]
    ['Hadir Kapolsek Anra Nosa, S.H., M.H., yang mewakili Kapolres.', 'Acara lancar.']
    """
    spans = sentence_spans(body)
    # a degree's period before a comma and a space ("Anra Nosa, S.H., M.H., yang ...") is no
    # paragraph's end (a scraped join has no space: "kelas B.,Kepala Dinas")
    cuts = [
        (m.start(), m.end())
        for m in _JOINED.finditer(body)
        if not (
            body[m.end() : m.end() + 1].isspace()
            and body[m.start()] == "."
            and abbreviation_before(body, m.start())
        )
    ]
    if not cuts:
        return spans
    out = []
    k = 0
    for start, end in spans:
        while k < len(cuts) and cuts[k][1] <= start:
            k += 1
        while k < len(cuts) and cuts[k][1] <= end:
            cut_start, cut_end = cuts[k]
            k += 1
            if cut_start < start:
                continue
            out.append((start, cut_end - 1))  # the piece keeps its final mark, not the comma
            start = cut_end
            while start < end and body[start].isspace():
                start += 1
        if start < end:
            out.append((start, end))
    return out


def _part(index: int, sentence: str, weights: Mapping[str, float]) -> tuple[str, float]:
    if quoted_share(sentence) >= 0.5:
        return "quote", weights["quote"]
    if index < _LEAD_SENTENCES:
        return "lead", weights["lead"]
    return "body", weights["body"]


def resolve_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    """:data:`DEFAULT_WEIGHTS` with ``weights`` laid over it; unknown names are refused."""
    w = {**DEFAULT_WEIGHTS, **(weights or {})}
    unknown = set(w) - set(DEFAULT_WEIGHTS)
    if unknown:
        raise ValueError(f"unknown weight(s) {sorted(unknown)}; use {sorted(DEFAULT_WEIGHTS)}")
    return w


def tone_units(
    title: str | None,
    body: str,
    spans: Sequence[tuple[int, int]],
    weights: Mapping[str, float],
) -> tuple[list[ToneUnit], list[str]]:
    """The pieces of an article that tone reads, and their texts.

    ``spans`` are the body's sentences (:func:`article_sentences`);
    ``weights`` a full mapping as :func:`resolve_weights` returns.
    """
    units: list[ToneUnit] = []
    texts: list[str] = []
    if isinstance(title, float) and title != title:  # a missing headline in a DataFrame
        title = None
    if title and len(tokenize(title)) >= 1:
        units.append(ToneUnit(-1, -1, "headline", weights["headline"], -1))
        texts.append(title.strip())
    index = 0
    for k, (start, end) in enumerate(spans):
        sentence = body[start:end]
        if not _has_words(sentence, _MIN_WORDS):
            continue
        part, weight = _part(index, sentence, weights)
        index += 1
        units.append(ToneUnit(start, end, part, weight, k))
        texts.append(sentence)
    return units, texts


def tone_from(
    units: Sequence[ToneUnit],
    proba: np.ndarray,
    classes: Sequence[str],
    body: str,
    band: float = NEUTRAL_BAND,
) -> ArticleTone:
    """Aggregate the probabilities of the units (rows of ``proba``) into an :class:`ArticleTone`."""
    classes = tuple(str(c) for c in classes)
    if not units:
        # nothing to read: an empty article has no lean
        probs = {c: float(c == "neutral") for c in classes}
        empty = np.zeros((0, len(classes)))
        return ArticleTone("neutral", 1.0, 0.0, probs, body, (), empty, classes)
    proba = np.asarray(proba, dtype=float)
    weight = np.fromiter((u.weight for u in units), dtype=float, count=len(units))
    if weight.sum() == 0:
        weight = np.ones_like(weight)
    mean = (proba * weight[:, None]).sum(axis=0) / weight.sum()
    probabilities = {c: float(mean[j]) for j, c in enumerate(classes)}
    polarity = probabilities["positive"] - probabilities["negative"]
    label = lean_label(polarity, band)
    return ArticleTone(
        label, probabilities[label], polarity, probabilities, body, tuple(units), proba, classes
    )


def article_tone(
    model: Any,
    title: str | None,
    text: str,
    *,
    clean: bool = True,
    weights: Mapping[str, float] | None = None,
    band: float = NEUTRAL_BAND,
) -> ArticleTone:
    """Tone of an article from its headline and body, sentence by sentence.

    To score many articles (and the actors they name) at once, use
    :func:`~media_analytics.sentiment.score_articles`, which reads every sentence only once.

    Parameters
    ----------
    model : fitted classifier with ``predict_proba`` and ``classes_``
        Usually a :class:`SentimentClassifier`.
    title : str or None
        The headline (may be empty).
    text : str
        The body, raw or already cleaned.
    clean : bool, default=True
        Run :func:`~media_analytics.preprocessing.clean_article` on the body first (it is
        idempotent, so an already cleaned body is unchanged).
    weights : mapping, optional
        Override entries of :data:`DEFAULT_WEIGHTS` (``headline``, ``lead``, ``quote``,
        ``body``).
    band : float, default=NEUTRAL_BAND
        Half-width of the neutral polarity band.

    Returns
    -------
    ArticleTone
    """
    if not isinstance(text, str):
        raise TypeError(f"article text must be str, got {type(text).__name__}")
    w = resolve_weights(weights)
    body = clean_article(text).text if clean else text
    if clean and isinstance(title, str) and title:
        title = clean_title(title)  # as scoring reads headlines: entities, markup gone
    units, texts = tone_units(title, body, article_sentences(body), w)
    proba = np.asarray(model.predict_proba(texts)) if texts else np.zeros((0, 3))
    return tone_from(units, proba, canonical_classes(model), body, band)
