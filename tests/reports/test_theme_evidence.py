"""Why a story carries its themes, in the report: the strongest matched phrases of each theme,
marked in their sentences, in stories.csv and tables.xlsx (``evidence``) and under each story
of "Stories by theme" in the HTML and the Markdown. Before, only the scored records had it."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pytest

from media_analytics.reports import build_report
from media_analytics.reports.evidence import MAX_PHRASES, MAX_SENTENCE
from media_analytics.themes.tagger import ThemeTagger

from .conftest import _record

TITLE = "Polres Kudus Siagakan 500 Personel Jaga TPS Rawan"
LEAD = "Polres Kudus menyiagakan 500 personel untuk pengamanan Pilkada di 1.200 TPS."
TEXT = (
    f"{LEAD} Kapolres mengatakan pengamanan dilakukan sejak masa tenang. Menurut dia, sebanyak "
    "12 TPS rawan mendapat penjagaan khusus dari personel gabungan TNI dan Polri yang akan "
    "berjaga selama pemungutan suara berlangsung pada Rabu, termasuk patroli di desa-desa yang "
    "pernah terjadi gesekan antarpendukung pasangan calon pada pemilihan sebelumnya, kata "
    "Kapolres dalam apel gelar pasukan di alun-alun."
)
# one phrase, deep in a sentence longer than a cell shows
LONG_TITLE = "Kapolres Tinjau Kesiapan Personel"
LONG = (
    "Dalam apel yang digelar di halaman Mapolres pada Senin pagi dan dihadiri oleh unsur "
    "Forkopimda, camat, kepala desa, tokoh agama serta tokoh masyarakat dari seluruh kecamatan, "
    "Kapolres menegaskan bahwa seluruh TPS rawan akan mendapat perhatian khusus dari jajaran "
    "kepolisian bersama TNI hingga rekapitulasi suara di tingkat kecamatan selesai dilaksanakan "
    "tanpa ada gangguan keamanan dan ketertiban masyarakat."
)


@pytest.fixture(scope="module")
def tagged() -> dict[str, dict[str, Any]]:
    """The real tagger's pilkada_security entries of the two articles (the bundled
    taxonomy's prior weights), as a scored record has them."""
    tagger = ThemeTagger().fit([])
    out = {}
    for rid, title, text in (("kudus", TITLE, TEXT), ("apel", LONG_TITLE, LONG)):
        themes = {t["theme"]: t for t in tagger.tag(text, title).themes()}
        out[rid] = themes["pilkada_security"]
    return out


def _kinds(entry: dict[str, Any], title: str, text: str) -> dict[str, set[str]]:
    """Each matched phrase (as written, case-folded) -> the kinds of its matches, read from
    the spans' offsets into the headline and the text."""
    kinds: dict[str, set[str]] = {}
    for span in entry["spans"]:
        source = title if span["field"] == "title" else text
        kinds.setdefault(source[span["start"] : span["end"]].casefold(), set()).add(span["kind"])
    return kinds


def test_each_story_says_why_it_carries_its_themes_in_every_output(tmp_path, tagged):
    records = [
        _record("kudus", "2024-11-26", "detikJateng", title=TITLE, themes=[tagged["kudus"]]),
        _record("apel", "2024-11-26", "detikJateng", title=LONG_TITLE, themes=[tagged["apel"]]),
        # a record of an earlier release: its phrases alone, no spans or sentences
        _record("old", "2024-11-27", "X", themes=[{"theme": "money_politics", "evidence": ["x"]}]),
        _record("none", "2024-11-27", "X"),
    ]
    paths = build_report(records, tmp_path)
    stories = pd.read_csv(paths["csv:stories"], keep_default_na=False).set_index("id")
    assert list(stories.columns).index("evidence") == list(stories.columns).index("themes") + 1

    # the strongest phrases, marked in their sentences: the tagger's phrase matches come before
    # its proximity matches and single terms, wherever those stand (Siagakan, a term, is the
    # first phrase of the record's evidence)
    cell = stories.loc["kudus", "evidence"]
    assert cell.startswith("pilkada_security: ")
    marked = re.findall(r"«([^»]+)»", cell)
    kinds = _kinds(tagged["kudus"], TITLE, TEXT)
    assert tagged["kudus"]["evidence"][0] == "Siagakan" and kinds["siagakan"] == {"term"}
    strong = [e for e in tagged["kudus"]["evidence"] if "phrase" in kinds[e.casefold()]]
    assert len(strong) > MAX_PHRASES
    assert marked == strong[:MAX_PHRASES] == ["Jaga TPS", "TPS Rawan", "pengamanan Pilkada"]
    # the headline's said so, the text's in the sentence it stands in
    assert "«Jaga TPS», «TPS Rawan» (headline)" in cell
    assert LEAD.replace("pengamanan Pilkada", "«pengamanan Pilkada»") in cell

    # a long sentence is cut around its phrase, the cut marked
    long_cell = stories.loc["apel", "evidence"]
    assert "«TPS rawan»" in long_cell and "…" in long_cell
    sentence = next(p for p in long_cell.split(": ", 1)[1].split("; ") if "TPS rawan" in p)
    assert len(sentence.replace("«", "").replace("»", "")) <= MAX_SENTENCE + 4
    for piece in sentence.strip("… ").replace("«", "").replace("»", "").split(" … "):
        assert piece in LONG
    assert stories.loc["old", "evidence"] == "money_politics: «x»"
    assert stories.loc["none", "evidence"] == ""

    # the HTML and the Markdown show it under each story of "Stories by theme"
    html = paths["html"].read_text(encoding="utf-8")
    section = html.split('<section id="stories">', 1)[1].split("</section>", 1)[0]
    assert "<mark>pengamanan Pilkada</mark>" in section and "<b>pilkada_security</b>" in section
    assert "at most 3" in section and "… marks the cut" in section
    markdown = paths["markdown"].read_text(encoding="utf-8")
    part = markdown.split("## Stories by theme", 1)[1].split("\n## ", 1)[0]
    assert "  - **pilkada_security**: **Jaga TPS**, **TPS Rawan** (headline)" in part
    assert "**pengamanan Pilkada**" in part and "  - **money_politics**: **x**" in part

    # and the workbook has the same column
    pytest.importorskip("openpyxl")
    sheet = pd.read_excel(paths["excel"], sheet_name="stories", keep_default_na=False)
    assert sheet.set_index("id")["evidence"].to_dict() == stories["evidence"].to_dict()
