from __future__ import annotations

from datetime import date

from lxml.html import fromstring

from storyledger.extract.dates import publication_date, url_date


def test_url_date_reads_dated_paths_only() -> None:
    assert url_date("https://example.com/news/2023/12/22/storm-hits/") == date(2023, 12, 22)
    assert url_date("https://example.com/2023/13/45/x") is None
    assert url_date("https://example.com/story-123") is None
    assert url_date(None) is None


def test_majority_of_sources_beats_a_stale_json_ld_date() -> None:
    tree = fromstring(
        "<html><head><meta property='article:published_time' content='2023-12-20T10:00:00Z'></head>"
        "<body><time datetime='2023-12-20'>Dec 20</time><p>Text</p></body></html>"
    )
    meta = {"article:published_time": "2023-12-20T10:00:00Z"}
    assert publication_date(tree, "https://example.com/2023/12/20/a", date(2019, 3, 30), meta) == date(2023, 12, 20)


def test_no_source_means_no_date() -> None:
    assert publication_date(fromstring("<html><body><p>Undated text</p></body></html>"), None, None, {}) is None
