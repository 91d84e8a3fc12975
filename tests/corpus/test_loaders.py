from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from media_analytics.corpus import (
    Rejects,
    load_clickid,
    load_detik_aspect,
    load_detik_pilkada,
    normalize_label,
    read_labelled,
)

WIB = timezone(timedelta(hours=7))


def test_load_clickid_combines_date_and_time(tmp_path: Path) -> None:
    path = tmp_path / "clickid.csv"
    path.write_text(
        "article_id,source,title,date,date_from,date_raw,time,category,sub_category,content,url,source_file\n"
        "clickid-1,tempo.co,Judul A,2019-09-17,url,17/09/2019,08:22 WIB,nasional,-,Isi A.,https://t.co/a,x\n"
        "clickid-2,okezone.com,Judul B,2019-09-18,url,,10:05:09,News,-,Isi B.,https://o.com/b,x\n"
        "clickid-3,kompas.com,Judul C,2019-09-19,url,,-,News,-,Isi C.,https://k.com/c,x\n"
    )
    a, b, c = load_clickid(path)
    assert (a.id, a.title, a.text, a.source) == ("clickid-1", "Judul A", "Isi A.", "tempo.co")
    assert a.published_at == datetime(2019, 9, 17, 8, 22, tzinfo=WIB)
    assert b.published_at == datetime(2019, 9, 18, 10, 5, 9)
    assert c.published_at == datetime(2019, 9, 19)
    assert a.extra["category"] == "nasional"
    assert a.extra["time"] == "08:22 WIB"


def test_load_detik_aspect_reads_month_first(tmp_path: Path) -> None:
    path = tmp_path / "detik.csv"
    path.write_text(
        "id,judul,tautan,tanggal,isi_berita,Summary,entity,aspek_target,keyword_sumber\n"
        '7,Judul,https://news.detik.com/d-1/x,10/7/2025 20:51,Isi.,Ringkas.,"{""other"": []}",'
        "Politik,pemilu\n"
    )
    (article,) = load_detik_aspect(path)
    assert article.id == "7"
    assert article.url == "https://news.detik.com/d-1/x"
    assert article.published_at == datetime(2025, 10, 7, 20, 51)
    assert article.source == "detik.com"
    assert article.extra["entity"] == '{"other": []}'


def test_load_detik_pilkada_uses_link_and_indonesian_dates(tmp_path: Path) -> None:
    path = tmp_path / "pilkada.csv"
    path.write_text(
        "Judul,Tanggal,Deskripsi,Kategori,Link\n"
        'J,"Jumat, 31 Mei  2024 17:01 WIB",Lead singkat.,pilkada,https://www.detik.com/jateng/d-2/j\n'
    )
    rejects = Rejects()
    (article,) = load_detik_pilkada(path, rejects=rejects)
    assert article.url == "https://www.detik.com/jateng/d-2/j"
    assert article.id.startswith("u-")
    assert article.text == "Lead singkat."
    assert article.published_at == datetime(2024, 5, 31, 17, 1, tzinfo=WIB)
    assert len(rejects) == 0


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        ("positive", "positive"),
        ("Positif", "positive"),
        ("POS", "positive"),
        ("neutral", "neutral"),
        ("netral", "neutral"),
        ("neu", "neutral"),
        ("negative", "negative"),
        (" negatif ", "negative"),
        ("neg", "negative"),
        ("1", None),
        ("senang", None),
        (None, None),
    ],
)
def test_label_spellings(raw: str | None, label: str | None) -> None:
    assert normalize_label(raw) == label


def test_read_labelled_nusax_style_csv(tmp_path: Path) -> None:
    path = tmp_path / "train.csv"
    path.write_text(
        'id,text,label\n1,"Enak, murah.",positive\n2,Biasa saja.,neutral\n3,Jelek.,buruk\n'
    )
    rejects = Rejects()
    frame = read_labelled(path, rejects=rejects)
    assert frame.to_dict("records") == [
        {"text": "Enak, murah.", "label": "positive"},
        {"text": "Biasa saja.", "label": "neutral"},
    ]
    assert [(r.line, r.reason) for r in rejects] == [(4, "bad_label")]


def test_read_labelled_smsa_style_tsv_without_header(tmp_path: Path) -> None:
    path = tmp_path / "train_preprocess.tsv"
    path.write_text(
        'tempat nya nyaman , kata nya " enak " .\tpositive\n'
        "pelayanan lambat .\tnegative\n"
        "tanpa label\n"
        "harga biasa .\tunknown\n"
    )
    rejects = Rejects()
    frame = read_labelled(path, rejects=rejects)
    assert frame["text"].tolist() == [
        'tempat nya nyaman , kata nya " enak " .',
        "pelayanan lambat .",
    ]
    assert frame["label"].tolist() == ["positive", "negative"]
    assert [(r.line, r.reason) for r in rejects] == [(3, "field_count"), (4, "bad_label")]


