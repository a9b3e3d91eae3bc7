"""The ingest progress display says what is being done: the model loading, each input by name,
linking, with counts and a rate."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from storyledger.ingest import Step, ingest
from storyledger.store import open_ledger
from storyledger.views.cli.progress import IngestProgress, short_name

ARTICLE = ("Harbour workers end strike\n\nPort workers in Halden voted on Monday to end a three-week strike, the "
           "union said.\n\n“We have won a fair deal,” said union leader Mara Okafor.\n")


def _progress(loaded: bool) -> IngestProgress:
    console = Console(file=io.StringIO(), force_terminal=True, width=120)
    return IngestProgress(3, console, loaded=lambda: loaded)


def test_the_first_article_to_annotate_says_the_model_is_loading() -> None:
    progress = _progress(loaded=False)
    progress.step(Step.READ, "news/halden-strike.txt")
    assert progress.progress.tasks[0].description == "reading news/halden-strike.txt"
    progress.step(Step.ANNOTATE, "news/halden-strike.txt")
    assert progress.progress.tasks[0].description == "loading the language model, then annotating news/halden-strike.txt"
    loaded = _progress(loaded=True)
    loaded.step(Step.ANNOTATE, "news/halden-strike.txt")
    assert loaded.progress.tasks[0].description == "annotating news/halden-strike.txt"


def test_counts_and_linking_get_their_own_line() -> None:
    progress = _progress(loaded=True)
    progress.item("a.txt")
    progress.item("b.txt")
    progress.linked(1, 2)
    main, link = progress.progress.tasks
    assert (main.completed, main.total, main.fields["unit"]) == (2, 3, "articles")
    assert (link.description, link.completed, link.total, link.fields["unit"]) == (
        "linking: entities, duplicates, stories, positions", 1, 2, "documents")


def test_long_names_keep_their_end() -> None:
    name = "/data/archive/2025/08/19/bbc-news-uk-preparing-to-send-troops-to-ukraine.html"
    assert short_name(name) == "…" + name[-35:] and len(short_name(name)) == 36
    assert short_name("a.txt") == "a.txt"


def test_ingest_reports_every_step_to_the_display(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(ARTICLE.replace("Halden", "Bergen"), encoding="utf-8")
    progress = _progress(loaded=True)
    seen: list[tuple[str, str]] = []
    watch = progress.watch
    record = type(watch)(step=lambda s, src: (seen.append((s.value, Path(src).name)), watch.step(s, src)),
                         item=watch.item, linked=watch.linked)
    with open_ledger(tmp_path / "l.db") as ledger:
        ingest([str(tmp_path / "one.txt"), str(tmp_path / "two.txt")], ledger, watch=record)
        ingest([str(tmp_path / "one.txt")], ledger, watch=record)  # stored already: read, not annotated
    assert seen == [("reading", "one.txt"), ("annotating", "one.txt"), ("reading", "two.txt"),
                    ("annotating", "two.txt"), ("reading", "one.txt")]
    main, link = progress.progress.tasks
    assert main.completed == 3 and (link.completed, link.total) == (2, 2)
