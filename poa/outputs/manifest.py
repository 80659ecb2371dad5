"""The output folder's record of what poa wrote there: an append-only journal of file hashes
and case keys, so a run can skip unchanged cases and never mistakes a user's file for its own."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from poa.outputs.atomic import PART_SUFFIX, write_atomic

MANIFEST = ".poa-manifest.jsonl"
KEEP_DIGESTS = 3


def digest(data: bytes) -> str:
    """The content hash poa records for an output."""
    return hashlib.sha256(data).hexdigest()


class Manifest:
    """Files poa wrote (their recent hashes and sizes) and the key each case was rendered with."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, list[str]] = {}
        self.sizes: dict[str, int] = {}
        self.cases: dict[str, dict[str, Any]] = {}

    @classmethod
    def load(cls, root: Path) -> Manifest:
        """Replay the journal; a line cut short by a killed run is ignored."""
        manifest = cls(root)
        try:
            lines = (root / MANIFEST).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                manifest._apply(record)
        return manifest

    def _apply(self, record: dict[str, Any]) -> None:
        if isinstance(record.get("file"), str) and isinstance(record.get("sha256"), str):
            name = record["file"]
            history = [d for d in self.files.get(name, []) if d != record["sha256"]]
            self.files[name] = [*history, record["sha256"]][-KEEP_DIGESTS:]
            self.sizes[name] = int(record.get("size", -1))
        elif isinstance(record.get("case"), str) and isinstance(record.get("outputs"), list):
            self.cases[record["case"]] = {
                "key": str(record.get("key")),
                "outputs": [str(o) for o in record["outputs"]],
            }

    @staticmethod
    def journal(root: Path, record: dict[str, Any]) -> None:
        """Append one record; called before an output is renamed into place. A line a killed
        run cut short is ended first, so the record is not lost by being glued onto it."""
        root.mkdir(parents=True, exist_ok=True)
        line = (json.dumps(record, sort_keys=True) + "\n").encode()
        with (root / MANIFEST).open("a+b") as stream:
            end = stream.seek(0, os.SEEK_END)
            if end:
                stream.seek(end - 1)
                if stream.read(1) != b"\n":
                    line = b"\n" + line
            stream.write(line)
            stream.flush()

    def known_for(self, names: list[str]) -> dict[str, list[str]]:
        """The hashes poa recorded for these outputs."""
        return {name: self.files[name] for name in names if name in self.files}

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
        """Compact the journal (workers' records included) into one line per file and case."""
        if not (self.root / MANIFEST).exists():
            return
        current = Manifest.load(self.root)
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
        write_atomic(self.root / MANIFEST, ("\n".join(lines) + "\n").encode())

    def clean_partial_files(self) -> None:
        """Remove temporary files a killed run left behind."""
        if not self.root.is_dir():
            return
        for path in self.root.rglob(f".*{PART_SUFFIX}"):
            path.unlink(missing_ok=True)
