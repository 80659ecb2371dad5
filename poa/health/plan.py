"""An improvement plan started from the health report: the metrics that slipped with their
values now, proposed targets stricter than Amazon's, and weekly milestones to reach them.

What only the seller knows (who they are, why it happened, what they did) is left as
bracketed placeholders that validation refuses, and named in the list returned beside the data.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from poa.errors import UsageError
from poa.health.metrics import HealthStatus, meets
from poa.health.report import HealthReport, MetricHealth

SELLER_PLACEHOLDERS: dict[str, Any] = {
    "legal_name": "[insert the legal name registered in Seller Central]",
    "store_name": "[insert the store name buyers see]",
    "merchant_token": "[insert the merchant token from Account Info]",
    "marketplaces": ["[insert the store code, such as US]"],
    "email": "[insert the email address registered on the account]",
    "signatory": {"name": "[insert the signer's full name]", "role": "[insert the signer's role]"},
}
# The placeholders (and stand-in dates) of the answer only the seller can write.
ANSWER_FIELDS = (
    "notification.subject",
    "root_causes[0].summary",
    "corrective_actions[0].action",
    "corrective_actions[0].completed_on",
    "preventive_measures[0].measure",
    "preventive_measures[0].owner",
    "preventive_measures[0].frequency",
    "preventive_measures[0].started_on",
)
MIN_WEEKS = 2
_RANK = {HealthStatus.BREACH: 0, HealthStatus.AT_RISK: 1}


def plan_metrics(report: HealthReport) -> list[MetricHealth]:
    """The metrics a plan takes on: each breached or at-risk metric once, over its worst
    window (the longer one when two are as bad), breaches first."""
    chosen: dict[str, MetricHealth] = {}
    for metric in report.metrics:
        if metric.status not in _RANK or metric.reading is None:
            continue
        held = chosen.get(metric.key)
        if held is None or _RANK[metric.status] <= _RANK[held.status]:
            chosen[metric.key] = metric
    return sorted(chosen.values(), key=lambda m: (_RANK[m.status], not m.spec.enforced))


def proposed_target(metric: MetricHealth) -> float:
    """A target stricter than Amazon's: the seller's own when set, else halfway from Amazon's
    threshold to the perfect value (or from the value now, when that is already past it)."""
    spec = metric.spec
    if metric.target is not None:
        return metric.target
    perfect = Fraction(0 if spec.better == "lower" else 100)
    start = Fraction(str(spec.threshold))
    rate = metric.reading.rate if metric.reading else None
    if rate is not None and meets(rate, (start + perfect) / 2, spec.better):
        start = rate
    return round(float((start + perfect) / 2), 2)


def case_from_health(
    report: HealthReport,
    *,
    seller: Mapping[str, Any] | None = None,
    today: date | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """A performance improvement plan as case data (ready to write as YAML), and the fields
    only the seller can fill in. `seller` is the case's seller section, where known."""
    chosen = plan_metrics(report)
    if not chosen:
        raise UsageError(
            "every metric the counts allow is within target and none is at risk: "
            "no improvement plan is needed"
        )
    start = today or date.today()
    seller_data, to_fill = _seller(seller)
    marketplaces = seller_data.get("marketplaces")
    marketplace = "[insert the store code]"
    if seller is not None and isinstance(marketplaces, list) and marketplaces:
        marketplace = marketplaces[0]
    else:
        to_fill.append("notification.marketplace")
    milestones = [m for metric in chosen for m in _milestones(metric, start)]
    data: dict[str, Any] = {
        "kind": "performance-improvement-plan",
        "seller": seller_data,
        "notification": {
            "issue_type": chosen[0].key,
            "received_on": _day(start),
            "subject": "[insert the notice's subject line, or a title of your own]",
            "marketplace": marketplace,
            "scope": "account",
            "account_status": "at-risk" if report.breached else "warning",
        },
        **_answer(start),
        "metrics": [_metric(metric, report) for metric in chosen],
        "milestones": sorted(milestones, key=lambda m: m["due_on"]),
        "review_cadence": "weekly",
        "review_checks": _checks(chosen),
    }
    return data, [*to_fill, *ANSWER_FIELDS]


