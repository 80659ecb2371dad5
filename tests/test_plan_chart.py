"""An improvement plan whose case names daily counts (`health:`) carries their chart in its
PDF and DOCX, never in Markdown or form text; a file that cannot be read only warns."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import docx
import yaml

from .conftest import SAMPLES, TODAY, run
from .documents_helpers import needs_poppler, pdf_info

CHART_SAMPLE = SAMPLES / "cancel-rate-pip-chart-us.yaml"
CAPTION = "Daily account-health metrics from daily-counts-us.csv"


def render(case: Path, out: Path, formats: str = "docx,pdf,md,txt") -> tuple[int, str]:
    code, out_text, err = run(
        "render", "--today", TODAY.isoformat(), "-o", str(out), "-f", formats, str(case)
    )
    return code, out_text + err  # warnings are part of the report


def outputs(folder: Path) -> dict[str, bytes]:
    return {
        p.suffix: p.read_bytes()
        for p in folder.iterdir()
        if p.suffix in {".docx", ".pdf", ".md", ".txt"}
    }


def chart_media(data: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]


def test_plan_with_health_carries_one_chart_in_docx_and_pdf(tmp_path: Path) -> None:
    code, err = render(CHART_SAMPLE, tmp_path / "a")
    assert code == 0, err
    files = outputs(tmp_path / "a")
    document = docx.Document(io.BytesIO(files[".docx"]))
    assert len(document.inline_shapes) == 1
    # The picture follows the metrics table, as wide as the text, with its caption under it.
    section = document.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    assert document.inline_shapes[0].width == width
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith(CAPTION) for t in texts)
    assert b"/Subtype /Image" in files[".pdf"]
    assert b"image" not in files[".md"] and CAPTION.encode() not in files[".md"]
    assert CAPTION.encode() not in files[".txt"]


def test_the_chart_is_the_same_bytes_across_renders(tmp_path: Path) -> None:
    render(CHART_SAMPLE, tmp_path / "a", "docx,pdf")
    render(CHART_SAMPLE, tmp_path / "b", "docx,pdf")
    first, second = outputs(tmp_path / "a"), outputs(tmp_path / "b")
    media = chart_media(first[".docx"])
    assert len(media) == 1 and media[0].startswith(b"\x89PNG")
    assert media == chart_media(second[".docx"])
    assert first == second


def copy_with_health(tmp_path: Path, health: str) -> Path:
    data = yaml.safe_load(CHART_SAMPLE.read_text(encoding="utf-8"))
    data["health"] = health
    case = tmp_path / "cases" / "plan.yaml"
    case.parent.mkdir(parents=True)
    case.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return case


def test_a_missing_counts_file_warns_and_the_plan_renders_without_chart(tmp_path: Path) -> None:
    case = copy_with_health(tmp_path, "counts/missing.csv")
    code, err = render(case, tmp_path / "out", "docx,pdf")
    assert code == 0, err
    assert "health: counts/missing.csv: no chart in the plan" in err
    assert "missing.csv" in err
    files = outputs(tmp_path / "out")
    assert len(docx.Document(io.BytesIO(files[".docx"])).inline_shapes) == 0
    assert b"/Subtype /Image" not in files[".pdf"]


def test_a_counts_file_with_errors_warns_naming_the_file(tmp_path: Path) -> None:
    case = copy_with_health(tmp_path, "bad.csv")
    (case.parent / "bad.csv").write_text("date,orders\nnot-a-date,x\n", encoding="utf-8")
    code, err = render(case, tmp_path / "out", "docx")
    assert code == 0, err
    assert "health: bad.csv: no chart in the plan" in err
    assert len(docx.Document(io.BytesIO(outputs(tmp_path / "out")[".docx"])).inline_shapes) == 0


def test_a_relative_path_outside_the_case_folder_is_not_read(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "health" / "daily-counts-us.csv", tmp_path / "counts.csv")
    case = copy_with_health(tmp_path, "../counts.csv")
    code, err = render(case, tmp_path / "out", "docx")
    assert code == 0, err
    assert "outside the case's folder" in err
    assert len(docx.Document(io.BytesIO(outputs(tmp_path / "out")[".docx"])).inline_shapes) == 0


def test_an_absolute_path_the_user_wrote_is_read(tmp_path: Path) -> None:
    counts = tmp_path / "elsewhere" / "counts.csv"
    counts.parent.mkdir()
    shutil.copy(SAMPLES / "health" / "daily-counts-us.csv", counts)
    case = copy_with_health(tmp_path, str(counts))
    code, err = render(case, tmp_path / "out", "docx")
    assert code == 0, err
    assert len(docx.Document(io.BytesIO(outputs(tmp_path / "out")[".docx"])).inline_shapes) == 1


def test_a_plan_of_action_with_health_gets_no_chart(tmp_path: Path) -> None:
    data = yaml.safe_load((SAMPLES / "odr-negative-feedback-us.yaml").read_text(encoding="utf-8"))
    data["health"] = "daily-counts-us.csv"
    case = tmp_path / "poa.yaml"
    case.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    shutil.copy(SAMPLES / "health" / "daily-counts-us.csv", tmp_path)
    code, err = render(case, tmp_path / "out", "docx")
    assert code == 0, err
    assert len(docx.Document(io.BytesIO(outputs(tmp_path / "out")[".docx"])).inline_shapes) == 0


@needs_poppler
def test_the_chart_keeps_the_plan_to_two_pages(tmp_path: Path) -> None:
    code, _ = render(CHART_SAMPLE, tmp_path / "out", "pdf")
    assert code == 0
    pdf = outputs(tmp_path / "out")[".pdf"]
    assert b"/Subtype /Image" in pdf
    assert int(pdf_info(pdf, tmp_path)["Pages"]) <= 2
