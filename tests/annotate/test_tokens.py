"""contiguous_run: the phrase around a head, cut where the chosen tokens stop touching."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from storyledger.annotate.tokens import contiguous_run


def test_run_stops_at_gaps_and_optionally_at_punctuation() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["the", "former", "minister", ",", "who", "left", ",", "said"])
    chosen = [doc[0], doc[1], doc[2], doc[3], doc[6]]
    assert [t.text for t in contiguous_run(doc[2], chosen)] == ["the", "former", "minister", ","]
    assert [t.text for t in contiguous_run(doc[2], chosen, punct_after=False)] == ["the", "former", "minister"]
    assert [t.text for t in contiguous_run(doc[7], chosen)] == [",", "said"]
    assert [t.text for t in contiguous_run(doc[5], chosen)] == ["left", ","]
    assert [t.text for t in contiguous_run(doc[5], chosen, punct_after=False)] == ["left"]
