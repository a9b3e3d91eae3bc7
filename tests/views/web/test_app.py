"""The web app and JSON API through FastAPI's test client, on hand-built ledgers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyledger.store import Ledger
from storyledger.views.web import create_app
from storyledger.views.web.highlight import Mark, highlight

from .conftest import PORTS, build_ledger, ports_article


@pytest.fixture()
def client(ports_db: Path) -> TestClient:
    return TestClient(create_app(ports_db), base_url="http://127.0.0.1")


def _doc_id(client: TestClient, title: str) -> str:
    return next(d["id"] for d in client.get("/api/documents").json()["items"] if d["title"] == title)


def test_home_lists_stories_and_every_page_renders(client: TestClient) -> None:
    home = client.get("/")
    assert home.status_code == 200 and "<h1>Stories</h1>" in home.text
    stories = client.get("/api/stories").json()["items"]
    assert sum(s["documents"] for s in stories) == 3  # real stories, or the whole ledger as one
    for s in stories:
        assert client.get(f"/stories/{s['id']}").status_code == 200
    for e in client.get("/api/entities").json()["items"]:
        assert client.get(f"/entities/{e['id']}").status_code == 200
    for d in client.get("/api/documents").json()["items"]:
        assert client.get(f"/documents/{d['id']}").status_code == 200


def test_statements_are_in_date_order_and_link_to_sentences(client: TestClient) -> None:
    items = client.get("/api/statements?story=all&kind=claim").json()["items"]
    assert [i["claim"]["evidence"][:30] for i in items] == [
        "The Dock Union ruled out a str", "Mayor Ann Lee said the <b onmo", "Jane Roe will reopen the north",
        "Jane Roe is now only consideri",
    ]
    assert [i["date"] for i in items] == ["2024-03-06", "2024-03-07", "2024-03-08", "2024-03-20"]
    ports = _doc_id(client, "Ports to reopen")
    assert items[2]["link"] == f"/documents/{ports}#claim-c1"


def test_the_old_timeline_url_leads_to_the_statements(client: TestClient) -> None:
    res = client.get("/api/timeline?story=all&kind=claim&limit=2", follow_redirects=False)
    assert res.status_code == 308
    assert res.headers["location"] == "/api/statements?story=all&kind=claim&limit=2"
    assert client.get("/api/timeline?story=all&kind=claim").json() == client.get(
        "/api/statements?story=all&kind=claim").json()


def test_api_filters_and_pagination(client: TestClient) -> None:
    roe = client.get("/api/entities?name=roe").json()["items"]
    assert [e["name"] for e in roe] == ["Jane Roe"]
    lines = client.get(f"/api/statements?entity={roe[0]['id']}").json()
    assert lines["total"] == 4 and {i["kind"] for i in lines["items"]} == {"claim", "quote"}
    page1 = client.get("/api/statements?limit=3").json()
    page2 = client.get(f"/api/statements?limit=3&offset={page1['next_offset']}").json()
    assert page1["total"] == 7 and len(page1["items"]) == 3 and page2["offset"] == 3
    assert page1["items"][-1] != page2["items"][0]
    assert client.get("/api/claims?stance=considering").json()["total"] == 1
    assert client.get("/api/claims?category=protest").json()["items"][0]["actor_names"] == ["Dock Union"]
    assert client.get("/api/quotes?kind=direct").json()["items"][0]["text"] == "We need more time,"
    assert client.get("/api/documents?outlet=Quay Daily").json()["total"] == 1


def test_search_covers_articles_quotes_and_claims(client: TestClient) -> None:
    res = client.get("/api/search?q=northern ports").json()
    assert sorted(h["document"]["title"] for h in res["documents"]["items"]) == ["Ports to reopen", "Roe hesitates"]
    assert res["claims"]["total"] == 2 and res["quotes"]["total"] == 0
    assert client.get("/api/search?q=more time").json()["quotes"]["items"][0]["speaker_name"] == "Jane Roe"
    assert client.get('/api/search?q="unbalanced').status_code == 200  # bad FTS syntax falls back to words
    html = client.get("/search?q=harbour").text
    assert "<mark>harbour</mark>" in html


def test_bad_parameters_are_rejected_before_any_query(client: TestClient) -> None:
    assert client.get("/api/claims?stance=bogus").status_code == 422
    assert client.get("/api/claims?limit=0").status_code == 422
    assert client.get("/api/claims?limit=100000").status_code == 422
    assert client.get("/api/claims?offset=-1").status_code == 422
    assert client.get("/api/claims?category=AID;DROP").status_code == 422
    assert client.get("/api/statements?entity=' OR 1=1 --").status_code == 422
    assert client.get("/api/documents/zzzz").status_code == 422
    assert client.get("/api/documents/abcdef12").status_code == 404
    assert client.get("/api/claims?actor=%25").json()["total"] == 0  # LIKE wildcards are literal
    page = client.get("/stories/all?stance=bogus")
    assert page.status_code == 422 and "stance" in page.text and "<html" in page.text
    assert client.get("/stories/all?entity=&stance=&category=&kind=").status_code == 200  # empty form fields


def test_hostile_text_is_escaped_and_headers_forbid_inline_script(client: TestClient) -> None:
    evil = _doc_id(client, "<script>window.__pwned=5</script>Evil title")
    res = client.get(f"/documents/{evil}")
    html = res.text
    assert "<script>window" not in html and "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "onerror=" not in html.replace("onerror=&#34;", "").replace("onerror=&quot;", "")
    assert 'href="javascript:' not in html and "javascript:window.__pwned=6" in html  # shown, not linked
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js" defer>']
    csp = res.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert res.headers["x-content-type-options"] == "nosniff"
    for page in ("/stories/all", "/search?q=pwned", "/documents"):
        assert "<script>window" not in client.get(page).text


def test_article_page_highlights_claims_quotes_and_mentions(client: TestClient) -> None:
    ports = _doc_id(client, "Ports to reopen")
    html = client.get(f"/documents/{ports}").text
    assert '<a class="anchor" id="claim-c1"></a>' in html and '<a class="anchor" id="quote-q1"></a>' in html
    assert 'data-k="quote-q1">ready to go</span>' in html
    assert re.search(r'<a href="/entities/E\w+" class="claim mention st-committed t-person" data-k="claim-c1 ent-E\w+">'
                     r"Jane Roe</a>", html)


def test_openapi_describes_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/stories", "/api/statements", "/api/entities", "/api/quotes", "/api/claims", "/api/documents",
              "/api/search", "/api/documents/{document_id}", "/api/entities/{entity_id}"):
        assert p in paths, p
    params = {p["name"] for p in paths["/api/claims"]["get"]["parameters"]}
    assert {"limit", "offset", "stance", "category", "entity", "story"} <= params


def test_highlight_overlaps_and_escapes() -> None:
    text = "A <b>x</b> said.\nNext & last."
    marks = [Mark(0, 16, "claim", "claim-c1"), Mark(2, 10, "quote", "quote-q1"), Mark(100, 120, "claim", "bad")]
    html = str(highlight(text, marks))
    assert html == (
        '<p><a class="anchor" id="claim-c1"></a><span class="claim" data-k="claim-c1">A </span>'
        '<a class="anchor" id="quote-q1"></a><span class="claim quote" data-k="claim-c1 quote-q1">'
        '&lt;b&gt;x&lt;/b&gt;</span><span class="claim" data-k="claim-c1"> said.</span></p>\n'
        "<p>Next &amp; last.</p>"
    )


def test_pages_are_bounded_on_a_larger_ledger(tmp_path: Path) -> None:
    articles = []
    for i in range(120):
        a = ports_article()
        a.article.text = PORTS + f"\n\nItem {i}."
        a.article.source = f"p{i}.txt"
        articles.append(a)
    client = TestClient(create_app(build_ledger(tmp_path / "big.db", articles)), base_url="http://localhost")
    res = client.get("/api/claims?limit=25").json()
    assert res["total"] == 240 and len(res["items"]) == 25 and res["next_offset"] == 25
    html = client.get("/stories/all").text
    assert html.count('class="line claim') + html.count('class="line quote') == 50
    assert 'rel="next"' in html


def test_missing_ledger_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "nope.db")


def test_server_never_writes(ports_db: Path) -> None:
    app = create_app(ports_db)
    ledger: Ledger = app.state.pool.get()
    fresh = ports_article()
    fresh.article.text += "\n\nOne more paragraph."
    with pytest.raises(Exception, match="readonly|read-only|query_only|attempt to write"):
        ledger.add(fresh)
    assert ledger.count("documents") == 3


def test_serve_refuses_public_interfaces_and_missing_ledgers(ports_db: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storyledger.views.cli.app import app

    res = CliRunner().invoke(app, ["serve", "--db", str(ports_db), "--host", "0.0.0.0"])
    assert res.exit_code == 2 and "--public" in res.output
    res = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 2 and "no ledger" in res.output


def test_only_the_served_names_are_answered(ports_db: Path) -> None:
    # A page on attacker.example whose name resolves to 127.0.0.1 (DNS rebinding) is refused.
    app = create_app(ports_db)
    for base in ("http://attacker.example", "http://127.0.0.1.attacker.example", "http://evil:8000"):
        res = TestClient(app, base_url=base).get("/api/documents")
        assert (res.status_code, res.text) == (400, "This server does not answer to that Host name."), base
        assert "script-src 'self'" in res.headers["content-security-policy"]
    for base in ("http://127.0.0.1:8000", "http://localhost", "http://[::1]:8000", "http://LOCALHOST."):
        assert TestClient(app, base_url=base).get("/api/documents").status_code == 200, base
    named = create_app(ports_db, allowed_hosts={"ledger.lan"})
    assert TestClient(named, base_url="http://ledger.lan:8000").get("/api/documents").status_code == 200
    assert TestClient(named, base_url="http://localhost").get("/api/documents").status_code == 400


def test_docs_pages_load_no_script_from_elsewhere(client: TestClient) -> None:
    csp = client.get("/docs").headers["content-security-policy"]
    scripts = csp.split("script-src ")[1].split(";")[0].split()
    assert scripts[0] == "'self'" and all(s.startswith("'sha256-") for s in scripts[1:]) and len(scripts) == 2
    assert "http" not in csp and "unsafe-inline" not in csp.split("style-src")[0]
