"""The case file as Pydantic models: one notification and the seller's answer to it."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, ConfigDict, Field

from poa.case.kinds import (
    AccountStatus,
    CheckSwitches,
    Count,
    DocumentChoice,
    EvidenceKind,
    Scope,
    Severity,
    Statuses,
    Unit,
    unique,
)
from poa.case.records import Change, Dispute, Submission
from poa.case.values import (
    Asin,
    Email,
    Fnsku,
    Gtin,
    ItemId,
    Key,
    MarketplaceCode,
    MerchantToken,
    OrderId,
    PastedText,
    Percent,
    ShortText,
    Strict,
    Text,
)


class Kind(StrEnum):
    """Which document the case produces."""

    PLAN_OF_ACTION = "plan-of-action"
    PERFORMANCE_IMPROVEMENT_PLAN = "performance-improvement-plan"


class Signatory(Strict):
    """The person who signs the document."""

    name: ShortText = Field(description="Full name of the person signing, as Amazon knows them.")
    role: ShortText = Field(description="Their role in the business, such as Owner or Director.")


class Seller(Strict):
    """The selling account the case is about."""

    legal_name: ShortText = Field(
        description="The business's legal name exactly as registered in Seller Central."
    )
    store_name: ShortText = Field(description="The store (display) name buyers see.")
    merchant_token: MerchantToken = Field(
        description="Your merchant token (seller ID) from Settings > Account Info; "
        "starts with A. Not the marketplace ID."
    )
    merchant_tokens: dict[MarketplaceCode, MerchantToken] = Field(
        default_factory=dict,
        description="Only if a marketplace uses a different token (some Middle East stores "
        "do): marketplace code to token.",
    )
    marketplaces: list[MarketplaceCode] = Field(
        min_length=1, description="The Amazon stores you sell in, such as [US, CA]."
    )
    email: Email = Field(description="The contact email address registered on the account.")
    address: ShortText | None = Field(default=None, description="Postal address (counter-notice).")
    phone: ShortText | None = Field(default=None, description="Telephone number (counter-notice).")
    signatory: Signatory = Field(description="Who signs the plan.")

    def token_for(self, marketplace: str) -> str:
        """The merchant token used in one marketplace."""
        return self.merchant_tokens.get(marketplace, self.merchant_token)


class Notification(Strict):
    """The notice Amazon sent."""

    issue_type: Key = Field(
        description="The kind of issue, as a catalog key (run `poa catalog` to list them)."
    )
    received_on: date = Field(description="The date the notice arrived (YYYY-MM-DD).")
    subject: ShortText = Field(description="The notice's subject line, copied as it is.")
    reference: ShortText | None = Field(
        default=None, description="A reference or violation ID printed on the notice, if any."
    )
    marketplace: MarketplaceCode = Field(description="The store the notice is about, such as US.")
    scope: Scope = Field(
        default="account",
        description="What is affected: the whole account, some listings, or a product category.",
    )
    asins: list[Asin] = Field(
        default_factory=list, description="Every ASIN listed in the notice (usually at its end)."
    )
    order_ids: list[OrderId] = Field(
        default_factory=list, description="Every order ID the notice names, in 3-7-7 form."
    )
    deadline: date | None = Field(
        default=None,
        description="The date the answer is due. Leave it out to use the usual window for "
        "this issue type.",
    )
    severity: Severity | None = Field(
        default=None, description="The severity shown in Account Health, if shown."
    )
    other_issue_types: Annotated[list[str], AfterValidator(unique)] = Field(
        default_factory=list,
        description="Further issue types the same notice cites (catalog keys), such as "
        "late-shipment-rate beside an order-defect-rate notice.",
    )
    # The default stays a plain value (what the interview offers first) and is validated into
    # a list like any value given.
    account_status: Statuses = Field(
        default="warning",
        validate_default=True,
        description="Where the account stands now because of this notice: one status, or a "
        "list when several apply, such as [deactivated, funds-held].",
    )
    category: ShortText | None = Field(
        default=None,
        description="The product category concerned, for a notice that removes seller-fulfilled "
        "privileges in one category (status category-restricted).",
    )
    problem_started_on: date | None = Field(
        default=None,
        description="When the problem began, if known; corrective actions cannot predate it.",
    )
    policies: list[ShortText] = Field(
        default_factory=list,
        description="Policies the notice cites, by name, such as 'Drop Shipping Policy'.",
    )
    text: PastedText | None = Field(
        default=None, max_length=20000, description="The notice's own text, pasted as it is."
    )

    @property
    def issue_types(self) -> list[str]:
        """Every issue type the notice cites, the primary one first."""
        return [self.issue_type, *self.other_issue_types]

    @property
    def statuses(self) -> list[AccountStatus]:
        """The account's statuses, whether one or several were given."""
        return list(self.account_status)


