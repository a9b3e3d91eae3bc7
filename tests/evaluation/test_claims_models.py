"""The shipped claim models: factuality refiner and sentence category, on hand-built sentences."""

import pytest

from storyledger.evaluation.claims import factuality, sentence_category


def _event(nlp, text, word):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


def test_factuality_orders_embedding_and_negation(nlp):
    known = factuality(_event(nlp, "The minister knows that the army left the city.", "left"))
    doubted = factuality(_event(nlp, "The minister doubts that the army left the city.", "left"))
    denied = factuality(_event(nlp, "The army did not leave the city.", "leave"))
    asked = factuality(_event(nlp, "Did the army leave the city?", "leave"))
    assert known > 1.5 and denied < -0.5
    assert known > doubted and known > asked > denied


def test_factuality_stays_on_scale_for_odd_input(nlp):
    for text in ("would not not rule out never leaving", "?", "Leave."):
        doc = nlp(text)
        for token in doc:
            assert -3.0 <= factuality(token) <= 3.0


@pytest.mark.parametrize("text,category", [
    ("The government will impose sanctions on the company next month.", "THREATEN"),
    ("The rebels released the hostages on Monday.", "RETREAT"),
    ("The minister resigned on Monday.", "RETREAT"),
    ("Police opened fire on the crowd.", "ASSAULT"),
    ("Officials said the country is willing to withdraw its troops.", "AGREE"),
    ("The president cancelled his visit to the capital.", "REJECT"),
    # obstructing passage is a protest; ending or easing turns the object's category around
    ("Farmers blocked the main highway into the capital on Friday.", "PROTEST"),
    ("The interior ministry lifted the curfew in the northern provinces.", "CONCEDE"),
    ("The navy lifted its blockade of the port on Sunday.", "RETREAT"),
    ("The government suspended talks with the opposition.", "SANCTION"),
    ("The donors cut aid to the region after the coup.", "SANCTION"),
    ("Police dispersed the protest outside parliament.", "COERCE"),
    ("The union called off the strike after talks with employers.", "CONCEDE"),
    ("The militia forced the aid agency out of the province.", "SANCTION"),
    # signing is SUPPORT, a promise to sign AGREE; demands, refusals and conditional threats
    ("The two countries signed a trade agreement on Monday.", "SUPPORT"),
    ("The two countries will sign a trade agreement next week.", "AGREE"),
    ("The minister said the rebels must release the hostages.", "REQUEST"),
    ("The government said it would not accept any more refugees.", "REJECT"),
    ("The bloc may suspend trade talks if the violence continues.", "THREATEN"),
    ("The government accepted the demands of the striking miners.", "CONCEDE"),
    # words read through their objects and partners
    ("Both armies violated the ceasefire agreement overnight.", "ASSAULT"),
    ("The prosecutor indicted the former mayor for fraud.", "ACCUSE"),
    ("The embassy lodged a formal protest with the foreign ministry.", "ACCUSE"),
    ("The two navies held joint exercises in the gulf.", "COOPERATE"),
    ("Hackers defaced the ministry's website.", "COERCE"),
    ("The government allowed UN inspectors into the facility.", "RETREAT"),
    ("Soldiers occupied the town hall.", "COERCE"),
])
def test_sentence_category(nlp, text, category):
    assert sentence_category(nlp(text)) == category
