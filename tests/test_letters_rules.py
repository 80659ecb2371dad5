"""What `poa validate` says about the new parts of a case: warnings (located, exit status
unchanged), metric arithmetic, invoices against sales, bracketed placeholders, `{ID}` pointers,
several issue types and several statuses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import poa
from poa.case import rules
from poa.case.consistency import placeholder
from poa.yamlfile import format_loc

from .conftest import TODAY, run, sample_data

WriteCase = Callable[..., Path]
ODR = "odr-negative-feedback-us.yaml"
INVOICES = "inauthentic-invoices-us.yaml"
TWO_ISSUES = "odr-late-shipment-us.yaml"


def validate(write_case: WriteCase, data: dict[str, Any]) -> tuple[int, list[str]]:
    path = write_case(data)
    code, out, _ = run("validate", "--today", TODAY.isoformat(), str(path))
    return code, out.splitlines()


def warnings(data: dict[str, Any]) -> list[str]:
    """The case's warnings as `field: message` lines (no file position)."""
    case = poa.case_from_data(data, today=TODAY)
    found = rules.case_warnings(case, poa.load_catalog(), TODAY)
    return [f"{format_loc(loc)}: {msg}" for loc, msg in found]


def errors(data: dict[str, Any]) -> list[str]:
    try:
        poa.case_from_data(data, today=TODAY)
    except poa.CaseInvalidError as exc:
        return [f"{p.field}: {p.message}" for p in exc.problems]
    return []


# Warnings


def test_warnings_are_located_and_leave_the_exit_status_alone(write_case: WriteCase) -> None:
    data = sample_data(ODR)
    data["preventive_measures"][1]["started_on"] = "2026-09-21"  # the letter is dated the 19th
    code, lines = validate(write_case, data)
    assert code == 0
    warning = next(line for line in lines if ": warning: " in line)
    assert warning.endswith(
        "preventive_measures[1].started_on: warning: 2026-09-21 is after the document's date "
        "(2026-09-19), so the letter can only say it starts then: reviewers weigh controls "
        "already running, so start it first, or set prepared_on to the day you send the plan"
    )
    file, line, column = warning.split(":")[:3]
    assert file.endswith("case.yaml") and line.isdigit() and column.isdigit()
    assert lines[-1] == "1 file checked: all valid"


def test_check_case_returns_the_case_with_its_warnings(write_case: WriteCase) -> None:
    data = sample_data(ODR)
    data["preventive_measures"][1]["started_on"] = "2026-09-21"
    checked = poa.check_case(write_case(data), today=TODAY)
    assert checked.case.seller.store_name == "Harbor & Pine"
    assert [w.field for w in checked.warnings] == ["preventive_measures[1].started_on"]
    assert checked.warnings[0].line is not None


def test_samples_carry_no_warnings() -> None:
    code, out, _ = run("validate", "--today", TODAY.isoformat(), "samples")
    assert code == 0 and "warning" not in out


def test_notice_asins_and_orders_must_be_answered_beyond_the_opening() -> None:
    data = sample_data(ODR)
    data["notification"]["asins"] = ["B08HPC4411", "B08HPC4499"]
    data["root_causes"][0]["order_ids"] = []
    found = warnings(data)
    assert any(
        w.startswith("notification.asins[1]: ASIN B08HPC4499 appears only in the opening")
        for w in found
    )
    assert not any("B08HPC4411" in w for w in found)  # cited by a root cause and an exhibit
    assert any(w.startswith("notification.order_ids[0]: order 112-4839201-7730215") for w in found)
    # Naming the order in an action's text answers it too.
    data["corrective_actions"][0]["action"] += " Order 112-4839201-7730215 was refunded in full."
    assert not any("112-4839201-7730215" in w for w in warnings(data))


