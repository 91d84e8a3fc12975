"""`media-analytics demo` writes an HTML report that renders in headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from media_analytics.cli import main

from .browser import Browser, find_chromium
from .test_browser import MEASURE, _clip, _pixels


@pytest.mark.slow
def test_demo_report_renders_its_charts(tmp_path: Path, default_pipeline) -> None:
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("chromium is not installed; run .ci/chromium.sh (Debian's chromium package)")
    assert main(["demo", "--out", str(tmp_path), "--jobs", "1"]) == 0
    url = (tmp_path / "report.html").resolve().as_uri()
    with Browser(chromium) as browser:
        browser.open(url, width=1200, height=900, mobile=False)
        assert browser.errors() == []
        assert browser.requested_urls() == [url]
        charts = browser.evaluate(MEASURE)
        names = {c["name"] for c in charts}
        assert {"theme-volume", "share-of-voice-theme", "top-actors", "sentiment"} <= names
        volume = next(c for c in charts if c["name"] == "theme-volume")
        assert volume["spikes"] >= 1  # the planted voting-week spike, from the model's themes
        for chart in charts:
            w, h, colours, ink = _pixels(_clip(browser, chart, scale=0.5))
            assert ink > 0.05 * w * h and len(colours) > 8, chart["name"]
        (tmp_path / "demo-report.png").write_bytes(browser.screenshot())
        assert browser.errors() == []
