"""The region of a dateline (``KUDUS -``, ``SEMARANG, KOMPAS.com -``, ``PURWOKERTO -``) and of a
headline's places, for the stories whose body does not give it."""

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


@pytest.mark.parametrize(
    ("dateline", "regency"),
    [
        # towns split into districts named after them ("Purwokerto Selatan", "Ungaran Barat")
        ("Purwokerto", "Kabupaten Banyumas"),
        ("Ungaran", "Kabupaten Semarang"),
        ("Putussibau", "Kabupaten Kapuas Hulu"),
        # a district's own name ("Slawi"), or "Kota ..." ("Kota Waingapu"), in one regency
        ("Slawi", "Kabupaten Tegal"),
        ("Kajen", "Kabupaten Pekalongan"),
        ("Kuta", "Kabupaten Badung"),
        ("Waingapu", "Kabupaten Sumba Timur"),
        # towns of the project's sample articles that no district is named after
        ("Singaraja", "Kabupaten Buleleng"),
        ("Watampone", "Kabupaten Bone"),
        ("Labuan Bajo", "Kabupaten Manggarai Barat"),
        # a city's name written with or without its space
        ("Palangka Raya", "Kota Palangkaraya"),
        ("Tanjungpinang", "Kota Tanjung Pinang"),
    ],
)
def test_the_town_a_regency_is_governed_from_is_mapped_to_it(dateline: str, regency: str) -> None:
    test_a_dateline_is_mapped_to_its_regency(dateline, regency)


def test_every_listed_town_names_a_regency() -> None:
    from media_analytics.actors.lexicon import read_csv_rows

    rows = read_csv_rows("dateline_towns.csv")
    assert len(rows) == 13
    for row in rows:
        place = dateline_place(row["town"])
        assert place is not None and place.official == row["official"], row


@pytest.mark.parametrize("dateline", ["Wonosari", "Sumber", "Sungai Raya"])
def test_a_town_of_several_provinces_gives_no_region_alone(dateline: str) -> None:
    # Wonosari: districts of Klaten, Gunungkidul, Malang, Bondowoso and Boalemo
    assert dateline_place(dateline) is None


def test_the_body_places_a_town_of_several_provinces() -> None:
    place = dateline_place("Wonosari", "Hujan deras melanda DIY sejak pagi.")
    assert place is not None and place.region == {
        "province": "Daerah Istimewa Yogyakarta",
        "regency": "Kabupaten Gunungkidul",
    }


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
