"""Rendering many cases: worker processes, work skipped when nothing changed, results as data.

Every case is isolated: one that cannot be read, validated, rendered or written is a failed
Result naming it, and the others go on; within a case each format fails on its own."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from poa.case.files import find_case_files, parse_case
from poa.case.model import Case
from poa.catalog import Catalog, load_catalog
from poa.checks.findings import Severity
from poa.checks.review import Reviewer
from poa.documents.formats import DEFAULT_FORMATS, Format
from poa.documents.library import TemplateLibrary
from poa.documents.render import output_stem
from poa.documents.theme import check_theme
from poa.errors import InputError, InternalError, OutputError, PoaError, UsageError
from poa.outputs.atomic import remove_stale_parts
from poa.outputs.files import output_names
from poa.outputs.lock import FolderLock
from poa.outputs.manifest import MANIFEST, Manifest
from poa.renderer import Outcome, start_worker
from poa.resources import default_theme
from poa.textfile import decode, read_bytes
from poa.version import version
from poa.workers import Crashed, Died, Pool


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
    # The reviewer's checks run first: a case with errors (or warnings, when strict) is
    # held back. Off by default for library callers; `poa render` switches it on.
    run_checks: bool = False
    strict: bool = False
    # How long to wait for another run writing to the same output folder.
    lock_wait: float = 120.0

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
    HELD = "held"  # held back by the reviewer's checks


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
    findings: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> str:
        """One line of JSON for scripts."""
        return json.dumps(asdict(self), sort_keys=True)


def jobs_for(paths: Iterable[str | Path]) -> tuple[list[Job], list[InputError]]:
    """Case files named or found under folders, each with the sub-folder it mirrors."""
    jobs: list[Job] = []
    errors: list[InputError] = []
    seen: set[str] = set()
    for raw in paths:
        base = Path(raw)
        found, problems = find_case_files([base])
        errors += problems
        for path in found:
            real = os.path.realpath(path)
            if real not in seen:
                seen.add(real)
                folder = path.parent.relative_to(base).as_posix() if path != base else "."
                jobs.append(Job(path, "" if folder == "." else folder))
    return jobs, errors


def inputs_key(options: Options, library: TemplateLibrary, catalog: Catalog) -> str:
    """A hash of everything besides the case file that shapes its documents."""
    hasher = hashlib.sha256()
    hasher.update(json.dumps([version(), options.formats, options.pdf_variant]).encode())
    folders = [*library.folders, library.builtin, options.theme or default_theme()]
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            hasher.update(path.relative_to(folder).as_posix().encode())
            try:
                hasher.update(path.read_bytes())
            except OSError as exc:
                raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    for issue in catalog:
        hasher.update(issue.model_dump_json().encode())
    return hasher.hexdigest()


Task = tuple[Job, str, Case, list[str], dict[str, Any]]


@dataclass
class _Run:
    """What preparing the cases of one run shares."""

    options: Options
    manifest: Manifest
    shared: str
    catalog: Catalog
    reviewer: Reviewer
    claimed: dict[str, str] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)


def render_batch(
    jobs: list[Job], options: Options, workers: int = 1, fail_fast: bool = False
) -> Generator[Result, None, None]:
    """Render every job, yielding a Result as each finishes; stop at a failure if asked.

    The output folder is locked for the run; only PoaError comes out. Close the iterator
    (or let it finish) to stop the workers and release the folder."""
    try:
        yield from _batch(jobs, options, workers, fail_fast)
    except PoaError:
        raise
    except Exception as exc:  # Ctrl-C, SIGTERM and closing are BaseExceptions: they pass
        raise InternalError(
            f"the batch stopped ({exc.__class__.__name__}: {exc}): this is a fault in poa; "
            "please report it"
        ) from exc


def _batch(
    jobs: list[Job], options: Options, workers: int, fail_fast: bool
) -> Generator[Result, None, None]:
    catalog = load_catalog(options.catalogs)
    library = TemplateLibrary(options.templates)
    root = options.output
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{root}: cannot create the output folder ({exc.strerror})") from None
    with FolderLock(root, options.lock_wait):
        manifest = Manifest.load(root)
        remove_stale_parts(root)
        key = inputs_key(options, library, catalog)
        run = _Run(options, manifest, key, catalog, Reviewer(catalog, options.today))
        run.owners = manifest.owners()
        notice = _manifest_notice(root, manifest)
        prepared = (_prepare(job, run) for job in jobs)
        stream = _in_process if workers <= 1 else _in_pool
        try:
            for result in stream(prepared, options, manifest, workers):
                if notice:
                    result.warnings.insert(0, notice)
                    notice = ""
                yield result
                if fail_fast and result.status is Status.FAILED:
                    return
        finally:
            manifest.save()


def _manifest_notice(root: Path, manifest: Manifest) -> str:
    if not manifest.unreadable:
        return ""
    lines = "line" if manifest.unreadable == 1 else "lines"
    return (
        f"{root / MANIFEST}: {manifest.unreadable} {lines} could not be read and were ignored; "
        "the cases they described are rendered again"
    )


def _prepare(job: Job, run: _Run) -> Result | Task:
    """A case's Result when it needs no rendering (invalid or unchanged), else its Task. The
    file is read once; it is validated even when unchanged, since validity also depends on
    the date and the catalog."""
    name = str(job.path)
    options = run.options
    try:
        raw = read_bytes(job.path)
        text = decode(raw, name)
        case, checked = _review(job, text, run)
    except PoaError as exc:
        return Result(name, Status.FAILED, problems=_lines(name, exc))
    if isinstance(checked, Result):
        return checked
    key = hashlib.sha256(run.shared.encode() + raw).hexdigest()
    ident = os.path.realpath(job.path)
    record = run.manifest.cases.get(ident)
    if (
        not options.force
        and record
        and record["key"] == key
        and run.manifest.outputs_intact(record["outputs"])
    ):
        for output in record["outputs"]:
            run.claimed[output] = name
        return Result(name, Status.SKIPPED, outputs=list(record["outputs"]), **checked)
    names = output_names(job.folder, output_stem(case, run.catalog), options.formats)
    try:
        for output in names:
            _check_claim(output, name, ident, run)
    except PoaError as exc:
        return Result(name, Status.FAILED, problems=_lines(name, exc))
    for output in names:
        run.claimed[output] = name
    return job, key, case, names, checked


def _review(job: Job, text: str, run: _Run) -> tuple[Case, Result | dict[str, Any]]:
    """The case, and either the Result of a case the checks hold back or what the checks
    found (warnings to print, findings for JSON). Checks run every time, even on a case
    that is unchanged, so their findings are never hidden by the skip."""
    name = str(job.path)
    options = run.options
    if not options.run_checks:
        case = parse_case(text, name, catalog=run.catalog, today=options.today)
        return case, {}
    depth = len(Path(job.folder).parts) if job.folder else 0
    review = run.reviewer.text(text, name, job.path.parent, job.path.parents[depth])
    if review.case is None:
        raise review.error or InternalError(f"{name}: could not be checked")
    findings = [{"case": name, **f.to_dict()} for f in review.report.findings]
    blocking = review.blocking(options.strict)
    if blocking:
        problems = [str(f) for f in blocking]
        problems.append(
            f"{name}: held back by checks (see `poa check {name}`; --no-check renders anyway)"
        )
        return review.case, Result(name, Status.HELD, problems=problems, findings=findings)
    shown = [str(f) for f in review.report.findings if f.severity is Severity.WARNING]
    return review.case, {"warnings": shown, "findings": findings}


def _check_claim(output: str, name: str, ident: str, run: _Run) -> None:
    """An output belongs to one case: within this run, and across runs unless --force."""
    if run.claimed.get(output, name) != name:
        raise OutputError(
            f"{output} would be written by both {run.claimed[output]} and "
            f"{name} (documents are named by store, issue type and notice date): render one "
            "of them on its own into another folder with -o"
        )
    owner = run.owners.get(output)
    # Records from before cases were kept by their real path name them as they were given.
    taken = owner and os.path.realpath(owner) != ident and os.path.isfile(owner)
    if taken and not run.options.force:
        raise OutputError(
            f"{run.options.output / output} belongs to {owner}, rendered into this folder "
            f"before (documents are named by store, issue type and notice date): render "
            f"{name} into another folder with -o, or add --force to let it replace them"
        )


def _lines(name: str, exc: PoaError) -> list[str]:
    lines = exc.lines()
    return lines if exc.problems or lines[0].startswith(name) else [f"{name}: {lines[0]}"]


def _in_process(
    prepared: Iterator[Result | Task], options: Options, manifest: Manifest, workers: int
) -> Iterator[Result]:
    handler: Callable[[Any], Outcome] | None = None
    for item in prepared:
        if isinstance(item, Result):
            yield item
            continue
        job, _, case, names, _ = item
        handler = handler or start_worker(options)
        start = time.perf_counter()
        outcome = handler((case, names, manifest.known_for(names), job.path))
        yield _finish(item, outcome, manifest, start)


def _in_pool(
    prepared: Iterator[Result | Task], options: Options, manifest: Manifest, workers: int
) -> Iterator[Result]:
    # Cases are prepared as workers free up, so memory stays flat however long the batch.
    started: dict[int, float] = {}
    pool = Pool(workers, start_worker, (options,))
    try:
        with pool:
            exhausted = False
            while True:
                while not exhausted and pool.has_room():
                    item = next(prepared, None)
                    if item is None:
                        exhausted = True
                    elif isinstance(item, Result):
                        yield item
                    else:
                        job, _, case, names, _ = item
                        started[id(item)] = time.perf_counter()
                        pool.submit(item, (case, names, manifest.known_for(names), job.path))
                if not pool.pending:
                    return
                for task, outcome in pool.collect():
                    yield _finish(task, outcome, manifest, started.pop(id(task)))
    finally:
        # Workers stopped part-way leave temporary files; theirs alone are removed.
        remove_stale_parts(options.output, pool.pids)


def _finish(
    task: Task, outcome: Outcome | Died | Crashed, manifest: Manifest, start: float
) -> Result:
    job, key, _, names, checked = task
    name = str(job.path)
    seconds = round(time.perf_counter() - start, 3)
    if isinstance(outcome, Died | Crashed):
        reason = (
            f"the worker process rendering it {outcome.describe()}, twice; the other cases went on"
            if isinstance(outcome, Died)
            else f"rendering failed ({outcome.message})"
        )
        return Result(name, Status.FAILED, outputs=names, problems=[f"{name}: {reason}"])
    written, warnings = outcome
    problems = [f"{name}: {w.fmt}: {line}" for w in written for line in w.problems]
    if not problems and os.path.isfile(job.path):  # a pipe's contents are not kept track of
        try:
            manifest.record_case(os.path.realpath(job.path), key, names)
        except PoaError as exc:
            problems = _lines(name, exc)
    return Result(
        name,
        Status.FAILED if problems else Status.RENDERED,
        outputs=names,
        written=[w.name for w in written if w.wrote],
        problems=problems,
        seconds=seconds,
        warnings=[*checked.get("warnings", []), *(f"{name}: {w}" for w in warnings)],
        findings=checked.get("findings", []),
    )
