"""``read_frame`` and ``read_records``: a DataFrame (or a list of dicts) read as a file's records,
with what a frame has that a file has not (several outlets joined, columns known before any row)."""

from __future__ import annotations

import logging
import math
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from media_analytics.corpus import Rejects, read_articles, read_frame, read_records

from ..conftest import clickid_articles, shared_file

BODY = "Polisi menangkap dua tersangka pencurian sepeda motor di Jakarta Selatan, Senin."


def _rows(source: str | None, dates: list[str]) -> list[dict[str, Any]]:
    rows = [
        {"title": f"{source} {k}", "text": f"{BODY} ({source} {k})", "date": value}
        for k, value in enumerate(dates)
    ]
    if source is not None:
        for row in rows:
            row["source"] = source
    return rows


def _days(rows: list[tuple[int, Any]]) -> list[date | None]:
    return [a.published_at.date() if a.published_at else None for _, a in rows]


def test_auto_date_order_is_settled_per_outlet_in_a_frame_of_joined_exports() -> None:
    # detik writes the month first, Kompas the day first; joined, each reads as its own file does
    frame = pd.DataFrame(
        _rows("detik.com", ["10/21/2025 20:43", "10/05/2025 08:00"])
        + _rows("Kompas.com", ["10/09/2019", "20/09/2019", "05/09/2019"])
    )
    rejects = Rejects()
    assert _days(read_frame(frame, rejects=rejects)) == [
        date(2025, 10, 21), date(2025, 10, 5),
        date(2019, 9, 10), date(2019, 9, 20), date(2019, 9, 5),
    ]  # fmt: skip
    assert len(rejects) == 0  # no outlet's dates contradict its order: nothing to warn about
    # a list of dicts is read the same way
    records = frame.to_dict("records")
    assert _days(read_records(records, dayfirst="auto")) == _days(read_frame(frame))


def test_an_outlet_that_mixes_orders_is_warned_about_by_name_with_its_guessed_dates() -> None:
    frame = pd.DataFrame(
        _rows("detik.com", ["10/21/2025 20:43"])
        + _rows("Kompas.com", ["20/09/2019", "10/09/2019", "05/09/2019", "09/17/2019"])
    )
    rejects = Rejects()
    kept = read_frame(frame, rejects=rejects)
    assert _days(kept)[4] == date(2019, 9, 17)  # reads only month first: read so
    (warning,) = rejects
    assert (warning.file, warning.line, warning.reason) == ("DataFrame", 4, "mixed_date_order")
    assert "unlike the other dates of the rows of outlet 'Kompas.com'" in warning.message
    assert "as row 1 shows ('20/09/2019')" in warning.message
    # 10/09/2019 and 05/09/2019 read both ways and were read day first, the outlet's order
    assert "2 of its dates that read both ways were read day first, a guess" in warning.message
    assert "file" not in warning.message


def test_a_frame_without_outlets_is_one_and_its_warning_says_frame_and_counts() -> None:
    frame = pd.DataFrame(
        _rows(None, ["10/21/2025 20:43", "10/05/2025", "20/09/2019", "10/09/2019", "01/02/2019"])
    )
    rejects = Rejects()
    assert _days(read_frame(frame, rejects=rejects)) == [
        date(2025, 10, 21), date(2025, 10, 5), date(2019, 9, 20), date(2019, 10, 9),
        date(2019, 1, 2),
    ]  # fmt: skip
    (warning,) = rejects
    assert (warning.line, warning.reason) == (2, "mixed_date_order")
    assert "unlike the other dates of the frame (" in warning.message
    assert "3 of its dates that read both ways were read month first" in warning.message


