"""The issue catalog: every kind of notice poa knows, loaded from data files and validated."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from poa import yamlfile
from poa.case.kinds import EvidenceKind
from poa.case.values import MarketplaceCode
from poa.errors import CatalogError, InputError
from poa.pairing import Link, Suggestion, check_links, pairing_problems, split_items, suggestions
from poa.resources import builtin_dir

GROUPS: dict[str, str] = {
    "metrics": "Performance metrics",
    "authenticity-condition": "Authenticity and product condition",
    "intellectual-property": "Intellectual property",
    "safety-compliance": "Product safety and compliance",
    "listing-pricing": "Listing policy and pricing",
    "conduct": "Seller conduct",
    "identity-verification": "Identity verification",
    "customer-feedback": "Customer feedback",
}
CATEGORIES: dict[str, str] = {
    "account-health": "Account health",
    "policy-violation": "Policy violation",
    "customer-feedback": "Customer feedback",
    "performance-improvement": "Performance improvement",
}
Route = Literal[
    "poa",
    "retraction",
    "counter-notice",
    "documents-only",
    "listing-edit",
    "quiz",
    "improve-and-monitor",
    "per-order",
]
ROUTES: dict[str, str] = {
    "poa": "a Plan of Action",
    "improve-and-monitor": "improving and monitoring the metric; no plan of action is needed",
    "retraction": "a retraction from the rights owner",
    "counter-notice": "a counter-notice",
    "documents-only": "the requested documents with a short cover note",
    "listing-edit": "editing the listing",
    "quiz": "the policy quiz Amazon offers",
    "per-order": "handling each order on its own (answer the buyer, refund or replace, and ask "
    "for removal only where Amazon's rules allow); no plan of action is needed unless Amazon "
    "cites the Order Defect Rate",
}
SubmitVia = Literal[
    "appeal-form",
    "email",
    "ip-dispute",
    "compliance-upload",
    "listing-edit",
    "rights-owner",
    "none",
]
SUBMIT_VIA: dict[str, str] = {
    "appeal-form": "the appeal form in Account Health",
    "email": "email",
    "ip-dispute": "the dispute option on the notice in Account Health",
    "compliance-upload": "the compliance document upload in Seller Central",
    "listing-edit": "an edit of the listing itself",
    "rights-owner": "a request to the rights owner, who then withdraws the complaint with Amazon",
    "none": "nothing to submit to Amazon",
}
ENV_CATALOG = "POA_CATALOG"

Sentence = Annotated[str, Field(min_length=3, max_length=400)]
DEFAULT_ADDRESSEE = "Seller Performance Team"


class CatalogModel(BaseModel):
    """Base for catalog models: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class MetricSpec(CatalogModel):
    """An Amazon performance metric and its threshold."""

    key: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    name: str
    formula: str
    window_days: int | None = Field(default=None, ge=1, le=365)
    threshold: float = Field(ge=0, le=100, description="Amazon's target, in percent.")
    better: Literal["lower", "higher"]
    enforced: bool = Field(description="Whether missing the target can cost selling rights.")
    per_category: bool = Field(
        default=False,
        description="Whether Amazon enforces it per product category (Valid Tracking Rate in "
        "the US and Canada) rather than for the whole account.",
    )

    def describe(self) -> list[str]:
        """The metric's formula, window and target, as lines."""
        sign = "<" if self.better == "lower" else ">"
        window = f"{self.window_days} days" if self.window_days else "as shown in Account Health"
        advisory = "" if self.enforced else " (advisory)"
        scope = "; enforced per product category" if self.per_category else ""
        return [
            f"Metric: {self.name} = {self.formula}",
            f"  window: {window}; target {sign} {self.threshold}%{advisory}{scope}",
        ]

    def meets(self, value: float, target: float | None = None) -> bool:
        """Whether a value meets the threshold (or the given target)."""
        goal = self.threshold if target is None else target
        return value < goal if self.better == "lower" else value > goal


