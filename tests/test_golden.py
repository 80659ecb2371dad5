"""Golden Markdown: every sample renders to exactly the text stored under tests/golden/.

The Markdown is the one reviewable artefact every writer walks, so pinning it byte for byte
catches any change to what a letter says. To accept a deliberate change, regenerate the files
and read the diff before committing it:

    POA_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import poa

from .conftest import SAMPLE_FILES, TODAY

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("POA_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_markdown_matches_golden_file(sample: Path) -> None:
    case = poa.load_case(sample, today=TODAY)
    text = poa.render(case, "md").decode()
    golden = GOLDEN / f"{sample.stem}.md"
    if UPDATE:
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert golden.is_file(), f"no golden file {golden.name}: run with POA_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8"), (
        f"{sample.name} renders differently from {golden.name}; if the change is intended, "
        "regenerate with POA_UPDATE_GOLDEN=1 and review the diff"
    )


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_form_text_matches_golden_file(sample: Path) -> None:
    case = poa.load_case(sample, today=TODAY)
    text = poa.render(case, "txt").decode()
    golden = GOLDEN / f"{sample.stem}.txt"
    if UPDATE:
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert golden.is_file(), f"no golden file {golden.name}: run with POA_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")
