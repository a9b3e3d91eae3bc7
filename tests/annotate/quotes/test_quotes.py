"""Quotes on hand-built text: marks, split quotes, floating paragraphs, bad input."""

from __future__ import annotations

from storyledger.annotate import annotate
from storyledger.annotate.quotes.marks import quoted_spans
from storyledger.records import Article


def _run(nlp, text):
    return annotate(Article(source="t", text=text), nlp)


def _names(result):
    return {e.id: e.name for e in result.entities}


def test_apostrophes_are_not_quote_marks():
    text = "It's Britain's 'reassurance force', the minister’s plan."
    assert quoted_spans(text) == []


def test_unclosed_quote_stops_at_paragraph_end():
    text = 'He added: "This is a group of countries\n\nThe next paragraph is not quoted.'
    (q,) = quoted_spans(text)
    assert text[q.start:q.end] == '"This is a group of countries'
    assert not q.closed


def test_quotes_inside_quotes_stay_one_stretch():
    text = '“He told me “never again” and left,” she said.'
    (q,) = quoted_spans(text)
    assert text[q.start:q.end] == "“He told me “never again” and left,”"


def test_doubled_apostrophes_are_one_quote_mark():
    text = "Intro. ''It's more tinkering,'' he said. ''It's basically a tax increase'' for the rich. Bob's 'plan'."
    spans = [text[q.start:q.end] for q in quoted_spans(text)]
    assert spans == ["''It's more tinkering,''", "''It's basically a tax increase''"]


def test_split_quote_in_doubled_apostrophes_is_one_quote(nlp):
    text = "''This isn't tax reform,'' said Angela Merkel. ''It's anti-reform.''"
    result = _run(nlp, text)
    (q,) = result.quotes
    assert [c.text for c in q.content] == ["''This isn't tax reform,''", "''It's anti-reform.''"]
    assert _names(result)[q.speaker.entity_id] == "Angela Merkel"


def test_quoted_show_title_after_the_cue_is_not_the_resumed_quote(nlp):
    text = ("“He is absolutely right. There is a severe disconnect,” Michael Flynn said Thursday morning on "
            "Fox News’s “Fox and Friends.” “I mean, there is a lot of frustration within the ranks.”")
    (q,) = _run(nlp, text).quotes
    assert [c.text for c in q.content] == ["“He is absolutely right. There is a severe disconnect,”",
                                           "“I mean, there is a lot of frustration within the ranks.”"]


def test_split_quote_resumed_after_but(nlp):
    text = ('"You know, I like Larry," Angela Merkel said, but "when it comes to energy, Larry has a history '
            'of representing oil companies."')
    (q,) = _run(nlp, text).quotes
    assert [c.text for c in q.content] == ['"You know, I like Larry,"', ('"when it comes to energy, Larry has a '
                                                                          'history of representing oil companies."')]


def test_split_quote_is_one_quote_with_two_fragments(nlp):
    text = "“We will not back down,” Angela Merkel said. “The work goes on.”"
    result = _run(nlp, text)
    (q,) = result.quotes
    assert [c.text for c in q.content] == ["“We will not back down,”", "“The work goes on.”"]
    assert _names(result)[q.speaker.entity_id] == "Angela Merkel"
    assert q.kind.value == "direct"


def test_indirect_quote_content_keeps_that(nlp):
    text = "Angela Merkel said that the talks would resume in May."
    result = _run(nlp, text)
    (q,) = result.quotes
    assert q.kind.value == "indirect"
    assert q.content[0].text == "that the talks would resume in May"
    assert q.cue.text == "said"


def test_floating_paragraph_continues_previous_speaker_and_pronoun_resolves(nlp):
    text = ("Angela Merkel arrived in Paris on Monday.\n\n"
            "“We are ready,” she said.\n\n"
            "“Nobody should doubt our resolve in this matter.”")
    result = _run(nlp, text)
    assert len(result.quotes) == 2
    first, second = result.quotes
    assert first.speaker.text == "she"
    assert _names(result)[first.speaker.entity_id] == "Angela Merkel"
    assert second.cue is None and second.speaker.entity_id == first.speaker.entity_id
    assert second.content[0].text == "“Nobody should doubt our resolve in this matter.”"


def test_unbalanced_marks_invent_nothing_across_paragraphs(nlp):
    text = 'The minister said "this is unfinished\n\nA new paragraph says nothing" at all.\n\n"'
    result = _run(nlp, text)
    for q in result.quotes:
        for c in q.content:
            assert "\n" not in c.text


def test_no_sentences_and_non_english_do_not_crash(nlp):
    for text in ("", "   \n\n  ", "\u201c\u201d\"\"\u2019", "———", "12 34 56",
                 "«Nous sommes prêts», a déclaré le président. Er sagte: „Wir kommen.“",
                 "我们准备好了，他说。"):
        result = _run(nlp, text)
        for q in result.quotes:
            assert all(0 <= c.start < c.end <= len(text) for c in q.content)


def test_five_thousand_paragraphs(nlp):
    """Entities and quotes read a 5,000-paragraph article whole (its speed is `storyledger bench`'s to measure)."""
    para = "“We are ready to help,” the minister said. Angela Merkel agreed."
    text = "\n\n".join([para] * 5000)
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "storyledger_claims":
            break
        doc = proc(doc)
    quotes = doc._.sl_quotes
    assert len([q for q in quotes if q.content[0].text == "“We are ready to help,”"]) == 5000
    assert all(q.speaker.text == "the minister" for q in quotes)


def test_nested_report_is_not_a_second_quote(nlp):
    text = "She said Republican Donald Trump favors a “strongman approach.”"
    result = _run(nlp, text)
    assert [[s.text for s in q.content] for q in result.quotes] == [
        ["Republican Donald Trump favors a “strongman approach.”"]]
    assert result.quotes[0].speaker.text == "She"


def test_trailing_participle_is_its_own_quote_with_the_outer_speaker(nlp):
    text = ("Angela Merkel told reporters she was “very pleased” with the outcome, saying this would "
            "“reassure people in Europe.”")
    result = _run(nlp, text)
    contents = {q.content[0].text: q.speaker.text for q in result.quotes}
    assert contents == {"she was “very pleased” with the outcome": "Angela Merkel",
                        "this would “reassure people in Europe.”": "Angela Merkel"}


def test_cue_after_quote_speaks_it_even_when_misparsed(nlp):
    text = ("The inquiry opened.\n\n“I will just make this promise to you: We will achieve justice in this case,” "
            "Tulsa police Chief Chuck Jordan said Monday. “I want to assure our community.”")
    result = _run(nlp, text)
    (q,) = result.quotes
    assert q.speaker.text.endswith("Chuck Jordan")
    assert [s.text for s in q.content] == [
        "“I will just make this promise to you: We will achieve justice in this case,”",
        "“I want to assure our community.”"]


def test_cue_in_a_while_clause_does_not_report_the_main_clause(nlp):
    text = ("While the mayor said the city is willing to help with repairs, she has ruled out paying for new roads.")
    result = annotate(Article(source="t", text=text), nlp)
    said = [[c.text for c in q.content] for q in result.quotes if q.cue and q.cue.text == "said"]
    assert said == [["the city is willing to help with repairs"]]