class IssueType(CatalogModel):
    """One kind of notice, with what a good answer to it contains."""

    key: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: str = Field(min_length=3, max_length=120)
    group: Literal[
        "metrics",
        "authenticity-condition",
        "intellectual-property",
        "safety-compliance",
        "listing-pricing",
        "conduct",
        "identity-verification",
        "customer-feedback",
    ]
    category: Literal[
        "account-health", "policy-violation", "customer-feedback", "performance-improvement"
    ]
    summary: str = Field(min_length=20)
    route: Route = "poa"
    route_advice: str | None = None
    us_title: str | None = Field(
        default=None,
        description="Amazon's own name for the issue on Amazon.com and Amazon.ca, where it "
        "differs from the title, such as Pre-fulfillment Cancel Rate.",
    )
    addressee: str = Field(
        default=DEFAULT_ADDRESSEE,
        description="Who at Amazon reads the answer, where it is not the Seller Performance Team.",
    )
    submit_via: SubmitVia = Field(
        default="appeal-form", description="How the answer reaches Amazon (or the rights owner)."
    )
    submit_to: str | None = Field(
        default=None,
        description="An email address or named place, where submit_via needs one; with none, "
        "where the work is done instead.",
    )
    rule: str | None = Field(
        default=None,
        min_length=20,
        max_length=700,
        description="Amazon's actual rule for this issue, stated plainly in one or two "
        "sentences: what counts and where the line is. The letter's policy line.",
    )
    policy: str | None = Field(
        default=None, description="Amazon's own name for the policy, only where it has one."
    )
    required_evidence: list[EvidenceKind] = Field(
        default_factory=list,
        description="Evidence kinds every reply to this issue must include, such as invoice.",
    )
    marketplaces: list[MarketplaceCode] = Field(
        default_factory=list,
        description="The stores where this notice type exists (such as [US] for a US-only "
        "procedure); empty means every store.",
    )
    focus: str = Field(min_length=20, description="What a reviewer looks for in the answer.")
    root_causes: list[Sentence] = Field(min_length=4)
    corrective_actions: list[Sentence] = Field(min_length=4)
    preventive_measures: list[Sentence] = Field(min_length=4)
    # Per action and measure, in order: the root cause it answers (and a measure's owner and
    # frequency), written in a catalog file as a mapping item `{text: ..., cause: N, ...}`.
    action_links: list[Link] = Field(default_factory=list)
    measure_links: list[Link] = Field(default_factory=list)
    evidence: list[Sentence] = Field(min_length=1)
    deadline_days: int | None = Field(
        default=None, ge=1, le=365, description="The usual answer window, where Amazon sets one."
    )
    metric: MetricSpec | None = None

    @model_validator(mode="before")
    @classmethod
    def _split_paired_items(cls, data: object) -> object:
        return split_items(data)

    @model_validator(mode="after")
    def _advice_for_other_routes(self) -> IssueType:
        if self.route != "poa" and not self.route_advice:
            raise ValueError("route_advice is required when route is not poa")
        if self.submit_via == "email" and not self.submit_to:
            raise ValueError("submit_to is required when submit_via is email: give the address")
        check_links(len(self.root_causes), self.corrective_actions, self.action_links)
        check_links(len(self.root_causes), self.preventive_measures, self.measure_links)
        return self

    @property
    def suggested_actions(self) -> list[Suggestion]:
        """The corrective actions with the root cause each answers (the first by default)."""
        return suggestions(self.corrective_actions, self.action_links)

    @property
    def suggested_measures(self) -> list[Suggestion]:
        """The preventive measures with their root cause, owner and frequency."""
        return suggestions(self.preventive_measures, self.measure_links)

    @property
    def group_title(self) -> str:
        """The group's display name."""
        return GROUPS[self.group]

    @property
    def submission(self) -> str:
        """How and where the answer is submitted, as one sentence."""
        if self.submit_via == "none":
            where = f"; the work is done in {self.submit_to}" if self.submit_to else ""
            return f"Nothing is submitted to Amazon{where}."
        place = f" ({self.submit_to})" if self.submit_to else ""
        return f"The answer goes through {SUBMIT_VIA[self.submit_via]}{place}."

    def describe(self) -> str:
        """The issue type in full, as `poa catalog KEY` prints it."""
        lines = [f"{self.title}  [{self.key}]", *self._facts(), "", _wrap(self.summary)]
        if self.rule:
            lines += ["", _wrap(f"Rule: {self.rule}")]
        lines += ["", *self._answer()]
        if self.metric:
            lines += ["", *self.metric.describe()]
        for title, items in (
            ("Typical root causes", self.root_causes),
            ("Corrective actions", self.corrective_actions),
            ("Preventive measures", self.preventive_measures),
            ("Evidence", self.evidence),
        ):
            lines += ["", f"{title}:", *(f"  - {item}" for item in items)]
        return "\n".join(lines)

    def _facts(self) -> list[str]:
        deadline = (
            f"usual deadline: {self.deadline_days} days"
            if self.deadline_days
            else "no usual deadline"
        )
        lines = [f"group: {self.group_title}; notice category: {self.category}; {deadline}"]
        if self.marketplaces:
            lines.append("stores: " + ", ".join(self.marketplaces) + " only")
        if self.us_title:
            lines.append(f"Amazon.com calls it: {self.us_title}")
        if self.policy:
            lines.append(f"Amazon's policy: {self.policy}")
        return lines

    def _answer(self) -> list[str]:
        lines = [_wrap(f"Answer: {ROUTES[self.route]}. {self.submission}")]
        if self.addressee != DEFAULT_ADDRESSEE:
            lines.append(f"Addressed to: {self.addressee}.")
        if self.required_evidence:
            lines.append("Must include evidence of kind: " + ", ".join(self.required_evidence))
        if self.route_advice:
            lines.append(_wrap(self.route_advice))
        return lines


