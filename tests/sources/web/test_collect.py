"""Collection runs against the made-up outlet on 127.0.0.1: what is handed on, what is remembered,
what is named in the errors, and that nothing is fetched twice or lost between runs."""

from __future__ import annotations

import gzip
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from storyledger.errors import Failure
from storyledger.records import RawDocument
from storyledger.sources.web import Collector, Fetcher, MemoryState, PageStatus, Rechecks, Source, Step
from storyledger.sources.web.collect import Event
from tests.sources.web.conftest import TEST_SETTINGS
from tests.sources.web.site import FakeClock, Reply, Site, publish

VOTE, PLEDGE, SUBSIDY = "/news/council-vote.html", "/news/tidewell-pledge.html", "/news/no-subsidy.html"


def _run(site: Site, clock: FakeClock, state: MemoryState, *paths: str, **options: object) -> tuple[list, Collector]:
    with Fetcher(TEST_SETTINGS, clock=clock) as fetcher:
        collector = Collector(fetcher, state, **options)
        items = list(collector.run([Source(site.url(p)) for p in paths]))
    return items, collector


def _docs(items: list) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def _article_hits(site: Site) -> list[str]:
    return [p for p in site.paths() if p.startswith("/news/")]


def test_a_feed_that_gains_entries_between_polls(site: Site, clock: FakeClock) -> None:
    state = MemoryState()
    publish(site, "day1")
    items, collector = _run(site, clock, state, "/feed.xml")
    docs = _docs(items)
    # Oldest first, whatever order the feed lists them in; tracking parameters gone from the URLs.
    assert [d.source for d in docs] == [site.url(VOTE), site.url(PLEDGE)]
    vote = docs[0]
    assert vote.hints.url == vote.hints.final_url == site.url(VOTE)
    assert vote.fetched_at == clock.utc() and vote.hints.format == "html"
    assert b"seven to two" in vote.data
    assert collector.summary.kinds == {site.url("/feed.xml"): "feed"}
    counts = collector.summary.counts[site.url("/feed.xml")]
    assert (counts.listed, counts.queued, counts.handed, counts.failed) == (2, 2, 2, 0)

    clock.advance(24 * 3600)
    publish(site, "day2")
    site.hits.clear()
    items, _ = _run(site, clock, state, "/feed.xml")
    # The new article, and the corrected one (its entry's <updated> changed); the unchanged one is
    # not fetched again, even though a check for edits is due: a conditional GET answers 304.
    assert [d.source for d in _docs(items)] == [site.url(SUBSIDY), site.url(VOTE)]
    assert b"six to three" in _docs(items)[1].data
    assert sorted(site.paths(200)) == ["/feed.xml", VOTE, SUBSIDY]
    assert site.paths(304) == [PLEDGE]


def test_polling_an_unchanged_feed_twice_fetches_nothing_the_second_time(site: Site, clock: FakeClock) -> None:
    state = MemoryState()
    publish(site, "day1")
    _run(site, clock, state, "/feed.xml")
    site.hits.clear()
    items, collector = _run(site, clock, state, "/feed.xml")
    assert items == []
    assert [(h.path, h.status) for h in site.hits] == [("/feed.xml", 304)]  # robots.txt remembered too
    assert site.hits[0].headers["If-None-Match"] == site.routes["/feed.xml"].etag


