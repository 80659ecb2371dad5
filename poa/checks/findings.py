"""What a check reports: severities, the kinds of field a rule reads, and findings."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple

from poa.yamlfile import Loc, format_loc

# The default of a record's mapping: empty, and read-only since every record shares it.
NOTHING: Mapping[str, Any] = MappingProxyType({})


class Severity(StrEnum):
    """How much a finding matters: an error will very likely cost the appeal; a warning
    weakens it; advice makes it read better."""

    ERROR = "error"
    WARNING = "warning"
    ADVICE = "advice"


class FieldKind(StrEnum):
    """The kind of case field a piece of text stands in; rules apply to some kinds only."""

    ROOT_CAUSE = "root-cause"
    ROOT_CAUSE_DETAIL = "root-cause-detail"
    ACTION = "action"
    MEASURE = "measure"
    OWNER = "owner"
    FREQUENCY = "frequency"
    EVIDENCE = "evidence"
    NOTICE = "notice"
    OTHER = "other"


class Finding(NamedTuple):
    """One thing a reviewer would object to, pointing at the field it is in.

    The checks' records are named tuples rather than dataclasses: every `poa check` defines
    them when it starts, and a named tuple class is made in a seventh of the time a frozen
    dataclass takes (Python writes and compiles a dataclass's methods as it defines it)."""

    rule: str
    severity: Severity
    field_path: Loc
    message: str
    suggestion: str = ""
    excerpt: str = ""
    file: str | None = None
    line: int | None = None
    column: int | None = None

    @property
    def field(self) -> str:
        """The field as written in messages, such as `corrective_actions[2].action`."""
        return format_loc(self.field_path)

    @property
    def text(self) -> str:
        """The finding without its place: `[rule] "excerpt" message: suggestion`."""
        quoted = f'"{self.excerpt}" ' if self.excerpt else ""
        tail = f": {self.suggestion}" if self.suggestion else ""
        return f"[{self.rule}] {quoted}{self.message}{tail}"

    def __str__(self) -> str:
        where = self.file or ""
        if self.file and self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        parts = [p for p in (where, self.field) if p]
        return ": ".join([*parts, self.text])

    def to_dict(self) -> dict[str, Any]:
        """The finding as plain data, for JSON output."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "suggestion": self.suggestion,
            "excerpt": self.excerpt,
        }
