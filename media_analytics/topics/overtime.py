"""Topic counts and shares per period and per outlet, as tidy DataFrames for reports."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["NO_TOPIC_LABEL", "topics_over_time", "topics_per_source"]

logger = logging.getLogger(__name__)

NO_TOPIC_LABEL = "(no clear topic)"
"""Label shown for topic id ``-1``."""


def _label_column(topics: pd.Series, labels: Mapping[int, str] | None) -> pd.Series:
    names = dict(labels or {})
    names.setdefault(-1, NO_TOPIC_LABEL)
    return topics.map(lambda t: names.get(int(t), ""))


def _table(
    frame: pd.DataFrame,
    keys: list[str],
    labels: Mapping[int, str] | None,
    periods: pd.PeriodIndex | None = None,
) -> pd.DataFrame:
    """Counts per (keys, topic) with zeros filled in, and each topic's share within its keys.

    Every combination of the keys' values and the topics gets a row: the ``period`` key takes
    ``periods`` (all periods of the range, those without articles too), the others the values
    seen. A share where the keys hold no article is 0."""
    counts = frame.groupby([*keys, "topic"], observed=True).size()
    levels = [
        periods if k == "period" and periods is not None else sorted(frame[k].unique())
        for k in keys
    ]
    index = pd.MultiIndex.from_product(
        [*levels, sorted(frame["topic"].unique())], names=[*keys, "topic"]
    )
    full = counts.reindex(index, fill_value=0).rename("count").reset_index()
    totals = full.groupby(keys, observed=True)["count"].transform("sum")
    full["count"] = full["count"].astype("int64")
    full["share"] = (full["count"] / totals.where(totals > 0)).fillna(0.0).astype("float64")
    full["label"] = _label_column(full["topic"], labels)
    full = full.sort_values([*keys, "topic"], kind="stable").reset_index(drop=True)
    return full[[*keys, "topic", "label", "count", "share"]]


def topics_over_time(
    topic_ids: Any,
    dates: Any,
    freq: str = "W",
    *,
    sources: Any = None,
    labels: Mapping[int, str] | None = None,
) -> pd.DataFrame:
    """Articles per topic and period (optionally per outlet too), with each topic's share.

    Parameters
    ----------
    topic_ids : array-like of int
        Topic of each article (``-1``: no clear topic, kept as a row so shares add up to 1).
    dates : array-like
        Publication date of each article (anything ``pandas.to_datetime`` reads, ISO dates in
        particular). Articles without a readable date are left out and counted in the log.
    freq : str, default="W"
        Period length, a pandas period alias: ``"D"``, ``"W"`` (weeks ending Sunday), ``"M"``.
    sources : array-like of str, optional
        Outlet of each article; when given, counts and shares are per outlet and period.
    labels : mapping of int to str, optional
        Topic id -> label, for a ``label`` column (``TopicModel.topic_label_map()``).

    Returns
    -------
    DataFrame
        Columns ``period`` (pandas Period), [``source``], ``topic``, ``label``, ``count`` and
        ``share`` (of the articles in that period [and outlet]). Every topic seen anywhere gets a
        row in every period from the first article's to the last's [and for every outlet], with
        count 0 (and share 0) when absent, periods without any article included, so the frame
        plots and pivots directly and a quiet week is a zero, not a gap.

    Examples
    --------
    >>> t = topics_over_time([0, 1, 1, -1], ["2024-10-14", "2024-10-15", "2024-10-21",
    ...                      "2024-10-22"], labels={0: "pilkada, tps", 1: "banjir"})
    >>> t.drop(columns="label")
                      period  topic  count  share
    0  2024-10-14/2024-10-20     -1      0    0.0
    1  2024-10-14/2024-10-20      0      1    0.5
    2  2024-10-14/2024-10-20      1      1    0.5
    3  2024-10-21/2024-10-27     -1      1    0.5
    4  2024-10-21/2024-10-27      0      0    0.0
    5  2024-10-21/2024-10-27      1      1    0.5
    """
    topics = np.asarray(topic_ids, dtype=np.int64)
    when = pd.to_datetime(pd.Series(list(dates)), errors="coerce", format="mixed")
    if len(when) != topics.size:
        raise ValueError(f"got {topics.size} topic ids but {len(when)} dates")
    frame = pd.DataFrame({"topic": topics, "date": when})
    keys = ["period"]
    if sources is not None:
        src = pd.Series(list(sources), dtype="object")
        if len(src) != topics.size:
            raise ValueError(f"got {topics.size} topic ids but {len(src)} sources")
        frame["source"] = src.fillna("(unknown)").astype(str).to_numpy()
        keys.append("source")
    missing = int(frame["date"].isna().sum())
    if missing:
        logger.warning("topics_over_time: %d article(s) without a readable date left out", missing)
        frame = frame[frame["date"].notna()]
    frame["period"] = frame["date"].dt.to_period(freq)
    periods = (
        pd.period_range(frame["period"].min(), frame["period"].max(), freq=freq)
        if len(frame)
        else None
    )
    return _table(frame, keys, labels, periods)


def topics_per_source(
    topic_ids: Any, sources: Any, *, labels: Mapping[int, str] | None = None
) -> pd.DataFrame:
    """Articles per outlet and topic, with the topic's share of that outlet's articles.

    >>> topics_per_source([0, 0, 1], ["kompas", "tempo", "tempo"])[["source", "topic", "share"]]
       source  topic  share
    0  kompas      0    1.0
    1  kompas      1    0.0
    2   tempo      0    0.5
    3   tempo      1    0.5
    """
    topics = np.asarray(topic_ids, dtype=np.int64)
    src = pd.Series(list(sources), dtype="object")
    if len(src) != topics.size:
        raise ValueError(f"got {topics.size} topic ids but {len(src)} sources")
    frame = pd.DataFrame({"topic": topics, "source": src.fillna("(unknown)").astype(str)})
    return _table(frame, ["source"], labels)
