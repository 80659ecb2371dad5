"""The result of triage: the assessment first (nature, severity, time left), then every
recognised value with the phrase that decided it, then what could not be found."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from poa.case.model import Kind
from poa.triage.found import Found
from poa.triage.phrases import TriageStatus

Nature = Literal[
    "account-health", "policy-violation", "customer-feedback", "performance-improvement"
]
Severity = Literal["critical", "high", "medium", "low"]
DeadlineSource = Literal["notice", "usual-window", "none"]
NATURES: dict[str, str] = {
    "account-health": "Account health",
    "policy-violation": "Policy violation",
    "customer-feedback": "Customer feedback",
    "performance-improvement": "Performance improvement",
}


@dataclass(frozen=True)
class Assessment:
    """How a seller is taught to read a notice before anything else: what kind it is, how
    grave, and how long there is to answer (and where each of these comes from)."""

    nature: Nature | None
    nature_reason: str
    severity: Severity
    severity_reason: str
    informational: bool
    deadline: date | None
    deadline_source: DeadlineSource
    deadline_reason: str
    today: date

    @property
    def days_left(self) -> int | None:
        """Days from today to the deadline (negative once it has passed), or None."""
        return (self.deadline - self.today).days if self.deadline else None

    def time_left(self) -> str:
        """The time left in words."""
        days = self.days_left
        if days is None:
            return "no deadline"
        if days < 0:
            return f"the deadline passed {-days} day(s) ago"
        if days == 0:
            return "due today"
        return f"{days} day(s) left"


@dataclass(frozen=True)
class NoticeTriage:
    """What a pasted notice says, recognised by rules. Each value carries the phrase of
    the notice that decided it; ``missing`` names what could not be found."""

    assessment: Assessment
    issue_types: list[Found[str]]
    kind: Kind
    subject: Found[str] | None
    received_on: Found[date] | None
    marketplace: Found[str] | None
    other_marketplaces: list[Found[str]]
    account_status: Found[TriageStatus] | None
    informational: Found[str] | None
    deadline: Found[date] | None
    reference: Found[str] | None
    asins: list[Found[str]]
    order_ids: list[Found[str]]
    metrics: list[Found[tuple[str, float]]]
    policies: list[Found[str]]
    text: str
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def issue_type(self) -> str | None:
        """The primary issue type (the one the notice names first), or None."""
        return self.issue_types[0].value if self.issue_types else None

    @property
    def other_issue_types(self) -> list[str]:
        """Further issue types the same notice names, after the primary one."""
        return [found.value for found in self.issue_types[1:]]

    @property
    def status(self) -> TriageStatus | Literal["warning"]:
        """The account status as a case file writes it (warning when none is reported)."""
        return self.account_status.value if self.account_status else "warning"

    def case_data(self) -> dict[str, Any]:
        """The notice as case-file data (kind, notification and metrics), ready to write as
        YAML. Only what the notice says is filled in; what only the seller knows (and what
        triage could not find) is left out for the seller to add."""
        notification: dict[str, Any] = {}
        if self.issue_type:
            notification["issue_type"] = self.issue_type
        if self.other_issue_types:
            notification["other_issue_types"] = self.other_issue_types
        if self.received_on:
            notification["received_on"] = self.received_on.value
        if self.subject:
            notification["subject"] = self.subject.value
        if self.reference:
            notification["reference"] = self.reference.value
        if self.marketplace:
            notification["marketplace"] = self.marketplace.value
        if self.status == "listings-removed":
            notification["scope"] = "listing"
        for name, found in (("asins", self.asins), ("order_ids", self.order_ids)):
            if found:
                notification[name] = [item.value for item in found]
        if self.deadline:
            notification["deadline"] = self.deadline.value
        notification["account_status"] = self.status
        if self.policies:
            notification["policies"] = [item.value for item in self.policies]
        notification["text"] = self.text.strip()
        data: dict[str, Any] = {"kind": self.kind.value, "notification": notification}
        if self.metrics:
            data["metrics"] = [
                {"metric": item.value[0], "value": item.value[1]} for item in self.metrics
            ]
        return data
