"""Training data for the theme tagger: the bundled sample's gold themes and analysts' label files.

A label file is a CSV with an ``id`` column (or another name the article readers take for ids,
such as CLICK-ID's ``article_id``) and one column per theme holding ``1`` (the article carries
the theme), ``0`` (it does not) or nothing (not judged). Texts come from the articles
with those ids; labels for themes a file does not mention stay unknown, so adding a theme to the
taxonomy never turns old articles into negatives for it.
"""

from __future__ import annotations

import csv
import difflib
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..corpus.columns import DEFAULT_ALIASES, ColumnResolver
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
    "read_labels",
    "read_sample_records",
    "train_tagger",
]

#: The themes the bundled sample corpus was labelled against (its writers applied these
#: definitions; any other theme is unknown for those articles).
SAMPLE_LABELLED_THEMES = (
    "pilkada_security", "public_dialogue", "money_politics", "hoax_provocation",
    "asn_neutrality", "campaign_activity", "election_logistics", "election_dispute",
)  # fmt: skip


#: The text classifier's share of a theme's score when an analyst has labelled that theme:
#: ``"auto"`` chooses it per theme by cross-validation on the labels (see ``ThemeTagger``).
ANALYST_TEXT_SHARE = "auto"


def analyst_text_weights(
    labels: Mapping[str, Mapping[str, int | None]] | None,
    share: float | str = ANALYST_TEXT_SHARE,
) -> dict[str, float | str]:
    """Per-theme text shares for :class:`ThemeTagger`: ``share`` for each theme an analyst labelled.

    ``labels`` is article id -> {theme: 0/1/None}, as given to ``MediaPipeline.fit``. A theme gets
    the classifier share when at least one article carries a 0 or 1 for it; themes known only from
    the bundled sample keep the rules alone (their fictional labels do not carry over to real news).

    >>> analyst_text_weights({"a1": {"public_dialogue": 1, "money_politics": None}})
    {'public_dialogue': 'auto'}
    >>> analyst_text_weights({"a1": {"public_dialogue": 0}}, 0.7)
    {'public_dialogue': 0.7}
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
        close = {t: difflib.get_close_matches(t, themes, n=1, cutoff=0.8) for t in unknown}
        meant = "; ".join(f"{t!r}: did you mean {c[0]!r}?" for t, c in close.items() if c)
        raise ValueError(
            f"the {subject} name {len(unknown)} theme(s) {owner} lacks: "
            f"{', '.join(map(repr, unknown))} ({meant + '; ' if meant else ''}its themes: "
            f"{', '.join(themes)}; a taxonomy that has them: --taxonomy FILE)"
        )


def known_label_themes(
    labels: Mapping[str, Mapping[str, int | None]],
    themes: Sequence[str],
    *,
    use: str = "left out",
    owner: str = "the taxonomy",
) -> dict[str, dict[str, int | None]]:
    """The labels of ``themes``, with a warning naming the columns of themes it lacks: an
    analyst's sheet holds a column for a theme still being drafted (``voter_intimidation``),
    and the themes ``themes`` holds are trained or measured without it (``use`` says which, in the
    warning). A column spelt close to one of ``themes`` (``public_dialog``) is kept, for
    :func:`check_label_themes` to refuse as a typo that would leave its theme untrained or
    unmeasured; so are the labels when they name none of ``themes`` at all."""
    unknown = sorted({t for row in labels.values() for t in row} - set(themes))
    drafted = [t for t in unknown if not difflib.get_close_matches(t, themes, n=1, cutoff=0.8)]
    if not drafted:
        return {i: dict(row) for i, row in labels.items()}
    if not any(t in themes for row in labels.values() for t in row):
        return {i: dict(row) for i, row in labels.items()}  # nothing to use: refused
    logger.warning(
        "the labels name %d theme(s) %s lacks, %s: %s (--taxonomy FILE takes a taxonomy that "
        "has them)",
        len(drafted),
        owner,
        use,
        ", ".join(map(repr, drafted)),
    )
    return {i: {t: v for t, v in row.items() if t not in drafted} for i, row in labels.items()}


def read_label_file(
    path: str | Path, themes: Sequence[str] | None = None
) -> dict[str, dict[str, int | None]]:
    """Read an analyst's label file: ``id`` plus one 0/1 column per theme (blank = not judged).

    The file is decoded as article files are (UTF-16 from Excel's "Unicode text", Windows-1252
    from its "CSV", with a warning), and ``Banjir`` names the ``banjir`` theme, as article
    columns are found ignoring case. The id column is found as the article readers find
    theirs: ``id``, ``ID``, ``article_id`` (CLICK-ID's), ``Article ID``, ``news_id``, ...
    (:data:`~media_analytics.corpus.DEFAULT_ALIASES`), the first of them present.

    A column that is not one of ``themes`` (default: the default taxonomy's) and holds no 0 or
    1 at all (a ``title`` or ``notes`` column kept beside the labels while labelling in a
    spreadsheet) is not a label column and is left out, with a log line; so are columns whose
    name starts with ``_``.

    Raises ``ValueError`` naming the line, the article and the value for a label column holding
    something other than 0, 1 or blank (``ya``), and for a file without an id column.
    """
    from ..corpus.readers import decoded_lines, sniff_delimiter

    path = Path(path)
    with path.open("rb") as stream:
        lines = decoded_lines(stream)
        header = next(lines, "")
        # the separator is sniffed from the header (Excel in an Indonesian locale writes ";")
        reader = csv.DictReader(chain([header], lines), delimiter=sniff_delimiter(header))
        names = [name.strip() for name in reader.fieldnames or []]
        reader.fieldnames = names
        rows = [(f"{path}:{line}", f"line {line}", row) for line, row in enumerate(reader, 2)]
    if lines.recoded:
        logger.warning("%s: %s", path, lines.recoded)
    if lines.bad:
        first = min(lines.bad)
        logger.warning("%s:%d: %s (%d line(s))", path, first, lines.bad[first], len(lines.bad))
    return _checked_labels(str(path), names, rows, themes)


def read_labels(
    labels: str | Path | Mapping[Any, Mapping[str, Any]] | Any,
    themes: Sequence[str] | None = None,
) -> dict[str, dict[str, int | None]]:
    """Labels as a notebook holds them, checked and read as a label file is.

    ``labels`` is a label file's path (:func:`read_label_file`), a DataFrame shaped as that
    file (an id column or index, named as a label file's, and one column per theme; a Series
    named after a theme is one such column), or ``{id: {theme: 0, 1 or None}}`` (rows may be Series:
    ``dict(frame.set_index("id").iterrows())``). Ids are read as text, as the article readers
    give them (detik's integer ids among them); NaN and None are "not judged".

    Raises ``ValueError`` naming the article, the theme and the value for a label other than 0,
    1 or blank, and ``TypeError`` for anything else given as labels.
    """
    if isinstance(labels, (str, Path)):
        return read_label_file(labels, themes)
    if isinstance(labels, pd.Series):
        if not isinstance(labels.name, str):
            raise ValueError("labels: a Series of labels needs the name of its theme")
        labels = labels.to_frame()
    if isinstance(labels, pd.DataFrame):
        frame = labels
        named = Taxonomy.load().ids if themes is None else themes
        if _id_column([str(c) for c in frame.columns], named) is None:
            if _id_column([str(frame.index.name or "")], named) is None:
                found = ", ".join(map(str, frame.columns)) or "none"
                raise ValueError(
                    f"labels: a DataFrame of labels needs an id column or index "
                    f"({_ID_NAMES}; columns: {found})"
                )
            frame = frame.reset_index()
        names = [str(c).strip() for c in frame.columns]
        rows = [
            ("labels", f"row {n}", {c: _cell_text(v) for c, v in zip(names, r, strict=True)})
            for n, r in enumerate(frame.itertuples(index=False, name=None), 1)
        ]
        return _checked_labels("labels", names, rows, themes)
    if not isinstance(labels, Mapping):
        raise TypeError(
            "labels: a label file's path, a DataFrame (id and one column per theme) or "
            f"{{id: {{theme: 0, 1 or None}}}}; got {type(labels).__name__}"
        )
    names = ["id"]
    rows = []
    for key, row in labels.items():
        if not hasattr(row, "items"):
            raise TypeError(
                f"labels: article {key!r}: a row is {{theme: 0, 1 or None}}, got "
                f"{type(row).__name__}"
            )
        cells = {str(t): _cell_text(v) for t, v in row.items()}  # a Series' items as a dict's
        names += [t for t in cells if t not in names]
        rows.append(("labels", f"key {key!r}", {**cells, "id": _cell_text(key)}))
    return _checked_labels("labels", names, rows, themes)


def _cell_text(value: Any) -> str:
    """A cell of a DataFrame or a value of a labels mapping as a label file holds it: ``""`` for
    NaN and None, ``756`` for the number 756 (or 756.0, a column with blanks)."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value).strip()


#: The names an id column goes by, as the article readers find it (any case, ``-`` or a space
#: for ``_``: ``ID``, ``Article ID``), the first present taken.
_ID_NAMES = ", ".join(DEFAULT_ALIASES["id"])


def _id_column(names: Sequence[str], themes: Iterable[str]) -> str | None:
    """The column of ``names`` that holds the article ids, found as the article readers find
    theirs (``id``, ``article_id`` as CLICK-ID heads it, ...); a theme's column never is."""
    found = ColumnResolver().resolve([n for n in names if n not in set(themes)])
    return found.get("id")


def _checked_labels(
    source: str,
    names: Sequence[str],
    rows: Sequence[tuple[str, str, Mapping[str, str | None]]],
    themes: Sequence[str] | None,
) -> dict[str, dict[str, int | None]]:
    """Labels from the rows of a label file or of labels given in Python, checked alike.

    ``rows`` holds, per row, where its messages say it is (``file.csv:3``), how a later row
    names it (``line 3``) and its cells by column name.
    """
    named = set(Taxonomy.load().ids if themes is None else themes)
    # ``Banjir`` as ``banjir``, as article columns are found ignoring case
    canonical = {t.lower(): t for t in named}
    rename = {c: c if c in named else canonical.get(c.lower(), c) for c in names}
    id_column = _id_column(names, named)
    if id_column is None:
        found = ", ".join(names) or "none"
        raise ValueError(
            f"{source}: a label file needs an id column ({_ID_NAMES}; columns: {found})"
        )
    rename[id_column] = "id"
    rows = [(where, ref, {rename.get(k, k): v for k, v in row.items()}) for where, ref, row in rows]
    columns = [rename[c] for c in names if rename[c] != "id" and not c.startswith("_")]
    values = {c: [(row.get(c) or "").strip() for _, _, row in rows] for c in columns}
    other = [
        c
        for c in columns
        if c not in named
        and any(values[c])  # an empty column is a theme not judged yet
        and not any(v.lower() in _LABEL_VALUES for v in values[c])
    ]
    if other:
        logger.info("%s: not label columns (no 0 or 1 in them): %s", source, ", ".join(other))
    if {"theme", "label"} <= set(columns) - named:
        raise ValueError(
            f"{source}: labels are read as one column per theme (id, <theme>, ...), not as rows "
            "of id, theme and label: pivot them first"
        )
    labels_of = [c for c in columns if c not in other]
    out: dict[str, dict[str, int | None]] = {}
    first_seen: dict[str, str] = {}
    for where, ref, row in rows:
        doc_id = (row.get("id") or "").strip()
        if not doc_id:
            raise ValueError(f"{where}: {ref}: no id" if where == source else f"{where}: no id")
        labels: dict[str, int | None] = {}
        for key in labels_of:
            if key not in row:  # a mapping's row that does not name the theme
                continue
            value = (row.get(key) or "").strip()
            if value == "":
                labels[key] = None
            elif value.lower() in _LABEL_VALUES:
                labels[key] = _LABEL_VALUES[value.lower()]
            else:
                raise ValueError(
                    f"{where}: article {doc_id!r}: theme {key!r} must be 0, 1 or blank, "
                    f"got {value!r}"
                )
        if doc_id in out:
            clash = [k for k in labels_of if out[doc_id].get(k) != labels.get(k)]
            if clash:
                raise ValueError(
                    f"{where}: article {doc_id!r} was labelled otherwise at "
                    f"{first_seen[doc_id]} ({', '.join(clash)}); keep one row per article"
                )
            continue
        out[doc_id] = labels
        first_seen[doc_id] = ref
    return out


def check_labelled_ids(labels: Mapping[str, Any], ids: Sequence[str]) -> list[str]:
    """The labelled ids that name no training article, with a warning (their labels are not
    used); refuse labels none of whose ids does, naming an id of each side."""
    known = set(ids)
    missing = [i for i in labels if i not in known]
    if labels and len(missing) == len(labels):
        raise ValueError(
            f"none of the {len(missing)} ids of the theme labels is the id of a training article "
            f"(labels for {missing[0]!r}, ...; articles such as {ids[0] if ids else None!r})"
        )
    if missing:
        logger.warning(
            "%d of %d theme-labelled ids name no training article (first: %s); their labels are "
            "not used",
            len(missing),
            len(labels),
            ", ".join(map(repr, missing[:3])),
        )
    return missing


#: What a label cell may hold: 0 and 1, and the forms spreadsheets write them in.
_LABEL_VALUES = {"0": 0, "1": 1, "0.0": 0, "1.0": 1, "false": 0, "true": 1}


def train_tagger(
    taxonomy: Taxonomy | str | Path | None = None,
    *,
    labels: str | Path | Mapping[Any, Mapping[str, Any]] | pd.DataFrame | None = None,
    articles: Iterable[Mapping[str, Any]] | None = None,
    use_sample: bool | None = None,
    **params: Any,
) -> Any:
    """Fit a :class:`ThemeTagger` in one call.

    The training articles are those ``media-analytics train [ARTICLES] --theme-labels`` fits
    its tagger on: ``articles`` when given, else the bundled sample with its gold labels; with
    the same articles and labels, the two give the same tagger.

    Parameters
    ----------
    taxonomy : Taxonomy, path or None
        The taxonomy (a file an analyst edited, or the bundled default).
    labels : path, DataFrame or mapping, optional
        Corrections: article id -> {theme: 0/1/None}, or a label file or DataFrame of them (see
        :func:`read_labels`), checked as a label file is. They label ``articles`` (or the
        sample's articles, overriding their gold labels); labels for an id among none of them
        are not used, with a warning, as ``train --theme-labels`` does.
    articles : iterable of dicts with ``id``, ``title``, ``text``, or of ``Article``, optional
        The articles the labels refer to: the training articles, in place of the bundled
        sample (as ``train ARTICLES`` reads only those). A sample record among them (with
        ``gold.themes``) brings its gold labels, as ``MediaPipeline.fit`` reads it.
    use_sample : bool or None
        Include the bundled sample corpus and its gold labels. None (the default): only when
        no ``articles`` are given; True adds them to ``articles`` (their fictional gold labels
        then train the themes ``labels`` judge too).
    **params
        Passed to :class:`ThemeTagger`. Unless ``text_weight`` or ``text_weights`` is given, each
        theme that ``labels`` judge (a 0 or 1 for at least one article) gets a text classifier
        share chosen by cross-validation on its labelled articles (``"auto"``: 0, the rules
        alone, to 0.9), and the others keep the rules alone, as ``media-analytics train
        --theme-labels`` does: the sample's fictional gold labels do not carry over to real news,
        so labels for a new theme leave the other themes' tags as they were. ``calibrate`` is
        False unless given, as that command's ``--calibrate-themes``: calibrating on the sample
        moves the rule scores of themes nobody labelled.
    """
    from .tagger import ThemeTagger

    if not isinstance(taxonomy, Taxonomy):
        taxonomy = Taxonomy.load(taxonomy)
    corrections = read_labels(labels, taxonomy.ids) if labels is not None else {}
    # a theme still being drafted is left out, with a warning; a misspelt column would
    # otherwise leave its theme untrained, silently
    corrections = known_label_themes(corrections, taxonomy.ids, use="left out of the training")
    check_label_themes(corrections, taxonomy.ids)
    if "text_weight" not in params and "text_weights" not in params:
        params["text_weights"] = analyst_text_weights(corrections)
    params.setdefault("calibrate", False)
    docs: dict[str, tuple[str, str, dict[str, int | None]]] = {}
    articles = list(articles or ())
    if use_sample is None:
        use_sample = not articles
    if use_sample:
        for r in read_sample_records():
            docs[r["id"]] = (r.get("title", ""), r.get("text", ""), dict(_sample_labels(r)))
    for item in articles:
        # Article objects (read_articles) as well as plain dicts
        a = item.to_dict() if hasattr(item, "to_dict") else item
        labelled = dict(docs.get(str(a["id"]), ("", "", {}))[2])
        gold = a.get("gold")
        if isinstance(gold, Mapping) and "themes" in gold:  # a sample record, as fit reads it
            labelled.update(_sample_labels(a))
        docs[str(a["id"])] = (a.get("title", "") or "", a.get("text", "") or "", labelled)
    check_labelled_ids(corrections, list(docs))
    for doc_id, corr in corrections.items():
        if doc_id in docs:
            docs[doc_id][2].update(corr)
    titles = [clean_title(t) for t, _, _ in docs.values()]
    texts = [clean_article(x).text for _, x, _ in docs.values()]
    Y = label_matrix(taxonomy, [lab for _, _, lab in docs.values()])
    tagger = ThemeTagger(taxonomy=taxonomy, **params).fit(texts, Y, titles=titles)
    if corrections:
        # as train --theme-labels (with or without --themes-only) says it
        log_label_disagreements(tagger, list(docs), corrections, texts, titles)
    return tagger


def log_label_disagreements(
    tagger: Any,
    ids: Sequence[str],
    labels: Mapping[str, Mapping[str, int | None]],
    bodies: Sequence[str],
    titles: Sequence[str],
    tokens: Sequence[str] | None = None,
) -> None:
    """Log, per theme the labels judge, how many labelled training articles the new model still
    tags against their label, and how to give the labels more say: an analyst who corrected
    tags and sees them unchanged otherwise has no word of why."""
    rows = [k for k, doc_id in enumerate(ids) if doc_id in labels]
    if not rows:
        return
    tags = tagger.predict(
        [bodies[k] for k in rows],
        titles=[titles[k] for k in rows],
        tokens=[tokens[k] for k in rows] if tokens is not None else None,
    )
    themes = tagger.taxonomy_.ids
    for theme in sorted({t for r in labels.values() for t, v in r.items() if v is not None}):
        if theme not in themes:
            continue
        col = themes.index(theme)
        wanted = [(i, labels[ids[k]].get(theme)) for i, k in enumerate(rows)]
        judged = [(i, v) for i, v in wanted if v is not None]
        against = sum(int(tags[i, col]) != int(v) for i, v in judged)
        # a theme with too few labels to learn from is scored by its rules alone (said above)
        learned = getattr(tagger, "learned_", None)
        share = float(tagger.text_weights_[col]) if learned is not None and learned[col] else 0.0
        if against:
            logger.warning(
                "theme %s: %d of %d labelled training articles are still tagged against their "
                "label, the rules holding %.0f%% of the score (train --theme-share, "
                "MediaPipeline(theme_label_share=...), gives the labels more say; "
                "evaluate themes --errors lists them)",
                theme, against, len(judged), 100 * (1 - share),
            )  # fmt: skip
        else:
            logger.info("theme %s: all %d labelled training articles tagged as labelled",
                        theme, len(judged))  # fmt: skip
