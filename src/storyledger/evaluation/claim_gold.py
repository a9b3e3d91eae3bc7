"""Hand-annotated claims (eval/claims: GUIDE.md, FORMAT.md) and the agreed metric over them.

A predicted claim matches a gold claim when its evidence overlaps the gold evidence and its actor
agrees: the last word of the gold actor's name equals the last word of the predicted actor's text, of
its entity's canonical name or of one of its aliases. Matching is one-to-one, greedy, largest overlap
first. Over the matches: same stance; same condition (both none, or overlapping); same date (both
none, or the predicted date starts with the gold one, given only as precisely as the text allows).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.language import Language

from storyledger.records import Claim, Entity, Stance

_WORD = re.compile(r"[\w][\w'’.&-]*")


@dataclass(frozen=True, slots=True)
class GoldClaim:
    start: int  # evidence offsets in the article text
    end: int
    actor: str
    actor_mention: str
    stance: Stance
    negated: bool
    action: str
    target: str | None
    condition: tuple[int, int] | None  # offsets in the article text
    when: str | None
    reported_by: str | None


@dataclass(frozen=True, slots=True)
class GoldClaimArticle:
    id: str
    text: str
    published: date | None
    claims: tuple[GoldClaim, ...]


def polnear_texts(path: Path, wanted: set[str] | None = None) -> dict[str, str]:
    """doc_id -> text of the record whose annotator id sorts first (as FORMAT.md says)."""
    best: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            doc_id = row["doc_id"]
            if wanted is not None and doc_id not in wanted:
                continue
            seen = best.get(doc_id)
            if seen is None or row["annotator"] < seen[0]:
                best[doc_id] = (row["annotator"], row["text"])
    return {k: v[1] for k, v in best.items()}


def doc_ids(path: Path) -> list[str]:
    """The article ids of a claims file, without reading any article text."""
    return [json.loads(line)["doc_id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_claims_gold(path: Path, limit: int | None = None, polnear: Path | None = None) -> list[GoldClaimArticle]:
    """The articles of a claims file (dev.jsonl or train.jsonl), their text read from ``polnear``
    (../polnear/ beside the claims folder unless given)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
    polnear = polnear or path.parent.parent / "polnear"
    texts: dict[str, str] = {}
    for name in sorted({r["polnear_file"] for r in rows}):
        texts.update(polnear_texts(polnear / name, {r["doc_id"] for r in rows if r["polnear_file"] == name}))
    articles = []
    for row in rows:
        text = texts[row["doc_id"]]
        claims = []
        for c in row["claims"]:
            start = text.find(c["evidence"])
            if start < 0:
                raise ValueError(f"{row['doc_id']}: evidence not in the text: {c['evidence'][:60]!r}")
            cond = None
            if c.get("condition"):
                at = c["evidence"].find(c["condition"])
                cond = (start + at, start + at + len(c["condition"])) if at >= 0 else None
            claims.append(GoldClaim(
                start, start + len(c["evidence"]), c["actor"], c.get("actor_mention") or "", Stance(c["stance"]),
                bool(c.get("negated")), c.get("action") or "", c.get("target"), cond, c.get("when"),
                c.get("reported_by"),
            ))
        published = date.fromisoformat(row["publication_date"]) if row.get("publication_date") else None
        articles.append(GoldClaimArticle(row["doc_id"], text, published, tuple(claims)))
    return articles


def last_word(name: str) -> str:
    words = _WORD.findall(name.casefold().replace("’", "'"))
    if not words:
        return ""
    word = words[-1].rstrip(".")
    return word[:-2] if word.endswith("'s") else word


def actor_words(claim: Claim, entities: dict[str, Entity]) -> set[str]:
    """Last words the metric accepts for a predicted actor: its text, its entities' names and aliases."""
    names = [claim.actor.text]
    for eid in claim.actor.entity_ids:
        entity = entities.get(eid)
        if entity is not None:
            names += [entity.name, *entity.aliases]
    return {w for w in map(last_word, names) if w}


