"""The analyst's own names for topics: a topic renamed, two topics merged under one name."""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .frames import ReportData

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


def name_topics(data: ReportData, names: Mapping[int, str]) -> ReportData:
    """``data`` with its topics named: each topic id in ``names`` gets that label, and topics
    given one name become one topic, under the smallest of their ids (``3: Banjir`` for 3 and 7
    named ``Banjir``). Topics not in ``names`` keep their id and label."""
    if not names:
        return data
    stories = data.stories.copy()
    first: dict[str, int] = {}
    for tid, name in sorted(names.items()):
        first.setdefault(name, int(tid))
    ids = pd.to_numeric(stories["topic_id"], errors="coerce")
    named = ids.map(lambda t: names.get(int(t)) if pd.notna(t) else None)
    hit = named.notna()
    stories.loc[hit, "topic_label"] = named[hit]
    stories.loc[hit, "topic_id"] = named[hit].map(first)
    return dataclasses.replace(data, stories=stories)
