"""`storyledger bench memory`: peak memory (RSS) as ingest goes on, at checkpoints while storing and
then while linking (ingest links once everything is stored), in a fresh process.

Two corpora, because annotating 10,000 real articles takes hours here: ``real`` ingests PolNeAR dev
texts again and again (each copy made distinct by a numbered closing line, so none is skipped as
stored) through the whole ingest path; ``synthetic`` stores and links made-up annotated articles
(bench.synthetic) the way ingest does, which is where memory could grow with the ledger. A flat
curve in both is what "memory stays flat with corpus size" means.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Run in a fresh process: argv = kind, size, ledger, corpus folder, checkpoint every; prints JSON.
_RUN = """
import json, resource, sys
from pathlib import Path
kind, size, db, folder, every = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
stored, linked = [], []
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
def on_stored(_=None):
    n = len(stored) + 1
    stored.append(peak() if n % every == 0 or n == size else None)
def on_linked(done, total):
    if done % every == 0 or done == total:
        linked.append([done, peak()])
from storyledger.store import open_ledger
with open_ledger(db, durable=False) as ledger:
    if kind == "real":
        from storyledger.ingest import Watch, ingest
        ingest([folder], ledger, watch=Watch(item=on_stored, linked=on_linked), workers=1)
    else:
        from storyledger.bench.synthetic import SyntheticNews
        from storyledger.link.pipeline import link_new
        news = SyntheticNews()
        for _ in range(size):
            ledger.add(news.article())
            on_stored()
        link_new(ledger, on_linked)
print(json.dumps({"stored": [[i + 1, kb] for i, kb in enumerate(stored) if kb], "linked": linked, "final_kb": peak()}))
"""


@dataclass(slots=True)
class MemoryCurve:
    kind: str
    size: int
    stored: list[tuple[int, float]]  # (articles stored so far, peak RSS MiB so far)
    linked: list[tuple[int, float]]  # (articles linked so far, peak RSS MiB so far), after all are stored
    peak_mib: float  # at the end


def write_replicas(texts: list[Path], folder: Path, size: int) -> None:
    """``size`` text files: the corpus texts in turn, each copy with a closing line naming its number."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(size):
        src = texts[i % len(texts)]
        text = src.read_text(encoding="utf-8") + f"\n\nThis is copy {i + 1} of the story.\n"
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        meta = src.with_name(src.name + ".meta.json")
        if meta.exists():
            (folder / f"{i:06d}.txt.meta.json").write_bytes(meta.read_bytes())


def run_memory_bench(kind: str, size: int, workdir: Path, texts: list[Path] | None = None,
                     every: int | None = None) -> MemoryCurve:
    folder = workdir / f"{kind}-{size}"
    if kind == "real":
        write_replicas(texts or [], folder, size)
    every = every or max(size // 10, 1)
    out = subprocess.run([sys.executable, "-c", _RUN, kind, str(size), str(workdir / f"{kind}-{size}.db"),
                          str(folder), str(every)], check=True, capture_output=True, text=True).stdout
    data = json.loads(out.splitlines()[-1])
    return MemoryCurve(kind, size, [(n, kb / 1024) for n, kb in data["stored"]],
                       [(n, kb / 1024) for n, kb in data["linked"]], data["final_kb"] / 1024)