def test_an_outlet_whose_dates_tell_nothing_takes_the_others_order_and_a_guess_is_said() -> None:
    month_first = _rows("detik.com", ["10/21/2025 20:43"])
    undecided = _rows("tempo.co", ["03/04/2019", "04/05/2019", "07/07/2019"])
    # the outlets that tell agree: their order, without a warning
    rejects = Rejects()
    assert _days(read_frame(pd.DataFrame(month_first + undecided), rejects=rejects))[1:] == [
        date(2019, 3, 4), date(2019, 4, 5), date(2019, 7, 7)
    ]  # fmt: skip
    assert len(rejects) == 0
    # they differ (one each way: day first on a tie): a guess, counted (07/07 reads one day)
    day_first = _rows("Kompas.com", ["20/09/2019"])
    rejects = Rejects()
    kept = read_frame(pd.DataFrame(month_first + day_first + undecided), rejects=rejects)
    assert _days(kept)[2:] == [date(2019, 4, 3), date(2019, 5, 4), date(2019, 7, 7)]
    (warning,) = rejects
    assert (warning.line, warning.reason) == (2, "mixed_date_order")
    assert "day first: Kompas.com; month first: detik.com" in warning.message
    assert "2 date(s) of 1 outlet(s) with no date that reads only one way ('tempo.co')" in (
        warning.message
    )


def test_joined_detik_and_clickid_exports_read_every_date_right() -> None:
    # detik's export writes 10/21/2025 20:43; CLICK-ID's dates written dd/mm/YYYY, as another
    # outlet's export would: joined, one order for the frame read 86 of 300 CLICK-ID dates wrong
    detik = pd.read_csv(shared_file("corpora/detik-aspect-news-2025/data_berita.csv")).head(300)
    detik_frame = pd.DataFrame({
        "title": detik["judul"], "text": detik["isi_berita"], "date": detik["tanggal"],
        "url": detik["tautan"], "source": "detik.com",
    })  # fmt: skip
    click = pd.DataFrame(clickid_articles(n=300))
    truth = [
        *pd.to_datetime(detik["tanggal"], format="%m/%d/%Y %H:%M").dt.date,
        *pd.to_datetime(click["published_at"]).dt.date,
    ]
    click["published_at"] = pd.to_datetime(click["published_at"]).dt.strftime("%d/%m/%Y")
    click = click.drop(columns="id").rename(columns={"published_at": "date"})
    frame = pd.concat([detik_frame, click], ignore_index=True)
    kept = read_frame(frame, rejects=Rejects())
    assert len(kept) > 550
    wrong = [i for (i, a) in kept if a.published_at is None or a.published_at.date() != truth[i]]
    assert wrong == []


def _clickid_frame(rows: int) -> pd.DataFrame:
    """CLICK-ID articles under the export's own column names (``content``, ``date``)."""
    frame = pd.DataFrame(clickid_articles(n=rows))
    return frame.rename(columns={"text": "content", "published_at": "date"})


def test_a_frame_without_a_text_column_is_one_error_about_its_columns_rejects_or_not() -> None:
    renamed = _clickid_frame(50).rename(columns={"content": "article_body"})
    for rejects in (None, Rejects()):
        with pytest.raises(ValueError) as raised:
            read_frame(renamed, rejects=rejects)
        message = str(raised.value)
        assert message.startswith("no column of the frame is read as the article text")
        assert "looked for text, content, isi_berita" in message
        assert 'column_map={"COLUMN": "text"}' in message
        assert "'article_body'" in message and "'title'" in message  # the frame's columns
        assert not message.startswith("row ")
        assert rejects is None or len(rejects) == 0  # raised before any row was read
    # a column_map entry for the text that names no column says so
    with pytest.raises(ValueError, match=r"^column_map=\{'Naskah': 'text'\} names no column"):
        read_frame(renamed, column_map={"Naskah": "text"}, rejects=Rejects())
    # named, the frame is read
    assert len(read_frame(renamed, column_map={"article_body": "text"})) == 50


def test_a_column_map_entry_naming_no_column_is_one_warning_of_the_frame(
    caplog: pytest.LogCaptureFixture,
) -> None:
    frame = _clickid_frame(20)
    rejects = Rejects()
    assert len(read_frame(frame, column_map={"nonexistent": "text"}, rejects=rejects)) == 20
    (warning,) = rejects
    assert (warning.line, warning.reason, warning.severity) == (0, "unknown_column", "warning")
    assert warning.message.startswith(
        "column_map={'nonexistent': 'text'} names no column of the frame; text read from "
        "'content'; columns: id, title, content"
    )
    # without rejects: logged once as the frame's, not as a row kept with a warning
    with caplog.at_level(logging.WARNING, logger="media_analytics"):
        read_frame(frame, column_map={"nonexistent": "text"})
    said = [r.getMessage() for r in caplog.records]
    assert len(said) == 1 and said[0].startswith("DataFrame: column_map={'nonexistent'")


