"""HTML pages: body and metadata from trafilatura."""

from __future__ import annotations

from datetime import date

import trafilatura

from storyledger.extract.fields import ExtractedFields


def extract_html(html: str, url: str | None = None) -> ExtractedFields:
    doc = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=False, with_metadata=True, favor_precision=False
    )
    if doc is None:
        return ExtractedFields(text="")
    published = None
    if getattr(doc, "date", None):
        try:
            published = date.fromisoformat(doc.date[:10])
        except ValueError:
            published = None
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return ExtractedFields(
        text=doc.text or "",
        title=doc.title,
        authors=authors,
        published=published,
        outlet=doc.sitename,
        url=doc.url or url,
        language=doc.language,
    )
