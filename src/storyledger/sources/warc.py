"""WARC archives (.warc, .warc.gz): each HTML response record is one raw document."""

from __future__ import annotations

import gzip
from dataclasses import replace
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyledger.errors import Failure
from storyledger.records import Hints, RawDocument

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, hints: Hints) -> Iterator[RawDocument | Failure]:
    """Stream records; a truncated or corrupt archive yields what was read, then one Failure."""
    count = records = 0
    try:
        with path.open("rb") as stream:
            records_iter = ArchiveIterator(stream)
            for record in records_iter:
                if record.rec_headers.get_header("WARC-Type") is None:
                    raise ValueError("a record has no WARC-Type header: not a WARC archive")
                if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                    # Every WARC record states its length; warcio takes headers cut short as a whole record.
                    raise EOFError("a record's headers are cut before its Content-Length")
                records += 1
                content = record.content_stream()
                ctype = (record.http_headers.get_header("Content-Type") or "").lower() if record.http_headers else ""
                wanted = record.rec_type == "response" and "html" in ctype
                payload = content.read() if wanted else b""
                while not wanted and content.read(1 << 16):
                    pass
                url = record.rec_headers.get_header("WARC-Target-URI")
                if getattr(record.raw_stream, "limit", 0):
                    # warcio stops quietly where a record is cut: bytes still owed means a cut file.
                    raise EOFError(f"the record for {url} is cut short")
                if not wanted:
                    continue
                count += 1
                yield RawDocument(
                    source=f"{path}#{url or count}",
                    data=payload,
                    fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")),
                    hints=replace(hints, format="html", url=url),
                )
            if records:
                _check_tail(stream, records_iter)
        if path.name.lower().endswith(".gz"):
            _check_gzip_complete(path)
        if records == 0:
            yield Failure(str(path), "not a WARC archive: no records found")
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError) as exc:
        # (warcio fails with AttributeError on a record cut inside its headers, before its target URI)
        yield Failure(str(path), f"truncated or corrupt WARC after {count} records ({type(exc).__name__}: {exc})")


def _check_tail(stream: BinaryIO, records_iter: ArchiveIterator) -> None:
    """A record cut inside its header is skipped without a word by warcio: bytes left after the
    last whole record mean the file was cut."""
    end = records_iter.get_record_offset() + records_iter.get_record_length()
    stream.seek(end)
    if stream.read(4096).strip():
        raise EOFError(f"bytes after the last whole record at offset {end}: the next record is cut")


def _check_gzip_complete(path: Path) -> None:
    """warcio stops quietly at a cut gzip member; reading the stream to its end tells a cut file."""
    with gzip.open(path, "rb") as fh:
        while fh.read(1 << 20):
            pass


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
