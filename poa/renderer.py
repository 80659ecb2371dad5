"""What a batch worker does with one case: render it to each format and write each file, a
format that fails never stopping the others."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from poa.case.model import Case
from poa.catalog import Catalog, load_catalog
from poa.documents.formats import Format
from poa.documents.library import TemplateLibrary
from poa.documents.render import document_warnings, output_stem, render, render_markdown
from poa.documents.tree import Rendered
from poa.errors import PoaError
from poa.outputs.files import WriteOutcome, write_output
from poa.resources import default_theme

if TYPE_CHECKING:
    from poa.batch import Options


@dataclass(frozen=True)
class Written:
    """What happened to one format of a case: written, unchanged, or why it failed."""

    name: str
    fmt: Format
    wrote: bool = False
    problems: tuple[str, ...] = ()


Outcome = tuple[list[Written], list[str]]  # each format's fate; warnings


def failure_lines(exc: BaseException) -> list[str]:
    """A failure as lines for the report: a PoaError as it reads, anything else by name."""
    if isinstance(exc, PoaError):
        return exc.lines()
    return [f"cannot be rendered ({exc.__class__.__name__}: {exc})"]


class Renderer:
    """Per-process state: catalog, templates, theme and engines, built once and reused."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.catalog: Catalog = load_catalog(options.catalogs)
        self.library = TemplateLibrary(options.templates)
        self.theme = options.theme or default_theme()

    def render(self, case: Case, names: list[str], known: dict[str, list[str]]) -> Outcome:
        """Render one validated case and write its outputs; a format that fails does not stop
        the others."""
        formats = self.options.formats
        try:
            rendered = render_markdown(case, catalog=self.catalog, library=self.library)
        except Exception as exc:  # every format needs the tree: all fail, with the reason
            lines = tuple(failure_lines(exc))
            return [Written(n, f, problems=lines) for f, n in zip(formats, names, strict=True)], []
        outcomes: list[Written] = []
        warnings: list[str] = []
        for fmt, name in zip(formats, names, strict=True):
            try:
                outcomes.append(self.write(case, fmt, name, rendered, known.get(name, [])))
                if fmt is Format.TXT:
                    warnings += self.box_warnings(case, rendered)
            except Exception as exc:  # this format failed; the next one is still tried
                outcomes.append(Written(name, fmt, problems=tuple(failure_lines(exc))))
        warnings += document_warnings(rendered, formats)
        return outcomes, warnings

    def write(
        self, case: Case, fmt: Format, name: str, rendered: Rendered, known: list[str]
    ) -> Written:
        """One format rendered and written."""
        options = self.options
        data = render(
            case,
            fmt,
            rendered=rendered,
            catalog=self.catalog,
            library=self.library,
            theme=self.theme,
            pdf_variant=options.pdf_variant,
        )
        outcome = write_output(options.output, name, data, known, force=options.force)
        return Written(name, fmt, wrote=outcome is WriteOutcome.WROTE)

    def box_warnings(self, case: Case, rendered: Rendered) -> list[str]:
        """A line for each appeal-form box over its character limit."""
        from poa.documents.writers.text_writer import form_boxes, load_form

        attachment = f"{output_stem(case, self.catalog)}.pdf"
        return [
            f"appeal box '{box.name}' has {box.count:,} characters, {box.over:,} over its "
            f"{box.limit:,} limit: shorten the case text or attach {attachment} "
            "and keep the box short"
            for box in form_boxes(rendered, load_form(self.library))
            if box.over
        ]


def start_worker(options: Options) -> Callable[[Any], Outcome]:
    """A worker's task handler; if its state cannot be built, every task fails saying why."""
    try:
        renderer = Renderer(options)
    except Exception as exc:
        lines = tuple(failure_lines(exc))

        def failed(task: Any) -> Outcome:
            _, names, _ = task
            formats = options.formats
            return [Written(n, f, problems=lines) for f, n in zip(formats, names, strict=True)], []

        return failed
    return lambda task: renderer.render(*task)
