"""The Markdown summary: provenance, surges and spikes with their explanations, and the top rows
of the main tables. The full tables are in the CSV (and Excel) exports."""

from __future__ import annotations

import html
import re
from typing import Any

import pandas as pd

from .content import (
    PERIOD_WORDS,
    ReportContent,
    no_spike_reason,
    no_surge_reason,
    no_tone_reason,
    spike_name,
    surge_text,
)
from .evidence import Passage
from .layout import (
    ACTOR_TONE_CAVEAT,
    TABLE_TITLES,
    actor_voice_columns,
    display_frame,
    key_totals,
    theme_columns,
)

__all__ = ["markdown_table", "render_markdown"]

_SUMMARY_TABLES = (
    "volume_theme",
    "sentiment_over_time",
    "share_of_voice_theme",
    "share_of_voice_actor",
    "share_of_voice_actor_over_time",
    "top_actors",
    "sentiment_by_actor",
    "top_speakers",
    "top_places",
    "emerging_topics",
    "emerging_themes",
    "syndicated",
)
#: Tables over time: a summary shows their latest periods, as the HTML does.
_LATEST = ("volume_theme", "sentiment_over_time", "share_of_voice_actor_over_time")
#: Tables cut already to the top actors and the ones asked for: shown whole.
_WHOLE = ("share_of_voice_actor", "sentiment_by_actor")
#: The stories per province and per regency or city, summed over the report's periods.
_REGION_TABLES = (
    ("volume_region", "province", "Stories per province"),
    ("volume_regency", "regency", "Stories per regency or city"),
)
#: Stories under "Stories by theme" (the latest; the stories table has them all).
_MAX_STORIES = 20
#: What a table's figures are, said under it.
_AFTER = {"sentiment_by_actor": ACTOR_TONE_CAVEAT}


def _text(value: object) -> str:
    """Article text for Markdown: ``<``, ``>`` and ``&`` escaped (a headline's ``<Tenang>`` is
    not a tag, and a title with markup must not run in a rendered report), one line."""
    return html.escape(str(value), quote=False).replace("\n", " ")


_WEB_LINK = re.compile(r"https?://\S", re.IGNORECASE)


def _link(title: str, url: str) -> str:
    """A headline as a Markdown link to its article (as it is, when the URL is no web page's).

    >>> _link("Banjir [foto]", "https://x.id/a b(1)")
    '[Banjir \\\\[foto\\\\]](https://x.id/a%20b%281%29)'
    """
    if not _WEB_LINK.match(url.strip()):
        return title
    text = title.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    target = url.strip().replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{text}]({target})"


def markdown_table(frame: pd.DataFrame, max_rows: int | None = 10, *, latest: bool = False) -> str:
    """A GitHub-flavoured Markdown table (pipes in cells escaped): its first ``max_rows``
    rows, or with ``latest`` its last (the latest periods of a table over time).

    >>> print(markdown_table(pd.DataFrame({"theme": ["a"], "share": [0.5]})))
    | theme | share |
    | --- | ---: |
    | a | 50.0% |
    """
    if frame.empty:
        return "_Nothing to show._"
    n_rows = len(frame)
    cut = max_rows is not None and n_rows > max_rows
    if cut and latest and max_rows is not None:
        frame = frame.tail(max_rows)
    shown = display_frame(frame, max_rows)
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    if "url" in shown.columns and "title" in shown.columns:
        # a story's URL is the link of its title, not a column of its own
        links = [_link(t, u) for t, u in zip(shown["title"], shown["url"], strict=True)]
        numeric = [n for c, n in zip(frame.columns, numeric, strict=True) if c != "url"]
        shown = shown.assign(title=links).drop(columns="url")

    def row(cells: list[str]) -> str:
        return "| " + " | ".join(_text(c).replace("|", "\\|") for c in cells) + " |"

    lines = [
        row([str(c) for c in shown.columns]),
        "| " + " | ".join("---:" if n else "---" for n in numeric) + " |",
        *(row(list(r)) for r in shown.itertuples(index=False)),
    ]
    if cut:
        lines.append(f"\n_{'Last' if latest else 'First'} {max_rows} of {n_rows} rows._")
    return "\n".join(lines)


