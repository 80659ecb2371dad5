"""The interview's case file: saved per answer with a resume marker, and hand-written ones kept."""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from poa import yamlfile
from poa.errors import InputError
from poa.outputs.atomic import write_atomic
from poa.yamldump import dump_yaml

MARKER = "# poa interview in progress, next step: "
ORIGINAL_SUFFIX = ".orig"
Step = Literal[
    "notification",
    "seller",
    "scope",
    "root_causes",
    "corrective_actions",
    "preventive_measures",
    "evidence",
    "metrics",
    "review",
    "done",
]
STEPS: tuple[Step, ...] = typing.get_args(Step)
EMPTY: tuple[Any, ...] = (None, "", [])


@dataclass
class DraftFile:
    """The case data so far, the file it is saved in and the step to resume at."""

    path: Path
    data: dict[str, Any] = field(default_factory=dict)
    step: Step = "notification"
    # The text of a case written by hand, until it is copied aside on the first rewrite.
    original: str | None = None
    # The data as the file last held it (YAML), so leaving with nothing changed writes nothing.
    written: str | None = None

    @classmethod
    def start(cls, path: Path) -> DraftFile:
        """A new case saved to a new file."""
        draft = cls(path)
        draft.save("notification")
        return draft

    @classmethod
    def open(cls, path: Path, shapes: Mapping[str, type]) -> DraftFile:
        """A saved interview to continue, or a complete case to edit from its review. Each
        section in `shapes` must have that shape (a list's items being mappings)."""
        text = yamlfile.read_text(path)
        doc = yamlfile.parse(text, str(path))
        if not isinstance(doc.data, dict):
            raise InputError(f"{path}: not a case file (it should be a set of fields)")
        _check_shapes(doc, shapes)
        first = text.splitlines()[0] if text else ""
        marked = first.startswith(MARKER)
        draft = cls(path, doc.data, _step(first[len(MARKER) :]) if marked else "review")
        draft.written = dump_yaml(doc.data)
        # A file the interview wrote holds nothing that saving again would drop.
        if not marked and text != draft.written:
            draft.original = text
        return draft

    def save(self, step: Step | None = None) -> Path | None:
        """Write the answers so far, with the marker line unless the case is done. Returns
        where a hand-written file was copied, the first time it is rewritten."""
        self.step = step or self.step
        marker = "" if self.step == "done" else f"{MARKER}{self.step}\n"
        copy = None
        if self.original is not None:
            copy = free_name(self.path.with_name(self.path.name + ORIGINAL_SUFFIX))
            write_atomic(copy, self.original.encode())
            self.original = None
        self.written = dump_yaml(self.data)
        write_atomic(self.path, (marker + self.written).encode())
        return copy

    @property
    def untouched(self) -> bool:
        """Whether the file is still exactly as its author wrote it."""
        return self.original is not None

    def keep(self) -> None:
        """Save on the way out, unless the file is still exactly as the user wrote it or
        already holds every answer."""
        if not self.untouched and dump_yaml(self.data) != self.written:
            self.save()


def _step(text: str) -> Step:
    """The step a marker names; an unknown one resumes at the review."""
    return next((step for step in STEPS[:-1] if step == text.strip()), "review")


def _check_shapes(doc: yamlfile.Document, shapes: Mapping[str, type]) -> None:
    for section, shape in shapes.items():
        value = doc.data.get(section)
        where: tuple[str | int, ...] | None = None
        if value is not None and not isinstance(value, shape):
            where = (section,)
        elif isinstance(value, list):
            bad = [n for n, item in enumerate(value) if not isinstance(item, dict)]
            where = (section, bad[0]) if bad else None
        if where:
            line, column = doc.position(where) or (1, 1)
            raise InputError(
                f"{doc.name}:{line}:{column}: {yamlfile.format_loc(where)}: is not what the "
                f"interview expects here: run `poa validate {doc.name}` and fix what it "
                "reports, then resume"
            )


def item_id(item: dict[str, Any]) -> Any:
    """A list item's id (the key of most list items)."""
    return item.get("id")


class ListDraft:
    """A list being answered item by item. Every answer is saved at once, with the earlier
    items not asked again yet (by key) after the new ones, so stopping half-way through a list
    loses nothing."""

    def __init__(
        self,
        data: dict[str, Any],
        section: str,
        old: Sequence[dict[str, Any]],
        save: Callable[[], None],
        key: Callable[[dict[str, Any]], Any],
    ) -> None:
        self.data, self.section, self.old = data, section, list(old)
        self.save_file, self.key = save, key
        self.items: list[dict[str, Any]] = []
        self.used = {item.get("id") for item in self.old} - {None}

    def add(self, previous: dict[str, Any], prefix: str | None = None) -> dict[str, Any]:
        """Start an item from its previous answers (a new id when it had none). Items kept
        by identity are updated in place; others are copied."""
        item = previous if self.key is id else dict(previous)
        if prefix and not item.get("id"):
            item["id"] = next_id(prefix, self.used)
        self.items.append(item)
        return item

    def set(self, item: dict[str, Any], name: str, value: Any) -> None:
        """Record one answer of an item and save."""
        update(item, {name: value})
        self.save()

    def drop(self, item: dict[str, Any]) -> None:
        """Take an item out again (its new id becomes free)."""
        self.items.remove(item)
        if item.get("id") not in {old.get("id") for old in self.old}:
            self.used.discard(item.get("id"))
        self.save()

    def save(self) -> None:
        """Save the items answered, then the earlier ones not asked again yet."""
        done = {self.key(item) for item in self.items}
        rest = [item for item in self.old if self.key(item) not in done]
        self.data[self.section] = [*self.items, *rest]
        self.save_file()

    def finish(self) -> None:
        """The list is answered: what was not picked again is gone."""
        update(self.data, {self.section: self.items})
        self.save_file()


def next_id(prefix: str, used: set[Any]) -> str:
    """The first free id such as RC3; marks it used."""
    number = 1
    while f"{prefix}{number}" in used:
        number += 1
    used.add(f"{prefix}{number}")
    return f"{prefix}{number}"


def update(target: dict[str, Any], answers: Mapping[str, Any]) -> None:
    """Set the answered fields; an optional field left empty is removed."""
    for key, value in answers.items():
        if value in EMPTY:
            target.pop(key, None)
        else:
            target[key] = value


def free_name(path: Path) -> Path:
    """The path, or the same name with -2, -3... before its suffix when it exists."""
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


def default_case_path(today: date) -> Path:
    """A new file name in the current folder that does not exist yet."""
    return free_name(Path(f"poa-case-{today.isoformat()}.yaml"))
