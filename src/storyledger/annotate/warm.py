"""Imported by the process that forks ingest's workers (multiprocessing's forkserver preload): it
loads the pipeline and every model the per-article work loads lazily, once, by extracting and
annotating a made-up page and text, so each worker forks with them in memory (shared, copy-on-write) instead
of spending seconds of CPU loading its own copy."""

from __future__ import annotations

from storyledger.annotate.annotator import annotate
from storyledger.annotate.nlp import WARM_TEXT
from storyledger.extract import extract
from storyledger.records import Hints, RawDocument

_PAGE = f"<html><head><title>Tallow bridge</title></head><body><article><p>{WARM_TEXT}</p></article></body></html>"

# A page and a plain text: extraction loads a different model for each.
for raw in (RawDocument(source="warm-up.html", data=_PAGE.encode(), hints=Hints(format="html")),
            RawDocument(source="warm-up.txt", data=WARM_TEXT.encode())):
    annotate(extract(raw))
