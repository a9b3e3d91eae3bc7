"""Score entity resolution: named-entity chains on ECB+, and an audit of wrong merges in a ledger.

ECB+ (see ../shared/eval/coref/FORMAT.md): the key is the gold entity mentions that are proper
names, in the sentences checked for coreference, with their cross-document chains (singletons
kept). A mention is a proper name when its head (last word) is capitalised and, if it opens its
sentence, the word is not written in lower case anywhere in the corpus ("Police said" is not a
name). End to end: our annotation finds the mentions, our within- and cross-document resolution
chains them; a predicted mention stands for a gold one when each holds the other's head (last
word), one to one, largest overlap first. Unannotated names are not counted against us (ECB+
annotates only what bears on its events), so the response is the predicted mentions aligned to
gold ones. The baseline chains the same mentions by their normalised text.

The audit counts ledger entities that hold two full personal names that cannot be one person
(``person_names.distinct_full_names``): a lower bound on wrong merges.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from storyledger.evaluation.coref_metrics import CorefScores, chains, score
from storyledger.annotate.entities.roles import TITLE_WORDS
from storyledger.link.entity_review import clashing_full_names
from storyledger.link.record_names import document_records
from storyledger.link.resolution import resolve
from storyledger.link.text import fold
from storyledger.records import Entity, EntityType, Mention

Annotated = Mapping[str, tuple[list[Entity], list[Mention]]]  # document id -> its entities and mentions
_HEAD_SKIP = {"'s", "'", "’s", ",", ".", "''", "``", '"', ")", "("}
_CUT = {"in", "of", "on", "at", "near", "between", "off", "along", "from", "to", "for", "outside", "inside", "with"}
_LEADING = _CUT | {"the", "a", "an", "into", "across", "toward", "towards", "around", "through"}


_TITLES = {w.rstrip(".") for w in TITLE_WORDS}


@dataclass(frozen=True, slots=True)
class GoldMention:
    id: str  # "<doc>:<m_id>"
    start: int
    end: int
    head: tuple[int, int]
    chain: str


@dataclass(frozen=True, slots=True)
class EcbDocument:
    id: str
    topic: int
    text: str  # as the corpus gives it: tokens joined by spaces
    selected: tuple[tuple[int, int], ...]  # character ranges of the sentences checked for coreference
    mentions: tuple[GoldMention, ...]  # named entity mentions in those sentences
    clean_text: str = ""  # the text as printed (see detokenize): what our annotation reads
    offsets: tuple[int, ...] = ()  # clean_text character -> its offset in text

    def to_corpus(self, m: Mention) -> Mention:
        """A mention found in clean_text, with offsets into the corpus text."""
        start, end = self.offsets[m.start], self.offsets[max(m.end - 1, m.start)] + 1
        return Mention(m.entity_id, start, end, self.text[start:end])


_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "%", "''", "n't"}
_NO_SPACE_AFTER = {"(", "[", "``", "$"}
_PRINTED = {"``": "“", "''": "”"}


def detokenize(text: str) -> tuple[str, tuple[int, ...]]:
    """The corpus text as a newspaper prints it ("Mr. LaRue's", "U.S.", "court-mandated", “...”),
    with the offset of each character in the tokenised text. The small parser was trained on
    printed text: fed "Mr . LaRue 's" it finds other names, and the figure would measure the
    tokenisation, not the resolution."""
    out: list[str] = []
    where: list[int] = []
    at = 0
    for line in text.split("\n"):
        tokens = [(m.start() + at, m.group()) for m in re.finditer(r"\S+", line)]
        words = [t for _, t in tokens]
        for k, (start, tok) in enumerate(tokens):
            if k and _spaced(words, k):
                out.append(" ")
                where.append(start - 1)
            shown = _PRINTED.get(tok, tok)
            for i, ch in enumerate(shown):
                out.append(ch)
                where.append(start + min(i, len(tok) - 1))
        at += len(line) + 1
        out.append("\n")
        where.append(at - 1)
    out.pop()
    where.pop()
    where.append(len(text))
    return "".join(out), tuple(where)


def _spaced(words: list[str], k: int) -> bool:
    tok, prev = words[k], words[k - 1]
    before = words[k - 2] if k >= 2 else ""
    after = words[k + 1] if k + 1 < len(words) else ""
    if tok in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER or (tok.startswith("'") and 1 < len(tok) <= 3):
        return False
    if tok == "-" and prev[-1:].isalnum() and after[:1].isalnum():
        return False
    if prev == "-" and before[-1:].isalnum() and tok[:1].isalnum():
        return False
    if prev == "." and len(before) == 1 and before.isupper() and len(tok) == 1 and tok.isupper():
        return False  # U . S . -> U.S.
    if prev in (".", ":", ",") and before.isdigit() and tok.isdigit() and (prev != "," or len(tok) == 3):
        return False  # 6 . 1, 1 : 32, 120 , 000
    return True


def _head(text: str, start: int, end: int) -> tuple[int, int]:
    """The head word of a gold mention: the last word before a preposition or comma that follows
    it ("Gulf" of "in the Gulf of Aden", "bank" of "a bank in Athens"), else its last word."""
    tokens = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    words = [text[s:e] for s, e in tokens]
    i = 0
    while i < len(words) - 1 and words[i].lower() in _LEADING:
        i += 1
    j = i + 1
    while j < len(words) and words[j].lower() not in _CUT and words[j] not in (",", "("):
        j += 1
    kept = tokens[i:j]
    while len(kept) > 1 and text[kept[-1][0]:kept[-1][1]] in _HEAD_SKIP:
        kept.pop()
    return kept[-1] if kept else (start, end)


def load_ecb(path: Path, topics: Iterable[int] | None = None) -> list[EcbDocument]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = set(topics) if topics is not None else None
    rows = [r for r in rows if wanted is None or r["topic"] in wanted]
    lower = set()
    for r in rows:
        for line in r["text"].split("\n"):
            lower.update(w for w in line.split()[1:] if w.islower())
    return [_document(r, lower) for r in sorted(rows, key=lambda r: r["doc_id"])]


def _document(row: dict, lower: set[str]) -> EcbDocument:
    text = row["text"]
    starts, at = [], 0
    for line in text.split("\n"):
        starts.append((at, at + len(line)))
        at += len(line) + 1
    line_of = {sid: starts[i] for i, sid in enumerate(row["sentence_ids"])}
    selected = tuple(line_of[s] for s in row["selected_sentences"] if s in line_of)
    mentions = []
    for m in row["mentions"]:
        if m["kind"] != "entity" or m["type"].startswith("TIME") or not m["in_selected_sentence"]:
            continue
        head = _head(text, m["start"], m["end"])
        word = text[head[0]:head[1]]
        if not (word[:1].isupper() or any(c.isupper() for c in word[1:]) and word[:1].isalpha()) \
                or word.lower().rstrip(".") in _TITLES:
            continue  # a common noun, or a title ("Surgeon General"): not a proper name
        if head[0] == line_of[m["sentence"]][0] and word.lower() in lower:
            continue  # a common word opening the sentence
        chain = m["chain_id"] or f"single:{row['doc_id']}:{m['m_id']}"
        mentions.append(GoldMention(f"{row['doc_id']}:{m['m_id']}", m["start"], m["end"], head, chain))
    clean, offsets = detokenize(text)
    return EcbDocument(row["doc_id"], row["topic"], text, selected, tuple(mentions), clean, offsets)


def align(gold: Iterable[GoldMention], predicted: Iterable[Mention]) -> dict[str, Mention]:
    """Gold mention id -> the predicted mention standing for it: each span holds the other's last
    word; one to one, largest overlap first."""
    pairs = []
    preds = list(predicted)
    for g in gold:
        for i, p in enumerate(preds):
            if p.start >= g.end or g.start >= p.end:
                continue
            p_head = _last_word(p)
            if p.start <= g.head[0] and g.head[1] <= p.end and g.start <= p_head[0] and p_head[1] <= g.end:
                overlap = min(p.end, g.end) - max(p.start, g.start)
                pairs.append((-overlap, g.start, i, g.id))
    out: dict[str, Mention] = {}
    used: set[int] = set()
    for _, _, i, gid in sorted(pairs):
        if gid not in out and i not in used:
            out[gid] = preds[i]
            used.add(i)
    return out


def _last_word(m: Mention) -> tuple[int, int]:
    words = [(x.start(), x.end()) for x in re.finditer(r"[^\s'’]+", m.text)]
    s, e = words[-1] if words else (0, len(m.text))
    return m.start + s, m.start + e


def normalised_name(text: str) -> str:
    """The baseline's key: folded words without a leading article, honorific or possessive."""
    words = re.findall(r"[a-z0-9]+", fold(re.sub(r"['’]s\b", "", text)))
    while len(words) > 1 and words[0] in {"the", "mr", "mrs", "ms", "dr", "sir", "president", "sen", "rep", "gov"}:
        words.pop(0)
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class EcbScores:
    documents: int
    gold_mentions: int
    aligned: int
    system: CorefScores
    within_document: CorefScores  # our within-document chains only, no cross-document resolution
    baseline: CorefScores  # same normalised name


