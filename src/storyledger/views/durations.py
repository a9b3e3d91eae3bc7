"""Durations as people type them ("15m", "24h", "1h30m", "7d"), for the CLI and the web app."""

from __future__ import annotations

import re
from datetime import timedelta

_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_PART = re.compile(r"(\d+(?:\.\d+)?)([smhdw])")


def parse_duration(text: str) -> timedelta:
    """Raise ValueError for anything else."""
    spelled = text.strip().lower()
    parts = _PART.findall(spelled)
    if not parts or "".join(n + u for n, u in parts) != spelled:
        raise ValueError(f"{text!r} is not a duration like 30s, 15m, 24h or 7d")
    total = timedelta()
    for number, unit in parts:
        total += timedelta(**{_UNITS[unit]: float(number)})
    return total