def _wrap(text: str) -> str:
    return textwrap.fill(text, width=88, break_on_hyphens=False, break_long_words=False)


class Catalog:
    """The issue types poa knows, by key, with their metrics."""

    def __init__(self, types: Iterable[IssueType]) -> None:
        self.types: dict[str, IssueType] = {t.key: t for t in types}
        self.metrics: dict[str, MetricSpec] = {
            t.metric.key: t.metric for t in self.types.values() if t.metric
        }

    def __contains__(self, key: object) -> bool:
        return key in self.types

    def __iter__(self) -> Iterator[IssueType]:
        return iter(
            sorted(self.types.values(), key=lambda t: (list(GROUPS).index(t.group), t.title))
        )

    def __len__(self) -> int:
        return len(self.types)

    def get(self, key: str) -> IssueType:
        """The issue type with this key, or CatalogError naming close matches."""
        try:
            return self.types[key]
        except KeyError:
            raise CatalogError(f"unknown issue type {key!r}: {self.suggest(key)}") from None

    def suggest(self, key: str) -> str:
        """A hint naming the closest known keys."""
        import difflib

        close = difflib.get_close_matches(key, list(self.types), n=3, cutoff=0.5)
        if close:
            return "did you mean " + " or ".join(f"`{c}`" for c in close) + "?"
        return "run `poa catalog` to list the known types"

    def describe(self) -> str:
        """Every issue type, grouped, one line each, as `poa catalog` prints them."""
        lines = []
        for group, issues in self.grouped().items():
            lines.append(f"{GROUPS[group]}:")
            width = max(len(i.key) for i in issues)
            for issue in issues:
                stores = f"  [{', '.join(issue.marketplaces)} only]" if issue.marketplaces else ""
                route = "" if issue.route == "poa" else f"  (answer: {issue.route})"
                lines.append(f"  {issue.key:<{width}}  {issue.title}{stores}{route}")
        lines += ["", f"{len(self)} issue types. `poa catalog KEY` shows one in full."]
        return "\n".join(lines)

    def grouped(self) -> dict[str, list[IssueType]]:
        """Issue types by group, in display order."""
        result: dict[str, list[IssueType]] = {}
        for issue in self:
            result.setdefault(issue.group, []).append(issue)
        return result


def _read_types(path: Path) -> list[IssueType]:
    doc = yamlfile.parse(yamlfile.read_text(path), str(path))
    items = doc.data if isinstance(doc.data, list) else [doc.data]
    types, problems = [], []
    for index, item in enumerate(items):
        prefix: tuple[int, ...] = (index,) if isinstance(doc.data, list) else ()
        paired = pairing_problems(item, doc, prefix)
        if paired:
            problems.extend(paired)
            continue
        try:
            types.append(IssueType.model_validate(item))
        except ValidationError as exc:
            problems += yamlfile.validation_problems(exc, doc, IssueType, prefix)
    if problems:
        raise CatalogError(f"{path}: invalid catalog entry", problems)
    return types


def _folder_types(folder: Path) -> list[IssueType]:
    if not folder.is_dir():
        raise CatalogError(f"{folder}: catalog folder does not exist")
    types: list[IssueType] = []
    for path in sorted([*folder.rglob("*.yaml"), *folder.rglob("*.yml")]):
        try:
            types.extend(_read_types(path))
        except InputError as exc:
            raise CatalogError(exc.message, exc.problems) from None
    return types


@lru_cache(maxsize=8)
def _load(folders: tuple[Path, ...]) -> Catalog:
    types: dict[str, IssueType] = {}
    for folder in folders:
        for issue in _folder_types(folder):
            types[issue.key] = issue
    return Catalog(types.values())


def load_catalog(extra: Iterable[str | Path] = ()) -> Catalog:
    """The built-in catalog plus user folders (later ones add to or override earlier ones).

    Folders named in the POA_CATALOG environment variable (separated by the path separator)
    come before those passed in.
    """
    env = [p for p in os.environ.get(ENV_CATALOG, "").split(os.pathsep) if p]
    folders = [builtin_dir() / "catalog", *map(Path, env), *map(Path, extra)]
    return _load(tuple(f.resolve() for f in folders))
