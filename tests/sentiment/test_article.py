"""Article tone and actor sentiment, with a stub model whose sentence scores are known."""

from __future__ import annotations

import re

import numpy as np
import pytest

from media_analytics.sentiment import (
    DEFAULT_WEIGHTS,
    ActorSentiment,
    actor_sentiment,
    article_tone,
)
from media_analytics.sentiment.actors import ACTOR_OWN_STRENGTH
from media_analytics.sentiment.article import article_sentences, lean_label, quoted_share


class KeywordModel:
    """Positive when a sentence says 'bagus', negative for 'buruk', neutral otherwise."""

    classes_ = np.asarray(["negative", "neutral", "positive"], dtype=object)

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        rows = []
        for t in texts:
            low = t.lower()
            if "bagus" in low:
                rows.append([0.05, 0.15, 0.8])
            elif "buruk" in low:
                rows.append([0.8, 0.15, 0.05])
            else:
                rows.append([0.05, 0.9, 0.05])
        return np.asarray(rows)


def test_quoted_share() -> None:
    assert quoted_share("Tidak ada kutipan di sini.") == 0
    assert quoted_share("“Semua bagus,” ujar Budi.") > 0.5
    assert quoted_share("“Kalimat kutipan yang berlanjut.") > 0.9


def test_lean_rule() -> None:
    assert [lean_label(p) for p in (0.5, 0.15, 0.14, -0.14, -0.15)] == [
        "positive",
        "positive",
        "neutral",
        "neutral",
        "negative",
    ]


def test_headline_and_lead_weigh_more_and_quotes_less() -> None:
    body = (
        "Acara dibuka pada pagi hari oleh panitia. Peserta datang dari tiga kecamatan. "
        "Hasilnya dinilai buruk oleh pengamat. "
        "“Menurut kami semuanya bagus sekali,” kata ketua panitia."
    )
    tone = article_tone(KeywordModel(), "Acara tahunan digelar di alun-alun kota", body)
    parts = list(tone.sentences["part"])
    assert parts == ["headline", "lead", "lead", "body", "quote"]
    assert list(tone.sentences["weight"]) == [
        DEFAULT_WEIGHTS[p] for p in ("headline", "lead", "lead", "body", "quote")
    ]
    # one negative body sentence (weight 1) against one positive quote (weight 0.5)
    assert tone.polarity < 0
    assert sum(tone.probabilities.values()) == pytest.approx(1.0)


def test_a_positive_headline_and_lead_make_a_positive_article() -> None:
    body = (
        "Pelayanan baru di kantor itu bagus menurut warga. Antrean kini lebih pendek. "
        "Kantor buka pukul delapan. Loket tutup pukul tiga sore."
    )
    tone = article_tone(KeywordModel(), "Pelayanan publik makin bagus", body)
    assert tone.label == "positive" and tone.score == tone.probabilities["positive"]
    record = tone.to_dict()
    assert record["label"] == "positive" and record["score"] == round(tone.score, 4)
    assert record["probabilities"] == {c: round(p, 4) for c, p in tone.probabilities.items()}
    assert record["polarity"] == pytest.approx(tone.polarity, abs=1e-4)


def test_boilerplate_is_cleaned_before_scoring() -> None:
    body = (
        "JAKARTA - Proyek itu berjalan buruk sejak awal.\n"
        "Baca juga: Semua bagus di sini\nEditor : Ani"
    )
    tone = article_tone(KeywordModel(), None, body)
    assert tone.label == "negative"
    assert "Baca juga" not in tone.text and len(tone.sentences) == 1


