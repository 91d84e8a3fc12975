"""Trend tables: pure functions from :class:`~media_analytics.reports.frames.ReportData` to
DataFrames.

Every count here counts *stories*: a syndicated story (one original plus its copies) counts once,
whatever outlet carried it. The one exception is by-outlet counting, where a story counts once for
each outlet that carried it (that is what "this outlet's volume" means to an analyst).
"""

from __future__ import annotations

import dataclasses
import logging
import re
import sys
from collections.abc import Sequence
from contextvars import ContextVar
from typing import Any

import pandas as pd

from .frames import ReportData, _day_bound, _initials_only, _period_code, period_start
from .regions import (
    NO_REGENCY,
    NO_REGION,
    counted_place,
    place_matches,
    province_pairs,
    regency_pairs,
)

__all__ = [
    "BY_KEYS",
    "MIN_STORIES",
    "SENTIMENT_LABELS",
    "asked_actors",
    "emerging_topics",
    "keyed",
    "net_tone",
    "one_name_per_actor",
    "partial_periods",
    "period_grid",
    "quote_table",
    "role_matches",
    "sentiment_mix",
    "share_of_voice",
    "top_actors",
    "top_places",
    "top_speakers",
    "volume",
]

logger = logging.getLogger(__name__)

#: Whether :func:`share_of_voice` and :func:`sentiment_mix` say which names asked for no story
#: gives (a report says it once, for all its tables: ``build_report`` turns it off meanwhile).
SAY_UNNAMED: ContextVar[bool] = ContextVar("say_unnamed", default=True)


def _say_unnamed(data: ReportData, names: Sequence[str], counted: dict[str, str]) -> None:
    """Warn, naming them, of the ``names`` no story gives as an actor, a role or a place: their
    rows are zeros, which a chart would draw as a flat line (seen in a notebook: ``Polisi``,
    no actor's name, charted as a week-by-week tone of nothing)."""
    if not SAY_UNNAMED.get():
        return
    rest = [n for n in dict.fromkeys(names) if n not in counted]
    if not rest:
        return
    roles = role_matches(data.actors, rest)
    every_form = _counted_under(data.actors) if "written" in data.actors else {}
    unknown = [n for n in rest if n not in roles and not counted_place(n, every_form)]
    if unknown:
        from .about import close_actor_names

        close = {n: close_actor_names(data, n) for n in unknown}
        logger.warning(
            "no story names the actor(s) %s, as written or as a grouped name: their rows are zeros",
            ", ".join(
                f"{n!r} (did you mean {' or '.join(map(repr, close[n]))}?)" if close[n] else repr(n)
                for n in unknown
            ),
        )


SENTIMENT_LABELS = ("positive", "neutral", "negative")

#: The fewest stories a spike needs in its period (``min_count`` of
#: :func:`~media_analytics.reports.detect_spikes`) and a topic or theme in the latest window to
#: emerge (``min_count`` of :func:`emerging_topics`): a rise on fewer stories is as likely
#: chance, or two or three stories that a topic took in by mistake.
MIN_STORIES = 5

#: What :func:`volume` and :func:`share_of_voice` can count by, and the column each one adds.
BY_KEYS = {
    "theme": "theme",
    "topic": "topic",
    "outlet": "outlet",
    "region": "province",
    "regency": "regency",
    "actor": "actor",
}


def keyed(data: ReportData, by: str) -> pd.DataFrame:
    """(story, key) pairs for one dimension, each pair at most once.

    Parameters
    ----------
    data : ReportData
    by : {"theme", "topic", "outlet", "region", "regency", "actor"}
        ``region`` is the province of the places and actors named in the story (an
        organisation's when its name ends in a region: ``KPU Brebes``), ``regency`` their
        regency or city (``Kabupaten Semarang or Kota Semarang`` for a place that may be
        either; see :func:`~media_analytics.reports.regions.regency_pairs`); ``topic`` is
        ``"<id>: <label>"`` (the label alone, ``(no clear topic)``, for topic -1).

    Returns
    -------
    pandas.DataFrame
        Columns ``id, date, key``.
    """
    if by == "theme":
        pairs = data.themes[["id", "date", "theme"]].rename(columns={"theme": "key"})
    elif by == "topic":
        s = data.stories[data.stories["topic_id"].notna()]
        label = s["topic_label"].fillna("").astype(str)
        # astype(str): an empty selection keeps the column's number dtype, which has no .str
        ids = s["topic_id"].map(_topic_id).astype(str)
        key = ids.str.cat(label, sep=": ").str.rstrip(": ")
        # the articles with no clear topic under their label alone: "-1: (no clear topic)" in a
        # CSV cell opens with "-", which the spreadsheet guard escapes as a formula
        key = key.where((ids != "-1") | (label == ""), label)
        pairs = pd.DataFrame({"id": s["id"], "date": s["date"], "key": key})
    elif by == "outlet":
        c = data.copies
        pairs = pd.DataFrame({"id": c["story_id"], "date": c["date"], "key": c["source"]})
    elif by == "region":
        pairs = province_pairs(data.actors)
    elif by == "regency":
        pairs = regency_pairs(data.actors)[["id", "date", "key"]]
    elif by == "actor":
        pairs = data.actors[["id", "date", "name"]].rename(columns={"name": "key"})
    else:
        raise ValueError(f"unknown dimension {by!r}; use one of {', '.join(BY_KEYS)}")
    return pairs.dropna(subset=["key"]).drop_duplicates(["id", "key"]).reset_index(drop=True)


def _key_order(by: str) -> Any:
    """The sort key of ``by``'s keys: topics by id (``"2: ..."`` before ``"10: ..."``, the
    articles with no clear topic last), anything else as text."""
    if by != "topic":
        return None

    def topic(key: str) -> tuple[int, str]:
        head, found, _ = key.partition(": ")
        whole = found and head.lstrip("-").isdigit()
        return (int(head) if whole else sys.maxsize, key)

    return topic


