"""Case text is data: nothing a seller types is fetched, embedded, evaluated or reformatted."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import poa
from poa.documents.library import TemplateLibrary

from .conftest import TODAY, sample_data
from .documents_helpers import docx_body, needs_poppler, pdf_text

HOSTILE = [
    '<img src="file:///etc/passwd">',
    '<link rel="attachment" href="file:///etc/passwd">',
    "![secret](/etc/passwd)",
    "[click](file:///etc/passwd)",
    "<file:///etc/passwd>",
    "{{ 7*7 }}",
    '{% include "plan-of-action.md.j2" %}',
    "# Not a heading",
    "- not a bullet",
    "1. not a list",
    "**not bold** _not italic_ `not code` | not | a | table |",
    "&lt;entity&gt; &#42;",
]


def hostile_case(text: str) -> poa.Case:
    data: dict[str, Any] = sample_data()
    data["root_causes"][0]["detail"] = text
    data["corrective_actions"][0]["action"] = text
    data["evidence"][0]["proves"] = text
    data["seller"]["store_name"] = text[:300]
    return poa.case_from_data(data, today=TODAY)


def flat(text: str) -> str:
    return " ".join(text.split())


@needs_poppler
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_appears_literally_in_every_format(text: str, tmp_path: Path) -> None:
    case = hostile_case(text)
    rendered = poa.render_markdown(case)
    # The tree holds the text as plain text in the paragraph, never as markup.
    clean = poa.render_markdown(poa.case_from_data(sample_data(), today=TODAY))
    assert [c.type for c in rendered.tree.children] == [c.type for c in clean.tree.children]
    txt = poa.render(case, "txt").decode()
    assert text in txt
    document = docx_body(poa.render(case, "docx"))
    body = "\n".join(p.text for p in document.paragraphs)
    assert text in body
    assert not document.inline_shapes
    pdf = poa.render(case, "pdf")
    assert flat(text) in flat(pdf_text(pdf, tmp_path).replace("-\n", "-"))
    assert b"/EmbeddedFile" not in pdf
    assert b"/Subtype /Image" not in pdf and b"/Subtype/Image" not in pdf
    assert b"root:x:0:0" not in pdf


def test_markdown_output_escapes_but_reads_back_identically() -> None:
    case = hostile_case("# x <img src=y> {{ 7*7 }} [a](b)")
    markdown = poa.render(case, "md").decode()
    assert "\\# x \\<img src=y\\> {{ 7\\*7 }} \\[a\\](b)" in markdown
    assert "49" not in markdown


def test_pdf_fetcher_serves_only_the_theme(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', encoding="utf-8"
    )
    (theme / "theme.css").write_text(
        "@import url(file:///etc/passwd);\n"
        "h1 { background: url(logo.svg); }\n"
        "h2 { background: url(file:///etc/hostname); }\n"
        "li { background: url(https://example.com/x.png); }\n",
        encoding="utf-8",
    )
    case = poa.load_case("samples/odr-negative-feedback-us.yaml", today=TODAY)
    from poa.documents.writers.pdf_writer import pdf_engine

    data = poa.render(case, "pdf", theme=theme)
    assert data.startswith(b"%PDF")
    refused = pdf_engine(theme.resolve()).fetcher.refused
    assert "file:///etc/passwd" in refused
    assert "file:///etc/hostname" in refused
    assert "https://example.com/x.png" in refused
    assert not any("logo.svg" in url for url in refused)


def write_template(folder: Path, name: str, text: str) -> TemplateLibrary:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return TemplateLibrary([folder])


def test_user_template_overrides_builtin(tmp_path: Path) -> None:
    library = write_template(
        tmp_path / "t",
        "plan-of-action.md.j2",
        "# Our plan for {{ seller.store_name }}\n\nShort and plain.\n",
    )
    case = poa.load_case("samples/drop-shipping-us.yaml", today=TODAY)
    markdown = poa.render(case, "md", library=library).decode()
    assert markdown == "# Our plan for Ridgeback Pet Supply\n\nShort and plain.\n"
    assert "plan-of-action.md.j2" in library.names()
    assert library.source("plan-of-action.md.j2").startswith("# Our plan")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("# T\n\n{{ seller.nickname }}\n", r"plan-of-action\.md\.j2:3: .*nickname"),
        ("# T\n\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n", r"unsafe|access"),
        ("# T\n\n{% if %}\n", r"plan-of-action\.md\.j2:3: template syntax error"),
        ("# T\n\n{% include 'missing.j2' %}\n", r"no template named 'missing\.j2'"),
    ],
)
def test_template_errors_name_the_template_and_line(
    tmp_path: Path, source: str, message: str
) -> None:
    library = write_template(tmp_path / "t", "plan-of-action.md.j2", source)
    case = poa.load_case("samples/drop-shipping-us.yaml", today=TODAY)
    with pytest.raises(poa.DocumentTemplateError, match=message):
        poa.render(case, "md", library=library)


def test_templates_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "env-templates"
    write_template(folder, "plan-of-action.md.j2", "# From the environment\n\nText.\n")
    monkeypatch.setenv("POA_TEMPLATES", str(folder))
    library = TemplateLibrary()
    case = poa.load_case("samples/drop-shipping-us.yaml", today=TODAY)
    assert poa.render(case, "md", library=library).startswith(b"# From the environment")


def test_output_names_are_sanitised() -> None:
    data = sample_data()
    data["seller"]["store_name"] = "../../etc/Ça & Co / <evil>"
    case = poa.case_from_data(data, today=TODAY)
    stem = poa.output_stem(case)
    assert re.fullmatch(r"[a-z0-9-]+", stem)
    assert stem.startswith("etc-ca-co-evil-order-defect-rate-2026-09-14-poa")


def test_library_lists_and_renders_builtin_templates() -> None:
    library = TemplateLibrary()
    names = library.names()
    assert {
        "plan-of-action.md.j2",
        "performance-improvement-plan.md.j2",
        "appeal-form.yaml",
    } <= set(names)
    rendered = library.render("plan-of-action.md.j2", _context())
    assert rendered.startswith("# Plan of Action: Drop-shipping policy violation")


def _context() -> dict[str, Any]:
    from poa.documents.context import build_context

    case = poa.load_case("samples/drop-shipping-us.yaml", today=TODAY)
    return build_context(case, poa.load_catalog())


def test_render_api_rejects_unknown_format() -> None:
    case = poa.load_case("samples/drop-shipping-us.yaml", today=TODAY)
    with pytest.raises(poa.UsageError, match="unknown format 'rtf'"):
        poa.render(case, "rtf")
