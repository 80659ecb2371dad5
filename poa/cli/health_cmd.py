"""`poa health`: account-health metrics from daily counts, as a table, JSON or a chart."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import poa

if TYPE_CHECKING:
    from poa.cli.commands import Streams

HEALTH_EXAMPLES = """examples:
  poa health daily-counts.csv                       the table, as of the last day
  poa health daily-counts.csv --as-of 2026-06-30    as of an earlier day
  poa health daily-counts.csv --target order-defect-rate=0.5 --target late-shipment-rate=2
  poa health daily-counts.csv --json                one record per metric (for scripts)
  poa health daily-counts.csv --chart health.png    also draw the chart (PNG or SVG)
  poa new --from-health daily-counts.csv            start an improvement plan from it
exit status: 0 every metric within Amazon's targets, 1 a metric past one (or a bad file),
2 usage error"""


def add_health(p: argparse.ArgumentParser) -> None:
    """The arguments of `poa health`."""
    p.add_argument("file", metavar="FILE", type=Path, help="the daily-counts CSV file")
    p.add_argument(
        "--as-of",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the last day of every window (default: the last day in the file)",
    )
    p.add_argument(
        "--target",
        action="append",
        default=[],
        metavar="KEY=PCT",
        help="your own target for a metric, stricter than Amazon's, such as "
        "order-defect-rate=0.5 (repeatable)",
    )
    p.add_argument("--json", action="store_true", help="print JSON, one record per metric")
    p.add_argument(
        "--chart", metavar="OUT", type=Path, help="draw the metrics to OUT.png or OUT.svg"
    )
    p.add_argument("--force", action="store_true", help="replace the chart file if it exists")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None


def cmd_health(args: argparse.Namespace, io: Streams) -> int:
    """`poa health FILE`: the table (or JSON), the chart when asked; 1 when a metric breaches."""
    targets = poa.parse_targets(args.target)
    counts = poa.read_counts(args.file)
    catalog = poa.load_catalog(args.catalog)
    report = poa.health_report(counts, as_of=args.as_of, targets=targets, catalog=catalog)
    # The chart first: a refused or failed chart leaves no half-reported run behind.
    chart = poa.draw_chart(report, args.chart, force=args.force) if args.chart else None
    if args.json:
        io.stdout.write(poa.health_json(report))
    else:
        io.stdout.write(poa.format_health(report))
    if chart is not None:
        # Keep standard output pure JSON for scripts.
        print(f"wrote {chart}", file=io.stderr if args.json else io.stdout)
    return 1 if report.breached else 0
