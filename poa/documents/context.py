"""The context a document template sees: everything derived once from a case and the catalog.

Catalog text (titles, rules, metric names) arrives in the store's spelling; the seller's own
text arrives as written, with `{ID}` pointers turned into "Exhibit 2" or "root cause 1".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from poa.case.dates import deadline, document_date, format_date
from poa.case.marketplaces import MARKETPLACES, Marketplace
from poa.case.model import Case, Kind
from poa.catalog import ROUTES, Catalog, IssueType
from poa.documents import views
from poa.documents import wording as w
from poa.documents.spelling import for_store
from poa.errors import DocumentTemplateError


class Document(StrEnum):
    """Which document a case produces; the value is its template's name."""

    PLAN_OF_ACTION = "plan-of-action"
    IMPROVEMENT_PLAN = "performance-improvement-plan"
    RETRACTION_REQUEST = "retraction-request"
    COUNTER_NOTICE = "counter-notice"
    COVER_NOTE = "cover-note"
    INTERNAL_NOTE = "internal-note"

    @property
    def for_amazon_form(self) -> bool:
        """Whether the document is pasted into Seller Central's appeal form box by box."""
        return self in (Document.PLAN_OF_ACTION, Document.IMPROVEMENT_PLAN)


ROUTE_DOCUMENTS = {
    "retraction": Document.RETRACTION_REQUEST,
    "counter-notice": Document.COUNTER_NOTICE,
    "documents-only": Document.COVER_NOTE,
    "improve-and-monitor": Document.INTERNAL_NOTE,
}


def choose_document(case: Case, catalog: Catalog) -> Document:
    """The document the case calls for: what the catalog's route for its issue type needs,
    or the plan when the case asks for it (`document: plan-of-action`) or the route has no
    document of its own."""
    plan = (
        Document.PLAN_OF_ACTION if case.kind is Kind.PLAN_OF_ACTION else Document.IMPROVEMENT_PLAN
    )
    if case.document == "plan-of-action":
        return plan
    return ROUTE_DOCUMENTS.get(catalog.get(case.notification.issue_type).route, plan)


def check_document(case: Case, document: Document) -> None:
    """DocumentTemplateError naming what a document needs that the case lacks."""
    store = case.notification.marketplace
    problems = []
    if document is Document.COUNTER_NOTICE:
        if store != "US":
            raise DocumentTemplateError(
                f"notification.marketplace: a copyright counter-notice is a US procedure and "
                f"cannot be written for the {store} store: ask the rights owner for a "
                "retraction instead, or set document: plan-of-action"
            )
        for field in ("address", "phone"):
            if getattr(case.seller, field) is None:
                problems.append(f"seller.{field}")
        if case.dispute is None or case.dispute.material is None:
            problems.append("dispute.material")
    if document is Document.RETRACTION_REQUEST and case.dispute is None:
        problems.append("dispute.rights_owner")
    if document is Document.COVER_NOTE and not case.evidence:
        problems.append("evidence")
    if problems:
        raise DocumentTemplateError(
            f"the {document.value.replace('-', ' ')} needs {', '.join(problems)}: add "
            f"{'it' if len(problems) == 1 else 'them'} to the case, or set "
            "document: plan-of-action"
        )


@dataclass(frozen=True)
class IssueView:
    """An issue type as a letter to one store names it, with Amazon's rule where known."""

    key: str
    name: str
    rule: str
    policy: str
    addressee: str


def issue_view(issue: IssueType, us: bool) -> IssueView:
    """The issue's name (Amazon's metric name, or its title in that store) and rule."""
    if issue.metric:
        name = issue.metric.name
    else:
        name = issue.us_title if us and issue.us_title else issue.title
    return IssueView(
        key=issue.key,
        name=for_store(name, us),
        rule=w.sentence(for_store(issue.rule, us)) if issue.rule else "",
        policy=for_store(issue.policy, us) if issue.policy and issue.rule else "",
        addressee=issue.addressee,
    )


def build_context(case: Case, catalog: Catalog) -> dict[str, Any]:
    """Everything a document template reads, derived once from the case and catalog."""
    note = case.notification
    market = MARKETPLACES[note.marketplace]
    us = market.north_american
    today = document_date(case)
    issues = [issue_view(catalog.get(key), us) for key in note.issue_types]
    numbering = views.Numbering(
        {c.id: i for i, c in enumerate(case.root_causes, 1)},
        {e.id: i for i, e in enumerate(case.evidence, 1)},
    )
    names = numbering.names()

    def refs(text: str) -> str:
        return w.resolve_references(text, names)

    metrics = views.metric_rows(case, catalog, refs, us)
    token = case.seller.token_for(note.marketplace)
    return {
        **other_documents(case, catalog, refs, market),
        "case": case,
        "seller": case.seller,
        "notice": note,
        "issue": catalog.get(note.issue_type),
        "issues": issues,
        "route": ROUTES[catalog.get(note.issue_type).route],
        "marketplace": market,
        "us_spelling": us,
        "token": token,
        "deadline": deadline(case, catalog),
        "today": today,
        "cause_no": numbering.causes,
        "exhibit_no": numbering.exhibits,
        "title": document_title(case, issues, metrics),
        "addressee": issues[0].addressee,
        "reference": reference_lines(case, market, token),
        "cause_count": w.in_words(len(case.root_causes)),
        "metrics": metrics,
        "metric_lines": _metric_lines(case, metrics),
        "internal_targets": any(row.internal_target for row in metrics),
        "causes": views.cause_views(case, {i.key: i.name for i in issues}, numbering, refs, market),
        "actions": views.action_views(case, numbering, refs, market),
        "measures": views.measure_views(case, today, numbering, refs, market),
        "exhibits": views.exhibit_views(case, refs, market),
        "milestones": views.milestone_views(case, metrics, refs, market),
        "review_checks": [w.sentence(refs(c)) for c in case.review_checks],
        "closing": closing_request(case, market),
        "sign_off": "Sincerely," if us else "Kind regards,",
    }


