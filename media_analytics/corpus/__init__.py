"""Articles in: the :class:`Article` record, streaming readers and writers, dates, ids,
the rejects report, and duplicate detection.

Typical use::

    from media_analytics.corpus import Rejects, read_articles, DuplicateDetector

    rejects = Rejects()
    articles = list(read_articles("exports/", rejects=rejects))
    print(rejects.summary())
    duplicates = DuplicateDetector().find_duplicates(articles)
"""

from .article import CONTRACT_FIELDS, Article
from .columns import DEFAULT_ALIASES, ColumnResolver
from .dates import DateParseError, numeric_date_order, parse_date
from .dedup import DuplicateDetector, normalize_for_dedup
from .frames import read_frame, read_records
from .ids import article_id, normalize_url, outlet_of
from .loaders import (
    LABELS,
    load_clickid,
    load_detik_aspect,
    load_detik_pilkada,
    normalize_label,
    read_labelled,
    read_labels_by_id,
)
from .readers import ARTICLE_SUFFIXES, read_articles
from .rejects import Reject, Rejects
from .writers import articles_to_frame, frame_to_articles, write_jsonl, write_parquet

__all__ = [
    "ARTICLE_SUFFIXES",
    "CONTRACT_FIELDS",
    "DEFAULT_ALIASES",
    "LABELS",
    "Article",
    "ColumnResolver",
    "DateParseError",
    "DuplicateDetector",
    "Reject",
    "Rejects",
    "article_id",
    "articles_to_frame",
    "frame_to_articles",
    "load_clickid",
    "load_detik_aspect",
    "load_detik_pilkada",
    "normalize_for_dedup",
    "normalize_label",
    "normalize_url",
    "numeric_date_order",
    "outlet_of",
    "parse_date",
    "read_articles",
    "read_frame",
    "read_labelled",
    "read_labels_by_id",
    "read_records",
    "write_jsonl",
    "write_parquet",
]
