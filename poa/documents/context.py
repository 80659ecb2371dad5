"""The context a document template sees: everything derived once from a case and the catalog."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from poa.case.dates import deadline, document_date
from poa.case.marketplaces import MARKETPLACES
from poa.case.model import Case, Metric
from poa.catalog import ROUTES, Catalog


def build_context(case: Case, catalog: Catalog) -> dict[str, Any]:
    """Everything a document template reads, derived once from the case and catalog."""
    note = case.notification
    issue = catalog.get(note.issue_type)
    market = MARKETPLACES[note.marketplace]
    cause_no = {c.id: i for i, c in enumerate(case.root_causes, 1)}
    exhibit_no = {e.id: i for i, e in enumerate(case.evidence, 1)}
    areas: dict[str, list[Any]] = {}
    for measure in case.preventive_measures:
        areas.setdefault(measure.area, []).append(measure)
    return {
        "case": case,
        "seller": case.seller,
        "notice": note,
        "issue": issue,
        "route": ROUTES[issue.route],
        "marketplace": market,
        "token": case.seller.token_for(note.marketplace),
        "deadline": deadline(case, catalog),
        "today": document_date(case),
        "cause_no": cause_no,
        "exhibit_no": exhibit_no,
        "measure_areas": list(areas.items()),
        "metrics": [_metric_row(m, catalog) for m in case.metrics],
        "has_invoices": any(e.kind == "invoice" for e in case.evidence),
    }


@dataclass(frozen=True)
class MetricRow:
    """A metric as a document shows it."""

    key: str
    name: str
    value: float
    target: float
    threshold: float | None
    window_days: int | None
    better: str
    meets_target: bool
    meets_threshold: bool | None
    cause: str | None

    @property
    def status(self) -> str:
        """In words, where the metric stands."""
        if self.meets_target:
            return "meets target"
        if self.meets_threshold:
            return "within Amazon's threshold, short of target"
        return "misses Amazon's threshold" if self.threshold is not None else "misses target"

    @property
    def comparison(self) -> str:
        """'below' or 'above'."""
        return "below" if self.better == "lower" else "above"


def _metric_row(metric: Metric, catalog: Catalog) -> MetricRow:
    spec = catalog.metrics.get(metric.metric)
    better = metric.better or (spec.better if spec else "lower")
    threshold = spec.threshold if spec else None
    target = metric.target if metric.target is not None else threshold
    assert target is not None  # the rules require a target for metrics outside the catalog

    def meets(goal: float) -> bool:
        return metric.value < goal if better == "lower" else metric.value > goal

    return MetricRow(
        key=metric.metric,
        name=spec.name if spec else metric.metric.replace("-", " ").capitalize(),
        value=metric.value,
        target=target,
        threshold=threshold,
        window_days=metric.window_days or (spec.window_days if spec else None),
        better=better,
        meets_target=meets(target),
        meets_threshold=meets(threshold) if threshold is not None else None,
        cause=metric.cause,
    )
