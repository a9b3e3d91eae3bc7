"""`storyledger bench pipeline`: storyledger's per-article work against a naive reference pipeline on
the same fixed corpus, in one process, with rounds alternating which goes first (the machine is shared,
so CPU time is what is compared, median over rounds).

The naive reference is what anyone would write first: trafilatura on each HTML page, then spaCy's
whole default pipeline on each body, nothing else. It lives here, never in the product. Start-up is
measured apart, in fresh processes: a storyledger command that annotates (ingest of one short text)
against the bare spaCy load annotating the same sentence.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storyledger.annotate.nlp import WARM_TEXT
from storyledger.config import spacy_model
from storyledger.records import Hints, RawDocument
from storyledger.sources import read_path

# Both start-up probes annotate the same made-up article, so each does the lazy loading its first
# article triggers.
PROBE = WARM_TEXT


@dataclass(slots=True)
class PipelineResult:
    articles: int
    ours_cpu: list[float]  # CPU seconds for the whole corpus, per round
    naive_cpu: list[float]
    ours_startup: list[float]  # CPU seconds of a fresh process, per round
    bare_startup: list[float]

    @property
    def ours_per_article(self) -> float:
        return statistics.median(self.ours_cpu) / self.articles

    @property
    def naive_per_article(self) -> float:
        return statistics.median(self.naive_cpu) / self.articles

    @property
    def ratio(self) -> float:
        return self.ours_per_article / self.naive_per_article

    @property
    def startup_extra(self) -> float:
        return statistics.median(self.ours_startup) - statistics.median(self.bare_startup)


def read_corpus(files: list[Path]) -> list[RawDocument]:
    return [item for path in files for item in read_path(path, Hints()) if isinstance(item, RawDocument)]


def ours(raws: list[RawDocument]) -> Callable[[], None]:
    """storyledger's per-article work (extract, then annotate), the pipeline loaded and warmed first."""
    from storyledger.annotate.nlp import load_pipeline
    from storyledger.process import process

    nlp = load_pipeline()
    process(raws[0], nlp)

    def run() -> None:
        for raw in raws:
            process(raw, nlp)

    return run


def naive(raws: list[RawDocument]) -> Callable[[], None]:
    """The naive reference: trafilatura on HTML, then spaCy's full default pipeline on each body."""
    import spacy
    import trafilatura

    nlp = spacy.load(spacy_model())
    nlp(PROBE)

    def body(raw: RawDocument) -> str:
        data = raw.data.decode("utf-8", "replace") if raw.data is not None else raw.text or ""
        return (trafilatura.extract(data) or "") if raw.hints.format == "html" else data

    def run() -> None:
        for raw in raws:
            nlp(body(raw))

    return run


def cpu_seconds(work: Callable[[], None]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def child_cpu_seconds(argv: list[str], cwd: Path) -> float:
    """CPU time (user + system) of one child process run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, cwd=cwd, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def startup_argvs(folder: Path) -> tuple[list[str], list[str]]:
    """(storyledger ingest of one short text, bare spaCy load annotating the same text)."""
    probe = folder / "probe.txt"
    probe.write_text(PROBE, encoding="utf-8")
    ingest = [sys.executable, "-c", "from storyledger.views.cli.app import main; main()", "ingest", str(probe),
              "--db", str(folder / "probe.db"), "--published", "2024-03-04", "--quiet"]
    bare = [sys.executable, "-c", f"import spacy, pathlib; spacy.load({spacy_model()!r})(pathlib.Path({str(probe)!r}).read_text())"]
    return ingest, bare


def run_pipeline_bench(files: list[Path], rounds: int = 3, startup: bool = True) -> PipelineResult:
    raws = read_corpus(files)
    runs = {"ours": ours(raws), "naive": naive(raws)}
    cpu: dict[str, list[float]] = {"ours": [], "naive": []}
    for i in range(rounds):
        for name in (("ours", "naive") if i % 2 == 0 else ("naive", "ours")):
            cpu[name].append(cpu_seconds(runs[name]))
    starts: dict[str, list[float]] = {"ours": [], "bare": []}
    if startup:
        with tempfile.TemporaryDirectory() as tmp:
            argvs = dict(zip(("ours", "bare"), startup_argvs(Path(tmp))))
            for i in range(rounds):
                for name in (("ours", "bare") if i % 2 == 0 else ("bare", "ours")):
                    (Path(tmp) / "probe.db").unlink(missing_ok=True)
                    starts[name].append(child_cpu_seconds(argvs[name], Path(tmp)))
    return PipelineResult(len(raws), cpu["ours"], cpu["naive"], starts["ours"], starts["bare"])