def _topic_id(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def report_range(data: ReportData) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The first and last day a report's tables over time span: the stories' range, widened
    to ``since`` and ``until`` when the data were filtered to them and to ``data.extent``
    (all the stories of a report on chosen themes); ``None`` when nothing bounds it."""
    filters = data.filters or {}
    firsts = [_day_bound(filters.get("since"), "since")]
    lasts = [_day_bound(filters.get("until"), "until")]
    if not data.stories.empty:
        firsts.append(data.stories["date"].min())
        lasts.append(data.stories["date"].max())
    if data.extent is not None:
        firsts.append(pd.Timestamp(data.extent[0]))
        lasts.append(pd.Timestamp(data.extent[1]))
    known_firsts = [d for d in firsts if d is not None]
    known_lasts = [d for d in lasts if d is not None]
    if not known_firsts or not known_lasts:
        return None
    return min(known_firsts), max(known_lasts)


def only_stories(data: ReportData, ids: set[str]) -> tuple[ReportData, int]:
    """``data`` cut to the stories ``ids``, with their copies, themes, actors, quotes and
    written names, its tables over time keeping the range of all the stories (``extent``,
    :func:`report_range`), and how many records (copies) it left out: what a filter on the
    stories (``--region``, ``--about``) keeps."""

    def keep(frame: pd.DataFrame, column: str = "id") -> pd.DataFrame:
        return frame[frame[column].isin(ids)].reset_index(drop=True)

    copies = keep(data.copies, "story_id")
    kept = dataclasses.replace(
        data,
        stories=keep(data.stories),
        copies=copies,
        themes=keep(data.themes),
        actors=keep(data.actors),
        quotes=keep(data.quotes),
        names=keep(data.names),
        extent=report_range(data),
    )
    return kept, len(data.copies) - len(copies)


def period_grid(data: ReportData, period: str) -> pd.DatetimeIndex:
    """Every period start from the first story to the last, so empty periods show as zeros;
    from ``since`` to ``until`` when the data were filtered to them (a year asked for is a
    year of periods, its quiet months at either end included), and over ``data.extent`` when
    set (a report on chosen themes: the range of all its stories, whether or not any carries
    them). Every table over time of one report is on this grid."""
    code = _period_code(period)
    span = report_range(data)
    if span is None:
        return pd.DatetimeIndex([], name="period")
    lo, hi = span
    if _n_periods(lo, hi, code) > MAX_GRID_PERIODS:
        # dates decades apart (a stray date in a feed, or a long archive by day): only the
        # periods that hold stories, rather than a table of every empty day between
        logger.warning(
            "stories run from %s to %s: more than %s periods of %s, so the tables show only "
            "the periods with stories (use a longer --period, or --since/--until)",
            lo.date(), hi.date(), f"{MAX_GRID_PERIODS:,}", period,
        )  # fmt: skip
        held = period_start(data.stories["date"], period).dropna().unique()
        return pd.DatetimeIndex(sorted(held), name="period")
    return pd.DatetimeIndex(pd.period_range(lo, hi, freq=code).start_time, name="period")


#: Periods a trend table spans at most before it keeps only the periods holding stories.
MAX_GRID_PERIODS = 5_000


def _n_periods(lo: pd.Timestamp, hi: pd.Timestamp, code: str) -> int:
    days = (hi - lo).days + 1
    return days if code == "D" else days // 7 + 2 if code.startswith("W") else days // 28 + 2


def partial_periods(data: ReportData, period: str) -> dict[pd.Timestamp, str]:
    """The periods the report holds only part of, start -> which days: the first one when
    ``since`` (or, without it, the first story) falls after its first day, the last one when
    ``until`` (or the last story) falls before its last; so that a researcher does not read
    a first week holding two days as a quiet week. :func:`volume` and :func:`sentiment_mix`
    mark them in their ``partial`` column.

    >>> import pandas as pd
    >>> october = {"since": "2025-10-01", "until": "2025-10-31"}
    >>> data = ReportData(*[pd.DataFrame()] * 5, filters=october)
    >>> {f"{k:%Y-%m-%d}": v for k, v in partial_periods(data, "W").items()}
    {'2025-09-29': 'from 2025-10-01', '2025-10-27': 'to 2025-10-31'}
    >>> partial_periods(data, "M")
    {}
    """
    span = report_range(data)
    if span is None:
        return {}
    first, last = span
    cut: dict[pd.Timestamp, list[str]] = {}
    start = period_start(pd.Series([first]), period).iloc[0]
    if start < first:
        cut.setdefault(start, []).append(f"from {first:%Y-%m-%d}")
    start = period_start(pd.Series([last]), period).iloc[0]
    if period_start(pd.Series([last + pd.Timedelta(days=1)]), period).iloc[0] == start:
        cut.setdefault(start, []).append(f"to {last:%Y-%m-%d}")
    return {start: " ".join(days) for start, days in cut.items()}


def _with_partial(frame: pd.DataFrame, data: ReportData, period: str) -> pd.DataFrame:
    """``frame`` (a table with a ``period`` column) with ``partial`` beside ``period``: whether
    the period is cut short (:func:`partial_periods`)."""
    cut = list(partial_periods(data, period))
    frame.insert(list(frame.columns).index("period") + 1, "partial", frame["period"].isin(cut))
    return frame


def _totals(data: ReportData, period: str) -> pd.Series:
    grid = period_grid(data, period)
    counts = period_start(data.stories["date"], period).value_counts()
    return counts.reindex(grid, fill_value=0).rename("total")


def volume(
    data: ReportData,
    by: str | None = "theme",
    period: str = "W",
    *,
    keys: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Stories per period, overall or per theme, topic, outlet, province or regency.

    Parameters
    ----------
    data : ReportData
    by : {"theme", "topic", "outlet", "region", "regency", "actor"} or None
        ``None`` counts all stories; ``region`` counts by province, ``regency`` by regency or
        city (see :func:`keyed`).
    period : {"D", "W", "M"}
        Day, Monday-to-Sunday week, or calendar month; ``period`` is the first day.
    keys : sequence of str, optional
        Report only these keys (e.g. a list of themes); the total still counts every story. A
        topic named by :func:`name_topics` may be given by its name alone; a key no story has
        gets rows of zeros and a warning naming it.

    Returns
    -------
    pandas.DataFrame
        Columns ``period, partial, <key>, articles, total, share``, one row for every period of
        the data's range (:func:`period_grid`) and every key (zeros included). ``articles``
        counts stories: an article and its syndicated copies (``duplicate_of``) are one story,
        so it can be below a count of articles (``evaluate topics``, ``topic_sizes_``).
        ``partial`` says whether the data hold only part of the period
        (:func:`partial_periods`: a first or last week cut short, whose fewer stories are no
        drop); ``total`` is all stories in the period and ``share = articles / total`` is the
        normalised attention (missing, NaN, in a period with no story: a gap in a chart, not a
        share of 0). By ``region`` and ``regency`` a story counts once in every
        province (regency) it names, and the stories naming none count under ``(no region)``
        (``(no regency)``), last: a period's rows add up to its ``total`` when no story names
        two. By ``regency`` the table has the ``province`` of each regency beside it.

    Examples
    --------
    >>> from media_analytics.reports import records_to_frames
    >>> data = records_to_frames([
    ...     {"id": "1", "published_at": "2024-11-25", "themes": [{"theme": "a"}]},
    ...     {"id": "2", "published_at": "2024-11-26", "themes": []},
    ... ])
    >>> volume(data, "theme")[["theme", "articles", "total", "share"]].to_dict("records")
    [{'theme': 'a', 'articles': 1, 'total': 2, 'share': 0.5}]
    """
    totals = _totals(data, period)
    if by is None:
        out = totals.rename("articles").to_frame().reset_index()
        out["total"] = out["articles"]
        out["share"] = (out["articles"] / out["total"]).where(out["total"] > 0)
        return _with_partial(out, data, period)
    column = BY_KEYS.get(by)
    if column is None:
        raise ValueError(f"unknown dimension {by!r}; use one of {', '.join(BY_KEYS)}")
    pairs = keyed(data, by)
    unplaced = {"region": NO_REGION, "regency": NO_REGENCY}.get(by)
    if unplaced is not None:  # the stories naming no province (regency) count, under their own key
        s = data.stories[~data.stories["id"].isin(pairs["id"])]
        pairs = pd.concat([pairs, s[["id", "date"]].assign(key=unplaced)], ignore_index=True)
    if keys is not None:
        keys = _held_keys(pairs, list(dict.fromkeys(keys)), by)  # a key asked twice is one
        pairs = pairs[pairs["key"].isin(keys)]
    pairs = pairs.assign(period=period_start(pairs["date"], period))
    counts = pairs.groupby(["period", "key"]).size()
    names = list(keys) if keys is not None else sorted(pairs["key"].unique(), key=_key_order(by))
    if keys is None and unplaced in names:
        names = [n for n in names if n != unplaced] + [unplaced]
    index = pd.MultiIndex.from_product([totals.index, names], names=["period", "key"])
    out = counts.reindex(index, fill_value=0).rename("articles").reset_index()
    out["total"] = out["period"].map(totals).astype(int)
    out["share"] = (out["articles"] / out["total"]).where(out["total"] > 0)
    if by == "regency":
        province = regency_pairs(data.actors).drop_duplicates("key").set_index("key")["province"]
        out.insert(1, "province", out["key"].map(province))
    return _with_partial(out.rename(columns={"key": column}), data, period)


def _held_keys(pairs: pd.DataFrame, keys: list[str], by: str) -> list[str]:
    """``keys`` as the data hold them: a named topic asked for by its name alone (``Fiskal``
    for ``2: Fiskal``, :func:`name_topics` keeps the id) is that topic; a key no story has is
    kept, with a warning naming it (and the closest key held): its rows are zeros, which a chart
    draws as a flat line (seen in a notebook, after ``name_topics``)."""
    import difflib

    held = [str(k) for k in pd.unique(pairs["key"])]
    held_set = set(held)
    out, unknown = [], []
    for key in keys:
        if key not in held_set and by == "topic":
            named = [h for h in held if h.split(": ", 1)[-1] == key]
            if len(named) == 1:
                key = named[0]
        if key not in held_set:
            unknown.append(key)
        out.append(key)
    if unknown:
        said = []
        for key in unknown:
            close = difflib.get_close_matches(str(key), held, n=1, cutoff=0.6)
            said.append(f"{key!r} (did you mean {close[0]!r}?)" if close else repr(key))
        logger.warning("no story has the %s key(s) %s: their rows are zeros", by, ", ".join(said))
    return list(dict.fromkeys(out))


def share_of_voice(
    data: ReportData,
    by: str = "theme",
    *,
    names: Sequence[str] | None = None,
    period: str | None = None,
    types: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Each key's share of the stories that mention any of the compared keys.

    Parameters
    ----------
    data : ReportData
    by : {"theme", "actor", "outlet", "topic", "region"}
    names : sequence of str, optional
        Compare only these (e.g. two candidates); matched case-insensitively, and reported in the
        given order and spelling even when absent from the data. An actor may be named by any
        form the data wrote it in (``KPK`` finds the stories counted under ``Komisi
        Pemberantasan Korupsi``), by a form of the alias table the data were read with, or
        with its rank, honorifics and degrees (``Irjen Pol Ahmad Luthfi``; see
        :func:`asked_actors`), or, with ``by="actor"``, by a role: a name that is no actor's
        counts the stories naming an actor whose role starts with it (``Kapolda`` counts the
        stories of ``Kapolda Metro Jaya``, ``Kapolda Jatim``, ...; ``Kapolda Jawa Timur``
        those of ``Kapolda Jatim`` too; see :func:`role_matches`).
        A place is found by its written and its official name alike, and by any name of the
        region list for it (``Brebes``, ``Kab. Brebes``, ``Kabupaten Brebes``); a bare name
        that is a city's and a regency's (``Semarang``) counts the places of both and those
        written so without saying which, so its row may share stories with ``Kota Semarang``'s
        (see :func:`~media_analytics.reports.regions.place_matches`).
    period : {"D", "W", "M"}, optional
        Shares within each period instead of over the whole range.
    types : sequence of str, optional
        With ``by="actor"`` and no ``names``: compare the actors of these types only, any of
        ``person``, ``organization``, ``place``, each one's share of the mentions of actors of
        these types. None (the default): people and organisations
        (:data:`~media_analytics.reports.content.REPORT_ACTOR_TYPES`), as :func:`top_actors`
        and the report's table count them; ``types=["place"]``, or all three types, for the
        places. Actors asked for by ``names`` are counted whatever their type.

    Returns
    -------
    pandas.DataFrame
        Columns ``[period, partial,] <key>, articles, share, n``; shares sum to 1 within each
        period (or over all rows) unless no story mentions any of the keys (shares of 0 then);
        ``n`` is the stories that mention any of them in the period (or in all), which the
        shares rest on (:func:`~media_analytics.reports.plot_over_time` draws a period of
        fewer than 5 hollow and leaves one of none out); ``partial`` says whether the data
        hold only part of the period (:func:`partial_periods`).

    Raises
    ------
    ValueError
        For an unknown ``by``, or with ``by="actor"`` a type that is none of the actor types
        (``people``), naming them.
    """
    column = BY_KEYS.get(by)
    if column is None:
        raise ValueError(f"unknown dimension {by!r}; use one of {', '.join(BY_KEYS)}")
    if by == "actor":
        from .content import actor_types_of  # (content reads this module: imported when used)

        types = actor_types_of(types)  # None: people and organisations, as top_actors counts
        if names is None:
            data = dataclasses.replace(data, actors=data.actors[data.actors["type"].isin(types)])
    pairs = keyed(data, by)
    if names is not None:
        names = list(dict.fromkeys(names))  # a name asked for twice is one name
        spelling = {n.casefold(): n for n in names}
        counted: dict[str, str] = {}
        if by == "actor" and "written" in data.actors:
            # a name asked for by a form it was written in: the name it counts under
            counted = asked_actors(data, names, log=True)
            _say_unnamed(data, names, counted)
            spelling = {}
            for n, under in _asked_under(data, names, counted).items():
                key = under.casefold()
                if key in spelling and spelling[key] != n:
                    raise ValueError(
                        f"{spelling[key]!r} and {n!r} are one actor in these records (counted "
                        f"under {under!r}); name it once"
                    )
                spelling[key] = n
        pairs = pairs.assign(key=pairs["key"].str.casefold().map(spelling)).dropna(subset=["key"])
        if by == "actor":  # the names that are roles: the stories naming one who holds it
            roles = [n for n in names if n not in counted]
            held = [
                data.actors.loc[mask, ["id", "date"]].assign(key=role)
                for role, mask in role_matches(data.actors, roles).items()
            ]
            # and the names of places: the stories naming the place by any of its names
            held += [
                data.actors.loc[mask, ["id", "date"]].assign(key=place)
                for place, mask in place_matches(data.actors, names).items()
            ]
            pairs = pd.concat([pairs, *held], ignore_index=True)
        pairs = pairs.drop_duplicates(["id", "key"])
    groups = ["key"]
    if period is not None:
        pairs = pairs.assign(period=period_start(pairs["date"], period))
        groups = ["period", "key"]
    counts = pairs.groupby(groups).size().rename("articles")
    if names is not None:
        if period is None:
            counts = counts.reindex(list(names), fill_value=0)
        else:
            grid = period_grid(data, period)
            full = pd.MultiIndex.from_product([grid, list(names)], names=["period", "key"])
            counts = counts.reindex(full, fill_value=0)
    out = counts.reset_index()
    denom = out.groupby("period")["articles"].transform("sum") if period else out["articles"].sum()
    out["share"] = (out["articles"] / denom).fillna(0.0)
    # the stories a share rests on: one story in a day is no 100% share of voice
    if period:
        stories = pairs.groupby("period")["id"].nunique()
        out["n"] = out["period"].map(stories).fillna(0).astype(int)
    else:
        out["n"] = int(pairs["id"].nunique())
    if names is None:
        out = out.sort_values(
            [*(["period"] if period else []), "articles", "key"],
            ascending=[*([True] if period else []), False, True],
        )
    out = out.rename(columns={"key": column}).reset_index(drop=True)
    # (a week the data cut short is marked, as in the other tables over time)
    return _with_partial(out, data, period) if period is not None else out


def _asked_under(
    data: ReportData, names: Sequence[str], counted: dict[str, str] | None = None
) -> dict[str, str]:
    """Each of ``names`` (each once) -> the name its stories count under in ``data``: the
    actor's (``counted``, :func:`asked_actors`' answer, found when not given), a place's by
    another name of its region (``Kab. Brebes`` -> ``Kabupaten Brebes``), else the name itself
    (a role, or a name no story writes)."""
    if "written" not in data.actors:  # (no written forms: each name as it is)
        return {n: n for n in names}
    if counted is None:
        counted = asked_actors(data, names)
    every_form = _counted_under(data.actors)
    return {n: counted.get(n) or counted_place(n, every_form) or n for n in dict.fromkeys(names)}


def one_name_per_actor(data: ReportData, names: Sequence[str]) -> list[str]:
    """``names`` with each actor once, in the order given: a name whose stories count under
    the same actor as an earlier name's (``Badan Pusat Statistik`` after ``BPS``, ``Kab.
    Brebes`` after ``Brebes``, ``kpk`` after ``KPK``) is left out, said in one warning line
    per actor; the earlier name stands for both.

    :func:`share_of_voice` refuses two names of one actor (it would report one actor's stories
    twice, as if they were two); the report (``report --actor A --actor B``) compares them
    once with this.

    >>> from media_analytics.reports import records_to_frames
    >>> data = records_to_frames([{"id": "1", "published_at": "2025-10-21", "actors": [
    ...     {"name": "Badan Pusat Statistik", "type": "organization"}]}],
    ...     aliases={"BPS": "Badan Pusat Statistik"})
    >>> one_name_per_actor(data, ["BPS", "Kapolda", "Badan Pusat Statistik"])
    ['BPS', 'Kapolda']
    """
    under = _asked_under(data, names)
    first: dict[str, list[str]] = {}  # the actor (casefolded) -> the names asked for it
    for n, counted in under.items():
        first.setdefault(counted.casefold(), []).append(n)
    for same in first.values():
        if len(same) > 1:
            listed = ", ".join(map(repr, same[:-1])) + f" and {same[-1]!r}"
            logger.warning(
                "%s are one actor in these records (counted under %r): compared once, as %r",
                listed,
                under[same[0]],
                same[0],
            )
    return [same[0] for same in first.values()]


def role_matches(actors: pd.DataFrame, names: Sequence[str]) -> dict[str, pd.Series]:
    """The names asked for that are roles: each of ``names`` that is no actor's name nor a form
    the data wrote one in, -> which rows of ``actors`` have a role that starts with its words
    (regardless of case), when any has.

    A role names its holder by its first words (``Kapolda Metro Jaya`` is a Kapolda, ``Wakil
    Kapolda`` a deputy, ``Ketua Tim Asistensi Kapolri`` the head of a team), so ``Kapolda``
    matches ``Kapolda Metro Jaya`` and ``Kapolda Jatim`` but neither of the others, and
    ``Kapolda Metro Jaya`` only the first. A name that is an actor's stays that actor's.
    An office of a region is the same office whichever of the region's names (the
    gazetteer's, :func:`~media_analytics.actors.lookup_region`) either writes: ``Kapolda
    Jawa Timur`` matches ``Kapolda Jatim`` and ``Kapolda Jatim`` matches ``Kapolda Jawa
    Timur``.

    >>> actors = pd.DataFrame({"name": ["Gatot", "Rudi", "Luki"], "written": [None] * 3,
    ...                        "role": ["Kapolda Metro Jaya", "Wakil Kapolda", "Kapolda Jatim"]})
    >>> {k: v.tolist() for k, v in role_matches(actors, ["kapolda", "Rudi", "Bupati"]).items()}
    {'kapolda': [True, False, True]}
    >>> {k: v.tolist() for k, v in role_matches(actors, ["Kapolda Jawa Timur"]).items()}
    {'Kapolda Jawa Timur': [False, False, True]}
    """
    from ..actors.lexicon import phrase_key
    from ..actors.regions import office_of_region

    forms = set(actors["name"].dropna().astype(str).str.casefold())
    if "written" in actors:
        forms |= set(actors["written"].dropna().astype(str).str.casefold())
    roles = actors["role"].fillna("").astype(str)
    role_words: dict[str, tuple[str, ...]] = {}
    out = {}
    for name in dict.fromkeys(names):
        words = str(name).split()
        if not words or str(name).casefold() in forms:
            continue
        lead = re.compile(r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
        mask = roles.map(lambda role, lead=lead: lead.match(role.strip()) is not None)
        office = office_of_region(phrase_key(str(name)))
        if office is not None:  # "Kapolda Jawa Timur": "Kapolda Jatim" too
            role_words = role_words or {role: phrase_key(role) for role in roles.unique()}
            same = {role: _holds(key, *office) for role, key in role_words.items()}
            mask |= roles.map(same)
        if mask.any():
            out[name] = mask.astype(bool)
    return out


def _holds(words: tuple[str, ...], office: tuple[str, ...], code: str) -> bool:
    """Whether a role (``words``) starts with ``office`` and then a name of the region
    ``code`` (``kapolda jatim`` for ``kapolda`` and Jawa Timur), whatever follows."""
    from ..actors.regions import lookup_region

    if words[: len(office)] != office:
        return False
    rest = words[len(office) :]
    for m in range(len(rest), 0, -1):
        region = lookup_region(" ".join(rest[:m]))
        if region is not None and region.code == code:
            return True
    return False


def held_roles(actors: pd.DataFrame, mask: pd.Series, keep: int = 5) -> str:
    """The roles of the rows ``mask`` picks, with their stories, most stories first (the first
    ``keep``): ``"Kapolda Jatim (16), Kapolda Jateng (12)"``, for a report to say what a role
    asked for counted."""
    held = actors.loc[mask].groupby("role")["id"].nunique()
    ranked = sorted(held.items(), key=lambda item: (-item[1], item[0]))
    shown = ", ".join(f"{role} ({n})" for role, n in ranked[:keep])
    return shown + (f" and {len(ranked) - keep} more" if len(ranked) > keep else "")


def asked_actors(data: ReportData, names: Sequence[str], *, log: bool = False) -> dict[str, str]:
    """The names asked for that name an actor of ``data``, -> the name it counts under.

    A name is found as the data wrote it or count it (``KPK`` -> ``Komisi Pemberantasan
    Korupsi``, regardless of case); else by the alias table the data were read with
    (``data.aliases``, compared as :func:`~media_analytics.actors.read_name_table` does),
    whatever stories the date range kept: ``Gus Yasin`` finds ``Taj Yasin`` in a range whose
    stories never write ``Gus Yasin``; else as a short form the stories join to an
    organisation, written alone in none and no role's (``Polda`` of ``Kepolisian Daerah``;
    ``data.joined``); else as articles write a person, with a rank,
    honorifics or degrees, which no counted name holds (``Irjen Pol Ahmad Luthfi`` ->
    ``Ahmad Luthfi``; :func:`~media_analytics.actors.people.bare_name`), said in an INFO line
    when ``log``. A name found none of these ways is left out (it may be a role:
    :func:`role_matches`).

    >>> from media_analytics.reports import records_to_frames
    >>> data = records_to_frames(
    ...     [{"id": "1", "published_at": "2024-11-26", "actors": [
    ...         {"name": "Ahmad Luthfi", "type": "person", "title": "Irjen"},
    ...         {"name": "Taj Yasin", "type": "person"}]}],
    ...     aliases={"Gus Yasin": "Taj Yasin"})
    >>> asked_actors(data, ["ahmad luthfi", "Irjen Ahmad Luthfi", "Gus Yasin", "Kapolda"])
    {'ahmad luthfi': 'Ahmad Luthfi', 'Irjen Ahmad Luthfi': 'Ahmad Luthfi', 'Gus Yasin': 'Taj Yasin'}
    """
    from ..actors.names import name_words, resolve_name_table
    from ..actors.people import bare_name

    actors = data.actors
    if "written" not in actors:
        actors = actors.assign(written=actors["name"])
    counted = _counted_under(actors)
    table = {name_words(k): v for k, v in resolve_name_table(data.aliases or {}).items()}

    def find(name: str) -> str | None:
        if name.casefold() in counted:
            return counted[name.casefold()]
        target = table.get(name_words(name))
        # a short form the stories join to an organisation, unless it is a role too
        # ("Menkumham": the stories naming the minister, as role_matches counts them)
        if target is None and name.casefold() in data.joined and not role_matches(actors, [name]):
            target = data.joined[name.casefold()]
        return counted.get(target.casefold()) if target is not None else None

    out: dict[str, str] = {}
    for name in dict.fromkeys(names):
        found = find(name)
        bare = bare_name(name) if found is None else None
        if bare is not None:
            found = find(bare[0])
            if found is not None and log:
                logger.info(
                    "%r is read as %r%s: a rank, honorifics and degrees (%s) are no part of the "
                    "name the stories count a person under",
                    name,
                    bare[0],
                    f" (counted under {found!r})" if found != bare[0] else "",
                    bare[1],
                )
        if found is not None:
            out[name] = found
    return out


def _counted_under(actors: pd.DataFrame) -> dict[str, str]:
    """Every written form and counted name of the actors, casefolded, -> the name it counts
    under (``kpk`` -> ``Komisi Pemberantasan Korupsi``)."""
    forms = actors[["name", "written"]].dropna().drop_duplicates()
    counted = dict(zip(forms["written"].str.casefold(), forms["name"], strict=True))
    counted.update((str(n).casefold(), str(n)) for n in forms["name"])
    return counted


def net_tone(positive: pd.Series, negative: pd.Series, n: pd.Series) -> pd.Series:
    """``(positive - negative) / n``, from -1 to 1; missing (NaN, a blank cell) where ``n`` is 0,
    so that a period without stories does not read as a balanced one."""
    return (positive - negative) / n.where(n > 0)


def sentiment_mix(
    data: ReportData,
    by: str = "period",
    period: str | None = None,
    *,
    top: int | None = None,
    names: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Sentiment counts and net tone per period, actor, theme or outlet.

    Parameters
    ----------
    data : ReportData
    by : {"period", "actor", "theme", "outlet"}
        For ``actor`` the label is the tone toward the actor that the record gives (the tone of
        the sentences naming it); an actor without one (every place, and a person or
        organisation the reading found no sentence for) is not counted: the story's tone is
        not the tone toward each actor it names.
    period : {"D", "W", "M"}, optional
        With ``by="period"``: the periods (default ``"W"``). With another ``by``: a row per
        period and key (``period``, ``partial``, then the key's column), for the keys the table
        without ``period`` shows (``top`` and ``names`` choose them over the whole range, in
        the same order), a period in which no story gives the key a tone being a row of zeros
        with a missing ``net_tone``: the weekly tone toward an actor is
        ``sentiment_mix(data, "actor", "W", names=["Polri"])``. Default: one row per key over
        the whole range.
    top : int, optional
        Keep the ``top`` keys with the most labelled stories (not for ``by="period"``). With
        ``names`` and no ``top``: the named actors alone (``top=0``).
    names : sequence of str, optional
        With ``by="actor"``: these actors too, after the ``top`` ones (the actors an analyst
        compares; named by any form the data wrote them in, as in :func:`share_of_voice`, and
        shown under the name the data count them under). A name that is a role (see
        :func:`role_matches`) gets a row of its own after the actors: the tone toward the
        actors holding it, each story counted once. A name no labelled story gives a tone
        toward (no story names it, or none reads a tone toward it) is a row of zeros with a
        missing ``net_tone``, last: every name asked for has its row, as in the share of
        voice.

    Returns
    -------
    pandas.DataFrame
        Columns ``<key>, positive, neutral, negative, n, net_tone`` where ``n`` counts labelled
        stories and ``net_tone = (positive - negative) / n``; by period, a row for every period
        of :func:`period_grid` and ``partial`` beside ``period`` (as in :func:`volume`); with
        ``period`` and another ``by``, ``period, partial, <key>, ...``, a row for every period
        of :func:`period_grid` and key.

    Examples
    --------
    >>> from media_analytics.reports import records_to_frames
    >>> polri = [{"name": "Polri", "type": "organization", "sentiment": "negative"}]
    >>> data = records_to_frames([
    ...     {"id": "1", "published_at": "2024-11-04", "actors": polri},
    ...     {"id": "2", "published_at": "2024-11-18", "actors": polri}])
    >>> weekly = sentiment_mix(data, "actor", "W", names=["Polri"])
    >>> [(f"{p:%Y-%m-%d}", a, n) for p, a, n in weekly[["period", "actor", "n"]].values]
    [('2024-11-04', 'Polri', 1), ('2024-11-11', 'Polri', 0), ('2024-11-18', 'Polri', 1)]
    """
    if by == "period":
        period = period or "W"
        s = data.stories
        frame = pd.DataFrame({"key": period_start(s["date"], period), "label": s["sentiment"]})
        grid: pd.Index | None = period_grid(data, period)
        column = "period"
    elif by == "actor":
        a = data.actors
        frame = pd.DataFrame({"key": a["name"], "label": a["sentiment"], "date": a["date"]})
        grid, column = None, "actor"
    elif by in ("theme", "outlet"):
        pairs = keyed(data, by)
        tone = data.stories.set_index("id")["sentiment"]
        frame = pd.DataFrame(
            {"key": pairs["key"], "label": pairs["id"].map(tone), "date": pairs["date"]}
        )
        grid, column = None, by
    else:
        raise ValueError(f"unknown dimension {by!r}; use period, actor, theme or outlet")
    if period is not None:
        _period_code(period)  # an unknown period is refused before any work
    out = _tone_table(frame, column, grid)
    counted = asked_actors(data, names) if by == "actor" and names else {}
    if by == "actor" and names:
        _say_unnamed(data, names, counted)
    if by == "actor" and names and top is None:
        top = 0  # the actors asked for, not every actor of the data after them
    if by == "period":
        assert period is not None
        out = _with_partial(out, data, period)
    else:
        out = out.sort_values(["n", column], ascending=[False, True])
        if top is not None:
            shown = out.head(top)
            if by == "actor" and names:
                asked = {counted.get(n, n).casefold() for n in names}
                named = out[column].str.casefold().isin(asked) & ~out.index.isin(shown.index)
                shown = pd.concat([shown, out[named]])
            out = shown
        if by == "actor" and names:
            # the names that are roles, after the actors: the tone toward whoever holds the role,
            # a story counted once (the first holder it gives a tone of its own)
            actors = data.actors
            roles = [
                actors.loc[mask, ["id", "date", "sentiment"]].rename(columns={"sentiment": "label"})
                .assign(key=role)
                for role, mask in role_matches(actors, [n for n in names if n not in counted])
                .items()
            ]  # fmt: skip
            if roles:
                held = pd.concat(roles)
                held = held[held["label"].isin(SENTIMENT_LABELS)].drop_duplicates(["id", "key"])
                order = {role: i for i, role in enumerate(names)}
                held_table = _tone_table(held, column, None)
                held_table = held_table.sort_values(column, key=lambda k: k.map(order))
                out = pd.concat([out, held_table])
                frame = pd.concat([frame, held[["key", "label", "date"]]], ignore_index=True)
            # every name asked for has its row, as in the share of voice: one no labelled
            # story gives a tone (none of the report's stories names it, or none gives a tone
            # toward it) is a row of zeros with no net tone, rather than missing from the table
            present = set(out[column].astype(str).str.casefold())
            missing = [
                shown
                for shown in dict.fromkeys(counted.get(n, n) for n in names)
                if shown.casefold() not in present
            ]
            if missing:
                empty = pd.DataFrame(
                    {column: missing, **{c: 0 for c in (*SENTIMENT_LABELS, "n")}}
                ).assign(net_tone=float("nan"))
                out = pd.concat([out, empty]) if len(out) else empty
        if period is not None:  # the keys shown, period by period
            out = _tone_per_period(data, frame, list(out[column]), column, period)
    return out.reset_index(drop=True)


