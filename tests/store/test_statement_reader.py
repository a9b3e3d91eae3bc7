"""StatementReader: claims and quotes, filtered alike wherever they are shown, and both in date order."""

from __future__ import annotations

from datetime import date

from storyledger.link.records import Change, Mark
from storyledger.records import Polarity, QuoteKind, Stance
from storyledger.store import Ledger
from storyledger.store.read_models import ClaimView, PositionMark, QuoteView, StatementKind
from tests.store.world import STRIKE, TALKS, World, span


def _claims(ledger: Ledger, world: World, **filters: object) -> list[tuple[str, str]]:
    names = world.names()
    return [(names[c.document_id], c.id) for c in ledger.claim_page(**filters).items]  # type: ignore[arg-type]


def _quotes(ledger: Ledger, world: World, **filters: object) -> list[tuple[str, str]]:
    names = world.names()
    return [(names[q.document_id], q.id) for q in ledger.quote_page(**filters).items]  # type: ignore[arg-type]


def test_a_claim_as_every_view_shows_it(ledger: Ledger, world: World) -> None:
    reopen = next(c for c in ledger.document_claims(world.strike) if c.id == "c1")
    assert reopen == ClaimView(
        document_id=world.strike, id="c1", actor="Arkady Dvorkovich", actor_entities=["Edvorkovich"],
        actor_names=["Arkady Dvorkovich"], action="reopen the port of Castellan", category="COOPERATE",
        stance=Stance.COMMITTED, polarity=Polarity.AFFIRMED, target="Castellan",
        condition="if the Harbour Workers Union ended its strike", when_text="on Friday", when_date=date(2025, 2, 7),
        reported_by=None, evidence_start=0, evidence_end=143, evidence=STRIKE[:143], published=date(2025, 2, 3),
        outlet="Castellan Courier", when_date_end=date(2025, 2, 7),
    )
    assert reopen.date == date(2025, 2, 7)


def test_claims_before_linking_have_no_ledger_actors(ledger: Ledger, stored: World) -> None:
    (claim,) = ledger.claim_page(document_ids=[stored.lake]).items
    assert (claim.actor, claim.actor_entities, claim.actor_names) == ("Brightwater Chemicals", [], [])


def test_claims_in_date_order_event_date_first(ledger: Ledger, world: World) -> None:
    same_day = sorted(["talks", "copy"], key=lambda n: getattr(world, n))
    assert _claims(ledger, world) == [
        ("strike", "c2"), ("strike", "c1"), (same_day[0], "c1"), (same_day[0], "c2"), (same_day[1], "c1"),
        (same_day[1], "c2"), ("lake", "c1"), ("mayor", "c1"),
    ]
    page = ledger.claim_page(limit=3, offset=6)
    assert (len(page.items), page.total, page.next_offset) == (2, 8, None)


def test_claim_filters(ledger: Ledger, world: World) -> None:
    assert _claims(ledger, world, entity_id="Eokafor") == [("strike", "c2")]
    assert sorted(_claims(ledger, world, entity_id="Edvorkovich")) == [("copy", "c2"), ("strike", "c1"),
                                                                       ("talks", "c2")]
    assert sorted(_claims(ledger, world, actor="harbour")) == [("copy", "c1"), ("talks", "c1")]
    assert _claims(ledger, world, actor="Dvorkovich", document_ids=[world.strike]) == [("strike", "c1")]
    assert _claims(ledger, world, actor="%") == []
    assert sorted(_claims(ledger, world, stance=Stance.WILLING)) == [("copy", "c1"), ("lake", "c1"), ("talks", "c1")]
    assert _claims(ledger, world, category="reject") == [("strike", "c2")]
    assert _claims(ledger, world, text="cleanup") == [("lake", "c1")]
    assert _claims(ledger, world, text="_") == []


def test_a_quote_as_every_view_shows_it(ledger: Ledger, world: World) -> None:
    (quote,) = ledger.document_quotes(world.strike)
    content = span(STRIKE, "We are ready to talk,")
    assert quote == QuoteView(
        document_id=world.strike, id="q1", kind=QuoteKind.DIRECT, speaker="Dvorkovich", speaker_entity="Edvorkovich",
        speaker_name="Arkady Dvorkovich", cue="told reporters", text="We are ready to talk,", start=content.start,
        end=content.end, content=[(content.start, content.end)], published=date(2025, 2, 3),
        outlet="Castellan Courier",
    )


