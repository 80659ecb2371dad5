"""What the review asks again after a change: only the fields a rule then finds wrong, and the
links a removed or changed item leaves without an answer."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from poa.case.dates import as_date
from poa.interview.answers import Answers
from poa.interview.draft import update
from poa.interview.itemfields import FIELDS
from poa.interview.itemrules import (
    DateRule,
    breakdown_problem,
    completion,
    due,
    issued,
    links,
)
from poa.interview.metrics import counts
from poa.interview.summary import cut, item_line
from poa.interview.terminal import Option, Tone

PER_CAUSE = ("corrective_actions", "preventive_measures")
NEW = ":new"  # in a checklist of items: add a new one


@dataclass(frozen=True)
class Kind:
    """A list as the review names it: one item, and the prefix of new ids (None: no ids)."""

    singular: str
    prefix: str | None
    required: bool  # a complete case has at least one (the metric lists: in a PIP)


LISTS = {
    "root_causes": Kind("root cause", "RC", True),
    "corrective_actions": Kind("corrective action", "CA", True),
    "preventive_measures": Kind("preventive measure", "PM", True),
    "evidence": Kind("exhibit", "E", False),
    "metrics": Kind("metric", None, False),
    "milestones": Kind("milestone", None, False),
}
PIP_LISTS = ("metrics", "milestones")


class Editor(Protocol):
    """What the rules here need of the review."""

    @property
    def answers(self) -> Answers:
        """The answers reviewed."""
        ...

    def say(self, text: str = "", tone: Tone = "plain") -> None:
        """Tell the seller."""
        ...

    def items(self, section: str) -> list[dict[str, Any]]:
        """A list's items, as saved."""
        ...

    def change_field(self, section: str, item: dict[str, Any], name: str) -> None:
        """Ask one field alone, then what depends on it."""
        ...

    def add_item(self, section: str, preset: dict[str, Any] | None = None) -> None:
        """Add an item, asked field by field."""
        ...


Dependent = Callable[[Editor, str, dict[str, Any], dict[str, Any]], None]


def ident(item: dict[str, Any]) -> str:
    """How the review names an item: its id, or its metric (and date, for a milestone)."""
    if item.get("id"):
        return str(item["id"])
    if item.get("due_on"):
        return f"the {item.get('metric')} milestone of {item['due_on']}"
    return str(item.get("metric", "this item"))


def ask_again(editor: Editor, section: str, item: dict[str, Any], name: str, why: str) -> None:
    """Say why a field no longer holds, then ask it."""
    editor.say(f"\n{ident(item)}: {why}; please check it again.", "heading")
    editor.change_field(section, item, name)


def date_rule(name: str, rule: DateRule) -> Dependent:
    """Ask the changed item's date field again when its rule now fails."""

    def check(editor: Editor, section: str, item: dict[str, Any], before: dict[str, Any]) -> None:
        day = as_date(item.get(name))
        problem = rule(editor.answers, item, day) if day else None
        if problem:
            ask_again(editor, section, item, name, f"its date {problem}")

    return check


def counts_hold(editor: Editor, section: str, item: dict[str, Any], before: dict[str, Any]) -> None:
    """A metric's counts still give its value, or they are asked again."""
    if item.get("count") is None or item.get("total") is None:
        return
    found = counts(f"{item['count']} of {item['total']}", item.get("value"))
    if isinstance(found, str):
        ask_again(editor, section, item, "counts", f"its counts no longer fit: {found}")


def breakdown_holds(
    editor: Editor, section: str, item: dict[str, Any], before: dict[str, Any]
) -> None:
    """An Order Defect Rate's defects by kind still fit its count, or they are asked again."""
    parts = item.get("breakdown")
    problem = breakdown_problem(item.get("count"), parts) if isinstance(parts, dict) else None
    if problem:
        ask_again(
            editor, section, item, "breakdown", f"its defects by kind no longer fit: {problem}"
        )


def shared(one: dict[str, Any], other: dict[str, Any]) -> bool:
    """Whether two items answer a cause in common."""
    return bool(set(links(one, "root_causes")) & set(links(other, "root_causes")))


def later_measures(
    editor: Editor, section: str, action: dict[str, Any], before: dict[str, Any]
) -> None:
    """A measure on the same cause that now starts before this action was finished (and did
    not before the change) has its start asked again; others are left as they are."""
    new, old = as_date(action.get("completed_on")), as_date(before.get("completed_on"))
    if new is None:
        return
    for measure in editor.items("preventive_measures"):
        start = as_date(measure.get("started_on"))
        if not start or not shared(action, measure) or new <= start:
            continue
        if old and old > start and shared(before, measure):
            continue  # the rule did not hold before either: not this change's doing
        why = f"it starts on {start}, before {ident(action)} was finished ({new})"
        ask_again(editor, "preventive_measures", measure, "started_on", why)


