"""The document tree: Markdown parsed once, and the helpers every writer walks it with."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
# A date written out with spaces in it: "26 September 2026", "26. Sept. 2026", "September 26,
# 2026". Numeric dates (2026-09-26, 26/09/2026) have no space to break at already.
DATE_PHRASE = re.compile(
    rf"\b\d{{1,2}}\.?[ \t]+{_MONTH}[ \t]+\d{{4}}\b|\b{_MONTH}[ \t]+\d{{1,2}},?[ \t]+\d{{4}}\b"
)
NO_BREAK_SPACE = "\u00a0"


def keep_dates_together(text: str) -> str:
    """The text with the spaces inside each written-out date made non-breaking, so a narrow
    table column does not split a date over two or three lines."""
    return DATE_PHRASE.sub(lambda m: re.sub(r"[ \t]+", NO_BREAK_SPACE, m.group(0)), text)


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
    fields: tuple[tuple[str, str], ...] = ()
    """Every text value of the case with its field path, to name a field in a warning."""
    notes: tuple[str, ...] = ()
    """Warnings found while rendering, each naming its field."""
    chart_png: bytes | None = None
    """A health chart (PNG) drawn from the case's own counts, placed after the first table;
    passed beside the tree because the Markdown parser never loads images."""
    chart_caption: str = ""


PROPERTY_LIMIT = 255  # Word's limit for a document property; PDF metadata follows it too


def fit(text: str, limit: int = PROPERTY_LIMIT) -> str:
    """Text on one line within `limit` characters: cut at a word boundary where one is near,
    with an ellipsis when anything was left out."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = limit - 1
    space = text.rfind(" ", 0, cut + 1)
    if space >= limit // 2:
        cut = space
    while cut > 0 and unicodedata.combining(text[cut]):
        cut -= 1  # never split a letter from its accent
    return text[:cut].rstrip(" ,;:-") + "…"


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


def column_shares(node: SyntaxTreeNode, line: int = 100) -> list[float]:
    """Each column's share of a table's width, from its text: every column gets room for its
    longest word (up to a point: long tokens wrap anywhere), and the rest of a `line` of
    characters goes to the columns with the most text."""
    rows = [[plain_text(cell) for cell in cells] for _, cells in table_rows(node)]
    count = max((len(cells) for cells in rows), default=0)
    padding = 3  # a cell's padding, and room for wide or bold letters, in characters
    mins, maxs = [], []
    for col in range(count):
        texts = [cells[col] for cells in rows if col < len(cells)]
        # A date is kept on one line, so it counts as one word.
        word = max(
            (len(w) for t in texts for w in [*t.split(), *DATE_PHRASE.findall(t)]), default=1
        )
        low = min(max(word, 3), 18) + padding
        mins.append(low)
        maxs.append(max(max((len(t) for t in texts), default=1) + padding, low))
    if not count:
        return []
    if sum(maxs) <= line:
        widths = [float(w) for w in maxs]
    else:
        extra = max(line - sum(mins), 0)
        spread = sum(high - low for low, high in zip(mins, maxs, strict=True)) or 1
        widths = [low + extra * (high - low) / spread for low, high in zip(mins, maxs, strict=True)]
    total = sum(widths)
    return [w / total for w in widths]


def closing_start(tree: SyntaxTreeNode, most: int = 4) -> int:
    """Where the blocks that must stay on one page begin: the last section (its heading, the
    request and the signature) when it is short, else its last two blocks."""
    blocks = tree.children
    last = max(
        (i for i, b in enumerate(blocks) if b.type == "heading" and b.tag == "h2"), default=0
    )
    if last and len(blocks) - last <= most:
        return last
    return max(len(blocks) - 2, 0)
