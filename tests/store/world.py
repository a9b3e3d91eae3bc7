"""A small ledger built by hand, so every store read has an exact expectation.

Two made-up stories: a harbour strike in Castellan (three articles, one a wire copy of another) and
a polluted lake (two articles, one undated). Annotations are hand-built records; entities, stories,
near-duplicates and positions are written through the link interface by hand, not by the link
algorithms, so these tests check the store alone.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from storyledger.link.ports import LinkLedger
from storyledger.link.records import Change, LedgerEntity, Mark
from storyledger.records import (
    ActorRef, AnnotatedArticle, Article, Claim, DateSource, Entity, EntityType, Mention, Polarity, Quote, QuoteKind,
    Role, Span, SpeakerRef, Stance, TimeRef,
)
from storyledger.store.interfaces import DocumentWriter

STRIKE = (
    "Transport minister Arkady Dvorkovich said on Monday the port of Castellan would reopen on Friday if the "
    "Harbour Workers Union ended its strike.\n\n"
    "“We are ready to talk,” Dvorkovich told reporters.\n\n"
    "Dana Okafor, the union's general secretary, ruled out a return to work this week."
)
TALKS = (
    "Dana Okafor said the Harbour Workers Union would end the strike if wages rose by five percent.\n\n"
    "Arkady Dvorkovich is now only considering reopening the port."
)
TALKS_COPY = TALKS + "\n\nReporting by Meridian Press."
LAKE = "Brightwater Chemicals said it would pay for the cleanup of Lake Orrin."
MAYOR = "Mayor Ines Halvorsen demanded tests of Lake Orrin."

# Ledger entities, as the link stage would have made them.
DVORKOVICH = LedgerEntity("Edvorkovich", "Arkady Dvorkovich", EntityType.PERSON,
                          ["Arkady Dvorkovich", "Dvorkovich"], ["Transport minister"])
CASTELLAN = LedgerEntity("Ecastellan", "Castellan", EntityType.PLACE, ["Castellan"], [])
UNION = LedgerEntity("Eunion", "Harbour Workers Union", EntityType.ORGANISATION, ["Harbour Workers Union"], [])
OKAFOR = LedgerEntity("Eokafor", "Dana Okafor", EntityType.PERSON, ["Dana Okafor"], ["general secretary"])
BRIGHTWATER = LedgerEntity("Ebrightwater", "Brightwater Chemicals", EntityType.ORGANISATION,
                           ["Brightwater Chemicals"], [])
LAKE_ORRIN = LedgerEntity("Elake", "Lake Orrin", EntityType.PLACE, ["Lake Orrin"], [])
HALVORSEN = LedgerEntity("Ehalvorsen", "Ines Halvorsen", EntityType.PERSON, ["Ines Halvorsen"], ["Mayor"])


def span(text: str, needle: str, nth: int = 0) -> Span:
    """The ``nth`` occurrence of ``needle`` in ``text``."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return Span(at, at + len(needle), needle)


def _mentions(text: str, entity_id: str, *names: str) -> list[Mention]:
    """Every occurrence of each name."""
    out = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            out.append(Mention(entity_id, at, at + len(name), name))
            at = text.find(name, at + len(name))
    return out


def _actor(text: str, needle: str, *entity_ids: str) -> ActorRef:
    s = span(text, needle)
    return ActorRef(needle, s.start, s.end, list(entity_ids))


def _role(text: str, needle: str) -> Role:
    s = span(text, needle)
    return Role(needle, s.start, s.end)


def _time(text: str, needle: str, day: date) -> TimeRef:
    s = span(text, needle)
    return TimeRef(needle, s.start, s.end, day, day)


