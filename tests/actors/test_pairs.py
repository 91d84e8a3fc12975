"""Election news: candidate pairs (``Ahmad Luthfi-Taj Yasin``), names with no speech cue
(``Pasangan X dan Y``), election roles (``Cagub Jateng``), and the full names of national
institutions (``Tentara Nasional Indonesia``)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from media_analytics.actors import Actor, extract_actors

from ..conftest import shared_file

_PILKADA = ("corpora/detik-pilkada-jateng-index/pilkada_jawa_tengah.csv", "load_detik_pilkada")
_DETIK_2025 = ("corpora/detik-aspect-news-2025/data_berita.csv", "load_detik_aspect")
_CLICKID = ("corpora/clickid-news-articles/clickid_articles_80.csv", "load_clickid")


def persons(text: str) -> dict[str, Actor]:
    return {a.name: a for a in extract_actors(text) if a.type == "person"}


def said(text: str, actor: Actor) -> list[str]:
    return [text[s:e] for s, e in actor.mentions]


@lru_cache(maxsize=3)
def _articles(relative: str, loader: str) -> tuple[str, ...]:
    import media_analytics.corpus as corpus
    from media_analytics.preprocessing import clean_article

    path = shared_file(relative)
    return tuple(clean_article(a.text).text for a in getattr(corpus, loader)(path))


# --- 1. a hyphen between two names: a pair of persons ----------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # seen on real news (detik Pilkada Jateng index, detik 2025)
        (
            "Pasangan Calon Gubernur-Wakil Gubernur Jawa Tengah Ahmad Luthfi-Gus Yasin unggul "
            "di survei Indikator Politik.",
            "Ahmad Luthfi",
            "Gus Yasin",
        ),
        (
            "Paslon Cagub-Cawagub Jateng nomor urut 02, Ahmad Luthfi-Taj Yasin Maimoen "
            "menanggapi hasil quick count di mana mereka unggul.",
            "Ahmad Luthfi",
            "Taj Yasin Maimoen",
        ),
        (
            "Tim Advokat pasangan calon gubernur-wakil gubernur Jawa Tengah (Jateng) "
            "Andika-Hendi mendatangi Kantor Bawaslu Jateng.",
            "Andika",
            "Hendi",
        ),
        (
            "Anggaran itu, kata Mu'ti, tetap menjadi prioritas Presiden dan Wakil Presiden "
            "Prabowo-Gibran.",
            "Prabowo",
            "Gibran",
        ),
        (
            "Berkas pendaftaran bakal calon Bupati-Wakil Bupati Brebes, Ady Setiawan-Waidin, "
            "dinyatakan tidak memenuhi syarat oleh KPU Brebes.",
            "Ady Setiawan",
            "Waidin",
        ),
        (
            "Daftar kementerian terbaik selama setahun Pemerintahan Presiden Prabowo "
            "Subianto-Gibran Rakabuming Raka menurut survei IndoStrategi.",
            "Prabowo Subianto",
            "Gibran Rakabuming Raka",
        ),
    ],
)
def test_a_pair_joined_by_a_hyphen_is_two_persons(text: str, first: str, second: str) -> None:
    found = persons(text)
    assert first in found and second in found, found
    assert said(text, found[first]) == [first]
    assert said(text, found[second]) == [second]
    assert not [name for name in found if "-" in name], found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # seen on real news: one person's name with a hyphen in it
        (
            "Menteri Lingkungan Hidup Prancis Agnes Pannier-Runacher mengaku gusar.",
            "Agnes Pannier-Runacher",
        ),
        ("Pelatih Arsenal memuji Pierre-Emerick Aubameyang. Aubameyang mencetak gol.", None),
        ("Hal itu dikatakan Jean-Claude Juncker di Brussel.", "Jean-Claude Juncker"),
        ("Hal itu dikatakan Shin Tae-yong usai latihan.", "Shin Tae-yong"),
        ("Menurut Trent Alexander-Arnold, timnya siap.", "Trent Alexander-Arnold"),
        ("Hal itu dikatakan Riyad Al-Maliki di Jenewa.", "Riyad Al-Maliki"),
    ],
)
def test_a_hyphenated_name_of_one_person_stays_whole(text: str, name: str | None) -> None:
    found = persons(text)
    name = name or "Pierre-Emerick Aubameyang"
    assert name in found, found


def test_pairs_on_real_news() -> None:
    """Seen on real news: every hyphenated candidate pair of the detik Pilkada index and of
    detik 2025 comes out as two persons, while the hyphenated names of one person that CLICK-ID
    articles give stay whole."""
    pairs = ("Ahmad Luthfi-Taj Yasin", "Ahmad Luthfi-Gus Yasin", "Andika-Hendi", "Prabowo-Gibran")
    seen = 0
    for relative, loader in (_PILKADA, _DETIK_2025):
        for text in _articles(relative, loader):
            if not any(p in text for p in pairs):
                continue
            names = {a.name for a in extract_actors(text) if a.type == "person"}
            seen += 1
            assert not any(p in name for p in pairs for name in names), names
    assert seen >= 8
    singles = {
        "Pierre-Emerick Aubameyang",
        "Jean-Yves Le Drian",
        "Tsai Ing-wen",
        "Jean-Claude Juncker",
        "Frank-Walter Steinmeier",
        "Trent Alexander-Arnold",
        "Aaron Wan-Bissaka",
        "Kim Jong-un",
    }
    kept: set[str] = set()
    for text in _articles(*_CLICKID):
        if any(s in text for s in singles):
            kept |= singles & {a.name for a in extract_actors(text) if a.type == "person"}
    assert kept == singles
