"""The fixed sets a case chooses from: scope, severity, account status, units, evidence kinds."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
)

Scope = Literal["account", "listing", "category"]
Severity = Literal["critical", "high", "medium", "low"]
AccountStatus = Literal[
    "warning",
    "at-risk",
    "listings-removed",
    "category-restricted",
    "deactivated",
    "funds-held",
]
_STATUS_ENUM = {"type": "string", "enum": list(get_args(AccountStatus))}
_STATUS_SCHEMA = {"anyOf": [_STATUS_ENUM, {"type": "array", "items": _STATUS_ENUM, "minItems": 1}]}
Unit = Literal["orders", "units", "packages", "listings", "messages"]
ChangeKind = Literal["listing-edit", "listing-closed", "units-removed", "stock-destroyed"]
DocumentChoice = Literal["auto", "plan-of-action"]
Count = Annotated[int, Field(ge=0)]


def _as_list(value: object) -> object:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise ValueError(
            "should be one status, such as at-risk, or a list of them, such as "
            "[deactivated, funds-held]"
        )
    return value


def _one_or_list(values: list[str]) -> str | list[str]:
    # A single status is written back as it is usually typed: a plain value.
    return values[0] if len(values) == 1 else list(values)


def unique(values: list[str]) -> list[str]:
    """The list as given; ValueError naming any value listed twice."""
    doubles = sorted({v for v in values if values.count(v) > 1})
    if doubles:
        raise ValueError(f"lists {', '.join(doubles)} more than once: keep each once")
    return values


# One status or several: `at-risk`, or `[deactivated, funds-held]`.
Statuses = Annotated[
    list[AccountStatus],
    BeforeValidator(_as_list),
    AfterValidator(unique),
    PlainSerializer(_one_or_list),
    Field(min_length=1),
    WithJsonSchema(_STATUS_SCHEMA),
]

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


RuleId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$", max_length=60)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class CheckSwitches(BaseModel):
    """Reviewer's checks switched off for one case: rule id to the reason it does not apply."""

    model_config = ConfigDict(extra="forbid")

    disable: dict[RuleId, Reason] = Field(
        default_factory=dict,
        description="Rule ids (see `poa check`) to the reason each does not apply to this case.",
    )
