"""Amazon's stores: code, marketplace ID, paper size, date order and the store's own name."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Marketplace:
    """One Amazon store: its short code, SP-API marketplace ID, paper size, date style and the
    name the store goes by (Amazon.com, Amazon.co.uk)."""

    code: str
    name: str
    marketplace_id: str
    paper: str  # "Letter" or "A4"
    date_order: str  # "MDY" (September 14, 2026) or "DMY" (14 September 2026)
    store: str  # the store as sellers and reviewers name it: Amazon.com, Amazon.co.uk

    @property
    def language(self) -> str:
        """The document language tag: US English for North America, British English elsewhere."""
        return "en-US" if self.paper == "Letter" else "en-GB"

    @property
    def north_american(self) -> bool:
        """Whether letters to this store follow US spelling (fulfillment, authorized)."""
        return self.language == "en-US"


_US_DATE = "MDY"
_INTL_DATE = "DMY"

MARKETPLACES: dict[str, Marketplace] = {
    m.code: m
    for m in (
        Marketplace("US", "United States", "ATVPDKIKX0DER", "Letter", _US_DATE, "Amazon.com"),
        Marketplace("CA", "Canada", "A2EUQ1WTGCTBG2", "Letter", _US_DATE, "Amazon.ca"),
        Marketplace("MX", "Mexico", "A1AM78C64UM0Y8", "Letter", _INTL_DATE, "Amazon.com.mx"),
        Marketplace("BR", "Brazil", "A2Q3Y263D00KWC", "A4", _INTL_DATE, "Amazon.com.br"),
        Marketplace("UK", "United Kingdom", "A1F83G8C2ARO7P", "A4", _INTL_DATE, "Amazon.co.uk"),
        Marketplace("DE", "Germany", "A1PA6795UKMFR9", "A4", _INTL_DATE, "Amazon.de"),
        Marketplace("FR", "France", "A13V1IB3VIYZZH", "A4", _INTL_DATE, "Amazon.fr"),
        Marketplace("IT", "Italy", "APJ6JRA9NG5V4", "A4", _INTL_DATE, "Amazon.it"),
        Marketplace("ES", "Spain", "A1RKKUPIHCS9HS", "A4", _INTL_DATE, "Amazon.es"),
        Marketplace("NL", "Netherlands", "A1805IZSGTT6HS", "A4", _INTL_DATE, "Amazon.nl"),
        Marketplace("SE", "Sweden", "A2NODRKZP88ZB9", "A4", _INTL_DATE, "Amazon.se"),
        Marketplace("PL", "Poland", "A1C3SOZRARQ6R3", "A4", _INTL_DATE, "Amazon.pl"),
        Marketplace("BE", "Belgium", "AMEN7PMS3EDWL", "A4", _INTL_DATE, "Amazon.com.be"),
        Marketplace("IE", "Ireland", "A28R8C7NBKEWEA", "A4", _INTL_DATE, "Amazon.ie"),
        Marketplace("TR", "Turkey", "A33AVAJ2PDY3EV", "A4", _INTL_DATE, "Amazon.com.tr"),
        Marketplace("EG", "Egypt", "ARBP9OOSHTCHU", "A4", _INTL_DATE, "Amazon.eg"),
        Marketplace("SA", "Saudi Arabia", "A17E79C6D8DWNP", "A4", _INTL_DATE, "Amazon.sa"),
        Marketplace("AE", "United Arab Emirates", "A2VIGQ35RCS4UG", "A4", _INTL_DATE, "Amazon.ae"),
        Marketplace("IN", "India", "A21TJRUUN4KGV", "A4", _INTL_DATE, "Amazon.in"),
        Marketplace("ZA", "South Africa", "AE08WJ6YKNBMC", "A4", _INTL_DATE, "Amazon.co.za"),
        Marketplace("JP", "Japan", "A1VC38T7YXB528", "A4", _INTL_DATE, "Amazon.co.jp"),
        Marketplace("AU", "Australia", "A39IBJ37TRP1C6", "A4", _INTL_DATE, "Amazon.com.au"),
        Marketplace("SG", "Singapore", "A19VAU5U5O7RUS", "A4", _INTL_DATE, "Amazon.sg"),
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
