"""The argument parser: one small function per command's arguments, help with examples."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import poa
from poa.cli.check_cmd import EXAMPLES as CHECK_EXAMPLES
from poa.cli.check_cmd import add_check
from poa.cli.health_cmd import HEALTH_EXAMPLES, add_health
from poa.cli.log_cmd import add_log_commands
from poa.cli.new_from import NEW_FROM_EXAMPLES, add_new_from

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
  poa new trademark-complaint -o -              print instead of writing"""
    + NEW_FROM_EXAMPLES,
    "health": HEALTH_EXAMPLES,
    "render": """examples:
  poa render case.yaml                     DOCX and PDF into ./out
  poa render cases/ -o letters -f docx,pdf,txt
  poa render case.yaml -f txt              appeal-form text with character counts
  poa render case.yaml --theme my-theme    your letterhead (theme.css, reference.docx)
  poa render cases/ --no-check             render even the cases `poa check` holds back
exit status: 0 all rendered, 1 some failed or held back by checks, 2 usage error""",
    "interview": """examples:
  poa interview                          start a new case, guided step by step
  poa interview -o acme-odr.yaml         choose the case file's name
  poa interview --resume acme-odr.yaml   continue, or edit a finished case
Long answers: type :e to write them in $EDITOR. Ctrl-C keeps every answer given so far.""",
    "check": CHECK_EXAMPLES,
    "schema": """examples:
  poa schema > poa-case.schema.json""",
}


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises UsageError instead of exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise poa.UsageError(f"{self.prog}: {message} (see `{self.prog} --help`)")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None


def _positive(text: str) -> int:
    value = int(text) if text.strip().isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value


def _formats(text: str) -> tuple[poa.Format, ...]:
    try:
        return poa.parse_formats(text)
    except poa.UsageError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _shared_options() -> dict[str, Parser]:
    """Option groups several commands take: catalogs, the date, the documents' look."""
    catalog = Parser(add_help=False)
    catalog.add_argument(
        "--catalog",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of your own issue types that add to or override the built-in ones "
        "(repeatable; also POA_CATALOG)",
    )
    today = Parser(add_help=False)
    today.add_argument(
        "--today", type=_date, metavar="YYYY-MM-DD", help="the date to check against"
    )
    look = Parser(add_help=False)
    look.add_argument(
        "--theme",
        metavar="DIR",
        type=Path,
        help="a theme folder with theme.css and optionally reference.docx",
    )
    look.add_argument(
        "--templates",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of templates that override or add to the built-in ones "
        "(repeatable; also POA_TEMPLATES)",
    )
    look.add_argument(
        "--pdf-variant",
        metavar="VARIANT",
        help="pdf/ua-1 (tagged, accessible), pdf/a-2b, pdf/a-3b and others",
    )
    return {"catalog": catalog, "today": today, "look": look}


def _command(
    sub: argparse._SubParsersAction[Parser], name: str, summary: str, *parents: Parser
) -> Parser:
    return sub.add_parser(
        name,
        help=summary,
        parents=list(parents),
        epilog=EXAMPLES[name],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _add_validate(p: Parser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="case files or folders")
    p.add_argument("-q", "--quiet", action="store_true", help="print only problems")


def _add_catalog(p: Parser) -> None:
    p.add_argument("key", nargs="?", help="an issue type key to show in full")
    p.add_argument("--json", action="store_true", help="print JSON")


def _add_new(p: Parser) -> None:
    p.add_argument(
        "key",
        nargs="?",
        help="the issue type (see `poa catalog`); found in the notice with --from-notice",
    )
    p.add_argument(
        "--pip", action="store_true", help="a performance improvement plan, not a plan of action"
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="where to write (default: KEY.yaml; '-' prints it)"
    )
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    add_new_from(p)


def _add_render(p: Parser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="case files or folders")
    p.add_argument("-o", "--output", default="out", metavar="DIR", help="default: ./out")
    p.add_argument(
        "-f",
        "--formats",
        default=poa.DEFAULT_FORMATS,
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
    p.add_argument("--json", action="store_true", help="one JSON record per case (for scripts)")
    p.add_argument(
        "--no-progress", dest="progress", action="store_false", help="plain lines in a terminal too"
    )
    p.add_argument("--no-check", dest="check", action="store_false", help="skip `poa check`")
    p.add_argument("--strict", action="store_true", help="hold back cases with check warnings")


def _add_interview(p: Parser) -> None:
    p.add_argument(
        "--resume", metavar="FILE", type=Path, help="continue a saved interview, or edit a case"
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        help="the case file to save answers in (default: poa-case-DATE.yaml)",
    )
    p.add_argument("--out-dir", default="out", metavar="DIR", help="where the documents go")
    p.add_argument(
        "--profile",
        type=Path,
        metavar="FILE",
        help="the seller profile file (default: in your config folder)",
    )


def build_parser() -> Parser:
    """The argument parser for every command."""
    parser = Parser(
        prog="poa",
        description="Write Amazon Plans of Action and Performance Improvement Plans from "
        "checked case files.",
        epilog=EXAMPLES["poa"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"poa {poa.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    opt = _shared_options()
    catalog, today, look = opt["catalog"], opt["today"], opt["look"]
    commands: list[tuple[Callable[[Parser], None], str, str, tuple[Parser, ...]]] = [
        (_add_validate, "validate", "check case files and list every problem", (catalog, today)),
        (_add_catalog, "catalog", "list the issue types, or show one", (catalog,)),
        (_add_new, "new", "write a commented case file for an issue type", (catalog,)),
        (add_check, "check", "a reviewer's reading: what would get a plan rejected",
         (catalog, today)),
        (_add_render, "render", "render cases to DOCX, PDF, appeal-form text or Markdown",
         (catalog, today, look)),
        (_add_interview, "interview", "answer questions, get a checked case and documents",
         (catalog, today, look)),
        (add_health, "health", "account-health metrics from daily counts", (catalog,)),
    ]  # fmt: skip
    for add, name, summary, parents in commands:
        add(_command(sub, name, summary, *parents))
    _command(sub, "schema", "print the JSON Schema of case files")
    add_log_commands(sub, catalog, today)
    return parser
