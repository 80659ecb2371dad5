"""Every field of every list item, asked alone at the review with the checks it has when the
interview first asks it. An asker returns the fields to set; nothing is recorded until then,
so Ctrl-C half-way through a field leaves the item as it was."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel

from poa.case.dates import as_date
from poa.case.model import (
    Breakdown,
    CorrectiveAction,
    Evidence,
    Metric,
    Milestone,
    PreventiveMeasure,
    RootCause,
)
from poa.checks.findings import FieldKind
from poa.interview import fields
from poa.interview.answers import Answers
from poa.interview.choices import OWN
from poa.interview.itemrules import (
    DateRule,
    breakdown_problem,
    cause_date,
    completion,
    due,
    issued,
    links,
    measure_start,
)
from poa.interview.measures import AREAS
from poa.interview.metrics import counts
from poa.interview.questions import current_issue, notice_issues
from poa.interview.summary import counts_text, cut, label
from poa.interview.terminal import Option

Asker = Callable[[Answers, dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class ItemField:
    """One field of a list item as the review offers it: its key (`counts` stands for count
    and total), and how it is asked."""

    name: str
    ask: Asker
    applies: Callable[[Answers, dict[str, Any]], bool] | None = None  # to some cases only

    def offered(self, answers: Answers, item: dict[str, Any]) -> bool:
        """Whether the field is offered for this item of this case."""
        return self.applies is None or self.applies(answers, item)

    @property
    def label(self) -> str:
        """How the review names it."""
        return label(self.name)


def text(
    model: type[BaseModel],
    name: str,
    message: str,
    *,
    long: bool = False,
    kind: FieldKind | None = None,
    convert: Callable[[str], Any] = str,
) -> Asker:
    """A text or number field, checked by the model (and by the reviewer's checks, for kinds
    of text they read)."""

    def ask(answers: Answers, item: dict[str, Any]) -> dict[str, Any]:
        current = item.get(name)
        value = fields.ask_field(
            answers.prompter,
            model,
            name,
            message,
            "" if current is None else current,
            optional=fields.optional(model, name),
            long=long,
            convert=convert,
            kind=kind,
            issue=current_issue(answers) if kind else None,
        )
        return {name: value}

    return ask


def dated(
    model: type[BaseModel],
    name: str,
    message: str,
    rule: DateRule | None = None,
    propose: Callable[[Answers, dict[str, Any]], date | None] | None = None,
) -> Asker:
    """A date field, checked by its rule as when the interview first asks it."""

    def ask(answers: Answers, item: dict[str, Any]) -> dict[str, Any]:
        current = as_date(item.get(name))
        value = fields.ask_date(
            answers.prompter,
            model,
            name,
            message,
            current or (propose(answers, item) if propose else None),
            optional=fields.optional(model, name),
            extra=(lambda day: rule(answers, item, day)) if rule else None,
        )
        return {name: value}

    return ask


def choice(model: type[BaseModel], name: str, message: str) -> Asker:
    """One of the values the model allows."""

    def ask(answers: Answers, item: dict[str, Any]) -> dict[str, Any]:
        values = fields.choice_values(model, name)
        entries = [Option(str(v), v) for v in values]
        current = item.get(name, model.model_fields[name].default)
        default = current if current in values else None  # a hand-written value may not be
        return {name: answers.prompter.select(message, entries, default=default)}

    return ask


def pasted(model: type[BaseModel], name: str, message: str) -> Asker:
    """A list of identifiers pasted in one go."""

    def ask(answers: Answers, item: dict[str, Any]) -> dict[str, Any]:
        old = item.get(name) or []
        return {name: fields.ask_pasted(answers.prompter, model, name, message, old)}

    return ask


def ask_area(answers: Answers, item: dict[str, Any]) -> dict[str, Any]:
    """A measure's part of the business: the usual ones, its own, or a new one typed."""
    current = item.get("area")
    mine = isinstance(current, str) and current and current not in AREAS
    areas = [*AREAS, *([str(current)] if mine else [])]
    picked = answers.prompter.select(
        "Which part of the business?",
        [*(Option(a, a) for a in areas), Option(OWN, OWN)],
        default=current if current in areas else None,
    )
    if picked == OWN:
        picked = fields.ask_field(
            answers.prompter, PreventiveMeasure, "area", "The part of the business", ""
        )
    return {"area": picked}


