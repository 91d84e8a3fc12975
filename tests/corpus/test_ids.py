from __future__ import annotations

from pathlib import Path

import pytest

from media_analytics.corpus import Article, Rejects, article_id, normalize_url, read_articles

BASE = "https://news.detik.com/berita/d-7614604/judul-berita"


@pytest.mark.parametrize(
    "variant",
    [
        BASE,
        "http://news.detik.com/berita/d-7614604/judul-berita",
        "HTTPS://NEWS.DETIK.COM/berita/d-7614604/judul-berita",
        BASE + "/",
        BASE + "#komentar",
        BASE + "?utm_source=twitter&utm_medium=social",
        BASE + "?fbclid=abc123",
        BASE + "?gclid=xyz&ref=home",
        BASE + "?amp=1",
        BASE + "/amp",
        "https://www.news.detik.com/berita/d-7614604/judul-berita",
        "https://m.news.detik.com/berita/d-7614604/judul-berita",
        "https://news.detik.com:443/berita/d-7614604/judul-berita",
        "news.detik.com/berita/d-7614604/judul-berita",
    ],
)
def test_url_variants_of_one_page_share_an_id(variant: str) -> None:
    assert normalize_url(variant) == "news.detik.com/berita/d-7614604/judul-berita"
    assert article_id(url=variant) == article_id(url=BASE)


def test_different_pages_get_different_ids() -> None:
    assert article_id(url=BASE) != article_id(url=BASE.replace("7614604", "7614605"))
    # Path case and non-tracking parameters are part of the page's identity.
    assert article_id(url=BASE + "?page=2") != article_id(url=BASE)
    assert article_id(url=BASE.replace("judul", "Judul")) != article_id(url=BASE)


def test_query_order_does_not_matter_and_tracking_is_dropped() -> None:
    assert normalize_url("x.com/a?b=2&a=1&utm_campaign=z") == "x.com/a?a=1&b=2"


def test_content_hash_when_there_is_no_url() -> None:
    first = article_id(title="Polisi Patroli", text="Patroli malam  di TPS.")
    assert first.startswith("c-")
    assert first == article_id(url="  ", title="polisi patroli ", text="patroli malam di tps.")
    assert first != article_id(title="Polisi Patroli", text="Patroli pagi di TPS.")
    assert article_id(url=BASE).startswith("u-")


def test_no_url_and_no_content_is_an_error() -> None:
    with pytest.raises(ValueError, match="cannot derive an id"):
        article_id()


def test_given_id_wins_over_derived_one() -> None:
    given = Article.from_dict({"id": "berita-42", "url": BASE, "text": "Isi."})
    derived = Article.from_dict({"url": BASE, "text": "Isi."})
    assert given.id == "berita-42"
    assert derived.id == article_id(url=BASE)
    assert Article.from_dict({"id": 779, "text": "Isi."}).id == "779"


@pytest.mark.parametrize("placeholder", ["N/A", "na", " - ", "--", "NULL", "None", "nan", "#N/A"])
def test_placeholder_id_is_derived_as_a_blank_one_with_a_warning(
    tmp_path: Path, placeholder: str
) -> None:
    # two days' exports with an "N/A" id cell each: they are two articles, not one replacing
    # the other
    export = tmp_path / "export.csv"
    export.write_text(
        f'id,judul,tautan,isi_berita\n"{placeholder}",Banjir,{BASE},Banjir di Kampar.\n'
        f'"{placeholder}",Diskon,https://example.com/b,Diskon sabun.\n',
        encoding="utf-8",
    )
    rejects = Rejects()
    articles = list(read_articles(export, rejects=rejects))
    assert [a.id for a in articles] == [article_id(url=BASE), article_id(url="example.com/b")]
    assert [(r.line, r.reason, r.severity) for r in rejects] == [
        (2, "placeholder_id", "warning"),
        (3, "placeholder_id", "warning"),
    ]
    assert repr(placeholder.strip()) in rejects[0].message
    assert rejects[0].record_id == articles[0].id
