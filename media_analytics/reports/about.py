"""The stories about chosen actors (``report --about``): those naming one of them, found as
``report --actor`` finds an actor.

>>> from media_analytics.reports import records_to_frames
>>> data = records_to_frames([
...     {"id": "1", "published_at": "2025-10-21", "actors": [
...         {"name": "Komisi Pemberantasan Korupsi", "type": "organization", "aliases": ["KPK"]}]},
...     {"id": "2", "published_at": "2025-10-21", "actors": [
...         {"name": "Polri", "type": "organization"}]}])
>>> about_actors(data, ["Polri"]).stories["id"].tolist()
['2']
"""

from __future__ import annotations

import dataclasses
import difflib
import logging
from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd

from .frames import ReportData
from .regions import place_matches
from .tables import asked_actors, held_roles, only_stories, role_matches

__all__ = ["about_actors", "actor_rows", "close_actor_names", "unnamed_said"]

logger = logging.getLogger(__name__)


class _Reading(NamedTuple):
    """How the names asked for were read (see :func:`actor_rows`)."""

    #: name -> boolean Series over ``data.actors``: the rows it stands for (names found only)
    rows: dict[str, pd.Series]
    #: the names found none of the ways
    unknown: list[str]
    #: name -> the actor's name it counts under (:func:`~.tables.asked_actors`)
    counted: dict[str, str]
    #: name -> the rows of the actors holding it, for the names read as roles
    roles: dict[str, pd.Series]


def actor_rows(data: ReportData, names: Sequence[str]) -> _Reading:
    """Which rows of ``data.actors`` each name asked for stands for, as ``report --actor``
    reads a name, and the names that stand for none.

    A name is an actor's by any form the stories wrote it in, a form of the alias table the
    data were read with, or with a rank, honorifics and degrees (see
    :func:`~media_analytics.reports.tables.asked_actors`); else a role, standing for the
    actors whose role starts with it (``Kapolda``; see
    :func:`~media_analytics.reports.tables.role_matches`); else a place, by any name of its
    region (see :func:`~media_analytics.reports.regions.place_matches`).

    Returns
    -------
    _Reading
        The rows each name found stands for (in the order given), the names found none of
        these ways, and what each was read as: an actor's name, or a role.
    """
    names = list(dict.fromkeys(str(n).strip() for n in names))
    actors = data.actors
    counted = asked_actors(data, names) if "written" in actors else {}
    lowered = actors["name"].astype(str).str.casefold()
    found: dict[str, pd.Series] = {}
    for name in names:
        if name.endswith("*") and name.rstrip("*").strip():
            hit = _named_from(actors, name.rstrip("*").strip())
            if hit.any():
                found[name] = hit
        elif name in counted:
            found[name] = lowered == counted[name].casefold()
        elif name.casefold() in set(lowered):  # (frames without written forms)
            found[name] = lowered == name.casefold()
    rest = [n for n in names if n not in found]
    roles = role_matches(actors, rest)
    found.update(roles)
    rest = [n for n in rest if n not in found]
    found.update(place_matches(actors, rest))
    ordered = {n: found[n] for n in names if n in found}
    return _Reading(ordered, [n for n in names if n not in ordered], counted, roles)


def _named_from(actors: pd.DataFrame, prefix: str) -> pd.Series:
    """The rows of ``actors`` whose name, or form as written, is ``prefix`` or starts with it
    and a space (``Bawaslu*``: ``Bawaslu``, ``Bawaslu Kendal``, ``Bawaslu RI``), regardless of
    case."""
    low = prefix.casefold()
    hit = pd.Series(False, index=actors.index)
    for column in ("name", "written"):
        if column in actors:
            forms = actors[column].astype(str).str.casefold()
            hit |= (forms == low) | forms.str.startswith(low + " ")
    return hit


def _branches(data: ReportData, name: str, n: int = 4) -> list[str]:
    """The other actors whose names start with ``name`` and a space, most named first
    (``Bawaslu Kendal``, ``Bawaslu Jateng`` for ``Bawaslu``): what ``name*`` would keep too."""
    actors = data.actors
    rows = actors[_named_from(actors, name)]
    others = rows[rows["name"].astype(str).str.casefold() != name.casefold()]
    counts = others.groupby("name")["id"].nunique().sort_values(ascending=False, kind="stable")
    return [str(k) for k in counts.index[:n]] + (["..."] if len(counts) > n else [])


