from __future__ import annotations

import csv
import gzip
import json
import logging
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import pytest

from media_analytics.corpus import (
    Article,
    Rejects,
    article_id,
    articles_to_frame,
    frame_to_articles,
    read_articles,
    write_jsonl,
    write_parquet,
)
from media_analytics.corpus.article import build_article
from media_analytics.corpus.frames import read_frame
from media_analytics.corpus.readers import dated_before, expand_paths, time_order

from ..conftest import shared_file

WIB = timezone(timedelta(hours=7))


def write_lines(path: Path, lines: list[str | bytes]) -> Path:
    raw = b"".join((x if isinstance(x, bytes) else x.encode("utf-8")) + b"\n" for x in lines)
    path.write_bytes(raw)
    return path


def test_jsonl_contract_fields_and_extras(tmp_path: Path) -> None:
    record = {
        "id": "k-1",
        "title": "Polisi Gelar Patroli",
        "text": "Isi berita patroli.",
        "published_at": "Jumat, 18 Okt 2024 17:46 WIB",
        "source": "contoh.id",
        "url": "https://contoh.id/k-1",
        "tema": ["keamanan"],
    }
    path = write_lines(tmp_path / "a.jsonl", [json.dumps(record)])
    (article,) = read_articles(path)
    assert article.id == "k-1"
    assert article.published_at == datetime(2024, 10, 18, 17, 46, tzinfo=WIB)
    assert article.extra == {"tema": ["keamanan"]}


def test_csv_indonesian_columns_are_mapped_by_default(tmp_path: Path) -> None:
    path = tmp_path / "detik.csv"
    path.write_text(
        "Judul,Tanggal,Deskripsi,Kategori,Link\n"
        'Judul satu,"Sabtu, 21 Des 2024 22:30 WIB","Lead, dengan koma.",pilkada,'
        "https://www.detik.com/jateng/d-1/judul-satu\n",
        encoding="utf-8",
    )
    (article,) = read_articles(path)
    assert article.title == "Judul satu"
    assert article.text == "Lead, dengan koma."
    assert article.url == "https://www.detik.com/jateng/d-1/judul-satu"
    assert article.id == article_id(url="https://detik.com/jateng/d-1/judul-satu")
    assert article.published_at == datetime(2024, 12, 21, 22, 30, tzinfo=WIB)
    assert article.extra == {"Kategori": "pilkada"}


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "x.csv"
    rows = [["judul", "isi_berita", "tanggal"], ["A", "Isi, satu; dua | tiga", "18/10/2024"]]
    path.write_text("\n".join(delimiter.join(f'"{c}"' for c in row) for row in rows) + "\n")
    (article,) = read_articles(path)
    assert (article.title, article.text) == ("A", "Isi, satu; dua | tiga")
    assert article.published_at == datetime(2024, 10, 18)


