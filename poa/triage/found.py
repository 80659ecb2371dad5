"""A value triage recognised, with the span of the notice that decided it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
QUOTE_MAX = 90


@dataclass(frozen=True)
class Found(Generic[T]):
    """A recognised value: the text that decided it (``phrase``, at ``start``..``end`` of
    the notice) and, where the reading needed a choice, a note saying which."""

    value: T
    phrase: str
    start: int
    end: int
    note: str = ""

    def quote(self) -> str:
        """The deciding phrase on one line, shortened when long."""
        flat = " ".join(self.phrase.split())
        return flat if len(flat) <= QUOTE_MAX else flat[: QUOTE_MAX - 1] + "…"
