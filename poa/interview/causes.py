"""Root causes, and for each one what was already done and what now runs so it cannot recur."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from poa.case import rules
from poa.case.dates import as_date
from poa.case.model import CorrectiveAction, PreventiveMeasure, RootCause
from poa.checks.findings import FieldKind
from poa.interview import fields
from poa.interview.answers import Answers
from poa.interview.choices import catalog_position, pick
from poa.interview.draft import ListDraft, next_id
from poa.interview.questions import current_issue
from poa.interview.summary import item_line
from poa.interview.terminal import Option
from poa.pairing import Suggestion

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
# Asks the rest of one item, given the list, the item, its previous answers and its text;
# says whether to keep it.
Build = Callable[[ListDraft, dict[str, Any], dict[str, Any], str], bool]


def ask_root_causes(answers: Answers) -> None:
    """The causes that apply, from the issue's typical ones or the seller's own."""
    old = {c.get("summary"): c for c in answers.items("root_causes")}
    suggestions = list(dict.fromkeys([*old, *current_issue(answers).root_causes]))
    chosen = pick(
        answers,
        "Which causes apply? Pick the processes that failed",
        suggestions,
        set(old),
        kind=FieldKind.ROOT_CAUSE,
    )
    used = {c.get("id") for c in old.values()}
    for summary in chosen:  # saved ticked at once, so a resume finds every cause ticked
        old.setdefault(summary, {"id": next_id("RC", used), "summary": summary})
    draft = answers.list_draft("root_causes", list(old.values()))
    draft.save()
    for number, summary in enumerate(chosen, 1):
        answers.prompter.say(f"\nRoot cause {number}", "heading")
        ask_cause(answers, draft, old.get(summary, {}), summary)
    draft.finish()


def ask_cause(answers: Answers, draft: ListDraft, previous: dict[str, Any], summary: str) -> None:
    """One root cause's facts."""
    prompter, today = answers.prompter, answers.today
    cause = draft.add(previous, "RC")
    draft.set(cause, "summary", ask_summary(answers, summary))
    detail = fields.ask_field(
        prompter,
        RootCause,
        "detail",
        "What happened, when, how many orders or units",
        previous.get("detail", ""),
        optional=True,
        long=True,
        kind=FieldKind.ROOT_CAUSE_DETAIL,
    )
    draft.set(cause, "detail", detail)
    when = fields.ask_date(
        prompter,
        RootCause,
        "occurred_on",
        "When did it happen?",
        as_date(previous.get("occurred_on")) or as_date(answers.value("problem_started_on")),
        optional=True,
        extra=lambda day: rules.past_problem(day, today),
    )
    draft.set(cause, "occurred_on", when)
    ask_count(answers, draft, cause, previous)
    asins = fields.ask_pasted(
        prompter, RootCause, "asins", "ASINs it affected", previous.get("asins", [])
    )
    draft.set(cause, "asins", asins)


def ask_count(
    answers: Answers, draft: ListDraft, cause: dict[str, Any], previous: dict[str, Any]
) -> None:
    """How many orders (or units, packages, listings, messages) a cause affected: orders for
    a notice about a metric, units otherwise, unless the seller names what the number counts
    ("3 listings")."""
    unit = previous.get("unit") or ("orders" if current_issue(answers).metric else "units")
    said = {"unit": unit}

    def convert(text: str) -> Any:
        number, noun = counted(text, unit)
        said["unit"] = noun
        return number

    old = previous.get("units")
    units = fields.ask_field(
        answers.prompter,
        RootCause,
        "units",
        f"How many {unit} were affected?",
        "" if old is None else f"{old} {unit}",
        optional=True,
        convert=convert,
        hint=f"A number, such as 41; if it counts something other than {unit}, say what: "
        "41 units, 3 listings, 12 packages, 5 messages.",
    )
    draft.set(cause, "units", units)
    draft.set(cause, "unit", said["unit"] if units is not None else None)


UNITS = {"order": "orders", "unit": "units", "package": "packages", "listing": "listings"}
UNITS |= {"message": "messages", **{plural: plural for plural in UNITS.values()}}
COUNTED = re.compile(r"(?P<number>[\d][\d,.\s]*?)\s*(?P<noun>[A-Za-z]+)?")


def counted(text: str, unit: str) -> tuple[Any, str]:
    """A typed count and what it counts: '41' (the unit proposed), '41 orders', '3 listings';
    anything else as typed, for the model to report."""
    match = COUNTED.fullmatch(text.strip())
    if match is None:
        return text, unit
    noun = (match["noun"] or unit).lower()
    if noun not in UNITS:
        return text, unit
    return fields.to_number(match["number"]), UNITS[noun]


def ask_summary(answers: Answers, summary: str) -> str:
    """A cause in one sentence; what the seller typed is not asked again."""
    if summary in answers.typed:
        return summary
    return str(
        fields.ask_field(
            answers.prompter,
            RootCause,
            "summary",
            "The cause in one sentence",
            summary,
            kind=FieldKind.ROOT_CAUSE,
            issue=current_issue(answers),
        )
    )


@dataclass(frozen=True)
class PerCause:
    """A list whose items answer root causes: corrective actions or preventive measures."""

    section: Literal["corrective_actions", "preventive_measures"]
    key: Literal["action", "measure"]  # the field holding an item's text
    prefix: str  # of new ids
    singular: str  # one item, as the seller reads it
    question: str


