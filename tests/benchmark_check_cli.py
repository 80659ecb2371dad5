"""Benchmark: what `poa check` adds to `poa validate` on the same folder.

Run: python tests/benchmark_check_cli.py [COPIES] [ROUNDS]

The samples folder is copied COPIES times (default 300) into a temporary folder, and both
commands run on it in this process, in turn, ROUNDS times (default 3); the figure kept for
each is the fastest round in processor time, so other load on the machine affects both
alike. Printed: each command's time, and the ratio of the time `poa check` adds to
validate's (target: at most 0.20). One warm-up run of each comes first, so the one-off
loading of libraries (textstat, which the readability rule uses) is not counted.
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
import time
from pathlib import Path

from poa.cli import main

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 0.20
TODAY = "2026-12-01"


def build(folder: Path, copies: int) -> int:
    """COPIES copies of the samples, each in its own sub-folder; the number of cases."""
    samples = sorted(p for p in (ROOT / "samples").glob("*.yaml") if not p.name.startswith("."))
    for i in range(copies):
        target = folder / f"copy-{i:04d}"
        target.mkdir()
        for path in samples:
            shutil.copyfile(path, target / path.name)
    return copies * len(samples)


def timed(command: str, folder: Path) -> float:
    """Processor seconds of one run of `poa COMMAND FOLDER`."""
    start = time.process_time()
    main([command, "--today", TODAY, str(folder)], stdout=io.StringIO(), stderr=io.StringIO())
    return time.process_time() - start


def main_(copies: int = 300, rounds: int = 3) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder, warm = Path(tmp, "cases"), Path(tmp, "warm-up")
        folder.mkdir()
        warm.mkdir()
        cases = build(folder, copies)
        build(warm, 1)
        for command in ("validate", "check"):
            timed(command, warm)
        best = {"validate": float("inf"), "check": float("inf")}
        for _ in range(rounds):
            for command in best:
                best[command] = min(best[command], timed(command, folder))
    validate, check = best["validate"], best["check"]
    ratio = (check - validate) / validate
    print(f"{cases} cases ({copies} copies of the samples), fastest of {rounds} rounds:")
    print(f"  poa validate  {validate:7.2f} s  {1000 * validate / cases:6.2f} ms/case")
    print(f"  poa check     {check:7.2f} s  {1000 * check / cases:6.2f} ms/case")
    verdict = "within" if ratio <= TARGET_RATIO else "over"
    print(f"  check adds {ratio:.2f} of validate's time ({verdict} the {TARGET_RATIO} target)")


if __name__ == "__main__":
    main_(*(int(arg) for arg in sys.argv[1:3]))