def test_paragraphs_joined_by_a_comma_are_read_as_separate_sentences() -> None:
    # scraped text where paragraph breaks became commas: ".,Kalimat"
    body = (
        "Acara dibuka pada pagi hari oleh panitia.,Hasilnya dinilai buruk oleh pengamat. "
        "Peserta pulang sore hari.,“Menurut kami semuanya bagus sekali,” kata ketua panitia."
    )
    tone = article_tone(KeywordModel(), None, body)
    parts = list(tone.sentences["part"])
    assert parts == ["lead", "lead", "body", "quote"]
    starts = list(tone.sentences["start"])
    assert body[starts[1] :].startswith("Hasilnya") and body[starts[3] :].startswith("“Menurut")
    # a comma after a full stop before a lower-case word or a number does not cut
    assert len(article_sentences("Harga naik 2.,5 persen.")) == 1
    assert len(article_sentences("Ia pergi.,lalu pulang.")) == 1


def test_empty_article_is_neutral() -> None:
    tone = article_tone(KeywordModel(), "", "")
    assert tone.label == "neutral" and tone.polarity == 0.0 and len(tone.sentences) == 0


def test_unknown_weight_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown weight"):
        article_tone(KeywordModel(), "Judul", "Isi berita yang cukup panjang.", weights={"x": 1})


def test_actor_sentiment_reads_the_sentences_that_mention_each_actor() -> None:
    text = "Budi menilai hasilnya bagus. Ani menyebut kinerjanya buruk. Rapat selesai sore hari."
    result = actor_sentiment(
        text, [("Budi", [(0, 4)]), ("Ani", [(29, 32)]), ("Cici", [])], model=KeywordModel()
    )
    assert [(a.name, a.label, a.n_sentences) for a in result] == [
        ("Budi", "positive", 1),
        ("Ani", "negative", 1),
    ]
    assert result[0].sentences == [(0, 28)]
    assert result[0].to_dict()["polarity"] == pytest.approx(0.75)


def test_quotes_count_for_their_speaker() -> None:
    class Quote:
        speaker, start, end = "Budi", 30, 50

    text = "Rapat warga kemarin dihadiri Budi. “Semua berjalan bagus,” tambahnya."
    start = text.index("Budi")
    Quote.start, Quote.end = text.index("“"), text.index("”") + 1
    mention = [("Budi", [(start, start + 4)])]
    whole = actor_sentiment(text, mention, model=KeywordModel(), quotes=[Quote()], own_strength=1)
    assert whole[0].n_sentences == 2 and whole[0].label == "positive"
    [alone] = actor_sentiment(text, mention, model=KeywordModel())
    assert alone.n_sentences == 1 and alone.label == "neutral"
    # by default his own favourable words keep half their lean (he does not open the sentence)
    [budi] = actor_sentiment(text, mention, model=KeywordModel(), quotes=[Quote()])
    assert budi.n_sentences == 2
    assert budi.polarity == pytest.approx(whole[0].polarity * ACTOR_OWN_STRENGTH)
    # words of his own in a sentence he opens count whole
    opened = "Budi hadir. Budi berkata “semua berjalan bagus” kepada warga."
    quote_start = opened.index("“")

    class Own:
        speaker, start, end = "Budi", quote_start, opened.index("”") + 1

    spans = [(0, 4), (12, 16)]
    [full] = actor_sentiment(opened, [("Budi", spans)], model=KeywordModel(), quotes=[Own()])
    [same] = actor_sentiment(
        opened, [("Budi", spans)], model=KeywordModel(), quotes=[Own()], own_strength=1
    )
    assert full.polarity == pytest.approx(same.polarity) and full.polarity > 0


def test_a_sentence_the_actor_opens_weighs_more_than_a_passing_mention() -> None:
    # one neutral sentence and one positive sentence about Budi; which one Budi opens decides
    opens_neutral = "Budi hadir dalam rapat warga itu. Rapat berjalan bagus bersama Budi."
    opens_positive = "Rapat warga itu dihadiri oleh Budi. Budi menilai rapat berjalan bagus."

    def read(text: str, **kw: float) -> ActorSentiment:
        spans = [(m.start(), m.end()) for m in re.finditer("Budi", text)]
        [budi] = actor_sentiment(text, [("Budi", spans)], model=KeywordModel(), **kw)
        return budi

    assert read(opens_neutral).label == "neutral"
    assert read(opens_positive).label == "positive"
    # equal weights read both texts alike
    assert read(opens_neutral, lead_weight=1.0).polarity == pytest.approx(
        read(opens_positive, lead_weight=1.0).polarity
    )
    # the mean is weighted: 3 x neutral + 1 x positive
    assert read(opens_neutral).polarity == pytest.approx(
        read(opens_positive, lead_weight=1.0).polarity / 2
    )