def _tone_per_period(
    data: ReportData, frame: pd.DataFrame, keys: list[str], column: str, period: str
) -> pd.DataFrame:
    """Labels per period and key (``frame``: ``key, label, date``) as ``period, partial,
    <column>, positive, neutral, negative, n, net_tone``, a row for every period of
    :func:`period_grid` and each of ``keys``, in their order."""
    keys = list(dict.fromkeys(keys))
    frame = frame[frame["key"].isin(keys) & frame["label"].isin(SENTIMENT_LABELS)]
    counts = (
        frame.assign(period=period_start(frame["date"], period))
        .groupby(["period", "key", "label"])
        .size()
        .unstack("label")
        .reindex(columns=list(SENTIMENT_LABELS))
    )
    full = pd.MultiIndex.from_product([period_grid(data, period), keys], names=["period", "key"])
    table = counts.reindex(full).fillna(0).astype(int)
    table.columns.name = None
    table["n"] = table[list(SENTIMENT_LABELS)].sum(axis=1)
    table["net_tone"] = net_tone(table["positive"], table["negative"], table["n"])
    out = table.reset_index().rename(columns={"key": column})
    return _with_partial(out, data, period)


def _tone_table(frame: pd.DataFrame, column: str, grid: pd.Index | None) -> pd.DataFrame:
    """Labels per key (``frame``: ``key, label``) as ``<column>, positive, neutral, negative, n,
    net_tone``, a row per key of ``grid`` when given."""
    frame = frame[frame["label"].isin(SENTIMENT_LABELS)]
    table = pd.crosstab(frame["key"], frame["label"]).reindex(
        columns=list(SENTIMENT_LABELS), fill_value=0
    )
    if grid is not None:
        table = table.reindex(grid, fill_value=0)
    table.columns.name = None
    table["n"] = table[list(SENTIMENT_LABELS)].sum(axis=1)
    table["net_tone"] = net_tone(table["positive"], table["negative"], table["n"])
    return table.rename_axis(column).reset_index()