def uncovered(section: str) -> Dependent:
    """Every cause left with no item of this list gets one: an existing item or a new one."""

    def check(editor: Editor, changed: str, item: dict[str, Any], before: dict[str, Any]) -> None:
        for cause in editor.items("root_causes"):
            cause_id = cause.get("id")
            if cause_id and not any(
                cause_id in links(i, "root_causes") for i in editor.items(section)
            ):
                cover(editor, section, cause)

    return check


def cover(editor: Editor, section: str, cause: dict[str, Any]) -> None:
    """Ask which items of the list answer a cause that has none: existing ones, a new one."""
    singular, prompter = LISTS[section].singular, editor.answers.prompter
    width = prompter.width - 8
    editor.say(f"\n{cause['id']}: {cause.get('summary', '')}", "heading")
    while True:
        picked = prompter.checkbox(
            f"No {singular} answers {cause['id']} now. Which do? (space to tick)",
            [
                *(Option(cut(item_line(i), width), n) for n, i in enumerate(editor.items(section))),
                Option(f"A new {singular}", NEW),
            ],
        )
        if picked:
            break
        editor.say(f"  Every root cause needs at least one {singular}.", "error")
    for index in [p for p in picked if p != NEW]:
        item = editor.items(section)[index]
        item["root_causes"] = [*links(item, "root_causes"), cause["id"]]
    editor.answers.save()
    if NEW in picked:
        editor.add_item(section, {"root_causes": [cause["id"]]})


def new_cause(editor: Editor, section: str, cause: dict[str, Any], before: dict[str, Any]) -> None:
    """A new cause is answered by an action and a measure."""
    for each in PER_CAUSE:
        cover(editor, each, cause)


# After a field of a list item changed (":new" after an item was added): what may no longer
# hold. Fields not listed here change nothing else.
CHANGED: dict[tuple[str, str], tuple[Dependent, ...]] = {
    ("corrective_actions", "completed_on"): (later_measures,),
    ("corrective_actions", "root_causes"): (uncovered("corrective_actions"), later_measures),
    ("preventive_measures", "root_causes"): (uncovered("preventive_measures"),),
    ("evidence", "kind"): (date_rule("issued_on", issued),),
    ("metrics", "value"): (counts_hold,),
    ("metrics", "counts"): (breakdown_holds,),
}
ADDED: dict[str, tuple[Dependent, ...]] = {
    "root_causes": (new_cause,),
    "corrective_actions": (later_measures,),
}
# After a single answer changed: the item dates its rules check against it.
SINGLE: dict[str, tuple[tuple[str, str, DateRule], ...]] = {
    "received_on": (("evidence", "issued_on", issued), ("milestones", "due_on", due)),
    "problem_started_on": (("corrective_actions", "completed_on", completion),),
    "prepared_on": (("corrective_actions", "completed_on", completion),),
}


def after_single(editor: Editor, name: str) -> None:
    """Ask again every item date that a changed single answer makes wrong."""
    for section, field_name, rule in SINGLE.get(name, ()):
        for item in editor.items(section):
            day = as_date(item.get(field_name))
            problem = rule(editor.answers, item, day) if isinstance(day, date) else None
            if problem:
                ask_again(editor, section, item, field_name, f"its date {problem}")


def remove_item(editor: Editor, section: str, item: dict[str, Any]) -> None:
    """Remove an item once the seller confirms, then give its dependents an answer: what
    answered only a removed cause is linked again (before anything is removed, so Ctrl-C
    loses nothing); a cause left without an action or measure gets one."""
    kind, items = LISTS[section], editor.items(section)
    required = kind.required or (section in PIP_LISTS and editor.answers.is_pip)
    if required and len(items) == 1:
        editor.say(f"  A complete case needs a {kind.singular}: add another first.", "error")
        return
    if section == "root_causes" and (alone := sole_explainer(editor, item)):
        editor.say(
            f"  {ident(item)} is the only cause of {alone}, which the notice names: "
            "change its text instead.",
            "error",
        )
        return
    if not editor.answers.prompter.confirm(f"Remove {ident(item)}?", default=False):
        return
    apply = relink(editor, item) if section == "root_causes" else (lambda: None)
    items.remove(item)
    apply()
    if section == "evidence":
        unlink_exhibit(editor, str(item.get("id")))
    elif section == "metrics":
        milestones = editor.items("milestones")
        gone = [m for m in milestones if m.get("metric") == item.get("metric")]
        for milestone in gone:
            milestones.remove(milestone)
        if gone:
            editor.say(f"  Its {len(gone)} milestone(s) went with it.", "hint")
    editor.answers.save()
    if section in PER_CAUSE:
        uncovered(section)(editor, section, item, {})
    if section in ("root_causes", "evidence") and item.get("id"):
        cited_in_text(editor, str(item["id"]))


