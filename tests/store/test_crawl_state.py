"""CrawlState, written once and run on every implementation: the collector's reference in-memory
state and the ledger's. Followed sources are the ledger's alone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from storyledger.sources.web import CrawlState, Kind, ListingState, MemoryState, PageState, PageStatus, RobotsRecord
from storyledger.sources.web import Validators
from storyledger.store import Ledger, open_ledger

T0 = datetime(2025, 6, 2, 9, 0, tzinfo=timezone.utc)
FEED = "https://herald.example/feed.xml"


@pytest.fixture(params=["memory", "sqlite", "postgresql"])
def state(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CrawlState]:
    """The in-memory state, and each ledger implementation's."""
    if request.param == "memory":
        yield MemoryState()
    else:
        where = tmp_path / "ledger.db" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
        with open_ledger(where) as ledger:
            yield ledger


def _page(url: str, status: PageStatus = PageStatus.PENDING, **fields: object) -> PageState:
    return PageState(f"https://herald.example/{url}", FEED, status, fields.pop("first_seen", T0), **fields)  # type: ignore[arg-type]


def test_a_page_is_found_under_its_url_its_final_url_and_its_canonical_url(state: CrawlState) -> None:
    page = _page("?p=12", PageStatus.STORED, final_url="https://herald.example/2025/vote",
                 canonical_url="https://herald.example/vote", validators=Validators('"v1"', "Mon, 02 Jun 2025"),
                 sha256="ab", fetched_at=T0, next_check=T0 + timedelta(hours=1), stamp="2025-06-02T09:00:00Z",
                 listed=date(2025, 6, 2), outlet="Herald", errors=0, error=None)
    state.save_page(page)
    for url in ("https://herald.example/?p=12", "https://herald.example/2025/vote", "https://herald.example/vote"):
        assert state.page(url) == page
    assert state.page("https://herald.example/other") is None
    state.save_page(_page("?p=12", PageStatus.FAILED, error="HTTP 404 Not Found"))
    assert state.page("https://herald.example/?p=12").status is PageStatus.FAILED  # type: ignore[union-attr]


def test_pages_to_fetch_pending_first_then_due_in_order(state: CrawlState) -> None:
    later = T0 + timedelta(minutes=5)
    state.save_page(_page("c", first_seen=later))
    state.save_page(_page("b", listed=date(2025, 6, 2)))
    state.save_page(_page("a", listed=date(2025, 6, 3)))
    state.save_page(_page("due", PageStatus.STORED, next_check=T0 + timedelta(hours=1)))
    state.save_page(_page("not-yet", PageStatus.STORED, next_check=T0 + timedelta(hours=3)))
    state.save_page(_page("done", PageStatus.STORED))
    state.save_page(_page("gone", PageStatus.FAILED))
    state.save_page(PageState("https://other.example/x", "https://other.example/feed", PageStatus.PENDING, T0))
    names = lambda pages: [p.url.rsplit("/", 1)[1] for p in pages]  # noqa: E731
    assert names(state.to_fetch(T0 + timedelta(hours=2))) == ["b", "a", "x", "c", "due"]
    assert names(state.to_fetch(T0, [FEED])) == ["b", "a", "c"]


def test_listings_and_robots_are_remembered(state: CrawlState) -> None:
    assert state.listing(FEED) is None
    state.save_listing(ListingState(FEED, Validators('"f1"', None), T0))
    assert state.listing(FEED) == ListingState(FEED, Validators('"f1"', None), T0)
    record = RobotsRecord("https://herald.example", 200, b"User-agent: *\nDisallow: /drafts/\n", T0.timestamp())
    state.save_robots(record)
    state.save_robots(record)
    assert state.robots() == [record]


def test_a_ledger_follows_sources_and_forgets_what_an_unfollowed_one_left_pending(ledger: Ledger) -> None:
    _follow_and_unfollow(ledger)


def _follow_and_unfollow(ledger: Ledger) -> None:
    assert ledger.follow(FEED) and not ledger.follow(FEED, Kind.FEED)
    assert ledger.follow("https://herald.example/live", Kind.PAGE)
    ledger.save_page(_page("pending"))
    ledger.save_page(_page("stored", PageStatus.STORED))
    ledger.save_listing(ListingState(FEED, Validators(), T0))
    (feed, live) = ledger.followed()
    assert (feed.url, feed.kind, feed.checked_at, feed.pages) == (FEED, Kind.FEED, T0, 1)
    assert (live.kind, live.checked_at, live.pages) == (Kind.PAGE, None, 0)
    assert ledger.unfollow(FEED) and not ledger.unfollow(FEED)
    assert [f.url for f in ledger.followed()] == ["https://herald.example/live"]
    assert ledger.page("https://herald.example/pending") is None
    assert ledger.page("https://herald.example/stored") is not None  # what was stored stays
