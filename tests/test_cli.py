from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from media_analytics.cli import main
from media_analytics.pipeline import MediaPipeline
from media_analytics.themes.training import read_sample_records


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def test_demo_scores_the_whole_sample(tmp_path: Path) -> None:
    n_sample = len(read_sample_records())
    assert n_sample >= 300
    assert main(["demo", "--out", str(tmp_path), "--jobs", "1"]) == 0
    rows = _lines(tmp_path / "scored.jsonl")
    assert len(rows) == n_sample
    assert sum(1 for r in rows if r["themes"]) > 100
    assert sum(1 for r in rows if r["duplicate_of"]) >= 10  # the syndicated copies
    html = (tmp_path / "report.html").read_text("utf-8")
    assert "pilkada_security" in html and "<svg" in html
    # the report command reads the same scored file
    out = tmp_path / "again" / "weekly.html"
    assert main(["report", str(tmp_path / "scored.jsonl"), "--out", str(out)]) == 0
    assert out.is_file() and (out.parent / "weekly" / "tables" / "spikes.csv").is_file()
    assert (out.parent / "weekly" / "report.md").is_file()
    assert not (out.parent / "tables").exists() and not (out.parent / "report.md").exists()
    # the HTML's links to the tables are relative to where it is
    assert 'href="weekly/tables/spikes.csv"' in out.read_text("utf-8")


def test_report_refuses_a_database_that_does_not_exist(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "typo.sqlite"
    assert main(["report", "--db", str(missing), "--out", str(tmp_path / "r")]) == 2
    assert f"--db {missing}: no such database file" in capsys.readouterr().err
    assert not missing.exists()  # not created empty under the mistyped name


def test_report_on_a_csv_of_scores_says_what_it_reads_and_the_way_that_works(
    tmp_path: Path, capsys
) -> None:
    import pandas as pd

    from media_analytics.reports import build_report

    theme = {"theme": "public_dialogue", "score": 0.9, "evidence": ["dialog"]}
    record = {"id": "a", "published_at": "2024-11-26", "source": "X", "title": "t"}
    scores = tmp_path / "scores.csv"  # as the README's score_frame(...).to_csv writes it
    pd.DataFrame([{**record, "themes": [theme]}]).to_csv(scores, index=False)
    assert main(["report", str(scores), "--out", str(tmp_path / "r")]) == 2
    (said,) = capsys.readouterr().err.strip().splitlines()
    assert "report reads scored JSONL (as score --out writes it) and .parquet" in said
    assert 'build_report(pd.read_csv("scores.csv"), "report/")' in said
    assert "html" in build_report(pd.read_csv(scores), tmp_path / "r")  # the way it names
    # a JSONL file broken further on is a broken file, not the wrong kind: no such advice
    broken = tmp_path / "scored.jsonl"
    broken.write_text(json.dumps(record) + "\n{cut", "utf-8")
    assert main(["report", str(broken), "--out", str(tmp_path / "r")]) == 2
    said = capsys.readouterr().err
    assert "scored.jsonl:2: not a scored record" in said and "report reads" not in said


def test_report_on_articles_not_yet_scored_says_to_score_them_first(tmp_path: Path, capsys) -> None:
    # seen on real news: a crawler's CSV export given to report exited with "not a scored
    # record (Expecting value ...)" and advice about a CSV of scores read back in Python
    export = tmp_path / "crawler_export.csv"
    export.write_text(
        "article_id,source,title,date,content,url\n"
        'a1,tempo.co,Banjir di Jakarta,2019-09-17,"Hujan deras, kata BPBD.",https://x.id/a1\n',
        encoding="utf-8",
    )
    index = tmp_path / "index.csv"  # detik's Pilkada index: Judul, Tanggal, Deskripsi, ...
    index.write_text(
        "Judul,Tanggal,Deskripsi,Kategori,Link\n"
        'Debat Pilkada,"Sabtu, 21 Des 2024 22:30 WIB",Debat kedua.,berita,https://x.id/b\n',
        encoding="utf-8",
    )
    raw = tmp_path / "articles.jsonl"  # a JSONL of articles reads, but holds no scores
    raw.write_text(
        json.dumps({"id": "a", "title": "t", "text": "isi", "published_at": "2024-11-26"}) + "\n",
        encoding="utf-8",
    )
    for path in (export, index, raw):
        assert main(["report", str(path), "--out", str(tmp_path / "r.html")]) == 2, path
        (said,) = capsys.readouterr().err.strip().splitlines()
        assert f"run media-analytics score {path} --out scored.jsonl first" in said, said
        assert "build_report" not in said
    assert not (tmp_path / "r.html").exists()
    workbook = tmp_path / "export.xlsx"  # a zip: no text at all
    workbook.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\xa8\x9c")
    assert main(["report", str(workbook), "--out", str(tmp_path / "r.html")]) == 2
    (said,) = capsys.readouterr().err.strip().splitlines()
    assert "not UTF-8 text" in said and f"media-analytics score {workbook}" in said


def test_report_chooses_the_actor_types_of_its_actor_tables(tmp_path: Path, capsys) -> None:
    scored = tmp_path / "scored.jsonl"
    actors = [
        {"name": "Indonesia", "type": "place"},
        {"name": "Joko Widodo", "type": "person"},
    ]
    record = {"id": "a", "published_at": "2024-11-26", "source": "X", "title": "t",
              "themes": [], "actors": actors}  # fmt: skip
    scored.write_text(json.dumps(record) + "\n", "utf-8")
    out = tmp_path / "r"
    assert main(["report", str(scored), "--out", str(out)]) == 0
    top = (out / "tables" / "top_actors.csv").read_text("utf-8")
    assert "Joko Widodo" in top and "Indonesia" not in top
    assert "Indonesia" in (out / "tables" / "top_places.csv").read_text("utf-8")
    again = tmp_path / "again"
    base = ["report", str(scored), "--out", str(again)]
    assert main([*base, "--actor-types", "person,organization,place"]) == 0
    assert "Indonesia" in (again / "tables" / "top_actors.csv").read_text("utf-8")
    capsys.readouterr()
    assert main([*base, "--actor-types", "people"]) == 2
    assert "--actor-types 'people'" in capsys.readouterr().err


def test_report_quiet_prints_nothing_when_all_is_well(tmp_path: Path, capsys) -> None:
    # a cron job mails whatever a command prints: the report's list of files every day
    scored = tmp_path / "scored.jsonl"
    record = {"id": "a", "published_at": "2024-11-26", "source": "X", "title": "t",
              "themes": [], "actors": []}  # fmt: skip
    scored.write_text(json.dumps(record) + "\n", "utf-8")
    assert main(["report", str(scored), "--out", str(tmp_path / "r")]) == 0
    assert "html: " in capsys.readouterr().out
    assert main(["report", str(scored), "--out", str(tmp_path / "q"), "-q"]) == 0
    assert capsys.readouterr().out == ""
    assert (tmp_path / "q" / "report.html").is_file()
    # the CSV tables only: no workbook, whether or not openpyxl is installed
    assert main(["report", str(scored), "--out", str(tmp_path / "c"), "-q", "--no-excel"]) == 0
    assert not (tmp_path / "c" / "tables.xlsx").exists()
    assert (tmp_path / "c" / "tables" / "stories.csv").is_file()


def test_report_needs_one_source(tmp_path: Path, capsys) -> None:
    assert main(["report", "--out", str(tmp_path)]) == 2
    assert "either --db" in capsys.readouterr().err


def test_report_refuses_bad_days_and_names_a_theme_no_story_carries(
    tmp_path: Path, capsys, caplog
) -> None:
    scored = tmp_path / "scored.jsonl"
    theme = {"theme": "public_dialogue", "score": 0.9, "evidence": ["dialog"]}
    record = {
        "id": "a",
        "published_at": "2024-11-26",
        "source": "X",
        "title": "t",
        "themes": [theme],
    }
    scored.write_text(json.dumps(record) + "\n", "utf-8")
    base = ["report", str(scored), "--out", str(tmp_path / "r")]
    assert main([*base, "--since", "2024-13-01"]) == 2
    assert "not a day as YYYY-MM-DD: '2024-13-01'" in capsys.readouterr().err
    for other_iso_form in ("20241202", "2024-W49-1"):  # the database compares text: refused
        assert main([*base, "--until", other_iso_form]) == 2
        assert f"not a day as YYYY-MM-DD: '{other_iso_form}'" in capsys.readouterr().err
    assert main([*base, "--since", "2024-12-01", "--until", "2024-11-01"]) == 2
    assert "--since 2024-12-01 is after --until 2024-11-01" in capsys.readouterr().err
    # a taxonomy theme no story carries in the range: its (empty) report, with a warning
    assert main([*base, "--theme", "money_politics"]) == 0
    assert (
        "no story carries the theme(s) 'money_politics' (themes in the data: public_dialogue)"
        in (caplog.text)
    )


def test_report_refuses_a_misspelt_theme_and_counts_the_stories_carrying_the_theme(
    tmp_path: Path, capsys, caplog
) -> None:
    """``--theme public_dialog`` (a typo) wrote an empty report and exited 0, and the log said
    "report on 2 stories" for a report on 1: the typo is refused, naming the known themes."""
    scored = tmp_path / "scored.jsonl"
    rows = [
        {"id": "a", "published_at": "2024-11-26", "source": "X", "title": "t",
         "themes": [{"theme": "public_dialogue", "score": 0.9, "evidence": ["dialog"]}]},
        {"id": "b", "published_at": "2024-11-26", "source": "X", "title": "u",
         "themes": [{"theme": "my_own", "score": 0.9, "evidence": ["x"]}]},
    ]  # fmt: skip
    scored.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    base = ["report", str(scored), "--out", str(tmp_path / "r")]
    assert main([*base, "--theme", "public_dialog"]) == 2
    err = capsys.readouterr().err
    assert "--theme 'public_dialog': not a theme of these records or the taxonomy" in err
    assert "known themes: asn_neutrality, " in err and ", my_own, " in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "r").exists()
    caplog.set_level(logging.INFO)
    assert main([*base, "--theme", "my_own"]) == 0  # a theme only the records carry
    assert "report on 1 stories" in caplog.text


