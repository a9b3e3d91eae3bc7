"""Following a story live, end to end on the made-up outlet served on 127.0.0.1: `ingest URL`, then
`watch` polls that fetch only what is new, store a corrected article as its next version, and show
the correction in the timeline and in the digest of changes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from storyledger.follow import watch
from storyledger.ingest import ingest
from storyledger.sources.web import Fetcher
from storyledger.store import Ledger, open_ledger
from storyledger.store.read_models import Revision
from tests.sources.web.conftest import TEST_SETTINGS, clock, site  # noqa: F401 (fixtures)
from tests.sources.web.site import FakeClock, Site, publish

VOTE, PLEDGE, SUBSIDY = "/news/council-vote.html", "/news/tidewell-pledge.html", "/news/no-subsidy.html"


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with open_ledger(tmp_path / "story.db") as led:
        yield led


def test_ingest_a_feed_url_then_again_fetches_only_what_is_new(site: Site, clock: FakeClock, ledger: Ledger) -> None:
    publish(site, "day1")
    with Fetcher(TEST_SETTINGS, clock=clock) as fetcher:
        first = ingest([site.url("/feed.xml"), site.url("/missing.xml")], ledger, fetcher=fetcher)
        assert len(first.ingested) == 2 and [f.source for f in first.failed] == [site.url("/missing.xml")]
        assert first.failed[0].reason == "HTTP 404 Not Found"
        site.hits.clear()
        again = ingest([site.url("/feed.xml")], ledger, fetcher=fetcher)
    assert (again.ingested, again.failed) == ([], [])
    assert [(h.path, h.status) for h in site.hits] == [("/feed.xml", 304)]
    doc = ledger.document(first.ingested[0])
    assert doc is not None and doc.url == site.url(VOTE) and doc.outlet == "The Kestrel Bay Herald"
    assert doc.sources == [site.url(VOTE)]


def test_watch_follows_the_story_and_keeps_the_corrected_version(site: Site, clock: FakeClock, ledger: Ledger) -> None:
    publish(site, "day1")
    ledger.follow(site.url("/feed.xml"))
    with Fetcher(TEST_SETTINGS, clock=clock) as fetcher:
        (day1,) = watch(ledger, fetcher, timedelta(minutes=15), polls=1)
        assert len(day1.report.ingested) == 2
        assert [(f.url, f.kind) for f in ledger.followed()] == [(site.url("/feed.xml"), "feed")]
        site.hits.clear()
        (unchanged,) = watch(ledger, fetcher, timedelta(minutes=15), polls=1)
        assert unchanged.report.ingested == [] and [(h.path, h.status) for h in site.hits] == [("/feed.xml", 304)]

        clock.advance(24 * 3600)
        publish(site, "day2")
        (day2,) = watch(ledger, fetcher, timedelta(minutes=15), polls=1)
    assert len(day2.report.ingested) == 2 and day2.report.failed == []
    corrected = next(i for i in day2.report.ingested if ledger.document(i).url == site.url(VOTE))  # type: ignore[union-attr]
    versions = ledger.versions(corrected)
    assert [v.version for v in versions] == [1, 2] and versions[1].document_id == corrected
    assert "six to three" in ledger.document(corrected).text  # type: ignore[union-attr]
    assert "seven to two" in ledger.document(versions[0].document_id).text  # type: ignore[union-attr]
    # (The ledger stamps documents with the real time, so day 1's are in this digest too.)
    changes = ledger.changes(datetime.now(timezone.utc) - timedelta(hours=1))
    assert {(1, site.url(SUBSIDY)), (2, site.url(VOTE))} <= {(a.version, a.document.url) for a in changes.articles}
    corrections = [line for line in ledger.timeline_lines() if line.revision is Revision.CORRECTION]
    assert all(line.document_id == corrected for line in corrections)
