"""Fetching by URL: article pages, RSS/Atom feeds and XML sitemaps, politely and safely.

Fetcher fetches one URL; Collector runs the followed sources and yields RawDocuments (with url,
final_url and fetched_at) for the same per-article function that reads files. Names are loaded on
first use (PEP 562), so reading the records (the store, the CLI) loads no HTTP client.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_WHERE = {
    "WarcRecorder": "capture",
    "Collector": "collect", "Event": "collect", "Rechecks": "collect", "RunSummary": "collect", "Source": "collect",
    "SourceCounts": "collect", "Step": "collect",
    "Fetched": "fetch", "Fetcher": "fetch", "FetchError": "fetch",
    "Kind": "records", "ListingState": "records", "PageState": "records", "PageStatus": "records",
    "RobotsRecord": "records", "Validators": "records",
    "FetchSettings": "settings",
    "CrawlState": "state", "MemoryState": "state",
    "BadURL": "urls", "normalise": "urls",
}
__all__ = sorted(_WHERE)

if TYPE_CHECKING:
    from storyledger.sources.web.capture import WarcRecorder
    from storyledger.sources.web.collect import Collector, Event, Rechecks, RunSummary, Source, SourceCounts, Step
    from storyledger.sources.web.fetch import Fetched, Fetcher, FetchError
    from storyledger.sources.web.records import Kind, ListingState, PageState, PageStatus, RobotsRecord, Validators
    from storyledger.sources.web.settings import FetchSettings
    from storyledger.sources.web.state import CrawlState, MemoryState
    from storyledger.sources.web.urls import BadURL, normalise


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
