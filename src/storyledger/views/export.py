"""Exports of the ledger for other tools: one file per record type (JSON Lines, CSV, Parquet),
FollowTheMoney entities for investigation tools, and a Datasette metadata file.

Tables are read in rowid batches, so exporting a large ledger never holds a table in memory.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from storyledger.store.browse_queries import EXPORT_TABLES
from storyledger.store.sqlite import SQLiteLedger

FORMATS = ("jsonl", "csv", "parquet", "ftm", "datasette")
# Columns holding JSON text: decoded in JSON Lines, kept as JSON text in CSV and Parquet.
JSON_COLUMNS = {"authors", "aliases", "roles", "content", "actor_local_ids"}


@dataclass(slots=True)
class ExportedFile:
    path: Path
    rows: int


def _records(ledger: SQLiteLedger, table: str, decode_json: bool) -> Iterator[list[dict[str, Any]]]:
    for batch in ledger.iter_table(table):
        out = []
        for row in batch:
            rec = {k: row[k] for k in row.keys() if k != "_rowid"}
            if decode_json:
                for k in JSON_COLUMNS & rec.keys():
                    rec[k] = json.loads(rec[k]) if rec[k] is not None else None
            out.append(rec)
        yield out


def _jsonl(ledger: SQLiteLedger, table: str, path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for batch in _records(ledger, table, decode_json=True):
            for rec in batch:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += len(batch)
    return n


def _csv(ledger: SQLiteLedger, table: str, path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=ledger.table_columns(table))
        writer.writeheader()
        for batch in _records(ledger, table, decode_json=False):
            writer.writerows(batch)
            n += len(batch)
    return n


def _arrow_schema(ledger: SQLiteLedger, table: str):  # type: ignore[no-untyped-def]
    import pyarrow as pa

    fields = []
    for r in ledger.conn.execute("SELECT name, type FROM pragma_table_info(?)", (table,)):
        fields.append(pa.field(r["name"], pa.int64() if r["type"].upper() == "INTEGER" else pa.string()))
    return pa.schema(fields)


def _parquet(ledger: SQLiteLedger, table: str, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(ledger, table)
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in _records(ledger, table, decode_json=False):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


WRITERS = {"jsonl": (_jsonl, "jsonl"), "csv": (_csv, "csv"), "parquet": (_parquet, "parquet")}


def export_tables(ledger: SQLiteLedger, fmt: str, out_dir: Path) -> list[ExportedFile]:
    """One file per record type (documents, entities, mentions, quotes, claims, ...) in ``out_dir``."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown table format {fmt!r}; expected one of {', '.join(WRITERS)}")
    write, ext = WRITERS[fmt]
    out_dir.mkdir(parents=True, exist_ok=True)
    files = []
    for table in EXPORT_TABLES:
        path = out_dir / f"{table}.{ext}"
        files.append(ExportedFile(path, write(ledger, table, path)))
    return files


# -- FollowTheMoney ----------------------------------------------------------------------------

FTM_SCHEMA = {"person": "Person", "organisation": "Organization", "group": "Organization", "place": "Address"}


def _ftm_id(*parts: str) -> str:
    return "sl-" + "-".join(parts)


def _ftm_entities(ledger: SQLiteLedger) -> Iterator[dict[str, Any]]:
    """FtM entities: Person/Organization/Address for ledger entities, Article for documents, Mention for
    each document's entity, Documentation linking a speaker or actor to the article for quotes and claims."""
    from followthemoney import model

    def make(schema: str, ident: str, **props: Any) -> dict[str, Any]:
        proxy = model.make_entity(schema)
        proxy.id = ident
        for prop, values in props.items():
            for v in values if isinstance(values, list) else [values]:
                if v not in (None, ""):
                    proxy.add(prop, v, cleaned=False)
        return proxy.to_dict()

    schema_of: dict[str, str] = {}
    for batch in ledger.iter_table("entities"):
        for r in batch:
            schema = FTM_SCHEMA.get(r["type"], "LegalEntity")
            schema_of[r["id"]] = schema
            aliases = [a for a in json.loads(r["aliases"]) if a != r["name"]]
            props: dict[str, Any] = {"name": r["name"], "alias": aliases}
            if schema != "Address":
                props["position" if schema == "Person" else "description"] = json.loads(r["roles"])
            else:
                props["full"] = r["name"]
            yield make(schema, _ftm_id("e", r["id"]), **props)
    for batch in ledger.iter_table("documents"):
        for r in batch:
            yield make("Article", _ftm_id("d", r["id"]), title=r["title"] or r["id"], bodyText=r["text"],
                       publishedAt=r["published"], author=json.loads(r["authors"]), publisher=r["outlet"],
                       sourceUrl=r["url"], language=r["language"], contentHash=r["raw_sha256"])
    for batch in ledger.iter_table("doc_entities"):
        for r in batch:
            if not r["entity_id"]:
                continue
            names = [r["name"], *json.loads(r["aliases"])]
            yield make("Mention", _ftm_id("m", r["document_id"], r["local_id"]),
                       document=_ftm_id("d", r["document_id"]), resolved=_ftm_id("e", r["entity_id"]),
                       name=sorted(set(names)), detectedSchema=schema_of.get(r["entity_id"], "LegalEntity"))
    yield from _ftm_documentation(ledger, make)


