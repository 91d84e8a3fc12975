from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_pipeline
from sklearn.utils import estimator_checks as checks

from media_analytics.preprocessing import TextPreprocessor, preprocess_many

DOCS = [
    "DUMAI - Polres Dumai menggelar pengamanan Pilkada di seluruh TPS.\nEditor : Ari",
    "Kegiatan Jumat Curhat mendengar keluhan warga tentang keamanan lingkungan.",
    "Harga cabai di pasar tradisional turun setelah panen raya.",
    "Tim sepak bola daerah menang dua gol tanpa balas.",
    "Buku-buku pelajaran dibagikan kepada siswa sekolah dasar.",
]


def test_fits_into_a_tfidf_pipeline() -> None:
    pipe = make_pipeline(TextPreprocessor(), TfidfVectorizer(token_pattern=r"\S+", lowercase=False))
    X = pipe.fit_transform(DOCS)
    vocab = pipe[-1].vocabulary_
    assert X.shape == (5, len(vocab))
    assert {"aman", "pilkada", "buku", "curhat"} <= set(vocab)
    assert "editor" not in vocab and "ari" not in vocab  # the credit line is gone
    assert "yang" not in vocab


def test_transform_before_fit_raises() -> None:
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        TextPreprocessor().transform(DOCS)


def test_single_string_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="single string"):
        TextPreprocessor().fit("satu dokumen saja")


def test_non_string_document_names_its_position() -> None:
    with pytest.raises(ValueError, match="document 1: expected str"):
        TextPreprocessor().fit(["baik", 3])


def test_clone_keeps_parameters() -> None:
    tp = TextPreprocessor(stopwords="sastrawi", extra_stopwords=("polres",), n_jobs=2)
    assert clone(tp).get_params() == tp.get_params()


def test_surface_forms_learnt_in_fit() -> None:
    tp = TextPreprocessor().fit([*DOCS, "Pengamanan diperketat."])
    assert tp.surface_forms_["aman"] == "pengamanan"


def test_parallel_equals_serial() -> None:
    docs = DOCS * 40
    serial = TextPreprocessor(n_jobs=1).fit_transform(docs)
    parallel = TextPreprocessor(n_jobs=2).fit_transform(docs)
    np.testing.assert_array_equal(serial, parallel)
    a = preprocess_many(docs, n_jobs=1)
    b = preprocess_many(docs, n_jobs=2, chunk_size=7)
    assert a == b


def _boom(ctx: object, chunk: list[int]) -> list[int]:
    if 5 in chunk:
        raise ZeroDivisionError("boom")
    return chunk


def _pids(ctx: object, chunk: list[int]) -> list[int]:
    return [os.getpid()] * len(chunk)


def test_one_chunk_is_worked_here_and_more_by_the_workers() -> None:
    # starting workers costs more than one chunk's work (a daily run of a few articles)
    from media_analytics.preprocessing import parallel_map

    here = os.getpid()
    assert list(parallel_map(_pids, iter(range(8)), n_jobs=2, chunk_size=8)) == [here] * 8
    assert list(parallel_map(_pids, iter([]), n_jobs=2, chunk_size=8)) == []
    more = list(parallel_map(_pids, iter(range(9)), n_jobs=2, chunk_size=8))
    assert len(more) == 9 and here not in more


def test_worker_failure_is_reported() -> None:
    from media_analytics.preprocessing import parallel_map

    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        list(parallel_map(_boom, range(10), n_jobs=2, chunk_size=2))


def test_a_map_left_before_its_end_closes_the_pool() -> None:
    # results still on their way must not be read by a later map as its own
    from media_analytics.preprocessing import WorkerPool

    pool = WorkerPool(2)
    try:
        it = pool.map(_double, [["a"], ["b"], ["c"], ["d"], ["e"]])
        assert next(it) == ["aa"]
        it.close()
        with pytest.raises(RuntimeError, match="closed"):
            list(pool.map(_double, [["x"]]))
    finally:
        pool.close()


