"""The per-article work as one pure function: raw document in, records out, no store access.

The local runner maps it over files; a cluster job can map the same function over WARC records.
"""

from __future__ import annotations

from spacy.language import Language

from storyledger.annotate import annotate
from storyledger.extract import extract
from storyledger.records import AnnotatedArticle, Article, RawDocument


def process(raw: RawDocument | Article, nlp: Language | None = None) -> AnnotatedArticle:
    """Raise InputError (naming the input) when the raw document holds no article. An Article is
    annotated as it is: the runner extracts first, to skip articles the ledger already holds."""
    return annotate(raw if isinstance(raw, Article) else extract(raw), nlp)
