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
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy.stats import hypergeom

from ..preprocessing import load_stopwords, tokenize
from .frames import ReportData, period_start
from .tables import volume

__all__ = ["attention_tests", "benjamini_hochberg", "detect_spikes", "explain_spike"]

logger = logging.getLogger(__name__)


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
) -> pd.DataFrame:
    """The spike test for every (period, theme) cell, before any threshold.

    Parameters
    ----------
    data : ReportData
    period : {"D", "W", "M"}
    themes : sequence of str, optional
        Test only these themes (the denominator is still every story).
    window : int
        How many previous periods make the baseline.
    min_history : int
        Periods with stories the baseline needs before a cell is tested.

    Returns
    -------
    pandas.DataFrame
        Columns ``period, theme, articles, total, share, baseline_articles, baseline_total,
        baseline_share, lift, p_value, q_value, tested``; untested cells have NaN statistics.
        ``q_value`` is the Benjamini–Hochberg adjustment over all tested cells.
    """
    vol = volume(data, "theme", period, keys=themes)
    frames = []
    for _, cells in vol.groupby("theme", sort=True):
        cells = cells.sort_values("period").copy()
        past_x = cells["articles"].shift(1).rolling(window, min_periods=1).sum()
        past_n = cells["total"].shift(1).rolling(window, min_periods=1).sum()
        history = (cells["total"].shift(1) > 0).astype(float).rolling(window, min_periods=1).sum()
        cells["baseline_articles"] = past_x.fillna(0).astype(int)
        cells["baseline_total"] = past_n.fillna(0).astype(int)
        cells["tested"] = (history.fillna(0) >= min_history) & (cells["total"] > 0)
        frames.append(cells)
    columns = [
        "period", "theme", "articles", "total", "share", "baseline_articles", "baseline_total",
        "baseline_share", "lift", "p_value", "q_value", "tested",
    ]  # fmt: skip
    if not frames:
        return pd.DataFrame(columns=columns)
    out = pd.concat(frames, ignore_index=True)
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
    return out[columns].sort_values(["period", "theme"]).reset_index(drop=True)


def detect_spikes(
    data: ReportData,
    period: str = "W",
    *,
    themes: Sequence[str] | None = None,
    window: int = 4,
    min_history: int = 3,
    alpha: float = 0.01,
    min_count: int = 5,
    min_lift: float = 1.5,
    n_articles: int = 3,
    n_terms: int = 6,
) -> pd.DataFrame:
    """Periods in which a theme's share of all stories jumped above its rolling baseline.

    The test is described in the module docstring: a one-sided Fisher exact test of the period's
    count and total against the baseline window's, Benjamini–Hochberg adjusted across all tested
    (period, theme) cells.

    Parameters
    ----------
    data : ReportData
    period : {"D", "W", "M"}
    themes : sequence of str, optional
        Look for spikes in these themes only.
    window, min_history : int
        The baseline: the previous ``window`` periods, at least ``min_history`` with stories.
    alpha : float
        False-discovery rate: spikes have ``q_value <= alpha``.
    min_count : int
        Fewest stories a spike can have.
    min_lift : float
        Smallest ``share / baseline_share`` a spike can have.
    n_articles, n_terms : int
        How many articles and terms explain each spike.

    Returns
    -------
    pandas.DataFrame
        The spike cells of :func:`attention_tests`, most significant first, plus
        ``top_articles``, ``top_terms`` and ``outlets`` (see :func:`explain_spike`).
    """
    tests = attention_tests(data, period, themes=themes, window=window, min_history=min_history)
    spikes = tests[
        tests["tested"]
        & (tests["q_value"] <= alpha)
        & (tests["articles"] >= min_count)
        & (tests["lift"] >= min_lift)
    ].drop(columns="tested")
    spikes = spikes.sort_values(["p_value", "period", "theme"]).reset_index(drop=True)
    explained = [
        explain_spike(data, row.theme, row.period, period, n_articles=n_articles, n_terms=n_terms)
        for row in spikes.itertuples()
    ]
    for name in ("top_articles", "top_terms", "outlets"):
        spikes[name] = [e[name] for e in explained]
    logger.info(
        "spike test: %d cell(s) tested, %d spike(s) at q <= %s",
        int(tests["tested"].sum()),
        len(spikes),
        alpha,
    )
    return spikes


def explain_spike(
    data: ReportData,
    theme: str,
    start: pd.Timestamp,
    period: str = "W",
    *,
    n_articles: int = 3,
    n_terms: int = 6,
) -> dict[str, str]:
    """What a (theme, period) spike was about.

    Returns
    -------
    dict
        ``top_articles``: the most syndicated, then highest-scoring stories, as
        ``"title (outlet, N outlets)"`` joined by ``" | "``; ``top_terms``: words of the stories'
        titles and theme evidence that are most over-represented against all other stories,
        ranked by ``df * log(lift)``; ``outlets``: outlets that carried the stories, with counts.
    """
    starts = period_start(data.themes["date"], period)
    ids = set(data.themes.loc[(data.themes["theme"] == theme) & (starts == start), "id"])
    if not ids:
        return {"top_articles": "", "top_terms": "", "outlets": ""}
    stories = data.stories[data.stories["id"].isin(ids)]
    scores = data.themes[(data.themes["theme"] == theme) & data.themes["id"].isin(ids)]
    stories = stories.merge(scores[["id", "score"]], on="id", how="left")
    stories = stories.sort_values(
        ["n_outlets", "score", "date", "id"], ascending=[False, False, True, True]
    )
    top = [
        # the stories are joined by " | ": one inside a headline ("[POPULER] A | B") becomes " / "
        f"{str(r.title).replace(' | ', ' / ')} ({r.source}"
        + (f", {r.n_outlets} outlets)" if r.n_outlets > 1 else ")")
        for r in stories.head(n_articles).itertuples()
    ]
    carried = data.copies[data.copies["story_id"].isin(ids)]["source"].value_counts()
    carried = carried.sort_index().sort_values(ascending=False, kind="stable")
    outlets = ", ".join(f"{name} ({count})" for name, count in carried.items())
    return {
        "top_articles": " | ".join(top),
        "top_terms": ", ".join(_top_terms(data, ids, n_terms)),
        "outlets": outlets,
    }


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


def _top_terms(data: ReportData, ids: set[str], n: int) -> list[str]:
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
