from __future__ import annotations

from datetime import date

import pytest
from lxml.html import fromstring

from storyledger.extract.dates import publication_date, url_date, visible_date
from storyledger.extract.metadata import parse_date, parse_stamp


def test_url_date_reads_dated_paths_only() -> None:
    assert url_date("https://example.com/news/2023/12/22/storm-hits/") == date(2023, 12, 22)
    assert url_date("https://example.com/2023/13/45/x") is None
    assert url_date("https://example.com/story-123") is None
    assert url_date(None) is None
    assert url_date("https://example.org/checks/2023/dec/21/a-claim/") == date(2023, 12, 21)
    assert url_date("https://example.org/2023/foo/21/a") is None
    assert url_date("https://example.org/2023/mayor/21/a") is None
    assert url_date("https://example.org/2023/SEPT/05/a") == date(2023, 9, 5)


def test_majority_of_sources_beats_a_stale_json_ld_date() -> None:
    tree = fromstring(
        "<html><head><meta property='article:published_time' content='2023-12-20T10:00:00Z'></head>"
        "<body><time datetime='2023-12-20'>Dec 20</time><p>Text</p></body></html>"
    )
    meta = {"article:published_time": "2023-12-20T10:00:00Z"}
    assert publication_date(tree, "https://example.com/2023/12/20/a", "2019-03-30", meta) == date(2023, 12, 20)


def test_no_source_means_no_date() -> None:
    assert publication_date(fromstring("<html><body><p>Undated text</p></body></html>"), None, None, {}) is None


def test_visible_byline_date_outweighs_a_single_stale_metadata_date() -> None:
    tree = fromstring(
        "<html><head><title>Best rain jackets 2023</title></head><body><nav>Menu</nav>"
        "<div class='byline'>By Ann Lee <span>Updated Dec. 19, 2023</span></div>"
        "<script>var d = '2019-03-30';</script><p>Our picks for this winter.</p></body></html>"
    )
    assert visible_date(tree) == date(2023, 12, 19)
    assert publication_date(tree, None, "2019-03-30", {}) == date(2023, 12, 19)


def test_three_agreeing_metadata_sources_outweigh_the_visible_date() -> None:
    tree = fromstring("<html><body><p>Posted 22 December 2023</p><p>Text of the story.</p></body></html>")
    meta = {"article:published_time": "2023-12-21T18:00:00-05:00", "parsely-pub-date": "2023-12-21T18:00:00-05:00"}
    assert publication_date(tree, None, "2023-12-21", meta) == date(2023, 12, 21)


def test_long_paragraph_dates_are_not_the_visible_date() -> None:
    text = "The treaty signed on 4 July 1998 " + "was discussed at length by the delegates. " * 5
    assert visible_date(fromstring(f"<html><body><p>{text}</p></body></html>")) is None


def _page(body: str) -> str:
    return f"<html><head><title>Harbour bridge reopens after repairs</title></head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "<div class='top'><span>Sunday, December 24, 2023</span></div>"
            "<h1>Harbour bridge reopens after repairs</h1>"
            "<div class='byline'>By Ann Lee • December 20, 2023 7:00 am</div><p>The bridge reopened.</p>",
            date(2023, 12, 20),
            id="the masthead date before the headline gives way to the byline after it",
        ),
        pytest.param(
            "<div class='meta'><time>December 19, 2023 5:00am EST</time></div>"
            "<h1>Harbour bridge reopens after repairs</h1><p>The bridge reopened on Tuesday.</p>",
            date(2023, 12, 19),
            id="a date before the headline counts when none follows",
        ),
        pytest.param(
            "<header><h1>Gazette</h1><span>Sunday, December 24, 2023</span></header>"
            "<h1>Harbour bridge reopens after repairs</h1><div class='by'>Dec 21, 2023</div><p>Text.</p>",
            date(2023, 12, 21),
            id="a one-word h1 is the logo, not the headline",
        ),
        pytest.param(
            "<h1>Harbour bridge reopens after repairs</h1>"
            "<nav><a>Film out on January 15, 2024</a></nav>"
            "<div class='site-menu'><span>Nov. 2, 2023</span></div>"
            "<aside><time>October 15, 2023 12:00 PM</time></aside>"
            "<figure><img src='b.jpg'><figcaption>The bridge on Nov. 12, 2021.</figcaption></figure>"
            "<div class='inline-caption'>Workers on May 3, 2022</div>"
            "<blockquote class='tweet'><a>March 3, 2023</a></blockquote>"
            "<div role='navigation'><a>April 1, 2023</a></div>"
            "<div class='byline'>Published 9 December 2023</div><p>The bridge reopened.</p>",
            date(2023, 12, 9),
            id="menus, sidebars, captions and embeds are not the byline",
        ),
        pytest.param(
            "<h1>Harbour bridge reopens after repairs</h1>"
            "<p>The first bridge here opened on April 23, 1985.</p><p>Text of the story goes on.</p>"
            "<p><a>Its builders</a> had worked on it since 3rd Jun 1983.\n  </p>",
            None,
            id="a sentence of the story is not a byline",
        ),
    ],
)
def test_the_visible_byline_date(body: str, expected: date | None) -> None:
    assert visible_date(fromstring(_page(body))) == expected


