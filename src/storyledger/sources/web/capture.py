"""The raw exchange of every fetch, kept in one WARC file per run (warcio), so any page can be
extracted again later without fetching it again: `storyledger ingest run.warc.gz` reads it back."""

from __future__ import annotations

import io
import os
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyledger.sources.web.settings import FetchSettings

# Hop-by-hop framing the stored body no longer has; renamed as Common Crawl does, so readers
# neither de-chunk the body again nor lose what the server said.
_FRAMING = {"transfer-encoding"}


@dataclass(frozen=True, slots=True)
class WarcRef:
    """Where a response record starts, so it can be read without scanning the file."""

    path: str
    offset: int


@dataclass(frozen=True, slots=True)
class Exchange:
    """One HTTP request and its response, as sent and received."""

    url: str
    request_headers: list[tuple[str, str]]
    status: int
    reason: str
    http_version: str
    response_headers: list[tuple[str, str]]
    raw_body: bytes
    fetched_at: datetime
    truncated: str | None = None  # "length" or "time" when the body was cut at a cap


class WarcRecorder:
    """Thread-safe; the file is created at the first record, so a run that fetches nothing leaves none."""

    def __init__(self, directory: Path | str, settings: FetchSettings, started: datetime | None = None) -> None:
        self.directory = Path(directory)
        stamp = (started or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
        self.path = self.directory / f"storyledger-{stamp}-{os.getpid()}.warc.gz"
        self._settings = settings
        self._lock = threading.Lock()
        self._file: BinaryIO | None = None
        self._writer: WARCWriter | None = None

    def record(self, exchange: Exchange) -> WarcRef:
        with self._lock:
            writer, out = self._open()
            offset = out.tell()
            date = {"WARC-Date": exchange.fetched_at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
            response_headers = dict(date)
            if exchange.truncated:
                response_headers["WARC-Truncated"] = exchange.truncated
            response = writer.create_warc_record(
                exchange.url, "response", payload=io.BytesIO(exchange.raw_body), warc_headers_dict=response_headers,
                http_headers=StatusAndHeaders(
                    f"{exchange.status} {exchange.reason}".strip(),
                    [(f"X-Crawler-{k}" if k.lower() in _FRAMING else k, v) for k, v in exchange.response_headers],
                    protocol=exchange.http_version,
                ),
            )
            request = writer.create_warc_record(
                exchange.url, "request", payload=io.BytesIO(b""), warc_headers_dict=date,
                http_headers=StatusAndHeaders(f"GET {_target(exchange.url)} HTTP/1.1", exchange.request_headers,
                                              is_http_request=True),
            )
            writer.write_request_response_pair(request, response)
            out.flush()
            return WarcRef(str(self.path), offset)

    def _open(self) -> tuple[WARCWriter, BinaryIO]:
        if self._writer is None or self._file is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("ab")
            self._writer = WARCWriter(self._file, gzip=True)
            self._writer.write_record(self._writer.create_warcinfo_record(self.path.name, {
                "software": self._settings.user_agent,
                "format": "WARC File Format 1.0",
                "robots": "obey",
            }))
        return self._writer, self._file

    def close(self) -> None:
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = self._writer = None


def _target(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
