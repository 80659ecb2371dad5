"""What a letter says: opening, metrics, policy line, facts, actions and measures, closing,
and spelling (the form text, improvement plans and several issues: test_letters_form.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from poa.documents.library import TemplateLibrary

from .conftest import sample_data
from .letters_helpers import (
    CANCEL_PIP,
    LSR_PIP,
    ODR,
    ODR_RULE,
    TWO_ISSUES,
    letter,
    sample_letters,
    with_rules,
)

# Opening


def test_letter_opens_with_date_greeting_and_reference_block() -> None:
    md = letter(sample_data(ODR))
    assert md.startswith(
        "# Plan of Action: Order Defect Rate\n\nSeptember 19, 2026\n\n"
        "Dear Seller Performance Team,\n\n"
        "**Seller:** Harbor & Pine Home Goods LLC, trading on Amazon.com as Harbor & Pine\\\n"
        "**Merchant token:** A2HPXQ7LMN4R8T\\\n"
        '**Notice:** "Your Order Defect Rate is above Amazon\'s target," received September '
        "14, 2026, reference ODR-US-5582914\\\n"
        "**Orders named:** 112-4839201-7730215, 113-9021874-5521093, 114-6632019-2284710\n\n"
        "We take full responsibility: our review traced this notice to two weaknesses in our "
        "own operations."
    )


def test_reference_block_names_the_store_and_the_notices_asins() -> None:
    data = sample_data(ODR)
    data["notification"]["asins"] = ["B08HPC4411"]
    assert "**ASIN named:** B08HPC4411" in letter(data)
    uk = letter(sample_data("detail-page-uk.yaml"))
    assert "trading on Amazon.co.uk as Fenwick Kitchen" in uk
    assert '"Listing policy violation: product detail page tampering", received' in uk
    assert "trading on Amazon.de as Kessler Tools" in letter(
        sample_data("trademark-appeal-de.yaml")
    )


def test_greeting_follows_the_catalogs_addressee() -> None:
    catalog = with_rules(order_defect_rate={"addressee": "Account Health Team"})
    assert "\nDear Account Health Team,\n" in letter(sample_data(ODR), catalog=catalog)


@pytest.mark.parametrize(
    "phrase",
    [
        "To the Seller Performance Team",
        "Below we set out",
        "sends this plan of action",
        "Every corrective action above is complete",
        "sets out below",
        "listed under Supporting documents",
        "will bring",
        "Measures above running",
        "Owner: Owner",
        "(date:",
        "orders or units affected",
    ],
)
def test_no_sentence_describes_the_document_or_repeats_a_machine_bracket(phrase: str) -> None:
    for name, md in sample_letters().items():
        assert phrase not in md, name


# Metrics and the policy line


def test_metric_sentence_gives_value_counts_window_and_amazons_target() -> None:
    data = sample_data(ODR)
    metric = data["metrics"][0]
    metric.update(value=2.0, count=34, total=1710)
    metric["breakdown"] = {"negative_feedback": 20, "a_to_z_claims": 14}
    md = letter(data)
    assert (
        "Our Order Defect Rate reached 2.0% (34 of 1,710 orders, last 60 days) against "
        "Amazon's target of under 1%. Of those 34 orders, 20 received negative feedback and "
        "14 an A-to-z Guarantee claim." in md
    )
    assert "1.0%" not in md


def test_targets_print_as_amazon_prints_them() -> None:
    data = sample_data(CANCEL_PIP)
    data["notification"]["issue_type"] = "valid-tracking-rate"
    data["metrics"] = [{"metric": "valid-tracking-rate", "value": 93.1, "window_days": 30}]
    data["milestones"] = [{"due_on": "2026-12-01", "metric": "valid-tracking-rate", "target": 98}]
    md = letter(data)
    assert "against Amazon's target of above 95%." in md
    assert "95.0%" not in md and "98.0%" not in md
    assert "Valid Tracking Rate above 98%" in md


def test_policy_line_is_the_catalogs_rule_and_absent_without_one() -> None:
    plain = letter(sample_data(ODR), catalog=with_rules(order_defect_rate={"rule": None}))
    assert "understand" not in plain
    for name, md in sample_letters().items():
        assert not re.search(r"Order Defect Rate policy|Shipping and Late Shipment Rate", md), name
    catalog = with_rules(order_defect_rate={"rule": ODR_RULE, "policy": None})
    ruled = letter(sample_data(ODR), catalog=catalog)
    assert f"We understand Amazon's rule: {ODR_RULE}" in ruled


def test_a_rule_stated_as_amazons_reads_as_what_we_understand() -> None:
    rule = "Amazon expects the Order Defect Rate to stay under 1% over 60 days."
    catalog = with_rules(order_defect_rate={"rule": rule, "policy": None})
    md = letter(sample_data(ODR), catalog=catalog)
    assert f"We understand that {rule}" in md
    rule = "Amazon allows a supplier to ship orders only when we are the seller of record."
    catalog = with_rules(drop_shipping={"rule": rule, "policy": "Drop Shipping Policy"})
    md = letter(sample_data("drop-shipping-us.yaml"), catalog=catalog)
    assert f"We understand that, under its Drop Shipping Policy, {rule}" in md


def test_policy_name_is_printed_only_with_its_rule() -> None:
    rule = "A seller may use a supplier to fulfill orders only as the seller of record."
    catalog = with_rules(drop_shipping={"rule": rule, "policy": "Drop Shipping Policy"})
    md = letter(sample_data("drop-shipping-us.yaml"), catalog=catalog)
    assert f"We understand the rule in Amazon's Drop Shipping Policy: {rule}" in md
    catalog = with_rules(drop_shipping={"rule": None, "policy": "Drop Shipping Policy"})
    md = letter(sample_data("drop-shipping-us.yaml"), catalog=catalog)
    assert "understand" not in md and "Amazon's Drop Shipping Policy" not in md


# Causes, actions, measures


def test_cause_facts_appear_only_where_the_text_lacks_them() -> None:
    md = letter(sample_data(ODR))
    cause = md.split("\n2. ", 1)[1].split("\n", 1)[0]
    assert "This affected" not in cause  # the text already says 14 orders
    assert "The orders concerned include 114-6632019-2284710." in cause
    data = sample_data(ODR)
    data["root_causes"][1].update(
        detail="The carton we switched to had no inner divider.", units=1200, unit="units"
    )
    data["root_causes"][1]["occurred_on"] = "2026-07-10"
    md = letter(data)
    assert "This happened on July 10, 2026 and affected 1,200 units." in md


def test_actions_lead_with_their_date_and_the_cause_they_answer() -> None:
    md = letter(sample_data("inauthentic-invoices-us.yaml"))
    actions = md.split("## Corrective actions taken\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert actions[0] == (
        "1. **October 3, 2026 (root causes 1 and 2).** Ended all purchasing from the clearance "
        "wholesaler and closed our account with them."
    )
    # grouped by the cause they answer first, in date order within a cause
    assert [a.split("(root cause", 1)[1][:4] for a in actions] == ["s 1 ", " 1).", " 1).", " 2)."]


def test_measures_give_one_owner_frequency_since_line() -> None:
    md = letter(sample_data(ODR))
    assert (
        "2. **Monitoring (root cause 1).** The Account Health page and the response-time report "
        "are reviewed every Monday.\\\n   *Dana Whitfield, Owner · weekly · since September 19, "
        "2026*" in md
    )
    assert "Measure of success: every message answered within 12 hours." in md


def test_a_measure_starting_after_the_documents_date_starts() -> None:
    data = sample_data(ODR)
    data["preventive_measures"][1]["started_on"] = "2026-09-21"
    md = letter(data)
    assert md.startswith("# Plan of Action: Order Defect Rate\n\nSeptember 19, 2026\n")
    assert "weekly · starts September 21, 2026*" in md
    assert "since September 21" not in md


def test_exhibit_pointer_in_text_prints_the_exhibit_number() -> None:
    md = letter(sample_data(TWO_ISSUES))
    assert "one- or two-star feedback (all listed in Exhibit 1)." in md
    assert "{E1}" not in md


def test_exhibits_say_what_kind_of_document_and_what_it_covers() -> None:
    md = letter(sample_data("inauthentic-invoices-us.yaml"))
    assert (
        "- **Exhibit 1** (invoice-LBD-2026-0412.pdf). Invoice dated April 12, 2026, from Lumen "
        "Beauty Distribution Inc., 400 Commerce Way" in md
    )
    assert "for 600 units of B07NGB2201 and 600 units of B07NGB2202." in md
    assert "Letter of authorization dated October 8, 2026. The brand confirms" in md
    # A description that already names its kind of document is not repeated.
    assert "(removal-and-destruction-2026-10-09.pdf). Dated October 9, 2026, for ASINs" in md


# The closing


@pytest.mark.parametrize(
    ("status", "extra", "ask"),
    [
        ("deactivated", {}, "We ask you to reinstate our selling privileges on Amazon.com."),
        (
            "listings-removed",
            {"asins": ["B08HPC4411"]},
            "We ask you to restore our listings for ASIN B08HPC4411.",
        ),
        (
            "category-restricted",
            {"category": "Home & Kitchen"},
            "We ask you to restore our seller-fulfilled privileges in the Home & Kitchen category.",
        ),
        ("funds-held", {}, "We ask you to release the funds held on our account."),
        (
            ["deactivated", "funds-held"],
            {},
            "We ask you to reinstate our selling privileges on Amazon.com and release the funds "
            "held on our account.",
        ),
        (
            "at-risk",
            {},
            "We ask you to accept this plan of action and close notice ODR-US-5582914 on our "
            "account.",
        ),
        (
            "warning",
            {"reference": None},
            "We ask you to accept this plan of action and close this notice on our account.",
        ),
    ],
)
def test_closing_asks_for_what_the_status_calls_for(
    status: str | list[str], extra: dict[str, Any], ask: str
) -> None:
    data = sample_data(ODR)
    data["notification"].update(account_status=status, **extra)
    if extra.get("reference", "") is None:
        del data["notification"]["reference"]
    md = letter(data)
    assert f"\n{ask}\n\nSincerely,\n" in md


def test_improvement_plan_closing_asks_to_accept_the_plan() -> None:
    md = letter(sample_data(CANCEL_PIP))
    assert "We ask you to accept this plan and close this notice on our account." in md


# Spelling and numbers follow the store


def test_uk_letters_spell_catalog_and_template_words_the_british_way() -> None:
    data = sample_data(LSR_PIP)
    data["notification"]["issue_type"] = "pre-fulfillment-cancel-rate"
    data["metrics"] = [
        {"metric": "pre-fulfillment-cancel-rate", "value": 3.2, "window_days": 7, "count": 32}
        | {"total": 1000}
    ]
    for milestone in data["milestones"]:
        milestone["metric"] = "pre-fulfillment-cancel-rate"
    data["root_causes"][0]["detail"] = "Our fulfillment center missed its cut-off."
    data["evidence"] = [
        {"id": "E1", "kind": "letter-of-authorization", "file": "loa.pdf", "proves": "Proof."}
    ]
    uk = letter(data)
    assert "# Performance Improvement Plan: Pre-fulfilment Cancel Rate" in uk
    assert "Letter of authorisation" in uk
    assert "Our fulfillment center missed its cut-off." in uk  # the seller's words stay
    data["notification"]["marketplace"] = "US"
    data["seller"]["marketplaces"] = ["US"]
    us = letter(data)
    assert "Pre-fulfillment Cancel Rate" in us and "Letter of authorization" in us


def test_template_text_follows_the_store_spelling(tmp_path: Path) -> None:
    (tmp_path / "plan-of-action.md.j2").write_text(
        "# Plan for {{ seller.store_name }}\n\nOur fulfillment center is authorized and "
        "licensed; the license is on file.\n",
        encoding="utf-8",
    )
    library = TemplateLibrary([tmp_path])
    uk = letter(sample_data("detail-page-uk.yaml"), library=library)
    assert "Our fulfilment centre is authorised and licensed; the licence is on file." in uk
    us = letter(sample_data(ODR), library=library)
    assert "Our fulfillment center is authorized and licensed; the license is on file." in us


def test_counts_carry_thousands_separators() -> None:
    md = letter(sample_data(LSR_PIP))
    assert "6.2% (101 of 1,630 orders, last 30 days)" in md


def test_spelling_map_keeps_case_and_leaves_other_words_alone() -> None:
    from poa.documents.spelling import to_uk, to_us

    assert (
        to_uk("Fulfillment CENTER, Authorized, catalog")
        == "Fulfilment CENTRE, Authorised, catalogue"
    )
    assert to_uk("a licensed program at the size shown") == "a licensed program at the size shown"
    assert to_us("Pre-fulfilment Cancel Rate, categorisation, licence") == (
        "Pre-fulfillment Cancel Rate, categorization, license"
    )
