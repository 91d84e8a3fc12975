"""Why a story carries its themes, in the report: the strongest matched phrases of each theme,
marked in their sentences, in stories.csv and tables.xlsx (``evidence``) and under each story
of "Stories by theme" in the HTML and the Markdown. Before, only the scored records had it."""

from __future__ import annotations

import json
import logging
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


def _stories(records: list[dict[str, Any]], out) -> pd.DataFrame:
    paths = build_report(records, out)
    return pd.read_csv(paths["csv:stories"], keep_default_na=False).set_index("id")


NAN = float("nan")


def _unlinked(entry: dict[str, Any], value: Any = ...) -> dict[str, Any]:
    """``entry`` as a release before the link stored it: its spans without ``evidence_index``
    (or with it empty, ``value``, as a Parquet file of old and new records reads back)."""
    spans = [{k: v for k, v in s.items() if k != "evidence_index"} for s in entry["spans"]]
    if value is not ...:
        spans = [s | {"evidence_index": value} for s in spans]
    return entry | {"spans": spans}


# Two phrases of one length, of different kinds: the headline's "Pencoblosan" is a single term,
# "surat suara" (11 characters too) a phrase matched twice. Paired by length, the second match of
# "surat suara" went to the first phrase of that length met before, and the term was shown, as a
# phrase of the headline, ahead of the article's real phrases (so on the bundled sample article
# sample-a-097, "... Hingga Hari Pencoblosan").
AMBIGUOUS_TITLE = "Polisi Kawal Logistik Jelang Pencoblosan"
AMBIGUOUS_TEXT = (
    "Petugas memeriksa surat suara dan kotak suara di gudang. Bilik suara juga dicek. "
    "Petugas menghitung surat suara sekali lagi."
)


def _ambiguous_entry() -> dict[str, Any]:
    evidence = ["Pencoblosan", "surat suara", "kotak suara", "Bilik suara"]
    assert len({len(e) for e in evidence}) == 1
    spans = [
        {"field": "title", "start": AMBIGUOUS_TITLE.find("Pencoblosan"), "kind": "term",
         "seed": "coblos", "evidence_index": 0}
    ]  # fmt: skip
    at = 0
    for phrase in ["surat suara", "kotak suara", "Bilik suara", "surat suara"]:
        at = AMBIGUOUS_TEXT.find(phrase, at)
        spans.append({"field": "text", "start": at, "kind": "phrase", "seed": phrase.lower(),
                      "evidence_index": evidence.index(phrase)})  # fmt: skip
        at += len(phrase)
    for span in spans:
        span["end"] = span["start"] + 11
        source = AMBIGUOUS_TITLE if span["field"] == "title" else AMBIGUOUS_TEXT
        assert source[span["start"] : span["end"]] == evidence[span["evidence_index"]]
    sentences = [AMBIGUOUS_TITLE, *(s.strip() + "." for s in AMBIGUOUS_TEXT.split(".")[:-1])]
    return {"theme": "election_logistics", "score": 0.9, "evidence": evidence, "spans": spans,
            "sentences": sentences, "vetoes": [], "veto_spans": []}  # fmt: skip


def test_phrases_of_one_length_show_the_kind_their_own_spans_give(tmp_path):
    entry = _ambiguous_entry()
    stories = _stories(
        [_record("logistik", "2024-11-26", "X", title=AMBIGUOUS_TITLE, themes=[entry])], tmp_path
    )
    # the three phrases, the single term left out (it is a term, and in the headline only)
    assert stories.loc["logistik", "evidence"] == (
        "election_logistics: Petugas memeriksa «surat suara» dan «kotak suara» di gudang.; "
        "«Bilik suara» juga dicek."
    )


