"""Words and shingles for linking, computed from stored clean text (no parse needed).

``words`` is link's one tokeniser: content terms (stories, matters), dependency cues and shingles
(near-duplicates) are all made of its tokens. ``surface_words`` finds words as written, to show a
stem in the text's own spelling. Names have their own keys (names.py).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyledger.extract.shingles import ngrams

_WORD = re.compile(r"[a-z][a-z0-9'’-]*[a-z0-9]|[a-z]")
_SURFACE_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# News prose words that say nothing about what a story is about.
_NEWS_STOP = frozenset(
    "said says say told tell according added also would could will may might just like year years day days "
    "week weeks month months time times new people mr mrs ms sir dr percent cent including including "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december today yesterday tomorrow morning afternoon evening night "
    "make made making take taken took get got go going come came put need needs needed want wants".split()
)
STOP = frozenset(ENGLISH_STOP_WORDS) | _NEWS_STOP


def fold(text: str) -> str:
    """Lower case without accents; curly apostrophes become straight."""
    text = text.replace("’", "'")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light English stemmer (plural and verb endings) so "sanctions"/"sanction", "deploying"/"deploy" meet.
    Hand-written because it only needs to be consistent, not linguistic, and runs on every word."""
    word = word.strip("'-")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"),
                         ("ing", ""), ("ed", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + repl
            break
    return word


def words(text: str) -> list[str]:
    """Folded word tokens, in order."""
    return _WORD.findall(fold(text))


def surface_words(text: str) -> list[str]:
    """Words as the text spells them (case kept), in order."""
    return _SURFACE_WORD.findall(text)


def content_terms(text: str) -> list[str]:
    """Stemmed content words, in order."""
    return [stem(w) for w in words(text) if w not in STOP and len(w) > 2 and not w.isdigit()]


def shingles(text: str, k: int = 4) -> set[bytes]:
    """Word k-grams of the whole text: what near-duplicate detection compares."""
    return {" ".join(gram).encode() for gram in ngrams(words(text), k)}
