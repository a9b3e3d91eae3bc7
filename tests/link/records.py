"""Hand-built AnnotatedArticle records, so linking is tested precisely whatever annotation finds."""

from __future__ import annotations

from datetime import date

from storyledger.records import (
    ActorRef, AnnotatedArticle, Article, Claim, DateSource, Entity, EntityType, Mention, Polarity, Role, Span,
    Stance,
)


def article(text: str, day: str, outlet: str, people: dict[str, list[str]] | None = None,
            things: dict[str, str] | None = None, title: str | None = None) -> AnnotatedArticle:
    """An article whose entities are the given names (with their roles) found in the text."""
    art = Article(source=f"test:{outlet}:{day}:{text[:20]}", text=text, title=title, published=date.fromisoformat(day),
                  published_source=DateSource.USER, outlet=outlet)
    entities, mentions = [], []
    for name, roles in (people or {}).items():
        eid = f"e{len(entities) + 1}"
        role_spans = [Role(r, max(0, text.find(r)), max(0, text.find(r)) + len(r)) for r in roles]
        entities.append(Entity(eid, name, EntityType.PERSON, [name], role_spans))
        mentions += _mentions(text, name, eid)
    for name, type_ in (things or {}).items():
        eid = f"e{len(entities) + 1}"
        entities.append(Entity(eid, name, EntityType(type_), [name]))
        mentions += _mentions(text, name, eid)
    return AnnotatedArticle(art, entities, mentions)


def _mentions(text: str, name: str, eid: str) -> list[Mention]:
    out, at = [], text.find(name)
    while at >= 0:
        out.append(Mention(eid, at, at + len(name), name))
        at = text.find(name, at + len(name))
    return out


def claim(annotated: AnnotatedArticle, actor: str, action: str, stance: Stance, polarity: Polarity = Polarity.AFFIRMED,
          target: str | None = None, condition: str | None = None, sentence: bool = False) -> Claim:
    """Add a claim whose actor, action and condition are spans of the article's text; its evidence runs
    from the actor to the end of the action or condition, or to the end of the sentence (``sentence``)."""
    text = annotated.article.text
    a = text.index(actor)
    ids = [e.id for e in annotated.entities if e.name == actor or actor in e.aliases]
    evidence_end = text.index(action) + len(action)
    if sentence:
        evidence_end = text.find(".", evidence_end) + 1 or len(text)
    cond = None
    if condition:
        c = text.index(condition)
        cond = Span(c, c + len(condition), condition)
        evidence_end = max(evidence_end, c + len(condition))
    target_id = next((e.id for e in annotated.entities if target and e.name == target), None)
    new = Claim(f"c{len(annotated.claims) + 1}", ActorRef(actor, a, a + len(actor), ids), action, "AGREE", stance,
                polarity, Span(a, evidence_end), target=target, target_entity_id=target_id, condition=cond)
    annotated.claims.append(new)
    return new
