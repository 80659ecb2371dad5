"""Templates and themes from outside: no file from beyond the templates folder, no runaway
template, no reference.docx that is not a sane Word document."""

from __future__ import annotations

import io
import shutil
import time
import zipfile
from pathlib import Path

import docx
import pytest

import poa
from poa.batch import Options
from poa.documents.library import TemplateLibrary
from poa.documents.theme import check_theme
from poa.resources import default_theme

from .conftest import SAMPLES, TODAY, run, sample_data
from .test_document_hardening import CORPUS

TEMPLATES = CORPUS / "templates"
RUNAWAY = sorted(p for p in TEMPLATES.glob("*.md.j2") if p.name != "bounded-but-busy.md.j2")
SAMPLE = SAMPLES / "odr-negative-feedback-us.yaml"


def library_with(folder: Path, source: Path) -> TemplateLibrary:
    folder.mkdir(exist_ok=True)
    shutil.copyfile(source, folder / "plan-of-action.md.j2")
    return TemplateLibrary([folder])


@pytest.mark.parametrize("source", RUNAWAY, ids=lambda p: p.name)
def test_runaway_templates_stop_with_the_template_named(source: Path, tmp_path: Path) -> None:
    library = library_with(tmp_path / "templates", source)
    case = poa.case_from_data(sample_data(), today=TODAY)
    start = time.perf_counter()
    with pytest.raises(poa.DocumentTemplateError) as caught:
        poa.render_markdown(case, library=library)
    message = str(caught.value)
    assert "plan-of-action.md.j2" in message
    if source.name != "output-flood.md.j2":  # that one is stopped as its output is collected
        assert ".md.j2:" in message, message  # with the line of the template at fault
    assert time.perf_counter() - start < 30, "stopped, but only after a long time"


def test_a_busy_template_within_the_limits_renders(tmp_path: Path) -> None:
    library = library_with(tmp_path / "templates", TEMPLATES / "bounded-but-busy.md.j2")
    case = poa.case_from_data(sample_data(), today=TODAY)
    markdown = poa.render_markdown(case, library=library).markdown
    assert "250,000 units, ababab." in markdown
    assert markdown.count("1") >= 200


def test_runaway_template_fails_its_case_on_the_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    library_with(folder, TEMPLATES / "nested-loops.md.j2")
    code, out, err = run(
        "render", "--templates", str(folder), "--today", TODAY.isoformat(), "-o", str(tmp_path),
        "-f", "md", str(SAMPLE),
    )  # fmt: skip
    assert code == 1
    assert "plan-of-action.md.j2:4: stopped after 1,000,000 loop steps" in out + err
    assert "Traceback" not in out + err


def test_template_linked_from_outside_its_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("# Secret\n\nroot:x:0:0 password line\n")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "plan-of-action.md.j2").symlink_to(secret)
    case = poa.case_from_data(sample_data(), today=TODAY)
    with pytest.raises(poa.DocumentTemplateError, match="outside its templates folder"):
        poa.render_markdown(case, library=TemplateLibrary([folder]))
    # An include that leads outside is refused the same way.
    (folder / "plan-of-action.md.j2").unlink()
    (folder / "plan-of-action.md.j2").write_text('# Plan\n\n{% include "part.md.j2" %}\n')
    (folder / "part.md.j2").symlink_to(secret)
    with pytest.raises(poa.DocumentTemplateError, match=r"part\.md\.j2: leads to .*secret\.txt"):
        poa.render_markdown(case, library=TemplateLibrary([folder]))
    # A link that stays inside the folder is fine.
    (folder / "part.md.j2").unlink()
    (folder / "real.md.j2").write_text("Inside the folder.\n")
    (folder / "part.md.j2").symlink_to(folder / "real.md.j2")
    assert (
        "Inside the folder."
        in poa.render_markdown(case, library=TemplateLibrary([folder])).markdown
    )


def theme_with(tmp_path: Path, reference: bytes) -> Path:
    theme = tmp_path / "theme"
    shutil.copytree(default_theme(), theme)
    (theme / "reference.docx").write_bytes(reference)
    return theme


def docx_bytes(extra: dict[str, bytes] | None = None, drop: str = "") -> bytes:
    """A Word document as python-docx writes it, with entries added or one left out."""
    plain = io.BytesIO()
    docx.Document().save(plain)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(plain.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename != drop:
                target.writestr(info, source.read(info))
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        (b"", "not a Word document"),
        ((CORPUS / "themes" / "not-a-docx" / "reference.docx").read_bytes(), "not a Word document"),
        (docx_bytes(drop="word/document.xml"), "no word/document.xml"),
        (docx_bytes({"word/media/pad.bin": bytes(200_000_000)}), "unpacks to"),
        (docx_bytes({f"extra/item{n}.xml": b"<a/>" for n in range(600)}), "unpacks to 6"),
    ],
    ids=["empty", "text-file", "no-document-part", "zip-bomb", "too-many-entries"],
)
def test_bad_reference_docx_is_refused_before_any_work(
    reference: bytes, message: str, tmp_path: Path
) -> None:
    theme = theme_with(tmp_path, reference)
    with pytest.raises(poa.UsageError, match=message) as caught:
        check_theme(theme)
    assert str(theme / "reference.docx") in str(caught.value)
    options = Options(output=tmp_path / "out", theme=theme)
    with pytest.raises(poa.UsageError, match=message):
        options.check()
    case = poa.case_from_data(sample_data(), today=TODAY)
    with pytest.raises(poa.UsageError, match=message):
        poa.render(case, "docx", theme=theme)


def test_bad_theme_on_the_command_line_is_one_line_and_nothing_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = run(
        "render", "--theme", str(CORPUS / "themes" / "not-a-docx"), "-o", str(out), str(SAMPLE)
    )
    assert code == 2
    lines = [line for line in (stdout + stderr).splitlines() if line.strip()]
    assert len(lines) == 1 and "reference.docx: not a Word document" in lines[0]
    assert not out.exists() or not any(out.iterdir())


def test_a_good_reference_docx_gives_its_styles(tmp_path: Path) -> None:
    reference = docx.Document()
    reference.styles["Normal"].font.name = "Georgia"
    buffer = io.BytesIO()
    reference.save(buffer)
    theme = theme_with(tmp_path, buffer.getvalue())
    check_theme(theme)
    case = poa.case_from_data(sample_data(), today=TODAY)
    document = docx.Document(io.BytesIO(poa.render(case, "docx", theme=theme)))
    assert document.styles["Normal"].font.name == "Georgia"
