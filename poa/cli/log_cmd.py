"""The response log's commands: `poa log`, `poa submit` and `poa outcome`."""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import poa

if TYPE_CHECKING:
    from poa.cli.commands import Streams
    from poa.cli.parser import Parser

EXAMPLES = {
    "log": """examples:
  poa log cases/                         every case: deadline, days left, status
  poa log cases/ --status ready,rejected --due-within 7
  poa log cases/ --sort store --csv > register.csv
  poa log acme-odr.yaml --health daily-counts.csv   metrics at the notice and now
Days left are marked ! (red in a terminal) when three or fewer, or passed.""",
    "submit": """examples:
  poa submit acme-odr.yaml --documents out/acme-odr.pdf evidence/
  poa submit acme-odr.yaml --channel email --date 2026-10-21 --documents sent/
The documents are copied, with their SHA-256 hashes, to acme-odr.submissions/N/.""",
    "outcome": """examples:
  poa outcome acme-odr.yaml rejected --reply amazon-reply.txt
  poa outcome acme-odr.yaml accepted --date 2026-10-25""",
}
OUTCOMES = ("accepted", "rejected", "more-information-requested", "pending")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None


def _days(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None


def _statuses(text: str) -> list[str]:
    return [s.strip() for s in text.split(",") if s.strip()]


def _choice(option: str, value: str | None, allowed: tuple[str, ...]) -> None:
    """Check a value against the library's set (read only when the command runs, so that
    `--help` loads no third-party package)."""
    if value is not None and value not in allowed:
        raise poa.UsageError(f"{option} {value}: not one of {', '.join(allowed)}")


def add_log_arguments(p: Parser) -> None:
    """The arguments of `poa log`."""
    p.add_argument("paths", nargs="+", metavar="PATH", help="case files or folders")
    p.add_argument("--sort", default="deadline", help="deadline (default), date, status or store")
    p.add_argument(
        "--status",
        type=_statuses,
        default=[],
        metavar="LIST",
        help="only these (comma-separated): draft, ready, submitted, "
        "more-information-requested, rejected, accepted",
    )
    p.add_argument("--store", metavar="NAME", help="only this store name or marketplace code")
    p.add_argument(
        "--due-within", type=_days, metavar="DAYS", help="only cases due within DAYS (or past)"
    )
    out = p.add_mutually_exclusive_group()
    out.add_argument("--csv", action="store_true", help="print CSV")
    out.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--health",
        type=Path,
        metavar="COUNTS.csv",
        help="daily counts to compare each case's metrics with (else the case's health: file)",
    )


def add_submit_arguments(p: Parser) -> None:
    """The arguments of `poa submit`."""
    p.add_argument("case", type=Path, metavar="CASE", help="the case file")
    p.add_argument(
        "--channel",
        help="how it was sent: appeal-form, email, ip-dispute, compliance-upload, "
        "listing-edit or rights-owner (default: the issue type's usual way)",
    )
    p.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="when (default: today)")
    p.add_argument(
        "--documents",
        nargs="+",
        default=[],
        type=Path,
        metavar="PATH",
        help="the files sent, or a folder of them",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="record it even if the case does not validate, or was rejected unchanged",
    )


def add_outcome_arguments(p: Parser) -> None:
    """The arguments of `poa outcome`."""
    p.add_argument("case", type=Path, metavar="CASE", help="the case file")
    p.add_argument("outcome", choices=OUTCOMES, help="Amazon's answer")
    p.add_argument("--reply", type=Path, metavar="FILE", help="a file with Amazon's reply text")
    p.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="when (default: today)")


def add_log_commands(sub: argparse._SubParsersAction[Parser], *parents: Parser) -> None:
    """Register `log`, `submit` and `outcome` with their examples."""
    specs = (
        ("log", "the register of cases: deadlines, status, submissions", add_log_arguments),
        ("submit", "record a submission and keep the documents sent", add_submit_arguments),
        ("outcome", "record Amazon's answer to the last submission", add_outcome_arguments),
    )
    for name, summary, add in specs:
        add(
            sub.add_parser(
                name,
                help=summary,
                parents=list(parents),
                epilog=EXAMPLES[name],
                formatter_class=argparse.RawDescriptionHelpFormatter,
            )
        )


