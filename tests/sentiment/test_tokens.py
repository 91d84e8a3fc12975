from __future__ import annotations

import pytest

from media_analytics.sentiment import NEGATORS, load_lexicon, sentiment_tokens
from media_analytics.sentiment.lexicon import lexicon_features
from media_analytics.sentiment.tokens import fingerprint, mark_negation


def test_the_designed_negators_are_all_there() -> None:
    assert {"tidak", "bukan", "belum", "tak", "jangan", "kurang"} <= NEGATORS


def test_negation_marks_the_next_tokens_only() -> None:
    assert mark_negation(["tidak", "enak", "dan", "mahal", "sekali"], window=3) == [
        "tidak",
        "NEG_enak",
        "NEG_dan",
        "NEG_mahal",
        "sekali",
    ]
    assert mark_negation(["belum", "selesai"], window=0) == ["belum", "selesai"]


def test_negation_scope_stops_at_a_clause_boundary() -> None:
    toks = sentiment_tokens("Harganya tidak mahal, tapi rasanya enak.")
    assert "NEG_mahal" in toks
    assert "enak" in toks and "NEG_enak" not in toks


def test_every_negator_opens_a_scope() -> None:
    for neg in ("tidak", "bukan", "belum", "tak", "jangan", "kurang"):
        assert sentiment_tokens(f"Pelayanan {neg} ramah") == ["pelayanan", neg, "NEG_ramah"]


def test_stemmed_view_keeps_negators_and_marks_stems() -> None:
    toks = sentiment_tokens("Warga tidak dikecewakan", stem=True)
    assert toks == ["warga", "tidak", "NEG_kecewa"]


def test_lexicon_polarity_flips_under_negation() -> None:
    lex = load_lexicon()
    pos, neg, balance, negated = lexicon_features(sentiment_tokens("Saya puas"), lex)
    assert pos > 0 and neg == 0 and balance > 0 and negated == 0
    pos, neg, balance, negated = lexicon_features(sentiment_tokens("Saya tidak puas"), lex)
    assert pos == 0 and neg > 0 and balance < 0 and negated == 1.0


def test_fingerprints_ignore_case_punctuation_and_spacing() -> None:
    a, b, c = fingerprint(["Enak sekali!", "enak  sekali", "enak sekali dong"])
    assert a == b != c


def _views_by_clause(text: str, window: int) -> tuple[list[str], list[str]]:
    """The written and stemmed streams built the plain way: split into clauses, then
    :func:`mark_negation` on each (what ``token_views`` does in one pass)."""
    from media_analytics.preprocessing import stem
    from media_analytics.sentiment.tokens import (
        _BOUNDARY_MARKS,
        _CLAUSE_WORDS,
        _PIECE,
        _place_pieces,
        normalize_text,
    )

    pieces = _PIECE.findall(normalize_text(text).lower())
    places = _place_pieces(normalize_text(text), pieces)  # (tested on their own below)
    clauses: list[list[str]] = [[]]
    for at, piece in enumerate(pieces):
        if at in places:
            continue
        if piece in _BOUNDARY_MARKS or piece in _CLAUSE_WORDS:
            clauses.append([])
        else:
            clauses[-1].append(piece)
    words: list[str] = []
    stems: list[str] = []
    for clause in clauses:
        words += mark_negation(clause, window)
        stems += mark_negation([p if p in NEGATORS else stem(p) for p in clause], window)
    return words, stems


def test_one_pass_views_equal_clause_by_clause_marking() -> None:
    from media_analytics.sentiment import default_training_data
    from media_analytics.sentiment.tokens import token_views

    texts = list(default_training_data()["text"][::7])
    texts += [
        "Kurangnya air bersih, tidak ada. Bukan tidak mungkin, tapi belum jelas!",
        "tidak tidak tidak enak sekali (kata warga) namun puas",
        "Jangan khawatir; pelayanan tak lambat lagi, meskipun antre.",
    ]
    from media_analytics.sentiment.tokens import _PIECE, normalize_text, result_positions

    # (words read against their sense are marked too: tested on their own below)
    texts = [t for t in texts if not result_positions(_PIECE.findall(normalize_text(t).lower()))]
    assert len(texts) > 300
    for window in (0, 1, 3):
        for text in texts:
            views = token_views(text, stem=True, negation_window=window)
            assert (views.words, views.stems) == _views_by_clause(text, window), text


def test_a_test_result_reads_against_the_words_sentiment_sense() -> None:
    # seen on real news: "positif virus Corona" is bad news and "negatif Covid-19" good news
    lex = load_lexicon()
    for text, word in [
        ("Wali Kota Semarang Hendrar Prihadi positif virus Corona.", "positif"),
        ("Sopir pikap itu negatif narkoba.", "negatif"),
        ("Pelaku dinyatakan positif mengonsumsi ganja.", "positif"),
        ("Hasil tes urine negatif.", "negatif"),
    ]:
        assert f"NEG_{word}" in sentiment_tokens(text), text
        assert f"NEG_{word}" in sentiment_tokens(text, stem=True), text
    _, neg, balance, _ = lexicon_features(sentiment_tokens("Bupati itu positif Covid-19."), lex)
    assert neg > 0 and balance < 0
    pos, _, balance, _ = lexicon_features(sentiment_tokens("Bupati itu negatif Covid-19."), lex)
    assert pos > 0 and balance > 0
    # negated, the result reads as the word again; other senses are left alone
    assert "positif" in sentiment_tokens("Ia tidak positif Covid-19.")
    for text in (
        "Program ini berdampak positif bagi penanganan Covid-19.",
        "Tren positif berlanjut. Corona mereda.",
        "Komentar negatif dari netizen.",
    ):
        assert not any(t.startswith("NEG_") for t in sentiment_tokens(text)), text


