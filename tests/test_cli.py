"""`poa new`, `poa schema`, version and help."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from poa import __version__

from .conftest import ROOT, TODAY, run


def test_new_writes_a_commented_scaffold_that_guides_validation(tmp_path: Path) -> None:
    target = tmp_path / "lsr.yaml"
    code, out, _ = run("new", "late-shipment-rate", "-o", str(target))
    assert code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=poa-case.schema.json\n")
    assert "issue_type: late-shipment-rate" in text
    assert '  # - id: RC1\n  #   summary: "Handling time was shorter' in text
    assert (tmp_path / "poa-case.schema.json").exists()
    code, out, _ = run("validate", "--today", TODAY.isoformat(), str(target))
    assert code == 1
    assert "seller.legal_name: is required: fill it in" in out
    assert "root_causes: is required: fill it in" in out
    assert "evidence: is empty: fill it in or delete the line" in out  # optional


def test_uncommented_suggestions_with_placeholders_do_not_pass(tmp_path: Path) -> None:
    _, out, _ = run("new", "order-defect-rate", "-o", "-")
    data = yaml.safe_load(
        out.replace("  # - id: RC1\n  #   ", "  - id: RC1\n    ", 1).replace(
            '\n  #   detail: "[insert', '\n    detail: "[insert', 1
        )
    )
    assert data["root_causes"][0]["detail"].startswith("[insert")
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    _, out, _ = run("validate", str(path))
    assert "root_causes[0].detail: still holds the placeholder" in out


def test_new_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("my notes\n", encoding="utf-8")
    code, _, err = run("new", "order-defect-rate", "-o", str(target))
    assert code == 1
    assert "already exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "my notes\n"
    code, _, _ = run("new", "order-defect-rate", "-o", str(target), "--force")
    assert code == 0
    assert "issue_type: order-defect-rate" in target.read_text(encoding="utf-8")


def test_new_pip_adds_metrics_milestones_and_cadence() -> None:
    code, out, _ = run("new", "valid-tracking-rate", "--pip", "-o", "-")
    assert code == 0
    assert "kind: performance-improvement-plan" in out
    assert "  - metric: valid-tracking-rate" in out
    assert "target: 95.0   # Amazon's target: above 95.0%" in out
    assert "review_cadence: weekly" in out


def test_new_warns_when_a_poa_is_not_the_answer() -> None:
    _, out, _ = run("new", "trademark-complaint", "-o", "-")
    assert "NOTE: a Plan of Action is usually not the right answer" in out


def test_schema_describes_case_files() -> None:
    code, out, _ = run("schema")
    schema = json.loads(out)
    assert code == 0
    assert schema["title"] == "poa case file"
    assert {"seller", "notification", "root_causes"} <= set(schema["required"])
    seller = schema["$defs"]["Seller"]["properties"]["merchant_token"]
    assert "Merchant Token" in seller["description"] or "merchant token" in seller["description"]


def test_version_and_help_everywhere() -> None:
    code, out, _ = run("--version")
    assert (code, out.strip()) == (0, f"poa {__version__}")
    code, out, _ = run("render", "--help")
    assert code == 0 and "--formats" in out and "examples:" in out
    for argv in (
        ["--help"],
        ["validate", "--help"],
        ["catalog", "--help"],
        ["new", "--help"],
        ["schema", "--help"],
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "poa", *argv],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        assert proc.returncode == 0
        assert "examples:" in proc.stdout
    proc = subprocess.run(
        [sys.executable, "-m", "poa", "--version"], capture_output=True, text=True, check=False
    )
    assert proc.stdout.strip() == f"poa {__version__}"


def test_help_and_validate_do_not_import_weasyprint() -> None:
    code = (
        "import sys, io; from poa.cli import main\n"
        "main(['validate', 'samples'], stdout=io.StringIO())\n"
        "main(['catalog'], stdout=io.StringIO())\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('weasyprint', 'docx', 'questionary')))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout.strip() == "[]"
