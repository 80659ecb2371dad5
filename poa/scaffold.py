"""Starting points for case files: the commented scaffold and the JSON Schema."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2

from poa.case.model import Case, Kind
from poa.catalog import IssueType
from poa.errors import OutputError
from poa.outputs.atomic import write_text_file
from poa.resources import builtin_dir
from poa.yamldump import dump_yaml

SCHEMA_FILE = "poa-case.schema.json"
# The notification's fields the scaffold writes a line for, in its order; a pre-filled value
# takes the place of its line, any other pre-filled field follows them.
NOTIFICATION_LINES = (
    "issue_type",
    "received_on",
    "subject",
    "reference",
    "marketplace",
    "scope",
    "asins",
    "order_ids",
    "deadline",
    "account_status",
    "problem_started_on",
    "policies",
)
# The sections a pre-filled value replaces whole (their comment headers stay).
SECTIONS = ("seller", "root_causes", "corrective_actions", "preventive_measures", "metrics")
REVIEW = ("review_cadence", "review_checks")


def scaffold_text(
    issue: IssueType,
    *,
    pip: bool = False,
    filename: str = "case.yaml",
    prefill: Mapping[str, Any] | None = None,
    others: Sequence[IssueType] = (),
) -> str:
    """A commented case file for an issue type, its typical items offered as comments.

    `prefill` is case data already known (from a notice's triage or the health report): its
    notification fields take the place of their blank lines, and its seller, root causes,
    actions, measures, metrics and milestones the place of their commented sections. The
    typical items of `others` (further issue types the notice names) follow the issue's own,
    each cause marked with the issue it explains."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(builtin_dir()),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["quoted"] = quoted
    kind = Kind.PERFORMANCE_IMPROVEMENT_PLAN if pip else Kind.PLAN_OF_ACTION
    return env.get_template("scaffold.yaml.j2").render(
        issue=issue,
        parts=_parts([issue, *others]),
        pip=pip,
        kind=kind.value,
        metric=issue.metric,
        filename=filename,
        schema=SCHEMA_FILE,
        **_prefilled(prefill or {}),
    )


def quoted(value: Any) -> str:
    """A value as a YAML double-quoted string: JSON's, which YAML reads alike, without the
    escapes Jinja's `tojson` adds for HTML (`'` as `\\u0027`), which a seller would read."""
    return json.dumps(value, ensure_ascii=False)


def _parts(issues: Sequence[IssueType]) -> list[dict[str, Any]]:
    """Each issue type with where its suggestions' numbers start (they run on across the
    issues) and whether its causes name it (all but the first)."""
    parts, causes, actions, measures = [], 0, 0, 0
    for n, issue in enumerate(issues):
        parts.append(
            {
                "issue": issue,
                "marked": n > 0,
                "causes": causes,
                "actions": actions,
                "measures": measures,
            }
        )
        causes += len(issue.root_causes)
        actions += len(issue.corrective_actions)
        measures += len(issue.preventive_measures)
    return parts


def _prefilled(data: Mapping[str, Any]) -> dict[str, Any]:
    """The pre-filled values as YAML blocks for the template: `given` (notification lines,
    empty where not given), `extra` (other notification fields) and `filled` (sections)."""
    notification = data.get("notification") or {}
    given = dict.fromkeys(NOTIFICATION_LINES, "")
    extra: list[str] = []
    for key, value in notification.items():
        block = _indent(dump_yaml({key: value}))
        if key in given:
            given[key] = block
        else:
            extra.append(block)
    filled = {key: dump_yaml({key: data[key]}) for key in SECTIONS if key in data}
    if "milestones" in data:
        filled["milestones"] = dump_yaml({"milestones": data["milestones"]})
        filled["review"] = dump_yaml({key: data[key] for key in REVIEW if key in data})
    store = notification.get("marketplace")
    # The notice's store also goes into the seller's stores (a placeholder does not).
    store = store if isinstance(store, str) and not store.startswith("[") else None
    return {"given": given, "extra": extra, "filled": filled, "store": store}


def _indent(text: str) -> str:
    # Blank lines inside a literal block stay blank: indenting them would add trailing spaces.
    return "".join("  " + line if line.strip() else line for line in text.splitlines(True))


def case_schema() -> dict[str, Any]:
    """The JSON Schema of case files, for editors."""
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def write_scaffold(
    issue: IssueType,
    target: Path,
    *,
    pip: bool = False,
    force: bool = False,
    prefill: Mapping[str, Any] | None = None,
    others: Sequence[IssueType] = (),
) -> list[Path]:
    """Write a scaffold for an issue type to `target` (pre-filled with `prefill`, as
    `scaffold_text` does), and the JSON Schema beside it if none is there yet; return the
    files written. An existing case file is never replaced unless `force`: the OutputError
    says how to go on."""
    if target.exists() and not force:
        raise OutputError(
            f"{target} already exists: choose another name with -o, or add --force to overwrite it"
        )
    written = [target]
    text = scaffold_text(issue, pip=pip, filename=target.name, prefill=prefill, others=others)
    write_text_file(target, text)
    schema_path = target.parent / SCHEMA_FILE
    if not schema_path.exists():
        write_text_file(schema_path, json.dumps(case_schema(), indent=2) + "\n")
        written.append(schema_path)
    return written
