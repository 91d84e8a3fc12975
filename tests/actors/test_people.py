"""People: ranks, honorifics, roles, cues and coreference, on sentences written for the tests."""

from __future__ import annotations

import pytest

from media_analytics.actors import Actor, canonical_key, extract_actors


def persons(text: str) -> dict[str, Actor]:
    return {a.name: a for a in extract_actors(text) if a.type == "person"}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Patroli malam dipimpin IPDA Rudi Hartono di pasar.", "Rudi Hartono", "IPDA"),
        ("Laporan diterima AKP Sinta Dewanti kemarin.", "Sinta Dewanti", "AKP"),
        ("Pengarahan diberikan Kompol Yusuf Maulana kepada anggota.", "Yusuf Maulana", "Kompol"),
        ("Kombes (Pol) Hendra Wijaya meninjau lokasi.", "Hendra Wijaya", "Kombes"),
        ("Kombes Pol Hendra Wijaya meninjau lokasi.", "Hendra Wijaya", "Kombes"),
        ("Upacara dihadiri Brigjen Pol Darmawan Sulistyo.", "Darmawan Sulistyo", "Brigjen"),
        # misspelt as news sometimes writes it; it was read as a person named "Brigjend"
        ("Kapolda itu, Brigjend Pol Darmawan Sulistyo, hadir.", "Darmawan Sulistyo", "Brigjend"),
        ("Aipda Joko Prasetyo berjaga di pos.", "Joko Prasetyo", "Aipda"),
        ("Bripka Lestari Ningsih membantu warga.", "Lestari Ningsih", "Bripka"),
        ("Komandan pasukan, Letkol Inf Bayu Saputra, memberi arahan.", "Bayu Saputra", "Letkol"),
        ("Kolonel Arief Rahman hadir bersama warga.", "Arief Rahman", "Kolonel"),
        ("Acara dibuka Mayjen TNI Gatot Wibisono.", "Gatot Wibisono", "Mayjen"),
        ("Brigadir Satu Polisi Rina Marlina berjaga di pos.", "Rina Marlina", "Brigadir Satu"),
    ],
)
def test_ranks(text: str, name: str, title: str) -> None:
    p = persons(text)[name]
    assert p.title == title


def test_honorific_prefix_and_degrees_kept_apart() -> None:
    p = persons("Rapat dipimpin Dr. Ir. Siti Rahmawati, M.Si., yang juga dosen.")["Siti Rahmawati"]
    assert p.honorifics == ["Dr.", "Ir.", "M.Si."]
    p = persons("Sambutan disampaikan Prof. Hadi Susilo, S.H., M.H. di aula.")["Hadi Susilo"]
    assert p.honorifics == ["Prof.", "S.H.", "M.H."]
    p = persons("Pengajian diisi H. Abdul Malik dan warga sekitar.")["Abdul Malik"]
    assert p.honorifics == ["H."]


@pytest.mark.parametrize(
    "text",
    [
        "Juara umum diraih Sanggar Tari Ayu Laras, Kuta.",
        "Piala itu dibawa pulang Sanggar Tari Ayu Laras, Bali. Tahun lalu juga.",
    ],
)
def test_a_place_at_a_sentence_end_is_no_degree(text: str) -> None:
    assert not persons(text)


@pytest.mark.parametrize(
    ("text", "degrees"),
    [
        ("Juara umum diraih Ayu Laras, SH., MH, tahun lalu.", ["SH.", "MH"]),
        ("Juara umum diraih Ayu Laras, S.Kom., Lc. tahun lalu.", ["S.Kom.", "Lc."]),
        ("Juara umum diraih Ayu Laras, Ak., CMA., tahun lalu.", ["Ak.", "CMA."]),
    ],
)
def test_degrees_the_project_knows_still_mark_a_person(text: str, degrees: list[str]) -> None:
    assert persons(text)["Ayu Laras"].honorifics == degrees


@pytest.mark.parametrize(
    ("text", "name", "degrees"),
    [
        # seen on real news: degrees written straight after the name, with no comma
        ("Nama Irjen Pol Drs Dimas Pranoto M.Si ramai dibicarakan.", "Dimas Pranoto", ["M.Si"]),
        ("Kapolres AKBP Rudi Hartono S.I.K. meninjau pos.", "Rudi Hartono", ["S.I.K."]),
        (
            "Kampus mengukuhkan Profesor Lina Marbun S.H., M.Sc., Ph.D sebagai guru besar.",
            "Lina Marbun",
            ["S.H.", "M.Sc.", "Ph.D"],
        ),
        ("Dosen Budi Santoso Ph.D menjelaskan temuan itu.", "Budi Santoso", ["Ph.D"]),
    ],
)
def test_degrees_without_a_comma_end_the_name(text: str, name: str, degrees: list[str]) -> None:
    found = persons(text)
    assert list(found) == [name]
    assert found[name].honorifics[-len(degrees) :] == degrees


