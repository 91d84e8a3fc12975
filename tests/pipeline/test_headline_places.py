"""Where a story happens when only its headline or its dateline says so.

A scored record's actors are read from the cleaned body; a place the headline or the dateline
names and the body does not is added to them with no mentions (they are offsets into the body)
and ``named_in`` saying where it was named, so that the reports' stories per region count it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from media_analytics.reports import records_to_frames
from media_analytics.reports.tables import volume
from media_analytics.themes.training import read_sample_records

from ..conftest import shared_file

_PILKADA = "corpora/detik-pilkada-jateng-index/pilkada_jawa_tengah.csv"

# the analyst's three-line JSONL file (seen on real news): the place is in the dateline only
_DATELINE_ONLY = [
    {
        "id": "dl-1",
        "title": "Bentrokan Antarpendukung Pecah Jelang Pemungutan Suara",
        "text": "SEMARANG, KOMPAS.com - Bentrokan antarpendukung pasangan calon pecah menjelang "
        "pemungutan suara Pilkada 2024. Polisi mengerahkan personel untuk pengamanan TPS dan "
        "menjaga keamanan serta ketertiban warga.",
        "published_at": "2024-11-26",
        "source": "Kompas",
    },
    {
        "id": "dl-2",
        "title": "Puluhan Personel Disiagakan Amankan Pilkada",
        "text": "KUDUS - Puluhan personel gabungan disiagakan untuk pengamanan Pilkada 2024. "
        "Mereka berjaga di setiap TPS hingga penghitungan suara selesai agar situasi tetap "
        "aman dan kondusif.",
        "published_at": "2024-11-26",
        "source": "Contoh",
    },
    {
        "id": "dl-3",
        "title": "Apel Siaga Pengamanan Pilkada",
        "text": "Polisi menggelar apel siaga pengamanan Pilkada 2024 di halaman markas.",
        "published_at": "2024-11-26",
        "source": "Contoh",
    },
]


def _places(record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["name"]: a for a in record["actors"] if a["type"] == "place"}


def _provinces(record: dict[str, Any]) -> set[str]:
    return {a["region"]["province"] for a in record["actors"] if a.get("region")}


@pytest.fixture(scope="module")
def dateline_records(default_pipeline) -> list[dict[str, Any]]:
    return list(default_pipeline.score(_DATELINE_ONLY, n_jobs=1))


def test_a_place_named_only_in_the_dateline_gives_the_story_its_region(dateline_records) -> None:
    semarang, kudus, none = dateline_records
    assert semarang["dateline"] == "Semarang" and kudus["dateline"] == "Kudus"
    assert "pilkada_security" in {t["theme"] for t in semarang["themes"]}
    place = _places(semarang)["Semarang"]
    # Kota and Kabupaten Semarang: the province alone, as the body would give it
    assert place["region"] == {"province": "Jawa Tengah"}
    assert place["mentions"] == [] and place["named_in"] == ["dateline"]
    place = _places(kudus)["Kudus"]  # (an everyday word in a body, a place as a dateline)
    assert place["region"] == {"province": "Jawa Tengah", "regency": "Kabupaten Kudus"}
    assert place["official"] == "Kabupaten Kudus" and place["named_in"] == ["dateline"]
    assert _places(none) == {}


def test_the_reports_count_a_dateline_region_and_old_records_still_read(dateline_records) -> None:
    old = json.loads(json.dumps(dateline_records[2]))  # a record scored before: no such place
    old["id"] = "old"
    old["actors"] = [
        {"name": "Kota Dumai", "title": None, "role": None, "type": "place",
         "region": {"province": "Riau", "regency": "Kota Dumai"}, "official": "Kota Dumai",
         "mentions": [[0, 4]]},
    ]  # fmt: skip
    data = records_to_frames([*dateline_records, old])
    table = volume(data, "region", "M")
    counts = dict(zip(table["province"], table["articles"], strict=True))
    assert counts == {"Jawa Tengah": 2, "Riau": 1, "(no region)": 1}


def test_body_offsets_are_kept_for_every_actor_with_mentions(dateline_records) -> None:
    from media_analytics.preprocessing import clean_article

    for raw, record in zip(_DATELINE_ONLY, dateline_records, strict=True):
        body = clean_article(raw["text"]).text
        for actor in record["actors"]:
            assert all(0 <= a < b <= len(body) for a, b in actor["mentions"])
            if not actor["mentions"]:
                assert actor["type"] == "place" and actor["named_in"]
        for theme in record["themes"]:
            assert theme["evidence"]


@pytest.mark.parametrize(
    ("title", "text", "name", "province"),
    [
        (  # seen on real news (the detik Pilkada index: headline and lead)
            "Sejumlah Demonstran Aksi Tolak RUU PIlkada Semarang Dilarikan ke RS",
            "Massa mahasiswa membubarkan diri setelah kericuhan saat aksi tolak RUU Pilkada. "
            "Beberapa terluka akibat gas air mata dan water cannon.",
            "Semarang",
            "Jawa Tengah",
        ),
        (
            "Warga di Jawa Tengah Doa Bersama untuk Pilkada Aman dan Damai",
            "Mereka mendoakan agar pesta demokrasi tersebut berjalan dengan aman dan damai.",
            "Jawa Tengah",
            "Jawa Tengah",
        ),
        (
            "Sejumlah Warga Somasi KPU Banyumas Desak Baliho Kotak Kosong Dicopot",
            "Warga meminta baliho kotak kosong dicopot karena dinilai menyesatkan pemilih.",
            "Banyumas",
            "Jawa Tengah",
        ),
    ],
)
def test_a_place_named_only_in_the_headline_gives_the_story_its_region(
    default_pipeline, title: str, text: str, name: str, province: str
) -> None:
    [record] = default_pipeline.score([{"id": "h", "title": title, "text": text}], n_jobs=1)
    place = _places(record)[name]
    assert place["region"]["province"] == province
    assert place["mentions"] == [] and place["named_in"] == ["title"]


def test_the_sample_article_from_badung_is_in_bali(default_pipeline) -> None:
    [raw] = [r for r in read_sample_records() if r["id"] == "sample-c-103"]
    [record] = default_pipeline.score([raw], n_jobs=1)
    assert record["dateline"] == "Badung"
    assert "Bali" in _provinces(record)
    badung = _places(record)["Badung"]
    assert badung["region"] == {"province": "Bali", "regency": "Kabupaten Badung"}
    assert badung["named_in"] == ["dateline"] and badung["mentions"] == []


def test_a_place_the_body_names_is_not_added_again(default_pipeline) -> None:
    [record] = default_pipeline.score(
        [{"id": "x", "title": "Banjir Rendam Kota Dumai",
          "text": "DUMAI - Banjir merendam ratusan rumah di Kota Dumai sejak Senin."}],
        n_jobs=1,
    )  # fmt: skip
    dumai = [a for a in record["actors"] if a.get("official") == "Kota Dumai"]
    assert len(dumai) == 1 and dumai[0]["mentions"] and "named_in" not in dumai[0]


@pytest.mark.parametrize(
    "title",
    [
        # seen on real news: Title Case headlines whose capitalised everyday words are no place
        "Houthi Serang Situs Minyak Saudi, AS Salahkan Iran",
        "Fakta Lengkap Pemuda Serang Siswa SD dengan Senjata Tajam hingga Tewas",
        "Bea Cukai Amankan Ratusan Ribu Batang Rokok Ilegal",
        "RM Padang Sederhana Bakal Nongol di IKN",
        "Harga Batu Bara Acuan Naik Lagi Bulan Ini",
        "Raisa Gelar Konser Solo Perdana",
    ],
)
def test_everyday_words_of_a_title_case_headline_are_no_place(default_pipeline, title) -> None:
    [record] = default_pipeline.score(
        [{"id": "t", "title": title, "text": "Kabar itu ramai dibicarakan warganet sejak pagi."}],
        n_jobs=1,
    )
    assert [a for a in record["actors"] if a.get("named_in") and a["type"] == "place"] == []
    # (an institution the headline names is one: "Bea Cukai", counted for its share of voice)
    assert not any(a["name"].startswith("Houthi") and a.get("region") for a in record["actors"])


@pytest.mark.parametrize(
    ("title", "regency"),
    [
        ("Korban Miras Oplosan di Malang Bertambah Jadi 4 Orang", None),
        ("Jelang Nyoblos di Solo, Ahmad Luthfi Serahkan ke Masyarakat", "Kota Surakarta"),
        ("Bentrokan OKP dan TNI di Medan, 1 Orang Luka", "Kota Medan"),
    ],
)
def test_such_a_word_after_di_is_the_place(default_pipeline, title, regency) -> None:
    [record] = default_pipeline.score(
        [{"id": "t", "title": title, "text": "Kabar itu ramai dibicarakan warganet sejak pagi."}],
        n_jobs=1,
    )
    [place] = [a for a in record["actors"] if a.get("named_in") and a["type"] == "place"]
    assert place["region"].get("regency") == regency


def test_headlines_of_the_detik_pilkada_index_give_their_regions() -> None:
    """Seen on real news: of the 1,712 records, 135 had a headline naming a province (a place's
    or a local branch's) that the record lacked, 115 of them with no region at all."""
    from media_analytics.actors import extract_actors, places_outside_body
    from media_analytics.corpus import load_detik_pilkada
    from media_analytics.preprocessing import clean_article, clean_title

    n = lacking = gained = found = 0
    for article in load_detik_pilkada(shared_file(_PILKADA)):
        n += 1
        cleaned = clean_article(article.text)
        title = clean_title(article.title) if article.title else ""
        actors = extract_actors(cleaned.text)
        before = {a.region["province"] for a in actors if a.region}
        added = places_outside_body(title, cleaned.dateline, actors)
        assert all(a.type == "place" and not a.mentions and a.named_in for a in added)
        after = before | {a.region["province"] for a in added if a.region}
        gained += after != before
        found += bool(after) and not before
        in_title = {a.region["province"] for a in extract_actors(title) if a.region}
        lacking += bool(in_title - after)
    assert n == 1712
    # 134 records gain a province, 115 of them had none; the one headline left is "Ketua PDIP
    # Salatiga Mundur, Serang Bambang Pacul" ("attacks", no place in Title Case)
    assert lacking <= 3
    assert 125 <= gained <= 145 and 108 <= found <= 120
