"""The interview's flow, driven by a scripted stand-in for the terminal: every step, resume,
review edits and the checks on single answers, with no terminal and no rendering."""

from __future__ import annotations

import typing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from poa.case.files import load_case
from poa.case.kinds import AccountStatus, Scope, Severity
from poa.case.model import Notification
from poa.catalog import load_catalog
from poa.errors import CaseInvalidError, InterviewStopped
from poa.interview.flow import Interview
from poa.interview.review import Add, Leave, Pick

from .conftest import SAMPLES, TODAY
from .interview_fake import CTRL_C, ENTER, FakePrompter

CATALOG = load_catalog()
ODR = CATALOG.get("order-defect-rate")
SUBJECT = "Your Order Defect Rate is above target"
MEASURE = "Every claim is answered within a day by the person on call."
DETAIL = (
    "Between 1 and 20 October no one checked that our six pickups were collected; "
    "14 orders shipped late."
)
Script = list[tuple[str, Any]]

# A complete Plan of Action for a high Order Defect Rate: (start of the question, answer).
POA: Script = [
    ("What is the notice about", "order-defect-rate"),
    ("Which document", ENTER),
    ("When did the notice arrive", "2026-11-20"),
    ("When is your answer due", ENTER),
    ("The notice's subject line", SUBJECT),
    ("Reference or violation ID", "ODR-55120"),
    ("Which store", ENTER),
    ("Severity", "high"),
    ("Where does the account stand", "At risk"),
    ("When did the problem begin", "2026-10-01"),
    ("The notice's text", ENTER),
    ("Business legal name", "Harbor Lane Goods LLC"),
    ("Store name", "Harbor Lane"),
    ("Merchant token", "A2BCDEFGHIJK12"),
    ("Which stores do you sell in", ENTER),
    ("Contact email", "ops@harborlane.example"),
    ("Who signs the plan", "Dana Whitfield"),
    ("Their role", ENTER),
    ("What does the notice affect", "Some listings"),
    ("ASINs named in the notice", "B07XJ8C8F5, B08N5WRWNW"),
    ("Order IDs named in the notice", "112-1234567-1234567"),
    ("Which causes apply", [ODR.root_causes[0]]),
    ("The cause in one sentence", ENTER),
    ("What happened", DETAIL),
    ("When did it happen", "2026-10-01"),
    ("How many", "14"),
    ("ASINs it affected", "B07XJ8C8F5"),
    ("What have you already done", [ODR.corrective_actions[0]]),
    ("When was it finished", "2026-11-18"),
    ("What now runs", [ODR.preventive_measures[0]]),
    ("Owner (a role)", "Operations manager"),
    ("How often", "twice a day"),
    ("Start date", "2026-11-18"),
    ("Which do you have", [ODR.evidence[0]]),
    ("What kind of document", ENTER),
    ("File name as attached", "defective-orders.xlsx"),
    ("Date printed on it", "2026-11-19"),
    ("Its value now", "1.8%"),
    ("How many orders counted", "27 of 1,500"),
    ("Anything to change", "No, save and render"),
]


def edited(script: Script, changes: dict[str, list[Any]]) -> Script:
    """The script with the answer to each named question replaced by these answers (several
    when a wrong answer is typed first, none to drop the question)."""
    result: Script = []
    for prompt, answer in script:
        result += (
            [(prompt, a) for a in changes[prompt]] if prompt in changes else [(prompt, answer)]
        )
    return result


def start(path: Path, script: Script, **fake: Any) -> tuple[Interview, FakePrompter]:
    prompter = FakePrompter(script, **fake)
    profile = path.parent / "profile.yaml"
    return Interview.start(path, CATALOG, prompter, TODAY, profile), prompter