def test_quotes_by_date_and_filters(ledger: Ledger, world: World) -> None:
    same_day = sorted(["talks", "copy"], key=lambda n: getattr(world, n))
    assert _quotes(ledger, world) == [("strike", "q1"), (same_day[0], "q1"), (same_day[1], "q1")]
    assert _quotes(ledger, world, entity_id="Eokafor") == [(same_day[0], "q1"), (same_day[1], "q1")]
    assert _quotes(ledger, world, speaker="arkady") == [("strike", "q1")]
    assert _quotes(ledger, world, text="five percent", document_ids=[world.copy]) == [("copy", "q1")]
    assert _quotes(ledger, world, kind=QuoteKind.DIRECT) == [("strike", "q1")]
    assert _quotes(ledger, world, speaker="%") == []
    (talks,) = ledger.quote_page(document_ids=[world.talks]).items
    assert (talks.kind, talks.speaker, talks.cue, talks.speaker_name) == (QuoteKind.INDIRECT, "Dana Okafor", "said",
                                                                          "Dana Okafor")
    assert talks.text == TALKS[TALKS.index("the Harbour"):TALKS.index(".")]


def test_a_documents_claims_and_quotes_in_text_order(ledger: Ledger, world: World) -> None:
    assert [c.id for c in ledger.document_claims(world.strike)] == ["c1", "c2"]
    assert [q.id for q in ledger.document_quotes(world.talks)] == ["q1"]
    assert ledger.document_quotes(world.lake) == []


def test_categories(ledger: Ledger, world: World) -> None:
    assert ledger.categories() == ["AID", "COOPERATE", "DEMAND", "REJECT"]
    assert ledger.categories([world.lake, world.mayor]) == ["AID", "DEMAND"]


def test_statements_claims_and_quotes_in_date_order(ledger: Ledger, world: World) -> None:
    names = world.names()
    page = ledger.statement_page()
    first, second = sorted(["talks", "copy"], key=lambda n: getattr(world, n))
    assert [(s.kind, names[s.document_id], s.local_id, s.date) for s in page.items] == [
        (StatementKind.QUOTE, "strike", "q1", date(2025, 2, 3)),
        (StatementKind.CLAIM, "strike", "c2", date(2025, 2, 3)),
        (StatementKind.CLAIM, "strike", "c1", date(2025, 2, 7)),
        (StatementKind.CLAIM, first, "c1", date(2025, 2, 10)),
        (StatementKind.QUOTE, first, "q1", date(2025, 2, 10)),
        (StatementKind.CLAIM, first, "c2", date(2025, 2, 10)),
        (StatementKind.CLAIM, second, "c1", date(2025, 2, 10)),
        (StatementKind.QUOTE, second, "q1", date(2025, 2, 10)),
        (StatementKind.CLAIM, second, "c2", date(2025, 2, 10)),
        (StatementKind.CLAIM, "lake", "c1", date(2025, 3, 18)),
        (StatementKind.CLAIM, "mayor", "c1", None),
    ]
    quote, claim = page.items[:2]
    assert quote.quote == ledger.document_quotes(world.strike)[0] and quote.claim is None and quote.marks == []
    assert claim.claim == ledger.document_claims(world.strike)[1] and claim.quote is None
    assert claim.marks == [PositionMark("Dana Okafor", "end strike", Mark.NEW)]
    changed = next(s for s in page.items if s.document_id == world.talks and s.local_id == "c2")
    assert changed.marks == [PositionMark("Arkady Dvorkovich", "reopen port", Mark.CHANGED, Change.HARDENED)]


def test_statement_filters(ledger: Ledger, world: World) -> None:
    names = world.names()

    def keys(**filters: object) -> list[tuple[str, str]]:
        return [(names[s.document_id], s.local_id) for s in ledger.statement_page(**filters).items]  # type: ignore[arg-type]

    assert len(keys(kind=StatementKind.CLAIM)) == 8 and len(keys(kind="quote")) == 3
    assert sorted(keys(stance=Stance.WILLING)) == [("copy", "c1"), ("lake", "c1"), ("talks", "c1")]
    assert keys(category="demand") == [("mayor", "c1")]
    assert keys(kind="quote", stance="willing") == []  # stance is a claim's: it leaves quotes out
    assert sorted(keys(entity_id="Eokafor")) == [("copy", "q1"), ("strike", "c2"), ("talks", "q1")]
    assert keys(document_ids=[world.lake, world.mayor]) == [("lake", "c1"), ("mayor", "c1")]
    page = ledger.statement_page(limit=4, offset=8)
    assert (len(page.items), page.total, page.next_offset, page.prev_offset) == (3, 11, None, 4)


def test_statements_of_an_unlinked_claim_have_no_marks(ledger: Ledger, stored: World) -> None:
    (lake,) = ledger.statement_page(document_ids=[stored.lake]).items
    assert lake.marks == []