def test_initials_inside_a_name_are_no_degree() -> None:
    assert "Ahmad R.S. Hidayat" in persons("Menurut Ahmad R.S. Hidayat, rapat ditunda.")
    assert "Anies R. Baswedan" in persons("Hal itu kata Anies R. Baswedan kepada wartawan.")


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Bupati Sleman Kustini Sri Purnomo meresmikan pasar.",
            "Kustini Sri Purnomo",
            "Bupati Sleman",
        ),
        ("Wakil Bupati Bantul Joko Purnomo hadir.", "Joko Purnomo", "Wakil Bupati Bantul"),
        ("Wali Kota Dumai Paisal menerima tamu.", "Paisal", "Wali Kota Dumai"),
        (
            "Gubernur Jawa Tengah Ahmad Santoso membuka acara.",
            "Ahmad Santoso",
            "Gubernur Jawa Tengah",
        ),
        ("Pj Gubernur Riau Rahman Hakim berkunjung.", "Rahman Hakim", "Pj Gubernur Riau"),
        (
            "Ketua KPU Kota Dumai Dian Pratiwi memaparkan jadwal.",
            "Dian Pratiwi",
            "Ketua KPU Kota Dumai",
        ),
        ("Ketua Bawaslu Riau Alnofrizal mengingatkan peserta.", "Alnofrizal", "Ketua Bawaslu Riau"),
        ("Camat Bukit Kapur Budi Hartawan meninjau jalan.", "Budi Hartawan", "Camat Bukit Kapur"),
        (
            "Kasat Reskrim Polres Dumai AKP Rizky Firmansyah menjelaskan.",
            "Rizky Firmansyah",
            "Kasat Reskrim Polres Dumai",
        ),
        (
            "Kasi Humas Polres Bengkalis Iptu Ramli menambahkan.",
            "Ramli",
            "Kasi Humas Polres Bengkalis",
        ),
        (
            "Menteri Dalam Negeri Tito Karnavian memberi arahan.",
            "Tito Karnavian",
            "Menteri Dalam Negeri",
        ),
        ("Presiden Prabowo Subianto menerima tamu negara.", "Prabowo Subianto", "Presiden"),
        ("Juru Bicara KPK Budi Prasetyo menjawab pertanyaan.", "Budi Prasetyo", "Juru Bicara KPK"),
        (
            "Kepala Dinas Kesehatan Kota Dumai Sri Wahyuni ikut hadir.",
            "Sri Wahyuni",
            "Kepala Dinas Kesehatan Kota Dumai",
        ),
        (
            "Direktur Utama PT Sinar Laut Hendro Gunawan menandatangani kontrak.",
            "Hendro Gunawan",
            "Direktur Utama PT Sinar Laut",
        ),
        ("Dandim 0320/Dumai Letkol Inf Agus Salim hadir.", "Agus Salim", "Dandim 0320/Dumai"),
        (
            "Menteri Keuangan (Menkeu) Purbaya Yudhi Sadewa hadir.",
            "Purbaya Yudhi Sadewa",
            "Menteri Keuangan (Menkeu)",
        ),
        ("Ketua DPRD Riau Kaderismanto memimpin sidang.", "Kaderismanto", "Ketua DPRD Riau"),
        ("Pertemuan itu dihadiri anggota DPR Rahmat Hidayat.", "Rahmat Hidayat", "anggota DPR"),
        (  # a legislator's electoral district is part of the role (seen on real news: "Dapil
            # Jawa Barat" taken for the person and the speaker)
            "Anggota DPR RI Dapil Jawa Barat III Kota Bogor dan Cianjur, Rajiv, mengatakan warga "
            "meminta perbaikan jalan.",
            "Rajiv",
            "Anggota DPR RI Dapil Jawa Barat III Kota Bogor dan Cianjur",
        ),
        (
            "Menanggapi hal itu, anggota DPR RI terpilih 2019-2024 Dapil Kalimantan Timur Irwan "
            "mengatakan pemerintah harus bertindak.",
            "Irwan",
            "anggota DPR RI terpilih 2019-2024 Dapil Kalimantan Timur",
        ),
    ],
)
def test_roles(text: str, name: str, role: str) -> None:
    p = persons(text)[name]
    assert p.role == role


def test_an_electoral_district_is_no_person_and_its_places_are_places() -> None:
    text = (
        "Sugiono menggantikan Sigit sebagai caleg terpilih dari Dapil Jawa Tengah I dan "
        "Katherine yang menggantikan Yusid sebagai wakil dari Dapil Kalimantan Barat I."
    )
    found = {(a.name, a.type) for a in extract_actors(text)}
    assert not [name for name, kind in found if name.startswith("Dapil")]
    assert {("Jawa Tengah", "place"), ("Kalimantan Barat", "place")} <= found


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Calon Gubernur Jawa Tengah (Jateng), Sari Handayani, berkampanye di Kudus.",
            "Sari Handayani",
            "Calon Gubernur Jawa Tengah (Jateng)",
        ),
        (
            "Bupati Kolaka Timur (Koltim) Arman Said meninjau jembatan.",
            "Arman Said",
            "Bupati Kolaka Timur (Koltim)",
        ),
        (
            "Wakil Gubernur Kalimantan Barat (Kalbar), Yusran Efendi, membuka pameran.",
            "Yusran Efendi",
            "Wakil Gubernur Kalimantan Barat (Kalbar)",
        ),
    ],
)
def test_a_short_form_of_the_office_in_brackets_names_no_one(
    text: str, name: str, role: str
) -> None:
    # the note is spelt by the beginnings of the office's words (Ja-wa Teng-ah): it is not the
    # person, and the name after it still takes the office
    found = persons(text)
    assert set(found) == {name}
    assert found[name].role == role


def test_a_name_in_brackets_after_an_office_is_the_person() -> None:
    found = persons("Kapolres Dumai (Andi Saputra) mengatakan situasi aman.")
    assert found["Andi Saputra"].role == "Kapolres Dumai"


def test_role_comma_rank_name_and_later_mentions_resolve_to_one_actor() -> None:
    text = (
        "Acara dibuka Kapolsek Sungai Sembilan, IPTU Yoga Pratama, S.H., di balai desa. "
        "IPTU Yoga Pratama berpesan agar warga tetap tenang. "
        "Menurut Kapolsek Sungai Sembilan, patroli akan ditambah. "
        "Pratama juga menyapa para pedagang."
    )
    found = persons(text)
    assert list(found) == ["Yoga Pratama"]
    p = found["Yoga Pratama"]
    assert (p.title, p.role, p.honorifics) == ("IPTU", "Kapolsek Sungai Sembilan", ["S.H."])
    surfaces = [text[s:e] for s, e in p.mentions]
    assert surfaces == ["Yoga Pratama", "Yoga Pratama", "Kapolsek Sungai Sembilan", "Pratama"]


def test_name_then_apposition_role() -> None:
    p = persons("Warga diterima Sugeng Riyadi, Ketua RT 05, di rumahnya kemarin.")["Sugeng Riyadi"]
    assert p.role == "Ketua RT 05"
    p = persons("Hal itu diakui Linda Kusuma selaku Kepala Desa Sukamaju kepada wartawan.")[
        "Linda Kusuma"
    ]
    assert p.role == "Kepala Desa Sukamaju"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("“Harga naik terus,” kata Maryati di pasar.", "Maryati"),
        ("Menurut Yohanes Kambu, jalan itu rusak.", "Yohanes Kambu"),
        ("Sutrisno mengatakan sawahnya terendam.", "Sutrisno"),
        ("Pernyataan itu disampaikan oleh Rosa Amelia kemarin.", "Rosa Amelia"),
        ("Seorang warga, Darto (52), melapor ke polisi.", "Darto"),
        ("Tersangka Hendrik Saputra ditahan sejak Senin.", "Hendrik Saputra"),
        ("Kasus itu menyeret Arman Wijaya (AW), seorang kontraktor.", "Arman Wijaya"),
        ("Pak Slamet sudah berjualan sejak pagi.", "Slamet"),
    ],
)
def test_bare_names_need_a_cue(text: str, name: str) -> None:
    assert name in persons(text)


