"""Benchmark: batch rendering speed-up, incremental re-runs, memory and throughput.

Generates distinct copies of the samples in a temporary folder and prints, measured in one run:
- `--jobs 2` against `--jobs 1` on 200 cases, DOCX and PDF (target: speed-up >= 1.7);
- a second run with nothing changed against the first (target: >= 20 times faster);
- peak memory of a 500-case batch against a 50-case batch (target: <= 1.25 times);
- cases per second per core for DOCX alone, PDF alone, and both.

Run: python tests/benchmark_batch.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))


def make_cases(folder: Path, count: int) -> Path:
    """COUNT distinct case files made from the samples."""
    folder.mkdir(parents=True)
    for i in range(count):
        lines = SAMPLES[i % len(SAMPLES)].read_text(encoding="utf-8").splitlines()
        lines = [f"{ln} {i}" if ln.startswith("  store_name: ") else ln for ln in lines]
        (folder / f"case-{i:04d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def poa_render(cases: Path, out: Path, *args: str) -> tuple[float, int]:
    """Run `poa render` in a fresh process; return its wall time and peak memory (KiB) of the
    largest process it started, the workers included."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "elapsed = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(elapsed, peak)\n"
    )
    command = [
        sys.executable,
        "-c",
        probe,
        sys.executable,
        "-m",
        "poa",
        "render",
        str(cases),
        "-o",
        str(out),
        "-q",
        "--no-progress",
        *args,
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    elapsed, peak = result.stdout.split()
    return float(elapsed), int(peak)


def main() -> None:
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cases200 = make_cases(root / "c200", 200)
        one, _ = poa_render(cases200, root / "o1", "-f", "docx,pdf", "-j", "1")
        two, _ = poa_render(cases200, root / "o2", "-f", "docx,pdf", "-j", "2")
        again, _ = poa_render(cases200, root / "o2", "-f", "docx,pdf", "-j", "2")
        figures["speed-up, --jobs 2 against --jobs 1 (200 cases)"] = one / two
        figures["second run with nothing changed, times faster"] = two / again
        print(
            f"200 cases, DOCX+PDF: --jobs 1 {one:.1f} s, --jobs 2 {two:.1f} s "
            f"(speed-up {one / two:.2f}, target >= 1.7)"
        )
        print(f"unchanged second run: {again:.2f} s ({two / again:.1f} times faster, target >= 20)")

        _, small = poa_render(make_cases(root / "c50", 50), root / "o50", "-f", "docx,pdf")
        _, large = poa_render(make_cases(root / "c500", 500), root / "o500", "-f", "docx,pdf")
        figures["peak memory, 500 cases against 50"] = large / small
        print(
            f"peak memory: 50 cases {small / 1024:.0f} MiB, 500 cases {large / 1024:.0f} MiB "
            f"(ratio {large / small:.2f}, target <= 1.25)"
        )

        cases100 = make_cases(root / "c100", 100)
        for label, formats in (("DOCX", "docx"), ("PDF", "pdf"), ("DOCX+PDF", "docx,pdf")):
            seconds, _ = poa_render(cases100, root / f"r-{formats}", "-f", formats, "-j", "1")
            figures[f"cases per second per core, {label}"] = 100 / seconds
            print(f"{label}: {100 / seconds:.1f} cases/s on one core")
    print(json.dumps({k: round(v, 2) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
