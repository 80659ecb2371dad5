"""Benchmark: read two years of daily counts and build the health report (no chart), against a
one-second budget; the chart is timed on its own for information.

Run: python tests/benchmark_health.py [DAYS]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import poa

BUDGET_SECONDS = 1.0
HEADER = (
    "date,orders,negative_feedback,a_to_z_claims,chargebacks,shipments,late_shipments,"
    "cancellations,tracked_shipments,on_time_deliveries"
)


def daily_counts(days: int) -> str:
    """`days` days of plausible counts ending on 2026-10-31, the same every run."""
    rng = random.Random(days)
    start = date(2026, 10, 31) - timedelta(days=days - 1)
    lines = [HEADER]
    for i in range(days):
        orders = rng.randint(150, 400)
        shipments = orders - rng.randint(0, 5)
        tracked = shipments - rng.randint(0, 8)
        lines.append(
            f"{start + timedelta(days=i)},{orders},{rng.randint(0, 3)},{rng.randint(0, 1)},"
            f"{rng.randint(0, 1)},{shipments},{rng.randint(0, 12)},{rng.randint(0, 6)},"
            f"{tracked},{tracked - rng.randint(0, 10)}"
        )
    return "\n".join(lines) + "\n"


def main(days: int = 730) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "counts.csv"
        path.write_text(daily_counts(days), encoding="utf-8")
        poa.load_catalog()  # the catalog is read once per process, not per report
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            report = poa.health_report(poa.read_counts(path))
            poa.format_health(report)
            poa.health_json(report)
            runs.append(time.perf_counter() - start)
        best = min(runs)
        start = time.perf_counter()
        poa.draw_chart(report, Path(tmp) / "health.png")
        chart = time.perf_counter() - start
    print(f"health report on {days} days (read, metrics, table, JSON): {best * 1000:.1f} ms")
    print(f"budget {BUDGET_SECONDS:.1f} s: ratio {best / BUDGET_SECONDS:.3f} of the budget")
    print(f"chart (PNG, first in this process, matplotlib import included): {chart:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 730)
