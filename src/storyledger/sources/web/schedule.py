"""Per-host politeness: at most ``per_host`` requests in flight to a host, ``host_delay`` seconds
between two starts, and a host that answered Retry-After (or keeps failing) left alone until then.

Written by hand: the rate limiters on PyPI (httpx-limiter and the like) pace one client as a whole;
none caps concurrency per host, spaces requests per host and takes a server's Retry-After for the
whole host, which is what polite crawlers (Scrapy's downloader slots, Media Cloud's fetcher) do.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from storyledger.sources.web.clock import Clock
from storyledger.sources.web.settings import FetchSettings


class Stopped(Exception):
    """The run is stopping (Ctrl-C): no new request starts."""


class Deferred(Exception):
    """The host asked us to wait longer than we wait in one run."""

    def __init__(self, host: str, seconds: float) -> None:
        super().__init__(f"{host} asked us to wait {seconds:.0f} s, longer than we wait in one run")
        self.host, self.seconds = host, seconds


@dataclass(slots=True)
class _Host:
    delay: float
    active: int = 0
    next_start: float = 0.0


class HostScheduler:
    def __init__(self, settings: FetchSettings, clock: Clock, stopping: threading.Event) -> None:
        self._settings = settings
        self._clock = clock
        self._stopping = stopping
        self._cond = threading.Condition()
        self._hosts: dict[str, _Host] = {}
        self._active = 0

    def _host(self, name: str) -> _Host:
        return self._hosts.setdefault(name, _Host(self._settings.host_delay))

    def set_delay(self, name: str, seconds: float) -> None:
        """A robots.txt Crawl-delay: it may slow us down (up to a cap), never speed us up."""
        with self._cond:
            host = self._host(name)
            host.delay = max(self._settings.host_delay, min(seconds, self._settings.max_crawl_delay))

    def hold(self, name: str, seconds: float) -> None:
        """No request to the host for ``seconds`` (Retry-After, or backoff after a server error)."""
        with self._cond:
            host = self._host(name)
            host.next_start = max(host.next_start, self._clock.time() + seconds)

    @contextmanager
    def slot(self, name: str) -> Iterator[None]:
        """Wait for a free slot and the host's next start time; raise Stopped or Deferred."""
        with self._cond:
            host = self._host(name)
            while host.active >= self._settings.per_host or self._active >= self._settings.concurrency:
                if self._stopping.is_set():
                    raise Stopped
                self._cond.wait(0.2)
            now = self._clock.time()
            if host.next_start - now > self._settings.max_retry_after:
                raise Deferred(name, host.next_start - now)
            start = max(now, host.next_start)
            host.next_start = start + host.delay
            host.active += 1
            self._active += 1
        try:
            if self._clock.wait(start - now, self._stopping):
                raise Stopped
            yield
        finally:
            with self._cond:
                host.active -= 1
                self._active -= 1
                self._cond.notify_all()