class RootCause(Strict):
    """One reason the problem happened: the process that failed, not the symptom."""

    id: ItemId
    summary: ShortText = Field(description="The cause in one sentence.")
    detail: Text | None = Field(
        default=None,
        description="What happened, when, how many orders or units, which ASINs: the facts "
        "that make the cause credible.",
    )
    occurred_on: date | None = Field(default=None, description="When it happened, if one date.")
    asins: list[Asin] = Field(default_factory=list, description="ASINs this cause affected.")
    order_ids: list[OrderId] = Field(default_factory=list, description="Orders it affected.")
    units: int | None = Field(
        default=None, ge=0, description="How many orders, units, packages... it affected."
    )
    unit: Unit = Field(
        default="units",
        description="What `units` counts: orders, units, packages, listings or messages.",
    )
    issue_type: str | None = Field(
        default=None,
        description="Which of the notice's issue types this cause explains, when the notice "
        "cites several; defaults to notification.issue_type.",
    )
    evidence: list[ItemId] = Field(default_factory=list, description="Evidence ids that show it.")


class CorrectiveAction(Strict):
    """Something already done to fix the problem; it must carry its completion date."""

    id: ItemId
    root_causes: list[ItemId] = Field(
        min_length=1, description="The root cause ids this action answers."
    )
    action: Text = Field(description="What was done, in the past tense, with numbers.")
    completed_on: date = Field(
        description="The date it was finished. Not done yet? Then it "
        "is a preventive measure or has to wait."
    )
    evidence: list[ItemId] = Field(default_factory=list, description="Evidence ids that show it.")


class PreventiveMeasure(Strict):
    """A control that now runs so the problem cannot come back."""

    id: ItemId
    root_causes: list[ItemId] = Field(
        min_length=1, description="The root cause ids this measure guards against."
    )
    area: ShortText = Field(
        default="Operations",
        description="The part of the business it belongs to, such as Sourcing, Listings, "
        "Fulfillment, Customer service, Training or Monitoring.",
    )
    measure: Text = Field(description="What runs now, stated as a fact, in the present tense.")
    owner: ShortText = Field(description="The role responsible, such as Warehouse lead.")
    frequency: ShortText = Field(
        description="How often it runs: daily, weekly, per shipment, before each listing…"
    )
    started_on: date = Field(description="The date it started, or starts.")
    kpi: ShortText | None = Field(default=None, description="How you measure that it works.")
    evidence: list[ItemId] = Field(
        default_factory=list, description="Evidence ids that show it runs (a procedure, a log)."
    )


class Evidence(Strict):
    """One supporting document attached to the appeal."""

    id: ItemId
    kind: EvidenceKind = Field(description="What sort of document it is.")
    file: ShortText = Field(description="The file name as attached, such as invoice-0412.pdf.")
    proves: Text = Field(description="What the document shows, in one sentence.")
    issued_on: date | None = Field(default=None, description="The date printed on it.")
    supplier: ShortText | None = Field(default=None, description="Who issued it, for invoices.")
    asins: list[Asin] = Field(default_factory=list, description="ASINs the document covers.")
    gtins: list[Gtin] = Field(default_factory=list, description="UPC/EAN/GTIN codes it shows.")
    fnskus: list[Fnsku] = Field(default_factory=list, description="FNSKU labels it shows.")
    quantity: int | None = Field(default=None, ge=0, description="Units it covers, for invoices.")
    quantities: dict[Asin, Count] = Field(
        default_factory=dict,
        description="Units per ASIN, for an invoice that lists several: ASIN to quantity.",
    )

    def units_for(self, asin: str) -> int | None:
        """Units of one ASIN the document covers, where it says so."""
        if asin in self.quantities:
            return self.quantities[asin]
        if self.quantity is not None and self.asins == [asin] and not self.quantities:
            return self.quantity
        return None


