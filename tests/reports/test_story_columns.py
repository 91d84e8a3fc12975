"""What an analyst reads off a report of real news without another run: each story's themes and
link, who a quoted speaker is, and the actors of a role (skipped when the shared data is absent)."""

from __future__ import annotations

import json
import logging
import re
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from media_analytics.cli import main
from media_analytics.reports import build_report, records_to_frames, share_of_voice, top_speakers

from ..conftest import clickid_articles

pytestmark = [pytest.mark.shared_data, pytest.mark.slow]

# the police, election and dialogue news of CLICK-ID (the kind a police PR office monitors)
_MONITORED = re.compile(r"kapolda|kakorlantas|kapolri|kapolres|pilkada|pemilu|curhat|dialog", re.I)


def _monitored(n: int) -> list[dict[str, Any]]:
    return clickid_articles(
        lambda row: bool(_MONITORED.search(row["title"] + " " + row["content"][:3000])), n
    )


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
        # each theme, in the row, with its evidence after it (see test_theme_evidence.py)
        cells = html.split(link, 1)[1].split("</tr>", 1)[0]
        assert [f"<b>{escape(t)}</b>: " in cells for t in row.themes.split("; ")] == [True] * len(
            row.themes.split("; ")
        )
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


def test_an_actor_may_be_asked_for_by_role(scored, scored_file, tmp_path, caplog) -> None:
    # seen on real news: `report --actor Kapolda` said "no story names the actor(s) 'Kapolda'"
    # though many records give an actor the role "Kapolda Metro Jaya" or "Kapolda Jatim"
    def holding(role: str) -> set[str]:
        lead = re.compile(rf"{re.escape(role)}(?!\w)", re.I)
        return {
            rid
            for rid, r in _stories(scored).items()
            if any(lead.match(a.get("role") or "") for a in r["actors"])
        }

    out = tmp_path / "r"
    with caplog.at_level(logging.INFO):
        code = main([
            "report", str(scored_file), "--out", str(out), "--actor", "Kapolda",
            "--actor", "Kapolda Metro Jaya", "--actor", "Tak Ada Orangnya",
        ])  # fmt: skip
    assert code == 0
    assert "no story names the actor(s) 'Kapolda'" not in caplog.text
    assert "no story names the actor(s) 'Tak Ada Orangnya'" in caplog.text  # a name, as before
    assert "'Kapolda' is no actor's name" in caplog.text
    voice = pd.read_csv(out / "tables" / "share_of_voice_actor.csv").set_index("actor")
    kapolda, metro = holding("Kapolda"), holding("Kapolda Metro Jaya")
    assert len(metro) >= 8 and len(kapolda) >= 30 and metro < kapolda
    assert voice.loc["Kapolda", "articles"] == len(kapolda)
    assert voice.loc["Kapolda Metro Jaya", "articles"] == len(metro)
    assert voice.loc["Tak Ada Orangnya", "articles"] == 0
    # a deputy is not the Kapolda
    data = records_to_frames(scored)
    from media_analytics.reports.tables import role_matches

    deputy = data.actors["role"].str.startswith("Wakil Kapolda", na=False)
    assert deputy.any()
    assert not role_matches(data.actors, ["Kapolda"])["Kapolda"][deputy].any()
    # the tone toward the role's holders, after the top actors, and the report says what it
    # counted (and the name no story names last, with no stories)
    tone = pd.read_csv(out / "tables" / "sentiment_by_actor.csv")
    assert tone["actor"].tolist()[-3:] == ["Kapolda", "Kapolda Metro Jaya", "Tak Ada Orangnya"]
    assert tone["n"].tolist()[-1] == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Kapolda is a role: the stories naming an actor whose role starts with it" in html
    # an actor's name stays that actor's, exactly as before
    by_name = share_of_voice(data, "actor", names=["Gatot Eddy Pramono"]).set_index("actor")
    gatot = set(data.actors.loc[data.actors["name"] == "Gatot Eddy Pramono", "id"])
    assert by_name.loc["Gatot Eddy Pramono", "articles"] == len(gatot)
