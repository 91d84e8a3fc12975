"""A report on chosen themes (``report --theme``): every section keeps to the stories carrying
them, and the sections that measure against all stories say so; periods cut short say so too."""

from __future__ import annotations

import logging
import re
from typing import Any

import pandas as pd

from media_analytics.reports import build_report

from .conftest import _record


def _story(rid: str, theme: str | None, person: str, province: str, tone: str) -> dict[str, Any]:
    return _record(
        rid,
        "2024-11-20",
        f"Outlet {rid}",
        themes=[{"theme": theme, "score": 0.9, "evidence": ["x"]}] if theme else [],
        sentiment={"label": tone, "score": 0.9},
        actors=[
            {
                "name": person,
                "type": "person",
                "region": {"province": province},
                "sentiment": {"label": tone, "score": 0.9},
            }
        ],
        quotes=[{"speaker": person, "text": f"Kata {person}.", "verb": "ujar"}],
        topic={"id": len(rid), "label": rid, "score": 0.5},
    )


RECORDS = [
    _story("p1", "pilkada_security", "Budi Santoso", "Jawa Tengah", "positive"),
    _story("d1", "public_dialogue", "Hendry", "Jawa Timur", "negative"),
    _story("x1", None, "Siti Aminah", "Bali", "negative"),
]


def test_a_theme_filter_narrows_every_section_to_the_stories_carrying_the_theme(tmp_path):
    paths = build_report(RECORDS, tmp_path, themes=["pilkada_security"])

    def table(name: str) -> pd.DataFrame:
        return pd.read_csv(paths[f"csv:{name}"])

    assert table("top_speakers")["speaker"].tolist() == ["Budi Santoso"]
    assert table("top_actors")["actor"].tolist() == ["Budi Santoso"]
    assert table("share_of_voice_actor")["actor"].tolist() == ["Budi Santoso"]
    assert table("sentiment_by_actor")["actor"].tolist() == ["Budi Santoso"]
    tone = table("sentiment_over_time")
    assert (tone["n"].sum(), tone["positive"].sum(), tone["negative"].sum()) == (1, 1, 0)
    assert table("volume_outlet").query("articles > 0")["outlet"].tolist() == ["Outlet p1"]
    assert table("volume_region").query("articles > 0")["province"].tolist() == ["Jawa Tengah"]
    assert table("stories")["id"].tolist() == ["p1"]
    markdown = paths["markdown"].read_text(encoding="utf-8")
    html = paths["html"].read_text(encoding="utf-8")
    for text in (markdown, html):
        assert "only the 1 stories carrying them" in text  # the header says what was kept
        assert "Measured against all stories of each period" in text  # the spike section
        assert "Siti Aminah" not in text and "Hendry" not in text


def test_the_share_of_voice_between_themes_is_the_same_with_and_without_the_filter(tmp_path):
    everything = build_report(RECORDS, tmp_path / "all")
    chosen = build_report(RECORDS, tmp_path / "ps", themes=["pilkada_security", "absent"])
    shares = pd.read_csv(everything["csv:share_of_voice_theme"]).set_index("theme")["share"]
    voice = pd.read_csv(chosen["csv:share_of_voice_theme"])
    assert voice["theme"].tolist() == ["pilkada_security", "absent"]
    assert voice["share"].tolist() == [shares["pilkada_security"], 0.0] == [0.5, 0.0]
    html = chosen["html"].read_text(encoding="utf-8")
    assert "their shares are the same as without the filter (of all themes" in html
    assert "share of all mentions of themes" in everything["html"].read_text(encoding="utf-8")


def test_partial_first_and_last_periods_are_flagged_and_the_axes_titled(tmp_path):
    """--since on a Sunday left a one-day first week that the chart and the CSV showed as a
    normal week; the tables now mark it in ``partial`` and the charts' captions name it."""
    paths = build_report(RECORDS, tmp_path, since="2024-11-17", until="2024-11-26")
    volume = pd.read_csv(paths["csv:volume_total"])
    assert volume[["period", "partial"]].values.tolist() == [
        ["2024-11-11", True],  # Sunday the 17th only
        ["2024-11-18", False],
        ["2024-11-25", True],  # Monday the 25th and Tuesday the 26th only
    ]
    tone = pd.read_csv(paths["csv:sentiment_over_time"])
    assert tone["partial"].tolist() == [True, False, True]
    html = paths["html"].read_text(encoding="utf-8")
    assert html.count("2024-11-11 (from 2024-11-17), 2024-11-25 (to 2024-11-26)") == 2
    assert re.search(r'class="y-title"[^>]*>stories per week<', html)
    assert re.search(r'class="y-title"[^>]*>share of stories<', html)
    # without --since/--until, the data's own first and last days cut their weeks short
    plain = build_report(RECORDS, tmp_path / "plain")
    assert pd.read_csv(plain["csv:volume_total"])["partial"].tolist() == [True]


