"""Rendering a case: the template to Markdown, the Markdown to the tree, the tree to a format."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from poa.case.model import Case, Kind
from poa.catalog import Catalog, load_catalog
from poa.documents.context import build_context
from poa.documents.formats import Format, parse_formats
from poa.documents.library import TemplateLibrary, default_library
from poa.documents.tree import Rendered, parse_markdown, plain_text
from poa.errors import DocumentTemplateError, only_poa_errors
from poa.resources import default_theme


def output_stem(case: Case) -> str:
    """The documents' file name (without extension), from the case: safe on every file system."""
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


def template_name(case: Case) -> str:
    """The document template for a case's kind."""
    return f"{case.kind.value}.md.j2"


def render_markdown(
    case: Case, *, catalog: Catalog | None = None, library: TemplateLibrary | None = None
) -> Rendered:
    """Render a case to Markdown and parse it into the document tree."""
    catalog = catalog or load_catalog()
    library = library or default_library()
    context = build_context(case, catalog)
    text = library.render(template_name(case), context)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    issue = context["issue"]
    market = context["marketplace"]
    tree = parse_markdown(text)
    first = tree.children[0] if tree.children else None
    if first is None or first.type != "heading":
        raise DocumentTemplateError(f"{template_name(case)}: a document must start with a # title")
    return Rendered(
        markdown=text,
        tree=tree,
        title=plain_text(first),
        author=f"{case.seller.signatory.name}, {case.seller.legal_name}",
        subject=f"{case.notification.subject} ({market.name}, merchant token {context['token']})",
        keywords=", ".join([issue.key, case.notification.marketplace, *case.notification.asins]),
        created=context["today"],
        paper=market.paper,
        language=market.language,
    )


@only_poa_errors("rendering the document")
def render(
    case: Case,
    fmt: Format | str = Format.PDF,
    *,
    rendered: Rendered | None = None,
    catalog: Catalog | None = None,
    library: TemplateLibrary | None = None,
    theme: Path | None = None,
    pdf_variant: str | None = None,
) -> bytes:
    """One output format of a validated case as bytes: 'docx', 'pdf', 'txt' (appeal-form text)
    or 'md'. Pass `rendered` to reuse a tree already built for another format."""
    fmt = parse_formats(str(fmt))[0]
    library = library or default_library()
    rendered = rendered or render_markdown(case, catalog=catalog, library=library)
    if fmt is Format.MD:
        return rendered.markdown.encode()
    if fmt is Format.TXT:
        from poa.documents.writers.text_writer import load_form, write_form_text

        return write_form_text(rendered, load_form(library), f"{output_stem(case)}.pdf").encode()
    if fmt is Format.DOCX:
        from poa.documents.writers.docx_writer import write_docx

        return write_docx(rendered, theme or default_theme())
    from poa.documents.writers.pdf_writer import write_pdf

    return write_pdf(rendered, theme or default_theme(), pdf_variant)
