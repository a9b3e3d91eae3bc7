"""One URL in, one response out (or a named error): robots.txt, politeness, redirects checked hop
by hop, retries with backoff, Retry-After, conditional GET, size and time caps, WARC capture."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus

import httpx

from storyledger.errors import Failure
from storyledger.sources.web.body import BodyError, read_body
from storyledger.sources.web.capture import Exchange, WarcRecorder, WarcRef
from storyledger.sources.web.client import make_client
from storyledger.sources.web.clock import Clock, SystemClock, utc
from storyledger.sources.web.guard import BlockedAddress, Resolver, system_resolver
from storyledger.sources.web.records import RobotsRecord, Validators
from storyledger.sources.web.robots import MAX_ROBOTS_BYTES, RobotsCache
from storyledger.sources.web.schedule import Deferred, HostScheduler, Stopped
from storyledger.sources.web.settings import FetchSettings
from storyledger.sources.web.urls import BadURL, host, normalise

REDIRECTS = {301, 302, 303, 307, 308}
RETRIED = {429, 500, 502, 503, 504}
# The body of an answer we do not keep (an error page, a redirect) is read only this far, for the WARC.
ERROR_BODY_BYTES = 64 * 1024

Accept = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class Fetched:
    """A 200 (body decoded) or a 304 (no body: unchanged since the validators were given)."""

    url: str  # as asked (normalised)
    final_url: str  # after redirects
    status: int
    fetched_at: datetime
    content_type: str
    body: bytes
    validators: Validators
    warc: WarcRef | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True, slots=True)
class FetchError:
    """A URL that gave nothing usable. ``transient`` errors (timeouts, 5xx, 429) are worth asking again later."""

    url: str
    reason: str
    transient: bool = False
    redirects: tuple[str, ...] = field(default=())

    @property
    def failure(self) -> Failure:
        return Failure(self.url, self.reason)


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    headers: httpx.Headers
    body: bytes | None  # decoded; None when not kept
    warc: WarcRef | None


class _Retry(Exception):
    """Worth another attempt; ``wait`` is the server's Retry-After, else the backoff applies."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason, self.wait = reason, wait


class _Fail(Exception):
    def __init__(self, reason: str, transient: bool = False) -> None:
        super().__init__(reason)
        self.reason, self.transient = reason, transient


class _Blocked(_Fail):
    """The address guard refused the host: the page's own error, even while asking for robots.txt."""