def top_actors(
    data: ReportData, n: int = 10, *, types: Sequence[str] | None = None
) -> pd.DataFrame:
    """The most mentioned actors: by default the people and organisations, as the report's
    table of top actors counts them (places, which the stories name more often than anyone,
    are in :func:`top_places`).

    Parameters
    ----------
    data : ReportData
    n : int
        How many to keep.
    types : sequence of str, optional
        The actor types to count, any of ``person``, ``organization``, ``place``
        (:data:`~media_analytics.reports.content.ACTOR_TYPES` for all). None (the default):
        :data:`~media_analytics.reports.content.REPORT_ACTOR_TYPES`, people and organisations.

    Returns
    -------
    pandas.DataFrame
        Columns ``actor, type, title, role, articles, outlets, quotes, net_tone, also_written``,
        most articles first: ``title`` and ``role`` are the forms seen most often, ``outlets``
        counts the outlets that carried the stories naming the actor, ``quotes`` the quotes
        attributed to the actor, ``net_tone`` the tone toward the actor over the stories that
        give it one (missing, a blank cell, for a place, or an actor no story gives a tone of
        its own; see :func:`sentiment_mix`), ``also_written`` the other forms of the name
        counted under it (``"Jokowi (247)"``; the three most used).

    Raises
    ------
    ValueError
        For a type that is none of the actor types (``people``), naming them.
    """
    from .content import actor_types_of  # (content reads this module: imported when used)

    types = actor_types_of(types)
    a = data.actors[data.actors["type"].isin(types)]
    columns = [
        "actor", "type", "title", "role", "articles", "outlets", "quotes", "net_tone",
        "also_written",
    ]  # fmt: skip
    if a.empty:
        return pd.DataFrame(columns=columns)
    # the n kept first (most articles, then by name, as the table is sorted): the forms seen
    # most often were counted for every actor, tens of thousands on an archive (17,441
    # CLICK-ID articles: 70 of a report's 170 s), to keep ten
    articles = a.groupby("name")["id"].nunique().rename_axis("actor").reset_index(name="n")
    kept = articles.sort_values(["n", "actor"], ascending=[False, True]).head(n)["actor"]
    a = a[a["name"].isin(kept)]
    grouped = a.groupby("name")
    out = pd.DataFrame(
        {
            "type": grouped["type"].agg(_mode),
            "title": grouped["title"].agg(_mode),
            "role": grouped["role"].agg(_mode),
            "articles": grouped["id"].nunique(),
        }
    )
    copies = data.copies[["story_id", "source"]]
    reach = a[["name", "id"]].merge(copies, left_on="id", right_on="story_id")
    out["outlets"] = reach.groupby("name")["source"].nunique().reindex(out.index, fill_value=0)
    said = data.quotes["speaker"].value_counts()
    out["quotes"] = said.reindex(out.index, fill_value=0).astype(int)
    tone = sentiment_mix(data, "actor").set_index("actor")["net_tone"]
    out["net_tone"] = tone.reindex(out.index).astype(float)  # no tone of its own: missing
    forms = data.names if len(data.names) else a
    if len(forms):
        forms = forms[forms["type"].isin(types) & forms["name"].isin(kept)]
    out["also_written"] = _other_forms(forms).reindex(out.index).fillna("")
    out = out.rename_axis("actor").reset_index()
    out = out.sort_values(["articles", "actor"], ascending=[False, True]).head(n)
    return out[columns].reset_index(drop=True)


