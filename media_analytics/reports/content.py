"""Everything a report shows, computed once: the tables and the provenance.

The renderers (HTML, Markdown, CSV/Excel) only lay this out; none of them computes a number.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import pandas as pd

from .. import __version__
from .evidence import EVIDENCE_NOTE, Passage, evidence_text
from .frames import ReportData, _first_ids, _period_code
from .regions import NO_REGENCY, NO_REGION, place_matches, read_region
from .spikes import (
    SCREENED_DIMENSIONS,
    SPIKE_DIMENSIONS,
    SURGE_LIFTS,
    attention_tests,
    baseline_periods,
    detect_spikes,
    detect_surges,
    periods_with_baseline,
    volume_tests,
)
from .tables import (
    MIN_STORIES,
    asked_actors,
    emerging_topics,
    held_roles,
    one_name_per_actor,
    partial_periods,
    quote_table,
    report_range,
    role_matches,
    sentiment_mix,
    share_of_voice,
    top_actors,
    top_places,
    top_speakers,
    volume,
)

__all__ = [
    "ACTOR_TYPES",
    "DEFAULT_TOPICS",
    "PERIOD_NAMES",
    "PERIOD_WORDS",
    "REGION_NOTES",
    "REPORT_ACTOR_TYPES",
    "SPIKE_DEFAULTS",
    "SPIKE_METHOD",
    "ReportContent",
    "actor_types_of",
    "build_content",
    "no_spike_reason",
    "no_surge_reason",
    "no_tone_reason",
    "spike_name",
    "story_actors",
    "surge_text",
]

PERIOD_NAMES = {"D": "day", "W": "week (Monday to Sunday)", "M": "month"}
#: A period in a sentence ("a day", "the week of ...").
PERIOD_WORDS = {"D": "day", "W": "week", "M": "month"}

#: The spike test's settings in a report, unless ``spike_options`` says otherwise.
SPIKE_DEFAULTS: dict[str, Any] = {
    "alpha": 0.01,
    "min_count": MIN_STORIES,
    "min_lift": 1.5,
    "window": 4,
    "min_history": 3,
    # how far above the baseline's mean a surge in the number of all stories must be: None for
    # the period's own (detect_surges, SURGE_LIFTS: twice for a day, 1.5 times for a week)
    "surge_lift": None,
}

#: The types of actor a scored record names.
ACTOR_TYPES = ("person", "organization", "place")
#: The actors of a report's top-actor table and share of voice between actors, unless
#: ``actor_types`` says otherwise: who is in the news, people and organisations; the places
#: named have a table of their own (``top_places``), beside the stories per province.
REPORT_ACTOR_TYPES = ("person", "organization")
_TYPE_WORDS = {"person": "people", "organization": "organisations", "place": "places"}

#: How the tables per province and per regency or city count, said with them.
REGION_NOTES = {
    "volume_region": (
        "A story is placed by the places and the local branches (KPU Brebes) it names: a "
        f"story naming several provinces counts in each, and {NO_REGION} counts the stories "
        "naming none, so a period's rows add up to its stories only when no story names two."
    ),
    "volume_regency": (
        "A story naming several regencies or cities counts in each, and "
        f"{NO_REGENCY} counts the stories naming none; a place that may be either of two "
        "(Semarang, a city's and a regency's name) counts under both names joined with "
        '"or".'
    ),
}

SPIKE_METHOD = (
    "A spike is a period in which a theme's, a province's or a regency's or city's share of all "
    "stories (its normalised attention) is significantly above its share in the {window} "
    "periods before; a story counts under the province and the regency or city of each place, "
    "person or organisation it names. Each (period, theme), (period, province) and (period, "
    "regency or city) cell is tested with a one-sided Fisher exact test of its count and the "
    "period's total against the baseline's count and total; p-values are adjusted with "
    "Benjamini–Hochberg within each level apart: across the {n_tested} tested theme cells, the "
    "{n_region} tested province cells and the {n_regency} tested regency or city cells. A "
    "regency or city is tested in a period only when it has at least {min_count} stories in the "
    "period and its baseline together: fewer could make no spike, and testing the many small "
    "ones would only raise every q-value. A spike needs q ≤ {alpha}, at least {min_count} "
    "stories and a share at least {min_lift}× the baseline. Syndicated copies count once."
)


@dataclass
class ReportContent:
    """The tables and facts of one report.

    Attributes
    ----------
    title : str
    period : str
        Pandas period code, ``"D"``, ``"W"`` or ``"M"``.
    provenance : dict
        Label -> text, in display order: when it was made, model versions, data range, counts.
    tables : dict
        Name -> DataFrame, in display order; every one is exported.
    method : str
        The spike test in a paragraph.
    notes : dict
        Table name -> what its numbers are of, for the renderers to print with the table.
    untested : str
        Why the spike test could not run (no period shown had history enough before it), or
        ``""`` when it tested some cells.
    evidence : dict
        Story id -> ``(theme, passages)`` for each theme the story carries, in the record's
        order: why it carries it, its strongest matched phrases in their sentences (see
        :func:`~media_analytics.reports.evidence.theme_passages`); the stories table has it as
        text in its ``evidence`` column.
    about : list of tuple, optional
        With ``about``: each actor asked about as ``(name, n, net_tone)``, the tone toward it
        in the stories naming it (``n`` stories giving it one; ``net_tone`` ``None`` when
        none does), which the headline cards show beside the net tone of the stories.
    outlets : int
        The outlets that carried the stories the report shows (with ``themes``, those carrying
        them), for the headline cards; the provenance says it beside the count without the
        theme filter.
    """

    title: str
    period: str
    provenance: dict[str, str]
    tables: dict[str, pd.DataFrame]
    method: str
    themes: list[str] | None = None
    notes: dict[str, str] = dataclasses.field(default_factory=dict)
    untested: str = ""
    outlets: int = 0
    evidence: dict[str, list[tuple[str, tuple[Passage, ...]]]] = dataclasses.field(
        default_factory=dict
    )
    about: list[tuple[str, int, float | None]] | None = None


def build_content(
    data: ReportData,
    *,
    title: str,
    period: str = "W",
    themes: Sequence[str] | None = None,
    names: Sequence[str] | None = None,
    top_n: int = 10,
    spike_options: dict[str, Any] | None = None,
    generated_at: datetime | None = None,
    actor_types: Sequence[str] | None = None,
    default_versions: Mapping[str, int] | None = None,
    about: Sequence[str] | None = None,
) -> ReportContent:
    """Compute every table of the report.

    Parameters
    ----------
    data : ReportData
        Already filtered by outlet and date (see :func:`records_to_frames`); its ``history``,
        when read, is the spike test's baseline for the first periods.
    title : str
    period : {"D", "W", "M"}
    themes : sequence of str, optional
        Report on the stories carrying these themes only (tone, actors, speakers, outlets,
        provinces, emerging topics), and on these themes only; the spike test still measures a
        theme's share of all stories, and the share of voice between themes is still each
        theme's share of all theme mentions.
    names : sequence of str, optional
        Actors (or any names) to compare in the share-of-voice table, in this order; the tone
        table shows them too, after the ``top_n`` actors. Two names of one actor are compared
        once, under the first, as a warning says (see
        :func:`~media_analytics.reports.tables.one_name_per_actor`).
    top_n : int
        Rows in the top-actor and top-speaker tables.
    spike_options : dict, optional
        Keyword arguments for :func:`detect_spikes` (``alpha``, ``min_count``, ...; the
        defaults are :data:`SPIKE_DEFAULTS`), which :func:`detect_surges` shares but for
        ``min_lift``: ``surge_lift`` is its own (by default the period's,
        :data:`~media_analytics.reports.spikes.SURGE_LIFTS`).
    generated_at : datetime, optional
        Stamp to print (default: now, UTC); set it for reproducible output.
    actor_types : sequence of str, optional
        The types of actor (``person``, ``organization``, ``place``) in the top-actor table and
        the share of voice between actors (default :data:`REPORT_ACTOR_TYPES`: people and
        organisations; the places named are in ``top_places``). Actors asked for by ``names``
        are compared whatever their type.
    default_versions : mapping of str to int, optional
        The versions of the default model, each with the number of bundled articles it learnt
        its topics from (default: those this installation holds,
        :func:`~media_analytics.models.default_model_versions`). When stories were scored by
        one of them, the report says that their topics are the bundled sample's, and how to
        learn topics of one's own articles (``Topics`` in the provenance, and a note with the
        tables of topics).
    about : sequence of str, optional
        The actors ``data`` was filtered on (see
        :func:`~media_analytics.reports.about.about_actors`): the provenance and the headline
        cards give the tone toward each beside the net tone of the stories, which is the
        tone of the whole stories, not the tone toward the actor.

    The emerging topics and themes need as many stories in the latest window as a spike
    (``spike_options``' ``min_count``, default :data:`~media_analytics.reports.tables.MIN_STORIES`);
    a note with each table names those left out for having fewer.

    Raises
    ------
    ValueError
        For an actor type that is none of :data:`ACTOR_TYPES`.
    """
    code = _period_code(period)
    types = actor_types_of(actor_types)
    # why each story carries its themes (every theme it carries, as its themes column lists)
    evidence = _evidence(data)
    # the share of voice between themes is each theme's share of all theme mentions, with the
    # filter as without it (the filter shows the selected themes' rows only)
    # (the report's tables give each share's stories; the whole range's base is the total)
    theme_voice = share_of_voice(data, "theme").drop(columns="n")
    everything = data  # spikes test a theme's share of all stories, whatever the filter
    if themes is not None:
        everything = dataclasses.replace(
            data, themes=data.themes[data.themes["theme"].isin(themes)]
        )
        theme_voice = theme_voice.set_index("theme").reindex(themes, fill_value=0).reset_index()
        # on the periods of all the stories: a quiet week of the themes is a week of zeros
        data = dataclasses.replace(_carrying(everything), extent=report_range(everything))
    if names:  # two names of one actor: compared once, under the first (a warning says so)
        names = one_name_per_actor(data, names)
    options: dict[str, Any] = {**SPIKE_DEFAULTS, **(spike_options or {})}
    test_options = {k: options[k] for k in ("window", "min_history")}
    tests = {
        by: attention_tests(
            everything,
            code,
            themes=themes if by == "theme" else None,
            by=by,
            # the cells detect_spikes tests, so that the table of every cell has its q-values
            min_stories=int(options["min_count"]) if by in SCREENED_DIMENSIONS else 0,
            **test_options,
        )
        for by in SPIKE_DIMENSIONS
    }
    spike_args = {k: v for k, v in options.items() if k != "surge_lift"}
    spikes = {
        by: detect_spikes(
            everything, code, themes=themes if by == "theme" else None, by=by, **spike_args
        )
        for by in SPIKE_DIMENSIONS
    }
    surge_args = {k: v for k, v in spike_args.items() if k != "min_lift"}
    # a surge is in the number of the stories reported on: with themes chosen, those carrying
    # them, their baseline too (a theme's share is the spike test's)
    counted = everything
    if themes is not None:
        history = data.history
        if history is not None:
            chosen = history.themes[history.themes["theme"].isin(themes)]
            history = _carrying(dataclasses.replace(history, themes=chosen))
        counted = dataclasses.replace(data, history=history)
    surges = detect_surges(counted, code, min_lift=options["surge_lift"], **surge_args)
    surge_lift = options["surge_lift"] or SURGE_LIFTS[code]
    surge_tests = volume_tests(counted, code, **test_options)
    n_surge_tested = int(surge_tests["tested"].sum())
    stories = data.stories.sort_values(["date", "id"]).reset_index(drop=True)
    said = stories["id"].map(lambda story: evidence_text(evidence.get(story, [])))
    stories.insert(list(stories.columns).index("themes") + 1, "evidence", said.astype(object))
    # who each story names, with the tone toward each (the last column: the others keep their
    # places in a workbook built on them)
    named = story_actors(data.actors).to_dict()
    stories["actors"] = pd.Series(
        [named.get(story, "") for story in stories["id"]], index=stories.index, dtype=object
    )
    emerging = {by: _emerging(data, by, int(options["min_count"])) for by in ("topic", "theme")}
    tables: dict[str, pd.DataFrame] = {
        "volume_surges": surges,
        "spikes": _by_dimension(spikes),
        "volume_theme": volume(everything, "theme", code, keys=themes),
        "sentiment_over_time": sentiment_mix(data, "period", code),
        "share_of_voice_theme": theme_voice,
        "share_of_voice_actor": share_of_voice(data, "actor", names=names, types=types)
        .drop(columns="n")
        .head(top_n if names is None else len(names)),
        # the actors asked for, compared period by period (a PR team's week by week)
        **(
            {
                "share_of_voice_actor_over_time": share_of_voice(
                    data, "actor", names=names, types=types, period=code
                )
            }
            if names
            else {}
        ),
        "top_actors": top_actors(data, top_n, types=types),
        "top_places": top_places(data, top_n),
        "sentiment_by_actor": sentiment_mix(data, "actor", top=top_n, names=names),
        # and the tone toward each of them period by period (a PR team's weekly chart)
        **(
            {"sentiment_by_actor_over_time": sentiment_mix(data, "actor", code, names=names)}
            if names
            else {}
        ),
        "top_speakers": top_speakers(data, top_n),
        "quotes": quote_table(data),
        "sentiment_by_theme": sentiment_mix(data, "theme"),
        "emerging_topics": emerging["topic"][0],
        "emerging_themes": emerging["theme"][0],
        "syndicated": stories[stories["n_outlets"] > 1][
            ["date", "title", "source", "n_outlets", "outlets", "themes", "url", "id"]
        ].reset_index(drop=True),
        "volume_total": volume(data, None, code),
        "volume_topic": volume(data, "topic", code),
        "volume_outlet": volume(data, "outlet", code),
        "volume_region": volume(data, "region", code),
        "volume_regency": volume(data, "regency", code),
        "attention_tests": _by_dimension(tests),
        "volume_tests": surge_tests,
        "stories": stories,
    }
    # (the tables over time say in their partial column whether the period is cut short)
    cut = partial_periods(everything, code)
    n_tested = {by: int(t["tested"].sum()) if len(t) else 0 for by, t in tests.items()}
    notes_surges = (
        f"A surge is a period whose number of stories is at least {surge_lift:g}× "
        f"the mean of the {options['window']} periods before (those holding stories and not "
        "cut short), and significantly so: a one-sided exact test of the two counts, "
        f"Benjamini–Hochberg adjusted across the {n_surge_tested} periods tested, q ≤ "
        f"{options['alpha']} and at least {options['min_count']} stories. It counts the "
        + (
            "stories carrying the selected themes."
            if themes is not None
            else "stories of the input: a source added to the feed reads as a surge too."
        )
        if n_surge_tested
        else "The surge test could not run: a period is tested when at least "
        f"{options['min_history']} of the {options['window']} periods before it hold stories "
        "and are not cut short by the data's range, and no period here has that."
    )
    method = SPIKE_METHOD.format(
        n_tested=n_tested["theme"],
        n_region=n_tested["region"],
        n_regency=n_tested["regency"],
        **options,
    )
    earlier = None
    if data.filters.get("since") is not None:
        # the periods before the range that the input gave the first periods' baseline
        earlier = baseline_periods(everything, code, options["window"])
        method += (
            f" The baseline of the first periods shown is read from the {_periods(earlier)} "
            "with stories that the input holds before the report's range (the test reads "
            f"{options['window']} at most), which are not shown; q-values are adjusted over the "
            "cells of the range only."
            if earlier
            else " The input holds no stories before the report's range: its first periods "
            "have no baseline."
        )
    untested = ""
    ready = (
        periods_with_baseline(everything, code, options["window"], options["min_history"])
        if not sum(n_tested.values())
        else 0
    )
    if ready:  # the history was there: the stories of each theme or place were too few
        untested = (
            f"The spike test could not run: {_count_periods(ready)} the baseline it needs "
            f"({options['min_history']} of the {options['window']} periods before with "
            "stories), but the stories carry no theme and name no province, and no regency or "
            f"city has the {options['min_count']} stories a cell of its needs in a period and "
            "its baseline together."
        )
        method += " No cell could be tested here."
    elif not sum(n_tested.values()):  # too few periods of history: say so, not "no spikes"
        need = options["min_history"]
        # (a report --about an actor from --since: its first weeks may hold none of its stories)
        totals = tables["volume_total"]
        untested = (
            f"The spike test could not run: a period is tested when at least {need} of the "
            f"{options['window']} periods before it hold stories, and no period here has that"
            + (
                f" (the input holds {_periods(earlier)} before the report's range"
                + (
                    f", but {quiet} of the report's {len(totals)} periods hold no stories"
                    if (quiet := int((totals["articles"] == 0).sum()))
                    else ""
                )
                + ")"
                if earlier is not None
                else ""
            )
            + "."
        )
        method += " No cell could be tested here."
    notes = {
        "volume_surges": notes_surges,
        "share_of_voice_theme": (
            "Each theme's share of all mentions of themes in the period's stories: a story "
            "counts once for every theme it carries."
            + (
                " Only the selected themes are shown; their shares are the same as without "
                "the filter (of all themes, not of the selected ones)."
                if themes is not None
                else ""
            )
        ),
        "share_of_voice_actor": (
            (
                "Each actor's share of all mentions of the actors compared in "
                if names
                else f"Each actor's share of all mentions of {_types_said(types)} in "
            )
            + ("the stories carrying the selected themes" if themes is not None else "the stories")
            + ": a story counts once for every actor it names."
            + "".join(
                f" {role} is a role: the stories naming an actor whose role starts with it "
                f"({held_roles(data.actors, mask)})."
                for role, mask in role_matches(data.actors, names or ()).items()
            )
            + "".join(
                f" {place} names {' and '.join(r.name for r in read_region(place))}: the "
                f"stories naming either, or naming {place} without saying which."
                for place in place_matches(data.actors, names or ())
                if len(read_region(place)) > 1
            )
        ),
    }
    if names:
        notes["share_of_voice_actor_over_time"] = (
            "Each compared actor's share of the mentions of the actors compared, period by "
            "period: a story counts once for every compared actor it names, in the period of "
            "its date (undated stories are in the table of the whole range only); a period "
            "whose stories name none of them has shares of 0."
        )
    notes["top_actors"] = (
        f"The {_types_said(types)} named in the most stories (syndicated copies count once)"
        + ("; the places named are under Top places." if "place" not in types else ".")
    )
    notes["top_places"] = (
        "The places named in the most stories, each under its official name (DKI Jakarta for "
        "Jakarta); the stories per province and per regency or city count the stories by the "
        "places and the local branches they name."
    )
    notes.update(REGION_NOTES)
    notes["stories"] = (
        f"{EVIDENCE_NOTE} The stories table's actors column names the people and organisations "
        "each story names, with the tone the record gives toward each in brackets where it "
        "gives one (not the story's tone)."
    )
    sample = _default_topics(data, default_versions)
    for by, (_, left_out) in emerging.items():
        notes[f"emerging_{by}s"] = (
            f"New, or growing at least twofold, in the last 14 days against the 14 days before "
            f"(shares of the stories reported on, smoothed, and more stories than before), on at "
            f"least {options['min_count']} stories, as a spike needs"
            + (f"; left out with fewer: {left_out}." if left_out else ".")
            + (f" {sample}" if sample and by == "topic" else "")
        )
    if sample:
        notes["volume_topic"] = sample
    if cut:
        notes["volume_theme"] = notes["sentiment_over_time"] = (
            "Partial periods (holding only some of their days): "
            + ", ".join(f"{start:%Y-%m-%d} ({days})" for start, days in cut.items())
            + "; the tables mark them in their partial column."
        )
    if themes is not None:
        notes["spikes"] = (
            "Measured against all stories of each period, not only those carrying the "
            "selected themes (the spikes of provinces, regencies and cities too); every other "
            "section counts only the "
            "stories carrying them."
        )
    provenance = _provenance(everything, data, code, themes, generated_at, cut)
    toward = _tone_toward(data, about) if about else None
    if toward is not None:
        provenance["Tone toward"] = "; ".join(
            f"{name} {net:+.2f} ({n} stor{'y' if n == 1 else 'ies'} giving it a tone)"
            if net is not None
            else f"{name}: no story gives it a tone"
            for name, n, net in toward
        ) + (
            " (the tone the stories' sentences naming the actor give it; the net tone of the "
            "stories is the tone of the whole stories)"
        )
    if sample:
        provenance["Topics"] = sample
    return ReportContent(
        title=title,
        period=code,
        provenance=provenance,
        tables=tables,
        method=method,
        themes=list(themes) if themes is not None else None,
        notes=notes,
        untested=untested,
        outlets=_n_outlets(data),
        about=toward,
        evidence={k: v for k, v in evidence.items() if k in set(stories["id"])},
    )


#: Said of the topics of stories scored by the default model (``{n}``: the articles it learnt
#: them from), with how to learn topics of one's own articles.
DEFAULT_TOPICS = (
    "learnt from the {n} articles of the bundled sample: on other news a "
    "topic's label may not fit the stories counted under it. For topics of your own articles, "
    "train a model on them and score with it: media-analytics train ARTICLES --out model/, "
    "then media-analytics score FILE --model model/ --out scored.jsonl."
)


def _default_topics(data: ReportData, versions: Mapping[str, int] | None) -> str:
    """What the report says of the topics of its stories scored by a default model (of
    ``versions``, version -> articles learnt from; those this installation holds for
    ``None``), or ``""`` when none was: their number when they are not all the stories with a
    topic. A default model's version with a mark of other theme thresholds (``-t...``) keeps
    its topics."""
    if versions is None:
        from ..models import default_model_versions

        versions = default_model_versions()
    stories = data.stories[data.stories["topic_id"].notna()]
    if stories.empty or not versions:
        return ""

    def learnt_from(version: object) -> int:
        text = str(version)
        for known, n in versions.items():
            if text == known or text.startswith(f"{known}-t"):
                return n
        return 0

    n = stories["model_version"].map(learnt_from)
    if not n.any():
        return ""
    said = DEFAULT_TOPICS.format(n=int(n.max()))
    if n.all():
        return "The topics are the default model's, " + said
    return (
        f"{int((n > 0).sum())} of the {len(stories)} stories with a topic have the default "
        "model's topics, " + said
    )


def _emerging(data: ReportData, by: str, min_count: int) -> tuple[pd.DataFrame, str]:
    """:func:`emerging_topics` by ``by`` with ``min_count``, and the keys that would emerge
    but for it, with their stories (``"6: terendam, ... (3 stories)"``, the first five)."""
    table = emerging_topics(data, by, min_count=min_count)
    column = table.columns[0]
    every = emerging_topics(data, by, min_count=1)
    fewer = every[every["current"] < min_count]
    said = [
        f"{key} ({n} stor{'y' if n == 1 else 'ies'})"
        for key, n in zip(fewer[column], fewer["current"], strict=True)
    ]
    more = f" and {len(said) - 5} more" if len(said) > 5 else ""
    return table, "; ".join(said[:5]) + more


def actor_types_of(types: Sequence[str] | None) -> tuple[str, ...]:
    """The actor types asked for, each once, in :data:`ACTOR_TYPES`' order
    (:data:`REPORT_ACTOR_TYPES` for ``None``).

    >>> actor_types_of(["place", "Person", "person"])
    ('person', 'place')

    Raises
    ------
    ValueError
        For a type that is none of :data:`ACTOR_TYPES` (``people``), naming them.
    """
    if types is None:
        return REPORT_ACTOR_TYPES
    asked = {str(t).strip().casefold() for t in types}
    unknown = sorted(asked - set(ACTOR_TYPES))
    if unknown or not asked:
        raise ValueError(
            f"unknown actor type(s) {', '.join(map(repr, unknown or types))}: use "
            f"{', '.join(ACTOR_TYPES)}"
        )
    return tuple(t for t in ACTOR_TYPES if t in asked)


def _types_said(types: Sequence[str]) -> str:
    """``people and organisations``, ``people, organisations and places``."""
    words = [_TYPE_WORDS[t] for t in types]
    return " and ".join(words) if len(words) < 3 else f"{', '.join(words[:-1])} and {words[-1]}"


def _count_periods(n: int) -> str:
    """``n`` periods with the verb that follows them: "1 period has", "3 periods have"."""
    return f"{n} period has" if n == 1 else f"{n} periods have"


def _periods(n: int | None) -> str:
    """``"1 earlier period"``, ``"4 earlier periods"``."""
    return f"{n} earlier period" + ("" if n == 1 else "s")


def _by_dimension(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The spike tables of each dimension as one, a ``dimension`` column (``theme``,
    ``region`` or ``regency``) after ``period`` and the key in the dimension's own column
    (``theme``, ``province``, ``regency``; empty in the other dimensions' rows): themes first,
    then provinces, then regencies and cities."""
    keys = list(SPIKE_DIMENSIONS.values())
    shaped = []
    for by, frame in frames.items():
        frame = frame.copy()
        frame.insert(1, "dimension", by)
        for column in keys:
            if column not in frame.columns:
                frame[column] = None
        rest = [c for c in frame.columns if c not in ("period", "dimension", *keys)]
        shaped.append(frame[["period", "dimension", *keys, *rest]])
    rows = [frame for frame in shaped if len(frame)]
    return pd.concat(rows, ignore_index=True) if rows else shaped[0]


def spike_name(row: Any) -> str:
    """What a row of the spike table is about, as the report's headings name it: the theme,
    ``"<province> (province)"``, or ``"<name> (city)"``, ``"<name> (regency)"`` (``"(regency
    or city)"`` for a place that may be either, ``Kabupaten Semarang or Kota Semarang``).

    >>> import pandas as pd
    >>> spike_name(pd.Series({"dimension": "regency", "regency": "Kota Surakarta"}))
    'Kota Surakarta (city)'
    """
    if row.dimension == "region":
        return f"{row.province} (province)"
    if row.dimension == "regency":
        name = str(row.regency)
        prefixes = {"Kota ": "city", "Kabupaten ": "regency"}
        kinds = {
            next((kind for start, kind in prefixes.items() if part.startswith(start)), "")
            for part in name.split(" or ")
        }
        kind = kinds.pop() if len(kinds) == 1 else ""
        return f"{name} ({kind or 'regency or city'})"
    return str(row.theme)


def surge_text(row: Any, period: str) -> tuple[str, str]:
    """A row of the surge table as the report shows it: a heading and a sentence.

    >>> import pandas as pd
    >>> row = pd.Series({"period": pd.Timestamp("2024-11-27"), "articles": 44,
    ...     "baseline_mean": 7.0, "baseline_periods": 4, "lift": 44 / 7, "p_value": 1e-13,
    ...     "q_value": 8e-13})
    >>> heading, sentence = surge_text(row, "D")
    >>> heading
    'Day of 2024-11-27: 44 stories, 6.3× the usual'
    >>> sentence
    '44 stories against a mean of 7.0 a day in the 4 days before, p = 1e-13, q = 8e-13.'

    """
    word = PERIOD_WORDS[period]
    plural = f"{word}s" if row.baseline_periods != 1 else word
    return (
        f"{word.capitalize()} of {row.period:%Y-%m-%d}: {row.articles} stories, "
        f"{row.lift:.1f}× the usual",
        f"{row.articles} stories against a mean of {row.baseline_mean:.1f} a {word} in the "
        f"{row.baseline_periods} {plural} before, p = {row.p_value:.2g}, q = {row.q_value:.2g}.",
    )


def no_surge_reason(content: ReportContent) -> str:
    """What the surge section says when it has no surge."""
    note = content.notes.get("volume_surges", "")
    return (
        note
        if note.startswith("The surge test could not run")
        else ("No surge in the number of stories in this range.")
    )


def no_spike_reason(content: ReportContent) -> str:
    """What the spike section says when it has no spike: that the test could not run (and
    why), or that no spike passed it."""
    return content.untested or "No spikes passed the test in this range."


def no_tone_reason(content: ReportContent) -> str:
    """Why the report's sentiment per period has no label to show, or ``""`` when it has
    some: no story carries the selected themes in the range, or the records have no labels."""
    if int(content.tables["sentiment_over_time"]["n"].sum()):
        return ""
    if content.themes is not None and content.tables["stories"].empty:
        return "No story carries the selected theme(s) in this range."
    return "No sentiment labels in these records."


def story_actors(actors: pd.DataFrame) -> pd.Series:
    """Per story id, the people and organisations it names, joined with ``"; "``, each with
    the tone the record gives toward it where it gives one: ``Polri (negative); KPK``. An
    actor counts under its grouped name, in the order the record names them.

    >>> actors = pd.DataFrame({"id": ["1", "1", "1", "2"], "type": ["organization"] * 2 + [
    ...     "place", "person"], "name": ["Polri", "KPK", "Jakarta", "Budi"],
    ...     "sentiment": ["negative", None, None, "positive"]})
    >>> story_actors(actors).to_dict()
    {'1': 'Polri (negative); KPK', '2': 'Budi (positive)'}
    """
    shown = actors[actors["type"].isin(REPORT_ACTOR_TYPES)]
    if shown.empty:
        return pd.Series(dtype=object)
    tone = shown["sentiment"].where(shown["sentiment"].notna(), "").astype(str)
    said = shown["name"].astype(str) + tone.map(lambda t: f" ({t})" if t else "")
    return said.groupby(shown["id"], sort=False).agg("; ".join)


def _tone_toward(data: ReportData, about: Sequence[str]) -> list[tuple[str, int, float | None]]:
    """``(name, n, net_tone)`` of the tone toward each actor of ``about`` (as the tone table
    reads a name: its actor's, or a role's holders), in the order asked."""
    about = list(dict.fromkeys(about))
    table = sentiment_mix(data, "actor", top=0, names=about).set_index("actor")
    table = table[~table.index.duplicated()]
    counted = asked_actors(data, about) if "written" in data.actors else {}
    out: list[tuple[str, int, float | None]] = []
    for name in about:
        key = counted.get(name, name)
        row = table.loc[key] if key in table.index else None
        n = int(row["n"]) if row is not None else 0
        out.append((name, n, float(row["net_tone"]) if n and row is not None else None))
    return out


def _carrying(data: ReportData) -> ReportData:
    """The stories carrying one of ``data.themes``' themes, with their copies, actors, quotes
    and written names: what a report on chosen themes shows of tone, actors and regions."""
    ids = set(data.themes["id"])

    def keep(frame: pd.DataFrame, column: str = "id") -> pd.DataFrame:
        return frame[frame[column].isin(ids)].reset_index(drop=True)

    return dataclasses.replace(
        data,
        stories=keep(data.stories),
        copies=keep(data.copies, "story_id"),
        actors=keep(data.actors),
        quotes=keep(data.quotes),
        names=keep(data.names),
    )


def _provenance(
    data: ReportData,
    shown_data: ReportData,
    period: str,
    themes: Sequence[str] | None,
    generated_at: datetime | None,
    cut: dict[pd.Timestamp, str],
) -> dict[str, str]:
    """The facts of the report; ``data`` holds every story read, ``shown_data`` the stories
    the report shows (those carrying the selected themes, when there are), ``cut`` the partial
    periods (:func:`partial_periods`)."""
    made = (generated_at or datetime.now(timezone.utc)).astimezone(timezone.utc)
    span = data.date_range
    shown = "; ".join(
        f"{k}: {', '.join(v) if isinstance(v, list) else v}"
        for k, v in data.filters.items()
        if v is not None
    )
    if themes is not None:
        shown = "; ".join(
            [
                *([shown] if shown else []),
                f"themes: {', '.join(themes)} (only the {len(shown_data.stories)} stories "
                "carrying them; the spike test and the share of voice between themes measure "
                "against all stories)",
            ]
        )
    n_stories, n_outlets = len(data.stories), _n_outlets(data)
    stories = f"{n_stories} (syndicated copies counted once)"
    outlets = str(n_outlets)
    if themes is not None:
        # the count the report shows first, each count labelled: a card reading "6 stories,
        # 10 outlets" had the outlets of all the stories the other filters kept
        stories = (
            f"{len(shown_data.stories)} carrying the selected theme(s); {n_stories} without the "
            "theme filter (syndicated copies counted once)"
        )
        outlets = (
            f"{_n_outlets(shown_data)} carrying the selected theme(s); {n_outlets} without the "
            "theme filter"
        )
    actors = data.names if len(data.names) else data.actors
    grouped = 0
    if "written" in actors and len(actors):
        moved = actors[actors["written"].notna() & (actors["written"] != actors["name"])]
        grouped = moved[["type", "written"]].drop_duplicates().shape[0]
    return {
        "Made": made.strftime("%Y-%m-%d %H:%M UTC"),
        "Made with": f"media-analytics {__version__}",
        "Model version": ", ".join(data.model_versions) or "(not recorded)",
        "Data range": f"{span[0]:%Y-%m-%d} to {span[1]:%Y-%m-%d}" if span else "(no stories)",
        "Records read": str(data.n_records),
        "Stories": stories,
        "Duplicates folded": str(data.n_duplicates),
        "Records left out": _left_out(data),
        "Outlets": outlets,
        "Period": PERIOD_NAMES[period] + _partial(cut),
        "Filters": shown or "none",
        "Actor names": (
            f"{grouped} written form(s) counted under another name of the same actor "
            "(listed in the top-actor table's also_written)"
        ),
    }


def _evidence(data: ReportData) -> dict[str, list[tuple[str, tuple[Passage, ...]]]]:
    """Story id -> ``(theme, passages)`` for each of its themes, in the records' order."""
    out: dict[str, list[tuple[str, tuple[Passage, ...]]]] = {}
    if "passages" not in data.themes:  # (frames made by hand, without the records' evidence)
        return out
    seen: set[tuple[str, str]] = set()
    for story, theme, passages in data.themes[["id", "theme", "passages"]].itertuples(index=False):
        if (story, theme) not in seen:  # a theme listed twice in a record: once
            seen.add((story, theme))
            out.setdefault(str(story), []).append((str(theme), tuple(passages or ())))
    return out


def _n_outlets(data: ReportData) -> int:
    """The outlets that carried ``data``'s stories (a syndicated story's every outlet)."""
    return int(data.copies["source"].nunique()) if len(data.copies) else 0


def _partial(cut: dict[pd.Timestamp, str]) -> str:
    shown = ", ".join(f"{start:%Y-%m-%d} {days}" for start, days in cut.items())
    return f"; partial: {shown}" if shown else ""


def _left_out(data: ReportData) -> str:
    """Why the records read that are neither a story nor a folded copy were left out: with
    the stories and the duplicates folded they add up to the records read, from a file or
    from the database (which reads a period's records and the other copies of its stories)."""
    reasons = [
        (data.n_repeated, "repeated ids (each id counted once, as its last record has it)"),
        (data.n_undated, "undated (listed in tables/undated.csv)"),
        (data.n_outside, "in stories dated outside the period"),
        (data.n_other_outlets, "of other outlets"),
        (data.n_other_regions, "in stories placed in other regions"),
        (data.n_not_about, "in stories naming none of the actors asked about"),
        (data.n_future, f"dated after the report was made ({_first_ids(data.future_ids)})"),
    ]
    shown = [f"{n} {why}" for n, why in reasons if n]
    return "; ".join(shown) if shown else "none"
