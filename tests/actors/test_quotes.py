"""Quote attribution patterns, on sentences written for the tests."""

from __future__ import annotations

import pytest

from media_analytics.actors import extract_actors, extract_quotes


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


@pytest.mark.parametrize(
    "declines",
    ["belum mau berkomentar", "enggan menanggapi", "tidak bisa dihubungi", "bungkam",
     "menolak memberikan keterangan"],
)  # fmt: skip
def test_a_subject_who_declines_to_speak_takes_no_focus(declines: str) -> None:
    # seen by a PR office: "Ia menuturkan ..." and "ujarnya" after "Namun Sandiaga belum mau
    # berkomentar" were given to Sandiaga, who had said nothing; the speaker was the one quoted
    # before
    def speakers(middle: str) -> list[str | None]:
        text = (
            "Petani Darsono mengatakan, panen tahun ini lebih baik. "
            '"Hasilnya naik," kata Darsono saat dihubungi, Senin. Darsono mengaku sudah '
            f"bertanya kepada Bupati Hendra soal pupuk. Namun Hendra {middle}. Ia menuturkan "
            'petani masih menunggu kiriman pupuk. "Kami tetap bersabar," ujarnya.'
        )
        return [q.speaker for q in extract_quotes(text, extract_actors(text))][-2:]

    assert speakers(declines) == ["Darsono", "Darsono"]
    # a subject who does something else takes the focus, as before
    assert speakers("menolak tudingan itu") == speakers("datang terlambat") == ["Hendra"] * 2


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


# --- attribution errors of issue #7, on sentences written for the tests ---------------------------


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.direct]


def test_unit_abbreviation_of_an_office_is_not_the_name() -> None:
    text = (
        "Kasi Penkum Kejati Jambi Suryanto mengatakan pemeriksaan berjalan lancar.\n"
        '"Kami sudah memeriksa tujuh saksi hari ini," jelasnya.'
    )
    assert speakers(text) == ["Suryanto"]


def test_organisation_before_a_place_and_a_name_belongs_to_the_office() -> None:
    text = (
        '"Anak muda peduli pada energi bersih," ujar Manajer Kampanye Hijaunesia Indonesia '
        "Rudi Hartono di Jakarta."
    )
    assert speakers(text) == ["Rudi Hartono"]


@pytest.mark.parametrize("hon", ["Teh", "Teteh", "Akang", "Bli"])
def test_regional_form_of_address_is_not_part_of_the_name(hon: str) -> None:
    text = (
        "Penyanyi Sari Wulandari bercerita tentang masa kecilnya.\n"
        f'"Dulu {hon} Sari sering diajak ke pasar oleh ibunya," kata Sari.'
    )
    assert speakers(text) == ["Sari Wulandari"]
    assert all(hon not in a.name for a in extract_actors(text))


def test_english_job_title_before_the_name() -> None:
    text = (
        '"Kami mencari penyanyi baru dari seluruh negeri," kata Director Programming & '
        "Acquisition RCTI Rina Kusuma dalam jumpa pers."
    )
    assert speakers(text) == ["Rina Kusuma"]


def test_attribution_without_a_speech_verb() -> None:
    text = (
        '"Hasil survei menunjukkan kepuasan publik naik tajam tahun ini," Direktur Riset '
        "Budi Santoso, dalam rilis, Senin (1/9/2025)."
    )
    assert speakers(text) == ["Budi Santoso"]


def test_no_verb_and_no_comma_is_not_an_attribution() -> None:
    text = 'Ia menyebut acara itu "Malam Seribu Bintang". Budi Santoso datang terlambat.'
    assert speakers(text) == []


def test_enclitic_verb_followed_by_a_name() -> None:
    text = (
        "Menteri Joko Susilo meninjau lokasi tambang.\n"
        "Kepala Dinas Tambang, Ma'mun, meminta warga mengurus izin.\n"
        '"Kami siap membantu warga yang ingin mengurus izin usaha," kata Joko.\n'
        '"Silakan warga mengurus izin usaha secepatnya agar legal," ujarnya Ma\'mun.'
    )
    assert speakers(text) == ["Joko Susilo", "Ma'mun"]


