"""The link stage entry points: link what is new, or everything again (keeping user overrides)."""

from __future__ import annotations

from collections import Counter

from storyledger.link.duplicates import link_duplicate
from storyledger.link.entities import resolve_document
from storyledger.link.positions import link_positions
from storyledger.link.stories import assign_story
from storyledger.store.sqlite import SQLiteLedger


def link_document(ledger: SQLiteLedger, document_id: str) -> str:
    """Link one stored document (entities, near-duplicates, story, positions) in one transaction;
    returns its story id."""
    with ledger.transaction():
        return link_in_transaction(ledger, document_id)


def link_in_transaction(ledger: SQLiteLedger, document_id: str) -> str:
    """``link_document`` inside a transaction the caller holds (bulk loads link many per commit)."""
    assigned = resolve_document(ledger, document_id)
    ledger.mark_linked(document_id)
    doc = ledger.link_doc(document_id)
    canonical = link_duplicate(ledger, document_id, doc.text)
    counts: Counter[str] = Counter()
    for row in ledger.doc_entity_rows(document_id):
        if row["local_id"] in assigned:
            counts[assigned[row["local_id"]]] += max(1, row["n"])
    story = assign_story(ledger, doc, counts, canonical)
    link_positions(ledger, document_id)
    return story


def link_new(ledger: SQLiteLedger) -> int:
    """Link every document not linked yet, in the order they were stored; returns how many."""
    pending = ledger.unlinked_documents()
    for doc_id in pending:
        link_document(ledger, doc_id)
    return len(pending)


def relink(ledger: SQLiteLedger) -> int:
    """Drop every link and link the whole ledger again; the user's merges and splits are replayed."""
    with ledger.transaction():
        ledger.clear_links()
    return link_new(ledger)
