"""``report --source`` as an analyst types an outlet: a bare name for its domain, and a name
that is no outlet's warned of rather than silently matching nothing."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pandas as pd

from media_analytics.cli import main
from media_analytics.reports import records_to_frames

from .conftest import _record

RECORDS = [
    _record("k1", "2024-11-11", "kompas.com"),
    _record("k2", "2024-11-12", "www.Kompas.com"),
    _record("t1", "2024-11-12", "tempo.co"),
    _record("d1", "2024-11-13", "detik.com"),
]


def _ids(**kwargs) -> set[str]:
    return set(records_to_frames(RECORDS, **kwargs).stories["id"])


def test_a_bare_name_is_the_one_outlet_whose_domain_starts_with_it(caplog) -> None:
    with caplog.at_level(logging.INFO):
        assert _ids(sources=["kompas"]) == {"k1", "k2"}
    assert "--source 'kompas' read as the outlet kompas.com" in caplog.text
    assert _ids(sources=["Kompas", "tempo.co"]) == {"k1", "k2", "t1"}
    assert _ids(sources=["KOMPAS.COM"]) == {"k1", "k2"}
    data = records_to_frames(RECORDS, sources=["kompas", "tempo.co"])
    assert data.filters["sources"] == ["kompas (kompas.com)", "tempo.co"]


def test_a_name_that_is_no_outlets_is_warned_of_with_the_outlets_meant(caplog) -> None:
    with caplog.at_level(logging.WARNING):
        assert _ids(sources=["detk", "tempo.co"]) == {"t1"}
    assert "--source 'detk': no outlet of these records has this name" in caplog.text
    assert "(did you mean detik.com?)" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):  # the outlets containing it
        assert _ids(sources=["tempo"]) == {"t1"}  # (a bare name: read as tempo.co)
        assert _ids(sources=["ompas"]) == set()
    assert "did you mean kompas.com?" in caplog.text
    caplog.clear()
    # a bare name that begins two outlets stands for neither
    both = [*RECORDS, _record("i1", "2024-11-13", "kompas.id")]
    with caplog.at_level(logging.WARNING):
        data = records_to_frames(both, sources=["kompas"])
    assert data.stories.empty
    assert "several outlets start with it (kompas.com, kompas.id)" in caplog.text


def test_the_command_reads_a_bare_outlet_name(tmp_path: Path, caplog) -> None:
    scored = tmp_path / "scored.jsonl"
    scored.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), "utf-8")
    out = tmp_path / "r"
    args = ["report", str(scored), "--out", str(out)]
    assert main([*args, "--source", "kompas", "--source", "tempo.co"]) == 0
    stories = pd.read_csv(out / "tables" / "stories.csv")
    assert set(stories["id"]) == {"k1", "k2", "t1"}
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert "sources: kompas (kompas.com), tempo.co" in markdown
    with caplog.at_level(logging.WARNING):
        assert main([*args, "--source", "kompass"]) == 0
    assert "--source 'kompass': no outlet of these records has this name" in caplog.text
    assert "did you mean kompas.com?" in caplog.text
    assert "no stories left to report on after the filters" in caplog.text
