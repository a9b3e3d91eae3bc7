"""The markup check run before an HTML page is parsed: one element with 100,000 attributes, or a page of
200,000 paragraphs, made libxml2 run for minutes inside a single C call, which no time budget can cut."""

from __future__ import annotations

import pytest

from storyledger.errors import InputError
from storyledger.sources.limits import MAX_ATTRIBUTES, MAX_PARAGRAPHS, check_markup

_PAGE = "<html><body><article>{}<p>Ferry fares rose on Monday, the Halden council said.</p></article></body></html>"


def test_an_element_with_too_many_attributes_is_refused_by_name() -> None:
    div = "<div " + " ".join(f'data-k{i}="{i}"' for i in range(MAX_ATTRIBUTES + 1)) + ">"
    with pytest.raises(InputError) as refused:
        check_markup("quay.html", _PAGE.format(div))
    assert (refused.value.source, refused.value.reason) == (
        "quay.html", f"an HTML element with {MAX_ATTRIBUTES + 1} attributes, over the {MAX_ATTRIBUTES} limit")


def test_bare_attributes_count_too() -> None:
    with pytest.raises(InputError):
        check_markup("quay.html", _PAGE.format("<div " + " ".join(f"k{i}" for i in range(5000)) + ">"))


def test_long_values_scripts_and_styles_are_not_taken_for_attributes() -> None:
    image = '<img alt="' + "harbour " * 3000 + '" src="data:image/png;base64,' + "QUJD" * 50_000 + '">'
    # a quoted value holding ">" cuts the scanned tag inside it; its words are still one value
    state = '<meta data-state="{&quot;a&quot;: 1 > 0, ' + "&quot;k&quot;: 2, " * 2000 + '}">'
    script = "<script>for(i=0;i<f.length;i+=2){" + "m.add(f[i], x=1, y=2);" * 2000 + "}</script>"
    style = "<STYLE>p<q " + ".k a{b: c} " * 2000 + "</style>"
    check_markup("quay.html", _PAGE.format(image + state + script + style))


def test_a_page_of_too_many_paragraphs_is_refused_but_not_for_paragraphs_in_a_script() -> None:
    with pytest.raises(InputError) as refused:
        check_markup("words.html", _PAGE.format("<p>word</p>" * (MAX_PARAGRAPHS + 1)))
    assert refused.value.reason == f"an HTML page with {MAX_PARAGRAPHS + 2} paragraphs, over the {MAX_PARAGRAPHS} limit"
    check_markup("words.html", _PAGE.format("<p>word</p>" * (MAX_PARAGRAPHS - 1)))
    check_markup("words.html", _PAGE.format("<script>var t = '" + "<p>word</p>" * MAX_PARAGRAPHS + "';</script>"))
