"""``bench/topics.py --streaming``: the hashed, partition-by-partition clustering it measures."""

from __future__ import annotations

from types import ModuleType

import numpy as np
from sklearn.metrics import adjusted_rand_score

from ..conftest import bench_script


def _bench() -> ModuleType:
    return bench_script("topics_bench", "bench/topics.py")


def _corpus() -> tuple[list[str], np.ndarray]:
    """Two vocabularies (football, elections) with shared filler words, 60 documents each."""
    rng = np.random.default_rng(0)
    sport = ["gol", "laga", "pemain", "liga", "pelatih", "timnas", "stadion", "skor"]
    vote = ["tps", "kpu", "suara", "calon", "pilkada", "kampanye", "pemilih", "bawaslu"]
    filler = ["hari", "kata", "tahun", "orang", "baru"]
    docs, truth = [], []
    for k, vocab in enumerate((sport, vote)):
        for _ in range(60):
            words = list(rng.choice(vocab, 8)) + list(rng.choice(filler, 4))
            docs.append(" ".join(rng.permutation(words)))
            truth.append(k)
    return docs, np.asarray(truth)


def test_streamed_kmeans_recovers_separated_groups_with_and_without_idf() -> None:
    docs, truth = _corpus()
    for idf in (False, True):
        labels = _bench()._streamed_kmeans(docs, 2, 0, idf=idf, parts=4, epochs=2)
        assert labels.shape == (len(docs),)
        assert adjusted_rand_score(truth, labels) == 1.0


def test_cluster_terms_are_typical_of_their_cluster_not_shared_filler() -> None:
    docs, truth = _corpus()
    terms = _bench()._cluster_terms(docs, truth, 2, top_n=5)
    assert set(terms[0]) <= {
        "gol",
        "laga",
        "pemain",
        "liga",
        "pelatih",
        "timnas",
        "stadion",
        "skor",
    }
    assert set(terms[1]) <= {
        "tps",
        "kpu",
        "suara",
        "calon",
        "pilkada",
        "kampanye",
        "pemilih",
        "bawaslu",
    }
    assert len(terms[0]) == len(terms[1]) == 5
