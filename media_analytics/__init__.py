"""media_analytics: Indonesian media monitoring.

Articles in; clean text, Sastrawi stems, topics, themes, sentiment, actors and quotes out;
trend reports on top.
"""

# The one place the version is written: pyproject.toml reads it from here, and it is right even
# where the package is imported without being installed (the wheel build trains the default
# model that way, and the model version starts with it).
__version__ = "0.1.0"

__all__ = ["MediaPipeline", "__version__", "default_model", "read_articles"]

# The main entry points, imported on first use (``import media_analytics`` stays cheap).
_LAZY = {
    "MediaPipeline": "media_analytics.pipeline",
    "default_model": "media_analytics.models",
    "read_articles": "media_analytics.corpus",
}


def __getattr__(name: str) -> object:
    """``from media_analytics import MediaPipeline`` (and the others of ``_LAZY``)."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'media_analytics' has no attribute {name!r}")
