"""What the views read from the ledger: one read model per thing a user sees.

The CLI tables and JSON Lines, the web pages and the JSON API all show these records; enums are
typed here and serialised as their values. Offsets index the document's clean text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

from storyledger.link.records import Change, Mark
from storyledger.records import DateSource, EntityType, Polarity, QuoteKind, Stance
from storyledger.sources.web.records import Kind

T = TypeVar("T")


@dataclass(slots=True)
class Page(Generic[T]):
    """One page of a list read, with the total, so no view ever loads a whole large ledger."""

    items: list[T]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None

    @property
    def prev_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None


@dataclass(slots=True)
class DocumentView:
    """A stored article; ``text`` and ``sources`` are read only for a single document."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    authors: list[str]
    published: dt.date | None
    published_source: DateSource
    language: str | None
    format: str
    source: str
    ingested_at: str
    text: str | None = None
    sources: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SearchHit:
    """A document matching a search; the snippet marks hits with U+E000/U+E001, so a view can escape
    the text first and mark it after."""

    document: DocumentView
    snippet: str

    @property
    def bracketed(self) -> str:
        """The snippet with its hits in [brackets], for plain-text views."""
        return self.snippet.replace("\ue000", "[").replace("\ue001", "]")


@dataclass(slots=True)
class MentionSpan:
    """A mention with its ledger-wide entity, for highlighting an article."""

    start: int
    end: int
    text: str
    entity_id: str | None
    entity_name: str
    entity_type: EntityType


@dataclass(slots=True)
class EntityView:
    """A ledger entity with how often and where it is mentioned."""

    id: str
    name: str
    type: EntityType
    aliases: list[str]
    roles: list[str]
    mentions: int
    documents: int


@dataclass(slots=True)
class QuoteView:
    document_id: str
    id: str
    kind: QuoteKind
    speaker: str | None
    speaker_entity: str | None  # ledger-wide entity id
    speaker_name: str | None  # canonical name when resolved
    cue: str | None
    text: str
    start: int
    end: int
    content: list[tuple[int, int]]
    published: dt.date | None
    outlet: str | None


