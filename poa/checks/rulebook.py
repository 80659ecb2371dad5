"""Every rule poa checks: its id, severity, what it catches and what good looks like."""

from __future__ import annotations

from typing import Literal, NamedTuple

from poa.checks.findings import FieldKind, Severity

Example = Literal["root_causes", "corrective_actions", "preventive_measures"]

_K = FieldKind
# Rules on tone and content read every field a seller writes; notice text is Amazon's own.
SELLER_TEXT = frozenset(
    {_K.ROOT_CAUSE, _K.ROOT_CAUSE_DETAIL, _K.ACTION, _K.MEASURE, _K.EVIDENCE, _K.OTHER}
)


class Rule(NamedTuple):
    """One check: `message` says what is wrong, `advice` what good looks like. (A named
    tuple, as `Finding` is, for the time `poa check` takes to start.)"""

    id: str
    severity: Severity
    explanation: str
    message: str
    advice: str
    kinds: frozenset[FieldKind] = frozenset()
    example: Example | None = None


def _rule(
    id: str,
    severity: str,
    explanation: str,
    message: str,
    advice: str,
    kinds: frozenset[FieldKind] = frozenset(),
    example: Example | None = None,
) -> Rule:
    return Rule(id, Severity(severity), explanation, message, advice, kinds, example)


_TEXT_RULES = [
    _rule(
        "future-tense",
        "error",
        "A corrective action written as a plan or as work under way.",
        "is a plan, not an action taken",
        "write what was done, in the past tense, and keep plans for preventive measures",
        frozenset({_K.ACTION}),
        "corrective_actions",
    ),
    _rule(
        "vague-action",
        "warning",
        "A corrective action that does not say what was changed.",
        "does not say what was changed",
        "name the listing, setting, order or document and how many were fixed",
        frozenset({_K.ACTION}),
        "corrective_actions",
    ),
    _rule(
        "measure-hedge",
        "warning",
        "A preventive measure that is hedged or not running yet.",
        "is hedged or not running yet",
        "state the control as a fact that runs now: who does what, and how often",
        frozenset({_K.MEASURE}),
        "preventive_measures",
    ),
    _rule(
        "generic-measure",
        "warning",
        "A preventive measure that promises care but names no control.",
        "names no control",
        "say what is checked, by whom, how often and against what",
        frozenset({_K.MEASURE}),
        "preventive_measures",
    ),
    _rule(
        "one-off-measure",
        "warning",
        "A preventive measure that describes a step taken once.",
        "is a step taken once, not a control that keeps running",
        "list it under corrective actions, or say what now runs and how often",
        frozenset({_K.MEASURE}),
        "preventive_measures",
    ),
    _rule(
        "vague-owner",
        "warning",
        "A measure's owner that is no one in particular.",
        "is not one accountable role",
        "name the role that answers for it, such as Warehouse lead or Compliance manager",
        frozenset({_K.OWNER}),
    ),
    _rule(
        "vague-frequency",
        "warning",
        "A measure's frequency that is no schedule.",
        "is not a schedule",
        "give a rhythm or a trigger, such as daily at 9:00 or before each listing goes live",
        frozenset({_K.FREQUENCY}),
    ),
    _rule(
        "blame",
        "warning",
        "The cause put on Amazon, buyers, competitors, carriers or suppliers instead of owned.",
        "puts the cause on someone else",
        "name the check your business lacked; a third party may appear as context",
        SELLER_TEXT,
        "root_causes",
    ),
    _rule(
        "emotive",
        "warning",
        "Emotive or pleading language, or a hardship story.",
        "is emotive or pleading",
        "reviewers decide on facts: keep to what happened and what changed",
        SELLER_TEXT,
    ),
    _rule(
        "apology",
        "advice",
        "An apology in the plan.",
        "is an apology",
        "a plan is read for facts, not regret: drop it and state the fix",
        SELLER_TEXT,
    ),
    _rule(
        "exclamation",
        "warning",
        "An exclamation mark.",
        "has an exclamation mark",
        "keep a calm, factual tone with full stops",
        SELLER_TEXT,
    ),
    _rule(
        "shouting",
        "warning",
        "Words in capitals beyond acronyms.",
        "has words in capitals",
        "use normal case: reviewers read capitals as shouting",
        SELLER_TEXT,
    ),
    _rule(
        "vague-root-cause",
        "warning",
        "A root cause that restates the symptom.",
        "restates the symptom",
        "name the process or check that failed and why it failed",
        frozenset({_K.ROOT_CAUSE}),
        "root_causes",
    ),
    _rule(
        "support-case",
        "warning",
        "A reference to a support case or to what Amazon staff said.",
        "refers to a support case or to Amazon staff",
        "Amazon asks plans to leave these out: state the facts themselves",
        SELLER_TEXT,
    ),
    _rule(
        "question",
        "warning",
        "A question or request for information put to Amazon.",
        "asks Amazon something",
        "a plan answers and does not ask: put questions to Seller Support separately",
        SELLER_TEXT,
    ),
    _rule(
        "unrelated-history",
        "advice",
        "Business history or praise the notice did not ask about.",
        "is history or praise Amazon did not ask for",
        "keep to this issue: what happened, what was fixed, what now runs",
        SELLER_TEXT,
    ),
    _rule(
        "placeholder",
        "error",
        "Template text left in: [brand], TBD, XXX, lorem ipsum.",
        "still holds template text",
        "replace it with the real fact",
        SELLER_TEXT | {_K.OWNER, _K.FREQUENCY},
    ),
    _rule(
        "absolute-claim",
        "warning",
        "A claim no evidence can prove: 100% authentic, never again, guaranteed.",
        "is a claim no one can prove",
        "say what was checked and which exhibit shows it",
        SELLER_TEXT,
    ),
]

