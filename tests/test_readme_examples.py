"""Every Python example in the README runs as written, from the repository's folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from .conftest import ROOT


def test_readme_python_examples_run_as_written() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks, "the README has no Python example"
    for block in blocks:
        proc = subprocess.run(
            [sys.executable, "-c", block],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "POA_CATALOG": "", "POA_TEMPLATES": ""},
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        assert "Drop" in proc.stdout  # the sample's issue type title was printed
        assert "draft.yaml" in proc.stdout  # and the located problems of the broken draft
