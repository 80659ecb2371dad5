"""The health report as a text table for people and as JSON for other programs."""

from __future__ import annotations

import json
from typing import Any

from poa.health.metrics import HealthStatus, at_risk_from
from poa.health.report import HealthReport, MetricHealth

HEADERS = ("Metric", "Value", "Counts", "Amazon", "Yours", "Headroom", "Trend", "Status")
UPPER_BOUND_NOTE = (
    "* upper bound: negative feedback, A-to-z claims and chargebacks added up and capped at "
    "orders, so an order with two defects counts twice; add a defective_orders column for "
    "the exact rate."
)
HEADROOM_NOTE = (
    "Headroom: how many more of the window's orders or shipments may go wrong before Amazon's "
    "target is crossed, or how many good ones it needs to get back (days leaving the window "
    "not counted)."
)


def _goal(better: str, value: float | None) -> str:
    if value is None:
        return "-"
    return f"{'<' if better == 'lower' else '>'} {value:g}%"


def _cells(metric: MetricHealth) -> tuple[str, ...]:
    reading = metric.reading
    value = metric.value
    change = metric.change
    amazon = _goal(metric.spec.better, metric.spec.threshold)
    return (
        metric.label + (" *" if metric.formula.upper_bound and reading else ""),
        "-" if value is None else f"{value:.2f}%",
        "-" if reading is None else f"{reading.numerator:,} / {reading.denominator:,}",
        amazon if metric.spec.enforced else f"{amazon} (advisory)",
        _goal(metric.spec.better, metric.target),
        "-" if metric.headroom is None else str(metric.headroom),
        "-" if change is None else f"{change:+.2f} {metric.trend}",
        str(metric.status),
    )


def _notes(report: HealthReport) -> list[str]:
    notes: list[str] = []
    if any(m.formula.upper_bound and m.reading for m in report.metrics):
        notes.append(UPPER_BOUND_NOTE)
    for metric in report.metrics:
        if metric.status is not HealthStatus.OK:
            notes.append(f"{metric.label}: {metric.status}: {metric.reason}")
        reading = metric.reading
        if reading and reading.days < metric.window_days:
            notes.append(f"{metric.label}: {reading.days} of {metric.window_days} days have counts")
    for key in sorted({m.key for m in report.metrics if m.spec.per_category and m.reading}):
        name = report.get(key).spec.name
        notes.append(f"{name}: Amazon judges it per product category; this is the whole account")
    return notes


def format_health(report: HealthReport) -> str:
    """The report as a table with notes, warnings and a closing verdict, as `poa health`
    prints it."""
    counts = report.counts
    lines = [
        f"Account health as of {report.as_of}, from {counts.source} "
        f"({counts.first} to {counts.last})",
        "",
    ]
    rows = [HEADERS, *(_cells(m) for m in report.metrics)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]
    for row in rows:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    lines += ["", HEADROOM_NOTE, *_notes(report)]
    if report.warnings:
        lines += ["", "Warnings:", *(f"  {w}" for w in report.warnings)]
    lines += ["", _verdict(report)]
    return "\n".join(lines) + "\n"


def _verdict(report: HealthReport) -> str:
    breached = [m.label for m in report.metrics if m.status is HealthStatus.BREACH]
    risky = [m.label for m in report.metrics if m.status is HealthStatus.AT_RISK]
    if breached:
        return f"Past Amazon's target: {', '.join(breached)}."
    if risky:
        return f"Within Amazon's targets; at risk: {', '.join(risky)}."
    if all(m.status is HealthStatus.UNKNOWN for m in report.metrics):
        return "No metric could be computed from these columns."
    return "Every metric the counts allow is within target."


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def health_record(metric: MetricHealth) -> dict[str, Any]:
    """One metric over one window as a JSON-ready mapping."""
    reading, room = metric.reading, metric.headroom
    return {
        "metric": metric.key,
        "name": metric.spec.name,
        "window_days": metric.window_days,
        "from": reading.first.isoformat() if reading else None,
        "to": reading.last.isoformat() if reading else None,
        "value": _round(metric.value),
        "numerator": reading.numerator if reading else None,
        "denominator": reading.denominator if reading else None,
        "days_with_data": reading.days if reading else 0,
        "threshold": metric.spec.threshold,
        "better": metric.spec.better,
        "enforced": metric.spec.enforced,
        "at_risk_from": float(at_risk_from(metric.spec)),
        "target": metric.target,
        "headroom": None
        if room is None
        else {"allowed": room.allowed, "needed": room.needed, "bad": room.bad, "good": room.good},
        "previous": _round(metric.previous_value),
        "change": _round(metric.change),
        "trend": str(metric.trend),
        "status": str(metric.status),
        "reason": metric.reason,
        "upper_bound": metric.formula.upper_bound,
        "missing_columns": list(metric.missing),
    }


def health_data(report: HealthReport) -> dict[str, Any]:
    """The whole report as JSON-ready data: one record per metric and window."""
    return {
        "source": report.counts.source,
        "as_of": report.as_of.isoformat(),
        "first_day": report.counts.first.isoformat(),
        "last_day": report.counts.last.isoformat(),
        "breached": report.breached,
        "metrics": [health_record(m) for m in report.metrics],
        "warnings": [str(w) for w in report.warnings],
    }


def health_json(report: HealthReport) -> str:
    """The report as JSON text, as `poa health --json` prints it."""
    return json.dumps(health_data(report), indent=2, ensure_ascii=False) + "\n"
