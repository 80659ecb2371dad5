"""Safe YAML reading that remembers where every value stood, and errors mapped to file:line:col."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from poa.errors import InputError, Problem
from poa.textfile import MAX_BYTES as MAX_BYTES
from poa.textfile import TOO_LARGE
from poa.textfile import decode as decode
from poa.textfile import read_bytes as read_bytes
from poa.textfile import read_text as read_text
from poa.yamlnumbers import written
from poa.yamlsyntax import syntax_problem

DATE_HINT = "is not a date: write it as YYYY-MM-DD, such as 2026-03-14"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # written as a date, whether or not it is one
MAX_NODES = 200_000
# A case is a handful of levels deep. PyYAML builds nested values by recursion, so a deeper
# document is refused from its tokens, before it is built.
MAX_DEPTH = 32
_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()

Loc = tuple[str | int, ...]


@dataclass
class Document:
    """A parsed YAML document: its data and the line/column of each value and key."""

    name: str
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc, prefer_key: bool = False) -> tuple[int, int] | None:
        """Where a location is, or its closest enclosing value."""
        for cut in range(len(loc), -1, -1):
            part = loc[:cut]
            table = self.keys if prefer_key and cut == len(loc) else self.values
            if part in table:
                return table[part]
            if part in self.values:
                return self.values[part]
        return None

    def problem(self, loc: Loc, message: str, prefer_key: bool = False) -> Problem:
        """A problem at a location of this document."""
        pos = self.position(loc, prefer_key)
        line, column = pos if pos else (None, None)
        return Problem(self.name, line, column, format_loc(loc), message)


def format_loc(loc: Loc) -> str:
    """`corrective_actions[1].completed_on` from a location tuple."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse(text: str, name: str) -> Document:
    """Parse one YAML document safely (no object construction), recording positions.
    Size, nesting depth and the number of values are bounded before anything is built."""
    if len(text) > MAX_BYTES:
        raise InputError(TOO_LARGE, [Problem(name, None, None, "", TOO_LARGE)])
    nodes: list[yaml.Node] = []
    if text.strip():  # only white space (a stray tab, say) is an empty file, not bad YAML
        _check_shape(text, name)
        nodes = _compose(text, name)
    if not nodes or nodes[0] is None:
        raise InputError(
            "empty", [Problem(name, 1, 1, "", "file is empty: start from `poa new ISSUE-TYPE`")]
        )
    if len(nodes) > 1:
        mark = nodes[1].start_mark
        message = "file holds more than one YAML document ('---'): keep one case per file"
        raise InputError(
            "several documents", [Problem(name, mark.line + 1, mark.column + 1, "", message)]
        )
    doc = Document(name, None)
    doc.data = _Builder(doc).build(nodes[0], ())
    return doc


_OPENERS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSERS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _check_shape(text: str, name: str, loader: type = _LOADER) -> None:
    """Refuse text nested deeper than MAX_DEPTH or holding more than MAX_NODES values, from
    the parser's events (read without recursion), before any node is built."""
    depth = values = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, _OPENERS):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _shape_problem(name, event, _TOO_DEEP)
            elif isinstance(event, _CLOSERS):
                depth -= 1
            elif isinstance(event, yaml.ScalarEvent):
                values += 1
                if values > MAX_NODES:
                    raise _shape_problem(name, event, _TOO_MANY)
    except yaml.MarkedYAMLError as exc:
        problem = syntax_problem(exc, name, text)
        if "nesting depth" not in (exc.problem or ""):
            raise InputError("YAML syntax error", [problem]) from None
        # libyaml (PyYAML 6.0.4) reads ahead to its own limit, past ours: find where ours is.
        if loader is not yaml.SafeLoader:
            _check_shape(text, name, yaml.SafeLoader)
        raise InputError(_TOO_DEEP, [replace(problem, message=_TOO_DEEP)]) from None
    except yaml.YAMLError as exc:
        problem = Problem(name, None, None, "", f"not valid YAML: {exc}")
        raise InputError("YAML error", [problem]) from None


