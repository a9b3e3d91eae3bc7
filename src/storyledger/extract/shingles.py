"""Word 4-gram shingles, counted with repeats: how two texts about the same article are compared.

``ngrams`` is the one shingling rule of the project; extraction shingles raw word tokens (case kept, as
the extraction benchmarks score), near-duplicate detection (link/text.py) shingles folded words."""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def ngrams(words: list[str], n: int = SHINGLE) -> list[tuple[str, ...]]:
    """Every run of ``n`` consecutive words; a text shorter than that is one shingle of all its words."""
    if len(words) < n:
        return [tuple(words)] if words else []
    return [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    return Counter(ngrams(tokens(text), n))
