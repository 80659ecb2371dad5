"""`poa check`: the reviewer's checks on case files, as text for people or JSON for tools."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import poa
from poa.cli.collector import settled

if TYPE_CHECKING:
    from poa.cli.commands import Streams

EXAMPLES = """examples:
  poa check case.yaml
  poa check cases/ --strict      warnings count as errors too
  poa check cases/ --json        one record per finding, for tools
switch a rule off for a case with `checks: {disable: {RULE: why}}` in the case file, or for
a folder with `disable: {RULE: why}` in its .poa-checks.yaml
exit status: 0 no errors (warnings and advice allowed), 1 errors, 2 usage error"""

# By severity's value, so that `poa --help` need not import the checks.
_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "advice": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def add_check(p: argparse.ArgumentParser) -> None:
    """The arguments of `poa check`."""
    p.add_argument("paths", nargs="+", metavar="PATH", help="case files or folders")
    p.add_argument("--strict", action="store_true", help="count warnings as errors")
    p.add_argument("--json", action="store_true", help="print JSON (one list of findings)")


def cmd_check(args: argparse.Namespace, io: Streams) -> int:
    """`poa check`: validate each case, then run the reviewer's checks on it."""
    reviewer = poa.Reviewer(poa.load_catalog(args.catalog), args.today)
    reports: list[poa.CheckReport] = []
    missing: list[tuple[str, str]] = []  # (path as given, what is wrong with it)
    held = 0
    with settled():
        for raw in args.paths:
            root = Path(raw)
            files, problems = poa.find_case_files([root])
            missing += [(raw, line) for error in problems for line in error.lines()]
            base = root if root.is_dir() else root.parent
            # Only the reports are kept: holding every parsed case would slow a large folder.
            for review in reviewer.files(files, base):
                held += bool(review.blocking(args.strict))
                reports.append(review.report)
    if args.json:
        # A path that holds no case is a record too, so that a tool sees why the run failed.
        rows = [_missing_row(raw, line) for raw, line in missing] + poa.reports_json(reports)
        io.print(json.dumps(rows, indent=2))
        for _, line in missing:
            io.stderr.write(line + "\n")
    else:
        for _, line in missing:
            io.print(line)
        text = poa.format_reports(reports)
        if text:
            io.print(_coloured(text, reports) if _colour(io) else text)
        if len(reports) > 1 or held:
            cases = "case" if len(reports) == 1 else "cases"
            io.print(f"{held} of {len(reports)} {cases} held back by checks")
    return 1 if held or missing else 0


def _missing_row(raw: str, line: str) -> dict[str, object]:
    """A JSON record, as `poa.reports_json` writes them, for a path that holds no case."""
    return {
        "case": raw,
        "file": raw,
        "line": None,
        "column": None,
        "field": "",
        "rule": "invalid",
        "severity": "error",
        "message": line.removeprefix(f"{raw}: "),
        "suggestion": "",
        "excerpt": "",
    }


def _colour(io: Streams) -> bool:
    return "NO_COLOR" not in os.environ and io.stdout.isatty()


def _coloured(text: str, reports: list[poa.CheckReport]) -> str:
    """Each finding's line in its severity's colour, each case's heading in bold."""
    severity = {str(f): f.severity for report in reports for f in report.findings}
    headings = {f"{report.name}: {report.summary()}" for report in reports}
    lines = []
    for line in text.splitlines():
        if line in severity:
            line = f"{_COLOURS[severity[line].value]}{line}{_RESET}"
        elif line in headings:
            line = f"{_BOLD}{line}{_RESET}"
        lines.append(line)
    return "\n".join(lines)
