"""Where a story happens: a place qualified by the region after its comma, and regency names
that are everyday words."""

from __future__ import annotations

from functools import lru_cache

import pytest

from media_analytics.actors import Actor, extract_actors

from ..conftest import shared_file

JAKARTA = "Daerah Khusus Ibukota Jakarta"
JAKSEL = {"province": JAKARTA, "regency": "Kota Administrasi Jakarta Selatan"}
_CLICKID = ("corpora/clickid-news-articles/clickid_articles_80.csv", "load_clickid")


def places(text: str) -> dict[str, Actor]:
    return {a.name: a for a in extract_actors(text) if a.type == "place"}


def provinces(text: str) -> set[str]:
    return {a.region["province"] for a in extract_actors(text) if a.region}


@lru_cache(maxsize=2)
def _articles(relative: str, loader: str) -> tuple[tuple[str, str], ...]:
    import media_analytics.corpus as corpus
    from media_analytics.preprocessing import clean_article

    path = shared_file(relative)
    return tuple((str(a.id), clean_article(a.text).text) for a in getattr(corpus, loader)(path))


# --- 1. "Kuningan, Jakarta Selatan": the region after the comma qualifies the name ------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ia diperiksa di Gedung Merah Putih KPK, Kuningan, Jakarta Selatan, Senin.", "Kuningan"),
        ("Banjir merendam Manggarai, Jakarta Selatan, pagi ini.", "Manggarai"),
    ],
)
def test_a_place_takes_the_region_named_after_its_comma(text: str, name: str) -> None:
    found = places(text)
    assert found[name].region == JAKSEL, found
    assert "Jawa Barat" not in provinces(text) and "Nusa Tenggara Timur" not in provinces(text)


def test_the_qualified_region_holds_for_the_name_s_other_mentions() -> None:
    text = "Ia tiba di Kuningan, Jakarta Selatan, pagi. Di Kuningan ia diperiksa penyidik."
    assert provinces(text) == {JAKARTA}


@pytest.mark.parametrize(
    "text",
    [
        "Banjir melanda Kuningan, Jawa Barat, kemarin.",
        "Banjir melanda Kabupaten Kuningan kemarin.",
        "Bupati Kuningan meninjau lokasi banjir.",
    ],
)
def test_a_qualifier_that_agrees_or_a_head_word_keeps_the_regency(text: str) -> None:
    assert provinces(text) == {"Jawa Barat"}


def test_a_list_of_cities_is_no_qualifier() -> None:
    found = places("Hujan turun di Bogor, Depok, Tangerang dan Bekasi.")
    assert found["Bogor"].region["province"] == "Jawa Barat"
    assert found["Tangerang"].region["province"] == "Banten"


def test_kuningan_jakarta_selatan_on_real_news() -> None:
    """Seen on real news: the KPK building and Patra Kuningan counted in Kabupaten Kuningan."""
    arts = [t for _, t in _articles(*_CLICKID) if "Kuningan, Jakarta Selatan" in t]
    assert len(arts) > 50
    wrong = [t[:80] for t in arts if "Kabupaten Kuningan" not in t and "Jawa Barat" in provinces(t)]
    assert len(wrong) <= len(arts) // 20, wrong[:5]


# --- 2. regency names that are everyday words, with their own province next to them ---------


@pytest.mark.parametrize(
    ("text", "name", "regency"),
    [
        ("Polisi mengamankan TPS di Kudus, Jawa Tengah.", "Kudus", "Kabupaten Kudus"),
        (
            "KKB kembali menyerang pos TNI di Intan Jaya, Papua Tengah.",
            "Intan Jaya",
            "Kabupaten Intan Jaya",
        ),
        ("Banjir melanda Pati, Jateng, kemarin.", "Pati", "Kabupaten Pati"),
    ],
)
def test_an_everyday_word_regency_before_its_own_province_is_the_place(
    text: str, name: str, regency: str
) -> None:
    found = places(text)
    assert name in found, found
    assert found[name].region["regency"] == regency


@pytest.mark.parametrize(
    "text",
    [
        "Kudus menyertai kita semua.",
        "Roh Kudus menyertai kita, kata pendeta di Bandung, Jawa Barat.",
    ],
)
def test_an_everyday_word_regency_in_another_name_or_opening_a_sentence_is_no_place(
    text: str,
) -> None:
    # (capitalised and alone in mid-sentence it is the place: tests/actors/test_place_cues.py)
    found = places(text)
    assert "Kudus" not in found and "Roh Kudus" not in found


def test_an_everyday_word_regency_written_lower_elsewhere_with_its_province() -> None:
    found = places("Batu, Jawa Timur, diguyur hujan. Ia melempar batu ke arah polisi.")
    assert found["Batu"].region == {"province": "Jawa Timur", "regency": "Kota Batu"}
