"""Article tone learnt from labelled articles: the model, the pipeline part, the command line."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from media_analytics.cli import main
from media_analytics.pipeline import MediaPipeline
from media_analytics.preprocessing import clean_article
from media_analytics.sentiment.tone import (
    ARTICLE_FEATURE_GRID,
    BUNDLED_SENTENCE_WEIGHT,
    BUNDLED_TONE_BANDS,
    ToneReader,
    blend_tone,
    bundled_tone_model,
    choose_sentence_weight,
    default_tone_data,
    default_tone_files,
    fit_article_tone,
    split_headline,
    tone_text,
)
from media_analytics.themes.training import read_sample_records

from .conftest import LABELS, TEXTS

FLIP = {"positive": "negative", "negative": "positive", "neutral": "neutral"}


def _sample_tone() -> pd.DataFrame:
    """The project's sample articles as labelled articles: headline, line break, body."""
    rows = [
        {"id": r["id"], "text": f"{r['title']}\n{r['text']}", "label": r["gold"]["sentiment"]}
        for r in read_sample_records()
    ]
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def sample_tone() -> pd.DataFrame:
    return _sample_tone()


@pytest.fixture(scope="module")
def pipelines(sample_tone: pd.DataFrame) -> tuple[MediaPipeline, MediaPipeline]:
    """The same pipeline without and with a tone part; the tone labels are flipped (positive
    <-> negative) so that the tone part's answers cannot be the sentence rule's."""
    records = read_sample_records()
    sentences = pd.DataFrame({"text": TEXTS, "label": LABELS})
    plain = MediaPipeline(with_topics=False).fit(
        records, sentiment_data=sentences, tone_data=False, n_jobs=1
    )
    flipped = sample_tone.assign(label=sample_tone["label"].map(FLIP))
    # the article model alone (a share of 0), whatever cross-validation would choose
    taught = MediaPipeline(with_topics=False, tone_sentence_weight=0.0).fit(
        records, sentiment_data=sentences, tone_data=flipped, n_jobs=1
    )
    return plain, taught


def test_the_sentence_share_is_chosen_by_cross_validation_on_the_labels(
    sample_tone: pd.DataFrame, tmp_path: Path
) -> None:
    # seen in a researcher's walk-through: 30 labels made an article model read alone (0.37
    # macro-F1 against the default's 0.58 on 14 held-out articles); the share is now chosen
    records = read_sample_records()
    sentences = pd.DataFrame({"text": TEXTS, "label": LABELS})
    flipped = sample_tone.assign(label=sample_tone["label"].map(FLIP))
    fitted = {}
    for name, data in (("flipped", flipped), ("as read", None)):
        if data is None:  # labels that are the sentence reading's own answers
            reader = fitted["flipped"][2].sentiment_
            read = [reader.predict_article(*split_headline(t)).label for t in sample_tone["text"]]
            data = sample_tone.assign(label=read)
        pipe = MediaPipeline(with_topics=False).fit(
            records[:40], sentiment_data=sentences, tone_data=data, n_jobs=1
        )
        kept = pipe.metrics_["tone"]["sentence_weight_cv_macro_f1"]
        assert sorted(kept) == [f"{0.1 * k:.1f}" for k in range(11)]  # JSON keys: text
        scores = {float(w): f for w, f in kept.items()}
        best = max(scores.values())
        assert pipe.tone_sentence_weight_ == min(w for w, f in scores.items() if f == best)
        fitted[name] = (pipe.tone_sentence_weight_, scores, pipe)
    # labels that say the opposite of the sentences: their own model, not the sentences
    share, scores, pipe = fitted["flipped"]
    assert share < 0.5 and scores[0.0] > scores[1.0]
    # labels the sentences give: read perfectly with the sentences' full share
    assert fitted["as read"][1][1.0] == 1.0 == fitted["as read"][1][fitted["as read"][0]]
    assert fitted["as read"][0] > share
    # the chooser itself: the same answer as the fit, and a tone with one label refused
    chosen, by_share = choose_sentence_weight(
        pipe.tone_, pipe.sentiment_, list(flipped["text"]), list(flipped["label"])
    )
    assert chosen == pipe.tone_sentence_weight_
    kept = pipe.metrics_["tone"]["sentence_weight_cv_macro_f1"]
    assert {f"{w:.1f}": f for w, f in by_share.items()} == kept
    loaded = MediaPipeline.load(pipe.save(tmp_path / "m"))
    assert loaded.metrics_["tone"] == pipe.metrics_["tone"]  # kept as it was through JSON
    lonely = flipped.copy()
    lonely.loc[lonely.index[lonely["label"] == "positive"][1:], "label"] = "neutral"
    with pytest.raises(ValueError, match="2 labelled articles of each tone"):
        choose_sentence_weight(
            pipe.tone_, pipe.sentiment_, list(lonely["text"]), list(lonely["label"])
        )


