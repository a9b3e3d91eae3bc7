"""Entities: people, organisations, places and groups of one article, with their mentions and roles (component storyledger_entities)."""