def top_places(data: ReportData, n: int = 10) -> pd.DataFrame:
    """The places the stories name most (a place under its official name, ``DKI Jakarta`` for
    ``Jakarta``): who is in the news is :func:`top_actors` of people and organisations, where
    it happens these.

    Returns
    -------
    pandas.DataFrame
        Columns ``place, province, articles, outlets, also_written``, most articles first:
        ``province`` the one the stories give the place most often (empty for a place outside
        Indonesia's provinces, or one no province was read for), the others as in
        :func:`top_actors`.
    """
    columns = ["place", "province", "articles", "outlets", "also_written"]
    top = top_actors(data, n, types=["place"]).rename(columns={"actor": "place"})
    places = data.actors[data.actors["type"] == "place"]
    places = places[places["name"].isin(top["place"])]
    province = places.groupby("name")["province"].agg(_mode)
    top["province"] = top["place"].map(province).astype(object)
    top["province"] = top["province"].where(top["province"].notna(), None)
    return top[columns]


def _other_forms(actors: pd.DataFrame, keep: int = 3) -> pd.Series:
    """Per name, the other written forms counted under it with their stories, most used first."""
    if "written" not in actors:
        return pd.Series(dtype=object)
    other = actors[actors["written"].notna() & (actors["written"] != actors["name"])]
    if other.empty:
        return pd.Series(dtype=object)
    n = other.groupby(["name", "written"])["id"].nunique().reset_index()
    n = n.sort_values(["name", "id", "written"], ascending=[True, False, True])
    n["label"] = n["written"].astype(str) + " (" + n["id"].astype(str) + ")"
    return n.groupby("name")["label"].agg(lambda labels: "; ".join(labels.iloc[:keep]))


