"""Who holds a position, with which stance, at whom: one made-up sentence per error the claims stage
used to make (issue 24). Candidates (build_candidates) carry the reading the stage would write; the
"no claim" cases are checked end to end, since nothing about them may reach the ledger."""

from __future__ import annotations

from datetime import date

import pytest

from storyledger.annotate import annotate
from storyledger.annotate.claims.component import build_candidates
from storyledger.records import Article, Claim, Polarity, Stance


def _doc(nlp, text):
    with nlp.select_pipes(disable=["storyledger_claims"]):
        doc = nlp.make_doc(text)
        doc._.sl_published = date(2025, 3, 4)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
    return doc


def _readings(nlp, text) -> list[tuple[str, Stance, Polarity, str, str | None, str | None]]:
    """(actor entity, stance, polarity, action, target, reported_by) of every candidate."""
    doc = _doc(nlp, text)
    names = {e.id: e.name for e in doc._.sl_entities}
    return [(names[c.actor.entity_ids[0]], c.stance, c.polarity, c.action, c.target, c.reported_by)
            for c in (b.claim for b in build_candidates(doc))]


def _claims(nlp, text) -> list[Claim]:
    return annotate(Article(source="t", text=text, published=date(2025, 3, 4)), nlp).claims


@pytest.mark.parametrize("text", [
    "The measures will take effect on Monday.",
    "The new rates will apply from March.",
    "Uncertainty will weigh on the markets.",
    "Advertisement\nThey will not accept the deal.",
    '"We will fight on," a protester said.',
])
def test_a_thing_or_an_unresolved_pronoun_is_no_party(nlp, text):
    assert _readings(nlp, text) == [] and _claims(nlp, text) == []


def test_a_relayed_demand_is_the_speakers_with_the_one_called_on_as_target(nlp):
    assert _readings(nlp, "Norvania must immediately stop the bombing, Tom Hadley said.") == [
        ("Tom Hadley", Stance.DEMANDED, Polarity.AFFIRMED, "stop the bombing", "Norvania", None)]


def test_according_to_names_who_demands(nlp):
    assert _readings(nlp, 'According to Lena Vorst, "Norvania should accept the framework."') == [
        ("Lena Vorst", Stance.DEMANDED, Polarity.AFFIRMED, "accept the framework", "Norvania", None)]


def test_each_party_of_a_two_party_sentence_keeps_its_own_action(nlp):
    text = ("Norvania will partially withdraw from the city and the Dravik Front will free the hostages, "
            "the mediators said.")
    assert _readings(nlp, text) == [
        ("Norvania", Stance.COMMITTED, Polarity.AFFIRMED, "withdraw from the city", None, "the mediators"),
        ("Dravik Front", Stance.COMMITTED, Polarity.AFFIRMED, "free the hostages", None, "the mediators")]


def test_a_veto_is_a_refusal_of_what_was_vetoed_never_negated(nlp):
    assert _readings(nlp, "The resolution was vetoed by Norvania.") == [
        ("Norvania", Stance.REFUSED, Polarity.AFFIRMED, "The resolution", None, None)]


def test_will_not_rules_out_without_a_second_negation(nlp):
    assert _readings(nlp, "Ivo Marsh said the Dravik Front will not supply the rebels.") == [
        ("Dravik Front", Stance.RULED_OUT, Polarity.AFFIRMED, "supply the rebels", None, "Ivo Marsh")]


def test_a_double_negation_commits(nlp):
    assert _readings(nlp, "Tom Hadley said Norvania would not not supply the rebels.") == [
        ("Norvania", Stance.COMMITTED, Polarity.AFFIRMED, "supply the rebels", None, "Tom Hadley")]


def test_a_pledge_not_to_is_committed_and_negated(nlp):
    assert _readings(nlp, "Tom Hadley pledged not to raise taxes.") == [
        ("Tom Hadley", Stance.COMMITTED, Polarity.NEGATED, "raise taxes", None, None)]


def test_reported_by_carries_who_says_so_with_the_entity(nlp):
    doc = _doc(nlp, "Tom Hadley said Norvania would send jets to the border.")
    (claim,) = [b.claim for b in build_candidates(doc)]
    names = {e.id: e.name for e in doc._.sl_entities}
    assert (names[claim.actor.entity_ids[0]], claim.stance, claim.action) == (
        "Norvania", Stance.COMMITTED, "send jets to the border")
    assert claim.reported_by == "Tom Hadley" and names[claim.reported_by_entity_id] == "Tom Hadley"


