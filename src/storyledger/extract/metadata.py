"""What a page says about itself: schema.org JSON-LD, OpenGraph and meta tags, the visible headline.

extruct reads the JSON-LD (it copes with the comments and stray markup publishers leave in it);
the rest are plain lookups on the parsed tree.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from extruct.jsonld import JsonLdExtractor
from lxml.html import HtmlElement

from storyledger.extract.datelines import find_date

_ARTICLE_TYPE = re.compile(r"article|posting|report|blog|webpage", re.I)
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]+>")
_NESTED = ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement")


@dataclass(slots=True)
class PageMetadata:
    headline: str | None = None  # JSON-LD headline
    og_title: str | None = None
    doc_title: str | None = None  # <title>
    h1: list[str] = field(default_factory=list)
    site_name: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)  # JSON-LD author names
    meta_authors: list[str] = field(default_factory=list)  # <meta name=author> and kin
    published: date | None = None
    json_ld_published: str | None = None  # as written: its time zone tells the publisher's day apart from UTC
    meta: dict[str, str] = field(default_factory=dict)  # every <meta> key (lower case) to its first content
    article_body: str | None = None  # JSON-LD articleBody, unescaped


def clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = _SPACE.sub(" ", _TAG.sub(" ", htmllib.unescape(value))).strip()
    return text or None


def _walk(items: Any) -> Iterator[dict[str, Any]]:
    stack = [items]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            stack.extend(item[k] for k in _NESTED if isinstance(item.get(k), list | dict))


def _types(item: dict[str, Any]) -> str:
    kind = item.get("@type")
    return " ".join(str(k) for k in kind) if isinstance(kind, list) else str(kind or "")


def _names(value: Any) -> list[str]:
    out: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.append(item.get("name"))
        elif (name := clean(item)) and not name.startswith("http"):
            out.append(name)
    return out


@dataclass(frozen=True, slots=True)
class Stamp:
    """A timestamp's day as the publisher wrote it (its own time zone) and, when it was written in UTC,
    the instant: the publisher's own day may then be the one before or after."""

    day: date
    utc: datetime | None = None  # naive, in UTC


def parse_stamp(value: Any) -> Stamp | None:
    """ISO 8601 ("2023-12-21T22:00:00-05:00"), RFC 2822 ("Thu, 21 Dec 2023 09:45:16 PST"), or a date
    written out ("Monday, February 12, 2024, 07:00 PM"), as publishers fill their metadata."""
    if not isinstance(value, str) or len(value.strip()) < 10:
        return None
    text = value.strip()
    moment = _moment(text)
    if moment is None:
        day = _iso_day(text[:10]) or find_date(text)
        return Stamp(day) if day else None
    utc = moment.replace(tzinfo=None) if moment.utcoffset() == timedelta(0) else None
    return Stamp(moment.date(), utc)


def _moment(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _iso_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse_date(value: Any) -> date | None:
    """The day as the publisher wrote it (its own time zone), from a timestamp."""
    stamp = parse_stamp(value)
    return stamp.day if stamp else None


def _article(items: list[Any]) -> dict[str, Any]:
    """The first article-like JSON-LD object; a page may also describe its site, breadcrumbs, videos."""
    candidates = [i for i in _walk(items) if _ARTICLE_TYPE.search(_types(i))]
    for item in candidates:
        if "headline" in item or "articleBody" in item:
            return item
    return candidates[0] if candidates else {}


def _json_authors(items: list[Any], article: dict[str, Any]) -> list[str]:
    """The article's authors; else those of another article-like object (pages often describe the story twice)."""
    names = _names(article.get("author"))
    if names:
        return names
    for item in _walk(items):
        if _ARTICLE_TYPE.search(_types(item)) and (names := _names(item.get("author"))):
            return names
    return []


# Visible bylines: rel=author links, itemprop=author, and elements whose class names a byline or author.
_BYLINE_XPATH = (
    "//*[@rel='author' or @itemprop='author' or contains(translate(@class,'BYLINE','byline'),'byline')"
    " or contains(translate(@class,'AUTHOR','author'),'author')]"
)
_MAX_BYLINE_CHARS = 80


def byline_texts(tree: HtmlElement) -> list[str]:
    """The first byline element holding no other: the innermost one names the person, its container adds the outlet.

    A search over every element, so callers ask only when the structured sources name nobody."""
    found: list[str] = []
    nodes = [n for n in tree.xpath(_BYLINE_XPATH)[:30] if n.tag not in ("script", "style", "meta", "img", "body", "html")]
    inner = {a for n in nodes for a in n.iterancestors()}
    for node in nodes:
        if node in inner:
            continue
        text = clean(node.text_content())
        if text and len(text) <= _MAX_BYLINE_CHARS:
            found.append(text)
            break
    return found


def _meta(tree: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.iterfind(".//meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        content = node.get("content")
        if key and content and key not in found:
            found[key] = content
    return found


def read_metadata(tree: HtmlElement) -> PageMetadata:
    try:
        items = JsonLdExtractor().extract_items(tree)
    except Exception:  # extruct raises whatever its JSON parsers raise on broken markup
        items = []
    article = _article(items)
    meta = _meta(tree)
    publisher = next(iter(_names(article.get("publisher"))), None)
    titles = tree.xpath("//title")
    body = article.get("articleBody")
    return PageMetadata(
        headline=clean(article.get("headline")),
        og_title=clean(meta.get("og:title")),
        doc_title=clean(titles[0].text_content()) if titles else None,
        h1=[t for h in tree.xpath("//h1") if (t := clean(h.text_content()))],
        site_name=clean(meta.get("og:site_name")),
        publisher=publisher,
        authors=_json_authors(items, article),
        meta_authors=[a for k in ("author", "parsely-author", "sailthru.author", "dc.creator") if (a := clean(meta.get(k)))],
        published=parse_date(article.get("datePublished")) or parse_date(meta.get("article:published_time")),
        json_ld_published=clean(article.get("datePublished")),
        meta=meta,
        article_body=_paragraphs(body) if isinstance(body, str) else None,
    )


def _paragraphs(body: str) -> str | None:
    text = _TAG.sub("\n", htmllib.unescape(body).replace("\r", ""))
    lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return "\n\n".join(line for line in lines if line) or None
