"""Documents: what they say, the same words in every format, and Word/PDF structure."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from markdown_it.tree import SyntaxTreeNode

import poa
from poa.case.values import placeholder_in
from poa.documents.render import render as render_case
from poa.documents.tree import parse_markdown, plain_text, sections, table_rows

from .conftest import SAMPLE_FILES, TODAY
from .documents_helpers import (
    docx_body,
    docx_words,
    list_markers,
    needs_poppler,
    pdf_info,
    pdf_text,
    pdf_words,
    pdf_xmp,
    tree_words,
    unhyphenated_words,
    words,
)


def _inlines(node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    if node.type == "inline":
        return [node]
    return [n for child in node.children for n in _inlines(child)]


ODR = Path(__file__).parent.parent / "samples" / "odr-negative-feedback-us.yaml"
PIP = Path(__file__).parent.parent / "samples" / "late-shipment-pip-uk.yaml"


def load(path: Path) -> poa.Case:
    return poa.load_case(path, today=TODAY)


@pytest.fixture(scope="module")
def outputs() -> dict[str, dict[str, object]]:
    """Every sample rendered once to every format."""
    result: dict[str, dict[str, object]] = {}
    for path in SAMPLE_FILES:
        case = load(path)
        rendered = poa.render_markdown(case)
        result[path.name] = {"case": case, "rendered": rendered}
        for fmt in poa.FORMATS:
            result[path.name][fmt] = render_case(case, fmt, rendered=rendered)
    return result


@needs_poppler
@pytest.mark.parametrize("name", [p.name for p in SAMPLE_FILES])
def test_docx_pdf_and_markdown_carry_the_same_words(
    outputs: dict[str, dict[str, object]], name: str, tmp_path: Path
) -> None:
    out = outputs[name]
    rendered = out["rendered"]
    assert isinstance(rendered, poa.Rendered)
    expected = tree_words(poa.render_markdown(out["case"]).tree)  # type: ignore[arg-type]
    assert len(expected) > 150
    assert docx_words(out["docx"]) == expected  # type: ignore[arg-type]
    flat = unhyphenated_words(" ".join(plain_text(n) for n in _inlines(rendered.tree)))
    in_pdf = pdf_words(out["pdf"], tmp_path)  # type: ignore[arg-type]
    assert in_pdf - list_markers(rendered.tree) == Counter(flat)
    md_words = tree_words(parse_markdown(out["md"].decode()))  # type: ignore[union-attr]
    assert md_words == expected
    # The appeal-form text holds the body of the document, section by section.
    txt = re.sub(r"(?m)^\s*(\d+\.|-)\s", " ", out["txt"].decode())  # type: ignore[union-attr]
    for heading, blocks in sections(rendered.tree)[1:]:
        for block in blocks:
            if block.type == "table":  # a row becomes one line, each value named by its column
                cells = [plain_text(c) for head, row in table_rows(block) if not head for c in row]
                assert not Counter(words(" ".join(cells))) - Counter(words(txt)), heading
            else:
                assert " ".join(tree_words(block)) in " ".join(words(txt)), heading


@pytest.mark.parametrize("name", [p.name for p in SAMPLE_FILES])
def test_no_placeholder_empty_heading_or_dangling_reference(
    outputs: dict[str, dict[str, object]], name: str
) -> None:
    out = outputs[name]
    markdown = out["md"].decode()  # type: ignore[union-attr]
    assert not placeholder_in(markdown)
    assert "see attached" not in markdown.lower()
    assert "None" not in words(markdown)
    lines = [ln for ln in markdown.splitlines() if ln.strip()]
    for i, line in enumerate(lines):
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            assert i + 1 < len(lines), line
            following = lines[i + 1]
            following_level = len(following) - len(following.lstrip("#"))
            assert not following.startswith("#") or following_level > level, line
    exhibits = len(out["case"].evidence)  # type: ignore[attr-defined]
    for number in re.findall(r"Exhibits? ([\d, ]+)", markdown):
        for n in re.findall(r"\d+", number):
            assert 1 <= int(n) <= exhibits


def test_plan_of_action_follows_the_expected_structure(
    outputs: dict[str, dict[str, object]],
) -> None:
    rendered = outputs[ODR.name]["rendered"]
    assert isinstance(rendered, poa.Rendered)
    headings = [h for h, _ in sections(rendered.tree)[1:]]
    assert headings == [
        "Root causes",
        "Corrective actions taken",
        "Preventive measures",
        "Supporting documents",
        "Closing",
    ]
    md = rendered.markdown
    assert md.startswith("# Plan of Action: Order Defect Rate\n\nSeptember 19, 2026\n")
    assert "\nDear Seller Performance Team,\n" in md
    assert "**Merchant token:** A2HPXQ7LMN4R8T" in md
    assert "112-4839201-7730215" in md
    assert "1. **September 16, 2026 (root cause 1).** Replied" in md
    assert "*Warehouse lead · every shipment · since September 18, 2026*" in md
    assert "- **Exhibit 1** (defect-orders-2026-09.xlsx)." in md
    assert md.rstrip().endswith("accounts@harborpine.example")


def test_wording_adapts_to_the_issue_type(outputs: dict[str, dict[str, object]]) -> None:
    authenticity = outputs["inauthentic-invoices-us.yaml"]["md"].decode()  # type: ignore[union-attr]
    assert "# Plan of Action: Product authenticity complaint" in authenticity
    assert "restore our listings for ASINs B07NGB2201 and B07NGB2202." in authenticity
    deactivated = outputs["review-inserts-fr.yaml"]["md"].decode()  # type: ignore[union-attr]
    assert "We ask you to reinstate our selling privileges on Amazon.fr" in deactivated


def test_improvement_plan_has_metrics_milestones_and_cadence(
    outputs: dict[str, dict[str, object]],
) -> None:
    md = outputs[PIP.name]["md"].decode()  # type: ignore[union-attr]
    assert md.startswith("# Performance Improvement Plan: Late Shipment Rate\n")
    assert (
        "| Late Shipment Rate | 30 days | 6.2% (101 of 1,630 orders) | under 4% | under 2% |" in md
    )
    assert "- **20 October 2026:** Late Shipment Rate under 4.5%." in md
    assert "Every week we review:" in md
    assert "*Systems administrator · continuous · since 26 September 2026*" in md
    cancel = outputs["cancel-rate-pip-us.yaml"]["md"].decode()  # type: ignore[union-attr]
    assert "Every two weeks we review:" in cancel
    assert "| Late Shipment Rate | 30 days | 2.2% | under 4% | under 2% |" in cancel


def test_docx_uses_real_styles_properties_and_page_numbers(
    outputs: dict[str, dict[str, object]],
) -> None:
    document = docx_body(outputs[ODR.name]["docx"])  # type: ignore[arg-type]
    styles = [p.style.name for p in document.paragraphs if p.text.strip()]
    assert styles[0] == "Title"
    assert styles.count("Heading 1") == 5
    assert {"List Number", "List Bullet"} <= set(styles)
    assert "•" not in "".join(p.text for p in document.paragraphs)
    props = document.core_properties
    assert props.title == "Plan of Action: Order Defect Rate"
    assert props.author == "Dana Whitfield, Harbor & Pine Home Goods LLC"
    assert props.subject.startswith("Your Order Defect Rate is above Amazon's target")
    assert props.created.date().isoformat() == "2026-09-19"
    footer_xml = document.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    section = document.sections[0]
    assert abs(section.page_width.mm - 215.9) < 0.5  # Letter for the US store


def test_docx_numbered_lists_restart(outputs: dict[str, dict[str, object]]) -> None:
    document = docx_body(outputs[ODR.name]["docx"])  # type: ignore[arg-type]
    runs: list[list[str]] = []
    previous = None
    for paragraph in document.paragraphs:
        if paragraph.style.name != "List Number":
            previous = None
            continue
        num_id = paragraph._p.pPr.numPr.numId.val
        if num_id != previous:
            runs.append([])
        runs[-1].append(num_id)
        previous = num_id
    assert [len(r) for r in runs] == [2, 3, 3]  # causes, actions, measures
    assert len({r[0] for r in runs}) == 3  # each list has its own numbering, starting at 1
    numbering = document.part.numbering_part.element
    for run in runs:
        num = numbering.num_having_numId(run[0])
        assert num.lvlOverride_lst[0].startOverride.val == 1


def test_pip_docx_has_tables_with_header_rows(outputs: dict[str, dict[str, object]]) -> None:
    document = docx_body(outputs[PIP.name]["docx"])  # type: ignore[arg-type]
    assert len(document.tables) == 1
    table = document.tables[0]
    assert table.style.name == "Table Grid"
    assert [c.text for c in table.rows[0].cells][:3] == ["Metric", "Window", "Reported value"]
    assert "tblHeader" in table.rows[0]._tr.xml
    assert abs(document.sections[0].page_width.mm - 210) < 0.5  # A4 for the UK store


@needs_poppler
def test_pdf_metadata_paper_pages_and_reading_order(
    outputs: dict[str, dict[str, object]], tmp_path: Path
) -> None:
    data = outputs[ODR.name]["pdf"]
    info = pdf_info(data, tmp_path)  # type: ignore[arg-type]
    assert info["Title"] == "Plan of Action: Order Defect Rate"
    assert info["Author"] == "Dana Whitfield, Harbor & Pine Home Goods LLC"
    assert "letter" in info["Page size"].lower()
    assert int(info["Pages"]) <= 3
    text = pdf_text(data, tmp_path)  # type: ignore[arg-type]
    assert "Page 1 of" in text
    order = [
        text.index(h)
        for h in (
            "Root causes",
            "Corrective actions taken",
            "Preventive measures",
            "Supporting documents",
            "Closing",
        )
    ]
    assert order == sorted(order)
    uk = pdf_info(outputs[PIP.name]["pdf"], tmp_path)  # type: ignore[arg-type]
    assert "A4" in uk["Page size"]


@needs_poppler
@pytest.mark.parametrize("name", [p.name for p in SAMPLE_FILES])
def test_every_document_reads_in_a_few_minutes(
    outputs: dict[str, dict[str, object]], name: str, tmp_path: Path
) -> None:
    info = pdf_info(outputs[name]["pdf"], tmp_path)  # type: ignore[arg-type]
    assert int(info["Pages"]) <= 3
    assert len(words(outputs[name]["md"].decode())) < 1200  # type: ignore[union-attr]


def test_same_case_same_bytes() -> None:
    case = load(ODR)
    for fmt in poa.FORMATS:
        assert poa.render(case, fmt) == poa.render(case, fmt), fmt


@needs_poppler
def test_pdf_variants(tmp_path: Path) -> None:
    case = load(PIP)
    tagged = poa.render(case, "pdf", pdf_variant="pdf/ua-1")
    assert pdf_info(tagged, tmp_path)["Tagged"] == "yes"
    archival = poa.render(case, "pdf", pdf_variant="pdf/a-3b")
    assert "pdfaid:part" in pdf_xmp(archival, tmp_path)
    with pytest.raises(poa.OutputError, match="unknown PDF variant"):
        poa.render(case, "pdf", pdf_variant="pdf/z")


def test_appeal_form_text_counts_each_box(outputs: dict[str, dict[str, object]]) -> None:
    txt = outputs[ODR.name]["txt"].decode()  # type: ignore[union-attr]
    stem = poa.output_stem(outputs[ODR.name]["case"])  # type: ignore[arg-type]
    assert f"Attach the full document as well: {stem}.pdf" in txt
    blocks = re.split(r"^==== (.+) \((\d[\d,]*) of ([\d,]+) characters\) ====$", txt, flags=re.M)
    names = blocks[1::4]
    assert names == ["Root cause", "Actions taken", "Preventive steps", "Additional information"]
    for count, body in zip(blocks[2::4], blocks[4::4], strict=True):
        assert int(count.replace(",", "")) == len(body.strip("\n"))
    assert "\n1. Customer service (root cause 1). Two trained team members" in txt
    assert "**" not in txt and "\\" not in txt


@pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice is not installed",
)
def test_docx_opens_in_libreoffice(outputs: dict[str, dict[str, object]], tmp_path: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office
    source = tmp_path / "plan.docx"
    source.write_bytes(outputs[PIP.name]["docx"])  # type: ignore[arg-type]
    proc = subprocess.run(
        [
            office,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    converted = tmp_path / "plan.pdf"
    assert converted.exists(), proc.stderr
    if shutil.which("pdftotext"):
        text = pdf_text(converted.read_bytes(), tmp_path)
        assert "Late Shipment Rate" in text and "Milestones" in text
