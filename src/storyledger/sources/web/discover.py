"""What an HTML page says about itself: its canonical URL and the feeds it advertises."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree, html

from storyledger.sources.web.urls import BadURL, normalise

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml"}


@dataclass(frozen=True, slots=True)
class PageLinks:
    canonical: str | None
    feeds: list[str]


def page_links(body: bytes, base: str) -> PageLinks:
    """``<link rel="canonical">`` and ``<link rel="alternate" type="application/rss+xml">``, made absolute."""
    try:
        tree = html.document_fromstring(body)
    except (etree.ParserError, ValueError):
        return PageLinks(None, [])
    canonical, feeds = None, []
    for link in tree.iter("link"):
        rel = {r.lower() for r in (link.get("rel") or "").split()}
        href = (link.get("href") or "").strip()
        if not href:
            continue
        try:
            url = normalise(href, base=base)
        except BadURL:
            continue
        if "canonical" in rel and canonical is None:
            canonical = url
        elif "alternate" in rel and (link.get("type") or "").lower().strip() in FEED_TYPES and url not in feeds:
            feeds.append(url)
    return PageLinks(canonical, feeds)
