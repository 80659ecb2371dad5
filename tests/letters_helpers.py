"""Shared helpers for the letter tests: render case data, a catalog with rules."""

from __future__ import annotations

from typing import Any

import poa

from .conftest import SAMPLE_FILES, TODAY

ODR = "odr-negative-feedback-us.yaml"
TWO_ISSUES = "odr-late-shipment-us.yaml"
CANCEL_PIP = "cancel-rate-pip-us.yaml"
LSR_PIP = "late-shipment-pip-uk.yaml"
ODR_RULE = (
    "An order is defective when it draws one- or two-star feedback, an A-to-z Guarantee claim "
    "that is not denied, or a service chargeback; the rate must stay under 1%."
)
LSR_RULE = (
    "A seller-fulfilled order is late when its shipment is confirmed after the expected ship "
    "date; the rate must stay under 4%."
)


def letter(
    data: dict[str, Any], fmt: str = "md", catalog: poa.Catalog | None = None, **kw: Any
) -> str:
    case = poa.case_from_data(data, today=TODAY)
    return poa.render(case, fmt, catalog=catalog, **kw).decode()


def with_rules(**updates: dict[str, Any]) -> poa.Catalog:
    """The built-in catalog with fields of some entries replaced (key with '-' as '_')."""
    base = poa.load_catalog()
    changed = {key.replace("_", "-"): fields for key, fields in updates.items()}
    return poa.Catalog(t.model_copy(update=changed.get(t.key, {})) for t in base)


def sample_letters() -> dict[str, str]:
    return {p.name: poa.render(poa.load_case(p, today=TODAY), "md").decode() for p in SAMPLE_FILES}
