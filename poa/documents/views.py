"""The items of a letter as the templates print them: causes with their facts, actions by
date, measures with their owner line, exhibits, metrics and milestones. Plain text throughout;
the template adds the emphasis and the library escapes every value."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from poa.case.dates import format_date
from poa.case.marketplaces import Marketplace
from poa.case.model import Case, Evidence, Metric, PreventiveMeasure
from poa.catalog import Catalog
from poa.documents import wording as w
from poa.documents.spelling import for_store

Refs = Callable[[str], str]

KIND_LABELS = {
    "invoice": "Invoice",
    "letter-of-authorization": "Letter of authorization",
    "test-report": "Test report",
    "certificate": "Certificate",
    "photo": "Photographs",
    "screenshot": "Screenshot",
    "report": "Report",
    "contract": "Contract",
    "correspondence": "Correspondence",
    "identity-document": "Identity document",
    "utility-bill": "Utility bill",
    "declaration": "Signed declaration",
    "destruction-certificate": "Certificate of destruction",
    "training-record": "Training record",
    "procedure": "Written procedure",
    "registration": "Registration",
    "other": "",
}
DEFECT_KINDS = {
    "negative_feedback": "negative feedback",
    "a_to_z_claims": "an A-to-z Guarantee claim",
    "chargebacks": "a chargeback",
}


@dataclass(frozen=True)
class Numbering:
    """How items are referred to: root cause numbers and exhibit numbers, by id."""

    causes: dict[str, int]
    exhibits: dict[str, int]

    def causes_text(self, ids: list[str]) -> str:
        """'root cause 1', 'root causes 1 and 2'."""
        numbers = sorted(self.causes[i] for i in ids if i in self.causes)
        word = "root cause" if len(numbers) == 1 else "root causes"
        return f"{word} {w.join(str(n) for n in numbers)}"

    def exhibits_text(self, ids: list[str]) -> str:
        """'Exhibit 1', 'Exhibits 1 and 3', or '' for none."""
        numbers = sorted(self.exhibits[i] for i in ids if i in self.exhibits)
        if not numbers:
            return ""
        word = "Exhibit" if len(numbers) == 1 else "Exhibits"
        return f"{word} {w.join(str(n) for n in numbers)}"

    def names(self) -> dict[str, str]:
        """What `{ID}` in a seller's text prints as."""
        names = {i: f"root cause {n}" for i, n in self.causes.items()}
        names.update({i: f"Exhibit {n}" for i, n in self.exhibits.items()})
        return names


@dataclass(frozen=True)
class CauseView:
    """A root cause: its label (in a letter about several issues), summary, detail, facts."""

    number: int
    label: str
    summary: str
    detail: str


def cause_views(
    case: Case, labels: dict[str, str], numbering: Numbering, refs: Refs, market: Marketplace
) -> list[CauseView]:
    """The root causes in order, each with the facts its text does not already give."""
    views = []
    primary = case.notification.issue_type
    for number, cause in enumerate(case.root_causes, 1):
        summary = w.sentence(refs(cause.summary))
        detail = w.sentence(refs(cause.detail)) if cause.detail else ""
        facts = w.cause_facts(
            f"{summary} {detail}",
            occurred_on=cause.occurred_on,
            units=cause.units,
            unit=cause.unit,
            order_ids=cause.order_ids,
            asins=cause.asins,
            market=market,
        )
        shown = numbering.exhibits_text(cause.evidence)
        text = " ".join(p for p in (detail, facts) if p)
        if shown:
            text = w.with_note(text, shown) if text else f"See {shown}."
        label = labels.get(cause.issue_type or primary, "") if len(labels) > 1 else ""
        views.append(CauseView(number, label, summary, text))
    return views


@dataclass(frozen=True)
class ActionView:
    """A corrective action: its date, the causes it answers, what was done."""

    date: str
    causes: str
    text: str


def action_views(
    case: Case, numbering: Numbering, refs: Refs, market: Marketplace
) -> list[ActionView]:
    """Corrective actions grouped by the first cause they answer, then by date."""

    def order(pair: tuple[int, object]) -> tuple[int, date, int]:
        index, _ = pair
        action = case.corrective_actions[index]
        first = min(numbering.causes.get(c, 0) for c in action.root_causes)
        return first, action.completed_on, index

    views = []
    for _, action in sorted(enumerate(case.corrective_actions), key=order):
        text = w.with_note(refs(action.action), numbering.exhibits_text(action.evidence))
        views.append(
            ActionView(
                format_date(action.completed_on, market),
                numbering.causes_text(action.root_causes),
                text,
            )
        )
    return views


