"""The first hour of a seller with poa: a Late Shipment Rate notice pasted into a new
interview, answered as a seller would, gives a letter that states the metric, covers every
ASIN and order of the notice and passes the reviewer's checks, in 40 prompts or fewer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import poa
from poa.catalog import load_catalog
from poa.interview import fields
from poa.interview.flow import Interview
from poa.interview.metrics import counts

from .conftest import TODAY, sample_data
from .interview_fake import ENTER, FakePrompter, UnscriptedQuestionError

CATALOG = load_catalog()
LSR = CATALOG.get("late-shipment-rate")
NOTICE = """\
From: Amazon Seller Performance <seller-performance@amazon.com>
Date: November 20, 2026
Subject: Your selling privileges for seller-fulfilled offers have been deactivated

Hello,

Your seller-fulfilled offers on Amazon.com have been deactivated because your Late Shipment
Rate is 6.2%, which does not meet our target of under 4%.

The following orders were confirmed as shipped after their expected ship date:
113-4820193-5510234
113-9931025-2214870

These orders included ASINs B0C7KQ2M1X and B09TNW4RZ8.

To reactivate your offers, please send us a plan of action by December 4, 2026 that explains
the root cause, the actions you have taken, and the steps you will take to prevent this from
happening again.

Reference: LSR-7781204

