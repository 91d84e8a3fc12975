"""score_articles gives what article_tone and actor_sentiment give, reading each sentence once."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from media_analytics.sentiment import (
    SentimentClassifier,
    actor_sentiment,
    article_tone,
    score_articles,
)

from .test_article import KeywordModel

ARTICLES = [
    (
        "Pelayanan publik makin bagus",
        "Budi menilai pelayanan itu bagus. Ani menyebut antrean masih buruk. "
        "Kantor buka pukul delapan. “Kami terus berbenah,” kata Budi.",
        [("Budi", [(0, 4)]), ("Ani", [(34, 37)]), ("Cici", [])],
    ),
    ("", "", []),
    (None, "Rapat digelar di aula kantor camat pada Senin pagi.", [("Camat", [(25, 30)])]),
    ("Judul saja", "Ok.", [("Ok", [(0, 2)])]),
    (
        "Paragraf tergabung",
        "Budi menilai hasilnya bagus.,Ani menyebut kinerjanya buruk. Rapat selesai sore hari.",
        [("Budi", [(0, 4)]), ("Ani", [(29, 32)])],
    ),
]


class CountingModel(KeywordModel):
    def __init__(self) -> None:
        self.calls: list[int] = []

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        self.calls.append(len(texts))
        return super().predict_proba(texts)


@pytest.mark.parametrize("model_name", ["keyword", "small"])
def test_same_results_as_the_one_article_functions(model_name: str, small_model: Any) -> None:
    model = KeywordModel() if model_name == "keyword" else small_model
    titles = [a[0] for a in ARTICLES]
    bodies = [a[1] for a in ARTICLES]
    actors = [a[2] for a in ARTICLES]
    results = score_articles(model, titles, bodies, actors)
    assert len(results) == len(ARTICLES)
    for (title, body, found), result in zip(ARTICLES, results, strict=True):
        tone = article_tone(model, title, body, clean=False)
        assert result.tone.label == tone.label
        assert result.tone.score == pytest.approx(tone.score)
        assert result.tone.probabilities == pytest.approx(tone.probabilities)
        assert result.tone.sentences.equals(tone.sentences)
        expected = actor_sentiment(body, found, model=model)
        assert len(result.actors) == len(expected)
        for got, want in zip(result.actors, expected, strict=True):
            assert (got.name, got.label, got.sentences) == (want.name, want.label, want.sentences)
            assert (got.score, got.polarity) == pytest.approx((want.score, want.polarity))


def test_one_call_and_no_sentence_twice() -> None:
    model = CountingModel()
    title, body, actors = ARTICLES[0]
    score_articles(model, [title, title], [body, body], [actors, actors])
    # per article: the headline and four sentences, each scored once although Budi and Ani
    # share sentences with the tone
    assert model.calls == [10]


def test_without_actors_and_bad_input() -> None:
    [result] = score_articles(KeywordModel(), ["Judul bagus"], ["Isi berita ini bagus sekali."])
    assert result.actors == [] and result.tone.label == "positive"
    with pytest.raises(ValueError, match="titles"):
        score_articles(KeywordModel(), ["a"], ["b", "c"])
    with pytest.raises(TypeError, match="must be str"):
        score_articles(KeywordModel(), ["a"], [None])  # type: ignore[list-item]


def test_sentences_table_is_built_on_demand(small_model: SentimentClassifier) -> None:
    tone = article_tone(small_model, "Judul berita", "Warga senang. Jalan desa diperbaiki.")
    assert "sentences" not in vars(tone)
    frame = tone.sentences
    assert list(frame.columns) == [
        "start", "end", "part", "weight", "label", "negative", "neutral", "positive",
    ]  # fmt: skip
    assert tone.sentences is frame


def test_article_model_reads_the_sentences_tokens(small_model: SentimentClassifier) -> None:
    from media_analytics.sentiment.batch import score_with_article_model
    from media_analytics.sentiment.tone import tone_text

    # each joined from its sentences or read whole (a negation scope open at the headline's
    # end, a test result at a seam, folded accents), with the same probabilities either way
    extra = [
        ("Warga tidak", "Puas dengan layanan. Rapat selesai sore.", []),
        ("Hasil tes", "Positif covid dua warga. Kantor tutup.", []),
        ("Kafé baru", "Pengunjung senang. Harga terjangkau.", []),
        ("Pasar ramai", "Warga tidak kecewa.,Pedagang untung. Ok.\nHarga naik tapi stabil.", []),
    ]
    rows = [(t or "", b, a) for t, b, a in ARTICLES] + extra
    titles, bodies, actors = ([r[i] for r in rows] for i in range(3))
    for article_model in (small_model, KeywordModel()):
        results, proba = score_with_article_model(
            small_model, article_model, titles, bodies, actors
        )
        whole = [tone_text(t, b) for t, b in zip(titles, bodies, strict=True)]
        assert np.array_equal(proba, np.asarray(article_model.predict_proba(whole)))
        alone = score_articles(small_model, titles, bodies, actors)
        assert [r.tone.probabilities for r in results] == [r.tone.probabilities for r in alone]
