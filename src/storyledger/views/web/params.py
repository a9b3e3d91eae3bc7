"""Query parameters shared by the pages and the API, validated by FastAPI before any query runs."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import Query

from storyledger.records import EntityType, QuoteKind, Stance


class LineKind(StrEnum):
    CLAIM = "claim"
    QUOTE = "quote"


Limit = Annotated[int, Query(ge=1, le=500, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
EntityId = Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_.:-]{1,80}$", description="Ledger entity id.")]
Category = Annotated[str | None, Query(pattern=r"^[A-Za-z_]{1,40}$", description="PLOVER category, e.g. AID.")]
StanceParam = Annotated[Stance | None, Query(description="Claim stance.")]
KindParam = Annotated[LineKind | None, Query(description="Only claims or only quotes.")]
QuoteKindParam = Annotated[QuoteKind | None, Query(description="direct, partial or indirect.")]
TypeParam = Annotated[EntityType | None, Query(description="Entity type.")]
Text = Annotated[str | None, Query(max_length=200, description="Text to look for.")]
SearchText = Annotated[str, Query(max_length=200, description="Words to search for.")]
DocumentId = Annotated[str | None, Query(pattern=r"^[0-9a-f]{4,64}$", description="Document id.")]
StoryParam = Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_.:-]{1,80}$", description="Story id.")]
