"""Files as other tools export them: Windows encodings, UTF-16, JSON documents, archives."""

from __future__ import annotations

import bz2
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from media_analytics.corpus import Rejects, read_articles

from ..conftest import shared_file

BODY = "“Kita perlu menjaga situasi tetap kondusif,” ujar Kapolres – Senin."


def read(path: Path | str) -> tuple[list, Rejects]:
    rejects = Rejects()
    return list(read_articles(path, rejects=rejects, dayfirst=True)), rejects


def test_a_windows_1252_csv_reads_as_its_utf8_twin(tmp_path: Path) -> None:
    table = f'judul;isi;tanggal\r\nPolisi Siapkan Pengamanan;"{BODY}";02/12/2024\r\n'
    utf8 = tmp_path / "utf8.csv"
    utf8.write_text(table, encoding="utf-8-sig", newline="")
    ansi = tmp_path / "ansi.csv"
    ansi.write_text(table, encoding="cp1252", newline="")
    [a], clean = read(utf8)
    [b], warned = read(ansi)
    assert b.text == a.text == BODY
    assert b.id == a.id  # the same article, whatever the encoding of its export
    assert list(clean) == []
    assert [(r.line, r.reason, r.severity) for r in warned] == [(0, "windows_1252", "warning")]
    assert "Windows-1252" in warned[0].message


def test_a_windows_1252_export_is_read_as_such_on_every_line(tmp_path: Path) -> None:
    # seen on real news: a cp1252 export of CLICK-ID articles, two of whose bodies already held
    # mojibake ("¬†", "‚Äú", "‚Ä¶"), came out with U+FFFD on those lines, and every line of the file
    # was counted as a non_utf8 warning beside the truly damaged lines of another file
    import pandas as pd

    source = shared_file("corpora/clickid-news-articles/clickid_articles_80.csv")
    frame = pd.read_csv(source, nrows=2400, dtype=str, keep_default_na=False)
    fits = frame.apply(lambda row: "".join(row).encode("cp1252", "ignore").decode("cp1252"), axis=1)
    frame = frame[fits == frame.apply("".join, axis=1)]
    # "‚Ä¶" (an ellipsis read as Mac Roman) is, in cp1252 bytes, a valid UTF-8 "Ķ"
    mojibake = frame[frame["content"].str.contains("‚Ä¶") & frame["content"].str.contains("¬†|‚Äú")]
    frame = pd.concat([frame[~frame.index.isin(mojibake.index)].head(98), mojibake.head(2)])
    assert len(frame) == 100 and len(mojibake) >= 2
    ansi = tmp_path / "2019-09-14-b.csv"
    frame.to_csv(ansi, index=False, encoding="cp1252")
    damaged = tmp_path / "2019-09-15.jsonl"
    record = '{"id": "d1", "text": "Café “enak”"}\n'.encode()
    damaged.write_bytes(record.replace(b"enak", b"en\xffak"))
    articles, rejects = read([ansi, damaged])
    texts = {a.id: a.text for a in articles}
    assert texts["d1"] == "Café “en\ufffdak”"
    twin = tmp_path / "utf8" / "2019-09-14-b.csv"
    twin.parent.mkdir()
    frame.to_csv(twin, index=False, encoding="utf-8")
    expected, clean = read(twin)
    assert list(clean) == []
    # the same text (the mojibake kept as written) and ids as the file's UTF-8 twin
    assert [(a.id, texts[a.id]) for a in expected] == [(a.id, a.text) for a in expected]
    assert [(r.file, r.reason) for r in rejects] == [
        (str(ansi), "windows_1252"),
        (str(damaged), "non_utf8"),
    ]
    assert "read as Windows-1252" in rejects[0].message
    assert "replaced" in rejects[1].message


def test_a_file_with_a_utf8_byte_order_mark_is_not_read_as_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"\xef\xbb\xbfjudul,isi\nA,Isi \x93satu\x94\nB,Isi \x93dua\x94\n")
    articles, rejects = read(path)
    assert [a.title for a in articles] == ["A", "B"]  # the header's first name read as such
    assert [r.reason for r in rejects] == ["non_utf8", "non_utf8"]


