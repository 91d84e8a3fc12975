"""media_analytics: Indonesian media monitoring.

Articles in; clean text, Sastrawi stems, topics, themes, sentiment, actors and quotes out;
trend reports on top.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("media-analytics")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
