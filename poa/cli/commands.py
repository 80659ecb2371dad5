"""One function per command: arguments in, a library call, an exit status out."""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import poa
from poa.cli.check_cmd import cmd_check
from poa.cli.collector import settled
from poa.cli.health_cmd import cmd_health
from poa.cli.log_cmd import cmd_log, cmd_outcome, cmd_submit
from poa.cli.new_from import cmd_new_from
from poa.cli.report import BatchReport, validate_summary


@dataclass
class Streams:
    """Where a command reads and writes: injected by tests, the real ones otherwise."""

    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    prompter: Any = None

    def print(self, text: str = "") -> None:
        """A line on standard output."""
        print(text, file=self.stdout)


def cmd_validate(args: argparse.Namespace, io: Streams) -> int:
    """`poa validate`: every problem in every file, then a summary."""
    catalog = poa.load_catalog(args.catalog)
    files, missing = poa.find_case_files(args.paths)
    problems = [line for error in missing for line in error.lines()]
    bad = 0
    for line in problems:
        io.print(line)
    with settled():
        for path in files:
            try:
                checked = poa.check_case(path, catalog=catalog, today=args.today)
            except poa.InputError as exc:
                bad += 1
                problems += exc.lines()
                for line in exc.lines():
                    io.print(line)
            else:
                # Warnings are printed but change neither the count of problems nor the status.
                for warning in checked.warnings:
                    io.print(str(replace(warning, message=f"warning: {warning.message}")))
    if not args.quiet:
        for line in validate_summary(len(files), bad, len(problems), len(missing)):
            io.print(line)
    return 1 if bad or missing else 0


def cmd_catalog(args: argparse.Namespace, io: Streams) -> int:
    """`poa catalog [KEY] [--json]`."""
    catalog = poa.load_catalog(args.catalog)
    if args.key:
        issue = catalog.get(args.key)
        io.print(
            json.dumps(issue.model_dump(mode="json"), indent=2) if args.json else issue.describe()
        )
    elif args.json:
        io.print(json.dumps([t.model_dump(mode="json") for t in catalog], indent=2))
    else:
        io.print(catalog.describe())
    return 0


def cmd_new(args: argparse.Namespace, io: Streams) -> int:
    """`poa new KEY`: write a commented scaffold (and the schema beside it)."""
    if args.from_health or args.from_notice:
        return cmd_new_from(args, io)
    if not args.key:
        raise poa.UsageError(
            "poa new: name the issue type (see `poa catalog`), or start from a notice with "
            "--from-notice FILE or from daily counts with --from-health FILE"
        )
    issue = poa.load_catalog(args.catalog).get(args.key)
    if args.output == "-":
        io.stdout.write(poa.scaffold_text(issue, pip=args.pip))
        return 0
    target = Path(args.output or f"{args.key}.yaml")
    written = poa.write_scaffold(issue, target, pip=args.pip, force=args.force)
    io.print(f"wrote {target}: fill it in, then run `poa validate {target}`")
    for extra in written[1:]:
        io.print(f"wrote {extra}: lets your editor check and complete the case file")
    return 0


def cmd_schema(args: argparse.Namespace, io: Streams) -> int:
    """`poa schema`: the JSON Schema of case files."""
    io.print(json.dumps(poa.case_schema(), indent=2))
    return 0


def _options(args: argparse.Namespace, output: str, formats: tuple[poa.Format, ...]) -> poa.Options:
    options = poa.Options(
        output=Path(output),
        formats=formats,
        theme=args.theme,
        templates=tuple(args.templates),
        catalogs=tuple(args.catalog),
        pdf_variant=args.pdf_variant,
        force=getattr(args, "force", False),
        today=args.today,
        run_checks=getattr(args, "check", True),
        strict=getattr(args, "strict", False),
    )
    options.check()
    return options


def cmd_render(args: argparse.Namespace, io: Streams) -> int:
    """`poa render`: each case to each format, into the output folder, in parallel."""
    options = _options(args, args.output, args.formats)
    jobs, missing = poa.jobs_for(args.paths)
    live = args.progress and not args.json and io.stderr.isatty()
    report = BatchReport(
        io.stdout, io.stderr, len(jobs), quiet=args.quiet, as_json=args.json, live=live
    )
    for error in missing:
        report.problem(error.message)
    stopped: KeyboardInterrupt | None = None
    batch = poa.render_batch(jobs, options, workers=args.jobs, fail_fast=args.fail_fast)
    # Closing the batch stops its workers and releases the output folder before the summary.
    with report, contextlib.closing(batch):
        try:
            for result in batch:
                report.add(result, options.output)
        except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM: stop, then say where things are
            stopped = exc
    report.summary(len(missing), stopped=stopped is not None)
    if stopped is not None:
        raise stopped
    return 1 if report.failed or report.held or missing else 0


def cmd_interview(args: argparse.Namespace, io: Streams) -> int:
    """`poa interview`: the guided questions, saved after every answer, then the documents."""
    if io.prompter is None and not (io.stdin.isatty() and io.stdout.isatty()):
        raise poa.UsageError(
            "poa interview asks questions and needs a terminal. To render a case file "
            "without questions, run `poa render CASE`."
        )
    options = _options(args, args.out_dir, (poa.Format.PDF,))
    outcome = poa.run_interview(
        options,
        catalog=poa.load_catalog(args.catalog),
        prompter=io.prompter,
        today=args.today or date.today(),
        output=args.output,
        resume=args.resume,
        profile=args.profile,
    )
    return 1 if outcome.failed else 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Streams], int]] = {
    "validate": cmd_validate,
    "catalog": cmd_catalog,
    "new": cmd_new,
    "render": cmd_render,
    "interview": cmd_interview,
    "schema": cmd_schema,
    "log": cmd_log,
    "submit": cmd_submit,
    "outcome": cmd_outcome,
    "health": cmd_health,
    "check": cmd_check,
}
