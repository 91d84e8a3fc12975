"""The store's behaviour in one process: articles, claims, scores, rescoring, rejects, runs."""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from media_analytics.store import (
    AddResult,
    RunActiveError,
    Store,
    StoreError,
    changed_count,
    open_store,
)

from ..conftest import clickid_articles
from .conftest import raw_execute
from .helpers import RECORD_FIELDS, make_articles, score_record


def score_all(store: Store, run_id: int, version: str, batch: int = 7, **kw: Any) -> list[str]:
    """Claim and save until nothing is left; the ids in the order they were scored."""
    done: list[str] = []
    while claimed := store.claim(run_id, version, batch, **kw):
        store.save_scores(run_id, version, [score_record(a, version) for a in claimed])
        done.extend(a["id"] for a in claimed)
    return done


# -- articles ----------------------------------------------------------------------------
def test_add_articles_counts_new_and_known(store: Store) -> None:
    articles = make_articles(20)
    assert store.add_articles(articles[:12]) == AddResult(new=12, known=0)
    assert store.add_articles(articles) == AddResult(new=8, known=12)
    assert store.add_articles([articles[0], articles[0]]) == (0, 2, 0)  # a plain tuple, too
    assert store.pending("v1") == 20


def test_last_arrival_moves_with_new_and_changed_articles_only(store: Store) -> None:
    assert store.last_arrival() is None
    articles = make_articles(3)
    store.add_articles(articles)
    first = store.last_arrival()
    assert first is not None and first.tzinfo is not None
    time.sleep(0.05)
    store.add_articles(articles)  # the same copies re-sent: nothing arrived
    assert store.last_arrival() == first
    store.add_articles([dict(articles[1], text="Koreksi: angka yang benar 120 personel.")])
    changed = store.last_arrival()
    assert changed is not None and changed > first


def test_stored_articles_come_in_the_order_they_were_stored(store: Store) -> None:
    articles = make_articles(9)
    store.add_articles(articles[6:][::-1])  # one batch: its own order is not kept
    store.add_articles(articles[:3])
    store.add_articles(articles[3:6])
    store.add_articles([dict(articles[7], text="Koreksi.")])  # a correction keeps its place
    groups = list(store.stored_articles())
    assert [[a["id"] for a in g] for g in groups] == [
        ["art-00006", "art-00007", "art-00008"],
        ["art-00000", "art-00001", "art-00002"],
        ["art-00003", "art-00004", "art-00005"],
    ]
    assert groups[0][1]["text"] == "Koreksi." and groups[1][0] == articles[0]
    recent = [[a["id"] for a in g] for g in store.stored_articles(4)]
    assert recent == [["art-00002"], ["art-00003", "art-00004", "art-00005"]]
    assert list(store.stored_articles(0)) == []


def test_claim_returns_the_stored_input_records(store: Store) -> None:
    articles = make_articles(5)
    store.add_articles(articles)
    run = store.start_run("v1", ["a.jsonl"])
    claimed = store.claim(run, "v1", 10)
    assert sorted(claimed, key=lambda a: a["id"]) == articles  # extras ("kanal") included
    assert list(claimed[0]) == list(articles[0])  # and the key order
    assert store.claim(run, "v1", 10) == []  # all held by this run


def test_articles_as_objects_with_to_dict(store: Store) -> None:
    @dataclass
    class Item:
        id: str
        text: str

        def to_dict(self) -> dict[str, str]:
            return {"id": self.id, "text": self.text}

    assert store.add_articles([Item("o-1", "Isi pertama."), Item("o-2", "Isi kedua.")]) == (2, 0, 0)
    run = store.start_run("v1")
    assert {a["id"] for a in store.claim(run, "v1", 5)} == {"o-1", "o-2"}


def test_records_without_id_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="no usable id"):
        store.add_articles([{"text": "tanpa id"}])
    assert store.pending("v1") == 0


# -- claims and scores -------------------------------------------------------------------
def test_every_article_scored_once(store: Store) -> None:
    articles = make_articles(50)
    store.add_articles(articles)
    run = store.start_run("v1")
    done = score_all(store, run, "v1")
    assert sorted(done) == [a["id"] for a in articles]
    frame = store.scores_frame("v1")
    assert len(frame) == 50 and frame["id"].is_unique
    assert store.pending("v1") == 0
    assert store.claim(run, "v1", 10) == []


def test_save_twice_is_one_row(store: Store) -> None:
    store.add_articles(make_articles(3))
    run = store.start_run("v1")
    claimed = store.claim(run, "v1", 3)
    records = [score_record(a, "v1") for a in claimed]
    assert store.save_scores(run, "v1", records) == 3
    records[0] = {**records[0], "sentiment": {"label": "negative", "score": 0.0}}
    assert store.save_scores(run, "v1", records) == 3  # a repeat replaces, never duplicates
    frame = store.scores_frame()
    assert len(frame) == 3
    assert frame.set_index("id").loc[records[0]["id"], "sentiment"]["label"] == "negative"


def test_theme_spans_come_back_as_they_were_saved(store: Store) -> None:
    """A span's ``evidence_index`` (which phrase of ``evidence`` it matched) is stored and read
    back as it is, beside a record of an earlier release whose spans have none."""
    store.add_articles(make_articles(2))
    run = store.start_run("v1")
    records = [score_record(a, "v1") for a in store.claim(run, "v1", 2)]
    span = {"field": "title", "start": 0, "end": 7, "kind": "term", "seed": "patroli"}
    for record, extra in zip(records, [{"evidence_index": 0}, {}], strict=True):
        record["themes"][0] |= {"evidence": ["Patroli"], "spans": [span | extra]}
    store.save_scores(run, "v1", records)
    frame = store.scores_frame("v1").set_index("id")
    for record in records:
        assert frame.loc[record["id"], "themes"] == record["themes"]


def test_save_is_all_or_nothing(store: Store) -> None:
    store.add_articles(make_articles(3))
    run = store.start_run("v1")
    records = [score_record(a, "v1") for a in store.claim(run, "v1", 3)]
    with pytest.raises(StoreError, match="not in the store"):
        store.save_scores(run, "v1", [*records, {"id": "unknown-article"}])
    assert store.scores_frame().empty
    assert store.runs_frame()["n_claims"].tolist() == [3]  # claims kept for a retry
    with pytest.raises(ValueError, match="has model_version 'v2'"):
        store.save_scores(run, "v1", [{**records[0], "model_version": "v2"}])
    assert store.save_scores(run, "v1", records) == 3


def test_model_versions_are_scored_independently(store: Store) -> None:
    store.add_articles(make_articles(10))
    run1 = store.start_run("v1")
    score_all(store, run1, "v1")
    run2 = store.start_run("v2")
    assert len(score_all(store, run2, "v2")) == 10
    frame = store.scores_frame()
    assert frame.groupby("model_version").size().to_dict() == {"v1": 10, "v2": 10}
    assert len(store.scores_frame("v2")) == 10
    with pytest.raises(ValueError, match="scores model version 'v2', not 'v1'"):
        store.claim(run2, "v1", 1)


def test_an_old_version_is_listed_and_dropped(store: Store) -> None:
    store.add_articles(make_articles(10))
    old = store.start_run("v1")
    score_all(store, old, "v1")
    store.finish_run(old, "ok")
    new = store.start_run("v2")
    score_all(store, new, "v2", batch=3)
    store.add_articles([dict(make_articles(1)[0], title="Judul yang diperbaiki")])  # one edit
    versions = store.versions_frame()
    assert list(versions["model_version"]) == ["v1", "v2"]  # by first run: v2 is the newer
    assert versions.set_index("model_version")["n_scores"].to_dict() == {"v1": 10, "v2": 10}
    assert versions["n_stale"].tolist() == [1, 1]
    assert versions["n_running"].tolist() == [0, 1]
    assert store.current_version() == "v2"
    assert str(versions["first_run_at"].dt.tz) == "UTC"
    # a running run of a version keeps its scores from being dropped
    with pytest.raises(RunActiveError, match=f"run {new} of model version 'v2' is still active"):
        store.drop_version("v2")
    store.finish_run(new, "ok")
    extra = store.start_run("v1")
    store.claim(extra, "v1", 5)  # the stale article, claimed by a run of the old version
    store.finish_run(extra, "failed")
    assert store.drop_version("v1") == 10
    assert store.scores_count() == {"v2": 10}
    assert store.drop_version("v1") == 0  # already gone: nothing else touched
    store.compact()
    assert len(store.scores_frame("v2")) == 10 and store.articles_count() == 10
    versions = store.versions_frame().set_index("model_version")
    assert versions.loc["v1", "n_scores"] == 0 and versions.loc["v1", "n_runs"] == 2
    assert store.runs_frame()["run_id"].tolist() == [old, new, extra]  # history kept
    # the dropped version is scored again from scratch if a run of it comes back
    again = store.start_run("v1")
    assert len(score_all(store, again, "v1")) == 10


def test_rescore_walks_through_everything_once(store: Store) -> None:
    articles = make_articles(30)
    store.add_articles(articles)
    first = store.start_run("v1")
    score_all(store, first, "v1")
    store.finish_run(first, "ok")
    again = store.start_run("v1")
    assert store.claim(again, "v1", 10) == []  # nothing to do without rescore
    store.finish_run(again, "ok")
    rescore = store.start_run("v1")
    done = score_all(store, rescore, "v1", batch=7, rescore=True)
    assert sorted(done) == [a["id"] for a in articles]  # each once, none repeated
    assert store.claim(rescore, "v1", 10, rescore=True) == []
    frame = store.scores_frame("v1")
    assert len(frame) == 30 and set(frame["run_id"]) == {rescore}


