"""What an analyst reads off a report of real news without another run: each story's themes and
link, and who a quoted speaker is (skipped when the shared data is absent)."""

from __future__ import annotations

import csv
import json
import re
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from media_analytics.reports import build_report, records_to_frames, top_speakers

from ..conftest import shared_file

pytestmark = [pytest.mark.shared_data, pytest.mark.slow]

# the police, election and dialogue news of CLICK-ID (the kind a police PR office monitors)
_MONITORED = re.compile(r"kapolda|kakorlantas|kapolri|kapolres|pilkada|pemilu|curhat|dialog", re.I)


def _monitored(n: int) -> list[dict[str, Any]]:
    path = shared_file("corpora/clickid-news-articles/clickid_articles_80.csv")
    csv.field_size_limit(1 << 30)
    rows = []
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if _MONITORED.search(row["title"] + " " + row["content"][:3000]):
                rows.append(row)
            if len(rows) == n:
                break
    return [
        {
            "id": row["article_id"],
            "title": row["title"],
            "text": row["content"],
            "published_at": row["date"],
            "source": row["source"],
            "url": row["url"],
        }
        for row in rows
    ]


@pytest.fixture(scope="module")
def scored(default_pipeline: Any) -> list[dict[str, Any]]:
    return list(default_pipeline.score(_monitored(600), n_jobs=1))


@pytest.fixture(scope="module")
def scored_file(scored: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scored") / "scored.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for record in scored:
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    return path


def _stories(scored: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The records a report counts as stories (each syndicated group's original)."""
    return {r["id"]: r for r in scored if not r.get("duplicate_of")}


def test_each_story_carries_its_themes_and_its_link(scored, tmp_path) -> None:
    # seen on real news: stories.csv had neither, so finding the stories of a theme took one
    # `report --theme X` run per theme, and an article could not be opened from the report
    paths = build_report(scored, tmp_path)
    table = pd.read_csv(paths["csv:stories"], keep_default_na=False)
    records = _stories(scored)
    assert set(table["id"]) == set(records)
    for row in table.itertuples():
        record = records[row.id]
        assert row.themes == "; ".join(t["theme"] for t in record["themes"])
        assert row.url == record["url"]
    assert (table["themes"] != "").sum() >= 40  # the themes the records carry, all of them
    assert table["themes"].str.contains("; ").any()  # two themes in one story
    # in the HTML, the stories of the themes, each title a link to its article
    html = paths["html"].read_text(encoding="utf-8")
    themed = table[table["themes"] != ""]
    assert 'id="stories"' in html
    for row in themed.itertuples():
        link = f'<a href="{escape(row.url)}" rel="noreferrer noopener">{escape(row.title)}</a>'
        assert link in html, row.title
        assert f'<td class="long">{escape(row.themes)}</td>' in html
    # the report loads nothing: the links are links, not resources
    assert not re.search(r"\ssrc=\"(https?:)?//", html)
    markdown = paths["markdown"].read_text(encoding="utf-8")
    syndicated = pd.read_csv(paths["csv:syndicated"], keep_default_na=False)
    assert {"themes", "url"} <= set(syndicated.columns)
    for row in syndicated.head(10).itertuples():  # (the summary's rows)
        assert f"]({row.url})" in markdown


def test_a_quoted_speaker_shows_their_role_and_title(scored, tmp_path) -> None:
    # seen on real news: "Gatot Eddy Pramono | 62 quotes" did not say that he is the Kapolda
    data = records_to_frames(scored)
    speakers = top_speakers(data, 30).set_index("speaker")
    assert list(speakers.columns[:2]) == ["title", "role"]
    assert speakers.loc["Gatot Eddy Pramono", "role"] == "Kapolda Metro Jaya"
    assert speakers.loc["Refdi Andri", "role"] == "Kakorlantas Polri"
    assert speakers.loc["Tito Karnavian", "role"] == "Kapolri"
    # each is the role the stories give the speaker most often
    for name, role in speakers["role"].dropna().items():
        given = data.actors.loc[data.actors["name"] == name, "role"].value_counts()
        assert given[role] == given.max(), name
    table = pd.read_csv(build_report(scored, tmp_path)["csv:top_speakers"])
    assert list(table.columns) == ["speaker", "title", "role", "quotes", "articles", "latest_quote"]
