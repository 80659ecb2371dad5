"""Precision and recall of poa's wording rules on the labelled corpus.

Run: python tests/check_scores.py [tune|test|probe|probe2|...|probe9] [--misses]

`tune` is the set the rules were developed on; `test` is the held-out third (see
tests/corpus/checks/README.md). Every entry is labelled for every rule: the rules in `expect`
should fire and no other rule should.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from poa.checks.rulebook import TEXT_RULE_IDS
from poa.checks.textrules import rules_broken

CORPUS = Path(__file__).resolve().parent / "corpus" / "checks"
THRESHOLD = 0.9


@dataclass
class Score:
    """Counts for one rule."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load(name: str) -> list[dict[str, Any]]:
    """The entries of one corpus file (tune, test, or one of the probes, probe to probe9)."""
    data = yaml.safe_load((CORPUS / f"{name}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def score(entries: list[dict[str, Any]]) -> dict[str, Score]:
    """Per-rule counts over the entries."""
    scores = {rule: Score() for rule in TEXT_RULE_IDS}
    for entry in entries:
        expected = set(entry["expect"])
        found = rules_broken(entry["text"], entry["field"])
        for rule in TEXT_RULE_IDS:
            hit, wanted = rule in found, rule in expected
            s = scores[rule]
            if hit and wanted:
                s.tp += 1
            elif hit:
                s.fp += 1
                s.misses.append(f"FP {entry['field']}: {entry['text']}")
            elif wanted:
                s.fn += 1
                s.misses.append(f"FN {entry['field']}: {entry['text']}")
    return scores


def table(scores: dict[str, Score], title: str) -> str:
    """The scores as a Markdown table."""
    lines = [
        f"{title}",
        "",
        "| rule | positives | precision | recall |",
        "| --- | ---: | ---: | ---: |",
    ]
    for rule, s in scores.items():
        lines.append(f"| {rule} | {s.tp + s.fn} | {s.precision:.2f} | {s.recall:.2f} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    name = argv[0] if argv and not argv[0].startswith("-") else "tune"
    entries = load(name)
    scores = score(entries)
    print(table(scores, f"{name} set: {len(entries)} entries"))
    if "--misses" in argv:
        for rule, s in scores.items():
            for miss in s.misses:
                print(f"{rule}: {miss}")
    low = [r for r, s in scores.items() if min(s.precision, s.recall) < THRESHOLD]
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