class Breakdown(Strict):
    """The defects behind an Order Defect Rate, by kind (orders, not percentages)."""

    negative_feedback: Count | None = Field(
        default=None, description="Orders with one- or two-star feedback."
    )
    a_to_z_claims: Count | None = Field(default=None, description="Orders with an A-to-z claim.")
    chargebacks: Count | None = Field(default=None, description="Orders with a service chargeback.")

    def parts(self) -> dict[str, int]:
        """The kinds given, by field name."""
        return {k: v for k, v in self.model_dump().items() if v is not None}


class Metric(Strict):
    """A performance metric as it stands now."""

    metric: Key = Field(
        description="The metric's catalog key, such as order-defect-rate, or a name of your own."
    )
    value: Percent = Field(description="Its current value in percent: 1.8 means 1.8%.")
    window_days: int | None = Field(
        default=None, ge=1, le=365, description="The window it is measured over, in days."
    )
    target: Percent | None = Field(
        default=None, description="The value to reach, in percent; defaults to Amazon's target."
    )
    better: Literal["lower", "higher"] | None = Field(
        default=None, description="Whether lower or higher is better; known for catalog metrics."
    )
    cause: Text | None = Field(default=None, description="Why it missed, in one or two lines.")
    count: Count | None = Field(
        default=None,
        description="The orders (or packages) that counted against the metric: the 34 in "
        "34 of 1,710.",
    )
    total: Annotated[int, Field(ge=1)] | None = Field(
        default=None, description="All orders (or packages) in the window: the 1,710."
    )
    unit: Unit = Field(default="orders", description="What count and total count.")
    breakdown: Breakdown | None = Field(
        default=None,
        description="For the Order Defect Rate: how many orders had each kind of defect.",
    )


class Milestone(Strict):
    """A dated checkpoint of a performance improvement plan."""

    due_on: date = Field(description="The date the metric should reach the value.")
    metric: Key = Field(description="The metric key, as given under metrics.")
    target: Percent = Field(description="The value it should reach by then, in percent.")
    note: ShortText | None = Field(default=None, description="What has to be in place by then.")


class Case(Strict):
    """One notification and the seller's answer to it."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        str_strip_whitespace=True,
        json_schema_extra={"title": "poa case file"},
    )

    kind: Kind = Field(
        default=Kind.PLAN_OF_ACTION,
        description="plan-of-action to answer a notice, performance-improvement-plan when "
        "metrics slip but nothing is lost yet.",
    )
    document: DocumentChoice = Field(
        default="auto",
        description="auto writes what the catalog says the issue needs (a retraction request, "
        "counter-notice, cover note or internal note); plan-of-action forces the plan.",
    )
    prepared_on: date | None = Field(
        default=None,
        description="The date printed on the documents; defaults to the latest date in the case, "
        "so the same case always gives the same document.",
    )
    seller: Seller
    notification: Notification
    root_causes: list[RootCause] = Field(min_length=1, description="Why it happened.")
    corrective_actions: list[CorrectiveAction] = Field(
        min_length=1, description="What has been fixed already."
    )
    preventive_measures: list[PreventiveMeasure] = Field(
        min_length=1, description="What now runs so it does not happen again."
    )
    evidence: list[Evidence] = Field(default_factory=list, description="Documents attached.")
    units_sold: dict[Asin, Count] = Field(
        default_factory=dict,
        description="Units sold per ASIN over the 365 days before the notice, so invoices can "
        "be checked against them: ASIN to units.",
    )
    metrics: list[Metric] = Field(default_factory=list, description="Metrics now and targets.")
    milestones: list[Milestone] = Field(
        default_factory=list, description="Dated targets, for an improvement plan."
    )
    review_cadence: Literal["daily", "weekly", "bi-weekly", "monthly"] | None = Field(
        default=None, description="How often the plan's metrics are reviewed."
    )
    review_checks: list[ShortText] = Field(
        default_factory=list, description="What is checked at each review."
    )
    dispute: Dispute | None = Field(default=None, description="For an IP complaint.")
    changes: list[Change] = Field(default_factory=list, description="Listing and stock changes.")
    submissions: list[Submission] = Field(
        default_factory=list, description="Earlier submissions and Amazon's replies."
    )
    health: ShortText | None = Field(
        default=None,
        description="A daily counts file (CSV) to compare the metrics against, relative to "
        "the case file; `poa log` shows the values at the notice and now.",
    )
    checks: CheckSwitches | None = Field(
        default=None, description="Reviewer's checks switched off for this case, each with why."
    )