@dataclass(frozen=True)
class MeasureView:
    """A preventive measure: lead-in, what runs, and its owner · frequency · since line."""

    lead: str
    text: str
    meta: str


def measure_views(
    case: Case, today: date, numbering: Numbering, refs: Refs, market: Marketplace
) -> list[MeasureView]:
    """Preventive measures, each with one compact line of owner, frequency and start."""
    return [_measure(m, case, today, numbering, refs, market) for m in case.preventive_measures]


def _measure(
    measure: PreventiveMeasure,
    case: Case,
    today: date,
    numbering: Numbering,
    refs: Refs,
    market: Marketplace,
) -> MeasureView:
    causes = numbering.causes_text(measure.root_causes)
    text = w.sentence(refs(measure.measure))
    if "area" in measure.model_fields_set:
        # An area is a label (most often one of the interview's), spelled for the store.
        lead = f"{for_store(measure.area, market.north_american)} ({causes})"
    else:
        lead, text = "", w.with_note(text, causes)
    if measure.kpi:
        text += f" Measure of success: {w.sentence(refs(measure.kpi))}"
    start = format_date(measure.started_on, market)
    when = f"since {start}" if measure.started_on <= today else f"starts {start}"
    meta = [_owner(measure.owner, case), measure.frequency, when]
    if shown := numbering.exhibits_text(measure.evidence):
        meta.append(shown)
    return MeasureView(lead, text, " · ".join(meta))


def _owner(owner: str, case: Case) -> str:
    # "Owner" alone says nothing; when the owner is the person signing, name them.
    signatory = case.seller.signatory
    if owner.casefold() in (signatory.role.casefold(), signatory.name.casefold()):
        return f"{signatory.name}, {signatory.role}"
    return owner


@dataclass(frozen=True)
class ExhibitView:
    """An exhibit: number, file, what kind of document it is, and what it shows."""

    number: int
    file: str
    lead: str
    proves: str


def exhibit_views(case: Case, refs: Refs, market: Marketplace) -> list[ExhibitView]:
    """The exhibits in order, each described once with the facts its text lacks."""
    us = market.north_american
    return [
        ExhibitView(n, item.file, _exhibit_lead(item, market, us), w.sentence(refs(item.proves)))
        for n, item in enumerate(case.evidence, 1)
    ]


def _exhibit_lead(item: Evidence, market: Marketplace, us: bool) -> str:
    text = item.proves
    head = for_store(KIND_LABELS[item.kind], us)
    if any(w.mentions_word(text, word) for word in head.split() if len(word) > 4):
        head = ""  # the description already says what kind of document it is
    if item.issued_on:
        day = format_date(item.issued_on, market)
        head = f"{head} dated {day}" if head else f"Dated {day}"
    supplier = ""
    if item.supplier and not w.mentions(text, item.supplier.split(",")[0]):
        supplier = f"from {item.supplier}"
    lead = ", ".join(p for p in (head, supplier, _coverage(item, text)) if p)
    return w.sentence(lead[0].upper() + lead[1:]) if lead else ""


def _coverage(item: Evidence, text: str) -> str:
    if item.quantities:
        amounts = [f"{w.number(q)} units of {a}" for a, q in item.quantities.items()]
        if all(
            w.mentions(text, a) and w.mentions_number(text, q) for a, q in item.quantities.items()
        ):
            return ""
        return "for " + w.join(amounts)
    asins = [a for a in item.asins if not w.mentions(text, a)]
    quantity = item.quantity
    if quantity is not None and w.mentions_number(text, quantity):
        quantity = None
    if quantity is not None and asins:
        return f"for {w.counted(quantity, 'unit')} of {w.join(asins)}"
    if quantity is not None:
        return f"for {w.counted(quantity, 'unit')}"
    if asins:
        return f"for {'ASIN' if len(asins) == 1 else 'ASINs'} {w.join(asins)}"
    return ""


