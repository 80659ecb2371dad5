"""The interview uses the catalog's pairing: the actions and measures the catalog gives for a
cause are offered first under it, and a paired measure comes with its owner and frequency."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import poa
from poa.catalog import load_catalog
from poa.interview.causes import counted
from poa.interview.choices import FOR_THIS_CAUSE, OTHERS, catalog_position, grouped
from poa.interview.flow import Interview
from poa.interview.terminal import Heading, Option

from .conftest import TODAY
from .interview_fake import ENTER, FakePrompter, UnscriptedQuestionError
from .test_first_hour import SCRIPT

CATALOG = load_catalog()
LSR = CATALOG.get("late-shipment-rate")
OWN = "My own (type it)"
# Up to the causes: the notice pasted and the seller's details, as the first hour answers them.
BEFORE_CAUSES = SCRIPT[: [question for question, _ in SCRIPT].index("Which causes apply")]
# One catalog cause (the fifth: the carrier pickup slot outgrown), its facts left empty.
FIFTH = LSR.root_causes[4]
CAUSE = [
    ("Which causes apply", [FIFTH]),
    ("The cause in one sentence", ENTER),
    ("What happened", ENTER),
    ("When did it happen", ENTER),
    ("How many", ENTER),
    ("ASINs it affected", ENTER),
]


def run_until_stuck(tmp_path: Path, script: list[tuple[str, object]]) -> FakePrompter:
    prompter = FakePrompter(script)
    interview = Interview.start(
        tmp_path / "c.yaml", CATALOG, prompter, TODAY, profile=tmp_path / "profile.yaml"
    )
    with pytest.raises(UnscriptedQuestionError):
        interview.run()
    return prompter


def paired_texts(items: list[tuple[str, int]], cause: int) -> list[str]:
    return [text for text, number in items if number == cause]


def test_the_catalogs_actions_for_a_cause_come_first(tmp_path: Path) -> None:
    prompter = run_until_stuck(tmp_path, [*BEFORE_CAUSES, *CAUSE])
    (asked,) = [a for a in prompter.asked if a.message.startswith("What have you already done")]
    ours = paired_texts([(s.text, s.cause) for s in LSR.suggested_actions], 5)
    assert ours == ["Booked a second daily carrier pickup."]
    assert asked.titles[: len(ours)] == ours
    # Every other suggestion is still offered, after them, and the seller's own last.
    assert set(asked.titles) == {s.text for s in LSR.suggested_actions} | {OWN}
    assert asked.titles[-1] == OWN


def test_a_paired_measure_comes_with_its_owner_and_frequency(tmp_path: Path) -> None:
    measure = next(s for s in LSR.suggested_measures if s.cause == 2)
    script = [
        *BEFORE_CAUSES,
        ("Which causes apply", [LSR.root_causes[1]]),
        *CAUSE[1:],
        ("What have you already done", [LSR.corrective_actions[0]]),
        ("When was it finished", "2026-11-10"),
        ("What now runs", [measure.text]),
        ("Owner", ENTER),
    ]
    prompter = run_until_stuck(tmp_path, script)
    (picked,) = [a for a in prompter.asked if a.message.startswith("What now runs")]
    paired = paired_texts([(s.text, s.cause) for s in LSR.suggested_measures], 2)
    assert picked.titles[: len(paired)] == paired
    owner, frequency = prompter.asked[-2:]  # the owner was proposed, then the frequency
    assert owner.message.startswith("Owner") and owner.default == measure.owner
    assert frequency.message.startswith("How often") and frequency.default == measure.frequency
    assert (measure.owner, measure.frequency) != ("Operations manager", "daily")


def test_a_measure_of_the_sellers_own_gets_no_made_up_owner_or_frequency(
    tmp_path: Path,
) -> None:
    script = [
        *BEFORE_CAUSES,
        *CAUSE,
        ("What have you already done", [LSR.corrective_actions[4]]),
        ("When was it finished", "2026-11-10"),
        ("What now runs", [OWN]),
        ("Describe it", "A second pickup is booked each afternoon with the regional carrier."),
        ("Owner", "Shipping lead"),
    ]
    prompter = run_until_stuck(tmp_path, script)
    owner = next(a for a in prompter.asked if a.message.startswith("Owner"))
    assert owner.default == ""
    assert prompter.asked[-1].message.startswith("How often")
    assert prompter.asked[-1].default == ""


def test_a_reworded_catalog_cause_keeps_its_pairing() -> None:
    causes = LSR.root_causes
    assert catalog_position(causes, causes[2]) == 3
    reworded = "The order-management integration stopped sending shipment confirmations."
    assert catalog_position(causes, reworded) == 3
    assert catalog_position(causes, "A storm closed the roads for two days.") is None


def test_the_options_for_a_cause_are_grouped_under_headings() -> None:
    options = [Option("a", "a"), Option("b", "b"), Option("c", "c", checked=True)]
    entries = grouped(options, {"b"})
    assert [e.title for e in entries] == [FOR_THIS_CAUSE, "b", "c", OTHERS, "a"]
    assert isinstance(entries[0], Heading) and isinstance(entries[3], Heading)
    # No headings when every option is of one group.
    assert grouped(options[:2], set()) == options[:2]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("41", (41, "orders")),
        ("41 Orders", (41, "orders")),
        ("1,200 units", (1200, "units")),
        ("3 listings", (3, "listings")),
        ("1 package", (1, "packages")),
        ("3 cats", ("3 cats", "orders")),  # left for the model to refuse
        ("many", ("many", "orders")),
    ],
)
def test_a_count_says_what_it_counts(typed: str, expected: tuple[object, str]) -> None:
    assert counted(typed, "orders") == expected


def test_a_causes_count_is_in_orders_for_a_metric_notice(tmp_path: Path) -> None:
    script = [*BEFORE_CAUSES, *CAUSE[:4], ("How many", "41"), ("ASINs it affected", ENTER)]
    prompter = run_until_stuck(tmp_path, script)
    asked = next(a for a in prompter.asked if a.message.startswith("How many"))
    assert asked.message.startswith("How many orders were affected?")
    data = yaml.safe_load((tmp_path / "c.yaml").read_text(encoding="utf-8"))
    assert (data["root_causes"][0]["units"], data["root_causes"][0]["unit"]) == (41, "orders")


TWO_ISSUES = """\
From: Amazon Seller Performance <seller-performance@amazon.com>
Date: November 18, 2026
Subject: Action required: your Order Defect Rate and Late Shipment Rate

