from __future__ import annotations

import json
import logging
import shutil
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from media_analytics.pipeline import (
    FORMAT_VERSION,
    MediaPipeline,
    ModelError,
    _manifest_digest,
    _settings_digest,
    is_model_dir,
)
from media_analytics.themes import default_taxonomy_path
from media_analytics.themes.training import read_sample_records

from ..conftest import few_sentences

REQUIRED = {"id", "published_at", "source", "title", "themes", "topic", "sentiment", "actors",
            "quotes", "duplicate_of", "model_version"}  # fmt: skip


def _sign(manifest: dict[str, Any]) -> None:
    """Recompute both digests of an edited manifest, as someone editing on purpose would."""
    manifest["manifest_sha256"] = _manifest_digest(manifest)
    manifest["settings_sha256"] = _settings_digest(manifest)


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory, default_pipeline) -> Path:
    return default_pipeline.save(tmp_path_factory.mktemp("model") / "m")


def test_scored_record_contract(default_pipeline, seed_text: str) -> None:
    [rec] = default_pipeline.score(
        [{"title": "Cooling System lewat Jumat Curhat", "text": seed_text,
          "published_at": "Jumat, 18 Okt 2024 17:46 WIB", "source": "Contoh", "url": "https://x.id/a"}]
    )  # fmt: skip
    assert set(rec) >= REQUIRED
    assert rec["published_at"] == "2024-10-18"
    assert {"pilkada_security", "public_dialogue"} <= {t["theme"] for t in rec["themes"]}
    for t in rec["themes"]:
        assert 0 <= t["score"] <= 1 and t["evidence"]
    assert rec["model_version"] == default_pipeline.model_version
    json.dumps(rec)  # JSON-ready


def test_save_load_gives_identical_scores(default_pipeline, saved: Path) -> None:
    records = read_sample_records()[:40]
    before = list(default_pipeline.score(records))
    loaded = MediaPipeline.load(saved)
    assert list(loaded.score(records)) == before
    assert list(loaded.score(records, n_jobs=2, chunk_size=7)) == before


def test_saving_does_not_change_the_model(default_pipeline, tmp_path: Path) -> None:
    records = read_sample_records()[:10]
    before = list(default_pipeline.score(records))
    default_pipeline.save(tmp_path / "again")
    assert list(default_pipeline.score(records)) == before


def test_manifest_and_no_pickle(saved: Path) -> None:
    manifest = json.loads((saved / "manifest.json").read_text())
    assert manifest["format_version"] == FORMAT_VERSION
    assert {"scikit-learn", "PySastrawi", "numpy"} <= set(manifest["versions"])
    assert len(manifest["training_data_sha256"]) == 64
    for entry in manifest["files"].values():
        head = (saved / entry["path"]).read_bytes()[:2]
        assert head not in (b"\x80\x04", b"\x80\x05", b"\x80\x03"), entry  # pickle protocols
        assert head in (b"PK", b"\x1f\x8b", b'{"'), entry  # zip (skops), gzip JSON, JSON


def test_tampered_bytes_are_refused(saved: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    shutil.copytree(saved, bad)
    target = bad / "themes.skops"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="checksum mismatch"):
        MediaPipeline.load(bad)


def test_foreign_type_is_refused_before_anything_runs(saved: Path, tmp_path: Path) -> None:
    import hashlib

    bad = tmp_path / "foreign"
    shutil.copytree(saved, bad)
    target = bad / "themes.skops"
    with zipfile.ZipFile(target) as z:
        members = {n: z.read(n) for n in z.namelist()}
    schema = json.loads(members["schema.json"])
    schema["__class__"] = "Popen"
    schema["__module__"] = "subprocess"
    members["schema.json"] = json.dumps(schema).encode()
    with zipfile.ZipFile(target, "w") as z:
        for name, payload in members.items():
            z.writestr(name, payload)
    manifest = json.loads((bad / "manifest.json").read_text())
    manifest["files"]["themes"]["sha256"] = hashlib.sha256(target.read_bytes()).hexdigest()
    # an attacker recomputes every checksum: the trusted-type audit still stops the file
    _sign(manifest)
    (bad / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match=r"not on the trusted list.*subprocess\.Popen"):
        MediaPipeline.load(bad)


def test_other_format_version_is_refused(saved: Path, tmp_path: Path) -> None:
    bad = tmp_path / "newer"
    shutil.copytree(saved, bad)
    manifest = json.loads((bad / "manifest.json").read_text())
    manifest["format_version"] = FORMAT_VERSION + 1
    (bad / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match=f"model format version {FORMAT_VERSION + 1};"):
        MediaPipeline.load(bad)


