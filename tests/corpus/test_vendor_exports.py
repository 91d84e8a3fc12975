"""Exports of a commercial media-monitoring vendor, as a PR office receives them: semicolon
CSV (or an .xlsx sheet) with a UTF-8 byte-order mark, a report title above the header and a
summary row (``Total;6 artikel``) below the articles. Built from real articles of CLICK-ID
and of the detik 2025 export."""

from __future__ import annotations

import csv
import itertools
import logging
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from media_analytics.corpus import Article, Rejects, read_articles
from media_analytics.corpus.frames import read_frame, read_records

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


def test_a_summary_row_is_left_out_naming_its_line_and_an_empty_body_is_still_scored(
    tmp_path: Path,
) -> None:
    # seen on real news: "Total;67 artikel" below the articles was scored as an article; then,
    # rejected as an error, it made every day's run of a vendor's export exit 1
    path = write_export(tmp_path / "export.csv")
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects, dayfirst="auto"))
    assert [a.title for a in articles] == [row[1] for row in vendor_rows()]
    assert not rejects.errors
    (skipped,) = rejects.skipped
    assert (skipped.line, skipped.reason) == (last_line(path), "not_article")
    assert str(skipped) == f"{path}:{last_line(path)}: '6 artikel': {NOT_AN_ARTICLE}"
    # a real row without its body has a date and a link: scored on its title, as before
    (warning,) = rejects.warnings
    assert warning.reason == "no_content" and "scored on the title alone" in warning.message
    assert articles[EMPTY_BODY - 1].text == "" and articles[EMPTY_BODY - 1].url


def test_a_header_repeated_below_the_first_is_left_out_not_stored(tmp_path: Path) -> None:
    # seen in an operator's trial: two days' exports joined with cat (the second's byte-order
    # mark and header in the middle) stored an article titled "Judul" with the body "Isi"
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    write_export(first, footer=False)
    write_export(second, footer=False)
    joined = tmp_path / "joined.csv"
    joined.write_bytes(first.read_bytes() + second.read_bytes())
    rejects = Rejects()
    articles = list(read_articles(joined, rejects=rejects, dayfirst="auto"))
    rows = vendor_rows()
    # (the second day's rows are the same articles again: each is read once)
    assert [a.title for a in articles] == [r[1] for r in rows]
    assert not rejects.errors
    (skipped,) = rejects.skipped
    assert (skipped.line, skipped.reason) == (last_line(first) + 1, "not_article")
    assert skipped.message.startswith("'No' / 'Judul' / 'Isi' / 'Tanggal Terbit': column names")
    # a sheet's second header row, and a frame read from joined files, alike; a headline that
    # happens to be one word of a header is an article
    frame = pd.DataFrame(
        [["judul", "isi", "tanggal"], ["Isi", rows[0][2], rows[0][3]]],
        columns=["Judul", "Isi", "Tanggal Terbit"],
    )
    found = Rejects()
    kept = read_frame(frame, rejects=found, dayfirst=True)
    assert [i for i, _ in kept] == [1]
    assert [r.reason for r in found.skipped] == ["not_article"]


def test_a_headline_is_an_article_and_a_count_or_total_without_date_or_link_is_not() -> None:
    (detik,) = _first(DETIK, 1)
    title = detik["judul"]
    records = [
        {"judul": title, "isi": "", "tautan": detik["tautan"]},
        {"judul": title, "isi": "", "tanggal": detik["tanggal"], "media": "detik.com"},
        {"judul": title, "isi": " ", "media": "detik.com"},  # a bare headline: scored on it
        {"judul": "Jumlah", "isi": "SCROLL TO CONTINUE WITH CONTENT"},  # nothing left to score
        {"judul": "Total: 67 artikel", "isi": ""},
        {"judul": "Total Kerugian Banjir Capai Rp 5 Miliar", "isi": ""},  # a headline
        {"judul": "12", "isi": "", "tanggal": detik["tanggal"]},  # dated: kept, as any
    ]
    rejects = Rejects()
    kept = read_records(records, rejects=rejects)
    assert [i for i, _ in kept] == [0, 1, 2, 5, 6]
    assert [(r.line, r.reason) for r in rejects.skipped] == [(3, "not_article"), (4, "not_article")]
    assert not rejects.errors
    assert [r.reason for r in rejects.warnings] == ["no_content"] * 5
    with pytest.raises(ValueError, match="not an article"):
        Article.from_dict({"title": "Total", "text": ""})
    # a list of headlines, as a notebook scores them, is read as headlines
    assert Article.from_dict({"id": "h1", "title": title, "text": ""}).title == title