def test_a_pool_can_be_reused_after_a_finished_map() -> None:
    from media_analytics.preprocessing import WorkerPool

    with WorkerPool(2) as pool:
        assert list(pool.map(_double, [["a"], ["b"], ["c"]])) == [["aa"], ["bb"], ["cc"]]
        assert list(pool.map(_double, [["d"]])) == [["dd"]]


def test_a_map_keeps_older_objects_out_of_collections_only_while_it_runs() -> None:
    import gc

    from media_analytics.preprocessing import WorkerPool

    assert gc.get_freeze_count() == 0
    with WorkerPool(2) as pool:
        it = pool.map(_double, [["a"], ["b"]])
        assert next(it) == ["aa"]
        assert gc.get_freeze_count() > 0  # while it runs
        assert list(it) == [["bb"]]
        assert gc.get_freeze_count() == 0  # handed back at its end
        left = pool.map(_double, [["c"], ["d"]])
        assert next(left) == ["cc"]
        left.close()  # and when it is left early
        assert gc.get_freeze_count() == 0
    # a caller that froze objects itself keeps them frozen
    gc.freeze()
    try:
        with WorkerPool(2) as pool:
            assert list(pool.map(_double, [["e"]])) == [["ee"]]
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def _affinity(context: object, chunk: list[int]) -> list[tuple[int, ...]]:
    import os

    return [tuple(sorted(os.sched_getaffinity(0)))]


@pytest.mark.skipif(
    not hasattr(__import__("os"), "sched_getaffinity")
    or len(__import__("os").sched_getaffinity(0)) < 2,
    reason="needs Linux core affinity and at least two usable cores",
)
def test_workers_are_bound_to_cores_of_their_own_unless_asked_not_to() -> None:
    import os

    from media_analytics.preprocessing import WorkerPool

    allowed = sorted(os.sched_getaffinity(0))
    with WorkerPool(2) as pool:
        seen = {r for out in pool.map(_affinity, [[i] for i in range(8)]) for r in out}
    assert seen == {(allowed[0],), (allowed[1],)}
    with WorkerPool(2, pin=False) as pool:
        seen = {r for out in pool.map(_affinity, [[i] for i in range(4)]) for r in out}
    assert seen == {tuple(allowed)}
    assert sorted(os.sched_getaffinity(0)) == allowed  # the caller itself stays unbound


# parametrize_with_checks declines estimators whose input is text (it only generates numeric
# data), so the checks of the estimator contract that need no data are run by name. Skipped:
# every check that fits on numeric arrays, since a text transformer cannot take them.
API_CHECKS = [
    "check_no_attributes_set_in_init",
    "check_parameters_default_constructible",
    "check_get_params_invariance",
    "check_set_params",
    "check_estimator_cloneable",
    "check_estimator_repr",
    "check_do_not_raise_errors_in_init_or_set_params",
    "check_estimator_tags_renamed",
]


@pytest.mark.parametrize("name", API_CHECKS)
def test_sklearn_contract(name: str) -> None:
    getattr(checks, name)(TextPreprocessor.__name__, TextPreprocessor())


def test_sklearn_declines_text_input_explicitly() -> None:
    """If scikit-learn ever learns to generate text data, run its full suite here instead."""
    from sklearn.exceptions import SkipTestWarning

    with pytest.warns(SkipTestWarning, match="requires input"):
        list(checks._yield_all_checks(TextPreprocessor(), legacy=True))


def _double(context: object, chunk: list[str]) -> list[str]:
    return [text + text for text in chunk]


def test_large_chunks_and_results_do_not_deadlock_the_pool() -> None:
    """Chunks and results far larger than a pipe's buffer, as a cold fit on long articles sends."""
    import threading

    from media_analytics.preprocessing.parallel import parallel_map

    items = [f"{i:04d}" + "x" * 250_000 for i in range(24)]
    out: list[str] = []

    def run() -> None:
        out.extend(parallel_map(_double, items, n_jobs=2, chunk_size=4))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive(), "the pool deadlocked"
    assert out == [t + t for t in items]


