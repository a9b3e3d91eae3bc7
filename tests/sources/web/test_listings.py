"""Feeds and sitemaps read from fetched bytes: what kind a body is, what it lists, what was wrong."""

from __future__ import annotations

import gzip
import time
from datetime import date

import pytest

from storyledger.errors import Failure
from storyledger.sources.web.discover import page_links
from storyledger.sources.web.listings import Entry, Kind, Listing, read_listing, sniff
from tests.sources.web.site import DEMO_SITE

CAP = 50 << 20
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


@pytest.mark.parametrize(("body", "content_type", "kind"), [
    (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "text/html", Kind.FEED),  # mislabelled
    (b'\xef\xbb\xbf<?xml version="1.0"?><!-- generated --><feed xmlns="http://www.w3.org/2005/Atom">', "", Kind.FEED),
    (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "application/xml", Kind.FEED),
    (f"<urlset {NS}>".encode(), "text/xml", Kind.SITEMAP),
    (f"<sitemapindex {NS}>".encode(), "application/xml", Kind.SITEMAP),
    (gzip.compress(f"<urlset {NS}/>".encode()), "application/octet-stream", Kind.SITEMAP),
    (b"https://news.example/a\nhttps://news.example/b\n", "text/plain", Kind.SITEMAP),
    (b"<!DOCTYPE html><html><head><title>Vote</title>", "text/html", Kind.PAGE),
    (b"Dockers voted on Monday to end the strike.", "text/plain", Kind.PAGE),
])
def test_sniff_by_root_element(body: bytes, content_type: str, kind: Kind) -> None:
    assert sniff(body, content_type) is kind


def test_the_demo_feed_lists_its_articles_without_tracking_parameters() -> None:
    url = "http://herald.example/desal/feed.xml"
    listing = read_listing(url, (DEMO_SITE / "day2" / "feed.xml").read_bytes(), Kind.FEED, CAP)
    assert isinstance(listing, Listing) and listing.problems == []
    assert [(e.url, e.stamp, e.listed) for e in listing.entries] == [
        ("http://herald.example/desal/news/no-subsidy.html", "2025-06-04T11:15:00Z", date(2025, 6, 4)),
        ("http://herald.example/desal/news/tidewell-pledge.html", "2025-06-02T17:30:00Z", date(2025, 6, 2)),
        ("http://herald.example/desal/news/council-vote.html", "2025-06-03T08:40:00Z", date(2025, 6, 2)),
    ]


@pytest.mark.parametrize(("body", "reason"), [
    (b"", "not a readable RSS/Atom feed: no entries"),
    (b"<html><body>Subscribe!</body></html>", "not a readable RSS/Atom feed: no entries"),
    (b"<rss><channel><title>Empty</title></channel></rss>", "not a readable RSS/Atom feed: no entries"),
])
def test_feeds_with_nothing_in_them_fail_by_name(body: bytes, reason: str) -> None:
    assert read_listing("http://h.example/f", body, Kind.FEED, CAP) == Failure("http://h.example/f", reason)


def test_a_feed_declaring_entities_is_refused_at_once() -> None:
    levels = "".join(f'<!ENTITY l{n} "{("&l%d;" % (n - 1)) * 10}">' for n in range(1, 10))
    body = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">{levels}'
            '<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&l9;&x;</title>'
            "<item><link>http://h.example/a</link></item></channel></rss>").encode()
    started = time.monotonic()
    assert read_listing("http://h.example/f", body, Kind.FEED, CAP) == Failure(
        "http://h.example/f", "feed declares XML entities: not read")
    assert time.monotonic() - started < 0.1
    rss091 = (b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
              b'"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>T</title>'
              b"<item><title>A</title><link>http://h.example/a</link></item></channel></rss>")
    assert [e.url for e in read_listing("http://h.example/f", rss091, Kind.FEED, CAP).entries] == ["http://h.example/a"]


def test_a_news_sitemap_gives_dates_and_the_publication() -> None:
    body = f"""<?xml version="1.0" encoding="UTF-8"?><urlset {NS}
    xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
    <url><loc>https://herald.example/news/no-subsidy.html?utm_source=sitemap</loc>
      <lastmod>2025-06-04T12:00:00Z</lastmod>
      <news:news><news:publication><news:name>The Kestrel Bay Herald</news:name><news:language>en</news:language>
      </news:publication><news:publication_date>2025-06-04T11:15:00Z</news:publication_date>
      <news:title>Mayor rules out public money</news:title></news:news></url>
    <url><loc>https://herald.example/news/council-vote.html</loc></url>
    </urlset>""".encode()
    listing = read_listing("https://herald.example/sitemap-news.xml", body, Kind.SITEMAP, CAP)
    assert listing.entries == [
        Entry("https://herald.example/news/no-subsidy.html", "2025-06-04T12:00:00+00:00", date(2025, 6, 4),
              "The Kestrel Bay Herald"),
        Entry("https://herald.example/news/council-vote.html"),
    ]


def test_a_cut_sitemap_keeps_what_was_read_and_says_so() -> None:
    body = f'<urlset {NS}><url><loc>https://h.example/a</loc></url><url><loc>https://h.example/'.encode()
    listing = read_listing("https://h.example/s.xml", body, Kind.SITEMAP, CAP)
    assert [e.url for e in listing.entries] == ["https://h.example/a"]
    assert listing.problems == ["sitemap read in part: no element found: line 1, column 129"]


def test_a_gzipped_sitemap_index_lists_its_children_and_a_doctype_is_refused() -> None:
    index = f"<sitemapindex {NS}><sitemap><loc>https://h.example/s1.xml</loc></sitemap></sitemapindex>"
    listing = read_listing("https://h.example/i.xml.gz", gzip.compress(index.encode()), Kind.SITEMAP, CAP)
    assert (listing.sitemaps, listing.entries) == (["https://h.example/s1.xml"], [])
    refused = read_listing("https://h.example/s.xml", f'<!DOCTYPE x [<!ENTITY a "b">]><urlset {NS}/>'.encode(),
                           Kind.SITEMAP, CAP)
    assert isinstance(refused, Failure) and "DOCTYPE" in refused.reason
    bomb = read_listing("https://h.example/s.xml.gz", gzip.compress(b" " * (2 << 20)), Kind.SITEMAP, 1 << 20)
    assert bomb == Failure("https://h.example/s.xml.gz", "sitemap file: body decompresses to more than 1 MB, the limit")


def test_page_links_give_the_canonical_url_and_advertised_feeds() -> None:
    body = b"""<html><head><link rel="canonical" href="/news/vote?utm_source=x">
    <link rel="alternate" type="application/rss+xml" href="/feeds/politics.rss">
    <link rel="alternate" type="application/atom+xml" href="https://herald.example/atom.xml">
    <link rel="alternate" hreflang="fr" href="/fr/news/vote"></head><body></body></html>"""
    links = page_links(body, "https://herald.example/amp/news/vote")
    assert links.canonical == "https://herald.example/news/vote"
    assert links.feeds == ["https://herald.example/feeds/politics.rss", "https://herald.example/atom.xml"]