def test_split_headline_and_tone_text_are_inverse() -> None:
    assert split_headline(tone_text("Judul berita", "Isi berita.\nParagraf dua.")) == (
        "Judul berita",
        "Isi berita.\nParagraf dua.",
    )
    assert tone_text("", "Isi.") == "Isi."


def test_article_model_is_chosen_by_cv_and_learns_the_sample(sample_tone: pd.DataFrame) -> None:
    train = sample_tone.iloc[::3].index.union(sample_tone.iloc[1::3].index)
    test = sample_tone.index.difference(train)
    model = fit_article_tone(
        list(sample_tone.loc[train, "text"]), list(sample_tone.loc[train, "label"])
    )
    settings = [{k: v for k, v in g.items()} for g in ARTICLE_FEATURE_GRID]
    assert model.feature_params_ in settings
    assert model.cv_scores_.shape == (len(model.C_grid),)
    reader = ToneReader(model, articles=True)
    predicted = reader.predict(list(sample_tone.loc[test, "text"]))
    gold = sample_tone.loc[test, "label"].to_numpy()
    # three classes: a model that learnt nothing gets about a third right
    assert np.mean(predicted == gold) > 0.5


def test_scored_tone_comes_from_the_tone_part(pipelines) -> None:
    plain, taught = pipelines
    records = read_sample_records()[:60]
    with_tone = list(taught.score(records, n_jobs=1))
    without = list(plain.score(records, n_jobs=1))
    texts = [tone_text(r["title"], clean_article(r["text"]).text) for r in records]
    proba = taught.tone_.predict_proba(texts)
    classes = list(taught.tone_.classes_)
    for rec, p in zip(with_tone, proba, strict=True):
        assert rec["sentiment"]["label"] == classes[int(np.argmax(p))]
        assert rec["sentiment"]["score"] == pytest.approx(float(p.max()), abs=1e-4)
        # the article model's own probabilities, which its label is the largest of
        shown = rec["sentiment"]["probabilities"]
        assert list(shown.values()) == pytest.approx(list(p), abs=1e-4)
        assert rec["sentiment"]["polarity"] == pytest.approx(p[2] - p[0], abs=1e-4)
    # the flipped labels make the tone part disagree with the sentence rule somewhere
    assert any(
        a["sentiment"]["label"] != b["sentiment"]["label"]
        for a, b in zip(with_tone, without, strict=True)
    )
    # tone toward each actor still comes from the sentence classifier: the same reading in both,
    # settled against each record's own article tone
    from media_analytics.actors import extract_actors, extract_quotes, speakers_as_actors
    from media_analytics.sentiment import score_articles
    from media_analytics.sentiment.actors import settle_with_article

    bodies = [clean_article(r["text"]).text for r in records]
    titles = [clean_article(r["title"]).text if r["title"] else "" for r in records]
    found = [extract_actors(b) for b in bodies]
    quotes = [extract_quotes(b, n) for b, n in zip(bodies, found, strict=True)]
    named = [speakers_as_actors(*x) for x in zip(bodies, found, quotes, strict=True)]
    readings = score_articles(
        taught.sentiment_, titles, bodies, named, quotes, types=("person", "organization")
    )
    settled = 0
    for recs in (with_tone, without):
        for rec, reading in zip(recs, readings, strict=True):
            by_name = {x.name: x for x in reading.actors}
            for row in rec["actors"]:
                if "sentiment" not in row:
                    continue
                label, score = settle_with_article(by_name[row["name"]], rec["sentiment"]["label"])
                found = by_name[row["name"]]
                assert row["sentiment"] == {
                    "label": label,
                    "score": round(score, 4),
                    "sentences": [list(x) for x in found.sentences],  # what it was read from
                    # and what it read there, before the article's tone was weighed
                    "reading": {"label": found.label, "score": round(found.score, 4)},
                }
                settled += label != by_name[row["name"]].label
    assert settled  # the article tone turned some readings to neutral
    assert [[a["name"] for a in r["actors"]] for r in with_tone] == [
        [a["name"] for a in r["actors"]] for r in without
    ]


