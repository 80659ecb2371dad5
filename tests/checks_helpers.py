"""A sound late-shipment case for the checks' tests, and ways to vary it."""

from __future__ import annotations

from datetime import date
from typing import Any

import yaml

from poa import yamlfile
from poa.case.files import parse_case
from poa.case.model import Case
from poa.catalog import Catalog, load_catalog

TODAY = date(2026, 5, 12)  # the notice arrived on 2026-05-04; the usual 17 days run to 05-21

SOUND = """\
kind: plan-of-action
seller:
  legal_name: Harbour Lane Goods Ltd
  store_name: Harbour Lane
  merchant_token: A2HLG9QX4M7TZB
  marketplaces: [UK]
  email: ops@harbourlane.example
  signatory:
    name: Nadia Brooks
    role: Director
notification:
  issue_type: late-shipment-rate
  received_on: 2026-05-04
  subject: Your Late Shipment Rate is above the target
  marketplace: UK
  asins: [B08KTZ4L2Q]
  order_ids: [203-5512894-1102938]
root_causes:
  - id: RC1
    summary: Orders placed after 11:00 missed our only carrier pickup, which came at 11:30.
    detail: Between 14 and 28 April, 41 orders, among them 203-5512894-1102938 for B08KTZ4L2Q,
      were confirmed a day late.
    asins: [B08KTZ4L2Q]
    order_ids: [203-5512894-1102938]
    evidence: [E1]
corrective_actions:
  - id: CA1
    root_causes: [RC1]
    action: Booked a second daily carrier pickup at 16:00 and confirmed all 41 late orders.
    completed_on: 2026-05-06
    evidence: [E2]
preventive_measures:
  - id: PM1
    root_causes: [RC1]
    area: Fulfilment
    measure: The shift lead checks the unshipped-orders report at 14:00 and 15:30 each weekday.
    owner: Shift lead
    frequency: twice each weekday
    started_on: 2026-05-07
evidence:
  - id: E1
    kind: report
    file: late-orders-april.csv
    proves: The 41 orders confirmed late between 14 and 28 April.
  - id: E2
    kind: contract
    file: carrier-pickup-schedule.pdf
    proves: The carrier's confirmation of the second daily pickup at 16:00.
"""


def sound_data() -> dict[str, Any]:
    """The sound case as data, to change before checking."""
    data = yaml.safe_load(SOUND)
    assert isinstance(data, dict)
    return data


def build(
    data: dict[str, Any] | None = None, catalog: Catalog | None = None
) -> tuple[Case, yamlfile.Document]:
    """A validated case and its parsed document from data (the sound case by default)."""
    text = yaml.safe_dump(data if data is not None else sound_data(), sort_keys=False)
    catalog = catalog or load_catalog()
    case = parse_case(text, "cases/harbour.yaml", catalog=catalog, today=TODAY)
    return case, yamlfile.parse(text, "cases/harbour.yaml")
