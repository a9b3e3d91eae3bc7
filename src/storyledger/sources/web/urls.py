"""URL normalisation: one spelling per page, so the same article is never fetched or stored twice.

courlan (trafilatura's URL library) lower-cases scheme and host, drops default ports, sorts the query and
strips tracking parameters (utm_*, fbclid, gclid...); fragments never reach a server, so they go too.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

from courlan import normalize_url

SCHEMES = ("http", "https")


class BadURL(ValueError):
    """Not an absolute http(s) URL."""


def normalise(url: str, base: str | None = None) -> str:
    """The URL to fetch and to key the page by; ``base`` resolves a relative link."""
    url = url.strip()
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise BadURL(f"only http(s) URLs are fetched, not {parts.scheme or 'a relative URL'}: {url}")
    if not parts.hostname:
        raise BadURL(f"no host in URL: {url}")
    clean = urlsplit(normalize_url(url))
    return urlunsplit((clean.scheme, clean.netloc, clean.path or "/", clean.query, ""))


def origin(url: str) -> str:
    """scheme://host[:port]: the scope of one robots.txt."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))


def host(url: str) -> str:
    """The host name politeness is counted per (the rate limit and the concurrency cap)."""
    return (urlsplit(url).hostname or "").lower()
