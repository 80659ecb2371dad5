"""The document tree written as a Word file with real heading, list and table styles."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph
from markdown_it.tree import SyntaxTreeNode

from poa.case.dates import STAMP_TIME
from poa.case.dates import stamp as date_stamp
from poa.documents.tree import Rendered, fit, inline_runs, table_rows
from poa.errors import OutputError

HEADING_STYLES = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}
PAGE_SIZES = {"A4": (Mm(210), Mm(297)), "Letter": (Mm(215.9), Mm(279.4))}
REFERENCE_NAME = "reference.docx"


def write_docx(rendered: Rendered, theme: Path | None = None) -> bytes:
    """The rendered document as DOCX bytes; the theme's reference.docx gives styles,
    header and footer. Same input, same bytes."""
    reference = theme / REFERENCE_NAME if theme else None
    document = docx.Document(str(reference) if reference and reference.is_file() else None)
    _clear_body(document)
    _set_page(document, rendered.paper)
    _set_properties(document, rendered)
    _Writer(document).blocks(rendered.tree.children)
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalise_zip(buffer.getvalue(), rendered)


def _clear_body(document: Document) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _set_page(document: Document, paper: str) -> None:
    width, height = PAGE_SIZES[paper]
    for section in document.sections:
        section.page_width, section.page_height = width, height
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = section.bottom_margin = Cm(2.0)
        footer = section.footer
        if not any(p.text.strip() for p in footer.paragraphs):
            _page_number_footer(document, footer.paragraphs[0])


def _page_number_footer(document: Document, paragraph: Paragraph) -> None:
    if "Footer" in [s.name for s in document.styles]:
        paragraph.style = document.styles["Footer"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Page ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES")


def _field(paragraph: Paragraph, instruction: str) -> None:
    # A complex field Word and LibreOffice update when the document is laid out.
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        (None, instruction),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _set_properties(document: Document, rendered: Rendered) -> None:
    props = document.core_properties
    stamp = date_stamp(rendered.created)
    props.title = fit(rendered.title)
    props.author = fit(rendered.author)
    props.subject = fit(rendered.subject)
    props.keywords = fit(rendered.keywords)
    props.last_modified_by = fit(rendered.author)
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    props.language = rendered.language
    props.comments = "Prepared with poa"
    props.category = "Plan of Action" if "Plan of Action" in rendered.title else "Improvement plan"


class _Writer:
    """Walks the tree and appends paragraphs and tables to a document."""

    def __init__(self, document: Document) -> None:
        self.document = document
        # python-docx looks styles up by name on every paragraph; resolve each name once.
        self.style_ids = {style.name: style.style_id for style in document.styles}

    def paragraph(self, style: str | None = None) -> Paragraph:
        """A new body paragraph with a paragraph style."""
        paragraph = self.document.add_paragraph()
        if style and style != "Normal":
            paragraph._p.get_or_add_pPr().style = self.style_ids.get(style, style)
        return paragraph

    def blocks(self, nodes: list[SyntaxTreeNode], depth: int = 0) -> None:
        for node in nodes:
            self.block(node, depth)

    def block(self, node: SyntaxTreeNode, depth: int) -> None:
        kind = node.type
        if kind == "heading":
            style = HEADING_STYLES.get(node.tag, "Heading 3")
            self.runs(self.paragraph(style), node.children[0])
        elif kind == "paragraph":
            self.runs(self.paragraph(), node.children[0])
        elif kind in ("bullet_list", "ordered_list"):
            self.list(node, depth)
        elif kind == "table":
            self.table(node)
        elif kind == "hr":
            self.paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind in ("code_block", "fence"):
            self.paragraph("No Spacing").add_run(node.content.rstrip("\n"))
        else:
            self.blocks(node.children, depth)

    def runs(self, paragraph: Paragraph, inline: SyntaxTreeNode) -> None:
        for piece in inline_runs(inline):
            if piece.newline:
                paragraph.add_run().add_break()
                continue
            run = paragraph.add_run(piece.text)
            run.bold = piece.bold or None
            run.italic = piece.italic or None
            if piece.code:
                run.font.name = "Courier New"

    def list(self, node: SyntaxTreeNode, depth: int) -> None:
        ordered = node.type == "ordered_list"
        base = "List Number" if ordered else "List Bullet"
        style = base if depth == 0 else f"{base} {min(depth + 1, 3)}"
        num_id = self.restarted_numbering(style) if ordered else None
        for item in node.children:
            first = True
            for child in item.children:
                if child.type == "paragraph" and first:
                    paragraph = self.paragraph(style)
                    if num_id is not None:
                        _set_num(paragraph, num_id, depth)
                    self.runs(paragraph, child.children[0])
                    first = False
                elif child.type == "paragraph":
                    continued = self.paragraph("List Continue")
                    self.runs(continued, child.children[0])
                else:
                    self.block(child, depth + 1)

    def restarted_numbering(self, style_name: str) -> int | None:
        """A new numbering instance for the style, so each numbered list starts at 1."""
        style = self.document.styles[style_name]
        num_pr = style.element.pPr.numPr if style.element.pPr is not None else None
        if num_pr is None or num_pr.numId is None:
            return None
        numbering = self.document.part.numbering_part.element
        current = numbering.num_having_numId(num_pr.numId.val)
        new = numbering.add_num(current.abstractNumId.val)
        new.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(new.numId)

    def table(self, node: SyntaxTreeNode) -> None:
        rows = table_rows(node)
        columns = max(len(cells) for _, cells in rows)
        table = self.document.add_table(rows=len(rows), cols=columns)
        table.style = self.document.styles["Table Grid"]
        for row_index, (header, cells) in enumerate(rows):
            row = table.rows[row_index]
            if header:
                _repeat_header(row)
            for col, cell_node in enumerate(cells):
                paragraph = row.cells[col].paragraphs[0]
                if cell_node.type == "inline":
                    self.runs(paragraph, cell_node)
                if header:
                    for run in paragraph.runs:
                        run.bold = True
                for run in paragraph.runs:
                    run.font.size = Pt(9.5)
        self.paragraph()


def _set_num(paragraph: Paragraph, num_id: int, depth: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = depth
    num_pr.get_or_add_numId().val = num_id


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def _normalise_zip(data: bytes, rendered: Rendered) -> bytes:
    """Stamp every zip entry with the case's date instead of the clock python-docx used.

    The DOS time and date fields sit at fixed offsets in each local header and central
    directory record, so they are patched in place; nothing is recompressed."""
    day = rendered.created
    dos_date = ((day.year - 1980) << 9) | (day.month << 5) | day.day
    dos_time = STAMP_TIME.hour << 11 | STAMP_TIME.minute << 5
    stamp = struct.pack("<HH", dos_time, dos_date)
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        central = archive.start_dir
    for info in infos:
        out[info.header_offset + 10 : info.header_offset + 14] = stamp
    offset = central
    for _ in infos:
        if out[offset : offset + 4] != b"PK\x01\x02":
            raise OutputError("unexpected zip layout from python-docx")
        out[offset + 12 : offset + 16] = stamp
        name_len, extra_len, comment_len = struct.unpack("<HHH", out[offset + 28 : offset + 34])
        offset += 46 + name_len + extra_len + comment_len
    return bytes(out)
