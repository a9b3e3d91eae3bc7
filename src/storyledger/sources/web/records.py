"""The collector's records, kept free of heavy imports: the store and the CLI read them without
loading the HTTP client or the parsers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class Kind(StrEnum):
    FEED = "feed"
    SITEMAP = "sitemap"
    PAGE = "page"


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said to send back for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(frozen=True, slots=True)
class RobotsRecord:
    """What one origin's /robots.txt said: kept in the ledger so a restart does not ask again."""

    origin: str
    status: int  # HTTP status; 0 when there was no answer
    body: bytes
    fetched_at: float  # seconds since the epoch

    @property
    def reachable(self) -> bool:
        return 200 <= self.status < 500 and self.status != 429


class PageStatus(StrEnum):
    PENDING = "pending"  # listed, not fetched yet (or a transient error: asked again next run)
    STORED = "stored"  # fetched and handed on
    FAILED = "failed"  # a permanent error (404, robots.txt, too big...), or too many transient ones
    DUPLICATE = "duplicate"  # its canonical URL is a page already known under another URL


@dataclass(frozen=True, slots=True)
class PageState:
    url: str  # normalised, as listed: the key
    source: str  # the followed feed, sitemap or page it came from
    status: PageStatus
    first_seen: datetime
    final_url: str | None = None  # after redirects
    canonical_url: str | None = None  # what the page says its URL is
    validators: Validators = Validators()
    sha256: str | None = None  # of the body last handed on
    fetched_at: datetime | None = None
    next_check: datetime | None = None  # when to ask again for an edit; None: no more
    stamp: str | None = None  # the listing's updated/lastmod for it when last seen
    listed: date | None = None  # the date the listing gives it: pages listed together are fetched oldest first
    outlet: str | None = None  # the listing's publication name
    errors: int = 0  # transient errors in a row
    error: str | None = None  # the last error


@dataclass(frozen=True, slots=True)
class ListingState:
    url: str
    validators: Validators
    checked_at: datetime