def test_capitalised_phrases_without_a_cue_are_not_people() -> None:
    text = (
        "Program Jumat Sehat digelar di Taman Kota. Festival Cahaya Nusantara menarik pengunjung. "
        "Gerakan Makan Ikan (Gemarikan) diluncurkan."
    )
    assert persons(text) == {}


def test_name_recurring_alone_makes_a_person() -> None:
    text = "Pelatih baru ditunjuk: Antonio Moreira akan bekerja dua tahun. Moreira tiba hari ini."
    assert "Antonio Moreira" in persons(text)


def test_street_names_are_not_people() -> None:
    text = "Kantor itu berada di Jalan Jenderal Sudirman No. 5, Kelurahan Rintis."
    assert persons(text) == {}


def test_credit_lines_are_ignored() -> None:
    text = (
        "Bupati Siak Afni Zulkifli meninjau banjir.\nPenulis: Rina Oktaviani\nEditor : Ari Wibowo"
    )
    assert list(persons(text)) == ["Afni Zulkifli"]


def test_canonical_key_is_stable_across_articles() -> None:
    a = persons("IPTU Anra Nosa, S.H. memimpin apel.")["Anra Nosa"]
    b = persons("Menurut Anra Nosa, kegiatan berjalan lancar.")["Anra Nosa"]
    assert canonical_key(a) == canonical_key(b) == "person:anra nosa"
    assert a.key == canonical_key(a)


def test_to_dict_follows_the_scored_record_contract() -> None:
    d = persons("Kapolres Dumai AKBP Dhani Saputra membuka acara.")["Dhani Saputra"].to_dict()
    assert {k: d[k] for k in ("name", "title", "role", "type")} == {
        "name": "Dhani Saputra",
        "title": "AKBP",
        "role": "Kapolres Dumai",
        "type": "person",
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a given name that is also a dictionary word, opening a sentence, with a speech cue
        ("Banjir surut. Budi Hartanto mengatakan warga sudah pulang.", "Budi Hartanto"),
        ("Banjir surut. Indah Lestiani mengatakan posko tetap buka.", "Indah Lestiani"),
        ("Imam Susanto mengatakan masjid dibuka untuk pengungsi.", "Imam Susanto"),
        # a derived given name the article uses alone, or after a form of address
        (
            "Rapat dihadiri Ibu Megawati Larasati. Megawati meminta kader turun.",
            "Megawati Larasati",
        ),
    ],
)
def test_given_names_that_are_also_words_are_kept_whole(text: str, name: str) -> None:
    assert name in persons(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Warga berkumpul.,Kematian Rini Astuti (31) masih diselidiki polisi.", "Rini Astuti"),
        (
            "Lagu dirilis.,Kehadiran Sandro di panggung disambut meriah. Sandro mengaku senang.",
            "Sandro",
        ),
        ("Video itu viral. Rupanya Yosua mengatakan hal itu hanya bercanda.", "Yosua"),
        (
            "Ia membaik.,Melihat Danu terbaring lemah, ibunya menangis. Danu mengaku lelah.",
            "Danu",
        ),
    ],
)
def test_an_ordinary_derived_word_before_a_name_is_not_part_of_it(text: str, name: str) -> None:
    found = persons(text)
    assert name in found
    assert not any(key.startswith(("Kematian", "Kehadiran", "Rupanya", "Melihat")) for key in found)


def test_a_derived_word_before_a_place_does_not_leave_the_place_as_a_person() -> None:
    text = (
        "Rombongan tiba.,Kepulauan Talaud dilanda gelombang tinggi. Warga Talaud mengungsi."
        " Kedutaan Besar Arab Saudi menutup layanan. Bendungan Karalloe penuh."
    )
    assert persons(text) == {}


def test_a_sentence_opening_word_with_no_cue_or_written_in_lower_case_stays_out() -> None:
    text = "Kabar itu menyebar. Nama Firdaus Hakim mencuat. Firdaus mengatakan siap."
    assert "Nama Firdaus Hakim" not in persons(text)
    assert "Firdaus Hakim" in persons(text)
    assert "Sambung Hakim" not in persons(
        "Jalan itu rusak. Sambung Hakim, warga sudah melapor. Hakim mengatakan siap."
    )


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Kata pelatih Persekat, Andika Pramana, kepada wartawan.", "Andika Pramana", None),
        (
            "Laga itu membuat Presiden Arema, Gilang Widya, merasa bangga.",
            "Gilang Widya",
            "Presiden Arema",
        ),
        ("Menko Polhukam Wiranto mengatakan aparat siaga.", "Wiranto", "Menko Polhukam"),
        (
            "Kepala Staf Kepresidenan Moeldoko menegaskan hal itu.",
            "Moeldoko",
            "Kepala Staf Kepresidenan",
        ),
        ("Mantan Menpora Imam Nahrawi hadir di sidang.", "Imam Nahrawi", "Mantan Menpora"),
    ],
)
def test_an_outfit_or_a_portfolio_after_the_office_is_not_the_name(
    text: str, name: str, role: str | None
) -> None:
    found = persons(text)
    assert list(found) == [name]
    if role is not None:
        assert found[name].role == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Waketum Partai Harapan Bangsa Dedi Kurniawan menyebut koalisi terbuka.",
         "Dedi Kurniawan", "Waketum Partai Harapan Bangsa"),
        ("Wasekjen PDIP Rina Maharani mengatakan keputusan itu final.",
         "Rina Maharani", "Wasekjen PDIP"),
        ("Kasubbid Penmas Polda Metro Jaya AKBP Yudi Pratama mengatakan pelaku ditangkap.",
         "Yudi Pratama", "Kasubbid Penmas Polda Metro Jaya"),
        ("Kabiro Humas KPK Lukas Siregar menjelaskan jadwal pemeriksaan.",
         "Lukas Siregar", "Kabiro Humas KPK"),
        ("Wakil Perdana Menteri Australia Richard Hale tiba di Jakarta.",
         "Richard Hale", "Wakil Perdana Menteri Australia"),
        # a unit, its organisation and the organisation's region before the name
        ("Kepala Bidang Fisik Bappeda Jawa Barat Slamet Riyadi diperiksa penyidik.",
         "Slamet Riyadi", "Kepala Bidang Fisik Bappeda Jawa Barat"),
    ],
)  # fmt: skip
def test_offices_written_short(text: str, name: str, role: str) -> None:
    # the usual short forms of party, police and ministry offices head a role
    p = persons(text)[name]
    assert p.role == role


