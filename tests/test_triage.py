"""Triage of a pasted notice: dates per store, deadline phrases, two issues in one notice,
the assessment (nature, severity, time left), identifiers and the case data it gives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from poa import InputError, NoticeTriage, format_triage, read_notice, triage_notice

TODAY = date(2026, 11, 22)


def triage(text: str, today: date = TODAY) -> NoticeTriage:
    return triage_notice(text, today=today)


# Dates: numeric dates are read by the store, or by another date of the same notice.


@pytest.mark.parametrize(
    ("store", "expected"),
    [
        ("Amazon.com", date(2026, 3, 11)),
        ("Amazon.ca", date(2026, 3, 11)),
        ("Amazon.co.uk", date(2026, 11, 3)),
        ("Amazon.de", date(2026, 11, 3)),
        ("Amazon.fr", date(2026, 11, 3)),
    ],
)
def test_an_ambiguous_numeric_date_is_read_the_way_the_store_writes_dates(
    store: str, expected: date
) -> None:
    result = triage(f"Date: 03/11/2026\nYour {store} account has a Late Shipment Rate of 5%.")
    assert result.received_on is not None
    assert result.received_on.value == expected
    assert "the way this store writes dates" in result.received_on.note


def test_an_ambiguous_date_without_a_store_is_not_guessed_and_is_reported() -> None:
    result = triage("Date: 03/11/2026\nYour Late Shipment Rate is 5%.")
    assert result.received_on is None
    assert any("3 November 2026 or 11 March 2026" in note for note in result.notes)
    assert any("notice's date" in item for item in result.missing)


def test_another_date_of_the_same_notice_settles_the_order() -> None:
    text = "Date: 03/11/2026\nOrders between 25/10/2026 and 01/11/2026 shipped late."
    result = triage(text)
    assert result.received_on is not None
    assert result.received_on.value == date(2026, 11, 3)
    assert "like another date in this notice" in result.received_on.note


@pytest.mark.parametrize(
    "written",
    [
        "November 3, 2026",
        "Nov. 3, 2026",
        "Tuesday, November 3, 2026",
        "3 November 2026",
        "3rd November 2026",
        "3rd of November, 2026",
        "2026-11-03",
        "03.11.2026",
    ],
)
def test_the_date_forms_amazon_uses_in_us_uk_and_german_english(written: str) -> None:
    result = triage(f"Subject: Policy warning\nSent: {written}\nHello.")
    assert result.received_on is not None
    assert result.received_on.value == date(2026, 11, 3)
    assert result.received_on.phrase == written


def test_a_forwarded_emails_date_header_is_the_notices_date() -> None:
    text = (
        "---------- Forwarded message ---------\nFrom: Amazon.co.uk <n@amazon.co.uk>\n"
        "Date: Wed, 4 Nov 2026 at 10:12\nSubject: Your account has been deactivated\n"
    )
    result = triage(text)
    assert result.received_on is not None and result.received_on.value == date(2026, 11, 4)
    assert (
        result.subject is not None and result.subject.value == "Your account has been deactivated"
    )


def test_the_labelled_date_wins_over_earlier_dates_in_the_text() -> None:
    text = (
        "From 13 December 2026, listings must show the manufacturer.\n"
        "On 2 October 2026 a buyer complained.\nDate: 16 November 2026"
    )
    received = triage(text).received_on
    assert received is not None and received.value == date(2026, 11, 16)


# Deadlines: the forms Amazon writes them in, counted from the notice's date.

NOTICE = "Date: November 3, 2026\nYour Amazon.com listing was removed. {sentence}"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Please submit a plan of action within 17 days.", date(2026, 11, 20)),
        ("Please submit a plan of action within seventeen days.", date(2026, 11, 20)),
        ("Please respond in the next 72 hours.", date(2026, 11, 6)),
        ("Complete the quiz within 48 hours.", date(2026, 11, 5)),
        ("You have 30 days from the date of this message to provide invoices.", date(2026, 12, 3)),
        ("Send the documents within 10 business days.", date(2026, 11, 17)),
        ("Submit your appeal by December 1, 2026.", date(2026, 12, 1)),
        ("Upload the documents no later than 1 December 2026.", date(2026, 12, 1)),
        ("Submit your appeal by December 1.", date(2026, 12, 1)),
        ("Provide the documents on or before 12/01/2026.", date(2026, 12, 1)),
    ],
)
def test_deadline_phrase_forms(sentence: str, expected: date) -> None:
    result = triage(NOTICE.format(sentence=sentence))
    assert result.deadline is not None
    assert result.deadline.value == expected
    assert result.assessment.deadline == expected
    assert result.assessment.deadline_source == "notice"


@pytest.mark.parametrize(
    "sentence",
    [
        "We typically complete these reviews within 30 days.",
        "Include invoices dated within the last 365 days.",
        "Your rate over the last 30 days is 5%.",
        "Orders placed by December 1, 2026 are affected.",
    ],
)
def test_time_limits_that_are_not_the_sellers_deadline_are_ignored(sentence: str) -> None:
    assert triage(NOTICE.format(sentence=sentence)).deadline is None


def test_without_a_stated_deadline_the_catalogs_usual_window_is_used_and_said() -> None:
    text = "Date: November 3, 2026\nYour Order Defect Rate on Amazon.com is 1.6%."
    result = triage(text, today=date(2026, 11, 10))
    assert result.deadline is None
    assessment = result.assessment
    assert assessment.deadline == date(2026, 11, 20)  # 17 days, the catalog's window
    assert assessment.deadline_source == "usual-window"
    assert "usual 17-day window" in assessment.deadline_reason
    assert assessment.days_left == 10
    assert "a deadline in the text" in result.missing


def test_time_left_counts_from_today_and_says_when_the_deadline_passed() -> None:
    text = NOTICE.format(sentence="Please respond within 17 days.")
    assert triage(text, today=date(2026, 11, 18)).assessment.time_left() == "2 day(s) left"
    late = triage(text, today=date(2026, 11, 25)).assessment.time_left()
    assert late == "the deadline passed 5 day(s) ago"


# Issue types


def test_a_notice_naming_two_issues_gives_both_the_first_named_leading() -> None:
    text = (
        "Your Late Shipment Rate is 6.1% and your Order Defect Rate is 1.3% on Amazon.com. "
        "Your account is at risk of deactivation."
    )
    result = triage(text)
    assert result.issue_type == "late-shipment-rate"
    assert result.other_issue_types == ["order-defect-rate"]
    assert {m.value for m in result.metrics} == {
        ("late-shipment-rate", 6.1),
        ("order-defect-rate", 1.3),
    }
    assert result.case_data()["notification"]["issue_type"] == "late-shipment-rate"


def test_each_issue_type_carries_the_phrase_that_named_it() -> None:
    text = "We removed your listing because it violates the Drop Shipping Policy."
    found = triage(text).issue_types[0]
    assert found.value == "drop-shipping"
    assert text[found.start : found.end] == found.phrase == "Drop Shipping Policy"


def test_a_mere_mention_of_a_metric_does_not_make_it_the_issue() -> None:
    text = "A buyer left negative feedback. Negative feedback counts toward your ODR."
    assert [f.value for f in triage(text).issue_types] == ["negative-feedback"]


def test_a_type_the_catalog_keeps_for_other_stores_gives_way_in_this_store() -> None:
    text = "A rights owner says your listing on Amazon.co.uk copies their copyrighted photos."
    result = triage(text)
    assert result.issue_type == "copyright-complaint-other-stores"
    us = triage(text.replace("Amazon.co.uk", "Amazon.com"))
    assert us.issue_type == "copyright-complaint"


def test_a_deactivation_without_a_reason_is_assumed_to_be_the_unstated_kind() -> None:
    result = triage("Your Amazon selling account has been deactivated.")
    assert result.issue_type == "suspension-reason-unstated"
    assert "assumed" in result.issue_types[0].note


def test_a_text_naming_no_issue_says_so() -> None:
    result = triage("Hello, thank you for selling with us.")
    assert result.issue_types == []
    assert result.assessment.nature is None
    assert any(item.startswith("the issue type") for item in result.missing)
    assert "issue_type" not in result.case_data()["notification"]


# Assessment


@pytest.mark.parametrize(
    ("sentence", "status", "severity"),
    [
        ("We have deactivated your selling account.", "deactivated", "critical"),
        ("We are holding your funds.", "funds-held", "critical"),
        ("We have removed the following listings.", "listings-removed", "high"),
        ("Further violations may result in the deactivation of your account.", "at-risk", "high"),
        ("Please review the policy.", "warning", "low"),
    ],
)
def test_severity_follows_the_account_status(sentence: str, status: str, severity: str) -> None:
    result = triage(f"Drop Shipping Policy violation on Amazon.com. {sentence}")
    assert result.status == status
    assert result.assessment.severity == severity
    assert result.assessment.nature == "policy-violation"


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("your listing B0LOW00001 was removed due to a complaint.", "listings-removed"),
        ("We have blocked it from sale until we receive the documents.", "listings-removed"),
        ("Listings removed: Restricted Products Policy", "listings-removed"),
        ("Your selling privileges have been suspended.", "deactivated"),
        ("We have temporarily deactivated your account.", "deactivated"),
        ("Your disbursements are on hold.", "funds-held"),
        ("Notice: funds held on your Amazon.com account", "funds-held"),
        ("We have deactivated the following ASINs: B0C7TQ2Z11.", "listings-removed"),
        ("Your offers are at risk of being deactivated.", "at-risk"),
        ("If this continues, we will deactivate your account.", "warning"),
    ],
)
def test_status_phrase_forms(sentence: str, status: str) -> None:
    assert triage(sentence).status == status


def test_a_metric_at_risk_is_medium_unless_the_deadline_is_close() -> None:
    text = "Date: November 3, 2026\nYour Late Shipment Rate is 6.2%. Your account is at risk."
    assert triage(text, today=date(2026, 11, 4)).assessment.severity == "medium"
    urgent = text + " Please complete the quiz within 72 hours."
    assert triage(urgent, today=date(2026, 11, 4)).assessment.severity == "high"


def test_a_warning_with_an_enforced_metric_past_its_target_is_medium() -> None:
    assert triage("Your Order Defect Rate is 1.6%.").assessment.severity == "medium"
    assert triage("Your Order Defect Rate is 0.6%.").assessment.severity == "low"


def test_an_informational_notice_is_low_and_has_nothing_to_answer() -> None:
    text = (
        "Your On-Time Delivery Rate on Amazon.com was 93%. This message is for your "
        "information only; no action is required."
    )
    result = triage(text)
    assert result.informational is not None
    assessment = result.assessment
    assert (assessment.informational, assessment.severity) == (True, "low")
    assert (assessment.deadline, assessment.deadline_source) == (None, "none")
    assert "a deadline in the text" not in result.missing


def test_a_notice_that_also_asks_for_action_is_not_informational() -> None:
    text = "No action is required for most listings. Please submit invoices for ASIN B0ABCDEF12."
    result = triage(text)
    assert result.informational is None
    assert any("also asks for action" in note for note in result.notes)


# Identifiers, store and reference


def test_asins_isbns_and_order_ids_are_recognised_and_checked() -> None:
    text = (
        "ASIN: B0C7TQ2Z11, ISBN: 0306406152, ASIN: 0306406153 (wrong check digit)\n"
        "Complaint ID: 1861972717\nOrders: 113-2290481-5512038, 113-2290481-5512038"
    )
    result = triage(text)
    assert [f.value for f in result.asins] == ["B0C7TQ2Z11", "0306406152"]
    assert [f.value for f in result.order_ids] == ["113-2290481-5512038"]
    assert result.reference is not None and result.reference.value == "1861972717"


def test_an_unlabelled_ten_digit_number_is_not_taken_for_an_asin() -> None:
    assert triage("Call us on 1861972717 about the Drop Shipping Policy.").asins == []


def test_the_european_seller_central_address_names_no_store() -> None:
    text = "See https://sellercentral-europe.amazon.com/help and your Amazon.de listings."
    result = triage(text)
    assert result.marketplace is not None and result.marketplace.value == "DE"
    assert result.other_marketplaces == []


def _stores(text: str) -> list[str]:
    result = triage(text)
    found = [result.marketplace] if result.marketplace else []
    return [f.value for f in [*found, *result.other_marketplaces]]


def test_stores_by_name_and_marketplace_id() -> None:
    assert _stores("Your offers in the UK marketplace.") == ["UK"]
    assert _stores("Marketplace: A1PA6795UKMFR9 and then Amazon.fr") == ["DE", "FR"]


# The result as a whole


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("From: x@amazon.com\nSubject: Listing removed\n\nHi", "Listing removed"),
        ("Hello,\n\nYour listing was removed.", "Your listing was removed."),
        ("Date: May 3, 2026\nDear Seller,\n  Policy   warning  \n", "Policy warning"),
    ],
)
def test_the_subject_is_the_subject_line_or_the_first_line_that_is_no_greeting(
    text: str, expected: str
) -> None:
    subject = triage(text).subject
    assert subject is not None and subject.value == expected


def test_the_same_text_gives_the_same_result() -> None:
    from .triage_scores import notices

    for path in notices("tuning")[:10]:
        text = path.read_text(encoding="utf-8")
        first, second = triage(text), triage(text)
        assert first == second
        assert format_triage(first) == format_triage(second)
        assert first.case_data() == second.case_data()


def test_the_formatted_triage_puts_the_assessment_first_then_phrases_then_gaps() -> None:
    text = (
        "Subject: Your Order Defect Rate is above target\nDate: November 3, 2026\n"
        "Your Order Defect Rate on Amazon.com is 1.6%. Your account is at risk of "
        "deactivation. Please submit a plan of action within 17 days."
    )
    lines = format_triage(triage(text, today=date(2026, 11, 10))).splitlines()
    assert lines[0].startswith("Nature:    Account health")
    assert lines[2] == "Severity:  MEDIUM"
    assert lines[4] == "Time left: 10 day(s) left: due 2026-11-20 (stated in the notice)"
    body = "\n".join(lines)
    assert "from 'within 17 days'" in body
    assert "from 'Order Defect Rate on Amazon.com is 1.6%'" in body
    assert body.index("Recognised:") < body.index("Not found in the notice:")
    assert "  - ASINs" in body


def test_case_data_holds_only_what_the_notice_says() -> None:
    text = (
        "Subject: Listings removed\nDate: November 3, 2026\nReference ID: AUTH-7741-0293\n"
        "We have removed the following ASINs on Amazon.com after customer complaints that "
        "they were not authentic: B07NGB2201. Submit invoices by December 1, 2026."
    )
    data = triage(text).case_data()
    assert data == {
        "kind": "plan-of-action",
        "notification": {
            "issue_type": "inauthentic-complaint",
            "received_on": date(2026, 11, 3),
            "subject": "Listings removed",
            "reference": "AUTH-7741-0293",
            "marketplace": "US",
            "scope": "listing",
            "asins": ["B07NGB2201"],
            "deadline": date(2026, 12, 1),
            "account_status": "listings-removed",
            "text": text,
        },
    }


def test_invisible_control_characters_are_dropped_and_said() -> None:
    result = triage("Your Order Defect Rate\x07 is 1.6%\x00.\r\n")
    assert "\x07" not in result.text and "\x00" not in result.text
    assert any("control character" in note for note in result.notes)


@pytest.mark.parametrize("text", ["", "   \n\t ", "\x00\x01"])
def test_an_empty_notice_is_refused_with_advice(text: str) -> None:
    with pytest.raises(InputError, match="the notice is empty"):
        triage(text)


def test_an_over_long_notice_is_refused_with_advice() -> None:
    with pytest.raises(InputError, match="paste the notice alone"):
        triage("Order Defect Rate. " * 2000)


def test_digits_of_other_scripts_are_not_read_as_identifiers_or_dates() -> None:
    result = triage("ASIN: ٠٣٠٦٤٠٦١٥٢\nDate: ٠٣/١١/٢٠٢٦\nOrder ١١٣-٢٢٩٠٤٨١-٥٥١٢٠٣٨")
    assert (result.asins, result.order_ids, result.received_on) == ([], [], None)


def test_a_saved_notice_is_read_as_utf8_and_bad_files_are_refused(tmp_path: Path) -> None:
    good = tmp_path / "notice.txt"
    good.write_bytes("\ufeffSubject: Listing removed – B0C7TQ2Z11\r\n".encode())
    assert read_notice(good) == "Subject: Listing removed – B0C7TQ2Z11\r\n"
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Subject: ok\nCaf\xe9\n")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\x00\x00")
    for path, message in [
        (latin, r"latin\.txt:2:1: is not UTF-8 text: save it again as UTF-8"),
        (binary, "is not a notice's text"),
        (tmp_path / "missing.txt", "no such file"),
        (tmp_path, "is a folder"),
    ]:
        with pytest.raises(InputError, match=message):
            read_notice(path)
