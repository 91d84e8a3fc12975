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

The label follows the article's lean, ``polarity`` = weighted mean of P(positive) - P(negative):
``positive`` when it is at least :data:`NEUTRAL_BAND` (0.2), ``negative`` when it is at most
-0.2, ``neutral`` in between. Neutral, procedural sentences are the bulk of most news, so the
arg-max of the mean probabilities would call nearly every article neutral; the lean asks instead
whether the sentences that do carry a polarity lean clearly one way (0.2 is reached, for
instance, when a quarter of the weighted text is clearly positive and the rest neutral).
Articles whose positive and negative sentences cancel out are neutral. ``score`` is the mean
probability of the chosen label. Boilerplate (``Baca juga``, credits, datelines) is removed
first with :func:`media_analytics.preprocessing.clean_article`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..preprocessing import clean_article, tokenize
from ..themes.rules import sentence_spans

__all__ = [
    "DEFAULT_WEIGHTS",
    "NEUTRAL_BAND",
    "ArticleTone",
    "article_tone",
    "lean_label",
    "quoted_share",
]

#: Weights of the aggregation rule (see the module documentation).
DEFAULT_WEIGHTS: Mapping[str, float] = {"headline": 3.0, "lead": 2.0, "quote": 0.5, "body": 1.0}
#: Half-width of the polarity band labelled neutral (see the module documentation).
NEUTRAL_BAND = 0.2
_LEAD_SENTENCES = 2
_MIN_WORDS = 3

# A quotation between curly or straight double quotes (cleaning keeps both kinds).
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")


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


def lean_label(polarity: float, band: float = NEUTRAL_BAND) -> str:
    """``positive`` / ``negative`` when ``polarity`` leaves the neutral band, else ``neutral``.

    >>> lean_label(0.35), lean_label(-0.2), lean_label(0.1)
    ('positive', 'negative', 'neutral')
    """
    if polarity >= band:
        return "positive"
    if polarity <= -band:
        return "negative"
    return "neutral"


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
    sentences : pandas.DataFrame
        One row per scored sentence: ``start``, ``end`` (offsets into the cleaned body; -1 for
        the headline), ``part`` (headline / lead / quote / body), ``weight``, ``label`` and the
        three class probabilities.
    text : str
        The cleaned body the offsets refer to.
    """

    label: str
    score: float
    polarity: float
    probabilities: dict[str, float]
    sentences: pd.DataFrame = field(repr=False)
    text: str = field(repr=False, default="")

    def to_dict(self) -> dict[str, Any]:
        """The scored-record form: ``{"label": ..., "score": ...}``."""
        return {"label": self.label, "score": self.score}


def _part(index: int, sentence: str, weights: Mapping[str, float]) -> tuple[str, float]:
    if quoted_share(sentence) >= 0.5:
        return "quote", weights["quote"]
    if index < _LEAD_SENTENCES:
        return "lead", weights["lead"]
    return "body", weights["body"]


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
    w = {**DEFAULT_WEIGHTS, **(weights or {})}
    unknown = set(w) - set(DEFAULT_WEIGHTS)
    if unknown:
        raise ValueError(f"unknown weight(s) {sorted(unknown)}; use {sorted(DEFAULT_WEIGHTS)}")
    body = clean_article(text).text if clean else text

    rows: list[tuple[int, int, str, float]] = []
    texts: list[str] = []
    if title and len(tokenize(title)) >= 1:
        rows.append((-1, -1, "headline", w["headline"]))
        texts.append(title.strip())
    index = 0
    for start, end in sentence_spans(body):
        sentence = body[start:end]
        if len(tokenize(sentence)) < _MIN_WORDS:
            continue
        part, weight = _part(index, sentence, w)
        index += 1
        rows.append((start, end, part, weight))
        texts.append(sentence)

    classes = [str(c) for c in model.classes_]
    frame = pd.DataFrame(rows, columns=["start", "end", "part", "weight"])
    if not texts:
        # nothing to read: an empty article has no lean
        probs = {c: float(c == "neutral") for c in classes}
        return ArticleTone("neutral", 1.0, 0.0, probs, frame, body)
    proba = np.asarray(model.predict_proba(texts))
    weight = frame["weight"].to_numpy(dtype=float)
    if weight.sum() == 0:
        weight = np.ones_like(weight)
    mean = (proba * weight[:, None]).sum(axis=0) / weight.sum()
    frame["label"] = [classes[i] for i in proba.argmax(axis=1)]
    for j, c in enumerate(classes):
        frame[c] = proba[:, j]
    probabilities = {c: float(mean[j]) for j, c in enumerate(classes)}
    polarity = probabilities["positive"] - probabilities["negative"]
    label = lean_label(polarity, band)
    return ArticleTone(label, probabilities[label], polarity, probabilities, frame, body)