_CASE_RULES = [
    _rule(
        "asin-not-covered",
        "error",
        "An ASIN in the notice that no root cause, action or exhibit mentions.",
        "is named in the notice but nowhere in the plan",
        "add it to the root cause it belongs to (asins:) or to the exhibit that covers it",
    ),
    _rule(
        "order-not-covered",
        "warning",
        "An order in the notice that the plan never mentions.",
        "is cited in the notice but nowhere in the plan",
        "add it to the root cause it belongs to (order_ids:) or say what was done for it",
    ),
    _rule(
        "cause-without-action",
        "error",
        "A root cause no corrective action answers.",
        "has no corrective action",
        "add what was done about it, with its date",
    ),
    _rule(
        "cause-without-measure",
        "error",
        "A root cause no preventive measure guards.",
        "has no preventive measure",
        "add the control that now stops it happening again",
    ),
    _rule(
        "exhibit-not-cited",
        "warning",
        "An exhibit no root cause or action cites.",
        "is attached but no statement cites it",
        "list its id under the evidence of the root cause or action it supports",
    ),
    _rule(
        "required-evidence",
        "error",
        "A document kind this issue type needs is missing.",
        "is missing",
        "attach it and list it under evidence with its kind",
    ),
    _rule(
        "invoice-supplier",
        "error",
        "An invoice without its supplier.",
        "does not name its supplier",
        "give the supplier's name; reviewers check the supplier's address, phone and website",
    ),
    _rule(
        "invoice-date",
        "error",
        "An invoice without a date, or dated more than 365 days before the notice.",
        "is not dated within the 365 days before the notice",
        "attach an invoice from that window and give its date",
    ),
    _rule(
        "invoice-details",
        "warning",
        "An invoice without quantities or product codes.",
        "does not show what it covers",
        "give the ASINs or UPCs and the quantity, enough to cover the units sold",
    ),
    _rule(
        "deadline-passed",
        "error",
        "The answer's deadline has passed.",
        "has passed",
        "submit now and say nothing about the delay",
    ),
    _rule(
        "deadline-near",
        "warning",
        "The answer is due within three days.",
        "is close",
        "finish the errors first; submit before the date",
    ),
    _rule(
        "resubmission-unchanged",
        "warning",
        "A plan sent again after a rejection with nothing new in it.",
        "nothing in the case changed since the rejection",
        "add what was done since, or answer what the rejection asked for",
    ),
    _rule(
        "submission-pending",
        "warning",
        "A plan sent again while the last one is pending.",
        "is still pending",
        "wait for Amazon's answer; repeated submissions read as spam",
    ),
    _rule(
        "letter-length",
        "warning",
        "The letter runs over about two pages.",
        "is longer than a reviewer reads closely",
        "cut background and repetition: keep causes, actions, measures and exhibits",
    ),
    _rule(
        "readability",
        "advice",
        "The letter's sentences are hard to read.",
        "reads at a hard grade",
        "use shorter sentences and plain words; one fact per sentence",
    ),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in [*_TEXT_RULES, *_CASE_RULES]}
CHECK_RULES = RULES  # the name the public API gives the table
TEXT_RULE_IDS: tuple[str, ...] = tuple(rule.id for rule in _TEXT_RULES)
