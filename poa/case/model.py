"""The case file as Pydantic models: one notification and the seller's answer to it."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from poa.case import ids
from poa.case.marketplaces import MARKETPLACES, normalize_marketplace

PLACEHOLDER = re.compile(
    r"\[[^\]]*\b(insert|your|add|enter|todo|tbd|fill|date|name|here)\b[^\]]*\]"
    r"|\b(TBD|TBC|TODO|FIXME|XXX+)\b|lorem ipsum|<\s*(insert|your)[^>]*>",
    re.IGNORECASE,
)


def _real_text(value: str) -> str:
    text = value.strip()
    if not text:
        raise ValueError("is empty: write the actual text, or remove the field if it is optional")
    if match := PLACEHOLDER.search(text):
        found = match.group(0)
        shown = found if len(found) <= 40 else found[:39] + "…"
        raise ValueError(f"still holds the placeholder {shown!r}: replace it with the real fact")
    return text


def _as_str(value: object) -> object:
    # YAML turns bare numbers into ints; identifiers and names are text to us.
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


_NONCHARACTERS = "".join(
    chr(plane << 16 | 0xFFFE) + "-" + chr(plane << 16 | 0xFFFF) for plane in range(17)
)
# Characters no document format can hold (XML 1.0 forbids them; Word and PDF text with them
# cannot be written): C0/C1 controls except tab and line breaks, halves of surrogate pairs
# and Unicode noncharacters. Tabs and newlines are kept: long text may be pasted with them.
UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]"
)
# Explicit embeddings, overrides and isolates: they change the order text is shown in, so an
# identifier or a file name could display as something it is not.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def character_problem(text: str, *, free_text: bool = False) -> str | None:
    """Why text cannot be printed as it is (naming the character as U+XXXX and what to do),
    or None. Bidirectional controls are allowed in free text, where documents drop them."""
    if match := UNPRINTABLE.search(text):
        char = match.group(0)
        code, where = f"U+{ord(char):04X}", f"(character {match.start() + 1})"
        if "\ud800" <= char <= "\udfff":
            return (
                f"holds {code} {where}, half of a character pair that is not a character on "
                "its own: retype the character around it"
            )
        if unicodedata.category(char) == "Cc":
            return (
                f"holds the invisible control character {code} {where}, which documents "
                "cannot print: delete it (it often comes with text pasted from another program)"
            )
        return f"holds {code} {where}, which is not a character: delete it"
    if not free_text and (match := BIDI_CONTROLS.search(text)):
        char = match.group(0)
        return (
            f"holds the direction control U+{ord(char):04X} ({unicodedata.name(char).lower()}) "
            f"(character {match.start() + 1}), which changes the order the text is shown in "
            "and can disguise a name: delete it"
        )
    return None


def _checked(value: object, *, free_text: bool) -> object:
    value = _as_str(value)
    if isinstance(value, str) and (problem := character_problem(value, free_text=free_text)):
        raise ValueError(problem)
    return value


def _short_in(value: object) -> object:
    return _checked(value, free_text=False)


def _free_in(value: object) -> object:
    return _checked(value, free_text=True)


# Free text (long fields) may hold direction controls; every other text type refuses them.
# The length limit comes first so it is checked as a string's (and reported in characters).
Text = Annotated[str, Field(max_length=6000), BeforeValidator(_free_in), AfterValidator(_real_text)]
ShortText = Annotated[
    str, Field(max_length=300), BeforeValidator(_short_in), AfterValidator(_real_text)
]
PastedText = Annotated[str, BeforeValidator(_free_in)]
Key = Annotated[str, BeforeValidator(_short_in)]
ItemId = Annotated[
    str,
    BeforeValidator(_short_in),
    Field(
        pattern=r"^[A-Za-z][A-Za-z0-9_.-]{0,39}$",
        description="A short label other items use to point at this one, such as RC1 or E3.",
    ),
]
OrderId = Annotated[str, BeforeValidator(_short_in), AfterValidator(ids.normalize_order_id)]
Asin = Annotated[str, BeforeValidator(_short_in), AfterValidator(ids.normalize_asin)]
Gtin = Annotated[str, BeforeValidator(_short_in), AfterValidator(ids.normalize_gtin)]
Fnsku = Annotated[str, BeforeValidator(_short_in), AfterValidator(ids.normalize_fnsku)]
MerchantToken = Annotated[
    str, BeforeValidator(_short_in), AfterValidator(ids.normalize_merchant_token)
]
MarketplaceCode = Annotated[
    str,
    BeforeValidator(_short_in),
    AfterValidator(normalize_marketplace),
    Field(
        description="Amazon store by its two-letter code: " + ", ".join(MARKETPLACES),
        json_schema_extra={"enum": list(MARKETPLACES)},
    ),
]
Percent = Annotated[float, Field(ge=0, le=100)]
Email = Annotated[str, BeforeValidator(_short_in), Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]


class Kind(StrEnum):
    """Which document the case produces."""

    PLAN_OF_ACTION = "plan-of-action"
    PERFORMANCE_IMPROVEMENT_PLAN = "performance-improvement-plan"


class Strict(BaseModel):
    """Base for case models: unknown fields are errors, values are checked on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=True)


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
    signatory: Signatory = Field(description="Who signs the plan.")

    def token_for(self, marketplace: str) -> str:
        """The merchant token used in one marketplace."""
        return self.merchant_tokens.get(marketplace, self.merchant_token)


Scope = Literal["account", "listing", "category"]
Severity = Literal["critical", "high", "medium", "low"]
AccountStatus = Literal["warning", "at-risk", "listings-removed", "deactivated", "funds-held"]


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
    account_status: AccountStatus = Field(
        default="warning", description="Where the account stands now because of this notice."
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
    units: int | None = Field(default=None, ge=0, description="How many units or orders.")
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
        "Fulfilment, Customer service, Training or Monitoring.",
    )
    measure: Text = Field(description="What runs now, stated as a fact, in the present tense.")
    owner: ShortText = Field(description="The role responsible, such as Warehouse lead.")
    frequency: ShortText = Field(
        description="How often it runs: daily, weekly, per shipment, before each listing…"
    )
    started_on: date = Field(description="The date it started, or starts.")
    kpi: ShortText | None = Field(default=None, description="How you measure that it works.")


EvidenceKind = Literal[
    "invoice",
    "letter-of-authorization",
    "test-report",
    "certificate",
    "photo",
    "screenshot",
    "report",
    "contract",
    "correspondence",
    "identity-document",
    "utility-bill",
    "declaration",
    "destruction-certificate",
    "training-record",
    "procedure",
    "registration",
    "other",
]


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


class Milestone(Strict):
    """A dated checkpoint of a performance improvement plan."""

    due_on: date = Field(description="The date the metric should reach the value.")
    metric: Key = Field(description="The metric key, as given under metrics.")
    target: Percent = Field(description="The value it should reach by then, in percent.")
    note: ShortText | None = Field(default=None, description="What has to be in place by then.")


class Submission(Strict):
    """An earlier submission of this case to Amazon, kept as the case's record."""

    submitted_on: date
    outcome: Literal["pending", "accepted", "rejected", "more-information-requested"]
    reply: PastedText | None = Field(default=None, max_length=20000, description="Amazon's reply.")


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
    submissions: list[Submission] = Field(
        default_factory=list, description="Earlier submissions and Amazon's replies."
    )
