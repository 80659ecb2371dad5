"""The `poa` command line: the only module that parses arguments, prints and picks exit codes."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import __version__
from .errors import InputError, OutputError, PoaError, UsageError

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from .batch import Result
    from .interview import Interview, Prompter

EXAMPLES = {
    "poa": """examples:
  poa new order-defect-rate -o my-case.yaml   start a case file for an ODR notice
  poa validate my-case.yaml                   check it and list every problem
  poa catalog                                 list the issue types poa knows
  poa schema > poa-case.schema.json           JSON Schema for editors""",
    "validate": """examples:
  poa validate case.yaml
  poa validate cases/            every *.yaml and *.yml under cases/
exit status: 0 all valid, 1 some invalid or unreadable, 2 usage error""",
    "catalog": """examples:
  poa catalog                    every issue type, grouped
  poa catalog late-shipment-rate one type in full
  poa catalog --json             machine-readable""",
    "new": """examples:
  poa new inauthentic-complaint                 writes inauthentic-complaint.yaml
  poa new late-shipment-rate --pip -o lsr.yaml  a performance improvement plan
  poa new trademark-complaint -o -              print instead of writing""",
    "render": """examples:
  poa render case.yaml                     DOCX and PDF into ./out
  poa render cases/ -o letters -f docx,pdf,txt
  poa render case.yaml -f txt              appeal-form text with character counts
  poa render case.yaml --theme my-theme    your letterhead (theme.css, reference.docx)
exit status: 0 all rendered, 1 some failed, 2 usage error""",
    "interview": """examples:
  poa interview                          start a new case, guided step by step
  poa interview -o acme-odr.yaml         choose the case file's name
  poa interview --resume acme-odr.yaml   continue, or edit a finished case
Long answers: type :e to write them in $EDITOR. Ctrl-C keeps every answer given so far.""",
    "schema": """examples:
  poa schema > poa-case.schema.json""",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message} (see `{self.prog} --help`)")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value


def _formats(text: str) -> list[str]:
    from .rendering import FORMATS

    chosen = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(map(repr, unknown)) or repr(text)}: "
            f"choose from {', '.join(FORMATS)}"
        )
    return list(dict.fromkeys(chosen))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    fmt = argparse.RawDescriptionHelpFormatter
    parser = _Parser(
        prog="poa",
        description="Write Amazon Plans of Action and Performance Improvement Plans from "
        "checked case files.",
        epilog=EXAMPLES["poa"],
        formatter_class=fmt,
    )
    parser.add_argument("--version", action="version", version=f"poa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    catalog_opt = _Parser(add_help=False)
    catalog_opt.add_argument(
        "--catalog",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of your own issue types that add to or override the built-in ones "
        "(repeatable; also POA_CATALOG)",
    )
    today_opt = _Parser(add_help=False)
    today_opt.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date to check against (default: today)",
    )
    look_opt = _Parser(add_help=False)
    look_opt.add_argument(
        "--theme",
        metavar="DIR",
        type=Path,
        help="a theme folder with theme.css and optionally reference.docx",
    )
    look_opt.add_argument(
        "--templates",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of templates that override or add to the built-in ones "
        "(repeatable; also POA_TEMPLATES)",
    )
    look_opt.add_argument(
        "--pdf-variant",
        metavar="VARIANT",
        help="pdf/ua-1 (tagged, accessible), pdf/a-2b, pdf/a-3b and others",
    )

    p = sub.add_parser(
        "validate",
        help="check case files and list every problem",
        parents=[catalog_opt, today_opt],
        epilog=EXAMPLES["validate"],
        formatter_class=fmt,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="case files or folders")
    p.add_argument("-q", "--quiet", action="store_true", help="print only problems")

    p = sub.add_parser(
        "catalog",
        help="list the issue types, or show one",
        parents=[catalog_opt],
        epilog=EXAMPLES["catalog"],
        formatter_class=fmt,
    )
    p.add_argument("key", nargs="?", help="an issue type key to show in full")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser(
        "new",
        help="write a commented case file for an issue type",
        parents=[catalog_opt],
        epilog=EXAMPLES["new"],
        formatter_class=fmt,
    )
    p.add_argument("key", help="the issue type (see `poa catalog`)")
    p.add_argument(
        "--pip",
        action="store_true",
        help="a performance improvement plan instead of a plan of action",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="where to write (default: KEY.yaml; '-' prints it)"
    )
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    p = sub.add_parser(
        "render",
        help="render cases to DOCX, PDF, appeal-form text or Markdown",
        parents=[catalog_opt, today_opt, look_opt],
        epilog=EXAMPLES["render"],
        formatter_class=fmt,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="case files or folders")
    p.add_argument(
        "-o",
        "--output",
        default="out",
        metavar="DIR",
        help="the folder to write into (default: ./out)",
    )
    p.add_argument(
        "-f",
        "--formats",
        default=["docx", "pdf"],
        metavar="LIST",
        type=_formats,
        help="comma-separated: docx, pdf, txt (appeal-form text), md (default: docx,pdf)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="replace output files poa did not write or that were edited",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    p.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: the number of cores)",
    )
    p.add_argument("--fail-fast", action="store_true", help="stop at the first failed case")
    p.add_argument(
        "--json", action="store_true", help="print one JSON record per case (for scripts)"
    )
    p.add_argument(
        "--no-progress",
        dest="progress",
        action="store_false",
        help="plain lines even in a terminal",
    )

    p = sub.add_parser(
        "interview",
        help="answer questions, get a checked case and documents",
        parents=[catalog_opt, today_opt, look_opt],
        epilog=EXAMPLES["interview"],
        formatter_class=fmt,
    )
    p.add_argument(
        "--resume",
        metavar="FILE",
        type=Path,
        help="continue a saved interview, or edit a complete case",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        help="the case file to save answers in (default: poa-case-DATE.yaml)",
    )
    p.add_argument(
        "--out-dir", default="out", metavar="DIR", help="where the documents go (default: ./out)"
    )
    p.add_argument(
        "--profile",
        type=Path,
        metavar="FILE",
        help="the seller profile file (default: in your config folder)",
    )

    sub.add_parser(
        "schema",
        help="print the JSON Schema of case files",
        epilog=EXAMPLES["schema"],
        formatter_class=fmt,
    )
    return parser


def main(
    argv: Sequence[str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    prompter: Prompter | None = None,
) -> int:
    """Run poa with these arguments; return the exit status. Tests inject the streams and the
    interview's prompter."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_help(out)
            return 2
        if args.command == "interview":
            return cmd_interview(args, out, prompter)
        handler: Callable[[argparse.Namespace, TextIO], int] = COMMANDS[args.command]
        return handler(args, out)
    except PoaError as exc:
        for line in exc.lines():
            prefix = "" if exc.problems or line.startswith("poa") else "poa: "
            print(prefix + line, file=err)
        return exc.exit_code
    except KeyboardInterrupt:
        print("poa: interrupted", file=err)
        return 130
    except OSError as exc:
        print(f"poa: {exc.filename or ''}: {exc.strerror}", file=err)
        return 1
    except BrokenPipeError:
        return 1


