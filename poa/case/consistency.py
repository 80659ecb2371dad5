"""Rules that check a case says one consistent thing: each issue of the notice explained,
metric counts that give the stated rate, invoices that add up and cover sales, no bracketed
instruction left in, pointers that resolve, and every notice ASIN and order answered."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from poa.case.dates import document_date
from poa.case.model import Case
from poa.catalog import Catalog

Finding = tuple[tuple[str | int, ...], str]

# The fields a document prints in the seller's words; the notice's own text, subject and
# policy names are Amazon's words and may hold anything.
PRINTED = (
    "seller",
    "root_causes",
    "corrective_actions",
    "preventive_measures",
    "evidence",
    "metrics",
    "milestones",
    "review_checks",
)
_BRACKET = re.compile(r"\[([^\[\]]{1,80})\](?!\()")
_EDITORIAL = {
    "sic",
    "sic!",
    "emphasis added",
    "emphasis ours",
    "emphasis mine",
    "redacted",
    "translated",
    "translation",
    "illegible",
    "original",
}
_INSERTION_WORDS = {
    "the", "a", "an", "this", "that", "these", "those", "our", "their", "his", "her", "its",
    "we", "they", "he", "she", "it", "i", "us", "them",
}  # fmt: skip
_INSTRUCTION_WORDS = {
    "insert", "add", "enter", "write", "describe", "explain", "list", "give", "fill",
    "replace", "type", "attach", "include", "state", "provide", "mention", "specify", "your",
}  # fmt: skip
_REFERENCE = re.compile(r"\{\s*([A-Za-z][A-Za-z0-9_.-]{0,39})\s*\}")
_ASIN = re.compile(r"\b(?:B0[0-9A-Z]{8}|\d{9}[\dX])\b", re.IGNORECASE)
_ORDER = re.compile(r"\b\d{3}-\d{7}-\d{7}\b")


def placeholder(content: str) -> bool:
    """Whether the text between square brackets is an instruction left in, such as [brand]
    or [your company], rather than [sic], a count such as [3] or an insertion [the buyer]."""
    text = " ".join(content.split()).lower()
    words = re.findall(r"[a-z']+", text)
    if not words or re.search(r"\d", text) or text in _EDITORIAL:
        return False
    if words[0] in _INSTRUCTION_WORDS:
        return True
    if words[0] in _INSERTION_WORDS:
        return False
    return len(words) <= 6


def printed_texts(case: Case) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every piece of the seller's text a document prints, with where it is in the case."""
    data = case.model_dump(mode="json", include=set(PRINTED))
    yield from _walk(data, ())


def _walk(value: Any, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*loc, index))


def placeholders(case: Case, catalog: Catalog, today: date) -> Iterator[Finding]:
    """A bracketed instruction ([brand], [your company]) left in printed text."""
    for loc, text in printed_texts(case):
        for match in _BRACKET.finditer(text):
            if placeholder(match.group(1)):
                yield (
                    loc,
                    (
                        f"{match.group(0)!r} looks like a placeholder left in: replace it with "
                        "the real fact (brackets stay for [sic], counts such as [3] and "
                        "insertions such as [the buyer])"
                    ),
                )


def references(case: Case, catalog: Catalog, today: date) -> Iterator[Finding]:
    """Each `{ID}` in printed text names an exhibit or a root cause of the case."""
    known = {e.id for e in case.evidence} | {c.id for c in case.root_causes}
    for loc, text in printed_texts(case):
        for match in _REFERENCE.finditer(text):
            if match.group(1) not in known:
                # A case always has a root cause, so some id is always known.
                yield (
                    loc,
                    f"{match.group(0)} points at no evidence item or root cause (known: "
                    f"{', '.join(sorted(known))}): write one of their ids, such as "
                    f"{{{_closest(match.group(1), known)}}}",
                )


def _closest(name: str, known: set[str]) -> str:
    """The known id most like `name`, the first in order among those alike."""
    upper = name.upper()
    return max(sorted(known), key=lambda k: difflib.SequenceMatcher(None, upper, k.upper()).ratio())


