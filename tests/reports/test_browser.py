"""The HTML report in headless Chromium: no console errors, no network, charts drawn, phone-sized.

Chromium comes from Debian (``.ci/chromium.sh``); without it these tests skip and say why.
Set ``REPORT_SCREENSHOT_DIR`` to keep the full-page screenshots for a look by eye.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from media_analytics.reports import build_report

from .browser import Browser, decode_png, find_chromium
from .conftest import with_synthetic_actors

CHARTS = {
    "surges", "theme-volume", "sentiment", "share-of-voice-theme", "share-of-voice-actor",
    "top-actors",
}  # fmt: skip

MEASURE = """Array.from(document.querySelectorAll('svg.chart')).map(s => {
  const r = s.getBoundingClientRect();
  return {name: s.dataset.chart, x: r.x + scrollX, y: r.y + scrollY, w: r.width, h: r.height,
          marks: s.querySelectorAll('polyline.series, rect.bar').length,
          spikes: s.querySelectorAll('circle.spike').length};
})"""


@pytest.fixture(scope="module")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        pytest.skip("chromium is not installed; run .ci/chromium.sh (Debian's chromium package)")
    return path


@pytest.fixture(scope="module")
def report_url(tmp_path_factory, sample_records) -> str:
    out = tmp_path_factory.mktemp("report")
    paths = build_report(with_synthetic_actors(sample_records), out, title="Laporan uji")
    return paths["html"].resolve().as_uri()


def _pixels(png: bytes) -> tuple[int, int, set[bytes], int]:
    """Width, height, distinct colours and the count of pixels that are not page background."""
    width, height, rows = decode_png(png)
    colours: set[bytes] = set()
    ink = 0
    background = {b"\xff\xff\xff\xff", b"\xf6\xf8\xfa\xff"}
    for row in rows:
        for i in range(0, len(row), 4):
            px = row[i : i + 4]
            colours.add(px)
            ink += px not in background
    return width, height, colours, ink


def _clip(browser: Browser, box: dict, scale: float = 1.0) -> bytes:
    clip = {"x": box["x"], "y": box["y"], "width": box["w"], "height": box["h"], "scale": scale}
    shot = browser.send(
        "Page.captureScreenshot",
        {"format": "png", "captureBeyondViewport": True, "clip": clip},
        session=True,
    )
    return base64.b64decode(shot["data"])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("label", "width", "height", "mobile"),
    [("desktop", 1200, 900, False), ("phone", 390, 844, True)],
)
def test_report_renders_in_chromium(chromium, report_url, tmp_path, label, width, height, mobile):
    with Browser(chromium) as browser:
        browser.open(report_url, width=width, height=height, mobile=mobile)
        assert browser.errors() == []
        # nothing but the file itself was loaded: no fonts, scripts or images from elsewhere
        assert browser.requested_urls() == [report_url]
        charts = browser.evaluate(MEASURE)
        assert {c["name"] for c in charts} == CHARTS
        for chart in charts:
            assert chart["w"] > 200 and chart["h"] > 100, chart
            assert chart["marks"] > 0, chart
        volume = next(c for c in charts if c["name"] == "theme-volume")
        assert volume["spikes"] == 1  # the voting-week spike is marked
        # the page never scrolls sideways; wide tables and charts scroll in their own boxes
        page_width = browser.evaluate("document.documentElement.scrollWidth")
        assert page_width <= width

        screenshot = browser.screenshot()
        out = Path(os.environ.get("REPORT_SCREENSHOT_DIR", tmp_path))
        (out / f"report-{label}.png").write_bytes(screenshot)
        page = browser.evaluate(
            "[document.documentElement.scrollWidth, document.body.scrollHeight]"
        )
        small = _clip(browser, {"x": 0, "y": 0, "w": page[0], "h": page[1]}, scale=0.1)
        _, _, colours, ink = _pixels(small)
        assert len(colours) > 50 and ink > 1000, "the screenshot is blank"
        for chart in charts:
            w, h, colours, ink = _pixels(_clip(browser, chart, scale=0.5))
            assert ink > 0.05 * w * h, f"{chart['name']} is drawn almost empty"
            assert len(colours) > 8, f"{chart['name']} has too few colours to be a chart"
        assert browser.errors() == []
