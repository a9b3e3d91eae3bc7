"""Change marks on hand-built steps: which earlier statement a step is compared with, and which way it moved."""

from __future__ import annotations

from datetime import date

from storyledger.link.changes import mark_sequence, opposite_verbs, same_statement
from storyledger.link.records import Change, PositionStep
from storyledger.records import Polarity, Stance


def step(doc: str, day: str, stance: Stance, action: str, evidence: str, condition: str | None = None,
         polarity: Polarity = Polarity.AFFIRMED, canonical: str | None = None, local: str = "c1") -> PositionStep:
    d = date.fromisoformat(day)
    return PositionStep(doc, local, d, stance, polarity, condition, action, d, canonical or doc, evidence)


def marks(steps: list[PositionStep]) -> list[tuple[str, str, Change | None, str | None]]:
    return [(m.step.document_id, m.mark, m.change, m.previous.document_id if m.previous else None)
            for m in mark_sequence(steps)]


def test_a_refusal_repeated_over_three_months_is_repeated_every_time():
    steps = [
        step("apr", "2025-04-03", Stance.REFUSED, "a partial exchange deal",
             "The Tarsen Front rejected a partial exchange deal on Thursday, a spokesman said."),
        step("may", "2025-05-12", Stance.RULED_OUT, "accepting a partial deal",
             "The Front again ruled out accepting a partial deal, insisting on a full agreement."),
        step("jun", "2025-06-20", Stance.REFUSED, "the phased proposal",
             "Front negotiators turned down the phased proposal put forward by mediators."),
    ]
    assert marks(steps) == [("apr", "new", None, None), ("may", "repeated", None, "apr"),
                            ("jun", "repeated", None, "may")]


def test_a_reversal_links_the_earlier_line():
    steps = [
        step("apr", "2025-04-03", Stance.REFUSED, "a partial exchange deal", "The Front rejected a partial deal."),
        step("aug", "2025-08-14", Stance.COMMITTED, "accept a partial exchange deal",
             "The Front said it had accepted a partial exchange deal."),
    ]
    assert marks(steps) == [("apr", "new", None, None), ("aug", "changed", Change.REVERSED, "apr")]


def test_suspending_then_resuming_a_role_is_a_reversal():
    steps = [
        step("a", "2025-09-02", Stance.COMMITTED, "suspend its mediation role", "Velmora suspended its mediation role."),
        step("b", "2025-09-04", Stance.COMMITTED, "resume its mediation role", "Velmora resumed its role as mediator."),
    ]
    assert marks(steps)[1] == ("b", "changed", Change.REVERSED, "a")
    assert opposite_verbs("suspend its mediation role", "resuming mediation")
    assert opposite_verbs("lifting the tariffs", "impose tariffs")
    assert not opposite_verbs("end the strike", "call off the strike")  # unrelated verbs say nothing
    assert not opposite_verbs("cut tariffs", "reduce tariffs")


def test_a_refusal_to_lift_is_a_stand_for_and_repeats_an_imposition():
    steps = [
        step("a", "2025-02-01", Stance.COMMITTED, "impose sanctions on Valdonia", "Norland imposed sanctions."),
        step("b", "2025-03-01", Stance.RULED_OUT, "lifting the sanctions", "Norland ruled out lifting sanctions."),
        step("c", "2025-04-01", Stance.COMMITTED, "lift the sanctions", "Norland said it would lift sanctions."),
    ]
    assert [(m, c) for _d, m, c, _p in marks(steps)] == [("new", None), ("repeated", None),
                                                          ("changed", Change.REVERSED)]


def test_two_sentences_of_one_article_are_never_a_change():
    steps = [
        step("doc", "2025-03-01", Stance.RULED_OUT, "sending troops", "Ostrava ruled out sending troops.", local="c1"),
        step("doc", "2025-03-01", Stance.COMMITTED, "send troops", "Later it said it would send troops.", local="c2"),
    ]
    assert [m for _d, m, _c, _p in marks(steps)] == ["new", "new"]


