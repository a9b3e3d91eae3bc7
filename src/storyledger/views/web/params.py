"""Query parameters shared by the pages and the API, validated by FastAPI before any query runs."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from pydantic import BeforeValidator, StringConstraints

from storyledger.records import EntityType, QuoteKind, Stance
from storyledger.store.read_models import StatementKind

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
