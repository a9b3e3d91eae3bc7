"""WARC archives and RSS/Atom feeds become raw documents; cut or junk archives fail by name."""

from __future__ import annotations

import gzip
import io
from datetime import date
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyledger.errors import Failure, Notice
from storyledger.records import Hints, RawDocument
from storyledger.sources import read_path

PAGE = "<html><head><title>Dockers vote {i}</title></head><body><p>Port workers voted {i}.</p></body></html>"


def _warc(gzip: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for i in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://harbour.example/{i}", "response", payload=io.BytesIO(PAGE.format(i=i).encode()),
            http_headers=headers))
    robots = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://harbour.example/robots.txt", "response", payload=io.BytesIO(b"User-agent: *"), http_headers=robots))
    return buf.getvalue()


def test_warc_html_responses_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc(gzip=True))
    items = list(read_path(path, Hints()))
    assert [i.source for i in items] == [f"{path}#https://harbour.example/{i}" for i in range(3)]
    assert items[1].hints.url == "https://harbour.example/1" and items[1].hints.format == "html"
    assert items[1].data == PAGE.format(i=1).encode()


def test_cut_archives_keep_what_was_read_and_fail_by_name(tmp_path: Path) -> None:
    for name, data in (("cut.warc.gz", _warc(gzip=True)[:-200]), ("cut.warc", _warc(gzip=False)[:-200])):
        path = tmp_path / name
        path.write_bytes(data)
        items = list(read_path(path, Hints()))
        docs = [i for i in items if not isinstance(i, Failure)]
        assert len(docs) >= 2, name
        assert isinstance(items[-1], Failure) and items[-1].source == str(path)
        assert items[-1].reason.startswith(f"truncated or corrupt WARC after {len(docs)} records")


def test_text_named_warc_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("these are my notes, not an archive\n" * 3)
    (item,) = list(read_path(path, Hints()))
    assert isinstance(item, Failure) and "not a WARC archive" in item.reason


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>
<item><title>Dockers vote to end strike</title><link>https://harbour.example/a</link>
<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Port workers in Halden voted on Monday to end the strike.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://harbour.example/b</link></item>
</channel></rss>"""


def test_feed_entries_become_html_documents_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "harbour.rss"
    path.write_text(RSS)
    first, second = list(read_path(path, Hints()))
    assert first.source == f"{path}#https://harbour.example/a"
    assert (first.hints.title, first.hints.outlet, first.hints.published) == (
        "Dockers vote to end strike", "Harbour Times", date(2024, 3, 4))
    assert "<p>Port workers in Halden voted on Monday to end the strike.</p>" in first.text
    assert second == Failure(f"{path}#https://harbour.example/b", "feed entry has no content or summary")


def test_malformed_feed_fails_by_name(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_bytes(b"\x3c?xml version='1.0'?>\n<rss><channel><title>oops")
    (item,) = list(read_path(path, Hints()))
    assert isinstance(item, Failure) and item.reason.startswith("not a readable RSS/Atom feed")


def test_an_archive_cut_anywhere_in_its_last_record_fails_by_name(tmp_path: Path) -> None:
    # The cut falls in the payload, the HTTP headers or the WARC headers (which lose the target URI).
    # Not tested: a cut in the final blank lines (nothing is lost) or between two gzip members (what
    # is left is a whole, shorter archive).
    for gz in (False, True):
        data = _warc(gzip=gz)
        for cut in range(len(data) - 420, len(data) - 4):
            if gz and _whole_gzip(data[:cut]):
                continue
            path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
            path.write_bytes(data[:cut])
            items = list(read_path(path, Hints()))
            assert isinstance(items[-1], Failure) and items[-1].source == str(path), cut


def _whole_gzip(data: bytes) -> bool:
    try:
        gzip.decompress(data)
    except (EOFError, OSError):
        return False
    return True


# Regression tests: each input once crashed a whole batch or ran unbounded, and is now named.

def _feed_file(tmp_path: Path, name: str, items: str, head: str = '<?xml version="1.0" encoding="utf-8"?>') -> Path:
    path = tmp_path / name
    path.write_bytes(f'{head}<rss version="2.0"><channel><title>Quay Post</title>{items}</channel></rss>'.encode())
    return path


def _item(description: str, extra: str = "") -> str:
    return f"<item><title>Fares</title><link>https://quay.example/a</link>{extra}<description>{description}</description></item>"


def test_character_references_to_no_character_become_replacement_characters(tmp_path: Path) -> None:
    path = _feed_file(tmp_path, "refs.rss", _item("&lt;p&gt;Fares &#x110000; up &#xD800; and &#0; down&lt;/p&gt;"))
    (doc,) = list(read_path(path, Hints()))
    assert "<p>Fares \ufffd up \ufffd and \ufffd down</p>" in doc.text


def test_feed_dates_no_article_can_have_are_dropped_by_name(tmp_path: Path) -> None:
    path = _feed_file(tmp_path, "old.rss", _item("&lt;p&gt;Fares rose.&lt;/p&gt;",
                                                  "<pubDate>Mon, 01 Jan 0999 00:00:00 GMT</pubDate>"))
    notice, doc = list(read_path(path, Hints()))
    assert notice == Notice(f"{path}#https://quay.example/a",
                            "dropped 'published': year 999 is not between 1000 and 2999")
    assert doc.hints.published is None and doc.hints.title == "Fares"


def test_a_feed_declaring_an_unknown_encoding_does_not_break_the_batch(tmp_path: Path) -> None:
    path = _feed_file(tmp_path, "enc.rss", _item("&lt;p&gt;Fares rose.&lt;/p&gt;"),
                      head='<?xml version="1.0" encoding="\x81tf-8"?>')
    items = list(read_path(path, Hints()))
    assert len(items) == 1 and isinstance(items[0], (RawDocument, Failure))


def test_a_feed_past_the_entry_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    path = _feed_file(tmp_path, "huge.rss", _item("x") * 2_001)
    assert list(read_path(path, Hints())) == [
        Failure(str(path), "not a readable RSS/Atom feed: 2001 entries, over the 2000 limit for one feed file")]


def _bomb_warc(tmp_path: Path) -> Path:
    bomb = gzip.compress(b"<p>" + b"a" * (60 * 1024 * 1024) + b"</p>", compresslevel=9)
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for url, payload, headers in (("https://quay.example/bomb", bomb, [("Content-Encoding", "gzip")]),
                                  ("https://quay.example/fine", PAGE.format(i=1).encode(), [])):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), *headers], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http))
    path = tmp_path / "bomb.warc"
    path.write_bytes(buf.getvalue())
    return path


def test_a_page_that_decompresses_past_the_limit_is_refused_and_the_archive_goes_on(tmp_path: Path) -> None:
    path = _bomb_warc(tmp_path)
    refused, fine = list(read_path(path, Hints()))
    assert refused == Failure(f"{path}#https://quay.example/bomb",
                              "page decompresses to over 50 MB, the limit for one article")
    assert fine.data == PAGE.format(i=1).encode()


def test_an_archive_expanding_past_its_ratio_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "members.warc.gz"
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for n in range(6):  # each record a 20 MB response that compresses to about 20 KB
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://quay.example/{n}", "response",
                                                      payload=io.BytesIO(b" " * (20 * 1024 * 1024)), http_headers=http))
    path.write_bytes(buf.getvalue())
    (item,) = list(read_path(path, Hints()))
    assert item == Failure(str(path), "refused after 0 records: the archive decompresses to over 100 times its size: "
                                      "not an archive of pages")