def test_a_total_in_the_body_column_is_a_footer_too(tmp_path: Path) -> None:
    # seen on real news: a vendor whose columns run No;Tanggal;Media;Judul;Isi;Tautan ends with
    # ";;;Total;4 artikel;;" or ";;;;Total: 4 artikel;;": both were stored as undated articles
    order = ["No", "Tanggal Terbit", "Media", "Judul", "Isi", "Tautan", "Sentimen"]
    rows = [[row[HEADER.index(c)] for c in order] for row in vendor_rows()[:4]]
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerows([order, *rows])
        writer.writerow(["", "", "", "Total", "4 artikel", "", ""])
        writer.writerow(["", "", "", "", "Total: 4 artikel", "", ""])
        writer.writerow(["", "", "", "Jumlah berita", "67", "", ""])
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects, dayfirst="auto"))
    assert [a.title for a in articles] == [row[3] for row in rows]
    end = last_line(path)
    assert [(r.line, r.reason) for r in rejects.skipped] == [
        (end - 2, "not_article"),
        (end - 1, "not_article"),
        (end, "not_article"),
    ]
    assert rejects.skipped[0].message == (
        "'Total' / '4 artikel': only a count or a total, no date or URL: not an article (a "
        "summary or footer row?)"
    )
    # a short record that is not a count stays an article, as does a dated or linked total
    (detik,) = _first(DETIK, 1)
    kept = read_records(
        [
            {"judul": detik["judul"], "isi": "4 artikel"},
            {"judul": "", "isi": "Jumlah korban banjir 12 orang"},
            {"judul": "Total", "isi": "4 artikel", "tanggal": detik["tanggal"]},
            {"judul": "Total", "isi": "4 artikel", "tautan": detik["tautan"]},
        ],
        rejects=Rejects(),
        dayfirst=False,
    )
    assert [i for i, _ in kept] == [0, 1, 2, 3]


def test_a_frame_of_the_export_leaves_the_summary_row_out_as_the_file_reader_does(
    tmp_path: Path,
) -> None:
    path = write_export(tmp_path / "export.csv")
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str)
    rejects = Rejects()
    kept = read_frame(frame, rejects=rejects)
    assert [i for i, _ in kept] == [0, 1, 2, 3, 4, 5]
    assert [(r.line, r.reason) for r in rejects.skipped] == [(6, "not_article")]
    assert rejects.skipped[0].message == f"'6 artikel': {NOT_AN_ARTICLE}"
    assert not rejects.errors
    # without rejects= it is left out too, said in one line: no error stops score_frame or fit
    assert [i for i, _ in read_frame(frame)] == [0, 1, 2, 3, 4, 5]
    assert len(read_records(frame.to_dict("records"), rejects=Rejects())) == 6


