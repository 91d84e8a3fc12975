"""DataFrames in the Python API: ``score_frame`` and ``fit`` read them as the file readers read a
file (aliases, repeated ids, empty cells), and the scored frame's missing values are None."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from media_analytics.corpus import Rejects, read_articles
from media_analytics.pipeline import MediaPipeline

from ..conftest import shared_file

DETIK = "corpora/detik-aspect-news-2025/data_berita.csv"


def detik(rows: int) -> pd.DataFrame:
    """The first rows of the detik export, as ``pd.read_csv`` gives them (integer ids)."""
    return pd.read_csv(shared_file(DETIK)).head(rows)


def test_a_repeated_id_keeps_the_first_row_and_never_confuses_duplicate_marking(
    default_pipeline,
) -> None:
    frame = detik(6)
    frame.loc[3, "id"] = (
        5  # rows 3 and 4 share id 5; row 3 is a real copy of row 2 (seen on real news)
    )
    rejects = Rejects()
    scored = default_pipeline.score_frame(frame, rejects=rejects, n_jobs=1)
    assert list(scored.index) == [0, 1, 2, 3, 5] and scored["id"].is_unique
    assert [(r.line, r.reason, r.severity) for r in rejects.errors] == [(4, "repeated_id", "error")]
    assert "row 3 (index 3)" in rejects.errors[0].message
    assert rejects.errors[0].record_id == "5"
    # the pair is marked with its original, the earlier-published row 3 (10:38, before row 2's
    # 17:00); the rejected row 4, which took row 3's id, is not confused with it
    assert scored.loc[2, "duplicate_of"] == "5"
    assert [scored.loc[i, "duplicate_of"] for i in (0, 1, 3, 5)] == [None] * 4
    # without rejects= a repeated id stops the call, as any other bad row does, naming both rows
    with pytest.raises(ValueError, match=r"^row 4 \(index 4\): id '5' was already read at row 3"):
        default_pipeline.score_frame(frame, n_jobs=1)


def test_reused_ids_of_two_exports_are_reported_not_taken_for_one_article(
    default_pipeline,
) -> None:
    first, second = detik(3), detik(6).iloc[3:]
    second = second.assign(id=[1, 2, 3])  # the next export numbers its rows from 1 again
    rejects = Rejects()
    scored = default_pipeline.score_frame(
        pd.concat([first, second], ignore_index=True), rejects=rejects, n_jobs=1
    )
    assert list(scored["id"]) == ["1", "2", "3"]
    assert [(r.line, r.reason) for r in rejects.errors] == [
        (3, "repeated_id"), (4, "repeated_id"), (5, "repeated_id")
    ]  # fmt: skip


@pytest.mark.parametrize("empty", [math.nan, None, pd.NA, ""])
def test_an_empty_body_in_a_frame_is_scored_on_its_title(
    default_pipeline, empty: Any, tmp_path: Path
) -> None:
    frame = detik(3)
    frame["isi_berita"] = frame["isi_berita"].astype(object)
    frame.loc[1, "isi_berita"] = empty
    rejects = Rejects()
    scored = default_pipeline.score_frame(frame, rejects=rejects, n_jobs=1)
    assert list(scored.index) == [0, 1, 2]
    assert [(r.line, r.reason, r.severity) for r in rejects] == [(1, "no_content", "warning")]
    # as the file reader scores the same CSV, its cell left empty
    path = tmp_path / "export.csv"
    frame.to_csv(path, index=False)
    from_file = list(default_pipeline.score(read_articles(path, dayfirst="auto"), n_jobs=1))
    assert from_file[1]["title"] == scored.loc[1, "title"]
    assert from_file[1]["themes"] == scored.loc[1, "themes"]
    assert default_pipeline.score_frame(frame, n_jobs=1).loc[1, "id"] == "2"  # no rejects=


def test_a_row_that_cannot_be_scored_stops_the_call_before_any_scoring(
    default_pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    from media_analytics import pipeline

    frame = detik(70)
    frame["isi_berita"] = frame["isi_berita"].astype(object)
    frame["judul"] = frame["judul"].astype(object)
    frame.loc[69, ["judul", "isi_berita"]] = None
    chunks: list[int] = []
    scorer = pipeline._score_chunk
    monkeypatch.setattr(
        pipeline,
        "_score_chunk",
        lambda parts, arts: chunks.append(len(arts)) or scorer(parts, arts),
    )
    # (the position as iloc counts it, and the row's own id: a user had looked for "row 69" as
    # the 69th row)
    with pytest.raises(ValueError, match=r"^row 69 \(index 69\), id '\d+': ") as raised:
        default_pipeline.score_frame(frame, n_jobs=1)
    assert chunks == []  # no article scored for nothing
    assert str(raised.value).endswith(": empty text, and no title")


def test_fit_takes_a_frame_or_records_with_an_exports_column_names() -> None:
    path = shared_file(DETIK)
    frame = pd.read_csv(path).head(40)
    settings: dict[str, Any] = {"with_topics": False, "with_sentiment": False}
    from_frame = MediaPipeline(**settings).fit(frame, n_jobs=1)
    from_records = MediaPipeline(**settings).fit(frame.to_dict("records"), n_jobs=1)
    read = list(read_articles(path, dayfirst="auto"))[:40]
    from_file = MediaPipeline(**settings).fit(read, n_jobs=1)
    # the same articles (ids, headlines, bodies) whichever way they came
    assert from_frame.model_version == from_records.model_version == from_file.model_version
    renamed = frame.rename(columns={"isi_berita": "Naskah"})
    named = MediaPipeline(**settings).fit(renamed, column_map={"Naskah": "text"}, n_jobs=1)
    assert named.model_version == from_frame.model_version
    with pytest.raises(ValueError, match=r"^no column of the frame is read as the article text"):
        MediaPipeline(**settings).fit(renamed, n_jobs=1)


def test_an_index_named_id_is_the_id(default_pipeline) -> None:
    frame = detik(3)
    scored = default_pipeline.score_frame(frame.set_index("id"), n_jobs=1)
    assert list(scored["id"]) == ["1", "2", "3"] and list(scored.index) == [1, 2, 3]


@pytest.mark.parametrize("rows", [3, 6])
def test_missing_values_of_the_scored_frame_are_none(default_pipeline, rows: int) -> None:
    # rows 0-2 have no copy and no dateline; row 3 is a copy of row 2 (seen on real news)
    scored = default_pipeline.score_frame(detik(rows), n_jobs=1)
    for column in ("duplicate_of", "dateline", "url", "source", "published_at"):
        values = list(scored[column])
        assert all(v is None or isinstance(v, str) for v in values), (column, values)
    assert scored["duplicate_of"].dtype == object and scored["dateline"].dtype == object
