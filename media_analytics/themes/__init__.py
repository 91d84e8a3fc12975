"""Theme tagging: a taxonomy file, seed-term rules and a classifier, with evidence."""

from .rules import FEATURES, Hit, RuleMatcher, sentence_spans
from .tagger import PRIOR_WEIGHTS, TagResult, ThemeTagger
from .taxonomy import NearRule, Taxonomy, TaxonomyError, Theme, default_taxonomy_path

__all__ = [
    "FEATURES",
    "PRIOR_WEIGHTS",
    "Hit",
    "NearRule",
    "RuleMatcher",
    "TagResult",
    "Taxonomy",
    "TaxonomyError",
    "Theme",
    "ThemeTagger",
    "default_taxonomy_path",
    "sentence_spans",
]
