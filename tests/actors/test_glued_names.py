"""A person named straight after an organisation or a facility ("[office] [organisation]
[name] [verb]") is read apart from it, on sentences written for the tests."""

from __future__ import annotations

import pytest

from media_analytics.actors import extract_actors, extract_quotes


def kinds(text: str) -> dict[str, str]:
    return {a.name: a.type for a in extract_actors(text)}


@pytest.mark.parametrize(
    ("text", "org", "person"),
    [
        (
            "Direktur Penyakit Tidak Menular Kementerian Kesehatan Siti Nadia Tarmidzi "
            "mengungkapkan bahwa jumlah penderita naik.",
            "Kementerian Kesehatan",
            "Siti Nadia Tarmidzi",
        ),
        (
            "KPK memeriksa pegawai PT Garuda Indonesia Rajendra Kartawiria. Pemeriksaan "
            "pegawai PT Garuda Indonesia itu berlangsung lama. Rajendra mengaku hadir.",
            "PT Garuda Indonesia",
            "Rajendra Kartawiria",
        ),
        (
            '"Harga cabai akan turun," kata Direktur Utama PT Dhirga Surya Ari Wibowo SH di '
            "Medan, Selasa.",
            "PT Dhirga Surya",
            "Ari Wibowo",
        ),
        (
            "Maskapai itu juga menunda penerbangan. Corporate Communication Strategic Lion Air "
            "Group Danang Mandala Prihantoro dalam keterangan resminya menyatakan asap "
            "mengganggu jadwal.",
            "Lion Air Group",
            "Danang Mandala Prihantoro",
        ),
    ],
)
def test_person_after_organisation(text: str, org: str, person: str) -> None:
    found = kinds(text)
    assert found.get(org) == "organization"
    assert found.get(person) == "person"


def test_person_after_airport_written_in_two_words() -> None:
    text = "Kepala Bandar Udara Kalimarau Bambang Hartato mengatakan jarak pandang turun."
    people = {a.name: a.role for a in extract_actors(text) if a.type == "person"}
    assert people == {"Bambang Hartato": "Kepala Bandar Udara Kalimarau"}


def test_quote_goes_to_the_person_after_the_organisation() -> None:
    text = (
        "Vice President Corporate Secretary Garuda Indonesia M Ikhsan Rosan mengungkapkan "
        'bahwa keputusan itu mempertimbangkan keselamatan. "Kami mengimbau penumpang '
        'mengecek jadwal," ujarnya. Maskapai Lion Air Group juga melakukan upaya yang sama. '
        "Corporate Communication Strategic Lion Air Group Danang Mandala Prihantoro dalam "
        "keterangan resminya menyatakan dampak asap mengakibatkan keterlambatan. "
        '"Keputusan tersebut disebabkan cuaca buruk berupa kabut asap," ujarnya.'
    )
    speakers = {q.text[:20]: q.speaker for q in extract_quotes(text)}
    assert speakers["Kami mengimbau penum"] == "M Ikhsan Rosan"
    assert speakers["Keputusan tersebut d"] == "Danang Mandala Prihantoro"


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Direktur Utama Bank Rakyat Indonesia Sunarso mengatakan laba naik.",
            "Bank Rakyat Indonesia",
        ),
        (
            "Rektor Universitas Gadjah Mada Ova Emilia mengatakan kampus siap.",
            "Universitas Gadjah Mada",
        ),
        ("Lion Air Group mengatakan jadwal kembali normal.", "Lion Air Group"),
        ("PT Garuda Indonesia mengatakan jadwal kembali normal.", "PT Garuda Indonesia"),
        (
            "Unit bisnis Yayasan Pendidikan Agung Podomoro (YPAP) ikut pameran. Podomoro "
            "menambah proyek.",
            "Yayasan Pendidikan Agung Podomoro",
        ),
        (
            "Tugas itu diambil PT Pertamina Integrated Supply Chain (ISC) sejak 2015.",
            "PT Pertamina Integrated Supply Chain",
        ),
    ],
)
def test_whole_organisation_names_are_not_cut(text: str, org: str) -> None:
    assert kinds(text).get(org) == "organization"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # seen by an analyst on real news (CLICK-ID): "Bayu" (wind) is a word, so the full name
        # was lost, the quote went to "Fahri", and reports counted it under another Fahri
        (
            'Juara pertama diraih oleh Fahri Bayu asal Surabaya. "Ajang ini mewadahi kami," '
            "ujar Fahri.",
            "Fahri Bayu",
        ),
        (
            'Pengamat politik Ray Rangkuti hadir di diskusi itu. "Itu keliru," kata Ray.',
            "Ray Rangkuti",
        ),
    ],
)
def test_a_name_spoken_by_its_first_word_keeps_a_last_word_that_is_also_a_word(
    text: str, person: str
) -> None:
    actors = kinds(text)
    assert actors.get(person) == "person", actors
    assert [q.speaker for q in extract_quotes(text)] == [person]


