"""Every rule a case is checked against, one test each: a valid sample with one thing broken,
and the exact line the seller reads about it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
import yaml

from poa import CaseInvalidError, case_from_data, load_catalog, parse_case
from poa.case import rules

from .conftest import TODAY, sample_data

POA = "odr-negative-feedback-us.yaml"  # received 2026-09-14, problem began 2026-07-10
PIP = "late-shipment-pip-uk.yaml"  # received 2026-10-05


def problems(data: dict[str, Any], today: date = TODAY) -> list[tuple[str, str]]:
    """(field, message) of every problem the case has; fails if it has none."""
    with pytest.raises(CaseInvalidError) as info:
        case_from_data(data, today=today)
    return [(p.field, p.message) for p in info.value.problems]


def accepted(data: dict[str, Any], today: date = TODAY) -> bool:
    case_from_data(data, today=today)
    return True


@pytest.mark.parametrize("name", [POA, PIP])
def test_the_samples_these_tests_break_are_valid(name: str) -> None:
    assert accepted(sample_data(name))


# Issue type


def test_unknown_issue_type_suggests_the_close_keys() -> None:
    data = sample_data()
    data["notification"]["issue_type"] = "order-defect-rat"
    assert problems(data) == [
        (
            "notification.issue_type",
            "unknown issue type 'order-defect-rat': did you mean `order-defect-rate` or "
            "`return-dissatisfaction-rate` or `on-time-delivery-rate`?",
        )
    ]


def test_unknown_issue_type_with_nothing_close_points_to_the_catalog() -> None:
    data = sample_data()
    data["notification"]["issue_type"] = "zzzz"
    assert problems(data) == [
        (
            "notification.issue_type",
            "unknown issue type 'zzzz': run `poa catalog` to list the known types",
        )
    ]


# Dates


def test_notice_received_in_the_future() -> None:
    data = sample_data()
    data["notification"]["received_on"] = "2026-11-23"
    assert problems(data) == [
        (
            "notification.received_on",
            "2026-11-23 is in the future: give the date the notice arrived",
        )
    ]
    data["notification"]["received_on"] = TODAY.isoformat()
    assert accepted(data)


def test_deadline_must_be_after_receipt() -> None:
    data = sample_data()
    data["notification"]["deadline"] = "2026-09-14"  # the day it arrived
    assert problems(data) == [
        ("notification.deadline", "is not after the date the notice was received")
    ]
    data["notification"]["deadline"] = "2026-09-15"
    assert accepted(data)


def test_problem_cannot_start_after_the_notice() -> None:
    data = sample_data()
    data["notification"]["problem_started_on"] = "2026-09-15"
    assert problems(data) == [("notification.problem_started_on", "is after the notice arrived")]
    data["notification"]["problem_started_on"] = "2026-09-14"
    assert accepted(data)


def test_corrective_action_completed_in_the_future() -> None:
    data = sample_data()
    data["corrective_actions"][0]["completed_on"] = "2026-11-23"
    assert problems(data) == [
        (
            "corrective_actions[0].completed_on",
            "2026-11-23 is in the future: a corrective action must already be done; record "
            "it as a preventive measure or add it once finished",
        )
    ]
    data["corrective_actions"][0]["completed_on"] = TODAY.isoformat()
    assert accepted(data)


def test_corrective_action_completed_before_the_problem_began() -> None:
    data = sample_data()
    data["corrective_actions"][1]["completed_on"] = "2026-07-09"
    assert problems(data) == [
        (
            "corrective_actions[1].completed_on",
            "2026-07-09 is before the problem began (2026-07-10): check the date",
        )
    ]
    data["corrective_actions"][1]["completed_on"] = "2026-07-10"
    assert accepted(data)


def test_without_a_start_date_an_early_action_is_accepted() -> None:
    data = sample_data()
    del data["notification"]["problem_started_on"]
    data["corrective_actions"][1]["completed_on"] = "2026-01-02"
    assert accepted(data)


def test_root_cause_occurred_in_the_future() -> None:
    data = sample_data()
    data["root_causes"][0]["occurred_on"] = "2026-11-23"
    assert problems(data) == [("root_causes[0].occurred_on", "is in the future: check the date")]


def test_evidence_issued_in_the_future() -> None:
    data = sample_data()
    data["evidence"][1]["issued_on"] = "2026-11-23"
    assert problems(data) == [
        ("evidence[1].issued_on", "is in the future: check the date on the document")
    ]


def test_invoice_more_than_a_year_before_the_notice() -> None:
    data = sample_data()
    data["evidence"][0].update(kind="invoice", issued_on="2025-09-13")  # 366 days before
    assert problems(data) == [
        (
            "evidence[0].issued_on",
            "2025-09-13 is more than 365 days before the notice (2026-09-14): reviewers look "
            "for invoices from the 365 days before it; attach a more recent one",
        )
    ]
    data["evidence"][0]["issued_on"] = "2025-09-14"  # exactly 365 days before
    assert accepted(data)


def test_only_invoices_have_to_be_recent() -> None:
    data = sample_data()
    data["evidence"][0].update(kind="certificate", issued_on="2020-01-01")
    assert accepted(data)


def test_prepared_before_the_notice_arrived() -> None:
    data = sample_data()
    data["prepared_on"] = "2026-09-13"
    assert ("prepared_on", "is before the notice arrived: check the date") in problems(data)
    data["prepared_on"] = "2026-09-19"  # the day the last action was done
    assert accepted(data)


def test_submission_in_the_future() -> None:
    data = sample_data()
    data["submissions"] = [
        {"submitted_on": "2026-10-01", "outcome": "rejected"},
        {"submitted_on": "2026-11-23", "outcome": "pending"},
    ]
    assert problems(data) == [("submissions[1].submitted_on", "is in the future: check the date")]


def test_today_decides_what_is_in_the_future() -> None:
    data = sample_data()
    data["corrective_actions"][2]["completed_on"] = "2026-11-30"
    assert accepted(data, today=date(2026, 11, 30))
    assert [f for f, _ in problems(data, today=date(2026, 11, 29))] == [
        "corrective_actions[2].completed_on"
    ]


# Identifiers and the links between items


def test_an_id_used_twice_in_one_section() -> None:
    data = sample_data()
    data["preventive_measures"][1]["id"] = "PM1"
    assert problems(data) == [
        (
            "preventive_measures[1].id",
            "id 'PM1' is already used in preventive_measures: give each item its own id",
        )
    ]


def test_an_id_used_in_two_sections_is_reported_where_it_comes_second() -> None:
    data = sample_data()
    data["corrective_actions"][2]["id"] = "PM1"  # nothing links to CA3, so nothing else breaks
    assert problems(data) == [
        (
            "preventive_measures[0].id",
            "id 'PM1' is already used in corrective_actions: give each item its own id",
        )
    ]


def test_an_action_pointing_at_a_root_cause_that_does_not_exist() -> None:
    data = sample_data()
    data["corrective_actions"][2]["root_causes"] = ["RC2", "RC9"]
    assert problems(data) == [
        (
            "corrective_actions[2].root_causes[1]",
            "no root cause has the id 'RC9' (known: RC1, RC2): fix the id or add the root cause",
        )
    ]


def test_a_measure_pointing_at_a_root_cause_that_does_not_exist() -> None:
    data = sample_data()
    data["preventive_measures"][1]["root_causes"] = ["RC1", "rc1"]
    assert problems(data) == [
        (
            "preventive_measures[1].root_causes[1]",
            "no root cause has the id 'rc1' (known: RC1, RC2): fix the id or add the root cause",
        )
    ]


def test_a_root_cause_pointing_at_evidence_that_does_not_exist() -> None:
    data = sample_data()
    data["root_causes"][1]["evidence"] = ["E2", "E3"]
    assert problems(data) == [
        (
            "root_causes[1].evidence[1]",
            "no evidence item has the id 'E3' (known: E1, E2): fix the id or add the evidence item",
        )
    ]


def test_evidence_links_when_the_case_has_no_evidence_yet() -> None:
    data = sample_data()
    del data["evidence"]
    data["corrective_actions"] = data["corrective_actions"][1:2]  # CA2 -> E2
    data["corrective_actions"][0]["root_causes"] = ["RC1", "RC2"]
    assert problems(data) == [
        (
            "corrective_actions[0].evidence[0]",
            "no evidence item has the id 'E2' (known: none yet): fix the id or add the evidence "
            "item",
        )
    ]


def test_a_root_cause_without_a_corrective_action() -> None:
    data = sample_data()
    data["corrective_actions"][0]["root_causes"] = ["RC2"]
    assert problems(data) == [
        (
            "root_causes[0]",
            "root cause 'RC1' has no corrective action: "
            "Amazon expects every cause answered by something already done",
        )
    ]


def test_a_root_cause_without_a_preventive_measure() -> None:
    data = sample_data()
    for measure in data["preventive_measures"]:
        measure["root_causes"] = ["RC2"]
    assert problems(data) == [
        (
            "root_causes[0]",
            "root cause 'RC1' has no preventive measure: "
            "add the control that now stops it happening again",
        )
    ]


# Seller and marketplaces


def test_merchant_token_for_a_marketplace_the_seller_does_not_list() -> None:
    data = sample_data()
    data["seller"]["merchant_tokens"] = {"CA": "A1B2C3D4E5F6G7", "DE": "A1B2C3D4E5F6G8"}
    assert problems(data) == [("seller.merchant_tokens.DE", "DE is not among seller.marketplaces")]


def test_notice_marketplace_not_among_the_sellers() -> None:
    data = sample_data()
    data["notification"]["marketplace"] = "MX"
    assert problems(data) == [
        (
            "notification.marketplace",
            "MX is not among seller.marketplaces: add it there or correct it here",
        )
    ]


def test_marketplaces_are_compared_after_normalising() -> None:
    data = sample_data(PIP)
    data["seller"]["marketplaces"] = ["gb", "A28R8C7NBKEWEA"]  # UK by alias, IE by its ID
    data["notification"]["marketplace"] = "uk"
    case = case_from_data(data, today=TODAY)
    assert case.seller.marketplaces == ["UK", "IE"]
    assert case.notification.marketplace == "UK"


# Metrics and improvement plans


def test_a_metric_outside_the_catalog_needs_its_target_and_direction() -> None:
    data = sample_data()
    data["metrics"].append({"metric": "buyer-message-rate", "value": 3, "target": 1})
    known = ", ".join(sorted(load_catalog().metrics))
    assert problems(data) == [
        (
            "metrics[1].metric",
            f"'buyer-message-rate' is not a catalog metric ({known}): give its target and "
            "better (lower or higher) yourself",
        )
    ]
    data["metrics"][1]["better"] = "lower"
    assert accepted(data)


def test_a_milestone_for_a_metric_the_case_does_not_list() -> None:
    data = sample_data(PIP)
    data["milestones"][1]["metric"] = "order-defect-rate"
    assert problems(data) == [
        (
            "milestones[1].metric",
            "'order-defect-rate' is not one of the case's metrics: list it under metrics first",
        )
    ]


def test_a_milestone_due_on_or_before_receipt() -> None:
    data = sample_data(PIP)
    data["milestones"][0]["due_on"] = "2026-10-05"
    assert problems(data) == [("milestones[0].due_on", "is not after the notice arrived")]
    data["milestones"][0]["due_on"] = "2026-10-06"
    assert accepted(data)


def test_an_improvement_plan_without_metrics() -> None:
    data = sample_data(PIP)
    del data["metrics"]
    unlisted = "'late-shipment-rate' is not one of the case's metrics: list it under metrics first"
    assert problems(data) == [
        ("milestones[0].metric", unlisted),
        ("milestones[1].metric", unlisted),
        ("milestones[2].metric", unlisted),
        ("metrics", "an improvement plan needs at least one metric with its value now"),
    ]


def test_an_improvement_plan_without_milestones() -> None:
    data = sample_data(PIP)
    del data["milestones"]
    assert problems(data) == [("milestones", "an improvement plan needs dated milestones")]


def test_an_improvement_plan_without_a_review_cadence() -> None:
    data = sample_data(PIP)
    del data["review_cadence"]
    assert problems(data) == [
        (
            "review_cadence",
            "an improvement plan needs a review cadence (weekly or bi-weekly are usual)",
        )
    ]


def test_a_plan_of_action_needs_no_milestones_or_cadence() -> None:
    data = sample_data(PIP)
    data["kind"] = "plan-of-action"
    for key in ("milestones", "review_cadence"):
        del data[key]
    assert accepted(data)


# Text


@pytest.mark.parametrize(
    ("text", "placeholder"),
    [
        ("On [insert date] the inbox was unattended.", "[insert date]"),
        ("Covered by [Your Name] from then on.", "[Your Name]"),
        ("Refunds were sent on TBD.", "TBD"),
        ("Reference XXXX was closed.", "XXXX"),
        ("Call the buyer on XXX-XXX-XXXX.", "XXX-XXX-XXXX"),
        ("Lorem ipsum dolor sit amet.", "Lorem ipsum"),
        ("Refunded <insert amount> to each buyer.", "<insert amount>"),
        ("todo: describe it", "todo"),
    ],
)
def test_placeholders_left_in_text(text: str, placeholder: str) -> None:
    data = sample_data()
    data["root_causes"][0]["detail"] = text
    assert problems(data) == [
        (
            "root_causes[0].detail",
            f"still holds the placeholder {placeholder!r}: replace it with the real fact",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Size XXL jackets shipped in size XL cartons.",
        "Relabelled the 40 XXX-Large shirts the supplier sent as Large.",
        "The refund went to the card ending 1234-XXXX-5678 the buyer paid with.",
        "Photos [see E2] show the damage.",
        "The addressee was not home; the carrier left a note.",
    ],
)
def test_ordinary_text_is_not_taken_for_a_placeholder(text: str) -> None:
    data = sample_data()
    data["root_causes"][0]["detail"] = text
    assert accepted(data)


def test_placeholders_are_found_in_short_fields_too() -> None:
    data = sample_data()
    data["seller"]["signatory"]["name"] = "[your name]"
    assert problems(data) == [
        (
            "seller.signatory.name",
            "still holds the placeholder '[your name]': replace it with the real fact",
        )
    ]


@pytest.mark.parametrize(
    ("section", "index", "key"),
    [
        ("corrective_actions", 0, "action"),
        ("preventive_measures", 2, "owner"),
        ("evidence", 1, "proves"),
    ],
)
def test_empty_text(section: str, index: int, key: str) -> None:
    data = sample_data()
    data[section][index][key] = "  \n "
    assert problems(data) == [
        (
            f"{section}[{index}].{key}",
            "is empty: write the actual text, or remove the field if it is optional",
        )
    ]


def test_text_is_kept_without_surrounding_space() -> None:
    data = sample_data()
    data["seller"]["store_name"] = "  Harbor & Pine \n"
    assert case_from_data(data, today=TODAY).seller.store_name == "Harbor & Pine"


def test_text_over_its_length_limit() -> None:
    data = sample_data()
    data["seller"]["store_name"] = "Harbor & Pine " * 22  # 307 characters once stripped
    data["root_causes"][0]["detail"] = "word " * 1201
    assert problems(data) == [
        ("seller.store_name", "is too long: at most 300 characters"),
        ("root_causes[0].detail", "is too long: at most 6000 characters"),
    ]


# Numbers


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            lambda d: d["metrics"][0].update(value=100.1),
            "metrics[0].value",
            "must be at most 100",
        ),
        (lambda d: d["metrics"][0].update(value=-0.5), "metrics[0].value", "must be at least 0"),
        (
            lambda d: d["metrics"][0].update(target=250),
            "metrics[0].target",
            "must be at most 100",
        ),
        (
            lambda d: d["milestones"][0].update(target=-1),
            "milestones[0].target",
            "must be at least 0",
        ),
        (
            lambda d: d["metrics"][0].update(window_days=0),
            "metrics[0].window_days",
            "must be at least 1",
        ),
        (
            lambda d: d["metrics"][0].update(window_days=366),
            "metrics[0].window_days",
            "must be at most 365",
        ),
        (
            lambda d: d["root_causes"][0].update(units=-3),
            "root_causes[0].units",
            "must be at least 0",
        ),
    ],
)
def test_numbers_out_of_range(change: Any, field: str, message: str) -> None:
    data = sample_data(PIP)
    change(data)
    assert problems(data) == [(field, message)]


def test_percentages_at_their_limits_are_accepted() -> None:
    data = sample_data(PIP)
    data["metrics"][0].update(value=100, target=0)
    data["metrics"][0].pop("count", None)  # counts would have to give 100% too
    data["metrics"][0].pop("total", None)
    assert accepted(data)


def test_a_number_where_a_percentage_belongs_is_asked_for_as_a_number() -> None:
    data = sample_data()
    data["metrics"][0]["value"] = "1.6%"
    assert problems(data) == [("metrics[0].value", "should be a number, such as 1.8")]


# Identifiers in fields


def test_merchant_token_that_is_a_marketplace_id() -> None:
    data = sample_data()
    data["seller"]["merchant_token"] = "ATVPDKIKX0DER"
    assert problems(data) == [
        (
            "seller.merchant_token",
            "'ATVPDKIKX0DER' is the marketplace ID of Amazon United States, not your merchant "
            "token: find the token in Seller Central under Settings > Account Info > Merchant "
            "Token",
        )
    ]


def test_per_marketplace_token_that_is_a_marketplace_id() -> None:
    data = sample_data()
    data["seller"]["merchant_tokens"] = {"CA": "A2EUQ1WTGCTBG2"}
    assert problems(data) == [
        (
            "seller.merchant_tokens.CA",
            "'A2EUQ1WTGCTBG2' is the marketplace ID of Amazon Canada, not your merchant token: "
            "find the token in Seller Central under Settings > Account Info > Merchant Token",
        )
    ]


def test_token_used_per_marketplace() -> None:
    data = sample_data()
    data["seller"]["merchant_tokens"] = {"ca": "a1b2c3d4e5f6g7"}
    seller = case_from_data(data, today=TODAY).seller
    assert seller.token_for("CA") == "A1B2C3D4E5F6G7"
    assert seller.token_for("US") == "A2HPXQ7LMN4R8T"


def test_item_ids_must_start_with_a_letter() -> None:
    data = sample_data()
    data["preventive_measures"][0]["id"] = 1  # YAML reads `id: 1` as a number
    assert problems(data) == [
        (
            "preventive_measures[0].id",
            "is not a valid id: start with a letter and use letters, digits, '-', '_' or '.', "
            "such as RC1 or E2",
        )
    ]


def test_an_order_id_read_as_a_number_is_still_an_order_id() -> None:
    data = sample_data()
    data["notification"]["order_ids"] = [11248392017730215]
    case = case_from_data(data, today=TODAY)
    assert case.notification.order_ids == ["112-4839201-7730215"]


def test_identifier_problems_in_lists_name_the_item() -> None:
    data = sample_data()
    data["evidence"][1]["gtins"] = ["084123456784", "084123456785"]
    data["evidence"][1]["fnskus"] = ["Y001ABCD12"]
    assert problems(data) == [
        (
            "evidence[1].gtins[1]",
            "'084123456785' has a wrong check digit: copy the barcode number again",
        ),
        (
            "evidence[1].fnskus[0]",
            "'Y001ABCD12' is not an FNSKU: expected X00 and 7 more characters, or the ASIN",
        ),
    ]


def test_unknown_marketplace_lists_the_known_codes() -> None:
    data = sample_data()
    data["seller"]["marketplaces"] = ["US", "CA", "XX"]
    assert problems(data) == [
        (
            "seller.marketplaces[2]",
            "'XX' is not a marketplace: use one of AE, AU, BE, BR, CA, DE, EG, ES, FR, IE, IN, "
            "IT, JP, MX, NL, PL, SA, SE, SG, TR, UK, US, ZA",
        )
    ]


def test_email_address() -> None:
    data = sample_data()
    data["seller"]["email"] = "accounts@harborpine"
    assert problems(data) == [
        ("seller.email", "is not an email address: write it as name@example.com")
    ]


# Field presence and shape


def test_required_lists_need_an_item() -> None:
    data = sample_data()
    data["seller"]["marketplaces"] = []
    data["corrective_actions"][0]["root_causes"] = []
    assert problems(data) == [
        ("seller.marketplaces", "must have at least one item"),
        ("corrective_actions[0].root_causes", "must have at least one item"),
    ]


def test_missing_and_empty_required_fields() -> None:
    data = sample_data()
    del data["seller"]["legal_name"]
    data["seller"]["store_name"] = None
    assert problems(data) == [
        ("seller.legal_name", "is required but missing: add it"),
        ("seller.store_name", "is required: fill it in"),
    ]


def test_values_from_a_fixed_list() -> None:
    data = sample_data()
    data["kind"] = "appeal"
    data["evidence"][0]["kind"] = "receipt"
    kinds = problems(data)
    assert kinds[0] == ("kind", "must be one of 'plan-of-action' or 'performance-improvement-plan'")
    assert kinds[1][0] == "evidence[0].kind"
    assert kinds[1][1].startswith("must be one of 'invoice', 'letter-of-authorization', ")
    assert len(kinds) == 2


# Many problems at once, and where they are


def test_every_rule_broken_is_reported_at_once() -> None:
    data = sample_data()
    data["notification"]["deadline"] = "2026-09-01"
    data["root_causes"][0]["occurred_on"] = "2026-12-01"
    data["notification"]["marketplace"] = "MX"
    fields = [field for field, _ in problems(data)]
    assert fields == [
        "notification.deadline",
        "root_causes[0].occurred_on",
        "notification.marketplace",
    ]


def test_a_rule_problem_in_a_file_carries_its_line_and_column() -> None:
    data = sample_data()
    data["notification"]["issue_type"] = "order-defect-rat"
    data["preventive_measures"][1]["id"] = "PM1"
    source = yaml.safe_dump(data, sort_keys=False)
    lines = source.splitlines()
    issue_line = lines.index("  issue_type: order-defect-rat") + 1
    second_pm1 = [n for n, line in enumerate(lines, 1) if line == "- id: PM1"][1]
    with pytest.raises(CaseInvalidError) as info:
        parse_case(source, "case.yaml", today=TODAY)
    located = [(p.file, p.line, p.column, p.field) for p in info.value.problems]
    assert located == [
        ("case.yaml", issue_line, 15, "notification.issue_type"),
        ("case.yaml", second_pm1, 7, "preventive_measures[1].id"),
    ]
    assert str(info.value.problems[1]) == (
        f"case.yaml:{second_pm1}:7: preventive_measures[1].id: id 'PM1' is already used in "
        "preventive_measures: give each item its own id"
    )


# The rule functions, as the interview calls them


def test_rule_functions_answer_none_when_all_is_well() -> None:
    day = date(2026, 9, 14)
    assert rules.received_problem(day, today=day) is None
    assert rules.deadline_problem(day + timedelta(days=1), day) is None
    assert rules.completed_problem(day, today=day, start=day) is None
    assert rules.past_problem(day, today=day) is None
    assert rules.evidence_date_problem(day, day, "invoice", received=day) is None
    assert rules.evidence_date_problem(day - timedelta(days=3000), day, "photo", day) is None


def test_rule_functions_give_the_same_messages_as_validation() -> None:
    day = date(2026, 9, 14)
    later = day + timedelta(days=1)
    assert rules.received_problem(later, today=day) == (
        "2026-09-15 is in the future: give the date the notice arrived"
    )
    assert rules.deadline_problem(day, day) == "is not after the date the notice was received"
    assert rules.past_problem(later, today=day) == "is in the future: check the date"
    assert rules.evidence_date_problem(later, day, "photo", None) == (
        "is in the future: check the date on the document"
    )
