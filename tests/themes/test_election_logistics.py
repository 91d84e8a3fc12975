"""election_logistics covers voting day itself: casting a vote at a polling station, as headlines
and leads put it, spoken form ("nyoblos") included."""

from __future__ import annotations

import pytest

from media_analytics.themes import ThemeTagger

from .conftest import themes_of


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Antre Bareng Warga Sejak Pagi",
            "Calon bupati petahana itu nyoblos di TPS 3 Desa Karangrejo dan ikut antre bersama "
            "warga.",
        ),
        (
            "Datang Bersama Istri",
            "Wali kota menggunakan hak pilih di TPS 12 Kelurahan Manahan sekitar pukul 08.00 WIB.",
        ),
    ],
)
def test_casting_a_vote_at_a_polling_station_is_election_logistics(
    tagger: ThemeTagger, title: str, text: str
) -> None:
    assert "election_logistics" in themes_of(tagger, title, text)


def test_a_school_election_at_its_own_polling_station_is_not(tagger: ThemeTagger) -> None:
    title = "Siswa Antusias Pilih Ketua Baru"
    text = "Dalam pemilihan ketua OSIS, para siswa mencoblos di TPS yang dibuat panitia sekolah."
    assert "election_logistics" not in themes_of(tagger, title, text)
