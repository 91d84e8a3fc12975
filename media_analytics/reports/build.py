"""``build_report``: scored records in, a folder of report files out."""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .about import unnamed_said
from .content import SPIKE_DEFAULTS, ReportContent, _carrying, actor_types_of, build_content
from .export import write_csv, write_excel
from .frames import ReportData, records_to_frames
from .html import render_html
from .markdown import render_markdown
from .regions import RegionQuery, place_matches, read_region, stories_placed_in
from .spikes import history_start
from .tables import SAY_UNNAMED, asked_actors, held_roles, one_name_per_actor, role_matches
from .topicnames import name_topics

if TYPE_CHECKING:
    from ..themes.taxonomy import Taxonomy

__all__ = ["build_report", "theme_ids"]

logger = logging.getLogger(__name__)


#: Indonesia's easternmost clock (WIT): a story is never dated after its day.
_WIT = timezone(timedelta(hours=9))


def _last_day(made: datetime) -> str:
    """The last day a story of a report made at ``made`` may be dated: ``made``'s day in WIT
    (a naive ``made`` is taken as UTC).

    >>> _last_day(datetime(2026, 12, 5, 16, 0, tzinfo=timezone.utc))
    '2026-12-06'
    """
    if made.tzinfo is None:
        made = made.replace(tzinfo=timezone.utc)
    return made.astimezone(_WIT).date().isoformat()


def theme_ids(
    asked: Sequence[str], known: Iterable[str], *, taxonomy: Taxonomy | None = None
) -> tuple[list[str], list[str]]:
    """The theme ids the names ``asked`` stand for, in order and each once, and the names that
    stand for none.

    A name is a theme id of ``known`` (the records' themes) or of the taxonomy (default: the
    bundled one) as written or regardless of case (``Pilkada_Security``), or a taxonomy
    theme's Indonesian or English name, ``name_id`` or ``name_en``, regardless of case and
    spacing (``Keamanan Pilkada``). The names read as another id are said in one INFO line.
    A name that stands for no theme is kept in the ids as written (a report warns that no
    story carries it; ``report --theme`` refuses it).

    >>> theme_ids(["Keamanan Pilkada", "MONEY_POLITICS", "pilkada_security", "x"], [])
    (['pilkada_security', 'money_politics', 'x'], ['x'])
    """
    if taxonomy is None:
        from ..themes.taxonomy import Taxonomy

        taxonomy = Taxonomy.load()

    def plain(name: str) -> str:
        return " ".join(str(name).split()).casefold()

    ids = [*taxonomy.ids, *sorted(set(known) - set(taxonomy.ids))]
    by_name: dict[str, str] = {}
    for theme_id in ids:
        by_name.setdefault(plain(theme_id), theme_id)
    for theme in taxonomy.themes:
        for label in (theme.name_id, theme.name_en):
            if label:
                by_name.setdefault(plain(label), theme.id)
    exact = set(ids)
    out: list[str] = []
    unknown: list[str] = []
    read: list[str] = []
    for name in asked:
        found = name if name in exact else by_name.get(plain(name))
        if found is None:
            unknown.append(name)
        elif found != name:
            read.append(f"{name!r} as {found}")
        out.append(name if found is None else found)
    if read:
        logger.info("theme name(s) read as theme ids: %s", ", ".join(read))
    return list(dict.fromkeys(out)), list(dict.fromkeys(unknown))


