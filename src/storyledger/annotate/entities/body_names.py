"""Names of organisations and places, and when two of them name one body.

A body's name is compared without its article, possessive, punctuation and legal form ("The
U.S. Senate's" = "US Senate"; "Brightwater Chemicals Ltd" = "Brightwater Chemicals"). An acronym
meets the one name it abbreviates ("HWU" / "Harbour Workers Union"). A short form that qualifies
the same head by a country or bloc in another form is the same body ("EU Commission" / "European
Commission", "UK Parliament" / "British Parliament"): modifiers are read as territories through
rigour's territory table (kept by OpenSanctions), so no list of bodies is written here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storyledger.annotate.entities.person_names import fold
from storyledger.annotate.entities.places import major_place

_STOP = frozenset("of the and for in on at to de du des la le et".split())
# Legal forms rigour's table leaves in place ("Microsoft Corp."), stripped as it strips "Inc".
_LEGAL_LEFT = {"corp", "corporation", "company", "co"}
_TOKEN = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*\.?")


@dataclass(frozen=True, slots=True)
class BodyName:
    """A body's name, folded: its words, and the acronym it was written as (if it was one)."""

    words: tuple[str, ...]
    written_acronym: str = ""

    @property
    def key(self) -> str:
        return " ".join(self.words)

    @property
    def acronym(self) -> str:
        """The initials of a name of two or more telling words ("European Union" -> "eu")."""
        content = [w for w in self.words if w not in _STOP]
        return "".join(w[0] for w in content) if len(content) >= 2 else ""

    @property
    def head(self) -> str:
        return self.words[-1] if self.words else ""


@lru_cache(maxsize=100_000)
def parse_body(name: str) -> BodyName | None:
    stripped = re.sub(r"['’]s?$", "", name.strip())
    stripped = re.sub(r"^(?:the|The|THE)\s+", "", stripped)
    compact = stripped.replace(".", "").replace(" ", "")
    acronym = compact.lower() if 2 <= len(compact) <= 6 and compact.isalpha() and compact.isupper() else ""
    words = [w.replace(".", "").replace("'", "") for w in _TOKEN.findall(fold(_without_legal_form(stripped)))]
    words = [w for w in words if w]
    if not words:
        return None
    return BodyName(tuple(words), acronym)


def _without_legal_form(name: str) -> str:
    from rigour.names import remove_org_types

    cut = remove_org_types(name).strip()
    words = cut.split()
    if len(words) > 1 and words[-1].lower().rstrip(".") in _LEGAL_LEFT:
        cut = " ".join(words[:-1])
    return cut or name


@lru_cache(maxsize=10_000)
def territory(words: tuple[str, ...]) -> str | None:
    """The territory code a modifier names, in any of its forms ("EU", "European", "Britain", "UK")."""
    from rigour.territories import lookup_territory

    found = lookup_territory(" ".join(words))
    return found.code if found is not None else None


def _modifiers_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return True
    if not a or not b:
        return False
    ta, tb = territory(a), territory(b)
    return ta is not None and ta == tb


def same_body(a: BodyName, b: BodyName) -> bool:
    """Whether two names can name one body by the names alone."""
    if a.words == b.words:
        return True
    if a.written_acronym and a.written_acronym == b.acronym or b.written_acronym and b.written_acronym == a.acronym:
        return True
    if len(a.words) < 2 or len(b.words) < 2 or a.head != b.head:
        return False
    return _modifiers_agree(a.words[:-1], b.words[:-1])


_COMPLEMENT = {"of", "for", "de", "du", "des", "on", "in", "at", "to"}


def short_forms(name: BodyName) -> list[tuple[str, ...]]:
    """The shorter names a body goes by: its head without the place that qualifies it ("Colts" of
    "Indianapolis Colts", "Commission" of "European Commission", "Times" of "New York Times").
    Not "House" of "White House" (White is no place), nor "Texas" of "University of Texas" (a
    complement is not the head)."""
    words = name.words
    cut = next((i for i, w in enumerate(words) if i > 0 and w in _COMPLEMENT), len(words))
    core, rest = words[:cut], words[cut:]
    out = []
    for i in range(1, len(core)):
        qualifier = core[:i]
        if major_place(" ".join(qualifier)) or territory(qualifier) is not None:
            out.append(core[i:] + rest)
    return out


def is_short_form(short: BodyName, long: BodyName) -> bool:
    return short.words in short_forms(long)


def variant_key(name: BodyName) -> str | None:
    """Where a qualified name is filed so its short forms meet it: its head and the territory its
    modifiers name ("European Commission" and "EU Commission" -> "commission@eu")."""
    if len(name.words) < 2:
        return None
    code = territory(name.words[:-1])
    return f"{name.head}@{code}" if code else None
