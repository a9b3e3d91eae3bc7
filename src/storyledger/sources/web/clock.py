"""Time as the fetch layer sees it: injectable, so tests of backoff and rate limits never sleep."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timezone
from typing import Protocol


class Clock(Protocol):
    def time(self) -> float:
        """Seconds since the epoch."""

    def wait(self, seconds: float, cancel: threading.Event) -> bool:
        """Wait up to ``seconds``; True when ``cancel`` was set (the run is stopping)."""


class SystemClock:
    def time(self) -> float:
        return time.time()

    def wait(self, seconds: float, cancel: threading.Event) -> bool:
        return cancel.wait(seconds) if seconds > 0 else cancel.is_set()


def utc(clock: Clock) -> datetime:
    return datetime.fromtimestamp(clock.time(), timezone.utc)