def test_enclitic_verb_followed_by_a_date_keeps_the_focus() -> None:
    text = (
        "Kepala Dinas Tambang, Harun Prasetyo, meminta warga mengurus izin.\n"
        '"Silakan warga mengurus izin usaha secepatnya," ujarnya Senin (1/9/2025).'
    )
    assert speakers(text) == ["Harun Prasetyo"]


def test_statement_reported_by_a_news_agency() -> None:
    text = (
        "Menteri Andre Dubois menelepon Raja Faisal pada Senin.\n"
        '"Menteri menyatakan kesiapan negaranya untuk membantu penyelidikan," bunyi pernyataan '
        "yang dilaporkan kantor berita Nusantara, Kabar Press Agency.\n"
        '"Raja menekankan bahwa serangan itu merusak ekonomi kawasan," sambung pernyataan itu.'
    )
    assert speakers(text) == ["Kabar Press Agency", "Kabar Press Agency"]


def test_name_lost_after_the_verb() -> None:
    text = (
        "Aktris itu kini sudah berhijab.\n"
        '"Saya ingin belajar agama lebih dalam lagi mulai sekarang," ujar,.\n'
        "Ratna Sari menambahkan, hidupnya kini lebih tenang."
    )
    assert speakers(text) == ["Ratna Sari"]


def test_another_commenter_is_not_named_lainnya() -> None:
    text = (
        '"Semua harus mendukung dia sampai akhir," ujar fans.\n'
        '"Jangan biarkan orang lain menjatuhkanmu begitu saja," tulis lainnya.\n'
        '"Kami akan selalu ada untuk dia," kata fans lainnya.'
    )
    assert speakers(text) == ["fans", "fans", "fans"]


def test_another_commenter_named_after_the_description() -> None:
    text = (
        '"Semua harus mendukung dia sampai akhir," ujar warganet.\n'
        '"Jangan biarkan orang lain menjatuhkanmu," tulis warganet lainnya, Dewi Lestari.'
    )
    assert speakers(text) == ["warganet", "Dewi Lestari"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Menurut Kevin Wijaya, ketenangan di akhir laga membuat mereka sukses "
            '"membalas dendam" kepada lawan.',
            "Kevin Wijaya",
        ),
        (
            "Juru bicara Andi Saputra menyebut pemerintah kini fokus pada "
            '"wisata berkualitas" bagi warga.',
            "Andi Saputra",
        ),
    ],
)
def test_short_fragment_inside_reported_speech(text: str, speaker: str) -> None:
    # a scare quote: no direct quote of its own, and the reported speech runs on past it
    quotes = extract_quotes(text)
    assert [(q.speaker, q.direct) for q in quotes] == [(speaker, False)]
    assert quotes[0].text == text[quotes[0].start : len(text) - 1]


def test_a_scare_quote_does_not_cut_the_reported_speech() -> None:
    text = 'Rudi Hartanto menilai aturan itu membuat pedagang "gulung tikar" dalam setahun.'
    quotes = extract_quotes(text)
    assert [(q.speaker, q.verb, q.direct) for q in quotes] == [("Rudi Hartanto", "menilai", False)]
    assert quotes[0].text == 'aturan itu membuat pedagang "gulung tikar" dalam setahun'


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        # a one-word or ranked name in apposition after the office
        (
            "Rektor Undip, Suharnomo, mengatakan seluruh inovasi itu hasil riset kampus.",
            "Suharnomo",
            "seluruh inovasi itu hasil riset kampus",
        ),
        (
            "Kapolres Dumai, AKBP Budi Santoso, membenarkan bahwa pelaku sudah ditangkap.",
            "Budi Santoso",
            "pelaku sudah ditangkap",
        ),
        # a description between commas after the name
        (
            "Herfi Hervian, guru di sekolah korban, mengatakan bahwa laporan sudah diterima.",
            "Herfi Hervian",
            "laporan sudah diterima",
        ),
        # "menurut" and the name with no comma before the clause
        (
            "Prabowo berpidato. Menurut Prabowo tanggul laut dapat menyelamatkan 50 juta orang.",
            "Prabowo",
            "tanggul laut dapat menyelamatkan 50 juta orang",
        ),
    ],
)
def test_more_forms_of_reported_speech(text: str, speaker: str, said: str) -> None:
    found = [(q.speaker, q.text) for q in extract_quotes(text, extract_actors(text))]
    assert (speaker, said) in found


