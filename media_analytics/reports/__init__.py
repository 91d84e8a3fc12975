"""Trend reports: pure functions on DataFrames of scored records, and their renderers.

Nothing here touches a model: scored records go in (as dicts, JSONL lines or the store's rows),
tables and report files come out.

Typical use::

    from media_analytics.reports import build_report, records_to_frames, detect_spikes

    paths = build_report(scored_records, "report/", period="W")   # HTML, Markdown, CSV, Excel
    data = records_to_frames(scored_records)                      # or table by table
    detect_spikes(data, "W")                                      # a theme's share jumped
    detect_surges(data, "D")                                      # all stories jumped
"""

from .about import about_actors
from .build import build_report, theme_ids
from .content import ReportContent, build_content
from .export import write_csv, write_excel
from .frames import PERIODS, ReportData, period_start, records_to_frames, short_name_map
from .html import render_html
from .markdown import markdown_table, render_markdown
from .plots import plot_over_time, plot_tone_mix
from .spikes import (
    attention_tests,
    benjamini_hochberg,
    detect_spikes,
    detect_surges,
    explain_spike,
    history_start,
    volume_tests,
)
from .tables import (
    emerging_topics,
    keyed,
    net_tone,
    partial_periods,
    period_grid,
    quote_table,
    sentiment_mix,
    share_of_voice,
    top_actors,
    top_places,
    top_speakers,
    volume,
)
from .topicnames import name_topics, read_topic_names

__all__ = [
    "PERIODS",
    "ReportContent",
    "ReportData",
    "about_actors",
    "attention_tests",
    "benjamini_hochberg",
    "build_content",
    "build_report",
    "detect_spikes",
    "detect_surges",
    "emerging_topics",
    "explain_spike",
    "history_start",
    "keyed",
    "markdown_table",
    "name_topics",
    "net_tone",
    "partial_periods",
    "period_grid",
    "period_start",
    "plot_over_time",
    "plot_tone_mix",
    "quote_table",
    "read_topic_names",
    "records_to_frames",
    "render_html",
    "render_markdown",
    "sentiment_mix",
    "share_of_voice",
    "short_name_map",
    "theme_ids",
    "top_actors",
    "top_places",
    "top_speakers",
    "volume",
    "volume_tests",
    "write_csv",
    "write_excel",
]