def strike() -> AnnotatedArticle:
    t = STRIKE
    art = Article(source="strike.html", text=t, title="Castellan port to reopen if strike ends", authors=["Mira Stone"],
                  published=date(2025, 2, 3), published_source=DateSource.METADATA, outlet="Castellan Courier",
                  url="https://courier.example/strike", language="en", raw_sha256="a1", format="html")
    quoted = span(t, "Dvorkovich", 1)
    return AnnotatedArticle(
        article=art,
        entities=[
            Entity("e1", "Arkady Dvorkovich", EntityType.PERSON, ["Arkady Dvorkovich", "Dvorkovich"],
                   [_role(t, "Transport minister")]),
            Entity("e2", "Castellan", EntityType.PLACE, ["Castellan"]),
            Entity("e3", "Harbour Workers Union", EntityType.ORGANISATION, ["Harbour Workers Union"]),
            Entity("e4", "Dana Okafor", EntityType.PERSON, ["Dana Okafor"], [_role(t, "general secretary")]),
        ],
        mentions=[*_mentions(t, "e1", "Arkady Dvorkovich"), Mention("e1", quoted.start, quoted.end, quoted.text),
                  *_mentions(t, "e2", "Castellan"), *_mentions(t, "e3", "Harbour Workers Union"),
                  *_mentions(t, "e4", "Dana Okafor")],
        quotes=[Quote("q1", QuoteKind.DIRECT, SpeakerRef(quoted.text, quoted.start, quoted.end, "e1"),
                      span(t, "told reporters"), [span(t, "We are ready to talk,")])],
        claims=[
            Claim("c1", _actor(t, "Arkady Dvorkovich", "e1"), "reopen the port of Castellan", "COOPERATE",
                  Stance.COMMITTED, Polarity.AFFIRMED, span(t, t[:t.index("\n")]), target="Castellan",
                  target_entity_id="e2", condition=span(t, "if the Harbour Workers Union ended its strike"),
                  when=_time(t, "on Friday", date(2025, 2, 7))),
            Claim("c2", _actor(t, "Dana Okafor", "e4"), "a return to work this week", "REJECT", Stance.RULED_OUT,
                  Polarity.NEGATED, span(t, t[t.rindex("\n") + 1:])),
        ],
        times=[_time(t, "on Monday", date(2025, 2, 3)), _time(t, "on Friday", date(2025, 2, 7))],
    )


def talks(text: str = TALKS, outlet: str = "Meridian Press", source: str = "talks.txt",
          url: str | None = "https://meridian.example/talks") -> AnnotatedArticle:
    t = text
    art = Article(source=source, text=t, title="Union sets terms", published=date(2025, 2, 10),
                  published_source=DateSource.TEXT, outlet=outlet, url=url, raw_sha256="b2")
    return AnnotatedArticle(
        article=art,
        entities=[Entity("e1", "Dana Okafor", EntityType.PERSON, ["Dana Okafor"]),
                  Entity("e2", "Harbour Workers Union", EntityType.ORGANISATION, ["Harbour Workers Union"]),
                  Entity("e3", "Arkady Dvorkovich", EntityType.PERSON, ["Arkady Dvorkovich"])],
        mentions=[*_mentions(t, "e1", "Dana Okafor"), *_mentions(t, "e2", "Harbour Workers Union"),
                  *_mentions(t, "e3", "Arkady Dvorkovich")],
        quotes=[Quote("q1", QuoteKind.INDIRECT, SpeakerRef("Dana Okafor", 0, 11, "e1"), span(t, "said"),
                      [span(t, "the Harbour Workers Union would end the strike if wages rose by five percent")])],
        claims=[
            Claim("c1", _actor(t, "the Harbour Workers Union", "e2"), "end the strike", "COOPERATE", Stance.WILLING,
                  Polarity.AFFIRMED, span(t, t[:t.index("\n")]), condition=span(t, "if wages rose by five percent"),
                  reported_by="Dana Okafor", quote_id="q1"),
            Claim("c2", _actor(t, "Arkady Dvorkovich", "e3"), "reopening the port", "COOPERATE", Stance.CONSIDERING,
                  Polarity.AFFIRMED, span(t, "Arkady Dvorkovich is now only considering reopening the port.")),
        ],
    )


def talks_copy() -> AnnotatedArticle:
    return talks(TALKS_COPY, outlet="Northern Ledger", source="copy.txt", url=None)


def lake() -> AnnotatedArticle:
    t = LAKE
    art = Article(source="lake.txt", text=t, title="Brightwater to pay for Lake Orrin", published=date(2025, 3, 18),
                  published_source=DateSource.USER, outlet="Orrin Gazette", raw_sha256="c3")
    return AnnotatedArticle(
        article=art,
        entities=[Entity("e1", "Brightwater Chemicals", EntityType.ORGANISATION, ["Brightwater Chemicals"]),
                  Entity("e2", "Lake Orrin", EntityType.PLACE, ["Lake Orrin"])],
        mentions=[*_mentions(t, "e1", "Brightwater Chemicals"), *_mentions(t, "e2", "Lake Orrin")],
        claims=[Claim("c1", _actor(t, "Brightwater Chemicals", "e1"), "pay for the cleanup of Lake Orrin", "AID",
                      Stance.WILLING, Polarity.AFFIRMED, span(t, t), target="Lake Orrin", target_entity_id="e2")],
    )


