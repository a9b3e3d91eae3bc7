"""Versions on the article page, the changes page, and the Atom feeds per story and per actor."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyledger.link.pipeline import link_new
from storyledger.records import ActorRef, AnnotatedArticle, Claim, Polarity, Stance
from storyledger.store import open_ledger
from storyledger.views.web import create_app

from .conftest import PORTS, _span, ports_article

CORRECTION = "Correction: Jane Roe said the northern ports would reopen on Monday."
ATOM = "{http://www.w3.org/2005/Atom}"


def _corrected() -> AnnotatedArticle:
    first = ports_article()
    text = PORTS + "\n\n" + CORRECTION
    roe = text.index("Jane Roe said the northern")
    claim = Claim("c9", ActorRef("Jane Roe", roe, roe + 8, ["e1"]), "reopen the northern ports on Monday",
                  "COOPERATE", Stance.COMMITTED, Polarity.AFFIRMED, _span(text, CORRECTION))
    return replace(first, article=replace(first.article, text=text, raw_sha256="01"), claims=[*first.claims, claim])


@pytest.fixture()
def versions(tmp_path: Path) -> tuple[TestClient, str, str]:
    first, corrected = ports_article(), _corrected()
    with open_ledger(tmp_path / "v.db") as ledger:
        for n, article in enumerate((first, corrected), 1):
            ledger.add(article)
            ledger.record_version(article.article.id, "https://example.org/ports",
                                  datetime(2024, 3, 6, 8 + n, tzinfo=timezone.utc))
        link_new(ledger)
    return TestClient(create_app(tmp_path / "v.db"), base_url="http://127.0.0.1"), first.article.id, corrected.article.id


def test_the_article_page_lists_versions_and_what_changed(versions: tuple[TestClient, str, str]) -> None:
    client, first, corrected = versions
    page = client.get(f"/documents/{corrected}").text
    assert "Versions of this article" in page and f'href="/documents/{first}">version 1</a>' in page
    assert f'<li class="added">+ {CORRECTION}</li>' in page
    assert "Versions of this article" in client.get(f"/documents/{first}").text


def test_the_changes_page_and_a_bad_since(versions: tuple[TestClient, str, str]) -> None:
    client, _first, corrected = versions
    page = client.get("/changes?since=24h")
    assert page.status_code == 200 and "<span class=\"revision\">version 2</span>" in page.text
    assert f"/documents/{corrected}#claim-c9" in page.text and '<span class="revision">correction</span>' in page.text
    assert client.get("/changes?since=soon").status_code == 400


def test_atom_feeds_per_story_and_per_actor(versions: tuple[TestClient, str, str]) -> None:
    client, _first, corrected = versions
    story = client.get("/api/stories").json()["items"][0]["id"]
    response = client.get(f"/stories/{story}/changes.atom")
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    entries = {e.findtext(f"{ATOM}id"): e for e in feed.findall(f"{ATOM}entry")}
    assert f"urn:storyledger:document:{corrected}" in entries
    claim = entries[f"urn:storyledger:claim:{corrected}:c9"]
    assert claim.find(f"{ATOM}link").get("href") == f"http://127.0.0.1/documents/{corrected}#claim-c9"  # type: ignore[union-attr]
    assert claim.findtext(f"{ATOM}title") == "Jane Roe: committed reopen the northern ports on Monday (new, correction)"
    roe = next(e["id"] for e in client.get("/api/entities").json()["items"] if e["name"] == "Jane Roe")
    about_roe = ET.fromstring(client.get(f"/entities/{roe}/changes.atom").content)
    titles = [e.findtext(f"{ATOM}title") or "" for e in about_roe.findall(f"{ATOM}entry")]
    assert any(t.startswith("Jane Roe:") for t in titles) and not any(t.startswith("The Dock Union:") for t in titles)
    assert client.get("/entities/Enope/changes.atom").status_code == 404
