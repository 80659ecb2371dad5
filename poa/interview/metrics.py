"""An improvement plan's numbers: metrics now and targets, dated milestones, review cadence."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from poa.case.dates import as_date
from poa.case.model import Metric, Milestone
from poa.catalog import MetricSpec
from poa.documents import wording
from poa.interview import fields
from poa.interview.answers import Answers
from poa.interview.draft import ListDraft
from poa.interview.questions import Question, notice_issues
from poa.interview.terminal import Option

MILESTONE_DAYS = (14, 30)  # after the notice: halfway there, then the target
REVIEW_CHECKS = (
    "Each metric's value against the next milestone",
    "Whether every measure ran as scheduled",
)


def ask_metrics(answers: Answers) -> None:
    """Which metrics the plan covers, each with its value now, window and target."""
    catalog, prompter = answers.catalog, answers.prompter
    old = {m.get("metric"): m for m in answers.items("metrics")}
    noticed = [issue.metric.key for issue in notice_issues(answers) if issue.metric]
    keys = list(dict.fromkeys([*(k for k in old if k in catalog.metrics), *noticed]))
    if not answers.is_pip:  # a plan of action states the metrics of the notice's issues
        chosen = [k for k in keys if k in noticed] or keys[:1] or list(catalog.metrics)[:1]
        draft = answers.list_draft("metrics", list(old.values()), key=lambda m: m.get("metric"))
        for key in chosen:
            ask_metric(answers, draft, catalog.metrics[key], old.get(key, {}))
        draft.finish()
        return
    chosen = prompter.checkbox(
        "Which metrics does the plan cover?",
        [Option(spec.name, key, key in keys) for key, spec in catalog.metrics.items()],
    )
    if not chosen:
        chosen = keys or [next(iter(catalog.metrics))]
        prompter.say(f"  None ticked: the plan covers {', '.join(chosen)}.")
    draft = answers.list_draft("metrics", list(old.values()), key=lambda m: m.get("metric"))
    for key in chosen:
        ask_metric(answers, draft, catalog.metrics[key], old.get(key, {}))
    draft.finish()


def ask_metric(
    answers: Answers, draft: ListDraft, spec: MetricSpec, previous: dict[str, Any]
) -> None:
    """One metric: its value now, its window and the target."""
    prompter = answers.prompter
    prompter.say(
        f"\n{spec.name}: Amazon expects it {wording.target(spec.threshold, spec.better)}.",
        "heading",
    )
    metric = draft.add({**previous, "metric": spec.key})
    value = fields.ask_field(
        prompter,
        Metric,
        "value",
        "Its value now, in percent (as Account Health shows it)",
        previous.get("value", ""),
        convert=fields.to_percent,
    )
    draft.set(metric, "value", value)
    ask_counts(answers, draft, metric, previous)
    if not answers.is_pip:  # the target is Amazon's; the window is the catalog's
        return
    window = fields.ask_field(
        prompter,
        Metric,
        "window_days",
        "Window in days",
        previous.get("window_days", spec.window_days or ""),
        optional=True,
        convert=fields.to_number,
    )
    draft.set(metric, "window_days", window)
    target = fields.ask_field(
        prompter,
        Metric,
        "target",
        "Your target, in percent",
        previous.get("target", spec.threshold),
        convert=fields.to_percent,
    )
    draft.set(metric, "target", target)


COUNTS = re.compile(r"\s*([\d,.\u00a0 ']+?)\s*(?:of|/|out of)\s*([\d,.\u00a0 ']+?)\s*")


def counts(text: str, value: Any = None) -> tuple[Any, Any] | str:
    """'34 of 1,710' (or 34/1710) as two numbers, or the problem to show (also when they do
    not give the value stated, to the decimals it is given with)."""
    match = COUNTS.fullmatch(text)
    if not match:
        return "is not two numbers: write them as 34 of 1,710, or press Enter"
    count, total = (fields.to_number(part) for part in match.groups())
    for name, number in (("count", count), ("total", total)):
        problem = fields.field_problem(Metric, name, number)
        if problem:
            return f"{name}: {problem}"
    if count > total:
        return "the first number is more than the second: write them as 34 of 1,710"
    if isinstance(value, int | float):
        decimals = len(repr(float(value)).partition(".")[2])
        if abs(count / total * 100 - value) > 0.5 / 10.0 ** max(1, decimals) + 1e-9:
            return (
                f"{count:,} of {total:,} is {count / total * 100:.2f}%, not {value}%: "
                "correct the numbers, or press Enter to leave them out"
            )
    return count, total


def ask_counts(
    answers: Answers, draft: ListDraft, metric: dict[str, Any], previous: dict[str, Any]
) -> None:
    """How many orders counted against the metric, of how many, when the seller knows."""
    known = previous.get("count"), previous.get("total")
    value = metric.get("value")

    def check(typed: str) -> bool | str:
        found = counts(typed, value)
        return True if not typed.strip() or isinstance(found, tuple) else found

    text = answers.prompter.text(
        "How many orders counted against it, of how many? (Enter if you do not know)",
        f"{known[0]} of {known[1]}" if None not in known else "",
        validate=check,
        instruction="(such as 34 of 1,710)",
    )
    found = counts(text, value) if text.strip() else (None, None)
    if isinstance(found, tuple):
        draft.set(metric, "count", found[0])
        draft.set(metric, "total", found[1])


def ask_milestones(answers: Answers) -> None:
    """Dated targets for each metric: halfway in two weeks and the target in a month are
    proposed; milestones of metrics poa does not know are kept as they are."""
    old = answers.items("milestones")
    # Milestones have no ids: one asked again is the same dict, updated in place.
    draft = answers.list_draft("milestones", old, key=id)
    for metric in answers.items("metrics"):
        key = metric.get("metric")
        spec = answers.catalog.metrics.get(key) if isinstance(key, str) else None
        if spec is None:  # the review reports it
            for milestone in old:
                if milestone.get("metric") == key:
                    draft.add(milestone)
            continue
        mine = [m for m in old if m.get("metric") == key]
        for number, milestone in enumerate(mine or proposed(answers, metric, spec), 1):
            draft.add(milestone)
            ask_milestone(answers, draft, milestone, f"{spec.name}, milestone {number}")
    draft.finish()


def proposed(answers: Answers, metric: dict[str, Any], spec: MetricSpec) -> list[dict[str, Any]]:
    """Two milestones: halfway from the value now to the target, then the target."""
    received = as_date(answers.value("received_on")) or answers.today
    value, target = metric.get("value"), metric.get("target", spec.threshold)
    halfway = (
        round((value + target) / 2, 2)
        if isinstance(value, int | float) and isinstance(target, int | float)
        else target
    )
    return [
        {"metric": spec.key, "due_on": received + timedelta(days=days), "target": goal}
        for days, goal in zip(MILESTONE_DAYS, (halfway, target), strict=True)
    ]


def ask_milestone(
    answers: Answers, draft: ListDraft, milestone: dict[str, Any], title: str
) -> None:
    """One milestone's date and value."""
    prompter = answers.prompter
    due = fields.ask_date(
        prompter, Milestone, "due_on", f"{title}: date", as_date(milestone.get("due_on"))
    )
    draft.set(milestone, "due_on", due)
    target = fields.ask_field(
        prompter,
        Milestone,
        "target",
        "Value by then, in percent",
        milestone.get("target"),
        convert=fields.to_percent,
    )
    draft.set(milestone, "target", target)


def add_review_checks(answers: Answers) -> None:
    """What each review checks, unless the case says already."""
    if not answers.data.get("review_checks"):
        answers.answer("review_checks", list(REVIEW_CHECKS))


REVIEW_CADENCE = Question(
    "review_cadence",
    "Reviewed",
    "How often is the plan reviewed?",
    "choice",
    {"bi-weekly": "Every two weeks"},
    propose=lambda answers: "weekly",
    then=add_review_checks,
)
