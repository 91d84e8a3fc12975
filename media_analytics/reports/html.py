"""The self-contained HTML report: one file, inline CSS and SVG, no script, no network.

It reads well on a phone: the layout is a single fluid column, charts scale to the screen width,
and wide tables scroll sideways inside their own box instead of widening the page. Printed (or
saved as PDF), the tables wrap their cells in smaller type instead, so no column is cut off.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from html import escape
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
    topic_columns,
)
from .svg import SENTIMENT_COLORS, bar_chart, line_chart, stacked_bar_chart

__all__ = ["render_html"]

_MAX_LINES = 6  # theme lines in the volume chart (themes with spikes are always drawn)
_MAX_STORIES = 100  # rows of the stories table (the latest ones; the CSV has them all)
# the URLs a story's title links to: web pages only (a "javascript:" URL in a feed stays text)
_WEB_LINK = re.compile(r"https?://\S", re.IGNORECASE)
_NET_TONE = "net_tone = (positive − negative) / n"

_CSS = """
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --accent: #0072B2; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--ink); background: #f6f8fa; }
main { max-width: 960px; margin: 0 auto; padding: 1rem; }
header h1 { font-size: 1.6rem; margin: .5rem 0 .25rem; line-height: 1.25; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px;
          padding: 1rem; margin: 1rem 0; }