def test_an_interrupted_rescore_is_resumed_not_begun_again(store: Store) -> None:
    articles = make_articles(30)
    store.add_articles(articles)
    first = store.start_run("v1")
    score_all(store, first, "v1")
    store.finish_run(first, "ok")
    # a rescore stops after 10 articles (Ctrl-C: the run is marked failed)
    stopped = store.start_run("v1", {"paths": ["x"], "rescore": True})
    assert store.rescore_since("v1", stopped) == stopped
    batch = store.claim(stopped, "v1", 10, rescore=True)
    store.save_scores(stopped, "v1", [score_record(a, "v1") for a in batch])
    store.finish_run(stopped, "failed")
    plain = store.start_run("v1")  # a daily run in between scores nothing
    assert store.claim(plain, "v1", 10) == []
    store.finish_run(plain, "ok")
    # the next rescore goes on from where the stopped one was, and finishes the 20 left
    resumed = store.start_run("v1", {"paths": ["x"], "rescore": True})
    assert store.rescore_since("v1", resumed) == stopped
    since = store.rescore_since("v1", resumed)
    done = score_all(store, resumed, "v1", rescore=True, rescore_since=since)
    assert len(done) == 20 and not set(done) & {a["id"] for a in batch}
    store.finish_run(resumed, "ok")
    frame = store.scores_frame("v1")
    assert len(frame) == 30 and set(frame["run_id"]) == {stopped, resumed}
    # once finished, a new rescore begins afresh
    fresh = store.start_run("v1", {"paths": ["x"], "rescore": True})
    assert store.rescore_since("v1", fresh) == fresh
    assert len(score_all(store, fresh, "v1", rescore=True)) == 30


def test_changed_content_makes_scores_stale(store: Store) -> None:
    articles = make_articles(6)
    store.add_articles(articles)
    run = store.start_run("v1")
    score_all(store, run, "v1")
    edited = [{**a, "text": a["text"] + " Ralat: jumlah petugas diperbarui."} for a in articles[:2]]
    extras_only = [{**a, "crawled_at": "2024-10-30T01:00:00"} for a in articles[2:4]]
    # four known, two of them with changed text (the other two only gained extra fields)
    assert store.add_articles(edited + extras_only) == (0, 4, 2)
    frame = store.scores_frame("v1").set_index("id")
    assert frame["stale"].sum() == 2 and frame.loc[edited[0]["id"], "stale"]
    assert len(store.scores_frame("v1", include_stale=False)) == 4
    assert store.pending("v1") == 2
    claimed = store.claim(run, "v1", 10)
    assert sorted(claimed, key=lambda a: a["id"]) == edited  # the new text
    store.save_scores(run, "v1", [score_record(a, "v1") for a in claimed])
    assert not store.scores_frame("v1")["stale"].any()