def test_a_damaged_byte_in_utf8_text_is_replaced_not_reread(tmp_path: Path) -> None:
    raw = json.dumps({"id": "x", "text": "Café “enak” "}, ensure_ascii=False).encode()
    path = tmp_path / "x.jsonl"
    path.write_bytes(raw.replace(b"enak", b"en\xffak"))
    [article], rejects = read(path)
    assert article.text == "Café “en\ufffdak” "
    assert "replaced" in rejects[0].message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_files_are_read(tmp_path: Path, encoding: str) -> None:
    bom = "\ufeff" if encoding == "utf-16-be" else ""  # "utf-16" writes its own mark
    csv_path = tmp_path / "x.csv"
    csv_path.write_bytes(f"{bom}judul\tisi\r\nA\t{BODY}\r\nB\tIsi kedua.\r\n".encode(encoding))
    jsonl = tmp_path / "x.jsonl"
    jsonl.write_bytes(f'{bom}{{"judul": "A", "isi": "{BODY}"}}\r\n'.encode(encoding))
    text = tmp_path / "x.txt"
    text.write_bytes(f"{bom}Judul Berita\nIsi berita yang panjang.\n".encode(encoding))
    articles, rejects = read(csv_path)
    assert [(a.title, a.text) for a in articles] == [("A", BODY), ("B", "Isi kedua.")]
    [article], _ = read(jsonl)
    assert article.text == BODY
    [article], _ = read(text)
    assert (article.title, article.text) == ("Judul Berita", "Isi berita yang panjang.")
    assert list(rejects) == []


def test_carriage_return_line_ends_are_read(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(b"judul,isi\rA,Isi satu\rB,Isi dua\r")
    articles, rejects = read(path)
    assert [a.text for a in articles] == ["Isi satu", "Isi dua"]
    assert list(rejects) == []


def test_a_json_array_file_is_read_record_by_record(tmp_path: Path) -> None:
    records = [{"judul": "A", "isi": "Isi A"}, 7, {"judul": "B", "isi": "Isi B"}]
    path = tmp_path / "array.json"
    path.write_text(json.dumps(records, indent=2))
    articles, rejects = read(path)
    assert [a.title for a in articles] == ["A", "B"]
    # each record is reported at the line it starts on
    assert [(r.line, r.reason) for r in rejects] == [(6, "not_object")]
    lines = path.read_text().splitlines()
    assert lines[5].strip() == "7,"


def test_an_api_envelope_is_read_under_its_list_key(tmp_path: Path) -> None:
    document = {
        "status": "ok",
        "totalResults": 2,
        "articles": [
            {"title": "A", "content": "Isi A", "publishedAt": "2024-12-02T10:00:00Z"},
            {
                "source": {"id": None, "name": "Kompas"},
                "title": "B",
                "content": "",
                "url": "https://contoh.id/b",  # its link: an article without its body
            },
            {"source": {"id": None, "name": "Kompas"}, "title": "C", "content": "Isi C"},
        ],
    }
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(document, indent=2))
    articles, rejects = read(path)
    assert [(a.title, a.source) for a in articles] == [("A", ""), ("B", "Kompas"), ("C", "Kompas")]
    assert articles[0].published_at is not None
    # an empty body (a paywalled item) is scored on its title, with a warning
    assert [(r.line, r.reason, r.severity) for r in rejects] == [(10, "no_content", "warning")]
    assert path.read_text().splitlines()[9].strip() == "{"