@dataclass(frozen=True)
class MetricRow:
    """A metric as a document shows it: value, counts, window, Amazon's and our targets."""

    key: str
    name: str
    value: float
    better: str
    window_days: int | None
    threshold: float | None
    internal: float | None
    count: int | None
    total: int | None
    unit: str
    defects: dict[str, int]
    cause: str

    def _meets(self, goal: float) -> bool:
        return self.value < goal if self.better == "lower" else self.value > goal

    @property
    def meets_threshold(self) -> bool:
        """Whether the value already meets Amazon's target (or ours, where Amazon has none)."""
        goal = self.threshold if self.threshold is not None else self.internal
        return goal is not None and self._meets(goal)

    @property
    def counts(self) -> str:
        """'34 of 1,710 orders', or '' when the counts are not given."""
        if self.count is None or self.total is None:
            return ""
        return f"{w.number(self.count)} of {w.number(self.total)} {self.unit}"

    @property
    def reported(self) -> str:
        """'4.1% (27 of 660 orders)'."""
        return w.rate(self.value) + (f" ({self.counts})" if self.counts else "")

    @property
    def window(self) -> str:
        """'60 days', or '' when unknown."""
        return f"{self.window_days} days" if self.window_days else ""

    @property
    def amazon_target(self) -> str:
        """'under 1%', or '' when Amazon publishes none."""
        return w.target(self.threshold, self.better) if self.threshold is not None else ""

    @property
    def internal_target(self) -> str:
        """Our own, stricter target: 'under 1%', or ''."""
        return w.target(self.internal, self.better) if self.internal is not None else ""

    def sentence(self) -> str:
        """'Our Order Defect Rate reached 2.0% (34 of 1,710 orders, last 60 days) against
        Amazon's target of under 1%.' and the defects behind it, where given."""
        details = [d for d in (self.counts, f"last {self.window}" if self.window else "") if d]
        value = w.rate(self.value) + (f" ({', '.join(details)})" if details else "")
        goal = self.amazon_target or self.internal_target
        whose = "Amazon's" if self.amazon_target else "our"
        if self.meets_threshold:
            text = f"Our {self.name} stands at {value}, within {whose} target of {goal}."
        else:
            text = f"Our {self.name} reached {value} against {whose} target of {goal}."
        return f"{text} {self.defects_sentence()}".strip()

    def defects_sentence(self) -> str:
        """'Of those 34 orders, 20 received negative feedback and 14 an A-to-z Guarantee claim.'"""
        parts = [(DEFECT_KINDS[k], n) for k, n in self.defects.items() if n]
        if not parts:
            return ""
        first, *rest = parts
        said = [f"{w.number(first[1])} received {first[0]}"]
        said += [f"{w.number(n)} {kind}" for kind, n in rest]
        if self.count:
            lead = f"Of those {w.counted(self.count, w.singular(self.unit))}"
        else:
            lead = "Among the defective orders"
        return f"{lead}, {w.join(said)}."


def metric_rows(case: Case, catalog: Catalog, refs: Refs, us: bool) -> list[MetricRow]:
    """Every metric of the case, with Amazon's target and the seller's own."""
    return [_metric_row(m, case, catalog, refs, us) for m in case.metrics]


def _metric_row(metric: Metric, case: Case, catalog: Catalog, refs: Refs, us: bool) -> MetricRow:
    spec = catalog.metrics.get(metric.metric)
    better = metric.better or (spec.better if spec else "lower")
    threshold = spec.threshold if spec else None
    name = spec.name if spec else metric.metric.replace("-", " ").capitalize()
    return MetricRow(
        key=metric.metric,
        name=for_store(name, us),
        value=metric.value,
        better=better,
        window_days=metric.window_days or (spec.window_days if spec else None),
        threshold=threshold,
        internal=internal_target(metric, case, threshold, better),
        count=metric.count,
        total=metric.total,
        unit=metric.unit,
        defects=metric.breakdown.parts() if metric.breakdown else {},
        cause=w.sentence(refs(metric.cause)) if metric.cause else "",
    )


def internal_target(
    metric: Metric, case: Case, threshold: float | None, better: str
) -> float | None:
    """The seller's own target: as given, or the strictest milestone; None when it is no
    stricter than Amazon's."""
    goals = [m.target for m in case.milestones if m.metric == metric.metric]
    if metric.target is not None:
        goals = [metric.target]
    if not goals:
        return None
    goal = min(goals) if better == "lower" else max(goals)
    if threshold is not None and goal == threshold:
        return None
    return goal


@dataclass(frozen=True)
class MilestoneView:
    """A dated checkpoint: its date, the value to reach, and what is in place by then."""

    date: str
    text: str
    note: str


def milestone_views(
    case: Case, rows: list[MetricRow], refs: Refs, market: Marketplace
) -> list[MilestoneView]:
    """Milestones by date; a milestone without a note prints nothing extra."""
    names = {r.key: r for r in rows}
    by_date: dict[date, list[tuple[str, str]]] = {}
    for milestone in sorted(case.milestones, key=lambda m: m.due_on):
        row = names[milestone.metric]
        goal = f"{row.name} {w.target(milestone.target, row.better)}"
        note = w.sentence(refs(milestone.note)) if milestone.note else ""
        by_date.setdefault(milestone.due_on, []).append((goal, note))
    # Milestones due the same day share one line.
    return [
        MilestoneView(
            format_date(day, market),
            "; ".join(goal for goal, _ in items),
            " ".join(note for _, note in items if note),
        )
        for day, items in by_date.items()
    ]
