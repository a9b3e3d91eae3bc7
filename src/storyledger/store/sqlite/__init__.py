"""The SQLite ledger: a single file any SQLite tool (or Datasette) can open.

One object implements every store interface; each part lives in a module named after what it holds.
"""

from __future__ import annotations

from storyledger.store.sqlite.clusters import ClusterStore
from storyledger.store.sqlite.crawl import CrawlStore
from storyledger.store.sqlite.documents import DocumentReads
from storyledger.store.sqlite.entities import Entities
from storyledger.store.sqlite.entity_pages import EntityPages
from storyledger.store.sqlite.positions import Positions
from storyledger.store.sqlite.progress import LinkProgress
from storyledger.store.sqlite.search import Search
from storyledger.store.sqlite.statements import Statements
from storyledger.store.sqlite.stories import Stories
from storyledger.store.sqlite.tables import Tables
from storyledger.store.sqlite.timeline import Timeline
from storyledger.store.sqlite.versions import Versions
from storyledger.store.sqlite.writes import DocumentWrites


class SQLiteLedger(DocumentWrites, DocumentReads, Search, Entities, EntityPages, Versions, Statements, Timeline,
                   ClusterStore, Stories, Positions, LinkProgress, Tables, CrawlStore):
    """All reads and writes of one ledger file (see storyledger.store.interfaces for what each does)."""


__all__ = ["SQLiteLedger"]