def test_column_map_wins_and_dayfirst_applies(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("headline,body,content,when\nH,isi utama,lain,10/7/2025 20:51\n")
    rejects = Rejects()
    (article,) = read_articles(
        path,
        column_map={"headline": "title", "body": "text", "when": "published_at"},
        dayfirst=False,
        rejects=rejects,
    )
    assert (article.title, article.text) == ("H", "isi utama")
    assert article.extra == {"content": "lain"}
    assert article.published_at == datetime(2025, 10, 7, 20, 51)
    assert len(rejects) == 0


def _dated_csv(path: Path, dates: list[str]) -> Path:
    rows = ["judul,isi_berita,tanggal"] + [
        f"J{i},isi berita nomor {i} dari {path.stem},{d}" for i, d in enumerate(dates)
    ]
    path.write_text("\n".join(rows) + "\n")
    return path


def test_auto_date_order_is_settled_per_file_from_a_date_that_reads_one_way(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # month first, proved only by the fourth record: the three before it are read ahead and
    # read the same way; a second file in the same call proves day first for itself
    us = _dated_csv(
        tmp_path / "a.csv", ["1/8/2025 9:40", "2/9/2025", "03/04/2025", "10/21/2025 20:43"]
    )
    id_ = _dated_csv(tmp_path / "b.csv", ["1/8/2025", "21/10/2025"])
    rejects = Rejects()
    with caplog.at_level(logging.INFO, logger="media_analytics.corpus.readers"):
        articles = list(read_articles([us, id_], dayfirst="auto", rejects=rejects))
    assert [a.title for a in articles] == ["J0", "J1", "J2", "J3", "J0", "J1"]
    assert [a.published_at for a in articles] == [
        datetime(2025, 1, 8, 9, 40),
        datetime(2025, 2, 9),
        datetime(2025, 3, 4),
        datetime(2025, 10, 21, 20, 43),
        datetime(2025, 8, 1),
        datetime(2025, 10, 21),
    ]
    assert len(rejects) == 0
    assert (
        "a.csv: numeric dates read month first, as line 5 shows ('10/21/2025 20:43')" in caplog.text
    )
    assert "b.csv: numeric dates read day first, as line 3 shows ('21/10/2025')" in caplog.text


def test_auto_date_order_reads_day_first_without_proof_and_says_why_a_date_failed(
    tmp_path: Path,
) -> None:
    path = _dated_csv(tmp_path / "x.csv", ["05/06/2024", "2024-06-07", "21/06/2024", "06/22/2024"])
    rejects = Rejects()
    articles = list(read_articles(path, dayfirst="auto", rejects=rejects))
    assert [a.published_at for a in articles] == [
        datetime(2024, 6, 5), datetime(2024, 6, 7), datetime(2024, 6, 21), datetime(2024, 6, 22)
    ]  # fmt: skip
    (warning,) = rejects.warnings  # 06/22/2024 reads month first only: read so, and said
    assert (warning.line, warning.reason) == (5, "mixed_date_order")
    assert "as line 4 shows ('21/06/2024')" in warning.message

    no_proof = _dated_csv(tmp_path / "y.csv", ["05/06/2024", "07/08/2024"])
    assert [a.published_at for a in read_articles(no_proof, dayfirst="auto")] == [
        datetime(2024, 6, 5), datetime(2024, 8, 7)
    ]  # fmt: skip


def test_a_file_whose_dates_tell_nothing_is_read_by_the_date_its_name_holds(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # seen in a trial: a month-first source's December file (12/9/2025, 12/6/2025) was read
    # day first, into June and September, although its name says December
    december = ["12/9/2025 10:00", "12/6/2025"]
    named = _dated_csv(tmp_path / "detik-aspek_2025-12-01.csv", december)
    rejects = Rejects()
    with caplog.at_level(logging.INFO, logger="media_analytics.corpus.readers"):
        articles = list(read_articles(named, dayfirst="auto", rejects=rejects))
    assert [a.published_at for a in articles] == [datetime(2025, 12, 9, 10), datetime(2025, 12, 6)]
    assert rejects.guessed_date_order == [] and len(rejects) == 0
    assert "numeric dates read month first, as the date in the file's name (2025-12-01)" in (
        caplog.text
    )
    # a monthly partition's name, and a day-first source
    monthly = _dated_csv(tmp_path / "berita_2025-12.csv", ["01/12/2025", "05/12/2025"])
    assert [a.published_at for a in read_articles(monthly, dayfirst="auto")] == [
        datetime(2025, 12, 1), datetime(2025, 12, 5)
    ]  # fmt: skip
    # a name without a date, or whose date is far from the records' both readings, tells
    # nothing: the guess and its warning stay
    for name in ("export.csv", "arsip_2023-01-01.csv"):
        rejects = Rejects()
        path = _dated_csv(tmp_path / name, december)
        got = [a.published_at for a in read_articles(path, dayfirst="auto", rejects=rejects)]
        assert got == [datetime(2025, 9, 12, 10), datetime(2025, 6, 12)]
        assert rejects.guessed_date_order == [str(path)]


def test_auto_date_order_looks_a_bounded_number_of_records_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from media_analytics.corpus import readers

    monkeypatch.setattr(readers, "DATE_ORDER_LOOKAHEAD", 2)
    path = _dated_csv(tmp_path / "x.csv", ["05/06/2024", "07/08/2024", "10/21/2025"])
    rejects = Rejects()
    articles = list(read_articles(path, dayfirst="auto", rejects=rejects))
    assert [a.published_at for a in articles] == [
        datetime(2024, 6, 5), datetime(2024, 8, 7), datetime(2025, 10, 21)
    ]  # fmt: skip
    (warning,) = rejects.warnings
    assert warning.reason == "mixed_date_order"
    assert "no date in the first 2 records shows whether day or month" in warning.message


def test_an_unreadable_numeric_date_is_no_guessed_order(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # seen by an operator: one bad date (`32/13/2019 25:61`) among ISO ones gave the warning
    # (with --db, the ERROR) that the file's day/month order was guessed
    path = _dated_csv(tmp_path / "x.csv", ["2019-09-16 10:00", "32/13/2019 25:61", "05/05/2019"])
    rejects = Rejects()
    with caplog.at_level(logging.DEBUG, logger="media_analytics"):
        articles = list(read_articles(path, dayfirst="auto", rejects=rejects))
    assert [a.published_at is None for a in articles] == [False, True, False]
    (bad,) = rejects.warnings
    assert bad.reason == "bad_date" and "month must be in 1..12" in bad.message
    assert rejects.guessed_date_order == []
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    # a date that reads both ways still is
    path = _dated_csv(tmp_path / "y.csv", ["2019-09-16 10:00", "05/06/2019"])
    list(read_articles(path, dayfirst="auto", rejects=rejects))
    assert rejects.guessed_date_order == [str(path)]
    # a frame read alike (score_frame's reader), which settles an order per outlet
    import pandas as pd

    from media_analytics.corpus import read_frame

    caplog.clear()
    frame = pd.DataFrame(
        {"title": ["J0", "J1"], "text": ["isi berita satu", "isi berita dua"],
         "date": ["2019-09-16 10:00", "32/13/2019 25:61"]}
    )  # fmt: skip
    with caplog.at_level(logging.DEBUG, logger="media_analytics"):
        assert len(list(read_frame(frame, dayfirst="auto"))) == 2
    assert "if the source writes the month first" not in caplog.text  # no guessed order


def test_dayfirst_must_be_a_known_value() -> None:
    with pytest.raises(ValueError, match="dayfirst must be"):
        read_articles([], dayfirst="yes")


def test_unknown_column_map_target_fails_at_call_time() -> None:
    with pytest.raises(ValueError, match="not one of"):
        read_articles([], column_map={"x": "body"})


def test_bad_jsonl_records_are_reported_and_reading_goes_on(tmp_path: Path) -> None:
    long_text = "kata " * 50
    lines: list[str | bytes] = [
        json.dumps({"id": "ok1", "text": "Isi satu."}),
        '{"id": "broken", "text": ',
        "[1, 2, 3]",
        json.dumps({"id": "no-text", "title": "Judul saja"}),
        json.dumps({"id": "num", "text": 42}),
        json.dumps({"id": "list", "text": ["a", "b"]}),
        json.dumps({"id": "empty", "text": "  "}),
        "",
        b'{"id": "latin1", "text": "Caf\xe9 di Bandung."}',
        json.dumps({"id": "long", "text": long_text}),
        json.dumps({"id": "html", "text": "<html><body><p>Isi</p><div>x</div></body></html>"}),
        json.dumps({"id": "date", "text": "Isi.", "published_at": "kemarin"}),
        json.dumps({"id": "ok2", "text": "Isi dua."}),
    ]
    path = write_lines(tmp_path / "mixed.jsonl", lines)
    rejects = Rejects()
    articles = {a.id: a for a in read_articles(path, rejects=rejects, max_text_chars=100)}
    # a title with no text key after records that gave one: a body the source left out
    assert list(articles) == ["ok1", "no-text", "latin1", "long", "html", "date", "ok2"]
    assert (articles["no-text"].title, articles["no-text"].text) == ("Judul saja", "")
    assert articles["latin1"].text == "Caf\u00e9 di Bandung."  # a cp1252 byte, read as such
    assert len(articles["long"].text) == 100
    assert articles["date"].published_at is None
    found = {(r.line, r.reason, r.severity) for r in rejects}
    assert found == {
        (2, "invalid_json", "error"),
        (3, "not_object", "error"),
        (4, "no_content", "warning"),
        (5, "wrong_type", "error"),
        (6, "wrong_type", "error"),
        (7, "missing_text", "error"),
        (0, "windows_1252", "warning"),  # its one line beyond ASCII is Windows-1252
        (10, "text_truncated", "warning"),
        (11, "html_content", "warning"),
        (12, "bad_date", "warning"),
    }
    assert str(rejects.errors[0]).startswith(f"{path}:2: invalid JSON")
    assert rejects.counts()["wrong_type"] == 2
    frame = rejects.to_frame()
    assert list(frame.columns) == ["file", "line", "severity", "reason", "message", "record_id"]
    assert len(frame) == 10
    # the id each record goes by, where it names one (kept with the reject in the database)
    ids = {r.line: r.record_id for r in rejects}
    assert (ids[2], ids[3], ids[4], ids[5], ids[7], ids[12]) == (
        None, None, "no-text", "num", "empty", "date"
    )  # fmt: skip


def test_a_body_with_nothing_left_after_cleaning_needs_a_title(tmp_path: Path) -> None:
    # a crawler that failed to extract the article leaves markup, a link or portal boilerplate
    empty_bodies = [
        "SCROLL TO CONTINUE WITH CONTENT",
        "<p> </p><div></div>",
        "https://contoh.id/berita/123",
        "Baca juga: https://contoh.id/x",
    ]
    lines = [json.dumps({"id": f"e{i}", "text": body}) for i, body in enumerate(empty_bodies)]
    lines.append(json.dumps({"id": "t0", "title": "Banjir surut", "text": empty_bodies[0]}))
    lines.append(json.dumps({"id": "ok", "text": "Warga kembali. SCROLL TO CONTINUE WITH CONTENT"}))
    path = write_lines(tmp_path / "empty.jsonl", lines)
    rejects = Rejects()
    articles = {a.id: a for a in read_articles(path, rejects=rejects)}
    assert list(articles) == ["t0", "ok"]
    assert [(r.line, r.reason, r.severity) for r in rejects] == [
        *[(i, "no_content", "error") for i in range(1, 5)],
        (5, "no_content", "warning"),
    ]
    assert "no title" in rejects.errors[0].message
    assert "scored on the title alone" in rejects.warnings[0].message
    with pytest.raises(ValueError, match="nothing to score"):
        Article.from_dict({"text": "<br><br>"})


def test_a_headline_without_its_body_is_scored_on_the_title(tmp_path: Path) -> None:
    # a headline feed (or a crawler that missed the body): kept as a body of boilerplate is
    lines = [
        json.dumps({"id": "h1", "title": "Nasib Syahrini Naik Pesawat Ekonomi", "text": ""}),
        json.dumps({"id": "h2", "title": "Banjir surut di Demak", "text": "  "}),
        json.dumps({"id": "e", "title": " ", "text": ""}),
    ]
    rejects = Rejects()
    articles = list(read_articles(write_lines(tmp_path / "h.jsonl", lines), rejects=rejects))
    assert [(a.id, a.text) for a in articles] == [("h1", ""), ("h2", "  ")]
    assert [(r.line, r.reason, r.severity) for r in rejects] == [
        (1, "no_content", "warning"),
        (2, "no_content", "warning"),
        (3, "missing_text", "error"),
    ]
    assert "scored on the title alone" in rejects.warnings[0].message
    assert "no title" in rejects.errors[0].message


def test_an_english_article_is_kept_and_flagged(tmp_path: Path) -> None:
    english = (
        "Floods hit several districts of Jakarta on Monday after heavy rain, and the authorities "
        "said that more than a thousand residents were evacuated. The governor said the city "
        "will open shelters, which have been prepared by the disaster agency."
    )
    # Indonesian news quoting English now and then is Indonesian
    mixed = (
        "Banjir melanda sejumlah wilayah Jakarta pada Senin. Menurut laporan the Jakarta Post, "
        'ribuan warga dievakuasi. "This is the worst flood of the year and it is not over," '
        "kata seorang warga yang ditemui di posko pengungsian itu."
    )
    lines = [
        json.dumps({"id": "en", "title": "Floods hit Jakarta", "text": english}),
        json.dumps({"id": "id", "title": "Banjir di Jakarta", "text": mixed}),
    ]
    rejects = Rejects()
    articles = list(read_articles(write_lines(tmp_path / "e.jsonl", lines), rejects=rejects))
    assert [a.id for a in articles] == ["en", "id"]
    assert [(r.line, r.reason, r.severity) for r in rejects] == [(1, "not_indonesian", "warning")]
    assert "reads as English" in rejects.warnings[0].message


def test_a_headline_alone_without_an_id_is_told_apart_by_its_outlet_and_day(
    tmp_path: Path,
) -> None:
    # a daily price headline recurs word for word: derived from the headline alone, every day's
    # and every outlet's would be one article, the last replacing the others
    title = "Harga Emas Antam Hari Ini Naik Rp 5.000 per Gram"
    rows = [
        {"title": title, "text": "", "source": "kompas.com", "published_at": "2025-11-01"},
        {"title": title, "text": "", "source": "detik.com", "published_at": "2025-11-01"},
        {"title": title, "text": "", "source": "detik.com", "published_at": "2025-11-02"},
        {"title": title, "text": "", "source": "detik.com", "published_at": "2025-11-02"},
    ]
    path = write_lines(tmp_path / "h.jsonl", [json.dumps(r) for r in rows])
    rejects = Rejects()
    ids = [a.id for a in read_articles(path, rejects=rejects)]
    assert len(ids) == len(set(ids)) == 3
    # the same record twice: the same id, read once, and no error (nothing differs)
    assert rejects.errors == []


def test_csv_bad_rows(tmp_path: Path) -> None:
    raw = (
        b"id,title,text\n"
        b"a,Judul,Isi satu\n"
        b"b,,\n"  # no body and no title (a title alone is scored on it)
        b"c,Judul,isi,kelebihan\n"
        b'd,"Judul\nbaris dua","Isi \xff dua"\n'
        b"e,Judul,Isi tiga\n"
    )
    path = tmp_path / "x.csv"
    path.write_bytes(raw)
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects))
    assert [a.id for a in articles] == ["a", "d", "e"]
    assert articles[1].title == "Judul\nbaris dua"
    assert {(r.line, r.reason) for r in rejects} == {
        (3, "missing_text"),
        (4, "field_count"),
        (0, "windows_1252"),  # its one byte beyond ASCII is Windows-1252: "ÿ"
    }
    assert articles[1].text == "Isi \u00ff dua"


def test_rows_that_omit_their_last_empty_fields_are_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # seen on real news: an export that leaves out a row's trailing empty fields (Python's csv
    # and Excel read it) had every row rejected: "expected 6 fields, got 5 (record runs to line
    # 27: unbalanced quote?)"
    path_ = shared_file("corpora/detik-aspect-news-2025/data_berita.csv")
    with path_.open(encoding="utf-8", newline="") as f:
        rows = [r for _, r in zip(range(3), csv.DictReader(f), strict=False)]
    path = tmp_path / "t_ragged.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "judul", "tautan", "tanggal", "isi_berita", "kategori"])
        writer.writerow([rows[0][k] for k in ("id", "judul", "tautan", "tanggal", "isi_berita")])
        writer.writerow([rows[1][k] for k in ("id", "judul", "tautan", "tanggal")])
        # one field too many, over several lines, its quotes balanced: still an error
        writer.writerow(
            [*(rows[2][k] for k in ("id", "judul", "tautan", "tanggal")), "x", "y", "z"]
        )
        writer.writerow([rows[2][k] for k in ("id", "judul", "tautan", "tanggal", "isi_berita")])
    rejects = Rejects()
    with caplog.at_level(logging.INFO, logger="media_analytics.corpus.readers"):
        articles = list(read_articles(path, rejects=rejects, dayfirst=False))
    assert [(a.title, a.text) for a in articles] == [
        (rows[0]["judul"], rows[0]["isi_berita"]),
        (rows[1]["judul"], ""),
        (rows[2]["judul"], rows[2]["isi_berita"]),
    ]
    assert all(a.extra["kategori"] == "" for a in articles)
    assert [r.reason for r in rejects.errors] == ["field_count"]
    assert rejects.errors[0].message == "expected 6 fields, got 7"
    assert f"{path}: 3 rows have fewer fields than the header (6): the missing last" in caplog.text
    # a record over several lines with one field too many does not blame a quote
    text = rows[0]["isi_berita"]
    other = tmp_path / "over.csv"
    with other.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([["id", "title", "text"], [1, "J", text, "x"]])
    rejects = Rejects()
    assert list(read_articles(other, rejects=rejects)) == []
    end = 2 + text.count("\n")
    assert rejects.errors[0].message == f"expected 3 fields, got 4 (record runs to line {end})"


def test_unbalanced_quote_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text('id,text\na,baik\nb,"tanpa penutup\nc,baris\nd,baris lagi\n')
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects))
    # the quote that never closes costs its own record only: the lines it swallowed to the end
    # of the file are read again
    assert [(a.id, a.text) for a in articles] == [
        ("a", "baik"),
        ("c", "baris"),
        ("d", "baris lagi"),
    ]
    assert [(r.line, r.reason) for r in rejects] == [(3, "csv_error")]
    assert "unbalanced quote" in rejects[0].message
    assert "lines 4-5 read again as records" in rejects[0].message


