from __future__ import annotations

from datetime import date

from lxml.html import fromstring

from storyledger.extract.dates import publication_date, url_date, visible_date


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


def test_visible_byline_date_outweighs_a_single_stale_metadata_date() -> None:
    tree = fromstring(
        "<html><head><title>Best rain jackets 2023</title></head><body><nav>Menu</nav>"
        "<div class='byline'>By Ann Lee <span>Updated Dec. 19, 2023</span></div>"
        "<script>var d = '2019-03-30';</script><p>Our picks for this winter.</p></body></html>"
    )
    assert visible_date(tree) == date(2023, 12, 19)
    assert publication_date(tree, None, date(2019, 3, 30), {}) == date(2023, 12, 19)


def test_three_agreeing_metadata_sources_outweigh_the_visible_date() -> None:
    tree = fromstring("<html><body><p>Posted 22 December 2023</p><p>Text of the story.</p></body></html>")
    meta = {"article:published_time": "2023-12-21T23:00:00Z", "parsely-pub-date": "2023-12-21T23:00:00Z"}
    assert publication_date(tree, None, date(2023, 12, 21), meta) == date(2023, 12, 21)


def test_long_paragraph_dates_are_not_the_visible_date() -> None:
    text = "The treaty signed on 4 July 1998 " + "was discussed at length by the delegates. " * 5
    assert visible_date(fromstring(f"<html><body><p>{text}</p></body></html>")) is None
