"""The SQLite ledger itself: schema, migrations, foreign keys, FTS5 snippets, a plain SQLite file,
read-only and bulk-load connections. The interface tests (the other files here) run on it too."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from storyledger.records import (
    ActorRef, AnnotatedArticle, Article, Claim, DateSource, Entity, EntityType, Mention, Polarity, Quote, QuoteKind,
    Role, Span, SpeakerRef, Stance, TimeRef,
)
from storyledger.store import Ledger, open_ledger
from storyledger.store.sqlite import SQLiteLedger
from storyledger.store.sqlite.connection import migrations
from tests.store.world import lake

TEXT = "The minister said the plan was “ready”. Ports will reopen on Friday if talks succeed."


def _annotated(text: str = TEXT) -> AnnotatedArticle:
    art = Article(source="a.txt", text=text, title="Ports", authors=["Ann Lee"], published=date(2024, 3, 6),
                  published_source=DateSource.USER, outlet="Example", raw_sha256="00")
    minister = Entity("e1", "Jane Roe", EntityType.PERSON, ["Jane Roe", "the minister"],
                      [Role("minister", 4, 12)])
    return AnnotatedArticle(
        article=art,
        entities=[minister],
        mentions=[Mention("e1", 0, 12, "The minister")],
        quotes=[Quote("q1", QuoteKind.PARTIAL, SpeakerRef("The minister", 0, 12, "e1"), Span(13, 17, "said"),
                      [Span(32, 37, "ready")])],
        claims=[Claim("c1", ActorRef("Ports", 40, 45), "reopen", "COOPERATE", Stance.COMMITTED, Polarity.AFFIRMED,
                      Span(40, 86), condition=Span(67, 85, "if talks succeed"),
                      when=TimeRef("on Friday", 57, 66, date(2024, 3, 8), date(2024, 3, 8)))],
        times=[TimeRef("on Friday", 57, 66, date(2024, 3, 8), date(2024, 3, 8))],
    )


def test_fresh_ledger_has_every_migration_and_foreign_keys(tmp_path: Path) -> None:
    with SQLiteLedger(tmp_path / "l.db") as ledger:
        assert ledger.schema_version == migrations()[-1][0]
        assert ledger._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        tables = {r[0] for r in ledger._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"documents", "documents_fts", "entities", "doc_entities", "mentions", "quotes", "claims"} <= tables


def test_an_older_ledger_is_migrated_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(migrations()[0][2] + "\nPRAGMA user_version = 1;")
    conn.close()
    with SQLiteLedger(path) as ledger:
        assert ledger.schema_version == migrations()[-1][0]
        assert ledger.story_page().total == 0 and ledger.n_linked() == 0


def test_add_is_idempotent_and_keeps_every_source(ledger: Ledger) -> None:
    first = _annotated()
    assert ledger.add(first) is True
    assert ledger.add(_annotated()) is False
    again = _annotated()
    again.article.source = "copy.txt"
    assert ledger.add(again) is False
    assert ledger.count("documents") == 1 and ledger.count("quotes") == 1 and ledger.count("claims") == 1
    doc = ledger.document(first.article.id[:6])
    assert doc is not None and doc.sources == ["a.txt", "copy.txt"]
    assert doc.published == date(2024, 3, 6) and doc.authors == ["Ann Lee"]


def test_stored_claim_and_quote_read_back_with_offsets(ledger: Ledger) -> None:
    ledger.add(_annotated())
    (claim,) = ledger.claim_page().items
    assert (claim.action, claim.stance, claim.condition, claim.when_date) == (
        "reopen", Stance.COMMITTED, "if talks succeed", date(2024, 3, 8))
    assert claim.evidence == TEXT[40:86]
    (quote,) = ledger.quote_page(speaker="minister").items
    assert (quote.text, quote.kind, quote.start, quote.end) == ("ready", QuoteKind.PARTIAL, 32, 37)


def test_failed_add_leaves_no_half_stored_document(tmp_path: Path) -> None:
    bad = _annotated()
    bad.mentions.append(Mention("e99", 50, 55, "ghost"))  # refers to no entity: the FK check fails mid-write
    with open_ledger(tmp_path / "l.db") as ledger:
        with pytest.raises(sqlite3.IntegrityError):
            ledger.add(bad)
        for table in ("documents", "doc_entities", "mentions", "quotes", "claims"):
            assert ledger.count(table) == 0, table
        assert ledger.add(_annotated()) is True


def test_full_text_search_with_snippets_and_bad_syntax(tmp_path: Path) -> None:
    with open_ledger(tmp_path / "l.db") as ledger:
        ledger.add(_annotated())
        (hit,) = ledger.search("ports reopen").items
        assert "[Ports] will [reopen]" in hit.bracketed
        assert hit.snippet == "The minister said the plan was “ready”. \ue000Ports\ue001 will \ue000reopen\ue001 on " \
                              "Friday if talks succeed."
        assert ledger.search("ports", snippet_tokens=3).items[0].snippet == "…ready”. \ue000Ports\ue001 will…"
        assert ledger.search('"unbalanced AND (').items == []
        assert ledger.search("nothing-like-this").items == []


def test_opens_read_only_in_plain_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    with open_ledger(path) as ledger:
        ledger.add(_annotated())
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    published, authors = conn.execute("SELECT published, authors FROM documents").fetchone()
    assert (published, authors) == ("2024-03-06", '["Ann Lee"]')


def test_a_read_only_ledger_refuses_every_write(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    with open_ledger(path) as ledger:
        ledger.add(_annotated())
    with open_ledger(path, read_only=True) as ledger:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ledger.add(lake())
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ledger.add_source(_annotated().article.id, "more.txt", None, "01")
        assert ledger.count("documents") == 1 and ledger.search("ports").total == 1


def test_a_ledger_built_in_bulk_does_not_wait_for_the_disk(tmp_path: Path) -> None:
    with SQLiteLedger(tmp_path / "bulk.db", durable=False) as ledger:
        assert ledger._conn.execute("PRAGMA synchronous").fetchone()[0] == 0
        ledger.add(_annotated())
    with SQLiteLedger(tmp_path / "bulk.db") as ledger:
        assert ledger._conn.execute("PRAGMA synchronous").fetchone()[0] != 0
        assert ledger.count("documents") == 1


def test_claim_actor_filter_matches_entity_names_and_aliases_literally(ledger: Ledger) -> None:
    text = "She said ports will reopen on Friday."
    art = _annotated(text)
    art.mentions = [Mention("e1", 0, 3, "She")]
    art.quotes = []
    art.claims = [Claim("c1", ActorRef("She", 0, 3, ["e1"]), "reopen", "COOPERATE", Stance.COMMITTED,
                        Polarity.AFFIRMED, Span(0, 37))]
    art.times = []
    ledger.add(art)
    by_filter = {f: [c.id for c in ledger.claim_page(actor=f).items]
                 for f in ("Roe", "the minister", "She", "%", "Lee")}
    assert by_filter == {"Roe": ["c1"], "the minister": ["c1"], "She": ["c1"], "%": [], "Lee": []}
