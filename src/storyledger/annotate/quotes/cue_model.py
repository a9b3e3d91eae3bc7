"""Learned attribution cues: which tokens report speech, belief or intent, and which of their
dependents (or the clause they hang from) make up what is attributed.

Two linear models trained on PolNeAR train (training.train_quotes) read the same spaCy
parse as the rules in quote_cues: a cue scorer over tokens (lemma, tag, dependency, the
dependents it has) and a content scorer over each dependent of a cue plus one pseudo-dependent
for the clause above it ("X is true, he said"; "according to X"). The rules name the cue lemmas
they know; the models add the long tail PolNeAR annotates (beliefs, plans, noun cues, "see",
"declined"...). When the shipped file is absent every function here returns nothing and the rules
run alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from storyledger.annotate.quotes.cues import (
    BELIEVING,
    CUE_LEMMAS,
    DIRECTIVE,
    SAYING,
    CueParse,
    verb_subject,
)
from storyledger.shipped import load_shipped

MODEL_NAME = "quote_cues.joblib"
CANDIDATE_POS = {"VERB", "AUX", "NOUN", "ADJ", "ADP", "PROPN"}
HEAD = "<head>"  # the pseudo-dependent standing for the clause the cue hangs from
_QUOTES = set("\"“”«»„")
_NO_SPEAKER = {"there", "this", "that", "which", "what"}


@dataclass(slots=True)
class QuoteModel:
    cue_vec: Any
    cue_clf: Any
    part_vec: Any
    part_clf: Any
    cue_threshold: float = 0.5
    part_threshold: float = 0.5


def load_model() -> QuoteModel | None:
    return load_shipped(MODEL_NAME, QuoteModel)


def is_candidate(t: Token) -> bool:
    return t.pos_ in CANDIDATE_POS and not t.is_space


def _lists(lemma: str) -> str:
    return "".join(("S" if lemma in SAYING else "", "B" if lemma in BELIEVING else "", "D" if lemma in DIRECTIVE else ""))


def cue_features(t: Token, in_quote: bool) -> dict[str, float]:
    lemma = t.lemma_.lower()
    f: dict[str, float] = {
        "lemma=" + lemma: 1.0, "pos=" + t.pos_: 1.0, "tag=" + t.tag_: 1.0, "dep=" + t.dep_: 1.0,
        "lemma_pos=" + lemma + "|" + t.pos_: 1.0, "lists=" + _lists(lemma): 1.0,
        "head_lemma=" + t.head.lemma_.lower(): 1.0, "head_pos=" + t.head.pos_: 1.0,
        "dep_headpos=" + t.dep_ + "|" + t.head.pos_: 1.0, "lemma_dep=" + lemma + "|" + t.dep_: 1.0,
        "in_quote": float(in_quote), "known": float(lemma in CUE_LEMMAS),
        "prev=" + (t.nbor(-1).lower_ if t.i > 0 else "<s>"): 1.0,
        "next=" + (t.nbor(1).lower_ if t.i + 1 < len(t.doc) else "</s>"): 1.0,
    }
    for c in t.children:
        side = "L" if c.i < t.i else "R"
        f["cdep=" + c.dep_] = 1.0
        f["cdep_side=" + c.dep_ + side] = 1.0
        f["lemma_cdep=" + lemma + "|" + c.dep_] = 1.0
        f["cdep_pos=" + c.dep_ + "|" + c.pos_] = 1.0
        if c.dep_ in ("prep", "mark", "aux", "neg", "prt", "auxpass"):
            f["cword=" + c.dep_ + "|" + c.lower_] = 1.0
        if c.dep_ in ("nsubj", "nsubjpass"):
            f["subj_pos=" + c.pos_ + "|" + c.ent_type_] = 1.0
        if c.is_punct and c.text in _QUOTES:
            f["cquote"] = 1.0
    if t.dep_ in ("parataxis", "ccomp") and t.i > t.head.i:
        f["trailing_report"] = 1.0
    return f


# "While X said A, B": a cue in a clause subordinated by one of these reports A, never the main clause B
# ("as X said, B" does attribute B, so "as" is not here).
_SUBORDINATORS = frozenset({"while", "whilst", "although", "though", "whereas", "because", "since", "if", "unless",
                            "when", "after", "before", "until", "once"})


def cue_parts(cue: Token) -> list[tuple[str, list[Token]]]:
    """The candidate pieces of a cue's content: each dependent's subtree, and the clause above."""
    out: list[tuple[str, list[Token]]] = []
    for c in cue.children:
        if c.is_punct or c.is_space:
            continue
        out.append((c.dep_, list(c.subtree)))
    if cue.head.i != cue.i and not any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in cue.children):
        skip = {x.i for x in cue.subtree}
        above = cue.head
        if cue.dep_ == "pobj" and above.head.i != above.i:
            above = above.head  # "in a statement" / "according to": the clause above the preposition
            skip |= {x.i for x in cue.head.subtree}
        out.append((HEAD, [x for x in above.subtree if x.i not in skip]))
    return out


def part_features(cue: Token, dep: str, toks: list[Token]) -> dict[str, float]:
    lemma = cue.lemma_.lower()
    words = [t for t in toks if not t.is_punct and not t.is_space]
    first = toks[0] if toks else cue
    side = "L" if first.i < cue.i else "R"
    size = len(words)
    bucket = "0" if size == 0 else "1" if size == 1 else "2-3" if size <= 3 else "4-8" if size <= 8 else "9+"
    inside = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), cue)
    f: dict[str, float] = {
        "dep=" + dep: 1.0, "dep_side=" + dep + side: 1.0, "lemma_dep=" + lemma + "|" + dep: 1.0,
        "cuepos_dep=" + cue.pos_ + "|" + dep: 1.0, "cuedep_dep=" + cue.dep_ + "|" + dep: 1.0,
        "size=" + bucket: 1.0, "dep_size=" + dep + "|" + bucket: 1.0, "lists_dep=" + _lists(lemma) + "|" + dep: 1.0,
        "root_pos=" + dep + "|" + root.pos_: 1.0, "quote": float(any(t.text in _QUOTES for t in toks)),
        "first=" + dep + "|" + first.lower_: 1.0,
    }
    if dep == HEAD:
        f["head_lemma=" + cue.head.lemma_.lower()] = 1.0
        f["head_dep=" + cue.dep_ + "|" + cue.head.pos_] = 1.0
    if any(t.dep_ == "mark" and t.lower_ == "that" for t in toks):
        f["that"] = 1.0
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in words):
        f["finite"] = 1.0
    return f


def in_quote_flags(doc: Doc, stretches: list[tuple[int, int]]) -> list[bool]:
    flags = [False] * len(doc)
    k = 0
    spans = sorted(stretches)
    for t in doc:
        while k < len(spans) and spans[k][1] <= t.idx:
            k += 1
        flags[t.i] = k < len(spans) and spans[k][0] <= t.idx < spans[k][1]
    return flags


def learned_cues(doc: Doc, model: QuoteModel, in_quote: list[bool]) -> dict[int, CueParse]:
    """Token index → the learned reading of that token as a cue, for tokens the model scores as cues;
    a cue whose content the parse does not give (a quote cut off as its own sentence) has none."""
    cands = [t for t in doc if is_candidate(t)]
    if not cands:
        return {}
    probs = model.cue_clf.predict_proba(model.cue_vec.transform([cue_features(t, in_quote[t.i]) for t in cands]))[:, 1]
    cues = [t for t, p in zip(cands, probs) if p >= model.cue_threshold]
    rows: list[dict[str, float]] = []
    owners: list[tuple[Token, list[Token]]] = []
    for t in cues:
        for dep, toks in cue_parts(t):
            rows.append(part_features(t, dep, toks))
            owners.append((t, toks))
    keep: dict[int, list[Token]] = {t.i: [] for t in cues}
    if rows:
        part_probs = model.part_clf.predict_proba(model.part_vec.transform(rows))[:, 1]
        for (t, toks), p in zip(owners, part_probs):
            if p >= model.part_threshold:
                keep[t.i].extend(toks)
    out: dict[int, CueParse] = {}
    for t in cues:
        content = sorted({x.i: x for x in keep[t.i]}.values(), key=lambda x: x.i)
        speaker = _speaker(t)
        out[t.i] = CueParse(t, speaker, content, according_to=t.lower_ == "according")
    return out


def _speaker(t: Token) -> Token | None:
    if t.lower_ == "according":
        to = next((c for c in t.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if t.dep_ == "pobj" and t.head.dep_ == "prep":
        return verb_subject(t.head.head) if t.head.head.i != t.head.i else None
    speaker = verb_subject(t)
    if speaker is not None and speaker.lower_ in ("who", "that", "which") and speaker.head.dep_ == "relcl":
        speaker = speaker.head.head
    if speaker is not None and speaker.lower_ in _NO_SPEAKER:
        return None  # "it seems", "you know": what is attributed stands, but no one is named
    if t.pos_ == "NOUN" and speaker is None:
        poss = next((c for c in t.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss  # "Trump's claim that ..."
    return speaker
