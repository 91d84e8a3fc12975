"""Test data for the store: synthetic articles and a deterministic stand-in for the scorer.

The store is what is under test, so the "model" is a hash of the text: the same article
always gets the same record, whichever process scores it and however often.
"""

from __future__ import annotations

import hashlib
from typing import Any

LABELS = ("negative", "neutral", "positive")
PLACES = ("Bukit Kapur", "Dumai Barat", "Medang Kampai", "Sungai Sembilan", "Dumai Timur")


def make_articles(n: int, prefix: str = "art") -> list[dict[str, Any]]:
    """``n`` small articles with ids ``{prefix}-00000`` ..., dates spread over a month."""
    articles = []
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        articles.append(
            {
                "id": f"{prefix}-{i:05d}",
                "title": f"Patroli malam nomor {i} di {place}",
                "text": (
                    f"Petugas gabungan menggelar patroli ke-{i} di {place} menjelang "
                    f"pemungutan suara. Warga diajak menjaga ketertiban (catatan {i * 7919})."
                ),
                "published_at": f"2024-10-{1 + i % 28:02d}T{i % 24:02d}:15:00+07:00",
                "source": f"media-{i % 3}",
                "url": f"https://berita.example/{prefix}/{i}",
                "kanal": "daerah",
            }
        )
    return articles


def score_record(article: dict[str, Any], model_version: str) -> dict[str, Any]:
    """A scored record in the contract's shape, a pure function of the article."""
    digest = hashlib.sha256(f"{article['title']}\n{article['text']}".encode()).hexdigest()
    value = round(int(digest[:8], 16) / 0xFFFFFFFF, 6)
    return {
        "id": article["id"],
        "published_at": (article.get("published_at") or "")[:10] or None,
        "source": article.get("source"),
        "title": article.get("title"),
        "themes": [{"theme": "pilkada_security", "score": value, "evidence": [digest[:6]]}],
        "topic": {"id": int(digest[8], 16), "label": "patroli, warga", "score": value},
        "sentiment": {"label": LABELS[int(digest[9], 16) % 3], "score": value},
        "actors": [],
        "quotes": [],
        "duplicate_of": None,
        "model_version": model_version,
    }


RECORD_FIELDS = (
    "id",
    "published_at",
    "source",
    "title",
    "themes",
    "topic",
    "sentiment",
    "actors",
    "quotes",
    "duplicate_of",
    "model_version",
)
