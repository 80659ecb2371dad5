"""Errors raised by poa's library; the CLI turns them into messages and exit codes.

PoaError                      exit 1
├── UsageError                exit 2   a command was called the wrong way
├── InputError                exit 1   a file cannot be read or parsed
│   └── CaseInvalid           exit 1   a case breaks rules (carries every problem)
├── CatalogError              exit 1   a catalog entry is broken
├── TemplateError             exit 1   a template failed to render
└── OutputError               exit 1   an output cannot be written (or would overwrite)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as poa can."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class PoaError(Exception):
    """Base of every error poa raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems: list[Problem] = problems or []

    def lines(self) -> list[str]:
        """The error as lines a user reads, one per problem."""
        return [str(p) for p in self.problems] or [self.message]


class UsageError(PoaError):
    """A command was called with arguments that make no sense."""

    exit_code = 2


class InputError(PoaError):
    """A file could not be read or parsed."""


class CaseInvalid(InputError):
    """A case file was read but breaks one or more rules."""


class CatalogError(PoaError):
    """A catalog entry is missing or broken."""


class TemplateError(PoaError):
    """A template could not be found or failed to render."""


class OutputError(PoaError):
    """An output file could not be written, or would overwrite something poa did not write."""
