"""Article tone learnt from labelled articles: for analysts who label their own feed.

The default tone of an article is read sentence by sentence with a sentence classifier and the
lean rule (:mod:`media_analytics.sentiment.article`); that classifier never saw a whole news
article. When an analyst has labelled articles of their own (on the project's real articles it
took about 1,500 to match the default model's blend: :data:`MIN_TONE_ARTICLES`),
:func:`fit_article_tone` trains a :class:`SentimentClassifier` on whole articles
instead: the headline and the cleaned body as one text, word and stem unigrams or word bigrams,
``C`` and the setting chosen by cross-validation on those labels only. Character n-grams are
left out: on full articles they multiplied the training time by ten without a better
cross-validated score.

A model directory trained with ``media-analytics train --tone-data FILE`` (or
``MediaPipeline.fit(..., tone_data=...)``) then gives each article this model's tone, blended
with the sentence reading at the share cross-validation on the labels chooses
(:func:`choose_sentence_weight`); the sentence classifier still gives the tone toward each
actor and the sentence-level explanation.

Without labelled articles of the analyst's own, a model learns article tone from the project's
own written articles (:func:`default_tone_data`, ``corpora/tone``) and **blends** it with the
sentence reading (:func:`blend_tone`): those articles are written, not sampled from a feed, so
neither reading is trusted alone; :data:`BUNDLED_SENTENCE_WEIGHT` is the share of the sentence
reading.

>>> from media_analytics.sentiment.tone import tone_text
>>> tone_text("Banjir surut", "Warga kembali ke rumah.")
'Banjir surut\\nWarga kembali ke rumah.'
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..preprocessing import clean_article
from ..resources import corpora_dir
from .article import NEUTRAL_BAND, lean_label, tone_record
from .classifier import SentimentClassifier
from .features import SentimentFeatures
from .labels import canonical_classes, normalize_label, normalize_labels

__all__ = [
    "ARTICLE_FEATURE_GRID",
    "BUNDLED_SENTENCE_WEIGHT",
    "BUNDLED_TONE_BANDS",
    "MIN_TONE_ARTICLES",
    "SENTENCE_WEIGHT_GRID",
    "ToneReader",
    "article_tone_metrics",
    "blend_record",
    "blend_tone",
    "bundled_tone_model",
    "choose_sentence_weight",
    "default_tone_data",
    "default_tone_files",
    "fit_article_tone",
    "split_headline",
    "tone_text",
]

#: The feature settings :func:`fit_article_tone` chooses from by cross-validation (each laid
#: over :class:`~media_analytics.sentiment.SentimentFeatures`).
ARTICLE_FEATURE_GRID: tuple[dict[str, Any], ...] = (
    {"word_ngrams": (1, 1), "stem_ngrams": (1, 1), "char_ngrams": None},
    {"word_ngrams": (1, 2), "stem_ngrams": (1, 1), "char_ngrams": None},
)


logger = logging.getLogger(__name__)

#: Fewer labelled articles than this, and :func:`fit_article_tone` warns that the default
#: model's blend may read tone better than the article model learnt from them. On the labelled
#: real articles of the tone bench (``python bench/sentiment_eval.py --only tone-curve``), models
#: learnt from random draws of 50, 100, 200, 400 and 800 articles of stages 1-8 gave 52-60,
#: 57-59, 58-60, 61-63 and 60-66 macro-F1 on stages 9-10, all below the default blend's 67.0;
#: only all 1,542 articles gave more (67.4). Their 5-fold CV macro-F1 was above those figures
#: in 14 of 16 models, by 5.8 points on average and up to 17: no sign of having enough labels.
MIN_TONE_ARTICLES = 1500

#: Share of the sentence reading when article tone is learnt from the bundled articles (the rest
#: is the article model's): the best of 0.3-1.0 in steps of 0.05 by macro-F1 on the real articles
#: of tone stages 1-5 of ``bench/data/tone_labels.csv`` when it was chosen; with the 2,435
#: bundled articles it is within half a point of the best on stages 1-7 (stage 8 held out); see
#: ``bench/RESULTS.md``.
BUNDLED_SENTENCE_WEIGHT = 0.45

#: The lean rule's bands for that blend, ``(negative, positive)``: negative at P(positive) -
#: P(negative) <= -0.15, positive at >= 0.15 (see :func:`blend_tone`), as for the sentence
#: reading; other pairs were within a point on stages 1-7 (the bench prints the grid).
BUNDLED_TONE_BANDS: tuple[float, float] = (0.15, 0.15)

#: The feature setting and ``C`` of the bundled article tone model: what
#: :func:`fit_article_tone`'s cross-validation chooses on :func:`default_tone_data`
#: (``python bench/sentiment_eval.py --only tone`` prints that choice), fixed here so that
#: building the default model does not repeat the search.
BUNDLED_TONE_SETTING: dict[str, Any] = {
    "word_ngrams": (1, 1),
    "stem_ngrams": (1, 1),
    "char_ngrams": None,
}
BUNDLED_TONE_C = 1.0

#: Whether the bundled article tone model adds the pooled-word-vector member
#: (:class:`~media_analytics.sentiment.vectors.PooledWordVectors` learnt from the bundled
#: articles, ``C`` 0.1, weight 0.25). Off: on the real articles of tone stages 1-7 it raised the
#: blend's macro-F1 from 66.8 to 68.6 with a tokeniser of its own, but only to 67.5 with the
#: project's ``tokenize``, and the held-out stage 9 went 65.9 -> 65.5 and 63.9: a gain that a
#: change of tokeniser halves is not worth 0.3 ms per article and 7 MB of model (see
#: ``bench/RESULTS.md``).
BUNDLED_TONE_VECTORS = False


def bundled_tone_signature() -> str:
    """What defines the bundled article tone model beyond its data (part of a model's version)."""
    return (
        f"bundled tone {sorted(BUNDLED_TONE_SETTING.items())} C={BUNDLED_TONE_C} "
        f"vectors={BUNDLED_TONE_VECTORS}"
    )


_LOCK = threading.Lock()
_BUNDLED: list[SentimentClassifier] = []


def tone_text(title: str | None, body: str) -> str:
    """The text an article tone model reads: the headline, a line break, the cleaned body."""
    title = (title or "").strip()
    return f"{title}\n{body}" if title else body


def fit_article_tone(
    texts: Sequence[str], labels: Sequence[str], *, cv: int = 5, random_state: int = 0
) -> SentimentClassifier:
    """A tone classifier for whole articles, from labelled articles.

    Parameters
    ----------
    texts : sequence of str
        Each article as one text, headline first (as :func:`tone_text` joins them); bodies are
        cleaned with :func:`~media_analytics.preprocessing.clean_article` here, as scoring
        cleans them.
    labels : sequence of str
        ``positive`` / ``neutral`` / ``negative`` (Indonesian spellings accepted).
    cv : int, default=5
        Folds of the cross-validation that chooses ``C`` and the feature setting.

    Returns
    -------
    SentimentClassifier
        Fitted; ``cv_scores_`` holds the cross-validated macro-F1 of each ``C`` of the chosen
        setting.

    Notes
    -----
    The number of articles and the cross-validated macro-F1 of the model are logged
    (:func:`article_tone_metrics`), with a warning below :data:`MIN_TONE_ARTICLES` articles:
    on fewer, the model tends to read tone worse than the default model's blend (and its
    cross-validated figure is a rough one), so compare the two on labelled articles neither
    learnt from (``media-analytics evaluate tone``).
    """
    cleaned = [clean_article(t).text for t in texts]
    model = SentimentClassifier.select(
        cleaned,
        list(labels),
        cv=cv,
        feature_grid=ARTICLE_FEATURE_GRID,
        feature_tolerance=0.0,
        random_state=random_state,
    )
    metrics = article_tone_metrics(model, labels)
    logger.info(
        "article tone model: learnt from %d labelled articles, %d-fold CV macro-F1 %.3f (%s, C=%g)",
        metrics["n_articles"],
        metrics["cv_folds"],
        metrics["cv_macro_f1"],
        model.feature_params_,
        model.C_,
    )
    if metrics["n_articles"] < MIN_TONE_ARTICLES:
        logger.warning(
            "the article tone model learnt from only %d labelled articles (fewer than %d): its "
            "CV macro-F1 of %.3f flatters it, and the default model's blend of the sentence "
            "reading and the bundled article model may read tone better; compare them on "
            "labelled articles neither learnt from: `media-analytics evaluate tone TEST` (the "
            "default) against `media-analytics evaluate tone TEST --model DIR` (or `--train "
            "FILE`)",
            metrics["n_articles"],
            MIN_TONE_ARTICLES,
            metrics["cv_macro_f1"],
        )
    return model


def article_tone_metrics(model: SentimentClassifier, labels: Sequence[str]) -> dict[str, Any]:
    """What a model of :func:`fit_article_tone` is worth by its own labels.

    ``n_articles``: the labelled articles it learnt from (``labels``, as given to it);
    ``cv_folds`` and ``cv_macro_f1``: the cross-validated macro-F1 (4 decimals) of the setting
    and ``C`` it chose, on those labels only, of the article model alone (not of a blend with
    the sentence reading). A model directory keeps them as ``metrics["tone"]``. The figure was
    chosen as the best of ten by the same folds, so it flatters the model: on the tone bench it
    was 5.8 points above the macro-F1 on articles the model never saw on average, up to 17 (see
    :data:`MIN_TONE_ARTICLES`).
    """
    counts = Counter(normalize_labels(list(labels)))
    return {
        "n_articles": sum(counts.values()),
        "cv_folds": min(int(model.select_cv or 0), min(counts.values())),
        "cv_macro_f1": round(float(np.max(model.cv_scores_)), 4),
    }


#: The shares of the sentence reading :func:`choose_sentence_weight` tries.
SENTENCE_WEIGHT_GRID: tuple[float, ...] = tuple(round(0.1 * k, 1) for k in range(11))


def choose_sentence_weight(
    tone_model: SentimentClassifier,
    sentences: Any,
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    bands: float | tuple[float, float] = NEUTRAL_BAND,
    cv: int = 5,
    grid: Sequence[float] = SENTENCE_WEIGHT_GRID,
    random_state: int = 0,
) -> tuple[float, dict[float, float]]:
    """The share of the sentence reading in an article's tone, chosen on labelled articles.

    Each labelled article is read by the sentence classifier ``sentences`` (the headline and
    the body's sentences, :meth:`SentimentClassifier.predict_article`) and by an article model
    of ``tone_model``'s feature setting and ``C`` fitted on the other folds (``cv``-fold,
    stratified); every share of ``grid`` blends the two (:func:`blend_tone`, ``bands``) and the
    one with the best macro-F1 is taken (on a tie, the smaller: the analyst's own labels). So a
    handful of labels, whose article model reads worse than the sentences, lean on the
    sentences. On the project's real articles the shares chosen were 0.4-1 for 50 to 800
    labels and 0.5 for 1,542; the blend beat the article model alone on unseen articles below
    a few hundred labels and fell 1.5-2 points behind it from 400 on (the sentence rules had
    been revised on those very labels: see the README's tone curve).

    Returns
    -------
    (float, dict of float to float)
        The chosen share, and the cross-validated macro-F1 (4 decimals) of every share tried.

    Raises
    ------
    ValueError
        When a label has fewer than 2 articles (no stratified folds).
    """
    from sklearn.base import clone
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    gold = np.asarray(normalize_labels(list(labels)), dtype=object)
    counts = Counter(gold.tolist())
    folds = min(int(cv), min(counts.values())) if len(counts) == 3 else 0
    if folds < 2:
        raise ValueError(
            "choosing the sentence reading's share needs 2 labelled articles of each tone at "
            f"least; got {dict(sorted(counts.items()))}"
        )
    cleaned = np.asarray([clean_article(t).text for t in texts], dtype=object)
    classes = canonical_classes(tone_model)
    oof = np.zeros((len(gold), len(classes)))
    split = StratifiedKFold(n_splits=folds, shuffle=True, random_state=random_state)
    for train, test in split.split(cleaned, gold):
        inner = min(5, min(Counter(gold[train].tolist()).values()))
        model = SentimentClassifier(
            features=clone(tone_model.features_),
            C=float(tone_model.C_),
            calibration_cv=max(2, inner),
            random_state=random_state,
        ).fit(list(cleaned[train]), list(gold[train]))
        oof[test] = model.predict_proba(list(cleaned[test]))
    readings = []
    for text in texts:
        title, body = split_headline(text)
        readings.append(sentences.predict_article(title, body).probabilities)
    scores: dict[float, float] = {}
    for w in grid:
        pred = [
            blend_tone(r, row.tolist(), classes, float(w), bands)[0]
            for r, row in zip(readings, oof, strict=True)
        ]
        scores[float(w)] = round(float(f1_score(gold, pred, average="macro")), 4)
    best = max(scores.values())
    chosen = min(w for w, f in scores.items() if f == best)
    return chosen, scores


def default_tone_files() -> list[Path]:
    """The bundled tone-labelled articles, ``corpora/tone/*.jsonl``."""
    files = sorted((corpora_dir() / "tone").glob("*.jsonl"))
    if not files:
        raise FileNotFoundError("the bundled tone articles (corpora/tone) are missing")
    return files


def default_tone_data() -> pd.DataFrame:
    """The project's own tone-labelled articles as a ``text, label`` frame (headline first)."""
    from ..corpus import Rejects, read_articles

    rejects = Rejects()
    texts: list[str] = []
    labels: list[str] = []
    for path in default_tone_files():
        for article in read_articles(path, rejects=rejects):
            label = normalize_label(article.extra.get("label"))
            if label is None:
                raise ValueError(f"{path}: article {article.id!r} has no tone label")
            texts.append(tone_text(article.title, article.text))
            labels.append(label)
    if rejects.errors:  # a damaged bundled file means a broken installation
        raise ValueError(f"bundled tone articles are damaged: {rejects.errors[0]}")
    return pd.DataFrame({"text": texts, "label": labels})


def bundled_tone_model() -> SentimentClassifier:
    """The article tone model of the bundled articles (:func:`default_tone_data`).

    Trained with :data:`BUNDLED_TONE_SETTING`, :data:`BUNDLED_TONE_C` and
    :data:`BUNDLED_TONE_VECTORS` on first use and kept for the life of the process (it is
    read-only once fitted).
    """
    with _LOCK:
        if not _BUNDLED:
            data = default_tone_data()
            model = SentimentClassifier(
                features=SentimentFeatures(**BUNDLED_TONE_SETTING),
                C=BUNDLED_TONE_C,
                embed=BUNDLED_TONE_VECTORS,
            )
            _BUNDLED.append(model.fit([clean_article(t).text for t in data["text"]], data["label"]))
        return _BUNDLED[0]


def blend_tone(
    sentence_probabilities: Mapping[str, float],
    article_proba: Sequence[float],
    classes: Sequence[str],
    sentence_weight: float,
    band: float | tuple[float, float] = NEUTRAL_BAND,
) -> tuple[str, float]:
    """``(label, score)`` of an article from its sentence reading and an article tone model.

    The class probabilities are mixed (``sentence_weight`` of the sentence reading's weighted
    mean, the rest the article model's) and the label follows the mixture's lean
    (:func:`~media_analytics.sentiment.article.lean_label`, with ``band`` as its neutral band
    or its ``(negative, positive)`` pair); the score is the mixed probability of that label.

    >>> blend_tone({"negative": 0.2, "neutral": 0.5, "positive": 0.3},
    ...            [0.1, 0.2, 0.7], ["negative", "neutral", "positive"], 0.8)
    ('positive', 0.38)
    """
    record = blend_record(sentence_probabilities, article_proba, classes, sentence_weight, band)
    return record["label"], record["score"]


def blend_record(
    sentence_probabilities: Mapping[str, float],
    article_proba: Sequence[float],
    classes: Sequence[str],
    sentence_weight: float,
    band: float | tuple[float, float] = NEUTRAL_BAND,
) -> dict[str, Any]:
    """The scored record's ``sentiment`` of a blended article: :func:`blend_tone`'s label and
    score with the mixture's ``probabilities`` and ``polarity``
    (:func:`~media_analytics.sentiment.article.tone_record`).

    >>> blend_record({"negative": 0.2, "neutral": 0.5, "positive": 0.3},
    ...              [0.1, 0.2, 0.7], ["negative", "neutral", "positive"], 0.8)["probabilities"]
    {'negative': 0.18, 'neutral': 0.44, 'positive': 0.38}
    """
    w = float(sentence_weight)
    mixed = {
        str(c): w * float(sentence_probabilities[str(c)]) + (1.0 - w) * float(p)
        for c, p in zip(classes, article_proba, strict=True)
    }
    return tone_record(lean_label(mixed["positive"] - mixed["negative"], band), mixed)


def split_headline(text: str) -> tuple[str, str]:
    """``(headline, body)`` of a labelled article's text: its first line, then the rest.

    >>> split_headline("Banjir surut\\nWarga kembali ke rumah.")
    ('Banjir surut', 'Warga kembali ke rumah.')
    >>> split_headline("Warga kembali ke rumah.")
    ('', 'Warga kembali ke rumah.')
    """
    head, sep, rest = text.strip().partition("\n")
    return (head.strip(), rest) if sep else ("", head)


class ToneReader:
    """Article tone as an estimator over labelled article texts (headline on the first line).

    With an article tone model (``articles=True``) each text is cleaned and classified whole;
    with a sentence classifier, :meth:`SentimentClassifier.predict_article` reads the headline
    and the body's sentences (the lean rule); with both and ``sentence_weight`` > 0, the two
    readings are blended (:func:`blend_tone`, ``bands`` the lean rule's neutral band or its
    ``(negative, positive)`` pair). This is what ``media-analytics evaluate tone``
    scores; :func:`~media_analytics.sentiment.evaluate` checks the train/test overlap against
    the model's training texts.
    """

    def __init__(
        self,
        model: Any,
        *,
        articles: bool,
        sentences: Any = None,
        sentence_weight: float = 0.0,
        bands: float | tuple[float, float] = NEUTRAL_BAND,
    ) -> None:
        self.model = model
        self.articles = articles
        self.sentences = sentences
        self.sentence_weight = sentence_weight
        self.bands = bands
        self.train_fingerprints_ = getattr(model, "train_fingerprints_", None)

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        if self.articles and not (self.sentence_weight > 0 and self.sentences is not None):
            return np.asarray(self.model.predict([clean_article(t).text for t in texts]))
        if self.articles:  # blended with the sentence reading, as a model with both scores
            proba = self.model.predict_proba([clean_article(t).text for t in texts])
            classes = canonical_classes(self.model)
            out = []
            for text, row in zip(texts, proba, strict=True):
                title, body = split_headline(text)
                reading = self.sentences.predict_article(title, body).probabilities
                out.append(blend_tone(reading, row, classes, self.sentence_weight, self.bands)[0])
            return np.asarray(out, dtype=object)
        out = []
        for text in texts:
            title, body = split_headline(text)
            out.append(self.model.predict_article(title, body).label)
        return np.asarray(out, dtype=object)