def test_an_article_without_its_body_is_not_replaced_by_its_comments(tmp_path: Path) -> None:
    # seen in a trial: a crawler's record with no body and its readers' comments was read as an
    # envelope, so the article vanished and a comment was stored and scored as an article
    comments = [{"text": "Mantap pak polisi, terima kasih", "user": "budi"}]
    rows = [
        {"id": "a1", "judul": "Polisi amankan TPS", "url": "https://contoh.id/a1"},
        {"id": "a2", "judul": "Apel pasukan", "isi": "Polres menggelar apel pasukan."},
    ]
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps(r | {"komentar": comments}) + "\n" for r in rows))
    articles, rejects = read(path)
    assert [(a.id, a.text) for a in articles] == [("a2", "Polres menggelar apel pasukan.")]
    # the article without a text field is refused as such, named by its line: not lost silently
    assert [(r.line, r.reason, r.severity) for r in rejects] == [(1, "missing_text", "error")]
    # an API's list key still opens an envelope, whatever else the object holds
    page = {"title": "Hasil pencarian", "articles": [{"title": "A", "content": "Isi A"}]}
    path.write_text(json.dumps(page) + "\n")
    assert [a.title for a in read(path)[0]] == ["A"]


def test_one_article_written_over_several_lines_is_one_record(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"judul": "A", "isi": "Isi A"}, indent=2))
    articles, rejects = read(path)
    assert [a.title for a in articles] == ["A"]
    assert list(rejects) == []


def test_a_broken_document_falls_back_to_lines(tmp_path: Path) -> None:
    # a first line that opens an object it never closes is a bad line, not a lost file
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": \n' + json.dumps({"text": "Isi."}) + "\n")
    articles, rejects = read(path)
    assert [a.text for a in articles] == ["Isi."]
    assert [(r.line, r.reason) for r in rejects] == [(1, "invalid_json")]


