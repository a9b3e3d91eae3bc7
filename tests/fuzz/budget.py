"""How hard the fuzz tests search. CI runs a fixed, derandomised sample (a regression suite that stays
within its time budget); FUZZ_DEEP=1 searches far more random examples on a developer's machine."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

DEEP = os.environ.get("FUZZ_DEEP") == "1"


def fuzz(examples: int) -> settings:
    """Settings for one fuzz test: ``examples`` in CI, fifty times more when deep."""
    return settings(derandomize=not DEEP, max_examples=examples * (50 if DEEP else 1), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])
