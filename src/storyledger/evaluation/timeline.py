"""Score a timeline against an analyst's marks: are the repetitions and changes an analyst marked shown as
such, linked to the earlier statement the analyst names, and are the "changed" lines real changes?

The data is a folder with ``articles.jsonl`` (articles as ``storyledger ingest`` reads them, each with an
``id``) and ``marks.jsonl``, one analyst mark per line:
    {"article": "t2", "actor": "Norland", "says": "again rejected", "mark": "repeated",
     "earlier": {"article": "t1", "says": "rejected an offer"}}
    {"article": "t4", "actor": "Norland", "says": "accepted", "mark": "changed", "change": "reversed",
     "earlier": {"article": "t3", "says": "rejected a renewed offer"}}
``says`` is words of the sentence (case-insensitive); ``actor`` is matched against the line's actor;
``change`` is optional. The analyst marks every change of position in the corpus, so a "changed" line
that matches no analyst "changed" mark counts against precision. The articles are ingested into a
throwaway ledger and linked by the real pipeline.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from storyledger.link.embeddings import OFF
from storyledger.store import open_ledger
from storyledger.store.read_models import StatedLine, TimelineLine


@dataclass(frozen=True, slots=True)
class AnalystMark:
    article: str
    actor: str
    says: str
    mark: str
    change: str | None = None
    earlier_article: str | None = None
    earlier_says: str | None = None


@dataclass(slots=True)
class TimelineScores:
    lines: int = 0
    by_mark: Counter[str] = field(default_factory=Counter)
    marked: Counter[str] = field(default_factory=Counter)  # analyst marks per kind (repeated, changed)
    found: Counter[str] = field(default_factory=Counter)  # ... shown with that mark and the right earlier line
    changed_lines: int = 0
    changed_marked: int = 0  # changed lines that match an analyst's "changed" mark
    same_article: int = 0  # lines compared with a line of their own article (never right)

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.marked[kind] if self.marked[kind] else 0.0

    @property
    def changed_precision(self) -> float:
        return self.changed_marked / self.changed_lines if self.changed_lines else 0.0


def load_marks(path: Path) -> list[AnalystMark]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        earlier = row.get("earlier") or {}
        try:
            out.append(AnalystMark(row["article"], row["actor"], row["says"], row["mark"], row.get("change"),
                                   earlier.get("article"), earlier.get("says")))
        except KeyError as exc:
            raise ValueError(f"line {n}: no {exc.args[0]!r}") from exc
    return out


def _says(line: StatedLine, article: str, words: str, keys: dict[str, str]) -> bool:
    return keys.get(line.document_id) == article and words.lower() in line.evidence.lower()


def _shows(mark: AnalystMark, line: TimelineLine, keys: dict[str, str]) -> bool:
    """The line is the one the analyst marked, with the analyst's mark and earlier statement."""
    if not (_says(line, mark.article, mark.says, keys) and mark.actor.lower() in line.actor.lower()):
        return False
    if line.mark != mark.mark or (mark.change and line.change != mark.change):
        return False
    if mark.earlier_article is None:
        return True
    return line.earlier is not None and _says(line.earlier, mark.earlier_article, mark.earlier_says or "", keys)


def score(lines: list[TimelineLine], marks: list[AnalystMark], keys: dict[str, str]) -> TimelineScores:
    """``keys`` maps document ids to the corpus's article ids."""
    s = TimelineScores(lines=len(lines), by_mark=Counter(line.mark_label for line in lines))
    for mark in marks:
        if mark.mark in ("repeated", "changed"):
            s.marked[mark.mark] += 1
            s.found[mark.mark] += any(_shows(mark, line, keys) for line in lines)
    changed = [mark for mark in marks if mark.mark == "changed"]
    for line in lines:
        if line.earlier and keys.get(line.earlier.document_id) == keys.get(line.document_id):
            s.same_article += 1
        if line.mark == "changed":
            s.changed_lines += 1
            s.changed_marked += any(_says(line, m.article, m.says, keys) and m.actor.lower() in line.actor.lower()
                                    for m in changed)
    return s


@contextmanager
def _sentence_model(on: bool) -> Iterator[None]:
    before = os.environ.get(OFF)
    os.environ[OFF] = "" if on else "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ[OFF]
        else:
            os.environ[OFF] = before


def run(data: Path, sentence_model: bool = True) -> TimelineScores:
    """Ingest and link ``data``/articles.jsonl in a throwaway ledger and score its timeline."""
    from storyledger.ingest import ingest

    articles, marks = data / "articles.jsonl", load_marks(data / "marks.jsonl")
    ids = {n: json.loads(line)["id"] for n, line in enumerate(articles.read_text(encoding="utf-8").splitlines(), 1)
           if line.strip()}
    with tempfile.TemporaryDirectory() as tmp, _sentence_model(sentence_model), \
            open_ledger(Path(tmp) / "ledger.db", durable=False) as ledger:
        report = ingest([str(articles)], ledger)
        if not report.ok:
            raise ValueError(f"{articles}: {report.failed}")
        keys = {d.id: ids[int(d.source.rsplit(":", 1)[1])] for d in ledger.document_page(limit=100_000).items}
        return score(ledger.timeline_lines(limit=1_000_000), marks, keys)
