from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from media_analytics.corpus import Article, DateParseError
from media_analytics.corpus.article import build_article

WIB = timezone(timedelta(hours=7))


def test_to_dict_is_json_ready_and_round_trips() -> None:
    article = Article(
        id="a1",
        title="Judul",
        text="Isi berita.",
        published_at=datetime(2024, 10, 18, 17, 46, tzinfo=WIB),
        source="contoh.id",
        url="https://contoh.id/a1",
        extra={"kanal": "nasional", "tags": ["pilkada", "polri"], "skor": 3},
    )
    data = json.loads(json.dumps(article.to_dict()))
    assert data["published_at"] == "2024-10-18T17:46:00+07:00"
    assert data["tags"] == ["pilkada", "polri"]
    assert Article.from_dict(data) == article


def test_from_dict_keeps_unknown_fields_untouched() -> None:
    nested = {"government": ["Kemendagri"], "n": 2}
    article = Article.from_dict({"text": "Isi.", "entity": nested, "kosong": None})
    assert article.extra == {"entity": nested, "kosong": None}
    assert article.extra["entity"] is nested


def test_from_dict_rejects_bad_input_with_reasons() -> None:
    with pytest.raises(ValueError, match="no text"):
        Article.from_dict({"title": "Tanpa isi"})
    with pytest.raises(ValueError, match="empty text"):
        Article.from_dict({"text": "   "})
    with pytest.raises(ValueError, match="text must be a string, got int"):
        Article.from_dict({"text": 12})
    with pytest.raises(ValueError, match="title must be a string, got list"):
        Article.from_dict({"text": "Isi.", "title": ["a"]})
    with pytest.raises(DateParseError, match="ambiguous"):
        Article.from_dict({"text": "Isi.", "published_at": "05/06/2024"})


def test_dayfirst_is_passed_to_the_date_parser() -> None:
    article = Article.from_dict({"text": "Isi.", "published_at": "05/06/2024"}, dayfirst=True)
    assert article.published_at == datetime(2024, 6, 5)


def test_contract_field_wins_over_a_clashing_extra_key() -> None:
    article = Article(id="a", text="Isi.", extra={"text": "lain", "x": 1})
    assert article.to_dict()["text"] == "Isi."
    assert article.to_dict()["x"] == 1


def test_a_date_left_empty_keeps_its_value_as_an_extra_field() -> None:
    record = {"text": "Isi.", "published_at": "2 jam yang lalu", "kanal": "news"}
    article = Article.from_dict({**record, "published_at": "18 Okt 2024"})
    assert article.extra == {"kanal": "news"}  # a date read: nothing more kept
    article, issues = build_article(
        {"text": "Isi.", "published_at": "2 jam yang lalu"}, {"kanal": "news"}
    )
    assert article is not None and article.published_at is None
    assert [i.reason for i in issues] == ["bad_date"]
    assert article.extra == {"kanal": "news", "published_at_raw": "2 jam yang lalu"}
    article, _ = build_article({"text": "Isi.", "published_at": 1900}, {})
    assert article is not None and article.extra == {"published_at_raw": 1900}
