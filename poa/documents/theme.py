"""Checking a theme folder once, before any case is rendered with it."""

from __future__ import annotations

import zipfile
from functools import lru_cache
from pathlib import Path

from poa.errors import UsageError

REFERENCE_NAME = "reference.docx"
# A letterhead template with a logo is well under these; a zip bomb is far over them.
MAX_REFERENCE_BYTES = 10_000_000
MAX_REFERENCE_UNPACKED = 30_000_000
MAX_REFERENCE_ENTRIES = 500
REQUIRED_PARTS = ("[Content_Types].xml", "word/document.xml")


def check_theme(theme: Path) -> None:
    """Refuse, with one clear line, a theme whose reference.docx is not a Word document of a
    sensible size; the theme's stylesheet is checked by the PDF writer."""
    reference = theme / REFERENCE_NAME
    if reference.exists():
        check_reference_docx(reference)


def check_reference_docx(path: Path) -> None:
    """Refuse a reference.docx that is not a real DOCX (a zip holding [Content_Types].xml and
    word/document.xml that Word's format reader opens) or is too large once unpacked."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror})") from None
    _check_once(str(path), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=8)
def _check_once(name: str, size: int, mtime: int) -> None:
    # Cached by size and time: a batch checks its theme once, not once per case.
    fix = "save the letterhead again from Word as a .docx, or remove it to use the built-in look"
    if size > MAX_REFERENCE_BYTES:
        raise UsageError(
            f"{name}: {size:,} bytes is too large for a reference document "
            f"(at most {MAX_REFERENCE_BYTES:,}): {fix}"
        )
    try:
        with zipfile.ZipFile(name) as archive:
            infos = archive.infolist()
    except (OSError, zipfile.BadZipFile, ValueError) as exc:
        raise UsageError(f"{name}: not a Word document ({exc}): {fix}") from None
    names = {info.filename for info in infos}
    missing = [part for part in REQUIRED_PARTS if part not in names]
    if missing:
        raise UsageError(f"{name}: not a Word document (no {', '.join(missing)}): {fix}")
    unpacked = sum(info.file_size for info in infos)
    if len(infos) > MAX_REFERENCE_ENTRIES or unpacked > MAX_REFERENCE_UNPACKED:
        raise UsageError(
            f"{name}: unpacks to {len(infos):,} files and {unpacked:,} bytes, more than a "
            f"reference document needs (at most {MAX_REFERENCE_ENTRIES:,} files and "
            f"{MAX_REFERENCE_UNPACKED:,} bytes): {fix}"
        )
    _open_once(name)


def _open_once(name: str) -> None:
    import docx

    try:
        docx.Document(name)
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise UsageError(
            f"{name}: Word documents like this cannot be read ({exc.__class__.__name__}: "
            f"{exc}): save the letterhead again from Word as a .docx"
        ) from None
