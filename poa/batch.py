"""Rendering many cases: worker processes, work skipped when nothing changed, results as data."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from poa.case.files import find_case_files, load_case
from poa.case.model import Case
from poa.catalog import Catalog, load_catalog
from poa.documents.formats import DEFAULT_FORMATS, Format
from poa.documents.library import TemplateLibrary
from poa.documents.render import document_warnings, output_stem, render, render_markdown
from poa.documents.theme import check_theme
from poa.documents.tree import Rendered
from poa.errors import InputError, OutputError, PoaError, UsageError
from poa.outputs.files import WriteOutcome, output_names, write_output
from poa.outputs.manifest import Manifest
from poa.resources import default_theme
from poa.version import version

Outcome = tuple[list[WriteOutcome], list[str]]  # what happened to each output; warnings


@dataclass(frozen=True)
class Options:
    """What every case in a batch is rendered with."""

    output: Path
    formats: tuple[Format, ...] = DEFAULT_FORMATS
    theme: Path | None = None
    templates: tuple[str, ...] = ()
    catalogs: tuple[str, ...] = ()
    pdf_variant: str | None = None
    force: bool = False
    today: date | None = None

    def check(self) -> None:
        """Refuse an unknown PDF variant or a folder that is not a theme, before any work."""
        if self.pdf_variant and Format.PDF in self.formats:
            from poa.documents.writers.pdf_writer import PDF_VARIANTS

            if self.pdf_variant not in PDF_VARIANTS:
                raise UsageError(
                    f"unknown --pdf-variant {self.pdf_variant!r}: use one of "
                    f"{', '.join(PDF_VARIANTS)}"
                )
        theme = self.theme or default_theme()
        if not (theme / "theme.css").is_file():
            raise UsageError(f"{theme}: not a theme folder (it needs a theme.css)")
        check_theme(theme)


@dataclass(frozen=True)
class Job:
    """One case file and the folder, relative to the output, its documents go into."""

    path: Path
    folder: str = ""


class Status(StrEnum):
    """What happened to one case in a batch."""

    RENDERED = "rendered"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass
class Result:
    """What happened to one case: rendered, skipped (unchanged) or failed."""

    case: str
    status: Status
    outputs: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_json(self) -> str:
        """One line of JSON for scripts."""
        return json.dumps(asdict(self), sort_keys=True)


def jobs_for(paths: Iterable[str | Path]) -> tuple[list[Job], list[InputError]]:
    """Case files named or found under folders, each with the sub-folder it mirrors."""
    jobs: list[Job] = []
    errors: list[InputError] = []
    seen: set[Path] = set()
    for raw in paths:
        base = Path(raw)
        found, problems = find_case_files([base])
        errors += problems
        for path in found:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                folder = path.parent.relative_to(base).as_posix() if base.is_dir() else "."
                jobs.append(Job(path, "" if folder == "." else folder))
    return jobs, errors


class _Worker:
    """Per-process state: catalog, templates, theme and engines, built once and reused."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.catalog: Catalog = load_catalog(options.catalogs)
        self.library = TemplateLibrary(options.templates)
        self.theme = options.theme or default_theme()

    def render(self, case: Case, names: list[str], known: dict[str, list[str]]) -> Outcome:
        """Render one validated case and write its outputs; say what happened to each."""
        rendered = render_markdown(case, catalog=self.catalog, library=self.library)
        outcomes = []
        warnings: list[str] = []
        for fmt, name in zip(self.options.formats, names, strict=True):
            data = render(
                case,
                fmt,
                rendered=rendered,
                library=self.library,
                theme=self.theme,
                pdf_variant=self.options.pdf_variant,
            )
            outcomes.append(
                write_output(
                    self.options.output,
                    name,
                    data,
                    known.get(name, []),
                    force=self.options.force,
                )
            )
            if fmt is Format.TXT:
                warnings += self.box_warnings(case, rendered)
        warnings += document_warnings(rendered, self.options.formats)
        return outcomes, warnings

    def box_warnings(self, case: Case, rendered: Rendered) -> list[str]:
        """A line for each appeal-form box over its character limit."""
        from poa.documents.writers.text_writer import form_boxes, load_form

        return [
            f"appeal box '{box.name}' has {box.count:,} characters, {box.over:,} over its "
            f"{box.limit:,} limit: shorten the case text or attach {output_stem(case)}.pdf "
            "and keep the box short"
            for box in form_boxes(rendered, load_form(self.library))
            if box.over
        ]


_STATE: _Worker | None = None


def _init_worker(options: Options) -> None:
    global _STATE
    _STATE = _Worker(options)


def _run_task(case: Case, names: list[str], known: dict[str, list[str]]) -> Outcome:
    assert _STATE is not None
    return _STATE.render(case, names, known)


def inputs_key(options: Options, library: TemplateLibrary, catalog: Catalog) -> str:
    """A hash of everything besides the case file that shapes its documents."""
    hasher = hashlib.sha256()
    hasher.update(json.dumps([version(), options.formats, options.pdf_variant]).encode())
    folders = [*library.folders, library.builtin, options.theme or default_theme()]
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            hasher.update(path.relative_to(folder).as_posix().encode())
            hasher.update(path.read_bytes())
    for issue in catalog:
        hasher.update(issue.model_dump_json().encode())
    return hasher.hexdigest()


