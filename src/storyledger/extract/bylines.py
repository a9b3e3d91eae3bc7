"""Author names from byline strings: split lists, drop outlets, credentials, handles and debris."""

from __future__ import annotations

import re

_SPLIT = re.compile(r"\s*(?:;|\||,|\band\b|&|\n)\s*")
_LEAD = re.compile(r"^(?:by|written by|words by|from)\s+", re.I)
_DEBRIS = re.compile(r"\b(?:link copied|published(?: on)?|updated|sponsored|author)\b.*$", re.I)
_EMAIL = re.compile(r"\S+@\S+|https?://\S+")
_CREDENTIAL = re.compile(r"^[A-Z]{2,4}$")
_MAX_WORDS = 5
# A byline part naming an organisation or a desk, not a person: dropped rather than kept as an author.
_ORGANISATION = re.compile(
    r"^the\b|\b(?:staff|reports?|desk|press|news|journal|gazette|telegram|times|post|herald|tribune|"
    r"officer|director|president|founder|daily|chronicle|courier|observer|enquirer|company|agency|agencies|editors?|editorial|team|newsroom|wire|media|magazine|network|contributors?)\b",
    re.I,
)
# Trailing affiliation after a name ("John O'Connor The Associated Press").
_AFFILIATION = re.compile(r"\s+(?:[Tt]he|of|for)\s+[A-Z].*$")
# A trailing job title ("Jon Talton Columnist", "Jane Doe Senior Writer").
_ROLE = re.compile(
    r"(?:\s+(?:senior|staff|chief|contributing|deputy|managing|political|national))*"
    r"\s+(?:columnist|writer|reporter|editor|correspondent|contributor|producer)s?$",
    re.I,
)
_MONTH = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.I
)


def _key(name: str) -> str:
    """Case, punctuation and a leading "the" folded away: "The Guardian" and "Guardian" are one outlet."""
    return re.sub(r"^the ", "", re.sub(r"[\W_]+", " ", name.casefold()).strip())


def normalise(raw: list[str], outlets: tuple[str | None, ...] = ()) -> list[str]:
    """Person-like names from raw byline values, in order, without duplicates or the outlet's own name."""
    skip = {_key(o) for o in outlets if o}
    names: list[str] = []
    seen: set[str] = set()
    for value in raw:
        for part in _SPLIT.split(_EMAIL.sub(" ", value)):
            name = _DEBRIS.sub("", _LEAD.sub("", part.strip())).strip(" .-–—:|")
            name = _ROLE.sub("", name)
            if not name.casefold().startswith("the "):
                name = _AFFILIATION.sub("", name)
            words = name.split()
            while len(words) > 2 and (_CREDENTIAL.match(words[-1]) or (words[-1].isupper() and len(words[-1]) > 1)):
                words.pop()
            name = " ".join(words)
            key = _key(name)
            if (
                not key
                or key in seen
                or key in skip
                or len(words) > _MAX_WORDS
                or any(ch.isdigit() for ch in name)
                or not any(ch.isupper() for ch in name)
                or _CREDENTIAL.match(name)
                or _ORGANISATION.search(name)
                or _MONTH.match(name)
                or key == "head"
            ):
                continue
            seen.add(key)
            names.append(name)
    return names
