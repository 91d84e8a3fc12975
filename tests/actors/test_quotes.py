"""Quote attribution patterns, on sentences written for the tests."""

from __future__ import annotations

import pytest

from media_analytics.actors import extract_quotes


def only(text: str) -> tuple[str | None, str, str | None, bool]:
    quotes = extract_quotes(text)
    assert len(quotes) == 1, quotes
    q = quotes[0]
    assert text[q.start : q.end] == q.text
    return q.speaker, q.text, q.verb, q.direct


@pytest.mark.parametrize(
    "verb", ["ujar", "kata", "ungkap", "tegas", "tambah", "jelas", "tutur", "imbuh"]
)
def test_verb_then_name(verb: str) -> None:
    text = f"Kepala Desa Sukajaya Wawan Setiawan hadir. “Air bersih sudah mengalir,” {verb} Wawan."
    assert only(text) == ("Wawan Setiawan", "Air bersih sudah mengalir", verb, True)


def test_verb_then_role_and_name() -> None:
    text = '"Kami menambah personel di titik rawan," kata Kapolres Kampar AKBP Boby Putra.'
    assert only(text)[0] == "Boby Putra"


def test_enclitic_verb_goes_to_the_person_in_focus() -> None:
    text = (
        "Camat Tualang Zulkifli meninjau posko. Ia juga menemui pengungsi.\n"
        "“Logistik cukup untuk sepekan,” ungkapnya."
    )
    assert only(text)[:3] == ("Zulkifli", "Logistik cukup untuk sepekan", "ungkapnya")


def test_enclitic_after_a_named_quote_keeps_the_speaker() -> None:
    text = (
        "“Kami siaga,” ujar Bupati Siak Afni Zulkifli.\n"
        "Warga menyambut baik.\n"
        "“Semua posko sudah siap,” tegasnya."
    )
    speakers = [q.speaker for q in extract_quotes(text) if q.direct]
    assert speakers == ["Afni Zulkifli", "Afni Zulkifli"]


def test_pronoun_speaker() -> None:
    text = "Direktur RSUD Dumai Dr. Fitri Yanti ditemui kemarin. “Stok darah aman,” kata dia."
    assert only(text)[0] == "Fitri Yanti"


def test_speaker_before_the_quote() -> None:
    text = "Lurah Sukajadi Sarifah mengatakan, “Pendataan selesai pekan depan.”"
    speaker, said, verb, direct = only(text)
    assert (speaker, verb, direct) == ("Sarifah", "mengatakan", True)
    assert said == "Pendataan selesai pekan depan."


def test_menurut_is_indirect() -> None:
    text = "Menurut Ketua Bawaslu Riau Alnofrizal, pengawasan diperketat di semua kecamatan."
    assert only(text) == (
        "Alnofrizal",
        "pengawasan diperketat di semua kecamatan",
        "menurut",
        False,
    )


def test_menurutnya_is_indirect_and_uses_focus() -> None:
    text = "Kepala BPBD Riau Edy Afrizal memantau hujan. Menurutnya, status siaga masih berlaku."
    assert only(text) == ("Edy Afrizal", "status siaga masih berlaku", "menurutnya", False)


def test_verb_bahwa_is_indirect() -> None:
    text = "Wali Kota Dumai Paisal menjelaskan bahwa perbaikan jalan dimulai bulan depan."
    assert only(text) == ("Paisal", "perbaikan jalan dimulai bulan depan", "menjelaskan", False)


def test_straight_quotes_and_several_sentences() -> None:
    text = (
        '"Kami sudah siap. Semua petugas berjaga. Tidak ada libur," '
        "ujar Dandim 0303/Bengkalis Letkol Inf Rudi Hartono."
    )
    speaker, said, verb, direct = only(text)
    assert speaker == "Rudi Hartono" and direct and verb == "ujar"
    assert said == "Kami sudah siap. Semua petugas berjaga. Tidak ada libur"


def test_unattributed_speech_has_no_speaker_and_terms_in_quotes_are_no_quotes() -> None:
    text = (
        "Acara bertajuk “Ngopi Bareng” digelar. “Semoga kegiatan ini terus berjalan setiap bulan.”"
    )
    quotes = extract_quotes(text)
    assert [(q.speaker, q.text) for q in quotes] == [
        (None, "Semoga kegiatan ini terus berjalan setiap bulan.")
    ]


def test_credit_is_never_a_speaker() -> None:
    text = "“Pasokan listrik normal,” ujar Manajer PLN Dumai Andi Saputra.\nEditor : Ari Susanto"
    assert [q.speaker for q in extract_quotes(text)] == ["Andi Saputra"]


def test_to_dict() -> None:
    q = extract_quotes("“Kita jaga bersama,” ujar Camat Sungai Sembilan Hendri.")[0]
    assert q.to_dict() == {
        "speaker": "Hendri",
        "text": "Kita jaga bersama",
        "verb": "ujar",
        "direct": True,
        "start": 1,
        "end": 18,
    }
