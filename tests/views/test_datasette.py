"""The ledger opens in the real Datasette with our table and column descriptions."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from storyledger.store import open_ledger
from storyledger.views.cli.app import app
from storyledger.views.export import datasette_metadata

sys.path.insert(0, str(Path(__file__).parent / "web"))
from conftest import build_ledger, ports_article  # noqa: E402


def test_metadata_describes_every_column_of_the_schema(tmp_path: Path) -> None:
    with open_ledger(tmp_path / "ledger.db") as ledger:
        tables = datasette_metadata("ledger")["databases"]["ledger"]["tables"]
        for table in ("documents", "document_sources", "entities", "doc_entities", "mentions", "quotes", "claims",
                      "times"):
            cols = {c.name for c in ledger.table_columns(table)}
            assert set(tables[table]["columns"]) == cols, table
            assert all(tables[table]["columns"].values()) and tables[table]["description"]


def test_datasette_opens_the_ledger_with_the_metadata(tmp_path: Path) -> None:
    from datasette.app import Datasette

    db = build_ledger(tmp_path / "news.db", [ports_article()])
    out = tmp_path / "meta"
    res = CliRunner().invoke(app, ["export", "--format", "datasette", "--out", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    meta = json.loads((out / "datasette-metadata.json").read_text(encoding="utf-8"))
    assert list(meta["databases"]) == ["news"]

    async def check() -> None:
        ds = Datasette([str(db)], metadata=meta)
        rows = (await ds.client.get("/news/claims.json?_shape=array")).json()
        assert [r["action"] for r in rows] == ["reopen the northern ports", "strike"]
        page = await ds.client.get("/news/claims")
        assert page.status_code == 200
        assert "Commitments and positions: actor, action" in page.text
        assert "PLOVER event category" in page.text  # column description shown
        served = (await ds.client.get("/-/metadata.json")).json()
        assert served["databases"]["news"]["tables"]["quotes"]["columns"]["kind"] == "direct, partial or indirect"
        search = (await ds.client.get("/news/documents.json?_search=harbour&_shape=array")).json()
        assert [r["title"] for r in search] == ["Ports to reopen"]

    asyncio.run(check())