def test_a_file_cut_off_inside_its_last_body_leaves_no_fragment_record(tmp_path: Path) -> None:
    # seen in review on real news: a CSV export cut off in the middle of its last article's
    # multi-line body; the body's next line, read again, was stored as an article (id "Bukan")
    path = tmp_path / "x.csv"
    path.write_text(
        "id,title,text,source,date\n"
        "a,Rapat KPU,Rapat berjalan lancar.,Kompas,2024-10-01\n"
        'b,Banjir,"Air naik sejak pagi, warga mengungsi.\n'
        "Bukan hanya itu, jalan utama, kata warga, tertutup\n"
    )
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects))
    assert [a.id for a in articles] == ["a"]
    assert [(r.line, r.reason) for r in rejects] == [(3, "csv_error"), (4, "csv_error")]
    assert "never closed" in rejects[1].message and "cut off" in rejects[1].message


def test_a_last_line_short_of_fields_and_without_its_line_end_is_a_cut_file(
    tmp_path: Path,
) -> None:
    # seen by an operator: a crawler's CSV read while it was being written, cut before its last
    # row's URL: stored under an id from its content, then again under the URL's once whole
    header = "judul,isi,tanggal,url\n"
    first = "Rapat KPU,Rapat berjalan lancar.,2024-10-01,https://x.id/1\n"
    cut = tmp_path / "cut.csv"
    cut.write_text(header + first + "Banjir,Air naik sejak pagi.,2024-10-0", encoding="utf-8")
    rejects = Rejects()
    assert [a.url for a in read_articles(cut, rejects=rejects)] == ["https://x.id/1"]
    assert [(r.line, r.reason) for r in rejects] == [(3, "csv_error")]
    assert "no line end" in rejects[0].message and "cut off" in rejects[0].message
    # the same short row with its line end is a row that leaves out its empty last fields
    ended = tmp_path / "ended.csv"
    ended.write_text(header + first + "Banjir,Air naik sejak pagi.,2024-10-02\n", "utf-8")
    rejects = Rejects()
    articles = list(read_articles(ended, rejects=rejects))
    assert [a.title for a in articles] == ["Rapat KPU", "Banjir"] and not rejects
    assert not articles[1].url
    # and a whole last row without a line end (a spreadsheet's export) is read as it is
    whole = tmp_path / "whole.csv"
    whole.write_text(header + first + "Banjir,Air naik.,2024-10-02,https://x.id/2", "utf-8")
    rejects = Rejects()
    assert [a.url for a in read_articles(whole, rejects=rejects)] == [
        "https://x.id/1",
        "https://x.id/2",
    ]
    assert not rejects


def test_a_multi_line_body_with_a_stray_quote_does_not_become_records(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(
        "id,title,text,source\n"
        'k1,Rapat KPU,"Paragraf pertama tentang rapat KPU di Jakarta.\n'
        "Menurut panitia, rapat dihadiri wakil partai, pengawas pemilu dan tokoh masyarakat\n"
        'Ketua menyebut rapat "sangat lancar" hari ini.",Kompas\n'
        "k2,Judul dua,Isi berita kedua tentang pilkada.,Tempo\n"
    )
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects))
    # no article made of the body's second line: the record is read whole, its inner quotes
    # as text, with a warning
    assert [a.id for a in articles] == ["k1", "k2"]
    assert articles[0].text.endswith('Ketua menyebut rapat "sangat lancar" hari ini.')
    assert "tokoh masyarakat" in articles[0].text and articles[0].source == "Kompas"
    assert [(r.line, r.reason, r.severity) for r in rejects] == [(2, "stray_quote", "warning")]


def test_a_stray_quote_on_a_records_first_line_does_not_make_its_body_records(
    tmp_path: Path,
) -> None:
    path = tmp_path / "x.csv"
    path.write_text(
        "id,judul,isi,tanggal\n"
        '1,"Harga pangan stabil","Harga pangan di Medan stabil.\nMenurut dinas, pasokan cukup.",'
        "21/10/2025\n"
        '2,"Gubernur "Topling" diluncurkan","Gubernur Riau meluncurkan Mobil Topling.\n'
        "Harga cabai Rp 50.000, bawang Rp 30.000, beras Rp 12.000, dan gula stabil.\n"
        'Gubernur berharap inflasi terkendali.",21/10/2025\n'
        '3,"Pilkada aman","Polisi menjamin pilkada aman di Semarang.",22/10/2025\n'
    )
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects))
    assert [(a.id, a.title) for a in articles] == [
        ("1", "Harga pangan stabil"),
        ("2", 'Gubernur "Topling" diluncurkan'),
        ("3", "Pilkada aman"),
    ]
    assert articles[1].text.splitlines()[1].startswith("Harga cabai Rp 50.000, bawang")
    assert [(r.line, r.reason) for r in rejects] == [(4, "stray_quote")]
    # a quote that opens a field inside the lenient reading is another record: not glued
    path.write_text('id,title,text\n1,"Judul "satu","isi tanpa tutup\n2,"Judul dua","isi dua"\n')
    rejects = Rejects()
    assert [a.id for a in read_articles(path, rejects=rejects)] == ["2"]
    assert [r.reason for r in rejects] == ["csv_error"]


def test_a_quote_closed_on_a_later_line_costs_only_its_record(tmp_path: Path) -> None:
    rows = [f'{i},"Judul {i}","Isi berita {i}",2024-12-{i:02d}' for i in range(1, 8)]
    rows[2] = '3,"Judul 3","Isi tiga tanpa penutup,2024-12-03'
    path = tmp_path / "x.csv"
    path.write_text("id,judul,isi,tanggal\n" + "\n".join(rows) + "\n")
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects))
    assert [a.id for a in articles] == ["1", "2", "4", "5", "6", "7"]
    assert [(r.line, r.reason) for r in rejects] == [(4, "csv_error")]


def test_a_tab_separated_dump_keeps_a_body_that_opens_with_a_quote(tmp_path: Path) -> None:
    path = tmp_path / "x.tsv"
    path.write_text(
        'id\tjudul\tisi\n1\tA\t"Kita perlu menjaga situasi," ujar Anra.\n2\tB\t"Isi, kutip"\n'
    )
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects))
    assert [(a.id, a.text) for a in articles] == [
        ("1", '"Kita perlu menjaga situasi," ujar Anra.'),
        ("2", "Isi, kutip"),  # a quoted field stays a quoted field
    ]
    assert list(rejects) == []


