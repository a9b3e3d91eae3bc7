"""The guard around one input's work: whatever goes wrong becomes a Failure naming the input, the
stage it was in and why, and the batch goes on.

The time budget is a backstop, not the bound: every reader and stage caps its input first, so its cost
stays linear and small. Past the budget, a SIGALRM timer raises InputTimeout in the main thread; a
signal handler runs only between Python bytecodes, so a stall inside one C call (lxml, a regex) is
cut only when that call returns. A runner that maps the work over worker processes keeps the same
guard inside each worker and can, in addition, kill a worker that overruns the budget by a grace
period and record the same Failure for its input: ``Guard.timeout_failure`` builds it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType, TracebackType
from typing import Self, TypeVar

from storyledger.errors import Failure, InputError, InputTimeout, describe

# Seconds one input's extraction and annotation may take. A 10,000-word article takes a few seconds on
# a slow machine; a minute means something grows faster than the input.
DEFAULT_BUDGET = 60.0
T = TypeVar("T")


class Guard:
    """``guard.run(work)`` (or ``with guard:``), setting ``guard.stage`` as the work goes; afterwards
    ``guard.failure`` is None, or the Failure the work ended in. KeyboardInterrupt and SystemExit pass."""

    def __init__(self, source: str, seconds: float | None = None, stage: str = "read") -> None:
        self.source = source
        self.seconds = seconds
        self.stage = stage
        self.failure: Failure | None = None
        self._previous: signal.Handlers | None = None
        self._armed = self._inside = False

    def run(self, work: Callable[[], T]) -> T | None:
        """``work()`` inside the guard: its result, or None with ``self.failure`` set."""
        try:
            with self:
                return work()
        except InputTimeout as late:  # landed as the guard closed (see _expired)
            self.failure = self.timeout_failure(self.source, self.seconds or 0, str(late))
        return None

    def __enter__(self) -> Self:
        if self.seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGALRM, self._expired)
            self._armed = self._inside = True
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def _expired(self, _signum: int, _frame: FrameType | None) -> None:
        # Once only, and never once the work is over: an alarm that lands as __exit__ starts (a
        # window no Python code can close) raises out of the with statement, where the caller's
        # ``except InputTimeout`` names it, and cannot raise again.
        if self._inside:
            self._inside = False
            raise InputTimeout(self.stage)

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, _tb: TracebackType | None) -> bool:
        self._inside = False
        if self._armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous or signal.SIG_DFL)
            self._armed = False
        if exc is None:
            return False
        if isinstance(exc, InputTimeout):
            self.failure = self.timeout_failure(self.source, self.seconds or 0, self.stage)
        elif isinstance(exc, InputError):
            self.failure = Failure(exc.source, exc.reason, self.stage)
        elif isinstance(exc, Exception):  # a bug on one hostile input must not stop the batch
            self.failure = Failure(self.source, f"internal error: {describe(exc)}", self.stage)
        else:
            return False
        return True

    @staticmethod
    def timeout_failure(source: str, seconds: float, stage: str) -> Failure:
        return Failure(source, f"stopped after its time budget of {seconds:g} s, while in {stage}", stage)
