"""Daily counts: the CSV a seller keeps from Seller Central's reports, read with every problem
located by file, line and CSV column.

Each row is one day. Orders, cancellations and defects belong to the day the order was placed;
shipments and the columns about them (late, tracked, delivered on time) to the day it shipped.
An empty cell means the count is not known for that day: the day is left out of the metrics
that need it. A missing day is the same as a row of empty cells, and is reported as a warning.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import Path

from poa.errors import InputError, Problem
from poa.textfile import read_bytes, utf8_text
from poa.yamlfile import DATE_HINT

DATE = "date"
COUNT_COLUMNS: tuple[str, ...] = (
    "orders",
    "negative_feedback",
    "a_to_z_claims",
    "chargebacks",
    "shipments",
    "late_shipments",
    "cancellations",
    "tracked_shipments",
    "on_time_deliveries",
    "defective_orders",
)
COLUMNS: tuple[str, ...] = (DATE, *COUNT_COLUMNS)
# A day's part cannot exceed the same day's whole: (part, whole, why).
SUBSETS: tuple[tuple[str, str, str], ...] = (
    ("late_shipments", "shipments", "late shipments are some of the day's shipments"),
    ("tracked_shipments", "shipments", "tracked shipments are some of the day's shipments"),
    (
        "on_time_deliveries",
        "tracked_shipments",
        "count on-time deliveries among the day's tracked shipments",
    ),
    ("cancellations", "orders", "count cancellations on the day the order was placed"),
    ("defective_orders", "orders", "count each defective order once, on the day it was placed"),
)
MAX_BYTES = 5_000_000
_DIGITS = re.compile(r"\+?[0-9]+")
_NEGATIVE = re.compile(r"-[0-9]+")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class DayCounts:
    """One day's counts; a column the file lacks, or an empty cell, is None."""

    day: date
    line: int
    counts: Mapping[str, int | None]

    def get(self, column: str) -> int | None:
        """The count in one column, or None when it is not known for this day."""
        return self.counts.get(column)


@dataclass(frozen=True)
class DailyCounts:
    """A seller's daily counts, checked and in date order, with warnings about gaps."""

    source: str
    columns: tuple[str, ...]
    days: tuple[DayCounts, ...]
    warnings: tuple[Problem, ...] = field(default=())

    @property
    def first(self) -> date:
        """The earliest day in the counts."""
        return self.days[0].day

    @property
    def last(self) -> date:
        """The latest day in the counts."""
        return self.days[-1].day


def read_counts(path: str | Path) -> DailyCounts:
    """Read a daily-counts CSV file (UTF-8, with or without a byte-order mark)."""
    path = Path(path)
    return parse_counts(_read_text(path), str(path))


