"""The ledger opens in the real Datasette with our metadata: every table a user sees described, the
internal ones hidden, facets, and canned queries that answer with names, outlets and evidence."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import sys
from pathlib import Path

from typer.testing import CliRunner

from storyledger.store.interfaces import EXPORT_TABLES
from storyledger.views.cli.app import app
from storyledger.views.export import datasette_metadata

sys.path.insert(0, str(Path(__file__).parent / "web"))
from conftest import build_ledger, ports_article, ports_later_article  # noqa: E402


def _tables(db: Path) -> dict[str, set[str]]:
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: {r[1] for r in conn.execute(f'PRAGMA table_info("{n}")')} for n in names}


def test_every_table_is_described_column_by_column_or_hidden(tmp_path: Path) -> None:
    db = build_ledger(tmp_path / "ledger.db", [ports_article()])
    tables = datasette_metadata("ledger")["databases"]["ledger"]["tables"]
    for name, columns in _tables(db).items():
        if name.startswith(("documents_fts_", "passages_fts_")):
            continue  # FTS5's own shadow tables, which Datasette hides itself
        meta = tables.get(name)
        assert meta is not None, f"table {name}: describe it or hide it in views/datasette_metadata.json"
        if meta.get("hidden"):
            continue
        assert set(meta["columns"]) == columns, name
        assert all(meta["columns"].values()) and meta["description"], name
    assert not {t for t in EXPORT_TABLES if tables[t].get("hidden")}  # what is exported is shown


def test_datasette_opens_the_ledger_with_the_metadata(tmp_path: Path) -> None:
    from datasette.app import Datasette

    db = build_ledger(tmp_path / "news.db", [ports_article(), ports_later_article()])
    out = tmp_path / "meta"
    res = CliRunner().invoke(app, ["export", "--format", "datasette", "--out", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    meta = json.loads((out / "datasette-metadata.json").read_text(encoding="utf-8"))
    assert list(meta["databases"]) == ["news"]

    async def check() -> None:
        ds = Datasette([str(db)], metadata=meta)
        rows = (await ds.client.get("/news/claims.json?_shape=array")).json()
        assert [r["action"] for r in rows] == ["reopen the northern ports", "strike", "reopening the northern ports"]
        page = await ds.client.get("/news/claims")
        assert page.status_code == 200
        assert "Commitments and positions: actor, action" in page.text
        assert "PLOVER event category" in page.text  # column description shown
        served = (await ds.client.get("/-/metadata.json")).json()
        assert served["databases"]["news"]["tables"]["quotes"]["columns"]["kind"] == "direct, partial or indirect"
        search = (await ds.client.get("/news/documents.json?_search=harbour&_shape=array")).json()
        assert [r["title"] for r in search] == ["Ports to reopen"]
        listed = (await ds.client.get("/news.json")).json()["tables"]
        shown = {t["name"] for t in listed if not t["hidden"]}
        assert {"stories", "positions", "matters", "claims", "quotes"} <= shown
        assert not shown & {"lsh_buckets", "doc_minhash", "term_df", "link_state", "story_terms", "crawl_pages"}
        facets = (await ds.client.get("/news/claims.json?_size=0")).json()["facet_results"]
        facets = facets.get("results", facets)  # Datasette 1.0 nests them
        assert {"stance", "category", "polarity"} <= set(facets)
        positions = (await ds.client.get("/news/actor_positions.json?actor=Roe&_shape=array")).json()
        assert [(p["actor"], p["mark"], p["stance"], p["outlet"]) for p in positions] == [
            ("Jane Roe", "new", "committed", "Harbour Times"), ("Jane Roe", "changed", "considering", "Quay Daily")]
        said = (await ds.client.get("/news/matter_statements.json?matter=northern&_shape=array")).json()
        assert {(s["kind"], s["who"]) for s in said} == {("claim", "Jane Roe")}
        quotes = (await ds.client.get("/news/speaker_quotes.json?speaker=Roe&_shape=array")).json()
        assert [q["quote"] for q in quotes] == ["ready to go", "We need more time,"]
        story = (await ds.client.get("/news/story_articles.json?story=S&_shape=array")).json()
        assert sorted(s["title"] for s in story) == ["Ports to reopen", "Roe hesitates"]

    asyncio.run(check())
