"""One interview from start to documents: open or resume the case file, ask, then render."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from poa.batch import Job, Options, Result, Status, render_batch
from poa.catalog import Catalog
from poa.documents.formats import DEFAULT_FORMATS, Format
from poa.errors import InterviewCancelled, InterviewStopped, OutputError
from poa.interview.draft import default_case_path
from poa.interview.environment import Environment
from poa.interview.flow import Interview
from poa.interview.questions import current_issue
from poa.interview.terminal import Option, Prompter, Prompts

FORMAT_OPTIONS = (
    Option("Word (DOCX)", Format.DOCX, checked=True),
    Option("PDF", Format.PDF, checked=True),
    Option("Appeal-form text (TXT)", Format.TXT, checked=True),
    Option("Markdown", Format.MD),
)


@dataclass
class InterviewOutcome:
    """Where the case was saved, whether it was finished, and the documents rendered."""

    path: Path
    finished: bool
    results: list[Result] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """Whether any document failed to render."""
        return any(r.status is Status.FAILED for r in self.results)


def open_interview(
    catalog: Catalog,
    prompter: Prompts,
    today: date,
    *,
    output: Path | None = None,
    resume: Path | None = None,
    profile: Path | None = None,
) -> Interview:
    """Resume the case named by `resume`, or start one in `output` (default: a dated name);
    an existing `output` is continued only if the user agrees."""
    if resume:
        return Interview.resume(resume, catalog, prompter, today, profile)
    path = output or default_case_path(today)
    if not path.exists():
        return Interview.start(path, catalog, prompter, today, profile)
    if not prompter.confirm(f"{path} exists. Continue the case saved in it?"):
        raise OutputError(
            f"{path} exists: choose another name with -o, or continue "
            f"it with `poa interview --resume {path}`"
        )
    return Interview.resume(path, catalog, prompter, today, profile)


def run_interview(
    options: Options,
    *,
    catalog: Catalog,
    today: date,
    prompter: Prompts | None = None,
    output: Path | None = None,
    resume: Path | None = None,
    profile: Path | None = None,
) -> InterviewOutcome:
    """Ask the questions, saving after every answer, then render the documents chosen.

    Raises InterviewStopped when the seller chooses to stop and InterviewCancelled on Ctrl-C;
    both after saving the answers, with a message that says where they are. The profile is
    `profile`, else the file POA_PROFILE names, else the one in the user's config folder."""
    environment = Environment.read()
    prompter = prompter or Prompter(environment=environment)
    profile = profile or environment.profile
    interview = open_interview(
        catalog, prompter, today, output=output, resume=resume, profile=profile
    )
    path = interview.draft.path
    try:
        if not interview.run():
            prompter.say(f"Saved {path}. Continue with:\n  poa interview --resume {path}")
            return InterviewOutcome(path, finished=False)
        outcome = render_case(path, options, prompter, today)
        if not outcome.failed:
            # How this kind of answer reaches Amazon (or the rights owner), from the catalog.
            prompter.say(current_issue(interview.answers).submission)
        return outcome
    except InterviewStopped:
        interview.draft.keep()
        raise
    except (KeyboardInterrupt, EOFError):
        interview.draft.keep()
        raise InterviewCancelled(
            f"Interrupted. Your answers are saved in {path}. Continue with:\n"
            f"  poa interview --resume {path}"
        ) from None


def choose_formats(prompter: Prompts) -> tuple[Format, ...]:
    """Which documents to write, DOCX, PDF and the appeal-form text ticked."""
    chosen = prompter.checkbox("Which documents? (space to tick)", FORMAT_OPTIONS)
    return tuple(chosen) or DEFAULT_FORMATS


def render_case(path: Path, options: Options, prompter: Prompts, today: date) -> InterviewOutcome:
    """Render the finished case to the formats the seller picks, saying where each is."""
    formats = choose_formats(prompter)
    options = Options(
        output=options.output,
        formats=formats,
        theme=options.theme,
        templates=options.templates,
        catalogs=options.catalogs,
        pdf_variant=options.pdf_variant,
        today=today,
    )
    prompter.say(f"Saved the case in {path}.")
    outcome = InterviewOutcome(path, finished=True)
    for result in render_batch([Job(path)], options):
        outcome.results.append(result)
        for line in [*result.problems, *result.warnings]:
            prompter.say(line)
        for name in result.outputs:
            prompter.say(f"  {options.output / name}")
    if not outcome.failed:
        prompter.say(f"Your documents are ready. Render again any time with:\n  poa render {path}")
    return outcome
