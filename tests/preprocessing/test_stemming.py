from __future__ import annotations

import csv
import gzip
import json
import re
from multiprocessing import get_context
from pathlib import Path

import pytest
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from media_analytics.preprocessing import StemCache, stem

from ..conftest import shared_file

TRICKY = [
    "pengamanan",
    "kegiatan",
    "berlangsungnya",
    "menegaskan",
    "bersinergi",
    "kondusifitas",
    "buku-buku",
    "berbalas-balasan",
    "meniru-nirukan",
    "malaikat-malaikatnya",
    "sayur-mayur",
    "Kapolsek",
    "IPTU",
    "PT.",
    "Soekarno-Hatta",
    "2024",
    "covid-19",
    "-",
    "--",
    "a-",
    "-nya",
    "",
    " ",
    "kata¬†dia",
    "“Kita",
    "perekonomian",
    "mempertanggungjawabkan",
    "diberlakukannya",
    "Jum'at",
    "café",
    "kepolisian",
    "penyelenggaraan",
    "mengkonsumsi",
    "memproklamasikan",
]


@pytest.fixture(scope="module")
def sastrawi():
    return StemmerFactory().create_stemmer()


@pytest.mark.parametrize("word", TRICKY)
def test_stem_equals_pysastrawi(word: str, sastrawi) -> None:
    assert stem(word) == sastrawi.stem(word)


def test_cache_is_bounded_and_counts() -> None:
    cache = StemCache(maxsize=8)
    words = [f"pengamanan{i}" for i in range(20)] + ["kegiatan"] * 5
    for w in words:
        cache.stem(w)
    assert len(cache) <= 8
    assert cache.hits == 4 and cache.misses == 21


def test_cache_save_load_roundtrip(tmp_path: Path) -> None:
    cache = StemCache(maxsize=100)
    cache.stem_many(["pengamanan", "kegiatan", "buku-buku"])
    path = tmp_path / "stems.json.gz"
    cache.save(path)
    loaded = StemCache.load(path)
    assert loaded.to_dict() == cache.to_dict()
    assert loaded.maxsize == 100
    loaded.stem("pengamanan")
    assert loaded.hits == 1 and loaded.misses == 0


def test_cache_load_refuses_foreign_files(tmp_path: Path) -> None:
    path = tmp_path / "bad.json.gz"
    with gzip.open(path, "wt") as f:
        json.dump(
            {
                "format": "media_analytics.stem_cache",
                "version": 1,
                "maxsize": 5,
                "entries": {"a": 1},
            },
            f,
        )
    with pytest.raises(ValueError, match="map strings to strings"):
        StemCache.load(path)
    with gzip.open(path, "wt") as f:
        json.dump({"format": "other", "version": 9}, f)
    with pytest.raises(ValueError, match="not a media_analytics stem cache"):
        StemCache.load(path)


def test_maxsize_must_be_positive() -> None:
    with pytest.raises(ValueError):
        StemCache(maxsize=0)


_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _compare(words: list[str]) -> list[tuple[str, str, str]]:
    ours = StemCache(maxsize=len(words) + 1)
    ref = StemmerFactory().create_stemmer()
    return [(w, a, b) for w in words if (a := ours.stem(w)) != (b := ref.stem(w))]


@pytest.mark.slow
def test_every_clickid_word_type_stems_like_pysastrawi() -> None:
    """All distinct word types of the CLICK-ID articles (about 100k): zero mismatches."""
    path = shared_file("corpora/clickid-news-articles/clickid_articles_80.csv")
    csv.field_size_limit(1 << 30)
    types: set[str] = set()
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            types.update(_TOKEN.findall(f"{row['title']} {row['content']}".lower()))
    words = sorted(types)
    assert len(words) > 80_000
    halves = [words[0::2], words[1::2]]
    with get_context("fork").Pool(2) as pool:
        mismatches = [m for part in pool.map(_compare, halves) for m in part]
    assert mismatches == [], mismatches[:20]


def test_the_log_of_new_stems_is_kept_only_once_started() -> None:
    # a single long-running process must not hold every word it ever stemmed a second time
    cache = StemCache(maxsize=100)
    cache.stem("pengamanan")
    assert cache.drain_log() == []
    cache.start_log()
    cache.stem("kegiatan")
    cache.stem("kegiatan")  # a hit is not logged again
    assert cache.drain_log() == [("kegiatan", "giat")]
    assert cache.drain_log() == []
