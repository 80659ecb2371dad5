"""Where poa's own files are: the built-in templates, catalog and themes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from poa.errors import ResourceMissingError


@cache
def builtin_dir() -> Path:
    """The folder holding the built-in templates, catalog and themes."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "catalog").is_dir():
            return candidate
    raise ResourceMissingError(f"poa's templates folder is missing next to {here}: reinstall poa")


def default_theme() -> Path:
    """The built-in theme folder."""
    return builtin_dir() / "themes" / "default"