def test_tone_part_is_saved_loaded_and_versioned(pipelines, tmp_path: Path) -> None:
    plain, taught = pipelines
    assert taught.model_version != plain.model_version
    out = taught.save(tmp_path / "m")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"]["tone"]["path"] == "tone.skops"
    loaded = MediaPipeline.load(out)
    records = read_sample_records()[:20]
    assert list(loaded.score(records, n_jobs=1)) == list(taught.score(records, n_jobs=1))
    # a model without a tone part saves none and loads without one
    bare = MediaPipeline.load(plain.save(tmp_path / "p"))
    assert bare.tone_ is None


def test_sentence_mode_reader_is_predict_article(small_model) -> None:
    texts = ["Warga senang\nJalan desa akhirnya diperbaiki. Warga puas.", "Banjir merendam desa."]
    reader = ToneReader(small_model, articles=False)
    expected = [
        small_model.predict_article("Warga senang", "Jalan desa akhirnya diperbaiki. Warga puas."),
        small_model.predict_article("", "Banjir merendam desa."),
    ]
    assert list(reader.predict(texts)) == [e.label for e in expected]


@pytest.mark.slow
def test_cli_trains_evaluates_and_refuses(
    sample_tone: pd.DataFrame, tmp_path: Path, capsys
) -> None:
    train, test = tmp_path / "train.csv", tmp_path / "test.csv"
    sample_tone.iloc[::2][["text", "label"]].to_csv(train, index=False)
    sample_tone.iloc[1::2][["text", "label"]].to_csv(test, index=False)
    assert main(["evaluate", "tone", str(test), "--train", str(train)]) == 0
    out = capsys.readouterr().out
    assert "article tone model trained on" in out and "macro-F1" in out
    # the same articles as test and training data are refused, with the count
    assert main(["evaluate", "tone", str(train), "--train", str(train)]) == 2
    assert f"{len(sample_tone.iloc[::2])} of {len(sample_tone.iloc[::2])} test rows" in (
        capsys.readouterr().err
    )
    model = tmp_path / "model"
    sentences = tmp_path / "sentences.csv"
    pd.DataFrame({"text": TEXTS, "label": LABELS}).to_csv(sentences, index=False)
    argv = ["train", "--tone-data", str(train), "--sentiment-data", str(sentences)]
    assert main([*argv, "--out", str(model), "--jobs", "1"]) == 0
    assert (model / "tone.skops").is_file()
    assert main(["evaluate", "tone", str(test), "--model", str(model), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["n"] == len(sample_tone.iloc[1::2])
    # without --tone-data the model's tone part learnt from the bundled articles, blended
    blended = tmp_path / "blended"
    argv = ["train", "--sentiment-data", str(sentences), "--out", str(blended), "--jobs", "1"]
    assert main(argv) == 0
    assert (blended / "tone.skops").is_file()
    capsys.readouterr()
    assert main(["evaluate", "tone", str(test), "--model", str(blended)]) == 0
    expected = (
        f"blended with the sentence reading (weight {BUNDLED_SENTENCE_WEIGHT:g}, bands "
        f"{BUNDLED_TONE_BANDS[0]:g} / {BUNDLED_TONE_BANDS[1]:g})"
    )
    assert expected in capsys.readouterr().out
    # --no-article-tone: no tone model in the directory, the sentence reading alone
    plain = tmp_path / "plain"
    argv = ["train", "--sentiment-data", str(sentences), "--out", str(plain), "--jobs", "1"]
    assert main([*argv, "--no-article-tone"]) == 0
    assert not (plain / "tone.skops").exists()
    assert MediaPipeline.load(plain).tone_ is None
    assert main([*argv, "--no-article-tone", "--tone-data", str(train)]) == 2
    assert "exclude each other" in capsys.readouterr().err
    # a file without a label column: one line naming the file, nothing written
    bad = tmp_path / "bad.csv"
    bad.write_text("text\nJudul\nIsi berita.\n", encoding="utf-8")
    assert main(["train", "--tone-data", str(bad), "--out", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert any(str(bad) in line for line in err)
    assert not (tmp_path / "x").exists()


@pytest.fixture(scope="module")
def bundled() -> MediaPipeline:
    """A pipeline whose tone part learnt from the bundled articles (the default's way)."""
    sentences = pd.DataFrame({"text": TEXTS, "label": LABELS})
    return MediaPipeline(with_topics=False).fit(
        read_sample_records(), sentiment_data=sentences, n_jobs=1
    )


def test_bundled_tone_data_is_every_labelled_bundled_article() -> None:
    data = default_tone_data()
    lines = sum(
        1 for f in default_tone_files() for line in f.read_text("utf-8").splitlines() if line
    )
    assert len(data) == lines
    assert set(data["label"]) == {"negative", "neutral", "positive"}
    # the written tone articles are there, not only the sample
    assert any(f.parent.name == "tone" for f in default_tone_files())
    assert len(data) > len(read_sample_records())
    # each text is the headline, a line break, the body
    assert all("\n" in t for t in data["text"])


def test_default_fit_blends_the_bundled_article_model_with_the_sentences(
    bundled: MediaPipeline,
) -> None:
    assert bundled.tone_ is bundled_tone_model()
    assert bundled.tone_sentence_weight_ == BUNDLED_SENTENCE_WEIGHT
    assert bundled.tone_bands_ == BUNDLED_TONE_BANDS
    records = read_sample_records()[:80]
    scored = list(bundled.score(records, n_jobs=1))
    classes = [str(c) for c in bundled.tone_.classes_]
    sentence_labels, article_labels = [], []
    for rec, raw in zip(scored, records, strict=True):
        title, body = clean_article(raw["title"]).text, clean_article(raw["text"]).text
        reading = bundled.sentiment_.predict_article(title, body)
        proba = bundled.tone_.predict_proba([tone_text(title, body)])[0]
        label, score = blend_tone(
            reading.probabilities, proba, classes, BUNDLED_SENTENCE_WEIGHT, BUNDLED_TONE_BANDS
        )
        assert (rec["sentiment"]["label"], rec["sentiment"]["score"]) == (
            label,
            pytest.approx(score, abs=1e-4),
        )
        # the mixture itself: the label follows its lean, not its largest class
        w = BUNDLED_SENTENCE_WEIGHT
        mixed = [
            w * reading.probabilities[c] + (1 - w) * p for c, p in zip(classes, proba, strict=True)
        ]
        assert list(rec["sentiment"]["probabilities"].values()) == pytest.approx(mixed, abs=1e-4)
        sentence_labels.append(reading.label)
        article_labels.append(classes[int(np.argmax(proba))])
    blended = [r["sentiment"]["label"] for r in scored]
    # the blend is neither reading alone
    assert blended != sentence_labels
    assert blended != article_labels


def test_sentence_weight_one_is_the_sentence_reading(bundled: MediaPipeline) -> None:
    sentences = pd.DataFrame({"text": TEXTS, "label": LABELS})
    records = read_sample_records()
    only = MediaPipeline(with_topics=False, tone_sentence_weight=1.0).fit(
        records, sentiment_data=sentences, n_jobs=1
    )
    without = MediaPipeline(with_topics=False).fit(
        records, sentiment_data=sentences, tone_data=False, n_jobs=1
    )
    assert without.tone_ is None
    labels = [r["sentiment"]["label"] for r in only.score(records[:60], n_jobs=1)]
    assert labels == [r["sentiment"]["label"] for r in without.score(records[:60], n_jobs=1)]
    # the weight is part of what the version names
    assert len({only.model_version, without.model_version, bundled.model_version}) == 3
    with pytest.raises(ValueError, match="tone_sentence_weight"):
        MediaPipeline(with_topics=False, tone_sentence_weight=1.5).fit(
            records[:20], sentiment_data=sentences, n_jobs=1
        )


def test_blend_weight_is_saved_and_older_models_load_without_it(
    bundled: MediaPipeline, tmp_path: Path
) -> None:
    out = bundled.save(tmp_path / "m")
    loaded = MediaPipeline.load(out)
    assert loaded.tone_sentence_weight_ == BUNDLED_SENTENCE_WEIGHT
    records = read_sample_records()[:30]
    assert list(loaded.score(records, n_jobs=1)) == list(bundled.score(records, n_jobs=1))
    # a manifest written before the blend existed: its tone part (an analyst's) is used alone
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    del manifest["tone_sentence_weight"]
    del manifest["params"]["tone_sentence_weight"]
    del manifest["settings_sha256"]  # written since, with the blend in it
    del manifest["manifest_sha256"]  # written since too
    manifest["format_version"] = 1  # the format of the models saved before it
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert MediaPipeline.load(out).tone_sentence_weight_ == 0.0


def test_blended_reader_is_what_the_pipeline_scores(bundled: MediaPipeline) -> None:
    records = read_sample_records()[:40]
    texts = [tone_text(r["title"], r["text"]) for r in records]
    reader = ToneReader(
        bundled.tone_,
        articles=True,
        sentences=bundled.sentiment_,
        sentence_weight=bundled.tone_sentence_weight_,
        bands=bundled.tone_bands_,
    )
    expected = [r["sentiment"]["label"] for r in bundled.score(records, n_jobs=1)]
    assert list(reader.predict(texts)) == expected


def test_blend_bands_set_the_lean_rule_and_are_saved(
    bundled: MediaPipeline, tmp_path: Path
) -> None:
    sentences = pd.DataFrame({"text": TEXTS, "label": LABELS})
    records = read_sample_records()
    # a wide positive band: fewer positives, and no article that was not positive becomes one
    wide = MediaPipeline(with_topics=False, tone_bands=(0.15, 0.6)).fit(
        records, sentiment_data=sentences, n_jobs=1
    )
    assert wide.tone_bands_ == (0.15, 0.6)
    narrow = MediaPipeline(with_topics=False, tone_bands=(0.15, 0.15)).fit(
        records, sentiment_data=sentences, n_jobs=1
    )
    a = [r["sentiment"]["label"] for r in wide.score(records, n_jobs=1)]
    b = [r["sentiment"]["label"] for r in narrow.score(records, n_jobs=1)]
    assert a.count("positive") < b.count("positive")
    assert all(y == "positive" for x, y in zip(a, b, strict=True) if x == "positive")
    # the negative band is the same, so the same articles are negative
    assert [x == "negative" for x in a] == [y == "negative" for y in b]
    assert wide.model_version != narrow.model_version
    # the explanation's rule names the bands the label followed
    for record in records[:8]:
        rule = wide.explain_tone(record["text"], record["title"])["rule"]
        assert rule.endswith(("reaches 0.6", "reaches -0.15")) or "between -0.15 and 0.6" in rule
    # saved with the model; a manifest from before the bands loads with the symmetric rule
    out = wide.save(tmp_path / "m")
    loaded = MediaPipeline.load(out)
    assert loaded.tone_bands_ == (0.15, 0.6)
    assert list(loaded.score(records[:30], n_jobs=1)) == list(wide.score(records[:30], n_jobs=1))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    del manifest["tone_bands"]
    del manifest["params"]["tone_bands"]
    del manifest["settings_sha256"]  # written since, with the bands in it
    del manifest["manifest_sha256"]  # written since too
    manifest["format_version"] = 1  # the format of the models saved before it
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert MediaPipeline.load(out).tone_bands_ == (0.15, 0.15)
    for bad in ((0.1,), (0.1, 1.5), "wide"):
        with pytest.raises(ValueError, match="tone_bands"):
            MediaPipeline(with_topics=False, tone_bands=bad).fit(
                records[:20], sentiment_data=sentences, n_jobs=1
            )


@pytest.mark.slow
def test_cli_sets_the_blend_weight_and_bands(
    sample_tone: pd.DataFrame, tmp_path: Path, capsys
) -> None:
    sentences = tmp_path / "sentences.csv"
    pd.DataFrame({"text": TEXTS, "label": LABELS}).to_csv(sentences, index=False)
    test = tmp_path / "test.csv"
    sample_tone[["text", "label"]].to_csv(test, index=False)
    model = tmp_path / "model"
    argv = ["train", "--sentiment-data", str(sentences), "--out", str(model), "--jobs", "1"]
    assert main([*argv, "--tone-weight", "0.7", "--tone-bands", "0.1", "0.25"]) == 0
    loaded = MediaPipeline.load(model)
    assert loaded.tone_sentence_weight_ == 0.7
    assert loaded.tone_bands_ == (0.1, 0.25)
    capsys.readouterr()
    assert main(["evaluate", "tone", str(test), "--model", str(model)]) == 0
    assert "(weight 0.7, bands 0.1 / 0.25)" in capsys.readouterr().out
    # out-of-range values and a blend without an article model: one line, nothing written
    for extra in (
        ["--tone-weight", "1.5"],
        ["--tone-bands", "0.1", "2"],
        ["--no-article-tone", "--tone-weight", "0.5"],
    ):
        bad = tmp_path / "bad"
        args = ["train", "--sentiment-data", str(sentences), "--out", str(bad), *extra]
        assert main(args) == 2
        assert "--tone-" in capsys.readouterr().err
        assert not bad.exists()


def test_the_full_sentiment_search_is_a_model_setting(tmp_path: Path) -> None:
    sentences = pd.DataFrame({"text": TEXTS, "label": LABELS})
    records = read_sample_records()[:40]
    fast = MediaPipeline(with_topics=False).fit(records, sentiment_data=sentences, n_jobs=1)
    full = MediaPipeline(with_topics=False, sentiment_search="full").fit(
        records, sentiment_data=sentences, n_jobs=1
    )
    # the full search tried the second view; the fast one did not
    assert hasattr(full.sentiment_, "view_scores_")
    assert not hasattr(fast.sentiment_, "view_scores_")
    assert full.model_version != fast.model_version
    loaded = MediaPipeline.load(full.save(tmp_path / "m"))
    assert loaded.sentiment_search == "full"
    assert list(loaded.score(records[:10], n_jobs=1)) == list(full.score(records[:10], n_jobs=1))
    with pytest.raises(ValueError, match="unknown sentiment search 'best'"):
        MediaPipeline(with_topics=False, sentiment_search="best").fit(
            records, sentiment_data=sentences, n_jobs=1
        )


def test_the_bundled_article_model_settings_are_part_of_the_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from media_analytics.sentiment import tone

    model = bundled_tone_model()
    assert model.embed_ is tone.BUNDLED_TONE_VECTORS is False
    assert model.C_ == tone.BUNDLED_TONE_C
    # its settings are part of every model version built on the bundled articles: a model with
    # other settings on the same data is never stored under the same version
    records = read_sample_records()[:30]
    sentences = pd.DataFrame({"text": TEXTS, "label": LABELS})

    def version() -> str:
        pipe = MediaPipeline(with_topics=False).fit(records, sentiment_data=sentences, n_jobs=1)
        return pipe.model_version

    before = version()
    monkeypatch.setattr(tone, "BUNDLED_TONE_VECTORS", True)  # the signature only: same model
    assert version() != before
