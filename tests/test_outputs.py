"""Files written under a name the user gave: replaced whole, through a link, or as they are."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from media_analytics.outputs import in_place, replacing


def test_a_failure_leaves_the_earlier_file_and_no_partial_one(tmp_path: Path) -> None:
    out = tmp_path / "scored.jsonl"
    out.write_text("yesterday\n", encoding="utf-8")
    with pytest.raises(RuntimeError), replacing(out) as f:
        f.write(b"half")
        raise RuntimeError("stopped")
    assert out.read_text(encoding="utf-8") == "yesterday\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scored.jsonl"]


def test_a_disk_full_at_the_flush_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # seen in an operator's trial on a full tmpfs: each failed save of the duplicate index left
    # a ".partial" of a megabyte behind (the error came at the flush, after the block ended)
    out = tmp_path / "media.db.dedup.npz"
    out.write_bytes(b"yesterday")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left"), replacing(out, fsync=True) as f:
        f.write(b"today")
    assert out.read_bytes() == b"yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_standard_output_named_as_a_file_is_appended_to_as_it_is(tmp_path: Path) -> None:
    """``score ... --out /dev/stdout >> all.jsonl``: the file the shell opened gets the records
    after what it held, and is not replaced by another one."""
    out = tmp_path / "all.jsonl"
    out.write_text("earlier\n", encoding="utf-8")
    inode = out.stat().st_ino
    fd = os.open(out, os.O_WRONLY | os.O_APPEND)
    try:
        for name in (f"/dev/fd/{fd}", f"/proc/self/fd/{fd}"):
            if not os.path.exists(name):
                continue
            assert in_place(name)
            with replacing(name) as f:
                f.write(f"{name}\n".encode())
    finally:
        os.close(fd)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "earlier" and len(lines) > 1
    assert out.stat().st_ino == inode and stat.S_ISREG(out.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.jsonl"]


def test_a_chain_of_links_is_followed_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    target = tmp_path / "data" / "scored.jsonl"
    target.write_bytes(b"old")
    (tmp_path / "one").symlink_to(Path("data") / "scored.jsonl")
    (tmp_path / "two").symlink_to("one")
    assert not in_place(tmp_path / "two")
    with replacing(tmp_path / "two") as f:
        f.write(b"new")
    assert (tmp_path / "two").is_symlink() and (tmp_path / "one").is_symlink()
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["scored.jsonl"]