def test_menurut_dia_goes_to_the_person_in_focus() -> None:
    text = (
        "Sergei Domogatskii mengatakan ia dihadang di jalan. Menurut dia, kedua orang itu "
        "berpakaian seperti polisi."
    )
    found = [(q.speaker, q.text) for q in extract_quotes(text, extract_actors(text))]
    assert ("Sergei Domogatskii", "kedua orang itu berpakaian seperti polisi") in found


def test_a_degree_after_the_name_is_never_the_speaker() -> None:
    from media_analytics.actors import extract_actors, extract_quotes

    text = (
        "Kapolres Bone AKBP Andi Ridwan Pawelloi, S.I.K., M.H., mengatakan pihaknya siap "
        'mengamankan pilkada. "Kami siap menjaga keamanan," kata Andi Ridwan Pawelloi, '
        "S.I.K., M.H. di Watampone."
    )
    quotes = extract_quotes(text, extract_actors(text))
    assert [(q.speaker, q.direct) for q in quotes] == [
        ("Andi Ridwan Pawelloi", False),
        ("Andi Ridwan Pawelloi", True),
    ]


def test_a_number_with_a_thousands_dot_does_not_cut_reported_speech() -> None:
    text = "Budi Santoso mengatakan Indonesia memiliki 1.340 suku bangsa dan kurs Rp 16.559."
    speaker, said, _, _ = only(text)
    assert speaker == "Budi Santoso"
    assert said == "Indonesia memiliki 1.340 suku bangsa dan kurs Rp 16.559"


def test_a_negated_reporting_verb_is_not_a_statement() -> None:
    text = (
        "Wakil Ketua KPK Johanis Tanak mengatakan OTT itu terjadi di Jakarta. KPK belum "
        "menjelaskan pihak yang diamankan. Tanak juga tidak menyebutkan jumlahnya."
    )
    found = [(q.speaker, q.text) for q in extract_quotes(text, extract_actors(text))]
    assert found == [("Johanis Tanak", "OTT itu terjadi di Jakarta")]
    # "tidak hanya menegaskan" (not only stressed) is said, and more
    more = (
        "Jakarta - Pemerintah menyiapkan anggaran baru. KPK tidak hanya menegaskan bahwa "
        "anggaran akan dipangkas pada tahun depan. Rapat berlangsung lama."
    )
    assert [(q.speaker, q.text) for q in extract_quotes(more, extract_actors(more))] == [
        ("KPK", "anggaran akan dipangkas pada tahun depan")
    ]


def test_an_office_without_a_name_after_the_verb_is_not_the_last_speaker() -> None:
    text = (
        '"Saya baik-baik saja," kata Sri Soedarsono.\n'
        '"Bagaimana kabar Pak Habibie?" tanya awak media.\n'
        '"Menjatuhkan sanksi peringatan keras," kata Ketua DKPP dalam sidang.'
    )
    found = [(q.speaker, q.verb) for q in extract_quotes(text, extract_actors(text))]
    assert found == [("Sri Soedarsono", "kata"), ("awak media", "tanya"), ("Ketua DKPP", "kata")]


def test_an_office_named_before_is_its_holder_and_a_demonstrative_points_back() -> None:
    text = (
        "Ketua DKPP Heddy Lugito membuka sidang. Di sisi lain, Budi Santoso menolak putusan. "
        '"Kami akan banding," kata Budi.\n'
        '"Sanksi sudah dijatuhkan," kata Ketua DKPP dalam sidang.'
    )
    found = [q.speaker for q in extract_quotes(text, extract_actors(text))]
    assert found == ["Budi Santoso", "Heddy Lugito"]
    text = (
        'Kuasa hukum terdakwa, Budi Santoso, menolak putusan. "Kami akan banding," kata Budi.\n'
        '"Kami tetap banding," ujar Ketua RT 21, Kelurahan Belo, itu.'
    )
    found = [q.speaker for q in extract_quotes(text, extract_actors(text))]
    assert found == ["Budi Santoso", "Budi Santoso"]


