"""media_analytics: Indonesian media monitoring.

Articles in; clean text, Sastrawi stems, topics, themes, sentiment, actors and quotes out;
trend reports on top.
"""

# The one place the version is written: pyproject.toml reads it from here, and it is right even
# where the package is imported without being installed (the wheel build trains the default
# model that way, and the model version starts with it).
__version__ = "0.1.0"

__all__ = ["__version__"]
