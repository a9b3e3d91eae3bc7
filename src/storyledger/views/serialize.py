"""The JSON contract of `extract --json` and `annotate --json`: offsets index "text"."""

from __future__ import annotations

from typing import Any

from storyledger.records import AnnotatedArticle, Article, Claim, Entity, Quote, to_jsonable


def article_json(path: str, article: Article) -> dict[str, Any]:
    return {
        "path": path,
        "ok": True,
        "error": None,
        "id": article.id,
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published.isoformat() if article.published else None,
        "published_source": article.published_source.value,
        "outlet": article.outlet,
        "url": article.url,
        "language": article.language,
        "format": article.format,
        "text": article.text,
    }


def failure_json(path: str, error: str) -> dict[str, Any]:
    return {
        "path": path, "ok": False, "error": error, "title": None, "authors": [], "published": None,
        "published_source": "unknown", "outlet": None, "text": None,
    }


def entity_json(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id, "name": e.name, "type": e.type.value, "aliases": list(e.aliases),
        "roles": [{"text": r.text, "start": r.start, "end": r.end} for r in e.roles],
    }


def quote_json(q: Quote) -> dict[str, Any]:
    return {
        "id": q.id,
        "kind": q.kind.value,
        "speaker": to_jsonable(q.speaker),
        "cue": {"text": q.cue.text, "start": q.cue.start, "end": q.cue.end} if q.cue else None,
        "content": [{"start": s.start, "end": s.end} for s in q.content],
    }


def claim_json(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "actor": {
            "text": c.actor.text, "start": c.actor.start, "end": c.actor.end,
            "entity_id": c.actor.entity_ids[0] if c.actor.entity_ids else None,
            "entity_ids": list(c.actor.entity_ids),
        },
        "action": c.action,
        "category": c.category,
        "target": c.target,
        "target_entity_id": c.target_entity_id,
        "stance": c.stance.value,
        "polarity": c.polarity.value,
        "condition": {"text": c.condition.text, "start": c.condition.start, "end": c.condition.end}
        if c.condition else None,
        "when": {
            "text": c.when.text, "start": c.when.start, "end": c.when.end,
            "date": c.when.date.isoformat() if c.when.date else None,
            "date_end": c.when.end_date.isoformat() if c.when.end_date else None,
            "kind": c.when.kind, "value": c.when.value, "precision": c.when.precision, "mod": c.when.mod,
        } if c.when else None,
        "reported_by": c.reported_by,
        "quote_id": c.quote_id,
        "evidence": {"start": c.evidence.start, "end": c.evidence.end},
    }


def annotated_json(path: str, annotated: AnnotatedArticle) -> dict[str, Any]:
    out = article_json(path, annotated.article)
    out["entities"] = [entity_json(e) for e in annotated.entities]
    out["mentions"] = [{"entity_id": m.entity_id, "start": m.start, "end": m.end} for m in annotated.mentions]
    out["quotes"] = [quote_json(q) for q in annotated.quotes]
    out["claims"] = [claim_json(c) for c in annotated.claims]
    out["times"] = [to_jsonable(t) for t in annotated.times]
    return out