def _entity_of(conn: sqlite3.Connection, document_id: str, local_id: str | None) -> str | None:
    if not local_id:
        return None
    row = conn.execute("SELECT entity_id FROM doc_entities WHERE document_id = ? AND local_id = ?",
                       (document_id, local_id)).fetchone()
    return row["entity_id"] if row else None


def _ftm_documentation(ledger: SQLiteLedger, make) -> Iterator[dict[str, Any]]:  # type: ignore[no-untyped-def]
    published: dict[str, str | None] = {}

    def day(document_id: str) -> str | None:
        if document_id not in published:
            row = ledger.conn.execute("SELECT published FROM documents WHERE id = ?", (document_id,)).fetchone()
            published[document_id] = row["published"] if row else None
        return published[document_id]

    for batch in ledger.iter_table("quotes"):
        for r in batch:
            speaker = _entity_of(ledger.conn, r["document_id"], r["speaker_local_id"])
            if speaker is None:
                continue  # Documentation needs an entity; unattributed quotes stay in the table exports
            yield make("Documentation", _ftm_id("q", r["document_id"], r["local_id"]),
                       document=_ftm_id("d", r["document_id"]), entity=_ftm_id("e", speaker),
                       role=f"quote ({r['kind']})", summary=r["content_text"],
                       description=f"{r['speaker_text'] or ''} {r['cue_text'] or ''}".strip(), date=day(r["document_id"]))
    for batch in ledger.iter_table("claims"):
        for r in batch:
            for local in json.loads(r["actor_local_ids"]):
                actor = _entity_of(ledger.conn, r["document_id"], local)
                if actor is None:
                    continue
                action = ("not " if r["polarity"] == "negated" else "") + r["action"]
                desc = f"{r['actor_text']}: {r['stance']} · {action}"
                if r["condition_text"]:
                    desc += f" · condition: {r['condition_text']}"
                yield make("Documentation", _ftm_id("c", r["document_id"], r["local_id"], local),
                           document=_ftm_id("d", r["document_id"]), entity=_ftm_id("e", actor),
                           role=f"claim ({r['stance']}, {r['category']})", summary=r["evidence_text"],
                           description=desc, date=r["when_date"] or day(r["document_id"]))


def export_ftm(ledger: SQLiteLedger, out_dir: Path) -> list[ExportedFile]:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "entities.ftm.json"
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for entity in _ftm_entities(ledger):
            fh.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    return [ExportedFile(path, n)]


# -- Datasette ---------------------------------------------------------------------------------

def datasette_metadata(database: str) -> dict[str, Any]:
    """The bundled table and column descriptions, keyed by the database name Datasette will use
    (the ledger file's name without its extension)."""
    text = resources.files("storyledger.views").joinpath("datasette_metadata.json").read_text(encoding="utf-8")
    meta = json.loads(text)
    meta["databases"] = {database: meta["databases"].pop("ledger")}
    return meta


def export_datasette(ledger: SQLiteLedger, out_dir: Path) -> list[ExportedFile]:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "datasette-metadata.json"
    meta = datasette_metadata(ledger.path.stem)
    path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [ExportedFile(path, len(meta["databases"][ledger.path.stem]["tables"]))]


def export(ledger: SQLiteLedger, fmt: str, out_dir: Path) -> list[ExportedFile]:
    if fmt == "ftm":
        return export_ftm(ledger, out_dir)
    if fmt == "datasette":
        return export_datasette(ledger, out_dir)
    return export_tables(ledger, fmt, out_dir)