def test_speakers_the_actor_rules_missed_become_actors() -> None:
    from media_analytics.actors import speakers_as_actors

    text = (
        "Petugas Siskohat Kemenag Kalteng, Ismail Marzuki, membenarkan bahwa jemaah sudah tiba.\n"
        '"Sudah masuk musim hujan," kata Staf Prakirawan BMKG Sulsel, Farid dalam keterangannya.'
    )
    actors = extract_actors(text)
    quotes = extract_quotes(text, actors)
    assert {q.speaker for q in quotes} == {"Ismail Marzuki", "Farid"}
    everyone = speakers_as_actors(text, actors, quotes)
    persons = {a.name: a for a in everyone if a.type == "person"}
    assert set(persons) >= {"Ismail Marzuki", "Farid"}
    for a in persons.values():
        assert all(text[s:e] == a.name for s, e in a.mentions)
    # an office, a place and a lower-case description are not made persons
    other = '"Jalan ditutup," kata Kebayoran Baru. "Sudah dibuka," tulis awak media.'
    assert speakers_as_actors(other, [], extract_quotes(other, [])) == []


def test_the_initials_a_person_goes_by_are_that_person() -> None:
    text = (
        "Menteri Koordinator Agus Harimurti Yudhoyono (AHY) buka suara soal utang. AHY mengaku "
        "sempat memanggil lintas kementerian. AHY menyebut skema penyelesaian masih menunggu."
    )
    actors = extract_actors(text)
    (ahy,) = [a for a in actors if a.type == "person"]
    assert ahy.name == "Agus Harimurti Yudhoyono" and ahy.aliases == ["AHY"]
    assert [text[s:e] for s, e in ahy.mentions].count("AHY") == 3
    quotes = extract_quotes(text, actors)
    assert [(q.speaker, q.verb) for q in quotes] == [
        ("Agus Harimurti Yudhoyono", "mengaku"),
        ("Agus Harimurti Yudhoyono", "menyebut"),
    ]


def test_menurutnya_without_a_comma_reports_its_own_sentence() -> None:
    # no comma after "Menurutnya", and the next paragraph joined by ".," as scraped pages do
    for join in (". ", ".,"):
        text = (
            f'"Itu keliru," ujar Hendra Wijaya. Menurutnya Dinas tidak pernah menutup pasar itu'
            f"{join}Selain itu, Hendra juga menegaskan tak ada rencana relokasi pedagang."
        )
        found = [(q.speaker, q.verb, q.text) for q in extract_quotes(text, extract_actors(text))]
        assert ("Hendra Wijaya", "menurutnya", "Dinas tidak pernah menutup pasar itu") in found
        assert [q.verb for q in extract_quotes(text, extract_actors(text))] == [
            "ujar",
            "menurutnya",
            "menegaskan",
        ]


def test_menurutnya_goes_to_the_speaker_of_the_quotation_before() -> None:
    text = (
        "Ekonom Budi Santoso menilai, Rina Kusuma menjadi sosok penting bagi pasar. "
        '"Pasar pasti bereaksi," kata Rudi Hartono.\n'
        "Lanjutnya, jika benar terjadi, menurutnya sosok pengganti harus segera diumumkan."
    )
    found = [(q.speaker, q.verb) for q in extract_quotes(text, extract_actors(text))]
    assert ("Rudi Hartono", "menurutnya") in found


def test_menurutnya_inside_a_reported_statement_is_not_a_second_quote() -> None:
    text = (
        "Menteri Perdagangan Andi Saputra mengatakan selama setahun terakhir menurutnya harga "
        "pangan bisa stabil, inflasi juga berada di bawah 3%."
    )
    quotes = extract_quotes(text, extract_actors(text))
    assert [(q.speaker, q.verb) for q in quotes] == [("Andi Saputra", "mengatakan")]


def test_what_an_answer_answers_is_no_statement() -> None:
    text = '"Izinnya pasti terbit," kata Yusuf Maulana menjawab pertanyaan para kepala desa.'
    quotes = extract_quotes(text, extract_actors(text))
    assert [(q.speaker, q.verb) for q in quotes] == [("Yusuf Maulana", "kata")]
    text = "Yusuf Maulana menanggapi, izin usaha itu pasti terbit."
    assert only(text)[:3] == ("Yusuf Maulana", "izin usaha itu pasti terbit", "menanggapi")


