"""Retraining themes as an analyst does: what a previous model's thresholds become, labels too
few to learn from, label files headed as the article files are, the Python route agreeing with
the command, and a record's themes explained as they were scored."""

from __future__ import annotations

import argparse
import csv
import json
import logging
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from media_analytics import MediaPipeline
from media_analytics.themes import Taxonomy, default_taxonomy_path, train_tagger
from media_analytics.themes.training import read_label_file, read_labels, read_sample_records

from ..conftest import clickid_articles, few_sentences

BENCH = Path(__file__).resolve().parents[2] / "bench" / "data"

#: a theme of the analyst's own, appended to the bundled taxonomy
BANJIR = """
[[themes]]
id = "banjir"
phrases = ["banjir bandang", "posko pengungsian"]
terms = ["banjir", "genangan"]
"""


def _taxonomy_with_banjir(folder: Path) -> Path:
    path = folder / "my_taxonomy.toml"
    path.write_text(default_taxonomy_path().read_text(encoding="utf-8") + BANJIR, "utf-8")
    return path


def _few_banjir_labels(records: list[dict[str, Any]]) -> dict[str, dict[str, int | None]]:
    """4 articles labelled 1 and 6 labelled 0 for ``banjir``: under the 5 of each needed."""
    return {r["id"]: {"banjir": int(k < 4)} for k, r in enumerate(records[:10])}


def _clickid_public_dialogue() -> tuple[list[dict[str, Any]], dict[str, dict[str, int | None]]]:
    """The CLICK-ID articles of the project's labelled real news, and their public_dialogue
    labels (20 of 205 labelled 1)."""
    with (BENCH / "theme_labels.csv").open(newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["dataset"] == "clickid"]
    labels = {r["id"]: {"public_dialogue": int(r["public_dialogue"])} for r in rows}
    articles = clickid_articles(lambda row: row["article_id"] in labels)
    assert len(articles) == len(labels)
    return articles, labels


# -- a threshold set on the previous model ------------------------------------------------------


def _previous_with_a_set_threshold(folder: Path, taxonomy: Any = None) -> MediaPipeline:
    """As the analyst did: load a trained model, set a threshold on it, save it, and give it
    to the next training as ``--previous``."""
    records = read_sample_records()[:40]
    lab = MediaPipeline(taxonomy=taxonomy, with_topics=False, with_sentiment=False)
    lab.fit(records, n_jobs=1).save(folder / "model_lab")
    final = MediaPipeline.load(folder / "model_lab")
    final.themes_.set_threshold("public_dialogue", 0.6)
    final.save(folder / "model_final")
    return MediaPipeline.load(folder / "model_final")


def test_a_threshold_set_on_the_previous_model_is_named_with_both_values(
    tmp_path: Path,
) -> None:
    """Seen by an analyst: set_threshold 0.6 on the previous model, retrain with --previous:
    the warning named only the topics, and the new model had 0.5."""
    from media_analytics.cli import _not_carried_over

    previous = _previous_with_a_set_threshold(tmp_path)
    assert previous.themes_.thresholds_["public_dialogue"] == 0.6
    args = argparse.Namespace(theme_labels=None, tone_data=None)
    said = _not_carried_over(previous, Taxonomy.load(), args)
    (line,) = [s for s in said if "public_dialogue" in s]
    assert "public_dialogue (threshold 0.6, set on the model; here 0.5)" in line
    assert "set_threshold" in line  # how to keep it
    # a taxonomy that says 0.6 keeps it: nothing to say
    mine = Taxonomy.load().to_dict()
    for theme in mine["themes"]:
        if theme["id"] == "public_dialogue":
            theme["threshold"] = 0.6
    assert not [s for s in _not_carried_over(previous, Taxonomy.from_dict(mine), args)
                if "public_dialogue" in s]  # fmt: skip


def test_a_threshold_set_back_to_this_taxonomy_s_is_not_a_changed_definition(
    tmp_path: Path,
) -> None:
    """A taxonomy's 0.7 set back to 0.5 on the model, as the bundled taxonomy says: the theme
    scores as it did, where it was named as a changed definition."""
    from media_analytics.cli import _not_carried_over

    mine = Taxonomy.load().to_dict()
    for theme in mine["themes"]:
        if theme["id"] == "public_dialogue":
            theme["threshold"] = 0.7
    previous = _previous_with_a_set_threshold(tmp_path, Taxonomy.from_dict(mine))
    previous.themes_.set_threshold("public_dialogue", 0.5)
    args = argparse.Namespace(theme_labels=None, tone_data=None)
    said = _not_carried_over(previous, Taxonomy.load(), args)
    assert not [s for s in said if "public_dialogue" in s], said


