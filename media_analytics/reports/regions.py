"""Where stories happen: each story's provinces and regencies or cities.

A story is placed in the regions of the actors it names: a place's province and regency or city,
and a local branch's (``KPU Brebes`` carries Kabupaten Brebes). A place the model could not put
in one regency, because its name is a city's and a regency's (``Semarang``: Kota Semarang or
Kabupaten Semarang), keeps its province and is read here as *either* of the two: it counts under
``Kabupaten Semarang or Kota Semarang``. The same holds for an organisation whose name ends in
such a name (``KPU Semarang``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import pandas as pd

__all__ = ["NO_REGENCY", "NO_REGION", "province_pairs", "regency_pairs", "story_places"]

#: The key under which the tables per province count the stories that name no province.
NO_REGION = "(no region)"
#: The key under which the tables per regency or city count the stories that name none.
NO_REGENCY = "(no regency)"


def _gazetteer() -> tuple[Any, Callable[[str], tuple[str, ...]]]:
    """The region list and the tokenizer its keys are made with (imported when first needed:
    the actor extraction they belong to is not loaded by the reports otherwise)."""
    from ..actors.lexicon import phrase_key
    from ..actors.regions import get_gazetteer

    return get_gazetteer(), phrase_key


@lru_cache(maxsize=65536)
def _named_regencies(written: str, province: str) -> tuple[str, ...]:
    """The regencies and cities of ``province`` that the last words of ``written`` name
    (``Semarang``, ``KPU Semarang``: Kabupaten Semarang and Kota Semarang); none when they name
    the province itself (``Polda Jateng``) or nothing of it."""
    gazetteer, phrase_key = _gazetteer()
    key = phrase_key(written)
    for size in range(min(len(key), gazetteer.max_len), 0, -1):
        found = gazetteer.names.get(key[-size:])
        if found:
            if any(r.level == "province" for r in found):
                return ()
            return tuple(sorted({r.name for r in found if r.province == province}))
    return ()


def _candidates(actors: pd.DataFrame) -> pd.Series:
    """Per actor row, the regencies or cities it may be in: its regency when it has one, else
    those its written name can denote in its province (:func:`_named_regencies`), else none."""
    out = pd.Series([()] * len(actors), index=actors.index, dtype=object)
    if actors.empty:
        return out
    known = actors["regency"].notna()
    out[known] = actors.loc[known, "regency"].map(lambda r: (str(r),))
    open_ = ~known & actors["province"].notna()
    if open_.any():
        written = actors.loc[open_, "written"].fillna(actors.loc[open_, "name"]).astype(str)
        province = actors.loc[open_, "province"].astype(str)
        out[open_] = [_named_regencies(w, p) for w, p in zip(written, province, strict=True)]
    return out


def province_pairs(actors: pd.DataFrame) -> pd.DataFrame:
    """(story, province) pairs: ``id, date, key``, each at most once."""
    a = actors[actors["province"].notna()]
    pairs = a[["id", "date", "province"]].rename(columns={"province": "key"})
    return pairs.drop_duplicates(["id", "key"]).reset_index(drop=True)


def regency_pairs(actors: pd.DataFrame) -> pd.DataFrame:
    """(story, regency or city) pairs: ``id, date, key, province``, each at most once.

    A place that may be one of several (``Semarang``) counts under ``Kabupaten Semarang or Kota
    Semarang``, unless the story names one of those itself (then it is taken to be that one).
    """
    columns = ["id", "date", "key", "province"]
    a = actors.assign(_regencies=_candidates(actors))
    a = a[a["_regencies"].map(len) > 0]
    single = a[a["_regencies"].map(len) == 1]
    named = single.assign(key=single["_regencies"].str[0])
    known = named.groupby("id")["key"].agg(set) if len(named) else pd.Series(dtype=object)
    several = a[a["_regencies"].map(len) > 1]
    unsaid = [
        not set(regencies) & known.get(story, set())
        for story, regencies in zip(several["id"], several["_regencies"], strict=True)
    ]
    several = several[pd.Series(unsaid, index=several.index, dtype=bool)]
    either = several.assign(key=several["_regencies"].map(" or ".join))
    pairs = pd.concat([named[columns], either[columns]], ignore_index=True)
    return pairs.drop_duplicates(["id", "key"]).reset_index(drop=True)


def story_places(actors: pd.DataFrame) -> pd.DataFrame:
    """Per story id, its provinces and its regencies or cities, each joined with ``"; "`` (the
    keys the tables per province and per regency count it under): columns ``province``,
    ``regency``, indexed by ``id``."""
    joined = {
        column: pairs.sort_values("key").groupby("id")["key"].agg("; ".join)
        for column, pairs in (
            ("province", province_pairs(actors)),
            ("regency", regency_pairs(actors)),
        )
    }
    return pd.DataFrame(joined, columns=["province", "regency"])
