"""Starting points for case files: the commented scaffold and the JSON Schema."""

from __future__ import annotations

from typing import Any

import jinja2

from .catalog import IssueType, builtin_dir
from .models import Case, Kind

SCHEMA_FILE = "poa-case.schema.json"


def scaffold(issue: IssueType, *, pip: bool = False, filename: str = "case.yaml") -> str:
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
