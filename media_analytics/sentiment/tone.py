"""Article tone learnt from labelled articles: for analysts who label their own feed.

The default tone of an article is read sentence by sentence with a sentence classifier and the
lean rule (:mod:`media_analytics.sentiment.article`); that classifier never saw a whole news
article. When an analyst has labelled articles of their own (a few hundred are enough to
matter), :func:`fit_article_tone` trains a :class:`SentimentClassifier` on whole articles
instead: the headline and the cleaned body as one text, word and stem unigrams or word bigrams,
``C`` and the setting chosen by cross-validation on those labels only. Character n-grams are
left out: on full articles they multiplied the training time by ten without a better
cross-validated score.

A model directory trained with ``media-analytics train --tone-data FILE`` (or
``MediaPipeline.fit(..., tone_data=...)``) then gives each article this model's tone; the
sentence classifier still gives the tone toward each actor and the sentence-level explanation.

>>> from media_analytics.sentiment.tone import tone_text
>>> tone_text("Banjir surut", "Warga kembali ke rumah.")
'Banjir surut\\nWarga kembali ke rumah.'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..preprocessing import clean_article
from .classifier import SentimentClassifier

__all__ = ["ARTICLE_FEATURE_GRID", "ToneReader", "fit_article_tone", "split_headline", "tone_text"]

#: The feature settings :func:`fit_article_tone` chooses from by cross-validation (each laid
#: over :class:`~media_analytics.sentiment.SentimentFeatures`).
ARTICLE_FEATURE_GRID: tuple[dict[str, Any], ...] = (
    {"word_ngrams": (1, 1), "stem_ngrams": (1, 1), "char_ngrams": None},
    {"word_ngrams": (1, 2), "stem_ngrams": (1, 1), "char_ngrams": None},
)


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
    """
    cleaned = [clean_article(t).text for t in texts]
    return SentimentClassifier.select(
        cleaned,
        list(labels),
        cv=cv,
        feature_grid=ARTICLE_FEATURE_GRID,
        feature_tolerance=0.0,
        random_state=random_state,
    )


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
    and the body's sentences (the lean rule). This is what ``media-analytics evaluate tone``
    scores; :func:`~media_analytics.sentiment.evaluate` checks the train/test overlap against
    the model's training texts.
    """

    def __init__(self, model: Any, *, articles: bool) -> None:
        self.model = model
        self.articles = articles
        self.train_fingerprints_ = getattr(model, "train_fingerprints_", None)

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        if self.articles:
            return np.asarray(self.model.predict([clean_article(t).text for t in texts]))
        out = []
        for text in texts:
            title, body = split_headline(text)
            out.append(self.model.predict_article(title, body).label)
        return np.asarray(out, dtype=object)
