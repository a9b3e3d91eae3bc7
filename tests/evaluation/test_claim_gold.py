"""The agreed claims metric (FORMAT.md) on hand-built claims: who matches whom, and what agrees."""

from __future__ import annotations

from datetime import date

from storyledger.evaluation.claim_gold import GoldClaim, last_word, score_article
from storyledger.records import ActorRef, Claim, Entity, EntityType, Polarity, Span, Stance, TimeRef

TEXT = "Tom Hadley pledged to cut taxes by June if the vote passes. Norvania refused the offer."


def _gold(evidence: str, actor: str, stance: Stance, when: str | None = None, condition: str | None = None) -> GoldClaim:
    start = TEXT.index(evidence)
    cond = (TEXT.index(condition), TEXT.index(condition) + len(condition)) if condition else None
    return GoldClaim(start, start + len(evidence), actor, actor, stance, False, "", None, cond, when, None)


def _claim(evidence: str, actor: str, ids: list[str], stance: Stance, when: date | None = None,
           condition: str | None = None) -> Claim:
    start, a = TEXT.index(evidence), TEXT.index(actor)
    cond = Span(TEXT.index(condition), TEXT.index(condition) + len(condition), condition) if condition else None
    time = TimeRef("by June", 0, 0, when, when) if when else None
    return Claim("", ActorRef(actor, a, a + len(actor), ids), "x", "", stance, Polarity.AFFIRMED,
                 Span(start, start + len(evidence), evidence), condition=cond, when=time)


def test_last_word_folds_case_and_possessive():
    assert (last_word("Tom Hadley"), last_word("Hadley's"), last_word("U.S.")) == ("hadley", "hadley", "u.s")


def test_match_needs_overlap_and_the_actors_last_word_then_counts_agreement():
    entities = {"e1": Entity("e1", "Tom Hadley", EntityType.PERSON, ["Hadley"])}
    golds = [_gold("Tom Hadley pledged to cut taxes by June if the vote passes.", "Tom Hadley", Stance.COMMITTED,
                   "2025-06", "if the vote passes"),
             _gold("Norvania refused the offer.", "Norvania", Stance.REFUSED)]
    claims = [_claim("Tom Hadley pledged to cut taxes", "Tom Hadley", ["e1"], Stance.COMMITTED, date(2025, 6, 1),
                     "if the vote passes"),
              _claim("Norvania refused the offer.", "Norvania", [], Stance.RULED_OUT),
              _claim("Norvania refused the offer.", "Tom Hadley", ["e1"], Stance.REFUSED)]  # wrong actor
    counts = score_article(claims, golds, entities)
    assert (counts.predicted, counts.gold, counts.matched) == (3, 2, 2)
    assert (counts.stance, counts.condition, counts.date) == (1, 2, 2)
    assert (round(counts.precision, 3), counts.recall) == (0.667, 1.0)
