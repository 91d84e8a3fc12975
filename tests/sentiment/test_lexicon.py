"""The polarity lexicon: a written form listed on its own is not read by its stem."""

from __future__ import annotations

from media_analytics.preprocessing import default_cache
from media_analytics.sentiment.lexicon import LEXICON_FEATURES, LexiconIndex, load_lexicon

POS, NEG = LEXICON_FEATURES.index("positive"), LEXICON_FEATURES.index("negative")


def _scores(words: list[str]) -> list[float]:
    stems = [default_cache().stem(w) for w in words]
    return list(LexiconIndex(load_lexicon()).matrix([words], [stems])[0])


def test_a_derivation_whose_sense_left_its_root_is_not_read_by_the_root() -> None:
    stem = default_cache().stem
    # Sastrawi cuts these to roots of another sense (the premise of the lexicon's third pass)
    assert (stem("menangis"), stem("diminati"), stem("kebijakan")) == ("menang", "mati", "bijak")
    crying, wanted, policy, court = (
        _scores(["menangis"]),
        _scores(["diminati"]),
        _scores(["kebijakan"]),
        _scores(["pengadilan"]),
    )
    assert crying[NEG] > 0 and crying[POS] == 0  # not "win"
    assert wanted[POS] > 0 and wanted[NEG] == 0  # not "dead"
    assert policy[POS] == policy[NEG] == 0 and court[POS] == court[NEG] == 0
    # every other derivation still falls back to its root
    assert _scores(["mengecewakan"])[NEG] > 0 and _scores(["kemenangan"])[POS] > 0
    assert _scores(["menyuap"])[NEG] > 0 and _scores(["menyuapi"])[NEG] == 0


def test_words_of_either_direction_and_names_carry_no_polarity() -> None:
    # prices or rankings soar, a team beats or is beaten: the story decides, as for naik
    for word in ("melonjak", "meroket", "mengalahkan", "menggasak"):
        assert _scores([word])[:2] == [0.0, 0.0], word
    # a word news mostly writes in a name (Bank Mandiri, Piala Dunia), while the derivations
    # that keep the word's sense keep its weight
    assert _scores(["mandiri"])[:2] == _scores(["piala"])[:2] == [0.0, 0.0]
    assert _scores(["kemandirian"])[POS] > 0 and _scores(["pelestarian"])[POS] > 0


def test_feeding_a_child_is_not_bribery_and_a_court_is_not_justice() -> None:
    from media_analytics.sentiment import default_model

    model = default_model()
    classes = list(model.classes_)
    probs = model.predict_proba(
        [
            "Budi menyuapi anaknya dengan es krim.",  # spoon-feeds
            "Pengusaha itu menyuap hakim agar perkaranya dihentikan.",  # bribes
            "Perkara itu disidangkan di Pengadilan Negeri Bandung pada Senin.",
        ]
    )
    labels = [classes[i] for i in probs.argmax(axis=1)]
    assert labels[0] != "negative" and labels[1] == "negative"
    assert labels[2] == "neutral"


def test_a_problem_to_be_solved_is_no_bad_news_and_the_problem_itself_is() -> None:
    # seen by a security desk: candidates' promises ("Atasi Pengangguran", "Pati Bebas
    # Korupsi-Kurangi Pengangguran") read negative from the problems they promise to solve
    from media_analytics.sentiment import default_model
    from media_analytics.sentiment.tokens import sentiment_tokens

    assert sentiment_tokens("janji mengatasi pengangguran, lalu pulang") == [
        "janji", "mengatasi", "NEG_pengangguran", "lalu", "pulang",
    ]  # fmt: skip
    # within a negation the two marks cancel: failing to solve it is bad news again
    assert "pengangguran" in sentiment_tokens("gagal, tidak mengatasi pengangguran")
    model = default_model()
    classes = list(model.classes_)
    probs = model.predict_proba(
        [
            "Calon bupati itu berjanji mengatasi pengangguran dan kemiskinan di desa.",
            "Pengangguran dan kemiskinan di desa itu terus bertambah.",
        ]
    )
    labels = [classes[i] for i in probs.argmax(axis=1)]
    assert labels[0] != "negative" and labels[1] == "negative"
