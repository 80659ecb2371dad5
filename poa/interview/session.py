"""One interview from start to documents: open or resume the case file, ask, then render."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from poa.batch import Job, Options, Result, Status, render_batch
from poa.catalog import Catalog
from poa.errors import InterviewCancelled, InterviewStopped, OutputError
from poa.interview.flow import Interview, Prompter, Stopped, default_case_path


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
    prompter: Prompter,
    today: date,
    *,
    output: Path | None = None,
    resume: Path | None = None,
) -> Interview:
    """Resume the case named by `resume`, or start one in `output` (default: a dated name);
    an existing `output` is continued only if the user agrees."""
    if resume:
        return Interview.resume(resume, catalog, prompter, today)
    path = output or default_case_path(today)
    if not path.exists():
        return Interview.start(path, catalog, prompter, today)
    if not prompter.confirm(f"{path} exists. Continue the case saved in it?"):
        raise OutputError(
            f"{path} exists: choose another name with -o, or continue "
            f"it with `poa interview --resume {path}`"
        )
    return Interview.resume(path, catalog, prompter, today)


def run_interview(
    options: Options,
    *,
    catalog: Catalog,
    today: date,
    prompter: Prompter | None = None,
    output: Path | None = None,
    resume: Path | None = None,
    profile: Path | None = None,
) -> InterviewOutcome:
    """Ask the questions, saving after every answer, then render the documents chosen.

    Raises InterviewStopped when the seller chooses to stop and InterviewCancelled on Ctrl-C;
    both after saving the answers, with a message that says where they are."""
    prompter = prompter or Prompter()
    interview = open_interview(catalog, prompter, today, output=output, resume=resume)
    interview.profile = profile
    try:
        if not interview.run():
            prompter.say(
                f"Saved {interview.path}. Continue with: poa interview --resume {interview.path}"
            )
            return InterviewOutcome(interview.path, finished=False)
        return _render(interview, options, prompter)
    except Stopped as stop:
        interview.keep()
        raise InterviewStopped(f"{stop} Your answers are saved in {interview.path}.") from None
    except (KeyboardInterrupt, EOFError):
        interview.keep()
        raise InterviewCancelled(
            f"Interrupted. Your answers are saved in {interview.path}. Continue with: "
            f"poa interview --resume {interview.path}"
        ) from None


def _render(interview: Interview, options: Options, prompter: Prompter) -> InterviewOutcome:
    formats = prompter.choose_formats()
    options = Options(
        output=options.output,
        formats=formats,
        theme=options.theme,
        templates=options.templates,
        catalogs=options.catalogs,
        pdf_variant=options.pdf_variant,
        today=interview.today,
    )
    prompter.say(f"Saved the case in {interview.path}.")
    outcome = InterviewOutcome(interview.path, finished=True)
    for result in render_batch([Job(interview.path)], options):
        outcome.results.append(result)
        for line in [*result.problems, *result.warnings]:
            prompter.say(line)
        for name in result.outputs:
            prompter.say(f"  {options.output / name}")
    if not outcome.failed:
        prompter.say(
            f"Your documents are ready. Render again any time with: poa render {interview.path}"
        )
    return outcome
