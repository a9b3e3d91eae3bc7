"""Who speaks when the reporting verb has no plain subject: joined verbs, clauses above the cue,
inverted order, a noun the cue modifies; and a second report joined to the first sentence."""

from __future__ import annotations

from storyledger.annotate import annotate
from storyledger.annotate.quotes.marks import quoted_spans
from storyledger.records import Article


def _quotes(nlp, text):
    article = annotate(Article(source="t", text=text), nlp)
    return [(q.speaker.text if q.speaker else None, q.cue.text if q.cue else None, [s.text for s in q.content])
            for q in article.quotes]


def test_joined_verb_takes_the_subject_of_the_verb_it_is_joined_to(nlp):
    text = 'Once, when my mother mentioned the devil to me while driving, I laughed and said, "I do not believe in it."'
    assert ("I", "said", ['"I do not believe in it."']) in _quotes(nlp, text)


def test_clause_opening_on_the_cue_takes_the_main_clause_subject_even_passive(nlp):
    text = 'After saying her foot was "so swollen I could barely walk," she was whisked off to a hospital.'
    assert _quotes(nlp, text) == [("she", "saying", ['her foot was "so swollen I could barely walk,"'])]


def test_footage_of_a_named_person_asking(nlp):
    text = 'The advert uses footage of Jane Roe asking, "Why am I not ahead?"'
    assert _quotes(nlp, text) == [("Jane Roe", "asking", ['"Why am I not ahead?"'])]


def test_inverted_said_at_sentence_start(nlp):
    text = 'Most analysts expect the bill to pass. Said Ellis: "I do not see the votes for it."'
    (speaker, cue, _), = [q for q in _quotes(nlp, text) if q[1] == "Said"]
    assert "Ellis" in speaker and cue == "Said"


def test_straight_mark_before_a_space_closes_the_quote():
    text = "\"I've always disliked the term 'outreach,' \" he told the group."
    (q,) = quoted_spans(text)
    assert text[q.start:q.end] == "\"I've always disliked the term 'outreach,' \"" and q.closed


def test_quote_closing_on_an_inner_quote_is_spoken_by_the_verb_after_it(nlp):
    text = "Lee campaigned among business leaders.\n\n\"I've always disliked the term 'outreach,' \" he told the group."
    assert ("he", "told", ["\"I've always disliked the term 'outreach,' \""]) in _quotes(nlp, text)


def test_report_joined_by_but_is_its_own_and_cuts_the_first(nlp):
    text = ("Putney later told CNN that the video was not from an angle that would show a gun, "
            "but he said witnesses saw a gun and that one was found nearby.")
    assert _quotes(nlp, text) == [
        ("Putney", "told", ["that the video was not from an angle that would show a gun"]),
        ("he", "said", ["witnesses saw a gun and that one was found nearby"]),
    ]


def test_same_speaker_saying_more_stays_one_report(nlp):
    text = "The mayor said Friday that she thinks the video should be released but said \"the question is the timing.\""
    quotes = _quotes(nlp, text)
    assert len(quotes) == 1 and quotes[0][0] == "The mayor"
    assert quotes[0][2][-1].endswith("\"the question is the timing.\"")


def test_second_verb_joined_to_the_cue_is_a_report_of_its_own(nlp):
    text = "Officials announced on Friday the arrest of a man in the shooting and said a curfew would continue through the weekend."
    assert _quotes(nlp, text) == [
        ("Officials", "announced", ["on Friday the arrest of a man in the shooting"]),
        ("Officials", "said", ["a curfew would continue through the weekend"]),
    ]


def test_quoted_show_title_before_the_speaker_is_not_what_is_said(nlp):
    text = ('In an interview on WKRP\'s "Morning Desk," Mayor Dana Ortiz said the new budget demands that '
            'everyone "listen more."')
    assert _quotes(nlp, text) == [
        ("Mayor Dana Ortiz", "said", ['the new budget demands that everyone "listen more."']),
    ]


def test_a_person_described_by_a_nationality_is_not_the_country(nlp):
    text = ('Ferry crews on the Bosporus went on strike on Monday. "We cannot work twelve hours for this," '
            "said a young Turkish deckhand. Plural speakers still speak for the country they name: "
            'Turkish officials said the strike was "regrettable". The city of Istanbul said it would "run '
            'extra buses".')
    article = annotate(Article(source="t", text=text), nlp)
    names = {e.id: e.name for e in article.entities}
    by_speaker = {q.speaker.text: names.get(q.speaker.entity_id or "") for q in article.quotes if q.speaker}
    assert by_speaker["a young Turkish deckhand"] is None
    assert by_speaker["Turkish officials"] == "Turkey"
    assert by_speaker["The city of Istanbul"] == "Istanbul"
