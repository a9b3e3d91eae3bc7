"""Ledger-wide entities: each document entity is assigned to one canonical entity."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata

from storyledger.store.sqlite import SQLiteLedger


def name_key(name: str) -> str:
    """Fold case, accents and punctuation so spellings of one name meet."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


def entity_id(type: str, name: str) -> str:
    return "E" + hashlib.sha1(f"{type}:{name_key(name)}".encode()).hexdigest()[:12]


def link_entities(ledger: SQLiteLedger) -> int:
    """Assign every unlinked document entity; incremental (only new rows are read)."""
    rows = ledger.unlinked_doc_entities()
    for row in rows:
        roles = [r["text"] for r in json.loads(row["roles"])]
        ledger.link_entity(
            row["document_id"], row["local_id"], entity_id(row["type"], row["name"]), row["name"], row["type"],
            json.loads(row["aliases"]), roles,
        )
    return len(rows)
