"""Writing what ingest found in one article: the document, its sources and its annotations."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from storyledger.records import AnnotatedArticle, TimeRef
from storyledger.store.sqlite.connection import Connection
from storyledger.store.sqlite.values import iso

def _precision(t: TimeRef | None) -> tuple[str | None, str | None, str | None, str | None]:
    """What a time is (kind, TIMEX3 value, precision, modifier), kept so no view shows a day it doesn't know."""
    return (t.kind, t.value, t.precision, t.mod) if t else (None, None, None, None)


_ADD_SOURCE = "INSERT OR IGNORE INTO document_sources (document_id, source, url, raw_sha256) VALUES (?, ?, ?, ?)"


class DocumentWrites(Connection):
    def has_document(self, document_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is not None

    def add_source(self, document_id: str, source: str, url: str | None, raw_sha256: str) -> None:
        with self.transaction():
            self._conn.execute(_ADD_SOURCE, (document_id, source, url, raw_sha256))

    def add(self, annotated: AnnotatedArticle) -> bool:
        art = annotated.article
        with self.transaction():
            known = self.has_document(art.id)
            if not known:
                self._insert(annotated)
            self._conn.execute(_ADD_SOURCE, (art.id, art.source, art.url, art.raw_sha256))
        return not known

    def _insert(self, annotated: AnnotatedArticle) -> None:
        art, c = annotated.article, self._conn
        doc_id = art.id
        c.execute(
            "INSERT INTO documents (id, url, outlet, title, authors, published, published_source, language,"
            " text, format, source, raw_sha256, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc_id, art.url, art.outlet, art.title, json.dumps(art.authors), iso(art.published),
                art.published_source.value, art.language, art.text, art.format, art.source, art.raw_sha256,
                datetime.now(timezone.utc).isoformat(timespec="seconds"),
            ),
        )
        c.executemany(
            "INSERT INTO doc_entities (document_id, local_id, name, type, aliases, roles) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (doc_id, e.id, e.name, e.type.value, json.dumps(e.aliases),
                 json.dumps([{"text": r.text, "start": r.start, "end": r.end} for r in e.roles]))
                for e in annotated.entities
            ],
        )
        c.executemany(
            "INSERT OR IGNORE INTO mentions (document_id, local_id, start, end, text) VALUES (?, ?, ?, ?, ?)",
            [(doc_id, m.entity_id, m.start, m.end, m.text) for m in annotated.mentions],
        )
        c.executemany(
            "INSERT INTO quotes (document_id, local_id, kind, speaker_text, speaker_start, speaker_end,"
            " speaker_local_id, cue_text, cue_start, cue_end, content, content_text, start, end)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    doc_id, q.id, q.kind.value,
                    q.speaker.text if q.speaker else None, q.speaker.start if q.speaker else None,
                    q.speaker.end if q.speaker else None, q.speaker.entity_id if q.speaker else None,
                    q.cue.text if q.cue else None, q.cue.start if q.cue else None, q.cue.end if q.cue else None,
                    json.dumps([[s.start, s.end] for s in q.content]),
                    " … ".join(art.text[s.start:s.end] for s in q.content),
                    q.start, q.end,
                )
                for q in annotated.quotes
            ],
        )
        c.executemany(
            "INSERT INTO claims (document_id, local_id, actor_text, actor_start, actor_end, actor_local_ids,"
            " action, category, stance, polarity, target, target_local_id, condition_text, condition_start,"
            " condition_end, when_text, when_start, when_end, when_date, when_date_end, reported_by,"
            " quote_local_id, evidence_start, evidence_end, evidence_text, when_kind, when_value, when_precision,"
            " when_mod) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    doc_id, cl.id, cl.actor.text, cl.actor.start, cl.actor.end, json.dumps(cl.actor.entity_ids),
                    cl.action, cl.category, cl.stance.value, cl.polarity.value, cl.target, cl.target_entity_id,
                    cl.condition.text if cl.condition else None,
                    cl.condition.start if cl.condition else None, cl.condition.end if cl.condition else None,
                    cl.when.text if cl.when else None, cl.when.start if cl.when else None,
                    cl.when.end if cl.when else None, iso(cl.when.date) if cl.when else None,
                    iso(cl.when.end_date) if cl.when else None,
                    cl.reported_by, cl.quote_id, cl.evidence.start, cl.evidence.end,
                    art.text[cl.evidence.start:cl.evidence.end], *_precision(cl.when),
                )
                for cl in annotated.claims
            ],
        )
        c.executemany(
            "INSERT OR IGNORE INTO times (document_id, start, end, text, date, date_end, kind, value, precision, mod)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, t.start, t.end, t.text, iso(t.date), iso(t.end_date), *_precision(t)) for t in annotated.times],
        )
