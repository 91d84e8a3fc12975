"""Charts of the report tables for notebooks, drawn with matplotlib.

The HTML report draws its own charts (:mod:`~media_analytics.reports.svg`) so that a core install
needs no plotting library; in a notebook an analyst wants the same pictures as matplotlib axes,
to restyle, combine and save. Each function takes a table the package computes and draws it as
is, so the chart shows what the table says:

- :func:`plot_over_time`: any table with a ``period`` column, one line per key
  (:func:`~media_analytics.reports.volume`, ``share_of_voice(..., period="W")``,
  ``sentiment_mix(..., "W")``); periods the data cut short (``partial``) are hollow markers on a
  dotted line, so that a first week of two days does not read as a drop;
- :func:`plot_tone_mix`: the positive, neutral and negative shares of each row of
  :func:`~media_analytics.reports.sentiment_mix`, as stacked bars.

matplotlib comes with the ``notebooks`` extra (``pip install 'media-analytics[notebooks]'``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .svg import PALETTE, SENTIMENT_COLORS

logger = logging.getLogger(__name__)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["plot_over_time", "plot_tone_mix"]

# columns of the package's tables that hold counts or shares, not the key of a row
_VALUES = frozenset(
    {
        *("period", "partial", "articles", "total", "share", "positive", "neutral", "negative"),
        *("n", "net_tone", "province", "z", "p_value", "expected", "spike"),
    }
)
_TONES = ("positive", "neutral", "negative")


#: The stories below which :func:`plot_over_time` draws a period of a tone table hollow.
MIN_TONE_STORIES = 5


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError:  # pragma: no cover - only without the extra
        raise ImportError(
            "plotting needs matplotlib: pip install 'media-analytics[notebooks]'"
        ) from None
    return plt


def _axes(ax: Axes | None) -> tuple[Any, Axes]:
    """``ax``, or the axes of a new figure; the figure when it was made here (laid out at the
    end), else None."""
    if ax is not None:
        return None, ax
    fig, made = _pyplot().subplots(figsize=(9, 3.6))
    return fig, made


def _key_column(table: pd.DataFrame) -> str | None:
    """The column naming each row's key (``theme``, ``actor``, ``outlet``, ...), if any."""
    keys = [c for c in table.columns if c not in _VALUES]
    if len(keys) > 1:
        raise ValueError(
            f"the table has several columns that are no counts ({', '.join(map(str, keys))}): "
            "give a table of the package (volume, share_of_voice, sentiment_mix) or keep one "
            "key column"
        )
    return keys[0] if keys else None


def _default_value(table: pd.DataFrame) -> str:
    if "net_tone" in table:
        return "net_tone"
    if "share" in table and "total" not in table:  # share_of_voice: the shares compared
        return "share"
    if "articles" in table:
        return "articles"
    raise ValueError("the table has no articles, share or net_tone column to draw")