_MONTHS = ("January February March April May June July August September October November December").split()
# TimeML modifiers as a reader says them ("early 2025", "about a year").
_MODS = {"START": "early", "MID": "mid", "END": "late", "APPROX": "about", "BEFORE": "before", "AFTER": "after",
         "ON_OR_BEFORE": "by", "ON_OR_AFTER": "from", "LESS_THAN": "less than", "MORE_THAN": "more than",
         "EQUAL_OR_LESS": "at most", "EQUAL_OR_MORE": "at least"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
COARSE = frozenset({"weekend", "week", "month", "season", "quarter", "half", "year", "decade", "century"})


def date_label(day: dt.date | None, precision: str | None = None, value: str | None = None, mod: str | None = None,
               text: str | None = None) -> str:
    """A date as precisely as it is known: "2025-03-04", "March 2025", "2025-Q3", "1830", "1830s", "early
    2025"; never a day the text did not give. A time with no date shows its words ("in the coming days")."""
    if day is None:
        return f"“{text}”" if text else "date unknown"
    if precision in (None, "day", "time") or not value:
        label = day.isoformat()
    elif precision == "month":
        label = f"{_MONTHS[day.month - 1]} {day.year}"
    elif precision == "year":
        label = str(day.year)
    elif precision == "decade":
        label = f"{value[:3]}0s"
    elif precision == "century":
        label = f"{value[:2]}00s"
    elif precision in ("week", "weekend"):
        label = f"{precision} of {day.isoformat()}"
    elif precision == "season" and value[-2:] in _SEASONS:
        label = f"{_SEASONS[value[-2:]]} {value[:4]}"
    else:
        label = value  # 2025-Q3, 2025-H1: TimeML's own forms read plainly
    return f"{_MODS[mod]} {label}" if mod in _MODS else label


@dataclass(slots=True)
class ClaimView:
    document_id: str
    id: str
    actor: str
    actor_entities: list[str]  # ledger-wide entity ids
    actor_names: list[str]
    action: str
    category: str
    stance: Stance
    polarity: Polarity
    target: str | None
    condition: str | None
    when_text: str | None
    when_date: dt.date | None
    reported_by: str | None
    evidence_start: int
    evidence_end: int
    evidence: str
    published: dt.date | None
    outlet: str | None
    when_date_end: dt.date | None = None
    when_value: str | None = None  # TimeML value as precise as the text: "2025", "2025-03", "P90D"
    when_precision: str | None = None  # day, week, month, quarter, year ...
    when_mod: str | None = None  # START (early), APPROX (about) ...

    @property
    def date(self) -> dt.date | None:
        """When the claim's event happens, else when it was reported."""
        return self.when_date or self.published

    @property
    def date_label(self) -> str:
        """The claim's date as precisely as it is known (its event's, else its article's)."""
        if self.when_date:
            return date_label(self.when_date, self.when_precision, self.when_value, self.when_mod)
        return date_label(self.published)


@dataclass(slots=True)
class PositionMark:
    """How a claim stands against its actor's earlier position on the same matter."""

    actor: str
    matter: str
    mark: Mark
    change: Change | None = None  # which way a changed position moved


class StatementKind(StrEnum):
    CLAIM = "claim"
    QUOTE = "quote"


@dataclass(slots=True)
class Statement:
    """What someone committed to or said: a claim (with its position marks) or a quote, dated by the
    claim's event, else its article."""

    kind: StatementKind
    date: dt.date | None
    claim: ClaimView | None = None
    quote: QuoteView | None = None
    marks: list[PositionMark] = field(default_factory=list)

    @property
    def document_id(self) -> str:
        return self.claim.document_id if self.claim else self.quote.document_id  # type: ignore[union-attr]

    @property
    def local_id(self) -> str:
        return self.claim.id if self.claim else self.quote.id  # type: ignore[union-attr]


class Revision(StrEnum):
    """Where a claim stands between versions of its article (the same URL fetched with another text)."""

    CORRECTION = "correction"  # first said in a later version: a correction or an update
    WITHDRAWN = "withdrawn"  # gone from the article's latest version


@dataclass(slots=True, kw_only=True)
class StatedLine:
    """A claim as a timeline shows it: when, which stance on what, and the sentence it came from. ``date`` is
    the claim's event date, else its article's; ``date_label`` says it as precisely as it is known ("2027",
    "March 2025"): never a day the text did not give."""

    date: dt.date | None
    date_label: str
    stance: Stance
    polarity: Polarity
    claim: str
    condition: str | None
    evidence: str
    document_id: str
    claim_id: str
    start: int
    end: int
    outlet: str | None


@dataclass(slots=True, kw_only=True)
class EarlierLine(StatedLine):
    """The earlier statement a repeated or changed line refers to, shown beside it."""


@dataclass(slots=True, kw_only=True)
class TimelineLine(StatedLine):
    """One line of a timeline: a position (an actor's claim on a matter), its mark and its source."""

    actor: str
    actor_id: str | None
    matter_id: str
    matter: str
    mark: Mark
    also_in: list[str] = field(default_factory=list)  # outlets of near-duplicates of the document
    previous: str | None = None  # "document_id/claim_id" of the step this one is compared with
    change: Change | None = None  # which way a changed position moved
    earlier: EarlierLine | None = None  # the step ``previous`` names, to show beside this one
    speaker: str | None = None  # who said it for the actor: a spokesperson, or whom the claim is reported by
    date_end: dt.date | None = None
    precision: str | None = None  # of the claim's own date (None: the article's date, a day)
    published: dt.date | None = None
    revision: Revision | None = None  # a correction in a later version of the article, or withdrawn from it

    @property
    def mark_label(self) -> str:
        """The mark as a reader reads it: "changed (reversed)"."""
        return f"{self.mark} ({self.change})" if self.change else str(self.mark)


@dataclass(slots=True)
class StoryView:
    id: str
    label: str
    first: dt.date | None
    last: dt.date | None
    documents: int  # distinct articles (near-duplicates counted once)
    copies: int  # every stored document, near-duplicates included
    outlets: list[str]


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    """Which articles a view covers: published on or after ``since`` and on or before ``until``, by
    ``outlet``. Claims and quotes follow their article; an undated article is left out once a date
    bound is given."""

    since: dt.date | None = None
    until: dt.date | None = None
    outlet: str | None = None

    def __bool__(self) -> bool:
        return any((self.since, self.until, self.outlet))


@dataclass(slots=True)
class LedgerCounts:
    """How much a view holds, for the counts above a page."""

    documents: int  # distinct articles (near-duplicates counted once)
    copies: int  # every stored document
    outlets: int
    quotes: int
    claims: int
    entities: int  # ledger entities mentioned
    first: dt.date | None
    last: dt.date | None


@dataclass(slots=True)
class DayCount:
    """How many articles an outlet published on a day (every copy counts: each outlet ran it)."""

    day: dt.date
    outlet: str | None
    documents: int


@dataclass(slots=True)
class Coverage:
    """The whole ledger at a glance: its date range and how many documents it holds."""

    first: dt.date | None
    last: dt.date | None
    documents: int  # distinct articles (near-duplicates counted once)
    copies: int  # every stored document


@dataclass(slots=True)
class Copy:
    """One copy of an article in its near-duplicate group, and where it was found."""

    document_id: str
    outlet: str | None
    location: str  # url, else the input it was read from


@dataclass(slots=True)
class MatterCount:
    """A matter of a story and how much is said on it: claims and actors."""

    id: str
    label: str
    claims: int
    actors: int


@dataclass(slots=True)
class LatestPosition:
    """An actor's latest stance on a matter, with the claim that shows it."""

    entity_id: str
    actor: str
    matter: str
    stance: Stance
    polarity: Polarity
    date: dt.date | None
    document_id: str
    claim_id: str
    evidence: str
    matter_id: str = ""  # the matter's id (the category when matters are categories)
    date_label: str = ""


@dataclass(slots=True)
class ChartPoint:
    """A dated claim of an actor. ``date``..``date_end`` are the days its date covers, ``precision`` how
    much of that is known; ``published`` is its article's date (the reporting window)."""

    entity_id: str
    actor: str
    date: dt.date
    stance: Stance
    document_id: str
    claim_id: str
    action: str
    date_end: dt.date | None = None
    precision: str | None = None
    published: dt.date | None = None
    date_label: str = ""


@dataclass(slots=True)
class ActorCount:
    entity_id: str
    name: str
    claims: int


@dataclass(slots=True)
class OutletCount:
    outlet: str
    documents: int


@dataclass(frozen=True, slots=True)
class Column:
    """A column of an exported table, with its declared type ("TEXT", "INTEGER", ...)."""

    name: str
    type: str


@dataclass(slots=True)
class Followed:
    """A feed, sitemap or page the ledger follows."""

    url: str
    kind: Kind | None  # None until first fetched
    added_at: dt.datetime
    checked_at: dt.datetime | None  # when it was last fetched (feeds and sitemaps)
    pages: int  # articles stored from it


@dataclass(slots=True)
class ArticleVersion:
    """One text of an article: version 1 is the first stored."""

    document_id: str
    version: int
    url: str
    fetched_at: str | None
    ingested_at: str
    title: str | None


@dataclass(slots=True)
class ArticleChange:
    """A document stored since a time: a new article (version 1) or a new version of one."""

    document: DocumentView
    version: int
    previous_id: str | None  # the version before, for a new version


@dataclass(slots=True)
class Changes:
    """What is new in the ledger since a time."""

    since: dt.datetime
    articles: list[ArticleChange]
    positions: list[TimelineLine]  # new and changed positions (repeats left out)
    quotes: list[QuoteView]  # new quotes (those a new version only repeats left out)
