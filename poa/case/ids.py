"""Identifier rules: Amazon order IDs, ASINs, FNSKUs, GTINs and merchant tokens."""

from __future__ import annotations

import re

from poa.case.marketplaces import MARKETPLACE_IDS

_ORDER_ID = re.compile(r"^(\d{3})-?(\d{7})-?(\d{7})$")
_DIGITAL_ORDER_ID = re.compile(r"^D01-?(\d{7})-?(\d{7})$")
_ASIN = re.compile(r"^(B0[0-9A-Z]{8}|\d{9}[\dX])$")
_FNSKU = re.compile(r"^(X00[0-9A-Z]{7}|B0[0-9A-Z]{8})$")
_MERCHANT_TOKEN = re.compile(r"^A[0-9A-Z]{12,14}$")


def normalize_order_id(value: str) -> str:
    """Return an order ID in 3-7-7 form, or raise ValueError with advice."""
    text = value.strip().upper()
    if match := _ORDER_ID.match(text):
        return "-".join(match.groups())
    if match := _DIGITAL_ORDER_ID.match(text):
        return "D01-" + "-".join(match.groups())
    raise ValueError(
        f"{value!r} is not an Amazon order ID: expected 3-7-7 digits such as 112-3456789-0123456"
    )


def isbn10_ok(text: str) -> bool:
    """True when a ten-character ISBN has a valid mod-11 check digit."""
    total = 0
    for weight, char in zip(range(10, 0, -1), text, strict=True):
        digit = 10 if char == "X" else int(char)
        total += weight * digit
    return total % 11 == 0


def normalize_asin(value: str) -> str:
    """Return an upper-case ASIN, or raise ValueError with advice."""
    text = value.strip().upper()
    if not _ASIN.match(text):
        raise ValueError(
            f"{value!r} is not an ASIN: expected 10 characters such as B07XJ8C8F5 "
            "(or an ISBN-10 for books); copy it from the notification or the listing"
        )
    if text[0].isdigit() and not isbn10_ok(text):
        raise ValueError(f"{value!r} looks like an ISBN-10 but its check digit is wrong")
    return text


def normalize_fnsku(value: str) -> str:
    """Return an upper-case FNSKU, or raise ValueError with advice."""
    text = value.strip().upper()
    if not _FNSKU.match(text):
        raise ValueError(
            f"{value!r} is not an FNSKU: expected X00 and 7 more characters, or the ASIN"
        )
    return text


def gtin_check_ok(digits: str) -> bool:
    """True when a GTIN-8/12/13/14 has a valid GS1 mod-10 check digit."""
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def normalize_gtin(value: str) -> str:
    """Return a UPC/EAN/GTIN as digits, or raise ValueError with advice."""
    text = re.sub(r"[\s-]", "", value)
    if not text.isdigit() or len(text) not in (8, 12, 13, 14):
        raise ValueError(f"{value!r} is not a UPC, EAN or GTIN: expected 8, 12, 13 or 14 digits")
    if not gtin_check_ok(text):
        raise ValueError(f"{value!r} has a wrong check digit: copy the barcode number again")
    return text


def normalize_merchant_token(value: str) -> str:
    """Return a merchant token (seller ID), or raise ValueError with advice."""
    text = value.strip().upper()
    if text in MARKETPLACE_IDS:
        market = MARKETPLACE_IDS[text]
        raise ValueError(
            f"{value!r} is the marketplace ID of Amazon {market.name}, not your merchant token: "
            "find the token in Seller Central under Settings > Account Info > Merchant Token"
        )
    if not _MERCHANT_TOKEN.match(text):
        raise ValueError(
            f"{value!r} does not look like a merchant token: expected A followed by 12 to 14 "
            "letters and digits (Settings > Account Info > Merchant Token)"
        )
    return text
