"""Recording submissions and Amazon's answers in the case file itself."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, get_args

from poa.case.files import parse_case
from poa.case.records import Channel, Outcome, SentDocument, Submission
from poa.catalog import Catalog
from poa.errors import (
    CaseInvalidError,
    InputError,
    OutputError,
    PoaError,
    Problem,
    UsageError,
)
from poa.log.casefile import Edit, append_text, load_data, replace_last_text, write_case
from poa.log.changes import SubmissionChanges, compare
from poa.log.register import SUBMISSIONS_SUFFIX
from poa.textfile import read_text

SNAPSHOT = "case-as-sent.yaml.txt"  # not *.yaml: a folder search must not take it for a case
DOCUMENTS = "documents"
SUBMIT_CHANNELS: tuple[Channel, ...] = get_args(Channel)


@dataclass(frozen=True)
class Recorded:
    """What `submit_case` recorded: the submission, where its copies are, what changed."""

    submission: Submission
    number: int
    folder: Path
    edit: Edit
    changes: SubmissionChanges | None = None
    problems: list[str] = field(default_factory=list)


def submissions_folder(case_file: Path) -> Path:
    """The folder beside the case that keeps each submission's documents: CASE.submissions."""
    return case_file.with_name(case_file.stem + SUBMISSIONS_SUFFIX)


def _documents(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            # Hidden files in a folder (poa's own .poa-lock and .poa-manifest.jsonl after a
            # render, a system's .DS_Store) are not documents sent to Amazon.
            files += sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such document: check the path; nothing was recorded")
    names = [f.name for f in files]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise InputError(
            f"two documents are named {', '.join(twice)}: rename one so each sent document "
            "has its own name; nothing was recorded"
        )
    return files


def _hash(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}): nothing was recorded") from None
    return digest.hexdigest()


def _last(data: dict[str, Any], name: str) -> tuple[list[Any], Submission | None]:
    listed = data.get("submissions") or []
    if not isinstance(listed, list):
        raise InputError(f"{name}: submissions: is not a list: fix it, then try again")
    if not listed:
        return listed, None
    try:
        return listed, Submission.model_validate(listed[-1])
    except ValueError:
        raise InputError(
            f"{name}: submissions: the last entry is not a valid submission "
            "(run `poa validate`): fix it, then try again"
        ) from None


def _earlier_case(case_file: Path, last: Submission | None) -> dict[str, Any] | None:
    if last is None or not last.folder:
        return None
    snapshot = case_file.parent / last.folder / SNAPSHOT
    try:
        return load_data(snapshot.read_text(encoding="utf-8"), str(snapshot))
    except (OSError, UnicodeDecodeError, InputError):
        return None


def submit_case(
    case_file: str | Path,
    *,
    documents: Sequence[str | Path] = (),
    channel: Channel | None = None,
    on: date,
    catalog: Catalog,
    force: bool = False,
) -> Recorded:
    """Record a submission in the case file: its date, channel (by default the issue type's),
    the documents sent with their SHA-256 hashes (copied to CASE.submissions/N/ with the case
    as it stands), comparing with the last submission first. Refuses a case that does not
    validate, and the same documents and case again after a rejection, unless `force`."""
    path = Path(case_file)
    text = read_text(path)
    data = load_data(text, str(path))
    problems = _problems(text, path, catalog, on, force)
    listed, last = _last(data, str(path))
    files = _documents([Path(d) for d in documents])
    sent = [SentDocument(file=f.name, sha256=_hash(f)) for f in files]
    changes = None
    if last is not None:
        changes = compare(last.documents, sent, _earlier_case(path, last), data)
        if last.outcome == "rejected" and changes.unchanged and not force:
            raise UsageError(
                f"{path}: the same documents and case were rejected "
                f"on {last.answered_on or last.submitted_on}: change what Amazon objected to, "
                "or pass --force to send them again"
            )
    number = len(listed) + 1
    folder = submissions_folder(path) / str(number)
    _keep(folder, files, text)
    record = Submission(
        submitted_on=on,
        channel=channel or _channel(data, catalog),
        folder=folder.relative_to(path.parent).as_posix(),
        documents=sent,
    )
    item = record.model_dump(mode="python", exclude_defaults=True)
    item = {"submitted_on": on, "outcome": "pending", **item}
    data["submissions"] = [*listed, item]
    try:
        edit = write_case(path, append_text(text, item), data)
    except PoaError:
        shutil.rmtree(folder, ignore_errors=True)  # no record, so no copies either
        raise
    return Recorded(record, number, folder, edit, changes, problems)


def _problems(text: str, path: Path, catalog: Catalog, on: date, force: bool) -> list[str]:
    """The case's problems: with `force` they are reported, otherwise they stop the record."""
    try:
        parse_case(text, str(path), catalog=catalog, today=on)
    except CaseInvalidError as exc:
        if not force:
            stop = Problem(
                str(path),
                None,
                None,
                "",
                "nothing was recorded: fix the problems above, or "
                "pass --force to record the submission as it is",
            )
            raise CaseInvalidError(exc.message, [*exc.problems, stop]) from None
        return exc.lines()
    return []


def _channel(data: dict[str, Any], catalog: Catalog) -> Channel | None:
    note = data.get("notification")
    key = note.get("issue_type") if isinstance(note, dict) else None
    issue = catalog.types.get(key) if isinstance(key, str) else None
    if issue is None or issue.submit_via == "none":
        return None
    return issue.submit_via


def _keep(folder: Path, files: Sequence[Path], case_text: str) -> None:
    """Copy the documents and the case as sent into the submission's folder."""
    if folder.exists():
        raise OutputError(
            f"{folder}: already exists, but the case file records no submission for it: "
            "move it away (it may hold documents sent earlier), then try again"
        )
    try:
        (folder / DOCUMENTS).mkdir(parents=True)
        for item in files:
            shutil.copy2(item, folder / DOCUMENTS / item.name)
        (folder / SNAPSHOT).write_text(case_text, encoding="utf-8")
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise OutputError(
            f"{folder}: cannot write ({exc.strerror}): nothing was recorded"
        ) from None


def record_outcome(
    case_file: str | Path,
    outcome: Outcome,
    *,
    on: date,
    reply: str | None = None,
) -> tuple[Submission, Edit]:
    """Record Amazon's answer (and its reply text) on the case's last submission."""
    path = Path(case_file)
    text = read_text(path)
    data = load_data(text, str(path))
    listed, last = _last(data, str(path))
    if last is None:
        raise UsageError(f"{path}: no submission is recorded yet: run `poa submit {path}` first")
    if on < last.submitted_on:
        raise UsageError(f"{on}: before the last submission ({last.submitted_on}): check the date")
    item = dict(listed[-1])
    item.update(outcome=outcome, answered_on=on)
    if reply is not None:
        item["reply"] = reply.strip()
    answered = Submission.model_validate(item)
    data["submissions"] = [*listed[:-1], item]
    return answered, write_case(path, replace_last_text(text, item), data)
