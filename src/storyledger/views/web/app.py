"""The app factory: pages, the JSON API, static files and the security headers that keep hostile
article text inert even if a template ever slipped (CSP allows no inline script)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyledger.views.web import api, changes, pages
from storyledger.views.web.deps import LedgerPool
from storyledger.views.web.docs import add_docs

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
    " form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# The API docs pages load their assets from this server (views.web.docs) and run an inline script;
# ReDoc sets its styles inline.
DOCS_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
    " img-src 'self' data:; font-src 'self'; connect-src 'self'"
)


def create_app(db_path: Path | str) -> FastAPI:
    """A read-only app over the ledger at ``db_path`` (which must exist)."""
    path = Path(db_path)
    if not path.exists():
        raise FileNotFoundError(f"no ledger at {path}")
    pool = LedgerPool(path)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="storyledger", version="1", lifespan=lifespan, docs_url=None, redoc_url=None,
        description="A sourced ledger of who said and committed to what. Every claim and quote carries its "
        "document id and character offsets into that document's clean text.",
    )
    app.state.pool = pool
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(changes.router)
    add_docs(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        docs = request.url.path in ("/docs", "/redoc")
        response.headers["Content-Security-Policy"] = DOCS_CSP if docs else CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        message = exc.detail if exc.status_code == 404 else "Something went wrong."
        return pages.render(request, "error.html", status_code=exc.status_code, title="Not found",
                            message=message)

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in exc.errors()]
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": errors}, status_code=422)
        names = ", ".join(str(e["loc"][-1]) for e in errors)
        return pages.render(request, "error.html", status_code=422, title="Bad request",
                            message=f"These parameters are not valid: {names}.")

    return app
