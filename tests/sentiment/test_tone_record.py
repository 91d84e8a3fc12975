"""The tone a scored record carries: the mixture's probabilities beside its label."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path

import pandas as pd
import pytest

from media_analytics.corpus import load_clickid
from media_analytics.sentiment import LABELS
from media_analytics.sentiment.article import lean_label

from ..conftest import shared_file


@pytest.fixture(scope="module")
def clickid_scored(default_pipeline) -> tuple[list, list[dict]]:
    """400 CLICK-ID articles and the default model's records of them."""
    path = shared_file("corpora/clickid-news-articles/clickid_articles_80.csv")
    articles = list(itertools.islice(load_clickid(path), 400))
    return articles, list(default_pipeline.score(articles, n_jobs=1))


def test_a_record_carries_the_probabilities_its_label_was_read_from(
    default_pipeline, clickid_scored
) -> None:
    # seen on real news: about one CLICK-ID article in six is labelled by the mixture's lean
    # while another class is more probable (negative 0.391 with neutral at 0.53), so the score
    # alone is no confidence; the record says what the label was read from
    _, records = clickid_scored
    not_most_probable = 0
    for record in records:
        tone = record["sentiment"]
        probabilities = tone["probabilities"]
        assert list(probabilities) == list(LABELS)
        assert sum(probabilities.values()) == pytest.approx(1.0, abs=2e-4)
        assert tone["score"] == probabilities[tone["label"]]  # as before: P(label)
        lean = probabilities["positive"] - probabilities["negative"]
        assert tone["polarity"] == pytest.approx(lean, abs=2e-4)
        if min(abs(abs(tone["polarity"]) - b) for b in default_pipeline.tone_bands_) > 1e-3:
            assert tone["label"] == lean_label(tone["polarity"], default_pipeline.tone_bands_)
        not_most_probable += tone["label"] != max(probabilities, key=probabilities.__getitem__)
    assert not_most_probable >= 20


def test_explain_tone_gives_the_record_s_probabilities(default_pipeline, clickid_scored) -> None:
    articles, records = clickid_scored
    for article, record in itertools.islice(zip(articles, records, strict=True), 30):
        why = default_pipeline.explain_tone(article.text, article.title)
        shown = {k: why[k] for k in ("label", "score", "probabilities", "polarity")}
        assert shown == record["sentiment"]
        # the mixture of the two readings, at the share each had
        w = why["sentence_weight"]
        sentence = why["sentence_reading"]["probabilities"]
        whole = why["article_reading"]["probabilities"]
        mixed = {c: w * sentence[c] + (1 - w) * whole[c] for c in LABELS}
        assert why["probabilities"] == pytest.approx(mixed, abs=2e-4)


def test_the_probabilities_reach_the_lines_the_store_and_the_report_frames(
    clickid_scored, tmp_path: Path
) -> None:
    from media_analytics.reports import records_to_frames
    from media_analytics.store import open_store

    _, records = clickid_scored
    records = records[:40]
    lines = [json.loads(json.dumps(r, ensure_ascii=False)) for r in records]
    assert [r["sentiment"] for r in lines] == [r["sentiment"] for r in records]
    with open_store(tmp_path / "media.db") as store:
        store.add_articles([{"id": r["id"], "title": r["title"], "text": "-"} for r in records])
        version = records[0]["model_version"]
        run = store.start_run(version, ["x.jsonl"])
        store.claim(run, version, limit=len(records))
        store.save_scores(run, version, records)
        store.finish_run(run, "ok", {"scored": len(records)})
        stored = store.scores_frame().set_index("id")["sentiment"]
    assert [stored[r["id"]] for r in records] == [r["sentiment"] for r in records]
    # the report's stories carry them beside the score, from records and from a CSV of them
    stories = records_to_frames(records).stories.set_index("id")
    buffer = io.StringIO()
    pd.DataFrame(records).to_csv(buffer, index=False)
    from_csv = records_to_frames(pd.read_csv(io.StringIO(buffer.getvalue()))).stories
    for frame in (stories, from_csv.set_index("id")):
        for record in records:
            if record["id"] not in frame.index:  # a syndicated copy, folded into its story
                continue
            row = frame.loc[record["id"]]
            for c in LABELS:
                assert row[f"sentiment_{c}"] == record["sentiment"]["probabilities"][c]