def ask_causes(answers: Answers, item: dict[str, Any]) -> dict[str, Any]:
    """The root causes an action or a measure answers: at least one."""
    width = answers.prompter.width - 8
    causes = [c for c in answers.items("root_causes") if c.get("id")]
    if not causes:
        answers.prompter.say("  The case has no root cause yet: add one first.", "error")
        return {}
    current = set(links(item, "root_causes"))
    while True:
        picked = answers.prompter.checkbox(
            "Which root causes does it answer? (space to tick, Enter when done)",
            id_options(causes, lambda c: c.get("summary", ""), current, width),
        )
        if picked:
            return {"root_causes": picked}
        answers.prompter.say("  Pick at least one root cause.", "error")


def ask_exhibits(answers: Answers, item: dict[str, Any]) -> dict[str, Any]:
    """The evidence that shows a cause, an action or a measure (none is allowed)."""
    width = answers.prompter.width - 8
    exhibits = [e for e in answers.items("evidence") if e.get("id")]
    if not exhibits:
        answers.prompter.say("  The case has no evidence yet: add an exhibit first.", "hint")
        return {}
    current = set(links(item, "evidence"))
    picked = answers.prompter.checkbox(
        "Which evidence shows it? (space to tick, Enter when done)",
        id_options(exhibits, lambda e: e.get("proves") or e.get("file", ""), current, width),
    )
    return {"evidence": picked}


def id_options(
    items: list[dict[str, Any]], text: Callable[[dict[str, Any]], str], ticked: set[str], width: int
) -> list[Option]:
    """Items to tick by id, each shown with its text cut to the width."""
    return [Option(cut(f"{i['id']}: {text(i)}", width), i["id"], i["id"] in ticked) for i in items]


PARTS = (
    ("negative_feedback", "Orders with one- or two-star feedback"),
    ("a_to_z_claims", "Orders with an A-to-z claim"),
    ("chargebacks", "Orders with a service chargeback"),
)


def ask_breakdown(answers: Answers, item: dict[str, Any]) -> dict[str, Any]:
    """An Order Defect Rate's defective orders by kind, each optional; asked again until
    they fit the count."""
    old = item.get("breakdown")
    given: dict[str, Any] = dict(old) if isinstance(old, dict) else {}
    while True:
        parts = {
            name: fields.ask_field(
                answers.prompter,
                Breakdown,
                name,
                message,
                given.get(name, ""),
                optional=True,
                convert=fields.to_number,
            )
            for name, message in PARTS
        }
        given = {name: value for name, value in parts.items() if value is not None}
        problem = breakdown_problem(item.get("count"), given)
        if problem is None:
            return {"breakdown": given or None}
        answers.prompter.say(f"  {problem}", "error")


def ask_counts(answers: Answers, item: dict[str, Any]) -> dict[str, Any]:
    """How many orders counted against a metric, of how many; Enter on an empty line for
    neither. They have to give the metric's value."""
    value = item.get("value")

    def check(typed: str) -> bool | str:
        found = counts(typed, value)
        return True if not typed.strip() or isinstance(found, tuple) else found

    known = counts_text(item)
    typed = answers.prompter.text(
        "How many orders counted against it, of how many? (empty for none)",
        "" if known == "-" else f"{item['count']} of {item['total']}",
        validate=check,
        instruction="(such as 34 of 1,710)",
    )
    found = counts(typed, value) if typed.strip() else (None, None)
    count, total = found if isinstance(found, tuple) else (None, None)
    return {"count": count, "total": total}


def several_issues(answers: Answers, item: dict[str, Any]) -> bool:
    """Whether the notice names several issues (or the file already marks the cause's)."""
    return bool(answers.value("other_issue_types")) or "issue_type" in item


def ask_explains(answers: Answers, item: dict[str, Any]) -> dict[str, Any]:
    """Which of the notice's issues a cause explains (the main one needs no mark); a cause
    that alone explains an issue keeps it until another cause does."""
    issues = notice_issues(answers)
    if len(issues) < 2:
        answers.prompter.say("  The notice names one issue: every cause explains it.", "hint")
        return {}
    now = item.get("issue_type") or issues[0].key
    key = answers.prompter.select(
        "Which of the notice's issues does this cause explain?",
        [Option(issue.title, issue.key) for issue in issues],
        default=now if any(issue.key == now for issue in issues) else None,
    )
    others = [c for c in answers.items("root_causes") if c is not item]
    if key != now and not any((c.get("issue_type") or issues[0].key) == now for c in others):
        why = f"  This is the only cause explaining {now}: add another cause for it first."
        answers.prompter.say(why, "error")
        return {}
    return {"issue_type": None if key == issues[0].key else key}


def own(
    name: str, ask: Asker, applies: Callable[[Answers, dict[str, Any]], bool] | None = None
) -> ItemField:
    """A table entry."""
    return ItemField(name, ask, applies)


