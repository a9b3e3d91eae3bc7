"""The fetcher against a live server on 127.0.0.1: what comes back, what is named in the errors,
and what the server saw (how many requests, with which headers)."""

from __future__ import annotations

import gzip
from dataclasses import replace

import pytest

from storyledger.sources.web import guard
from storyledger.sources.web.fetch import Fetched, Fetcher, FetchError, Validators
from tests.sources.web.conftest import TEST_SETTINGS
from tests.sources.web.site import FakeClock, Reply, Site

PAGE = b"<html><head><title>Ferry talks resume</title></head><body><p>Talks resumed on Monday.</p></body></html>"


def _fetcher(clock: FakeClock, **changes: object) -> Fetcher:
    return Fetcher(replace(TEST_SETTINGS, **changes), clock=clock)


def test_a_page_is_fetched_once_with_our_user_agent_after_robots(site: Site, clock: FakeClock) -> None:
    site.routes["/news/ferry"] = Reply(body=PAGE, etag='"v1"')
    with _fetcher(clock) as fetcher:
        got = fetcher.fetch(site.url("/news/ferry?utm_source=rss#top"))
    assert isinstance(got, Fetched)
    assert (got.status, got.body, got.content_type) == (200, PAGE, "text/html")
    assert got.final_url == site.url("/news/ferry")
    assert got.validators == Validators('"v1"', None)
    assert got.fetched_at == clock.utc()
    assert site.paths() == ["/robots.txt", "/news/ferry"]  # tracking parameters never reach the server
    assert {h.headers["User-Agent"] for h in site.hits} == {"storyledger/test"}


def test_conditional_get_returns_304_without_a_body(site: Site, clock: FakeClock) -> None:
    site.routes["/feed.xml"] = Reply(body=b"<rss/>", etag='"abc"', last_modified="Mon, 04 Mar 2024 10:00:00 GMT")
    with _fetcher(clock) as fetcher:
        first = fetcher.fetch(site.url("/feed.xml"))
        assert isinstance(first, Fetched)
        again = fetcher.fetch(site.url("/feed.xml"), first.validators)
    assert isinstance(again, Fetched) and again.not_modified and again.body == b""
    assert site.hits[-1].headers["If-None-Match"] == '"abc"'
    assert site.hits[-1].headers["If-Modified-Since"] == "Mon, 04 Mar 2024 10:00:00 GMT"
    assert site.paths(304) == ["/feed.xml"]


def test_redirects_are_followed_hop_by_hop_to_the_final_url(site: Site, clock: FakeClock) -> None:
    site.routes["/old"] = Reply(301, headers={"Location": "/middle"})
    site.routes["/middle"] = Reply(302, headers={"Location": site.url("/new")})
    site.routes["/new"] = Reply(body=PAGE)
    site.routes["/loop-a"] = Reply(302, headers={"Location": "/loop-b"})
    site.routes["/loop-b"] = Reply(302, headers={"Location": "/loop-a"})
    with _fetcher(clock) as fetcher:
        got = fetcher.fetch(site.url("/old"))
        loop = fetcher.fetch(site.url("/loop-a"))
    assert isinstance(got, Fetched) and got.url == site.url("/old") and got.final_url == site.url("/new")
    assert isinstance(loop, FetchError) and not loop.transient
    assert loop.reason == f"redirect loop: {site.url('/loop-a')} -> {site.url('/loop-b')} -> {site.url('/loop-a')}"


def test_a_stalled_server_times_out_and_is_tried_three_times_with_backoff(site: Site, clock: FakeClock) -> None:
    site.routes["/slow"] = Reply(body=PAGE, stall=5)
    with _fetcher(clock) as fetcher:
        got = fetcher.fetch(site.url("/slow"))
    assert got == FetchError(site.url("/slow"), "timed out (waiting for the answer after 0.3 s) (after 3 attempts)",
                             transient=True)
    assert site.paths().count("/slow") == 3
    assert [w for w in clock.waits if w >= 2] == [2.0, 4.0]  # backoff doubles (the 1 s waits are the host delay)


def test_429_with_retry_after_waits_that_long_then_succeeds(site: Site, clock: FakeClock) -> None:
    site.routes["/busy"] = [Reply(429, headers={"Retry-After": "7"}), Reply(body=PAGE)]
    with _fetcher(clock) as fetcher:
        got = fetcher.fetch(site.url("/busy"))
    assert isinstance(got, Fetched) and got.body == PAGE
    assert 7.0 in clock.waits
    assert site.paths().count("/busy") == 2


def test_a_retry_after_longer_than_we_wait_fails_the_url_for_this_run(site: Site, clock: FakeClock) -> None:
    site.routes["/busy"] = Reply(503, headers={"Retry-After": "3600"})
    with _fetcher(clock) as fetcher:
        got = fetcher.fetch(site.url("/busy"))
    assert got == FetchError(site.url("/busy"), "HTTP 503 Service Unavailable, Retry-After 3600 s is longer than "
                                                "we wait in one run (120 s)", transient=True)
    assert site.paths().count("/busy") == 1