def test_stray_quote_costs_only_its_record(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text('id,text\na,"kutip"lalu teks\nb,baik\n')
    rejects = Rejects()
    assert [a.id for a in read_articles(path, rejects=rejects)] == ["b"]
    assert [(r.line, r.reason) for r in rejects] == [(2, "csv_error")]


def test_without_rejects_problems_are_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write_lines(tmp_path / "x.jsonl", ["not json", json.dumps({"text": "Isi."})])
    with caplog.at_level(logging.WARNING, logger="media_analytics.corpus"):
        articles = list(read_articles(path))
    assert len(articles) == 1
    assert f"{path}:1: invalid JSON" in caplog.text


def test_directories_globs_and_gzip(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write_lines(tmp_path / "a.jsonl", [json.dumps({"id": "a", "text": "A."})])
    (tmp_path / "sub" / "b.csv").write_text("id,text\nb,B.\n")
    with gzip.open(tmp_path / "sub" / "c.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "c", "text": "C."}) + "\n")
    (tmp_path / "notes.md").write_text("bukan data")
    assert sorted(a.id for a in read_articles(tmp_path)) == ["a", "b", "c"]
    assert [a.id for a in read_articles(str(tmp_path / "**" / "*.csv"))] == ["b"]
    assert [a.id for a in read_articles([tmp_path / "a.jsonl", tmp_path / "sub"])] == [
        "a",
        "b",
        "c",
    ]
    with pytest.raises(FileNotFoundError):
        read_articles(tmp_path / "missing.jsonl")
    with pytest.raises(FileNotFoundError, match="no article files match"):
        read_articles(str(tmp_path / "*.parquet"))


def test_truncated_gzip_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl.gz"
    lines = "".join(json.dumps({"id": str(i), "text": "Isi " * 50}) + "\n" for i in range(200))
    path.write_bytes(gzip.compress(lines.encode())[:-200])
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects))
    assert 0 < len(articles) < 200
    assert [r.reason for r in rejects] == ["unreadable_file"]


@pytest.mark.parametrize(
    "payload",
    [
        json.dumps({"id": "s1", "text": "Dari stdin."}) + "\n",
        "id,judul,isi_berita\ns1,J,Dari stdin.\n",
    ],
)
def test_stdin(payload: str) -> None:
    code = (
        "from media_analytics.corpus import read_articles\n"
        "for a in read_articles('-'):\n    print(a.id, a.text)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], input=payload.encode(), capture_output=True, check=True
    )
    assert result.stdout.decode().strip() == "s1 Dari stdin."


def sample_articles() -> list[Article]:
    return [
        Article(
            id="a",
            title="Judul A",
            text="Isi A.",
            published_at=datetime(2024, 10, 18, 9, 15, tzinfo=WIB),
            source="contoh.id",
            url="https://contoh.id/a",
            extra={"kanal": "nasional", "skor": 2},
        ),
        Article(id="b", text="Isi B.", published_at=datetime(2024, 10, 19), extra={"lain": "x"}),
        Article(id="c", text="Isi C."),
    ]


def test_jsonl_round_trip(tmp_path: Path) -> None:
    for name in ("out.jsonl", "out.jsonl.gz"):
        assert write_jsonl(sample_articles(), tmp_path / name) == 3
        assert list(read_articles(tmp_path / name)) == sample_articles()


def test_parquet_round_trip(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    assert write_parquet(sample_articles(), tmp_path / "out.parquet") == 3
    rejects = Rejects()
    back = list(read_articles(tmp_path / "out.parquet", rejects=rejects))
    assert len(rejects) == 0
    # Parquet pads absent extra fields with nulls; everything else comes back as written.
    for original, read in zip(sample_articles(), back, strict=True):
        assert {k: v for k, v in read.extra.items() if v is not None} == original.extra
        read.extra = original.extra
        assert read == original


def test_parquet_without_pyarrow_gives_a_pip_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.parquet"
    path.write_bytes(b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"pip install"):
        list(read_articles(path))


def test_frame_round_trip() -> None:
    frame = articles_to_frame(sample_articles())
    assert list(frame.columns) == [
        "id",
        "title",
        "text",
        "published_at",
        "source",
        "url",
        "kanal",
        "skor",
        "lain",
    ]
    assert frame.loc[0, "published_at"] == datetime(2024, 10, 18, 9, 15, tzinfo=WIB)
    assert list(frame_to_articles(frame)) == sample_articles()
    assert len(articles_to_frame([])) == 0


def test_format_is_sniffed_for_unknown_suffixes(tmp_path: Path) -> None:
    write_lines(tmp_path / "feed.log", [json.dumps({"id": "j", "text": "Isi."})])
    (tmp_path / "export.txt").write_text("id;judul;isi\nc;J;Isi.\n")
    assert [a.id for a in read_articles([tmp_path / "feed.log", tmp_path / "export.txt"])] == [
        "j",
        "c",
    ]
    pytest.importorskip("pyarrow")
    write_parquet(sample_articles(), tmp_path / "out.parquet")
    (tmp_path / "out.parquet").rename(tmp_path / "snapshot.data")
    assert [a.id for a in read_articles(tmp_path / "snapshot.data")] == ["a", "b", "c"]


def test_auto_date_order_is_only_told_when_numeric_dates_are_met(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    iso = _dated_csv(tmp_path / "iso.csv", ["2024-06-05", "Rabu 5 Juni 2024 10:00 WIB"])
    ambiguous = _dated_csv(tmp_path / "amb.csv", ["05/06/2024"])
    with caplog.at_level(logging.INFO, logger="media_analytics.corpus.readers"):
        list(read_articles([iso, ambiguous], dayfirst="auto"))
    assert "iso.csv" not in caplog.text
    # a guess about numeric dates is a warning, with the way to say the order
    (guess,) = [r for r in caplog.records if "amb.csv" in r.getMessage()]
    assert guess.levelno == logging.WARNING
    assert "no date in the first 1 records shows whether day or month" in guess.getMessage()
    assert "pass --date-order mdy" in guess.getMessage()


def test_a_txt_file_is_one_article(tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    (folder / "hari1").mkdir(parents=True)
    (folder / "hari2").mkdir()
    body = "DUMAI - Polisi menggelar Jumat Curhat bersama warga.\nWarga menyampaikan keluhan."
    (folder / "hari1" / "1.txt").write_text(f"Polisi Gelar Jumat Curhat\n\n{body}\n", "utf-8")
    (folder / "hari2" / "1.txt").write_bytes(gzip.compress(b"\xef\xbb\xbfHarga cabai naik lagi.\n"))
    (folder / "hari2" / "1.txt").rename(folder / "hari2" / "1.txt.gz")
    (folder / "hari2" / "copy.txt").write_text(f"Polisi Gelar Jumat Curhat\n{body}", "utf-8")
    (folder / "README.md").write_text("# not an article\n")
    (folder / "LICENSE.txt").write_text("Not an article either\n")
    rejects = Rejects()
    articles = list(read_articles(folder, rejects=rejects))
    by_file = {a.extra["file"]: a for a in articles}
    assert sorted(by_file) == ["1.txt", "1.txt.gz"]
    titled = by_file["1.txt"]
    assert (titled.title, titled.text) == ("Polisi Gelar Jumat Curhat", body)
    assert (by_file["1.txt.gz"].title, by_file["1.txt.gz"].text) == ("", "Harga cabai naik lagi.")
    # two files named 1.txt are two articles; the same text under another name is the same
    # article (the same id), read once and the copy reported
    assert by_file["1.txt"].id != by_file["1.txt.gz"].id
    (repeat,) = rejects
    assert repeat.reason == "repeated_id" and repeat.file.endswith("copy.txt")
    assert repeat.record_id == titled.id  # in the database's rejects table too
    assert titled.id in repeat.message and repeat.message.endswith("the first record is kept")


def test_a_plain_txt_beside_a_folders_tables_is_a_note_not_an_article(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "ekspor"
    folder.mkdir()
    row = {"id": "a1", "title": "Banjir di Bandung", "text": "Banjir merendam rumah warga."}
    (folder / "2025-11-01.jsonl").write_text(json.dumps(row) + "\n", "utf-8")
    (folder / "catatan.txt").write_text("Ekspor crawler, kolom id, title, text.\n", "utf-8")
    # a .txt that is a table (Excel's tab-delimited text) is still read beside them
    (folder / "2025-11-02.txt").write_text("id\ttitle\ttext\na2\tJudul\tIsi berita.\n", "utf-8")
    with caplog.at_level(logging.WARNING):
        ids = [a.id for a in read_articles(folder)]
    assert ids == ["a1", "a2"]
    (warning,) = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert "not read: 1 plain .txt file" in warning and "(catatan.txt)" in warning
    # named on its own, or beside the folder, it is read as an article, without the warning
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        read = list(read_articles([folder / "catatan.txt", folder]))
    assert len(read) == 3 and read[0].text.startswith("Ekspor crawler")
    assert not [r for r in caplog.records if r.levelno == logging.WARNING]
    # a folder of .txt articles alone is read whole
    (folder / "2025-11-01.jsonl").unlink()
    (folder / "2025-11-02.txt").unlink()
    assert len(list(read_articles(folder))) == 1


def test_a_txt_file_whose_first_line_ends_a_sentence_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("DUMAI - Kegiatan berlangsung tertib.\nKapolsek hadir.\n", "utf-8")
    (article,) = read_articles(path)
    assert article.title == ""
    assert article.text == "DUMAI - Kegiatan berlangsung tertib.\nKapolsek hadir."


@pytest.mark.parametrize(
    "first", ["Siapa Pengganti Menpora?", "Awas, Jalur Puncak Macet Total!", "Inflasi Turun."]
)
def test_a_headline_that_asks_exclaims_or_stands_apart_is_the_title(
    tmp_path: Path, first: str
) -> None:
    path = tmp_path / "x.txt"
    body = "JAKARTA - Presiden menunjuk pelaksana tugas menteri.\nIa dilantik besok."
    path.write_text(f"{first}\n\n{body}\n", "utf-8")
    (article,) = read_articles(path)
    assert (article.title, article.text) == (first, body)


def test_a_txt_file_named_by_its_day_is_dated_that_day(tmp_path: Path) -> None:
    for name in ("2025-10-31-banjir.txt", "31-10-2025_banjir.txt", "banjir-20251031.txt"):
        (tmp_path / name).write_text("Banjir di Bekasi\n\nAir naik semalam.\n", "utf-8")
        (article,) = read_articles(tmp_path / name)
        assert article.published_at is not None, name
        assert article.published_at.date().isoformat() == "2025-10-31", name
    (tmp_path / "artikel-12345.txt").write_text("Banjir\n\nAir naik.\n", "utf-8")
    assert next(iter(read_articles(tmp_path / "artikel-12345.txt"))).published_at is None


def _workbook(path: Path) -> Path:
    openpyxl = pytest.importorskip("openpyxl", reason="reading .xlsx needs the excel extra")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "judul", "isi", "tanggal"])
    sheet.append([101, "Jumat Curhat di Dumai", "Warga menyampaikan keluhan.", "10/21/2025 20:43"])
    sheet.append([None, None, None, None])  # an empty row between the data
    sheet.append([102.0, "Harga cabai", "Harga cabai naik.", datetime(2025, 10, 22, 9, 30)])
    book.save(path)
    return path


def test_an_xlsx_sheet_is_read_like_a_csv_export(tmp_path: Path) -> None:
    rejects = Rejects()
    articles = list(read_articles(_workbook(tmp_path / "export.xlsx"), rejects=rejects))
    assert len(rejects) == 0
    assert [(a.id, a.title) for a in articles] == [
        ("101", "Jumat Curhat di Dumai"),
        ("102", "Harga cabai"),
    ]
    # a date typed as text reads as the file's other dates show; a date cell is a date
    assert [a.published_at for a in read_articles(tmp_path / "export.xlsx", dayfirst="auto")] == [
        datetime(2025, 10, 21, 20, 43),
        datetime(2025, 10, 22, 9, 30),
    ]


def test_an_empty_cell_of_a_sheet_is_an_empty_field_as_in_a_csv_export(tmp_path: Path) -> None:
    # a body the vendor left empty was "no text" in a sheet and scored on its title in a CSV
    openpyxl = pytest.importorskip("openpyxl", reason="reading .xlsx needs the excel extra")
    book = openpyxl.Workbook()
    sheet = book.active
    rows = [
        ["judul", "isi", "tanggal", "kategori"],
        ["Jumat Curhat di Dumai", None, "2025-10-21", None],
        ["Harga cabai", "Harga cabai naik.", "2025-10-22"],  # a row shorter than the header
    ]
    for row in rows:
        sheet.append(row)
    book.save(tmp_path / "export.xlsx")
    with (tmp_path / "export.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(row + [""] * (4 - len(row)) for row in rows)
    read = {}
    for name in ("export.xlsx", "export.csv"):
        rejects = Rejects()
        articles = list(read_articles(tmp_path / name, rejects=rejects))
        assert [(r.line, r.reason, r.severity) for r in rejects] == [(2, "no_content", "warning")]
        read[name] = [{**a.to_dict(), "published_at": None} for a in articles]
    assert read["export.xlsx"] == read["export.csv"]
    assert read["export.xlsx"][0]["kategori"] == ""


def test_a_binary_file_under_a_csv_name_is_reported_not_a_crash(tmp_path: Path) -> None:
    renamed = tmp_path / "export.csv"
    renamed.write_bytes(_workbook(tmp_path / "book.xlsx").read_bytes())
    rejects = Rejects()
    assert list(read_articles(renamed, rejects=rejects)) == []
    assert rejects.errors and all(r.file.endswith("export.csv") for r in rejects.errors)


def test_xlsx_without_openpyxl_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from media_analytics.cli import main

    path = _workbook(tmp_path / "export.xlsx")
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if it were not installed
    assert main(["score", str(path), "--out", str(tmp_path / "out.jsonl"), "-q"]) == 2
    err = capsys.readouterr().err
    assert "needs openpyxl: pip install 'media-analytics[excel]'" in err
    assert "Traceback" not in err


def test_a_repeated_id_is_reported_and_the_first_record_kept(tmp_path: Path) -> None:
    first = tmp_path / "a.jsonl"
    first.write_text(
        '{"id": "a1", "title": "Pengamanan TPS", "text": "Polisi menjaga TPS."}\n'
        '{"id": "a2", "title": "Banjir", "text": "Air naik."}\n'
        '{"id": "a1", "title": "Sepak bola", "text": "Tim menang."}\n',
        "utf-8",
    )
    second = tmp_path / "b.jsonl"
    second.write_text('{"id": "a2", "title": "Lain", "text": "Isi lain."}\n', "utf-8")
    rejects = Rejects()
    articles = list(read_articles([first, second], rejects=rejects))
    assert [(a.id, a.title) for a in articles] == [("a1", "Pengamanan TPS"), ("a2", "Banjir")]
    assert [(r.file, r.line, r.reason) for r in rejects] == [
        (str(first), 3, "repeated_id"),
        (str(second), 1, "repeated_id"),
    ]
    assert str(rejects[0]) == (
        f"{first}:3: id 'a1' was already read at {first}:1; the first record is kept"
    )


def test_a_record_repeated_word_for_word_is_read_once_and_no_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # seen in an operator's trial: a vendor's CSV (no id column: ids from the URL) listed some
    # stories twice, row for row; each repeat was a `repeated_id` error, so four days of 30
    # exited 1 and `db status` counted 34 rejects where 4 rows were broken
    header = "Judul;Waktu Terbit;Konten Berita;Nama Media;URL Berita"
    row = "Banjir di Demak;17/10/2025 05:34;Air naik setinggi lutut.;detik.com;https://x.id/d-1"
    other = "Jalan rusak;17/10/2025 06:00;Warga mengeluh.;detik.com;https://x.id/d-2"
    changed = row.replace("05:34", "05:41")  # the same URL, another time: not the same record
    path = tmp_path / "Monitoring_17102025.csv"
    path.write_text("\n".join([header, row, other, row, row, changed]) + "\n", "utf-8")
    rejects = Rejects()
    with caplog.at_level(logging.INFO, logger="media_analytics"):
        articles = list(read_articles(path, rejects=rejects, dayfirst=True))
    assert [a.title for a in articles] == ["Banjir di Demak", "Jalan rusak"]
    assert [(r.line, r.reason) for r in rejects.errors] == [(6, "repeated_id")]
    said = [r.getMessage() for r in caplog.records if "word for word" in r.getMessage()]
    assert len(said) == 1 and "2 record(s) repeat an earlier record of this file" in said[0], said
    # the same record in a later file is read once too (seen in a trial: a feed's re-send of an
    # unchanged article made an archive's backfill exit 1 on every run); another record under
    # the id is still reported
    second = tmp_path / "Monitoring_18102025.csv"
    second.write_text("\n".join([header, row, changed]) + "\n", "utf-8")
    rejects = Rejects()
    assert len(list(read_articles([path, second], rejects=rejects, dayfirst=True))) == 2
    assert [(r.file, r.line, r.reason) for r in rejects.errors] == [
        (str(path), 6, "repeated_id"), (str(second), 3, "repeated_id"),
    ]  # fmt: skip


def test_a_file_without_a_text_column_says_which_columns_it_has(tmp_path: Path) -> None:
    path = tmp_path / "weird.csv"
    path.write_text("judul,konten_utama,tanggal\nA,Isi berita,2024-11-01\n", "utf-8")
    rejects = Rejects()
    assert list(read_articles(path, rejects=rejects)) == []
    (reject,) = rejects
    assert reject.reason == "missing_text" and reject.line == 2
    assert "columns: judul, konten_utama, tanggal" in reject.message
    assert "--column COLUMN=text on the command line" in reject.message
    assert 'column_map={"COLUMN": "text"} in Python' in reject.message
    rejects = Rejects()
    assert list(read_articles(path, rejects=rejects, column_map={"isi": "text"})) == []
    assert (
        "--column isi=text (column_map= in Python) names a column this record does not have"
        in rejects[0].message
    )
    (article,) = read_articles(path, column_map={"konten_utama": "text"})
    assert article.text == "Isi berita"


def test_a_json_record_without_a_date_is_no_file_without_a_date_column(tmp_path: Path) -> None:
    # an exporter that drops null fields: the first record has no date key, the others have
    # one; a file whose records carry a date field under an unknown name is still said
    path = tmp_path / "feed.jsonl"
    lines = [{"title": "A", "text": "Isi satu.", "penulis": "Budi"}]
    lines += [{"title": t, "text": "Isi.", "published_at": "2024-10-18"} for t in "BCD"]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), "utf-8")
    rejects = Rejects()
    assert [a.published_at is None for a in read_articles(path, rejects=rejects)] == [
        True, False, False, False,
    ]  # fmt: skip
    assert [r.reason for r in rejects] == []
    odd = tmp_path / "odd.jsonl"
    odd.write_text(json.dumps({"title": "A", "text": "Isi.", "Waktu Rilis": "18/10/2024"}) + "\n")
    rejects = Rejects()
    list(read_articles(odd, rejects=rejects))
    assert [r.reason for r in rejects] == ["no_date_column"]
    assert "columns not used: Waktu Rilis" in rejects[0].message


def test_a_file_without_a_date_column_says_so_once_with_the_columns_not_used(
    tmp_path: Path,
) -> None:
    # a monitoring export whose date column has a name no alias knows: every article would be
    # stored undated, and a daily job would say nothing until a report dropped them all
    first = tmp_path / "a.csv"
    first.write_text(
        "Headline,Content,Tgl Rilis,Penulis\nA,Isi berita satu.,18/10/2024,Budi\n"
        "B,Isi berita dua.,19/10/2024,Ani\n",
        "utf-8",
    )
    second = tmp_path / "b.csv"
    second.write_text("Headline,Content,Tgl Rilis\nC,Isi berita tiga.,20/10/2024\n", "utf-8")
    rejects = Rejects()
    articles = list(read_articles([first, second], rejects=rejects))
    assert [a.published_at for a in articles] == [None] * 3
    assert [(r.file, r.line, r.reason, r.severity) for r in rejects] == [
        (str(first), 2, "no_date_column", "warning"),
        (str(second), 2, "no_date_column", "warning"),
    ]
    assert "columns not used: Tgl Rilis, Penulis" in rejects[0].message
    assert "--column COLUMN=published_at" in rejects[0].message
    rejects = Rejects()
    articles = list(read_articles(first, rejects=rejects, column_map={"Tgl Rilis": "published_at"}))
    assert [a.published_at for a in articles] == [datetime(2024, 10, 18), datetime(2024, 10, 19)]
    assert len(rejects) == 0


@pytest.mark.parametrize(
    "header",
    [
        "Headline,Content,Publication Date,Media Name,URL",
        "Judul Berita,Konten Berita,Waktu Terbit,Nama Media,URL Berita",
        "judul,isi,Tanggal Publikasi,Sumber Berita,Link Berita",
        "judul,isi,Tgl Terbit,media,tautan",
    ],
)
def test_monitoring_export_headers_are_read_without_column_options(
    tmp_path: Path, header: str
) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        f'{header}\nA,Isi berita.,"Jumat, 18 Okt 2024 17:46 WIB",detik.com,https://x.id/1\n',
        "utf-8",
    )
    rejects = Rejects()
    (article,) = read_articles(path, rejects=rejects)
    assert (article.published_at, article.source, article.url, article.extra) == (
        datetime(2024, 10, 18, 17, 46, tzinfo=WIB),
        "detik.com",
        "https://x.id/1",
        {},
    )
    assert len(rejects) == 0


def test_a_column_option_that_names_no_column_is_said_once_per_file(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "judul,isi,tanggal\nA,Isi berita satu.,18/10/2024\nB,Isi berita dua.,19/10/2024\n",
        "utf-8",
    )
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects, column_map={"Tgl Terbit": "title"}))
    assert [a.title for a in articles] == ["A", "B"]  # the aliases still apply
    (warning,) = rejects
    assert (warning.line, warning.reason, warning.severity) == (2, "unknown_column", "warning")
    assert warning.message == (
        "--column Tgl Terbit=title (column_map= in Python) names no column of this file; "
        "title read from 'judul'; columns: judul, isi, tanggal"
    )


