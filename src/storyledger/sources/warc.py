"""WARC archives (.warc, .warc.gz): each HTML response record is one raw document."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyledger.errors import Failure
from storyledger.records import Hints, RawDocument
from storyledger.sources.limits import MAX_EXPANSION, MAX_RECORD_BYTES, display_name, storable

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


class _Bomb(Exception):
    """The archive decompresses to far more than any archive of pages does."""


class _Expansion:
    """Bytes decompressed from one archive so far, against MAX_EXPANSION times its size."""

    def __init__(self, path: Path) -> None:
        self.left = max(MAX_EXPANSION * path.stat().st_size, 2 * MAX_RECORD_BYTES)

    def take(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            raise _Bomb(f"decompresses to over {MAX_EXPANSION} times its size: not an archive of pages")


def read_warc(path: Path, hints: Hints) -> Iterator[RawDocument | Failure]:
    """Stream records; a truncated or corrupt archive yields what was read, then one Failure. Sizes are
    checked while decompressing: a page past MAX_RECORD_BYTES is refused by name (the archive goes on),
    an archive expanding past MAX_EXPANSION times its size is refused there."""
    name = display_name(path)
    count = records = 0
    expansion = _Expansion(path)
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
                ctype = (record.http_headers.get_header("Content-Type") or "").lower() if record.http_headers else ""
                wanted = record.rec_type == "response" and "html" in ctype
                payload = _read_capped(record.content_stream(), expansion) if wanted else None
                _drain(record.raw_stream, expansion)
                url = storable(record.rec_headers.get_header("WARC-Target-URI") or "") or None
                if getattr(record.raw_stream, "limit", 0):
                    # warcio stops quietly where a record is cut: bytes still owed means a cut file.
                    raise EOFError(f"the record for {url} is cut short")
                if not wanted:
                    continue
                count += 1
                where = f"{name}#{url or count}"
                if payload is None:
                    yield Failure(where, f"page decompresses to over {MAX_RECORD_BYTES // 1024 // 1024} MB, "
                                         "the limit for one article")
                    continue
                yield RawDocument(
                    source=where,
                    data=payload,
                    fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")),
                    hints=replace(hints, format="html", url=url),
                )
            if records:
                _check_tail(stream, records_iter)
        if path.name.lower().endswith(".gz"):
            _check_gzip_complete(path, _Expansion(path))
        if records == 0:
            yield Failure(name, "not a WARC archive: no records found")
    except _Bomb as exc:
        yield Failure(name, f"refused after {count} records: the archive {exc}")
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, zlib.error) as exc:
        # (warcio fails with AttributeError on a record cut inside its headers, before its target URI)
        yield Failure(name, f"truncated or corrupt WARC after {count} records ({type(exc).__name__}: {exc})")


def _read_capped(content: BinaryIO, expansion: _Expansion) -> bytes | None:
    """The decoded payload, or None once it passes MAX_RECORD_BYTES (so a bomb stops there)."""
    chunks, size = [], 0
    while chunk := content.read(1 << 16):
        expansion.take(len(chunk))
        size += len(chunk)
        if size > MAX_RECORD_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _drain(raw: BinaryIO, expansion: _Expansion) -> None:
    """Read the rest of a record without undoing its Content-Encoding: nobody needs those bytes."""
    while chunk := raw.read(1 << 16):
        expansion.take(len(chunk))


def _check_tail(stream: BinaryIO, records_iter: ArchiveIterator) -> None:
    """A record cut inside its header is skipped without a word by warcio: bytes left after the
    last whole record mean the file was cut."""
    end = records_iter.get_record_offset() + records_iter.get_record_length()
    stream.seek(end)
    if stream.read(4096).strip():
        raise EOFError(f"bytes after the last whole record at offset {end}: the next record is cut")


def _check_gzip_complete(path: Path, expansion: _Expansion) -> None:
    """warcio stops quietly at a cut gzip member; reading the stream to its end tells a cut file."""
    with gzip.open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            expansion.take(len(chunk))


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
