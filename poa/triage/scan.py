"""Reading the plain facts of a notice: its cleaned text, subject, store, identifiers and
reference. Dates, issue types and statuses have modules of their own."""

from __future__ import annotations

import re
from collections.abc import Callable

from poa.case import ids
from poa.case.marketplaces import MARKETPLACE_IDS, MARKETPLACES
from poa.case.values import BIDI_CONTROLS, UNPRINTABLE
from poa.triage.found import Found
from poa.triage.phrases import PhraseTable, find_all

MAX_CHARS = 20000  # what a case file keeps of a notice's text
SUBJECT_MAX = 300
# One character for one, so that spans found in the cleaned text stay where they were.
_SAME_LENGTH = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2013": "-"}
    | {"\u2011": "-", "\u2010": "-", "\u2014": "-", "\u202f": " ", "\u2007": " "}
)
_HEADER = re.compile(r"^\s*(from|to|cc|bcc|date|sent|reply-to)\s*:", re.IGNORECASE)
_GREETING = re.compile(r"^\s*(hello|hi|dear|greetings|good (morning|afternoon))\b", re.IGNORECASE)
_SUBJECT = re.compile(r"^[ \t]*subject[ \t]*:[ \t]*(\S[^\n]*)", re.IGNORECASE | re.MULTILINE)
_B0_ASIN = re.compile(r"(?<![A-Za-z0-9])B0[0-9A-Z]{8}(?![A-Za-z0-9])")
_ISBN10 = re.compile(r"(?<![\w-])[0-9]{9}[0-9X](?![\w-])")
_ASIN_LABEL = re.compile(r"\b(ASINs?|ISBN(-10)?)\b", re.IGNORECASE)
_ORDER = re.compile(r"(?<![\w-])(?:[0-9]{3}|D01)-[0-9]{7}-[0-9]{7}(?![\w-])")
_HOST = re.compile(r"(?<![\w.-])(?:[\w-]+\.)*amazon(?:\.[a-z]{2,3}){1,2}(?![\w-]|\.\w)", re.I)
_REFERENCE_VALUE = r"[ \t]*(?:ID|number|no\.?|#)?[ \t]*[:#][ \t]*([A-Z0-9][A-Z0-9-]{3,39})\b"


def clean(text: str) -> tuple[str, list[str]]:
    """The notice with Windows line ends made plain and characters no document can hold
    removed, and notes saying what was removed."""
    cleaned = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SAME_LENGTH)
    removed = len(UNPRINTABLE.findall(cleaned))
    notes = []
    if removed:
        cleaned = UNPRINTABLE.sub("", cleaned)
        notes.append(
            f"removed {removed} invisible control character(s) that came with the pasted text"
        )
    return cleaned, notes


def subject(text: str) -> Found[str] | None:
    """The email's Subject: line, or else the first line that is neither a header nor a
    greeting."""
    match = _SUBJECT.search(text[:3000])
    if match:
        return _subject_found(match.group(1), match.start(1), "the Subject: line")
    position = 0
    for line in text.split("\n"):
        if line.strip() and not _HEADER.match(line) and not _GREETING.match(line):
            return _subject_found(line, position, "the first line")
        position += len(line) + 1
    return None


def _subject_found(line: str, start: int, where: str) -> Found[str] | None:
    value = BIDI_CONTROLS.sub("", " ".join(line.split()))
    if not re.search(r"\w", value):
        return None
    note = f"taken from {where}"
    if len(value) > SUBJECT_MAX:
        value = value[: SUBJECT_MAX - 1].rsplit(" ", 1)[0] + "…"
        note += f", shortened to {SUBJECT_MAX} characters"
    offset = len(line) - len(line.lstrip())
    return Found(value, line.strip(), start + offset, start + offset + len(line.strip()), note)


def stores(text: str, table: PhraseTable) -> list[Found[str]]:
    """Every store the notice names (by web address, name or marketplace ID), in order of
    first mention, each once."""
    found: list[Found[str]] = []
    domains = {d.lower(): code for code, entry in table.stores.items() for d in entry.domains}
    for match in _HOST.finditer(text):
        host = match.group(0).lower()
        suffix = next((d for d in domains if host == d or host.endswith("." + d)), None)
        if suffix and not host.startswith("sellercentral-europe."):
            found.append(Found(domains[suffix], match.group(0), match.start(), match.end()))
    for code, entry in table.stores.items():
        names = [*entry.names, *_market_names(code)]
        for hit in find_all(text, names, [], 0):
            found.append(Found(code, hit.text, hit.start, hit.end))
    for market_id, market in MARKETPLACE_IDS.items():
        for match in re.finditer(rf"\b{market_id}\b", text):
            found.append(Found(market.code, market_id, match.start(), match.end()))
    return _first_of_each(sorted(found, key=lambda f: f.start))


def _market_names(code: str) -> list[str]:
    name = MARKETPLACES[code].name
    return [f"Amazon {name}", f"{name} store", f"{name} marketplace"]


def _first_of_each(found: list[Found[str]]) -> list[Found[str]]:
    seen: set[str] = set()
    result = []
    for item in found:
        if item.value not in seen:
            seen.add(item.value)
            result.append(item)
    return result


def references(text: str, table: PhraseTable) -> list[Found[str]]:
    """Reference, violation or complaint IDs, by the label printed before them."""
    labels = "|".join(re.escape(label) for label in table.reference_labels)
    pattern = re.compile(rf"(?<![\w-])(?i:{labels}){_REFERENCE_VALUE}")
    found = []
    for match in pattern.finditer(text):
        value = match.group(1).rstrip("-")
        if re.search(r"[0-9]", value):
            found.append(Found(value, match.group(0).strip(), match.start(), match.end(1)))
    return found


def asins(text: str, taken: list[Found[str]]) -> list[Found[str]]:
    """ASINs: B0 and eight more characters, or an ISBN-10 with a right check digit that a
    label (ASIN, ISBN) on the same line introduces and that is no reference ID."""
    found = [Found(m.group(0), m.group(0), m.start(), m.end()) for m in _B0_ASIN.finditer(text)]
    labels: dict[int, int | None] = {}  # line start -> where the line's first label ends
    for match in _ISBN10.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if line_start not in labels:
            line_end = text.find("\n", line_start)
            label = _ASIN_LABEL.search(text, line_start, len(text) if line_end < 0 else line_end)
            labels[line_start] = label.end() if label else None
        label_end = labels[line_start]
        labelled = label_end is not None and label_end <= match.start()
        overlaps = any(t.start <= match.start() < t.end for t in taken)
        if labelled and not overlaps and ids.isbn10_ok(match.group(0)):
            found.append(Found(match.group(0), match.group(0), match.start(), match.end()))
    return _normalised(sorted(found, key=lambda f: f.start), ids.normalize_asin)


def order_ids(text: str) -> list[Found[str]]:
    """Amazon order IDs in 3-7-7 form."""
    found = [Found(m.group(0), m.group(0), m.start(), m.end()) for m in _ORDER.finditer(text)]
    return _normalised(found, ids.normalize_order_id)


def _normalised(found: list[Found[str]], normalize: Callable[[str], str]) -> list[Found[str]]:
    result: list[Found[str]] = []
    seen: set[str] = set()
    for item in found:
        try:
            value = normalize(item.value)
        except ValueError:
            continue
        if value not in seen:
            seen.add(value)
            result.append(Found(value, item.phrase, item.start, item.end))
    return result
