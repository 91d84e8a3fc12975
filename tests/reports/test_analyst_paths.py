"""What an analyst does between scoring and reporting: keep scores in Parquet, score a
DataFrame, name themes and actors, read records twice."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from media_analytics.corpus import articles_to_frame, read_articles
from media_analytics.reports import build_report, records_to_frames, share_of_voice
from media_analytics.resources import sample_dir

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def scored_frame(default_pipeline: Any) -> Any:
    frame = articles_to_frame(list(read_articles(sample_dir(), dayfirst=True)))
    return default_pipeline.score_frame(frame, n_jobs=1)


def test_score_frame_marks_copies_and_keeps_the_index(
    default_pipeline: Any, scored_frame: Any
) -> None:
    gold = {}
    for path in sorted(sample_dir().glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            gold[record["id"]] = record["gold"]["duplicate_of"]
    marked = dict(zip(scored_frame["id"], scored_frame["duplicate_of"], strict=True))
    copies = {k for k, v in gold.items() if v}
    found = {k for k, v in marked.items() if isinstance(v, str)}
    assert len(copies) == 15
    # the written copies are found (the sample's gold), and little else
    assert len(found & copies) >= 13
    assert len(found - copies) <= 2
    data = records_to_frames(scored_frame)
    assert len(data.stories) == len(scored_frame) - len(found)

    frame = articles_to_frame(list(read_articles(sample_dir(), dayfirst=True))).head(6)
    frame.index = [f"art{i}" for i in range(100, 106)]
    scored = default_pipeline.score_frame(frame, n_jobs=1, duplicates=False)
    assert list(scored.index) == list(frame.index)
    assert scored["duplicate_of"].isna().all()
    frame["themes"] = scored["themes"]  # aligned by label
    assert frame["themes"].notna().all()


def test_scores_kept_in_parquet_give_the_same_report(scored_frame: Any, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    scored_frame.to_parquet(tmp_path / "s.parquet")
    back = pd.read_parquet(tmp_path / "s.parquet")
    direct, again = records_to_frames(scored_frame), records_to_frames(back)
    for name in ("stories", "themes", "actors", "quotes"):
        left, right = getattr(direct, name), getattr(again, name)
        assert len(left) == len(right) > 0, name
    pd.testing.assert_frame_equal(direct.actors, again.actors, check_dtype=False)
    assert build_report(back, tmp_path / "report")["html"].exists()
    from media_analytics.cli import main

    # the command reads them too
    assert main(["report", str(tmp_path / "s.parquet"), "--out", str(tmp_path / "r2")]) == 0
    stories = pd.read_csv(tmp_path / "r2" / "tables" / "stories.csv")
    assert len(stories) == len(direct.stories)


def test_a_theme_or_actor_named_twice_counts_once(scored_frame: Any, tmp_path: Path) -> None:
    data = records_to_frames(scored_frame)
    once = share_of_voice(data, "actor", names=["KPU", "Polri"], period=None)
    twice = share_of_voice(data, "actor", names=["KPU", "Polri", "Polri"], period=None)
    pd.testing.assert_frame_equal(once, twice)
    one = build_report(scored_frame, tmp_path / "a", themes=["pilkada_security"])
    two = build_report(scored_frame, tmp_path / "b", themes=["pilkada_security"] * 2)
    for key in ("csv:spikes", "csv:share_of_voice_theme"):
        assert one[key].read_text() == two[key].read_text()


def test_records_read_twice_count_once(scored_frame: Any, caplog: pytest.LogCaptureFixture) -> None:
    records = scored_frame.to_dict(orient="records")
    with caplog.at_level(logging.WARNING):
        doubled = records_to_frames(records + records)
    single = records_to_frames(records)
    assert "repeat the id of a record read before" in caplog.text
    assert len(doubled.stories) == len(single.stories)
    assert doubled.n_duplicates == single.n_duplicates


def test_a_later_record_of_an_id_is_the_one_counted(scored_frame: Any) -> None:
    """Yesterday's and today's scored files: the corrected article counts, as with --db."""
    records = scored_frame.to_dict(orient="records")
    first = records[0]
    corrected = {**first, "title": "Judul yang sudah diralat", "themes": []}
    data = records_to_frames([*records, corrected])
    story = data.stories[data.stories["id"] == first["id"]]
    assert story["title"].tolist() == ["Judul yang sudah diralat"]
    assert first["id"] not in set(data.themes["id"])  # the correction carries no theme
    assert first["themes"]  # (the first record had some)


def test_actor_names_the_cli_cannot_use_are_said_so(scored_frame: Any, tmp_path: Path) -> None:
    path = tmp_path / "scored.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for record in scored_frame.to_dict(orient="records"):
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    cmd = [sys.executable, "-m", "media_analytics.cli", "report", str(path), "--out"]
    done = subprocess.run(
        [*cmd, str(tmp_path / "r1"), "--actor", "KPU", "--actor", "Tak Ada Orangnya"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "no story names the actor(s) 'Tak Ada Orangnya'" in done.stderr
    data = records_to_frames(scored_frame)
    forms = data.actors.dropna(subset=["written"])
    forms = forms[forms["written"] != forms["name"]]
    assert len(forms), "the sample has an actor written in two forms"
    written, name = forms.iloc[0][["written", "name"]]
    done = subprocess.run(
        [*cmd, str(tmp_path / "r2"), "--actor", written, "--actor", name],
        capture_output=True,
        text=True,
    )
    # two forms of one actor: compared once, under the first, and said in one warning line
    assert done.returncode == 0, done.stderr
    said = [line for line in done.stderr.splitlines() if "one actor" in line]
    assert said == [
        f"WARNING media_analytics.reports.tables: {written!r} and {name!r} are one actor in "
        f"these records (counted under {name!r}): compared once, as {written!r}"
    ]
    voice = pd.read_csv(tmp_path / "r2" / "tables" / "share_of_voice_actor.csv")
    assert voice["actor"].tolist() == [written]
    assert "Traceback" not in done.stderr


def test_tag_results_keep_the_thresholds_they_were_given(default_pipeline: Any) -> None:
    tagger = default_pipeline.themes_
    frame = articles_to_frame(list(read_articles(sample_dir(), dayfirst=True)))
    text, title = frame.iloc[0]["text"], frame.iloc[0]["title"]
    from media_analytics.preprocessing import clean_article

    body = clean_article(text).text
    [batch] = tagger.tag_many([body], [title])
    single = tagger.tag(body, title)
    before = (single.themes(), batch.themes())
    old = tagger.thresholds_[tagger.taxonomy_.ids[0]]
    try:
        tagger.set_threshold(tagger.taxonomy_.ids[0], 0.999)
        assert (single.themes(), batch.themes()) == before
    finally:
        tagger.set_threshold(tagger.taxonomy_.ids[0], old)
