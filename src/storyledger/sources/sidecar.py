"""Sidecar metadata: ``<file>.meta.json`` beside an input, and the same keys in JSON Lines rows."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from storyledger.records import Hints

SIDECAR_SUFFIX = ".meta.json"


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)


def parse_date(value: Any, where: str) -> date:
    """Accept YYYY-MM-DD (or a longer ISO timestamp, keeping its day)."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{where}: 'published' must be a YYYY-MM-DD string, got {value!r}")
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise ValueError(f"{where}: 'published' is not a YYYY-MM-DD date: {value!r}") from exc


def hints_from_mapping(base: Hints, data: dict[str, Any], where: str) -> Hints:
    """Overlay the metadata keys of a sidecar or JSONL row on ``base``; unknown keys are ignored."""
    changes: dict[str, Any] = {}
    if data.get("published"):
        changes["published"] = parse_date(data["published"], where)
    for key in ("url", "title", "outlet"):
        if isinstance(data.get(key), str) and data[key].strip():
            changes[key] = data[key].strip()
    authors = data.get("authors", data.get("author"))
    if isinstance(authors, str) and authors.strip():
        changes["authors"] = tuple(a.strip() for a in authors.split(",") if a.strip())
    elif isinstance(authors, list):
        changes["authors"] = tuple(str(a).strip() for a in authors if str(a).strip())
    return replace(base, **changes)


def read_sidecar(path: Path, base: Hints) -> Hints:
    """Hints for ``path`` from its sidecar if one exists; a broken sidecar is an error on the input."""
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return base
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"sidecar {sidecar} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"sidecar {sidecar} must hold a JSON object")
    return hints_from_mapping(base, data, str(sidecar))
