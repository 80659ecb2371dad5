"""The template library: sandboxed Jinja templates that render a case to Markdown, with case
text escaped so that it is always printed as literal text."""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.loaders import split_template_path

from poa.case.dates import format_date
from poa.case.marketplaces import Marketplace
from poa.case.values import BIDI_CONTROLS
from poa.documents.sandbox import MAX_OUTPUT, BoundedEnvironment, TemplateLimitError, bounded, spend
from poa.documents.spelling import StoreSpelling
from poa.errors import DocumentTemplateError
from poa.resources import builtin_dir

ENV_TEMPLATES = "POA_TEMPLATES"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")
_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|[-+](?=\s|$)|\d{1,9}[.)](?=\s|$)|=+$|-+$)")


class Markdown(str):
    """Text a template has marked as Markdown, printed without escaping."""

    __slots__ = ()


def escape_markdown(value: object) -> str:
    """Case text as literal Markdown: whitespace folded, syntax characters escaped, direction
    controls left out (they could show text in another order than it was written)."""
    text = " ".join(BIDI_CONTROLS.sub("", str(value)).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    if match := _BLOCK_START.match(text):
        mark = match.group(1)
        text = mark[:-1] + "\\" + mark[-1] + text[len(mark) :]
    return text


def _finalize(value: object) -> object:
    # Every printed value goes through here: case text is data, never markup.
    if value is None:
        return ""
    text = value if isinstance(value, Markdown) else escape_markdown(value)
    spend(0, len(text))
    return text


class TemplateLibrary:
    """Document templates: user folders first, then the built-in library."""

    def __init__(self, folders: Iterable[str | Path] = ()) -> None:
        env = [p for p in os.environ.get(ENV_TEMPLATES, "").split(os.pathsep) if p]
        self.folders = [Path(p) for p in (*folders, *env)]
        for folder in self.folders:
            if not folder.is_dir():
                raise DocumentTemplateError(f"{folder}: templates folder does not exist")
        self.builtin = builtin_dir() / "documents"
        self.env = _environment(tuple(str(p) for p in (*self.folders, self.builtin)))

    def names(self) -> list[str]:
        """Every template name available, user and built-in."""
        return sorted(self.env.list_templates(filter_func=lambda n: not n.startswith(".")))

    def source(self, name: str) -> str:
        """A template's source text, as poa would use it."""
        try:
            loader = self.env.loader
            assert loader is not None
            return loader.get_source(self.env, name)[0]
        except jinja2.TemplateNotFound:
            raise DocumentTemplateError(
                f"no template named {name!r}: {', '.join(self.names())}"
            ) from None

    def render(self, name: str, context: dict[str, Any]) -> str:
        """Render one template within the sandbox's limits; errors name the template and
        line."""
        try:
            with bounded():
                return _collect(self.env.get_template(name).generate(context), name)
        except TemplateLimitError as exc:
            raise DocumentTemplateError(f"{_template_line(exc, name)}: {exc}") from None
        except RecursionError as exc:
            raise DocumentTemplateError(
                f"{_template_line(exc, name)}: a macro, include or recursive loop calls itself "
                "without end"
            ) from None
        except jinja2.TemplateNotFound as exc:
            raise DocumentTemplateError(f"no template named {exc.name!r}") from None
        except jinja2.TemplateSyntaxError as exc:
            where = f"{exc.filename or exc.name}:{exc.lineno}"
            raise DocumentTemplateError(f"{where}: template syntax error: {exc.message}") from None
        except (
            jinja2.UndefinedError,
            jinja2.exceptions.SecurityError,
            TypeError,
            ValueError,
            AttributeError,
            OverflowError,
        ) as exc:
            raise DocumentTemplateError(f"{_template_line(exc, name)}: {exc}") from None


def _collect(pieces: Iterator[str], name: str) -> str:
    text: list[str] = []
    size = 0
    for piece in pieces:
        size += len(piece)
        if size > MAX_OUTPUT:
            raise DocumentTemplateError(
                f"{name}: stopped after writing {MAX_OUTPUT:,} characters: "
                "the output grows without end"
            )
        text.append(piece)
    return "".join(text)


class ContainedLoader(jinja2.FileSystemLoader):
    """Templates from folders, refusing a file that resolves outside its folder (a symbolic
    link could otherwise pull any readable file into a document)."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """The template's text, file name and freshness check."""
        pieces = split_template_path(template)
        for folder in self.searchpath:
            candidate = Path(folder, *pieces)
            if candidate.is_file():
                real, base = candidate.resolve(), Path(folder).resolve()
                if not real.is_relative_to(base):
                    raise DocumentTemplateError(
                        f"{candidate}: leads to {real}, outside its templates folder {folder}: "
                        "copy the file into the folder instead of linking to it"
                    )
                break
        return super().get_source(environment, template)


def _template_line(exc: BaseException, name: str) -> str:
    # Jinja rewrites tracebacks so template frames carry the template's file and line.
    where = name
    for frame, line in traceback.walk_tb(exc.__traceback__):
        filename = frame.f_code.co_filename
        if filename.endswith((".j2", ".md", ".jinja")):
            where = f"{filename}:{line}"
    return where


@lru_cache(maxsize=8)
def _environment(folders: tuple[str, ...]) -> BoundedEnvironment:
    env = BoundedEnvironment(
        loader=ContainedLoader(list(folders)),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do", StoreSpelling],
    )
    env.filters["md"] = Markdown
    env.filters["extract"] = lambda key, mapping: mapping[key]
    env.filters["sentence"] = _sentence
    env.filters["date"] = _format_date
    env.filters["plural"] = _plural
    env.guard_filters()
    return env


@jinja2.pass_context
def _format_date(context: jinja2.runtime.Context, value: date) -> str:
    market: Marketplace = context["marketplace"]
    return format_date(value, market)


def _sentence(text: str) -> str:
    text = " ".join(str(text).split())
    return text if not text or text[-1] in ".!?" else text + "."


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


@lru_cache(maxsize=1)
def default_library() -> TemplateLibrary:
    """The built-in templates plus any POA_TEMPLATES folders."""
    return TemplateLibrary()
