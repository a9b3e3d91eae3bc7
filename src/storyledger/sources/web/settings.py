"""How politely and how safely pages are fetched: one frozen value shared by every fetch."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version


def _version() -> str:
    try:
        return version("storyledger")
    except PackageNotFoundError:  # a checkout on PYTHONPATH that was never installed
        return "dev"


# Names the tool (its robots.txt token is "storyledger") and what it does, as crawlers should.
DEFAULT_USER_AGENT = f"storyledger/{_version()} (news ledger; follows feeds and sitemaps; honours robots.txt)"


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Defaults are for the open web; tests shorten the timeouts and the delays."""

    user_agent: str = DEFAULT_USER_AGENT
    allow_local: bool = False  # loopback, private and link-local addresses are refused unless set
    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # between two reads of the same response
    total_timeout: float = 120.0  # one response from its first byte to its last (slow-drip servers)
    max_page_bytes: int = 10 * 1024 * 1024  # decoded size of an article page
    # The sitemap protocol allows 50 MB (uncompressed) per sitemap; feeds are far smaller.
    max_listing_bytes: int = 50 * 1024 * 1024
    max_redirects: int = 5
    attempts: int = 3  # tries of one URL on timeouts, connection errors, 429, 500, 502, 503, 504
    backoff: float = 2.0  # seconds before the 2nd try, doubled for each further try
    max_backoff: float = 60.0
    max_retry_after: float = 120.0  # a longer Retry-After fails the URL for this run instead of waiting
    host_delay: float = 1.0  # seconds between two requests to the same host (robots Crawl-delay can raise it)
    max_crawl_delay: float = 30.0  # the most a robots.txt Crawl-delay may impose
    per_host: int = 2  # requests in flight to one host
    concurrency: int = 8  # requests in flight in all
    robots_ttl: float = 24 * 3600.0  # how long a robots.txt is trusted (RFC 9309 says at most 24 h)

    @property
    def robots_token(self) -> str:
        """The product token robots.txt groups are matched against ("storyledger")."""
        return self.user_agent.split("/", 1)[0].split()[0] or "storyledger"
