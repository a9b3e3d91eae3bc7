"""Query parameters shared by the pages and the API, validated by FastAPI before any query runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BeforeValidator, StringConstraints

from storyledger.records import EntityType, QuoteKind, Stance
from storyledger.store.read_models import DocumentFilter, StatementKind

F = TypeVar("F", bound=Callable[..., Any])
# An empty form field ("?stance=") means "no filter", not a bad value.
Blank = BeforeValidator(lambda v: v if v not in ("", None) else None)

Ident = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,80}$")]
Hex = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{4,64}$")]
Word = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_]{1,40}$")]
Phrase = Annotated[str, StringConstraints(max_length=200)]

Limit = Annotated[int, Query(ge=1, le=500, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
EntityId = Annotated[Ident | None, Blank, Query(description="Ledger entity id.")]
Category = Annotated[Word | None, Blank, Query(description="PLOVER category, e.g. AID.")]
StanceParam = Annotated[Stance | None, Blank, Query(description="Claim stance.")]
KindParam = Annotated[StatementKind | None, Blank, Query(description="Only claims or only quotes.")]
QuoteKindParam = Annotated[QuoteKind | None, Blank, Query(description="direct, partial or indirect.")]
TypeParam = Annotated[EntityType | None, Blank, Query(description="Entity type.")]
Text = Annotated[Phrase | None, Blank, Query(description="Text to look for.")]
SearchText = Annotated[str, Query(max_length=200, description="Words to search for.")]
DocumentId = Annotated[Hex | None, Blank, Query(description="Document id.")]
StoryParam = Annotated[Ident | None, Blank, Query(description="Story id.")]
Since = Annotated[dt.date | None, Blank, Query(description="Only articles published on or after this day (YYYY-MM-DD).")]
Until = Annotated[dt.date | None, Blank, Query(description="Only articles published on or before this day (YYYY-MM-DD).")]
Outlet = Annotated[Phrase | None, Blank, Query(description="Only articles from this outlet (its exact name).")]


def document_filter(since: Since = None, until: Until = None, outlet: Outlet = None) -> DocumentFilter:
    """The date and outlet filters every list page and API list takes, as one value."""
    if since and until and since > until:
        raise RequestValidationError([{"type": "value_error", "loc": ("query", "until"),
                                       "msg": "until is before since", "input": until.isoformat()}])
    return DocumentFilter(since, until, outlet)


Within = Annotated[DocumentFilter, Depends(document_filter)]


def passes_query_on(endpoint: F) -> F:
    """Marks a redirect that hands its whole query on to another route, which checks it."""
    endpoint.passes_query_on = True  # type: ignore[attr-defined]
    return endpoint


def _query_names(dependant: Any) -> set[str]:
    """Every query parameter a route takes, its dependencies' included."""
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def known_parameters_only(request: Request) -> None:
    """A query parameter the route does not take is an error (422), not silently ignored: a typo'd
    filter would otherwise show everything as if it had been applied."""
    route = request.scope.get("route")
    if route is None or not hasattr(route, "dependant") or getattr(route.endpoint, "passes_query_on", False):
        return
    known = _query_names(route.dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise RequestValidationError([{"type": "extra_forbidden", "loc": ("query", name),
                                       "msg": f"unknown parameter; this page takes {', '.join(sorted(known)) or 'none'}",
                                       "input": request.query_params[name]} for name in unknown])
