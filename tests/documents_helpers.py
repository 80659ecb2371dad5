"""Reading generated documents back as a user's tools would."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import docx
import pytest
from markdown_it.tree import SyntaxTreeNode

from poa.documents.tree import plain_text

WORD = re.compile(r"[A-Za-z0-9]+")
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def unhyphenated_words(text: str) -> list[str]:
    """Words with hyphens dropped, as pdftotext joins words hyphenated at a line end."""
    return WORD.findall(text.replace("-", ""))


def tree_words(tree: SyntaxTreeNode) -> list[str]:
    """The words of every inline run of the tree, in document order."""
    found: list[str] = []

    def walk(node: SyntaxTreeNode) -> None:
        if node.type == "inline":
            found.extend(words(plain_text(node)))
        for child in node.children:
            walk(child)

    walk(tree)
    return found


def docx_body(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _paragraph_text(p: object) -> str:
    parts = []
    for node in p.iter():  # type: ignore[attr-defined]
        if node.tag.endswith("}t"):
            parts.append(node.text or "")
        elif node.tag.endswith(("}br", "}tab")):
            parts.append(" ")
    return "".join(parts)


def docx_words(data: bytes) -> list[str]:
    """Words of the body's paragraphs and table cells, in body order."""
    document = docx_body(data)
    found: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            found.extend(words(_paragraph_text(block)))
        elif block.tag.endswith("}tbl"):
            for cell_p in block.iter():
                if cell_p.tag.endswith("}p"):
                    found.extend(words(_paragraph_text(cell_p)))
    return found


def pdf_text(data: bytes, tmp: Path, layout: bool = False) -> str:
    path = tmp / "doc.pdf"
    path.write_bytes(data)
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_info(data: bytes, tmp: Path) -> dict[str, str]:
    path = tmp / "info.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def pdf_words(data: bytes, tmp: Path) -> Counter[str]:
    """Words of the PDF's text, without page footers and list markers the CSS draws."""
    text = pdf_text(data, tmp)
    text = re.sub(r"Page \d+ of \d+", " ", text)
    return Counter(unhyphenated_words(text))


def list_markers(tree: SyntaxTreeNode) -> Counter[str]:
    """The numbers a reader draws before ordered-list items (1, 2, ... per list)."""
    found: Counter[str] = Counter()

    def walk(node: SyntaxTreeNode) -> None:
        if node.type == "ordered_list":
            start = int(str(node.attrs.get("start", 1)))
            found.update(str(start + i) for i in range(len(node.children)))
        for child in node.children:
            walk(child)

    walk(tree)
    return found


def pdf_xmp(data: bytes, tmp: Path) -> str:
    path = tmp / "meta.pdf"
    path.write_bytes(data)
    args = ["pdfinfo", "-meta", str(path)]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout
