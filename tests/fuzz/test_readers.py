"""Property tests of every reader on hostile bytes: it never raises, everything it yields can be stored
and printed, and every input ends named (a document under its name, a Failure or a Notice)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from storyledger.errors import Failure, Notice
from storyledger.records import Hints, RawDocument
from storyledger.sources import read_path
from storyledger.sources.limits import YEARS
from tests.fuzz.budget import fuzz
from tests.fuzz.shapes import SUFFIXES, good_article

_METADATA_KEYS = ("text", "html", "title", "url", "outlet", "published", "author", "authors")
_ODD_STRINGS = st.sampled_from(["", " ", "\x00", "\u202e", "\u2028", "9999-12-31", "0000-00-00", "2024-02-30",
                                "http://[::1", "http://h:99999/", "x" * 9000, "2024-05-01T10:00:00Z"])
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40) | _ODD_STRINGS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(_METADATA_KEYS) | st.text(max_size=8),
                                                                inner, max_size=6),
    max_leaves=20,
)
_SURROGATE_ESCAPE = st.integers(0xD800, 0xDFFF).map(lambda c: f"\\u{c:04x}")


def _read(tmp_path: Path, name: str, data: bytes) -> list[RawDocument | Failure | Notice]:
    path = tmp_path / name
    path.write_bytes(data)
    items = list(read_path(path, Hints()))
    for item in items:
        assert isinstance(item, (RawDocument, Failure, Notice))
        for text in (item.source, getattr(item, "reason", ""), getattr(item, "text", None) or ""):
            text.encode("utf-8")  # storable and printable: no lone surrogates
        if isinstance(item, RawDocument):
            h = item.hints
            for value in (h.title, h.url, h.outlet, *h.authors):
                (value or "").encode("utf-8")
            assert h.published is None or h.published.year in YEARS
    return items


def _tmp(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    return tmp_path_factory.mktemp("fuzz")


@fuzz(60)
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(max_size=3000))
def test_any_bytes_under_any_suffix(tmp_path_factory, suffix: str, data: bytes) -> None:  # type: ignore[no-untyped-def]
    items = _read(_tmp(tmp_path_factory), f"in{suffix}", data)
    assert items, "every input ends named"


@fuzz(60)
@given(rows=st.lists(st.one_of(_JSON.map(json.dumps), st.text(max_size=30),
                               st.tuples(_SURROGATE_ESCAPE, st.sampled_from(_METADATA_KEYS)).map(
                                   lambda t: f'{{"text": "{good_article(1)[:200]}", "{t[1]}": "x{t[0]}y"}}')),
                     min_size=1, max_size=6))
def test_json_lines_rows_each_end_named(tmp_path_factory, rows: list[str]) -> None:  # type: ignore[no-untyped-def]
    data = "\n".join(r.replace("\n", " ") for r in rows).encode("utf-8", "surrogatepass")
    tmp = _tmp(tmp_path_factory)
    items = _read(tmp, "rows.jsonl", data)
    lines = {n for n, r in enumerate(data.split(b"\n"), 1) if r.strip()}
    ends = [i.source for i in items if not isinstance(i, Notice)]
    if not lines:
        assert items == [Failure(str(tmp / "rows.jsonl"), "empty file: no JSON lines")]
        return
    # each non-blank line ends as exactly one document or one failure, named by its line
    assert sorted(int(s.rsplit(":", 1)[1]) for s in ends) == sorted(lines)


@fuzz(50)
@given(value=_JSON, raw=st.binary(max_size=200), as_raw=st.booleans())
def test_sidecars_never_break_their_input(tmp_path_factory, value: object, raw: bytes, as_raw: bool) -> None:  # type: ignore[no-untyped-def]
    tmp = _tmp(tmp_path_factory)
    (tmp / "a.txt.meta.json").write_bytes(raw if as_raw else json.dumps(value).encode())
    items = _read(tmp, "a.txt", good_article(2).encode())
    docs = [i for i in items if isinstance(i, RawDocument)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(docs) + len(failures) == 1
    assert not failures or "sidecar" in failures[0].reason


_FEED_DATES = st.one_of(st.integers(0, 99_999).map(lambda y: f"Mon, 01 Jan {y:04d} 00:00:00 GMT"),
                        st.integers(0, 99_999).map(lambda y: f"{y:04d}-13-40T25:61:00Z"), st.text(max_size=20))
_CHAR_REFS = st.one_of(st.integers(0, 0x7FFF_FFFF).map(lambda c: f"&#x{c:X};"),
                       st.integers(0, 10**12).map(lambda c: f"&#{c};"), st.sampled_from(["&bogus;", "&amp;", "&#;"]))
_ENCODINGS = st.one_of(st.sampled_from(["utf-8", "\x81tf-8", "utf-16", "latin-1", "ebcdic", "x" * 200, ""]),
                       st.text(max_size=12))


@fuzz(60)
@given(date=_FEED_DATES, ref=_CHAR_REFS, encoding=_ENCODINGS, atom=st.booleans(), entries=st.integers(0, 3))
def test_feeds_with_odd_dates_references_and_encodings(tmp_path_factory, date: str, ref: str, encoding: str,  # type: ignore[no-untyped-def]
                                                       atom: bool, entries: int) -> None:
    body = f"&lt;p&gt;{good_article(3)[:300]} {ref}&lt;/p&gt;"
    if atom:
        items = "".join(f"<entry><title>T{ref}</title><link href='https://quay.example/{n}'/><updated>{date}</updated>"
                        f"<content type='html'>{body}</content></entry>" for n in range(entries))
        xml = f"<feed xmlns='http://www.w3.org/2005/Atom'><title>Q{ref}</title>{items}</feed>"
    else:
        items = "".join(f"<item><title>T{ref}</title><link>https://quay.example/{n}</link><pubDate>{date}</pubDate>"
                        f"<description>{body}</description></item>" for n in range(entries))
        xml = f"<rss version='2.0'><channel><title>Q{ref}</title>{items}</channel></rss>"
    data = f'<?xml version="1.0" encoding="{encoding}"?>{xml}'.encode("utf-8", "surrogatepass")
    result = _read(_tmp(tmp_path_factory), "feed.atom" if atom else "feed.rss", data)
    assert result


def _warc(gz: bool, pages: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for n in range(pages):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        page = f"<html><body><p>{good_article(n)}</p></body></html>".encode()
        writer.write_record(writer.create_warc_record(f"https://quay.example/{n}", "response",
                                                      payload=io.BytesIO(page), http_headers=http))
    return buf.getvalue()


@fuzz(60)
@given(gz=st.booleans(), pages=st.integers(1, 3), cut=st.floats(0, 1), flips=st.lists(
    st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=4))
def test_cut_and_damaged_archives(tmp_path_factory, gz: bool, pages: int, cut: float,  # type: ignore[no-untyped-def]
                                  flips: list[tuple[float, int]]) -> None:
    data = bytearray(_warc(gz, pages))
    for where, byte in flips:
        data[int(where * (len(data) - 1))] = byte
    data = data[: max(1, int(cut * len(data)))] if cut < 0.98 else data
    items = _read(_tmp(tmp_path_factory), "crawl.warc.gz" if gz else "crawl.warc", bytes(data))
    assert items
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert len(docs) <= pages
