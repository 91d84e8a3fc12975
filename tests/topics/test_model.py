from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.metrics import adjusted_rand_score
from sklearn.utils import estimator_checks as checks

from media_analytics.topics import NO_TOPIC_LABEL, TopicModel
from media_analytics.topics.model import ENGLISH_FUNCTION_WORDS

from .conftest import Corpus, small_model


def group_ids(model: TopicModel, corpus: Corpus) -> dict[str, int]:
    """The topic id most documents of each group got."""
    out = {}
    for g in dict.fromkeys(corpus.groups):
        ids = model.labels_[[i for i, h in enumerate(corpus.groups) if h == g]]
        out[g] = int(np.bincount(ids[ids >= 0]).argmax())
    return out


def test_recovers_the_four_groups(four: Corpus) -> None:
    model = small_model().fit(four.tokens)
    assert adjusted_rand_score(four.groups, model.labels_) == 1.0
    assert sorted(model.topic_ids_.tolist()) == [0, 1, 2, 3]
    assert model.topic_sizes_.tolist() == [6, 6, 6, 6]


def test_same_seed_gives_identical_topics(four: Corpus) -> None:
    a = small_model(random_state=7).fit(four.tokens)
    b = small_model(random_state=7).fit(four.tokens)
    np.testing.assert_array_equal(a.labels_, b.labels_)
    np.testing.assert_array_equal(a.components_, b.components_)
    assert a.topic_terms_ == b.topic_terms_
    assert a.topic_ids_.tolist() == b.topic_ids_.tolist()


def test_other_seeds_give_the_same_partition(four: Corpus) -> None:
    runs = [small_model(random_state=s).fit(four.tokens).labels_ for s in range(5)]
    for labels in runs[1:]:
        assert adjusted_rand_score(runs[0], labels) == 1.0


def test_transform_and_predict_reproduce_the_fit(four: Corpus) -> None:
    model = small_model().fit(four.tokens)
    np.testing.assert_array_equal(model.predict(four.tokens), model.labels_)
    shares = model.transform(four.tokens)
    assert shares.shape == (24, 4)
    np.testing.assert_allclose(shares.sum(axis=1), 1.0)
    columns = model.get_feature_names_out()
    best = [int(c.split("_")[1]) for c in columns[shares.argmax(axis=1)]]
    assert best == model.labels_.tolist()


def test_batches_do_not_change_the_result(four: Corpus) -> None:
    big = small_model(batch_size=1000).fit(four.tokens)
    one = small_model(batch_size=1).fit(four.tokens)
    np.testing.assert_array_equal(big.labels_, one.labels_)
    np.testing.assert_array_equal(big.transform(four.tokens), one.transform(four.tokens))


def test_learning_from_a_sample_still_assigns_every_document(four: Corpus) -> None:
    model = small_model(max_fit_docs=12).fit(four.tokens)  # vocabulary and topics from 12 docs
    assert len(model.labels_) == 24
    np.testing.assert_array_equal(model.predict(four.tokens), model.labels_)
    assigned = model.labels_ >= 0
    assert assigned.sum() >= 20
    groups = np.asarray(four.groups)
    assert adjusted_rand_score(groups[assigned], model.labels_[assigned]) == 1.0
    for i in np.flatnonzero(~assigned):  # left out only for lack of any known term
        assert model.vectorizer_.transform([four.tokens[i]]).nnz == 0


def test_labels_use_surface_forms_and_titles(four: Corpus) -> None:
    titles = [f"Judul {g} {i}" for i, g in enumerate(four.groups)]
    model = small_model().fit(four.tokens, titles=titles, surface_forms=four.surface)
    pilkada = group_ids(model, four)["pilkada"]
    row = model.topic_ids_.tolist().index(pilkada)
    stems = " ".join(model.topic_stems_[row]).split()
    words = " ".join(model.topic_terms_[row]).split()
    assert "pilkada" in stems and "aman" in stems  # the stem of "pengamanan"
    assert "pengamanan" in words and "aman" not in words
    assert model.topic_labels_[row] == ", ".join(model.topic_terms_[row][:4])
    heads = model.representative_titles_[row]
    assert 1 <= len(heads) <= 3 and all("pilkada" in h for h in heads)
    assert len(model.topic_terms_[row]) <= 25
    for terms in model.topic_stems_:  # no word shown twice in one topic
        words = [w for t in terms for w in t.split()]
        assert len(words) == len(set(words))


