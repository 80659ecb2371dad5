"""Writing outputs safely: inside the output folder, atomically, never over a file poa did not
write unless forced."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from .errors import OutputError

MANIFEST = ".poa-manifest.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class OutputDir:
    """An output folder that remembers what poa wrote there, by content hash."""

    def __init__(self, root: Path, force: bool = False) -> None:
        self.root = root
        self.force = force
        self.manifest_path = root / MANIFEST
        self.written: dict[str, str] = self._load()
        self.claimed: dict[str, str] = {}

    def _load(self) -> dict[str, str]:
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        files = data.get("files", {}) if isinstance(data, dict) else {}
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}

    def target(self, relative: str) -> Path:
        """The path for a relative output name, refusing anything that leaves the folder."""
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise OutputError(f"{relative}: output name leaves the output folder")
        return path

    def claim(self, relative: str, owner: str) -> None:
        """Reserve a name for one case; a second case wanting it is an error."""
        if relative in self.claimed and self.claimed[relative] != owner:
            raise OutputError(
                f"{relative} would be written by both {self.claimed[relative]} and "
                f"{owner}: give one case another store name, date or issue type"
            )
        self.claimed[relative] = owner

    def write(self, relative: str, data: bytes) -> str:
        """Write one output; returns 'wrote', 'unchanged'. Refuses to replace foreign files."""
        path = self.target(relative)
        digest = _digest(data)
        if path.exists():
            current = _digest(path.read_bytes())
            if current == digest:
                self.written[relative] = digest
                return "unchanged"
            if self.written.get(relative) != current and not self.force:
                raise OutputError(
                    f"{path} exists and was not written by poa (or was edited since): "
                    "move it away, choose another -o folder, or add --force to replace it"
                )
        try:
            write_atomic(path, data)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
        self.written[relative] = digest
        return "wrote"

    def save(self) -> None:
        """Record what was written, for the next run."""
        if not self.written:
            return
        text = json.dumps({"files": dict(sorted(self.written.items()))}, indent=1) + "\n"
        try:
            write_atomic(self.manifest_path, text.encode())
        except OSError as exc:
            raise OutputError(f"{self.manifest_path}: cannot write ({exc.strerror})") from None
