"""`--db postgresql://…`: ingest, the read commands and the web app's API give on PostgreSQL what they
give on SQLite (search finds the same articles; each engine cuts its own snippets)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyledger.views.cli.app import app
from storyledger.views.web import create_app
from tests.conftest import EXAMPLES

runner = CliRunner()
TIMES = re.compile(r'"(since|ingested_at)": "[^"]*"')
READS = [
    ["entities", "--json"], ["quotes", "--json"], ["claims", "--json"], ["timeline", "--json"],
    ["stories", "--json"],
]


def _run(args: list[str]) -> str:
    """The command's output, with the times that differ between two ingests (and two runs) blanked."""
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return TIMES.sub(r'"\1": "…"', result.stdout)


def test_ingest_the_read_commands_and_the_web_app_agree_on_both_stores(postgres_url: str, tmp_path: Path) -> None:
    sqlite = str(tmp_path / "ledger.db")
    for db in (sqlite, postgres_url):
        assert "ingested 2, unchanged 0, failed 0" in _run(["ingest", str(EXAMPLES), "--db", db, "--quiet"])
    for read in READS:
        on_sqlite = _run([*read, "--db", sqlite])
        assert on_sqlite.strip(), read
        assert _run([*read, "--db", postgres_url]) == on_sqlite, read
    changes = {db: json.loads(_run(["changes", "--since", "3650d", "--json", "--db", db])) for db in (sqlite, postgres_url)}
    for found in changes.values():  # in the order they were stored: the same second on one, not the other
        found["articles"].sort(key=lambda a: a["document"]["id"])
    assert changes[postgres_url] == changes[sqlite] and len(changes[sqlite]["articles"]) == 2
    hits = {db: [json.loads(line) for line in _run(["search", "security guarantees", "--json", "--db", db]).splitlines()]
            for db in (sqlite, postgres_url)}
    assert [h["document_id"] for h in hits[postgres_url]] == [h["document_id"] for h in hits[sqlite]]
    assert hits[sqlite] and all("[guarantee" in h["snippet"] for h in hits[postgres_url])
    doc_id = _run(["claims", "--json", "--db", sqlite]).split('"document_id": "')[1][:16]
    assert _run(["show", doc_id[:8], "--db", postgres_url]) == _run(["show", doc_id[:8], "--db", sqlite])
    assert "unchanged 2" in _run(["ingest", str(EXAMPLES), "--db", postgres_url, "--quiet"])
    clients = [TestClient(create_app(db), base_url="http://127.0.0.1") for db in (sqlite, postgres_url)]
    for url in ("/api/stories", "/api/entities", "/api/statements", "/api/timeline", f"/api/documents/{doc_id}",
                "/api/search?q=security+guarantees", "/", "/entities"):
        answers = [c.get(url) for c in clients]
        assert [a.status_code for a in answers] == [200, 200], url
        if url.startswith("/api/") and "search" not in url:
            assert answers[1].json() == answers[0].json(), url