def test_the_speaker_is_the_person_before_selaku() -> None:
    text = "Rudi Hartono selaku pengacara keluarga Wijaya menyebut gugatan itu sudah didaftarkan."
    assert only(text)[:2] == ("Rudi Hartono", "gugatan itu sudah didaftarkan")


@pytest.mark.parametrize(
    "office",
    [
        "Kepala Stasiun Tugu",
        "Manajer Terminal Tirtonadi",
        "Kepala Bandara Juanda",
        "Manajer Pelabuhan Tanjung Emas",
        "Kepala Stasiun Tugu,",  # the office closed by a comma before the verb
        "Kepala Dinas Perhubungan Jawa Timur,",
    ],
)
def test_the_person_before_selaku_speaks_for_an_office_at_a_facility(office: str) -> None:
    text = f"Dewi Lestari selaku {office} menyebut jadwal kereta kembali normal."
    assert only(text)[:2] == ("Dewi Lestari", "jadwal kereta kembali normal")


@pytest.mark.parametrize(
    "holder",
    [
        "sebagai Kepala Stasiun Tugu",
        "sebagai Manajer Terminal Tirtonadi",
        "sebagai Kepala Bandara Juanda",
        "sebagai Manajer Pelabuhan Tanjung Emas,",
        ", Kepala Stasiun Tugu,",
        ", Kepala Pelabuhan Tanjung Emas,",
    ],
)
def test_the_person_named_before_an_office_at_a_facility_speaks(holder: str) -> None:
    # "Dewi Lestari sebagai Kepala Stasiun Tugu menyebut": the facility's name is no speaker
    text = f"Dewi Lestari {holder} menyebut jadwal kereta kembali normal.".replace(" ,", ",")
    assert only(text)[:2] == ("Dewi Lestari", "jadwal kereta kembali normal")


def test_a_seorang_description_without_its_closing_comma_keeps_the_speaker() -> None:
    text = (
        '"Antrean selalu panjang," kata Dedi. Di sisi lain, Marlina, seorang pedagang sayur '
        'menilai pungutan di pasar itu terlalu tinggi. "Kami sudah sering mengeluh," katanya.'
    )
    quotes = extract_quotes(text, extract_actors(text))
    assert [(q.speaker, q.verb) for q in quotes] == [
        ("Dedi", "kata"),
        ("Marlina", "menilai"),
        ("Marlina", "katanya"),
    ]


def test_an_office_in_an_organisation_is_a_person_not_the_organisation() -> None:
    text = (
        "Wakil Ketua Komisi IV DPR Hendra Wijaya meninjau gudang Bulog. "
        "Wakil Ketua Komisi IV DPR menyoroti stok beras yang menipis menjelang Lebaran."
    )
    quotes = extract_quotes(text, extract_actors(text))
    assert [(q.speaker, q.verb) for q in quotes] == [("Hendra Wijaya", "menyoroti")]
    text = "Anggota Komisi X DPR menyinggung anggaran sekolah yang belum cair di daerah."
    assert only(text)[:3] == (
        "Anggota Komisi X DPR",
        "anggaran sekolah yang belum cair di daerah",
        "menyinggung",
    )


def test_a_kinship_word_and_its_qualifier_are_no_part_of_a_name() -> None:
    # seen on real news: "Sulung Jokowi" as a person and a speaker
    text = (
        "Gibran Rakabuming menemui Wali Kota Solo Hadi Rudyatmo. Putra Sulung Jokowi ini mengaku "
        'pertemuan itu biasa. "Kami bicara," katanya.'
    )
    actors = extract_actors(text)
    names = [a.name for a in actors if a.type == "person"]
    assert not any("Sulung" in n for n in names)
    assert all("Sulung" not in (q.speaker or "") for q in extract_quotes(text, actors))


