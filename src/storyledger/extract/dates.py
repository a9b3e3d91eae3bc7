"""The publication day an HTML page states, by weighted vote over the places pages state it.

Each metadata source alone is right on about 82-85% of the development pages and they err on
different pages (a republished story's JSON-LD, a stale og time, a related story's <time>), so the
day most sources agree on wins; ties go to the more reliable source, in the order below.

The date a reader sees written on the page (the first complete date in a short text after the
headline, usually the byline's "Updated Dec. 22, 2023") weighs 2.5 votes: it is the day in the
outlet's own time zone and the one an evergreen page ("best rain jackets") is current as of, where
the metadata keeps the first publication or a UTC timestamp. A UTC timestamp one day off that
visible date supports it, when a real time zone reaches it. Modification metadata is never used:
it matched the gold date less often than publication dates.

Rules were chosen on the even-indexed development pages and checked on the odd ones: date accuracy
0.853 / 0.890 (even / odd) before the headline, furniture, prose and UTC rules, 0.882 / 0.924 after.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain, islice
from datetime import date, timedelta

from htmldate import find_date as htmldate_find
from lxml.etree import iterwalk
from lxml.html import HtmlElement

from storyledger.extract.datelines import MONTHS, find_date
from storyledger.extract.metadata import Stamp, parse_date, parse_stamp

_URL_MONTH = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
_URL_DATE = re.compile(rf"/((?:19|20)\d\d)[/-](\d{{1,2}}|{_URL_MONTH})[/-](\d{{1,2}})(?:/|\b)", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")
# Visible dates are looked for in texts up to this long: a byline or dateline, not a paragraph.
_MAX_VISIBLE_CHARS = 100
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "head", "title", "option", "select"})
# Page furniture: its dates are today's date in the masthead, other stories' dates in menus and
# sidebars, a quoted post's date in an embed, the day a photograph was taken in a caption.
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "blockquote", "figure", "figcaption"})
_FURNITURE_ROLES = frozenset({"navigation", "complementary", "contentinfo"})
_FURNITURE_WORDS = frozenset({"nav", "navbar", "navigation", "menu", "masthead", "caption"})
_WORD = re.compile(r"[a-z]+")
# Whole-page containers: their class names describe the page ("has-nav"), not a part of it.
_CONTAINERS = frozenset({"html", "body", "main", "article"})
# A text of this many words ending like a sentence is the story's prose, not a byline.
_MIN_SENTENCE_WORDS = 6
_UPDATE_TEXT = re.compile(r"updat|modif|revised", re.I)
_UPDATE_WORDS = frozenset({"update", "updated", "modified", "mod", "datemodified", "revised"})
# How far up from a date's element its label (a class, an itemprop) is looked for.
_LABEL_DEPTH = 3
# A headline has at least this many words; a one-word <h1> is the site's logo.
_MIN_HEADLINE_WORDS = 3
_VISIBLE_WEIGHT = 2.5
_HTMLDATE_WEIGHT = 1.0
# The offsets of the world's time zones: a UTC timestamp is the publisher's local day, or the day
# before (zones down to UTC-12) or after (up to UTC+14).
_WEST, _EAST = timedelta(hours=-12), timedelta(hours=14)


def url_date(url: str | None) -> date | None:
    """A /YYYY/MM/DD/ (or /YYYY/dec/21/) path in the URL, as many outlets file their stories."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    month = match.group(2)
    number = int(month) if month.isdigit() else MONTHS[month.casefold()[:3]]
    try:
        return date(int(match.group(1)), number, int(match.group(3)))
    except ValueError:
        return None


def _furniture(node: HtmlElement) -> bool:
    if node.tag in _FURNITURE_TAGS or node.get("role") in _FURNITURE_ROLES:
        return True
    if node.tag in _CONTAINERS:
        return False
    names = f"{node.get('class') or ''} {node.get('id') or ''}".casefold()
    return bool(names.strip()) and not _FURNITURE_WORDS.isdisjoint(_WORD.findall(names))


def _is_headline(node: HtmlElement) -> bool:
    """An <h1> of a few words a reader sees (the <title> inside a logo's <svg> is not read)."""
    if node.tag != "h1":
        return False
    hidden = sum(len(part.text_content().split()) for part in node.iter(*_INVISIBLE) if part is not node)
    return len(node.text_content().split()) - hidden >= _MIN_HEADLINE_WORDS


def _numeric_date(text: str) -> date | None:
    """A 12/22/2023 or 22/12/2023 date, read only when one number is over 12: whether an outlet
    writes month or day first is not known, and an ambiguous date is not guessed."""
    if not (m := _SLASHED.search(text)):
        return None
    first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if first > 12 >= second:
        first, second = second, first
    elif not (second > 12 >= first or first == second):
        return None
    try:
        return date(year, first, second)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Seen:
    """A date written on the page, and whether it is labelled as an update ("Updated", class="mod")."""

    day: date
    update: bool


