"""The fitted bundle: preprocessing, topics, themes, sentiment and actors, as one model directory.

``MediaPipeline.fit`` trains every part from articles (and optional labels), ``score`` turns
articles into scored records (the contract in the design notes), ``save``/``load`` write and read
a model directory that cannot run code when loaded: a JSON manifest with the SHA-256 of every
file, the fitted parts as skops files loaded with an explicit list of trusted types, and plain
JSON for the stem cache and the surface forms.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import json
import logging
import platform
import shutil
import time
import uuid
import warnings
import zipfile
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from . import __version__
from .corpus import Article, Rejects
from .corpus.dates import indonesian_time
from .preprocessing import (
    StemCache,
    SurfaceForms,
    TextPreprocessor,
    clean_article,
    clean_title,
    default_cache,
)
from .preprocessing.parallel import WorkerPool, effective_n_jobs, parallel_map
from .preprocessing.tokens import TokenMapper, load_stopwords
from .sentiment.article import NEUTRAL_BAND
from .sentiment.labels import canonical_classes
from .themes import TRUSTED_TYPES as THEME_TYPES
from .themes import TagResult, Taxonomy, ThemeTagger
from .themes.training import (
    ANALYST_TEXT_SHARE,
    SAMPLE_LABELLED_THEMES,
    analyst_text_weights,
    check_label_themes,
    check_labelled_ids,
    known_label_themes,
    label_matrix,
    log_label_disagreements,
    read_labels,
)

#: Constructor settings whose non-default values make another ``model_version`` (the taxonomy,
#: the data and the tone settings are hashed on their own).
_VERSIONED_SETTINGS = (
    "n_topics", "random_state", "stopwords", "calibrate_themes", "with_topics", "with_sentiment",
    "theme_label_share",
)  # fmt: skip

__all__ = [
    "FORMAT_VERSION",
    "MediaPipeline",
    "ModelError",
    "as_article",
    "check_model_target",
    "check_tone_settings",
]

logger = logging.getLogger(__name__)

#: ``fit`` warns when given sentiment data with fewer texts than this of some label: a
#: cross-validated figure on so few says little (it read 1.0 on eight sentences).
MIN_SENTIMENT_PER_LABEL = 50

#: Corpora smaller than this are checked for a topic vocabulary before any part is fitted (the
#: check counts their terms once more: a blink on a small corpus, where the lack is likely).
_EARLY_TOPIC_CHECK = 2_000

#: Bumped on any incompatible change of the model directory layout. Version 2: the manifest
#: always holds ``settings_sha256`` (version 1 models, saved before it existed, are still read).
#: Models saved since also hold ``manifest_sha256``, over the whole manifest; it is checked when
#: present, so version 2 models saved before it still load (see :meth:`MediaPipeline.load`).
FORMAT_VERSION = 2
_OLDEST_FORMAT = 1
MANIFEST = "manifest.json"


class ModelError(RuntimeError):
    """A model directory that cannot be used: missing, tampered with, or from another format."""


def as_article(record: Article | Mapping[str, Any], dayfirst: bool | None = True) -> Article:
    """Accept an :class:`Article` or a plain dict in the input contract.

    Numeric dates such as ``04/09/2024`` are read day first, the Indonesian habit.
    """
    if isinstance(record, Article):
        return record
    return Article.from_dict(dict(record), dayfirst=dayfirst)


def _iso_date(a: Article) -> str | None:
    """The day of publication as an Indonesian reader counts it (UTC times on WIB's day)."""
    return indonesian_time(a.published_at).date().isoformat() if a.published_at else None


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version(), "media-analytics": __version__}
    for dist in ("scikit-learn", "numpy", "PySastrawi", "skops", "datasketch"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:  # pragma: no cover - all are dependencies
            out[dist] = "missing"
    return out


@lru_cache(maxsize=1)
def code_digest() -> str:
    """SHA-256 over the package's code and word lists (everything but its ``data`` folder): the
    rules of cleaning, actors, quotes and themes live there, so a changed rule is a new model
    version even when the training data are the same (an edited checkout)."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        rel = path.relative_to(package)
        if not path.is_file() or rel.parts[0] == "data" or "__pycache__" in rel.parts:
            continue
        if path.suffix in (".py", ".txt", ".csv"):
            h.update(rel.as_posix().encode() + b"\x00" + path.read_bytes())
    return h.hexdigest()


def _version_of(training_hash: str) -> str:
    """``<package version>-<12 hex digits>`` of the training data, settings and code."""
    digest = hashlib.sha256(f"{training_hash} {code_digest()}".encode()).hexdigest()
    return f"{__version__}-{digest[:12]}"


#: The fitted parts of a model, each the attribute ``<name>_`` of a :class:`MediaPipeline`, with
#: the method a part put in by hand must have (the themes part must be a fitted ThemeTagger).
_PART_METHODS = {"themes": "tag_many", "topics": "topic_records", "sentiment": "predict_article",
                 "tone": "predict_proba"}  # fmt: skip


def _part_digest(name: str, part: Any) -> str:
    """SHA-256 of a part as a model directory saves it (its skops file's tree and arrays, the
    names skops draws from memory addresses numbered in order instead), so the same fitted part
    gives the same digest in any process. A tagger's thresholds are left out: they are versioned
    on their own (see ``MediaPipeline._model_version``)."""
    if part is None:
        return "none"
    import io

    import skops.io as sio

    try:
        saved = zipfile.ZipFile(io.BytesIO(sio.dumps(part)))
    except Exception as exc:  # what cannot be saved cannot be part of a model
        raise TypeError(
            f"{name}_: a {type(part).__name__} cannot be saved in a model directory "
            f"({type(exc).__name__}: {exc})"
        ) from None
    ids: dict[Any, int] = {}
    arrays: list[str] = []

    def plain(node: Any) -> Any:
        if isinstance(node, list):
            return [plain(x) for x in node]
        if not isinstance(node, dict):
            return node
        out = {}
        for key, value in node.items():
            if key == "__id__":
                value = ids.setdefault(value, len(ids))
            elif key == "file" and isinstance(value, str) and value.endswith(".npy"):
                if value not in arrays:
                    arrays.append(value)
                value = arrays.index(value)
            elif key in ("thresholds_", "_stop_words_id"):  # versioned apart; an address
                continue
            else:
                value = plain(value)
            out[key] = value
        return out

    tree = plain(json.loads(saved.read("schema.json")))
    h = hashlib.sha256(json.dumps(tree, sort_keys=True).encode("utf-8"))
    for array in arrays:
        h.update(saved.read(array))
    return h.hexdigest()


def _readable_term(name: str) -> str:
    """A feature name as an analyst reads it: ``word:NEG_enak`` -> ``enak (negated)``,
    ``stem:aman`` -> ``aman (stem)``, ``lexicon:positive`` -> ``positive words (lexicon)``."""
    block, _, term = name.partition(":")
    if block == "lexicon":
        return f"{term.replace('_', ' ')} words (lexicon)"
    negated = term.startswith("NEG_")
    term = term.removeprefix("NEG_").replace(" NEG_", " not-")
    notes = ["negated"] if negated else []
    notes += {"stem": ["stem"], "char": ["letters"]}.get(block, [])
    return f"{term} ({', '.join(notes)})" if notes else term


def _explained(text: Any, title: Any) -> tuple[str, str]:
    """The cleaned headline and body of an article to explain, refused as scoring refuses it."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if not text.strip() and not (isinstance(title, str) and title.strip()):
        raise ValueError("empty text, and no title: scoring refuses an article with neither")
    head = clean_title(title) if isinstance(title, str) and title else ""
    return head, clean_article(text).text


def _topic_part(parts: _Parts) -> Any:
    if parts.topics is None:
        raise ModelError(
            "this model has no topic part (trained with --no-topics, or with_topics=False): "
            "train it again without that to have topics"
        )
    return parts.topics


def _written_forms(text: str, cache: StemCache) -> dict[str, str]:
    """Stem -> the first word of ``text`` that has it, to name a stem as the article writes it."""
    from .preprocessing import tokenize

    words = [w for w in tokenize(text) if w.isalpha()]
    written: dict[str, str] = {}
    for word, stem in zip(words, cache.stem_many(words), strict=True):
        written.setdefault(stem, word)
    return written


def _readable_terms(
    terms: Sequence[tuple[str, float]], text: str, cache: StemCache, top: int
) -> list[tuple[str, float]]:
    """The article model's terms as the article writes them, one entry per word.

    A word counts in the model twice, as written and as its stem: the two weights are added
    under the word. A stem is shown as the first word of ``text`` that has it
    (``pelayanan (stem layan)``), so that an editor finds it in the article. Negated words keep
    their mark: ``baik (negated)``.

    >>> terms = [("word:polisi", 0.2), ("stem:polisi", 0.1), ("stem:layan", -0.1),
    ...          ("word:NEG_baik", 0.3), ("stem:NEG_baik", 0.1), ("lexicon:positive", 0.05)]
    >>> _readable_terms(terms, "Pelayanan polisi tidak baik.", default_cache(), 10)
    [('baik (negated)', 0.4), ('polisi', 0.3), ('pelayanan (stem layan)', -0.1), \
('positive words (lexicon)', 0.05)]
    """
    written = _written_forms(text, cache)
    merged: dict[tuple[str, bool], list[Any]] = {}  # (word, negated) -> [label, weight]
    for name, weight in terms:
        block, _, term = name.partition(":")
        negated = term.startswith("NEG_")
        bare = term.removeprefix("NEG_")
        if block in ("word", "stem") and " " not in bare:
            shown = bare if block == "word" else written.get(bare, bare)
            if negated:
                label = f"{shown} (negated)"
            elif block == "stem" and shown != bare:
                label = f"{shown} (stem {bare})"
            else:
                label = shown
            key = (shown, negated)  # the word's own feature and its stem's: one word
        else:
            label = _readable_term(name)
            key = (label, False)
        entry = merged.setdefault(key, [label, 0.0])
        entry[1] += weight
    ranked = sorted(merged.values(), key=lambda entry: -abs(entry[1]))
    return [(label, round(w, 4)) for label, w in ranked[:top] if round(w, 4) != 0.0]


#: the libraries whose release a saved model depends on (their objects are in its files)
MODEL_LIBRARIES = ("scikit-learn", "skops", "numpy")


def _release(version: object) -> str:
    return ".".join(str(version).split(".")[:2])


def library_releases() -> dict[str, str]:
    """The releases (major.minor) of :data:`MODEL_LIBRARIES` installed here."""
    here = _versions()
    return {dist: _release(here[dist]) for dist in MODEL_LIBRARIES}


def library_drift(manifest: Mapping[str, Any]) -> str:
    """The libraries whose release (major.minor) differs between a model's manifest and this
    installation, as ``"scikit-learn 1.9.1 (here 1.7.2)"``; empty when none does."""
    saved = manifest.get("versions") or {}
    here = _versions()
    drift = []
    for dist in MODEL_LIBRARIES:
        was = saved.get(dist)
        if isinstance(was, str) and _release(was) != _release(here[dist]):
            drift.append(f"{dist} {was} (here {here[dist]})")
    was = saved.get("media-analytics")  # its rules (cleaning, actors, quotes) live in code
    if isinstance(was, str) and was != __version__:
        drift.append(f"media-analytics {was} (here {__version__})")
    return ", ".join(drift)


def _version_hint(manifest: Mapping[str, Any]) -> str:
    drift = library_drift(manifest)
    return f"; it was saved with {drift}: retrain it or install those versions" if drift else ""


def check_tone_settings(
    weight: float | None, bands: Sequence[float] | None
) -> tuple[float | None, tuple[float, float] | None]:
    """``(weight, bands)`` of the tone blend checked and as floats (None stays None: the
    default of the tone part). Raises ValueError naming the setting when one is out of range."""
    if weight is not None:
        if not 0.0 <= float(weight) <= 1.0:
            raise ValueError(f"tone_sentence_weight must be in [0, 1], got {weight!r}")
        weight = float(weight)
    if bands is None:
        return weight, None
    try:
        negative, positive = (float(b) for b in bands)
    except (TypeError, ValueError):
        raise ValueError(f"tone_bands must be two numbers, got {bands!r}") from None
    if not (0.0 <= negative <= 1.0 and 0.0 <= positive <= 1.0):
        raise ValueError(f"tone_bands must be in [0, 1], got {bands!r}")
    return weight, (negative, positive)


@dataclass
class _TextParts:
    """What ``MediaPipeline._fit_text_parts`` fits: sentiment and tone, their data and times."""

    sentiment_data: Any = None
    sentiment: Any = None
    tone_data: Any = None
    tone: Any = None
    tone_sentence_weight: float = 0.0
    tone_bands: tuple[float, float] = (NEUTRAL_BAND, NEUTRAL_BAND)
    #: the bundled tone model's settings (its data alone does not define it), else empty
    tone_signature: str = ""
    #: what an article model learnt from ``tone_data`` is worth by its labels, else empty
    tone_metrics: dict[str, Any] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class _Parts:
    """What a worker needs to score: the fitted parts, no training state."""

    themes: ThemeTagger
    topics: Any
    sentiment: Any
    surface: SurfaceForms
    model_version: str
    stopwords: str
    tone: Any = None
    tone_sentence_weight: float = 0.0
    tone_bands: tuple[float, float] = (NEUTRAL_BAND, NEUTRAL_BAND)


def _score_chunk(parts: _Parts, articles: Sequence[Article]) -> list[dict[str, Any]]:
    from .actors import (
        bodies_outside_body,
        extract_actors,
        extract_quotes,
        places_outside_body,
        speakers_as_actors,
        tickets_outside_body,
    )
    from .sentiment.actors import actor_record

    mapper = _mapper(parts.stopwords)
    bodies, titles, datelines, token_docs = [], [], [], []
    for a in articles:
        cleaned = clean_article(a.text)
        title = clean_title(a.title) if a.title else ""
        bodies.append(cleaned.text)
        titles.append(title)
        datelines.append(cleaned.dateline)
        token_docs.append(_token_doc(mapper, title, cleaned.text))
    tags = parts.themes.tag_many(bodies, titles, token_docs)
    topics = parts.topics.topic_records(token_docs) if parts.topics is not None else None
    all_actors, all_quotes, elsewhere = [], [], []
    for body, title, dateline in zip(bodies, titles, datelines, strict=True):
        # one article at a time: quotes reuse the actors' cached token stream
        named = extract_actors(body)
        quotes = extract_quotes(body, named)
        actors = speakers_as_actors(body, named, quotes)
        all_actors.append(actors)
        all_quotes.append(quotes)
        # the places only the headline or the dateline names, and the institutions and the
        # candidates of tickets only the headline names: no mentions (offsets into the body),
        # no tone; the reports count their regions as the body's, and the institutions and
        # candidates in their share of voice
        elsewhere.append(
            places_outside_body(title, dateline, actors)
            + bodies_outside_body(title, actors)
            + tickets_outside_body(title, body, actors)
        )
    scored = None
    tone_proba = None
    tone_classes: list[str] = []
    if parts.tone is not None:
        # an article tone model reads whole articles (blended below with the sentence reading
        # when it learnt from the bundled articles)
        tone_classes = canonical_classes(parts.tone)
    if parts.sentiment is not None and parts.tone is not None:
        from .sentiment.batch import score_with_article_model

        # every sentence of the chunk scored once, in one classifier call; the article model
        # reads the tokens of the sentences put together, not each article again
        scored, tone_proba = score_with_article_model(
            parts.sentiment, parts.tone, titles, bodies, all_actors, all_quotes,
            types=("person", "organization"),
        )  # fmt: skip
    elif parts.tone is not None:
        from .sentiment.tone import tone_text

        tone_proba = parts.tone.predict_proba(
            [tone_text(t, b) for t, b in zip(titles, bodies, strict=True)]
        )
    elif parts.sentiment is not None:
        from .sentiment import score_articles

        # every sentence of the chunk scored once, in one classifier call
        scored = score_articles(
            parts.sentiment, titles, bodies, all_actors, all_quotes,
            types=("person", "organization"),
        )  # fmt: skip
    out = []
    for i, a in enumerate(articles):
        actors, quotes = all_actors[i], all_quotes[i]
        actor_rows = [x.to_dict() for x in actors]
        outside = [x.to_dict() for x in elsewhere[i]]
        sentiment = None
        if tone_proba is not None or scored is not None:
            sentiment, _ = _record_tone(
                parts,
                scored[i].tone if scored is not None else None,
                tone_proba[i] if tone_proba is not None else None,
                tone_classes,
            )
        if scored is not None:
            by_name = {s.name: s for s in scored[i].actors}
            article_label = str(sentiment["label"]) if sentiment is not None else None
            for row in actor_rows:
                found = by_name.get(row["name"])
                if found is not None and found.n_sentences:
                    # settled with the article's tone; the sentences it was read from and what
                    # they said: the explanation of the actor's tone
                    row["sentiment"] = actor_record(found, article_label)
        out.append(
            {
                "id": a.id,
                "published_at": _iso_date(a),
                "source": a.source,
                "title": titles[i],  # cleaned: title evidence offsets refer to it
                "url": a.url,
                "dateline": datelines[i],
                "themes": tags[i].themes(),
                "topic": topics[i] if topics is not None else None,
                "sentiment": sentiment,
                "actors": actor_rows + outside,
                "quotes": [q.to_dict() for q in quotes],
                "duplicate_of": None,
                "model_version": parts.model_version,
            }
        )
        if a.extra:
            _carry_extras(out[-1], a.extra)
    return out


#: The fields of a scored record, in their order (the input's own fields come after them).
_RECORD_FIELDS = (
    "id", "published_at", "source", "title", "url", "dateline", "themes", "topic", "sentiment",
    "actors", "quotes", "duplicate_of", "model_version",
)  # fmt: skip


def _records_frame(records: Sequence[Mapping[str, Any]], index: Any) -> Any:
    """Scored records as a DataFrame with ``index``: a column of object dtype holding each
    record's value, ``None`` where it has none, except a column carried from the input that
    holds only numbers, whose dtype pandas gives (``NaN`` where a record has none)."""
    import pandas as pd

    names = list(_RECORD_FIELDS)
    for record in records:
        names.extend(k for k in record if k not in names)
    columns = {}
    for name in names:
        values = [record.get(name) for record in records]
        numbers = (
            name not in _RECORD_FIELDS
            and any(v is not None for v in values)
            and all(v is None or isinstance(v, int | float) for v in values)
        )
        # pandas would read None beside strings as NaN (a str column): the records' None kept
        columns[name] = pd.Series(values, dtype=None if numbers else object)
    frame = pd.DataFrame(columns)
    frame.index = index
    return frame


#: Names a scored record read back from the database also has (see ``Store.scores_frame``).
_STORE_FIELDS = frozenset(["scored_at", "run_id", "stale", "text"])


def _carry_extras(record: dict[str, Any], extra: Mapping[str, Any]) -> None:
    """Add the input's own fields (a vendor's ``category``, ``author``, ``sentiment``) to the
    scored record, after its fields and as JSON values. One named like a field of the record
    comes in as ``input_<name>`` (a vendor's ``sentiment`` as ``input_sentiment``)."""
    for key, value in extra.items():
        name = str(key)
        if name == "duplicate_of":
            continue  # the mark duplicate detection left on the article: the record has it
        if name in record or name in _STORE_FIELDS:
            name = f"input_{name}"
            if name in record:
                continue
        record[name] = _json_value(value)


def _json_value(value: Any) -> Any:
    """``value`` as JSON holds it: dates as ISO 8601, numpy numbers as Python ones, NaN and
    other missing values as null, other objects as their text."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if np.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset | np.ndarray):
        return [_json_value(v) for v in value]
    if isinstance(value, np.generic):
        return _json_value(value.item())
    if hasattr(value, "isoformat"):  # datetime, date, time, pandas.Timestamp
        try:
            import pandas as pd

            if pd.isna(value):
                return None
        except ImportError:  # pragma: no cover - pandas is a core dependency
            pass
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _record_tone(
    parts: _Parts, sentence: Any, article_proba: Any, classes: Sequence[str]
) -> tuple[dict[str, Any], float]:
    """``(sentiment, sentence share)`` of an article: its record's ``sentiment`` (label, score,
    probabilities, polarity: :func:`~media_analytics.sentiment.article.tone_record`), from the
    sentence reading (an ``ArticleTone``, or None) and the article model's probabilities (in
    ``classes`` order, or None): blended when the model blends them, else whichever exists."""
    from .sentiment.article import tone_record

    weight = parts.tone_sentence_weight
    if article_proba is not None and sentence is not None and weight > 0:
        from .sentiment.tone import blend_record

        mixed = blend_record(
            sentence.probabilities, list(article_proba), classes, weight, parts.tone_bands
        )
        return mixed, weight
    if article_proba is not None:
        best = int(np.argmax(article_proba))
        probabilities = {str(c): float(p) for c, p in zip(classes, article_proba, strict=True)}
        return tone_record(str(classes[best]), probabilities), 0.0
    if sentence is not None:
        return tone_record(sentence.label, sentence.probabilities), 1.0
    raise ModelError("this model has no sentiment part")


def _settings_digest(manifest: Mapping[str, Any]) -> str:
    """SHA-256 of what decides a loaded model's scores besides its parts: the settings, the
    tone blend, the model version and each part's checksum (``settings_sha256``), and the
    manifest's own digest when it has one (:func:`_manifest_digest`), so that removing that
    digest to pass for a model saved before it existed is an edit this one sees."""
    keys = ("model_version", "params", "tone_sentence_weight", "tone_bands", "files")
    chosen = {k: manifest.get(k) for k in keys}
    if "manifest_sha256" in manifest:  # absent from models saved before it: their digest stays
        chosen["manifest_sha256"] = manifest["manifest_sha256"]
    return hashlib.sha256(json.dumps(chosen, sort_keys=True).encode("utf-8")).hexdigest()


#: The manifest's digests, which :func:`_manifest_digest` leaves out of what it digests.
_DIGEST_KEYS = ("settings_sha256", "manifest_sha256")


def _manifest_digest(manifest: Mapping[str, Any]) -> str:
    """SHA-256 of every entry of the manifest but its digests (``manifest_sha256``): the
    provenance a reader of the model relies on (``training_data_sha256``,
    ``n_training_articles``, ``created_at``, ``metrics``, ``versions``, the entries ``save``
    was given as ``extra``) as well as the settings, and no entry added or removed. Models
    saved before it existed have only :func:`_settings_digest`."""
    chosen = {k: v for k, v in manifest.items() if k not in _DIGEST_KEYS}
    return hashlib.sha256(json.dumps(chosen, sort_keys=True).encode("utf-8")).hexdigest()


_JSON_KINDS = {str: "a string", bool: "true/false", int: "a number", float: "a number",
               list: "a list", dict: "an object", type(None): "null"}  # fmt: skip


def _found(value: Any) -> str:
    """What a manifest holds instead of the expected value, as JSON names it."""
    return f"found {_JSON_KINDS.get(type(value), type(value).__name__)} {value!r}"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_tone_values(weight: Any, bands: Any) -> None:
    """The tone blend as ``save`` writes it: a number and a list of two numbers (or None), each
    in range (:func:`check_tone_settings`)."""
    if weight is not None and not _is_number(weight):
        raise ValueError(f"tone_sentence_weight must be a number, {_found(weight)}")
    if bands is not None and not (
        isinstance(bands, list) and len(bands) == 2 and all(map(_is_number, bands))
    ):
        raise ValueError(f"tone_bands must be a list of two numbers, {_found(bands)}")
    check_tone_settings(weight, bands)


def _check_params(params: Mapping[str, Any]) -> None:
    """The settings a model was trained with, checked as training checks them."""
    unknown = sorted(set(params) - set(inspect.signature(MediaPipeline).parameters))
    if unknown:
        raise ValueError(f"settings MediaPipeline does not have: {', '.join(unknown)}")
    for key in ("stopwords", "sentiment_search"):
        if key in params and not isinstance(params[key], str):
            raise ValueError(f"{key} must be a string, {_found(params[key])}")
    _check_tone_values(params.get("tone_sentence_weight"), params.get("tone_bands"))
    settings = MediaPipeline(**params)
    settings._check_settings()
    load_stopwords(settings.stopwords)
    from .sentiment.classifier import search_settings

    search_settings(settings.sentiment_search)


def _check_manifest(manifest: Mapping[str, Any]) -> None:
    """Refuse, naming the field, a manifest value that ``save`` never writes: an edited value
    would otherwise load and score out of range (a tone weight of 5 gives scores above 1) or
    fail later in a worker (stopwords that are not a name). Raises ValueError."""
    for key in ("model_version", "training_data_sha256", "n_training_articles", "files"):
        if key not in manifest:
            raise ValueError(f"{key} is missing")
    for key in (
        "model_version", "training_data_sha256", "created_at", "settings_sha256",
        "manifest_sha256",
    ):  # fmt: skip
        if key in manifest and not isinstance(manifest[key], str):
            raise ValueError(f"{key} must be a string, {_found(manifest[key])}")
    count = manifest["n_training_articles"]
    if not (_is_number(count) and isinstance(count, int) and count >= 1):
        raise ValueError(
            f"n_training_articles must be a whole number of 1 or more, {_found(count)}"
        )
    for key in ("files", "params", "metrics", "versions"):
        if key in manifest and not isinstance(manifest[key], dict):
            raise ValueError(f"{key} must be an object, {_found(manifest[key])}")
    for name, entry in manifest["files"].items():
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) for k in ("path", "sha256")
        ):
            raise ValueError(f"files.{name} must hold a path and a sha256, {_found(entry)}")
    for dist, version in manifest.get("versions", {}).items():
        if not isinstance(version, str):
            raise ValueError(f"versions.{dist} must be a string, {_found(version)}")
    # the tone blend the model scores with (absent from models saved before it)
    _check_tone_values(manifest.get("tone_sentence_weight", 0.0), manifest.get("tone_bands"))
    try:
        _check_params(manifest.get("params", {}))
    except ValueError as exc:
        raise ValueError(f"params: {exc}") from None


def mark_duplicates(
    articles: Iterable[Article],
    detector: Any,
    originals: list[str | None] | None = None,
    *,
    lookahead: int | None = None,
) -> Iterator[Article]:
    """The articles in arrival order, each with ``extra["duplicate_of"]`` set to the original
    of its syndicated group (or None) by ``detector`` (a
    :class:`~media_analytics.corpus.DuplicateDetector`), also appended to ``originals``.

    The original is the group's earliest-published member, so an answer can change when an
    earlier-published copy arrives (a feed read newest first). Each article is handed out
    once ``lookahead`` more articles have been added (default
    :data:`~media_analytics.corpus.dedup.DEFAULT_LOOKAHEAD`), or the input has ended, and
    its answer is then final (:meth:`~media_analytics.corpus.DuplicateDetector.settle`): an
    earlier-published copy arriving later than that joins the group as a copy, as do copies
    of articles ``detector`` held before this call (handed out already). Memory: the
    ``lookahead`` articles held, whatever the length of the input.
    """
    from .corpus.dedup import DEFAULT_LOOKAHEAD

    ahead = DEFAULT_LOOKAHEAD if lookahead is None else lookahead
    if ahead < 0:
        raise ValueError(f"lookahead must be >= 0, got {lookahead}")
    detector.settle()  # what it held before: answers handed out by earlier calls
    held: deque[Article] = deque()

    def release() -> Article:
        a = held.popleft()
        detector.settle(a.id)
        if originals is not None:
            originals.append(a.extra["duplicate_of"])
        return a

    for a in articles:
        a.extra["duplicate_of"] = detector.add(a)
        if detector.repointed:  # an earlier-published copy took its group over
            for other in held:
                if other.id in detector.repointed:
                    other.extra["duplicate_of"] = detector.repointed[other.id]
        held.append(a)
        if len(held) > ahead:
            yield release()
    while held:
        yield release()


def _training_articles(
    articles: Any,
    *,
    column_map: Mapping[str, str | None] | None,
    dayfirst: bool | str | None,
    rejects: Rejects | None,
) -> list[Article]:
    """The articles ``fit`` is given (see there): a DataFrame's rows and dicts read as a file's
    records, Article objects as they are, in the order given."""
    import pandas as pd

    from .corpus.frames import read_frame, read_records

    if isinstance(articles, pd.DataFrame):
        rows = read_frame(articles, column_map=column_map, dayfirst=dayfirst, rejects=rejects)
        return [article for _, article in rows]
    if isinstance(articles, str | bytes | Mapping | Article):
        raise TypeError(
            "fit takes a DataFrame or an iterable of articles (dicts or Article objects): wrap "
            "one article in a list"
        )
    items = list(articles)
    positions = [k for k, item in enumerate(items) if not isinstance(item, Article)]
    if not positions:
        return items
    read = dict(
        read_records(
            (items[k] for k in positions),
            column_map=column_map,
            dayfirst=dayfirst,
            rejects=rejects,
            positions=positions,
        )
    )
    return [item if isinstance(item, Article) else read[k] for k, item in enumerate(items)
            if isinstance(item, Article) or k in read]  # fmt: skip


def _model_manifest(path: str | Path) -> dict[str, Any] | None:
    """The manifest of the model directory ``path``, or None when it is not one."""
    try:
        manifest = json.loads((Path(path) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(manifest, dict) and manifest.get("format") == "media_analytics.model":
        return manifest
    return None


def is_model_dir(path: str | Path) -> bool:
    """Whether ``path`` is a model directory (its manifest says so), not any folder."""
    return _model_manifest(path) is not None


def check_model_target(path: str | Path) -> Path:
    """The folder :meth:`MediaPipeline.save` writes the model given ``path`` to (a link to a
    model directory followed), or :class:`ModelError` naming why it would not save there: the
    current folder (or one holding it), a file, a ``manifest.json`` that is not a model's, a
    folder that holds other things than a model. A model directory is replaced.

    ``media-analytics train --out`` checks its folder with this before it fits, so that the
    command refuses, before any training, the folders the save would refuse after it."""
    given = Path(path)
    out = given.resolve()
    here = Path.cwd().resolve()
    if out == here or out in here.parents:
        raise ModelError(f"{given}: the current folder; give the model a folder of its own")
    if out.exists() and not out.is_dir():
        raise ModelError(f"{given}: is a file; give a folder for the model")
    if (out / MANIFEST).is_file() and not is_model_dir(out):
        raise ModelError(f"{given}: its {MANIFEST} is not a model's; not replaced")
    if out.is_dir() and not is_model_dir(out) and any(out.iterdir()):
        raise ModelError(
            f"{given}: neither a model directory nor an empty folder; refusing to replace it "
            "(give a new or empty folder, or a model directory to replace)"
        )
    return out


_MAPPERS: dict[str, TokenMapper] = {}


def _token_doc(mapper: TokenMapper, title: str, body: str) -> str:
    """An article's tokens as the topic model and the theme classifier read them (cleaned
    headline and body, joined)."""
    return " ".join(mapper(f"{title}\n{body}"))


def _mapper(stopwords: str) -> TokenMapper:
    m = _MAPPERS.get(stopwords)
    if m is None:
        m = _MAPPERS[stopwords] = TokenMapper(stopwords=load_stopwords(stopwords))
    return m


class MediaPipeline:
    """All the parts of media_analytics, fitted together and saved as one model directory.

    Parameters
    ----------
    taxonomy : Taxonomy, path or None
        Theme taxonomy (the bundled default when None).
    n_topics : int or "auto", default="auto"
    random_state : int, default=0
    stopwords : str, default="sastrawi+news"
    calibrate_themes : bool, default=False
        Calibrate theme scores on the training labels (see :class:`ThemeTagger`).
    theme_label_share : float or "auto", default="auto"
        Share of a text classifier learnt from ``theme_labels`` in the score of each theme they
        judge (the rules keep the rest). ``"auto"`` chooses it per theme, from 0 (the rules
        alone) to 0.9, by 5-fold cross-validation on the theme's labelled articles (the F1 of
        each share is logged and kept in ``themes_.share_cv_``); a number sets it for all of
        them: at 0.3 the labels move scores near the threshold but do not overturn a strong
        rule hit, at 0.7 they do (``train --theme-share``).
    with_topics, with_sentiment : bool
        Parts can be left out (a theme-only model, say).
    tone_sentence_weight : float or None, default=None
        Share of the sentence reading in an article's tone when the model has an article tone
        part (:func:`~media_analytics.sentiment.tone.blend_tone`); the rest is the article
        model's. None: :data:`~media_analytics.sentiment.tone.BUNDLED_SENTENCE_WEIGHT` when the
        tone part learnt from the bundled articles; when it learnt from the analyst's
        ``tone_data``, the share of 0 to 1 (steps of 0.1) with the best cross-validated
        macro-F1 on those labels (:func:`~media_analytics.sentiment.tone.choose_sentence_weight`;
        every share's figure in ``metrics_["tone"]["sentence_weight_cv_macro_f1"]``, keyed
        ``"0.0"`` to ``"1.0"``), 0 (the
        article model alone) when a tone has fewer than 2 labelled articles.
    tone_bands : (float, float) or None, default=None
        The blend's lean rule, ``(negative, positive)``: an article is negative when the blended
        P(positive) - P(negative) is at most ``-negative``, positive when it is at least
        ``positive``, neutral in between. None:
        :data:`~media_analytics.sentiment.tone.BUNDLED_TONE_BANDS` for the bundled articles,
        ``(0.15, 0.15)`` for the analyst's ``tone_data``.
    sentiment_search : {"fast", "full"}, default="fast"
        How the sentence classifier is chosen by cross-validation
        (:data:`~media_analytics.sentiment.classifier.SEARCHES`): ``"fast"`` prefers a model
        that is cheap to score; ``"full"`` takes the best cross-validated one and also tries the
        second view (the models of the README's sentiment benchmark), at several times the
        training and scoring time.
    """

    def __init__(
        self,
        *,
        taxonomy: Taxonomy | str | Path | None = None,
        n_topics: int | str = "auto",
        random_state: int = 0,
        stopwords: str = "sastrawi+news",
        calibrate_themes: bool = False,
        theme_label_share: float | str = ANALYST_TEXT_SHARE,
        with_topics: bool = True,
        with_sentiment: bool = True,
        tone_sentence_weight: float | None = None,
        tone_bands: tuple[float, float] | None = None,
        sentiment_search: str = "fast",
    ) -> None:
        self.taxonomy = taxonomy
        self.n_topics = n_topics
        self.random_state = random_state
        self.stopwords = stopwords
        self.calibrate_themes = calibrate_themes
        self.theme_label_share = theme_label_share
        self.with_topics = with_topics
        self.with_sentiment = with_sentiment
        self.tone_sentence_weight = tone_sentence_weight
        self.tone_bands = tone_bands
        self.sentiment_search = sentiment_search
        self.manifest_: dict[str, Any] | None = None

    # -- the fitted parts ------------------------------------------------------------------------

    @property
    def themes_(self) -> ThemeTagger:
        """The theme tagger. A fitted :class:`ThemeTagger` put in its place
        (``model.themes_ = train_tagger(...)``) gives the model another ``model_version``."""
        return self._get_part("themes")

    @themes_.setter
    def themes_(self, tagger: ThemeTagger) -> None:
        if not isinstance(tagger, ThemeTagger):
            raise TypeError(
                f"themes_ must be a fitted ThemeTagger (train_tagger gives one), got "
                f"{type(tagger).__name__}"
            )
        if not hasattr(tagger, "thresholds_"):
            raise ValueError(
                "themes_: this ThemeTagger is not fitted (fit it, or use train_tagger)"
            )
        self._put_part("themes", tagger)

    @property
    def topics_(self) -> Any:
        """The topic model, or None (see ``with_topics``); one put in its place gives the model
        another ``model_version``, as any part does."""
        return self._get_part("topics")

    @topics_.setter
    def topics_(self, model: Any) -> None:
        self._put_part("topics", model)

    @property
    def sentiment_(self) -> Any:
        """The sentence classifier, or None (see ``with_sentiment``)."""
        return self._get_part("sentiment")

    @sentiment_.setter
    def sentiment_(self, model: Any) -> None:
        self._put_part("sentiment", model)

    @property
    def tone_(self) -> Any:
        """The article tone model, or None (see ``tone_data`` in :meth:`fit`)."""
        return self._get_part("tone")

    @tone_.setter
    def tone_(self, model: Any) -> None:
        self._put_part("tone", model)

    def _get_part(self, name: str) -> Any:
        try:
            return self.__dict__[f"_{name}_part"]
        except KeyError:  # not fitted: hasattr() says False, as for any fitted attribute
            raise AttributeError(f"{name}_") from None

    def _put_part(self, name: str, part: Any) -> None:
        """Put a part in; in a fitted model, one other than the fitted part (by its saved
        content) marks the model version (see :meth:`_model_version`)."""
        method = _PART_METHODS[name]
        if part is not None and not callable(getattr(part, method, None)):
            raise TypeError(
                f"{name}_ must be a fitted {name} model (with a {method} method) or None, got "
                f"{type(part).__name__}"
            )
        fitted: dict[str, Any] | None = self.__dict__.get("_fitted_parts")
        replaced: dict[str, str] = self.__dict__.setdefault("_replaced_parts", {})
        if fitted is None:  # fitting or loading: the version is set once every part is in
            self.__dict__[f"_{name}_part"] = part
            return
        digest = None
        if part is not fitted[name]:
            digest = _part_digest(name, part)
            if digest == self._fitted_digest(name):
                digest = None  # the fitted part's copy: the model scores as its version says
        self.__dict__[f"_{name}_part"] = part
        if digest is None:
            replaced.pop(name, None)
        else:
            replaced[name] = digest

    def _fitted_digest(self, name: str) -> str:
        digests = self.__dict__.setdefault("_fitted_digests", {})
        if name not in digests:
            digests[name] = _part_digest(name, self.__dict__["_fitted_parts"][name])
        return str(digests[name])

    def _mark_fitted(self) -> None:
        """The parts in the model now are those its ``model_version_`` names (after fit and
        load)."""
        self.__dict__["_fitted_parts"] = {name: self._get_part(name) for name in _PART_METHODS}
        self.__dict__["_fitted_digests"] = {}
        self.__dict__["_replaced_parts"] = {}
        self.version_thresholds_ = dict(self.themes_.thresholds_)

    # -- training --------------------------------------------------------------------------------

    def _check_settings(self) -> None:
        n = self.n_topics
        whole = isinstance(n, int | np.integer) and not isinstance(n, bool)
        if not (n == "auto" or (whole and int(n) >= 2)):
            raise ValueError(f'n_topics must be "auto" or a whole number of 2 or more, got {n!r}')
        seed = self.random_state
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int | np.integer)):
            raise ValueError(f"random_state must be a whole number or None, got {seed!r}")
        for name in ("calibrate_themes", "with_topics", "with_sentiment"):
            if not isinstance(getattr(self, name), bool | np.bool_):
                raise ValueError(f"{name} must be True or False, got {getattr(self, name)!r}")
        share: Any = self.theme_label_share
        if not (share == "auto" or (_is_number(share) and 0 <= share <= 1)):
            raise ValueError(
                f'theme_label_share must be "auto" or a number from 0 to 1, got {share!r}'
            )

    def fit(
        self,
        articles: Any,
        *,
        theme_labels: Mapping[str, Mapping[str, int | None]] | None = None,
        sentiment_data: Any = None,
        tone_data: Any = None,
        n_jobs: int | None = -1,
        previous: MediaPipeline | None = None,
        column_map: Mapping[str, str | None] | None = None,
        dayfirst: bool | str | None = "auto",
        rejects: Rejects | None = None,
    ) -> MediaPipeline:
        """Fit every part.

        Parameters
        ----------
        articles : DataFrame, or iterable of Article or dicts
            Training articles (for topics, surface forms and theme weights). Sample records with
            ``gold.themes`` contribute those labels. A DataFrame is read as :meth:`score_frame`
            reads one, and dicts as the records of a JSON file (``df.to_dict("records")``):
            columns found by their contract names or aliases (``judul``, ``isi_berita``,
            ``tanggal``; ``column_map`` names others), numeric dates in the order each
            outlet's own dates show (``dayfirst``), an empty body scored on the headline, a
            repeated id's first row kept (see :func:`~media_analytics.corpus.read_frame`). A
            row or dict that cannot be used stops the fit before any part is fitted, or, with
            ``rejects`` (a :class:`~media_analytics.corpus.Rejects`), is left out and collected
            there. Article objects are taken as they are.
        theme_labels : mapping or DataFrame, optional
            Article id -> {theme: 0/1/None}, overriding gold labels, checked as a label file is
            (:func:`~media_analytics.themes.training.read_labels`).
        sentiment_data : DataFrame with ``text`` and ``label``, path, or None
            None: the bundled ``corpora/sentiment`` set. A DataFrame with other column names has
            them found as a file's are (``judul``/``sentimen``, ``kalimat``/``label``, ...).
        tone_data : DataFrame with ``text`` and ``label``, path, None or False
            Labelled whole articles (headline first in ``text``; in a DataFrame with other
            column names, a headline column beside the body is put there). An article tone model is
            trained on them (:func:`~media_analytics.sentiment.tone.fit_article_tone`) and gives
            each scored article its tone; the sentence classifier still gives the tone toward
            each actor. Its number of articles and cross-validated macro-F1 are logged and kept
            in ``metrics_["tone"]`` (and the saved manifest), with a warning below
            :data:`~media_analytics.sentiment.tone.MIN_TONE_ARTICLES` articles, where the
            default blend may read tone better. None: the model learns from the bundled articles
            (:func:`~media_analytics.sentiment.tone.default_tone_data`) and is blended with the
            sentence reading (see ``tone_sentence_weight``). False: no article tone model, tone
            from the sentences alone (the lean rule).
        n_jobs : int or None, default=-1
            Cores to use (``-1``: all, ``None`` or 1: one). With more than one: preprocessing in
            worker processes, the candidate numbers of topics fitted in threads, the sentiment
            classifier's cross-validation in worker processes, and sentiment and tone fitted
            beside the topics. The fitted model does not depend on it.
        previous : MediaPipeline, optional
            The model this one replaces (a retrain on more or newer articles). Its topics are
            passed to :meth:`TopicModel.fit <media_analytics.topics.TopicModel.fit>`: a topic
            that matches one of them keeps its id, so stored scores and dashboards keep their
            meaning; new topics get ids never used before. Without it, topics are numbered
            afresh by size. Only the topic ids carry over: the themes' thresholds are this
            taxonomy's, not those set on ``previous`` with ``set_threshold`` (set them again,
            or write them into the taxonomy).
        """
        started = time.perf_counter()
        self._check_settings()  # before any fitting: a typo costs no minutes of training
        # checked before any fitting; None keeps the tone part's own default
        tone_settings = check_tone_settings(self.tone_sentence_weight, self.tone_bands)
        if self.with_sentiment:
            from .sentiment.classifier import search_settings

            search_settings(self.sentiment_search)  # an unknown name fails before any fitting
            # read (a path), or its columns found (a frame), before any fitting too
            sentiment_data = self._labelled(sentiment_data, headline=False)
            tone_data = self._labelled(tone_data, headline=True)
        previous_topics = self._previous_topics(previous)
        arts = _training_articles(
            articles, column_map=column_map, dayfirst=dayfirst, rejects=rejects
        )
        if not arts:
            raise ValueError("fit needs at least one article")
        taxonomy = (
            self.taxonomy if isinstance(self.taxonomy, Taxonomy) else Taxonomy.load(self.taxonomy)
        )
        bodies = [clean_article(a.text).text for a in arts]
        titles = [clean_title(a.title) for a in arts]
        # tokens exactly as scoring builds them (title and body cleaned apart, then joined), so a
        # training article scored later gets the same topic it was fitted with
        pre = TextPreprocessor(clean=False, stopwords=self.stopwords, n_jobs=n_jobs)
        token_docs = list(
            pre.fit_transform([f"{t}\n{b}" for t, b in zip(titles, bodies, strict=True)])
        )
        self.surface_forms_ = pre.surface_forms_
        if self.with_topics and len(token_docs) < _EARLY_TOPIC_CHECK:
            # a small corpus may have no topic vocabulary at all: said now, not after the
            # sentiment classifier's minute of cross-validation
            self._check_topic_vocabulary(token_docs)

        if theme_labels is not None:
            # checked as a label file is: integer ids as text, values 0, 1 or blank
            theme_labels = read_labels(theme_labels, taxonomy.ids)
        if theme_labels:
            theme_labels = known_label_themes(
                theme_labels, taxonomy.ids, use="left out of the training"
            )
            check_label_themes(theme_labels, taxonomy.ids, subject="theme labels")
            missing = check_labelled_ids(theme_labels, [a.id for a in arts])
            logger.info("theme labels: %d articles labelled", len(theme_labels) - len(missing))
        labels = []
        for a in arts:
            row: dict[str, int | None] = {}
            gold = a.extra.get("gold")
            if isinstance(gold, Mapping) and "themes" in gold:
                row.update({t: int(t in gold["themes"]) for t in SAMPLE_LABELLED_THEMES})
            row.update((theme_labels or {}).get(a.id, {}))
            labels.append(row)
        Y = label_matrix(taxonomy, labels)
        seconds: dict[str, float] = {"preprocessing": time.perf_counter() - started}
        tick = time.perf_counter()
        # analyst-labelled themes get a classifier share; sample-only themes keep the rules
        self.themes_ = ThemeTagger(
            taxonomy=taxonomy,
            calibrate=self.calibrate_themes,
            text_weights=analyst_text_weights(theme_labels, self.theme_label_share),
        ).fit(bodies, Y if not np.isnan(Y).all() else None, titles=titles, tokens=token_docs)
        if theme_labels:
            log_label_disagreements(
                self.themes_, [a.id for a in arts], theme_labels, bodies, titles, token_docs
            )
        seconds["themes"], tick = time.perf_counter() - tick, time.perf_counter()
        # sentiment and tone are fitted in a second thread while the topics are, when more than
        # one core is allowed: the stretches where one part runs without the GIL (the topic
        # factorisation, the classifier's cross-validation in worker processes) leave room for
        # the other's Python work. Neither part reads what the other writes, and only the second
        # thread stems words, so the models are those of a sequential fit.
        text_parts: Any = None
        side = None
        if self.with_sentiment and effective_n_jobs(n_jobs) > 1:
            side = ThreadPoolExecutor(max_workers=1, thread_name_prefix="media-analytics-fit")
            text_parts = side.submit(
                self._fit_text_parts, sentiment_data, tone_data, tone_settings, n_jobs
            )
        try:
            self.topics_ = (
                self._fit_topics(
                    token_docs,
                    titles,
                    n_jobs,
                    previous_topics,
                    texts=[f"{t}\n{b}" for t, b in zip(titles, bodies, strict=True)],
                )
                if self.with_topics
                else None
            )
            seconds["topics"] = time.perf_counter() - tick
            if text_parts is not None:
                text = text_parts.result()
            elif self.with_sentiment:
                text = self._fit_text_parts(sentiment_data, tone_data, tone_settings, n_jobs)
            else:
                text = _TextParts()
        finally:
            if side is not None:
                side.shutdown(wait=True, cancel_futures=True)
        sentiment_data, tone_data = text.sentiment_data, text.tone_data
        tone_signature = text.tone_signature
        self.sentiment_, self.tone_ = text.sentiment, text.tone
        self.tone_sentence_weight_ = text.tone_sentence_weight
        self.tone_bands_ = text.tone_bands
        tone_metrics = text.tone_metrics
        seconds.update(text.seconds)
        logger.info("fit seconds: %s", {k: round(v, 1) for k, v in seconds.items()})

        digest = hashlib.sha256()
        for a in arts:
            digest.update(f"{a.id}\x00{a.title}\x00{a.text}\x00".encode())
        digest.update(json.dumps(taxonomy.to_dict(), sort_keys=True).encode())
        # every labelled input changes the version too, so a store never keeps the scores of
        # a model trained on other labels under the same version
        if theme_labels:
            digest.update(json.dumps(theme_labels, sort_keys=True, default=str).encode())
        for name, data in (("sentiment", sentiment_data), ("tone", tone_data)):
            if data is not None:
                digest.update(name.encode())
                for text, label in zip(data["text"], data["label"], strict=True):
                    digest.update(f"{text}\x00{label}\x00".encode())
        digest.update(f"tone weight {self.tone_sentence_weight_!r}".encode())
        digest.update(tone_signature.encode())
        if self.tone_bands_ != (NEUTRAL_BAND, NEUTRAL_BAND):  # earlier models hashed no bands
            digest.update(f"tone bands {self.tone_bands_!r}".encode())
        if self.sentiment_search != "fast":  # likewise for the default search
            digest.update(f"sentiment search {self.sentiment_search}".encode())
        if previous is not None and previous_topics is not None:  # other ids: another version
            digest.update(f"previous {previous.model_version}".encode())
        # the settings that change scores: a model with 8 topics, another seed or calibrated
        # themes is another model (hashed only when not the default, as earlier models were)
        defaults = {k: v.default for k, v in inspect.signature(type(self)).parameters.items()}
        for name in _VERSIONED_SETTINGS:
            value = getattr(self, name)
            if value != defaults.get(name):
                digest.update(f"{name} {value!r}".encode())
        self.training_hash_ = digest.hexdigest()
        self.n_training_articles_ = len(arts)
        self.model_version_ = _version_of(self.training_hash_)
        self._mark_fitted()
        self.metrics_: dict[str, Any] = {
            "fit_seconds": {k: round(v, 2) for k, v in seconds.items()}
        }
        if tone_metrics:  # an article model learnt from tone_data: how good by its labels
            self.metrics_["tone"] = tone_metrics
        sentiment = getattr(self, "sentiment_", None)
        if sentiment is not None and getattr(sentiment, "cv_scores_", None) is not None:
            # what the sentence classifier learnt from and how good it read by cross-validation
            # (the manifest keeps it: which data a model directory's sentiment came from)
            from collections import Counter

            from .sentiment.labels import normalize_labels

            given = sentiment_data is not None
            counts = Counter(normalize_labels(list(sentiment_data["label"]))) if given else {}
            self.metrics_["sentiment"] = {
                "data": "given" if given else "bundled",
                "n_texts": sum(counts.values()) if given else None,
                "labels": dict(sorted(counts.items())) if given else None,
                "cv_macro_f1": round(float(np.max(sentiment.cv_scores_)), 4),
                "C": float(sentiment.C_),
                "features": {k: list(v) if isinstance(v, tuple) else v
                             for k, v in (sentiment.feature_params_ or {}).items()},
            }  # fmt: skip
        self.manifest_ = None
        return self

    def _fit_text_parts(
        self,
        sentiment_data: Any,
        tone_data: Any,
        tone_settings: tuple[float | None, tuple[float, float] | None],
        n_jobs: int | None,
    ) -> _TextParts:
        """The sentiment classifier and the article tone model (see ``fit``), with the labelled
        data they were trained on (as :meth:`_labelled` gave it) and their fit times.
        ``tone_settings`` is the blend's weight and bands as :func:`check_tone_settings` returns
        them."""
        tick = time.perf_counter()
        out = _TextParts(sentiment_data=sentiment_data)
        out.sentiment = self._fit_sentiment(out.sentiment_data, n_jobs)
        out.seconds["sentiment"], tick = time.perf_counter() - tick, time.perf_counter()
        if tone_data is False:
            return out
        if tone_data is None:  # the bundled articles, blended with the sentence reading
            from .sentiment.tone import (
                BUNDLED_SENTENCE_WEIGHT,
                BUNDLED_TONE_BANDS,
                bundled_tone_model,
                bundled_tone_signature,
                default_tone_data,
            )

            out.tone_data = default_tone_data()
            out.tone = bundled_tone_model()
            out.tone_signature = bundled_tone_signature()
            default_weight, default_bands = BUNDLED_SENTENCE_WEIGHT, BUNDLED_TONE_BANDS
        else:  # the analyst's labelled articles, blended at a share their labels choose
            from .sentiment.tone import (
                article_tone_metrics,
                choose_sentence_weight,
                fit_article_tone,
            )

            out.tone_data = tone_data
            texts, labels = list(out.tone_data["text"]), list(out.tone_data["label"])
            out.tone = fit_article_tone(texts, labels)
            out.tone_metrics = article_tone_metrics(out.tone, labels)
            default_weight, default_bands = 0.0, (NEUTRAL_BAND, NEUTRAL_BAND)
            if tone_settings[0] is None:
                try:
                    default_weight, by_weight = choose_sentence_weight(
                        out.tone,
                        out.sentiment,
                        texts,
                        labels,
                        bands=tone_settings[1] or default_bands,
                    )
                except ValueError as exc:
                    logger.warning("tone: %s; the article model alone reads tone", exc)
                else:
                    # (keyed by the share as text, as the manifest's JSON keeps it)
                    out.tone_metrics["sentence_weight_cv_macro_f1"] = {
                        f"{w:.1f}": f for w, f in by_weight.items()
                    }
                    logger.info(
                        "tone: the sentence reading's share chosen by cross-validation on the "
                        "%d labelled articles: %s (macro-F1 %.3f; the article model alone %.3f, "
                        "the sentences alone %.3f)",
                        len(labels),
                        default_weight,
                        by_weight[default_weight],
                        by_weight[0.0],
                        by_weight[1.0],
                    )
        weight, bands = tone_settings
        out.tone_sentence_weight = default_weight if weight is None else weight
        out.tone_bands = default_bands if bands is None else bands
        out.seconds["tone"] = time.perf_counter() - tick
        return out

    def _previous_topics(self, previous: MediaPipeline | None) -> Any:
        """The topic part of ``previous`` (see ``fit``), refused before any fitting when it
        cannot carry ids over; None when there is no previous model or no topics are fitted."""
        if previous is None or not self.with_topics:
            return None
        if not isinstance(previous, MediaPipeline):
            raise TypeError(f"previous must be a MediaPipeline, got {type(previous).__name__}")
        topics = previous._parts().topics
        if topics is None:
            raise ValueError("the previous model has no topic part: no topic ids to keep")
        return topics

    @staticmethod
    def _check_topic_vocabulary(token_docs: list[str]) -> None:
        """Refuse, in the library's words, articles that leave the topic model no terms (see
        :meth:`_topic_vocabulary_error`)."""
        try:
            topics = importlib.import_module("media_analytics.topics.model")
        except ImportError:  # no topic part installed: _fit_topics says so
            return
        try:
            topics.default_vectorizer().fit(token_docs)
        except ValueError as exc:
            raise MediaPipeline._topic_vocabulary_error(exc, len(token_docs)) from None

    @staticmethod
    def _topic_vocabulary_error(exc: ValueError, n_docs: int) -> ValueError:
        """scikit-learn's words for a corpus with no topic vocabulary (they name its settings),
        as an analyst can act on them; any other error as it is."""
        found = str(exc)
        if "max_df corresponds to < documents than min_df" in found:
            why = "too few"
        elif "After pruning, no terms remain" in found:
            why = "too alike"
        else:
            return exc
        return ValueError(
            f"{n_docs} article(s) are {why} to learn topic terms (a term must occur in at least "
            "three articles and in at most half of them); give more articles, or leave topics "
            "out (with_topics=False)"
        )

    def _fit_topics(
        self,
        token_docs: list[str],
        titles: list[str],
        n_jobs: int | None,
        previous: Any = None,
        *,
        texts: list[str] | None = None,
    ) -> Any:
        topic_model = _optional("topics", "TopicModel")
        if topic_model is None:
            return None
        model = topic_model(n_topics=self.n_topics, random_state=self.random_state, n_jobs=n_jobs)
        try:
            return model.fit(
                token_docs,
                titles=titles,
                surface_forms=self.surface_forms_,
                previous=previous,
                texts=texts,
            )
        except ValueError as exc:
            raise self._topic_vocabulary_error(exc, len(token_docs)) from None

    @staticmethod
    def _labelled(data: Any, *, headline: bool) -> Any:
        """A labelled set as a frame with ``text`` and ``label`` (a path is read, as the
        command line reads it: whole articles with their headline on the first line; a frame's
        columns are found as a file's are)."""
        if isinstance(data, (str, Path)):
            from .corpus import read_labelled

            return read_labelled(data, headline=headline)
        import pandas as pd

        if isinstance(data, pd.DataFrame):
            from .corpus.loaders import _labelled_frame

            try:
                return _labelled_frame(data, headline=headline)
            except ValueError as exc:
                raise ValueError(
                    f"{'tone_data' if headline else 'sentiment_data'}: {exc}"
                ) from None
        return data

    def _fit_sentiment(self, data: Any, n_jobs: int | None) -> Any:
        classifier = _optional("sentiment", "SentimentClassifier")
        if classifier is None:
            return None
        if data is None:
            from .sentiment import default_training_data

            data = default_training_data()
        else:
            from collections import Counter

            from .sentiment.labels import normalize_labels

            counts = Counter(normalize_labels(list(data["label"])))
            if min(counts.values(), default=0) < MIN_SENTIMENT_PER_LABEL:
                logger.warning(
                    "sentiment data: %s labelled text(s) (%s): under %d of a label, the "
                    "cross-validated figures below are no guide to new text, and the model "
                    "reads little beyond the words it saw (the bundled model learnt from over "
                    "3,000 sentences)",
                    f"{sum(counts.values()):,}",
                    ", ".join(f"{n:,} {label}" for label, n in sorted(counts.items())),
                    MIN_SENTIMENT_PER_LABEL,
                )
        from .sentiment.classifier import search_settings

        # chosen by cross-validation on the training data only
        return classifier.select(
            list(data["text"]),
            list(data["label"]),
            cv=5,
            n_jobs=n_jobs,
            **search_settings(self.sentiment_search),
        )

    # -- scoring ---------------------------------------------------------------------------------

    def _parts(self) -> _Parts:
        if not hasattr(self, "themes_"):
            raise ModelError("this pipeline is not fitted: call fit() or MediaPipeline.load()")
        return _Parts(
            themes=self.themes_,
            topics=self.topics_,
            sentiment=self.sentiment_,
            surface=self.surface_forms_,
            tone=getattr(self, "tone_", None),
            tone_sentence_weight=getattr(self, "tone_sentence_weight_", 0.0),
            tone_bands=getattr(self, "tone_bands_", (NEUTRAL_BAND, NEUTRAL_BAND)),
            model_version=self._model_version(),
            stopwords=self.stopwords,
        )

    def _model_version(self) -> str:
        """The version scores are stored under: the fitted one, plus a mark of the parts put in
        by hand since (``model.themes_ = train_tagger(...)``: other scores, another version),
        and one of the thresholds when they differ from the fitted ones (``set_threshold``)."""
        version = self.model_version_
        replaced = self.__dict__.get("_replaced_parts")
        if replaced:
            digest = hashlib.sha256(json.dumps(sorted(replaced.items())).encode()).hexdigest()
            version = f"{version}-p{digest[:6]}"
        fitted = getattr(self, "version_thresholds_", None)
        now = dict(getattr(self.themes_, "thresholds_", {}) or {})
        if fitted is None or now == fitted:
            return version
        digest = hashlib.sha256(json.dumps(sorted(now.items())).encode()).hexdigest()[:6]
        return f"{version}-t{digest}"

    #: Articles per task of :meth:`score`'s worker processes (its ``chunk_size``).
    SCORE_CHUNK = 64

    def scoring_pool(self, n_jobs: int | None = -1) -> WorkerPool:
        """Worker processes holding this model, for :meth:`score` calls made one after another
        (``pool=``): a job scoring batch after batch starts them once. Close it when done (it is
        a context manager). Scoring with another model, or this one changed, needs a new pool.
        """
        return WorkerPool(n_jobs if n_jobs is not None else -1, context=self._parts())

    def score(
        self,
        articles: Iterable[Article | Mapping[str, Any]],
        *,
        n_jobs: int | None = None,
        chunk_size: int = SCORE_CHUNK,
        duplicates: bool | Any = False,
        lookahead: int | None = None,
        pool: WorkerPool | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Scored records, in input order (a generator: it streams).

        Each record is a JSON-ready dict: ``id``, ``published_at``, ``source``, ``title`` (the
        headline cleaned, as title evidence offsets refer to it), ``url``, ``dateline``,
        ``themes``, ``topic``, ``sentiment``, ``actors``, ``quotes``, ``duplicate_of``,
        ``model_version``, then the input's own fields. ``published_at`` is the day of
        publication alone, an ISO date string (``"2025-10-21"`` for ``10/21/2025 20:43``), the
        day an Indonesian reader counts it: a time in WIB, WITA or WIT, or without a zone, on
        its own day, a UTC time or another zone's on its day in WIB
        (:func:`~media_analytics.corpus.dates.indonesian_time`); None for an undated article. The
        time of day is not kept: the input keeps it.

        With ``duplicates=True`` each record's ``duplicate_of`` names the original of the
        syndicated story it belongs to (MinHash/LSH, as ``media-analytics score`` finds
        them): the story's earliest-published article of this call, whatever order they come
        in (within :func:`mark_duplicates`' look-ahead, ``lookahead`` articles: default
        10,000), so that reports count the story once, under its first outlet; otherwise it is
        left ``None`` (the command line and the Dask path mark copies themselves, against the
        state kept between runs); a :class:`~media_analytics.corpus.DuplicateDetector` given
        instead of ``True`` is the one used (the command keeps its window of recent articles).
        A feed of more articles a day than the look-ahead, read newest first, needs a larger
        one (``media-analytics score --dedup-lookahead N``): an earlier-published copy read
        more than ``lookahead`` articles after the first of its story joins it as one more copy.

        ``n_jobs`` worker processes score the articles (one chunk of ``chunk_size`` or fewer is
        scored in this process); ``pool``, one :meth:`scoring_pool` of this model, is used
        instead of new ones, and left open.
        """
        if isinstance(articles, str | bytes | Mapping | Article):
            raise TypeError(
                "score takes an iterable of articles (dicts or Article objects): wrap one "
                "article in a list"
            )
        parts = self._parts()
        originals: list[str | None] = []
        stream: Iterator[Article] = (as_article(a) for a in articles)
        if duplicates is not False:
            from .corpus import DuplicateDetector

            detector = DuplicateDetector() if duplicates is True else duplicates
            stream = mark_duplicates(stream, detector, originals, lookahead=lookahead)
        records = parallel_map(
            _score_chunk,
            stream,
            context=parts if pool is None else None,  # (a pool holds its model's parts)
            n_jobs=n_jobs,
            chunk_size=chunk_size,
            pool=pool,
        )
        for k, record in enumerate(records):
            if duplicates is not False:
                record["duplicate_of"] = originals[k]
            yield record

    def evaluate_topics(
        self, articles: Iterable[Article | Mapping[str, Any]], *, category: str | None = None
    ) -> Any:
        """How the topic model reads ``articles``: the topics they fall into with their sizes,
        coherence on these articles (NPMI), the model's topic diversity, and, when the articles
        carry a category field (a section, an analyst's code), how well topics agree with it.

        Returns a :class:`~media_analytics.topics.evaluation.TopicEvaluation`;
        ``media-analytics evaluate topics`` prints it.
        """
        from .topics.evaluation import evaluate_topic_assignments

        parts = self._parts()
        topics = _topic_part(parts)
        arts = [as_article(a) for a in articles]
        if not arts:
            raise ValueError("no articles to evaluate topics on")
        mapper = _mapper(parts.stopwords)
        tokens = [
            _token_doc(mapper, clean_title(a.title) if a.title else "", clean_article(a.text).text)
            for a in arts
        ]
        ids = [r["id"] for r in topics.topic_records(tokens)]
        categories = None
        if category is not None:
            categories = [a.extra.get(category) for a in arts]
            if all(c is None or c == "" for c in categories):
                fields = sorted({k for a in arts for k in a.extra})
                raise ValueError(
                    f"no article has a {category!r} field; their other fields: "
                    f"{', '.join(fields) or 'none'}"
                )
        return evaluate_topic_assignments(topics, ids, tokens, categories)

    def explain_themes(self, text: str, title: str | None = "") -> TagResult:
        """Every theme's score for an article, as its scored record was scored, with the evidence.

        The record's ``themes`` keep the themes that passed their thresholds; this gives the
        tagger's whole result: ``scores`` and ``thresholds`` of every theme, ``themes()`` the
        record's themes, and ``explain(theme)`` the evidence of any theme, one that stayed below
        its threshold included. The headline and the body are cleaned as scoring cleans them
        (the headline on its own terms: cleaned as a body, ``Bahas RUU Pesantren, DPR -
        Pemerintah ...`` would lose the part taken for a dateline), and a retrained tagger's
        text classifier reads the tokens scoring gives it.

        Parameters
        ----------
        text, title : str
            The article as it is scored (cleaned here as scoring cleans it).

        Returns
        -------
        TagResult
            Its ``text`` and ``title`` are the cleaned ones the evidence offsets point into.
        """
        head, body = _explained(text, title)
        parts = self._parts()
        doc = _token_doc(_mapper(parts.stopwords), head, body)
        return parts.themes.tag(body, head, tokens=doc)

    def explain_tone(self, text: str, title: str | None = "", *, top: int = 10) -> dict[str, Any]:
        """Why an article gets the tone its scored record shows.

        The record's ``sentiment`` mixes two readings (see the README): the *sentence reading*
        (the sentence classifier on the headline and each sentence, weighted) and, when the model
        has one, the *article reading* (a classifier of whole articles). This returns both, with
        the share each had, so that the explanation is of the label the record carries.

        Parameters
        ----------
        text, title : str
            The article as it is scored (cleaned here as scoring cleans it).
        top : int, default=10
            Sentences and terms to show.

        Returns
        -------
        dict
            ``label``, ``score``, ``probabilities`` and ``polarity`` (as in the scored record:
            the label's probability, each class's in the mix of the two readings, P(positive) -
            P(negative)); ``rule``: why the label is what it is, in one line (the lean against
            the neutral band: an article can be neutral while negative is its most probable
            class); ``sentence_weight`` (the share of
            the sentence reading: 1.0 when it decides alone, 0.0 when an analyst's article model
            does); ``sentence_reading``: its ``label``, ``probabilities`` and ``sentences`` (a
            DataFrame of the scored headline and sentences, ``text`` included, those that
            leaned most towards the record's label first); ``article_reading``: its ``label``,
            ``probabilities`` and ``terms``, the words that pushed it towards the record's label
            (positive) or away from it (negative), as ``(term, weight)`` with negated words read
            ``term (negated)``; ``None`` when the model has no article reading.
        """
        head, body = _explained(text, title)
        parts = self._parts()
        sentence = None
        if parts.sentiment is not None:
            sentence = parts.sentiment.predict_article(head, body)
        from .sentiment.tone import tone_text

        joined = tone_text(head, body)
        article: dict[str, Any] | None = None
        classes: list[str] = []
        proba = None
        if parts.tone is not None:
            proba = parts.tone.predict_proba([joined])[0]
            classes = canonical_classes(parts.tone)
            shown = {c: round(float(x), 4) for c, x in zip(classes, proba, strict=True)}
            article = {"label": classes[int(np.argmax(proba))], "probabilities": shown}
        record, weight = _record_tone(parts, sentence, proba, classes)  # as scoring does
        label = record["label"]
        from .sentiment.article import NEUTRAL_BAND, lean_rule

        if weight == 0.0:
            rule = f"{label}: the article model's most probable class"
        else:  # the blend's bands when it blends (as _record_tone), else the sentence reading's
            bands = parts.tone_bands if proba is not None else NEUTRAL_BAND
            rule = lean_rule(float(record["polarity"]), bands)
        out: dict[str, Any] = {
            **record,
            "rule": rule,
            "sentence_weight": weight,
            "sentence_reading": None,
            "article_reading": None,
        }
        if sentence is not None:
            table = sentence.sentences.copy()
            spans = zip(table["start"], table["end"], strict=True)
            table.insert(0, "text", [head if a < 0 else body[a:b] for a, b in spans])
            lean = table[label] * table["weight"]
            table = table.assign(_lean=lean).sort_values("_lean", ascending=False, kind="stable")
            out["sentence_reading"] = {
                "label": sentence.label,
                "probabilities": dict(sentence.probabilities),
                "sentences": table.drop(columns="_lean").head(top).reset_index(drop=True),
            }
        if article is not None:
            # more features than shown: a word and its stem are added into one entry
            terms = parts.tone.explain(joined, label=label, top=4 * top)
            article["terms"] = _readable_terms(terms, joined, default_cache(), top)
            out["article_reading"] = article
        return out

    def explain_actor(self, text: str, name: str, title: str | None = "") -> dict[str, Any]:
        """Why an actor of an article gets the tone its scored record shows.

        Parameters
        ----------
        text, title : str
            The article as it is scored (cleaned here as scoring cleans it).
        name : str
            The actor, as the record names it (``actors[].name``; case does not matter), or
            as reports count it (``Ahmad Luthfi`` for the article's ``Luthfi``) when one actor
            of the article has a shorter or longer form of it; ``name`` in the answer is the
            article's form.

        Returns
        -------
        dict
            ``name``, ``type``, ``label`` and ``score`` (as in the scored record); ``rule``:
            why the label is what it is, in one line (the lean of its sentences against the
            actor's neutral band, or a reading settled against the article's tone);
            ``reading``: the label, score, probabilities and polarity of the actor's sentences
            before the article's tone was weighed; ``article_label`` and ``settled`` (whether
            the reading opposed the article's tone and was made neutral); ``sentences``: a
            DataFrame of the sentences read, in text order, with ``text`` (as written),
            ``read_as`` (the text the classifier read: the polarity words of organisations'
            and persons' names blanked out), ``start``, ``end``, the probability of each
            class, ``opens`` (the actor opens it: it counts three times), ``own_words`` (its own
            quoted or reported words, or its office in a quoted person's role, or its act of
            enforcement or rescue: a negative lean counts as neutral, a positive one at half
            strength unless it opens the sentence) and ``lean`` (P(positive) - P(negative)); and
            ``not_read``: the sentences naming it that are left out, with why (a law's subject,
            ``revisi UU KPK``; the body an act would weaken, ``pelemahan KPK``). ``label`` is
            ``None`` when no sentence is read (the record then gives it no tone).
        """
        import pandas as pd

        from .actors import extract_actors, extract_quotes, speakers_as_actors
        from .sentiment.actors import (
            _as_mentions,
            actor_plan,
            actors_from,
            name_blind,
            name_spans,
            settle_with_article,
            unread_mentions,
        )
        from .sentiment.article import article_sentences

        _head, body = _explained(text, title)
        parts = self._parts()
        if parts.sentiment is None:
            raise ModelError("this model has no sentiment part: it gives actors no tone")
        named = extract_actors(body)
        quotes = extract_quotes(body, named)
        actors = speakers_as_actors(body, named, quotes)
        toned = [a for a in actors if a.type in ("person", "organization")]
        asked_key = str(name).casefold()
        found = [a for a in toned if a.name.casefold() == asked_key]
        if not found:
            # a form the article gives it too: the short form in brackets ("Komisi Pemberantasan
            # Korupsi (KPK)": asked for as "KPK")
            found = [a for a in toned if asked_key in {x.casefold() for x in a.aliases}]
        if not found:
            # the name reports count it under ("Ahmad Luthfi") for the form the article wrote
            # ("Luthfi"), or the reverse, when one actor of the article is it
            from .actors.names import _within, name_words

            asked = name_words(str(name))
            found = [
                a
                for a in toned
                if _within(name_words(a.name), asked) or _within(asked, name_words(a.name))
            ]
            found = found if len(found) == 1 else []
        if not found:
            known = ", ".join(sorted({repr(a.name) for a in toned})) or "none"
            raise ValueError(f"no person or organisation named {name!r} in the article: {known}")
        actor = found[0]
        article_label = str(self.explain_tone(text, title)["label"])
        sentences = article_sentences(body)
        types = ("person", "organization")
        plan = {p[0]: p for p in actor_plan(sentences, actors, quotes, types, body)}
        classes = canonical_classes(parts.sentiment)
        rows = []
        reading = None
        if actor.name in plan:
            _, _, idx, own, opened = plan[actor.name]
            names = name_spans(actors)
            read = [name_blind(body, sentences[k], names) for k in idx]
            proba = np.asarray(parts.sentiment.predict_proba(read))
            # the reading from these rows, as scoring reads it (actor_sentiment, score_articles)
            [reading] = actors_from(
                [plan[actor.name]], sentences, proba, {k: r for r, k in enumerate(idx)}, classes
            )
            for k, as_read, p in zip(idx, read, proba, strict=True):
                a, b = sentences[k]
                by = {c: round(float(x), 4) for c, x in zip(classes, p, strict=True)}
                rows.append(
                    {"text": body[a:b], "read_as": as_read, "start": a, "end": b, **by,
                     "opens": k in opened, "own_words": k in own,
                     "lean": round(by.get("positive", 0.0) - by.get("negative", 0.0), 4)}
                )  # fmt: skip
        not_read = []
        _, kind, spans = _as_mentions(actor)
        for span, why in sorted(unread_mentions(body, kind, spans).items()):
            within = [(a, b) for a, b in sentences if a <= span[0] < b]
            if within:
                a, b = within[0]
                not_read.append({"text": body[a:b], "start": a, "end": b, "why": why})
        label = score = rule = None
        if reading is not None and reading.n_sentences:
            from .sentiment.actors import ACTOR_BAND
            from .sentiment.article import lean_rule

            label, score = settle_with_article(reading, article_label)
            rule = lean_rule(float(reading.polarity), ACTOR_BAND)
            if label != reading.label:
                rule = (
                    f"neutral: its sentences read {reading.label} against the article's "
                    f"{article_label} tone, and such a reading is settled as neutral ({rule})"
                )
        return {
            "name": actor.name,
            "type": actor.type,
            "label": label,
            "score": None if score is None else round(float(score), 4),
            "rule": rule,
            "reading": None
            if reading is None
            else {
                "label": reading.label,
                "score": round(float(reading.score), 4),
                "probabilities": dict(reading.probabilities or {}),
                "polarity": round(float(reading.polarity), 4),
            },
            "article_label": article_label,
            "settled": label is not None and reading is not None and label != reading.label,
            "sentences": pd.DataFrame(
                rows,
                columns=[
                    "text",
                    "read_as",
                    "start",
                    "end",
                    *classes,
                    "opens",
                    "own_words",
                    "lean",
                ],
            ),
            "not_read": not_read,
        }

    def explain_topic(self, text: str, title: str | None = "", *, top: int = 10) -> dict[str, Any]:
        """Why an article gets the topic its scored record shows.

        The topic model projects the article's TF-IDF vector onto its topic vectors; the article
        belongs to the topic that holds the largest share of the result, when that share reaches
        the model's ``min_share`` (else ``(no clear topic)``). This returns the record's topic,
        the article's shares of its closest topics, and the article's terms that carried its
        topic (each term's TF-IDF weight in the article times its weight in the topic vector),
        named as the article writes them.

        Parameters
        ----------
        text, title : str
            The article as it is scored (cleaned here as scoring cleans it).
        top : int, default=10
            Terms and topics to show.

        Returns
        -------
        dict
            ``topic`` (as in the scored record: ``id``, ``label``, ``score``); ``min_share``;
            ``shares``: a DataFrame of the closest topics (``id``, ``label``, ``share``),
            largest first; ``terms``: ``(term, weight)`` pairs of the article's terms for the
            topic it leans to most (empty when it has no known term); ``topic_terms``: that
            topic's own top terms.
        """
        import pandas as pd

        from .sentiment.ngrams import fast_counts

        head, body = _explained(text, title)
        parts = self._parts()
        model = _topic_part(parts)
        doc = _token_doc(_mapper(parts.stopwords), head, body)
        shares = model.transform([doc])[0]
        # the article's TF-IDF weights, which the projection behind those shares reads
        x = model.tfidf_.transform(fast_counts(model.vectorizer_, [doc])).tocsr()
        names = model.topic_label_map()
        order = np.argsort(-shares, kind="stable")[:top]
        table = pd.DataFrame(
            {
                "id": [int(model.topic_ids_[j]) for j in order],
                "label": [names[int(model.topic_ids_[j])] for j in order],
                "share": [round(float(shares[j]), 4) for j in order],
            }
        )
        table = table[table["share"] > 0].reset_index(drop=True)
        terms: list[tuple[str, float]] = []
        topic_terms: list[str] = []
        if len(table):
            j = int(order[0])
            contrib = x.data * model.components_[j, x.indices]
            written = _written_forms(f"{head}\n{body}", default_cache())
            vocab = model.vectorizer_.get_feature_names_out()
            for k in np.argsort(-contrib, kind="stable")[:top]:
                if contrib[k] <= 0:
                    break
                stems = str(vocab[x.indices[k]]).split(" ")
                shown = " ".join(written.get(st, parts.surface[st]) for st in stems)
                terms.append((shown, round(float(contrib[k]), 4)))
            topic_terms = list(model.topic_terms_[j])
        return {
            "topic": model.topic_records([doc])[0],
            "min_share": model.min_share,
            "shares": table,
            "terms": terms,
            "topic_terms": topic_terms,
        }

    def score_frame(
        self,
        frame: Any,
        *,
        column_map: Mapping[str, str | None] | None = None,
        dayfirst: bool | str | None = "auto",
        rejects: Rejects | None = None,
        n_jobs: int | None = None,
        duplicates: bool = True,
    ) -> Any:
        """Score a DataFrame of articles; returns a DataFrame of scored records.

        The result keeps the input's index (rows rejected with ``rejects`` are left out), and
        syndicated copies are marked in ``duplicate_of`` (``duplicates=False`` leaves them
        unmarked; see :meth:`score`). Its columns are the records' fields, then the input's
        own columns (see :meth:`score`); a missing value is ``None`` (``duplicate_of`` of an
        original, ``dateline``, ``url``, ``published_at`` of an undated article), except in a
        numeric column carried from the input, where pandas has it as ``NaN``. ``published_at``
        is the day of publication as an Indonesian reader counts it (WIB), an ISO date string
        (``"2025-10-21"`` for ``10/21/2025 20:43``), not a timestamp: the time of day is not
        kept. The input keeps it, under the same index (``frame.loc[scored.index, "tanggal"]``).

        The rows are read as the file readers read a file's records
        (:func:`~media_analytics.corpus.read_frame`): columns are matched by the contract
        names and aliases such as ``judul``, ``isi_berita``, ``tanggal`` (``column_map`` names
        others, and ignores those it maps to ``None``: ``{"id": None}`` for ids of row numbers,
        the ids then coming from the URLs; an index named ``id``, as ``df.set_index("id")``
        leaves it, is the id); numeric dates are read in the order each outlet's own dates
        show (``dayfirst="auto"``: the rows of one ``source`` as the lines of one file of
        :func:`~media_analytics.corpus.read_articles`, so that a frame joining detik's
        ``10/21/2025`` and another outlet's ``21/10/2025`` reads both right); an empty cell is
        an empty value, so a headline whose body is missing (``NaN``) is scored on the
        headline, with a ``no_content`` warning, a headline alone (no date, no URL) too (only a
        count or a total with no date or URL is a summary row, ``Total | 67 artikel``:
        ``not_article``); and a repeated id keeps its first row: each later one is left out
        (``repeated_id``), as the readers leave out a repeat within one file.

        A frame with no column read as the text (a body column named as no alias knows: name
        it with ``column_map``) raises a ``ValueError`` naming its columns, with ``rejects`` or
        without, before any row is read, unless every column is read as another field (a
        headline feed: each row scored on its headline). A row that cannot be scored (no text
        and no headline, a field of the wrong type, a repeated id) stops the call with a
        ``ValueError`` naming its position and index label, before any row is scored; with
        ``rejects`` (a :class:`~media_analytics.corpus.Rejects`) such rows are skipped and
        collected there instead, the position in place of a line number. A summary row is no
        error: it is left out, said in an INFO line (and collected in ``rejects``, severity
        ``skipped``). Rows kept with a warning (a date that cannot be read is left empty) are
        logged, or collected in ``rejects``.
        """
        import pandas as pd

        if not isinstance(frame, pd.DataFrame):
            raise TypeError(
                f"score_frame takes a pandas DataFrame, got {type(frame).__name__} (a list of "
                "dicts goes to score(), or to pandas.DataFrame first)"
            )
        from .corpus.frames import read_frame

        # every row read (and a fatal one refused) before the first is scored
        rows = read_frame(frame, column_map=column_map, dayfirst=dayfirst, rejects=rejects)
        articles = (article for _, article in rows)
        records = list(self.score(articles, n_jobs=n_jobs, duplicates=duplicates))
        return _records_frame(records, frame.index[[i for i, _ in rows]])

    @property
    def model_version(self) -> str:
        return self._parts().model_version

    # -- persistence -----------------------------------------------------------------------------

    def save(self, path: str | Path, *, extra: Mapping[str, Any] | None = None) -> Path:
        """Write the model directory (the pipeline itself is not changed).

        ``extra`` entries are added to the manifest (provenance such as what it was built from;
        JSON values), protected against edits as every entry is (see :meth:`load`).
        An existing model directory at ``path`` is replaced whole, with an INFO line of the
        ``media_analytics.pipeline`` logger naming the version replaced and when it was saved:
        the new model is written into a sibling folder and renamed into place, so a save that
        stops halfway (Ctrl-C, a full disk) leaves the old model loadable, and no part of the old
        model stays beside the new one. The folders :func:`check_model_target` refuses (a file,
        a folder of other things, the current folder) raise :class:`ModelError`.
        """
        given = Path(path)
        # a link to a model directory: the model it points at is replaced, the link kept
        out = check_model_target(given)
        replaced = _model_manifest(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        # mkdir (not mkdtemp) so the model gets the umask's permissions, not the owner's alone
        tmp = out.parent / f".{out.name}.saving-{uuid.uuid4().hex[:12]}"
        tmp.mkdir()
        try:
            self._write(tmp, extra)
            if out.exists():
                old = tmp.with_name(f"{tmp.name}-replaced")
                out.rename(old)
                try:
                    tmp.rename(out)
                except BaseException:
                    old.rename(out)
                    raise
                shutil.rmtree(old, ignore_errors=True)
            else:
                tmp.rename(out)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        if replaced is not None:  # said, so that a model saved over by mistake is not lost unseen
            logger.info(
                "%s: replaced the model %s (saved %s) with %s",
                given,
                replaced.get("model_version", "of unknown version"),
                replaced.get("created_at", "at an unknown time"),
                self.model_version,
            )
        return given

    def _write(self, out: Path, extra: Mapping[str, Any] | None) -> None:
        """Write every file of the model directory into the existing, empty folder ``out``."""
        import skops.io as sio

        parts = self._parts()
        files: dict[str, str] = {}

        def dump(name: str, obj: Any) -> None:
            if obj is None:
                return
            target = out / f"{name}.skops"
            sio.dump(obj, target, compression=zipfile.ZIP_DEFLATED, compresslevel=6)
            files[name] = target.name

        dump("themes", parts.themes)
        dump("topics", parts.topics)
        dump("sentiment", parts.sentiment)
        dump("tone", parts.tone)
        (out / "surface_forms.json").write_text(
            json.dumps(parts.surface.to_dict(), ensure_ascii=False), encoding="utf-8"
        )
        files["surface_forms"] = "surface_forms.json"
        cache = StemCache(maxsize=default_cache().maxsize)
        cache.update(default_cache().to_dict())
        cache.save(out / "stems.json.gz")
        files["stems"] = "stems.json.gz"
        manifest = {
            "format": "media_analytics.model",
            "format_version": FORMAT_VERSION,
            "model_version": parts.model_version,
            "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "training_data_sha256": self.training_hash_,
            "n_training_articles": self.n_training_articles_,
            "params": {
                "n_topics": self.n_topics,
                "random_state": self.random_state,
                "stopwords": self.stopwords,
                "calibrate_themes": self.calibrate_themes,
                "theme_label_share": self.theme_label_share,
                "tone_sentence_weight": self.tone_sentence_weight,
                "tone_bands": None if self.tone_bands is None else list(self.tone_bands),
                "sentiment_search": self.sentiment_search,
            },
            "tone_sentence_weight": getattr(self, "tone_sentence_weight_", 0.0),
            "tone_bands": list(getattr(self, "tone_bands_", (NEUTRAL_BAND, NEUTRAL_BAND))),
            "versions": _versions(),
            "metrics": getattr(self, "metrics_", {}),
            "files": {k: {"path": v, "sha256": _sha256(out / v)} for k, v in files.items()},
        }
        for key, value in (extra or {}).items():
            manifest.setdefault(key, value)
        # digested as load reads it back (a tuple is a list there, a number key a string)
        manifest = json.loads(json.dumps(manifest))
        manifest["manifest_sha256"] = _manifest_digest(manifest)
        manifest["settings_sha256"] = _settings_digest(manifest)
        (out / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> MediaPipeline:
        """Read a model directory, refusing anything tampered with or of another format.

        Raises :class:`ModelError`, before any part is built, for a part whose bytes do not match
        the manifest's checksum, a part holding a type off the trusted list, another format
        version, a manifest value ``save`` would not write, and an edited manifest: every entry
        is protected, the settings, tone blend, model version and part checksums by
        ``settings_sha256``, everything else (``training_data_sha256``, ``n_training_articles``,
        ``created_at``, ``metrics``, ``versions``, ``extra`` entries, an entry added or removed)
        by ``manifest_sha256``. A model saved by an earlier release has no ``manifest_sha256``:
        it loads as before, its settings checked and its provenance unprotected, which an INFO
        line of the ``media_analytics.pipeline`` logger says.
        """

        root = Path(path)
        mpath = root / MANIFEST
        if not mpath.is_file():
            raise ModelError(f"{root}: not a model directory (no {MANIFEST})")
        try:
            manifest = json.loads(mpath.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ModelError(f"{mpath}: unreadable manifest ({exc})") from None
        if not isinstance(manifest, dict):
            raise ModelError(f"{mpath}: malformed manifest (not a JSON object)")
        if manifest.get("format") != "media_analytics.model":
            raise ModelError(f"{root}: not a media_analytics model directory")
        version = manifest.get("format_version")
        if isinstance(version, bool) or not isinstance(version, int):
            raise ModelError(
                f"{mpath}: malformed manifest (format_version must be a whole number, "
                f"{_found(version)})"
            )
        if not _OLDEST_FORMAT <= version <= FORMAT_VERSION:
            raise ModelError(
                f"{root}: model format version {version}; this media-analytics "
                f"({__version__}) reads versions {_OLDEST_FORMAT} to {FORMAT_VERSION}. Retrain "
                "with `media-analytics train` or install the version that wrote it."
            )
        expected = manifest.get("settings_sha256")  # absent from version 1 models only
        if expected is None and version >= 2:
            raise ModelError(
                f"{mpath}: the manifest was edited after the model was saved (settings_sha256, "
                f"which every model of format version {version} has, was removed); refusing to "
                "load it"
            )
        if expected is not None and expected != _settings_digest(manifest):
            raise ModelError(
                f"{mpath}: the manifest was edited after the model was saved (its settings, "
                "version or part checksums do not match settings_sha256); refusing to load it"
            )
        recorded = manifest.get("manifest_sha256")  # absent from models saved before it
        if recorded is None:
            logger.info(
                "%s: saved by an earlier release: its provenance (training_data_sha256, "
                "n_training_articles, created_at, metrics) is not protected against edits, "
                "only its settings, version and part checksums are",
                mpath,
            )
        elif recorded != _manifest_digest(manifest):
            raise ModelError(
                f"{mpath}: the manifest was edited after the model was saved (an entry such as "
                "training_data_sha256, n_training_articles or created_at was changed, added or "
                "removed: manifest_sha256 does not match); refusing to load it"
            )
        try:
            _check_manifest(manifest)
        except ValueError as exc:  # one line naming the field
            raise ModelError(f"{mpath}: malformed manifest ({exc})") from None
        try:
            return cls._load_parts(root, manifest)
        except ModelError:
            raise
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
            what = f"{type(exc).__name__}: {exc}"
            raise ModelError(f"{mpath}: malformed manifest ({what})") from None

    @classmethod
    def _load_parts(cls, root: Path, manifest: dict[str, Any]) -> MediaPipeline:
        import skops.io as sio
        from sklearn.exceptions import InconsistentVersionWarning
        from skops.io.exceptions import UntrustedTypesFoundException

        files = manifest.get("files", {})
        inside = root.resolve()
        for name, entry in files.items():
            target = root / entry["path"]
            if Path(entry["path"]).name != entry["path"] or not target.is_file():
                raise ModelError(f"{root}: part {name!r} missing or outside the model directory")
            if target.is_symlink() or target.resolve().parent != inside:
                raise ModelError(
                    f"{target}: part {name!r} is a link to a file outside the model directory; "
                    "refusing to load it"
                )
            if _sha256(target) != entry["sha256"]:
                raise ModelError(
                    f"{target}: checksum mismatch: the file was changed after the model was "
                    "saved; refusing to load it"
                )
        trusted = {
            "themes": list(THEME_TYPES),
            "topics": _trusted("topics"),
            "sentiment": _trusted("sentiment"),
            "tone": _trusted("sentiment"),
        }
        loaded: dict[str, Any] = {}
        for name in ("themes", "topics", "sentiment", "tone"):
            if name not in files:
                loaded[name] = None
                continue
            target = root / files[name]["path"]
            try:
                # skops audits the file against the list before it builds anything
                with warnings.catch_warnings():
                    # another scikit-learn than the one that saved it: said once, below
                    warnings.simplefilter("ignore", InconsistentVersionWarning)
                    loaded[name] = sio.load(target, trusted=trusted[name])
            except UntrustedTypesFoundException:
                untrusted = set(sio.get_untrusted_types(file=target)) - set(trusted[name])
                raise ModelError(
                    f"{target}: contains types that are not on the trusted list "
                    f"({', '.join(sorted(untrusted))}); refusing to load it"
                ) from None
            except Exception as exc:
                raise ModelError(
                    f"{target}: cannot be read by the installed libraries "
                    f"({type(exc).__name__}: {exc}){_version_hint(manifest)}"
                ) from None
        self = cls(**manifest.get("params", {}))
        if not isinstance(loaded["themes"], ThemeTagger):
            raise ModelError(f"{root}: the themes part is not a ThemeTagger")
        self.themes_ = loaded["themes"]
        self.topics_ = loaded["topics"]
        self.sentiment_ = loaded["sentiment"]
        self.tone_ = loaded["tone"]
        # models saved before the blend have an analyst's tone part or none: weight 0
        self.tone_sentence_weight_ = float(manifest.get("tone_sentence_weight", 0.0))
        # models saved before the bands: the symmetric lean rule
        bands = manifest.get("tone_bands") or (NEUTRAL_BAND, NEUTRAL_BAND)
        self.tone_bands_ = (float(bands[0]), float(bands[1]))
        surface = json.loads((root / files["surface_forms"]["path"]).read_text(encoding="utf-8"))
        self.surface_forms_ = SurfaceForms.from_dict(surface)
        try:
            stems = StemCache.load(root / files["stems"]["path"])
        except (OSError, EOFError, ValueError) as exc:
            raise ModelError(f"{root / files['stems']['path']}: {exc}") from None
        default_cache().update(stems.to_dict())
        self.model_version_ = manifest["model_version"]
        self._mark_fitted()
        self.training_hash_ = manifest["training_data_sha256"]
        self.n_training_articles_ = manifest["n_training_articles"]
        self.metrics_ = manifest.get("metrics", {})
        self.manifest_ = manifest
        drift = library_drift(manifest)
        if drift:
            logger.warning(
                "%s was saved with %s; scores may differ from the ones it gave there "
                "(retrain it with `media-analytics train` to be sure)", root, drift,
            )  # fmt: skip
        return self


def _optional(part: str, name: str) -> Any:
    """A part's entry point, or None (with a warning) when that part is not installed."""
    try:
        module = importlib.import_module(f"media_analytics.{part}")
    except ImportError:
        module = None
    found = getattr(module, name, None)
    if found is None:
        logger.warning("%s model unavailable; scoring without %s", part, part)
    return found


def _trusted(part: str) -> list[str]:
    try:
        module = __import__(f"media_analytics.{part}", fromlist=["TRUSTED_TYPES"])
    except ImportError:
        return []
    return list(getattr(module, "TRUSTED_TYPES", []))