def test_an_office_word_before_a_stripped_name_keeps_its_organisation() -> None:
    # seen on real news: the bare common noun "anggota" as the speaker
    text = (
        'Komisi III menggelar rapat. "Kami siap," kata anggota Komisi III, , di Kompleks '
        "Parlemen, Senayan, Jakarta, Selasa (10/9/2019)."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["anggota Komisi III"]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Presiden Terpilih Prabowo Subianto mengatakan, “Kami siap.”",
            "Prabowo Subianto",
            "Presiden Terpilih",
        ),
        (
            "Bupati Bogor nonaktif Ade Yasin mengatakan, “Kami siap.”",
            "Ade Yasin",
            "Bupati Bogor nonaktif",
        ),
    ],
)
def test_a_qualifier_after_an_office_belongs_to_the_office(text: str, name: str, role: str) -> None:
    # seen on real news: "Terpilih Prabowo Subianto" as a written form of Prabowo
    (person,) = [a for a in extract_actors(text) if a.type == "person"]
    assert (person.name, person.role, person.aliases) == (name, role, [])
    assert [q.speaker for q in extract_quotes(text)] == [name]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            # a short form ("LSI") of an organisation named in full earlier, then the name
            'Lembaga Survei Indonesia (LSI) merilis survei. "Angkanya naik," kata periset LSI '
            "Rina Kusumawati di Jakarta, Senin.",
            "Rina Kusumawati",
        ),
        (
            # the organisation reader ran on into the name of a person the article names again
            '"Trotoar harus ditata," kata pengamat tata ruang Universitas Trisakti Joko Waluyo '
            'kepada wartawan, Senin. "Pedagang perlu lahan," ujar Joko Waluyo.',
            "Joko Waluyo",
        ),
    ],
)
def test_a_description_stops_before_the_name_after_its_organisation(
    text: str, speaker: str
) -> None:
    # seen on real news: "peniliti ICW Lalola Ester" and "pengamat tata kota Universitas Trisakti
    # Nirwono Yoga" as speakers: descriptions that held the speaker's own name
    assert extract_quotes(text)[0].speaker == speaker


def test_a_qualifier_after_two_offices_is_no_role_of_the_name_after_a_comma() -> None:
    # seen on real news: Wiranto with the role "Presiden dan Wakil Presiden terpilih"
    text = (
        "Terkait pelantikan Presiden dan Wakil Presiden terpilih, Sutrisno juga menyebut "
        'ada gerakan baru. "Kami waspada," kata Sutrisno.'
    )
    (person,) = [a for a in extract_actors(text) if a.type == "person"]
    assert (person.name, person.role) == ("Sutrisno", None)


@pytest.mark.parametrize("honorific", ["KH", "H.", "Prof."])
def test_an_honorific_after_a_qualified_office_is_no_part_of_the_role(honorific: str) -> None:
    # seen on real news: Ma'ruf Amin with the role "Wakil Presiden terpilih KH"
    text = f"Wakil Presiden terpilih {honorific} Ahmad Fauzan menghadiri rapat pleno di Bandung."
    (person,) = [a for a in extract_actors(text) if a.type == "person"]
    assert (person.name, person.role) == ("Ahmad Fauzan", "Wakil Presiden terpilih")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Kapolda Sumut, Irjen Agus Andrianto, menjenguk Kombes Budi Santoso di rumah sakit. "
            '"Pada kesempatan ini saya Kapolda Sumut mendoakan kesembuhan," katanya.',
            "Agus Andrianto",
        ),
        (
            "Bupati Siak Alfedri hadir bersama Wali Kota Medan Bobby Nasution. "
            '"Saya Bupati Siak menjamin keamanan," ujarnya.',
            "Alfedri",
        ),
    ],
)
def test_an_office_after_saya_is_the_speakers_own(text: str, speaker: str) -> None:
    # seen on real news: "saya Kapolda Metro Jaya beserta seluruh jajaran ..., katanya"
    assert only(text)[0] == speaker


def test_a_name_after_saya_owning_a_noun_is_someone_else() -> None:
    text = (
        "Yati hadir bersama Muhammad Habibie, cucunya. "
        '"Saya beri nama cucu saya Muhammad Habibie sejak lahir," katanya.'
    )
    assert only(text)[0] != "Muhammad Habibie"


