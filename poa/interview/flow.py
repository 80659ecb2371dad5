"""The guided interview: questionary prompts that build a case step by step, checked as typed
by the case model and rules, saved after every answer."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
import textwrap
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import questionary
import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from poa import yamlfile
from poa.case import rules
from poa.case.marketplaces import MARKETPLACES
from poa.case.model import (
    CorrectiveAction,
    Evidence,
    Metric,
    Milestone,
    Notification,
    PreventiveMeasure,
    RootCause,
    Seller,
    Signatory,
)
from poa.catalog import CATEGORIES, ROUTES, Catalog, IssueType
from poa.documents.formats import DEFAULT_FORMATS, Format
from poa.errors import CaseInvalidError, InputError
from poa.outputs.atomic import write_atomic

MARKER = "# poa interview in progress, next step: "
TITLES = {
    "notification": "The notification",
    "seller": "The seller",
    "scope": "Scope",
    "root_causes": "Root causes",
    "corrective_actions": "Corrective actions",
    "preventive_measures": "Preventive measures",
    "evidence": "Evidence",
    "metrics": "Metrics and milestones",
}
# Each step's questions, in the order asked, with the label the review shows.
QUESTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "notification": (
        ("issue", "Issue type"),
        ("kind", "Document"),
        ("received_on", "Received"),
        ("deadline", "Due"),
        ("subject", "Subject"),
        ("reference", "Reference"),
        ("marketplace", "Store"),
        ("severity", "Severity"),
        ("account_status", "Account"),
        ("problem_started_on", "Problem began"),
        ("text", "Notice text"),
    ),
    "seller": (
        ("legal_name", "Legal name"),
        ("store_name", "Store name"),
        ("merchant_token", "Merchant token"),
        ("marketplaces", "Sells in"),
        ("email", "Email"),
        ("signatory", "Signed by"),
    ),
    "scope": (("scope", "Affects"), ("asins", "ASINs"), ("order_ids", "Order IDs")),
    "root_causes": (("root_causes", "Root causes"),),
    "corrective_actions": (("corrective_actions", "Corrective actions"),),
    "preventive_measures": (("preventive_measures", "Preventive measures"),),
    "evidence": (("evidence", "Evidence"),),
    "metrics": (
        ("metrics", "Metrics"),
        ("milestones", "Milestones"),
        ("review_cadence", "Reviewed"),
    ),
}
STEPS = (*QUESTIONS, "review")
LABELS = {question: label for step in QUESTIONS.values() for question, label in step}
PIP_ONLY = {"metrics", "milestones", "review_cadence"}
LIST_ANSWERS = {
    "root_causes",
    "corrective_actions",
    "preventive_measures",
    "evidence",
    "metrics",
    "milestones",
}
# Where each answer lives in the case file: (section, key); "" is the top level.
LOCATION: dict[str, tuple[str, str]] = {
    **{q: ("notification", q) for step in ("notification", "scope") for q, _ in QUESTIONS[step]},
    **{q: ("seller", q) for q, _ in QUESTIONS["seller"]},
    **{q: ("", q) for q in ("kind", *LIST_ANSWERS, "review_cadence")},
    "issue": ("notification", "issue_type"),
}
# Changing an answer asks these again.
AFTER: dict[str, tuple[str, ...]] = {
    "issue": ("kind", "root_causes", "evidence", "metrics"),
    "kind": ("metrics", "review_cadence"),
    "received_on": ("deadline",),
    "root_causes": ("corrective_actions", "preventive_measures"),
    "metrics": ("milestones",),
}
# The sections the interview reads, and the shape each must have to be read.
SHAPES: dict[str, type] = {
    "notification": dict,
    "seller": dict,
    **{
        s: list
        for s in (
            "root_causes",
            "corrective_actions",
            "preventive_measures",
            "evidence",
            "metrics",
            "milestones",
        )
    },
}
AREAS = (
    "Sourcing",
    "Listings",
    "Fulfilment",
    "Customer service",
    "Training",
    "Monitoring",
    "Systems",
    "Compliance",
)
SEVERITIES = ("critical", "high", "medium", "low")
STATUSES = {
    "warning": "A warning",
    "at-risk": "At risk",
    "listings-removed": "Listings removed",
    "deactivated": "Deactivated",
    "funds-held": "Funds held",
}
EVIDENCE_KINDS: tuple[str, ...] = typing.get_args(Evidence.model_fields["kind"].annotation)
REVIEW_CHECKS = (
    "Each metric's value against the next milestone",
    "Whether every measure ran as scheduled",
)
URGENT_DAYS = 3
OWN = "My own (type it)"
EDIT = ":e"
FINISH, STOP = ":finish", ":stop"


class Stopped(Exception):
    """The user chose to stop (for example, a POA is not the right answer)."""


# Checking single answers with the case model's own field types.


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    annotation: Any = info.annotation
    if info.metadata:
        annotation = Annotated[(annotation, *info.metadata)]
    return TypeAdapter(annotation)


def field_problem(model: type[BaseModel], name: str, value: Any) -> str | None:
    """The message `poa validate` would give for this value of this field, or None."""
    try:
        _adapter(model, name).validate_python(value)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        return yamlfile.message_for(error, (name, *error["loc"]), model)
    return None


def split_list(text: str) -> list[str]:
    """Items pasted as a list: separated by commas, spaces, semicolons or new lines."""
    return [item for item in re.split(r"[\s,;]+", text.strip()) if item]


# The prompts, with input and output injectable for tests.


PLAIN = str.maketrans(
    {
        "…": "...",
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "–": "-",
        "—": "-",
        "»": ">",
        "•": "*",
        "×": "x",
        "≤": "<=",
        "≥": ">=",
    }
)


def plain_ascii() -> bool:
    """True when the terminal cannot show more than ASCII (or POA_ASCII asks for it)."""
    if os.environ.get("POA_ASCII"):
        return True
    encoding = (getattr(sys.stdout, "encoding", None) or "ascii").lower()
    return "utf" not in encoding


class Prompter:
    """questionary prompts that raise on Ctrl-C, optionally on given input and output."""

    def __init__(self, input: Any = None, output: Any = None, ascii: bool | None = None) -> None:
        self.kwargs: dict[str, Any] = {}
        if input is not None:
            self.kwargs["input"] = input
        if output is not None:
            self.kwargs["output"] = output
        self.ascii = plain_ascii() if ascii is None else ascii
        self.qmark = "?" if self.ascii else "»"
        self.pointer = ">" if self.ascii else "»"
        if self.ascii:
            # questionary draws ticks with these module constants and takes no option for them.
            from questionary.prompts import common

            setattr(common, "INDICATOR_SELECTED", "[x]")  # noqa: B010
            setattr(common, "INDICATOR_UNSELECTED", "[ ]")  # noqa: B010

    def text(
        self,
        message: str,
        default: str = "",
        validate: Callable[[str], Any] | None = None,
        instruction: str | None = None,
    ) -> str:
        def check(text: str) -> Any:
            result = validate(text) if validate else True
            return self.plain(result) if isinstance(result, str) else result

        answer = questionary.text(
            self.plain(message),
            default=default,
            validate=check,
            qmark=self.qmark,
            instruction=instruction,
            **self.kwargs,
        ).unsafe_ask()
        return str(answer).strip()

    def long_text(
        self, message: str, default: str = "", validate: Callable[[str], Any] | None = None
    ) -> str:
        """A long answer typed here, or in $EDITOR when the answer is ':e'."""
        answer = self.text(
            message,
            default,
            instruction=f"({EDIT} opens your editor)",
            validate=lambda t: True if t.strip() == EDIT else (validate(t) if validate else True),
        )
        while answer == EDIT:
            answer = self.edit(default)
            problem = validate(answer) if validate else True
            if problem is not True:
                self.say(f"  {problem}", "fg:ansired")
                answer = self.text(message, answer, validate=validate)
        return answer

    def edit(self, text: str) -> str:
        """Open $VISUAL or $EDITOR on the text; return what was saved."""
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        with tempfile.NamedTemporaryFile(
            "w+", suffix=".txt", delete=False, encoding="utf-8"
        ) as handle:
            handle.write(text)
        try:
            subprocess.run([*shlex.split(editor), handle.name], check=False)
            return " ".join(Path(handle.name).read_text(encoding="utf-8").split())
        except OSError as exc:
            self.say(f"  could not start the editor {editor!r} ({exc.strerror}): type it here")
            return text
        finally:
            Path(handle.name).unlink(missing_ok=True)

    def select(
        self, message: str, choices: Sequence[Any], default: Any = None, search: bool = False
    ) -> Any:
        return questionary.select(
            self.plain(message),
            choices=self.plain_choices(choices),
            default=default,
            qmark=self.qmark,
            pointer=self.pointer,
            use_search_filter=search,
            use_jk_keys=not search,
            **self.kwargs,
        ).unsafe_ask()

    def checkbox(self, message: str, choices: Sequence[Any]) -> list[Any]:
        return list(
            questionary.checkbox(
                self.plain(message),
                choices=self.plain_choices(choices),
                qmark=self.qmark,
                pointer=self.pointer,
                **self.kwargs,
            ).unsafe_ask()
        )

    def choose_formats(self) -> tuple[Format, ...]:
        """Which documents to write, DOCX, PDF and the appeal-form text ticked."""
        chosen = self.checkbox(
            "Which documents? (space to tick)",
            [
                questionary.Choice("Word (DOCX)", Format.DOCX, checked=True),
                questionary.Choice("PDF", Format.PDF, checked=True),
                questionary.Choice("Appeal-form text (TXT)", Format.TXT, checked=True),
                questionary.Choice("Markdown", Format.MD),
            ],
        )
        return tuple(chosen) or DEFAULT_FORMATS

    def confirm(self, message: str, default: bool = True) -> bool:
        return bool(
            questionary.confirm(
                self.plain(message), default=default, qmark=self.qmark, **self.kwargs
            ).unsafe_ask()
        )

    def plain(self, text: str) -> str:
        """The text as the terminal can show it: ASCII stand-ins on a plain terminal."""
        if not self.ascii or text.isascii():
            return text
        return text.translate(PLAIN).encode("ascii", "replace").decode()

    def plain_choices(self, choices: Sequence[Any]) -> list[Any]:
        if not self.ascii:
            return list(choices)
        result = []
        for choice in choices:
            if isinstance(choice, questionary.Separator):
                choice = questionary.Separator(self.plain(str(choice.line)))
            elif isinstance(choice, questionary.Choice) and isinstance(choice.title, str):
                choice = questionary.Choice(
                    self.plain(choice.title), choice.value, checked=bool(choice.checked)
                )
            elif isinstance(choice, str):
                choice = questionary.Choice(self.plain(choice), choice)
            result.append(choice)
        return result

    def say(self, text: str = "", style: str | None = None) -> None:
        if os.environ.get("NO_COLOR"):
            style = None
        questionary.print(
            self.plain(text), style=style, **{k: v for k, v in self.kwargs.items() if k == "output"}
        )


class Draft:
    """A list being answered item by item. Every answer is saved at once, with the earlier
    items not asked again yet (by key) after the new ones, so stopping half-way through a list
    loses nothing."""

    def __init__(
        self,
        interview: Interview,
        section: str,
        old: Sequence[dict[str, Any]],
        key: Callable[[dict[str, Any]], Any] = lambda item: item.get("id"),
    ) -> None:
        self.interview, self.section, self.old, self.key = interview, section, list(old), key
        self.items: list[dict[str, Any]] = []
        self.used = {item.get("id") for item in self.old} - {None}

    def add(self, previous: dict[str, Any], prefix: str | None = None) -> dict[str, Any]:
        """Start an item from its previous answers (a new id when it had none)."""
        item = previous if self.key is id else dict(previous)
        if prefix and not item.get("id"):
            item["id"] = _next_id(prefix, self.used)
        self.items.append(item)
        return item

    def set(self, item: dict[str, Any], field: str, value: Any) -> None:
        _update(item, {field: value})
        self.save()

    def drop(self, item: dict[str, Any]) -> None:
        self.items.remove(item)
        if item.get("id") not in {old.get("id") for old in self.old}:
            self.used.discard(item.get("id"))
        self.save()

    def save(self) -> None:
        done = {self.key(item) for item in self.items}
        rest = [item for item in self.old if self.key(item) not in done]
        self.interview.data[self.section] = [*self.items, *rest]
        self.interview.save()

    def finish(self) -> None:
        """The list is answered: what was not picked again is gone."""
        self.interview.answer("", self.section, self.items)


# The interview itself.


@dataclass
class Interview:
    """One interview: the case data so far, where it is saved, and the prompts."""

    path: Path
    catalog: Catalog
    prompter: Prompter
    today: date = field(default_factory=date.today)
    data: dict[str, Any] = field(default_factory=dict)
    step: str = "notification"
    profile: Path | None = None
    pending_measures: list[dict[str, Any]] = field(default_factory=list)
    # A case file written by hand is copied aside before the interview first rewrites it.
    original: str | None = None

    # Saving.

    def save(self, step: str | None = None) -> None:
        """Write the answers so far; a marker line says where to resume."""
        self.step = step or self.step
        body = dump(self.data)
        marker = "" if self.step == "done" else f"{MARKER}{self.step}\n"
        if self.original is not None:
            copy = _free_name(self.path.with_name(self.path.name + ".orig"))
            write_atomic(copy, self.original.encode())
            self.original = None
            self.prompter.say(f"  Your file as it was is kept in {copy}.", "fg:ansibrightblack")
        write_atomic(self.path, (marker + body).encode())

    def keep(self) -> None:
        """Save on the way out, unless the file is still exactly as the user wrote it."""
        if self.original is None:
            self.save()

    def answer(self, section: str, key: str, value: Any) -> None:
        """Record one answer and save at once."""
        _update(self.data.setdefault(section, {}) if section else self.data, {key: value})
        self.save()

    @classmethod
    def resume(
        cls, path: Path, catalog: Catalog, prompter: Prompter, today: date | None = None
    ) -> Interview:
        """Continue a saved interview, or edit a complete case (from its review)."""
        text = yamlfile.read_text(path)
        doc = yamlfile.parse(text, str(path))
        if not isinstance(doc.data, dict):
            raise InputError(f"{path}: not a case file (it should be a set of fields)")
        for section, shape in SHAPES.items():
            value = doc.data.get(section)
            where: tuple[str | int, ...] | None = None
            if value is not None and not isinstance(value, shape):
                where = (section,)
            elif isinstance(value, list):
                bad = [n for n, item in enumerate(value) if not isinstance(item, dict)]
                where = (section, bad[0]) if bad else None
            if where:
                line, column = doc.position(where) or (1, 1)
                field = section + "".join(f"[{n}]" for n in where[1:])
                raise InputError(
                    f"{path}:{line}:{column}: {field}: is not what the interview expects here: "
                    f"run `poa validate {path}` and fix what it reports, then resume"
                )
        first = text.splitlines()[0] if text else ""
        step = first[len(MARKER) :].strip() if first.startswith(MARKER) else "review"
        if step not in STEPS:
            step = "review"
        interview = cls(path, catalog, prompter, today or date.today(), doc.data, step)
        # A file the interview wrote holds nothing that saving again would drop.
        interview.original = None if first.startswith(MARKER) or text == dump(doc.data) else text
        return interview

    @classmethod
    def start(
        cls, path: Path, catalog: Catalog, prompter: Prompter, today: date | None = None
    ) -> Interview:
        """A new interview saved to a new file."""
        interview = cls(path, catalog, prompter, today or date.today())
        interview.save("notification")
        return interview

    # Helpers.

    @property
    def issue(self) -> IssueType:
        """The notice's issue type; asked first if the case has none the catalog knows."""
        key = self.value("issue")
        if not isinstance(key, str) or key not in self.catalog:
            if key:
                self.prompter.say(f"  {key!r} is not an issue type poa knows: pick one.")
            self.q_issue()
            key = self.value("issue")
        return self.catalog.get(str(key))

    @property
    def is_pip(self) -> bool:
        return self.data.get("kind") == "performance-improvement-plan"

    def ask_field(
        self,
        model: type[BaseModel],
        name: str,
        message: str,
        default: Any = "",
        optional: bool = False,
        extra: Callable[[Any], str | None] | None = None,
        long: bool = False,
        convert: Callable[[str], Any] = lambda t: t,
        hint: str | None = None,
    ) -> Any:
        """Ask for one field, checked as typed by the model (and an extra rule). The field's
        description is shown above the question unless a hint is given."""
        if hint is None:
            hint = model.model_fields[name].description or ""

        def check(text: str) -> bool | str:
            if optional and not text.strip():
                return True
            value = convert(text.strip())
            problem = field_problem(model, name, value)
            if problem is None and extra is not None:
                problem = extra(_adapter(model, name).validate_python(value))
            return True if problem is None else problem

        ask = self.prompter.long_text if long else self.prompter.text
        label = f"{message}" + (" (optional)" if optional else "")
        if hint and not long:
            self.prompter.say(f"  {hint}", "fg:ansibrightblack")
        text = ask(label, "" if default is None else str(default), validate=check)
        if optional and not text:
            return None
        return _adapter(model, name).validate_python(convert(text))

    def date_field(
        self,
        model: type[BaseModel],
        name: str,
        message: str,
        default: date | None = None,
        optional: bool = False,
        extra: Callable[[date], str | None] | None = None,
        hint: str | None = None,
    ) -> date | None:
        value = self.ask_field(
            model,
            name,
            message + " (YYYY-MM-DD)",
            default.isoformat() if default else "",
            optional,
            extra,
            hint=hint,
        )
        return value if isinstance(value, date) else None

    # The questions. Each is a method `q_NAME`; QUESTIONS says which step asks it and where
    # its answer lives, so the review can show and change any single answer.

    def ask(self, question: str) -> None:
        getattr(self, f"q_{question}")()

    def value(self, question: str) -> Any:
        section, key = LOCATION[question]
        target = self.data.get(section, {}) if section else self.data
        return target.get(key) if isinstance(target, dict) else None

    def text_question(
        self,
        section: str,
        model: type[BaseModel],
        name: str,
        message: str,
        optional: bool = False,
        long: bool = False,
        default: Any = "",
        convert: Callable[[str], Any] = lambda t: t,
    ) -> None:
        current = self.data.get(section, {}).get(name)
        self.answer(
            section,
            name,
            self.ask_field(
                model,
                name,
                message,
                default if current is None else current,
                optional,
                long=long,
                convert=convert,
            ),
        )

    # Step 1: the notification.

    def q_issue(self) -> None:
        note = self.data.setdefault("notification", {})
        before = note.get("issue_type")
        issue = self.choose_issue(before)
        note["issue_type"] = issue.key
        if issue.key != before or not note.get("policies"):
            if issue.policy:
                note["policies"] = [issue.policy]
            else:
                note.pop("policies", None)
        self.save()
        if issue.route != "poa":
            self.prompter.say(
                f"\nA Plan of Action is usually not the right answer to this "
                f"notice. Amazon expects {ROUTES[issue.route]}.",
                "bold",
            )
            self.prompter.say(_wrap(issue.route_advice or ""))
            if not self.prompter.confirm("Write a plan anyway?", default=False):
                raise Stopped(
                    f"Nothing more to write: {ROUTES[issue.route]} is the way to "
                    "answer this notice."
                )

    def q_kind(self) -> None:
        proposed = (
            "performance-improvement-plan"
            if self.issue.category == "performance-improvement"
            else "plan-of-action"
        )
        kind = self.prompter.select(
            "Which document do you need?",
            [
                questionary.Choice("Plan of Action (answer a notice)", "plan-of-action"),
                questionary.Choice(
                    "Performance Improvement Plan (metrics slipping, nothing lost yet)",
                    "performance-improvement-plan",
                ),
            ],
            default=self.data.get("kind") or proposed,
        )
        self.data = {"kind": kind, **{k: v for k, v in self.data.items() if k != "kind"}}
        self.save()

    def q_received_on(self) -> None:
        old = _as_date(self.value("received_on"))
        self.answer(
            "notification",
            "received_on",
            self.date_field(
                Notification,
                "received_on",
                "When did the notice arrive?",
                old or self.today,
                extra=lambda d: rules.received_problem(d, self.today),
            ),
        )

    def q_deadline(self) -> None:
        issue = self.issue
        received = _as_date(self.value("received_on")) or self.today
        window = issue.deadline_days
        proposed = _as_date(self.value("deadline")) or (
            received + timedelta(days=window) if window else None
        )
        if window:
            self.prompter.say(
                f"  Notices of this kind usually give {window} days.", "fg:ansibrightblack"
            )
        deadline = self.date_field(
            Notification,
            "deadline",
            "When is your answer due?",
            proposed,
            extra=lambda d: rules.deadline_problem(d, received),
            hint="The date the notice gives; if it gives none, keep the usual window proposed.",
        )
        self.answer("notification", "deadline", deadline)
        left = (date.fromisoformat(str(deadline)) - self.today).days
        if left < 0:
            when = f"The deadline passed {-left} days ago: answer as soon as you can"
        else:
            when = "Due today" if left == 0 else f"{left} day{'s' if left != 1 else ''} left"
        self.prompter.say(
            f"  {when} (due {deadline}).",
            "fg:ansired bold" if left <= URGENT_DAYS else "fg:ansigreen",
        )

    def q_subject(self) -> None:
        self.text_question("notification", Notification, "subject", "The notice's subject line")

    def q_reference(self) -> None:
        self.text_question(
            "notification", Notification, "reference", "Reference or violation ID", optional=True
        )

    def q_marketplace(self) -> None:
        self.answer(
            "notification",
            "marketplace",
            self.prompter.select(
                "Which store is it about?",
                _market_choices(),
                default=self.value("marketplace") or "US",
            ),
        )
        markets = self.data.get("seller", {}).get("marketplaces")
        if markets and self.value("marketplace") not in markets:
            self.answer("seller", "marketplaces", sorted({*markets, self.value("marketplace")}))

    def q_severity(self) -> None:
        self.answer(
            "notification",
            "severity",
            self.prompter.select(
                "Severity shown in Account Health",
                [
                    *(questionary.Choice(s.capitalize(), s) for s in SEVERITIES),
                    questionary.Choice("Not shown", ""),
                ],
                default=self.value("severity") or "",
            ),
        )

    def q_account_status(self) -> None:
        self.answer(
            "notification",
            "account_status",
            self.prompter.select(
                "Where does the account stand?",
                [questionary.Choice(label, value) for value, label in STATUSES.items()],
                default=self.value("account_status") or "warning",
            ),
        )

    def q_problem_started_on(self) -> None:
        self.answer(
            "notification",
            "problem_started_on",
            self.date_field(
                Notification,
                "problem_started_on",
                "When did the problem begin?",
                _as_date(self.value("problem_started_on")),
                optional=True,
                extra=lambda d: rules.past_problem(d, self.today),
            ),
        )

    def q_text(self) -> None:
        self.text_question(
            "notification",
            Notification,
            "text",
            "The notice's text, if you want it kept with the case",
            optional=True,
            long=True,
        )

    def choose_issue(self, current: str | None) -> IssueType:
        choices: list[Any] = []
        for category, title in CATEGORIES.items():
            members = [t for t in self.catalog if t.category == category]
            if members:
                choices.append(questionary.Separator(f"-- {title} --"))
                choices += [questionary.Choice(f"{t.title} ({t.key})", t.key) for t in members]
        key = self.prompter.select(
            "What is the notice about? (type to search)",
            choices,
            default=current if isinstance(current, str) and current in self.catalog else None,
            search=True,
        )
        issue = self.catalog.get(key)
        self.prompter.say(_wrap(issue.summary), "fg:ansibrightblack")
        return issue

    # Step 2: the seller, remembered in a profile.

    def begin_seller(self) -> None:
        from poa.interview.profile import load_profile

        saved = load_profile(self.profile) if not self.data.get("seller") else None
        if saved and self.prompter.confirm(
            f"Use your saved details for {saved.get('legal_name', 'your business')}?"
        ):
            seller = dict(saved)
            market = self.value("marketplace")
            if market and market not in seller.get("marketplaces", []):
                seller["marketplaces"] = sorted({*seller.get("marketplaces", []), market})
            self.data["seller"] = seller
            self.save()

    def end_seller(self) -> None:
        from poa.interview.profile import load_profile, save_profile

        seller = self.data.get("seller", {})
        if (
            seller
            and load_profile(self.profile) != seller
            and self.prompter.confirm("Remember these details for next time?")
        ):
            where = save_profile(seller, self.profile)
            self.prompter.say(f"  Saved in {where}.", "fg:ansibrightblack")

    def q_legal_name(self) -> None:
        self.text_question("seller", Seller, "legal_name", "Business legal name")

    def q_store_name(self) -> None:
        self.text_question("seller", Seller, "store_name", "Store name")

    def q_merchant_token(self) -> None:
        self.text_question("seller", Seller, "merchant_token", "Merchant token")

    def q_marketplaces(self) -> None:
        notice = self.value("marketplace") or "US"
        current = set(self.value("marketplaces") or []) | {notice}
        markets = self.prompter.checkbox(
            "Which stores do you sell in? (space to tick)", _market_choices(current)
        )
        self.answer("seller", "marketplaces", sorted(set(markets) | {notice}))

    def q_email(self) -> None:
        self.text_question("seller", Seller, "email", "Contact email")

    def q_signatory(self) -> None:
        old = self.value("signatory") or {}
        name = self.ask_field(Signatory, "name", "Who signs the plan?", old.get("name", ""))
        role = self.ask_field(Signatory, "role", "Their role", old.get("role", "Owner"))
        self.answer("seller", "signatory", {"name": name, "role": role})

    # Step 3: scope.

    def q_scope(self) -> None:
        self.answer(
            "notification",
            "scope",
            self.prompter.select(
                "What does the notice affect?",
                [
                    questionary.Choice("The whole account", "account"),
                    questionary.Choice("Some listings", "listing"),
                    questionary.Choice("A product category", "category"),
                ],
                default=self.value("scope") or "account",
            ),
        )

    def q_asins(self) -> None:
        self.answer(
            "notification",
            "asins",
            self.ask_list(
                Notification,
                "asins",
                "ASINs named in the notice (paste the list)",
                self.value("asins") or [],
            ),
        )

    def q_order_ids(self) -> None:
        self.answer(
            "notification",
            "order_ids",
            self.ask_list(
                Notification,
                "order_ids",
                "Order IDs named in the notice",
                self.value("order_ids") or [],
            ),
        )

    def ask_list(
        self, model: type[BaseModel], name: str, message: str, default: list[str]
    ) -> list[str]:
        """A pasted list, every item checked; empty is allowed."""

        def check(text: str) -> bool | str:
            for index, item in enumerate(split_list(text)):
                problem = field_problem(model, name, [item])
                if problem:
                    return f"item {index + 1} ({item}): {problem}"
            return True

        text = self.prompter.text(
            message,
            " ".join(default),
            validate=check,
            instruction="(separate with spaces or commas; Enter for none)",
        )
        return list(_adapter(model, name).validate_python(split_list(text)))

    # Step 4: root causes.

    def q_root_causes(self) -> None:
        old = {c.get("summary"): c for c in self.data.get("root_causes", [])}
        suggestions = list(dict.fromkeys([*old, *self.issue.root_causes]))
        chosen = self.pick(
            "Which causes apply? Pick the processes that failed", suggestions, checked=set(old)
        )
        draft = Draft(self, "root_causes", list(old.values()))
        for number, summary in enumerate(chosen, 1):
            previous = old.get(summary, {})
            self.prompter.say(f"\nRoot cause {number}", "bold")
            cause = draft.add(previous, "RC")
            draft.set(
                cause,
                "summary",
                self.ask_field(RootCause, "summary", "The cause in one sentence", summary),
            )
            draft.set(
                cause,
                "detail",
                self.ask_field(
                    RootCause,
                    "detail",
                    "What happened, when, how many orders or units",
                    previous.get("detail", ""),
                    optional=True,
                    long=True,
                ),
            )
            draft.set(
                cause,
                "occurred_on",
                self.date_field(
                    RootCause,
                    "occurred_on",
                    "When did it happen?",
                    _as_date(previous.get("occurred_on")),
                    optional=True,
                    extra=lambda d: rules.past_problem(d, self.today),
                ),
            )
            draft.set(
                cause,
                "units",
                self.ask_field(
                    RootCause,
                    "units",
                    "How many orders or units were affected?",
                    previous.get("units", ""),
                    optional=True,
                    convert=_number,
                ),
            )
            draft.set(
                cause,
                "asins",
                self.ask_list(RootCause, "asins", "ASINs it affected", previous.get("asins", [])),
            )
        draft.finish()

    def pick(
        self, message: str, suggestions: Sequence[str], checked: set[str], required: bool = True
    ) -> list[str]:
        """Suggestions as a checklist plus 'my own'; at least one answer when required."""
        while True:
            choices = [questionary.Choice(s, s, checked=s in checked) for s in suggestions]
            picked = self.prompter.checkbox(
                message + " (space to tick, Enter when done)",
                [*choices, questionary.Choice(OWN, OWN)],
            )
            result = [p for p in picked if p != OWN]
            if OWN in picked:
                result.append(self.prompter.long_text("Describe it", validate=_nonempty))
            if result or not required:
                return result
            self.prompter.say("  Pick at least one, or choose 'My own'.", "fg:ansired")

    # Steps 5 and 6: for each root cause, what was done and what now runs.

    def for_each_cause(
        self,
        section: str,
        key: str,
        prefix: str,
        carried: list[dict[str, Any]],
        question: str,
        suggested: Sequence[str],
        build: Callable[[Draft, dict[str, Any], dict[str, Any], str], bool],
    ) -> None:
        """Ask, cause by cause, which items answer it; `build` asks the rest of one item and
        says whether to keep it. Items that answer several causes are asked once; every cause
        ends up with at least one item."""
        old = [*self.data.get(section, []), *carried]
        draft = Draft(self, section, old)
        causes = [c for c in self.data.get("root_causes", []) if c.get("id")]
        known = {c["id"] for c in causes}
        for cause in causes:
            while True:
                covered = [i for i in draft.items if cause["id"] in i["root_causes"]]
                asked = {i["id"] for i in draft.items}
                mine = [
                    i
                    for i in old
                    if cause["id"] in i.get("root_causes", [])
                    and i.get(key)
                    and (i.get("id") is None or i["id"] not in asked)
                ]
                self.prompter.say(f"\n{cause['id']}: {cause.get('summary', '')}", "bold")
                for item in covered:
                    self.prompter.say(_wrap(f"Already answered by {_show_item(item)}"))
                picked = self.pick(
                    question,
                    list(dict.fromkeys([*(i[key] for i in mine), *suggested])),
                    checked={i[key] for i in mine},
                    required=not covered,
                )
                for suggestion in picked:
                    previous: dict[str, Any] = next((i for i in mine if i[key] == suggestion), {})
                    item = draft.add(previous, prefix)
                    links = [r for r in previous.get("root_causes", []) if r in known]
                    item["root_causes"] = links or [cause["id"]]
                    if not build(draft, item, previous, suggestion):
                        draft.drop(item)
                if any(cause["id"] in i["root_causes"] for i in draft.items):
                    break
                self.prompter.say(
                    f"  Every root cause needs at least one {LABELS[section].lower()[:-1]}. Add "
                    "one, or stop here (Ctrl-C keeps your answers) and come back later.",
                    "fg:ansired",
                )
        draft.finish()

    def q_corrective_actions(self) -> None:
        start = _as_date(self.value("problem_started_on"))

        def build(draft: Draft, item: dict[str, Any], previous: dict[str, Any], text: str) -> bool:
            text = self.ask_field(
                CorrectiveAction, "action", "What was done (past tense, with numbers)", text
            )
            draft.set(item, "action", text)
            if not self.prompter.confirm("Is this finished?"):
                self.unfinished(item["root_causes"], text)
                return False
            draft.set(
                item,
                "completed_on",
                self.date_field(
                    CorrectiveAction,
                    "completed_on",
                    "When was it finished?",
                    _as_date(previous.get("completed_on")) or self.today,
                    extra=lambda d: rules.completed_problem(d, self.today, start),
                ),
            )
            return True

        self.for_each_cause(
            "corrective_actions",
            "action",
            "CA",
            [],
            "What have you already done about it?",
            self.issue.corrective_actions,
            build,
        )

    def unfinished(self, causes: list[str], text: str) -> None:
        """An action not done yet: keep it as a preventive measure, or leave it out."""
        choice = self.prompter.select(
            "An action not yet done is not a corrective action. What now?",
            [
                questionary.Choice("Record it as a preventive measure", "measure"),
                questionary.Choice("Leave it out; add it once it is done", "skip"),
            ],
        )
        if choice == "measure":
            self.pending_measures.append({"root_causes": causes, "measure": text})

    def q_preventive_measures(self) -> None:
        def build(draft: Draft, item: dict[str, Any], previous: dict[str, Any], text: str) -> bool:
            draft.set(
                item,
                "measure",
                self.ask_field(PreventiveMeasure, "measure", "What runs now (present tense)", text),
            )
            area = previous.get("area")
            draft.set(
                item,
                "area",
                self.prompter.select(
                    "Which part of the business?",
                    [*AREAS, *([area] if area and area not in AREAS else [])],
                    default=area,
                ),
            )
            draft.set(
                item,
                "owner",
                self.ask_field(
                    PreventiveMeasure, "owner", "Owner (a role)", previous.get("owner", "")
                ),
            )
            draft.set(
                item,
                "frequency",
                self.ask_field(
                    PreventiveMeasure, "frequency", "How often", previous.get("frequency", "daily")
                ),
            )
            draft.set(
                item,
                "started_on",
                self.date_field(
                    PreventiveMeasure,
                    "started_on",
                    "Start date",
                    _as_date(previous.get("started_on")) or self.today,
                ),
            )
            return True

        self.for_each_cause(
            "preventive_measures",
            "measure",
            "PM",
            self.pending_measures,
            "What now runs so it cannot happen again?",
            self.issue.preventive_measures,
            build,
        )
        self.pending_measures = []

    # Step 7: evidence.

    def q_evidence(self) -> None:
        old = {e.get("proves"): e for e in self.data.get("evidence", [])}
        checklist = list(dict.fromkeys([*old, *self.issue.evidence]))
        self.prompter.say("\nReviewers of this kind of notice expect these documents.", "bold")
        have = self.prompter.checkbox(
            "Which do you have? (space to tick; Enter when done)",
            [questionary.Choice(item, item, checked=item in old) for item in checklist],
        )
        draft = Draft(self, "evidence", list(old.values()))
        received = _as_date(self.value("received_on"))
        for number, proves in enumerate(have, 1):
            previous = old.get(proves, {})
            self.prompter.say(f"\nExhibit {number}: {proves}", "bold")
            item = draft.add(previous, "E")
            kind = self.prompter.select(
                "What kind of document?",
                EVIDENCE_KINDS,
                default=previous.get("kind", _guess_kind(proves)),
            )
            draft.set(item, "kind", kind)
            draft.set(
                item,
                "file",
                self.ask_field(Evidence, "file", "File name as attached", previous.get("file", "")),
            )
            draft.set(item, "proves", self.ask_field(Evidence, "proves", "What it shows", proves))

            def dated(issued: date, kind: str = kind) -> str | None:
                return rules.evidence_date_problem(issued, self.today, kind, received)

            draft.set(
                item,
                "issued_on",
                self.date_field(
                    Evidence,
                    "issued_on",
                    "Date printed on it",
                    _as_date(previous.get("issued_on")),
                    optional=True,
                    extra=dated,
                ),
            )
            if kind == "invoice":
                draft.set(
                    item,
                    "supplier",
                    self.ask_field(
                        Evidence,
                        "supplier",
                        "Supplier (name, address, phone, website)",
                        previous.get("supplier", ""),
                        optional=True,
                    ),
                )
                draft.set(
                    item,
                    "quantity",
                    self.ask_field(
                        Evidence,
                        "quantity",
                        "Units on the invoice",
                        previous.get("quantity", ""),
                        optional=True,
                        convert=_number,
                    ),
                )
        draft.finish()

    # Step 8: metrics for an improvement plan.

    def q_metrics(self) -> None:
        issue = self.issue
        old = {m.get("metric"): m for m in self.data.get("metrics", [])}
        keys = [k for k in old if k in self.catalog.metrics]
        keys = list(dict.fromkeys([*keys, *([issue.metric.key] if issue.metric else [])]))
        chosen = self.prompter.checkbox(
            "Which metrics does the plan cover?",
            [
                questionary.Choice(spec.name, key, checked=key in keys)
                for key, spec in self.catalog.metrics.items()
            ],
        )
        if not chosen:
            chosen = keys or [next(iter(self.catalog.metrics))]
            self.prompter.say(f"  None ticked: the plan covers {', '.join(chosen)}.")
        draft = Draft(self, "metrics", list(old.values()), key=lambda m: m.get("metric"))
        for key in chosen:
            spec = self.catalog.metrics[key]
            previous = old.get(key, {})
            sign = "at or below" if spec.better == "lower" else "at or above"
            self.prompter.say(f"\n{spec.name}: Amazon expects it {sign} {spec.threshold}%.", "bold")
            metric = draft.add({**previous, "metric": key})
            draft.set(
                metric,
                "value",
                self.ask_field(
                    Metric,
                    "value",
                    "Its value now, in percent",
                    previous.get("value", ""),
                    convert=_number,
                ),
            )
            draft.set(
                metric,
                "window_days",
                self.ask_field(
                    Metric,
                    "window_days",
                    "Window in days",
                    previous.get("window_days", spec.window_days or ""),
                    optional=True,
                    convert=_number,
                ),
            )
            draft.set(
                metric,
                "target",
                self.ask_field(
                    Metric,
                    "target",
                    "Your target, in percent",
                    previous.get("target", spec.threshold),
                    convert=_number,
                ),
            )
        draft.finish()

    def q_milestones(self) -> None:
        old = self.data.get("milestones", [])
        # Milestones have no ids: one asked again is the same dict, updated in place.
        draft = Draft(self, "milestones", old, key=id)
        received = _as_date(self.value("received_on")) or self.today
        for metric in self.data.get("metrics", []):
            key = metric.get("metric")
            spec = self.catalog.metrics.get(key) if isinstance(key, str) else None
            if spec is None:  # not a metric poa knows: kept as it is, and the review reports it
                for milestone in old:
                    if milestone.get("metric") == key:
                        draft.add(milestone)
                continue
            value, target = metric.get("value"), metric.get("target", spec.threshold)
            halfway = (
                round((value + target) / 2, 2)
                if isinstance(value, int | float) and isinstance(target, int | float)
                else target
            )
            proposals = [m for m in old if m.get("metric") == key] or [
                {"metric": key, "due_on": received + timedelta(days=14), "target": halfway},
                {"metric": key, "due_on": received + timedelta(days=30), "target": target},
            ]
            for number, milestone in enumerate(proposals, 1):
                draft.add(milestone)
                draft.set(
                    milestone,
                    "due_on",
                    self.date_field(
                        Milestone,
                        "due_on",
                        f"{spec.name}, milestone {number}: date",
                        _as_date(milestone.get("due_on")),
                    ),
                )
                draft.set(
                    milestone,
                    "target",
                    self.ask_field(
                        Milestone,
                        "target",
                        "Value by then, in percent",
                        milestone.get("target"),
                        convert=_number,
                    ),
                )
        draft.finish()

    def q_review_cadence(self) -> None:
        self.answer(
            "",
            "review_cadence",
            self.prompter.select(
                "How often is the plan reviewed?",
                [
                    questionary.Choice("Weekly", "weekly"),
                    questionary.Choice("Every two weeks", "bi-weekly"),
                    questionary.Choice("Daily", "daily"),
                    questionary.Choice("Monthly", "monthly"),
                ],
                default=self.data.get("review_cadence") or "weekly",
            ),
        )
        if not self.data.get("review_checks"):
            self.answer("", "review_checks", list(REVIEW_CHECKS))

    # Step 9: review.

    def review(self) -> bool:
        """Show every answer; let the user change any of them. True when finished."""
        while True:
            self.show_summary()
            choices: list[Any] = [questionary.Choice("No, save and render", FINISH)]
            for step in self.steps():
                choices.append(questionary.Separator(f"-- {TITLES[step]} --"))
                choices += [
                    questionary.Choice(self.line(q, width=_width() - 8), q)
                    for q, _ in QUESTIONS[step]
                ]
            choices.append(questionary.Choice("Save and stop here", STOP))
            choice = self.prompter.select("Anything to change?", choices)
            if choice == FINISH:
                problems = self.problems()
                if not problems:
                    if self.original is None:  # otherwise the file is as it was
                        self.save("done")
                    return True
                self.prompter.say("\nThe case is not complete yet:", "fg:ansired bold")
                for line in problems:
                    self.prompter.say(_wrap(line, indent="  "), "fg:ansired")
                continue
            if choice == STOP:
                if self.original is None:
                    self.save("review")
                return False
            self.change(choice)
            self.save("review")

    def change(self, question: str, done: set[str] | None = None) -> None:
        """Ask one question again, then every answer that depends on it."""
        done = set() if done is None else done
        done.add(question)
        before = self.value(question)
        self.ask(question)
        if question == "issue" and self.value(question) == before:
            return
        after = [*AFTER.get(question, ())]
        if question == "corrective_actions" and self.pending_measures:
            after.append("preventive_measures")
        for dependent in after:
            if dependent in done or (dependent in PIP_ONLY and not self.is_pip):
                continue
            self.prompter.say(
                f"\n{LABELS[dependent]} depend on that answer: please check again.", "bold"
            )
            self.change(dependent, done)

    def problems(self) -> list[str]:
        """Every problem `poa validate` would report for the case as it stands."""
        from poa.case.files import case_from_data

        try:
            case_from_data(self.data, catalog=self.catalog, today=self.today, name=str(self.path))
        except CaseInvalidError as exc:
            return [f"{p.field}: {p.message}" for p in exc.problems]
        return []

    def steps(self) -> list[str]:
        return [s for s in QUESTIONS if s != "metrics" or self.is_pip]

    def line(self, question: str, width: int = 0) -> str:
        """One answer as `Label: value`, cut to the width when given."""
        text = f"{LABELS[question]}: {_show(self.value(question))}"
        return text if not width or len(text) <= width else text[: width - 3] + "..."

    def show_summary(self) -> None:
        say = self.prompter.say
        say("\n" + "=" * 20 + " Your answers " + "=" * 20, "bold")
        for step in self.steps():
            say(f"\n{TITLES[step]}", "bold")
            for question, _ in QUESTIONS[step]:
                value = self.value(question)
                if question in LIST_ANSWERS and value:
                    for item in value:
                        say(_wrap(_show_item(item), indent="  "))
                elif question not in LIST_ANSWERS or not value:
                    say(_wrap(self.line(question), indent="  "))
        say()

    # Running the whole flow.

    def run_step(self, step: str) -> None:
        """Ask a step's questions, but not the single answers it already has (on resume)."""
        begin = getattr(self, f"begin_{step}", None)
        if begin:
            begin()
        for question, _ in QUESTIONS[step]:
            if question in LIST_ANSWERS or self.value(question) in (None, "", []):
                self.ask(question)
        end = getattr(self, f"end_{step}", None)
        if end:
            end()

    def run(self) -> bool:
        """Ask every step from where the interview stands; True when the case is complete."""
        asked = False
        for step in STEPS[STEPS.index(self.step) : -1]:
            if step in self.steps():  # asked one by one: the answers decide if metrics are
                self.save(step)
                self.prompter.say(f"\n== {TITLES[step]} ==", "bold")
                self.run_step(step)
                asked = True
        if asked:  # a case opened at its review is not rewritten just for opening it
            self.save("review")
        return self.review()