def _day(value: date) -> date:
    # A fresh object each time: YAML writers turn a repeated object into an anchor and alias.
    return date(value.year, value.month, value.day)


def _seller(seller: Mapping[str, Any] | None) -> tuple[dict[str, Any], list[str]]:
    data = copy.deepcopy(dict(seller or {}))
    missing: list[str] = []
    for key, placeholder in SELLER_PLACEHOLDERS.items():
        if key == "signatory" and isinstance(data.get(key), Mapping):
            signer = dict(data[key])
            for part in ("name", "role"):
                if part not in signer:
                    signer[part] = placeholder[part]
                    missing.append(f"seller.signatory.{part}")
            data[key] = signer
        elif key not in data:
            data[key] = copy.deepcopy(placeholder)
            missing += (
                [f"seller.signatory.{p}" for p in placeholder]
                if key == "signatory"
                else [f"seller.{key}"]
            )
    return data, missing


def _answer(start: date) -> dict[str, Any]:
    return {
        "root_causes": [
            {"id": "RC1", "summary": "[insert the cause: the process that failed, not the symptom]"}
        ],
        "corrective_actions": [
            {
                "id": "CA1",
                "root_causes": ["RC1"],
                "action": "[insert what was already done, with numbers]",
                "completed_on": _day(start),
            }
        ],
        "preventive_measures": [
            {
                "id": "PM1",
                "root_causes": ["RC1"],
                "measure": "[insert the control that now runs]",
                "owner": "[insert the role responsible]",
                "frequency": "[insert how often it runs]",
                "started_on": _day(start),
            }
        ],
    }


def _metric(metric: MetricHealth, report: HealthReport) -> dict[str, Any]:
    reading = metric.reading
    assert reading is not None  # plan_metrics keeps measured metrics only
    formula = metric.formula
    bad = (
        reading.numerator
        if metric.spec.better == "lower"
        else (reading.denominator - reading.numerator)
    )
    whole = formula.denominator.replace("_", " ")
    bound = "at most " if formula.upper_bound else ""
    cause = (
        f"{bound}{bad:,} {formula.bad} out of {reading.denominator:,} {whole} in the "
        f"{metric.window_days} days to {report.as_of}."
    )
    data: dict[str, Any] = {
        "metric": metric.key,
        "value": round(metric.value or 0.0, 2),
        "window_days": metric.window_days,
        "target": proposed_target(metric),
        "cause": cause[0].upper() + cause[1:],
    }
    if not formula.upper_bound:  # an upper bound's count may take one order twice
        data["count"] = reading.numerator
        data["total"] = reading.denominator
        data["unit"] = "orders" if formula.denominator == "orders" else "packages"
    return data


def _milestones(metric: MetricHealth, start: date) -> list[dict[str, Any]]:
    """Weekly steps from the value now to the proposed target, reached once a whole window
    has passed since the plan started."""
    weeks = max(MIN_WEEKS, math.ceil(metric.window_days / 7))
    now = metric.value or 0.0
    goal = proposed_target(metric)
    steps: list[dict[str, Any]] = []
    for week in range(1, weeks + 1):
        step: dict[str, Any] = {
            "due_on": start + timedelta(weeks=week),
            "metric": metric.key,
            "target": round(now + (goal - now) * week / weeks, 2),
        }
        if week == weeks:
            step["target"] = goal
            step["note"] = f"A whole {metric.window_days}-day window measured after the changes."
        steps.append(step)
    return steps


def _checks(chosen: list[MetricHealth]) -> list[str]:
    checks = [f"{m.label} against the next milestone" for m in chosen]
    checks += [f"Each of the week's {m.formula.bad}, with its cause" for m in chosen]
    return checks