def test_copies_and_one_statement_in_several_outlets_are_one_statement():
    said = "Ostrava will not send troops to the border, Defence Minister Ilse Brandt told reporters on Monday."
    steps = [
        step("old", "2025-02-01", Stance.COMMITTED, "send troops to the border", "Ostrava said it would send troops."),
        step("wire", "2025-03-03", Stance.RULED_OUT, "send troops to the border", said),
        step("copy", "2025-03-04", Stance.RULED_OUT, "send troops to the border", said + " Editing by the desk.",
             canonical="wire"),
        step("rewrite", "2025-03-05", Stance.WILLING, "send troops to the border",
             "Ostrava will not send troops to the border, Defence Minister Ilse Brandt told reporters, "
             "as would be expected."),
    ]
    assert same_statement(steps[1], steps[2]) and same_statement(steps[1], steps[3])
    # each copy is compared with what came before the statement, never with its own twin
    assert marks(steps) == [("old", "new", None, None), ("wire", "changed", Change.REVERSED, "old"),
                            ("copy", "changed", Change.REVERSED, "old"), ("rewrite", "repeated", None, "old")]


def test_considering_then_deciding_hardens_and_back_softens():
    steps = [
        step("a", "2025-01-10", Stance.CONSIDERING, "tariffs on imported steel", "Norland is weighing tariffs."),
        step("b", "2025-02-10", Stance.COMMITTED, "impose tariffs on imported steel", "Norland will impose tariffs."),
        step("c", "2025-03-10", Stance.CONSIDERING, "tariffs on imported steel", "Norland is reviewing the tariffs."),
    ]
    assert [(m, c) for _d, m, c, _p in marks(steps)] == [("new", None), ("changed", Change.HARDENED),
                                                          ("changed", Change.SOFTENED)]


def test_a_condition_met_dropped_or_simply_left_out():
    cond = "if the inspectors confirm the site is safe"
    first = step("a", "2025-05-01", Stance.WILLING, "reopen the plant",
                 f"Kestrel Mining would reopen the plant {cond}.", condition=cond)
    met = step("b", "2025-06-01", Stance.COMMITTED, "reopen the plant",
               "Kestrel Mining will reopen the plant after inspectors confirmed the site is safe.")
    dropped = step("c", "2025-06-01", Stance.COMMITTED, "reopen the plant",
                   "Kestrel Mining will reopen the plant regardless of the inspection.")
    left_out = step("d", "2025-06-01", Stance.COMMITTED, "reopen the plant", "Kestrel Mining will reopen the plant.")
    changed = step("e", "2025-06-01", Stance.WILLING, "reopen the plant",
                   "Kestrel Mining would reopen the plant if the union accepted new shifts.",
                   condition="if the union accepted new shifts")
    assert [marks([first, s])[1][1:3] for s in (met, dropped, left_out, changed)] == [
        ("changed", Change.CONDITION_MET), ("changed", Change.CONDITION_DROPPED), ("repeated", None),
        ("changed", Change.CONDITION_CHANGED)]


def test_a_demand_of_others_is_not_compared_with_the_actors_own_stand():
    steps = [
        step("a", "2025-04-01", Stance.DEMANDED, "the full withdrawal of troops", "The council demanded a withdrawal."),
        step("b", "2025-05-01", Stance.REFUSED, "a partial withdrawal", "The council rejected a partial withdrawal."),
        step("c", "2025-06-01", Stance.DEMANDED, "a full withdrawal", "The council again called for a full withdrawal."),
    ]
    assert marks(steps) == [("a", "new", None, None), ("b", "new", None, None), ("c", "repeated", None, "a")]


def test_one_days_disagreeing_reports_prefer_the_repetition():
    steps = [
        step("a", "2025-04-01", Stance.COMMITTED, "send aid convoys", "Ferrin pledged aid convoys."),
        step("b", "2025-04-01", Stance.RULED_OUT, "sending aid convoys", "Ferrin officials ruled out convoys for now."),
        step("c", "2025-04-09", Stance.COMMITTED, "send aid convoys", "Ferrin said convoys would leave on Monday."),
    ]
    assert marks(steps)[2] == ("c", "repeated", None, "a")


def test_undated_steps_stay_new():
    undated = PositionStep("x", "c1", None, Stance.REFUSED, Polarity.AFFIRMED, None, "the deal", None, "x", "No.")
    assert [m.mark for m in mark_sequence([step("a", "2025-01-01", Stance.COMMITTED, "the deal", "Yes."),
                                           undated])] == ["new", "new"]
