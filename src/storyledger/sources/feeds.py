"""RSS and Atom feed files (.rss, .atom, .xml): each entry with content is one raw document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

import feedparser

from storyledger.errors import Failure
from storyledger.records import Hints, RawDocument

FEED_SUFFIXES = (".rss", ".atom", ".xml")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    link: str | None  # as written (may be relative)
    title: str | None
    published: date | None
    updated: str | None  # the entry's stamp as written: a new one means the article was edited
    authors: tuple[str, ...]
    body: str  # the longest content, else the summary (HTML)


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    entries: list[FeedEntry]
    problem: str | None  # why the XML is not well-formed, when it is not (what parsed is still kept)


def parse_feed(data: bytes) -> Feed:
    """Parse bytes (never a URL or a path: given a string, feedparser would fetch it itself)."""
    parsed = feedparser.parse(data)
    problem = str(parsed.get("bozo_exception") or "not well-formed") if parsed.get("bozo") else None
    entries = []
    for entry in parsed.entries:
        contents = [c.get("value", "") for c in entry.get("content", [])]
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        entries.append(FeedEntry(
            link=entry.get("link"),
            title=entry.get("title"),
            published=date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None,
            # dict.get: feedparser's own get maps a missing "updated" to "published" with a warning
            updated=dict.get(entry, "updated") or dict.get(entry, "published"),
            authors=tuple(a for a in [entry.get("author")] if a),
            body=max(contents, key=len) if contents else entry.get("summary", ""),
        ))
    return Feed((parsed.feed.get("title") or "").strip() or None, entries, problem)


def read_feed(source: str, data: bytes, hints: Hints) -> Iterator[RawDocument | Failure]:
    """Entries carry the page's HTML in content or summary; a broken feed yields what parsed,
    and one Failure when nothing did."""
    feed = parse_feed(data)
    if not feed.entries:
        yield Failure(source, f"not a readable RSS/Atom feed: {feed.problem or 'no entries'}")
        return
    for n, entry in enumerate(feed.entries, 1):
        yield entry_document(f"{source}#{entry.link or n}", entry, feed, hints)


def entry_document(where: str, entry: FeedEntry, feed: Feed, hints: Hints) -> RawDocument | Failure:
    """The entry's own content as a page, for feeds that carry whole articles."""
    if not entry.body.strip():
        return Failure(where, "feed entry has no content or summary")
    return RawDocument(
        source=where,
        text=f"<html><head><title>{_escape(entry.title or '')}</title></head><body><article>{entry.body}</article></body></html>",
        hints=replace(
            hints,
            format="html",
            url=entry.link or hints.url,
            title=entry.title or hints.title,
            published=hints.published or entry.published,
            outlet=hints.outlet or feed.title,
            authors=hints.authors or entry.authors,
        ),
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
