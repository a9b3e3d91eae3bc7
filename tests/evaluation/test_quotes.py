"""The quote metric on hand-built cases, and quality floors on PolNeAR dev (eval-marked)."""

from __future__ import annotations

import json

import pytest

from storyledger.evaluation.quotes import (
    GoldAttribution,
    is_referring,
    load_gold,
    score_quotes,
)
from storyledger.records import (
    Entity,
    EntityType,
    Mention,
    Quote,
    QuoteKind,
    Span,
    SpeakerRef,
)

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


STORY = ('Ann Lee said taxes would fall.\n\n"We will cut them," she said.\n\n'
         'A campaign aide said the plan was ready.\n\n"It is costed," he said.\n\n'
         'Bob Ray said rates would rise. Ann Lee left.\n\n"No," she said.')


def _attribution(text, source, content):
    s, c = text.index(source), text.index(content)
    return {"source": [{"start": s, "end": s + len(source)}], "cue": [],
            "content": [{"start": c, "end": c + len(content)}]}


def test_pronoun_sources_take_the_name_their_sources_give(tmp_path):
    she_1 = STORY.index('she said')
    he = STORY.index('"It is costed," he') + len('"It is costed," ')
    she_2 = STORY.rindex("she")
    row = {"doc_id": "d", "annotator": "a", "text": STORY, "attributions": [
        _attribution(STORY, "Ann Lee", "taxes would fall"),
        {**_attribution(STORY, "Ann Lee", '"We will cut them,"'), "source": [{"start": she_1, "end": she_1 + 3}]},
        _attribution(STORY, "A campaign aide", "the plan was ready"),
        {**_attribution(STORY, "A campaign aide", '"It is costed,"'), "source": [{"start": he, "end": he + 2}]},
        _attribution(STORY, "Bob Ray", "rates would rise"),
        {**_attribution(STORY, "Bob Ray", '"No,"'), "source": [{"start": she_2, "end": she_2 + 3}]},
    ]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (article,) = load_gold(path)
    names = [STORY[a.name[0]:a.name[1]] if a.name else None for a in article.attributions]
    # "she" takes Ann Lee; "he" stands for an unnamed aide; the last "she" follows Bob Ray's words, but
    # Ann Lee, a source too, is named in between: the text alone does not settle it.
    assert names == [None, "Ann Lee", None, None, None, None]
    c = STORY.index('"We will cut them,"')
    quote = Quote("q", QuoteKind.DIRECT, SpeakerRef("she", she_1, she_1 + 3, "e1"), None, [Span(c, c + 19)])
    right = score_quotes(STORY, [quote], {"e1": Entity("e1", "Ann Lee", EntityType.PERSON)}, article.attributions,
                         [Mention("e1", 0, 7, "Ann Lee")])
    wrong = score_quotes(STORY, [quote], {"e1": Entity("e1", "Bob Ray", EntityType.PERSON)}, article.attributions)
    assert (right.pronouns, right.pronoun_right, right.pronoun_wrong) == (1, 1, 0)
    assert (wrong.pronouns, wrong.pronoun_right, wrong.pronoun_wrong) == (1, 0, 1)


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
    assert report.all.pronoun_right_share >= FLOORS["pronoun_right"]
    assert report.all.pronoun_wrong <= FLOORS["pronoun_wrong"]


# Reached on PolNeAR dev (84 articles): content 0.8105 / speaker+content 0.722 (all), 0.944 / 0.891 (direct);
# he/she sources resolved to the right name 0.92 (144/156), 11 to someone else. Floors sit a hair below
# (a library patch release may move an article or two). The share of pronoun and title speakers resolved to
# some named entity is no longer a floor: abstaining where two people fit lowered it on purpose.
FLOORS = {"all_content": 0.805, "all_speaker": 0.715, "direct_content": 0.94, "direct_speaker": 0.885,
          "pronoun_right": 0.90, "pronoun_wrong": 14}
