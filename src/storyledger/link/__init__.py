"""Link: corpus-level work on the store (entities across articles, duplicates, stories, positions)."""

from storyledger.link.entities import link_entities
from storyledger.link.pipeline import link_document, link_new, relink

__all__ = ["link_document", "link_entities", "link_new", "relink"]
