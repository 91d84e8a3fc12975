"""What the README says a command writes and a database holds, checked against what they do."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from media_analytics.cli import main
from media_analytics.corpus import read_articles
from media_analytics.pipeline import _iso_date
from media_analytics.store import open_store

from .conftest import ROOT
from .reports.conftest import _record

README = ROOT / "README.md"


def _readme_line(start: str) -> str:
    """The README's line that opens with ``start`` and the comment lines under it."""
    lines = README.read_text(encoding="utf-8").splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith(start))
    block = [lines[i]]
    for line in lines[i + 1 :]:
        if not line.startswith("#  "):
            break
        block.append(line)
    return "\n".join(block)


def test_report_out_an_html_file_writes_its_tables_to_a_folder_named_like_it(
    tmp_path: Path,
) -> None:
    # seen by a reviewer: the README said "report.html and tables/*.csv beside it", and the
    # tables were in report/tables/
    scored = tmp_path / "scored.jsonl"
    records = [_record(f"r{i}", "2019-09-10", "X") for i in range(3)]
    scored.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    assert main(["report", str(scored), "--out", str(tmp_path / "report.html")]) == 0
    assert (tmp_path / "report.html").is_file()
    assert (tmp_path / "report" / "tables" / "top_actors.csv").is_file()
    assert (tmp_path / "report" / "report.md").is_file()
    assert not (tmp_path / "tables").exists()
    said = _readme_line("media-analytics report scored.jsonl --out report.html")
    assert "report/tables/*.csv" in said and "report.md" in said, said


def test_published_at_keeps_the_inputs_zone_and_opens_with_the_records_day(
    tmp_path: Path,
) -> None:
    # seen by a reviewer: one database held 2019-09-10T00:08:00+07:00 (a JSONL export's WIB)
    # beside 2019-09-15T14:28:00 (a CSV's time without a zone), which the README did not say
    jsonl = tmp_path / "a.jsonl"
    article = {"id": "j1", "title": "Patroli", "text": "Polisi berpatroli di Brebes malam ini."}
    jsonl.write_text(json.dumps({**article, "published_at": "2019-09-10 00:08 WIB"}) + "\n")
    csv = tmp_path / "b.csv"
    csv.write_text(
        "id,title,text,published_at\nc1,Demo,Mahasiswa berdemo di depan DPR.,2019-09-15 14:28\n",
        "utf-8",
    )
    articles = list(read_articles([jsonl, csv], dayfirst=True))
    db = tmp_path / "media.db"
    with open_store(str(db)) as store:
        store.add_articles(articles)
    with sqlite3.connect(db) as conn:
        stored = dict(conn.execute("SELECT id, published_at FROM articles"))
        # SQLite's date() reads the offset: the day in UTC, not the record's
        utc_day = conn.execute("SELECT date(published_at) FROM articles WHERE id = 'j1'")
        assert utc_day.fetchone() == ("2019-09-09",)
    assert stored == {"j1": "2019-09-10T00:08:00+07:00", "c1": "2019-09-15T14:28:00"}
    # the scored record's day (what the reports count) is the text's first ten characters
    assert {a.id: _iso_date(a) for a in articles} == {k: v[:10] for k, v in stored.items()}
    readme = README.read_text(encoding="utf-8")
    forms = ["`2019-09-10T00:08:00+07:00`", "`2019-09-15T14:28:00`", "date(published_at)"]
    for said in [*forms, "substr(published_at, 1, 10)"]:
        assert said in readme, said


def test_the_readme_lists_the_default_themes_as_the_taxonomy_defines_them() -> None:
    # seen by an analyst who set out to add vote buying: the README never listed the default
    # themes, and money_politics was one of them
    from media_analytics.themes import Taxonomy, default_taxonomy_path

    taxonomy = Taxonomy.load(default_taxonomy_path())
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index("| id | name | threshold | what it covers |")
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    listed = [(r[0].strip("`"), r[1], float(r[2])) for r in rows]
    assert listed == [(t.id, t.name_id, t.threshold) for t in taxonomy.themes]