def evaluate_ecb(docs: list[EcbDocument], annotated: Annotated) -> EcbScores:
    key: dict[str, str] = {}
    system: dict[str, str] = {}
    within: dict[str, str] = {}
    baseline: dict[str, str] = {}
    records = []
    aligned: dict[str, tuple[str, Mention]] = {}
    for doc in docs:
        entities, found = annotated[doc.id]
        records += document_records(doc.id, None, entities, found)
        mentions = [doc.to_corpus(m) for m in found]
        in_selected = [m for m in mentions if any(s <= m.start and m.end <= e for s, e in doc.selected)]
        for g in doc.mentions:
            key[g.id] = g.chain
        for gid, m in align(doc.mentions, in_selected).items():
            aligned[gid] = (doc.id, m)
    entity_of = {ref: e.id for e in resolve(records) for ref in e.members}
    for gid, (doc_id, m) in aligned.items():
        system[gid] = entity_of.get((doc_id, m.entity_id), f"{doc_id}:{m.entity_id}")
        within[gid] = f"{doc_id}:{m.entity_id}"
        baseline[gid] = normalised_name(m.text)
    gold = chains(key)
    return EcbScores(len(docs), len(key), len(aligned), score(gold, chains(system)), score(gold, chains(within)),
                     score(gold, chains(baseline)))


