"""One collection run: the followed feeds, sitemaps and pages, then every article they list that is
new, or due for a look at whether it was edited. Yields RawDocuments (url, final url and fetch time in
their hints) and Failures naming the URL; one failing source never stops the others.

State is saved only once the consumer has taken an item (the generator goes on after a ``yield``), so
a run stopped by Ctrl-C loses nothing and a restart fetches nothing twice that was handed on.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from storyledger.errors import Failure
from storyledger.records import Hints, RawDocument
from storyledger.sources.web.clock import utc
from storyledger.sources.web.discover import page_links
from storyledger.sources.web.fetch import Fetched, Fetcher, FetchError, Validators
from storyledger.sources.web.listings import Entry, Kind, accepts_listing, accepts_page, read_listing, sniff
from storyledger.sources.web.state import CrawlState, ListingState, PageState, PageStatus
from storyledger.sources.web.workers import DaemonPool, in_order


@dataclass(frozen=True, slots=True)
class Source:
    """A URL to collect from; ``kind`` None: found out from what it serves."""

    url: str
    kind: Kind | None = None


@dataclass(frozen=True, slots=True)
class Rechecks:
    """When a stored article is asked for again, to catch edits and corrections: ``first`` after it
    was fetched, then each time after as long again as its age (1 h, 2 h, 4 h...), until ``until``
    after it was first seen. Most corrections come within hours; the intervals grow so an old
    article costs a handful of conditional GETs in all."""

    first: timedelta = timedelta(hours=1)
    until: timedelta = timedelta(days=3)

    def next(self, first_seen: datetime, now: datetime) -> datetime | None:
        due = now + max(self.first, now - first_seen)
        return due if due - first_seen <= self.until else None


class Step(StrEnum):
    FETCHING = "fetching"
    LISTED = "listed"
    NEW = "new"  # a page handed on (a first fetch, or a changed page)
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Event:
    step: Step
    url: str
    source: str
    detail: str = ""


@dataclass(slots=True)
class SourceCounts:
    listed: int = 0  # entries in the listing
    queued: int = 0  # new entries queued for fetching
    handed: int = 0  # pages (and feed entries) handed on
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0


@dataclass(slots=True)
class RunSummary:
    counts: dict[str, SourceCounts] = field(default_factory=dict)
    kinds: dict[str, Kind] = field(default_factory=dict)  # what each source turned out to serve
    advertised: dict[str, list[str]] = field(default_factory=dict)  # feeds a page source links to

    def of(self, source: str) -> SourceCounts:
        return self.counts.setdefault(source, SourceCounts())


@dataclass(frozen=True, slots=True)
class _ListingJob:
    url: str
    kind: Kind | None
    root: str  # the source it belongs to
    depth: int  # 0 for the source itself, 1 for a sitemap index's children...


class Collector:
    def __init__(self, fetcher: Fetcher, state: CrawlState, *, rechecks: Rechecks = Rechecks(),
                 max_transient_errors: int = 5, max_sitemap_depth: int = 3, max_child_sitemaps: int = 500,
                 since: datetime | None = None, on_event: Callable[[Event], None] | None = None) -> None:
        self.fetcher = fetcher
        self.state = state
        self.rechecks = rechecks
        self.max_transient_errors = max_transient_errors
        self.max_sitemap_depth = max_sitemap_depth
        self.max_child_sitemaps = max_child_sitemaps
        self.since = since
        self._on_event = on_event
        self.summary = RunSummary()

    def run(self, sources: list[Source], *, follow_up: bool = True) -> Iterator[RawDocument | Failure]:
        """``follow_up`` False (a one-off ingest): only the given sources' new pages, no edit checks."""
        self.summary = RunSummary()
        self.fetcher.robots.seed(self.state.robots())
        pool = DaemonPool(self.fetcher.settings.concurrency)
        try:
            yield from self._listings(sources, pool)
            yield from self._pages(pool, None if follow_up else [s.url for s in sources], follow_up)
        except BaseException:
            self.fetcher.stop()  # Ctrl-C, or the consumer stopped: nothing new starts
            raise
        finally:
            pool.shutdown()
            self._save_robots()

    # -- feeds, sitemaps and followed pages ---------------------------------------------------

    def _listings(self, sources: list[Source], pool: DaemonPool) -> Iterator[RawDocument | Failure]:
        jobs = deque(_ListingJob(s.url, s.kind, s.url, 0) for s in dict.fromkeys(sources))
        for job, got in in_order(pool, jobs, self._start_listing, self._window):
            self._save_robots()
            counts = self.summary.of(job.root)
            if job.depth == 0 and job.kind:
                self.summary.kinds[job.root] = job.kind
            if isinstance(got, FetchError):
                counts.failed += 1
                self._emit(Step.FAILED, job.url, job.root, got.reason)
                yield got.failure
                continue
            if got.not_modified:
                counts.unchanged += 1
                self._emit(Step.UNCHANGED, job.url, job.root, "304 Not Modified")
                continue
            kind = job.kind or sniff(got.body, got.content_type)
            if job.depth == 0:
                self.summary.kinds[job.root] = kind
            if kind is Kind.PAGE:
                known = self.state.page(job.url) or PageState(job.url, job.root, PageStatus.PENDING, got.fetched_at)
                self.summary.advertised[job.root] = page_links(got.body, got.final_url).feeds
                yield from self._hand_on(known, got, is_source=True)
                continue
            listing = read_listing(got.final_url, got.body, kind, self.fetcher.settings.max_listing_bytes)
            if isinstance(listing, Failure):
                counts.failed += 1
                self._emit(Step.FAILED, job.url, job.root, listing.reason)
                yield listing
                continue
            for problem in listing.problems:
                yield Failure(job.url, problem)
            children = listing.sitemaps[: self.max_child_sitemaps]
            if children and job.depth >= self.max_sitemap_depth:
                yield Failure(job.url, f"sitemap index nested deeper than {self.max_sitemap_depth}: children skipped")
            elif children:
                jobs.extend(_ListingJob(child, Kind.SITEMAP, job.root, job.depth + 1) for child in children)
            queued = self._queue(listing.entries, job.root, got.fetched_at)
            counts.listed += len(listing.entries)
            counts.queued += queued
            self._emit(Step.LISTED, job.url, job.root, f"{len(listing.entries)} entries, {queued} new")
            for item in listing.documents:
                if isinstance(item, Failure):
                    counts.failed += 1
                else:
                    counts.handed += 1
                yield item
            # Saved last: were the run stopped before this, the listing is read again, not skipped.
            # An index keeps no validators: a 304 for it would hide its children, which change
            # without it; they are asked for with their own conditional GETs.
            validators = Validators() if listing.sitemaps else got.validators
            self.state.save_listing(ListingState(job.url, validators, got.fetched_at))

    def _start_listing(self, job: _ListingJob) -> Callable[[], Fetched | FetchError]:
        page = self.state.page(job.url) if job.kind in (None, Kind.PAGE) else None
        listing = self.state.listing(job.url) if job.kind is not Kind.PAGE else None
        validators = listing.validators if listing else page.validators if page else Validators()
        limit = self.fetcher.settings.max_listing_bytes
        self._emit(Step.FETCHING, job.url, job.root)
        return lambda: self.fetcher.fetch(job.url, validators, limit=limit, accept=accepts_listing)

    def _queue(self, entries: list[Entry], root: str, now: datetime) -> int:
        """Record new entries as pending; an entry whose stamp changed is due for a check now."""
        queued = 0
        for entry in entries:
            if self.since and entry.listed and entry.listed < self.since.date():
                continue
            known = self.state.page(entry.url)
            if known is None:
                self.state.save_page(PageState(entry.url, root, PageStatus.PENDING, now, stamp=entry.stamp,
                                               listed=entry.listed, outlet=entry.outlet))
                queued += 1
            elif entry.stamp and known.stamp != entry.stamp:
                edited = known.stamp is not None and known.status is PageStatus.STORED
                self.state.save_page(replace(known, stamp=entry.stamp, next_check=now if edited else known.next_check))
        return queued

    # -- articles ---------------------------------------------------------------------------

    def _pages(self, pool: DaemonPool, sources: list[str] | None, follow_up: bool) -> Iterator[RawDocument | Failure]:
        now = utc(self.fetcher.clock)
        todo = deque(p for p in self.state.to_fetch(now, sources)
                     if follow_up or p.status is PageStatus.PENDING)
        for page, got in in_order(pool, todo, self._start_page, self._window):
            self._save_robots()
            yield from self._hand_on(page, got, is_source=False)

    def _start_page(self, page: PageState) -> Callable[[], Fetched | FetchError]:
        validators = page.validators if page.status is PageStatus.STORED else Validators()
        self._emit(Step.FETCHING, page.url, page.source)
        return lambda: self.fetcher.fetch(page.url, validators, accept=accepts_page)

    def _hand_on(self, page: PageState, got: Fetched | FetchError, is_source: bool) -> Iterator[RawDocument | Failure]:
        counts = self.summary.of(page.source)
        if isinstance(got, FetchError):
            counts.failed += 1
            self._emit(Step.FAILED, page.url, page.source, got.reason)
            yield got.failure
            self.state.save_page(self._failed(page, got))
            return
        next_check = None if is_source else self.rechecks.next(page.first_seen, got.fetched_at)
        checked = replace(page, next_check=next_check, errors=0, error=None)
        sha = hashlib.sha256(got.body).hexdigest()
        if got.not_modified or (page.status is PageStatus.STORED and sha == page.sha256):
            counts.unchanged += 1
            self._emit(Step.UNCHANGED, page.url, page.source, "304 Not Modified" if got.not_modified else "same bytes")
            self.state.save_page(replace(checked, fetched_at=got.fetched_at))
            return
        canonical = page_links(got.body, got.final_url).canonical
        fetched = replace(checked, final_url=got.final_url, canonical_url=canonical, validators=got.validators,
                          fetched_at=got.fetched_at)
        twin = self._known_elsewhere(page, (canonical, got.final_url))
        if twin is not None:
            counts.duplicates += 1
            self._emit(Step.DUPLICATE, page.url, page.source, f"same page as {twin}")
            self.state.save_page(replace(fetched, status=PageStatus.DUPLICATE, next_check=None))
            return
        counts.handed += 1
        self._emit(Step.NEW, page.url, page.source, "changed" if page.status is PageStatus.STORED else "")
        yield RawDocument(
            source=page.url, data=got.body, fetched_at=got.fetched_at,
            hints=Hints(format="html", url=canonical or got.final_url, final_url=got.final_url, outlet=page.outlet),
        )
        self.state.save_page(replace(fetched, status=PageStatus.STORED, sha256=sha))

    def _known_elsewhere(self, page: PageState, aliases: tuple[str | None, ...]) -> str | None:
        """A first fetch that turns out to be a page already known under another URL (through its
        canonical link or its redirects) is a duplicate, not a new article nor a new version."""
        if page.status is PageStatus.STORED:
            return None
        for alias in aliases:
            other = self.state.page(alias) if alias and alias != page.url else None
            if other is not None and other.url != page.url and other.status is PageStatus.STORED:
                return other.url
        return None

    def _failed(self, page: PageState, error: FetchError) -> PageState:
        if page.status is PageStatus.STORED:  # a check for edits failed: the stored article stands
            return replace(page, error=error.reason)
        errors = page.errors + 1 if error.transient else self.max_transient_errors
        status = PageStatus.PENDING if errors < self.max_transient_errors else PageStatus.FAILED
        return replace(page, status=status, errors=errors, error=error.reason)

    # -- bookkeeping ------------------------------------------------------------------------

    @property
    def _window(self) -> int:
        return 2 * self.fetcher.settings.concurrency

    def _save_robots(self) -> None:
        for record in self.fetcher.robots.take_new():
            self.state.save_robots(record)

    def _emit(self, step: Step, url: str, source: str, detail: str = "") -> None:
        if self._on_event:
            self._on_event(Event(step, url, source, detail))
