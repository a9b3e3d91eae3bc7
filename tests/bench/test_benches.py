"""The speed, memory and query benches on small made-up inputs: each measures what it says, on the
inputs it is given, and its figures add up."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storyledger.annotate.nlp import WARM_TEXT
from storyledger.bench.corpus import write_corpus
from storyledger.bench.memory import run_memory_bench, write_replicas
from storyledger.bench.pipeline import run_pipeline_bench
from storyledger.bench.queries import run_query_bench
from storyledger.bench.workers import Run, WorkersResult, parallel_capacity
from storyledger.extract import extract
from storyledger.records import RawDocument

ARTICLE = (
    "Port workers agree to end strike\n\n"
    "Port workers in Halden voted on Monday to end a three-week strike, the union said.\n\n"
    "“We have won a fair deal,” said union leader Mara Okafor. The company said it would raise wages.\n"
)
PAGE = (f"<html><head><title>Halden strike</title></head><body><article><h1>Halden strike ends</h1><p>{WARM_TEXT}</p>"
        "</article><footer>Contact us</footer></body></html>")


def _eval_root(tmp_path: Path) -> Path:
    root = tmp_path / "eval"
    (root / "polnear").mkdir(parents=True)
    rows = [("d1", "b", "first"), ("d1", "a", "first, annotator a"), ("d2", "a", "second"), ("d3", "a", "third")]
    (root / "polnear" / "dev.jsonl").write_text("".join(
        json.dumps({"doc_id": d, "annotator": a, "text": ARTICLE.replace("Halden", t), "publication_date": "2016-09-12",
                    "publisher": "wire", "title": t}) + "\n" for d, a, t in rows), encoding="utf-8")
    html = root / "extract" / "naeb" / "html"
    html.mkdir(parents=True)
    for name in ("b", "a", "c"):
        (html / f"{name}.html.gz").write_bytes(gzip.compress(PAGE.replace("Halden", name.upper()).encode()))
    return root


def test_the_corpus_is_the_first_texts_by_their_first_annotator_and_the_first_pages(tmp_path: Path) -> None:
    files = write_corpus(tmp_path / "corpus", _eval_root(tmp_path), texts=2, pages=2)
    assert [f.name for f in files] == ["naeb-00.html", "naeb-01.html", "polnear-00.txt", "polnear-01.txt"]
    assert "first, annotator a" in files[2].read_text(encoding="utf-8")
    assert json.loads((tmp_path / "corpus" / "polnear-01.txt.meta.json").read_text()) == {
        "published": "2016-09-12", "outlet": "wire", "title": "second"}
    assert [f.read_text() for f in files[:2]] == [PAGE.replace("Halden", "A"), PAGE.replace("Halden", "B")]


def test_the_start_up_probe_is_an_article_extraction_keeps() -> None:
    assert extract(RawDocument(source="probe.txt", text=WARM_TEXT)).text == WARM_TEXT.strip()


def test_the_pipeline_bench_times_both_pipelines_on_every_article(tmp_path: Path) -> None:
    files = write_corpus(tmp_path / "corpus", _eval_root(tmp_path), texts=2, pages=1)
    result = run_pipeline_bench(files, rounds=2, startup=False)
    assert result.articles == 3
    assert len(result.ours_cpu) == len(result.naive_cpu) == 2 and min(result.ours_cpu + result.naive_cpu) > 0
    assert result.ratio == result.ours_per_article / result.naive_per_article


def test_workers_throughput_is_articles_over_median_wall_time() -> None:
    result = WorkersResult(10, {1: [Run(10.0, 9.0, 10), Run(12.0, 9.0, 10), Run(11.0, 9.0, 10)],
                                2: [Run(6.0, 4.5, 10), Run(5.0, 4.5, 10), Run(7.0, 4.5, 10)]})
    assert (result.per_second(1), result.per_second(2)) == (10 / 11, 10 / 6)
    assert result.speedup(2) == pytest.approx(11 / 6)
    assert result.steady_speedup(2) == 2.0


def test_replicas_differ_so_none_is_skipped_as_stored(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    src.with_name("a.txt.meta.json").write_text('{"outlet": "wire"}', encoding="utf-8")
    write_replicas([src], tmp_path / "out", 3)
    texts = {p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.txt")}
    assert len(texts) == 3 and all(t.startswith(ARTICLE) for t in texts)
    assert len(list((tmp_path / "out").glob("*.meta.json"))) == 3


def test_the_memory_bench_checkpoints_a_synthetic_ingest(tmp_path: Path) -> None:
    curve = run_memory_bench("synthetic", 30, tmp_path, every=10)
    assert [n for n, _ in curve.stored] == [n for n, _ in curve.linked] == [10, 20, 30]
    assert 0 < curve.stored[0][1] <= curve.stored[-1][1] <= curve.linked[-1][1] <= curve.peak_mib


def test_the_query_bench_times_the_busiest_and_a_median_actor_and_story(tmp_path: Path) -> None:
    results = run_query_bench([60], tmp_path, repeats=1)
    assert [(r.size, r.query, r.which) for r in results] == [
        (60, "timeline --actor", "busiest"), (60, "timeline --actor", "median"),
        (60, "story page", "busiest"), (60, "story page", "median")]
    busiest, median = results[0], results[1]
    assert busiest.rows >= median.rows >= 1 and all(r.ms > 0 for r in results)
    assert (tmp_path / "queries-60.db").exists()  # kept for the next run


def test_parallel_capacity_is_at_most_the_number_of_processes() -> None:
    assert 0 < parallel_capacity(2, loops=200_000) <= 2.5  # timing noise aside, two processes do at most twice
