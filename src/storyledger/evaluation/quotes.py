"""Score quote extraction and speaker attribution on PolNeAR-style JSON Lines.

Metric as agreed in the data's README: a predicted quote matches a gold attribution when its content
covers at least half of the gold content's characters; matching is one-to-one, greedy, largest overlap
first. Content P/R/F1 over those matches; speaker+content counts a match only when the predicted
speaker span overlaps a gold Source span. Both on all attributions and on the direct-quote subset
(content containing a quotation mark, on either side). For one article with several annotators the
record whose annotator id sorts first is the gold.

PolNeAR marks no coreference, so the name a "he"/"she" source stands for is read off its sources: walking
back from the pronoun through the sources before it (within three paragraphs), a pronoun source is passed
over (the same one again, or someone else), a name (a source that opens on a capital and is not a title
like "the spokesman") ends the walk with that name, and a description ("a campaign aide") ends it with
none: that pronoun stands for no one the text names and is not counted. Where someone else who is a
source in the article is named between that name and the pronoun (outside quote marks), the text alone
does not settle it and the pronoun is not counted either. A reading of the gold, not a resolution.
"""

from __future__ import annotations

import json
import re
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storyledger.records import AnnotatedArticle, Article, Entity, Mention, Quote

QUOTE_MARK = re.compile("[\"“”«»„]")
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "its", "their", "who", "which"}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "one", "another", "some",
               "these", "those", "two", "three", "several", "many"}


_CAPITALISED = re.compile(r"\b[A-Z][\w-]+")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
GENDERED = frozenset({"he", "him", "she", "her"})
NAME_REACH = 3  # paragraphs back a pronoun source's name may be


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    direct: bool
    name: tuple[int, int] | None = None  # for a he/she source: the name it stands for, where the text gives it


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
    pronouns: int = 0  # matched gold he/she sources whose name the text gives
    pronoun_right: int = 0  # ... whose predicted speaker resolves to that name
    pronoun_wrong: int = 0  # ... resolved to someone else (the rest are left unresolved)

    def add(self, other: Counts) -> None:
        for name in ("predicted", "gold", "content", "speaker", "referring", "resolved", "pronouns",
                     "pronoun_right", "pronoun_wrong"):
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

    @property
    def pronoun_right_share(self) -> float:
        return self.pronoun_right / self.pronouns if self.pronouns else 0.0


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
        articles.append(GoldArticle(doc_id, text, tuple(_with_names(text, golds))))
    return articles


def _with_names(text: str, golds: list[GoldAttribution]) -> list[GoldAttribution]:
    """Each he/she source with the name it stands for (see the module's docstring)."""
    sources = sorted({(s, e) for g in golds for s, e in g.source if e > s})
    para_starts = [0] + [m.end() for m in re.finditer(r"\n\s*", text)]
    speakers = {_surname(text[s:e]) for s, e in sources} - {None}
    out = []
    for g in golds:
        pronoun = [(s, e) for s, e in g.source if text[s:e].lower() in GENDERED]
        name = _name_for(text, pronoun[0], sources, para_starts) if len(g.source) == 1 and pronoun else None
        if name is not None and _rival_between(text, name, pronoun[0][0], speakers):
            name = None
        out.append(GoldAttribution(g.content, g.source, g.direct, name))
    return out


def _surname(said: str) -> str | None:
    words = _CAPITALISED.findall(said.replace("’s", "").replace("'s", ""))
    return words[-1] if words and not is_referring(said) and said[:1].isupper() else None


def _rival_between(text: str, name: tuple[int, int], at: int, speakers: set[str | None]) -> bool:
    """Whether someone else who speaks in the article is named between the name and the pronoun,
    outside quote marks: then the text alone does not say which of them the pronoun is."""
    between = _QUOTED.sub(" ", text[name[1]:at])
    own = _surname(text[name[0]:name[1]])
    return any(w in speakers and w != own for w in _CAPITALISED.findall(between))


def _name_for(text: str, pronoun: tuple[int, int], sources: list[tuple[int, int]],
              para_starts: list[int]) -> tuple[int, int] | None:
    reach = para_starts[max(0, bisect_right(para_starts, pronoun[0]) - 1 - NAME_REACH)]
    for s, e in reversed([x for x in sources if x[1] <= pronoun[0] and x[0] >= reach]):
        said = text[s:e]
        if said.lower() in PRONOUNS:
            continue  # the same one again, or someone else: the name is further back
        if is_referring(said) or not said[:1].isupper():
            return None
        return s, e
    return None


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


def _names(entity: Entity, mentions: list[Mention], span: tuple[int, int], text: str) -> bool:
    """Whether ``entity`` is the one named at ``span``: a mention of it there, or the same surname."""
    if any(m.entity_id == entity.id and m.start < span[1] and span[0] < m.end for m in mentions):
        return True
    surname = _surname(text[span[0]:span[1]])
    return surname is not None and entity.name.split()[-1:] == [surname]


def score_quotes(text: str, quotes: list[Quote], entities: dict[str, Entity],
                 golds: Iterable[GoldAttribution], mentions: list[Mention] | None = None) -> Counts:
    golds = list(golds)
    counts = Counts(predicted=len(quotes), gold=len(golds))
    for qi, gi in matches(quotes, golds):
        counts.content += 1
        speaker = quotes[qi].speaker
        name = golds[gi].name
        if name is not None:
            counts.pronouns += 1
            entity = entities.get(speaker.entity_id or "") if speaker is not None else None
            if entity is not None:
                right = _names(entity, mentions or [], name, text)
                counts.pronoun_right += right
                counts.pronoun_wrong += not right
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
        mentions = annotated.mentions
        report.all.add(score_quotes(gold.text, annotated.quotes, entities, gold.attributions, mentions))
        direct_quotes = [q for q in annotated.quotes if is_direct(gold.text, q)]
        report.direct.add(score_quotes(gold.text, direct_quotes, entities, [g for g in gold.attributions if g.direct],
                                       mentions))
    return report
