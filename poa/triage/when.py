"""Dates in a notice: every date written the ways Amazon writes them in US, UK and German
English, the notice's own date, and the deadline its words set."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from poa.triage.found import Found
from poa.triage.phrases import PhraseTable, compiled

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20|21)[0-9][0-9])"
_WORD_DATES = (
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?(?:\s+{_YEAR})?\b", re.IGNORECASE),
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?(?:\s+{_YEAR})?\b", re.IGNORECASE),
)
_NUMERIC = re.compile(
    r"(?<![0-9/.-])(?P<a>[0-9]{1,2})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)"
    r"(?P<year>(?:19|20|21)[0-9][0-9])(?![0-9/-]|\.[0-9])"
)
_ISO = re.compile(
    r"(?<![0-9/.-])(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})(?![0-9-])"
)
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "five": 5,
    "seven": 7,
    "ten": 10,
    "fourteen": 14,
    "fifteen": 15,
    "seventeen": 17,
    "twenty": 20,
    "thirty": 30,
    "forty-eight": 48,
    "sixty": 60,
    "seventy-two": 72,
    "ninety": 90,
}
_COUNT = r"(?P<n>[0-9]{1,3}|" + "|".join(NUMBER_WORDS) + r")"
_UNIT = (
    r"(?:\s+\([0-9]{1,3}\))?\s+(?P<kind>calendar\s+|business\s+|working\s+)?(?P<unit>days?|hours?)"
)
_RELATIVE = (
    re.compile(
        rf"\b(?:within|in\s+the\s+next|in|you\s+have)\s+(?:the\s+next\s+)?{_COUNT}{_UNIT}\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b{_COUNT}{_UNIT}\s+(?:from|after|of)\s+(?:the\s+date\s+of\s+)?"
        r"(?:this|receiving|receipt|the\s+date)",
        re.IGNORECASE,
    ),
)
_BY = re.compile(
    r"(?:\bby|\bbefore|\bno\s+later\s+than|\bnot\s+later\s+than|\bon\s+or\s+before|\buntil"
    r"|\bdeadline|\bdue(?:\s+date)?|\brespond\s+by)\s*:?\s*$",
    re.IGNORECASE,
)
_NOT_RECEIVED = re.compile(
    r"(?:\bby|\bbefore|\buntil|\bfrom|\bafter|\bsince|\bbetween|\band|\bthan|\beffective"
    r"|\bstarting|\bon\s+or\s+before|\bdue(?:\s+date)?|\bdeadline)\s*:?\s*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")
STANDALONE_WORDS = 5
LINE_CHARS = 200  # a date's label or a standalone date's line is never longer
CLAUSE_CHARS = 200  # how far back a sentence is read for 'we typically' and the like


@dataclass(frozen=True)
class DateMatch:
    """A date written in the notice; value None when it could be read two ways."""

    start: int
    end: int
    text: str
    value: date | None
    year_given: bool = True
    note: str = ""


def find_dates(text: str, date_order: str | None) -> tuple[list[DateMatch], list[str]]:
    """Every date in the text, and notes on numeric dates that could be read two ways.

    A date such as 03/11/2026 is read the way another numeric date in the same notice
    settles (one with a part over 12), else the way the store writes dates, else not at all.
    """
    found = [m for pattern in _WORD_DATES for m in _word_dates(pattern, text)]
    found += [m for m in (_iso(match) for match in _ISO.finditer(text)) if m]
    numeric = list(_NUMERIC.finditer(text))
    order, why = _numeric_order(numeric, date_order)
    notes = []
    for match in numeric:
        item = _numeric(match, order, why)
        if item is None:
            continue
        if item.value is None:
            notes.append(item.note)
        found.append(item)
    return _without_overlaps(found), notes


def _word_dates(pattern: re.Pattern[str], text: str) -> list[DateMatch]:
    result = []
    for match in pattern.finditer(text):
        year = match.group("year")
        month = MONTHS[match.group("month").lower()]
        value = _date(int(year) if year else 2000, month, int(match.group("day")))
        if value:
            result.append(DateMatch(match.start(), match.end(), match.group(0), value, bool(year)))
    return result


def _iso(match: re.Match[str]) -> DateMatch | None:
    value = _date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    return DateMatch(match.start(), match.end(), match.group(0), value) if value else None


def _numeric_order(numeric: list[re.Match[str]], date_order: str | None) -> tuple[str | None, str]:
    seen = set()
    for match in numeric:
        a, b = int(match.group("a")), int(match.group("b"))
        if match.group("sep") == "." or a > 12 >= b:
            seen.add("DMY")
        elif b > 12 >= a:
            seen.add("MDY")
    if len(seen) == 1:
        order = seen.pop()
        return order, f"as {_order_words(order)}, like another date in this notice"
    if date_order:
        return date_order, f"as {_order_words(date_order)}, the way this store writes dates"
    return None, ""


def _order_words(order: str) -> str:
    return "month/day/year" if order == "MDY" else "day/month/year"


def _numeric(match: re.Match[str], order: str | None, why: str) -> DateMatch | None:
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    text, start, end = match.group(0), match.start(), match.end()
    dotted = match.group("sep") == "."
    if dotted or a > 12 or a == b:
        value = _date(year, b, a)
        return DateMatch(start, end, text, value) if value else None
    if b > 12:
        value = _date(year, a, b)
        return DateMatch(start, end, text, value) if value else None
    if order is None:
        note = (
            f"{text!r} could be {_spelled(_date(year, b, a))} or {_spelled(_date(year, a, b))}: "
            "the store is not known, so it was not read"
        )
        return DateMatch(start, end, text, None, note=note)
    value = _date(year, b, a) if order == "DMY" else _date(year, a, b)
    return DateMatch(start, end, text, value, note=f"{text} read {why}") if value else None


def _spelled(value: date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else "no date"


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _without_overlaps(found: list[DateMatch]) -> list[DateMatch]:
    result: list[DateMatch] = []
    for item in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if not result or item.start >= result[-1].end:
            result.append(item)
    return result


def received_date(text: str, dates: list[DateMatch], table: PhraseTable) -> Found[date] | None:
    """The notice's own date: one after a label (Date:, Sent:, dated), else one standing on
    a line of its own, else the first date that is not a time limit or a period's bound."""
    dated = [d for d in dates if d.value is not None and d.year_given]
    labels = "|".join(re.escape(label) for label in table.date_labels)
    label = re.compile(rf"^\s*(?:{labels})\s*[:,-]?\s*$|\bdated\s*$", re.IGNORECASE)
    tiers: tuple[tuple[Callable[[DateMatch], bool], str], ...] = (
        (lambda d: bool(label.search(_line_before(text, d))), "the date after its label"),
        (lambda d: _standalone(text, d), "a date on a line of its own"),
        (
            lambda d: not _NOT_RECEIVED.search(_line_before(text, d)),
            "the first date in the text: check it",
        ),
    )
    for test, why in tiers:
        for item in dated:
            if test(item) and item.value is not None:
                note = "; ".join(n for n in (why, item.note) if n)
                return Found(item.value, item.text, item.start, item.end, note)
    return None