def _next_id(prefix: str, used: set[Any]) -> str:
    """The first free id such as RC3; marks it used."""
    number = 1
    while f"{prefix}{number}" in used:
        number += 1
    used.add(f"{prefix}{number}")
    return f"{prefix}{number}"


def _update(item: dict[str, Any], answers: dict[str, Any]) -> None:
    """Set the answered fields; an optional field left empty is removed."""
    for key, value in answers.items():
        if value in (None, "", []):
            item.pop(key, None)
        else:
            item[key] = value


def _show(value: Any) -> str:
    if value in (None, "", []):
        return "-"
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values())
    if isinstance(value, list):
        if isinstance(value[0], dict):
            return "; ".join(_show_item(item) for item in value)
        return ", ".join(str(v) for v in value)
    return str(value)


def _show_item(item: dict[str, Any]) -> str:
    """One list item in a line: its id, its text and its date or owner."""
    if "metric" in item and "due_on" in item:
        return f"{item['due_on']}: {item['metric']} {item.get('target')}%"
    if "metric" in item:
        return f"{item['metric']}: {item.get('value')}% now, target {item.get('target')}%"
    text = next((item[k] for k in ("summary", "action", "measure", "file") if k in item), "")
    extra = [str(item[k]) for k in ("completed_on", "owner", "frequency") if item.get(k)]
    return f"{item.get('id', '')}: {text}" + (f" [{', '.join(extra)}]" if extra else "")


