"""poa: Amazon Plans of Action and Performance Improvement Plans from checked case files."""

from .cases import case_from_data, dump_case, find_case_files, load_case, parse_case
from .catalog import Catalog, IssueType, MetricSpec, load_catalog
from .documents import Rendered, TemplateLibrary, render_markdown
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
from .rendering import FORMATS, output_stem, render

__version__ = "0.1.0"

__all__ = [
    "FORMATS",
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
    "Rendered",
    "TemplateError",
    "TemplateLibrary",
    "UsageError",
    "__version__",
    "case_from_data",
    "dump_case",
    "find_case_files",
    "load_case",
    "load_catalog",
    "output_stem",
    "parse_case",
    "render",
    "render_markdown",
]
