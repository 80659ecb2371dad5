"""`poa new --from-health` and `poa new --from-notice`: a case file started from what is
already known, the rest left as the usual commented scaffold."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import poa

if TYPE_CHECKING:
    from poa.cli.commands import Streams

NEW_FROM_EXAMPLES = """
  poa new --from-health daily-counts.csv -o plan.yaml   an improvement plan from the counts
  poa new --from-notice notice.txt                      a case pre-filled from the notice
  pbpaste | poa new --from-notice -                     the notice from standard input
  poa new trademark-complaint --from-notice notice.txt  your issue type, not the one found
exit status: 0 written, 1 unreadable input or the file exists, 2 usage error"""


def add_new_from(p: argparse.ArgumentParser) -> None:
    """The options of `poa new` that start from a health file or a notice."""
    source = p.add_mutually_exclusive_group()
    source.add_argument(
        "--from-health",
        metavar="FILE",
        type=Path,
        help="start an improvement plan (--pip is implied) from daily counts (see `poa health`)",
    )
    source.add_argument(
        "--from-notice",
        metavar="FILE",
        help="start from the notice's text in FILE ('-' reads standard input)",
    )
    p.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help="with --from-health or --from-notice: the day to count from (default: today)",
    )


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None


def wants_new_from(args: argparse.Namespace) -> bool:
    """Whether `poa new` was asked to start from a health file or a notice."""
    return bool(args.from_health or args.from_notice)


def cmd_new_from(args: argparse.Namespace, io: Streams) -> int:
    """`poa new [KEY] --from-health FILE | --from-notice FILE|-`."""
    if args.from_health:
        return _from_health(args, io)
    return _from_notice(args, io)


def _from_health(args: argparse.Namespace, io: Streams) -> int:
    catalog = poa.load_catalog(args.catalog)
    report = poa.health_report(poa.read_counts(args.from_health), catalog=catalog)
    data, to_fill = poa.case_from_health(report, today=args.today)
    if args.key:
        data["notification"]["issue_type"] = args.key
    issue = catalog.get(data["notification"]["issue_type"])
    _write(args, io, issue, data, pip=True, report=io.stdout)
    say = io.stderr if args.output == "-" else io.stdout
    print("Only you can fill in (each holds an [insert ...] placeholder or a stand-in):", file=say)
    for name in to_fill:
        print(f"  - {name}", file=say)
    return 0


def _from_notice(args: argparse.Namespace, io: Streams) -> int:
    catalog = poa.load_catalog(args.catalog)
    if args.from_notice == "-":
        if io.stdin.isatty():
            print("Paste the notice, then press Ctrl-D on a line of its own:", file=io.stderr)
        try:
            text = io.stdin.read()
        except UnicodeDecodeError:
            raise poa.InputError(
                "standard input: is not UTF-8 text: save the notice as UTF-8, or paste it"
            ) from None
    else:
        text = poa.read_notice(args.from_notice)
    triage = poa.triage_notice(text, catalog=catalog, today=args.today)
    # The case may go to standard output: the assessment then goes to standard error.
    say = io.stderr if args.output == "-" else io.stdout
    print(poa.format_triage(triage), file=say)
    print(file=say)
    key = args.key or triage.issue_type
    if key is None:
        raise poa.UsageError(
            "the notice names no issue type poa knows: give the type yourself, as in "
            "`poa new KEY --from-notice FILE` (see `poa catalog` for the keys)"
        )
    issue = catalog.get(key)
    data = _notice_data(triage, key, catalog)
    if args.pip:
        data["kind"] = "performance-improvement-plan"
    _write(args, io, issue, data, pip=data["kind"] == "performance-improvement-plan", report=say)
    return 0


def _notice_data(triage: poa.NoticeTriage, key: str, catalog: poa.Catalog) -> dict[str, Any]:
    """The triage's case data with the chosen type first, the notice's other types after it,
    metric windows from the catalog and the notice's text without trailing spaces (which a
    YAML literal block cannot hold)."""
    data = triage.case_data()
    notification = data["notification"]
    notification["issue_type"] = key
    others = [t for t in [triage.issue_type, *triage.other_issue_types] if t and t != key]
    if others:
        notification["other_issue_types"] = others
    text = notification.pop("text", None)
    if text:  # last, as the case's record of what Amazon wrote
        notification["text"] = "\n".join(line.rstrip() for line in text.splitlines())
    for metric in data.get("metrics", []):
        spec = catalog.metrics.get(metric["metric"])
        if spec is not None and spec.window_days:
            metric["window_days"] = spec.window_days
    return data


def _write(
    args: argparse.Namespace,
    io: Streams,
    issue: poa.IssueType,
    data: dict[str, Any],
    *,
    pip: bool,
    report: TextIO,
) -> None:
    catalog = poa.load_catalog(args.catalog)
    keys = data.get("notification", {}).get("other_issue_types", [])
    others = [catalog.get(key) for key in keys if key in catalog and key != issue.key]
    if args.output == "-":
        io.stdout.write(poa.scaffold_text(issue, pip=pip, prefill=data, others=others))
        return
    target = Path(args.output or f"{issue.key}.yaml")
    written = poa.write_scaffold(
        issue, target, pip=pip, force=args.force, prefill=data, others=others
    )
    print(f"wrote {target}: complete it, then run `poa validate {target}`", file=report)
    for extra in written[1:]:
        print(f"wrote {extra}: lets your editor check and complete the case file", file=report)