def test_report_takes_a_theme_by_its_taxonomy_name_or_in_any_case(
    tmp_path: Path, capsys, caplog
) -> None:
    """``--theme "Keamanan Pilkada"`` (the taxonomy's Indonesian name of pilkada_security) and
    ``--theme Pilkada_Security`` were refused as unknown themes."""
    import pandas as pd

    scored = tmp_path / "scored.jsonl"
    rows = [
        {"id": "a", "published_at": "2024-11-26", "source": "X", "title": "t",
         "themes": [{"theme": "pilkada_security", "score": 0.9, "evidence": ["TPS rawan"]}]},
        {"id": "b", "published_at": "2024-11-26", "source": "X", "title": "u",
         "themes": [{"theme": "my_own", "score": 0.9, "evidence": ["x"]}]},
    ]  # fmt: skip
    scored.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    caplog.set_level(logging.INFO)
    for asked in ("Keamanan Pilkada", "Pilkada_Security", "MY_OWN"):
        caplog.clear()
        out = tmp_path / asked.replace(" ", "-")
        assert main(["report", str(scored), "--out", str(out), "--theme", asked]) == 0, asked
        mapped = [r for r in caplog.records if f"{asked!r}" in r.getMessage()]
        assert len(mapped) == 1 and mapped[0].levelno == logging.INFO, caplog.text
        assert "report on 1 stories" in caplog.text
    stories = pd.read_csv(tmp_path / "Keamanan-Pilkada" / "tables" / "stories.csv")
    assert stories["id"].tolist() == ["a"]
    assert main(["report", str(scored), "--out", str(tmp_path / "r"), "--theme", "Keamanan"]) == 2
    err = capsys.readouterr().err
    assert "--theme 'Keamanan': not a theme" in err and "pilkada_security" in err


def test_report_counts_an_alias_under_the_analysts_name(tmp_path: Path, capsys) -> None:
    scored = tmp_path / "scored.jsonl"
    names = [["Korps Bhayangkara"], ["Polri"], ["Polri", "Korps Bhayangkara"]]
    rows = [
        {
            "id": f"a{i}",
            "published_at": "2024-11-26",
            "source": "X",
            "title": "t",
            "actors": [{"name": n, "type": "organization"} for n in these],
        }
        for i, these in enumerate(names)
    ]
    scored.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    table = tmp_path / "names.csv"
    table.write_text("alias,name\nkorps bhayangkara,Polri\n", "utf-8")
    out = tmp_path / "r"

    def base_args(scored: Path, out: Path, table: Path) -> list[str]:
        return ["report", str(scored), "--out", str(out), "--aliases", str(table)]

    assert main(base_args(scored, out, table)) == 0
    top = (out / "tables" / "top_actors.csv").read_text("utf-8").splitlines()
    assert top[1].startswith("Polri,organization,") and top[1].split(",")[4] == "3"
    assert len(top) == 2
    # actors to compare, by any form the articles wrote them in
    compared = [*base_args(scored, out, table), "--actor", "Korps Bhayangkara", "--actor", "TNI"]
    assert main(compared) == 0
    shares = (out / "tables" / "share_of_voice_actor.csv").read_text("utf-8").splitlines()
    assert shares[1:] == ["Korps Bhayangkara,3,1.0", "TNI,0,0.0"]
    table.write_text("alias\nPolri\n", "utf-8")
    assert main(["report", str(scored), "--out", str(out), "--aliases", str(table)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("media-analytics: error: --aliases: ") and "names.csv:1:" in err
    assert len(err.splitlines()) == 1


def test_a_missing_input_or_a_bad_column_map_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    out = str(tmp_path / "out.jsonl")
    assert main(["score", str(tmp_path / "nowhere.csv"), "--out", out, "-q"]) == 2
    assert "error: no such file or directory:" in capsys.readouterr().err
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"headline": "J", "text": "Isi."}) + "\n", "utf-8")
    assert main(["score", str(src), "--column", "headline=judul", "--out", out, "-q"]) == 2
    err = capsys.readouterr().err
    assert "--column 'headline=judul': 'judul' is not one of id, title, text" in err
    assert "Traceback" not in err


