"""Amazon's stores: code, marketplace ID, paper size and the order dates are written in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Marketplace:
    """One Amazon store: its short code, SP-API marketplace ID, paper size and date style."""

    code: str
    name: str
    marketplace_id: str
    paper: str  # "Letter" or "A4"
    date_order: str  # "MDY" (September 14, 2026) or "DMY" (14 September 2026)

    @property
    def language(self) -> str:
        """The document language tag: US English for North America, British English elsewhere."""
        return "en-US" if self.paper == "Letter" else "en-GB"


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
