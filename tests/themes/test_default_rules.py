"""The default taxonomy's rules for the two named themes, one general rule per case.

Every sentence here was written for these tests; none comes from a real article.
"""

from __future__ import annotations

import pytest

from media_analytics.themes import ThemeTagger

from .conftest import themes_of


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (  # vulnerability mapping: a stage of the election rated prone to trouble
            "Tahapan Kampanye Pilkada Paling Rawan di Provinsi Ini",
            "Bawaslu menilai tahapan kampanye Pilkada di provinsi itu paling rawan dibanding "
            "daerah lain. Pemetaan itu dipakai untuk menyiapkan pengawasan.",
        ),
        (  # an appeal to voters to respect each other's choice
            "Ulama Ajak Warga Hormati Pilihan Orang Lain di Pilbup",
            "Seorang ulama mengajak warga menghormati pilihan orang lain dalam Pilbup agar tidak "
            "terjadi perpecahan di kampung.",
        ),
        (  # escorting the vote
            "Brigadir Ini Kawal TPS di Pulau Terluar",
            "Seorang brigadir polisi bertugas dalam pengawalan TPS di pulau terluar agar "
            "pemungutan suara berjalan tertib.",
        ),
        (  # a call on the candidates' camps to unite again after the vote
            "Ormas Ajak Pendukung Paslon Bersatu Kembali Usai Pilgub",
            "Pimpinan ormas itu meminta para pendukung semua pasangan calon tidak saling ejek di "
            "media sosial setelah hasil diumumkan.",
        ),
        (  # supporters clashing, with an election word near them
            "Simpatisan Dua Kandidat Bentrok Usai Pencoblosan Pilwalkot",
            "Simpatisan dua kandidat sempat bentrok di depan balai desa setelah pencoblosan "
            "Pilwalkot. Polisi menenangkan massa dan menjaga ketertiban.",
        ),
    ],
)
def test_security_rules_find(tagger: ThemeTagger, title: str, text: str) -> None:
    assert "pilkada_security" in themes_of(tagger, title, text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (  # "relawan" (volunteers) is not "rawan" (prone to trouble)
            "Relawan Paslon Gelar Jalan Sehat Jelang Pilkada",
            "Ratusan relawan pasangan calon menggelar jalan sehat jelang Pilkada. Para relawan "
            "membagikan kaus kepada peserta.",
        ),
        (  # logistics kept "aman" from the weather
            "KPU Pastikan Logistik Pilkada Aman dari Hujan",
            "KPU membungkus kotak suara dengan plastik agar logistik Pilkada aman dari hujan "
            "selama perjalanan ke kecamatan.",
        ),
        (  # a polling station prone to floods, not to unrest
            "Tiga TPS Rawan Banjir Dipindah",
            "KPU memindahkan tiga TPS rawan banjir ke gedung sekolah menjelang pemungutan suara.",
        ),
        (  # vulnerability to one specific violation has its own theme
            "Kabupaten Ini Rawan Politik Uang di Pilkada",
            "Bawaslu menyebut kabupaten itu rawan politik uang di Pilkada karena banyak laporan "
            "pembagian amplop.",
        ),
        (  # "rawan" as "likely to be misused"
            "Gedung Sekolah Rawan Jadi Lokasi Kampanye Pilkada",
            "Gedung sekolah rawan dijadikan lokasi kampanye Pilkada, kata Bawaslu.",
        ),
        (  # the supervisor's readiness parade is about supervising
            "Bawaslu Gelar Apel Siaga Pengawasan Pilkada",
            "Bawaslu menggelar apel siaga pengawasan Pilkada di alun-alun dan siap awasi tahapan "
            "pemungutan suara.",
        ),
        (  # a quarrel between party elites is not unrest
            "Konflik Internal Partai Disebut Tak Pengaruhi Pilkada",
            "Pengamat menilai konflik internal partai tidak berpengaruh pada Pilkada di daerah "
            "itu.",
        ),
        (  # a clash of a movement's supporters, with no election
            "Bentrok Akhir Pekan, Kota Itu Mulai Normal",
            "Bentrokan antar kelompok pendukung gerakan itu dan aparat pecah di pusat kota akhir "
            "pekan lalu. Kini ketertiban pulih dan warga kembali beraktivitas dengan damai.",
        ),
    ],
)
def test_security_rules_leave_out(tagger: ThemeTagger, title: str, text: str) -> None:
    assert "pilkada_security" not in themes_of(tagger, title, text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (  # an official receives a group, which voices its requests
            "Gubernur Terima Tokoh Adat Bahas Tapal Batas",
            "Gubernur menerima 20 tokoh adat di rumah dinas. Para tokoh menyampaikan keluhan soal "
            "tapal batas desa dan gubernur berjanji meninjau lokasi.",
        ),
        (  # a group received by an official, told in the passive
            "Wali Kota Dengarkan Keluhan Pedagang Pasar",
            "Belasan perwakilan pedagang pasar diterima langsung oleh wali kota di balai kota. "
            "Mereka menyampaikan keluhan soal retribusi dan wali kota berjanji mengkajinya.",
        ),
        (  # a Bhabinkamtibmas visits homes to ask about security
            "Bhabinkamtibmas Sambangi Rumah Warga Tanyakan Kamtibmas",
            "Seorang Bhabinkamtibmas menyambangi rumah warga satu per satu dan menanyakan keluhan "
            "mereka soal keamanan lingkungan.",
        ),
        (  # residents complain to the council
            "Warga Mengadu ke DPRD Soal Banjir",
            "Warga perumahan mengadu ke DPRD soal banjir yang terus berulang. Anggota dewan "
            "menampung keluhan warga dan memanggil dinas terkait.",
        ),
        (  # a town meeting ("temu": to meet), told with the root
            "Bupati Gelar Temu Warga di Balai Desa",
            "Bupati menggelar temu warga di balai desa. Warga menyampaikan keluhan soal jalan "
            "rusak dan bupati menjawab satu per satu.",
        ),
        (  # a listening session whose complaint is about a thief not found ("ditemukan"), which
            # is not a meeting refused ("tidak ditemui")
            "",
            "Kapolres menggelar Jumat Curhat bersama warga yang mengeluhkan pencurian motor yang "
            "pelakunya tidak ditemukan.",
        ),
    ],
)
def test_dialogue_rules_find(tagger: ThemeTagger, title: str, text: str) -> None:
    assert "public_dialogue" in themes_of(tagger, title, text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (  # an official who "curhat" about his own trouble is not hearing the public
            "Anggota DPRD Curhat Soal Lift Gedung Dewan",
            "Seorang anggota DPRD curhat soal lift gedung dewan yang sering macet.",
        ),
        (  # a willingness to meet is not a meeting
            "Ketua BEM Siap Bertemu Presiden",
            "Ketua BEM menyatakan siap bertemu presiden untuk berdialog soal tuntutan mahasiswa.",
        ),
        (  # the legislature's session with a ministry
            "Komisi XI Gelar Rapat Dengar Pendapat dengan Kementerian",
            "Komisi XI DPR menggelar rapat dengar pendapat dengan pejabat kementerian soal "
            "anggaran.",
        ),
        (  # a claim to listen
            "Menteri: Pemerintah Mendengar Aspirasi Mahasiswa",
            "Menteri mengatakan pemerintah mendengar aspirasi mahasiswa soal undang-undang baru.",
        ),
        (  # claims to listen, with a word between (seen on real news: "Sebut Pemerintah Sangat
            # Mendengar")
            "Jokowi Sebut Pemerintah Sangat Mendengar Aspirasi Mahasiswa",
            "Presiden mengatakan selama ini pemerintah selalu mendengarkan aspirasi mahasiswa.",
        ),
        (  # a standing promise, not a meeting (blocker: tetap)
            "Ribuan Rumah Tergusur Proyek Rel Ganda",
            "Wali kota mengatakan aparatur wilayah tetap berdialog dengan warga terdampak.",
        ),
        (  # a receiver of an award, not of a delegation
            "Tokoh Adat Terima Penghargaan dari Gubernur",
            "Seorang tokoh menerima penghargaan dari gubernur atas jasanya menjaga hutan adat.",
        ),
        (  # an official who would not come out (blockers: tidak, mau)
            "Demo di Kantor Gubernur Memanas",
            "Massa mahasiswa kecewa karena gubernur tidak mau keluar menemui demonstran. Mereka "
            "bertahan di depan gerbang hingga sore.",
        ),
        (  # a plan to meet residents, not a meeting (blockers: berencana, akan)
            "Rumah Warga Terdampak Proyek Jalan Tol",
            "Wali kota berencana akan menemui dan berdialog dengan para warga yang rumahnya "
            "terdampak proyek jalan tol.",
        ),
        (  # a condition, not a meeting (conditions: kalau)
            "Pakar: UU Bisa Dicabut",
            "Kalau presiden dan para anggota DPR benar-benar mendengarkan aspirasi mahasiswa, "
            "undang-undang itu bisa dicabut.",
        ),
        (  # a call on the legislature to listen (blockers: perlu)
            "Pakar Minta Revisi Undang-Undang Ditunda",
            "Menurut pakar hukum, DPR perlu mendengar masukan dari masyarakat sebelum mengesahkan "
            "revisi undang-undang.",
        ),
        (  # found by residents ("ditemukan": to find), not a town meeting ("temu warga")
            "Mayat Bayi Ditemukan di Rumah Kosong",
            "Mayat bayi itu pertama kali ditemukan warga di rumah kosong. Kapolsek mengatakan "
            "polisi masih menyelidiki.",
        ),
        (  # a residents' finding ("temuan")
            "Polda: Gudang Bahan Peledak Sesuai Aturan",
            "Polda menyatakan gudang bahan peledak itu sesuai aturan. Kapolda mengatakan temuan "
            "warga soal retakan dinding sudah diperiksa.",
        ),
        (  # a blast that was heard ("terdengar"), not listening ("dengar")
            "Gudang Amunisi Meledak, Warga Dievakuasi",
            "Kapolda mengatakan pihaknya langsung mengevakuasi warga begitu ledakan terdengar. "
            "Kepolisian juga mengevakuasi warga kelurahan sebelah saat ledakan kedua terdengar.",
        ),
    ],
)
def test_dialogue_rules_leave_out(tagger: ThemeTagger, title: str, text: str) -> None:
    assert "public_dialogue" not in themes_of(tagger, title, text)


def test_a_blocker_only_cancels_the_act_it_stands_before(tagger: ThemeTagger) -> None:
    title = "Demo di Kantor Gubernur"
    refused = "Gubernur tidak mau keluar menemui demonstran."
    assert "public_dialogue" not in themes_of(tagger, title, refused)
    # the same meeting reported as done is evidence again, and its offsets point at the words
    done = "Gubernur akhirnya keluar menemui demonstran dan mendengar keluhan mahasiswa."
    result = tagger.tag(done, title)
    near = [h for h in result.hits if h.theme == "public_dialogue" and h.kind == "near"]
    assert near and all(done[h.start : h.end].strip() == done[h.start : h.end] for h in near)
    assert any("menemui demonstran" in done[h.start : h.end] for h in near)
    # a blocker in the previous sentence does not reach across the full stop
    after_stop = "Ia tidak lama di sana. Menemui demonstran, gubernur mendengar keluhan mahasiswa."
    assert "public_dialogue" in themes_of(tagger, title, after_stop)
