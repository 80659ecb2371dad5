"""Identifier rules: Amazon order IDs, ASINs, FNSKUs, GTINs, merchant tokens and marketplaces."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Marketplace:
    """One Amazon store: its short code, SP-API marketplace ID, paper size and date style."""

    code: str
    name: str
    marketplace_id: str
    paper: str  # "Letter" or "A4"
    date_order: str  # "MDY" (September 14, 2026) or "DMY" (14 September 2026)

    def format_date(self, value: date) -> str:
        """A date written the way this marketplace's reviewers read it."""
        month = value.strftime("%B")
        if self.date_order == "MDY":
            return f"{month} {value.day}, {value.year}"
        return f"{value.day} {month} {value.year}"


_US_DATE = "MDY"
_INTL_DATE = "DMY"

MARKETPLACES: dict[str, Marketplace] = {
    m.code: m
    for m in (
        Marketplace("US", "United States", "ATVPDKIKX0DER", "Letter", _US_DATE),
        Marketplace("CA", "Canada", "A2EUQ1WTGCTBG2", "Letter", _US_DATE),
        Marketplace("MX", "Mexico", "A1AM78C64UM0Y8", "Letter", _INTL_DATE),
        Marketplace("BR", "Brazil", "A2Q3Y263D00KWC", "A4", _INTL_DATE),
        Marketplace("UK", "United Kingdom", "A1F83G8C2ARO7P", "A4", _INTL_DATE),
        Marketplace("DE", "Germany", "A1PA6795UKMFR9", "A4", _INTL_DATE),
        Marketplace("FR", "France", "A13V1IB3VIYZZH", "A4", _INTL_DATE),
        Marketplace("IT", "Italy", "APJ6JRA9NG5V4", "A4", _INTL_DATE),
        Marketplace("ES", "Spain", "A1RKKUPIHCS9HS", "A4", _INTL_DATE),
        Marketplace("NL", "Netherlands", "A1805IZSGTT6HS", "A4", _INTL_DATE),
        Marketplace("SE", "Sweden", "A2NODRKZP88ZB9", "A4", _INTL_DATE),
        Marketplace("PL", "Poland", "A1C3SOZRARQ6R3", "A4", _INTL_DATE),
        Marketplace("BE", "Belgium", "AMEN7PMS3EDWL", "A4", _INTL_DATE),
        Marketplace("IE", "Ireland", "A28R8C7NBKEWEA", "A4", _INTL_DATE),
        Marketplace("TR", "Turkey", "A33AVAJ2PDY3EV", "A4", _INTL_DATE),
        Marketplace("EG", "Egypt", "ARBP9OOSHTCHU", "A4", _INTL_DATE),
        Marketplace("SA", "Saudi Arabia", "A17E79C6D8DWNP", "A4", _INTL_DATE),
        Marketplace("AE", "United Arab Emirates", "A2VIGQ35RCS4UG", "A4", _INTL_DATE),
        Marketplace("IN", "India", "A21TJRUUN4KGV", "A4", _INTL_DATE),
        Marketplace("ZA", "South Africa", "AE08WJ6YKNBMC", "A4", _INTL_DATE),
        Marketplace("JP", "Japan", "A1VC38T7YXB528", "A4", _INTL_DATE),
        Marketplace("AU", "Australia", "A39IBJ37TRP1C6", "A4", _INTL_DATE),
        Marketplace("SG", "Singapore", "A19VAU5U5O7RUS", "A4", _INTL_DATE),
    )
}
MARKETPLACE_IDS = {m.marketplace_id: m for m in MARKETPLACES.values()}

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


def normalize_marketplace(value: str) -> str:
    """Return a marketplace code (US, UK, DE, ...) from a code, GB alias or marketplace ID."""
    text = value.strip().upper()
    if text == "GB":
        text = "UK"
    if text in MARKETPLACE_IDS:
        return MARKETPLACE_IDS[text].code
    if text not in MARKETPLACES:
        raise ValueError(
            f"{value!r} is not a marketplace: use one of {', '.join(sorted(MARKETPLACES))}"
        )
    return text