def test_records_have_the_scored_record_shape(four: Corpus) -> None:
    model = small_model().fit(four.tokens)
    records = model.topic_records([*four.tokens[:2], "kata asing sekali"])
    assert set(records[0]) == {"id", "label", "score"}
    assert records[0]["id"] == model.labels_[0]
    assert records[0]["label"] == model.topic_label_map()[records[0]["id"]]
    assert 0.2 <= records[0]["score"] <= 1.0
    assert records[2] == {"id": -1, "label": NO_TOPIC_LABEL, "score": 0.0}


def test_outliers_get_minus_one(four: Corpus, corpus: Corpus) -> None:
    model = small_model(min_share=0.7).fit(four.tokens)
    unknown = "kata asing sekali"  # no term of the vocabulary
    mixed = "banjir hujan sungai harga beras pasar"  # half flood, half market prices
    pure = "banjir hujan sungai warga"
    ids, score = model.predict_scores([unknown, mixed, pure])
    assert ids[0] == -1 and score[0] == 0.0
    assert ids[1] == -1 and 0.3 < score[1] < 0.7
    assert ids[2] == group_ids(model, four)["banjir"] and score[2] > 0.9
    lenient = small_model(min_share=0.2).fit(four.tokens)
    assert lenient.predict([mixed])[0] in group_ids(lenient, four).values()
    assert lenient.predict([unknown])[0] == -1


def test_refit_keeps_ids_even_when_sizes_reorder(four: Corpus) -> None:
    old = small_model().fit(four.tokens)
    window = four.pick(
        {"pasar": slice(0, 3), "banjir": slice(None), "pilkada": slice(1, 5), "bola": slice(2, 6)}
    )
    fresh = small_model().fit(window.tokens)
    new = small_model().fit(window.tokens, previous=old)
    assert group_ids(new, window) == group_ids(old, four)
    assert group_ids(fresh, window) != group_ids(old, four)  # without `previous`, ids move
    assert new.retired_topics_ == [] and new.generation_ == 1 and new.next_topic_id_ == 4
    assert all(m["previous_id"] == m["id"] for m in new.topic_matches_)
    assert all(m["similarity"] >= new.match_threshold for m in new.topic_matches_)


def test_new_topic_gets_new_id_and_dropped_one_is_retired(corpus: Corpus, four: Corpus) -> None:
    old = small_model().fit(four.tokens)
    before = group_ids(old, four)
    window = corpus.pick({g: slice(None) for g in ["bola", "banjir", "pilkada", "vaksin"]})
    new = small_model().fit(window.tokens, previous=old)
    after = group_ids(new, window)
    assert {g: after[g] for g in ["bola", "banjir", "pilkada"]} == {
        g: before[g] for g in ["bola", "banjir", "pilkada"]
    }
    assert after["vaksin"] == 4 and new.next_topic_id_ == 5
    assert [(r["id"], r["generation"]) for r in new.retired_topics_] == [(before["pasar"], 1)]
    assert "pasar" in new.retired_topics_[0]["label"]
    fresh = [m for m in new.topic_matches_ if m["previous_id"] == -1]
    assert [m["id"] for m in fresh] == [4]
    # a third window: the retired record is carried forward, ids are never reused
    third = small_model().fit(four.tokens, previous=new)
    assert third.generation_ == 2
    assert before["pasar"] not in third.topic_ids_.tolist()
    assert {r["id"] for r in third.retired_topics_} == {before["pasar"], 4}
    assert set(third.topic_ids_.tolist()) == {before[g] for g in ["bola", "banjir", "pilkada"]} | {
        5
    }


def test_automatic_number_of_topics(four: Corpus) -> None:
    # 24 short documents are too few for NPMI to prefer the "true" 4 (each extra split makes
    # smaller, tighter clusters); what is checked is that the rule reported is the rule applied
    model = small_model(n_topics="auto", n_topics_grid=(6, 2, 3, 4, 30)).fit(four.tokens)
    grid = [row["n_topics"] for row in model.selection_scores_]
    assert grid == [2, 3, 4, 6]  # sorted; 30 is more than the documents allow
    best = max(model.selection_scores_, key=lambda r: r["quality"])
    assert model.n_topics_ == best["n_topics"]
    for row in model.selection_scores_:
        assert row["quality"] == pytest.approx(row["npmi"] * row["diversity"])
        assert -1 <= row["npmi"] <= 1 and 0 < row["diversity"] <= 1
    only = small_model(n_topics="auto", n_topics_grid=(4,)).fit(four.tokens)
    assert adjusted_rand_score(four.groups, only.labels_) == 1.0
    assert small_model(n_topics=3).fit(four.tokens).selection_scores_ == []


