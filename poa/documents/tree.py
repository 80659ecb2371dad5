"""The document tree: Markdown parsed once, and the helpers every writer walks it with."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode


@dataclass(frozen=True)
class Rendered:
    """A case rendered to Markdown, with the tree and the facts writers need."""

    markdown: str
    tree: SyntaxTreeNode
    title: str
    author: str
    subject: str
    keywords: str
    created: date
    paper: str
    language: str


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """CommonMark with tables; no raw HTML, no images, no autolinks."""
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable("table")
    parser.disable(["image", "autolink", "html_inline", "html_block"])
    return parser


def parse_markdown(text: str) -> SyntaxTreeNode:
    """The document tree of a Markdown text."""
    return SyntaxTreeNode(markdown_parser().parse(text))


@dataclass(frozen=True)
class Run:
    """A piece of inline text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    newline: bool = False


def inline_runs(node: SyntaxTreeNode, bold: bool = False, italic: bool = False) -> Iterator[Run]:
    """The text runs of an inline node, in order."""
    for child in node.children:
        kind = child.type
        if kind == "text":
            yield Run(child.content, bold, italic)
        elif kind == "code_inline":
            yield Run(child.content, bold, italic, code=True)
        elif kind in ("softbreak",):
            yield Run(" ", bold, italic)
        elif kind == "hardbreak":
            yield Run("", bold, italic, newline=True)
        else:
            yield from inline_runs(child, bold or kind == "strong", italic or kind == "em")


def plain_text(node: SyntaxTreeNode) -> str:
    """All text below a node, inline breaks as spaces."""
    if node.type == "inline":
        return "".join(r.text if not r.newline else "\n" for r in inline_runs(node))
    return " ".join(plain_text(child) for child in node.children)


def sections(tree: SyntaxTreeNode) -> list[tuple[str, list[SyntaxTreeNode]]]:
    """The tree split at level-2 headings: (heading text, blocks), the preamble first as ''."""
    result: list[tuple[str, list[SyntaxTreeNode]]] = [("", [])]
    for block in tree.children:
        if block.type == "heading" and block.tag == "h2":
            result.append((plain_text(block), []))
        else:
            result[-1][1].append(block)
    return result


def table_rows(node: SyntaxTreeNode) -> Sequence[tuple[bool, list[SyntaxTreeNode]]]:
    """A table's rows as (is header, cells)."""
    rows = []
    for part in node.children:
        for row in part.children:
            rows.append(
                (
                    part.type == "thead",
                    [cell.children[0] if cell.children else cell for cell in row.children],
                )
            )
    return rows