def test_a_speaker_is_covered_well_by_its_own_praise_but_not_badly_by_its_own_attacks() -> None:
    quote = "“Pelayanan kantor itu buruk,”"

    class Quote:
        speaker = "Budi"
        start = 0
        end = 0

    def budi(text: str) -> tuple[str, float]:
        Quote.start = text.index(quote)
        Quote.end = Quote.start + len(quote)
        [found] = actor_sentiment(
            text, [("Budi", [(0, 4)])], model=KeywordModel(), quotes=[Quote()]
        )
        return found.label, found.polarity

    # his own negative words count as neutral coverage of him
    assert budi(f"Budi hadir dalam rapat warga. {quote} tegasnya.") == ("neutral", 0.0)
    # what others say of him still counts
    label, polarity = budi(f"Budi hadir dalam rapat warga. {quote} tegasnya. Warga menilai buruk.")
    assert (label, polarity) == ("neutral", 0.0)  # (that sentence does not name him)
    text = f"Budi hadir dalam rapat warga. {quote} tegasnya. Budi dinilai buruk. Budi buruk."
    found = actor_sentiment(
        text,
        [("Budi", [(0, 4), (text.index("Budi dinilai"), text.index("Budi dinilai") + 4),
                   (text.rindex("Budi"), text.rindex("Budi") + 4)])],
        model=KeywordModel(),
        quotes=[Quote()],
    )  # fmt: skip
    assert found[0].label == "negative"


def test_actor_objects_and_type_filter() -> None:
    from media_analytics.actors import Actor

    text = "Kota Sejahtera dinilai bagus. Budi Santoso hadir."
    actors = [
        Actor(name="Kota Sejahtera", type="place", mentions=[(0, 14)]),
        Actor(name="Budi Santoso", type="person", mentions=[(30, 42)]),
    ]
    result = actor_sentiment(text, actors, model=KeywordModel(), types=["person"])
    assert [(a.name, a.type, a.label) for a in result] == [("Budi Santoso", "person", "neutral")]


def test_bad_actor_input_is_refused() -> None:
    with pytest.raises(TypeError, match="an actor must be"):
        actor_sentiment("Teks.", ["Budi"], model=KeywordModel())
    with pytest.raises(ValueError, match="bad mention offsets"):
        actor_sentiment("Teks.", [("Budi", [(5, 2)])], model=KeywordModel())


def test_sentences_of_many_mentions_are_found_by_bisection() -> None:
    """The sentences each actor's mentions overlap, checked against a plain double loop."""
    import itertools
    import random

    from media_analytics.sentiment.actors import _LEAD_CHARS, _opened, _overlapping

    rng = random.Random(7)
    for _ in range(200):
        cuts = sorted(rng.sample(range(1, 400), rng.randint(1, 30)))
        bounds = [0, *cuts, 400]
        pairs = itertools.pairwise(bounds)
        sentences = [(a + rng.randint(0, 2), b) for a, b in pairs if b > a + 2]
        spans = []
        for _ in range(rng.randint(0, 20)):
            a = rng.randrange(0, 400)
            spans.append((a, min(400, a + rng.randint(1, 30))))
        expected = sorted(
            {i for a, b in spans for i, (s, e) in enumerate(sentences) if a < e and s < b}
        )
        assert _overlapping(sentences, spans) == expected
        idx = list(range(len(sentences)))
        reach = [s + max(_LEAD_CHARS, (e - s) // 4) for s, e in sentences]
        lead = {i for i in idx if any(sentences[i][0] <= a < reach[i] for a, _ in spans)}
        assert _opened(sentences, idx, spans) == lead
