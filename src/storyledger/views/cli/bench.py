"""`storyledger bench ...`: what storyledger costs, measured the same way each time.

link: one more article on a small and a large synthetic ledger; pipeline: CPU per article against a
naive spaCy pipeline on a fixed real corpus; workers: ingest throughput with 1 and N workers;
memory: peak RSS while ingesting many articles; queries: timeline and story pages on large ledgers.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from storyledger.views.cli.options import JsonOption, console, err_console, print_jsonl

bench_app = typer.Typer(help="Benchmarks: speed, parallel ingest, memory and query time.", no_args_is_help=True)

RoundsOption = Annotated[int, typer.Option("--rounds", min=1, help="Alternating rounds; medians are reported.")]
EvalOption = Annotated[Path | None, typer.Option("--data", help="The eval folder (default: the shared eval data).")]


def _corpus(tmp: Path, data: Path | None, texts: int, pages: int) -> list[Path]:
    from storyledger.bench.corpus import CorpusMissing, write_corpus
    from storyledger.config import eval_root

    try:
        return write_corpus(tmp / "corpus", data or eval_root(), texts, pages)
    except CorpusMissing as exc:
        err_console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from None


@bench_app.command("link")
def link_command(
    sizes: Annotated[list[int] | None, typer.Option("--size", help="Ledger sizes to compare (repeatable).")] = None,
    repeats: Annotated[int, typer.Option("--repeats", min=3, help="Articles added and timed per size.")] = 30,
    json_: JsonOption = False,
) -> None:
    """Build synthetic ledgers of each size, then time adding (store + link) one article at a
    time; reports the median and the ratio to the smallest ledger. Takes a few minutes at 10,000."""
    from storyledger.bench import run_bench

    results = run_bench(sorted(sizes or [100, 10_000]), repeats=repeats)
    base = results[0].median_ms
    if json_:
        print_jsonl([{"size": r.size, "median_ms": round(r.median_ms, 2), "ratio": round(r.median_ms / base, 2),
                      "repeats": len(r.samples)} for r in results])
        return
    table = Table(title="adding one article (store + link), synthetic ledgers")
    for col in ("ledger size", "median ms", "ratio"):
        table.add_column(col, justify="right")
    for r in results:
        table.add_row(f"{r.size:,}", f"{r.median_ms:.1f}", f"{r.median_ms / base:.2f}")
    console.print(table)


@bench_app.command("pipeline")
def pipeline_command(
    rounds: RoundsOption = 3,
    texts: Annotated[int, typer.Option("--texts", min=0, help="PolNeAR dev texts (with sidecars).")] = 20,
    pages: Annotated[int, typer.Option("--pages", min=0, help="naeb HTML pages.")] = 10,
    data: EvalOption = None,
    startup: Annotated[bool, typer.Option("--startup/--no-startup", help="Also time start-up in fresh processes.")] = True,
    json_: JsonOption = False,
) -> None:
    """CPU per article of storyledger's per-article work (extract + annotate) against a naive pipeline
    (trafilatura, then spaCy's full pipeline) on the same fixed corpus, and start-up of an annotating
    command against the bare spaCy load. Target: ratio <= 0.5, start-up extra <= 0.5 s."""
    from storyledger.bench.pipeline import run_pipeline_bench

    with tempfile.TemporaryDirectory() as tmp:
        r = run_pipeline_bench(_corpus(Path(tmp), data, texts, pages), rounds=rounds, startup=startup)
    row = {"articles": r.articles, "rounds": rounds, "ours_cpu_ms_per_article": round(r.ours_per_article * 1000, 1),
           "naive_cpu_ms_per_article": round(r.naive_per_article * 1000, 1), "ratio": round(r.ratio, 2)}
    if startup:
        row |= {"ours_startup_cpu_s": round(_median(r.ours_startup), 2),
                "bare_spacy_startup_cpu_s": round(_median(r.bare_startup), 2),
                "startup_extra_s": round(r.startup_extra, 2)}
    if json_:
        print_jsonl([row])
        return
    table = Table(title=f"per-article CPU on {r.articles} articles, median of {rounds} alternating rounds")
    for col in ("", "storyledger", "naive", "ratio"):
        table.add_column(col, justify="right")
    table.add_row("CPU ms / article", f"{r.ours_per_article * 1000:.0f}", f"{r.naive_per_article * 1000:.0f}",
                  f"{r.ratio:.2f}")
    table.add_row("articles / CPU-s", f"{1 / r.ours_per_article:.2f}", f"{1 / r.naive_per_article:.2f}", "")
    if startup:
        table.add_row("start-up CPU s", f"{_median(r.ours_startup):.2f}", f"{_median(r.bare_startup):.2f}",
                      f"+{r.startup_extra:.2f} s")
    console.print(table)
    if startup:
        console.print("start-up: `storyledger ingest` of one short article vs `spacy.load` annotating it, in fresh processes")


@bench_app.command("workers")
def workers_command(
    workers: Annotated[int, typer.Option("--workers", min=2, help="Workers compared with one.")] = 2,
    rounds: RoundsOption = 3,
    texts: Annotated[int, typer.Option("--texts", min=0, help="PolNeAR dev texts (with sidecars).")] = 60,
    pages: Annotated[int, typer.Option("--pages", min=0, help="naeb HTML pages.")] = 20,
    data: EvalOption = None,
    json_: JsonOption = False,
) -> None:
    """Wall time of `storyledger ingest` with 1 and with N workers on the same real corpus, fresh
    processes and ledgers, alternating. Target at 2 workers on 2 cores: >= 1.7x the throughput."""
    from storyledger.bench.workers import run_workers_bench

    with tempfile.TemporaryDirectory() as tmp:
        files = _corpus(Path(tmp), data, texts, pages)
        r = run_workers_bench(files[0].parent, len(files), Path(tmp), workers, rounds)
    rows = [{"workers": n, "articles": r.articles, "median_s": round(_median([x.total for x in runs]), 2),
             "articles_per_s": round(r.per_second(n), 2), "speedup": round(r.speedup(n), 2),
             "steady_articles_per_s": round(r.steady_per_second(n), 2), "steady_speedup": round(r.steady_speedup(n), 2),
             "parallel_capacity": round(_median(r.capacity), 2)}
            for n, runs in r.runs.items()]
    if json_:
        print_jsonl(rows)
        return
    table = Table(title=f"ingest of {r.articles} articles, median of {rounds} alternating rounds (wall time)")
    for col in ("workers", "whole run s", "articles / s", "speedup", "steady articles / s", "steady speedup"):
        table.add_column(col, justify="right")
    for row in rows:
        table.add_row(str(row["workers"]), f"{row['median_s']:.1f}", f"{row['articles_per_s']:.2f}",
                      f"{row['speedup']:.2f}", f"{row['steady_articles_per_s']:.2f}", f"{row['steady_speedup']:.2f}")
    console.print(table)
    console.print("steady: from the first article stored to the last (start-up excluded)")
    console.print(f"parallel capacity now: {workers} processes of this session run {_median(r.capacity):.2f}x the work of one "
                  "(a pure-Python loop; under 2 on a busy shared machine, whatever the code)")


@bench_app.command("memory")
def memory_command(
    size: Annotated[int, typer.Option("--size", min=1, help="Articles to ingest.")] = 2000,
    kind: Annotated[str, typer.Option("--kind", help="real (PolNeAR dev texts, copied) or synthetic (made-up annotated articles).")] = "synthetic",
    every: Annotated[int | None, typer.Option("--every", min=1, help="Checkpoint every this many articles (default: size/10).")] = None,
    data: EvalOption = None,
    json_: JsonOption = False,
) -> None:
    """Peak memory (RSS) of an ingest in a fresh process, at checkpoints: a flat curve means memory
    does not grow with the corpus. Target: <= 1 GiB at 10,000 articles."""
    from storyledger.bench.memory import run_memory_bench

    if kind not in ("real", "synthetic"):
        raise typer.BadParameter("--kind must be real or synthetic")
    with tempfile.TemporaryDirectory() as tmp:
        texts = [f for f in _corpus(Path(tmp), data, 84, 0)] if kind == "real" else None
        curve = run_memory_bench(kind, size, Path(tmp), texts, every)
    rows = [("stored", n, mib) for n, mib in curve.stored] + [("linked", n, mib) for n, mib in curve.linked]
    if json_:
        print_jsonl([{"kind": kind, "stage": stage, "articles": n, "peak_rss_mib": round(mib, 1)} for stage, n, mib in rows])
        return
    table = Table(title=f"peak RSS while ingesting {size:,} {kind} articles (one process)")
    for col in ("stage", "articles so far", "peak RSS MiB"):
        table.add_column(col, justify="right")
    for stage, n, mib in rows:
        table.add_row(stage, f"{n:,}", f"{mib:.0f}")
    console.print(table)


@bench_app.command("queries")
def queries_command(
    sizes: Annotated[list[int] | None, typer.Option("--size", help="Ledger sizes (repeatable).")] = None,
    repeats: Annotated[int, typer.Option("--repeats", min=1, help="Times each query runs; the median is shown.")] = 5,
    keep: Annotated[Path | None, typer.Option("--keep", help="Folder to build the ledgers in and reuse them from.")] = None,
    json_: JsonOption = False,
) -> None:
    """Time `timeline --actor` and a story page's reads on synthetic ledgers, for the busiest and a
    median actor and story. Target: < 200 ms at 100,000 articles. Building a ledger takes minutes
    per 10,000 articles; --keep reuses it."""
    from storyledger.bench.queries import run_query_bench

    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        results = run_query_bench(sorted(sizes or [1000, 10_000]), folder, repeats)
    if json_:
        print_jsonl(results)
        return
    table = Table(title=f"query time on synthetic ledgers, median of {repeats}")
    for col in ("ledger size", "query", "which", "median ms", "rows"):
        table.add_column(col, justify="right")
    for r in results:
        table.add_row(f"{r.size:,}", r.query, r.which, f"{r.ms:.1f}", str(r.rows))
    console.print(table)


def _median(values: list[float]) -> float:
    import statistics

    return statistics.median(values)


def register(app: typer.Typer) -> None:
    app.add_typer(bench_app, name="bench")