LINKS = (own("root_causes", ask_causes), own("evidence", ask_exhibits))
FIELDS: dict[str, tuple[ItemField, ...]] = {
    "root_causes": (
        own(
            "summary",
            text(RootCause, "summary", "The cause in one sentence", kind=FieldKind.ROOT_CAUSE),
        ),
        own("issue_type", ask_explains, several_issues),
        own(
            "detail",
            text(
                RootCause,
                "detail",
                "What happened, when, how many orders or units",
                long=True,
                kind=FieldKind.ROOT_CAUSE_DETAIL,
            ),
        ),
        own("occurred_on", dated(RootCause, "occurred_on", "When did it happen?", cause_date)),
        own(
            "units",
            text(
                RootCause,
                "units",
                "How many orders or units were affected?",
                convert=fields.to_number,
            ),
        ),
        own("unit", choice(RootCause, "unit", "What do those numbers count?")),
        own("asins", pasted(RootCause, "asins", "ASINs it affected")),
        own("order_ids", pasted(RootCause, "order_ids", "Orders it affected")),
        LINKS[1],
    ),
    "corrective_actions": (
        LINKS[0],
        own(
            "action",
            text(CorrectiveAction, "action", "What was done", long=True, kind=FieldKind.ACTION),
        ),
        own(
            "completed_on",
            dated(CorrectiveAction, "completed_on", "When was it finished?", completion),
        ),
        LINKS[1],
    ),
    "preventive_measures": (
        LINKS[0],
        own(
            "measure",
            text(PreventiveMeasure, "measure", "What runs now", long=True, kind=FieldKind.MEASURE),
        ),
        own("area", ask_area),
        own("owner", text(PreventiveMeasure, "owner", "Owner (a role)", kind=FieldKind.OWNER)),
        own(
            "frequency", text(PreventiveMeasure, "frequency", "How often", kind=FieldKind.FREQUENCY)
        ),
        own(
            "started_on",
            dated(PreventiveMeasure, "started_on", "Start date", propose=measure_start),
        ),
        own("kpi", text(PreventiveMeasure, "kpi", "How you measure that it works")),
        LINKS[1],
    ),
    "evidence": (
        own("kind", choice(Evidence, "kind", "What kind of document?")),
        own(
            "proves", text(Evidence, "proves", "What it shows", long=True, kind=FieldKind.EVIDENCE)
        ),
        own("file", text(Evidence, "file", "File name as attached")),
        own("issued_on", dated(Evidence, "issued_on", "Date printed on it", issued)),
        own("supplier", text(Evidence, "supplier", "Supplier (name, address, phone, website)")),
        own("quantity", text(Evidence, "quantity", "Units on it", convert=fields.to_number)),
        own("asins", pasted(Evidence, "asins", "ASINs it covers")),
        own("gtins", pasted(Evidence, "gtins", "UPC, EAN or GTIN codes it shows")),
        own("fnskus", pasted(Evidence, "fnskus", "FNSKU labels it shows")),
    ),
    "metrics": (
        own("value", text(Metric, "value", "Its value now, in percent", convert=fields.to_percent)),
        own("counts", ask_counts),
        own("window_days", text(Metric, "window_days", "Window in days", convert=fields.to_number)),
        own("target", text(Metric, "target", "Your target, in percent", convert=fields.to_percent)),
        own("cause", text(Metric, "cause", "Why it missed, in a line or two", long=True)),
        own("breakdown", ask_breakdown, lambda _, m: m.get("metric") == "order-defect-rate"),
    ),
    "milestones": (
        own("due_on", dated(Milestone, "due_on", "Milestone date", due)),
        own(
            "target",
            text(Milestone, "target", "Value by then, in percent", convert=fields.to_percent),
        ),
        own("note", text(Milestone, "note", "What has to be in place by then")),
    ),
}
# What a new item is asked, in order (the rest can be changed from its field menu).
NEW_FIELDS: dict[str, tuple[str, ...]] = {
    "root_causes": ("summary", "detail", "occurred_on", "units", "asins"),
    "corrective_actions": ("root_causes", "action", "completed_on"),
    "preventive_measures": ("root_causes", "measure", "area", "owner", "frequency", "started_on"),
    "evidence": ("kind", "proves", "file", "issued_on"),
    "metrics": ("value", "counts"),
    "milestones": ("due_on", "target"),
}


def field_of(section: str, name: str) -> ItemField:
    """One field of a list's items."""
    return next(f for f in FIELDS[section] if f.name == name)


def current(item: dict[str, Any], name: str) -> Any:
    """A field's value as the review shows it (`counts` as typed)."""
    return counts_text(item) if name == "counts" else item.get(name)
