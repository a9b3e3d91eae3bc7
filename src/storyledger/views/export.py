"""Exports of the ledger for other tools: one file per table a user sees (JSON Lines, CSV, Parquet),
FollowTheMoney entities for investigation tools, and a Datasette metadata file.

Tables are read in rowid batches, so exporting a large ledger never holds a table in memory. Every
exported quote, claim and position names its ledger entities, outlet and date (see TableReader).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from storyledger.store.interfaces import EXPORT_TABLES, TableReader

FORMATS = ("jsonl", "csv", "parquet", "ftm", "datasette")
# Columns holding JSON text: decoded in JSON Lines, kept as JSON text in CSV and Parquet.
JSON_COLUMNS = {"authors", "aliases", "roles", "content", "actor_local_ids", "actor_entity_ids", "actor_names"}
ARROW_TYPES = {"INTEGER": "int64", "REAL": "float64"}  # anything else is text


@dataclass(slots=True)
class ExportedFile:
    path: Path
    rows: int


def _records(ledger: TableReader, table: str, decode_json: bool) -> Iterator[list[dict[str, Any]]]:
    """The table's rows as records (column name -> value), batch by batch."""
    names = [c.name for c in ledger.table_columns(table)]
    for batch in ledger.table_rows(table):
        out = []
        for row in batch:
            rec: dict[str, Any] = dict(zip(names, row))
            if decode_json:
                for k in JSON_COLUMNS & rec.keys():
                    rec[k] = json.loads(rec[k]) if rec[k] is not None else None
            out.append(rec)
        yield out


def _jsonl(ledger: TableReader, table: str, path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for batch in _records(ledger, table, decode_json=True):
            for rec in batch:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += len(batch)
    return n


def _csv(ledger: TableReader, table: str, path: Path, bom: bool = False) -> int:
    """RFC 4180 CSV in UTF-8; ``bom`` starts the file with a byte order mark, which is how Excel tells
    UTF-8 from its own code page (without it, curly quotes and accents come out garbled)."""
    n = 0
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=[c.name for c in ledger.table_columns(table)])
        writer.writeheader()
        for batch in _records(ledger, table, decode_json=False):
            writer.writerows(batch)
            n += len(batch)
    return n


def _arrow_schema(ledger: TableReader, table: str):  # type: ignore[no-untyped-def]
    import pyarrow as pa

    return pa.schema([pa.field(c.name, pa.type_for_alias(ARROW_TYPES.get(c.type.upper(), "string")))
                      for c in ledger.table_columns(table)])


def _parquet(ledger: TableReader, table: str, path: Path) -> int:
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


