"""Picking from the catalog's suggestions: a checklist with the seller's own answer, the
suggestions for the cause at hand first, and the catalog cause a seller's cause comes from."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from poa.checks.findings import FieldKind
from poa.interview import fields
from poa.interview.answers import Answers
from poa.interview.questions import current_issue
from poa.interview.terminal import Entry, Heading, Option

OWN = "My own (type it)"
FOR_THIS_CAUSE = "-- For this cause --"
OTHERS = "-- Others for this issue --"
_WORD = re.compile(r"[a-z0-9]{3,}")


def pick(
    answers: Answers,
    message: str,
    suggestions: Sequence[Any],
    checked: set[Any],
    required: bool = True,
    kind: FieldKind | None = None,
    paired: Collection[Any] = (),
    headings: Mapping[Any, str] | None = None,
) -> list[Any]:
    """Suggestions as a checklist plus 'my own' (checked as the reviewer reads this kind of
    text); at least one answer when required. The `paired` suggestions (those the catalog
    gives for this cause) come first, under their own heading; `headings` puts a heading
    before the suggestions it names instead."""
    prompter, issue = answers.prompter, current_issue(answers)

    def check(text: str) -> bool | str:
        problem = fields.nonempty(text)
        return fields.reviewed(kind, issue, text) or True if problem is True else problem

    while True:
        options = [Option(str(s), s, s in checked) for s in suggestions]
        entries = titled(options, headings) if headings else grouped(options, paired)
        picked = prompter.checkbox(
            message + " (space to tick, Enter when done)", [*entries, Option(OWN, OWN)]
        )
        result = [p for p in picked if p != OWN]
        if OWN in picked:
            own = prompter.long_text("Describe it", validate=check)
            while not fields.kept(prompter, kind, issue, own):
                own = prompter.long_text("Describe it", own, validate=check)
            answers.typed.add(own)
            result.append(own)
        if result or not required:
            return result
        prompter.say("  Pick at least one, or choose 'My own'.", "error")


def grouped(options: list[Option], paired: Collection[Any]) -> list[Entry]:
    """The options for this cause (those ticked already, then the catalog's for it) first,
    each group under a heading (no headings when the options are all of one group)."""
    first = [o for o in options if o.checked or o.value in paired]
    rest = [o for o in options if not (o.checked or o.value in paired)]
    if not first or not rest:
        return [*options]
    return [Heading(FOR_THIS_CAUSE), *first, Heading(OTHERS), *rest]


def titled(options: list[Option], headings: Mapping[Any, str]) -> list[Entry]:
    """The options with a heading before each one `headings` names."""
    entries: list[Entry] = []
    for option in options:
        if option.value in headings:
            entries.append(Heading(headings[option.value]))
        entries.append(option)
    return entries


def catalog_position(causes: Sequence[str], summary: str) -> int | None:
    """The 1-based position of the catalog cause a seller's cause comes from: the same
    sentence, or the one sharing most of its words with it when the seller reworded it (at
    least half of the catalog sentence's words); None for a cause of the seller's own."""
    if summary in causes:
        return causes.index(summary) + 1
    mine = set(_WORD.findall(summary.lower()))
    best, share = None, 0.5
    for number, text in enumerate(causes, 1):
        theirs = set(_WORD.findall(text.lower()))
        if theirs and len(mine & theirs) / len(theirs) >= share:
            best, share = number, len(mine & theirs) / len(theirs) + 1e-9
    return best
