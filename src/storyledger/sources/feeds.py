"""RSS and Atom feed files (.rss, .atom, .xml): each entry with content is one raw document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import feedparser

from storyledger.errors import Failure
from storyledger.records import Hints, RawDocument

FEED_SUFFIXES = (".rss", ".atom", ".xml")


def read_feed(source: str, data: bytes, hints: Hints) -> Iterator[RawDocument | Failure]:
    """Entries carry the page's HTML in content or summary; a broken feed yields what parsed,
    and one Failure when nothing did."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        yield Failure(source, f"not a readable RSS/Atom feed: {reason}")
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{source}#{entry.get('link') or n}"
        contents = [c.get("value", "") for c in entry.get("content", [])]
        body = max(contents, key=len) if contents else entry.get("summary", "")
        if not body.strip():
            yield Failure(where, "feed entry has no content or summary")
            continue
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
        yield RawDocument(
            source=where,
            text=f"<html><head><title>{_escape(entry.get('title', ''))}</title></head><body><article>{body}</article></body></html>",
            hints=replace(
                hints,
                format="html",
                url=entry.get("link") or hints.url,
                title=entry.get("title") or hints.title,
                published=hints.published or published,
                outlet=hints.outlet or outlet,
                authors=hints.authors or tuple(a for a in [entry.get("author")] if a),
            ),
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
