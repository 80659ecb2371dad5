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
from docx.shared import Emu, Mm, Pt, Twips
from docx.table import Table
from docx.text.paragraph import Paragraph
from markdown_it.tree import SyntaxTreeNode

from poa.case.dates import STAMP_TIME
from poa.case.dates import stamp as date_stamp
from poa.documents.theme import REFERENCE_NAME, check_reference_docx
from poa.documents.tree import (
    Rendered,
    closing_start,
    column_shares,
    fit,
    inline_runs,
    keep_dates_together,
    table_rows,
)
from poa.errors import OutputError

HEADING_STYLES = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}
PAGE_SIZES = {"A4": (Mm(210), Mm(297)), "Letter": (Mm(215.9), Mm(279.4))}

# Named for text in scripts the body font lacks; Word and LibreOffice substitute a font of
# the same script where these are not installed.
EAST_ASIAN_FONT = "Noto Sans CJK SC"
COMPLEX_SCRIPT_FONT = "Arial"


def write_docx(rendered: Rendered, theme: Path | None = None) -> bytes:
    """The rendered document as DOCX bytes; the theme's reference.docx gives styles,
    header and footer. Same input, same bytes."""
    reference = theme / REFERENCE_NAME if theme else None
    if reference and reference.is_file():
        check_reference_docx(reference)
        document = docx.Document(str(reference))
    else:
        document = docx.Document()
        _builtin_typography(document)
    _set_paragraph_defaults(document)
    _clear_body(document)
    _set_page(document, rendered.paper)
    _set_properties(document, rendered)
    writer = _Writer(document, rendered)
    start = closing_start(rendered.tree)
    writer.blocks(rendered.tree.children[:start])
    before = len(document.paragraphs)
    writer.blocks(rendered.tree.children[start:])
    _keep_together(document.paragraphs[before:])
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalise_zip(buffer.getvalue(), rendered)


def _set_paragraph_defaults(document: Document) -> None:
    # No first or last line of a paragraph alone at the top or foot of a page.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    p_pr_default = defaults.find(qn("w:pPrDefault"))
    if p_pr_default is None:
        p_pr_default = OxmlElement("w:pPrDefault")
        defaults.append(p_pr_default)
    p_pr = p_pr_default.find(qn("w:pPr"))
    if p_pr is None:
        p_pr = OxmlElement("w:pPr")
        p_pr_default.append(p_pr)
    if p_pr.find(qn("w:widowControl")) is None:
        p_pr.insert(0, OxmlElement("w:widowControl"))


def _builtin_typography(document: Document) -> None:
    """The built-in look: 10pt body, tight spacing, and fonts named for East Asian and
    complex scripts (Arabic, Hebrew, Thai, Devanagari) where the template left them to its
    theme, which names none."""
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        for theme_attr, attr, font in (
            ("w:eastAsiaTheme", "w:eastAsia", EAST_ASIAN_FONT),
            ("w:cstheme", "w:cs", COMPLEX_SCRIPT_FONT),
        ):
            fonts.attrib.pop(qn(theme_attr), None)
            fonts.set(qn(attr), font)
    styles = {style.name: style for style in document.styles}
    normal = styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(5)
    normal.paragraph_format.line_spacing = 1.1
    for name, size, before, after in (
        ("Title", 18, 0, 6),
        ("Heading 1", 12.5, 10, 3),
        ("Heading 2", 11, 6, 2),
        ("Heading 3", 10.5, 5, 2),
    ):
        style = styles[name]
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)


def _keep_together(paragraphs: list[Paragraph]) -> None:
    # The closing request and the signature block never split across pages.
    for index, paragraph in enumerate(paragraphs):
        paragraph.paragraph_format.keep_together = True
        if index < len(paragraphs) - 1:
            paragraph.paragraph_format.keep_with_next = True


def _clear_body(document: Document) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _set_page(document: Document, paper: str) -> None:
    width, height = PAGE_SIZES[paper]
    for section in document.sections:
        section.page_width, section.page_height = width, height
        section.left_margin = section.right_margin = Mm(19)
        section.top_margin, section.bottom_margin = Mm(17), Mm(18)
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

    def __init__(self, document: Document, rendered: Rendered) -> None:
        self.document = document
        self.chart = rendered.chart_png
        self.caption = rendered.chart_caption
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
            self.add_chart()
        elif kind == "hr":
            self.paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind in ("code_block", "fence"):
            self.paragraph("No Spacing").add_run(node.content.rstrip("\n"))
        else:
            self.blocks(node.children, depth)

    def add_chart(self) -> None:
        """The health chart, once, after the first table, as wide as the text."""
        if self.chart is None:
            return
        section = self.document.sections[-1]
        page, left, right = section.page_width, section.left_margin, section.right_margin
        assert page is not None and left is not None and right is not None  # _set_page set them
        width = Emu(page - left - right)
        self.paragraph().add_run().add_picture(io.BytesIO(self.chart), width=width)
        if self.caption:
            self.paragraph("Caption").add_run(self.caption)
        self.chart = None

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
        if style_name not in self.style_ids:
            return None  # a reference.docx without this style: the list is left unnumbered
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
        if "Table Grid" in self.style_ids:
            table.style = self.document.styles["Table Grid"]
        widths = _column_widths(self.document, node)
        _fix_widths(table, widths)
        for row_index, (header, cells) in enumerate(rows):
            row = table.rows[row_index]
            if header:
                _repeat_header(row)
            for col, cell_node in enumerate(cells):
                row.cells[col].width = widths[col]
                paragraph = row.cells[col].paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(0)
                if cell_node.type == "inline":
                    self.runs(paragraph, cell_node)
                if header:
                    for run in paragraph.runs:
                        run.bold = True
                for run in paragraph.runs:
                    run.font.size = Pt(9)
                    run.text = keep_dates_together(run.text)
        self.paragraph().paragraph_format.space_after = Pt(2)


def _column_widths(document: Document, node: SyntaxTreeNode) -> list[Twips]:
    """Column widths in twips, shared out by the columns' text, filling the text width."""
    section = document.sections[-1]
    page, left, right = section.page_width, section.left_margin, section.right_margin
    assert page is not None and left is not None and right is not None  # _set_page set them
    width = page.twips - left.twips - right.twips
    shares = column_shares(node)
    widths = [int(width * share) for share in shares]
    widths[-1] += width - sum(widths)
    return [Twips(w) for w in widths]


def _fix_widths(table: Table, widths: list[Twips]) -> None:
    """Fixed layout at the given widths: the table's, each grid column's (cells get theirs as
    they are filled), so Word and LibreOffice do not re-flow columns to equal widths."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(width.twips for width in widths)))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width


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
