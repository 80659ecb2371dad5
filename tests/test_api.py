"""The importable API: one public surface, complete and sorted."""

import poa


def test_all_is_sorted_and_complete() -> None:
    public = {name for name in dir(poa) if not name.startswith("_")} - {
        # submodules are reachable but not part of the flat API
        "cases",
        "catalog",
        "errors",
        "ids",
        "models",
        "rules",
        "yamlfile",
        "scaffold",
        "cli",
    }
    assert poa.__all__ == sorted(poa.__all__)
    assert public | {"__version__"} == set(poa.__all__)


def test_every_error_has_an_exit_code() -> None:
    assert poa.UsageError("x").exit_code == 2
    for cls in (
        poa.InputError,
        poa.CaseInvalid,
        poa.CatalogError,
        poa.TemplateError,
        poa.OutputError,
    ):
        assert issubclass(cls, poa.PoaError)
        assert cls("x").exit_code == 1