def _mode(values: pd.Series) -> str | None:
    values = values.dropna()
    if values.empty:
        return None
    counts = values.value_counts()
    return str(sorted(counts[counts == counts.max()].index)[0])


def top_speakers(
    data: ReportData, n: int = 10, *, max_chars: int = 160, period: str | None = None
) -> pd.DataFrame:
    """The most quoted speakers, with who they are and their latest quote.

    Parameters
    ----------
    data : ReportData
    n : int
        Speakers kept (in each period with ``period``).
    max_chars : int
        Where a quote is cut.
    period : {"D", "W", "M"}, optional
        The ``n`` most quoted of each period instead of the whole range (a ``period`` column
        first; periods whose stories quote no one have no rows).

    Returns
    -------
    pandas.DataFrame
        Columns ``[period,] speaker, title, role, quotes, articles, latest_quote``, the
        speakers quoted in the most stories (``articles``) first, then the most quotes:
        ``title`` (rank or honorific, ``Irjen``) and ``role`` (``Kapolda Metro Jaya``) are the
        forms the stories give the speaker most often as a person or organisation they name
        (as in :func:`top_actors`; empty when none gives one); the quote is cut at
        ``max_chars`` characters. Speakers named by initials alone (``R``) or described, not
        named (``netizen``, ``salah satu penggemar``:
        :func:`~media_analytics.actors.is_description`) are left out: each is someone else in
        every story.
    """
    from ..actors import is_description

    if period is not None:
        starts = period_start(data.quotes["date"], _period_code(period))
        parts = [
            top_speakers(
                dataclasses.replace(data, quotes=data.quotes[starts == start]), n,
                max_chars=max_chars,
            ).assign(period=start)
            for start in sorted(starts.dropna().unique())
        ]  # fmt: skip
        columns = ["period", "speaker", "title", "role", "quotes", "articles", "latest_quote"]
        if not parts:
            return pd.DataFrame(columns=columns)
        return pd.concat(parts, ignore_index=True)[columns]
    q = data.quotes.dropna(subset=["speaker"])
    # a speaker named by initials alone is someone else in every story (see records_to_frames),
    # and so is one described in lower case ("netizen")
    named = ~q["speaker"].map(_initials_only).astype(bool)
    q = q[named & ~q["speaker"].map(is_description).astype(bool)]
    columns = ["speaker", "title", "role", "quotes", "articles", "latest_quote"]
    if q.empty:
        return pd.DataFrame(columns=columns)
    grouped = q.groupby("speaker")
    latest = q.sort_values(["date", "id"]).groupby("speaker")["text"].last()
    out = pd.DataFrame(
        {
            "quotes": grouped.size(),
            "articles": grouped["id"].nunique(),
            "latest_quote": latest.map(lambda t: _cut(t, max_chars)),
        }
    ).rename_axis("speaker")
    # the n kept before the forms they are given are counted (as in top_actors)
    # quoted in the most stories first: one long interview's eleven quotes do not outrank a
    # spokesman quoted in nine stories
    out = out.reset_index().sort_values(
        ["articles", "quotes", "speaker"], ascending=[False, False, True]
    )
    out = out.head(n).set_index("speaker")
    # speakers count under the names the actors do (records_to_frames groups both alike)
    named = data.actors[data.actors["type"] != "place"]
    named = named[named["name"].isin(out.index)].groupby("name")
    for column in ("title", "role"):
        given = named[column].agg(_mode).reindex(out.index).astype(object)
        out[column] = given.where(given.notna(), None)  # none given: None, as in top_actors
    return out.reset_index()[columns].reset_index(drop=True)  # (in the order kept above)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


