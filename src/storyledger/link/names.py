"""Keys under which an entity's names and roles are looked up across documents.

Spellings of one name meet on a consonant skeleton ("Zelensky", "Zelenskyy", "Zelenskiy" -> "zlnsk");
a person named by surname alone meets the full name on its last word; "United Kingdom" meets "UK"
on its acronym; a role ("Ukraine's president", "president of Ukraine") meets on its sorted word stems.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from storyledger.link.text import fold

_TITLES = frozenset(
    "mr mrs ms miss sir dame lord lady dr prof professor president prime minister chancellor general gen "
    "secretary senator sen rep king queen prince princess pope saint st the".split()
)
_ROLE_STOP = frozenset("the of a an s and for in".split())
_VOWELS = re.compile(r"[aeiouy]")


def name_words(name: str) -> list[str]:
    """Folded words of a name without titles or possessives ("Sir Keir Starmer's" -> keir, starmer)."""
    ws = re.findall(r"[a-z0-9]+", fold(name).replace("'s", ""))
    core = [w for w in ws if w not in _TITLES]
    return core or ws


def name_key(name: str) -> str:
    return " ".join(name_words(name))


_TRANSLIT = (("tch", "ch"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("dzh", "j"), ("zh", "j"))


def skeleton(word: str) -> str:
    """First letter, then consonants with repeats collapsed: a key that survives transliteration
    ("Dvorkovich" / "Dvorkovych" / "Dvorkovitch" -> "dvrkvch")."""
    if not word:
        return ""
    for a, b in _TRANSLIT:
        word = word.replace(a, b)
    rest = _VOWELS.sub("", word[1:])
    out = word[0]
    for ch in rest:
        if ch != out[-1]:
            out += ch
    return out


def acronym(name: str) -> str | None:
    ws = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in _ROLE_STOP]
    return "".join(w[0] for w in ws).lower() if len(ws) >= 2 else None


def role_key(role: str) -> str | None:
    """Sorted 5-letter prefixes of a role's words: "Ukraine's president" = "president of Ukraine" =
    "Ukrainian President". None for a role with fewer than two telling words ("leader")."""
    ws = [w for w in re.findall(r"[a-z]+", fold(role).replace("'s", "")) if w not in _ROLE_STOP]
    if len(ws) < 2:
        return None
    return "role:" + " ".join(sorted(w[:5] for w in ws))


def keys_for(name: str, type: str, aliases: list[str], roles: list[str]) -> set[str]:
    """Every lookup key of an entity."""
    keys: set[str] = set()
    for n in {name, *aliases}:
        ws = name_words(n)
        if not ws:
            continue
        keys.add(f"name:{' '.join(ws)}")
        keys.add(f"skel:{' '.join(skeleton(w) for w in ws)}")
        if type == "person":
            keys.add(f"last:{skeleton(ws[-1])}")
            if len(ws) >= 2:
                keys.add(f"first:{skeleton(ws[0])}")
        acr = acronym(n)
        if acr:
            keys.add(f"name:{acr}")
    for r in roles:
        rk = role_key(r)
        if rk:
            keys.add(rk)
    return keys


def probe_keys(name: str, type: str, aliases: list[str], roles: list[str]) -> set[str]:
    """Keys to look a document entity up by: its own keys, plus, for a one-word person name, the
    surname key of full names ("Starmer" finds "Keir Starmer")."""
    keys = keys_for(name, type, aliases, roles)
    for n in {name, *aliases}:
        ws = name_words(n)
        if type == "person" and len(ws) == 1:
            keys |= {f"last:{skeleton(ws[0])}", f"first:{skeleton(ws[0])}"}
        rk = role_key(n)
        if rk:
            keys.add(rk)  # named by a role alone ("the transport minister of Valmora")
        if len(ws) == 1 and len(ws[0]) <= 5:
            keys.add(f"name:{ws[0]}")  # an acronym as written ("UK") meets the expanded name's acronym
    return keys


def name_similarity(a: str, b: str) -> float:
    """How well two names agree: 1 for the same folded name; high when one is the other's surname or
    a transliteration; 0 when first names clash ("Mark Rutte" vs "Anna Rutte")."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return 0.0
    if wa == wb:
        return 1.0
    sa, sb = [skeleton(w) for w in wa], [skeleton(w) for w in wb]
    if sa == sb:
        return 0.95
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) == 1 and skeleton(short[0]) == skeleton(long_[-1]):
        return 0.85
    if len(short) == 1 and len(long_) >= 2 and skeleton(short[0]) == skeleton(long_[0]):
        return 0.6  # a first name alone: weak, needs other evidence
    if skeleton(wa[-1]) == skeleton(wb[-1]):
        fa, fb = wa[0], wb[0]
        if fa[0] != fb[0]:
            return 0.1
        return 0.9 if (len(fa) == 1 or len(fb) == 1 or fa == fb) else 0.3
    acr_a, acr_b = acronym(a), acronym(b)
    if (acr_a and acr_a == " ".join(wb)) or (acr_b and acr_b == " ".join(wa)):
        return 0.9
    return SequenceMatcher(None, " ".join(wa), " ".join(wb)).ratio() * 0.8
