"""Fixtures for the report tests: the bundled sample corpus as scored records (gold labels as
scores), its shuffled-dates control, and a small inline set with a five-outlet story."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from media_analytics.corpus import parse_date
from media_analytics.resources import sample_dir

SAMPLE = sample_dir()


def gold_to_scored(article: dict[str, Any]) -> dict[str, Any]:
    """A sample article shaped as a scored record, its gold labels standing in for model output."""
    gold = article["gold"]
    published = parse_date(article["published_at"], dayfirst=True)
    assert published is not None, article["published_at"]
    return {
        "id": article["id"],
        "published_at": published.date().isoformat(),
        "source": article["source"],
        "title": article["title"],
        "themes": [{"theme": t, "score": 1.0, "evidence": []} for t in gold["themes"]],
        "topic": None,
        "sentiment": {"label": gold["sentiment"], "score": 1.0},
        "actors": [],
        "quotes": [],
        "duplicate_of": gold["duplicate_of"],
        "model_version": "gold",
    }


def read_sample(paths: list[Path] | None = None) -> list[dict[str, Any]]:
    records = []
    for path in paths or sorted(SAMPLE.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            records.extend(gold_to_scored(json.loads(line)) for line in f if line.strip())
    return records


def shuffle_dates(records: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """The same records with their dates permuted across articles (a no-spike control)."""
    dates = [r["published_at"] for r in records]
    random.Random(seed).shuffle(dates)
    return [{**r, "published_at": d} for r, d in zip(records, dates, strict=True)]


@pytest.fixture(scope="session")
def sample_records() -> list[dict[str, Any]]:
    return read_sample()


def _record(rid: str, day: str, source: str, **extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": rid,
        "published_at": day,
        "source": source,
        "title": f"Judul {rid}",
        "themes": [],
        "topic": None,
        "sentiment": {"label": "neutral", "score": 0.5},
        "actors": [],
        "quotes": [],
        "duplicate_of": None,
        "model_version": "test-1",
    }
    base.update(extra)
    return base


@pytest.fixture
def syndicated_records() -> list[dict[str, Any]]:
    """Seven records, six stories: one story carried by five outlets, plus five singles."""
    story = {
        "title": "Polisi siagakan personel di TPS rawan",
        "themes": [{"theme": "pilkada_security", "score": 0.9, "evidence": ["TPS rawan"]}],
        "sentiment": {"label": "positive", "score": 0.8},
    }
    originals = [_record("s1", "2024-11-26", "Outlet A", **story)]
    copies = [
        _record(f"s1-{i}", "2024-11-26", f"Outlet {c}", duplicate_of="s1", **story)
        for i, c in enumerate("BCDE", start=2)
    ]
    singles = [
        _record("n1", "2024-11-25", "Outlet A"),
        _record("n2", "2024-11-27", "Outlet B"),
    ]
    return originals + copies + singles


# Fictional people for the synthetic actor and quote fields (the sample corpus has gold themes,
# sentiment and duplicates, but no gold actors).
_PEOPLE = [
    ("Budi Santoso", "AKBP", "Kapolres Contoh", "Riau", "Kota Dumai"),
    ("Sri Wahyuni", None, "Ketua KPU Contoh", "Jawa Tengah", "Kota Semarang"),
    ("Andi Pratama", None, "Ketua Bawaslu Contoh", "Sulawesi Selatan", "Kota Makassar"),
    ("Made Sudarsana", None, "Bupati Contoh", "Bali", "Kabupaten Badung"),
    ("Rina Kusuma", "Dr.", "Pengamat politik", "Jawa Barat", "Kota Bandung"),
]


def with_synthetic_actors(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records with a deterministic made-up actor, quote and topic each (for charts and tables)."""
    out = []
    for i, rec in enumerate(records):
        name, title, role, province, regency = _PEOPLE[i % len(_PEOPLE)]
        theme = rec["themes"][0]["theme"] if rec["themes"] else "lainnya"
        out.append(
            {
                **rec,
                "actors": [
                    {
                        "name": name,
                        "title": title,
                        "role": role,
                        "type": "person",
                        "region": {"province": province, "regency": regency},
                    }
                ],
                "quotes": [{"speaker": name, "text": f"Pernyataan uji nomor {i}.", "verb": "ujar"}]
                if i % 2 == 0
                else [],
                "topic": {"id": len(theme), "label": theme.replace("_", ", "), "score": 0.5},
            }
        )
    return out