#: The columns of :func:`quote_table`.
QUOTE_COLUMNS = [
    "date", "speaker", "title", "role", "tone", "direct", "verb", "text", "written",
    "headline", "source", "url", "id",
]  # fmt: skip


def quote_table(data: ReportData) -> pd.DataFrame:
    """Every quote of the stories, who said it and in what tone: the clipping of who said what.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`QUOTE_COLUMNS`, one row per quote, by date and story: ``speaker`` the
        name the speaker counts under (as in :func:`top_speakers`) and ``written`` the form the
        story gave; ``title`` (rank) and ``role`` those the story gives the speaker, and
        ``tone`` the tone of the story's sentences toward the speaker (``None`` where it gives
        none, or where the speaker is no person or organisation it names); ``direct`` ``True``
        for words in quotation marks; ``headline``, ``source`` and ``url`` of the story, whose
        ``id`` closes the row.
    """
    q = data.quotes.dropna(subset=["speaker"])
    if q.empty:
        return pd.DataFrame(columns=QUOTE_COLUMNS)
    stories = data.stories.drop_duplicates("id").set_index("id")
    said = q.assign(
        headline=q["id"].map(stories["title"]),
        url=q["id"].map(stories["url"]),
        written=q["written"].where(q["written"].notna(), q["speaker"]),
    )
    # the speaker as the story names it (data.actors holds one row per story and name)
    named = data.actors.loc[
        data.actors["type"] != "place", ["id", "name", "title", "role", "sentiment"]
    ].rename(columns={"name": "speaker", "sentiment": "tone"})
    out = said.merge(named, on=["id", "speaker"], how="left", sort=False)
    out = out.sort_values(["date", "id"], kind="stable").reset_index(drop=True)
    out = out[QUOTE_COLUMNS].astype({"title": object, "role": object, "tone": object})
    return out.where(out.notna(), None)