def test_a_json_array_on_standard_input(tmp_path: Path) -> None:
    code = (
        "import sys; from media_analytics.corpus import read_articles, Rejects; r = Rejects();"
        "print([a.title for a in read_articles('-', rejects=r)], list(r))"
    )
    data = json.dumps([{"judul": "A", "isi": "Isi A"}]).encode()
    for payload in (data, gzip.compress(data)):
        out = subprocess.run(
            [sys.executable, "-c", code], input=payload, capture_output=True, check=True
        )
        assert out.stdout.decode().strip() == "['A'] []"


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), ".xls"),
        ("x.csv.xz", b"\xfd7zXZ\x00" + bytes(60), "xz-compressed"),
        ("x.csv", bz2.compress(b"judul,isi\nA,Isi\n"), "bzip2"),
        ("x.zip", b"PK\x03\x04" + bytes(60), "ZIP archive"),
        ("x.pdf", b"%PDF-1.7\n" + bytes(60), "PDF"),
        ("x.dat", b"ab\x00\x01" * 50, "binary"),
    ],
)
def test_files_that_are_not_text_are_named_not_read_as_csv(
    tmp_path: Path, name: str, content: bytes, what: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    articles, rejects = read(path)
    assert articles == []
    [reject] = list(rejects)
    assert reject.reason == "unreadable_file"
    assert what in reject.message


def test_folders_skip_hidden_folders_and_lock_files(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    line = json.dumps({"text": "Isi."}) + "\n"
    (tmp_path / "a.jsonl").write_text(line)
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "a-checkpoint.jsonl").write_text(line)
    (tmp_path / "~$export.xlsx").write_bytes(b"lock")
    articles, rejects = read(tmp_path)
    assert len(articles) == 1
    assert list(rejects) == []
    empty = tmp_path / "empty"
    empty.mkdir()
    assert read(empty)[0] == []
    assert "no article files in this folder" in caplog.text


def test_a_text_file_whose_title_has_a_comma_is_an_article(tmp_path: Path) -> None:
    path = tmp_path / "tokoh.txt"
    path.write_text("Jokowi, Prabowo\nKedua tokoh bertemu di Istana.\n")
    [article], _ = read(path)
    assert (article.title, article.text) == ("Jokowi, Prabowo", "Kedua tokoh bertemu di Istana.")
    table = tmp_path / "table.txt"
    table.write_text("id;judul;isi\n1;A;Isi satu\n")
    [article], _ = read(table)
    assert (article.id, article.text) == ("1", "Isi satu")


def test_numbers_and_nan_from_pandas_exports(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    frame = pd.DataFrame(
        {
            "id": [1, None],
            "judul": ["A", "B"],
            "isi": ["Isi A", "Isi B"],
            "tanggal": [1733123100, None],
        }
    )
    path = tmp_path / "feed.parquet"
    frame.to_parquet(path)
    articles, rejects = read(path)
    assert articles[0].id == "1"  # stored as 1.0 because a cell was empty
    assert articles[0].published_at is not None
    assert articles[0].published_at.isoformat() == "2024-12-02T07:05:00+00:00"
    assert articles[1].published_at is None
    assert list(rejects) == []
    nan = tmp_path / "nan.jsonl"
    nan.write_text('{"judul": NaN, "isi": "Isi dengan judul NaN", "sumber": NaN}\n')
    [article], rejects = read(nan)
    assert (article.title, article.source) == ("", "")
    assert list(rejects) == []


def test_a_stray_nul_or_a_superscript_costs_at_most_its_record(tmp_path: Path) -> None:
    rows = [f"r{i},Judul {i},Isi berita {i}.,2024-12-0{1 + i % 9}" for i in range(30)]
    rows[1] = "r1,Judul 1,Isi \x00 berita.,2024-12-02"
    rows[2] = "r2,Judul 2,Isi berita dua.,\u00b2"
    path = tmp_path / "x.csv"
    path.write_text("id,judul,isi,tanggal\n" + "\n".join(rows) + "\n", encoding="utf-8")
    articles, rejects = read(path)
    assert len(articles) == 30
    assert [(r.line, r.reason) for r in rejects] == [(4, "bad_date")]


def test_a_utf8_file_with_a_cut_character_is_not_read_as_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(
        "id,isi\nu1,Caf\u00e9 buka\n".encode()
        + b"u2,Banjir \xe2\x80 Jakarta\nu3,Warga senang \xf0\x9f\x98 sekali\nu4,Isi \x93kutip\x94\n"
    )
    articles, rejects = read(path)
    texts = [a.text for a in articles]
    assert texts[1:] == [
        "Banjir \ufffd Jakarta",
        "Warga senang \ufffd sekali",
        "Isi \ufffdkutip\ufffd",
    ]
    assert {r.message for r in rejects} == {"bytes that are not UTF-8 were replaced"}


def test_a_windows_1252_line_joined_to_a_utf8_file_keeps_its_accents(tmp_path: Path) -> None:
    # seen in an operator's trial: "Andr\xe9s P\xe9rez" in a UTF-8 export became "Andr\ufffds
    # P\ufffdrez" for good (the README says such a line is read as Windows-1252)
    path = tmp_path / "x.csv"
    path.write_bytes(
        "id,isi\nu1,Caf\u00e9 buka\nu2,Kata \u201cdamai\u201d\nu3,Pel\u00e9 datang\n".encode()
        + b"u4,Gol cantik Andr\xe9s P\xe9rez\nu5,Isi \x93kutip\x94\n"
    )
    articles, rejects = read(path)
    # an accented letter standing alone is no UTF-8; curly quotes alone may be damage
    assert [a.text for a in articles][3:] == [
        "Gol cantik Andr\u00e9s P\u00e9rez",
        "Isi \ufffdkutip\ufffd",
    ]
    assert [r.message for r in rejects] == [
        "not UTF-8: read as Windows-1252 (cp1252)",
        "bytes that are not UTF-8 were replaced",
    ]


def test_an_api_response_on_one_line_is_read_record_by_record(tmp_path: Path) -> None:
    page = {
        "status": "ok",
        "articles": [{"title": "A", "content": "Isi A"}, {"title": "B", "content": "Isi B"}],
    }
    path = tmp_path / "pages.jsonl"  # one page of results per line, as an API is often dumped
    path.write_text(
        json.dumps(page)
        + "\n"
        + json.dumps(page | {"articles": [{"title": "C", "content": "Isi C"}]})
        + "\n"
    )
    articles, rejects = read(path)
    assert [a.title for a in articles] == ["A", "B", "C"]
    assert list(rejects) == []
