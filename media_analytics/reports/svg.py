"""Small inline SVG charts for the HTML report.

Drawn by hand rather than with matplotlib so the report needs no plotting dependency (matplotlib
is only in the ``notebooks`` extra, and ``media-analytics demo`` writes this report on a core
install), the file stays small, and the charts stay sharp when a phone zooms in. Each chart is one
``<svg>`` with a ``viewBox`` (it scales to its container), a ``<title>`` for screen readers and
``data-chart`` naming it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from html import escape

import numpy as np
import pandas as pd

__all__ = ["PALETTE", "SENTIMENT_COLORS", "bar_chart", "line_chart", "stacked_bar_chart"]

#: Okabe–Ito colours, distinguishable with the common colour-vision deficiencies.
PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
)  # fmt: skip
SENTIMENT_COLORS = {"positive": "#009E73", "neutral": "#9AA0A6", "negative": "#D55E00"}
SPIKE_COLOR = "#C00000"

# (_TOP: room for the title, then the unit of the y axis on a line of its own below it)
_W, _LEFT, _RIGHT, _TOP = 520, 44, 14, 52
_LABEL_CHAR_W = 7.6  # about the width of a character of a 14 px axis label
_FONT = 'font-family="system-ui, sans-serif"'


#: gridline steps of an axis of counts, times a power of ten (whole numbers only)
_WHOLE_STEPS = (1, 2, 2.5, 3, 4, 5)


def _nice_max(value: float, whole: bool = False) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5 or 5 times a power of ten).

    With ``whole`` (an axis of counts) each of its four gridlines falls on a whole number:

    >>> _nice_max(2), _nice_max(2, whole=True), _nice_max(10, whole=True), _nice_max(90, True)
    (2, 4, 12, 100)
    """
    if whole:
        power = 1
        while power < 10**15:
            for step in _WHOLE_STEPS:
                tick = step * power
                if tick == int(tick) and value <= 4 * tick:
                    return int(4 * tick)
            power *= 10
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


def _fmt(value: float, percent: bool) -> str:
    if percent:
        return f"{value * 100:.0f}%"
    return f"{value:g}" if value < 1000 else f"{value:,.0f}"


def _open(name: str, title: str, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="{escape(name)}" '
        f'viewBox="0 0 {_W} {height}" role="img" aria-label="{escape(title)}" {_FONT} '
        f'font-size="14" preserveAspectRatio="xMidYMid meet">',
        f"<title>{escape(title)}</title>",
        f'<text class="title" x="{_LEFT}" y="22" font-size="16" font-weight="600" fill="#222">'
        f"{escape(title)}</text>",
    ]