def test_a_date_that_reads_one_way_is_read_so_in_a_file_of_the_other_order(
    tmp_path: Path,
) -> None:
    # an export merging outlets: detik writes the month first, Kompas the day first
    path = tmp_path / "mixed.csv"
    path.write_text(
        "judul,isi,tanggal\nA,Isi berita satu.,10/21/2025 20:43\n"
        'B,Isi berita dua.,"21/10/2025, 20:43 WIB"\nC,Isi berita tiga.,11/3/2025 08:00\n',
        "utf-8",
    )
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects, dayfirst="auto"))
    assert [a.published_at for a in articles] == [
        datetime(2025, 10, 21, 20, 43),
        datetime(2025, 10, 21, 20, 43, tzinfo=WIB),
        datetime(2025, 11, 3, 8, 0),  # one that reads both ways: the file's order
    ]
    (warning,) = rejects
    assert (warning.line, warning.reason, warning.severity) == (3, "mixed_date_order", "warning")
    assert warning.message.startswith("'21/10/2025, 20:43 WIB' read day first, the only way")


def test_the_date_order_note_comes_only_with_numeric_dates(tmp_path: Path) -> None:
    path = _dated_csv(tmp_path / "x.csv", ["2 jam yang lalu", "31/02/2024", "123"])
    rejects = Rejects()
    list(read_articles(path, dayfirst="auto", rejects=rejects))
    notes = ["no date in the first 3 records" in r.message for r in rejects]
    assert [r.line for r in rejects] == [2, 3, 4]
    assert notes == [False, True, False]


