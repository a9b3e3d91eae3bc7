"""Small helpers over spaCy tokens shared by the entity and speaker readers."""

from __future__ import annotations

from spacy.tokens import Token


def contiguous_run(head: Token, toks: list[Token], punct_after: bool = True) -> list[Token]:
    """The tokens of ``toks`` that touch ``head`` without a gap: a phrase cut out of a subtree whose other
    parts (relative clauses, skipped children) lie elsewhere. ``punct_after=False`` ends it at punctuation."""
    chosen = {t.i for t in toks}
    start = head.i
    while start - 1 in chosen:
        start -= 1
    end = head.i
    while end + 1 in chosen and (punct_after or not head.doc[end + 1].is_punct):
        end += 1
    return [head.doc[i] for i in range(start, end + 1)]
