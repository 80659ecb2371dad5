"""What changed since the last submission: the documents sent, and the case as it was then.

A reviewer reads a resubmission against the earlier one: a root cause that disappears or is
reworded, or a completion date that moves, reads as a contradiction unless it is explained."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from poa.case.records import SentDocument

NOT_KEPT = "the case as sent then was not kept: only the documents were compared"
SECTIONS = (
    ("root_causes", "root cause", "summary", ()),
    ("corrective_actions", "corrective action", "action", ("completed_on",)),
    ("preventive_measures", "preventive measure", "measure", ("started_on",)),
)


@dataclass(frozen=True)
class SubmissionChanges:
    """The differences from the last submission."""

    documents: list[str] = field(default_factory=list)
    contradictions: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    case_compared: bool = True

    @property
    def unchanged(self) -> bool:
        """Whether nothing differs: the same documents and the same case (never true when
        the case as sent was not kept, since then it cannot be told)."""
        return self.case_compared and not (self.documents or self.contradictions or self.other)

    def lines(self) -> list[str]:
        """Every difference, contradictions first, each on one line."""
        return [
            *(f"contradicts the last submission: {c}" for c in self.contradictions),
            *(f"documents: {d}" for d in self.documents),
            *(f"changed: {o}" for o in self.other),
        ] + ([] if self.case_compared else [NOT_KEPT])


def compare_documents(before: Sequence[SentDocument], now: Sequence[SentDocument]) -> list[str]:
    """Documents added, dropped or changed (same name, other content), by file name."""
    old = {d.file: d.sha256 for d in before}
    new = {d.file: d.sha256 for d in now}
    found = [f"{name} is new" for name in sorted(new.keys() - old.keys())]
    found += [f"{name} is no longer sent" for name in sorted(old.keys() - new.keys())]
    found += [
        f"{name} has changed" for name in sorted(old.keys() & new.keys()) if old[name] != new[name]
    ]
    return found


def _by_id(items: object) -> dict[str, Mapping[str, Any]]:
    if not isinstance(items, list):
        return {}
    return {str(item["id"]): item for item in items if isinstance(item, Mapping) and "id" in item}


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def compare_cases(before: Mapping[str, Any], now: Mapping[str, Any]) -> tuple[list[str], bool]:
    """Contradictions between the case as sent and as it is now, and whether anything else
    in it differs (submissions aside)."""
    found: list[str] = []
    for key, label, text_field, date_fields in SECTIONS:
        old, new = _by_id(before.get(key)), _by_id(now.get(key))
        for item_id, item in old.items():
            if item_id not in new:
                found.append(f"{label} {item_id} ({_text(item.get(text_field))!r}) was dropped")
                continue
            if _text(item.get(text_field)) != _text(new[item_id].get(text_field)):
                found.append(
                    f"{label} {item_id} was reworded: {_text(item.get(text_field))!r} is now "
                    f"{_text(new[item_id].get(text_field))!r}"
                )
            for name in date_fields:
                if str(item.get(name)) != str(new[item_id].get(name)):
                    found.append(
                        f"{label} {item_id}: {name} moved from {item.get(name)} to "
                        f"{new[item_id].get(name)}"
                    )
    rest_before = {k: v for k, v in before.items() if k != "submissions"}
    rest_now = {k: v for k, v in now.items() if k != "submissions"}
    return found, rest_before != rest_now


def compare(
    before_docs: Sequence[SentDocument],
    now_docs: Sequence[SentDocument],
    before_case: Mapping[str, Any] | None,
    now_case: Mapping[str, Any],
) -> SubmissionChanges:
    """Everything that differs from the last submission; with no copy of the case as sent,
    only the documents are compared."""
    documents = compare_documents(before_docs, now_docs)
    if before_case is None:
        return SubmissionChanges(documents=documents, case_compared=False)
    contradictions, differs = compare_cases(before_case, now_case)
    other = ["the case has other edits since it was sent"] if differs and not contradictions else []
    return SubmissionChanges(documents=documents, contradictions=contradictions, other=other)
