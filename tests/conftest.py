"""Shared helpers: run the CLI in process, load and tweak sample cases."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from poa.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.yaml"))
TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def own_config_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test gets its own configuration folder, so no test reads or writes the saved
    seller profile of the person running the tests."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


def run(*argv: str) -> tuple[int, str, str]:
    """Run `poa ARGV...` in this process; return (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def sample_data(name: str = "odr-negative-feedback-us.yaml") -> dict[str, Any]:
    """A sample case as plain data, to change in a test."""
    data: dict[str, Any] = yaml.safe_load((SAMPLES / name).read_text(encoding="utf-8"))
    return data


@pytest.fixture
def write_case(tmp_path: Path) -> Callable[..., Path]:
    """Write case data (or text) to a YAML file in a temporary folder."""

    def write(data: dict[str, Any] | str, name: str = "case.yaml") -> Path:
        path = tmp_path / name
        text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write
