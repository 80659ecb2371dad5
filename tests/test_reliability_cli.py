"""Small exits: a closed pipe ends quietly, a full standard output is named, and nothing a
user can do prints a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import ROOT, SAMPLES

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("command", [["schema"], ["catalog", "--json"], ["catalog"]])
def test_a_closed_pipe_ends_quietly(command: list[str]) -> None:
    # The reader is gone before poa writes (as `| head -1` is, once it has its line).
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "poa", *command],
            cwd=ROOT,
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=60,
        )
    finally:
        os.close(write)
    assert done.stderr == ""
    assert done.returncode == 141


def test_head_sees_the_first_line_and_poa_says_nothing() -> None:
    done = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m poa schema | head -1; exit ${{PIPESTATUS[0]}}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.stdout == "{\n"
    assert done.stderr == ""
    assert done.returncode in (0, 141)  # 0 when everything fit in the pipe before head left


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "command", [["schema"], ["validate", str(SAMPLES / "drop-shipping-us.yaml")]]
)
def test_a_full_standard_output_is_named_and_exits_1(command: list[str]) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = subprocess.run(
            [sys.executable, "-m", "poa", *command],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stderr == "poa: standard output: No space left on device\n"
