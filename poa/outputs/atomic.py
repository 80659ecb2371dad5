"""Atomic writes: a temporary file beside the target, renamed into place."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path

from poa.errors import OutputError

PART_SUFFIX = ".poa-part"
# A temporary file whose writer cannot be checked (another machine, or a name from an older
# poa) is left alone until it is this old: a writer needs seconds, never an hour.
STALE_PART_SECONDS = 3600
_PID_MARK = ".pid"


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    with (
        contextlib.suppress(OSError, ValueError, IndexError),
        open("/proc/self/status", encoding="ascii", errors="replace") as status,
    ):
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)  # elsewhere the only way to read it is to set it and set it back
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename it into place, so a reader
    (or a run killed at any moment) sees either the old file or the whole new one.

    A new file gets the permissions the user's umask gives (as `open` would); a replaced file
    keeps its own. An OSError names `path`, never the temporary file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~current_umask()
        # The writer's pid in the name lets a later run tell a live writer's file from debris.
        prefix = f".{path.name[:64]}{_PID_MARK}{os.getpid()}."
        handle, temp = tempfile.mkstemp(prefix=prefix, suffix=PART_SUFFIX, dir=path.parent)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise


def write_text_file(path: Path, text: str) -> None:
    """Write a text file atomically; an OSError becomes an OutputError naming the file. A
    symbolic link (even one that points nowhere) is refused rather than written through."""
    if path.is_symlink():
        raise OutputError(
            f"{path} is a symbolic link (to {os.readlink(path)}): poa does not write through "
            "links; give the real path, or remove the link"
        )
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None


def is_part_file(name: str | os.PathLike[str]) -> bool:
    """Whether a path is one of poa's temporary files (never named to a user)."""
    return Path(name).name.startswith(".") and str(name).endswith(PART_SUFFIX)


def part_writer(name: str) -> int | None:
    """The pid of the process that wrote a temporary file of this name, if it says."""
    head, mark, tail = name.rpartition(_PID_MARK)
    digits = tail.split(".", 1)[0]
    return int(digits) if mark and head and digits.isdigit() else None


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid runs on this machine. One that has ended but not yet
    been collected by its parent (a zombie, as the killed workers of a killed batch stay where
    nothing collects them) does not."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """Whether the process has ended and waits to be collected (Linux's /proc says so; where
    there is no /proc, a process that answers is taken as running)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    # The state follows the command name, which is in parentheses and may hold anything.
    return status.rpartition(")")[2].split()[:1] == ["Z"]


def remove_stale_parts(root: Path, pids: set[int] | None = None) -> None:
    """Remove temporary files left under `root` by writers that died: those of `pids` (our
    own stopped workers), or else those whose writer is gone, or that are very old. A file
    another live run is writing is never touched. Symbolic links are not followed."""
    now = time.time()
    for top, _dirs, names in os.walk(root):
        for name in names:
            if not is_part_file(name):
                continue  # poa's temporaries are hidden files; anything else is the user's
            path = Path(top, name)
            writer = part_writer(name)
            stale = writer in pids if pids is not None else _abandoned(path, writer, now)
            if stale:
                with contextlib.suppress(OSError):
                    path.unlink()


def _abandoned(path: Path, writer: int | None, now: float) -> bool:
    try:
        age = now - path.lstat().st_mtime
    except OSError:
        return False
    if age > STALE_PART_SECONDS:
        return True
    return writer is not None and writer != os.getpid() and not pid_alive(writer)
