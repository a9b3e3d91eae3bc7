"""Score quote extraction and speaker attribution on PolNeAR-style JSON Lines.

Metric as agreed in the data's README: a predicted quote matches a gold attribution when its content
covers at least half of the gold content's characters; matching is one-to-one, greedy, largest overlap
first. Content P/R/F1 over those matches; speaker+content counts a match only when the predicted
speaker span overlaps a gold Source span. Both on all attributions and on the direct-quote subset
(content containing a quotation mark, on either side). For one article with several annotators the
record whose annotator id sorts first is the gold.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storyledger.records import AnnotatedArticle, Article, Entity, Quote

QUOTE_MARK = re.compile("[\"“”«»„]")
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "its", "their", "who", "which"}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "one", "another", "some",
               "these", "those", "two", "three", "several", "many"}


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    direct: bool


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    attributions: tuple[GoldAttribution, ...]


@dataclass(slots=True)
class Counts:
    predicted: int = 0
    gold: int = 0
    content: int = 0
    speaker: int = 0
    referring: int = 0  # matched speakers given by pronoun or title
    resolved: int = 0  # ... of which resolved to a named entity

    def add(self, other: Counts) -> None:
        for name in ("predicted", "gold", "content", "speaker", "referring", "resolved"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = hits / predicted if predicted else 0.0
        r = hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def content_prf(self) -> tuple[float, float, float]:
        return self._prf(self.content, self.predicted, self.gold)

    @property
    def speaker_prf(self) -> tuple[float, float, float]:
        return self._prf(self.speaker, self.predicted, self.gold)

    @property
    def resolved_share(self) -> float:
        return self.resolved / self.referring if self.referring else 0.0


@dataclass(slots=True)
class Report:
    all: Counts = field(default_factory=Counts)
    direct: Counts = field(default_factory=Counts)
    articles: int = 0
    seconds: float = 0.0

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def load_gold(path: Path, limit: int | None = None) -> list[GoldArticle]:
    best: dict[str, dict] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            seen = best.get(row["doc_id"])
            if seen is None or row["annotator"] < seen["annotator"]:
                best[row["doc_id"]] = row
    articles = []
    for doc_id in sorted(best)[:limit]:
        row = best[doc_id]
        text = row["text"]
        golds = []
        for a in row.get("attributions", []):
            content = tuple((s["start"], s["end"]) for s in a.get("content", []) if s["end"] > s["start"])
            if not content:
                continue
            source = tuple((s["start"], s["end"]) for s in a.get("source", []))
            direct = any(QUOTE_MARK.search(text[s:e]) for s, e in content)
            golds.append(GoldAttribution(content, source, direct))
        articles.append(GoldArticle(doc_id, text, tuple(golds)))
    return articles


def _covered(pred: list[tuple[int, int]], gold: tuple[tuple[int, int], ...]) -> int:
    return sum(max(0, min(pe, ge) - max(ps, gs)) for ps, pe in pred for gs, ge in gold)


def is_referring(speaker_text: str) -> bool:
    """A speaker given by pronoun or title ("he", "the spokesperson") rather than by name."""
    words = speaker_text.lower().replace("’", "'").split()
    return bool(words) and (" ".join(words) in PRONOUNS or words[0] in DETERMINERS)


def is_named(entity: Entity | None) -> bool:
    return entity is not None and not is_referring(entity.name)


def matches(quotes: list[Quote], golds: list[GoldAttribution] | tuple[GoldAttribution, ...]) -> list[tuple[int, int]]:
    """(quote index, gold index) pairs: content covering at least half the gold's characters,
    one-to-one, largest overlap first."""
    pairs = []
    for qi, q in enumerate(quotes):
        spans = [(s.start, s.end) for s in q.content]
        for gi, g in enumerate(golds):
            size = sum(e - s for s, e in g.content)
            overlap = _covered(spans, g.content)
            if size and overlap * 2 >= size:
                pairs.append((overlap, -qi, -gi, qi, gi))
    used_q: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, _, _, qi, gi in sorted(pairs, reverse=True):
        if qi in used_q or gi in used_g:
            continue
        used_q.add(qi)
        used_g.add(gi)
        out.append((qi, gi))
    return out


def score_quotes(text: str, quotes: list[Quote], entities: dict[str, Entity],
                 golds: Iterable[GoldAttribution]) -> Counts:
    golds = list(golds)
    counts = Counts(predicted=len(quotes), gold=len(golds))
    for qi, gi in matches(quotes, golds):
        counts.content += 1
        speaker = quotes[qi].speaker
        if speaker is None:
            continue
        if any(speaker.start < e and s < speaker.end for s, e in golds[gi].source):
            counts.speaker += 1
            if is_referring(speaker.text):
                counts.referring += 1
                counts.resolved += is_named(entities.get(speaker.entity_id or ""))
    return counts


def is_direct(text: str, quote: Quote) -> bool:
    return any(QUOTE_MARK.search(text[s.start:s.end]) for s in quote.content)


def evaluate(articles: Iterable[GoldArticle], annotator: Callable[[Article], AnnotatedArticle]) -> Report:
    report = Report()
    for gold in articles:
        article = Article(source=gold.id, text=gold.text)
        start = time.perf_counter()
        annotated = annotator(article)
        report.seconds += time.perf_counter() - start
        report.articles += 1
        entities = {e.id: e for e in annotated.entities}
        report.all.add(score_quotes(gold.text, annotated.quotes, entities, gold.attributions))
        direct_quotes = [q for q in annotated.quotes if is_direct(gold.text, q)]
        report.direct.add(score_quotes(gold.text, direct_quotes, entities, [g for g in gold.attributions if g.direct]))
    return report
