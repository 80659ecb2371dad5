"""How a YAML syntax error is told to the seller: where it is, what is wrong and what to do."""

from __future__ import annotations

import yaml

from poa.errors import Problem

TAB = "a tab: YAML indents with spaces only, so replace it with spaces"
_SYNTAX_ADVICE = (
    "check indentation and quote text that contains ': ' or starts with a special character"
)


def syntax_problem(exc: yaml.MarkedYAMLError, name: str, text: str) -> Problem:
    """The problem a YAML syntax error is, where it is and what to do about it."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
    rows = text.split("\n")
    row = rows[mark.line] if mark and mark.line < len(rows) else ""
    if mark and row[mark.column : mark.column + 1] == "\t":
        return Problem(name, line, col, "", TAB)
    what = exc.problem or "invalid YAML"
    if exc.context and exc.context_mark and exc.context_mark is not mark:
        context = exc.context.removeprefix("while ")
        what += (
            f" ({context} that starts at line {exc.context_mark.line + 1}, "
            f"column {exc.context_mark.column + 1})"
        )
    return Problem(name, line, col, "", f"YAML syntax error: {what}: {_SYNTAX_ADVICE}")
