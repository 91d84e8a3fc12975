"""Exports of a commercial media-monitoring vendor, as a PR office receives them: semicolon
CSV (or an .xlsx sheet) with a UTF-8 byte-order mark, a report title above the header and a
summary row (``Total;6 artikel``) below the articles. Built from real articles of CLICK-ID
and of the detik 2025 export."""

from __future__ import annotations

import csv
import itertools
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from media_analytics.corpus import Article, Rejects, read_articles
from media_analytics.corpus.frames import read_frame, read_records
from media_analytics.pipeline import MediaPipeline

from ..conftest import shared_file

DETIK = "corpora/detik-aspect-news-2025/data_berita.csv"
CLICKID = "corpora/clickid-news-articles/clickid_articles_80.csv"
HEADER = ["No", "Judul", "Isi", "Tanggal Terbit", "Media", "Tautan", "Sentimen"]
BANNER = "Laporan Monitoring Media Polda Riau - 05/12/2024"
NOT_AN_ARTICLE = "no text, date or URL: not an article (a summary or footer row?)"
#: the row whose body the vendor left empty (it keeps its date and link)
EMPTY_BODY = 5


def _first(relative: str, n: int) -> list[dict[str, str]]:
    with shared_file(relative).open(encoding="utf-8", newline="") as f:
        return list(itertools.islice(csv.DictReader(f), n))


def vendor_rows() -> list[list[str]]:
    """Six real articles as the vendor's rows (three of detik, three of CLICK-ID); the fifth
    without its body, as a crawler that missed it leaves it."""
    rows = [
        [r["judul"], r["isi_berita"], r["tanggal"], "detik.com", r["tautan"]]
        for r in _first(DETIK, 3)
    ]
    rows += [
        [r["title"], r["content"], f"{r['date']} {r['time']}", r["source"], r["url"]]
        for r in _first(CLICKID, 3)
    ]
    rows[EMPTY_BODY - 1][1] = ""
    return [[str(i), *row, "Netral"] for i, row in enumerate(rows, 1)]


def write_export(path: Path, *, banner: bool = False, footer: bool = True) -> Path:
    """The vendor's semicolon CSV with a byte-order mark; ``banner``: the report's title and a
    blank line above the header; ``footer``: its ``Total;6 artikel`` row below the articles."""
    rows = vendor_rows()
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        if banner:
            f.write(f"{BANNER}\r\n\r\n")
        writer = csv.writer(f, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(rows)
        if footer:
            writer.writerow(["Total", f"{len(rows)} artikel", "", "", "", "", ""])
    return path


def last_line(path: Path) -> int:
    return len(path.read_text(encoding="utf-8-sig").splitlines())


# ------------------------------------------------------------------------ summary rows


def test_a_summary_row_is_rejected_naming_its_line_and_an_empty_body_is_still_scored(
    tmp_path: Path,
) -> None:
    # seen on real news: "Total;67 artikel" below the articles was scored as an article
    path = write_export(tmp_path / "export.csv")
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects, dayfirst="auto"))
    assert [a.title for a in articles] == [row[1] for row in vendor_rows()]
    (error,) = rejects.errors
    assert (error.line, error.reason) == (last_line(path), "not_article")
    assert str(error) == f"{path}:{last_line(path)}: '6 artikel': {NOT_AN_ARTICLE}"
    # a real row without its body has a date and a link: scored on its title, as before
    (warning,) = rejects.warnings
    assert warning.reason == "no_content" and "scored on the title alone" in warning.message
    assert articles[EMPTY_BODY - 1].text == "" and articles[EMPTY_BODY - 1].url


def test_a_headline_with_a_date_or_a_link_is_an_article_and_one_with_neither_is_not() -> None:
    (detik,) = _first(DETIK, 1)
    title = detik["judul"]
    records = [
        {"judul": title, "isi": "", "tautan": detik["tautan"]},
        {"judul": title, "isi": "", "tanggal": detik["tanggal"], "media": "detik.com"},
        {"judul": title, "isi": " ", "media": "detik.com"},  # an outlet alone tells no article
        {"judul": "Jumlah", "isi": "SCROLL TO CONTINUE WITH CONTENT"},  # nothing left to score
    ]
    rejects = Rejects()
    kept = read_records(records, rejects=rejects)
    assert [i for i, _ in kept] == [0, 1]
    assert [(r.line, r.reason) for r in rejects.errors] == [(2, "not_article"), (3, "not_article")]
    assert [r.reason for r in rejects.warnings] == ["no_content", "no_content"]
    with pytest.raises(ValueError, match="not an article"):
        Article.from_dict({"title": "Total", "text": ""})


def test_a_frame_of_the_export_leaves_the_summary_row_out_as_the_file_reader_does(
    tmp_path: Path,
) -> None:
    path = write_export(tmp_path / "export.csv")
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str)
    rejects = Rejects()
    kept = read_frame(frame, rejects=rejects)
    assert [i for i, _ in kept] == [0, 1, 2, 3, 4, 5]
    assert [(r.line, r.reason) for r in rejects.errors] == [(6, "not_article")]
    assert rejects.errors[0].message == f"'6 artikel': {NOT_AN_ARTICLE}"
    # without rejects= the row stops score_frame and fit before anything is scored or fitted
    message = r"^row 6 \(index 6\): '6 artikel': no text, date or URL: not an article"
    with pytest.raises(ValueError, match=message):
        read_frame(frame)
    with pytest.raises(ValueError, match=message):
        MediaPipeline().fit(frame)
    assert len(read_records(frame.to_dict("records"), rejects=Rejects())) == 6


def test_the_daily_job_neither_stores_nor_scores_a_summary_row(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from media_analytics.cli import main

    path = write_export(tmp_path / "05-12-2024.csv")
    db = tmp_path / "media.db"
    # a rejected record: exit 1, as for any other
    assert main(["score", str(path), "--db", str(db), "--jobs", "1"]) == 1
    assert f"rejected {path}:{last_line(path)}: '6 artikel': {NOT_AN_ARTICLE}" in caplog.text
    assert "unreadable CSV record" not in caplog.text and "expected 1 fields" not in caplog.text
    with sqlite3.connect(db) as con:
        titles = [t for (t,) in con.execute("SELECT json_extract(record, '$.title') FROM articles")]
        stored = con.execute("SELECT line, reason, severity FROM rejects ORDER BY line").fetchall()
    assert sorted(titles) == sorted(row[1] for row in vendor_rows())
    assert (last_line(path), "not_article", "error") in stored