def _stories(content: ReportContent, latest: int = _MAX_STORIES) -> list[str]:
    """ "Stories by theme": the ``latest`` stories carrying a theme, each with its themes and
    the evidence for each, its strongest matched phrases in bold in their sentences."""
    stories = content.tables["stories"]
    themed = stories[stories["themes"].fillna("").astype(str) != ""]
    shown = themed.tail(latest)
    which = f"The latest {len(shown)} of the" if len(shown) < len(themed) else "The"
    lines = [
        "## Stories by theme",
        "",
        f"_{which} {len(themed)} of {len(stories)} stories that carry a theme, with the evidence "
        "for each theme (the stories table has every story, its evidence in the evidence "
        f"column). {content.notes.get('stories', '')}_",
        "",
    ]
    if shown.empty:
        return [*lines, "_Nothing to show._", ""]
    for story in shown.itertuples():
        title = _text(_link(str(story.title), str(story.url or "")))
        lines.append(f"- {story.date:%Y-%m-%d}, {_md(story.source)}: {title}")
        for theme, passages in content.evidence.get(story.id, []):
            said = "; ".join(_passage(p) for p in passages) or "(no evidence given)"
            lines.append(f"  - **{_md(theme)}**: {said}")
    return [*lines, ""]


def _passage(passage: Passage) -> str:
    """A passage of a theme's evidence in Markdown: its sentence with the phrases in bold, or
    the phrases alone (a headline's, said so)."""
    if passage.sentence:
        text = "".join(f"**{_md(t)}**" if marked else _md(t) for t, marked in passage.pieces())
    else:
        text = ", ".join(f"**{_md(p)}**" for p in passage.phrases)
    return text + (" (headline)" if passage.headline else "")


def _md(value: object) -> str:
    """Article text in running Markdown: as :func:`_text`, and ``*`` and a backtick escaped (a
    sentence's asterisk must not open a bold that runs on)."""
    return re.sub(r"([*`])", r"\\\1", _text(value))


def _explained(row: Any) -> list[str]:
    """The top articles, terms and outlets of a spike's or a surge's row."""
    return [
        *(f"- {_text(a)}" for a in str(row.top_articles).split(" | ") if a),
        "",
        f"Top terms: {_text(row.top_terms) or '–'}. Outlets: {_text(row.outlets)}.",
        "",
    ]


def render_markdown(content: ReportContent) -> str:
    """The report summary as Markdown."""
    word = PERIOD_WORDS[content.period]
    lines = [f"# {content.title}", ""]
    lines += [f"- **{k}:** {v}" for k, v in content.provenance.items()]
    lines += ["", f"## {TABLE_TITLES['volume_surges']}", ""]
    surges = content.tables["volume_surges"]
    if surges.empty:
        lines += [no_surge_reason(content), ""]
    else:
        lines += [f"_{content.notes['volume_surges']}_", ""]
    for r in surges.itertuples():
        heading, sentence = surge_text(r, content.period)
        lines += [f"### {heading}", "", sentence, "", *_explained(r)]
    lines += ["", "## Spikes in attention", ""]
    if "spikes" in content.notes:
        lines += [f"_{content.notes['spikes']}_", ""]
    spikes = content.tables["spikes"]
    if spikes.empty:
        lines.append(no_spike_reason(content))
    for r in spikes.itertuples():
        name = spike_name(r)
        lines += [
            f"### {name}, {word} of {r.period:%Y-%m-%d}",
            "",
            f"{r.articles} of {r.total} stories ({r.share:.0%}) against a baseline of "
            f"{r.baseline_share:.0%} ({r.lift:.1f}×), p = {r.p_value:.2g}, q = {r.q_value:.2g}.",
            "",
            *_explained(r),
        ]
    lines += ["", f"_Method._ {content.method}", ""]
    no_tone = no_tone_reason(content)
    for name in _SUMMARY_TABLES:
        if name not in content.tables:  # (a table a report of another release had not)
            continue
        frame = content.tables[name]
        if name == "volume_theme":
            frame = theme_columns(frame)
        if name == "share_of_voice_actor_over_time":
            frame = actor_voice_columns(frame)
        table = markdown_table(frame, None if name in _WHOLE else 10, latest=name in _LATEST)
        if name == "sentiment_over_time" and no_tone:
            table = f"_{no_tone}_"
        note, after = content.notes.get(name), _AFTER.get(name)
        lines += [f"## {TABLE_TITLES[name]}", "", *([f"_{note}_", ""] if note else []), table, ""]
        lines += [f"_{after}_", ""] if after else []
    lines += _stories(content)
    for name, column, title in _REGION_TABLES:
        if name in content.tables:
            table = markdown_table(key_totals(content.tables[name], column), 10)
            note = content.notes.get(name)
            lines += [f"## {title}", "", *([f"_{note}_", ""] if note else []), table, ""]
    return "\n".join(lines).rstrip() + "\n"
