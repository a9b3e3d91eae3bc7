"""Sidecar metadata: ``<file>.meta.json`` beside an input, and the same keys in JSON Lines rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from storyledger.errors import Notice
from storyledger.records import Hints
from storyledger.sources.limits import (
    MAX_AUTHORS, MAX_BYTES, check_text_field, check_url, check_year, display_name, load_json,
)

SIDECAR_SUFFIX = ".meta.json"


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)


def parse_date(value: Any, where: str) -> date:
    """Accept YYYY-MM-DD (or a longer ISO timestamp, keeping its day) in a year an article can have."""
    try:
        return _day(value)
    except ValueError as exc:
        raise ValueError(f"{where}: 'published' is {exc}") from None


def _day(value: Any) -> date:
    if isinstance(value, date):
        return check_year(value)
    if not isinstance(value, str):
        raise ValueError(f"not a YYYY-MM-DD string: {_shown(value)}")
    try:
        day = date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise ValueError(f"not a YYYY-MM-DD date: {_shown(value)}") from None
    try:
        return check_year(day)
    except ValueError as exc:
        raise ValueError(f"out of range: {exc}") from None


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "…"


_TEXT_KEYS: dict[str, Callable[[str], str]] = {
    "url": check_url, "title": check_text_field("title"), "outlet": check_text_field("outlet"),
}


def hints_from_mapping(base: Hints, data: dict[str, Any], where: str) -> tuple[Hints, list[Notice]]:
    """Overlay the metadata keys of a sidecar or JSONL row on ``base``; unknown keys are ignored.
    A value no article can have is dropped and named in a Notice: the article is kept without it."""
    changes: dict[str, Any] = {}
    notices: list[Notice] = []

    def drop(key: str, why: str) -> None:
        notices.append(Notice(where, f"dropped '{key}': {why}"))

    if data.get("published"):
        try:
            changes["published"] = _day(data["published"])
        except ValueError as exc:
            drop("published", str(exc))
    for key, check in _TEXT_KEYS.items():
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            try:
                changes[key] = check(value.strip())
            except ValueError as exc:
                drop(key, str(exc))
    authors = data.get("authors", data.get("author"))
    names = authors.split(",") if isinstance(authors, str) else authors if isinstance(authors, list) else []
    kept = tuple(n.strip() for n in names if isinstance(n, str) and n.strip())
    if len(kept) > MAX_AUTHORS:
        drop("authors", f"{len(kept)} names, over the {MAX_AUTHORS} limit")
    elif kept:
        try:
            changes["authors"] = tuple(check_text_field("author")(n) for n in kept)
        except ValueError as exc:
            drop("authors", str(exc))
    return replace(base, **changes), notices


def read_sidecar(path: Path, base: Hints) -> tuple[Hints, list[Notice]]:
    """Hints for ``path`` from its sidecar if one exists; a sidecar that is no JSON object is an error
    on the input (ingesting without the metadata it meant to give would store the article wrongly)."""
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return base, []
    name = display_name(sidecar)
    if sidecar.stat().st_size > MAX_BYTES:
        raise ValueError(f"sidecar {name} is over the {MAX_BYTES // 1024 // 1024} MB limit")
    try:
        data = load_json(sidecar.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError and JSONLimitError are ValueErrors
        raise ValueError(f"sidecar {name} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ValueError(f"sidecar {name} must hold a JSON object")
    return hints_from_mapping(base, data, name)
