"""Errors raised by poa's library; the CLI turns them into messages and exit statuses.

Every class carries the exit status the command line ends with when it is raised:

PoaError                         1
├── UsageError                   2    a command or option was used the wrong way
├── InputError                   1    a file cannot be read or parsed
│   └── CaseInvalidError         1    a case breaks rules (carries every problem)
├── CatalogError                 1    a catalog entry is missing or broken
├── DocumentTemplateError        1    a document template is missing or failed to render
├── OutputError                  1    an output cannot be written (or would overwrite)
├── EngineMissingError           1    the PDF engine's system libraries cannot be loaded
├── ResourceMissingError         1    poa's own templates are missing from the install
├── InternalError                1    poa failed on one input in a way it cannot yet explain
├── InterviewStopped             0    the seller chose to stop; the answers are saved
└── Interrupted                130    Ctrl-C: the work done so far is kept
    └── InterviewCancelled     130    Ctrl-C or end of input in the interview; answers saved
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


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
        self.message = message
        self.problems: list[Problem] = problems or []
        super().__init__(self._summary())

    def _summary(self) -> str:
        if not self.problems:
            return self.message
        first = str(self.problems[0])
        more = len(self.problems) - 1
        return f"{self.message}: {first}" + (f" (and {more} more)" if more else "")

    def lines(self) -> list[str]:
        """The error as lines a user reads, one per problem."""
        return [str(p) for p in self.problems] or [self.message]


class UsageError(PoaError):
    """A command was called with arguments that make no sense."""

    exit_code = 2


class InputError(PoaError):
    """A file could not be read or parsed."""


class CaseInvalidError(InputError):
    """A case file was read but breaks one or more rules."""


class CatalogError(PoaError):
    """A catalog entry is missing or broken."""


class DocumentTemplateError(PoaError):
    """A document template could not be found or failed to render."""


class OutputError(PoaError):
    """An output file could not be written, or would overwrite something poa did not write."""


class EngineMissingError(PoaError):
    """The PDF engine (WeasyPrint and the Pango libraries under it) cannot be loaded."""


class ResourceMissingError(PoaError):
    """poa's own templates, catalog or themes are missing: the install is broken."""


class InternalError(PoaError):
    """poa itself failed on one input, in a way it has no clearer message for. The message
    names the input and the failure; the other inputs of a run go on. Worth reporting."""


class InterviewStopped(PoaError):  # noqa: N818 - a choice the seller made, not an error
    """The seller chose to stop the interview; the answers so far are saved."""

    exit_code = 0


class Interrupted(PoaError):  # noqa: N818 - the user asked to stop, not an error
    """The user interrupted a command (Ctrl-C); what was finished is kept."""

    exit_code = 130


class InterviewCancelled(Interrupted):
    """The interview was interrupted (Ctrl-C, end of input); the answers so far are saved."""


def only_poa_errors(what: str) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """Make a public function raise only PoaError: any other exception becomes an
    InternalError saying `what` failed and why, the original kept as its cause."""

    def wrap(func: Callable[_P, _R]) -> Callable[_P, _R]:
        @functools.wraps(func)
        def guarded(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            try:
                return func(*args, **kwargs)
            except PoaError:
                raise
            except Exception as exc:
                raise InternalError(
                    f"{what} failed ({exc.__class__.__name__}: {exc}): this is a fault in poa; "
                    "please report it with the case"
                ) from exc

        return guarded

    return wrap
