"""The annotate stage: long articles are annotated in paragraph chunks with the same records."""

from __future__ import annotations

from datetime import date

from storyledger.annotate import annotator as stage
from storyledger.records import Article, DateSource

PARAS = [
    "Port minister Jane Roe said on Monday that the northern ports would reopen if the strike ended.",
    "“We are ready to talk,” Roe told reporters in Halden.",
    "The Harbour Workers Union said it would not call off the strike.",
]


def _article(n: int) -> Article:
    text = "\n\n".join(PARAS[i % 3].replace("Monday", ["Monday", "Tuesday", "Friday"][i % 3]) for i in range(n))
    return Article(source="long.txt", text=text, published=date(2024, 3, 8), published_source=DateSource.USER)


def test_paragraph_chunks_cover_the_text_and_cut_only_at_breaks() -> None:
    text = _article(40).text
    chunks = stage.paragraph_chunks(text, 500)
    assert "".join(piece for _, piece in chunks) == text
    assert all(text[off:off + len(piece)] == piece for off, piece in chunks)
    assert all(piece.endswith("\n") for _, piece in chunks[:-1])


def test_chunked_annotation_matches_whole_annotation(nlp, monkeypatch) -> None:
    art = _article(12)
    whole = stage.annotate(art, nlp)
    monkeypatch.setattr(stage, "CHUNK_CHARS", 400)
    chunked = stage.annotate(art, nlp)
    text = art.text
    assert sorted((m.start, m.end) for m in chunked.mentions) == sorted((m.start, m.end) for m in whole.mentions)
    assert all(text[m.start:m.end] == m.text for m in chunked.mentions)
    assert sorted(e.name for e in chunked.entities) == sorted(e.name for e in whole.entities)
    ids = {e.id for e in chunked.entities}
    assert len(ids) == len(chunked.entities) and all(m.entity_id in ids for m in chunked.mentions)
    assert [(q.start, q.end) for q in chunked.quotes] == [(q.start, q.end) for q in whole.quotes]
    assert [(c.evidence.start, c.evidence.end) for c in chunked.claims] == [
        (c.evidence.start, c.evidence.end) for c in whole.claims]
    assert [c.id for c in chunked.claims] == [f"c{i}" for i in range(1, len(chunked.claims) + 1)]


def test_five_thousand_paragraph_article_is_annotated_with_spans_into_its_text(nlp) -> None:
    art = _article(5000)
    out = stage.annotate(art, nlp)
    text = art.text
    assert len(out.quotes) >= 1600
    assert all(text[m.start:m.end] == m.text for m in out.mentions)
    assert all(0 <= c.evidence.start < c.evidence.end <= len(text) for c in out.claims)
    roe = [e for e in out.entities if e.name == "Jane Roe"]
    assert len(roe) == 1
