"""Training and evaluation inputs as analysts bring them: spreadsheets' label files, tone files
with a headline column, taxonomies with unusable seeds, and the checks made before any fit."""

from __future__ import annotations

import csv
import json
import logging
import re
from pathlib import Path

import pandas as pd
import pytest

from media_analytics.cli import main
from media_analytics.corpus import read_labelled
from media_analytics.pipeline import MediaPipeline
from media_analytics.resources import corpora_dir
from media_analytics.sentiment import OverlapError, evaluate
from media_analytics.sentiment.tone import fit_article_tone
from media_analytics.themes.training import read_label_file

from .conftest import few_sentences


def _tone_rows(n: int) -> list[dict[str, str]]:
    rows = []
    for path in sorted((corpora_dir() / "tone").glob("*.jsonl"))[:2]:
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return rows[:n]


def test_evaluation_refuses_training_articles_however_they_were_cleaned() -> None:
    rows = _tone_rows(60)
    # a portal's boilerplate around the body: cleaning removes it before the model learns
    texts = [f"{r['title']}\n{r['text']}\nBaca juga: Berita lain\n(ass/dar)" for r in rows]
    labels = [r["label"] for r in rows]
    model = fit_article_tone(texts, labels, cv=3)
    with pytest.raises(OverlapError) as caught:
        evaluate(model, texts, labels)
    assert (caught.value.count, caught.value.total) == (60, 60)