def test_duplicate_urls_with_tracking_parameters_are_fetched_once(site: Site, clock: FakeClock) -> None:
    site.routes["/rss"] = Reply(content_type="application/rss+xml", body=b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Herald</title>
<item><title>Vote</title><link>/news/vote?utm_source=rss&amp;utm_campaign=morning</link></item>
<item><title>Vote</title><link>/news/vote?fbclid=IwAR0x#comments</link></item>
<item><title>Vote</title><link>/news/vote</link></item>
</channel></rss>""")
    site.routes["/atom"] = Reply(content_type="application/atom+xml", body=b"""<feed xmlns="http://www.w3.org/2005/Atom">
<title>Herald</title><entry><title>Vote</title><link href="/news/vote?gclid=abc"/></entry></feed>""")
    site.routes["/news/vote"] = Reply(body=b"<html><body><p>The council voted.</p></body></html>")
    items, collector = _run(site, clock, MemoryState(), "/rss", "/atom")
    assert [d.source for d in _docs(items)] == [site.url("/news/vote")]
    assert _article_hits(site) == ["/news/vote"]
    assert collector.summary.counts[site.url("/rss")].listed == 1
    assert collector.summary.counts[site.url("/atom")].queued == 0


def test_a_page_known_under_its_canonical_url_is_a_duplicate_not_a_version(site: Site, clock: FakeClock) -> None:
    page = b'<html><head><link rel="canonical" href="/news/vote"></head><body><p>The council voted.</p></body></html>'
    site.routes["/news/vote"] = Reply(body=page)
    site.routes["/amp/news/vote"] = Reply(body=page.replace(b"<p>", b"<p class=amp>"))
    state = MemoryState()
    _run(site, clock, state, "/news/vote")
    items, collector = _run(site, clock, state, "/amp/news/vote")
    assert _docs(items) == []
    assert state.page(site.url("/amp/news/vote")).status is PageStatus.DUPLICATE
    assert collector.summary.counts[site.url("/amp/news/vote")].duplicates == 1


def test_a_page_whose_text_changes_is_handed_on_again_as_a_new_version(site: Site, clock: FakeClock) -> None:
    state = MemoryState()
    publish(site, "day1")
    _run(site, clock, state, "/feed.xml")
    site.routes["/news/council-vote.html"] = replace(
        site.routes["/news/council-vote.html"], body=(site.routes[VOTE].body.replace(b"seven to two", b"six to three")),
        etag='"v2"')
    site.hits.clear()
    early, _ = _run(site, clock, state, "/feed.xml")
    assert early == [] and _article_hits(site) == []  # not due yet: no check an instant later

    clock.advance(3600)
    items, collector = _run(site, clock, state, "/feed.xml")
    (doc,) = _docs(items)
    assert doc.source == doc.hints.url == site.url(VOTE) and b"six to three" in doc.data
    assert collector.summary.counts[site.url("/feed.xml")].unchanged == 2  # the feed and the other article
    page = state.page(site.url(VOTE))
    assert page.validators.etag == '"v2"'
    # The next check waits as long again as the article's age: an hour after an hour-old article.
    assert page.next_check - page.fetched_at == page.fetched_at - page.first_seen >= timedelta(hours=1)


def test_a_followed_page_is_asked_for_every_run_and_handed_on_when_it_changes(site: Site, clock: FakeClock) -> None:
    site.routes["/live"] = Reply(body=b"<html><body><p>09:00 Talks begin.</p></body></html>", etag='"1"')
    state = MemoryState()
    first, collector = _run(site, clock, state, "/live")
    assert [d.source for d in _docs(first)] == [site.url("/live")]
    assert collector.summary.kinds == {site.url("/live"): "page"}
    assert _docs(_run(site, clock, state, "/live")[0]) == []
    site.routes["/live"] = Reply(body=b"<html><body><p>09:00 Talks begin.</p><p>11:00 Deal.</p></body></html>",
                                 etag='"2"')
    (changed,) = _docs(_run(site, clock, state, "/live")[0])
    assert b"Deal" in changed.data
    assert [h.status for h in site.hits if h.path == "/live"] == [200, 304, 200]


def test_a_stopped_run_resumes_without_fetching_again_what_was_handed_on(site: Site, clock: FakeClock) -> None:
    publish(site, "day1")
    publish(site, "day2")  # three articles listed
    state = MemoryState()
    with Fetcher(TEST_SETTINGS, clock=clock) as fetcher:
        run = Collector(fetcher, state).run([Source(site.url("/feed.xml"))])
        first, second = next(run), next(run)  # asking for the second says the first was stored
        run.close()  # Ctrl-C while the second was being stored
    assert (first.source, second.source) == (site.url(VOTE), site.url(PLEDGE))
    assert state.page(site.url(VOTE)).status is PageStatus.STORED
    assert state.page(site.url(PLEDGE)).status is PageStatus.PENDING
    site.hits.clear()
    items, _ = _run(site, clock, state, "/feed.xml")
    assert [d.source for d in _docs(items)] == [site.url(PLEDGE), site.url(SUBSIDY)]
    assert VOTE not in site.paths() and site.paths(304) == ["/feed.xml"]


def test_a_failing_source_never_stops_the_others(site: Site, clock: FakeClock) -> None:
    publish(site, "day1")
    site.routes["/down.xml"] = Reply(500, b"oops")
    site.routes["/junk.xml"] = Reply(body=b"\x00\x01 not a feed at all", content_type="application/rss+xml")
    site.routes["/cut.xml"] = Reply(content_type="application/rss+xml", body=b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Herald</title>
<item><title>Pledge</title><link>/news/tidewell-pledge.html</link></item>
<item><title>Vote</title><link>/news/council-v""")
    events: list[Event] = []
    items, collector = _run(site, clock, MemoryState(), "/down.xml", "/junk.xml", "/cut.xml", "/feed.xml",
                            on_event=events.append)
    failures = [i for i in items if isinstance(i, Failure)]
    assert [f.source for f in failures] == [site.url("/down.xml"), site.url("/cut.xml"), site.url("/cut.xml#2")]
    assert failures[0].reason == "HTTP 500 Internal Server Error (after 3 attempts)"
    assert failures[1].reason.startswith("feed is not well-formed (") and failures[1].reason.endswith(
        "): kept the 2 entries read")
    assert failures[2].reason == "feed entry has no content or summary"  # the cut entry lost its link
    assert collector.summary.kinds[site.url("/junk.xml")] == "page"  # no feed root: read as a page
    assert sorted(d.source for d in _docs(items)) == sorted(
        [site.url("/junk.xml"), site.url(VOTE), site.url(PLEDGE)])
    assert sorted(_article_hits(site)) == [VOTE, PLEDGE]
    assert (Step.FAILED, site.url("/down.xml")) in [(e.step, e.url) for e in events]


