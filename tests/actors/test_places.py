"""Places and the region list."""

from __future__ import annotations

import pytest

from media_analytics.actors import Actor, extract_actors, get_gazetteer, lookup_region


def places(text: str) -> dict[str, Actor]:
    return {a.name: a for a in extract_actors(text) if a.type == "place"}


def test_administrative_heads() -> None:
    text = (
        "Banjir melanda Desa Sungai Geringging, Kecamatan Kampar Kiri, Kabupaten Kampar. "
        "Bantuan juga dikirim ke Kota Pekanbaru dan Provinsi Riau."
    )
    found = places(text)
    assert found["Kabupaten Kampar"].region == {"province": "Riau", "regency": "Kabupaten Kampar"}
    assert found["Kecamatan Kampar Kiri"].region == {
        "province": "Riau",
        "regency": "Kabupaten Kampar",
    }
    # a village takes the region of the places listed after it
    assert found["Desa Sungai Geringging"].region == {
        "province": "Riau",
        "regency": "Kabupaten Kampar",
    }
    assert found["Kota Pekanbaru"].official == "Kota Pekanbaru"
    assert found["Provinsi Riau"].region == {"province": "Riau"}


def test_bare_city_and_province_names() -> None:
    found = places(
        "Harga cabai di Surabaya naik, sedangkan di Jawa Tengah stabil. Di Dumai normal."
    )
    assert found["Surabaya"].region == {"province": "Jawa Timur", "regency": "Kota Surabaya"}
    assert found["Jawa Tengah"].region == {"province": "Jawa Tengah"}
    assert found["Dumai"].region == {"province": "Riau", "regency": "Kota Dumai"}


def test_same_place_written_two_ways_is_one_actor() -> None:
    text = "Kota Dumai bersiap. Warga Dumai diminta waspada."
    found = places(text)
    assert list(found) == ["Kota Dumai"]
    assert [text[s:e] for s, e in found["Kota Dumai"].mentions] == ["Kota Dumai", "Dumai"]


def test_ambiguous_regency_and_city_keep_the_province() -> None:
    assert places("Hujan deras mengguyur Bogor sejak pagi.")["Bogor"].region == {
        "province": "Jawa Barat"
    }


def test_countries() -> None:
    found = places("Ekspor ke Jepang dan Amerika Serikat meningkat.")
    assert set(found) == {"Jepang", "Amerika Serikat"}
    assert found["Jepang"].region is None


def test_a_country_under_its_short_name_counts_with_its_full_name() -> None:
    from media_analytics.actors import canonical_key

    found = places("Delegasi AS tiba di Beijing. Amerika Serikat dan Cina sepakat soal tarif.")
    assert found["Amerika Serikat"].official == "Amerika Serikat"
    assert len(found["Amerika Serikat"].mentions) == 2  # "AS" and "Amerika Serikat": one actor
    alone = places("Ekspor ke AS turun, kata pejabat yang mengecam Korut.")
    # across articles, reports count the short and the full name under one key
    assert canonical_key(alone["AS"]) == canonical_key(found["Amerika Serikat"])
    assert alone["Korut"].official == "Korea Utara"
    assert found["Cina"].official == "Tiongkok"


def test_region_list_is_complete() -> None:
    gaz = get_gazetteer()
    levels = [r.level for r in gaz.by_code.values()]
    assert levels.count("province") == 38
    assert levels.count("regency") + levels.count("city") == 514
    assert levels.count("city") == 98
    assert levels.count("district") > 7000


@pytest.mark.parametrize(
    ("name", "level", "official", "province", "regency"),
    [
        ("Dumai", None, "Kota Dumai", "Riau", "Kota Dumai"),
        ("Kota Dumai", None, "Kota Dumai", "Riau", "Kota Dumai"),
        ("Bukit Kapur", "district", "Bukit Kapur", "Riau", "Kota Dumai"),
        ("Jateng", None, "Jawa Tengah", "Jawa Tengah", None),
        ("Papua Barat Daya", None, "Papua Barat Daya", "Papua Barat Daya", None),
        (
            "Jakarta Selatan",
            None,
            "Kota Administrasi Jakarta Selatan",
            "Daerah Khusus Ibukota Jakarta",
            "Kota Administrasi Jakarta Selatan",
        ),
    ],
)
def test_lookup_region(
    name: str, level: str | None, official: str, province: str, regency: str | None
) -> None:
    r = lookup_region(name, level=level)
    assert r is not None
    assert (r.name, r.province, r.regency) == (official, province, regency)


def test_unknown_place_has_no_region() -> None:
    assert lookup_region("Atlantis") is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Banjir datang dari Sungai Ciliwung semalam.", "Sungai Ciliwung"),
        ("Jenazah dimakamkan di Taman Makam Pahlawan Kalibata.", "Taman Makam Pahlawan Kalibata"),
        ("Pendaki hilang di Gunung Merbabu.", "Gunung Merbabu"),
        ("Petugas mengeruk Waduk Pluit II pekan ini.", "Waduk Pluit II"),
        ("Uruguay mengalahkan Skotlandia.", "Uruguay"),
    ],
)
def test_landmarks_and_countries_are_places(text: str, place: str) -> None:
    found = {a.name: a.type for a in extract_actors(text)}
    assert found.get(place) == "place"
    assert "person" not in found.values()


def test_an_acronym_after_a_landmark_is_the_body_it_belongs_to() -> None:
    found = {a.name: a.type for a in extract_actors("Acara digelar di Taman Pintar UGM kemarin.")}
    assert found.get("Taman Pintar") == "place" and found.get("UGM") == "organization"


