"""The annotate stage: run the pipeline on an article and collect the records off the Doc."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language

from storyledger.annotate.claims.component import keep_once
from storyledger.annotate.nlp import load_pipeline
from storyledger.records import AnnotatedArticle, Article, Entity, EntityType, Span

# Articles longer than this are annotated in chunks of whole paragraphs. Real articles are far
# shorter; a page that is not (a 5,000-paragraph dump) would otherwise cost memory and time that
# grow faster than its length in spaCy and in our components.
CHUNK_CHARS = 60_000


def annotate(article: Article, nlp: Language | None = None) -> AnnotatedArticle:
    nlp = nlp or load_pipeline()
    text = article.text
    if len(text) <= CHUNK_CHARS:
        return _annotate_text(article, text, nlp)
    merged = AnnotatedArticle(article=article)
    for offset, piece in paragraph_chunks(text, CHUNK_CHARS):
        _merge(merged, _annotate_text(article, piece, nlp), offset)
    # a position restated in several chunks is kept once, as in a whole article
    merged.claims = [replace(c, id=f"c{i}") for i, c in enumerate(keep_once(merged.claims), 1)]
    return merged


def _annotate_text(article: Article, text: str, nlp: Language) -> AnnotatedArticle:
    doc = nlp.make_doc(text)
    doc._.sl_published = article.published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return AnnotatedArticle(
        article=article,
        entities=doc._.sl_entities or [],
        mentions=doc._.sl_mentions or [],
        quotes=doc._.sl_quotes or [],
        claims=doc._.sl_claims or [],
        times=doc._.sl_times or [],
    )


def paragraph_chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering ``text``, cut only at paragraph breaks where one exists
    within ``limit``, so no quote or sentence is cut that a paragraph does not already cut."""
    chunks, start = [], 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = text.rfind("\n\n", start + 1, end)
            if cut == -1:
                cut = text.rfind("\n", start + 1, end)
            end = cut + 1 if cut != -1 else end
        chunks.append((start, text[start:end]))
        start = end
    return chunks


def _shift(span, offset: int):
    return None if span is None else replace(span, start=span.start + offset, end=span.end + offset)


def _named_earlier(entity: Entity, earlier: list[Entity]) -> Entity | None:
    """A chunk may name a person by surname alone ("Roe") after an earlier chunk gave the full
    name ("Jane Roe"): the same rule the entities component applies within one text."""
    if entity.type is not EntityType.PERSON or " " in entity.name:
        return None
    matches = [e for e in earlier if e.type is EntityType.PERSON and e.name.split()[-1] == entity.name]
    return matches[0] if len(matches) == 1 else None


def _merge(into: AnnotatedArticle, part: AnnotatedArticle, offset: int) -> None:
    """Add a chunk's records to ``into``: offsets shifted, ids renumbered, and an entity seen in an
    earlier chunk under the same name and type merged with it."""
    by_key = {(e.name, e.type): e for e in into.entities}
    ids: dict[str, str] = {}
    for entity in part.entities:
        roles = [_shift(r, offset) for r in entity.roles]
        known = by_key.get((entity.name, entity.type)) or _named_earlier(entity, into.entities)
        if known is not None:
            ids[entity.id] = known.id
            known.aliases.extend(a for a in entity.aliases if a not in known.aliases)
            known.roles.extend(roles)
            continue
        new = replace(entity, id=f"e{len(into.entities) + 1}", aliases=list(entity.aliases), roles=roles)
        ids[entity.id] = new.id
        by_key[(new.name, new.type)] = new
        into.entities.append(new)

    def eid(local: str | None) -> str | None:
        return ids.get(local, local) if local is not None else None

    into.mentions.extend(replace(_shift(m, offset), entity_id=eid(m.entity_id)) for m in part.mentions)
    into.times.extend(_shift(t, offset) for t in part.times)
    quote_ids: dict[str, str] = {}
    for q in part.quotes:
        quote_ids[q.id] = f"q{len(into.quotes) + 1}"
        speaker = replace(_shift(q.speaker, offset), entity_id=eid(q.speaker.entity_id)) if q.speaker else None
        into.quotes.append(replace(
            q, id=quote_ids[q.id], speaker=speaker, cue=_shift(q.cue, offset),
            content=[Span(s.start + offset, s.end + offset, s.text) for s in q.content],
        ))
    for c in part.claims:
        into.claims.append(replace(
            c,
            id=f"c{len(into.claims) + 1}",
            actor=replace(_shift(c.actor, offset), entity_ids=[eid(x) for x in c.actor.entity_ids]),
            evidence=_shift(c.evidence, offset),
            condition=_shift(c.condition, offset),
            when=_shift(c.when, offset),
            target_entity_id=eid(c.target_entity_id),
            reported_by_entity_id=eid(c.reported_by_entity_id),
            quote_id=quote_ids.get(c.quote_id, c.quote_id) if c.quote_id else None,
        ))