def test_score_help_documents_every_flag(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--help"]) == 0
    out = capsys.readouterr().out
    for flag in ["--model", "--out", "--db", "--rescore", "--jobs", "--column", "--date-order",
                 "--max-chars", "--batch-size", "--dedup-state", "--quiet", "--dedup-window",
                 "--dedup-lookahead", "--engine", "--scheduler", "--parts-dir"]:  # fmt: skip
        assert flag in out, flag


def test_bad_records_are_rejected_and_exit_1(tmp_path: Path, capsys, caplog) -> None:
    good = read_sample_records()[:5]
    lines = [json.dumps(r, ensure_ascii=False) for r in good]
    lines += ["{not json", json.dumps({"url": "https://x.id/a"}), json.dumps({"text": 42}), "[]"]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["score", str(src), "--out", str(out), "--jobs", "1", "-q"]) == 1
    assert [r["id"] for r in _lines(out)] == [r["id"] for r in good]
    err = capsys.readouterr().err
    assert "4 records rejected" in err
    assert "in.jsonl:6: invalid JSON" in caplog.text  # file, line and reason
    assert "in.jsonl:8: text must be a string" in caplog.text


def _dated_feed(tmp_path: Path, dates: list[str]) -> Path:
    """A CSV export (judul, isi, tanggal) of the first sample articles with these dates."""
    src = tmp_path / "feed.csv"
    rows = ["judul,isi,tanggal"]
    for record, when in zip(read_sample_records()[: len(dates)], dates, strict=True):
        body = " ".join(record["text"].split()).replace('"', "'")
        rows.append(f'"{record["title"]}","{body}",{when}')
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return src


