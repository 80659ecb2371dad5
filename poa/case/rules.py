"""Rules that span several fields of a case: dates in order, links that resolve, coverage."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta

from poa.case import consistency
from poa.case.model import Case, Kind
from poa.catalog import Catalog

Finding = tuple[tuple[str | int, ...], str]
Rule = Callable[[Case, Catalog, date], Iterable[Finding]]


def _issue_type(case: Case, catalog: Catalog, today: date) -> Iterator[Finding]:
    key = case.notification.issue_type
    if key not in catalog:
        yield ("notification", "issue_type"), f"unknown issue type {key!r}: {catalog.suggest(key)}"


def received_problem(received: date, today: date) -> str | None:
    """What is wrong with a notice's receipt date, if anything."""
    if received > today:
        return f"{received} is in the future: give the date the notice arrived"
    return None


def deadline_problem(deadline: date, received: date) -> str | None:
    """What is wrong with a deadline, if anything."""
    if deadline <= received:
        return "is not after the date the notice was received"
    return None


def completed_problem(completed: date, today: date, start: date | None) -> str | None:
    """What is wrong with a corrective action's completion date, if anything."""
    if completed > today:
        return (
            f"{completed} is in the future: a corrective action must already be done; record "
            "it as a preventive measure or add it once finished"
        )
    if start and completed < start:
        return f"{completed} is before the problem began ({start}): check the date"
    return None


def past_problem(value: date, today: date) -> str | None:
    """What is wrong with a date that cannot be in the future, if anything."""
    return "is in the future: check the date" if value > today else None


INVOICE_DAYS = 365


def evidence_date_problem(
    issued: date, today: date, kind: str, received: date | None
) -> str | None:
    """What is wrong with the date on a document, if anything. Invoices have to be recent."""
    if issued > today:
        return "is in the future: check the date on the document"
    if kind == "invoice" and received and issued < received - timedelta(days=INVOICE_DAYS):
        return (
            f"{issued} is more than {INVOICE_DAYS} days before the notice ({received}): "
            f"reviewers look for invoices from the {INVOICE_DAYS} days before it; attach a "
            "more recent one"
        )
    return None


def _dates(case: Case, catalog: Catalog, today: date) -> Iterator[Finding]:
    note = case.notification
    if problem := received_problem(note.received_on, today):
        yield ("notification", "received_on"), problem
    if note.deadline and (problem := deadline_problem(note.deadline, note.received_on)):
        yield ("notification", "deadline"), problem
    if note.problem_started_on and note.problem_started_on > note.received_on:
        yield ("notification", "problem_started_on"), "is after the notice arrived"
    start = note.problem_started_on
    for i, action in enumerate(case.corrective_actions):
        if problem := completed_problem(action.completed_on, today, start):
            yield ("corrective_actions", i, "completed_on"), problem
        elif case.prepared_on and action.completed_on > case.prepared_on:
            yield (
                ("corrective_actions", i, "completed_on"),
                f"{action.completed_on} is after the document's date (prepared_on "
                f"{case.prepared_on}): a plan cannot report as done what is finished later",
            )
    for i, cause in enumerate(case.root_causes):
        if cause.occurred_on and (problem := past_problem(cause.occurred_on, today)):
            yield ("root_causes", i, "occurred_on"), problem
    for i, item in enumerate(case.evidence):
        if item.issued_on and (
            problem := evidence_date_problem(item.issued_on, today, item.kind, note.received_on)
        ):
            yield ("evidence", i, "issued_on"), problem
    if case.prepared_on and case.prepared_on < note.received_on:
        yield ("prepared_on",), "is before the notice arrived: check the date"
    for i, sub in enumerate(case.submissions):
        if sub.submitted_on > today:
            yield ("submissions", i, "submitted_on"), "is in the future: check the date"