_KILLED_MID_MESSAGE = """
import os, signal, struct, sys
from media_analytics.preprocessing import WorkerPool
pool = WorkerPool(2)
print(" ".join(str(p.pid) for p in pool._procs), flush=True)
# the start of a message whose rest never comes: the worker waits in recv
os.write(pool._conns[0].fileno(), struct.pack("!i", 4096) + b"x" * 10)
os.kill(os.getpid(), signal.SIGKILL)
"""


def _run_and_kill_parent(script: str, tmp_path: Path) -> str:
    """Run ``script`` (it starts a pool of two, prints the workers' pids and kills itself);
    assert both workers end within 30 s, and return what the processes wrote to stderr."""
    import os
    import subprocess
    import sys
    import time

    # files, not pipes: the workers inherit them, and a pipe would stay open while they live
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with out.open("w") as stdout, err.open("w") as stderr:
        subprocess.run([sys.executable, "-c", script], stdout=stdout, stderr=stderr, timeout=120)
    pids = [int(p) for p in out.read_text().split()]
    assert len(pids) == 2, err.read_text()[-2000:]

    def alive(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True

    deadline = time.monotonic() + 30
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [p for p in pids if alive(p)]
    for pid in left:  # never leave a stray worker behind, even when the test fails
        os.kill(pid, 9)
    assert not left, "a worker outlived its killed parent"
    return err.read_text()


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs the fork start method")
def test_workers_exit_when_the_parent_is_killed_in_the_middle_of_a_message(
    tmp_path: Path,
) -> None:
    _run_and_kill_parent(_KILLED_MID_MESSAGE, tmp_path)


def _unpicklable(context: object, chunk: list[int]) -> list[object]:
    return [lambda n=n: n for n in chunk]


def test_a_result_that_cannot_be_sent_back_is_reported() -> None:
    from media_analytics.preprocessing import parallel_map

    with pytest.raises(RuntimeError, match=r"a worker failed on chunk .*pickle"):
        list(parallel_map(_unpicklable, range(4), n_jobs=2, chunk_size=2))


_KILLED_MID_TASK = """
import os, signal, threading, time
from media_analytics.preprocessing import WorkerPool

def slow(context, chunk):
    time.sleep(1.5)
    return chunk

pool = WorkerPool(2)
print(" ".join(str(p.pid) for p in pool._procs), flush=True)
results = pool.map(slow, [[1], [2], [3], [4]])
threading.Thread(target=next, args=(results,), daemon=True).start()  # sends the chunks
time.sleep(0.5)  # both workers are inside a task, their result not yet sent
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs the fork start method")
def test_workers_whose_parent_was_killed_mid_task_exit_without_a_traceback(
    tmp_path: Path,
) -> None:
    # seen on a daily job: after kill -9 of `score --jobs 2`, each orphaned worker wrote a
    # BrokenPipeError traceback into the job's stderr log when it sent its result back
    err = _run_and_kill_parent(_KILLED_MID_TASK, tmp_path)
    assert "Traceback" not in err, err[-2000:]


def test_pandas_output_configured_leaves_the_token_strings_as_they_are() -> None:
    import sklearn

    docs = ["Polisi menjaga TPS saat pilkada.", "Warga berdialog dengan bupati di balai."]
    with sklearn.config_context(transform_output="pandas"):
        out = TextPreprocessor().fit_transform(docs)
        X = make_pipeline(
            TextPreprocessor(), TfidfVectorizer(token_pattern=r"\S+", lowercase=False)
        ).fit_transform(docs)
    # a one-column DataFrame would give the vectoriser its column name, not the documents
    assert isinstance(out, np.ndarray) and out.tolist()[0].startswith("polisi jaga")
    assert X.shape[0] == 2 and X.shape[1] >= 6


def test_relax_gc_only_raises_the_young_threshold() -> None:
    import gc

    from media_analytics.preprocessing.parallel import GC_THRESHOLD, relax_gc

    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 11, 12)
        relax_gc()
        assert gc.get_threshold() == (GC_THRESHOLD, 11, 12)
        for kept in ((0, 10, 10), (GC_THRESHOLD * 2, 10, 10)):  # switched off, or higher
            gc.set_threshold(*kept)
            relax_gc()
            assert gc.get_threshold() == kept
    finally:
        gc.set_threshold(*before)
