"""The interview's first question: the notice itself, pasted or read from a file. What triage
recognises in it is filled in and shown for confirmation instead of being asked again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from poa.case.model import Kind
from poa.errors import InputError
from poa.interview.answers import Answers
from poa.interview.questions import NOTIFICATION, SCOPE, ask
from poa.triage import read_notice, triage_notice

PASTE = "Paste the notice Amazon sent, or the path of a file holding it"
LABELS = {
    "issue_type": "Issue type",
    "other_issue_types": "Also about",
    "received_on": "Received",
    "deadline": "Due",
    "subject": "Subject",
    "reference": "Reference",
    "marketplace": "Store",
    "account_status": "Account",
    "scope": "Affects",
    "asins": "ASINs",
    "order_ids": "Order IDs",
}
MAX_PATH = 1000  # longer answers are the notice's text, not a file name


def notice_text(answers: Answers, typed: str) -> str | None:
    """The notice: the pasted text, or the file a one-line answer names."""
    if "\n" not in typed and len(typed) < MAX_PATH:
        path = Path(typed).expanduser()
        try:
            if path.is_file():
                return read_notice(path)
        except InputError as exc:
            answers.prompter.say(f"  {exc}", "error")
            return None
        except OSError:
            pass
    return typed


def offer_notice(answers: Answers) -> None:
    """Ask for the notice when the case has no notification yet; fill in what it says."""
    if answers.data.get("notification"):
        return
    typed = answers.prompter.paste(PASTE)
    text = notice_text(answers, typed) if typed.strip() else None
    if not text:
        return
    found = triage_notice(text, catalog=answers.catalog, today=answers.today).case_data()
    fill(answers, found)
    show(answers, found)
    if not answers.prompter.confirm("Is this right? (you can change any of it at the end)"):
        for question in (*NOTIFICATION[:-1], *SCOPE):
            ask(answers, question)


def fill(answers: Answers, found: dict[str, Any]) -> None:
    """Record the notice's data: its notification fields, the document and its metrics."""
    note = dict(found.get("notification", {}))
    key = str(note.get("issue_type", ""))
    if key in answers.catalog and not note.get("policies"):
        policy = answers.catalog.get(key).policy
        if policy:
            note["policies"] = [policy]
    elif key not in answers.catalog:
        note.pop("issue_type", None)
    others = [k for k in note.get("other_issue_types", []) if k in answers.catalog and k != key]
    if others:
        note["other_issue_types"] = others
    else:
        note.pop("other_issue_types", None)
    answers.data["notification"] = note
    if found.get("metrics"):
        answers.data["metrics"] = found["metrics"]
    answers.answer("kind", found.get("kind", Kind.PLAN_OF_ACTION.value))


def show(answers: Answers, found: dict[str, Any]) -> None:
    """What was recognised, one field a line."""
    say = answers.prompter.say
    note = found.get("notification", {})
    say("\nFrom the notice:", "heading")
    for name, label in LABELS.items():
        value = note.get(name)
        if value:
            shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            say(f"  {label}: {shown}")
    for metric in found.get("metrics", []):
        spec = answers.catalog.metrics.get(metric["metric"])
        say(f"  {spec.name if spec else metric['metric']}: {metric['value']}%")
