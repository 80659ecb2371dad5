"""Output files: where a case's documents go, whether one may be replaced, and writing each
one atomically so a reader never sees half a file."""

from __future__ import annotations

import os
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from poa.errors import OutputError
from poa.outputs.atomic import is_part_file, write_atomic
from poa.outputs.manifest import Manifest, digest, file_digest, safe_name


class WriteOutcome(StrEnum):
    """What happened to one output file."""

    WROTE = "wrote"
    UNCHANGED = "unchanged"


def output_names(folder: str, stem: str, formats: Sequence[str]) -> list[str]:
    """The output files of one case, relative to the output folder, one per format."""
    return [f"{folder}/{stem}.{fmt}".lstrip("/") for fmt in formats]


def inside(root: Path, name: str) -> Path:
    """The path of output `name` under `root`; OutputError if it would lead outside `root`,
    such as through a symbolic link someone left in the folder."""
    if not safe_name(name):
        raise OutputError(f"{name}: not a file name inside the output folder")
    real_root = Path(os.path.realpath(root))
    current = root
    for part in Path(name).parts:
        current = current / part
        if current.is_symlink():
            target = Path(os.path.realpath(current))
            if not target.is_relative_to(real_root) or target == real_root:
                raise OutputError(
                    f"{current} is a symbolic link to {os.readlink(current)}, outside the output "
                    f"folder {root}: poa writes only inside it; remove the link or choose "
                    "another -o folder"
                )
    return root / name


def write_output(
    root: Path, name: str, data: bytes, known: Sequence[str], *, force: bool = False
) -> WriteOutcome:
    """Write one output under the folder `root`, recording it in the manifest first.

    The overwrite rule: a file poa wrote (its hash is among `known`) may be replaced; any
    other file in the way is an OutputError unless `force`. Nothing is written outside `root`,
    and a file or folder that cannot be read or written is an OutputError too."""
    if root.exists() and not root.is_dir():
        raise OutputError(f"{root}: is a file, not a folder: choose another -o folder")
    path = inside(root, name)
    try:
        return _write(root, path, name, data, known, force)
    except OSError as exc:
        # Name what failed when it is not the output itself, such as an -o that is a file.
        name_it = exc.filename and Path(exc.filename) != path
        other = f": {exc.filename}" if name_it and not is_part_file(exc.filename) else ""
        raise OutputError(f"{path}: cannot write ({exc.strerror}{other})") from None


def _write(
    root: Path, path: Path, name: str, data: bytes, known: Sequence[str], force: bool
) -> WriteOutcome:
    new = digest(data)
    record = {"file": name, "sha256": new, "size": len(data)}
    if os.path.lexists(path):
        current = _current_digest(path)
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


def _current_digest(path: Path) -> str | None:
    """The hash of the file in the way, or None for a link within the folder (replaced as
    poa's own would be only with --force); anything but a file is refused."""
    if path.is_symlink():
        return None
    if not path.is_file():
        raise OutputError(
            f"{path} exists and is not a file (a folder or a device): move it away or choose "
            "another -o folder"
        )
    try:
        return file_digest(path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot be read to compare ({exc.strerror})") from None
