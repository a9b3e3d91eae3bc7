"""The store's interfaces: what ingest writes, what the views read. Link's needs are declared by
link itself (storyledger.link.ports) and are part of the whole ``Ledger``.

SQLite implements them (storyledger.store.sqlite); a PostgreSQL store implements the same ones.
Filters taking an enum's value (stance, kind, type) accept the enum or its text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Protocol, Self

from storyledger.link.ports import LinkLedger
from storyledger.records import AnnotatedArticle, EntityType
from storyledger.sources.web.records import Kind
from storyledger.sources.web.state import CrawlState
from storyledger.store.read_models import (
    ActorCount, ArticleVersion, Changes, ChartPoint, ClaimView, Column, Copy, Coverage, DayCount, DocumentFilter,
    DocumentView, EntityView, Followed, LatestPosition, LedgerCounts, MatterCount, MentionSpan, OutletCount, Page,
    QuoteView, SearchHit, Statement, StoryView, TimelineLine,
)


class DocumentWriter(Protocol):
    """What ingest writes: each document and its annotations in one transaction."""

    def has_document(self, document_id: str) -> bool: ...

    def add(self, annotated: AnnotatedArticle) -> bool:
        """Store a document and its annotations; False (and only its source noted) if it is already stored."""

    def add_source(self, document_id: str, source: str, url: str | None, raw_sha256: str) -> None:
        """Note one more input that holds a stored document."""


class VersionWriter(Protocol):
    def record_version(self, document_id: str, url: str, fetched_at: datetime | None) -> int:
        """Note that a stored document is a text of the article at ``url`` (normalised); returns its
        version number, 1 for the first text stored. A document already noted keeps its number."""


class FollowList(Protocol):
    """The feeds, sitemaps and pages a ledger follows."""

    def follow(self, url: str, kind: Kind | None = None) -> bool:
        """Follow a source; False if it was followed already (its kind is then set, if given)."""

    def unfollow(self, url: str) -> bool:
        """Stop following; what it listed and was not fetched yet is forgotten. False if not followed."""

    def followed(self) -> list[Followed]:
        """Followed sources in the order they were added."""


class IngestLedger(DocumentWriter, VersionWriter, LinkLedger, Protocol):
    """What ingest needs: store documents, then link them."""


class CollectLedger(IngestLedger, FollowList, CrawlState, Protocol):
    """What following sources needs: the list, the collector's memory, and ingest."""


class DocumentReader(Protocol):
    def count(self, table: str) -> int:
        """Rows in one of the annotation tables (documents, entities, quotes, claims...)."""

    def document(self, ref: str) -> DocumentView | None:
        """A document with its text and sources, by full id or a unique prefix of it (as git does)."""

    def documents_by_prefix(self, prefix: str, limit: int = 10) -> Page[DocumentView]:
        """Documents whose id starts with ``prefix``, by id: what an ambiguous prefix could mean."""

    def document_page(self, limit: int = 50, offset: int = 0, outlet: str | None = None,
                      document_ids: Sequence[str] | None = None, within: DocumentFilter | None = None,
                      entity_id: str | None = None) -> Page[DocumentView]:
        """Documents newest first (undated last); with ``entity_id``, those that mention it."""

    def document_mentions(self, document_id: str) -> list[MentionSpan]: ...

    def search(self, query: str, limit: int = 20, offset: int = 0, snippet_tokens: int = 24,
               within: DocumentFilter | None = None) -> Page[SearchHit]:
        """Full-text search over titles and text, best first; a query that won't parse as FTS5 is
        searched as plain words."""

    def outlets(self, document_ids: Sequence[str] | None = None) -> list[OutletCount]:
        """Outlets by how many documents they published, most first."""

    def coverage(self) -> Coverage: ...

    def counts(self, document_ids: Sequence[str] | None = None, within: DocumentFilter | None = None,
               entity_id: str | None = None) -> LedgerCounts:
        """Articles, outlets, quotes, claims and entities of these documents (all if None), of those
        ``within`` selects, of those mentioning ``entity_id``; quotes and claims then count the
        entity's own."""

    def daily_counts(self, document_ids: Sequence[str] | None = None, within: DocumentFilter | None = None,
                     entity_id: str | None = None) -> list[DayCount]:
        """Dated articles per day and outlet, by day then outlet; a later version of an article is
        not another article."""


class EntityReader(Protocol):
    def entity_page(self, limit: int = 50, offset: int = 0, name: str | None = None,
                    type: str | None = None) -> Page[EntityView]:
        """Entities most mentioned first; ``name`` matches names and aliases literally, anywhere."""

    def entity(self, entity_id: str) -> EntityView | None: ...

    def entity_outlets(self, entity_id: str) -> list[OutletCount]:
        """Outlets whose documents mention the entity, most documents first."""

    def document_types(self) -> dict[str, dict[EntityType, int]]:
        """For each ledger entity, how many of its document entities each type was given."""

    def actors(self, document_ids: Sequence[str] | None = None, limit: int = 50) -> list[ActorCount]:
        """Entities that act in claims, most claims first."""