def _market_choices(checked: set[str] | None = None) -> list[questionary.Choice]:
    return [
        questionary.Choice(
            f"{m.code}  {m.name}", m.code, checked=checked is not None and m.code in checked
        )
        for m in MARKETPLACES.values()
    ]


def _width() -> int:
    import shutil

    return max(40, min(100, shutil.get_terminal_size((80, 24)).columns))


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _number(text: str) -> Any:
    try:
        return float(text) if "." in text else int(text)
    except ValueError:
        return text


def _nonempty(text: str) -> bool | str:
    return True if text.strip() else "is empty: write the actual text"


def _guess_kind(text: str) -> str:
    lowered = text.lower()
    for word, kind in (
        ("invoice", "invoice"),
        ("authoris", "letter-of-authorization"),
        ("authoriz", "letter-of-authorization"),
        ("test report", "test-report"),
        ("certificate", "certificate"),
        ("photo", "photo"),
        ("screenshot", "screenshot"),
        ("utility", "utility-bill"),
        ("agreement", "contract"),
        ("identity", "identity-document"),
    ):
        if word in lowered:
            return kind
    return "report"


def _wrap(text: str, indent: str = "  ") -> str:
    width = _width() - 2
    return textwrap.fill(text, width=width, initial_indent=indent, subsequent_indent=indent)


def dump(data: dict[str, Any]) -> str:
    """Case data as the interview writes it."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)


def _free_name(path: Path) -> Path:
    """The path, or the same name with -2, -3... before its suffix when it exists."""
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


def default_case_path(today: date) -> Path:
    """A new file name in the current folder that does not exist yet."""
    return _free_name(Path(f"poa-case-{today.isoformat()}.yaml"))
