"""Benchmark: validate 1,000 case files on one core and print the time against the target.

Run: python tests/benchmark_validate.py [N]
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


def main(count: int = 1000) -> None:
    samples = sorted((ROOT / "samples").glob("*.yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(count):
            shutil.copy(samples[i % len(samples)], folder / f"case-{i:05d}.yaml")
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "poa", "validate", "-q", str(folder)], check=True, cwd=ROOT
        )
        whole = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "poa", "--help"], check=True, cwd=ROOT, capture_output=True
        )
        startup = time.perf_counter() - start
    print(f"validate {count} files: {whole:.2f} s ({count / whole:.0f} files/s, one process)")
    print(f"target {TARGET_SECONDS:.1f} s: ratio {whole / TARGET_SECONDS:.2f} of the budget")
    print(f"poa --help start-up: {startup * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
