"""A tiny inline corpus (written for these tests) and a classifier fitted on it once."""

from __future__ import annotations

import pytest

from media_analytics.sentiment import SentimentClassifier, SentimentFeatures

POSITIVE = [
    "Pelayanan di kantor kelurahan sangat ramah dan cepat.",
    "Warga senang jalan desa akhirnya diperbaiki.",
    "Tim voli putri daerah meraih juara pertama.",
    "Panen padi tahun ini melimpah, petani bersyukur.",
    "Makanannya enak dan harganya terjangkau.",
    "Program beasiswa ini sangat bermanfaat bagi siswa.",
    "Puskesmas baru membuat warga puas.",
    "Kegiatan bakti sosial berjalan lancar dan meriah.",
    "Pasien itu sembuh total setelah dirawat.",
    "Perusahaan mencatat laba yang meningkat pesat.",
    "Saya puas dengan hasilnya.",
    "Kinerja petugas sangat memuaskan.",
]
NEGATIVE = [
    "Warga kecewa karena air bersih tidak mengalir seminggu.",
    "Banjir merendam ratusan rumah dan merusak sawah.",
    "Pelayanannya lambat dan petugasnya kasar.",
    "Dua orang tewas dalam kecelakaan di jalan tol.",
    "Harga cabai melonjak, pedagang mengeluh rugi.",
    "Makanannya basi dan tempatnya kotor.",
    "Pejabat itu ditetapkan tersangka korupsi.",
    "Kerusuhan pecah setelah laga usai.",
    "Saham perusahaan anjlok tajam.",
    "Jalan rusak parah dan berlubang.",
    "Saya tidak puas dengan hasilnya.",
    "Kinerja petugas tidak memuaskan.",
]
NEUTRAL = [
    "Rapat koordinasi digelar di aula kantor bupati pada Senin.",
    "KPU mengumumkan jadwal pendaftaran calon kepala daerah.",
    "Pasar buka mulai pukul enam pagi.",
    "Sidang lanjutan akan dilaksanakan pekan depan.",
    "Pemerintah menerbitkan aturan baru tentang pajak kendaraan.",
    "Acara itu dihadiri oleh camat dan kepala desa.",
    "Bus berangkat dari terminal setiap dua jam.",
    "Data penduduk diperbarui setiap tahun.",
    "Pertandingan dimulai pukul tujuh malam.",
    "Kantor pos berada di sebelah alun-alun.",
    "Menteri meninjau lokasi proyek pada Selasa.",
    "Laporan keuangan dirilis setiap kuartal.",
]
TEXTS = POSITIVE + NEGATIVE + NEUTRAL
LABELS = ["positive"] * len(POSITIVE) + ["negative"] * len(NEGATIVE) + ["neutral"] * len(NEUTRAL)


@pytest.fixture(scope="session")
def small_model() -> SentimentClassifier:
    features = SentimentFeatures(char_ngrams=(2, 4), char_min_df=1)
    return SentimentClassifier(features=features, C=1.0, calibration_cv=3).fit(TEXTS, LABELS)
