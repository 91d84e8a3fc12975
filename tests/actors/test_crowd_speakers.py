"""The crowd online and in the stands (``netizen``, ``warganet``, ``fans``) is nobody's name."""

from __future__ import annotations

import pytest

from media_analytics.actors import extract_actors, extract_quotes

CROWDS = ["Netizen", "Netizens", "Nitizen", "Netijen", "Warganet", "Netter", "Netters", "Fans"]


@pytest.mark.parametrize("crowd", CROWDS)
def test_a_crowd_opening_a_sentence_is_no_person(crowd: str) -> None:
    # seen on real news: "Netizen menilai ..." gave a person "Netizen", as "Warga menilai ..."
    # and "Masyarakat menilai ..." never did
    text = f"Unggahan itu viral.\n{crowd} menilai acara itu sangat membosankan."
    assert [a.name for a in extract_actors(text) if a.type == "person"] == []


@pytest.mark.parametrize("crowd", CROWDS)
def test_a_capitalised_crowd_is_an_unnamed_speaker_as_warga_is(crowd: str) -> None:
    said = "“Acara itu sangat membosankan sekali,” tulis {}."
    assert [q.speaker for q in extract_quotes(said.format("Warga"))] == [None]
    assert [q.speaker for q in extract_quotes(said.format(crowd))] == [None]