def issue_causes(case: Case, catalog: Catalog, today: date) -> Iterator[Finding]:
    """Each issue type the notice cites is known and explained by at least one root cause."""
    note = case.notification
    for i, key in enumerate(note.other_issue_types):
        where = ("notification", "other_issue_types", i)
        if key == note.issue_type:
            yield where, f"{key!r} is already the notice's issue_type: list it once"
        elif key not in catalog:
            yield where, f"unknown issue type {key!r}: {catalog.suggest(key)}"
    cited = note.issue_types
    for i, cause in enumerate(case.root_causes):
        if cause.issue_type is not None and cause.issue_type not in cited:
            yield (
                ("root_causes", i, "issue_type"),
                (
                    f"{cause.issue_type!r} is not one of the notice's issue types "
                    f"({', '.join(cited)}): add it to notification.other_issue_types or correct it"
                ),
            )
    explained = {cause.issue_type or note.issue_type for cause in case.root_causes}
    for i, key in enumerate(note.other_issue_types):
        if key not in explained and key != note.issue_type:
            yield (
                ("notification", "other_issue_types", i),
                (
                    f"no root cause explains {key!r}: add one with `issue_type: {key}`, since "
                    "Amazon expects an answer to every issue in the notice"
                ),
            )
    if note.other_issue_types and note.issue_type not in explained:
        yield (
            ("notification", "issue_type"),
            (
                f"no root cause explains {note.issue_type!r}: a cause without issue_type counts "
                "for it; add one"
            ),
        )


def category(case: Case, catalog: Catalog, today: date) -> Iterator[Finding]:
    """A category restriction names its category, so the letter can ask for it back."""
    note = case.notification
    if "category-restricted" in note.statuses and not note.category:
        yield (
            ("notification", "account_status"),
            (
                "category-restricted needs the category: add `category:` to the notification, "
                "as the notice names it"
            ),
        )


def _tolerance(value: float) -> float:
    # Half a unit of the last decimal the value is given with: 2.0 allows 1.95 to 2.05.
    text = repr(float(value))
    decimals = len(text.partition(".")[2]) if "e" not in text else 2
    return 0.5 / 10.0 ** max(1, decimals) + 1e-9


def metric_counts(case: Case, catalog: Catalog, today: date) -> Iterator[Finding]:
    """Counts behind a metric give its stated rate, and its defects add up."""
    for i, metric in enumerate(case.metrics):
        count, total = metric.count, metric.total
        if (count is None) != (total is None):
            missing = "total" if total is None else "count"
            yield (
                ("metrics", i, missing),
                (
                    f"is missing: give both count and total (such as 34 of 1,710 {metric.unit}), "
                    "or neither"
                ),
            )
        elif count is not None and total is not None:
            if count > total:
                yield ("metrics", i, "count"), f"is more than the total ({total:,})"
            elif abs(count / total * 100 - metric.value) > _tolerance(metric.value):
                yield (
                    ("metrics", i, "value"),
                    (
                        f"{count:,} of {total:,} is {count / total * 100:.2f}%, not "
                        f"{metric.value}%: correct the value or the counts"
                    ),
                )
        yield from _breakdown(case, i)


def _breakdown(case: Case, i: int) -> Iterator[Finding]:
    metric = case.metrics[i]
    if metric.breakdown is None:
        return
    if metric.metric != "order-defect-rate":
        yield (
            ("metrics", i, "breakdown"),
            (
                "a breakdown by negative feedback, A-to-z claims and chargebacks applies to "
                "the order-defect-rate metric only"
            ),
        )
        return
    parts, count = metric.breakdown.parts(), metric.count
    if count is None:
        return
    for name, value in parts.items():
        if value > count:
            yield (
                ("metrics", i, "breakdown", name),
                (f"{value:,} is more than the {count:,} defective orders in count"),
            )
    if parts and sum(parts.values()) < count:
        yield (
            ("metrics", i, "breakdown"),
            (
                f"adds up to {sum(parts.values()):,}, fewer than the {count:,} defective "
                "orders in count: every defective order has at least one defect"
            ),
        )


def invoice_quantities(case: Case, catalog: Catalog, today: date) -> Iterator[Finding]:
    """An invoice's per-ASIN quantities add up to its total quantity, where both are given."""
    for i, item in enumerate(case.evidence):
        if item.quantities and item.quantity is not None:
            listed = sum(item.quantities.values())
            if listed != item.quantity:
                yield (
                    ("evidence", i, "quantities"),
                    (f"add up to {listed:,}, but quantity says {item.quantity:,}: correct one"),
                )


