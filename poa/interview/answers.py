"""The answers of one interview: where each lives in the case model, recorded and saved at once."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from poa.case.model import Case, Kind
from poa.catalog import Catalog
from poa.interview.draft import EMPTY, DraftFile, ListDraft, Step, item_id, update
from poa.interview.terminal import Prompts

TOP = ""  # the section name of the case's top-level fields
# The case's sections that are groups of fields (notification:, seller:), by name.
SECTIONS: Mapping[str, type[BaseModel]] = {
    name: info.annotation
    for name, info in Case.model_fields.items()
    if isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel)
}


def section_of(name: str) -> str:
    """The section a case field is in: a group's name, or TOP for the case's own fields."""
    if name in Case.model_fields and name not in SECTIONS:
        return TOP
    for section, model in SECTIONS.items():
        if name in model.model_fields:
            return section
    raise KeyError(f"the case has no field {name!r}")


def model_of(name: str) -> type[BaseModel]:
    """The model that declares a case field."""
    section = section_of(name)
    return SECTIONS[section] if section else Case


def place(target: dict[str, Any], name: str, value: Any, order: Sequence[str]) -> None:
    """Add a field before the first one that comes after it in this order."""
    rank = order.index(name)
    keys = list(target)
    later = next((k for k in keys if k in order and order.index(k) > rank), None)
    items = list(target.items())
    items.insert(len(items) if later is None else keys.index(later), (name, value))
    target.clear()
    target.update(items)


@dataclass
class Answers:
    """One interview's answers, the file they are saved in, and the terminal asking."""

    draft: DraftFile
    prompter: Prompts
    catalog: Catalog
    today: date
    profile: Path | None = None
    # Actions not finished yet, carried to the preventive measures.
    pending_measures: list[dict[str, Any]] = field(default_factory=list)
    # Texts the seller typed (asked once), and unfinished actions' texts (asked again as
    # measures, in the present tense).
    typed: set[str] = field(default_factory=set)
    unfinished: set[str] = field(default_factory=set)

    @property
    def data(self) -> dict[str, Any]:
        """The case data as it stands."""
        return self.draft.data

    @property
    def is_pip(self) -> bool:
        """Whether the case is a Performance Improvement Plan."""
        return self.data.get("kind") == Kind.PERFORMANCE_IMPROVEMENT_PLAN.value

    def section(self, name: str) -> dict[str, Any]:
        """The fields of a section (the case's own for TOP), created when missing."""
        if not name:
            return self.data
        target: dict[str, Any] = self.data.setdefault(name, {})
        return target

    def value(self, name: str) -> Any:
        """The answer for a case field, or None."""
        section = section_of(name)
        target = self.data.get(section, {}) if section else self.data
        return target.get(name) if isinstance(target, dict) else None

    def answer(self, name: str, value: Any) -> None:
        """Record one answer (an empty one removes the field) and save at once. A new field
        of the case's own goes where the model puts it (kind: first)."""
        section = section_of(name)
        target = self.section(section)
        if section == TOP and name not in target and value not in EMPTY:
            place(target, name, value, list(Case.model_fields))
        else:
            update(target, {name: value})
        self.save()

    def save(self, step: Step | None = None) -> None:
        """Save the answers so far; say where a hand-written file was copied."""
        copy = self.draft.save(step)
        if copy:
            self.prompter.say(f"  Your file as it was is kept in {copy}.", "hint")

    def items(self, section: str) -> list[dict[str, Any]]:
        """The items of a list section."""
        return list(self.data.get(section, []))

    def list_draft(
        self,
        section: str,
        old: list[dict[str, Any]],
        key: Callable[[dict[str, Any]], Any] = item_id,
    ) -> ListDraft:
        """A list to answer item by item, saved after every answer; `key` tells which
        earlier item an answered one replaces."""
        return ListDraft(self.data, section, old, self.save, key)
