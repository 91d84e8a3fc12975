"""The analyst's own names for topics: a topic renamed, two topics merged under one name."""

from __future__ import annotations

import csv
import dataclasses
import logging
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .frames import ReportData

logger = logging.getLogger(__name__)

__all__ = ["name_topics", "read_topic_names"]


def read_topic_names(path: str | Path) -> dict[int, str]:
    """Topic id -> name from a CSV with the columns ``topic_id,name`` (a header line).

    Two ids given one name are merged in the reports (:func:`name_topics`). A row whose
    ``topic_id`` is not a whole number, or with no name, raises ``ValueError`` naming its line.
    """
    names: dict[int, str] = {}
    with Path(path).open(newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        missing = {"topic_id", "name"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: needs the columns topic_id,name (missing {sorted(missing)})")
        for line, row in enumerate(reader, start=2):
            raw, name = (row.get("topic_id") or "").strip(), (row.get("name") or "").strip()
            try:
                tid = int(raw)
            except ValueError:
                where = f"{path}, line {line}"
                raise ValueError(f"{where}: topic_id {raw!r} is not a topic id") from None
            if not name:
                raise ValueError(f"{path}, line {line}: topic {tid} has no name")
            names[tid] = name
    return names


def name_topics(
    data: ReportData, names: Mapping[int, str], model_version: str | None = None
) -> ReportData:
    """``data`` with its topics named: each topic id in ``names`` gets that label, and topics
    given one name become one topic, under the smallest of their ids (``3: Banjir`` for 3 and 7
    named ``Banjir``). Topics not in ``names`` keep their id and label.

    A topic id means something only within the model that gave it, so the names apply to the
    stories of one model version: ``model_version``, or, when the stories with a topic were
    scored by several, the version that scored the latest of them (a warning says how many
    stories of other versions kept their topics unnamed: topic 0 of one model is not topic 0
    of another).
    """
    if not names:
        return data
    stories = data.stories.copy()
    first: dict[str, int] = {}
    for tid, name in sorted(names.items()):
        first.setdefault(name, int(tid))
    ids = pd.to_numeric(stories["topic_id"], errors="coerce")
    named = ids.map(lambda t: names.get(int(t)) if pd.notna(t) else None)
    version = stories["model_version"].fillna("").astype(str)
    topical = ids.notna()
    versions = set(version[topical])
    if model_version is None and len(versions) > 1:
        latest = (
            stories[topical].assign(version=version).sort_values(["date", "version"], kind="stable")
        )
        model_version = str(latest["version"].iloc[-1])
    if model_version is not None:
        others = topical & (version != model_version)
        if others.any():
            logger.warning(
                "topic names apply to the topics of model %s (%d stories); the %d stories "
                "scored by %s keep their own topics unnamed: a topic id means something only "
                "within its model",
                model_version or "(not recorded)",
                int((topical & ~others).sum()),
                int(others.sum()),
                ", ".join(sorted(v or "(not recorded)" for v in versions - {model_version})),
            )
        named = named.where(~others)
    hit = named.notna()
    stories.loc[hit, "topic_label"] = named[hit]
    stories.loc[hit, "topic_id"] = named[hit].map(first)
    return dataclasses.replace(data, stories=stories)
