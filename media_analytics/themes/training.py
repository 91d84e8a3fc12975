"""Training data for the theme tagger: the bundled sample's gold themes and analysts' label files.

A label file is a CSV with an ``id`` column and one column per theme holding ``1`` (the article
carries the theme), ``0`` (it does not) or nothing (not judged). Texts come from the articles
with those ids; labels for themes a file does not mention stay unknown, so adding a theme to the
taxonomy never turns old articles into negatives for it.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..preprocessing import clean_article, clean_title
from .taxonomy import Taxonomy

logger = logging.getLogger(__name__)

__all__ = [
    "ANALYST_TEXT_SHARE",
    "SAMPLE_LABELLED_THEMES",
    "analyst_text_weights",
    "label_matrix",
    "load_sample_labels",
    "read_label_file",
    "read_sample_records",
    "train_tagger",
]

#: The themes the bundled sample corpus was labelled against (its writers applied these
#: definitions; any other theme is unknown for those articles).
SAMPLE_LABELLED_THEMES = (
    "pilkada_security", "public_dialogue", "money_politics", "hoax_provocation",
    "asn_neutrality", "campaign_activity", "election_logistics", "election_dispute",
)  # fmt: skip


#: The text classifier's share of a theme's score when an analyst has labelled that theme.
ANALYST_TEXT_SHARE = 0.3


def analyst_text_weights(
    labels: Mapping[str, Mapping[str, int | None]] | None, share: float = ANALYST_TEXT_SHARE
) -> dict[str, float]:
    """Per-theme text shares for :class:`ThemeTagger`: ``share`` for each theme an analyst labelled.

    ``labels`` is article id -> {theme: 0/1/None}, as given to ``MediaPipeline.fit``. A theme gets
    the classifier share when at least one article carries a 0 or 1 for it; themes known only from
    the bundled sample keep the rules alone (their fictional labels do not carry over to real news).

    >>> analyst_text_weights({"a1": {"public_dialogue": 1, "money_politics": None}})
    {'public_dialogue': 0.3}
    """
    themes = {t for row in (labels or {}).values() for t, v in row.items() if v is not None}
    return {t: share for t in sorted(themes)}


def read_sample_records(folder: str | Path | None = None) -> list[dict[str, Any]]:
    """The bundled sample articles as plain dicts (with their ``gold`` labels)."""
    from ..resources import sample_dir

    folder = Path(folder) if folder is not None else sample_dir()
    records = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    return records


def label_matrix(
    taxonomy: Taxonomy,
    labels: Sequence[Mapping[str, int | None]],
) -> np.ndarray:
    """``(n_docs, n_themes)`` float array: 1, 0, or NaN (not judged) in taxonomy order."""
    Y = np.full((len(labels), len(taxonomy)), np.nan)
    for i, row in enumerate(labels):
        for k, theme in enumerate(taxonomy.ids):
            value = row.get(theme)
            if value is not None:
                Y[i, k] = float(value)
    return Y


def _sample_labels(record: Mapping[str, Any]) -> dict[str, int | None]:
    themes = set(record.get("gold", {}).get("themes", []))
    return {t: int(t in themes) for t in SAMPLE_LABELLED_THEMES}


def load_sample_labels(
    taxonomy: Taxonomy, folder: str | Path | None = None
) -> tuple[list[str], list[str], np.ndarray]:
    """Cleaned texts, cleaned titles and the label matrix of the bundled sample corpus."""
    records = read_sample_records(folder)
    texts = [clean_article(r.get("text", "")).text for r in records]
    titles = [clean_title(r.get("title", "")) for r in records]
    return texts, titles, label_matrix(taxonomy, [_sample_labels(r) for r in records])


def check_label_themes(
    labels: Mapping[str, Mapping[str, Any]],
    themes: Sequence[str],
    *,
    subject: str = "labels",
    owner: str = "the taxonomy",
) -> None:
    """Refuse labels that name a theme ``themes`` lacks (a misspelt column), naming them."""
    unknown = sorted({t for row in labels.values() for t in row} - set(themes))
    if unknown:
        raise ValueError(
            f"the {subject} name {len(unknown)} theme(s) {owner} lacks: "
            f"{', '.join(map(repr, unknown))} (its themes: {', '.join(themes)})"
        )


def read_label_file(
    path: str | Path, themes: Sequence[str] | None = None
) -> dict[str, dict[str, int | None]]:
    """Read an analyst's label file: ``id`` plus one 0/1 column per theme (blank = not judged).

    A column that is not one of ``themes`` (default: the default taxonomy's) and holds no 0 or
    1 at all (a ``title`` or ``notes`` column kept beside the labels while labelling in a
    spreadsheet) is not a label column and is left out, with a log line; so are columns whose
    name starts with ``_``.

    Raises ``ValueError`` naming the line for a label column holding something other than 0, 1
    or blank (``ya``), and for a file without an ``id`` column.
    """
    path = Path(path)
    # utf-8-sig: Excel's "CSV UTF-8" starts with a byte-order mark; the separator is sniffed
    # from the header (Excel in an Indonesian locale writes ";")
    with path.open(newline="", encoding="utf-8-sig") as f:
        from ..corpus.readers import sniff_delimiter

        delimiter = sniff_delimiter(f.readline())
        f.seek(0)
        reader = csv.DictReader(f, delimiter=delimiter)
        if reader.fieldnames:
            reader.fieldnames = [name.strip() for name in reader.fieldnames]
        if not reader.fieldnames or "id" not in reader.fieldnames:
            found = ", ".join(reader.fieldnames or []) or "none"
            raise ValueError(f"{path}: a label file needs an 'id' column (columns: {found})")
        rows = list(reader)
    columns = [c for c in reader.fieldnames if c != "id" and not c.startswith("_")]
    values = {c: [(row.get(c) or "").strip() for row in rows] for c in columns}
    named = set(Taxonomy.load().ids if themes is None else themes)
    other = [
        c
        for c in columns
        if c not in named
        and any(values[c])  # an empty column is a theme not judged yet
        and not any(v.lower() in _LABEL_VALUES for v in values[c])
    ]
    if other:
        logger.info("%s: not label columns (no 0 or 1 in them): %s", path, ", ".join(other))
    labels_of = [c for c in columns if c not in other]
    out: dict[str, dict[str, int | None]] = {}
    first_line: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        labels: dict[str, int | None] = {}
        for key in labels_of:
            value = (row.get(key) or "").strip()
            if value == "":
                labels[key] = None
            elif value.lower() in _LABEL_VALUES:
                labels[key] = _LABEL_VALUES[value.lower()]
            else:
                raise ValueError(f"{path}:{line}: theme {key!r} must be 0, 1 or blank")
        doc_id = (row.get("id") or "").strip()
        if not doc_id:
            raise ValueError(f"{path}:{line}: no id")
        if doc_id in out:
            clash = [k for k in labels_of if out[doc_id].get(k) != labels[k]]
            if clash:
                raise ValueError(
                    f"{path}:{line}: article {doc_id!r} was labelled otherwise at line "
                    f"{first_line[doc_id]} ({', '.join(clash)}); keep one row per article"
                )
            continue
        out[doc_id] = labels
        first_line[doc_id] = line
    return out


#: What a label cell may hold: 0 and 1, and the forms spreadsheets write them in.
_LABEL_VALUES = {"0": 0, "1": 1, "0.0": 0, "1.0": 1, "false": 0, "true": 1}


def train_tagger(
    taxonomy: Taxonomy | str | Path | None = None,
    *,
    labels: str | Path | Mapping[str, Mapping[str, int | None]] | None = None,
    articles: Iterable[Mapping[str, Any]] | None = None,
    use_sample: bool = True,
    **params: Any,
) -> Any:
    """Fit a :class:`ThemeTagger` in one call.

    Parameters
    ----------
    taxonomy : Taxonomy, path or None
        The taxonomy (a file an analyst edited, or the bundled default).
    labels : path or mapping, optional
        Corrections: article id -> {theme: 0/1/None}. They override the sample's gold labels for
        the same ids and add labels for ``articles``.
    articles : iterable of dicts with ``id``, ``title``, ``text``, or of ``Article``, optional
        The articles the labels refer to (beyond the bundled sample).
    use_sample : bool
        Include the bundled sample corpus and its gold labels.
    **params
        Passed to :class:`ThemeTagger`. Unless ``text_weight`` or ``text_weights`` is given, each
        theme that ``labels`` judge (a 0 or 1 for at least one article) gets a 0.3 text
        classifier share, and the others keep the rules alone, as ``media-analytics train
        --theme-labels`` does: the sample's fictional gold labels do not carry over to real news,
        so labels for a new theme leave the other themes' tags as they were. ``calibrate`` is
        False unless given, as that command's ``--calibrate-themes``: calibrating on the sample
        moves the rule scores of themes nobody labelled.
    """
    from .tagger import ThemeTagger

    if not isinstance(taxonomy, Taxonomy):
        taxonomy = Taxonomy.load(taxonomy)
    corrections = (
        read_label_file(labels, taxonomy.ids) if isinstance(labels, (str, Path)) else (labels or {})
    )
    # a misspelt column would otherwise leave its theme untrained, silently
    check_label_themes(corrections, taxonomy.ids)
    if "text_weight" not in params and "text_weights" not in params:
        params["text_weights"] = analyst_text_weights(corrections)
    params.setdefault("calibrate", False)
    docs: dict[str, tuple[str, str, dict[str, int | None]]] = {}
    if use_sample:
        for r in read_sample_records():
            docs[r["id"]] = (r.get("title", ""), r.get("text", ""), dict(_sample_labels(r)))
    for item in articles or ():
        # Article objects (read_articles) as well as plain dicts
        a = item.to_dict() if hasattr(item, "to_dict") else item
        prev = docs.get(str(a["id"]), ("", "", {}))[2]
        docs[str(a["id"])] = (a.get("title", "") or "", a.get("text", "") or "", dict(prev))
    for doc_id, corr in corrections.items():
        if doc_id not in docs:
            raise ValueError(f"labels refer to article {doc_id!r}, which is not among the articles")
        docs[doc_id][2].update(corr)
    titles = [clean_title(t) for t, _, _ in docs.values()]
    texts = [clean_article(x).text for _, x, _ in docs.values()]
    Y = label_matrix(taxonomy, [lab for _, _, lab in docs.values()])
    return ThemeTagger(taxonomy=taxonomy, **params).fit(texts, Y, titles=titles)