def test_invoiced_units_must_cover_units_sold() -> None:
    data = sample_data(INVOICES)
    assert warnings(data) == []
    data["units_sold"]["B07NGB2202"] = 750
    assert warnings(data) == [
        "units_sold.B07NGB2202: 750 units sold in the last 365 days, but the invoices cover "
        "only 600 (E1): reviewers expect invoices for at least the units sold"
    ]
    data["units_sold"]["B07NGB2299"] = 10
    assert any("no invoice covers B07NGB2299" in w for w in warnings(data))


def test_an_invoice_without_per_asin_quantities_cannot_show_coverage() -> None:
    data = sample_data(INVOICES)
    del data["evidence"][0]["quantities"]
    assert any(
        "invoice E1 lists B07NGB2201 among several ASINs without a quantity for each" in w
        for w in warnings(data)
    )


def test_an_internal_target_laxer_than_amazons_is_warned() -> None:
    data = sample_data("cancel-rate-pip-us.yaml")
    data["metrics"][0]["target"] = 3.0
    assert warnings(data) == [
        "metrics[0].target: 3.0% is laxer than Amazon's target (under 2.5%): an internal "
        "target should be at least as strict"
    ]


# Errors


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"value": 1.9},
            "metrics[0].value: 23 of 1,440 is 1.60%, not 1.9%: correct the value or the counts",
        ),
        ({"count": 2000}, "metrics[0].count: is more than the total (1,440)"),
        ({"total": None}, "metrics[0].total: is missing: give both count and total"),
        (
            {"breakdown": {"negative_feedback": 9, "a_to_z_claims": 10}},
            "metrics[0].breakdown: adds up to 19, fewer than the 23 defective orders in count",
        ),
        (
            {"breakdown": {"chargebacks": 30}},
            "metrics[0].breakdown.chargebacks: 30 is more than the 23 defective orders",
        ),
    ],
)
def test_metric_counts_must_give_the_stated_rate(change: dict[str, Any], expected: str) -> None:
    data = sample_data(ODR)
    data["metrics"][0].update(change)
    if change.get("total", 0) is None:
        del data["metrics"][0]["total"]
    assert any(e.startswith(expected) for e in errors(data)), errors(data)


def test_a_rounded_rate_within_its_last_decimal_passes() -> None:
    data = sample_data(ODR)
    data["metrics"][0].update(value=2.0, count=34, total=1710)  # 1.988%
    data["metrics"][0]["breakdown"] = {"negative_feedback": 20, "a_to_z_claims": 14}
    assert errors(data) == []


def test_breakdown_belongs_to_the_order_defect_rate() -> None:
    data = sample_data("late-shipment-pip-uk.yaml")
    data["metrics"][0]["breakdown"] = {"chargebacks": 1}
    assert any("applies to the order-defect-rate metric only" in e for e in errors(data))


def test_invoice_quantities_must_add_up_to_its_total() -> None:
    data = sample_data(INVOICES)
    data["evidence"][0]["quantities"]["B07NGB2202"] = 500
    assert (
        "evidence[0].quantities: add up to 1,100, but quantity says 1,200: correct one"
        in errors(data)
    )


@pytest.mark.parametrize(
    "bracket", ["[brand]", "[your company]", "[Company Name]", "[ASIN]", "[describe the cause]"]
)
def test_bracketed_instructions_are_placeholders(bracket: str) -> None:
    assert placeholder(bracket[1:-1])
    data = sample_data(ODR)
    data["root_causes"][0]["detail"] = f"Messages for {bracket} went unanswered."
    # Caught by this rule, or earlier by the field's own check for the usual words.
    assert any(
        e.startswith("root_causes[0].detail:") and bracket in e and "placeholder" in e
        for e in errors(data)
    ), errors(data)


@pytest.mark.parametrize(
    "bracket", ["[sic]", "[3]", "[2 of 5]", "[the buyer]", "[emphasis added]", "[…]", "[our team]"]
)
def test_legitimate_brackets_pass(bracket: str) -> None:
    assert not placeholder(bracket[1:-1])
    data = sample_data(ODR)
    data["root_causes"][0]["detail"] = f'The buyer wrote "it {bracket} arrived broke".'
    assert errors(data) == []


