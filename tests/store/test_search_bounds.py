"""No stored document can stall a search: snippets cost the same whatever a document repeats, and a
search that still runs long stops with QueryTimeout instead of holding the server."""

from __future__ import annotations

import time

import pytest

from storyledger.errors import QueryTimeout
from storyledger.records import AnnotatedArticle, Article
from storyledger.store import Ledger


def _store(ledger: Ledger, source: str, text: str, title: str) -> None:
    ledger.add(AnnotatedArticle(Article(source=source, text=text, title=title)))


def test_a_word_repeated_20000_times_answers_in_well_under_a_second(ledger: Ledger) -> None:
    _store(ledger, "repeat.txt", "Ferry fares\n\n" + "ferry " * 20_000, "Ferry")
    _store(ledger, "long.txt", ("The ferry to Orrin sails at noon. " * 36_000)[:1_200_000], "Long")
    _store(ledger, "short.txt", "A short note on the ferry tariff in Halden.", "Note")
    _store(ledger, "edge.txt", ("ferry " * 500)[:2999], "Edge")  # the longest text marked whole
    started = time.monotonic()
    page = ledger.search("ferry")
    assert time.monotonic() - started < 1.0
    assert page.total == 4
    snippets = {h.document.title: h.snippet for h in page.items}
    assert snippets["Note"] == "A short note on the \ue000ferry\ue001 tariff in Halden."
    assert snippets["Long"].startswith("The \ue000ferry\ue001 to Orrin sails at noon.")
    assert snippets["Long"].endswith("…") and snippets["Ferry"].count("\ue000") == 24
    (hit,) = ledger.search("noon tariff OR sails").items[:1]
    assert "\ue000" in hit.snippet


def test_a_match_deep_in_a_long_document_is_shown_from_its_passage(ledger: Ledger) -> None:
    text = "Harbour news. " * 5_000 + "The lock keeper resigned on Tuesday. " + "More harbour news. " * 100
    _store(ledger, "deep.txt", text, "Deep")
    (hit,) = ledger.search("resigned").items
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "The lock keeper \ue000resigned\ue001 on Tuesday." in hit.snippet


def test_a_search_past_its_time_limit_stops_with_a_named_error(ledger: Ledger, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import storyledger.store.sqlite.search as search

    for n in range(200):
        _store(ledger, f"{n}.txt", f"Ferry timetable number {n}. " * 50, f"T{n}")
    monkeypatch.setattr(search, "SEARCH_SECONDS", 0.0)
    with pytest.raises(QueryTimeout, match="the search for 'ferry' took longer than 0 s and was stopped"):
        ledger.search("ferry")
    monkeypatch.undo()
    assert ledger.search("ferry").total == 200  # the connection is usable again
