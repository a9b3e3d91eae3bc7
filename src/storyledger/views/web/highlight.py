"""Article text with entities, quotes and claims highlighted, built from character offsets.

Spans overlap freely (a mention inside a quote inside a claim), so the text is cut at every span
boundary and each piece becomes one element carrying the keys of all spans covering it. Every piece
of text is escaped before any markup is added: article text is hostile input. Hand-written because
no library renders overlapping offset spans onto escaped HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from storyledger.store.read_models import ClaimView, MentionSpan, QuoteView

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def anchor(kind: str, local_id: str) -> str:
    """The element id of a claim or quote on its article page ("claim-c3")."""
    return f"{kind}-{_UNSAFE.sub('_', local_id)}"


def line_href(document_id: str, kind: str, local_id: str) -> str:
    """Where a claim or quote links: its sentence on its article page."""
    return f"/documents/{document_id}#{anchor(kind, local_id)}"


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # "claim" | "quote" | "mention"
    key: str  # anchor for claims and quotes; entity key for mentions
    css: str = ""
    href: str | None = None  # where a mention links: its entity's page


def marks_for(mentions: list[MentionSpan], quotes: list[QuoteView], claims: list[ClaimView]) -> list[Mark]:
    marks = [
        Mark(m.start, m.end, "mention", "ent-" + _UNSAFE.sub("_", m.entity_id or "none"), "t-" + m.entity_type,
             f"/entities/{quote(m.entity_id, safe='')}" if m.entity_id else None)
        for m in mentions
    ]
    for q in quotes:
        marks += [Mark(s, e, "quote", anchor("quote", q.id)) for s, e in q.content]
    marks += [Mark(c.evidence_start, c.evidence_end, "claim", anchor("claim", c.id), "st-" + c.stance)
              for c in claims]
    return marks


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def highlight(text: str, marks: list[Mark]) -> Markup:
    """Paragraphs of escaped text; each marked piece is a <span> with the classes and keys of its spans.
    An empty <a id=...> sits where each claim or quote starts, so /documents/ID#claim-c3 scrolls there."""
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    starts: dict[int, list[str]] = {}
    for m in marks:
        if m.kind != "mention":
            starts.setdefault(m.start, []).append(m.key)
    anchored: set[str] = set()
    html: list[str] = []
    for ps, pe in _paragraphs(text):
        inside = [m for m in marks if m.start < pe and m.end > ps]
        cuts = sorted({ps, pe} | {max(ps, min(pe, x)) for m in inside for x in (m.start, m.end)}
                      | {k for k in starts if ps <= k < pe})
        parts: list[str] = []
        for a, b in zip(cuts, cuts[1:]):
            for key in starts.get(a, []) if a < pe else []:
                if key not in anchored:
                    anchored.add(key)
                    parts.append(f'<a class="anchor" id="{escape(key)}"></a>')
            piece = escape(text[a:b])
            active = [m for m in inside if m.start <= a and m.end >= b]
            if not active:
                parts.append(str(piece))
                continue
            kinds = sorted({m.kind for m in active})
            css = sorted({m.css for m in active if m.css})
            keys = " ".join(sorted({m.key for m in active}))
            attrs = f'class="{escape(" ".join(kinds + css))}" data-k="{escape(keys)}"'
            href = next((m.href for m in active if m.href), None)
            if href:
                parts.append(f'<a href="{escape(href)}" {attrs}>{piece}</a>')
            else:
                parts.append(f"<span {attrs}>{piece}</span>")
        html.append("<p>" + "".join(parts) + "</p>")
    return Markup("\n".join(html))


def snippet(text: str) -> Markup:
    """An FTS snippet (hits between U+E000 and U+E001) as escaped text with <mark>s."""
    return Markup(str(escape(text)).replace("\ue000", "<mark>").replace("\ue001", "</mark>"))
