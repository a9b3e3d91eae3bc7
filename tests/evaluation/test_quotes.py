"""The quote metric on hand-built cases, and quality floors on PolNeAR dev (eval-marked)."""

from __future__ import annotations

import pytest

from storyledger.evaluation.quotes import GoldAttribution, is_referring, load_gold, score_quotes
from storyledger.records import Entity, EntityType, Quote, QuoteKind, Span, SpeakerRef

TEXT = '"We will win," Ann Lee said. Bob Ray said that taxes would fall.'


def _quote(start, end, speaker=None, entity_id=None):
    ref = SpeakerRef(TEXT[speaker[0]:speaker[1]], speaker[0], speaker[1], entity_id) if speaker else None
    return Quote("q", QuoteKind.DIRECT, ref, None, [Span(start, end, TEXT[start:end])])


GOLD = [GoldAttribution(((0, 14),), ((15, 22),), True), GoldAttribution(((39, 63),), ((29, 36),), False)]


def test_half_coverage_matches_and_speaker_overlap_counts():
    quotes = [_quote(1, 12, (15, 18)), _quote(39, 50, (29, 32))]
    counts = score_quotes(TEXT, quotes, {}, GOLD)
    assert (counts.predicted, counts.gold, counts.content, counts.speaker) == (2, 2, 1, 1)


def test_matching_is_one_to_one():
    quotes = [_quote(0, 14, (15, 22)), _quote(0, 14, (15, 22))]
    counts = score_quotes(TEXT, quotes, {}, GOLD)
    assert counts.content == 1 and counts.content_prf == (0.5, 0.5, 0.5)


def test_referring_speakers_resolved_share():
    text_he = "he"
    assert is_referring(text_he) and is_referring("the spokesperson") and not is_referring("Ann Lee")
    entity = Entity("e1", "Ann Lee", EntityType.PERSON)
    quote = Quote("q", QuoteKind.DIRECT, SpeakerRef("the ", 15, 22, "e1"), None, [Span(0, 14)])
    counts = score_quotes(TEXT, [quote], {"e1": entity}, GOLD)
    assert (counts.referring, counts.resolved) == (1, 1)


@pytest.mark.eval
def test_polnear_dev_floors(eval_data, nlp):
    """The whole dev set (about 30 s): the issue's targets are figures on all of it."""
    from storyledger.annotate import annotate
    from storyledger.evaluation.quotes import evaluate

    gold = load_gold(eval_data / "polnear" / "dev.jsonl")
    report = evaluate(gold, lambda article: annotate(article, nlp))
    assert report.all.content_prf[2] >= FLOORS["all_content"]
    assert report.all.speaker_prf[2] >= FLOORS["all_speaker"]
    assert report.direct.content_prf[2] >= FLOORS["direct_content"]
    assert report.direct.speaker_prf[2] >= FLOORS["direct_speaker"]
    assert report.direct.resolved_share >= FLOORS["direct_resolved"]


# Reached on PolNeAR dev (84 articles): 0.810 / 0.722 / 0.944 / 0.890, pronoun and title speakers resolved
# 0.908, against the targets 0.80 / 0.72 / 0.92 / 0.88 / 0.90. Floors sit a hair below what is
# reached (a library patch release may move an article or two) but not below the targets' neighbourhood.
FLOORS = {"all_content": 0.805, "all_speaker": 0.715, "direct_content": 0.94, "direct_speaker": 0.885,
          "direct_resolved": 0.90}
