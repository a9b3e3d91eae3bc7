"""Golden quotes on the two seed articles (EXPECTED.md): speaker entity, kind and content spans."""

from __future__ import annotations

import pytest

from storyledger.annotate import annotate
from storyledger.records import Article


def _body_002(path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[text.index("Britain and France are drawing"):text.index("Latest World News")].rstrip()


def _find(result, fragment: str):
    """The innermost quote holding the fragment (a reported clause may sit inside a wider report)."""
    holding = [q for q in result.quotes if any(fragment in c.text for c in q.content)]
    assert holding, f"no quote containing {fragment!r}"
    return min(holding, key=lambda q: sum(c.end - c.start for c in q.content))


def _speaker_name(result, quote) -> str | None:
    names = {e.id: e.name for e in result.entities}
    return names.get(quote.speaker.entity_id) if quote.speaker else None


@pytest.fixture(scope="module")
def seed2(seed_002, nlp):
    text = _body_002(seed_002)
    return text, annotate(Article(source="002", text=text), nlp)


@pytest.fixture(scope="module")
def seed0(seed_000, nlp):
    text = seed_000.read_text(encoding="utf-8")
    return text, annotate(Article(source="000", text=text), nlp)


@pytest.mark.parametrize("fragment,kind", [
    ("different countries are putting forward different capabilities", "direct"),
    ("group asked Emmanuel and me to lead the co-ordination", "direct"),
    ("long-standing position", "partial"),
    ("This is done in recognition that we also need US involvement", "direct"),
    ("We will be ready to operationalise a peace deal", "direct"),
    ("This is a group of countries coming together", "direct"),
    ("This is of course about Ukraine", "direct"),
    ("I don’t want to put a hard deadline on this", "direct"),
    ("It is clear the Russians are playing games", "direct"),
    ("There was a very strong resolve across the room", "direct"),
    ("On the contrary, now is the time for increasing sanctions on Russia", "direct"),
])
def test_seed_002_every_quote_is_starmers(seed2, fragment, kind):
    text, result = seed2
    quote = _find(result, fragment)
    assert _speaker_name(result, quote) == "Keir Starmer"
    assert quote.kind.value == kind
    for span in quote.content:
        assert text[span.start:span.end] == span.text


@pytest.mark.parametrize("fragment,speaker,cue,content", [
    # the narration before the quote is not what Starmer said
    ("different countries are putting", "Starmer", "said",
     '"different countries are putting forward different capabilities,"'),
    # "insisted" read as the report it is, not as part of the speaker or of the next report's words
    ("peacekeeping plans", "Starmer", "insisted", "peacekeeping plans were still in motion"),
    ("long-standing position", "Starmer", "saying", ("it was his “long-standing position” that Parliament would "
                                                     "have a say when the time comes for deploying British troops.")),
])
def test_seed_002_content_holds_the_quoted_words_only(seed2, fragment, speaker, cue, content):
    _, result = seed2
    quote = _find(result, fragment)
    assert (quote.speaker.text, quote.cue.text, [c.text for c in quote.content]) == (speaker, cue, [content])


def test_seed_002_unclosed_quotes_run_to_paragraph_end(seed2):
    text, result = seed2
    for fragment, last in (("This is a group of countries", "at a crucial moment"),
                           ("I don’t want to put a hard deadline", "not months and months.")):
        quote = _find(result, fragment)
        span = quote.content[-1]
        assert span.text.endswith(last)
        assert text[span.end] == "\n"


def test_seed_002_title_speaker_resolved(seed2):
    text, result = seed2
    quote = _find(result, "This is done in recognition")
    assert quote.speaker.text == "the Prime Minister"
    assert quote.cue.text == "told"
    assert text[quote.content[0].start] == '"' and quote.content[0].text.endswith(',"')


@pytest.mark.parametrize("fragment,speaker,kind", [
    ("The UK is preparing to deploy troops to Ukraine", "Downing Street", "partial"),
    ("meet with their US counterparts in the coming days", "Downing Street", "partial"),
    ("real sense of unity", "Keir Starmer", "partial"),
    ("The leaders also discussed how further pressure", "Downing Street", "direct"),
    ("real significant breakthrough", "Keir Starmer", "partial"),
    ("very pleased", "Keir Starmer", "partial"),
    ("reassure people in Europe, in Ukraine, but particularly in the United Kingdom.", "Keir Starmer", "direct"),
    ("rough situation", "Donald Trump", "partial"),
    ("“accept”", "Donald Trump", "partial"),
])
def test_seed_000_quotes(seed0, fragment, speaker, kind):
    _, result = seed0
    quote = _find(result, fragment)
    assert _speaker_name(result, quote) == speaker
    assert quote.kind.value == kind


def test_seed_000_floating_paragraph_continues_spokesperson(seed0):
    _, result = seed0
    quote = _find(result, "The leaders also discussed")
    assert quote.cue is None
    assert quote.speaker.text == "the spokesperson"


def test_seed_000_pronoun_speakers_are_mentions(seed0):
    text, result = seed0
    starmer = next(e.id for e in result.entities if e.name == "Keir Starmer")
    he = text.index("He told the BBC")
    assert any(m.entity_id == starmer and m.start == he and m.end == he + 2 for m in result.mentions)


def test_seed_000_we_have_moved_forward_is_starmers(seed0):
    _, result = seed0
    quotes = [q for q in result.quotes if any("we have moved forward" in c.text for c in q.content)]
    assert any(_speaker_name(result, q) == "Keir Starmer" for q in quotes)
