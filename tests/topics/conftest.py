"""Tiny Indonesian corpora (in the shape of scikit-learn's JUNK_FOOD_DOCS) and their tokens."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sklearn.feature_extraction.text import CountVectorizer

from media_analytics.preprocessing import SurfaceForms, TextPreprocessor
from media_analytics.topics import TopicModel

GROUPS: dict[str, list[str]] = {
    "bola": [
        "Tim sepak bola Persija menang dua gol atas lawannya di stadion.",
        "Pelatih timnas memuji pemain yang mencetak gol pada laga semalam.",
        "Suporter memenuhi stadion untuk menonton laga liga sepak bola.",
        "Penjaga gawang menggagalkan penalti dan timnya menang di liga.",
        "Pemain muda itu mencetak gol pertamanya untuk timnas.",
        "Laga liga pekan ini berakhir imbang tanpa gol di stadion.",
    ],
    "banjir": [
        "Banjir merendam ratusan rumah warga setelah hujan deras semalam.",
        "Warga mengungsi karena sungai meluap dan banjir setinggi lutut.",
        "Hujan deras membuat sungai di kota itu meluap ke permukiman.",
        "Petugas mengevakuasi warga yang rumahnya terendam banjir.",
        "BPBD memperingatkan potensi banjir akibat hujan deras sepekan.",
        "Tanggul sungai jebol sehingga banjir merendam permukiman warga.",
    ],
    "pilkada": [
        "Polres menggelar pengamanan pilkada di seluruh TPS.",
        "KPU memastikan logistik pilkada tiba di TPS tepat waktu.",
        "Personel kepolisian disiagakan untuk pengamanan TPS saat pilkada.",
        "Pemilih datang ke TPS untuk memberikan suara dalam pilkada.",
        "Bawaslu mengawasi penghitungan suara pilkada di TPS.",
        "KPU menetapkan hasil penghitungan suara pilkada kabupaten.",
    ],
    "pasar": [
        "Harga beras di pasar tradisional naik menjelang akhir bulan.",
        "Pedagang pasar mengeluhkan harga cabai yang terus naik.",
        "Pemerintah menggelar operasi pasar untuk menekan harga beras.",
        "Harga bawang dan cabai di pasar turun setelah panen raya.",
        "Pembeli di pasar mengurangi belanja karena harga beras mahal.",
        "Stok beras di gudang cukup sehingga harga di pasar stabil.",
    ],
    "vaksin": [
        "Puskesmas menggelar vaksinasi campak bagi anak balita.",
        "Dinas kesehatan menambah stok vaksin untuk imunisasi anak.",
        "Orang tua membawa balita ke puskesmas untuk imunisasi campak.",
        "Vaksinasi anak sekolah digelar dinas kesehatan pekan ini.",
        "Petugas puskesmas mencatat balita yang sudah menerima vaksin.",
        "Kasus campak menurun setelah imunisasi anak digencarkan.",
    ],
}


@dataclass
class Corpus:
    """Token strings, the group of each document, its raw text and the surface forms."""

    tokens: list[str]
    groups: list[str]
    texts: list[str]
    surface: SurfaceForms

    def pick(self, groups: dict[str, slice]) -> Corpus:
        """The documents of some groups (a slice of each), in the order given."""
        idx = [
            i
            for g, part in groups.items()
            for i in [j for j, h in enumerate(self.groups) if h == g][part]
        ]
        return Corpus(
            [self.tokens[i] for i in idx],
            [self.groups[i] for i in idx],
            [self.texts[i] for i in idx],
            self.surface,
        )


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    texts = [t for docs in GROUPS.values() for t in docs]
    groups = [g for g, docs in GROUPS.items() for _ in docs]
    prep = TextPreprocessor()
    tokens = [str(t) for t in prep.fit_transform(texts)]
    return Corpus(tokens, groups, texts, prep.surface_forms_)


@pytest.fixture(scope="session")
def four(corpus: Corpus) -> Corpus:
    """The first four groups (no vaccination articles)."""
    return corpus.pick({g: slice(None) for g in ["bola", "banjir", "pilkada", "pasar"]})


def small_model(**params: object) -> TopicModel:
    """A TopicModel with a vectorizer suited to a few dozen short documents (of a few words
    each: any known term places one)."""
    vec = CountVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2), min_df=2)
    defaults: dict[str, object] = {
        "n_topics": 4,
        "vectorizer": vec,
        "random_state": 0,
        "min_terms": 1,
    }
    defaults.update(params)
    return TopicModel(**defaults)  # type: ignore[arg-type]