@pytest.mark.parametrize(
    ("text", "name", "role", "not_a_person"),
    [
        (
            "Direktur Eksekutif Parameter Riset Indonesia, Adi Saputra menilai pidato itu.",
            "Adi Saputra",
            "Direktur Eksekutif Parameter Riset Indonesia",
            "Parameter Riset",
        ),
        (
            "Kasubdit Gakum Ditlantas Polda Metro Jaya, AKBP Yudi Pratama menyebut razia digelar.",
            "Yudi Pratama",
            "Kasubdit Gakum Ditlantas Polda Metro Jaya",
            "Gakum",
        ),
        (
            '"Jarak pandang kurang," ujar Kepala Bandara Internasional Sekarlangit Pontianak,'
            " Didi Hermawan di Kubu Raya, Senin.",
            "Didi Hermawan",
            "Kepala Bandara Internasional Sekarlangit Pontianak",
            "Sekarlangit",
        ),
    ],
)
def test_the_name_after_an_office_may_close_without_a_comma(
    text: str, name: str, role: str, not_a_person: str
) -> None:
    # "Office of Outfit, Name verb ...": the closing comma of the apposition is often left out;
    # the lone word read after the office was the outfit's own name
    found = persons(text)
    assert found[name].role == role
    assert not_a_person not in found


@pytest.mark.parametrize(
    ("text", "org", "person"),
    [
        (
            "Staf Dinas Kehutanan Jawa Barat Arniati Rahmawati juga dipanggil penyidik.",
            "Dinas Kehutanan Jawa Barat",
            "Arniati Rahmawati",
        ),
        (
            "Pengamat dari Akademi Pariwisata Yogyakarta Meitulu Harsono berpendapat lain.",
            "Akademi Pariwisata Yogyakarta",
            "Meitulu Harsono",
        ),
    ],
)
def test_a_name_after_an_organisations_region_is_a_person(text: str, org: str, person: str) -> None:
    # seen in review on real news: "Dinas Kehutanan Jawa Barat Arniati Rahim" was one organisation
    found = extract_actors(text)
    names = {a.name: a.type for a in found}
    assert names.get(org) == "organization" and names.get(person) == "person", names


@pytest.mark.parametrize(
    "text",
    [
        "PT Yamaha Indonesia Motor Manufacturing menambah produksi.",
        "PT Solo Manufaktur Kreasi menambah produksi.",
    ],
)
def test_a_company_whose_name_goes_on_after_a_place_stays_whole(text: str) -> None:
    found = {a.name for a in extract_actors(text) if a.type == "organization"}
    assert text.split(" menambah")[0] in found, found


def test_a_list_after_a_cue_is_not_read_as_an_apposition() -> None:
    found = persons("Polisi menahan tersangka Budi, Ani, dan Joko sejak Senin. Budi mengaku.")
    assert "Ani" not in found


def test_a_club_the_article_names_on_its_own_is_split_off_after_an_outfit_cue() -> None:
    text = (
        "Persekat menang lagi.,Pelatih Persekat Yohanes Mandala mengatakan timnya siap."
        " Mandala senang. Kata pelatih Rudolfo Diaz Marquez kepada wartawan."
    )
    found = persons(text)
    assert "Yohanes Mandala" in found
    assert "Rudolfo Diaz Marquez" in found  # no part of this name stands alone
    assert not any(key.startswith("Persekat") for key in found)


def test_a_hyphen_that_stands_for_a_dash_ends_the_name() -> None:
    # crawled text drops the spaces around a dash; the word after it is a function or derived word
    text = (
        "Warga memprotes tunjangan anggota DPRD-termasuk tunjangan rumah. Kabar duka datang:"
        " Rahmat Hidayat tewas. Keluarga Hidayat-bahkan belum dihubungi, kata Bupati Sinta"
        " Lestari-setelah rapat."
    )
    names = {a.name: a.type for a in extract_actors(text)}
    assert names.get("DPRD") == "organization"
    assert "Rahmat Hidayat" in names and "Sinta Lestari" in names
    assert not any("-" in name for name in names)


def test_two_bodies_joined_by_a_hyphen_are_two_actors() -> None:
    # news joins partners with a hyphen: "personel gabungan TNI-Polri"; a branch stays whole
    found = {a.name: a.type for a in extract_actors("Personel gabungan TNI-Polri dikerahkan.")}
    assert found == {"TNI": "organization", "Polri": "organization"}
    pair = {a.name for a in extract_actors("Pimpinan KPK-Polri bertemu di Jakarta.")}
    assert {"KPK", "Polri"} <= pair
    assert not any("-" in a.name for a in extract_actors("Prajurit TNI-AD berjaga di sana."))


@pytest.mark.parametrize(
    "text",
    [
        "Pelatih Shin Tae-yong mengatakan timnya siap.",
        "Penyerang Son Heung-min mengatakan timnya siap.",
        "Undang-undang itu disahkan DPR.",
    ],
)
def test_a_hyphen_inside_a_name_or_a_reduplication_is_kept(text: str) -> None:
    found = {a.name for a in extract_actors(text)}
    expected = {w for w in ("Shin Tae-yong", "Son Heung-min") if w in text}
    assert expected <= found
    assert not any(name in {"Undang", "Tae", "Heung"} for name in found)


@pytest.mark.parametrize(
    "text",
    [
        "Film diputar di Nusakambang International Film Festival. Nusakambang menyambutnya.",
        "Konser digelar di Saitama Super Arena. Saitama ramai.",
        "Ia tampil di Tanjung Fashion Week. Tanjung memukau.",
    ],
)
def test_events_contests_and_venues_are_no_actors(text: str) -> None:
    # the name recurs in part, which made the whole a person
    assert not [a for a in extract_actors(text) if a.type in ("person", "organization")]


def test_a_place_named_in_an_event_is_kept() -> None:
    actors = {a.name: a.type for a in extract_actors("Pameran Jakarta Fair dibuka hari ini.")}
    assert actors == {"Jakarta": "place"}


def test_an_office_inside_the_run_keeps_the_person_before_an_event() -> None:
    text = "Kami siap, kata Wulan Paramita Direktur Bandung Fashion Week, Rabu. Wulan senang."
    assert "Wulan Paramita" in persons(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Grup itu dikontrak Gemintang Entertainment. Gemintang Entertainment senang.",
            "Gemintang Entertainment",
        ),
        ("Pesawat Lion Air tertunda. Lion Air meminta maaf.", "Lion Air"),
        ("Film itu digarap Cakrawala Pictures. Cakrawala Pictures puas.", "Cakrawala Pictures"),
    ],
)
def test_companies_named_by_their_kind_are_organisations(text: str, name: str) -> None:
    actors = {a.name: a.type for a in extract_actors(text)}
    assert actors.get(name) == "organization", actors