@pytest.mark.parametrize("text", [
    # a non-commitment, hedged
    '"We do not necessarily want to retaliate," said Mira Kell, a spokeswoman for the Dravik Front.',
    # a generalisation about no named party
    "No Karvian would accept this, Ivo Marsh said.",
    # an indirect question: no position either way
    "The Dravik Front did not mention whether they will continue negotiations.",
    # a price, not a position
    "An undergraduate degree at Halden University will cost $160,000.",
    # declining to comment takes no position on any matter
    "Lena Vorst declined to comment on the talks.",
    # a question
    "Will Norvania send troops to the border?",
    # predictions: what will happen to a party is no position it takes
    "Norvania will win the election, analysts said.",
    "The Dravik Front is expected to lose seats in the vote.",
    # a hypothetical
    "If Norvania won the vote, it would leave the alliance.",
    # a present-tense hypothetical
    "If Tom Hadley moderates his rhetoric, he offers voters what they want most.",
    # what one can or cannot believe, and a newsroom's request for comment
    "Tom Hadley couldn't believe that the bank was forcing his father out.",
    "Lena Vorst did not respond to the Gazette's request for comment.",
    # a bare "could" is a possibility, not an option weighed
    "Norvania could send troops to the border.",
    # "going to" of an outcome, or in the past, is no plan
    "Norvania is going to win the war.",
    "Tom Hadley was going to lose the farm.",
])
def test_no_position_gives_no_claim(nlp, text):
    assert _readings(nlp, text) == [] and _claims(nlp, text) == []


def test_a_plain_past_event_is_not_kept(nlp):
    assert _claims(nlp, "Tom Hadley visited Paris on Monday.") == []


@pytest.mark.parametrize("text,expected", [
    ("Tom Hadley urged Norvania to release the prisoners.",
     ("Tom Hadley", Stance.DEMANDED, Polarity.AFFIRMED, "release the prisoners", "Norvania")),
    ("Lena Vorst ruled out sending troops to the border.",
     ("Lena Vorst", Stance.RULED_OUT, Polarity.AFFIRMED, "sending troops to the border", None)),
    ("Mira Kell rejected the proposal.", ("Mira Kell", Stance.REFUSED, Polarity.AFFIRMED, "the proposal", None)),
])
def test_clear_positions_are_kept(nlp, text, expected):
    result = annotate(Article(source="t", text=text, published=date(2025, 3, 4)), nlp)
    names = {e.id: e.name for e in result.entities}
    assert [(names[c.actor.entity_ids[0]], c.stance, c.polarity, c.action, c.target) for c in result.claims] == [expected]


def test_no_intention_rules_out_once(nlp):
    assert _readings(nlp, "Norvania has no intention of joining the alliance.") == [
        ("Norvania", Stance.RULED_OUT, Polarity.AFFIRMED, "joining the alliance", None, None)]


def test_a_demand_told_to_reporters_is_the_speakers(nlp):
    assert _readings(nlp, "Norvania should accept the deal, Lena Vorst told reporters.") == [
        ("Lena Vorst", Stance.DEMANDED, Polarity.AFFIRMED, "accept the deal", "Norvania", None)]


def test_a_pronoun_resolved_to_a_named_person_holds_the_position(nlp):
    readings = _readings(nlp, "Tom Hadley arrived in Halden on Monday. He pledged to cut taxes for farmers.")
    assert ("Tom Hadley", Stance.COMMITTED, Polarity.AFFIRMED, "cut taxes for farmers", None, None) in readings


def test_we_of_a_spokeswoman_is_her_group_and_she_reports_it(nlp):
    assert _readings(nlp, '"We are ready to talk," said Mira Kell, a spokeswoman for the Dravik Front.') == [
        ("Dravik Front", Stance.WILLING, Polarity.AFFIRMED, "talk", None, "Mira Kell")]


def test_we_of_a_person_with_no_group_named_is_no_party(nlp):
    assert _readings(nlp, '"We will not back down," Tom Hadley said.') == []


def test_going_to_of_an_action_is_a_plan_and_meant_to_say_is_none(nlp):
    assert _readings(nlp, "Tom Hadley is going to cut taxes.") == [
        ("Tom Hadley", Stance.COMMITTED, Polarity.AFFIRMED, "cut taxes", None, None)]
    assert {r[1] for r in _readings(nlp, '"No, I meant he is the founder of the group," Tom Hadley responded.')} <= {
        Stance.REPORTED}


@pytest.mark.parametrize("text,expected", [
    ("Tom Hadley spoke in Halden. Lena Vorst touted her plan for farmers. Hadley criticized the plan on Monday. "
     "She has proposed appointing a trade prosecutor.", "Lena Vorst"),
    ("Lena Vorst touted her plan for farmers. Tom Hadley spoke in Halden on Monday. He pledged to cut taxes.",
     "Tom Hadley"),
])
def test_a_pronoun_holds_with_the_person_of_its_gender(nlp, text, expected):
    """"Her plan" shows Vorst is a woman; "she" is her, though Hadley was named since, and "he" is not her."""
    last = _readings(nlp, text)[-1]
    assert (last[0], last[1]) == (expected, Stance.COMMITTED)


def test_each_listed_party_holds_it_not_the_body_a_title_names(nlp):
    text = "Tom Hadley, Mira Kell and Dravik Front Chairman Lena Vorst will also hold a separate meeting."
    assert _readings(nlp, text) == [(name, Stance.COMMITTED, Polarity.AFFIRMED, "hold a separate meeting", None, None)
                                    for name in ("Tom Hadley", "Mira Kell", "Lena Vorst")]