def test_robots_txt_keeps_listed_pages_out_and_they_are_not_asked_again(site: Site, clock: FakeClock) -> None:
    publish(site, "day1")
    site.routes["/robots.txt"] = Reply(body=b"User-agent: storyledger\nDisallow: /news/council\n",
                                       content_type="text/plain")
    state = MemoryState()
    items, _ = _run(site, clock, state, "/feed.xml")
    assert [i for i in items if isinstance(i, Failure)] == [
        Failure(site.url(VOTE), f"disallowed by {site.url('')}/robots.txt")]
    assert _article_hits(site) == [PLEDGE]
    assert state.page(site.url(VOTE)).status is PageStatus.FAILED
    clock.advance(3600)
    site.hits.clear()
    _run(site, clock, state, "/feed.xml")
    assert VOTE not in site.paths()


def test_a_transient_error_leaves_the_page_queued_for_the_next_run(site: Site, clock: FakeClock) -> None:
    publish(site, "day1")
    vote = site.routes[VOTE]
    site.routes[VOTE] = Reply(503, headers={"Retry-After": "3600"})
    state = MemoryState()
    items, _ = _run(site, clock, state, "/feed.xml")
    assert [f.source for f in items if isinstance(f, Failure)] == [site.url(VOTE)]
    assert state.page(site.url(VOTE)).status is PageStatus.PENDING
    site.routes[VOTE] = vote
    items, _ = _run(site, clock, state, "/feed.xml")
    assert [d.source for d in _docs(items)] == [site.url(VOTE)]