def test_a_regencys_short_form_after_an_office_is_the_place_not_the_name() -> None:
    text = "Wakil Wali Kota Tangsel Benyamin Davnie mengatakan jalan itu segera diperbaiki."
    actors = extract_actors(text)
    assert [a.name for a in actors if a.type == "person"] == ["Benyamin Davnie"]
    [tangsel] = [a for a in actors if a.type == "place"]
    assert tangsel.region is not None and tangsel.region["regency"] == "Kota Tangerang Selatan"
    # a regency named by its first word (a journalist's report listed "Biak Andi Yoga" and
    # "Biak Herry Ario Naap" as people)
    text = "Kapolres Biak Andi Yoga meminta warga tenang. Bupati Biak Herry Ario Naap hadir."
    actors = extract_actors(text)
    assert [a.name for a in actors if a.type == "person"] == ["Andi Yoga", "Herry Ario Naap"]
    assert {a.region["regency"] for a in actors if a.type == "place" and a.region} == {
        "Kabupaten Biak Numfor"
    }
    # inside an agency's name, the short form stays with the agency
    text = "Kepala Dishub Kobar Hermon F Lion membantah adanya pungutan kepada pedagang."
    people = [(a.name, a.role) for a in extract_actors(text) if a.type == "person"]
    assert people == [("Hermon F Lion", "Kepala Dishub Kobar")]


def test_a_short_form_that_is_also_a_surname_is_no_place() -> None:
    # "HSU" (Hulu Sungai Utara) is left out of the short forms: place names match regardless
    # of case, and Hsu is a common surname
    text = "Wakil Menteri Luar Negeri Taiwan Hsu Szu-chien mengatakan hal itu di Taipei."
    assert "Hsu" not in {a.name for a in extract_actors(text) if a.type == "place"}


def test_ibu_kota_is_a_capital_not_a_form_of_address() -> None:
    text = "Kantor kementerian akan pindah ke Ibu Kota Nusantara tahun depan."
    assert [(a.name, a.type) for a in extract_actors(text)] == [("Ibu Kota Nusantara", "place")]


@pytest.mark.parametrize(
    "venue",
    [
        "lapangan I Made Sudarsana",
        "stadion Kapten I Nyoman Suraja",
        "gedung Soeria Atmadja",
        "rumah sakit Dr Sutrisno Hadi",
    ],
)
def test_a_name_after_a_facility_noun_is_no_person(venue: str) -> None:
    text = f"Laga kelompok umur U-12 memakai {venue}, Kuta."
    assert not [a.name for a in extract_actors(text) if a.type == "person"]


def test_a_person_addressed_after_a_facility_noun_stays_a_person() -> None:
    text = "Warga menulis “Selamat jalan Pak Sutrisno Hadi” di papan duka."
    assert [a.name for a in extract_actors(text) if a.type == "person"] == ["Sutrisno Hadi"]


@pytest.mark.parametrize(
    "venue",
    [
        "RSUD dr Sutrisno Hadi",
        "RS Dr. Sutrisno Hadi",
        "Rumah Sakit dr Sutrisno Hadi",
        "Puskesmas Kolonel Sutrisno Hadi",
        "Jl. dr Sutrisno Hadi",
        "rumah sakit Prof. dr. Sutrisno Hadi",
    ],
)
def test_a_facility_named_after_a_titled_person_is_no_person(venue: str) -> None:
    text = f"Korban banjir dibawa ke {venue} menjelang magrib."
    assert not [a.name for a in extract_actors(text) if a.type == "person"]


def test_a_titled_person_at_a_facility_stays_a_person() -> None:
    text = "Korban banjir ditangani dr Sutrisno Hadi di RSUD Kuta menjelang magrib."
    assert [a.name for a in extract_actors(text) if a.type == "person"] == ["Sutrisno Hadi"]


@pytest.mark.parametrize("office", ["Kepala Puskesmas", "Direktur Rumah Sakit", "Kepala RSUD"])
def test_the_titled_holder_of_a_facility_s_office_stays_a_person(office: str) -> None:
    # an office of the facility, then its holder: no facility named after a person
    text = f"{office} dr Sutrisno Hadi mengatakan stok obat masih cukup."
    assert [a.name for a in extract_actors(text) if a.type == "person"] == ["Sutrisno Hadi"]


@pytest.mark.parametrize(
    "venue",
    [
        "RSUD Dr. Sutrisno Hadi",
        "Puskesmas Prof. Sutrisno Hadi",
        "RSUP H. Sutrisno Hadi",
        "RSUD Hj. Sutrisna Hadi",
        "RSUD Ir. Sutrisno Hadi",
        "RSUP Prof. dr. R. D. Sutrisno",
        "RSUD dr Sutrisno Hadi",
    ],
)
def test_a_body_named_after_a_titled_person_runs_on_past_the_title(venue: str) -> None:
    text = f"Korban banjir dibawa ke {venue} menjelang magrib."
    assert [(a.name, a.type) for a in extract_actors(text)] == [(venue, "organization")]


def test_a_body_named_after_a_titled_person_before_its_head_s_holder() -> None:
    text = "Direktur RSUD Dr. Sutrisno Hadi Budi Santoso mengatakan korban sudah pulang."
    assert [(a.name, a.type) for a in extract_actors(text)] == [
        ("RSUD Dr. Sutrisno Hadi", "organization"),
        ("Budi Santoso", "person"),
    ]


def test_a_facility_s_short_form_in_brackets_before_the_title_is_no_person() -> None:
    text = "Korban dibawa ke Rumah Sakit Umum Daerah (RSUD) dr Sutrisno Hadi menjelang magrib."
    assert not [a.name for a in extract_actors(text) if a.type == "person"]
