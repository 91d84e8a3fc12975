"""The seed article: actors, coreference, places and the four direct quotes."""

from __future__ import annotations

import pytest

from media_analytics.actors import Actor, extract_actors, extract_quotes

pytestmark = pytest.mark.shared_data


def _by_name(actors: list[Actor]) -> dict[str, Actor]:
    return {a.name: a for a in actors}


@pytest.fixture(scope="module")
def seed_actors(seed_text: str) -> list[Actor]:
    return extract_actors(seed_text)


def test_anra_nosa_is_one_actor_with_title_role_and_honorifics(
    seed_text: str, seed_actors: list[Actor]
) -> None:
    persons = [a for a in seed_actors if a.type == "person"]
    anra = [a for a in persons if "Nosa" in a.name]
    assert len(anra) == 1
    a = anra[0]
    assert a.name == "Anra Nosa"
    assert a.title == "IPTU"
    assert a.role == "Kapolsek Bukit Kapur"
    assert a.honorifics == ["S.H.", "M.H."]
    # every "Anra Nosa" in the text is a mention of this one actor
    assert len(a.mentions) == seed_text.count("Anra Nosa")


def test_kapolres_dumai(seed_actors: list[Actor]) -> None:
    d = _by_name(seed_actors)["Dhovan Oktavianton"]
    assert (d.type, d.title, d.role) == ("person", "AKBP", "Kapolres Dumai")


def test_company_and_police_unit_are_organisations(
    seed_text: str, seed_actors: list[Actor]
) -> None:
    by = _by_name(seed_actors)
    pt = by["PT. Jatim Propertindo Jaya"]
    assert pt.type == "organization"
    assert len(pt.mentions) == seed_text.count("PT. Jatim Propertindo Jaya")
    assert by["Polsek Bukit Kapur"].type == "organization"


def test_places_and_regions(seed_actors: list[Actor]) -> None:
    by = _by_name(seed_actors)
    for name in ("Kelurahan Bagan Besar", "Kecamatan Bukit Kapur", "Kota Dumai"):
        assert by[name].type == "place"
        assert by[name].region == {"province": "Riau", "regency": "Kota Dumai"}
    assert by["Kota Dumai"].official == "Kota Dumai"


def test_bare_dumai_joins_kota_dumai(seed_text: str, seed_actors: list[Actor]) -> None:
    kota = _by_name(seed_actors)["Kota Dumai"]
    surfaces = {seed_text[s:e] for s, e in kota.mentions}
    assert "Dumai" in surfaces  # "di wilayah Dumai"


def test_editor_credit_is_no_actor_and_no_speaker(seed_text: str, seed_actors: list[Actor]) -> None:
    assert "Editor" in seed_text
    names = " ".join(a.name for a in seed_actors)
    assert "Ari" not in names and "Susanto" not in names
    assert all(q.speaker != "Ari Susanto" for q in extract_quotes(seed_text, seed_actors))


def test_mentions_slice_the_text_exactly(seed_text: str, seed_actors: list[Actor]) -> None:
    for a in seed_actors:
        assert a.mentions
        for s, e in a.mentions:
            mention = seed_text[s:e]
            assert mention and mention == mention.strip()
            if a.type == "person":
                assert mention in {a.name, a.name.split()[-1], a.role} | set(a.aliases)


def test_four_direct_quotes_by_anra_nosa(seed_text: str, seed_actors: list[Actor]) -> None:
    quotes = extract_quotes(seed_text, seed_actors)
    direct = [q for q in quotes if q.direct]
    assert len(direct) == 4
    assert {q.speaker for q in direct} == {"Anra Nosa"}
    assert [q.verb for q in direct] == ["ujar", "tambahnya", "ungkap", "tegasnya"]
    for q in quotes:
        assert seed_text[q.start : q.end] == q.text
        assert not q.text.startswith(("“", '"')) and not q.text.endswith(("”", '"', ","))
    indirect = [q for q in quotes if not q.direct]
    assert indirect and {q.speaker for q in indirect} == {"Anra Nosa"}
    assert "menurutnya" in {q.verb for q in indirect}


def test_cleaned_text_gives_the_same_people_and_quotes(seed_text: str) -> None:
    preprocessing = pytest.importorskip("media_analytics.preprocessing")
    cleaned = preprocessing.clean_article(seed_text).text
    assert "Editor" not in cleaned
    actors = extract_actors(cleaned)
    people = {a.name: (a.title, a.role) for a in actors if a.type == "person"}
    assert people == {
        "Anra Nosa": ("IPTU", "Kapolsek Bukit Kapur"),
        "Dhovan Oktavianton": ("AKBP", "Kapolres Dumai"),
    }
    direct = [q for q in extract_quotes(cleaned, actors) if q.direct]
    assert [q.speaker for q in direct] == ["Anra Nosa"] * 4