def test_read_labelled_cnbc_style_prefers_the_original_headline(tmp_path: Path) -> None:
    path = tmp_path / "train_data.csv"
    path.write_text(
        "judul,text,tanggal,sentimen\n"
        "Saham Naik 5%,saham naik 5,2024/11/29,positif\n"
        "Rupiah Melemah,rupiah melemah,2024/11/30,negatif\n"
        "IHSG Datar,ihsg datar,2024/12/01,netral\n"
    )
    frame = read_labelled(path)
    assert frame["text"].tolist() == ["Saham Naik 5%", "Rupiah Melemah", "IHSG Datar"]
    assert frame["label"].tolist() == ["positive", "negative", "neutral"]
    assert read_labelled(path, text_column="text")["text"].iloc[0] == "saham naik 5"


def test_read_labelled_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "own.jsonl"
    rows = [
        {"text": "Bagus.", "label": "pos"},
        {"text": "", "label": "neg"},
        {"text": "Oke", "label": 1},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\nbukan json\n")
    rejects = Rejects()
    frame = read_labelled(path, rejects=rejects)
    assert frame.to_dict("records") == [{"text": "Bagus.", "label": "positive"}]
    assert [(r.line, r.reason) for r in rejects] == [
        (2, "missing_text"),
        (3, "bad_label"),
        (4, "invalid_json"),
    ]


def test_read_labelled_unknown_layout_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(ValueError, match="cannot tell which column holds the text"):
        read_labelled(path)
    # seen by a researcher: a CSV without a header line was told to name a column, which
    # would have dropped its first row; a file whose first line holds a label has no header
    path.write_text("Pelayanan sangat memuaskan,positive\nJalan rusak parah,negatif\n")
    with pytest.raises(ValueError, match=r"no header line: .*'positive' is a label"):
        read_labelled(path)


def test_read_labelled_takes_the_headline_names_the_article_readers_take(tmp_path: Path) -> None:
    for header in ("Headline,Sentiment", "Judul Berita,Sentimen"):
        path = tmp_path / "hl.csv"
        path.write_bytes(f"\ufeff{header}\r\nIHSG Menguat Tajam,positif\r\n".encode())
        assert read_labelled(path).to_dict("records") == [
            {"text": "IHSG Menguat Tajam", "label": "positive"}
        ]


def test_a_tsv_header_it_does_not_know_is_one_error_naming_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "nusax.tsv"
    rows = ["neutral\tNikmati cicilan 0%", "positive\tKuenya enak"]
    for header in ("Kelas Sentimen\tTeks Ulasan", "Teks Ulasan\tKelas Sentimen"):
        flip = not header.startswith("Kelas")  # the text first
        body = ["\t".join(reversed(r.split("\t"))) if flip else r for r in rows]
        path.write_text("\n".join([header, *body]) + "\n", encoding="utf-8")
        rejects = Rejects()
        with pytest.raises(ValueError, match=r"first line looks like a header") as caught:
            read_labelled(path, rejects=rejects)
        assert "['" + header.replace("\t", "', '") + "']" in str(caught.value)
        assert "text_column=NAME, label_column=NAME" in str(caught.value)
        assert not rejects
        named = read_labelled(path, text_column="Teks Ulasan", label_column="Kelas Sentimen")
        assert named["label"].tolist() == ["neutral", "positive"]
    # a first data row with a mistyped label is still that: one row left out
    path.write_text("Harga emas stagnan\tneutrall\nKuenya enak\tpositive\n", encoding="utf-8")
    rejects = Rejects()
    assert read_labelled(path, rejects=rejects)["text"].tolist() == ["Kuenya enak"]
    assert [(r.line, r.reason) for r in rejects] == [(1, "bad_label")]


def test_a_row_without_a_label_says_no_label(tmp_path: Path) -> None:
    csv_path = tmp_path / "a.csv"
    csv_path.write_text("text,label\nSaham GOTO Anjlok,\nLaba naik,pos\n")
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(
        '{"text": "Enak", "label": "pos"}\n{"text": "Menu baru"}\n'
        '{"text": "Menu lama", "label": null}\n'
    )
    for path in (csv_path, jsonl):
        rejects = Rejects()
        read_labelled(path, rejects=rejects)
        assert {(r.reason, r.message) for r in rejects} == {("missing_label", "no label")}


def test_a_tone_file_with_judul_isi_berita_sentimen_reads_headline_and_body(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tone.csv"
    path.write_text("judul,isi_berita,sentimen\nBanjir surut,Warga pulang ke rumah.,positif\n")
    assert read_labelled(path, headline=True)["text"].tolist() == [
        "Banjir surut\nWarga pulang ke rumah."
    ]