def other_documents(case: Case, catalog: Catalog, refs: Any, market: Marketplace) -> dict[str, Any]:
    """What the documents other than a plan read besides the plan's context."""
    asins = case.notification.asins
    return {
        "document": choose_document(case, catalog).value,
        "changes": change_lines(case, refs, market),
        "exhibit_count": w.in_words(len(case.evidence)),
        "asin_list": ("ASIN " if len(asins) == 1 else "ASINs ") + w.join(asins),
    }


CHANGE_WORDS = {
    "listing-edit": "Listing edited",
    "listing-closed": "Listing closed",
    "units-removed": "Units removed from sale",
    "stock-destroyed": "Stock destroyed",
}


def change_lines(case: Case, refs: Any, market: Marketplace) -> list[tuple[str, str]]:
    """What was changed since the complaint, by date: the case's `changes`, or, when it gives
    none, its corrective actions."""
    if not case.changes:
        return [
            (format_date(a.completed_on, market), w.sentence(refs(a.action)))
            for a in sorted(case.corrective_actions, key=lambda a: a.completed_on)
        ]
    lines = []
    for change in sorted(case.changes, key=lambda c: c.done_on):
        facts = []
        if change.asins:
            facts.append(("ASIN " if len(change.asins) == 1 else "ASINs ") + w.join(change.asins))
        if change.units is not None:
            facts.append(w.counted(change.units, "unit"))
        head = CHANGE_WORDS[change.kind] + (f" ({', '.join(facts)})" if facts else "")
        lines.append(
            (format_date(change.done_on, market), f"{head}: {w.sentence(refs(change.detail))}")
        )
    return lines


def document_title(case: Case, issues: list[IssueView], metrics: list[views.MetricRow]) -> str:
    """What the document answers: every issue of the notice; for an improvement plan, the
    metrics that miss their target (a metric already within it stays out of the title)."""
    if case.kind is Kind.PERFORMANCE_IMPROVEMENT_PLAN and metrics:
        missing = [r.name for r in metrics if not r.meets_threshold] or [r.name for r in metrics]
        return w.join(missing)
    return w.join(i.name for i in issues)


def _metric_lines(case: Case, metrics: list[views.MetricRow]) -> list[str]:
    if case.kind is Kind.PERFORMANCE_IMPROVEMENT_PLAN:
        return [r.sentence() for r in metrics if not r.meets_threshold]
    return [r.sentence() for r in metrics]


def reference_lines(case: Case, market: Marketplace, token: str) -> list[tuple[str, str]]:
    """The reference block under the greeting: who writes, about which notice and items."""
    seller, note = case.seller, case.notification
    if seller.store_name.casefold() == seller.legal_name.casefold():
        who = f"{seller.legal_name}, on {market.store}"
    else:
        who = f"{seller.legal_name}, trading on {market.store} as {seller.store_name}"
    comma = "," if market.north_american else ""
    notice = f'"{note.subject}{comma}"{"" if comma else ","} received ' + format_date(
        note.received_on, market
    )
    if note.reference:
        notice += f", reference {note.reference}"
    lines = [("Seller", who), ("Merchant token", token), ("Notice", notice)]
    if note.order_ids:
        label = "Order named" if len(note.order_ids) == 1 else "Orders named"
        lines.append((label, ", ".join(note.order_ids)))
    if note.asins:
        label = "ASIN named" if len(note.asins) == 1 else "ASINs named"
        lines.append((label, ", ".join(note.asins)))
    if note.category:
        lines.append(("Category", note.category))
    return lines


def closing_request(case: Case, market: Marketplace) -> str:
    """The one thing the letter asks for, fitted to the account's status and scope."""
    note = case.notification
    statuses = note.statuses
    asks = []
    if "deactivated" in statuses:
        asks.append(f"reinstate our selling privileges on {market.store}")
    if "category-restricted" in statuses:
        where = f"the {note.category} category" if note.category else "the category concerned"
        asks.append(f"restore our seller-fulfilled privileges in {where}")
    if "listings-removed" in statuses:
        if note.asins:
            noun = "ASIN" if len(note.asins) == 1 else "ASINs"
            asks.append(f"restore our listings for {noun} {w.join(note.asins)}")
        else:
            asks.append("restore the listings that were removed")
    if "funds-held" in statuses:
        asks.append("release the funds held on our account")
    if not asks:
        plan = "plan of action" if case.kind is Kind.PLAN_OF_ACTION else "plan"
        which = f"notice {note.reference}" if note.reference else "this notice"
        asks.append(f"accept this {plan} and close {which} on our account")
    return f"We ask you to {w.join(asks)}."
