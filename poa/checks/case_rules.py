"""Rules across the whole case: coverage of the notice, evidence, deadline, resubmission,
length and readability.

Each rule is a function of a `Context` that yields findings; `CASE_RULES` lists them in the
order they report. A new rule (multi-issue coverage, say) is one more function in the list.
The length and readability rules come last and read a `Letter` taken from the case, so that
a batch of cases can run them after its validations (see `Reviewer.files`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from functools import cached_property, lru_cache
from typing import NamedTuple

from poa.case.dates import deadline
from poa.case.model import Case, Kind
from poa.catalog import Catalog, IssueType
from poa.checks.findings import Finding
from poa.checks.reading import grade_above, prose_parts
from poa.checks.rulebook import RULES
from poa.checks.text import count_words
from poa.yamlfile import Loc

INVOICE_DAYS = 365
DEADLINE_WARNING_DAYS = 3
WORD_BUDGET = 900
GRADE_LIMIT = 14.0


class Context:
    """What the case rules read: the case, its issue type, and the day the check runs. (A
    plain class: a dataclass's methods are written and compiled each time `poa check`
    starts.)"""

    def __init__(self, case: Case, catalog: Catalog, issue: IssueType | None, today: date):
        self.case, self.catalog, self.issue, self.today = case, catalog, issue, today

    def finding(
        self, rule_id: str, loc: Loc, message: str = "", suggestion: str = "", excerpt: str = ""
    ) -> Finding:
        """A finding of a rule, with the rule's own message and advice unless given."""
        return rule_finding(rule_id, loc, message, suggestion, excerpt)

    @cached_property
    def plan_text(self) -> str:
        """Every statement of the plan (not the notice) in upper case, for identifier lookups."""
        case = self.case
        parts: list[str] = []
        for cause in case.root_causes:
            parts += [cause.summary, cause.detail or "", *cause.asins, *cause.order_ids]
        parts += [a.action for a in case.corrective_actions]
        parts += [m.measure for m in case.preventive_measures]
        for item in case.evidence:
            parts += [item.proves, item.file, *item.asins, *item.quantities]
        return "\n".join(parts).upper()


CaseRule = Callable[[Context], Iterable[Finding]]


def rule_finding(
    rule_id: str, loc: Loc, message: str = "", suggestion: str = "", excerpt: str = ""
) -> Finding:
    """A finding of a rule, with the rule's own message and advice unless given."""
    rule = RULES[rule_id]
    return Finding(
        rule_id, rule.severity, loc, message or rule.message, suggestion or rule.advice, excerpt
    )


def notice_coverage(ctx: Context) -> Iterator[Finding]:
    """Every ASIN and order the notice names appears somewhere in the plan."""
    note = ctx.case.notification
    if not (note.asins or note.order_ids):
        return
    listed = _listed(ctx.case)
    for field, rule_id in (("asins", "asin-not-covered"), ("order_ids", "order-not-covered")):
        for i, named in enumerate(getattr(note, field)):
            key = named.upper()
            if key not in listed and key not in ctx.plan_text:
                yield ctx.finding(rule_id, ("notification", field, i), excerpt=named)


def _listed(case: Case) -> set[str]:
    """The identifiers the plan's causes and exhibits list, in upper case: a notice's ASIN or
    order among them is covered without a search of the plan's text (which holds them too)."""
    listed = {x.upper() for cause in case.root_causes for x in (*cause.asins, *cause.order_ids)}
    listed.update(x.upper() for item in case.evidence for x in (*item.asins, *item.quantities))
    return listed


def cause_coverage(ctx: Context) -> Iterator[Finding]:
    """Every root cause has an action and a measure."""
    case = ctx.case
    acted = {cid for a in case.corrective_actions for cid in a.root_causes}
    measured = {cid for m in case.preventive_measures for cid in m.root_causes}
    for i, cause in enumerate(case.root_causes):
        if cause.id not in acted:
            yield ctx.finding("cause-without-action", ("root_causes", i, "id"), excerpt=cause.id)
        if cause.id not in measured:
            yield ctx.finding("cause-without-measure", ("root_causes", i, "id"), excerpt=cause.id)


def exhibits_cited(ctx: Context) -> Iterator[Finding]:
    """Every exhibit is cited by a statement, by its id or its file name."""
    case = ctx.case
    cited: set[str] = set()
    for section in (case.root_causes, case.corrective_actions, case.preventive_measures):
        for item in section:
            cited.update(getattr(item, "evidence", None) or ())
    statements = ""
    for i, exhibit in enumerate(case.evidence):
        if exhibit.id in cited:
            continue
        statements = statements or "\n".join(_statements(case)).upper()
        label = re.escape(exhibit.id.upper())
        named = re.search(rf"(?<![A-Z0-9]){label}(?![A-Z0-9])", statements)
        if named is None and exhibit.file.upper() not in statements:
            yield ctx.finding("exhibit-not-cited", ("evidence", i, "id"), excerpt=exhibit.id)