# -- audit ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class AuditedEntity:
    """What the audit needs of a ledger entity."""

    id: str
    name: str
    type: EntityType
    names: tuple[str, ...]
    documents: int = 0


@dataclass(slots=True)
class AuditFinding:
    entity: AuditedEntity
    clashing: list[str] = field(default_factory=list)  # full names no two of which can be one person


def audit(entities: Iterable[AuditedEntity]) -> list[AuditFinding]:
    """Person entities holding two or more full personal names that cannot be one person."""
    out = [AuditFinding(e, clash) for e in entities
           if e.type is EntityType.PERSON and (clash := clashing_full_names(e.names))]
    return sorted(out, key=lambda f: (-f.entity.documents, f.entity.id))


# -- running it ----------------------------------------------------------------------------------

SPLITS: dict[str, Callable[[int], bool]] = {
    "odd topics": lambda topic: topic % 2 == 1,
    "even topics": lambda topic: topic % 2 == 0,
    "all topics": lambda topic: True,
}


def annotate_texts(texts: Mapping[str, str], nlp: Language | None = None) -> dict[str, tuple[list[Entity], list[Mention]]]:
    """Entities and mentions of each text, by our pipeline with only the entity component of ours
    running (quotes and claims do not change them, and would triple the time)."""
    from storyledger.annotate.nlp import COMPONENTS, load_pipeline

    nlp = nlp or load_pipeline()
    ids = list(texts)
    out = {}
    with nlp.select_pipes(disable=[c for c in COMPONENTS if c != "storyledger_entities"]):
        for doc_id, doc in zip(ids, nlp.pipe((texts[i] for i in ids), batch_size=32)):
            out[doc_id] = (doc._.sl_entities or [], doc._.sl_mentions or [])
    return out


def run_ecb(docs: list[EcbDocument], nlp: Language | None = None) -> dict[str, EcbScores]:
    """Each split of the documents resolved as a ledger of its own, and scored."""
    annotated = annotate_texts({d.id: d.clean_text for d in docs}, nlp)
    return {name: evaluate_ecb([d for d in docs if keep(d.topic)], annotated) for name, keep in SPLITS.items()}


def read_texts(path: Path) -> dict[str, str]:
    """Article texts of a PolNeAR-style JSON Lines file (one per doc_id, the first annotator's)."""
    rows: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            key, annotator = f"{path.stem}:{row['doc_id']}", str(row.get("annotator", ""))
            if key not in rows or annotator < rows[key][0]:
                rows[key] = (annotator, row["text"])
    return {k: text for k, (_, text) in sorted(rows.items())}


def audit_texts(texts: Mapping[str, str], nlp: Language | None = None) -> tuple[int, list[AuditFinding]]:
    """Resolve the texts as one ledger and audit it; returns the number of entities and the findings."""
    annotated = annotate_texts(texts, nlp)
    records = [r for doc_id, (ents, ments) in annotated.items() for r in document_records(doc_id, None, ents, ments)]
    entities = resolve(records)
    return len(entities), audit(AuditedEntity(e.id, e.name, e.type, tuple(e.aliases), len({d for d, _ in e.members}))
                                for e in entities)
