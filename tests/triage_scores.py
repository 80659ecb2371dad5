"""Score triage on the labelled notice corpus and print the figures.

    python tests/triage_scores.py            # both sets
    python tests/triage_scores.py tuning     # one set: tuning or held-out

Each notice ``NAME.txt`` has a label ``NAME.yaml`` beside it. A notice counts as right when
every labelled field matches: the issue types exactly (primary first), the store, the
notice's date, the deadline the text states, the account status, whether it is only
informational, the ASINs, the order IDs, the reference and the metric values.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from poa.triage import NoticeTriage, triage_notice

CORPUS = Path(__file__).resolve().parent / "corpus" / "notices"
SETS = ("tuning", "held-out")
TODAY = date(2026, 11, 22)
FIELDS = (
    "issue_types",
    "marketplace",
    "received_on",
    "deadline",
    "account_status",
    "informational",
    "asins",
    "order_ids",
    "reference",
    "metrics",
)


@dataclass(frozen=True)
class Score:
    """One notice's result: the fields that differ from its label, as (field, want, got)."""

    name: str
    wrong: list[tuple[str, Any, Any]]

    @property
    def right(self) -> bool:
        """Whether every labelled field matched."""
        return not self.wrong


def notices(which: str) -> list[Path]:
    """The notice texts of one set, by name."""
    return sorted((CORPUS / which).glob("*.txt"))


def label(path: Path) -> dict[str, Any]:
    """The label beside a notice."""
    data: dict[str, Any] = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    return data


def observed(triage: NoticeTriage) -> dict[str, Any]:
    """The labelled fields as triage found them."""
    return {
        "issue_types": [f.value for f in triage.issue_types],
        "marketplace": triage.marketplace.value if triage.marketplace else None,
        "received_on": triage.received_on.value if triage.received_on else None,
        "deadline": triage.deadline.value if triage.deadline else None,
        "account_status": triage.status,
        "informational": triage.informational is not None,
        "asins": [f.value for f in triage.asins],
        "order_ids": [f.value for f in triage.order_ids],
        "reference": triage.reference.value if triage.reference else None,
        "metrics": {f.value[0]: f.value[1] for f in triage.metrics},
    }


def score(path: Path) -> Score:
    """Triage one notice and compare it with its label."""
    want = label(path)
    got = observed(triage_notice(path.read_text(encoding="utf-8"), today=TODAY))
    wrong = [(f, want[f], got[f]) for f in FIELDS if _norm(want[f]) != _norm(got[f])]
    return Score(path.stem, wrong)


def _norm(value: Any) -> Any:
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, dict):
        return {str(k): float(v) for k, v in value.items()}
    return value


def field_counts(scores: list[Score]) -> dict[str, int]:
    """How many notices got each field right."""
    return {f: sum(1 for s in scores if f not in {w[0] for w in s.wrong}) for f in FIELDS}


def report(which: str) -> tuple[int, int, list[str]]:
    """The figures of one set as lines, with the number right and the number of notices."""
    scores = [score(path) for path in notices(which)]
    right = sum(s.right for s in scores)
    total = len(scores)
    lines = [f"{which}: {right}/{total} notices entirely right"]
    counts = field_counts(scores)
    lines.append("  by field: " + ", ".join(f"{f} {counts[f]}/{total}" for f in FIELDS))
    for item in scores:
        for field, want, got in item.wrong:
            lines.append(f"  WRONG {item.name}: {field}: expected {want!r}, got {got!r}")
    return right, total, lines


def main(argv: list[str]) -> int:
    """Print the figures of the sets named (both by default); exit 1 if any notice fails."""
    failed = 0
    for which in argv or SETS:
        right, total, lines = report(which)
        print("\n".join(lines))
        failed += total - right
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
