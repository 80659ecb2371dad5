"""poa: Amazon Plans of Action and Performance Improvement Plans from checked case files."""

from .cases import case_from_data, dump_case, find_case_files, load_case, parse_case
from .catalog import Catalog, IssueType, MetricSpec, load_catalog
from .errors import (
    CaseInvalid,
    CatalogError,
    InputError,
    OutputError,
    PoaError,
    Problem,
    TemplateError,
    UsageError,
)
from .models import Case, Kind

__version__ = "0.1.0"

__all__ = [
    "Case",
    "CaseInvalid",
    "Catalog",
    "CatalogError",
    "InputError",
    "IssueType",
    "Kind",
    "MetricSpec",
    "OutputError",
    "PoaError",
    "Problem",
    "TemplateError",
    "UsageError",
    "__version__",
    "case_from_data",
    "dump_case",
    "find_case_files",
    "load_case",
    "load_catalog",
    "parse_case",
]
