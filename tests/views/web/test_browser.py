"""The web app in a real browser (Debian's chromium driven by Playwright), on the seed demo ledger
plus hand-built articles with known claims and a hostile article. Screenshots go to test-artifacts/."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyledger.ingest import ingest
from storyledger.link.pipeline import link_new
from storyledger.store import open_ledger
from storyledger.views.web import create_app

from .conftest import HOSTILE, PORTS, hostile_article, ports_article, ports_later_article

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
# A long article, so following a claim line has to scroll to reach its sentence.
FILLER = "\n\n".join(f"Paragraph {i} of background on the harbour and its long history of trade." for i in range(60))

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (make browser-deps installs it)"),
]


def _long_ports():
    article = ports_article()
    shift = len(FILLER) + 2
    article.article.text = FILLER + "\n\n" + PORTS
    article.article.source = "long-ports.txt"
    article.article.title = "Ports to reopen (long read)"
    for m in article.mentions:
        m.start, m.end = m.start + shift, m.end + shift
    for e in article.entities:
        for r in e.roles:
            r.start, r.end = r.start + shift, r.end + shift
    for q in article.quotes:
        q.speaker.start += shift
        q.speaker.end += shift
        q.content = [type(s)(s.start + shift, s.end + shift, s.text) for s in q.content]
    for c in article.claims:
        c.evidence = type(c.evidence)(c.evidence.start + shift, c.evidence.end + shift, c.evidence.text)
        c.actor.start, c.actor.end = c.actor.start + shift, c.actor.end + shift
        if c.condition:
            c.condition = type(c.condition)(c.condition.start + shift, c.condition.end + shift, c.condition.text)
        if c.when:
            c.when.start, c.when.end = c.when.start + shift, c.when.end + shift
    return article


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with open_ledger(path) as ledger:
        report = ingest([str(ROOT / "examples")], ledger)
        assert report.ok and len(report.ingested) == 2
        for article in (_long_ports(), ports_later_article(), hostile_article()):
            ledger.add(article)
        link_new(ledger)
    return path


@pytest.fixture(scope="module")
def server(demo_db: Path) -> Iterator[str]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(demo_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    p = context.new_page()
    yield p
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def test_seed_demo_opens_on_stories_and_shows_seed_article(server: str, page) -> None:
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Stories"
    assert page.locator("table.stories tbody tr").count() >= 1
    shot(page, "01-stories")
    page.locator("a.story-link").first.click()
    page.wait_for_url("**/stories/**")
    assert page.locator("ol.statements > li").count() >= 7
    assert page.locator("svg.chart circle.dot").count() >= 4
    assert page.locator("table.matrix a.cell").count() >= 3
    shot(page, "02-story")
    page.goto(server + "/documents")
    page.get_by_role("link", name="Britain and France to send 'reassurance force' to Ukraine", exact=False).click()
    page.wait_for_url("**/documents/**")
    assert "reassurance force" in page.locator("h1").inner_text()
    assert page.locator(".text a.mention", has_text="Starmer").count() >= 1
    shot(page, "03-seed-article")


def test_claim_line_leads_to_its_highlighted_sentence(server: str, page) -> None:
    page.goto(server + "/stories/all?kind=claim")
    line = page.locator("li.line.claim a.evidence",
                        has_text="Jane Roe will reopen the northern ports on Friday").first
    line.click()
    page.wait_for_url("**/documents/**#claim-c1")
    page.wait_for_function("document.querySelectorAll('.text .hl').length > 0")
    highlighted = "".join(page.locator(".text .hl").all_inner_texts())
    assert highlighted == "Jane Roe will reopen the northern ports on Friday if the talks succeed."
    box = page.locator(".text .hl").first.bounding_box()
    assert page.evaluate("window.scrollY") > 1000  # it scrolled past 60 paragraphs of filler
    assert box is not None and 0 <= box["y"] <= 860 - box["height"]  # and the sentence is on screen
    shot(page, "04-followed-line")


def test_filter_by_actor(server: str, page) -> None:
    page.goto(server + "/stories/all")
    page.locator("select[name=entity]").select_option(label="Jane Roe (2)")
    page.wait_for_url("**entity=**")
    whos = page.locator("ol.statements .who").all_inner_texts()
    assert whos == ["Jane Roe"] * 4  # two claims, two quotes
    assert page.locator("select[name=entity] option:checked").inner_text() == "Jane Roe (2)"
    shot(page, "05-filtered-by-actor")


def test_search_from_header(server: str, page) -> None:
    page.goto(server + "/")
    box = page.get_by_role("searchbox", name="Search")
    box.fill("northern ports")
    box.press("Enter")
    page.wait_for_url("**/search?q=northern+ports")
    titles = page.locator("ol.hits > li > a").all_inner_texts()
    assert sorted(titles) == ["Ports to reopen (long read)", "Roe hesitates"]
    assert page.locator("ol.hits mark").first.inner_text().lower() in ("northern", "ports")
    assert page.locator("li.line.claim").count() == 2
    shot(page, "06-search")


def test_hostile_article_renders_inert(server: str, page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/search?q=pwned")
    page.locator("ol.hits > li > a").first.click()
    page.wait_for_url("**/documents/**")
    text = page.locator(".text").inner_text()
    assert "<script>window.__pwned = 1</script>" in text
    assert 'onerror="window.__pwned=3"' in text
    assert page.locator(".text script, .text img, .text b, main script").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    page.get_by_text("bridge", exact=False).first.hover()
    page.get_by_text("here", exact=False).first.click()
    page.goto(server + "/stories/all")
    page.locator("ol.statements").get_by_text("window.__pwned", exact=False).first.hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    assert HOSTILE.count("__pwned") == 4
    shot(page, "07-hostile")
