"""What the commands print: the validate summary and a batch's progress and results."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import poa

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def validate_summary(files: int, bad: int, problems: int, missing: int) -> list[str]:
    """The closing lines of `poa validate`; they never call a run with errors valid."""
    checked = f"{_count(files, 'file')} checked"
    lost = f"{_count(missing, 'path')} not found or empty"
    if bad:
        counts = f"{checked}: {files - bad} valid, {bad} invalid, {_count(problems, 'problem')}"
        return [lost, counts] if missing else [counts]
    if missing:
        return [f"{checked}, {lost}; {_count(problems, 'problem')}"]
    return [f"{checked}: all valid"]


class BatchReport:
    """Shows a batch's progress: a live bar in a terminal, plain lines otherwise, or JSON."""

    def __init__(
        self, out: TextIO, err: TextIO, total: int, *, quiet: bool, as_json: bool, live: bool
    ) -> None:
        self.out = out
        self.err = err
        self.total = total
        self.quiet = quiet
        self.as_json = as_json
        self.counts = {status: 0 for status in poa.Status}
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        self.started = time.perf_counter()
        self.live = live and not quiet

    @property
    def failed(self) -> int:
        """Cases that failed so far."""
        return self.counts[poa.Status.FAILED]

    @property
    def held(self) -> int:
        """Cases the reviewer's checks held back so far."""
        return self.counts[poa.Status.HELD]

    def __enter__(self) -> BatchReport:
        if self.live:
            self.bar, self.task = _progress_bar(self.err, self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def _print(self, line: str) -> None:
        if self.bar is not None:
            self.bar.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=self.out)

    def problem(self, line: str) -> None:
        """A problem that belongs to no case, such as a missing path."""
        if self.as_json:
            record = {"case": None, "status": "failed", "problems": [line]}
            print(json.dumps(record), file=self.out)
        else:
            self._print(line)

    def add(self, result: poa.Result, root: Path) -> None:
        """One case's result: its problems and warnings, its files, the bar moved on."""
        self.counts[result.status] += 1
        if self.as_json:
            print(result.as_json(), file=self.out)
            return
        for line in [*result.problems, *result.warnings]:
            self._print(line)
        if self.bar is not None and self.task is not None:
            done = sum(self.counts.values())
            rate = done / max(time.perf_counter() - self.started, 1e-6)
            self.bar.update(self.task, advance=1, rate=f"{rate:.1f} cases/s")
        elif not self.quiet and result.status is poa.Status.RENDERED:
            for name in result.outputs:
                verb = "wrote" if name in result.written else "unchanged"
                self._print(f"{verb} {root / name}")
        elif not self.quiet:  # a failed case may still have written some of its formats
            for name in result.written:
                self._print(f"wrote {root / name}")

    def summary(self, missing: int, stopped: bool = False) -> None:
        """The closing line: rendered, skipped and failed counts, and whether the run was
        stopped before the end."""
        if self.quiet or self.as_json:
            return
        rendered, skipped, failed, held = (self.counts[s] for s in poa.Status)
        line = f"{rendered} of {_count(self.total, 'case')} rendered"
        if skipped:
            line += f", {skipped} skipped (unchanged)"
        if failed or missing:
            line += f", {failed + missing} failed"
        if held:
            line += f", {held} held back by checks"
        if stopped:
            untouched = self.total - rendered - skipped - failed - held
            line += f"; stopped with {_count(untouched, 'case')} not rendered"
        print(line, file=self.out)


def _progress_bar(err: TextIO, total: int) -> tuple[Progress, TaskID]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("rendering"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=Console(file=err),
        transient=True,
    )
    bar.start()
    return bar, bar.add_task("cases", total=total, rate="")
