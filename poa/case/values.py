"""The value types of a case's fields: checked text, identifiers, store codes, percentages."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from poa.case import ids
from poa.case.marketplaces import MARKETPLACES, normalize_marketplace

PLACEHOLDER = re.compile(
    r"\[[^\]]*\b(insert|your|add|enter|todo|tbd|fill|date|name|here)\b[^\]]*\]"
    r"|\b(TBD|TBC|TODO|FIXME)\b|lorem ipsum|<\s*(insert|your)[^>]*>",
    re.IGNORECASE,
)
# XXX ending a word, alone or in groups joined by hyphens (XXX-XXX-XXXX, 123-XXXXXXX-XXXXXXX);
# not a size (XXX-Large) or the hidden digits of a card or an account (1234-XXXX-5678). It is
# searched for only in a text that holds XXX: every text field of every case is read.
MASK = re.compile(r"(?<!\w)(?:X+-)*X{3,}(?![\w-])", re.IGNORECASE)


def placeholder_in(text: str) -> re.Match[str] | None:
    """The first placeholder left in the text, if any."""
    found = PLACEHOLDER.search(text)
    if found is None and ("XXX" in text or "xxx" in text):
        found = MASK.search(text)
    return found


# What validation advises for an empty text; the interview, which asks again, leaves it out.
REMOVE_IF_OPTIONAL = ", or remove the field if it is optional"


def _real_text(value: str) -> str:
    text = value.strip()
    if not text:
        raise ValueError(f"is empty: write the actual text{REMOVE_IF_OPTIONAL}")
    if match := placeholder_in(text):
        found = match.group(0)
        shown = found if len(found) <= 40 else found[:39] + "…"
        raise ValueError(f"still holds the placeholder {shown!r}: replace it with the real fact")
    return text


def _as_str(value: object) -> object:
    # YAML turns bare numbers into ints; identifiers and names are text to us, as written (a
    # number read from a file reads as text as it was written there, see poa.yamlnumbers).
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


_NONCHARACTERS = "".join(
    chr(plane << 16 | 0xFFFE) + "-" + chr(plane << 16 | 0xFFFF) for plane in range(17)
)
# Characters no document format can hold (XML 1.0 forbids them; Word and PDF text with them
# cannot be written): C0/C1 controls except tab and line breaks, halves of surrogate pairs
# and Unicode noncharacters. Tabs and newlines are kept: long text may be pasted with them.
UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]"
)
# Explicit embeddings, overrides and isolates: they change the order text is shown in, so an
# identifier or a file name could display as something it is not.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def character_problem(text: str, *, free_text: bool = False) -> str | None:
    """Why text cannot be printed as it is (naming the character as U+XXXX and what to do),
    or None. Bidirectional controls are allowed in free text, where documents drop them."""
    if match := UNPRINTABLE.search(text):
        char = match.group(0)
        code, where = f"U+{ord(char):04X}", f"(character {match.start() + 1})"
        if "\ud800" <= char <= "\udfff":
            return (
                f"holds {code} {where}, half of a character pair that is not a character on "
                "its own: retype the character around it"
            )
        if unicodedata.category(char) == "Cc":
            return (
                f"holds the invisible control character {code} {where}, which documents "
                "cannot print: delete it (it often comes with text pasted from another program)"
            )
        return f"holds {code} {where}, which is not a character: delete it"
    if not free_text and (match := BIDI_CONTROLS.search(text)):
        char = match.group(0)
        return (
            f"holds the direction control U+{ord(char):04X} ({unicodedata.name(char).lower()}) "
            f"(character {match.start() + 1}), which changes the order the text is shown in "
            "and can disguise a name: delete it"
        )
    return None


def _checked(value: object, *, free_text: bool) -> object:
    value = _as_str(value)
    if isinstance(value, bool):
        raise ValueError(
            "should be text: YAML reads yes, no, on, off, true and false written bare as a "
            "yes-or-no answer; quote it"
        )
    if isinstance(value, date):
        raise ValueError("should be text: YAML reads a date written bare as a date; quote it")
    if isinstance(value, str) and (problem := character_problem(value, free_text=free_text)):
        raise ValueError(problem)
    return value


def _short_in(value: object) -> object:
    return _checked(value, free_text=False)


def _free_in(value: object) -> object:
    return _checked(value, free_text=True)


# Free text (long fields) may hold direction controls; every other text type refuses them.
# The length limit comes first so it is checked as a string's (and reported in characters).
Text = Annotated[str, Field(max_length=6000), BeforeValidator(_free_in), AfterValidator(_real_text)]
ShortText = Annotated[
    str, Field(max_length=300), BeforeValidator(_short_in), AfterValidator(_real_text)
]
PastedText = Annotated[str, BeforeValidator(_free_in)]
Key = Annotated[str, BeforeValidator(_short_in)]
ItemId = Annotated[
    str,
    BeforeValidator(_short_in),
    Field(
        pattern=r"^[A-Za-z][A-Za-z0-9_.-]{0,39}$",
        description="A short label other items use to point at this one, such as RC1 or E3.",
    ),
]


# The patterns an editor checks as you type (through `poa schema`): what validate accepts,
# before it normalises (any letter case, order IDs with or without their dashes).
def _schema(pattern: str, example: str) -> Any:
    return Field(json_schema_extra={"pattern": pattern, "examples": [example]})


OrderId = Annotated[
    str,
    BeforeValidator(_short_in),
    AfterValidator(ids.normalize_order_id),
    _schema(r"^\s*([0-9]{3}|[Dd]01)-?[0-9]{7}-?[0-9]{7}\s*$", "112-4839201-7730215"),
]
Asin = Annotated[
    str,
    BeforeValidator(_short_in),
    AfterValidator(ids.normalize_asin),
    _schema(r"^\s*([Bb]0[0-9A-Za-z]{8}|[0-9]{9}[0-9Xx])\s*$", "B07XJ8C8F5"),
]
Gtin = Annotated[
    str,
    BeforeValidator(_short_in),
    AfterValidator(ids.normalize_gtin),
    _schema(r"^[0-9 -]{8,20}$", "036000291452"),
]
Fnsku = Annotated[
    str,
    BeforeValidator(_short_in),
    AfterValidator(ids.normalize_fnsku),
    _schema(r"^\s*([Xx]00[0-9A-Za-z]{7}|[Bb]0[0-9A-Za-z]{8})\s*$", "X001ABCD12"),
]
MerchantToken = Annotated[
    str,
    BeforeValidator(_short_in),
    AfterValidator(ids.normalize_merchant_token),
    _schema(r"^\s*[Aa][0-9A-Za-z]{12,14}\s*$", "A2HPXQ7LMN4R8T"),
]
MarketplaceCode = Annotated[
    str,
    BeforeValidator(_short_in),
    AfterValidator(normalize_marketplace),
    Field(
        description="Amazon store by its two-letter code: " + ", ".join(MARKETPLACES),
        json_schema_extra={"enum": list(MARKETPLACES)},
    ),
]
Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
Email = Annotated[str, BeforeValidator(_short_in), Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]


class Strict(BaseModel):
    """Base for case models: unknown fields are errors, values are checked on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=True)
