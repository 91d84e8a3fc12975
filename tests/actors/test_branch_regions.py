"""The region of a body's local branch (``KPU Brebes``, ``Bawaslu Jateng``): where a story
about a local election happens when no place is named."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from media_analytics.actors import Actor, extract_actors

from ..conftest import shared_file

_PILKADA = ("corpora/detik-pilkada-jateng-index/pilkada_jawa_tengah.csv", "load_detik_pilkada")


def places(text: str) -> dict[str, Actor]:
    return {a.name: a for a in extract_actors(text) if a.type == "place"}


def orgs(text: str) -> dict[str, Actor]:
    return {a.name: a for a in extract_actors(text) if a.type == "organization"}


def provinces(text: str) -> set[str]:
    return {a.region["province"] for a in extract_actors(text) if a.region}


@lru_cache(maxsize=1)
def _articles(relative: str, loader: str) -> tuple[tuple[str, str], ...]:
    import media_analytics.corpus as corpus
    from media_analytics.preprocessing import clean_article

    path = shared_file(relative)
    return tuple((str(a.id), clean_article(a.text).text) for a in getattr(corpus, loader)(path))


# --- 3. a body's local branch carries its region ------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "province"),
    [
        ("KPU Brebes menetapkan daftar pemilih.", "KPU Brebes", "Jawa Tengah"),
        ("Bawaslu Jateng menerima laporan.", "Bawaslu Jateng", "Jawa Tengah"),
        (
            "KPU Kabupaten Tasikmalaya menggelar rapat pleno.",
            "KPU Kabupaten Tasikmalaya",
            "Jawa Barat",
        ),
        ("Pemkab Klaten menyiapkan anggaran.", "Pemkab Klaten", "Jawa Tengah"),
        ("Forkopimda Sidoarjo memantau TPS.", "Forkopimda Sidoarjo", "Jawa Timur"),
        ("Polres Kudus mengamankan TPS.", "Polres Kudus", "Jawa Tengah"),
    ],
)
def test_a_local_branch_carries_its_region(text: str, name: str, province: str) -> None:
    found = orgs(text)
    assert found[name].region is not None, found
    assert found[name].region["province"] == province


def test_a_local_branch_and_its_place_together() -> None:
    text = "Polres Kudus mengamankan TPS di Kudus, Jawa Tengah."
    assert orgs(text)["Polres Kudus"].region == {
        "province": "Jawa Tengah",
        "regency": "Kabupaten Kudus",
    }
    assert places(text)["Kudus"].region["regency"] == "Kabupaten Kudus"


@pytest.mark.parametrize(
    "text", ["KPU RI menetapkan hasil.", "Bawaslu menerima laporan.", "Polri menurunkan personel."]
)
def test_a_national_body_carries_no_region(text: str) -> None:
    assert all(a.region is None for a in orgs(text).values()), orgs(text)


def test_pilkada_stories_named_only_by_a_local_body_get_a_province() -> None:
    """Seen on real news: Pilkada stories that name only ``KPU Brebes`` or ``Bawaslu Jateng``."""
    arts = _articles(*_PILKADA)
    bodies = re.compile(r"\b(?:KPU|Bawaslu|Pemkab|Polres|DPRD) [A-Z][a-z]+")
    named = [t for _, t in arts if bodies.search(t)]
    assert len(named) > 50
    none = [t[:80] for t in named if not provinces(t)]
    assert len(none) <= len(named) // 20, none[:5]
