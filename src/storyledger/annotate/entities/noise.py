"""What the parser calls a name but the article does not: headline words, common phrases, titles.

The small parser reads capitals as names. In a headline or section label every word has them
("Trump Threatens Vat Taxes And Corporate Penalties"); a common noun opening a sentence has one
("Hostages were freed"); a shouted word has all ("PEACE"). The article itself says which are
names: a word the article writes in lower case at least as often as capitalised mid-sentence is a
common word, and a name found only in a headline is trusted only as far as the body uses it too.
A title or a nationality the parser took into a person's name ("Coroner Gary Hargrove",
"American Hasim Rahman") is cut off; a "person" ending in a body's name is that body ("Obama
White House"); handles and web addresses are no names. Places the gazetteer knows are kept whatever their case.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from storyledger.annotate.entities.person_names import is_given_name
from storyledger.annotate.entities.places import gazetteer, known_place
from storyledger.annotate.entities.roles import TITLE_WORDS

_KEPT = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
_SMALL = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as",
          "is", "vs", "v"}
_TITLES = {w.rstrip(".") for w in TITLE_WORDS}
_ADDRESS = re.compile(r"https?:|www\.|\.com\b|\.org\b")
_OPENERS = {'"', "“", "'", "‘", "(", "[", "-", "—", "–", ":", "\n"}


@dataclass(frozen=True, slots=True)
class ArticleWords:
    headlines: tuple[tuple[int, int], ...]  # character ranges of headline-like lines
    lower: Counter[str]  # words written in lower case, outside headlines
    capital: Counter[str]  # words capitalised inside a sentence, outside headlines

    def in_headline(self, start: int) -> bool:
        return _within(self.headlines, start)

    def common(self, word: str) -> bool:
        """Written in lower case at least as often as capitalised mid-sentence."""
        w = word.lower()
        return self.lower[w] > 0 and self.lower[w] >= self.capital[w]


def _within(ranges: Sequence[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` falls in one of the sorted, disjoint ``ranges``."""
    i = bisect_right(ranges, (at, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= at < ranges[i][1]


def _headline(line: str) -> bool:
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    telling = [w for w in words if w.lower() not in _SMALL]
    if not telling or line.rstrip()[-1:] in ".!?\"”":
        return False
    capitals = sum(1 for w in telling if w[:1].isupper())
    return capitals == len(telling) and (len(telling) >= 3 or len(words) <= 3) or \
        len(telling) >= 4 and capitals >= 0.8 * len(telling)


def article_words(doc: Doc) -> ArticleWords:
    """Headline-like lines, and how the article writes its words elsewhere (not in a web address,
    whose words are all in lower case)."""
    heads, skipped = [], []
    at = 0
    for line in doc.text.split("\n"):
        if _headline(line):
            heads.append((at, at + len(line)))
        elif _ADDRESS.search(line):
            skipped.append((at, at + len(line)))
        at += len(line) + 1
    words = ArticleWords(tuple(heads), Counter(), Counter())
    ignored = sorted(heads + skipped)
    for t in doc:
        if not t.is_alpha or ignored and _within(ignored, t.idx):
            continue
        if t.is_lower:
            words.lower[t.lower_] += 1
        elif t.is_title and not t.is_sent_start and not (t.i > 0 and doc[t.i - 1].text in _OPENERS):
            words.capital[t.lower_] += 1
    return words


def _common_phrase(span: SpacySpan, words: ArticleWords) -> bool:
    alpha = [t for t in span if t.is_alpha and t.lower_ not in _SMALL]
    if span.label_ == "PERSON" and len(alpha) >= 2 and is_given_name(alpha[0].text):
        return False
    return bool(alpha) and all(words.common(t.text) for t in alpha)


def _leading_word(t: Token, words: ArticleWords) -> bool:
    """A title, a nationality or a common noun before a person's name, not a first name."""
    if t.lower_.rstrip(".") in _TITLES or gazetteer().country(t.text):
        return True
    return words.common(t.text) and not is_given_name(t.text)


def _after_titles(ent: SpacySpan) -> int:
    """Where a person's name starts after a run of title words the parser took in ("Crown Prince")."""
    toks = list(ent)
    last = max((i for i, t in enumerate(toks[:-1]) if t.lower_.rstrip(".") in _TITLES
                and all(x.is_title or x.is_upper for x in toks[:i + 1])), default=-1)
    return ent.start + last + 1


def cleaned(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """The spans that are names, cut to the name."""
    words = article_words(doc)
    body = {e.text.casefold(): e.label_ for e in ents if e.label_ in _KEPT and not words.in_headline(e.start_char)}
    bodies = {e.text.casefold() for e in ents if e.label_ in ("ORG", "FAC") and len(e) >= 2}
    out = []
    for ent in ents:
        if ent.label_ not in _KEPT:
            out.append(ent)
            continue
        if words.in_headline(ent.start_char):
            found = _in_body(ent, body)
            if found is not None:
                out.append(found)
            elif known_place(ent.text):
                out.append(ent)
            continue
        if "@" in ent.text or _ADDRESS.search(ent.text) or _common_phrase(ent, words) and not known_place(ent.text):
            continue
        if ent.label_ == "PERSON" and _ends_in_body(ent, bodies):
            ent = SpacySpan(doc, ent.start, ent.end, label="ORG")  # "Obama White House"
        if ent.label_ == "PERSON":
            start = _after_titles(ent)
            while ent.end - start > 1 and doc[start].is_alpha and _leading_word(doc[start], words):
                start += 1
            ent = SpacySpan(doc, start, ent.end, label="PERSON")
        out.append(ent)
    return out


def _ends_in_body(ent: SpacySpan, bodies: set[str]) -> bool:
    """A person's name whose last words are a body's name in the article ("... White House")."""
    return any(ent[k:].text.casefold() in bodies for k in range(1, len(ent) - 1))


def _in_body(ent: SpacySpan, body: dict[str, str]) -> SpacySpan | None:
    """The longest part of a headline's span the body names too, with the body's label."""
    n = len(ent)
    for size in range(n, 0, -1):
        for i in range(0, n - size + 1):
            part = ent[i:i + size]
            label = body.get(part.text.casefold())
            if label is not None:
                return SpacySpan(ent.doc, part.start, part.end, label=label)
    return None
