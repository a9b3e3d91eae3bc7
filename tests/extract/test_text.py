"""The scraped-text cleaner on hand-built inputs, and its invariant: the body is its own lines, in order."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyledger.extract.datelines import find_date
from storyledger.extract.lines import features, near_duplicates
from storyledger.extract.text import clean_text, split_lines

ARTICLE = """Council approves new bridge over the river after two-year delay

By Maria Lopez

14 June 2024, 09:10

The city council voted on Thursday to approve funding for a new pedestrian bridge, ending a dispute that had stalled the project for two years.

Supporters said the bridge would cut the walk between the two halves of the town from forty minutes to ten, and would bring shoppers back to the old market.

Share this article

Opponents on the council argued that the cost had doubled since the plan was first drawn up and that the money should go to repairing roads instead.

Construction is expected to begin in the spring and to take about eighteen months, the council's planning officer told reporters after the vote.

Most Read

Sign up to our newsletter

Cookie settings
"""


def test_clean_article_with_furniture() -> None:
    fields = clean_text(ARTICLE)
    body = fields.text.split("\n\n")
    assert fields.title == "Council approves new bridge over the river after two-year delay"
    assert fields.authors == ["Maria Lopez"]
    assert fields.published == date(2024, 6, 14)
    assert body[0].startswith("The city council voted on Thursday")
    assert body[-1].startswith("Construction is expected to begin")
    assert len(body) == 4
    assert "Share this article" not in fields.text and "newsletter" not in fields.text


def test_no_date_in_text_means_unknown() -> None:
    fields = clean_text("\n\n".join(ARTICLE.split("\n\n")[3:]))
    assert fields.published is None


def test_near_duplicates_mark_both_copies_of_a_caption() -> None:
    lines = [
        "A firefighter walks past the burnt-out warehouse on Monday morning",
        "A firefighter walks past the burnt-out warehouse on Monday morning (Reuters)",
        "The fire started shortly after midnight and burned for six hours.",
    ]
    assert near_duplicates(lines) == [True, True, False]


def test_datelines() -> None:
    assert find_date("27 March 2025, 15:21 | Updated: 27 March 2025, 15:30") == date(2025, 3, 27)
    assert find_date("Dec 21, 2023 1:00 pm UTC") == date(2023, 12, 21)
    assert find_date("Updated 2024-02-29") == date(2024, 2, 29)
    assert find_date("March 2025") is None
    assert find_date("31 February 2025") is None


def _is_subsequence(part: list[str], whole: list[str]) -> bool:
    it = iter(whole)
    return all(any(p == w for w in it) for p in part)


line = st.one_of(
    st.text(min_size=0, max_size=120),
    st.sampled_from(["Read more: x", "By Jane Doe", "date 2024-01-02 Title here", "27 March 2025, 15:21", ""]),
    st.lists(st.sampled_from(["the", "minister", "said", "on", "Tuesday", "that", "talks", "would", "resume", "."]),
             min_size=5, max_size=40).map(" ".join),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(line, max_size=30))
def test_body_is_a_subsequence_of_the_input_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    fields = clean_text(text)
    body = [p for p in fields.text.split("\n\n") if p]
    assert _is_subsequence(body, split_lines(text))
    assert all("\n" not in p for p in body)


def test_line_length_is_also_measured_against_the_page() -> None:
    lines = ["Home", "World news", "The minister said on Tuesday that talks with the unions would resume next week.", "Menu"]
    x = features(lines)
    rank, below = x[:, -3], x[:, -1]
    assert rank.argmax() == 2 and rank[2] == (3 + 0.5) / 4
    assert below[2] == 1.0
    assert below[0] == below[3] == 2 / (1 + 2 + 14 + 1)


def test_when_no_line_is_sure_the_most_article_like_sentence_starts_the_body() -> None:
    text = ("Menu\nSubscribe\n"
            "The council voted on Tuesday to close the harbour road for repairs until the end of the summer season.\n"
            "Read more\nShare this article")
    assert clean_text(text, threshold=1.01).text == (
        "The council voted on Tuesday to close the harbour road for repairs until the end of the summer season.")
    assert clean_text("Menu\nSubscribe\nShort line here.\nShare this article", threshold=1.01).text == ""


HEADLINE = "Harbour town votes to rebuild its flooded sea wall"
LEAD = ("The town council of Port Elwin voted on Monday to rebuild the sea wall that gave way in last winter's storms, "
        "after months of argument over who should pay for it.")
REST = [
    "Engineers told the council that the new wall would stand a metre higher than the old one and would take two years to build.",
    "Residents whose homes flooded in January said they were relieved, but several asked why the work could not begin sooner.",
    "The council said it would apply for a national grant to cover half of the cost and would borrow the rest over thirty years.",
]
FURNITURE = ["Share this article", "Most Read", "Sign up to our newsletter"]


@pytest.mark.parametrize(
    ("scrape", "title"),
    [
        pytest.param([f" date 2024-06-03 {HEADLINE}", LEAD, *REST], HEADLINE, id="title on the date line"),
        pytest.param([f" date 2024-06-03 {LEAD}", *REST], None, id="date line then lead, no title"),
        pytest.param([" date 2024-06-03", LEAD, *REST], None, id="date alone, then lead"),
        pytest.param([" date 2024-06-03", HEADLINE, LEAD, *REST], HEADLINE, id="date alone, then title"),
        pytest.param([f" date 2024-06-03 {HEADLINE}", HEADLINE, LEAD, *REST], HEADLINE, id="title repeated"),
        pytest.param([HEADLINE, LEAD, *REST], HEADLINE, id="title, no date"),
        pytest.param([LEAD, *REST], None, id="no title at all"),
    ],
)
def test_the_lead_stays_in_the_body_whatever_the_scrape_shape(scrape: list[str], title: str | None) -> None:
    fields = clean_text("\n\n".join([*scrape, *FURNITURE]))
    assert fields.text.split("\n\n") == [LEAD, *REST]
    assert fields.title == title
    assert fields.published == (date(2024, 6, 3) if "date" in scrape[0] else None)
