"""What the collector remembers between runs: the frontier of pages to fetch, what each page and
listing answered last (for conditional GET and for noticing edits), and each origin's robots.txt.

The ledger keeps it (the store implements CrawlState); MemoryState is the reference implementation
and serves one-off runs and the tests.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from storyledger.sources.web.records import ListingState, PageState, PageStatus, RobotsRecord


class CrawlState(Protocol):
    def page(self, url: str) -> PageState | None:
        """The page known under ``url``: its key, its final URL or its canonical URL."""

    def save_page(self, page: PageState) -> None: ...

    def to_fetch(self, now: datetime, sources: list[str] | None = None) -> list[PageState]:
        """Pending pages, then stored ones due for a check (of ``sources`` only, if given); each
        group in the order first seen, then listed date, then URL."""

    def listing(self, url: str) -> ListingState | None: ...

    def save_listing(self, listing: ListingState) -> None: ...

    def robots(self) -> list[RobotsRecord]: ...

    def save_robots(self, record: RobotsRecord) -> None: ...


class MemoryState:
    def __init__(self) -> None:
        self.pages: dict[str, PageState] = {}
        self._aliases: dict[str, str] = {}
        self.listings: dict[str, ListingState] = {}
        self._robots: dict[str, RobotsRecord] = {}

    def page(self, url: str) -> PageState | None:
        return self.pages.get(url) or self.pages.get(self._aliases.get(url, ""))

    def save_page(self, page: PageState) -> None:
        self.pages[page.url] = page
        for alias in (page.final_url, page.canonical_url):
            if alias and alias != page.url:
                self._aliases.setdefault(alias, page.url)

    def to_fetch(self, now: datetime, sources: list[str] | None = None) -> list[PageState]:
        wanted = [p for p in self.pages.values() if sources is None or p.source in sources]
        pending = [p for p in wanted if p.status is PageStatus.PENDING]
        due = [p for p in wanted if p.status is PageStatus.STORED and p.next_check and p.next_check <= now]
        return sorted(pending, key=_age) + sorted(due, key=_age)

    def listing(self, url: str) -> ListingState | None:
        return self.listings.get(url)

    def save_listing(self, listing: ListingState) -> None:
        self.listings[listing.url] = listing

    def robots(self) -> list[RobotsRecord]:
        return list(self._robots.values())

    def save_robots(self, record: RobotsRecord) -> None:
        self._robots[record.origin] = record


def _age(page: PageState) -> tuple[datetime, date, str]:
    return page.first_seen, page.listed or date.max, page.url