@pytest.mark.parametrize(
    ("text", "club", "person"),
    [
        (
            "Kata pelatih Barcelona, Ernesto Valverde, kepada wartawan.",
            "Barcelona",
            "Ernesto Valverde",
        ),
        ("Performa bek Liverpool Virgil van Dijk terus menanjak.", "Liverpool", "Virgil van Dijk"),
        ("Kata pelatih Persib, Robert Alberts, usai laga.", "Persib", "Robert Alberts"),
    ],
)
def test_a_known_club_after_an_outfit_cue_is_an_organisation_and_the_name_after_it_a_person(
    text: str, club: str, person: str
) -> None:
    actors = {a.name: a.type for a in extract_actors(text)}
    assert actors.get(club) == "organization", actors
    assert actors.get(person) == "person", actors


def test_a_given_name_shared_with_a_club_stays_a_person() -> None:
    assert "Chelsea Islan" in persons("Aktris Chelsea Islan tampil memukau di festival itu.")


def test_a_name_read_into_an_organisation_after_an_outfit_cue_is_split_off_on_firm_evidence() -> (
    None
):
    said = {
        a.name: a.type
        for a in extract_actors("Politikus Partai Nasdem Rudi Lindan mengatakan itu.")
    }
    assert said.get("Partai Nasdem") == "organization" and said.get("Rudi Lindan") == "person"
    # the rest of a longer name, with no cue and no word of it alone elsewhere, stays the outfit's
    team = {a.name: a.type for a in extract_actors("Pembalap Tim KTM Red Bull melaju kencang.")}
    assert team == {"Tim KTM Red Bull": "organization"}


@pytest.mark.parametrize(
    ("text", "org", "person"),
    [
        (
            "Corporate Secretary Bank Sentosa Herry Wirawan mengatakan itu.",
            "Bank Sentosa",
            "Herry Wirawan",
        ),
        (
            "Anggota Komisi II DPR dari Fraksi PPP Ahmad Baihaki menilai itu keliru.",
            "Fraksi PPP",
            "Ahmad Baihaki",
        ),
    ],
)
def test_a_name_after_an_english_title_or_a_faction_is_not_part_of_the_organisation(
    text: str, org: str, person: str
) -> None:
    actors = {a.name: a.type for a in extract_actors(text)}
    assert actors.get(org) == "organization", actors
    assert actors.get(person) == "person", actors


def test_a_company_name_going_on_after_its_head_is_not_split_without_an_office() -> None:
    actors = {
        a.name: a.type for a in extract_actors("PT Pertamina Patra Niaga menyatakan stok aman.")
    }
    assert actors == {"PT Pertamina Patra Niaga": "organization"}


@pytest.mark.parametrize(
    "text",
    [
        # a speech verb after a name that follows "di" tells what is said there, not who says it
        "Para mahasiswa yang tinggal di Jabodetabek menyatakan akan pulang ke kampung halaman.",
        "Pertemuan di Doha menyebutkan gencatan senjata dimulai besok.",
        # a year after the name: an edition of a series or a contest
        "Marquez makin kukuh di puncak klasemen pembalap MotoGP 2019 dengan 275 poin.",
        # a short form of the office in brackets, spelt from its head on
        "Sejumlah anggota DPR mencecar Calon pimpinan (Capim) KPK dalam uji kelayakan.",
        "Hal itu disampaikan Kepala Dinas Kesehatan (Kadinkes) dalam rapat.",
        # a police unit after the office, not a name
        "Hal itu dijelaskan Kasubdit Gakkum Ditlantas dalam jumpa pers.",
        # pronouns and set phrases opening speech
        '"Keduanya mengaku sering didatangi sosok korban," ujar seorang warga.',
        '"Insya Allah hujan akan turun," kata seorang petani. Semoga Allah memberi jalan.',
        # toll roads, products and fan groups
        "Kemacetan terjadi di Tol Cipularang. Apple merilis iPhone 11 Pro Max. Acara itu "
        "dihadiri Sahabat Fimela dan relawan Jokowi Mania.",
    ],
)
def test_places_series_short_forms_units_and_set_phrases_are_no_people(text: str) -> None:
    assert persons(text) == {}


def test_a_person_after_ke_still_counts() -> None:
    text = "Mereka menagih ke Nopriansyah selaku Kepala Dinas PUPR. Nopriansyah menerima uang."
    assert "Nopriansyah" in persons(text)


def test_the_short_form_of_a_regulation_is_no_person() -> None:
    text = (
        "Aturan itu tidak lagi ada dalam Peraturan Menteri (Permen), tetapi dalam Instruksi "
        "Presiden (Inpres). Surat itu dibahas Menteri Keuangan (Sri Mulyani) kemarin."
    )
    assert set(persons(text)) == {"Sri Mulyani"}


def test_a_district_and_its_regency_are_no_person() -> None:
    text = "Wisata di Cikidang Sukabumi ramai. Jalan menuju Cikidang diperbaiki."
    assert persons(text) == {}
    # a place name before a district name can be a person's: the coach Bima Sakti
    text = "Pelatih Bima Sakti memuji timnya. Menurut Bima Sakti, timnya siap. Sakti tersenyum."
    assert "Bima Sakti" in persons(text)


def test_a_given_name_that_is_also_an_everyday_word_after_a_rank() -> None:
    text = "Kasubdit Reskrim Polda Jabar AKBP Hari Brata mengatakan pelaku ditangkap Hari Senin."
    assert set(persons(text)) == {"Hari Brata"}


def test_competitions_circuits_and_series_are_no_actors_but_keep_what_they_name() -> None:
    text = (
        "Marquez menang di MotoGP San Marino. Sirkuit Misano ramai. Timnya lolos ke Liga "
        "Champions, sementara Indonesia berlaga di Piala Federasi Sepak Bola Asia Tenggara "
        "(Piala AFF). Klub itu memimpin Liga Inggris."
    )
    found = {a.name: a.type for a in extract_actors(text)}
    assert found.get("Marquez") is None or found["Marquez"] == "person"
    assert not [n for n, t in found.items() if t == "person" and n != "Marquez"]
    assert found.get("Federasi Sepak Bola Asia Tenggara") == "organization"
    assert found.get("Inggris") == "place"


