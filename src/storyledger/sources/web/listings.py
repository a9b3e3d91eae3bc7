"""Feeds and sitemaps as lists of article URLs: what kind a fetched body is, and what it lists.

Feeds are read by feedparser (through sources/feeds.py), sitemaps by ultimate-sitemap-parser
(Media Cloud's: sitemap indexes, news sitemaps, text sitemaps, hardened against XML entities),
both from bytes we fetched, so every request goes through our politeness layer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime

from usp.objects.page import SitemapPage
from usp.objects.sitemap import AbstractIndexSitemap, AbstractPagesSitemap, AbstractSitemap
from usp.tree import sitemap_from_str

from storyledger.errors import Failure
from storyledger.records import Hints, RawDocument
from storyledger.sources.feeds import entry_document, parse_feed
from storyledger.sources.web.body import GZIP_MAGIC, BodyError, read_body
from storyledger.sources.web.records import Kind
from storyledger.sources.web.urls import BadURL, normalise


_ROOT = re.compile(rb"<(?:[\w.-]+:)?(rss|RDF|feed|urlset|sitemapindex|html|head|body)\b", re.IGNORECASE)
_ROOT_KIND = {b"rss": Kind.FEED, b"rdf": Kind.FEED, b"feed": Kind.FEED, b"urlset": Kind.SITEMAP,
              b"sitemapindex": Kind.SITEMAP}
_URL_LINE = re.compile(rb"^\s*https?://\S+\s*$")
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


def sniff(body: bytes, content_type: str) -> Kind:
    """By the root element, since servers label feeds and sitemaps every which way."""
    if body.startswith(GZIP_MAGIC):
        return Kind.SITEMAP  # a sitemap.xml.gz served as a file; feeds and pages never come so
    found = _ROOT.search(body[:8192])
    if found:
        return _ROOT_KIND.get(found.group(1).lower(), Kind.PAGE)
    lines = [line for line in body[:8192].splitlines() if line.strip()]
    if content_type == "text/plain" and lines and all(_URL_LINE.match(line) for line in lines[:20]):
        return Kind.SITEMAP  # a text sitemap: one URL a line
    return Kind.PAGE


def accepts_listing(media_type: str) -> bool:
    """Content-Types a feed, a sitemap or a page may come under (sniffing decides which)."""
    return (not media_type or "xml" in media_type or "html" in media_type or "rss" in media_type
            or "atom" in media_type or media_type in ("text/plain", "application/octet-stream",
                                                     "application/gzip", "application/x-gzip"))


def accepts_page(media_type: str) -> bool:
    return not media_type or "html" in media_type or media_type == "text/plain"


@dataclass(frozen=True, slots=True)
class Entry:
    """An article a listing points to."""

    url: str  # normalised, absolute
    stamp: str | None = None  # the entry's updated time or lastmod as written: a change means an edit
    listed: date | None = None  # the date the listing gives (published, else last modified)
    outlet: str | None = None  # a news sitemap's publication name


@dataclass(slots=True)
class Listing:
    kind: Kind
    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # children of a sitemap index
    documents: list[RawDocument | Failure] = field(default_factory=list)  # feed entries with no link
    problems: list[str] = field(default_factory=list)  # read in part: what was wrong


def read_listing(url: str, body: bytes, kind: Kind, max_bytes: int) -> Listing | Failure:
    """The entries of a feed or sitemap at ``url`` (relative links resolve against it)."""
    if kind is Kind.FEED:
        return _read_feed(url, body)
    if body.startswith(GZIP_MAGIC):
        try:
            body = read_body([body], "gzip", max_bytes, lambda: False).data
        except BodyError as exc:
            return Failure(url, f"sitemap file: {exc}")
    return _read_sitemap(url, body)


def _read_feed(url: str, body: bytes) -> Listing | Failure:
    root = _ROOT.search(body)
    if _ENTITY.search(body, 0, root.start() if root else len(body)):
        # Feeds never need their own entities; expat's guard against entity bombs trips only after
        # seconds of feedparser callbacks, and external entities have no business in a feed.
        return Failure(url, "feed declares XML entities: not read")
    feed = parse_feed(body)
    if not feed.entries:
        return Failure(url, f"not a readable RSS/Atom feed: {feed.problem or 'no entries'}")
    listing = Listing(Kind.FEED)
    if feed.problem:
        listing.problems.append(f"feed is not well-formed ({feed.problem}): kept the {len(feed.entries)} entries read")
    seen: set[str] = set()
    for n, entry in enumerate(feed.entries, 1):
        if not entry.link:
            listing.documents.append(entry_document(f"{url}#{n}", entry, feed, Hints()))
            continue
        try:
            link = normalise(entry.link, base=url)
        except BadURL as exc:
            listing.problems.append(f"entry {n}: {exc}")
            continue
        if link not in seen:
            seen.add(link)
            listing.entries.append(Entry(link, entry.updated, entry.published))
    return listing


def _read_sitemap(url: str, body: bytes) -> Listing | Failure:
    with _usp_errors() as errors:
        parsed = sitemap_from_str(body.decode("utf-8", errors="replace"))
    if isinstance(parsed, AbstractIndexSitemap):
        listing = Listing(Kind.SITEMAP, sitemaps=_absolute([s.url for s in parsed.sub_sitemaps], url, errors))
    elif isinstance(parsed, AbstractPagesSitemap):
        listing = Listing(Kind.SITEMAP)
        seen: set[str] = set()
        for page in parsed.pages:
            entry = _entry(page, url, errors)
            if entry and entry.url not in seen:
                seen.add(entry.url)
                listing.entries.append(entry)
    else:
        return Failure(url, f"not a readable sitemap: {'; '.join(errors) or _reason(parsed)}")
    if not listing.entries and not listing.sitemaps and not body.strip():
        return Failure(url, "empty sitemap")
    listing.problems.extend(f"sitemap read in part: {e}" for e in errors)
    return listing


def _entry(page: SitemapPage, base: str, errors: list[str]) -> Entry | None:
    try:
        link = normalise(page.url, base=base)
    except BadURL as exc:
        errors.append(str(exc))
        return None
    news = page.news_story
    when: datetime | None = (news.publish_date if news else None) or page.last_modified
    stamp = page.last_modified.isoformat() if page.last_modified else None
    return Entry(link, stamp, when.date() if when else None, news.publication_name if news else None)


def _absolute(urls: list[str], base: str, errors: list[str]) -> list[str]:
    out: list[str] = []
    for child in urls:
        try:
            link = normalise(child, base=base)
        except BadURL as exc:
            errors.append(str(exc))
            continue
        if link not in out:
            out.append(link)
    return out


def _reason(parsed: AbstractSitemap) -> str:
    return str(getattr(parsed, "reason", "") or "no URLs")


class _Collect(logging.Handler):
    """Errors only: its warnings are about defaults it fills in (a missing namespace, a bad priority)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        self.messages.append(message.split(" failed: ", 1)[-1])


@contextmanager
def _usp_errors() -> Iterator[list[str]]:
    """ultimate-sitemap-parser logs what it could not parse and carries on: keep those messages as
    problems of this sitemap, instead of letting them reach the terminal."""
    logger = logging.getLogger("usp")
    handler = _Collect()
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
