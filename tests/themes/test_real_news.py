"""The default model's themes on real news (CLICK-ID; skipped when the shared data is absent)."""

from __future__ import annotations

from typing import Any

import pytest

from ..conftest import clickid_articles

pytestmark = pytest.mark.shared_data

# seen on real news: tagged public_dialogue by a word that shares the stem of a dialogue cue but
# not its sense: "ditemukan / menemukan / temuan warga" (found by residents) matched the phrase
# "temu warga" (a town meeting), "ledakan terdengar" (a blast was heard) the cue "dengar"
_FOUND_OR_HEARD = {
    "clickid-352018e4b44e": "menemukan warga",  # Penemuan Mayat Bayi di Rumah Kosong, ...
    "clickid-d5b2eb584f05": "ditemukan warga",  # Pria Berseragam Jak Lingko Ditemukan ...
    "clickid-f0c875fc357d": "ditemukan warga",  # Macan Dahan yang Kurus ... Akhirnya Mati
    "clickid-633aa04bd079": "temuan warga",  # Polda Jateng: Bangunan Gudang Bahan Peledak ...
    "clickid-599a557059ef": "terdengar",  # Gudang di Mako Brimob Jateng Meledak, ...
}
# headlines of meetings that are only planned: "bakal" (will), "janjikan" (promises),
# "diagendakan" and "dijadwalkan" (scheduled) block the act after them, as "akan" does (the
# evidence of the act is gone; the article may still be tagged on what its body reports)
_PLANNED = {
    "clickid-eb3a4dc8047a": "Bakal Gelar Dialog",
    "clickid-ae376fbbb9cf": "Janjikan Gelar Dialog",
    "clickid-fc6deb849e2a": "Diagendakan Temui",
    "clickid-3805e04df162": "Dijadwalkan Terima",
}


@pytest.fixture(scope="module")
def scored(default_pipeline: Any) -> dict[str, dict[str, Any]]:
    wanted = set(_FOUND_OR_HEARD) | set(_PLANNED)
    articles = clickid_articles(lambda row: row["article_id"] in wanted)
    assert {a["id"] for a in articles} == wanted
    return {r["id"]: r for r in default_pipeline.score(articles, n_jobs=1)}


def _dialogue(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for t in record["themes"] if t["theme"] == "public_dialogue"]


@pytest.mark.parametrize("article_id", sorted(_FOUND_OR_HEARD))
def test_a_form_of_another_sense_is_no_dialogue_evidence(
    scored: dict[str, dict[str, Any]], article_id: str
) -> None:
    record = scored[article_id]
    assert _dialogue(record) == [], record["title"]


@pytest.mark.parametrize("article_id", sorted(_PLANNED))
def test_a_planned_meeting_in_the_headline_is_no_evidence(
    scored: dict[str, dict[str, Any]], default_pipeline: Any, article_id: str
) -> None:
    record = scored[article_id]
    assert _PLANNED[article_id] in record["title"]
    explained = default_pipeline.themes_.tag("", record["title"]).explain("public_dialogue")
    assert [s for s in explained["spans"] if s["kind"] in ("phrase", "near")] == []