class StatementReader(Protocol):
    """Claims and quotes, filtered the same way wherever they are shown."""

    def claim_page(self, limit: int = 50, offset: int = 0, entity_id: str | None = None, actor: str | None = None,
                   stance: str | None = None, category: str | None = None,
                   document_ids: Sequence[str] | None = None, text: str | None = None,
                   within: DocumentFilter | None = None) -> Page[ClaimView]:
        """Claims by date (the event's, else the article's); ``actor`` and ``text`` match literally."""

    def quote_page(self, limit: int = 50, offset: int = 0, entity_id: str | None = None, speaker: str | None = None,
                   document_ids: Sequence[str] | None = None, text: str | None = None,
                   kind: str | None = None, within: DocumentFilter | None = None) -> Page[QuoteView]:
        """Quotes by their article's date; ``speaker`` and ``text`` match literally."""

    def document_claims(self, document_id: str) -> list[ClaimView]:
        """The document's claims in text order."""

    def document_quotes(self, document_id: str) -> list[QuoteView]:
        """The document's quotes in text order."""

    def categories(self, document_ids: Sequence[str] | None = None) -> list[str]: ...

    def statement_page(self, limit: int = 50, offset: int = 0, entity_id: str | None = None,
                       stance: str | None = None, category: str | None = None, kind: str | None = None,
                       document_ids: Sequence[str] | None = None,
                       within: DocumentFilter | None = None) -> Page[Statement]:
        """Claims and quotes in date order. Stance and category filter claims only, so they leave quotes out."""


class StoryReader(Protocol):
    """Stories and positions, as the link stage left them."""

    def story_page(self, limit: int = 50, offset: int = 0, within: DocumentFilter | None = None) -> Page[StoryView]:
        """Stories, latest first; with ``within``, those with an article it selects."""

    def story(self, ref: str) -> StoryView | None:
        """A story by id or unique id prefix."""

    def story_document_ids(self, story_id: str) -> list[str]:
        """Every document of the story (near-duplicates included), by date."""

    def duplicate_group(self, document_id: str) -> list[str]:
        """The document's near-duplicates, canonical first, then in the order they were stored."""

    def duplicate_sources(self, document_id: str) -> list[Copy]:
        """Every copy of the document, canonical first."""

    def timeline_lines(self, document_ids: Sequence[str] | None = None, actor: str | None = None,
                       query: str | None = None, limit: int = 500, moved: bool = False) -> list[TimelineLine]:
        """Positions in date order; a near-duplicate's copies are shown once. ``moved``: only the lines
        that refer to an earlier one (repeated, changed, a condition met or refused)."""

    def latest_positions(self, document_ids: Sequence[str] | None = None, actors: int = 12) -> list[LatestPosition]:
        """Each leading actor's latest claim per matter: the who-committed-to-what matrix."""

    def story_matters(self, document_ids: Sequence[str] | None = None, limit: int = 100) -> list[MatterCount]:
        """The matters positions are on, most claims first (a near-duplicate's copies counted once)."""

    def chart_points(self, document_ids: Sequence[str] | None = None, actors: int = 8,
                     limit: int = 2000) -> list[ChartPoint]:
        """Dated claims of the leading actors, for the stances-over-time chart."""


# Every table a user sees, as exports write them (one file each).
EXPORT_TABLES: tuple[str, ...] = (
    "documents", "document_sources", "entities", "doc_entities", "mentions", "quotes", "claims", "times",
    "stories", "story_documents", "matters", "positions",
)


class TableReader(Protocol):
    """The tables a user sees, for exports, read in batches so none is held whole: every stored column
    (internal ones left out) and, for rows that name document-local ids, what they resolve to: mentions
    get ``entity_id``; quotes ``speaker_entity_id``, ``speaker_name``, ``outlet``, ``published``; claims
    ``actor_entity_ids`` and ``actor_names`` (JSON lists), ``target_entity_id``, ``outlet``, ``published``;
    times ``outlet``, ``published``; story documents ``canonical_id`` (its near-duplicate group),
    ``outlet``, ``published``; positions ``actor_entity_id``, ``actor_name``, ``matter`` (its label),
    ``outlet``."""

    @property
    def name(self) -> str:
        """What other tools call this ledger (the SQLite file's name without its extension)."""

    def table_columns(self, table: str) -> list[Column]:
        """Columns of one of ``EXPORT_TABLES``, in their order, with their SQL types."""

    def table_rows(self, table: str, batch: int = 1000) -> Iterator[list[tuple[object, ...]]]:
        """The table's rows in the order they were stored, values in ``table_columns`` order."""


class ChangeReader(Protocol):
    def versions(self, document_id: str) -> list[ArticleVersion]:
        """Every version of the document's article, oldest first (none for a document never versioned)."""

    def changes(self, since: datetime, document_ids: Sequence[str] | None = None, entity_id: str | None = None,
                limit: int = 200) -> Changes:
        """What was stored since ``since``: articles and versions, new and changed positions, new quotes;
        of these documents only (a story's), or about this entity, if given."""


class LedgerReader(DocumentReader, EntityReader, StatementReader, StoryReader, ChangeReader, Protocol):
    """Everything the web app reads."""


class Ledger(CollectLedger, LedgerReader, TableReader, Protocol):
    """A whole ledger, opened by ``open_ledger``."""

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...