def _statements(case: Case) -> Iterator[str]:
    for cause in case.root_causes:
        yield cause.summary + " " + (cause.detail or "")
    yield from (a.action for a in case.corrective_actions)
    yield from (m.measure for m in case.preventive_measures)


def required_evidence(ctx: Context) -> Iterator[Finding]:
    """The document kinds the issue type needs are all attached."""
    needed = list(getattr(ctx.issue, "required_evidence", None) or [])
    kinds = {item.kind for item in ctx.case.evidence}
    title = ctx.issue.title if ctx.issue else "this issue"
    for kind in needed:
        if kind not in kinds:
            yield ctx.finding(
                "required-evidence",
                ("evidence",),
                message=f"a {kind} is missing: {title} needs one",
                suggestion=RULES["required-evidence"].advice + f" (kind: {kind})",
            )


def invoices(ctx: Context) -> Iterator[Finding]:
    """Invoices name their supplier, are dated within a year of the notice, show what they cover."""
    received = ctx.case.notification.received_on
    for i, item in enumerate(ctx.case.evidence):
        if item.kind != "invoice":
            continue
        if not item.supplier:
            yield ctx.finding("invoice-supplier", ("evidence", i), excerpt=item.file)
        if item.issued_on is None:
            yield ctx.finding(
                "invoice-date", ("evidence", i), message="has no date", excerpt=item.file
            )
        elif item.issued_on < received - timedelta(days=INVOICE_DAYS):
            yield ctx.finding(
                "invoice-date",
                ("evidence", i, "issued_on"),
                message=f"is dated {item.issued_on}, more than {INVOICE_DAYS} days before the "
                f"notice ({received})",
                excerpt=item.file,
            )
        per_asin = bool(item.quantities)  # quantities by ASIN say what it covers, and how many
        if not per_asin and (item.quantity is None or not (item.asins or item.gtins)):
            yield ctx.finding("invoice-details", ("evidence", i), excerpt=item.file)


def timing(ctx: Context) -> Iterator[Finding]:
    """The deadline has not passed and is not days away."""
    case = ctx.case
    if case.submissions and case.submissions[-1].outcome == "accepted":
        return
    due = deadline(case, ctx.catalog)
    if due is None:
        return
    loc: Loc = ("notification", "deadline" if case.notification.deadline else "received_on")
    left = (due - ctx.today).days
    if left < 0:
        yield ctx.finding("deadline-passed", loc, message=f"the deadline {due} has passed")
    elif left <= DEADLINE_WARNING_DAYS:
        days = "today" if left == 0 else f"in {left} day{'s' if left > 1 else ''}"
        yield ctx.finding("deadline-near", loc, message=f"the answer is due {days} ({due})")


def resubmission(ctx: Context) -> Iterator[Finding]:
    """A new submission after a rejection carries something new; none while one is pending."""
    subs = ctx.case.submissions
    if not subs:
        return
    last = max(range(len(subs)), key=lambda i: subs[i].submitted_on)
    sub = subs[last]
    loc: Loc = ("submissions", last)
    if sub.outcome == "pending":
        yield ctx.finding(
            "submission-pending", loc, message=f"the submission of {sub.submitted_on} is pending"
        )
        return
    if sub.outcome not in ("rejected", "more-information-requested"):
        return
    digest = getattr(sub, "digest", None)
    if digest is not None:
        unchanged = digest == case_digest(ctx.case)
    else:
        unchanged = not any(day > sub.submitted_on for day in _plan_dates(ctx.case))
    if unchanged:
        yield ctx.finding(
            "resubmission-unchanged",
            loc,
            message=f"nothing in the case is newer than the {sub.outcome.replace('-', ' ')} "
            f"answer to the submission of {sub.submitted_on}",
        )


def _plan_dates(case: Case) -> Iterator[date]:
    yield from (a.completed_on for a in case.corrective_actions)
    yield from (m.started_on for m in case.preventive_measures)
    yield from (e.issued_on for e in case.evidence if e.issued_on)


def case_digest(case: Case) -> str:
    """A fingerprint of what a submission says: the same plan gives the same digest."""
    data = case.model_dump(mode="json", exclude={"submissions", "prepared_on"})
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Letter(NamedTuple):
    """What the length rules read of a case: its prose part by part, the other texts the
    letter prints, and the words the templates and the catalog add. Texts and a number, taken
    from the case when it is checked and cheap to hold until the rules run (see
    `Reviewer.files`)."""

    parts: list[str]
    beside: list[str]
    added: int


