"""The Jinja sandbox with limits: a template may run so many loop steps and calls, write so
much text, use no number large enough to blow up memory, and stop after a time limit."""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from jinja2 import nodes
from jinja2.runtime import Context, LoopContext
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer

MAX_STEPS = 1_000_000  # loop iterations and calls in one rendering
MAX_OUTPUT = 2_000_000  # characters written or joined in one rendering
MAX_SECONDS = 10.0  # a last resort: the limits above stop runaway templates long before
MAX_NUMBER = 100_000  # the largest width or count a call or filter may be given
MAX_EXPONENT = 1_000
# A width or precision of four digits or more in a %- or {}-format string.
_WIDE_FORMAT = re.compile(r"%[-#0 +]*(\d{4,}|\d*\.\d{4,})|\{[^{}]*:[^{}]*\d{4,}[^{}]*\}")
_NUMERIC_ARGS_ALLOWED = {"format", "format_map"}  # values to print, not sizes


class TemplateLimitError(Exception):
    """A template went past one of the limits; the message says which."""


class Budget:
    """What one rendering may still spend."""

    def __init__(self) -> None:
        self.steps = 0
        self.output = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def spend(self, steps: int = 0, chars: int = 0) -> None:
        """Count work done; raise TemplateLimitError past a limit."""
        self.steps += steps
        self.output += chars
        if self.steps > MAX_STEPS:
            raise TemplateLimitError(
                f"stopped after {MAX_STEPS:,} loop steps and calls: a loop runs too long"
            )
        if self.output > MAX_OUTPUT:
            raise TemplateLimitError(
                f"stopped after writing {MAX_OUTPUT:,} characters: the output grows without end"
            )
        if time.monotonic() > self.deadline:
            raise TemplateLimitError(f"stopped after {MAX_SECONDS:g} seconds")


_BUDGET: ContextVar[Budget | None] = ContextVar("poa_template_budget", default=None)
_COMPILING: ContextVar[bool] = ContextVar("poa_template_compiling", default=False)


@contextmanager
def bounded() -> Iterator[Budget]:
    """A fresh budget for the renderings inside the block."""
    token = _BUDGET.set(Budget())
    try:
        budget = _BUDGET.get()
        assert budget is not None
        yield budget
    finally:
        _BUDGET.reset(token)


def spend(steps: int = 0, chars: int = 0) -> None:
    """Charge the current rendering's budget, if one is running."""
    budget = _BUDGET.get()
    if budget is not None:
        budget.spend(steps, chars)


def _loop(iterable: Iterable[Any], body_chars: int = 0) -> Iterator[Any]:
    # Every {% for %} iterates through here: one step, and its body's fixed text, per item.
    for item in iterable:
        spend(1, body_chars)
        yield item


def _concat(*parts: Any) -> str:
    # Every `~` joins through here, so text built up in a loop counts against the output.
    text = "".join(str(part) for part in parts)
    spend(0, len(text))
    return text


def _check_number(value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
        raise TemplateLimitError(
            f"the number {value:,} is larger than a template may pass ({MAX_NUMBER:,})"
        )


def _check_format(value: Any) -> None:
    if isinstance(value, str) and _WIDE_FORMAT.search(value):
        raise TemplateLimitError("a format string asks for a width of a thousand or more")


def _guarded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    skip = 2 if getattr(func, "jinja_pass_arg", None) is not None else 1

    @functools.wraps(func)  # keeps jinja_pass_arg, so Jinja passes the context as before
    def guarded(*args: Any, **kwargs: Any) -> Any:
        spend(1)
        if name == "format":
            _check_format(args[skip - 1] if len(args) >= skip else None)
        else:
            for value in (*args[skip:], *kwargs.values()):
                _check_number(value)
        return func(*args, **kwargs)

    return guarded


class _Guards(NodeTransformer):
    """Rewrites a parsed template so loops and `~` joins go through the budget."""

    def visit_For(self, node: nodes.For) -> nodes.Node:  # noqa: N802 (Jinja's visitor names)
        self.generic_visit(node)
        fixed = sum(len(d.data) for n in node.body for d in _own_text(n))
        node.iter = _call("_poa_loop", [node.iter, nodes.Const(fixed)], node)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:  # noqa: N802
        self.generic_visit(node)
        return _call("_poa_concat", list(node.nodes), node)


def _own_text(node: nodes.Node) -> Iterator[nodes.TemplateData]:
    # The fixed text of a loop body, leaving out nested loops (they charge their own).
    if isinstance(node, nodes.TemplateData):
        yield node
    elif not isinstance(node, nodes.For):
        for child in node.iter_child_nodes():
            yield from _own_text(child)


def _call(name: str, args: list[Any], where: nodes.Node) -> nodes.Call:
    call = nodes.Call(nodes.Name(name, "load"), args, [], None, None)
    call.set_lineno(where.lineno)
    if where.environment is not None:
        call.set_environment(where.environment)
    return call


class BoundedEnvironment(SandboxedEnvironment):
    """A sandbox that counts loop steps, calls and output, and refuses sizes that could use
    up memory (`*`, `**`, `%` and widths passed to calls and filters)."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["_poa_loop"] = _loop
        self.globals["_poa_concat"] = _concat

    def is_safe_callable(self, obj: Any) -> bool:
        """As the sandbox says, but never while compiling: Jinja would otherwise run calls with
        constant arguments at compile time, past the checks in `call`."""
        return not _COMPILING.get() and super().is_safe_callable(obj)

    def guard_filters(self) -> None:
        """Route every filter through the budget; call after the filters are registered."""
        for name, func in list(self.filters.items()):
            self.filters[name] = _guarded_filter(name, func)

    def compile(
        self,
        source: str | nodes.Template,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        """Compile with every loop and join guarded."""
        if isinstance(source, str):
            source = self.parse(source, name, filename)
        _Guards().visit(source)
        token = _COMPILING.set(True)
        try:
            return super().compile(source, name, filename, raw, defer_init)  # type: ignore[call-overload]
        finally:
            _COMPILING.reset(token)

    def call(
        __self,  # noqa: N805 (Jinja's own signature)
        __context: Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """Call a function from a template, within the budget."""
        spend(1)
        if isinstance(__obj, LoopContext) and args:
            args = (_loop(args[0]), *args[1:])  # a recursive loop's next level
        # Jinja hands out str.format wrapped (for its safe formatter); look through the wrapper.
        method = getattr(__obj, "__wrapped__", __obj)
        bound_to = getattr(method, "__self__", None)
        if isinstance(bound_to, str) and getattr(method, "__name__", "") in _NUMERIC_ARGS_ALLOWED:
            _check_format(bound_to)
        else:
            for value in (*args, *kwargs.values()):
                _check_number(value)
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """`*`, `**`, `%` and `+` from a template, refused where they would be huge."""
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise TemplateLimitError(f"an exponent over {MAX_EXPONENT:,} is not allowed")
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(count, int):
                    size = len(seq) * max(count, 0)
                    if size > MAX_OUTPUT:
                        raise TemplateLimitError(f"`*` would make {size:,} items or characters")
                    spend(0, size)
        if operator == "%":
            _check_format(left)
        result = super().call_binop(context, operator, left, right)
        if operator == "+" and isinstance(result, str | list | tuple):
            spend(0, len(result))
        return result
