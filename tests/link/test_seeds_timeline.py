"""Golden: the two seed articles ingested together give the timeline lines of EXPECTED.md
("Across the two"), each with evidence that is a span of its document. Needs the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyledger.store import Ledger, open_ledger

MARCH, AUGUST = "2025-03-27", "2025-08-19"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory, seed_000: Path, seed_002: Path):
    from storyledger.ingest import ingest

    with open_ledger(tmp_path_factory.mktemp("seeds") / "ledger.db") as led:
        assert ingest([str(seed_000.parent)], led).ok
        yield led


def _check_evidence(ledger: Ledger, lines) -> None:
    for line in lines:
        doc = ledger.document(line.document_id)
        assert doc.text[line.start:line.end] == line.evidence


def _published(ledger, line) -> str:
    return str(ledger.document(line.document_id).published)


def test_seeds_are_one_story(seeds):
    assert seeds.story_page().total == 1


@pytest.mark.xfail(strict=True, reason="the claim scorer (threshold chosen on train CV, issue 24) abstains on the "
                   "coalition's August discussion of sanctions: a recall gap, left visible rather than tuned away")
def test_sanctions_called_for_in_march_discussed_in_august(seeds):
    lines = seeds.timeline_lines(query="sanctions")
    steps = [(_published(seeds, t), t.stance) for t in lines if "sanction" in t.claim.lower()]
    assert steps[0] == (MARCH, "demanded")
    assert (AUGUST, "considering") in steps
    march = next(t for t in lines if _published(seeds, t) == MARCH and "sanction" in t.claim.lower())
    august = next(t for t in lines if _published(seeds, t) == AUGUST and "sanction" in t.claim.lower())
    assert march.actor == "Keir Starmer"
    assert march.matter_id == august.matter_id
    _check_evidence(seeds, lines)


@pytest.mark.xfail(strict=True, reason="the claim scorer (threshold chosen on train CV, issue 24) abstains on "
                   "'preparing to deploy troops ... if a peace deal is reached': a recall gap, left visible rather "
                   "than tuned away")
def test_uk_position_drawing_up_plans_then_preparing_if_peace_deal(seeds):
    lines = seeds.timeline_lines(actor="United Kingdom")
    august = [t for t in lines if t.stance == "preparing" and "deploy troops" in t.claim]
    assert august and "if a peace deal is reached" in august[0].condition
    assert _published(seeds, august[0]) == AUGUST
    march = [t for t in lines if _published(seeds, t) == MARCH and "drawing up plans" in t.evidence]
    assert march, "the March 'drawing up plans' claim of Britain is missing from the UK's positions"
    assert march[0].matter_id == august[0].matter_id
    assert august[0].mark in ("changed", "repeated")
    _check_evidence(seeds, lines)


def test_us_support_needed_in_march_partly_met_partly_refused_in_august(seeds):
    lines = seeds.timeline_lines()
    need = [t for t in lines if _published(seeds, t) == MARCH and "support from the US" in t.evidence]
    assert need, "the March claim that the force would need support from the US is missing"
    us = {t.claim: t for t in lines if _published(seeds, t) == AUGUST and t.actor in ("United States", "Donald Trump")}
    help_ = next(t for c, t in us.items() if "air support" in c)
    boots = next(t for c, t in us.items() if "boots on the ground" in c)
    assert help_.mark == "condition_met"
    assert boots.mark == "condition_refused"
    assert help_.previous == boots.previous == f"{need[0].document_id}/{need[0].claim_id}"
    assert not [t for t in us.values() if t.stance in ("reported", "demanded") and t.mark.startswith("condition")]
    _check_evidence(seeds, lines)


def test_the_coalition_counts_are_facts_not_positions(seeds):
    """EXPECTED.md defers to the claims guide: "up to 30 countries in the planning" and "more than 30 leaders"
    are facts an article reports, so no timeline line is a count of countries or leaders."""
    lines = seeds.timeline_lines()
    assert lines
    assert not [t for t in lines if "30 countries" in t.actor or "more than 30" in t.actor.lower()]