Hello,

Your account is at risk of deactivation. Your Order Defect Rate is 1.4%, above our target of
under 1%, and your Late Shipment Rate is 5.8%, above our target of under 4%, for orders
shipped from Amazon.com.

Please send us a plan of action by December 2, 2026 that explains what caused these problems
and what you have changed.

Seller Performance Team
"""
ODR = CATALOG.get("order-defect-rate")
STEADY = {
    "Reference or violation ID": ENTER,
    "What does the notice affect": ENTER,
    "ASINs named in the notice": ENTER,
    "Order IDs named": ENTER,
    "Order IDs": ENTER,
    "The cause in one sentence": ENTER,
    "What happened": ENTER,
    "When did it happen": ENTER,
    "How many": ENTER,
    "ASINs it affected": ENTER,
    "When was it finished": "2026-11-19",
    "Owner": ENTER,
    "How often": ENTER,
    "Start date": ENTER,
    "What kind of document": ENTER,
    "Its value now": ENTER,
    "How many orders counted": ENTER,
}


def test_a_notice_about_two_issues_answers_both(tmp_path: Path) -> None:
    lsr_action = next(s.text for s in LSR.suggested_actions if s.cause == 5)
    script = [
        *[(q, a) for q, a in BEFORE_CAUSES if q != "Paste the notice"],
        ("Which causes apply", [ODR.root_causes[0], FIFTH]),
        ("What have you already done", [ODR.corrective_actions[0]]),
        ("What have you already done", [lsr_action]),
        ("What now runs", [ODR.suggested_measures[0].text]),
        ("What now runs", [LSR.preventive_measures[0]]),
        ("Which do you have", [ODR.evidence[0]]),
        ("File name as attached", "odr-report.pdf"),
        ("Date printed on it", "2026-11-19"),
        ("Anything to change", "No, save and render"),
    ]
    script.insert(0, ("Paste the notice", TWO_ISSUES))
    prompter = FakePrompter(script, standing=STEADY)
    path = tmp_path / "c.yaml"
    assert Interview.start(path, CATALOG, prompter, TODAY, profile=tmp_path / "p.yaml").run()
    assert "Also about: late-shipment-rate" in prompter.told
    causes = next(a for a in prompter.asked if a.message.startswith("Which causes apply"))
    assert set(ODR.root_causes) | set(LSR.root_causes) <= set(causes.titles)
    # The second cause's actions are the Late Shipment Rate's, its own first.
    actions = [a for a in prompter.asked if a.message.startswith("What have you already done")]
    assert actions[1].titles[0] == lsr_action
    assert LSR.corrective_actions[0] in actions[1].titles
    case = poa.load_case(path, today=TODAY)
    assert case.notification.other_issue_types == ["late-shipment-rate"]
    assert [c.issue_type for c in case.root_causes] == [None, "late-shipment-rate"]
    assert [(m.metric, m.value) for m in case.metrics] == [
        ("order-defect-rate", 1.4),
        ("late-shipment-rate", 5.8),
    ]
    letter = " ".join(poa.render(case, "md").decode().split())
    assert "1.4%" in letter and "5.8%" in letter