def test_month_first_dates_are_read_by_default_and_failed_dates_are_shown(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    src = _dated_feed(tmp_path, ["10/21/2025 20:43", "9/15/2025 21:15", "3/4/2025"])
    out = tmp_path / "out.jsonl"
    args = ["score", str(src), "--column", "isi=text", "--out", str(out), "--jobs", "1", "-q"]
    assert main(args) == 0
    dates = [r["published_at"][:10] for r in _lines(out)]
    assert dates == ["2025-10-21", "2025-09-15", "2025-03-04"]
    # read day first on request: two dates cannot be, and the command says so
    assert main([*args, "--date-order", "dmy"]) == 0
    dates = [(r["published_at"] or "")[:10] for r in _lines(out)]
    assert dates == ["", "", "2025-04-03"]
    assert "kept with a warning, bad_date: " in caplog.text
    assert "feed.csv:2: published_at left empty: invalid date '10/21/2025 20:43'" in caplog.text
    assert "(and 1 more like it; -v lists them)" in caplog.text


def test_dates_left_empty_keep_their_value_and_verbose_lists_every_line(tmp_path: Path) -> None:
    src = _dated_feed(tmp_path, ["2 jam yang lalu", "kemarin", "18/10/24"])
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "media_analytics.cli"]
    args = ["score", str(src), "--out", str(out), "--jobs", "1"]
    done = subprocess.run([*command, *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert [(r["published_at"], r["published_at_raw"]) for r in _lines(out)] == [
        (None, "2 jam yang lalu"),
        (None, "kemarin"),
        (None, "18/10/24"),
    ]
    assert "feed.csv:2: published_at left empty" in done.stderr
    assert "(and 2 more like it; -v lists them)" in done.stderr
    # with --out there is no rejects table: -v names every record whose date was left empty
    done = subprocess.run([*command, "-v", *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for line in (2, 3, 4):
        assert f"kept with a warning, bad_date: {src}:{line}: published_at left empty" in (
            done.stderr
        )


def test_score_into_sqlite_is_incremental(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in.jsonl"
    records = read_sample_records()[:30]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    db = tmp_path / "media.db"
    assert main(["score", str(src), "--db", str(db), "--date-order", "dmy", "--jobs", "1"]) == 0
    assert (
        "scored 30 articles (30 rows read, 0 of them repeats "
        "of rows read earlier in this run: "
        "30 new articles, 0 already stored by an earlier run" in capsys.readouterr().err
    )
    # the file was read to its end by the first run and is unchanged: not read again (and with
    # -q nothing is said: a daily job under cron speaks only when records are rejected)
    assert (
        main(["score", str(src), "--db", str(db), "--date-order", "dmy", "--jobs", "1", "-q"]) == 0
    )
    assert "scored" not in capsys.readouterr().err
    assert main(["score", str(src), "--db", str(db), "--date-order", "dmy", "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert (
        "scored 0 articles (0 rows read, 0 of them repeats "
        "of rows read earlier in this run: "
        "0 new articles, 0 already stored by an earlier run, 0 of them changed)" in err
    )
    assert (
        main(["score", str(src), "--db", str(db), "--date-order", "dmy", "--jobs", "1", "--reread"])
        == 0
    )
    err = capsys.readouterr().err
    assert (
        "scored 0 articles (30 rows read, 0 of them repeats "
        "of rows read earlier in this run: "
        "0 new articles, 30 already stored by an earlier run, 0 of them changed)" in err
    )
    with sqlite3.connect(db) as con:
        n_scores = con.execute("SELECT COUNT(*) FROM scores").fetchone()[0]
        n_runs = con.execute("SELECT COUNT(*) FROM runs").fetchone()[0]
        files = con.execute("SELECT path, run_id FROM input_files").fetchall()
    assert n_scores == 30 and n_runs == 4
    assert files == [(str(src.resolve()), 4)]  # the run that read it last
    out = tmp_path / "again.jsonl"
    argv = ["score", str(src), "--db", str(db), "--date-order", "dmy", "--out", str(out)]
    assert main([*argv, "-q", "--jobs", "1"]) == 0
    assert _lines(out) == []  # nothing left to score
    assert main([*argv, "-q", "--jobs", "1", "--rescore"]) == 0
    assert len(_lines(out)) == 30
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM scores").fetchone()[0] == 30
        # that rescore stopped after its first 12 articles: its other scores are the old ones,
        # and it never finished
        (last,) = con.execute("SELECT MAX(run_id) FROM runs").fetchone()
        con.execute("UPDATE runs SET status = 'failed' WHERE run_id = ?", (last,))
        con.execute(
            "UPDATE scores SET run_id = 1 WHERE article_id NOT IN (SELECT article_id FROM "
            "scores WHERE run_id = ? ORDER BY article_id LIMIT 12)",
            (last,),
        )
    resumed = tmp_path / "resumed.jsonl"
    argv = ["score", str(src), "--db", str(db), "--date-order", "dmy", "--out", str(resumed)]
    argv += ["-q", "--jobs", "1"]
    assert main([*argv, "--rescore"]) == 0
    assert len(_lines(resumed)) == 18  # the rest of that rescore, not all 30 again
    assert main([*argv, "--rescore"]) == 0
    assert len(_lines(resumed)) == 30  # finished: the next rescore begins afresh


def test_the_dedup_window_bounds_what_duplicate_detection_remembers(tmp_path: Path) -> None:
    from media_analytics import cli
    from media_analytics.corpus import dedup

    assert cli.DEFAULT_WINDOW == dedup.DEFAULT_WINDOW
    records = read_sample_records()
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    marked = {}
    for window in ("0", "100000", "1"):
        out = tmp_path / f"w{window}.jsonl"
        argv = ["score", str(src), "--out", str(out), "--jobs", "1", "-q"]
        assert main([*argv, "--dedup-window", window]) == 0
        marked[window] = {r["id"]: r["duplicate_of"] for r in _lines(out) if r["duplicate_of"]}
    # the sample's copies sit within a few articles of their originals
    assert marked["0"] == marked["100000"] and len(marked["0"]) >= 5
    # remembering one article (and a half again) loses the copies further back
    assert len(marked["1"]) < len(marked["0"])
    assert main(["score", str(src), "--dedup-window", "-1", "-q"]) == 2


def _newest_first_feed(tmp_path: Path) -> Path:
    """A feed read newest first: a syndicated story's copies at 16:00 and 14:00 and its
    original at 13:00, another story at 15:00 in between."""
    body, other = (r["text"] for r in read_sample_records()[:2])

    def article(aid: str, hour: int, text: str = body) -> dict[str, str]:
        return {"id": aid, "title": f"Judul {aid}", "text": text, "source": aid,
                "published_at": f"2024-11-01T{hour:02d}:00:00+07:00"}  # fmt: skip

    feed = [article("c", 16), article("x", 15, other), article("b", 14), article("a", 13)]
    src = tmp_path / "feed.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in feed), "utf-8")
    return src


def test_the_dedup_lookahead_bounds_how_far_back_an_earlier_original_is_found(
    tmp_path: Path, capsys, caplog
) -> None:
    """An operator with more articles a day than the look-ahead raises it with
    --dedup-lookahead: within it the earliest-published copy is the story's original, whatever
    the order read; a copy read further on joins the story as one more copy."""
    from media_analytics import cli
    from media_analytics.corpus import dedup

    assert cli.DEFAULT_LOOKAHEAD == dedup.DEFAULT_LOOKAHEAD
    src = _newest_first_feed(tmp_path)
    marked = {}
    for ahead in (None, "3", "1"):
        out = tmp_path / f"ahead{ahead}.jsonl"
        argv = ["score", str(src), "--out", str(out), "--jobs", "1", "-q"]
        assert main([*argv, *(["--dedup-lookahead", ahead] if ahead else [])]) == 0
        marked[ahead] = {r["id"]: r["duplicate_of"] for r in _lines(out)}
    # the 13:00 original, read three articles after the 16:00 copy, takes the story over
    assert marked[None] == marked["3"] == {"c": "a", "x": None, "b": "a", "a": None}
    # holding one article back, the 16:00 copy's answer is final before 14:00 and 13:00 come
    assert marked["1"] == {"c": None, "x": None, "b": "c", "a": "c"}
    # a look-ahead that is no positive whole number: one line, before anything is read
    for bad, said in (("0", "must be 1 or more, not 0"), ("ten", "not a whole number: 'ten'")):
        capsys.readouterr()
        assert main(["score", str(src), "--dedup-lookahead", bad, "-q"]) == 2
        err = capsys.readouterr().err.strip().splitlines()[-1]
        assert err == f"media-analytics score: error: argument --dedup-lookahead: {said}"
    # with --db the stored records are corrected whenever the earlier copy comes: said ignored
    db = tmp_path / "m.db"
    with caplog.at_level(logging.WARNING, logger="media_analytics"):
        argv = ["score", str(src), "--db", str(db), "--date-order", "dmy", "--jobs", "1", "-q"]
        assert main([*argv, "--dedup-lookahead", "1"]) == 0
    assert "--dedup-lookahead is ignored with --db" in caplog.text


def test_dedup_state_marks_copies_of_an_earlier_runs_articles_without_a_database(
    tmp_path: Path, capsys
) -> None:
    """A job that writes files (no --db) and keeps --dedup-state: tomorrow's syndicated copy
    of an article scored today names today's article (the option was silently ignored)."""
    from media_analytics.corpus import DuplicateDetector
    from media_analytics.pipeline import as_article

    records = read_sample_records()
    pairs = DuplicateDetector().find_duplicates(as_article(r) for r in records)
    copy, original = sorted(pairs.items())[0]
    by_id = {r["id"]: r for r in records}
    day1, day2 = tmp_path / "day1.jsonl", tmp_path / "day2.jsonl"
    day1.write_text(json.dumps(by_id[original], ensure_ascii=False) + "\n", "utf-8")
    day2.write_text(json.dumps(by_id[copy], ensure_ascii=False) + "\n", "utf-8")
    state = tmp_path / "feed.dedup.npz"
    for day in (day1, day2):
        out = day.with_suffix(".out.jsonl")
        assert main(["score", str(day), "--out", str(out), "--jobs", "1", "-q",
                     "--dedup-state", str(state)]) == 0  # fmt: skip
    assert state.is_file()
    assert _lines(day1.with_suffix(".out.jsonl"))[0]["duplicate_of"] is None
    assert _lines(day2.with_suffix(".out.jsonl"))[0]["duplicate_of"] == original
    # without the state each run sees only its own input
    alone = tmp_path / "alone.jsonl"
    assert main(["score", str(day2), "--out", str(alone), "--jobs", "1", "-q"]) == 0
    assert _lines(alone)[0]["duplicate_of"] is None
    # a state in a folder that does not exist is said before anything is read or created
    db = tmp_path / "m.db"
    for where in (["--out", str(tmp_path / "x.jsonl")], ["--db", str(db)]):
        bad = ["score", str(day1), *where, "--dedup-state", str(tmp_path / "nodir" / "s.npz")]
        assert main(bad) == 2
    assert "no such folder" in capsys.readouterr().err
    assert not db.exists() and not (tmp_path / "x.jsonl").exists()


def test_an_out_file_named_for_another_format_is_refused(tmp_path: Path, capsys) -> None:
    """``--out scored.parquet`` wrote JSON lines under a Parquet name."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(read_sample_records()[0], ensure_ascii=False) + "\n", "utf-8")
    for name in ("scored.parquet", "scored.CSV", "scored.xlsx"):
        assert main(["score", str(src), "--out", str(tmp_path / name), "-q"]) == 2
        assert "written as JSON lines" in capsys.readouterr().err
        assert not (tmp_path / name).exists()


def test_unusable_theme_labels_are_a_one_line_error(tmp_path: Path, capsys) -> None:
    records = read_sample_records()[:20]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    typo = tmp_path / "typo.csv"
    typo.write_text(f"id,public_dialog\n{records[0]['id']},1\n")
    other = tmp_path / "other.csv"
    other.write_text("id,public_dialogue\nrow-1,1\n")
    bad = tmp_path / "bad.csv"
    bad.write_text(f"id,public_dialogue\n{records[0]['id']},ya\n")
    argv = ["train", str(src), "--out", str(tmp_path / "m"), "--jobs", "1", "--theme-labels"]
    expected = {
        typo: (
            "train: the theme labels name 1 theme(s) the taxonomy lacks: 'public_dialog' "
            "('public_dialog': did you mean 'public_dialogue'?; its themes: pilkada_security, "
        ),
        other: "train: none of the 1 ids of the theme labels is the id of a training article",
        bad: (
            f"bad.csv:2: article {records[0]['id']!r}: theme 'public_dialogue' must be 0, 1 or "
            "blank, got 'ya'"
        ),
    }
    for path, message in expected.items():
        assert main([*argv, str(path)]) == 2
        err = capsys.readouterr().err
        assert message in err
        assert "Traceback" not in err
    assert not (tmp_path / "m").exists()


def _sample_input(tmp_path: Path, n: int) -> tuple[list[dict], Path]:
    """The first ``n`` sample records, and a JSONL file of them."""
    records = read_sample_records()[:n]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    return records, src


def test_a_drafted_themes_labels_are_left_out_of_training_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # seen in a README audit: train --theme-labels refused a sheet with a column for a theme the
    # taxonomy lacks, which evaluate themes leaves out with a warning, as the README says
    records, src = _sample_input(tmp_path, 30)
    labels = tmp_path / "labels.csv"
    rows = [f"{r['id']},{int('public_dialogue' in r['gold']['themes'])},1" for r in records]
    labels.write_text("id,public_dialogue,bencana_banjir\n" + "\n".join(rows) + "\n")
    for extra in ([], ["--themes-only"]):
        out = tmp_path / f"m{len(extra)}"
        argv = ["train", str(src), "--theme-labels", str(labels), "--out", str(out), *extra]
        caplog.clear()
        assert main([*argv, "--jobs", "1", "--no-article-tone"] if not extra else argv) == 0
        assert "left out of the training: 'bencana_banjir'" in caplog.text
        assert MediaPipeline.load(out).themes_ is not None


def test_missing_model_is_a_clear_error(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(read_sample_records()[0]) + "\n", "utf-8")
    assert main(["score", str(src), "--model", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("media-analytics: error:") and "not a model directory" in err[-1]


def test_no_command_prints_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "demo" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert "media-analytics" in capsys.readouterr().out


def test_the_seed_article_as_a_text_file_gets_both_named_themes(tmp_path: Path) -> None:
    from .conftest import shared_file

    seed = shared_file("seeds/000_717329b73b4a0ffc.txt")
    out = tmp_path / "out.jsonl"
    # the seed's folder as a user would pass it: the .txt is the article, README.md is not
    assert main(["score", str(seed.parent), "--out", str(out), "--jobs", "1", "-q"]) == 0
    (record,) = _lines(out)
    themes = {t["theme"]: t for t in record["themes"]}
    assert {"pilkada_security", "public_dialogue"} <= set(themes)
    assert "Jumat Curhat" in themes["public_dialogue"]["evidence"]
    assert record["dateline"] == "Dumai"


def test_training_on_too_few_articles_says_so_in_plain_words(tmp_path: Path, capsys) -> None:
    rows = [
        {"id": "a", "title": "Banjir", "text": "Air sungai naik dan merendam rumah warga."},
        {"id": "b", "title": "Pasar", "text": "Harga cabai di pasar turun pekan ini."},
    ]
    corpus = tmp_path / "two.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    assert main(["train", str(corpus), "--out", str(tmp_path / "m")]) == 2
    err = capsys.readouterr().err
    assert "2 article(s) are too few to learn topic terms" in err
    assert "max_df" not in err and not (tmp_path / "m").exists()


def test_training_on_identical_articles_says_so_at_once_and_no_topics_trains(
    tmp_path: Path, capsys
) -> None:
    row = {"title": "Banjir", "text": "Air sungai naik dan merendam rumah warga di tepi kali."}
    corpus = tmp_path / "same.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": f"a{i}", **row}) + "\n" for i in range(30)), "utf-8"
    )
    started = time.perf_counter()
    assert main(["train", str(corpus), "--out", str(tmp_path / "m"), "--jobs", "2"]) == 2
    assert time.perf_counter() - started < 20  # before the sentiment classifier is fitted
    err = capsys.readouterr().err
    assert "30 article(s) are too alike to learn topic terms" in err
    assert "--no-topics" in err and "min_df" not in err and "MediaPipeline" not in err
    # the advice works: a model with themes and tone, and no topics
    from media_analytics.sentiment import default_training_data

    sentences = tmp_path / "sentences.csv"
    default_training_data().groupby("label").head(10).to_csv(sentences, index=False)
    args = ["train", str(corpus), "--out", str(tmp_path / "m"), "--no-topics", "--jobs", "1"]
    assert main([*args, "--no-article-tone", "--sentiment-data", str(sentences)]) == 0
    model = MediaPipeline.load(tmp_path / "m")
    assert model.topics_ is None
    (record,) = model.score([{"id": "x", **row}])
    assert record["topic"] is None and record["sentiment"] is not None


def test_an_earlier_output_survives_a_mistake_or_a_stop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = read_sample_records()[:6]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    out = tmp_path / "scored.jsonl"
    out.write_text("yesterday's records\n", encoding="utf-8")
    argv = ["score", str(src), "--out", str(out), "--jobs", "1", "-q"]
    # a usage mistake is said before the file is touched
    assert main([*argv, "--dedup-window", "-1"]) == 2
    assert out.read_text(encoding="utf-8") == "yesterday's records\n"
    # and an --out that is a folder before anything is scored
    folder = tmp_path / "outdir"
    folder.mkdir()
    assert main(["score", str(src), "--out", str(folder), "--jobs", "1", "-q"]) == 2
    assert not (tmp_path / "outdir.partial").exists()
    # a run that fails midway leaves the earlier file whole, and what it scored beside it
    from media_analytics.pipeline import MediaPipeline

    real = MediaPipeline.score

    def stops_after_two(self, *args, **kwargs):
        for i, record in enumerate(real(self, *args, **kwargs)):
            if i == 2:
                raise RuntimeError("worker lost")
            yield record

    monkeypatch.setattr(MediaPipeline, "score", stops_after_two)
    assert main(argv) == 2
    assert out.read_text(encoding="utf-8") == "yesterday's records\n"
    assert len(_lines(tmp_path / "scored.jsonl.partial")) == 2
    monkeypatch.setattr(MediaPipeline, "score", real)
    assert main(argv) == 0
    assert len(_lines(out)) == 6 and not (tmp_path / "scored.jsonl.partial").exists()


def _read_pipe(fd: int) -> bytes:
    """All a non-blocking pipe holds now."""
    got = b""
    with contextlib.suppress(BlockingIOError):
        while chunk := os.read(fd, 1 << 16):
            got += chunk
    return got


def test_an_out_through_a_link_or_to_a_device_or_a_pipe_keeps_what_it_is(tmp_path: Path) -> None:
    """``--out /dev/null`` run as root replaced the device with a regular file of the records,
    and an ``--out`` that is a symbolic link was replaced by a file, its target left as it was."""
    records = read_sample_records()[:3]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")

    def score(out: Path) -> None:
        assert main(["score", str(src), "--out", str(out), "--jobs", "1", "-q"]) == 0

    # a link (relative, into another folder): the file it points at gets the records
    target = tmp_path / "archive" / "scored.jsonl"
    target.parent.mkdir()
    target.write_text("yesterday's records\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(Path("archive") / "scored.jsonl")
    score(link)
    assert link.is_symlink() and [r["id"] for r in _lines(target)] == [r["id"] for r in records]
    # a link to a file still to be written
    dangling = tmp_path / "new.jsonl"
    dangling.symlink_to(Path("archive") / "new.jsonl")
    score(dangling)
    assert dangling.is_symlink() and len(_lines(tmp_path / "archive" / "new.jsonl")) == 3
    # the duplicate-detection state kept through a link too
    state = tmp_path / "state.npz"
    state.symlink_to(Path("archive") / "state.npz")
    argv = ["score", str(src), "--out", str(tmp_path / "s.jsonl"), "--jobs", "1", "-q"]
    assert main([*argv, "--dedup-state", str(state)]) == 0
    assert state.is_symlink() and (tmp_path / "archive" / "state.npz").is_file()
    assert not list(tmp_path.rglob("*.partial"))

    # a named pipe is written to as it is: no FILE.partial renamed over it
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # the records fit in its buffer
    try:
        score(pipe)
        got = _read_pipe(reader)
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert len(got.decode("utf-8").splitlines()) == 3
    # a state that is no file is refused, not read (nor moved aside as unreadable)
    assert main([*argv, "--dedup-state", str(pipe)]) == 2
    assert stat.S_ISFIFO(pipe.lstat().st_mode)

    # a character device: the null device under another name, where this user may make one
    null = tmp_path / "mynull"
    try:
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        null.open("w").close()
    except OSError:
        return  # no device nodes here (not root, or a filesystem mounted nodev)
    score(null)
    assert main([*argv, "--dedup-state", str(null)]) == 2
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert not list(tmp_path.glob("mynull*.partial"))


def test_a_daily_run_with_nothing_to_read_leaves_the_duplicate_state_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The state grows with the archive (hundreds of MB after years): a run whose input files
    were all read before has no article to check against it, so it is not loaded."""
    from media_analytics import cli

    records = read_sample_records()[:20]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    db = tmp_path / "m.db"
    argv = ["score", str(src), "--db", str(db), "--date-order", "dmy", "--jobs", "1", "-q"]
    assert main(argv) == 0
    state = tmp_path / "m.db.dedup.npz"
    before = state.stat().st_mtime_ns

    def must_not_load(*args, **kwargs):
        raise AssertionError("the duplicate-detection state was loaded")

    monkeypatch.setattr(cli, "_load_detector", must_not_load)
    assert main(argv) == 0  # nothing new: the state is neither read nor written
    assert state.stat().st_mtime_ns == before
    assert main([*argv, "--reread"]) == 2  # reading again needs it (here: the error above)


def test_a_database_that_cannot_be_reached_is_said_in_one_line_without_its_password(
    capsys,
) -> None:
    assert main(["db", "status", "--db", "postgresql://user:s3cret@127.0.0.1:1/x"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("media-analytics: error: ") and err.count("\n") == 1
    assert "s3cret" not in err and "user:***@127.0.0.1:1/x" in err


def test_a_period_read_from_the_database_counts_a_story_once_as_a_file_does(
    tmp_path: Path,
) -> None:
    # 'copy' is a syndicated copy of 'orig', published the morning after it, across a month's
    # end: the story is September's, and an October report leaves it out (it read 'copy' as a
    # new story when the database gave only October's records)
    from media_analytics.store import open_store

    def scored(rid: str, when: str, source: str, copy_of: str | None = None) -> dict:
        return {
            "id": rid, "published_at": when, "source": source, "title": f"Judul {rid}",
            "text": f"Isi berita {rid}.", "themes": [], "actors": [], "quotes": [],
            "topic": {"id": 1, "label": "ekonomi"}, "sentiment": {"label": "neutral"},
            "duplicate_of": copy_of, "model_version": "v1",
        }  # fmt: skip

    records = [
        scored("orig", "2025-09-30T22:00:00+07:00", "detik.com"),
        scored("copy", "2025-10-01T08:00:00+07:00", "antaranews.com", "orig"),
        scored("other", "2025-10-02T08:00:00+07:00", "detik.com"),
        # a copy after the period of a story in it: one story, carried by two outlets
        scored("later", "2025-11-01T09:00:00+07:00", "kompas.com", "other"),
    ]
    file = tmp_path / "scored.jsonl"
    file.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    db = tmp_path / "media.db"
    with open_store(str(db)) as store:
        store.add_articles(records)
        run = store.start_run("v1")
        assert len(store.claim(run, "v1", 10)) == len(records)
        store.save_scores(run, "v1", records)
        store.finish_run(run, "ok", {})
    for since, until, n_stories in (
        ("2025-09-01", "2025-09-30", 1),
        ("2025-10-01", "2025-10-31", 1),
    ):
        tables = {}
        for name, source in (("file", [str(file)]), ("db", ["--db", str(db)])):
            out = tmp_path / f"{name}-{since}"
            args = ["report", *source, "--out", str(out), "--period", "M"]
            assert main([*args, "--since", since, "--until", until]) == 0
            tables[name] = {
                csv.name: csv.read_text("utf-8") for csv in sorted((out / "tables").glob("*.csv"))
            }
        stories = tables["db"]["stories.csv"].splitlines()[1:]
        assert len(stories) == n_stories
        assert tables["db"] == tables["file"]
    assert stories[0].startswith("other,2025-10-02,") and ",2,detik.com; kompas.com" in stories[0]


def test_a_number_of_topics_that_is_no_number_is_refused_in_plain_words(capsys) -> None:
    assert main(["train", "--out", "unused", "--topics", "abc"]) == 2
    err = capsys.readouterr().err
    assert "--topics: expected a whole number of topics or 'auto', got 'abc'" in err
    assert "lambda" not in err


def test_a_run_with_an_older_model_than_reports_cover_stores_and_does_not_score(
    tmp_path: Path, caplog, default_pipeline
) -> None:
    """After an upgrade a daily job that lost its --model scored with the old model: its work
    wasted, the new articles waiting for the new model, and not a word said. Then it warned and
    still scored the whole backlog with the old model, exit 0 (seen in an operator's trial:
    462 articles no report shows). It now stores the articles, scores none, and exits 1."""
    import logging
    import sqlite3

    newer = tmp_path / "newer"
    default_pipeline.save(newer)
    model = MediaPipeline.load(newer)
    model.themes_.set_threshold("public_dialogue", 0.75)
    model.save(newer)
    records = read_sample_records()[:9]
    days = []
    for k in range(3):
        day = tmp_path / f"day{k}.jsonl"
        chunk = records[3 * k : 3 * k + 3]
        day.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in chunk), "utf-8")
        days.append(str(day))
    db = str(tmp_path / "m.db")

    def run(day: str, *more: str, code: int = 0) -> list[str]:
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="media_analytics"):
            argv = ["score", day, "--db", db, "--date-order", "dmy", "--jobs", "1", "-q"]
            assert main([*argv, *more]) == code
        return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]

    def scores() -> dict[str, int]:
        with sqlite3.connect(db) as con:
            rows = con.execute("SELECT model_version, COUNT(*) FROM scores GROUP BY 1")
            return dict(rows.fetchall())

    def stored() -> int:
        with sqlite3.connect(db) as con:
            return int(con.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    old, new = default_pipeline.model_version, model.model_version
    assert run(days[0]) == []  # the first model
    assert run(days[1], "--model", str(newer)) == []  # the upgrade: it becomes the one covered
    assert scores() == {old: 3, new: 6}
    said = run(days[2], code=1)  # --model forgotten
    assert len(said) == 1 and old in said[0] and new in said[0] and "not scored" in said[0]
    assert stored() == 9 and scores() == {old: 3, new: 6}  # stored, waiting for the new model
    assert run(days[2], "--model", str(newer)) == []
    assert scores() == {old: 3, new: 9}
    # seen in review: the old version dropped, then the old cron line run again: the archive was
    # scored again under the dropped version, and the new day's articles left out of the
    # report, without a word
    assert main(["db", "drop-version", old, "--db", db]) == 0
    day = tmp_path / "day3.jsonl"
    baru = records[0] | {"id": "baru-1", "url": "https://contoh.co.id/berita/baru-1"}
    day.write_text(json.dumps(baru, ensure_ascii=False), "utf-8")
    said = run(str(day), code=1)
    assert len(said) == 1 and "dropped" in said[0] and new in said[0], said
    assert stored() == 10 and scores() == {new: 9}
    # or, knowingly, --older-model
    assert run(str(day), "--older-model", code=0) == []
    assert scores() == {old: 10, new: 9}
    # going back to the old model is dropping the new one
    assert main(["db", "drop-version", new, "--db", db, "--force"]) == 0
    assert run(str(day)) == []
    assert scores() == {old: 10}


def test_a_new_model_whose_first_run_stopped_before_scoring_is_not_taken_for_a_dropped_one(
    tmp_path: Path, default_pipeline
) -> None:
    from media_analytics.store import open_store

    newer = tmp_path / "newer"
    default_pipeline.save(newer)
    model = MediaPipeline.load(newer)
    model.themes_.set_threshold("public_dialogue", 0.75)
    model.save(newer)
    day = tmp_path / "day.jsonl"
    day.write_text(json.dumps(read_sample_records()[0], ensure_ascii=False), "utf-8")
    db = str(tmp_path / "m.db")
    argv = ["score", str(day), "--db", db, "--date-order", "dmy", "--jobs", "1", "-q"]
    assert main(argv) == 0  # the default model
    with open_store(db) as store:  # the new model's first run, killed before it scored
        store.finish_run(store.start_run(model.model_version), "crashed")
    assert main([*argv, "--model", str(newer)]) == 0
    with sqlite3.connect(db) as con:
        versions = dict(con.execute("SELECT model_version, COUNT(*) FROM scores GROUP BY 1"))
    assert versions == {default_pipeline.model_version: 1, model.model_version: 1}


def test_verbose_may_follow_the_command(tmp_path, capsys) -> None:
    """``media-analytics score ... -v`` failed with "unrecognized arguments: -v"."""
    from media_analytics.cli import build_parser

    parser = build_parser()
    assert parser.parse_args(["score", "in.jsonl", "-v"]).verbose is True
    assert parser.parse_args(["-v", "score", "in.jsonl"]).verbose is True
    assert parser.parse_args(["score", "in.jsonl"]).verbose is False
    assert parser.parse_args(["evaluate", "sentiment", "x.csv", "-v"]).verbose is True
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    assert main(["score", str(bad), "--out", str(tmp_path / "o.jsonl"), "-v", "-q"]) == 1
    assert "unrecognized arguments" not in capsys.readouterr().err


def test_report_topic_names_merge_topics_and_a_bad_file_is_refused(tmp_path: Path, capsys) -> None:
    import pandas as pd

    def record(rid: str, tid: int) -> dict:
        topic = {"id": tid, "label": f"topik {tid}", "score": 0.9}
        day = "2024-11-26"
        return {"id": rid, "published_at": day, "source": "X", "title": rid, "topic": topic}

    scored = tmp_path / "scored.jsonl"
    scored.write_text(
        "".join(json.dumps(record(r, t)) + "\n" for r, t in [("a", 2), ("b", 5), ("c", 5)]),
        "utf-8",
    )
    names = tmp_path / "names.csv"
    names.write_text("topic_id,name\n2,Harga pangan\n5,Harga pangan\n", "utf-8")
    out = tmp_path / "r"
    assert main(["report", str(scored), "--out", str(out), "--topic-names", str(names)]) == 0
    volume = pd.read_csv(out / "tables" / "volume_topic.csv")
    assert volume.groupby("topic")["articles"].sum().to_dict() == {"2: Harga pangan": 3}
    names.write_text("id,label\n2,x\n", "utf-8")
    assert main(["report", str(scored), "--out", str(out), "--topic-names", str(names)]) == 2
    assert "--topic-names" in capsys.readouterr().err


def _repost_pair() -> tuple[dict, dict]:
    """A sample article and its syndicated copy: the original published at 09:00 on the 27th,
    the re-post at 07:00 the next morning."""
    from media_analytics.corpus import DuplicateDetector
    from media_analytics.pipeline import as_article

    records = read_sample_records()
    pairs = DuplicateDetector().find_duplicates(as_article(r) for r in records)
    copy, original = sorted(pairs.items())[0]
    by_id = {r["id"]: r for r in records}
    return (
        {**by_id[original], "published_at": "2024-11-27T09:00:00+07:00"},
        {**by_id[copy], "published_at": "2024-11-28T07:00:00+07:00"},
    )


def test_a_file_read_newest_first_marks_the_earlier_article_as_the_original(
    tmp_path: Path,
) -> None:
    # the re-post came first in the file and was taken for the original, the original for
    # its copy
    original, repost = _repost_pair()
    src = tmp_path / "newest_first.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (repost, original)))
    out = tmp_path / "out.jsonl"
    assert main(["score", str(src), "--out", str(out), "--jobs", "1", "-q"]) == 0
    marks = {r["id"]: r["duplicate_of"] for r in _lines(out)}
    assert marks == {repost["id"]: original["id"], original["id"]: None}
    assert [r["id"] for r in _lines(out)] == [repost["id"], original["id"]]  # input order


def test_a_later_run_that_brings_the_earlier_copy_corrects_the_stored_story(
    tmp_path: Path,
) -> None:
    """Run 1 stores and scores the re-post alone (an original then); run 2 brings the article
    it copies, published the day before: the stored re-post and its score now name it, and
    reading both files again changes nothing."""
    from media_analytics.store import open_store

    original, repost = _repost_pair()
    day1, day2 = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    day1.write_text(json.dumps(repost, ensure_ascii=False), "utf-8")
    day2.write_text(json.dumps(original, ensure_ascii=False), "utf-8")
    db = tmp_path / "m.db"
    argv = ["--db", str(db), "--jobs", "1", "-q"]
    assert main(["score", str(day1), *argv]) == 0
    assert main(["score", str(day2), *argv]) == 0
    want = {repost["id"]: original["id"], original["id"]: None}

    def stored() -> tuple[dict, dict]:
        with open_store(str(db)) as store:
            scores = store.scores_frame()
            records = {
                r["id"]: r.get("duplicate_of") for group in store.stored_articles() for r in group
            }
        marks = [d if isinstance(d, str) else None for d in scores["duplicate_of"]]
        return dict(zip(scores["id"], marks, strict=True)), records

    assert stored() == (want, want)
    # a re-run over both files, and a rescore, keep the corrected story
    assert main(["score", str(day1), str(day2), *argv, "--reread"]) == 0
    assert main(["score", str(day1), str(day2), *argv, "--rescore"]) == 0
    assert stored() == (want, want)
    # a state rebuilt from the database agrees with it
    (tmp_path / "m.db.dedup.npz").unlink()
    third = {**repost, "id": "third", "url": "https://example.com/third",
             "published_at": "2024-11-29T07:00:00+07:00"}  # fmt: skip
    day3 = tmp_path / "c.jsonl"
    day3.write_text(json.dumps(third, ensure_ascii=False), "utf-8")
    assert main(["score", str(day3), *argv]) == 0
    assert stored() == ({**want, "third": original["id"]}, {**want, "third": original["id"]})


def test_a_taxonomy_is_tried_with_score_and_evaluate_without_train(tmp_path: Path, capsys) -> None:
    # a researcher had to train a whole model (sentiment included) to see a theme of their own
    from media_analytics.themes.taxonomy import Taxonomy

    base = Path(Taxonomy.load().source).read_text(encoding="utf-8")
    taxonomy = tmp_path / "mine.toml"
    taxonomy.write_text(
        base + '\n[[themes]]\nid = "flood_response"\n'
        'phrases = ["korban banjir", "posko pengungsian"]\nterms = ["banjir", "pengungsi"]\n',
        encoding="utf-8",
    )
    articles = tmp_path / "a.jsonl"
    rows = [
        {"id": "f1", "title": "Ratusan Korban Banjir Dievakuasi", "published_at": "2025-11-02",
         "text": "BPBD mengevakuasi korban banjir ke posko pengungsian di balai desa."},
        {"id": "f2", "title": "Harga Cabai Naik", "published_at": "2025-11-02",
         "text": "Harga cabai di pasar induk naik dua kali lipat pekan ini."},
    ]  # fmt: skip
    articles.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    out = tmp_path / "scored.jsonl"
    args = ["score", str(articles), "--out", str(out), "--jobs", "1"]
    assert main([*args, "--taxonomy", str(taxonomy)]) == 0
    scored = {r["id"]: r for r in _lines(out)}
    assert [t["theme"] for t in scored["f1"]["themes"]] == ["flood_response"]
    assert scored["f2"]["themes"] == [] and scored["f1"]["sentiment"]
    with_default = tmp_path / "default.jsonl"
    assert main(["score", str(articles), "--out", str(with_default), "--jobs", "1"]) == 0
    assert _lines(with_default)[0]["model_version"] != scored["f1"]["model_version"]
    labels = tmp_path / "labels.csv"
    labels.write_text("id,flood_response\nf1,1\nf2,0\n", encoding="utf-8")
    capsys.readouterr()
    evaluate = ["evaluate", "themes", str(articles), "--labels", str(labels), "--json"]
    assert main([*evaluate, "--taxonomy", str(taxonomy)]) == 0
    table = json.loads(capsys.readouterr().out)["themes"]
    assert table["flood_response"]["f1"] == 1.0
    # a taxonomy that cannot be read is one line naming the option
    bad = tmp_path / "bad.toml"
    bad.write_text('[[themes]]\nid = "x"\nphrase = ["a b"]\n', encoding="utf-8")
    assert main([*args, "--taxonomy", str(bad)]) == 2
    (said,) = capsys.readouterr().err.strip().splitlines()[-1:]
    assert said.startswith("media-analytics: error: --taxonomy:")
    # the Dask workers load the model from its directory: train one with the taxonomy
    dask = ["score", str(articles), "--engine", "dask", "--out", str(tmp_path / "d.jsonl")]
    assert main([*dask, "--taxonomy", str(taxonomy)]) == 2
    assert "train --taxonomy FILE --out DIR" in capsys.readouterr().err


def test_an_unknown_option_is_refused_with_its_commands_usage(capsys) -> None:
    # seen in a README audit: `score --bogus x` printed the top-level usage
    assert main(["score", "in.jsonl", "--bogus"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: media-analytics score ")
    assert "media-analytics score: error: unrecognized arguments: --bogus" in err
    assert main(["db", "status", "--db", "x.db", "--nope"]) == 2
    assert (
        "media-analytics db status: error: unrecognized arguments: --nope"
        in capsys.readouterr().err
    )
    assert main(["--nope"]) == 2
    assert "media-analytics: error: unrecognized arguments: --nope" in capsys.readouterr().err


def test_the_bundled_samples_warnings_are_not_the_analysts(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # seen in a researcher's walk-through: `train --tone-data FILE` (no articles given) warned
    # of an HTML page in the package's own sample, nothing the analyst could act on
    records, src = _sample_input(tmp_path, 20)
    base = ["--no-article-tone", "--jobs", "1"]
    caplog.set_level(logging.INFO, logger="media_analytics")
    assert main(["train", "--out", str(tmp_path / "a"), *base]) == 0
    said = [r for r in caplog.records if "kept with a warning" in r.getMessage()]
    assert said and all(r.levelno == logging.INFO for r in said)
    # the analyst's own articles: their problems are warnings
    bad = {**records[0], "id": "late", "published_at": "2030-01-01"}
    src.write_text(src.read_text("utf-8") + "\n" + json.dumps(bad), "utf-8")
    caplog.clear()
    assert main(["train", str(src), "--out", str(tmp_path / "b"), *base]) == 0
    said = [r for r in caplog.records if "kept with a warning" in r.getMessage()]
    assert said and all(r.levelno == logging.WARNING for r in said)


def test_the_summary_says_how_many_articles_are_copies_of_another_story(
    tmp_path: Path, capsys
) -> None:
    # seen by a newsroom analyst: the report counted 3,916 stories of 3,927 articles, and the
    # command's last line had not said that 11 were copies of another story
    text = (
        "Polres Kudus menyiagakan 500 personel untuk pengamanan Pilkada di 1.200 TPS. Kapolres "
        "meminta warga menjaga ketertiban selama pemungutan suara berlangsung pekan depan."
    )
    rows = [
        {"id": f"a{i}", "title": "Polres Kudus Siagakan 500 Personel", "text": text,
         "published_at": f"2024-11-2{i}", "source": f"outlet{i}.id"}
        for i in range(3)
    ] + [{"id": "b", "title": "Banjir di Demak", "text": "Banjir merendam dua desa di Demak.",
          "published_at": "2024-11-20", "source": "outlet0.id"}]  # fmt: skip
    inp = tmp_path / "in.jsonl"
    inp.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["score", str(inp), "--out", str(out), "--jobs", "1"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    copies = sum(r["duplicate_of"] is not None for r in records)
    assert copies == 2
    err = capsys.readouterr().err
    assert "scored 4 articles (2 of them copies of another story: duplicate_of) in " in err
