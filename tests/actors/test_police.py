"""Police news as it is written: units named ``Metro``, ranks written out, offices glued to the
short form of their province (``Kapoldasu``), and the traffic police (``Polantas``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import pytest

from media_analytics.actors import Actor, extract_actors, extract_quotes

from ..conftest import shared_file

_CLICKID = ("corpora/clickid-news-articles/clickid_articles_80.csv", "load_clickid")
_DETIK = ("corpora/detik-aspect-news-2025/data_berita.csv", "load_detik_aspect")


def persons(text: str) -> dict[str, Actor]:
    return {a.name: a for a in extract_actors(text) if a.type == "person"}


def places(text: str) -> dict[str, Actor]:
    return {a.name: a for a in extract_actors(text) if a.type == "place"}


def in_kota_metro(actor: Actor) -> bool:
    return (actor.region or {}).get("regency") == "Kota Metro"


@lru_cache(maxsize=2)
def _articles(relative: str, loader: str) -> tuple[tuple[str, str], ...]:
    import media_analytics.corpus as corpus
    from media_analytics.preprocessing import clean_article

    path = shared_file(relative)
    return tuple((str(a.id), clean_article(a.text).text) for a in getattr(corpus, loader)(path))


def real_articles(source: tuple[str, str], pattern: str) -> Iterator[tuple[str, str]]:
    """The (id, cleaned text) of the real articles whose text matches ``pattern``."""
    found = re.compile(pattern)
    for aid, text in _articles(*source):
        if found.search(text):
            yield aid, text


def real_article(source: tuple[str, str], aid: str) -> str:
    return next(text for key, text in _articles(*source) if key == aid)


# --- "Metro": the police units of greater Jakarta, not the city of Metro in Lampung -----------


@pytest.mark.parametrize(
    "text",
    [
        "Kapolda Metro Jaya Irjen Karyoto hadir.",
        "Kepala Kepolisian Daerah Metro Jaya Irjen Karyoto hadir.",
        "Ia meninjau pos di Mapolda Metro Jaya kemarin.",
        "Hal itu disampaikan kepada Kapolda Metro Jaya.",
        "Ia diperiksa di Mapolda Metro pekan lalu.",
        "Kapolres Metro Jakarta Utara Kombes Gidion Arif Setyawan juga hadir.",
        "Wakapolres Metro Jakarta Pusat AKBP Setyo Koes hadir.",
        "Kapolres Metro Bekasi Kombes Budi hadir.",
        "Kasat Lantas Metro Bekasi AKBP Tartono hadir.",
        "Kapolsek Metro Gambir Kompol Wiraga Dimas Tama mengatakan itu.",
    ],
)
def test_a_police_unit_named_metro_is_not_the_city_of_metro(text: str) -> None:
    assert not any(in_kota_metro(a) for a in extract_actors(text)), extract_actors(text)


def test_the_place_of_a_metro_unit_is_the_one_named_after_it() -> None:
    found = places("Kapolres Metro Jakarta Utara Kombes Gidion Arif Setyawan hadir.")
    assert list(found) == ["Jakarta Utara"]
    assert found["Jakarta Utara"].region == {
        "province": "Daerah Khusus Ibukota Jakarta",
        "regency": "Kota Administrasi Jakarta Utara",
    }
    # Metro Jaya is Jakarta's police
    found = places("Kapolda Metro Jaya Irjen Karyoto hadir.")
    assert [a.region for a in found.values()] == [{"province": "Daerah Khusus Ibukota Jakarta"}]
    # the offices keep their units' names
    p = persons("Kapolres Metro Jakarta Utara Kombes Gidion Arif Setyawan hadir.")
    assert p["Gidion Arif Setyawan"].role == "Kapolres Metro Jakarta Utara"
    p = persons("Kapolda Metro Jaya Irjen Karyoto hadir.")
    assert p["Karyoto"].role == "Kapolda Metro Jaya"


def test_the_brief_example_has_no_kota_metro() -> None:
    text = (
        "JAKARTA - Kepala Kepolisian Daerah Metro Jaya Inspektur Jenderal Gatot Eddy Pramono "
        "meninjau pos di Mapolda Metro Jaya. Kapolda Metro Jaya Irjen Karyoto hadir. Kapolres "
        "Metro Jakarta Utara Kombes Gidion Arif Setyawan juga hadir."
    )
    actors = extract_actors(text)
    assert not any(in_kota_metro(a) for a in actors)
    found = {a.name: a for a in actors if a.type == "person"}
    assert (found["Gatot Eddy Pramono"].title, found["Gatot Eddy Pramono"].role) == (
        "Inspektur Jenderal",
        "Kepala Kepolisian Daerah Metro Jaya",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Warga Kota Metro menggelar pawai.",
        "Banjir melanda Metro, Lampung, kemarin.",
        "Wali Kota Metro Wahdi meninjau pasar.",
        "Kapolres Metro AKBP Heri Sulistyo Nugroho meninjau pasar di Metro Pusat.",
        "Pawai digelar di Metro Lampung kemarin.",
    ],
)
def test_the_city_of_metro_is_still_in_lampung(text: str) -> None:
    assert any(in_kota_metro(a) for a in extract_actors(text)), extract_actors(text)


def test_a_metro_unit_whose_place_was_cut_is_not_the_city_in_an_article_on_jakartas_police() -> (
    None
):
    # seen on real news: the crawler left the unit's place out in one mention
    text = (
        "Polres Metro, bersama Pemprov DKI Jakarta menyegel pabrik arang. Kapolres Metro, "
        'mengatakan ada 17 pabrik yang disegel. "Kami tegas," ujar Budhi di Polda Metro Jaya.'
    )
    assert not any(in_kota_metro(a) for a in extract_actors(text))


@pytest.mark.slow
@pytest.mark.shared_data
def test_no_article_on_a_metro_police_unit_is_placed_in_kota_metro() -> None:
    wrong = [
        (aid, a.name)
        for aid, text in real_articles(_CLICKID, r"Metro Jaya|(?:Pol(?:da|res|sek)|Resor) Metro")
        for a in extract_actors(text)
        if a.type == "place" and in_kota_metro(a)
    ]
    assert wrong == [], wrong


# --- ranks written out -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Upacara dipimpin Inspektur Jenderal Gatot Eddy Pramono.",
            "Gatot Eddy Pramono",
            "Inspektur Jenderal",
        ),
        (
            "Upacara dipimpin Inspektur Jenderal Polisi Didi Haryono.",
            "Didi Haryono",
            "Inspektur Jenderal",
        ),
        ("Upacara dipimpin Komisaris Jenderal Listyo Sigit.", "Listyo Sigit", "Komisaris Jenderal"),
        ("Upacara dipimpin Brigadir Jenderal Dedi Prasetyo.", "Dedi Prasetyo", "Brigadir Jenderal"),
        (
            "Upacara dipimpin Ajun Komisaris Besar Budi Santoso.",
            "Budi Santoso",
            "Ajun Komisaris Besar",
        ),
        (
            "Upacara dipimpin Inspektur Polisi Satu Budi Santoso.",
            "Budi Santoso",
            "Inspektur Polisi Satu",
        ),
        (
            "Upacara dipimpin Inspektur Dua Erwin Yudha Wildani.",
            "Erwin Yudha Wildani",
            "Inspektur Dua",
        ),
        ("Upacara dipimpin Ajun Inspektur Satu Wayan Putu.", "Wayan Putu", "Ajun Inspektur Satu"),
        (
            "Upacara dipimpin Ajun Inspektur Polisi Dua Budi Santoso.",
            "Budi Santoso",
            "Ajun Inspektur Polisi Dua",
        ),
        (
            "Upacara dipimpin Brigadir Polisi Dua Budi Santoso.",
            "Budi Santoso",
            "Brigadir Polisi Dua",
        ),
        ("Upacara dipimpin Brigadir Kepala Eka Setiawan.", "Eka Setiawan", "Brigadir Kepala"),
        ("Upacara dipimpin Bhayangkara Dua Budi Santoso.", "Budi Santoso", "Bhayangkara Dua"),
        ("Upacara dipimpin Letnan Jenderal Doni Monardo.", "Doni Monardo", "Letnan Jenderal"),
        ("Upacara dipimpin Letnan Kolonel Budi Santoso.", "Budi Santoso", "Letnan Kolonel"),
        ("Upacara dipimpin Letnan Satu Budi Santoso.", "Budi Santoso", "Letnan Satu"),
        ("Upacara dipimpin Laksamana Muda Yudo Margono.", "Yudo Margono", "Laksamana Muda"),
        (
            "Upacara dipimpin Laksamana Madya Achmad Taufiequrrochman.",
            "Achmad Taufiequrrochman",
            "Laksamana Madya",
        ),
        (
            "Upacara dipimpin Marsekal Pertama Fadjar Prasetyo.",
            "Fadjar Prasetyo",
            "Marsekal Pertama",
        ),
        ("Upacara dipimpin Sersan Mayor Budi Santoso.", "Budi Santoso", "Sersan Mayor"),
        ("Upacara dipimpin Kopral Dua Budi Santoso.", "Budi Santoso", "Kopral Dua"),
    ],
)
def test_a_rank_written_out_is_the_title_whole(text: str, name: str, title: str) -> None:
    assert set(persons(text)) == {name}
    assert persons(text)[name].title == title


@pytest.mark.parametrize(
    ("text", "name", "title", "role", "org"),
    [
        (
            "Kepala Kepolisian Daerah Metro Jaya Inspektur Jenderal Gatot Eddy Pramono hadir.",
            "Gatot Eddy Pramono",
            "Inspektur Jenderal",
            "Kepala Kepolisian Daerah Metro Jaya",
            "Kepolisian Daerah Metro Jaya",  # the written-out Polda is a body, as "Polsek Koja"
        ),
        (
            "Kepala Polsek Koja Ajun Komisaris Besar Budi Santoso memimpin apel.",
            "Budi Santoso",
            "Ajun Komisaris Besar",
            "Kepala Polsek Koja",
            "Polsek Koja",
        ),
        (
            "Kepala Polsubsektor Marunda Ajun Inspektur Satu Wayan Putu memimpin apel.",
            "Wayan Putu",
            "Ajun Inspektur Satu",
            "Kepala Polsubsektor Marunda",
            "Polsubsektor Marunda",
        ),
        (
            "Kapolda Jawa Timur Inspektur Jenderal Luki Hermawan hadir.",
            "Luki Hermawan",
            "Inspektur Jenderal",
            "Kapolda Jawa Timur",
            None,
        ),
        (
            "Kepala Unit Reserse Kriminal Polsek Jatinegara Inspektur Satu Sagala hadir.",
            "Sagala",
            "Inspektur Satu",
            "Kepala Unit Reserse Kriminal Polsek Jatinegara",
            "Polsek Jatinegara",
        ),
    ],
)
def test_a_rank_written_out_after_an_office_is_neither_the_office_nor_the_name(
    text: str, name: str, title: str, role: str, org: str | None
) -> None:
    actors = extract_actors(text)
    found = {a.name: a for a in actors if a.type == "person"}
    assert set(found) == {name}
    assert (found[name].title, found[name].role) == (title, role)
    orgs = [a.name for a in actors if a.type == "organization"]
    assert orgs == ([org] if org else [])


def test_an_office_named_like_a_rank_stays_an_office() -> None:
    # the inspector general of a ministry: an office, not the police rank
    text = "Inspektur Jenderal Kementerian Keuangan Awan Nurmawan Nuh hadir."
    found = persons(text)
    assert set(found) == {"Awan Nurmawan Nuh"}
    assert found["Awan Nurmawan Nuh"].title is None
    assert found["Awan Nurmawan Nuh"].role == "Inspektur Jenderal Kementerian Keuangan"


@pytest.mark.slow
@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("aid", "name", "title"),
    [
        ("clickid-206183f94e7f", "Luki Hermawan", "Inspektur Jenderal"),
        ("clickid-4b1accb00944", "Agus Andrianto", "Inspektur Jenderal"),
        ("clickid-29c3f5b8a031", "Mohammad Iqbal", "Inspektur Jenderal"),
        ("clickid-4686d20ba006", "Erwin Yudha Wildani", "Inspektur Dua"),
        ("clickid-e973abf73368", "Gatot Eddy Pramono", "Inspektur Jenderal"),
        ("clickid-e973abf73368", "Wayan Putu", "Ajun Inspektur Satu"),
        ("clickid-3b32765ba252", "Hery Purnomo", "Ajun Komisaris Besar"),
        ("clickid-3b32765ba252", "Sagala", "Inspektur Satu"),
        ("clickid-71216c6efbc0", "Achmad Taufiequrrochman", "Laksamana Madya"),
    ],
)
def test_ranks_written_out_in_real_news(aid: str, name: str, title: str) -> None:
    found = persons(real_article(_CLICKID, aid))
    assert name in found, sorted(found)
    assert found[name].title == title


@pytest.mark.slow
@pytest.mark.shared_data
def test_no_rank_written_out_is_split_in_real_news() -> None:
    """No office ends with a rank's first word and no name opens with its last word
    (``Kepala Polsek Koja Ajun`` + ``Komisaris Besar``; ``Inspektur`` + ``Dua Erwin``)."""
    openers = {"Ajun", "Inspektur", "Letnan", "Laksamana", "Marsekal", "Bhayangkara", "Sersan"}
    split = []
    for aid, text in real_articles(_CLICKID, r"\b(?:Satu|Dua|Madya|Muda|Pertama|Jenderal)\b"):
        for a in extract_actors(text):
            words = (a.role or "").split()
            if a.type == "person" and len(words) > 1 and words[-1] in openers:
                split.append((aid, a.name, a.role))
            if (
                a.type == "person"
                and a.name.split()[0] in ("Satu", "Dua", "Madya", "Muda")
                and re.search(rf"(?:{'|'.join(openers)}|Polisi) {a.name}", text)
            ):
                split.append((aid, a.name, a.title))
            if a.type == "organization" and a.name.split()[-1] in openers:
                split.append((aid, a.name, None))
    assert split == [], split


# --- offices glued to their province's short form, and the traffic police ---------------------


@pytest.mark.parametrize(
    "office", ["Kapoldasu", "Kapoldasumsel", "Kapoldajatim", "Wakapoldasu", "Kajatisu"]
)
def test_an_office_glued_to_its_province_is_no_person(office: str) -> None:
    text = f'{office} juga hadir. "Situasi kondusif," pungkas {office}.'
    assert persons(text) == {}


def test_a_glued_office_is_its_holder_named_in_the_article() -> None:
    text = (
        "Kapolda Sumut Irjen Agus Andrianto meninjau posko. Kapoldasu juga menemui warga.\n"
        '"Situasi kondusif," pungkas Kapoldasu.'
    )
    assert set(persons(text)) == {"Agus Andrianto"}
    assert [q.speaker for q in extract_quotes(text)] == ["Agus Andrianto"]
    # and the other way round, the full name of the province
    text = (
        "Kapoldasu Irjen Agus Andrianto meninjau posko.\n"
        '"Situasi kondusif," kata Kapolda Sumatera Utara.'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Agus Andrianto"]


def test_a_glued_office_of_another_province_is_not_the_holder_named() -> None:
    text = (
        'Kapolda Jatim Irjen Luki Hermawan meninjau posko.\n"Situasi kondusif," pungkas Kapoldasu.'
    )
    assert [q.speaker for q in extract_quotes(text)] != ["Luki Hermawan"]


@pytest.mark.parametrize(
    "text",
    [
        "Terima kasih Pak Polantas, kata warga.",
        "Pak Polantas membantu warga menyeberang.",
        '"Polantas sekarang lebih ramah," kata Budi Santoso.',
    ],
)
def test_the_traffic_police_is_no_person(text: str) -> None:
    assert "Polantas" not in persons(text)


@pytest.mark.slow
@pytest.mark.shared_data
def test_the_quotes_of_the_kapoldasu_article_are_his() -> None:
    text = real_article(_CLICKID, "clickid-4a7688b7ed89")
    actors = extract_actors(text)
    assert {a.name for a in actors if a.type == "person"} == {"Agus Andrianto"}
    speakers = [q.speaker for q in extract_quotes(text, actors)]
    assert len(speakers) == 5
    assert set(speakers) == {"Agus Andrianto"}


@pytest.mark.slow
@pytest.mark.shared_data
def test_the_traffic_police_is_no_person_in_real_news() -> None:
    found = [
        (aid, a.name)
        for aid, text in real_articles(_DETIK, r"Polantas")
        for a in extract_actors(text)
        if a.type == "person" and "Polantas" in a.name
    ]
    found += [
        (aid, a.name)
        for aid, text in real_articles(_CLICKID, r"Polantas")
        for a in extract_actors(text)
        if a.type == "person" and "Polantas" in a.name
    ]
    assert found == [], found


def orgs(text: str) -> dict[str, Actor]:
    return {a.name: a for a in extract_actors(text) if a.type == "organization"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # seen in a notebook on CLICK-ID news: "Kepolisian Resor" (27 articles), "Kepolisian
        # Daerah" (14) and "Polsek Pasar" counted as bodies, several units under one name
        ("Kepolisian Resor Metropolitan Bekasi Kota menangkap dua pelaku.",
         "Kepolisian Resor Metropolitan Bekasi Kota"),
        ("Kepolisian Resor Metro Jakarta Utara menyita sepeda motor.",
         "Kepolisian Resor Metro Jakarta Utara"),
        ("Kepolisian Sektor Tanah Abang menangkap dua pelaku.", "Kepolisian Sektor Tanah Abang"),
        ("Polsek Pasar Minggu menangkap dua pelaku.", "Polsek Pasar Minggu"),
        ("Kepolisian Daerah (Polda) Jambi menangkap dua pelaku.", "Kepolisian Daerah Jambi"),
        ("Kepolisian Resor Kota Besar Medan menangkap dua pelaku.",
         "Kepolisian Resor Kota Besar Medan"),
    ],
)  # fmt: skip
def test_a_police_unit_written_out_is_named_whole(text: str, name: str) -> None:
    assert list(orgs(text)) == [name]


def test_a_units_short_form_in_parentheses_stands_for_it_in_the_article() -> None:
    text = "Kepolisian Daerah (Polda) Jambi menangkap dua pelaku. Polda juga menyita barang bukti."
    unit = orgs(text)["Kepolisian Daerah Jambi"]
    assert unit.aliases == ["Polda"] and len(unit.mentions) == 3
    # a short form that does not spell the head is another body's, or an office's
    text = "Kepala Biro (Karo) BKN Mohammad Ridwan menyebut itu."
    assert "BKN" in orgs(text) and not any("Biro" in n for n in orgs(text))
