"""How values are kept in SQLite: dates as ISO-8601 text, lists as JSON text."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date


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


def in_scope(where: list[str], params: list[object], column: str, document_ids: Sequence[str] | None) -> None:
    """Limit a query to these documents (None: all of them)."""
    if document_ids is not None:
        where.append(f"{column} IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(document_ids)))


def where_clause(where: list[str]) -> str:
    return " WHERE " + " AND ".join(where) if where else ""
