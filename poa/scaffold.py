"""Starting points for case files: the commented scaffold and the JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jinja2

from poa.case.model import Case, Kind
from poa.catalog import IssueType
from poa.errors import OutputError
from poa.outputs.atomic import write_text_file
from poa.resources import builtin_dir

SCHEMA_FILE = "poa-case.schema.json"


def scaffold_text(issue: IssueType, *, pip: bool = False, filename: str = "case.yaml") -> str:
    """A commented case file for an issue type, its typical items offered as comments."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(builtin_dir()),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    kind = Kind.PERFORMANCE_IMPROVEMENT_PLAN if pip else Kind.PLAN_OF_ACTION
    return env.get_template("scaffold.yaml.j2").render(
        issue=issue,
        pip=pip,
        kind=kind.value,
        metric=issue.metric,
        filename=filename,
        schema=SCHEMA_FILE,
    )


def case_schema() -> dict[str, Any]:
    """The JSON Schema of case files, for editors."""
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def write_scaffold(
    issue: IssueType, target: Path, *, pip: bool = False, force: bool = False
) -> list[Path]:
    """Write a scaffold for an issue type to `target`, and the JSON Schema beside it if none is
    there yet; return the files written. An existing case file is never replaced unless
    `force`: the OutputError says how to go on."""
    if target.exists() and not force:
        raise OutputError(
            f"{target} already exists: choose another name with -o, or add --force to overwrite it"
        )
    written = [target]
    write_text_file(target, scaffold_text(issue, pip=pip, filename=target.name))
    schema_path = target.parent / SCHEMA_FILE
    if not schema_path.exists():
        write_text_file(schema_path, json.dumps(case_schema(), indent=2) + "\n")
        written.append(schema_path)
    return written
