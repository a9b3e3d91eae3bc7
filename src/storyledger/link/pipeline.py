"""The link stage entry points: link what is new, or everything again (keeping user overrides)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from storyledger.link.duplicates import link_duplicate
from storyledger.link.entities import link_document_entities
from storyledger.link.ports import LinkLedger
from storyledger.link.positions import link_positions
from storyledger.link.stories import assign_story


def link_document(ledger: LinkLedger, document_id: str) -> str:
    """Link one stored document (entities, near-duplicates, story, positions) in one transaction;
    returns its story id. A document another process linked meanwhile (two ingests into one ledger)
    is left as it is."""
    with ledger.transaction():
        return ledger.story_of(document_id) or link_in_transaction(ledger, document_id)


def link_in_transaction(ledger: LinkLedger, document_id: str) -> str:
    """``link_document`` inside a transaction the caller holds (bulk loads link many per commit)."""
    entities = ledger.doc_entities(document_id)
    doc = ledger.link_doc(document_id)
    assigned = link_document_entities(ledger, entities, doc.published)
    ledger.mark_linked(document_id)
    canonical = link_duplicate(ledger, document_id, doc.text)
    counts: Counter[str] = Counter()
    for entity in entities:
        if entity.local_id in assigned:
            counts[assigned[entity.local_id]] += max(1, entity.mentions)
    story = assign_story(ledger, doc, counts, canonical)
    link_positions(ledger, document_id)
    return story


def link_new(ledger: LinkLedger, on_linked: Callable[[int, int], None] | None = None) -> int:
    """Link every document not linked yet, in the order they were stored; returns how many.
    ``on_linked(done, total)`` is told after each (a progress display)."""
    pending = ledger.unlinked_documents()
    for done, doc_id in enumerate(pending, 1):
        link_document(ledger, doc_id)
        if on_linked:
            on_linked(done, len(pending))
    return len(pending)


def relink(ledger: LinkLedger) -> int:
    """Drop every link and link the whole ledger again; the user's merges and splits are replayed."""
    with ledger.transaction():
        ledger.clear_links()
    return link_new(ledger)