def _prose(text: str) -> bool:
    """A sentence of the story ("She wore it on April 23, 1985."), not a byline."""
    return len(text.split()) >= _MIN_SENTENCE_WORDS and text.rstrip().rstrip("\"'\u201d\u2019").endswith((".", "!", "?"))


def _labelled_update(text: str, owner: HtmlElement | None) -> bool:
    if _UPDATE_TEXT.search(text):
        return True
    if owner is None:
        return False
    for node in islice(chain((owner,), owner.iterancestors()), _LABEL_DEPTH):
        names = f"{node.get('class') or ''} {node.get('itemprop') or ''}".casefold()
        if not _UPDATE_WORDS.isdisjoint(_WORD.findall(names)):
            return True
    return False


def _seen(tree: HtmlElement) -> Seen | None:
    """The first complete date written in a short text after the headline, outside menus, sidebars,
    captions and embeds. A date before the headline may be the masthead's "today" or another
    story's: the first of them counts only when none follows (the nearest one measured worse).
    Written by hand: htmldate reads markup and metadata, not the byline a reader sees."""
    body = tree.find("body")
    before: Seen | None = None
    after_headline = False
    walker = iterwalk(body if body is not None else tree, events=("start", "end", "comment", "pi"))
    for event, node in walker:
        if event == "start":
            if node.tag in _INVISIBLE or _furniture(node):
                walker.skip_subtree()
                continue
            text, owner = node.text, node
        else:
            if event == "end" and not after_headline and _is_headline(node):
                after_headline = True
            text, owner = node.tail, node.getparent()
        if not text or len(text) > _MAX_VISIBLE_CHARS or not _YEAR.search(text) or _prose(text):
            continue
        if day := find_date(text) or _numeric_date(text):
            seen = Seen(day, _labelled_update(text, owner))
            if after_headline:
                return seen
            before = before or seen
    return before


def visible_date(tree: HtmlElement) -> date | None:
    seen = _seen(tree)
    return seen.day if seen else None


def _htmldate(tree: HtmlElement, url: str | None) -> date | None:
    try:  # htmldate raises on odd markup; a missing vote is not an error
        found = htmldate_find(tree, url=url, original_date=True, extensive_search=False)
    except Exception:
        return None
    return parse_date(found)


def _first_time(tree: HtmlElement) -> Stamp | None:
    times = tree.xpath("//time[@datetime]")
    return parse_stamp(times[0].get("datetime")) if times else None


def _local(stamp: Stamp | date | None, seen: Seen | None) -> date | None:
    """A UTC timestamp names the publisher's day only up to its time zone: when the visible
    publication date is one a real time zone reaches from that instant, the timestamp supports it.
    A visible update date does not: the publication may well be the day before."""
    if stamp is None or isinstance(stamp, date):
        return stamp
    if stamp.utc is not None and seen is not None and not seen.update and seen.day != stamp.day:
        try:
            if (stamp.utc + _WEST).date() <= seen.day <= (stamp.utc + _EAST).date():
                return seen.day
        except OverflowError:  # a stamp at the very edge of the calendar (year 1 or 9999)
            pass
    return stamp.day


def publication_date(
    tree: HtmlElement, url: str | None, json_ld: str | None, meta: dict[str, str]
) -> date | None:
    """``json_ld`` is the JSON-LD article's datePublished as written."""
    seen = _seen(tree)
    stamps = [
        parse_stamp(json_ld),
        parse_stamp(meta.get("article:published_time")),
        url_date(url),
        seen.day if seen else None,
        _first_time(tree),
        parse_stamp(meta.get("parsely-pub-date")),
        parse_stamp(meta.get("sailthru.date")),
    ]
    weights = [1.0, 1.0, 1.0, _VISIBLE_WEIGHT, 1.0, 1.0, 1.0]
    # (day, weight) in tie-break order; htmldate, the slowest source, is asked only when it could change the outcome.
    votes = [(_local(s, seen), w) for s, w in zip(stamps, weights, strict=True)]
    if not _decided(votes, margin=_HTMLDATE_WEIGHT):
        votes.insert(3, (_htmldate(tree, url), _HTMLDATE_WEIGHT))
    return _winner(votes)


def _tally(votes: list[tuple[date | None, float]]) -> Counter[date]:
    counts: Counter[date] = Counter()
    for day, weight in votes:
        if day is not None:
            counts[day] += weight
    return counts


def _decided(votes: list[tuple[date | None, float]], margin: float) -> bool:
    """True when one more vote of ``margin`` could neither overtake nor tie the leader."""
    ranked = _tally(votes).most_common(2)
    if not ranked:
        return False
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    return ranked[0][1] - max(runner_up, 0.0) > margin


def _winner(votes: list[tuple[date | None, float]]) -> date | None:
    counts = _tally(votes)
    if not counts:
        return None
    top = max(counts.values())
    return next(day for day, _ in votes if day is not None and counts[day] == top)
