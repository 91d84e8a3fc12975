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


@pytest.fixture(scope="module")
def scored(default_pipeline: Any) -> dict[str, dict[str, Any]]:
    wanted = set(_FOUND_OR_HEARD)
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
