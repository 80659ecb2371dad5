"""Case files checked the way `poa check` and `poa render` do: validated first, then read by
the reviewer's rules, with the rules a case or its folders switch off left out and named."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from poa.case.files import CheckedCase, check_text
from poa.case.model import Case
from poa.catalog import Catalog, load_catalog
from poa.checks.config import CheckConfig, Place, load_check_config
from poa.checks.engine import Started, finish, start, unknown_rule_hint
from poa.checks.findings import Finding, Severity
from poa.checks.report import CheckReport, Origin
from poa.checks.rulebook import RULES
from poa.errors import PoaError, Problem
from poa.textfile import read_text

INVALID = "invalid"  # the rule id of a validation problem, which stops a case
VALIDATE = "validate"  # the rule id of a validation warning


class Review(NamedTuple):
    """One case file checked: the case when it is valid, its report, and the error that
    stopped it when it is not. (A named tuple, as `Finding` is, for the time `poa check`
    takes to start.)"""

    report: CheckReport
    case: Case | None = None
    error: PoaError | None = None

    def blocking(self, strict: bool = False) -> list[Finding]:
        """The findings that hold the case back: errors, and warnings too when strict."""
        held = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return [f for f in self.report.findings if f.severity in held]


class Switches:
    """Rules switched off, why, where, and the problems met reading the switches."""

    def __init__(self, disabled: dict[str, str] | None = None) -> None:
        self.disabled = disabled or {}
        self.origins: dict[str, Origin] = {}
        self.problems: list[Problem] = []


class _Started(NamedTuple):
    """A case file validated and checked as a whole, its wording rules still to run: its
    report so far, the engine's started check, and the case when the review keeps it."""

    report: CheckReport
    started: Started
    case: Case | None


# The case files `Reviewer.files` starts before it finishes them.
BATCH = 64


class Reviewer:
    """Checks case files with one catalog and date, reading each folder's settings once."""

    def __init__(self, catalog: Catalog | None = None, today: date | None = None) -> None:
        self.catalog = catalog or load_catalog()
        self.today = today or date.today()
        self.configs: dict[Path, CheckConfig | PoaError] = {}
        self.folders: dict[tuple[Path, Path], Switches] = {}

    def file(self, path: Path, root: Path | None = None) -> Review:
        """Check one case file; `root` is the folder named on the command line, up to which
        `.poa-checks.yaml` files are looked for."""
        return self._finished(self._started(path, root, keep=True))

    def files(self, paths: Iterable[Path], root: Path | None = None) -> Iterator[Review]:
        """`file` on each path in turn, but without the case in the reviews. The files are
        read, validated and checked as a whole a batch at a time, and the wording and length
        rules then read the batch one case after another: right after a case's validation,
        which leaves little of their code and tables in the processor's caches, they take
        about a fifth longer. (A batch holds its fields' text, not its parsed cases: holding
        those slowed validation by as much as the batch saved.)"""
        pending = iter(paths)
        while batch := [self._started(path, root) for path in islice(pending, BATCH)]:
            yield from map(self._finished, batch)

    def text(self, text: str, name: str, folder: Path, root: Path | None = None) -> Review:
        """Check case text read from a file in `folder`."""
        return self._finished(self._begun(text, name, folder, root, keep=True))

    def _started(self, path: Path, root: Path | None, keep: bool = False) -> _Started | Review:
        try:
            text = read_text(path)
        except PoaError as exc:
            return _failed(str(path), exc)
        return self._begun(text, str(path), path.parent, root, keep)

    def _begun(
        self, text: str, name: str, folder: Path, root: Path | None, keep: bool = False
    ) -> _Started | Review:
        """The case validated and checked as a whole, its wording rules still to run; or the
        review of a case that could not be read. `keep` keeps the case for the review."""
        try:
            checked = check_text(text, name, catalog=self.catalog, today=self.today)
        except PoaError as exc:
            return _failed(name, exc)
        place = (folder, root or folder)
        if place not in self.folders:
            self.folders[place] = self.switched_off(*place)
        folder_off, case_off = self.folders[place], _case_switches(checked, name)
        disabled = {**folder_off.disabled, **case_off.disabled}
        origins = {**folder_off.origins, **case_off.origins}
        problems = [*folder_off.problems, *case_off.problems]
        findings = [_finding(p, Severity.ERROR, INVALID) for p in problems]
        findings += [_finding(p, Severity.WARNING, VALIDATE) for p in checked.warnings]
        started = start(
            checked.case,
            catalog=self.catalog,
            today=self.today,
            source=checked.source,
            disabled=disabled,
        )
        report = CheckReport(name, findings, disabled, origins)
        return _Started(report, started, checked.case if keep else None)

    @staticmethod
    def _finished(item: _Started | Review) -> Review:
        """The review of a started case, once its wording rules have run (a review already
        made is passed on)."""
        if isinstance(item, Review):
            return item
        report, started, case = item
        findings = [*report.findings, *finish(started)]
        findings.sort(key=lambda f: (f.line or 0, f.column or 0))
        return Review(report._replace(findings=findings), case)

    def switched_off(self, folder: Path, root: Path) -> Switches:
        """Rules switched off by the `.poa-checks.yaml` files from `root` down to `folder`;
        a nearer file's reason wins. Problems in those files come back as problems."""
        found = Switches()
        for place in _folders(folder, root):
            config = self.configs.get(place)
            if config is None:
                try:
                    config = load_check_config(place)
                except PoaError as exc:
                    config = exc
                self.configs[place] = config
            if isinstance(config, PoaError):
                found.problems.extend(
                    config.problems or [Problem(str(place), None, None, "", config.message)]
                )
            else:
                found.disabled.update(config.disabled)
                if config.path is not None:
                    found.origins.update(_origins(str(config.path), config.places))
        return found


def _folders(folder: Path, root: Path) -> list[Path]:
    """`root`, then each folder below it down to `folder` (just `folder` if it is not under
    `root`)."""
    try:
        parts = folder.relative_to(root).parts
    except ValueError:
        return [folder]
    return [root.joinpath(*parts[:i]) for i in range(len(parts) + 1)]


def _case_switches(checked: CheckedCase, name: str) -> Switches:
    switches, source = checked.case.checks, checked.source
    if switches is None:
        return Switches()
    known = {rule: why for rule, why in switches.disable.items() if rule in RULES}
    found = Switches(known)
    for rule in switches.disable.keys() - known.keys():
        loc = ("checks", "disable", rule)
        message = f"cannot switch off {rule!r}: {unknown_rule_hint(rule)}"
        if source is not None:
            found.problems.append(source.problem(loc, message, prefer_key=True))
    if source is not None:
        places = {r: source.position(("checks", "disable", r), prefer_key=True) for r in known}
        found.origins.update(_origins(name, places))
    return found


def _origins(file: str, places: Mapping[str, Place]) -> dict[str, Origin]:
    """Where each switch is: its file, and its line and column when known."""
    return {rule: (file, *(place or (None, None))) for rule, place in places.items()}


def _failed(name: str, exc: PoaError) -> Review:
    problems = exc.problems or [Problem(name, None, None, "", _without(name, exc.message))]
    findings = [_finding(p, Severity.ERROR, INVALID) for p in problems]
    return Review(CheckReport(name, findings), None, exc)


def _without(name: str, message: str) -> str:
    return message.removeprefix(f"{name}: ")


def _finding(problem: Problem, severity: Severity, rule: str) -> Finding:
    path = (problem.field,) if problem.field else ()
    return Finding(
        rule,
        severity,
        path,
        problem.message,
        file=problem.file,
        line=problem.line,
        column=problem.column,
    )
