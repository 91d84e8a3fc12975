"""Spike detection on normalised attention, and what each spike was about.

Attention is normalised as Media Cloud does it: a theme's count in a period is read against all
stories in that period, so a busy news week does not look like a spike in every theme.

The test
--------
For theme *k* in period *t* with ``x`` stories out of ``N`` in the period, the baseline is the
``window`` periods before *t*, where the theme had ``x0`` of ``N0`` stories. The question is
whether the period's share ``x / N`` is higher than the baseline's, and the test is a one-sided
Fisher exact test of that 2x2 table: with ``x + x0`` theme stories among ``N + N0``, the p-value is
the hypergeometric probability that ``N`` stories drawn at random hold ``x`` or more of them.
Unlike a binomial test with the baseline share plugged in as if it were known, Fisher's test
allows for the baseline being estimated from a few hundred stories; the plug-in binomial flagged
spurious spikes on date-shuffled sample data, Fisher's did not.

A cell is tested when at least ``min_history`` of the previous ``window`` periods had stories.
p-values are adjusted with Benjamini–Hochberg across all tested (period, theme) cells, and a cell
is a spike when its adjusted q-value is at most ``alpha``, it has at least ``min_count`` stories
and its share is at least ``min_lift`` times the baseline share (smoothed,
``(x0 + 0.5) / (N0 + 1)``, so a theme absent from the baseline has a finite lift).

Provinces are tested the same way (``by="region"``): a story counts under the province of each
place, person or organisation it names, as in the stories-per-province table. So are regencies
and cities (``by="regency"``), as the stories-per-regency table counts them: a place that may be
either of two (``Semarang``) is its own key, ``Kabupaten Semarang or Kota Semarang``.

The family of tests
-------------------
Each dimension is its own family: the Benjamini–Hochberg adjustment runs over the tested
(period, key) cells of one dimension in the periods shown, themes among themselves, provinces
among themselves, regencies and cities among themselves, so adding a dimension changes no
q-value of another. Of regencies and cities a country's news names hundreds, most of them in a
story or two a period; a cell of one is tested only when the key has at least ``min_stories``
stories in the period and its baseline together (:func:`detect_spikes` sets it to its
``min_count``). The cells left out could make no spike (a spike needs ``min_count`` stories in
its period alone), and testing them would only raise the q-value of every other cell. The screen
reads ``x + x0``, the count Fisher's test conditions on, so under the null hypothesis it says
nothing of the p-value and the adjustment over the cells kept still holds its false-discovery
rate (independent filtering). Themes and provinces are few and keep every cell
(``min_stories=0``).

The baseline of a report's first periods lies before its range: when the data were read with
``records_to_frames(..., since=..., history_since=...)``, the earlier stories in
``data.history`` make the baseline of the periods shown (which alone are tested and adjusted),
so a report on one week tests it as the report on the whole input does.

Surges in volume
----------------
A jump in all coverage (polling day: 44 stories against about 8 a day) leaves every share as it
was, so the test above cannot see it. :func:`detect_surges` tests the count of all stories: with
``x`` stories in the period and ``x0`` in the ``k`` baseline periods, under equal rates
``x`` given ``x + x0`` is binomial with probability ``1 / (k + 1)`` (the exact conditional test
of two Poisson counts), one-sided, Benjamini–Hochberg adjusted across the periods tested. The
baseline periods are those of the ``window`` before that hold stories and are not cut short by
the data's range (a first week of two days is no quiet week); a period with no story at all
reads as a gap in the input, not as a quiet day. News volume varies more than a Poisson count,
so a surge also needs ``min_lift`` times the baseline's mean, not significance alone: twice it
for a day, whose baseline swings with the week (a Monday's four days before hold a weekend),
and 1.5 times for a week or a month (:data:`SURGE_LIFTS`).
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy.stats import binom, hypergeom

from ..preprocessing import load_stopwords, tokenize
from .frames import ReportData, _day_bound, _period_code, period_start
from .regions import NO_REGENCY, NO_REGION
from .tables import MIN_STORIES, keyed, partial_periods, period_grid, report_range, volume

__all__ = [
    "SCREENED_DIMENSIONS",
    "SPIKE_DIMENSIONS",
    "SURGE_LIFTS",
    "attention_tests",
    "baseline_periods",
    "benjamini_hochberg",
    "detect_spikes",
    "detect_surges",
    "explain_spike",
    "history_start",
    "volume_tests",
]

logger = logging.getLogger(__name__)

#: What the spike test can test, and the column naming the key: themes, provinces, and
#: regencies and cities.
SPIKE_DIMENSIONS = {"theme": "theme", "region": "province", "regency": "regency"}

#: The dimensions whose cells :func:`detect_spikes` (and a report's table of every cell) tests
#: only when the key has ``min_count`` stories in the period and its baseline together: the
#: hundreds of regencies and cities, most named in a story or two, would otherwise swell the
#: Benjamini–Hochberg family with cells that can make no spike.
SCREENED_DIMENSIONS = frozenset({"regency"})

#: The key of the stories naming no place of the dimension, which is no place to watch.
_UNPLACED = {"region": NO_REGION, "regency": NO_REGENCY}

#: The smallest ``articles / baseline_mean`` of a surge in volume, by period, unless
#: :func:`detect_surges` is given one. A day's needs more: on a feed of about a thousand stories
#: a day (CLICK-ID, September 2019) a Monday passes the test at 1.9x the four days before it,
#: two of them a weekend, and is no surge (``python bench/surges.py``).
SURGE_LIFTS = {"D": 2.0, "W": 1.5, "M": 1.5}

#: The dimension's keys in a sentence (``spike test of provinces: ...``).
_PLURALS = {"theme": "themes", "region": "provinces", "regency": "regencies and cities"}


def history_start(
    since: str | pd.Timestamp | None, period: str = "W", window: int = 4
) -> pd.Timestamp | None:
    """The first day of the ``window`` periods before the one ``since`` falls in: where the
    input a report from ``since`` on is made of must start for its first period to be tested
    against a full baseline (``records_to_frames(..., history_since=...)``; ``report --db``
    reads the database from that day). ``None`` without ``since``.

    >>> history_start("2024-11-27", "W").date(), history_start("2024-11-27", "M").date()
    (datetime.date(2024, 10, 28), datetime.date(2024, 7, 1))
    """
    day = _day_bound(since, "since")
    if day is None:
        return None
    return (pd.Period(day, freq=_period_code(period)) - window).start_time


def _shown_from(data: ReportData, period: str) -> pd.Timestamp | None:
    """The first period a report on ``data`` shows."""
    span = report_range(data)
    return None if span is None else period_start(pd.Series([span[0]]), period).iloc[0]


def _with_history(data: ReportData, period: str) -> tuple[ReportData, pd.Timestamp | None]:
    """``data`` with the stories of ``data.history`` that fall in the periods before its first
    one (those of the first period are neither shown nor part of the baseline: the period
    shown holds the days of the range only), and the first period shown; ``data`` itself
    when it has no history."""
    history = data.history
    first = _shown_from(data, period)
    if history is None or history.stories.empty or first is None:
        return data, None
    before = period_start(history.stories["date"], period) < first
    ids = set(history.stories.loc[before, "id"])

    def both(name: str, column: str = "id") -> pd.DataFrame:
        earlier = getattr(history, name)
        earlier = earlier[earlier[column].isin(ids)]
        return pd.concat([earlier, getattr(data, name)], ignore_index=True)

    since = history.filters.get("since") or history.stories["date"].min()
    combined = ReportData(
        stories=both("stories"),
        copies=both("copies", "story_id"),
        themes=both("themes"),
        actors=both("actors"),
        quotes=data.quotes,
        filters={**data.filters, "since": since},
        extent=data.extent,
    )
    return combined, first


def baseline_periods(data: ReportData, period: str = "W", window: int = 4) -> int:
    """How many of the ``window`` periods before the first one a report on ``data`` shows
    hold stories of ``data.history``: the earlier periods the input gave the spike test."""
    history = data.history
    first = _shown_from(data, period)
    if history is None or history.stories.empty or first is None:
        return 0
    starts = period_start(history.stories["date"], period)
    lo = history_start(first, period, window)
    return int(starts[(starts < first) & (starts >= lo)].nunique())


def periods_with_baseline(
    data: ReportData, period: str = "W", window: int = 4, min_history: int = 3
) -> int:
    """How many of the periods a report on ``data`` shows have the baseline the spike test
    asks of a cell (``min_history`` of the ``window`` periods before them holding stories, the
    input's earlier periods included) and stories of their own: when none is tested, whether
    the history or the stories per cell were too few."""
    tested_data, _ = _with_history(data, period)
    totals = volume(tested_data, None, period).set_index("period")["articles"]
    held = (totals.shift(1) > 0).astype(float).rolling(window, min_periods=1).sum()
    ready = (held.fillna(0) >= min_history) & (totals > 0)
    return int(ready[ready.index.isin(period_grid(data, period))].sum())


def benjamini_hochberg(p_values: Sequence[float] | np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (q-values), in the input order.

    >>> benjamini_hochberg([0.01, 0.04, 0.03]).round(3).tolist()
    [0.03, 0.04, 0.04]
    """
    p = np.asarray(p_values, dtype=float)
    m = len(p)
    if m == 0:
        return p
    order = np.argsort(p)
    ranked = p[order] * m / np.arange(1, m + 1)
    # q_(i) = min over j >= i of p_(j) * m / j, capped at 1
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    q = np.empty(m)
    q[order] = np.minimum(ranked, 1.0)
    return q


def attention_tests(
    data: ReportData,
    period: str = "W",
    *,
    themes: Sequence[str] | None = None,
    window: int = 4,
    min_history: int = 3,
    by: str = "theme",
    min_stories: int = 0,
) -> pd.DataFrame:
    """The spike test for every (period, theme), (period, province) or (period, regency or
    city) cell, before any threshold.

    Parameters
    ----------
    data : ReportData
        With ``data.history`` (see :func:`records_to_frames`), the periods before the first
        one shown make its baseline; only the periods of ``data`` are returned and tested.
    period : {"D", "W", "M"}
    themes : sequence of str, optional
        Test only these keys: themes, or with ``by="region"`` provinces, with ``by="regency"``
        regencies and cities (the denominator is still every story).
    window : int
        How many previous periods make the baseline.
    min_history : int
        Periods with stories the baseline needs before a cell is tested.
    by : {"theme", "region", "regency"}
        Test themes, provinces or regencies and cities (those of each place, person or
        organisation a story names, as :func:`~media_analytics.reports.tables.volume` counts
        them).
    min_stories : int
        Fewest stories the key needs in the period and its baseline together for the cell to
        be tested (and to enter the Benjamini–Hochberg family); see the module docstring.

    Returns
    -------
    pandas.DataFrame
        Columns ``period, theme, articles, total, share, baseline_articles, baseline_total,
        baseline_share, lift, p_value, q_value, tested`` (``province`` for ``theme`` with
        ``by="region"``, ``regency`` with ``by="regency"``); untested cells have NaN
        statistics. ``q_value`` is the Benjamini–Hochberg adjustment over all tested cells.
    """
    key = SPIKE_DIMENSIONS.get(by)
    if key is None:
        raise ValueError(f"unknown dimension {by!r}; use one of {', '.join(SPIKE_DIMENSIONS)}")
    tested_data, first = _with_history(data, period)
    vol = volume(tested_data, by, period, keys=themes)
    if by in _UNPLACED:  # the stories naming no province (regency) are no place to watch
        vol = vol[vol[key] != _UNPLACED[by]]
    frames = []
    for _, cells in vol.groupby(key, sort=True):
        cells = cells.sort_values("period").copy()
        past_x = cells["articles"].shift(1).rolling(window, min_periods=1).sum()
        past_n = cells["total"].shift(1).rolling(window, min_periods=1).sum()
        history = (cells["total"].shift(1) > 0).astype(float).rolling(window, min_periods=1).sum()
        cells["baseline_articles"] = past_x.fillna(0).astype(int)
        cells["baseline_total"] = past_n.fillna(0).astype(int)
        cells["tested"] = (
            (history.fillna(0) >= min_history)
            & (cells["total"] > 0)
            & (cells["articles"] + cells["baseline_articles"] >= min_stories)
        )
        frames.append(cells)
    columns = [
        "period", key, "articles", "total", "share", "baseline_articles", "baseline_total",
        "baseline_share", "lift", "p_value", "q_value", "tested",
    ]  # fmt: skip
    if not frames:
        return pd.DataFrame(columns=columns)
    out = pd.concat(frames, ignore_index=True)
    if first is not None:  # the periods shown: the earlier ones were the baseline only
        out = out[out["period"].isin(period_grid(data, period))].reset_index(drop=True)
    x, n = out["articles"], out["total"]
    x0, n0 = out["baseline_articles"], out["baseline_total"]
    out["baseline_share"] = ((x0 + 0.5) / (n0 + 1)).where(out["tested"])
    out["lift"] = out["share"] / out["baseline_share"]
    # One-sided Fisher exact test: P(X >= x), X ~ Hypergeometric(population N + N0,
    # successes x + x0, draws N).
    out["p_value"] = np.where(out["tested"], hypergeom.sf(x - 1, n + n0, x + x0, n), np.nan)
    out["q_value"] = np.nan
    tested = out["tested"].to_numpy()
    out.loc[tested, "q_value"] = benjamini_hochberg(out.loc[tested, "p_value"].to_numpy())
    return out[columns].sort_values(["period", key]).reset_index(drop=True)


def detect_spikes(
    data: ReportData,
    period: str = "W",
    *,
    themes: Sequence[str] | None = None,
    window: int = 4,
    min_history: int = 3,
    alpha: float = 0.01,
    min_count: int = MIN_STORIES,
    min_lift: float = 1.5,
    n_articles: int = 3,
    n_terms: int = 6,
    by: str = "theme",
) -> pd.DataFrame:
    """Periods in which a theme's (or a province's, a regency's or city's) share of all stories
    jumped above its rolling baseline.

    The test is described in the module docstring: a one-sided Fisher exact test of the period's
    count and total against the baseline window's, Benjamini–Hochberg adjusted across all tested
    (period, key) cells of the dimension. Regencies and cities (:data:`SCREENED_DIMENSIONS`) are
    tested in a period only when they have ``min_count`` stories in it and its baseline
    together.

    Parameters
    ----------
    data : ReportData
        With ``data.history``, the baseline of the first periods (see
        :func:`attention_tests`).
    period : {"D", "W", "M"}
    themes : sequence of str, optional
        Look for spikes in these themes only (provinces, with ``by="region"``; regencies and
        cities, with ``by="regency"``).
    window, min_history : int
        The baseline: the previous ``window`` periods, at least ``min_history`` with stories.
    alpha : float
        False-discovery rate: spikes have ``q_value <= alpha``.
    min_count : int
        Fewest stories a spike can have; with ``by="regency"`` also the fewest a regency or
        city needs in the period and its baseline together to be tested.
    min_lift : float
        Smallest ``share / baseline_share`` a spike can have.
    n_articles, n_terms : int
        How many articles and terms explain each spike.
    by : {"theme", "region", "regency"}
        Spikes of themes, provinces, or regencies and cities (see :func:`attention_tests`).

    Returns
    -------
    pandas.DataFrame
        The spike cells of :func:`attention_tests`, most significant first, plus
        ``top_articles``, ``top_terms`` and ``outlets`` (see :func:`explain_spike`).
    """
    tests = attention_tests(
        data,
        period,
        themes=themes,
        window=window,
        min_history=min_history,
        by=by,
        min_stories=min_count if by in SCREENED_DIMENSIONS else 0,
    )
    key = SPIKE_DIMENSIONS[by]
    spikes = tests[
        tests["tested"]
        & (tests["q_value"] <= alpha)
        & (tests["articles"] >= min_count)
        & (tests["lift"] >= min_lift)
    ].drop(columns="tested")
    spikes = spikes.sort_values(["p_value", "period", key]).reset_index(drop=True)
    explained = [
        explain_spike(data, key_value, start, period, n_articles=n_articles, n_terms=n_terms, by=by)
        for key_value, start in zip(spikes[key], spikes["period"], strict=True)
    ]
    for name in ("top_articles", "top_terms", "outlets"):
        spikes[name] = [e[name] for e in explained]
    logger.info(
        "spike test of %s: %d cell(s) tested, %d spike(s) at q <= %s",
        _PLURALS[by],
        int(tests["tested"].sum()),
        len(spikes),
        alpha,
    )
    return spikes


def volume_tests(
    data: ReportData, period: str = "W", *, window: int = 4, min_history: int = 3
) -> pd.DataFrame:
    """The surge test of every period's count of all stories, before any threshold (see
    "Surges in volume" in the module docstring).

    Returns
    -------
    pandas.DataFrame
        Columns ``period, partial, articles, baseline_articles, baseline_periods,
        baseline_mean, lift, p_value, q_value, tested``, one row per period shown;
        ``baseline_periods`` counts the periods the baseline is made of (those of the
        ``window`` before holding stories and not cut short), ``baseline_mean`` is their mean
        and ``lift = articles / baseline_mean``. A period is tested when it holds stories and
        has ``min_history`` baseline periods; untested periods have NaN statistics.

    Examples
    --------
    >>> from media_analytics.reports import records_to_frames
    >>> days = [f"2024-11-{d}" for d in range(18, 27) for _ in range(5)] + ["2024-11-27"] * 40
    >>> data = records_to_frames(
    ...     [{"id": str(i), "published_at": day} for i, day in enumerate(days)]
    ... )
    >>> t = volume_tests(data, "D")
    >>> last = t.iloc[-1]
    >>> int(last["articles"]), float(last["baseline_mean"]), float(last["lift"])
    (40, 5.0, 8.0)
    >>> bool(last["q_value"] < 0.01)
    True
    """
    tested_data, first = _with_history(data, period)
    counts = volume(tested_data, None, period)[["period", "articles"]]
    cut = set(partial_periods(tested_data, period)) | set(partial_periods(data, period))
    counts["partial"] = counts["period"].isin(cut)
    usable = (counts["articles"] > 0) & ~counts["partial"]
    past_x = counts["articles"].where(usable, 0).shift(1).rolling(window, min_periods=1).sum()
    past_k = usable.astype(float).shift(1).rolling(window, min_periods=1).sum()
    counts["baseline_articles"] = past_x.fillna(0).astype(int)
    counts["baseline_periods"] = past_k.fillna(0).astype(int)
    counts["tested"] = (counts["baseline_periods"] >= min_history) & (counts["articles"] > 0)
    if first is not None:  # the periods shown: the earlier ones were the baseline only
        counts = counts[counts["period"].isin(period_grid(data, period))]
    out = counts.reset_index(drop=True)
    x, x0, k = out["articles"], out["baseline_articles"], out["baseline_periods"]
    out["baseline_mean"] = (x0 / k.where(k > 0)).where(out["tested"])
    out["lift"] = x / out["baseline_mean"]
    # P(X >= x), X ~ Binomial(x + x0, 1 / (k + 1)): the period's part of the stories of the
    # period and its baseline together, were the rate the same in every one of them
    out["p_value"] = np.where(out["tested"], binom.sf(x - 1, x + x0, 1 / (k + 1)), np.nan)
    out["q_value"] = np.nan
    tested = out["tested"].to_numpy()
    out.loc[tested, "q_value"] = benjamini_hochberg(out.loc[tested, "p_value"].to_numpy())
    columns = [
        "period", "partial", "articles", "baseline_articles", "baseline_periods",
        "baseline_mean", "lift", "p_value", "q_value", "tested",
    ]  # fmt: skip
    return out[columns]


def detect_surges(
    data: ReportData,
    period: str = "W",
    *,
    window: int = 4,
    min_history: int = 3,
    alpha: float = 0.01,
    min_count: int = MIN_STORIES,
    min_lift: float | None = None,
    n_articles: int = 3,
    n_terms: int = 6,
) -> pd.DataFrame:
    """Periods in which the number of all stories jumped above its rolling baseline (polling
    day, a disaster): what :func:`detect_spikes`, which reads shares, cannot see.

    Parameters
    ----------
    data : ReportData
        With ``data.history``, the baseline of the first periods (see :func:`attention_tests`).
    period : {"D", "W", "M"}
    window, min_history : int
        The baseline: of the previous ``window`` periods, those holding stories and not cut
        short, at least ``min_history`` of them.
    alpha : float
        False-discovery rate: surges have ``q_value <= alpha``.
    min_count : int
        Fewest stories a surge can have.
    min_lift : float, optional
        Smallest ``articles / baseline_mean`` a surge can have; by default the period's of
        :data:`SURGE_LIFTS` (see the module docstring).
    n_articles, n_terms : int
        How many articles and terms explain each surge.

    Returns
    -------
    pandas.DataFrame
        The surge rows of :func:`volume_tests`, most significant first, plus ``top_articles``,
        ``top_terms`` and ``outlets`` (as :func:`explain_spike` gives them, of all the period's
        stories).
    """
    tests = volume_tests(data, period, window=window, min_history=min_history)
    if min_lift is None:
        min_lift = SURGE_LIFTS[_period_code(period)]
    surges = tests[
        tests["tested"]
        & (tests["q_value"] <= alpha)
        & (tests["articles"] >= min_count)
        & (tests["lift"] >= min_lift)
    ].drop(columns="tested")
    surges = surges.sort_values(["p_value", "period"]).reset_index(drop=True)
    starts = period_start(data.stories["date"], period)
    explained = [
        _explain(data, set(data.stories.loc[starts == start, "id"]), None, n_articles, n_terms)
        for start in surges["period"]
    ]
    for name in ("top_articles", "top_terms", "outlets"):
        surges[name] = [e[name] for e in explained]
    logger.info(
        "surge test of all stories: %d period(s) tested, %d surge(s) at q <= %s",
        int(tests["tested"].sum()),
        len(surges),
        alpha,
    )
    return surges


def explain_spike(
    data: ReportData,
    theme: str,
    start: pd.Timestamp,
    period: str = "W",
    *,
    n_articles: int = 3,
    n_terms: int = 6,
    by: str = "theme",
) -> dict[str, str]:
    """What a (theme, period) spike was about; with ``by="region"`` (``"regency"``), ``theme``
    is a province (a regency or city) and the stories are those naming a place, person or
    organisation of it.

    Returns
    -------
    dict
        ``top_articles``: the most syndicated, then highest-scoring stories, then those whose
        title and evidence hold most of the top terms (a province has no score), as ``"title
        (outlet, N outlets)"`` joined by ``" | "``; ``top_terms``: words of the stories'
        titles and theme evidence that are most over-represented against all other stories,
        ranked by ``df * log(lift)``; ``outlets``: outlets that carried the stories, each with
        the number of them it carried.
    """
    if by not in SPIKE_DIMENSIONS:
        raise ValueError(f"unknown dimension {by!r}; use one of {', '.join(SPIKE_DIMENSIONS)}")
    pairs = keyed(data, by)
    starts = period_start(pairs["date"], period)
    ids = set(pairs.loc[(pairs["key"] == theme) & (starts == start), "id"])
    # a province or regency has no score: by outlets, then date
    return _explain(data, ids, theme if by == "theme" else None, n_articles, n_terms)


def _explain(
    data: ReportData, ids: set[str], theme: str | None, n_articles: int, n_terms: int
) -> dict[str, str]:
    """:func:`explain_spike`'s answer for the stories ``ids``, the most syndicated first, then
    (with a ``theme``) the highest-scoring on it, then those whose words are most the spike's
    (its top terms in their title and evidence), then the earliest."""
    if not ids:
        return {"top_articles": "", "top_terms": "", "outlets": ""}
    terms = _story_terms(data)
    top_terms = _top_terms(data, ids, max(n_terms, _TYPICAL_TERMS), terms)
    # a surge of all news has no theme score: without the terms, the ids' order chose its
    # headlines (a 2019 gadget story heading polling day's)
    weight = {w: len(top_terms) - k for k, w in enumerate(top_terms)}
    stories = data.stories[data.stories["id"].isin(ids)]
    scores = data.themes[(data.themes["theme"] == theme) & data.themes["id"].isin(ids)]
    stories = stories.merge(scores[["id", "score"]], on="id", how="left")
    stories = stories.assign(
        typical=[sum(weight.get(w, 0) for w in terms.get(i, ())) for i in stories["id"]]
    )
    stories = stories.sort_values(
        ["n_outlets", "score", "typical", "date", "id"],
        ascending=[False, False, False, True, True],
    )
    top = [
        # the stories are joined by " | ": one inside a headline ("[POPULER] A | B") becomes " / "
        f"{str(r.title).replace(' | ', ' / ')} ({r.source}"
        + (f", {r.n_outlets} outlets)" if r.n_outlets > 1 else ")")
        for r in stories.head(n_articles).itertuples()
    ]
    # each outlet with the number of these stories it carried (a story an outlet published
    # twice, a correction under a new URL, counts once: the counts are of stories, as the
    # period's are)
    copies = data.copies[data.copies["story_id"].isin(ids)]
    carried = copies.groupby("source")["story_id"].nunique()
    carried = carried.sort_index().sort_values(ascending=False, kind="stable")
    outlets = ", ".join(f"{name} ({count})" for name, count in carried.items())
    return {
        "top_articles": " | ".join(top),
        "top_terms": ", ".join(top_terms[:n_terms]),
        "outlets": outlets,
    }


#: How many of a spike's top terms weigh which of its stories stand for it.
_TYPICAL_TERMS = 10


def _story_terms(data: ReportData) -> dict[str, set[str]]:
    """Each story's terms: title words and theme evidence, stopwords and numbers dropped."""
    stop = load_stopwords()
    evidence = data.themes.groupby("id")["evidence"].agg(lambda s: "; ".join(s))
    terms: dict[str, set[str]] = {}
    for story_id, title in zip(data.stories["id"], data.stories["title"], strict=True):
        words = set(tokenize(title or ""))
        for phrase in str(evidence.get(story_id, "")).split(";"):
            words.update(tokenize(phrase))
        terms[story_id] = {w for w in words if len(w) > 2 and not w.isdigit() and w not in stop}
    return terms


def _top_terms(
    data: ReportData, ids: set[str], n: int, terms: dict[str, set[str]] | None = None
) -> list[str]:
    if terms is None:
        terms = _story_terms(data)
    inside: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    for story_id, words in terms.items():
        (inside if story_id in ids else outside).update(words)
    n_in, n_out = len(ids), max(len(terms) - len(ids), 0)
    ranked = []
    for word, df in inside.items():
        if df < 2 and n_in > 1:
            continue  # one story's word does not describe a spike
        lift = ((df + 0.5) / (n_in + 1)) / ((outside[word] + 0.5) / (n_out + 1))
        if lift > 1:
            ranked.append((-df * math.log(lift), word))
    return [word for _, word in sorted(ranked)[:n]]
