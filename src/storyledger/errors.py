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


@dataclass(frozen=True, slots=True)
class Failure:
    """A failed input in a batch: the batch goes on, and the summary lists these."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
