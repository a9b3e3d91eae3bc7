"""RSS and Atom feed files (.rss, .atom, .xml): each entry with content is one raw document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

import feedparser

from storyledger.errors import Failure, Notice, describe
from storyledger.records import Hints, RawDocument
from storyledger.sources.limits import MAX_FEED_ENTRIES, check_text_field, check_url, check_year, storable

FEED_SUFFIXES = (".rss", ".atom", ".xml")

_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,20}));")
_ENTRY_TAG = re.compile(rb"<(?:[a-zA-Z0-9_]+:)?(?:item|entry)[\s>/]")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    link: str | None  # as written (may be relative)
    title: str | None
    published: date | None
    updated: str | None  # the entry's stamp as written: a new one means the article was edited
    authors: tuple[str, ...]
    body: str  # the longest content, else the summary (HTML)
    dropped: tuple[str, ...] = ()  # metadata no article can have, left out (each says why)


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    entries: list[FeedEntry]
    problem: str | None  # why the XML is not well-formed or was refused (what parsed is still kept)


def parse_feed(data: bytes) -> Feed:
    """Parse bytes (never a URL or a path: given a string, feedparser would fetch it itself). Never
    raises: a feed feedparser chokes on, or one past MAX_FEED_ENTRIES, has no entries and a problem."""
    entries = len(_ENTRY_TAG.findall(data))
    if entries > MAX_FEED_ENTRIES:
        return Feed(None, [], f"{entries} entries, over the {MAX_FEED_ENTRIES} limit for one feed file")
    try:
        parsed = feedparser.parse(_valid_char_refs(data))
    except Exception as exc:  # feedparser trusts declared encodings and dates; it fails on hostile ones
        return Feed(None, [], describe(exc))
    problem = str(parsed.get("bozo_exception") or "not well-formed") if parsed.get("bozo") else None
    return Feed(storable((parsed.feed.get("title") or "").strip()) or None,
                [_entry(entry) for entry in parsed.entries], problem)


def _valid_char_refs(data: bytes) -> bytes:
    """Numeric character references to no character (past U+10FFFF, surrogates, NUL) become U+FFFD:
    feedparser would call chr() on them and fail, or pass a lone surrogate on to the store."""
    if b"&#" not in data:
        return data

    def fix(m: re.Match[bytes]) -> bytes:
        code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        return m.group() if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else b"&#xFFFD;"

    return _CHAR_REF.sub(fix, data)


def _entry(entry: feedparser.FeedParserDict) -> FeedEntry:
    dropped: list[str] = []
    contents = [storable(c.get("value", "")) for c in entry.get("content", [])]
    stamp = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    published = None
    if stamp:
        try:
            published = check_year(date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday))
        except ValueError as exc:
            dropped.append(f"dropped 'published': {exc}")
    link, title = _checked("url", entry.get("link"), dropped), _checked("title", entry.get("title"), dropped)
    author = _checked("author", entry.get("author"), dropped)
    return FeedEntry(
        link=link,
        title=title,
        published=published,
        # dict.get: feedparser's own get maps a missing "updated" to "published" with a warning
        updated=storable(dict.get(entry, "updated") or dict.get(entry, "published") or "") or None,
        authors=(author,) if author else (),
        body=max(contents, key=len) if contents else storable(entry.get("summary", "")),
        dropped=tuple(dropped),
    )


def _checked(key: str, value: str | None, dropped: list[str]) -> str | None:
    if not value:
        return None
    try:
        return check_url(value) if key == "url" else check_text_field(key)(value)
    except ValueError as exc:
        dropped.append(f"dropped '{key}': {exc}")
        return None


def read_feed(source: str, data: bytes, hints: Hints) -> Iterator[RawDocument | Failure | Notice]:
    """Entries carry the page's HTML in content or summary; a broken feed yields what parsed,
    and one Failure when nothing did."""
    feed = parse_feed(data)
    if not feed.entries:
        yield Failure(source, f"not a readable RSS/Atom feed: {feed.problem or 'no entries'}")
        return
    for n, entry in enumerate(feed.entries, 1):
        where = f"{source}#{entry.link or n}"
        yield from (Notice(where, why) for why in entry.dropped)
        yield entry_document(where, entry, feed, hints)


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
