"""Link: corpus-level work on the store (entities across articles, duplicates, stories)."""

from storyledger.link.entities import link_entities

__all__ = ["link_entities"]