def export_tables(ledger: TableReader, fmt: str, out_dir: Path, bom: bool = False) -> list[ExportedFile]:
    """One file per table a user sees (documents, entities, mentions, quotes, claims, stories, positions,
    ...) in ``out_dir``; ``bom`` marks CSV files as UTF-8 for spreadsheet programs."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown table format {fmt!r}; expected one of {', '.join(WRITERS)}")
    write, ext = WRITERS[fmt]
    out_dir.mkdir(parents=True, exist_ok=True)
    files = []
    for table in EXPORT_TABLES:
        path = out_dir / f"{table}.{ext}"
        rows = _csv(ledger, table, path, bom) if fmt == "csv" else write(ledger, table, path)
        files.append(ExportedFile(path, rows))
    return files


# -- FollowTheMoney ----------------------------------------------------------------------------

FTM_SCHEMA = {"person": "Person", "organisation": "Organization", "group": "Organization", "place": "Address"}


def _ftm_id(*parts: str) -> str:
    return "sl-" + "-".join(parts)


def _ftm_entities(ledger: TableReader) -> Iterator[dict[str, Any]]:
    """FtM entities: Person/Organization/Address for ledger entities, Article for documents, Mention for
    each document's entity, Documentation linking a speaker or actor to the article for quotes and claims.
    Values go through FtM's own cleaning (dates, language codes), so the entities pass its validation.
    Article has no contentHash: FtM's is the SHA-1 of a file in an archive, and the ledger keeps the
    SHA-256 of the raw input (in the table exports)."""
    from followthemoney import model

    def make(schema: str, ident: str, **props: Any) -> dict[str, Any]:
        proxy = model.make_entity(schema)
        proxy.id = ident
        for prop, values in props.items():
            for v in values if isinstance(values, list) else [values]:
                if v not in (None, ""):
                    proxy.add(prop, v)
        return proxy.to_dict()

    schema_of: dict[str, str] = {}
    for batch in _records(ledger, "entities", decode_json=True):
        for r in batch:
            schema = FTM_SCHEMA.get(r["type"], "LegalEntity")
            schema_of[r["id"]] = schema
            aliases = [a for a in r["aliases"] if a != r["name"]]
            props: dict[str, Any] = {"name": r["name"], "alias": aliases}
            if schema != "Address":
                props["position" if schema == "Person" else "description"] = r["roles"]
            else:
                props["full"] = r["name"]
            yield make(schema, _ftm_id("e", r["id"]), **props)
    for batch in _records(ledger, "documents", decode_json=True):
        for r in batch:
            yield make("Article", _ftm_id("d", r["id"]), title=r["title"] or r["id"], bodyText=r["text"],
                       publishedAt=r["published"], author=r["authors"], publisher=r["outlet"],
                       sourceUrl=r["url"], language=r["language"])
    for batch in _records(ledger, "doc_entities", decode_json=True):
        for r in batch:
            if not r["entity_id"]:
                continue
            names = [r["name"], *r["aliases"]]
            yield make("Mention", _ftm_id("m", r["document_id"], r["local_id"]),
                       document=_ftm_id("d", r["document_id"]), resolved=_ftm_id("e", r["entity_id"]),
                       name=sorted(set(names)), detectedSchema=schema_of.get(r["entity_id"], "LegalEntity"))
    yield from _ftm_documentation(ledger, make)


def _ftm_documentation(ledger: TableReader, make: Callable[..., dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for batch in _records(ledger, "quotes", decode_json=False):
        for r in batch:
            if not r["speaker_entity_id"]:
                continue  # Documentation needs an entity; unattributed quotes stay in the table exports
            yield make("Documentation", _ftm_id("q", r["document_id"], r["local_id"]),
                       document=_ftm_id("d", r["document_id"]), entity=_ftm_id("e", r["speaker_entity_id"]),
                       role=f"quote ({r['kind']})", summary=r["content_text"],
                       description=f"{r['speaker_text'] or ''} {r['cue_text'] or ''}".strip(), date=r["published"])
    for batch in _records(ledger, "claims", decode_json=True):
        for r in batch:
            action = ("not " if r["polarity"] == "negated" else "") + r["action"]
            desc = f"{r['actor_text']}: {r['stance']} · {action}"
            if r["condition_text"]:
                desc += f" · condition: {r['condition_text']}"
            for actor in dict.fromkeys(r["actor_entity_ids"]):
                yield make("Documentation", _ftm_id("c", r["document_id"], r["local_id"], actor),
                           document=_ftm_id("d", r["document_id"]), entity=_ftm_id("e", actor),
                           role=f"claim ({r['stance']}, {r['category']})", summary=r["evidence_text"],
                           description=desc, date=_known_date(r) or r["published"])


def _known_date(claim: dict[str, Any]) -> str | None:
    """The claim's date only as precise as it is known (FtM takes "2025" and "2025-03" as dates): a year
    stays a year, never its first day; a quarter or a week shows the month or year that holds it."""
    start, end = claim["when_date"], claim["when_date_end"] or claim["when_date"]
    if not start or claim.get("when_precision") in (None, "day", "time"):
        return start
    if start[:7] == end[:7]:
        return start[:7]
    return start[:4] if start[:4] == end[:4] else None


def export_ftm(ledger: TableReader, out_dir: Path) -> list[ExportedFile]:
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


def export_datasette(ledger: TableReader, out_dir: Path) -> list[ExportedFile]:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "datasette-metadata.json"
    meta = datasette_metadata(ledger.name)
    path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tables = meta["databases"][ledger.name]["tables"].values()
    return [ExportedFile(path, sum(not t.get("hidden") for t in tables))]


def export(ledger: TableReader, fmt: str, out_dir: Path, bom: bool = False) -> list[ExportedFile]:
    if fmt == "ftm":
        return export_ftm(ledger, out_dir)
    if fmt == "datasette":
        return export_datasette(ledger, out_dir)
    return export_tables(ledger, fmt, out_dir, bom)
