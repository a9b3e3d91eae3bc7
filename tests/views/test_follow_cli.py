"""`follow`, `watch`, `changes` and `ingest URL` from the command line, on the demo outlet."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyledger.sources.web import settings
from storyledger.sources.web.settings import FetchSettings
from storyledger.views.cli.app import app
from tests.sources.web.conftest import site  # noqa: F401 (fixture)
from tests.sources.web.site import Site, publish


@pytest.fixture(autouse=True)
def no_host_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI runs on the real clock: no second between requests to the test server."""
    monkeypatch.setattr(settings, "FetchSettings", partial(FetchSettings, host_delay=0.0))


def test_follow_watch_and_changes(site: Site, tmp_path: Path) -> None:
    publish(site, "day1")
    db, runner = str(tmp_path / "story.db"), CliRunner()
    feed = site.url("/feed.xml?utm_source=newsletter")
    assert runner.invoke(app, ["follow", "add", feed, "--db", db]).output == f"following {site.url('/feed.xml')}\n"
    refused = runner.invoke(app, ["watch", "--once", "--db", db])
    assert refused.exit_code == 1 and "a loopback address: not fetched without --allow-local" in refused.output
    polled = runner.invoke(app, ["watch", "--once", "--db", db, "--allow-local", "--warc-dir", str(tmp_path / "w")],
                           terminal_width=200)
    assert polled.exit_code == 0, polled.output
    assert f"{site.url('/feed.xml')} (feed): listed 2, new 2, fetched 2" in polled.output
    assert "ingested 2, unchanged 0, failed 0" in polled.output
    assert len(list((tmp_path / "w").glob("storyledger-*.warc.gz"))) == 1
    (followed,) = [json.loads(line) for line in runner.invoke(app, ["follow", "list", "--db", db, "--json"]).output.splitlines()]
    assert (followed["url"], followed["kind"], followed["pages"]) == (site.url("/feed.xml"), "feed", 2)
    (changes,) = [json.loads(line) for line in runner.invoke(app, ["changes", "--db", db, "--json"]).output.splitlines()]
    assert sorted(a["document"]["url"] for a in changes["articles"]) == [
        site.url("/news/council-vote.html"), site.url("/news/tidewell-pledge.html")]
    assert runner.invoke(app, ["changes", "--db", db, "--since", "soon"]).exit_code == 2
    assert runner.invoke(app, ["follow", "remove", site.url("/feed.xml"), "--db", db]).exit_code == 0
    assert runner.invoke(app, ["follow", "remove", site.url("/feed.xml"), "--db", db]).exit_code == 1


def test_ingest_a_page_url_names_what_failed(site: Site, tmp_path: Path) -> None:
    publish(site, "day1")
    db = str(tmp_path / "l.db")
    result = CliRunner().invoke(app, ["ingest", site.url("/news/council-vote.html"), site.url("/nope"), "--db", db,
                                      "--allow-local", "--no-warc"], terminal_width=200)
    assert result.exit_code == 1
    assert f"failed (read): {site.url('/nope')}: HTTP 404 Not Found" in result.output
    assert "ingested 1, unchanged 0, failed 1" in result.output
    assert not (tmp_path / "l-warc").exists()
