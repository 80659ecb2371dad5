"""A folder's check settings: `.poa-checks.yaml` switches rules off, each with its reason.

disable:
  readability: our category's buyers expect the technical terms
  letter-length: the notice asked for every order to be listed
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from poa import yamlfile
from poa.checks.engine import unknown_rule_hint
from poa.checks.findings import NOTHING
from poa.checks.rulebook import RULES
from poa.errors import InputError, Problem

# The file's names, the first found taken: case files may end in .yml too.
CONFIG_NAMES = (".poa-checks.yaml", ".poa-checks.yml")


Place = tuple[int, int] | None  # line and column of a switch in its file


class CheckConfig(NamedTuple):
    """Rules switched off for the cases of a folder: rule id to the reason given, and where
    in the file each switch is. (A named tuple, as `Finding` is, for the time `poa check`
    takes to start.)"""

    disabled: Mapping[str, str] = NOTHING
    path: Path | None = None
    places: Mapping[str, Place] = NOTHING


def load_check_config(folder: str | Path) -> CheckConfig:
    """The folder's `.poa-checks.yaml` (or `.yml`), or an empty config when it has none.

    Raises InputError listing every problem (unknown rule, missing reason), located."""
    path = next((p for p in (Path(folder) / n for n in CONFIG_NAMES) if p.is_file()), None)
    if path is None:
        return CheckConfig()
    text = yamlfile.read_text(path)
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        return CheckConfig(path=path)
    doc = yamlfile.parse(text, str(path))
    problems: list[Problem] = []
    disabled = _disabled(doc, problems)
    if problems:
        raise InputError(f"{path}: invalid check settings", problems)
    places = {rule: doc.position(("disable", rule), prefer_key=True) for rule in disabled}
    return CheckConfig(disabled, path, places)


def _disabled(doc: yamlfile.Document, problems: list[Problem]) -> dict[str, str]:
    data = doc.data
    if not isinstance(data, dict):
        problems.append(doc.problem((), "should be a set of fields, such as `disable:`"))
        return {}
    for key in data:
        if key != "disable":
            problems.append(
                doc.problem((key,), "unknown field: the only one is `disable`", prefer_key=True)
            )
    section = data.get("disable") or {}
    if not isinstance(section, dict):
        problems.append(
            doc.problem(("disable",), "should list rule ids with a reason each: `rule-id: why`")
        )
        return {}
    result: dict[str, str] = {}
    for rule_id, reason in section.items():
        loc = ("disable", rule_id)
        if rule_id not in RULES:
            problems.append(doc.problem(loc, unknown_rule_hint(rule_id), prefer_key=True))
        elif not isinstance(reason, str) or not reason.strip():
            problems.append(doc.problem(loc, "needs a reason: say why the rule does not apply"))
        else:
            result[rule_id] = reason.strip()
    return result
