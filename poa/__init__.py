"""poa: Amazon Plans of Action and Performance Improvement Plans from checked case files.

The names in ``__all__`` are the public API. They are imported on first use, so that
``import poa`` (and ``poa --help``) stays free of third-party packages until one is needed.
"""

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
    from poa.batch import Job, Options, Result, Status, jobs_for, render_batch
    from poa.case.files import (
        CheckedCase,
        case_from_data,
        check_case,
        dump_case,
        find_case_files,
        load_case,
        parse_case,
    )
    from poa.case.model import Case, Kind
    from poa.catalog import Catalog, IssueType, MetricSpec, load_catalog
    from poa.checks.case_rules import case_digest
    from poa.checks.config import CheckConfig, load_check_config
    from poa.checks.engine import check
    from poa.checks.findings import FieldKind, Finding, Severity
    from poa.checks.report import CheckReport, format_reports, reports_json
    from poa.checks.review import Review, Reviewer
    from poa.checks.rulebook import CHECK_RULES, Rule
    from poa.documents.formats import DEFAULT_FORMATS, FORMATS, Format, parse_formats
    from poa.documents.library import TemplateLibrary
    from poa.documents.render import output_stem, render, render_markdown
    from poa.documents.tree import Rendered
    from poa.errors import (
        CaseInvalidError,
        CatalogError,
        DocumentTemplateError,
        EngineMissingError,
        InputError,
        InternalError,
        Interrupted,
        InterviewCancelled,
        InterviewStopped,
        OutputError,
        PoaError,
        Problem,
        ResourceMissingError,
        UsageError,
    )
    from poa.health.chart import draw_chart
    from poa.health.counts import DailyCounts, counts_from_records, parse_counts, read_counts
    from poa.health.metrics import HealthStatus, HealthTrend
    from poa.health.plan import case_from_health
    from poa.health.report import HealthReport, MetricHealth, health_report, parse_targets
    from poa.health.text import format_health, health_data, health_json
    from poa.interview import run_interview
    from poa.log import (
        LOG_SORT_KEYS,
        LOG_STATUSES,
        SUBMIT_CHANNELS,
        LogRow,
        MetricTracking,
        Recorded,
        SubmissionChanges,
        case_status,
        filter_log,
        format_log,
        health_source,
        log_csv,
        log_json,
        read_log,
        record_outcome,
        sort_log,
        submissions_folder,
        submit_case,
        track_metrics,
    )
    from poa.scaffold import case_schema, scaffold_text, write_scaffold
    from poa.triage import NoticeTriage, format_triage, read_notice, triage_notice

_HOMES = {
    "poa.batch": ("Job", "Options", "Result", "Status", "jobs_for", "render_batch"),
    "poa.case.files": (
        "CheckedCase",
        "case_from_data",
        "check_case",
        "dump_case",
        "find_case_files",
        "load_case",
        "parse_case",
    ),
    "poa.case.model": ("Case", "Kind"),
    "poa.catalog": ("Catalog", "IssueType", "MetricSpec", "load_catalog"),
    "poa.checks.case_rules": ("case_digest",),
    "poa.checks.config": ("CheckConfig", "load_check_config"),
    "poa.checks.engine": ("check",),
    "poa.checks.findings": ("FieldKind", "Finding", "Severity"),
    "poa.checks.report": ("CheckReport", "format_reports", "reports_json"),
    "poa.checks.review": ("Review", "Reviewer"),
    "poa.checks.rulebook": ("CHECK_RULES", "Rule"),
    "poa.documents.library": ("TemplateLibrary",),
    "poa.documents.formats": ("DEFAULT_FORMATS", "FORMATS", "Format", "parse_formats"),
    "poa.documents.render": ("output_stem", "render", "render_markdown"),
    "poa.documents.tree": ("Rendered",),
    "poa.errors": (
        "CaseInvalidError",
        "CatalogError",
        "DocumentTemplateError",
        "EngineMissingError",
        "InputError",
        "InternalError",
        "Interrupted",
        "InterviewCancelled",
        "InterviewStopped",
        "OutputError",
        "PoaError",
        "Problem",
        "ResourceMissingError",
        "UsageError",
    ),
    "poa.health.chart": ("draw_chart",),
    "poa.health.counts": ("DailyCounts", "counts_from_records", "parse_counts", "read_counts"),
    "poa.health.metrics": ("HealthStatus", "HealthTrend"),
    "poa.health.plan": ("case_from_health",),
    "poa.health.report": ("HealthReport", "MetricHealth", "health_report", "parse_targets"),
    "poa.health.text": ("format_health", "health_data", "health_json"),
    "poa.interview": ("run_interview",),
    "poa.log": (
        "LOG_SORT_KEYS",
        "LOG_STATUSES",
        "SUBMIT_CHANNELS",
        "LogRow",
        "MetricTracking",
        "Recorded",
        "SubmissionChanges",
        "case_status",
        "filter_log",
        "format_log",
        "health_source",
        "log_csv",
        "log_json",
        "read_log",
        "record_outcome",
        "sort_log",
        "submissions_folder",
        "submit_case",
        "track_metrics",
    ),
    "poa.scaffold": ("case_schema", "scaffold_text", "write_scaffold"),
    "poa.triage": ("NoticeTriage", "format_triage", "read_notice", "triage_notice"),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "CHECK_RULES",
    "DEFAULT_FORMATS",
    "FORMATS",
    "LOG_SORT_KEYS",
    "LOG_STATUSES",
    "SUBMIT_CHANNELS",
    "Case",
    "CaseInvalidError",
    "Catalog",
    "CatalogError",
    "CheckConfig",
    "CheckReport",
    "CheckedCase",
    "DailyCounts",
    "DocumentTemplateError",
    "EngineMissingError",
    "FieldKind",
    "Finding",
    "Format",
    "HealthReport",
    "HealthStatus",
    "HealthTrend",
    "InputError",
    "InternalError",
    "Interrupted",
    "InterviewCancelled",
    "InterviewStopped",
    "IssueType",
    "Job",
    "Kind",
    "LogRow",
    "MetricHealth",
    "MetricSpec",
    "MetricTracking",
    "NoticeTriage",
    "Options",
    "OutputError",
    "PoaError",
    "Problem",
    "Recorded",
    "Rendered",
    "ResourceMissingError",
    "Result",
    "Review",
    "Reviewer",
    "Rule",
    "Severity",
    "Status",
    "SubmissionChanges",
    "TemplateLibrary",
    "UsageError",
    "__version__",
    "case_digest",
    "case_from_data",
    "case_from_health",
    "case_schema",
    "case_status",
    "check",
    "check_case",
    "counts_from_records",
    "draw_chart",
    "dump_case",
    "filter_log",
    "find_case_files",
    "format_health",
    "format_log",
    "format_reports",
    "format_triage",
    "health_data",
    "health_json",
    "health_report",
    "health_source",
    "jobs_for",
    "load_case",
    "load_catalog",
    "load_check_config",
    "log_csv",
    "log_json",
    "output_stem",
    "parse_case",
    "parse_counts",
    "parse_formats",
    "parse_targets",
    "read_counts",
    "read_log",
    "read_notice",
    "record_outcome",
    "render",
    "render_batch",
    "render_markdown",
    "reports_json",
    "run_interview",
    "scaffold_text",
    "sort_log",
    "submissions_folder",
    "submit_case",
    "track_metrics",
    "triage_notice",
    "write_scaffold",
]


def __getattr__(name: str) -> object:
    if name == "__version__":
        from poa.version import version

        return version()
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'poa' has no attribute {name!r}")
    value = getattr(_importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
