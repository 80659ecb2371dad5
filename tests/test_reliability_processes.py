"""Processes: a dead worker costs only its case, workers end with their parent, SIGTERM stops
a run like Ctrl-C, and two runs on one folder keep every record."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from poa.outputs.atomic import PART_SUFFIX
from poa.workers import Died, Pool

from .conftest import ROOT, TODAY
from .test_batch import complete, make_cases

pytestmark = pytest.mark.slow


# The pool on its own, with tasks that kill the worker holding them.


def _die_or_double(marker: str) -> Callable[[Any], Any]:
    def handle(task: Any) -> Any:
        if task == "always":
            os.kill(os.getpid(), signal.SIGKILL)
        if task == "once" and not Path(marker).exists():
            Path(marker).touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return task * 2 if isinstance(task, int) else f"{task} done"

    return handle


def run_pool(tasks: list[Any], marker: Path) -> dict[Any, Any]:
    results = {}
    with Pool(2, _die_or_double, (str(marker),)) as pool:
        pending = list(tasks)
        while pending or pool.pending:
            while pending and pool.has_room():
                task = pending.pop(0)
                pool.submit(task, task)
            for ident, outcome in pool.collect():
                results[ident] = outcome
    return results


def test_a_killed_worker_fails_only_its_task_after_one_retry(tmp_path: Path) -> None:
    results = run_pool([1, "always", 2, "once", 3, 4, 5], tmp_path / "marker")
    assert results[1] == 2 and results[5] == 10  # the others went on
    assert results["once"] == "once done"  # retried in a fresh worker, and it worked
    died = results["always"]
    assert isinstance(died, Died)
    assert died.describe() == ("was killed by SIGKILL (the system may have run out of memory)")


def children(pid: int) -> list[int]:
    """Live (not zombie) processes whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def alive(pids: list[int]) -> list[int]:
    live = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            live.append(pid)
    return live


def start_render(cases: Path, out: Path, formats: str = "pdf,docx") -> subprocess.Popen[str]:
    command = [
        sys.executable, "-m", "poa", "render", str(cases), "-o", str(out), "-f", formats,
        "-j", "2", "--today", TODAY.isoformat(),
    ]  # fmt: skip
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def wait_for(condition: Callable[[], Any], seconds: float = 60) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError("timed out")


def outputs(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")]


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


@needs_proc
def test_a_worker_killed_by_the_system_costs_no_case(tmp_path: Path) -> None:
    make_cases(tmp_path / "cases", 6)
    proc = start_render(tmp_path / "cases", tmp_path / "out", "pdf")
    workers = wait_for(lambda: len(children(proc.pid)) == 2 and children(proc.pid))
    wait_for(lambda: outputs(tmp_path / "out"))
    os.kill(workers[0], signal.SIGKILL)  # as the out-of-memory killer does
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stdout + stderr
    assert "Traceback" not in stderr
    assert stdout.strip().endswith("6 of 6 cases rendered")
    assert all(complete(p) for p in outputs(tmp_path / "out"))


@needs_proc
def test_sigterm_stops_like_ctrl_c_with_a_summary_and_leaves_nothing_behind(
    tmp_path: Path,
) -> None:
    make_cases(tmp_path / "cases", 12)
    out = tmp_path / "out"
    proc = start_render(tmp_path / "cases", out)
    workers = wait_for(lambda: len(children(proc.pid)) == 2 and children(proc.pid))
    wait_for(lambda: len(outputs(out)) >= 2)
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 143
    assert stderr.strip() == "poa: terminated"
    summary = stdout.strip().splitlines()[-1]
    assert " of 12 cases rendered" in summary and "stopped with" in summary
    assert alive(workers) == []
    assert all(complete(p) for p in outputs(out))
    assert not list(out.rglob(f"*{PART_SUFFIX}"))


@needs_proc
def test_workers_end_with_a_killed_parent_and_the_next_run_finishes(tmp_path: Path) -> None:
    make_cases(tmp_path / "cases", 8)
    out = tmp_path / "out"
    proc = start_render(tmp_path / "cases", out, "pdf")
    workers = wait_for(lambda: len(children(proc.pid)) == 2 and children(proc.pid))
    wait_for(lambda: len(outputs(out)) >= 2)
    proc.kill()  # kill -9: no handler runs in the parent
    proc.communicate()
    wait_for(lambda: alive(workers) == [], seconds=5)
    written = outputs(out)
    assert len(written) < 8
    assert all(complete(p) for p in written)
    again = start_render(tmp_path / "cases", out, "pdf")
    stdout, stderr = again.communicate(timeout=120)
    assert again.returncode == 0, stdout + stderr
    assert len(outputs(out)) == 8 and all(complete(p) for p in outputs(out))
    assert not list(out.rglob(f"*{PART_SUFFIX}"))


def test_two_runs_on_one_folder_keep_every_record(tmp_path: Path) -> None:
    make_cases(tmp_path / "a", 2)
    make_cases(tmp_path / "b", 4)
    for path in sorted((tmp_path / "b").iterdir())[:2]:
        path.unlink()  # b keeps cases 2-3, so the two runs write different files
    out = tmp_path / "out"
    first = start_render(tmp_path / "a", out, "pdf")
    second = start_render(tmp_path / "b", out, "pdf")
    for proc in (first, second):
        stdout, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, stdout + stderr
    both = subprocess.run(
        [sys.executable, "-m", "poa", "render", str(tmp_path / "a"), str(tmp_path / "b"),
         "-o", str(out), "-f", "pdf", "--today", TODAY.isoformat()],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert both.returncode == 0, both.stdout
    assert "not written by poa" not in both.stdout
    assert both.stdout.strip() == "0 of 4 cases rendered, 4 skipped (unchanged)"
