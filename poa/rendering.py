"""Rendering a case to each output format: the one entry point the CLI and API share."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .catalog import Catalog, builtin_dir, load_catalog
from .documents import Rendered, TemplateLibrary, default_library, render_markdown
from .errors import OutputError
from .models import Case, Kind

FORMATS = ("docx", "pdf", "txt", "md")
DEFAULT_FORMATS = ("docx", "pdf")


def default_theme() -> Path:
    """The built-in theme folder."""
    return builtin_dir() / "themes" / "default"


def output_stem(case: Case) -> str:
    """A file name (without extension) derived from the case: safe on every file system."""
    kind = "poa" if case.kind is Kind.PLAN_OF_ACTION else "pip"
    parts = [
        case.seller.store_name,
        case.notification.issue_type,
        case.notification.received_on.isoformat(),
        kind,
    ]
    ascii_parts = [
        unicodedata.normalize("NFKD", p).encode("ascii", "ignore").decode() for p in parts
    ]
    slug = "-".join(re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-") for p in ascii_parts)
    return re.sub(r"-{2,}", "-", slug)[:120].strip("-") or "case"


def render_case(
    case: Case,
    fmt: str,
    *,
    rendered: Rendered | None = None,
    catalog: Catalog | None = None,
    library: TemplateLibrary | None = None,
    theme: Path | None = None,
    pdf_variant: str | None = None,
) -> bytes:
    """One output format of a case as bytes; pass `rendered` to reuse the parsed tree."""
    library = library or default_library()
    rendered = rendered or render_markdown(case, catalog=catalog or load_catalog(), library=library)
    theme = theme or default_theme()
    if fmt == "md":
        return rendered.markdown.encode()
    if fmt == "txt":
        from .text_writer import load_form, write_form_text

        return write_form_text(rendered, load_form(library), f"{output_stem(case)}.pdf").encode()
    if fmt == "docx":
        from .docx_writer import write_docx

        return write_docx(rendered, theme)
    if fmt == "pdf":
        from .pdf_writer import write_pdf

        return write_pdf(rendered, theme, pdf_variant)
    raise OutputError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def render(case: Case, fmt: str = "pdf", **options: object) -> bytes:
    """Render a validated case to 'docx', 'pdf', 'txt' (appeal-form text) or 'md'.

    Options: catalog, library (a TemplateLibrary), theme (a folder), pdf_variant.
    """
    return render_case(case, fmt, **options)  # type: ignore[arg-type]
