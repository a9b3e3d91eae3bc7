"""HTML pages: body, metadata from JSON-LD/OpenGraph/h1, titles without the site's name."""

from __future__ import annotations

import json
import re
from datetime import date

from storyledger.extract.bylines import normalise
from storyledger.extract.html import extract_html
from storyledger.extract.titles import choose_title, strip_site
from storyledger.records import DateSource

PARAS = [
    "The regional transport authority said on Monday that it would extend the night bus network to four new suburbs from September.",
    "Officials said the change followed a year-long consultation in which residents complained that the last train left too early.",
    "The extension will cost about 3 million a year and will be paid for by a small rise in the daytime fare, the authority said.",
    "Local business groups welcomed the move, saying late-shift workers in restaurants and hospitals had struggled to get home.",
]


def page(ld: dict | None = None, h1: str = "Night buses to reach four new suburbs") -> str:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return f"""<!doctype html><html lang="en"><head><title>Night buses to reach four new suburbs | City Herald</title>
<meta property="og:title" content="Night buses to reach four new suburbs | City Herald">
<meta property="og:site_name" content="City Herald">{script}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>{h1}</h1>{body}</article>
<footer>Copyright City Herald. All rights reserved.</footer></body></html>"""


def test_body_title_outlet_and_json_ld_metadata() -> None:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Night buses to reach four new suburbs",
          "datePublished": "2024-05-06T23:30:00-04:00", "author": [{"@type": "Person", "name": "Sam Okafor"},
          {"@type": "Person", "name": "Lee Chang"}], "publisher": {"@type": "Organization", "name": "City Herald"}}
    fields = extract_html(page(ld))
    assert fields.text.split("\n\n") == PARAS
    assert fields.title == "Night buses to reach four new suburbs"
    assert fields.authors == ["Sam Okafor", "Lee Chang"]
    assert fields.published == date(2024, 5, 6)  # the publisher's own day, not UTC's
    assert fields.published_source is DateSource.METADATA
    assert fields.outlet == "City Herald"


def test_no_date_anywhere_means_unknown() -> None:
    fields = extract_html(page())
    assert fields.published is None and fields.published_source is DateSource.UNKNOWN


def test_h1_section_label_is_dropped() -> None:
    assert choose_title(["Opinion | Night buses to reach four new suburbs"],
                        ["Night buses to reach four new suburbs - City Herald"]) == "Night buses to reach four new suburbs"


def test_site_suffix_and_prefix_are_stripped() -> None:
    assert strip_site("Night buses to reach four new suburbs | City Herald", ("City Herald",)) == "Night buses to reach four new suburbs"
    assert strip_site("PolitiFact - Night buses to reach four new suburbs") == "Night buses to reach four new suburbs"
    assert strip_site("Night buses: what changes for you") == "Night buses: what changes for you"


def test_bylines_are_split_and_cleaned() -> None:
    assert normalise(["By Jane Doe and John Smith"]) == ["Jane Doe", "John Smith"]
    assert normalise(["Lauren Manaker MS, RDN, LD"]) == ["Lauren Manaker"]
    assert normalise(["Anna Lee | alee@example.com", "City Herald"], ("City Herald",)) == ["Anna Lee"]
    assert normalise(["Fiona Leishman", "Fiona-Leishman", "Published on"]) == ["Fiona Leishman"]


def test_bylines_drop_organisations_roles_and_affiliations() -> None:
    assert normalise(["John O'Connor The Associated Press", "TMZ Staff", "The Daily Journal"]) == ["John O'Connor"]
    assert normalise(["— Jane Roe", "Kayla Jimenez USA TODAY", "Jon Talton Columnist"]) == [
        "Jane Roe",
        "Kayla Jimenez",
        "Jon Talton",
    ]
    assert normalise(["Staff reports", "February", "Aleksandar Stevanovic Senior Writer"]) == ["Aleksandar Stevanovic"]


def test_byline_element_when_page_declares_no_author() -> None:
    page = (
        "<html><head><title>Rain floods the valley</title></head><body><article><h1>Rain floods the valley</h1>"
        '<div class="article-byline">By <a href="/staff/ann">Ann Marie Cole</a></div>'
        + "<p>The river rose two metres overnight and crews closed the old bridge before dawn on Tuesday.</p>" * 6
        + "</article></body></html>"
    )
    assert extract_html(page).authors == ["Ann Marie Cole"]


def test_bylines_drop_job_titles_and_the_outlet_without_its_article() -> None:
    assert normalise(["Andrew Bosworth, Chief Technology Officer, Head", "Guardian"], ("The Guardian",)) == [
        "Andrew Bosworth"
    ]


def test_saved_page_without_an_address_is_dated_and_placed_by_its_canonical_link() -> None:
    html = page().replace("</head>", '<link rel="canonical" href="https://cityherald.example/news/2021/05/04/night-buses/">'
                                      "</head>")
    fields = extract_html(html)
    assert (fields.url, fields.published) == ("https://cityherald.example/news/2021/05/04/night-buses/", date(2021, 5, 4))
    given = extract_html(html, url="https://mirror.example/copy")
    assert (given.url, given.published) == ("https://mirror.example/copy", date(2021, 5, 4))


LINKED = [
    ('Aid agencies urged the council on Friday to speed up the process of delivering '
     '<span class="link"><a href="/aid">aid to civilians in the valley</a></span> and demand that both sides '
     '<a href="/truce">respect the ceasefire</a> agreed last month.'),
    ('The minister, <span style="border-bottom: 1px dotted"><a href="/people/okafor">Dana Okafor</a></span>, said that '
     '<em>every available lorry</em> would be sent north within <span class="link">the next ten days</span>, according to '
     '<a href="https://wire.example/story">a report by the Northern Wire agency</a>.'),
    ('Local officials said the <strong>main bridge</strong> had reopened on Monday after repairs, and that convoys would '
     'be able to cross it from <span class="bottom">Wednesday morning</span> onwards.'),
    ("The regional governor told reporters that food stocks in three towns would last only a few more days unless the "
     "deliveries arrived as promised."),
]


def test_links_and_emphasis_inside_sentences_keep_their_words() -> None:
    html = ("<html><head><title>Aid agencies urge faster deliveries | Portal News</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Aid agencies urge faster deliveries</h1>"
            + "".join(f"<p>{p}</p>" for p in LINKED) + "</article><footer>About us</footer></body></html>")
    plain = [re.sub(r"<[^>]+>", "", p) for p in LINKED]
    assert extract_html(html).text.split("\n\n") == plain


def test_a_page_laid_out_in_tables_keeps_its_text() -> None:
    cells = "".join(f"<tr><td class='content'>{p}<br><br></td></tr>" for p in PARAS)
    html = ("<html><head><title>Night buses to reach four new suburbs</title></head><body>"
            "<table><tr><td><a href='/'>Home</a></td><td><a href='/news'>News</a></td><td><a href='/about'>About</a></td></tr></table>"
            f"<table>{cells}</table><table><tr><td>Copyright 2004 City Herald</td></tr></table></body></html>")
    text = extract_html(html).text
    assert all(p in text for p in PARAS)
