"""Atomic writes: a temporary file beside the target, renamed into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from poa.errors import OutputError

PART_SUFFIX = ".poa-part"


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename it into place, so a reader
    (or a run killed at any moment) sees either the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PART_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_text_file(path: Path, text: str) -> None:
    """Write a text file atomically; an OSError becomes an OutputError naming the file."""
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
