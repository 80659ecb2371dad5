"""poa's version, read once from the installed package's metadata."""

from __future__ import annotations

from functools import cache


@cache
def version() -> str:
    """The installed version of poa, or '0+unknown' when run from a bare source tree."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("poa")
    except PackageNotFoundError:
        return "0+unknown"
