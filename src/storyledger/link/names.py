"""Name keys for lookups: a name folded, without titles or possessives ("Sir Keir Starmer's" -> "keir starmer")."""

from __future__ import annotations

import re

from storyledger.link.text import fold

_TITLES = frozenset(
    "mr mrs ms miss sir dame lord lady dr prof professor president prime minister chancellor general gen "
    "secretary senator sen rep king queen prince princess pope saint st the".split()
)


def name_words(name: str) -> list[str]:
    """Folded words of a name without titles or possessives ("Sir Keir Starmer's" -> keir, starmer)."""
    ws = re.findall(r"[a-z0-9]+", fold(name).replace("'s", ""))
    core = [w for w in ws if w not in _TITLES]
    return core or ws


def name_key(name: str) -> str:
    return " ".join(name_words(name))
