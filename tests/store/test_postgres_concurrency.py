"""Several ingests writing to one PostgreSQL ledger at once: every article stored and linked exactly
once, nothing fails, and the ledger is the one a single ingest builds storing and linking the same
articles one after the other in the order the concurrent ones did (their writes were serialised)."""

from __future__ import annotations

import multiprocessing as mp
from datetime import date, timedelta

from storyledger.link.pipeline import link_document, link_new, relink
from storyledger.records import AnnotatedArticle, Polarity, Stance
from storyledger.store import Ledger, open_ledger
from tests.link.records import article, claim

WORKERS, ARTICLES = 3, 24
OUTLETS = ("Castellan Courier", "Meridian Press", "Orrin Gazette")


def _corpus() -> list[AnnotatedArticle]:
    """Articles on two made-up stories: a harbour strike and a polluted lake."""
    out = []
    for n in range(ARTICLES):
        day = (date(2025, 2, 1) + timedelta(days=n)).isoformat()
        outlet = OUTLETS[n % 3]
        if n % 2 == 0:
            text = (f"Dana Okafor said the Harbour Workers Union would end the strike at the port of Castellan"
                    f" if wages rose by {n + 2} percent. The talks resumed on day {n}.")
            a = article(text, day, outlet, {"Dana Okafor": []}, {"Harbour Workers Union": "organisation",
                                                                    "Castellan": "place"})
            claim(a, "Dana Okafor", "end the strike", Stance.WILLING, condition=f"if wages rose by {n + 2} percent")
        else:
            text = (f"Brightwater Chemicals refused to pay for the cleanup of Lake Orrin, mayor Ines Halvorsen"
                    f" said after the test number {n} came back.")
            a = article(text, day, outlet, {"Ines Halvorsen": ["mayor"]}, {"Brightwater Chemicals": "organisation",
                                                                            "Lake Orrin": "place"})
            claim(a, "Brightwater Chemicals", "pay for the cleanup of Lake Orrin", Stance.REFUSED, Polarity.NEGATED)
        out.append(a)
    return out


def _ingest(url: str, worker: int, barrier: mp.synchronize.Barrier, results: mp.Queue) -> None:  # type: ignore[name-defined]
    """One ingest: the whole corpus, from a different place than the others, each article stored then
    linked, as ingest does."""
    corpus = _corpus()
    mine = corpus[worker * 8:] + corpus[:worker * 8]
    try:
        with open_ledger(url) as ledger:
            barrier.wait()
            for a in mine:
                ledger.add(a)
                link_new(ledger)
        results.put(("ok", worker))
    except Exception as exc:  # reported to the test, which names it
        results.put(("error", f"{type(exc).__name__}: {exc}"))


def _view(ledger: Ledger) -> tuple[object, ...]:
    stories = [(s, ledger.story_document_ids(s.id)) for s in ledger.story_page(100).items]
    entities = sorted((e.name, e.documents, e.mentions) for e in ledger.entity_page(100).items)
    lines = [(line.actor, line.matter, line.mark, line.document_id, line.claim_id, line.previous) for line in ledger.timeline_lines()]
    return stories, entities, lines


def test_three_ingests_at_once_store_and_link_every_article_once(postgres_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx = mp.get_context("fork")
    barrier, results = ctx.Barrier(WORKERS), ctx.Queue()
    procs = [ctx.Process(target=_ingest, args=(postgres_url, w, barrier, results)) for w in range(WORKERS)]
    for p in procs:
        p.start()
    outcomes = sorted(results.get(timeout=300) for _ in procs)
    for p in procs:
        p.join(timeout=60)
    assert outcomes == [("ok", w) for w in range(WORKERS)]

    corpus = _corpus()
    with open_ledger(postgres_url) as ledger:
        assert ledger.count("documents") == ARTICLES and ledger.count("claims") == ARTICLES
        assert ledger.n_linked() == ARTICLES and ledger.unlinked_documents() == []
        in_stories = [d for s in ledger.story_page(100).items for d in ledger.story_document_ids(s.id)]
        assert sorted(in_stories) == sorted(a.article.id for a in corpus)
        for a in corpus:
            assert ledger.document(a.article.id).sources == [a.article.source]  # type: ignore[union-attr]
        stored_order = [row[0] for batch in ledger.table_rows("documents") for row in batch]
        link_order = [r[0] for r in ledger._conn.execute("SELECT document_id FROM link_state ORDER BY seq")]  # type: ignore[attr-defined]
        concurrent = _view(ledger)
        relink(ledger)
        relinked = _view(ledger)

    by_id = {a.article.id: a for a in corpus}
    with open_ledger(tmp_path / "one.db") as single:
        for doc_id in stored_order:
            single.add(by_id[doc_id])
        for doc_id in link_order:
            link_document(single, doc_id)
        assert _view(single) == concurrent
        relink(single)
        assert _view(single) == relinked