def test_a_capital_named_for_its_government_is_a_place() -> None:
    text = (
        "Ketegangan meningkat dan Washington mengatakan akan menargetkan impor. Beijing "
        "mengecam langkah itu, kata Juru Bicara Kementerian Luar Negeri Cina Hua Chunying."
    )
    found = {a.name: a.type for a in extract_actors(text)}
    assert found.get("Washington") == "place" and found.get("Beijing") == "place"
    assert set(persons(text)) == {"Hua Chunying"}
    # a city that is also a name is left to the other rules
    assert "Naomi Osaka" in persons("Petenis Naomi Osaka mengatakan ia siap bertanding.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Habibie menjabat Menteri Negara Riset dan Teknologi (Menristek) saat itu.", set()),
        ("Ia pernah memimpin Industri Pesawat Terbang Nusantara (IPTN) di Bandung.", set()),
        ("Bupati yang bergelar Doktor Ilmu Pemerintahan itu hadir.", set()),
        ("Menurut Profesor Christopher Tyler, hal itu wajar.", {"Christopher Tyler"}),
        ("Kapolri Jendral Pol Tito Karnavian membentuk tim.", {"Tito Karnavian"}),
        ("Calya diminati konsumen Low Cost Green Car (LCGC) tujuh penumpang.", set()),
        ("Samsung merilis Galaxy A50s. Galaxy A50s dijual murah.", set()),
        ("Pertemuan pimpinan KPK Jilid I digelar. Jilid II menyusul.", set()),
    ],
)
def test_titles_fields_spellings_and_products(text: str, expected: set[str]) -> None:
    assert set(persons(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kapolres Metro Jakarta Utara Komisaris Besar Budhi Herdi Susianto mengatakan itu.",
        "Hal itu disampaikan Komisaris Besar Polisi Budhi Herdi Susianto kemarin.",
        "Upacara dipimpin Mayor Jenderal Budhi Herdi Susianto.",
    ],
)
def test_ranks_written_out(text: str) -> None:
    assert set(persons(text)) == {"Budhi Herdi Susianto"}
    assert "Budi Santoso" in persons("Komisaris PT Maju Jaya Budi Santoso hadir.")  # an office


def test_the_author_of_an_opinion_piece_glued_to_the_office() -> None:
    text = (
        "Kebijakan itu menjadi bekal untuk masa mendatang. Adi Prayitno.Direktur Parameter "
        "Politik Indonesia dan alumni pesantren."
    )
    assert set(persons(text)) == {"Adi Prayitno"}
    assert persons("Hujan turun sejak pagi. Jalan Raya.Pengendara diminta berhati-hati.") == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Diakui Hanung, film itu sulit. Hanung mengatakan syuting butuh setahun.", "Hanung"),
        ("Teman Sergei mengatakan ia pulang larut. Sergei belum ditemukan.", "Sergei"),
    ],
)
def test_an_everyday_noun_opening_the_sentence_is_not_part_of_the_name(
    text: str, name: str
) -> None:
    assert set(persons(text)) == {name}


def test_a_person_after_a_cue_and_its_place() -> None:
    assert "Zinedine Zidane" in persons("Pelatih Madrid Zinedine Zidane memberi kesempatan.")
    assert persons("Warga Jakarta menonton laga itu.") == {}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Direktur Retail Banking Bank Mandiri, Hery Gunardi, mengatakan kredit tumbuh.",
            "Hery Gunardi",
            "Direktur Retail Banking Bank Mandiri",
        ),
        (
            "Direktur Retail Banking Bank Mandiri Hery Gunardi mengatakan kredit tumbuh.",
            "Hery Gunardi",
            "Direktur Retail Banking Bank Mandiri",
        ),
        (
            "Direktur Jenderal Pendidikan Islam Kementerian Agama RI, Kamaruddin Amin, "
            "mengungkapkan hal itu.",
            "Kamaruddin Amin",
            "Direktur Jenderal Pendidikan Islam Kementerian Agama RI",
        ),
        (
            "Kabid Penanganan Kedaruratan Badan Penanggulangan Bencana Daerah (BPBD) Sumatera "
            "Selatan Ansori mengatakan titik panas bertambah.",
            "Ansori",
            None,  # the place after the organisation is not glued onto the name either
        ),
    ],
)
def test_a_unit_of_an_organisation_after_an_office_is_no_name(
    text: str, name: str, role: str | None
) -> None:
    # a name is not followed by an organisation and then another name: the first "name" was a
    # unit of that organisation, part of the office
    people = [(a.name, a.role) for a in extract_actors(text) if a.type == "person"]
    assert [n for n, _ in people] == [name]
    if role is not None:
        assert people[0][1] == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Kasus perseteruan eks dosen Universitas Islam Negeri (UIN) Maulana Malik Ibrahim "
            "(Maliki) Imam Muslimin dengan tetangga terus bergulir.",
            "Imam Muslimin",
            "eks dosen Universitas Islam Negeri (UIN) Maulana Malik Ibrahim (Maliki)",
        ),
        (
            "Chief Executive Officer (CEO) Badan Pengelola Investasi (BPI) Daya Anagata "
            "Nusantara (Danantara) Rosan Roeslani, melarang BUMN mempercantik laporannya.",
            "Rosan Roeslani",
            "Chief Executive Officer (CEO) Badan Pengelola Investasi (BPI) Daya Anagata "
            "Nusantara (Danantara)",
        ),
    ],
)
def test_a_name_with_its_short_form_then_another_name_was_the_outfit(
    text: str, name: str, role: str
) -> None:
    people = [a for a in extract_actors(text) if a.type == "person"]
    assert [(p.name, p.role) for p in people] == [(name, role)]


def test_a_person_with_initials_in_brackets_is_still_the_person() -> None:
    text = "Ketua Umum Partai Demokrat Agus Harimurti Yudhoyono (AHY) mengatakan partainya siap."
    [person] = [a for a in extract_actors(text) if a.type == "person"]
    assert (person.name, person.role, person.aliases) == (
        "Agus Harimurti Yudhoyono", "Ketua Umum Partai Demokrat", ["AHY"]
    )  # fmt: skip


def test_an_office_at_a_sentence_end_takes_no_full_stop_and_no_next_sentences_name() -> None:
    text = (
        "Prabowo mengaku kaget melihat kondisi para hakim setelah dia menjabat Presiden. "
        "Prabowo prihatin hakim tak menerima kenaikan gaji."
    )
    people = [a for a in extract_actors(text) if a.type == "person"]
    assert [(p.name, p.role) for p in people] == [("Prabowo", None)]
    assert not any(m.endswith(".") for a in extract_actors(text) for m in [a.role or ""])


