"""A full stop ends a name: no actor or speaker runs on over the end of a sentence.

A period after an abbreviation or an initial stays inside a name (``PT. Pertamina``, ``M. Tito
Karnavian``); a period after a full word ends the sentence, and the capitalised word after it
opens the next one (``... Kementerian dan Lembaga. Sri Mulyani menyatakan ...``).
"""

from __future__ import annotations

import re

import pytest

from media_analytics.actors import extract_actors, extract_quotes
from media_analytics.actors.tokens import _ABBREV

from ..conftest import shared_file

# a word of two letters or more, its full stop, a space and a capitalised word
_JOIN = re.compile(r"(?<![\w.])([A-Za-z]{2,})\. [A-Z]")


def sentence_joins(name: str) -> list[str]:
    """The sentence ends a name runs over (the word before each full stop)."""
    return [w for w in _JOIN.findall(name) if w.lower() not in _ABBREV]


@pytest.mark.parametrize(
    ("text", "next_word"),
    [
        # seen on real news
        (
            "Laporan BPK menemukan 14.965 permasalahan untuk seluruh Kementerian dan Lembaga. "
            "Sri Mulyani menyatakan sangat menghargai apa yang dilakukan BPK.",
            "Sri",
        ),
        (
            "Polisi memberikan barang bukti terkait kasus itu kepada Kejaksaan. Gede berujar, "
            "barang bukti itu berupa hasil laboratorium.",
            "Gede",
        ),
        (
            "Data itu tercatat pada kartu dan server Korlantas. Refdi mengatakan, SIM pada "
            "dasarnya merupakan kompetensi.",
            "Refdi",
        ),
        ("Andreas berpisah dengan orangtuanya sejak kelas 9 SMP. Andreas lalu bekerja.", "Andreas"),
        ("Rapat itu membahas pemindahan Ibu Kota. Setidaknya ada tiga hal pokok.", "Setidaknya"),
        ("Ia ditahan di Rutan. Suaminya ingin menikmati Lasagna bersama Mirna.", "Suaminya"),
    ],
)
def test_no_name_runs_over_a_full_stop(text: str, next_word: str) -> None:
    actors = extract_actors(text)
    names = [a.name for a in actors] + [q.speaker or "" for q in extract_quotes(text, actors)]
    assert not [n for n in names if f". {next_word}" in n], names


def test_the_person_after_an_organisation_s_full_stop_is_the_speaker() -> None:
    text = (
        "Sri Mulyani Indrawati menanggapi hasil laporan BPK yang menemukan permasalahan untuk "
        "seluruh Kementerian dan Lembaga. Sri Mulyani menyatakan sangat menghargai apa yang "
        "dilakukan oleh lembaga auditor keuangan negara tersebut."
    )
    actors = extract_actors(text)
    assert {a.name: a.type for a in actors}.get("Lembaga") in (None, "organization")
    assert "Sri Mulyani Indrawati" in {a.name for a in actors if a.type == "person"}
    speakers = {q.speaker for q in extract_quotes(text, actors)}
    assert speakers and not any("Lembaga" in (s or "") for s in speakers), speakers


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Mendagri M. Tito Karnavian mengatakan hal itu.", "M. Tito Karnavian", "person"),
        # a shortened first name, seen on real news
        ("Menko Polhukam Moh. Mahfud mengatakan hal itu.", "Moh. Mahfud", "person"),
        ("Kapolres AKBP Moch. Arief Hidayat juga hadir.", "Moch. Arief Hidayat", "person"),
        ("Hal itu disampaikan Abd. Rahman kemarin.", "Abd. Rahman", "person"),
        ("Ia dirujuk ke RSUD Dr. Soetomo Surabaya.", "RSUD Dr. Soetomo Surabaya", "organization"),
        ("Dirawat di RSUP Prof. dr. R. D. Kandou.", "RSUP Prof. dr. R. D. Kandou", "organization"),
        ("Kegiatan itu digelar PT. Pertamina di Jakarta.", "PT. Pertamina", "organization"),
        ("Ia tinggal di Kab. Langkat, Sumatera Utara.", "Kab. Langkat", "place"),
        ("Rumahnya di Jl. Sudirman No. 5 terbakar.", "Jl. Sudirman No. 5", None),
        # no space after the period: a typing slip inside the name, seen on real news
        ("Masjid itu dibangun di Desa.Lero, Kabupaten Donggala.", "Desa.Lero", "place"),
    ],
)
def test_an_abbreviation_s_period_stays_inside_the_name(text: str, name: str, kind: str) -> None:
    found = {a.name: a.type for a in extract_actors(text)}
    if kind is None:  # a street is no actor: it only must not swallow the next words
        assert not any(name in n for n in found), found
    else:
        assert found.get(name) == kind, found


def test_an_honorific_s_or_a_rank_s_period_stays_with_the_person() -> None:
    (p,) = [a for a in extract_actors("Warga bernama H. Abdul Somad datang.") if a.type == "person"]
    assert (p.name, p.honorifics) == ("Abdul Somad", ["H."])
    # seen on real news
    text = "Hal itu disampaikan Kapolres Nias, AKBP. Deni Kurniawan kepada wartawan."
    (p,) = [a for a in extract_actors(text) if a.type == "person"]
    assert (p.name, p.title, p.role) == ("Deni Kurniawan", "AKBP", "Kapolres Nias")


@pytest.mark.slow
@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("relative", "loader"),
    [
        ("corpora/clickid-news-articles/clickid_articles_80.csv", "load_clickid"),
        ("corpora/detik-aspect-news-2025/data_berita.csv", "load_detik_aspect"),
    ],
)
def test_no_actor_or_speaker_of_real_news_runs_over_a_full_stop(relative: str, loader: str) -> None:
    import media_analytics.corpus as corpus
    from media_analytics.preprocessing import clean_article

    path = shared_file(relative)
    joined: list[tuple[str, str]] = []
    for article in getattr(corpus, loader)(path):
        text = clean_article(article.text).text
        if not _JOIN.search(text):
            continue
        actors = extract_actors(text)
        names = {a.name for a in actors} | {q.speaker or "" for q in extract_quotes(text, actors)}
        joined += [(str(article.id), n) for n in sorted(names) if sentence_joins(n)]
    assert joined == [], joined[:20]