def plot_over_time(
    table: pd.DataFrame,
    value: str | None = None,
    *,
    keys: Sequence[str] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    min_n: int | None = None,
    max_lines: int = 10,
) -> Axes:
    """Draw a table over time, one line per key.

    Parameters
    ----------
    table : pandas.DataFrame
        A table with a ``period`` column: :func:`~media_analytics.reports.volume`,
        ``share_of_voice(data, "actor", names=[...], period="W")``, ``sentiment_mix(data,
        "actor", "W", names=[...])`` or ``sentiment_mix(data)``. Its key column (``theme``,
        ``actor``, ``outlet``, ...) gives the lines; a table without one is one line.
    value : str, optional
        The column to draw. Default: ``net_tone`` for a tone table, ``share`` for a share of
        voice, else ``articles``. ``"share"`` of :func:`volume` is each key's share of all
        stories of the period.
    keys : sequence of str, optional
        Draw only these keys, in this order (default: all, in the table's order, or the
        ``max_lines`` largest when there are more).
    ax : matplotlib Axes, optional
        Where to draw (default: a new figure).
    title : str, optional
    min_n : int, optional
        A period whose ``n`` (the stories a tone's or a share's figure rests on) is below this
        is drawn hollow too: a net tone of 1.0 or a share of 100% from two stories is no swing;
        a period whose ``n`` is 0 is left out (a gap in the line). Default: 5 for a table with
        an ``n`` column (:func:`~media_analytics.reports.sentiment_mix`,
        :func:`~media_analytics.reports.share_of_voice`), else none.
    max_lines : int, default=10
        Without ``keys``, a table of more keys is drawn for its ``max_lines`` largest (by the
        sum of ``n``, else of ``articles``, else of ``value``), and a warning names how many
        were left out: 36 lines in ten colours, under a legend that hides them, read as none.

    Returns
    -------
    matplotlib.axes.Axes
        One line per key, labelled with it; a period the data hold only part of (``partial``)
        or that rests on fewer than ``min_n`` stories is a hollow marker, joined by a dotted
        line.

    Raises
    ------
    ValueError
        For a table without ``period``, a ``value`` it does not have, or a key it does not hold.

    Examples
    --------
    >>> from media_analytics.reports import records_to_frames, volume
    >>> data = records_to_frames([
    ...     {"id": "1", "published_at": "2024-11-04", "themes": [{"theme": "a"}]},
    ...     {"id": "2", "published_at": "2024-11-13", "themes": [{"theme": "a"}]}])
    >>> ax = plot_over_time(volume(data, "theme", "W"))  # doctest: +SKIP
    """
    if "period" not in table:
        raise ValueError(
            "plot_over_time draws a table over time (a period column): volume(data, by, 'W'), "
            "share_of_voice(..., period='W') or sentiment_mix(..., 'W')"
        )
    value = value or _default_value(table)
    if value not in table:
        raise ValueError(f"the table has no column {value!r}; it has {', '.join(table.columns)}")
    key = _key_column(table)
    if key is None:
        groups = [(value, table)]
    else:
        order = list(dict.fromkeys(table[key]))
        if keys is not None:
            missing = [k for k in keys if k not in order]
            if missing:
                raise ValueError(
                    f"no {key} {', '.join(map(repr, missing))} in the table; it holds "
                    f"{', '.join(map(str, order))}"
                )
            order = list(keys)
        elif len(order) > max_lines:
            size = next(c for c in ("n", "articles", value) if c in table)
            totals = pd.to_numeric(table[size], errors="coerce").groupby(table[key]).sum()
            largest = set(totals.sort_values(ascending=False, kind="stable").index[:max_lines])
            logger.warning(
                "drawing the %d largest of %d %ss by %s; pass keys=[...] to choose others",
                max_lines,
                len(order),
                key,
                size,
            )
            order = [k for k in order if k in largest]
        groups = [(str(k), table[table[key] == k]) for k in order]
    least = min_n if min_n is not None else (MIN_TONE_STORIES if "n" in table else 0)
    fig, ax = _axes(ax)
    part = None
    for n, (label, rows) in enumerate(groups):
        rows = rows.sort_values("period")
        x = pd.to_datetime(rows["period"]).to_numpy()
        y = pd.to_numeric(rows[value], errors="coerce").to_numpy(dtype=float)
        part = rows["partial"].astype(bool).to_numpy() if "partial" in rows else None
        empty = np.zeros(len(rows), dtype=bool)
        if "n" in rows:
            stories = pd.to_numeric(rows["n"], errors="coerce").fillna(0).to_numpy()
            # a period no story speaks to is a gap in the line, not a share or a tone of 0
            empty = stories == 0
            y = np.where(empty, np.nan, y)
            if least:
                thin = (stories < least) & ~empty
                part = thin if part is None else (part | thin) & ~empty
        color = PALETTE[n % len(PALETTE)]
        if part is None or not part.any():
            ax.plot(x, y, marker="o", markersize=4, color=color, label=label)
            continue
        whole = ~part
        # the whole periods as a solid line (broken where no story is); a period cut short
        # or resting on few stories hollow, joined dotted to its neighbours
        ax.plot(x[whole], y[whole], marker="o", markersize=4, color=color, label=label)
        for k in [k for k in range(len(x)) if part[k]]:
            near = [j for j in (k - 1, k + 1) if 0 <= j < len(x) and whole[j]]
            for j in near:
                ax.plot([x[j], x[k]], [y[j], y[k]], linestyle=":", color=color)
            ax.plot([x[k]], [y[k]], marker="o", markersize=5, color=color, fillstyle="none")
    ax.set_ylabel(value.replace("_", " "))
    if value == "share":
        from matplotlib.ticker import PercentFormatter

        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    if title:
        ax.set_title(title)
    if key is not None or part is not None:
        ax.legend(
            title=key if key is not None else None,
            fontsize="small",
            frameon=False,
            loc="best",
        )
    if fig is not None:
        fig.autofmt_xdate()
        fig.tight_layout()
    return ax


