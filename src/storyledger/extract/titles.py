"""The headline: the page's visible <h1> when it agrees with the metadata title, else that title
without the site's " | Outlet" suffix or "Outlet - " prefix."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
_SEPARATOR = re.compile(r"(\s+(?:\||-|–|—|::?|»)\s+)")
# A leading or trailing segment this short (in words) beside a longer one is a site or section name.
_SITE_WORDS = 4
_MAX_HEADLINE = 300


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _overlap(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _trim(title: str, is_label) -> str:
    """Drop leading and trailing segments for which ``is_label`` holds, keeping the longest one."""
    pieces = _SEPARATOR.split(title)
    parts = pieces[::2]
    if len(parts) < 2:
        return title
    main = max(range(len(parts)), key=lambda i: len(_WORD.findall(parts[i])))
    first, last = 0, len(parts) - 1
    while first < main and is_label(parts[first]):
        first += 1
    while last > main and is_label(parts[last]):
        last -= 1
    return "".join(pieces[2 * first : 2 * last + 1]).strip()


def strip_site(title: str, site_names: tuple[str | None, ...] = ()) -> str:
    names = {n.casefold() for n in site_names if n}
    return _trim(title, lambda p: p.casefold() in names or len(_WORD.findall(p)) <= _SITE_WORDS)


def choose_title(h1: list[str], meta_titles: list[str | None], site_names: tuple[str | None, ...] = ()) -> str | None:
    """The <h1> that matches the metadata title best, without section labels the metadata lacks."""
    reference = next((t for t in meta_titles if t), None)
    headings = [h for h in h1 if len(h) < _MAX_HEADLINE]
    if reference is None:
        return headings[0] if headings else None
    if headings:
        best = max(headings, key=lambda h: _overlap(h, reference))
        if _overlap(best, reference) > 0:
            ref_words = _words(reference)
            return _trim(best, lambda p: not _words(p) & ref_words)
    return strip_site(reference, site_names)
