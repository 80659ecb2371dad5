"""Catalog suggestions paired with the root cause they answer, and a measure's owner and
frequency. A catalog item is a plain sentence or a mapping with `text` and these details."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from poa import yamlfile
from poa.errors import Problem

DEFAULT_CAUSE = 1
DEFAULT_OWNER = "Operations manager"
DEFAULT_FREQUENCY = "daily"
# The catalog sections whose items may be mappings, with the links field that keeps their
# details and the keys a mapping may hold besides `text`.
SECTIONS: dict[str, tuple[str, frozenset[str]]] = {
    "corrective_actions": ("action_links", frozenset({"cause"})),
    "preventive_measures": ("measure_links", frozenset({"cause", "owner", "frequency"})),
}


class Link(BaseModel):
    """What a catalog suggestion answers and, for a measure, who runs it and how often."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    cause: int | None = Field(default=None, ge=1, description="1-based root cause position.")
    owner: str | None = Field(default=None, min_length=2, max_length=80)
    frequency: str | None = Field(default=None, min_length=2, max_length=80)


class Suggestion(BaseModel):
    """A suggestion with its pairing filled in (defaults where the catalog gives none)."""

    model_config = ConfigDict(frozen=True)

    text: str
    cause: int = DEFAULT_CAUSE
    owner: str = DEFAULT_OWNER
    frequency: str = DEFAULT_FREQUENCY

    @property
    def cause_id(self) -> str:
        """The scaffold's id of the root cause it answers, such as RC2."""
        return f"RC{self.cause}"


def split_items(data: Any) -> Any:
    """Raw entry data with mapping items turned into their text plus a links list."""
    if not isinstance(data, Mapping):
        return data
    out = dict(data)
    for section, (links_field, _) in SECTIONS.items():
        items = out.get(section)
        if not isinstance(items, list) or not any(isinstance(i, Mapping) for i in items):
            continue
        out[section] = [i.get("text", i) if isinstance(i, Mapping) else i for i in items]
        out[links_field] = [
            {k: v for k, v in i.items() if k != "text"} if isinstance(i, Mapping) else {}
            for i in items
        ]
    return out


def suggestions(texts: list[str], links: list[Link]) -> list[Suggestion]:
    """Each text with its pairing; a text with no link keeps the defaults."""
    out = []
    for i, text in enumerate(texts):
        link = links[i] if i < len(links) else Link()
        values = {k: v for k, v in link.model_dump().items() if v is not None}
        out.append(Suggestion(text=text, **values))
    return out


def check_links(causes: int, texts: list[str], links: list[Link]) -> None:
    """ValueError where the links outnumber the suggestions or name a missing root cause."""
    if len(links) > len(texts):
        raise ValueError("there are more links than suggestions")
    if any((link.cause or 1) > causes for link in links):
        raise ValueError("a link names a root cause position the entry does not have")


def pairing_problems(data: Any, doc: yamlfile.Document, prefix: tuple[int, ...]) -> list[Problem]:
    """Where a mapping item names a root cause the entry does not have, or a key it may not
    hold, each located in the file."""
    if not isinstance(data, Mapping):
        return []
    causes = data.get("root_causes")
    count = len(causes) if isinstance(causes, list) else 0
    problems = []
    for section, (_, allowed) in SECTIONS.items():
        items = data.get(section)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, Mapping):
                continue
            loc: yamlfile.Loc = (*prefix, section, i)
            for key in item:
                if key != "text" and key not in allowed:
                    problems.append(
                        doc.problem(
                            (*loc, str(key)),
                            f"is not a field of a {section} item: use text, "
                            + ", ".join(sorted(allowed)),
                            prefer_key=True,
                        )
                    )
            cause = item.get("cause")
            if isinstance(cause, int) and not isinstance(cause, bool) and not 1 <= cause <= count:
                problems.append(
                    doc.problem(
                        (*loc, "cause"),
                        f"names root cause {cause}, but the entry has {count}: "
                        f"give a position from 1 to {count}",
                    )
                )
    return problems
