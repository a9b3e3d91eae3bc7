"""Annotate: one spaCy parse per article; entities, quotes, claims and times read off it."""

from storyledger.annotate.annotator import annotate

__all__ = ["annotate"]
