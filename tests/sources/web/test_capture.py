"""Every exchange of a run lands in its WARC file, which `ingest` reads back without fetching."""

from __future__ import annotations

import gzip
from dataclasses import replace
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from storyledger.records import Hints, RawDocument
from storyledger.sources import read_path
from storyledger.sources.web import Collector, Fetcher, MemoryState, Source, WarcRecorder
from tests.sources.web.conftest import TEST_SETTINGS
from tests.sources.web.site import FakeClock, Reply, Site, publish


def _records(path: Path) -> list[tuple[str, str | None, str | None]]:
    with path.open("rb") as stream:
        return [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"),
                 r.http_headers.get_statuscode() if r.rec_type == "response" else None) for r in ArchiveIterator(stream)]


def test_a_run_is_kept_in_a_warc_that_ingest_reads_back(site: Site, clock: FakeClock, tmp_path: Path) -> None:
    publish(site, "day1")
    vote = site.routes["/news/council-vote.html"]
    # Served gzip-encoded: the WARC keeps the bytes as sent, reading it back decodes them.
    site.routes["/news/council-vote.html"] = replace(vote, body=gzip.compress(vote.body),
                                                     headers={"Content-Encoding": "gzip"})
    recorder = WarcRecorder(tmp_path, TEST_SETTINGS, clock.utc())
    with Fetcher(TEST_SETTINGS, clock=clock, recorder=recorder) as fetcher:
        handed = [i for i in Collector(fetcher, MemoryState()).run([Source(site.url("/feed.xml"))])]
    assert recorder.path.name == "storyledger-20240304T120000Z-" + recorder.path.name.split("-")[2]
    u = site.url
    records = _records(recorder.path)
    assert records[:5] == [
        ("warcinfo", None, None),
        ("response", u("/robots.txt"), "404"), ("request", u("/robots.txt"), None),
        ("response", u("/feed.xml"), "200"), ("request", u("/feed.xml"), None),
    ]
    # The two articles were fetched at once: their records come in the order their answers did.
    assert sorted(records[5:]) == [
        ("request", u("/news/council-vote.html"), None), ("request", u("/news/tidewell-pledge.html"), None),
        ("response", u("/news/council-vote.html"), "200"), ("response", u("/news/tidewell-pledge.html"), "200"),
    ]
    again = list(read_path(recorder.path, Hints()))
    assert all(isinstance(d, RawDocument) for d in again)
    assert {d.hints.url: d.data for d in again} == {d.hints.url: d.data for d in handed}
    assert again[0].fetched_at == handed[0].fetched_at == clock.utc()


def test_a_body_cut_at_the_size_cap_is_marked_truncated(site: Site, clock: FakeClock, tmp_path: Path) -> None:
    site.routes["/huge"] = Reply(stream=lambda: (b"x" * (1 << 20) for _ in range(20)))
    recorder = WarcRecorder(tmp_path, TEST_SETTINGS, clock.utc())
    with Fetcher(TEST_SETTINGS, clock=clock, recorder=recorder) as fetcher:
        fetcher.fetch(site.url("/huge"))
    with recorder.path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response" and record.rec_headers.get_header("WARC-Target-URI") == site.url("/huge"):
                assert record.rec_headers.get_header("WARC-Truncated") == "length"
                assert record.http_headers.get_header("Content-Type") == "text/html; charset=utf-8"
                assert 10 << 20 <= len(record.content_stream().read()) < 12 << 20
                return
    raise AssertionError("no response record for /huge")
