"""Where a place is, from the words around its name: a regency's name inside another place's
name, spellings written joined or apart, the level an election race or a unit names, districts
of local police and election units, and regency names that are also everyday words (seen on
real news of Central Java)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from media_analytics.actors import Actor, extract_actors

from ..conftest import shared_file


def places(text: str) -> dict[str, Actor]:
    return {a.name: a for a in extract_actors(text) if a.type == "place"}


def regencies(text: str) -> set[str]:
    """The regencies and cities of the places and organisations of ``text``."""
    return {a.region.get("regency", "") for a in extract_actors(text) if a.region}


def region_of(text: str, name: str) -> dict[str, str] | None:
    found = {a.name: a for a in extract_actors(text)}
    assert name in found, found
    return found[name].region


# --- A. a regency's name inside the name of another place ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Bupati Batang Hari Fadhil Arief meninjau lokasi banjir.",
        "Batang Kapas adalah kecamatan di Pesisir Selatan.",
        "Warga Luar Batang menolak penggusuran.",
        "Batang tubuh UUD 1945 tidak diubah.",
        "Korban terseret arus Batang Maek kemarin.",
        "Warga Desa Batang Kumu, Rokan Hulu, memanen sawit.",
        "Polda Kalbar menggelar Operasi Mantap Praja Kapuas 2024 di Pontianak.",
        "Lurah Lubuk Gaung Budi Santoso mengatakan banjir mulai surut.",
    ],
)
def test_a_regency_name_inside_another_name_is_not_that_regency(text: str) -> None:
    found = regencies(text)
    assert not found & {
        "Kabupaten Batang",
        "Kabupaten Kapuas",
        "Kabupaten Indragiri Hilir",
    }, found


def test_batang_hari_is_the_jambi_regency() -> None:
    assert region_of("Bupati Batang Hari Fadhil Arief meninjau lokasi.", "Batang Hari") == {
        "province": "Jambi",
        "regency": "Kabupaten Batanghari",
    }


def test_the_village_name_after_a_village_head_takes_its_generic_word() -> None:
    found = {a.name: a for a in extract_actors("Lurah Lubuk Gaung Budi Santoso mengatakan.")}
    assert found["Budi Santoso"].role == "Lurah Lubuk Gaung"


@pytest.mark.parametrize(
    "text",
    [
        "Bupati Batang Wihaji hadir di Batang.",
        "Warga Batang menolak pembangunan PLTU.",
        "Ribuan warga memadati alun-alun di Batang, Jawa Tengah.",
        "Kabupaten Batang menerima penghargaan.",
    ],
)
def test_batang_in_central_java_stays(text: str) -> None:
    assert "Kabupaten Batang" in regencies(text)


def test_a_district_takes_the_regency_written_next_to_it() -> None:
    text = "Gempa mengguncang Kecamatan Sumberjaya, Lampung Barat, Selasa pagi."
    assert places(text)["Kecamatan Sumberjaya"].region == {
        "province": "Lampung",
        "regency": "Kabupaten Lampung Barat",
    }


def test_a_district_of_another_regency_takes_the_one_written() -> None:
    # the region list has Bukit Kapur in Dumai only; the article places it in Kampar
    text = "Banjir melanda Kecamatan Bukit Kapur, Kabupaten Kampar, Riau."
    assert places(text)["Kecamatan Bukit Kapur"].region == {
        "province": "Riau",
        "regency": "Kabupaten Kampar",
    }
    # a city named bare after it may be the nearest city, not the district's (seen on real news)
    text = "Mereka membangun masjid di Kecamatan Sembalun, Mataram, usai gempa."
    assert places(text)["Kecamatan Sembalun"].region == {
        "province": "Nusa Tenggara Barat",
        "regency": "Kabupaten Lombok Timur",
    }


@pytest.mark.parametrize(
    ("text", "name", "regency"),
    [
        ("Kepala Manggala Agni Daerah Operasi Gowa Ishak mengatakan.", "Gowa", "Kabupaten Gowa"),
        ("Korban dibawa anggota Polsek Sorong Timur ke rumah sakit.", "Polsek Sorong", None),
    ],
)
def test_a_place_right_after_an_operation_or_a_unit_stays(
    text: str, name: str, regency: str | None
) -> None:
    got = region_of(text, name)
    assert got is not None and got.get("regency") == regency, got


# --- B. the level an election race, a candidate or a unit names --------------------------------


@pytest.mark.parametrize(
    ("text", "name", "region"),
    [
        ("Pilgub Jateng diikuti dua pasangan.", "Jateng", {"province": "Jawa Tengah"}),
        ("Pilgub Jawa Tengah diikuti dua pasangan.", "Jawa Tengah", {"province": "Jawa Tengah"}),
        ("Pilbup Brebes diikuti tiga pasangan.", "Brebes", "Kabupaten Brebes"),
        ("Pilkada Pati berlangsung damai.", "Pati", "Kabupaten Pati"),
        ("Menjelang Pilkada Kudus, polisi berjaga.", "Kudus", "Kabupaten Kudus"),
        ("Cabup Kendal berkampanye di pasar.", "Kendal", "Kabupaten Kendal"),
        ("Cawalkot Tegal berkampanye di pasar.", "Tegal", "Kota Tegal"),
        ("Cagub Jateng Ahmad Luthfi berkampanye di pasar.", "Jateng", {"province": "Jawa Tengah"}),
        ("Pilwalkot Semarang diikuti dua pasangan.", "Semarang", "Kota Semarang"),
        # as the Pilkada index also writes the mayor's race
        ("Muslimat NU Gelar Istigasah Jelang Pilwakot Semarang.", "Semarang", "Kota Semarang"),
        ("Pilwalikota Semarang diikuti dua pasangan.", "Semarang", "Kota Semarang"),
        ("Pilbup Pekalongan diikuti dua pasangan.", "Pekalongan", "Kabupaten Pekalongan"),
        ("Bupati Semarang Ngesti Nugraha hadir.", "Semarang", "Kabupaten Semarang"),
    ],
)
def test_an_election_race_names_the_level_of_its_region(
    text: str, name: str, region: str | dict[str, str]
) -> None:
    got = region_of(text, name)
    if isinstance(region, dict):
        assert got == region
    else:
        assert got is not None and got.get("regency") == region, got


@pytest.mark.parametrize(
    ("text", "name", "regency"),
    [
        ("Polres Tegal Kota menjaga TPS.", "Polres Tegal Kota", "Kota Tegal"),
        ("Polres Pekalongan Kota menjaga TPS.", "Polres Pekalongan Kota", "Kota Pekalongan"),
        ("Polres Magelang Kota menjaga TPS.", "Polres Magelang Kota", "Kota Magelang"),
        ("Polrestabes Semarang menjaga TPS.", "Polrestabes Semarang", "Kota Semarang"),
        ("Pemkot Semarang menggelar rapat.", "Pemkot Semarang", "Kota Semarang"),
        ("Polsek Tembalang menjaga TPS.", "Polsek Tembalang", "Kota Semarang"),
        ("Polsek Bumiayu menjaga TPS.", "Polsek Bumiayu", "Kabupaten Brebes"),
        ("Koramil Bumiayu menjaga TPS.", "Koramil Bumiayu", "Kabupaten Brebes"),
        ("Panwascam Tembalang menerima laporan.", "Panwascam Tembalang", "Kota Semarang"),
    ],
)
def test_a_unit_names_the_level_or_district_of_its_region(
    text: str, name: str, regency: str
) -> None:
    got = region_of(text, name)
    assert got is not None and got.get("regency") == regency, got


@pytest.mark.parametrize(
    ("text", "name", "regency"),
    [
        ("Warga Lubuklinggau antusias menyambut.", "Lubuklinggau", "Kota Lubuk Linggau"),
        ("Warga Kota Tanjungpinang antusias.", "Kota Tanjungpinang", "Kota Tanjung Pinang"),
        ("Warga Palangka Raya antusias menyambut.", "Palangka Raya", "Kota Palangkaraya"),
    ],
)
def test_a_name_written_joined_or_apart(text: str, name: str, regency: str) -> None:
    got = region_of(text, name)
    assert got is not None and got.get("regency") == regency, got


# --- B. regency names that are everyday words, capitalised mid-sentence -----------------------


@pytest.mark.parametrize(
    ("text", "name", "regency"),
    [
        ("Ribuan warga di Kudus menggelar doa bersama.", "Kudus", "Kabupaten Kudus"),
        ("Warga Kudus menggelar doa bersama.", "Kudus", "Kabupaten Kudus"),
        ("Banjir kembali melanda Pati sejak Senin.", "Pati", "Kabupaten Pati"),
        (
            "DPC Nasdem Kecamatan Jekulo, Kudus menggelar rapat.",
            "Kudus",
            "Kabupaten Kudus",
        ),
    ],
)
def test_an_everyday_word_regency_capitalised_mid_sentence_is_the_place(
    text: str, name: str, regency: str
) -> None:
    got = region_of(text, name)
    assert got is not None and got.get("regency") == regency, got


@pytest.mark.parametrize(
    "text",
    [
        "Mereka berdoa kepada Roh Kudus di gereja.",
        "Makam Sunan Kudus ramai peziarah dari Demak.",
        "Sejumlah Pati Polri dimutasi Kapolri.",
        "Tepung pati dipakai untuk kue. Pati jagung lebih murah.",
    ],
)
def test_an_everyday_word_in_another_name_is_no_place(text: str) -> None:
    found = regencies(text)
    assert not found & {"Kabupaten Kudus", "Kabupaten Pati"}, found


# --- real news ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _clickid() -> tuple[tuple[str, str], ...]:
    import media_analytics.corpus as corpus
    from media_analytics.preprocessing import clean_article

    path = shared_file("corpora/clickid-news-articles/clickid_articles_80.csv")
    return tuple((str(a.id), clean_article(a.text).text) for a in corpus.load_clickid(path))


def test_clickid_batang_of_other_provinces_is_not_central_java() -> None:
    """CLICK-ID names Batang Kumu (Riau), Luar Batang (Jakarta) and Batang Kapas (Sumatera
    Barat): none of those articles names Central Java's Batang."""
    wrong = []
    for aid, text in _clickid():
        named = any(w in text for w in ("Batang Kumu", "Luar Batang", "Batang Kapas"))
        if named and "Kabupaten Batang" in regencies(text):
            wrong.append(aid)
    assert not wrong
