"""The rules a list item's fields are checked by at the review, beyond each field's own type:
dates against the notice and each other, links, an Order Defect Rate's defects by kind."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from poa.case import rules
from poa.case.dates import as_date
from poa.interview.answers import Answers
from poa.interview.measures import implied_start

DateRule = Callable[[Answers, dict[str, Any], date], str | None]


def links(item: dict[str, Any], name: str) -> list[str]:
    """The ids an item links to (nothing for a value that is not a list of ids)."""
    found = item.get(name)
    return [str(i) for i in found if isinstance(i, str)] if isinstance(found, list) else []


def breakdown_problem(count: Any, parts: dict[str, Any]) -> str | None:
    """What is wrong with an Order Defect Rate's defects by kind, given its count."""
    if not isinstance(count, int) or not parts:
        return None
    for name, value in parts.items():
        if isinstance(value, int) and value > count:
            return f"{name}: {value:,} is more than the {count:,} defective orders counted"
    total = sum(v for v in parts.values() if isinstance(v, int))
    if total < count:
        return (
            f"they add up to {total:,}, fewer than the {count:,} defective orders counted: "
            "every defective order has at least one defect"
        )
    return None


# Rules on dates, as the interview and `poa validate` apply them.


def cause_date(answers: Answers, item: dict[str, Any], day: date) -> str | None:
    """A cause cannot have happened in the future."""
    return rules.past_problem(day, answers.today)


def completion(answers: Answers, item: dict[str, Any], day: date) -> str | None:
    """An action is finished by today, after the problem began, by the document's date."""
    start = as_date(answers.value("problem_started_on"))
    problem = rules.completed_problem(day, answers.today, start)
    prepared = as_date(answers.data.get("prepared_on"))
    if problem is None and prepared and day > prepared:
        problem = f"{day} is after the document's date (prepared_on {prepared}): check the date"
    return problem


def issued(answers: Answers, item: dict[str, Any], day: date) -> str | None:
    """A document's date is not in the future, and an invoice's is recent."""
    received = as_date(answers.value("received_on"))
    return rules.evidence_date_problem(day, answers.today, str(item.get("kind")), received)


def due(answers: Answers, item: dict[str, Any], day: date) -> str | None:
    """A milestone falls after the notice."""
    received = as_date(answers.value("received_on"))
    if received and day <= received:
        return f"is not after the notice arrived ({received}): give a later date"
    return None


def measure_start(answers: Answers, item: dict[str, Any]) -> date | None:
    """The start proposed for a measure: the last finish of an action on its causes."""
    day = implied_start(answers, item)
    return day if isinstance(day, date) else None
