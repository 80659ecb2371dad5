"""The review: every answer and every field of every list item, in full; change one field and
only what then no longer holds is asked again. The file is saved after every change."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from poa.interview import depends
from poa.interview.answers import Answers
from poa.interview.depends import LISTS, PIP_LISTS, ident
from poa.interview.draft import next_id, update
from poa.interview.itemfields import FIELDS, NEW_FIELDS, current, field_of
from poa.interview.questions import Question
from poa.interview.summary import answer_line, cut, item_details, item_line, label, show_field
from poa.interview.terminal import Entry, Heading, Option, Tone

# A problem that names a list item's field left out: "milestones[3].due_on: is required..."
MISSING = re.compile(r"(\w+)\[(\d+)\]\.(\w+): is required but missing")


class Leave(StrEnum):
    """The review menu's ways out, beside the answers to change."""

    FINISH = ":finish"
    STOP = ":stop"


class Act(StrEnum):
    """An item's menu, beside its fields."""

    REMOVE = ":remove"
    BACK = ":back"


@dataclass(frozen=True)
class Pick:
    """A list item picked in the review menu: its list and place."""

    section: str
    index: int


@dataclass(frozen=True)
class Add:
    """'Add an item' to a list, in the review menu."""

    section: str


class Sheet(Protocol):
    """What the review needs of the interview."""

    @property
    def answers(self) -> Answers:
        """The answers reviewed."""
        ...

    def sections(self) -> list[tuple[str, list[Question]]]:
        """The case's steps as the review shows them: title and questions."""
        ...

    def change(self, name: str) -> None:
        """Ask a single answer again, and the answers that depend on it."""
        ...

    def problems(self) -> list[str]:
        """What `poa validate` would report for the case as it stands."""
        ...


Done = set[tuple[str, int, str]]  # fields asked again in one change: (list, item, field)