def emerging_topics(
    data: ReportData,
    by: str = "topic",
    *,
    window: str | pd.Timedelta = "14D",
    end: str | pd.Timestamp | None = None,
    min_count: int = MIN_STORIES,
    min_growth: float = 2.0,
) -> pd.DataFrame:
    """Topics (or themes) that are new or growing fast in the latest window.

    The latest window is the ``window`` ending on ``end`` (default: the last story's day,
    inclusive); the previous window is the one just before it. A key *emerges* when it has at
    least ``min_count`` stories in the latest window (default :data:`MIN_STORIES`, as many as
    a spike needs), more stories than in the previous window, and its share of stories grew
    at least ``min_growth``-fold: ``new`` when it had none before, else ``growing`` (a share
    that grows only because the whole coverage shrank does not count). Shares are smoothed,
    ``(count + 0.5) / (stories + 1)``, so a rise from one story to two is not "infinite", and
    3 stories of 449 against none of 14 (a share that fell) is not new. The topic ``-1``
    (no clear topic) is left out: it gathers what fits no topic.
    When the previous window holds no story at all (a gap in the data, the first weeks of a
    feed), there is nothing to compare with and nothing is said to emerge.

    Returns
    -------
    pandas.DataFrame
        Columns ``<key>, current, previous, current_share, previous_share, growth, status``,
        fastest growth first; ``current_share``/``previous_share`` are unsmoothed
        shares of the window's stories.
    """
    column = BY_KEYS.get(by)
    if column is None:
        raise ValueError(f"unknown dimension {by!r}; use one of {', '.join(BY_KEYS)}")
    columns = [column, "current", "previous", "current_share", "previous_share", "growth", "status"]
    if data.stories.empty:
        return pd.DataFrame(columns=columns)
    span = pd.Timedelta(window)
    last = pd.Timestamp(end).normalize() if end is not None else data.stories["date"].max()
    cur_lo, prev_lo = last - span, last - 2 * span  # windows are (lo, hi]
    dates = data.stories["date"]
    n_cur = int(((dates > cur_lo) & (dates <= last)).sum())
    n_prev = int(((dates > prev_lo) & (dates <= cur_lo)).sum())
    pairs = keyed(data, by)
    if by == "topic":  # the stories of topic -1, whatever their key reads
        s = data.stories
        none = s.loc[s["topic_id"].map(_topic_id).astype(str) == "-1", "id"]
        pairs = pairs[~pairs["id"].isin(none)]
    cur = pairs[(pairs["date"] > cur_lo) & (pairs["date"] <= last)]["key"].value_counts()
    prev = pairs[(pairs["date"] > prev_lo) & (pairs["date"] <= cur_lo)]["key"].value_counts()
    out = pd.DataFrame({"current": cur, "previous": prev}).fillna(0).astype(int)
    out["current_share"] = out["current"] / max(n_cur, 1)
    out["previous_share"] = out["previous"] / max(n_prev, 1)
    smoothed_cur = (out["current"] + 0.5) / (n_cur + 1)
    smoothed_prev = (out["previous"] + 0.5) / (n_prev + 1)
    out["growth"] = smoothed_cur / smoothed_prev
    out["status"] = ""
    # more stories than before too: a share that grows as the whole coverage shrinks (11
    # stories, then 8 of a quiet fortnight's few) is no topic emerging
    grew = (
        (out["current"] >= min_count)
        & (n_prev > 0)
        & (out["growth"] >= min_growth)
        & (out["current"] > out["previous"])
    )
    out.loc[grew, "status"] = "growing"
    out.loc[grew & (out["previous"] == 0), "status"] = "new"
    out = out[out["status"] != ""].rename_axis(column).reset_index()
    out = out.sort_values(["growth", column], ascending=[False, True])
    return out[columns].reset_index(drop=True)
