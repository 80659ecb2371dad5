"""The document tree as a standalone HTML page, the input of the PDF writer."""

from __future__ import annotations

import base64
from html import escape

from markdown_it.tree import SyntaxTreeNode

from poa.documents.tree import (
    Rendered,
    closing_start,
    column_shares,
    fit,
    inline_runs,
    keep_dates_together,
    table_rows,
)


def write_html(rendered: Rendered, stylesheet: str = "") -> str:
    """A complete HTML page: metadata in the head, the tree as semantic HTML in the body."""
    meta = {
        "author": fit(rendered.author),
        "description": fit(rendered.subject),
        "keywords": fit(rendered.keywords),
        "generator": "poa",
        "dcterms.created": rendered.created.isoformat(),
        "dcterms.modified": rendered.created.isoformat(),
    }
    head = ['<meta charset="utf-8">', f"<title>{escape(fit(rendered.title))}</title>"]
    head += [f'<meta name="{name}" content="{escape(value)}">' for name, value in meta.items()]
    if stylesheet:
        head.append(f"<style>{stylesheet}</style>")
    blocks = rendered.tree.children
    start = closing_start(rendered.tree)
    parts = [_block(node) for node in blocks]
    if rendered.chart_png is not None:
        tables = [i for i, node in enumerate(blocks) if node.type == "table"]
        if tables:
            parts[tables[0]] += _chart(rendered.chart_png, rendered.chart_caption)
    body = "".join(parts[:start])
    if start < len(blocks):
        body += '<div class="closing">' + "".join(parts[start:]) + "</div>"
    return (
        f'<!DOCTYPE html>\n<html lang="{rendered.language}"><head>{"".join(head)}</head>'
        f"<body>{body}</body></html>\n"
    )


def _chart(png: bytes, caption: str) -> str:
    # Inline data, so nothing is fetched: the theme's fetcher still refuses every other URL.
    source = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    text = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return f'<figure class="chart"><img src="{source}" alt="{escape(caption)}">{text}</figure>'


def _inline(node: SyntaxTreeNode) -> str:
    parts = []
    for run in inline_runs(node):
        if run.newline:
            parts.append("<br>")
            continue
        text = escape(run.text)
        if run.code:
            text = f"<code>{text}</code>"
        if run.italic:
            text = f"<em>{text}</em>"
        if run.bold:
            text = f"<strong>{text}</strong>"
        parts.append(text)
    return "".join(parts)


def _block(node: SyntaxTreeNode) -> str:
    kind = node.type
    if kind == "heading":
        return f"<{node.tag}>{_inline(node.children[0])}</{node.tag}>"
    if kind == "paragraph":
        return f"<p>{_inline(node.children[0])}</p>"
    if kind == "bullet_list":
        return "<ul>" + "".join(_item(item) for item in node.children) + "</ul>"
    if kind == "ordered_list":
        start = int(str(node.attrs.get("start", 1)))
        attr = f' start="{start}"' if start != 1 else ""
        return f"<ol{attr}>" + "".join(_item(item) for item in node.children) + "</ol>"
    if kind == "table":
        return _table(node)
    if kind == "hr":
        return "<hr>"
    if kind in ("code_block", "fence"):
        return f"<pre>{escape(node.content)}</pre>"
    return "".join(_block(child) for child in node.children)


def _item(item: SyntaxTreeNode) -> str:
    inner = "".join(
        _inline(child.children[0]) if child.type == "paragraph" and i == 0 else _block(child)
        for i, child in enumerate(item.children)
    )
    return f"<li>{inner}</li>"


def _table(node: SyntaxTreeNode) -> str:
    head: list[str] = []
    body: list[str] = []
    for is_header, cells in table_rows(node):
        tag = "th" if is_header else "td"
        row = "".join(
            f"<{tag}>{keep_dates_together(_inline(c)) if c.type == 'inline' else ''}</{tag}>"
            for c in cells
        )
        (head if is_header else body).append(f"<tr>{row}</tr>")
    cols = "".join(f'<col style="width: {share * 100:.1f}%">' for share in column_shares(node))
    return (
        f"<table><colgroup>{cols}</colgroup><thead>{''.join(head)}</thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )
