"""Saved models keep each vectoriser vocabulary as one array, load it back whole, and still read
files written with the plain dicts."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from media_analytics.persistence import (
    PACKED_KEY,
    pack_vocabularies,
    pack_vocabulary,
    unpack_vocabularies,
    unpack_vocabulary,
)

sio = pytest.importorskip("skops.io", reason="skops saves the models")

TEXTS = [
    "Polisi menggelar Jumat Curhat bersama warga di aula kecamatan.",
    "Warga menyampaikan keluhan soal parkir liar dan jalan rusak.",
    "Pengamanan TPS menjelang pemungutan suara Pilkada diperketat.",
    "Harga cabai naik tajam, pedagang mengeluh pembeli sepi.",
    "Kapolres berdialog dengan tokoh masyarakat tentang keamanan.",
    "Petugas gabungan berjaga di gudang logistik surat suara.",
    "Café baru di Bandung ramai dikunjungi anak muda.",  # a non-ASCII term
    "Tidak ada kericuhan selama rekapitulasi suara berlangsung.",
]


def _schema(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("schema.json").decode("utf-8")


def test_vocabulary_round_trip_keeps_every_term_and_column() -> None:
    vocab = {"naik": 2, "café": 0, "harga cabai": 1, "": 3}
    packed = pack_vocabulary(vocab)
    assert packed is not None and packed.dtype == np.uint8
    assert unpack_vocabulary(packed) == vocab
    assert unpack_vocabulary(pack_vocabulary({})) == {}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "vocab",
    [{"a": 0, "b": 2}, {"a": 1, "b": 1}, {"a\x00b": 0}, {"a": -1}],
    ids=["gap", "shared column", "separator in a term", "negative"],
)
def test_vocabularies_that_cannot_be_packed_are_kept_as_they_are(vocab: dict[str, int]) -> None:
    assert pack_vocabulary(vocab) is None

    class Vec:
        vocabulary_ = vocab

    vec = Vec()
    state = pack_vocabularies({"vectorizer_": vec}, ["vectorizer_"])
    assert state["vectorizer_"] is vec and PACKED_KEY not in state


def test_packing_leaves_the_estimator_alone() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vecs = {"a": TfidfVectorizer().fit(TEXTS), "b": TfidfVectorizer(analyzer="char").fit(TEXTS)}
    before = {k: dict(v.vocabulary_) for k, v in vecs.items()}
    state = {"vectorizers_": vecs, "other": 1}
    packed = pack_vocabularies(state, ["vectorizers_", "missing_"])
    assert state["vectorizers_"] is vecs and {k: v.vocabulary_ for k, v in vecs.items()} == before
    assert set(packed[PACKED_KEY]) == {"vectorizers_/a", "vectorizers_/b"}
    assert not any(hasattr(v, "vocabulary_") for v in packed["vectorizers_"].values())
    restored = unpack_vocabularies(packed)
    assert {k: v.vocabulary_ for k, v in restored["vectorizers_"].items()} == before
    assert restored["other"] == 1 and PACKED_KEY not in restored


def _sentiment() -> Any:
    from media_analytics.sentiment import SentimentFeatures

    return SentimentFeatures(char_min_df=1).fit(TEXTS)


def _topics() -> Any:
    from media_analytics.preprocessing import TextPreprocessor
    from media_analytics.topics import TopicModel

    docs = list(TextPreprocessor().fit_transform(TEXTS * 3))
    return TopicModel(n_topics=2).fit(docs)


@pytest.mark.parametrize("make", [_sentiment, _topics], ids=["sentiment features", "topics"])
def test_saved_file_holds_no_node_per_term_and_loads_the_same(make: Any, tmp_path: Path) -> None:
    from media_analytics.sentiment import TRUSTED_TYPES as SENTIMENT
    from media_analytics.topics import TRUSTED_TYPES as TOPICS

    model = make()
    path = tmp_path / "m.skops"
    sio.dump(model, path)
    vocabularies = model.vectorizers_ if hasattr(model, "vectorizers_") else {"": model.vectorizer_}
    schema = _schema(path)
    assert '"vocabulary_"' not in schema
    for vec in vocabularies.values():
        assert len(vec.vocabulary_) > 20
        # a term of the vocabulary is not written into the schema as a JSON key or value
        # (words of the sentiment lexicon are, as the lexicon's own entries)
        lexicon = getattr(model, "lexicon_", {})
        terms = [t for t in vec.vocabulary_ if len(t) >= 4 and t not in lexicon]
        assert terms and not any(json.dumps(t) in schema for t in terms)
    loaded = sio.load(path, trusted=SENTIMENT + TOPICS)
    got = loaded.vectorizers_ if hasattr(loaded, "vectorizers_") else {"": loaded.vectorizer_}
    for name, vec in vocabularies.items():
        assert got[name].vocabulary_ == vec.vocabulary_
    if hasattr(model, "vectorizers_"):
        a, b = model.transform(TEXTS), loaded.transform(TEXTS)
        assert (a != b).nnz == 0 and a.nnz > 0
    else:
        np.testing.assert_array_equal(loaded.predict(TEXTS), model.predict(TEXTS))


def test_a_state_saved_with_plain_dicts_still_loads() -> None:
    model = _sentiment()
    from media_analytics.sentiment import SentimentFeatures

    old_style = dict(model.__dict__)  # what the files written before packing hold
    fresh = SentimentFeatures.__new__(SentimentFeatures)
    fresh.__setstate__(old_style)
    a, b = model.transform(TEXTS), fresh.transform(TEXTS)
    assert (a != b).nnz == 0 and a.nnz > 0
