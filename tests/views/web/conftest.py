"""Hand-built ledgers for the web tests: exact texts, offsets and expectations."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyledger.link.pipeline import link_new
from storyledger.records import (
    ActorRef, AnnotatedArticle, Article, Claim, DateSource, Entity, EntityType, Mention, Polarity, Quote, QuoteKind,
    Role, Span, SpeakerRef, Stance, TimeRef,
)
from storyledger.store import open_ledger

PORTS = (
    "Ports minister Jane Roe said the harbour plan was “ready to go”.\n\n"
    "Jane Roe will reopen the northern ports on Friday if the talks succeed.\n\n"
    "The Dock Union ruled out a strike this month."
)
PORTS_LATER = (
    "Jane Roe is now only considering reopening the northern ports.\n\n"
    "“We need more time,” Roe told reporters."
)
HOSTILE = (
    "Breaking <script>window.__pwned = 1</script> news.\n\n"
    "Click <a href=\"javascript:window.__pwned=2\">here</a> or <img src=x onerror=\"window.__pwned=3\"> now.\n\n"
    "Mayor Ann Lee said the <b onmouseover=\"window.__pwned=4\">bridge</b> will open."
)


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def ports_article() -> AnnotatedArticle:
    art = Article(source="ports.txt", text=PORTS, title="Ports to reopen", authors=["Ann Writer"],
                  published=date(2024, 3, 6), published_source=DateSource.USER, outlet="Harbour Times",
                  url="https://example.org/ports", raw_sha256="00")
    roe = Entity("e1", "Jane Roe", EntityType.PERSON, ["Jane Roe"], [Role("Ports minister", 0, 14)])
    union = Entity("e2", "Dock Union", EntityType.ORGANISATION, ["The Dock Union"])
    s1 = PORTS.index("Jane Roe")
    s2 = PORTS.index("Jane Roe", s1 + 1)
    s3 = PORTS.index("Dock Union")
    evidence = _span(PORTS, "Jane Roe will reopen the northern ports on Friday if the talks succeed.")
    strike = _span(PORTS, "The Dock Union ruled out a strike this month.")
    return AnnotatedArticle(
        article=art, entities=[roe, union],
        mentions=[Mention("e1", s1, s1 + 8, "Jane Roe"), Mention("e1", s2, s2 + 8, "Jane Roe"),
                  Mention("e2", s3, s3 + 10, "Dock Union")],
        quotes=[Quote("q1", QuoteKind.PARTIAL, SpeakerRef("Jane Roe", s1, s1 + 8, "e1"), _span(PORTS, "said"),
                      [_span(PORTS, "ready to go")])],
        claims=[
            Claim("c1", ActorRef("Jane Roe", s2, s2 + 8, ["e1"]), "reopen the northern ports", "COOPERATE",
                  Stance.COMMITTED, Polarity.AFFIRMED, evidence, condition=_span(PORTS, "if the talks succeed"),
                  when=TimeRef("on Friday", PORTS.index("on Friday"), PORTS.index("on Friday") + 9,
                               date(2024, 3, 8), date(2024, 3, 8))),
            Claim("c2", ActorRef("The Dock Union", strike.start, strike.start + 14, ["e2"]), "strike", "PROTEST",
                  Stance.RULED_OUT, Polarity.NEGATED, strike),
        ],
    )


def ports_later_article() -> AnnotatedArticle:
    art = Article(source="later.txt", text=PORTS_LATER, title="Roe hesitates", published=date(2024, 3, 20),
                  published_source=DateSource.METADATA, outlet="Quay Daily", raw_sha256="01")
    roe = Entity("e1", "Jane Roe", EntityType.PERSON, ["Jane Roe", "Roe"])
    s1 = PORTS_LATER.index("Roe told")
    ev = _span(PORTS_LATER, "Jane Roe is now only considering reopening the northern ports.")
    return AnnotatedArticle(
        article=art, entities=[roe],
        mentions=[Mention("e1", 0, 8, "Jane Roe"), Mention("e1", s1, s1 + 3, "Roe")],
        quotes=[Quote("q1", QuoteKind.DIRECT, SpeakerRef("Roe", s1, s1 + 3, "e1"), _span(PORTS_LATER, "told"),
                      [_span(PORTS_LATER, "We need more time,")])],
        claims=[Claim("c1", ActorRef("Jane Roe", 0, 8, ["e1"]), "reopening the northern ports", "COOPERATE",
                      Stance.CONSIDERING, Polarity.AFFIRMED, ev)],
    )


def hostile_article() -> AnnotatedArticle:
    art = Article(source="evil.html", text=HOSTILE, title="<script>window.__pwned=5</script>Evil title",
                  published=date(2024, 3, 7), published_source=DateSource.USER, outlet="<i>Evil</i> Outlet",
                  url="javascript:window.__pwned=6", raw_sha256="02")
    lee = Entity("e1", "Ann Lee", EntityType.PERSON, ["Ann Lee"], [Role("Mayor", HOSTILE.index("Mayor"),
                                                                      HOSTILE.index("Mayor") + 5)])
    m = HOSTILE.index("Ann Lee")
    script = _span(HOSTILE, "<script>window.__pwned = 1</script>")
    ev = _span(HOSTILE, "Mayor Ann Lee said the <b onmouseover=\"window.__pwned=4\">bridge</b> will open.")
    return AnnotatedArticle(
        article=art, entities=[lee], mentions=[Mention("e1", m, m + 7, "Ann Lee")],
        quotes=[Quote("q1", QuoteKind.INDIRECT, SpeakerRef("Ann Lee", m, m + 7, "e1"), _span(HOSTILE, "said"),
                      [Span(script.start, script.end)])],
        claims=[Claim("c1", ActorRef("Mayor Ann Lee", ev.start, ev.start + 13, ["e1"]),
                      "open <script>window.__pwned=7</script>", "COOPERATE", Stance.COMMITTED, Polarity.AFFIRMED,
                      ev, condition=_span(HOSTILE, "<img src=x onerror=\"window.__pwned=3\">"))],
    )


def build_ledger(path: Path, articles: list[AnnotatedArticle]) -> Path:
    with open_ledger(path) as ledger:
        for a in articles:
            ledger.add(a)
        link_new(ledger)
    return path


@pytest.fixture()
def ports_db(tmp_path: Path) -> Path:
    return build_ledger(tmp_path / "ports.db", [ports_article(), ports_later_article(), hostile_article()])
