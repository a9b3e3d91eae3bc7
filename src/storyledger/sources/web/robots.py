"""robots.txt, as RFC 9309 says: parsed with protego (Scrapy's parser: wildcards, Allow/Disallow
precedence, Crawl-delay), cached per origin for a day, fetched through the same polite client.

A 4xx answer means no rules; a 5xx or no answer means nothing may be fetched from that origin for now.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from protego import Protego

from storyledger.sources.web.clock import Clock
from storyledger.sources.web.records import RobotsRecord
from storyledger.sources.web.settings import FetchSettings
from storyledger.sources.web.urls import origin

# RFC 9309 asks crawlers to parse at least 500 KiB.
MAX_ROBOTS_BYTES = 512 * 1024
# An unreachable robots.txt blocks its origin only briefly: the next poll asks again.
UNREACHABLE_TTL = 300.0


@dataclass(frozen=True, slots=True)
class Refusal:
    reason: str
    transient: bool  # the origin's robots.txt could not be read: ask again later


@dataclass(slots=True)
class _Rules:
    record: RobotsRecord
    parser: Protego | None  # None: no rules (4xx) or origin closed (unreachable)


class RobotsCache:
    def __init__(self, settings: FetchSettings, clock: Clock, load: Callable[[str], RobotsRecord]) -> None:
        self._settings = settings
        self._clock = clock
        self._load = load
        self._rules: dict[str, _Rules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self._new: list[RobotsRecord] = []

    def seed(self, records: Iterable[RobotsRecord]) -> None:
        """What earlier runs read (from the ledger), so a restart does not ask again."""
        with self._lock:
            for record in records:
                self._rules.setdefault(record.origin, _parse(record))

    def refusal(self, url: str) -> Refusal | None:
        """Why robots.txt forbids ``url``, or None when it may be fetched."""
        rules = self._get(origin(url))
        if not rules.record.reachable:
            status = f"HTTP {rules.record.status}" if rules.record.status else "no answer"
            return Refusal(f"robots.txt of {rules.record.origin} could not be read ({status}): "
                           "nothing is fetched there for now", transient=True)
        if rules.parser is not None and not rules.parser.can_fetch(url, self._settings.robots_token):
            return Refusal(f"disallowed by {rules.record.origin}/robots.txt", transient=False)
        return None

    def crawl_delay(self, url: str) -> float | None:
        rules = self._get(origin(url))
        delay = rules.parser.crawl_delay(self._settings.robots_token) if rules.parser else None
        return float(delay) if delay is not None else None

    def take_new(self) -> list[RobotsRecord]:
        """Records fetched since the last call, to be saved (unreachable ones are not kept)."""
        with self._lock:
            new, self._new = self._new, []
        return new

    def _get(self, key: str) -> _Rules:
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one fetch per origin, however many threads ask at once
            rules = self._rules.get(key)
            if rules is None or self._expired(rules.record):
                record = self._load(key)
                rules = self._rules[key] = _parse(record)
                if record.reachable:
                    with self._lock:
                        self._new.append(record)
            return rules

    def _expired(self, record: RobotsRecord) -> bool:
        ttl = self._settings.robots_ttl if record.reachable else UNREACHABLE_TTL
        return self._clock.time() - record.fetched_at > ttl


def _parse(record: RobotsRecord) -> _Rules:
    if record.reachable and 200 <= record.status < 300:
        return _Rules(record, Protego.parse(record.body.decode("utf-8", errors="replace")))
    return _Rules(record, None)