def test_a_quotation_after_the_attribution_sentence_of_the_one_before_is_the_same_speakers() -> (
    None
):
    # seen in real news: the second quotation had no speaker because the attribution between
    # the two names someone else (the officer visited)
    text = (
        '"Kakinya terjepit pagar saat massa saling dorong," kata Kapolresta Pontianak AKBP Ade '
        "Ary Syam saat menjenguk Bripda Anastasia, Selasa (1/10). "
        '"Korban saat itu bersama polwan lainnya berada di barisan depan."'
    )
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Ade Ary Syam", "Ade Ary Syam"]


def test_a_quotation_right_before_an_attributed_one_is_the_same_speakers() -> None:
    text = (
        "Polisi masih mencari dukun yang disewa pelaku. "
        '"Keberadaannya sudah dideteksi petugas.","Saat ini masih dalam pengejaran," kata '
        "Kabid Humas Polda Metro Jaya Kombes Argo Yuwono."
    )
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Argo Yuwono", "Argo Yuwono"]


def test_slogans_in_a_list_take_no_speaker_from_the_quotation_after_them() -> None:
    text = (
        'Poster mereka bertulis "KPK dibunuh DPR" dan "Janji tinggal janji, janji palsu semua." '
        '"Kami akan terus turun ke jalan," kata koordinator aksi Rina Marlina.'
    )
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes if q.text.startswith("Janji")] in ([], [None])


def test_balas_attributes_a_reply() -> None:
    text = (
        '"Bangun, sudah siang," ujar Nagita Slavina. "Aduh, jangan dicium dulu," balas Raffi Ahmad.'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Nagita Slavina", "Raffi Ahmad"]


@pytest.mark.parametrize("verb", ["tegur", "sergah", "keluh"])
def test_reproach_and_complaint_verbs_attribute_a_quotation(verb: str) -> None:
    # seen in review on detik: '"Bapak ibu sekalian, inflasi ...," tegur Tomsi' had no speaker
    text = (
        "Sekjen Kemendagri Tomi Hartawan memimpin rapat inflasi daerah.\n"
        f'"Bapak ibu sekalian, inflasi di sepuluh provinsi masih tinggi," {verb} Tomi.'
    )
    assert speakers(text) == ["Tomi Hartawan"]


def test_a_quotation_about_the_suspect_is_not_the_suspects() -> None:
    # seen on detik: a police chief's account ("Digorok oleh tersangka ...") after a paragraph
    # whose subject was the suspect went to the suspect
    text = (
        "Kapolsek Sukamaju Kompol Agus Hartanto menjelaskan penangkapan itu.\n"
        '"Pelaku kami tangkap di rumah kerabatnya," kata Agus.\n'
        "Tersangka Rudi Santoso sempat melarikan diri ke Bitung. Rudi bersembunyi di gudang.\n"
        '"Tersangka memakai pisau dapur yang disembunyikan di bawah bantal," ungkapnya.'
    )
    assert speakers(text) == ["Agus Hartanto", "Agus Hartanto"]


def test_a_quotation_given_twice_has_one_speaker() -> None:
    # seen on detik: the same quotation, "kata Agus" in the story and "katanya" in a summary
    # below, went to the police chief and to the suspect named just before the copy
    said = "Ya, kami lumpuhkan supaya tidak kabur lagi dari kejaran petugas"
    text = (
        "Kapolsek Sukamaju Kompol Agus Hartanto menjelaskan penangkapan itu.\n"
        f'"{said}," kata Agus.\n'
        "Rudi Santoso mengaku menyesal dan meminta maaf kepada keluarga korban.\n"
        f'"{said}," katanya.'
    )
    assert speakers(text) == ["Agus Hartanto", "Agus Hartanto"]  # (not Rudi, who spoke between)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Kepala Dinas PU Budi Santoso diduga meminta uang Rp 1 miliar kepada pengembang.", False),
        ("Kepala Dinas PU Budi Santoso meminta Rp 50 juta untuk survei.", False),
        ("Bupati Sinta Lestari menyampaikan surat pengunduran dirinya kepada DPRD.", False),
        ("Kapolres AKBP Budi Santoso meminta warga tetap tenang.", True),
        ("Ketua Presidium Budi Santoso meminta Komisi III DPR menunda rapat.", True),
    ],
)
def test_a_thing_asked_for_or_handed_over_is_no_quote(text: str, quoted: bool) -> None:
    # seen in review on real news: "Iwa meminta uang Rp 1 miliar" (a bribe asked for) and
    # "menyampaikan pengajuan Raperda" (a file delivered) were returned as statements
    assert bool(extract_quotes(text)) is quoted


