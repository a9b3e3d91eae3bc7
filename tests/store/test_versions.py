"""Versions of an article and the digest of changes: a corrected article adds its new claims to the
timeline as corrections, withdraws what it dropped, and repeats nothing."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from storyledger.link.records import Mark
from storyledger.records import AnnotatedArticle, Claim, Polarity, Quote, QuoteKind, SpeakerRef, Stance
from storyledger.store import Ledger
from storyledger.store.read_models import Revision
from tests.store.world import DVORKOVICH, OKAFOR, STRIKE_ENDS, UNION, World, _actor, span, talks

URL = "https://meridian.example/talks"
CORRECTED = (
    "Dana Okafor said the Harbour Workers Union would end the strike if wages rose by five percent.\n\n"
    "Correction: Dana Okafor later said the union would accept a four percent rise."
)


def _corrected() -> AnnotatedArticle:
    base = talks()
    t = CORRECTED
    return AnnotatedArticle(
        article=type(base.article)(source=URL, text=t, title=base.article.title, published=base.article.published,
                                   outlet=base.article.outlet, url=URL, raw_sha256="b9"),
        entities=base.entities[:2],
        mentions=[m for m in base.mentions if m.entity_id in ("e1", "e2")],
        quotes=[Quote("q1", QuoteKind.INDIRECT, SpeakerRef("Dana Okafor", 0, 11, "e1"), span(t, "said"),
                      [span(t, "the Harbour Workers Union would end the strike if wages rose by five percent")]),
                Quote("q2", QuoteKind.INDIRECT, SpeakerRef("Dana Okafor", t.index("Dana Okafor later"),
                                                           t.index("Dana Okafor later") + 11, "e1"),
                      span(t, "said", 1), [span(t, "the union would accept a four percent rise")])],
        claims=[
            Claim("c1", _actor(t, "the Harbour Workers Union", "e2"), "end the strike", "COOPERATE", Stance.WILLING,
                  Polarity.AFFIRMED, span(t, t[:t.index("\n")]), condition=span(t, "if wages rose by five percent")),
            Claim("c2", _actor(t, "the union", "e2"), "accept a four percent rise", "COOPERATE", Stance.WILLING,
                  Polarity.AFFIRMED, span(t, t[t.index("Correction"):])),
        ],
    )


def _store_correction(ledger: Ledger, world: World) -> str:
    corrected = _corrected()
    assert ledger.add(corrected)
    new = corrected.article.id
    assert ledger.record_version(world.talks, URL, datetime(2025, 2, 10, 8, tzinfo=timezone.utc)) == 1
    assert ledger.record_version(new, URL, datetime(2025, 2, 11, 8, tzinfo=timezone.utc)) == 2
    assert ledger.record_version(world.talks, URL, None) == 1  # noted once
    with ledger.transaction():
        ledger.mark_linked(new)
        for local_id, entity in (("e1", OKAFOR), ("e2", UNION)):
            ledger.assign_doc_entity(new, local_id, entity.id)
        ledger.set_duplicate(new, world.talks, 0.75)  # a version is a near-duplicate of the one before
        ledger.add_position(new, "c1", UNION.id, STRIKE_ENDS, None)
        ledger.add_position(new, "c2", UNION.id, STRIKE_ENDS, None)
        ledger.set_mark(new, "c2", UNION.id, Mark.REPEATED, None, (world.talks, "c1"))  # a correction, though
    return new


def test_versions_of_an_article_oldest_first(ledger: Ledger, world: World) -> None:
    new = _store_correction(ledger, world)
    assert [(v.document_id, v.version, v.fetched_at) for v in ledger.versions(new)] == [
        (world.talks, 1, "2025-02-10T08:00:00+00:00"), (new, 2, "2025-02-11T08:00:00+00:00")]
    assert ledger.versions(world.talks) == ledger.versions(new)
    assert ledger.versions(world.lake) == []


def test_the_timeline_shows_a_correction_and_what_it_withdrew_once(ledger: Ledger, world: World) -> None:
    new = _store_correction(ledger, world)
    lines = {(line.document_id, line.claim_id): line for line in ledger.timeline_lines()}
    assert lines[(new, "c2")].revision is Revision.CORRECTION  # shown, though the version is a near-duplicate
    assert (new, "c1") not in lines  # the version before said it already
    assert lines[(world.talks, "c2")].revision is Revision.WITHDRAWN  # gone from the corrected text
    assert lines[(world.talks, "c1")].revision is None
    assert lines[(world.talks, "c2")].actor_id == DVORKOVICH.id


def test_changes_since_list_new_versions_positions_and_only_new_quotes(ledger: Ledger, world: World) -> None:
    new = _store_correction(ledger, world)
    now = datetime.now(timezone.utc)
    assert ledger.changes(now + timedelta(minutes=1)).articles == []
    changes = ledger.changes(now - timedelta(hours=1))
    versions = {a.document.id: (a.version, a.previous_id) for a in changes.articles}
    assert versions[new] == (2, world.talks) and versions[world.talks] == (1, None) and versions[world.lake] == (1, None)
    shown = {(p.document_id, p.claim_id): p for p in changes.positions}
    assert shown[(new, "c2")].revision is Revision.CORRECTION  # shown although its mark is "repeated"
    assert all(p.mark is not Mark.REPEATED for k, p in shown.items() if k != (new, "c2"))
    new_quotes = [(q.document_id, q.id) for q in changes.quotes if q.document_id == new]
    assert new_quotes == [(new, "q2")]  # q1 repeats the version before
    about_union = ledger.changes(now - timedelta(hours=1), entity_id=UNION.id)
    assert {p.actor_id for p in about_union.positions} == {UNION.id}
    assert ledger.changes(now - timedelta(hours=1), document_ids=[new]).articles[0].document.id == new
