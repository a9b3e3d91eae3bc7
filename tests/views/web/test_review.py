"""The review page: suspicious entities listed with why; merge and split only in review mode, after
a confirmation, from the app's own pages; the decision survives a relink."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyledger.link.overrides import merge
from storyledger.link.pipeline import relink
from storyledger.store import open_ledger
from storyledger.views.web import create_app
from tests.link.records import article
from tests.views.web.conftest import build_ledger


@pytest.fixture()
def quill_db(tmp_path: Path) -> Path:
    """Two people of one surname, wrongly merged by a user: the entity review must flag."""
    path = build_ledger(tmp_path / "quill.db", [
        article("Hattie Quill opened the bakery in Castellan.", "2025-01-01", "Courier",
                {"Hattie Quill": ["baker"]}, {"Castellan": "place"}),
        article("Barnaby Quill won the regatta off Pellham.", "2025-01-02", "Times",
                {"Barnaby Quill": []}, {"Pellham": "place"}),
    ])
    with open_ledger(path) as ledger:
        merge(ledger, "Hattie Quill", "Barnaby Quill")
    return path


def _entity_of(path: Path, name: str) -> str:
    with open_ledger(path, read_only=True) as ledger:
        return next(e.id for e in ledger.entity_page(limit=50).items if name in e.aliases)


def test_the_review_page_says_why_and_offers_nothing_when_read_only(quill_db: Path) -> None:
    client = TestClient(create_app(quill_db), base_url="http://127.0.0.1")
    page = client.get("/review")
    assert page.status_code == 200
    assert "names of different people: Barnaby Quill, Hattie Quill" in page.text
    assert "/review/split" not in page.text
    assert client.post("/review/split", data={"entity": "x", "name": "y"}).status_code == 403


def test_a_split_asks_first_then_holds_after_a_relink(quill_db: Path) -> None:
    client = TestClient(create_app(quill_db, review_changes=True), base_url="http://127.0.0.1", follow_redirects=False)
    merged = _entity_of(quill_db, "Hattie Quill")
    assert "Split off “Barnaby Quill”" in client.get("/review").text
    asked = client.post("/review/split", data={"entity": merged, "name": "Barnaby Quill"})
    assert asked.status_code == 200 and "Yes, split" in asked.text
    assert _entity_of(quill_db, "Barnaby Quill") == merged  # nothing changed yet
    done = client.post("/review/split", data={"entity": merged, "name": "Barnaby Quill", "confirm": "yes"})
    assert done.status_code == 303
    barnaby = _entity_of(quill_db, "Barnaby Quill")
    assert barnaby != merged and done.headers["location"] == f"/entities/{barnaby}"
    with open_ledger(quill_db) as ledger:
        relink(ledger)
    assert _entity_of(quill_db, "Barnaby Quill") == barnaby != _entity_of(quill_db, "Hattie Quill")
    assert "Nothing to review" in client.get("/review").text


def test_a_change_from_another_site_is_refused(quill_db: Path) -> None:
    client = TestClient(create_app(quill_db, review_changes=True), base_url="http://127.0.0.1")
    merged = _entity_of(quill_db, "Hattie Quill")
    refused = client.post("/review/split", data={"entity": merged, "name": "Barnaby Quill", "confirm": "yes"},
                          headers={"origin": "https://elsewhere.example"})
    assert refused.status_code == 403
    assert _entity_of(quill_db, "Barnaby Quill") == merged


def test_an_impossible_merge_is_reported(quill_db: Path) -> None:
    client = TestClient(create_app(quill_db, review_changes=True), base_url="http://127.0.0.1")
    done = client.post("/review/merge", data={"target": "Nobody Here", "source": "Castellan", "confirm": "yes"})
    assert done.status_code == 400 and "no entity" in done.text