def test_a_sitemap_index_of_sitemaps(site: Site, clock: FakeClock) -> None:
    publish(site, "day1")
    publish(site, "day2")
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    news = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
    base = site.url("")
    site.routes["/sitemap.xml"] = Reply(content_type="application/xml", body=f"""<?xml version="1.0"?>
<sitemapindex {ns}><sitemap><loc>{base}/sitemap-news.xml</loc></sitemap>
<sitemap><loc>{base}/sitemap-2025-06.xml.gz</loc></sitemap></sitemapindex>""".encode(), etag='"i1"')
    site.routes["/sitemap-news.xml"] = Reply(content_type="application/xml", body=f"""<?xml version="1.0"?>
<urlset {ns} {news}><url><loc>{base}{SUBSIDY}</loc><news:news><news:publication><news:name>The Kestrel Bay Herald</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2025-06-04T11:15:00Z</news:publication_date><news:title>Mayor rules out public money
</news:title></news:news></url></urlset>""".encode(), etag='"n1"')
    site.routes["/sitemap-2025-06.xml.gz"] = Reply(content_type="application/x-gzip", body=gzip.compress(f"""<?xml
version="1.0"?><urlset {ns}><url><loc>{base}{VOTE}</loc><lastmod>2025-06-03</lastmod></url>
<url><loc>{base}{SUBSIDY}</loc></url></urlset>""".encode()), etag='"m1"')
    state = MemoryState()
    items, collector = _run(site, clock, state, "/sitemap.xml")
    docs = _docs(items)
    assert [i for i in items if isinstance(i, Failure)] == []
    assert [d.source for d in docs] == [site.url(VOTE), site.url(SUBSIDY)]  # by listed date
    assert docs[1].hints.outlet == "The Kestrel Bay Herald"
    assert collector.summary.kinds == {site.url("/sitemap.xml"): "sitemap"}
    assert collector.summary.counts[site.url("/sitemap.xml")].listed == 3
    assert sorted(_article_hits(site)) == [VOTE, SUBSIDY]
    # Next run: the index is read again (its children may change while it does not), each child
    # is asked for with its own conditional GET.
    site.hits.clear()
    items, _ = _run(site, clock, state, "/sitemap.xml")
    assert items == []
    hits = [(h.path, h.status) for h in site.hits]
    assert hits[0] == ("/sitemap.xml", 200)
    assert sorted(hits[1:]) == [("/sitemap-2025-06.xml.gz", 304), ("/sitemap-news.xml", 304)]


def test_since_skips_entries_listed_before_it(site: Site, clock: FakeClock) -> None:
    publish(site, "day1")
    publish(site, "day2")
    state = MemoryState()
    items, _ = _run(site, clock, state, "/feed.xml", since=datetime(2025, 6, 3, tzinfo=timezone.utc))
    assert [d.source for d in _docs(items)] == [site.url(SUBSIDY)]
    assert state.page(site.url(VOTE)) is None  # not recorded: a later run without --since still gets it


def test_requests_to_one_host_are_capped_and_spaced(site: Site, clock: FakeClock) -> None:
    links = "".join(f"<item><link>/news/{n}</link></item>" for n in range(6))
    site.routes["/rss"] = Reply(content_type="application/rss+xml",
                                body=f"<rss><channel><title>H</title>{links}</channel></rss>".encode())
    for n in range(6):
        site.routes[f"/news/{n}"] = Reply(body=b"<p>text</p>", stall=0.05)
    started = clock.now
    items, _ = _run(site, clock, MemoryState(), "/rss")
    assert len(_docs(items)) == 6
    assert site.most_in_flight == TEST_SETTINGS.per_host == 2
    assert clock.now - started >= 7 * TEST_SETTINGS.host_delay  # robots, feed and 6 pages, a second apart


def test_checks_for_edits_come_at_growing_intervals_for_three_days() -> None:
    first_seen = now = datetime(2025, 6, 2, 9, 0, tzinfo=timezone.utc)
    ages = []
    while (due := Rechecks().next(first_seen, now)) is not None:
        ages.append((due - first_seen) / timedelta(hours=1))
        now = due
    assert ages == [1, 2, 4, 8, 16, 32, 64]
