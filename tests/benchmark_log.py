"""Benchmark: `poa log` on 1,000 case files on one core, and the time against the target.

The cases are the samples copied under new names; every fifth has a submission recorded, and
a few are broken, so the register reads valid, submitted and draft cases alike.

Run: python tests/benchmark_log.py [N]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 3.0
TODAY = "2026-12-01"
SUBMITTED = """
submissions:
  - submitted_on: 2026-11-20
    outcome: rejected
    channel: appeal-form
"""


def make_cases(folder: Path, count: int) -> None:
    """Copy the samples into `folder` as `count` case files, some submitted, some broken."""
    samples = sorted((ROOT / "samples").glob("*.yaml"))
    for i in range(count):
        target = folder / f"case-{i:05d}.yaml"
        shutil.copy(samples[i % len(samples)], target)
        if i % 5 == 0:
            with target.open("a", encoding="utf-8") as stream:
                stream.write(SUBMITTED)
        elif i % 97 == 0:
            target.write_text("kind: [unclosed\n", encoding="utf-8")


def main(count: int = 1000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_cases(folder, count)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "poa", "log", str(folder), "--today", TODAY],
            check=False,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        whole = time.perf_counter() - start
        # The same files through `poa validate`, as a yardstick on a machine that is busy.
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "poa", "validate", "-q", "--today", TODAY, str(folder)],
            check=False,
            cwd=ROOT,
            capture_output=True,
        )
        validate = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(done.stderr)
    drafts = done.stdout.count(" draft ")
    print(f"log {count} files: {whole:.2f} s ({count / whole:.0f} files/s, one process)")
    print(f"drafts listed: {drafts}")
    print(f"target {TARGET_SECONDS:.1f} s: ratio {whole / TARGET_SECONDS:.2f} of the budget")
    print(f"poa validate on the same files: {validate:.2f} s; log/validate {whole / validate:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