# The rules `length` reports.
LENGTH_RULES = frozenset({"letter-length", "readability"})


def length(letter: Letter) -> list[Finding]:
    """The letter fits a reviewer's reading budget, and its prose reads plainly."""
    findings = []
    prose = " ".join(letter.parts)
    words = estimated_words(letter, prose)
    if words > WORD_BUDGET:
        message = (
            f"the letter comes to about {words} words, over the {WORD_BUDGET} a reviewer reads "
            "closely (about two pages)"
        )
        findings.append(rule_finding("letter-length", (), message))
    grade = grade_above(prose, GRADE_LIMIT, letter.parts)
    if grade is not None:
        message = (
            f"the plan's sentences read at US school grade {grade:.0f} (Coleman–Liau), above "
            f"{GRADE_LIMIT:.0f}"
        )
        findings.append(rule_finding("readability", (), message))
    return findings


# Words the document templates add around the case's own text: opening, headings, closing and
# signature, and the labels printed with each item; the catalog's rule for each issue type
# comes on top. Measured on the sample cases' rendering.
_TEMPLATE_WORDS = {Kind.PLAN_OF_ACTION: 56, Kind.PERFORMANCE_IMPROVEMENT_PLAN: 97}
_ITEM_WORDS = {"cause": 8, "action": 12, "measure": 18, "exhibit": 10, "metric": 22, "mile": 14}


def letter(case: Case, catalog: Catalog | None = None) -> Letter:
    """What the length rules read of the case; the catalog's rules for the issue types the
    notice names count among the words added."""
    n = _ITEM_WORDS
    added = _TEMPLATE_WORDS.get(case.kind, 56)
    if catalog is not None:
        types = (catalog.types.get(key) for key in case.notification.issue_types)
        added += sum(_rule_words(issue.rule or "") for issue in types if issue)
    added += n["cause"] * len(case.root_causes) + n["action"] * len(case.corrective_actions)
    added += n["measure"] * len(case.preventive_measures) + n["exhibit"] * len(case.evidence)
    added += n["metric"] * len(case.metrics) + n["mile"] * len(case.milestones)
    added += len(case.notification.asins) + len(case.notification.order_ids)
    return Letter(prose_parts(case), _beside_prose(case), added)


def estimated_words(letter: Letter, prose: str | None = None) -> int:
    """About how many words the rendered letter has: the case's text, the templates' and the
    catalog's. `prose` is the letter's parts joined, when the caller has it already."""
    prose = " ".join(letter.parts) if prose is None else prose
    return letter.added + count_words(prose) + _count(letter.beside)


@lru_cache(maxsize=64)
def _rule_words(rule: str) -> int:
    """The words of an issue type's rule: the same few rules come case after case."""
    return count_words(rule)


def _beside_prose(case: Case) -> list[str]:
    """The texts the letter prints besides its prose (see `prose_parts`)."""
    seller, note = case.seller, case.notification
    texts = [seller.legal_name, seller.store_name, seller.signatory.name, seller.signatory.role]
    texts += [note.subject, *note.policies]
    for m in case.preventive_measures:
        texts += (m.owner, m.frequency, m.kpi or "", m.area)
    for e in case.evidence:
        texts += (e.file, e.supplier or "")
    texts += [m.cause or "" for m in case.metrics]
    texts += [m.note or "" for m in case.milestones]
    texts += case.review_checks
    return texts


def _count(texts: Iterable[str]) -> int:
    return count_words(" ".join(texts))


# Each case rule with the rule ids it reports, so a rule whose ids are all off is not run.
CASE_RULES: tuple[tuple[CaseRule, frozenset[str]], ...] = (
    (notice_coverage, frozenset({"asin-not-covered", "order-not-covered"})),
    (cause_coverage, frozenset({"cause-without-action", "cause-without-measure"})),
    (exhibits_cited, frozenset({"exhibit-not-cited"})),
    (required_evidence, frozenset({"required-evidence"})),
    (invoices, frozenset({"invoice-supplier", "invoice-date", "invoice-details"})),
    (timing, frozenset({"deadline-passed", "deadline-near"})),
    (resubmission, frozenset({"resubmission-unchanged", "submission-pending"})),
)
# The length rules come last; they read a `Letter`, not the case (see `length`).


def run_case_rules(ctx: Context, disabled: Iterable[str] = ()) -> list[Finding]:
    """Every case rule's findings, leaving out the rules switched off."""
    off = set(disabled)
    return [
        finding
        for rule, ids in CASE_RULES
        if not ids <= off
        for finding in rule(ctx)
        if finding.rule not in off
    ]
