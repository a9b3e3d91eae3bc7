"""The learned attribution cues (quote_model) and the rules added beside them: a quote cut off before
its cue, a quote signed after a dash, and the rules alone when the shipped model is absent."""

from __future__ import annotations

import pytest

from storyledger import shipped
from storyledger.annotate import annotate
from storyledger.annotate.quotes import cue_model as quote_model
from storyledger.annotate.quotes import speaker_model
from storyledger.annotate.quotes.transcript import signed_by
from storyledger.records import Article


def _run(nlp, text):
    return annotate(Article(source="t", text=text), nlp)


def test_shipped_model_loads():
    model = quote_model.load_model()
    assert model is not None
    assert 0 < model.cue_threshold < 1 and 0 < model.part_threshold < 1


def test_argued_against_takes_its_object(nlp):
    # The rules give "argue" content only as a clause; the learned content model takes "against ...".
    text = "Governor Ann Marsh has long argued against the new tax, which she sees as a gift to the rich."
    (q,) = _run(nlp, text).quotes
    assert (q.cue.text, q.speaker.text) == ("argued", "Governor Ann Marsh")
    assert q.content[0].text == "against the new tax, which she sees as a gift to the rich"


def test_quote_before_a_cue_parsed_as_its_own_sentence(nlp):
    text = "“What do I have?” she asked. Senator Lee did not answer."
    found = [(q.content[0].text, q.speaker.text if q.speaker else None) for q in _run(nlp, text).quotes]
    assert ("“What do I have?”", "she") in found


def test_quote_signed_after_a_dash(nlp):
    text = "Readers wrote in.\n“He does not speak for me or for my family.” ― Maria Lopez\nMore letters follow."
    (q,) = [q for q in _run(nlp, text).quotes if q.content[0].text.startswith("“He does not")]
    assert q.speaker.text == "Maria Lopez"


def test_signed_by_needs_the_name_to_end_the_paragraph():
    text = "“Enough.” ― Maria Lopez, who then left the room"
    assert signed_by(text, 9, len(text)) is None
    text = "“Enough.” ― Maria Lopez."
    assert text[slice(*signed_by(text, 9, len(text)))] == "Maria Lopez"


def test_rules_alone_when_the_model_is_absent(nlp, monkeypatch, tmp_path):
    monkeypatch.setattr(shipped, "MODELS_DIR", tmp_path)
    shipped.load_optional.cache_clear()
    try:
        assert quote_model.load_model() is None and speaker_model.load_model() is None
        (q,) = _run(nlp, "“We will win,” Senator Maria Lopez said on Tuesday.").quotes
        assert q.content[0].text == "“We will win,”" and q.speaker.text == "Senator Maria Lopez"
    finally:
        shipped.load_optional.cache_clear()


@pytest.mark.parametrize("text", ["", "   \n\n  ", "“ ” ― ", "it seems", "“unclosed quote ― Name"])
def test_bad_input_does_not_crash(nlp, text):
    _run(nlp, text)
