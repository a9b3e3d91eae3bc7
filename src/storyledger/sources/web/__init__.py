"""Fetching by URL: article pages, RSS/Atom feeds and XML sitemaps, politely and safely.

Fetcher fetches one URL; Collector runs the followed sources and yields RawDocuments (with url,
final_url and fetched_at) for the same per-article function that reads files.
"""

from storyledger.sources.web.capture import WarcRecorder
from storyledger.sources.web.collect import Collector, Event, Rechecks, RunSummary, Source, SourceCounts, Step
from storyledger.sources.web.fetch import Fetched, Fetcher, FetchError, Validators
from storyledger.sources.web.listings import Kind
from storyledger.sources.web.robots import RobotsRecord
from storyledger.sources.web.settings import FetchSettings
from storyledger.sources.web.state import CrawlState, ListingState, MemoryState, PageState, PageStatus
from storyledger.sources.web.urls import BadURL, normalise

__all__ = [
    "BadURL", "Collector", "CrawlState", "Event", "FetchError", "FetchSettings", "Fetched", "Fetcher", "Kind",
    "ListingState", "MemoryState", "PageState", "PageStatus", "Rechecks", "RobotsRecord", "RunSummary", "Source",
    "SourceCounts", "Step", "Validators", "WarcRecorder", "normalise",
]