def _legend(names: Sequence[str], colors: Sequence[str], y: int) -> tuple[list[str], int]:
    """Legend rows under the plot, two entries a row; returns the parts and the height used."""
    parts, col_w = [], (_W - _LEFT - _RIGHT) / 2
    labels = _short_labels(names, 24)
    for i, (label, color) in enumerate(zip(labels, colors, strict=True)):
        x = _LEFT + (i % 2) * col_w
        row_y = y + (i // 2) * 20
        parts.append(f'<rect x="{x:.1f}" y="{row_y - 9}" width="12" height="12" fill="{color}"/>')
        parts.append(f'<text x="{x + 18:.1f}" y="{row_y + 2}" fill="#333">{escape(label)}</text>')
    return parts, math.ceil(len(names) / 2) * 20


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _short_labels(texts: Sequence[str], limit: int) -> list[str]:
    """Each text cut to ``limit`` characters, the cut ones still told apart within a chart:
    names that share their start (``Kota Administrasi Jakarta Pusat`` and ``... Selatan``)
    are cut in the middle instead, keeping their ends, which is where such names differ; and
    names that share their start and their end keep the part where they differ.

    >>> _short_labels(["Kota Administrasi Jakarta Pusat", "Kota Administrasi Jakarta Selatan",
    ...                "Komisi Pemberantasan Korupsi"], 20)
    ['Kota A…Jakarta Pusat', 'Kota A…karta Selatan', 'Komisi Pemberantasa…']
    """
    labels = [_short(t, limit) for t in texts]
    for cut in (_middle, _difference):
        seen = Counter(labels)
        if all(n == 1 for n in seen.values()):
            break
        before = labels[:]
        for i, label in enumerate(before):
            if seen[label] > 1:
                alike = [t for t, other in zip(texts, before, strict=True) if other == label]
                labels[i] = cut(texts[i], limit, alike)
    return labels


def _middle(text: str, limit: int, others: Sequence[str]) -> str:
    """``text`` cut in the middle: a third of the room for its start, the rest for its end."""
    if len(text) <= limit:
        return text
    head = (limit - 1) // 3
    return text[:head] + "…" + text[len(text) - (limit - 1 - head) :]


def _common_start(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their start."""
    return next(
        (k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
        min(len(a), len(b)),
    )


def _difference(text: str, limit: int, others: Sequence[str]) -> str:
    """``text`` from the character where it first differs from one of ``others``, after its
    first few characters: the middle of names that share their start and end."""
    if len(text) <= limit:
        return text
    same = min((_common_start(text, o) for o in others if o != text), default=0)
    head = (limit - 2) // 4
    start = max(head, min(same, len(text) - (limit - 2 - head)))
    rest = text[start : start + limit - 2 - head]
    return text[:head] + "…" + rest + ("…" if start + len(rest) < len(text) else "")


def _axes(
    y_max: float,
    plot_h: int,
    percent: bool,
    x_labels: Sequence[tuple[float, str, str]],
    y_title: str = "",
) -> list[str]:
    parts = []
    bottom = _TOP + plot_h
    if y_title:  # the unit, above the axis's numbers (the caption alone is easily missed)
        parts.append(
            f'<text class="y-title" x="4" y="{_TOP - 8}" font-size="12" fill="#555">'
            f"{escape(y_title)}</text>"
        )
    for k in range(5):
        value = y_max * k / 4
        y = bottom - plot_h * k / 4
        parts.append(
            f'<line x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>'
        )
        parts.append(
            f'<text x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">'
            f"{_fmt(value, percent)}</text>"
        )
    parts.append(
        f'<line x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{bottom}" y2="{bottom}" stroke="#888"/>'
    )
    for x, label, anchor in x_labels:
        parts.append(
            f'<text x="{x:.1f}" y="{bottom + 18}" text-anchor="{anchor}" fill="#555">'
            f"{escape(label)}</text>"
        )
    return parts


def _x_labels(
    periods: Sequence[pd.Timestamp], xs: Sequence[float], *, edges: bool = True
) -> list[tuple[float, str, str]]:
    """At most six evenly spaced date labels (four with years), so they never overlap.

    With ``edges``, labels at the plot's ends are aligned inwards so they are not cut off.
    """
    if not periods:
        return []
    # the year is shown when the chart spans more than one (else "02 Jan" is ambiguous); its
    # longer labels get more room: four at most ("18 Mar 2019" ran into its neighbour at six)
    one_year = periods[0].year == periods[-1].year
    fmt = "%d %b" if one_year else "%d %b %Y"
    step = max(1, math.ceil(len(periods) / (6 if one_year else 4)))
    last = len(periods) - 1
    labels = []
    for i in range(0, len(periods), step):
        text = periods[i].strftime(fmt)
        half = _LABEL_CHAR_W * len(text) / 2
        anchor = "middle"
        # an end label is aligned inwards only when, centred, it would be cut off: aligned
        # inwards, it reaches towards its neighbour
        if edges and last > 0 and i == 0 and xs[i] - half < 0:
            anchor = "start"
        elif edges and last > 0 and i == last and xs[i] + half > _W:
            anchor = "end"
        labels.append((xs[i], text, anchor))
    return labels


def line_chart(
    frame: pd.DataFrame,
    *,
    name: str,
    title: str,
    markers: Sequence[tuple[pd.Timestamp, str, str]] = (),
    percent: bool = False,
    plot_h: int = 220,
    y_title: str = "",
    marker_name: str = "spike",
) -> str:
    """Lines over time, one per column, with optional marked points.

    Parameters
    ----------
    frame : pandas.DataFrame
        Index: period starts; columns: series; values: numbers.
    name, title : str
        ``data-chart`` name and the visible (and accessible) title.
    markers : sequence of (period, column, label)
        Points to circle in red, e.g. spikes; ``label`` becomes the marker's tooltip.
    percent : bool
        Format the y axis as percentages (values are fractions).
    y_title : str
        What the y axis counts, written above it.
    marker_name : str
        What a marked point is, in the chart's key (``spike``, ``surge``).
    """
    periods = list(frame.index)
    names = [str(c) for c in frame.columns]
    colors = [PALETTE[i % len(PALETTE)] for i in range(len(names))]
    grid = frame.to_numpy(dtype=float)
    counts = not percent and bool(np.all(grid == np.round(grid)))
    y_max = _nice_max(float(grid.max()) if frame.size else 0.0, whole=counts)
    plot_w = _W - _LEFT - _RIGHT
    n = len(periods)
    xs = [_LEFT + (plot_w * i / (n - 1) if n > 1 else plot_w / 2) for i in range(n)]
    bottom = _TOP + plot_h

    def y_of(v: float) -> float:
        return bottom - plot_h * v / y_max

    legend, legend_h = _legend(names, colors, bottom + 40)
    height = bottom + 40 + legend_h + 4
    parts = _open(name, title, height)
    parts += _axes(y_max, plot_h, percent, _x_labels(periods, xs), y_title)
    for column, color in zip(frame.columns, colors, strict=True):
        values = frame[column].astype(float).tolist()
        points = " ".join(f"{x:.1f},{y_of(v):.1f}" for x, v in zip(xs, values, strict=True))
        parts.append(
            f'<polyline class="series" fill="none" stroke="{color}" stroke-width="2" '
            f'stroke-linejoin="round" points="{points}"><title>{escape(str(column))}</title>'
            "</polyline>"
        )
    position = {p: i for i, p in enumerate(periods)}
    for when, column, label in markers:
        if when not in position or column not in frame.columns:
            continue
        i = position[when]
        x, y = xs[i], y_of(float(frame[column].iloc[i]))
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{_TOP}" y2="{bottom}" stroke="{SPIKE_COLOR}" '
            'stroke-dasharray="4 3" stroke-width="1"/>'
        )
        parts.append(
            f'<circle class="spike" cx="{x:.1f}" cy="{y:.1f}" r="6" fill="none" '
            f'stroke="{SPIKE_COLOR}" stroke-width="2.5"><title>{escape(label)}</title></circle>'
        )
    if markers:
        parts.append(
            f'<text x="{_W - _RIGHT}" y="22" text-anchor="end" fill="{SPIKE_COLOR}">'
            f"○ {escape(marker_name)}</text>"
        )
    parts += legend
    parts.append("</svg>")
    return "\n".join(parts)


def stacked_bar_chart(
    frame: pd.DataFrame,
    *,
    name: str,
    title: str,
    colors: dict[str, str],
    plot_h: int = 200,
    y_title: str = "",
) -> str:
    """Stacked bars over time showing each column's share of the row total (100% bars).

    Parameters
    ----------
    frame : pandas.DataFrame
        Index: period starts; columns: categories (e.g. positive, neutral, negative); counts.
    colors : dict
        Colour for each column.
    y_title : str
        What the y axis measures, written above it.
    """
    periods = list(frame.index)
    plot_w = _W - _LEFT - _RIGHT
    n = max(len(periods), 1)
    slot = plot_w / n
    bar_w = max(slot * 0.7, 1.0)
    bottom = _TOP + plot_h
    names = [str(c) for c in frame.columns]
    legend, legend_h = _legend(names, [colors[c] for c in names], bottom + 40)
    height = bottom + 40 + legend_h + 4
    parts = _open(name, title, height)
    xs = [_LEFT + slot * (i + 0.5) for i in range(len(periods))]
    parts += _axes(1.0, plot_h, True, _x_labels(periods, xs, edges=False), y_title)
    for i, when in enumerate(periods):
        row = frame.loc[when].astype(float)
        total = float(row.sum())
        if total <= 0:
            continue
        y = float(bottom)
        for column in names:
            h = plot_h * float(row[column]) / total
            if h <= 0:
                continue
            y -= h
            tip = f"{when:%d %b %Y}: {column} {int(row[column])} of {int(total)}"
            parts.append(
                f'<rect class="bar" x="{xs[i] - bar_w / 2:.1f}" y="{y:.1f}" width="{bar_w:.1f}" '
                f'height="{h:.1f}" fill="{colors[column]}"><title>{escape(tip)}</title></rect>'
            )
    parts += legend
    parts.append("</svg>")
    return "\n".join(parts)


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    name: str,
    title: str,
    percent: bool = False,
    color: str = PALETTE[0],
    counts: Sequence[int] | None = None,
) -> str:
    """Horizontal bars, one per label, in the given order, each with its value written beside
    (and with ``counts``, the count a share stands for: ``63.7% (58)``)."""
    row_h, label_w = 26, 170
    height = _TOP + row_h * max(len(labels), 1) + 8
    parts = _open(name, title, height)
    top = max((float(v) for v in values), default=0.0)
    room = 60 if counts is None else 100  # for the text beside the longest bar
    scale = (_W - label_w - _RIGHT - room) / top if top > 0 else 0.0
    shown = _short_labels([str(label) for label in labels], 20)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = _TOP + i * row_h
        w = max(float(value) * scale, 1.0 if value else 0.0)
        text = _fmt(float(value), percent) if not percent else f"{float(value) * 100:.1f}%"
        if counts is not None:
            text += f" ({int(counts[i]):,})"
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 18}" text-anchor="end" fill="#333">'
            f"{escape(shown[i])}</text>"
        )
        parts.append(
            f'<rect class="bar" x="{label_w}" y="{y + 5}" width="{w:.1f}" height="{row_h - 9}" '
            f'fill="{color}"><title>{escape(f"{label}: {text}")}</title></rect>'
        )
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 18}" fill="#333">{text}</text>')
    parts.append("</svg>")
    return "\n".join(parts)
