"""Findings for people and for programs: text grouped by case, and JSON-ready dicts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from poa.checks.findings import NOTHING, Finding, Severity

# Where a rule was switched off: the file (the case's, or a folder's settings), line, column.
Origin = tuple[str, int | None, int | None]


class CheckReport(NamedTuple):
    """The findings of one case, with the rules switched off for it, why, and where. (A named
    tuple, as `Finding` is, for the time `poa check` takes to start.)"""

    name: str
    findings: list[Finding]
    disabled: Mapping[str, str] = NOTHING
    origins: Mapping[str, Origin] = NOTHING

    def counts(self) -> Counter[Severity]:
        """How many findings of each severity."""
        return Counter(f.severity for f in self.findings)

    def summary(self) -> str:
        """`3 errors, 1 warning, no advice` for this case."""
        return summarize(self.counts())


_SEVERITIES = tuple(Severity)


def summarize(counts: Mapping[Severity, int]) -> str:
    """Counts by severity as words: `2 errors, 1 warning, 3 advice`."""
    parts = []
    for severity in _SEVERITIES:
        n = counts.get(severity, 0)
        plural = "s" if n != 1 and severity is not Severity.ADVICE else ""
        parts.append(f"{n} {severity.value}{plural}")
    return ", ".join(parts)


# The counts of a case without findings, the most common line of a large folder's report.
_NONE_FOUND = summarize({})


def format_reports(reports: Iterable[CheckReport]) -> str:
    """Every case's findings, one per line, under a line naming the case and its counts."""
    blocks = []
    total: Counter[Severity] = Counter()
    cases = 0
    for report in reports:
        cases += 1
        if report.findings:
            counts = report.counts()
            total.update(counts)
            lines = [f"{report.name}: {summarize(counts)}"]
            lines += [str(_named(f, report.name)) for f in report.findings]
        else:
            lines = [f"{report.name}: {_NONE_FOUND}"]
        lines += [
            f"  switched off: [{rule}] {reason}" for rule, reason in sorted(report.disabled.items())
        ]
        blocks.append("\n".join(lines))
    if cases > 1:
        blocks.append(f"{cases} cases: {summarize(total)}")
    return "\n\n".join(blocks)


def _named(finding: Finding, name: str) -> Finding:
    # Findings without a source file still name their case, so every line stands alone.
    if finding.file:
        return finding
    return Finding(
        finding.rule,
        finding.severity,
        finding.field_path,
        finding.message,
        finding.suggestion,
        finding.excerpt,
        name,
    )


def reports_json(reports: Iterable[CheckReport]) -> list[dict[str, Any]]:
    """Every finding as a dict (case, file, line, column, field, rule, severity, message,
    suggestion, excerpt); a rule switched off is a dict with severity `off`, its reason, and
    the file, line and column of the switch."""
    rows: list[dict[str, Any]] = []
    for report in reports:
        rows += [{"case": report.name, **f.to_dict()} for f in report.findings]
        for rule, reason in sorted(report.disabled.items()):
            file, line, column = report.origins.get(rule, (None, None, None))
            rows.append(
                {
                    "case": report.name,
                    "file": file,
                    "line": line,
                    "column": column,
                    "field": "",
                    "rule": rule,
                    "severity": "off",
                    "message": "switched off",
                    "suggestion": reason,
                    "excerpt": "",
                }
            )
    return rows