def match(claims: Sequence[Claim], golds: Sequence[GoldClaim], entities: dict[str, Entity]) -> list[tuple[int, int]]:
    """(predicted index, gold index) pairs, one-to-one, largest evidence overlap first."""
    pairs = []
    for pi, c in enumerate(claims):
        words = actor_words(c, entities)
        for gi, g in enumerate(golds):
            overlap = min(c.evidence.end, g.end) - max(c.evidence.start, g.start)
            if overlap > 0 and last_word(g.actor) in words:
                pairs.append((overlap, -pi, -gi, pi, gi))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for *_, pi, gi in sorted(pairs, reverse=True):
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        out.append((pi, gi))
    return out


def same_condition(claim: Claim, gold: GoldClaim) -> bool:
    if claim.condition is None or gold.condition is None:
        return claim.condition is None and gold.condition is None
    return claim.condition.start < gold.condition[1] and gold.condition[0] < claim.condition.end


def same_date(claim: Claim, gold: GoldClaim) -> bool:
    predicted = claim.when.date.isoformat() if claim.when is not None and claim.when.date is not None else None
    if predicted is None or gold.when is None:
        return predicted is None and gold.when is None
    return predicted.startswith(gold.when)


@dataclass(slots=True)
class ClaimCounts:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    stance: int = 0
    condition: int = 0
    date: int = 0

    def add(self, other: ClaimCounts) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def share(self, name: str) -> float:
        return getattr(self, name) / self.matched if self.matched else 0.0


def score_article(claims: Sequence[Claim], golds: Sequence[GoldClaim], entities: dict[str, Entity]) -> ClaimCounts:
    counts = ClaimCounts(predicted=len(claims), gold=len(golds))
    for pi, gi in match(claims, golds, entities):
        c, g = claims[pi], golds[gi]
        counts.matched += 1
        counts.stance += c.stance == g.stance
        counts.condition += same_condition(c, g)
        counts.date += same_date(c, g)
    return counts


@dataclass(slots=True)
class ArticleRun:
    """One article's gold and what a run kept: its claims at each threshold of the curve, the
    baseline's claims, and the article's entities."""

    gold: GoldClaimArticle
    by_threshold: dict[float, list[Claim]]
    baseline: list[Claim]
    entities: dict[str, Entity]


@dataclass(slots=True)
class ClaimReport:
    runs: list[ArticleRun] = field(default_factory=list)
    seconds: float = 0.0

    def _total(self, claims_of: Callable[[ArticleRun], list[Claim]]) -> ClaimCounts:
        total = ClaimCounts()
        for run in self.runs:
            total.add(score_article(claims_of(run), run.gold.claims, run.entities))
        return total

    def at(self, threshold: float) -> ClaimCounts:
        return self._total(lambda run: run.by_threshold[threshold])

    def baseline(self) -> ClaimCounts:
        return self._total(lambda run: run.baseline)

    @property
    def articles(self) -> int:
        return len(self.runs)


# A run's answer for one article: (claims kept at each threshold, the baseline's claims, entities).
Predictor = Callable[[GoldClaimArticle], tuple[dict[float, list[Claim]], list[Claim], list[Entity]]]


def evaluate(articles: Iterable[GoldClaimArticle], predict: Predictor) -> ClaimReport:
    report = ClaimReport()
    for article in articles:
        start = time.perf_counter()
        by_threshold, baseline, entities = predict(article)
        report.seconds += time.perf_counter() - start
        report.runs.append(ArticleRun(article, by_threshold, baseline, {e.id: e for e in entities}))
    return report


def pipeline_predictor(nlp: Language, thresholds: Sequence[float]) -> Predictor:
    """Annotate each article with the project's pipeline and return its claims at every threshold (the
    abstention curve) and the rules-only baseline's (a candidate is kept when a stance word sets its
    stance, with no learned scorer)."""
    from storyledger.annotate.claims.component import RULES_THRESHOLD, scored_candidates, select
    from storyledger.annotate.claims.scorer import load_scorer

    scorer = load_scorer()

    def predict(article: GoldClaimArticle) -> tuple[dict[float, list[Claim]], list[Claim], list[Entity]]:
        doc = nlp.make_doc(article.text)
        doc._.sl_published = article.published
        for name, proc in nlp.pipeline:
            if name != "storyledger_claims":
                doc = proc(doc)
        scored = scored_candidates(doc, scorer)
        by_threshold = {t: select(doc, scored, t) for t in thresholds}
        baseline = select(doc, scored_candidates(doc, None), RULES_THRESHOLD)
        return by_threshold, baseline, list(doc._.sl_entities or [])

    return predict