def resume(path: Path, script: Script, **fake: Any) -> tuple[Interview, FakePrompter]:
    prompter = FakePrompter(script, **fake)
    profile = path.parent / "profile.yaml"
    return Interview.resume(path, CATALOG, prompter, TODAY, profile), prompter


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def validate_message(field: str, change: dict[tuple[str | int, ...], Any], tmp: Path) -> str:
    """The message `poa validate` gives for one changed value in a sample case."""
    data = load(SAMPLES / "odr-negative-feedback-us.yaml")
    for where, value in change.items():
        target = data
        for key in where[:-1]:
            target = target[key]
        target[where[-1]] = value
    bad = tmp / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(CaseInvalidError) as caught:
        load_case(bad, catalog=CATALOG, today=TODAY)
    (message,) = [p.message for p in caught.value.problems if p.field == field]
    return message


def test_a_complete_plan_of_action_is_saved_and_valid(tmp_path: Path) -> None:
    case = tmp_path / "odr.yaml"
    interview, prompter = start(case, POA)
    assert interview.run() is True
    assert prompter.script == []  # every scripted question was asked, in order
    load_case(case, catalog=CATALOG, today=TODAY)  # raises if `poa validate` would complain
    data = load(case)
    note = data["notification"]
    assert next(iter(data)) == "kind" and data["kind"] == "plan-of-action"  # first in the file
    assert note["deadline"] == date(2026, 12, 7)  # received + the issue type's usual 17 days
    assert (note["severity"], note["account_status"], note["scope"]) == (
        "high",
        "at-risk",
        "listing",
    )
    assert note.get("policies", []) == (
        [ODR.policy] if ODR.policy else []
    )  # Amazon's own name only
    assert data["root_causes"][0] == {
        "id": "RC1",
        "summary": ODR.root_causes[0],
        "detail": DETAIL,
        "occurred_on": date(2026, 10, 1),
        "units": 14,
        "unit": "orders",  # a notice about a metric counts orders unless told otherwise
        "asins": ["B07XJ8C8F5"],
    }
    assert data["corrective_actions"][0]["root_causes"] == ["RC1"]
    # The area the measure's words name (buyer messages) is not asked.
    assert data["preventive_measures"][0]["area"] == "Customer service"
    assert not case.read_text(encoding="utf-8").startswith("#")  # done: no resume marker
    assert "15 days left (due 2026-12-07)." in prompter.told


def test_questions_come_from_the_case_model(tmp_path: Path) -> None:
    interview, prompter = start(tmp_path / "odr.yaml", POA)
    interview.run()
    offered = {asked.message: asked for asked in prompter.asked}

    def values(start: str) -> list[Any]:
        (asked,) = [a for m, a in offered.items() if m.startswith(start)]
        return [option.value for option in asked.options]

    # Every value the model allows is offered, in its order; "" leaves an optional one out.
    assert values("Severity") == [*typing.get_args(Severity), ""]
    assert values("Where does the account stand") == list(typing.get_args(AccountStatus))
    assert values("What does the notice affect") == list(typing.get_args(Scope))
    # The hint above a question is the field's own description in the case model.
    assert Notification.model_fields["subject"].description in prompter.told
    assert "Reference or violation ID (optional)" in offered  # optional in the model


