"""`poa validate`: every sample passes; every broken rule gets one located, actionable line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from poa import CaseInvalidError, case_from_data, load_case

from .conftest import SAMPLE_FILES, SAMPLES, TODAY, run, sample_data

WriteCase = Callable[..., Path]


def problems_for(write_case: WriteCase, data: dict[str, Any] | str) -> list[str]:
    path = write_case(data)
    code, out, _ = run("validate", "--today", TODAY.isoformat(), "-q", str(path))
    assert code == 1
    return out.splitlines()


def test_there_are_at_least_ten_samples_including_two_pips() -> None:
    assert len(SAMPLE_FILES) >= 10
    kinds = [load_case(p, today=TODAY).kind.value for p in SAMPLE_FILES]
    assert kinds.count("performance-improvement-plan") >= 2


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_sample_validates(path: Path) -> None:
    case = load_case(path, today=TODAY)
    assert case.root_causes and case.corrective_actions and case.preventive_measures


def test_samples_cover_every_area_the_catalog_groups() -> None:
    from poa import load_catalog

    catalog = load_catalog()
    groups = {
        catalog.get(load_case(p, today=TODAY).notification.issue_type).group for p in SAMPLE_FILES
    }
    expected = {
        "metrics",
        "authenticity-condition",
        "intellectual-property",
        "safety-compliance",
        "listing-pricing",
        "conduct",
    }
    assert expected <= groups


def test_validating_the_samples_folder_reports_all_valid() -> None:
    code, out, _ = run("validate", "--today", TODAY.isoformat(), str(SAMPLES))
    assert code == 0
    assert out.strip() == f"{len(SAMPLE_FILES)} files checked: all valid"


def test_problem_lines_carry_file_line_column_and_field(write_case: WriteCase) -> None:
    text = (SAMPLES / "odr-negative-feedback-us.yaml").read_text(encoding="utf-8")
    text = text.replace("completed_on: 2026-09-18", "completed_on: 2026-13-45")
    path = write_case(text)
    code, out, _ = run("validate", "--today", TODAY.isoformat(), str(path))
    lines = out.splitlines()
    assert code == 1
    assert lines[1] == "1 file checked: 0 valid, 1 invalid, 1 problem"
    line_no = text.splitlines().index("    completed_on: 2026-13-45") + 1
    assert lines[0] == (
        f"{path}:{line_no}:19: corrective_actions[1].completed_on: "
        "is not a real date: check the month and the day (YYYY-MM-DD)"
    )


def test_unknown_field_names_the_close_match(write_case: WriteCase) -> None:
    data = sample_data()
    data["preventative_measures"] = data.pop("preventive_measures")
    lines = problems_for(write_case, data)
    assert any(
        "preventative_measures: unknown field: did you mean `preventive_measures`?" in ln
        for ln in lines
    )
    assert any("preventive_measures: is required but missing" in ln for ln in lines)


def test_all_field_errors_are_reported_at_once(write_case: WriteCase) -> None:
    data = sample_data()
    data["seller"]["email"] = "not-an-email"
    data["notification"]["asins"] = ["B08HPC441"]
    data["notification"]["order_ids"] = ["12-4839201-7730215"]
    data["metrics"][0]["value"] = 160
    data["seller"]["merchant_token"] = "ATVPDKIKX0DER"
    lines = problems_for(write_case, data)
    joined = "\n".join(lines)
    assert len(lines) == 5
    assert "seller.email: is not an email address" in joined
    assert "notification.asins[0]: 'B08HPC441' is not an ASIN" in joined
    assert "notification.order_ids[0]: '12-4839201-7730215' is not an Amazon order ID" in joined
    assert "metrics[0].value: must be at most 100" in joined
    assert "seller.merchant_token: 'ATVPDKIKX0DER' is the marketplace ID" in joined


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["corrective_actions"][0].update(completed_on="2026-12-01"),
            "corrective_actions[0].completed_on: 2026-12-01 is in the future",
        ),
        (
            lambda d: d["corrective_actions"][0].update(completed_on="2026-07-01"),
            "corrective_actions[0].completed_on: 2026-07-01 is before the problem began",
        ),
        (
            lambda d: d["notification"].update(deadline="2026-09-01"),
            "notification.deadline: is not after the date the notice was received",
        ),
        (
            lambda d: d["corrective_actions"][2].update(root_causes=["RC9"]),
            "corrective_actions[2].root_causes[0]: no root cause has the id 'RC9'",
        ),
        (
            lambda d: d["corrective_actions"][0].update(evidence=["E7"]),
            "corrective_actions[0].evidence[0]: no evidence item has the id 'E7'",
        ),
        (
            lambda d: d["preventive_measures"][2].update(root_causes=["RC1"]),
            "root_causes[1]: root cause 'RC2' has no preventive measure",
        ),
        (
            lambda d: d["evidence"][1].update(id="CA1"),
            "evidence[1].id: id 'CA1' is already used in corrective_actions",
        ),
        (
            lambda d: d["notification"].update(issue_type="order-defect-rat"),
            "notification.issue_type: unknown issue type 'order-defect-rat': did you mean "
            "`order-defect-rate`",
        ),
        (
            lambda d: d["root_causes"][0].update(detail="On [insert date] we missed messages."),
            "root_causes[0].detail: still holds the placeholder '[insert date]'",
        ),
        (
            lambda d: d["preventive_measures"][0].update(owner="TBD"),
            "preventive_measures[0].owner: still holds the placeholder 'TBD'",
        ),
        (
            lambda d: d["corrective_actions"][0].update(action="   "),
            "corrective_actions[0].action: is empty",
        ),
        (
            lambda d: d["notification"].update(marketplace="DE"),
            "notification.marketplace: DE is not among seller.marketplaces",
        ),
        (
            lambda d: d["evidence"][0].update(kind="invoice", issued_on="2025-09-01"),
            "evidence[0].issued_on: 2025-09-01 is more than 365 days before the notice "
            "(2026-09-14)",
        ),
        (
            lambda d: d["notification"].update(received_on="2026-12-24"),
            "notification.received_on: 2026-12-24 is in the future",
        ),
    ],
)
def test_each_rule_has_a_message_a_seller_understands(
    write_case: WriteCase, change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    data = sample_data()
    change(data)
    lines = problems_for(write_case, data)
    assert any(expected in line for line in lines), lines


def test_a_pip_needs_metrics_milestones_and_cadence(write_case: WriteCase) -> None:
    data = sample_data("late-shipment-pip-uk.yaml")
    for key in ("metrics", "milestones", "review_cadence"):
        del data[key]
    lines = problems_for(write_case, data)
    assert any("metrics: an improvement plan needs at least one metric" in ln for ln in lines)
    assert any("milestones: an improvement plan needs dated milestones" in ln for ln in lines)
    assert any("review_cadence: an improvement plan needs a review cadence" in ln for ln in lines)


def test_custom_metric_needs_its_own_target(write_case: WriteCase) -> None:
    data = sample_data("late-shipment-pip-uk.yaml")
    data["metrics"].append({"metric": "buyer-message-rate", "value": 12})
    lines = problems_for(write_case, data)
    assert any(
        "metrics[1].metric: 'buyer-message-rate' is not a catalog metric" in ln for ln in lines
    )


def test_python_data_goes_through_the_same_rules() -> None:
    data = sample_data()
    data["corrective_actions"][0]["completed_on"] = "2027-01-01"
    with pytest.raises(CaseInvalidError) as info:
        case_from_data(data, today=TODAY)
    assert [p.field for p in info.value.problems] == ["corrective_actions[0].completed_on"]


def test_pasted_notice_text_may_hold_anything() -> None:
    data = sample_data()
    data["notification"]["text"] = "Dear seller, [insert] TBD {{ 7*7 }}"
    assert case_from_data(data, today=TODAY).notification.text is not None


def test_an_impossible_date_is_one_problem_among_the_others(write_case: WriteCase) -> None:
    text = (SAMPLES / "odr-negative-feedback-us.yaml").read_text(encoding="utf-8")
    text = text.replace("received_on: 2026-09-14", "received_on: 2026-13-01")
    text = text.replace("legal_name:", "legal_nam:")
    out = "\n".join(problems_for(write_case, text))
    assert "notification.received_on: is not a real date: check the month and the day" in out
    assert "seller.legal_nam: unknown field: did you mean `legal_name`?" in out
