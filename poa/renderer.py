"""What a batch worker does with one case: render it to each format and write each file, a
format that fails never stopping the others."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from poa.case.model import Case
from poa.catalog import Catalog, load_catalog
from poa.documents.context import Document
from poa.documents.formats import Format
from poa.documents.library import TemplateLibrary
from poa.documents.render import (
    document_for,
    document_warnings,
    output_stem,
    render,
    render_markdown,
)
from poa.documents.tree import Rendered
from poa.errors import InputError, PoaError
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

    def render(
        self,
        case: Case,
        names: list[str],
        known: dict[str, list[str]],
        source: Path | None = None,
    ) -> Outcome:
        """Render one validated case and write its outputs; a format that fails does not stop
        the others. `source` is the case file, whose folder a `health:` path is read from."""
        formats = self.options.formats
        chart_notes: list[str] = []
        try:
            rendered = render_markdown(case, catalog=self.catalog, library=self.library)
            if case.health and document_for(case, self.catalog) is Document.IMPROVEMENT_PLAN:
                rendered, chart_notes = with_chart(rendered, case.health, source, self.catalog)
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
        warnings += chart_notes + document_warnings(rendered, formats)
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


CHART_CAPTION = "Daily account-health metrics from {name}, as of {day}."


def health_path(health: str, source: Path | None) -> Path:
    """The CSV a case's `health:` names: an absolute path as written, else relative to the
    case file's folder and never outside that folder's tree."""
    path = Path(health).expanduser()
    if path.is_absolute():
        return path
    folder = (source.parent if source is not None else Path.cwd()).resolve()
    resolved = (folder / path).resolve()
    if not resolved.is_relative_to(folder):
        raise InputError(f"health: {health}: is outside the case's folder: name a file in it")
    return resolved


def with_chart(
    rendered: Rendered, health: str, source: Path | None, catalog: Catalog
) -> tuple[Rendered, list[str]]:
    """The plan with its health chart beside the tree, or unchanged with a warning naming the
    file and the problem when the counts cannot be read or charted."""
    from poa.health.chart import draw_chart
    from poa.health.counts import read_counts
    from poa.health.report import health_report

    try:
        path = health_path(health, source)
        report = health_report(read_counts(path), catalog=catalog)
        with tempfile.TemporaryDirectory(prefix="poa-chart-") as folder:
            png = draw_chart(report, Path(folder) / "chart.png").read_bytes()
    except PoaError as exc:
        lines = exc.lines()
        return rendered, [f"health: {health}: no chart in the plan: {line}" for line in lines]
    caption = CHART_CAPTION.format(name=Path(health).name, day=report.as_of.isoformat())
    return dataclasses.replace(rendered, chart_png=png, chart_caption=caption), []


def start_worker(options: Options) -> Callable[[Any], Outcome]:
    """A worker's task handler; if its state cannot be built, every task fails saying why."""
    try:
        renderer = Renderer(options)
    except Exception as exc:
        lines = tuple(failure_lines(exc))

        def failed(task: Any) -> Outcome:
            names = task[1]
            formats = options.formats
            return [Written(n, f, problems=lines) for f, n in zip(formats, names, strict=True)], []

        return failed
    return lambda task: renderer.render(*task)
