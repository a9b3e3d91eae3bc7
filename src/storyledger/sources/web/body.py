"""Reading a response body under a size cap, decoding gzip and deflate ourselves.

httpx's own decoders inflate a whole network chunk at once, so a 64 KB chunk of a gzip bomb can
become gigabytes before any size check; here zlib is asked for at most the bytes still allowed.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

GZIP_MAGIC = b"\x1f\x8b"


class BodyError(Exception):
    """The body cannot be kept: over the size cap, too slow, or in an encoding we did not ask for.
    ``raw`` holds what was read, ``truncated`` why reading stopped, in WARC-Truncated terms."""

    def __init__(self, reason: str, raw: bytes = b"", truncated: str | None = None) -> None:
        super().__init__(reason)
        self.raw, self.truncated = raw, truncated


@dataclass(frozen=True, slots=True)
class Body:
    raw: bytes  # as the server sent it (content-encoded): what the WARC keeps
    data: bytes  # decoded


class _Inflater:
    """gzip (several members allowed, as RFC 1952 says) or deflate (zlib-wrapped or raw, as servers vary)."""

    def __init__(self, encoding: str) -> None:
        self._gzip = encoding == "gzip"
        self._first = True
        self._obj = self._new(zlib.MAX_WBITS | 16 if self._gzip else zlib.MAX_WBITS)

    @staticmethod
    def _new(wbits: int) -> zlib._Decompress:
        return zlib.decompressobj(wbits)

    def feed(self, data: bytes, room: int) -> bytes:
        """Decode ``data``, returning at most ``room + 1`` bytes (one more than allowed tells a bomb)."""
        out = bytearray()
        while data and len(out) <= room:
            if self._obj.eof:
                if not (self._gzip and data.startswith(GZIP_MAGIC)):
                    return bytes(out)  # trailing bytes after the stream: ignored, as browsers do
                self._obj = self._new(zlib.MAX_WBITS | 16)
            try:
                out += self._obj.decompress(data, room + 1 - len(out))
            except zlib.error as exc:
                if self._gzip or not self._first:
                    raise BodyError(f"corrupt {'gzip' if self._gzip else 'deflate'} body: {exc}") from exc
                self._obj = self._new(-zlib.MAX_WBITS)  # raw deflate without the zlib header
                self._first = False
                continue
            self._first = False
            data = self._obj.unconsumed_tail or (self._obj.unused_data if self._obj.eof else b"")
        return bytes(out)


def read_body(chunks: Iterable[bytes], encoding: str, limit: int, expired: Callable[[], bool]) -> Body:
    """Raise BodyError naming the cap when the decoded body is over ``limit`` bytes."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        inflater = None
    elif encoding in ("gzip", "x-gzip", "deflate"):
        inflater = _Inflater("gzip" if encoding != "deflate" else "deflate")
    else:
        raise BodyError(f"Content-Encoding {encoding!r} was not asked for")
    raw, data = bytearray(), bytearray()
    for chunk in chunks:
        raw += chunk
        try:
            data += inflater.feed(chunk, limit - len(data)) if inflater else chunk
        except BodyError as exc:
            raise BodyError(str(exc), bytes(raw)) from exc
        if len(data) > limit:
            what = "decompresses to" if inflater else "is"
            raise BodyError(f"body {what} more than {_mb(limit)}, the limit", bytes(raw), "length")
        if expired():
            raise BodyError("body took longer than the total timeout to arrive", bytes(raw), "time")
    return Body(bytes(raw), bytes(data))


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:g} MB"
