"""Organisations, on sentences written for the tests."""

from __future__ import annotations

import pytest

from media_analytics.actors import Actor, canonical_key, extract_actors


def orgs(text: str) -> dict[str, Actor]:
    return {a.name: a for a in extract_actors(text) if a.type == "organization"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Karyawan PT. Sawit Makmur Abadi ikut kerja bakti.", "PT. Sawit Makmur Abadi"),
        ("Proyek itu dikerjakan PT Bangun Karya Mandiri sejak Mei.", "PT Bangun Karya Mandiri"),
        ("Toko itu milik CV Sumber Rejeki di pasar lama.", "CV Sumber Rejeki"),
        ("Laporan diterima Polres Dumai pada Senin.", "Polres Dumai"),
        ("Anggota Polsek Medan Kota berjaga di simpang.", "Polsek Medan Kota"),
        ("Berkas dikirim ke Polda Riau kemarin.", "Polda Riau"),
        ("Pengawasan dilakukan Polresta Pekanbaru bersama warga.", "Polresta Pekanbaru"),
        ("Jadwal kampanye dirilis KPU Kota Dumai hari ini.", "KPU Kota Dumai"),
        ("Pelanggaran dicatat Bawaslu Kabupaten Bengkalis.", "Bawaslu Kabupaten Bengkalis"),
        ("Anggaran dibahas DPRD Kota Dumai pekan ini.", "DPRD Kota Dumai"),
        ("Bantuan disalurkan Pemkab Siak ke desa.", "Pemkab Siak"),
        ("Pemprov Riau menyiapkan dana darurat.", "Pemprov Riau"),
        ("Surat itu dikeluarkan Kementerian Pertanian bulan lalu.", "Kementerian Pertanian"),
        ("Kader Partai Gerindra berkumpul di aula.", "Partai Gerindra"),
        ("Mahasiswa Universitas Riau menggelar diskusi.", "Universitas Riau"),
        ("Personel Kodim 0320/Dumai membantu warga.", "Kodim 0320/Dumai"),
        ("Latihan digelar Korem 031/Wira Bima di lapangan.", "Korem 031/Wira Bima"),
        ("Pasukan Kodam I/Bukit Barisan bersiaga.", "Kodam I/Bukit Barisan"),
        ("Penyidik KPK memeriksa saksi.", "KPK"),
        ("Data itu dirilis China Development Bank pekan lalu.", "China Development Bank"),
        # watchdogs had been read as people ("Human Rights Watch kata", a person "Watch")
        ("Human Rights Watch mengecam tindakan itu.", "Human Rights Watch"),
        ("Ikhsan Abdullah dari Indonesia Halal Watch mengatakan hal itu.", "Indonesia Halal Watch"),
    ],
)
def test_organisation_names(text: str, name: str) -> None:
    assert name in orgs(text)


def test_acronym_in_parentheses_is_an_alias_and_joins_later_mentions() -> None:
    text = (
        "Data dari Badan Pusat Statistik (BPS) menunjukkan kenaikan. "
        "BPS juga mencatat penurunan ekspor."
    )
    found = orgs(text)
    assert list(found) == ["Badan Pusat Statistik"]
    bps = found["Badan Pusat Statistik"]
    assert bps.aliases == ["BPS"]
    assert [text[s:e] for s, e in bps.mentions] == ["Badan Pusat Statistik", "BPS", "BPS"]


def test_field_lists_stay_in_one_name() -> None:
    text = "Dinas Pariwisata, Pemuda, dan Olahraga Kabupaten Siak menggelar lomba."
    assert "Dinas Pariwisata, Pemuda, dan Olahraga Kabupaten Siak" in orgs(text)


@pytest.mark.parametrize(
    ("text", "office"),
    [
        (
            "Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kota Bandung, Didi Ruswandi "
            "mengatakan proyek itu selesai.",
            "Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kota Bandung",
        ),
        (
            "Kepala Bagian Pemberitaan dan Publikasi Biro Humas KPK, Yuyuk Andriati mengatakan "
            "penyidik memeriksa tiga saksi.",
            "Kepala Bagian Pemberitaan dan Publikasi Biro Humas KPK",
        ),
        (
            "Kepala Biro Humas dan Protokol Pemprov Jabar Hermansyah mengaku belum menerima "
            "surat itu.",
            "Kepala Biro Humas dan Protokol Pemprov Jabar",
        ),
        (
            "Dirjen Pembinaan Hubungan Industrial dan Jaminan Sosial Tenaga Kerja Kemnaker "
            "Haiyani Rumondang membuka acara.",
            "Dirjen Pembinaan Hubungan Industrial dan Jaminan Sosial Tenaga Kerja Kemnaker",
        ),
    ],
)
def test_an_office_whose_field_has_dan_in_it_stays_whole(text: str, office: str) -> None:
    # the fields of regional offices are pairs: "Pekerjaan Umum dan Penataan Ruang", "Humas dan
    # Protokol"; cut at "dan", the person lost the office and the body half its name
    found = extract_actors(text)
    (person,) = [a for a in found if a.type == "person"]
    assert person.role == office
    assert not [a for a in found if a.name in ("Dinas Pekerjaan Umum", "Biro Humas")]