_TOO_DEEP = (
    f"nested more than {MAX_DEPTH} levels deep: a case file needs only a few levels; "
    "check for brackets or indentation that run away"
)
_TOO_MANY = (
    f"holds more than {MAX_NODES:,} values: a case file is much shorter; "
    "check you picked the right file"
)


def _shape_problem(name: str, event: yaml.Event, message: str) -> InputError:
    mark = event.start_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return InputError(message, [Problem(name, line, column, "", message)])


def _compose(text: str, name: str) -> list[yaml.Node]:
    try:
        return list(yaml.compose_all(text, Loader=_LOADER))
    except yaml.MarkedYAMLError as exc:
        raise InputError("YAML syntax error", [syntax_problem(exc, name, text)]) from None
    except yaml.YAMLError as exc:
        raise InputError(
            "YAML error", [Problem(name, None, None, "", f"not valid YAML: {exc}")]
        ) from None


class _Builder:
    """Turns composed nodes into plain data, recording positions, with a size budget."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.budget = MAX_NODES
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        doc = self.doc
        self.budget -= 1
        if self.budget < 0 or len(loc) > MAX_DEPTH:
            # Aliases can nest a value in itself, or chain deeper than the text looks.
            raise _node_problem(
                doc,
                node,
                loc[:1],
                "too many values or levels (anchors and aliases expand too far): "
                "write the case out plainly",
            )
        doc.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_TAGS:
            raise _node_problem(
                doc,
                node,
                loc,
                f"the YAML tag {node.tag!r} is not allowed: "
                "case files hold plain text, numbers, dates and lists",
            )
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        return self.scalar(node, loc)

    def mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        doc = self.doc
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _node_problem(
                    doc, key_node, loc, "'<<' merge keys are not supported: write the fields out"
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise _node_problem(doc, key_node, loc, "a field name must be plain text")
            key = str(self.scalar(key_node, loc))
            if key in result:
                raise _node_problem(
                    doc, key_node, (*loc, key), f"field {key!r} appears twice here: keep one"
                )
            doc.keys[(*loc, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, (*loc, key))
        return result

    def scalar(self, node: yaml.Node, loc: Loc) -> Any:
        try:
            return written(self.constructor.construct_object(node, deep=True), str(node.value))
        except yaml.YAMLError as exc:
            reason = getattr(exc, "problem", "") or exc
        except Exception:  # PyYAML's constructors fail on bad values in many ways
            if node.tag == _implicit_tag(str(node.value)):
                # A date-like value that is no real date (2026-13-01): keep the text, so the
                # model reports it with every other problem, or takes it where text is wanted.
                return str(node.value)
            reason = f"{str(node.value)[:40]!r} is not a valid {node.tag.rsplit(':', 1)[-1]}"
        raise _node_problem(
            self.doc,
            node,
            loc,
            f"cannot read this value ({reason}): remove the tag and write plain text, "
            "numbers, dates or lists",
        )


def _implicit_tag(value: str) -> str:
    """The tag YAML gives this text written plainly, without a tag of its own."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return tag


def _node_problem(doc: Document, node: yaml.Node, loc: Loc, message: str) -> InputError:
    mark = node.start_mark
    return InputError(
        message, [Problem(doc.name, mark.line + 1, mark.column + 1, format_loc(loc), message)]
    )


