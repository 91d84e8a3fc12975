"""The region of a dateline (``KUDUS -``, ``SEMARANG, KOMPAS.com -``) and of a headline's
places, for the stories whose body does not give it."""

from __future__ import annotations

import pytest

from media_analytics.actors import Actor, extract_actors, places_outside_body


def dateline_place(dateline: str, body: str = "") -> Actor | None:
    added = places_outside_body("", dateline, extract_actors(body))
    assert len(added) <= 1
    return added[0] if added else None


@pytest.mark.parametrize(
    ("dateline", "regency"),
    [
        ("Badung", "Kabupaten Badung"),
        # a head word shortened
        ("Kab. Cirebon", "Kabupaten Cirebon"),
        # regencies named by everyday words are places as datelines
        ("Kudus", "Kabupaten Kudus"),
        ("Batang", "Kabupaten Batang"),
    ],
)
def test_a_dateline_is_mapped_to_its_regency(dateline: str, regency: str) -> None:
    place = dateline_place(dateline)
    assert place is not None, dateline
    assert place.name == dateline and place.type == "place"
    assert place.region is not None and place.region.get("regency") == regency
    assert place.official == regency and place.mentions == [] and place.named_in == ["dateline"]


@pytest.mark.parametrize("dateline", ["Seoul", "Tempo", "Amerika Serikat"])
def test_a_dateline_abroad_gives_no_region(dateline: str) -> None:
    assert dateline_place(dateline) is None


def test_a_region_the_body_already_has_is_not_added() -> None:
    # a dateline of two regions in one province gives the province ...
    place = dateline_place("Semarang")
    assert place is not None and place.region == {"province": "Jawa Tengah"}
    # ... which a body naming one of them already gives
    assert dateline_place("Semarang", "Polrestabes Semarang berjaga di Kota Semarang.") is None
    assert dateline_place("Dumai", "Banjir melanda Kota Dumai.") is None
    # the headline and the dateline naming one region make one place
    added = places_outside_body("Ribuan Warga Brebes Ikuti Doa Bersama", "Brebes", [])
    assert [(a.name, a.named_in) for a in added] == [("Brebes", ["title", "dateline"])]


def test_the_body_reading_of_a_headline_name_wins() -> None:
    # "Kuningan, Jakarta Selatan" in the body: the headline's "Kuningan" is no regency of Jabar
    body = "Penyidik memeriksa saksi di Gedung Merah Putih, Kuningan, Jakarta Selatan."
    assert places_outside_body("Saksi Diperiksa di Kuningan", None, extract_actors(body)) == []
    assert places_outside_body("Saksi Diperiksa di Kuningan", None, [])[0].region == {
        "province": "Jawa Barat",
        "regency": "Kabupaten Kuningan",
    }