def test_the_person_spoken_to_is_no_words_reported() -> None:
    # a report showed "kepada istri kedua pejabat baru itu" as the KPK chairman's latest quote
    text = (
        '"Jangan sampai ada yang korupsi," ujar Agus berpesan kepada istri kedua pejabat baru '
        "itu. Ketua KPK Agus Rahardjo hadir dalam pelantikan."
    )
    assert [q.text for q in extract_quotes(text)] == ["Jangan sampai ada yang korupsi"]
    # what follows the person spoken to is what was said, the addressee kept with it
    said = {
        "Bupati Budi Santoso berpesan kepada warga agar tidak membuang sampah ke sungai.":
            "kepada warga agar tidak membuang sampah ke sungai",
        "Menpora Imam Nahrawi meminta kepada semua pihak menjunjung tinggi asas praduga.":
            "kepada semua pihak menjunjung tinggi asas praduga",
        "Kapolres Dodi Hartono mengatakan kepada wartawan bahwa pelaku sudah ditangkap.":
            "kepada wartawan bahwa pelaku sudah ditangkap",
    }  # fmt: skip
    for text, words in said.items():
        assert [q.text for q in extract_quotes(text)] == [words], text


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # seen in a researcher's walk-through: the wife's words given to Kahiyang Ayu
        (
            "Wali Kota Medan, suami dari Kahiyang Ayu menyatakan hal itu merupakan wewenang "
            "penuh Partai NasDem.",
            "suami dari Kahiyang Ayu",
        ),
        ("Istri Budi Santoso mengatakan suaminya belum pulang sejak Senin.", "istri Budi Santoso"),
        ("“Kami takut,” kata istri Budi Santoso.", "istri Budi Santoso"),
        (
            "Kuasa hukum Budi Santoso mengatakan kliennya tidak bersalah.",
            "kuasa hukum Budi Santoso",
        ),
        # the speaker named beside the relative: the named one speaks
        ("“Dokumen itu palsu,” kata Mahrus Adam, suami Lily, Kamis.", "Mahrus Adam"),
        ("Menurut istri Budi Santoso, Ani Yudhoyono, suaminya sehat.", "Ani Yudhoyono"),
        # (a name read as no person's: the description stands for the speaker)
        ("Menurut kakak Opick, Rifki Hidayat, adiknya langsung dikabari.", "kakak Opick"),
        # a form of address is no relative
        ("“Kami siap,” kata Ibu Ani Yudhoyono di Jakarta.", "Ani Yudhoyono"),
    ],
)
def test_a_relative_or_a_lawyer_speaks_in_their_own_name(text: str, speaker: str) -> None:
    quotes = extract_quotes(text, extract_actors(text))
    assert [q.speaker for q in quotes] == [speaker]


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [
        # a researcher's quote went to the official who spoke before the one introduced
        ("Senada diungkapkan Kepala Biro Humas BKN Mohammad Ridwan.", "Mohammad Ridwan"),
        ("Hal senada juga disampaikan oleh Kapolres Kendal AKBP Dodi Hartono.", "Dodi Hartono"),
        # inside a clause the one named handed something over; they do not take the floor
        (
            "Dari sepuluh nama yang disampaikan Kepala Biro Humas BKN Mohammad Ridwan ke DPR, "
            "dua ditolak.",
            "Zudan Arif Fakrullah",
        ),
    ],
)
def test_a_statement_introduced_by_a_passive_verb_turns_to_its_agent(
    opening: str, speaker: str
) -> None:
    text = (
        "Kepala BKN Zudan Arif Fakrullah mengatakan pendaftaran CPNS dibuka pekan depan. "
        f"“Semua berkas harus lengkap,” kata Zudan. {opening} Menurut dia, pelamar harus "
        "membaca syarat dengan teliti. “Tidak ada yang gugur karena salah unggah,” ungkapnya."
    )
    quotes = extract_quotes(text, extract_actors(text))
    assert [q.speaker for q in quotes] == ["Zudan Arif Fakrullah"] * 2 + [speaker] * 2