def _line_before(text: str, item: DateMatch) -> str:
    """The line up to the date (its last LINE_CHARS characters: labels stand close)."""
    start = max(text.rfind("\n", max(0, item.start - LINE_CHARS), item.start) + 1, 0)
    return text[max(start, item.start - LINE_CHARS) : item.start]


def _standalone(text: str, item: DateMatch) -> bool:
    line_start = text.rfind("\n", 0, item.start) + 1
    line_end = text.find("\n", item.end)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > LINE_CHARS:
        return False
    before, after = text[line_start : item.start], text[item.end : line_end]
    words = len(re.findall(r"\w+", before + " " + after))
    return words <= STANDALONE_WORDS and not _NOT_RECEIVED.search(before)


def deadline(
    text: str, dates: list[DateMatch], table: PhraseTable, base: date, base_note: str
) -> Found[date] | None:
    """The deadline the notice sets for the seller: a date after 'by', 'no later than' and
    the like, or else a time limit ('within 17 days', 'in the next 72 hours') counted from
    ``base`` (the notice's date). Either counts only in a sentence that asks the seller to
    act, and not where the sentence says what Amazon usually does."""
    sentences = Sentences(text, table)
    for item in dates:
        window_start = max(0, item.start - 40)
        by = _BY.search(text[window_start : item.start])
        if item.value is None or by is None or not sentences.asks_to_act(item.start):
            continue
        value = item.value if item.year_given else _next_on_or_after(item.value, base)
        note = "" if item.year_given else f"the year taken as {value.year}"
        start = window_start + by.start()
        return Found(value, text[start : item.end], start, item.end, note)
    hits = [m for pattern in _RELATIVE for m in pattern.finditer(text)]
    for match in sorted(hits, key=lambda m: m.start()):
        if sentences.asks_to_act(match.start()):
            value, how = _count_from(base, match)
            note = f"{how} after {base_note}"
            return Found(value, match.group(0), match.start(), match.end(), note)
    return None


class Sentences:
    """The sentences of a notice, found once, and whether one asks the seller to act."""

    def __init__(self, text: str, table: PhraseTable) -> None:
        self.text = text
        self.table = table
        self.ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        self.verbs: dict[int, bool] = {}

    def asks_to_act(self, position: int) -> bool:
        """Whether the sentence around a position has a verb asking for action, and the
        words before the position do not say what Amazon usually does."""
        index = bisect.bisect_right(self.ends, position)
        start = self.ends[index - 1] if index else 0
        end = self.ends[index] if index < len(self.ends) else len(self.text)
        if index not in self.verbs:
            sentence = self.text[start:end]
            verbs = self.table.deadline_verbs
            self.verbs[index] = any(compiled(v, True).search(sentence) for v in verbs)
        if not self.verbs[index]:
            return False
        before = self.text[max(start, position - CLAUSE_CHARS) : position]
        return not any(compiled(p, False).search(before) for p in self.table.not_deadline)


def _count_from(base: date, match: re.Match[str]) -> tuple[date, str]:
    raw = match.group("n").lower()
    count = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
    unit = match.group("unit").lower()
    if unit.startswith("hour"):
        days = -(-count // 24)
        return base + timedelta(days=days), f"{count} hours, counted as {days} day(s),"
    if (match.group("kind") or "").strip().lower() in ("business", "working"):
        return _add_business_days(base, count), f"{count} business days"
    return base + timedelta(days=count), f"{count} days"


def _add_business_days(start: date, count: int) -> date:
    day = start
    for _ in range(count):
        day += timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
    return day


def _next_on_or_after(value: date, base: date) -> date:
    for year in (base.year, base.year + 1):
        candidate = _date(year, value.month, value.day)
        if candidate and candidate >= base:
            return candidate
    return _date(base.year, value.month, value.day) or base