def test_a_nested_object_picked_as_the_text_is_rejected_naming_its_field(tmp_path: Path) -> None:
    path = tmp_path / "nested.jsonl"
    record = {"id": "n1", "article": {"title": "Judul", "body": "Isi."}, "tanggal": "18 Okt 2024"}
    path.write_text(json.dumps(record) + "\n", "utf-8")
    rejects = Rejects()
    assert list(read_articles(path, rejects=rejects)) == []
    (reject,) = rejects
    assert (reject.line, reject.reason) == (1, "wrong_type")
    assert reject.message == 'text must be a string, got an object in field "article"'


def test_the_outlet_comes_from_the_url_when_the_export_has_none(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"id": "1", "text": "Isi.", "url": "https://news.detik.com/berita/d-1/x"}\n'
        '{"id": "2", "text": "Isi.", "url": "https://detik.com/y", "source": "Detikcom"}\n'
        '{"id": "3", "text": "Isi.", "title": 2024, "source": 86}\n',
        "utf-8",
    )
    rejects = Rejects()
    got = [(a.source, a.title) for a in read_articles(path, rejects=rejects)]
    assert got == [("detik.com", ""), ("Detikcom", ""), ("86", "2024")]
    assert len(rejects) == 0


def test_a_json_array_cut_short_or_with_a_broken_record_keeps_its_whole_records(
    tmp_path: Path,
) -> None:
    records = [
        {"id": "1", "title": "Satu", "text": "Polisi menjamin pilkada aman di Semarang."},
        {"id": "2", "title": "Dua", "text": "Banjir melanda Jakarta Selatan."},
        {"id": "3", "title": "Tiga", "text": "KPK menahan tersangka korupsi."},
    ]
    one_per_line = "[\n" + ",\n".join(json.dumps(r) for r in records) + "\n]\n"
    path = tmp_path / "cut.json"
    path.write_text(one_per_line[: one_per_line.index("korupsi")])  # an export cut short
    rejects = Rejects()
    assert [a.id for a in read_articles(path, rejects=rejects)] == ["1", "2"]
    assert [(r.line, r.reason) for r in rejects] == [(4, "invalid_json")]
    # pretty-printed and cut short: the same, the reject saying so
    pretty = json.dumps(records, indent=2)
    path.write_text(pretty[: pretty.index("korupsi")])
    rejects = Rejects()
    assert [a.id for a in read_articles(path, rejects=rejects)] == ["1", "2"]
    assert [(r.line, r.reason) for r in rejects] == [(12, "invalid_json")]
    assert "the file ends inside it (cut short?)" in rejects[0].message
    # arrays one after another, objects one after another (jq's output), an API envelope
    # with a broken record: every whole record is read
    path.write_text(json.dumps(records[:2]) + "\n" + json.dumps(records[2:]) + "\n")
    assert [a.id for a in read_articles(path, rejects=Rejects())] == ["1", "2", "3"]
    path.write_text("\n".join(json.dumps(r, indent=2) for r in records) + "\n")
    assert [a.id for a in read_articles(path, rejects=Rejects())] == ["1", "2", "3"]
    envelope = json.dumps({"status": "ok", "articles": records}, indent=2)
    path.write_text(envelope.replace('"Dua"', '"Dua" oops', 1))
    rejects = Rejects()
    assert [a.id for a in read_articles(path, rejects=rejects)] == ["1", "3"]
    assert [(r.line, r.reason) for r in rejects] == [(9, "invalid_json")]
    # raw line breaks inside a string of a broken document are read as they are
    path.write_text(pretty.replace("Banjir melanda", "Banjir\nmelanda") + "\n]")
    assert [a.id for a in read_articles(path, rejects=Rejects())] == ["1", "2", "3"]
    # one broken record in a pretty-printed array: reported once, at the line it opens on
    pretty = json.dumps(records, indent=2).replace('"Dua"', '"Dua" oops', 1)
    path.write_text(pretty)
    rejects = Rejects()
    assert [a.id for a in read_articles(path, rejects=rejects)] == ["1", "3"]
    assert [(r.line, r.reason) for r in rejects] == [(7, "invalid_json")]
    # records one per line, each with the array's comma after it, in a .jsonl file
    path = tmp_path / "commas.jsonl"
    path.write_text("".join(json.dumps(r) + ",\n" for r in records))
    rejects = Rejects()
    assert [a.id for a in read_articles(path, rejects=rejects)] == ["1", "2", "3"]
    assert not list(rejects)


def test_windows_1252_accents_before_curly_quotes_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    text = "“Kami kehilangan legenda,” kata Menpora tentang Pelé… Café ditutup – sementara."
    path.write_bytes(f'id,title,text\r\n1,Menpora Kenang Pelé,"{text}"\r\n'.encode("cp1252"))
    rejects = Rejects()
    [article] = read_articles(path, rejects=rejects)
    assert (article.title, article.text) == ("Menpora Kenang Pelé", text)
    assert [r.reason for r in rejects] == ["windows_1252"]  # a warning: read as such
    # a UTF-8 character cut short stays damaged UTF-8, not Windows-1252
    path.write_bytes(
        b"id,title,text\n1,Banjir,Banjir \xe2\x80 Jakarta \xe2\x80\x9cparah\xe2\x80\x9d\n"
    )
    [article] = read_articles(path, rejects=Rejects())
    assert article.text == "Banjir \ufffd Jakarta “parah”"


def test_excel_sep_line_names_the_separator(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(
        "sep=;\r\nid;judul;isi\r\n1;Satu;Polisi menjamin pilkada aman.\r\n2;Dua;Banjir.\r\n"
    )
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects))
    assert [(a.id, a.title, a.text) for a in articles] == [
        ("1", "Satu", "Polisi menjamin pilkada aman."),
        ("2", "Dua", "Banjir."),
    ]
    assert not list(rejects)
    path.write_text("sep=;\nid;judul;isi\n1;Satu;Polisi.\n2;;\n")  # lines count from sep=
    rejects = Rejects()
    assert [a.id for a in read_articles(path, rejects=rejects)] == ["1"]
    assert [(r.line, r.reason) for r in rejects] == [(4, "missing_text")]


def test_dates_outside_the_plausible_years_are_left_empty_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    dates = ["9999-12-31", "2124-12-02", "1900-01-01", "2024-12-02", "1950-01-01"]
    path.write_text(
        "".join(
            json.dumps({"id": str(i), "text": "Isi.", "published_at": d}) + "\n"
            for i, d in enumerate(dates)
        )
    )
    rejects = Rejects()
    kept = [a.published_at for a in read_articles(path, rejects=rejects)]
    assert kept == [None, None, None, datetime(2024, 12, 2), datetime(1950, 1, 1)]
    assert [(r.line, r.reason, r.severity) for r in rejects] == [
        (1, "bad_date", "warning"),
        (2, "bad_date", "warning"),
        (3, "bad_date", "warning"),
    ]
    assert (
        "2124-12-02 is outside the years 1950-2099 (a placeholder or a typo?)" in rejects[1].message
    )


def test_stray_quotes_at_a_line_end_or_doubled_before_a_separator(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    head = "id,title,text,source\n"
    # a quoted word at the end of a body's line: the body goes on (its next line no article)
    path.write_text(
        head + "1,Judul satu,Isi satu,detik\n"
        '2,Judul dua,"Warga berteriak "tolong"\nPolisi datang, melihat, menolong, lalu pergi.\n'
        'Paragraf akhir.",kompas\n3,Judul tiga,Isi tiga,detik\n'
    )
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects))
    assert [a.id for a in articles] == ["1", "2", "3"]
    assert articles[1].text.splitlines()[1] == "Polisi datang, melihat, menolong, lalu pergi."
    assert articles[1].source == "kompas"
    # a headline that ends (or opens) with a quotation, its quote doubled: not glued to the next
    path.write_text(
        head + '1,Judul satu,Isi satu,detik\n2,"Jokowi: "Saya Siap"",Isi dua,detik\n'
        '3,""Kami Siap" Kata Kapolri",Isi tiga,detik\n4,Judul empat,Isi empat,detik\n'
    )
    titles = [a.title for a in read_articles(path, rejects=Rejects())]
    assert titles == [
        "Judul satu",
        'Jokowi: "Saya Siap"',
        '"Kami Siap" Kata Kapolri',
        "Judul empat",
    ]


def test_half_a_character_in_an_id_or_an_extra_field_is_replaced_not_a_crash(
    tmp_path: Path,
) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(
        '{"id":"a\\udc00b","title":"T","text":"Polisi menjaga TPS.","note":"x\\ud83d"}\n'
        '{"id":"ok","text":"Isi berita kedua."}\n'
    )
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects))
    assert [(a.id, a.extra.get("note")) for a in articles] == [
        ("a\ufffdb", "x\ufffd"),
        ("ok", None),
    ]
    assert [(r.line, r.reason) for r in rejects] == [(1, "non_utf8")]
    assert "replaced in id, note" in rejects[0].message
    out = tmp_path / "out.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "media_analytics.cli", "score", str(path), "--out", str(out), "-q"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("today.jsonl", b""),
        ("today.json", b"\n  \n\n"),
        ("today.jsonl.gz", gzip.compress(b"", mtime=0)),
    ],
)
def test_an_empty_json_lines_file_is_reported_as_an_empty_csv_is(
    tmp_path: Path, name: str, content: bytes
) -> None:
    # a feed that delivered nothing today must not look like a good day
    (tmp_path / name).write_bytes(content)
    (tmp_path / "today.csv").write_bytes(b"")
    rejects = Rejects()
    assert list(read_articles(tmp_path, rejects=rejects)) == []
    assert sorted((Path(r.file).name, r.line, r.reason, r.severity) for r in rejects) == [
        ("today.csv", 1, "empty_file", "warning"),
        (name, 1, "empty_file", "warning"),
    ]


