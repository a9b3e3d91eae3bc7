"""Errors a user can act on: each names the input and what is wrong with it."""

from __future__ import annotations

from dataclasses import dataclass


class StoryledgerError(Exception):
    """Base for errors the CLI reports as one line rather than a traceback."""


class InputError(StoryledgerError):
    """An input that cannot become an article (unreadable, empty, binary, too large...)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class QueryTimeout(StoryledgerError):
    """A read query ran past its time limit and was stopped."""


class InputTimeout(BaseException):
    """One input's work ran past its time budget. A BaseException, so the many ``except Exception``
    in the libraries an article passes through cannot swallow it."""


@dataclass(frozen=True, slots=True)
class Failure:
    """A failed input in a batch: the batch goes on, and the summary lists these. ``stage`` says
    what was being done (read, extract, annotate, store, link)."""

    source: str
    reason: str
    stage: str = "read"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Notice:
    """Something dropped from an input that was kept, e.g. a publication date no article can have."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def describe(exc: BaseException) -> str:
    """An unexpected exception as one line naming its type, however hostile its message."""
    message = str(exc)
    if len(message) > 300:
        message = message[:300] + "…"
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