def test_candidates_fitted_in_threads_give_the_same_model(corpus: Corpus) -> None:
    grid = (2, 3, 4, 6)
    one = small_model(n_topics="auto", n_topics_grid=grid).fit(corpus.tokens)
    two = small_model(n_topics="auto", n_topics_grid=grid, n_jobs=2).fit(corpus.tokens)
    assert one.selection_scores_ == two.selection_scores_
    assert [r["n_topics"] for r in two.selection_scores_] == list(grid)
    np.testing.assert_array_equal(one.components_, two.components_)
    np.testing.assert_array_equal(one.labels_, two.labels_)
    # the chosen candidate's vectors are reused: the same as fitting that number outright
    best = max(two.selection_scores_, key=lambda r: (r["quality"], -r["n_topics"]))
    fixed = small_model(n_topics=best["n_topics"]).fit(corpus.tokens)
    np.testing.assert_array_equal(fixed.components_, two.components_)
    np.testing.assert_array_equal(fixed.labels_, two.labels_)


def test_topic_info_is_sorted_by_size(four: Corpus) -> None:
    window = four.pick({"pasar": slice(0, 2), "banjir": slice(None), "bola": slice(0, 4)})
    model = small_model(n_topics=3).fit(window.tokens)
    info = model.get_topic_info()
    assert info["size"].tolist() == [6, 4, 2]
    assert info["id"].tolist() == [0, 1, 2]  # a fresh fit numbers topics by size
    assert info["share"].sum() == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("params", "docs", "message"),
    [
        ({}, "satu dokumen", "one string"),
        ({}, ["bola gol", 3], "document 1"),
        ({}, [], "zero documents"),
        ({"n_topics": 30}, None, "exceeds"),
        ({"n_topics": "many"}, None, "positive int"),
        ({"n_topics": "auto", "n_topics_grid": (50,)}, None, "n_topics_grid"),
        ({"min_share": 1.1}, None, "no document has a clear topic"),
    ],
)
def test_bad_input_fails_with_a_clear_message(
    four: Corpus, params: dict[str, object], docs: object, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        small_model(**params).fit(four.tokens if docs is None else docs)


def test_titles_and_previous_are_checked(four: Corpus) -> None:
    with pytest.raises(ValueError, match="titles"):
        small_model().fit(four.tokens, titles=["satu"])
    with pytest.raises(NotFittedError):
        small_model().fit(four.tokens, previous=TopicModel())
    with pytest.raises(NotFittedError):
        TopicModel().predict(four.tokens)


def test_clone_keeps_parameters() -> None:
    model = small_model(n_topics_grid=(3, 5), min_share=0.3, match_threshold=0.7)
    params = clone(model).get_params()
    assert params["n_topics_grid"] == (3, 5) and params["min_share"] == 0.3
    assert params["match_threshold"] == 0.7


# parametrize_with_checks declines estimators whose input is text (it only generates numeric
# data), so the checks of the estimator contract that need no data are run by name. Skipped:
# every check that fits on numeric arrays, since a topic model of token strings cannot take them.
API_CHECKS = [
    "check_no_attributes_set_in_init",
    "check_parameters_default_constructible",
    "check_get_params_invariance",
    "check_set_params",
    "check_estimator_cloneable",
    "check_estimator_repr",
    "check_do_not_raise_errors_in_init_or_set_params",
    "check_estimator_tags_renamed",
]


@pytest.mark.parametrize("name", API_CHECKS)
def test_sklearn_contract(name: str) -> None:
    getattr(checks, name)(TopicModel.__name__, TopicModel())


def test_in_a_pipeline_from_raw_text(four: Corpus) -> None:
    from sklearn.pipeline import make_pipeline

    from media_analytics.preprocessing import TextPreprocessor

    pipe = make_pipeline(TextPreprocessor(), small_model()).fit(four.texts)
    alone = small_model().fit(four.tokens)
    np.testing.assert_array_equal(pipe.predict(four.texts), alone.labels_)
    frame = small_model().set_output(transform="pandas").fit(four.tokens).transform(four.tokens)
    assert list(frame.columns) == [f"topic_{i}" for i in alone.topic_ids_]


def test_a_small_corpus_gets_a_few_topics_and_a_tiny_one_a_clear_error() -> None:
    """The default candidates aim at five documents a topic at least; a corpus too small for
    any topic vocabulary is said in the library's words, not scikit-learn's."""
    from media_analytics.pipeline import MediaPipeline
    from media_analytics.themes.training import read_sample_records

    records = read_sample_records()
    model = MediaPipeline(with_sentiment=False).fit(records[:20])
    assert 2 <= model.topics_.n_topics_ <= 4
    with pytest.raises(ValueError, match=r"2 article\(s\) are too few to learn topic terms"):
        MediaPipeline(with_sentiment=False).fit(records[:2])


def test_english_function_words_are_no_topic_terms(four: Corpus) -> None:
    # an English caption or quote in some articles of each group: its function words are shared
    # by every topic and must neither become terms nor give an English text a topic
    english = " the of in and to at on is"
    tokens = [t + english if i % 2 else t for i, t in enumerate(four.tokens)]
    model = TopicModel(n_topics=4).fit(tokens)
    vocabulary = set(model.vectorizer_.vocabulary_)
    assert not {"the", "of", "in", "and", "to"} & {w for t in vocabulary for w in t.split()}
    assert "as" not in ENGLISH_FUNCTION_WORDS  # "AS", Amerika Serikat, stays a term
    assert model.topic_records(["the of in and to"]) == [
        {"id": -1, "label": NO_TOPIC_LABEL, "score": 0.0}
    ]
    np.testing.assert_array_equal(model.predict(tokens), model.labels_)  # the fast counting path


def test_retired_topics_are_named_with_their_sizes_in_a_warning(
    corpus: Corpus, four: Corpus, caplog: pytest.LogCaptureFixture
) -> None:
    # seen on real news: a refit retired 4 topics (one of 259 articles) and the log only said
    # how many of the new topics matched, so the loss went unnoticed
    old = small_model().fit(four.tokens)
    window = corpus.pick({g: slice(None) for g in ["bola", "banjir", "pilkada", "vaksin"]})
    with caplog.at_level("INFO", logger="media_analytics.topics.model"):
        new = small_model().fit(window.tokens, previous=old)
    [record] = new.retired_topics_
    pasar = old.topic_sizes_[list(old.topic_ids_).index(record["id"])]
    assert record["size"] == pasar == 6
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any(
        f"topic {record['id']}" in m and record["label"] in m and "6 articles" in m
        for m in warnings
    ), warnings


def test_retraining_keeps_the_previous_number_of_topics_unless_another_is_clearly_better() -> None:
    from media_analytics.topics.selection import PREVIOUS_COUNT_MARGIN, best_n_topics

    # seen on real news: 16 topics scored 0.342 and 12 scored 0.352 on 3% more articles; the
    # refit dropped from 16 to 12 topics and retired 4 of them
    rows = [
        {"n_topics": 12, "npmi": 0.37, "diversity": 0.95, "quality": 0.352},
        {"n_topics": 16, "npmi": 0.36, "diversity": 0.95, "quality": 0.342},
    ]
    assert best_n_topics(rows) == 12
    assert best_n_topics(rows, previous=16) == 16
    assert 0.342 * (1 + PREVIOUS_COUNT_MARGIN) < 0.40
    clearly = [dict(rows[0], quality=0.40), rows[1]]
    assert best_n_topics(clearly, previous=16) == 12
    # a previous count that is not coherent here is not kept
    incoherent = [rows[0], dict(rows[1], npmi=-0.01, quality=-0.01)]
    assert best_n_topics(incoherent, previous=16) == 12


def test_refit_scores_and_keeps_the_previous_count(corpus: Corpus) -> None:
    old = small_model(n_topics=5).fit(corpus.tokens)
    new = small_model(n_topics="auto", n_topics_grid=(2, 3, 4, 6)).fit(corpus.tokens, previous=old)
    scores = {r["n_topics"]: r["quality"] for r in new.selection_scores_}
    assert sorted(scores) == [2, 3, 4, 5, 6]  # the previous count is always a candidate
    from media_analytics.topics.selection import PREVIOUS_COUNT_MARGIN

    best = max(scores, key=lambda k: (scores[k], -k))
    kept = scores[best] <= scores[5] * (1 + PREVIOUS_COUNT_MARGIN)
    assert new.n_topics_ == (5 if kept else best)


# seen on real news: labels read "pelatihan timnas" (the articles say "pelatih timnas"), "tertib
# mencabut" (from "ditertibkan atau dicabut") and "selatan selasa" (from "Jakarta Selatan, Selasa")
PHRASE_DOCS = [
    "Pelatih timnas memuji pemain muda di Jakarta Selatan, Selasa. Izin ditertibkan atau dicabut.",
    "Pelatih timnas memanggil pemain di Jakarta Selatan, Selasa. Izin ditertibkan atau dicabut.",
    "Pelatih timnas menyiapkan pemain di Jakarta Selatan, Selasa. Izin ditertibkan atau dicabut.",
    "Pelatih timnas mencoret pemain di Jakarta Selatan, Selasa. Izin ditertibkan atau dicabut.",
    "Pelatihan guru digelar dinas. Pelatihan kerja dan pelatihan kader desa berlanjut.",
    "Pelatihan kerja bagi pemuda desa. Pelatihan guru honorer dibuka dinas.",
    "Dinas membuka pelatihan kader desa. Pelatihan kerja diikuti pemuda.",
    "Pemuda desa ikut pelatihan kerja dan pelatihan guru dari dinas.",
]


def phrase_model(texts: bool) -> tuple[TopicModel, list[str]]:
    from media_analytics.preprocessing import TextPreprocessor

    prep = TextPreprocessor()
    tokens = [str(t) for t in prep.fit_transform(PHRASE_DOCS)]
    assert prep.surface_forms_["latih"] == "pelatihan"
    extra = {"texts": PHRASE_DOCS} if texts else {}
    model = small_model(n_topics=2).fit(tokens, surface_forms=prep.surface_forms_, **extra)
    return model, [t for terms in model.topic_terms_ for t in terms]


def test_two_word_terms_are_phrases_as_written() -> None:
    model, terms = phrase_model(texts=True)
    pairs = [t for t in terms if " " in t]
    assert "pelatih timnas" in pairs and "pelatihan timnas" not in pairs
    # neither across a comma or a full stop, nor across a word left out ("atau")
    assert not {"selatan selasa", "tertib mencabut", "ditertibkan dicabut"} & set(pairs), pairs
    assert all(any(p in d.lower() for d in PHRASE_DOCS) for p in pairs), pairs
    sport = next(i for i, s in enumerate(model.topic_stems_) if "latih timnas" in s)
    assert "pelatih timnas" in model.topic_labels_[sport]


@pytest.mark.shared_data
@pytest.mark.slow
def test_two_word_terms_are_checked_on_real_news() -> None:
    import re

    import pandas as pd

    from media_analytics.preprocessing import TextPreprocessor, clean_article, clean_title

    from ..conftest import shared_file

    path = shared_file("corpora/detik-aspect-news-2025/data_berita.csv")
    frame = pd.read_csv(path)
    texts = [
        f"{clean_title(str(t))}\n{clean_article(str(b)).text}"
        for t, b in zip(frame["judul"], frame["isi_berita"], strict=True)
    ]
    prep = TextPreprocessor(clean=False)
    tokens = [str(t) for t in prep.fit_transform(texts)]
    model = TopicModel(random_state=0).fit(tokens, surface_forms=prep.surface_forms_, texts=texts)
    # a phrase as written: its words side by side, only spaces between
    written = "\n".join(re.sub(r"[ \t\xa0]+", " ", t.lower()) for t in texts)
    pairs = [t for terms in model.topic_terms_ for t in terms if " " in t]
    missing = [p for p in pairs if not re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", written)]
    assert len(pairs) >= 50 and not missing, missing


def test_half_of_a_phrase_is_not_shown_alone() -> None:
    from media_analytics.topics.terms import select_terms

    # seen on real news: "bunga pinjaman, suku" where "suku bunga" was meant
    names = ["bunga pinjam", "suku bunga", "suku", "bank", "bi rate"]
    weights = np.array([0.9, 0.8, 0.7, 0.6, 0.5])
    assert select_terms(weights, names, 3, keep=lambda t: True) == [
        "bunga pinjam",
        "bank",
        "bi rate",
    ]


def test_a_phrase_skipped_for_its_first_word_comes_back_with_its_second() -> None:
    from media_analytics.topics.terms import select_terms

    # seen on the bundled sample: "balap, liar" lost "liar" once halves were held back
    names = ["balap", "balap liar", "liar", "curhat"]
    weights = np.array([0.9, 0.8, 0.7, 0.6])
    assert select_terms(weights, names, 2, keep=lambda t: True) == ["balap liar", "curhat"]


def test_a_document_of_too_few_known_terms_has_no_clear_topic(four: Corpus) -> None:
    # seen by a newsroom analyst: a one-word article, "Gempa.", went to the forest-fire topic
    # at a share of 0.64, as high as most real articles'
    model = small_model(min_terms=3).fit(four.tokens)
    loose = small_model(min_terms=1).fit(four.tokens)
    doc = four.tokens[0]
    word = next(w for w in doc.split() if w in model.vectorizer_.vocabulary_)
    assert loose.predict([word])[0] >= 0  # one known word: placed when any term will do
    ids, scores = model.predict_scores([word])
    assert ids.tolist() == [-1] and scores.tolist() == [0.0]
    assert model.transform([word]).sum() == 0.0
    # a document of enough known terms is placed as before
    assert model.vectorizer_.transform([doc]).nnz >= 3
    assert model.predict([doc])[0] == loose.predict([doc])[0] >= 0
