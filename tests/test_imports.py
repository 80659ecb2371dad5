"""Import hygiene: the quick commands load no third-party package, and the rooms import one
way only (lower rooms never import higher ones, nobody imports another module's privates)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "poa"
# The rooms from the bottom up: a module may import its own room and the ones before it.
ROOMS = [
    ("poa.errors", "poa.version", "poa.resources", "poa.textfile"),
    (
        "poa.case.dates",
        "poa.case.marketplaces",
        "poa.case.ids",
        "poa.yamldump",
        "poa.yamlfile",
        "poa.yamlnumbers",
        "poa.yamlsyntax",
    ),
    ("poa.case.kinds", "poa.case.values", "poa.case.records", "poa.case.model"),
    ("poa.catalog", "poa.pairing"),
    ("poa.case.rules", "poa.case.consistency", "poa.case.files", "poa.case"),
    ("poa.checks", "poa.triage"),
    ("poa.documents",),
    ("poa.outputs",),
    ("poa.health",),
    ("poa.scaffold",),
    ("poa.renderer", "poa.workers"),
    ("poa.log",),
    ("poa.batch",),
    ("poa.interview", "poa.interview.review"),
    ("poa.cli", "poa.__main__", "poa"),
]

PROBE = """
import sys
before = set(sys.modules)
from poa.cli import main
import io
main({argv!r}, stdout=io.StringIO(), stderr=io.StringIO())
new = {{m.split(".")[0] for m in set(sys.modules) - before}}
print(sorted(new - set(sys.stdlib_module_names) - {{"poa"}}))
"""


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["--version"], ["render", "--help"], ["validate", "--help"], ["interview", "-h"]],
    ids=" ".join,
)
def test_help_and_version_import_no_third_party_package(argv: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert proc.stdout.strip() == "[]", proc.stdout + proc.stderr


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _rank(module: str) -> int:
    """The room of a module: the one with the longest prefix that names it."""
    matches = [
        (len(prefix), rank)
        for rank, prefixes in enumerate(ROOMS)
        for prefix in prefixes
        if module == prefix or module.startswith(prefix + ".")
    ]
    return max(matches)[1]


def _resolve(module: str, name: str) -> str:
    """`from poa.case import ids` imports the module poa.case.ids."""
    candidate = ROOT.joinpath(*f"{module}.{name}".split("."))
    return f"{module}.{name}" if candidate.with_suffix(".py").is_file() else module


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node except those under `if TYPE_CHECKING:`, which never run."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for child in node.body for n in ast.walk(child)}
    return [n for n in ast.walk(tree) if id(n) not in skip]


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("poa"):
            for alias in node.names:
                found.append((_resolve(node.module, alias.name), [alias.name]))
        elif isinstance(node, ast.Import):
            found += [(a.name, []) for a in node.names if a.name.startswith("poa")]
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_rooms_import_downwards_only_and_no_private_names(path: Path) -> None:
    here = _module_name(path)
    for module, names in _imports(path):
        private = [n for n in names if n.startswith("_")]
        assert not private, f"{here} imports private {private} from {module}"
        if module == "poa" or here in ("poa", "poa.__main__") or here.startswith("poa.cli"):
            continue  # the CLI and the package's own lazy exports sit on top
        assert _rank(module) <= _rank(here), f"{here} (a lower room) imports {module}"


def test_no_module_over_400_lines_and_no_function_over_50() -> None:
    too_long = []
    for path in MODULES:
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > 400:
            too_long.append(f"{path.relative_to(ROOT)}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 50:
                    too_long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {length}")
    assert too_long == []


def test_the_cli_uses_only_the_public_api() -> None:
    import poa

    for path in sorted((PACKAGE / "cli").glob("*.py")):
        for module, names in _imports(path):
            if module == "poa":
                assert set(names) <= set(poa.__all__), path.name
            else:
                assert module.startswith("poa.cli"), f"{path.name} imports {module}"
        text = path.read_text(encoding="utf-8")
        used = {m for m in ast.walk(ast.parse(text)) if isinstance(m, ast.Attribute)}
        public = {a.attr for a in used if isinstance(a.value, ast.Name) and a.value.id == "poa"}
        assert public <= set(poa.__all__), f"{path.name} uses poa.{public - set(poa.__all__)}"
