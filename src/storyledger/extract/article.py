"""The extract stage: choose the extractor, then settle metadata and its provenance."""

from __future__ import annotations

from urllib.parse import urlparse

from storyledger.errors import InputError
from storyledger.extract.decode import decode
from storyledger.extract.fields import ExtractedFields
from storyledger.extract.html import extract_html
from storyledger.extract.text import clean_text
from storyledger.records import Article, DateSource, RawDocument
from storyledger.sources.limits import check_markup

_HTML_MARKERS = ("<html", "<!doctype html", "<body", "<article", "<div", "<p>", "<head")
# Pages larger than this are refused rather than parsed (trafilatura's own default limit).
MAX_PAGE_CHARS = 20_000_000
# Fewer words than this is no article: a 404 page, a front page of teasers, a cookie wall.
MIN_ARTICLE_WORDS = 20


def guess_format(text: str) -> str:
    head = text[:4096].lstrip().lower()
    return "html" if any(m in head for m in _HTML_MARKERS) else "text"


def extract(raw: RawDocument) -> Article:
    """Raise InputError naming the input when it holds no article."""
    text = raw.text if raw.text is not None else decode(raw.data or b"", raw.source)
    if not text.strip():
        raise InputError(raw.source, "empty file")
    if len(text) > MAX_PAGE_CHARS:
        raise InputError(raw.source, f"too large ({len(text) / 1e6:.1f} million characters; limit {MAX_PAGE_CHARS / 1e6:.0f} million)")
    hints = raw.hints
    if hints.raw:
        fields = ExtractedFields(text=text, published_source=DateSource.UNKNOWN)  # exactly: offsets index the file
        fmt = "text"
    else:
        # A file named .html that holds no markup is read as the plain text it is.
        fmt = "text" if hints.format == "html" and guess_format(text) == "text" else hints.format or guess_format(text)
        if fmt == "html":
            check_markup(raw.source, text)
        fields = extract_html(text, url=hints.url) if fmt == "html" else clean_text(text)
    if not fields.text.strip():
        raise InputError(raw.source, "no article text found")
    words = len(fields.text.split())
    if not hints.raw and words < MIN_ARTICLE_WORDS:
        raise InputError(raw.source, f"no article text found (only {words} words of text)")

    published, published_source = fields.published, fields.published_source
    if hints.published is not None:
        published, published_source = hints.published, DateSource.USER
    elif published is None and hints.default_published is not None:
        published, published_source = hints.default_published, DateSource.USER
    if published is None:
        published_source = DateSource.UNKNOWN
    url = hints.url or fields.url
    outlet = hints.outlet or fields.outlet or hints.default_outlet or _outlet_from_url(url)
    return Article(
        source=raw.source,
        text=fields.text,
        title=hints.title or fields.title,
        authors=list(hints.authors) or fields.authors,
        published=published,
        published_source=published_source,
        outlet=outlet,
        url=url,
        language=fields.language,
        raw_sha256=raw.raw_sha256,
        format=fmt,
    )


def _outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None
