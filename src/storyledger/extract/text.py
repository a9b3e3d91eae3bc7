"""Already-scraped plain text: keep the article lines, read leading metadata lines."""

from __future__ import annotations

import re
from datetime import date

from storyledger.extract.fields import ExtractedFields
from storyledger.records import DateSource

_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+")


def clean_text(text: str) -> ExtractedFields:
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    published = None
    paragraphs = [line for line in lines if line]
    if not paragraphs:
        return ExtractedFields(text="")
    first = paragraphs[0]
    m = _DATE_PREFIX.match(first)
    if m:
        published = date.fromisoformat(m.group(1))
        first = first[m.end():]
    title = first
    body = paragraphs[1:] if len(paragraphs) > 1 else paragraphs
    return ExtractedFields(
        text="\n\n".join(body),
        title=title,
        published=published,
        published_source=DateSource.TEXT if published else DateSource.UNKNOWN,
    )
