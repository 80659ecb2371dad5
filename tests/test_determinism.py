"""The same case gives the same bytes in every format, from one process to the next."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, TODAY

CASES = ["samples/odr-negative-feedback-us.yaml", "samples/late-shipment-pip-uk.yaml"]
FORMATS = ("docx", "pdf", "txt", "md")


def start_render(output: Path, hash_seed: str, timezone: str) -> subprocess.Popen[bytes]:
    """`poa render` in a process of its own, with its own hash seed and time zone."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "TZ": timezone}
    env.pop("SOURCE_DATE_EPOCH", None)
    command = [sys.executable, "-m", "poa", "render", *CASES, "-o", str(output)]
    command += ["-f", ",".join(FORMATS), "--today", TODAY.isoformat(), "-q"]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def finish(run: subprocess.Popen[bytes]) -> None:
    out, err = run.communicate(timeout=120)
    assert run.returncode == 0, (out + err).decode()


def outputs(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


@pytest.mark.slow
def test_two_processes_write_byte_identical_documents(tmp_path: Path) -> None:
    started = time.monotonic()
    first_run = start_render(tmp_path / "first", "1", "UTC")
    finish(first_run)
    # A clock that leaks into a file shows only if the runs are a second or more apart.
    time.sleep(max(0.0, 1.1 - (time.monotonic() - started)))
    finish(start_render(tmp_path / "second", "2", "Pacific/Auckland"))
    first, second = outputs(tmp_path / "first"), outputs(tmp_path / "second")
    assert sorted(first) == sorted(
        f"{stem}.{fmt}"
        for stem in (
            "harbor-pine-order-defect-rate-2026-09-14-poa",
            "thornbury-outdoor-late-shipment-rate-2026-10-05-pip",
        )
        for fmt in FORMATS
    )
    assert sorted(second) == sorted(first)
    assert [name for name in first if first[name] != second[name]] == []
