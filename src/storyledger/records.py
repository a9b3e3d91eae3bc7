"""Typed records passed between the stages of the flow.

Every record that points into an article carries character offsets into that
article's clean text (``Article.text``): nothing without a source span.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class DateSource(StrEnum):
    METADATA = "metadata"
    TEXT = "text"
    USER = "user"
    UNKNOWN = "unknown"


class EntityType(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    GROUP = "group"


class QuoteKind(StrEnum):
    DIRECT = "direct"
    PARTIAL = "partial"
    INDIRECT = "indirect"


class Stance(StrEnum):
    COMMITTED = "committed"
    PREPARING = "preparing"
    WILLING = "willing"
    CONSIDERING = "considering"
    DEMANDED = "demanded"
    RULED_OUT = "ruled_out"
    REFUSED = "refused"
    REPORTED = "reported"


class Polarity(StrEnum):
    AFFIRMED = "affirmed"
    NEGATED = "negated"


@dataclass(frozen=True, slots=True)
class Hints:
    """What the user says about an input. Per-document values (a sidecar, a JSONL row) win over
    what extraction finds; ``default_*`` values (command-line flags) only fill what is missing."""

    format: str | None = None  # "html" | "text" | None (guess)
    raw: bool = False  # text is already the clean article: use it verbatim
    url: str | None = None
    final_url: str | None = None  # where a fetched URL's redirects ended (url is then its canonical URL)
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    default_published: date | None = None
    default_outlet: str | None = None


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input as read by a source: bytes (undecoded) or text, plus where it came from."""

    source: str  # path, path:line or URL; names the input in errors
    data: bytes | None = None
    text: str | None = None
    fetched_at: datetime | None = None
    hints: Hints = field(default_factory=Hints)

    @property
    def raw_sha256(self) -> str:
        payload = self.data if self.data is not None else (self.text or "").encode("utf-8")
        return hashlib.sha256(payload).hexdigest()


def document_id(text: str) -> str:
    """Stable id from the clean text: the same article ingested twice gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """A clean article: body text without boilerplate and its metadata, with provenance."""

    source: str
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: date | None = None
    published_source: DateSource = DateSource.UNKNOWN
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    raw_sha256: str = ""
    format: str = "text"

    @property
    def id(self) -> str:
        return document_id(self.text)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str = ""


@dataclass(slots=True)
class Role:
    """A title or role given to an entity in the text ("UK prime minister"), with its evidence."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    """A canonical entity within one article. ``id`` is local to the article ("e1")."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    entity_id: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class SpeakerRef:
    text: str
    start: int
    end: int
    entity_id: str | None = None


@dataclass(slots=True)
class Quote:
    id: str  # local to the article ("q1")
    kind: QuoteKind
    speaker: SpeakerRef | None
    cue: Span | None
    content: list[Span]

    @property
    def start(self) -> int:
        return min(s.start for s in self.content)

    @property
    def end(self) -> int:
        return max(s.end for s in self.content)


@dataclass(slots=True)
class ActorRef:
    """Who a claim is about; several entities when the text names several ("The UK and France")."""

    text: str
    start: int
    end: int
    entity_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class TimeRef:
    """A time expression resolved against the publication date. ``date``..``end_date`` are the days
    it covers (None when it can't be placed: a duration, "recently"); ``precision`` says how much of
    that is known ("year": show 2025, never 2025-01-01). ``kind`` and ``value`` are TimeML's TIMEX3
    type (date | time | duration | set) and value ("2025-03-04", "2025-Q1", "P90D", "PRESENT_REF");
    ``mod`` its modifier ("START" for "early 2025", "APPROX" for "about a year")."""

    text: str
    start: int
    end: int
    date: dt.date | None = None
    end_date: dt.date | None = None
    kind: str = "date"
    value: str | None = None
    precision: str | None = None
    mod: str | None = None


@dataclass(slots=True)
class Claim:
    id: str  # local to the article ("c1")
    actor: ActorRef
    action: str
    category: str  # PLOVER category, e.g. "AID"
    stance: Stance
    polarity: Polarity
    evidence: Span
    target: str | None = None
    target_entity_id: str | None = None
    condition: Span | None = None
    when: TimeRef | None = None
    reported_by: str | None = None  # who says so, when not the actor: entity name, else the speaker's words
    quote_id: str | None = None
    reported_by_entity_id: str | None = None  # the entity of reported_by, when it resolves to one
    confidence: float | None = None  # the scorer's probability that an analyst keeps this claim


@dataclass(slots=True)
class AnnotatedArticle:
    """Everything the per-article work finds in one article: the unit the store takes."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)


def to_jsonable(value: Any) -> Any:
    """Turn records (nested dataclasses, enums, dates) into plain JSON values."""
    if hasattr(value, "__dataclass_fields__"):
        return {k: to_jsonable(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value
