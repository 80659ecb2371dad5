"""What a letter says in its appeal-form boxes, as an improvement plan, and when one notice
cites several issues."""

from __future__ import annotations

import re

import poa
from poa.documents.render import document_for

from .conftest import SAMPLE_FILES, SAMPLES, TODAY, sample_data
from .letters_helpers import (
    CANCEL_PIP,
    LSR_PIP,
    LSR_RULE,
    ODR_RULE,
    TWO_ISSUES,
    letter,
    with_rules,
)

# The appeal-form text


def boxes(txt: str) -> list[tuple[str, int, int, str]]:
    parts = re.split(r"^==== (.+) \(([\d,]+) of ([\d,]+) characters\) ====$", txt, flags=re.M)
    return [
        (name, int(count.replace(",", "")), int(limit.replace(",", "")), body.strip("\n"))
        for name, count, limit, body in zip(
            parts[1::4], parts[2::4], parts[3::4], parts[4::4], strict=True
        )
    ]


def test_first_form_box_opens_with_the_notice_orders_asins_and_metrics() -> None:
    name, _, _, body = boxes(letter(sample_data(TWO_ISSUES), "txt"))[0]
    assert name == "Root cause"
    lines = body.splitlines()
    assert lines[:5] == [
        "Seller: Bluestem Outfitters LLC, trading on Amazon.com as Bluestem Outdoors",
        "Merchant token: A2BLUE7ST3MK9Q",
        'Notice: "Your account is at risk of deactivation: Order Defect Rate and Late Shipment '
        'Rate," received October 12, 2026, reference AH-US-7730415',
        "Orders named: 113-5520194-6637201, 114-0918273-5546610, 112-7765102-9081134",
        "ASIN named: B0BLS40077",
    ]
    assert "Our Late Shipment Rate reached 6.4% (96 of 1,500 orders, last 30 days)" in body
    assert "Dear " not in body and "October 20, 2026\n" not in body


def test_every_box_shows_its_count_within_its_limit_and_no_markdown() -> None:
    for path in SAMPLE_FILES:
        case = poa.load_case(path, today=TODAY)
        if not document_for(case).for_amazon_form:
            continue  # a retraction request, counter-notice or note is sent whole
        txt = poa.render(case, "txt").decode()
        found = boxes(txt)
        assert found, path.name
        for name, count, limit, body in found:
            assert count == len(body) <= limit, (path.name, name)
            assert "|" not in body and "---" not in body and "**" not in body, (path.name, name)


def test_table_rows_become_lines_in_the_form_text() -> None:
    txt = letter(sample_data(LSR_PIP), "txt")
    assert (
        "Late Shipment Rate — Window: 30 days; Reported value: 6.2% (101 of 1,630 orders); "
        "Amazon's target: under 4%; Our internal target: under 2%" in txt
    )


# Improvement plans


def test_improvement_plan_separates_amazons_target_from_our_own() -> None:
    md = letter(sample_data(CANCEL_PIP))
    assert (
        "| Metric | Window | Reported value | Amazon's target | Our internal target |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| Pre-fulfillment Cancel Rate | 7 days | 4.1% (27 of 660 orders) | under 2.5% | "
        "under 1% |\n"
        "| Late Shipment Rate | 30 days | 2.2% | under 4% | under 2% |" in md
    )
    data = sample_data(CANCEL_PIP)
    for metric in data["metrics"]:
        metric.pop("target")
    data["milestones"] = [m for m in data["milestones"] if m["target"] != 1.0]
    data["milestones"][1]["target"] = 4.0
    md = letter(data)
    assert "| under 4% | as Amazon's |" in md


def test_improvement_plan_title_leaves_out_metrics_within_target() -> None:
    md = letter(sample_data(CANCEL_PIP))
    assert md.startswith("# Performance Improvement Plan: Pre-fulfillment Cancel Rate\n")
    opening = md.split("## Where the metrics stand", 1)[0]
    assert "Late Shipment Rate" not in opening


def test_milestones_without_a_note_print_nothing_extra() -> None:
    md = letter(sample_data(CANCEL_PIP))
    assert (
        "- **November 16, 2026:** Pre-fulfillment Cancel Rate under 2%. The sync alert and "
        "stock buffers have run for two full weeks.\n"
        "- **December 14, 2026:** Pre-fulfillment Cancel Rate under 1%; Late Shipment Rate "
        "under 2%.\n\n" in md
    )


# Several issues in one notice


def test_two_issue_letter_names_both_and_gives_each_its_rule() -> None:
    catalog = with_rules(
        order_defect_rate={"rule": ODR_RULE, "policy": None},
        late_shipment_rate={"rule": LSR_RULE, "policy": None},
    )
    md = letter(sample_data(TWO_ISSUES), catalog=catalog)
    assert md.startswith("# Plan of Action: Order Defect Rate and Late Shipment Rate\n")
    assert f"For the Order Defect Rate, we understand Amazon's rule: {ODR_RULE}" in md
    assert f"For the Late Shipment Rate, we understand Amazon's rule: {LSR_RULE}" in md
    assert "3. *Late Shipment Rate:* **Orders placed after the carrier's noon collection" in md
    assert "1. *Order Defect Rate:* **Tents shipped" in md


def test_the_primary_issue_type_still_names_the_case() -> None:
    case = poa.load_case(SAMPLES / TWO_ISSUES, today=TODAY)
    assert case.notification.issue_type == "order-defect-rate"
    assert case.notification.issue_types == ["order-defect-rate", "late-shipment-rate"]
    assert poa.output_stem(case) == "bluestem-outdoors-order-defect-rate-2026-10-12-poa"
