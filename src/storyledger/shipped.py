"""Models that ship inside the package (storyledger/models/), found and loaded in one place."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

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
