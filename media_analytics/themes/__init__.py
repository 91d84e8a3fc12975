"""Theme tagging: a taxonomy file, seed-term rules and a classifier, with evidence."""

from . import evaluation
from .rules import FEATURES, Hit, RuleMatcher, sentence_spans
from .tagger import PRIOR_WEIGHTS, TagResult, ThemeTagger
from .taxonomy import NearRule, Taxonomy, TaxonomyError, Theme, default_taxonomy_path
from .training import read_label_file, train_tagger

#: Types a saved tagger may contain beyond scikit-learn's own (for ``skops.io.load``).
TRUSTED_TYPES = [
    "media_analytics.themes.tagger.ThemeTagger",
    "media_analytics.themes.taxonomy.NearRule",
    "media_analytics.themes.taxonomy.Taxonomy",
    "media_analytics.themes.taxonomy.Theme",
]

__all__ = [
    "FEATURES",
    "PRIOR_WEIGHTS",
    "TRUSTED_TYPES",
    "Hit",
    "NearRule",
    "RuleMatcher",
    "TagResult",
    "Taxonomy",
    "TaxonomyError",
    "Theme",
    "ThemeTagger",
    "default_taxonomy_path",
    "evaluation",
    "read_label_file",
    "sentence_spans",
    "train_tagger",
]
