"""Bad input gives a clear result or an InputError naming the input; never a crash."""

from __future__ import annotations

import pytest

from storyledger.errors import InputError
from storyledger.extract import extract
from storyledger.records import Hints, RawDocument

PROSE = (
    "The harbour authority confirmed on Friday that the ferry service to the islands will resume next week after "
    "repairs to the main pier were completed ahead of schedule, ending a month of disruption for residents."
)
PAGE = f"<!doctype html><html><head><title>Ferries resume</title></head><body><article><h1>Ferries resume</h1>" + \
    "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(6)) + "</article></body></html>"


def html(data: bytes | str, name: str = "page.html") -> RawDocument:
    raw = data.encode() if isinstance(data, str) else data
    return RawDocument(source=name, data=raw, hints=Hints(format="html"))


def test_truncated_html_still_yields_the_article() -> None:
    article = extract(html(PAGE[: int(len(PAGE) * 0.8)]))
    assert article.text.startswith("The harbour authority confirmed")
    assert article.format == "html"


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>404 Not Found</title></head><body><h1>Page not found</h1>"
        "<p>Sorry, the page you are looking for does not exist.</p><a href='/'>Home</a></body></html>",
        "<html><body><ul>" + "".join(f"<li><a href='/a{i}'>Headline number {i}</a></li>" for i in range(40)) + "</ul></body></html>",
        "<html><body><div><div><span></span></div></div></body></html>",
    ],
    ids=["404", "front-page", "empty-markup"],
)
def test_pages_without_an_article_raise_naming_the_input(page: str) -> None:
    with pytest.raises(InputError, match=r"^nothing\.html: no article text found"):
        extract(html(page, "nothing.html"))


def test_binary_file_named_html() -> None:
    with pytest.raises(InputError, match=r"^photo\.html: binary data"):
        extract(html(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "photo.html"))


def test_plain_text_named_html_is_read_as_text() -> None:
    article = extract(html("Ferries resume after repairs\n\n" + "\n\n".join(f"{PROSE} Day {i} of the works." for i in range(3)), "notes.html"))
    assert article.format == "text"
    assert PROSE in article.text


def test_mixed_encodings_decode_and_extract() -> None:
    data = PAGE.replace("Paragraph 3.", "Caf\u00e9 owners cheered.").encode("utf-8")
    data = data.replace("Caf\u00e9".encode(), "Caf\u00e9".encode("latin-1"))
    article = extract(html(data))
    assert "owners cheered" in article.text


def test_fifty_megabyte_page_is_refused_quickly() -> None:
    big = PAGE.replace("</body>", "<div>" + "x" * 50_000_000 + "</div></body>")
    with pytest.raises(InputError, match=r"^big\.html: too large"):
        extract(html(big, "big.html"))


def test_empty_and_whitespace_text() -> None:
    with pytest.raises(InputError, match=r"^e\.txt: empty file$"):
        extract(RawDocument(source="e.txt", text="  \n \n"))
    with pytest.raises(InputError, match=r"^j\.txt: no article text found"):
        extract(RawDocument(source="j.txt", text="Home\nMenu\nLogin\n"))


def test_raw_hint_keeps_text_verbatim() -> None:
    article = extract(RawDocument(source="a.txt", text="Read more: short.\n\nKept as is.", hints=Hints(raw=True)))
    assert article.text == "Read more: short.\n\nKept as is."


def test_scraped_not_found_page_is_no_article() -> None:
    text = ("Home\nNews\nSport\nWeather\nSign in\nCookie settings\nPage not found\n"
            "The page you requested could not be found.\nBack to the homepage\n"
            "© 2024 Example Media Ltd. All rights reserved.\nPrivacy policy\nTerms of use")
    with pytest.raises(InputError, match=r"^nf\.txt: no article text found"):
        extract(RawDocument(source="nf.txt", text=text))
