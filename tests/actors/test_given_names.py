"""Names with no cue: a run opened by a listed given name is a person's name (given_names.txt).

Leads, captions and lists of names rarely give a person an office or a speech verb; before this
reading, "Hasilnya, Ahmad Luthfi dan Taj Yasin dinyatakan unggul" named nobody.
"""

from __future__ import annotations

import csv
import re

import pytest

from media_analytics.actors import extract_actors
from media_analytics.actors.lexicon import get_lexicon
from media_analytics.preprocessing import clean_article

from ..conftest import shared_file


def persons(text: str) -> list[str]:
    return [a.name for a in extract_actors(text) if a.type == "person"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ahmad Luthfi hadir di Semarang.", ["Ahmad Luthfi"]),
        # the pair joined by "dan", either way round, and opening a sentence
        ("Hasilnya, Ahmad Luthfi dan Taj Yasin dinyatakan unggul.", ["Ahmad Luthfi", "Taj Yasin"]),
        ("Kemarin Taj Yasin dan Ahmad Luthfi bertemu warga.", ["Taj Yasin", "Ahmad Luthfi"]),
        (
            "Andika Perkasa dan Hendrar Prihadi resmi mendaftar ke KPU Jateng.",
            ["Andika Perkasa", "Hendrar Prihadi"],
        ),
        # after an organisation or a region that is no part of the name
        ("Irjen Kemendag Ahmad Luthfi sowan ke ulama.", ["Ahmad Luthfi"]),
        (
            "Ucapan itu ditujukan kepada Cagub-Cawagub Jawa Tengah Ahmad Luthfi dan Taj Yasin.",
            ["Ahmad Luthfi", "Taj Yasin"],
        ),
        # a ticket written with a hyphen, each side with a name of two words
        (
            "Paslon nomor urut 02, Agus Irawan-Dwi Fajar Nirwana, meraih suara terbanyak.",
            ["Agus Irawan", "Dwi Fajar"],
        ),
    ],
)
def test_a_name_opened_by_a_given_name_needs_no_cue(text: str, expected: list[str]) -> None:
    assert persons(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a hospital's or campus's acronym before the name: the facility's name
        "Pasien dirujuk ke RSUD Muhammad Yunus lalu ke UIN Syarif Hidayatullah.",
        # a street or an airport named after a national figure
        "Kemacetan terjadi di ruas Ahmad Yani dan di sekitar Adi Sucipto.",
        # a capitalised word before it that is no organisation, place or pair word
        "Julukan Laskar Joko Tingkir melekat pada klub itu.",
        # a single name stays unread without a cue, as before
        "Sementara itu Agus belum datang.",
    ],
)
def test_no_person_where_the_name_belongs_to_something_else(text: str) -> None:
    assert persons(text) == []


def test_a_word_the_article_writes_in_lower_case_ends_the_name() -> None:
    text = "Menurut catatan, Andika Solusi belum tersedia. Solusi itu disebut mahal, solusi lama."
    assert "Andika Solusi" not in persons(text)


def test_the_lists_are_lower_case_words_and_names() -> None:
    lex = get_lexicon()
    assert "ahmad" in lex.given_names and all(w == w.lower() for w in lex.given_names)
    # words that open the names of places, firms and buildings are left out on purpose
    assert lex.given_names.isdisjoint({"hari", "bintang", "agung", "surya", "jaya", "gatot"})
    assert ("ahmad", "yani") in lex.namesakes


_PILKADA = "corpora/detik-pilkada-jateng-index/pilkada_jawa_tengah.csv"


@pytest.mark.shared_data
def test_candidates_are_found_in_most_pilkada_leads() -> None:
    # Before this reading, 81 of the 174 leads naming Luthfi had no person Luthfi, 49 of the 74
    # naming Andika none (bench/actors_eval.py --leads gives the table).
    path = shared_file(_PILKADA)
    with open(path, newline="", encoding="utf-8") as f:
        leads = [clean_article(row["Deskripsi"]).text for row in csv.DictReader(f)]
    for word in ("Luthfi", "Andika"):
        pattern = re.compile(rf"\b{word}\b")
        naming = [t for t in leads if pattern.search(t)]
        found = [t for t in naming if any(pattern.search(p) for p in persons(t))]
        assert len(naming) > 50
        assert len(found) / len(naming) >= 0.75, (word, len(found), len(naming))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # seen in a researcher's walk-through: the Kapolda Jateng of the 2024 Pilkada came out
        # as two persons, "Ribut" and "Wibowo" ("hari", day, is an everyday word)
        (
            "Kapolda Jateng Irjen Pol Ribut Hari Wibowo menegaskan Polri netral. Ribut "
            "mengatakan pengamanan berjalan lancar.",
            ["Ribut Hari Wibowo"],
        ),
        ("Kepala Dinas Kesehatan, Sri Hari Wahyuni, menjelaskan.", ["Sri Hari Wahyuni"]),
        # the name of a day, after an everyday word or before one, or listed: no person
        ("Peringatan Hari Bhayangkara digelar di Semarang.", []),
        ("Upacara Hari Kartini digelar di sekolah.", []),
        ("Warga merayakan Hari Raya Idul Fitri bersama.", []),
        ("Peringatan Hari AIDS Sedunia digelar di Solo.", []),
    ],
)
def test_an_everyday_word_between_two_name_words_is_part_of_the_name(
    text: str, expected: list[str]
) -> None:
    assert persons(text) == expected
