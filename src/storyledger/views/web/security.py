"""What every response of the web app goes through: a Host check, so a hostile page cannot read the
ledger by pointing its own name at this machine (DNS rebinding), and headers that keep hostile article
text inert even if a template ever slipped (the CSP allows no inline script).

A plain ASGI middleware rather than FastAPI's ``@app.middleware``, which wraps every response in
extra tasks and streams: this one only adds headers as the response starts.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

from starlette.datastructures import MutableHeaders
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Names a browser on this machine uses for it; anything else must be allowed by name.
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
    " form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
_DOCS_PATHS = ("/docs", "/redoc")
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_HOST = re.compile(r"^(?:\[(?P<v6>[0-9a-fA-F:.]+)\]|(?P<name>[^:\[\]]+))(?::\d{1,5})?$")


def docs_csp(page: str) -> str:
    """The policy for the API docs pages: their assets from this server alone, and only the inline
    script of ``page`` (the docs page FastAPI renders), pinned by its hash. The documentation
    renderers set styles inline, which a policy cannot pin; styles run no code."""
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in _INLINE_SCRIPT.findall(page))
    return (f"default-src 'none'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline';"
            " img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'")


def host_of(header: str) -> str | None:
    """The host name of a Host header ("[::1]:8000" -> "::1"), lower-cased; None if malformed."""
    m = _HOST.match(header.strip())
    if not m:
        return None
    return (m.group("v6") or m.group("name")).lower().rstrip(".")


class SecurityMiddleware:
    """Refuses requests whose Host is not allowed (400), and sets the security headers on the rest."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str], docs_policy: str) -> None:
        self.app = app
        self.allowed = {h.lower().strip("[]") for h in allowed_hosts}
        self.docs_policy = docs_policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = self.docs_policy if scope["path"] in _DOCS_PATHS else CSP
        if not self._allowed(scope):
            refusal = PlainTextResponse("This server does not answer to that Host name.", status_code=400,
                                        headers={"Content-Security-Policy": CSP, **_HEADERS})
            await refusal(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = policy
                for name, value in _HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, with_headers)

    def _allowed(self, scope: Scope) -> bool:
        if "*" in self.allowed:
            return True
        header = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), None)
        return header is not None and host_of(header) in self.allowed
