"""The output formats a case renders to."""

from __future__ import annotations

from enum import StrEnum

from poa.errors import UsageError


class Format(StrEnum):
    """An output format: Word, PDF, appeal-form text or Markdown."""

    DOCX = "docx"
    PDF = "pdf"
    TXT = "txt"
    MD = "md"


FORMATS = tuple(Format)
DEFAULT_FORMATS = (Format.DOCX, Format.PDF)


def parse_formats(text: str) -> tuple[Format, ...]:
    """Formats from a comma-separated list such as 'docx,pdf'; UsageError names unknown ones."""
    chosen = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in set(FORMATS)]
    if unknown or not chosen:
        raise UsageError(
            f"unknown format {', '.join(map(repr, unknown)) or repr(text)}: "
            f"choose from {', '.join(FORMATS)}"
        )
    return tuple(Format(f) for f in dict.fromkeys(chosen))