def test_a_performance_improvement_plan_with_saved_seller_details(tmp_path: Path) -> None:
    seller = load(SAMPLES / "odr-negative-feedback-us.yaml")["seller"]
    (tmp_path / "profile.yaml").write_text(yaml.safe_dump({"seller": seller}), encoding="utf-8")
    otdr = CATALOG.get("on-time-delivery-rate")
    script = [
        ("What is the notice about", "on-time-delivery-rate"),
        ("Write a plan anyway", True),  # advisory: Amazon asks for improvement, not a plan
        ("Which document", ENTER),  # proposed: an improvement plan for this type
        ("When did the notice arrive", "2026-11-16"),
        ("Use your saved details", True),
        ("Which causes apply", [otdr.root_causes[0]]),
        ("What have you already done", [otdr.corrective_actions[0]]),
        ("When was it finished", "2026-11-17"),
        ("What now runs", [otdr.preventive_measures[0]]),
        ("Owner (a role)", "Logistics lead"),
        ("Which do you have", []),
        ("Which metrics does the plan cover", ENTER),
        ("Its value now", "91.5"),
        ("How often is the plan reviewed", "Every two weeks"),
        ("Anything to change", "No, save and render"),
    ]
    interview, prompter = start(
        tmp_path / "otdr.yaml",
        script,
        standing={
            "The notice's subject line": "On-Time Delivery Rate below recommendation",
            "Is this finished": True,
            **dict.fromkeys(
                [
                    "When is your answer due",
                    "Reference",
                    "Which store",
                    "Severity",
                    "Where does the account stand",
                    "When did the problem begin",
                    "The notice's text",
                    "What does the notice affect",
                    "ASINs",
                    "Order IDs",
                    "The cause in one sentence",
                    "What happened",
                    "When did it happen",
                    "How many orders",
                    "What was done",
                    "What runs now",
                    "Which part of the business",
                    "How often",
                    "Start date",
                    "Window in days",
                    "Your target",
                    "On-Time Delivery Rate, milestone",
                    "Value by then",
                ],
                ENTER,
            ),
        },
    )
    assert interview.run() is True
    assert prompter.script == []
    data = load(interview.draft.path)
    assert data["kind"] == "performance-improvement-plan"
    assert data["seller"] == seller
    assert not any(q.startswith("Business legal name") for q in prompter.questions)
    assert [(m["due_on"], m["target"]) for m in data["milestones"]] == [
        (date(2026, 11, 30), 94.25),  # halfway, two weeks after the notice
        (date(2026, 12, 16), 97.0),  # the target, after a month
    ]
    assert data["review_cadence"] == "bi-weekly"
    assert data["review_checks"]
    load_case(interview.draft.path, catalog=CATALOG, today=TODAY)


def test_a_type_answered_without_a_plan_stops_with_the_answers_saved(tmp_path: Path) -> None:
    case = tmp_path / "tm.yaml"
    script = [("What is the notice about", "trademark-complaint"), ("Write a plan anyway", False)]
    interview, prompter = start(case, script)
    with pytest.raises(InterviewStopped) as stopped:
        interview.run()
    assert stopped.value.exit_code == 0
    assert "Nothing more to write" in stopped.value.message
    assert f"Your answers are saved in {case}." in stopped.value.message
    assert "Amazon expects a retraction from the rights owner." in prompter.told
    assert load(case)["notification"]["issue_type"] == "trademark-complaint"


def test_resume_goes_on_at_the_step_where_it_stopped(tmp_path: Path) -> None:
    case = tmp_path / "odr.yaml"
    cut = [prompt for prompt, _ in POA].index("What have you already done")
    interview, _ = start(case, [*POA[:cut], ("What have you already done", CTRL_C)])
    with pytest.raises(KeyboardInterrupt):
        interview.run()
    assert case.read_text(encoding="utf-8").startswith(
        "# poa interview in progress, next step: corrective_actions\n"
    )
    again, prompter = resume(case, POA[cut:])
    assert again.run() is True
    assert prompter.questions[0].startswith("What have you already done")
    assert load(case)["root_causes"][0]["detail"] == DETAIL  # kept from the first run
    load_case(case, catalog=CATALOG, today=TODAY)


def test_a_hand_written_case_is_copied_before_its_first_rewrite(tmp_path: Path) -> None:
    original = (SAMPLES / "inauthentic-invoices-us.yaml").read_text(encoding="utf-8")
    case = tmp_path / "case.yaml"
    case.write_text(original, encoding="utf-8")
    script = [
        ("Anything to change", "Subject"),
        ("The notice's subject line", "Listings removed after an authenticity complaint"),
        ("Anything to change", "No, save and render"),
    ]
    interview, prompter = resume(case, script)
    assert interview.run() is True
    assert (tmp_path / "case.yaml.orig").read_text(encoding="utf-8") == original
    before, after = yaml.safe_load(original), load(case)
    after["notification"]["subject"] = before["notification"]["subject"]
    assert after == before
    assert f"Your file as it was is kept in {tmp_path / 'case.yaml.orig'}." in prompter.told


