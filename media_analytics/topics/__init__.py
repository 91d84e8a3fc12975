"""Topics of news articles: TF-IDF + NMF clusters with readable labels and stable ids.

:class:`TopicModel` takes ``TextPreprocessor`` output (space-joined stems) and gives each article
a topic id, a label in the words analysts read, and a score; it keeps topic ids across refits and
saves safely with skops (``skops.io.load(path, trusted=TRUSTED_TYPES)``).
:func:`topics_over_time` and :func:`topics_per_source` turn topic ids into trend tables, and
:mod:`~media_analytics.topics.metrics` measures topic quality.
"""

from .ctfidf import ClassTfidfTransformer
from .matching import TopicIds, TopicMatch, carry_over_ids, match_topics, topic_similarity
from .metrics import category_nmi, npmi_coherence, pairwise_ari, topic_diversity
from .model import TRUSTED_TYPES, TopicModel, default_vectorizer
from .overtime import NO_TOPIC_LABEL, topics_over_time, topics_per_source

__all__ = [
    "NO_TOPIC_LABEL",
    "TRUSTED_TYPES",
    "ClassTfidfTransformer",
    "TopicIds",
    "TopicMatch",
    "TopicModel",
    "carry_over_ids",
    "category_nmi",
    "default_vectorizer",
    "match_topics",
    "npmi_coherence",
    "pairwise_ari",
    "topic_diversity",
    "topic_similarity",
    "topics_over_time",
    "topics_per_source",
]
