"""Flatten scored records into the tidy tables every report function reads.

A scored record (see the design's contract) nests its themes, actors and quotes in lists. Reports
want one row per thing they count, so :func:`records_to_frames` builds a :class:`ReportData` with:

``stories``
    One row per story: the original of a syndicated group, with ``n_outlets`` (how many outlets
    carried it) and ``outlets`` beside it. Volumes count these, so a copy is never counted twice.
``copies``
    One row per record, duplicates included, with the ``story_id`` it belongs to. Outlet-level
    counts read this table (a syndicated story counts once for each outlet that carried it).
``themes``, ``actors``, ``quotes``
    One row per (story, theme), (story, actor) and (story, quote) pair.
"""

from __future__ import annotations

import ast
import difflib
import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from .evidence import theme_passages
from .regions import in_regions, story_places

__all__ = ["PERIODS", "ReportData", "period_start", "records_to_frames", "wanted_outlets"]

logger = logging.getLogger(__name__)

#: Accepted period names and the pandas period code each maps to.
PERIODS = {"D": "D", "day": "D", "W": "W", "week": "W", "M": "M", "month": "M"}

#: The classes whose probabilities a record's ``sentiment`` carries (see ``ReportData``).
_TONE_CLASSES = ("negative", "neutral", "positive")

_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")

STORY_COLUMNS = [
    "id",
    "date",
    "source",
    "title",
    "url",
    "themes",
    "province",
    "regency",
    "topic_id",
    "topic_label",
    "topic_score",
    "sentiment",
    "sentiment_score",
    "sentiment_negative",
    "sentiment_neutral",
    "sentiment_positive",
    "model_version",
    "n_outlets",
    "outlets",
]


#: The columns of ``ReportData.undated`` (``tables/undated.csv``).
_UNDATED_COLUMNS = ["id", "title", "source", "url", "themes", "published_at"]


