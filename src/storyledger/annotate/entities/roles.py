"""Titles and roles stated beside a name: premodifiers ("French President Emmanuel Macron") and
appositions ("the UK's chief of defence staff, Sir Tony Radakin"; "Zelensky, Ukraine's president")."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from storyledger.annotate.tokens import contiguous_run
from storyledger.records import Role

TITLE_WORDS = {
    "president", "prime", "minister", "secretary", "general", "chancellor", "chief", "leader", "senator",
    "governor", "mayor", "king", "queen", "prince", "premier", "ambassador", "envoy", "spokesperson",
    "spokesman", "spokeswoman", "director", "head", "commissioner", "chairman", "chair", "chairwoman",
    "ceo", "foreign", "defence", "defense", "deputy", "vice", "speaker", "state", "attorney", "justice",
    "commander", "pope", "adviser", "advisor", "candidate", "nominee", "representative", "rep.", "sen.",
    "gov.", "judge", "officer", "staff", "home", "treasury", "health", "interior", "finance", "trade",
    "opposition", "party", "labour", "conservative", "democratic", "republican", "shadow", "former",
    "executive", "founder", "economist", "analyst", "professor", "lawyer", "official",
}
HEAD_TITLES = {"president", "minister", "secretary", "general", "chancellor", "chief", "leader", "senator",
               "governor", "mayor", "king", "queen", "premier", "ambassador", "envoy", "spokesperson",
               "spokesman", "spokeswoman", "director", "head", "commissioner", "chairman", "chair", "ceo",
               "speaker", "commander", "pope", "adviser", "advisor", "candidate", "nominee", "judge",
               "officer", "professor", "founder", "executive", "official", "attorney"}


def _clean(text: str) -> str:
    return " ".join(text.replace("\n", " ").split()).strip(" ,;:—–-")


def premodifier_role(ent: SpacySpan) -> Role | None:
    """Title words (and the country or body they belong to) right before a person's name."""
    doc = ent.doc
    i = ent.start - 1
    start = None
    has_title = False
    while i >= 0:
        t = doc[i]
        low = t.lower_
        if "\n" in t.text_with_ws or t.is_space:
            break
        if low in TITLE_WORDS:
            has_title = has_title or low in HEAD_TITLES
        elif low in ("'s", "’s") or t.ent_type_ in ("NORP", "GPE", "ORG") or (t.dep_ == "compound" and t.is_title):
            pass
        else:
            break
        start = i
        i -= 1
    if start is None or not has_title:
        return None
    while start < ent.start and doc[start].lower_ in ("'s", "’s"):
        start += 1
    span = doc[start:ent.start]
    text = _clean(span.text)
    return Role(text, span.start_char, span.start_char + len(span.text.rstrip())) if text else None


def apposition_role(ent: SpacySpan) -> Role | None:
    """A title noun apposed to the name, on either side."""
    root: Token = ent.root
    doc = ent.doc
    candidates: list[Token] = []
    if root.dep_ == "appos" and root.head.lemma_.lower() in HEAD_TITLES:
        candidates.append(root.head)
    candidates.extend(c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in HEAD_TITLES)
    for noun in candidates:
        skip = {t.i for t in root.subtree} if noun.i != root.i else set()
        toks = [t for t in noun.subtree if t.i not in skip and not (t.dep_ in ("relcl", "acl") and t.head == noun)]
        toks = [t for t in toks if not any(a.dep_ in ("relcl", "acl") and a.head == noun and t in a.subtree
                                           for a in noun.children)]
        if not toks:
            continue
        run = contiguous_run(noun, toks, punct_after=False)
        while run and (run[0].is_punct or run[0].lower_ in ("the", "a", "an")):
            run.pop(0)
        if not run or len(run) > 10:
            continue
        span = doc[run[0].i:run[-1].i + 1]
        return Role(_clean(span.text), span.start_char, span.end_char)
    return None
