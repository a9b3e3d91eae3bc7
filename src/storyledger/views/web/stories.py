"""Stories as the web app sees them.

Story clustering lives in the link stage (StoryQueries). When a ledger has no stories yet (an older
ledger, or clustering not run), the whole ledger is offered as one story, "all", so the app is still
usable; "all" stays reachable once real stories exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from storyledger.store.browse_queries import Page
from storyledger.store.sqlite import SQLiteLedger

ALL = "all"


@dataclass(slots=True)
class StorySummary:
    id: str
    label: str
    first: date | None
    last: date | None
    documents: int
    outlets: int


def _all_story(ledger: SQLiteLedger) -> StorySummary:
    first, last, n = ledger.date_range()
    return StorySummary(ALL, "All articles in the ledger", first, last, n, len(ledger.outlets()))


def _clustered(ledger: SQLiteLedger, limit: int, offset: int) -> Page[StorySummary] | None:
    """Stories from the link stage, if this ledger has them."""
    list_stories = getattr(ledger, "story_page", None)
    if list_stories is None:
        return None
    page = list_stories(limit=limit, offset=offset)
    if page.total == 0:
        return None
    items = []
    for s in page.items:
        first, last, n = ledger.date_range(s.document_ids)
        items.append(StorySummary(s.id, s.label, s.first or first, s.last or last, n,
                                  len(ledger.outlets(s.document_ids))))
    return Page(items, page.total, limit, offset)


def story_page(ledger: SQLiteLedger, limit: int, offset: int) -> Page[StorySummary]:
    clustered = _clustered(ledger, limit, offset)
    if clustered is not None:
        return clustered
    return Page([_all_story(ledger)] if offset == 0 else [], 1, limit, offset)


def story_documents(ledger: SQLiteLedger, story_id: str) -> tuple[StorySummary, list[str] | None] | None:
    """The story and its document ids (None meaning every document); None if there is no such story."""
    if story_id == ALL:
        return _all_story(ledger), None
    get_story = getattr(ledger, "story", None)
    story = get_story(story_id) if get_story else None
    if story is None:
        return None
    first, last, n = ledger.date_range(story.document_ids)
    summary = StorySummary(story.id, story.label, story.first or first, story.last or last, n,
                           len(ledger.outlets(story.document_ids)))
    return summary, list(story.document_ids)