Seller Performance Team
"""
MOVE = (
    "Our carrier pickup was missed on 3 November while we moved to a new warehouse, and "
    "orders for B0C7KQ2M1X and B09TNW4RZ8 were confirmed a day late."
)
WEEKEND = (
    "No one was rostered on the weekend of 7 and 8 November, so orders such as "
    "113-9931025-2214870 were confirmed on Monday."
)
SCRIPT: list[tuple[str, Any]] = [
    ("Paste the notice", NOTICE),
    ("Is this right", True),
    ("Severity", "high"),
    ("When did the problem begin", "2026-11-03"),
    ("Business legal name", "Pinecrest Outfitters LLC"),
    ("Store name", "Pinecrest Outfitters"),
    ("Merchant token", "A3PINECREST77Q"),
    ("Which stores do you sell in", ENTER),
    ("Contact email", "help@pinecrest.example"),
    ("Who signs the plan", "Jordan Ellis"),
    ("Their role", ENTER),
    ("Which causes apply", ["My own (type it)", LSR.root_causes[1]]),
    ("Describe it", MOVE),
    ("The cause in one sentence", ENTER),
    ("What happened", WEEKEND),
    ("When did it happen", "2026-11-07"),
    ("How many", "23"),
    ("ASINs it affected", "B09TNW4RZ8"),
    ("What happened", ENTER),
    ("When did it happen", ENTER),
    ("How many", "41"),
    ("ASINs it affected", "B0C7KQ2M1X B09TNW4RZ8"),
    ("What have you already done", [LSR.corrective_actions[0]]),
    ("When was it finished", "2026-11-10"),
    ("What have you already done", [LSR.corrective_actions[4]]),
    ("When was it finished", "2026-11-10"),
    ("What now runs", [LSR.preventive_measures[1]]),
    ("Owner", ENTER),  # the catalog pairs each suggested measure with an owner and a rhythm
    ("How often", ENTER),
    ("Start date", ENTER),
    ("What now runs", [LSR.preventive_measures[0]]),
    ("Owner", "Warehouse lead"),
    ("How often", ENTER),
    ("Start date", ENTER),
    ("Which do you have", [LSR.evidence[1]]),
    ("File name as attached", "carrier-pickups.pdf"),
    ("Date printed on it", "2026-11-10"),
    ("Its value now", ENTER),
    ("How many orders counted", "41 of 661"),
    ("Anything to change", "No, save and render"),
]


def test_pasted_notice_gives_a_checked_letter_in_40_prompts(tmp_path: Path) -> None:
    prompter = FakePrompter(SCRIPT)
    case_path, profile = tmp_path / "case.yaml", tmp_path / "profile.yaml"
    assert Interview.start(case_path, CATALOG, prompter, TODAY, profile=profile).run()

    assert len(prompter.asked) <= 40, prompter.questions
    assert not prompter.script  # every scripted answer was asked for
    # Nothing the notice says is asked again.
    for asked in ("What is the notice about", "When did the notice arrive", "Order IDs"):
        assert not any(q.startswith(asked) for q in prompter.questions)
    assert profile.exists()
    case = poa.load_case(case_path, today=TODAY)
    findings = poa.check(case, catalog=CATALOG, today=TODAY)
    assert [f for f in findings if f.severity == "error"] == []
    letter = " ".join(poa.render(case, "md").decode().split())
    assert "6.2%" in letter
    assert "41 of 661" in letter or "41 of the 661" in letter
    for identifier in ("B0C7KQ2M1X", "B09TNW4RZ8", "113-4820193-5510234", "113-9931025-2214870"):
        assert identifier in letter
    assert "LSR-7781204" in letter
    assert "This affected 41 orders." in letter  # a metric notice's causes count orders
    assert "Fulfillment (root cause 1)" in letter and "Fulfilment" not in letter  # a US store


def test_a_notice_read_from_a_file(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    prompter = FakePrompter(
        [("Paste the notice", str(notice)), ("Is this right", True)],
        standing={"Severity": ENTER},
    )
    case_path = tmp_path / "case.yaml"
    interview = Interview.start(case_path, CATALOG, prompter, TODAY, profile=tmp_path / "p")
    with pytest.raises(UnscriptedQuestionError):  # the script ends after the notice
        interview.run()
    data = interview.answers.data
    assert data["notification"]["issue_type"] == "late-shipment-rate"
    assert data["metrics"] == [{"metric": "late-shipment-rate", "value": 6.2}]
    assert "Late Shipment Rate: 6.2%" in prompter.told


def test_what_the_seller_typed_is_asked_once_and_no_date_is_made_up(tmp_path: Path) -> None:
    prompter = FakePrompter(SCRIPT)
    Interview.start(tmp_path / "c.yaml", CATALOG, prompter, TODAY, profile=tmp_path / "p").run()
    # The own cause is described once; the catalog's cause is offered once to adapt.
    assert sum(q.startswith("The cause in one sentence") for q in prompter.questions) == 1
    # Dates offered are the ones the case implies, never today's.
    dates = {a.message.split("?")[0]: a.default for a in prompter.asked if "YYYY" in a.message}
    assert TODAY.isoformat() not in dates.values()
    assert dates["When did it happen"] == "2026-11-03"  # the problem's start
    assert dates["Start date (YYYY-MM-DD)"] == "2026-11-10"  # its action's completion
    # The review shows which cause each action and measure answers, and when each started.
    assert "CA2 (for RC2): " + LSR.corrective_actions[4] + " [2026-11-10]" in prompter.told
    assert "PM1 (for RC1): " + LSR.preventive_measures[1] + " [2026-11-10, " in prompter.told


def test_the_notice_date_is_not_proposed_as_today_without_a_notice(tmp_path: Path) -> None:
    prompter = FakePrompter(
        [("What is the notice about", "late-shipment-rate"), ("Which document", ENTER)],
        standing={"When did the notice arrive": "<ctrl-c>"},
    )
    interview = Interview.start(tmp_path / "c.yaml", CATALOG, prompter, TODAY)
    with pytest.raises(KeyboardInterrupt):
        interview.run()
    assert prompter.asked[-1].message.startswith("When did the notice arrive")
    assert prompter.asked[-1].default == ""


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1.8%", 1.8), ("1,8", 1.8), (" 1.8 ", 1.8), ("6.2 %", 6.2), ("12", 12), ("0,45", 0.45)],
)
def test_percentages_as_sellers_type_them(typed: str, value: float) -> None:
    assert fields.to_percent(typed) == value


def test_counts_are_read_with_thousands_and_checked_against_the_value() -> None:
    assert counts("34 of 1,710", 1.99) == (34, 1710)
    assert counts("34/1710") == (34, 1710)
    assert "is 1.99%, not 1.8%" in str(counts("34 of 1,710", 1.8))
    assert "more than" in str(counts("50 of 20"))
    assert "not two numbers" in str(counts("a few"))


def test_validate_tells_required_from_optional_empty_fields() -> None:
    data = sample_data()
    data["seller"]["store_name"] = None
    data["root_causes"][0]["detail"] = None
    data["review_checks"] = None  # a list with a default: optional
    with pytest.raises(poa.CaseInvalidError) as caught:
        poa.case_from_data(data, today=TODAY)
    messages = {p.field: p.message for p in caught.value.problems}
    assert messages["seller.store_name"] == "is required: fill it in"
    assert messages["review_checks"] == "is empty: fill it in or delete the line"


def test_the_reviewers_checks_run_as_the_seller_types(tmp_path: Path) -> None:
    blame = "Our carrier lost the parcels and it was their fault."
    plan = "We will try to confirm orders faster."
    first = [q for q, _ in SCRIPT].index("Describe it")
    upto = [q for q, _ in SCRIPT].index("What have you already done")
    script = [
        *SCRIPT[:first],
        ("Describe it", blame),
        ("Keep it anyway", False),  # a warning: the seller rewrites it
        ("Describe it", MOVE),
        *SCRIPT[first + 1 : upto],
        ("What have you already done", ["My own (type it)"]),
        ("Describe it", plan),  # an error: a plan is not an action taken
        ("Describe it", "Booked a second daily carrier pickup from 10 November."),
    ]
    prompter = FakePrompter(script)
    interview = Interview.start(
        tmp_path / "c.yaml", CATALOG, prompter, TODAY, profile=tmp_path / "p"
    )
    with pytest.raises(UnscriptedQuestionError):
        interview.run()
    assert "A reviewer would object: it puts the cause on someone else." in prompter.told
    assert [(answer, problem.split(":")[0]) for _, answer, problem in prompter.rejected] == [
        (plan, "is a plan, not an action taken")
    ]


def test_resume_keeps_every_cause_ticked(tmp_path: Path) -> None:
    case, profile = tmp_path / "c.yaml", tmp_path / "p"
    upto = [q for q, _ in SCRIPT].index("What happened")
    first = FakePrompter([*SCRIPT[:upto], ("What happened", "<ctrl-c>")])
    with pytest.raises(KeyboardInterrupt):
        Interview.start(case, CATALOG, first, TODAY, profile=profile).run()
    again = FakePrompter([("Which causes apply", ENTER), ("<ctrl-c>", "")], standing={})
    with pytest.raises(UnscriptedQuestionError):
        Interview.resume(case, CATALOG, again, TODAY, profile=profile).run()
    (ticks,) = [a for a in again.asked if a.message.startswith("Which causes apply")]
    assert {o.title for o in ticks.options if o.checked} == {MOVE, LSR.root_causes[1]}


@pytest.mark.parametrize("typed", ["NaN", "nan", "inf", "-inf", "1e999"])
def test_a_percentage_that_is_no_number_is_refused_as_such(typed: str) -> None:
    from poa.case.model import Metric

    message = fields.field_problem(Metric, "value", fields.to_percent(typed))
    assert message == "should be a number, such as 1.8"
