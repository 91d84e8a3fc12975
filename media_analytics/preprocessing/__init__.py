"""Indonesian news preprocessing: cleaning, tokens, stopwords, Sastrawi stemming, surface forms.

Two views of every text come out of here: the cleaned text with case and punctuation (for actor
and quote extraction) and a stemmed token stream (for models).
"""

from .cleaning import (
    CleanedText,
    clean_article,
    clean_title,
    fix_encoding,
    normalize_punctuation,
    normalize_whitespace,
    remove_urls_emails,
    split_dateline,
    strip_boilerplate,
    strip_html,
)
from .parallel import WorkerPool, effective_n_jobs, parallel_map
from .stemming import DEFAULT_CACHE_SIZE, StemCache, default_cache, stem
from .tokens import SurfaceForms, TokenMapper, load_stopwords, model_tokens, tokenize
from .transformer import Processed, TextPreprocessor, preprocess, preprocess_many

__all__ = [
    "DEFAULT_CACHE_SIZE",
    "CleanedText",
    "Processed",
    "StemCache",
    "SurfaceForms",
    "TextPreprocessor",
    "TokenMapper",
    "WorkerPool",
    "clean_article",
    "clean_title",
    "default_cache",
    "effective_n_jobs",
    "fix_encoding",
    "load_stopwords",
    "model_tokens",
    "normalize_punctuation",
    "normalize_whitespace",
    "parallel_map",
    "preprocess",
    "preprocess_many",
    "remove_urls_emails",
    "split_dateline",
    "stem",
    "strip_boilerplate",
    "strip_html",
    "tokenize",
]