def test_a_500_then_a_200_is_a_page(site: Site, clock: FakeClock) -> None:
    site.routes["/flaky"] = [Reply(500, b"oops"), Reply(body=PAGE)]
    site.routes["/gone"] = Reply(404, b"no")
    with _fetcher(clock) as fetcher:
        got = fetcher.fetch(site.url("/flaky"))
        gone = fetcher.fetch(site.url("/gone"))
    assert isinstance(got, Fetched) and got.body == PAGE
    assert 2.0 in clock.waits
    assert gone == FetchError(site.url("/gone"), "HTTP 404 Not Found")  # not retried
    assert site.paths().count("/gone") == 1


def test_robots_txt_is_honoured_and_asked_once(site: Site, clock: FakeClock) -> None:
    site.routes["/robots.txt"] = Reply(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.routes["/private/memo"] = Reply(body=PAGE)
    site.routes["/public"] = Reply(body=PAGE)
    with _fetcher(clock) as fetcher:
        refused = fetcher.fetch(site.url("/private/memo"))
        allowed = fetcher.fetch(site.url("/public"))
    assert refused == FetchError(site.url("/private/memo"), f"disallowed by {site.url('')}/robots.txt")
    assert isinstance(allowed, Fetched)
    assert site.paths() == ["/robots.txt", "/public"]


def test_an_unreadable_robots_txt_closes_the_host_for_now(site: Site, clock: FakeClock) -> None:
    site.routes["/robots.txt"] = Reply(503, b"down")
    site.routes["/a"] = Reply(body=PAGE)
    with _fetcher(clock, attempts=1) as fetcher:
        got = fetcher.fetch(site.url("/a"))
    assert isinstance(got, FetchError) and got.transient
    assert got.reason == f"robots.txt of {site.url('')} could not be read (HTTP 503): nothing is fetched there for now"
    assert "/a" not in site.paths()


def test_a_gzip_bomb_is_refused_while_decompressing(site: Site, clock: FakeClock) -> None:
    member = gzip.compress(b"\0" * (16 << 20))  # 16 MB of zeros in 16 KB; 64 members make 1 GB
    site.routes["/bomb"] = Reply(body=member * 64, headers={"Content-Encoding": "gzip"})
    with _fetcher(clock) as fetcher:
        got = fetcher.fetch(site.url("/bomb"))
    assert got == FetchError(site.url("/bomb"), "body decompresses to more than 10 MB, the limit")


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "streamed"])
def test_a_50_mb_page_is_refused(site: Site, clock: FakeClock, declared: bool) -> None:
    sent = []

    def endless() -> object:
        for _ in range(50):
            sent.append(1)
            yield b"<p>" + b"x" * (1024 * 1024 - 3)

    headers = {"Content-Length": str(50 * 1024 * 1024)} if declared else {}
    site.routes["/huge"] = Reply(headers=headers, stream=endless)
    with _fetcher(clock) as fetcher:
        got = fetcher.fetch(site.url("/huge"))
    reason = "page is 50 MB, over the 10 MB limit" if declared else "body is more than 10 MB, the limit"
    assert got == FetchError(site.url("/huge"), reason)
    assert len(sent) < 50  # we hung up instead of reading it all


def test_local_addresses_are_refused_unless_allowed(site: Site, clock: FakeClock) -> None:
    site.routes["/a"] = Reply(body=PAGE)
    with _fetcher(clock, allow_local=False) as fetcher:
        got = fetcher.fetch(site.url("/a"))
    assert isinstance(got, FetchError) and not got.transient
    assert got.reason.endswith("127.0.0.1 resolves to 127.0.0.1, a loopback address: not fetched without --allow-local")
    assert site.hits == []


def test_a_redirect_to_a_local_address_is_refused(site: Site, clock: FakeClock,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # This server stands for a public one; the redirect it sends points into the machine.
    real = guard.address_kind
    monkeypatch.setattr(guard, "address_kind", lambda a: None if a == "127.0.0.1" else real(a))
    site.routes["/jump"] = Reply(302, headers={"Location": f"http://127.0.0.2:{site.port}/admin"})
    with _fetcher(clock, allow_local=False) as fetcher:
        got = fetcher.fetch(site.url("/jump"))
    assert got == FetchError(site.url("/jump"), f"http://127.0.0.2:{site.port}/admin: 127.0.0.2 resolves to "
                             "127.0.0.2, a loopback address: not fetched without --allow-local",
                             redirects=(site.url("/jump"),))
    assert site.paths() == ["/robots.txt", "/jump"]


def test_only_http_urls_are_fetched(clock: FakeClock) -> None:
    with _fetcher(clock) as fetcher:
        got = fetcher.fetch("file:///etc/passwd")
    assert got == FetchError("file:///etc/passwd", "only http(s) URLs are fetched, not file: file:///etc/passwd")
