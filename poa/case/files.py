"""Case files in and out: YAML text to a validated Case, with every problem located."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from poa import yamlfile
from poa.case import rules
from poa.case.model import Case
from poa.catalog import Catalog, load_catalog
from poa.errors import CaseInvalidError, InputError, Problem

CASE_SUFFIXES = (".yaml", ".yml")


def parse_case(
    text: str, name: str = "<case>", *, catalog: Catalog | None = None, today: date | None = None
) -> Case:
    """Validate case YAML text; raise CaseInvalidError listing every problem, located."""
    return _validate(yamlfile.parse(text, name), catalog, today)


def load_case(
    path: str | Path, *, catalog: Catalog | None = None, today: date | None = None
) -> Case:
    """Read and validate one case file."""
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
    return _validate(yamlfile.Document(name, dict(data)), catalog, today)


@dataclass(frozen=True)
class CheckedCase:
    """A valid case with its warnings: what a reviewer would stop at, located in the file."""

    case: Case
    warnings: list[Problem] = field(default_factory=list)


def check_case(
    path: str | Path, *, catalog: Catalog | None = None, today: date | None = None
) -> CheckedCase:
    """Read and validate one case file, and report its warnings; errors raise as in
    `load_case`."""
    path = Path(path)
    doc = yamlfile.parse(yamlfile.read_text(path), str(path))
    catalog = catalog or load_catalog()
    today = today or date.today()
    case = _validate(doc, catalog, today)
    found = rules.case_warnings(case, catalog, today)
    return CheckedCase(case, [doc.problem(loc, message) for loc, message in found])


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
    catalog = catalog or load_catalog()
    findings = rules.case_findings(case, catalog, today or date.today())
    if findings:
        raise CaseInvalidError("invalid case", [doc.problem(loc, msg) for loc, msg in findings])
    return case


def find_case_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Files named directly and *.yaml / *.yml files under folders, sorted and without
    duplicates, plus an error for each path that is missing or holds no case files."""
    files: list[Path] = []
    errors: list[InputError] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in CASE_SUFFIXES and p.is_file()
            )
            if not found:
                errors.append(InputError(f"{path}: no case files (*.yaml, *.yml) in this folder"))
        elif path.exists():
            found = [path]
        else:
            errors.append(InputError(f"{path}: no such file or folder: check the path"))
            found = []
        for item in found:
            if item.resolve() not in seen:
                seen.add(item.resolve())
                files.append(item)
    return files, errors


def dump_case(case: Case) -> str:
    """The case as YAML text, fields in model order, empty optional fields left out."""
    data = {"kind": case.kind.value, **case.model_dump(mode="json", exclude_defaults=True)}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=90)
