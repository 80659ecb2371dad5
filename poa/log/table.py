"""The register as a table for the terminal, as CSV and as JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from poa.log.register import LogRow
from poa.log.tracking import MetricTracking

URGENT_MARK = "!"
RED, RESET = "\x1b[31;1m", "\x1b[0m"
HEADERS = ("NOTICE", "ISSUE", "STORE", "SEVERITY", "DEADLINE", "DAYS", "STATUS", "SENT", "LAST")
CSV_FIELDS = (
    "file",
    "received_on",
    "issue_type",
    "title",
    "store",
    "marketplace",
    "severity",
    "deadline",
    "days_left",
    "status",
    "submissions",
    "last_outcome",
    "problem",
)


def row_data(row: LogRow) -> dict[str, Any]:
    """One row as plain data, dates in ISO form."""
    return {
        "file": str(row.file),
        "received_on": row.received_on.isoformat() if row.received_on else None,
        "issue_type": row.issue_type,
        "title": row.title,
        "store": row.store,
        "marketplace": row.marketplace,
        "severity": row.severity or None,
        "deadline": row.deadline.isoformat() if row.deadline else None,
        "days_left": row.days_left,
        "urgent": row.urgent,
        "status": row.status,
        "submissions": row.submissions,
        "last_outcome": row.last_outcome,
        "problem": row.problem,
    }


def _cells(row: LogRow) -> list[str]:
    days = "" if row.days_left is None else str(row.days_left)
    return [
        row.received_on.isoformat() if row.received_on else "?",
        row.title or "?",
        f"{row.store} {row.marketplace}".strip() or "?",
        row.severity or "-",
        row.deadline.isoformat() if row.deadline else "-",
        days or "-",
        row.status,
        str(row.submissions),
        row.last_outcome or "-",
    ]


def format_log(
    rows: Sequence[LogRow], *, colour: bool = False, tracking: Sequence[MetricTracking] = ()
) -> list[str]:
    """The register as aligned lines: a header, one line per case (days left marked with
    `!`, or shown in red with colour, when three or fewer or passed), each draft's first
    problem under it, then the metric tracking of each case that has it."""
    table = [list(HEADERS)] + [_cells(r) for r in rows]
    widths = [max(len(line[i]) for line in table) + 1 for i in range(len(HEADERS))]
    days_at = HEADERS.index("DAYS")
    lines = ["  ".join(c.ljust(w) for c, w in zip(table[0], widths, strict=True)).rstrip()]
    for row, cells in zip(rows, table[1:], strict=True):
        padded = [c.ljust(w) for c, w in zip(cells, widths, strict=True)]
        if row.urgent:
            mark = cells[days_at] + ("" if colour else URGENT_MARK)
            mark = mark.ljust(widths[days_at])
            padded[days_at] = f"{RED}{mark}{RESET}" if colour else mark
        lines.append("  ".join(padded).rstrip())
        lines.append(f"    {row.file}")
        if row.problem:
            lines.append(f"    {row.problem}")
    for item in tracking:
        lines += ["", *item.lines()]
    return lines


def log_csv(rows: Sequence[LogRow]) -> str:
    """The register as CSV, one record per case, with a header."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row_data(row).items()})
    return out.getvalue()


def log_json(rows: Sequence[LogRow], tracking: Sequence[MetricTracking] = ()) -> str:
    """The register as a JSON list, one object per case, with metric tracking where asked."""
    followed = {str(t.file): t.data() for t in tracking}
    records = []
    for row in rows:
        record = row_data(row)
        if str(row.file) in followed:
            record["tracking"] = followed[str(row.file)]
        records.append(record)
    return json.dumps(records, indent=2)
