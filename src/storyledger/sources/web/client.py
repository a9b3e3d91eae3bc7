"""The HTTP client: httpx over HTTP/1.1 and HTTP/2, timeouts on every phase, the address guard."""

from __future__ import annotations

import ssl
from functools import cache

import httpcore
import httpx

from storyledger.sources.web.guard import GuardedBackend, Resolver, system_resolver
from storyledger.sources.web.settings import FetchSettings

# Only what we decode ourselves, checking the size while decompressing (see body.py).
ACCEPT_ENCODING = "gzip, deflate"


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport on a connection pool whose network backend is the address guard.

    httpx has no parameter for the network backend yet (encode/httpx PR #3749), so the pool its
    constructor would build is built here instead, through httpcore's public API."""

    def __init__(self, settings: FetchSettings, resolver: Resolver = system_resolver) -> None:  # noqa: super
        self._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(),
            max_connections=settings.concurrency,
            max_keepalive_connections=settings.concurrency,
            http1=True,
            http2=True,
            network_backend=GuardedBackend(settings.allow_local, resolver),
        )


@cache
def _ssl_context() -> ssl.SSLContext:
    """Loading the CA bundle takes a tenth of a second: once per process (a context is thread-safe)."""
    return httpx.create_ssl_context(trust_env=False)


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
