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


WIDTHS = [1400, 400]


def _pages(server: str, page) -> list[tuple[str, str]]:
    """Every kind of page, with real ids from the demo ledger."""
    page.goto(server + "/api/entities?name=Jane Roe")
    roe = page.evaluate("JSON.parse(document.body.innerText).items[0].id")
    page.goto(server + "/api/documents?outlet=Quay Daily")
    later = page.evaluate("JSON.parse(document.body.innerText).items[0].id")
    page.goto(server + "/api/stories")
    story = page.evaluate("JSON.parse(document.body.innerText).items[0].id")
    return [("home", "/"), ("story", f"/stories/{story}"), ("all", "/stories/all"), ("entities", "/entities"),
            ("entity", f"/entities/{roe}"), ("articles", "/documents"), ("article", f"/documents/{later}"),
            ("search", "/search?q=northern+ports"), ("changes", "/changes")]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_the_screen_and_shows_its_evidence_links(server: str, browser, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    for name, path in _pages(server, page):
        page.goto(server + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} at {width}px scrolls sideways by {overflow}px"
        page.screenshot(path=str(_artifact(f"{width}-{name}")), full_page=True)
        for link in page.locator("a.evidence").all()[:20]:
            style = link.evaluate("e => { const s = getComputedStyle(e); return [s.color, s.textDecorationLine,"
                                  " getComputedStyle(document.body).color]; }")
            assert style[0] != style[2] and "underline" in style[1], f"{path}: evidence link looks like plain text"
            box = link.bounding_box()
            assert box and box["width"] > 0 and box["x"] + box["width"] <= width + 1
    assert all(url.startswith(server) for url in requested)  # nothing from any other host
    context.close()


def _artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"


@pytest.mark.parametrize("width", WIDTHS)
def test_charts_and_counts_on_home_story_and_entity_pages(server: str, browser, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    pages = dict(_pages(server, page))
    for name in ("home", "story", "entity"):
        page.goto(server + pages[name])
        bars = page.locator("figure.volume svg rect")
        assert bars.count() >= 1, name
        box = bars.first.bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0
        svg = page.locator("figure.volume svg").bounding_box()
        assert svg and svg["width"] <= width and svg["width"] > width * 0.5  # it stretches to the page
        assert page.locator("ul.counts li").first.inner_text().split()[1] in ("article", "articles")
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_date_and_outlet_filters_work(server: str, browser, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server + "/")
    before = int(page.locator("ul.counts b").first.inner_text())
    page.locator("form.filters input[name=since]").fill("2024-03-20")
    page.locator("form.filters input[name=until]").fill("2024-12-31")
    page.locator("form.filters button").click()
    page.wait_for_url("**/?since=2024-03-20&until=2024-12-31")
    assert int(page.locator("ul.counts b").first.inner_text()) == 1 < before
    assert page.locator("input[name=since]").input_value() == "2024-03-20"
    page.goto(server + "/stories/all")
    page.locator("#statements select[name=outlet]").select_option("Quay Daily")
    page.wait_for_url("**outlet=Quay+Daily**")
    sources = page.locator("ol.statements .src").all_inner_texts()
    assert sources and all(s.startswith("Quay Daily") for s in sources)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(_artifact(f"{width}-story-filtered")), full_page=False)
    context.close()


def test_slash_focuses_the_search_box(server: str, page) -> None:
    page.goto(server + "/stories/all")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "site-search"
    page.keyboard.type("harbour")
    assert page.locator("#site-search").input_value() == "harbour"  # the "/" itself was not typed


def test_api_docs_render_without_the_internet(server: str, page) -> None:
    requested: list[str] = []  # loaded; ReDoc's "powered by" logo from its CDN is refused by the CSP
    page.on("requestfinished", lambda r: requested.append(r.url))
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=15000)
    assert "storyledger" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.locator(".opblock-summary-path", has_text="/api/claims").count() >= 1
    shot(page, "api-docs-swagger")
    page.goto(server + "/redoc")
    page.locator("h1", has_text="storyledger").first.wait_for(timeout=15000)
    assert page.locator("text=Commitments and positions").count() >= 1
    shot(page, "api-docs-redoc")
    assert requested and [url for url in requested if not url.startswith((server, "blob:", "data:"))] == []