Task = tuple[Job, str, Case, list[str]]


def render_batch(
    jobs: list[Job], options: Options, workers: int = 1, fail_fast: bool = False
) -> Iterator[Result]:
    """Render every job, yielding a Result as each finishes; stop at a failure if asked."""
    catalog = load_catalog(options.catalogs)
    library = TemplateLibrary(options.templates)
    manifest = Manifest.load(options.output)
    manifest.clean_partial_files()
    shared = inputs_key(options, library, catalog)
    claimed: dict[str, str] = {}
    prepared = (_prepare(job, options, manifest, shared, catalog, claimed) for job in jobs)
    run = _in_process if workers <= 1 else _in_pool
    try:
        for result in run(prepared, options, manifest, workers):
            yield result
            if fail_fast and result.status is Status.FAILED:
                return
    finally:
        manifest.save()


def _prepare(
    job: Job,
    options: Options,
    manifest: Manifest,
    shared: str,
    catalog: Catalog,
    claimed: dict[str, str],
) -> Result | Task:
    """A case's Result when it needs no rendering (unchanged or invalid), else its Task."""
    name = str(job.path)
    try:
        raw = job.path.read_bytes()
    except OSError as exc:
        return Result(name, Status.FAILED, problems=[f"{name}: cannot be read ({exc.strerror})"])
    key = hashlib.sha256(shared.encode() + raw).hexdigest()
    record = manifest.cases.get(name)
    if (
        not options.force
        and record
        and record["key"] == key
        and manifest.outputs_intact(record["outputs"])
    ):
        for output in record["outputs"]:
            claimed[output] = name
        return Result(name, Status.SKIPPED, outputs=list(record["outputs"]))
    try:
        case = load_case(job.path, catalog=catalog, today=options.today)
        stem = output_stem(case)
        names = output_names(job.folder, stem, options.formats)
        for output in names:
            if claimed.get(output, name) != name:
                raise OutputError(
                    f"{output} would be written by both {claimed[output]} and "
                    f"{name}: give one case another store name, date or issue type"
                )
        for output in names:
            claimed[output] = name
    except PoaError as exc:
        return Result(name, Status.FAILED, problems=_lines(name, exc))
    return job, key, case, names


def _lines(name: str, exc: PoaError) -> list[str]:
    return [str(p) for p in exc.problems] or [f"{name}: {exc.message}"]


def _in_process(
    prepared: Iterator[Result | Task], options: Options, manifest: Manifest, workers: int
) -> Iterator[Result]:
    state: _Worker | None = None
    for item in prepared:
        if isinstance(item, Result):
            yield item
            continue
        job, key, case, names = item
        state = state or _Worker(options)
        start = time.perf_counter()
        future: Future[Outcome] = Future()
        try:
            future.set_result(state.render(case, names, manifest.known_for(names)))
        except Exception as exc:  # reported as the case's failure by _finish
            future.set_exception(exc)
        yield _finish(job, key, names, future, manifest, start)


def _in_pool(
    prepared: Iterator[Result | Task], options: Options, manifest: Manifest, workers: int
) -> Iterator[Result]:
    # Cases are prepared and submitted a few at a time, so memory stays flat however long
    # the batch, and the workers start while the rest is still being read.
    window = workers * 4
    pool: ProcessPoolExecutor | None = None
    running: dict[Future[Outcome], tuple[Task, float]] = {}
    try:
        exhausted = False
        while True:
            while not exhausted and len(running) < window:
                item = next(prepared, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, Result):
                    yield item
                else:
                    if pool is None:
                        pool = ProcessPoolExecutor(
                            max_workers=workers, initializer=_init_worker, initargs=(options,)
                        )
                    _, _, case, names = item
                    future = pool.submit(_run_task, case, names, manifest.known_for(names))
                    running[future] = (item, time.perf_counter())
            if not running:
                return
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                (job, key, _, names), start = running.pop(future)
                yield _finish(job, key, names, future, manifest, start)
    finally:
        if pool is not None:
            for future in running:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)


def _finish(
    job: Job, key: str, names: list[str], future: Future[Outcome], manifest: Manifest, start: float
) -> Result:
    name = str(job.path)
    seconds = round(time.perf_counter() - start, 3)
    try:
        outcomes, warnings = future.result()
    except PoaError as exc:
        return Result(
            name, Status.FAILED, outputs=names, problems=_lines(name, exc), seconds=seconds
        )
    except Exception as exc:  # a renderer bug must not stop the batch; report it as a failure
        message = f"{name}: rendering failed ({exc.__class__.__name__}: {exc})"
        return Result(name, Status.FAILED, outputs=names, problems=[message], seconds=seconds)
    manifest.record_case(name, key, names)
    written = [n for n, o in zip(names, outcomes, strict=True) if o is WriteOutcome.WROTE]
    return Result(
        name,
        Status.RENDERED,
        outputs=names,
        written=written,
        seconds=seconds,
        warnings=[f"{name}: {w}" for w in warnings],
    )
