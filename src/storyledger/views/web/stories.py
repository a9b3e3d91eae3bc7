"""Stories as the web app offers them.

Stories come from the link stage. When a ledger has none yet (linking not run), the whole ledger is
offered as one story, "all", so the app is still usable; "all" stays reachable once real stories exist.
"""

from __future__ import annotations

from storyledger.store.interfaces import LedgerReader
from storyledger.store.read_models import Page, StoryView

ALL = "all"


def _all_story(ledger: LedgerReader) -> StoryView:
    c = ledger.coverage()
    return StoryView(ALL, "All articles in the ledger", c.first, c.last, c.documents, c.copies,
                     sorted(o.outlet for o in ledger.outlets()))


def story_page(ledger: LedgerReader, limit: int, offset: int) -> Page[StoryView]:
    page = ledger.story_page(limit, offset)
    if page.total:
        return page
    return Page([_all_story(ledger)] if offset == 0 else [], 1, limit, offset)


def story_documents(ledger: LedgerReader, story_id: str) -> tuple[StoryView, list[str] | None] | None:
    """The story and its document ids (None meaning every document); None if there is no such story."""
    if story_id == ALL:
        return _all_story(ledger), None
    story = ledger.story(story_id)
    if story is None:
        return None
    return story, ledger.story_document_ids(story.id)
