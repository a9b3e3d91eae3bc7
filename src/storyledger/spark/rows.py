"""One Parquet row per input record: where it came from, a few columns to query the archive by, and
the whole AnnotatedArticle as JSON (or why the record gave none), so a load stores exactly what a
local ingest would."""

from __future__ import annotations

import json
import types
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Union, get_args, get_origin, get_type_hints

from storyledger.records import AnnotatedArticle, to_jsonable


@dataclass(frozen=True, slots=True)
class ArchiveRow:
    input: str  # the WARC file
    position: int  # the record's place among the file's results, for a stable order
    source: str  # the record's name, as a local ingest names it
    document_id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    version_url: str | None = None  # the normalised URL whose versions this text is one of
    fetched_at: str | None = None
    record: str | None = None  # the AnnotatedArticle as JSON
    error: str | None = None  # why the record gave no article (then record is null)
    stage: str | None = None

    def values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name, _type in COLUMNS)


# (column, "int" or "string"), in order: the Parquet schema.
COLUMNS: tuple[tuple[str, str], ...] = tuple((f.name, "int" if f.type == "int" else "string")
                                             for f in fields(ArchiveRow))


def encode(annotated: AnnotatedArticle) -> str:
    return json.dumps(to_jsonable(annotated), ensure_ascii=False)


def decode(text: str) -> AnnotatedArticle:
    return _from_jsonable(AnnotatedArticle, json.loads(text))  # type: ignore[no-any-return]


def _from_jsonable(kind: Any, value: Any) -> Any:
    """The inverse of records.to_jsonable for the record types, led by their type hints."""
    if value is None:
        return None
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        return _from_jsonable(next(a for a in get_args(kind) if a is not type(None)), value)
    if origin is list:
        return [_from_jsonable(get_args(kind)[0], v) for v in value]
    if origin is tuple:
        return tuple(_from_jsonable(get_args(kind)[0], v) for v in value)
    if is_dataclass(kind):
        hints = get_type_hints(kind)
        return kind(**{f.name: _from_jsonable(hints[f.name], value[f.name])  # type: ignore[operator]
                       for f in fields(kind) if f.init and f.name in value})
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return kind(value)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    return value
