"""HTML pages: body from trafilatura checked against the page's own JSON-LD articleBody;
metadata from JSON-LD, OpenGraph, meta tags and the visible headline, trafilatura's as fallback."""

from __future__ import annotations

from lxml.etree import strip_tags
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.metadata import extract_metadata
from trafilatura.settings import Document
from trafilatura.utils import load_html

from storyledger.extract.bylines import normalise
from storyledger.extract.dates import publication_date
from storyledger.extract.fields import ExtractedFields
from storyledger.extract.metadata import byline_texts, clean, parse_date, read_metadata
from storyledger.extract.shingles import shingles
from storyledger.extract.titles import choose_title, strip_site
from storyledger.records import DateSource

# A main-extractor body shorter than this is checked against readability and jusText.
_MIN_FAST_CHARS = 1500
# Below this the precision settings found next to nothing: trafilatura's own settings are tried.
_MIN_PRECISE_CHARS = 200
# Above this share of a page's text in links, the page is a list of links, not an article.
_MAX_LINK_SHARE = 0.5
# A declared articleBody shorter than this is a teaser, not the article.
_MIN_DECLARED_BODY = 500
# The extractor's body must cover this share of the declared body to be the same article...
_MIN_COVERAGE = 0.5
# ...and be at most this many times longer, or it swept in other stories (live blogs, listings).
_MAX_GROWTH = 3


def extract_html(html: str, url: str | None = None) -> ExtractedFields:
    tree = load_html(html)
    if tree is None:
        return ExtractedFields(text="")
    meta = read_metadata(tree)
    url = url or _canonical_url(tree, meta.meta)
    outlets = (meta.site_name, meta.publisher)
    title = choose_title(meta.h1, [meta.og_title, meta.headline, meta.doc_title], outlets)
    # Page-level reads come first: trafilatura prunes lists and comments from the tree it is given.
    authors = (
        normalise(meta.authors, outlets)
        or normalise(meta.meta_authors, outlets)
        or [n for n in normalise(byline_texts(tree), outlets) if " " in n]  # a lone word is a label, not a name
    )
    published = publication_date(tree, url, meta.json_ld_published, meta.meta)
    _unwrap_inline(tree)
    doc = _extract_body(tree, url)
    extracted = "\n\n".join(p.strip() for p in (doc.text or "").split("\n") if p.strip()) if doc else ""
    text = _without_headline(_reconcile(extracted, meta.article_body), title)
    if not text:
        return ExtractedFields(text="")
    site = meta.site_name or meta.publisher
    if published is None or not authors or title is None:
        # trafilatura's own metadata search (bylines in the page, htmldate) is slower: only when needed.
        found = extract_metadata(tree, url)
        outlets = (site, found.sitename)
        title = title or (strip_site(found.title, outlets) if found.title else None)
        text = _without_headline(text, title)
        authors = authors or normalise((found.author or "").split(";"), outlets)
        published = published or parse_date(found.date)
        site = site or found.sitename
    return ExtractedFields(
        text=text,
        title=title,
        authors=authors,
        published=published,
        published_source=DateSource.METADATA if published else DateSource.UNKNOWN,
        outlet=clean(site),
        url=url,
        language=None,
    )


def _canonical_url(tree: HtmlElement, meta: dict[str, str]) -> str | None:
    """The address a saved page names for itself, when the caller gave none: it dates and places the story."""
    for found in (*tree.xpath("//link[@rel='canonical']/@href"), meta.get("og:url")):
        if found and found.strip().startswith(("http://", "https://")):
            return found.strip()
    return None


# Inline wrappers with no meaning of their own; trafilatura's precision rules drop some of them by class
# ("link") or style ("border") with every word inside, though they sit inside a sentence.
_INLINE_WRAPPERS = ("span", "font")


def _unwrap_inline(tree: HtmlElement) -> None:
    """Inside a paragraph, span and font tags are dissolved into the paragraph's text, so no rule can take the
    words of a link or an emphasis out of the middle of a sentence (a quote read from it would be a misquote)."""
    for paragraph in tree.iter("p", "blockquote"):
        strip_tags(paragraph, *_INLINE_WRAPPERS)


def _extract_body(tree: HtmlElement, url: str | None) -> Document | None:
    """trafilatura's main extractor alone first, favouring precision; its comparison with readability and
    jusText (a third of its time) only when the main extractor found little. On naeb this keeps body F1 at
    0.939 and extracts about half again as many pages per second. Pages laid out in tables, and pages where
    those passes find next to nothing, get trafilatura's own settings instead: on the five public sets
    (2007-2013 pages, many in table layouts) the precision passes lost 0.005-0.3 of body F1 there."""
    if _table_layout(tree):
        return bare_extraction(tree, url=url, include_comments=False)
    options = {"url": url, "include_comments": False, "include_tables": False, "favor_precision": True}
    doc = bare_extraction(tree, fast=True, **options)
    if doc is None or len(doc.text or "") < _MIN_FAST_CHARS:
        doc = bare_extraction(tree, **options)
    if (doc is None or len(doc.text or "") < _MIN_PRECISE_CHARS) and not _mostly_links(tree):
        doc = bare_extraction(tree, url=url, include_comments=False)
    return doc


def _mostly_links(tree: HtmlElement) -> bool:
    """A page whose text is mostly link text is a list of links (a front page, an index): trafilatura's own
    settings would keep the list as the article, where the precision passes rightly found none."""
    text = sum(len(t.strip()) for t in tree.xpath("//body//text()"))
    linked = sum(len(t.strip()) for t in tree.xpath("//body//a//text()"))
    return text > 0 and linked > _MAX_LINK_SHARE * text


def _table_layout(tree: HtmlElement) -> bool:
    """A page built of table cells rather than blocks (the web before CSS layout): its text sits in cells
    that the precision settings, which leave tables out, would drop."""
    cells = sum(1 for _ in tree.iter("td"))
    return cells > 0 and cells > sum(1 for _ in tree.iter("div"))


def _reconcile(extracted: str, declared: str | None) -> str:
    """Prefer the publisher's declared body when the extractor found another text or far more."""
    if not declared or len(declared) < _MIN_DECLARED_BODY:
        return extracted
    mine, theirs = shingles(extracted), shingles(declared)
    total = sum(theirs.values())
    coverage = sum((mine & theirs).values()) / total if total else 0.0
    if coverage < _MIN_COVERAGE or len(extracted) > _MAX_GROWTH * len(declared):
        return declared
    return extracted



def _without_headline(text: str, title: str | None) -> str:
    """The body does not start with the headline the extractor picked up from the <h1>."""
    first, _, rest = text.partition("\n\n")
    if title and rest and " ".join(first.casefold().split()) == " ".join(title.casefold().split()):
        return rest
    return text
