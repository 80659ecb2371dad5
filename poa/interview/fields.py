"""Single answers checked by the case model's own field types, with `poa validate`'s messages."""

from __future__ import annotations

import re
import typing
from collections.abc import Callable
from datetime import date
from enum import Enum
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, TypeAdapter, ValidationError

from poa import yamlfile
from poa.catalog import IssueType
from poa.checks.engine import check_text
from poa.checks.findings import FieldKind, Finding, Severity
from poa.interview.terminal import Prompts

DATE_FORMAT = " (YYYY-MM-DD)"
PASTE_HINT = "(separate with spaces or commas; Enter for none)"
Extra = Callable[[Any], str | None]


@cache
def adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """A validator for one field of a model, with its constraints."""
    info = model.model_fields[name]
    annotation: Any = info.annotation
    if info.metadata:
        annotation = Annotated[(annotation, *info.metadata)]
    return TypeAdapter(annotation)


def field_problem(model: type[BaseModel], name: str, value: Any) -> str | None:
    """The message `poa validate` would give for this value of this field, or None."""
    try:
        adapter(model, name).validate_python(value)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        return yamlfile.message_for(error, (name, *error["loc"]), model)
    return None


def choice_values(model: type[BaseModel], name: str) -> tuple[Any, ...]:
    """The values a Literal or Enum field allows, in the model's order."""
    found: list[Any] = []

    def walk(annotation: Any) -> None:
        if typing.get_origin(annotation) is Literal:
            found.extend(typing.get_args(annotation))
        elif isinstance(annotation, type) and issubclass(annotation, Enum):
            found.extend(member.value for member in annotation)
        else:
            for arg in typing.get_args(annotation):
                walk(arg)

    walk(model.model_fields[name].annotation)
    return tuple(found)


def optional(model: type[BaseModel], name: str) -> bool:
    """Whether a case is complete without this field."""
    return not model.model_fields[name].is_required()


def split_list(text: str) -> list[str]:
    """Items pasted as a list: separated by commas, spaces, semicolons or new lines."""
    return [item for item in re.split(r"[\s,;]+", text.strip()) if item]


THOUSANDS = re.compile(r"(?<=\d)[,\u00a0 '](?=\d{3}(?!\d))")


def to_number(text: str) -> Any:
    """A typed number as int or float, thousands separators allowed (1,710); anything else
    as typed, for the model to report."""
    text = THOUSANDS.sub("", text.strip())
    try:
        return float(text) if "." in text else int(text)
    except ValueError:
        return text


def to_percent(text: str) -> Any:
    """A percentage as sellers type or paste it: '1.8%', '1,8' (a European store's decimal
    comma), ' 1.8 '; anything else as typed, for the model to report."""
    text = text.strip().removesuffix("%").strip()
    if re.fullmatch(r"\d+,\d{1,2}", text):
        text = text.replace(",", ".")
    return to_number(text)


def nonempty(text: str) -> bool | str:
    """A check for free text that has no field of its own."""
    return True if text.strip() else "is empty: write the actual text"


def reviewed(kind: FieldKind | None, issue: IssueType | None, text: str) -> str | None:
    """The reviewer's error on this text, with its advice, or None."""
    if kind is None:
        return None
    errors = [f for f in check_text(kind, text, issue) if f.severity is Severity.ERROR]
    return f"{errors[0].message}: {errors[0].suggestion}" if errors else None


def kept(prompter: Prompts, kind: FieldKind | None, issue: IssueType | None, text: str) -> bool:
    """Whether to keep a text the reviewer warns about (say each warning, then ask)."""
    if kind is None:
        return True
    warnings: list[Finding] = [
        f for f in check_text(kind, text, issue) if f.severity is Severity.WARNING
    ]
    for finding in warnings:
        prompter.say(f"  A reviewer would object: it {finding.message}.", "alarm")
        prompter.say(f"  {finding.suggestion}", "hint")
    return not warnings or prompter.confirm("Keep it anyway?", default=False)


def ask_field(
    prompter: Prompts,
    model: type[BaseModel],
    name: str,
    message: str,
    default: Any = "",
    *,
    optional: bool = False,
    extra: Extra | None = None,
    long: bool = False,
    convert: Callable[[str], Any] = str,
    hint: str | None = None,
    kind: FieldKind | None = None,
    issue: IssueType | None = None,
) -> Any:
    """Ask for one field, checked as typed by the model (and an extra rule given the value)
    and, for a text of a kind the reviewer's checks read, by them: an error is asked again, a
    warning may be kept. The field's description is shown above a one-line question unless a
    hint is given."""
    if hint is None:
        hint = model.model_fields[name].description or ""

    def check(text: str) -> bool | str:
        if optional and not text.strip():
            return True
        value = convert(text.strip())
        problem = field_problem(model, name, value)
        if problem is None and extra is not None:
            problem = extra(adapter(model, name).validate_python(value))
        if problem is None and isinstance(value, str):
            problem = reviewed(kind, issue, value)
        return True if problem is None else problem

    ask = prompter.long_text if long else prompter.text
    label = message + (" (optional)" if optional else "")
    if hint and not long:
        prompter.say(f"  {hint}", "hint")
    text = ask(label, "" if default is None else str(default), validate=check)
    while text and not kept(prompter, kind, issue, text):
        text = ask(label, text, validate=check)
    if optional and not text:
        return None
    return adapter(model, name).validate_python(convert(text))


def ask_date(
    prompter: Prompts,
    model: type[BaseModel],
    name: str,
    message: str,
    default: date | None = None,
    *,
    optional: bool = False,
    extra: Callable[[date], str | None] | None = None,
    hint: str | None = None,
) -> date | None:
    """Ask for a date field, proposing a date. The question says the format, so the field's
    description, shown above it, need not say it again."""
    if hint is None:
        hint = (model.model_fields[name].description or "").replace(DATE_FORMAT, "")
    value = ask_field(
        prompter,
        model,
        name,
        message + DATE_FORMAT,
        default.isoformat() if default else "",
        optional=optional,
        extra=extra,
        hint=hint,
    )
    return value if isinstance(value, date) else None


def as_list(value: Any) -> list[str]:
    """A list answer as the file has it; one value written without a list (`asins: B0...`,
    or a number YAML read from an ISBN) is one item, not one item a character."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(item) for item in value]
    return split_list(str(value))


def ask_pasted(
    prompter: Prompts, model: type[BaseModel], name: str, message: str, default: Any
) -> list[str]:
    """A pasted list of identifiers, every item checked; empty is allowed."""

    def check(text: str) -> bool | str:
        for index, item in enumerate(split_list(text)):
            problem = field_problem(model, name, [item])
            if problem:
                return f"item {index + 1} ({item}): {problem}"
        return True

    text = prompter.text(
        message, " ".join(as_list(default)), validate=check, instruction=PASTE_HINT
    )
    return list(adapter(model, name).validate_python(split_list(text)))