def mayor() -> AnnotatedArticle:
    t = MAYOR
    art = Article(source="mayor.txt", text=t, raw_sha256="d4")
    return AnnotatedArticle(
        article=art,
        entities=[Entity("e1", "Ines Halvorsen", EntityType.PERSON, ["Ines Halvorsen"], [Role("Mayor", 0, 5)]),
                  Entity("e2", "Lake Orrin", EntityType.PLACE, ["Lake Orrin"])],
        mentions=[*_mentions(t, "e1", "Ines Halvorsen"), *_mentions(t, "e2", "Lake Orrin")],
        claims=[Claim("c1", _actor(t, "Mayor Ines Halvorsen", "e1"), "tests of Lake Orrin", "DEMAND",
                      Stance.DEMANDED, Polarity.AFFIRMED, span(t, t), target="Lake Orrin", target_entity_id="e2")],
    )


@dataclass(frozen=True, slots=True)
class World:
    """Document ids of the hand-built ledger, in the order they were stored."""

    strike: str
    talks: str
    copy: str
    lake: str
    mayor: str

    def names(self) -> dict[str, str]:
        """Document id -> its name here ("strike", "talks"...), for readable expectations."""
        return {getattr(self, f.name): f.name for f in fields(self)}


def store_articles(ledger: DocumentWriter) -> World:
    articles = [strike(), talks(), talks_copy(), lake(), mayor()]
    for a in articles:
        assert ledger.add(a)
    return World(*(a.article.id for a in articles))


# Which ledger entity each document entity resolves to, per article, by local id.
_RESOLVED = {
    "strike": {"e1": DVORKOVICH, "e2": CASTELLAN, "e3": UNION, "e4": OKAFOR},
    "talks": {"e1": OKAFOR, "e2": UNION, "e3": DVORKOVICH},
    "copy": {"e1": OKAFOR, "e2": UNION, "e3": DVORKOVICH},
    "lake": {"e1": BRIGHTWATER, "e2": LAKE_ORRIN},
    "mayor": {"e1": HALVORSEN, "e2": LAKE_ORRIN},
}
PORT_STORY, LAKE_STORY = "Sport", "Slake"
REOPEN, STRIKE_ENDS, CLEANUP = "Mreopen", "Mstrike", "Mcleanup"


def link_by_hand(ledger: LinkLedger, world: World) -> None:
    """Entities, stories, near-duplicates and marked positions, written as the link stage would."""
    with ledger.transaction():
        for name, resolved in _RESOLVED.items():
            doc = getattr(world, name)
            ledger.mark_linked(doc)
            for local_id, entity in resolved.items():
                ledger.upsert_entity(entity)
                ledger.assign_doc_entity(doc, local_id, entity.id)
        ledger.set_duplicate(world.copy, world.talks, 0.9)
        ledger.set_duplicate(world.talks, world.talks, 1.0)
        for doc, story, day in (
            (world.strike, PORT_STORY, date(2025, 2, 3)), (world.talks, PORT_STORY, date(2025, 2, 10)),
            (world.copy, PORT_STORY, date(2025, 2, 10)), (world.lake, LAKE_STORY, date(2025, 3, 18)),
            (world.mayor, LAKE_STORY, None),
        ):
            ledger.add_to_story(story, doc, day, 1.0)
        ledger.set_story_label(PORT_STORY, "Arkady Dvorkovich · port, strike")
        ledger.set_story_label(LAKE_STORY, "Brightwater Chemicals · lake")
        for matter, label in ((REOPEN, "reopen port"), (STRIKE_ENDS, "end strike"), (CLEANUP, "cleanup lake")):
            ledger.add_to_matter(matter)
            ledger.set_matter_label(matter, label)
        for doc, claim, actor, matter, day in (
            (world.strike, "c1", DVORKOVICH.id, REOPEN, date(2025, 2, 7)),
            (world.strike, "c2", OKAFOR.id, STRIKE_ENDS, date(2025, 2, 3)),
            (world.talks, "c1", UNION.id, STRIKE_ENDS, date(2025, 2, 10)),
            (world.talks, "c2", DVORKOVICH.id, REOPEN, date(2025, 2, 10)),
            (world.copy, "c1", UNION.id, STRIKE_ENDS, date(2025, 2, 10)),
            (world.copy, "c2", DVORKOVICH.id, REOPEN, date(2025, 2, 10)),
            (world.lake, "c1", BRIGHTWATER.id, CLEANUP, date(2025, 3, 18)),
            (world.mayor, "c1", HALVORSEN.id, CLEANUP, None),
        ):
            ledger.add_position(doc, claim, actor, matter, day)
        ledger.set_mark(world.talks, "c2", DVORKOVICH.id, Mark.CHANGED, Change.HARDENED, (world.strike, "c1"))
        ledger.set_mark(world.copy, "c2", DVORKOVICH.id, Mark.CHANGED, Change.HARDENED, (world.strike, "c1"))