def test_many_articles_read_again_without_a_date_are_said_five_times_then_at_debug(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    # seen in an operator's trial: a wrong --date-order over the folder gave a thousand lines
    articles = make_articles(12)
    store.add_articles(articles)
    undated = [{**a, "published_at": None} for a in articles]
    with caplog.at_level(logging.DEBUG, logger="media_analytics.store"):
        store.add_articles(undated[:8])
        store.add_articles(undated[8:])
    said = [r for r in caplog.records if "read again without date" in r.getMessage()]
    assert [r.levelno for r in said] == [logging.WARNING] * 5 + [logging.DEBUG] * 7
    (more,) = [r for r in caplog.records if r.getMessage().startswith("more articles read again")]
    assert more.levelno == logging.WARNING and "-v lists them" in more.getMessage()
    # nothing stored lost its date
    assert all(a["published_at"] for a in store.claim(store.start_run("v1"), "v1", 20))


def test_a_correction_without_source_or_url_keeps_the_stored_ones(
    db_url: str, store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    (article,) = make_articles(1)
    store.add_articles([article])
    # the correction re-sent with its headline and text alone (as an Article gives it: "")
    fixed = {"id": article["id"], "title": article["title"] + " (Ralat)", "text": article["text"]}
    with caplog.at_level(logging.WARNING, logger="media_analytics.store"):
        assert store.add_articles([{**fixed, "source": "", "url": ""}]) == (0, 1, 1)
    (stored,) = store.claim(store.start_run("v1"), "v1", 5)
    assert stored["title"].endswith("(Ralat)")
    kept = {k: stored[k] for k in ("published_at", "source", "url")}
    assert kept == {k: article[k] for k in ("published_at", "source", "url")}
    assert "read again without date or source or url" in caplog.text
    assert f"the stored date {article['published_at']}, source media-0, url " in caplog.text
    # what it does carry replaces the stored value
    assert store.add_articles([{**fixed, "source": "detik.com"}]) == (0, 1, 1)
    rows = raw_execute(db_url, "SELECT source, url FROM articles")
    assert rows == [("detik.com", article["url"])]


def test_a_kept_date_drops_the_unreadable_value_beside_it(store: Store) -> None:
    """A correction whose date the reader could not read (left empty, its text kept as
    published_at_raw) keeps the stored date: the raw value would contradict it."""
    (article,) = make_articles(1)
    store.add_articles([article])
    fixed = {**article, "title": article["title"] + " (Ralat)", "published_at": None}
    store.add_articles([{**fixed, "published_at_raw": "Kemarin, 17:46"}])
    (stored,) = store.claim(store.start_run("v1"), "v1", 5)
    assert stored["published_at"] == article["published_at"]
    assert "published_at_raw" not in stored and stored["title"].endswith("(Ralat)")


def test_a_copy_without_its_body_keeps_the_stored_body(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    (article,) = make_articles(1)
    store.add_articles([article])
    # the same article again, its body missed by the crawler (a headline-only record is scored)
    with caplog.at_level(logging.WARNING, logger="media_analytics.store"):
        store.add_articles([{**article, "title": article["title"] + " (Ralat)", "text": ""}])
    (stored,) = store.claim(store.start_run("v1"), "v1", 5)
    assert stored["text"] == article["text"] and stored["title"].endswith("(Ralat)")
    assert f"the stored body ({len(article['text']):,} characters) is kept" in caplog.text


def test_a_copy_whose_body_has_no_words_keeps_the_stored_body(store: Store) -> None:
    # seen on real news: a re-crawl's bodies were a portal's widget line, an entity or blanks
    articles = make_articles(4)
    store.add_articles(articles)
    bodies = ["ADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT", "&nbsp;", "   ", "Isi baru."]
    again = [dict(a, text=body) for a, body in zip(articles, bodies, strict=True)]
    assert store.add_articles(again) == (0, 4, 1)
    texts = {r["id"]: r["text"] for batch in store.stored_articles() for r in batch}
    assert [texts[a["id"]] for a in articles] == [a["text"] for a in articles[:3]] + ["Isi baru."]
    # and from an earlier copy of the same batch
    (fresh,) = make_articles(1, prefix="baru")
    assert store.add_articles([fresh, dict(fresh, text="&nbsp;")]).new == 1
    texts = {r["id"]: r["text"] for batch in store.stored_articles() for r in batch}
    assert texts[fresh["id"]] == fresh["text"]


def test_a_worse_copy_in_the_same_batch_keeps_what_the_earlier_one_had(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    # the first run over an export folder reads both copies at once: the later, stripped one
    # emptied the date, outlet, link and body, as none of them was stored yet
    (article,) = make_articles(1)
    stripped = {"id": article["id"], "title": article["title"] + " (Ralat)", "text": ""}
    with caplog.at_level(logging.WARNING, logger="media_analytics.store"):
        assert store.add_articles([article, stripped]).new == 1
    (stored,) = store.claim(store.start_run("v1"), "v1", 5)
    assert stored["title"].endswith("(Ralat)")
    for name in ("published_at", "source", "url", "text"):
        assert stored[name] == article[name], name
    assert "the earlier copy's date" in caplog.text


def test_a_resend_whose_date_says_less_keeps_the_stored_date_and_is_unchanged(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    # seen in an operator's trial: a vendor's CSV re-sent five of the crawler's articles with
    # the same title, body and URL and the date as "17/10/2025 05:34" (no zone): "5 of them
    # changed", scored again, and the stored dates lost their +07:00
    articles = [
        dict(a, published_at=f"2025-10-17T05:3{i}:00+07:00") for i, a in enumerate(make_articles(4))
    ]
    store.add_articles(articles)
    again = [
        dict(articles[0], published_at="2025-10-17T05:30:00"),  # the time, without its zone
        dict(articles[1], published_at="2025-10-17T00:00:00"),  # the day alone
        dict(articles[2], published_at="2025-10-17T09:31:00"),  # another time: a correction
        dict(articles[3], published_at="2025-10-17T05:33:00", title="Judul baru"),
    ]
    with caplog.at_level(logging.WARNING, logger="media_analytics.store"):
        assert store.add_articles(again) == (0, 4, 2)
    assert "read again without" not in caplog.text  # nothing lost to warn of
    stored = {r["id"]: r for batch in store.stored_articles() for r in batch}
    dates = [stored[a["id"]]["published_at"] for a in articles]
    assert dates == [
        "2025-10-17T05:30:00+07:00", "2025-10-17T05:31:00+07:00",
        "2025-10-17T09:31:00", "2025-10-17T05:33:00+07:00",
    ]  # fmt: skip
    assert stored[articles[3]["id"]]["title"] == "Judul baru"  # the rest of it is the newer


def test_edit_during_scoring_keeps_the_score_stale(store: Store) -> None:
    (article,) = make_articles(1)
    store.add_articles([article])
    run = store.start_run("v1")
    (claimed,) = store.claim(run, "v1", 1)
    store.add_articles([{**article, "title": "Judul yang diralat"}])  # edited meanwhile
    store.save_scores(run, "v1", [score_record(claimed, "v1")])  # scored the old text
    assert store.scores_frame("v1")["stale"].tolist() == [True]
    assert [a["title"] for a in store.claim(run, "v1", 1)] == ["Judul yang diralat"]


def test_finish_releases_unsaved_claims(store: Store) -> None:
    store.add_articles(make_articles(10))
    first = store.start_run("v1")
    claimed = store.claim(first, "v1", 4)
    store.save_scores(first, "v1", [score_record(a, "v1") for a in claimed[:1]])
    store.finish_run(first, "partial", {"scored": 1})
    second = store.start_run("v1")
    assert len(store.claim(second, "v1", 100)) == 9
    with pytest.raises(StoreError, match="already finished"):
        store.claim(first, "v1", 1)


def test_saving_without_a_claim_warns(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    articles = make_articles(2)
    store.add_articles(articles)
    run = store.start_run("v1")
    with caplog.at_level(logging.WARNING, logger="media_analytics.store"):
        store.save_scores(run, "v1", [score_record(a, "v1") for a in articles])
    assert "had not claimed" in caplog.text
    assert len(store.scores_frame()) == 2


def test_lease_expiry_releases_claims(db_url: str, caplog: pytest.LogCaptureFixture) -> None:
    lease = timedelta(seconds=0.5)
    with open_store(db_url, lease=lease) as a, open_store(db_url, lease=lease) as b:
        a.add_articles(make_articles(5))
        run_a, run_b = a.start_run("v1"), b.start_run("v1")
        held = a.claim(run_a, "v1", 10)
        assert len(held) == 5 and b.claim(run_b, "v1", 10) == []
        time.sleep(0.8)  # run a sends no heartbeat meanwhile
        taken = b.claim(run_b, "v1", 10)  # run a looks dead now
        assert sorted(r["id"] for r in taken) == sorted(r["id"] for r in held)
        runs = b.runs_frame().set_index("run_id")
        assert runs.loc[run_a, "status"] == "crashed"
        assert "no heartbeat" in runs.loc[run_a, "note"]
        with caplog.at_level(logging.WARNING, logger="media_analytics.store"):
            a.save_scores(run_a, "v1", [score_record(r, "v1") for r in held])  # it was alive
        assert "presumed dead" in caplog.text
        b.save_scores(run_b, "v1", [score_record(r, "v1") for r in taken])
        assert len(b.scores_frame()) == 5  # scored twice, stored once
        assert b.runs_frame().set_index("run_id").loc[run_a, "status"] == "running"


# -- runs and rejects --------------------------------------------------------------------
def test_runs_are_recorded(store: Store) -> None:
    store.add_articles(make_articles(4))
    run = store.start_run("v1", ["day-1.jsonl", "day-2.csv"])
    score_all(store, run, "v1")
    running = store.runs_frame()
    assert running["status"].tolist() == ["running"] and running["finished_at"].isna().all()
    store.finish_run(run, "ok", {"read": 4, "scored": 4})
    failed = store.start_run("v2", "broken.jsonl")
    store.finish_run(failed, "failed", {"error": "model directory missing"})
    frame = store.runs_frame()
    assert frame["run_id"].tolist() == [run, failed] and failed > run
    assert frame["status"].tolist() == ["ok", "failed"]
    assert frame["inputs"].tolist() == [["day-1.jsonl", "day-2.csv"], ["broken.jsonl"]]
    assert frame["counts"][0] == {"read": 4, "scored": 4}
    assert frame["n_scores"].tolist() == [4, 0] and frame["n_claims"].tolist() == [0, 0]
    assert frame["finished_at"].notna().all() and str(frame["started_at"].dt.tz) == "UTC"
    assert frame["host"].str.len().min() > 0 and (frame["pid"] > 0).all()
    with pytest.raises(ValueError, match="status must be one of"):
        store.finish_run(run, "done")  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="has no run 999"):
        store.finish_run(999, "ok")


def test_exclusive_run(store: Store) -> None:
    first = store.start_run("v1", exclusive=True)
    with pytest.raises(RunActiveError, match=f"run {first} of model version 'v1' is still active"):
        store.start_run("v1", exclusive=True)
    other_version = store.start_run("v2", exclusive=True)  # versions do not block each other
    shared = store.start_run("v1")  # without exclusive: allowed, the work is shared
    for run in (first, other_version, shared):
        store.finish_run(run, "ok")
    assert store.start_run("v1", exclusive=True) > shared


def test_rejects_are_stored_with_reasons(store: Store) -> None:
    @dataclass(frozen=True)
    class Reject:  # the shape of media_analytics.corpus.Reject
        file: str
        line: int
        reason: str
        message: str
        severity: str = "error"

    run = store.start_run("v1", ["feed.jsonl"])
    other = store.start_run("v1")
    n = store.add_rejects(
        run,
        [
            Reject("feed.jsonl", 3, "invalid_json", "invalid JSON: Expecting value"),
            Reject("feed.jsonl", 9, "bad_date", "published_at left empty", "warning"),
            {"file": "feed.csv", "line": 2, "record_id": "x-1", "reason": "missing_text"},
        ],
    )
    store.add_rejects(other, [{"source_file": "b.csv", "reason": "wrong_type"}])
    assert n == 3
    frame = store.rejects_frame(run)
    assert frame["reason"].tolist() == ["invalid_json", "bad_date", "missing_text"]
    assert frame["line"].tolist() == [3, 9, 2] and frame["file"].iloc[0] == "feed.jsonl"
    assert frame["severity"].tolist() == ["error", "warning", "error"]
    assert frame["record_id"].iloc[2] == "x-1" and pd.isna(frame["record_id"].iloc[0])
    assert len(store.rejects_frame()) == 4
    with pytest.raises(ValueError, match="needs a reason"):
        store.add_rejects(run, [{"file": "a", "line": 1}])
    with pytest.raises(StoreError, match="has no run 12345"):
        store.add_rejects(12345, [{"reason": "x"}])


def test_a_file_read_again_keeps_each_reject_once(store: Store) -> None:
    def reject(line: int, reason: str = "invalid_json") -> dict[str, Any]:
        return {"file": "day1.jsonl", "line": line, "reason": reason, "message": "x"}

    first = store.start_run("v1", ["day1.jsonl"])
    store.add_rejects(first, [reject(1), reject(7), {"file": "<stdin>", "line": 1, "reason": "x"}])
    # read again (a line appended): line 1 met again, line 7 (cut off mid-write) now read
    again = store.start_run("v1", ["day1.jsonl"])
    assert store.known_rejects(
        [reject(1), reject(7), reject(9, "missing_text")], files=["day1.jsonl"]
    ) == [True, True, False]
    assert (
        store.add_rejects(again, [reject(1), reject(9, "missing_text")], files=["day1.jsonl"]) == 1
    )
    frame = store.rejects_frame()
    assert sorted(zip(frame["run_id"], frame["file"], frame["line"], strict=True)) == [
        (first, "<stdin>", 1),
        (first, "day1.jsonl", 1),
        (again, "day1.jsonl", 9),
    ]
    # a file read again with no problem left has none stored
    assert store.add_rejects(store.start_run("v1"), [], files=["day1.jsonl"]) == 0
    assert list(store.rejects_frame()["file"]) == ["<stdin>"]


def test_a_reject_met_again_is_told_as_it_reads_now(store: Store) -> None:
    # seen by an operator: a repeated id met again with --column id= kept the stored row's old
    # record id beside the message the later reading gave, naming the new id
    def reject(line: int, rid: str) -> dict[str, Any]:
        return {"file": "day.jsonl", "line": line, "reason": "repeated_id", "record_id": rid,
                "message": f"id {rid!r} was already read", "digest": "d1"}  # fmt: skip

    first = store.start_run("v1", ["day.jsonl"])
    store.add_rejects(first, [reject(10, "7")])
    again = store.start_run("v1", ["day.jsonl"])
    assert store.add_rejects(again, [reject(11, "u-7")], files=["day.jsonl"]) == 0
    (row,) = store.rejects_frame().to_dict(orient="records")
    assert (row["run_id"], row["line"], row["record_id"]) == (first, 11, "u-7")
    assert row["message"] == "id 'u-7' was already read"


def _read_rejects(path: Path) -> Any:
    from media_analytics import corpus

    rejects = corpus.Rejects()
    # (one date order given: no records read ahead to settle it, so rejects come in line order)
    list(corpus.read_articles(str(path), rejects=rejects, dayfirst=True))
    return rejects


def test_a_broken_record_is_known_by_its_content_at_another_line_or_folder(
    store: Store, tmp_path: Path
) -> None:
    # seen on a daily export: the crawler writes the newest article first, so every line of
    # yesterday's file moves down by one; and the export folder moved to another disk
    good = [json.dumps(a) for a in make_articles(100)]
    bad = [
        '{"id": "cut-1", "title": "Banjir rob", "text": "Air laut',  # cut off mid-write
        json.dumps({"id": "no-text", "url": "https://x.id/tanpa-isi"}),  # no text, no title
        json.dumps(["not", "an", "object"]),
    ]
    lines = good[:40] + bad[:1] + good[40:79] + bad[1:2] + good[79:98] + bad[2:]
    day = tmp_path / "exports" / "2019-09-13.jsonl"
    day.parent.mkdir()
    day.write_text("\n".join(lines) + "\n", encoding="utf-8")
    name = str(day)
    first = _read_rejects(day)
    assert [(r.line, r.reason) for r in first] == [
        (41, "invalid_json"),
        (81, "missing_text"),
        (101, "not_object"),
    ]
    run = store.start_run("v1", [name])
    assert store.add_rejects(run, first, files=[name]) == 3

    newest = json.dumps(make_articles(1, prefix="new")[0])
    day.write_text("\n".join([newest, *lines]) + "\n", encoding="utf-8")
    shifted = _read_rejects(day)
    assert [r.line for r in shifted] == [42, 82, 102]
    assert store.known_rejects(shifted, files=[name]) == [True, True, True]
    again = store.start_run("v1", [name])
    assert store.add_rejects(again, shifted, files=[name]) == 0
    frame = store.rejects_frame()
    assert sorted(zip(frame["run_id"], frame["line"], strict=True)) == [
        (run, 42),
        (run, 82),
        (run, 102),
    ]

    # a broken record that is new is still new, though its reason is an old one's
    cut = '{"id": "cut-2", "title": "Gempa", "text": "Guncangan'
    day.write_text("\n".join([newest, cut, *lines]) + "\n", encoding="utf-8")
    met = _read_rejects(day)
    assert store.known_rejects(met, files=[name]) == [False, True, True, True]
    assert store.add_rejects(store.start_run("v1", [name]), met, files=[name]) == 1
    assert len(store.rejects_frame()) == 4

    # the same file under another folder: its problems are the ones stored, not new ones
    moved = tmp_path / "archive" / "exports" / day.name
    moved.parent.mkdir(parents=True)
    day.rename(moved)
    met = _read_rejects(moved)
    assert store.known_rejects(met, files=[str(moved)]) == [True] * 4
    assert store.add_rejects(store.start_run("v1"), met, files=[str(moved)]) == 0
    frame = store.rejects_frame()
    assert len(frame) == 4 and set(frame["file"]) == {str(moved)}
    # a file of another name holding the same broken record has a problem of its own
    other = moved.with_name("2019-09-14.jsonl")
    other.write_text(bad[0] + "\n", encoding="utf-8")
    met = _read_rejects(other)
    assert store.known_rejects(met, files=[str(other)]) == [False]


def test_rejects_stored_before_content_keys_are_known_by_their_line(db_url: str) -> None:
    with open_store(db_url) as store:
        run = store.start_run("v1", ["day.jsonl"])
        store.add_rejects(run, [{"file": "day.jsonl", "line": 3, "reason": "invalid_json"}])
        # as a database upgraded from schema 4 holds it: no content key
        raw_execute(db_url, "UPDATE rejects SET content_key = NULL")
        met = [{"file": "day.jsonl", "line": 3, "reason": "invalid_json", "digest": "d1"}]
        assert store.known_rejects(met, files=["day.jsonl"]) == [True]
        assert store.add_rejects(store.start_run("v1"), met, files=["day.jsonl"]) == 0
        # and from then on by their content, at any line
        met = [{"file": "day.jsonl", "line": 9, "reason": "invalid_json", "digest": "d1"}]
        assert store.known_rejects(met, files=["day.jsonl"]) == [True]


def test_an_article_put_back_and_corrected_again_is_no_change(store: Store) -> None:
    # seen on real news: --reread of a folder whose later file corrects an article; the older
    # file (an earlier batch) puts the old text back, the later one the correction again
    article = make_articles(1)[0]
    corrected = dict(article, title="Judul yang diperbaiki")
    store.add_articles([corrected])
    changes: dict[str, tuple[str | None, str]] = {}
    assert store.add_articles([article], changes=changes).changed == 1
    assert store.add_articles([corrected], changes=changes).changed == 1
    assert changed_count(changes) == 0
    # one corrected for real counts once, and one stored new by the calls not at all
    fresh = make_articles(2, prefix="fresh")[1]
    store.add_articles([dict(corrected, text="Isi baru.")], changes=changes)
    store.add_articles([fresh], changes=changes)
    store.add_articles([dict(fresh, title="Diperbaiki")], changes=changes)
    assert changed_count(changes) == 1
    assert len(changes) == 2


def _input_file(db_url: str, aid: str) -> str | None:
    return raw_execute(db_url, "SELECT input_file FROM articles WHERE id = ?", (aid,))[0][0]


def _title(store: Store, aid: str) -> str:
    return next(r["title"] for batch in store.stored_articles() for r in batch if r["id"] == aid)


def test_an_older_file_read_again_does_not_replace_a_later_files_version(
    store: Store, db_url: str
) -> None:
    # seen on real news: 2019-09-19's export corrected articles of 2019-09-18; reading the
    # 2019-09-18 file again put the older text back and counted it as a change
    article = make_articles(1)[0]
    aid = article["id"]
    corrected = dict(article, title="Judul yang diperbaiki")
    older, newer = "/srv/exports/2019-09-18.csv", "/srv/exports/2019-09-19.csv"
    assert store.add_articles([article], files=[older]) == (1, 0, 0)
    assert store.add_articles([corrected], files=[newer]) == (0, 1, 1)
    assert _input_file(db_url, aid) == newer
    changes: dict[str, tuple[str | None, str]] = {}
    kept: dict[str, tuple[str, str]] = {}
    for path in (older, "/mnt/moved/2019-09-18.csv", "/srv/exports/18-09-2019.csv"):
        added = store.add_articles([article], files=[path], changes=changes, kept_newer=kept)
        assert added == (0, 1, 0)
        assert kept == {aid: (path, newer)}
        kept.clear()
    assert changes == {} and _title(store, aid) == corrected["title"]
    # a copy the same as the version kept is nothing kept
    assert store.add_articles([corrected], files=[older], kept_newer=kept) == (0, 1, 0)
    assert kept == {} and _input_file(db_url, aid) == newer
    # the same content in a later file: that file carries it now, and the one before it is older
    later = "/srv/exports/2019-09-20.csv"
    assert store.add_articles([corrected], files=[later]) == (0, 1, 0)
    assert _input_file(db_url, aid) == later
    store.add_articles([dict(article, title="Versi 19")], files=[newer], kept_newer=kept)
    assert kept == {aid: (newer, later)} and _title(store, aid) == corrected["title"]
    # a later file replaces it, even with the older text (the outlet took the correction back)
    assert store.add_articles([article], files=["/srv/exports/2019-09-21.csv"]) == (0, 1, 1)
    assert _title(store, aid) == article["title"]


def test_a_date_anywhere_in_the_names_tells_the_older_file(store: Store) -> None:
    # seen on real news: "amedia_2025-11-01.csv" corrected an article of
    # "zmedia_2025-10-31.csv"; reading the older file again put the older text back
    article = make_articles(1)[0]
    corrected = dict(article, title="Judul yang diperbaiki")
    assert store.add_articles([corrected], files=["/srv/amedia_2025-11-01.csv"]) == (1, 0, 0)
    kept: dict[str, tuple[str, str]] = {}
    older = "/srv/zmedia_2025-10-31.csv"
    assert store.add_articles([article], files=[older], kept_newer=kept) == (0, 1, 0)
    assert kept == {article["id"]: (older, "/srv/amedia_2025-11-01.csv")}
    assert _title(store, article["id"]) == corrected["title"]


def test_files_that_tell_no_order_replace_as_before(store: Store, db_url: str) -> None:
    article = make_articles(1)[0]
    aid = article["id"]
    versions = [dict(article, title=f"Versi {i}") for i in range(5)]
    store.add_articles([versions[0]], files=["/srv/exports/2019-09-19.csv"])
    # standard input, or a caller that names no file: the copy replaces it, as before
    assert store.add_articles([versions[1]], files=[None]).changed == 1
    assert _input_file(db_url, aid) is None
    store.add_articles([versions[0]], files=["/srv/exports/2019-09-19.csv"])
    assert store.add_articles([versions[1]]).changed == 1
    # names without a date tell no time: the copy read last wins
    store.add_articles([versions[2]], files=["/srv/exports/zz-latest.jsonl"])
    assert store.add_articles([versions[3]], files=["/srv/exports/aa-archive.jsonl"]).changed == 1
    # an article stored before schema 7 names no file: any copy replaces it
    store.add_articles([versions[0]], files=["/srv/exports/2019-09-19.csv"])
    raw_execute(db_url, "UPDATE articles SET input_file = NULL")
    assert store.add_articles([versions[4]], files=["/srv/exports/2019-09-18.csv"]).changed == 1
    assert _title(store, aid) == "Versi 4"


def test_an_older_file_named_after_a_newer_one_in_one_call(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    # files named on the command line newest first: the batch holds the newer copy first
    article = make_articles(1)[0]
    corrected = dict(article, title="Judul yang diperbaiki")
    files = ["/srv/exports/2019-09-19.csv", "/srv/exports/2019-09-18.csv"]
    with caplog.at_level(logging.INFO, logger="media_analytics.store"):
        assert store.add_articles([corrected, article], files=files) == (1, 1, 0)
    assert _title(store, article["id"]) == corrected["title"]
    said = [r.getMessage() for r in caplog.records if "newer version" in r.getMessage()]
    assert said == [
        "1 article kept the newer version read from a later-dated file, not that of an older "
        "file read again: 1 of 2019-09-18.csv kept the version of 2019-09-19.csv"
    ]


def test_a_utc_time_is_filtered_on_its_day_in_jakarta(store: Store) -> None:
    # 17:00 UTC on 30 November is midnight of 1 December in WIB: the scored record (and the
    # reports on a JSONL file) count it on 1 December, and so does a period read from here
    store.add_articles(
        [
            {"id": "u", "title": "U", "text": "Isi.", "published_at": "2024-11-30T17:00:00+00:00"},
            {"id": "w", "title": "W", "text": "Isi.", "published_at": "2024-11-30T23:30:00+08:00"},
        ]
    )
    run = store.start_run("v1")
    score_all(store, run, "v1")
    assert store.scores_frame("v1", since="2024-12-01")["id"].tolist() == ["u"]
    assert store.scores_frame("v1", until="2024-11-30")["id"].tolist() == ["w"]
    assert store.scores_count(since="2024-12-01") == {"v1": 1}


def test_a_version_without_scores_is_an_error_naming_the_versions_held(store: Store) -> None:
    # seen following the README: a mistyped version gave an empty frame without a word, and a
    # report built on it said only that no stories were left after the filters
    store.add_articles(make_articles(3))
    score_all(store, store.start_run("v1"), "v1")
    store.start_run("v2")  # a run of v2 that has scored nothing yet
    held = r"it holds v1 \(3 articles\)"
    for version in ("v9", "V1", "v2"):
        with pytest.raises(ValueError, match=rf"model version '{version}': .*no scores .*{held}"):
            store.scores_frame(version, since="2024-10-01", until="2024-10-31")
    with pytest.raises(ValueError, match=held):
        store.scores_frame("v9", since="2024-10-01", whole_stories=True)
    with pytest.raises(ValueError, match=held):
        store.scores_frame("v9")
    # a version it holds, with no article in the period: an empty frame, with the columns of
    # one that has rows (what code reading the frame's columns expects)
    full = store.scores_frame("v1")
    for window in ({"since": "2030-01-01"}, {"until": "2000-01-31", "whole_stories": True}):
        empty = store.scores_frame("v1", **window)
        assert empty.empty and list(empty.columns) == list(full.columns)
        assert isinstance(empty["scored_at"].dtype, pd.DatetimeTZDtype)


def test_a_period_with_whole_stories_brings_the_other_copies_of_its_stories(store: Store) -> None:
    # a chain across the period: 'a' (September) <- 'b' (October) <- 'c' (November); 'x' stands
    # alone in October. The period's records alone would make 'b' a story of its own.
    articles = make_articles(4, prefix="s")
    days = {"a": "2024-09-30", "b": "2024-10-01", "x": "2024-10-05", "c": "2024-11-01"}
    originals = {"b": "a", "c": "b"}
    for article, rid in zip(articles, days, strict=True):
        article.update(id=rid, published_at=f"{days[rid]}T20:00:00+07:00")
    store.add_articles(articles)
    run = store.start_run("v1")
    claimed = store.claim(run, "v1", 10)
    records = [score_record(a, "v1") for a in claimed]
    for record in records:
        record["duplicate_of"] = originals.get(record["id"])
    store.save_scores(run, "v1", records)
    window = {"since": "2024-10-01", "until": "2024-10-31"}
    assert store.scores_frame("v1", **window)["id"].tolist() == ["b", "x"]
    whole = store.scores_frame("v1", **window, whole_stories=True)
    assert whole["id"].tolist() == ["a", "b", "x", "c"]  # in date order, as ever
    with pytest.raises(ValueError, match="no scores of that version"):
        store.scores_frame("v2", **window, whole_stories=True)


def test_a_period_with_whole_stories_brings_the_undated_records(store: Store) -> None:
    """``report --db --since`` counts an undated article as left out "undated", as the report
    of the same records read from a file does, instead of its vanishing from the count."""
    from media_analytics.reports import records_to_frames

    articles = make_articles(3, prefix="u")
    for article, (rid, day) in zip(
        articles,
        [("in", "2024-11-05T09:00:00+07:00"), ("before", "2024-10-01"), ("n", None)],
        strict=True,
    ):
        article.update(id=rid, published_at=day)
    store.add_articles(articles)
    run = store.start_run("v1")
    score_all(store, run, "v1")
    assert store.scores_frame("v1", since="2024-11-01")["id"].tolist() == ["in"]
    whole = store.scores_frame("v1", since="2024-11-01", whole_stories=True)
    assert whole["id"].tolist() == ["in", "n"]  # undated last, as ever
    data = records_to_frames(whole, since="2024-11-01")
    assert (data.n_records, data.n_undated, len(data.stories)) == (2, 1, 1)


def test_corpus_rejects_are_accepted(store: Store) -> None:
    corpus = pytest.importorskip("media_analytics.corpus")
    rejects = corpus.Rejects()
    rejects.add("a.jsonl", 3, "invalid_json", "invalid JSON")
    run = store.start_run("v1")
    assert store.add_rejects(run, rejects) == 1
    assert store.rejects_frame()[["file", "line", "reason"]].values.tolist() == [
        ["a.jsonl", 3, "invalid_json"]
    ]


# -- frames and hostile input --------------------------------------------------------------
def test_scores_frame_shape_and_filters(store: Store) -> None:
    articles = make_articles(40)
    undated = {**make_articles(1, prefix="undated")[0], "published_at": None}
    store.add_articles([*articles, undated])
    run = store.start_run("v1")
    score_all(store, run, "v1")
    frame = store.scores_frame("v1")
    assert list(frame.columns) == [
        *RECORD_FIELDS[:-1],
        "model_version",
        "scored_at",
        "run_id",
        "stale",
    ]
    assert isinstance(frame["themes"].iloc[0], list) and isinstance(frame["topic"].iloc[0], dict)
    assert frame["id"].iloc[-1] == "undated-00000"  # undated last
    assert str(frame["scored_at"].dt.tz) == "UTC" and frame["run_id"].dtype == "int64"
    expected = sorted(a["id"] for a in articles if a["published_at"] >= "2024-10-20")
    assert 0 < len(expected) < len(articles)
    for since in (date(2024, 10, 20), "2024-10-20"):
        assert sorted(store.scores_frame("v1", since=since)["id"]) == expected
    with pytest.raises(ValueError, match="'nope': the database holds no scores"):
        store.scores_frame("nope")  # a version it holds no score of: not an empty frame
    empty = store.scores_frame("v1", since="2030-01-01")
    assert empty.empty
    assert {"id", "model_version", "scored_at", "run_id", "stale"} <= set(empty.columns)


HOSTILE = "x'); DROP TABLE articles; -- \"quoted\" 'single' ? %s %(name)s \\ ;"


def test_sql_is_parameterised(db_url: str) -> None:
    article = {
        "id": HOSTILE,
        "title": f"Judul {HOSTILE}",
        "text": f"Isi {HOSTILE}",
        "source": "'; DROP TABLE scores; --",
        "url": "https://x.example/?q=' OR '1'='1",
        "published_at": "2024-10-18' OR 1=1 --",
    }
    version = "v1'; DELETE FROM runs; --"
    with open_store(db_url) as store:
        assert store.add_articles([article]) == (1, 0, 0)
        run = store.start_run(version, [HOSTILE])
        (claimed,) = store.claim(run, version, 5)
        assert claimed == article
        store.save_scores(run, version, [{**score_record(claimed, version), "note": HOSTILE}])
        store.add_rejects(
            run, [{"file": HOSTILE, "line": 1, "reason": HOSTILE, "message": HOSTILE}]
        )
        store.finish_run(run, "ok", {HOSTILE: 1})
    with open_store(db_url) as store:  # every table still there, every value intact
        frame = store.scores_frame(version, since="2024-10-18")
        assert frame["id"].tolist() == [HOSTILE] and frame["note"].tolist() == [HOSTILE]
        assert frame["source"].tolist() == ["'; DROP TABLE scores; --"]
        runs = store.runs_frame()
        assert runs["model_version"].tolist() == [version]
        assert runs["inputs"][0] == [HOSTILE] and runs["counts"][0] == {HOSTILE: 1}
        assert store.rejects_frame()["reason"].tolist() == [HOSTILE]
    counts = [
        raw_execute(db_url, f"SELECT COUNT(*) FROM {t}")[0][0]
        for t in ("articles", "scores", "runs", "rejects")
    ]
    assert counts == [1, 1, 1, 1]


def test_non_finite_numbers_and_dates_in_records(store: Store) -> None:
    from datetime import datetime, timezone

    article = {
        "id": 42,  # an integer id is kept as given in the record, as text in the table
        "text": "Isi.",
        "published_at": datetime(2024, 10, 18, 17, 46, tzinfo=timezone.utc),
        "rating": float("nan"),
    }
    store.add_articles([article])
    run = store.start_run("v1")
    (claimed,) = store.claim(run, "v1", 1)
    assert claimed == {**article, "published_at": "2024-10-18T17:46:00+00:00", "rating": None}
    store.save_scores(run, "v1", [{"id": 42, "score": float("inf")}])
    assert store.scores_frame()["score"].isna().all()


def test_an_older_and_a_newer_copy_in_one_batch(store: Store) -> None:
    old = {"id": "a1", "title": "Judul", "text": "Isi lama."}
    newer = dict(old, text="Isi yang dikoreksi.")
    first = store.add_articles([old, newer])
    assert (first.new, first.known, first.changed) == (1, 1, 0)
    # read again in the same order: the last copy is what is stored, so nothing changed
    result = store.add_articles([old, newer])
    assert (result.new, result.known, result.changed) == (0, 2, 0)
    run = store.start_run("v1", ["a.jsonl"])
    assert [a["text"] for a in store.claim(run, "v1", 10)] == ["Isi yang dikoreksi."]


def test_runs_take_turns_reading_into_one_database(db_url: str) -> None:
    """Store.reading: a second store on the same database waits until the first is done."""
    import threading

    with open_store(db_url) as first, open_store(db_url) as second:
        entered = threading.Event()

        def other() -> None:
            with second.reading():
                entered.set()

        with first.reading():
            thread = threading.Thread(target=other)
            thread.start()
            assert not entered.wait(0.5)  # held: the other run waits
        thread.join(timeout=30)
        assert entered.is_set()  # released: it went on
        with first.reading():  # and the lock can be taken again
            pass


# -- the daily job's state beside the store --------------------------------------------------
def test_a_database_without_its_duplicate_state_rebuilds_it_from_its_articles(
    db_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A database moved or restored without its ``.dedup.npz``: tomorrow's syndicated copies of
    the articles it holds are still marked (they were taken for new stories)."""
    from media_analytics.cli import main

    originals = make_articles(3)
    copies = [
        dict(a, id=f"copy-{i}", source="lain.example", url=f"https://lain.example/{i}")
        for i, a in enumerate(originals)
    ]
    for name, records in (("day1.jsonl", originals), ("day2.jsonl", copies)):
        (tmp_path / name).write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    sqlite = "://" not in db_url
    state = [] if sqlite else ["--dedup-state", str(tmp_path / "pg.dedup.npz")]
    assert main(["score", str(tmp_path / "day1.jsonl"), "--db", db_url, *state, "-q"]) == 0
    if sqlite:  # moved without the state file beside it
        db = str(tmp_path / "moved.db")
        os.replace(db_url, db)
    else:
        db = db_url
        (tmp_path / "pg.dedup.npz").unlink()
    caplog.set_level(logging.INFO)
    assert main(["score", str(tmp_path / "day2.jsonl"), "--db", db, *state]) == 0
    assert "rebuilt from the 3 most recent articles the database holds" in caplog.text
    with open_store(db) as moved:
        found = moved.scores_frame().set_index("id")["duplicate_of"].dropna().to_dict()
    assert found == {f"copy-{i}": f"art-{i:05d}" for i in range(3)}


def test_a_rebuild_that_regroups_stored_articles_says_which(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Seen in a trial: a database restored without its state file changed the stored
    ``duplicate_of`` of 3 old articles, and the run said nothing of them."""
    from media_analytics.cli import main

    originals = make_articles(2)
    copies = [
        dict(a, id=f"copy-{i}", source="lain.example", url=f"https://lain.example/{i}")
        for i, a in enumerate(originals)
    ]
    (tmp_path / "day1.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in [*originals, *copies]), "utf-8"
    )
    (tmp_path / "day2.jsonl").write_text(json.dumps(make_articles(3)[2]) + "\n", "utf-8")
    db = str(tmp_path / "media.db")
    assert main(["score", str(tmp_path / "day1.jsonl"), "--db", db, "-q"]) == 0
    with open_store(db) as store:  # as a run that met the copy first would have stored it
        store.set_duplicates({"copy-0": None})
    os.remove(db + ".dedup.npz")
    caplog.set_level(logging.INFO)
    assert main(["score", str(tmp_path / "day2.jsonl"), "--db", db]) == 0
    said = [r for r in caplog.records if "otherwise than the runs" in r.getMessage()]
    assert [r.levelno for r in said] == [logging.WARNING]
    assert "groups 1 stored article(s)" in said[0].getMessage()
    assert "copy-0 -> art-00000" in said[0].getMessage()
    with open_store(db) as store:
        found = store.scores_frame().set_index("id")["duplicate_of"].dropna().to_dict()
    assert found == {"copy-0": "art-00000", "copy-1": "art-00001"}


def _real_articles(n: int) -> list[dict[str, Any]]:
    """The first ``n`` articles of the CLICK-ID sample with a body, as the daily job reads
    them."""
    return clickid_articles(lambda row: len(row["content"].split()) >= 80, n)


def test_copies_of_an_earlier_days_articles_are_marked_without_a_state_file(
    db_url: str, tmp_path: Path
) -> None:
    """The daily job on PostgreSQL as on SQLite: syndicated copies arriving a day after their
    originals are marked, with no ``--dedup-state`` given (seen on real news: on PostgreSQL
    none of them was, and reports counted them as new stories)."""
    from media_analytics.cli import main

    originals = _real_articles(10)
    copies = [
        dict(
            a,
            id=f"copy-{i}",
            text="DUMAI, Antara - " + a["text"] + "\nBaca juga: Berita lain",
            source="lain.example",
            url=f"https://lain.example/{i}",
        )
        for i, a in enumerate(originals)
    ]
    for name, records in (("day1.jsonl", originals), ("day2.jsonl", copies)):
        (tmp_path / name).write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    for day in ("day1.jsonl", "day2.jsonl"):
        assert main(["score", str(tmp_path / day), "--db", db_url, "-q"]) == 0
    with open_store(db_url) as store:
        found = store.scores_frame().set_index("id")["duplicate_of"].dropna().to_dict()
    assert found == {f"copy-{i}": a["id"] for i, a in enumerate(originals)}


def test_a_server_database_keeps_the_state_and_rebuilds_it_when_it_is_gone(
    db_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """PostgreSQL keeps the state in its own table (SQLite in the file beside it); a database
    upgraded to schema 6, or whose state cannot be read, has it rebuilt, with a line saying
    so."""
    from media_analytics.cli import main
    from media_analytics.corpus import DuplicateDetector

    originals = make_articles(4)
    days = {"day0.jsonl": originals}
    for day in range(3):
        days[f"day{day + 1}.jsonl"] = [
            dict(a, id=f"copy{day}-{i}", source="lain.example", url=f"https://l.example/{day}/{i}")
            for i, a in enumerate(originals)
        ]
    for name, records in days.items():
        (tmp_path / name).write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    sqlite = "://" not in db_url
    assert main(["score", str(tmp_path / "day0.jsonl"), "--db", db_url, "-q"]) == 0
    with open_store(db_url) as store:
        kept = store.load_dedup_state()
    if sqlite:
        assert kept is None and Path(db_url + ".dedup.npz").exists()
        return
    assert kept is not None and len(DuplicateDetector.from_bytes(kept)) == 4
    assert not list(tmp_path.glob("*.npz"))
    # as a database upgraded from schema 5 is: no state kept
    raw_execute(db_url, "DELETE FROM dedup_state")
    caplog.set_level(logging.INFO)
    assert main(["score", str(tmp_path / "day1.jsonl"), "--db", db_url]) == 0
    assert "no duplicate-detection state in the database: rebuilt from the 4 most" in caplog.text
    with open_store(db_url) as store:
        store.save_dedup_state(b"cut short")
    caplog.clear()
    assert main(["score", str(tmp_path / "day2.jsonl"), "--db", db_url]) == 0
    assert "duplicate-detection state in" in caplog.text and "cannot be read" in caplog.text
    assert "rebuilt from the 8 most recent articles" in caplog.text
    with open_store(db_url) as store:
        found = store.scores_frame().set_index("id")["duplicate_of"].dropna().to_dict()
        assert len(DuplicateDetector.from_bytes(store.load_dedup_state() or b"")) == 12
    assert found == {f"copy{d}-{i}": f"art-{i:05d}" for d in (0, 1) for i in range(4)}


def test_db_delete_drops_the_state_the_database_keeps(
    db_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """With no ``--dedup-state``, ``db delete`` on PostgreSQL drops the state the database keeps
    (in the transaction that deletes the articles): a later copy never names a deleted id."""
    from media_analytics.cli import main

    originals = make_articles(3)
    repost = dict(originals[0], id="repost-0", url="https://berita.example/ulang")
    (tmp_path / "day1.jsonl").write_text("".join(json.dumps(r) + "\n" for r in originals))
    (tmp_path / "day2.jsonl").write_text(json.dumps(repost) + "\n")
    assert main(["score", str(tmp_path / "day1.jsonl"), "--db", db_url, "-q"]) == 0
    with open_store(db_url) as store:
        assert store.has_dedup_state() == ("://" in db_url)
        assert store.delete_articles(["nothing"]) == [] and store.has_dedup_state() == (
            "://" in db_url
        )  # nothing deleted: the state stays
    caplog.set_level(logging.INFO)
    assert main(["db", "delete", "--db", db_url, "art-00000"]) == 0
    assert "no duplicate-detection state" not in caplog.text
    with open_store(db_url) as store:
        assert not store.has_dedup_state()
    assert main(["score", str(tmp_path / "day2.jsonl"), "--db", db_url, "-q"]) == 0
    with open_store(db_url) as store:
        found = store.scores_frame().set_index("id")["duplicate_of"].to_dict()
    assert found["repost-0"] is None  # its only earlier copy was deleted


def test_db_delete_takes_articles_down_with_their_scores_rejects_and_story(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog
) -> None:
    """A takedown: the article leaves the database and its story; a re-post of its text joins
    what is left of the story, never the deleted id."""
    from media_analytics.cli import main

    originals = make_articles(3)
    copy = dict(originals[0], id="copy-0", source="lain.example", url="https://lain.example/0")
    copy["published_at"] = "2024-10-20T08:00:00+07:00"
    (tmp_path / "day1.jsonl").write_text("".join(json.dumps(r) + "\n" for r in originals))
    (tmp_path / "day2.jsonl").write_text(json.dumps(copy) + "\n")
    sqlite = "://" not in db_url
    state = tmp_path / ("store.db.dedup.npz" if sqlite else "pg.dedup.npz")
    kept = [] if sqlite else ["--dedup-state", str(state)]
    for day in ("day1.jsonl", "day2.jsonl"):
        assert main(["score", str(tmp_path / day), "--db", db_url, *kept, "-q"]) == 0
    with open_store(db_url) as store:
        store.add_rejects(1, [{"reason": "bad_date", "record_id": "art-00000", "line": 1}])
    assert state.exists()

    argv = ["db", "delete", "--db", db_url, *kept]
    with caplog.at_level(logging.WARNING, logger="media_analytics"):
        assert main([*argv, "art-00000", "nothing-1"]) == 0
    assert "no duplicate-detection state" not in caplog.text  # it was found and removed
    assert "deleted 1 article with their scores and rejects; not found: nothing-1" in (
        capsys.readouterr().out
    )
    assert main([*argv, "nothing-1"]) == 2  # none found
    assert not state.exists()  # rebuilt by the next run without the deleted article
    with open_store(db_url) as store:
        assert store.articles_count() == 3 and len(store.rejects_frame()) == 0
        frame = store.scores_frame().set_index("id")
        assert sorted(frame.index) == ["art-00001", "art-00002", "copy-0"]
        assert frame["duplicate_of"].isna().all()  # the copy is its story's original now
        assert [r["duplicate_of"] for g in store.stored_articles() for r in g] == [None] * 3

    repost = dict(originals[0], id="repost-0", url="https://berita.example/ulang")
    (tmp_path / "day3.jsonl").write_text(json.dumps(repost) + "\n")
    assert main(["score", str(tmp_path / "day3.jsonl"), "--db", db_url, *kept, "-q"]) == 0
    with open_store(db_url) as store:
        found = store.scores_frame().set_index("id")["duplicate_of"].to_dict()
    # never the deleted id: the re-post carries the deleted article's date, before the copy's,
    # so it is the story's earliest-published article now, and the copy names it
    assert pd.isna(found["repost-0"]) and found["copy-0"] == "repost-0"

    # the export folder still holds the deleted article: reading its file again (a changed
    # file, --reread) does not put it back, until the takedown is undone
    day1 = str(tmp_path / "day1.jsonl")
    assert main(["score", day1, "--db", db_url, *kept, "--reread", "-q"]) == 0
    with open_store(db_url) as store:
        assert "art-00000" not in set(store.scores_frame()["id"])
        assert store.deleted_ids() == ["art-00000"]
    capsys.readouterr()
    assert main([*argv, "--list"]) == 0
    assert capsys.readouterr().out.split() == ["art-00000"]
    assert main([*argv, "--undo", "nothing-1"]) == 2
    assert main([*argv, "--undo", "art-00000"]) == 0
    assert main(["score", day1, "--db", db_url, *kept, "--reread", "-q"]) == 0
    with open_store(db_url) as store:
        assert "art-00000" in set(store.scores_frame()["id"]) and store.deleted_ids() == []
    # a state file the runs keep somewhere the command is not told of: it says so
    with caplog.at_level(logging.WARNING, logger="media_analytics"):
        elsewhere = ["--dedup-state", str(tmp_path / "elsewhere.npz")]
        assert main(["db", "delete", "--db", db_url, *elsewhere, "art-00001"]) == 0
    assert f"no duplicate-detection state at {tmp_path / 'elsewhere.npz'}" in caplog.text


def test_a_deleted_original_read_again_does_not_take_its_story_back(
    db_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Seen on real news: after `db delete` of a story's original, its file read again
    (`--reread`) brought it back into duplicate detection as the story's earliest copy, and the
    stored copy named the deleted id as its original again (in the reports, the story under an
    id that is no longer stored)."""
    from media_analytics.cli import main

    original = dict(make_articles(1)[0], published_at="2024-10-19T08:00:00+07:00")
    copy = dict(original, id="synd-1", source="lain.example", url="https://lain.example/0")
    copy["published_at"] = "2024-10-20T08:00:00+07:00"
    late = dict(copy, id="synd-2", url="https://lain.example/2")
    late["published_at"] = "2024-10-21T08:00:00+07:00"
    day = tmp_path / "day.jsonl"
    day.write_text("".join(json.dumps(r) + "\n" for r in (original, copy)))
    assert main(["score", str(day), "--db", db_url, "-q"]) == 0
    with open_store(db_url) as store:
        assert store.scores_frame().set_index("id").loc["synd-1", "duplicate_of"] == "art-00000"
    assert main(["db", "delete", "--db", db_url, "art-00000"]) == 0
    # the file still holds the deleted original, and now a later copy of the story too
    day.write_text("".join(json.dumps(r) + "\n" for r in (original, copy, late)))
    caplog.set_level(logging.INFO)
    assert main(["score", str(day), "--db", db_url, "--reread", "-q"]) == 0
    assert "now name another original" not in caplog.text
    with open_store(db_url) as store:
        marks = store.scores_frame().set_index("id")["duplicate_of"]
        stored = {r["id"]: r.get("duplicate_of") for g in store.stored_articles() for r in g}
    assert sorted(stored) == ["synd-1", "synd-2"]
    assert stored == {"synd-1": None, "synd-2": "synd-1"}
    assert pd.isna(marks["synd-1"]) and marks["synd-2"] == "synd-1"


def test_no_stored_article_is_marked_a_copy_of_a_missing_id(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    store.add_articles(make_articles(3))
    assert store.delete_articles(["art-00000"]) == ["art-00000"]
    with caplog.at_level(logging.WARNING):
        n = store.set_duplicates({"art-00001": "art-00000", "art-00002": "art-00001"})
    assert n == 1
    assert "1 article(s) not marked as copies of an original that is not stored" in caplog.text
    assert "art-00001 -> art-00000" in caplog.text
    marks = {r["id"]: r.get("duplicate_of") for g in store.stored_articles() for r in g}
    assert marks == {"art-00001": None, "art-00002": "art-00001"}


def test_an_article_under_another_id_with_its_url_is_that_article(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    """Seen on real news: an export numbering its rows stored an article as ``1``; the same
    export read with ``--column id=`` gave it its URL's id, and it was stored a second time.
    A record with the URL of a stored article is that article: a re-send or a correction."""
    from media_analytics.corpus.ids import article_id

    first = dict(make_articles(1)[0], id="1", url="https://www.berita.example/d-1/patroli/")
    assert store.add_articles([first]) == (1, 0, 0)
    again = dict(first, id=article_id(first["url"]))
    variant = dict(again, url="http://berita.example/d-1/patroli?utm_source=wa")
    assert store.same_url_ids([variant, make_articles(2)[1]]) == {0: "1"}
    with caplog.at_level(logging.INFO):
        assert store.add_articles([again]) == (0, 1, 0)  # a re-send
    assert f"{again['id']} -> 1" in caplog.text
    same_url: dict[str, str] = {}
    fixed = dict(again, text=str(first["text"]) + " Ralat: jumlah petugas dikoreksi.")
    assert store.add_articles([fixed], same_url=same_url) == (0, 1, 1)  # a correction
    assert same_url == {again["id"]: "1"} and store.articles_count() == 1
    (record,) = [r for g in store.stored_articles() for r in g]
    assert record["id"] == "1" and record["text"] == fixed["text"]
    # two ids of one URL in one batch: one article, under the first id given
    twice = [dict(make_articles(3)[2], id="7"), dict(make_articles(3)[2], id="u-7")]
    assert store.add_articles(twice) == (1, 1, 0) and store.articles_count() == 2
    # another article at the same address (a live page), a site's home page, no URL at all:
    # each stays under its own id
    other = {
        "id": "u-live",
        "title": "Harga cabai merah naik menjelang akhir pekan",
        "text": "Harga cabai merah di pasar induk naik menjadi Rp 60 ribu per kilogram.",
        "url": first["url"],
    }
    home = [dict(r, url="https://berita.example/") for r in make_articles(6)[4:6]]
    bare = [{k: v for k, v in r.items() if k != "url"} for r in make_articles(3, "x")[:2]]
    bare[1] = dict(bare[1], text=bare[0]["text"])
    with caplog.at_level(logging.WARNING):
        assert store.add_articles([other, *home, *bare]) == (5, 0, 0)
    assert "1 record with the URL of an article stored under another id (1) but a text" in (
        caplog.text
    )
    assert store.articles_count() == 7


def test_schema_8_knows_the_articles_stored_before_by_their_urls(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "old.db"
    with open_store(db) as store:
        store.add_articles([dict(make_articles(1)[0], id="1")])
    with sqlite3.connect(db) as con:  # as schema 7 left it
        _undo_schema_9(con)
        con.execute("DROP INDEX articles_url_key")
        con.execute("ALTER TABLE articles DROP COLUMN url_key")
        con.execute("DELETE FROM schema_version WHERE version = 8")
    with open_store(db) as store:
        assert store.same_url_ids([dict(make_articles(1)[0], id="u-x")]) == {0: "1"}


def _undo_schema_9(con: Any) -> None:
    for index in ("articles_content_hash", "deleted_articles_url_key",
                  "deleted_articles_content_hash"):  # fmt: skip
        con.execute(f"DROP INDEX {index}")
    con.execute("ALTER TABLE deleted_articles DROP COLUMN url_key")
    con.execute("ALTER TABLE deleted_articles DROP COLUMN content_hash")
    con.execute("DELETE FROM schema_version WHERE version = 9")


def test_a_record_without_url_under_another_id_with_its_text_is_that_article(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    """Seen by an operator: rows without a URL stored under their row numbers were stored a
    second time under the ids made of their texts when the export was read again with
    ``--column id=``, as the ``id_clash`` message advises."""
    from media_analytics.corpus.ids import article_id

    rows = [{k: v for k, v in r.items() if k != "url"} for r in make_articles(3)]
    numbered = [dict(r, id=str(n)) for n, r in enumerate(rows, 1)]
    assert store.add_articles(numbered) == (3, 0, 0)
    by_text = [dict(r, id=article_id(None, r["title"], r["text"])) for r in rows]
    assert store.same_url_ids(by_text) == {0: "1", 1: "2", 2: "3"}
    with caplog.at_level(logging.INFO):
        assert store.add_articles(by_text) == (0, 3, 0)
    assert "(or, without one, the text)" in caplog.text and f"{by_text[0]['id']} -> 1" in (
        caplog.text
    )
    assert store.articles_count() == 3
    # a changed text is another content: stored under its own id, as before
    edited = dict(by_text[0], text=str(rows[0]["text"]) + " Ralat: jumlah petugas dikoreksi.")
    assert store.same_url_ids([edited]) == {}
    # the same text twice in one batch under two ids, no URL: one article
    fresh = {k: v for k, v in make_articles(5)[4].items() if k != "url"}
    assert store.add_articles([dict(fresh, id="9"), dict(fresh, id="c-9")]) == (1, 1, 0)
    assert store.articles_count() == 4


def test_a_takedown_holds_for_a_recrawl_under_another_id(store: Store) -> None:
    """Seen by an operator: an article deleted with ``db delete`` came back when a re-crawl
    sent it under another id with the same URL (or with no URL, the same text)."""
    with_url, without = make_articles(2)
    without = {k: v for k, v in without.items() if k != "url"}
    store.add_articles([with_url, without])
    assert store.delete_articles([with_url["id"], without["id"]]) == [
        with_url["id"],
        without["id"],
    ]
    recrawl = [
        dict(with_url, id="u-recrawl", url=str(with_url["url"]).replace("https://", "http://")),
        dict(without, id="c-recrawl"),
    ]
    # (an operator's trial: the article that had a URL, sent again word for word without it)
    bare = {k: v for k, v in with_url.items() if k != "url"}
    assert store.same_url_ids([dict(bare, id="c-bare")]) == {0: with_url["id"]}
    assert store.add_articles([dict(bare, id="c-bare")]) == (0, 0, 0)
    assert store.same_url_ids(recrawl) == {0: with_url["id"], 1: without["id"]}
    same_url: dict[str, str] = {}
    assert store.add_articles(recrawl, same_url=same_url) == (0, 0, 0)
    assert store.articles_count() == 0 and same_url == {}
    assert store.undelete_articles([with_url["id"]]) == [with_url["id"]]
    assert store.add_articles(recrawl) == (1, 0, 0)  # let back in; the other still down
    ((record,),) = [list(g) for g in store.stored_articles()]
    assert record["id"] == "u-recrawl"


def test_a_deleted_article_is_not_stored_again(store: Store) -> None:
    store.add_articles(make_articles(2))
    assert store.delete_articles(["art-00000"]) == ["art-00000"]
    again = store.add_articles(make_articles(3))  # a batch holding it again
    assert again == (1, 1, 0) and store.articles_count() == 1 + 1
    assert store.undelete_articles(["art-00000", "art-00009"]) == ["art-00000"]
    assert store.add_articles(make_articles(1)) == (1, 0, 0)


def test_an_id_given_again_for_another_article_does_not_replace_it(store: Store) -> None:
    # seen on real news: exports that number their rows give each day's articles the ids of
    # the day before
    from media_analytics.store import IdClash

    first = {
        "id": "5",
        "title": "Harga cabai merah naik menjelang akhir pekan",
        "text": "Harga cabai merah di pasar induk naik menjadi Rp 60 ribu per kilogram. "
        "Pedagang menyebut pasokan dari Jawa Tengah berkurang karena hujan.",
        "url": "https://contoh.co.id/d-1/harga-cabai",
    }
    other = {
        "id": "5",
        "title": "Polres siagakan 300 personel untuk kampanye akbar",
        "text": "Polres menyiagakan 300 personel untuk mengamankan kampanye akbar di alun-alun. "
        "Kapolres meminta warga tidak membawa senjata tajam.",
        "url": "https://contoh.co.id/d-2/polres-siagakan",
    }
    clashes: list[IdClash] = []
    assert store.add_articles([first], clashes=clashes) == (1, 0, 0)
    # told beforehand, nothing stored (a job leaves them out of duplicate detection)
    # (at other addresses: a record with a stored article's URL is that article)
    first6 = dict(first, id="6", url="https://contoh.co.id/d-6/harga-cabai")
    first7 = dict(first, id="7", url="https://contoh.co.id/d-7/harga-cabai")
    assert store.id_clashes([first6, other]) == [IdClash(1, "5", first["url"])]
    assert store.id_clashes([other, dict(other, id="7"), first7]) == [
        IdClash(0, "5", first["url"]),
        IdClash(2, "7", other["url"]),
    ]
    assert store.articles_count() == 1
    assert store.add_articles([first6, other], clashes=clashes) == (1, 0, 0)
    assert clashes == [IdClash(1, "5", first["url"])]
    # the same in one batch: the record given first stays
    clashes.clear()
    assert store.add_articles([first7, dict(other, id="7")], clashes=clashes) == (1, 0, 0)
    assert clashes == [IdClash(1, "7", first7["url"])]
    # corrections stay corrections: the same page edited, or a new page with the text mostly kept
    fixed = dict(first, text=first["text"] + " Harga diperkirakan turun pekan depan.")
    assert store.add_articles([fixed], clashes=clashes) == (0, 1, 1)
    moved = dict(fixed, url="https://contoh.co.id/d-1/harga-cabai-merah", title="Ralat: harga")
    assert store.id_clashes([moved]) == []
    assert store.add_articles([moved], clashes=clashes) == (0, 1, 1)
    assert len(clashes) == 1
    stored = {r["id"]: r for group in store.stored_articles() for r in group}
    assert stored["5"]["url"] == moved["url"] and stored["7"]["url"] == first7["url"]


def test_two_articles_of_a_series_under_one_row_number_id_stay_two(store: Store) -> None:
    # seen by an operator: an export numbering its rows gave the next day's quick-count story
    # the id of the day before's; their leads were alike (a series reuses its lead), so the
    # stored article was overwritten as a "correction", silently
    from media_analytics.store import IdClash

    lead = (
        "Sejumlah lembaga survei sudah merilis hasil hitung cepat Pilgub Jawa Tengah. "
        "Ini hasil lengkapnya."
    )
    first = {
        "id": "1",
        "title": "Hasil hitung cepat sementara Pilgub Jateng",
        "text": lead,
        "url": "https://news.contoh.com/jateng/d-7659599/hasil-hitung-cepat-sementara",
    }
    second = {
        "id": "1",
        "title": "Hitung cepat Pilgub Jateng empat lembaga capai 90 persen",
        "text": lead,
        "url": "https://news.contoh.com/jateng/d-7659852/hitung-cepat-capai-90-persen",
    }
    assert store.add_articles([first]) == (1, 0, 0)
    assert store.id_clashes([second]) == [IdClash(0, "1", first["url"])]
    clashes: list[IdClash] = []
    assert store.add_articles([second], clashes=clashes) == (0, 0, 0)
    assert len(clashes) == 1
    # the same article's number under another slug, on the mobile site or in AMP: a correction
    for url in (
        "https://news.contoh.com/jateng/d-7659599/ralat-hasil-hitung-cepat",
        "https://m.contoh.com/jateng/d-7659599/hasil-hitung-cepat-sementara",
        "https://news.contoh.com/amp/jateng/d-7659599/hasil-hitung-cepat-sementara",
    ):
        assert store.id_clashes([dict(first, url=url, title="Ralat: " + first["title"])]) == []
    # a date in the path is no article number: the text decides, as before
    dated = dict(first, url="https://contoh.co.id/2024/11/27/hasil-hitung-cepat")
    assert store.id_clashes([dict(dated, id="1")]) == []


def test_without_urls_the_text_tells_another_article_from_a_correction(store: Store) -> None:
    # an export with no URL column that numbers its rows: the next day's row 1 is another
    # article, and must not overwrite the one stored (it did, silently)
    from media_analytics.store import IdClash

    monday = {
        "id": "1",
        "title": "Harga cabai merah naik menjelang akhir pekan",
        "text": "Harga cabai merah di pasar induk naik menjadi Rp 60 ribu per kilogram. "
        "Pedagang menyebut pasokan dari Jawa Tengah berkurang karena hujan.",
    }
    tuesday = {
        "id": "1",
        "title": "Polres siagakan 300 personel untuk kampanye akbar",
        "text": "Polres menyiagakan 300 personel untuk mengamankan kampanye akbar di alun-alun. "
        "Kapolres meminta warga tidak membawa senjata tajam.",
    }
    assert store.add_articles([monday]) == (1, 0, 0)
    assert store.id_clashes([tuesday]) == [IdClash(0, "1", "")]
    clashes: list[IdClash] = []
    assert store.add_articles([tuesday], clashes=clashes) == (0, 0, 0)
    assert clashes == [IdClash(0, "1", "")]
    # in one batch too (the first run over a folder of such exports; another day's copy of
    # monday's text would be the stored article, whatever its id)
    clashes.clear()
    other_day = dict(monday, id="2", text=monday["text"] + " Stok di gudang masih cukup.")
    assert store.add_articles([other_day, dict(tuesday, id="2")], clashes=clashes)[0] == 1
    assert clashes == [IdClash(1, "2", "")]
    # a correction without a URL is still a correction
    fixed = dict(monday, text=monday["text"] + " Harga diperkirakan turun pekan depan.")
    assert store.id_clashes([fixed]) == []
    assert store.add_articles([fixed]) == (0, 1, 1)
    stored = {r["id"]: r for group in store.stored_articles() for r in group}
    assert stored["1"]["title"] == monday["title"] and stored["1"]["text"] == fixed["text"]


def test_compact_gives_a_dropped_versions_space_back(store: Store, db_url: str) -> None:
    # seen by an operator: on PostgreSQL `db drop-version --compact` left the scores table its
    # size (a plain VACUUM marks dead rows' space for reuse only), where the README promised the
    # space back
    store.add_articles(make_articles(300))
    for version in ("v1", "v2"):
        run = store.start_run(version)
        while claimed := store.claim(run, version, 50):
            # records the size of a real one's (actors, quotes, evidence), text that compresses
            # no better than a record does
            padded = [dict(score_record(a, version), note=os.urandom(3000).hex()) for a in claimed]
            store.save_scores(run, version, padded)
        store.finish_run(run, "ok")

    def size() -> int:
        if db_url.startswith("postgresql://"):
            return int(raw_execute(db_url, "SELECT pg_total_relation_size('scores')")[0][0])
        # the file and its write-ahead log, where the latest writes may still be
        return sum(os.path.getsize(p) for p in (db_url, f"{db_url}-wal") if os.path.exists(p))

    before = size()
    assert store.drop_version("v1") == 300
    store.compact()
    assert size() < before * 0.8
    assert len(store.scores_frame("v2")) == 300


def test_a_resend_at_a_noisier_address_of_the_page_keeps_the_stored_url(store: Store) -> None:
    # seen by an operator: re-sent copies under the tracking, AMP or mobile address replaced
    # the stored URL (and counted as changed articles, scored again)
    (article,) = make_articles(1)
    plain = "https://www.contoh.co.id/jateng/d-7691566/polres-siagakan-personel"
    assert store.add_articles([dict(article, url=plain)]) == (1, 0, 0)
    for noisy in (
        "http://www.contoh.co.id/jateng/d-7691566/polres-siagakan-personel?utm_source=twitter",
        "https://m.contoh.co.id/jateng/d-7691566/polres-siagakan-personel",
        "https://www.contoh.co.id/jateng/d-7691566/polres-siagakan-personel/amp",
    ):
        assert store.add_articles([dict(article, url=noisy)]) == (0, 1, 0)  # not changed
    stored = {r["id"]: r for group in store.stored_articles() for r in group}
    assert stored[article["id"]]["url"] == plain
    # the plain address after a noisy one takes its place
    (other,) = make_articles(2)[1:]
    noisy = "https://m.contoh.co.id/jateng/d-7691567/banjir?fbclid=abc"
    store.add_articles([dict(other, url=noisy)])
    store.add_articles([dict(other, url="https://www.contoh.co.id/jateng/d-7691567/banjir")])
    stored = {r["id"]: r for group in store.stored_articles() for r in group}
    assert stored[other["id"]]["url"] == "https://www.contoh.co.id/jateng/d-7691567/banjir"
