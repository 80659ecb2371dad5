"""The template library: sandboxed Jinja templates that render a case to Markdown, and the
Markdown parsed into the document tree every writer walks."""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from . import ids, rules
from .catalog import ROUTES, Catalog, builtin_dir, load_catalog
from .errors import TemplateError
from .models import Case, Metric

ENV_TEMPLATES = "POA_TEMPLATES"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")
_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|[-+](?=\s|$)|\d{1,9}[.)](?=\s|$)|=+$|-+$)")


class Markdown(str):
    """Text a template has marked as Markdown, printed without escaping."""

    __slots__ = ()


def escape_markdown(value: object) -> str:
    """Case text as literal Markdown: whitespace folded, syntax characters escaped."""
    text = " ".join(str(value).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    if match := _BLOCK_START.match(text):
        mark = match.group(1)
        text = mark[:-1] + "\\" + mark[-1] + text[len(mark) :]
    return text


def _finalize(value: object) -> object:
    # Every printed value goes through here: case text is data, never markup.
    if value is None:
        return ""
    if isinstance(value, Markdown):
        return value
    return escape_markdown(value)


@dataclass(frozen=True)
class Rendered:
    """A case rendered to Markdown, with the tree and the facts writers need."""

    markdown: str
    tree: SyntaxTreeNode
    title: str
    author: str
    subject: str
    keywords: str
    created: date
    paper: str
    language: str


class TemplateLibrary:
    """Document templates: user folders first, then the built-in library."""

    def __init__(self, folders: Iterable[str | Path] = ()) -> None:
        env = [p for p in os.environ.get(ENV_TEMPLATES, "").split(os.pathsep) if p]
        self.folders = [Path(p) for p in (*folders, *env)]
        for folder in self.folders:
            if not folder.is_dir():
                raise TemplateError(f"{folder}: templates folder does not exist")
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
            raise TemplateError(f"no template named {name!r}: {', '.join(self.names())}") from None

    def render(self, name: str, context: dict[str, Any]) -> str:
        """Render one template; errors name the template and line."""
        try:
            return self.env.get_template(name).render(context)
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(f"no template named {exc.name!r}") from None
        except jinja2.TemplateSyntaxError as exc:
            where = f"{exc.filename or exc.name}:{exc.lineno}"
            raise TemplateError(f"{where}: template syntax error: {exc.message}") from None
        except (
            jinja2.UndefinedError,
            jinja2.exceptions.SecurityError,
            TypeError,
            ValueError,
            AttributeError,
        ) as exc:
            raise TemplateError(f"{_template_line(exc, name)}: {exc}") from None


def _template_line(exc: BaseException, name: str) -> str:
    # Jinja rewrites tracebacks so template frames carry the template's file and line.
    where = name
    for frame, line in traceback.walk_tb(exc.__traceback__):
        filename = frame.f_code.co_filename
        if filename.endswith((".j2", ".md", ".jinja")):
            where = f"{filename}:{line}"
    return where


@lru_cache(maxsize=8)
def _environment(folders: tuple[str, ...]) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(list(folders)),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters["md"] = Markdown
    env.filters["extract"] = lambda key, mapping: mapping[key]
    env.filters["sentence"] = _sentence
    env.filters["date"] = _format_date
    env.filters["plural"] = _plural
    return env


@jinja2.pass_context
def _format_date(context: jinja2.runtime.Context, value: date) -> str:
    market: ids.Marketplace = context["marketplace"]
    return market.format_date(value)


def _sentence(text: str) -> str:
    text = " ".join(str(text).split())
    return text if not text or text[-1] in ".!?" else text + "."


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """CommonMark with tables; no raw HTML, no images, no autolinks."""
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable("table")
    parser.disable(["image", "autolink", "html_inline", "html_block"])
    return parser


def parse_markdown(text: str) -> SyntaxTreeNode:
    """The document tree of a Markdown text."""
    return SyntaxTreeNode(markdown_parser().parse(text))


def document_date(case: Case) -> date:
    """The date printed on the document: given, or the latest past date in the case."""
    if case.prepared_on:
        return case.prepared_on
    dates = [case.notification.received_on]
    dates += [a.completed_on for a in case.corrective_actions]
    dates += [e.issued_on for e in case.evidence if e.issued_on]
    return max(dates)


def build_context(case: Case, catalog: Catalog) -> dict[str, Any]:
    """Everything a document template reads, derived once from the case and catalog."""
    note = case.notification
    issue = catalog.get(note.issue_type)
    market = ids.MARKETPLACES[note.marketplace]
    cause_no = {c.id: i for i, c in enumerate(case.root_causes, 1)}
    exhibit_no = {e.id: i for i, e in enumerate(case.evidence, 1)}
    areas: dict[str, list[Any]] = {}
    for measure in case.preventive_measures:
        areas.setdefault(measure.area, []).append(measure)
    return {
        "case": case,
        "seller": case.seller,
        "notice": note,
        "issue": issue,
        "route": ROUTES[issue.route],
        "marketplace": market,
        "token": case.seller.token_for(note.marketplace),
        "deadline": rules.deadline(case, catalog),
        "today": document_date(case),
        "cause_no": cause_no,
        "exhibit_no": exhibit_no,
        "measure_areas": list(areas.items()),
        "metrics": [_metric_row(m, catalog) for m in case.metrics],
        "has_invoices": any(e.kind == "invoice" for e in case.evidence),
    }


@dataclass(frozen=True)
class MetricRow:
    """A metric as a document shows it."""

    key: str
    name: str
    value: float
    target: float
    threshold: float | None
    window_days: int | None
    better: str
    meets_target: bool
    meets_threshold: bool | None
    cause: str | None

    @property
    def status(self) -> str:
        """In words, where the metric stands."""
        if self.meets_target:
            return "meets target"
        if self.meets_threshold:
            return "within Amazon's threshold, short of target"
        return "misses Amazon's threshold" if self.threshold is not None else "misses target"

    @property
    def comparison(self) -> str:
        """'below' or 'above'."""
        return "below" if self.better == "lower" else "above"


def _metric_row(metric: Metric, catalog: Catalog) -> MetricRow:
    spec = catalog.metrics.get(metric.metric)
    better = metric.better or (spec.better if spec else "lower")
    threshold = spec.threshold if spec else None
    target = metric.target if metric.target is not None else threshold
    assert target is not None  # the rules require a target for metrics outside the catalog

    def meets(goal: float) -> bool:
        return metric.value < goal if better == "lower" else metric.value > goal

    return MetricRow(
        key=metric.metric,
        name=spec.name if spec else metric.metric.replace("-", " ").capitalize(),
        value=metric.value,
        target=target,
        threshold=threshold,
        window_days=metric.window_days or (spec.window_days if spec else None),
        better=better,
        meets_target=meets(target),
        meets_threshold=meets(threshold) if threshold is not None else None,
        cause=metric.cause,
    )


def template_name(case: Case) -> str:
    """The document template for a case's kind."""
    return f"{case.kind.value}.md.j2"


def render_markdown(
    case: Case, *, catalog: Catalog | None = None, library: TemplateLibrary | None = None
) -> Rendered:
    """Render a case to Markdown and parse it into the document tree."""
    catalog = catalog or load_catalog()
    library = library or default_library()
    context = build_context(case, catalog)
    text = library.render(template_name(case), context)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    issue = context["issue"]
    market = context["marketplace"]
    tree = parse_markdown(text)
    first = tree.children[0] if tree.children else None
    if first is None or first.type != "heading":
        raise TemplateError(f"{template_name(case)}: a document must start with a # title")
    return Rendered(
        markdown=text,
        tree=tree,
        title=plain_text(first),
        author=f"{case.seller.signatory.name}, {case.seller.legal_name}",
        subject=f"{case.notification.subject} ({market.name}, merchant token {context['token']})",
        keywords=", ".join([issue.key, case.notification.marketplace, *case.notification.asins]),
        created=context["today"],
        paper=market.paper,
        language="en-US" if market.paper == "Letter" else "en-GB",
    )


@lru_cache(maxsize=1)
def default_library() -> TemplateLibrary:
    """The built-in templates plus any POA_TEMPLATES folders."""
    return TemplateLibrary()


# Walking the tree: helpers every writer shares.


@dataclass(frozen=True)
class Run:
    """A piece of inline text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    newline: bool = False


def inline_runs(node: SyntaxTreeNode, bold: bool = False, italic: bool = False) -> Iterator[Run]:
    """The text runs of an inline node, in order."""
    for child in node.children:
        kind = child.type
        if kind == "text":
            yield Run(child.content, bold, italic)
        elif kind == "code_inline":
            yield Run(child.content, bold, italic, code=True)
        elif kind in ("softbreak",):
            yield Run(" ", bold, italic)
        elif kind == "hardbreak":
            yield Run("", bold, italic, newline=True)
        else:
            yield from inline_runs(child, bold or kind == "strong", italic or kind == "em")


def plain_text(node: SyntaxTreeNode) -> str:
    """All text below a node, inline breaks as spaces."""
    if node.type == "inline":
        return "".join(r.text if not r.newline else "\n" for r in inline_runs(node))
    return " ".join(plain_text(child) for child in node.children)


def sections(tree: SyntaxTreeNode) -> list[tuple[str, list[SyntaxTreeNode]]]:
    """The tree split at level-2 headings: (heading text, blocks), the preamble first as ''."""
    result: list[tuple[str, list[SyntaxTreeNode]]] = [("", [])]
    for block in tree.children:
        if block.type == "heading" and block.tag == "h2":
            result.append((plain_text(block), []))
        else:
            result[-1][1].append(block)
    return result


def table_rows(node: SyntaxTreeNode) -> Sequence[tuple[bool, list[SyntaxTreeNode]]]:
    """A table's rows as (is header, cells)."""
    rows = []
    for part in node.children:
        for row in part.children:
            rows.append(
                (
                    part.type == "thead",
                    [cell.children[0] if cell.children else cell for cell in row.children],
                )
            )
    return rows
