"""Quotes without a plain "said": transcript labels, headlines, stance verbs, colons after a name."""

from __future__ import annotations

from storyledger.annotate import annotate
from storyledger.annotate.quotes.transcript import transcript_lines
from storyledger.records import Article


def _run(nlp, text):
    return annotate(Article(source="t", text=text), nlp)


def test_transcript_label_and_headline():
    text = ("Ortega: We Will Not Raise Taxes.\n\nThe interview went as follows:\n\n"
            "TAPPER: Do you think the plan will pass?\n\nUPDATE: This story has been corrected.\n\nNo label here.")
    found = [(text[a:b], text[c:d]) for (a, b), (c, d) in transcript_lines(text)]
    assert found == [("Ortega", "We Will Not Raise Taxes."), ("TAPPER", "Do you think the plan will pass?")]


def test_transcript_line_is_a_quote_with_its_label_as_speaker(nlp):
    text = "The exchange:\n\nBLITZER: Is the senator running again this year?"
    (q,) = [q for q in _run(nlp, text).quotes if q.speaker and q.speaker.text == "BLITZER"]
    assert [c.text for c in q.content] == ["Is the senator running again this year?"]


def test_stance_verb_takes_its_object(nlp):
    text = "Senator Maria Lopez praised the new budget deal on Tuesday."
    (q,) = _run(nlp, text).quotes
    assert q.cue.text == "praised"
    assert q.content[0].text.startswith("the new budget deal")
    assert q.speaker.text == "Senator Maria Lopez"


def test_name_before_colon_speaks_the_quote(nlp):
    text = "The result did not surprise pollster Daron Shaw: “Outsiders always gain in the early states.”"
    (q,) = _run(nlp, text).quotes
    assert q.content[0].text == "“Outsiders always gain in the early states.”"
    assert q.speaker.text == "Daron Shaw"


def test_quoted_transcript_lines_belong_to_their_labels(nlp):
    text = ("Partial transcript as follows:\n\n\"HOST: Let us start with the news. Will the mayor run again?\n\n"
            "\"GUEST: Well, look, as the Herald wrote, it is serious business for the city.")
    found = [(q.speaker.text, [c.text for c in q.content]) for q in _run(nlp, text).quotes]
    assert found == [("HOST", ["Let us start with the news. Will the mayor run again?"]),
                     ("GUEST", ["Well, look, as the Herald wrote, it is serious business for the city."])]


def test_a_title_opening_a_paragraph_is_not_a_floating_quote(nlp):
    # The sentence goes on about the title: it is the writer's (PolNeAR reads "written by" as a cue), not the singer's.
    text = ("“Keep your hands in sight,” the singer said.\n\n"
            "“Northern Lights Over Harbour” was written by Dana Vick after the storm of 1999.")
    found = [(q.speaker.text, [c.text for c in q.content]) for q in _run(nlp, text).quotes]
    assert found == [("the singer", ["“Keep your hands in sight,”"]), ("Dana Vick", ["“Northern Lights Over Harbour”"])]