def _colour(io: Streams) -> bool:
    return io.stdout.isatty() and "NO_COLOR" not in os.environ


def _tracking(
    rows: list[poa.LogRow], given: Path | None, catalog: poa.Catalog, io: Streams
) -> tuple[list[poa.MetricTracking], bool]:
    found, failed = [], False
    for row in rows:
        source = poa.health_source(row.file, row.case, given) if row.case else None
        if source is None:
            continue
        try:
            found.append(poa.track_metrics(row.file, row.case, source, catalog))  # type: ignore[arg-type]
        except poa.PoaError as exc:
            failed = True
            for line in exc.lines():
                print(f"{row.file}: health: {line}", file=io.stderr)
    return found, failed


def cmd_log(args: argparse.Namespace, io: Streams) -> int:
    """`poa log PATH...`: the register, sorted and filtered, as a table, CSV or JSON."""
    _choice("--sort", args.sort, poa.LOG_SORT_KEYS)
    for status in args.status:
        _choice("--status", status, poa.LOG_STATUSES)
    catalog = poa.load_catalog(args.catalog)
    today = args.today or date.today()
    rows, missing = poa.read_log(args.paths, catalog, today)
    for error in missing:
        for line in error.lines():
            print(line, file=io.stderr)
    rows = poa.filter_log(rows, statuses=args.status, store=args.store, due_within=args.due_within)
    rows = poa.sort_log(rows, args.sort)
    tracking, failed = _tracking(rows, args.health, catalog, io)
    if args.json:
        io.print(poa.log_json(rows, tracking))
    elif args.csv:
        io.stdout.write(poa.log_csv(rows))
    else:
        for line in poa.format_log(rows, colour=_colour(io), tracking=tracking):
            io.print(line)
    return 1 if missing or failed else 0


def cmd_submit(args: argparse.Namespace, io: Streams) -> int:
    """`poa submit CASE`: record the submission, keep the documents, say what changed."""
    _choice("--channel", args.channel, poa.SUBMIT_CHANNELS)
    on = args.date or args.today or date.today()
    done = poa.submit_case(
        args.case,
        documents=args.documents,
        channel=args.channel,
        on=on,
        catalog=poa.load_catalog(args.catalog),
        force=args.force,
    )
    for line in done.problems:
        io.print(f"warning: {line}")
    if done.changes is not None:
        changes = done.changes.lines() or ["the same documents and case as last time"]
        io.print(f"since submission {done.number - 1}:")
        for line in changes:
            io.print(f"  {line}")
    via = f" via {done.submission.channel}" if done.submission.channel else ""
    io.print(
        f"recorded submission {done.number} of {args.case} on {on}{via}: "
        f"{len(done.submission.documents)} document(s) kept in {done.folder}"
    )
    if done.edit.original_copy is not None:
        io.print(
            f"the case file was written out in full; the original is kept as "
            f"{done.edit.original_copy}"
        )
    return 0


def cmd_outcome(args: argparse.Namespace, io: Streams) -> int:
    """`poa outcome CASE OUTCOME`: Amazon's answer on the last submission."""
    reply = None
    if args.reply is not None:
        try:
            reply = args.reply.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            why = getattr(exc, "strerror", None) or "not UTF-8 text"
            raise poa.InputError(f"{args.reply}: cannot be read ({why})") from None
    on = args.date or args.today or date.today()
    answered, edit = poa.record_outcome(args.case, args.outcome, on=on, reply=reply)
    io.print(f"recorded {answered.outcome} on {on} for the last submission of {args.case}")
    if edit.original_copy is not None:
        io.print(
            f"the case file was written out in full; the original is kept as {edit.original_copy}"
        )
    return 0