h2 { font-size: 1.25rem; margin: 0 0 .75rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .5rem; }
p.muted, .muted { color: var(--muted); font-size: .9rem; }
figure { margin: .5rem auto 1rem; max-width: 720px; }
svg.chart { display: block; width: 100%; height: auto; max-width: 100%; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.cards { margin-top: 1rem; display: grid; gap: .75rem;
         grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
.card b { display: block; font-size: 1.5rem; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: .5rem 0 1rem;
              border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: .875rem; }
th, td { padding: .35rem .6rem; border-bottom: 1px solid var(--line); text-align: left;
         vertical-align: top; white-space: nowrap; }
th { background: #f0f3f6; position: sticky; top: 0; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.long { min-width: 16rem; white-space: normal; }
td.wrap { min-width: 10rem; white-space: normal; }
mark { background: #fff3b0; color: inherit; padding: 0 .1em; }
.spike { border-left: 4px solid #C00000; padding: .25rem .75rem; margin: .75rem 0; }
.spike ul { margin: .25rem 0; padding-left: 1.2rem; }
@media (max-width: 600px) {
  main { padding: .5rem; }
  section { padding: .75rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .4rem; }
  /* charts shrink to the screen: larger type (in chart units) keeps the labels readable */
  svg.chart text { font-size: 16px; }
  svg.chart text.title { font-size: 18px; }
}
/* on paper nothing scrolls: wide tables wrap their cells and shrink instead of being cut off */
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  section { border: none; padding: 0; margin: 0 0 1rem; }
  .table-wrap { overflow: visible; border: none; }
  table { font-size: 7.5pt; }
  th, td, th.num, td.num { white-space: normal; padding: .15rem .3rem; }
  td { overflow-wrap: anywhere; }
  th { position: static; }
  td.long { min-width: 0; }
  td.wrap { min-width: 0; }
  figure, tr, .spike, .card { break-inside: avoid; }
}
"""


def _table(
    frame: pd.DataFrame,
    *,
    max_rows: int | None = None,
    caption: str = "",
    latest: bool = False,
    markup: Mapping[str, Callable[[dict[str, str]], str]] | None = None,
    hidden: Sequence[str] = (),
) -> str:
    """``frame`` as an HTML table; ``markup`` gives the HTML of a column's cells from the row
    (its cells as text), for cells that are more than text, and ``hidden`` columns are not
    shown (an id ``markup`` reads)."""
    markup = markup or {}
    if frame.empty:
        return '<p class="muted">Nothing to show.</p>'
    if latest and max_rows is not None and len(frame) > max_rows:
        shown = display_frame(frame.tail(max_rows))
    else:
        shown = display_frame(frame, max_rows)
    numeric = {c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])}
    long = {
        c
        for c in frame.columns
        if c
        in (
            "top_articles",
            "latest_quote",
            "outlets",
            "themes",
            "evidence",
            "themes, with evidence",
        )
    }
    if "source" in frame.columns:  # a story's headline (beside an actor's role, a title is a rank)
        long |= {c for c in frame.columns if c == "title"}
    # a story's URL is the link of its title, not a column of its own
    linked = "url" in shown.columns and "title" in shown.columns
    columns = [c for c in shown.columns if not (linked and c == "url") and c not in hidden]

    def cls(c: object) -> str:
        if c in numeric:
            return ' class="num"'
        return ' class="long"' if c in long else ' class="wrap"' if c == "role" else ""

    def cell(c: str, row: dict[str, str]) -> str:
        if c in markup:
            return f"<td{cls(c)}>{markup[c](row)}</td>"
        text = escape(row[c])
        if linked and c == "title" and _WEB_LINK.match(row["url"]):
            text = f'<a href="{escape(row["url"])}" rel="noreferrer noopener">{text}</a>'
        return f"<td{cls(c)}>{text}</td>"

    head = "".join(f"<th{cls(c)}>{escape(str(c))}</th>" for c in columns)
    records = (dict(zip(shown.columns, r, strict=True)) for r in shown.itertuples(index=False))
    rows = "\n".join("<tr>" + "".join(cell(c, r) for c in columns) + "</tr>" for r in records)
    more = ""
    if max_rows is not None and len(frame) > max_rows:
        which = "Last" if latest else "First"
        more = (
            f'<p class="muted">{which} {max_rows} of {len(frame)} rows; the CSV has them all.</p>'
        )
    cap = f'<caption class="muted">{escape(caption)}</caption>' if caption else ""
    return (
        f'<div class="table-wrap"><table>{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>\n{rows}\n</tbody></table></div>{more}"
    )


def _note(content: ReportContent, name: str) -> list[str]:
    """The note of table ``name`` as a paragraph, when it has one."""
    note = content.notes.get(name)
    return [f'<p class="muted">{escape(note)}</p>'] if note else []


def _section(anchor: str, heading: str, *body: str) -> str:
    return (
        f'<section id="{anchor}">\n<h2>{escape(heading)}</h2>\n' + "\n".join(body) + "\n</section>"
    )


def _figure(svg: str, caption: str) -> str:
    return f'<figure>{svg}<figcaption class="muted">{escape(caption)}</figcaption></figure>'


def _volume_chart(content: ReportContent) -> str:
    vol, every_spike = content.tables["volume_theme"], content.tables["spikes"]
    spikes = every_spike[every_spike["dimension"] == "theme"]
    if vol.empty:
        return '<p class="muted">No themes in these records.</p>'
    wide = vol.pivot(index="period", columns="theme", values="articles").fillna(0)
    ranked = list(wide.sum().sort_values(ascending=False, kind="stable").index)
    spiking = [t for t in dict.fromkeys(spikes["theme"]) if t in wide.columns]
    chosen = list(dict.fromkeys([*spiking, *ranked]))[: max(_MAX_LINES, len(spiking))]
    tips = [
        f"{r.theme}, {r.period:%d %b %Y}: {r.articles} of {r.total} stories "
        f"({r.share:.0%}, baseline {r.baseline_share:.0%}), q = {r.q_value:.2g}"
        for r in spikes.itertuples()
    ]
    markers = list(zip(spikes["period"].tolist(), spikes["theme"].tolist(), tips, strict=True))
    svg = line_chart(
        wide[chosen], name="theme-volume", title="Stories per theme", markers=markers,
        y_title=f"stories per {_period_word(content)}",
    )  # fmt: skip
    if markers:
        note = "Red circles mark spikes."
    elif content.untested:
        note = "The spike test could not run."
    else:
        note = "No theme spiked." if len(every_spike) else "No spikes were found."
    partial = content.notes.get("volume_theme", "")
    return _figure(
        svg,
        f"Stories per {_period_word(content)} for the {len(chosen)} largest themes. {note} "
        + partial,
    )


def _period_word(content: ReportContent) -> str:
    return PERIOD_WORDS[content.period]


def _spike_cards(content: ReportContent, period_word: str) -> str:
    spikes = content.tables["spikes"]
    if spikes.empty:
        said = no_spike_reason(content)
        if content.untested:  # the test could not run: the sentence says so first
            head, _, rest = said.partition(":")
            return f"<p><b>{escape(head)}</b>:{escape(rest)}</p>"
        return f"<p><b>No spikes</b> {escape(said.removeprefix('No spikes '))}</p>"
    cards = [
        f'<div class="spike"><h3>{escape(spike_name(r))}, {period_word} of '
        f"{r.period:%d %b %Y}</h3>"
        f"<p>{r.articles} of {r.total} stories ({r.share:.0%}) against a baseline of "
        f"{r.baseline_share:.0%}: {r.lift:.1f}× the usual share, p = {r.p_value:.2g}, "
        f"q = {r.q_value:.2g}.</p>" + _explained(r) + "</div>"
        for r in spikes.itertuples()
    ]
    return "\n".join(cards)


def _surge_chart(content: ReportContent) -> str:
    """The stories per period the surge test counted, surges circled."""
    counted = content.tables["volume_tests"]
    if counted.empty:
        return ""
    word = _period_word(content)
    line = counted.set_index("period")[["articles"]].rename(columns={"articles": "stories"})
    surges = content.tables["volume_surges"]
    tips = [surge_text(r, content.period)[1] for r in surges.itertuples()]
    markers = list(zip(surges["period"].tolist(), ["stories"] * len(tips), tips, strict=True))
    svg = line_chart(
        line, name="surges", title="Stories per period", markers=markers,
        y_title=f"stories per {word}", marker_name="surge",
    )  # fmt: skip
    note = "Red circles mark surges." if markers else "No surge."
    return _figure(svg, f"Stories per {word}, as the surge test counts them. {note}")


def _surge_cards(content: ReportContent) -> str:
    surges = content.tables["volume_surges"]
    if surges.empty:
        return f"<p>{escape(no_surge_reason(content))}</p>"
    cards = [f'<p class="muted">{escape(content.notes["volume_surges"])}</p>']
    for r in surges.itertuples():
        heading, sentence = surge_text(r, content.period)
        cards.append(
            f'<div class="spike"><h3>{escape(heading)}</h3><p>{escape(sentence)}</p>'
            + _explained(r)
            + "</div>"
        )
    return "\n".join(cards)


def _explained(row: Any) -> str:
    """The top articles, terms and outlets of a spike's or a surge's row."""
    articles = "".join(f"<li>{escape(a)}</li>" for a in str(row.top_articles).split(" | ") if a)
    return (
        f"<p><b>Top articles</b></p><ul>{articles}</ul>"
        f"<p><b>Top terms:</b> {escape(str(row.top_terms)) or '–'}</p>"
        f"<p><b>Outlets:</b> {escape(str(row.outlets))}</p>"
    )


def _cards(content: ReportContent) -> str:
    t = content.tables
    tone = t["sentiment_over_time"]
    n = int(tone["n"].sum())
    net = (int(tone["positive"].sum()) - int(tone["negative"].sum())) / n if n else 0.0
    facts = [
        ("stories", str(len(t["stories"]))),
        ("syndicated stories", str(len(t["syndicated"]))),
        ("outlets", str(content.outlets)),
        ("surges in volume", str(len(t["volume_surges"]))),
        ("spikes", str(len(t["spikes"]))),
        ("net tone", f"{net:+.2f}" if n else "–"),
    ]
    if content.about is not None:  # the stories' tone is not the tone toward the actor
        facts[-1] = ("net tone of the stories", facts[-1][1])
        facts += [
            (f"tone toward {name}", f"{toward:+.2f}" if toward is not None else "–")
            for name, _, toward in content.about
        ]
    return (
        '<div class="cards">'
        + "".join(
            f'<div class="card"><b>{escape(v)}</b><span class="muted">{escape(k)}</span></div>'
            for k, v in facts
        )
        + "</div>"
    )


def _sentiment(content: ReportContent) -> list[str]:
    tone = content.tables["sentiment_over_time"]
    if no_tone := no_tone_reason(content):
        return [f'<p class="muted">{escape(no_tone)}</p>']
    wide = tone.set_index("period")[["positive", "neutral", "negative"]]
    svg = stacked_bar_chart(
        wide, name="sentiment", title="Sentiment of stories", colors=SENTIMENT_COLORS,
        y_title="share of stories",
    )  # fmt: skip
    caption = (
        f"Share of positive, neutral and negative stories per {_period_word(content)}. "
        + content.notes.get("sentiment_over_time", "")
    )
    return [
        _figure(svg, caption),
        _table(tone, caption=_NET_TONE, max_rows=60, latest=True),
        f"<h3>{TABLE_TITLES['sentiment_by_theme']}</h3>",
        _table(content.tables["sentiment_by_theme"]),
    ]


def _voice(content: ReportContent) -> list[str]:
    parts = []
    for key, column, label in (("theme", "theme", "themes"), ("actor", "actor", "actors")):
        table = content.tables[f"share_of_voice_{key}"]
        if table.empty or not table["articles"].sum():
            parts.append(f'<p class="muted">No {label} to compare.</p>')
            continue
        svg = bar_chart(
            table[column].tolist(), table["share"].tolist(), percent=True,
            name=f"share-of-voice-{key}", title=f"Share of voice: {label}",
            counts=table["articles"].tolist(),
        )  # fmt: skip
        parts.append(
            _figure(
                svg,
                content.notes[f"share_of_voice_{key}"]
                + " The stories behind each share are in brackets.",
            )
        )
    over = content.tables.get("share_of_voice_actor_over_time")
    if over is not None and len(over) and over["articles"].sum():
        wide = over.pivot(index="period", columns="actor", values="share")
        wide = wide[list(dict.fromkeys(over["actor"]))]  # in the order asked
        svg = line_chart(
            wide, name="share-of-voice-actor-over-time", percent=True,
            title=f"Share of voice per {_period_word(content)}: actors compared",
            y_title="share of the mentions",
        )  # fmt: skip
        parts += [
            _figure(svg, content.notes["share_of_voice_actor_over_time"]),
            _table(
                actor_voice_columns(over),
                caption="Each actor's share, and in brackets its stories, per "
                f"{_period_word(content)}.",
                max_rows=60,
                latest=True,
            ),
        ]
    return parts


def _actors(content: ReportContent) -> list[str]:
    top = content.tables["top_actors"]
    parts = []
    if top.empty:
        parts.append('<p class="muted">No actors in these records.</p>')
    else:
        svg = bar_chart(
            top["actor"].tolist(), top["articles"].tolist(),
            name="top-actors", title="Top actors by stories",
        )  # fmt: skip
        parts.append(_figure(svg, content.notes.get("top_actors", "")))
        parts.append(_table(top))
        parts.append(f"<h3>{TABLE_TITLES['sentiment_by_actor']}</h3>")
        parts.append(_table(content.tables["sentiment_by_actor"], caption=_NET_TONE))
        parts.append(f'<p class="muted">{escape(ACTOR_TONE_CAVEAT)}</p>')
    parts.append(f"<h3>{TABLE_TITLES['top_speakers']}</h3>")
    parts.append(_table(content.tables["top_speakers"]))
    if "top_places" in content.tables:
        parts.append(f"<h3>{TABLE_TITLES['top_places']}</h3>")
        parts.extend(_note(content, "top_places"))
        parts.append(_table(content.tables["top_places"]))
    return parts


def _stories(content: ReportContent) -> list[str]:
    """The stories carrying a theme, each with its themes and why it carries them (the
    strongest matched phrases, marked in their sentences), each title a link to its article."""
    stories = content.tables["stories"]
    themed = stories[stories["themes"].fillna("").astype(str) != ""]
    said = (
        f"The {len(themed)} of {len(stories)} stories that carry a theme, with their themes and "
        "the evidence for each; a title links to the story's article (its original, or its "
        "earliest copy). Every story, with or without a theme, is in the stories table, its "
        "evidence in the evidence column."
    )
    note = content.notes.get("stories", "")

    def why(row: dict[str, str]) -> str:
        lines = []
        for theme, passages in content.evidence.get(row["id"], []):
            said = "; ".join(_passage(p) for p in passages) or "(no evidence given)"
            lines.append(f"<b>{escape(theme)}</b>: {said}")
        return "<br>".join(lines) or escape(row["themes"])

    shown = themed[["date", "title", "source", "themes", "n_outlets", "url", "id"]].rename(
        columns={"themes": "themes, with evidence"}
    )
    table = _table(
        shown,
        max_rows=_MAX_STORIES,
        latest=True,
        markup={"themes, with evidence": why},
        hidden=("id",),
    )
    return [f'<p class="muted">{escape(said)} {escape(note)}</p>', table]


def _passage(passage: Passage) -> str:
    """A passage of a theme's evidence: its sentence with the phrases marked, or the phrases
    alone (a headline's, said so)."""
    if passage.sentence:
        text = "".join(
            f"<mark>{escape(t)}</mark>" if marked else escape(t) for t, marked in passage.pieces()
        )
    else:
        text = ", ".join(f"<mark>{escape(p)}</mark>" for p in passage.phrases)
    return text + (' <span class="muted">(headline)</span>' if passage.headline else "")


def _totals(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    if frame.empty:
        return frame
    out = frame.groupby(column)["articles"].sum().reset_index()
    return out.sort_values(["articles", column], ascending=[False, True])


def _region_totals(content: ReportContent) -> list[str]:
    """The stories per province and per regency or city over the report's range, each with
    how it counts."""
    out = []
    for name, column, title, rows in (
        ("volume_region", "province", "Stories per province", 40),
        ("volume_regency", "regency", "Stories per regency or city", 30),
    ):
        if name not in content.tables:
            continue
        note = content.notes.get(name)
        out += [
            f"<h3>{title}</h3>",
            *([f'<p class="muted">{escape(note)}</p>'] if note else []),
            _table(key_totals(content.tables[name], column), max_rows=rows),
        ]
    return out


def render_html(content: ReportContent, *, exports: dict[str, str] | None = None) -> str:
    """The report as one HTML document.

    Parameters
    ----------
    content : ReportContent
    exports : dict, optional
        Name -> relative path of the exported files, listed (and linked) at the end.
    """
    t = content.tables
    facts = "".join(
        f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in content.provenance.items()
    )
    word = _period_word(content)
    sections = [
        _section("about", "About this report", f'<dl class="facts">{facts}</dl>', _cards(content)),
        _section(
            "surges", TABLE_TITLES["volume_surges"], _surge_chart(content), _surge_cards(content)
        ),
        _section(
            "spikes",
            TABLE_TITLES["spikes"],
            *(
                [f'<p class="muted">{escape(content.notes["spikes"])}</p>']
                if "spikes" in content.notes
                else []
            ),
            _volume_chart(content),
            _spike_cards(content, word),
            f'<p class="muted"><b>Method.</b> {escape(content.method)}</p>',
        ),
        _section("sentiment", "Sentiment", *_sentiment(content)),
        _section("voice", "Share of voice", *_voice(content)),
        _section("actors", "Actors and quotes", *_actors(content)),
        _section(
            "emerging",
            "Emerging topics and themes",
            *(
                part
                for name in ("emerging_topics", "emerging_themes")
                for part in (
                    f"<h3>{TABLE_TITLES[name]}</h3>",
                    *_note(content, name),
                    _table(t[name]),
                )
            ),
        ),
        _section(
            "syndicated",
            TABLE_TITLES["syndicated"],
            '<p class="muted">Stories carried by more than one outlet; each counts once in '
            "every volume.</p>",
            _table(t["syndicated"], max_rows=50),
        ),
        _section("stories", "Stories by theme", *_stories(content)),
        _section(
            "volume",
            "Volumes",
            f"<h3>Stories per theme and {word}</h3>",
            _table(theme_columns(t["volume_theme"])),
            f"<h3>Stories per topic and {word} (the largest topics)</h3>",
            *_note(content, "volume_topic"),
            _table(topic_columns(t["volume_topic"])),
            "<h3>Stories per outlet</h3>",
            _table(_totals(t["volume_outlet"], "outlet"), max_rows=30),
            *_region_totals(content),
            "<h3>Stories per topic</h3>",
            _table(_totals(t["volume_topic"], "topic"), max_rows=30),
        ),
    ]
    if exports:
        items = "".join(
            f'<li><a href="{escape(path)}">{escape(path)}</a></li>' for path in exports.values()
        )
        sections.append(_section("exports", "Tables as files", f"<ul>{items}</ul>"))
    made = content.provenance.get("Made", "")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(content.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        f"<header><h1>{escape(content.title)}</h1>"
        f'<p class="muted">Made {escape(made)} · {escape(content.provenance["Data range"])}</p>'
        "</header>\n" + "\n".join(sections) + "\n</main>\n</body>\n</html>\n"
    )