def test_a_folder_of_exports_named_by_day_is_read_oldest_first(tmp_path: Path) -> None:
    names = ["01-11-2025.jsonl", "31-10-2025.jsonl", "2025-10-30.jsonl", "notes.jsonl"]
    for name in names:
        (tmp_path / name).write_text('{"text": "Isi."}\n', encoding="utf-8")
    (tmp_path / "29.10.2025").mkdir()  # a folder named day first, too
    (tmp_path / "29.10.2025" / "a.jsonl").write_text('{"text": "Isi."}\n', encoding="utf-8")
    found = [Path(f).relative_to(tmp_path).as_posix() for f in expand_paths(tmp_path)]
    assert found == [
        "29.10.2025/a.jsonl",
        "2025-10-30.jsonl",
        "31-10-2025.jsonl",
        "01-11-2025.jsonl",
        "notes.jsonl",
    ]
    # files given by name keep the order given
    assert expand_paths([tmp_path / names[0], tmp_path / names[1]])[0].endswith(names[0])
    # a list whose names read only month first (10-31-2025) is read month first
    assert time_order(["11-01-2025.csv", "10-31-2025.csv", "10-30-2025.csv"]) == [
        "10-30-2025.csv",
        "10-31-2025.csv",
        "11-01-2025.csv",
    ]


def test_a_second_export_of_the_day_is_read_after_the_first(tmp_path: Path) -> None:
    # as text, "-", "_" and " " sort before "." (of ".jsonl"): the second export of a day came
    # first, and the first one's older copies undid its corrections
    names = ["2019-09-20 (1).jsonl", "2019-09-20-2.jsonl", "2019-09-20.jsonl", "2019-09-21.jsonl"]
    names += ["2019-09-20-late.jsonl.gz", "2019-09-20-b.csv", "2019-09-20_b.jsonl"]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    found = [Path(f).name for f in expand_paths(tmp_path)]
    assert found[0] == "2019-09-20.jsonl" and found[-1] == "2019-09-21.jsonl"
    assert found == [
        "2019-09-20.jsonl",
        "2019-09-20 (1).jsonl",
        "2019-09-20-2.jsonl",
        "2019-09-20-b.csv",
        "2019-09-20-late.jsonl.gz",
        "2019-09-20_b.jsonl",
        "2019-09-21.jsonl",
    ]
    # day-first names too, and in folders
    assert time_order(["x/31-10-2025-2.csv", "x/31-10-2025.csv", "x/01-11-2025.csv"]) == [
        "x/31-10-2025.csv",
        "x/31-10-2025-2.csv",
        "x/01-11-2025.csv",
    ]


def test_a_date_anywhere_in_a_name_orders_the_files(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # seen on real news: vendor exports named "<outlet>_<date>" were read in the order of the
    # outlet, and an older day's copy undid a correction of the next day
    assert dated_before("zmedia_2025-10-31.csv", "amedia_2025-11-01.csv")
    assert not dated_before("amedia_2025-11-01.csv", "zmedia_2025-10-31.csv")
    assert not dated_before("2025-10-25_crawler.jsonl", "resent_2025-10-22_crawler.jsonl")
    assert dated_before("resent_2025-10-22_crawler.jsonl", "2025-10-25_crawler.jsonl")
    assert time_order(["Monitoring_01112025.csv", "Monitoring_31102025.csv"]) == [
        "Monitoring_31102025.csv",
        "Monitoring_01112025.csv",
    ]
    assert time_order(["Monitoring 1 Nov 2025.csv", "Monitoring 31 Okt 2025.csv"]) == [
        "Monitoring 31 Okt 2025.csv",
        "Monitoring 1 Nov 2025.csv",
    ]
    assert time_order(["Laporan 01-11-2025 Polda.csv", "Laporan 31-10-2025 Polda.csv"])[0] == (
        "Laporan 31-10-2025 Polda.csv"
    )
    # monthly partitions (seen in a trial: clickid_2019-03.parquet sorted after 2025's files)
    months = ["news_2025-01-01.jsonl", "clickid_2019-09.parquet", "month=2019-03/part.jsonl"]
    assert time_order(months) == [
        "month=2019-03/part.jsonl",
        "clickid_2019-09.parquet",
        "news_2025-01-01.jsonl",
    ]
    assert dated_before("clickid_2019-08.parquet", "clickid_2019-09-01.jsonl")
    assert time_order(["rekap_2019-2020.csv", "a_2019-13.csv"]) == [  # no month: as text
        "a_2019-13.csv",
        "rekap_2019-2020.csv",
    ]
    names = ["b_2 November 2025.xlsx", "a_20251101.csv", "c_31-Oktober-2025.tsv", "rekap.csv"]
    assert time_order(names) == [
        "c_31-Oktober-2025.tsv",
        "a_20251101.csv",
        "b_2 November 2025.xlsx",
        "rekap.csv",
    ]
    assert dated_before("Monitoring_31102025.csv", "Monitoring 1 Nov 2025.csv")
    # a second export of the day still comes after the first
    assert time_order(["amedia_2025-10-31-2.csv", "amedia_2025-10-31.csv"])[0] == (
        "amedia_2025-10-31.csv"
    )
    # not a day: an id, a year outside 1950-2099, a month 13
    assert time_order(["x_12345678.csv", "x_2025-13-01.csv", "a.csv"])[0] == "a.csv"
    assert not dated_before("berita_12345678.csv", "berita_2025-10-31.csv")
    # names that show both orders (31-10-2025 and 10-31-2025): a date that reads both ways is
    # not guessed; the name sorts by its text, and -v says so
    with caplog.at_level(logging.DEBUG, logger="media_analytics.corpus.readers"):
        mixed = time_order(["b_31-10-2025.csv", "a_10-31-2025.csv", "z_05-11-2025.csv"])
    assert mixed == ["a_10-31-2025.csv", "b_31-10-2025.csv", "z_05-11-2025.csv"]
    assert "not read (sorted by name instead): z_05-11-2025.csv" in caplog.text
    # in a folder, too
    for name in ("amedia_2025-11-01.csv", "zmedia_2025-10-31.csv"):
        (tmp_path / name).write_text("id,judul,isi\n7,Judul,Isi berita.\n", encoding="utf-8")
    assert [Path(f).name for f in expand_paths(tmp_path)] == [
        "zmedia_2025-10-31.csv",
        "amedia_2025-11-01.csv",
    ]
    # named newest first: the line in the log says which version the store keeps
    newest_first = [tmp_path / "amedia_2025-11-01.csv", tmp_path / "zmedia_2025-10-31.csv"]
    with caplog.at_level(logging.INFO, logger="media_analytics.corpus.readers"):
        assert len(list(read_articles(newest_first, newer_files=True))) == 2
    assert "this file is dated before those: the versions read before are kept" in caplog.text
    assert "kept as their newer versions" not in caplog.text


def test_an_export_with_a_header_and_no_rows_is_reported_as_an_empty_file(
    tmp_path: Path,
) -> None:
    # a day's export with no articles (or one cut after its header) must not look like a good
    # day either: a 0-byte file said so, a header alone did not
    import pandas as pd

    (tmp_path / "a.csv").write_bytes(b"id,judul,tautan,tanggal,isi_berita\r\n")
    (tmp_path / "b.tsv").write_bytes(b"id\ttitle\ttext\n\n\n")
    (tmp_path / "c.csv").write_bytes(b"sep=;\n")
    pd.DataFrame({"id": [], "text": []}).to_parquet(tmp_path / "d.parquet")
    pd.DataFrame({"id": [], "text": []}).to_excel(tmp_path / "e.xlsx", index=False)
    rejects = Rejects()
    assert list(read_articles(tmp_path, rejects=rejects)) == []
    said = sorted((Path(r.file).name, r.line, r.reason, r.severity, r.message) for r in rejects)
    assert [x[:4] for x in said] == [
        (name, 1, "empty_file", "warning")
        for name in ("a.csv", "b.tsv", "c.csv", "d.parquet", "e.xlsx")
    ]
    assert said[0][4] == "empty file: no records after the header"
    # a file whose only rows fail is said as they fail, not as empty
    (tmp_path / "a.csv").write_bytes(b'id,title,text\n1,"Judul tanpa isi\n')
    rejects = Rejects()
    assert list(read_articles(tmp_path / "a.csv", rejects=rejects)) == []
    assert [r.reason for r in rejects] != ["empty_file"] and len(rejects)


def test_a_column_mapped_to_none_is_ignored(tmp_path: Path) -> None:
    # seen on real news: an export's `id` column holds row numbers that every export starts
    # again at 1; ignored, the ids come from the URLs
    path = tmp_path / "berita.csv"
    path.write_text(
        "id,judul,tautan,isi_berita,Summary\n"
        "1,Harga cabai naik,https://contoh.co.id/d-1/cabai,Harga cabai merah naik lagi.,ringkas\n",
        encoding="utf-8",
    )
    (plain,) = read_articles(path)
    assert plain.id == "1"
    rejects = Rejects()
    (article,) = read_articles(path, column_map={"ID": None}, rejects=rejects)
    url_only = tmp_path / "tanpa-id.csv"
    url_only.write_text("\n".join(line.split(",", 1)[1] for line in path.read_text().splitlines()))
    assert article.id == next(read_articles(url_only)).id != "1"
    assert "id" not in article.extra and article.extra == {"Summary": "ringkas"}
    assert [r.reason for r in rejects] == ["no_date_column"]
    # an ignored column is not read as the field its name is an alias of, nor as another
    (article,) = read_articles(path, column_map={"tautan": None})
    assert not article.url and article.id == "1" and "tautan" not in article.extra
    # one that names no column of the file is said, as a mapped one is
    rejects = Rejects()
    list(read_articles(path, column_map={"nomor": None}, rejects=rejects))
    said = [r.message.split(" (")[0] for r in rejects if r.reason == "unknown_column"]
    assert said == ["--column nomor="]
    with pytest.raises(ValueError, match="or None"):
        read_articles([], column_map={"x": "body"})


def test_a_date_more_than_a_day_after_the_clock_is_kept_with_a_future_date_warning() -> None:
    # seen on real news: "Rabu, 27 Nov 2030 09:00 WIB" in a detik index read in December 2026
    now = datetime(2026, 12, 5, 3, 0, tzinfo=timezone.utc)
    fields = {"id": "x", "title": "Judul", "text": "Isi berita.", "source": "detik"}

    def issues(published_at: str) -> list[tuple[str, str]]:
        article, found = build_article({**fields, "published_at": published_at}, {}, now=now)
        assert article is not None and article.published_at is not None  # the date is kept
        return [(i.reason, i.severity) for i in found]

    assert issues("Rabu, 27 Nov 2030 09:00 WIB") == [("future_date", "warning")]
    assert issues("2026-12-06 09:00") == []  # 23 hours ahead: not more than a day
    assert issues("2026-12-07") == [("future_date", "warning")]
    _, found = build_article({**fields, "published_at": "2030-11-27"}, {}, now=now)
    assert "2030-11-27" in found[0].message and "2026-12-05" in found[0].message


def test_reading_the_detik_index_with_a_future_dated_row_names_it(tmp_path: Path) -> None:
    source = shared_file("corpora/detik-pilkada-jateng-index/pilkada_jawa_tengah.csv")
    path = tmp_path / "index.csv"
    typo = (
        'Pilkada Jateng typo,"Rabu, 27 Nov 2090 09:00 WIB",Deskripsi berita.,berita,'
        "https://www.detik.com/jateng/pilkada/d-9999999/typo\n"
    )
    path.write_text(source.read_text(encoding="utf-8") + typo, encoding="utf-8")
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects, dayfirst="auto"))
    future = [r for r in rejects if r.reason == "future_date"]
    assert len(future) == 1 and future[0].severity == "warning"
    assert future[0].record_id == articles[-1].id and "2090-11-27" in future[0].message
    assert articles[-1].published_at is not None and articles[-1].published_at.year == 2090


