"""Case files in and out: YAML text to a validated Case, with every problem located."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from poa import yamlfile
from poa.case import rules
from poa.case.model import Case
from poa.catalog import Catalog, load_catalog
from poa.errors import CaseInvalidError, InputError, InternalError, PoaError, Problem
from poa.textfile import advice_for
from poa.yamldump import dump_yaml

CASE_SUFFIXES = (".yaml", ".yml")


def parse_case(
    text: str, name: str = "<case>", *, catalog: Catalog | None = None, today: date | None = None
) -> Case:
    """Validate case YAML text; raise CaseInvalidError listing every problem, located.
    Only PoaError subclasses come out, whatever the text."""
    if not isinstance(text, str):
        raise InputError(f"{name}: a case is given as text (str), not {type(text).__name__}")
    return _guarded(name, lambda: _validate(yamlfile.parse(text, name), catalog, today))


def load_case(
    path: str | Path, *, catalog: Catalog | None = None, today: date | None = None
) -> Case:
    """Read (once, size-limited) and validate one case file."""
    path = Path(path)
    return parse_case(yamlfile.read_text(path), str(path), catalog=catalog, today=today)


def case_from_data(
    data: Mapping[str, Any],
    *,
    catalog: Catalog | None = None,
    today: date | None = None,
    name: str = "<data>",
) -> Case:
    """Validate a case given as Python data, by the same rules as a file."""
    doc = yamlfile.Document(name, dict(data) if isinstance(data, Mapping) else data)
    return _guarded(name, lambda: _validate(doc, catalog, today))


def _guarded(name: str, check: Callable[[], Case]) -> Case:
    """Run a check so that only PoaError comes out: any other failure is poa's own fault,
    reported against this input alone."""
    try:
        return check()
    except PoaError:
        raise
    except Exception as exc:
        raise InternalError(
            f"{name}: could not be checked ({exc.__class__.__name__}: {exc}): this is a fault "
            "in poa, please report it with the file; other files are not affected"
        ) from exc


@dataclass(frozen=True)
class CheckedCase:
    """A valid case with its warnings: what a reviewer would stop at, located in the file."""

    case: Case
    warnings: list[Problem] = field(default_factory=list)
    # The parsed file, so later checks can locate what they find in it.
    source: yamlfile.Document | None = None


def check_case(
    path: str | Path, *, catalog: Catalog | None = None, today: date | None = None
) -> CheckedCase:
    """Read and validate one case file, and report its warnings; errors raise as in
    `load_case`."""
    path = Path(path)
    return check_text(yamlfile.read_text(path), str(path), catalog=catalog, today=today)


def check_text(
    text: str, name: str, *, catalog: Catalog | None = None, today: date | None = None
) -> CheckedCase:
    """`check_case` on text already read."""
    doc = yamlfile.parse(text, name)
    catalog = catalog or load_catalog()
    today = today or date.today()
    case = _guarded(name, lambda: _validate(doc, catalog, today))
    found = rules.case_warnings(case, catalog, today)
    return CheckedCase(case, [doc.problem(loc, message) for loc, message in found], doc)


def _validate(doc: yamlfile.Document, catalog: Catalog | None, today: date | None) -> Case:
    if not isinstance(doc.data, dict):
        raise CaseInvalidError(
            "not a mapping",
            [
                doc.problem(
                    (),
                    "a case file must be a set of fields (kind:, seller:, notification:, ...), "
                    "not a list or a single value: start from `poa new ISSUE-TYPE`",
                )
            ],
        )
    try:
        case = Case.model_validate(doc.data)
    except ValidationError as exc:
        raise CaseInvalidError(
            "invalid case", yamlfile.validation_problems(exc, doc, Case)
        ) from None
    # Rules and documents count days from these dates; a year such as 1 or 9999 would take
    # that arithmetic past the calendar's ends.
    findings = list(_implausible_dates(case, ()))
    if not findings:
        catalog = catalog or load_catalog()
        findings = rules.case_findings(case, catalog, today or date.today())
    if findings:
        raise CaseInvalidError("invalid case", [doc.problem(loc, msg) for loc, msg in findings])
    return case


FIRST_YEAR, LAST_YEAR = 1800, 2999


def _implausible_dates(value: Any, loc: tuple[str | int, ...]) -> Iterator[rules.Finding]:
    if isinstance(value, date):
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            yield (
                loc,
                f"{value.isoformat()} is outside the years poa works with ({FIRST_YEAR} to "
                f"{LAST_YEAR}): check the year",
            )
    elif isinstance(value, BaseModel):
        for field in type(value).model_fields:
            yield from _implausible_dates(getattr(value, field), (*loc, field))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _implausible_dates(item, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _implausible_dates(item, (*loc, str(key)))


def find_case_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Files named directly and *.yaml / *.yml files under folders, sorted and without
    duplicates, plus an error for each path that is missing, unreadable or holds no case
    files, and for each folder under them that cannot be read."""
    files: list[Path] = []
    errors: list[InputError] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        try:
            is_folder = stat.S_ISDIR(os.stat(path).st_mode)
        except FileNotFoundError:
            errors.append(InputError(f"{path}: no such file or folder: check the path"))
            continue
        except OSError as exc:
            errors.append(InputError(_unreadable(path, exc)))
            continue
        found = _walk(path, errors) if is_folder else [path]
        if is_folder and not found:
            errors.append(InputError(f"{path}: no case files (*.yaml, *.yml) in this folder"))
        for item in found:
            real = os.path.realpath(item)
            if real not in seen:
                seen.add(real)
                files.append(item)
    return files, errors


def _walk(folder: Path, errors: list[InputError]) -> list[Path]:
    """Case files under a folder (symbolic links to folders are not followed); a sub-folder
    that cannot be listed is an error, never silently skipped."""

    def unreadable(exc: OSError) -> None:
        errors.append(InputError(_unreadable(Path(exc.filename or folder), exc, folder=True)))

    found = []
    for top, dirs, names in os.walk(folder, onerror=unreadable):
        dirs.sort()
        # A folder's settings such as .poa-checks.yaml are not cases.
        found += [
            Path(top, n)
            for n in names
            if Path(n).suffix.lower() in CASE_SUFFIXES and not n.startswith(".")
        ]
    return sorted(found)


def _unreadable(path: Path, exc: OSError, folder: bool = False) -> str:
    if folder:
        return (
            f"{path}: folder cannot be read ({exc.strerror}): {advice_for(exc)}; "
            "the case files in it were not checked"
        )
    return f"{path}: cannot be read ({exc.strerror}): {advice_for(exc)}"


def dump_case(case: Case) -> str:
    """The case as YAML text, fields in model order, empty optional fields left out."""
    data = {"kind": case.kind.value, **case.model_dump(mode="json", exclude_defaults=True)}
    return dump_yaml(data)
