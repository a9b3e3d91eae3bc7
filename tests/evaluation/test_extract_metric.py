"""The agreed body metric, by hand on small texts, and the held-out split's determinism."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest

from storyledger.evaluation.extract import (
    GoldPage,
    PageResult,
    Report,
    body_counts,
    clipped_sentences,
    every_line,
    is_held_out,
    load_sets,
    long_lines,
    score_page,
)
from storyledger.extract.text import split_lines
from storyledger.records import Article, Hints, RawDocument


def test_identical_text_is_all_true_positive() -> None:
    assert body_counts("one two three four five", "one two three four five") == (1.0, 0.0, 0.0)


def test_counts_are_scaled_to_sum_to_one() -> None:
    # pred shingles: (a b c d), (b c d e); gold: (a b c d), (b c d x) -> tp 1, fp 1, fn 1
    tp, fp, fn = body_counts("a b c d e", "a b c d x")
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))


def test_repeats_count() -> None:
    tp, fp, fn = body_counts("a b c d a b c d", "a b c d")
    # pred: abcd, bcda, cdab, dabc, abcd -> 1 matches; 4 extra
    assert (tp, fp, fn) == pytest.approx((1 / 5, 4 / 5, 0.0))


def test_empty_output_is_left_out_of_precision_but_counts_in_recall() -> None:
    gold = GoldPage("p1", "Title", frozenset(), None, "a b c d e f", None)
    report = Report("html", [score_page(gold, None), score_page(GoldPage("p2", "T", frozenset(), None, "a b c d", None),
                                                              Article(source="x", text="a b c d", title="T"))])
    assert report.precision == 1.0
    assert report.recall == 0.5
    assert report.f1 == pytest.approx(2 * 0.5 / 1.5)


def test_title_authors_date_checks() -> None:
    gold = GoldPage("p", "Night  Buses Return", frozenset({"jane doe"}), date(2024, 1, 2), "x y z w", None)
    article = Article(source="s", text="x y z w", title="night buses return", authors=["Jane Doe"], published=date(2024, 1, 2))
    page = score_page(gold, article)
    assert page.title_exact and page.title_contains and page.authors_ok and page.date_ok
    other = score_page(gold, Article(source="s", text="x", title="Night buses return | Herald", authors=[]))
    assert not other.title_exact and other.title_contains and not other.authors_ok and not other.date_ok


def test_held_out_split_is_deterministic_and_about_a_quarter() -> None:
    ids = [f"{i:032x}" for i in range(2000)]
    share = sum(map(is_held_out, ids)) / len(ids)
    assert 0.2 < share < 0.3
    assert [is_held_out(i) for i in ids[:50]] == [is_held_out(i) for i in ids[:50]]


def _page(page_id: str, tp: float, fp: float, fn: float, empty: bool = False) -> PageResult:
    return PageResult(page_id, tp, fp, fn, empty, False, False, False, False)


def test_f1_interval_of_identical_pages_is_the_figure_itself() -> None:
    report = Report("text", [_page(f"p{i}", 0.5, 0.25, 0.25) for i in range(30)])
    low, high = report.f1_interval()
    assert low == pytest.approx(report.f1) and high == pytest.approx(report.f1)
    assert report.f1 == pytest.approx(2 / 3)


def test_f1_interval_brackets_the_figure_and_is_reproducible() -> None:
    # Half the pages perfect, half with empty output (recall 0, left out of precision): F1 = 2 * 1 * 0.5 / 1.5.
    report = Report("text", [_page(f"p{i}", 1.0, 0.0, 0.0) for i in range(20)]
                    + [_page(f"q{i}", 0.0, 0.0, 1.0, empty=True) for i in range(20)])
    assert report.f1 == pytest.approx(2 / 3)
    low, high = report.f1_interval()
    assert low < report.f1 < high
    assert 0.5 < low and high < 0.8
    assert report.f1_interval() == (low, high)
    assert Report("text").f1_interval() == (0.0, 0.0)


_SCRAPE = RawDocument(source="scrape.txt", hints=Hints(format="text"), data=(
    "Menu\r\n"
    "World | Politics | Sport\r\n"
    "\r\n"
    "   The council voted on Tuesday to reopen the night bus routes that were cut in the spring, officials said.\r\n"
    "Fourteen tokens exactly: one two three four five six seven eight nine ten eleven\r\n"
    "Fifteen tokens exactly: one two three four five six seven eight nine ten eleven twelve\r\n"
    "Share this\r\n"
).encode("utf-8"))


def test_every_line_keeps_each_non_blank_line_stripped() -> None:
    assert every_line(_SCRAPE).text.split("\n\n") == [
        "Menu",
        "World | Politics | Sport",
        "The council voted on Tuesday to reopen the night bus routes that were cut in the spring, officials said.",
        "Fourteen tokens exactly: one two three four five six seven eight nine ten eleven",
        "Fifteen tokens exactly: one two three four five six seven eight nine ten eleven twelve",
        "Share this",
    ]


def test_long_lines_keeps_lines_of_fifteen_metric_tokens_or_more() -> None:
    assert long_lines(_SCRAPE).text.split("\n\n") == [
        "The council voted on Tuesday to reopen the night bus routes that were cut in the spring, officials said.",
        "Fifteen tokens exactly: one two three four five six seven eight nine ten eleven twelve",
    ]


def test_a_kept_sentence_with_a_link_dropped_from_its_middle_counts_as_clipped() -> None:
    gold = ("The council voted to speed up the process of delivering aid to families and demand that both sides respect "
            "the ceasefire agreed last month at the talks. "
            "Short line here.\nThe mayor said the new bridge would open in the spring after two years of repairs.")
    clipped = ("The council voted to speed up the process of delivering and demand that both sides respect the ceasefire "
               "agreed last month at the talks.\n"
               "The mayor said the new bridge would open in the spring after two years of repairs.")
    assert clipped_sentences(gold, gold) == (2, 0)
    assert clipped_sentences(clipped, gold) == (2, 1)
    assert clipped_sentences("The mayor said the new bridge would open in the spring after two years of repairs.", gold) == (1, 0)
    assert clipped_sentences("", gold) == (0, 0)


def test_json_lines_sets_skip_empty_gold_and_give_html_and_its_scrape(tmp_path) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    html = ('<?xml version="1.0" encoding="utf-8"?><html><body><ul><li>Home</li><li>World</li></ul>'
            "<p>The council voted on Tuesday to reopen the night bus routes.</p></body></html>")
    rows = [{"id": "demo/1", "source_dataset": "demo", "url": None, "html": html, "gold_text": "The council voted"},
            {"id": "demo/2", "source_dataset": "demo", "url": None, "html": "<p>x</p>", "gold_text": " "}]
    with gzip.open(folder / "demo.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write("\n".join(json.dumps(r) for r in rows))
    naeb = tmp_path / "naeb"
    naeb.mkdir()
    (naeb / "articles.json").write_text(json.dumps({"p1": {"title": "T", "articleBody": "a b c d"}}), encoding="utf-8")
    [first, second] = load_sets(tmp_path)
    assert (first.name, first.has_metadata, second.name, second.has_metadata) == ("naeb", True, "demo", False)
    assert [g.id for g in second.pages] == ["demo/1"]
    assert second.raw("demo/1", "html").text == html
    assert split_lines(second.raw("demo/1", "text").text) == [
        "* Home", "* World", "The council voted on Tuesday to reopen the night bus routes."]
    assert [s.name for s in load_sets(folder / "demo.jsonl.gz")] == ["demo"]
