"""A made-up news site served on 127.0.0.1 for the fetch tests: routes the tests change between
polls, conditional GET, slow and endless answers, and a log of every request it received."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from storyledger.sources.web.clock import utc


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    stall: float = 0.0  # seconds to hold the answer back (released at once when the test ends)
    stream: Callable[[], Iterable[bytes]] | None = None  # a body sent without a length, chunk by chunk


@dataclass(frozen=True)
class Hit:
    method: str
    path: str
    headers: dict[str, str]
    status: int


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Reply | list[Reply]] = {}
        self.hits: list[Hit] = []
        self.released = threading.Event()
        self.in_flight = 0
        self.most_in_flight = 0
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                site._serve(self)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self, status: int | None = None) -> list[str]:
        return [h.path for h in self.hits if status is None or h.status == status]

    def start(self) -> Site:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()

    def _reply(self, path: str) -> Reply:
        route = self.routes.get(path)
        if isinstance(route, list):  # a sequence of answers, the last one repeated
            return route.pop(0) if len(route) > 1 else route[0]
        return route or Reply(404, b"not here", "text/plain")

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            reply = self._reply(handler.path)
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            status = reply.status
            if reply.status == 200 and _unchanged(handler, reply):
                status = 304
            with self._lock:
                self.hits.append(Hit("GET", handler.path, dict(handler.headers.items()), status))
            if reply.stall:
                self.released.wait(reply.stall)
            handler.send_response(status)
            handler.send_header("Content-Type", reply.content_type)
            for name, value in {**reply.headers, **_validators(reply)}.items():
                handler.send_header(name, value)
            if reply.stream is not None and status == 200:
                handler.send_header("Connection", "close")
                handler.end_headers()
                for chunk in reply.stream():
                    handler.wfile.write(chunk)
                return
            body = reply.body if status != 304 else b""
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: what the size cap tests expect
        finally:
            with self._lock:
                self.in_flight -= 1


def _validators(reply: Reply) -> dict[str, str]:
    out = {}
    if reply.etag:
        out["ETag"] = reply.etag
    if reply.last_modified:
        out["Last-Modified"] = reply.last_modified
    return out


def _unchanged(handler: BaseHTTPRequestHandler, reply: Reply) -> bool:
    if reply.etag and handler.headers.get("If-None-Match") == reply.etag:
        return True
    return bool(reply.last_modified and handler.headers.get("If-Modified-Since") == reply.last_modified)


class FakeClock:
    """Time that moves only when waited on (or told to): backoff and rate limits cost no real time."""

    def __init__(self, start: datetime = datetime(2024, 3, 4, 12, 0, tzinfo=timezone.utc)) -> None:
        self.now = start.timestamp()
        self.waits: list[float] = []
        self._lock = threading.Lock()

    def time(self) -> float:
        return self.now

    def wait(self, seconds: float, cancel: threading.Event) -> bool:
        with self._lock:
            if seconds > 0:
                self.waits.append(round(seconds, 3))
                self.now += seconds
        return cancel.is_set()

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def utc(self) -> datetime:
        return utc(self)


DEMO_SITE = Path(__file__).resolve().parent / "demo_site"
_TYPES = {".xml": "application/atom+xml", ".html": "text/html; charset=utf-8"}


def publish(site: Site, day: str) -> None:
    """Serve the demo outlet as it is on ``day`` (a later day overlays the earlier one's files),
    with an ETag per file version, as a real server would."""
    folder = DEMO_SITE / day
    for path in sorted(folder.rglob("*.*")):
        body = path.read_bytes()
        site.routes["/" + path.relative_to(folder).as_posix()] = Reply(
            body=body, content_type=_TYPES[path.suffix], etag='"' + hashlib.sha256(body).hexdigest()[:12] + '"')