@dataclass
class Review:
    """One review of the answers, until the seller finishes or stops."""

    sheet: Sheet
    done: Done = field(default_factory=set)

    @property
    def answers(self) -> Answers:
        """The answers reviewed."""
        return self.sheet.answers

    def say(self, text: str = "", tone: Tone = "plain") -> None:
        """Tell the seller."""
        self.answers.prompter.say(text, tone)

    def run(self) -> bool:
        """Show every answer; let the seller change any of them. True when finished."""
        answers, draft = self.answers, self.answers.draft
        while True:
            self.show_summary()
            choice = answers.prompter.select("Anything to change?", self.menu())
            if choice == Leave.STOP:
                if not draft.untouched:
                    answers.save("review")
                return False
            if choice != Leave.FINISH:
                self.done, before = set(), copy.deepcopy(answers.data)
                self.act(choice)
                if answers.data != before:  # picking and going back changes nothing
                    answers.save("review")
                continue
            problems = self.sheet.problems()
            if not problems:
                if not draft.untouched:  # otherwise the file is as it was
                    answers.save("done")
                return True
            self.say("\nThe case is not complete yet:", "alarm")
            for line in problems:
                self.say(f"  {line}", "error")
            self.ask_missing(problems)

    def ask_missing(self, problems: list[str]) -> None:
        """Ask each item field that is missing altogether, and what answers a cause that has
        nothing answering it (an item cut short by Ctrl-C while it was added), so the seller
        need not look for it in the menu."""
        self.done = set()
        for section in depends.PER_CAUSE:
            depends.uncovered(section)(self, section, {}, {})
        for line in problems:
            found = MISSING.match(line)
            items = self.items(found[1]) if found and found[1] in FIELDS else []
            if not found or int(found[2]) >= len(items):
                continue
            item, name = items[int(found[2])], found[3]
            if name not in item and any(f.name == name for f in FIELDS[found[1]]):
                self.say(f"\n{ident(item)}: {label(name)} is still to fill in.", "heading")
                self.change_field(found[1], item, name)
                self.answers.save("review")

    def act(self, choice: Any) -> None:
        """Change what the seller picked in the menu."""
        if isinstance(choice, Pick):
            self.edit_item(choice)
        elif isinstance(choice, Add):
            self.add_item(choice.section)
        else:
            self.sheet.change(str(choice))
            depends.after_single(self, str(choice))

    def menu(self) -> list[Entry]:
        """Finish, every single answer and every list item by step, 'add' for each list, stop.
        An entry that does not fit is cut (a menu cannot wrap); the summary has it in full."""
        width = self.answers.prompter.width - 8
        entries: list[Entry] = [Option("No, save and render", Leave.FINISH)]
        for title, questions in self.sheet.sections():
            entries.append(Heading(f"-- {title} --"))
            for question in questions:
                value = self.answers.value(question.name)
                if not question.listed:
                    entries.append(Option(answer_line(question.label, value, width), question.name))
                    continue
                for index, item in enumerate(value or []):
                    entries.append(Option(cut(item_line(item), width), Pick(question.name, index)))
                kind = LISTS[question.name]
                entries.append(Option(f"Add {article(kind.singular)}", Add(question.name)))
        entries.append(Option("Save and stop here", Leave.STOP))
        return entries

    def show_summary(self) -> None:
        """Every answer by step; list items one a line, then their other fields, in full."""
        say = self.say
        rule = "=" * min(20, (self.answers.prompter.width - 16) // 2)
        say(f"\n{rule} Your answers {rule}", "heading")
        for title, questions in self.sheet.sections():
            say(f"\n{title}", "heading")
            for question in questions:
                value = self.answers.value(question.name)
                if question.listed and value:
                    for item in value:
                        say(f"  {item_line(item)}")
                        for line in item_details(item):
                            say(f"      {line}")
                else:
                    say(f"  {answer_line(question.label, value)}")
        say()

    def items(self, section: str) -> list[dict[str, Any]]:
        """A list's items, as saved (changed in place)."""
        found = self.answers.data.get(section)
        return found if isinstance(found, list) else []

    def edit_item(self, pick: Pick) -> None:
        """An item's fields in full, then the one to change, or remove the item."""
        item = self.items(pick.section)[pick.index]
        self.say(f"\n{item_line(item)}", "heading")
        for line in item_details(item):
            self.say(f"  {line}")
        entries = self.field_menu(pick.section, item)
        name = self.answers.prompter.select(f"What to change in {ident(item)}?", entries)
        if name == Act.REMOVE:
            depends.remove_item(self, pick.section, item)
        elif name != Act.BACK:
            self.change_field(pick.section, item, str(name))

    def field_menu(self, section: str, item: dict[str, Any]) -> list[Entry]:
        """An item's fields (cut to the width; they are shown in full above), remove, back."""
        width = self.answers.prompter.width - 8
        entries: list[Entry] = [
            Option(cut(f"{f.label}: {show_field(current(item, f.name))}", width), f.name)
            for f in FIELDS[section]
            if f.offered(self.answers, item)
        ]
        return [
            *entries,
            Option("Remove this item", Act.REMOVE),
            Option("Back to the summary", Act.BACK),
        ]

    def change_field(self, section: str, item: dict[str, Any], name: str) -> None:
        """Ask one field alone, save it, then ask what no longer holds because of it."""
        key = (section, id(item), name)
        if key in self.done:
            return
        self.done.add(key)
        before = dict(item)
        update(item, field_of(section, name).ask(self.answers, item))
        if item != before:
            self.answers.save()
        for dependent in depends.CHANGED.get((section, name), ()):
            dependent(self, section, item, before)

    def add_item(self, section: str, preset: dict[str, Any] | None = None) -> None:
        """A new item, asked field by field and saved after each; then whatever a complete
        case needs of it (a new cause needs an action and a measure)."""
        kind, item = LISTS[section], dict(preset or {})
        if kind.prefix:
            used = {i.get("id") for name in LISTS for i in self.items(name)}
            item = {"id": next_id(kind.prefix, used), **item}
        if section in PIP_LISTS and not pick_metric(self, section, item):
            return
        self.answers.data[section] = [*self.items(section), item]
        self.answers.save()
        self.say(f"\nNew {kind.singular}", "heading")
        names = [n for n in NEW_FIELDS[section] if n not in item]
        if section == "metrics" and self.answers.is_pip:
            names += ["window_days", "target"]
        for name in names:
            update(item, field_of(section, name).ask(self.answers, item))
            self.answers.save()
            if name == "kind" and item.get("kind") == "invoice":
                names += ["supplier", "quantity"]
        for dependent in depends.ADDED.get(section, ()):
            dependent(self, section, item, {})


def pick_metric(review: Review, section: str, item: dict[str, Any]) -> bool:
    """A new metric's or milestone's metric: one poa knows, not in the case yet (a metric),
    or one of the case's (a milestone). False when there is none to pick."""
    catalog, case = review.answers.catalog, [m.get("metric") for m in review.items("metrics")]
    if section == "metrics":
        keys = [k for k in catalog.metrics if k not in case]
        titles = {k: catalog.metrics[k].name for k in keys}
    else:
        keys = [k for k in case if isinstance(k, str)]
        titles = {k: k for k in keys}
    if not keys:
        review.say(f"  No metric to add a {LISTS[section].singular} for.", "error")
        return False
    item["metric"] = review.answers.prompter.select(
        "Which metric?", [Option(titles[k], k) for k in keys]
    )
    return True


def article(noun: str) -> str:
    """The noun with 'a' or 'an'."""
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"
