"""An installed wheel, run from outside the repository, finds its templates and catalog."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLES


@pytest.mark.slow
def test_installed_wheel_runs_from_outside_the_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("poa-*.whl"))
    env_dir = tmp_path / "env"
    # Reuse this environment's installed dependencies; install only the wheel itself.
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(env_dir)
    site = next(Path(p) for p in sys.path if p.endswith("site-packages") and Path(p).is_dir())
    pth = next((env_dir / "lib").glob("python*/site-packages")) / "outer.pth"
    pth.write_text(str(site) + "\n", encoding="utf-8")
    pip = env_dir / "bin" / "pip"
    subprocess.run(
        [str(pip), "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    poa = env_dir / "bin" / "poa"
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "POA_CATALOG")}

    def poa_run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(poa), *args], capture_output=True, text=True, cwd=outside, env=env, check=False
        )

    where = subprocess.run(
        [str(env_dir / "bin" / "python"), "-c", "import poa; print(poa.__file__)"],
        capture_output=True,
        text=True,
        cwd=outside,
        env=env,
        check=True,
    ).stdout
    assert str(env_dir) in where, "the wheel, not the checkout, must be imported"
    proc = poa_run("catalog")
    assert proc.returncode == 0, proc.stderr
    assert "order-defect-rate" in proc.stdout
    proc = poa_run("validate", str(SAMPLES / "drop-shipping-us.yaml"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = poa_run("new", "order-defect-rate", "-o", "case.yaml")
    assert proc.returncode == 0, proc.stderr
    assert "issue_type: order-defect-rate" in (outside / "case.yaml").read_text(encoding="utf-8")
