"""Output files: where a case's documents go, whether one may be replaced, and writing each
one atomically so a reader never sees half a file."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from poa.errors import OutputError
from poa.outputs.atomic import write_atomic
from poa.outputs.manifest import Manifest, digest


class WriteOutcome(StrEnum):
    """What happened to one output file."""

    WROTE = "wrote"
    UNCHANGED = "unchanged"


def output_names(folder: str, stem: str, formats: Sequence[str]) -> list[str]:
    """The output files of one case, relative to the output folder, one per format."""
    return [f"{folder}/{stem}.{fmt}".lstrip("/") for fmt in formats]


def write_output(
    root: Path, name: str, data: bytes, known: Sequence[str], *, force: bool = False
) -> WriteOutcome:
    """Write one output under the folder `root`, recording it in the manifest first.

    The overwrite rule: a file poa wrote (its hash is among `known`) may be replaced; any
    other file in the way is an OutputError unless `force`. So is a file or folder that
    cannot be read or written."""
    path = root / name
    try:
        return _write(root, path, name, data, known, force)
    except OSError as exc:
        # Name what failed when it is not the output itself, such as an -o that is a file.
        other = f": {exc.filename}" if exc.filename and Path(exc.filename) != path else ""
        raise OutputError(f"{path}: cannot write ({exc.strerror}{other})") from None


def _write(
    root: Path, path: Path, name: str, data: bytes, known: Sequence[str], force: bool
) -> WriteOutcome:
    new = digest(data)
    record = {"file": name, "sha256": new, "size": len(data)}
    if path.exists():
        current = digest(path.read_bytes())
        if current == new:
            if new not in known:
                Manifest.journal(root, record)
            return WriteOutcome.UNCHANGED
        if current not in known and not force:
            raise OutputError(
                f"{path} exists and was not written by poa (or was edited since): move it "
                "away, choose another -o folder, or add --force to replace it"
            )
    Manifest.journal(root, record)
    write_atomic(path, data)
    return WriteOutcome.WROTE