def test_a_utc_stamp_supports_the_local_day_written_on_the_page() -> None:
    # 22:03 UTC on the 25th is the morning of the 26th in the publisher's zone, as the byline says.
    tree = fromstring(_page(
        "<h1>Harbour bridge reopens after repairs</h1><div class='byline'>December 26, 2023 - 9:03AM</div><p>Text.</p>"
    ))
    meta = {"article:published_time": "2023-12-25T22:03:00.000Z"}
    assert publication_date(tree, None, "2023-12-25T22:03:00Z", meta) == date(2023, 12, 26)


def test_a_utc_stamp_does_not_follow_a_day_no_time_zone_reaches() -> None:
    # 02:00 UTC on the 20th is the 19th or the 20th somewhere, never the 21st.
    tree = fromstring(_page("<h1>Harbour bridge reopens after repairs</h1><div class='by'>December 21, 2023</div><p>Text.</p>"))
    meta = {"article:published_time": "2023-12-20T02:00:00Z", "parsely-pub-date": "2023-12-20T02:00:00Z"}
    assert publication_date(tree, None, "2023-12-20T02:00:00Z", meta) == date(2023, 12, 20)


def test_a_visible_update_date_does_not_move_the_utc_publication_day() -> None:
    tree = fromstring(_page(
        "<h1>Harbour bridge reopens after repairs</h1>"
        "<div class='stamp'><time class='stamp__mod'><span>Dec. 23, 2023</span></time>"
        "<time class='stamp__pub'><span>Dec. 22, 2023</span></time></div><p>Text.</p>"
    ))
    meta = {"article:published_time": "2023-12-22T23:30:00Z", "parsely-pub-date": "2023-12-22T23:30:00Z"}
    assert publication_date(tree, None, "2023-12-22T23:30:00Z", meta) == date(2023, 12, 22)


def test_a_stamp_keeps_the_day_of_its_own_time_zone() -> None:
    assert parse_date("2023-03-19T22:00:00-04:00") == date(2023, 3, 19)
    assert parse_date("2023-12-22T22:02:10+05:30") == date(2023, 12, 22)
    stamp = parse_stamp("2023-12-25T22:03:00Z")
    assert stamp is not None and stamp.day == date(2023, 12, 25) and stamp.utc is not None
    assert parse_stamp("2023-12-25T22:03:00-08:00").utc is None  # type: ignore[union-attr]
    assert parse_stamp("2023-12-25").utc is None  # type: ignore[union-attr]


def test_rfc_2822_and_written_out_stamps_are_read() -> None:
    assert parse_date("Thu, 21 Dec 2023 09:45:16 PST") == date(2023, 12, 21)
    assert parse_date("Sat, 23 Dec 2023 05:42:00 +0000") == date(2023, 12, 23)
    assert parse_date("Monday, February 12, 2024, 07:00 PM") == date(2024, 2, 12)
    assert parse_date("not a date at all") is None
    assert parse_date(None) is None
    assert parse_date("9999-12-31T23:00:00Z") == date(9999, 12, 31)


def test_a_stamp_at_the_edge_of_the_calendar_does_not_crash_the_vote() -> None:
    tree = fromstring(_page("<h1>Harbour bridge reopens after repairs</h1><div class='by'>January 1, 2000</div><p>Text.</p>"))
    assert publication_date(tree, None, "0001-01-01T01:00:00Z", {}) == date(2000, 1, 1)


def test_a_logo_h1_read_from_its_svg_title_is_not_the_headline() -> None:
    tree = fromstring(_page(
        "<h1><a href='/'><svg><title>Gazette</title><desc>Gazette Logo</desc></svg></a></h1>"
        "<span>Sunday, December 24, 2023</span>"
        "<h1>Harbour bridge reopens after repairs</h1><div class='by'>Dec 21, 2023</div><p>Text.</p>"
    ))
    assert visible_date(tree) == date(2023, 12, 21)


def test_slashed_dates_are_read_only_when_unambiguous() -> None:
    def seen(stamp: str) -> date | None:
        return visible_date(fromstring(_page(f"<h1>Harbour bridge reopens after repairs</h1><p class='t'>{stamp}</p>")))

    assert seen("12/22/2023 05:00 AM EST") == date(2023, 12, 22)
    assert seen("22/12/2023 05:00") == date(2023, 12, 22)
    assert seen("03/03/2023") == date(2023, 3, 3)
    assert seen("03/04/2023") is None  # March 4th or 3 April: not guessed
    assert seen("31/02/2023") is None


def test_odd_markup_and_garbage_stamps_give_no_date_rather_than_an_error() -> None:
    tree = fromstring("<div><!-- 2023-12-01 --><?php echo 1 ?>tail text<h1>Only a fragment here</h1></div>")
    assert visible_date(tree) is None
    meta = {"article:published_time": "yesterday", "parsely-pub-date": "2023-99-99T00:00:00Z", "sailthru.date": "0"}
    assert publication_date(tree, "https://example.org/2023/13/40/x", "not-a-date-at-all", meta) is None
