"""Stable article ids: from the normalised URL, else from a hash of the content.

The same story fetched as ``http://www.detik.com/x/?utm_source=fb`` and
``https://detik.com/x`` gets the same id, so re-reading a feed never creates a
second record for it.
"""

from __future__ import annotations

import hashlib
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit

__all__ = ["article_id", "normalize_url", "outlet_of"]

# Query parameters that say how a reader arrived, not which page it is.
_TRACKING_PARAMS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "ref", "amp", "_ga"})
# Host prefixes of mobile and AMP mirrors of the same page.
_MIRROR_PREFIXES = ("www.", "m.", "amp.")
_DIGEST_CHARS = 16  # 64 bits: a collision among a million ids has odds of about 3e-8


# Second-level labels under which a country's sites register (``kompas.co.id``, ``bbc.co.uk``).
_SECOND_LEVEL = frozenset(
    {"co", "or", "go", "ac", "sch", "web", "my", "net", "com", "org", "gov", "edu", "mil", "biz"}
)


def outlet_of(url: str | None) -> str:
    """The outlet's domain in a URL (``news.detik.com/berita/...`` -> ``detik.com``), or "".

    Used as an article's source when the export has none, so that reports can still count
    outlets.

    >>> outlet_of("https://news.detik.com/berita/d-1/judul?utm_source=x")
    'detik.com'
    >>> outlet_of("http://www.republika.co.id/berita/x"), outlet_of("not a url")
    ('republika.co.id', '')
    """
    if not url or "." not in url:
        return ""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return ""
    labels = [x for x in host.split(".") if x]
    if len(labels) < 2 or not all(x.replace("-", "").isalnum() for x in labels):
        return ""
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def normalize_url(url: str) -> str:
    """Normalise a URL for identity comparison.

    Drops the scheme (``http`` and ``https`` are the same page), lowercases the host,
    drops ``www.``/``m.``/``amp.`` prefixes, default ports, tracking parameters
    (``utm_*``, ``fbclid``, ``gclid``, ``ref``, ``amp``), the fragment, a trailing
    ``/amp`` segment and the trailing slash, and sorts the remaining parameters.

    Parameters
    ----------
    url : str
        An absolute URL; a URL without a scheme (``detik.com/x``) is accepted.

    Returns
    -------
    str
        ``host/path?query``, or ``""`` for a blank input.

    Examples
    --------
    >>> normalize_url("HTTPS://www.Detik.com/berita/d-1/judul/?utm_source=x&id=2#top")
    'detik.com/berita/d-1/judul?id=2'
    """
    text = url.strip()
    if not text:
        return ""
    if "://" not in text:
        text = "http://" + text.lstrip("/")
    parts = urlsplit(text)
    host = (parts.hostname or "").rstrip(".")
    for prefix in _MIRROR_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
    try:
        port = parts.port
    except ValueError:  # a port that is not a number: keep what was written
        port = None
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/")
    if path.endswith("/amp"):
        path = path[: -len("/amp")]
    params = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_") and key.lower() not in _TRACKING_PARAMS
    )
    query = urlencode(params)
    return f"{host}{path}?{query}" if query else f"{host}{path}"


def url_noise(url: str) -> int:
    """How many of the marks :func:`normalize_url` strips ``url`` carries: tracking parameters,
    a fragment, a trailing ``/amp``, a mobile or AMP host (``m.``, ``amp.``). Of two URLs of one
    page, the one with fewer is the page's plainer address.

    >>> url_noise("https://www.detik.com/jateng/d-1/judul")
    0
    >>> url_noise("http://m.detik.com/jateng/d-1/judul/amp?utm_source=x&utm_medium=y#top")
    5
    """
    text = url.strip()
    if "://" not in text:
        text = "http://" + text.lstrip("/")
    parts = urlsplit(text)
    host = (parts.hostname or "").rstrip(".")
    marks = sum(
        key.lower().startswith("utm_") or key.lower() in _TRACKING_PARAMS
        for key, _ in parse_qsl(parts.query, keep_blank_values=True)
    )
    marks += bool(parts.fragment) + parts.path.rstrip("/").endswith("/amp")
    return marks + (host.count(".") > 1 and host.startswith(("m.", "amp.")))


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:_DIGEST_CHARS]


def _normalise_content(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def article_id(url: str | None = None, title: str | None = None, text: str | None = None) -> str:
    """Derive a stable id for an article.

    Parameters
    ----------
    url : str, optional
        When it normalises to something non-empty, the id is ``"u-"`` plus 16 hex
        digits of the SHA-1 of :func:`normalize_url` (http/https, ``www.`` and
        tracking parameters do not change it).
    title, text : str, optional
        Otherwise the id is ``"c-"`` plus 16 hex digits of the SHA-1 of the title and
        text, lowercased and with whitespace collapsed.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        When url, title and text are all missing or blank.

    Examples
    --------
    >>> article_id("http://www.example.com/a/?utm_medium=x") == article_id("https://example.com/a")
    True
    >>> article_id(title="Judul", text="Isi") == article_id(title="judul ", text=" isi")
    True
    """
    normalised = normalize_url(url) if url else ""
    if normalised:
        return "u-" + _digest(normalised)
    content = _normalise_content(title or "") + "\n" + _normalise_content(text or "")
    if not content.strip():
        raise ValueError("cannot derive an id: url, title and text are all empty")
    return "c-" + _digest(content)