def test_the_office_after_selaku_is_the_persons_own() -> None:
    # an office described in lower case, naming whom it serves: the person is the one before
    text = "Rudi Hartono selaku pengacara keluarga Wijaya menyebut gugatan itu sudah didaftarkan."
    found = persons(text)
    assert set(found) == {"Rudi Hartono"}
    assert found["Rudi Hartono"].role == "pengacara keluarga Wijaya"
    # after a rank, the office written out
    text = '"Dua pelaku sudah ditahan," kata AKP Yusuf Maulana selaku Kasat Reskrim Polres Siak.'
    assert persons(text)["Yusuf Maulana"].role == "Kasat Reskrim Polres Siak"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            '"Jadwal kapal normal," ujar Manajer Pelabuhan Tanjung Priok Yusuf Maulana.',
            "Yusuf Maulana",
            "Manajer Pelabuhan Tanjung Priok",
        ),
        (
            "Kepala Bandara Adisutjipto Hendra Wijaya meninjau landasan.",
            "Hendra Wijaya",
            "Kepala Bandara Adisutjipto",
        ),
        # a railway station or bus terminal is a facility as well (no one was found)
        (
            "Kepala Stasiun Tugu Dewi Lestari memantau arus penumpang.",
            "Dewi Lestari",
            "Kepala Stasiun Tugu",
        ),
        (
            "Manajer Terminal Tirtonadi Bayu Saputra memeriksa armada bus.",
            "Bayu Saputra",
            "Manajer Terminal Tirtonadi",
        ),
    ],
)
def test_a_facilitys_name_after_an_office_is_not_the_persons(
    text: str, name: str, role: str
) -> None:
    found = persons(text)
    assert set(found) == {name}
    assert found[name].role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Dewi Lestari selaku Kepala Stasiun Tugu menyebut jadwal kereta kembali normal.",
            "Kepala Stasiun Tugu",
        ),
        (
            "Bayu Saputra selaku Manajer Terminal Tirtonadi menyebut armada bus sudah siap.",
            "Manajer Terminal Tirtonadi",
        ),
        (
            "Bayu Saputra selaku Kepala Bandara Juanda menyebut landasan sudah diperbaiki.",
            "Kepala Bandara Juanda",
        ),
        (
            "Bayu Saputra selaku Manajer Pelabuhan Tanjung Emas menyebut kapal sudah berlabuh.",
            "Manajer Pelabuhan Tanjung Emas",
        ),
    ],
)
def test_a_facilitys_name_in_the_office_after_selaku_is_not_a_person(text: str, role: str) -> None:
    # the holder is named before "selaku": the name after the facility is the facility's
    found = persons(text)
    name = text.split(" selaku")[0]
    assert set(found) == {name}
    assert found[name].role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Sari Wulandari, Kepala Stasiun Tugu, mengatakan jadwal kereta kembali normal.",
            "Kepala Stasiun Tugu",
        ),
        (
            "Yoga Pratama, Manajer Terminal Tirtonadi, menyebut armada bus sudah siap.",
            "Manajer Terminal Tirtonadi",
        ),
        (
            "Yoga Pratama, General Manager Bandara Sultan Hasanuddin, menjelaskan landasan aman.",
            "General Manager Bandara Sultan Hasanuddin",
        ),
        (
            "Yoga Pratama, Kepala Pelabuhan Merak, menegaskan kapal tetap berlayar.",
            "Kepala Pelabuhan Merak",
        ),
    ],
)
def test_a_facilitys_name_in_an_office_between_commas_is_not_a_person(text: str, role: str) -> None:
    # the holder is named before the comma: the name after the facility is the facility's
    found = persons(text)
    name = text.split(",")[0]
    assert set(found) == {name}
    assert found[name].role == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # an outfit cue and its club, the name in apposition or straight after
        ("Pelatih Persija, Thomas Doll, mengaku puas.", "Thomas Doll", "Pelatih Persija"),
        (
            "Pelatih Bali United Stefano Cugurra memuji timnya.",
            "Stefano Cugurra",
            "Pelatih Bali United",
        ),
        # an office, then the faction it sits for
        (
            "Anggota DPR dari Fraksi PKS, Mardani Ali Sera, mengatakan rapat ditunda.",
            "Mardani Ali Sera",
            "Anggota DPR dari Fraksi PKS",
        ),
    ],
)
def test_the_outfit_before_an_apposed_name_is_the_persons_role(
    text: str, name: str, role: str
) -> None:
    assert persons(text)[name].role == role


def test_the_office_an_aide_serves_is_the_aides_role_not_the_persons_own() -> None:
    text = "Jaksa memeriksa Asisten Pribadi Mendikbud, Rudi Hartono, sebagai saksi."
    assert persons(text)["Rudi Hartono"].role == "Asisten Pribadi Mendikbud"


def test_one_word_shortening_a_regencys_name_after_an_office_is_no_person() -> None:
    # Kolut is Kolaka Utara: not in the alias list, spelt by the beginnings of its words
    text = "Kejaksaan memeriksa Bupati Kolut dalam kasus dana desa di Sultra."
    assert persons(text) == {}


@pytest.mark.parametrize("office", ["Founder", "CEO", "Co-founder", "Direktur"])
def test_an_outfit_name_before_an_apposed_person_is_no_person(office: str) -> None:
    text = f"{office} Kopiku ABC Bandung, Raden Ayu Sekar Wangi, mengatakan gerai baru dibuka."
    people = persons(text)
    assert list(people) == ["Raden Ayu Sekar Wangi"]
    assert people["Raden Ayu Sekar Wangi"].role == f"{office} Kopiku ABC Bandung"
    assert ("Bandung", "place") in [(a.name, a.type) for a in extract_actors(text)]