def test_an_unchanged_case_is_never_rewritten(tmp_path: Path) -> None:
    original = (SAMPLES / "late-shipment-pip-uk.yaml").read_text(encoding="utf-8")
    case = tmp_path / "case.yaml"
    case.write_text(original, encoding="utf-8")
    for leave in ("No, save and render", "Save and stop here"):
        interview, _ = resume(case, [("Anything to change", leave)])
        interview.run()
        assert case.read_text(encoding="utf-8") == original
    assert not list(tmp_path.glob("*.orig*"))


def test_review_edits_ask_again_what_depends_on_the_change(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text((SAMPLES / "odr-negative-feedback-us.yaml").read_text(), encoding="utf-8")
    cause = "No one covered the inbox while our agent was on leave."
    script = [
        ("Anything to change", "Received"),
        ("When did the notice arrive", "2026-09-15"),
        ("When is your answer due", ENTER),
        ("Anything to change", "Issue type"),
        ("What is the notice about", ENTER),  # the same type: nothing else to ask
        ("Anything to change", Pick("root_causes", 0)),
        ("What to change in RC1", "summary"),
        ("The cause in one sentence", cause),  # its actions and measures stay as they are
        ("Anything to change", "No, save and render"),
    ]
    interview, prompter = resume(case, script)
    assert interview.run() is True
    assert prompter.script == []
    told = prompter.told
    assert "Due: this answer depends on the one you changed; please check it again." in told
    assert told.count("please check it again") == 1  # the issue type and the cause: nothing
    data = load(case)
    assert data["notification"]["received_on"] == date(2026, 9, 15)
    assert data["root_causes"][0]["summary"] == cause
    assert [a["id"] for a in data["corrective_actions"]] == ["CA1", "CA2", "CA3"]
    load_case(case, catalog=CATALOG, today=TODAY)


def review_menu(sample: str, tmp_path: Path) -> list[Any]:
    """The review menu of a sample case, as the seller is offered it."""
    case = tmp_path / sample
    case.write_text((SAMPLES / sample).read_text(encoding="utf-8"), encoding="utf-8")
    interview, prompter = resume(case, [("Anything to change", "Save and stop here")])
    assert interview.run() is False
    (menu,) = [asked for asked in prompter.asked if asked.message == "Anything to change?"]
    return menu.options


def test_the_review_offers_every_answer_and_every_item(tmp_path: Path) -> None:
    options = review_menu("odr-negative-feedback-us.yaml", tmp_path)
    titles = [option.title for option in options]
    assert titles[0] == "No, save and render" and titles[-1] == "Save and stop here"
    assert titles[1:5] == [
        "Issue type: order-defect-rate",
        "Document: plan-of-action",
        "Received: 2026-09-14",
        "Due: -",
    ]
    assert {option.value for option in options if isinstance(option.value, str)} - {*Leave} == {
        *("issue_type", "kind", "received_on", "deadline", "subject", "reference"),
        *("marketplace", "severity", "account_status", "problem_started_on", "text"),
        *("legal_name", "store_name", "merchant_token", "marketplaces", "email", "signatory"),
        *("scope", "asins", "order_ids"),
    }
    picks = [o.value for o in options if isinstance(o.value, Pick)]
    assert [(p.section, p.index) for p in picks] == [
        *(("root_causes", n) for n in range(2)),
        *(("corrective_actions", n) for n in range(3)),
        *(("preventive_measures", n) for n in range(3)),
        *(("evidence", n) for n in range(2)),
        ("metrics", 0),  # the notice is about a metric: the letter states it
    ]
    assert (
        "CA2 (for RC2): Returned to double-wall cartons"
        in titles[titles.index("Add a root cause") + 2]
    )
    assert [o.value.section for o in options if isinstance(o.value, Add)] == [
        *("root_causes", "corrective_actions", "preventive_measures", "evidence", "metrics")
    ]
    assert "Add an exhibit" in titles
    pip = [option.title for option in review_menu("late-shipment-pip-uk.yaml", tmp_path)]
    assert pip[-3:] == ["Add a milestone", "Reviewed: weekly", "Save and stop here"]
    assert "Add a metric" in pip  # an improvement plan's own lists


def test_an_unfinished_action_can_become_a_preventive_measure(tmp_path: Path) -> None:
    done, later = ODR.corrective_actions[:2]
    actions = [
        ("What have you already done", [done, later]),
        ("When was it finished", "2026-11-18"),
        ("When was it finished", ENTER),  # not finished yet
        ("An action not yet done is not a corrective action", "Record it as a preventive measure"),
        ("What now runs", ENTER),  # the carried action comes ticked
        ("What runs now", later),  # its past-tense wording is refused as a measure
        ("What runs now", MEASURE),
        ("Which part of the business", "Customer service"),
        ("Owner (a role)", "Operations manager"),
        ("How often", "daily"),
        ("Start date", "2026-11-18"),
    ]
    script = edited(
        POA,
        {
            name: []
            for name in (
                *("What have you already done", "When was it finished", "What now runs"),
                *("Owner (a role)", "How often", "Start date"),
            )
        },
    )
    cut = [prompt for prompt, _ in script].index("Which do you have")
    script = [*script[:cut], *actions, *script[cut:]]
    interview, prompter = start(tmp_path / "odr.yaml", script)
    assert interview.run() is True
    (measures,) = [a for a in prompter.asked if a.message.startswith("What now runs")]
    assert (measures.options[0].title, measures.options[0].checked) == (later, True)
    data = load(interview.draft.path)
    assert [a["action"] for a in data["corrective_actions"]] == [done]
    assert data["preventive_measures"][0]["measure"] == MEASURE
    assert [r[1] for r in prompter.rejected] == [later]
    assert data["preventive_measures"][0]["root_causes"] == ["RC1"]


def test_wrong_answers_are_refused_with_the_messages_of_validate(tmp_path: Path) -> None:
    token = validate_message(
        "seller.merchant_token", {("seller", "merchant_token"): "A1F83G8C2ARO7P"}, tmp_path
    )
    finished = validate_message(
        "corrective_actions[0].completed_on",
        {("corrective_actions", 0, "completed_on"): "2026-12-01"},
        tmp_path,
    )
    script = edited(
        POA,
        {
            "Merchant token": ["A1F83G8C2ARO7P", "A2BCDEFGHIJK12"],
            "When did the notice arrive": ["2026-02-30", "2026-11-20"],
            "When was it finished": ["2026-12-01", "2026-11-18"],
        },
    )
    interview, prompter = start(tmp_path / "odr.yaml", script)
    assert interview.run() is True
    assert [(answer, message) for _, answer, message in prompter.rejected] == [
        ("2026-02-30", "is not a real date: check the month and the day (YYYY-MM-DD)"),
        ("A1F83G8C2ARO7P", token),
        ("2026-12-01", finished),
    ]
    assert "marketplace ID of Amazon United Kingdom" in token
    assert finished.startswith("2026-12-01 is in the future")
    assert load(interview.draft.path)["seller"]["merchant_token"] == "A2BCDEFGHIJK12"


def test_a_date_question_says_its_format_once(tmp_path: Path) -> None:
    interview, prompter = start(tmp_path / "odr.yaml", POA)
    assert interview.run() is True
    (question,) = [q for q in prompter.questions if q.startswith("When did the notice arrive")]
    assert question.endswith("(YYYY-MM-DD)")
    assert "The date the notice arrived." in prompter.told
    assert prompter.told.count("(YYYY-MM-DD)") == 0  # the hints above the questions