def plot_tone_mix(
    table: pd.DataFrame,
    *,
    key: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Draw :func:`~media_analytics.reports.sentiment_mix` as stacked bars of shares.

    Parameters
    ----------
    table : pandas.DataFrame
        ``sentiment_mix(data)`` (a bar per period), ``sentiment_mix(data, "actor", names=[...])``
        (a bar per actor) or, with ``key``, ``sentiment_mix(data, "actor", "W", names=[...])``
        (a bar per period of that actor).
    key : str, optional
        With a table by period and key: the key whose periods to draw.
    ax : matplotlib Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
        A bar per row, its positive, neutral and negative shares of the labelled stories
        (``n``) stacked; a row with no labelled story is an empty bar.

    Raises
    ------
    ValueError
        For a table without the three tones, or one by period and key without ``key``.
    """
    missing = [t for t in _TONES if t not in table]
    if missing:
        raise ValueError(
            f"plot_tone_mix draws sentiment_mix(...): the table has no {', '.join(missing)} column"
        )
    column = _key_column(table)
    if "period" in table and column is not None:
        if key is None:
            raise ValueError(
                f"the table has a row per period and {column}: give key= one {column} "
                f"({', '.join(map(str, list(dict.fromkeys(table[column]))[:5]))}, ...)"
            )
        rows = table[table[column] == key]
        if rows.empty:
            raise ValueError(f"no {column} {key!r} in the table")
        labels = [pd.Timestamp(p).strftime("%Y-%m-%d") for p in rows["period"]]
    elif "period" in table:
        rows = table
        labels = [pd.Timestamp(p).strftime("%Y-%m-%d") for p in rows["period"]]
    else:
        rows = table
        labels = [str(k) for k in rows[column]] if column is not None else [""] * len(rows)
    part = rows["partial"].astype(bool).tolist() if "partial" in rows else [False] * len(rows)
    counts = rows[list(_TONES)].to_numpy(dtype=float)
    totals = counts.sum(axis=1)
    shares = counts / totals.clip(min=1)[:, None]
    fig, ax = _axes(ax)
    bottom = [0.0] * len(rows)
    positions = list(range(len(rows)))
    for t, tone in enumerate(_TONES):
        bars = ax.bar(
            positions, shares[:, t], bottom=bottom, color=SENTIMENT_COLORS[tone], label=tone
        )
        for bar, cut in zip(bars, part, strict=True):
            if cut:  # a period the data hold only part of: lighter
                bar.set_alpha(0.45)
        bottom = [b + s for b, s in zip(bottom, shares[:, t], strict=True)]
    # long names side by side overlap ("Kemenkeu" over "Purbaya Yudhi Sadewa"): slanted
    many = len(rows) > 6 or sum(map(len, labels)) > 8 * len(rows)
    ax.set_xticks(positions, labels, rotation=45 if many else 0, ha="right" if many else "center")
    if len(rows) <= 24:  # how many stories each bar rests on: 14 is not 146
        for x, n in zip(positions, totals, strict=True):
            ax.text(x, 1.01, f"{int(n)}", ha="center", va="bottom", fontsize="x-small")
    from matplotlib.ticker import PercentFormatter

    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_ylabel("share of labelled stories (their number above each bar)")
    if any(part):
        ax.set_xlabel("lighter: a period the data hold only part of")
    ax.legend(fontsize="small", frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    if title:
        ax.set_title(title)
    if fig is not None:
        fig.tight_layout()
    return ax
