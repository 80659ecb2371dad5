"""Identifier rules sellers trip over: order IDs, ASINs, GTINs, merchant tokens."""

import pytest

from poa.case import ids
from poa.case.marketplaces import normalize_marketplace


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("112-4839201-7730215", "112-4839201-7730215"),
        (" 11248392017730215 ", "112-4839201-7730215"),
        ("d01-1234567-1234567", "D01-1234567-1234567"),
    ],
)
def test_order_ids_are_normalised_to_3_7_7(raw: str, expected: str) -> None:
    assert ids.normalize_order_id(raw) == expected


@pytest.mark.parametrize("raw", ["112-483920-7730215", "1124839201773021", "ABC-1234567-1234567"])
def test_malformed_order_ids_are_rejected_with_the_expected_shape(raw: str) -> None:
    with pytest.raises(ValueError, match="3-7-7 digits"):
        ids.normalize_order_id(raw)


def test_asins_accept_b0_codes_and_valid_isbn10() -> None:
    assert ids.normalize_asin("b07xj8c8f5") == "B07XJ8C8F5"
    assert ids.normalize_asin("0306406152") == "0306406152"  # a real ISBN-10


def test_asin_isbn_with_wrong_check_digit_is_rejected() -> None:
    with pytest.raises(ValueError, match="check digit"):
        ids.normalize_asin("0306406153")


@pytest.mark.parametrize("raw", ["B07XJ8C8F", "X07XJ8C8F5", "B07XJ8C8F5A"])
def test_asins_of_the_wrong_shape_are_rejected(raw: str) -> None:
    with pytest.raises(ValueError, match="not an ASIN"):
        ids.normalize_asin(raw)


@pytest.mark.parametrize("code", ["084123456784", "4006381333931", "96385074", "10012345678902"])
def test_gtins_with_valid_check_digits_pass(code: str) -> None:
    assert ids.normalize_gtin(code) == code


def test_gtin_with_wrong_check_digit_names_the_problem() -> None:
    with pytest.raises(ValueError, match="wrong check digit"):
        ids.normalize_gtin("084123456785")


def test_fnsku_shapes() -> None:
    assert ids.normalize_fnsku("x001abcd12") == "X001ABCD12"
    with pytest.raises(ValueError, match="not an FNSKU"):
        ids.normalize_fnsku("Y001ABCD12")


def test_a_marketplace_id_given_as_merchant_token_is_named_as_such() -> None:
    with pytest.raises(ValueError, match="marketplace ID of Amazon United States"):
        ids.normalize_merchant_token("ATVPDKIKX0DER")


def test_merchant_token_shape() -> None:
    assert ids.normalize_merchant_token("a1gqu1nawyg866") == "A1GQU1NAWYG866"
    with pytest.raises(ValueError, match="merchant token"):
        ids.normalize_merchant_token("B1GQU1NAWYG866")


def test_marketplaces_by_code_alias_or_id() -> None:
    assert normalize_marketplace("gb") == "UK"
    assert normalize_marketplace("A1PA6795UKMFR9") == "DE"
    with pytest.raises(ValueError, match="not a marketplace"):
        normalize_marketplace("XX")
