"""Personal names taken apart, and when two of them can name one person.

A name is given names, a surname (with its particles: "von der Leyen", "bin Salman", "al-Hayya",
"de Gaulle") and a generational suffix ("Jr."). Two full names can be one person only when their
surnames agree (the same word, or one transliteration: "Zelensky"/"Zelenskyy") and their given
names agree (the same, an initial, a nickname: "Bill"/"William", or one transliteration); middle
names may be missing on either side but may not clash ("George H. W." is not "George W."), nor may
a suffix ("Donald Trump Jr." is not "Donald Trump"). Anything else is two people: that is the rule
no chain of merges may break.

Names are folded to ASCII by normality (accents dropped, other scripts transliterated). Nicknames
come from the ``nicknames`` package (a hand-curated English table); transliterations are judged
here by a consonant skeleton and Jaro-Winkler similarity, because no small library decides
"Dvorkovich" = "Dvorkovych" without a large model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from normality import ascii_text
from rigour.text.distance import jaro_winkler

from storyledger.annotate.entities.roles import TITLE_WORDS

# Lower-case words that belong to the surname that follows them.
PARTICLES = frozenset(
    "von van der den de del della di da du dos das la le lo al el bin ibn ben bint abu ter zu".split()
)
_SUFFIXES = frozenset("jr sr ii iii iv".split())
# Letters after a name that say nothing of who it is ("Regina Benjamin, MD").
_POSTNOMINALS = frozenset("md phd esq mp qc kc obe mbe cbe dds rn cpa mba".split())
# Words that stand before a name without being part of it: honorifics and titles.
_HONORIFICS = frozenset(
    "mr mrs ms miss mx sir dame lord lady dr prof rev fr sen rep gov gen lt col capt sgt cpl adm cmdr "
    "hon st herr frau mme mlle sheikh imam rabbi pastor father brother sister".split()
)
_LEADING = _HONORIFICS | {w.rstrip(".") for w in TITLE_WORDS} | {"the", "former", "late", "acting", "then"}
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class PersonName:
    """A personal name, folded: ``given`` is first and middle names, ``surname`` keeps its particles."""

    given: tuple[str, ...]
    surname: tuple[str, ...]
    suffix: str = ""

    @property
    def is_full(self) -> bool:
        """A given name spelled out (not an initial) and a surname: what identifies a person on its own."""
        return any(len(w) > 1 for w in self.given) and bool(self.surname)

    @property
    def core(self) -> str:
        """The surname's last word without an Arabic article ("al-hayya" -> "hayya"): what it is filed under."""
        return surname_core(self.surname[-1]) if self.surname else ""

    @property
    def used_given(self) -> tuple[str, ...]:
        """The given names from the one the person goes by: a leading initial before a spelled-out
        name is dropped ("W. Mark Felt" goes by Mark)."""
        if len(self.given) >= 2 and len(self.given[0]) == 1 and len(self.given[1]) > 1:
            return self.given[1:]
        return self.given

    @property
    def key(self) -> str:
        """The whole name folded: "george w bush" and "george h w bush" are two keys."""
        return " ".join([*self.given, *self.surname, *([self.suffix] if self.suffix else [])])


def fold(text: str) -> str:
    """Lower-case ASCII: "Peña" -> "pena", "Зеленский" -> "zelenskii"."""
    return ascii_text(text.replace("’", "'").replace("‘", "'")).lower()


_FEMALE = {"mrs", "ms", "miss", "madam", "madame", "mme", "mlle", "dame", "lady"}
_MALE = {"mr", "sir", "lord", "herr"}


def honorific_gender(name: str) -> str | None:
    """"f" or "m" when the name is written with a gendered honorific ("Mrs. Clinton", "Mr Trump")."""
    first = fold(name).split(" ", 1)[0].rstrip(".")
    return "f" if first in _FEMALE else "m" if first in _MALE else None


def surname_core(word: str) -> str:
    for article in ("al-", "el-", "al ", "el "):
        if word.startswith(article) and len(word) > len(article) + 1:
            return word[len(article):]
    return word


_POSSESSIVE = re.compile(r"\s?['’‘]s?\b")
# A nickname in quote marks or brackets inside a name: Vincent "The Chin" Gigante, George (W.) Bush.
_QUOTED = re.compile(r"\s[\"“'‘(\[][^\"”'’)\]]{1,30}[\"”'’)\]](?=\s)")
_SPACED_HYPHEN = re.compile(r"(?<=\w)\s+-\s+(?=\w)")


