"""Layout: Word tables sized by their text, the signature never alone on a page, headings never
at a page's foot, and the samples on two pages."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

import poa

from .conftest import SAMPLE_FILES, TODAY, sample_data
from .documents_helpers import needs_poppler, pdf_info
from .test_document_hardening import CORPUS, pdf_boxes

PIP = "late-shipment-pip-uk.yaml"


def widths(table: Any) -> dict[str, Any]:
    """A Word table's widths as written in its XML, in twips."""
    tbl = table._tbl
    tbl_w = tbl.tblPr.find(qn("w:tblW"))
    layout = tbl.tblPr.find(qn("w:tblLayout"))
    grid = [int(col.get(qn("w:w"))) for col in tbl.tblGrid.findall(qn("w:gridCol"))]
    cells = [
        [int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in tr.findall(qn("w:tc"))]
        for tr in tbl.findall(qn("w:tr"))
    ]
    return {
        "table": (tbl_w.get(qn("w:type")), int(tbl_w.get(qn("w:w")))),
        "layout": layout.get(qn("w:type")) if layout is not None else None,
        "grid": grid,
        "cells": cells,
    }


def test_word_table_columns_follow_their_text() -> None:
    case = poa.case_from_data(sample_data(PIP), today=TODAY)
    document = docx.Document(io.BytesIO(poa.render(case, "docx")))
    section = document.sections[0]
    text_width = section.page_width.twips - section.left_margin.twips - section.right_margin.twips
    metrics = next(t for t in document.tables if t.rows[0].cells[0].text == "Metric")
    found = widths(metrics)
    assert found["layout"] == "fixed"
    assert found["table"] == ("dxa", text_width)
    assert sum(found["grid"]) == text_width
    assert all(row == found["grid"] for row in found["cells"])  # every cell as its column
    name, window, *_ = found["grid"]
    assert name > 1.5 * window  # the metric's long name gets more room than "30 days"
    assert min(found["grid"]) >= text_width * 0.08  # and no column is starved
    for table in document.tables:
        grid = widths(table)["grid"]
        assert len(set(grid)) > 1, "columns of equal width"


def test_word_closing_and_signature_stay_together_without_stranded_lines() -> None:
    case = poa.case_from_data(sample_data(), today=TODAY)
    document = docx.Document(io.BytesIO(poa.render(case, "docx")))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    closing = next(i for i, p in enumerate(paragraphs) if p.text == "Closing")
    group = paragraphs[closing:]
    assert [p.text.split("\n")[0] for p in group][-1] == "Dana Whitfield"
    assert all(p.paragraph_format.keep_with_next for p in group[:-1])
    assert all(p.paragraph_format.keep_together for p in group)
    assert not paragraphs[closing - 1].paragraph_format.keep_with_next
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:widowControl')}") is not None


def test_word_names_fonts_for_east_asian_and_complex_scripts() -> None:
    case = poa.load_case(CORPUS / "chinese-seller.yaml", today=TODAY)
    document = docx.Document(io.BytesIO(poa.render(case, "docx")))
    fonts = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"
    )
    assert fonts.get(qn("w:eastAsia")) == "Noto Sans CJK SC"
    assert fonts.get(qn("w:cs"))
    assert fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would win over the name
    assert "深圳市海港松木家居有限公司" in "\n".join(p.text for p in document.paragraphs)


def page_texts(pdf: bytes, tmp: Path) -> dict[int, list[tuple[float, str]]]:
    """Each page's words with their top edge, in reading order, without the page footer."""
    pages: dict[int, list[tuple[float, str]]] = {}
    for word in pdf_boxes(pdf, tmp):
        if word.y_min < word.height - 45:
            pages.setdefault(word.page, []).append((word.y_min, word.text))
    return pages


