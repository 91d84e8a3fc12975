"""How a fitted topic model reads a set of articles: sizes, coherence, diversity, and agreement
with categories the articles already carry (the evaluation kit's ``evaluate topics``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .metrics import category_nmi, npmi_coherence, topic_diversity
from .model import NO_TOPIC_LABEL

__all__ = ["TopicEvaluation", "evaluate_topic_assignments"]


@dataclass(frozen=True)
class TopicEvaluation:
    """What :func:`evaluate_topic_assignments` found.

    Attributes
    ----------
    table : DataFrame
        One row per topic the articles fell into (``-1``, no clear topic, included), largest
        first: ``label``, ``articles``, ``share``, ``npmi`` (coherence of its top 10 terms on
        these articles), and with categories ``top_category`` and ``purity`` (the share of its
        articles in that category).
    n_articles : int
    assigned : float
        Share of articles given a topic (not ``-1``).
    npmi : float
        Mean coherence of the topics the articles fell into, weighted by their articles.
    diversity : float
        Share of distinct terms among the top 25 terms of the model's topics.
    nmi : float or None
        Normalised mutual information between topics and categories (``None`` without them).
    n_categorised : int
        Articles that carried a category.
    """

    table: pd.DataFrame
    n_articles: int
    assigned: float
    npmi: float
    diversity: float
    nmi: float | None
    n_categorised: int

    def to_dict(self) -> dict[str, Any]:
        table = self.table.astype(object).where(self.table.notna(), None)
        return {
            "articles": self.n_articles,
            "assigned": round(self.assigned, 4),
            "npmi": None if np.isnan(self.npmi) else round(self.npmi, 4),
            "diversity": round(self.diversity, 4),
            "category_nmi": None if self.nmi is None else round(self.nmi, 4),
            "categorised": self.n_categorised,
            "topics": table.reset_index().to_dict(orient="records"),
        }


def evaluate_topic_assignments(
    model: Any,
    topic_ids: Sequence[int],
    tokens: Sequence[str],
    categories: Sequence[Any] | None = None,
) -> TopicEvaluation:
    """Measure how a fitted ``TopicModel`` reads a set of articles.

    Parameters
    ----------
    model : TopicModel
        Fitted (``topic_ids_``, ``topic_stems_``, ``topic_labels_``).
    topic_ids : sequence of int
        The topic of each article (``-1``: none), as the scored records give it.
    tokens : sequence of str
        Each article's tokens as the model reads them (space-joined stems).
    categories : sequence, optional
        A category per article (an outlet's section, an analyst's code); ``None`` or NaN where
        it has none.
    """
    ids = np.asarray(topic_ids, dtype=int)
    if len(ids) != len(tokens):
        raise ValueError(f"got {len(ids)} topic ids but {len(tokens)} token documents")
    if not len(ids):
        raise ValueError("no articles to evaluate topics on")
    stems = {int(t): list(s) for t, s in zip(model.topic_ids_, model.topic_stems_, strict=True)}
    labels = {
        int(t): str(lab) for t, lab in zip(model.topic_ids_, model.topic_labels_, strict=True)
    }
    labels[-1] = NO_TOPIC_LABEL
    present = sorted(set(ids.tolist()), key=lambda t: (-int((ids == t).sum()), t))
    coherent = [t for t in present if t in stems]
    scores: Any = npmi_coherence([stems[t] for t in coherent], tokens) if coherent else []
    npmi = dict(zip(coherent, (float(s) for s in scores), strict=True))
    rows: list[dict[str, Any]] = []
    for t in present:
        n = int((ids == t).sum())
        rows.append(
            {
                "topic": t,
                "label": labels.get(t, str(t)),
                "articles": n,
                "share": n / len(ids),
                "npmi": npmi.get(t, np.nan),
            }
        )
    table = pd.DataFrame(rows).set_index("topic")
    nmi = None
    n_categorised = 0
    if categories is not None:
        cats = pd.Series(list(categories), dtype=object)
        if len(cats) != len(ids):
            raise ValueError(f"got {len(ids)} topic ids but {len(cats)} categories")
        known = cats.notna() & (cats.astype(str).str.strip() != "")
        n_categorised = int(known.sum())
        if n_categorised:
            nmi = category_nmi(ids[known.to_numpy()], cats[known].astype(str).to_numpy())
            frame = pd.DataFrame(
                {"topic": ids[known.to_numpy()], "category": cats[known].astype(str)}
            )
            counts = frame.groupby(["topic", "category"]).size()
            top = counts.groupby(level=0).idxmax().map(lambda k: k[1])
            purity = counts.groupby(level=0).max() / counts.groupby(level=0).sum()
            table["top_category"] = top.reindex(table.index)
            table["purity"] = purity.reindex(table.index)
    weights = table["articles"].where(table["npmi"].notna(), 0)
    mean_npmi = (
        float(np.average(table["npmi"].fillna(0), weights=weights)) if weights.sum() else np.nan
    )
    return TopicEvaluation(
        table=table,
        n_articles=len(ids),
        assigned=float((ids != -1).mean()),
        npmi=mean_npmi,
        diversity=topic_diversity(list(stems.values())),
        nmi=nmi,
        n_categorised=n_categorised,
    )
