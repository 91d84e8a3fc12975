from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from media_analytics.preprocessing import (
    SurfaceForms,
    TokenMapper,
    load_stopwords,
    model_tokens,
    preprocess,
    tokenize,
)


def test_tokenize_keeps_reduplication_and_folds_accents() -> None:
    assert tokenize("Buku-buku dan anak-anaknya di Café Jum'at") == [
        "buku-buku",
        "dan",
        "anak-anaknya",
        "di",
        "cafe",
        "jumat",
    ]


def test_reduplication_reaches_the_stemmer_whole() -> None:
    assert model_tokens("buku-buku", stopwords=frozenset()) == ["buku"]


def test_stopwords_sastrawi_plus_news() -> None:
    stop = load_stopwords()
    assert {"yang", "dan", "ujarnya", "tambahnya", "wib"} <= stop
    assert not {"pilkada", "polisi", "aman", "curhat"} & stop
    assert load_stopwords("none") == frozenset()
    with pytest.raises(ValueError, match="unknown stopword list"):
        load_stopwords("latin")


def test_model_tokens_drop_numbers_and_stopwords_after_stemming() -> None:
    tokens = model_tokens(
        "Sebanyak 1.200 personel mengamankan 350 TPS, ujarnya.", stopwords=load_stopwords()
    )
    # "sebanyak" stems to "banyak", a Sastrawi stopword: filtered after stemming
    assert tokens == ["personel", "aman", "tps"]


def test_token_mapper_agrees_with_model_tokens() -> None:
    text = "Pengamanan Pilkada 2024 di Kota Dumai berjalan kondusif, kata Kapolres."
    stop = load_stopwords()
    assert TokenMapper(stopwords=stop)(text) == model_tokens(text, stopwords=stop)
    assert TokenMapper(stopwords=stop, keep_numbers=True)(text) == model_tokens(
        text, stopwords=stop, keep_numbers=True
    )


TOKENISH = st.lists(
    st.sampled_from(
        [
            *"aB9 -'\u00e9\u0130\u212a?\u00df,.\n\u201c",
            *("buku-buku", "--", "-x-", "a--b", "Jum'at", "mengamankan", "yang", "COVID-19"),
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TOKENISH, st.text()))
def test_token_mapper_agrees_with_model_tokens_on_any_text(text: str) -> None:
    # the mapper tokenises bytes on its hot path; it must decide exactly like tokenize()
    stop = load_stopwords()
    assert TokenMapper(stopwords=stop)(text) == model_tokens(text, stopwords=stop)


def test_surface_forms_most_frequent_word() -> None:
    pairs: list[tuple[str, str]] = []
    model_tokens(
        "Kegiatan pengamanan. Kegiatan warga. Giat bekerja. Pengamanan ketat.",
        stopwords=load_stopwords(),
        pairs=pairs,
    )
    sf = SurfaceForms()
    sf.update(pairs)
    assert sf["giat"] == "kegiatan"
    assert sf["aman"] == "pengamanan"
    assert sf.label(["giat aman"]) == ["kegiatan pengamanan"]
    again = SurfaceForms.from_dict(sf.to_dict(top=3))
    assert again["giat"] == "kegiatan"


def test_preprocess_returns_both_views() -> None:
    p = preprocess("DUMAI - Kapolsek IPTU Anra memimpin pengamanan.\nEditor : Ari")
    assert p.dateline == "Dumai"
    assert p.clean == "Kapolsek IPTU Anra memimpin pengamanan."
    assert p.tokens == ["kapolsek", "iptu", "anra", "pimpin", "aman"]


def test_mapper_learns_words_stemmed_elsewhere_with_the_same_decisions() -> None:
    # a worker's memo is filled from the stems its siblings forward, as if it had met the words
    from media_analytics.preprocessing import StemCache
    from media_analytics.preprocessing.tokens import TokenMapper

    words = ["pengamanan", "kepolisian", "yang", "berlangsungnya", "tps", "2024", "x"]
    reference = TokenMapper(stopwords=load_stopwords(), cache=StemCache())
    expected = reference(" ".join(words))
    shared = StemCache()
    forwarded = [(w, StemCache().stem(w)) for w in words]
    mapper = TokenMapper(stopwords=load_stopwords(), cache=shared)
    shared.update(forwarded)
    assert set(mapper._memo) == {w.encode() for w in words}
    assert mapper(" ".join(words)) == expected
    assert shared.misses == 0  # nothing was stemmed again


def test_stem_cache_listeners_are_weak_and_do_not_travel() -> None:
    import gc
    import pickle

    from media_analytics.preprocessing import StemCache

    class Sink:
        def __init__(self) -> None:
            self.got: list[tuple[str, str]] = []

        def take(self, entries: list[tuple[str, str]]) -> None:
            self.got.extend(entries)

    cache = StemCache()
    sink = Sink()
    cache.subscribe(sink.take)
    cache.update([("a", "a"), ("b", "b")])
    cache.update([("a", "a"), ("c", "c")])  # only what is new is told
    assert sink.got == [("a", "a"), ("b", "b"), ("c", "c")]
    assert pickle.loads(pickle.dumps(cache)).to_dict() == cache.to_dict()
    del sink
    gc.collect()
    cache.update([("d", "d")])  # the dead listener is dropped, not called
    assert cache._listeners == []
