from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

skops_io = pytest.importorskip("skops.io", reason="skops is needed to save topic models")

from media_analytics.topics import TRUSTED_TYPES  # noqa: E402

from .conftest import Corpus, small_model  # noqa: E402


def test_round_trip_with_the_trusted_list(four: Corpus, tmp_path: Path) -> None:
    titles = [f"Judul {g}" for g in four.groups]
    model = small_model().fit(four.tokens, titles=titles, surface_forms=four.surface)
    path = tmp_path / "topics.skops"
    skops_io.dump(model, path)
    # exactly our list is needed: nothing more is trusted than what the module declares
    assert sorted(skops_io.get_untrusted_types(file=path)) == sorted(TRUSTED_TYPES)
    loaded = skops_io.load(path, trusted=TRUSTED_TYPES)
    np.testing.assert_array_equal(loaded.predict(four.tokens), model.labels_)
    np.testing.assert_array_equal(loaded.transform(four.tokens), model.transform(four.tokens))
    for name in [
        "topic_ids_", "labels_", "topic_sizes_", "components_", "topic_term_weights_",
    ]:  # fmt: skip
        np.testing.assert_array_equal(getattr(loaded, name), getattr(model, name))
    for name in [
        "topic_terms_", "topic_stems_", "topic_labels_", "representative_titles_",
        "representative_docs_", "selection_scores_", "topic_matches_", "retired_topics_",
        "generation_", "next_topic_id_", "n_topics_",
    ]:  # fmt: skip
        assert getattr(loaded, name) == getattr(model, name), name
    assert loaded.get_params() == model.get_params() | {"vectorizer": loaded.vectorizer}


def test_refit_from_a_loaded_model_keeps_ids(four: Corpus, tmp_path: Path) -> None:
    old = small_model().fit(four.tokens)
    skops_io.dump(old, tmp_path / "old.skops")
    loaded = skops_io.load(tmp_path / "old.skops", trusted=TRUSTED_TYPES)
    new = small_model().fit(four.tokens[::-1], previous=loaded)
    assert new.labels_[::-1].tolist() == old.labels_.tolist()
    assert new.generation_ == 1


def test_loading_without_the_trusted_list_is_refused(four: Corpus, tmp_path: Path) -> None:
    from skops.io.exceptions import UntrustedTypesFoundException

    skops_io.dump(small_model().fit(four.tokens), tmp_path / "m.skops")
    with pytest.raises(UntrustedTypesFoundException):
        skops_io.load(tmp_path / "m.skops")


def test_saving_does_not_change_the_model(four: Corpus, tmp_path: Path) -> None:
    model = small_model().fit(four.tokens)
    before = model.transform(four.tokens)
    skops_io.dump(model, tmp_path / "m.skops")
    np.testing.assert_array_equal(model.transform(four.tokens), before)
    assert all(type(v) is int for v in model.vectorizer_.vocabulary_.values())