@lru_cache(maxsize=100_000)
def parse_person(name: str) -> PersonName | None:
    """The parts of a personal name as written ("Sir Keir Starmer's", "Ursula von der Leyen",
    "Donald J. Trump Jr."); None when nothing of a name is left."""
    text = _SPACED_HYPHEN.sub("-", _QUOTED.sub(" ", f" {name} ")).strip()
    tokens = [(t, fold(t).strip(".'-").replace("'", "")) for t in _WORD.findall(_POSSESSIVE.sub("", text))]
    tokens = [(t, w) for t, w in tokens if w]
    while len(tokens) > 1 and tokens[0][1] in _LEADING:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1][1] in _POSTNOMINALS:
        tokens.pop()
    suffix = ""
    if len(tokens) > 1 and tokens[-1][1] in _SUFFIXES:
        suffix = tokens.pop()[1]
    if not tokens:
        return None
    shouting = text.isupper()
    tokens = [part for t in tokens[:-1] for part in _initials(t, shouting)] + tokens[-1:]
    words = [w for _, w in tokens]
    start = len(words) - 1
    while start > 0 and words[start - 1] in PARTICLES and (tokens[start - 1][0][:1].islower() or start == 1):
        start -= 1
    return PersonName(tuple(words[:start]), tuple(words[start:]), suffix)


def _initials(token: tuple[str, str], shouting: bool) -> list[tuple[str, str]]:
    """A token of initials, dotted or in capitals ("H.W.", "HW"), as one initial each; in a name
    written all in capitals ("TED CRUZ") capitals say nothing."""
    raw, word = token
    letters = raw.replace(".", "")
    capitals = raw.isupper() and not shouting and len(letters) >= 2
    if ("." in raw.rstrip(".") or capitals) and letters.isalpha() and len(letters) <= 3:
        return [(ch, ch.lower()) for ch in letters]
    return [token]


@lru_cache(maxsize=1)
def _nicknames():
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=100_000)
def _name_forms(word: str) -> frozenset[str]:
    """A given name with its nicknames and the names it is a nickname of ("bill" -> william, ...)."""
    namer = _nicknames()
    return frozenset({word} | namer.nicknames_of(word) | namer.canonicals_of(word))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    from nicknames import name_triplets

    return frozenset(n for t in name_triplets() for n in (t.name1, t.name2))


def is_given_name(word: str) -> bool:
    """A first name the nickname table knows ("Will", "Bill", "Mark"): English words that are also names."""
    return fold(word) in _given_names()


def skeleton(word: str) -> str:
    """First letter, then consonants with repeats collapsed: what survives transliteration
    ("Dvorkovich" / "Dvorkovych" / "Dvorkovitch" -> "dvrkvch")."""
    word = word.replace("-", "")
    for a, b in (("tch", "ch"), ("ck", "k"), ("kh", "k"), ("ph", "f"), ("w", "v"), ("dzh", "j"), ("zh", "j"),
                 ("ou", "u")):
        word = word.replace(a, b)
    if not word:
        return ""
    out = word[0]
    for ch in re.sub(r"[aeiouy]", "", word[1:]):
        if ch != out[-1]:
            out += ch
    return out


def same_word(a: str, b: str) -> bool:
    """One word in two spellings: equal, or a transliteration (same consonant skeleton and close
    letters; not short words, since "Ruto" and "Rutte" are two names)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or skeleton(a) != skeleton(b):
        return False
    return jaro_winkler(a, b) >= (0.88 if min(len(a), len(b)) >= 6 else 0.9)


def _given_agree(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return same_word(a, b) or b in _name_forms(a) or a in _name_forms(b)


def surnames_agree(a: PersonName, b: PersonName) -> bool:
    """The same surname, particles aside; a double surname meets either half ("Ocasio-Cortez")."""
    ca, cb = a.core, b.core
    if not ca or not cb:
        return False
    if same_word(ca, cb):
        return True
    halves_a, halves_b = ca.split("-"), cb.split("-")
    return (len(halves_a) > 1 and cb in halves_a) or (len(halves_b) > 1 and ca in halves_b)


def compatible(a: PersonName, b: PersonName) -> bool:
    """Whether the two names can be one person by the names alone."""
    if not surnames_agree(a, b) or a.suffix != b.suffix:
        return False
    ga, gb = a.used_given, b.used_given
    if not ga or not gb:
        return True
    if not _given_agree(ga[0], gb[0]):
        return False
    ma, mb = ga[1:], gb[1:]
    return not ma or not mb or ma[0][0] == mb[0][0]


def distinct_full_names(a: PersonName, b: PersonName) -> bool:
    """Two full names that cannot be one person: what the ledger must never hold in one entity."""
    return a.is_full and b.is_full and not compatible(a, b)