# Warnings: the case is valid, but a reviewer would stop at these.


def unstarted_measures(case: Case, catalog: Catalog, today: date) -> Iterator[Finding]:
    """A preventive measure that starts after the document's date is not in place yet."""
    dated = document_date(case)
    for i, measure in enumerate(case.preventive_measures):
        if measure.started_on > dated:
            yield (
                ("preventive_measures", i, "started_on"),
                (
                    f"{measure.started_on} is after the document's date ({dated}), so the letter "
                    "can only say it starts then: reviewers weigh controls already running, so "
                    "start it first, or set prepared_on to the day you send the plan"
                ),
            )


def _mentioned(case: Case) -> tuple[set[str], set[str]]:
    asins: set[str] = set()
    orders: set[str] = set()
    texts: list[str] = []
    for cause in case.root_causes:
        asins.update(cause.asins)
        orders.update(cause.order_ids)
        texts += [cause.summary, cause.detail or ""]
    texts += [a.action for a in case.corrective_actions]
    for item in case.evidence:
        asins.update(item.asins)
        asins.update(item.quantities)
        texts.append(item.proves)
    for text in texts:
        asins.update(m.upper() for m in _ASIN.findall(text))
        orders.update(_ORDER.findall(text))
    return asins, orders


def notice_items_covered(case: Case, catalog: Catalog, today: date) -> Iterator[Finding]:
    """Every ASIN and order the notice names is answered in a cause, an action or an exhibit."""
    asins, orders = _mentioned(case)
    note = case.notification
    for i, asin in enumerate(note.asins):
        if asin not in asins:
            yield (
                ("notification", "asins", i),
                (
                    f"ASIN {asin} appears only in the opening: tie it to a root cause (asins), an "
                    "action or an exhibit, since reviewers look for an answer for each ASIN"
                ),
            )
    for i, order in enumerate(note.order_ids):
        if order not in orders:
            yield (
                ("notification", "order_ids", i),
                (
                    f"order {order} appears only in the opening: tie it to a root cause "
                    "(order_ids), an action or an exhibit"
                ),
            )


def invoice_coverage(case: Case, catalog: Catalog, today: date) -> Iterator[Finding]:
    """Invoiced units cover the units sold over the last 365 days, ASIN by ASIN."""
    invoices = [e for e in case.evidence if e.kind == "invoice"]
    for asin, sold in case.units_sold.items():
        counts = [(e.id, e.units_for(asin)) for e in invoices if asin in [*e.asins, *e.quantities]]
        known = [(eid, n) for eid, n in counts if n is not None]
        bought = sum(n for _, n in known)
        where = ("units_sold", asin)
        if not counts:
            yield (
                where,
                (
                    f"{sold:,} units sold, but no invoice covers {asin}: attach supplier invoices "
                    "for it"
                ),
            )
        elif len(known) < len(counts):
            unclear = ", ".join(eid for eid, n in counts if n is None)
            yield (
                where,
                (
                    f"invoice {unclear} lists {asin} among several ASINs without a quantity for "
                    "each: give its quantities per ASIN so coverage can be checked"
                ),
            )
        elif bought < sold:
            yield (
                where,
                (
                    f"{sold:,} units sold in the last 365 days, but the invoices cover only "
                    f"{bought:,} ({', '.join(eid for eid, _ in known)}): reviewers expect invoices "
                    "for at least the units sold"
                ),
            )


def lax_targets(case: Case, catalog: Catalog, today: date) -> Iterator[Finding]:
    """An internal target is at least as strict as Amazon's."""
    for i, metric in enumerate(case.metrics):
        spec = catalog.metrics.get(metric.metric)
        if spec is None or metric.target is None:
            continue
        lax = (
            metric.target > spec.threshold
            if spec.better == "lower"
            else (metric.target < spec.threshold)
        )
        if lax:
            word = "under" if spec.better == "lower" else "above"
            yield (
                ("metrics", i, "target"),
                (
                    f"{metric.target}% is laxer than Amazon's target ({word} {spec.threshold:g}%): "
                    "an internal target should be at least as strict"
                ),
            )