def test_the_term_of_a_real_headline_is_not_shown_as_a_phrase(tmp_path):
    """The bundled sample article where pairing by length went wrong: its evidence shows the
    phrases the tagger matched, and not the headline's term "Pencoblosan"."""
    from media_analytics.preprocessing import clean_article
    from media_analytics.resources import sample_dir

    article = next(
        json.loads(line)
        for line in (sample_dir() / "articles_a.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip() and json.loads(line)["id"] == "sample-a-097"
    )
    text = clean_article(article["text"]).text
    themes = ThemeTagger().fit([]).tag(text, article["title"]).themes()
    entry = next(t for t in themes if t["theme"] == "election_logistics")
    record = _record("a097", "2024-11-26", "X", title=article["title"], themes=[entry])
    cell = _stories([record], tmp_path).loc["a097", "evidence"]
    kinds = _kinds(entry, article["title"], text)
    marked = re.findall(r"«([^»]+)»", cell)
    assert len(marked) == MAX_PHRASES and "Pencoblosan" not in marked
    assert all(kinds[m.casefold()] == {"phrase"} for m in marked), marked
    assert kinds["pencoblosan"] == {"term"}


def test_a_record_of_an_earlier_release_without_the_link_still_renders(tmp_path, tagged):
    """Records stored before spans named their phrase (or read back with the name empty)
    pair phrases and spans by length, as before: where that pairing holds, the same cell."""
    ambiguous = _unlinked(_ambiguous_entry(), None)
    records = [
        _record("new", "2024-11-26", "X", title=TITLE, themes=[tagged["kudus"]]),
        _record("old", "2024-11-26", "Y", title=TITLE, themes=[_unlinked(tagged["kudus"])]),
        _record("nan", "2024-11-26", "Z", title=TITLE, themes=[_unlinked(tagged["kudus"], NAN)]),
        # the ambiguous record, stored by an earlier release, renders (as it always did)
        _record("amb", "2024-11-26", "W", title=AMBIGUOUS_TITLE, themes=[_unlinked(ambiguous)]),
    ]
    stories = _stories(records, tmp_path)
    assert "«Jaga TPS», «TPS Rawan» (headline)" in stories.loc["new", "evidence"]
    assert stories.loc["old", "evidence"] == stories.loc["new", "evidence"]
    assert stories.loc["nan", "evidence"] == stories.loc["new", "evidence"]
    assert stories.loc["amb", "evidence"].startswith("election_logistics: «Pencoblosan» (headline)")


def test_records_read_back_from_parquet_keep_their_links(tmp_path, tagged):
    """A Parquet file of records of this release and of an earlier one gives the old spans the
    key, empty: those are paired by length, the others read their links, as before saving."""
    pytest.importorskip("pyarrow")
    records = [
        _record("new", "2024-11-26", "X", title=AMBIGUOUS_TITLE, themes=[_ambiguous_entry()]),
        _record("old", "2024-11-26", "Y", title=TITLE, themes=[_unlinked(tagged["kudus"])]),
    ]
    before = _stories(records, tmp_path / "before")["evidence"]
    pd.DataFrame(records).to_parquet(tmp_path / "scored.parquet")
    read = pd.read_parquet(tmp_path / "scored.parquet")
    after = _stories(read, tmp_path / "after")["evidence"]
    assert after.to_dict() == before.to_dict()
    assert after["new"].startswith("election_logistics: Petugas memeriksa «surat suara»")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda spans: spans[0].update(evidence_index=4), r"span 0 .* has evidence_index 4, "
         r"which is not the place of one of its evidence phrases \(0 to 3\)"),
        (lambda spans: spans[1].update(evidence_index="1"), r"span 1 .* has evidence_index '1'"),
        (lambda spans: spans[2].pop("evidence_index"), r"span 2 .* has no evidence_index while "
         r"span 0 has one"),
    ],
)  # fmt: skip
def test_a_span_naming_no_phrase_of_its_theme_is_said_with_its_record(
    tmp_path, caplog, change, reason
):
    entry = _ambiguous_entry()
    change(entry["spans"])
    bad = _record("bad-1", "2024-11-26", "X", title=AMBIGUOUS_TITLE, themes=[entry])
    good = _record("good-1", "2024-11-26", "Y", title=AMBIGUOUS_TITLE, themes=[_ambiguous_entry()])
    with caplog.at_level(logging.WARNING, logger="media_analytics"):
        stories = _stories([bad, good], tmp_path)
    said = [r.getMessage() for r in caplog.records if "bad-1" in r.getMessage()]
    assert len(said) == 1
    assert re.match(f"^record 'bad-1', theme 'election_logistics': {reason}", said[0])
    # the report is still written: the damaged record's phrases are placed as an earlier
    # release's record's are (paired with the spans by length), the other record's by its links
    assert "«" in stories.loc["bad-1", "evidence"]
    assert stories.loc["good-1", "evidence"].startswith("election_logistics: Petugas memeriksa")
