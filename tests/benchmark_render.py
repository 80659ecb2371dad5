"""Benchmark: poa's rendering time against the bare engines' time on the same content.

For each sample and format, in one warm process:
- PDF: poa (template, Markdown tree, HTML, WeasyPrint) against WeasyPrint alone writing the same
  HTML with the same stylesheet and fonts;
- DOCX: poa (template, tree walk, python-docx, reproducible zip) against python-docx alone adding
  the same paragraphs, styles and tables and saving.
Target: poa adds no more than 10% to the engines' own time (ratio <= 1.10).

Run: python tests/benchmark_render.py [ROUNDS]
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx

import poa
from poa.documents.render import render as render_case
from poa.documents.tree import inline_runs, table_rows
from poa.documents.writers.docx_writer import HEADING_STYLES
from poa.documents.writers.html_writer import write_html
from poa.documents.writers.pdf_writer import pdf_engine
from poa.resources import default_theme

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.10


def best(fn: Callable[[], object], rounds: int) -> float:
    """The fastest of several runs: the least disturbed by the rest of the machine."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def bare_docx(ops: list[tuple[str, object]]) -> bytes:
    """python-docx alone: the same paragraphs and tables, no tree, no templates."""
    document = docx.Document()
    for kind, payload in ops:
        if kind == "table":
            rows = payload  # type: ignore[assignment]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[arg-type]
            table.style = document.styles["Table Grid"]
            for r, cells in enumerate(rows):  # type: ignore[arg-type]
                for c, text in enumerate(cells):
                    table.rows[r].cells[c].paragraphs[0].add_run(text)
        else:
            style, runs = payload  # type: ignore[misc]
            paragraph = document.add_paragraph(style=style)
            for text, bold in runs:
                paragraph.add_run(text).bold = bold or None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_ops(rendered: poa.Rendered) -> list[tuple[str, object]]:
    """The paragraphs and tables poa's DOCX writer would add, extracted beforehand."""
    ops: list[tuple[str, object]] = []

    def runs(inline: object) -> list[tuple[str, bool]]:
        return [(r.text, r.bold) for r in inline_runs(inline) if not r.newline]  # type: ignore[arg-type]

    for node in rendered.tree.children:
        if node.type == "heading":
            ops.append(("p", (HEADING_STYLES.get(node.tag, "Heading 3"), runs(node.children[0]))))
        elif node.type == "paragraph":
            ops.append(("p", ("Normal", runs(node.children[0]))))
        elif node.type in ("ordered_list", "bullet_list"):
            style = "List Number" if node.type == "ordered_list" else "List Bullet"
            for item in node.children:
                ops.append(("p", (style, runs(item.children[0].children[0]))))
        elif node.type == "table":
            rows = [
                ["".join(t for t, _ in runs(c)) for c in cells] for _, cells in table_rows(node)
            ]
            ops.append(("table", rows))
    return ops


def main(rounds: int = 5) -> None:
    theme = default_theme()
    engine = pdf_engine(theme.resolve())
    samples = sorted((ROOT / "samples").glob("*.yaml"))
    cases = [poa.load_case(p) for p in samples]
    totals = {"pdf": [0.0, 0.0], "docx": [0.0, 0.0]}
    for case in cases:
        render_case(case, "pdf")  # warm up fonts, stylesheets and templates
        rendered = poa.render_markdown(case)
        html = write_html(rendered)
        size = engine.page_size(rendered.paper)

        def bare_pdf(html: str = html, size: object = size) -> bytes:
            document = engine.weasyprint.HTML(
                string=html, base_url=theme.as_uri() + "/", url_fetcher=engine.fetcher
            )
            return document.write_pdf(
                stylesheets=[engine.stylesheet, size],  # type: ignore[no-any-return]
                font_config=engine.fonts,
            )

        ops = docx_ops(rendered)
        totals["pdf"][0] += best(lambda case=case: render_case(case, "pdf"), rounds)
        totals["pdf"][1] += best(bare_pdf, rounds)
        totals["docx"][0] += best(lambda case=case: render_case(case, "docx"), rounds)
        totals["docx"][1] += best(lambda ops=ops: bare_docx(ops), rounds)
    print(f"{len(cases)} samples, best of {rounds} runs each, one warm process")
    for fmt, (ours, bare) in totals.items():
        ratio = ours / bare
        verdict = "meets" if ratio <= TARGET else "misses"
        print(
            f"{fmt}: poa {ours * 1000 / len(cases):.1f} ms/case, engine alone "
            f"{bare * 1000 / len(cases):.1f} ms/case, ratio {ratio:.3f} "
            f"({verdict} the {TARGET:.2f} target)"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