def test_a_save_over_a_model_replaces_it_whole_or_not_at_all(
    saved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "m"
    shutil.copytree(saved, target)
    assert (target / "tone.skops").is_file()
    old_version = MediaPipeline.load(target).model_version
    themes_only = MediaPipeline(with_topics=False, with_sentiment=False).fit(
        read_sample_records()[:60], n_jobs=1
    )

    def full_disk(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    # the disk fills up after the new themes part is written: the old model is untouched
    with monkeypatch.context() as patch:
        patch.setattr("media_analytics.pipeline.StemCache.save", full_disk)
        with pytest.raises(OSError, match="No space left"):
            themes_only.save(target)
    assert MediaPipeline.load(target).model_version == old_version
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]  # nothing half-written left
    # saved whole: none of the old model's parts stays beside the new one
    themes_only.save(target)
    assert sorted(p.name for p in target.iterdir()) == [
        "manifest.json", "stems.json.gz", "surface_forms.json", "themes.skops",
    ]  # fmt: skip
    assert MediaPipeline.load(target).model_version == themes_only.model_version


def test_a_save_over_a_model_names_the_model_it_replaced(
    saved: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # following the README literally, a later example saved into an earlier one's folder and
    # the earlier model was gone without a word
    target = tmp_path / "m"
    shutil.copytree(saved, target)
    old = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    themes_only = MediaPipeline(with_topics=False, with_sentiment=False).fit(
        read_sample_records()[:60], n_jobs=1
    )
    caplog.set_level(logging.INFO, logger="media_analytics.pipeline")
    themes_only.save(target)
    replaced = [r.getMessage() for r in caplog.records if "replaced the model" in r.getMessage()]
    assert len(replaced) == 1
    assert old["model_version"] in replaced[0] and old["created_at"] in replaced[0]
    assert themes_only.model_version in replaced[0]
    caplog.clear()
    themes_only.save(tmp_path / "new")  # nothing replaced, nothing said
    assert "replaced" not in caplog.text


def test_a_save_never_replaces_a_folder_of_other_things(saved: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ModelError, match="neither a model directory nor an empty folder"):
        MediaPipeline.load(saved).save(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_save_through_a_link_replaces_the_model_and_keeps_the_link(
    saved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = MediaPipeline.load(saved)
    model.save(tmp_path / "v1")
    (tmp_path / "current").symlink_to("v1")
    model.save(tmp_path / "current")
    assert (tmp_path / "current").is_symlink() and is_model_dir(tmp_path / "v1")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["current", "v1"]  # nothing left over
    monkeypatch.chdir(tmp_path / "v1")
    with pytest.raises(ModelError, match="the current folder"):
        model.save(".")
    assert is_model_dir(tmp_path / "v1")


def test_not_a_model_directory(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not a model directory"):
        MediaPipeline.load(tmp_path)


def test_part_outside_the_directory_is_refused(saved: Path, tmp_path: Path) -> None:
    bad = tmp_path / "escape"
    shutil.copytree(saved, bad)
    manifest = json.loads((bad / "manifest.json").read_text())
    manifest["files"]["themes"]["path"] = "../themes.skops"
    _sign(manifest)
    (bad / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="outside the model directory"):
        MediaPipeline.load(bad)


@pytest.mark.parametrize(
    "edit",
    [
        lambda m: m.update(tone_sentence_weight=1.0),
        lambda m: m.update(tone_bands=[0.9, 0.9]),
        lambda m: m["files"].pop("sentiment"),
        lambda m: m["params"].update(n_topics=3),
        # the provenance a reader relies on: loaded silently before manifest_sha256
        lambda m: m.update(training_data_sha256="0" * 64),
        lambda m: m.update(n_training_articles=m["n_training_articles"] + 2000),
        lambda m: m.update(created_at="2020-01-01T00:00:00+00:00"),
        lambda m: m.update(reviewed_by="someone"),
        lambda m: m.pop("metrics"),
        lambda m: m["metrics"]["fit_seconds"].update(themes=0.0),
        lambda m: m["versions"].update({"scikit-learn": "1.0.0"}),
        lambda m: m.pop("manifest_sha256"),  # to pass for a model saved before it
    ],
)
def test_an_edited_manifest_is_refused(saved: Path, tmp_path: Path, edit: Any) -> None:
    bad = tmp_path / "edited"
    shutil.copytree(saved, bad)
    manifest = json.loads((bad / "manifest.json").read_text())
    edit(manifest)
    (bad / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="the manifest was edited after the model was saved"):
        MediaPipeline.load(bad)


def test_a_model_saved_before_the_manifest_digest_loads_and_says_its_provenance_is_unprotected(
    saved: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    earlier = tmp_path / "earlier"
    shutil.copytree(saved, earlier)
    manifest = json.loads((earlier / "manifest.json").read_text())
    # what an earlier release wrote: no manifest_sha256, a settings digest without it
    del manifest["manifest_sha256"]
    manifest["settings_sha256"] = _settings_digest(manifest)
    (earlier / "manifest.json").write_text(json.dumps(manifest))
    with caplog.at_level("INFO", logger="media_analytics.pipeline"):
        loaded = MediaPipeline.load(earlier)
    assert loaded.model_version == MediaPipeline.load(saved).model_version
    said = [r.getMessage() for r in caplog.records if "not protected" in r.getMessage()]
    assert len(said) == 1 and "saved by an earlier release" in said[0]
    # and its provenance, unprotected, loads as it did
    manifest["n_training_articles"] += 2000
    (earlier / "manifest.json").write_text(json.dumps(manifest))
    assert MediaPipeline.load(earlier).n_training_articles_ == manifest["n_training_articles"]
    caplog.clear()
    with caplog.at_level("INFO", logger="media_analytics.pipeline"):
        MediaPipeline.load(saved)
    assert not [r for r in caplog.records if "not protected" in r.getMessage()]


def test_extra_entries_are_saved_as_load_reads_them(default_pipeline, tmp_path: Path) -> None:
    # a tuple is a list, a number key a string in JSON: the digest is of what load reads
    out = default_pipeline.save(tmp_path / "m", extra={"built_from": ("a", "b"), "runs": {1: 2}})
    assert MediaPipeline.load(out).manifest_["built_from"] == ["a", "b"]


def test_a_manifest_without_its_settings_digest_is_refused(saved: Path, tmp_path: Path) -> None:
    bad = tmp_path / "undigested"
    shutil.copytree(saved, bad)
    manifest = json.loads((bad / "manifest.json").read_text())
    del manifest["settings_sha256"]
    (bad / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="settings_sha256, which every model of format version"):
        MediaPipeline.load(bad)
    # a model saved before the digest existed (format version 1) still loads
    manifest["format_version"] = 1
    del manifest["manifest_sha256"]
    (bad / "manifest.json").write_text(json.dumps(manifest))
    assert MediaPipeline.load(bad).model_version == MediaPipeline.load(saved).model_version


@pytest.mark.parametrize(
    ("edit", "found"),
    [
        (lambda m: m["files"].pop("surface_forms"), "KeyError: 'surface_forms'"),
        (lambda m: m.pop("model_version"), "model_version is missing"),
        (lambda m: m["params"].update(foo=1), "params: settings MediaPipeline does not have: foo"),
        (lambda m: m.update(tone_bands=["x"]), "tone_bands must be a list of two numbers"),
        # values training refuses: they loaded, scored above 1 or failed later in a worker
        (lambda m: m.update(tone_sentence_weight=5), "tone_sentence_weight must be in [0, 1]"),
        (lambda m: m.update(tone_bands=[-3, 7]), "tone_bands must be in [0, 1]"),
        (lambda m: m["params"].update(stopwords=7), "params: stopwords must be a string"),
        (lambda m: m["params"].update(stopwords="nltk"), "params: unknown stopword list 'nltk'"),
        (lambda m: m["params"].update(n_topics=1), "params: n_topics must be"),
        (lambda m: m["params"].update(tone_bands=7), "params: tone_bands must be a list of two"),
        (lambda m: m["params"].update(sentiment_search="x"), "unknown sentiment search 'x'"),
        (lambda m: m.update(model_version=5), "model_version must be a string, found a number"),
        (lambda m: m.update(n_training_articles="many"), "n_training_articles must be a whole"),
        (lambda m: m.update(training_data_sha256=5), "training_data_sha256 must be a string"),
        (lambda m: m.update(created_at=5), "created_at must be a string"),
        (lambda m: m.update(metrics="x"), "metrics must be an object, found a string 'x'"),
        (lambda m: m["versions"].update({"scikit-learn": 1.9}), "versions.scikit-learn must be"),
        (lambda m: m.update(format_version="1"), "format_version must be a whole number, found a"),
    ],
)
def test_a_malformed_manifest_is_one_line(
    saved: Path, tmp_path: Path, edit: Any, found: str
) -> None:
    bad = tmp_path / "malformed"
    shutil.copytree(saved, bad)
    manifest = json.loads((bad / "manifest.json").read_text())
    edit(manifest)
    _sign(manifest)  # consistent, but unusable
    (bad / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match=r"manifest.json: malformed manifest") as caught:
        MediaPipeline.load(bad)
    assert found in str(caught.value) and "\n" not in str(caught.value)
    # nor does a manifest posing as one saved before the edit check existed let them through
    if manifest["format_version"] == FORMAT_VERSION:
        del manifest["settings_sha256"], manifest["manifest_sha256"]
        manifest["format_version"] = 1
        (bad / "manifest.json").write_text(json.dumps(manifest))
        with pytest.raises(ModelError, match=r"manifest\.json: malformed manifest"):
            MediaPipeline.load(bad)
    (bad / "manifest.json").write_text("[]")
    with pytest.raises(ModelError, match="not a JSON object"):
        MediaPipeline.load(bad)


def test_analyst_theme_labels_give_that_theme_a_classifier_share() -> None:
    records = read_sample_records()
    ids = [r["id"] for r in records]
    labels = {i: {"public_dialogue": int(n % 3 == 0)} for n, i in enumerate(ids)}
    plain = MediaPipeline(with_topics=False, with_sentiment=False).fit(records, n_jobs=1)
    taught = MediaPipeline(with_topics=False, with_sentiment=False).fit(
        records, theme_labels=labels, n_jobs=1
    )
    ids = taught.themes_.taxonomy_.ids
    # only the labelled theme learns; its share is chosen on its labels (these labels are
    # arbitrary, so the rules alone may win: the share is then 0)
    assert list(np.flatnonzero(taught.themes_.learned_)) == [ids.index("public_dialogue")]
    assert set(taught.themes_.share_cv_) == {"public_dialogue"}
    assert not plain.themes_.text_weights_.any()
    fixed = MediaPipeline(with_topics=False, with_sentiment=False, theme_label_share=0.3).fit(
        records, theme_labels=labels, n_jobs=1
    )
    weights = dict(zip(ids, fixed.themes_.text_weights_, strict=True))
    assert weights["public_dialogue"] == 0.3
    assert sum(v > 0 for v in weights.values()) == 1  # only the labelled theme


def test_theme_labels_that_cannot_be_used_are_refused_or_reported(caplog) -> None:
    records = read_sample_records()[:40]
    ids = [r["id"] for r in records]
    pipe = MediaPipeline(with_topics=False, with_sentiment=False)
    with pytest.raises(ValueError, match=r"1 theme\(s\) the taxonomy lacks: 'public_dialog'"):
        pipe.fit(records, theme_labels={ids[0]: {"public_dialog": 1}}, n_jobs=1)
    with pytest.raises(ValueError, match=r"none of the 2 ids .* \(labels for 'row-1'"):
        pipe.fit(records, theme_labels={"row-1": {"public_dialogue": 1}, "row-2": {}}, n_jobs=1)
    labels = {i: {"public_dialogue": n % 2} for n, i in enumerate(ids[:10])}
    labels["not-an-article"] = {"public_dialogue": 1}
    pipe.fit(records, theme_labels=labels, n_jobs=1)
    assert "1 of 11 theme-labelled ids name no training article (first: 'not-an-article')" in (
        caplog.text
    )


def test_fitting_parts_side_by_side_gives_the_sequential_model() -> None:
    # with more than one core, sentiment and tone are fitted in a second thread while the topics
    # are (and both use worker threads or processes); the model must be the one-core model
    from media_analytics.sentiment import default_training_data
    from media_analytics.sentiment.tone import default_tone_data

    records = read_sample_records()[:60]
    sentences = default_training_data().groupby("label").head(40).reset_index(drop=True)
    tone = default_tone_data().groupby("label").head(15).reset_index(drop=True)
    fits = [
        MediaPipeline(n_topics=3).fit(
            records, sentiment_data=sentences, tone_data=tone, n_jobs=jobs
        )
        for jobs in (1, 2)
    ]
    assert fits[0].model_version == fits[1].model_version
    assert fits[0].metrics_["fit_seconds"].keys() == fits[1].metrics_["fit_seconds"].keys()
    assert list(fits[0].score(records)) == list(fits[1].score(records))


def test_the_day_of_publication_is_counted_as_an_indonesian_reader_counts_it(
    default_pipeline,
) -> None:
    stamps = {
        "utc": "2024-11-30T17:00:00Z",  # midnight in Jakarta: 1 December
        "epoch": 1733043600,  # the same moment as a Unix time
        "wita": "30 Nov 2024 23:30 WITA",  # Makassar's own evening: 30 November
        "naive": "2024-11-30 23:30",
        "foreign": "2024-11-30T12:30:00-05:00",  # New York noon: 1 December in Jakarta
    }
    articles = [
        {"id": k, "title": "Judul", "text": "Isi berita.", "published_at": v}
        for k, v in stamps.items()
    ]
    days = {r["id"]: r["published_at"] for r in default_pipeline.score(articles, n_jobs=1)}
    assert days == {
        "utc": "2024-12-01",
        "epoch": "2024-12-01",
        "wita": "2024-11-30",
        "naive": "2024-11-30",
        "foreign": "2024-12-01",
    }


def test_scored_titles_are_the_headlines_as_written(default_pipeline) -> None:
    titles = [
        "Foto-foto Warung Mbok Yem di Gunung Lawu, Jual Pecel di Ketinggian 3.150 Mdpl",
        "Bahas RUU Pesantren, DPR - Pemerintah Alot Soal Dana Abadi",
    ]
    articles = [
        {"id": str(i), "title": t, "text": "Warga dan pejabat bertemu di balai desa."}
        for i, t in enumerate(titles)
    ]
    assert [r["title"] for r in default_pipeline.score(articles, n_jobs=1)] == titles


def test_the_inputs_own_fields_are_carried_into_the_scored_record(default_pipeline) -> None:
    import datetime as dt

    article = {
        "id": "v1",
        "title": "Polisi gelar Jumat Curhat",
        "text": "Warga menyampaikan keluhan kepada polisi di balai desa.",
        "category": "Regional",
        "sentiment": "positif",  # a vendor's own reading: kept beside ours
        "crawled_at": dt.datetime(2024, 10, 18, 17, 46),
        "reach": np.int64(1200),
        "score_hint": float("nan"),
    }
    [record] = default_pipeline.score([article], n_jobs=1)
    assert record["category"] == "Regional" and record["input_sentiment"] == "positif"
    assert record["sentiment"]["label"] in ("positive", "neutral", "negative")
    assert record["crawled_at"] == "2024-10-18T17:46:00" and record["reach"] == 1200
    assert record["score_hint"] is None
    assert list(record)[-5:] == ["category", "input_sentiment", "crawled_at", "reach", "score_hint"]
    json.dumps(record, allow_nan=False)  # JSON as it is written
    # duplicate detection's own mark on the article is the record's duplicate_of, not an extra
    [marked] = default_pipeline.score([article], n_jobs=1, duplicates=True)
    assert marked["duplicate_of"] is None and "input_duplicate_of" not in marked
    assert list(marked)[-5:] == list(record)[-5:]


def test_score_frame_reads_an_export_as_the_file_readers_do(default_pipeline) -> None:
    import pandas as pd

    from media_analytics.corpus import Rejects

    records = read_sample_records()[:4]
    export = pd.DataFrame(
        {
            "judul": [r["title"] for r in records],
            "isi_berita": [r["text"] for r in records],
            # month first, as a US-style export writes them: the fourth date shows it
            "tanggal": ["3/4/2025 09:40", "5/6/2025", "7/8/2025", "10/21/2025 20:43"],
        },
        index=["a", "b", "c", "d"],
    )
    scored = default_pipeline.score_frame(export)
    assert list(scored["title"]) == [r["title"] for r in records]
    assert [d[:10] for d in scored["published_at"]] == [
        "2025-03-04", "2025-05-06", "2025-07-08", "2025-10-21"
    ]  # fmt: skip
    # the same articles as contract records give the same themes
    as_dicts = [
        {"title": r["title"], "text": r["text"], "published_at": d}
        for r, d in zip(
            records,
            ["2025-03-04 09:40", "2025-05-06", "2025-07-08", "2025-10-21 20:43"],
            strict=True,
        )
    ]
    assert list(scored["themes"]) == [s["themes"] for s in default_pipeline.score(as_dicts)]

    broken = export.copy()
    # a body missing beside its headline is scored on the headline; with neither, refused
    broken.loc["c", ["judul", "isi_berita"]] = None
    with pytest.raises(ValueError, match=r"^row 2 \(index 'c'\): empty text, and no title$"):
        default_pipeline.score_frame(broken)
    rejects = Rejects()
    kept = default_pipeline.score_frame(broken, rejects=rejects)
    assert list(kept["title"]) == [records[i]["title"] for i in (0, 1, 3)]
    assert [(r.line, r.reason) for r in rejects] == [(2, "missing_text")]


def test_score_frame_warnings_give_the_python_advice_too_and_it_works(default_pipeline) -> None:
    import pandas as pd

    from media_analytics.corpus import Rejects

    (record,) = read_sample_records()[:1]
    export = pd.DataFrame(
        {"Judul Berita": [record["title"]], "Naskah": [record["text"]], "Tgl Rilis": ["21/10/2025"]}
    )
    rejects = Rejects()
    # no text column: one error about the frame's columns, with the advice, before any row
    with pytest.raises(ValueError, match=r'name it: column_map=\{"COLUMN": "text"\}'):
        default_pipeline.score_frame(export, rejects=rejects)
    assert len(rejects) == 0
    default_pipeline.score_frame(export, column_map={"Naskah": "text"}, rejects=rejects)
    said = {r.reason: r.message for r in rejects}
    assert 'name it: column_map={"COLUMN": "published_at"})' in said["no_date_column"]
    # the advice followed: the body read, and dated
    rejects = Rejects()
    named = {"Naskah": "text", "Tgl Rilis": "published_at"}
    scored = default_pipeline.score_frame(export, column_map=named, rejects=rejects)
    assert list(scored["published_at"].str[:10]) == ["2025-10-21"] and len(rejects) == 0


def _resign(folder: Path, part: str) -> None:
    """Recompute a part's checksum and the settings digest, as someone editing on purpose would."""
    import hashlib

    manifest = json.loads((folder / "manifest.json").read_text())
    target = folder / manifest["files"][part]["path"]
    manifest["files"][part]["sha256"] = hashlib.sha256(target.read_bytes()).hexdigest()
    _sign(manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest))


def test_a_part_linked_to_a_file_outside_the_folder_is_refused(saved: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.json"
    shutil.copy(saved / "surface_forms.json", outside)
    bad = tmp_path / "linked"
    shutil.copytree(saved, bad)
    (bad / "surface_forms.json").unlink()
    (bad / "surface_forms.json").symlink_to(outside)
    _resign(bad, "surface_forms")
    with pytest.raises(ModelError, match="link to a file outside the model directory"):
        MediaPipeline.load(bad)


def test_a_stem_cache_that_inflates_without_bound_is_refused(
    saved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gzip

    from media_analytics.preprocessing import stemming

    bad = tmp_path / "bomb"
    shutil.copytree(saved, bad)
    # a small file of a large JSON string (the limit is lowered so the test stays small)
    monkeypatch.setattr(stemming, "MAX_CACHE_BYTES", 1 << 20)
    with gzip.open(bad / "stems.json.gz", "wb") as f:
        f.write(b'"' + b"a" * (2 << 20) + b'"')
    _resign(bad, "stems")
    with pytest.raises(ModelError, match=r"stems\.json\.gz: stem cache larger than 1 MB"):
        MediaPipeline.load(bad)


def test_a_model_saved_with_other_library_releases_says_so_once(
    saved: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    old = tmp_path / "old"
    shutil.copytree(saved, old)
    manifest = json.loads((old / "manifest.json").read_text())
    manifest["versions"]["scikit-learn"] = "0.24.2"
    manifest["versions"]["media-analytics"] = "0.0.9"
    _sign(manifest)  # as that release would have saved it
    (old / "manifest.json").write_text(json.dumps(manifest))
    with caplog.at_level("WARNING", logger="media_analytics.pipeline"):
        MediaPipeline.load(old)
    said = [r.getMessage() for r in caplog.records if "saved with" in r.getMessage()]
    assert len(said) == 1 and "scikit-learn 0.24.2 (here " in said[0]
    assert "media-analytics 0.0.9 (here " in said[0]
    caplog.clear()
    with caplog.at_level("WARNING", logger="media_analytics.pipeline"):
        MediaPipeline.load(saved)
    assert not [r for r in caplog.records if "saved with" in r.getMessage()]


def test_a_changed_threshold_is_another_model_version(saved: Path, tmp_path: Path) -> None:
    """The daily job keys scores by model version: new thresholds give other tags, so they must
    not be stored under the version whose articles are already scored."""
    model = MediaPipeline.load(saved)
    before = model.model_version
    model.themes_.set_threshold("public_dialogue", 0.31)
    changed = model.model_version
    assert changed != before and changed.startswith(before)
    [record] = model.score([{"id": "a", "title": "Jumat Curhat", "text": "Warga hadir."}])
    assert record["model_version"] == changed
    again = MediaPipeline.load(model.save(tmp_path / "lower"))
    assert again.model_version == changed  # saved under it, and loaded as it
    again.themes_.set_threshold("public_dialogue", 0.31)  # the same value: nothing changed
    assert again.model_version == changed


def test_a_part_put_in_by_hand_is_another_model_version(saved: Path, tmp_path: Path) -> None:
    """A retrained tagger swapped into a model scores otherwise: its scores must not be stored
    under the version of the model it came into, nor saved as it."""
    import copy

    from media_analytics.themes import ThemeTagger
    from media_analytics.themes.training import train_tagger

    model = MediaPipeline.load(saved)
    before, fitted = model.model_version, model.themes_
    model.themes_ = train_tagger(text_weight=0.3)
    swapped = model.model_version
    assert swapped != before and swapped.startswith(before)
    [record] = model.score([{"id": "a", "title": "Jumat Curhat", "text": "Warga hadir."}])
    assert record["model_version"] == swapped
    again = MediaPipeline.load(model.save(tmp_path / "swapped"))
    assert again.model_version == swapped
    # the same tagger again, or an identical copy of it: the version it had
    model.themes_ = fitted
    assert model.model_version == before
    model.themes_ = copy.deepcopy(fitted)
    assert model.model_version == before
    # a threshold changed on the tagger put in: another version again
    again.themes_.set_threshold("public_dialogue", 0.31)
    assert again.model_version not in (before, swapped)
    with pytest.raises(TypeError, match="ThemeTagger"):
        model.themes_ = {"public_dialogue": 0.5}
    with pytest.raises(ValueError, match="not fitted"):
        model.themes_ = ThemeTagger()
    assert model.model_version == before  # a refused part changes nothing


def test_the_version_names_the_code_as_well_as_the_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """An edited checkout (other rules, same training data) gives another version."""
    from media_analytics import pipeline

    first = pipeline._version_of("0" * 64)
    monkeypatch.setattr(pipeline, "code_digest", lambda: "f" * 64)
    assert pipeline._version_of("0" * 64) != first
    assert pipeline._version_of("0" * 64).split("-")[0] == first.split("-")[0]


def test_the_tone_explanation_is_of_the_label_the_record_carries(default_pipeline) -> None:
    from media_analytics.preprocessing import clean_article

    records = read_sample_records()[:30]
    scored = list(default_pipeline.score(records, n_jobs=1))
    for raw, record in zip(records, scored, strict=True):
        why = default_pipeline.explain_tone(raw["text"], raw["title"], top=4)
        assert (why["label"], why["score"]) == (
            record["sentiment"]["label"],
            record["sentiment"]["score"],
        )
        body = clean_article(raw["text"]).text
        sentences = why["sentence_reading"]["sentences"]
        assert 0 < len(sentences) <= 4
        for text, start in zip(sentences["text"], sentences["start"], strict=True):
            assert text == record["title"] if start < 0 else text in body
        terms = why["article_reading"]["terms"]
        assert terms and not [t for t, _ in terms if t.startswith(("word:", "stem:", "NEG_"))]
        assert 0 < why["sentence_weight"] < 1  # the default blends both readings
        # the rule names the label and the lean it follows (seen in a walk-through: an article
        # negative while neutral was its most probable class, and nothing said why)
        lean = record["sentiment"]["polarity"]
        assert why["rule"].startswith(f"{record['sentiment']['label']}: the lean")
        assert f"= {lean:+.3f}" in why["rule"]
    assert default_pipeline.explain_tone("Polisi belum menemukan pelaku.", "")["label"]


def test_tone_is_explained_for_every_article_scoring_accepts(default_pipeline) -> None:
    # no sentence long enough for the sentence reading: the article reading explains alone
    # ("12345" alone is a count with no date or URL, which the reader rejects: a footer row)
    for text in ["Polisi datang.", "12:30"]:
        record = next(default_pipeline.score([{"id": "x", "text": text}], n_jobs=1))
        why = default_pipeline.explain_tone(text)
        assert (why["label"], why["score"]) == (
            record["sentiment"]["label"],
            record["sentiment"]["score"],
        )
        assert why["sentence_reading"]["sentences"].empty
    with pytest.raises(ValueError, match="empty text"):
        default_pipeline.explain_tone("  ")
    # a headline without its body is scored on the title, and explained as it is scored
    title = "Polisi tangkap pengedar sabu di Medan"
    record = next(default_pipeline.score([{"id": "h", "title": title, "text": ""}], n_jobs=1))
    why = default_pipeline.explain_tone("", title)
    assert (why["label"], why["score"]) == (
        record["sentiment"]["label"],
        record["sentiment"]["score"],
    )


def test_tone_terms_name_each_word_once_as_the_article_writes_it(default_pipeline) -> None:
    text = "Pelayanan polisi tidak baik dan tidak ramah. Pelayanan di kantor itu baik."
    terms = [t for t, _ in default_pipeline.explain_tone(text, top=30)["article_reading"]["terms"]]
    keys = [(t.split(" (")[0], "negated" in t) for t in terms if "lexicon" not in t]
    assert len(keys) == len(set(keys))
    words = [word for word, _ in keys]
    assert "polisi" in words and "polisi (stem)" not in terms  # word and stem: one entry
    assert all(w.lower() in text.lower() for w in words)  # as the article writes them
    assert "baik (negated)" in terms and "baik (negated) (stem)" not in terms


def test_the_topic_explanation_is_of_the_topic_the_record_carries(default_pipeline) -> None:
    records = read_sample_records()[:30]
    scored = list(default_pipeline.score(records, n_jobs=1))
    for raw, record in zip(records, scored, strict=True):
        why = default_pipeline.explain_topic(raw["text"], raw["title"], top=5)
        assert why["topic"] == record["topic"]
        shares = list(why["shares"]["share"])
        assert shares == sorted(shares, reverse=True)
        assert sum(shares) <= 1.0 + 1e-3  # each rounded to 4 places
        if record["topic"]["id"] != -1:
            assert why["shares"]["id"][0] == record["topic"]["id"]
            assert why["shares"]["share"][0] == record["topic"]["score"]
        # the terms are the article's own words, the strongest first
        article = f"{raw['title']} {raw['text']}".lower()
        assert why["terms"], raw["id"]
        assert all(w in article for term, _ in why["terms"] for w in term.split(" "))
        weights = [w for _, w in why["terms"]]
        assert weights == sorted(weights, reverse=True) and weights[-1] > 0
    nothing = default_pipeline.explain_topic("Zzqx qqzv.")  # no word the model knows
    assert nothing["topic"]["id"] == -1 and nothing["terms"] == [] and nothing["shares"].empty
    with pytest.raises(ValueError, match="empty text, and no title"):
        default_pipeline.explain_topic("")
    # a headline alone is scored on it, and explained so
    title = "Banjir rendam ratusan rumah warga, BPBD dirikan posko pengungsian"
    record = next(default_pipeline.score([{"id": "h", "title": title, "text": ""}], n_jobs=1))
    assert default_pipeline.explain_topic("", title)["topic"] == record["topic"]


def test_tone_toward_an_actor_names_the_sentences_it_was_read_from(default_pipeline) -> None:
    from media_analytics.preprocessing import clean_article

    records = read_sample_records()[:40]
    checked = 0
    for raw, record in zip(records, default_pipeline.score(records, n_jobs=1), strict=True):
        body = clean_article(raw["text"]).text
        for actor in record["actors"]:
            tone = actor.get("sentiment")
            if not tone:
                continue
            spans = tone["sentences"]
            assert spans and all(0 <= a < b <= len(body) for a, b in spans)
            # the actor is named in one of them at least (others may follow a quote of theirs)
            mentions = actor["mentions"]
            assert any(a <= s < b for a, b in spans for s, _ in mentions), actor["name"]
            checked += 1
    assert checked > 40


def test_a_retrained_model_keeps_the_ids_of_the_topics_it_shares_with_the_previous_one() -> None:
    records = read_sample_records()
    first = MediaPipeline(n_topics=6, with_sentiment=False).fit(records[:165], n_jobs=1)
    again = MediaPipeline(n_topics=6, with_sentiment=False).fit(records, n_jobs=1, previous=first)
    fresh = MediaPipeline(n_topics=6, with_sentiment=False).fit(records, n_jobs=1)
    old = dict(zip(first.topics_.topic_ids_.tolist(), first.topics_.topic_labels_, strict=True))
    kept = [m for m in again.topics_.topic_matches_ if m["previous_id"] >= 0]
    assert len(kept) >= 3 and again.topics_.generation_ == 1
    for m in kept:  # the same id, for the topic the previous model gave it to
        assert m["id"] == m["previous_id"] and m["previous_label"] == old[m["id"]]
    # the market topic reads the same in both fits: it keeps its id, a fresh fit renumbers it
    market = "harga, pasar, petani, pedagang"
    assert old[0] == market
    assert again.topics_.topic_label_map()[0] == market
    assert fresh.topics_.topic_label_map()[0] != market
    # new ids are never one the previous model used, and the carried ids are another version
    assert set(again.topics_.topic_ids_) - {m["id"] for m in kept} >= {6}
    assert again.model_version != fresh.model_version


def test_train_previous_keeps_topic_ids_on_the_command_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from media_analytics.cli import main

    records = read_sample_records()
    half, whole = tmp_path / "half.jsonl", tmp_path / "whole.jsonl"
    for path, rows in ((half, records[:165]), (whole, records)):
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    # a few of the bundled sentences train the sentiment part: this test is about the topics
    # and the taxonomy
    sentences = few_sentences(tmp_path)
    common = [
        "--topics", "6", "--no-article-tone", "--jobs", "1", "--sentiment-data", str(sentences)
    ]  # fmt: skip
    # the first model with a theme of the analyst's own, a raised threshold and a theme told
    # otherwise, none of which the second is given again
    bundled = default_taxonomy_path().read_text(encoding="utf-8")
    before, after = bundled.split('id = "public_dialogue"')
    after = after.replace("threshold = 0.5", "threshold = 0.7", 1)
    mine = (before + 'id = "public_dialogue"' + after).replace(
        'name_en = "Hoaxes, hate speech', 'name_en = "Hoaxes, rumours, hate speech'
    )
    taxonomy = tmp_path / "mine.toml"
    taxonomy.write_text(
        mine + '\n[[themes]]\nid = "bencana_banjir"\n'
        'phrases = ["banjir bandang", "posko pengungsian"]\n',
        encoding="utf-8",
    )
    first = ["train", str(half), "--out", str(tmp_path / "a"), "--taxonomy", str(taxonomy)]
    assert main([*first, *common]) == 0
    with caplog.at_level(logging.INFO):
        assert main(
            ["train", str(whole), "--out", str(tmp_path / "b"), "--previous", str(tmp_path / "a"),
             *common]
        ) == 0  # fmt: skip
    assert "its themes bencana_banjir are not in this taxonomy" in caplog.text
    assert (
        "its themes public_dialogue (threshold 0.7, here 0.5), hoax_provocation (definition) "
        "differ in this taxonomy" in caplog.text
    )
    (matched,) = [r.getMessage() for r in caplog.records if "keep their ids" in r.getMessage()]
    topics = MediaPipeline.load(tmp_path / "b").topics_
    assert (
        topics.generation_ == 1 and topics.topic_label_map()[0] == "harga, pasar, petani, pedagang"
    )
    kept = sum(m["previous_id"] >= 0 for m in topics.topic_matches_)
    assert matched.startswith(f"{kept} of 6 topics matched the previous model's and keep their ids")


def test_a_labelled_frame_with_its_own_column_names_is_read_as_a_file_is() -> None:
    from media_analytics.sentiment import default_training_data
    from media_analytics.sentiment.tone import default_tone_data

    records = read_sample_records()[:20]
    sentences = default_training_data().groupby("label").head(10).reset_index(drop=True)
    tone = default_tone_data().groupby("label").head(6).reset_index(drop=True)
    # the tone articles as a news export: headline and body apart
    heads, bodies = zip(*(t.split("\n", 1) for t in tone["text"]), strict=True)
    export = pd.DataFrame({"judul": heads, "isi_berita": bodies, "sentimen": tone["label"]})
    fits = [
        MediaPipeline(with_topics=False).fit(records, sentiment_data=s, tone_data=t, n_jobs=1)
        for s, t in (
            (sentences, tone),
            (sentences.rename(columns={"text": "kalimat", "label": "sentimen"}), export),
        )
    ]
    assert fits[0].model_version == fits[1].model_version  # the same data, so the same model

    pipe = MediaPipeline(with_topics=False)
    odd = sentences.rename(columns={"text": "Ulasan"})
    with pytest.raises(
        ValueError,
        match=r"^sentiment_data: needs a text and a label column.*"
        r"\['Ulasan', 'label'\]",
    ):
        pipe.fit(records, sentiment_data=odd, n_jobs=1)
    assert not hasattr(pipe, "themes_")  # said before any part was fitted


def _model_texts(folder: Path) -> dict[str, str]:
    """Every file of a model directory as text, the members of its skops (zip) files and its
    gzip files opened: what anyone given the folder can read."""
    import gzip

    texts = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as z:
                for member in z.namelist():
                    texts[f"{path.name}:{member}"] = z.read(member).decode("latin-1")
        elif data[:2] == b"\x1f\x8b":
            texts[path.name] = gzip.decompress(data).decode("latin-1")
        else:
            texts[path.name] = data.decode("latin-1")
    return texts


def test_a_saved_model_keeps_no_folder_of_the_machine_that_trained_it(
    tmp_path: Path, saved: Path
) -> None:
    import sys

    import media_analytics
    from media_analytics.sentiment import default_training_data
    from media_analytics.sentiment.tone import default_tone_data
    from media_analytics.themes import Taxonomy

    private = tmp_path / "taxonomies" / "pilkada.toml"
    private.parent.mkdir()
    shutil.copy(default_taxonomy_path(), private)
    sentences = tmp_path / "sentences.csv"
    default_training_data().groupby("label").head(40).to_csv(sentences, index=False)
    tone = default_tone_data().groupby("label").head(15).reset_index(drop=True)
    records = read_sample_records()[:60]
    model = MediaPipeline(taxonomy=private, n_topics=3).fit(
        records, sentiment_data=sentences, tone_data=tone, n_jobs=1
    )
    # in memory the taxonomy is named by the path given, for messages at training time
    assert model.themes_.taxonomy_.source == str(private)
    folder = model.save(tmp_path / "model")
    package = Path(media_analytics.__file__).resolve().parent
    machine = {str(tmp_path), str(tmp_path.resolve()), str(package), sys.prefix, str(Path.home())}
    for name, text in (_model_texts(folder) | _model_texts(saved)).items():
        found = [p for p in machine if len(p) > 1 and p in text]
        assert not found, f"{name} holds {found}"
    assert MediaPipeline.load(folder).themes_.taxonomy_.source == "pilkada.toml"
    assert MediaPipeline.load(saved).themes_.taxonomy_.source == "bundled taxonomy"
    # the model saved is the model fitted: the path alone is gone
    assert MediaPipeline.load(folder).themes_.taxonomy_ == Taxonomy.load(private)
    assert list(MediaPipeline.load(folder).score(records[:10])) == list(model.score(records[:10]))


def test_score_marks_the_earliest_published_copy_as_the_original(default_pipeline) -> None:
    """score(duplicates=True) on articles newest first: each record names the story's
    earliest-published article, within mark_duplicates' look-ahead; a copy arriving after
    the look-ahead joins the story as one more copy (the answers handed out stay)."""
    from media_analytics.corpus import DuplicateDetector
    from media_analytics.pipeline import as_article, mark_duplicates

    body = read_sample_records()[0]["text"]
    other = read_sample_records()[1]["text"]

    def article(aid: str, hour: int, text: str = body) -> dict[str, Any]:
        return {"id": aid, "title": f"Judul {aid}", "text": text,
                "published_at": f"2024-11-01T{hour:02d}:00:00+07:00", "source": aid}  # fmt: skip

    newest_first = [article("c", 16), article("x", 15, other), article("b", 14), article("a", 13)]
    records = list(default_pipeline.score(newest_first, n_jobs=1, duplicates=True))
    assert [r["id"] for r in records] == ["c", "x", "b", "a"]
    assert {r["id"]: r["duplicate_of"] for r in records} == {
        "c": "a",
        "x": None,
        "b": "a",
        "a": None,
    }
    # the look-ahead bounds what is held: an earlier copy read after it is one more copy
    stream = [as_article(a) for a in newest_first]
    marks = {a.id: a.extra["duplicate_of"]
             for a in mark_duplicates(stream, DuplicateDetector(), lookahead=1)}  # fmt: skip
    assert marks == {"c": None, "x": None, "b": "c", "a": "c"}
    # score takes the look-ahead too (score --dedup-lookahead)
    held_one = default_pipeline.score(newest_first, n_jobs=1, duplicates=True, lookahead=1)
    assert {r["id"]: r["duplicate_of"] for r in held_one} == marks


def test_a_scoring_pool_scores_batch_after_batch_as_one_process_does(default_pipeline) -> None:
    # the daily job scores its batches in one pool (a pool per batch warmed its caches again)
    records = read_sample_records()[:200]
    alone = list(default_pipeline.score(records, n_jobs=1))
    with default_pipeline.scoring_pool(2) as pool:
        first = list(default_pipeline.score(records[:130], pool=pool))
        workers = [p.pid for p in pool._procs]
        second = list(default_pipeline.score(records[130:], pool=pool))
        assert [p.pid for p in pool._procs] == workers
        assert all(p.is_alive() for p in pool._procs)  # left open for the next batch
    assert first + second == alone
