"""Link: corpus-level work on the store (entities across articles, duplicates, stories, positions)."""

from storyledger.link.pipeline import link_document, link_new, relink

__all__ = ["link_document", "link_new", "relink"]
