"""The HTTP client: httpx over HTTP/1.1 and HTTP/2, timeouts on every phase, the address guard."""

from __future__ import annotations

import httpcore
import httpx

from storyledger.sources.web.guard import GuardedBackend, Resolver, system_resolver
from storyledger.sources.web.settings import FetchSettings

# Only what we decode ourselves, checking the size while decompressing (see body.py).
ACCEPT_ENCODING = "gzip, deflate"


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport on a connection pool whose network backend is the address guard.

    httpx has no parameter for the network backend yet (encode/httpx PR #3749), so the pool it
    builds is replaced by one built the same way through httpcore's public API."""

    def __init__(self, settings: FetchSettings, resolver: Resolver = system_resolver) -> None:
        super().__init__(http2=True, trust_env=False)
        limits = httpx.Limits(max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=True,
            network_backend=GuardedBackend(settings.allow_local, resolver),
        )


def make_client(settings: FetchSettings, resolver: Resolver = system_resolver) -> httpx.Client:
    """Redirects are followed by the fetcher, one hop at a time, so each hop is checked and recorded.
    Proxies from the environment are not used: the guard must see the address really connected to."""
    return httpx.Client(
        transport=GuardedTransport(settings, resolver),
        timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout, pool=None),
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        follow_redirects=False,
        trust_env=False,
    )
