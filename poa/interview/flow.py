"""The order of the interview's steps, and the single answers that depend on each other; the
review itself is in review.py."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from poa.case.files import case_from_data
from poa.catalog import Catalog
from poa.errors import CaseInvalidError
from poa.interview.answers import SECTIONS, Answers, model_of
from poa.interview.causes import ask_corrective_actions, ask_root_causes
from poa.interview.draft import EMPTY, DraftFile, Step
from poa.interview.evidence import ask_evidence
from poa.interview.fields import field_problem
from poa.interview.measures import ask_preventive_measures
from poa.interview.metrics import REVIEW_CADENCE, ask_metrics, ask_milestones
from poa.interview.notice import offer_notice
from poa.interview.questions import (
    NOTIFICATION,
    SCOPE,
    SELLER,
    Question,
    ask,
    notice_issues,
    offer_profile,
    remember_profile,
)
from poa.interview.review import Review
from poa.interview.terminal import Entry, Prompts

# Each step's questions, in the order asked.
QUESTIONS: dict[Step, tuple[Question, ...]] = {
    "notification": NOTIFICATION,
    "seller": SELLER,
    "scope": SCOPE,
    "root_causes": (Question("root_causes", "Root causes", form="items", custom=ask_root_causes),),
    "corrective_actions": (
        Question(
            "corrective_actions", "Corrective actions", form="items", custom=ask_corrective_actions
        ),
    ),
    "preventive_measures": (
        Question(
            "preventive_measures",
            "Preventive measures",
            form="items",
            custom=ask_preventive_measures,
        ),
    ),
    "evidence": (Question("evidence", "Evidence", form="items", custom=ask_evidence),),
    "metrics": (
        Question("metrics", "Metrics", form="items", custom=ask_metrics),
        Question("milestones", "Milestones", form="items", custom=ask_milestones),
        REVIEW_CADENCE,
    ),
}
TITLES: dict[Step, str] = {
    "notification": "The notification",
    "seller": "The seller",
    "scope": "Scope",
    "root_causes": "Root causes",
    "corrective_actions": "Corrective actions",
    "preventive_measures": "Preventive measures",
    "evidence": "Evidence",
    "metrics": "Metrics and milestones",
}
METRIC_STEP: Step = "metrics"  # for an improvement plan, or a notice about a metric
BY_NAME = {q.name: q for step in QUESTIONS.values() for q in step}
PIP_ONLY = {"milestones", "review_cadence"}
# Changing an answer asks these again.
AFTER: dict[str, tuple[str, ...]] = {
    "issue_type": ("kind", "root_causes", "evidence", "metrics"),
    "kind": ("metrics", "review_cadence"),
    "received_on": ("deadline",),
    "root_causes": ("corrective_actions", "preventive_measures"),
    "metrics": ("milestones",),
}
# Around a step's questions: before, after.
Hook = Callable[[Answers], None]
HOOKS: dict[Step, tuple[Hook | None, Hook | None]] = {
    "notification": (offer_notice, None),
    "seller": (offer_profile, remember_profile),
}
# The sections the interview reads, and the shape each must have to be read.
SHAPES: dict[str, type] = {
    **dict.fromkeys(SECTIONS, dict),
    **{q.name: list for q in BY_NAME.values() if q.listed},
}


@dataclass
class Interview:
    """One interview: its answers, asked step by step, then reviewed."""

    answers: Answers

    @classmethod
    def start(
        cls,
        path: Path,
        catalog: Catalog,
        prompter: Prompts,
        today: date,
        profile: Path | None = None,
    ) -> Interview:
        """A new interview saved to a new file."""
        return cls(Answers(DraftFile.start(path), prompter, catalog, today, profile))

    @classmethod
    def resume(
        cls,
        path: Path,
        catalog: Catalog,
        prompter: Prompts,
        today: date,
        profile: Path | None = None,
    ) -> Interview:
        """Continue a saved interview, or edit a complete case (from its review)."""
        return cls(Answers(DraftFile.open(path, SHAPES), prompter, catalog, today, profile))

    @property
    def draft(self) -> DraftFile:
        """The file the answers are saved in."""
        return self.answers.draft

    def steps(self) -> list[Step]:
        """The steps this case has, in order (metrics for an improvement plan, or for a
        plan of action answering a notice about a metric)."""
        return [s for s in QUESTIONS if s != METRIC_STEP or self.asks_metrics]

    @property
    def asks_metrics(self) -> bool:
        """Whether the case states metrics: an improvement plan, or a metric's notice."""
        key = self.answers.value("issue_type")
        if self.answers.is_pip:
            return True
        if not isinstance(key, str) or key not in self.answers.catalog:
            return False
        return any(issue.metric is not None for issue in notice_issues(self.answers))

    def questions(self, step: Step) -> list[Question]:
        """The step's questions this case has (milestones for an improvement plan only)."""
        return [q for q in QUESTIONS[step] if q.name not in PIP_ONLY or self.answers.is_pip]

    def run(self) -> bool:
        """Ask every step from where the interview stands, then review; True when the case
        is complete, False when the seller stops at the review."""
        order = list(QUESTIONS)
        asked = False
        for step in order[order.index(self.draft.step) :] if self.draft.step in order else []:
            if step in self.steps():  # asked one by one: the answers decide if metrics are
                self.answers.save(step)
                self.answers.prompter.say(f"\n== {TITLES[step]} ==", "heading")
                self.run_step(step)
                asked = True
        if asked:  # a case opened at its review is not rewritten just for opening it
            self.answers.save("review")
        return self.review()

    def run_step(self, step: Step) -> None:
        """Ask a step's questions, but not the single answers it already has (on resume)."""
        begin, end = HOOKS.get(step, (None, None))
        if begin:
            begin(self.answers)
        for question in self.questions(step):
            value = self.answers.value(question.name)
            # A group of fields left half answered (a signer with no role yet) is asked again.
            unfinished = isinstance(value, dict) and bool(
                field_problem(model_of(question.name), question.name, value)
            )
            if question.listed or value in EMPTY or unfinished:
                ask(self.answers, question)
        if end:
            end(self.answers)

    def review(self) -> bool:
        """Show every answer; let the user change any answer or any field of a list item.
        True when finished."""
        return Review(self).run()

    def review_menu(self) -> list[Entry]:
        """The review's menu: finish, every answer and list item by step, stop."""
        return Review(self).menu()

    def sections(self) -> list[tuple[str, list[Question]]]:
        """The steps as the review shows them: title and questions."""
        return [(TITLES[step], self.questions(step)) for step in self.steps()]

    def change(self, name: str, done: set[str] | None = None) -> None:
        """Ask one question again, then every answer that depends on it."""
        done = set() if done is None else done
        done.add(name)
        question = BY_NAME[name]
        before = copy.deepcopy(self.answers.value(name))
        ask(self.answers, question)
        if not question.listed and self.answers.value(name) == before:
            return  # an answer kept as it was breaks nothing
        after = [*AFTER.get(name, ())]
        if name == "corrective_actions" and self.answers.pending_measures:
            after.append("preventive_measures")
        asked = {q.name for step in self.steps() for q in self.questions(step)}
        for dependent in after:
            if dependent in done or dependent not in asked:
                continue  # a plan of action for a policy has no metrics to check again
            self.answers.prompter.say(
                f"\n{BY_NAME[dependent].label}: this answer depends on the one you changed; "
                "please check it again.",
                "heading",
            )
            self.change(dependent, done)

    def problems(self) -> list[str]:
        """Every problem `poa validate` would report for the case as it stands."""
        answers = self.answers
        try:
            case_from_data(
                answers.data,
                catalog=answers.catalog,
                today=answers.today,
                name=str(self.draft.path),
            )
        except CaseInvalidError as exc:
            return [f"{p.field}: {p.message}" for p in exc.problems]
        return []
