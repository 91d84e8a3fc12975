"""Document tone and sentiment toward named actors, and the kit to evaluate them.

>>> from media_analytics.sentiment import default_model
>>> model = default_model()  # trained on the bundled news sentences
>>> model.predict(["Warga kecewa, pelayanan lambat dan petugas tidak ramah."])[0]
'negative'
"""

from . import tone
from .actors import ActorSentiment, actor_sentiment
from .article import DEFAULT_WEIGHTS, NEUTRAL_BAND, ArticleTone, article_tone
from .batch import ArticleSentiment, score_articles
from .classifier import (
    DEFAULT_C_GRID,
    DEFAULT_FEATURE_GRID,
    DEFAULT_FEATURE_TOLERANCE,
    SEARCHES,
    SentimentClassifier,
)
from .default import default_model, default_training_data
from .evaluate import Evaluation, OverlapError, check_overlap, count_overlap, evaluate, scores
from .features import SentimentFeatures
from .labels import LABELS, normalize_label, normalize_labels
from .lexicon import LEXICON_FEATURES, load_lexicon
from .persist import TRUSTED_TYPES, load_model, save_model
from .tokens import NEGATORS, sentiment_tokens
from .vectors import PooledWordVectors

__all__ = [
    "DEFAULT_C_GRID",
    "DEFAULT_FEATURE_GRID",
    "DEFAULT_FEATURE_TOLERANCE",
    "DEFAULT_WEIGHTS",
    "LABELS",
    "LEXICON_FEATURES",
    "NEGATORS",
    "NEUTRAL_BAND",
    "SEARCHES",
    "TRUSTED_TYPES",
    "ActorSentiment",
    "ArticleSentiment",
    "ArticleTone",
    "Evaluation",
    "OverlapError",
    "PooledWordVectors",
    "SentimentClassifier",
    "SentimentFeatures",
    "actor_sentiment",
    "article_tone",
    "check_overlap",
    "count_overlap",
    "default_model",
    "default_training_data",
    "evaluate",
    "load_lexicon",
    "load_model",
    "normalize_label",
    "normalize_labels",
    "save_model",
    "score_articles",
    "scores",
    "sentiment_tokens",
    "tone",
]
