"""Changing the submissions list of a case file as text, so the user's comments and layout
around it stay as they are.

Each edit is checked by reading the new text back: it must hold exactly the data intended.
When the list is written in a form the text edit does not handle (such as `[...]` on one
line), the whole file is written from its data instead, after a one-time copy of the
original to CASE.orig, since PyYAML does not keep comments."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from poa.errors import InputError, OutputError
from poa.outputs.atomic import write_text_file

KEY_LINE = re.compile(r"^submissions:[ \t]*(?:\[\][ \t]*)?(?:#.*)?$")
ITEM_LINE = re.compile(r"^([ \t]*)- ")


@dataclass(frozen=True)
class Edit:
    """What writing the case file did: the text edit, or a full rewrite with a copy."""

    path: Path
    original_copy: Path | None = None


def load_data(text: str, name: str) -> dict[str, Any]:
    """The case file's data as plain YAML; InputError if it is not a mapping."""
    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        raise InputError(
            f"{name}: cannot be read as YAML ({' '.join(str(exc).split())}): run "
            "`poa validate` on it, fix it, then try again"
        ) from None
    if not isinstance(data, dict):
        raise InputError(f"{name}: not a case file (a set of fields): nothing was recorded")
    return data


def _block(lines: list[str]) -> tuple[int, int] | None:
    """The line index of `submissions:` and the index after its last item line."""
    starts = [i for i, line in enumerate(lines) if KEY_LINE.match(line)]
    if len(starts) != 1:
        return None
    start = end = starts[0]
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t" or line.startswith("- "):
            end = i
            continue
        break
    return start, end + 1


def _dump_item(item: dict[str, Any], indent: str) -> list[str]:
    text = yaml.safe_dump([item], sort_keys=False, allow_unicode=True, width=88)
    return [indent + line if line else line for line in text.splitlines()]


def _indent(lines: list[str], start: int, end: int) -> str:
    for line in lines[start + 1 : end]:
        found = ITEM_LINE.match(line)
        if found:
            return found.group(1)
    return "  "


def append_text(text: str, item: dict[str, Any]) -> str | None:
    """The text with one more item at the end of the submissions list, or None when the
    list's form is not one this edit handles."""
    lines = text.splitlines()
    block = _block(lines)
    if block is None:
        if any(line.startswith("submissions:") for line in lines):
            return None
        tail = "" if not text or text.endswith("\n") else "\n"
        return text + tail + "\n".join(["submissions:", *_dump_item(item, "  ")]) + "\n"
    start, end = block
    indent = _indent(lines, start, end)
    lines[start] = re.sub(r"^submissions:[ \t]*\[\]", "submissions:", lines[start])
    lines[end:end] = _dump_item(item, indent)
    return "\n".join(lines) + "\n"


def replace_last_text(text: str, item: dict[str, Any]) -> str | None:
    """The text with the submissions list's last item replaced, or None."""
    lines = text.splitlines()
    block = _block(lines)
    if block is None:
        return None
    start, end = block
    indent = _indent(lines, start, end)
    items = [i for i in range(start + 1, end) if lines[i].startswith(indent + "- ")]
    if not items:
        return None
    lines[items[-1] : end] = _dump_item(item, indent)
    return "\n".join(lines) + "\n"


def write_case(path: Path, new_text: str | None, data: dict[str, Any]) -> Edit:
    """Write the case file atomically: the edited text if it reads back as `data`, else the
    data in full after copying the original to CASE.orig (once)."""
    if new_text is not None:
        try:
            same = yaml.safe_load(new_text) == data
        except (yaml.YAMLError, ValueError, TypeError, RecursionError):
            same = False
        if same:
            write_text_file(path, new_text)
            return Edit(path)
    copy = path.with_name(path.name + ".orig")
    if not copy.exists():
        try:
            shutil.copyfile(path, copy)
        except OSError as exc:
            message = f"{copy}: cannot write ({exc.strerror}): nothing was recorded"
            raise OutputError(message) from None
    write_text_file(path, yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88))
    return Edit(path, copy)
