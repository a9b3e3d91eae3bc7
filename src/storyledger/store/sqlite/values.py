"""How values are kept in SQLite: dates as ISO-8601 text, lists as JSON text."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from storyledger.store.read_models import DocumentFilter


def iso_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def role_texts(roles_json: str) -> list[str]:
    """Role texts from either form a roles column holds: [{text, start, end}] (a document's entity,
    with evidence) or plain strings (a ledger entity)."""
    return [r["text"] if isinstance(r, dict) else r for r in json.loads(roles_json)]


def like(text: str) -> str:
    """A LIKE pattern matching ``text`` literally anywhere (with ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Where:
    """A WHERE clause built one condition at a time, with its parameters in order."""

    def __init__(self, *conditions: str) -> None:
        self.conditions = list(conditions)
        self.params: list[object] = []

    def add(self, condition: str, *params: object) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def scope(self, column: str, document_ids: Sequence[str] | None) -> None:
        """Only these documents (None: all of them)."""
        if document_ids is not None:
            self.add(f"{column} IN (SELECT value FROM json_each(?))", json.dumps(list(document_ids)))

    def within(self, f: DocumentFilter | None, documents: str = "d") -> None:
        """Only the documents (aliased ``documents``) the filter selects."""
        if f is None:
            return
        if f.since:
            self.add(f"{documents}.published >= ?", f.since.isoformat())
        if f.until:
            self.add(f"{documents}.published <= ?", f.until.isoformat())
        if f.outlet:
            self.add(f"{documents}.outlet = ?", f.outlet)

    @property
    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""