def test_a_file_that_re_sends_articles_read_before_is_said_in_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # seen on a vendor's exports: each day's file carries the day before's articles again, and
    # a first run over 35 files logged 599 lines, one per article read again
    header = "id,judul,isi,tanggal\n"
    day1 = [f"v-{i},Judul {i},Isi berita {i}.,2024-10-28\n" for i in range(5)]
    day2 = [*day1, "v-9,Judul 9,Isi berita 9.,2024-10-29\n"]
    first = tmp_path / "Monitoring_28102024.csv"
    second = tmp_path / "Monitoring_29102024.csv"
    first.write_text(header + "".join(day1), encoding="utf-8")
    second.write_text(header + "".join(day2), encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="media_analytics.corpus.readers"):
        assert len(list(read_articles([first, second], newer_files=True))) == 11
    said = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert not [m for m in said if "was read before at" in m]  # no line per article
    assert [m for m in said if "read before from an earlier file" in m] == [
        f"{second}: 5 record(s) carry articles read before from an earlier file (ids 'v-0', "
        "'v-1', 'v-2' and 2 more; -v lists them): this later file's records are kept as their "
        "newer versions"
    ]
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="media_analytics.corpus.readers"):
        list(read_articles([first, second], newer_files=True))
    each = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    each = [m for m in each if "was read before at" in m]
    assert len(each) == 5 and f"{second}:2: id 'v-0' was read before at {first}:2" in each[0]


def test_without_a_rejects_object_a_kind_of_problem_is_logged_five_times_per_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # seen in a notebook: reading a crawl without rejects= logged some fifty identical warnings
    from media_analytics.corpus.rejects import LOGGED_PER_KIND

    rows = (
        ["judul,isi_berita"]
        + [f"Judul {i},<p> </p>" for i in range(12)]
        + ["Isi,isi berita menyusul"]
    )
    path = tmp_path / "crawl.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with caplog.at_level(logging.DEBUG, logger="media_analytics.corpus"):
        articles = list(read_articles(path))
    assert len(articles) == 13  # nothing left out for it: scored on their titles
    warned = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warned) == LOGGED_PER_KIND + 1
    assert "more no_content lines than these 5 are logged at DEBUG only" in warned[-1].getMessage()
    debug = [
        r for r in caplog.records if r.levelno == logging.DEBUG and "no words" in r.getMessage()
    ]
    assert len(debug) == 12 - LOGGED_PER_KIND
    # with a Rejects object every one is collected, and none logged
    caplog.clear()
    rejects = Rejects()
    list(read_articles(path, rejects=rejects))
    assert len(rejects.warnings) == 12


def test_read_articles_reads_day_first_exports_whole_by_default(tmp_path) -> None:
    # seen in a researcher's walk-through: read_articles left 176 of 545 dd/mm dates empty (days
    # 1-12 of every month) while the command line and score_frame read them all
    path = tmp_path / "vendor.csv"
    path.write_text(
        "judul;isi;tanggal\n"
        "Satu;Isi berita satu.;27/11/2024 14:05\n"
        "Dua;Isi berita dua.;11/12/2024 23:11\n"
        "Tiga;Isi berita tiga.;03/12/2024 08:00\n",
        encoding="utf-8",
    )
    rejects = Rejects()
    dates = [a.published_at for a in read_articles(path, rejects=rejects)]
    assert [d.strftime("%Y-%m-%d") for d in dates] == ["2024-11-27", "2024-12-11", "2024-12-03"]
    assert not rejects.warnings
    # the strict reading is still there for whoever asks for it
    strict = Rejects()
    dates = [a.published_at for a in read_articles(path, rejects=strict, dayfirst=None)]
    assert dates[0] is not None and dates[1] is None and dates[2] is None
    assert {r.reason for r in strict.warnings} == {"bad_date"}


def test_a_jsonl_record_without_its_body_key_is_scored_on_its_title(tmp_path) -> None:
    # seen in a researcher's walk-through: a crawler that missed a body leaves the key out of
    # that line; it was rejected with advice to name a text column the file already had
    path = tmp_path / "crawl.jsonl"
    lines = [
        {
            "headline": "A",
            "body": "Isi berita A.",
            "published": "2024-11-27",
            "link": "https://b.id/1",
        },
        {"headline": "Z", "published": "2024-11-27", "link": "https://b.id/3"},
        {"published": "2024-11-27", "link": "https://b.id/4"},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects))
    assert [(a.title, a.text) for a in articles] == [("A", "Isi berita A."), ("Z", "")]
    [kept] = rejects.warnings
    assert (kept.line, kept.reason) == (2, "no_content")
    assert "'body' in the file's other records" in kept.message
    [refused] = rejects.errors
    assert (refused.line, refused.reason) == (3, "missing_text")
    assert "no title" in refused.message and "--column" not in refused.message
    # a file none of whose records has a text field, and a column no alias knows (the body
    # under another name?), still says how to name it
    path.write_text(json.dumps({**lines[1], "naskah": "Isi."}) + "\n", encoding="utf-8")
    rejects = Rejects()
    assert list(read_articles(path, rejects=rejects)) == []
    assert "--column" in rejects.errors[0].message


def test_a_headline_feed_is_scored_on_its_titles(tmp_path) -> None:
    # seen in a README audit: an export of headlines, links and dates (no body column) was
    # rejected row by row, though the README says a headline alone is scored
    path = tmp_path / "titles.csv"
    path.write_text(
        "judul,link,tanggal\nPolisi amankan TPS,https://c.id/1,2024-10-18\n"
        "Banjir rendam Pekanbaru,https://c.id/2,2024-10-19\n",
        encoding="utf-8",
    )
    rejects = Rejects()
    articles = list(read_articles(path, rejects=rejects))
    assert [(a.title, a.text) for a in articles] == [
        ("Polisi amankan TPS", ""),
        ("Banjir rendam Pekanbaru", ""),
    ]
    assert not rejects.errors
    assert {(r.line, r.reason) for r in rejects.warnings} == {(2, "no_content"), (3, "no_content")}
    assert "a headline feed" in rejects.warnings[0].message
    # the same as a DataFrame
    frame = read_frame(pd.read_csv(path))
    assert [(a.title, a.text) for _, a in frame] == [(a.title, "") for a in articles]
    # a column that could be the body under a name no alias knows: refused, as before
    named = tmp_path / "naskah.csv"
    named.write_text("judul,naskah,tanggal\nPolisi amankan TPS,Isi.,2024-10-18\n", encoding="utf-8")
    rejects = Rejects()
    assert list(read_articles(named, rejects=rejects)) == []
    assert [r.reason for r in rejects.errors] == ["missing_text"]
    with pytest.raises(ValueError, match="read as the article text"):
        read_frame(pd.read_csv(named))


def test_unix_time_zero_is_a_placeholder_left_empty(tmp_path: Path) -> None:
    # seen in an operator's trial: "01/01/1970 07:00" (Unix time 0 in WIB) was stored, and the
    # weekly report ran over 2,596 weeks
    path = tmp_path / "x.csv"
    rows = ["01/01/1970 07:00", "0", "1970-01-02", "31/12/1969 19:00", "02/01/1971"]
    path.write_text(
        "id,judul,isi,tanggal\n"
        + "".join(f"{i},Judul {i},Isi berita.,{d}\n" for i, d in enumerate(rows)),
        encoding="utf-8",
    )
    rejects = Rejects()
    kept = [a.published_at for a in read_articles(path, rejects=rejects, dayfirst=True)]
    assert kept == [None, None, datetime(1970, 1, 2), None, datetime(1971, 1, 2)]
    assert [(r.line, r.reason) for r in rejects] == [
        (2, "bad_date"),
        (3, "bad_date"),
        (5, "bad_date"),
    ]
    assert "1970-01-01 is Unix time 0, a placeholder" in rejects[0].message
