"""TopicModel on real news (CLICK-ID, from ../shared/corpora; skipped when absent)."""

from __future__ import annotations

import csv

import numpy as np
import pytest

from media_analytics.preprocessing import TextPreprocessor
from media_analytics.topics import TopicModel

from ..conftest import shared_file

pytestmark = [pytest.mark.shared_data, pytest.mark.slow]


def test_predict_reproduces_the_fitted_assignment_from_raw_text() -> None:
    path = shared_file("corpora/clickid-news-articles/clickid_articles_80.csv")
    csv.field_size_limit(1 << 30)
    with path.open(newline="", encoding="utf-8") as f:
        rows = [r for i, r in enumerate(csv.DictReader(f)) if i % 4 == 0]  # 4,361 articles
    texts = [f"{r['title']}\n{r['content']}" for r in rows]
    prep = TextPreprocessor()
    tokens = prep.fit_transform(texts)
    model = TopicModel(n_topics=20, random_state=0).fit(
        tokens, titles=[r["title"] for r in rows], surface_forms=prep.surface_forms_
    )
    assert model.n_topics_ == 20 and all(model.topic_labels_)
    # new articles arrive as raw text: clean, stem and assign them as the batch job would
    again = model.predict(TextPreprocessor().fit([texts[0]]).transform(texts))
    agreement = float(np.mean(again == model.labels_))
    assert agreement >= 0.99, agreement
