"""Property tests of the stages on hostile text: extraction ends in an article or a named refusal, never
an internal error; annotation keeps its promise of source spans on any text (every offset inside the
text, every span's text the text at its offsets)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyledger.errors import InputError
from storyledger.extract import extract
from storyledger.process import process
from storyledger.records import Article, Hints, RawDocument
from tests.fuzz.budget import fuzz
from tests.fuzz.shapes import good_article

_TAGS = st.sampled_from(["p", "div", "span", "article", "b", "a", "script", "style", "table", "td", "li", "h1",
                         "meta", "title", "br", "img", "!--", "![CDATA[", "?xml", "body", "html", "template"])
_ATTRS = st.lists(st.tuples(st.sampled_from(["class", "id", "href", "content", "property", "itemprop", "x"]),
                            st.text(max_size=12)), max_size=3)
_TEXT = st.one_of(st.text(max_size=40), st.sampled_from(["&amp;", "&#x110000;", "&#0;", "&nbsp;", "&bogus",
                                                         "\u202e", "\ufeff", "\x00", "2024-02-30", "\u2028"]),
                  st.integers(0, 200).map(lambda n: good_article(n)[:300]))


@st.composite
def _html(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 25))):
        tag, attrs = draw(_TAGS), draw(_ATTRS)
        attr_text = "".join(f' {k}="{v.replace(chr(34), "")}"' for k, v in attrs)
        parts.append(f"<{tag}{attr_text}>" if draw(st.booleans()) else f"</{tag}>")
        parts.append(draw(_TEXT))
    return "".join(parts)


@fuzz(40)
@given(html=_html())
def test_extraction_ends_in_an_article_or_a_named_refusal(html: str) -> None:
    try:
        article = extract(RawDocument(source="page.html", text=html, hints=Hints(format="html")))
    except InputError as exc:
        assert exc.source == "page.html"
        return
    assert article.text.strip()


_WORDS = st.sampled_from(["Mara", "Okafor", "said", "the", "union", "will", "strike", "on", "Friday", "if",
                          "talks", "fail", "Halden", "Council", "\u201c", "\u201d", '"', "'", ",", ".", ";", "-",
                          "\n\n", "\n", "  ", "\t", "told", "reporters", "2024", "next", "week", "\u00e9t\u00e9",
                          "\U0001f600", "\u0301", "\u200b", "U.S.", "Mr.", "(", ")", ":", "\u2014"])


@fuzz(25)
@given(words=st.lists(_WORDS, min_size=1, max_size=80))
def test_every_annotation_points_at_its_own_text(words: list[str], nlp) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(words)
    if not text.strip():
        return
    annotated = process(Article(source="a.txt", text=text), nlp)

    def check(start: int, end: int, shown: str | None = None) -> None:
        assert 0 <= start <= end <= len(text)
        if shown is not None:
            assert text[start:end] == shown

    for m in annotated.mentions:
        check(m.start, m.end, m.text)
    for q in annotated.quotes:
        for span in q.content:
            check(span.start, span.end)
        if q.speaker:
            check(q.speaker.start, q.speaker.end, q.speaker.text)
        if q.cue:
            check(q.cue.start, q.cue.end, q.cue.text)
    for c in annotated.claims:
        check(c.evidence.start, c.evidence.end)
        check(c.actor.start, c.actor.end, c.actor.text)
        if c.condition:
            check(c.condition.start, c.condition.end, c.condition.text)
    for t in annotated.times:
        check(t.start, t.end, t.text)
