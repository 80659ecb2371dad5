"""Small pieces of a letter's wording: numbers, percentages, lists, and the facts of a cause
that its own text does not already give."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from poa.case.dates import format_date
from poa.case.marketplaces import Marketplace

NUMBER_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
# `{E2}` in a seller's text points at an item by its id; printed, it becomes "Exhibit 2".
REFERENCE = re.compile(r"\{\s*([A-Za-z][A-Za-z0-9_.-]{0,39})\s*\}")


def number(value: int) -> str:
    """A count with thousands separators: 1,200."""
    return f"{value:,}"


def in_words(value: int) -> str:
    """Counts up to ten spelled out (two), larger ones as figures (14)."""
    return NUMBER_WORDS[value] if 0 <= value <= 10 else number(value)


def counted(value: int, singular: str, plural: str | None = None) -> str:
    """'1 order', '1,200 units'."""
    return f"{number(value)} {singular if value == 1 else (plural or singular + 's')}"


def singular(unit: str) -> str:
    """'orders' → 'order'."""
    return unit[:-1] if unit.endswith("s") else unit


def rate(value: float) -> str:
    """A measured value as Account Health shows it, keeping its decimals: 2.0%, 1.65%."""
    return f"{float(value)!r}%"


def target(value: float, better: str) -> str:
    """A target as Amazon prints it: under 1%, above 95%, under 2.5%."""
    return f"{'under' if better == 'lower' else 'above'} {value:g}%"


def join(items: Iterable[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def mentions_number(text: str, value: int) -> bool:
    """Whether a text already states this count (as 1200, 1,200 or a small number in words)."""
    forms = {str(value), number(value)}
    pattern = "|".join(re.escape(f) for f in forms)
    if re.search(rf"(?<![\d.,])(?:{pattern})(?![\d]|[.,]\d)", text):
        return True
    return 0 < value < len(NUMBER_WORDS) and bool(
        re.search(rf"\b{NUMBER_WORDS[value]}\b", text, re.IGNORECASE)
    )


def mentions_date(text: str, day: date) -> bool:
    """Whether a text already gives this date, in ISO form or in words."""
    month = day.strftime("%B")
    # "July 28", "28 July", and ranges such as "23 and 24 September" or "July 28 to 30".
    patterns = (
        re.escape(day.isoformat()),
        rf"\b{month}\s+(?:\d{{1,2}}\s*(?:,|and|to|-|–)\s*)?{day.day}(?!\d)",
        rf"(?<!\d){day.day}(?:\s*(?:,|and|to|-|–)\s*\d{{1,2}})?\s+{month}\b",
    )
    return any(re.search(p, text, re.IGNORECASE) for p in patterns)


def mentions_word(text: str, word: str) -> bool:
    """Whether a text uses a word (whole word, any case)."""
    return bool(re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE))


def mentions(text: str, identifier: str) -> bool:
    """Whether a text already names an identifier such as an ASIN or an order ID."""
    return identifier.upper() in text.upper()


def resolve_references(text: str, names: Mapping[str, str]) -> str:
    """`{E2}` replaced by the name of the item it points at ("Exhibit 2"); unknown ids stay
    (the case rules report them before anything is rendered)."""

    def name(match: re.Match[str]) -> str:
        return names.get(match.group(1), match.group(0))

    return REFERENCE.sub(name, text)


def references(text: str) -> list[str]:
    """The ids a text points at with `{ID}`."""
    return [m.group(1) for m in REFERENCE.finditer(text)]


def sentence(text: str) -> str:
    """Whitespace folded, and a full stop added where the text has none."""
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?" else text + "."


def with_note(text: str, note: str) -> str:
    """A sentence with a note in brackets before its full stop: 'Done (Exhibit 1).'"""
    text = sentence(text)
    if not note:
        return text
    last = text.rsplit(" ", 1)[-1]
    if text.endswith(".") and "." not in last[:-1]:
        return f"{text[:-1]} ({note})."
    # After an abbreviation ("4 p.m.") or a question, the note follows as its own bracket.
    return f"{text} ({note})."


def ids_sentence(kind: str, found: list[str], total: int | None) -> str:
    """'The orders concerned are A and B.' / 'include' when they are some of a larger count."""
    if not found:
        return ""
    if total is not None and total > len(found):
        return f"The {kind}s concerned include {join(found)}."
    if len(found) == 1:
        return f"The {kind} concerned is {found[0]}."
    return f"The {kind}s concerned are {join(found)}."


def cause_facts(
    text: str,
    *,
    occurred_on: date | None,
    units: int | None,
    unit: str,
    order_ids: list[str],
    asins: list[str],
    market: Marketplace,
) -> str:
    """The facts of a cause its text does not already give, as plain sentences."""
    when = occurred_on if occurred_on and not mentions_date(text, occurred_on) else None
    count = units if units is not None and not mentions_number(text, units) else None
    parts: list[str] = []
    day = format_date(when, market) if when else ""
    amount = counted(count, singular(unit)) if count is not None else ""
    if day and amount:
        parts.append(f"This happened on {day} and affected {amount}.")
    elif day:
        parts.append(f"This happened on {day}.")
    elif amount:
        parts.append(f"This affected {amount}.")
    orders = [o for o in order_ids if not mentions(text, o)]
    order_total = units if unit == "orders" else None
    parts.append(ids_sentence("order", orders, order_total))
    parts.append(ids_sentence("ASIN", [a for a in asins if not mentions(text, a)], None))
    return " ".join(p for p in parts if p)