def build_report(
    records_or_frame: Iterable[Mapping[str, Any]] | pd.DataFrame,
    out_dir: str | Path,
    *,
    period: str = "W",
    themes: Sequence[str] | None = None,
    sources: Sequence[str] | None = None,
    since: str | pd.Timestamp | None = None,
    until: str | pd.Timestamp | None = None,
    title: str = "Media monitoring report",
    names: Sequence[str] | None = None,
    top_n: int = 10,
    spike_options: dict[str, Any] | None = None,
    generated_at: datetime | None = None,
    html_file: str | Path | None = None,
    aliases: Mapping[str, str] | None = None,
    regions: Sequence[str] | None = None,
    topic_names: Mapping[int, str] | None = None,
    actor_types: Sequence[str] | None = None,
    default_versions: Mapping[str, int] | None = None,
    about: Sequence[str] | None = None,
    excel: bool = True,
) -> dict[str, Path]:
    """Write the trend report for scored records: HTML, Markdown, CSV tables and Excel.

    Parameters
    ----------
    records_or_frame : iterable of dict or pandas.DataFrame
        Scored records (see :func:`~media_analytics.reports.records_to_frames`).
    out_dir : str or Path
        Folder to write into (created if missing): ``report.html``, ``report.md``,
        ``tables/<name>.csv`` and, with openpyxl installed, ``tables.xlsx``.
    period : {"D", "W", "M"}
        Day, week (Monday to Sunday) or month.
    themes : sequence of str, optional
        Report on the stories carrying these themes only: tone, actors, speakers, outlets,
        provinces and emerging topics count those stories. The spike test still measures a
        theme's share of all stories, and the share of voice between themes stays each theme's
        share of all theme mentions (the same figure as without the filter). A theme may be
        named by its id in any case or by the taxonomy's name of it (``Keamanan Pilkada``; see
        :func:`theme_ids`).
    sources : sequence of str, optional
        Keep these outlets only.
    since, until : str or Timestamp, optional
        First and last day to include (a bound with a time zone raises ``ValueError``: give
        the day). The periods from ``since`` to ``until`` are shown and tested for spikes; the
        spike test's baseline for the first of them is read from the records' earlier periods
        (the ``window`` periods before ``since``; see
        :func:`~media_analytics.reports.spikes.history_start`), which no table shows.
    title : str
        The report's heading.
    names : sequence of str, optional
        Actors to compare in the share-of-voice table; the tone-toward-actors table shows
        them too, after the ``top_n`` actors (a row with ``n`` 0 for one no story gives a tone
        toward; a warning names those no story of the report names). An actor may be named
        by any form the stories wrote it in, a form of ``aliases`` (whatever the date range)
        or with its rank, honorifics and degrees (``Irjen Ahmad Luthfi``; see
        :func:`~media_analytics.reports.tables.asked_actors`). A name that is no actor's may
        be a role: it stands for the actors whose role starts with it (``Kapolda`` for
        ``Kapolda Metro Jaya``, ``Kapolda Jatim``, ...; ``Kapolda Jawa Timur`` for ``Kapolda
        Jatim`` too; see :func:`~media_analytics.reports.tables.role_matches`). Two names of
        one actor (``BPS`` and ``Badan Pusat Statistik``) are compared once, under the first,
        as a warning says (:func:`~media_analytics.reports.tables.one_name_per_actor`).
    top_n : int
        Rows in the top-actor and top-speaker tables.
    spike_options : dict, optional
        Keyword arguments for :func:`~media_analytics.reports.detect_spikes`.
    generated_at : datetime, optional
        The "made" stamp (default: now), for reproducible files. Records dated after its day
        (in Indonesia's easternmost zone, WIT) are left out of the report, counted under
        "Records left out" with their first ids: a typo in a year cannot stretch the periods.
    html_file : str or Path, optional
        Write the HTML here instead of ``out_dir/report.html`` (its links to the tables are
        relative to where it is).
    aliases : mapping of str to str, optional
        The analyst's own ``written form -> name`` for actors and speakers (see
        :func:`~media_analytics.actors.read_name_table`).
    regions : sequence of str, optional
        Report on the stories placed in these provinces, regencies or cities only (every
        section, the spike test included: a report on a region, as on an outlet), named as an
        analyst types them: ``Jawa Tengah``, ``Jateng``, ``Kabupaten Brebes``, ``Kab. Brebes``,
        ``Brebes``, ``Kota Semarang``. A story is placed by the places and the local branches
        (``KPU Brebes``) it names; a bare name that is a city's and a regency's (``Semarang``)
        keeps both, saying so in an INFO line (see
        :func:`~media_analytics.reports.regions.in_regions`). A name that is no province,
        regency or city raises ``ValueError``, naming it.
    topic_names : mapping of int to str, optional
        The analyst's names for topics, by id: a topic is shown under its name, and topics given
        one name are counted as one (see :func:`~media_analytics.reports.name_topics`;
        :func:`~media_analytics.reports.read_topic_names` reads a ``topic_id,name`` CSV).
    actor_types : sequence of str, optional
        The types of actor (``person``, ``organization``, ``place``) in the top-actor table and
        the share of voice between actors; default: people and organisations, the places named
        being in a table of their own, ``top_places`` (see
        :func:`~media_analytics.reports.build_content`). An unknown type raises
        ``ValueError``.
    default_versions : mapping of str to int, optional
        The default model's versions, each with the number of bundled articles it learnt from
        (default: those this installation holds); stories scored by one of them get a
        ``Topics`` line and notes saying their topics are the bundled sample's and how to learn
        topics of one's own articles, and a warning says it too (see
        :func:`~media_analytics.reports.build_content`).
    about : sequence of str, optional
        Report on the stories naming one of these actors only (every section, the spike test
        included, as with ``regions``), each read as ``names`` reads an actor: any form the
        stories wrote it in, a form of ``aliases``, with its rank or degrees, or a role
        (``Kapolda``); see :func:`~media_analytics.reports.about.about_actors`. The
        provenance says what each name was read as, and the tone toward each actor beside the
        net tone of the stories (the tone of the whole stories). A name no story names keeps
        no story: a warning names it and the closest names the stories write.
    excel : bool, default True
        Write ``tables.xlsx`` too (with the ``excel`` extra; without it, a warning says so).
        ``False`` writes none and says nothing (``report --no-excel``): a daily job whose
        readers take the CSV tables.

    Returns
    -------
    dict
        ``"html"``, ``"markdown"``, ``"excel"`` (when written) and ``"csv:<table>"`` -> path.

    Examples
    --------
    >>> paths = build_report(records, "out/report")  # doctest: +SKIP
    >>> paths["html"]  # doctest: +SKIP
    PosixPath('out/report/report.html')
    """
    actor_types_of(actor_types)  # an unknown type is refused before any work
    # a theme or an actor named twice (--theme x --theme x) is one theme or actor
    themes = list(dict.fromkeys(themes)) if themes is not None else None
    names = list(dict.fromkeys(names)) if names is not None else None
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    made = generated_at or datetime.now(timezone.utc)
    window = int({**SPIKE_DEFAULTS, **(spike_options or {})}["window"])
    data = records_to_frames(
        records_or_frame,
        sources=sources,
        since=since,
        until=until,
        aliases=aliases,
        not_after=_last_day(made),
        history_since=history_start(since, period, window),
        regions=regions,
        about=about,
        undated_listed=True,
    )
    if themes is not None:  # "Keamanan Pilkada", "Pilkada_Security": pilkada_security
        themes, _ = theme_ids(themes, data.themes["theme"])
    if topic_names:
        data = name_topics(data, topic_names)
    _warn_mixed_topics(data)
    if data.stories.empty:
        if data.n_undated and not (since or until or sources or regions or about):
            # (.txt crawls, for one, carry no date unless their file names hold one)
            logger.warning(
                "no stories to report on: none of the records has a date a report can place "
                "(give published_at in the input, e.g. a date column or field)"
            )
        else:
            logger.warning("no stories left to report on after the filters")
    absent = sorted(set(themes or ()) - set(data.themes["theme"]))
    if absent:  # a typo in a theme id would otherwise give an empty report without a word
        present = ", ".join(sorted(set(data.themes["theme"]))) or "none"
        logger.warning(
            "no story carries the theme(s) %s (themes in the data: %s)",
            ", ".join(map(repr, absent)),
            present,
        )
    unknown: list[str] = []
    places: set[str] = set()
    if names:
        # two names of one actor (--actor BPS --actor "Badan Pusat Statistik"): compared once,
        # under the first, as a warning says
        names = one_name_per_actor(data, names)
        # by any form the stories wrote, a form of the alias table or with a rank or degrees
        found = asked_actors(data, names)
        roles = role_matches(data.actors, [n for n in names if n not in found])
        for role, mask in roles.items():
            logger.info(
                "%r is no actor's name: counting the stories naming an actor whose role starts "
                "with it (%s)",
                role,
                held_roles(data.actors, mask),
            )
        places = _say_where_places_are(data, names, themes)
        unknown = [n for n in names if n not in found and n not in roles and n not in places]
        if unknown:  # a typo, or a name the articles never write alone
            logger.warning(
                "no story names the actor(s) %s, as written or as a grouped name; their share "
                "of voice is 0 and their rows in the tone table have no stories",
                unnamed_said(data, unknown),
            )
    said = SAY_UNNAMED.set(False)  # (said once above, not by each table)
    try:
        content = build_content(
            data,
            title=title,
            period=period,
            themes=themes,
            names=names,
            top_n=top_n,
            spike_options=spike_options,
            generated_at=made,
            actor_types=actor_types,
            default_versions=default_versions,
            about=about,
        )
    finally:
        SAY_UNNAMED.reset(said)
    if names and themes is not None:
        _say_names_outside_themes(content, names, {*unknown, *places}, themes)
    if "Topics" in content.provenance:  # the default model's: the report says so, and here
        logger.warning("%s", content.provenance["Topics"])
    paths: dict[str, Path] = {}
    for name, path in write_csv(content.tables, out / "tables").items():
        paths[f"csv:{name}"] = path
    undated = out / "tables" / "undated.csv"
    if len(data.undated):
        # the stories no table can place in time, listed so that none is lost
        data.undated.to_csv(undated, index=False)
        paths["csv:undated"] = undated
    elif undated.exists():
        undated.unlink()  # (from an earlier report into the same folder)
    workbook = write_excel(content.tables, out / "tables.xlsx") if excel else None
    if workbook is not None:
        paths["excel"] = workbook
    html_path = Path(html_file) if html_file is not None else out / "report.html"
    html_path.parent.mkdir(parents=True, exist_ok=True)
    exports = {
        k: Path(os.path.relpath(p.resolve(), html_path.parent.resolve())).as_posix()
        for k, p in paths.items()
    }
    html_path.write_text(render_html(content, exports=exports), encoding="utf-8")
    md_path = out / "report.md"
    md_path.write_text(render_markdown(content), encoding="utf-8")
    paths = {"html": html_path, "markdown": md_path, **paths}
    logger.info(
        "report on %d stories (%d surge(s) in volume, %d spike(s)) written to %s",
        len(content.tables["stories"]),  # with themes=, the stories carrying them
        len(content.tables["volume_surges"]),
        len(content.tables["spikes"]),
        out,
    )
    return paths