def _catalog(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .catalog import load_catalog

    return load_catalog(args.catalog)


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    """`poa validate`: every problem in every file, then a summary."""
    from .cases import find_case_files, load_case

    catalog = _catalog(args)
    files, missing = find_case_files(args.paths)
    for error in missing:
        print(error.message, file=out)
    bad = 0
    problems = len(missing)
    for path in files:
        try:
            load_case(path, catalog=catalog, today=args.today)
        except InputError as exc:
            bad += 1
            lines = exc.lines() if exc.problems else [exc.message]
            problems += len(lines)
            for line in lines:
                print(line, file=out)
    if not args.quiet:
        noun = "file" if len(files) == 1 else "files"
        if missing:
            print(
                f"{len(missing)} path{'s' if len(missing) != 1 else ''} not found or empty",
                file=out,
            )
        if bad:
            print(
                f"{len(files)} {noun} checked: {len(files) - bad} valid, {bad} invalid, "
                f"{problems} problem{'s' if problems != 1 else ''}",
                file=out,
            )
        else:
            print(f"{len(files)} {noun} checked: all valid", file=out)
    return 1 if bad or missing else 0


def cmd_catalog(args: argparse.Namespace, out: TextIO) -> int:
    """`poa catalog [KEY] [--json]`."""
    from .catalog import GROUPS, ROUTES

    catalog = _catalog(args)
    if args.key:
        issue = catalog.get(args.key)
        if args.json:
            print(json.dumps(issue.model_dump(mode="json"), indent=2), file=out)
            return 0
        print(f"{issue.title}  [{issue.key}]", file=out)
        print(
            f"group: {issue.group_title}; notice category: {issue.category}; "
            f"usual deadline: {issue.deadline_days} days",
            file=out,
        )
        print(f"\n{issue.summary}\n", file=out)
        print(f"Answer with {ROUTES[issue.route]}.", file=out)
        if issue.route_advice:
            print(issue.route_advice, file=out)
        if issue.metric:
            m = issue.metric
            sign = "<" if m.better == "lower" else ">"
            window = f"{m.window_days} days" if m.window_days else "as shown in Account Health"
            print(
                f"\nMetric: {m.name} = {m.formula}\n  window: {window}; target {sign} "
                f"{m.threshold}%{'' if m.enforced else ' (advisory)'}",
                file=out,
            )
        for title, items in (
            ("Typical root causes", issue.root_causes),
            ("Corrective actions", issue.corrective_actions),
            ("Preventive measures", issue.preventive_measures),
            ("Evidence", issue.evidence),
        ):
            print(f"\n{title}:", file=out)
            for item in items:
                print(f"  - {item}", file=out)
        return 0
    if args.json:
        data = [t.model_dump(mode="json") for t in catalog]
        print(json.dumps(data, indent=2), file=out)
        return 0
    for group, issues in catalog.grouped().items():
        print(f"{GROUPS[group]}:", file=out)
        width = max(len(i.key) for i in issues)
        for issue in issues:
            route = "" if issue.route == "poa" else f"  (answer: {issue.route})"
            print(f"  {issue.key:<{width}}  {issue.title}{route}", file=out)
    print(f"\n{len(catalog)} issue types. `poa catalog KEY` shows one in full.", file=out)
    return 0


def cmd_new(args: argparse.Namespace, out: TextIO) -> int:
    """`poa new KEY`: write a commented scaffold."""
    from .scaffold import SCHEMA_FILE, case_schema, scaffold

    catalog = _catalog(args)
    target = args.output or f"{args.key}.yaml"
    text = scaffold(
        catalog.get(args.key),
        pip=args.pip,
        filename=Path(target).name if target != "-" else "case.yaml",
    )
    if target == "-":
        out.write(text)
        return 0
    path = Path(target)
    if path.exists() and not args.force:
        raise OutputError(
            f"{path} already exists: choose another name with -o, or add --force to overwrite it"
        )
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    print(f"wrote {path}: fill it in, then run `poa validate {path}`", file=out)
    schema_path = path.parent / SCHEMA_FILE
    if not schema_path.exists():
        schema_path.write_text(json.dumps(case_schema(), indent=2) + "\n", encoding="utf-8")
        print(f"wrote {schema_path}: lets your editor check and complete the case file", file=out)
    return 0


def cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    """`poa schema`: the JSON Schema of case files."""
    from .scaffold import case_schema

    print(json.dumps(case_schema(), indent=2), file=out)
    return 0


def _check_look(args: argparse.Namespace, formats: Sequence[str]) -> None:
    """Refuse an unknown PDF variant or a folder that is not a theme, before any work."""
    from .rendering import default_theme

    if args.pdf_variant and "pdf" in formats:
        from .pdf_writer import PDF_VARIANTS

        if args.pdf_variant not in PDF_VARIANTS:
            raise UsageError(
                f"unknown --pdf-variant {args.pdf_variant!r}: use one of {', '.join(PDF_VARIANTS)}"
            )
    theme = args.theme or default_theme()
    if not (theme / "theme.css").is_file():
        raise UsageError(f"{theme}: not a theme folder (it needs a theme.css)")


def cmd_render(args: argparse.Namespace, out: TextIO) -> int:
    """`poa render`: each case to each format, into the output folder, in parallel."""
    from .batch import Options, jobs_for, render_batch

    _check_look(args, args.formats)
    options = Options(
        output=Path(args.output),
        formats=tuple(args.formats),
        theme=args.theme,
        templates=tuple(args.templates),
        catalogs=tuple(args.catalog),
        pdf_variant=args.pdf_variant,
        force=args.force,
        today=args.today,
    )
    jobs, missing = jobs_for(args.paths)
    report = _Report(
        out,
        len(jobs),
        quiet=args.quiet,
        as_json=args.json,
        live=args.progress and not args.json and sys.stderr.isatty(),
    )
    for error in missing:
        report.problem(error.message)
    with report:
        for result in render_batch(jobs, options, workers=args.jobs, fail_fast=args.fail_fast):
            report.add(result, options.output)
            if args.fail_fast and result.status == "failed":
                break
    report.summary(len(missing))
    return 1 if report.failed or missing else 0


class _Report:
    """Shows a batch's progress: a live bar in a terminal, plain lines otherwise, or JSON."""

    def __init__(self, out: TextIO, total: int, *, quiet: bool, as_json: bool, live: bool) -> None:
        self.out = out
        self.total = total
        self.quiet = quiet
        self.as_json = as_json
        self.counts = {"rendered": 0, "skipped": 0, "failed": 0}
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        self.started = time.perf_counter()
        self.live = live and not quiet

    @property
    def failed(self) -> int:
        return self.counts["failed"]

    def __enter__(self) -> _Report:
        if self.live:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            console = Console(stderr=True)
            self.bar = Progress(
                TextColumn("rendering"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("cases", total=self.total, rate="")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def _print(self, line: str) -> None:
        if self.bar is not None:
            self.bar.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=self.out)

    def problem(self, line: str) -> None:
        if self.as_json:
            print(json.dumps({"case": None, "status": "failed", "problems": [line]}), file=self.out)
        else:
            self._print(line)

    def add(self, result: Result, root: Path) -> None:
        self.counts[result.status] += 1
        if self.as_json:
            print(result.as_json(), file=self.out)
            return
        for line in [*result.problems, *result.warnings]:
            self._print(line)
        if self.bar is not None and self.task is not None:
            done = sum(self.counts.values())
            rate = done / max(time.perf_counter() - self.started, 1e-6)
            self.bar.update(self.task, advance=1, rate=f"{rate:.1f} cases/s")
        elif not self.quiet:
            for name in result.outputs if result.status == "rendered" else []:
                verb = "wrote" if name in result.written else "unchanged"
                self._print(f"{verb} {root / name}")

    def summary(self, missing: int) -> None:
        if self.quiet or self.as_json:
            return
        rendered, skipped, failed = (self.counts[k] for k in ("rendered", "skipped", "failed"))
        noun = "case" if self.total == 1 else "cases"
        line = f"{rendered} of {self.total} {noun} rendered"
        if skipped:
            line += f", {skipped} skipped (unchanged)"
        if failed or missing:
            line += f", {failed + missing} failed"
        print(line, file=self.out)


def cmd_interview(args: argparse.Namespace, out: TextIO, prompter: Prompter | None) -> int:
    """`poa interview`: the guided questions, saved after every answer."""
    if prompter is None and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "poa interview asks questions and needs a terminal. To render a case file "
            "without questions, run `poa render CASE`."
        )
    from .interview import Interview, Prompter, Stopped, default_case_path

    _check_look(args, ["pdf"])

    prompter = prompter or Prompter()
    catalog = _catalog(args)
    today = args.today or date.today()
    if args.resume:
        interview = Interview.resume(args.resume, catalog, prompter, today)
    else:
        path = args.output or default_case_path(today)
        if path.exists():
            if not prompter.confirm(f"{path} exists. Continue the case saved in it?"):
                raise OutputError(
                    f"{path} exists: choose another name with -o, or continue "
                    f"it with `poa interview --resume {path}`"
                )
            interview = Interview.resume(path, catalog, prompter, today)
        else:
            interview = Interview.start(path, catalog, prompter, today)
    interview.profile = args.profile
    try:
        finished = interview.run()
        if not finished:
            print(
                f"Saved {interview.path}. Continue with: poa interview --resume {interview.path}",
                file=out,
            )
            return 0
        return _interview_render(interview, args, prompter, out)
    except Stopped as stop:
        interview.keep()
        print(f"{stop} Your answers are saved in {interview.path}.", file=out)
        return 0
    except (KeyboardInterrupt, EOFError):
        interview.keep()
        print(
            f"\nInterrupted. Your answers are saved in {interview.path}. Continue with: "
            f"poa interview --resume {interview.path}",
            file=out,
        )
        return 130


def _interview_render(
    interview: Interview, args: argparse.Namespace, prompter: Prompter, out: TextIO
) -> int:
    import questionary

    from .batch import Job, Options, render_batch

    formats = prompter.checkbox(
        "Which documents? (space to tick)",
        [
            questionary.Choice("Word (DOCX)", "docx", checked=True),
            questionary.Choice("PDF", "pdf", checked=True),
            questionary.Choice("Appeal-form text (TXT)", "txt", checked=True),
            questionary.Choice("Markdown", "md"),
        ],
    ) or ["docx", "pdf"]
    options = Options(
        output=Path(args.out_dir),
        formats=tuple(formats),
        theme=args.theme,
        templates=tuple(args.templates),
        catalogs=tuple(args.catalog),
        pdf_variant=args.pdf_variant,
        today=interview.today,
    )
    print(f"Saved the case in {interview.path}.", file=out)
    failed = False
    for result in render_batch([Job(interview.path)], options):
        for line in [*result.problems, *result.warnings]:
            print(line, file=out)
        failed = failed or result.status == "failed"
        for name in result.outputs:
            print(f"  {options.output / name}", file=out)
    if not failed:
        print(
            f"Your documents are ready. Render again any time with: poa render {interview.path}",
            file=out,
        )
    return 1 if failed else 0


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "validate": cmd_validate,
    "catalog": cmd_catalog,
    "new": cmd_new,
    "render": cmd_render,
    "schema": cmd_schema,
}
