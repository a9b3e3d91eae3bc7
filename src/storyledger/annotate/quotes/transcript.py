"""Transcript lines and headlines: "TAPPER: Do you think ..." — a paragraph opened by an upper-case speaker label
and a colon is that speaker's words, up to the end of the paragraph. Broadcast transcripts carry
no reporting verb, so the parse-based cues never see them.
"""

from __future__ import annotations

import re

from storyledger.annotate.quotes.marks import paragraphs

# A transcript quoted in the article opens each line with a quote mark: '"WALLACE: Let's start ...'.
_LABEL = re.compile(r"[\"“]?([A-Z][A-Z.'’ -]{1,40}[A-Z.])(?: \([^)\n]{1,40}\))?\s*:[ \t]+(?=\S)")
# A headline "Name: what they said" (the article's first line): a short capitalised label.
_HEADLINE = re.compile(r"([A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|on|of|de|van|von)){0,6})\s*:[ \t]+(?=\S)")
_NOT_SPEAKERS = {"UPDATE", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "CORRECTION", "WATCH", "READ MORE", "RELATED",
                 "PHOTOS", "VIDEO", "THE LATEST", "NEWS GUIDE", "LIVE", "ANALYSIS", "OPINION", "EXCLUSIVE", "WATCH LIVE", "BREAKING", "SOURCE", "SOURCES", "CLICK HERE", "ALSO", "Q", "A"}


def transcript_lines(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(label span, content span) for each paragraph that is a labelled transcript line."""
    out = []
    for p, (lo, hi) in enumerate(paragraphs(text)):
        while lo < hi and text[lo].isspace():
            lo += 1
        m = _LABEL.match(text, lo, hi) or (_HEADLINE.match(text, lo, hi) if p == 0 else None)
        if m is None or m.group(1).strip().upper() in _NOT_SPEAKERS:
            continue
        end = hi
        while end > m.end() and text[end - 1].isspace():
            end -= 1
        if end - m.end() < 3:
            continue
        out.append(((m.start(1), m.end(1)), (m.end(), end)))
    return out


# A quote signed after a dash, as in epigraphs and reader round-ups: "“...” ― Jane Doe".
_SIGNED = re.compile(r"[\s\u00a0]*[―—–][\s\u00a0]*([A-Z][\w.'’-]*(?:[ \u00a0][A-Z][\w.'’-]*){0,4})[\s\u00a0.,]*")


def signed_by(text: str, quote_end: int, hi: int) -> tuple[int, int] | None:
    """The name span signing the quote that ends at ``quote_end``, when the rest of the paragraph is that name."""
    m = _SIGNED.match(text, quote_end, hi)
    if m is None or m.end() < hi and text[m.end():hi].strip():
        return None
    end = m.end(1)
    if text[end - 1] == "." and text[end - 3] not in " \u00a0":  # a full stop, not an initial ("J.")
        end -= 1
    return m.start(1), end