def test_the_stories_per_theme_table_marks_partial_periods_as_its_note_says(tmp_path):
    """The note above "Stories per theme and period" said the tables mark partial periods in
    their partial column, but that table (a column per theme) had none: a 3-day week read as
    a full one. It now has ``partial`` beside ``period`` in Markdown and HTML."""
    paths = build_report(RECORDS, tmp_path, since="2024-11-17", until="2024-11-26")
    markdown = paths["markdown"].read_text(encoding="utf-8")
    section = markdown.split("## Stories per theme and period", 1)[1].split("\n## ", 1)[0]
    assert "the tables mark them in their partial column" in section
    rows = [line for line in section.splitlines() if line.startswith("|")]
    assert [c.strip() for c in rows[0].strip("|").split("|")][:2] == ["period", "partial"]
    assert [[c.strip() for c in r.strip("|").split("|")][:2] for r in rows[2:]] == [
        ["2024-11-11", "yes"],
        ["2024-11-18", "no"],
        ["2024-11-25", "yes"],
    ]
    html = paths["html"].read_text(encoding="utf-8")
    table = html.split(">Stories per theme and week<", 1)[1].split("</table>", 1)[0]
    assert re.search(r"<th[^>]*>period</th><th[^>]*>partial</th>", table)
    assert len(re.findall(r"<td[^>]*>yes</td>", table)) == 2


def test_a_theme_named_by_its_taxonomy_name_or_in_capitals_is_the_theme(tmp_path, caplog):
    # seen in use: --theme "Keamanan Pilkada" (the taxonomy's own name) and Pilkada_Security
    for asked in ("Keamanan Pilkada", "Pilkada_Security", "election security and public order"):
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="media_analytics.reports"):
            paths = build_report(RECORDS, tmp_path / asked, themes=[asked])
        stories = pd.read_csv(paths["csv:stories"])
        assert stories["id"].tolist() == ["p1"], asked
        said = [r.getMessage() for r in caplog.records if "pilkada_security" in r.getMessage()]
        assert said and f"{asked!r}" in said[0] and "no story carries" not in caplog.text
        assert len([m for m in said if "read as" in m]) == 1


def test_the_headline_cards_and_about_count_the_outlets_of_the_stories_shown(tmp_path):
    """Under --theme the cards read "1 stories ... 4 outlets": the outlets were those of every
    story the other filters kept, and "Stories" under About was that count, unlabelled. The
    cards now count the outlets carrying the stories shown, and About gives both counts, each
    labelled."""
    copy = {**RECORDS[0], "id": "p1-copy", "source": "Outlet copy", "duplicate_of": "p1"}
    records = [*RECORDS, copy]  # 3 stories in 4 outlets; the one on pilkada_security in 2
    paths = build_report(records, tmp_path, themes=["pilkada_security"])
    html = paths["html"].read_text(encoding="utf-8")
    cards = dict(
        (label, int(n))
        for n, label in re.findall(
            r'<div class="card"><b>(\d+)</b><span class="muted">([^<]+)<', html
        )
    )
    assert (cards["stories"], cards["outlets"]) == (1, 2)
    markdown = paths["markdown"].read_text(encoding="utf-8")
    for text in (html, markdown):
        assert "1 carrying the selected theme(s); 3 without the theme filter" in text
        assert "2 carrying the selected theme(s); 4 without the theme filter" in text
    plain = build_report(records, tmp_path / "plain")["html"].read_text(encoding="utf-8")
    assert re.search(r"<b>4</b><span class=\"muted\">outlets<", plain)
    assert "<dt>Stories</dt><dd>3 (syndicated copies counted once)</dd>" in plain


def test_an_actor_asked_for_that_no_story_shown_names_is_warned_of_and_kept_in_the_tone_table(
    tmp_path, caplog
):
    """``--theme pilkada_security --actor Polri``, Polri named only in stories without the
    theme, gave ``Polri | 0 | 0.0%`` in the share of voice, no row in the tone table (which
    --help says shows the actors asked for) and not a word. Now one warning names them and
    says why, and the tone table has their rows, with no stories and no net tone."""
    with caplog.at_level(logging.WARNING, logger="media_analytics.reports"):
        paths = build_report(
            RECORDS, tmp_path, themes=["pilkada_security"], names=["Hendry", "Budi Santoso", "Zz"]
        )
    said = [r.getMessage() for r in caplog.records if "names the actor(s)" in r.getMessage()]
    outside = [m for m in said if m.startswith("no story of the report names")]
    assert len(outside) == 1 and "'Hendry'" in outside[0] and "Budi" not in outside[0]
    assert "carry none of the selected theme(s) (pilkada_security)" in outside[0]
    # a name no story at all names (a typo) keeps its own warning, and only that one
    assert [m for m in said if "'Zz'" in m] == [m for m in said if m.startswith("no story names")]
    voice = pd.read_csv(paths["csv:share_of_voice_actor"])
    assert voice[["actor", "articles"]].values.tolist() == [
        ["Hendry", 0],
        ["Budi Santoso", 1],
        ["Zz", 0],
    ]
    tone = pd.read_csv(paths["csv:sentiment_by_actor"]).set_index("actor")
    assert tone.index.tolist() == ["Budi Santoso", "Hendry", "Zz"]
    assert tone.loc["Budi Santoso", ["positive", "n"]].tolist() == [1, 1]
    for name in ("Hendry", "Zz"):
        assert tone.loc[name, ["positive", "neutral", "negative", "n"]].tolist() == [0, 0, 0, 0]
        assert pd.isna(tone.loc[name, "net_tone"])
    # without the filter Hendry's story is shown: no warning of him, and his tone
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="media_analytics.reports"):
        plain = build_report(RECORDS, tmp_path / "plain", names=["Hendry"])
    assert "names the actor(s)" not in caplog.text
    tone = pd.read_csv(plain["csv:sentiment_by_actor"]).set_index("actor")
    assert tone.loc["Hendry", ["negative", "n"]].tolist() == [1, 1]