def parse_counts(text: str, name: str = "<counts>") -> DailyCounts:
    """Check daily-counts CSV text; raise InputError listing every problem, located."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError(
            "empty",
            [
                Problem(
                    name,
                    1,
                    1,
                    "",
                    "file is empty: the first line names the columns, "
                    "starting with date,orders,...; then one row per day",
                )
            ],
        )
    rows = _csv_rows(text, name)
    line, header = rows[0]
    return _build(name, line, header, rows[1:])


def counts_from_records(
    records: Iterable[Mapping[str, object]], name: str = "<rows>"
) -> DailyCounts:
    """Check daily counts given as mappings (column name to value), by the same rules as a file.

    Rows are numbered from 1 in the problems, in place of line numbers."""
    items = list(records)
    header: list[str] = []
    for record in items:
        header += [str(key) for key in record if str(key) not in header]
    rows = [(i, [_cell(record.get(key)) for key in header]) for i, record in enumerate(items, 1)]
    return _build(name, None, header, rows)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_text(path: Path) -> str:
    name = str(path)
    raw = read_bytes(
        path,
        MAX_BYTES,
        f"file is larger than {MAX_BYTES // 1_000_000} MB: daily counts for many years fit in "
        "far less; check you picked the right file",
    )
    if b"\x00" in raw:
        raise InputError(
            f"{name}: is a binary file, not CSV text: save the sheet as CSV (comma-separated, "
            "UTF-8) from your spreadsheet program"
        )
    return utf8_text(raw, name, "file is not UTF-8 text: save it again as CSV UTF-8")


def _delimiter(text: str) -> str:
    # Spreadsheets in some locales save with semicolons or tabs; the header line tells which.
    first = next((line for line in text.splitlines() if line.strip()), "")
    if "," not in first:
        for candidate in (";", "\t"):
            if candidate in first:
                return candidate
    return ","


def _csv_rows(text: str, name: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((reader.line_num, cells))
    except csv.Error as exc:
        raise InputError(
            "not CSV",
            [
                Problem(
                    name, reader.line_num, None, "", f"is not valid CSV ({exc}): check the quotes"
                )
            ],
        ) from None
    return rows


def _build(
    name: str, header_line: int | None, header: Sequence[str], rows: list[tuple[int, list[str]]]
) -> DailyCounts:
    problems: list[Problem] = []
    columns = _header(name, header_line, header, problems)
    if DATE not in columns:
        message = "no date column: name the columns in the first line, such as date,orders"
        problems.append(Problem(name, header_line, None, DATE, message))
        raise InputError("invalid daily counts", problems)
    if not rows:
        message = "has the column names but no rows: add one row per day under them"
        problems.append(Problem(name, header_line, None, "", message))
    days = [day for line, cells in rows if (day := _row(name, line, columns, cells, problems))]
    problems += _duplicates(name, days, columns.index(DATE) + 1)
    if problems:
        problems.sort(key=lambda p: p.line or 0)
        raise InputError("invalid daily counts", problems)
    days.sort(key=lambda d: d.day)
    present = tuple(c for c in COUNT_COLUMNS if c in columns)
    gaps = tuple(_gaps(name, days, columns.index(DATE) + 1))
    return DailyCounts(name, present, tuple(days), gaps)


def _duplicates(name: str, days: list[DayCounts], column: int) -> Iterator[Problem]:
    seen: dict[date, int] = {}
    for day in days:
        if day.day in seen:
            yield Problem(
                name,
                day.line,
                column,
                DATE,
                f"{day.day} is already on line {seen[day.day]}: "
                "keep one row per day, with the counts added together",
            )
        seen.setdefault(day.day, day.line)


def _normal(raw: str) -> str:
    return re.sub(r"[\s-]+", "_", raw.strip().lower())


def _header(
    name: str, line: int | None, header: Sequence[str], problems: list[Problem]
) -> list[str | None]:
    columns: list[str | None] = []
    for index, raw in enumerate(header, start=1):
        key = _normal(raw)
        if key in COLUMNS and key in columns:
            message = f"column {key} appears twice: keep one"
        elif key in COLUMNS:
            columns.append(key)
            continue
        elif not key:
            message = f"column {index} has no name: name it or delete the empty column"
        else:
            close = difflib.get_close_matches(key, COLUMNS, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]}?" if close else "poa reads " + ", ".join(COLUMNS)
            message = f"unknown column {raw.strip()!r}: {hint}"
        problems.append(Problem(name, line, index, raw.strip(), message))
        columns.append(None)
    return columns


def _row(
    name: str, line: int, columns: list[str | None], cells: list[str], problems: list[Problem]
) -> DayCounts | None:
    if len(cells) != len(columns):
        problems.append(
            Problem(
                name,
                line,
                min(len(cells), len(columns)) + 1,
                "",
                f"has {len(cells)} "
                f"fields but the first line names {len(columns)} columns: give every day a "
                "value (or an empty cell) for each column, no more",
            )
        )
        return None
    day: date | None = None
    counts: dict[str, int | None] = {}
    bad = len(problems)
    for index, (column, cell) in enumerate(zip(columns, cells, strict=True), start=1):
        if column is None:
            continue
        if column == DATE:
            day, message = _date(cell)
        else:
            counts[column], message = _count(cell)
        if message:
            problems.append(Problem(name, line, index, column, message))
    problems += _subset_problems(name, line, columns, counts)
    if day is None or len(problems) > bad:
        return None
    return DayCounts(day, line, counts)


def _date(cell: str) -> tuple[date | None, str | None]:
    text = cell.strip()
    if not text:
        return None, "is empty: every row needs its day, as YYYY-MM-DD"
    if _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text), None
        except ValueError:
            return None, f"{text!r} is not a day of the calendar: check the month and day"
    return None, f"{text!r} {DATE_HINT}"


def _count(cell: str) -> tuple[int | None, str | None]:
    text = cell.strip()
    if not text:
        return None, None
    if _DIGITS.fullmatch(text):
        return int(text), None
    if _NEGATIVE.fullmatch(text):
        return None, f"is negative ({text}): a count is 0 or more"
    return None, f"{text!r} is not a whole number: write the count as digits only, such as 12"


def _subset_problems(
    name: str, line: int, columns: list[str | None], counts: Mapping[str, int | None]
) -> Iterator[Problem]:
    for part, whole, why in SUBSETS:
        small, big = counts.get(part), counts.get(whole)
        if small is not None and big is not None and small > big:
            yield Problem(
                name,
                line,
                columns.index(part) + 1,
                part,
                f"{part} ({small}) is more than {whole} ({big}): {why}",
            )


def _gaps(name: str, days: list[DayCounts], column: int) -> Iterator[Problem]:
    for before, after in pairwise(days):
        missing = (after.day - before.day).days - 1
        if missing <= 0:
            continue
        start = before.day.toordinal() + 1
        span = (
            f"no row for {date.fromordinal(start)}"
            if missing == 1
            else f"no rows for {date.fromordinal(start)} to {date.fromordinal(start + missing - 1)}"
            f" ({missing} days)"
        )
        yield Problem(
            name,
            after.line,
            column,
            DATE,
            f"{span} before this day: counted as missing data "
            "(left out of every window), not as zero; add the rows, with zeros for quiet days",
        )
