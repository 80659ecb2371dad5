"""Preventive measures: for each root cause, what now runs so it cannot happen again, with
the part of the business, owner, frequency and start date."""

from __future__ import annotations

from typing import Any

from poa.case.dates import as_date
from poa.case.model import PreventiveMeasure
from poa.checks.findings import FieldKind
from poa.interview import fields
from poa.interview.answers import Answers
from poa.interview.causes import MEASURES, for_each_cause
from poa.interview.draft import ListDraft
from poa.interview.questions import notice_issues
from poa.interview.terminal import Option

AREAS = (
    "Sourcing",
    "Listings",
    "Fulfillment",
    "Customer service",
    "Training",
    "Monitoring",
    "Systems",
    "Compliance",
)
# Words in a measure and the part of the business they name, the first found deciding.
AREA_WORDS = (
    ("supplier", "Sourcing"),
    ("invoice", "Sourcing"),
    ("listing", "Listings"),
    ("carrier", "Fulfillment"),
    ("ship", "Fulfillment"),
    ("pickup", "Fulfillment"),
    ("vacation", "Fulfillment"),
    ("buyer", "Customer service"),
    ("message", "Customer service"),
    ("train", "Training"),
    ("integration", "Systems"),
    ("alert", "Monitoring"),
    ("report", "Monitoring"),
    ("review", "Monitoring"),
    ("polic", "Compliance"),
)


def ask_preventive_measures(answers: Answers) -> None:
    """For each cause, what now runs: area, owner, how often, since when."""
    for_each_cause(
        answers,
        MEASURES,
        answers.pending_measures,
        lambda issue: issue.suggested_measures,
        lambda draft, item, previous, text: ask_measure(answers, draft, item, previous, text),
    )
    answers.pending_measures = []


def ask_measure(
    answers: Answers, draft: ListDraft, item: dict[str, Any], previous: dict[str, Any], text: str
) -> bool:
    """One preventive measure's facts."""
    prompter = answers.prompter
    measure = text
    if text in answers.unfinished:
        prompter.say(f"  You wrote, as an action: {text}", "hint")
        measure = fields.ask_field(
            prompter,
            PreventiveMeasure,
            "measure",
            "What runs now, in the present tense",
            "",
            kind=FieldKind.MEASURE,
            extra=lambda typed: (
                None
                if typed.strip() != text.strip()
                else "is the action's wording: say what now runs, in the present tense"
            ),
        )
    draft.set(item, "measure", measure)
    prompter.say(f"  {measure}", "hint")
    area = previous.get("area") or guess_area(measure)
    if area is None:
        areas = [*AREAS, *([area] if area and area not in AREAS else [])]
        area = prompter.select(
            "Which part of the business?", [Option(a, a) for a in areas], default=area
        )
    draft.set(item, "area", area)
    ask_rhythm(answers, draft, item, previous)
    started = fields.ask_date(
        prompter,
        PreventiveMeasure,
        "started_on",
        "Start date",
        as_date(previous.get("started_on")) or implied_start(answers, item),
    )
    draft.set(item, "started_on", started)
    return True


def ask_rhythm(
    answers: Answers, draft: ListDraft, item: dict[str, Any], previous: dict[str, Any]
) -> None:
    """Who runs a measure, and how often: the previous answers, else what the catalog pairs
    with the suggestion picked; nothing is proposed for a measure of the seller's own."""
    paired = next(
        (
            s
            for issue in notice_issues(answers)
            for s in issue.suggested_measures
            if s.text == item.get("measure")
        ),
        None,
    )
    for name, message, kind in (
        ("owner", "Owner (a role)", FieldKind.OWNER),
        ("frequency", "How often", FieldKind.FREQUENCY),
    ):
        proposed = previous.get(name) or (getattr(paired, name) if paired else "")
        value = fields.ask_field(
            answers.prompter, PreventiveMeasure, name, message, proposed, kind=kind
        )
        draft.set(item, name, value)


def implied_start(answers: Answers, item: dict[str, Any]) -> Any:
    """The date a measure most likely started: the last completion of an action answering
    the same causes, or none (a date is never made up)."""
    causes = set(item.get("root_causes", []))
    done = [
        as_date(action.get("completed_on"))
        for action in answers.items("corrective_actions")
        if causes & set(action.get("root_causes", []))
    ]
    return max((day for day in done if day), default=None)


def guess_area(text: str) -> str | None:
    """The part of the business a measure's words name, or None (then it is asked)."""
    lowered = text.lower()
    return next((area for word, area in AREA_WORDS if word in lowered), None)