def close_actor_names(data: ReportData, name: str, n: int = 3) -> list[str]:
    """The names and written forms of ``data``'s actors spelt closest to ``name`` (difflib's
    ratio 0.75 or more, regardless of case), closest first: what a typo meant.

    >>> from media_analytics.reports import records_to_frames
    >>> data = records_to_frames([{"id": "1", "published_at": "2025-10-21", "actors": [
    ...     {"name": "Polri", "type": "organization"}]}])
    >>> close_actor_names(data, "Porli")
    ['Polri']
    """
    columns = [c for c in ("name", "written") if c in data.actors]
    forms: dict[str, str] = {}
    for column in columns:
        for form in data.actors[column].dropna().astype(str):
            forms.setdefault(form.casefold(), form)
    close = difflib.get_close_matches(str(name).casefold(), list(forms), n=n, cutoff=0.75)
    return [forms[c] for c in close]


def unnamed_said(data: ReportData, names: Sequence[str]) -> str:
    """``names`` no story gives, each with the closest names the data hold, for a warning:
    ``'Porli' (did you mean 'Polri'?), 'Zzyzx'``."""
    said = []
    for name in names:
        close = close_actor_names(data, name)
        meant = f" (did you mean {' or '.join(map(repr, close))}?)" if close else ""
        said.append(f"{name!r}{meant}")
    return ", ".join(said)


def about_actors(data: ReportData, names: Sequence[str], *, quiet: bool = False) -> ReportData:
    """The stories naming any of the actors ``names``, with their copies, themes, actors,
    quotes and written names.

    Parameters
    ----------
    data : ReportData
    names : sequence of str
        Actors as ``report --actor`` reads them (see :func:`actor_rows`): ``KPK`` keeps the
        stories counted under ``Komisi Pemberantasan Korupsi``, a form of the analyst's alias
        table its actor's, ``Kapolda`` the stories naming an actor whose role starts with it.
        A story is kept when it names one of them, whatever tone it gives toward it.
    quiet : bool
        Leave out the INFO and WARNING lines (the spike baseline's earlier stories, filtered
        as the stories shown are).

    Returns
    -------
    ReportData
        ``n_not_about`` counts the records left out; ``filters["about"]`` says what each name
        was read as; ``extent`` keeps the range of all stories, so that the tables over time
        show the periods in which no story names them as zeros. A name that stands for no
        actor keeps no story, and a warning names it with the closest names the stories write
        (:func:`close_actor_names`).
    """
    names = list(dict.fromkeys(str(n).strip() for n in names))
    rows, unknown, counted, roles = actor_rows(data, names)
    said = []
    for name in names:
        if name.endswith("*") and name not in unknown:
            said.append(f"{name} (names starting so)")
        elif name in counted and counted[name] != name:
            said.append(f"{name} ({counted[name]})")
        elif name in roles:
            said.append(f"{name} (a role: {held_roles(data.actors, roles[name])})")
        elif name in unknown:
            said.append(f"{name} (no story names it)")
        else:
            said.append(name)
    if not quiet:
        for name in names:
            others = [] if name.endswith("*") else _branches(data, counted.get(name, name))
            if others:
                logger.info(
                    "--about %r: other actors' names start with it (%s); --about '%s*' keeps "
                    "their stories too",
                    name,
                    ", ".join(others),
                    counted.get(name, name),
                )
        for name in unknown:
            close = close_actor_names(data, name)
            logger.warning(
                "--about %r: no story names this actor, as written, as a grouped name or as a "
                "role%s",
                name,
                f" (did you mean {' or '.join(map(repr, close))}?)" if close else "",
            )
    hit = pd.Series(False, index=data.actors.index)
    for mask in rows.values():
        hit |= mask
    kept, left_out = only_stories(data, set(data.actors.loc[hit, "id"]))
    return dataclasses.replace(
        kept, n_not_about=data.n_not_about + left_out, filters={**data.filters, "about": said}
    )
