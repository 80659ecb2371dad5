"""Dates in a case: reading them, writing them for a store's reviewers, and the dates a case
implies (its deadline, the date on its documents, the fixed time stamped into files)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from poa.yamlfile import DATE_HINT

if TYPE_CHECKING:
    from poa.case.marketplaces import Marketplace
    from poa.case.model import Case
    from poa.catalog import Catalog, IssueType

STAMP_TIME = time(9, 0)  # documents carry their date at 09:00 UTC, never the clock


def parse_date(text: str) -> date:
    """A YYYY-MM-DD date; ValueError with the hint otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} {DATE_HINT}") from None


def as_date(value: Any) -> date | None:
    """A date from a date or its ISO text, or None."""
    if isinstance(value, date):
        return value
    try:
        return parse_date(str(value)) if value else None
    except ValueError:
        return None


def format_date(value: date, market: Marketplace) -> str:
    """A date written the way this store's reviewers read it."""
    month = value.strftime("%B")
    if market.date_order == "MDY":
        return f"{month} {value.day}, {value.year}"
    return f"{value.day} {month} {value.year}"


def stamp(day: date) -> datetime:
    """The fixed moment written into a document's metadata for its date."""
    return datetime.combine(day, STAMP_TIME, tzinfo=UTC)


def deadline(case: Case, catalog: Catalog) -> date | None:
    """The answer's due date: as given, or the issue type's usual window after receipt."""
    if case.notification.deadline:
        return case.notification.deadline
    issue = catalog.types.get(case.notification.issue_type)
    return usual_deadline(case.notification.received_on, issue) if issue else None


def usual_deadline(received: date, issue: IssueType) -> date | None:
    """The due date a notice of this issue type usually gives (its window after receipt), or
    None where Amazon sets no usual window."""
    if issue.deadline_days is None:
        return None
    return received + timedelta(days=issue.deadline_days)


def document_date(case: Case) -> date:
    """The date printed on the document: given, or the latest past date in the case."""
    if case.prepared_on:
        return case.prepared_on
    dates = [case.notification.received_on]
    dates += [a.completed_on for a in case.corrective_actions]
    dates += [e.issued_on for e in case.evidence if e.issued_on]
    return max(dates)