def test_a_lower_case_word_after_a_comma_and_dan_ends_the_name() -> None:
    found = orgs("Dana itu untuk rehab gedung SMA Negeri, dan pengadaan meubeulair sekolah.")
    assert all("pengadaan" not in n for n in found)


def test_two_organisations_joined_by_dan_stay_apart() -> None:
    found = orgs("Penyaluran lewat Bank Mandiri dan Kantor Pos dimulai besok.")
    assert "Bank Mandiri" in found and all("dan" not in n for n in found)


def test_defined_term_is_not_a_listed_party() -> None:
    # "PPP" is a party, but here it spells the phrase before it
    assert orgs("Skema Public-Private Partnership (PPP) dipakai untuk jalan tol.") == {}


def test_org_key_ignores_pt_punctuation() -> None:
    a = orgs("Kantor PT. Jatim Propertindo Jaya buka.")["PT. Jatim Propertindo Jaya"]
    b = orgs("Kantor PT Jatim Propertindo Jaya buka.")["PT Jatim Propertindo Jaya"]
    assert canonical_key(a) == canonical_key(b)


@pytest.mark.parametrize(
    ("text", "org", "person"),
    [
        # a district after the place head: not the start of the head's name
        (
            '"Ditunggu dua jam," kata Edi Saputra, Kepala Puskesmas Kecamatan Cilincing, kemarin.',
            "Puskesmas Kecamatan Cilincing",
            "Edi Saputra",
        ),
        (
            "Kepala Dinas Pemadam Kebakaran Kota Tangsel Uci Sanusi meninjau lokasi.",
            "Dinas Pemadam Kebakaran Kota Tangsel",
            "Uci Sanusi",
        ),
        # a village the gazetteer does not know: one word for the place, the rest for the person
        (
            "Ketua Lembaga Masyarakat Desa Sukarame Budi Santoso hadir.",
            "Lembaga Masyarakat Desa Sukarame",
            "Budi Santoso",
        ),
    ],
)
def test_place_head_in_an_organisation_takes_its_place(text: str, org: str, person: str) -> None:
    found = extract_actors(text)
    assert org in {a.name for a in found if a.type == "organization"}
    assert {a.name for a in found if a.type == "person"} == {person}


def test_place_after_a_head_does_not_run_into_the_next_sentence() -> None:
    found = extract_actors("Mobil disita Polres Tasikmalaya Kota. Mobil itu milik warga.")
    assert "Polres Tasikmalaya Kota" in {a.name for a in found if a.type == "organization"}


def test_a_group_of_a_tournament_draw_is_no_organisation() -> None:
    text = (
        "Chelsea kalah dalam laga pembukaan Grup H Liga Champions. Tim lain di Grup H juga "
        "kehilangan poin, sementara Indonesia memimpin Grup G Kualifikasi Piala Asia."
    )
    found = extract_actors(text)
    assert not [a.name for a in found if "Grup" in a.name or a.name[:2] in ("H ", "G ")]
    assert "Grup Djarum" in orgs("Saham Grup Djarum naik.")


def test_a_known_organisation_after_a_comma_is_not_a_field_of_the_one_before() -> None:
    found = orgs("Penyelidikan dilakukan Direktorat Tindak Pidana Siber, Polri, dan BSSN.")
    assert "Direktorat Tindak Pidana Siber" in found and "Polri" in found


@pytest.mark.parametrize(
    ("text", "organisations", "people"),
    [
        (
            "KBRI Phnom Penh menyatakan ada 97 WNI yang kabur. Konsulat Jenderal Republik "
            "Indonesia (KJRI) di Chicago membantu, dan Kedutaan Besar Rusia menolak berkomentar.",
            ["KBRI Phnom Penh", "Konsulat Jenderal Republik Indonesia", "Kedutaan Besar Rusia"],
            [],
        ),
        # brands named alone; a known name that goes on to a kind word, not across "Vs"
        (
            "Daihatsu Sigra laris. Presiden Direktur Mitsubishi Motors Corporation Takao Kato "
            "mengatakan Nissan Leaf dan Suzuki Ertiga juga laku. Arema FC menang atas Borneo FC "
            "Vs Madura United tertunda.",
            ["Mitsubishi Motors Corporation", "Arema FC"],
            ["Takao Kato"],
        ),
        # groups, parties and clubs in full; the homeland is a place
        (
            "Houthi mengklaim serangan itu. Ketua Umum Partai Demokrasi Indonesia Perjuangan "
            "Megawati Soekarnoputri hadir, begitu pula peneliti Indonesia Corruption Watch. "
            "Banyak selebriti Tanah Air menonton Norwich City.",
            [
                "Houthi",
                "Partai Demokrasi Indonesia Perjuangan",
                "Indonesia Corruption Watch",
                "Norwich City",
            ],
            ["Megawati Soekarnoputri"],
        ),
    ],
)
def test_embassies_brands_groups_and_clubs_are_organisations(
    text: str, organisations: list[str], people: list[str]
) -> None:
    found = {a.name: a.type for a in extract_actors(text)}
    assert all(found.get(name) == "organization" for name in organisations)
    assert [n for n, t in found.items() if t == "person"] == people