def _ids(case: Case, catalog: Catalog, today: date) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    sections = ("root_causes", "corrective_actions", "preventive_measures", "evidence")
    for section in sections:
        for i, item in enumerate(getattr(case, section)):
            if item.id in seen:
                yield (
                    (section, i, "id"),
                    f"id {item.id!r} is already used in {seen[item.id]}: give each item its own id",
                )
            seen.setdefault(item.id, section)
    causes = {c.id for c in case.root_causes}
    evidence = {e.id for e in case.evidence}
    for section in ("corrective_actions", "preventive_measures"):
        for i, item in enumerate(getattr(case, section)):
            for j, ref in enumerate(item.root_causes):
                if ref not in causes:
                    yield (section, i, "root_causes", j), _missing(ref, "root cause", causes)
    for section in ("root_causes", "corrective_actions", "preventive_measures"):
        for i, item in enumerate(getattr(case, section)):
            for j, ref in enumerate(item.evidence):
                if ref not in evidence:
                    yield (section, i, "evidence", j), _missing(ref, "evidence item", evidence)


def _missing(ref: str, what: str, known: set[str]) -> str:
    listed = ", ".join(sorted(known)) or "none yet"
    return f"no {what} has the id {ref!r} (known: {listed}): fix the id or add the {what}"


def _coverage(case: Case, catalog: Catalog, today: date) -> Iterator[Finding]:
    for i, cause in enumerate(case.root_causes):
        if not any(cause.id in a.root_causes for a in case.corrective_actions):
            yield (
                ("root_causes", i),
                f"root cause {cause.id!r} has no corrective action: "
                "Amazon expects every cause answered by something already done",
            )
        if not any(cause.id in m.root_causes for m in case.preventive_measures):
            yield (
                ("root_causes", i),
                f"root cause {cause.id!r} has no preventive measure: "
                "add the control that now stops it happening again",
            )


def _seller(case: Case, catalog: Catalog, today: date) -> Iterator[Finding]:
    seller = case.seller
    for code in seller.merchant_tokens:
        if code not in seller.marketplaces:
            yield ("seller", "merchant_tokens", code), f"{code} is not among seller.marketplaces"
    if case.notification.marketplace not in seller.marketplaces:
        yield (
            ("notification", "marketplace"),
            f"{case.notification.marketplace} is not among "
            "seller.marketplaces: add it there or correct it here",
        )


def _metrics(case: Case, catalog: Catalog, today: date) -> Iterator[Finding]:
    names = {m.metric for m in case.metrics}
    for i, metric in enumerate(case.metrics):
        unknown = metric.metric not in catalog.metrics
        if unknown and (metric.target is None or metric.better is None):
            yield (
                ("metrics", i, "metric"),
                f"{metric.metric!r} is not a catalog metric "
                f"({', '.join(sorted(catalog.metrics))}): give its target and better "
                "(lower or higher) yourself",
            )
    for i, milestone in enumerate(case.milestones):
        if milestone.metric not in names:
            yield (
                ("milestones", i, "metric"),
                f"{milestone.metric!r} is not one of the case's "
                "metrics: list it under metrics first",
            )
        if milestone.due_on <= case.notification.received_on:
            yield ("milestones", i, "due_on"), "is not after the notice arrived"
    if case.kind is Kind.PERFORMANCE_IMPROVEMENT_PLAN:
        if not case.metrics:
            yield ("metrics",), "an improvement plan needs at least one metric with its value now"
        if not case.milestones:
            yield ("milestones",), "an improvement plan needs dated milestones"
        if case.review_cadence is None:
            yield (
                ("review_cadence",),
                "an improvement plan needs a review cadence (weekly or bi-weekly are usual)",
            )


# Errors stop a case; warnings let it through and are reported beside it. A later check
# (a reviewer's reading of the case, say) adds its rule to one of these lists.
ERROR_RULES: list[Rule] = [
    _issue_type,
    _dates,
    _ids,
    _coverage,
    _seller,
    _metrics,
    consistency.issue_causes,
    consistency.category,
    consistency.metric_counts,
    consistency.invoice_quantities,
    consistency.placeholders,
    consistency.references,
]
WARNING_RULES: list[Rule] = [
    consistency.unstarted_measures,
    consistency.notice_items_covered,
    consistency.invoice_coverage,
    consistency.lax_targets,
]


def case_findings(case: Case, catalog: Catalog, today: date) -> list[Finding]:
    """Every cross-field rule the case breaks, as (location, message)."""
    return [finding for rule in ERROR_RULES for finding in rule(case, catalog, today)]


def case_warnings(case: Case, catalog: Catalog, today: date) -> list[Finding]:
    """What a valid case would do better to fix, as (location, message)."""
    return [finding for rule in WARNING_RULES for finding in rule(case, catalog, today)]
