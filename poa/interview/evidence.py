"""The evidence: the documents reviewers expect for the issue, each with its file and date."""

from __future__ import annotations

from datetime import date
from typing import Any

from poa.case import rules
from poa.case.dates import as_date
from poa.case.model import Evidence
from poa.interview import fields
from poa.interview.answers import Answers
from poa.interview.draft import ListDraft
from poa.interview.questions import current_issue
from poa.interview.terminal import Option

# Words in what a document shows, and the kind of document they suggest.
KIND_WORDS = (
    ("invoice", "invoice"),
    ("authoris", "letter-of-authorization"),
    ("authoriz", "letter-of-authorization"),
    ("test report", "test-report"),
    ("certificate", "certificate"),
    ("photo", "photo"),
    ("screenshot", "screenshot"),
    ("utility", "utility-bill"),
    ("agreement", "contract"),
    ("schedule", "report"),
    ("procedure", "report"),
    ("identity", "identity-document"),
)
FALLBACK_KIND = "report"


def guess_kind(text: str) -> str:
    """The kind of document a description most likely means."""
    lowered = text.lower()
    return next((kind for word, kind in KIND_WORDS if word in lowered), FALLBACK_KIND)


def ask_evidence(answers: Answers) -> None:
    """Which of the expected documents the seller has, then each one's details."""
    old = {e.get("proves"): e for e in answers.items("evidence")}
    checklist = list(dict.fromkeys([*old, *current_issue(answers).evidence]))
    prompter = answers.prompter
    prompter.say("\nReviewers of this kind of notice expect these documents.", "heading")
    have = prompter.checkbox(
        "Which do you have? (space to tick; Enter when done)",
        [Option(str(item), item, item in old) for item in checklist],
    )
    draft = answers.list_draft("evidence", list(old.values()))
    for number, proves in enumerate(have, 1):
        prompter.say(f"\nExhibit {number}: {proves}", "heading")
        ask_exhibit(answers, draft, old.get(proves, {}), proves)
    draft.finish()


def ask_exhibit(answers: Answers, draft: ListDraft, previous: dict[str, Any], proves: str) -> None:
    """One document: its kind, file, what it shows, its date; supplier and units for invoices."""
    prompter, today = answers.prompter, answers.today
    received = as_date(answers.value("received_on"))
    item = draft.add(previous, "E")
    kind = previous.get("kind")
    if kind is None and not any(word in proves.lower() for word, _ in KIND_WORDS):
        kinds = fields.choice_values(Evidence, "kind")
        kind = prompter.select(
            "What kind of document?", [Option(k, k) for k in kinds], default=FALLBACK_KIND
        )
    kind = kind or guess_kind(proves)
    draft.set(item, "kind", kind)
    draft.set(item, "proves", proves)  # taken as worded (the review edits it)
    name = fields.ask_field(
        prompter, Evidence, "file", "File name as attached", previous.get("file", "")
    )
    draft.set(item, "file", name)

    def dated(issued: date) -> str | None:
        return rules.evidence_date_problem(issued, today, kind, received)

    issued = fields.ask_date(
        prompter,
        Evidence,
        "issued_on",
        "Date printed on it",
        as_date(previous.get("issued_on")),
        optional=True,
        extra=dated,
    )
    draft.set(item, "issued_on", issued)
    if kind == "invoice":
        ask_invoice(answers, draft, item, previous)


def ask_invoice(
    answers: Answers, draft: ListDraft, item: dict[str, Any], previous: dict[str, Any]
) -> None:
    """Who issued an invoice and how many units it covers."""
    prompter = answers.prompter
    supplier = fields.ask_field(
        prompter,
        Evidence,
        "supplier",
        "Supplier (name, address, phone, website)",
        previous.get("supplier", ""),
        optional=True,
    )
    draft.set(item, "supplier", supplier)
    quantity = fields.ask_field(
        prompter,
        Evidence,
        "quantity",
        "Units on the invoice",
        previous.get("quantity", ""),
        optional=True,
        convert=fields.to_number,
    )
    draft.set(item, "quantity", quantity)
