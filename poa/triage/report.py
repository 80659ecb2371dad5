"""The triage as text for a terminal: the assessment first, then each recognised value with
the phrase that decided it, then what could not be found."""

from __future__ import annotations

from datetime import date
from typing import Any

from poa.triage.found import Found
from poa.triage.result import NATURES, NoticeTriage

SEVERITY_WORDS = {
    "critical": "CRITICAL",
    "high": "HIGH",
    "medium": "MEDIUM",
    "low": "LOW",
}


def format_triage(triage: NoticeTriage) -> str:
    """The triage as lines a seller reads: assessment, recognised values, what is missing."""
    lines = [*_assessment(triage), "", "Recognised:"]
    lines += _recognised(triage)
    if triage.missing:
        lines += ["", "Not found in the notice:"]
        lines += [f"  - {item}" for item in triage.missing]
    if triage.notes:
        lines += ["", "Notes:"]
        lines += [f"  - {note}" for note in triage.notes]
    return "\n".join(lines)


def _assessment(triage: NoticeTriage) -> list[str]:
    a = triage.assessment
    nature = NATURES[a.nature] if a.nature else "not recognised"
    kind = "informational (no action needed)" if a.informational else "needs an answer"
    if a.deadline:
        source = "stated in the notice" if a.deadline_source == "notice" else "usual window"
        due = f"{a.time_left()}: due {a.deadline.isoformat()} ({source})"
    else:
        due = a.time_left()
    return [
        f"Nature:    {nature} ({kind})",
        f"           {a.nature_reason}",
        f"Severity:  {SEVERITY_WORDS[a.severity]}",
        f"           {a.severity_reason}",
        f"Time left: {due}",
        f"           {a.deadline_reason}",
    ]


def _recognised(triage: NoticeTriage) -> list[str]:
    rows: list[tuple[str, Found[Any] | None]] = []
    for index, issue in enumerate(triage.issue_types):
        rows.append(("issue type" if index == 0 else "also issue type", issue))
    if not triage.issue_types:
        rows.append(("issue type", None))
    rows += [
        ("subject", triage.subject),
        ("date of notice", triage.received_on),
        ("store", triage.marketplace),
        *[("other store", item) for item in triage.other_marketplaces],
        ("account status", triage.account_status),
        ("informational", triage.informational),
        ("deadline", triage.deadline),
        ("reference", triage.reference),
        *[("ASIN", item) for item in triage.asins],
        *[("order ID", item) for item in triage.order_ids],
        *[("metric", item) for item in triage.metrics],
        *[("policy", item) for item in triage.policies],
    ]
    lines = []
    for label, found in rows:
        if found is None:
            continue
        lines.append(f"  {label + ':':<17} {_value(found.value)}")
        if found.phrase and found.phrase != str(found.value):
            lines.append(f"  {'':<17}   from {found.quote()!r}")
        if found.note:
            lines.append(f"  {'':<17}   ({found.note})")
    if not triage.account_status:
        lines.append(f"  {'account status:':<17} warning (no other status is reported)")
    return lines


def _value(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if value == "informational":
        return "yes: the notice asks for nothing"
    if isinstance(value, tuple):
        return f"{value[0]} = {value[1]:g}%"
    return str(value)
