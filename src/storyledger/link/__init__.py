"""Link: corpus-level work on the store (entities across articles, duplicates, stories, positions).

The entry points live in ``storyledger.link.pipeline``; this package imports nothing, so the store can
import link's ports and records without loading the linking algorithms' dependencies.
"""