def test_the_daily_job_neither_stores_nor_scores_a_summary_row(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from media_analytics.cli import main

    path = write_export(tmp_path / "05-12-2024.csv", banner=True)
    db = tmp_path / "media.db"
    # a footer is no error: the day's run of a vendor's export exits 0 and says what it left out
    with caplog.at_level(logging.INFO):
        assert main(["score", str(path), "--db", str(db), "--jobs", "1"]) == 0
    line = f"{path}:{last_line(path)}: '6 artikel': {NOT_AN_ARTICLE}"
    assert f"left out, not an article: {line}" in caplog.text
    assert f"rejected {line}" not in caplog.text
    assert "unreadable CSV record" not in caplog.text and "expected 1 fields" not in caplog.text
    with sqlite3.connect(db) as con:
        titles = [t for (t,) in con.execute("SELECT json_extract(record, '$.title') FROM articles")]
        stored = con.execute("SELECT line, reason, severity FROM rejects ORDER BY line").fetchall()
    assert sorted(titles) == sorted(row[1] for row in vendor_rows())
    assert (last_line(path), "not_article", "skipped") in stored
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT status FROM runs").fetchall() == [("ok",)]


# ------------------------------------------------------------------------ Excel's padding


def test_rows_of_separators_and_padded_columns_of_excel_are_not_records_or_fields(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # seen on real news: a sheet formatted beyond its table, saved as CSV, ends with rows of
    # separators (";;;;;;;;"), each rejected ("empty text, and no title": exit 1), and its empty
    # columns came into every record as column_8, column_9
    plain = write_export(tmp_path / "plain.csv", footer=False)
    padded = tmp_path / "padded.csv"
    with padded.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow([*HEADER, "", ""])
        writer.writerows([*row, "", ""] for row in vendor_rows())
        writer.writerows([[""] * (len(HEADER) + 2)] * 3)
    rejects = Rejects()
    with caplog.at_level(logging.INFO, logger="media_analytics.corpus.readers"):
        articles = list(read_articles(padded, rejects=rejects, dayfirst="auto"))
    assert [a.to_dict() for a in articles] == [
        a.to_dict() for a in read_articles(plain, dayfirst="auto")
    ]
    assert [(r.reason, r.severity) for r in rejects] == [("no_content", "warning")]
    assert f"{padded}: 3 rows with no cell filled (separators alone) skipped" in caplog.text
    # an unnamed column that holds something in a row is kept in that row
    one = tmp_path / "one.csv"
    with one.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerows([[*HEADER, "", ""], [*vendor_rows()[0], "", "catatan"]])
    (article,) = read_articles(one, rejects=Rejects(), dayfirst="auto")
    assert article.extra == {"No": "1", "Sentimen": "Netral", "column_9": "catatan"}


# ------------------------------------------------------------------ a title above the header


def test_a_report_title_above_the_header_is_skipped_and_said_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # seen on real news: the title line was taken for the header, and every record failed
    path = write_export(tmp_path / "banner.csv", banner=True, footer=False)
    plain = write_export(tmp_path / "plain.csv", footer=False)
    rejects = Rejects()
    with caplog.at_level(logging.INFO, logger="media_analytics.corpus.readers"):
        articles = list(read_articles(path, rejects=rejects, dayfirst="auto"))
    assert [a.to_dict() for a in articles] == [
        a.to_dict() for a in read_articles(plain, dayfirst="auto")
    ]
    assert [(r.reason, r.severity) for r in rejects] == [("no_content", "warning")]
    assert f"{path}: header found on line 3; lines 1-2 skipped" in caplog.text


def test_a_title_above_a_header_named_by_column_map_is_skipped(tmp_path: Path) -> None:
    (detik,) = _first(DETIK, 1)
    path = tmp_path / "ekspor.csv"
    rows = [["Kepala", "Naskah", "Tgl Rilis"], [detik["judul"], detik["isi_berita"], "21/10/2025"]]
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(f"{BANNER}\n")
        csv.writer(f, delimiter="|").writerows(rows)
    rejects = Rejects()
    column_map = {"Naskah": "text", "Kepala": "title", "Tgl Rilis": "published_at"}
    (article,) = read_articles(path, rejects=rejects, column_map=column_map, dayfirst="auto")
    assert (article.title, article.text) == (detik["judul"], detik["isi_berita"])
    assert not list(rejects)


def test_a_file_without_a_header_row_is_one_reject_not_one_per_record(tmp_path: Path) -> None:
    path = tmp_path / "headerless.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        f.write(f"{BANNER}\n\n")
        csv.writer(f, delimiter=";").writerows(vendor_rows())  # the header row left out
    rejects = Rejects()
    assert list(read_articles(path, rejects=rejects)) == []
    (reject,) = rejects
    assert (reject.line, reject.reason, reject.severity) == (0, "no_header", "error")
    assert reject.message.startswith(
        "no header row with a text or title column in the first 20 lines (looked for text, "
    )
    assert "--column COLUMN=text on the command line" in reject.message
    assert f"line 1: {BANNER!r}" in reject.message and len(reject.message) < 400


def write_text_export(path: Path, encoding: str) -> Path:
    """The vendor's sheet saved by Excel as "Unicode Text" (``utf-16``) or "Text (Tab
    delimited)" (``cp1252``): tab-separated, every row padded to the sheet's width, the report's
    title and a blank row above the header."""
    width = len(HEADER)
    rows = [[BANNER] + [""] * (width - 1), [""] * width, HEADER, *vendor_rows()]
    with path.open("w", encoding=encoding, errors="replace", newline="") as f:
        csv.writer(f, delimiter="\t", lineterminator="\r\n").writerows(rows)
    return path


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252"])
def test_a_text_export_of_excel_with_a_title_above_the_header_is_a_table(
    tmp_path: Path, encoding: str, caplog: pytest.LogCaptureFixture
) -> None:
    # seen on real news: the .txt was read as ONE article titled with the report's title (61
    # actors); renamed .tsv, it was read right
    path = write_text_export(tmp_path / "laporan.txt", encoding)
    same = tmp_path / "laporan.tsv"
    same.write_bytes(path.read_bytes())
    rejects = Rejects()
    with caplog.at_level(logging.INFO, logger="media_analytics.corpus.readers"):
        articles = list(read_articles(path, rejects=rejects, dayfirst="auto"))
    assert (
        [a.title for a in articles]
        == [a.title for a in read_articles(same, dayfirst="auto")]
        == [row[1] for row in vendor_rows()]
    )
    assert f"{path}: header found on line 3; lines 1-2 skipped" in caplog.text
    assert [r.reason for r in rejects.errors] == []
    # an article's .txt holding a table (tab-separated lines) is still one article
    table = "Nama\tJabatan\tSuara\nAbdul Wahid\tGubernur Riau\t1.002.521\n"
    (tmp_path / "artikel.txt").write_text(
        f"{vendor_rows()[0][1]}\n\nHasil rekapitulasi:\n{table}", encoding="utf-8"
    )
    assert len(list(read_articles(tmp_path / "artikel.txt"))) == 1


def _vendor_workbook(path: Path, *, header: bool = True) -> Path:
    openpyxl = pytest.importorskip("openpyxl", reason="reading .xlsx needs the excel extra")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([BANNER])
    sheet.append([])
    if header:
        sheet.append(HEADER)
    for row in vendor_rows():
        sheet.append(row)
    sheet.append(["Total", "6 artikel"])
    book.save(path)
    return path


def test_an_xlsx_with_a_title_cell_above_the_header_is_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _vendor_workbook(tmp_path / "laporan.xlsx")
    rejects = Rejects()
    with caplog.at_level(logging.INFO, logger="media_analytics.corpus.readers"):
        articles = list(read_articles(path, rejects=rejects, dayfirst="auto"))
    assert [a.title for a in articles] == [row[1] for row in vendor_rows()]
    assert f"{path}: header found on row 3; rows 1-2 skipped" in caplog.text
    assert [(r.line, r.reason) for r in rejects.skipped] == [(10, "not_article")]
    rejects = Rejects()
    headerless = _vendor_workbook(tmp_path / "x.xlsx", header=False)
    assert list(read_articles(headerless, rejects=rejects)) == []
    (reject,) = rejects
    assert reject.reason == "no_header" and " in its 9 rows (looked for " in reject.message


def test_a_workbook_whose_data_follow_a_summary_sheet_is_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # a vendor's workbook with a "Ringkasan" sheet first was refused, naming no other sheet
    openpyxl = pytest.importorskip("openpyxl", reason="reading .xlsx needs the excel extra")
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Ringkasan"
    summary.append(["Laporan pemantauan media", None])
    summary.append(["Jumlah berita", 2])
    data = book.create_sheet("Data Berita")
    data.append(["Judul Berita", "Isi Berita", "Tanggal Terbit"])
    data.append(["Polisi Gelar Jumat Curhat", "Warga menyampaikan keluhan.", "2025-11-07"])
    data.append(["Banjir di Demak Surut", "Air mulai surut pagi ini.", "2025-11-08"])
    path = tmp_path / "vendor.xlsx"
    book.save(path)
    rejects = Rejects()
    with caplog.at_level(logging.INFO, logger="media_analytics.corpus.readers"):
        articles = list(read_articles(path, rejects=rejects))
    assert [a.title for a in articles] == ["Polisi Gelar Jumat Curhat", "Banjir di Demak Surut"]
    assert not rejects.errors
    assert f"{path}: sheet 'Data Berita' read (rows numbered within it); 'Ringkasan'" in caplog.text
    # no sheet with a header: the refusal says the other sheets hold none either
    del book["Data Berita"]
    book.create_sheet("Catatan").append(["dibuat otomatis"])
    book.save(path)
    rejects = Rejects()
    assert list(read_articles(path, rejects=rejects)) == []
    (reject,) = rejects
    assert reject.reason == "no_header" and reject.message.endswith(
        "(nor do its other sheets: 'Catatan')"
    )


def test_every_sheet_with_a_header_is_read_its_rows_numbered_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # seen in an operator's trial: a week's workbook of a sheet per day gave its first sheet's
    # articles alone, and nothing said the others were left
    openpyxl = pytest.importorskip("openpyxl", reason="reading .xlsx needs the excel extra")
    rows = vendor_rows()
    book = openpyxl.Workbook()
    monday = book.active
    monday.title = "Senin"
    tuesday = book.create_sheet("Selasa")
    book.create_sheet("Catatan").append(["dibuat otomatis"])
    for sheet, part in ((monday, rows[:3]), (tuesday, rows[3:])):
        sheet.append(HEADER)
        for row in part:
            sheet.append(row)
    tuesday.append(["x", "Judul tanpa isi", "", "bukan tanggal"])
    path = tmp_path / "minggu.xlsx"
    book.save(path)
    rejects = Rejects()
    with caplog.at_level(logging.INFO, logger="media_analytics.corpus.readers"):
        articles = list(read_articles(path, rejects=rejects, dayfirst="auto"))
    assert [a.title for a in articles] == [r[1] for r in rows] + ["Judul tanpa isi"]
    assert f"{path}: sheet 'Selasa' read too, after 'Senin': its row N is line 4+N" in caplog.text
    assert f"{path}: sheet 'Catatan' not read" in caplog.text
    # a problem of the second sheet names one line of the workbook: its 5th row is line 9
    assert ("bad_date", 4 + 5) in [(r.reason, r.line) for r in rejects.warnings]


def test_a_file_without_a_text_column_says_why_once(tmp_path: Path) -> None:
    # seen in a walk-through: a vendor renamed "Isi Berita" to "Ringkasan Berita", and each of
    # the day's rows was rejected with the same 400-character message
    path = tmp_path / "export.csv"
    rows = vendor_rows()[:3]
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["No", "Judul", "Ringkasan Berita", "Tanggal Terbit", "Tautan"])
        writer.writerows([[r[0], r[1], r[2], r[3], r[5]] for r in rows])
    rejects = Rejects()
    assert list(read_articles(path, rejects=rejects, dayfirst="auto")) == []
    first, *later = rejects.errors
    assert first.line == 2 and "looked for" in first.message and "Ringkasan Berita" in first.message
    # (the bodies run over several lines each)
    assert [r.message for r in later] == ["no text field (as line 2)"] * 2
    assert 2 < later[0].line < later[1].line
