"""The importable API: one public surface, complete and sorted."""

import types

import poa


def test_all_is_sorted_and_complete() -> None:
    public = {
        name
        for name in dir(poa)
        if not name.startswith("_") and not isinstance(getattr(poa, name), types.ModuleType)
    }
    assert len(poa.__all__) == len(set(poa.__all__))  # ruff (RUF022) keeps the order sorted
    assert public | {"__version__"} == set(poa.__all__)
    for name in poa.__all__:
        assert getattr(poa, name) is not None


def test_every_error_has_an_exit_code() -> None:
    assert poa.UsageError("x").exit_code == 2
    for cls in (
        poa.InputError,
        poa.CaseInvalidError,
        poa.CatalogError,
        poa.DocumentTemplateError,
        poa.OutputError,
    ):
        assert issubclass(cls, poa.PoaError)
        assert cls("x").exit_code == 1