class Fetcher:
    """Thread-safe: one per run, shared by all the fetching threads. Never raises on a bad URL or
    server; ``stop()`` makes every waiting or new request end at once (Ctrl-C)."""

    def __init__(self, settings: FetchSettings | None = None, *, clock: Clock | None = None,
                 recorder: WarcRecorder | None = None, resolver: Resolver = system_resolver) -> None:
        self.settings = settings or FetchSettings()
        self.clock = clock or SystemClock()
        self.recorder = recorder
        self.stopping = threading.Event()
        self._client = make_client(self.settings, resolver)
        self.scheduler = HostScheduler(self.settings, self.clock, self.stopping)
        self.robots = RobotsCache(self.settings, self.clock, self._load_robots)
        self._counts_lock = threading.Lock()
        self.requests = 0  # HTTP requests sent, robots.txt included

    def stop(self) -> None:
        self.stopping.set()

    def close(self) -> None:
        self._client.close()
        if self.recorder:
            self.recorder.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str, validators: Validators | None = None, *, limit: int | None = None,
              accept: Accept | None = None) -> Fetched | FetchError:
        """GET ``url``; ``accept`` sees the Content-Type (without parameters) and may refuse the body."""
        try:
            return self._fetch(url, validators, limit or self.settings.max_page_bytes, accept)
        except Exception as exc:  # a bug on one URL must not stop the run; it is reported by name
            return FetchError(url, f"internal error: {type(exc).__name__}: {exc}")

    def _fetch(self, url: str, validators: Validators | None, limit: int, accept: Accept | None) -> Fetched | FetchError:
        try:
            current = normalise(url)
        except BadURL as exc:
            return FetchError(url, str(exc))
        asked = current
        hops: list[str] = []
        attempt = 1
        while True:
            try:
                if self.stopping.is_set():
                    raise Stopped
                refusal = self.robots.refusal(current)
                if refusal:
                    raise _Fail(refusal.reason, refusal.transient)
                status, headers, body, ref = self._exchange(current, validators, limit, accept)
            except _Retry as retry:
                if attempt >= self.settings.attempts:
                    return FetchError(url, f"{retry.reason} (after {attempt} attempts)", True, tuple(hops))
                self.scheduler.hold(host(current), self._backoff(attempt) if retry.wait is None else retry.wait)
                attempt += 1
                continue
            except _Fail as fail:
                return FetchError(url, fail.reason if current == asked else f"{current}: {fail.reason}",
                                  fail.transient, tuple(hops))
            except Deferred as deferred:
                return FetchError(url, str(deferred), True, tuple(hops))
            except Stopped:
                return FetchError(url, "stopped before it was fetched", True, tuple(hops))
            if status in REDIRECTS:
                try:
                    current = self._redirect(current, headers, hops)
                except _Fail as fail:
                    return FetchError(url, fail.reason, False, tuple(hops))
                attempt = 1
                continue
            return Fetched(url, current, status, utc(self.clock), _media_type(headers), body,
                           Validators(headers.get("etag"), headers.get("last-modified")), ref)

    def _redirect(self, current: str, headers: httpx.Headers, hops: list[str]) -> str:
        location = headers.get("location")
        if not location:
            raise _Fail(f"{current} redirects without a Location")
        try:
            target = normalise(location, base=current)
        except BadURL as exc:
            raise _Fail(f"{current} redirects to {exc}") from exc
        hops.append(current)
        if target in hops:
            raise _Fail(f"redirect loop: {' -> '.join([*hops, target])}")
        if len(hops) > self.settings.max_redirects:
            raise _Fail(f"more than {self.settings.max_redirects} redirects (last {current} -> {target})")
        return target

    def _exchange(self, url: str, validators: Validators | None, limit: int,
                  accept: Accept | None) -> tuple[int, httpx.Headers, bytes, WarcRef | None]:
        """One request and its response, holding a politeness slot only while the request runs;
        raise _Retry or _Fail for an answer that is not a page, a 304 or a redirect."""
        name = host(url)
        delay = self.robots.crawl_delay(url)
        if delay:
            self.scheduler.set_delay(name, delay)
        with self.scheduler.slot(name):
            answer = self._send(url, (validators or Validators()).headers(), limit, accept)
        status, headers = answer.status, answer.headers
        if status == 200 and answer.body is None:
            raise _Fail(f"not a page we read (Content-Type {_media_type(headers) or 'missing'})")
        if status in (200, 304) or status in REDIRECTS:
            return status, headers, answer.body or b"", answer.warc
        reason = f"HTTP {status} {_phrase(status)}".strip()
        if status in RETRIED:
            wait = _retry_after(headers.get("retry-after"), self.clock.time())
            if wait is not None and wait > self.settings.max_retry_after:
                raise _Fail(f"{reason}, Retry-After {wait:.0f} s is longer than we wait in one run "
                            f"({self.settings.max_retry_after:g} s)", transient=True)
            raise _Retry(reason if wait is None else f"{reason}, Retry-After {wait:g} s", wait)
        raise _Fail(reason)

    def _send(self, url: str, extra: dict[str, str], limit: int, accept: Accept | None) -> _Answer:
        """The answer to one GET, whatever its status; the body is kept (decoded) only for a 200
        that ``accept`` takes. Raise _Retry on network trouble, _Fail on a body over its cap."""
        request = self._client.build_request("GET", url, headers=extra)
        with self._counts_lock:
            self.requests += 1
        started = self.clock.time()
        try:
            response = self._client.send(request, stream=True)
        except BlockedAddress as exc:
            raise _Blocked(str(exc)) from exc
        except httpx.TimeoutException as exc:
            raise _Retry(f"timed out ({_phase(exc)} after {self._timeout_of(exc):g} s)") from exc
        except httpx.TransportError as exc:
            raise _Retry(f"connection failed: {exc or type(exc).__name__}") from exc
        try:
            headers = response.headers
            keep = response.status_code == 200 and (accept is None or accept(_media_type(headers)))
            cap = limit if keep else ERROR_BODY_BYTES
            declared = int(headers.get("content-length", "0") or 0) if headers.get("content-length", "").isdigit() else 0
            if keep and declared > cap and not headers.get("content-encoding"):
                self._record(request, response, b"", "length")
                raise _Fail(f"page is {declared / 1024 / 1024:.0f} MB, over the {cap / 1024 / 1024:g} MB limit")
            expired = lambda: self.clock.time() - started > self.settings.total_timeout  # noqa: E731
            try:
                body = read_body(response.iter_raw(), headers.get("content-encoding", ""), cap, expired)
            except BodyError as exc:
                self._record(request, response, exc.raw, exc.truncated)
                if keep:
                    raise _Fail(str(exc)) from exc
                return _Answer(response.status_code, headers, None, None)
            except httpx.TimeoutException as exc:
                raise _Retry(f"timed out (reading the body after {self.settings.read_timeout:g} s)") from exc
            except httpx.TransportError as exc:
                raise _Retry(f"connection broke while reading the body: {exc or type(exc).__name__}") from exc
        finally:
            response.close()
        ref = self._record(request, response, body.raw, None)
        return _Answer(response.status_code, headers, body.data if keep else None, ref)

    def _record(self, request: httpx.Request, response: httpx.Response, raw: bytes,
                truncated: str | None) -> WarcRef | None:
        if self.recorder is None:
            return None
        return self.recorder.record(Exchange(
            url=str(request.url), request_headers=_as_sent(request.headers), status=response.status_code,
            reason=response.reason_phrase, http_version=response.http_version,
            response_headers=_as_sent(response.headers), raw_body=raw, fetched_at=utc(self.clock),
            truncated=truncated,
        ))

    def _backoff(self, attempt: int) -> float:
        return min(self.settings.backoff * 2 ** (attempt - 1), self.settings.max_backoff)

    def _timeout_of(self, exc: httpx.TimeoutException) -> float:
        return self.settings.connect_timeout if isinstance(exc, httpx.ConnectTimeout) else self.settings.read_timeout

    def _load_robots(self, origin: str) -> RobotsRecord:
        """robots.txt through the same slots and guard (but not itself subject to robots.txt)."""
        url = f"{origin}/robots.txt"
        hops: list[str] = []
        for _ in range(self.settings.max_redirects + 1):
            try:
                with self.scheduler.slot(host(url)):
                    answer = self._send(url, {}, MAX_ROBOTS_BYTES, None)
            except _Blocked:
                raise
            except (_Retry, _Fail, Deferred, Stopped):
                return RobotsRecord(origin, 0, b"", self.clock.time())
            if answer.status not in REDIRECTS:
                return RobotsRecord(origin, answer.status, answer.body or b"", self.clock.time())
            try:
                url = self._redirect(url, answer.headers, hops)
            except _Fail:
                break
        return RobotsRecord(origin, 404, b"", self.clock.time())  # RFC 9309: too many redirects = no rules


def _as_sent(headers: httpx.Headers) -> list[tuple[str, str]]:
    """Header names in their own case, as the WARC should keep them."""
    return [(k.decode("latin-1"), v.decode("latin-1")) for k, v in headers.raw]


def _media_type(headers: httpx.Headers) -> str:
    return headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _phase(exc: httpx.TimeoutException) -> str:
    return {httpx.ConnectTimeout: "connecting", httpx.ReadTimeout: "waiting for the answer",
            httpx.WriteTimeout: "sending", httpx.PoolTimeout: "waiting for a connection"}.get(type(exc), "timeout")


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait: Retry-After is a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - now)
    except (TypeError, ValueError):
        return None
