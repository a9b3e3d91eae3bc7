"""Score time expressions against TimeML gold (TempEval-3 TBAQ as JSON Lines), the TempEval-3 way.

Definitions follow TempEval-3's official entity scorer (``evaluate_entities.py`` after its
TimeML-Normalizer has aligned the system's TIMEX3 with the gold ones):
- a system expression matches a gold one when their extents overlap (relaxed) and strictly when the
  extents are identical; alignment is one-to-one (exact extents first, then largest overlap);
- relaxed/strict P = matches / system expressions, R = matches / gold expressions;
- type and value accuracy = share of relaxed matches whose attribute equals the gold one (string equality);
- type and value F1 = accuracy x relaxed F1 (the scorer's "Attribute F1").

``restrict`` scores one set of types, e.g. DATE and TIME: the gold of those types, and the system
expressions that either match such gold or match no gold and carry one of those types (so a duration
found where the gold has a duration is neither credited nor held against the DATE/TIME figures).
Documents are split by a hash of their id (one in four held out) so rules are tuned on one part and
reported on both.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.tokens import Doc

from storyledger.annotate.times.component import find_times
from storyledger.annotate.times.periods import Precision, value_at

HOLD_OUT_EVERY = 4
DATE_TIME = frozenset({"DATE", "TIME"})


def is_held_out(doc_id: str) -> bool:
    """Deterministic split by id hash: the same documents are held out on every machine and run."""
    return int(hashlib.sha256(doc_id.encode()).hexdigest()[:8], 16) % HOLD_OUT_EVERY == 0


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 as the scorer sees it: extent (character offsets), type and value."""

    start: int
    end: int
    type: str
    value: str | None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    dct: date
    text: str
    timexes: tuple[Timex, ...]

    @property
    def held_out(self) -> bool:
        return is_held_out(self.id)


def load_gold(path: Path, limit: int | None = None) -> list[GoldDocument]:
    """Read tbaq.jsonl-style lines (FORMAT.md beside the data); raises ValueError/KeyError on other input."""
    docs = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            row = json.loads(line)
            timexes = tuple(Timex(t["start"], t["end"], t["type"], t["value"]) for t in row["timexes"])
            docs.append(GoldDocument(row["doc_id"], date.fromisoformat(row["dct"]), row["text"], timexes))
    docs.sort(key=lambda d: d.id)
    return docs[:limit] if limit else docs


def align(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one (gold, system) pairs of overlapping extents: identical extents first, then by overlap."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                exact = g.start == s.start and g.end == s.end
                candidates.append((not exact, -overlap, gi, si))
    candidates.sort()
    used_g, used_s, pairs = set(), set(), []
    for _, _, gi, si in candidates:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gold[gi], system[si]))
    return pairs


@dataclass(slots=True)
class Scores:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, gold: Sequence[Timex], system: Sequence[Timex]) -> None:
        self.gold += len(gold)
        self.system += len(system)
        for g, s in align(gold, system):
            self.relaxed += 1
            self.strict += g.start == s.start and g.end == s.end
            self.type_ok += g.type == s.type
            self.value_ok += g.value == s.value

    @property
    def relaxed_precision(self) -> float:
        return _ratio(self.relaxed, self.system)

    @property
    def relaxed_recall(self) -> float:
        return _ratio(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def strict_f1(self) -> float:
        return _f1(_ratio(self.strict, self.system), _ratio(self.strict, self.gold))

    @property
    def type_accuracy(self) -> float:
        return _ratio(self.type_ok, self.relaxed)

    @property
    def value_accuracy(self) -> float:
        return _ratio(self.value_ok, self.relaxed)

    @property
    def type_f1(self) -> float:
        return self.type_accuracy * self.relaxed_f1

    @property
    def value_f1(self) -> float:
        return self.value_accuracy * self.relaxed_f1


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def restrict(gold: Sequence[Timex], system: Sequence[Timex], types: frozenset[str]) -> tuple[list[Timex], list[Timex]]:
    """The gold of ``types`` and the system expressions that belong to their evaluation (module doc)."""
    matched = {id(s): g for g, s in align(gold, system)}
    kept = [s for s in system if (matched[id(s)].type in types if id(s) in matched else s.type in types)]
    return [g for g in gold if g.type in types], kept


@dataclass(slots=True)
class Report:
    """Scores on all types and on DATE+TIME, each overall and per half of the split."""

    documents: int = 0
    held_out_documents: int = 0
    seconds: float = 0.0
    all_types: Scores = field(default_factory=Scores)
    date_time: Scores = field(default_factory=Scores)
    date_time_tuning: Scores = field(default_factory=Scores)
    date_time_held_out: Scores = field(default_factory=Scores)

    def add(self, doc: GoldDocument, system: Sequence[Timex]) -> None:
        self.documents += 1
        self.held_out_documents += doc.held_out
        self.all_types.add(doc.timexes, system)
        gold, kept = restrict(doc.timexes, system, DATE_TIME)
        self.date_time.add(gold, kept)
        (self.date_time_held_out if doc.held_out else self.date_time_tuning).add(gold, kept)


def storyledger_timexes(doc: Doc, dct: date) -> list[Timex]:
    """What the times component finds in a parsed document, as the scorer sees it."""
    return [Timex(t.start, t.end, t.kind.upper(), t.value) for t in find_times(doc, dct)]


_BASELINE_PRECISION = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH,
                       "year": Precision.YEAR}


@lru_cache(maxsize=512)
def _dateparser(dct: date) -> DateDataParser:
    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
        "RELATIVE_BASE": datetime(dct.year, dct.month, dct.day)})


def baseline_timexes(doc: Doc, dct: date) -> list[Timex]:
    """The simple baseline: spaCy's DATE and TIME entities, each valued by dateparser (past-leaning,
    relative to the DCT) at the period it reports; what storyledger did before its own grammar."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in DATE_TIME:
            continue
        try:
            data = _dateparser(dct).get_date_data(ent.text)
        except (ValueError, OverflowError, TypeError):
            data = None
        value = None
        if data is not None and data.date_obj is not None:
            value = value_at(data.date_obj.date(), _BASELINE_PRECISION.get(data.period or "day", Precision.DAY))
        found.append(Timex(ent.start_char, ent.end_char, ent.label_, value))
    return found


def run(docs: Sequence[GoldDocument], nlp: Language) -> tuple[Report, Report]:
    """Parse each document once and score storyledger's times and the baseline on the same parses;
    the storyledger report's time is its own (parsing excluded)."""
    ours, baseline = Report(), Report()
    names = [name for name, _ in nlp.pipeline if name.startswith("storyledger_")]
    with nlp.select_pipes(disable=names):
        for gold, doc in zip(docs, nlp.pipe(d.text for d in docs)):
            started = time.perf_counter()
            ours.add(gold, storyledger_timexes(doc, gold.dct))
            ours.seconds += time.perf_counter() - started
            baseline.add(gold, baseline_timexes(doc, gold.dct))
    return ours, baseline
