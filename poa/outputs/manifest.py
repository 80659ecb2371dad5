"""The output folder's record of what poa wrote there: an append-only journal of file hashes
and case keys, so a run can skip unchanged cases and never mistakes a user's file for its own."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import stat
from pathlib import Path, PurePosixPath
from typing import Any, TypeGuard

from poa.errors import OutputError
from poa.outputs.atomic import write_atomic

MANIFEST = ".poa-manifest.jsonl"
KEEP_DIGESTS = 3
MAX_MANIFEST_BYTES = 256_000_000  # far beyond any real folder's record
_SHA256 = re.compile(r"[0-9a-f]{64}")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def digest(data: bytes) -> str:
    """The content hash poa records for an output."""
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str:
    """The content hash of a file, read in pieces (it may be large)."""
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def safe_name(name: object) -> TypeGuard[str]:
    """Whether a recorded output name stays inside the output folder."""
    if not isinstance(name, str) or not name or "\x00" in name or "\\" in name:
        return False
    pure = PurePosixPath(name)
    return not pure.is_absolute() and ".." not in pure.parts


class Manifest:
    """Files poa wrote (their recent hashes and sizes) and the key each case was rendered with.

    Lines that cannot be read (cut short by a killed run, edited by hand, of the wrong shape)
    are ignored and counted in `unreadable`, so a damaged journal never blocks a run."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, list[str]] = {}
        self.sizes: dict[str, int] = {}
        self.cases: dict[str, dict[str, Any]] = {}
        self.unreadable = 0
        self.loaded_size = 0

    @classmethod
    def load(cls, root: Path) -> Manifest:
        """Replay the journal."""
        manifest = cls(root)
        raw = _read(root / MANIFEST)
        manifest.loaded_size = len(raw)
        for line in raw.decode("utf-8", errors="replace").splitlines():
            if line.strip() and not manifest._apply_line(line):
                manifest.unreadable += 1
        return manifest

    def _apply_line(self, line: str) -> bool:
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            return False
        return isinstance(record, dict) and self._apply(record)

    def _apply(self, record: dict[str, Any]) -> bool:
        name, sha, size = record.get("file"), record.get("sha256"), record.get("size", -1)
        if safe_name(name) and isinstance(sha, str) and _SHA256.fullmatch(sha):
            if type(size) is not int:
                return False
            history = [d for d in self.files.get(name, []) if d != sha]
            self.files[name] = [*history, sha][-KEEP_DIGESTS:]
            self.sizes[name] = size
            return True
        case, key, outputs = record.get("case"), record.get("key"), record.get("outputs")
        if (
            isinstance(case, str)
            and isinstance(key, str)
            and isinstance(outputs, list)
            and all(safe_name(o) for o in outputs)
        ):
            self.cases[case] = {"key": key, "outputs": list(outputs)}
            return True
        return False

    @staticmethod
    def journal(root: Path, record: dict[str, Any]) -> None:
        """Append one record; called before an output is renamed into place. The journal is
        never written through a symbolic link, and a line a killed run cut short is ended
        first, so the record is not lost by being glued onto it."""
        path = root / MANIFEST
        line = (json.dumps(record, sort_keys=True) + "\n").encode()
        try:
            fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | _NOFOLLOW, 0o666)
            try:
                if (
                    os.lseek(fd, 0, os.SEEK_END)
                    and os.pread(fd, 1, os.lseek(fd, -1, os.SEEK_END)) != b"\n"
                ):
                    line = b"\n" + line
                os.write(fd, line)
            finally:
                os.close(fd)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({_reason(exc)})") from None

    def known_for(self, names: list[str]) -> dict[str, list[str]]:
        """The hashes poa recorded for these outputs."""
        return {name: self.files[name] for name in names if name in self.files}

    def owners(self) -> dict[str, str]:
        """Each recorded output and the case that last wrote it."""
        return {o: case for case, record in self.cases.items() for o in record["outputs"]}

    def outputs_intact(self, names: list[str]) -> bool:
        """Whether every output exists with the size poa last wrote."""
        for name in names:
            path = self.root / name
            if name not in self.sizes or not path.is_file():
                return False
            if path.stat().st_size != self.sizes[name]:
                return False
        return True

    def record_case(self, case: str, key: str, outputs: list[str]) -> None:
        """Remember the key a case's outputs were rendered with."""
        record = {"case": case, "key": key, "outputs": outputs}
        self._apply(record)
        self.journal(self.root, record)

    def save(self) -> None:
        """Compact the journal (workers' records included) into one line per file and case.
        Only when this run added to it; compaction is tidying, so a failure (a full disk, a
        read-only folder) leaves the journal as it is."""
        path = self.root / MANIFEST
        try:
            if path.is_symlink() or path.stat().st_size == self.loaded_size:
                return
            current = Manifest.load(self.root)
        except (OSError, OutputError):
            return
        lines = [
            json.dumps(
                {"file": name, "sha256": sha, "size": current.sizes.get(name, -1)}, sort_keys=True
            )
            for name, history in sorted(current.files.items())
            for sha in history
        ]
        lines += [
            json.dumps({"case": case, **record}, sort_keys=True)
            for case, record in sorted(current.cases.items())
        ]
        with contextlib.suppress(OSError):
            write_atomic(path, ("\n".join(lines) + "\n").encode())


def _read(path: Path) -> bytes:
    try:
        # Non-blocking: a pipe put in the journal's place must not hang the run.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _NOFOLLOW)
    except FileNotFoundError:
        return b""
    except OSError as exc:
        raise OutputError(f"{path}: cannot be read ({_reason(exc)})") from None
    with os.fdopen(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OutputError(
                f"{path}: is not a file: poa keeps its record of the folder there; move it away"
            )
        return stream.read(MAX_MANIFEST_BYTES)


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "it is a symbolic link: poa writes only inside the output folder; remove the link"
    return str(exc.strerror)
