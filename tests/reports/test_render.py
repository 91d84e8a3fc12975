"""build_report and the renderers: files written, provenance, self-contained HTML, exports."""

from __future__ import annotations

import logging
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pytest

from media_analytics.reports import build_report, markdown_table

from .conftest import with_synthetic_actors

MADE = datetime(2025, 1, 2, 3, 4, tzinfo=timezone.utc)


@pytest.fixture
def report(tmp_path, syndicated_records):
    paths = build_report(syndicated_records, tmp_path / "out", generated_at=MADE, title="Uji")
    return paths, paths["html"].read_text(encoding="utf-8")


def test_files_written(report):
    paths, _ = report
    assert paths["html"].name == "report.html"
    assert paths["markdown"].name == "report.md"
    csvs = {k.split(":", 1)[1] for k in paths if k.startswith("csv:")}
    assert {"spikes", "volume_theme", "volume_outlet", "volume_region", "volume_topic",
            "share_of_voice_theme", "sentiment_over_time", "sentiment_by_actor", "top_actors",
            "top_speakers", "emerging_topics", "syndicated", "stories"} <= csvs  # fmt: skip
    assert all(p.exists() for p in paths.values())


def test_provenance_in_html_and_markdown(report):
    paths, html = report
    markdown = paths["markdown"].read_text(encoding="utf-8")
    for text in (html, markdown):
        assert "2025-01-02 03:04 UTC" in text
        assert "test-1" in text  # model version
        assert "2024-11-25 to 2024-11-27" in text
        assert "Records read" in text and "7" in text
    assert re.search(r"<dt>Stories</dt><dd>3 \(", html)
    assert "<dt>Duplicates folded</dt><dd>4</dd>" in html
    assert "- **Duplicates folded:** 4" in markdown


def test_syndicated_story_shows_five_outlets(report):
    paths, html = report
    assert "Polisi siagakan personel di TPS rawan" in html
    row = pd.read_csv(paths["csv:syndicated"])
    assert row[["id", "n_outlets"]].to_dict("records") == [{"id": "s1", "n_outlets": 5}]
    assert re.search(r"<td class=\"num\">5</td>", html)
    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert "| Polisi siagakan personel di TPS rawan | Outlet A | 5 |" in markdown


def test_html_is_self_contained_and_phone_ready(report):
    _, html = report
    assert "<script" not in html.lower()
    assert "<link" not in html.lower()
    assert not re.search(r"\s(src|href)=\"(https?:)?//", html)
    # the only URL is the SVG namespace, which is a name, not a download
    assert set(re.findall(r"https?://[^\s\"'<>]+", html)) <= {"http://www.w3.org/2000/svg"}
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "overflow-x: auto" in html and 'class="table-wrap"' in html
    assert html.count("<svg") == html.count("</svg>") >= 2


def test_story_titles_link_to_their_articles(tmp_path, syndicated_records):
    theme = [{"theme": "public_dialogue", "score": 0.9, "evidence": []}]
    extra = {
        "s1": {"url": "https://warta.example/read/1?a=1&b=2"},
        "n1": {"url": "javascript:alert(1)", "themes": theme},  # a feed's URL, never run
    }
    records = [{**r, **extra.get(r["id"], {})} for r in syndicated_records]
    paths = build_report(records, tmp_path)
    html = paths["html"].read_text(encoding="utf-8")
    title = "Polisi siagakan personel di TPS rawan"
    link = (
        f'<a href="https://warta.example/read/1?a=1&amp;b=2" rel="noreferrer noopener">{title}</a>'
    )
    assert html.count(link) == 2  # the syndicated stories and the stories by theme
    assert "javascript:" not in html and '<td class="long">Judul n1</td>' in html
    assert "<th>url</th>" not in html  # the link is the title's
    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert f"| [{title}](https://warta.example/read/1?a=1&amp;b=2) | Outlet A | 5 |" in markdown
    stories = pd.read_csv(paths["csv:stories"], keep_default_na=False).set_index("id")
    assert stories.loc["s1", "url"] == "https://warta.example/read/1?a=1&b=2"
    assert stories.loc["n1", "themes"] == "public_dialogue"
    assert stories.loc["n2", ["url", "themes"]].tolist() == ["", ""]


