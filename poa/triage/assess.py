"""The assessment of a notice: its nature, its severity and its deadline, each with the
reason a seller can check, from the recognised facts and the catalog's own data."""

from __future__ import annotations

import re
from datetime import date

from poa.case.dates import usual_deadline
from poa.case.model import Kind
from poa.catalog import Catalog
from poa.triage.found import Found
from poa.triage.phrases import TriageStatus
from poa.triage.result import NATURES, Assessment, DeadlineSource, Nature, Severity

URGENT_DAYS = 3
_PLAN_OF_ACTION = re.compile(r"\bplan\s+of\s+action\b", re.IGNORECASE)
_IMPROVEMENT_PLAN = re.compile(r"\b(performance\s+)?improvement\s+plan\b", re.IGNORECASE)


def assess(
    *,
    catalog: Catalog,
    types: list[str],
    status: Found[TriageStatus] | None,
    info: Found[str] | None,
    deadline: Found[date] | None,
    metrics: list[Found[tuple[str, float]]],
    base: tuple[date, str],
    today: date,
) -> Assessment:
    """Nature, severity and time left, each with its reason."""
    nature, nature_reason = _nature(catalog, types)
    due, source, due_reason = _deadline(catalog, types, info, deadline, base)
    days_left = (due - today).days if due else None
    severity, severity_reason = _severity(catalog, types, status, info, metrics, days_left)
    return Assessment(
        nature=nature,
        nature_reason=nature_reason,
        severity=severity,
        severity_reason=severity_reason,
        informational=info is not None,
        deadline=due,
        deadline_source=source,
        deadline_reason=due_reason,
        today=today,
    )


def _nature(catalog: Catalog, types: list[str]) -> tuple[Nature | None, str]:
    if not types:
        return None, "no issue type was recognised"
    issue = catalog.types[types[0]]
    return issue.category, f"the catalog files {issue.key} as {NATURES[issue.category].lower()}"


def _deadline(
    catalog: Catalog,
    types: list[str],
    info: Found[str] | None,
    found: Found[date] | None,
    base: tuple[date, str],
) -> tuple[date | None, DeadlineSource, str]:
    if found:
        note = f" ({found.note})" if found.note else ""
        return found.value, "notice", f"the notice says {found.quote()!r}{note}"
    if info:
        return None, "none", "the notice only informs: there is nothing to answer"
    for key in types:
        issue = catalog.types[key]
        due = usual_deadline(base[0], issue)
        if due:
            return (
                due,
                "usual-window",
                (
                    f"the notice states no deadline: the usual {issue.deadline_days}-day window "
                    f"for {key}, counted from {base[1]}"
                ),
            )
    if not types:
        return None, "none", "the notice states no deadline and no issue type was recognised"
    return (
        None,
        "none",
        f"the notice states no deadline and Amazon sets no usual window for {types[0]}",
    )


def _severity(
    catalog: Catalog,
    types: list[str],
    status: Found[TriageStatus] | None,
    info: Found[str] | None,
    metrics: list[Found[tuple[str, float]]],
    days_left: int | None,
) -> tuple[Severity, str]:
    if info:
        return "low", f"informational: the notice says {info.quote()!r}"
    if status and status.value in ("deactivated", "funds-held"):
        return "critical", f"the account is {status.value}: {status.quote()!r}"
    if status and status.value == "listings-removed":
        return "high", f"listings are removed: {status.quote()!r}"
    if status:
        return _at_risk(catalog, types, status, days_left)
    for item in metrics:
        spec = catalog.metrics.get(item.value[0])
        if spec and spec.enforced and not spec.meets(item.value[1]):
            return "medium", (
                f"no account status is reported, but the {spec.name} of {item.value[1]:g}% "
                f"misses Amazon's target of {spec.threshold:g}%"
            )
    return "low", "a warning: the notice reports no risk to the account"


def _at_risk(
    catalog: Catalog, types: list[str], status: Found[TriageStatus], days_left: int | None
) -> tuple[Severity, str]:
    said = f"the account is at risk: {status.quote()!r}"
    if days_left is not None and days_left <= URGENT_DAYS:
        return "high", f"{said}, with {URGENT_DAYS} days or less to answer"
    if types and catalog.types[types[0]].category == "policy-violation":
        return "high", f"{said}, over a policy violation"
    return "medium", f"{said}, over a metric or an account matter with time to answer"


def case_kind(catalog: Catalog, types: list[str], status: TriageStatus | None, text: str) -> Kind:
    """An improvement plan when the notice asks for one, or when it is only about metrics,
    nothing is lost yet and no plan of action is asked for; a plan of action otherwise."""
    if _IMPROVEMENT_PLAN.search(text):
        return Kind.PERFORMANCE_IMPROVEMENT_PLAN
    metric_only = bool(types) and all(catalog.types[key].metric for key in types)
    if metric_only and status in (None, "at-risk") and not _PLAN_OF_ACTION.search(text):
        return Kind.PERFORMANCE_IMPROVEMENT_PLAN
    return Kind.PLAN_OF_ACTION