def _say_names_outside_themes(
    content: ReportContent, names: Sequence[str], said: set[str], themes: Sequence[str]
) -> None:
    """Warn, in one line, of the actors asked for that the stories kept name but none of those
    the report shows (carrying ``themes``): their share of voice is 0 and their row in the tone
    table has no stories, which would otherwise read as an actor the articles never name, or
    a typo. The names of ``said`` (no story names them at all, or places, each said already)
    are left out."""
    voice = content.tables["share_of_voice_actor"]
    none = set(voice.loc[voice["articles"] == 0, "actor"])
    outside = [n for n in names if n in none and n not in said]
    if outside:
        logger.warning(
            "no story of the report names the actor(s) %s: the stories naming them carry none "
            "of the selected theme(s) (%s); their share of voice is 0 and their rows in the "
            "tone table have no stories",
            ", ".join(map(repr, outside)),
            ", ".join(themes),
        )


def _say_where_places_are(
    data: ReportData, names: Sequence[str], themes: Sequence[str] | None
) -> set[str]:
    """Say, for each of ``names`` that is a region's, how many stories name the place and how
    many a ``--region`` filter would keep (the stories placed in it, its local branches such as
    ``KPU Brebes`` included): an INFO line, or a warning when no story the report shows names
    the place. Returns those names."""
    shown = data
    if themes is not None:  # the stories the report shows (those carrying the themes)
        shown = _carrying(
            dataclasses.replace(data, themes=data.themes[data.themes["theme"].isin(themes)])
        )
    others = shown.actors[shown.actors["type"] != "place"]
    forms = set(others["name"].dropna().str.casefold())
    if "written" in others:
        forms |= set(others["written"].dropna().str.casefold())
    matches = place_matches(shown.actors, names)
    out = set()
    for name in names:
        regions = read_region(name)
        if not regions or name.casefold() in forms:
            continue  # (a person's or an organisation's name stays theirs)
        out.add(name)
        query = RegionQuery(name, tuple(regions))
        naming = shown.actors.loc[matches[name], "id"].nunique() if name in matches else 0
        placed = len(stories_placed_in(shown, [query]) & set(shown.stories["id"]))
        where = " carrying the selected theme(s)" if themes is not None else ""
        logger.log(
            logging.INFO if naming else logging.WARNING,
            "--actor %r counts the %d stor%s%s naming the place %s; --region %r keeps the %d "
            "placed in it, local branches (KPU ..., Polres ...) included",
            name, naming, "y" if naming == 1 else "ies", where, query.describe(), name, placed,
        )  # fmt: skip
    return out


def _warn_mixed_topics(data: ReportData) -> None:
    """Warn when the stories' topics were given by several models: a topic id means something
    only within its model (topic 5 of one is not topic 5 of another), so the topic tables count
    each model's topics apart, and a topic that "emerges" may be a change of model."""
    stories = data.stories[data.stories["topic_id"].notna()]
    counts = stories["model_version"].fillna("(not recorded)").astype(str).value_counts()
    if len(counts) > 1:
        logger.warning(
            "the stories' topics come from %d models (%s): topic ids and labels are each "
            "model's own, so the topic tables count them apart and a new topic may be a change "
            "of model; to compare topics over the whole range, score it again with one model",
            len(counts),
            ", ".join(f"{v}: {n} stories" for v, n in sorted(counts.items())),
        )
