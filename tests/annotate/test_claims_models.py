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
])
def test_sentence_category(nlp, text, category):
    assert sentence_category(nlp(text)) == category
