"""The ingest progress display: what is being done now (loading the language model, reading or
annotating a named input, linking), with counts, a rate and the time left."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from storyledger.ingest import Step, Watch

NAME_WIDTH = 36


class RateColumn(ProgressColumn):
    """Items per second over the last moments (rich's own speed estimate)."""

    def render(self, task: Task) -> Text:
        unit = task.fields.get("unit", "")
        return Text(f"{task.speed:.1f} {unit}/s" if task.speed else f"– {unit}/s", style="progress.data.speed")


def short_name(source: str, width: int = NAME_WIDTH) -> str:
    """The input's name as it fits: a path's end, not its start ("…/2025/08/bbc-ukraine.html")."""
    return source if len(source) <= width else "…" + source[-(width - 1):]


def model_loaded() -> bool:
    """Whether the NLP pipeline is loaded in this process (the first article to annotate loads it)."""
    from storyledger.annotate.nlp import load_pipeline

    return load_pipeline.cache_info().currsize > 0


class IngestProgress:
    """A rich progress display fed by ingest's ``Watch`` callbacks."""

    def __init__(self, total: int, console: Console, disable: bool = False,
                 loaded: Callable[[], bool] = model_loaded) -> None:
        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(bar_width=24), MofNCompleteColumn(), RateColumn(),
            TimeRemainingColumn(), console=console, disable=disable, transient=True,
        )
        self.loaded = loaded
        self.task: TaskID = self.progress.add_task("starting", total=total, unit="articles")
        self.link_task: TaskID | None = None

    def __enter__(self) -> IngestProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def step(self, step: Step, source: str) -> None:
        name = short_name(source)
        if step is Step.ANNOTATE and not self.loaded():
            text = f"loading the language model, then annotating {name}"
        else:
            text = f"{step} {name}"
        self.progress.update(self.task, description=text)

    def item(self, _source: str) -> None:
        self.progress.advance(self.task)

    def linked(self, done: int, total: int) -> None:
        if self.link_task is None:
            self.progress.update(self.task, description="read and annotated")
            self.link_task = self.progress.add_task("linking: entities, duplicates, stories, positions",
                                                    total=total, unit="documents")
        self.progress.update(self.link_task, completed=done)

    @property
    def watch(self) -> Watch:
        return Watch(step=self.step, item=self.item, linked=self.linked)