@dataclass
class ReportData:
    """Scored records as tidy DataFrames (build it with :func:`records_to_frames`).

    Attributes
    ----------
    stories : pandas.DataFrame
        One row per story (syndicated copies folded into their original), columns
        ``id, date, source, title, url, themes, province, regency, topic_id, topic_label,
        topic_score, sentiment, sentiment_score, sentiment_negative, sentiment_neutral,
        sentiment_positive, model_version, n_outlets, outlets``. ``url`` is the URL of the
        story's representative record (its original, else its earliest copy; empty when the
        record has none) and ``themes`` the themes the story counts under, joined with ``"; "``
        (empty when it carries none); ``province`` and ``regency`` are the provinces and the
        regencies or cities the story is placed in, by the places and local branches it names,
        joined with ``"; "`` (empty for none; a place that may be either of two is ``Kabupaten
        Semarang or Kota Semarang``, see :mod:`~media_analytics.reports.regions`): the keys
        the tables per province and per regency count it under. ``sentiment_score`` is the
        probability of the
        label, which the lean rule can give while another class is more probable;
        ``sentiment_negative`` ... ``sentiment_positive`` are the probabilities of each class
        (empty for records scored without them).
    copies : pandas.DataFrame
        One row per record: ``id, story_id, date, source, is_duplicate``.
    themes : pandas.DataFrame
        ``id, date, theme, score, evidence, passages``: evidence joined with ``"; "``, and
        passages the strongest of it in their sentences (a tuple of
        :class:`~media_analytics.reports.evidence.Passage`; see
        :func:`~media_analytics.reports.evidence.theme_passages`).
    actors : pandas.DataFrame
        ``id, date, name, title, role, type, province, regency, sentiment, written``;
        ``sentiment`` is the actor's own label (the tone of the sentences naming it), ``None``
        when the record gives it none and for every place: never the story's tone;
        ``name`` is the name the actor counts under, ``written`` the form the record gave.
    quotes : pandas.DataFrame
        ``id, date, source, speaker, text, verb, direct, written``: ``direct`` is ``True`` for
        words in quotation marks, ``False`` for reported speech (``None`` when the record does
        not say); ``speaker`` is the name the speaker counts under, ``written`` the form the
        record gave.
    names : pandas.DataFrame
        ``id, date, type, name, written``: every form each story wrote an actor in, with the
        name it counts under (``actors`` keeps one row per story and name).
    aliases : dict
        The analyst's ``written form -> name`` table the names were read with (``aliases`` of
        :func:`records_to_frames`, the package's other names of national bodies under it), so
        that an actor asked for by one of its forms is found whatever stories the date range
        keeps.
    joined : dict
        The short forms the records join to an organisation of theirs (its ``aliases``:
        ``Polri`` of ``Kepolisian Republik Indonesia``), casefolded, -> the name that
        organisation counts under, where the stories join it to one such name (4 in 5 of the
        stories joining it to any), so that an organisation asked for by its short form is
        found when no story writes that form alone.
    n_records : int
        Records read, before any filter.
    n_undated : int
        Records dropped because their date could not be read.
    undated : DataFrame
        Those records, one row each (``id, title, source, url, themes, published_at``, the date
        as the record gives it): a story a report cannot place in time is still listed
        (``tables/undated.csv``), so that an incident with a mistyped date is not lost.
    n_repeated : int
        Records dropped because a later record has their id (counted once, as it has it).
    n_outside : int
        Records left out because their story is dated outside ``since``..``until``.
    n_other_outlets : int
        Records left out because their outlet is not among ``sources``.
    n_future : int
        Records left out because they are dated after ``not_after`` (the day a report is
        made); ``future_ids`` holds their ids, in the order read.
    n_other_regions : int
        Records left out because their story is placed in none of the regions asked for
        (:func:`~media_analytics.reports.regions.in_regions`).
    n_not_about : int
        Records left out because their story names none of the actors asked about
        (:func:`~media_analytics.reports.about.about_actors`).
    extent : tuple of Timestamp, optional
        First and last day the tables over time span when that is wider than the stories'
        range: a report on chosen themes keeps the range of all its stories, so that its quiet
        periods show as zeros (see :func:`~media_analytics.reports.tables.period_grid`).
    filters : dict
        The outlet and date filters applied (``sources``, ``since``, ``until``), for provenance.
    history : ReportData, optional
        The stories of the input dated before ``since``, from ``history_since`` on (see
        :func:`records_to_frames`): the baseline the spike test reads for the first periods
        shown, never shown nor counted in any other table. ``None`` when not asked for.
        The outlet, date and region filters applied (``sources``, ``since``, ``until``, and
        ``regions`` when given: each as read, ``Brebes (Kabupaten Brebes)``), for provenance.
    """

    stories: pd.DataFrame
    copies: pd.DataFrame
    themes: pd.DataFrame
    actors: pd.DataFrame
    quotes: pd.DataFrame
    n_records: int = 0
    names: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["id", "date", "type", "name", "written"])
    )
    aliases: dict[str, str] = field(default_factory=dict)
    joined: dict[str, str] = field(default_factory=dict)
    n_undated: int = 0
    undated: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=_UNDATED_COLUMNS))
    filters: dict[str, Any] = field(default_factory=dict)
    n_repeated: int = 0
    n_outside: int = 0
    n_other_outlets: int = 0
    n_future: int = 0
    future_ids: list[str] = field(default_factory=list)
    extent: tuple[pd.Timestamp, pd.Timestamp] | None = None
    history: ReportData | None = None
    n_other_regions: int = 0
    n_not_about: int = 0

    @property
    def n_duplicates(self) -> int:
        """Records folded into another story (syndicated copies)."""
        return int(self.copies["is_duplicate"].sum()) if len(self.copies) else 0

    @property
    def model_versions(self) -> list[str]:
        """The distinct model versions that scored these stories, sorted."""
        values = self.stories["model_version"].dropna().astype(str)
        return sorted(v for v in values.unique() if v)

    @property
    def date_range(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        """First and last story date, or ``None`` when there are no stories."""
        if self.stories.empty:
            return None
        return self.stories["date"].min(), self.stories["date"].max()


def period_start(dates: pd.Series, period: str) -> pd.Series:
    """The first day of the period (day, Monday-to-Sunday week, month) each date falls in.

    >>> import pandas as pd
    >>> period_start(pd.Series(pd.to_datetime(["2024-11-27"])), "W").dt.date.tolist()
    [datetime.date(2024, 11, 25)]
    """
    code = _period_code(period)
    return dates.dt.to_period(code).dt.start_time


def _period_code(period: str) -> str:
    try:
        return PERIODS[period]
    except KeyError:
        raise ValueError(
            f"unknown period {period!r}; use one of {', '.join(sorted(PERIODS))}"
        ) from None


def _parse_day(value: Any) -> pd.Timestamp | None:
    """The calendar day of a published_at value, as the article's own clock shows it when
    that is an Indonesian one (WIB, WITA, WIT) or none, else in WIB."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    from ..corpus.dates import indonesian_time  # (after the first call, a dictionary lookup)

    if isinstance(value, pd.Timestamp):
        if value.tzinfo:  # on the day an Indonesian reader counts it (UTC times in WIB)
            return pd.Timestamp(indonesian_time(value.to_pydatetime()).date())
        return value.normalize()
    text = str(value)
    match = _ISO_DATE.match(text)
    if match and len(text.strip()) > 10:
        try:
            moment = datetime.fromisoformat(text.strip())
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            return pd.Timestamp(indonesian_time(moment).date())
    if match:
        # The date part of an ISO timestamp is the local day; converting to UTC would move
        # evening articles from WIB/WITA/WIT onto the next day.
        day = pd.to_datetime(match.group(1), format="%Y-%m-%d", errors="coerce")
        return None if pd.isna(day) else day
    from ..corpus import DateParseError, parse_date

    try:
        parsed = parse_date(text, dayfirst=True)
    except DateParseError:
        return None
    return None if parsed is None else pd.Timestamp(parsed.date())


def _nested(value: Any, default: Any, unread: Counter[str] | None = None, column: str = "") -> Any:
    """A nested field as a Python object; databases hand them back as JSON text, Parquet
    files (through pandas) as NumPy arrays of dicts holding more arrays, and a frame saved with
    ``to_csv`` as Python's repr (single quotes, ``None``), read as literals only, never run.
    Text that is neither gives ``default`` and is counted in ``unread[column]``, so that the
    caller can say what was lost."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return default
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            pass
        try:
            return ast.literal_eval(value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            if unread is not None:
                unread[column] += 1
            return default
    return _plain(value)


def _plain(value: Any) -> Any:
    """Lists and dicts for the arrays and mappings pyarrow gives back."""
    if isinstance(value, np.ndarray):
        return [_plain(v) for v in value.tolist()]
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _as_records(records: Iterable[Mapping[str, Any]] | pd.DataFrame) -> list[Mapping[str, Any]]:
    if isinstance(records, pd.DataFrame):
        return [{str(k): v for k, v in row.items()} for row in records.to_dict(orient="records")]
    return list(records)


def _clean_str(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def _outlet_key(name: str) -> str:
    """What two spellings of one outlet share: case, spacing and a leading ``www.`` aside."""
    key = " ".join(name.split()).casefold()
    return key[4:] if key.startswith("www.") and len(key) > 4 else key


def outlet_names(sources: Sequence[str | None]) -> list[str]:
    """Each record's outlet under one spelling per outlet.

    Feeds and exports spell one outlet several ways (``Kompas.com`` in one file, ``kompas.com``
    or ``KOMPAS.com`` in the next, ``www.kompas.com`` from a crawler): counted apart, they split
    its volume and share of voice. Spellings that differ only in case, spacing or a leading
    ``www.`` count as one outlet, under the spelling most records use (the first one read on a
    tie); an empty outlet is ``(unknown)``. Different names (``Kompas TV``, ``kompas.id``) stay
    apart. An INFO line names the spellings merged.

    >>> outlet_names(["Kompas.com", "kompas.com", "KOMPAS.com ", "Kompas.com", None, "Tempo"])
    ['Kompas.com', 'Kompas.com', 'Kompas.com', 'Kompas.com', '(unknown)', 'Tempo']
    """
    spellings: dict[str, Counter[str]] = {}
    for name in sources:
        if name:
            spellings.setdefault(_outlet_key(name), Counter())[name] += 1
    # most_common keeps first-read order among equal counts
    chosen = {key: seen.most_common(1)[0][0] for key, seen in spellings.items()}
    merged = {k: v for k, v in spellings.items() if len(v) > 1}
    if merged:
        logger.info(
            "outlet spellings counted as one outlet: %s",
            "; ".join(
                f"{', '.join(sorted(seen))} as {chosen[key]}" for key, seen in merged.items()
            ),
        )
    return [chosen[_outlet_key(name)] if name else "(unknown)" for name in sources]


def wanted_outlets(
    asked: Sequence[str], known: Iterable[str], *, quiet: bool = False
) -> tuple[set[str], list[str]]:
    """The outlets ``report --source`` keeps: the keys (:func:`_outlet_key`) of the outlets of
    ``known`` (the records' outlets) that the names ``asked`` stand for, and what each name was
    read as, for provenance.

    A name is an outlet's regardless of case, spacing and a leading ``www.``; a bare name
    without a dot (``kompas``) is the outlet whose domain starts with it (``kompas.com``) when
    exactly one does, said in an INFO line. A name that is no outlet's, or a bare name that
    begins several (``kompas.com`` and ``kompas.id``), keeps none, with a warning naming the
    outlets that contain it or are spelt closest to it (unless ``quiet``).

    >>> keys, said = wanted_outlets(["Kompas", "TEMPO.CO"], ["kompas.com", "tempo.co", "detik.com"])
    >>> sorted(keys), said
    (['kompas.com', 'tempo.co'], ['Kompas (kompas.com)', 'TEMPO.CO'])
    """
    spelt: dict[str, str] = {}
    for name in known:
        if name:
            spelt.setdefault(_outlet_key(name), str(name).strip())
    keys: set[str] = set()
    said: list[str] = []
    for name in dict.fromkeys(asked):
        key = _outlet_key(str(name))
        if key in spelt:
            keys.add(key)
            said.append(str(name))
            continue
        starting = sorted(k for k in spelt if "." not in key and k.startswith(key + "."))
        if len(starting) == 1:
            keys.add(starting[0])
            said.append(f"{name} ({spelt[starting[0]]})")
            if not quiet:
                logger.info("--source %r read as the outlet %s", name, spelt[starting[0]])
            continue
        said.append(f"{name} ({'several outlets, none kept' if starting else 'no outlet'})")
        if quiet:
            continue
        if starting:
            logger.warning(
                "--source %r: several outlets start with it (%s): none kept; give one",
                name,
                ", ".join(spelt[k] for k in starting),
            )
            continue
        close = [k for k in sorted(spelt) if key and key in k]
        close += difflib.get_close_matches(key, list(spelt), n=3, cutoff=0.6)
        hint = ", ".join(spelt[k] for k in dict.fromkeys(close))
        logger.warning(
            "--source %r: no outlet of these records has this name%s",
            name,
            f" (did you mean {hint}?)" if hint else "",
        )
    return keys, said


def _clean_id(value: Any) -> str | None:
    """An id (or ``duplicate_of``) as text; a whole-number float is the integer id that pandas
    read back as a float (``duplicate_of`` with gaps becomes ``3.0`` beside ``id`` ``3``), so
    the copy still finds its original.

    >>> _clean_id(3.0), _clean_id(3), _clean_id(" a1 "), _clean_id(float("nan"))
    ('3', '3', 'a1', None)
    """
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _clean_str(value)


def _roots(ids: Sequence[str], duplicate_of: Sequence[str | None]) -> list[str]:
    """Follow ``duplicate_of`` chains to the story each record belongs to.

    A cycle (``a -> b -> a``, a data error) resolves to its smallest id, so all its members
    still agree on one story.
    """
    parent = {i: d for i, d in zip(ids, duplicate_of, strict=True) if d and d != i}
    roots = []
    for start in ids:
        node, seen = start, [start]
        while node in parent:
            nxt = parent[node]
            if nxt in seen:
                node = min(seen)
                break
            node = nxt
            seen.append(node)
        roots.append(node)
    return roots


def short_name_map(names: Iterable[str]) -> dict[str, str]:
    """One-word person names that stand for exactly one longer name among ``names``.

    :func:`records_to_frames` groups names with
    :func:`~media_analytics.actors.person_groups` instead, which asks more of a lone word.

    The one word must be the first or the last word of that longer name and appear in no
    other (``Budi`` beside ``Budi Santoso`` and ``Budi Hartono`` stays as it is).

    >>> short_name_map(["Prabowo", "Prabowo Subianto", "Luthfi", "Ahmad Luthfi", "Budi",
    ...                 "Budi Santoso", "Budi Hartono"])
    {'Luthfi': 'Ahmad Luthfi', 'Prabowo': 'Prabowo Subianto'}
    """
    unique = {str(n) for n in names if str(n).strip()}
    holders: dict[str, set[str]] = {}
    for name in unique:
        words = name.lower().split()
        if len(words) > 1:
            for word in set(words):
                holders.setdefault(word, set()).add(name)
    out: dict[str, str] = {}
    for name in sorted(unique):
        word = name.lower().strip()
        if " " in word or len(holders.get(word, ())) != 1:
            continue
        (longer,) = holders[word]
        words = longer.lower().split()
        if word in (words[0], words[-1]):
            out[name] = longer
    return out


def _initials_only(name: object) -> bool:
    """Whether a name is nothing but initials (``R``, ``M. R.``, ``A S``).

    >>> [_initials_only(n) for n in ["R", "M. R.", "AR", "Budi"]]
    [True, True, False, False]
    """
    words = str(name).replace(".", " ").split()
    return bool(words) and all(len(w) == 1 and w.isalpha() for w in words)


def _sentences_read(actor: Mapping[str, Any]) -> int:
    """How many sentences the tone toward an actor was read from; 0 when its record does not
    say (a label alone: records of earlier releases, or written by hand).

    >>> _sentences_read({"sentiment": {"label": "negative", "sentences": [[0, 40], [41, 90]]}})
    2
    >>> _sentences_read({"sentiment": "neutral"})
    0
    """
    value = actor.get("sentiment")
    sentences = value.get("sentences") if isinstance(value, Mapping) else None
    return len(sentences) if isinstance(sentences, list) else 0


def _renamed(values: pd.Series, names: Mapping[str, str]) -> pd.Series:
    """``values`` with each one that ``names`` has replaced, the others kept (in one pass:
    ``Series.replace`` with a dict goes key by key)."""
    return values.map(names).fillna(values)


def _group_names(
    actors: pd.DataFrame,
    quotes: pd.DataFrame,
    links: Mapping[tuple[str, str, str], int],
    table: Mapping[str, str] | None,
    titles: Mapping[Any, str] | None = None,
) -> None:
    """Put every actor and speaker under the name it counts under (in place).

    A word that several people's names hold and that stays as written across stories is, in a
    story whose headline gives one of those names in full, that person there (``Bebby`` in the
    story headlined "Bebby Fey Resmi Polisikan Dinar Candy", beside another Bebby named in full
    elsewhere).
    """
    from ..actors.names import name_words, org_groups, person_groups, resolve_name_table

    if table:
        table = resolve_name_table(table)
        by_words = {name_words(k): v for k, v in table.items()}
        for frame, column in ((actors, "name"), (quotes, "speaker")):
            values = frame[column].dropna().unique()
            fixed = {v: by_words[name_words(v)] for v in values if name_words(v) in by_words}
            if fixed:
                frame[column] = _renamed(frame[column], fixed)
    person = actors["type"] == "person"
    # speakers are people too; a story counts once per form, as an actor or as a speaker
    said = quotes[["id", "speaker"]].dropna().rename(columns={"speaker": "name"})
    pairs = pd.concat([actors.loc[person, ["id", "name"]], said]).drop_duplicates()
    counts = Counter(pairs["name"])
    of = {
        kind: {(a, f): n for (k, a, f), n in links.items() if k == kind}
        for kind in ("person", "organization")
    }
    # each form's offices, by the stories that give it each: a word several people bear joins
    # the one who holds the office it is given
    held = actors.loc[person, ["id", "name", "role"]].dropna().drop_duplicates()
    roles: dict[str, Counter[str]] = {}
    for (name, role), n in Counter(zip(held["name"], held["role"], strict=True)).items():
        roles.setdefault(name, Counter())[role] = n
    # and police or military ranks (Iptu, AKBP; not honorifics, "Dr." or "H."): a traffic
    # officer "Iptu Zainuddin" is not the minister
    from ..actors.lexicon import get_lexicon

    known = get_lexicon().ranks
    ranked = actors.loc[person, ["id", "name", "title"]].dropna().drop_duplicates()
    ranks: dict[str, set[str]] = {}
    for name, rank in zip(ranked["name"], ranked["title"], strict=True):
        words = tuple(str(rank).casefold().replace(".", " ").split())
        # (the rank as the lexicon knows it, its suffix left: "Irjen Pol" is an "Irjen")
        held = next((words[:n] for n in range(len(words), 0, -1) if words[:n] in known), None)
        if held:
            ranks.setdefault(name, set()).add(" ".join(held))
    groups = person_groups(counts, of["person"], table=table, roles=roles, ranks=ranks)
    if groups:
        written, said_as = actors.loc[person, "name"].copy(), quotes["speaker"].copy()
        actors.loc[person, "name"] = _renamed(actors.loc[person, "name"], groups)
        quotes["speaker"] = _renamed(quotes["speaker"], groups)
        _apart_by_office(actors, quotes, written, said_as)
    if titles:
        # (the analyst's own names are never overruled)
        pinned = {name_words(n) for pair in (table or {}).items() for n in pair}
        _named_by_headline(actors, quotes, counts, groups, titles, person, pinned)
    org = actors["type"] == "organization"
    counts = Counter(actors.loc[org, ["id", "name"]].drop_duplicates()["name"])
    groups = org_groups(counts, of["organization"], table=table)
    if groups:
        actors.loc[org, "name"] = _renamed(actors.loc[org, "name"], groups)
        # a body quoted ("kata KPK") is counted under the same name as the body named
        people = set(actors.loc[person, "name"])
        quotes["speaker"] = _renamed(
            quotes["speaker"], {k: v for k, v in groups.items() if k not in people}
        )


def _apart_by_office(
    actors: pd.DataFrame, quotes: pd.DataFrame, written: pd.Series, said_as: pd.Series
) -> None:
    """Undo, story by story, a grouping that a story's own office for the form contradicts (in
    place): a ``Syarif`` a story calls a Gerindra legislator is not the KPK's Laode M Syarif,
    though the word joined him elsewhere. ``written`` holds the person rows' names and
    ``said_as`` the quotes' speakers as they were before the grouping."""
    from ..actors.names import offices_apart

    rows = actors.loc[written.index]
    moved = rows.index[(rows["name"] != written) & rows["role"].notna()]
    if not len(moved):
        return
    # each name's offices, by the form that was given each
    held: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for name, form, role in zip(rows["name"], written, rows["role"], strict=True):
        if isinstance(role, str) and role:
            held[name][form].add(role)
    for i in moved:
        name, form, role = str(rows.at[i, "name"]), str(written.at[i]), str(rows.at[i, "role"])
        others = [r for f, roles in held[name].items() if f != form for r in roles]
        if not offices_apart(role, others):
            continue
        actors.at[i, "name"] = form
        story = rows.at[i, "id"]
        back = (quotes["id"] == story) & (quotes["speaker"] == name) & (said_as == form)
        quotes.loc[back, "speaker"] = form


def _named_by_headline(
    actors: pd.DataFrame,
    quotes: pd.DataFrame,
    counts: Mapping[str, int],
    groups: Mapping[str, str],
    titles: Mapping[Any, str],
    person: pd.Series,
    pinned: Container[tuple[str, ...]] = (),
) -> None:
    """In each story, a one-word person name that several people's names hold, and that the
    grouping left as written, becomes the one of those people whose full name the story's
    headline gives (in place; see :func:`_group_names`); not a name of ``pinned`` (the
    analyst's table's, as :func:`~media_analytics.actors.name_words`)."""
    from ..actors.names import name_words

    # the full forms holding each word, by the name they count under
    holders: dict[str, dict[str, list[str]]] = {}
    singles: dict[str, str] = {}  # the one-word forms left as written, and their word
    for form in counts:
        words = name_words(form)
        if len(words) == 1:
            if form not in groups and words not in pinned:
                singles[form] = words[0]
        elif len(words) > 1:
            for w in {words[0], words[-1]}:
                holders.setdefault(w, {}).setdefault(groups.get(form, form), []).append(form)
    ambiguous = {f: w for f, w in singles.items() if len(holders.get(w, ())) > 1}
    if not ambiguous:
        return
    patterns: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for w in set(ambiguous.values()):
        patterns[w] = [
            (owner, re.compile("|".join(rf"(?<!\w){re.escape(f.lower())}(?!\w)" for f in forms)))
            for owner, forms in holders[w].items()
        ]
    renamed: dict[tuple[Any, str], str] = {}
    said = quotes[["id", "speaker"]].set_axis(["id", "name"], axis=1)
    rows = pd.concat([actors.loc[person, ["id", "name"]], said])
    rows = rows[rows["name"].isin(ambiguous.keys())].drop_duplicates()
    for story, name in zip(rows["id"], rows["name"], strict=True):
        headline = (titles.get(story) or "").lower()
        if not headline:
            continue
        found = [owner for owner, rx in patterns[ambiguous[name]] if rx.search(headline)]
        if len(found) == 1:
            renamed[(story, name)] = found[0]
    if not renamed:
        return
    for frame, column, mask in ((actors, "name", person), (quotes, "speaker", True)):
        pairs = zip(frame["id"], frame[column], strict=True)
        new = pd.Series([renamed.get(k) for k in pairs], index=frame.index, dtype=object)
        hit = new.notna() & mask
        frame.loc[hit, column] = new[hit]


def _undated_row(rec: Mapping[str, Any], rid: str) -> dict[str, Any]:
    """A record without a readable date, as ``tables/undated.csv`` lists it: its themes by id,
    and the date as the record gives it (the value a reader left empty, when it kept it)."""
    themes = _nested(rec.get("themes"), [])
    ids = (
        [t.get("theme") for t in themes if isinstance(t, Mapping)]
        if isinstance(themes, list)
        else []
    )
    return {
        "id": rid,
        "title": _clean_str(rec.get("title")),
        "source": _clean_str(rec.get("source")),
        "url": _clean_str(rec.get("url")),
        "themes": "; ".join(str(t) for t in ids if t),
        "published_at": _clean_str(rec.get("published_at"))
        or _clean_str(rec.get("published_at_raw")),
    }


def records_to_frames(
    records: Iterable[Mapping[str, Any]] | pd.DataFrame,
    *,
    sources: Sequence[str] | None = None,
    since: str | pd.Timestamp | None = None,
    until: str | pd.Timestamp | None = None,
    aliases: Mapping[str, str] | None = None,
    not_after: str | pd.Timestamp | None = None,
    history_since: str | pd.Timestamp | None = None,
    regions: Sequence[str] | None = None,
    about: Sequence[str] | None = None,
    undated_listed: bool = False,
) -> ReportData:
    """Flatten scored records into :class:`ReportData`.

    Parameters
    ----------
    records : iterable of dict or pandas.DataFrame
        Scored records as the pipeline writes them, or a frame with the same columns as the store
        returns them (nested fields may be JSON text, or Python's repr as ``DataFrame.to_csv``
        writes them; a cell that is neither is read as empty, with a warning naming its
        column). Ids that pandas read back as floats (``3.0``) count as the integer ids.
    sources : sequence of str, optional
        Keep only records from these outlets (before syndicated copies are grouped, so
        ``n_outlets`` counts the selected outlets only), matched as outlets are grouped:
        regardless of case, spacing and a leading ``www.``; a bare name (``kompas``) is the
        one outlet whose domain starts with it (``kompas.com``), and a name that is no
        outlet's keeps none, with a warning suggesting the outlets meant (see
        :func:`wanted_outlets`). Names are grouped within the records kept, so one outlet's
        frames may count an actor under another form than another outlet's (``KPK`` here,
        ``Komisi Pemberantasan Korupsi`` there): to compare outlets, read all of them once
        and split the tables by outlet (``data.actors.merge(data.copies[["story_id",
        "source"]], left_on="id", right_on="story_id")``: every outlet that carried the story,
        its syndicated copies too), or give ``aliases``.
    since, until : str or Timestamp, optional
        Keep stories dated on or after ``since`` and on or before ``until`` (inclusive days; a
        story is dated by its earliest copy, and its copies go with it), before anything is
        counted or any names are grouped: a period's report depends on its stories only. A
        day, as ``report --since`` takes it: a bound with a time zone raises ``ValueError``.
    aliases : mapping of str to str, optional
        The analyst's own ``written form -> name`` for actors and speakers of any type
        (``{"Jokowi": "Joko Widodo", "Korps Bhayangkara": "Polri"}``; see
        :func:`~media_analytics.actors.read_name_table`), matched regardless of case, accents
        and old spellings; applied before, and never overruled by, the grouping below, and
        kept in ``ReportData.aliases`` (an actor asked for by an alias is found in any range).
        The package's other names of national bodies
        (:func:`~media_analytics.actors.names.known_body_names`: ``Mabes Polri`` and
        ``Kepolisian RI`` count as ``Polri``) are read under it, as
        :func:`~media_analytics.actors.names.with_known_body_names` merges them.
    not_after : str or Timestamp, optional
        The last day a record may be dated (a report gives the day it is made): a record
        dated after it (a typo in the year, ``2030`` for ``2024``) is left out, counted in
        ``n_future`` with its id in ``future_ids`` and named in a warning, so that one typo
        cannot stretch the periods of every table by years. A day, as ``until``.
    history_since : str or Timestamp, optional
        With ``since``: also read the stories dated from this day to the day before ``since``,
        apart, into ``history`` (a :class:`ReportData` of their own, outlets and ``not_after``
        applied as to the others): the earlier periods the spike test compares the first
        periods shown with (see :func:`~media_analytics.reports.spikes.history_start`).
        The stories shown and every count are the same with it as without it.
    regions : sequence of str, optional
        Keep the stories placed in these provinces, regencies or cities, as an analyst types
        them (``Jawa Tengah``, ``Jateng``, ``Kab. Brebes``, ``Brebes``, ``Kota Semarang``; see
        :func:`~media_analytics.reports.regions.in_regions`), after the names are grouped; a
        name that is none of them raises ``ValueError``.
    about : sequence of str, optional
        Keep the stories naming one of these actors, read as ``report --actor`` reads a name:
        any form the stories wrote it in, a form of ``aliases``, or a role (``Kapolda``), after
        the names are grouped and the regions kept (see
        :func:`~media_analytics.reports.about.about_actors`); a name no story names keeps no
        story, with a warning suggesting the closest names written.
    undated_listed : bool, default=False
        The caller lists the records without a readable date itself (a report's
        ``tables/undated.csv`` and its count in the report): they are said in an INFO line, not
        a warning, so that a daily job is not warned every day of the same stored article.

    Returns
    -------
    ReportData

    Notes
    -----
    A record with ``duplicate_of`` set joins the story of the record it points to (chains are
    followed). The story is represented by its original when that record is present, else by its
    earliest copy. Records whose date cannot be read are dropped and counted in ``n_undated``.
    An outlet spelt several ways (``Kompas.com``, ``kompas.com``, ``www.kompas.com``) counts as
    one, under its most used spelling (:func:`outlet_names`).
    A person named by initials alone (``R``, as crime news names suspects) is left out of
    ``actors``: a different person in every story. A place counts under its region's official
    name. The forms of one person's name that the
    data can only read as that person (``Sri Mulyani Indrawati`` beside ``Sri Mulyani``,
    ``Anies`` beside ``Anies Baswedan``, a nickname the articles join to the full name) count
    under its most used form, as persons and as speakers
    (:func:`~media_analytics.actors.person_groups`); so do an organisation's short form and
    full name where the articles join them (``KPK``, ``Komisi Pemberantasan Korupsi``) and its
    forms with and without ``Partai`` or ``RI`` (:func:`~media_analytics.actors.org_groups`).
    ``actors["written"]`` keeps the form as written.

    Examples
    --------
    >>> data = records_to_frames([
    ...     {"id": "a", "published_at": "2024-11-26", "source": "X", "title": "t", "themes": []},
    ...     {"id": "b", "published_at": "2024-11-26", "source": "Y", "duplicate_of": "a"},
    ... ])
    >>> data.stories[["id", "n_outlets"]].to_dict("records")
    [{'id': 'a', 'n_outlets': 2}]
    """
    # a bound with a time zone is refused before any work
    since_day, until_day = _day_bound(since, "since"), _day_bound(until, "until")
    last_day = _day_bound(not_after, "not_after")
    history_day = _day_bound(history_since, "history_since")
    from .about import about_actors  # (it reads the tables, which read this module)

    rows = _as_records(records)
    n_records = len(rows)
    wanted_sources, read_sources = None, None
    if sources:  # "kompas": kompas.com, when it is the one outlet whose domain starts so
        known = (_clean_str(rec.get("source")) for rec in rows)
        wanted_sources, read_sources = wanted_outlets(sources, (k for k in known if k))
    kept: list[tuple[Mapping[str, Any], pd.Timestamp]] = []
    n_undated = n_repeated = n_other_outlets = 0
    future_ids: list[str] = []
    undated_ids: list[str] = []
    undated_rows: list[dict[str, Any]] = []
    # An id met again (the same scored file read twice, or yesterday's and today's exports) is
    # counted once, as its last record has it: a later file holds the corrected article, as in
    # the daily job's database.
    last_of: dict[str, int] = {}
    for i, rec in enumerate(rows):
        rid = _clean_id(rec.get("id"))
        if rid is not None:
            if rid in last_of:
                n_repeated += 1
            last_of[rid] = i
    for i, rec in enumerate(rows):
        rid = _clean_id(rec.get("id"))
        if rid is not None and last_of[rid] != i:
            continue
        if wanted_sources is not None:
            src = _clean_str(rec.get("source"))
            if src is None or _outlet_key(src) not in wanted_sources:
                n_other_outlets += 1
                continue
        day = _parse_day(rec.get("published_at"))
        if day is None:
            n_undated += 1
            undated_ids.append(rid if rid is not None else f"row-{i}")
            undated_rows.append(_undated_row(rec, rid if rid is not None else f"row-{i}"))
            continue
        if last_day is not None and day > last_day:
            future_ids.append(rid if rid is not None else f"row-{i}")
            continue
        kept.append((rec, day))
    if n_undated:
        logger.log(
            logging.INFO if undated_listed else logging.WARNING,
            "%d record(s) without a date (published_at) left out of the counts over time "
            "(ReportData.undated lists them; a report, in tables/undated.csv): %s",
            n_undated,
            _first_ids(undated_ids),
        )
    if future_ids:
        logger.warning(
            "left out %d record(s) dated after %s, the day the report is made (a typo in the "
            "date?): %s",
            len(future_ids),
            last_day.date() if last_day is not None else "",
            _first_ids(future_ids),
        )
    if n_repeated:
        logger.warning(
            "%d record(s) repeat the id of a record read before: each id is counted once, as "
            "its last record has it",
            n_repeated,
        )

    ids = [str(_clean_id(r.get("id")) or f"row-{i}") for i, (r, _) in enumerate(kept)]
    dup_of = [_clean_id(r.get("duplicate_of")) for r, _ in kept]
    roots = _roots(ids, dup_of)
    copies = pd.DataFrame(
        {
            "id": ids,
            "story_id": roots,
            "date": pd.to_datetime([d for _, d in kept]) if kept else pd.to_datetime([]),
            "source": outlet_names([_clean_str(r.get("source")) for r, _ in kept]),
        }
    )
    # The representative of each story: the original when present, else its earliest copy.
    present = set(ids)
    rep_index: dict[str, int] = {}
    for i, (rid, root) in enumerate(zip(ids, roots, strict=True)):
        if root in present:
            if rid == root:
                rep_index[root] = i
        elif root not in rep_index or kept[i][1] < kept[rep_index[root]][1]:
            rep_index[root] = i
    rep_ids = {ids[i] for i in rep_index.values()}
    copies["is_duplicate"] = ~copies["id"].isin(rep_ids)
    # A story is dated by its earliest dated record: a feed read newest first marks the later
    # copy as the original, and the story ran from the day of the first. Copies take their
    # story's date, so a story and its copies fall in the same period.
    first_day = copies.groupby("story_id")["date"].min()
    story_day = {}
    for root, i in rep_index.items():
        day, first = kept[i][1], first_day.get(root)
        if (
            first is not None
            and not pd.isna(first)
            and (day is None or pd.isna(day) or first < day)
        ):
            day = first
        story_day[root] = day
    copies["date"] = pd.to_datetime(copies["story_id"].map(story_day))
    # The date filter keeps whole stories, by their date, before anything is counted or names
    # are grouped: a period's report depends on that period's stories only, whatever else the
    # input holds (a file of the whole year, or the period read from the database).
    inside = _within(copies["date"], since_day, until_day)
    n_outside = int((~inside).sum())
    copies = copies[inside]
    outlets = copies.groupby("story_id")["source"].agg(lambda s: sorted(set(s)))

    story_rows, theme_rows, actor_rows, quote_rows = [], [], [], []
    # (type, nickname or short form, full name) -> articles
    alias_links: Counter[tuple[str, str, str]] = Counter()
    unread: Counter[str] = Counter()  # column -> cells that are neither JSON nor a literal
    for root, i in rep_index.items():
        if root not in outlets:  # a story dated outside since..until
            continue
        rec, day = kept[i][0], story_day[root]
        topic = _nested(rec.get("topic"), {}, unread, "topic") or {}
        sentiment = _nested(rec.get("sentiment"), {}, unread, "sentiment") or {}
        tone = _clean_str(sentiment.get("label"))
        probabilities = sentiment.get("probabilities")
        if not isinstance(probabilities, Mapping):
            probabilities = {}
        story_outlets = outlets.get(root, [])
        tagged = _nested(rec.get("themes"), [], unread, "themes") or []
        story_themes = [str(t["theme"]) for t in tagged if _clean_str(t.get("theme"))]
        story_rows.append(
            {
                "id": root,
                "date": day,
                "source": copies.at[i, "source"],
                "title": _clean_str(rec.get("title")) or "",
                "url": _clean_str(rec.get("url")) or "",
                "themes": "; ".join(dict.fromkeys(story_themes)),
                "topic_id": topic.get("id"),
                "topic_label": _clean_str(topic.get("label")),
                "topic_score": topic.get("score"),
                "sentiment": tone,
                "sentiment_score": sentiment.get("score"),
                **{f"sentiment_{c}": probabilities.get(c) for c in _TONE_CLASSES},
                "model_version": _clean_str(rec.get("model_version")),
                "n_outlets": len(story_outlets),
                "outlets": "; ".join(story_outlets),
            }
        )
        for theme in tagged:
            title = _clean_str(rec.get("title")) or ""
            try:  # the strongest phrases in their sentences, for the reports to show
                passages = tuple(theme_passages(theme, title))
            except ValueError as exc:
                # one damaged record must not stop a report: its phrases are placed as those
                # of a record of an earlier release are, by pairing them with the spans
                logger.warning(
                    "record %r, theme %r: %s; its links are ignored",
                    ids[i],
                    theme.get("theme"),
                    exc,
                )
                spans = theme.get("spans")
                unlinked = [
                    {k: v for k, v in s.items() if k != "evidence_index"}
                    for s in (spans if isinstance(spans, list | tuple) else [])
                    if isinstance(s, Mapping)
                ]
                passages = tuple(theme_passages({**theme, "spans": unlinked}, title))
            theme_rows.append(
                {
                    "id": root,
                    "date": day,
                    "theme": theme.get("theme"),
                    "score": theme.get("score"),
                    "evidence": "; ".join(str(e) for e in theme.get("evidence") or []),
                    "passages": passages,
                }
            )
        short_of: dict[str, str] = {}  # the story's short forms of the bodies it names
        for actor in _nested(rec.get("actors"), [], unread, "actors") or []:
            region = actor.get("region") or {}
            name = _clean_str(actor.get("name"))
            if name and actor.get("type") in ("person", "organization"):
                nicknames = actor.get("aliases")
                if isinstance(nicknames, str):
                    nicknames = [nicknames]
                elif not isinstance(nicknames, (list, tuple)):
                    nicknames = ()  # (a missing or malformed value: no nickname)
                for alias in nicknames:
                    if isinstance(alias, str) and alias.strip():
                        alias_links[(str(actor.get("type")), alias.strip(), name)] += 1
                        if actor.get("type") == "organization":
                            short_of[alias.strip()] = name
            if actor.get("type") == "place":  # "Jateng" and "Jawa Tengah" are one province
                name = _clean_str(actor.get("official")) or name
            tone = _actor_tone(actor)
            actor_rows.append(
                {
                    "id": root,
                    "date": day,
                    "name": name,
                    "title": _clean_str(actor.get("title")),
                    "role": _clean_str(actor.get("role")),
                    "type": _clean_str(actor.get("type")),
                    "province": _clean_str(region.get("province")),
                    "regency": _clean_str(region.get("regency")),
                    "sentiment": tone,
                    "written": _clean_str(actor.get("name")) or name,
                    "read": _sentences_read(actor) if tone else -1,
                }
            )
        for quote in _nested(rec.get("quotes"), [], unread, "quotes") or []:
            speaker = _clean_str(quote.get("speaker"))
            quote_rows.append(
                {
                    "id": root,
                    "date": day,
                    "source": copies.at[i, "source"],
                    # a body quoted by the short form the story joins to its name ("kata KPK"
                    # beside "Komisi Pemberantasan Korupsi (KPK)") is that body
                    "speaker": short_of.get(speaker, speaker) if speaker else speaker,
                    "text": _clean_str(quote.get("text")) or "",
                    "verb": _clean_str(quote.get("verb")),
                    # (records of earlier releases, or written by hand, may not say)
                    "direct": quote.get("direct")
                    if isinstance(quote.get("direct"), bool)
                    else None,
                    "written": _clean_str(quote.get("speaker")),
                }
            )

    for column, n in sorted(unread.items()):
        logger.warning(
            "column %s: %d cell(s) are neither JSON nor a Python literal and were read as empty",
            column,
            n,
        )
    stories = _frame(story_rows, STORY_COLUMNS)
    themes = _frame(theme_rows, ["id", "date", "theme", "score", "evidence", "passages"])
    themes = themes[themes["theme"].notna()]
    actors = _frame(
        actor_rows,
        [
            "id", "date", "name", "title", "role", "type", "province", "regency", "sentiment",
            "written", "read",
        ],
    )  # fmt: skip
    actors = actors[actors["name"].notna()].copy()
    quotes = _frame(
        quote_rows, ["id", "date", "source", "speaker", "text", "verb", "direct", "written"]
    )
    headlines = dict(zip(stories["id"], stories["title"], strict=True))
    # the package's other names of national bodies (Mabes Polri, Kepolisian RI: Polri) under
    # the analyst's own
    from ..actors.names import with_known_body_names

    aliases = with_known_body_names(aliases)
    _group_names(actors, quotes, alias_links, aliases, headlines)
    # a person named by initials alone ("pelaku berinisial R (26)") is someone else in every
    # story: not one actor across stories
    initials = (actors["type"] == "person") & actors["name"].map(_initials_only)
    actors = actors[~initials]
    names = actors[["id", "date", "type", "name", "written"]].drop_duplicates(
        ["id", "name", "written"]
    )
    joined = _joined_names(alias_links, names)
    # one row per story and name: of the forms the story gave a tone of their own, the one
    # read in the most sentences, the first on a tie ("KPK" read negative in ten sentences
    # beside "Komisi Pemberantasan Korupsi" named once, or with no sentence of its own)
    read = actors.pop("read").sort_values(ascending=False, kind="stable")
    actors = _placed_as_any(actors).loc[read.index].drop_duplicates(["id", "name"]).sort_index()
    # the stories' provinces and regencies from these rows, as every table per region counts
    places = story_places(actors)
    for column in ("province", "regency"):
        placed = stories["id"].map(places[column]).astype(object)
        stories[column] = placed.where(placed.notna(), "")

    history = None
    if history_day is not None and since_day is not None and history_day < since_day:
        # the records kept above (outlets, dates and repeated ids already sorted out, so that
        # nothing is warned about twice), their stories before the range read on their own
        history = records_to_frames(
            [rec for rec, _ in kept],
            since=history_day,
            until=since_day - pd.Timedelta(days=1),
            aliases=aliases,
        )
        if regions:  # the baseline of the region's stories
            history = in_regions(history, regions, quiet=True)
        if about:  # and of the stories about the actors
            history = about_actors(history, about, quiet=True)
    data = ReportData(
        stories=stories,
        copies=copies.reset_index(drop=True),
        themes=themes.reset_index(drop=True),
        actors=actors.reset_index(drop=True),
        quotes=quotes,
        n_records=n_records,
        n_undated=n_undated,
        undated=pd.DataFrame(undated_rows, columns=_UNDATED_COLUMNS),
        n_repeated=n_repeated,
        n_outside=n_outside,
        n_other_outlets=n_other_outlets,
        n_future=len(future_ids),
        future_ids=future_ids,
        filters={"sources": read_sources, "since": since, "until": until},
        names=names.reset_index(drop=True),
        history=history,
        aliases=dict(aliases or {}),
        joined=joined,
    )
    data = in_regions(data, regions) if regions else data
    return about_actors(data, about) if about else data


#: The share of the stories joining a short form or a nickname to any actor that must join it
#: to actors of one name for an actor asked for by it to be found (see ``ReportData.joined``).
JOINED_SHARE = 0.8


def _joined_names(links: Mapping[tuple[str, str, str], int], names: pd.DataFrame) -> dict[str, str]:
    """``ReportData.joined``: each short form the records join to an organisation of theirs
    and can stand for (``links``: (type, alias, the actor's name as written) -> stories;
    :func:`~media_analytics.actors.names.abbreviates`), casefolded, -> the name those actors
    count under (``names``), where :data:`JOINED_SHARE` of its stories name one (``BPN`` of
    ``Badan Pertanahan Nasional`` and of ``Badan Pemenangan Nasional`` in as many stories is
    neither's)."""
    from ..actors.names import abbreviates

    keys = zip(names["type"], names["written"], strict=True)
    under = dict(zip(keys, names["name"], strict=True))
    seen: dict[str, Counter[str]] = {}
    for (kind, alias, full), n in links.items():
        name = under.get((kind, full))
        # an organisation's short form (a person's nickname is read as the nickname rules of
        # person_groups read it; "Kapolres" beside "Kepolisian Resor" is a role)
        if (
            kind == "organization"
            and name is not None
            and not pd.isna(name)
            and abbreviates(alias, full)
        ):
            seen.setdefault(alias.casefold(), Counter())[str(name)] += n
    out = {}
    for alias, counted in sorted(seen.items()):
        name, n = min(counted.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= JOINED_SHARE * sum(counted.values()):
            out[alias] = name
    return out


def _placed_as_any(actors: pd.DataFrame) -> pd.DataFrame:
    """``actors`` with each row that has no province given the province and regency of
    another row of the same story and name that has them (the one with a regency first), so
    that keeping one row per story and name keeps where it is: a story naming ``Pulau Hiri``
    (placed nowhere) and ``Kecamatan Pulau Hiri`` (Kota Ternate, counted under Pulau Hiri) is
    in Maluku Utara, whichever of the two rows is kept.

    >>> rows = pd.DataFrame({"id": ["a", "a"], "name": ["Pulau Hiri"] * 2,
    ...                      "province": [None, "Maluku Utara"], "regency": [None, "Kota Ternate"]})
    >>> _placed_as_any(rows)[["province", "regency"]].values.tolist()
    [['Maluku Utara', 'Kota Ternate'], ['Maluku Utara', 'Kota Ternate']]
    """
    unplaced = actors["province"].isna()
    if not unplaced.any() or unplaced.all():
        return actors
    placed = actors.loc[~unplaced, ["id", "name", "province", "regency"]]
    placed = placed.sort_values("regency", key=lambda r: r.isna(), kind="stable")
    where = placed.drop_duplicates(["id", "name"]).set_index(["id", "name"])
    keys = pd.MultiIndex.from_frame(actors.loc[unplaced, ["id", "name"]])
    found = where.reindex(keys)
    out = actors.copy()
    for column in ("province", "regency"):
        out.loc[unplaced, column] = found[column].to_numpy()
    return out


def _first_ids(ids: Sequence[str], keep: int = 3) -> str:
    """The first ``keep`` ids, and how many more.

    >>> _first_ids(["a", "b", "c", "d", "e"])
    'a, b, c and 2 more'
    """
    shown = ", ".join(ids[:keep])
    return shown + (f" and {len(ids) - keep} more" if len(ids) > keep else "")


def _actor_tone(actor: Mapping[str, Any]) -> str | None:
    """The tone toward an actor: its own sentiment label, given as a label or as ``{"label":
    ..., "score": ...}``; ``None`` when it has none, and for a place, which the sentence
    reading never scores (a label on one is that of a person or organisation of the same
    name). Never the story's tone: that is the tone of the whole article, not of its coverage
    of the actor.

    >>> _actor_tone({"type": "person", "sentiment": {"label": "negative", "score": 0.6}})
    'negative'
    >>> _actor_tone({"type": "organization"})  # no sentence was read for it
    >>> _actor_tone({"type": "place", "sentiment": "positive"})  # (a namesake's label)
    """
    if actor.get("type") == "place":
        return None
    value = actor.get("sentiment")
    if isinstance(value, Mapping):
        value = value.get("label")
    return _clean_str(value)


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def _day_bound(value: Any, name: str) -> pd.Timestamp | None:
    """The day a ``since`` or ``until`` bound names (its time of day dropped), or ``None``.

    Story dates are Indonesian calendar days without a time zone, so a bound with one is
    refused, as ``report --since``/``--until`` refuse it: which day it means is the caller's to
    say (``2025-10-01T00:00:00+07:00`` is 1 October in Jakarta and 30 September in UTC).

    >>> _day_bound("2025-10-01 18:30", "since")
    Timestamp('2025-10-01 00:00:00')
    """
    if value is None:
        return None
    day = pd.Timestamp(value)
    if day.tzinfo is not None:
        raise ValueError(
            f"{name} {value!r} has a time zone: give the day itself, as YYYY-MM-DD "
            "(stories are dated by their Indonesian calendar day)"
        )
    return day.normalize()


def _within(dates: pd.Series, since: pd.Timestamp | None, until: pd.Timestamp | None) -> pd.Series:
    """Whether each date is within [since, until] (days from :func:`_day_bound`; either may
    be ``None``)."""
    mask = pd.Series(True, index=dates.index)
    if since is not None:
        mask &= dates >= since
    if until is not None:
        mask &= dates <= until
    return mask
