"""The app factory: pages, the JSON API, static files, and the security middleware (Host check,
CSP and the other headers; see storyledger.views.web.security)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyledger.errors import QueryTimeout
from storyledger.store import is_server_url
from storyledger.views.web import api, changes, pages, review
from storyledger.views.web.deps import LedgerPool
from storyledger.views.web.docs import add_docs
from storyledger.views.web.security import LOCAL_HOSTS, SecurityMiddleware, docs_csp


def create_app(db_path: Path | str, allowed_hosts: Iterable[str] = LOCAL_HOSTS, review_changes: bool = False) -> FastAPI:
    """An app over the ledger at ``db_path`` (which must exist), answering requests whose Host is one of
    ``allowed_hosts`` ("*" for any): read-only, unless ``review_changes`` lets the review page merge and
    split entities (for local use)."""
    path = db_path if is_server_url(db_path) else Path(db_path)
    if isinstance(path, Path) and not path.exists():
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
    app.state.reviewer = review.Reviewer(path) if review_changes else None
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(review.router)
    app.include_router(changes.router)
    docs_pages = add_docs(app)

    app.add_middleware(SecurityMiddleware, allowed_hosts=allowed_hosts, docs_policy=docs_csp(docs_pages))

    @app.exception_handler(QueryTimeout)
    async def too_slow(request: Request, exc: QueryTimeout) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=503)
        return pages.render(request, "error.html", status_code=503, title="Too slow", message=str(exc))

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
