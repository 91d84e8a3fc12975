"""The default tagger the theme tests share, and what it tags an article with."""

from __future__ import annotations

import pytest

from media_analytics.themes import ThemeTagger


@pytest.fixture(scope="module")
def tagger() -> ThemeTagger:
    """The default taxonomy's rules, fitted on nothing (as a new theme is usable at once)."""
    return ThemeTagger().fit([])


def themes_of(tagger: ThemeTagger, title: str, text: str) -> set[str]:
    """The themes ``tagger`` gives the article."""
    return {t["theme"] for t in tagger.tag(text, title).themes()}
