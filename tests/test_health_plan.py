"""An improvement plan started from the health report: what it fills in, what it leaves to the
seller, and that it validates once the seller has written their part."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import yaml

from poa import CaseInvalidError, UsageError, case_from_data, case_from_health, health_report
from poa import parse_counts as parse

from .health_helpers import HEADER, counts

TODAY = date(2026, 3, 23)
SELLER = {
    "legal_name": "Harbour Lane Goods LLC",
    "store_name": "Harbour Lane",
    "merchant_token": "A2HLG7K4PQ9WXZ",
    "marketplaces": ["US"],
    "email": "ops@harbourlane.example",
    "signatory": {"name": "Dana Whitfield", "role": "Owner"},
}
ANSWERS: dict[str, Any] = {
    "notification.subject": "Your Late Shipment Rate is above Amazon's target",
    "root_causes[0].summary": "Shipment confirmations stopped when the label printer failed.",
    "corrective_actions[0].action": "Replaced the label printer and confirmed all 50 orders.",
    "corrective_actions[0].completed_on": date(2026, 3, 21),
    "preventive_measures[0].measure": "A spare printer is kept and tested every Monday.",
    "preventive_measures[0].owner": "Warehouse lead",
    "preventive_measures[0].frequency": "weekly",
    "preventive_measures[0].started_on": date(2026, 3, 23),
    "seller.legal_name": SELLER["legal_name"],
    "seller.store_name": SELLER["store_name"],
    "seller.merchant_token": SELLER["merchant_token"],
    "seller.marketplaces": ["US"],
    "seller.email": SELLER["email"],
    "seller.signatory.name": "Dana Whitfield",
    "seller.signatory.role": "Owner",
    "notification.marketplace": "US",
}


def fill(data: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    """Write the seller's answer into each field the plan left open."""
    for field in fields:
        node: Any = data
        *parents, last = field.replace("[0]", ".0").split(".")
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[last] = ANSWERS[field]
    return data


def test_the_plan_takes_on_what_slipped_with_targets_and_weekly_milestones() -> None:
    report = health_report(counts())
    data, fields = case_from_health(report, seller=SELLER, today=TODAY)
    assert data["kind"] == "performance-improvement-plan"
    assert data["notification"]["issue_type"] == "late-shipment-rate"  # the breach comes first
    assert data["notification"]["marketplace"] == "US"
    assert data["notification"]["account_status"] == "at-risk"
    assert data["metrics"] == [
        {
            "metric": "late-shipment-rate",
            "value": 5.0,
            "window_days": 10,
            "target": 2.0,  # halfway from Amazon's 4% to 0%
            "cause": "50 late shipments out of 1,000 shipments in the 10 days to 2026-03-20.",
            "count": 50,
            "total": 1000,
            "unit": "packages",
        },
        {
            "metric": "valid-tracking-rate",
            "value": 96.0,
            "window_days": 30,
            "target": 97.5,  # halfway from Amazon's 95% to 100%
            "cause": "80 untracked shipments out of 2,000 shipments in the 30 days to 2026-03-20.",
            "count": 1920,  # the tracked ones, so that count / total is the value
            "total": 2000,
            "unit": "packages",
        },
    ]
    lsr = [
        (m["due_on"], m["target"])
        for m in data["milestones"]
        if m["metric"] == "late-shipment-rate"
    ]
    assert lsr == [(date(2026, 3, 30), 3.5), (date(2026, 4, 6), 2.0)]
    vtr = [m for m in data["milestones"] if m["metric"] == "valid-tracking-rate"]
    assert [m["due_on"] for m in vtr] == [
        date(2026, 3, 30),
        date(2026, 4, 6),
        date(2026, 4, 13),
        date(2026, 4, 20),
        date(2026, 4, 27),
    ]
    assert [m["target"] for m in vtr] == [96.3, 96.6, 96.9, 97.2, 97.5]
    assert vtr[-1]["note"] == "A whole 30-day window measured after the changes."
    assert data["review_cadence"] == "weekly"
    assert "Each of the week's late shipments, with its cause" in data["review_checks"]
    assert not [f for f in fields if f.startswith("seller.")]
    case = case_from_data(fill(data, fields), today=TODAY)
    assert case.metrics[0].target == 2.0 and len(case.milestones) == 7


def test_what_only_the_seller_knows_is_left_as_placeholders_validation_refuses() -> None:
    data, fields = case_from_health(health_report(counts()), today=TODAY)
    assert fields[:8] == [
        "seller.legal_name",
        "seller.store_name",
        "seller.merchant_token",
        "seller.marketplaces",
        "seller.email",
        "seller.signatory.name",
        "seller.signatory.role",
        "notification.marketplace",
    ]
    assert "root_causes[0].summary" in fields and "corrective_actions[0].action" in fields
    with pytest.raises(CaseInvalidError) as caught:
        case_from_data(data, today=TODAY)
    flagged = {line.split(": ")[1].removesuffix("[0]") for line in caught.value.lines()}
    assert flagged <= set(fields)
    assert "root_causes[0].summary" in flagged and "seller.legal_name" in flagged
    text = yaml.safe_dump(data, sort_keys=False)
    assert "&id" not in text  # plain dates, no YAML anchors for the seller to puzzle over
    case_from_data(fill(yaml.safe_load(text), fields), today=TODAY)


def test_the_sellers_own_target_and_a_partial_seller_section() -> None:
    report = health_report(counts(), targets={"late-shipment-rate": 1.5})
    partial = {k: v for k, v in SELLER.items() if k != "email"} | {"signatory": {"name": "Dana"}}
    data, fields = case_from_health(report, seller=partial, today=TODAY)
    assert data["metrics"][0]["target"] == 1.5
    assert [f for f in fields if f.startswith("seller.")] == [
        "seller.email",
        "seller.signatory.role",
    ]
    assert data["seller"]["signatory"]["name"] == "Dana"


def test_an_advisory_metric_does_not_lead_the_plan_and_a_healthy_account_needs_none() -> None:
    slipping = "\n".join(f"2026-03-{i + 1:02d},100,0,0,0,100,3,0,100,90" for i in range(10))
    data, _ = case_from_health(health_report(parse(HEADER + "\n" + slipping)), today=TODAY)
    # late shipments at 3% are at risk; deliveries at 90% miss the (advisory) recommendation
    assert [m["metric"] for m in data["metrics"]] == ["late-shipment-rate", "on-time-delivery-rate"]
    assert data["notification"]["issue_type"] == "late-shipment-rate"
    assert data["notification"]["account_status"] == "warning"
    healthy = "\n".join(f"2026-03-{i + 1:02d},100,0,0,0,100,0,0,100,100" for i in range(10))
    with pytest.raises(UsageError, match="no improvement plan is needed"):
        case_from_health(health_report(parse(HEADER + "\n" + healthy)), today=TODAY)
