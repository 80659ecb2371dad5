"""`poa render`: outputs named from the case, written safely, failures reported per case."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from .conftest import SAMPLE_FILES, SAMPLES, TODAY, run, sample_data

DROP = SAMPLES / "drop-shipping-us.yaml"
STEM = "ridgeback-pet-supply-drop-shipping-2026-11-06-poa"


def render(*args: str) -> tuple[int, str, str]:
    return run("render", "--today", TODAY.isoformat(), *args)


def test_render_writes_every_format_named_from_the_case(tmp_path: Path) -> None:
    code, out, _ = render(str(DROP), "-o", str(tmp_path), "-f", "docx,pdf,txt,md")
    assert code == 0
    for ext in ("docx", "pdf", "txt", "md"):
        path = tmp_path / f"{STEM}.{ext}"
        assert f"wrote {path}" in out
    assert (tmp_path / f"{STEM}.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / f"{STEM}.md").read_text(encoding="utf-8").startswith("# Plan of Action")
    assert out.rstrip().endswith("1 of 1 case rendered")


def test_default_formats_are_docx_and_pdf(tmp_path: Path) -> None:
    code, _, _ = render(str(DROP), "-o", str(tmp_path))
    assert code == 0
    assert sorted(p.suffix for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        ".docx",
        ".pdf",
    ]


def test_rerun_reports_unchanged_and_foreign_files_are_kept(tmp_path: Path) -> None:
    render(str(DROP), "-o", str(tmp_path), "-f", "md,txt")
    code, out, _ = render(str(DROP), "-o", str(tmp_path), "-f", "md,txt")
    assert code == 0
    assert out.strip() == "0 of 1 case rendered, 1 skipped (unchanged)"
    edited = tmp_path / f"{STEM}.md"
    edited.write_text("my own edits\n", encoding="utf-8")
    code, out, _ = render(str(DROP), "-o", str(tmp_path), "-f", "md")
    assert code == 1
    assert "exists and was not written by poa (or was edited since)" in out
    assert edited.read_text(encoding="utf-8") == "my own edits\n"
    code, _, _ = render(str(DROP), "-o", str(tmp_path), "-f", "md", "--force")
    assert code == 0
    assert edited.read_text(encoding="utf-8").startswith("# Plan of Action")


def test_an_identical_render_is_reported_unchanged(tmp_path: Path) -> None:
    render(str(DROP), "-o", str(tmp_path), "-f", "md")
    code, out, _ = render(str(DROP), "-o", str(tmp_path), "-f", "md", "--force")
    assert code == 0
    assert f"unchanged {tmp_path / (STEM + '.md')}" in out


def test_a_file_poa_never_wrote_is_not_replaced(tmp_path: Path) -> None:
    (tmp_path / f"{STEM}.txt").write_text("notes\n", encoding="utf-8")
    code, out, _ = render(str(DROP), "-o", str(tmp_path), "-f", "txt")
    assert code == 1
    assert (tmp_path / f"{STEM}.txt").read_text(encoding="utf-8") == "notes\n"
    assert "--force" in out


def test_bad_case_is_reported_and_the_rest_render(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    shutil.copy(DROP, cases / "good.yaml")
    (cases / "bad.yaml").write_text("kind: plan-of-action\nseller: 3\n", encoding="utf-8")
    code, out, _ = render(str(cases), "-o", str(tmp_path / "out"), "-f", "md")
    assert code == 1
    assert f"{cases / 'bad.yaml'}:2:9: seller: should be a group of fields" in out
    assert (tmp_path / "out" / f"{STEM}.md").exists()
    assert "1 of 2 cases rendered, 1 failed" in out


def test_two_cases_that_would_write_the_same_file_are_an_error(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    shutil.copy(DROP, cases / "a.yaml")
    shutil.copy(DROP, cases / "b.yaml")
    code, out, _ = render(str(cases), "-o", str(tmp_path / "out"), "-f", "md")
    assert code == 1
    assert "would be written by both" in out
    assert "render one of them on its own into another folder with -o" in out
    # That way out works: each renders on its own into a folder of its own.
    for name in ("a", "b"):
        code, _, err = render(str(cases / f"{name}.yaml"), "-o", str(tmp_path / name), "-f", "md")
        assert code == 0, err


def test_over_limit_box_is_reported(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "appeal-form.yaml").write_text(
        yaml.safe_dump(
            {
                "boxes": [
                    {"name": "Root cause", "sections": ["Root causes"], "limit": 100},
                    {
                        "name": "Actions taken",
                        "sections": ["Corrective actions taken"],
                        "limit": 4000,
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = render(
        str(DROP), "-o", str(tmp_path / "out"), "-f", "txt", "--templates", str(templates)
    )
    assert code == 0
    assert "appeal box 'Root cause' has" in out and "over its 100 limit" in out
    text = (tmp_path / "out" / f"{STEM}.txt").read_text(encoding="utf-8")
    assert "OVER THE LIMIT by" in text
    assert f"rely on the attached {STEM}.pdf" in text


def test_usage_errors(tmp_path: Path) -> None:
    code, _, err = render(str(DROP), "-f", "docx,rtf")
    assert code == 2 and "unknown format 'rtf'" in err
    code, _, err = render(str(DROP), "--theme", str(tmp_path))
    assert code == 2 and "not a theme folder" in err
    code, _, err = render(str(DROP), "--pdf-variant", "pdf/q")
    assert code == 2 and "unknown --pdf-variant" in err


def test_all_samples_render_to_text_formats(tmp_path: Path) -> None:
    code, out, _ = render(str(SAMPLES), "-o", str(tmp_path), "-f", "md,txt", "-q")
    assert code == 0, out
    assert len(list(tmp_path.glob("*.md"))) == len(SAMPLE_FILES)


def test_unicode_store_names_make_ascii_file_names(tmp_path: Path) -> None:
    data = sample_data("review-inserts-fr.yaml")
    path = tmp_path / "fr.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, _, _ = render(str(path), "-o", str(tmp_path / "out"), "-f", "md")
    assert code == 0
    assert (tmp_path / "out" / "atelier-lumiere-review-manipulation-2026-10-30-poa.md").exists()