@needs_poppler
@pytest.mark.parametrize("extra", range(0, 42, 2))
def test_signature_never_alone_and_no_heading_at_a_page_foot(extra: int, tmp_path: Path) -> None:
    """The case grows two evidence items (about four lines) at a time for more than a page, so
    the closing falls at every place on a page in turn, and the signature (five lines) cannot
    slip past the sampled positions; it always shares its page with the request."""
    data = sample_data()
    for n in range(extra):
        data["evidence"].append(
            {
                "id": f"X{n}",
                "kind": "report",
                "file": f"weekly-report-{n}.pdf",
                "proves": "The weekly check of the inbox and the packing standard was done.",
            }
        )
    case = poa.case_from_data(data, today=TODAY)
    pages = page_texts(poa.render(case, "pdf"), tmp_path)
    closing_page = next(p for p, words in pages.items() if ("Closing" in [w for _, w in words]))
    closing_words = " ".join(w for _, w in pages[closing_page])
    assert "We ask you to" in closing_words
    assert "Dana Whitfield" in closing_words and "accounts@harborpine.example" in closing_words
    headings = {"Root", "Corrective", "Preventive", "Supporting", "Closing"}
    for words in pages.values():
        last_line_top = max(top for top, _ in words)
        last_line = [w for top, w in words if abs(top - last_line_top) < 2]
        assert last_line[0] not in headings, f"a page ends with the heading {last_line}"


@needs_poppler
def test_long_table_repeats_its_header_on_the_next_page(tmp_path: Path) -> None:
    data = sample_data(PIP)
    data["metrics"] += [
        {"metric": f"check-rate-{n}", "value": 3.0, "target": 1.0, "better": "lower"}
        for n in range(60)  # an improvement plan that follows many of its own checks
    ]
    case = poa.case_from_data(data, today=TODAY)
    pages = page_texts(poa.render(case, "pdf"), tmp_path)
    with_rows = [p for p, words in pages.items() if any(w == "published" for _, w in words)]
    assert len(with_rows) >= 2
    for page in with_rows:
        assert {"Metric", "Window", "Amazon's", "internal"} <= {w for _, w in pages[page]}


@needs_poppler
@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_sample_fits_on_two_pages(path: Path, tmp_path: Path) -> None:
    case = poa.load_case(path, today=TODAY)
    assert int(pdf_info(poa.render(case, "pdf"), tmp_path)["Pages"]) <= 2


# A user's template that lists milestones in a table of five columns, the date in the
# narrowest one, beside columns of long text: a date must still read on one line.
DATED_TABLE = """\
{% set done = "Every preventive measure has run for the whole period, with its log kept" %}
{% set who = "The operations manager and the shipping lead, together, at the weekly review" %}
# {{ title }}

| Due | Metric | What is done by then | Who checks it | Notes |
| --- | --- | --- | --- | --- |
{% for milestone in case.milestones %}
| {{ milestone.due_on | date }} | {{ milestone.metric }} | {{ done }} | {{ who }} \
| {{ milestone.note or "none" }} |
{% endfor %}
| 26 September 2026 | September 26, 2026 | 3 Oct. 2026 | 12 Sept 2026 | 2026-09-26 |
"""


def test_dates_in_narrow_table_columns_stay_on_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "performance-improvement-plan.md.j2").write_text(DATED_TABLE, encoding="utf-8")
    library = poa.TemplateLibrary([folder])
    case = poa.case_from_data(sample_data(PIP), today=TODAY)
    rendered = poa.render_markdown(case, library=library)
    assert "| 20 October 2026 |" in rendered.markdown  # the Markdown keeps ordinary spaces
    # Word: the spaces inside each date are non-breaking.
    document = docx.Document(io.BytesIO(poa.render(case, "docx", library=library)))
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert "20\u00a0October\u00a02026" in cells
    assert "September\u00a026,\u00a02026" in cells and "3\u00a0Oct.\u00a02026" in cells
    # PDF: each date's words share one line: beside each month, on its line, the day just
    # before it and the year just after it.
    pdf = poa.render(case, "pdf", library=library, rendered=rendered)
    words = pdf_boxes(pdf, tmp_path)
    dates = [("20", "October"), ("5", "November"), ("5", "December"), ("26", "September")]
    for day, month in dates:
        assert any(
            around(words, box) == [day, month, "2026"] for box in words if box.text == month
        ), (day, month)


def around(words: list[Any], box: Any) -> list[str]:
    """The words just before and just after a word, on its line."""
    line = sorted((w for w in words if abs(w.y_min - box.y_min) < 1), key=lambda w: w.x_min)
    at = line.index(box)
    return [w.text for w in line[max(at - 1, 0) : at + 2]]