def cited_in_text(editor: Editor, gone: str) -> None:
    """Every text that still points at a removed exhibit or cause ({E1}) is asked again:
    left in, the case would not validate."""
    mark = re.compile(r"\{\s*" + re.escape(gone) + r"\s*\}")
    for section in LISTS:
        for item in editor.items(section):
            for field in FIELDS[section]:
                text = item.get(field.name)
                if isinstance(text, str) and mark.search(text):
                    why = f"its text points at {{{gone}}}, which is gone"
                    ask_again(editor, section, item, field.name, why)


def sole_explainer(editor: Editor, cause: dict[str, Any]) -> str | None:
    """The further issue type the notice names that only this cause explains, or None (the
    review cannot set a cause's issue type, so removing it would leave the case unfinished)."""
    key = cause.get("issue_type")
    note = editor.answers.data.get("notification")
    named = note.get("other_issue_types") if isinstance(note, dict) else None
    if not key or not isinstance(named, list) or key not in named:
        return None
    others = [c for c in editor.items("root_causes") if c is not cause]
    return None if any(c.get("issue_type") == key for c in others) else str(key)


def relink(editor: Editor, cause: dict[str, Any]) -> Callable[[], None]:
    """Ask what to link instead of a cause about to be removed, for each action or measure
    that answered it alone; returns how to apply the answers (an item linked to nothing is
    removed with the cause)."""
    gone, prompter = cause.get("id"), editor.answers.prompter
    others = [c for c in editor.items("root_causes") if c is not cause and c.get("id")]
    width = prompter.width - 8
    plan: list[tuple[str, dict[str, Any], list[str]]] = []
    for section in PER_CAUSE:
        for item in editor.items(section):
            linked = links(item, "root_causes")
            if gone not in linked:
                continue
            rest = [link for link in linked if link != gone]
            if not rest:
                rest = prompter.checkbox(
                    f"{ident(item)} answered {gone} alone. Which causes does it answer now? "
                    "(tick none to remove it too)",
                    [
                        Option(cut(f"{c['id']}: {c.get('summary', '')}", width), c["id"])
                        for c in others
                    ],
                )
            plan.append((section, item, rest))
    shown = shown_alone(editor, cause, others)

    def apply() -> None:
        for section, item, rest in plan:
            if rest:
                item["root_causes"] = rest
            else:
                editor.items(section).remove(item)
        for other in others:
            cited = [e for e in shown if other.get("id") in shown[e]]
            if cited:
                other["evidence"] = [*links(other, "evidence"), *cited]

    return apply


def shown_alone(
    editor: Editor, cause: dict[str, Any], others: list[dict[str, Any]]
) -> dict[str, list[str]]:
    """For each exhibit only this cause cites, the other causes it shows (asked)."""
    cited = {
        e
        for section in ("root_causes", *PER_CAUSE)
        for item in editor.items(section)
        if item is not cause
        for e in links(item, "evidence")
    }
    width, answer = editor.answers.prompter.width - 8, {}
    for exhibit in links(cause, "evidence"):
        if exhibit in cited or not others:
            continue
        answer[exhibit] = editor.answers.prompter.checkbox(
            f"{exhibit} showed {cause.get('id')} alone. Which causes does it show now? "
            "(tick none to cite it nowhere)",
            [Option(cut(f"{c['id']}: {c.get('summary', '')}", width), c["id"]) for c in others],
        )
    return answer


def unlink_exhibit(editor: Editor, exhibit: str) -> None:
    """A removed exhibit no longer shows anything."""
    for section in ("root_causes", *PER_CAUSE):
        for item in editor.items(section):
            cited = links(item, "evidence")
            if exhibit in cited:
                cited.remove(exhibit)
                update(item, {"evidence": cited})
                editor.say(f"  {ident(item)} no longer cites {exhibit}.", "hint")
