"""Batches: mirrored folders, incremental runs, failures that don't stop, crash safety."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pexpect
import pytest

from .conftest import ROOT, SAMPLE_FILES, SAMPLES, TODAY, run


def make_cases(folder: Path, count: int) -> list[Path]:
    """COUNT distinct case files made from the samples (each its own store name)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        sample = SAMPLE_FILES[i % len(SAMPLE_FILES)]
        lines = sample.read_text(encoding="utf-8").splitlines()
        lines = [f"{ln} {i}" if ln.startswith("  store_name: ") else ln for ln in lines]
        path = folder / f"case-{i:04d}.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def render(*args: str) -> tuple[int, str, str]:
    return run("render", "--today", TODAY.isoformat(), *args)


def test_output_mirrors_input_folders(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    (cases / "clients" / "acme").mkdir(parents=True)
    shutil.copy(SAMPLES / "drop-shipping-us.yaml", cases / "clients" / "acme" / "a.yaml")
    shutil.copy(SAMPLES / "detail-page-uk.yaml", cases / "b.yaml")
    code, _, _ = render(str(cases), "-o", str(tmp_path / "out"), "-f", "md", "-j", "1")
    assert code == 0
    assert (
        tmp_path
        / "out"
        / "clients"
        / "acme"
        / "ridgeback-pet-supply-drop-shipping-2026-11-06-poa.md"
    ).is_file()
    assert (tmp_path / "out" / "fenwick-kitchen-detail-page-abuse-2026-10-26-poa.md").is_file()


def test_incremental_runs_skip_what_did_not_change(tmp_path: Path) -> None:
    cases = make_cases(tmp_path / "cases", 6)
    out = tmp_path / "out"
    args = (str(tmp_path / "cases"), "-o", str(out), "-f", "md,txt", "-j", "2")
    code, text, _ = render(*args)
    assert code == 0 and text.strip().endswith("6 of 6 cases rendered")
    code, text, _ = render(*args)
    assert text.strip() == "0 of 6 cases rendered, 6 skipped (unchanged)"
    cases[2].write_text(
        cases[2].read_text(encoding="utf-8").replace("  legal_name:", "  legal_name: New", 1),
        encoding="utf-8",
    )
    code, text, _ = render(*args)
    assert text.strip().endswith("1 of 6 cases rendered, 5 skipped (unchanged)")
    code, text, _ = render(*args, "--force")
    assert text.strip().endswith("6 of 6 cases rendered")
    # Other formats are other options: everything renders again.
    code, text, _ = render(str(tmp_path / "cases"), "-o", str(out), "-f", "md", "-j", "2")
    assert text.strip().endswith("6 of 6 cases rendered")


def test_a_changed_template_renders_everything_again(tmp_path: Path) -> None:
    make_cases(tmp_path / "cases", 3)
    templates = tmp_path / "templates"
    templates.mkdir()
    args = (
        str(tmp_path / "cases"),
        "-o",
        str(tmp_path / "out"),
        "-f",
        "md",
        "-j",
        "1",
        "--templates",
        str(templates),
    )
    render(*args)
    (templates / "extra.md.j2").write_text("# unused\n", encoding="utf-8")
    _, text, _ = render(*args)
    assert text.strip().endswith("3 of 3 cases rendered")


def test_deleted_output_is_rendered_again(tmp_path: Path) -> None:
    make_cases(tmp_path / "cases", 2)
    args = (str(tmp_path / "cases"), "-o", str(tmp_path / "out"), "-f", "md", "-j", "1")
    render(*args)
    next((tmp_path / "out").glob("*.md")).unlink()
    _, text, _ = render(*args)
    assert text.strip().endswith("1 of 2 cases rendered, 1 skipped (unchanged)")


def test_failures_do_not_stop_the_batch_unless_fail_fast(tmp_path: Path) -> None:
    cases = make_cases(tmp_path / "cases", 4)
    cases[0].write_text("kind: plan-of-action\nseller: [x]\n", encoding="utf-8")
    code, text, _ = render(str(tmp_path / "cases"), "-o", str(tmp_path / "o1"), "-f", "md")
    assert code == 1
    assert f"{cases[0]}:2:9: seller: should be a group of fields" in text
    assert text.strip().endswith("3 of 4 cases rendered, 1 failed")
    code, text, _ = render(
        str(tmp_path / "cases"), "-o", str(tmp_path / "o2"), "-f", "md", "--fail-fast", "-j", "1"
    )
    assert code == 1
    assert text.strip().endswith("0 of 4 cases rendered, 1 failed")
    assert not list((tmp_path / "o2").glob("*.md"))


def test_json_records_one_per_case(tmp_path: Path) -> None:
    cases = make_cases(tmp_path / "cases", 3)
    cases[1].write_text("", encoding="utf-8")
    code, text, _ = render(
        str(tmp_path / "cases"), "-o", str(tmp_path / "out"), "-f", "md", "--json"
    )
    assert code == 1
    records = [json.loads(line) for line in text.splitlines()]
    assert sorted(r["status"] for r in records) == ["failed", "rendered", "rendered"]
    failed = next(r for r in records if r["status"] == "failed")
    assert failed["case"] == str(cases[1])
    assert "file is empty" in failed["problems"][0]
    rendered = next(r for r in records if r["status"] == "rendered")
    assert rendered["outputs"][0].endswith(".md") and rendered["seconds"] >= 0


def test_jobs_must_be_positive() -> None:
    code, _, err = render(str(SAMPLES), "-j", "0")
    assert code == 2 and "'0' is not a positive whole number" in err


def complete(path: Path) -> bool:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            if archive.testzip() is not None:
                return False
        docx.Document(str(path))
        return True
    return bool(data)


@pytest.mark.slow
def test_a_killed_batch_leaves_only_complete_files_and_the_next_run_finishes(
    tmp_path: Path,
) -> None:
    make_cases(tmp_path / "cases", 40)
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "poa",
        "render",
        str(tmp_path / "cases"),
        "-o",
        str(out),
        "-f",
        "docx,pdf",
        "-j",
        "2",
        "--today",
        TODAY.isoformat(),
    ]
    proc = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        done = [p for p in out.rglob("*") if p.suffix in (".pdf", ".docx")] if out.exists() else []
        if len(done) >= 12:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    outputs = [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert 12 <= len(outputs) < 80, "the batch should have been stopped part-way"
    for path in outputs:
        assert complete(path), path
    code = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert code.returncode == 0, code.stdout + code.stderr
    assert "skipped (unchanged)" in code.stdout
    outputs = [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert len(outputs) == 80
    assert all(complete(p) for p in outputs)
    assert not list(out.rglob("*.poa-part"))


@pytest.mark.slow
def test_progress_bar_in_a_terminal_and_plain_lines_otherwise(tmp_path: Path) -> None:
    make_cases(tmp_path / "cases", 8)
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "100"}
    child = pexpect.spawn(
        sys.executable,
        [
            "-m",
            "poa",
            "render",
            str(tmp_path / "cases"),
            "-o",
            str(tmp_path / "out"),
            "-f",
            "pdf",
            "-j",
            "1",
        ],
        cwd=str(ROOT),
        env=env,
        encoding="utf-8",
        timeout=120,
        dimensions=(24, 100),
    )
    child.expect(r"rendering .* \d/8")
    child.expect("cases/s")
    child.expect("8 of 8 cases rendered")
    child.expect(pexpect.EOF)
    assert "\x1b[32m" not in child.before  # NO_COLOR is respected
    piped = subprocess.run(
        [
            sys.executable,
            "-m",
            "poa",
            "render",
            str(tmp_path / "cases"),
            "-o",
            str(tmp_path / "out2"),
            "-f",
            "md",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "rendering" not in piped.stderr
    assert piped.stdout.count("wrote ") == 8