def test_a_platform_named_as_the_channel_of_a_post_is_no_actor() -> None:
    text = (
        "Raffi Ahmad mengatakan kabar itu ia unggah di Instagram, lalu lewat akun YouTube "
        "pribadinya. "
        "Ia juga aktif di media sosial Facebook, Instagram dan TikTok serta memasang Instagram "
        "Story. Video itu dibagikan di grup WhatsApp warga."
    )
    found = {a.name: a.type for a in extract_actors(text)}
    assert found == {"Raffi Ahmad": "person"}
    # the name after the platform is not glued to it
    text = "Sutradara Joko Anwar menulis di akun Twitter Joko Anwar bahwa film itu laris."
    found = {a.name: a.type for a in extract_actors(text)}
    assert found == {"Joko Anwar": "person"}


def test_a_platform_spoken_of_as_a_company_stays_an_organisation() -> None:
    text = (
        "Instagram merilis fitur baru pekan ini. CEO Facebook Mark Zuckerberg mengatakan "
        "YouTube dan WhatsApp juga menyiapkan pembaruan."
    )
    found = orgs(text)
    assert {"Instagram", "Facebook", "YouTube", "WhatsApp"} <= set(found)
    assert len(found["Instagram"].mentions) == 1


def test_a_short_form_then_its_full_name_in_brackets_is_one_organisation() -> None:
    from media_analytics.actors import extract_actors

    text = (
        "Acara ini didukung oleh LPS (Lembaga Penjamin Simpanan) dan Otoritas Jasa Keuangan. "
        "Lembaga Penjamin Simpanan menjamin simpanan nasabah. LPS juga hadir."
    )
    orgs = [a for a in extract_actors(text) if a.type == "organization"]
    assert [(a.name, a.aliases) for a in orgs] == [
        ("Lembaga Penjamin Simpanan", ["LPS"]),
        ("Otoritas Jasa Keuangan", []),
    ]
    assert [text[a:b] for a, b in orgs[0].mentions] == [
        "LPS", "Lembaga Penjamin Simpanan", "Lembaga Penjamin Simpanan", "LPS"
    ]  # fmt: skip
    # brackets that do not spell the short form are not its full name
    found = {a.name: a.aliases for a in extract_actors("KPU (Komisi Pemilihan) menetapkan.")}
    assert found.get("KPU") == [] and "KPU" not in found.get("Komisi Pemilihan", [])


def test_an_acronym_spelling_only_the_end_of_a_name_is_the_alias_of_that_body() -> None:
    text = (
        "Rapat Dewan Keamanan Liga Bangsa-Bangsa (LBB) berlangsung di Jenewa. "
        "LBB menolak usulan itu."
    )
    found = orgs(text)
    council, league = found["Dewan Keamanan Liga Bangsa-Bangsa"], found["Liga Bangsa-Bangsa"]
    assert council.aliases == [] and league.aliases == ["LBB"]
    assert [text[s:e] for s, e in league.mentions] == ["LBB", "LBB"]


def test_an_acronym_of_the_whole_name_after_a_legal_form_stays_the_company_s() -> None:
    text = "Pemegang saham PT Bumi Raya Sentosa (BRS) berkumpul. BRS membagi dividen."
    found = orgs(text)
    assert list(found) == ["PT Bumi Raya Sentosa"]
    assert found["PT Bumi Raya Sentosa"].aliases == ["BRS"]


@pytest.mark.parametrize("note", ["Malaysia", "Senin"])
def test_a_place_or_an_everyday_word_in_brackets_is_no_alias(note: str) -> None:
    text = f"Perjanjian diteken PT Cahaya Lestari ({note}) di Jakarta."
    company = orgs(text)["PT Cahaya Lestari"]
    assert company.aliases == []


def test_a_name_without_its_closing_club_or_company_word_is_the_same_organisation() -> None:
    text = (
        "Dividen dibagikan Sarana Mitra Energy Group pada Senin. Sarana Mitra Energy mencatat "
        "laba besar."
    )
    found = orgs(text)
    group = found["Sarana Mitra Energy Group"]
    assert "Sarana Mitra Energy" not in found and group.aliases == ["Sarana Mitra Energy"]
    assert len(group.mentions) == 2