def test_a_getaway_reads_against_success() -> None:
    # seen on real news: thieves who "berhasil" got away with the Louvre's jewels read as good news
    lex = load_lexicon()
    for text, word in [
        ("Para pencuri berhasil menggasak perhiasan kerajaan.", "berhasil"),
        ("Pelaku sukses melarikan diri sebelum polisi datang.", "sukses"),
        ("Komplotan itu berhasil membawa kabur uang nasabah.", "berhasil"),
    ]:
        assert f"NEG_{word}" in sentiment_tokens(text), text
        _, neg, balance, _ = lexicon_features(sentiment_tokens(text), lex)
        assert neg > 0 and balance < 0, text
    # a success of the police, the rescue or a team is still one, whatever it is about
    for text in (
        "Polisi berhasil menangkap pelaku yang kabur.",
        "Tim SAR berhasil mengevakuasi seluruh warga.",
        "Persija berhasil mencuri poin dan lolos ke final.",
        "Pencuri itu berhasil ditangkap warga.",
    ):
        assert not any(t.startswith("NEG_") for t in sentiment_tokens(text)), text
    assert lexicon_features(sentiment_tokens("Polisi berhasil menangkap pelaku."), lex)[2] > 0


# Words and separators that reach every rule joined_views must respect: negators at a sentence's
# end, test results near a seam, accents, mojibake, clause words, ".," paragraph joins.
_JOIN_WORDS = [
    "Warga", "tidak", "kurangnya", "puas", "positif", "negatif", "Covid-19", "tes", "urine",
    "tapi", "café", "â€œKata", "dia", "enak", "Belum", "ditemukan", "buku-buku", "don't",
    "“Aman”", "10.5", "KPU", "Jateng", "berhasil", "kabur", "membawa",
] + ["kantor", "baru", "rapat", "digelar", "Senin", "pagi", "warga", "Semarang"] * 6  # fmt: skip
_JOIN_SEPARATORS = [" ", " ", " ", ". ", ".,", "\n", "! ", ", ", " - ", "? "]


def test_joined_views_are_the_whole_texts_views() -> None:
    import random

    from media_analytics.sentiment.article import article_sentences
    from media_analytics.sentiment.tokens import joined_views, piece_views, token_views

    rng = random.Random(20240917)
    joined = 0
    for _ in range(400):
        n = rng.randint(1, 20)
        body = "".join(
            rng.choice(_JOIN_WORDS) + rng.choice(_JOIN_SEPARATORS) for _ in range(n)
        ).strip()
        title = rng.choice(["", "Warga tidak puas", "Hasil tes positif", "Banjir surut"])
        text = f"{title}\n{body}" if title else body
        shift = len(title) + 1 if title else 0
        for stem in (True, False):
            parts = [(0, len(title), piece_views(title, stem=stem))] if title else []
            parts += [
                (shift + a, shift + b, piece_views(body[a:b], stem=stem))
                for a, b in article_sentences(body)
            ]
            views = joined_views(text, parts)
            if views is not None:
                joined += 1
                assert views == token_views(text, stem=stem), text
    assert joined > 150  # most texts join (216 of 800)


def test_joined_views_refuse_what_would_read_otherwise() -> None:
    from media_analytics.sentiment.tokens import joined_views, piece_views

    def join(text: str, *cuts: tuple[int, int]) -> object:
        return joined_views(text, [(a, b, piece_views(text[a:b])) for a, b in cuts])

    assert join("Warga puas. Kantor baru.", (0, 11), (12, 24)) is not None
    assert join("Warga tidak\npuas.", (0, 11), (12, 17)) is None  # an open negation scope
    assert join("Hasil tes\npositif covid.", (0, 9), (10, 24)) is None  # a result at a seam
    assert join("Cafe ramai. Kafé baru.", (0, 11), (12, 22)) is None  # accents fold the whole
    assert join("Warga puas.Kantor baru.", (0, 11), (11, 23)) is None  # pieces that touch
    assert join("Warga puas. x Kantor baru.", (0, 11), (14, 26)) is None  # a word left out


@pytest.mark.parametrize(
    ("text", "left_out", "kept"),
    [
        ("Jembatan baru di Kota Serang dibuka Gubernur.", ["serang"], []),
        (
            "Warga Maluku dan Pemalang menyambut Gunung Merapi.",
            ["maluku", "pemalang", "merapi"],
            [],
        ),
        ("Serang balik, kata pelatih, lalu pasukan itu menyerang.", [], ["serang"]),
        ("Nasib bayi malang itu tragis di Malang.", [], ["malang"]),
    ],
)
def test_places_named_by_words_of_polarity_carry_no_tone(
    text: str, left_out: list[str], kept: list[str]
) -> None:
    from media_analytics.sentiment.tokens import token_views

    views = token_views(text)
    for word in left_out:
        assert word not in views.words and word not in views.stems
        assert word in views.plain  # the character n-grams still see it
    for word in kept:
        assert word in views.words + views.stems
    # only the place's use is left out: "malang" the adjective stays once, the city goes
    if "Malang" in text:
        assert views.words.count("malang") == 1


def test_a_place_named_by_a_word_of_polarity_does_not_turn_a_sentence_negative() -> None:
    from media_analytics.sentiment import default_model

    model = default_model()
    neg = list(model.classes_).index("negative")
    probs = model.predict_proba(
        [
            "Gubernur meresmikan jembatan baru di Kota Serang pada Senin pagi.",
            "Gubernur meresmikan jembatan baru di Kota Jambi pada Senin pagi.",
        ]
    )
    # the city reads like any other city, not like an attack
    assert abs(probs[0, neg] - probs[1, neg]) < 0.1
