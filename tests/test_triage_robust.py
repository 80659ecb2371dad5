"""Triage never fails on what a user pastes, and its phrase table is checked data: any text
gives a triage (or a PoaError for an empty one), every recognised value points at its own
phrase, and a broken phrase file is refused at its line."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from poa import CatalogError, PoaError, format_triage, triage_notice
from poa.catalog import load_catalog
from poa.triage import NoticeTriage, load_phrases
from poa.triage.phrases import phrases_path

TODAY = date(2026, 11, 22)
FRAGMENTS = [
    "Date: 03/11/2026",
    "Sent: 31/02/2026",
    "November 31, 2026",
    "by December 1",
    "within 17 days",
    "in the next 72 hours",
    "within 9999 business days",
    "Please submit a plan of action",
    "Amazon.co.uk",
    "amazon.com.au.",
    "sellercentral-europe.amazon.com",
    "ASIN: 0306406152",
    "B0C7TQ2Z11",
    "113-2290481-5512038",
    "Reference ID: ",
    "Your Order Defect Rate is 1,6 %",
    "Late Shipment Rate of 100.5%",
    "We have deactivated your selling account.",
    "no action is required",
    "Section 3 of the Business Solutions Agreement",
    "Subject: ",
    "\u202e",
    "\r\n",
    "\n\n",
    ". ",
]
notice_like = st.lists(
    st.one_of(st.text(max_size=30), st.sampled_from(FRAGMENTS)), max_size=25
).map("".join)


def _founds(result: NoticeTriage) -> list[Any]:
    singles = [
        result.subject,
        result.received_on,
        result.marketplace,
        result.account_status,
        result.informational,
        result.deadline,
        result.reference,
    ]
    lists = [
        result.issue_types,
        result.other_marketplaces,
        result.asins,
        result.order_ids,
        result.metrics,
        result.policies,
    ]
    return [f for f in singles if f] + [f for items in lists for f in items]


def _check(text: str) -> None:
    try:
        result = triage_notice(text, today=TODAY)
    except PoaError as exc:
        assert "the notice is" in str(exc)
        return
    for found in _founds(result):
        if found.phrase:
            assert result.text[found.start : found.end] == found.phrase
    assert format_triage(result).startswith("Nature:")
    data = result.case_data()
    assert data["notification"]["text"] == result.text.strip()
    assert result == triage_notice(text, today=TODAY)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text_gives_a_triage_or_a_poa_error(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notice_like)
def test_notice_like_text_gives_a_triage_whose_phrases_are_its_own(text: str) -> None:
    _check(text)


def test_the_phrase_table_covers_the_catalog_exactly() -> None:
    table = load_phrases()
    assert set(table.types) == set(load_catalog().types)


def _write_table(tmp_path: Path, change: dict[str, Any]) -> Path:
    data = yaml.safe_load(phrases_path().read_text(encoding="utf-8"))
    data["types"]["drop-shipping"].update(change)
    path = tmp_path / "phrases.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_a_broken_pattern_is_refused_at_its_line(tmp_path: Path) -> None:
    path = _write_table(tmp_path, {"patterns": ["(unclosed"]})
    with pytest.raises(CatalogError) as caught:
        load_phrases(path)
    line = caught.value.lines()[0]
    text = path.read_text(encoding="utf-8").splitlines()
    number = int(line.split(":")[1])
    assert "(unclosed" in text[number - 1]
    assert "types.drop-shipping.patterns[0]" in line and "regular expression" in line


def test_an_unknown_field_or_type_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"drop-shipping\.name: unknown field"):
        load_phrases(_write_table(tmp_path, {"name": ["x"]}))
    with pytest.raises(CatalogError, match="unknown types"):
        load_phrases(_write_table(tmp_path, {"yields_to": ["no-such-type"]}))


def test_a_users_table_can_teach_triage_a_new_phrase(tmp_path: Path) -> None:
    text = "Your parcels carried a third-party packing note."
    assert triage_notice(text, today=TODAY).issue_types == []
    table = load_phrases(_write_table(tmp_path, {"names": ["third-party packing note"]}))
    result = triage_notice(text, today=TODAY, phrases=table)
    assert result.issue_type == "drop-shipping"
    assert result.issue_types[0].phrase == "third-party packing note"
