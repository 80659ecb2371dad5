"""Shared helpers for the response log's tests: a folder of cases in every state."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .conftest import sample_data

TODAY = date(2026, 11, 22)


def case(deadline: str, *, store: str | None = None, **extra: Any) -> dict[str, Any]:
    """A valid sample case with this deadline (and store name), plus top-level fields."""
    data = sample_data()
    data["notification"]["deadline"] = date.fromisoformat(deadline)
    if store:
        data["seller"]["store_name"] = store
    data.update(extra)
    return data


def write(folder: Path, name: str, data: dict[str, Any] | str) -> Path:
    """Write case data (or raw text) as folder/name."""
    path = folder / name
    text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def register_folder(folder: Path) -> dict[str, Path]:
    """A folder of cases: ready, invalid, submitted, rejected, passed deadline, broken YAML."""
    invalid = case("2026-12-05")
    del invalid["root_causes"]
    return {
        "ready": write(folder, "a-ready.yaml", case("2026-12-10")),
        "invalid": write(folder, "b-invalid.yaml", invalid),
        "submitted": write(
            folder,
            "c-submitted.yaml",
            case("2026-11-24", submissions=[{"submitted_on": date(2026, 11, 1)}]),
        ),
        "rejected": write(
            folder,
            "d-rejected.yaml",
            case(
                "2026-11-30",
                store="Other Shop",
                submissions=[
                    {"submitted_on": date(2026, 11, 1), "outcome": "accepted"},
                    {"submitted_on": date(2026, 11, 10), "outcome": "rejected"},
                ],
            ),
        ),
        "passed": write(folder, "e-passed.yaml", case("2026-11-20")),
        "broken": write(folder, "f-broken.yaml", "kind: [unclosed\n"),
    }
