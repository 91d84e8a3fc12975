from __future__ import annotations

import json
from pathlib import Path

import pytest

from media_analytics.cli import main
from media_analytics.resources import sample_dir


def test_demo_writes_scored_records_and_summary(tmp_path: Path) -> None:
    n_sample = sum(
        1
        for p in sample_dir().glob("*.jsonl")
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
    assert n_sample >= 100
    assert main(["demo", "--out", str(tmp_path), "--jobs", "1"]) == 0
    rows = [json.loads(x) for x in (tmp_path / "scored.jsonl").read_text("utf-8").splitlines()]
    assert len(rows) == n_sample
    assert all(r["n_tokens"] > 10 for r in rows)
    assert "sample articles" in (tmp_path / "summary.md").read_text("utf-8")


def test_no_command_prints_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "demo" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "media-analytics" in capsys.readouterr().out
