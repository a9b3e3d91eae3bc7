"""Models that ship inside the package (storyledger/models/), found and loaded in one place."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import joblib

MODELS_DIR = Path(__file__).resolve().parent / "models"


def model_path(name: str) -> Path:
    return MODELS_DIR / name


@lru_cache(maxsize=None)
def load_optional(name: str) -> Any | None:
    """The shipped model, or None when it is not there (the caller falls back to its rules)."""
    try:
        return joblib.load(model_path(name))
    except (FileNotFoundError, OSError):
        return None


T = TypeVar("T")


def load_shipped(name: str, kind: type[T]) -> T | None:
    """The shipped model when it is there and of ``kind``; None when it is absent, unreadable or was
    pickled by an incompatible version (annotation then runs on its rules)."""
    try:
        model = load_optional(name)
    except Exception:  # noqa: BLE001 - an unreadable model file must not stop annotation
        return None
    return model if isinstance(model, kind) else None