def test_html_escapes_text(tmp_path, syndicated_records):
    records = [{**r, "title": "<b>Bold</b> & co"} if r["id"] == "n1" else r
               for r in syndicated_records]  # fmt: skip
    paths = build_report(records, tmp_path, title="<script>alert(1)</script>")
    html = paths["html"].read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_csv_matches_the_tables(tmp_path, sample_records):
    paths = build_report(sample_records, tmp_path, generated_at=MADE)
    volume = pd.read_csv(paths["csv:volume_theme"], parse_dates=["period"])
    week = volume[(volume["theme"] == "pilkada_security") & (volume["period"] == "2024-11-25")]
    assert week[["articles", "total"]].values.tolist() == [[20, 30]]
    spikes = pd.read_csv(paths["csv:spikes"])
    assert spikes["theme"].tolist() == ["pilkada_security"]
    stories = pd.read_csv(paths["csv:stories"])
    assert len(stories) == 315
    assert stories["n_outlets"].sum() == 330


def test_excel_skipped_without_openpyxl(tmp_path, syndicated_records, monkeypatch, caplog):
    """``pip install .`` has no openpyxl: the workbook was left out with an INFO line among
    twenty. It is now a warning naming the extra that installs it (one pyproject.toml has)."""
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if it were not installed
    with caplog.at_level(logging.INFO, logger="media_analytics.reports"):
        paths = build_report(syndicated_records, tmp_path)
    assert "excel" not in paths
    assert not (tmp_path / "tables.xlsx").exists()
    said = [r for r in caplog.records if "openpyxl is not installed" in r.getMessage()]
    assert [r.levelno for r in said] == [logging.WARNING]
    extra = re.search(r"pip install 'media-analytics\[(\w+)\]'", said[0].getMessage())
    assert extra and "tables.xlsx is not written" in said[0].getMessage()
    project = (Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(rf'^{extra[1]} = \["openpyxl', project, re.MULTILINE)


def test_no_excel_writes_none_and_says_nothing(tmp_path, syndicated_records, monkeypatch, caplog):
    """A daily job's mail got the openpyxl warning every day (seen in a trial): ``report
    --no-excel`` asks for the CSV tables only."""
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if it were not installed
    with caplog.at_level(logging.INFO, logger="media_analytics.reports"):
        paths = build_report(syndicated_records, tmp_path, excel=False)
    assert "excel" not in paths and not (tmp_path / "tables.xlsx").exists()
    assert "csv:stories" in paths
    assert not [r for r in caplog.records if "openpyxl" in r.getMessage()]
    with caplog.at_level(logging.INFO, logger="media_analytics.reports"):
        build_report(syndicated_records, tmp_path / "again")
    said = [r.getMessage() for r in caplog.records if "openpyxl" in r.getMessage()]
    assert len(said) == 1 and "report --no-excel" in said[0]


def test_excel_written_with_openpyxl(tmp_path, syndicated_records):
    openpyxl = pytest.importorskip("openpyxl")
    paths = build_report(syndicated_records, tmp_path)
    book = openpyxl.load_workbook(paths["excel"], read_only=True)
    assert book.sheetnames[:2] == ["volume_surges", "spikes"]  # the briefing's order
    assert "syndicated" in book.sheetnames
    sheet = pd.read_excel(paths["excel"], sheet_name="syndicated")
    assert sheet["n_outlets"].tolist() == [5]


def test_filters_are_applied_and_reported(tmp_path, sample_records):
    records = with_synthetic_actors(sample_records)
    paths = build_report(
        records,
        tmp_path,
        themes=["pilkada_security", "public_dialogue"],
        sources=["Warta Dumai", "Kabar Pesisir"],
        since="2024-10-01",
        until="2024-11-30",
        names=["Budi Santoso", "Sri Wahyuni"],
    )
    stories = pd.read_csv(paths["csv:stories"], parse_dates=["date"])
    assert stories["date"].between("2024-10-01", "2024-11-30").all()
    assert set(stories["source"]) <= {"Warta Dumai", "Kabar Pesisir"}
    themes = set(pd.read_csv(paths["csv:volume_theme"])["theme"])
    assert themes == {"pilkada_security", "public_dialogue"}
    voice = pd.read_csv(paths["csv:share_of_voice_actor"])
    assert voice["actor"].tolist() == ["Budi Santoso", "Sri Wahyuni"]
    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert "sources: Warta Dumai, Kabar Pesisir" in markdown
    assert "themes: pilkada_security, public_dialogue" in markdown


def test_month_period_and_no_stories(tmp_path, sample_records):
    monthly = build_report(sample_records, tmp_path / "m", period="M")
    assert len(pd.read_csv(monthly["csv:volume_total"])) == 4  # September to December
    # a period asked for is shown whole: its quiet months at either end as zeros
    year = build_report(sample_records, tmp_path / "y", period="M", since="2024-06-01",
                        until="2025-01-31")  # fmt: skip
    totals = pd.read_csv(year["csv:volume_total"])
    assert len(totals) == 8  # June 2024 to January 2025
    assert totals.iloc[0]["period"].startswith("2024-06") and totals.iloc[0]["articles"] == 0
    assert totals.iloc[-1]["period"].startswith("2025-01") and totals.iloc[-1]["articles"] == 0
    empty = build_report([], tmp_path / "e")
    html = empty["html"].read_text(encoding="utf-8")
    assert "(no stories)" in html and "Nothing to show." in html


def test_markdown_table():
    frame = pd.DataFrame({"name": ["a|b"], "share": [0.25], "n": [3]})
    assert markdown_table(frame).splitlines() == [
        "| name | share | n |",
        "| --- | ---: | ---: |",
        "| a\\|b | 25.0% | 3 |",
    ]


def test_records_without_sentiment(tmp_path, syndicated_records):
    records = [{**r, "sentiment": None} for r in syndicated_records]
    paths = build_report(records, tmp_path)
    html = paths["html"].read_text(encoding="utf-8")
    assert "No sentiment labels in these records." in html
    assert 'data-chart="sentiment"' not in html
    assert "No sentiment labels" in paths["markdown"].read_text(encoding="utf-8")


@pytest.mark.parametrize("window", [{"since": "2031-01-01"}, {"until": "2001-01-01"}])
def test_a_date_window_that_leaves_no_story_gives_an_empty_report(tmp_path, sample_records, window):
    # the stories exist (with topics as the scorer writes them: integer ids) but none falls in
    # the window
    records = [
        {**r, "topic": {"id": 2, "label": "banjir, rob", "score": 0.4}} for r in sample_records
    ]
    paths = build_report(records, tmp_path / "w", **window)
    html = paths["html"].read_text(encoding="utf-8")
    assert "(no stories)" in html and "Nothing to show." in html
    assert pd.read_csv(paths["csv:stories"]).empty


def test_date_labels_carry_the_year_when_a_chart_spans_years():
    from media_analytics.reports.svg import line_chart

    def labels(start: str, n: int) -> list[str]:
        index = pd.date_range(start, periods=n, freq="W-MON")
        svg = line_chart(pd.DataFrame({"a": range(n)}, index=index), name="v", title="t")
        return re.findall(r">(\d\d [A-Z][a-z]{2}(?: \d{4})?)<", svg)

    within = labels("2024-01-01", 20)
    assert within and all(len(x) == 6 for x in within)  # "01 Jan": one year, no year needed
    across = labels("2023-11-06", 30)
    assert across[0] == "06 Nov 2023" and across[-1].endswith("2024")
    assert [pd.Timestamp(x) for x in across] == sorted(pd.Timestamp(x) for x in across)


@pytest.mark.parametrize("most", [1, 2, 3, 7, 10, 45, 90])
def test_an_axis_of_stories_has_whole_numbers_on_its_gridlines(most: int) -> None:
    from media_analytics.reports.svg import line_chart

    index = pd.date_range("2024-11-04", periods=3, freq="W-MON")
    svg = line_chart(pd.DataFrame({"a": [0, most, 1]}, index=index), name="v", title="t")
    ticks = [
        float(t.replace(",", "")) for t in re.findall(r'text-anchor="end"[^>]*>([\d.,]+)<', svg)
    ]
    assert len(ticks) == 5 and ticks[0] == 0 and ticks[-1] >= most
    assert all(t == int(t) for t in ticks), ticks  # no half-stories
    assert ticks[-1] <= 2 * max(most, 2)  # and the axis is not much taller than the data


@pytest.mark.parametrize("n", [2, 7, 13, 30, 52, 120, 352])
def test_date_labels_neither_overlap_nor_leave_the_chart(n: int) -> None:
    from media_analytics.reports.svg import _LABEL_CHAR_W, _W, line_chart

    index = pd.date_range("2019-11-04", periods=n, freq="W-MON")
    svg = line_chart(pd.DataFrame({"a": range(n)}, index=index), name="v", title="t")
    found = re.findall(
        r'<text x="([\d.]+)" y="[\d.]+" text-anchor="(\w+)" fill="#555">(\d\d [A-Z][a-z]{2}'
        r"(?: \d{4})?)<",
        svg,
    )
    spans = []
    for x, anchor, label in found:
        width = _LABEL_CHAR_W * len(label)
        left = {"start": float(x), "middle": float(x) - width / 2, "end": float(x) - width}[anchor]
        spans.append((left, left + width))
    assert len(spans) >= 2
    assert all(a >= 0 and b <= _W for a, b in spans), spans
    assert all(spans[i][1] < spans[i + 1][0] for i in range(len(spans) - 1)), spans


def test_exports_never_hold_live_formulas(tmp_path, sample_records):
    """Headlines and outlets come from whoever wrote them: '=HYPERLINK(...)' must stay text."""
    openpyxl = pytest.importorskip("openpyxl")
    evil = '=HYPERLINK("http://evil.example","klik")'
    records = [dict(r) for r in sample_records]
    records[0] = {**records[0], "title": evil, "source": "@SUM(A1)"}
    paths = build_report(records, tmp_path, generated_at=MADE)
    stories = pd.read_csv(paths["csv:stories"], keep_default_na=False)
    assert "'" + evil in set(stories["title"]) and evil not in set(stories["title"])
    assert "'@SUM(A1)" in set(stories["source"])
    book = openpyxl.load_workbook(paths["excel"])
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert evil in {c.value for c in cells}  # kept as text, as written


def test_markdown_escapes_article_text_and_keeps_one_bullet_per_story(tmp_path, sample_records):
    records = [
        {**r, "title": f"[POPULER] {r['title']} | Warga <Tenang> & Aman"} for r in sample_records
    ]
    paths = build_report(records, tmp_path, generated_at=MADE)
    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert "<Tenang>" not in markdown and "&lt;Tenang&gt; &amp; Aman" in markdown
    spikes = pd.read_csv(paths["csv:spikes"])
    section = markdown.split("## Spikes in attention", 1)[1].split("_Method._", 1)[0]
    bullets = [line for line in section.splitlines() if line.startswith("- ")]
    expected = sum(len(str(t).split(" | ")) for t in spikes["top_articles"])
    assert len(bullets) == expected and all(b.rstrip().endswith(")") for b in bullets)


def test_the_tone_toward_actors_says_what_it_is_and_how_well_it_was_measured(tmp_path):
    # seen on real news: the table read as a measurement of how each actor is covered, with
    # nothing saying it is a sentence classifier's reading that agrees with people 60% of the time
    actors = [
        {"name": "KPK", "type": "organization", "sentiment": {"label": "negative"}},
        {"name": "Tiongkok", "type": "place"},
    ]
    record = {"id": "r1", "published_at": "2024-12-30", "title": "Berita", "source": "X",
              "actors": actors, "sentiment": {"label": "positive"}}  # fmt: skip
    paths = build_report([record], tmp_path, generated_at=MADE)
    markdown = paths["markdown"].read_text(encoding="utf-8")
    section = markdown.split("\n## Tone toward actors\n", 1)[1].split("\n## ", 1)[0]
    caveat = section.split("| KPK | 0 | 0 | 1 | 1 | -1.00 |", 1)[1]  # under the table
    assert "Tiongkok" not in section
    html = paths["html"].read_text(encoding="utf-8")
    shown = html.split("<h3>Tone toward actors</h3>", 1)[1].split("<h3>", 1)[0]
    assert "<td>KPK</td>" in shown and "Tiongkok" not in shown
    after = shown.split("</table>", 1)[1]
    for text in (caveat, after):
        assert "sentences naming it" in text and "sentence classifier" in text
        assert "places have none" in text
        assert "about 60%" in text and "Tone toward actors" in text and "README" in text


def test_a_long_sentiment_table_shows_its_latest_periods(tmp_path, sample_records):
    paths = build_report(sample_records, tmp_path, period="D", generated_at=MADE)
    days = pd.read_csv(paths["csv:sentiment_over_time"])
    assert len(days) > 60
    html = paths["html"].read_text(encoding="utf-8")
    assert f"Last 60 of {len(days)} rows; the CSV has them all." in html
    assert str(days["period"].iloc[-1])[:10] in html


def test_markdown_has_the_actors_asked_for_their_tone_theme_volumes_and_the_latest_periods(
    tmp_path,
):
    # the Markdown left out the --actor comparison, the tone toward actors and the theme
    # volumes, and showed the oldest 10 of the periods where the HTML shows the latest
    def record(i: int) -> dict:
        own = {"label": "negative" if i == 11 else "neutral"}  # the tone toward each actor
        actors = [{"name": "DPR", "type": "organization", "sentiment": own}]
        if i == 11:
            actors.append({"name": "Polri", "type": "organization", "sentiment": own})
        day = pd.Timestamp("2025-01-06") + pd.Timedelta(weeks=i)
        return {"id": f"r{i}", "published_at": f"{day:%Y-%m-%d}",
                "title": f"Berita {i}", "source": "X", "actors": actors,
                "themes": [{"theme": "pilkada_security", "score": 0.9, "evidence": ["x"]}],
                "sentiment": {"label": "negative" if i == 11 else "neutral"}}  # fmt: skip

    paths = build_report([record(i) for i in range(12)], tmp_path, names=["Polri"], top_n=1)
    markdown = paths["markdown"].read_text(encoding="utf-8")
    sections = dict(s.split("\n", 1) for s in markdown.split("\n## ")[1:])
    assert "| Polri | 1 |" in sections["Share of voice between actors"]
    tone = sections["Tone toward actors"]
    assert (
        "| DPR | 0 | 11 | 1 | 12 | -0.08 |" in tone and "| Polri | 0 | 0 | 1 | 1 | -1.00 |" in tone
    )
    for title in ("Stories per theme and period", "Sentiment per period"):
        shown = sections[title]
        assert "| 2025-03-24 |" in shown and "| 2025-01-06 |" not in shown  # the last 10 weeks
        assert "_Last 10 of 12 rows._" in shown
    assert "| period | partial | pilkada_security |" in sections["Stories per theme and period"]
    html = paths["html"].read_text(encoding="utf-8")
    assert "<h3>Tone toward actors</h3>" in html and "<td>Polri</td>" in html
    # the share-of-voice bars say how many stories each share stands for
    voice = html[html.index('data-chart="share-of-voice-actor"') :].split("</svg>", 1)[0]
    assert ">100.0% (1)</text>" in voice  # Polri, the one actor asked for


def test_the_provenance_counts_add_up_to_the_records_read(tmp_path):
    # repeated ids, records outside the dates and of other outlets were counted in "Records
    # read" and nowhere else
    def record(rid: str, day: str | None, source: str = "X") -> dict:
        return {"id": rid, "published_at": day, "source": source, "title": rid}

    records = [
        record("a", "2025-10-02"), record("a", "2025-10-02"), record("b", "2025-10-03"),
        {**record("b2", "2025-10-03"), "duplicate_of": "b"}, record("c", None),
        record("d", "2025-09-01"), record("e", "2025-10-04", "Y"),
    ]  # fmt: skip
    paths = build_report(records, tmp_path, sources=["X"], since="2025-10-01", until="2025-10-31")
    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert "- **Records read:** 7\n" in markdown
    assert "- **Stories:** 2 " in markdown and "- **Duplicates folded:** 1\n" in markdown
    assert (
        "- **Records left out:** 1 repeated ids (each id counted once, as its last record has "
        "it); 1 undated (listed in tables/undated.csv); 1 in stories dated outside the period; "
        "1 of other outlets\n"
    ) in markdown
    # weekly, October's first and last weeks are cut short by the dates asked for: said so
    paths = build_report(
        records, tmp_path / "w", period="W", since="2025-10-01", until="2025-10-31"
    )
    markdown = paths["markdown"].read_text(encoding="utf-8")
    assert "partial: 2025-09-29 from 2025-10-01, 2025-10-27 to 2025-10-31\n" in markdown, markdown[
        :600
    ]


def test_bar_labels_of_long_names_stay_apart(tmp_path):
    from media_analytics.reports.svg import bar_chart

    names = [
        "Kota Administrasi Jakarta Pusat",
        "Kota Administrasi Jakarta Selatan",
        "Kementerian Koordinator Bidang Perekonomian Republik Indonesia",
        "Kementerian Koordinator Bidang Kemaritiman Republik Indonesia",
        "KPK",
    ]
    svg = bar_chart(names, [122, 104, 50, 40, 30], name="top-actors", title="Top actors")
    labels = re.findall(r'text-anchor="end" fill="#333">([^<]*)</text>', svg)
    assert len(labels) == len(set(labels)) == 5
    assert all(len(label) <= 20 for label in labels)
    assert labels[0].endswith("Pusat") and labels[1].endswith("Selatan")
    assert labels[4] == "KPK"
    for name in names:  # the whole name in the bar's tooltip
        assert f"<title>{name}: " in svg


def test_a_printed_report_wraps_its_tables_instead_of_cutting_them_off(report):
    """Printed or saved as PDF, a wide table (the top actors) showed a scrollbar and lost its
    last columns: on paper the tables wrap their cells and nothing scrolls."""
    _, html = report
    css = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "@media print" in css
    printed = css.split("@media print", 1)[1]
    found = re.findall(r"([^{}]+?)\s*\{([^{}]*)\}", printed.split("{", 1)[1])
    rules = {selector.strip(): body for selector, body in found}
    assert "overflow: visible" in rules[".table-wrap"]
    assert "white-space: normal" in rules["th, td, th.num, td.num"]
    assert "min-width: 0" in rules["td.long"]


def test_the_unit_above_the_axis_clears_the_chart_title() -> None:
    # seen on real news: "stories per week" printed across "Stories per theme" in a browser
    from media_analytics.reports.svg import line_chart, stacked_bar_chart

    frame = pd.DataFrame(
        {"a": [1, 3], "b": [2, 0]}, index=pd.to_datetime(["2024-11-25", "2024-12-02"])
    )
    charts = [
        line_chart(frame, name="v", title="Stories per theme", y_title="stories per week"),
        stacked_bar_chart(frame, name="s", title="Sentiment", colors={"a": "#000", "b": "#111"},
                          y_title="share of stories"),
    ]  # fmt: skip
    for svg in charts:
        title_y = float(re.search(r'class="title" x="[\d.]+" y="([\d.]+)"', svg).group(1))
        unit_y = float(re.search(r'class="y-title" x="[\d.]+" y="([\d.]+)"', svg).group(1))
        # a 12 px label's top stays below the 16 px title's descenders
        assert unit_y - 12 >= title_y + 5


def test_html_shows_stories_per_topic_and_period_for_the_largest_topics(tmp_path):
    from .conftest import _record

    # seen on real news: the report had stories per topic in total only, no view over time
    topics = {i: {"id": i, "label": f"topik {i}", "score": 0.9} for i in range(10)}
    records = [
        _record(f"r{i}-{j}", day, "Outlet A", topic=topics[i])
        for i in range(10)
        for j, day in enumerate(["2024-11-04", "2024-11-12", "2024-11-26"][: 1 + (i < 5) * 2])
    ]
    paths = build_report(records, tmp_path / "out", generated_at=MADE, title="Uji")
    html = paths["html"].read_text(encoding="utf-8")
    block = html.split("<h3>Stories per topic and week", 1)[1].split("</table>", 1)[0]
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", block)
    assert heads[:2] == ["period", "partial"]
    topic_heads = heads[2:]
    assert len(topic_heads) == 8  # the largest topics only
    assert {f"{i}: topik {i}" for i in range(5)} <= set(topic_heads)
    assert block.count("<tr>") >= 4  # every week of the range, the empty one too


def test_topic_names_rename_and_merge_topics(tmp_path):
    from media_analytics.reports import read_topic_names

    from .conftest import _record

    def topic(i):
        return {"id": i, "label": f"topik {i}", "score": 0.9}

    records = [
        _record("a", "2024-11-04", "Outlet A", topic=topic(3)),
        _record("b", "2024-11-05", "Outlet A", topic=topic(7)),
        _record("c", "2024-11-06", "Outlet A", topic=topic(7)),
        _record("d", "2024-11-06", "Outlet A", topic=topic(1)),
    ]
    names = tmp_path / "names.csv"
    names.write_text("topic_id,name\n3,Banjir\n7,Banjir\n1,Pilkada\n", encoding="utf-8")
    assert read_topic_names(names) == {3: "Banjir", 7: "Banjir", 1: "Pilkada"}
    paths = build_report(
        records, tmp_path / "out", generated_at=MADE, topic_names=read_topic_names(names)
    )
    volume = pd.read_csv(paths["csv:volume_topic"])
    totals = volume.groupby("topic")["articles"].sum().to_dict()
    assert totals == {"3: Banjir": 3, "1: Pilkada": 1}  # 3 and 7 merged under the first id
    names.write_text("topic_id,name\nx,Banjir\n", encoding="utf-8")
    with pytest.raises(ValueError, match="topic_id"):
        read_topic_names(names)


def test_topic_names_apply_to_one_models_topics(tmp_path, caplog):
    # seen by a newsroom analyst: records scored by two models in one report, topic 0 named
    # "Hiburan/Film" for one of them, and the other model's topic 0 (economy) counted under it
    from media_analytics.reports import read_topic_names

    from .conftest import _record

    def topic(i, label):
        return {"id": i, "label": label, "score": 0.9}

    old = [
        _record(f"o{k}", "2024-11-04", "Outlet A", topic=topic(0, "saham, rupiah"),
                model_version="m-old")
        for k in range(3)
    ]  # fmt: skip
    new = [
        _record(f"n{k}", "2024-11-12", "Outlet A", topic=topic(0, "film, aktor"),
                model_version="m-new")
        for k in range(2)
    ]  # fmt: skip
    names = tmp_path / "names.csv"
    names.write_text("topic_id,name\n0,Hiburan/Film\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        paths = build_report(
            old + new, tmp_path / "out", generated_at=MADE, topic_names=read_topic_names(names)
        )
    volume = pd.read_csv(paths["csv:volume_topic"])
    totals = volume.groupby("topic")["articles"].sum().to_dict()
    assert totals == {"0: Hiburan/Film": 2, "0: saham, rupiah": 3}
    assert "topic names apply to the topics of model m-new (2 stories)" in caplog.text
    assert "3 stories scored by m-old keep their own topics unnamed" in caplog.text
    assert "topics come from 2 models (m-new: 2 stories, m-old: 3 stories)" in caplog.text
    # one model's records: named as before, and no word of several models
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        build_report(new, tmp_path / "one", generated_at=MADE, topic_names={0: "Film"})
    assert "models" not in caplog.text and "model m-new" not in caplog.text
