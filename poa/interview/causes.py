"""Root causes, and for each one what was already done and what now runs so it cannot recur."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from poa.case import rules
from poa.case.dates import as_date
from poa.case.model import CorrectiveAction, RootCause
from poa.catalog import IssueType
from poa.checks.findings import FieldKind
from poa.interview import fields
from poa.interview.answers import Answers
from poa.interview.choices import catalog_position, pick
from poa.interview.draft import ListDraft, next_id
from poa.interview.questions import current_issue, notice_issues
from poa.interview.summary import item_line
from poa.interview.terminal import Option
from poa.pairing import Suggestion

# Asks the rest of one item, given the list, the item, its previous answers and its text;
# says whether to keep it.
Build = Callable[[ListDraft, dict[str, Any], dict[str, Any], str], bool]


def ask_root_causes(answers: Answers) -> None:
    """The causes that apply, from the typical ones of each issue the notice names or the
    seller's own; a cause of an issue other than the main one says which it explains."""
    old = {c.get("summary"): c for c in answers.items("root_causes")}
    issues = notice_issues(answers)
    origin: dict[str, str] = {}
    for issue in issues:
        for text in issue.root_causes:
            origin.setdefault(text, issue.key)
    headings = {}
    if len(issues) > 1:  # each issue's causes under its own title
        headings = {issue.root_causes[0]: f"-- {issue.title} --" for issue in issues}
    chosen = pick(
        answers,
        "Which causes apply? Pick the processes that failed",
        # With several issues, each issue's causes stay under its title.
        list(dict.fromkeys([*(c for c in old if not headings or c not in origin), *origin])),
        set(old),
        kind=FieldKind.ROOT_CAUSE,
        headings=headings,
    )
    used = {c.get("id") for c in old.values()}
    for summary in chosen:  # saved ticked at once, so a resume finds every cause ticked
        old.setdefault(summary, {"id": next_id("RC", used), "summary": summary})
        if origin.get(summary, issues[0].key) != issues[0].key:
            old[summary].setdefault("issue_type", origin[summary])
    draft = answers.list_draft("root_causes", list(old.values()))
    draft.save()
    for number, summary in enumerate(chosen, 1):
        answers.prompter.say(f"\nRoot cause {number}", "heading")
        ask_cause(answers, draft, old.get(summary, {}), summary)
    draft.finish()


def ask_explained(answers: Answers, draft: ListDraft, cause: dict[str, Any]) -> None:
    """Which of the notice's issues a cause of the seller's own explains, when it names more
    than one (the main issue needs no mark)."""
    issues = notice_issues(answers)
    if len(issues) < 2 or cause.get("summary") not in answers.typed:
        return
    key = answers.prompter.select(
        "Which of the notice's issues does this cause explain?",
        [Option(issue.title, issue.key) for issue in issues],
        default=cause.get("issue_type") or issues[0].key,
    )
    draft.set(cause, "issue_type", key if key != issues[0].key else None)


def ask_cause(answers: Answers, draft: ListDraft, previous: dict[str, Any], summary: str) -> None:
    """One root cause's facts."""
    prompter, today = answers.prompter, answers.today
    cause = draft.add(previous, "RC")
    draft.set(cause, "summary", ask_summary(answers, summary))
    ask_explained(answers, draft, cause)
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
    suggested: Callable[[IssueType], Sequence[Suggestion]],
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
    suggested: Callable[[IssueType], Sequence[Suggestion]],
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
    issue = issue_of(answers, cause)
    offered = suggested(issue)
    position = catalog_position(issue.root_causes, cause.get("summary", ""))
    picked = pick(
        answers,
        kind.question,
        list(dict.fromkeys([*(i[kind.key] for i in mine), *(s.text for s in offered)])),
        checked={i[kind.key] for i in mine},
        required=not covered,
        kind=FieldKind.ACTION if kind.key == "action" else FieldKind.MEASURE,
        paired={s.text for s in offered if s.cause == position},
    )
    for suggestion in picked:
        previous: dict[str, Any] = next((i for i in mine if i[kind.key] == suggestion), {})
        item = draft.add(previous, kind.prefix)
        links = [r for r in previous.get("root_causes", []) if r in known]
        item["root_causes"] = links or [cause["id"]]
        if not build(draft, item, previous, suggestion):
            draft.drop(item)
    return any(cause["id"] in i["root_causes"] for i in draft.items)


def issue_of(answers: Answers, cause: dict[str, Any]) -> IssueType:
    """The issue type a root cause explains: its own when it names one the catalog knows,
    else the notice's main one."""
    key = cause.get("issue_type")
    if isinstance(key, str) and key in answers.catalog:
        return answers.catalog.get(key)
    return current_issue(answers)


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

    for_each_cause(answers, ACTIONS, [], lambda issue: issue.suggested_actions, build)


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