ACTIONS = PerCause(
    "corrective_actions",
    "action",
    "CA",
    "corrective action",
    "What have you already done about it?",
)
MEASURES = PerCause(
    "preventive_measures",
    "measure",
    "PM",
    "preventive measure",
    "What now runs so it cannot happen again?",
)


def for_each_cause(
    answers: Answers,
    kind: PerCause,
    carried: list[dict[str, Any]],
    suggested: Sequence[Suggestion],
    build: Build,
) -> None:
    """Ask, cause by cause, which items answer it; `build` asks the rest of one item and says
    whether to keep it. Items that answer several causes are asked once; every cause ends up
    with at least one item."""
    old = [*answers.items(kind.section), *carried]
    draft = answers.list_draft(kind.section, old)
    causes = [c for c in answers.items("root_causes") if c.get("id")]
    known = {c["id"] for c in causes}
    for cause in causes:
        while not answer_cause(answers, kind, draft, old, cause, known, suggested, build):
            answers.prompter.say(
                f"  Every root cause needs at least one {kind.singular}. Add one, or stop here "
                "(Ctrl-C keeps your answers) and come back later.",
                "error",
            )
    draft.finish()


def answer_cause(
    answers: Answers,
    kind: PerCause,
    draft: ListDraft,
    old: list[dict[str, Any]],
    cause: dict[str, Any],
    known: set[str],
    suggested: Sequence[Suggestion],
    build: Build,
) -> bool:
    """Pick and ask the items for one cause; True once the cause has at least one."""
    covered = [i for i in draft.items if cause["id"] in i["root_causes"]]
    asked = {i["id"] for i in draft.items}
    mine = [
        i
        for i in old
        if cause["id"] in i.get("root_causes", [])
        and i.get(kind.key)
        and (i.get("id") is None or i["id"] not in asked)
    ]
    answers.prompter.say(f"\n{cause['id']}: {cause.get('summary', '')}", "heading")
    for item in covered:
        answers.prompter.say(f"  Already answered by {item_line(item)}")
    position = catalog_position(current_issue(answers).root_causes, cause.get("summary", ""))
    picked = pick(
        answers,
        kind.question,
        list(dict.fromkeys([*(i[kind.key] for i in mine), *(s.text for s in suggested)])),
        checked={i[kind.key] for i in mine},
        required=not covered,
        kind=FieldKind.ACTION if kind.key == "action" else FieldKind.MEASURE,
        paired={s.text for s in suggested if s.cause == position},
    )
    for suggestion in picked:
        previous: dict[str, Any] = next((i for i in mine if i[kind.key] == suggestion), {})
        item = draft.add(previous, kind.prefix)
        links = [r for r in previous.get("root_causes", []) if r in known]
        item["root_causes"] = links or [cause["id"]]
        if not build(draft, item, previous, suggestion):
            draft.drop(item)
    return any(cause["id"] in i["root_causes"] for i in draft.items)


def ask_corrective_actions(answers: Answers) -> None:
    """For each cause, what was already done, with the date it was finished."""
    start = as_date(answers.value("problem_started_on"))
    prompter, today = answers.prompter, answers.today

    def build(draft: ListDraft, item: dict[str, Any], previous: dict[str, Any], text: str) -> bool:
        draft.set(item, "action", text)  # a suggestion is taken as worded; the review edits
        prompter.say(f"  {text}", "hint")
        completed = fields.ask_date(
            prompter,
            CorrectiveAction,
            "completed_on",
            "When was it finished? Leave it empty if it is not",
            as_date(previous.get("completed_on")),
            optional=True,
            extra=lambda day: rules.completed_problem(day, today, start),
            hint="",
        )
        if completed is None:
            unfinished(answers, item["root_causes"], text)
            return False
        draft.set(item, "completed_on", completed)
        return True

    for_each_cause(answers, ACTIONS, [], current_issue(answers).suggested_actions, build)


def unfinished(answers: Answers, causes: list[str], text: str) -> None:
    """An action not done yet: keep it as a preventive measure, or leave it out."""
    keep = answers.prompter.select(
        "An action not yet done is not a corrective action. What now?",
        [
            Option("Record it as a preventive measure", True),
            Option("Leave it out; add it once it is done", False),
        ],
    )
    if keep:  # its wording is the past tense of an action: the measure is asked in full
        answers.pending_measures.append({"root_causes": causes, "measure": text})
        answers.unfinished.add(text)


def ask_preventive_measures(answers: Answers) -> None:
    """For each cause, what now runs: area, owner, how often, since when."""
    for_each_cause(
        answers,
        MEASURES,
        answers.pending_measures,
        current_issue(answers).suggested_measures,
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
        (s for s in current_issue(answers).suggested_measures if s.text == item.get("measure")),
        None,
    )
    owner = fields.ask_field(
        answers.prompter,
        PreventiveMeasure,
        "owner",
        "Owner (a role)",
        previous.get("owner") or (paired.owner if paired else ""),
        kind=FieldKind.OWNER,
    )
    draft.set(item, "owner", owner)
    frequency = fields.ask_field(
        answers.prompter,
        PreventiveMeasure,
        "frequency",
        "How often",
        previous.get("frequency") or (paired.frequency if paired else ""),
        kind=FieldKind.FREQUENCY,
    )
    draft.set(item, "frequency", frequency)


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