def test_a_headline_alone_is_scored_and_only_a_count_or_total_row_is_left_out() -> None:
    # what the docs of read_frame, score_frame and the README say of an empty body
    rows = [
        ("Harga Emas Antam Hari Ini Naik", None, None),  # a headline alone: kept
        ("Total", None, None),  # a total, no date or URL: a summary row
        ("Total", None, "2024-01-02"),  # dated: an article whose body was missed
        ("Total Kerugian Banjir Capai Rp 5 Miliar", None, None),  # a headline opening so
        ("67 artikel", None, None),  # a count
        (None, "4 artikel", None),  # a count in the body under no headline
    ]
    rejects = Rejects()
    kept = read_frame(pd.DataFrame(rows, columns=["title", "text", "date"]), rejects=rejects)
    assert [i for i, _ in kept] == [0, 2, 3]
    assert {(r.line, r.reason) for r in rejects.skipped} == {
        (1, "not_article"), (4, "not_article"), (5, "not_article")
    }  # fmt: skip
    assert [r.reason for r in rejects.warnings] == ["no_content"] * 3


def test_two_columns_named_like_one_field_are_one_warning_naming_the_one_read(
    tmp_path: Path,
) -> None:
    frame = _clickid_frame(5).assign(isi="Ringkasan lain dari berita ini.", judul="Judul lain")
    rejects = Rejects()
    kept = read_frame(frame, rejects=rejects)
    assert [a.text for _, a in kept] == list(frame["content"])
    assert kept[0][1].extra["isi"] == "Ringkasan lain dari berita ini."
    said = {r.reason: [] for r in rejects}
    for r in rejects:
        said[r.reason].append((r.line, r.message))
    assert said == {
        "ambiguous_column": [
            (0, "columns 'title' and 'judul' both name the title: title read from 'title', "
                "'judul' carried as an extra field (to read 'judul' instead: "
                "column_map={'judul': 'title'})"),
            (0, "columns 'content' and 'isi' both name the text: text read from 'content', "
                "'isi' carried as an extra field (to read 'isi' instead: "
                "column_map={'isi': 'text'})"),
        ]
    }  # fmt: skip
    # the choice made, nothing to say
    rejects = Rejects()
    chosen = read_frame(frame, column_map={"isi": "text", "judul": "title"}, rejects=rejects)
    assert len(rejects) == 0 and chosen[0][1].text == "Ringkasan lain dari berita ini."
    # a file is read alike: one warning for the file
    path = tmp_path / "export.csv"
    frame.drop(columns="judul").to_csv(path, index=False)
    rejects = Rejects()
    assert len(list(read_articles(path, rejects=rejects))) == 5
    (warning,) = rejects
    assert (warning.line, warning.reason) == (2, "ambiguous_column")
    assert "to read 'isi' instead: --column isi=text" in warning.message


def test_a_date_column_empty_in_every_row_is_said_as_a_missing_one() -> None:
    for empty in (math.nan, None, pd.NaT, ""):
        frame = _clickid_frame(4).assign(date=empty)
        rejects = Rejects()
        kept = read_frame(frame, rejects=rejects)
        assert [a.published_at for _, a in kept] == [None] * 4
        (warning,) = rejects
        assert (warning.line, warning.reason, warning.severity) == (0, "no_date_column", "warning")
        assert warning.message.startswith("the date column 'date' is empty in every row")
    # one date is enough to say nothing
    frame = _clickid_frame(4)
    frame.loc[1:, "date"] = None
    rejects = Rejects()
    read_frame(frame, rejects=rejects)
    assert len(rejects) == 0
