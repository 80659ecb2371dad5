"""Benchmark: how long the reviewer checks take, alone and against validation.

Run: python tests/benchmark_checks.py [N]

1. `poa.check` on N cases (default 1,000) in one process, against the 5-second target. Each
   case is a sample with one sentence made unique, so no cache keyed on a text
   makes the figure look better than a real batch of different cases.
2. `poa.load_case` against `poa.load_case` + `poa.check` over the samples repeated, the ratio
   of the added time to validation's (target: at most 0.20), measured both with the samples
   as they are (repeated texts) and with every copy made unique.

Rounds of each alternate so that other load on the machine affects both sides alike; the
figure kept for each is the fastest round in processor time, the usual way to time code on a
shared machine. The readability library loads on the first grade asked for, which is timed
apart.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import poa
from poa.case.model import Case
from poa.checks.reading import reading_grade

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 5.0
TARGET_RATIO = 0.20
TODAY = date(2026, 12, 1)


def unique_copies(cases: list[Case], count: int, batch: int = 0) -> list[Case]:
    """`count` cases cycling through the samples, each with one sentence made its own."""
    copies = []
    for i in range(count):
        case = cases[i % len(cases)].model_copy(deep=True)
        cause = case.root_causes[0]
        cause.summary = f"{cause.summary.rstrip('.')} (lot {batch}-{i})."
        copies.append(case)
    return copies


def fastest(rounds: int, *jobs: Callable[[int], None]) -> list[float]:
    """The fastest of `rounds` runs of each job, run in turn round after round, in processor
    time (the time this process ran, which other programs on the machine do not inflate)."""
    best = [float("inf")] * len(jobs)
    for r in range(rounds):
        for i, job in enumerate(jobs):
            start = time.process_time()
            job(r)
            best[i] = min(best[i], time.process_time() - start)
    return best


def main(count: int = 1000) -> None:
    catalog = poa.load_catalog()
    paths = sorted((ROOT / "samples").glob("*.yaml"))
    cases = [poa.load_case(p, catalog=catalog) for p in paths]
    start = time.perf_counter()
    reading_grade("One short sentence.")
    print(f"first readability grade (loads the library): {time.perf_counter() - start:.3f} s")
    poa.check(cases[0], catalog=catalog, today=TODAY)

    batch = unique_copies(cases, count)
    start = time.perf_counter()
    for case in batch:
        poa.check(case, catalog=catalog, today=TODAY)
    whole = time.perf_counter() - start
    print(
        f"check {count} cases: {whole:.2f} s ({whole / count * 1000:.2f} ms a case); "
        f"target {TARGET_SECONDS:.0f} s: {whole / TARGET_SECONDS:.2f} of the budget"
    )

    rounds = 30
    fresh = [unique_copies(cases, len(cases), r + 1) for r in range(rounds)]

    def load(_: int) -> None:
        for path in paths:
            poa.load_case(path, catalog=catalog)

    def check_samples(_: int) -> None:
        for case in cases:
            poa.check(case, catalog=catalog, today=TODAY)

    def check_unique(r: int) -> None:
        for case in fresh[r]:
            poa.check(case, catalog=catalog, today=TODAY)

    load_s, repeated_s, unique_s = fastest(rounds, load, check_samples, check_unique)
    n = len(paths)
    print(f"validate (poa.load_case): {load_s / n * 1e6:.0f} µs a case")
    for label, extra in (("samples repeated", repeated_s), ("every copy unique", unique_s)):
        print(
            f"check, {label}: {extra / n * 1e6:.0f} µs a case; adds {extra / load_s:.2f} "
            f"to validation's time (target {TARGET_RATIO:.2f})"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