def test_brackets_in_amazons_own_words_are_not_checked() -> None:
    data = sample_data(ODR)
    data["notification"]["subject"] = "[Action required] Your Order Defect Rate"
    assert errors(data) == []


def test_pointers_must_name_an_exhibit_or_root_cause() -> None:
    data = sample_data(ODR)
    data["corrective_actions"][0]["action"] += " See {E9}."
    found = [e for e in errors(data) if e.startswith("corrective_actions[0].action: {E9} ")]
    assert found == [
        "corrective_actions[0].action: {E9} points at no evidence item or root cause (known: "
        "E1, E2, RC1, RC2): write one of their ids, such as {E1}"
    ]
    # The example offered is a known id, the one most like what was written.
    data["corrective_actions"][0]["action"] = "Replied to all late messages, as {RC9} shows."
    assert any(e.endswith("such as {RC1}") for e in errors(data))
    data["corrective_actions"][0]["action"] = "Replied to all late messages, as {rc2} shows."
    assert any(e.endswith("such as {RC2}") for e in errors(data))  # ids are upper case
    data["corrective_actions"][0]["action"] = "Replied to all late messages, as {E1} shows."
    assert errors(data) == []


def test_measure_evidence_must_exist() -> None:
    data = sample_data(ODR)
    data["preventive_measures"][0]["evidence"] = ["E7"]
    assert any(
        e.startswith("preventive_measures[0].evidence[0]: no evidence item has the id 'E7'")
        for e in errors(data)
    )


def test_an_action_finished_after_the_documents_date_is_an_error() -> None:
    data = sample_data(ODR)
    data["prepared_on"] = "2026-09-17"
    assert any(
        e.startswith("corrective_actions[1].completed_on: 2026-09-18 is after the document's date")
        for e in errors(data)
    )


# Several issue types, several statuses


def test_every_issue_type_of_the_notice_needs_a_root_cause() -> None:
    data = sample_data(TWO_ISSUES)
    assert errors(data) == []
    data["root_causes"][2]["issue_type"] = "order-defect-rate"
    assert any(
        e.startswith("notification.other_issue_types[0]: no root cause explains 'late-shipment")
        for e in errors(data)
    )


def test_a_cause_names_one_of_the_notices_issue_types() -> None:
    data = sample_data(TWO_ISSUES)
    data["root_causes"][0]["issue_type"] = "drop-shipping"
    assert any(
        e.startswith("root_causes[0].issue_type: 'drop-shipping' is not one of the notice's")
        for e in errors(data)
    )
    data = sample_data(TWO_ISSUES)
    data["notification"]["other_issue_types"] = ["late-shipment-rat"]
    assert any("unknown issue type 'late-shipment-rat'" in e for e in errors(data))


def test_account_status_takes_one_value_or_a_list() -> None:
    data = sample_data(ODR)
    case = poa.case_from_data(data, today=TODAY)
    assert case.notification.statuses == ["at-risk"]
    assert "account_status: at-risk\n" in poa.dump_case(case)
    data["notification"]["account_status"] = ["deactivated", "funds-held"]
    case = poa.case_from_data(data, today=TODAY)
    assert case.notification.statuses == ["deactivated", "funds-held"]
    data["notification"]["account_status"] = ["deactivated", "deactivated"]
    assert any("lists deactivated more than once" in e for e in errors(data))
    data["notification"]["account_status"] = 5
    assert (
        "notification.account_status: should be one status, such as at-risk, or a list of "
        "them, such as [deactivated, funds-held]" in errors(data)
    )


def test_a_category_restriction_names_its_category() -> None:
    data = sample_data(ODR)
    data["notification"]["account_status"] = "category-restricted"
    assert any(
        e.startswith("notification.account_status: category-restricted needs the category")
        for e in errors(data)
    )
    data["notification"]["category"] = "Home & Kitchen"
    assert errors(data) == []
