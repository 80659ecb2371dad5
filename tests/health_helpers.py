"""Daily counts built by hand for the health tests, so every expected figure can be worked out
on paper."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from poa import DailyCounts, parse_counts

HEADER = (
    "date,orders,negative_feedback,a_to_z_claims,chargebacks,shipments,late_shipments,"
    "cancellations,tracked_shipments,on_time_deliveries"
)
FIRST = date(2026, 3, 1)
LAST = date(2026, 3, 20)


def twenty_days() -> str:
    """20 days from 2026-03-01, each with 100 orders and 100 shipments.

    Late shipments: 0 a day on days 1-10, 5 a day on days 11-20. Cancellations: 1 on day 14,
    2 on day 20. Negative feedback: 1 on day 5; A-to-z claims: 1 on day 15. Tracked: 96 a day;
    delivered on time: 94 a day."""
    lines = [HEADER]
    for i in range(20):
        day = FIRST + timedelta(days=i)
        late = 0 if i < 10 else 5
        cancels = {13: 1, 19: 2}.get(i, 0)
        negative = 1 if i == 4 else 0
        claims = 1 if i == 14 else 0
        lines.append(f"{day},100,{negative},{claims},0,100,{late},{cancels},96,94")
    return "\n".join(lines) + "\n"


def counts(text: str | None = None) -> DailyCounts:
    """The twenty days (or other CSV text) as checked counts."""
    return parse_counts(text or twenty_days(), "counts.csv")


def write_counts(folder: Path, text: str | None = None, name: str = "counts.csv") -> Path:
    """The twenty days (or other CSV text) as a file."""
    path = folder / name
    path.write_text(text or twenty_days(), encoding="utf-8")
    return path
