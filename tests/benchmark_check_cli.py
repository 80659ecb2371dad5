"""Benchmark: what `poa check` adds to `poa validate` on the same folder, as a user times them.

Run: python tests/benchmark_check_cli.py [COPIES] [ROUNDS] [--from-source]

Three folders: the samples as shipped, where start-up and imports weigh most, and the samples
copied 10 and COPIES times (default 100) into a temporary folder. `poa validate FOLDER` and
`poa check FOLDER` each run as their own process, in turn, ROUNDS times (default 9; three times
as many on the two smaller folders, which are quick to run and the most sensitive to noise):
each process pays its own start-up and imports, as it does for a user (`poa check` loads the
readability library only when a case's prose may read above the readability limit; to time
that too, each copied folder gets one case whose prose reads above it). The figure kept for
each command is its fastest round in processor time (user + system of the child process), so
other load on the shared machine affects both alike. Printed: each command's time, the ratio
of the time `poa check` adds to validate's (target: at most 0.20), and the median of each
round's own ratio as a second view.

Both commands run as installed: Python loads poa's modules from bytecode, which it writes
itself on first use, or which the README's install command compiled (where Python is told not
to write any, with PYTHONDONTWRITEBYTECODE, as many containers are). `--from-source` times
them with no bytecode at all, so that every process compiles poa's modules from source.
"""

from __future__ import annotations

import importlib.util
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 0.20
TODAY = "2026-12-01"
COMMANDS = ("validate", "check")


HARD_PROSE = (
    "Comprehensive organisational restructuring necessitated extraordinarily sophisticated "
    "administrative reconfiguration of interdepartmental verification methodologies."
)


def build(folder: Path, copies: int) -> int:
    """COPIES copies of the samples, each in its own sub-folder, and one case whose prose
    reads above the limit; the number of cases."""
    samples = sorted(p for p in (ROOT / "samples").glob("*.yaml") if not p.name.startswith("."))
    for i in range(copies):
        target = folder / f"copy-{i:04d}"
        target.mkdir()
        for path in samples:
            shutil.copyfile(path, target / path.name)
    data = yaml.safe_load((ROOT / "samples" / "odr-late-shipment-us.yaml").read_text("utf-8"))
    data["root_causes"][0]["detail"] = " ".join([HARD_PROSE] * 12)
    (folder / "hard-prose.yaml").write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    return copies * len(samples) + 1


def children_cpu() -> float:
    """Processor seconds used so far by this process's finished children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


CHILD_ENV = {**os.environ, "NO_COLOR": "1"}


CHILD_CWD: list[Path] = []  # the folder the commands run in, when not this one


def from_source(folder: Path) -> None:
    """Make the child processes compile poa's modules from source (and only those: Python's
    own modules and the libraries keep their bytecode): they run a copy of poa without its
    bytecode, in `folder`, and write none."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "poa", folder / "poa", ignore=ignore)
    shutil.copytree(ROOT / "templates", folder / "templates", ignore=ignore)
    CHILD_ENV["PYTHONDONTWRITEBYTECODE"] = "1"
    CHILD_CWD.append(folder)


def uncompiled() -> list[Path]:
    """poa's modules without bytecode of their current source to load: where Python writes
    none, each of them is compiled again by every process, which `poa check` pays more of (it
    imports more modules), so an edit made since the install skews the figures."""
    stale = []
    for source in sorted((ROOT / "poa").rglob("*.py")):
        cache = Path(importlib.util.cache_from_source(str(source)))
        if not cache.is_file() or cache.stat().st_mtime < source.stat().st_mtime:
            stale.append(source.relative_to(ROOT))
    return stale


def timed(command: str, folder: Path) -> float:
    """Processor seconds of one `poa COMMAND FOLDER` process; its exit status must be 0."""
    before = children_cpu()
    argv = [sys.executable, "-m", "poa", command, "--today", TODAY, str(folder)]
    env = CHILD_ENV
    cwd = CHILD_CWD[0] if CHILD_CWD else None
    done = subprocess.run(argv, capture_output=True, env=env, cwd=cwd, check=False)
    if done.returncode != 0:
        raise SystemExit(f"poa {command} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return children_cpu() - before


Rounds = dict[str, list[float]]


def timings(folder: Path, rounds: int) -> Rounds:
    """Each command's time in each round on the folder, the commands taking turns."""
    times: Rounds = {command: [] for command in COMMANDS}
    for _ in range(rounds):
        for command in COMMANDS:
            times[command].append(timed(command, folder))
    return times


def report(title: str, times: Rounds, cases: int) -> None:
    """Each command's fastest time and what check adds, against the target; and, as a second
    view, the median of each round's own ratio (a round's two commands run seconds apart, so
    load that comes and goes on the machine weighs on both)."""
    validate, check = min(times["validate"]), min(times["check"])
    ratio = (check - validate) / validate
    paired = statistics.median(
        (c - v) / v for v, c in zip(times["validate"], times["check"], strict=True)
    )
    print(title)
    print(f"  poa validate  {validate:7.2f} s  {1000 * validate / cases:6.2f} ms/case")
    print(f"  poa check     {check:7.2f} s  {1000 * check / cases:6.2f} ms/case")
    verdict = "within" if ratio <= TARGET_RATIO else "over"
    print(f"  check adds {ratio:.2f} of validate's time ({verdict} the {TARGET_RATIO} target)")
    print(f"  median of the rounds' own ratios: {paired:.2f}")


def main(copies: int = 100, rounds: int = 9, source: bool = False) -> None:
    print(
        f"each command in its own process, fastest of {rounds} rounds ({3 * rounds} on the two "
        "smaller folders) in processor time"
    )
    with tempfile.TemporaryDirectory() as cache_folder:
        if source:
            from_source(Path(cache_folder))
            print("(no bytecode: each process compiles poa's modules from source)")
        elif "PYTHONDONTWRITEBYTECODE" not in CHILD_ENV or not (stale := uncompiled()):
            print("(poa's modules load from bytecode, as installed)")
        else:
            print(
                f"(Python writes no bytecode here and {len(stale)} of poa's modules, such as "
                f"{stale[0]}, have none of their current source: each process compiles them "
                "again; run `python -m compileall -q poa`, as the README's install does)"
            )
        run_all(copies, rounds)


def run_all(copies: int, rounds: int) -> None:
    """Time both commands on the samples and on the two larger folders; the two smaller ones,
    quick to run and the most sensitive to noise, get three times the rounds."""
    samples = len([p for p in (ROOT / "samples").glob("*.yaml") if not p.name.startswith(".")])
    times = timings(ROOT / "samples", rounds * 3)
    report(
        f"the samples folder, {samples} cases (start-up and imports weigh most):", times, samples
    )
    for count in sorted({min(10, copies), copies}):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            cases = build(folder, count)
            times = timings(folder, rounds * 3 if count <= 10 else rounds)
        report(f"{cases} cases ({count} copies of the samples and one hard to read):", times, cases)


if __name__ == "__main__":
    numbers = [int(arg) for arg in sys.argv[1:] if not arg.startswith("--")]
    copies = numbers[0] if numbers else 100
    rounds = numbers[1] if len(numbers) > 1 else 9
    main(copies, rounds, source="--from-source" in sys.argv[1:])
