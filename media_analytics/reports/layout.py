"""What the HTML and Markdown reports share: cell formatting and the tables' display names."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from .regions import NO_REGENCY, NO_REGION

__all__ = [
    "ACTOR_TONE_CAVEAT",
    "TABLE_TITLES",
    "actor_voice_columns",
    "display_frame",
    "format_cell",
    "key_totals",
    "theme_columns",
    "topic_columns",
]

#: Display name of every table the report exports (also the Excel sheet order).
TABLE_TITLES = {
    "volume_surges": "Surges in volume",
    "spikes": "Spikes in attention",
    "volume_theme": "Stories per theme and period",
    "sentiment_over_time": "Sentiment per period",
    "share_of_voice_theme": "Share of voice between themes",
    "share_of_voice_actor": "Share of voice between actors",
    "share_of_voice_actor_over_time": "Share of voice between actors per period",
    "top_actors": "Top actors",
    "top_places": "Top places",
    "sentiment_by_actor": "Tone toward actors",
    "top_speakers": "Most quoted speakers",
    "sentiment_by_theme": "Sentiment per theme",
    "emerging_topics": "Emerging topics",
    "emerging_themes": "Emerging themes",
    "syndicated": "Syndicated stories",
    "volume_total": "Stories per period",
    "volume_topic": "Stories per topic and period",
    "volume_outlet": "Stories per outlet and period",
    "volume_region": "Stories per province and period",
    "volume_regency": "Stories per regency or city and period",
    "attention_tests": "Spike test, every cell",
    "volume_tests": "Surge test, every period",
    "stories": "All stories",
}

#: What the tone toward actors is, shown under its table (the figures: the README's "Tone toward
#: actors", measured by ``bench/actor_tone_eval.py`` on held-out pairs of real news).
ACTOR_TONE_CAVEAT = (
    "The tone toward an actor is the tone of the sentences naming it, read by the sentence "
    "classifier, for people and organisations only: places have none, and n counts the stories "
    "that give the actor a tone (the top-actor table's net_tone is the same figure; an actor "
    "asked for that no story gives one has n 0 and no net tone). On "
    "held-out actors of real news judged by people it agrees about 60% of the time (macro-F1 "
    "about 50%; two in three of those actors are covered neutrally), and most errors are "
    'neutral coverage read as positive or the reverse: read it as a rough lean. See "Tone '
    'toward actors" in the README of media-analytics.'
)

_PERCENT = ("share", "current_share", "previous_share", "baseline_share")
_PROBABILITY = ("p_value", "q_value")
_RATIO = (
    "net_tone",
    "lift",
    "growth",
    "score",
    "topic_score",
    "sentiment_score",
    "sentiment_negative",
    "sentiment_neutral",
    "sentiment_positive",
)


def format_cell(column: str, value: Any) -> str:
    """A table cell as text: percentages for shares, two decimals for ratios, days for dates.

    >>> format_cell("share", 0.6667), format_cell("q_value", 0.000313), format_cell("n", 5)
    ('66.7%', '0.00031', '5')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if column in _PERCENT:
            return f"{value * 100:.1f}%"
        if column in _PROBABILITY:
            return f"{value:.2g}"
        if column in _RATIO:
            return "∞" if math.isinf(value) else f"{value:.2f}"
        return f"{value:g}"
    return str(value)


def display_frame(frame: pd.DataFrame, max_rows: int | None = None) -> pd.DataFrame:
    """The frame with every cell formatted as text (and cut to ``max_rows``)."""
    if max_rows is not None:
        frame = frame.head(max_rows)
    return pd.DataFrame(
        {c: [format_cell(str(c), v) for v in frame[c].tolist()] for c in frame.columns},
        columns=frame.columns,
    )


def theme_columns(volume_theme: pd.DataFrame) -> pd.DataFrame:
    """Stories per theme and period as the reports show them: a row per period, a column per
    theme (the exported table has a row per period and theme). ``partial`` stays beside
    ``period``, as in the other tables over time, so that a week cut short is marked here too."""
    if volume_theme.empty:
        return volume_theme
    index = ["period", "partial"] if "partial" in volume_theme.columns else ["period"]
    wide = volume_theme.pivot(index=index, columns="theme", values="articles")
    wide.columns.name = None
    return wide.reset_index()


def actor_voice_columns(over_time: pd.DataFrame) -> pd.DataFrame:
    """The share of voice between actors per period as the reports show it: a row per period,
    a column per actor in the order compared, each cell the share and, in brackets, the
    stories (the exported table has a row per period and actor); ``partial`` stays beside
    ``period``, as in the other tables over time.

    >>> table = pd.DataFrame({
    ...     "period": pd.to_datetime(["2024-11-04"] * 2 + ["2024-11-11"] * 2),
    ...     "actor": ["KPU", "Bawaslu"] * 2, "articles": [3, 1, 0, 0],
    ...     "share": [0.75, 0.25, 0.0, 0.0]})
    >>> actor_voice_columns(table).to_dict("records")[0]
    {'period': Timestamp('2024-11-04 00:00:00'), 'KPU': '75.0% (3)', 'Bawaslu': '25.0% (1)'}
    """
    if over_time.empty:
        return over_time
    cells = over_time.assign(
        cell=[
            f"{format_cell('share', s)} ({n})"
            for s, n in zip(over_time["share"], over_time["articles"], strict=True)
        ]
    )
    index = ["period", "partial"] if "partial" in over_time.columns else ["period"]
    wide = cells.pivot(index=index, columns="actor", values="cell")
    wide = wide[list(dict.fromkeys(over_time["actor"]))]
    wide.columns.name = None
    return wide.reset_index()


def key_totals(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """A table over time (``volume``'s) summed over its periods: ``[province,] <column>,
    articles``, most stories first, the stories naming no region (``(no region)``, ``(no
    regency)``) last; the ``province`` of a regency kept beside it."""
    if frame.empty:
        return frame
    keys = [c for c in ("province",) if c in frame.columns and c != column] + [column]
    out = frame.groupby(keys, dropna=False)["articles"].sum().reset_index()
    unplaced = out[column].isin([NO_REGION, NO_REGENCY])
    out = out.assign(_last=unplaced)
    out = out.sort_values(["_last", "articles", column], ascending=[True, False, True])
    return out.drop(columns="_last").reset_index(drop=True)


def topic_columns(volume_topic: pd.DataFrame, top: int = 8) -> pd.DataFrame:
    """Stories per topic and period for the ``top`` topics with the most stories (the stories
    with no clear topic left out), laid out as :func:`theme_columns`: a row per period (every
    period of the range, quiet ones as zeros), a column per topic, largest first."""
    if volume_topic.empty:
        return volume_topic
    counted = volume_topic[volume_topic["topic"].astype(str) != "(no clear topic)"]
    totals = counted.groupby("topic")["articles"].sum()
    order = sorted(totals.index, key=lambda k: (-int(totals[k]), str(k)))[:top]
    index = ["period", "partial"] if "partial" in counted.columns else ["period"]
    wide = counted[counted["topic"].isin(order)].pivot(
        index=index, columns="topic", values="articles"
    )
    wide = wide[order]
    wide.columns.name = None
    return wide.reset_index()