def test_a_tone_file_with_a_headline_column_keeps_the_headline(tmp_path: Path) -> None:
    rows = _tone_rows(6)
    path = tmp_path / "tone.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    read = read_labelled(path, headline=True)
    assert list(read["text"]) == [f"{r['title']}\n{r['text']}" for r in rows]
    assert list(read_labelled(path)["text"]) == [r["text"] for r in rows]  # sentences: as is
    bad = tmp_path / "nolabel.csv"
    bad.write_text("file,text\na,b\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"nolabel\.csv: cannot tell which column holds the label"):
        read_labelled(bad)


def test_the_default_model_refuses_its_own_tone_articles(capsys: pytest.CaptureFixture) -> None:
    own = corpora_dir() / "tone" / "articles_5.jsonl"
    assert main(["evaluate", "tone", str(own)]) == 2
    err = capsys.readouterr().err
    n = len(own.read_text(encoding="utf-8").splitlines())
    assert f"refusing to evaluate: {n} of {n} test rows" in err
    assert "or give --allow-overlap to score them anyway" in err


def test_the_overlap_refusal_names_the_flag_that_scores_anyway(
    tmp_path: Path, capsys: pytest.CaptureFixture, caplog: pytest.LogCaptureFixture
) -> None:
    """The refusal said "remove them or evaluate on a disjoint set", not the ``--allow-overlap``
    the README documents, for a model trained on a file and for a saved one alike."""
    rows = _tone_rows(40)
    test, train = tmp_path / "test.jsonl", tmp_path / "train.jsonl"
    train.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    test.write_text("".join(json.dumps(r) + "\n" for r in rows[:10]), "utf-8")
    for kind in ("tone", "sentiment"):
        assert main(["evaluate", kind, str(test), "--train", str(train)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert err[-1].startswith("media-analytics: error: refusing to evaluate: 10 of 10 test")
        assert err[-1].endswith("or give --allow-overlap to score them anyway")
    # the default model's sentence classifier, on sentences it learnt from
    own = corpora_dir() / "sentiment" / "news_1.jsonl"
    assert main(["evaluate", "sentiment", str(own)]) == 2
    assert "or give --allow-overlap to score them anyway" in capsys.readouterr().err
    # allowed, the overlap is said once (it was said before training and again after)
    args = ["evaluate", "sentiment", str(test), "--train", str(train), "--allow-overlap"]
    caplog.clear()
    assert main(args) == 0
    said = [r.getMessage() for r in caplog.records]
    assert sum("10 of 10 test rows occur in the training data" in m for m in said) == 1, said


def test_evaluate_train_leaves_out_repeated_rows_as_train_does(
    tmp_path: Path, capsys: pytest.CaptureFixture, caplog: pytest.LogCaptureFixture
) -> None:
    """On a tone file with repeated texts, ``train --tone-data`` left the repeats out (a copy
    would sit in both sides of the cross-validation) and ``evaluate --train`` learnt from every
    copy, without a word and with a higher cross-validated figure."""
    from media_analytics.sentiment import default_training_data

    caplog.set_level(logging.INFO)
    rows = _tone_rows(80)
    test, train = tmp_path / "test.jsonl", tmp_path / "train.jsonl"
    test.write_text("".join(json.dumps(r) + "\n" for r in rows[60:]), "utf-8")
    train.write_text("".join(json.dumps(r) + "\n" for r in [*rows[:60], *rows[:4]]), "utf-8")
    assert main(["evaluate", "tone", str(test), "--train", str(train)]) == 0
    said = (
        f"--train {train}: 4 repeated row(s) left out (a copy would sit in both sides of the "
        "cross-validation)"
    )
    assert said in caplog.text
    assert "article tone model: learnt from 60 labelled articles" in caplog.text
    assert f"trained on {train} (60 articles)" in capsys.readouterr().out
    # a text with two labels is refused, as train refuses it
    clash = tmp_path / "clash.jsonl"
    other = "neutral" if rows[0]["label"] != "neutral" else "positive"
    lines = [*rows[:60], dict(rows[0], label=other)]
    clash.write_text("".join(json.dumps(r) + "\n" for r in lines), "utf-8")
    assert main(["evaluate", "tone", str(test), "--train", str(clash)]) == 2
    err = capsys.readouterr().err
    assert "1 text(s) carry two different labels; keep one label per text: '" in err
    # (the text named, its headline first, cut to one line, with its two labels)
    both = ", ".join(sorted([str(rows[0]["label"]), other]))
    assert f"' ({both})" in err and "\n" not in err.strip()

    # sentences for the sentence classifier alike
    data = default_training_data()
    sentences = tmp_path / "sentences.csv"
    head = data.groupby("label").head(20)
    head.iloc[[*range(len(head)), 0, 1, 2]].to_csv(sentences, index=False)
    held_out = tmp_path / "held_out.csv"
    data.groupby("label").tail(5).to_csv(held_out, index=False)
    caplog.clear()
    assert main(["evaluate", "sentiment", str(held_out), "--train", str(sentences)]) == 0
    assert f"--train {sentences}: 3 repeated row(s) left out" in caplog.text
    assert f"trained on {sentences} ({len(head)} rows;" in capsys.readouterr().out


def test_label_files_as_spreadsheets_write_them(tmp_path: Path) -> None:
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbfid,public_dialogue\nsample-a-001 ,1\n")
    assert read_label_file(bom) == {"sample-a-001": {"public_dialogue": 1}}
    semi = tmp_path / "semi.csv"
    semi.write_text("id;public_dialogue;catatan\na;1.0;x\nb;TRUE;\nc;0.0;\nb;true;\n")
    assert read_label_file(semi) == {
        "a": {"public_dialogue": 1},
        "b": {"public_dialogue": 1},
        "c": {"public_dialogue": 0},
    }
    clash = tmp_path / "clash.csv"
    clash.write_text("id,public_dialogue\na,1\nb,0\na,0\n")
    with pytest.raises(
        ValueError, match=r"clash\.csv:4: article 'a' was labelled otherwise at line 2"
    ):
        read_label_file(clash)


def _tone_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["text", "label"])
        for r in rows:
            writer.writerow([r["text"], r["label"]])
    return path


def test_train_refuses_what_it_cannot_use_before_fitting(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    taxonomy = tmp_path / "tax.toml"
    taxonomy.write_text(
        'version = 1\n[[themes]]\nid = "banjir"\nphrases = ["banjir bandang"]\n'
        'terms = ["banjir", "saat"]\n'
    )
    assert main(["train", "--taxonomy", str(taxonomy), "--out", str(tmp_path / "m")]) == 2
    assert "--taxonomy: " in capsys.readouterr().err
    assert not (tmp_path / "m").exists()

    one_class = _tone_csv(tmp_path / "one.csv", [dict(r, label="positif") for r in _tone_rows(6)])
    assert main(["train", "--tone-data", str(one_class), "--out", str(tmp_path / "m")]) == 2
    assert "no row labelled negative, neutral" in capsys.readouterr().err

    rows = _tone_rows(9)
    both = _tone_csv(tmp_path / "both.csv", [*rows, dict(rows[0], label="neutral"), rows[0]])
    assert main(["train", "--tone-data", str(both), "--out", str(tmp_path / "m")]) == 2
    assert "carry two different labels" in capsys.readouterr().err

    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    assert main(["train", "--out", str(notes)]) == 2
    assert "is a file" in capsys.readouterr().err
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "manifest.json").write_text('{"my": "config"}')
    assert main(["train", "--out", str(mine)]) == 2
    assert "not a model's; not replaced" in capsys.readouterr().err
    assert (mine / "manifest.json").read_text() == '{"my": "config"}'

    # train refuses, before fitting, every folder the save after the fit would refuse: an
    # empty current folder passed its checks and failed only once the model was trained
    def no_fit(*args: object, **kwargs: object) -> None:
        raise AssertionError("fitted before the folder was checked")

    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.setattr("media_analytics.pipeline.MediaPipeline.fit", no_fit)
    assert main(["train", "--out", ".", "--no-topics", "--no-article-tone"]) == 2
    assert "--out .: the current folder" in capsys.readouterr().err


def test_evaluate_says_there_is_nothing_to_score_first(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "t.csv"
    path.write_text('text,label\n"Harga cabai naik",campur\n"Banjir surut",campur\n')
    assert main(["evaluate", "tone", str(path)]) == 2
    assert "t.csv: no usable labelled row" in capsys.readouterr().err


def test_evaluating_themes_on_the_labels_a_model_learnt_from_is_flagged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from media_analytics import MediaPipeline
    from media_analytics.themes.evaluation import evaluate_themes
    from media_analytics.themes.training import read_sample_records

    records = read_sample_records()
    taught_ids = [r["id"] for r in records[:150]]
    labels = {i: {"public_dialogue": int(n % 4 == 0)} for n, i in enumerate(taught_ids)}
    model = MediaPipeline(with_topics=False, with_sentiment=False).fit(
        records, theme_labels=labels, n_jobs=1
    )
    loaded = MediaPipeline.load(model.save(tmp_path / "m"))  # kept through save and load
    with caplog.at_level(logging.WARNING):
        evaluate_themes(loaded, records, labels)
    assert "150 of 150 evaluated articles are labelled articles this model learnt from" in (
        caplog.text
    )
    caplog.clear()
    unseen = {r["id"]: {"public_dialogue": 0} for r in records[200:230]}
    with caplog.at_level(logging.WARNING):
        evaluate_themes(loaded, records, unseen)
    # the sample's own gold labels trained it too: those 30 are flagged, as they should be
    assert "30 of 30 evaluated articles" in caplog.text


def test_train_tagger_takes_the_readers_articles(tmp_path: Path) -> None:
    from media_analytics.themes import train_tagger

    path = tmp_path / "mine.jsonl"
    rows = [
        {
            "id": f"m{i}",
            "title": f"Judul {i}",
            "text": f"Warga berdialog dengan bupati soal jalan {i}.",
        }
        for i in range(4)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    from media_analytics.corpus import read_articles

    labels = {r["id"]: {"public_dialogue": 1} for r in rows}
    tagger = train_tagger(labels=labels, articles=list(read_articles(path)))
    assert tagger.tag(rows[0]["text"], rows[0]["title"]).scores["public_dialogue"] > 0


def test_evaluate_topics_on_articles_with_a_category(
    tmp_path: Path, capsys, default_pipeline
) -> None:
    from media_analytics.themes.training import read_sample_records

    # the sample's articles, each with a category an analyst might have coded: election
    # security or not (from its gold themes)
    records = []
    for r in read_sample_records():
        themes = (r.get("gold") or {}).get("themes") or []
        section = "keamanan pilkada" if "pilkada_security" in themes else "lain"
        records.append({k: r[k] for k in ("id", "title", "text")} | {"rubrik": section})
    result = default_pipeline.evaluate_topics(records, category="rubrik")
    table = result.table
    assert result.n_articles == len(records) == table["articles"].sum()
    assert abs(table["share"].sum() - 1) < 1e-9
    assert 0 < result.assigned <= 1 and 0 < result.diversity <= 1
    assert table["npmi"].dropna().between(-1, 1).all() and -1 <= result.npmi <= 1
    assert 0 <= result.nmi <= 1 and result.n_categorised == len(records)
    assert set(table["top_category"].dropna()) <= {"keamanan pilkada", "lain"}
    assert table["purity"].dropna().between(0.5, 1).all()  # the main category of two
    # fitted on these very articles, most of them fall into a topic
    assert result.assigned > 0.5
    # the command prints the same figures
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert main(["evaluate", "topics", str(path), "--category", "rubrik", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["articles"] == len(records)
    assert printed["category_nmi"] == round(result.nmi, 4)
    assert sum(t["articles"] for t in printed["topics"]) == len(records)
    # a category field no article has is named, with the fields they do have
    assert main(["evaluate", "topics", str(path), "--category", "section"]) == 2
    assert "no article has a 'section' field; their other fields: rubrik" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl"])
def test_a_tone_file_in_a_news_corpus_layout_reads_headline_and_body(
    tmp_path: Path, suffix: str
) -> None:
    from media_analytics.pipeline import MediaPipeline

    rows = [
        {
            "judul": "Banjir rendam 300 rumah",
            "isi_berita": "Warga mengungsi ke balai desa.",
            "label": "negatif",
        },
        {
            "judul": "Festival kuliner ramai",
            "isi_berita": "Pengunjung memadati alun-alun.",
            "label": "positif",
        },
    ]
    path = tmp_path / f"tone{suffix}"
    if suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    else:
        sep = "\t" if suffix == ".tsv" else ","
        lines = [sep.join(rows[0])] + [sep.join(r.values()) for r in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = [f"{r['judul']}\n{r['isi_berita']}" for r in rows]
    assert list(read_labelled(path, headline=True)["text"]) == expected
    # the body alone for sentence data; the Python route reads a tone file as the command does
    assert list(read_labelled(path)["text"]) == [r["isi_berita"] for r in rows]
    assert list(MediaPipeline._labelled(path, headline=True)["text"]) == expected


def test_evaluate_takes_the_columns_of_a_file_with_its_own_names(tmp_path: Path, capsys) -> None:
    path = tmp_path / "odd.csv"
    rows = ["Teks Berita,Sentimen Saya"] + [
        f"{t},{lab}"
        for t, lab in [
            ("Pelayanan ramah sekali dan cepat", "positif"),
            ("Jalan rusak parah dan berlubang", "negatif"),
            ("Rapat digelar hari Senin di balai kota", "netral"),
        ]
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["evaluate", "sentiment", str(path)]) == 2
    assert "(name it: --text-column NAME)" in capsys.readouterr().err
    argv = ["evaluate", "sentiment", str(path), "--json"]
    assert main([*argv, "--text-column", "Teks Berita", "--label-column", "Sentimen Saya"]) == 0
    assert json.loads(capsys.readouterr().out)["n"] == 3


def test_train_reads_an_export_with_its_own_column_names_and_says_what_it_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture, caplog: pytest.LogCaptureFixture
) -> None:
    from media_analytics import MediaPipeline
    from media_analytics.sentiment import default_training_data

    export = tmp_path / "feed" / "ekspor.csv"
    export.parent.mkdir()
    rows = ["Judul;Naskah;Tgl Rilis"] + [
        f"Judul berita {i};Polisi menjaga keamanan di Semarang pada hari ke-{i}. Warga diminta "
        f"tetap tenang.;10/{i + 10}/2025 20:43"
        for i in range(12)
    ]
    export.write_text("\n".join([*rows, ";;10/30/2025 08:00"]) + "\n", "utf-8")
    out = tmp_path / "m"
    assert main(["train", str(export.parent), "--out", str(out), "--no-topics"]) == 2
    assert "no usable articles in" in capsys.readouterr().err
    # and why: each row's reason, as score gives it
    assert caplog.text.count("rejected ") == 13 and "ekspor.csv:2: no text field" in caplog.text
    assert not out.exists()
    caplog.clear()

    sentences = tmp_path / "sentences.csv"
    default_training_data().groupby("label").head(10).to_csv(sentences, index=False)
    argv = ["train", str(export.parent), "--out", str(out), "--no-topics", "--jobs", "1"]
    argv += ["--no-article-tone", "--sentiment-data", str(sentences), "--max-chars", "40"]
    argv += ["--column", "Naskah=text", "--column", "Tgl Rilis=published_at"]
    assert main(argv) == 1  # trained; the row with no body is the one rejected
    log = caplog.text
    assert log.count("rejected ") == 1 and "rejected " + str(export) + ":14" in log
    assert "no_date_column" not in log and "text_truncated" in log
    assert MediaPipeline.load(out).topics_ is None


def test_train_takes_the_columns_of_each_labelled_file_and_says_rows_were_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture, caplog: pytest.LogCaptureFixture
) -> None:
    from media_analytics import MediaPipeline
    from media_analytics.sentiment import default_training_data

    rows = default_training_data().groupby("label").head(10)
    mine = tmp_path / "mine.csv"
    rows.rename(columns={"text": "Judul Berita", "label": "Label Sentimen"}).to_csv(
        mine, index=False
    )
    with mine.open("a", encoding="utf-8") as f:
        f.write("Harga emas stagnan,neutrall\n")
    out = tmp_path / "m"
    argv = ["train", "--out", str(out), "--no-topics", "--no-article-tone", "--jobs", "1"]
    assert main([*argv, "--sentiment-data", str(mine)]) == 2
    assert "(name it: --label-column NAME)" in capsys.readouterr().err
    assert main([*argv, "--tone-data", str(mine)]) == 2
    assert "(name it: --tone-label-column NAME)" in capsys.readouterr().err
    assert main([*argv, "--label-column", "Label Sentimen"]) == 2
    assert "give --sentiment-data FILE" in capsys.readouterr().err
    assert not out.exists()

    caplog.clear()
    caplog.set_level(logging.INFO)
    code = main([*argv, "--sentiment-data", str(mine), "--label-column", "Label Sentimen"])
    assert code == 1  # trained; the mistyped row was left out, as score's rejects are
    assert f"rejected {mine}:32: label 'neutrall'" in caplog.text
    # the closing line gives the reason for exit 1, as score's does
    assert "; 1 rejected article(s) or labelled row(s) left out" in caplog.text
    assert MediaPipeline.load(out).sentiment_ is not None


def test_evaluate_reads_the_test_file_by_its_own_columns_and_flags_what_it_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture, caplog: pytest.LogCaptureFixture
) -> None:
    from media_analytics.sentiment import default_training_data

    data = default_training_data()
    train = tmp_path / "train.csv"
    data.groupby("label").head(20).to_csv(train, index=False)
    test_rows = data.groupby("label").tail(3)
    test = tmp_path / "test.tsv"
    lines = ["Kelas Sentimen\tTeks Ulasan"]
    lines += [f"{r.label}\t{r.text}" for r in test_rows.itertuples()]
    lines += [lines[1], "campur\tHarga cabai naik"]  # a repeated row, a label not known
    test.write_text("\n".join(lines) + "\n", encoding="utf-8")

    argv = ["evaluate", "sentiment", str(test), "--json", "--train", str(train)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "first line looks like a header" in err
    assert "(name them: --text-column NAME, --label-column NAME)" in err
    argv += ["--text-column", "Teks Ulasan", "--label-column", "Kelas Sentimen"]
    caplog.clear()
    assert main(argv) == 1  # scored; one row was left out
    assert json.loads(capsys.readouterr().out)["n"] == len(test_rows) + 1
    assert f"rejected {test}:{len(lines)}: label 'campur'" in caplog.text
    assert caplog.text.count("1 row(s) repeat an earlier row's text") == 1
    # the training file's own columns have their own flags
    odd = tmp_path / "odd.csv"
    data.groupby("label").head(20).rename(columns={"text": "Isi Ulasan"}).to_csv(odd, index=False)
    argv[argv.index(str(train))] = str(odd)
    assert main(argv) == 2
    assert "(name it: --train-text-column NAME)" in capsys.readouterr().err
    assert main([*argv, "--train-text-column", "Isi Ulasan"]) == 1


def test_theme_labels_of_ids_among_no_article_are_left_out_with_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture, caplog: pytest.LogCaptureFixture
) -> None:
    """A theme-label row whose id is among no article was left out with a warning and exit 0,
    where a tone file's unusable rows give exit 1: a cron job checking for 1 missed it."""
    from media_analytics.themes.training import read_sample_records

    sample = corpora_dir() / "sample"
    known = read_sample_records()[0]["id"]
    labels = tmp_path / "fixes.csv"
    labels.write_text(f"id,public_dialogue\n{known},1\nclickid-misspelt,0\n", "utf-8")
    out = tmp_path / "m"
    argv = ["train", "--out", str(out), "--no-topics", "--no-article-tone", "--jobs", "1",
            "--sentiment-data", str(few_sentences(tmp_path))]  # fmt: skip
    caplog.set_level(logging.INFO)
    assert main([*argv, "--theme-labels", str(labels)]) == 1
    assert "1 of 2 theme-labelled ids name no training article" in caplog.text
    assert "; 1 rejected article(s) or labelled row(s) left out" in caplog.text
    assert out.exists()  # trained all the same
    capsys.readouterr()
    evaluate = ["evaluate", "themes", str(sample), "--labels", str(labels), "--model", str(out)]
    assert main(evaluate) == 1
    assert "(1 labelled ids not found)" in capsys.readouterr().out
    labels.write_text(f"id,public_dialogue\n{known},1\n", "utf-8")
    assert main(evaluate) == 0


def test_evaluate_refuses_a_training_file_and_a_model_together(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """``evaluate tone FILE --train OTHER --model DIR`` dropped ``--model`` without a word."""
    rows = _tone_rows(6)
    test, train = tmp_path / "test.jsonl", tmp_path / "train.jsonl"
    test.write_text("".join(json.dumps(r) + "\n" for r in rows[:3]), "utf-8")
    train.write_text("".join(json.dumps(r) + "\n" for r in rows[3:]), "utf-8")
    for kind in ("tone", "sentiment"):
        argv = ["evaluate", kind, str(test), "--train", str(train), "--model", str(tmp_path)]
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "--train FILE and --model DIR exclude each other" in err
        assert len(err.strip().splitlines()) == 1


def test_evaluate_themes_and_topics_exit_1_when_article_records_were_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """A broken article record was reported, but ``evaluate themes|topics`` exited 0, unlike
    ``score``: a script checking for 1 missed it."""
    from media_analytics.themes.training import read_sample_records

    record = read_sample_records()[0]
    good = {"id": record["id"], "title": record["title"], "text": record["text"]}
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps(good) + "\n" + '{"id": "cut-off", "text": \n', "utf-8")
    labels = tmp_path / "fixes.csv"
    labels.write_text(f"id,public_dialogue\n{good['id']},1\n", "utf-8")
    assert main(["evaluate", "themes", str(articles), "--labels", str(labels)]) == 1
    assert main(["evaluate", "topics", str(articles)]) == 1
    capsys.readouterr()
    articles.write_text(json.dumps(good) + "\n", "utf-8")
    assert main(["evaluate", "themes", str(articles), "--labels", str(labels)]) == 0
    assert main(["evaluate", "topics", str(articles)]) == 0


def test_train_reads_a_folder_of_daily_exports_as_the_daily_job_does(tmp_path: Path) -> None:
    # seen in an operator's trial: `train exports/` on the daily job's folder exited 1 (each
    # article a later export carried again was a repeated_id reject) and learnt from the
    # first, uncorrected copies
    import argparse

    from media_analytics.cli import _training_inputs
    from media_analytics.corpus import Rejects

    def article(i: int, title: str) -> str:
        return json.dumps(
            {"id": f"a-{i}", "title": title, "text": f"Isi berita nomor {i}.",
             "published_at": "2025-10-0{i}T08:00:00+07:00", "url": f"https://x.id/{i}"}
        )  # fmt: skip

    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "2025-10-01.jsonl").write_text(article(1, "Banjir") + "\n", "utf-8")
    day2 = [article(1, "Banjir (ralat)"), article(2, "Jalan rusak")]
    (exports / "2025-10-02.jsonl").write_text("\n".join(day2) + "\n", "utf-8")
    (exports / "2025-10-02 (1).jsonl").write_text("\n".join(day2) + "\n", "utf-8")  # twice
    args = argparse.Namespace(column=None, max_chars=200_000, date_order="auto")
    rejects = Rejects()
    read = _training_inputs([str(exports)], args, rejects)
    assert [(a.id, a.title) for a in read] == [("a-1", "Banjir (ralat)"), ("a-2", "Jalan rusak")]
    assert len(rejects.errors) == 0


def test_training_on_a_few_sentences_warns_and_the_manifest_says_what_sentiment_learnt(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # seen by a researcher: eight labelled sentences trained without a word and logged a
    # cross-validated macro-F1 of 1.0000, and the model directory did not say what its
    # sentiment had learnt from or how well it read
    few = tmp_path / "few.csv"
    few.write_text(
        "text,label\n"
        "Pelayanan kantor ini sangat memuaskan,positif\nWarga senang jalan diperbaiki,positif\n"
        "Petugas ramah dan cepat,positif\nAntrean panjang dan petugas kasar,negatif\n"
        "Jalan rusak parah belum diperbaiki,negatif\nBanjir merendam rumah warga,negatif\n"
        "Rapat digelar Senin pagi,netral\nKantor buka pukul delapan,netral\n",
        encoding="utf-8",
    )
    out = tmp_path / "m"
    argv = ["train", "--out", str(out), "--no-topics", "--no-article-tone", "--jobs", "1"]
    with caplog.at_level(logging.WARNING):
        assert main([*argv, "--sentiment-data", str(few)]) == 0
    assert "8 labelled text(s) (3 negative, 2 neutral, 3 positive): under 50 of a label" in (
        caplog.text
    )
    metrics = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["metrics"]
    sentiment = metrics["sentiment"]
    assert sentiment["data"] == "given" and sentiment["n_texts"] == 8
    assert sentiment["labels"] == {"negative": 3, "neutral": 2, "positive": 3}
    assert 0 <= sentiment["cv_macro_f1"] <= 1 and sentiment["C"] > 0
    # enough of each label: no warning
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        code = main([*argv[:2], str(tmp_path / "m2"), *argv[3:],
                     "--sentiment-data", str(few_sentences(tmp_path, per_label=50))])  # fmt: skip
    assert code == 0 and "of a label" not in caplog.text


def test_previous_default_is_the_default_model_and_a_wrong_one_is_said_first(
    tmp_path: Path, capsys: pytest.CaptureFixture, caplog: pytest.LogCaptureFixture
) -> None:
    # seen by an operator: a daily job on the default model has no model directory to give
    # --previous, and a wrong --previous was refused only after the whole corpus was read
    missing = tmp_path / "no-such-export.csv"
    code = main(["train", str(missing), "--previous", "model/", "--out", str(tmp_path / "m")])
    err = capsys.readouterr().err
    assert code == 2 and "--previous:" in err and "--previous default" in err
    assert "no-such-export" not in err  # said before the corpus is looked at
    from media_analytics.models import default_model

    out = tmp_path / "m"
    sentences = str(few_sentences(tmp_path, per_label=50))
    argv = ["train", "--out", str(out), "--previous", "default", "--no-article-tone",
            "--jobs", "1", "--sentiment-data", sentences]  # fmt: skip
    with caplog.at_level(logging.INFO):
        assert main(argv) == 0
    # trained on the bundled sample, as the default was: every topic matches and keeps its id
    kept = re.search(r"(\d+) of (\d+) topics matched the previous model's", caplog.text)
    assert kept is not None and kept.group(1) == kept.group(2), caplog.text[-2000:]
    assert MediaPipeline.load(out).topics_.n_topics_ == default_model().topics_.n_topics_


def test_evaluate_tone_takes_labels_by_id_against_the_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture, caplog: pytest.LogCaptureFixture
) -> None:
    # seen by a researcher: an analyst labels an export by id, as for themes, but evaluate tone
    # wanted each text copied into the label file
    from media_analytics.themes.training import read_sample_records

    records = read_sample_records()[:30]
    articles = tmp_path / "export.jsonl"
    articles.write_text(
        "".join(
            json.dumps({k: r[k] for k in ("id", "title", "text", "published_at", "source")}) + "\n"
            for r in records
        ),
        encoding="utf-8",
    )
    by_id = tmp_path / "labels.csv"
    lines = [f"{r['id']},{r['gold']['sentiment']},catatan" for r in records]
    by_id.write_text("id,label,notes\n" + "\n".join([*lines, "nope-1,positive,x"]) + "\n", "utf-8")
    with_text = tmp_path / "with_text.jsonl"
    with_text.write_text(
        "".join(
            json.dumps({"text": f"{r['title']}\n{r['text']}", "label": r["gold"]["sentiment"]})
            + "\n"
            for r in records
        ),
        encoding="utf-8",
    )
    errors = tmp_path / "wrong.csv"
    argv = ["evaluate", "tone", str(by_id), "--articles", str(articles), "--json"]
    with caplog.at_level(logging.WARNING):
        assert main([*argv, "--errors", str(errors)]) == 1  # the unknown id left out
    assert f"{by_id}:{len(records) + 2}: id 'nope-1' names no article" in caplog.text
    by_id_result = json.loads(capsys.readouterr().out)
    assert main(["evaluate", "tone", str(with_text), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == by_id_result  # the same articles, read alike
    wrong = pd.read_csv(errors)
    assert list(wrong.columns) == ["row", "id", "label", "predicted", "text"]
    assert set(wrong["id"]) <= {r["id"] for r in records}
    assert len(wrong) == round(by_id_result["n"] * (1 - by_id_result["accuracy"]))
