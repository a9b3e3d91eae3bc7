"""Author names from byline strings: split lists, drop outlets, credentials, handles and debris."""

from __future__ import annotations

import re

_SPLIT = re.compile(r"\s*(?:;|\||,|\band\b|&|\n)\s*")
_LEAD = re.compile(r"^(?:by|written by|words by|from)\s+", re.I)
_DEBRIS = re.compile(r"\b(?:link copied|published(?: on)?|updated|sponsored|author)\b.*$", re.I)
_EMAIL = re.compile(r"\S+@\S+|https?://\S+")
_CREDENTIAL = re.compile(r"^[A-Z]{2,4}$")
_MAX_WORDS = 5


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name.casefold()).strip()


def normalise(raw: list[str], outlets: tuple[str | None, ...] = ()) -> list[str]:
    """Person-like names from raw byline values, in order, without duplicates or the outlet's own name."""
    skip = {_key(o) for o in outlets if o}
    names: list[str] = []
    seen: set[str] = set()
    for value in raw:
        for part in _SPLIT.split(_EMAIL.sub(" ", value)):
            name = _DEBRIS.sub("", _LEAD.sub("", part.strip())).strip(" .-–:")
            words = name.split()
            while len(words) > 2 and _CREDENTIAL.match(words[-1]):
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
            ):
                continue
            seen.add(key)
            names.append(name)
    return names
