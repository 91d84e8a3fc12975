"""Nicknames, carried-over speakers and non-person speakers, on sentences written for the tests."""

from __future__ import annotations

import pytest

from media_analytics.actors import extract_actors, extract_quotes


def speakers(text: str) -> list[str | None]:
    quotes = extract_quotes(text)
    for q in quotes:
        assert text[q.start : q.end] == q.text
    return [q.speaker for q in quotes if q.direct]


def test_nickname_in_brackets() -> None:
    text = (
        "Menteri Pertanian Hendra Wijayakusuma (Cak Hen) meninjau sawah di Ngawi.\n"
        "“Panen tahun ini naik,” kata Cak Hen, Senin (3/2).\n"
        "“Harga gabah juga stabil,” ujarnya."
    )
    assert speakers(text) == ["Hendra Wijayakusuma", "Hendra Wijayakusuma"]
    person = next(a for a in extract_actors(text) if a.name == "Hendra Wijayakusuma")
    assert "Cak Hen" in person.aliases
    assert all(text[s:e] in ("Hendra Wijayakusuma", "Cak Hen") for s, e in person.mentions)


@pytest.mark.parametrize(
    "intro",
    [
        "Kepala Desa Sukamaju Ratnasari Hadiningrum atau Ningrum",
        "Kepala Desa Sukamaju Ratnasari Hadiningrum, yang akrab disapa Ningrum,",
        "Kepala Desa Sukamaju Ratnasari Hadiningrum alias Ningrum",
        "Kepala Desa Sukamaju Ratnasari Hadiningrum dengan sapaan akrab Ningrum",
    ],
)
def test_nickname_phrases(intro: str) -> None:
    text = f"{intro} membuka rapat anggota.\n“Simpanan anggota terus bertambah,” tutur Ningrum."
    assert speakers(text) == ["Ratnasari Hadiningrum"]


def test_clipped_given_name() -> None:
    text = (
        "Alat itu dirancang dosen Teknik Sipil Dr. Wiratmojo Adi Prasetya.\n"
        "“Biayanya jauh lebih murah,” kata Wira."
    )
    assert speakers(text) == ["Wiratmojo Adi Prasetya"]


def test_two_people_with_atau_are_not_merged() -> None:
    text = (
        "Kepala Dusun Karno hadir. Warga bisa melapor kepada Karno atau Sutrisno.\n"
        "“Pos ronda kami buka malam ini,” kata Sutrisno."
    )
    assert speakers(text) == ["Sutrisno"]


def test_carried_over_speaker_prefers_the_last_speaker() -> None:
    text = (
        "“Jalan desa rusak berat,” kata Camat Lirik Joko Susilo.\n"
        "Joko menambahkan, Bupati Indragiri Hulu Dodi Haryanto meminta perbaikan segera.\n"
        "“Kami sudah mengirim surat,” ujarnya."
    )
    assert speakers(text) == ["Joko Susilo", "Joko Susilo"]


def test_office_and_name_after_a_comma() -> None:
    text = (
        "“Berkas perkara sudah lengkap,” ujar Kasi Pidana Umum Kejari Siak, Rudianto "
        "Simatupang di Siak, Rabu (5/3)."
    )
    assert speakers(text) == ["Rudianto Simatupang"]


def test_description_before_the_name() -> None:
    text = "“Data ini belum lengkap,” kata peneliti pada Lembaga Kajian Pangan (LKP), Wulan Sari."
    assert speakers(text) == ["Wulan Sari"]


def test_social_media_handle() -> None:
    text = (
        "Kemenangan itu ramai dibicarakan warganet.\n"
        "“Main bagus sekali malam ini, bangga,” kata @penggemar_bola12."
    )
    assert speakers(text) == ["@penggemar_bola12"]


def test_two_letter_fragment_is_no_speaker() -> None:
    text = (
        "Kapolres Bengkalis AKBP Hendra Gunawan meninjau lokasi.\n"
        "“Kami sudah memasang garis polisi,” kata Hendra.\n"
        "Da juga menegaskan bahwa penyelidikan terus berjalan.\n"
        "“Saksi sudah kami periksa,” jelasnya."
    )
    assert speakers(text) == ["Hendra Gunawan", "Hendra Gunawan"]


def test_unattributed_quote_continues_the_speaker() -> None:
    text = (
        "“Bantuan tahap pertama sudah cair,” kata Lurah Sukajadi Hasanudin.\n"
        "Penyaluran dilakukan lewat bank daerah.\n"
        "“Tahap kedua akan cair bulan depan untuk semua keluarga.”"
    )
    assert speakers(text) == ["Hasanudin", "Hasanudin"]


def test_first_and_last_name_join_the_full_name() -> None:
    text = (
        "Bupati Sidoarjo Andi Saputra Wijaya meninjau pasar di Candi.\n"
        "“Harga beras mulai turun,” ujar Andi Wijaya, Senin (3/2)."
    )
    persons = [a for a in extract_actors(text) if a.type == "person"]
    assert [(p.name, p.aliases) for p in persons] == [("Andi Saputra Wijaya", ["Andi Wijaya"])]
    assert speakers(text) == ["Andi Saputra Wijaya"]


def test_first_and_last_name_fitting_two_full_names_stays_apart() -> None:
    text = (
        "Bupati Sidoarjo Andi Saputra Wijaya dan Camat Candi Andi Rahmat Wijaya meninjau pasar.\n"
        "“Harga beras mulai turun,” ujar Andi Wijaya, Senin (3/2)."
    )
    names = [a.name for a in extract_actors(text) if a.type == "person"]
    assert names == ["Andi Saputra Wijaya", "Andi Rahmat Wijaya", "Andi Wijaya"]
