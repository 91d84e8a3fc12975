"""Scoring on a Dask cluster: the same bytes as the command, idempotent re-runs, killed workers.

The cluster tests start a real ``distributed.LocalCluster`` with two worker processes; the
default model comes from ``MEDIA_ANALYTICS_HOME`` (set in conftest.py), which the worker
processes inherit.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from media_analytics import scale
from media_analytics.cli import main
from media_analytics.corpus.readers import expand_paths
from media_analytics.pipeline import is_model_dir
from media_analytics.scale import ScaleError, merge_outputs, partition_files, score_partitions
from media_analytics.themes.training import read_sample_records

distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")


def _write_partitions(records: list[dict], folder: Path, n: int) -> Path:
    """The records split in order into ``n`` files, alternating JSONL and Parquet."""
    folder.mkdir(parents=True)
    size = -(-len(records) // n)
    for k in range(n):
        chunk = records[k * size : (k + 1) * size]
        if k % 2:
            pd.DataFrame(chunk).to_parquet(folder / f"part-{k:02d}.parquet")
        else:
            lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chunk)
            (folder / f"part-{k:02d}.jsonl").write_text(lines, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def records() -> list[dict]:
    """The bundled sample, plus syndicated copies of its first articles at the very end.

    The sample's own copies sit next to their originals; these land in the last partition
    while their originals are in the first, so duplicate detection has to see across files.
    """
    sample = read_sample_records()
    copies = [
        {
            **r,
            "id": f"{r['id']}-syndicated",
            "url": f"https://kabar.example/{r['id']}",
            "source": "Kabar Contoh",
            "text": f"JAKARTA - {r['text']}\nBaca juga: Berita lain hari ini",
        }
        for r in sample[:3]
    ]
    return sample + copies


@pytest.fixture(scope="module")
def five_parts(records, tmp_path_factory) -> Path:
    return _write_partitions(records, tmp_path_factory.mktemp("in") / "five", 5)


@pytest.fixture(scope="module")
def expected(five_parts, default_pipeline, tmp_path_factory) -> bytes:
    """What ``media-analytics score INPUT --out FILE`` writes for the partitioned sample."""
    out = tmp_path_factory.mktemp("cli") / "scored.jsonl"
    assert main(["score", str(five_parts), "--out", str(out), "--jobs", "1", "-q"]) == 0
    return out.read_bytes()


def _local_cluster():
    return distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )


@pytest.fixture(scope="module")
def client(default_pipeline):
    with _local_cluster() as cluster, distributed.Client(cluster) as c:
        yield c


# -- without a cluster ---------------------------------------------------------------------------


def test_partitions_are_the_files_in_reading_order(five_parts: Path) -> None:
    files = partition_files(str(five_parts))
    assert [str(f) for f in files] == [str(Path(p).resolve()) for p in expand_paths(five_parts)]
    assert [f.suffix for f in files] == [".jsonl", ".parquet"] * 2 + [".jsonl"]


def test_standard_input_and_empty_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ScaleError, match="standard input"):
        partition_files("-")
    with pytest.raises(ScaleError, match="no article files"):
        partition_files(tmp_path)


def test_a_changed_file_changes_its_key_and_every_later_one() -> None:
    options = scale._ReadOptions(column_map=None, dayfirst=True, max_text_chars=1000)
    before = scale._partition_keys(["a", "b", "c"], "v1", options)
    after = scale._partition_keys(["a", "B", "c"], "v1", options)
    assert before[0] == after[0] and before[1:] != after[1:] and before[2] != after[2]
    assert scale._partition_keys(["a", "b", "c"], "v2", options)[0] != before[0]


def test_another_dedup_lookahead_changes_every_key() -> None:
    # duplicate_of depends on it: a partition scored with another look-ahead is scored again
    options = scale._ReadOptions(column_map=None, dayfirst=True, max_text_chars=1000)
    default = scale._partition_keys(["a", "b"], "v1", options)
    assert scale._partition_keys(["a", "b"], "v1", options, dedup_lookahead=10_000) == default
    other = scale._partition_keys(["a", "b"], "v1", options, dedup_lookahead=1)
    assert not set(other) & set(default)


def test_a_partition_s_key_covers_the_files_of_its_look_ahead() -> None:
    """Its duplicate_of values depend on the next look-ahead articles, in the files after it."""
    options = scale._ReadOptions(None, "auto", 1000)
    shas = ["a", "b", "c", "d"]
    chains = scale._partition_keys(shas, "v1", options)
    # 2, 3, 1 and 4 articles: partition 0's next 4 are in files 1 and 2
    counts = [2, 3, 1, 4]
    assert scale._look_ahead(counts, 0, 4) == 2
    assert scale._look_ahead(counts, 2, 4) == 1
    assert scale._look_ahead(counts, 3, 4) is None  # (the input ends first)
    assert scale._look_ahead(counts, 1, 0) == 0
    key = scale._window_key(chains, shas, 0, 2, False, 4)
    assert key not in (None, chains[0])
    changed = scale._partition_keys(["a", "b", "C", "d"], "v1", options)
    assert scale._window_key(changed, ["a", "b", "C", "d"], 0, 2, False, 4) != key
    assert scale._window_key(chains, [*shas[:3], "D"], 0, 2, False, 4) == key
    assert scale._window_key(chains, [*shas, "e"], 0, 2, False, 4) == key
    # a window that reached the end of the input is another one once a file is added
    end = scale._window_key(chains, shas, 2, 1, True, 4)
    assert end is not None and scale._window_key(chains, [*shas, "e"], 2, 1, True, 4) is None
    assert scale._window_key(chains, shas[:3], 2, 1, False, 4) is None  # (a file gone)
    # without a look-ahead the key is the chain, as before
    assert scale._window_key(chains, shas, 1, 0, False, 0) == chains[1]


def test_merge_needs_a_finished_run(tmp_path: Path) -> None:
    with pytest.raises(ScaleError, match="no finished run"):
        merge_outputs(tmp_path, tmp_path / "all.jsonl")


def _finished_run(folder: Path, outputs: list[bytes]) -> Path:
    """A parts folder as a finished run leaves it: outputs and the run manifest."""
    import hashlib

    folder.mkdir()
    parts = []
    for i, data in enumerate(outputs):
        name = f"part-{i:05d}.jsonl"
        (folder / name).write_bytes(data)
        sha = hashlib.sha256(data).hexdigest()
        parts.append({"output": name, "source": name, "rows": 1, "bytes": len(data), "sha256": sha})
    manifest = {"format": scale._RUN_FORMAT, "format_version": scale.FORMAT_VERSION}
    (folder / scale.RUN_MANIFEST).write_text(json.dumps({**manifest, "partitions": parts}))
    return folder


def test_merge_follows_a_link_and_writes_a_pipe_as_it_is(tmp_path: Path) -> None:
    """The merged ``--out`` was written beside a link and renamed over it (the link became a
    file, the file it pointed at kept the old records); a pipe or a device became a file."""
    import stat

    run = _finished_run(tmp_path / "parts", [b'{"id": "a"}\n', b'{"id": "b"}\n'])
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "merged.jsonl").write_bytes(b"old\n")
    link = tmp_path / "merged.jsonl"
    link.symlink_to(Path("archive") / "merged.jsonl")
    assert merge_outputs(run, link) == 24
    assert link.is_symlink()
    assert (tmp_path / "archive" / "merged.jsonl").read_bytes() == b'{"id": "a"}\n{"id": "b"}\n'

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        merge_outputs(run, pipe)
        assert os.read(reader, 1 << 16) == b'{"id": "a"}\n{"id": "b"}\n'
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert not list(tmp_path.rglob("*.partial"))


# -- on a LocalCluster with two worker processes -------------------------------------------------


@pytest.mark.slow
def test_same_bytes_as_the_command(five_parts, expected, client, records, tmp_path) -> None:
    loads_before = client.run(lambda: scale._MODEL_LOADS)
    merged = tmp_path / "merged.jsonl"
    summary = score_partitions(five_parts, tmp_path / "out", scheduler=client, merge_to=merged)
    assert merged.read_bytes() == expected
    assert summary["partitions"] == summary["scored"] == 5 and summary["skipped"] == 0
    assert summary["articles"] == summary["articles_scored"] == len(records)
    assert summary["workers"] == 2
    rows = [json.loads(line) for line in expected.decode("utf-8").splitlines()]
    assert summary["duplicates"] == sum(1 for r in rows if r["duplicate_of"]) >= 10
    # some copies point at an original in an earlier partition: the pre-pass sees across files
    size = -(-len(records) // 5)
    part_of = {r["id"]: i // size for i, r in enumerate(rows)}
    copies = [r for r in rows if r["duplicate_of"]]
    across = {r["id"] for r in copies if part_of[r["duplicate_of"]] < part_of[r["id"]]}
    assert {f"{r['id']}-syndicated" for r in records[:3]} <= across
    # the model is loaded at most once per worker process, not once per partition
    loads = {w: n - loads_before[w] for w, n in client.run(lambda: scale._MODEL_LOADS).items()}
    assert set(loads.values()) <= {0, 1}
    assert list(tmp_path.glob("out/_model-*/manifest.json"))  # the copy the workers load


@pytest.mark.slow
def test_rerun_redoes_only_the_missing_partition(five_parts, expected, client, tmp_path) -> None:
    out = tmp_path / "out"
    score_partitions(five_parts, out, scheduler=client)
    outputs = sorted(out.glob("part-*.jsonl"))
    stamps = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in outputs}

    (out / "part-00002.jsonl").unlink()
    summary = score_partitions(five_parts, out, scheduler=client, merge_to=tmp_path / "a.jsonl")
    assert (summary["scored"], summary["skipped"]) == (1, 4)
    marker = json.loads((out / "_part-00002.done.json").read_text(encoding="utf-8"))
    assert summary["articles_scored"] == marker["rows"]
    for p in outputs:
        if p.name != "part-00002.jsonl":
            assert (p.stat().st_ino, p.stat().st_mtime_ns) == stamps[p.name], p.name
    assert (tmp_path / "a.jsonl").read_bytes() == expected

    # an output cut short is redone too; a complete run does not even start a cluster
    with (out / "part-00004.jsonl").open("r+b") as f:
        f.truncate(100)
    assert score_partitions(five_parts, out, scheduler=client)["scored"] == 1
    summary = score_partitions(five_parts, out)  # (no LocalCluster started)
    assert (summary["scored"], summary["workers"]) == (0, 0)
    merge_outputs(out, tmp_path / "b.jsonl")
    assert (tmp_path / "b.jsonl").read_bytes() == expected
    assert not list(out.glob(".*.tmp"))

    # an output edited in place, its size unchanged: the merge refuses it and leaves an
    # earlier merged file whole
    good = (out / "part-00001.jsonl").read_bytes()
    (out / "part-00001.jsonl").write_bytes(good.replace(b'"id"', b'"ID"', 1))
    with pytest.raises(ScaleError, match=r"part-00001\.jsonl: changed since the run finished"):
        merge_outputs(out, tmp_path / "b.jsonl")
    assert (tmp_path / "b.jsonl").read_bytes() == expected
    assert not list(tmp_path.glob("*.partial"))
    (out / "part-00001.jsonl").write_bytes(good)
    # a run that is stopped before it finishes leaves no manifest of the run before it, so
    # its outputs are never merged with the older ones
    (out / "part-00003.jsonl").unlink()
    (out / "_part-00003.done.json").write_text("{}")  # as a run cut short would leave it

    def lost(*args, **kwargs):
        raise RuntimeError("the cluster went away")

    with pytest.MonkeyPatch.context() as patch, pytest.raises(RuntimeError):
        patch.setattr(scale, "_connect", lost)  # a run that stops before it scores anything
        score_partitions(five_parts, out, scheduler=client)
    with pytest.raises(ScaleError, match="no finished run here"):
        merge_outputs(out, tmp_path / "b.jsonl")
    # the input shrinks to four files: the fifth partition's output goes
    four = tmp_path / "four"
    four.mkdir()
    for f in sorted(five_parts.iterdir())[:4]:
        (four / f.name).write_bytes(f.read_bytes())
    summary = score_partitions(four, out, scheduler=client)
    assert summary["partitions"] == 4
    assert sorted(p.name for p in out.glob("part-*.jsonl")) == [
        f"part-{i:05d}.jsonl" for i in range(4)
    ]
    assert not (out / "_part-00004.done.json").exists()
    score_partitions(five_parts, out, scheduler=client)

    # overwrite scores everything again, even on workers that find a complete output
    before = (out / "part-00000.jsonl").stat().st_ino
    assert score_partitions(five_parts, out, scheduler=client, overwrite=True)["scored"] == 5
    assert (out / "part-00000.jsonl").stat().st_ino != before
    merge_outputs(out, tmp_path / "c.jsonl")
    assert (tmp_path / "c.jsonl").read_bytes() == expected


@pytest.mark.slow
def test_a_killed_worker_loses_and_duplicates_nothing(
    records, expected, default_pipeline, tmp_path
) -> None:
    # More, smaller partitions than above: the same articles in the same order, so the same bytes.
    folder = _write_partitions(records, tmp_path / "in", 11)
    out = tmp_path / "out"
    result: dict = {}

    with _local_cluster() as cluster, distributed.Client(cluster) as c:
        pids = c.run(os.getpid)

        def job() -> None:
            try:
                result["summary"] = score_partitions(folder, out, scheduler=c)
            except BaseException as exc:  # handed to the test thread
                result["error"] = exc

        worker = threading.Thread(target=job)
        worker.start()
        killed = None
        deadline = time.monotonic() + 300
        while killed is None and worker.is_alive() and time.monotonic() < deadline:
            busy = [w for w, keys in c.processing().items() if keys and w in pids]
            if busy and list(out.glob("_part-*.done.json")):
                killed = busy[0]
                os.kill(pids[killed], signal.SIGKILL)
            time.sleep(0.02)
        worker.join(timeout=600)
        assert killed is not None, "the job finished before a worker could be killed"
        assert not worker.is_alive()
        c.wait_for_workers(2, timeout=120)
        assert pids[killed] not in c.run(os.getpid).values()  # it really died (and was replaced)

    assert "error" not in result, result.get("error")
    assert result["summary"]["scored"] == 11
    merged = tmp_path / "merged.jsonl"
    merge_outputs(out, merged)
    ids = [json.loads(line)["id"] for line in merged.read_text(encoding="utf-8").splitlines()]
    assert Counter(ids) == Counter(r["id"] for r in records)  # each record exactly once
    assert merged.read_bytes() == expected
    assert not list(out.glob(".*.tmp"))


# -- the command line ----------------------------------------------------------------------------


@pytest.mark.slow
def test_a_renamed_txt_article_is_scored_again_with_its_new_day(client, tmp_path, capsys) -> None:
    # a .txt article is dated by its file's name: its content alone did not key the partition,
    # and a renamed file kept the old output and its old date
    folder, parts = tmp_path / "crawl", tmp_path / "parts"
    folder.mkdir()
    body = "Banjir di Bekasi\n\nAir naik semalam, ratusan warga mengungsi ke posko.\n"
    (folder / "2025-10-31-banjir.txt").write_text(body, encoding="utf-8")
    argv = ["score", str(folder), "--engine", "dask", "--scheduler", client.scheduler.address]
    argv += ["--parts-dir", str(parts), "--out", str(tmp_path / "dask.jsonl")]

    def day() -> str:
        (record,) = [json.loads(x) for x in (tmp_path / "dask.jsonl").read_text().splitlines()]
        return str(record["published_at"])[:10]

    assert main(argv) == 0 and day() == "2025-10-31"
    (folder / "2025-10-31-banjir.txt").rename(folder / "2025-11-01-banjir.txt")
    assert main(argv) == 0 and day() == "2025-11-01"
    assert "(0 already complete)" in capsys.readouterr().err


@pytest.mark.slow
def test_a_reused_partition_is_reported_under_the_path_read_now(
    five_parts, client, tmp_path, capsys, caplog
) -> None:
    parts = tmp_path / "parts"
    moved = tmp_path / "moved"
    shutil.copytree(five_parts, moved)
    common = ["--engine", "dask", "--scheduler", client.scheduler.address]
    common += ["--parts-dir", str(parts), "--out", str(tmp_path / "out.jsonl")]
    assert main(["score", str(five_parts), *common]) == 0
    assert f"{five_parts.resolve()}/part-02.jsonl:58" in caplog.text
    # the same bytes in another folder: nothing scored again, so nothing said again (the first
    # run said it); with -v every line kept is listed, under the new folder's name
    caplog.clear()
    assert main(["score", str(moved), *common]) == 0
    assert "(5 already complete)" in capsys.readouterr().err
    assert "part-02.jsonl:58" not in caplog.text
    caplog.clear()
    caplog.set_level(logging.DEBUG, logger="media_analytics")
    assert main(["score", str(moved), *common, "-v"]) == 0
    assert f"{moved.resolve()}/part-02.jsonl:58" in caplog.text
    assert str(five_parts.resolve()) not in caplog.text


@pytest.mark.slow
def test_the_command_on_a_scheduler_address(five_parts, expected, client, tmp_path, capsys) -> None:
    merged, parts = tmp_path / "dask.jsonl", tmp_path / "parts"
    argv = ["score", str(five_parts), "--engine", "dask", "--out", str(merged)]
    argv += ["--scheduler", client.scheduler.address, "--parts-dir", str(parts)]
    assert main(argv) == 0
    assert merged.read_bytes() == expected
    assert "in 5 partitions (0 already complete) on 2 Dask workers" in capsys.readouterr().err
    # again: nothing to score, the same merged bytes
    merged.unlink()
    assert main(argv) == 0
    assert merged.read_bytes() == expected
    assert (
        "scored 0 articles in 0 partitions (5 already complete) (nothing to score: no cluster "
        "used)" in capsys.readouterr().err
    )
    # -q, as under cron: no summary of a run without rejects (warnings still said), as the
    # local command
    assert main([*argv, "-q"]) == 0
    assert "scored " not in capsys.readouterr().err


@pytest.mark.slow
def test_the_dedup_lookahead_reaches_the_pre_pass(client, tmp_path, capsys) -> None:
    """--dedup-lookahead of the local command, on the Dask engine's duplicate pre-pass: a feed
    read newest first, its story's 13:00 original in the second file, three articles after
    the 16:00 copy that opens the first."""
    body, other = (r["text"] for r in read_sample_records()[:2])

    def article(aid: str, hour: int, text: str = body) -> dict[str, str]:
        return {"id": aid, "title": f"Judul {aid}", "text": text, "source": aid,
                "published_at": f"2024-11-01T{hour:02d}:00:00+07:00"}  # fmt: skip

    feed = [article("c", 16), article("x", 15, other), article("b", 14), article("a", 13)]
    folder = _write_partitions(feed, tmp_path / "feed", 2)
    merged, parts = tmp_path / "dask.jsonl", tmp_path / "parts"
    argv = ["score", str(folder), "--engine", "dask", "--out", str(merged)]
    argv += ["--scheduler", client.scheduler.address, "--parts-dir", str(parts)]

    def marks() -> dict[str, str | None]:
        rows = [json.loads(line) for line in merged.read_text("utf-8").splitlines()]
        return {r["id"]: r["duplicate_of"] for r in rows}

    assert main([*argv, "--dedup-lookahead", "1", "-q"]) == 0
    assert marks() == {"c": None, "x": None, "b": "c", "a": "c"}
    local = tmp_path / "local.jsonl"
    assert main(["score", str(folder), "--out", str(local), "--dedup-lookahead", "1", "-q"]) == 0
    assert merged.read_bytes() == local.read_bytes()
    # the default look-ahead: both partitions scored again, the original found
    capsys.readouterr()
    assert main(argv) == 0
    assert "in 2 partitions (0 already complete)" in capsys.readouterr().err
    assert marks() == {"c": "a", "x": None, "b": "a", "a": None}


def _story(aid: str, hour: int, text: str) -> dict[str, str]:
    return {"id": aid, "title": f"Judul {aid}", "text": text, "source": aid,
            "published_at": f"2024-11-01T{hour:02d}:00:00+07:00"}  # fmt: skip


def _write_files(folder: Path, files: list[list[dict]]) -> Path:
    """One JSONL file per list of records, named in reading order."""
    folder.mkdir(parents=True, exist_ok=True)
    for k, chunk in enumerate(files):
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chunk)
        (folder / f"f-{k:02d}.jsonl").write_text(lines, encoding="utf-8")
    return folder


def _single_machine(folder: Path, out: Path, lookahead: int) -> bytes:
    argv = ["score", str(folder), "--out", str(out), "--dedup-lookahead", str(lookahead)]
    assert main([*argv, "--jobs", "1", "-q"]) == 0
    return out.read_bytes()


def _duplicate_of(data: bytes) -> dict[str, str | None]:
    return {r["id"]: r["duplicate_of"] for r in map(json.loads, data.decode("utf-8").splitlines())}


def test_a_redone_partition_reads_its_look_ahead_past_the_last_one_to_score(
    client, tmp_path
) -> None:
    """Partition 0 holds a 16:00 copy whose 13:00 original is in partition 1, within the
    look-ahead (3 articles): a rerun that redoes partition 0 alone must read partition 1 too."""
    texts = [r["text"] for r in read_sample_records()[:6]]
    files = [
        [_story("x0", 9, texts[1]), _story("copy", 16, texts[0])],
        [_story("x1", 10, texts[2]), _story("original", 13, texts[0])],
        [_story("x2", 11, texts[3]), _story("x3", 12, texts[4])],
    ]
    folder = _write_files(tmp_path / "in", files)
    expected = _single_machine(folder, tmp_path / "local.jsonl", 3)
    assert _duplicate_of(expected)["copy"] == "original"
    out, merged = tmp_path / "parts", tmp_path / "dask.jsonl"
    score_partitions(folder, out, scheduler=client, dedup_lookahead=3, merge_to=merged)
    assert merged.read_bytes() == expected
    (out / "part-00000.jsonl").unlink()
    summary = score_partitions(folder, out, scheduler=client, dedup_lookahead=3, merge_to=merged)
    assert (summary["scored"], summary["skipped"]) == (1, 2)
    assert merged.read_bytes() == expected


def test_a_file_added_or_changed_within_the_look_ahead_redoes_the_partitions_before_it(
    client, tmp_path
) -> None:
    """The last partition ends with a 16:00 copy; a file added after it opens with the 13:00
    original: the copy's partition is scored again (as is every partition whose look-ahead
    reached the end of the input), those before are kept."""
    texts = [r["text"] for r in read_sample_records()[:8]]
    first = [[_story(f"a{k}", 8, texts[k + 1])] for k in range(2)]
    files = [
        *first,
        [_story("x0", 9, texts[3]), _story("x1", 10, texts[4])],
        [_story("x2", 11, texts[5]), _story("copy", 16, texts[0])],
    ]
    folder = _write_files(tmp_path / "in", files)
    out, merged = tmp_path / "parts", tmp_path / "dask.jsonl"
    score_partitions(folder, out, scheduler=client, dedup_lookahead=3, merge_to=merged)
    assert merged.read_bytes() == _single_machine(folder, tmp_path / "four.jsonl", 3)
    assert _duplicate_of(merged.read_bytes())["copy"] is None

    _write_files(folder, [*files, [_story("original", 13, texts[0]), _story("x3", 12, texts[6])]])
    summary = score_partitions(folder, out, scheduler=client, dedup_lookahead=3, merge_to=merged)
    expected = _single_machine(folder, tmp_path / "five.jsonl", 3)
    assert _duplicate_of(expected)["copy"] == "original"
    assert merged.read_bytes() == expected
    # partitions 0 and 1 hold their next 3 articles in the files before the new one
    assert (summary["scored"], summary["skipped"]) == (3, 2)

    # the added file changed: the copy has no earlier original any more
    _write_files(folder, [*files, [_story("x4", 17, texts[0]), _story("x3", 12, texts[6])]])
    summary = score_partitions(folder, out, scheduler=client, dedup_lookahead=3, merge_to=merged)
    expected = _single_machine(folder, tmp_path / "changed.jsonl", 3)
    assert _duplicate_of(expected)["copy"] is None
    assert merged.read_bytes() == expected
    assert (summary["scored"], summary["skipped"]) == (3, 2)


def test_the_command_refuses_what_the_dask_engine_cannot_do(tmp_path, capsys) -> None:
    cases = [
        (["score", "x.jsonl", "--engine", "dask", "--db", "m.db"], "not a database"),
        (["score", "-", "--engine", "dask", "--out", "o.jsonl"], "standard input"),
        (["score", "x.jsonl", "--engine", "dask"], "--parts-dir"),
        (["score", "x.jsonl", "--scheduler", "tcp://h:1"], "need --engine dask"),
        (["score", "x", "--engine", "dask", "--out", "o", "--dedup-state", "s"], "local engine"),
        (["score", "x", "--engine", "dask", "--out", "o.parquet"], "as JSON lines"),
    ]
    for argv, message in cases:
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1


def test_repeats_across_partitions_warnings_and_a_parts_dir_inside_the_input(
    records, client, tmp_path, caplog
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    first = records[:12]
    # the second file repeats an id of the first, and has a date nobody can read
    # (records[3] sent again unchanged is read once; under its id with another title, reported)
    second = [
        *records[12:20],
        dict(records[3], title="Judul lain"),
        dict(records[20], published_at="kemarin sore"),
        records[5],
    ]
    for name, chunk in (("a.jsonl", first), ("b.jsonl", second)):
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chunk)
        (folder / name).write_text(lines, encoding="utf-8")
    local = tmp_path / "local.jsonl"
    assert main(["score", str(folder), "--out", str(local), "--jobs", "1", "-q"]) == 1
    assert "was already read at" in caplog.text  # both engines log them alike
    assert "kept with a warning, bad_date" in caplog.text
    assert "b.jsonl:11:" not in caplog.text  # the unchanged re-send: read once, no reject
    # the parts folder and the merged output inside the input folder are not read as input
    argv = ["score", str(folder), "--engine", "dask", "--scheduler", client.scheduler.address]
    argv += ["--parts-dir", str(folder / "_parts"), "--out", str(folder / "all.jsonl"), "-q"]
    for run in range(2):  # a second run finds its own files in the folder and leaves them alone
        caplog.clear()
        # the second has nothing to score: the first run's rejects were said, and exited 1, then
        # (seen in a trial: every rerun of a finished archive exited 1, failed to an orchestrator)
        assert main(argv) == (1 if run == 0 else 0)
        assert (folder / "all.jsonl").read_bytes() == local.read_bytes()
        said = f"rejected {folder.resolve()}/b.jsonl:9: id {records[3]['id']!r} was already"
        assert (said in caplog.text) == (run == 0)
        assert ("kept with a warning, bad_date" in caplog.text) == (run == 0)
        assert "b.jsonl:11:" not in caplog.text
    ids = [json.loads(line)["id"] for line in local.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == 21


def test_only_model_copies_are_cleared_from_the_parts_dir(tmp_path) -> None:
    mine = tmp_path / "parts" / "_model-my-candidate"
    mine.mkdir(parents=True)
    (mine / "manifest.json").write_text('{"keep": true}')
    assert not is_model_dir(mine)
    (mine / "manifest.json").write_text('{"format": "media_analytics.model"}')
    assert is_model_dir(mine)


def test_a_failed_partition_is_said_in_one_line_without_its_path_twice() -> None:
    path = "/data/part05.jsonl"
    said = scale._said(ScaleError(f"{path} changed while the job ran: run it again"), path)
    assert said == "changed while the job ran: run it again"
    assert scale._said(FileNotFoundError(2, "No such file or directory"), path) == (
        "no such file or directory"
    )
    assert scale._said(ValueError("bad value"), path) == "ValueError: bad value"


def test_the_command_s_own_cluster_keeps_dask_s_chatter_to_warnings(records, tmp_path) -> None:
    """A run of ``--engine dask`` without ``-q`` printed two dozen lines of the scheduler's
    and nannies' start-up and shutdown around its summary; they show with ``-v`` only."""
    import subprocess
    import sys

    folder = _write_partitions(records[:6], tmp_path / "in", 1)
    cmd = [sys.executable, "-m", "media_analytics.cli", "score", str(folder), "--engine", "dask"]
    done = subprocess.run(
        [*cmd, "--out", str(tmp_path / "out.jsonl"), "--jobs", "1"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "scored 6 articles in 1 partition" in done.stderr
    # (a worker's own warning or error, such as a heartbeat lost while the cluster shuts down,
    # may still show: only the INFO chatter goes)
    assert "INFO distributed." not in done.stderr and "State start" not in done.stderr


# -- addresses where no scheduler, or no worker, answers -----------------------------------------


@pytest.fixture
def short_connect_timeout():
    """Dask's connect timeout (30 s by default) at 2 s, as a user sets it in Dask's config."""
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        yield


def _serve(handler) -> tuple[str, threading.Thread, socket.socket]:
    """A real TCP server on a free port; ``handler(conn)`` answers each connection."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)

    def accept() -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = server.accept()
                threading.Thread(target=handler, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    return f"tcp://127.0.0.1:{server.getsockname()[1]}", thread, server


def _http_400(conn: socket.socket) -> None:
    with conn:
        conn.recv(4096)
        conn.sendall(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n")


def _silent(conn: socket.socket) -> None:
    time.sleep(30)  # accepts, never answers (the dashboard's HTTP port waits for a request)
    conn.close()


def _http_first(conn: socket.socket) -> None:
    with conn:
        conn.sendall(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n")


@pytest.mark.parametrize(
    ("handler", "said"),
    [
        (_http_400, "no Dask handshake within 2 s (is this the dashboard port?"),
        (_silent, "no Dask handshake within 2 s (is this the dashboard port?"),
        (_http_first, "it answered like an HTTP server (is this the dashboard port?"),
    ],
)
def test_an_address_where_no_dask_scheduler_answers_fails_in_one_line(
    handler, said, five_parts, default_pipeline, short_connect_timeout, tmp_path, capsys
) -> None:
    """``--scheduler`` at the dashboard's port (or any listener that is not Dask) hung for
    ever, or ended in "MemoryError: Unable to allocate 3.07 EiB"; a refused port took 30 s;
    each failed run left a 1.7 MB model copy in a new parts folder."""
    address, _, server = _serve(handler)
    with server:
        started = time.perf_counter()
        argv = ["score", str(five_parts), "--engine", "dask", "--scheduler", address]
        assert main([*argv, "--out", str(tmp_path / "x.jsonl")]) == 2
        assert time.perf_counter() - started < 15
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith(f"media-analytics: error: {address} is not a Dask scheduler")
    assert said in err and "the scheduler's default is 8786)" in err
    assert not (tmp_path / "x.jsonl.parts").exists()  # no model copy, no parts folder


def test_a_refused_port_fails_at_once_and_leaves_no_model_copy(
    five_parts, default_pipeline, tmp_path
) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{s.getsockname()[1]}"
    out = tmp_path / "parts"
    out.mkdir()
    started = time.perf_counter()
    with pytest.raises(ScaleError, match=r"nothing listens at .* \(connection refused\)"):
        score_partitions(five_parts, out, scheduler=address)
    assert time.perf_counter() - started < 10  # not Dask's 30 s of retries
    assert list(out.iterdir()) == []  # the folder was there: kept, but no model copy in it


def test_a_wrong_address_is_said_before_the_model_is_loaded(
    five_parts, tmp_path, monkeypatch
) -> None:
    """``score --engine dask --scheduler ADDRESS`` with nothing listening took 12 s to say so:
    the pipeline was imported and the model loaded before the address was checked."""
    import subprocess
    import sys

    from media_analytics import models
    from media_analytics.pipeline import MediaPipeline

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{s.getsockname()[1]}"

    def no_model(*args, **kwargs):
        raise AssertionError("the model was loaded before the address was checked")

    monkeypatch.setattr(models, "default_model", no_model)
    monkeypatch.setattr(MediaPipeline, "load", no_model)
    for model_dir in (None, tmp_path):
        with pytest.raises(ScaleError, match=r"nothing listens at .* \(connection refused\)"):
            score_partitions(five_parts, tmp_path / "p", model_dir=model_dir, scheduler=address)
    assert not (tmp_path / "p").exists()
    # the command says it before it even imports the pipeline
    argv = ["score", str(five_parts), "--engine", "dask", "--scheduler", address]
    argv += ["--out", str(tmp_path / "x.jsonl")]
    code = (
        "import sys\nfrom media_analytics.cli import main\n"
        f"rc = main({argv!r})\nprint(rc, 'media_analytics.pipeline' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.split() == ["2", "False"], done.stderr
    assert (
        done.stderr.strip()
        .splitlines()[-1]
        .startswith(f"media-analytics: error: nothing listens at {address} (connection refused)")
    )
    assert not (tmp_path / "x.jsonl.parts").exists()


def test_a_scheduler_without_workers_says_so_and_gives_up(
    five_parts, default_pipeline, tmp_path, caplog
) -> None:
    """A scheduler whose workers never came waited silently for ever."""
    with distributed.LocalCluster(n_workers=0, dashboard_address=":0") as cluster:
        started = time.perf_counter()
        with pytest.raises(ScaleError, match=r"no worker joined the scheduler at .* within 2 s"):
            score_partitions(
                five_parts, tmp_path / "p", scheduler=cluster.scheduler_address, wait_workers=2
            )
        assert time.perf_counter() - started < 30
    assert "has no workers yet: waiting up to 2 s for one" in caplog.text
    assert not (tmp_path / "p").exists()


def test_stale_model_copies_go_and_other_folders_stay(default_pipeline, tmp_path) -> None:
    """A parts folder scored with another model kept the default model's old copy (1.7 MB)."""
    out = tmp_path / "parts"
    stale = out / "_model-0123456789ab"  # as an earlier run (older code) wrote it
    default_pipeline.save(stale)
    users = out / "_model-my-candidate"  # a user's own model: not this tool's copy
    shutil.copytree(stale, users)
    notes = out / "_model-fedcba987654"  # this tool's name, but not a model
    notes.mkdir()
    mine = tmp_path / "m"
    default_pipeline.save(mine)
    job = scale._job_model(mine, out)
    assert job.path == mine and not stale.exists() and users.exists() and notes.exists()
    # the default model's copy is written only when asked (once a cluster is there)
    job = scale._job_model(None, out)
    assert not job.path.exists() and job.path.name.startswith("_model-")
    job.save()
    assert is_model_dir(job.path)
    # a model given inside the parts folder under a copy's name is the job's: kept
    users_copy = out / "_model-aaaaaaaaaaaa"
    shutil.copytree(job.path, users_copy)
    assert scale._job_model(users_copy, out).path == users_copy and users_copy.exists()
    assert not job.path.exists()


def test_options_the_dask_engine_ignores_are_said(tmp_path, caplog, capsys) -> None:
    """``--reread``, ``--batch-size`` and ``--jobs`` with ``--scheduler`` did nothing, silently."""
    argv = ["score", str(tmp_path / "none.jsonl"), "--engine", "dask", "--out", "o.jsonl"]
    argv += ["--reread", "--batch-size", "50", "--scheduler", "tcp://127.0.0.1:1", "--jobs", "2"]
    assert main(argv) == 2  # (nothing listens at the address: said after the warnings)
    for flag in ("--reread", "--batch-size", "--jobs"):
        assert f"{flag} is ignored with --engine dask" in caplog.text
    caplog.clear()
    assert main(argv[:6]) == 2
    assert "ignored" not in caplog.text


# -- workers that leave, or cannot see the input; two jobs on one folder -------------------------


def _start_worker(address: str, *prefix: str) -> subprocess.Popen:
    """A ``dask worker`` process without a nanny: once killed, nothing starts it again."""
    cmd = [sys.executable, "-m", "distributed.cli.dask_worker", address, "--no-nanny"]
    cmd += ["--nthreads", "1", "--no-dashboard"]
    return subprocess.Popen([*prefix, *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def _until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _in_thread(fn) -> tuple[threading.Thread, dict]:
    result: dict = {}

    def run() -> None:
        try:
            result["value"] = fn()
        except BaseException as exc:  # handed to the test thread
            result["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, result


@pytest.mark.slow
def test_workers_that_all_die_mid_run_are_waited_for_then_the_job_fails(
    records, default_pipeline, tmp_path, caplog, capsys
) -> None:
    """Both workers killed (kill -9) during a run: the client waited silently for ever."""
    folder = _write_partitions(records, tmp_path / "in", 6)
    out = tmp_path / "parts"
    procs: list[subprocess.Popen] = []
    with (
        distributed.LocalCluster(n_workers=0, dashboard_address=":0") as cluster,
        distributed.Client(cluster) as c,
    ):
        address = cluster.scheduler_address
        try:
            procs += [_start_worker(address) for _ in range(2)]
            c.wait_for_workers(2, timeout=120)
            # a worker that comes back within the wait lets the run finish
            job, result = _in_thread(lambda: score_partitions(folder, out, scheduler=address))
            assert _until(lambda: any(c.processing().values()), 120)
            _stop(procs)
            assert _until(lambda: "has no workers" in caplog.text, 30), "no warning"
            procs.append(_start_worker(address))
            job.join(timeout=300)
            assert not job.is_alive() and "error" not in result, result.get("error")
            assert result["value"]["scored"] == 6
            assert "a worker joined the scheduler" in caplog.text
            # none comes back: an error after --wait-workers seconds, the finished outputs kept
            out = tmp_path / "again"
            argv = ["score", str(folder), "--engine", "dask", "--scheduler", address]
            argv += ["--parts-dir", str(out), "--wait-workers", "3", "-q"]
            job, result = _in_thread(lambda: main(argv))
            assert _until(lambda: any(out.glob("_part-*.done.json")), 120)
            _stop(procs)  # (a result its worker held when it died was not waited for either)
            killed = time.monotonic()
            job.join(timeout=120)
            assert not job.is_alive(), "the job still waits for a worker"
            assert time.monotonic() - killed < 60
        finally:
            _stop(procs)
    assert result.get("value") == 2, result
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert "partitions failed (the other outputs are kept; run again to redo only these)" in err
    assert f"the scheduler at {address} has had no workers for 3 s" in err
    assert 1 <= len(list(out.glob("part-*.jsonl"))) < 6


def _own_mount_prefix(folder: Path) -> list[str]:
    """A command prefix that runs a process in its own mount namespace where ``folder`` is an
    empty tmpfs: another machine's view of the filesystem. Skips where that is not allowed."""
    if not shutil.which("unshare"):
        pytest.skip("needs unshare(1)")
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False)
    if probe.returncode:
        pytest.skip("unprivileged mount namespaces are not allowed here")
    return ["unshare", "-rm", "sh", "-c", 'mount -t tmpfs none "$0" && exec "$@"', str(folder)]


@pytest.mark.slow
def test_a_worker_that_cannot_see_an_input_file_the_client_sees_is_named(
    records, default_pipeline, tmp_path, capsys
) -> None:
    """A worker on another mount said only "no such file or directory" of a file the client
    read."""
    hidden = _write_partitions(records[:40], tmp_path / "hidden", 2)
    prefix = _own_mount_prefix(hidden)
    procs: list[subprocess.Popen] = []
    with (
        distributed.LocalCluster(n_workers=0, dashboard_address=":0") as cluster,
        distributed.Client(cluster) as c,
    ):
        try:
            procs.append(_start_worker(cluster.scheduler_address, *prefix))
            c.wait_for_workers(1, timeout=120)
            (worker,) = c.scheduler_info()["workers"]
            argv = ["score", str(hidden), "--engine", "dask", "-q"]
            argv += ["--scheduler", cluster.scheduler_address, "--out", str(tmp_path / "o.jsonl")]
            assert main(argv) == 2
        finally:
            _stop(procs)
    err = capsys.readouterr().err.strip().splitlines()[-1]
    first = sorted(hidden.iterdir())[0].resolve()
    assert "2 of 2 partitions failed" in err
    assert (
        f"worker {worker} cannot read {first}, which this machine can: every worker must see "
        "the input and the parts folder at the same path" in err
    )


@pytest.mark.slow
def test_verbose_lists_the_kept_rejects_of_every_partition(
    records, client, tmp_path, caplog
) -> None:
    """A broken line in a later partition was never named after 20 rejects of an earlier one,
    even with -v; the rejects were printed, not logged as the local engine does."""
    folder = tmp_path / "exports"
    folder.mkdir()
    first = records[:5] + [dict(records[0], title=f"Salinan {k}") for k in range(22)]
    lines = [json.dumps(r, ensure_ascii=False) for r in records[5:10]]
    lines.insert(2, '{"id": "rusak-1", "title": "Judul terpotong')
    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in first), "utf-8")
    (folder / "b.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    argv = ["score", str(folder), "--engine", "dask", "--scheduler", client.scheduler.address]
    argv += ["--out", str(tmp_path / "o.jsonl")]

    def said() -> list[str]:
        return [
            r.getMessage()
            for r in caplog.records
            if r.name == "media_analytics" and r.levelno == logging.WARNING
        ]

    assert main(argv) == 1
    rejected = [m for m in said() if m.startswith("rejected ")]
    assert len(rejected) == 20
    assert "... and 3 more rejected records (-v lists them, up to 20 per partition)" in said()
    caplog.clear()
    caplog.set_level(logging.DEBUG, logger="media_analytics")
    assert main([*argv, "-v"]) == 0  # nothing left to score: the rejects are an earlier run's
    rejected = [m for m in said() if m.startswith("rejected ")]
    assert len(rejected) == 21  # each partition's first 20: all of b.jsonl's one, 20 of a's
    assert any("b.jsonl:3: invalid JSON" in m for m in rejected)
    assert "... and 2 more rejected records (not kept: each partition keeps its first 20)" in said()


@pytest.mark.slow
def test_the_parts_folder_loads_as_a_dataset_and_old_markers_still_count(
    records, client, tmp_path
) -> None:
    """Directory readers (pyarrow.dataset, Spark) took the done-markers for data and failed."""
    pa = pytest.importorskip("pyarrow")
    ds = pytest.importorskip("pyarrow.dataset")
    folder = _write_partitions(records[:60], tmp_path / "in", 3)
    out = tmp_path / "parts"
    score_partitions(folder, out, scheduler=client)

    def loaded() -> int:
        files = ds.dataset(out, format="json").files
        assert [Path(f).name for f in files] == [f"part-{i:05d}.jsonl" for i in range(3)]
        # (pyarrow takes the types from the first file, where duplicate_of can be all null)
        schema = pa.unify_schemas([ds.dataset(f, format="json").schema for f in files])
        return int(ds.dataset(out, format="json", schema=schema).to_table().num_rows)

    assert loaded() == 60
    # a folder an earlier release wrote: markers named part-NNNNN.done.json
    for marker in out.glob("_part-*.done.json"):
        marker.rename(out / marker.name[1:])
    summary = score_partitions(folder, out, scheduler=client)
    assert (summary["scored"], summary["skipped"]) == (0, 3)
    assert not list(out.glob("part-*.done.json"))
    assert len(list(out.glob("_part-*.done.json"))) == 3
    assert loaded() == 60


def test_a_second_job_on_the_same_parts_folder_fails_at_once_naming_the_first(
    five_parts, default_pipeline, tmp_path
) -> None:
    """Two jobs on one parts folder deleted each other's files and mixed their models."""
    out = tmp_path / "parts"
    with distributed.LocalCluster(n_workers=0, dashboard_address=":0") as cluster:
        # the first job waits for a worker, with the folder in hand
        cmd = [sys.executable, "-m", "media_analytics.cli", "score", str(five_parts)]
        cmd += ["--engine", "dask", "--scheduler", cluster.scheduler_address]
        cmd += ["--parts-dir", str(out), "--wait-workers", "120"]
        first = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
        try:
            assert first.stderr is not None
            for line in first.stderr:
                if "has no workers yet" in line:
                    break
            started = time.perf_counter()
            with pytest.raises(ScaleError) as caught:
                score_partitions(five_parts, out, scheduler=cluster.scheduler_address)
            assert time.perf_counter() - started < 10
        finally:
            first.kill()
            first.wait(timeout=30)
            first.stderr.close()  # (left open, the pipe is an unclosed file for a later test)
    said = str(caught.value)
    assert f"{out} is in use by another job (pid {first.pid} on {socket.gethostname()}" in said
    # a job that died leaves its lock file, but not its lock
    with scale._parts_folder(out):
        pass
    assert not [p for p in out.iterdir() if "lock" in p.name]