def test_retraining_on_the_command_line_names_the_set_threshold_and_the_too_few_labels(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from media_analytics.cli import main

    _previous_with_a_set_threshold(tmp_path)
    records = read_sample_records()[40:80]
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    fixes = tmp_path / "fixes.csv"
    rows = "".join(f"{i},{v['banjir']}\n" for i, v in _few_banjir_labels(records).items())
    fixes.write_text("id,banjir\n" + rows, encoding="utf-8")
    argv = ["train", str(articles), "--taxonomy", str(_taxonomy_with_banjir(tmp_path)),
            "--theme-labels", str(fixes), "--previous", str(tmp_path / "model_final"),
            "--out", str(tmp_path / "model2"), "--no-topics", "--no-article-tone",
            "--jobs", "1", "--sentiment-data", str(few_sentences(tmp_path))]  # fmt: skip
    with caplog.at_level(logging.INFO):
        assert main(argv) == 0
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(
        "public_dialogue (threshold 0.6, set on the model; here 0.5)" in w for w in warnings
    ), warnings
    assert (
        "theme banjir: too few labels to learn from (4 labelled 1, 6 labelled 0; at least 5 "
        "of each are needed): its rules alone score it"
    ) in warnings
    # the themes nobody labelled: no warning, and one line, not one each
    assert not [w for w in warnings if "too few labels" in w and "banjir" not in w]
    assert sum("pilkada_security" in r.getMessage() for r in caplog.records
               if r.name == "media_analytics.themes.tagger") <= 1  # fmt: skip
    # as the help says: only the topic ids carry over; the threshold is the taxonomy's
    assert MediaPipeline.load(tmp_path / "model2").themes_.thresholds_["public_dialogue"] == 0.5


# -- too few labels ---------------------------------------------------------------------------


def test_too_few_labels_are_a_warning_in_python_too(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = read_sample_records()[:40]
    labels = _few_banjir_labels(records)
    taxonomy = _taxonomy_with_banjir(tmp_path)
    expected = (
        "theme banjir: too few labels to learn from (4 labelled 1, 6 labelled 0; at least 5 of "
        "each are needed): its rules alone score it"
    )
    with caplog.at_level(logging.INFO):
        tagger = train_tagger(taxonomy, labels=labels, articles=records)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    # and, as train says, how many labelled articles the rules alone still tag against them
    assert warnings[0] == expected and len(warnings) == 2
    assert warnings[1].startswith("theme banjir: 4 of 10 labelled training articles are still")
    assert not tagger.learned_.any()
    caplog.clear()
    with caplog.at_level(logging.INFO):
        MediaPipeline(taxonomy=taxonomy, with_topics=False, with_sentiment=False).fit(
            records, theme_labels=labels, n_jobs=1
        )
    assert expected in [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


# -- the Python route and the command ---------------------------------------------------------


def test_train_tagger_on_articles_learns_what_train_on_those_articles_learns() -> None:
    """``train_tagger(labels=..., articles=...)`` added the bundled sample and its fictional
    gold labels (public_dialogue among them) to the analyst's; ``train ARTICLES
    --theme-labels`` learns from the articles named alone."""
    articles, labels = _clickid_public_dialogue()
    by_python = train_tagger(labels=labels, articles=articles)
    by_command = (
        MediaPipeline(with_topics=False, with_sentiment=False)
        .fit(articles, theme_labels=labels, n_jobs=1)
        .themes_
    )
    assert by_python.learned_.tolist() == by_command.learned_.tolist()
    assert sorted(by_python.vectorizer_.vocabulary_) == sorted(by_command.vectorizer_.vocabulary_)
    texts = [a["text"] for a in articles[:40]]
    np.testing.assert_allclose(by_python.predict_proba(texts), by_command.predict_proba(texts))
    # the bundled sample comes in when asked for, or when no articles are given
    with_sample = train_tagger(labels=labels, articles=articles, use_sample=True)
    assert len(with_sample.vectorizer_.vocabulary_) > len(by_python.vectorizer_.vocabulary_)


# -- label files headed as article files are ------------------------------------------------


def test_a_label_file_headed_article_id_is_read(
    tmp_path: Path, default_pipeline: MediaPipeline
) -> None:
    """CLICK-ID's id column is ``article_id``: the article reader takes it, the label file
    reader refused it ("needs an 'id' column")."""
    from media_analytics.themes.evaluation import evaluate_themes

    articles = clickid_articles(n=6)
    path = tmp_path / "fixes.csv"
    rows = "".join(f"{a['id']},{k % 2}\n" for k, a in enumerate(articles))
    for header in ("article_id", "Article ID", "ARTIKEL_ID", "news-id"):
        path.write_text(f"{header},public_dialogue\n{rows}", encoding="utf-8")
        read = read_label_file(path)
        assert read == {a["id"]: {"public_dialogue": k % 2} for k, a in enumerate(articles)}
    # a DataFrame with that column, or with it as its index, as the file
    import pandas as pd

    frame = pd.read_csv(path).rename(columns={"news-id": "article_id"})
    assert read_labels(frame) == read
    assert read_labels(frame.set_index("article_id")) == read
    assert evaluate_themes(default_pipeline, articles, path).n_articles == len(articles)
    # "id" first, as the article reader prefers it: the other is not a label column
    path.write_text(
        "id,article_id,public_dialogue\n"
        + "".join(f"{a['id']},x{k},1\n" for k, a in enumerate(articles)),
        encoding="utf-8",
    )
    assert set(read_label_file(path)) == {a["id"] for a in articles}
    path.write_text("nomor,public_dialogue\n1,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"needs an id column \(id, article_id, .*columns: nomor"):
        read_label_file(path)


# -- a record's themes explained --------------------------------------------------------------


def test_explain_themes_scores_the_headline_as_the_record_was_scored(
    default_pipeline: MediaPipeline,
) -> None:
    """Cleaning a headline as a body cut a prefix taken for a dateline ("Bahas RUU Pesantren,
    DPR - Pemerintah ...", seen on real news) or emptied it ("Foto-foto ..."): the notebook's
    explanation scored another headline than the record's."""
    (article,) = [a for a in read_sample_records() if a["id"] == "sample-b-015"]
    article = {**article, "title": "Foto-foto Jumat Curhat Polres Dumai Bersama Warga"}
    (record,) = default_pipeline.score([article])
    tag = default_pipeline.explain_themes(article["text"], article["title"])
    assert tag.title == record["title"] == article["title"]
    assert tag.themes() == record["themes"]
    assert "Jumat Curhat" in tag.explain("public_dialogue")["evidence"]
    # the headline cleaned as a body is another headline, with other scores
    from media_analytics.preprocessing import clean_article

    body, head = clean_article(article["text"]).text, clean_article(article["title"]).text
    assert default_pipeline.themes_.tag(body, head).scores != tag.scores


def test_explain_themes_of_a_retrained_model_gives_the_record_s_scores(tmp_path: Path) -> None:
    records = read_sample_records()
    labels = {r["id"]: {"public_dialogue": int(n % 4 == 0)} for n, r in enumerate(records[:150])}
    model = MediaPipeline(with_topics=False, with_sentiment=False).fit(
        records, theme_labels=labels, n_jobs=1
    )
    assert model.themes_.learned_.any()
    for article, record in zip(records[:30], model.score(records[:30]), strict=True):
        tag = model.explain_themes(article["text"], article["title"])
        assert tag.themes() == record["themes"]


# -- the labels' share -------------------------------------------------------------------------


def _against(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "still tagged against" in r.getMessage()]


def test_train_says_how_many_labelled_articles_stay_against_their_label_and_the_share_helps(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # seen in a notebook: 9 articles labelled 0 for public_dialogue after reading them, 6 still
    # tagged after retraining, and nothing said why (the rules keep 0.7 of the score)
    records = read_sample_records()[:150]
    labels = {r["id"]: {"public_dialogue": int(n % 4 == 0)} for n, r in enumerate(records)}
    counts = {}
    for share in (0.3, 0.9):
        caplog.clear()
        with caplog.at_level(logging.INFO):
            model = MediaPipeline(
                with_topics=False, with_sentiment=False, theme_label_share=share
            ).fit(records, theme_labels=labels, n_jobs=1)
        [said] = _against(caplog)
        assert said.startswith("theme public_dialogue: ") and "--theme-share" in said
        counts[share] = int(said.split(": ")[1].split(" of ")[0])
        # the count is what the model does to the labelled articles
        tags = {
            r["id"]: "public_dialogue" in {t["theme"] for t in r["themes"]}
            for r in model.score(records)
        }
        assert counts[share] == sum(
            tags[i] != bool(v["public_dialogue"]) for i, v in labels.items()
        )
    assert counts[0.9] < counts[0.3]
    assert f"rules holding {100 - 90:.0f}%" in said
    # the share is a setting of the model: saved, and another model version
    model.save(tmp_path / "m")
    loaded = MediaPipeline.load(tmp_path / "m")
    assert loaded.theme_label_share == 0.9
    default = MediaPipeline(with_topics=False, with_sentiment=False).fit(
        records, theme_labels=labels, n_jobs=1
    )
    assert default.model_version != loaded.model_version


def test_a_share_out_of_range_is_one_line_naming_the_option(tmp_path: Path, capsys) -> None:
    from media_analytics.cli import main

    with pytest.raises(ValueError, match='theme_label_share must be "auto" or a number from 0'):
        MediaPipeline(theme_label_share=1.5).fit(read_sample_records()[:20], n_jobs=1)
    labels = tmp_path / "labels.csv"
    labels.write_text("id,public_dialogue\nsample-a-001,1\n", encoding="utf-8")
    code = main(["train", "--out", str(tmp_path / "m"), "--jobs", "1", "--no-topics",
                 "--theme-labels", str(labels), "--theme-share", "1.5"])  # fmt: skip
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0 and not (tmp_path / "m").exists()
    assert err[-1].endswith('--theme-share must be "auto" or a number from 0 to 1, got 1.5'), err
    # neither auto nor a number: the usage error's one line
    assert main(["train", "--out", str(tmp_path / "m"), "--theme-share", "half"]) == 2
    assert "--theme-share: must be auto or a number from 0 to 1, got 'half'" in (
        capsys.readouterr().err
    )


@pytest.mark.slow
def test_themes_only_retrains_the_tagger_and_keeps_the_base_model_s_other_parts(
    tmp_path: Path, default_pipeline: MediaPipeline, capsys, caplog: pytest.LogCaptureFixture
) -> None:
    """Seen in a trial: ``train --theme-labels`` on 133 labelled articles refitted the sentiment
    (44 s of 50) and fitted 12 topics on those articles; the one-second Python route had no
    command."""
    from media_analytics.cli import main

    records = read_sample_records()[:60]
    labels = {r["id"]: {"public_dialogue": int(n % 4 == 0)} for n, r in enumerate(records)}
    arts = tmp_path / "labelled.jsonl"
    arts.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    label_file = tmp_path / "labels.csv"
    label_file.write_text(
        "id,public_dialogue\n"
        + "".join(f"{i},{v['public_dialogue']}\n" for i, v in labels.items()),
        encoding="utf-8",
    )
    out = tmp_path / "model"
    argv = ["train", str(arts), "--theme-labels", str(label_file), "--themes-only"]
    with caplog.at_level(logging.INFO):
        assert main([*argv, "--theme-share", "0.9", "--out", str(out), "--jobs", "1"]) == 0
    model = MediaPipeline.load(out)
    # it says, as train does, how many labelled articles are still tagged against their label
    # (seen in a trial: --help promised the line, and only the full train gave it)
    said = [
        r.getMessage()
        for r in caplog.records
        if r.getMessage().startswith("theme public_dialogue: ") and "labelled" in r.getMessage()
    ]
    tagged = {
        r["id"]: "public_dialogue" in {t["theme"] for t in r["themes"]}
        for r in model.score(records)
    }
    against = sum(tagged[i] != bool(v["public_dialogue"]) for i, v in labels.items())
    assert said == (
        [f"theme public_dialogue: all {len(labels)} labelled training articles tagged as labelled"]
        if not against
        else [said[0]]
    )
    assert not against or said[0].startswith(f"theme public_dialogue: {against} of 60 ")
    assert model.model_version != default_pipeline.model_version
    # the themes are those train fits on these articles and labels
    whole = MediaPipeline(with_topics=False, with_sentiment=False, theme_label_share=0.9).fit(
        records, theme_labels=labels, n_jobs=1
    )
    texts, titles = [r["text"] for r in records], [r["title"] for r in records]
    assert model.themes_.predict_proba(texts, titles=titles) == pytest.approx(
        whole.themes_.predict_proba(texts, titles=titles)
    )
    # the rest is the base model's: topics and tone of every article as before
    for mine, base in zip(model.score(records), default_pipeline.score(records), strict=True):
        assert mine["topic"] == base["topic"] and mine["sentiment"] == base["sentiment"]
    # a flag that trains another part is refused before anything is read or written
    assert main([*argv, "--no-topics", "--out", str(tmp_path / "m2")]) == 2
    assert "--no-topics" in capsys.readouterr().err and not (tmp_path / "m2").exists()
    assert main(["train", str(arts), "--base", str(out), "--out", str(tmp_path / "m3")]) == 2


#: a theme whose seed finds every search-and-rescue story, where the analyst wants only the
#: disaster relief ones (seen in a trial: "tim sar" tagged plane searches and a fall into a well)
RELIEF = """
[[themes]]
id = "relief"
phrases = ["tim sar"]
terms = ["evakuasi"]
"""
_PLACES = ["Garut", "Cianjur", "Lebak", "Bogor", "Sukabumi", "Ciamis", "Kuningan", "Subang"]
_RELIEF = [
    "Tim SAR mengevakuasi {n} pengungsi banjir di {p} ke posko dan membagikan logistik.",
    "Banjir merendam {n} rumah di {p}; tim SAR membawa pengungsi dan bantuan sembako.",
    "Pengungsi longsor di {p} menerima logistik dari tim SAR dan relawan, {n} keluarga.",
]
_SEARCH = [
    "Tim SAR mencari pendaki yang hilang di gunung dekat {p} sejak {n} hari lalu.",
    "Tim SAR menemukan jasad pemancing yang tenggelam di sungai {p}, {n} jam pencarian.",
    "Pencarian pesawat latih yang jatuh di {p} dilanjutkan tim SAR, {n} personel dikerahkan.",
]


def _relief_articles(n_each: int, seed: int) -> list[dict[str, Any]]:
    rng = np.random.default_rng(seed)
    rows = []
    for kind, templates in (("r", _RELIEF), ("s", _SEARCH)):
        for i in range(n_each):
            body = " ".join(
                t.format(n=int(rng.integers(2, 90)), p=_PLACES[int(rng.integers(len(_PLACES)))])
                for t in rng.permutation(templates)
            )
            title = f"Tim SAR Bergerak di {_PLACES[i % len(_PLACES)]}"
            rows.append({"id": f"{kind}{seed}-{i}", "title": title, "text": body})
    return rows


def test_an_auto_share_is_chosen_by_cross_validation_on_the_labels(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "tax.toml"
    path.write_text(default_taxonomy_path().read_text(encoding="utf-8") + RELIEF, "utf-8")
    tax = Taxonomy.load(path)
    train = _relief_articles(15, seed=1)
    labels = {a["id"]: {"relief": int(a["id"].startswith("r"))} for a in train}
    test = _relief_articles(10, seed=2)
    truth = [a["id"].startswith("r") for a in test]

    def tags(tagger: Any) -> list[bool]:
        col = tagger.taxonomy_.ids.index("relief")
        found = tagger.predict([a["text"] for a in test], titles=[a["title"] for a in test])
        return [bool(v) for v in found[:, col]]

    # the rules tag every story: both kinds name the team
    assert all(tags(train_tagger(tax, articles=train)))
    fixed = train_tagger(tax, labels=labels, articles=train, text_weights={"relief": 0.3})
    assert all(tags(fixed))  # 0.3 cannot overturn the strong phrase
    with caplog.at_level(logging.INFO):
        auto = train_tagger(tax, labels=labels, articles=train)  # "auto" is the default
    col = auto.taxonomy_.ids.index("relief")
    share = float(auto.text_weights_[col])
    assert share >= 0.5
    assert tags(auto) == truth  # articles it did not learn from
    f1 = auto.share_cv_["relief"]
    assert len(f1) == 5 and max(f1) == f1[[0.0, 0.3, 0.5, 0.7, 0.9].index(share)] > f1[1]
    [said] = [r.getMessage() for r in caplog.records if "chosen by" in r.getMessage()]
    assert said.startswith(f"theme relief: classifier share {share:.1f} chosen by 5-fold CV on ")
    # the rest of the taxonomy keeps its rules: no share for themes nobody labelled
    assert set(auto.share_cv_) == {"relief"} and not auto.text_weights_[:col].any()

    # labels the rules already get right: the smallest share that ties, the rules alone
    agree = [dict(a, title="Pencarian", text=a["text"].replace("Tim SAR", "Petugas").replace(
        "tim SAR", "petugas")) if a["id"].startswith("s") else a for a in train]  # fmt: skip
    kept = train_tagger(tax, labels=labels, articles=agree)
    assert kept.share_cv_["relief"][0] == 1.0 and float(kept.text_weights_[col]) == 0.0
