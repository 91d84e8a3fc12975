"""``bench/score_bench.py --only cpu``: the CPU each part of scoring takes, timed in place."""

from __future__ import annotations

import math

from media_analytics import pipeline
from media_analytics.corpus import read_articles
from media_analytics.resources import corpora_dir

from .conftest import bench_script

PARTS = {
    "cleaning",
    "tokens and stems",
    "themes",
    "topics",
    "actors",
    "quotes",
    "sentiment and tone",
    "rest",
    "whole",
}


def test_cpu_by_part_times_the_scoring_code_and_leaves_it_as_it_was() -> None:
    bench = bench_script("score_bench", "bench/score_bench.py")
    articles = list(read_articles(sorted((corpora_dir() / "sample").glob("*.jsonl"))))[:40]
    from media_analytics.models import default_model

    parts = default_model()._parts()
    before = pipeline._score_chunk(parts, articles)
    originals = (pipeline.clean_article, pipeline._token_doc)

    cpu = bench.cpu_by_part(articles, 2)

    assert set(cpu) == PARTS
    assert all(len(v) == 2 for v in cpu.values())
    for i in range(2):
        # every part ran (the sample names people, quotes them and has a tone) and none is
        # counted twice: the parts and the rest make up the whole
        assert all(cpu[p][i] > 0 for p in PARTS - {"rest", "whole"})
        assert cpu["rest"][i] >= 0
        total = sum(cpu[p][i] for p in PARTS - {"whole"})
        assert math.isclose(total, cpu["whole"][i], rel_tol=1e-9)
    # the wrappers are gone and scoring gives what it gave
    assert (pipeline.clean_article, pipeline._token_doc) == originals
    assert "tag_many" not in vars(parts.themes) and "topic_records" not in vars(parts.topics)
    assert pipeline._score_chunk(parts, articles) == before
