"""What the collector remembers between runs (sources.web.state.CrawlState) and the sources a
ledger follows, kept in the ledger so `watch` resumes where it stopped."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timezone

from storyledger.sources.web.records import Kind, ListingState, PageState, PageStatus, RobotsRecord, Validators
from storyledger.store.read_models import Followed
from storyledger.store.sqlite.connection import Connection

_PAGE_COLUMNS = ("url, source, status, first_seen, final_url, canonical_url, etag, last_modified, sha256, fetched_at,"
                 " next_check, stamp, listed, outlet, errors, error")


def _stamp(value: datetime | None) -> str | None:
    """UTC, to the microsecond: ISO text that sorts as the times do."""
    return value.astimezone(timezone.utc).isoformat() if value else None


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _page(row: sqlite3.Row) -> PageState:
    return PageState(
        url=row["url"], source=row["source"], status=PageStatus(row["status"]),
        first_seen=datetime.fromisoformat(row["first_seen"]), final_url=row["final_url"],
        canonical_url=row["canonical_url"], validators=Validators(row["etag"], row["last_modified"]),
        sha256=row["sha256"], fetched_at=_time(row["fetched_at"]), next_check=_time(row["next_check"]),
        stamp=row["stamp"], listed=date.fromisoformat(row["listed"]) if row["listed"] else None,
        outlet=row["outlet"], errors=row["errors"], error=row["error"],
    )


class CrawlStore(Connection):
    # -- followed sources --------------------------------------------------------------------

    def follow(self, url: str, kind: Kind | None = None) -> bool:
        """Follow a source; False if it was already followed (its kind is then updated if given)."""
        with self.transaction():
            known = self._conn.execute("SELECT 1 FROM follows WHERE url = ?", (url,)).fetchone() is not None
            if known:
                if kind:
                    self._conn.execute("UPDATE follows SET kind = ? WHERE url = ?", (kind.value, url))
            else:
                self._conn.execute("INSERT INTO follows (url, kind, added_at) VALUES (?, ?, ?)",
                                   (url, kind.value if kind else None, _stamp(datetime.now(timezone.utc))))
        return not known

    def unfollow(self, url: str) -> bool:
        """Stop following a source; the pages it listed and not fetched yet are forgotten."""
        with self.transaction():
            gone = self._conn.execute("DELETE FROM follows WHERE url = ?", (url,)).rowcount
            self._conn.execute("DELETE FROM crawl_pages WHERE source = ? AND status = 'pending'", (url,))
        return bool(gone)

    def followed(self) -> list[Followed]:
        return self._records(
            lambda r: Followed(r["url"], Kind(r["kind"]) if r["kind"] else None, datetime.fromisoformat(r["added_at"]),
                               _time(r["checked_at"]), r["pages"]),
            "SELECT f.url, f.kind, f.added_at, l.checked_at,"
            " (SELECT count(*) FROM crawl_pages p WHERE p.source = f.url AND p.status = 'stored') AS pages"
            " FROM follows f LEFT JOIN crawl_listings l ON l.url = f.url ORDER BY f.added_at, f.url",
        )

    # -- CrawlState --------------------------------------------------------------------------

    def page(self, url: str) -> PageState | None:
        row = (self._conn.execute(f"SELECT {_PAGE_COLUMNS} FROM crawl_pages WHERE url = ?", (url,)).fetchone()
               or self._conn.execute(f"SELECT {_PAGE_COLUMNS} FROM crawl_pages WHERE final_url = ?"
                                     " OR canonical_url = ? ORDER BY first_seen, url LIMIT 1", (url, url)).fetchone())
        return _page(row) if row else None

    def save_page(self, page: PageState) -> None:
        with self.transaction():
            self._conn.execute(
                f"INSERT OR REPLACE INTO crawl_pages ({_PAGE_COLUMNS}) VALUES ({', '.join('?' * 16)})",
                (page.url, page.source, page.status.value, _stamp(page.first_seen), page.final_url, page.canonical_url,
                 page.validators.etag, page.validators.last_modified, page.sha256, _stamp(page.fetched_at),
                 _stamp(page.next_check), page.stamp, page.listed.isoformat() if page.listed else None, page.outlet,
                 page.errors, page.error),
            )

    def to_fetch(self, now: datetime, sources: list[str] | None = None) -> list[PageState]:
        scope = " AND source IN (SELECT value FROM json_each(?))" if sources is not None else ""
        params: tuple[object, ...] = (json.dumps(sources),) if sources is not None else ()
        order = " ORDER BY first_seen, coalesce(listed, '9999-12-31'), url"
        pending = self._records(_page, f"SELECT {_PAGE_COLUMNS} FROM crawl_pages WHERE status = 'pending'{scope}{order}",
                                params)
        due = self._records(_page, f"SELECT {_PAGE_COLUMNS} FROM crawl_pages WHERE status = 'stored'"
                            f" AND next_check <= ?{scope}{order}", (_stamp(now), *params))
        return pending + due

    def listing(self, url: str) -> ListingState | None:
        row = self._conn.execute("SELECT * FROM crawl_listings WHERE url = ?", (url,)).fetchone()
        if row is None:
            return None
        return ListingState(row["url"], Validators(row["etag"], row["last_modified"]),
                            datetime.fromisoformat(row["checked_at"]))

    def save_listing(self, listing: ListingState) -> None:
        with self.transaction():
            self._conn.execute(
                "INSERT OR REPLACE INTO crawl_listings (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?)",
                (listing.url, listing.validators.etag, listing.validators.last_modified, _stamp(listing.checked_at)),
            )

    def robots(self) -> list[RobotsRecord]:
        return self._records(lambda r: RobotsRecord(r["origin"], r["status"], r["body"], r["fetched_at"]),
                             "SELECT * FROM crawl_robots")

    def save_robots(self, record: RobotsRecord) -> None:
        with self.transaction():
            self._conn.execute(
                "INSERT OR REPLACE INTO crawl_robots (origin, status, body, fetched_at) VALUES (?, ?, ?, ?)",
                (record.origin, record.status, record.body, record.fetched_at),
            )