def test_a_middle_word_and_the_last_word_of_a_name_join_the_full_name() -> None:
    text = (
        "Founder Kopiku ABC Bandung, I Gusti Agung Putu Wirawan, mengatakan gerai baru dibuka.\n"
        "Menurut Agung Wirawan, kopi Bali makin diminati."
    )
    assert list(persons(text)) == ["I Gusti Agung Putu Wirawan"]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # two capitals before a one-word name are its initials, not the office's last word
        ("Presiden ke-3 RI BJ Habibie dirawat di rumah sakit.", "BJ Habibie", "Presiden ke-3 RI"),
        ("Mantan Kepala BIN AM Hendropriyono menilai.", "AM Hendropriyono", "Mantan Kepala BIN"),
        # ... but the country, a board, a known body or a region after them are the office's
        ("Presiden RI Joko Widodo meninjau.", "Joko Widodo", "Presiden RI"),
        ("Ketua MA Hatta Ali membuka sidang.", "Hatta Ali", "Ketua MA"),
        ("Sekjen PB WI Ngatino mengakui persaingan ketat.", "Ngatino", "Sekjen PB WI"),
    ],
)  # fmt: skip
def test_initials_before_a_name_after_an_office(text: str, name: str, role: str) -> None:
    assert persons(text)[name].role == role


def test_a_sons_name_does_not_take_his_fathers_office() -> None:
    # seen on 2019 news: "Habibie" given the office "Presiden ke-3 RI BJ", and the son's name,
    # the longer name in the article ending with it, took the father's office and quotes
    text = (
        "Presiden ke-3 RI BJ Habibie dirawat di RSPAD. Thareq Kemal Habibie mengatakan kondisi "
        "ayahnya membaik."
    )
    found = persons(text)
    assert found["BJ Habibie"].role == "Presiden ke-3 RI"
    assert found["Thareq Kemal Habibie"].role is None


def test_initials_before_a_surname_must_fit_the_longer_name_it_joins() -> None:
    # seen on 2019 news: "B.J. Habibie" was read as his son named later in the article
    text = (
        "Menko Luhut menyebut sosok B.J. Habibie sebagai teladan. Thareq Kemal Habibie "
        "mengatakan keluarga berterima kasih."
    )
    assert {"B.J. Habibie", "Thareq Kemal Habibie"} <= set(persons(text))
    # initials that begin the longer name's words: one person, under the fuller name
    text = (
        "Presiden ke-3 RI BJ Habibie dirawat di RSPAD. Bacharuddin Jusuf Habibie lahir di "
        "Parepare. Habibie dikenal cerdas."
    )
    found = persons(text)
    assert list(found) == ["Bacharuddin Jusuf Habibie"]
    assert len(found["Bacharuddin Jusuf Habibie"].mentions) == 3
    # the same surname with initials or without: the form with them names the person
    assert list(persons("Habibie tiba. Presiden BJ Habibie lalu berpidato.")) == ["BJ Habibie"]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Bupati Badung I Nyoman Giri Prasta hadir dalam acara itu.", "I Nyoman Giri Prasta",
         "Bupati Badung"),
        ("Kepala BPBD Bali I Made Rentin meninjau lokasi banjir.", "I Made Rentin",
         "Kepala BPBD Bali"),
        ("Ketua DPRD Bali Ni Made Sumiati menyampaikan apresiasi.", "Ni Made Sumiati",
         "Ketua DPRD Bali"),
    ],
)  # fmt: skip
def test_a_balinese_name_keeps_its_i_or_ni(text: str, name: str, role: str) -> None:
    # seen on real news: "Gubernur Bali I Wayan Koster" gave "Wayan Koster", office "Gubernur
    # Bali I", as if "I" numbered the office
    (person,) = [a for a in extract_actors(text) if a.type == "person"]
    assert (person.name, person.role) == (name, role)


def test_a_unit_number_i_stays_with_the_office() -> None:
    text = "Wakil Ketua I DPRD Jatim Anik Maslachah hadir dalam rapat itu."
    (person,) = [a for a in extract_actors(text) if a.type == "person"]
    assert (person.name, person.role) == ("Anik Maslachah", "Wakil Ketua I DPRD Jatim")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Kamal dan Endang baru pulang dari bar di Pantai Kuta.", "Pantai Kuta"),
        ("Kapal tanker melintas di Selat Malaka.", "Selat Malaka"),
        ("Perahu nelayan tenggelam di Teluk Benoa.", "Teluk Benoa"),
    ],
)
def test_beaches_bays_and_straits_are_places(text: str, place: str) -> None:
    # seen in review on detik: "di Pantai Kuta" was read as a person
    found = {a.name: a.type for a in extract_actors(text)}
    assert found.get(place) == "place", found


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # a journalist's table named Habibie's son "Presiden ke-3 RI": the office named with
        # its holder before a relative's name is the holder's
        (
            "Putra Presiden ke-3 RI Bacharudin Jusuf Habibie, Thareq Kemal Habibie, mengatakan "
            "ayahnya dirawat intensif.",
            "Thareq Kemal Habibie",
            None,
        ),
        (
            "Istri Gubernur Jawa Barat Ridwan Kamil, Atalia Praratya, hadir di Bandung.",
            "Atalia Praratya",
            None,
        ),
        # right before the name, the office is the name's
        (
            "Putri Bupati Ogan Ilir, Ilyas Panji Alam, dilantik menjadi anggota DPD.",
            "Ilyas Panji Alam",
            "Bupati Ogan Ilir",
        ),
        # an analyst's briefing showed a candidate as the governor: "calon" before a pair
        (
            "Pasangan calon Gubernur-Wakil Gubernur Jawa Tengah Ahmad Luthfi-Taj Yasin "
            "berkampanye di Solo.",
            "Ahmad Luthfi",
            "calon Gubernur Jawa Tengah",
        ),
        (
            "Gubernur-Wakil Gubernur Jawa Tengah Ahmad Luthfi-Taj Yasin dilantik di Jakarta.",
            "Ahmad Luthfi",
            "Gubernur Jawa Tengah",
        ),
        # seen by a security desk: candidates called "Wali Kota", "wakil gubernur", "Gubernur"
        ("Calon Wali Kota-Wakil Wali Kota Yoyok Sukawi hadir.", "Yoyok Sukawi", "calon Wali Kota"),
        (
            "Pasangan calon gubernur dan wakil gubernur Ahmad Luthfi-Taj Yasin berkampanye.",
            "Ahmad Luthfi",
            "calon gubernur",
        ),
        ("Paslon Gubernur Ahmad Luthfi berkampanye di Kudus.", "Ahmad Luthfi", "Paslon Gubernur"),
        # a candidacy word before another office is not its holder's
        ("Para calon dan Ketua KPU Hasyim Asyari hadir.", "Hasyim Asyari", "Ketua KPU"),
    ],
)
def test_a_relative_does_not_take_the_office_and_a_candidate_stays_one(
    text: str, name: str, role: str | None
) -> None:
    people = {a.name: a.role for a in extract_actors(text) if a.type == "person"}
    assert people[name] == role
