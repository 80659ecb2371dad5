"""Rendering a case: the template to Markdown, the Markdown to the tree, the tree to a format."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from poa.case.model import Case, Kind
from poa.case.values import BIDI_CONTROLS, UNPRINTABLE
from poa.catalog import Catalog, load_catalog
from poa.documents.context import Document, build_context, check_document, choose_document
from poa.documents.formats import Format, parse_formats
from poa.documents.library import TemplateLibrary, default_library
from poa.documents.tree import Rendered, parse_markdown, plain_text
from poa.errors import CatalogError, DocumentTemplateError, only_poa_errors
from poa.resources import default_theme

STEM_LENGTH = 120


# The last part of a file name, by document: short, and never the same for two documents.
STEM_KINDS = {
    Document.PLAN_OF_ACTION: "poa",
    Document.IMPROVEMENT_PLAN: "pip",
    Document.RETRACTION_REQUEST: "retraction-request",
    Document.COUNTER_NOTICE: "counter-notice",
    Document.COVER_NOTE: "cover-note",
    Document.INTERNAL_NOTE: "internal-note",
}


def output_stem(case: Case, catalog: Catalog | None = None) -> str:
    """The documents' file name (without extension), from the case: safe on every file system.
    A long store name is shortened first, so the issue type, date and document that tell one
    case's documents from another's are always kept."""
    kind = STEM_KINDS[document_for(case, catalog)]
    tail = f"{case.notification.received_on.isoformat()}-{kind}"
    issue = _slug(case.notification.issue_type)[: max(0, STEM_LENGTH - len(tail) - 1)]
    tail = "-".join(p for p in (issue.strip("-"), tail) if p)
    store = _slug(case.seller.store_name)[: max(0, STEM_LENGTH - len(tail) - 1)]
    return "-".join(p for p in (store.strip("-"), tail) if p)


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def document_for(case: Case, catalog: Catalog | None = None) -> Document:
    """The document a case produces: the plan, or what its issue type's route calls for
    (a retraction request, counter-notice, cover note or internal note)."""
    try:
        return choose_document(case, catalog or load_catalog())
    except CatalogError:
        # An issue type the catalog lacks is reported when the case is validated.
        return (
            Document.PLAN_OF_ACTION
            if case.kind is Kind.PLAN_OF_ACTION
            else (Document.IMPROVEMENT_PLAN)
        )


def template_name(case: Case, catalog: Catalog | None = None) -> str:
    """The document template for a case: the plan's for its kind, or the route's document."""
    return f"{document_for(case, catalog).value}.md.j2"


def render_markdown(
    case: Case, *, catalog: Catalog | None = None, library: TemplateLibrary | None = None
) -> Rendered:
    """Render a case to Markdown and parse it into the document tree."""
    catalog = catalog or load_catalog()
    library = library or default_library()
    document = choose_document(case, catalog)
    check_document(case, document)
    context = build_context(case, catalog)
    name = f"{document.value}.md.j2"
    text = library.render(name, context)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    if match := UNPRINTABLE.search(text):
        # Case text is checked when it is validated; this came from a template or the catalog.
        raise DocumentTemplateError(
            f"{name}: the document would hold U+{ord(match.group(0)):04X}, "
            "which no document can print: remove it from the template or catalog text"
        )
    fields = tuple(case_text_fields(case))
    issue = context["issue"]
    market = context["marketplace"]
    tree = parse_markdown(text)
    first = tree.children[0] if tree.children else None
    if first is None or first.type != "heading":
        raise DocumentTemplateError(f"{name}: a document must start with a # title")
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
        fields=fields,
        notes=tuple(_direction_notes(fields)),
    )


def case_text_fields(case: Case) -> Iterator[tuple[str, str]]:
    """Every text value of a case with its path, written as validate names fields."""

    def walk(value: object, path: str) -> Iterator[tuple[str, str]]:
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, f"{path}.{key}" if path else str(key))
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                yield from walk(item, f"{path}[{index}]")

    yield from walk(case.model_dump(mode="json", exclude_none=True), "")


def _direction_notes(fields: tuple[tuple[str, str], ...]) -> Iterator[str]:
    for path, text in fields:
        found = sorted({f"U+{ord(c):04X}" for c in BIDI_CONTROLS.findall(text)})
        if found:
            yield (
                f"{path}: direction control {', '.join(found)} is left out wherever this text is "
                "printed, as it changes the order text is shown in: delete it from the case"
            )


def document_warnings(rendered: Rendered, formats: Iterable[Format]) -> list[str]:
    """What the documents could not show as the case wrote it, one line each naming the field:
    direction controls left out, and, for a PDF, characters no installed font can draw."""
    warnings = list(rendered.notes)
    if Format.PDF in formats:
        from poa.documents.glyphs import missing_glyph_warnings

        warnings += missing_glyph_warnings(rendered)
    return warnings


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
        from poa.documents.writers.text_writer import load_form, write_form_text, write_text

        if not document_for(case, catalog).for_amazon_form:
            # Only a plan is pasted into the appeal form box by box; the others are sent whole.
            return write_text(rendered).encode()
        stem = output_stem(case, catalog)
        return write_form_text(rendered, load_form(library), f"{stem}.pdf").encode()
    if fmt is Format.DOCX:
        from poa.documents.writers.docx_writer import write_docx

        return write_docx(rendered, theme or default_theme())
    from poa.documents.writers.pdf_writer import write_pdf

    return write_pdf(rendered, theme or default_theme(), pdf_variant)