def test_a_word_the_article_writes_in_lower_case_is_no_part_of_the_name() -> None:
    # the same pattern, where the article also uses the word as a word: not read into the
    # name ("Postingan Arie" and "Tukas Fadel" open with a word, as before)
    text = (
        'Petugas menemui Fahri Cuaca di lokasi. Menurut dia cuaca buruk. "Kami menunggu," '
        "ujar Fahri."
    )
    assert "Fahri Cuaca" not in kinds(text)
    assert "Postingan Arie" not in kinds('Postingan Arie viral. "Kami menunggu," ujar Arie.')
    assert "Tukas Fadel" not in kinds('"Kami menunggu," Tukas Fadel. Fadel menambahkan.')


@pytest.mark.parametrize(
    ("text", "org", "person", "role"),
    [
        # seen by an analyst on real news (detik): the short form in brackets spells the whole
        # body, which an office's complement had cut to leave two words for a name
        (
            "Sementara itu, Ekonom Universitas Gadjah Mada (UGM) Wisnu Setiadi Nugroho menilai "
            "harga pangan stabil.",
            "Universitas Gadjah Mada",
            "Wisnu Setiadi Nugroho",
            "Ekonom Universitas Gadjah Mada (UGM)",
        ),
        (
            "Ketua Ikatan Petani Sawit Nusantara (IPSN) Darmawan Hadi mengatakan harga turun.",
            "Ikatan Petani Sawit Nusantara",
            "Darmawan Hadi",
            "Ketua Ikatan Petani Sawit Nusantara (IPSN)",
        ),
        # a three-word name after a two-word body: the article shows where the name starts,
        # by its first word spoken alone or by the body named alone
        (
            "Peneliti Universitas Gadjah Mada Wisnu Setiadi Nugroho menilai inflasi terkendali. "
            '"Harga pangan stabil," kata Wisnu.',
            "Universitas Gadjah Mada",
            "Wisnu Setiadi Nugroho",
            "Peneliti Universitas Gadjah Mada",
        ),
        (
            "Dosen Universitas Gadjah Mada Ratna Dewi Lestari mengatakan kuliah dimulai. Ia "
            "mengajar di Universitas Gadjah Mada sejak 2010.",
            "Universitas Gadjah Mada",
            "Ratna Dewi Lestari",
            "Dosen Universitas Gadjah Mada",
        ),
    ],
)
def test_an_office_keeps_its_body_whole_before_the_holder(
    text: str, org: str, person: str, role: str
) -> None:
    actors = {a.name: a for a in extract_actors(text)}
    assert actors[org].type == "organization", actors
    assert actors[person].type == "person", actors
    assert actors[person].role == role


def test_a_body_an_office_is_held_at_is_read_apart_from_its_holder() -> None:
    # seen by an analyst on real news (detik): "Dokter di Klinik ...", the holder speaking
    actors = kinds("Dokter di Klinik Cahaya Kebagusan Grace Maria mengatakan pasien bertambah.")
    assert actors.get("Klinik Cahaya Kebagusan") == "organization", actors
    assert actors.get("Grace Maria") == "person", actors


@pytest.mark.parametrize(
    ("text", "org", "not_a_person"),
    [
        # no evidence where the name starts: all but two words stay the body's
        (
            "Direktur PT Sinar Terang Abadi Budi Santoso mengatakan laba naik.",
            "PT Sinar Terang Abadi",
            "Abadi Budi Santoso",
        ),
        # brackets that do not spell the body (a person's initials) keep the old reading
        (
            "Direktur PT Sinar Terang Budi Santoso (BS) mengatakan laba naik.",
            "PT Sinar Terang",
            "Terang Budi Santoso",
        ),
        # "di" opens where anyone is: no name read after the body without firmer evidence
        (
            "Keluarga menjenguk almarhum di Rumah Sakit Pusat Angkatan Darat (RSPAD) Gatot "
            "Subroto, Jakarta Pusat.",
            "Rumah Sakit Pusat Angkatan Darat",
            "Gatot Subroto",
        ),
        (
            "Dokter di Klinik Cahaya Kebagusan mengatakan pasien bertambah.",
            "Klinik Cahaya Kebagusan",
            "Kebagusan",
        ),
        (
            "Perawat di Klinik Cahaya Kebagusan Grace Maria sedang bertugas.",
            "",
            "Grace Maria",
        ),
    ],
)
def test_no_holder_is_read_without_evidence(text: str, org: str, not_a_person: str) -> None:
    actors = kinds(text)
    if org:
        assert actors.get(org) == "organization", actors
    assert actors.get(not_a_person) != "person", actors