def test_a_focus_group_discussion_is_no_organisation() -> None:
    text = (
        "Hal itu disampaikan dalam Focus Group Discussion (FGD) Penguatan UMKM yang digelar "
        "Dinas Koperasi Kota Bogor, Selasa (4/2)."
    )
    actors = [(a.name, a.type) for a in extract_actors(text)]
    assert not [name for name, kind in actors if "Discussion" in name or name == "FGD"]
    assert ("Dinas Koperasi Kota Bogor", "organization") in actors


def test_a_partys_regional_board_is_the_party_not_the_senate() -> None:
    # seen on the detik Pilkada index: "DPD" was #10 of the top actors, 42 of its stories a
    # party's regional board (DPD Gerindra Jateng, DPD PDIP Jawa Tengah), 4 the senate
    assert list(orgs("Ketua DPD Gerindra Jateng Sudaryono optimistis.")) == ["Gerindra Jateng"]
    assert list(orgs("Sekretaris DPD PDIP Jawa Tengah hadir.")) == ["PDIP Jawa Tengah"]
    assert list(orgs("Ketua DPD Partai Demokrat Jateng hadir.")) == ["Partai Demokrat Jateng"]
    # the senate itself
    assert list(orgs("Anggota DPD RI asal Jateng hadir.")) == ["DPD RI"]
    assert list(orgs("DPD mengesahkan rancangan itu.")) == ["DPD"]


def test_a_religious_community_is_an_organisation() -> None:
    # seen on the detik Pilkada index: "Ahmadiyah" typed as a person, and quoted as one
    assert orgs("Warga Ahmadiyah di Kuningan berharap kesetaraan hak.")["Ahmadiyah"].type == (
        "organization"
    )
    assert "Jemaat Ahmadiyah" in orgs("Jemaat Ahmadiyah berharap kesetaraan hak.")


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # seen in a researcher's walk-through: "Imparsial Al Araf" came out as one person, a top
        # speaker with 26 quotes
        ("Peneliti Imparsial Al Araf mengatakan revisi itu berbahaya.", "Imparsial"),
        ("Peneliti Perludem Fadli Ramadhanil menilai Pilkada serentak rawan.", "Perludem"),
        ("Koordinator JPPR Nurlia Dian Paramita mengatakan pemantau siap.", "JPPR"),
    ],
)
def test_civil_society_and_election_watchdogs_are_organisations(text: str, org: str) -> None:
    found = extract_actors(text)
    assert org in [a.name for a in found if a.type == "organization"]
    assert not any(org in a.name for a in found if a.type == "person")


def test_a_body_whose_region_is_written_two_ways_in_one_article_is_one_actor() -> None:
    # seen in an analyst's trial: "Polda Jawa Timur" and "Polda Jatim" were two actors of one
    # story, each with its own tone
    text = (
        "Polda Jawa Timur menetapkan dua tersangka. Kabid Humas Polda Jatim Kombes Frans Barung "
        "Mangera mengatakan penyidik masih bekerja. DPRD Jatim menggelar rapat."
    )
    orgs = [a for a in extract_actors(text) if a.type == "organization"]
    polda = [a for a in orgs if a.name.startswith("Polda")]
    assert [(a.name, a.aliases) for a in polda] == [("Polda Jawa Timur", ["Polda Jatim"])]
    assert [text[s:e] for s, e in polda[0].mentions] == ["Polda Jawa Timur", "Polda Jatim"]
    # another body of the same region stays apart
    assert "DPRD Jatim" in {a.name for a in orgs}


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        # a journalist's table had "Toyota" among an outlet's top ten actors, negative from
        # crash and seizure stories
        ("Kecelakaan melibatkan mobil Toyota Avanza dan sepeda motor Honda Beat.", []),
        ("Toyota Innova bernopol S 7190 US menabrak pembatas jalan.", []),
        ("Polisi menyita mobil merek Toyota milik tersangka.", []),
        # the company in the news stays an actor
        (
            "PT Toyota Motor Manufacturing Indonesia menambah investasi. Toyota juga membuka "
            "lowongan kerja.",
            ["PT Toyota Motor Manufacturing Indonesia", "Toyota"],
        ),
    ],
)
def test_a_vehicle_s_make_is_no_organisation_of_the_story(text: str, orgs: list[str]) -> None:
    assert [a.name for a in extract_actors(text) if a.type == "organization"] == orgs


def test_a_body_s_own_vehicle_keeps_the_body_an_actor() -> None:
    text = "Mobil Polri dibakar massa di depan kantor KPU. Truk TNI mengangkut logistik."
    assert {"Polri", "TNI"} <= {a.name for a in extract_actors(text) if a.type == "organization"}