def validation_problems(
    exc: ValidationError, doc: Document, model: type[BaseModel], prefix: Loc = ()
) -> list[Problem]:
    """Every Pydantic error as a Problem a seller can act on; `prefix` is where the validated
    value sits in the document (an entry of a list, say)."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        kind = error["type"]
        message = message_for(error, loc, model)
        problems.append(doc.problem((*prefix, *loc), message, prefer_key=kind == "extra_forbidden"))
    return problems


_FIXED_MESSAGES = {
    "missing": "is required but missing: add it",
    "int_parsing": "should be a whole number, such as 12",
    "int_type": "should be a whole number, such as 12",
    "int_from_float": "should be a whole number, such as 12",
    "float_parsing": "should be a number, such as 1.8",
    "float_type": "should be a number, such as 1.8",
    "finite_number": "should be a number, such as 1.8",
    "int_parsing_size": "is far too large a number: check it",
    "string_type": "should be text",
    "list_type": "should be a list: put each item on its own line starting with '- '",
    "dict_type": "should be a group of fields (name: value lines indented under it)",
    "model_type": "should be a group of fields (name: value lines indented under it)",
    "model_attributes_type": "should be a group of fields (name: value lines indented under it)",
    "too_short": "must have at least one item",
    "bool_type": "should be true or false",
    "bool_parsing": "should be true or false",
    **dict.fromkeys(
        (
            "date_type",
            "date_parsing",
            "date_from_datetime_parsing",
            "date_from_datetime_inexact",
        ),
        DATE_HINT,
    ),
}
_LIMIT_WORDS = {
    "greater_than_equal": ("ge", "at least"),
    "less_than_equal": ("le", "at most"),
    "greater_than": ("gt", "more than"),
    "less_than": ("lt", "less than"),
}


def message_for(error: Any, loc: Loc, model: type[BaseModel]) -> str:
    """A seller's message for one Pydantic error at this location of this model."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if (
        kind != "missing"
        and error.get("input", "") is None
        and kind.endswith(("_type", "_parsing"))
    ):
        parent: Any = model  # the model holding the field
        for part in [p for p in loc if isinstance(p, str)][:-1]:
            info = parent.model_fields.get(part) if _is_model(parent) else None
            parent = _inner_model(info.annotation) if info else None
        info = parent.model_fields.get(loc[-1]) if _is_model(parent) else None
        optional = info is not None and not info.is_required()
        return "is empty: fill it in or delete the line" if optional else "is required: fill it in"
    if _FIXED_MESSAGES.get(kind) == DATE_HINT and _DAY.fullmatch(str(error.get("input", ""))):
        return "is not a real date: check the month and the day (YYYY-MM-DD)"
    if kind in _FIXED_MESSAGES:
        return _FIXED_MESSAGES[kind]
    if kind == "extra_forbidden":
        return _unknown_field_message(loc, model)
    if kind in ("literal_error", "enum"):
        return f"must be one of {ctx.get('expected', '')}"
    if kind in _LIMIT_WORDS:
        key, words = _LIMIT_WORDS[kind]
        return f"must be {words} {_number(ctx.get(key))}"
    # Text whose limit is checked after its own validators comes as "too_long", not as
    # "string_too_long": it is still a number of characters.
    if kind == "string_too_long" or (kind == "too_long" and isinstance(error.get("input"), str)):
        return f"is too long: at most {ctx.get('max_length')} characters"
    if kind == "string_too_short":
        if not str(error.get("input", "")).strip():
            return "is empty: fill it in"
        return f"is too short: write at least {ctx.get('min_length')} characters"
    if kind == "string_pattern_mismatch":
        return _pattern_message(loc)
    return str(error["msg"]).removeprefix("Value error, ")


def _number(value: Any) -> str:
    """A bound as a person writes it: 100, not 100.0."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _unknown_field_message(loc: Loc, model: type[BaseModel]) -> str:
    known = _fields_at(model, loc[:-1])
    close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
    if close:
        return f"unknown field: did you mean `{close[0]}`?"
    return "unknown field: " + ("known fields: " + ", ".join(known) if known else "remove it")


def _unknown_field(loc: Loc, model: type[BaseModel]) -> str:
    known = _fields_at(model, loc[:-1])
    close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
    hint = (
        f"did you mean `{close[0]}`?"
        if close
        else ("known fields: " + ", ".join(known) if known else "remove it")
    )
    return f"unknown field: {hint}"


def _pattern_message(loc: Loc) -> str:
    last = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if last == "email":
        return "is not an email address: write it as name@example.com"
    return (
        "is not a valid id: start with a letter and use letters, digits, '-', '_' or '.', "
        "such as RC1 or E2"
    )


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if _is_model(current) else None
        if info is None:
            return []
        current = _inner_model(info.annotation)
    return list(current.model_fields) if _is_model(current) else []


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _inner_model(annotation: Any) -> Any:
    if _is_model(annotation):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
